#ifndef SELFEVAL_CEXPAT_SHIM_H
#define SELFEVAL_CEXPAT_SHIM_H
#include <expat.h>
#endif
