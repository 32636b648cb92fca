/*
 * rowtotals.c — the row-total check: in every table whose kind has row
 * identities (libcore/src/identities.def), a row's total column equals the
 * sum of its component columns.
 *
 * Tolerance follows SPEC §5: each printed figure stands for the interval of
 * values that round to it, so an identity is an error only when the
 * intervals cannot meet, and info when it holds only through rounding.
 */
#include <stdio.h>
#include <string.h>

#include <budgetrec/plugin.h>

static const br_host *host;

static int rt_init(const br_host *h)
{
    if (!h || h->size < sizeof(br_host))
        return BR_ERR_PLUGIN;
    host = h;
    return BR_OK;
}

/* A money figure of the row at `col`, or NULL when blank or not a figure. */
static const br_cell *figure(const br_row *row, int col)
{
    const br_cell *c = col >= 0 ? host->row_cell(row, (size_t)col) : NULL;
    if (!c || !(c->flags & BR_CELL_PRESENT))
        return NULL;
    if ((c->flags & BR_CELL_TEXT) && !(c->flags & BR_CELL_NUMERIC))
        return NULL;
    return c;
}

/* The columns an identity's parts occupy.  A part with no column of its own
 * (a year group printed without its 小计) is replaced by its own parts. */
static size_t part_columns(const br_table *t, const br_identity *ids, size_t n_ids,
                           const br_identity *id, int *cols, br_role *roles, size_t cap,
                           int depth)
{
    size_t n = 0;
    for (size_t p = 0; p < id->n_parts && n < cap; p++) {
        int col = host->table_find_column(t, id->parts[p]);
        if (col >= 0) {
            cols[n] = col;
            roles[n++] = id->parts[p];
            continue;
        }
        for (size_t j = 0; depth < 2 && j < n_ids; j++)
            if (ids[j].total == id->parts[p])
                n += part_columns(t, ids, n_ids, &ids[j], cols + n, roles + n, cap - n,
                                  depth + 1);
    }
    return n;
}

static void report_row(br_report *report, const br_table *t, const br_row *row, br_role total,
                       const br_role *roles, size_t n, br_decimal expected,
                       const br_cell *actual, br_decimal tol, br_decimal diff, int rounding)
{
    char parts[512] = "", exp_s[BR_DECIMAL_STR_MAX], act_s[BR_DECIMAL_STR_MAX],
         diff_s[BR_DECIMAL_STR_MAX], msg[1024];
    size_t used = 0;
    for (size_t i = 0; i < n && used < sizeof parts; i++)
        used += (size_t)snprintf(parts + used, sizeof parts - used, "%s%s", i ? " + " : "",
                                 host->role_name(roles[i]));
    host->decimal_format(expected, exp_s, sizeof exp_s);
    host->decimal_format(diff, diff_s, sizeof diff_s);
    if (actual)
        host->decimal_format(actual->value, act_s, sizeof act_s);
    if (!actual)
        snprintf(msg, sizeof msg, "%s is blank but %s = %s", host->role_name(total), parts,
                 exp_s);
    else if (rounding)
        snprintf(msg, sizeof msg, "%s %s = %s %s only within rounding of the printed figures",
                 host->role_name(total), act_s, parts, exp_s);
    else
        snprintf(msg, sizeof msg, "%s %s differs from %s = %s by %s", host->role_name(total),
                 act_s, parts, exp_s, diff_s);

    br_finding f = {
        .check = "rowtotals.row_total",
        .severity = rounding ? BR_SEV_INFO : BR_SEV_ERROR,
        .table = host->kind_name(host->table_kind(t)),
        .row = host->row_key(row),
        .column = host->role_name(total),
        .present = BR_FINDING_EXPECTED | BR_FINDING_TOLERANCE | (actual ? BR_FINDING_ACTUAL : 0),
        .expected = expected,
        .actual = actual ? actual->value : (br_decimal){0, 0},
        .tolerance = tol,
        .line = host->row_line(row),
        .message = msg,
    };
    host->report_add(report, &f);
}

static void check_row(const br_table *t, const br_row *row, const br_identity *ids,
                      size_t n_ids, const br_identity *id, br_report *report)
{
    int total_col = host->table_find_column(t, id->total);
    int cols[BR_ROLE__COUNT];
    br_role roles[BR_ROLE__COUNT];
    size_t n = part_columns(t, ids, n_ids, id, cols, roles, BR_ROLE__COUNT, 0);
    if (total_col < 0 || n == 0)
        return;

    const br_cell *total = figure(row, total_col);
    br_decimal sum = {0, 0}, tol = {0, 0};
    int any_part = 0;
    for (size_t i = 0; i < n; i++) {
        const br_cell *c = figure(row, cols[i]);
        if (!c)
            continue;
        any_part = 1;
        if (host->decimal_add(sum, c->value, &sum) != BR_OK ||
            host->decimal_add(tol, host->decimal_half_ulp(c->value), &tol) != BR_OK)
            return; /* beyond the fixed-point range: nothing exact to say */
    }
    if (!total && !any_part)
        return; /* an empty row (or group) */
    br_decimal actual = total ? total->value : (br_decimal){0, 0};
    if (total && host->decimal_add(tol, host->decimal_half_ulp(actual), &tol) != BR_OK)
        return;
    br_decimal diff, abs_diff;
    if (host->decimal_sub(actual, sum, &diff) != BR_OK)
        return;
    abs_diff = diff;
    if (abs_diff.units < 0)
        abs_diff.units = -abs_diff.units;
    if (host->decimal_cmp(abs_diff, (br_decimal){0, 0}) == 0)
        return;
    if (!total && host->decimal_cmp(abs_diff, tol) <= 0)
        return; /* blank total over parts that round to nothing */
    int rounding = total && host->decimal_cmp(abs_diff, tol) <= 0;
    report_row(report, t, row, id->total, roles, n, sum, total, tol, diff, rounding);
}

static int row_total(const br_disclosure *doc, br_report *report)
{
    for (size_t ti = 0; ti < host->doc_table_count(doc); ti++) {
        const br_table *t = host->doc_table_at(doc, ti);
        size_t n_ids = 0;
        const br_identity *ids = host->identities_of(host->table_kind(t), &n_ids);
        for (size_t ri = 0; ri < host->table_row_count(t); ri++) {
            const br_row *row = host->table_row_at(t, ri);
            for (size_t k = 0; k < n_ids; k++)
                check_row(t, row, ids, n_ids, &ids[k], report);
        }
    }
    return BR_OK;
}

static const int row_total_inputs[] = {BR_INPUT_DISCLOSURE};

static const br_check_desc checks[] = {{
    .size = sizeof(br_check_desc),
    .id = "rowtotals.row_total",
    .title = "Row totals equal the sum of their parts",
    .description =
        "For every table whose kind defines row arithmetic (total = basic + project, "
        "total = personnel + public, the 三公 total and its 公务用车 subtotal in both years, the "
        "项目支出 subtotals, income total = its sources), each row's total column must equal "
        "the sum of its component columns. Blank cells count as nothing. Each printed figure "
        "stands for the interval that rounds to it: a difference the intervals cannot absorb "
        "is an error, one they absorb is reported as info.",
    .severity = BR_SEV_ERROR,
    .inputs = row_total_inputs,
    .n_inputs = 1,
    .fn = (br_check_fn)row_total,
}};

static const br_plugin_desc descriptor = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "rowtotals",
    .version = "0.1.0",
    .description = "Row arithmetic of the standard tables",
    .init = rt_init,
    .checks = checks,
    .n_checks = 1,
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &descriptor; }
