// Small POSIX helpers whose struct layouts Swift imports from several modules at once.
#ifndef LOA_CLOASYSTEM_H
#define LOA_CLOASYSTEM_H

#include <stddef.h>
#include <stdint.h>

/// Whether `needle` occurs in `haystack` (memmem, which glibc declares only under _GNU_SOURCE).
int loa_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// A queue file: its name in the folder, size and modification time (nanoseconds since the epoch).
typedef struct {
    char *name;
    int64_t size;
    int64_t modified_ns;
} loa_queue_entry;

/// The queue files of a folder (names ending `.md`, not starting with `.` or `_`), in the folder's order, each
/// with its stamp, read with `fstatat` relative to the open folder. Returns how many; `*entries` is then an array
/// to release with `loa_queue_list_free`. Returns -1 with errno set when the folder cannot be read. A file that
/// vanishes between the listing and its `stat` is left out; a dangling or looping symbolic link is listed with
/// the link's own stamp, and a folder or other non-file with its stamp, for the parser to report.
long loa_queue_list(const char *directory, loa_queue_entry **entries);

/// What is at `path`: 0 a regular file, 1 a folder, 2 something else (a pipe, a device), 3 a symbolic link (only
/// when `follow_links` is 0); -1 with errno set when nothing can be reached there.
int loa_file_kind(const char *path, int follow_links);

/// Whether two paths lead to the same file (device and inode); 0 when either cannot be reached.
int loa_same_file(const char *left, const char *right);

/// Sorts entries by their names' bytes.
void loa_queue_list_sort(loa_queue_entry *entries, long count);

/// A fingerprint of a listing that does not depend on its order: each entry (name, size, modification time)
/// hashed to 64 bits, the hashes summed and xored, so a cron tick need not sort 10,000 names to learn that
/// nothing changed.
void loa_queue_fingerprint(const loa_queue_entry *entries, long count, uint64_t *sum, uint64_t *xor_all);

void loa_queue_list_free(loa_queue_entry *entries, long count);

/// Fixes glibc's mmap threshold at 128 KiB (nothing elsewhere). Left alone, glibc raises it to the size of the
/// largest block freed, so a run's big arrays (10,000 planned deliveries) are carved from the heap and their
/// memory stays resident after they are freed; fixed, they are mapped and returned to the system when freed.
void loa_fix_allocation_threshold(void);

/// Asks the kernel to start writing the file's changed pages to disk now, without waiting for it (Linux's
/// `sync_file_range` with `SYNC_FILE_RANGE_WRITE`; elsewhere it does nothing). Returns 0, or -1 with errno set.
int loa_start_writeback(int fd);

#endif
