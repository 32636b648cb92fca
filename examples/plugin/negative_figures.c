/*
 * negative_figures.c — an example check plugin: a budget table never prints
 * a negative amount, so every negative money cell is reported.
 *
 * The path a plugin author follows: include only <budgetrec/plugin.h>, never
 * link libcore (the host hands over its services at init), declare the
 * inputs the check needs, export br_plugin_entry_v1.  Build with the
 * CMakeLists.txt beside this file, then
 *
 *     build/budgetrec check --plugin build/example-plugin/example.so examples/
 *     python: budgetrec.load_plugin("build/example-plugin/example.so")
 */
#include <stdio.h>

#include <budgetrec/plugin.h>

static const br_host *host;

static int init(const br_host *h)
{
    if (!h || h->size < sizeof(br_host))
        return BR_ERR_PLUGIN; /* a host older than the header we were built with */
    host = h;
    return BR_OK;
}

/* inputs {BR_INPUT_DISCLOSURE} → fn(const br_disclosure *, br_report *) */
static int negative_figures(const br_disclosure *doc, br_report *report)
{
    for (size_t ti = 0; ti < host->doc_table_count(doc); ti++) {
        const br_table *t = host->doc_table_at(doc, ti);
        for (size_t ri = 0; ri < host->table_row_count(t); ri++) {
            const br_row *row = host->table_row_at(t, ri);
            for (size_t c = 0; c < host->table_column_count(t); c++) {
                const br_cell *cell = host->row_cell(row, c);
                if (!(cell->flags & BR_CELL_PRESENT) || (cell->flags & BR_CELL_TEXT) ||
                    cell->value.units >= 0)
                    continue;
                char figure[BR_DECIMAL_STR_MAX], msg[256];
                host->decimal_format(cell->value, figure, sizeof figure);
                snprintf(msg, sizeof msg, "negative amount %s: budget tables print none", figure);
                br_finding f = {
                    .check = "example.negative_figures", .severity = BR_SEV_WARNING,
                    .table = host->kind_name(host->table_kind(t)), .row = host->row_key(row),
                    .column = host->role_name(host->table_column_role(t, c)),
                    .present = BR_FINDING_ACTUAL, .actual = cell->value,
                    .line = host->row_line(row), .message = msg,
                };
                int rc = host->report_add(report, &f);
                if (rc != BR_OK)
                    return rc;
            }
        }
    }
    return BR_OK;
}

static const int inputs[] = {BR_INPUT_DISCLOSURE};
static const br_check_desc checks[] = {{
    .size = sizeof(br_check_desc),
    .id = "example.negative_figures",
    .title = "No negative amounts",
    .description = "Budget tables print amounts, never negative figures: each negative money "
                   "cell is reported as a warning (a sign slip, or a refund printed in the "
                   "wrong table).",
    .severity = BR_SEV_WARNING,
    .inputs = inputs,
    .n_inputs = 1,
    .fn = (br_check_fn)negative_figures,
}};

static const br_plugin_desc desc = {
    .size = sizeof(br_plugin_desc),
    .abi_major = BR_PLUGIN_ABI_MAJOR,
    .abi_minor = BR_PLUGIN_ABI_MINOR,
    .name = "example",
    .version = "1.0",
    .description = "Example check plugin (examples/plugin/).",
    .init = init,
    .checks = checks,
    .n_checks = 1,
};

BR_PLUGIN_EXPORT const br_plugin_desc *br_plugin_entry_v1(void) { return &desc; }
