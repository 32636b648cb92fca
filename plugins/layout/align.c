/*
 * align.c — short rows placed by the right edges of the table's own figures.
 *
 * Figures are right-aligned: in a space-aligned or PDF table the figures of
 * one column end at (nearly) the same x on every line of a page, while the
 * header's words over them are centred or left-aligned and may lie well
 * off.  A row with as many figures as columns (a full row), or whose
 * figures each lie clearly within one column's header and stayed there,
 * shows where its columns' figures end.  A row with fewer figures than
 * columns (a short row) was placed by the header's extents and its row
 * identities (rows.c), then maybe by the code hierarchy (emit.c): when one of its figures is itself wrong (a sign, a
 * slipped digit) the arithmetic moves the right figures into wrong columns
 * and the error is reported where it is not.  Here a short row's figure
 * that ends where those rows of its page end exactly one column's figures
 * (within a character) is pinned to that column: neither the row
 * identities nor the hierarchy move it.  Figures that fit no learned edge,
 * or more than one, are placed as before.  Fail closed: a page without
 * such rows, or one not laid out on common edges (rows that disagree on a
 * column's edge, a figure at no column's edge: a row pushed right by its
 * label), pins nothing.
 */
#include <string.h>

#include "engine.h"

/* Where a column's figures end in the certain rows of a page. */
typedef struct edge {
    int lo, hi; /* least and greatest right edge */
    int n;      /* figures seen */
} edge;

static int page_of(const lt_prow *r)
{
    return r->src ? r->src->page : 0;
}

/* The rows of [from, to) placed with certainty (full rows, rows whose
 * figures each lie clearly within one column's header; full rows only
 * with full_only): their figures end where their columns' do. */
static void learn(const lt_table *t, const lt_prow *from, const lt_prow *to, int full_only,
                  edge *E)
{
    const lt_col *vc[LT_MAX_COLS];
    for (const lt_prow *r = from; r != to; r = r->next) {
        if (!r->certain)
            continue;
        size_t nvc = lt_row_columns(t, r, vc);
        if (full_only && r->nfig != nvc)
            continue;
        for (size_t k = 0; k < r->nfig; k++) {
            if (r->at[k] < 0 || (size_t)r->at[k] >= nvc)
                continue;
            edge *c = &E[vc[r->at[k]] - t->L.cols];
            int x = r->fig[k]->x1;
            if (!c->n || x < c->lo)
                c->lo = x;
            if (!c->n || x > c->hi)
                c->hi = x;
            c->n++;
        }
    }
}

/* The one value column (index into vc) whose learned figures all end within
 * cw of x, or -1. */
static int edge_column(const edge *E, const lt_table *t, const lt_col *const *vc, size_t nvc,
                       int x, int cw)
{
    int hit = -1;
    for (size_t j = 0; j < nvc; j++) {
        const edge *c = &E[vc[j] - t->L.cols];
        if (!c->n || x < c->hi - cw || x > c->lo + cw)
            continue;
        if (hit >= 0)
            return -1;
        hit = (int)j;
    }
    return hit;
}

/* The page's figures are aligned: the rows learned from agree on every
 * column's edge (within cw), and every figure of every row ends at one of
 * them.  pdftotext -layout lays some pages out loosely (each row's figures
 * where its label leaves room): such a page teaches nothing. */
static int aligned(const lt_table *t, const lt_prow *from, const lt_prow *to, const edge *E,
                   int cw)
{
    int learned = 0;
    for (size_t c = 0; c < t->L.ncols; c++) {
        if (E[c].n && E[c].hi - E[c].lo > cw)
            return 0;
        learned |= E[c].n > 0;
    }
    const lt_col *vc[LT_MAX_COLS];
    for (const lt_prow *r = from; r != to && learned; r = r->next) {
        if (r->nextra)
            return 0; /* figures not read */
        size_t nvc = lt_row_columns(t, r, vc);
        for (size_t k = 0; k < r->nfig; k++) {
            int x = r->fig[k]->x1, near = 0;
            for (size_t j = 0; j < nvc && !near; j++) {
                const edge *c = &E[vc[j] - t->L.cols];
                near = c->n && x >= c->hi - cw && x <= c->lo + cw;
            }
            if (!near)
                return 0;
        }
    }
    return learned;
}

/* Pin the figures of short row r that end at exactly one column's edge;
 * the pins must keep the figures' order with room for the others. */
static void pin_row(lt_engine *e, lt_table *t, lt_prow *r, const edge *E, int cw)
{
    const lt_col *vc[LT_MAX_COLS];
    size_t nvc = lt_row_columns(t, r, vc), nf = r->nfig;
    if (nf == 0 || nf >= nvc)
        return;
    int pin[LT_MAX_COLS];
    size_t npin = 0;
    int last = -1;
    size_t last_k = 0;
    for (size_t k = 0; k < nf; k++) {
        pin[k] = edge_column(E, t, vc, nvc, r->fig[k]->x1, cw);
        if (pin[k] < 0)
            continue;
        /* k figures before it, nf - k - 1 after it, in order */
        if ((size_t)pin[k] < k || nvc - (size_t)pin[k] < nf - k ||
            (last >= 0 && (size_t)(pin[k] - last) < k - last_k))
            return;
        last = pin[k];
        last_k = k;
        npin++;
    }
    if (!npin || !lt_row_place(e, t, r, pin))
        return;
    for (size_t k = 0; k < nf; k++)
        r->pin[k] = (signed char)(pin[k] >= 0 ? vc[pin[k]]->model : -1);
    r->npin = npin;
}

void lt_align_rows(lt_engine *e, lt_table *t)
{
    if (t->L.two_sided)
        return;
    int cw = e->in->char_width > 0 ? e->in->char_width : 1;
    if (e->in->narrow)
        cw = NARROW_DRIFT;
    edge E[LT_MAX_COLS];
    /* page by page: pdftotext lays out every page anew */
    for (lt_prow *from = t->rows, *to; from; from = to) {
        for (to = from; to && page_of(to) == page_of(from);)
            to = to->next;
        memset(E, 0, sizeof E);
        /* (where a text counts one column per character the header's
         * extents are estimates: only full rows show where columns end) */
        learn(t, from, to, e->in->narrow, E);
        if (!aligned(t, from, to, E, cw))
            continue;
        for (lt_prow *r = from; r != to; r = r->next)
            pin_row(e, t, r, E, cw);
    }
}
