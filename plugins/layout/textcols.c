/*
 * textcols.c — how a space-aligned text counts its columns (layout.h:
 * lt_text_narrow).
 *
 * `pdftotext -layout` prints every character in one column, a CJK
 * ideograph as much as a digit: it places each fragment of a line one
 * column after the widest text to its left anywhere on the page, so a
 * column of right-aligned figures ends in the same character column on
 * every line, whatever the labels before it ("2040602   一般行政管理事务
 * 216" and "合计   451.4" end in one column).  A text aligned for a
 * terminal (and the generator's ideal layout) counts a CJK character two
 * columns instead: there the same figures end in one *display* column.
 *
 * Which of the two a text is shows in its figures: the right edges of the
 * figures that stand in a table's cells (after a gap of two spaces) fall on
 * fewer distinct columns, page by page, under the count the text was laid
 * out with — under the other, each figure moves with the CJK characters
 * before it.  Counted once over the raw text, before any line is read.
 */
#include <string.h>

#include "layout.h"

/* Figures enough to tell how a text counts (a document prints thousands;
 * one tool laid out all of them). */
#define ENOUGH_FIGURES 400

/* Bytes of the UTF-8 sequence starting with c (1 for a stray byte). */
static size_t seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

static unsigned decode(const unsigned char *s, size_t k)
{
    if (k == 1)
        return s[0];
    unsigned v = s[0] & (0x7F >> k);
    for (size_t i = 1; i < k; i++)
        v = (v << 6) | (s[i] & 0x3F);
    return v;
}

static int figure_byte(char c)
{
    return (c >= '0' && c <= '9') || c == ',' || c == '.';
}

/* Per metric (0 narrow, 1 display): how many of the page's figures end on
 * an edge another one ended on before (figures less distinct edges); the
 * counts per edge, reset at every page. */
typedef struct edge_tally {
    int *count[2];
    int *touched[2];
    size_t ntouched[2];
    size_t width;
    long aligned[2];
} edge_tally;

static void tally_edge(edge_tally *t, int m, size_t edge)
{
    if (edge >= t->width)
        return;
    if (t->count[m][edge]++ == 0)
        t->touched[m][t->ntouched[m]++] = (int)edge;
}

static void close_page(edge_tally *t)
{
    for (int m = 0; m < 2; m++) {
        for (size_t i = 0; i < t->ntouched[m]; i++) {
            int *c = &t->count[m][t->touched[m][i]];
            /* (figures less edges: four figures on one edge beat two
             * pairs on two) */
            if (*c >= 2)
                t->aligned[m] += *c - 1;
            *c = 0;
        }
        t->ntouched[m] = 0;
    }
}

int lt_text_narrow(br_disclosure *doc, const char *text, size_t len, size_t longest)
{
    edge_tally t = {.width = 2 * longest + 2};
    for (int m = 0; m < 2; m++) {
        t.count[m] = lt_host->doc_alloc(doc, t.width * sizeof(int));
        t.touched[m] = lt_host->doc_alloc(doc, t.width * sizeof(int));
        if (!t.count[m] || !t.touched[m])
            return 0;
        memset(t.count[m], 0, t.width * sizeof(int));
    }
    const unsigned char *s = (const unsigned char *)text;
    size_t narrow = 0, display = 0; /* columns before s[i] on this line */
    size_t figures = 0;
    int spaces = 0;                 /* spaces just before s[i] */
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c == '\n' || c == '\f') {
            if (c == '\f')
                close_page(&t);
            narrow = display = 0;
            spaces = 0;
            i++;
            continue;
        }
        if (c == ' ') {
            narrow++, display++, spaces++;
            i++;
            continue;
        }
        if (spaces >= 2 && figure_byte((char)c)) {
            size_t e = i;
            int digits = 0;
            while (e < len && figure_byte((char)s[e]))
                digits += s[e] >= '0' && s[e] <= '9', e++;
            int ends_cell = e >= len || s[e] == ' ' || s[e] == '\n' || s[e] == '\f' || s[e] == '\r';
            if (digits >= 2 && ends_cell) {
                tally_edge(&t, 0, narrow + (e - i));
                tally_edge(&t, 1, display + (e - i));
                if (++figures == ENOUGH_FIGURES)
                    break; /* (the rest of the text is laid out alike) */
            }
            narrow += e - i, display += e - i;
            spaces = 0;
            i = e;
            continue;
        }
        size_t k = seq_len(c);
        if (i + k > len)
            k = 1;
        narrow++;
        /* (lead bytes E4–E9: the CJK unified ideographs, wide; most of a
         * line, so not decoded) */
        display += k == 3 && c >= 0xE4 && c <= 0xE9 ? 2 : (size_t)lt_cp_width(decode(s + i, k));
        spaces = 0;
        i += k;
    }
    close_page(&t);
    return t.aligned[0] > t.aligned[1];
}
