/*
 * assign.c — rows that lost their empty cells, placed by arithmetic.
 *
 * A PDF extraction sometimes drops a row's empty fields: "30206 电费 0.4
 * 0.4" under total / personnel / public.  The figures are in order but not
 * in place.  Their columns follow from the arithmetic the table must
 * satisfy:
 *
 *   1. Row identities of the kind (model.h br_identity: total = Σ parts).
 *      The candidates of a row are the order-preserving placements of its
 *      figures into the money columns that leave the figures a reader has
 *      placed by position (dt_short.pin) where they are; those satisfying
 *      the most identities are kept (all of them, when none fits: the row
 *      may be wrong itself).
 *   2. The code hierarchy: a parent's cell is the sum of its direct
 *      children's cells, column by column (302 = Σ 302xx; 合计 = Σ 类).
 *      Siblings are resolved jointly against their parent, top-down, by a
 *      bounded depth-first search choosing the assignment that satisfies the
 *      most identities (row and column), then the most of them exactly.
 *      The search is branch and bound: per column, what the remaining rows
 *      can still add (an interval, and the exact sums they can reach as a
 *      subset-sum bitset) bounds every subtree, and children are visited
 *      best bound first, so the first dive usually finds the answer.  The
 *      search runs in integers at one scale; it is capped (NODE_CAP), and a
 *      group it cannot finish falls back to each row's own identities.
 *
 * Consistency is interval arithmetic: a figure printed with s decimals
 * stands for ±0.5·10^-s, and a sum is consistent when |difference| is at
 * most the sum of the radii.  A row whose placement is the same in every
 * best assignment gets it (cells flagged BR_CELL_INFERRED, an INFO note);
 * otherwise it keeps the positional default with a WARNING naming the
 * alternatives.  Nothing is corrected: a row that is itself inconsistent
 * stays so, placed where the column sums say.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/model.h> /* br_identity (data only: nothing is linked) */

#include "brreader.h"

#define MAX_CAND 64      /* placements kept per row */
#define MAX_COMBOS 20000 /* placements examined per row */
#define MAX_IDENT 16
/* nodes and child bounds of one group's search: real and generated
 * documents need under 100; a capped group costs ~20 ms */
#define NODE_CAP (1L << 18)
#define EXACT_BITS (1L << 23) /* bits of exact-sum sets per group */

typedef struct ident {
    int total; /* money index */
    int parts[DT_MAX_COLUMNS];
    int nparts;
} ident;

typedef struct cand {
    uint32_t mask;    /* money indices the figures go to, in order */
    short sat, exact; /* row identities satisfied (exactly) */
} cand;

typedef struct slot {
    dt_short *sh;
    cand c[MAX_CAND];
    int ncand;
    int too_many;  /* placements beyond MAX_CAND / MAX_COMBOS */
    int row_fits;  /* some placement satisfies every row identity */
    int by_parent; /* resolved by a group search against `parent` */
    int parent;    /* row index of that parent */
    int64_t tv[DT_MAX_COLUMNS], tr[DT_MAX_COLUMNS]; /* figures, radii at the group scale */
    uint64_t best;                                  /* candidates found in a best assignment */
    uint32_t placed;                                /* where the figures went */
    int ambiguous; /* placed by position: several assignments tie */
    int done;
} slot;

typedef struct solver {
    dt_reader *rd;
    br_table *t;
    size_t n;                 /* money columns */
    int mcol[DT_MAX_COLUMNS]; /* money index → model column */
    br_role mrole[DT_MAX_COLUMNS];
    ident id[MAX_IDENT];
    size_t nid;
    char idtext[512]; /* "total = personnel + public" */

    size_t nrows;
    int grand; /* the 合计 row, or -1 */
    int *parent, *level, *first_child, *next_sib, *slot_of;
    slot *slots;
    size_t nslots;

    /* the current group search, in integer units of 10^-scale */
    int scale;
    int64_t sums[DT_MAX_COLUMNS], rads[DT_MAX_COLUMNS];
    int64_t pv[DT_MAX_COLUMNS], prad[DT_MAX_COLUMNS];
    int use_cols;
    int overflow;
    int *gs; /* slots searched */
    int *choice;
    /* bounds over the rows gs[d..], per column ((nslots + 1) × n): least and
     * most they can add, and the same with each figure's radius taken off /
     * added on; and the most row identities they can satisfy */
    int64_t *smin, *smax, *sdn, *sup;
    int *ssat, *sexact;
    /* exact sums the rows gs[d..] can give column k: a bitset over
     * [smin, smax] in steps of 10 (the group scale is one finer than any
     * figure), when small enough (EXACT_BITS) */
    uint64_t *bits;
    size_t *boff;
    int have_bits;
    size_t ng;
    int best_sat, best_exact;
    long nodes;
    int truncated;
} solver;

static const br_decimal ZERO = {0, 0};

/* Append to the message buf[cap] holding *len bytes; a message that does not
 * fit is cut, and *len never passes cap - 1 (so buf + *len stays inside). */
__attribute__((format(printf, 4, 5))) static void append(char *buf, size_t cap, size_t *len,
                                                         const char *fmt, ...)
{
    if (*len + 1 >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *len, cap - *len, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len = *len + (size_t)n < cap ? *len + (size_t)n : cap - 1;
}

/* ---- decimals ---- */

static int cell_value(const br_row *r, int col, br_decimal *v)
{
    const br_cell *c = dt_host->row_cell(r, (size_t)col);
    if (!c || !(c->flags & BR_CELL_PRESENT) || (c->flags & BR_CELL_TEXT))
        return 0;
    *v = c->value;
    return 1;
}

/* total ≈ sum within the radii rt + rs?  *exact: equal exactly. */
static int consistent(br_decimal total, br_decimal rt, br_decimal sum, br_decimal rs, int *exact)
{
    br_decimal d, tol;
    *exact = 0;
    if (dt_host->decimal_sub(total, sum, &d) != BR_OK)
        return 0;
    int sign = dt_host->decimal_cmp(d, ZERO);
    *exact = sign == 0;
    if (sign < 0 && dt_host->decimal_sub(ZERO, d, &d) != BR_OK)
        return 0;
    if (dt_host->decimal_add(rt, rs, &tol) != BR_OK)
        return 0;
    return dt_host->decimal_cmp(d, tol) <= 0;
}

static void acc(br_decimal *sum, br_decimal *rad, br_decimal v)
{
    dt_host->decimal_add(*sum, v, sum);
    dt_host->decimal_add(*rad, dt_host->decimal_half_ulp(v), rad);
}

/* ---- identities ---- */

static int money_index(const solver *S, br_role role)
{
    for (size_t k = 0; k < S->n; k++)
        if (S->mrole[k] == role)
            return (int)k;
    return -1;
}

/* A part that is not a column is expanded into its own identity's parts. */
static void expand(solver *S, const br_identity *ids, size_t nids, br_role role, ident *out,
                   int depth)
{
    int k = money_index(S, role);
    if (k >= 0) {
        for (int j = 0; j < out->nparts; j++)
            if (out->parts[j] == k)
                return;
        if (out->nparts < DT_MAX_COLUMNS)
            out->parts[out->nparts++] = k;
        return;
    }
    if (depth >= 4)
        return;
    for (size_t i = 0; i < nids; i++)
        if (ids[i].total == role) {
            for (size_t p = 0; p < ids[i].n_parts; p++)
                expand(S, ids, nids, ids[i].parts[p], out, depth + 1);
            return;
        }
}

static void build_identities(solver *S, br_kind kind)
{
    size_t nids = 0;
    const br_identity *ids = dt_host->identities_of(kind, &nids);
    size_t k = 0;
    S->nid = 0;
    S->idtext[0] = '\0';
    for (size_t i = 0; ids && i < nids && S->nid < MAX_IDENT; i++) {
        ident *d = &S->id[S->nid];
        d->total = money_index(S, ids[i].total);
        d->nparts = 0;
        if (d->total < 0)
            continue;
        for (size_t p = 0; p < ids[i].n_parts; p++)
            expand(S, ids, nids, ids[i].parts[p], d, 0);
        if (d->nparts == 0)
            continue;
        append(S->idtext, sizeof S->idtext, &k, "%s%s =", k ? "; " : "",
               dt_host->role_name(S->mrole[d->total]));
        for (int p = 0; p < d->nparts; p++)
            append(S->idtext, sizeof S->idtext, &k, "%s %s", p ? " +" : "",
                   dt_host->role_name(S->mrole[d->parts[p]]));
        S->nid++;
    }
}

/* Row identities satisfied by placing sh's figures at `mask`. */
static void row_score(const solver *S, const dt_short *sh, uint32_t mask, int *sat, int *exact)
{
    br_decimal cell[DT_MAX_COLUMNS];
    size_t j = 0;
    *sat = *exact = 0;
    for (size_t k = 0; k < S->n; k++)
        cell[k] = (mask >> k) & 1 ? sh->vals[j++] : ZERO;
    for (size_t i = 0; i < S->nid; i++) {
        const ident *d = &S->id[i];
        br_decimal sum = ZERO, rad = ZERO;
        int ex;
        for (int p = 0; p < d->nparts; p++)
            if ((mask >> d->parts[p]) & 1)
                acc(&sum, &rad, cell[d->parts[p]]);
        br_decimal t = cell[d->total];
        br_decimal rt = (mask >> d->total) & 1 ? dt_host->decimal_half_ulp(t) : ZERO;
        if (consistent(t, rt, sum, rad, &ex)) {
            (*sat)++;
            *exact += ex;
        }
    }
}

/* The placement idx (money index per figure) leaves every figure whose
 * position fixes its column (sh->pin) in that column. */
static int keeps_pins(const dt_short *sh, const int *idx)
{
    for (size_t j = 0; sh->pin && j < sh->nvals; j++)
        if (sh->pin[j] >= 0 && sh->pin[j] != idx[j])
            return 0;
    return 1;
}

/* The candidates of a row: order-preserving placements that keep its pinned
 * figures, best by identity. */
static void candidates(solver *S, slot *sl)
{
    size_t m = sl->sh->nvals, n = S->n;
    int idx[DT_MAX_COLUMNS];
    int maxsat = -1;
    long combos = 0;
    sl->ncand = 0;
    for (size_t j = 0; j < m; j++)
        idx[j] = (int)j;
    for (;;) {
        uint32_t mask = 0;
        int sat, exact;
        for (size_t j = 0; j < m; j++)
            mask |= 1u << idx[j];
        if (keeps_pins(sl->sh, idx)) {
            row_score(S, sl->sh, mask, &sat, &exact);
            if (sat > maxsat) {
                maxsat = sat;
                sl->ncand = 0;
                sl->too_many = 0;
            }
            if (sat == maxsat) {
                if (sl->ncand < MAX_CAND)
                    sl->c[sl->ncand++] = (cand){mask, (short)sat, (short)exact};
                else
                    sl->too_many = 1;
            }
        }
        if (++combos >= MAX_COMBOS) {
            sl->too_many = 1;
            break;
        }
        /* next combination */
        int j = (int)m - 1;
        while (j >= 0 && idx[j] == (int)(n - m) + j)
            j--;
        if (j < 0)
            break;
        idx[j]++;
        for (size_t q = (size_t)j + 1; q < m; q++)
            idx[q] = idx[q - 1] + 1;
    }
    sl->row_fits = S->nid > 0 && maxsat == (int)S->nid;
}

/* ---- the search ---- */

/* ---- the search: integers at one scale, so a leaf costs a few adds ---- */

/* v in units of 10^-scale (exact; 0 when it does not fit). */
static int fixed(br_decimal v, int scale, int64_t *out)
{
    br_decimal r;
    if (dt_host->decimal_add(v, (br_decimal){0, scale}, &r) != BR_OK || r.scale != scale)
        return 0;
    *out = r.units;
    return 1;
}

/* v and its rounding radius at the group scale. */
static int fixed_pair(solver *S, br_decimal v, int64_t *val, int64_t *rad)
{
    if (!fixed(v, S->scale, val) || !fixed(dt_host->decimal_half_ulp(v), S->scale, rad)) {
        S->overflow = 1;
        return 0;
    }
    return 1;
}

/* a + b, saturating (bounds and tolerances never wrap) */
static int64_t sadd(int64_t a, int64_t b)
{
    int64_t r;
    if (__builtin_add_overflow(a, b, &r))
        return b > 0 ? INT64_MAX : INT64_MIN;
    return r;
}

static int64_t sneg(int64_t a) { return a == INT64_MIN ? INT64_MAX : -a; }

static void add64(solver *S, int64_t *a, int64_t b)
{
    if (__builtin_add_overflow(*a, b, a))
        S->overflow = 1;
}

static void apply(solver *S, const slot *sl, uint32_t mask, int sign)
{
    size_t j = 0;
    for (size_t k = 0; k < S->n; k++)
        if ((mask >> k) & 1) {
            add64(S, &S->sums[k], sign > 0 ? sl->tv[j] : sneg(sl->tv[j]));
            add64(S, &S->rads[k], sign > 0 ? sl->tr[j] : sneg(sl->tr[j]));
            j++;
        }
}

static void leaf(solver *S, int sat, int exact)
{
    if (S->use_cols)
        for (size_t k = 0; k < S->n; k++) {
            int64_t d = sadd(S->pv[k], sneg(S->sums[k]));
            if (d < 0)
                d = sneg(d);
            if (d <= sadd(S->prad[k], S->rads[k])) {
                sat++;
                exact += d == 0;
            }
        }
    int better = sat > S->best_sat || (sat == S->best_sat && exact > S->best_exact);
    int tie = sat == S->best_sat && exact == S->best_exact;
    if (better) {
        S->best_sat = sat;
        S->best_exact = exact;
    }
    if (better || tie)
        for (size_t g = 0; g < S->ng; g++) {
            slot *sl = &S->slots[S->gs[g]];
            uint64_t bit = 1ull << S->choice[g];
            sl->best = better ? bit : sl->best | bit;
        }
}

/* Bounds of what the rows gs[d..] can still add, for pruning. */
static void suffix_bounds(solver *S)
{
    size_t n = S->n, end = S->ng * n;
    for (size_t k = 0; k < n; k++)
        S->smin[end + k] = S->smax[end + k] = S->sdn[end + k] = S->sup[end + k] = 0;
    S->ssat[S->ng] = S->sexact[S->ng] = 0;
    for (size_t d = S->ng; d-- > 0;) {
        const slot *sl = &S->slots[S->gs[d]];
        int bs = 0, be = 0;
        for (int j = 0; j < sl->ncand; j++) {
            bs = sl->c[j].sat > bs ? sl->c[j].sat : bs;
            be = sl->c[j].exact > be ? sl->c[j].exact : be;
        }
        S->ssat[d] = S->ssat[d + 1] + bs;
        S->sexact[d] = S->sexact[d + 1] + be;
        for (size_t k = 0; k < n; k++) {
            int64_t lo = 0, hi = 0, dn = 0, up = 0;
            for (int j = 0; j < sl->ncand; j++) {
                uint32_t m = sl->c[j].mask;
                int64_t v = 0, r = 0;
                if ((m >> k) & 1) {
                    int idx = __builtin_popcount(m & ((1u << k) - 1));
                    v = sl->tv[idx];
                    r = sl->tr[idx];
                }
                if (j == 0 || v < lo)
                    lo = v;
                if (j == 0 || v > hi)
                    hi = v;
                if (j == 0 || v - r < dn)
                    dn = v - r;
                if (j == 0 || v + r > up)
                    up = v + r;
            }
            size_t at = d * n + k, next = at + n;
            if (__builtin_add_overflow(S->smin[next], lo, &S->smin[at]) ||
                __builtin_add_overflow(S->smax[next], hi, &S->smax[at]) ||
                __builtin_add_overflow(S->sdn[next], dn, &S->sdn[at]) ||
                __builtin_add_overflow(S->sup[next], up, &S->sup[at]))
                S->overflow = 1;
        }
    }
}

/* dst |= src << shift, over bit arrays of dbits / sbits bits. */
static void or_shifted(uint64_t *dst, size_t dbits, const uint64_t *src, size_t sbits, size_t shift)
{
    size_t words = (sbits + 63) / 64, w = shift / 64, b = shift % 64;
    size_t dwords = (dbits + 63) / 64;
    for (size_t i = 0; i < words && i + w < dwords; i++) {
        uint64_t v = src[i];
        if (i == words - 1 && sbits % 64)
            v &= (1ull << (sbits % 64)) - 1;
        dst[i + w] |= v << b;
        if (b && i + w + 1 < dwords)
            dst[i + w + 1] |= v >> (64 - b);
    }
}

/*
 * The exact sums each suffix of rows can put into each column (a subset-sum
 * bitset per column: a relaxation that ignores how columns are coupled, so
 * it only ever over-approximates).  Skipped when it would be too large.
 */
static void exact_sets(solver *S)
{
    br_disclosure *doc = S->rd->doc;
    size_t n = S->n, cells = (S->ng + 1) * n, total = 0;
    S->have_bits = 0;
    if (!S->use_cols || S->ng == 0)
        return;
    for (size_t at = 0; at < cells; at++) {
        if (S->smin[at] % 10 || S->smax[at] % 10)
            return;
        uint64_t w = (uint64_t)(S->smax[at] - S->smin[at]) / 10 + 1;
        if (w > (uint64_t)EXACT_BITS)
            return;
        total += (size_t)(w + 63) / 64;
        if (total * 64 > (size_t)EXACT_BITS)
            return;
    }
    S->bits = dt_host->doc_alloc(doc, total * sizeof(uint64_t));
    S->boff = dt_host->doc_alloc(doc, cells * sizeof(size_t));
    if (!S->bits || !S->boff)
        return;
    size_t off = 0;
    for (size_t at = 0; at < cells; at++) {
        S->boff[at] = off;
        off += (size_t)((S->smax[at] - S->smin[at]) / 10 + 1 + 63) / 64;
    }
    for (size_t k = 0; k < n; k++)
        S->bits[S->boff[S->ng * n + k]] = 1; /* no rows left: the sum 0 */
    for (size_t d = S->ng; d-- > 0;) {
        const slot *sl = &S->slots[S->gs[d]];
        for (size_t k = 0; k < n; k++) {
            size_t at = d * n + k, next = at + n;
            size_t dbits = (size_t)((S->smax[at] - S->smin[at]) / 10 + 1);
            size_t sbits = (size_t)((S->smax[next] - S->smin[next]) / 10 + 1);
            for (int j = 0; j < sl->ncand; j++) {
                uint32_t m = sl->c[j].mask;
                int64_t v = 0;
                if ((m >> k) & 1) {
                    v = sl->tv[__builtin_popcount(m & ((1u << k) - 1))];
                    if (v % 10)
                        return; /* not on the grid: keep the interval bound */
                }
                size_t shift = (size_t)((S->smin[next] + v - S->smin[at]) / 10);
                or_shifted(S->bits + S->boff[at], dbits, S->bits + S->boff[next], sbits, shift);
            }
        }
    }
    S->have_bits = 1;
}

/* Can the rows gs[d..] make column k's sum exactly its parent's? */
static int exact_possible(const solver *S, size_t d, size_t k)
{
    size_t at = d * S->n + k;
    int64_t lo = sadd(S->sums[k], S->smin[at]), hi = sadd(S->sums[k], S->smax[at]);
    if (lo > S->pv[k] || hi < S->pv[k])
        return 0;
    if (!S->have_bits)
        return 1;
    int64_t t = S->pv[k] - lo; /* 0 ≤ t ≤ smax − smin */
    if (t % 10)
        return 0;
    t /= 10;
    return (S->bits[S->boff[at] + (size_t)t / 64] >> (t % 64)) & 1;
}

/*
 * Can the subtree at depth d still reach the best (satisfied, exact)?  A
 * column can still hold when some completion puts its sum within the
 * radii: sum + Σ(x − r) ≤ parent + radii ≤ … ≤ sum + Σ(x + r).
 */
static void bound(const solver *S, size_t d, int sat, int exact, int *us, int *ue)
{
    *us = sat + S->ssat[d];
    *ue = exact + S->sexact[d];
    if (S->use_cols)
        for (size_t k = 0; k < S->n; k++) {
            size_t at = d * S->n + k;
            int64_t tol = sadd(S->prad[k], S->rads[k]);
            *us += sadd(S->sums[k], S->sdn[at]) <= sadd(S->pv[k], tol) &&
                   sadd(S->sums[k], S->sup[at]) >= sadd(S->pv[k], sneg(tol));
            *ue += exact_possible(S, d, k);
        }
}

/* A subtree bounded by (us, ue) may still reach the best found so far. */
static int reaches(const solver *S, int us, int ue)
{
    return S->best_sat < 0 || us > S->best_sat || (us == S->best_sat && ue >= S->best_exact);
}

/*
 * Depth-first, children in decreasing order of their bound: the first dive
 * tends to find the best assignment, so the bound prunes the rest early.
 * Subtrees that could tie the best are still explored (ties are reported).
 */
static void dfs(solver *S, size_t d, int sat, int exact)
{
    if (++S->nodes > NODE_CAP) {
        S->truncated = 1;
        return;
    }
    if (d == S->ng) {
        leaf(S, sat, exact);
        return;
    }
    slot *sl = &S->slots[S->gs[d]];
    /* a node bounds each of its up to MAX_CAND children: counting only nodes
     * let a wide group run MAX_CAND times the cap (seconds on a 4 KB input) */
    S->nodes += sl->ncand;
    int order[MAX_CAND], us[MAX_CAND], ue[MAX_CAND];
    int n = 0;
    for (int j = 0; j < sl->ncand; j++) {
        int a, b;
        apply(S, sl, sl->c[j].mask, 1);
        bound(S, d + 1, sat + sl->c[j].sat, exact + sl->c[j].exact, &a, &b);
        apply(S, sl, sl->c[j].mask, -1);
        int at = n++;
        while (at > 0 && (us[at - 1] < a || (us[at - 1] == a && ue[at - 1] < b))) {
            order[at] = order[at - 1];
            us[at] = us[at - 1];
            ue[at] = ue[at - 1];
            at--;
        }
        order[at] = j;
        us[at] = a;
        ue[at] = b;
    }
    for (int i = 0; i < n && !S->truncated; i++) {
        int j = order[i];
        if (!reaches(S, us[i], ue[i]))
            break; /* sorted: the rest are no better */
        apply(S, sl, sl->c[j].mask, 1);
        S->choice[d] = j;
        dfs(S, d + 1, sat + sl->c[j].sat, exact + sl->c[j].exact);
        apply(S, sl, sl->c[j].mask, -1);
    }
}

/* ---- results ---- */

static const char *row_key(const solver *S, int r)
{
    const char *k = dt_host->row_key(dt_host->table_row_at(S->t, (size_t)r));
    return k ? k : "";
}

static void roles_text(const solver *S, uint32_t mask, char *buf, size_t cap)
{
    size_t k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < S->n; i++)
        if ((mask >> i) & 1)
            append(buf, cap, &k, "%s%s", k ? "," : "", dt_host->role_name(S->mrole[i]));
}

static br_role last_role(const solver *S, uint32_t mask)
{
    br_role r = BR_ROLE_NONE;
    for (size_t i = 0; i < S->n; i++)
        if ((mask >> i) & 1)
            r = S->mrole[i];
    return r;
}

static void place(solver *S, slot *sl, uint32_t mask, unsigned flags)
{
    size_t j = 0;
    for (size_t k = 0; k < S->n; k++)
        if ((mask >> k) & 1)
            dt_host->row_set_value(sl->sh->row, (size_t)S->mcol[k], sl->sh->vals[j++], flags);
    sl->placed = mask;
    sl->done = 1;
}

/* Decide a row: its placement if every best assignment agrees, else the
 * positional default (noted by report()). */
static void finish(solver *S, slot *sl)
{
    int nbest = 0, which = -1;
    for (int j = 0; j < sl->ncand; j++)
        if ((sl->best >> j) & 1) {
            nbest++;
            which = j;
        }
    sl->ambiguous = nbest != 1 || sl->too_many;
    if (!sl->ambiguous) {
        place(S, sl, sl->c[which].mask, BR_CELL_INFERRED);
    } else {
        /* a guess: fail closed, no identity through the row is judged */
        place(S, sl, (uint32_t)((1ull << sl->sh->nvals) - 1),
              S->rd->quiet ? 0u : (unsigned)BR_CELL_UNCERTAIN);
        dt_mark_row(S->rd, sl->sh->row, "guessed_figure",
                    "the row lost its empty cells and its figures fit several columns equally "
                    "well: they are kept in the leftmost columns, a guess");
    }
}

/* The note about a row, once every row is placed (notes in row order). */
static void report(solver *S, const slot *sl)
{
    const dt_short *sh = sl->sh;
    const char *key = dt_host->row_key(sh->row);
    char where[256], figs[256];
    size_t k = 0;
    figs[0] = '\0';
    for (size_t j = 0; j < sh->nvals; j++) {
        char d[BR_DECIMAL_STR_MAX];
        dt_host->decimal_format(sh->vals[j], d, sizeof d);
        append(figs, sizeof figs, &k, "%s%s", j ? ", " : "", d);
    }
    roles_text(S, sl->placed, where, sizeof where);

    if (!sl->ambiguous) {
        char why[768];
        size_t w = 0;
        why[0] = '\0';
        if (sl->row_fits)
            w += (size_t)snprintf(why, sizeof why, "the row identity %s", S->idtext);
        if (sl->by_parent && w < sizeof why)
            w += (size_t)snprintf(why + w, sizeof why - w, "%sthe column sums of its parent %s",
                                  w ? " and " : "", row_key(S, sl->parent));
        if (!sl->row_fits && S->nid && w < sizeof why)
            snprintf(why + w, sizeof why - w, " (no placement satisfies the row identity %s)",
                     S->idtext);
        dt_note(S->rd, BR_SEV_INFO, key, last_role(S, sl->placed), sh->line,
                "row lost its empty cells: figures %s assigned to %s by %s", figs, where, why);
        return;
    }

    /* ambiguous: name the alternatives, keep the positional default */
    char alts[512], alt[256];
    size_t a = 0;
    int shown = 0, nbest = 0;
    alts[0] = '\0';
    for (int j = 0; j < sl->ncand; j++)
        nbest += (int)((sl->best >> j) & 1);
    for (int j = 0; j < sl->ncand && shown < 6; j++)
        if (nbest == 0 || ((sl->best >> j) & 1)) {
            roles_text(S, sl->c[j].mask, alt, sizeof alt);
            append(alts, sizeof alts, &a, "%s(%s)", shown ? " or " : "", alt);
            shown++;
        }
    dt_note(S->rd, BR_SEV_WARNING, key, last_role(S, sl->placed), sh->line,
            "row lost its empty cells and its figures %s fit several column assignments equally "
            "well: %s%s; kept in the leftmost columns (%s)",
            figs, alts, sl->too_many || shown < nbest ? " and more" : "", where);
}

/* Resolve one row on its own (no parent, or the group search was cut). */
static void solve_alone(solver *S, slot *sl)
{
    int best = -1;
    sl->best = 0;
    for (int j = 0; j < sl->ncand; j++) {
        int e = sl->c[j].exact;
        if (e > best) {
            best = e;
            sl->best = 0;
        }
        if (e == best)
            sl->best |= 1ull << j;
    }
    sl->by_parent = 0;
    finish(S, sl);
}

static int scale_of(br_decimal v, int scale) { return v.scale > scale ? v.scale : scale; }

/* Resolve the short children of row p jointly against p. */
static void solve_group(solver *S, int p)
{
    const br_row *pr = dt_host->table_row_at(S->t, (size_t)p);
    br_decimal pvd[DT_MAX_COLUMNS];
    int has[DT_MAX_COLUMNS];
    size_t nshort = 0;

    /* a parent that lost its empty cells and could not be placed holds a
     * guess (its figures in the leftmost columns): its children are not
     * placed against it, each by its own row identities */
    int ps = S->slot_of[p];
    if (ps >= 0 && S->slots[ps].done && S->slots[ps].ambiguous) {
        for (int c = S->first_child[p]; c >= 0; c = S->next_sib[c]) {
            int s = S->slot_of[c];
            if (s >= 0 && !S->slots[s].done)
                solve_alone(S, &S->slots[s]);
        }
        return;
    }

    /* one scale for the whole group: the finest printed, plus one for radii */
    int scale = 0;
    S->use_cols = 0;
    for (size_t k = 0; k < S->n; k++) {
        has[k] = cell_value(pr, S->mcol[k], &pvd[k]);
        if (has[k]) {
            scale = scale_of(pvd[k], scale);
            S->use_cols = 1;
        }
    }
    for (int c = S->first_child[p]; c >= 0; c = S->next_sib[c]) {
        int s = S->slot_of[c];
        br_decimal v;
        if (s >= 0 && !S->slots[s].done) {
            nshort++;
            for (size_t j = 0; j < S->slots[s].sh->nvals; j++)
                scale = scale_of(S->slots[s].sh->vals[j], scale);
        } else {
            const br_row *cr = dt_host->table_row_at(S->t, (size_t)c);
            for (size_t k = 0; k < S->n; k++)
                if (cell_value(cr, S->mcol[k], &v))
                    scale = scale_of(v, scale);
        }
    }
    if (nshort == 0)
        return;
    S->scale = scale + 1;
    S->overflow = S->scale > 18;

    for (size_t k = 0; k < S->n && !S->overflow; k++) {
        S->sums[k] = S->rads[k] = S->pv[k] = S->prad[k] = 0;
        if (has[k])
            fixed_pair(S, pvd[k], &S->pv[k], &S->prad[k]);
    }
    S->ng = 0;
    for (int c = S->first_child[p]; c >= 0 && !S->overflow; c = S->next_sib[c]) {
        int s = S->slot_of[c];
        if (s >= 0 && !S->slots[s].done) {
            slot *sl = &S->slots[s];
            sl->best = 0;
            for (size_t j = 0; j < sl->sh->nvals; j++)
                fixed_pair(S, sl->sh->vals[j], &sl->tv[j], &sl->tr[j]);
            if (sl->ncand == 1) {
                apply(S, sl, sl->c[0].mask, 1);
                sl->best = 1;
            } else {
                S->gs[S->ng++] = s;
            }
            continue;
        }
        const br_row *cr = dt_host->table_row_at(S->t, (size_t)c);
        for (size_t k = 0; k < S->n; k++) {
            br_decimal v;
            int64_t tv, tr;
            if (cell_value(cr, S->mcol[k], &v) && fixed_pair(S, v, &tv, &tr)) {
                add64(S, &S->sums[k], tv);
                add64(S, &S->rads[k], tr);
            }
        }
    }

    S->best_sat = S->best_exact = -1;
    S->nodes = 0;
    S->truncated = 0;
    if (!S->overflow)
        suffix_bounds(S);
    if (!S->overflow)
        exact_sets(S);
    if (!S->overflow)
        dfs(S, 0, 0, 0);

    int first = 1;
    for (int c = S->first_child[p]; c >= 0; c = S->next_sib[c]) {
        int s = S->slot_of[c];
        if (s < 0 || S->slots[s].done)
            continue;
        slot *sl = &S->slots[s];
        if (S->truncated || S->overflow) {
            if (first)
                dt_note(S->rd, BR_SEV_WARNING, row_key(S, p), BR_ROLE_NONE, dt_host->row_line(pr),
                        "%s under %s: each row that lost its empty cells is placed by its row "
                        "identity alone",
                        S->overflow ? "figures too large to add up exactly"
                                    : "too many ways to place the figures",
                        row_key(S, p));
            first = 0;
            solve_alone(S, sl);
            continue;
        }
        sl->by_parent = S->use_cols && sl->ncand > 1;
        sl->parent = p;
        finish(S, sl);
    }
}

/* ---- the table ---- */

/* Open-addressing map from a numeric subject code to its first row. */
typedef struct codemap {
    int64_t *keys;
    int *rows;
    size_t cap;
} codemap;

static int64_t code_key(const char *code, size_t len)
{
    int64_t v = 0;
    for (size_t i = 0; i < len; i++)
        v = v * 10 + (code[i] - '0');
    return v * 10 + (int64_t)len; /* keep "201" and "0201" apart */
}

static int *codemap_slot(codemap *M, int64_t key)
{
    size_t h = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ull >> 17) & (M->cap - 1);
    while (M->rows[h] >= 0 && M->keys[h] != key)
        h = (h + 1) & (M->cap - 1);
    M->keys[h] = key;
    return &M->rows[h];
}

static int hierarchy(solver *S)
{
    br_disclosure *doc = S->rd->doc;
    size_t n = S->nrows;
    codemap M;
    M.cap = 16;
    while (M.cap < 2 * n + 1)
        M.cap <<= 1;
    M.keys = dt_host->doc_alloc(doc, M.cap * sizeof *M.keys);
    M.rows = dt_host->doc_alloc(doc, M.cap * sizeof *M.rows);
    if (!M.keys || !M.rows)
        return 0;
    for (size_t h = 0; h < M.cap; h++)
        M.rows[h] = -1;

    int has_codes = 0;
    S->grand = -1;
    for (size_t r = 0; r < n; r++) {
        const br_row *row = dt_host->table_row_at(S->t, r);
        const char *code = dt_host->row_code(row);
        if (code && dt_host->code_level(code) > 0) {
            has_codes = 1;
            int *slotp = codemap_slot(&M, code_key(code, strlen(code)));
            if (*slotp < 0)
                *slotp = (int)r;
        } else if (!code && S->grand < 0) {
            const char *label = dt_host->row_label(row);
            char buf[DT_COMP_MAX];
            size_t len = dt_squeeze(label, strlen(label), buf, sizeof buf);
            if (dt_catalog_total_label(buf, len) == 2)
                S->grand = (int)r;
        }
    }
    for (size_t r = 0; r < n; r++) {
        const br_row *row = dt_host->table_row_at(S->t, r);
        const char *code = dt_host->row_code(row);
        int lv = code ? dt_host->code_level(code) : 0;
        S->parent[r] = -1;
        S->first_child[r] = S->next_sib[r] = -1;
        if ((int)r == S->grand) {
            S->level[r] = 0;
        } else if (lv == 1) {
            S->level[r] = 1;
            S->parent[r] = S->grand;
        } else if (lv > 1) {
            size_t plen = lv == 2 ? 3 : 5;
            int *slotp = codemap_slot(&M, code_key(code, plen));
            S->level[r] = lv;
            if (*slotp >= 0 &&
                dt_host->code_is_child(
                    dt_host->row_code(dt_host->table_row_at(S->t, (size_t)*slotp)), code))
                S->parent[r] = *slotp;
        } else {
            S->level[r] = 1;
            S->parent[r] = has_codes || code ? -1 : S->grand;
        }
    }
    /* children in printed order */
    for (size_t r = n; r-- > 0;) {
        int p = S->parent[r];
        if (p >= 0) {
            S->next_sib[r] = S->first_child[p];
            S->first_child[p] = (int)r;
        }
    }
    return 1;
}

void dt_assign_table(dt_reader *rd)
{
    dt_table_state *st = &rd->cur;
    const dt_layout *L = &st->layout;
    solver S;
    memset(&S, 0, sizeof S);
    S.rd = rd;
    S.t = st->t;

    for (size_t i = 0; i < L->width; i++)
        if (L->map[i].what == DT_COL_MONEY && S.n < DT_MAX_COLUMNS) {
            S.mcol[S.n] = L->map[i].col;
            S.mrole[S.n] = (br_role)L->map[i].role;
            S.n++;
        }
    build_identities(&S, st->kind);

    for (dt_short *sh = st->shorts; sh; sh = sh->next)
        S.nslots++;
    S.nrows = dt_host->table_row_count(S.t);
    br_disclosure *doc = rd->doc;
    size_t n = S.nrows;
    S.parent = dt_host->doc_alloc(doc, n * sizeof(int));
    S.level = dt_host->doc_alloc(doc, n * sizeof(int));
    S.first_child = dt_host->doc_alloc(doc, n * sizeof(int));
    S.next_sib = dt_host->doc_alloc(doc, n * sizeof(int));
    S.slot_of = dt_host->doc_alloc(doc, n * sizeof(int));
    S.slots = dt_host->doc_alloc(doc, S.nslots * sizeof(slot));
    S.gs = dt_host->doc_alloc(doc, S.nslots * sizeof(int));
    S.choice = dt_host->doc_alloc(doc, S.nslots * sizeof(int));
    size_t nb = (S.nslots + 1) * (S.n ? S.n : 1);
    S.smin = dt_host->doc_alloc(doc, nb * sizeof(int64_t));
    S.smax = dt_host->doc_alloc(doc, nb * sizeof(int64_t));
    S.sdn = dt_host->doc_alloc(doc, nb * sizeof(int64_t));
    S.sup = dt_host->doc_alloc(doc, nb * sizeof(int64_t));
    S.ssat = dt_host->doc_alloc(doc, (S.nslots + 1) * sizeof(int));
    S.sexact = dt_host->doc_alloc(doc, (S.nslots + 1) * sizeof(int));
    if (!S.smin || !S.smax || !S.sdn || !S.sup || !S.ssat || !S.sexact || !S.parent || !S.level ||
        !S.first_child || !S.next_sib || !S.slot_of || !S.slots || !S.gs || !S.choice ||
        !hierarchy(&S)) {
        rd->failed = 1;
        return;
    }
    for (size_t r = 0; r < n; r++)
        S.slot_of[r] = -1;
    size_t k = 0;
    for (dt_short *sh = st->shorts; sh; sh = sh->next, k++) {
        slot *sl = &S.slots[k];
        sl->sh = sh;
        if (sh->index < n)
            S.slot_of[sh->index] = (int)k;
        candidates(&S, sl);
    }

    /* top-down: the grand total, then 类 against it, 款 against 类, … */
    if (S.grand >= 0 && S.slot_of[S.grand] >= 0)
        solve_alone(&S, &S.slots[S.slot_of[S.grand]]);
    for (int lv = 0; lv <= 3; lv++)
        for (size_t r = 0; r < n; r++)
            if (S.level[r] == lv && S.first_child[r] >= 0 && (lv > 0 || (int)r == S.grand))
                solve_group(&S, (int)r);
    /* rows without a parent in the table */
    for (size_t s = 0; s < S.nslots; s++)
        if (!S.slots[s].done)
            solve_alone(&S, &S.slots[s]);
    for (size_t s = 0; s < S.nslots; s++)
        report(&S, &S.slots[s]);
}
