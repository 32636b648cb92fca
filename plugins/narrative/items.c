/*
 * items.c — narrative.slips: a figure the narrative states for one item of a
 * table ("职业年金缴费支出 654.21 万元", "行政运行（项）支出 6106.99 万元")
 * that is the table's figure printed with a slip.
 *
 * Such a figure has no claim class: it names a row of the expenditure or
 * basic expenditure tables, by name.  The row is found by that name (a 项
 * under its 款 when the narrative names both); when the narrative's figure
 * is the table's, it is recorded checked.  When it differs, it may be a
 * different scope (the 一般公共预算 share, another year), so only a
 * difference a printing slip explains is reported — the table's figure
 * shifted by a power of ten (decimal_shift), printed in the other unit
 * (元/万元: unit_slip), two adjacent digits swapped (transposed_digits), one
 * digit added or lost (digit_slip) — as an error at the sentence.  Any other
 * difference says nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "narrative.h"

#define H narr_host

static const br_kind item_kinds[] = {BR_KIND_GPB_EXPENDITURE, BR_KIND_EXPENDITURE,
                                     BR_KIND_FISCAL_EXPENDITURE, BR_KIND_GPB_BASIC,
                                     BR_KIND_FISCAL_BASIC};

#define NAME_MAX_BYTES 160
#define MATCH_MAX 8

static int same_str(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* s without spaces, a trailing "支出", and level markers "(类)(款)(项)". */
static void bare_name(const char *s, size_t n, char *out)
{
    static const char *const drop[] = {"(类)", "(款)", "(项)", "（类）", "（款）", "（项）"};
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < NAME_MAX_BYTES;) {
        size_t skip = 0;
        int opens = s[i] == '(' || (unsigned char)s[i] == 0xEF; /* "(" or "（" */
        for (size_t d = 0; opens && d < sizeof drop / sizeof *drop && !skip; d++)
            if (strncmp(s + i, drop[d], strlen(drop[d])) == 0 && i + strlen(drop[d]) <= n)
                skip = strlen(drop[d]);
        if (skip) {
            i += skip;
            continue;
        }
        if (s[i] != ' ')
            out[k++] = s[i];
        i++;
    }
    out[k] = '\0';
    static const char ZHICHU[] = "支出";
    size_t z = sizeof ZHICHU - 1;
    if (k > z && strcmp(out + k - z, ZHICHU) == 0)
        out[k - z] = '\0';
}

/* The item a claim's label names, and the 款 it names it under ("" if none):
 * "…事务（款）行政运行（项）支出" → 行政运行 under …事务. */
static int item_of(const char *label, char *item, char *kuan)
{
    static const char KUAN[] = "(款)", XIANG[] = "(项)", LEI[] = "(类)";
    const char *x = strstr(label, XIANG);
    const char *k = strstr(label, KUAN);
    kuan[0] = '\0';
    if (x) {
        const char *from = k && k < x ? k + strlen(KUAN) : label;
        bare_name(from, (size_t)(x - from), item);
        if (k && k < x) {
            const char *l = strstr(label, LEI);
            const char *ks = l && l < k ? l + strlen(LEI) : label;
            bare_name(ks, (size_t)(k - ks), kuan);
        }
    } else if (k || strstr(label, LEI)) {
        return 0; /* a 类 or 款 total: the classes are narrative.totals' */
    } else {
        bare_name(label, strlen(label), item);
    }
    return item[0] != '\0';
}

/* The rows of the item tables with their bare names, made once per document. */
typedef struct named_row {
    const br_row *row;
    char name[NAME_MAX_BYTES];
} named_row;

static named_row *name_rows(const br_disclosure *doc, size_t *n)
{
    size_t total = 0;
    *n = 0;
    for (size_t k = 0; k < sizeof item_kinds / sizeof *item_kinds; k++) {
        const br_table *t = H->doc_find_table(doc, item_kinds[k]);
        total += t ? H->table_row_count(t) : 0;
    }
    named_row *v = total ? malloc(total * sizeof *v) : NULL;
    if (!v)
        return NULL;
    for (size_t k = 0; k < sizeof item_kinds / sizeof *item_kinds; k++) {
        const br_table *t = H->doc_find_table(doc, item_kinds[k]);
        for (size_t i = 0; t && i < H->table_row_count(t); i++) {
            const br_row *r = H->table_row_at(t, i);
            const char *label = H->row_label(r);
            if (!label)
                continue;
            v[*n].row = r;
            bare_name(label, strlen(label), v[*n].name);
            (*n)++;
        }
    }
    return v;
}

/* Rows named `item` (under a 款 named `kuan`, when given). */
static size_t find_rows(const named_row *rows, size_t nrows, const char *item, const char *kuan,
                        const br_row **out)
{
    char name[NAME_MAX_BYTES];
    size_t n = 0;
    for (size_t i = 0; i < nrows && n < MATCH_MAX; i++) {
        if (strcmp(rows[i].name, item) != 0)
            continue;
        const br_row *r = rows[i].row;
        const br_table *t = H->row_table(r);
        const char *code = H->row_code(r);
        if (kuan[0] && code && strlen(code) == 7) {
            char parent[8];
            memcpy(parent, code, 5);
            parent[5] = '\0';
            const br_row *p = H->table_find_row(t, parent);
            if (!p || !H->row_label(p))
                continue;
            bare_name(H->row_label(p), strlen(H->row_label(p)), name);
            if (strcmp(name, kuan) != 0)
                continue;
        }
        out[n++] = r;
    }
    return n;
}

/* The digits of d at `scale` decimals, rounded half away from zero. */
static int digits_at(br_decimal d, int scale, char *out, size_t cap)
{
    br_decimal r = d;
    if (d.scale > scale) {
        int64_t p = 1;
        for (int i = scale; i < d.scale; i++)
            p *= 10;
        int64_t u = d.units < 0 ? -d.units : d.units;
        r.units = (u + p / 2) / p;
        r.scale = scale;
    } else {
        int64_t u = d.units < 0 ? -d.units : d.units;
        for (int i = d.scale; i < scale; i++)
            u *= 10;
        r.units = u;
        r.scale = scale;
    }
    return snprintf(out, cap, "%lld", (long long)r.units) < (int)cap;
}

static int transposed(const char *a, const char *b)
{
    size_t n = strlen(a);
    if (n != strlen(b))
        return 0;
    size_t i = 0;
    while (i < n && a[i] == b[i])
        i++;
    return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp(a + i + 2, b + i + 2) == 0;
}

/* b is a with one digit more. */
static int one_more(const char *a, const char *b)
{
    size_t n = strlen(a);
    if (strlen(b) != n + 1)
        return 0;
    size_t i = 0;
    while (i < n && a[i] == b[i])
        i++;
    return strcmp(a + i, b + i + 1) == 0;
}

/*
 * The slip that turns the table's figure `table` into the stated `stated`
 * (both in the claim's unit), or NULL; "" when they are the same figure.
 */
static const char *slip(br_decimal table, br_decimal stated)
{
    char t[40], s[40];
    int scale = stated.scale;
    if (!digits_at(table, scale, t, sizeof t) || !digits_at(stated, scale, s, sizeof s))
        return NULL;
    if (strcmp(t, s) == 0)
        return "";
    if (stated.units == 0)
        return NULL;
    static const int shifts[] = {1, -1, 2, -2, 3, -3, 4, -4};
    for (size_t k = 0; k < sizeof shifts / sizeof *shifts; k++) {
        br_decimal moved;
        char m[40];
        if (H->decimal_shift(table, shifts[k], &moved) == BR_OK &&
            digits_at(moved, scale, m, sizeof m) && strcmp(m, s) == 0 &&
            strspn(m, "0") < strlen(m))
            return shifts[k] == 4 || shifts[k] == -4 ? "unit_slip" : "decimal_shift";
    }
    if (transposed(t, s))
        return "transposed_digits";
    if (strlen(t) >= 3 && (one_more(t, s) || one_more(s, t)))
        return "digit_slip";
    return NULL;
}

/* The item's figure in row r (its total, in `unit`); 0 when it has none. */
static int row_total(const br_disclosure *doc, const br_row *r, br_unit unit, br_decimal *out)
{
    const br_table *t = H->row_table(r);
    int col = H->table_find_column(t, BR_ROLE_TOTAL);
    if (col < 0 || H->cell_uncertain(r, (size_t)col))
        return 0;
    const br_cell *c = H->row_cell(r, (size_t)col);
    if (!c || !(c->flags & BR_CELL_PRESENT) ||
        ((c->flags & BR_CELL_TEXT) && !(c->flags & BR_CELL_NUMERIC)))
        return 0;
    br_unit from = H->table_unit(t);
    if (!from)
        from = H->doc_unit(doc);
    *out = c->value;
    return !from || from == unit || H->decimal_convert(c->value, from, unit, out) == BR_OK;
}

static br_unit money_unit(const br_claim *c)
{
    if (same_str(c->unit, "万元"))
        return BR_UNIT_WAN;
    if (same_str(c->unit, "元"))
        return BR_UNIT_YUAN;
    return BR_UNIT_UNKNOWN;
}

static void check_item(const br_disclosure *doc, const named_row *named, size_t nnamed,
                       const br_claim *c, br_report *report)
{
    char item[NAME_MAX_BYTES], kuan[NAME_MAX_BYTES];
    br_unit unit = money_unit(c);
    if (!unit || !item_of(c->label, item, kuan))
        return;
    const br_row *rows[MATCH_MAX];
    size_t n = find_rows(named, nnamed, item, kuan, rows);
    const br_row *first = NULL;
    br_decimal figure = {0, 0};
    for (size_t i = 0; i < n; i++) {
        br_decimal v;
        if (!row_total(doc, rows[i], unit, &v))
            continue;
        const char *s = slip(v, c->value);
        if (s && !*s) { /* the table's figure */
            H->report_claim_checked(report, c);
            return;
        }
        if (first && H->decimal_cmp(v, figure) != 0)
            return; /* rows of one name with other figures: which one is meant? */
        if (!first) {
            first = rows[i];
            figure = v;
        }
    }
    const char *cause = first ? slip(figure, c->value) : NULL;
    if (!cause || !*cause)
        return;
    const br_table *t = H->row_table(first);
    char es[BR_DECIMAL_STR_MAX], as[BR_DECIMAL_STR_MAX], msg[700];
    H->decimal_format(figure, es, sizeof es);
    H->decimal_format(c->value, as, sizeof as);
    snprintf(msg, sizeof msg,
             "%s: the narrative states %s%s, %s %s prints %s%s — the same figure with a %s",
             c->label, as, c->unit, H->kind_name(H->table_kind(t)), H->row_key(first), es, c->unit,
             same_str(cause, "decimal_shift")       ? "decimal point moved"
             : same_str(cause, "unit_slip")         ? "unit slip (元 and 万元)"
             : same_str(cause, "transposed_digits") ? "pair of digits swapped"
                                                    : "digit added or lost");
    br_finding f = {
        .check = CHECK_SLIPS,
        .severity = BR_SEV_ERROR,
        .table = "narrative",
        .row = c->label,
        .column = NULL,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL,
        .expected = figure,
        .actual = c->value,
        .line = c->line,
        .message = msg,
        .cause = cause,
    };
    const br_claim *on[] = {c};
    H->report_add_on_claims(report, &f, on, 1);
}

int narr_slips(const br_narrative *n, br_report *report)
{
    const br_disclosure *doc = H->narrative_disclosure(n);
    if (H->doc_table_count(doc) == 0)
        return BR_NOT_APPLICABLE;
    size_t nnamed;
    named_row *named = name_rows(doc, &nnamed);
    if (!named)
        return BR_OK; /* no item table (or no memory): nothing to hold the figures against */
    size_t count = H->narrative_claim_count(n);
    for (size_t i = 0; i < count; i++) {
        const br_claim *c = H->narrative_claim_at(n, i);
        br_claim_form f = H->narrative_claim_form(n, i);
        if (c && !c->claim_class && f.role == BR_CLAIM_AMOUNT && c->value.units > 0)
            check_item(doc, named, nnamed, c, report);
    }
    free(named);
    return BR_OK;
}
