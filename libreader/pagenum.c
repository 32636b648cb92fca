/*
 * pagenum.c — a page's number printed on the line of the page's last table
 * row, after its figures.
 *
 * pdftotext -layout (and tab exports of PDFs) put a footer that shares the
 * last row's baseline on that row's line: far right, beyond the columns
 * ("303  对个人和家庭的补助   15.9   15.9            8"), or one space after
 * the last figure ("30309  奖励金   2.04   2.04 3", "11.93 — 8 —").  Read as
 * the row's, it is one figure too many, or a figure in a column.
 *
 * Such a number is told from a figure by the document's other page numbers:
 * a front end collects every page number it knows (footer lines) and every
 * candidate (a page-number form after a figure on a page's last line) in
 * document order; a candidate is a page number when it is in sequence with
 * the page number before it or after it.  What is not in sequence stays the
 * row's, and the reader's fail-closed handling of extra figures applies.
 */
#include <string.h>

#include "brreader.h"

int dt_page_number(const char *s, size_t n)
{
    int bare = 0;
    if (!dt_page_footer(s, n, &bare))
        return -1;
    int v = 0, digits = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9') {
            if (++digits > 4)
                return -1;
            v = v * 10 + (s[i] - '0');
        }
    return digits && v > 0 ? v : -1;
}

size_t dt_page_number_glued(const char *s, size_t n, int *value)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] != ' ' || s[i - 1] == ' ')
            continue;
        size_t f = i;
        const char *p = s;
        size_t pl = f;
        dt_trim(&p, &pl);
        if (!pl || !dt_figure(p, pl, NULL))
            return 0; /* the figure is the text before the first space */
        int v = dt_page_number(s + i + 1, n - i - 1);
        if (v < 0)
            return 0;
        *value = v;
        return (size_t)(p - s) + pl;
    }
    return 0;
}

/* b, later in the document than a, is the page number that follows a's:
 * exactly when both pages are known, else within DT_PAGE_GAP pages. */
static int follows(const dt_pageno *a, const dt_pageno *b)
{
    int d = b->value - a->value;
    if (a->page > 0 && b->page > 0)
        return b->page > a->page && d == b->page - a->page;
    return d >= 1 && d <= DT_PAGE_GAP;
}

void dt_pagenos_settle(dt_pageno *v, size_t n)
{
    /* the page numbers around a candidate: up to the nearest footer, over
     * at most DT_PAGE_LOOK candidates (a figure that looked like one
     * between them does not hide them) */
    for (size_t i = 0; i < n; i++) {
        v[i].ok = v[i].footer;
        for (size_t k = 1; !v[i].ok && k <= DT_PAGE_LOOK && k <= i; k++) {
            v[i].ok = follows(&v[i - k], &v[i]);
            if (v[i - k].footer)
                break;
        }
        for (size_t k = 1; !v[i].ok && k <= DT_PAGE_LOOK && i + k < n; k++) {
            v[i].ok = follows(&v[i], &v[i + k]);
            if (v[i + k].footer)
                break;
        }
    }
}

const dt_pageno *dt_pagenos_at(const dt_pageno *v, size_t n, long line)
{
    size_t lo = 0, hi = n;
    while (lo < hi) { /* v is in document order */
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo].line == line && v[lo].ok && !v[lo].footer ? &v[lo] : NULL;
}
