/* error.c — filling br_error, naming status codes. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/text.h>

/*
 * Cut buf (of length len, NUL-terminated) back so that it does not end in the
 * middle of a UTF-8 sequence: truncation must never leave invalid UTF-8 for
 * the JSON and Python layers to choke on.
 */
static void trim_partial_utf8(char *buf, size_t len)
{
    size_t i = len, cont = 0;
    while (i > 0 && ((unsigned char)buf[i - 1] & 0xC0) == 0x80 && cont < 3) {
        i--;
        cont++;
    }
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)buf[i - 1];
    size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (lead >= 0xC0 && cont < need)
        buf[i - 1] = '\0';
}

static void copy_truncated(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n < cap) {
        memcpy(dst, src, n + 1);
        return;
    }
    memcpy(dst, src, cap - 1);
    dst[cap - 1] = '\0';
    trim_partial_utf8(dst, cap - 1);
}

void br_error_set(br_error *err, int code, const char *file, long line,
                  const char *fmt, ...)
{
    if (!err)
        return;
    err->code = code;
    err->line = line;
    copy_truncated(err->file, sizeof err->file, file ? file : "");

    err->message[0] = '\0';
    if (!fmt)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    if (n < 0)
        err->message[0] = '\0';
    else if ((size_t)n >= sizeof err->message)
        trim_partial_utf8(err->message, sizeof err->message - 1);
}

const char *br_status_name(int code)
{
    switch (code) {
    case BR_OK: return "BR_OK";
    case BR_ERR_NOMEM: return "BR_ERR_NOMEM";
    case BR_ERR_IO: return "BR_ERR_IO";
    case BR_ERR_INPUT: return "BR_ERR_INPUT";
    case BR_ERR_ARG: return "BR_ERR_ARG";
    case BR_ERR_RANGE: return "BR_ERR_RANGE";
    case BR_ERR_PLUGIN: return "BR_ERR_PLUGIN";
    case BR_ERR_UNSUPPORTED: return "BR_ERR_UNSUPPORTED";
    case BR_ERR_NOT_FOUND: return "BR_ERR_NOT_FOUND";
    default: return "BR_ERR_UNKNOWN";
    }
}
