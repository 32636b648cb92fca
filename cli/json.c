/* json.c — the little JSON the CLI writes: strings and decimals. */
#include "cli.h"

void json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    putc('"', out);
    const unsigned char *run = (const unsigned char *)s, *p = run;
    for (; *p; p++) {
        if (*p >= 0x20 && *p != '"' && *p != '\\')
            continue; /* written with its run below */
        fwrite(run, 1, (size_t)(p - run), out);
        run = p + 1;
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default: fprintf(out, "\\u%04x", *p);
        }
    }
    fwrite(run, 1, (size_t)(p - run), out);
    putc('"', out);
}

void json_decimal(FILE *out, const br_decimal *d)
{
    char buf[BR_DECIMAL_STR_MAX];
    if (!d) {
        fputs("null", out);
        return;
    }
    br_decimal_format(*d, buf, sizeof buf);
    fprintf(out, "\"%s\"", buf);
}
