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

#include <budgetrec/plugin.h>

static const br_host *host;

static int rt_init(const br_host *h)
{
    if (!h || h->size < sizeof(br_host))
        return BR_ERR_PLUGIN;
    host = h;
    return BR_OK;
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

/* Test one row against one identity: cells[total] − Σ cells[parts] = 0. */
static void check_row(const br_table *t, const br_row *row, const br_identity *ids,
                      size_t n_ids, const br_identity *id, br_report *report)
{
    int total_col = host->table_find_column(t, id->total);
    int cols[BR_ROLE__COUNT];
    br_role roles[BR_ROLE__COUNT];
    size_t n = part_columns(t, ids, n_ids, id, cols, roles, BR_ROLE__COUNT, 0);
    if (total_col < 0 || n == 0)
        return;
    /* a two-sided table's breakdown columns belong to its expenditure panel:
     * an income row has its amount and no parts */
    if (host->row_side(row) == BR_SIDE_INCOME) {
        int any = 0;
        for (size_t i = 0; i < n && !any; i++) {
            const br_cell *c = host->row_cell(row, (size_t)cols[i]);
            any = c && (c->flags & BR_CELL_PRESENT);
        }
        if (!any)
            return;
    }
    br_term terms[BR_ROLE__COUNT + 1];
    char what[512];
    size_t used = (size_t)snprintf(what, sizeof what, "%s =", host->role_name(id->total));
    terms[0] = (br_term){.row = row, .col = (size_t)total_col, .coef = 1};
    for (size_t i = 0; i < n; i++) {
        terms[i + 1] = (br_term){.row = row, .col = (size_t)cols[i], .coef = -1};
        if (used < sizeof what)
            used += (size_t)snprintf(what + used, sizeof what - used, "%s %s", i ? " +" : "",
                                     host->role_name(roles[i]));
    }
    host->report_identity(report, "rowtotals.row_total", BR_SEV_ERROR, terms, n + 1, what);
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
