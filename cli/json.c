/* json.c — the little JSON the CLI writes: strings and decimals. */
#include "cli.h"

void json_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                putc(*p, out);
        }
    }
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
