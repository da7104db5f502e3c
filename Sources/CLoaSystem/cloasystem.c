#define _GNU_SOURCE
#include "cloasystem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

int loa_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}

static int loa_is_queue_name(const char *name) {
    size_t length = strlen(name);
    if (name[0] == '.' || name[0] == '_' || length <= 3) return 0;
    return strcmp(name + length - 3, ".md") == 0;
}

static int loa_compare_entries(const void *left, const void *right) {
    return strcmp(((const loa_queue_entry *)left)->name, ((const loa_queue_entry *)right)->name);
}

long loa_queue_list(const char *directory, loa_queue_entry **entries) {
    *entries = NULL;
    DIR *folder = opendir(directory);
    if (folder == NULL) return -1;
    int descriptor = dirfd(folder);
    long count = 0, capacity = 0;
    loa_queue_entry *list = NULL;
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        if (!loa_is_queue_name(entry->d_name)) continue;
        struct stat info;
        // A link that leads nowhere (or back to itself) is listed with its own stamp, and a folder named `*.md`
        // with the folder's, so that the parser reports them as it reports any file it cannot read.
        if (fstatat(descriptor, entry->d_name, &info, 0) != 0 &&
            fstatat(descriptor, entry->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (count == capacity) {
            capacity = capacity == 0 ? 256 : capacity * 2;
            loa_queue_entry *grown = realloc(list, (size_t)capacity * sizeof *list);
            if (grown == NULL) {
                loa_queue_list_free(list, count);
                closedir(folder);
                errno = ENOMEM;
                return -1;
            }
            list = grown;
        }
        list[count].name = strdup(entry->d_name);
        list[count].size = (int64_t)info.st_size;
        list[count].modified_ns = (int64_t)info.st_mtim.tv_sec * 1000000000LL + (int64_t)info.st_mtim.tv_nsec;
        count += 1;
    }
    closedir(folder);
    *entries = list;
    return count;
}

int loa_file_kind(const char *path, int follow_links) {
    struct stat info;
    int result = follow_links ? stat(path, &info) : lstat(path, &info);
    if (result != 0) return -1;
    if (S_ISREG(info.st_mode)) return 0;
    if (S_ISDIR(info.st_mode)) return 1;
    if (S_ISLNK(info.st_mode)) return 3;
    return 2;
}

int loa_same_file(const char *left, const char *right) {
    struct stat a, b;
    if (stat(left, &a) != 0 || stat(right, &b) != 0) return 0;
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

void loa_queue_list_sort(loa_queue_entry *entries, long count) {
    if (entries != NULL && count > 1) qsort(entries, (size_t)count, sizeof *entries, loa_compare_entries);
}

/// FNV-1a over some bytes, continuing from `hash`.
static uint64_t loa_fnv(uint64_t hash, const void *bytes, size_t length) {
    const unsigned char *byte = bytes;
    for (size_t index = 0; index < length; index++) {
        hash ^= byte[index];
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

/// SplitMix64's finaliser: spreads every input bit over the whole word, so sums of hashes do not cancel.
static uint64_t loa_mix(uint64_t value) {
    value ^= value >> 30;
    value *= 0xbf58476d1ce4e5b9ULL;
    value ^= value >> 27;
    value *= 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

void loa_queue_fingerprint(const loa_queue_entry *entries, long count, uint64_t *sum, uint64_t *xor_all) {
    uint64_t total = 0, mixed = 0;
    for (long index = 0; index < count; index++) {
        uint64_t hash = loa_fnv(0xcbf29ce484222325ULL, entries[index].name, strlen(entries[index].name) + 1);
        hash = loa_fnv(hash, &entries[index].size, sizeof entries[index].size);
        hash = loa_fnv(hash, &entries[index].modified_ns, sizeof entries[index].modified_ns);
        hash = loa_mix(hash);
        total += hash;
        mixed ^= loa_mix(hash ^ 0x9e3779b97f4a7c15ULL);
    }
    *sum = total;
    *xor_all = mixed;
}

void loa_queue_list_free(loa_queue_entry *entries, long count) {
    if (entries == NULL) return;
    for (long index = 0; index < count; index++) free(entries[index].name);
    free(entries);
}

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void loa_fix_allocation_threshold(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

int loa_start_writeback(int fd) {
#if defined(__linux__)
    return sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd;
    return 0;
#endif
}
