#define _GNU_SOURCE
#include "cloasystem.h"

#include <string.h>

#include <sys/stat.h>

int loa_file_stamp(const char *path, int64_t *size, int64_t *modified_ns) {
    struct stat info;
    if (stat(path, &info) != 0) return -1;
    *size = (int64_t)info.st_size;
    *modified_ns = (int64_t)info.st_mtim.tv_sec * 1000000000LL + (int64_t)info.st_mtim.tv_nsec;
    return 0;
}

int loa_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}
