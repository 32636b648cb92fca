/*
 * utf8.c — UTF-8 validation and the normalisation of input text.
 *
 * br_text_normalize works in two passes:
 *   1. NFKC.  ASCII and CJK unified ideographs are copied straight through
 *      (NFKC leaves them alone); every other run goes through utf8proc.
 *   2. Fix-ups while copying into the arena: drop '\r', "\geq"/"\leq" → ≥/≤,
 *      U+00A0 and U+3000 → ' ' (NFKC already does; made sure here).
 * Both passes keep '\n' and '\f', so line numbers do not move.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include <budgetrec/text.h>

/* ---- validation ----------------------------------------------------------- */

/*
 * Length of the well-formed UTF-8 sequence at s[0..n), n > 0, or 0 with
 * *why set.  Only shortest forms of U+0000..U+10FFFF, surrogates excluded.
 */
static size_t utf8_seq(const unsigned char *s, size_t n, const char **why)
{
    unsigned char c = s[0];
    size_t need;
    uint32_t cp, min;

    if (c < 0x80)
        return 1;
    if (c < 0xC0) {
        *why = "unexpected continuation byte";
        return 0;
    }
    if (c < 0xE0) {
        need = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if (c < 0xF0) {
        need = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if (c < 0xF5) {
        need = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        *why = "invalid lead byte";
        return 0;
    }
    for (size_t i = 1; i < need; i++) {
        if (i >= n || (s[i] & 0xC0) != 0x80) {
            *why = "truncated sequence";
            return 0;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min) {
        *why = "overlong encoding";
        return 0;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        *why = "UTF-16 surrogate";
        return 0;
    }
    if (cp > 0x10FFFF) {
        *why = "code point above U+10FFFF";
        return 0;
    }
    return need;
}

int br_utf8_validate(const char *data, size_t len, br_error *err)
{
    if (!data && len > 0) {
        br_error_set(err, BR_ERR_ARG, NULL, 0, "no input text");
        return BR_ERR_ARG;
    }
    const unsigned char *s = (const unsigned char *)data;
    long line = 1;
    size_t i = 0;

    while (i < len) {
        /* Fast path: eight ASCII bytes at a time. */
        while (len - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080u)
                break;
            for (size_t k = 0; k < 8; k++)
                line += s[i + k] == '\n';
            i += 8;
        }
        if (i >= len)
            break;
        if (s[i] < 0x80) {
            line += s[i] == '\n';
            i++;
            continue;
        }
        const char *why = "";
        size_t n = utf8_seq(s + i, len - i, &why);
        if (n == 0) {
            br_error_set(err, BR_ERR_INPUT, NULL, line,
                         "invalid UTF-8 at byte offset %zu (line %ld): %s",
                         i, line, why);
            return BR_ERR_INPUT;
        }
        i += n;
    }
    return BR_OK;
}

/* ---- pass 1: NFKC ----------------------------------------------------------- */

typedef struct buf {
    unsigned char *data;
    size_t len, cap;
} buf;

static int buf_append(buf *b, const void *src, size_t n)
{
    if (n == 0)
        return BR_OK;
    if (n > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 64;
        while (n > cap - b->len) {
            if (cap > SIZE_MAX / 2)
                return BR_ERR_NOMEM;
            cap *= 2;
        }
        unsigned char *p = realloc(b->data, cap);
        if (!p)
            return BR_ERR_NOMEM;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, src, n);
    b->len += n;
    return BR_OK;
}

/*
 * A character NFKC leaves unchanged and that never composes with what
 * precedes it: the text may be cut before it and each piece normalised on
 * its own.  ASCII, and the CJK unified ideographs that make up most of a
 * Chinese document.
 */
static int is_passthrough(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    if (n >= 3 && s[0] >= 0xE4 && s[0] <= 0xE9) {
        uint32_t cp = ((uint32_t)(s[0] & 0x0F) << 12) |
                      ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return cp >= 0x4E00 && cp <= 0x9FFF;
    }
    return 0;
}

/* Byte length of the (valid) UTF-8 sequence starting with lead byte c. */
static size_t seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static int nfkc_segment(buf *b, const unsigned char *s, size_t n)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t m = utf8proc_map(s, (utf8proc_ssize_t)n, &mapped,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_COMPAT);
    if (m < 0)
        return m == UTF8PROC_ERROR_NOMEM ? BR_ERR_NOMEM : BR_ERR_INPUT;
    int rc = buf_append(b, mapped, (size_t)m);
    free(mapped);
    return rc;
}

/* NFKC of valid UTF-8 s[0..len) appended to b. */
static int nfkc(buf *b, const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* Copy a run of pass-through characters, but keep the last one back:
         * a combining mark after it must compose with it ("e" + U+0301). */
        size_t run = i, last = i;
        while (i < len) {
            size_t k = seq_len(s[i]);
            if (k > len - i || !is_passthrough(s + i, len - i))
                break;
            last = i;
            i += k;
        }
        if (i == len) {
            if (buf_append(b, s + run, len - run))
                return BR_ERR_NOMEM;
            break;
        }
        if (i > run) {
            if (buf_append(b, s + run, last - run))
                return BR_ERR_NOMEM;
            run = last;
        }
        /* The segment for utf8proc runs up to the next pass-through char. */
        while (i < len && !is_passthrough(s + i, len - i))
            i += seq_len(s[i]);
        if (i > len)
            i = len;
        int rc = nfkc_segment(b, s + run, i - run);
        if (rc)
            return rc;
    }
    return BR_OK;
}

/* ---- pass 2: fix-ups ---------------------------------------------------------- */

/* "\\geq" or "\\leq" at s, as a whole TeX control word ("\\geqslant" is not). */
static int is_tex_relation(const unsigned char *s, size_t n)
{
    if (n < 4 || (memcmp(s + 1, "geq", 3) != 0 && memcmp(s + 1, "leq", 3) != 0))
        return 0;
    return n == 4 || !((s[4] | 0x20) >= 'a' && (s[4] | 0x20) <= 'z');
}

/* Copy s[0..n) to out with the pass-2 fix-ups; returns the bytes written
 * (never more than n: every fix-up shrinks the text). */
static size_t fixups(const unsigned char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c == '\r') {
            i++;
        } else if (c == '\\' && is_tex_relation(s + i, n - i)) {
            /* U+2265 ≥ / U+2264 ≤ */
            out[o++] = (char)0xE2;
            out[o++] = (char)0x89;
            out[o++] = s[i + 1] == 'g' ? (char)0xA5 : (char)0xA4;
            i += 4;
        } else if (c == 0xC2 && n - i >= 2 && s[i + 1] == 0xA0) {
            out[o++] = ' '; /* U+00A0 */
            i += 2;
        } else if (c == 0xE3 && n - i >= 3 && s[i + 1] == 0x80 &&
                   s[i + 2] == 0x80) {
            out[o++] = ' '; /* U+3000 */
            i += 3;
        } else {
            out[o++] = (char)c;
            i++;
        }
    }
    return o;
}

int br_text_normalize(const char *data, size_t len, br_arena *arena,
                      char **out, size_t *out_len, br_error *err)
{
    if ((!data && len > 0) || !arena || !out) {
        br_error_set(err, BR_ERR_ARG, NULL, 0, "br_text_normalize: bad argument");
        return BR_ERR_ARG;
    }
    int rc = br_utf8_validate(data, len, err);
    if (rc)
        return rc;

    const unsigned char *src = (const unsigned char *)data;
    size_t n = len;
    buf b = {NULL, 0, 0};

    /* Pure-ASCII input needs no NFKC pass at all. */
    size_t i = 0;
    while (i < len && src[i] < 0x80)
        i++;
    if (i < len) {
        /* NFKC rarely grows text ("（" is 3 bytes, "(" 1): reserve len. */
        b.data = malloc(len);
        b.cap = b.data ? len : 0;
        rc = nfkc(&b, src, len);
        if (rc) {
            free(b.data);
            br_error_set(err, rc, NULL, 0, "text normalisation failed");
            return rc;
        }
        src = b.data;
        n = b.len;
    }

    char *res = br_arena_alloc(arena, n + 1);
    if (!res) {
        free(b.data);
        br_error_set(err, BR_ERR_NOMEM, NULL, 0, "out of memory");
        return BR_ERR_NOMEM;
    }
    size_t m = n ? fixups(src, n, res) : 0;
    res[m] = '\0';
    free(b.data);

    *out = res;
    if (out_len)
        *out_len = m;
    return BR_OK;
}
