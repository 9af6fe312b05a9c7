#ifndef CMALLOCTUNING_H
#define CMALLOCTUNING_H

/// Sets glibc malloc to keep freed memory (trim threshold 64 MiB, top pad 4 MiB) and to take
/// blocks below 8 MiB from the heap. Does nothing outside glibc. Returns 1 when applied.
int selfeval_tune_malloc(void);

#endif
