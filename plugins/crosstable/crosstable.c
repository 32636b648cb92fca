/*
 * crosstable.c — figures the standard tables repeat must agree.
 *
 * The identities are data (crosstable.def): each says that one figure
 * (table kind, row selector, column role) equals another.  This file only
 * interprets them: it finds the tables and rows, builds the two-term
 * identity and hands it to host->report_identity, which applies the
 * interval-rounding rule, diagnoses the cause and records the terms.  The
 * one identity that is not a row of the .def — a 项目绩效目标表's 资金总额
 * against its row of the 项目支出明细表 — needs a match by project name and
 * is coded below (performance_projects).
 *
 * Cost: per check run, each table used gets at most one small index (class
 * rows by code slot, coded rows sorted by code), so matching a selector is a
 * lookup, not a scan per row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <budgetrec/plugin.h>

static const br_host *host;

/* ---- the data ------------------------------------------------------------ */

typedef enum ct_sel_type {
    CT_SEL_CODE = 1,
    CT_SEL_LABEL,
    CT_SEL_EACH_CLASS,
    CT_SEL_EACH_SUBJECT,
    CT_SEL_EACH_ECONOMIC
} ct_sel_type;

typedef struct ct_sel {
    ct_sel_type type;
    br_side side;
    const char *text; /* the code, or '|'-separated labels */
    const char *names; /* CODE_NAMED: the labels the code's row must have, or NULL */
} ct_sel;

typedef enum ct_when {
    CT_ALWAYS = 0,
    CT_GPB_ONLY,
    CT_NO_BALANCES,
    CT_FISCAL_GPB, /* the fiscal appropriation is the general public budget alone */
    CT_ALL_FISCAL, /* the department's income is its fiscal appropriation alone */
    CT_AT_LEAST    /* A may exceed B (it covers more): only A < B is reported */
} ct_when;

typedef struct ct_identity {
    int check; /* CT_CHECK_* */
    ct_when when;
    br_kind kind[2];
    ct_sel sel[2];
    br_role role[2];
} ct_identity;

enum {
#define CT_CHECK(name, ...) CT_CHECK_##name,
#define CT_CHECK1(name, ...) CT_CHECK_##name,
#define CT_CHECK2(name, ...) CT_CHECK_##name,
#include "crosstable.def"
#undef CT_CHECK
#undef CT_CHECK1
#undef CT_CHECK2
    CT_CHECK__COUNT
};

static const char *const check_ids[] = {
#define CT_CHECK(name, ...) "crosstable." #name,
#define CT_CHECK1(name, ...) "crosstable." #name,
#define CT_CHECK2(name, ...) "crosstable." #name,
#include "crosstable.def"
#undef CT_CHECK
#undef CT_CHECK1
#undef CT_CHECK2
};

static const br_severity check_severity[] = {
#define CT_CHECK(name, sev, ...) BR_SEV_##sev,
#define CT_CHECK1(name, sev, ...) BR_SEV_##sev,
#define CT_CHECK2(name, sev, ...) BR_SEV_##sev,
#include "crosstable.def"
#undef CT_CHECK
#undef CT_CHECK1
#undef CT_CHECK2
};

#define CODE(c) {CT_SEL_CODE, BR_SIDE_NONE, c, NULL}
#define CODE_NAMED(c, names) {CT_SEL_CODE, BR_SIDE_NONE, c, names}
#define LABEL(side, labels) {CT_SEL_LABEL, BR_SIDE_##side, labels, NULL}
#define TOTAL_ROW LABEL(NONE, "合计|总计")
#define FOR_EACH_CLASS(side) {CT_SEL_EACH_CLASS, BR_SIDE_##side, NULL, NULL}
#define FOR_EACH_SUBJECT {CT_SEL_EACH_SUBJECT, BR_SIDE_NONE, NULL, NULL}
#define FOR_EACH_ECONOMIC {CT_SEL_EACH_ECONOMIC, BR_SIDE_NONE, NULL, NULL}
static const ct_identity identities[] = {
#define CT_IDENTITY(check, when, ka, sa, ra, kb, sb, rb) \
    {CT_CHECK_##check, CT_##when, {BR_KIND_##ka, BR_KIND_##kb}, {sa, sb}, \
     {BR_ROLE_##ra, BR_ROLE_##rb}},
#include "crosstable.def"
#undef CT_IDENTITY
};
#undef CODE
#undef CODE_NAMED
#undef LABEL
#undef TOTAL_ROW
#undef FOR_EACH_CLASS
#undef FOR_EACH_SUBJECT
#undef FOR_EACH_ECONOMIC

typedef struct ct_class {
    int slot; /* code − 200 */
    const char *name;
} ct_class;

static const ct_class classes[] = {
#define CT_CLASS(code, name) {(code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0') - 200, name},
#include "classes.def"
#undef CT_CLASS
};

#define CT_NCLASS 100 /* class codes 200 … 299 */

/* ---- labels -------------------------------------------------------------- */

/* Copy `s` (of `len` bytes) without ASCII white space; returns the length. */
static size_t squeeze(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            out[n++] = s[i];
    out[n] = '\0';
    return n;
}

/* Does `label` equal one of the '|'-separated `alternatives` (spaces aside)? */
static int label_is(const char *label, const char *alternatives)
{
    char a[256], b[256];
    if (!label)
        return 0;
    size_t na = squeeze(label, strlen(label), a, sizeof a);
    for (const char *p = alternatives; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        size_t nb = squeeze(p, len, b, sizeof b);
        if (na == nb && memcmp(a, b, na) == 0)
            return 1;
        p += len + (bar ? 1 : 0);
    }
    return 0;
}

static const char zhichu[] = "支出";

/* Length of `s` without a trailing 支出. */
static size_t without_zhichu(const char *s, size_t n)
{
    size_t k = sizeof zhichu - 1;
    return n > k && memcmp(s + n - k, zhichu, k) == 0 ? n - k : n;
}

#define CT_NCLASSNAMES (sizeof classes / sizeof classes[0])
#define CT_KEY_MAX 128

/* The class names as compared: without spaces and trailing 支出 (ct_init). */
static char class_key[CT_NCLASSNAMES][CT_KEY_MAX];
static size_t class_key_len[CT_NCLASSNAMES];

static void class_keys_init(void)
{
    for (size_t i = 0; i < CT_NCLASSNAMES; i++) {
        size_t n = squeeze(classes[i].name, strlen(classes[i].name), class_key[i], CT_KEY_MAX);
        class_key_len[i] = without_zhichu(class_key[i], n);
    }
}

/* The class slot a label names (classes.def), or -1. */
static int class_of_label(const char *label)
{
    char a[CT_KEY_MAX * 2];
    if (!label || !*label)
        return -1;
    size_t na = squeeze(label, strlen(label), a, sizeof a);
    na = without_zhichu(a, na);
    for (size_t i = 0; i < CT_NCLASSNAMES; i++)
        if (na == class_key_len[i] && memcmp(a, class_key[i], na) == 0)
            return classes[i].slot;
    return -1;
}

/* ---- per-run indexes ----------------------------------------------------- */

typedef struct ct_coded {
    const char *code;
    const br_row *row;
} ct_coded;

/* The rows of one code system (functional or economic), sorted by code. */
typedef struct ct_coded_rows {
    int built;
    ct_coded *v;
    size_t n;
} ct_coded_rows;

typedef struct ct_index {
    const br_table *table;
    int classes_built;
    const br_row *cls[3][CT_NCLASS]; /* first class row per side and slot */
    ct_coded_rows coded[3];          /* by CT_CODE_FUNCTIONAL / CT_CODE_ECONOMIC */
} ct_index;

typedef struct ct_run {
    const br_disclosure *doc;
    br_report *report;
    ct_index idx[BR_KIND__COUNT];
    int gpb_only; /* -1 not yet known */
    int balances; /* -1 not yet known */
    int fiscal_gpb; /* -1 not yet known */
    int all_fiscal; /* -1 not yet known */
} ct_run;

#define CT_CODE_FUNCTIONAL 1 /* br_code_system: BR_CODE_FUNCTIONAL */
#define CT_CODE_ECONOMIC 2   /* br_code_system: BR_CODE_ECONOMIC */

static int is_functional(const char *code)
{
    return code && host->code_system_of(code) == CT_CODE_FUNCTIONAL;
}

static int class_slot_of_row(const br_row *r)
{
    const char *code = host->row_code(r);
    if (code) {
        if (is_functional(code) && host->code_level(code) == 1)
            return (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0') - 200;
        return -1;
    }
    return class_of_label(host->row_label(r));
}

static void build_classes(ct_index *x)
{
    x->classes_built = 1;
    for (size_t i = 0; i < host->table_row_count(x->table); i++) {
        const br_row *r = host->table_row_at(x->table, i);
        int slot = class_slot_of_row(r);
        br_side side = host->row_side(r);
        if (slot < 0 || slot >= CT_NCLASS || (unsigned)side > 2 || x->cls[side][slot])
            continue;
        x->cls[side][slot] = r;
    }
}

static int coded_cmp(const void *a, const void *b)
{
    return strcmp(((const ct_coded *)a)->code, ((const ct_coded *)b)->code);
}

/* The rows of x's table coded in `system`, sorted by code (built once). */
static int build_coded(const ct_index *x, int system, ct_coded_rows *out)
{
    out->built = 1;
    size_t n = host->table_row_count(x->table), k = 0;
    if (n == 0)
        return BR_OK;
    out->v = malloc(n * sizeof *out->v);
    if (!out->v)
        return BR_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const br_row *r = host->table_row_at(x->table, i);
        const char *code = host->row_code(r);
        if (code && host->code_system_of(code) == system)
            out->v[k++] = (ct_coded){code, r};
    }
    out->n = k;
    qsort(out->v, k, sizeof *out->v, coded_cmp);
    return BR_OK;
}

/* The row coded `code`; of equal codes (a table repeated over pages) the
 * earliest printed. */
static const br_row *find_coded(const ct_coded_rows *x, const char *code)
{
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(x->v[mid].code, code) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const br_row *best = NULL;
    for (size_t i = lo; i < x->n && strcmp(x->v[i].code, code) == 0; i++)
        if (!best || host->row_line(x->v[i].row) < host->row_line(best))
            best = x->v[i].row;
    return best;
}

/* The class row of `slot` on `side` (NONE: any side, the earliest printed). */
static const br_row *class_row(const ct_index *x, br_side side, int slot)
{
    if (side != BR_SIDE_NONE)
        return x->cls[side][slot];
    const br_row *best = NULL;
    for (int s = 0; s < 3; s++)
        if (x->cls[s][slot] && (!best || host->row_line(x->cls[s][slot]) < host->row_line(best)))
            best = x->cls[s][slot];
    return best;
}

static ct_index *table_index(ct_run *run, br_kind kind)
{
    if (kind <= BR_KIND_UNKNOWN || kind >= BR_KIND__COUNT)
        return NULL;
    ct_index *x = &run->idx[kind];
    if (!x->table)
        x->table = host->doc_find_table(run->doc, kind);
    return x->table ? x : NULL;
}

static void run_free(ct_run *run)
{
    for (size_t k = 0; k < BR_KIND__COUNT; k++) {
        for (int c = 0; c < 3; c++)
            free(run->idx[k].coded[c].v);
    }
}

/* The first row on `side` whose label is one of `labels`. */
static const br_row *find_label(const br_table *t, br_side side, const char *labels)
{
    for (size_t i = 0; i < host->table_row_count(t); i++) {
        const br_row *r = host->table_row_at(t, i);
        if ((side == BR_SIDE_NONE || host->row_side(r) == side) &&
            label_is(host->row_label(r), labels))
            return r;
    }
    return NULL;
}

static const br_row *find_single(const br_table *t, const ct_sel *s)
{
    if (s->type == CT_SEL_CODE) {
        const br_row *r = host->table_find_row(t, s->text);
        /* a document numbering its subjects its own way ("302 12 机关事业单位
         * 退休人员活动费") has no row for the subject meant */
        if (r && s->names && !label_is(host->row_label(r), s->names))
            return NULL;
        return r && (s->side == BR_SIDE_NONE || host->row_side(r) == s->side) ? r : NULL;
    }
    return find_label(t, s->side, s->text);
}

/*
 * Is the department funded by the general public budget alone?  Read from
 * the income table's 合计 row: a gpb figure, and no other source printed
 * with a non-zero figure.  Unknown (no income table, no 合计) counts as no.
 */
static int gpb_only(ct_run *run)
{
    if (run->gpb_only >= 0)
        return run->gpb_only;
    run->gpb_only = 0;
    ct_index *x = table_index(run, BR_KIND_INCOME);
    const br_row *r = x ? find_label(x->table, BR_SIDE_NONE, "合计|总计") : NULL;
    if (!r)
        return 0;
    int has_gpb = 0;
    for (size_t c = 0; c < host->table_column_count(x->table); c++) {
        const br_cell *cell = host->row_cell(r, c);
        if (!cell || !(cell->flags & BR_CELL_PRESENT) || (cell->flags & BR_CELL_TEXT) ||
            cell->value.units == 0)
            continue;
        br_role role = host->table_column_role(x->table, c);
        if (role == BR_ROLE_GPB)
            has_gpb = 1;
        else if (role != BR_ROLE_TOTAL)
            return 0;
    }
    run->gpb_only = has_gpb;
    return has_gpb;
}

/* The 收支总表 shows balances brought in or carried out (a final account's
 * 年初结转和结余 / 年末结转和结余 with a figure other than zero): its income
 * then differs from its expenditure, subject by subject. */
static const char *const balance_labels =
#define CT_BALANCES(labels) labels
#include "crosstable.def"
#undef CT_BALANCES
    ;

static int balances(ct_run *run)
{
    if (run->balances >= 0)
        return run->balances;
    run->balances = 0;
    ct_index *x = table_index(run, BR_KIND_SUMMARY);
    if (!x)
        return 0;
    for (size_t i = 0; i < host->table_row_count(x->table); i++) {
        const br_row *r = host->table_row_at(x->table, i);
        if (!label_is(host->row_label(r), balance_labels))
            continue;
        for (size_t c = 0; c < host->table_column_count(x->table); c++) {
            const br_cell *cell = host->row_cell(r, c);
            if (cell && (cell->flags & BR_CELL_PRESENT) && !(cell->flags & BR_CELL_TEXT) &&
                cell->value.units != 0)
                return run->balances = 1;
        }
    }
    return 0;
}

/* Is the fiscal appropriation the general public budget alone?  Read from
 * the 财政拨款收支总表: a row of another fiscal fund (CT_OTHER_FISCAL_FUNDS)
 * on its income side with a figure other than zero says no, and so does a
 * fund column of it (gov_fund, soc_capital) with one.  Without that table:
 * unknown, no. */
static const char *const other_fiscal_funds =
#define CT_OTHER_FISCAL_FUNDS(labels) labels
#include "crosstable.def"
#undef CT_OTHER_FISCAL_FUNDS
    ;

static int nonzero(const br_cell *cell)
{
    return cell && (cell->flags & BR_CELL_PRESENT) && !(cell->flags & BR_CELL_TEXT) &&
           cell->value.units != 0;
}

static int fiscal_gpb(ct_run *run)
{
    if (run->fiscal_gpb >= 0)
        return run->fiscal_gpb;
    run->fiscal_gpb = 0;
    ct_index *x = table_index(run, BR_KIND_FISCAL_SUMMARY);
    if (!x)
        return 0;
    const br_table *t = x->table;
    int gf = host->table_find_column(t, BR_ROLE_GOV_FUND);
    int sc = host->table_find_column(t, BR_ROLE_SOC_CAPITAL);
    for (size_t i = 0; i < host->table_row_count(t); i++) {
        const br_row *r = host->table_row_at(t, i);
        if ((gf >= 0 && nonzero(host->row_cell(r, (size_t)gf))) ||
            (sc >= 0 && nonzero(host->row_cell(r, (size_t)sc))))
            return 0;
        if (host->row_side(r) != BR_SIDE_INCOME || !label_is(host->row_label(r), other_fiscal_funds))
            continue;
        for (size_t c = 0; c < host->table_column_count(t); c++)
            if (nonzero(host->row_cell(r, c)))
                return 0;
    }
    return run->fiscal_gpb = 1;
}

/* Is the department's income its fiscal appropriation alone?  Read from the
 * 收支总表's income side (CT_ALL_FISCAL labels): this year's income equals
 * its 财政拨款 row, and nothing is brought forward.  Unknown: no. */
static const struct {
    const char *this_year, *fiscal, *carry;
} all_fiscal_rows = {
#define CT_ALL_FISCAL(this_year, fiscal, carry) this_year, fiscal, carry
#include "crosstable.def"
#undef CT_ALL_FISCAL
};

static const br_cell *income_cell(const br_table *t, const char *labels, int col)
{
    const br_row *r = find_label(t, BR_SIDE_INCOME, labels);
    return r ? host->row_cell(r, (size_t)col) : NULL;
}

static int all_fiscal(ct_run *run)
{
    if (run->all_fiscal >= 0)
        return run->all_fiscal;
    run->all_fiscal = 0;
    ct_index *x = table_index(run, BR_KIND_SUMMARY);
    int col = x ? host->table_find_column(x->table, BR_ROLE_AMOUNT) : -1;
    if (col < 0)
        return 0;
    const br_cell *year = income_cell(x->table, all_fiscal_rows.this_year, col);
    const br_cell *fiscal = income_cell(x->table, all_fiscal_rows.fiscal, col);
    const br_cell *carry = income_cell(x->table, all_fiscal_rows.carry, col);
    if (!nonzero(year) || !nonzero(fiscal) || nonzero(carry) ||
        host->decimal_cmp(year->value, fiscal->value) != 0)
        return 0;
    return run->all_fiscal = 1;
}

/* A ≥ B where both are printed (CT_AT_LEAST: A covers more than B): 1 when
 * A = B, 2 when A > B, 0 otherwise. */
static int covers(const br_row *a, int ca, const br_row *b, int cb)
{
    const br_cell *x = host->row_cell(a, (size_t)ca), *y = host->row_cell(b, (size_t)cb);
    if (!x || !y || !(x->flags & BR_CELL_PRESENT) || !(y->flags & BR_CELL_PRESENT) ||
        (x->flags & BR_CELL_TEXT) || (y->flags & BR_CELL_TEXT))
        return 0;
    int c = host->decimal_cmp(x->value, y->value);
    return c > 0 ? 2 : c == 0;
}

/* Why an AT_LEAST excess is explained, per check (crosstable.def). */
typedef struct ct_explained {
    int check;
    const char *cause, *reason;
} ct_explained;

static const ct_explained explained[] = {
#define CT_EXPLAINED(check, cause, reason) {CT_CHECK_##check, cause, reason},
#include "crosstable.def"
#undef CT_EXPLAINED
};

/* ---- reporting ----------------------------------------------------------- */

static const char *key_of(const br_row *r)
{
    const char *k = host->row_key(r);
    return k ? k : "";
}

static int report_pair(ct_run *run, int check, const br_row *a, int col_a, const br_row *b,
                       int col_b)
{
    char what[512];
    snprintf(what, sizeof what, "%s %s %s = %s %s %s",
             host->kind_name(host->table_kind(host->row_table(a))), key_of(a),
             host->role_name(host->table_column_role(host->row_table(a), (size_t)col_a)),
             host->kind_name(host->table_kind(host->row_table(b))), key_of(b),
             host->role_name(host->table_column_role(host->row_table(b), (size_t)col_b)));
    br_term terms[2] = {
        {.row = a, .col = (size_t)col_a, .coef = 1},
        {.row = b, .col = (size_t)col_b, .coef = -1},
    };
    int rc = host->report_identity(run->report, check_ids[check], check_severity[check], terms, 2,
                                   what);
    return rc < 0 ? rc : BR_OK;
}

/* A figure of a cell the checks can use: printed, a number, not uncertain. */
static int sure_value(const br_row *r, int col, br_decimal *v)
{
    const br_cell *c = host->row_cell(r, (size_t)col);
    if (!c || !(c->flags & BR_CELL_PRESENT) || host->cell_uncertain(r, (size_t)col))
        return 0;
    if ((c->flags & BR_CELL_TEXT) && !(c->flags & BR_CELL_NUMERIC))
        return 0;
    *v = c->value;
    return 1;
}

/*
 * Does table x list every class it has on `side`, so that a class it does
 * not list is a class it spends nothing on?  Its 合计 (column col) must be
 * the sum of the class rows it lists, within their rounding, every figure
 * of it certain — a table with a page or a row lost would not add up.
 */
static int classes_complete(const ct_index *x, br_side side, int col)
{
    const br_table *t = x->table;
    br_decimal total, sum = {0, 0}, tol = {0, 0}, v, d;
    if (host->table_uncertain(t, -1) || host->table_uncertain(t, col))
        return 0;
    const br_row *tr = find_label(t, BR_SIDE_NONE, "合计|总计");
    if (!tr || !sure_value(tr, col, &total) ||
        host->decimal_add(tol, host->decimal_half_ulp(total), &tol) != BR_OK)
        return 0;
    size_t listed = 0;
    for (int slot = 0; slot < CT_NCLASS; slot++) {
        const br_row *r = class_row(x, side, slot);
        if (!r)
            continue;
        if (!sure_value(r, col, &v)) {
            const br_cell *c = host->row_cell(r, (size_t)col);
            if (c && (c->flags & BR_CELL_PRESENT))
                return 0; /* a figure that cannot be used */
            continue;     /* blank: nothing */
        }
        if (host->decimal_add(sum, v, &sum) != BR_OK ||
            host->decimal_add(tol, host->decimal_half_ulp(v), &tol) != BR_OK)
            return 0;
        listed++;
    }
    if (!listed || host->decimal_sub(total, sum, &d) != BR_OK)
        return 0;
    if (d.units < 0)
        d.units = -d.units;
    return host->decimal_cmp(d, tol) <= 0;
}

/* A class A prints that B, listing all of its classes, does not: A's
 * figure must be nothing (a one-term identity, A = 0). */
static int report_unlisted(ct_run *run, int check, const br_row *a, int col_a,
                           const br_table *tb, int slot)
{
    br_decimal v;
    if (!sure_value(a, col_a, &v) || v.units == 0)
        return BR_OK; /* blank or zero: agrees with the absence */
    char what[512];
    snprintf(what, sizeof what, "%s %s %s = %s %d (a class it does not list: nothing)",
             host->kind_name(host->table_kind(host->row_table(a))), key_of(a),
             host->role_name(host->table_column_role(host->row_table(a), (size_t)col_a)),
             host->kind_name(host->table_kind(tb)), 200 + slot);
    br_term term = {.row = a, .col = (size_t)col_a, .coef = 1};
    int rc = host->report_identity(run->report, check_ids[check], check_severity[check], &term, 1,
                                   what);
    return rc < 0 ? rc : BR_OK;
}

/* A (covering more) above B: explained by the check's known cause — an info
 * finding, not the check's severity.  Without a CT_EXPLAINED row, nothing. */
static int report_explained(ct_run *run, int check, const br_row *a, int col_a, const br_row *b,
                            int col_b)
{
    const ct_explained *why = NULL;
    for (size_t i = 0; i < sizeof explained / sizeof *explained && !why; i++)
        if (explained[i].check == check)
            why = &explained[i];
    if (!why)
        return BR_OK;
    const br_table *ta = host->row_table(a), *tb = host->row_table(b);
    br_role ra = host->table_column_role(ta, (size_t)col_a);
    br_role rb = host->table_column_role(tb, (size_t)col_b);
    br_decimal va = host->row_cell(a, (size_t)col_a)->value;
    br_decimal vb = host->row_cell(b, (size_t)col_b)->value, diff;
    char as[BR_DECIMAL_STR_MAX], bs[BR_DECIMAL_STR_MAX], ds[BR_DECIMAL_STR_MAX], msg[768];
    if (host->decimal_sub(va, vb, &diff) != BR_OK)
        return BR_OK;
    host->decimal_format(va, as, sizeof as);
    host->decimal_format(vb, bs, sizeof bs);
    host->decimal_format(diff, ds, sizeof ds);
    snprintf(msg, sizeof msg, "%s %s %s ≥ %s %s %s: %s above %s by %s, explained: %s",
             host->kind_name(host->table_kind(ta)), key_of(a), host->role_name(ra),
             host->kind_name(host->table_kind(tb)), key_of(b), host->role_name(rb), as, bs, ds,
             why->reason);
    br_finding f = {
        .check = check_ids[check],
        .severity = BR_SEV_INFO,
        .table = host->kind_name(host->table_kind(ta)),
        .row = host->row_key(a),
        .column = host->role_name(ra),
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL,
        .expected = vb,
        .actual = va,
        .line = host->row_line(a),
        .message = msg,
        .cause = why->cause,
    };
    return host->report_add(run->report, &f) < 0 ? BR_ERR_NOMEM : BR_OK;
}

static int run_identity(ct_run *run, const ct_identity *id)
{
    ct_index *xa = table_index(run, id->kind[0]);
    ct_index *xb = table_index(run, id->kind[1]);
    if (!xa || !xb)
        return BR_OK; /* a table is absent: not applicable */
    int ca = host->table_find_column(xa->table, id->role[0]);
    int cb = host->table_find_column(xb->table, id->role[1]);
    if (ca < 0 || cb < 0)
        return BR_OK;
    if (id->when == CT_GPB_ONLY && !gpb_only(run))
        return BR_OK;
    if (id->when == CT_NO_BALANCES && balances(run))
        return BR_OK;
    if (id->when == CT_FISCAL_GPB && !fiscal_gpb(run))
        return BR_OK;
    if (id->when == CT_ALL_FISCAL && !all_fiscal(run))
        return BR_OK;

    switch (id->sel[0].type) {
    case CT_SEL_EACH_CLASS: {
        if (!xa->classes_built)
            build_classes(xa);
        if (!xb->classes_built)
            build_classes(xb);
        int complete = -1; /* not yet known */
        for (int slot = 0; slot < CT_NCLASS; slot++) {
            const br_row *a = class_row(xa, id->sel[0].side, slot);
            const br_row *b = class_row(xb, id->sel[1].side, slot);
            if (a && !b) {
                if (complete < 0)
                    complete = classes_complete(xb, id->sel[1].side, cb);
                if (complete) {
                    int rc = report_unlisted(run, id->check, a, ca, xb->table, slot);
                    if (rc < 0)
                        return rc;
                }
                continue;
            }
            if (!a || !b)
                continue;
            int rc = report_pair(run, id->check, a, ca, b, cb);
            if (rc < 0)
                return rc;
        }
        return BR_OK;
    }
    case CT_SEL_EACH_SUBJECT:
    case CT_SEL_EACH_ECONOMIC: {
        int system = id->sel[0].type == CT_SEL_EACH_SUBJECT ? CT_CODE_FUNCTIONAL : CT_CODE_ECONOMIC;
        ct_coded_rows *rows_b = &xb->coded[system];
        if (!rows_b->built) {
            int rc = build_coded(xb, system, rows_b);
            if (rc < 0)
                return rc;
        }
        for (size_t i = 0; i < host->table_row_count(xa->table); i++) {
            const br_row *a = host->table_row_at(xa->table, i);
            const char *code = host->row_code(a);
            if (!code || host->code_system_of(code) != system)
                continue;
            const br_row *b = find_coded(rows_b, code);
            if (!b)
                continue;
            int rc = report_pair(run, id->check, a, ca, b, cb);
            if (rc < 0)
                return rc;
        }
        return BR_OK;
    }
    default: {
        const br_row *a = find_single(xa->table, &id->sel[0]);
        const br_row *b = a ? find_single(xb->table, &id->sel[1]) : NULL;
        int cover = a && b && id->when == CT_AT_LEAST ? covers(a, ca, b, cb) : 0;
        if (cover == 2) /* the wider figure exceeds its part: explained */
            return report_explained(run, id->check, a, ca, b, cb);
        if (cover)
            return BR_OK;
        return a && b ? report_pair(run, id->check, a, ca, b, cb) : BR_OK;
    }
    }
}

static int run_check(int check, const br_disclosure *doc, br_report *report)
{
    ct_run run = {
        .doc = doc,       .report = report, .gpb_only = -1,
        .balances = -1,   .fiscal_gpb = -1, .all_fiscal = -1};
    int rc = BR_OK;
    for (size_t i = 0; rc == BR_OK && i < sizeof identities / sizeof identities[0]; i++)
        if (identities[i].check == check)
            rc = run_identity(&run, &identities[i]);
    run_free(&run);
    return rc;
}

/* One entry function per check of the .def, of the arity its inputs need. */
#define CT_CHECK(name, ...) \
    static int check_##name(const br_disclosure *doc, br_report *report) \
    { \
        return run_check(CT_CHECK_##name, doc, report); \
    }
#define CT_CHECK1(name, ...) \
    static int check_##name(const br_table *t1, const br_disclosure *doc, br_report *report) \
    { \
        (void)t1; \
        return run_check(CT_CHECK_##name, doc, report); \
    }
#define CT_CHECK2(name, ...) \
    static int check_##name(const br_table *t1, const br_table *t2, const br_disclosure *doc, \
                            br_report *report) \
    { \
        (void)t1; \
        (void)t2; \
        return run_check(CT_CHECK_##name, doc, report); \
    }
#include "crosstable.def"
#undef CT_CHECK
#undef CT_CHECK1
#undef CT_CHECK2

/* ---- performance tables against the project list --------------------------- */

#define PERF_CHECK "crosstable.performance_projects"

/* Does `hay` contain `needle` (both without spaces)? */
static int contains(const char *hay, const char *needle)
{
    return *needle && strstr(hay, needle) != NULL;
}

/* Characters (not bytes) of a UTF-8 string. */
static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/*
 * One name stands for the other: equal, or the shorter inside the longer
 * and a good part of it (日常运行经费 in 潼南区政务中心日常运行经费).  A
 * short piece (经费, 费 — a wrapped label's last line) names nothing: it is
 * inside every project's name.
 */
#define CT_NAME_MIN_CHARS 4
static int names_match(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    const char *in = strlen(a) < strlen(b) ? a : b, *out = in == a ? b : a;
    size_t n = chars(in);
    return contains(out, in) && n >= CT_NAME_MIN_CHARS && 3 * n >= chars(out);
}

/*
 * The projects row of a performance table's project: the row whose code is
 * the project's code, else the row whose label contains or is contained in
 * the project's name, naming most of it (names_match).  Several such rows: the one whose label equals the
 * name, else the one whose label contains every other candidate's (the most
 * specific: 日常运行经费 over 运行经费), else none.  *ncand reports how many
 * rows matched by name, `names` lists them.
 */
#define CT_MAX_CAND 32
static const br_row *match_project(const br_table *projects, const char *code, const char *name,
                                   size_t *ncand, char *names, size_t cap)
{
    char want[512], label[512];
    const br_row *cand[CT_MAX_CAND];
    size_t n = 0, nn = 0;
    *ncand = 0;
    names[0] = '\0';
    squeeze(name ? name : "", name ? strlen(name) : 0, want, sizeof want);
    for (size_t i = 0; i < host->table_row_count(projects); i++) {
        const br_row *r = host->table_row_at(projects, i);
        const char *l = host->row_label(r), *c = host->row_code(r);
        if (code && *code && c && strcmp(c, code) == 0)
            return r;
        if (!l || !*want || label_is(l, "合计|总计|小计"))
            continue;
        if (squeeze(l, strlen(l), label, sizeof label) == 0 || !names_match(want, label))
            continue;
        if (nn < cap)
            nn += (size_t)snprintf(names + nn, cap - nn, "%s%s", n ? ", " : "", l);
        if (n < CT_MAX_CAND)
            cand[n] = r;
        n++;
    }
    *ncand = n;
    if (n == 1)
        return cand[0];
    if (n == 0 || n > CT_MAX_CAND)
        return NULL;
    /* exactly one label equal to the name */
    const br_row *exact = NULL;
    size_t nexact = 0;
    for (size_t i = 0; i < n; i++) {
        squeeze(host->row_label(cand[i]), strlen(host->row_label(cand[i])), label, sizeof label);
        if (strcmp(label, want) == 0) {
            exact = cand[i];
            nexact++;
        }
    }
    if (nexact == 1)
        return exact;
    if (nexact > 1)
        return NULL;
    /* one label containing every other, and strictly wider */
    char wide[512];
    for (size_t i = 0; i < n; i++) {
        squeeze(host->row_label(cand[i]), strlen(host->row_label(cand[i])), wide, sizeof wide);
        size_t j = 0;
        for (; j < n; j++) {
            if (j == i)
                continue;
            squeeze(host->row_label(cand[j]), strlen(host->row_label(cand[j])), label,
                    sizeof label);
            if (strcmp(wide, label) == 0 || !contains(wide, label))
                break;
        }
        if (j == n)
            return cand[i];
    }
    return NULL;
}

static int performance_projects(const br_table *projects, const br_table *first_perf,
                                const br_disclosure *doc, br_report *report)
{
    (void)first_perf;
    int col = host->table_find_column(projects, BR_ROLE_TOTAL);
    if (col < 0)
        return BR_OK;
    for (size_t ti = 0; ti < host->doc_table_count(doc); ti++) {
        const br_table *t = host->doc_table_at(doc, ti);
        br_decimal amount;
        if (host->table_kind(t) != BR_KIND_PERFORMANCE_PROJECT ||
            !host->table_project_amount(t, &amount))
            continue;
        const char *name = host->table_project_name(t);
        const char *code = host->table_project_code(t);
        char amount_s[BR_DECIMAL_STR_MAX], names[512], msg[1024];
        host->decimal_format(amount, amount_s, sizeof amount_s);
        size_t ncand;
        const br_row *row = match_project(projects, code, name, &ncand, names, sizeof names);
        if (!row) {
            if (ncand == 0)
                snprintf(msg, sizeof msg,
                         "project \"%s\" (资金总额 %s): no row of the 项目支出明细表 names it; "
                         "its amount is not compared",
                         name ? name : "", amount_s);
            else
                snprintf(msg, sizeof msg,
                         "project \"%s\" (资金总额 %s): %zu rows of the 项目支出明细表 match "
                         "its name (%s); its amount is not compared",
                         name ? name : "", amount_s, ncand, names);
            br_finding f = {.check = PERF_CHECK,
                            .severity = BR_SEV_INFO,
                            .table = host->kind_name(BR_KIND_PERFORMANCE_PROJECT),
                            .row = name && *name ? name : code,
                            .line = host->table_line(t),
                            .message = msg};
            int rc = host->report_add(report, &f);
            if (rc < 0)
                return rc;
            continue;
        }
        /* The amount is no table cell: it becomes a claim-like term, in the
         * document's arena so that the report's copy of the terms stays
         * valid as long as the document. */
        br_claim *claim = host->doc_alloc((br_disclosure *)doc, sizeof *claim);
        if (!claim)
            return BR_ERR_NOMEM;
        br_unit unit = host->table_unit(t);
        if (!unit)
            unit = host->doc_unit(doc);
        claim->label = name ? name : code;
        claim->claim_class = "performance_project_amount";
        claim->unit = unit ? host->unit_name(unit) : "";
        claim->value = amount;
        claim->line = host->table_line(t);
        char what[768];
        snprintf(what, sizeof what,
                 "projects %s total = performance_project \"%s\" 资金总额 (line %ld)",
                 key_of(row), name ? name : "", host->table_line(t));
        br_term terms[2] = {
            {.row = row, .col = (size_t)col, .coef = 1},
            {.claim = claim, .coef = -1},
        };
        int rc = host->report_identity(report, PERF_CHECK, BR_SEV_ERROR, terms, 2, what);
        if (rc < 0)
            return rc;
    }
    return BR_OK;
}

/* ---- descriptor ------------------------------------------------------------ */

static int ct_init(const br_host *h)
{
    if (!h || h->size < sizeof(br_host))
        return BR_ERR_PLUGIN;
    /* the .def's rules: a FOR_EACH selector faces one of the same kind */
    for (size_t i = 0; i < sizeof identities / sizeof identities[0]; i++) {
        const ct_sel *s = identities[i].sel;
        int each0 = s[0].type == CT_SEL_EACH_CLASS || s[0].type == CT_SEL_EACH_SUBJECT ||
                    s[0].type == CT_SEL_EACH_ECONOMIC;
        int each1 = s[1].type == CT_SEL_EACH_CLASS || s[1].type == CT_SEL_EACH_SUBJECT ||
                    s[1].type == CT_SEL_EACH_ECONOMIC;
        if ((each0 || each1) && s[0].type != s[1].type)
            return BR_ERR_PLUGIN;
    }
    class_keys_init();
    host = h;
    return BR_OK;
}

#define CT_CHECK(name, sev, title_, desc) \
    static const int inputs_##name[] = {BR_INPUT_DISCLOSURE};
#define CT_CHECK1(name, sev, k1, title_, desc) \
    static const int inputs_##name[] = {BR_KIND_##k1, BR_INPUT_DISCLOSURE};
#define CT_CHECK2(name, sev, k1, k2, title_, desc) \
    static const int inputs_##name[] = {BR_KIND_##k1, BR_KIND_##k2, BR_INPUT_DISCLOSURE};
#include "crosstable.def"
#undef CT_CHECK
#undef CT_CHECK1
#undef CT_CHECK2

static const int perf_inputs[] = {BR_KIND_PROJECTS, BR_KIND_PERFORMANCE_PROJECT,
                                  BR_INPUT_DISCLOSURE};

#define CT_DESC(name, sev, title_, desc) \
    {.size = sizeof(br_check_desc), \
     .id = "crosstable." #name, \
     .title = title_, \
     .description = desc, \
     .severity = BR_SEV_##sev, \
     .inputs = inputs_##name, \
     .n_inputs = sizeof inputs_##name / sizeof inputs_##name[0], \
     .fn = (br_check_fn)check_##name},

static const br_check_desc checks[] = {
#define CT_CHECK(name, sev, title_, desc) CT_DESC(name, sev, title_, desc)
#define CT_CHECK1(name, sev, k1, title_, desc) CT_DESC(name, sev, title_, desc)
#define CT_CHECK2(name, sev, k1, k2, title_, desc) CT_DESC(name, sev, title_, desc)
#include "crosstable.def"
#undef CT_CHECK
#undef CT_CHECK1
#undef CT_CHECK2
    {.size = sizeof(br_check_desc),
     .id = PERF_CHECK,
     .title = "Performance-target amounts agree with the project list",
     .description =
         "Each 项目绩效目标表 states its project's 资金总额; it must equal that project's 合计 in "
         "the 项目支出明细表. The project is found by its code when the list prints one, else by "
         "name: the list's label contained in the performance table's project name or "
         "containing it (潼南区政务中心购买社会服务专项资金 ↔ 购买社会服务专项资金), preferring an "
         "exact name and then the most specific label. A project with no unique row is not "
         "compared, and said so as info.",
     .severity = BR_SEV_ERROR,
     .inputs = perf_inputs,
     .n_inputs = sizeof perf_inputs / sizeof perf_inputs[0],
     .fn = (br_check_fn)performance_projects},
};

static const br_plugin_desc descriptor = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "crosstable",
    .version = "0.1.0",
    .description = "Figures the standard tables repeat agree with each other",
    .init = ct_init,
    .checks = checks,
    .n_checks = sizeof checks / sizeof checks[0],
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &descriptor; }
