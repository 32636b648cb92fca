/*
 * narrative.c — the narrative's stated figures against the tables.
 *
 * The disclosure reader turns every figure of the 情况说明 into a classified
 * claim (libreader/claims.def).  Three checks test them:
 *
 *   narrative.totals       a stated level (收入预算, 一般公共服务 1932.10 万元,
 *                          "三公"经费 6 万元, 机关运行经费, 政府采购, 绩效目标
 *                          金额) equals the table cell that states it;
 *   narrative.changes      a stated year-on-year change (amount or percent, with
 *                          its direction word) equals the change between the
 *                          previous-year and budget-year columns of a table;
 *   narrative.consistency  statements that must agree do: income and
 *                          expenditure (and their changes) of a balanced budget,
 *                          and one class stated twice.
 *
 * Which table, row and column state what a claim class states is data
 * (targets.def).  Every comparison is an identity whose first term is the
 * claim; the host evaluates it with the interval rule of SPEC §5.  Findings
 * an identity cannot express (a direction word the tables contradict, a
 * percentage, two statements that contradict each other although rounding
 * could reconcile them) are reported with report_add, with exact figures.
 *
 * Cost: one pass over the claims per check; each claim looks up the few
 * rows of targets.def for its class and one row of a table.
 */
#include <stdio.h>
#include <string.h>

#include <budgetrec/plugin.h>

#include "narrative.h"
#include "ratio.h"

const br_host *narr_host;
#define H narr_host

/* ---- the data (targets.def) --------------------------------------------------- */

/* One figure of a table: a row (by selector) and a column, or the sum of
 * alternative columns when the table has no such column. */
typedef struct spec {
    br_kind kind;
    br_side side;
    const char *rows;
    br_role col;
    br_role alt[3];
} spec;

typedef struct level_row {
    const char *cls, *label_has, *label_not;
    spec at;
} level_row;

typedef struct change_row {
    const char *cls;
    spec cur; /* its column is the budget year's */
    br_role prev;
} change_row;

typedef struct balance_row {
    const char *id;
    spec a, b;
} balance_row;

typedef struct pair_row {
    const char *tested, *reference, *balance;
} pair_row;

typedef struct same_row {
    const char *cls;
    br_severity severity;
    const char *scope;
} same_row;

typedef struct unit_alias {
    const char *unit, *as;
} unit_alias;

#define NONE3 {BR_ROLE_NONE, BR_ROLE_NONE, BR_ROLE_NONE}

static const level_row levels[] = {
#define NARR_LEVEL(c, has, not_, k, s, r, col, a1, a2, a3) {c, has, not_, {k, s, r, col, {a1, a2, a3}}},
#include "targets.def"
};

static const change_row changes[] = {
#define NARR_CHANGE(c, k, s, r, cur, prev) {c, {k, s, r, cur, NONE3}, prev},
#include "targets.def"
};

static const balance_row balances[] = {
#define NARR_BALANCE(id, ka, sa, ra, ca, kb, sb, rb, cb)                                          \
    {id, {ka, sa, ra, ca, NONE3}, {kb, sb, rb, cb, NONE3}},
#include "targets.def"
};

static const pair_row pairs[] = {
#define NARR_PAIR(t, r, b) {t, r, b},
#include "targets.def"
};

static const same_row sames[] = {
#define NARR_SAME(c, sev, scope) {c, sev, scope},
#include "targets.def"
};

static const unit_alias unit_aliases[] = {
#define NARR_UNIT_SAME(u, as) {u, as},
#include "targets.def"
};

/* Class names of the 功能分类 (the narrative reader's catalog): a table that
 * prints a class by name only (the 收支预算总表) is found by it. */
typedef struct func_name {
    const char *code, *name;
} func_name;

static const func_name func_names[] = {
#define CLAIM_FUNC(code, name) {code, name},
#include "../../libreader/claims.def"
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char CHECK_TOTALS[] = "narrative.totals";
static const char CHECK_CHANGES[] = "narrative.changes";
static const char CHECK_CONSISTENCY[] = "narrative.consistency";

/* ---- small helpers ------------------------------------------------------------- */

static int same_str(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* Does `s` contain one of the '|'-separated alternatives of `pattern`? */
static int has_any(const char *s, const char *pattern)
{
    if (!s || !pattern || !*pattern)
        return 0;
    for (const char *p = pattern; *p;) {
        const char *end = strchr(p, '|');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n) {
            for (const char *q = s; *q; q++)
                if (strncmp(q, p, n) == 0)
                    return 1;
        }
        p += n + (end ? 1 : 0);
    }
    return 0;
}

/* The claim's label satisfies a row's label conditions. */
static int label_ok(const br_claim *c, const char *has, const char *not_)
{
    if (has && *has && !has_any(c->label, has))
        return 0;
    return !has_any(c->label, not_);
}

/* `label` equals the `n` bytes of `alt`, both read without ASCII spaces. */
static int label_eq(const char *label, const char *alt, size_t n)
{
    const char *a = label, *b = alt, *bend = alt + n;
    for (;;) {
        while (*a == ' ')
            a++;
        while (b < bend && *b == ' ')
            b++;
        if (!*a || b == bend)
            return !*a && b == bend;
        if (*a++ != *b++)
            return 0;
    }
}

static br_unit claim_unit(const br_claim *c)
{
    return c->unit ? H->unit_parse(c->unit, strlen(c->unit)) : BR_UNIT_UNKNOWN;
}

static int is_money(const br_claim *c) { return claim_unit(c) != BR_UNIT_UNKNOWN; }
static int is_percent(const br_claim *c) { return same_str(c->unit, "%"); }

/* What a claim counts, for comparing two claims: "money", or its unit. */
static const char *unit_kind(const br_claim *c)
{
    if (is_money(c))
        return "money";
    for (size_t i = 0; i < COUNT(unit_aliases); i++)
        if (same_str(c->unit, unit_aliases[i].unit))
            return unit_aliases[i].as;
    return c->unit ? c->unit : "";
}

/* +1 for an increase (or no direction), −1 for a decrease, as stated. */
static int dir_sign(const br_claim *c) { return c->direction == BR_DIR_DECREASE ? -1 : 1; }

static const char *dir_word(br_direction d)
{
    switch (d) {
    case BR_DIR_INCREASE:
        return "increase";
    case BR_DIR_DECREASE:
        return "decrease";
    case BR_DIR_FLAT:
        return "no change";
    default:
        return "change";
    }
}

static const char *fmt(br_decimal d, char *buf)
{
    H->decimal_format(d, buf, BR_DECIMAL_STR_MAX);
    return buf;
}

/* "an increase of 10.00", "a decrease of 10.00", "no change" (unit as stated). */
static const char *stated_change(br_direction dir, br_decimal v, const char *unit, char *buf,
                                 size_t cap)
{
    char vs[BR_DECIMAL_STR_MAX];
    const char *u = unit ? unit : "";
    switch (dir) {
    case BR_DIR_INCREASE:
        snprintf(buf, cap, "an increase of %s%s", fmt(v, vs), u);
        break;
    case BR_DIR_DECREASE:
        snprintf(buf, cap, "a decrease of %s%s", fmt(v, vs), u);
        break;
    case BR_DIR_FLAT:
        snprintf(buf, cap, "no change");
        break;
    default:
        snprintf(buf, cap, "a change of %s%s", fmt(v, vs), u);
        break;
    }
    return buf;
}

static br_decimal negate(br_decimal d)
{
    d.units = -d.units;
    return d;
}

/* ---- table figures ------------------------------------------------------------ */

/* The cells a spec names for one claim (code for "@code" rows). */
typedef struct cellref {
    const br_table *table;
    br_unit unit; /* the table's, else the document's */
    const br_row *row;
    int col[3];
    br_role role[3];
    size_t n;
} cellref;

/* Is `label` the name of class `code`, alone or with "支出" ("公共安全支出")? */
static int names_class(const char *label, const char *code)
{
    for (size_t k = 0; label && k < COUNT(func_names); k++) {
        if (!same_str(func_names[k].code, code))
            continue;
        char buf[128];
        size_t n = (size_t)snprintf(buf, sizeof buf, "%s支出", func_names[k].name);
        size_t bare = strlen(func_names[k].name);
        if (n < sizeof buf && (label_eq(label, buf, n) || label_eq(label, buf, bare)))
            return 1;
    }
    return 0;
}

static const br_row *find_row(const br_table *t, br_side side, const char *rows, const char *code)
{
    size_t nrows = H->table_row_count(t);
    if (same_str(rows, "@code")) {
        if (!code)
            return NULL;
        for (size_t i = 0; i < nrows; i++) {
            const br_row *r = H->table_row_at(t, i);
            if (same_str(H->row_code(r), code) && (!side || H->row_side(r) == side))
                return r;
        }
        for (size_t i = 0; i < nrows; i++) { /* rows without codes: by the class name */
            const br_row *r = H->table_row_at(t, i);
            if (!H->row_code(r) && (!side || H->row_side(r) == side) &&
                names_class(H->row_label(r), code))
                return r;
        }
        return NULL;
    }
    for (const char *p = rows; p && *p;) {
        const char *end = strchr(p, '|');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        for (size_t i = 0; n && i < nrows; i++) {
            const br_row *r = H->table_row_at(t, i);
            if ((!side || H->row_side(r) == side) && label_eq(H->row_label(r), p, n))
                return r;
        }
        p += n + (end ? 1 : 0);
    }
    return NULL;
}

static int resolve(const br_disclosure *doc, const spec *s, const char *code, cellref *out)
{
    memset(out, 0, sizeof *out);
    out->table = H->doc_find_table(doc, s->kind);
    if (!out->table)
        return 0;
    out->unit = H->table_unit(out->table);
    if (!out->unit)
        out->unit = H->doc_unit(doc);
    out->row = find_row(out->table, s->side, s->rows, code);
    if (!out->row)
        return 0;
    int c = H->table_find_column(out->table, s->col);
    if (c >= 0) {
        out->col[0] = c;
        out->role[0] = s->col;
        out->n = 1;
        return 1;
    }
    for (size_t i = 0; i < 3; i++) {
        if (s->alt[i] == BR_ROLE_NONE)
            continue;
        c = H->table_find_column(out->table, s->alt[i]);
        if (c >= 0) {
            out->col[out->n] = c;
            out->role[out->n++] = s->alt[i];
        }
    }
    return out->n > 0;
}

/* A printed cell in `unit` (the table's own when BR_UNIT_UNKNOWN): 1, or 0 if blank. */
static int cell_value(const cellref *ref, size_t i, br_unit unit, br_decimal *out)
{
    const br_cell *c = H->row_cell(ref->row, (size_t)ref->col[i]);
    if (!c || !(c->flags & BR_CELL_PRESENT))
        return 0;
    if ((c->flags & BR_CELL_TEXT) && !(c->flags & BR_CELL_NUMERIC))
        return 0;
    br_decimal v = c->value;
    br_unit from = ref->unit;
    if (unit && from && unit != from && H->decimal_convert(v, from, unit, &v) != BR_OK)
        return 0;
    *out = v;
    return 1;
}

/* ---- fail closed ------------------------------------------------------------------
 *
 * A narrative figure that disagrees with a table is the department's error
 * only when the table figure is sound.  It is not when the reader marked it
 * uncertain (the host's identities say BR_IDENTITY_NOT_CHECKED), nor when
 * its row breaks its own arithmetic (identities.def): a misread row — its
 * columns taken in the wrong order — breaks it, and a genuinely wrong
 * figure there is already reported by rowtotals.row_total, once.  Such a
 * comparison is reported as info "not checked", never as an error.
 */

/* Is a cell of `ref` one the reader is unsure of? */
static int ref_uncertain(const cellref *ref)
{
    if (!BR_HOST_HAS(H, cell_uncertain))
        return 0;
    for (size_t i = 0; i < ref->n; i++)
        if (H->cell_uncertain(ref->row, (size_t)ref->col[i]))
            return 1;
    return 0;
}

/* The columns of an identity's parts; a part with no column of its own (a
 * subtotal not printed) stands for its own parts (as rowtotals reads it). */
static size_t part_columns(const br_table *t, const br_identity *ids, size_t n_ids,
                           const br_identity *id, br_term *terms, const br_row *row, size_t cap,
                           int depth)
{
    size_t n = 0;
    for (size_t p = 0; p < id->n_parts && n < cap; p++) {
        int col = H->table_find_column(t, id->parts[p]);
        if (col >= 0) {
            terms[n++] = (br_term){.row = row, .col = (size_t)col, .coef = -1};
            continue;
        }
        for (size_t j = 0; depth < 2 && j < n_ids; j++)
            if (ids[j].total == id->parts[p])
                n += part_columns(t, ids, n_ids, &ids[j], terms + n, row, cap - n, depth + 1);
    }
    return n;
}

/* Does `row` break one of its table's row identities (whatever the rounding)?
 * Its name goes to `why`. */
static int row_broken(const br_row *row, char *why, size_t cap)
{
    const br_table *t = H->row_table(row);
    size_t n_ids = 0;
    const br_identity *ids = H->identities_of(H->table_kind(t), &n_ids);
    for (size_t k = 0; ids && k < n_ids; k++) {
        int total = H->table_find_column(t, ids[k].total);
        if (total < 0)
            continue;
        br_term terms[BR_ROLE__COUNT + 1];
        terms[0] = (br_term){.row = row, .col = (size_t)total, .coef = 1};
        size_t n = part_columns(t, ids, n_ids, &ids[k], terms + 1, row, BR_ROLE__COUNT, 0);
        if (!n || H->identity_eval(terms, n + 1, NULL, NULL, NULL) != BR_IDENTITY_BROKEN)
            continue;
        snprintf(why, cap, "%s %s %s ≠ the sum of its parts", H->kind_name(H->table_kind(t)),
                 H->row_key(row), H->role_name(ids[k].total));
        return 1;
    }
    return 0;
}

/* Report the comparison `what` of claim `c` as not checked, because `why`. */
static void not_checked(br_report *report, const char *check, const br_claim *c,
                        const char *what, const char *why)
{
    char msg[768];
    snprintf(msg, sizeof msg,
             "not checked: %s — the row's own arithmetic does not hold (%s): the figure it "
             "would be compared with is in question",
             what, why);
    br_finding f = {
        .check = check,
        .severity = BR_SEV_INFO,
        .table = "narrative",
        .row = c->label,
        .column = c->claim_class,
        .line = c->line,
        .message = msg,
    };
    H->report_add(report, &f);
}

/* An interval [lo, hi] of exact decimals. */
typedef struct interval {
    br_decimal lo, hi;
} interval;

static int around(br_decimal v, br_decimal r, interval *out)
{
    return H->decimal_sub(v, r, &out->lo) == BR_OK && H->decimal_add(v, r, &out->hi) == BR_OK;
}

/* Σ of the cells and Σ of their rounding radii; 0 when every cell is blank. */
static int cells_sum(const cellref *ref, br_unit unit, br_decimal *sum, br_decimal *radius)
{
    br_decimal s = {0, 0}, r = {0, 0}, v;
    int any = 0;
    for (size_t i = 0; i < ref->n; i++) {
        if (!cell_value(ref, i, unit, &v))
            continue;
        any = 1;
        if (H->decimal_add(s, v, &s) != BR_OK ||
            H->decimal_add(r, H->decimal_half_ulp(v), &r) != BR_OK)
            return 0;
    }
    *sum = s;
    *radius = r;
    return any;
}

/* "gpb_basic 合计 public" (+ more columns) into buf. */
static void describe(const cellref *ref, char *buf, size_t cap, const char *prefix)
{
    size_t used = (size_t)snprintf(buf, cap, "%s%s %s ", prefix,
                                   H->kind_name(H->table_kind(ref->table)), H->row_key(ref->row));
    for (size_t i = 0; i < ref->n && used < cap; i++)
        used += (size_t)snprintf(buf + used, cap - used, "%s%s", i ? " + " : "",
                                 H->role_name(ref->role[i]));
}

/* ---- narrative.totals ---------------------------------------------------------- */

/*
 * Σ of the columns of `ref` over the other rows of a flat table (no row has
 * a subject code, so no row is part of another: a project list, a list of
 * units).  0 when the table is coded or no other row has a figure.  Used
 * only to explain a broken total: "the rows sum to what the narrative says".
 */
static int flat_rows_sum(const cellref *ref, br_unit unit, br_decimal *out)
{
    size_t nrows = H->table_row_count(ref->table);
    br_decimal sum = {0, 0};
    int any = 0;
    for (size_t i = 0; i < nrows; i++) {
        const br_row *r = H->table_row_at(ref->table, i);
        if (H->row_code(r))
            return 0;
        if (r == ref->row)
            continue;
        cellref other = *ref;
        other.row = r;
        br_decimal v, radius;
        if (!cells_sum(&other, unit, &v, &radius))
            continue;
        if (H->decimal_add(sum, v, &sum) != BR_OK)
            return 0;
        any = 1;
    }
    *out = sum;
    return any;
}

static size_t level_terms(const br_claim *c, const cellref *ref, br_term *t)
{
    t[0] = (br_term){.claim = c, .coef = 1};
    for (size_t i = 0; i < ref->n; i++)
        t[i + 1] = (br_term){.row = ref->row, .col = (size_t)ref->col[i], .coef = -1};
    return ref->n + 1;
}

/* How much a level comparison says for the claim: a table it holds against
 * within rounding, then one that cannot tell (not checked), then one it
 * breaks.  The claim holds when it holds against any of its tables. */
static int level_rank(int rc)
{
    return rc == BR_IDENTITY_ROUNDING ? 3 : rc == BR_IDENTITY_NOT_CHECKED ? 2 : 1;
}

static void check_level(const br_disclosure *doc, const br_claim *c, br_report *report)
{
    br_term best[4];
    size_t best_n = 0;
    int best_rc = -1;
    cellref best_ref;
    char why[256];
    for (size_t k = 0; k < COUNT(levels); k++) {
        const level_row *L = &levels[k];
        if (!same_str(L->cls, c->claim_class) || !label_ok(c, L->label_has, L->label_not))
            continue;
        cellref ref;
        if (!resolve(doc, &L->at, c->code, &ref))
            continue;
        br_term t[4];
        size_t n = level_terms(c, &ref, t);
        int rc = H->identity_eval(t, n, NULL, NULL, NULL);
        if (rc == BR_IDENTITY_EXACT || rc == BR_IDENTITY_EMPTY) {
            H->report_claim_checked(report, c);
            return; /* the claim is what this table states */
        }
        if (rc < 0)
            continue;
        if (rc == BR_IDENTITY_BROKEN && row_broken(ref.row, why, sizeof why))
            rc = BR_IDENTITY_NOT_CHECKED; /* a misread row, or one wrong already */
        if (best_rc < 0 || level_rank(rc) > level_rank(best_rc)) {
            memcpy(best, t, sizeof t);
            best_n = n;
            best_rc = rc;
            best_ref = ref;
        }
    }
    if (best_rc < 0)
        return; /* no table states it */
    char what[384];
    char prefix[96];
    snprintf(prefix, sizeof prefix, "%s = ", c->claim_class);
    describe(&best_ref, what, sizeof what, prefix);
    if (best_rc == BR_IDENTITY_NOT_CHECKED && !ref_uncertain(&best_ref) &&
        row_broken(best_ref.row, why, sizeof why)) {
        not_checked(report, CHECK_TOTALS, c, what, why);
        return;
    }
    br_decimal rows_sum;
    char rs[BR_DECIMAL_STR_MAX];
    size_t used = strlen(what);
    if (best_rc == BR_IDENTITY_BROKEN && flat_rows_sum(&best_ref, claim_unit(c), &rows_sum) &&
        H->decimal_cmp(rows_sum, c->value) == 0 && used < sizeof what)
        snprintf(what + used, sizeof what - used,
                 " (the rows below %s sum to %s, as the narrative states)", H->row_key(best_ref.row),
                 fmt(rows_sum, rs));
    H->report_identity(report, CHECK_TOTALS, BR_SEV_ERROR, best, best_n, what);
}

static int totals(const br_narrative *n, br_report *report)
{
    const br_disclosure *doc = H->narrative_disclosure(n);
    if (H->doc_table_count(doc) == 0)
        return BR_NOT_APPLICABLE; /* a narrative published without its tables */
    size_t count = H->narrative_claim_count(n);
    for (size_t i = 0; i < count; i++) {
        const br_claim *c = H->narrative_claim_at(n, i);
        if (c && c->claim_class && is_money(c))
            check_level(doc, c, report);
    }
    return BR_OK;
}

/* ---- narrative.changes --------------------------------------------------------- */

/* The row and the two columns a change of `c` is read from. */
typedef struct change_ref {
    cellref cur, prev; /* one column each, same row */
} change_ref;

static const change_row *find_change(const br_disclosure *doc, const br_claim *c,
                                     change_ref *out)
{
    for (size_t k = 0; k < COUNT(changes); k++) {
        const change_row *C = &changes[k];
        if (!same_str(C->cls, c->claim_class))
            continue;
        spec prev = C->cur;
        prev.col = C->prev;
        if (!resolve(doc, &C->cur, c->code, &out->cur) || out->cur.n != 1 ||
            !resolve(doc, &prev, c->code, &out->prev) || out->prev.n != 1 ||
            out->cur.role[0] != C->cur.col || out->prev.role[0] != C->prev)
            continue;
        return C;
    }
    return NULL;
}

/* The table's change cur − prev in `unit`, with its rounding radius; 0 when
 * both cells are blank (nothing to compare with). */
static int table_change(const change_ref *ch, br_unit unit, br_decimal *d, br_decimal *r)
{
    br_decimal cur = {0, 0}, prev = {0, 0}, rc = {0, 0}, rp = {0, 0};
    int has_cur = cells_sum(&ch->cur, unit, &cur, &rc);
    int has_prev = cells_sum(&ch->prev, unit, &prev, &rp);
    if (!has_cur && !has_prev)
        return 0;
    return H->decimal_sub(cur, prev, d) == BR_OK && H->decimal_add(rc, rp, r) == BR_OK;
}

static void change_amount(const br_claim *c, const change_ref *ch, br_report *report)
{
    br_unit unit = claim_unit(c);
    br_decimal d, r;
    if (!table_change(ch, unit, &d, &r))
        return;
    br_decimal zero = {0, 0}, hi, lo;
    if (H->decimal_add(d, r, &hi) != BR_OK || H->decimal_sub(d, r, &lo) != BR_OK)
        return;
    int falls = H->decimal_cmp(hi, zero) < 0, rises = H->decimal_cmp(lo, zero) > 0;
    /* the stated figure is a magnitude; its direction word gives the sign */
    int up = c->direction == BR_DIR_INCREASE || c->direction == BR_DIR_FLAT ||
             (c->direction == BR_DIR_NONE && H->decimal_cmp(d, zero) >= 0);
    br_term t[3] = {
        {.claim = c, .coef = 1},
        {.row = ch->cur.row, .col = (size_t)ch->cur.col[0], .coef = up ? -1 : 1},
        {.row = ch->prev.row, .col = (size_t)ch->prev.col[0], .coef = up ? 1 : -1},
    };
    char what[256];
    snprintf(what, sizeof what, "%s (%s) = %s %s %s − %s", c->claim_class, dir_word(c->direction),
             H->kind_name(H->table_kind(ch->cur.table)), H->row_key(ch->cur.row),
             H->role_name((up ? ch->cur : ch->prev).role[0]),
             H->role_name((up ? ch->prev : ch->cur).role[0]));

    int contradicts = (c->direction == BR_DIR_INCREASE && falls) ||
                      (c->direction == BR_DIR_DECREASE && rises) ||
                      (c->direction == BR_DIR_FLAT && (falls || rises));
    br_decimal exp, act, tol;
    int verdict = H->identity_eval(t, 3, &exp, &act, &tol);
    if (verdict < 0)
        return;
    char why[256];
    if (verdict != BR_IDENTITY_BROKEN || !contradicts) {
        if (verdict == BR_IDENTITY_BROKEN && row_broken(ch->cur.row, why, sizeof why)) {
            not_checked(report, CHECK_CHANGES, c, what, why);
            return;
        }
        /* exact, within rounding, not checked (an uncertain figure), or broken */
        H->report_identity(report, CHECK_CHANGES, BR_SEV_ERROR, t, 3, what);
        return;
    }
    if (row_broken(ch->cur.row, why, sizeof why)) {
        not_checked(report, CHECK_CHANGES, c, what, why);
        return;
    }
    br_decimal cur = {0, 0}, prev = {0, 0}, rc, rp;
    cells_sum(&ch->cur, unit, &cur, &rc);
    cells_sum(&ch->prev, unit, &prev, &rp);
    char cs[BR_DECIMAL_STR_MAX], ps[BR_DECIMAL_STR_MAX], said[96], shown[96], msg[640];
    br_decimal mag = H->decimal_cmp(d, zero) < 0 ? negate(d) : d;
    snprintf(msg, sizeof msg, "%s: the narrative states %s, but the tables give %s %s → %s %s, %s",
             what, stated_change(c->direction, c->value, c->unit, said, sizeof said),
             H->role_name(ch->prev.role[0]), fmt(prev, ps), H->role_name(ch->cur.role[0]),
             fmt(cur, cs),
             stated_change(falls ? BR_DIR_DECREASE : BR_DIR_INCREASE, mag, c->unit, shown,
                           sizeof shown));
    br_finding f = {
        .check = CHECK_CHANGES,
        .severity = BR_SEV_ERROR,
        .table = "narrative",
        .row = c->label,
        .column = c->claim_class,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | BR_FINDING_TOLERANCE,
        .expected = exp,
        .actual = act,
        .tolerance = tol,
        .line = c->line,
        .message = msg,
        .cause = "direction",
    };
    H->report_add_terms(report, &f, t, 3);
}

static void change_percent(const br_claim *c, const change_ref *ch, br_report *report)
{
    if (ref_uncertain(&ch->cur) || ref_uncertain(&ch->prev))
        return; /* a figure the reader is unsure of: no percentage to judge */
    br_decimal cur = {0, 0}, prev = {0, 0}, rc = {0, 0}, rp = {0, 0};
    cells_sum(&ch->cur, BR_UNIT_UNKNOWN, &cur, &rc); /* blank: 0 */
    if (!cells_sum(&ch->prev, BR_UNIT_UNKNOWN, &prev, &rp))
        return; /* no previous-year figure: no percentage to compute */
    int sign = c->direction == BR_DIR_DECREASE ? -1 : c->direction == BR_DIR_FLAT ? 0 : 1;
    br_decimal stated = c->value;
    if (c->direction == BR_DIR_NONE) {
        /* no direction word: the magnitude only, with the tables' sign */
        sign = H->decimal_cmp(cur, prev) < 0 ? -1 : 1;
    }
    if (sign < 0)
        stated = negate(stated);
    pct_result res;
    if (pct_compare(stated, H->decimal_half_ulp(c->value), cur, rc, prev, rp, &res) != 0)
        return; /* previous year 0 (or too large): the percentage is undefined */
    H->report_claim_checked(report, c);
    if (res.verdict == PCT_EXACT)
        return;
    char why[256];
    if (res.verdict == PCT_BROKEN && row_broken(ch->cur.row, why, sizeof why))
        return; /* compared with a row in question: nothing to say */
    int contradicts = res.verdict == PCT_BROKEN &&
                      ((c->direction == BR_DIR_INCREASE && res.sign_max < 0) ||
                       (c->direction == BR_DIR_DECREASE && res.sign_min > 0) ||
                       (c->direction == BR_DIR_FLAT));
    char es[BR_DECIMAL_STR_MAX], as[BR_DECIMAL_STR_MAX], ts[BR_DECIMAL_STR_MAX],
        ps[BR_DECIMAL_STR_MAX], cs[BR_DECIMAL_STR_MAX], msg[640];
    const char *cur_name = H->role_name(ch->cur.role[0]), *prev_name = H->role_name(ch->prev.role[0]);
    if (res.verdict == PCT_ROUNDING)
        snprintf(msg, sizeof msg,
                 "%s %% = (%s − %s) / %s of %s %s: %s%% vs %s%% holds only within rounding (±%s)",
                 c->claim_class, cur_name, prev_name, prev_name,
                 H->kind_name(H->table_kind(ch->cur.table)), H->row_key(ch->cur.row),
                 fmt(stated, as), fmt(res.expected, es), fmt(res.tolerance, ts));
    else
        snprintf(msg, sizeof msg,
                 "%s %% = (%s − %s) / %s of %s %s: the narrative states %s%%, the tables give "
                 "%s → %s = %s%%%s",
                 c->claim_class, cur_name, prev_name, prev_name,
                 H->kind_name(H->table_kind(ch->cur.table)), H->row_key(ch->cur.row),
                 fmt(stated, as), fmt(prev, ps), fmt(cur, cs), fmt(res.expected, es),
                 contradicts ? " (the direction word contradicts the tables)" : "");
    br_finding f = {
        .check = CHECK_CHANGES,
        .severity = res.verdict == PCT_ROUNDING ? BR_SEV_INFO : BR_SEV_ERROR,
        .table = "narrative",
        .row = c->label,
        .column = c->claim_class,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | BR_FINDING_TOLERANCE,
        .expected = res.expected,
        .actual = stated,
        .tolerance = res.tolerance,
        .line = c->line,
        .message = msg,
        .cause = contradicts ? "direction" : NULL,
    };
    H->report_add(report, &f);
}

/*
 * A rate whose sentence states its change and amount ("比上年增加 1402.10 万元，
 * 增长 1012.35%") is held against them (narrative.arithmetic); the change
 * itself against the tables: one wrong figure, one finding.
 */
static int rate_of_its_sentence(const br_narrative *n, size_t i)
{
    br_claim_form r = H->narrative_claim_form(n, i);
    if (r.role != BR_CLAIM_RATE || r.of < 0)
        return 0;
    br_claim_form ch = H->narrative_claim_form(n, (size_t)r.of);
    return ch.role == BR_CLAIM_CHANGE && ch.of >= 0;
}

static int changes_check(const br_narrative *n, br_report *report)
{
    const br_disclosure *doc = H->narrative_disclosure(n);
    if (H->doc_table_count(doc) == 0)
        return BR_NOT_APPLICABLE;
    size_t count = H->narrative_claim_count(n);
    for (size_t i = 0; i < count; i++) {
        const br_claim *c = H->narrative_claim_at(n, i);
        if (!c || !c->claim_class)
            continue;
        change_ref ch;
        if (!(is_money(c) || is_percent(c)) || !find_change(doc, c, &ch))
            continue;
        br_claim_base base = H->narrative_claim_form(n, i).compared;
        if (base == BR_BASE_LAST_YEAR_OTHER_STAGE || base == BR_BASE_OTHER_YEAR)
            continue; /* measured from a figure the tables do not print (last year's execution) */
        if (is_money(c))
            change_amount(c, &ch, report);
        else if (!rate_of_its_sentence(n, i))
            change_percent(c, &ch, report);
    }
    return BR_OK;
}

/* ---- narrative.consistency ------------------------------------------------------ */

/* 1 when the balance `id` holds, 0 when it does not, -1 when no table says. */
static int balanced(const br_disclosure *doc, const char *id)
{
    for (size_t k = 0; k < COUNT(balances); k++) {
        const balance_row *B = &balances[k];
        cellref a, b;
        if (!same_str(B->id, id) || !resolve(doc, &B->a, NULL, &a) || !resolve(doc, &B->b, NULL, &b))
            continue;
        br_unit unit = a.unit;
        br_decimal va, vb, ra, rb;
        if (!cells_sum(&a, unit, &va, &ra) || !cells_sum(&b, unit, &vb, &rb))
            continue;
        if (ref_uncertain(&a) || ref_uncertain(&b))
            return -1; /* read with doubt: the tables do not say */
        return H->decimal_cmp(va, vb) == 0;
    }
    return -1;
}

/* The interval the tables allow for the signed figure of claim `c`, in
 * `unit`: its level, or its change.  0 when no table states it. */
static int table_interval(const br_disclosure *doc, const br_claim *c, br_unit unit, interval *out)
{
    for (size_t k = 0; k < COUNT(levels); k++) {
        const level_row *L = &levels[k];
        cellref ref;
        br_decimal s, r;
        if (same_str(L->cls, c->claim_class) && label_ok(c, L->label_has, L->label_not) &&
            resolve(doc, &L->at, c->code, &ref) && !ref_uncertain(&ref) &&
            cells_sum(&ref, unit, &s, &r))
            return around(s, r, out);
    }
    change_ref ch;
    br_decimal d, r;
    if (c->direction != BR_DIR_NONE && find_change(doc, c, &ch) && table_change(&ch, unit, &d, &r))
        return around(d, r, out);
    return 0;
}

/* Round `d` to `scale` decimals, half away from zero (scale < d.scale). */
static br_decimal round_to(br_decimal d, int scale)
{
    int64_t u = d.units;
    for (int s = d.scale; s > scale; s--) {
        int64_t q = u / 10, rem = u % 10;
        if (rem >= 5)
            q++;
        else if (rem <= -5)
            q--;
        u = q;
    }
    return (br_decimal){u, scale};
}

/* Is one of the two printed figures just the other rounded to fewer decimals? */
static int one_rounds_other(br_decimal a, br_decimal b)
{
    if (a.scale == b.scale)
        return 0;
    if (a.scale < b.scale)
        return H->decimal_cmp(round_to(b, a.scale), a) == 0;
    return H->decimal_cmp(round_to(a, b.scale), b) == 0;
}

/* A consistency finding at claim `a` that no identity expresses. */
static void add_claim_finding(br_report *report, const br_claim *a, br_severity sev,
                              br_decimal exp, br_decimal act, const br_decimal *tol,
                              const char *msg, const char *cause)
{
    br_finding f = {
        .check = CHECK_CONSISTENCY,
        .severity = sev,
        .table = "narrative",
        .row = a->label,
        .column = a->claim_class,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | (tol ? BR_FINDING_TOLERANCE : 0),
        .expected = exp,
        .actual = act,
        .tolerance = tol ? *tol : (br_decimal){0, 0},
        .line = a->line,
        .message = msg,
        .cause = cause,
    };
    H->report_add(report, &f);
}

/*
 * Claim `a` (the figure under test) must equal claim `b`, both read with
 * their direction words.  Head counts and vehicles are exact: any difference
 * is a finding of `severity`.  Money and percentages follow the interval
 * rule: broken is a finding of `severity` (cause "direction" when the two
 * direction words differ); holding only through rounding is info when one
 * figure is the other rounded to fewer decimals, and otherwise the two
 * statements contradict each other — a warning when some value rounds to
 * both and to what the tables state, else a finding of `severity`.
 */
static void compare_claims(const br_disclosure *doc, const br_claim *a, const br_claim *b,
                           br_severity severity, const char *what, br_report *report)
{
    int coef = -(dir_sign(a) * dir_sign(b));
    br_term t[2] = {{.claim = a, .coef = 1}, {.claim = b, .coef = coef}};
    br_decimal exp, act, tol;
    int rc = H->identity_eval(t, 2, &exp, &act, &tol);
    if (rc >= 0 && rc != BR_IDENTITY_NOT_CHECKED) {
        H->report_claim_checked(report, a);
        H->report_claim_checked(report, b);
    }
    if (rc == BR_IDENTITY_EXACT || rc == BR_IDENTITY_EMPTY || rc < 0)
        return;
    char es[BR_DECIMAL_STR_MAX], as[BR_DECIMAL_STR_MAX], said_a[96], said_b[96], msg[640];
    if (!is_money(a) && !is_percent(a)) {
        /* counts are exact: 14 人 is not 14 ± 0.5 */
        snprintf(msg, sizeof msg, "%s: %s%s vs %s%s", what, fmt(a->value, as), a->unit,
                 fmt(b->value, es), b->unit ? b->unit : "");
        add_claim_finding(report, a, severity, b->value, a->value, NULL, msg, NULL);
        return;
    }
    int directions_differ = a->direction != b->direction && a->direction != BR_DIR_NONE &&
                            b->direction != BR_DIR_NONE;
    if (rc == BR_IDENTITY_BROKEN && directions_differ) {
        snprintf(msg, sizeof msg, "%s: the narrative states %s here and %s there", what,
                 stated_change(a->direction, a->value, a->unit, said_a, sizeof said_a),
                 stated_change(b->direction, b->value, b->unit, said_b, sizeof said_b));
        add_claim_finding(report, a, severity, exp, act, &tol, msg, "direction");
        return;
    }
    if (rc == BR_IDENTITY_BROKEN) {
        H->report_identity(report, CHECK_CONSISTENCY, severity, t, 2, what);
        return;
    }
    br_unit unit = claim_unit(a);
    br_decimal vb = b->value;
    br_unit ub = claim_unit(b);
    if (unit && ub && unit != ub && H->decimal_convert(vb, ub, unit, &vb) != BR_OK)
        return;
    if (one_rounds_other(a->value, vb)) {
        H->report_identity(report, CHECK_CONSISTENCY, severity, t, 2, what);
        return;
    }
    /* the two statements differ at the same precision: is there a value
     * that rounds to both, and that the tables allow? */
    interval common, ib, it;
    br_decimal sa = dir_sign(a) < 0 ? negate(a->value) : a->value;
    br_decimal sb = dir_sign(b) < 0 ? negate(vb) : vb;
    if (!around(sa, H->decimal_half_ulp(a->value), &common) ||
        !around(sb, H->decimal_half_ulp(vb), &ib))
        return;
    const br_claim *both[2] = {a, b};
    interval parts[3] = {ib};
    size_t np = 1;
    for (size_t i = 0; i < 2 && unit; i++)
        if (table_interval(doc, both[i], unit, &it))
            parts[np++] = it;
    for (size_t i = 0; i < np; i++) {
        if (H->decimal_cmp(parts[i].lo, common.lo) > 0)
            common.lo = parts[i].lo;
        if (H->decimal_cmp(parts[i].hi, common.hi) < 0)
            common.hi = parts[i].hi;
    }
    int reconcilable = H->decimal_cmp(common.lo, common.hi) <= 0;
    if (reconcilable)
        snprintf(msg, sizeof msg,
                 "%s: %s vs %s — the two statements differ, though rounding could reconcile "
                 "both%s",
                 what, fmt(act, as), fmt(exp, es), np > 1 ? " with the tables" : "");
    else
        snprintf(msg, sizeof msg,
                 "%s: %s vs %s — the two statements differ, and no value rounds to both%s", what,
                 fmt(act, as), fmt(exp, es), np > 1 ? " and to the tables" : "");
    add_claim_finding(report, a, reconcilable ? BR_SEV_WARNING : severity, exp, act, &tol, msg,
                      NULL);
}

/* The first claim of class `cls` counting what `kind` counts, or NULL; its
 * index in *at when at is given. */
static const br_claim *first_of(const br_narrative *n, size_t upto, const char *cls,
                                const char *code, const char *kind, int match_code, size_t *at)
{
    for (size_t j = 0; j < upto; j++) {
        const br_claim *c = H->narrative_claim_at(n, j);
        if (c && same_str(c->claim_class, cls) && same_str(unit_kind(c), kind) &&
            (!match_code || (c->code == NULL) == (code == NULL)) &&
            (!match_code || !code || same_str(c->code, code))) {
            if (at)
                *at = j;
            return c;
        }
    }
    return NULL;
}

/* Claims i and j stand in one sentence: two figures of one class there are
 * of two subjects (a breakdown by unit, by year, budget and actual), not one
 * figure stated twice. */
static int one_sentence(const br_narrative *n, size_t i, size_t j)
{
    long si = H->narrative_claim_form(n, i).sentence, sj = H->narrative_claim_form(n, j).sentence;
    return si > 0 && si == sj;
}

static int consistency(const br_narrative *n, br_report *report)
{
    const br_disclosure *doc = H->narrative_disclosure(n);
    size_t count = H->narrative_claim_count(n);
    char what[256];

    /* income and expenditure of a balanced budget */
    for (size_t k = 0; k < COUNT(pairs); k++) {
        const pair_row *P = &pairs[k];
        int bal = -2;
        for (size_t i = 0; i < count; i++) {
            const br_claim *a = H->narrative_claim_at(n, i);
            if (!a || !same_str(a->claim_class, P->tested))
                continue;
            const br_claim *b = first_of(n, count, P->reference, NULL, unit_kind(a), 0, NULL);
            if (!b)
                continue;
            if (bal == -2)
                bal = balanced(doc, P->balance);
            if (bal != 1)
                break;
            snprintf(what, sizeof what, "%s = %s (line %ld; the budget balances)", P->tested,
                     P->reference, b->line);
            compare_claims(doc, a, b, BR_SEV_ERROR, what, report);
        }
    }

    /* one class stated more than once */
    int scope[COUNT(sames) ? COUNT(sames) : 1];
    for (size_t k = 0; k < COUNT(sames); k++)
        scope[k] = -2;
    for (size_t i = 0; i < count; i++) {
        const br_claim *a = H->narrative_claim_at(n, i);
        if (!a || !a->claim_class)
            continue;
        for (size_t k = 0; k < COUNT(sames); k++) {
            const same_row *S = &sames[k];
            if (!same_str(S->cls, a->claim_class))
                continue;
            size_t bi;
            const br_claim *b = first_of(n, i, S->cls, a->code, unit_kind(a), 1, &bi);
            if (!b || one_sentence(n, i, bi))
                break;
            br_severity sev = S->severity;
            if (S->scope && *S->scope) {
                if (scope[k] == -2)
                    scope[k] = balanced(doc, S->scope);
                /* the department's figure and its 一般公共预算 share are two
                 * statements unless the tables show they coincide */
                if (scope[k] != 1)
                    break;
            }
            snprintf(what, sizeof what, "%s%s%s stated twice (first at line %ld)", S->cls,
                     a->code ? " " : "", a->code ? a->code : "", b->line);
            compare_claims(doc, a, b, sev, what, report);
            break;
        }
    }
    return BR_OK;
}

/* ---- the plugin ------------------------------------------------------------------ */

static int narr_init(const br_host *h)
{
    if (!h || h->size < sizeof(br_host))
        return BR_ERR_PLUGIN;
    narr_host = h;
    return BR_OK;
}

static const int narrative_inputs[] = {BR_INPUT_NARRATIVE};

static const br_check_desc checks[] = {
    {
        .size = sizeof(br_check_desc),
        .id = CHECK_TOTALS,
        .title = "Figures stated in the narrative equal the tables",
        .description =
            "Every classified figure of the narrative (收入/支出 totals; 财政拨款 and 一般公共预算 "
            "income and expenditure; per-class expenditure by function code, found by name in a "
            "收支总表 that prints no codes; 基本支出 and 项目支出 of the department, of the "
            "财政拨款 and of the 一般公共预算, each against its own table; 单位预留机动经费; the "
            "\"三公\" total and its parts, 会议费, 培训费; 机关运行经费 where a table states it, "
            "else against the 公用经费 of the basic expenditure table unless the narrative names "
            "a narrower scope (机关 and 参公 units); the 政府采购 total where a blank table counts "
            "as 0; the amount under 绩效目标 management against the 项目支出明细表 — its 年初/当年 "
            "subtotal when the wording says 当年财政拨款, else its total) must equal the table "
            "cell that states the same thing; which table, row and column is data (targets.def). "
            "A claim that holds against any of the tables it could refer to passes; otherwise it "
            "is reported against the first, with the interval rule for rounding. Not applicable "
            "to a narrative published without its tables (join it with them: --join).",
        .severity = BR_SEV_ERROR,
        .inputs = narrative_inputs,
        .n_inputs = 1,
        .fn = (br_check_fn)totals,
    },
    {
        .size = sizeof(br_check_desc),
        .id = CHECK_CHANGES,
        .title = "Year-on-year changes stated in the narrative equal the tables",
        .description =
            "A stated change (\"比上年增加 69.69 万元\", \"与上年持平\", \"下降 2.5%\") is compared "
            "with the change between a table's previous-year and budget-year columns where the "
            "table has both (一般公共预算支出 合计, \"三公\" 合计): increase X means budget − "
            "previous = X, decrease X means previous − budget = X, 持平 means 0. A direction word "
            "the tables contradict is an error with cause \"direction\" even when the magnitude "
            "matches. Percentages are compared with (budget − previous) / previous by exact "
            "interval arithmetic on the printed figures. Changes whose tables have no "
            "previous-year column are not tested, nor a narrative without tables.",
        .severity = BR_SEV_ERROR,
        .inputs = narrative_inputs,
        .n_inputs = 1,
        .fn = (br_check_fn)changes_check,
    },
    {
        .size = sizeof(br_check_desc),
        .id = CHECK_CONSISTENCY,
        .title = "Statements of the narrative agree with each other",
        .description =
            "When the tables show a balanced budget, the stated income and expenditure totals "
            "(and their year-on-year changes, overall and for the 一般公共预算) must be equal; and "
            "a figure stated twice (the same class and function code: totals, changes, "
            "\"三公\" parts, head counts, vehicles) must be stated with one value. Two statements "
            "that differ although rounding could reconcile both with the tables are a warning, "
            "otherwise an error; head counts and vehicles are warnings. 基本/项目支出 (and their "
            "changes, and per-class figures) stated for both the department and its 一般公共预算 "
            "share are compared only when the tables show the two coincide — otherwise they are "
            "different statements; their changes are not compared (the previous year's scopes "
            "are not in the tables). Every comparison stays within one scope: all funds, "
            "财政拨款, 一般公共预算 or 政府性基金.",
        .severity = BR_SEV_ERROR,
        .inputs = narrative_inputs,
        .n_inputs = 1,
        .fn = (br_check_fn)consistency,
    },
    {
        .size = sizeof(br_check_desc),
        .id = CHECK_SLIPS,
        .title = "A figure stated for one table item is not that item's figure misprinted",
        .description =
            "A figure the narrative states for one item of the expenditure or basic expenditure "
            "tables, by its name (\"职业年金缴费支出 654.21 万元\"; a 项 under the 款 it names: "
            "\"…事务（款）行政运行（项）支出 6106.99 万元\"), is found in those tables by name. "
            "The table's figure, in the narrative's unit and at its decimals, is the stated one: "
            "checked. Otherwise, as the figure may be of another scope or year, only a difference "
            "that a printing slip explains is reported, as an error with its cause: a power of ten "
            "(decimal_shift), 元 for 万元 or the reverse (unit_slip), two adjacent digits swapped "
            "(transposed_digits), one digit added or lost (digit_slip). A name several rows carry "
            "with different figures is not judged.",
        .severity = BR_SEV_ERROR,
        .inputs = narrative_inputs,
        .n_inputs = 1,
        .fn = (br_check_fn)narr_slips,
    },
    {
        .size = sizeof(br_check_desc),
        .id = CHECK_ARITHMETIC,
        .title = "Amount, change and rate of one sentence agree",
        .description =
            "A sentence that states an amount, its change and the rate of that change "
            "(\"单位预留机动经费 1,540.60 万元，比上年增加 1,402.10 万元，增长 1012.35%\") must "
            "agree with itself: rate = change / (amount − change), 持平 = a change of 0; and in "
            "final accounts a completion rate (\"年初预算为 452.40 万元，支出决算为 446.11 万元，"
            "完成年初预算的 98.61%\") is actual / budget. No table is needed. Percentages are "
            "compared by exact interval arithmetic on the printed figures; a rate that holds "
            "only if it was cut rather than rounded is info; one that holds at ten times or a "
            "tenth of itself is an error with cause decimal_shift; when the change and the rate "
            "give an amount the stated one is a slip of (a power of ten, two digits swapped), "
            "the error is at the amount, with that cause. The message gives the change "
            "that the amount and the rate imply. An increase larger than the amount it led to "
            "(last year's figure would be negative: \"政府性基金拨款支出预算 0 万元，比 2022 年预算"
            "增加 1421.25 万元\", often a sentence copied onto another subject) is an error too.",
        .severity = BR_SEV_ERROR,
        .inputs = narrative_inputs,
        .n_inputs = 1,
        .fn = (br_check_fn)narr_arithmetic,
    },
    {
        .size = sizeof(br_check_desc),
        .id = CHECK_SHARES,
        .title = "Shares stated in the narrative are part / whole and add up to 100",
        .description =
            "A share (\"基本支出 5377.64 万元，占 55.10%\") is its part over its whole: the "
            "whole it names (\"占本年支出合计的 99.86%\": the narrative's one figure of that "
            "class), else the amount its breakdown follows (\"本年支出合计 9759.38 万元，其中："
            "…\"). The shares of a breakdown add up to 100 within the rounding of the printed "
            "shares when its parts add up to the whole, and never to more. Exact interval "
            "arithmetic; a share that holds only if cut rather than rounded is info.",
        .severity = BR_SEV_ERROR,
        .inputs = narrative_inputs,
        .n_inputs = 1,
        .fn = (br_check_fn)narr_shares,
    },
    {
        .size = sizeof(br_check_desc),
        .id = CHECK_DIRECTION,
        .title = "Direction words agree with the figures they describe",
        .description =
            "In final accounts, \"决算数大于/小于/等于(同…持平)预算数\" must match the actual "
            "and the budget the paragraph states (\"年初预算为 452.40 万元，支出决算为 446.11 万元"
            "\": 小于); and in any sentence a rate's direction word must match its change's "
            "(\"增加 100 万元，下降 5%\" contradicts itself). Errors with cause \"direction\", "
            "at the line of the words.",
        .severity = BR_SEV_ERROR,
        .inputs = narrative_inputs,
        .n_inputs = 1,
        .fn = (br_check_fn)narr_direction,
    },
};

static const br_plugin_desc descriptor = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "narrative",
    .version = "0.1.0",
    .description = "The narrative's stated figures against the tables and each other",
    .init = narr_init,
    .checks = checks,
    .n_checks = COUNT(checks),
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &descriptor; }
