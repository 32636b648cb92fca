/*
 * two_sided.c — tables.two_sided: the panels of the two-sided tables
 * (summary 部门收支总表, fiscal_summary 财政拨款收支总表).
 *
 * Each side is read as a sequence of rows in printed order, classified by
 * labels.def: structural rows (YEAR 本年收入, CARRY 上年结转, GRAND 收入总计)
 * and items.  A YEAR row owns the items printed before it when there are
 * some (a closing 本年收入合计), else the items after it up to the next
 * structural row (an opening 一、本年收入); a CARRY row owns the items after
 * it.  A GROUP row (财政拨款) owns the funding-source items right under it.
 * Then, per money column:
 *
 *   YEAR  = Σ its items (expenditure: the class rows; and the items by use
 *           when printed, as a second breakdown)
 *   CARRY = Σ its items, GROUP = Σ its items (when it has some)
 *   GRAND = YEAR + the carry-overs and other top-level rows before it
 *           (without a YEAR row: Σ the top-level items and carry-overs)
 *   支出总计 = 收入总计, and in tables with funding-source columns each
 *   source's income rows = that column of 支出总计.
 *
 * A third panel (side `use`, Jiangsu 收支预算总表: 基本支出 / 项目支出 / 单位
 * 预留机动经费 beside the classes) breaks the same expenditure down again:
 * Σ its rows = the expenditure side's YEAR row (its GRAND without one),
 * checked on its own so that neither breakdown is counted into the other.
 * An expenditure side printed by use only (财政拨款收支预算总表: 基本支出 …
 * 支出合计) adds its USE rows up to its GRAND.
 *
 * A side with two YEAR rows, or grand rows the vocabulary cannot tell apart,
 * is skipped rather than guessed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tables.h"

#define CHECK_ID "tables.two_sided"
#define MAX_COLS BR_ROLE__COUNT

typedef enum ts_class {
    TS_ITEM = 0,
    TS_YEAR,
    TS_CARRY,
    TS_GRAND,
    TS_GROUP,
    TS_USE,
    TS_USE_SUB,
    TS_OF_WHICH
} ts_class;

static const struct {
    br_side side;
    ts_class cls;
    tb_match match;
    const char *word;
    br_role role;
} vocab[] = {
#define TS_LABEL(side, cls, match, word, role)                                                 \
    {BR_SIDE_##side, TS_##cls, TB_##match, word, BR_ROLE_##role},
#include "labels.def"
#undef TS_LABEL
};

typedef struct ts_node {
    const br_row *row;
    ts_class cls;
    br_role src;  /* funding source of an income item, else NONE */
    long owner;   /* index of the YEAR/CARRY row owning it, or -1 */
    long group;   /* index of the GROUP row it is under, or -1 */
} ts_node;

static void classify(ts_node *nd, br_side side)
{
    char key[TB_KEY_MAX];
    nd->cls = TS_ITEM;
    nd->src = BR_ROLE_NONE;
    nd->owner = nd->group = -1;
    if (!tb_label_key(tb_host->row_label(nd->row), key, sizeof key))
        return;
    for (size_t i = 0; i < sizeof vocab / sizeof *vocab; i++)
        if (vocab[i].side == side && tb_key_matches(key, vocab[i].match, vocab[i].word)) {
            nd->cls = vocab[i].cls;
            nd->src = vocab[i].role;
            return;
        }
}

static int structural(ts_class c) { return c == TS_YEAR || c == TS_CARRY || c == TS_GRAND; }

/* What one side of the table is made of. */
typedef struct side_info {
    br_side side;
    ts_node *v;
    size_t n;
    long year, grand; /* indices, or -1 */
    int usable;
    int by_use; /* its items are all USE rows (an expenditure side by use only) */
} side_info;

/* Classify the side's rows and settle who owns which. */
static void structure(side_info *s)
{
    long years = 0, grands = 0, last_grand = -1, first_grand = -1;
    s->year = s->grand = -1;
    s->usable = 1;
    for (size_t i = 0; i < s->n; i++) {
        classify(&s->v[i], s->side);
        if (s->v[i].cls == TS_YEAR) {
            years++;
            s->year = (long)i;
        } else if (s->v[i].cls == TS_GRAND) {
            if (first_grand < 0)
                first_grand = (long)i;
            last_grand = (long)i;
            grands++;
        }
    }
    /* 收入合计 then 收入总计: the first is this year's total when no row
     * says so; more than that cannot be told apart */
    if (grands == 2 && years == 0) {
        s->v[first_grand].cls = TS_YEAR;
        s->year = first_grand;
        years = 1;
    } else if (grands > 1) {
        s->usable = 0;
    }
    if (years > 1)
        s->usable = 0;
    s->grand = last_grand;
    if (!s->usable)
        return;
    int items = 0, uses = 0;
    for (size_t i = 0; i < s->n; i++) {
        items += s->v[i].cls == TS_ITEM || s->v[i].cls == TS_GROUP;
        uses += s->v[i].cls == TS_USE;
    }
    s->by_use = uses > 0 && items == 0;

    /* ownership, structural rows left to right */
    long prev = -1;
    for (size_t i = 0; i < s->n; i++) {
        ts_class c = s->v[i].cls;
        if (!structural(c))
            continue;
        size_t next = i + 1;
        while (next < s->n && !structural(s->v[next].cls))
            next++;
        int before = 0;
        if (c == TS_YEAR)
            for (long j = prev + 1; j < (long)i; j++)
                before |= s->v[j].owner < 0;
        if (before) { /* a closing 本年收入合计 */
            for (long j = prev + 1; j < (long)i; j++)
                if (s->v[j].owner < 0)
                    s->v[j].owner = (long)i;
        } else if (c == TS_YEAR || c == TS_CARRY) { /* an opening 一、本年收入 */
            for (size_t j = i + 1; j < next; j++)
                s->v[j].owner = (long)i;
        }
        prev = (long)i;
    }

    /* groups: a 财政拨款 row owns the funding-source items right under it */
    for (size_t i = 0; i < s->n; i++) {
        if (s->v[i].cls != TS_GROUP)
            continue;
        for (size_t j = i + 1; j < s->n && s->v[j].cls == TS_ITEM &&
                               s->v[j].src != BR_ROLE_NONE && s->v[j].owner == s->v[i].owner;
             j++)
            s->v[j].group = (long)i;
    }
}

/* A code that is not a class (款/项) is a detail of a class row. */
static int is_class_row(const br_row *r)
{
    const char *code = tb_host->row_code(r);
    return !code || tb_host->code_level(code) <= 1;
}

/* Parts of a total: its items (income sources, expenditure classes; a group
 * counts whole, its members do not), or the expenditure items by use. */
typedef enum { PARTS_ITEMS, PARTS_USES } parts_kind;

/* Whether item j counts as a part of owner/group `o` under `kind`. */
static int is_part(const side_info *s, size_t j, long o, int of_group, parts_kind kind)
{
    const ts_node *nd = &s->v[j];
    if (of_group)
        return nd->group == o;
    if (nd->owner != o || nd->group >= 0 || structural(nd->cls))
        return 0;
    switch (kind) {
    case PARTS_ITEMS:
        return (nd->cls == TS_ITEM || nd->cls == TS_GROUP) && is_class_row(nd->row);
    case PARTS_USES: return nd->cls == TS_USE;
    }
    return 0;
}

/* total = Σ the parts of o, one identity per money column. */
static int sum_parts(br_report *report, const br_table *t, const size_t *cols, size_t ncols,
                     const side_info *s, long o, int of_group, parts_kind kind, tb_terms *terms)
{
    size_t count = 0;
    for (size_t j = 0; j < s->n; j++)
        count += is_part(s, j, o, of_group, kind);
    if (count == 0)
        return BR_OK;
    const br_row *total = s->v[o].row;
    for (size_t c = 0; c < ncols; c++) {
        tb_what what;
        tb_what_start(&what, t, cols[c], total, kind == PARTS_USES ? " = Σ by use:" : " = Σ");
        terms->n = 0;
        int rc = tb_terms_push(terms, total, cols[c], 1);
        for (size_t j = 0; rc == BR_OK && j < s->n; j++)
            if (is_part(s, j, o, of_group, kind)) {
                rc = tb_terms_push(terms, s->v[j].row, cols[c], -1);
                tb_what_part(&what, tb_host->row_key(s->v[j].row));
            }
        if (rc == BR_OK)
            rc = tb_report(report, CHECK_ID, terms, &what);
        if (rc != BR_OK)
            return rc;
    }
    return BR_OK;
}

/* A row printed before the grand total that is one of its parts: YEAR, a
 * carry-over, or an item that no YEAR, carry-over or group owns (on a side
 * by use only, its USE rows). */
static int grand_part(const side_info *s, const ts_node *nd)
{
    int item = nd->cls == TS_ITEM || nd->cls == TS_GROUP || (s->by_use && nd->cls == TS_USE);
    return nd->cls == TS_YEAR || nd->cls == TS_CARRY ||
           (item && nd->owner < 0 && nd->group < 0 && is_class_row(nd->row));
}

/* GRAND = YEAR + the carry-overs and unowned items printed before it (with
 * no YEAR row: the items themselves, 收入总计 = Σ the income items). */
static int grand_total(br_report *report, const br_table *t, const size_t *cols, size_t ncols,
                       const side_info *s, tb_terms *terms)
{
    if (s->grand < 0 || s->year > s->grand)
        return BR_OK;
    size_t parts = 0;
    for (long j = 0; j < s->grand; j++)
        parts += grand_part(s, &s->v[j]);
    if (parts == 0)
        return BR_OK;
    for (size_t c = 0; c < ncols; c++) {
        tb_what what;
        tb_what_start(&what, t, cols[c], s->v[s->grand].row, " =");
        terms->n = 0;
        int rc = tb_terms_push(terms, s->v[s->grand].row, cols[c], 1);
        for (long j = 0; rc == BR_OK && j < s->grand; j++) {
            const ts_node *nd = &s->v[j];
            if (!grand_part(s, nd))
                continue;
            rc = tb_terms_push(terms, nd->row, cols[c], -1);
            tb_what_part(&what, tb_host->row_key(nd->row));
        }
        if (rc == BR_OK)
            rc = tb_report(report, CHECK_ID, terms, &what);
        if (rc != BR_OK)
            return rc;
    }
    return BR_OK;
}

static int one_side(br_report *report, const br_table *t, const size_t *cols, size_t ncols,
                    side_info *s, tb_terms *terms)
{
    structure(s);
    if (!s->usable)
        return BR_OK;
    int rc = BR_OK;
    for (size_t i = 0; rc == BR_OK && i < s->n; i++) {
        switch (s->v[i].cls) {
        case TS_YEAR:
            rc = sum_parts(report, t, cols, ncols, s, (long)i, 0, PARTS_ITEMS, terms);
            if (rc == BR_OK) /* a second breakdown, when printed (only expenditure has USE rows) */
                rc = sum_parts(report, t, cols, ncols, s, (long)i, 0, PARTS_USES, terms);
            break;
        case TS_CARRY:
            rc = sum_parts(report, t, cols, ncols, s, (long)i, 0, PARTS_ITEMS, terms);
            break;
        case TS_GROUP:
            rc = sum_parts(report, t, cols, ncols, s, (long)i, 1, PARTS_ITEMS, terms);
            break;
        default: break;
        }
    }
    if (rc == BR_OK)
        rc = grand_total(report, t, cols, ncols, s, terms);
    return rc;
}

/* ---- the panel by use ------------------------------------------------------------ */

/* Σ the rows of the use panel = the expenditure side's YEAR row, else its
 * GRAND (one identity per money column). */
static int use_panel(br_report *report, const br_table *t, const size_t *cols, size_t ncols,
                     const side_info *out, const side_info *use, tb_terms *terms)
{
    if (use->n == 0 || !out->usable)
        return BR_OK;
    long to = out->year >= 0 ? out->year : out->grand;
    if (to < 0)
        return BR_OK;
    const br_row *total = out->v[to].row;
    for (size_t c = 0; c < ncols; c++) {
        tb_what what;
        tb_what_start(&what, t, cols[c], total, " = Σ by use:");
        terms->n = 0;
        int rc = tb_terms_push(terms, total, cols[c], 1);
        for (size_t j = 0; rc == BR_OK && j < use->n; j++) {
            if (use->v[j].cls != TS_USE && use->v[j].cls != TS_ITEM)
                continue; /* a 人员经费 under 基本支出, a 其中 */
            rc = tb_terms_push(terms, use->v[j].row, cols[c], -1);
            tb_what_part(&what, tb_host->row_key(use->v[j].row));
        }
        if (rc == BR_OK)
            rc = tb_report(report, CHECK_ID, terms, &what);
        if (rc != BR_OK)
            return rc;
    }
    return BR_OK;
}

/* ---- the two sides balance ------------------------------------------------------ */

static int balance(br_report *report, const br_table *t, const side_info *in,
                   const side_info *out, tb_terms *terms)
{
    if (!in->usable || !out->usable || in->grand < 0 || out->grand < 0)
        return BR_OK;
    int in_col = tb_host->table_find_column(t, BR_ROLE_AMOUNT);
    if (in_col < 0)
        in_col = tb_host->table_find_column(t, BR_ROLE_TOTAL);
    int out_col = tb_host->table_find_column(t, BR_ROLE_TOTAL);
    if (out_col < 0)
        out_col = tb_host->table_find_column(t, BR_ROLE_AMOUNT);
    if (in_col < 0 || out_col < 0)
        return BR_OK;
    const br_row *g_in = in->v[in->grand].row, *g_out = out->v[out->grand].row;
    tb_what what;
    tb_what_start(&what, t, (size_t)out_col, g_out, " =");
    tb_what_part(&what, tb_host->row_key(g_in));
    if (in_col != out_col) {
        tb_what_text(&what, " (");
        tb_what_text(&what, tb_host->role_name(tb_host->table_column_role(t, (size_t)in_col)));
        tb_what_text(&what, ")");
    }
    terms->n = 0;
    int rc = tb_terms_push(terms, g_out, (size_t)out_col, 1);
    if (rc == BR_OK)
        rc = tb_terms_push(terms, g_in, (size_t)in_col, -1);
    if (rc == BR_OK)
        rc = tb_report(report, CHECK_ID, terms, &what);
    if (rc != BR_OK || in_col == out_col)
        return rc;

    /* per funding source: Σ that source's income rows = its column of the
     * expenditure grand total — only when every income figure outside the
     * structural rows has a source, and no carry-over is printed whole */
    for (size_t i = 0; i < in->n; i++) {
        const ts_node *nd = &in->v[i];
        int figure = tb_has_value(nd->row, (size_t)in_col);
        if (!figure)
            continue;
        if (nd->cls == TS_ITEM && nd->src == BR_ROLE_NONE)
            return BR_OK;
        if (nd->cls == TS_CARRY) {
            int items = 0;
            for (size_t j = 0; j < in->n; j++)
                items |= in->v[j].owner == (long)i;
            if (!items)
                return BR_OK;
        }
    }
    static const br_role sources[] = {BR_ROLE_GPB, BR_ROLE_GOV_FUND, BR_ROLE_SOC_CAPITAL};
    for (size_t k = 0; k < sizeof sources / sizeof *sources; k++) {
        int col = tb_host->table_find_column(t, sources[k]);
        if (col < 0)
            continue;
        tb_what_start(&what, t, (size_t)col, g_out, " = Σ income");
        terms->n = 0;
        rc = tb_terms_push(terms, g_out, (size_t)col, 1);
        for (size_t i = 0; rc == BR_OK && i < in->n; i++)
            if (in->v[i].cls == TS_ITEM && in->v[i].src == sources[k]) {
                rc = tb_terms_push(terms, in->v[i].row, (size_t)in_col, -1);
                tb_what_part(&what, tb_host->row_key(in->v[i].row));
            }
        if (rc == BR_OK)
            rc = tb_report(report, CHECK_ID, terms, &what);
        if (rc != BR_OK)
            return rc;
    }
    return BR_OK;
}

/* ---- the check --------------------------------------------------------------- */

static int one_table(br_report *report, const br_table *t, tb_terms *terms)
{
    size_t cols[MAX_COLS];
    size_t ncols = tb_money_columns(t, cols, MAX_COLS);
    size_t nrows = tb_host->table_row_count(t);
    if (ncols == 0 || nrows == 0)
        return BR_OK;
    ts_node local[128], *v = nrows <= 128 ? local : malloc(nrows * sizeof *v);
    if (!v)
        return BR_ERR_NOMEM;
    side_info in = {.side = BR_SIDE_INCOME, .v = v}, out = {.side = BR_SIDE_EXPENDITURE},
              use = {.side = BR_SIDE_USE};
    for (size_t i = 0; i < nrows; i++) {
        const br_row *r = tb_host->table_row_at(t, i);
        if (tb_host->row_side(r) == BR_SIDE_INCOME)
            v[in.n++].row = r;
    }
    out.v = v + in.n;
    for (size_t i = 0; i < nrows; i++) {
        const br_row *r = tb_host->table_row_at(t, i);
        if (tb_host->row_side(r) == BR_SIDE_EXPENDITURE)
            out.v[out.n++].row = r;
    }
    use.v = out.v + out.n;
    for (size_t i = 0; i < nrows; i++) {
        const br_row *r = tb_host->table_row_at(t, i);
        if (tb_host->row_side(r) == BR_SIDE_USE)
            use.v[use.n++].row = r;
    }
    for (size_t i = 0; i < use.n; i++) /* by the expenditure side's words */
        classify(&use.v[i], BR_SIDE_EXPENDITURE);
    int rc = one_side(report, t, cols, ncols, &in, terms);
    if (rc == BR_OK)
        rc = one_side(report, t, cols, ncols, &out, terms);
    if (rc == BR_OK)
        rc = use_panel(report, t, cols, ncols, &out, &use, terms);
    if (rc == BR_OK)
        rc = balance(report, t, &in, &out, terms);
    if (v != local)
        free(v);
    return rc;
}

int tb_two_sided(const br_disclosure *doc, br_report *report)
{
    tb_terms terms;
    tb_terms_init(&terms);
    int rc = BR_OK;
    for (size_t i = 0; rc == BR_OK && i < tb_host->doc_table_count(doc); i++) {
        const br_table *t = tb_host->doc_table_at(doc, i);
        br_kind k = tb_host->table_kind(t);
        if (k == BR_KIND_SUMMARY || k == BR_KIND_FISCAL_SUMMARY)
            rc = one_table(report, t, &terms);
    }
    tb_terms_free(&terms);
    return rc;
}
