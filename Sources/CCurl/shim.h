// Typed wrappers over libcurl's variadic calls, which Swift cannot call directly.
#ifndef LOA_CCURL_SHIM_H
#define LOA_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*loa_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode loa_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode loa_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode loa_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode loa_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode loa_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode loa_easy_setopt_callback(CURL *handle, CURLoption option, loa_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode loa_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode loa_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode loa_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

// CURLMsg.data is a union; Swift reads it through these.
static inline int loa_message_is_done(const CURLMsg *message) { return message->msg == CURLMSG_DONE; }
static inline CURL *loa_message_easy(const CURLMsg *message) { return message->easy_handle; }
static inline CURLcode loa_message_result(const CURLMsg *message) { return message->data.result; }

#endif
