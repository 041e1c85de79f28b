/* syncshim: an LD_PRELOAD library for tests/durability. It records, in one
 * log, the order of the server's WAL syncs and of the HTTP answers it sends,
 * and at each WAL sync copies the database and its WAL as they are then: the
 * state a power cut right after that sync would leave on disk.
 *
 *   SYNCSHIM_LOG=/path/events.log   one line per event:
 *       <seq> <monotonic ns> S <n>                a WAL sync returned; snapshot n
 *       <seq> <monotonic ns> T <fd> <status> <id> an HTTP answer was sent
 *                                                  (<id>: the body's first "id", or -1)
 *   SYNCSHIM_SNAPDIR=/path              snapshots: <n>.sqlite3 and <n>.sqlite3-wal
 *
 * Sends are recorded after the real call (the bytes are on their way);
 * syncs after the real call returned (the data is on disk). Sequence numbers
 * come from one atomic counter, so "before" is exact across threads. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

extern "C" {

static long g_seq;
static long g_snapshots;

static long next_seq(void)
{
    return __atomic_add_fetch(&g_seq, 1, __ATOMIC_SEQ_CST);
}

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Raw syscalls only below: they must not come back into this library. */
static void log_line(const char *text, size_t len)
{
    const char *path = getenv("SYNCSHIM_LOG");
    if (!path)
        return;
    int fd = (int)syscall(SYS_openat, AT_FDCWD, path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    syscall(SYS_write, fd, text, len);
    syscall(SYS_close, fd);
}

static int path_of(int fd, char *out, size_t size)
{
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = (ssize_t)syscall(SYS_readlinkat, AT_FDCWD, link, out, size - 1);
    if (n <= 0)
        return 0;
    out[n] = 0;
    return 1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int is_socket(int fd)
{
    struct stat st;
    return syscall(SYS_fstat, fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

// Copies an open file through its descriptor. The database must never be
// opened and closed here: closing any descriptor of a file drops all of this
// process's POSIX locks on it, SQLite's included (another process could then
// take the database for its own and delete the WAL in use).
static void copy_fd(int in, const char *to)
{
    int out = (int)syscall(SYS_openat, AT_FDCWD, to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (out < 0)
        return;
    char buffer[65536];
    off_t at = 0;
    for (;;) {
        ssize_t n = (ssize_t)syscall(SYS_pread64, in, buffer, sizeof buffer, at);
        if (n <= 0)
            break;
        syscall(SYS_write, out, buffer, (size_t)n);
        at += n;
    }
    syscall(SYS_close, out);
}

// A descriptor this process holds on `path`, or -1.
static int fd_of(const char *path)
{
    char other[4096];
    for (int fd = 0; fd < 4096; ++fd) {
        if (path_of(fd, other, sizeof other) && strcmp(other, path) == 0)
            return fd;
    }
    return -1;
}

static void after_sync(int fd)
{
    char path[4096];
    if (!path_of(fd, path, sizeof path) || !ends_with(path, "-wal"))
        return;
    const char *dir = getenv("SYNCSHIM_SNAPDIR");
    long n = __atomic_add_fetch(&g_snapshots, 1, __ATOMIC_SEQ_CST);
    if (dir) {
        char db[4096], to[4200];
        snprintf(db, sizeof db, "%.*s", (int)(strlen(path) - 4), path);
        snprintf(to, sizeof to, "%s/%ld.sqlite3", dir, n);
        const int dbFd = fd_of(db);
        if (dbFd >= 0)
            copy_fd(dbFd, to);
        snprintf(to, sizeof to, "%s/%ld.sqlite3-wal", dir, n);
        copy_fd(fd, to);
    }
    char line[128];
    int len = snprintf(line, sizeof line, "%ld %lld S %ld\n", next_seq(), now_ns(), n);
    log_line(line, (size_t)len);
}

static void after_send(int fd, const void *data, ssize_t sent)
{
    if (sent < 12 || memcmp(data, "HTTP/1.1 ", 9) != 0 || !is_socket(fd))
        return;
    const char *bytes = static_cast<const char *>(data);
    int status = atoi(bytes + 9);
    long long id = -1;
    const char *body = static_cast<const char *>(memmem(bytes, (size_t)sent, "\r\n\r\n", 4));
    if (body) {
        const char *key = static_cast<const char *>(memmem(body, (size_t)(bytes + sent - body), "\"id\":", 5));
        if (key)
            id = atoll(key + 5);
    }
    char line[160];
    int len = snprintf(line, sizeof line, "%ld %lld T %d %d %lld\n", next_seq(), now_ns(), fd, status, id);
    log_line(line, (size_t)len);
}

#define REAL(name) \
    static decltype(&name) real_##name = nullptr; \
    if (!real_##name) \
    real_##name = reinterpret_cast<decltype(&name)>(dlsym(RTLD_NEXT, #name))

int fsync(int fd)
{
    REAL(fsync);
    int rc = real_fsync(fd);
    if (rc == 0)
        after_sync(fd);
    return rc;
}

int fdatasync(int fd)
{
    REAL(fdatasync);
    int rc = real_fdatasync(fd);
    if (rc == 0)
        after_sync(fd);
    return rc;
}

ssize_t write(int fd, const void *buf, size_t count)
{
    REAL(write);
    ssize_t n = real_write(fd, buf, count);
    if (n > 0)
        after_send(fd, buf, n);
    return n;
}

ssize_t send(int fd, const void *buf, size_t count, int flags)
{
    REAL(send);
    ssize_t n = real_send(fd, buf, count, flags);
    if (n > 0)
        after_send(fd, buf, n);
    return n;
}

ssize_t sendto(int fd, const void *buf, size_t count, int flags, const struct sockaddr *to, socklen_t tolen)
{
    REAL(sendto);
    ssize_t n = real_sendto(fd, buf, count, flags, to, tolen);
    if (n > 0)
        after_send(fd, buf, n);
    return n;
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
    REAL(sendmsg);
    ssize_t n = real_sendmsg(fd, msg, flags);
    if (n > 0 && msg->msg_iovlen > 0)
        after_send(fd, msg->msg_iov[0].iov_base,
                   n < (ssize_t)msg->msg_iov[0].iov_len ? n : (ssize_t)msg->msg_iov[0].iov_len);
    return n;
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
    REAL(writev);
    ssize_t n = real_writev(fd, iov, iovcnt);
    if (n > 0 && iovcnt > 0)
        after_send(fd, iov[0].iov_base, n < (ssize_t)iov[0].iov_len ? n : (ssize_t)iov[0].iov_len);
    return n;
}

} // extern "C"
