#include "CXLSReader.h"
#include <errno.h>
#include <fcntl.h>
#include <freexl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_OUTPUT (64u << 20)

/* The number formats FreeXL does not expose, read from the workbook itself: the OLE2 container's
   Workbook stream (BIFF8), its FORMAT (0x041E), XF (0x00E0), DATEMODE (0x0022) and BOUNDSHEET
   (0x0085) records, and each worksheet's NUMBER, RK, MULRK and FORMULA records (their value and
   XF index). Runs in the child only; every read is bounds-checked, and any inconsistency gives
   up (the cells then read as FreeXL gives them, without their format). */

#define ENDOFCHAIN 0xFFFFFFFEu

static uint32_t le32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }

typedef struct { uint8_t *data; size_t size; } buffer_t;

/* Appends `n` bytes; 0 on success. */
static int append(buffer_t *b, const uint8_t *p, size_t n) {
    uint8_t *bigger = realloc(b->data, b->size + n + 1);
    if (bigger == NULL) return -1;
    b->data = bigger;
    memcpy(b->data + b->size, p, n);
    b->size += n;
    return 0;
}

/* The sectors of a chain from `start` through `fat` (`count` entries), each `sector` bytes taken
   from `base` (`limit` bytes; sector i at `first + i * sector`), cut to `size` bytes (SIZE_MAX:
   the whole chain). */
static int read_chain(const uint8_t *base, size_t limit, size_t first, size_t sector, const uint32_t *fat, size_t count,
                      uint32_t start, size_t size, buffer_t *out) {
    uint32_t sid = start;
    size_t steps = 0;
    while (sid != ENDOFCHAIN && (size == SIZE_MAX || out->size < size)) {
        if (sid >= count || ++steps > count) return -1;
        size_t offset = first + (size_t)sid * sector;
        if (offset > limit || limit - offset < sector) return -1;
        if (append(out, base + offset, sector)) return -1;
        sid = fat[sid];
    }
    if (size == SIZE_MAX) return 0;
    if (out->size < size) return -1;
    out->size = size;
    return 0;
}

/* Whether a directory entry's UTF-16LE name is `ascii` (case-insensitively). */
static int entry_named(const uint8_t *entry, const char *ascii) {
    size_t length = le16(entry + 64);
    size_t n = strlen(ascii);
    if (length != 2 * (n + 1)) return 0;
    for (size_t i = 0; i < n; i++) {
        uint16_t unit = le16(entry + 2 * i);
        char a = ascii[i];
        if (unit >= 128) return 0;
        char c = (char)unit;
        if (c >= 'a' && c <= 'z') c = (char)(c - 32);
        if (a >= 'a' && a <= 'z') a = (char)(a - 32);
        if (c != a) return 0;
    }
    return 1;
}

/* The Workbook stream of the OLE2 file in `file`; 0 on success. */
static int workbook_stream(const uint8_t *file, size_t size, buffer_t *out) {
    static const uint8_t magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (size < 512 || memcmp(file, magic, 8) != 0) return -1;
    unsigned shift = le16(file + 30);
    if (shift != 9 && shift != 12) return -1;
    size_t sector = (size_t)1 << shift;
    if (le16(file + 32) != 6) return -1;
    size_t sectors = size / sector;  /* upper bound on sector ids */
    uint32_t fat_sectors = le32(file + 44), directory = le32(file + 48), cutoff = le32(file + 56);
    uint32_t minifat_start = le32(file + 60), difat = le32(file + 68), difat_count = le32(file + 72);
    if (fat_sectors > sectors) return -1;
    size_t per = sector / 4;
    size_t fat_count = (size_t)fat_sectors * per;
    uint32_t *fat = malloc(fat_count * 4 + 4);
    if (fat == NULL) return -1;
    int status = -1;
    buffer_t dir = {0}, mini = {0}, minifat = {0};
    /* The FAT's own sectors: 109 in the header, then the DIFAT chain. */
    size_t got = 0;
    for (size_t i = 0; i < 109 && got < fat_sectors; i++, got++) {
        uint32_t sid = le32(file + 76 + 4 * i);
        size_t offset = ((size_t)sid + 1) * sector;
        if (sid >= sectors || offset + sector > size) goto done;
        for (size_t k = 0; k < per; k++) fat[got * per + k] = le32(file + offset + 4 * k);
    }
    for (uint32_t d = 0; got < fat_sectors; d++) {
        size_t offset = ((size_t)difat + 1) * sector;
        if (d >= difat_count || difat >= sectors || offset + sector > size) goto done;
        for (size_t i = 0; i + 1 < per && got < fat_sectors; i++, got++) {
            uint32_t sid = le32(file + offset + 4 * i);
            size_t at = ((size_t)sid + 1) * sector;
            if (sid >= sectors || at + sector > size) goto done;
            for (size_t k = 0; k < per; k++) fat[got * per + k] = le32(file + at + 4 * k);
        }
        difat = le32(file + offset + sector - 4);
    }
    if (read_chain(file, size, sector, sector, fat, fat_count, directory, SIZE_MAX, &dir)) goto done;
    dir.size -= dir.size % 128;
    const uint8_t *root = NULL, *book = NULL;
    for (size_t e = 0; e + 128 <= dir.size; e += 128) {
        const uint8_t *entry = dir.data + e;
        if (entry[66] == 5 && root == NULL) root = entry;
        if (entry[66] == 2 && (entry_named(entry, "Workbook") || (book == NULL && entry_named(entry, "Book")))) book = entry;
    }
    if (root == NULL || book == NULL) goto done;
    size_t length = le32(book + 120);
    if (length > size) goto done;
    if (length >= cutoff) {
        status = read_chain(file, size, sector, sector, fat, fat_count, le32(book + 116), length, out);
        goto done;
    }
    /* A small stream lives in the mini stream (the root entry's chain), by 64-byte mini sectors. */
    size_t mini_size = le32(root + 120);
    if (mini_size > size) goto done;
    if (read_chain(file, size, sector, sector, fat, fat_count, le32(root + 116), mini_size, &mini)) goto done;
    if (read_chain(file, size, sector, sector, fat, fat_count, minifat_start, SIZE_MAX, &minifat)) goto done;
    size_t mini_count = minifat.size / 4;
    uint32_t *minitable = malloc(mini_count * 4 + 4);
    if (minitable == NULL) goto done;
    for (size_t i = 0; i < mini_count; i++) minitable[i] = le32(minifat.data + 4 * i);
    status = read_chain(mini.data, mini.size, 0, 64, minitable, mini_count, le32(book + 116), length, out);
    free(minitable);
done:
    free(fat);
    free(dir.data);
    free(mini.data);
    free(minifat.data);
    return status;
}

/* A BIFF8 XLUnicodeString's characters (`count` of them, UTF-16LE when `wide`, else Latin-1) as
   malloc'd UTF-8; NULL when they do not fit in `available` bytes. */
static char *utf8_string(const uint8_t *p, size_t available, size_t count, int wide) {
    if (count > available / (wide ? 2 : 1)) return NULL;
    char *out = malloc(count * 3 + 1), *o = out;
    if (out == NULL) return NULL;
    for (size_t i = 0; i < count; i++) {
        uint32_t c = wide ? le16(p + 2 * i) : p[i];
        if (wide && c >= 0xD800 && c <= 0xDBFF && i + 1 < count) {
            uint32_t low = le16(p + 2 * i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) { c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00); i++; }
        }
        if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
        if (c < 0x80) *o++ = (char)c;
        else if (c < 0x800) { *o++ = (char)(0xC0 | c >> 6); *o++ = (char)(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) { *o++ = (char)(0xE0 | c >> 12); *o++ = (char)(0x80 | (c >> 6 & 0x3F)); *o++ = (char)(0x80 | (c & 0x3F)); }
        else { *o++ = (char)(0xF0 | c >> 18); *o++ = (char)(0x80 | (c >> 12 & 0x3F)); *o++ = (char)(0x80 | (c >> 6 & 0x3F)); *o++ = (char)(0x80 | (c & 0x3F)); }
    }
    *o = 0;
    return out;
}

/* A cell the workbook's own records give: a number (with its XF), or the text of a formula's
   string, boolean or error result or of a BOOLERR cell (FreeXL reads none of these). */
typedef struct { uint32_t row; uint16_t column; uint16_t xf; double value; char *text; } number_t;

typedef struct {
    int date1904;
    uint16_t *xf_format; size_t xf_count;                 /* the format id of each XF, by index */
    uint16_t *format_id; char **format_code; size_t format_count;  /* FORMAT records */
    char **sheet_name; uint32_t *sheet_offset; int *sheet_used; size_t sheet_count;  /* BOUNDSHEET records */
} globals_t;

static void free_globals(globals_t *g) {
    for (size_t i = 0; i < g->format_count; i++) free(g->format_code[i]);
    for (size_t i = 0; i < g->sheet_count; i++) free(g->sheet_name[i]);
    free(g->xf_format); free(g->format_id); free(g->format_code);
    free(g->sheet_name); free(g->sheet_offset); free(g->sheet_used);
    memset(g, 0, sizeof *g);
}

#define MAX_TABLE 65536

/* The workbook globals of a BIFF8 stream; 0 on success. */
static int read_globals(const buffer_t *stream, globals_t *g) {
    memset(g, 0, sizeof *g);
    g->xf_format = malloc(MAX_TABLE * sizeof *g->xf_format);
    g->format_id = malloc(MAX_TABLE * sizeof *g->format_id);
    g->format_code = malloc(MAX_TABLE * sizeof *g->format_code);
    g->sheet_name = malloc(MAX_TABLE * sizeof *g->sheet_name);
    g->sheet_offset = malloc(MAX_TABLE * sizeof *g->sheet_offset);
    g->sheet_used = calloc(MAX_TABLE, sizeof *g->sheet_used);
    if (!g->xf_format || !g->format_id || !g->format_code || !g->sheet_name || !g->sheet_offset || !g->sheet_used) return -1;
    size_t p = 0;
    int first = 1;
    while (p + 4 <= stream->size) {
        uint16_t type = le16(stream->data + p), length = le16(stream->data + p + 2);
        const uint8_t *body = stream->data + p + 4;
        if (stream->size - p - 4 < length) return -1;
        p += 4 + (size_t)length;
        if (first) {  /* BOF of the globals, BIFF8 */
            if (type != 0x0809 || length < 4 || le16(body) != 0x0600 || le16(body + 2) != 0x0005) return -1;
            first = 0;
            continue;
        }
        switch (type) {
        case 0x000A: return 0;  /* EOF */
        case 0x0022: if (length >= 2) g->date1904 = le16(body) == 1; break;
        case 0x00E0:
            if (length >= 4 && g->xf_count < MAX_TABLE) g->xf_format[g->xf_count++] = le16(body + 2);
            break;
        case 0x041E:
            if (length >= 5 && g->format_count < MAX_TABLE) {
                char *code = utf8_string(body + 5, length - 5u, le16(body + 2), body[4] & 1);
                if (code == NULL) break;
                g->format_id[g->format_count] = le16(body);
                g->format_code[g->format_count++] = code;
            }
            break;
        case 0x0085:
            if (length >= 8 && g->sheet_count < MAX_TABLE) {
                char *name = utf8_string(body + 8, length - 8u, body[6], body[7] & 1);
                if (name == NULL) break;
                g->sheet_offset[g->sheet_count] = le32(body);
                g->sheet_name[g->sheet_count++] = name;
            }
            break;
        default: break;
        }
    }
    return -1;
}

/* An RK number. */
static double rk_value(uint32_t rk) {
    double v;
    if (rk & 2) {
        v = (double)((int32_t)rk >> 2);
    } else {
        uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
        memcpy(&v, &bits, 8);
    }
    return (rk & 1) ? v / 100 : v;
}

static int compare_numbers(const void *a, const void *b) {
    const number_t *x = a, *y = b;
    if (x->row != y->row) return x->row < y->row ? -1 : 1;
    return x->column < y->column ? -1 : x->column > y->column;
}

static const char *error_text(uint8_t code) {
    switch (code) {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x0F: return "#VALUE!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    case 0x2A: return "#N/A";
    default: return "#N/A";
    }
}

/* A cell of text `text` (copied). */
static number_t text_cell(uint32_t row, uint16_t column, const char *text) {
    size_t n = strlen(text);
    char *copy = malloc(n + 1);
    if (copy != NULL) memcpy(copy, text, n + 1);
    return (number_t){row, column, 0, 0, copy};
}

static void free_numbers(number_t *cells, size_t count) {
    for (size_t i = 0; i < count; i++) free(cells[i].text);
    free(cells);
}

/* The cells of the worksheet substream at `offset` (`number_t`), sorted by place; 0 on success. */
static int read_numbers(const buffer_t *stream, uint32_t offset, number_t **out, size_t *count) {
    size_t capacity = 256, n = 0, p = offset;
    number_t *cells = malloc(capacity * sizeof *cells);
    if (cells == NULL) return -1;
    int depth = 0;
    int string_pending = 0;  /* a FORMULA with a string result: its STRING record comes next */
    number_t pending = {0};
    while (p + 4 <= stream->size) {
        uint16_t type = le16(stream->data + p), length = le16(stream->data + p + 2);
        const uint8_t *body = stream->data + p + 4;
        if (stream->size - p - 4 < length) break;
        p += 4 + (size_t)length;
        if (depth == 0 && type != 0x0809) break;
        if (type == 0x0809) { depth++; continue; }
        if (type == 0x000A) { if (--depth == 0) break; continue; }
        if (depth != 1) continue;  /* an embedded chart */
        if (n + 256 > capacity) {
            if (capacity > (64u << 20) / sizeof *cells) break;
            number_t *bigger = realloc(cells, capacity * 2 * sizeof *cells);
            if (bigger == NULL) break;
            cells = bigger;
            capacity *= 2;
        }
        if (type == 0x0207 && string_pending && length >= 3) {  /* STRING: the formula's text */
            char *text = utf8_string(body + 3, length - 3u, le16(body), body[2] & 1);
            if (text != NULL) { pending.text = text; cells[n++] = pending; }
        }
        if (type != 0x0207) string_pending = 0;
        switch (type) {
        case 0x0205:  /* BOOLERR */
            if (length >= 8) cells[n++] = text_cell(le16(body), le16(body + 2), body[7] ? error_text(body[6]) : (body[6] ? "TRUE" : "FALSE"));
            break;
        case 0x0203:  /* NUMBER */
            if (length >= 14) {
                double v;
                memcpy(&v, body + 6, 8);
                cells[n++] = (number_t){le16(body), le16(body + 2), le16(body + 4), v, NULL};
            }
            break;
        case 0x027E:  /* RK */
            if (length >= 10) cells[n++] = (number_t){le16(body), le16(body + 2), le16(body + 4), rk_value(le32(body + 6)), NULL};
            break;
        case 0x00BD:  /* MULRK: row, first column, (XF, RK)…, last column */
            if (length >= 6) {
                uint16_t row = le16(body), column = le16(body + 2);
                for (size_t k = 0; 4 + 6 * k + 8 <= length && n < capacity; k++) {
                    const uint8_t *item = body + 4 + 6 * k;
                    cells[n++] = (number_t){row, (uint16_t)(column + k), le16(item), rk_value(le32(item + 2)), NULL};
                }
            }
            break;
        case 0x0006:  /* FORMULA: a number result unless its last two bytes are 0xFFFF */
            if (length < 14) break;
            if (le16(body + 12) != 0xFFFF) {
                double v;
                memcpy(&v, body + 6, 8);
                cells[n++] = (number_t){le16(body), le16(body + 2), le16(body + 4), v, NULL};
            } else if (body[6] == 0) {
                pending = (number_t){le16(body), le16(body + 2), 0, 0, NULL};
                string_pending = 1;
            } else if (body[6] == 1) {
                cells[n++] = text_cell(le16(body), le16(body + 2), body[8] ? "TRUE" : "FALSE");
            } else if (body[6] == 2) {
                cells[n++] = text_cell(le16(body), le16(body + 2), error_text(body[8]));
            }
            break;
        default: break;
        }
    }
    qsort(cells, n, sizeof *cells, compare_numbers);
    *out = cells;
    *count = n;
    return 0;
}

/* The format of XF `xf`: its id, and its code when the workbook defines it (NULL: built in). */
static uint16_t format_of(const globals_t *g, uint16_t xf, const char **code) {
    *code = NULL;
    if (xf >= g->xf_count) return 0;
    uint16_t id = g->xf_format[xf];
    for (size_t i = 0; i < g->format_count; i++) {
        if (g->format_id[i] == id) { *code = g->format_code[i]; break; }
    }
    return id;
}

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

/* The file at `path` in memory (at most 64 MiB); 0 on success. */
static int read_file(const char *path, buffer_t *out) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    uint8_t chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || out->size + (size_t)n > (64u << 20) || append(out, chunk, (size_t)n)) { close(fd); return n == 0 ? 0 : -1; }
    }
}

/* The child: FreeXL, then the records on `fd`; its status is the result: 0, 10 encrypted,
   100 - FreeXL's error, 98/99 cut short. Numbers whose cell the workbook's own records place
   (`read_numbers`) go out with their format ('F'); the others as FreeXL gives them. */
static int child(const char *path, int fd) {
    const void *handle = NULL;
    int status = freexl_open(path, &handle);
    if (status != FREEXL_OK) return status < 0 && status > -100 ? 100 - status : 99;
    unsigned int password = 0;
    if (freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK && password == FREEXL_BIFF_OBFUSCATED) return 10;
    unsigned int sheets = 0;
    if (freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK) return 99;
    if (sheets > 1024) sheets = 1024;
    buffer_t file = {0}, stream = {0};
    globals_t globals = {0};
    int formats = read_file(path, &file) == 0 && workbook_stream(file.data, file.size, &stream) == 0
        && read_globals(&stream, &globals) == 0;
    free(file.data);
    if (formats) {
        char kind = 'E';
        uint8_t date1904 = (uint8_t)globals.date1904;
        if (put(fd, &kind, 1) || put(fd, &date1904, 1)) return 98;
    }
    for (unsigned int s = 0; s < sheets; s++) {
        const char *name = NULL;
        if (freexl_get_worksheet_name(handle, (unsigned short)s, &name) != FREEXL_OK || name == NULL) name = "";
        uint32_t length = (uint32_t)strlen(name);
        char kind = 'S';
        if (put(fd, &kind, 1) || put(fd, &length, 4) || put(fd, name, length)) return 98;
        /* This sheet's numbers: the first BOUNDSHEET of the same name not taken yet. */
        number_t *numbers = NULL;
        size_t count = 0;
        for (size_t b = 0; formats && b < globals.sheet_count; b++) {
            if (globals.sheet_used[b] || strcmp(globals.sheet_name[b], name) != 0) continue;
            globals.sheet_used[b] = 1;
            if (read_numbers(&stream, globals.sheet_offset[b], &numbers, &count)) { numbers = NULL; count = 0; }
            break;
        }
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
                if (value.type == FREEXL_CELL_INT || value.type == FREEXL_CELL_DOUBLE || value.type == FREEXL_CELL_DATE
                    || value.type == FREEXL_CELL_DATETIME || value.type == FREEXL_CELL_TIME || value.type == FREEXL_CELL_NULL) {
                    number_t key = {r, c, 0, 0, NULL};
                    const number_t *found = count ? bsearch(&key, numbers, count, sizeof key, compare_numbers) : NULL;
                    if (found != NULL && found->text != NULL) {
                        uint32_t n = (uint32_t)strlen(found->text);
                        if (n && (put_place(fd, 'T', r, c) || put(fd, &n, 4) || put(fd, found->text, n))) return 98;
                        continue;
                    }
                    if (found != NULL) {
                        const char *code = NULL;
                        uint16_t id = format_of(&globals, found->xf, &code);
                        uint32_t n = code ? (uint32_t)strlen(code) : 0;
                        if (put_place(fd, 'F', r, c) || put(fd, &found->value, 8) || put(fd, &id, 2) || put(fd, &n, 4)
                            || (n && put(fd, code, n))) return 98;
                        continue;
                    }
                }
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
        free_numbers(numbers, count);
    }
    free(stream.data);
    free_globals(&globals);
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
