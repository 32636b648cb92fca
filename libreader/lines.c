/*
 * lines.c — the text as lines and tab-separated fields, and the small text
 * predicates the table reader is built from.  All of it is allocation-free
 * except dt_split_lines (one arena array for the whole document).
 */
#include <string.h>

#include "brreader.h"

/* ---- lines ---- */

/* A printed segment on page `page` opens it, if none did yet (page starts). */
static void page_segment(br_disclosure *doc, int paged, int page, int *opened, long no,
                         size_t len)
{
    if (paged && len && *opened < page) {
        dt_host->doc_set_page(doc, no, page);
        *opened = page;
    }
}

int dt_split_lines(br_disclosure *doc, const char *text, size_t len, dt_lines *out)
{
    if (!out)
        return BR_ERR_ARG;
    out->v = NULL;
    out->n = 0;
    if (!text || len == 0)
        return BR_OK;

    /* One count pass so the array is allocated once. */
    size_t n = 1, pages = 1;
    for (size_t i = 0; i < len; i++) {
        n += text[i] == '\n' || text[i] == '\f';
        pages += text[i] == '\f';
    }
    dt_line *v = dt_host->doc_alloc(doc, n * sizeof *v);
    if (!v)
        return BR_ERR_NOMEM;
    /* form feeds number the pages, so findings can name the page of a line:
     * a page starts at the line of its first printed segment */
    int paged = pages > 1 && BR_HOST_HAS(dt_host, doc_set_page), page = 1, opened = 0;

    /*
     * '\n' ends a line; a form feed (page break) ends the current segment
     * too but is not a line of the input, so the segments around it share
     * the line number: "\fText" gives a blank line, then "Text".
     */
    size_t k = 0;
    long no = 1;
    const char *start = text;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c != '\n' && c != '\f')
            continue;
        size_t sl = (size_t)(text + i - start);
        if (sl && start[sl - 1] == '\r')
            sl--;
        v[k].s = start;
        v[k].len = sl;
        v[k].no = no;
        k++;
        page_segment(doc, paged, page, &opened, no, sl);
        if (c == '\n')
            no++;
        else
            page++;
        start = text + i + 1;
    }
    if (start < text + len) {
        size_t sl = (size_t)(text + len - start);
        if (sl && start[sl - 1] == '\r')
            sl--;
        v[k].s = start;
        v[k].len = sl;
        v[k].no = no;
        k++;
        page_segment(doc, paged, page, &opened, no, sl);
    }
    out->v = v;
    out->n = k;
    return BR_OK;
}

/*
 * The first table's title at line i may be the second line of a wrapped
 * title ("…2021 年财政" / "拨款收支总表"): the line before it (blank lines
 * between) is its first part when the words naming the kind run over the
 * break, or when it names the whole title's kind alone.  Returns the index
 * of the title's first line.
 */
static size_t wrapped_title_start(const dt_lines *lines, size_t i, const char *s, size_t len)
{
    size_t j = i;
    while (j > 0 && lines->v[j - 1].len == 0)
        j--;
    if (j == 0)
        return i;
    const dt_line *p = &lines->v[j - 1];
    const char *ps = p->s;
    size_t pl = p->len;
    dt_trim(&ps, &pl);
    if (pl == 0 || pl > 120 || memchr(ps, '\t', pl) || dt_find(ps, pl, "。") || dt_find(ps, pl, ":"))
        return i;
    char whole[DT_TITLE_MAX], head[DT_TITLE_MAX];
    size_t n = dt_copy(ps, pl, whole, sizeof whole);
    size_t brk = dt_squeeze(ps, pl, head, sizeof head);
    n += dt_copy(s, len, whole + n, sizeof whole - n);
    size_t from = 0, to = 0;
    int kind = dt_catalog_title_span(whole, n, &from, &to);
    /* the words naming the kind run over the break, or the first line
     * alone names it ("…“三公”经" / "费支出决算表") */
    return kind > BR_KIND_UNKNOWN && ((from < brk && to > brk) || dt_catalog_title(head, brk) == kind)
               ? j - 1
               : i;
}

size_t dt_tables_start(const dt_lines *lines)
{
    if (!lines)
        return 0;
    for (size_t i = 0; i < lines->n; i++) {
        dt_field f[3];
        size_t nf = dt_fields(lines->v[i].s, lines->v[i].len, f, 3, NULL), k = 0, rest;
        while (k < nf && !f[k].len)
            k++;
        if (k == nf || f[k].len >= DT_TITLE_MAX)
            continue;
        /* a marker or a title, alone on its line or with its unit */
        if (dt_marker(f[k].s, f[k].len, &rest))
            return i;
        if (dt_title_shape(f[k].s, f[k].len)) {
            /* the second line of a wrapped title ("…财政拨款收" / "支总表")
             * may name no kind alone */
            size_t j = wrapped_title_start(lines, i, f[k].s, f[k].len);
            if (j != i || dt_catalog_title(f[k].s, f[k].len) > BR_KIND_UNKNOWN)
                return j;
        }
    }
    return lines->n;
}

/* ---- fields ---- */

static int is_space(unsigned char c) { return c == ' ' || c == '\r' || c == '\v'; }

void dt_trim(const char **s, size_t *len)
{
    const char *p = *s;
    size_t n = *len;
    while (n && is_space((unsigned char)*p)) {
        p++;
        n--;
    }
    while (n && is_space((unsigned char)p[n - 1]))
        n--;
    *s = p;
    *len = n;
}

size_t dt_fields(const char *s, size_t len, dt_field *out, size_t cap, size_t *total)
{
    size_t k = 0, all = 0;
    const char *p = s, *e = s + len;
    for (;;) {
        const char *t = memchr(p, '\t', (size_t)(e - p));
        const char *fe = t ? t : e;
        if (k < cap) {
            out[k].s = p;
            out[k].len = (size_t)(fe - p);
            dt_trim(&out[k].s, &out[k].len);
            k++;
        }
        all++;
        if (!t)
            break;
        p = t + 1;
    }
    if (total)
        *total = all;
    return k;
}

/* Length of the UTF-8 sequence starting with byte c (1 for stray bytes). */
static size_t u8len(unsigned char c)
{
    if (c < 0xC0)
        return 1;
    if (c < 0xE0)
        return 2;
    if (c < 0xF0)
        return 3;
    return 4;
}

size_t dt_squeeze(const char *s, size_t len, char *buf, size_t cap)
{
    size_t k = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        size_t n = u8len(c);
        if (i + n > len)
            n = len - i;
        if (k + n >= cap)
            break;
        memcpy(buf + k, s + i, n);
        k += n;
        i += n;
    }
    buf[k] = '\0';
    return k;
}

size_t dt_copy(const char *s, size_t len, char *buf, size_t cap)
{
    if (cap == 0)
        return 0;
    size_t n = len < cap - 1 ? len : cap - 1;
    /* do not cut a UTF-8 sequence */
    while (n < len && n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return n;
}

int dt_figure(const char *s, size_t len, br_decimal *out)
{
    br_decimal d;
    if (len == 0 || len > 40)
        return 0;
    /* a figure starts with a digit, a sign, a point or an accountant's "(" */
    unsigned char c = (unsigned char)s[0];
    if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.' && c != '(')
        return 0;
    if (dt_host->decimal_parse(s, len, &d) != BR_OK)
        return 0;
    if (out)
        *out = d;
    return 1;
}

int dt_figures_glued(const char *s, size_t len)
{
    size_t i = 0, n = 0;
    while (i < len) {
        while (i < len && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i > b) {
            if (!dt_figure(s + b, i - b, NULL))
                return 0;
            n++;
        }
    }
    return n >= 2;
}

int dt_year_in(const char *s, size_t len)
{
    for (size_t i = 0; i + 4 <= len; i++) {
        if (!(s[i] == '1' || s[i] == '2'))
            continue;
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            continue;
        int y = 0, ok = 1;
        for (size_t j = 0; j < 4; j++) {
            char c = s[i + j];
            if (c < '0' || c > '9') {
                ok = 0;
                break;
            }
            y = y * 10 + (c - '0');
        }
        if (!ok || y < 1900 || y > 2099)
            continue;
        size_t j = i + 4;
        while (j < len && s[j] == ' ')
            j++;
        if (dt_starts(s + j, len - j, "年"))
            return y;
    }
    return 0;
}

const char *dt_find(const char *s, size_t len, const char *word)
{
    size_t wl = strlen(word);
    if (wl == 0)
        return s;
    if (wl > len)
        return NULL;
    for (const char *p = s, *e = s + len - wl + 1; p < e;) {
        const char *q = memchr(p, word[0], (size_t)(e - p));
        if (!q)
            return NULL;
        if (memcmp(q, word, wl) == 0)
            return q;
        p = q + 1;
    }
    return NULL;
}

int dt_starts(const char *s, size_t len, const char *word)
{
    size_t wl = strlen(word);
    return wl <= len && memcmp(s, word, wl) == 0;
}

int dt_ends(const char *s, size_t len, const char *word)
{
    size_t wl = strlen(word);
    return wl <= len && memcmp(s + len - wl, word, wl) == 0;
}

/* ---- labels ---- */

/* Length of a Chinese numeral character at s (一 … 十, 百, 零, 〇), else 0. */
static size_t cjk_numeral(const char *s, size_t len)
{
    static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七",
                                         "八", "九", "十", "百", "零", "〇"};
    for (size_t i = 0; i < sizeof digits / sizeof digits[0]; i++)
        if (dt_starts(s, len, digits[i]))
            return strlen(digits[i]);
    return 0;
}

/* Numerals (Chinese or ASCII digits) at s: their byte length. */
static size_t numerals(const char *s, size_t len, int ascii)
{
    size_t i = 0, n;
    for (;;) {
        if (ascii && i < len && s[i] >= '0' && s[i] <= '9')
            n = 1;
        else if (!ascii && (n = cjk_numeral(s + i, len - i)) != 0)
            ;
        else
            break;
        i += n;
    }
    return i;
}

void dt_strip_enumerator(const char **sp, size_t *lenp)
{
    const char *s = *sp;
    size_t len = *lenp, n, k = 0;
    if (len && s[0] == '(') {
        /* (一) / (十四) / (1) */
        if ((n = numerals(s + 1, len - 1, 0)) == 0)
            n = numerals(s + 1, len - 1, 1);
        if (n && 1 + n < len && s[1 + n] == ')')
            k = n + 2;
    } else if ((n = numerals(s, len, 0)) != 0 && dt_starts(s + n, len - n, "、")) {
        k = n + strlen("、"); /* 一、 / 二十八、 */
    }
    if (k == 0 || k >= len)
        return; /* nothing to strip, or nothing would remain */
    s += k;
    len -= k;
    dt_trim(&s, &len);
    *sp = s;
    *lenp = len;
}

/* "50015222T000000135300-name": the code's length, or 0 when there is none. */
size_t dt_project_code_len(const char *s, size_t len)
{
    size_t n = 0;
    int digit = 0;
    while (n < len && ((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'A' && s[n] <= 'Z') ||
                       (s[n] >= 'a' && s[n] <= 'z'))) {
        digit |= s[n] >= '0' && s[n] <= '9';
        n++;
    }
    return n >= 6 && digit && n < len && s[n] == '-' ? n : 0;
}
