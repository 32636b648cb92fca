/*
 * encoding.c — GB18030 input.  Chinese government files are often encoded
 * in GB18030 or GBK rather than UTF-8; an input that is not valid UTF-8 but
 * converts cleanly from GB18030 is read as that (glibc's iconv converts it).
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>

#include <budgetrec/types.h>

#include "encoding.h"

int br_gb18030_to_utf8(const char *data, size_t len, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return BR_ERR_UNSUPPORTED;
    /* 2 GB18030 bytes become at most 3 UTF-8 bytes, 4 at most 4; 1 stays 1 */
    size_t cap = len / 2 * 3 + len % 2 + 1;
    char *buf = malloc(cap);
    if (!buf) {
        iconv_close(cd);
        return BR_ERR_NOMEM;
    }
    char *in = (char *)data, *o = buf;
    size_t in_left = len, out_left = cap - 1;
    size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
    int failed = rc == (size_t)-1 || in_left != 0;
    int nomem = failed && errno == E2BIG;
    iconv_close(cd);
    if (failed) {
        free(buf);
        return nomem ? BR_ERR_NOMEM : BR_ERR_INPUT;
    }
    *o = '\0';
    *out = buf;
    *out_len = (size_t)(o - buf);
    return BR_OK;
}
