/*
 * pageno.c — page numbers printed on a page's last table line, after its
 * figures (libreader pagenum.c), taken off the line before anything reads
 * it: far right ("303  对个人和家庭的补助   15.9   15.9            8", a span
 * right of every figure printed on its page) or one space after the last
 * figure ("30309  奖励金  2.04   2.04 3", one span).  A candidate is a page
 * number when it is in sequence, by its page's index, with the document's
 * other page numbers (footer lines, other candidates); else the line stays
 * as printed, its figures read as they are, and its row is uncertain
 * (emit.c: the last figure may be the page's number).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/* The last line with text on its page. */
static int last_on_page(const lt_doc *in, size_t i)
{
    for (size_t j = i + 1; j < in->nlines; j++) {
        if (in->lines[j].page != in->lines[i].page)
            return 1;
        if (in->lines[j].nspans)
            return 0;
    }
    return 1;
}

/* The line's last span lies right of everything else printed on its page
 * (its columns: figures, header cells, the unit line), there being more. */
static int beyond_columns(const lt_doc *in, size_t i)
{
    const lt_line *ln = &in->lines[i];
    const lt_span *last = &ln->spans[ln->nspans - 1];
    int any = 0;
    if (ln->spans[ln->nspans - 2].x1 >= last->x0)
        return 0;
    for (size_t j = i; j-- > 0 && in->lines[j].page == ln->page;)
        for (size_t k = 0; k < in->lines[j].nspans; k++) {
            if (in->lines[j].spans[k].x1 >= last->x0)
                return 0;
            any = 1;
        }
    return any;
}

/* Line i as a page number entry: 1 and *p when it is a footer or a
 * candidate. */
static int entry(const lt_doc *in, size_t i, dt_pageno *p)
{
    const lt_line *ln = &in->lines[i];
    br_decimal d;
    memset(p, 0, sizeof *p);
    p->line = ln->no;
    p->page = ln->page;
    if (ln->nspans == 0)
        return 0;
    const lt_span *last = &ln->spans[ln->nspans - 1];
    size_t len = strlen(last->text);
    if (ln->nspans == 1) {
        int bare = 0;
        if (!dt_page_footer(last->text, len, &bare) || (bare && !last_on_page(in, i)))
            return 0;
        p->footer = 1;
        p->value = dt_page_number(last->text, len);
        return p->value > 0;
    }
    if (!last_on_page(in, i))
        return 0;
    p->at = (int)ln->nspans - 1;
    if (dt_page_number_glued(last->text, len, &p->value)) {
        p->glued = 1;
        return 1;
    }
    int figs = 0;
    for (size_t k = 0; k + 1 < ln->nspans; k++)
        figs += lt_figure(ln->spans[k].text, &d) == 1;
    p->value = dt_page_number(last->text, len);
    return figs && p->value > 0 && beyond_columns(in, i);
}

const lt_doc *lt_page_numbers(lt_engine *e, const lt_doc *in)
{
    size_t n = 0;
    dt_pageno p;
    for (size_t i = 0; i < in->nlines; i++)
        n += entry(in, i, &p);
    if (n == 0)
        return in;
    dt_pageno *v = lt_host->doc_alloc(e->doc, n * sizeof *v);
    if (!v) {
        e->failed = 1;
        return in;
    }
    n = 0;
    for (size_t i = 0; i < in->nlines; i++)
        if (entry(in, i, &v[n]))
            n++;
    dt_pagenos_settle(v, n);
    const char *dbg = getenv("BR_LAYOUT_DEBUG");
    if (dbg && strstr(dbg, "pagenos"))
        for (size_t k = 0; k < n; k++)
            fprintf(stderr, "pageno line %ld page %d value %d footer %d ok %d glued %d\n", v[k].line, v[k].page, v[k].value, v[k].footer, v[k].ok, v[k].glued);
    /* candidates out of sequence: left as printed, their rows uncertain */
    e->doubt = lt_host->doc_alloc(e->doc, n * sizeof *e->doubt);
    if (!e->doubt) {
        e->failed = 1;
        return in;
    }
    for (size_t k = 0; k < n; k++)
        if (!v[k].ok)
            e->doubt[e->ndoubt++] = v[k].line;
    lt_doc *out = NULL;
    for (size_t k = 0; k < n; k++) {
        if (!v[k].ok || v[k].footer)
            continue;
        if (!out) { /* a copy of the lines, those with a page number changed */
            out = lt_host->doc_alloc(e->doc, sizeof *out);
            lt_line *lines = lt_host->doc_alloc(e->doc, in->nlines * sizeof *lines);
            if (!out || !lines) {
                e->failed = 1;
                return in;
            }
            *out = *in;
            memcpy(lines, in->lines, in->nlines * sizeof *lines);
            out->lines = lines;
        }
        lt_line *ln = NULL;
        for (size_t i = 0; i < out->nlines && !ln; i++)
            if (out->lines[i].no == v[k].line)
                ln = &out->lines[i];
        if (!ln)
            continue;
        if (!v[k].glued) { /* the span alone: dropped */
            ln->nspans--;
            continue;
        }
        lt_span *spans = lt_host->doc_alloc(e->doc, ln->nspans * sizeof *spans);
        const lt_span *s = &ln->spans[ln->nspans - 1];
        size_t len = strlen(s->text);
        int value;
        size_t keep = dt_page_number_glued(s->text, len, &value);
        char *text = lt_host->doc_alloc(e->doc, keep + 1);
        if (!spans || !text) {
            e->failed = 1;
            return in;
        }
        memcpy(spans, ln->spans, ln->nspans * sizeof *spans);
        memcpy(text, s->text, keep);
        text[keep] = 0;
        lt_span *t = &spans[ln->nspans - 1];
        t->text = text; /* the figure: ASCII, one column a character */
        t->x1 = t->x0 + (int)keep * (in->char_width > 0 ? in->char_width : 1);
        if (t->x1 > s->x1)
            t->x1 = s->x1;
        ln->spans = spans;
    }
    return out ? out : in;
}

int lt_page_number_doubt(const lt_engine *e, long no)
{
    for (size_t k = 0; k < e->ndoubt; k++)
        if (e->doubt[k] == no)
            return 1;
    return 0;
}
