#ifndef SELFEVAL_CXLSREADER_H
#define SELFEVAL_CXLSREADER_H
#include <stddef.h>
#include <stdint.h>

/// Reads the .xls at `path` with FreeXL in a child process (FreeXL 1.0.6 reads out of bounds on
/// some crafted files: a fault there ends the child, never this process), and returns in
/// `*out` / `*length` (malloc'd, the caller frees) a stream of records:
///   'S' u32 length, name            a sheet (its cells follow)
///   'T' u32 row, u16 column, u32 length, UTF-8 text
///   'I' u32 row, u16 column, i64     an integer
///   'D' u32 row, u16 column, f64     a number
///   'E' u8 1904                     the workbook's own records were read (first, once): its
///                                   date system (1: 1904); 'F' records follow
///   'F' u32 row, u16 column, f64, u16 format id, u32 length, UTF-8 format code (empty: built in)
///                                   a number (date, time) with its number format
/// Returns 0, a FreeXL error (< 0), 1 for an encrypted workbook, 2 when the child crashed or
/// ran out of time, 3 when the process could not be started.
int selfeval_xls_read(const char *path, uint8_t **out, size_t *length);

#endif
