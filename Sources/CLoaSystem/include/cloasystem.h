// Small POSIX helpers whose struct layouts Swift imports from several modules at once.
#ifndef LOA_CLOASYSTEM_H
#define LOA_CLOASYSTEM_H

#include <stddef.h>
#include <stdint.h>

/// Size and modification time (nanoseconds since the epoch) of a file; returns 0, or -1 with errno set.
int loa_file_stamp(const char *path, int64_t *size, int64_t *modified_ns);

/// Whether `needle` occurs in `haystack` (memmem, which glibc declares only under _GNU_SOURCE).
int loa_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
