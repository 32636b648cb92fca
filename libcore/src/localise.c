/*
 * localise.c — from broken identities to the wrong cell.
 *
 * One wrong figure breaks every identity it takes part in: its row total,
 * its parent's roll-up, the cross-table identities that repeat it.  Each
 * broken identity Σ coef·v = R ≠ 0 would be repaired by changing one of its
 * cells c by δ = −coef_c·R.  A cell for which several broken identities
 * agree on the same δ — or for which one identity's δ turns the printed
 * figure into a recognisable slip of the repaired one (a decimal shift, two
 * transposed digits) — is the likely culprit.  The error is then reported
 * once, at that cell, with its cause; the other broken identities become
 * consequences linked to it.  A cell that also takes part in identities that
 * hold is less likely (changing it would break them), and ties between cells
 * are left unlocalised rather than guessed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <budgetrec/decimal.h>

#include "engine_internal.h"
#include "model_internal.h"

typedef struct candidate {
    const br_row *row;     /* a table cell (row, col) … */
    size_t col;
    const br_claim *claim; /* … or a narrative claim (row NULL) */
    size_t finding;
    br_decimal delta;
    br_decimal tolerance; /* of the finding's identity */
} candidate;

typedef struct group {
    size_t first, count; /* a run of candidates: same cell, same δ */
    size_t held;         /* identities that held and contain the cell */
    const char *cause;   /* slip explaining printed vs repaired, or NULL */
    int score;
} group;

static int cmp_cell(const br_row *ra, size_t ca, const br_row *rb, size_t cb)
{
    if (ra != rb)
        return (uintptr_t)ra < (uintptr_t)rb ? -1 : 1;
    return ca < cb ? -1 : ca > cb;
}

/* Same place: the same cell, or the same claim. */
static int cmp_place(const candidate *a, const candidate *b)
{
    if (a->claim != b->claim)
        return (uintptr_t)a->claim < (uintptr_t)b->claim ? -1 : 1;
    return cmp_cell(a->row, a->col, b->row, b->col);
}

static int cmp_candidate(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    int c = cmp_place(a, b);
    if (c)
        return c;
    c = br_decimal_cmp(a->delta, b->delta);
    if (c)
        return c;
    return a->finding < b->finding ? -1 : a->finding > b->finding;
}

static int cmp_held(const void *pa, const void *pb)
{
    const br_term *a = pa, *b = pb;
    return cmp_cell(a->row, a->col, b->row, b->col);
}

static size_t count_held(const br_term *held, size_t n, const br_row *row, size_t col)
{
    size_t lo = 0, hi = n;
    while (lo < hi) { /* first held term not before (row, col) */
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_cell(held[mid].row, held[mid].col, row, col) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = 0;
    while (lo + k < n && cmp_cell(held[lo + k].row, held[lo + k].col, row, col) == 0)
        k++;
    return k;
}

static int place_value(const candidate *c, br_decimal *v);

static int cell_value(const br_row *row, size_t col, br_decimal *v)
{
    const br_cell *c = br_row_cell(row, col);
    if (!c || !(c->flags & BR_CELL_PRESENT) ||
        ((c->flags & BR_CELL_TEXT) && !(c->flags & BR_CELL_NUMERIC)))
        return 0;
    *v = c->value;
    return 1;
}

/* The figure at a candidate's place: a printed cell or a stated claim. */
static int place_value(const candidate *c, br_decimal *v)
{
    if (c->claim) {
        *v = c->claim->value;
        return 1;
    }
    return cell_value(c->row, c->col, v);
}

/* The unit a term's figure is in (BR_UNIT_UNKNOWN for counts, %). */
static br_unit unit_of(const br_term *t)
{
    if (t->claim)
        return br_unit_parse(t->claim->unit, strlen(t->claim->unit));
    return t->row->table->unit ? t->row->table->unit : t->row->table->doc->unit;
}

/* Candidates of one broken identity finding: each term (cell or claim) of a
 * known unit, with the change that would repair the identity, in its unit. */
static size_t gather(const br_report *report, size_t i, candidate *out)
{
    const br_finding *f = br_report_at(report, i);
    size_t n = 0, nterms;
    const br_term *terms = br_report_terms(report, i, &nterms);
    if (!terms || f->severity != BR_SEV_ERROR)
        return 0;
    br_decimal act = (f->present & BR_FINDING_ACTUAL) ? f->actual : (br_decimal){0, 0};
    br_decimal residual; /* R = coef0·(actual − expected) */
    if (br_decimal_sub(act, f->expected, &residual) != BR_OK)
        return 0;
    if (terms[0].coef < 0)
        residual.units = -residual.units;
    br_unit unit = unit_of(&terms[0]);
    for (size_t t = 0; t < nterms; t++) {
        br_decimal delta = residual, tol = f->tolerance;
        br_unit tu = unit_of(&terms[t]);
        /* a figure in another unit (a 元 table against a 万元 one): its
         * repair in its own unit */
        if (tu != unit && (!tu || !unit || br_decimal_convert(delta, unit, tu, &delta) != BR_OK ||
                           br_decimal_convert(tol, unit, tu, &tol) != BR_OK))
            continue;
        if (terms[t].coef > 0)
            delta.units = -delta.units;
        if (terms[t].claim && terms[t].claim->direction == BR_DIR_DECREASE)
            continue; /* a stated decrease enters with its sign folded in: not a place to pin */
        out[n++] = (candidate){terms[t].row, terms[t].col, terms[t].claim, i, delta, tol};
    }
    return n;
}

static void describe(const candidate *c, br_finding *f)
{
    if (c->claim) {
        f->table = "narrative";
        f->row = c->claim->label;
        f->column = c->claim->claim_class;
        f->line = c->claim->line;
        return;
    }
    const br_row *row = c->row;
    size_t col = c->col;
    f->table = br_kind_name(row->table->kind);
    f->row = br_row_key(row);
    f->column = br_role_name(br_table_column_role(row->table, col));
    f->line = row->line;
}

/* Is term t at candidate c's place? */
static int at_place(const br_term *t, const candidate *c)
{
    return c->claim ? t->claim == c->claim : (!t->claim && t->row == c->row && t->col == c->col);
}

/* Make finding `p` the report of the wrong cell of group g: moved to that
 * cell (printed vs repaired figure) unless it already is there. */
static void pin(br_report *report, const candidate *c, const group *g, size_t p)
{
    br_finding *f = br_report_finding_mut(report, p);
    size_t nterms;
    const br_term *terms = br_report_terms(report, p, &nterms);
    if (!at_place(&terms[0], c)) {
        br_decimal v = {0, 0}, repaired;
        int printed = place_value(c, &v);
        if (br_decimal_add(v, c->delta, &repaired) != BR_OK)
            return;
        char vs[BR_DECIMAL_STR_MAX] = "blank", es[BR_DECIMAL_STR_MAX], msg[1280];
        if (printed)
            br_decimal_format(v, vs, sizeof vs);
        br_decimal_format(repaired, es, sizeof es);
        snprintf(msg, sizeof msg, "%s%s where %zu broken identit%s %s %s%s; %s",
                 printed ? "printed " : "", vs, g->count, g->count == 1 ? "y" : "ies",
                 g->count == 1 ? "gives" : "agree on", printed ? "" : "about ", es, f->message);
        describe(c, f);
        f->table = br_report_strdup(report, f->table);
        f->row = br_report_strdup(report, f->row);
        f->column = br_report_strdup(report, f->column);
        f->message = br_report_strdup(report, msg);
        f->expected = repaired;
        f->actual = v;
        f->present |= BR_FINDING_EXPECTED;
        f->present = printed ? f->present | BR_FINDING_ACTUAL : f->present & ~BR_FINDING_ACTUAL;
    }
    if (g->cause)
        f->cause = br_report_strdup(report, g->cause);
}

/* Two repairs of one cell agree when they differ by no more than the
 * rounding both identities allow (e.g. +1.00 from a row total, +0.99 from a
 * column sum of figures printed to 0.01). */
static int same_change(const candidate *a, const candidate *b)
{
    br_decimal d, tol;
    if (br_decimal_sub(a->delta, b->delta, &d) != BR_OK ||
        br_decimal_add(a->tolerance, b->tolerance, &tol) != BR_OK)
        return 0;
    return br_decimal_cmp(br_decimal_abs(d), tol) <= 0;
}

/* Does the finding's own figure already show a slip (not a part cause)? */
static int own_slip(const br_report *report, size_t i)
{
    const char *cause = br_report_at(report, i)->cause;
    return cause && strcmp(cause, "missing_child") != 0 &&
           strcmp(cause, "double_counted_child") != 0 && strcmp(cause, "ambiguous") != 0;
}

/* The cause the group's identities reported at the place itself (e.g. a
 * roll-up's missing_child), when they agree on one; else NULL. */
static const char *own_cause(const br_report *report, const candidate *g, size_t n,
                             const candidate *place)
{
    const char *cause = NULL;
    for (size_t m = 0; m < n; m++) {
        size_t nt;
        const br_term *t = br_report_terms(report, g[m].finding, &nt);
        const char *c = br_report_at(report, g[m].finding)->cause;
        if (!c || !at_place(&t[0], place))
            continue;
        if (cause && strcmp(cause, c) != 0)
            return NULL;
        cause = c;
    }
    return cause;
}

static int cmp_group(const void *pa, const void *pb)
{
    const group *a = pa, *b = pb;
    if (a->score != b->score)
        return b->score - a->score;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* The repair a primary error finding asks of its own cell (terms[0]). */
/*
 * The candidates of each finding's own cell (its identity's first term),
 * found once: pairing findings then costs a look-up, not a scan of every
 * candidate (a document of many broken tables has a million pairs).  `order`
 * lists the findings that have one, by that cell's row (then by finding),
 * and `at` each one's place in it: findings are only ever paired within a row.
 */
typedef struct own_key {
    uintptr_t row;
    size_t finding;
} own_key;

typedef struct owns {
    const candidate **own; /* per finding, or NULL */
    own_key *order;
    size_t *at, norder;
} owns;

static int cmp_own_key(const void *pa, const void *pb)
{
    const own_key *a = pa, *b = pb;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    return a->finding < b->finding ? -1 : a->finding > b->finding;
}

static int owns_make(const br_report *report, const candidate *cands, size_t n, owns *o)
{
    size_t nfind = br_report_count(report);
    o->own = calloc(nfind ? nfind : 1, sizeof *o->own);
    o->order = malloc((nfind ? nfind : 1) * sizeof *o->order);
    o->at = malloc((nfind ? nfind : 1) * sizeof *o->at);
    o->norder = 0;
    if (!o->own || !o->order || !o->at)
        return 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = cands[k].finding, nt;
        if (o->own[i] || cands[k].claim)
            continue;
        const br_term *t = br_report_terms(report, i, &nt);
        if (t && nt && t[0].row && cands[k].row == t[0].row && cands[k].col == t[0].col)
            o->own[i] = &cands[k];
    }
    for (size_t i = 0; i < nfind; i++)
        if (o->own[i])
            o->order[o->norder++] = (own_key){(uintptr_t)o->own[i]->row, i};
    qsort(o->order, o->norder, sizeof *o->order, cmp_own_key);
    for (size_t k = 0; k < o->norder; k++)
        o->at[o->order[k].finding] = k;
    return 1;
}

static void owns_free(owns *o)
{
    free(o->own);
    free(o->order);
    free(o->at);
}

static int own_delta(const br_report *report, size_t i, const owns *o, const candidate **out)
{
    const br_finding *f = br_report_at(report, i);
    if (!o->own[i] || f->severity != BR_SEV_ERROR || br_report_consequence_of(report, i) >= 0)
        return 0;
    *out = o->own[i];
    return 1;
}

/* The findings after a whose own cell is on a's row, in finding order. */
#define FOR_ROW_MATES(o, a, b)                                                               \
    for (size_t k_ = (o)->at[a] + 1, b;                                                        \
         k_ < (o)->norder && (b = (o)->order[k_].finding, (o)->order[k_].row ==                \
                                                              (o)->order[(o)->at[a]].row);     \
         k_++)

/*
 * Within a column pair broken by opposite amounts, the row the figure was
 * moved on: a row with a printed cell in one identity and a blank cell in the
 * other asking for opposite repairs (the figure left its own cell for the
 * neighbouring one).  Returns the printed cell's candidate; NULL unless
 * exactly one row other than the pair's own fits.
 */
static const candidate *moved_figure(const candidate *cands, size_t n, size_t a, size_t b,
                                     const candidate *own)
{
    const candidate *found = NULL;
    for (size_t i = 0; i < n; i++) {
        const candidate *x = &cands[i];
        br_decimal v;
        if ((x->finding != a && x->finding != b) || x->claim || x->row == own->row ||
            !cell_value(x->row, x->col, &v))
            continue;
        size_t other = x->finding == a ? b : a;
        for (size_t j = 0; j < n; j++) {
            const candidate *y = &cands[j];
            if (y->finding != other || y->claim || y->row != x->row || y->col == x->col ||
                cell_value(y->row, y->col, &v))
                continue;
            candidate neg = *y;
            neg.delta.units = -neg.delta.units;
            if (!same_change(x, &neg))
                continue;
            if (found && found->row != x->row)
                return NULL; /* two rows fit: ambiguous */
            found = x;
        }
    }
    return found;
}

/*
 * A figure printed in the neighbouring column leaves one cell of a row too
 * large by x and another too small by x, while the row's own total holds.
 * Two primary errors on one row asking for opposite repairs are that one
 * slip: the second is linked to the first, both named "neighbouring_column".
 */
static void pair_columns(br_report *report, const candidate *cands, size_t n,
                         const char *strong, const owns *o)
{
    size_t nfind = br_report_count(report);
    char *paired = calloc(nfind ? nfind : 1, 1);
    if (!paired)
        return;
    for (size_t a = 0; a < nfind; a++) {
        const candidate *ca, *cb;
        if (paired[a] || !own_delta(report, a, o, &ca))
            continue;
        FOR_ROW_MATES(o, a, b) {
            if (paired[b] || !own_delta(report, b, o, &cb) || cb->col == ca->col)
                continue;
            candidate neg = *cb;
            neg.delta.units = -neg.delta.units;
            if (!same_change(ca, &neg))
                continue;
            paired[a] = paired[b] = 1;
            const candidate *moved =
                strong[a] || strong[b] ? NULL : moved_figure(cands, n, a, b, ca);
            if (moved) { /* pin it where the figure was moved from */
                group g = {.count = 2, .cause = "neighbouring_column"};
                pin(report, moved, &g, a);
            }
            br_report_finding_mut(report, a)->cause = "neighbouring_column";
            br_report_finding_mut(report, b)->cause = NULL;
            br_report_set_consequence(report, b, (long)a);
            break;
        }
    }
    free(paired);
}

/* A place pinned as the wrong figure, and the finding reporting it. */
typedef struct pinned {
    const candidate *c;
    size_t primary;
} pinned;

static int inferred(const candidate *c)
{
    const br_cell *cell = c->row ? br_row_cell(c->row, c->col) : NULL;
    return cell && (cell->flags & BR_CELL_INFERRED);
}

/*
 * A place already pinned that is c's twin: another cell of the same row
 * holding the same figure and asking for the same repair, one of the two
 * inferred from the other (BR_CELL_INFERRED: a panel row of a table printed
 * in panels is its part and, the other parts blank, its total) — one printed
 * figure in two roles, so one wrong figure, reported once.  (Two figures
 * printed alike are two.)
 */
static long twin_of(const pinned *pins, size_t n, const candidate *c)
{
    br_decimal a, b;
    if (!c->row || !cell_value(c->row, c->col, &a))
        return -1;
    for (size_t k = 0; k < n; k++) {
        const candidate *o = pins[k].c;
        if (o->row == c->row && o->col != c->col && (inferred(o) || inferred(c)) &&
            cell_value(o->row, o->col, &b) && br_decimal_cmp(a, b) == 0 && same_change(o, c))
            return (long)k;
    }
    return -1;
}

/* Link every finding that is a consequence of `from` (and `from`) to `to`. */
static void relink(br_report *report, size_t from, size_t to)
{
    size_t nfind = br_report_count(report);
    for (size_t i = 0; i < nfind; i++)
        if (br_report_consequence_of(report, i) == (long)from)
            br_report_set_consequence(report, i, (long)to);
    br_report_set_consequence(report, from, (long)to);
    br_report_finding_mut(report, from)->cause = NULL;
}

/* Every term of `copy` is the inferred twin of the same term of `of`: the
 * same row and sign, another column, the same figure, inferred from it. */
static int copies_identity(const br_term *copy, const br_term *of, size_t n)
{
    for (size_t t = 0; t < n; t++) {
        candidate a = {copy[t].row, copy[t].col, copy[t].claim, 0, {0, 0}, {0, 0}};
        br_decimal x, y;
        if (!copy[t].row || !of[t].row || copy[t].row != of[t].row || copy[t].col == of[t].col ||
            copy[t].coef != of[t].coef || !inferred(&a) ||
            !cell_value(copy[t].row, copy[t].col, &x) || !cell_value(of[t].row, of[t].col, &y) ||
            br_decimal_cmp(x, y) != 0)
            return 0;
    }
    return 1;
}

/*
 * A broken identity all of whose figures are inferred twins of another
 * broken identity's (a roll-up of the totals a table printed in panels reads
 * from its parts) is that identity read twice: its finding is a consequence
 * of the other's, and takes no part in localising.
 */
static void twin_identities(br_report *report, char *skip)
{
    size_t nfind = br_report_count(report);
    for (size_t a = 0; a < nfind; a++) {
        size_t na, nb;
        const br_term *ta = br_report_terms(report, a, &na);
        if (skip[a] || !ta || br_report_at(report, a)->severity != BR_SEV_ERROR)
            continue;
        for (size_t b = 0; b < nfind; b++) {
            const br_term *tb = br_report_terms(report, b, &nb);
            if (b == a || skip[b] || !tb || nb != na ||
                br_report_at(report, b)->severity != BR_SEV_ERROR || !copies_identity(ta, tb, na))
                continue;
            relink(report, a, b);
            skip[a] = 1;
            break;
        }
    }
}

/*
 * Findings left where they were found (no place pinned for them) whose own
 * cells are twins (twin_of): one wrong figure in two roles, reported once —
 * at the cell not inferred from the other.
 */
static void twin_findings(br_report *report, const char *assigned, const owns *o)
{
    size_t nfind = br_report_count(report);
    for (size_t a = 0; a < nfind; a++) {
        const candidate *ca, *cb;
        if (assigned[a] || !own_delta(report, a, o, &ca))
            continue;
        pinned one = {ca, a};
        FOR_ROW_MATES(o, a, b) {
            if (assigned[b] || !own_delta(report, b, o, &cb) || twin_of(&one, 1, cb) < 0)
                continue;
            if (inferred(ca) && !inferred(cb))
                relink(report, a, b);
            else
                relink(report, b, a);
            break;
        }
    }
}

/*
 * A broken identity left where it was found, whose own figure shows no slip
 * but several of its other figures each would (a child 22.91 for 22.19 and
 * its sibling 4.80 for 4.08): the cause is ambiguous, and the message names
 * the candidates.
 */
static void mark_ambiguous(br_report *report, const candidate *by_finding, size_t n,
                           const char *assigned)
{
    for (size_t i = 0; i < n;) {
        size_t f = by_finding[i].finding, j = i, slips = 0, used = 0;
        char names[256] = "";
        for (; j < n && by_finding[j].finding == f; j++) {
            br_decimal v, repaired;
            if (!place_value(&by_finding[j], &v) ||
                br_decimal_add(v, by_finding[j].delta, &repaired) != BR_OK ||
                !br_diagnose(repaired, v))
                continue;
            br_finding where = {0};
            describe(&by_finding[j], &where);
            if (used < sizeof names)
                used += (size_t)snprintf(names + used, sizeof names - used, "%s%s %s",
                                         slips ? ", " : "", where.row ? where.row : "",
                                         where.column ? where.column : "");
            slips++;
        }
        i = j;
        br_finding *bf = br_report_finding_mut(report, f);
        /* a slip at the figure under test keeps the finding where it is */
        if (assigned[f] || slips < 2 || br_report_consequence_of(report, f) >= 0 ||
            own_slip(report, f) || (bf->cause && strcmp(bf->cause, "ambiguous") == 0))
            continue;
        char msg[1280];
        snprintf(msg, sizeof msg, "%s — ambiguous: a slip in any of %s would explain it",
                 bf->message, names);
        bf->message = br_report_strdup(report, msg);
        bf->cause = "ambiguous";
    }
}

/*
 * A finding whose own figure shows a slip stays where it is — unless that
 * figure takes part in identities that hold which this other place does
 * not (its parent confirms it): the same slip read the other way round at
 * a place nothing confirms explains the one broken identity better (a sole
 * child 370.90 under a parent 37.09 that its own parent repeats).
 */
static int own_place_worse(const br_report *report, const group *groups, size_t ng,
                           const candidate *cands, size_t finding, int score)
{
    size_t nt;
    const br_term *t = br_report_terms(report, finding, &nt);
    for (size_t o = 0; o < ng; o++) {
        const candidate *x = &cands[groups[o].first];
        if (x->finding == finding && at_place(&t[0], x))
            return groups[o].cause && groups[o].score < score;
    }
    return 0;
}

void br_report_localise(br_report *report)
{
    size_t nfind = br_report_count(report), total = 0, nheld;
    for (size_t i = 0; i < nfind; i++) {
        size_t nt;
        br_report_terms(report, i, &nt);
        total += nt;
    }
    if (!total)
        return;
    candidate *cands = malloc(total * sizeof *cands);
    candidate *by_finding = malloc(total * sizeof *by_finding);
    group *groups = malloc(total * sizeof *groups);
    char *assigned = calloc(nfind, 1);
    char *strong = calloc(nfind, 1); /* pinned by several agreeing identities */
    pinned *pins = malloc(total * sizeof *pins);
    size_t npins = 0;
    const br_term *held_src = br_report_held(report, &nheld);
    br_term *held = nheld ? malloc(nheld * sizeof *held) : NULL;
    if (!cands || !by_finding || !groups || !assigned || !strong || !pins || (nheld && !held))
        goto done;
    if (nheld) {
        memcpy(held, held_src, nheld * sizeof *held);
        qsort(held, nheld, sizeof *held, cmp_held);
    }
    twin_identities(report, assigned);
    size_t n = 0;
    for (size_t i = 0; i < nfind; i++)
        if (!assigned[i])
            n += gather(report, i, cands + n);
    memcpy(by_finding, cands, n * sizeof *cands); /* runs per finding, before sorting */
    qsort(cands, n, sizeof *cands, cmp_candidate);

    size_t ng = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && cmp_place(&cands[j], &cands[i]) == 0 && same_change(&cands[i], &cands[j]))
            j++;
        group *g = &groups[ng++];
        *g = (group){.first = i, .count = j - i};
        g->held = cands[i].claim ? 0 : count_held(held, nheld, cands[i].row, cands[i].col);
        br_decimal v, repaired;
        if (place_value(&cands[i], &v)) {
            if (br_decimal_add(v, cands[i].delta, &repaired) == BR_OK)
                g->cause = br_diagnose(repaired, v);
        } else if (g->count >= 2) {
            g->cause = "missing_value"; /* a blank cell that several identities want filled */
        }
        g->score = 2 * (int)g->count - (int)g->held + (g->cause ? 1 : 0);
        i = j;
    }
    qsort(groups, ng, sizeof *groups, cmp_group);

    for (size_t k = 0; k < ng; k++) {
        group *g = &groups[k];
        const candidate *c = &cands[g->first];
        int usable = g->count >= 2 || g->cause;
        for (size_t m = 0; usable && m < g->count; m++)
            usable = !assigned[cands[g->first + m].finding];
        if (!usable)
            continue;
        /* a single identity is pinned only when its own figure shows no slip
         * of its own and no other cell of it is an equally good explanation */
        if (g->count == 1 && own_slip(report, c->finding))
            usable = own_place_worse(report, groups, ng, cands, c->finding, g->score);
        if (g->count == 1)
            for (size_t o = 0; o < ng && usable; o++)
                usable = o == k || groups[o].score < g->score ||
                         cands[groups[o].first].finding != c->finding;
        if (!usable)
            continue;
        size_t primary = c->finding;
        for (size_t m = 0; m < g->count; m++) {
            size_t fi = cands[g->first + m].finding, nt;
            const br_term *t = br_report_terms(report, fi, &nt);
            if (at_place(&t[0], c)) {
                primary = fi;
                break;
            }
        }
        if (!g->cause) /* no slip: keep what the identities at this place diagnosed */
            g->cause = own_cause(report, cands + g->first, g->count, c);
        long tw = twin_of(pins, npins, c);
        if (tw >= 0 && !(inferred(pins[tw].c) && !inferred(c))) {
            /* the twin of a place pinned: its consequences */
            for (size_t m = 0; m < g->count; m++) {
                size_t fi = cands[g->first + m].finding;
                assigned[fi] = 1;
                if (fi != pins[tw].primary) {
                    br_report_set_consequence(report, fi, (long)pins[tw].primary);
                    br_report_finding_mut(report, fi)->cause = NULL;
                }
            }
            continue;
        }
        pin(report, c, g, primary);
        strong[primary] = g->count >= 2;
        if (tw >= 0) { /* the figure's own cell, its inferred twin pinned first */
            relink(report, pins[tw].primary, primary);
            pins[tw] = (pinned){c, primary};
        } else {
            pins[npins++] = (pinned){c, primary};
        }
        for (size_t m = 0; m < g->count; m++) {
            size_t fi = cands[g->first + m].finding;
            assigned[fi] = 1;
            if (fi != primary) {
                br_report_set_consequence(report, fi, (long)primary);
                br_report_finding_mut(report, fi)->cause = NULL; /* the primary's cause explains it */
            }
        }
    }
    owns o;
    if (owns_make(report, cands, n, &o)) {
        twin_findings(report, assigned, &o);
        pair_columns(report, cands, n, strong, &o);
    }
    owns_free(&o);
    mark_ambiguous(report, by_finding, n, assigned);
done:
    free(cands);
    free(by_finding);
    free(groups);
    free(assigned);
    free(strong);
    free(pins);
    free(held);
}

/*
 * A finding of the narrative's own arithmetic (a rate, a share, a direction
 * word) that rests on a claim which an error shows wrong against the tables
 * ("基本支出 589.11 万元" where the table prints 598.11) follows from that
 * slip: the rate was right for the figure the tables hold.  It is linked to
 * that error's primary finding.
 */
void br_report_link_on_claims(br_report *report)
{
    size_t n = br_report_count(report);
    const br_disclosure *doc = br_report_disclosure(report);
    size_t nclaims = doc ? br_narrative_claim_count(&doc->narrative) : 0;
    if (!nclaims)
        return;
    /* per claim: the first error whose identity is that claim against the tables */
    long *shown = malloc(nclaims * sizeof *shown);
    if (!shown)
        return;
    for (size_t k = 0; k < nclaims; k++)
        shown[k] = -1;
    for (size_t a = 0; a < n; a++) {
        size_t nt;
        const br_term *t = br_report_terms(report, a, &nt);
        if (!nt || !t[0].claim || br_report_at(report, a)->severity != BR_SEV_ERROR)
            continue;
        long c = br_narrative_claim_index(&doc->narrative, t[0].claim);
        if (c >= 0 && shown[c] < 0)
            shown[c] = (long)a;
    }
    for (size_t b = 0; b < n; b++) {
        size_t nr;
        const br_claim *const *rests = br_report_rests_on(report, b, &nr);
        if (!nr || br_report_at(report, b)->severity != BR_SEV_ERROR ||
            br_report_consequence_of(report, b) >= 0)
            continue;
        for (size_t k = 0; k < nr; k++) {
            long c = br_narrative_claim_index(&doc->narrative, rests[k]);
            long a = c >= 0 ? shown[c] : -1;
            if (a < 0 || (size_t)a == b)
                continue;
            long root = br_report_consequence_of(report, (size_t)a);
            br_report_set_consequence(report, b, root >= 0 ? root : a);
            break;
        }
    }
    free(shown);
}
