/* encoding.h — input encodings other than UTF-8 (private to libcore). */
#ifndef BR_ENCODING_H
#define BR_ENCODING_H

#include <stddef.h>

/*
 * Convert GB18030 text (GBK and GB2312 are subsets) to UTF-8 with iconv.
 * BR_OK with *out (malloc'd, NUL-terminated; free it) and *out_len; else
 * BR_ERR_INPUT when `data` is not GB18030 (an invalid or truncated
 * sequence), BR_ERR_NOMEM, or BR_ERR_UNSUPPORTED when iconv has no GB18030.
 */
int br_gb18030_to_utf8(const char *data, size_t len, char **out, size_t *out_len);

#endif
