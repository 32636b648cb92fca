/*
 * indent.c — the indentation of positioned lines that the narrative reader
 * (libreader/narrative.c, dt_read_narrative) reads paragraphs by.
 */
#include <string.h>

#include "engine.h"

#define INDENT_MAX 120 /* columns: wider than any page */

void lt_narrative_indents(const lt_doc *in, const unsigned char *narr, int *indent)
{
    /* x units per column, as the ratio width / columns over all narrative spans */
    long long width = 0, cols = 0;
    for (size_t i = 0; i < in->nlines; i++) {
        indent[i] = 0;
        for (size_t s = 0; narr[i] && s < in->lines[i].nspans; s++) {
            const lt_span *sp = &in->lines[i].spans[s];
            width += sp->x1 - sp->x0;
            cols += lt_text_width(sp->text, strlen(sp->text), 2);
        }
    }
    if (width <= 0 || cols <= 0)
        return;
    /* lines come page by page: each page's margin is its leftmost narrative line */
    for (size_t first = 0; first < in->nlines;) {
        size_t end = first;
        int margin = 0, any = 0;
        while (end < in->nlines && in->lines[end].page == in->lines[first].page) {
            if (narr[end] && in->lines[end].nspans &&
                (!any || in->lines[end].spans[0].x0 < margin)) {
                margin = in->lines[end].spans[0].x0;
                any = 1;
            }
            end++;
        }
        for (size_t i = first; i < end; i++)
            if (narr[i] && in->lines[i].nspans) {
                long long dx = in->lines[i].spans[0].x0 - margin;
                /* a text's x counts characters, its indentation spaces
                 * (one column each however the text counts a CJK one) */
                long long k = in->char_width <= 1 ? dx : (dx * cols + width / 2) / width;
                indent[i] = k > INDENT_MAX ? INDENT_MAX : (int)k;
            }
        first = end;
    }
}
