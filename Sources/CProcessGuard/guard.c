// Process hygiene for a program that holds secrets: no backtracer, no core dumps, secrets in locked
// memory that is wiped on exit, and a passphrase taken out of the environment block.
#define _GNU_SOURCE
#include "CProcessGuard.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

extern char **environ;

int pg_reexec_without_backtracer(char *const *argv) {
    const char *wanted = "enable=no";
    const char *current = getenv("SWIFT_BACKTRACE");
    if (current != NULL && strcmp(current, wanted) == 0) return 0;
    if (setenv("SWIFT_BACKTRACE", wanted, 1) != 0) return -1;
#if defined(__linux__)
    execv("/proc/self/exe", argv);
#endif
    return -1;
}

int pg_disable_core_dumps(void) {
    int status = 0;
#if defined(__linux__)
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) status = -1;
#endif
    struct rlimit none = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) status = -1;
    return status;
}

long pg_take_environment_value(const char *name, unsigned char *buffer, size_t capacity) {
    size_t name_length = strlen(name);
    for (char **entry = environ; entry != NULL && *entry != NULL; entry++) {
        if (strncmp(*entry, name, name_length) != 0 || (*entry)[name_length] != '=') continue;
        char *value = *entry + name_length + 1;
        size_t length = strlen(value);
        if (length <= capacity) memcpy(buffer, value, length);
        // In place: the environment block the kernel shows in /proc/PID/environ is this memory.
        explicit_bzero(value, length);
        return (long)length;
    }
    return -1;
}

// The live secrets, so they can be wiped at exit (when Swift runs no deinitialisers) and on quick exit.
#define PG_MAX_SECRETS 256
static struct { void *pointer; size_t size; } secrets[PG_MAX_SECRETS];
static pthread_mutex_t secrets_lock = PTHREAD_MUTEX_INITIALIZER;
static int wipe_registered = 0;

static void wipe_at_exit(void) { pg_wipe_all_secrets(); }

static size_t rounded(size_t size) {
    long page = sysconf(_SC_PAGESIZE);
    size_t p = page > 0 ? (size_t)page : 4096;
    if (size == 0) size = 1;
    return (size + p - 1) / p * p;
}

void *pg_secret_alloc(size_t size, int *locked) {
    size_t length = rounded(size);
    void *pointer = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pointer == MAP_FAILED) return NULL;
#if defined(MADV_DONTDUMP)
    madvise(pointer, length, MADV_DONTDUMP);
#endif
    int ok = mlock(pointer, length) == 0;
    if (locked) *locked = ok;
    pthread_mutex_lock(&secrets_lock);
    if (!wipe_registered) { atexit(wipe_at_exit); wipe_registered = 1; }
    for (int i = 0; i < PG_MAX_SECRETS; i++) {
        if (secrets[i].pointer == NULL) { secrets[i].pointer = pointer; secrets[i].size = length; break; }
    }
    pthread_mutex_unlock(&secrets_lock);
    return pointer;
}

void pg_secret_free(void *pointer, size_t size) {
    if (pointer == NULL) return;
    size_t length = rounded(size);
    pthread_mutex_lock(&secrets_lock);
    for (int i = 0; i < PG_MAX_SECRETS; i++) {
        if (secrets[i].pointer == pointer) { secrets[i].pointer = NULL; secrets[i].size = 0; }
    }
    pthread_mutex_unlock(&secrets_lock);
    explicit_bzero(pointer, length);
    munlock(pointer, length);
    munmap(pointer, length);
}

void pg_wipe(void *pointer, size_t size) {
    if (pointer != NULL && size > 0) explicit_bzero(pointer, size);
}

void pg_wipe_all_secrets(void) {
    pthread_mutex_lock(&secrets_lock);
    for (int i = 0; i < PG_MAX_SECRETS; i++) {
        if (secrets[i].pointer != NULL) explicit_bzero(secrets[i].pointer, secrets[i].size);
    }
    pthread_mutex_unlock(&secrets_lock);
}

int pg_finish_stdout(void) {
    errno = 0;
    int failed = fflush(stdout) != 0;
    int code = errno;
    if (failed || ferror(stdout)) return code != 0 ? code : EIO;
    return 0;
}

int pg_write_stdout_line(const char *text) {
    errno = 0;
    if (fputs(text, stdout) == EOF || fputc('\n', stdout) == EOF || fflush(stdout) != 0) return errno != 0 ? errno : EIO;
    return 0;
}

int pg_equal(const void *a, const void *b, size_t size) {
    const volatile unsigned char *x = a, *y = b;
    unsigned char difference = 0;
    for (size_t i = 0; i < size; i++) difference |= x[i] ^ y[i];
    return difference == 0;
}
