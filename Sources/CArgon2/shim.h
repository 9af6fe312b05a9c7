#ifndef SELFEVAL_CARGON2_SHIM_H
#define SELFEVAL_CARGON2_SHIM_H
/* argon2id from Debian's libargon2-dev: the administrator's password hash of `selfeval serve`. */
#include <argon2.h>
#endif
