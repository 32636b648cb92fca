/*
 * layout_text.c — the `layout-text` front end: `pdftotext -layout` output
 * (space-aligned columns, a form feed after each page) → positioned lines.
 *
 * A span is a run of characters separated from the next by two or more
 * spaces (a single space stays inside the run); x counts display columns,
 * East-Asian wide characters counting 2, as pdftotext aligned them.
 */
#include <string.h>

#include "layout.h"

/* Decode one UTF-8 code point at s (bytes available n); *cp gets it. */
static size_t utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (k > n)
        k = 1;
    if (k == 1) {
        *cp = c;
        return 1;
    }
    unsigned v = c & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = c;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return k;
}

/* Display width of a code point: 2 for East-Asian wide characters. */
static int cp_width(unsigned c)
{
    if (c < 0x1100)
        return 1;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
        (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) ||
        c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026 ||
        c == 0x2014 || c == 0x2015)
        return 2;
    return 1;
}

/*
 * End of the run starting at s[i]: the next two spaces, or a single space
 * between a figure and text or between two figures (pdftotext closes a gap
 * to one space when the columns are tight: "156,211,123 一、一般公共服务支出",
 * "2.85 0.39").
 */
static size_t run_end(const char *s, size_t len, size_t i)
{
    size_t tok = i;
    while (i < len) {
        if (s[i] != ' ') {
            i++;
            continue;
        }
        if (i + 1 >= len || s[i + 1] == ' ')
            return i;
        size_t next = i + 1, ne = next;
        while (ne < len && s[ne] != ' ')
            ne++;
        int a = lt_money_token(s + tok, i - tok), b = lt_money_token(s + next, ne - next);
        if ((a && (unsigned char)s[next] >= 0x80) || (b && (unsigned char)s[i - 1] >= 0x80) ||
            (a && b)) /* "2.85 0.39": two figures of tight columns */
            return i;
        tok = next;
        i = next;
    }
    return i;
}

/* Spans of one line s[0..len). */
static int split_line(br_disclosure *doc, const char *s, size_t len, lt_line *out)
{
    /* count spans first */
    size_t cap = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        if (i >= len)
            break;
        cap++;
        i = run_end(s, len, i);
    }
    out->spans = NULL;
    out->nspans = 0;
    if (cap == 0)
        return BR_OK;
    out->spans = lt_host->doc_alloc(doc, cap * sizeof *out->spans);
    if (!out->spans)
        return BR_ERR_NOMEM;
    int x = 0;
    size_t i = 0;
    while (i < len && out->nspans < cap) {
        unsigned cp;
        if (s[i] == ' ') {
            i++;
            x++;
            continue;
        }
        size_t start = i;
        int x0 = x;
        size_t end = run_end(s, len, i);
        while (i < end) {
            size_t k = utf8_next((const unsigned char *)s + i, len - i, &cp);
            x += cp == '\t' ? 1 : cp_width(cp);
            i += k;
        }
        char *t = lt_host->doc_alloc(doc, i - start + 1);
        if (!t)
            return BR_ERR_NOMEM;
        memcpy(t, s + start, i - start);
        lt_span *sp = &out->spans[out->nspans++];
        sp->text = t;
        sp->x0 = x0;
        sp->x1 = x > x0 ? x : x0 + 1;
    }
    return BR_OK;
}

int lt_text_sniff(const br_source *src)
{
    if (!src->text)
        return 0;
    size_t probe = src->text_len < 256 * 1024 ? src->text_len : 256 * 1024;
    if (memchr(src->text, '\t', probe))
        return 0;
    int ff = memchr(src->text, '\f', probe) != NULL;
    /* budget vocabulary; not "表": a narrative published apart from its
     * tables may never say it */
    int vocab = strstr(src->text, "预算") || strstr(src->text, "决算");
    if (!vocab)
        return 0;
    /* long space-aligned lines: a run of 4+ spaces between text */
    int aligned = strstr(src->text, "    ") != NULL;
    if (ff && aligned)
        return 85;
    if (aligned)
        return 40;
    return 0;
}

int lt_text_read(const br_source *src, br_disclosure *doc, br_error *err)
{
    const char *text = src->text;
    size_t len = src->text_len;
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n' || text[i] == '\f';
    lt_line *lines = lt_host->doc_alloc(doc, n * sizeof *lines);
    if (!lines)
        return BR_ERR_NOMEM;
    size_t nl = 0;
    int page = 1;
    long no = 1;
    size_t i = 0;
    while (i < len && nl < n) {
        size_t e = i;
        while (e < len && text[e] != '\n' && text[e] != '\f')
            e++;
        size_t l = e;
        while (l > i && (text[l - 1] == '\r' || text[l - 1] == ' '))
            l--;
        lt_line *ln = &lines[nl];
        ln->no = no;
        ln->page = page;
        ln->y = (int)nl;
        int rc = split_line(doc, text + i, l - i, ln);
        if (rc != BR_OK)
            return rc;
        nl++;
        if (e < len && text[e] == '\f') {
            page++;
            /* pdftotext: "\f" begins the next page's first line */
            i = e + 1;
            continue;
        }
        no++;
        i = e + 1;
    }
    lt_doc in = {lines, nl, page, 1};
    return lt_read(&in, doc, src->path, err);
}
