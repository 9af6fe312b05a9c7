#ifndef SELFEVAL_CFREEXL_SHIM_H
#define SELFEVAL_CFREEXL_SHIM_H
#include <freexl.h>
#endif
