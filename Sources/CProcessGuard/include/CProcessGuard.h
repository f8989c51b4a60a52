#ifndef CPROCESSGUARD_H
#define CPROCESSGUARD_H

#include <stddef.h>

/// Re-executes this program once with SWIFT_BACKTRACE=enable=no when that is not already its value, so
/// Swift's runtime backtracer (which can print memory, and is interactive on a terminal) never starts.
/// Returns only when no re-execution was needed or exec failed (then -1).
int pg_reexec_without_backtracer(char *const *argv);

/// No core dumps and no ptrace or /proc/PID/mem access by other processes of the same user:
/// prctl(PR_SET_DUMPABLE, 0) and RLIMIT_CORE 0. Returns 0, or -1 if either call failed.
int pg_disable_core_dumps(void);

/// Copies the value of the environment variable `name` into `buffer` (at most `capacity` bytes, no
/// terminating zero) and overwrites the value in place, so /proc/PID/environ no longer shows it.
/// Returns the length of the value (which may exceed `capacity`: nothing is copied then), or -1 when unset.
long pg_take_environment_value(const char *name, unsigned char *buffer, size_t capacity);

/// Memory for secrets: whole pages, locked into RAM when the limit allows (never swapped), left out of
/// core dumps, and wiped at exit. `*locked` is set to 1 when mlock succeeded. NULL when out of memory.
void *pg_secret_alloc(size_t size, int *locked);

/// Wipes and releases memory from pg_secret_alloc.
void pg_secret_free(void *pointer, size_t size);

/// Zeroes memory in a way the compiler cannot leave out.
void pg_wipe(void *pointer, size_t size);

/// Wipes every live secret now (the quick exit, and at exit).
void pg_wipe_all_secrets(void);

/// Constant-time comparison of two buffers of the same size: 1 when equal.
int pg_equal(const void *a, const void *b, size_t size);

/// Flushes standard output; returns 0, or the errno of the failed write (also when an earlier buffered
/// write had failed, then EIO when no errno is known).
int pg_finish_stdout(void);

/// Writes one line to standard output at once; returns 0 or the errno of the failure.
int pg_write_stdout_line(const char *text);

#endif
