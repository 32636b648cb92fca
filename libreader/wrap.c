/*
 * wrap.c — labels wrapped over lines: where a table's wrapped rows print
 * their figures (DT_WRAP_FIRST, _MIDDLE, _LAST), decided on an abstract
 * sequence of the table's lines, so that the tab-separated reader and the
 * layout engine decide it alike.
 *
 * A table is read as a sequence of rows ('F': a line with figures or a
 * code), label pieces ('f': a lone text in the label's cell) and breaks
 * ('|': a blank line, a page change, the header again).  The conventions
 * that fit the sequence are kept (dt_wrap_fits), then ranked by how text
 * wraps (dt_wrap_cost): every line of a wrapped label but the last is as
 * wide as the first, the last no wider, and a code printed on a line
 * begins its label.  w[i] is line i's width in characters in the label's
 * cell, cl[i] whether that text starts with a subject code.
 */
#include "brreader.h"

unsigned dt_wrap_fits(const char *seq, size_t n, int *pieces)
{
    unsigned ok = DT_WRAP_FIRST | DT_WRAP_MIDDLE | DT_WRAP_LAST;
    *pieces = 0;
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && seq[b] != '|')
            b++;
        /* the segment [a, b): runs of pieces around its rows */
        size_t run = 0, rows = 0;
        int head = 0; /* middle: the current row has a piece above it (2: maybe) */
        for (size_t i = a; i <= b; i++) {
            if (i < b && seq[i] == 'f') {
                run++;
                *pieces = 1;
                continue;
            }
            int end = i == b;
            if (run > 2)
                ok = 0; /* a label over at most three lines */
            if (run && rows == 0)
                ok &= ~DT_WRAP_FIRST;
            if (run && end && rows)
                ok &= ~DT_WRAP_LAST;
            /* middle: a wrapped row has one piece above it and, over three
             * lines, one below; a lone piece between two rows is either */
            if (rows == 0) {
                if (run > 1)
                    ok &= ~DT_WRAP_MIDDLE;
                head = run == 1;
            } else if (run == 1) {
                if (end && !head)
                    ok &= ~DT_WRAP_MIDDLE;
                head = head ? 2 : 1;
            } else if (run == 2) {
                if (end || !head)
                    ok &= ~DT_WRAP_MIDDLE;
                head = 1;
            } else {
                head = 0;
            }
            if (!end)
                rows++;
            run = 0;
        }
        a = b + 1;
    }
    return ok;
}

int dt_wrap_middle_tail(const char *seq, const size_t *w, const unsigned char *cl, size_t n,
                        size_t row, size_t head, size_t cand, int coded, int *unsure)
{
    *unsure = 0;
    if (cand >= n || seq[cand] != 'f' || cl[cand])
        return 0;
    if (coded)
        return 1; /* labels start with codes: a piece without one is no first line */
    if (w[row] < w[head])
        return 0; /* the row's line is its label's last */
    if (cand + 1 >= n || seq[cand + 1] != 'F')
        return 1; /* another piece follows (the next row's first), or the table ends */
    if (cl[cand + 1] || w[cand] < w[head])
        return 1;
    *unsure = 1; /* a label exactly two lines wide is the rarer */
    return 1;
}

/* A row of the sequence with the pieces a convention gives it: `heads`
 * pieces above it from pend_at, `tails` below it from run_at; `unsure`
 * when the middle convention cannot tell whether the piece below is its
 * last line or the next row's first. */
typedef struct wrap_row {
    size_t row, pend_at, heads, run_at, tails;
    int unsure;
} wrap_row;

typedef void (*wrap_visit)(const wrap_row *r, void *arg);

/* Every row of the sequence under convention `mode`, in order. */
static void wrap_walk(const char *seq, const size_t *w, const unsigned char *cl, size_t n,
                      unsigned mode, int coded, wrap_visit visit, void *arg)
{
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && seq[b] != '|')
            b++;
        /* rows of the segment with the runs of pieces around them */
        size_t i = a;
        size_t pend = 0, pend_at = 0; /* pieces above the next row */
        while (i < b) {
            if (seq[i] == 'f') {
                if (!pend)
                    pend_at = i;
                pend++;
                i++;
                continue;
            }
            size_t row = i++, run = 0, run_at = i;
            while (i + run < b && seq[i + run] == 'f')
                run++;
            wrap_row r = {row, pend_at, 0, run_at, 0, 0};
            if (mode == DT_WRAP_LAST) {
                r.heads = pend;
            } else if (mode == DT_WRAP_FIRST) {
                r.tails = run;
            } else {
                r.heads = pend;
                r.tails = r.heads && run &&
                          dt_wrap_middle_tail(seq, w, cl, n, row, pend_at, run_at, coded,
                                              &r.unsure);
            }
            visit(&r, arg);
            i += r.tails;
            pend = 0;
            if (run > r.tails) {
                pend = run - r.tails;
                pend_at = run_at + r.tails;
                i = run_at + run;
            }
        }
        a = b + 1;
    }
}

typedef struct wrap_costs {
    const size_t *w;
    const unsigned char *cl;
    size_t cost, tails;
} wrap_costs;

/* One count when the row's label does not wrap the way text wraps. */
static void cost_of(const wrap_row *r, void *arg)
{
    wrap_costs *c = arg;
    const size_t *w = c->w;
    const unsigned char *cl = c->cl;
    c->tails += r->tails;
    /* the label's lines, top down */
    size_t lw[8], k = 0;
    for (size_t h = 0; h < r->heads && k < 8; h++)
        lw[k++] = w[r->pend_at + h];
    if (k < 8)
        lw[k++] = w[r->row];
    for (size_t t = 0; t < r->tails && k < 8; t++)
        lw[k++] = w[r->run_at + t];
    if (k < 2)
        return;
    /* the last line no wider than the first; one character of slack
     * between the others: a space where the line broke */
    int bad = lw[k - 1] > lw[0];
    for (size_t j = 1; j + 1 < k; j++)
        bad |= lw[j] + 1 < lw[0] || lw[j] > lw[0] + 1;
    /* a code printed on a line begins its label */
    for (size_t h = 1; h < r->heads; h++)
        bad |= cl[r->pend_at + h];
    bad |= r->heads && cl[r->row];
    for (size_t t = 0; t < r->tails; t++)
        bad |= cl[r->run_at + t];
    c->cost += (size_t)bad;
}

size_t dt_wrap_cost(const char *seq, const size_t *w, const unsigned char *cl, size_t n,
                    unsigned mode, int coded, size_t *ntails)
{
    wrap_costs c = {w, cl, 0, 0};
    wrap_walk(seq, w, cl, n, mode, coded, cost_of, &c);
    /* (rows the middle convention gives a piece below) */
    *ntails = mode == DT_WRAP_MIDDLE ? c.tails : 0;
    return c.cost;
}

typedef struct wrap_roles {
    const char *seq;
    size_t n;
    unsigned char *role;
} wrap_roles;

static void role_of(const wrap_row *r, void *arg)
{
    wrap_roles *a = arg;
    for (size_t h = 0; h < r->heads; h++)
        a->role[r->pend_at + h] = DT_PIECE_HEAD;
    for (size_t t = 0; t < r->tails; t++)
        a->role[r->run_at + t] = DT_PIECE_TAIL;
    if (r->unsure) {
        /* the piece below is this row's or the next row's */
        a->role[r->row] |= DT_PIECE_UNSURE;
        if (r->run_at + 1 < a->n && a->seq[r->run_at + 1] == 'F')
            a->role[r->run_at + 1] |= DT_PIECE_UNSURE;
    }
}

void dt_wrap_assign(const char *seq, const size_t *w, const unsigned char *cl, size_t n,
                    unsigned mode, int coded, int unsure, unsigned char *role)
{
    for (size_t i = 0; i < n; i++)
        role[i] = 0;
    if (!mode)
        return;
    wrap_roles a = {seq, n, role};
    wrap_walk(seq, w, cl, n, mode, coded, role_of, &a);
    if (!unsure)
        return;
    /* first and last tie: every row beside a piece may own it */
    for (size_t i = 0; i < n; i++) {
        if (seq[i] != 'f')
            continue;
        for (size_t j = i; j-- > 0 && seq[j] != '|';)
            if (seq[j] == 'F') {
                role[j] |= DT_PIECE_UNSURE;
                break;
            }
        for (size_t j = i + 1; j < n && seq[j] != '|'; j++)
            if (seq[j] == 'F') {
                role[j] |= DT_PIECE_UNSURE;
                break;
            }
    }
}

unsigned dt_wrap_rank(const char *seq, const size_t *w, const unsigned char *cl, size_t n,
                      unsigned ok, int coded, unsigned *doc, int *unsure)
{
    if (*doc & ok)
        ok &= *doc;
    /* among those that fit, the one that wraps the labels most like text
     * wraps; a tie: the most constrained (middle), else unsure.  The middle
     * convention fits wherever first or last does (a label over two lines
     * prints alike under middle and last): the others first */
    static const unsigned order[] = {DT_WRAP_FIRST, DT_WRAP_LAST, DT_WRAP_MIDDLE};
    size_t best = (size_t)-1, mid_tails = 0; /* rows middle gives a piece below */
    unsigned mode = 0, tied = 0;
    for (size_t o = 0; o < 3; o++) {
        if (!(ok & order[o]))
            continue;
        size_t c = dt_wrap_cost(seq, w, cl, n, order[o], coded, &mid_tails);
        if (c < best) {
            best = c;
            mode = order[o];
            tied = order[o];
        } else if (c == best) {
            tied |= order[o];
        }
    }
    if (mode)
        ok = tied;
    *doc = ok;
    /* last and middle read alike where middle gives no row a piece below */
    if (tied == (DT_WRAP_LAST | DT_WRAP_MIDDLE) && !mid_tails)
        tied = DT_WRAP_LAST;
    *unsure = !ok || tied != mode;
    return mode;
}
