#ifndef SELFEVAL_CXLSXWRITER_SHIM_H
#define SELFEVAL_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
