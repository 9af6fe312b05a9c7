#include "CMallocTuning.h"
#include <stdlib.h> /* defines __GLIBC__ on glibc */

#if defined(__GLIBC__)
#include <malloc.h>

int selfeval_tune_malloc(void) {
    int ok = 1;
    ok &= mallopt(M_TRIM_THRESHOLD, 64 << 20);
    ok &= mallopt(M_MMAP_THRESHOLD, 8 << 20);
    ok &= mallopt(M_TOP_PAD, 4 << 20);
    return ok;
}
#else
int selfeval_tune_malloc(void) { return 0; }
#endif
