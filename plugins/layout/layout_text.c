/*
 * layout_text.c — the `layout-text` front end: `pdftotext -layout` output
 * (space-aligned columns, a form feed after each page) → positioned lines.
 *
 * A span is a run of characters separated from the next by two or more
 * spaces (a single space stays inside the run); x counts columns as the
 * text was laid out: one per character as `pdftotext -layout` prints (a
 * CJK ideograph too), or display columns, East-Asian wide characters
 * counting 2, as a terminal aligns them — whichever aligns the text's
 * figures (textcols.c).
 */
#include <string.h>

#include "brreader.h"
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

int lt_cp_width(unsigned c)
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
 * "3,047.90 (一) 一般公共服务支出", "2.85 0.39", "0 (二) 外交支出").
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
        /* text begins with a CJK character or a bracket: "3,047.90 (一) 一般公共服务支出" */
        int text_next = (unsigned char)s[next] >= 0x80 || s[next] == '(';
        int text_before = (unsigned char)s[i - 1] >= 0x80 || s[i - 1] == ')';
        /* a whole number before a figure: "0 112.44" (a zero printed in a
         * tight column; not after one: "2.04 9" is a page number glued) */
        int whole = i - tok <= 12 && strspn(s + tok, "0123456789") == i - tok;
        /* …and before a bracketed enumerator: "0 (二) 外交支出" (not "附件 3 (续)") */
        const char *lab = s + next;
        size_t llen = len - next;
        if (whole && s[next] == '(')
            dt_strip_enumerator(&lab, &llen);
        /* …and a figure before the code of the panel beside, its label
         * after it ("109.7 302   商品和服务支出", "3 30214  租赁费": two
         * cells; not a code "201 03", nor a page number "451.40 9" at the
         * line's end) */
        size_t nd = strspn(s + next, "0123456789"), after = ne;
        while (after < len && s[after] == ' ')
            after++;
        int two_numbers = ((a && memchr(s + tok, '.', i - tok)) || whole) &&
                          (nd == 3 || nd == 5 || nd == 7) && nd == ne - next && after < len &&
                          (unsigned char)s[after] >= 0x80;
        /* …and a figure before a whole number with more of the line after
         * it: the page's number is the line's last ("29.42 0   7") */
        two_numbers |= a && nd && nd <= 12 && nd == ne - next && after < len;
        if ((a && text_next) || (b && text_before) || lab != s + next || two_numbers ||
            ((a || whole) && b)) /* "2.85 0.39": two figures of tight columns */
            return i;
        tok = next;
        i = next;
    }
    return i;
}

/* A code point NFKC leaves alone: ASCII but '\\' (TeX "\\geq"), and the
 * CJK unified ideographs that make up most of a line. */
static int plain_cp(unsigned c)
{
    return (c < 0x80 && c != '\\') || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

/*
 * One raw line r[0..rlen) → its normalised text in nb (cap bytes) with, for
 * every byte, the column where its character starts (xs) and ends (xe) as
 * the line is printed (narrow: one per character, else display columns):
 * the widths of the characters as they stand
 * in the file (a full-width "，" is 2 columns, "\\geq" 4), not of their
 * normalised forms (",", "≥"), so that columns after them stay where the
 * file has them.  Returns the normalised length, or (size_t)-1 (no memory).
 */
static size_t normalise_line(br_disclosure *doc, const char *r, size_t rlen, char *nb, int *xs,
                             int *xe, size_t cap, int narrow)
{
    size_t o = 0;
    int x = 0;
    for (size_t i = 0; i < rlen && o < cap;) {
        unsigned cp;
        size_t k = utf8_next((const unsigned char *)r + i, rlen - i, &cp);
        if (cp == '\r') {
            i += k;
            continue;
        }
        if (plain_cp(cp)) {
            int w = cp == '\t' || narrow ? 1 : lt_cp_width(cp);
            for (size_t b = 0; b < k && o < cap; b++, o++) {
                nb[o] = r[i + b];
                xs[o] = x;
                xe[o] = x + w;
            }
            x += w;
            i += k;
            continue;
        }
        /* one character (with its combining marks), or a TeX relation word */
        size_t j = i + k;
        int w = narrow ? 1 : lt_cp_width(cp);
        if (cp == '\\') {
            while (j < rlen && (((unsigned char)r[j] | 0x20) >= 'a' && ((unsigned char)r[j] | 0x20) <= 'z'))
                j++, w++;
        } else {
            while (j < rlen) {
                unsigned m;
                size_t mk = utf8_next((const unsigned char *)r + j, rlen - j, &m);
                if (!((m >= 0x300 && m <= 0x36F) || (m >= 0x3099 && m <= 0x309A) ||
                      (m >= 0xFE00 && m <= 0xFE0F)))
                    break;
                j += mk;
            }
        }
        char *norm = NULL;
        size_t nl = 0;
        if (lt_host->text_normalize(doc, r + i, j - i, &norm, &nl) != BR_OK || !norm)
            return (size_t)-1;
        for (size_t b = 0; b < nl && o < cap; b++, o++) {
            nb[o] = norm[b];
            xs[o] = x;
            xe[o] = x + w;
        }
        x += w;
        i = j;
    }
    return o;
}

/* Spans of one line: its normalised text s[0..len) with the columns of
 * every byte (normalise_line). */
static int split_line(br_disclosure *doc, const char *s, const int *xs, const int *xe, size_t len,
                      lt_line *out)
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
    size_t i = 0;
    while (i < len && out->nspans < cap) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        size_t start = i;
        i = run_end(s, len, i);
        char *t = lt_host->doc_alloc(doc, i - start + 1);
        if (!t)
            return BR_ERR_NOMEM;
        memcpy(t, s + start, i - start);
        t[i - start] = 0;
        lt_span *sp = &out->spans[out->nspans++];
        sp->text = t;
        sp->x0 = xs[start];
        sp->x1 = xe[i - 1] > sp->x0 ? xe[i - 1] : sp->x0 + 1;
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

int lt_text_lines(br_disclosure *doc, const char *text, size_t len, lt_doc *out)
{
    size_t n = 1, longest = 0, run = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n' || text[i] == '\f') {
            n++;
            run = 0;
        } else if (++run > longest) {
            longest = run;
        }
    }
    lt_line *lines = lt_host->doc_alloc(doc, n * sizeof *lines);
    /* normalised text never grows past 3 bytes a raw byte ("\\geq" shrinks) */
    size_t cap = 3 * longest + 4;
    char *nb = lt_host->doc_alloc(doc, cap);
    int *xs = lt_host->doc_alloc(doc, cap * sizeof *xs);
    int *xe = lt_host->doc_alloc(doc, cap * sizeof *xe);
    if (!lines || !nb || !xs || !xe)
        return BR_ERR_NOMEM;
    int narrow = lt_text_narrow(doc, text, len, longest);
    size_t nl = 0;
    int page = 1;
    long no = 1;
    size_t i = 0;
    while (i < len && nl < n) {
        size_t e = i;
        while (e < len && text[e] != '\n' && text[e] != '\f')
            e++;
        size_t nn = normalise_line(doc, text + i, e - i, nb, xs, xe, cap, narrow);
        if (nn == (size_t)-1)
            return BR_ERR_NOMEM;
        while (nn > 0 && (nb[nn - 1] == '\r' || nb[nn - 1] == ' '))
            nn--;
        lt_line *ln = &lines[nl];
        ln->no = no;
        ln->page = page;
        ln->y = (int)nl;
        int rc = split_line(doc, nb, xs, xe, nn, ln);
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
    *out = (lt_doc){lines, nl, page, 1, narrow};
    return BR_OK;
}

int lt_text_read(const br_source *src, br_disclosure *doc, br_error *err)
{
    /* the lines as the file has them (src->data): their geometry is the
     * file's; src->text is the same text normalised, line for line */
    const char *text = (const char *)src->data;
    size_t len = src->size;
    if (!text || !BR_HOST_HAS(lt_host, text_normalize)) {
        text = src->text;
        len = src->text_len;
    }
    lt_doc in;
    int rc = lt_text_lines(doc, text, len, &in);
    return rc != BR_OK ? rc : lt_read(&in, doc, src->path, err);
}
