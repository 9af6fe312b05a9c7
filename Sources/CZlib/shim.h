#ifndef SELFEVAL_CZLIB_SHIM_H
#define SELFEVAL_CZLIB_SHIM_H
#include <zlib.h>
/* inflateInit2 is a macro; Swift sees only functions. */
static inline int selfeval_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif
