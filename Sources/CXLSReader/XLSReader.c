#include "CXLSReader.h"
#include <errno.h>
#include <freexl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_OUTPUT (64u << 20)

static size_t written = 0;

static int put(int fd, const void *data, size_t size) {
    const uint8_t *p = data;
    if (written + size > MAX_OUTPUT) return -1;
    written += size;
    while (size > 0) {
        ssize_t n = write(fd, p, size);
        if (n <= 0) return -1;
        p += n;
        size -= (size_t)n;
    }
    return 0;
}

static int put_place(int fd, char kind, uint32_t row, uint16_t column) {
    if (put(fd, &kind, 1) || put(fd, &row, 4) || put(fd, &column, 2)) return -1;
    return 0;
}

/* The child: FreeXL, then the records on `fd`; its status is the result: 0, 10 encrypted,
   100 - FreeXL's error, 98/99 cut short. */
static int child(const char *path, int fd) {
    const void *handle = NULL;
    int status = freexl_open(path, &handle);
    if (status != FREEXL_OK) return status < 0 && status > -100 ? 100 - status : 99;
    unsigned int password = 0;
    if (freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK && password == FREEXL_BIFF_OBFUSCATED) return 10;
    unsigned int sheets = 0;
    if (freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK) return 99;
    if (sheets > 1024) sheets = 1024;
    for (unsigned int s = 0; s < sheets; s++) {
        const char *name = NULL;
        if (freexl_get_worksheet_name(handle, (unsigned short)s, &name) != FREEXL_OK || name == NULL) name = "";
        uint32_t length = (uint32_t)strlen(name);
        char kind = 'S';
        if (put(fd, &kind, 1) || put(fd, &length, 4) || put(fd, name, length)) return 98;
        if (freexl_select_active_worksheet(handle, (unsigned short)s) != FREEXL_OK) return 99;
        unsigned int rows = 0;
        unsigned short columns = 0;
        if (freexl_worksheet_dimensions(handle, &rows, &columns) != FREEXL_OK) return 99;
        if (rows > 65536) rows = 65536;
        if (columns > 256) columns = 256;
        for (unsigned int r = 0; r < rows; r++) {
            for (unsigned short c = 0; c < columns; c++) {
                FreeXL_CellValue value;
                if (freexl_get_cell_value(handle, r, c, &value) != FREEXL_OK) continue;
                switch (value.type) {
                case FREEXL_CELL_INT: {
                    int64_t v = value.value.int_value;
                    if (put_place(fd, 'I', r, c) || put(fd, &v, 8)) return 98;
                    break;
                }
                case FREEXL_CELL_DOUBLE: {
                    double v = value.value.double_value;
                    if (put_place(fd, 'D', r, c) || put(fd, &v, 8)) return 98;
                    break;
                }
                case FREEXL_CELL_TEXT: case FREEXL_CELL_SST_TEXT: case FREEXL_CELL_DATE:
                case FREEXL_CELL_DATETIME: case FREEXL_CELL_TIME: {
                    const char *text = value.value.text_value;
                    if (text == NULL || *text == 0) break;
                    uint32_t n = (uint32_t)strlen(text);
                    if (put_place(fd, 'T', r, c) || put(fd, &n, 4) || put(fd, text, n)) return 98;
                    break;
                }
                default: break;
                }
            }
        }
    }
    freexl_close(handle);
    return 0;
}

int selfeval_xls_read(const char *path, uint8_t **out, size_t *length) {
    *out = NULL;
    *length = 0;
    int fds[2];
    if (pipe(fds) != 0) return 3;
    pid_t pid = fork();
    if (pid < 0) { close(fds[0]); close(fds[1]); return 3; }
    if (pid == 0) {
        close(fds[0]);
        struct rlimit cpu = {10, 10};
        setrlimit(RLIMIT_CPU, &cpu);
        alarm(20);
        _exit(child(path, fds[1]));
    }
    close(fds[1]);
    size_t capacity = 1 << 16, size = 0;
    uint8_t *buffer = malloc(capacity);
    for (;;) {
        if (buffer == NULL) break;
        if (size == capacity) {
            uint8_t *bigger = realloc(buffer, capacity * 2);
            if (bigger == NULL) { free(buffer); buffer = NULL; break; }
            buffer = bigger;
            capacity *= 2;
        }
        ssize_t n = read(fds[0], buffer + size, capacity - size);
        if (n < 0) { if (errno == EINTR) continue; break; }
        if (n == 0) break;
        size += (size_t)n;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {}
    if (buffer == NULL) return 3;
    if (!WIFEXITED(status)) { free(buffer); return 2; }
    int code = WEXITSTATUS(status);
    if (code != 0) {
        free(buffer);
        if (code == 10) return 1;  /* encrypted; any other status (a sanitizer's 1 …) is a crash */
        if (code >= 100) return 100 - code;  /* FreeXL's own error, negative */
        return 2;
    }
    *out = buffer;
    *length = size;
    return 0;
}
