/*
 * cmd_compare.c — `budgetrec compare`: one row per disclosure, to compare
 * departments (or years) side by side: who, the headline totals as printed,
 * and how many findings the checks made.
 */
#include <csv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "runner.h"

/* A headline figure: kind, role of its 合计 row. */
typedef struct headline {
    const char *name;
    br_kind kind;
    br_role role;
} headline;

static const headline headlines[] = {
    {"income_total", BR_KIND_INCOME, BR_ROLE_TOTAL},
    {"expenditure_total", BR_KIND_EXPENDITURE, BR_ROLE_TOTAL},
    {"basic", BR_KIND_EXPENDITURE, BR_ROLE_BASIC},
    {"project", BR_KIND_EXPENDITURE, BR_ROLE_PROJECT},
    {"gpb_total", BR_KIND_GPB_EXPENDITURE, BR_ROLE_TOTAL},
    {"gpb_prev_total", BR_KIND_GPB_EXPENDITURE, BR_ROLE_PREV_TOTAL},
    {"three_public_total", BR_KIND_THREE_PUBLIC, BR_ROLE_TOTAL},
    {"operating_expenses", BR_KIND_GPB_BASIC, BR_ROLE_PUBLIC},
};
#define N_HEADLINES (sizeof headlines / sizeof *headlines)

static const char *const fixed_columns[] = {"document", "department", "code", "year", "phase",
                                            "unit", "tables", "claims"};
/* appended after status: how much was checked (br_report_coverage) */
static const char *const count_columns[] = {
    "errors", "warnings", "infos", "consequences", "status", "identities_checked",
    "identities_held", "identities_broken", "identities_not_checked", "tables_uncertain"};
#define STATUS_COLUMN (N_FIXED + N_HEADLINES + 4)
#define N_FIXED (sizeof fixed_columns / sizeof *fixed_columns)
#define N_COUNTS (sizeof count_columns / sizeof *count_columns)
#define N_COLUMNS (N_FIXED + N_HEADLINES + N_COUNTS)

/* The figure of a table's 合计 row (its first row when none is labelled so). */
static int headline_value(const br_disclosure *doc, const headline *h, char *buf, size_t cap)
{
    const br_table *t = br_disclosure_find_table(doc, h->kind);
    int col = br_table_find_column(t, h->role);
    if (!t || col < 0 || !br_table_row_count(t))
        return 0;
    const br_row *r = br_table_find_label(t, "合计");
    const br_cell *c = br_row_cell(r ? r : br_table_row_at(t, 0), (size_t)col);
    if (!c || !(c->flags & BR_CELL_PRESENT) || (c->flags & BR_CELL_TEXT))
        return 0;
    br_decimal_format(c->value, buf, cap);
    return 1;
}

typedef struct compare_ctx {
    out_writer *w;
    size_t rows;
    int unreadable, errors;
} compare_ctx;

static void header(FILE *o, out_format f)
{
    const char *sep = f == OUT_CSV ? "," : "\t";
    for (size_t i = 0; i < N_COLUMNS; i++) {
        const char *name = i < N_FIXED                  ? fixed_columns[i]
                           : i < N_FIXED + N_HEADLINES ? headlines[i - N_FIXED].name
                                                       : count_columns[i - N_FIXED - N_HEADLINES];
        fputs(i ? sep : "", o);
        if (f == OUT_CSV)
            csv_fwrite(o, name, strlen(name));
        else
            fputs(name, o);
    }
    putc('\n', o);
}

static void on_document(const char *path, const br_disclosure *doc, const br_report *report,
                        const br_error *err, void *arg)
{
    compare_ctx *c = arg;
    char cells[N_COLUMNS][BR_DECIMAL_STR_MAX + 16];
    const char *values[N_COLUMNS] = {0};
    size_t counts[4] = {0};
    for (size_t i = 0; report && i < br_report_count(report); i++) {
        const br_finding *f = br_report_at(report, i);
        counts[br_report_consequence_of(report, i) >= 0 ? 3 : 2 - (size_t)f->severity]++;
    }
    values[0] = path;
    if (doc) {
        values[1] = br_disclosure_department(doc);
        values[2] = br_disclosure_department_code(doc);
        if (br_disclosure_year(doc)) {
            snprintf(cells[3], sizeof cells[3], "%d", br_disclosure_year(doc));
            values[3] = cells[3];
        }
        values[4] = br_phase_name(br_disclosure_phase(doc));
        values[5] = br_disclosure_unit(doc) ? br_unit_name(br_disclosure_unit(doc)) : NULL;
        snprintf(cells[6], sizeof cells[6], "%zu", br_disclosure_table_count(doc));
        values[6] = cells[6];
        snprintf(cells[7], sizeof cells[7], "%zu",
                 br_narrative_claim_count(br_disclosure_narrative((br_disclosure *)doc)));
        values[7] = cells[7];
        for (size_t h = 0; h < N_HEADLINES; h++)
            if (headline_value(doc, &headlines[h], cells[N_FIXED + h], sizeof cells[0]))
                values[N_FIXED + h] = cells[N_FIXED + h];
        for (size_t k = 0; k < 4; k++) {
            snprintf(cells[N_FIXED + N_HEADLINES + k], sizeof cells[0], "%zu", counts[k]);
            values[N_FIXED + N_HEADLINES + k] = cells[N_FIXED + N_HEADLINES + k];
        }
    } else {
        cli_print_error(err);
        c->unreadable = 1;
    }
    values[STATUS_COLUMN] = doc ? "read" : "unreadable";
    br_coverage cov;
    if (report && br_report_coverage(report, &cov) == BR_OK) {
        size_t figures[] = {cov.identities, cov.held, cov.broken, cov.not_checked,
                            cov.tables_uncertain};
        for (size_t k = 0; k < sizeof figures / sizeof *figures; k++) {
            snprintf(cells[STATUS_COLUMN + 1 + k], sizeof cells[0], "%zu", figures[k]);
            values[STATUS_COLUMN + 1 + k] = cells[STATUS_COLUMN + 1 + k];
        }
    }
    c->errors |= counts[0] > 0;

    FILE *o = c->w->out;
    if (c->w->format == OUT_JSON) {
        putc('{', o);
        for (size_t i = 0; i < N_COLUMNS; i++) {
            const char *name = i < N_FIXED                  ? fixed_columns[i]
                               : i < N_FIXED + N_HEADLINES ? headlines[i - N_FIXED].name
                                                           : count_columns[i - N_FIXED - N_HEADLINES];
            fputs(i ? ", " : "", o);
            json_string(o, name);
            fputs(": ", o);
            json_string(o, values[i]);
        }
        fputs("}\n", o);
        return;
    }
    for (size_t i = 0; i < N_COLUMNS; i++) {
        fputs(i ? (c->w->format == OUT_CSV ? "," : "\t") : "", o);
        if (values[i] && c->w->format == OUT_CSV)
            csv_fwrite(o, values[i], strlen(values[i]));
        else if (values[i])
            fputs(values[i], o);
        else if (c->w->format == OUT_TEXT)
            putc('-', o);
    }
    putc('\n', o);
}

int cmd_compare(int argc, char **argv)
{
    check_args a = {.w = {.out = stdout, .format = OUT_TEXT}};
    int status = EXIT_USAGE;
    br_registry *reg = NULL;
    const char **only = NULL, **skip = NULL;
    int pr = cli_parse_run_args(&a, argc, argv);
    if (pr != 0 || a.inputs.ndocs == 0 || a.w.format == OUT_HTML) {
        fputs("usage: budgetrec compare [--format text|csv|json] [-o FILE] [--jobs N]\n"
              "       [--plugin PATH] [--plugin-dir DIR] [--only ID,...] [--skip ID,...]\n"
              "       [--join | --no-join] PATH...\n"
              "One row per disclosure: department, year, unit, headline totals (合计 rows),\n"
              "finding counts.  Text output is tab-separated.\n",
              pr > 0 ? stdout : stderr);
        status = pr > 0 ? EXIT_CLEAN : EXIT_USAGE;
        goto done;
    }
    reg = cli_load_plugins(&a.plugins);
    only = a.only ? cli_split_ids(a.only) : NULL;
    skip = a.skip ? cli_split_ids(a.skip) : NULL;
    if (!reg || !cli_known_ids(reg, only) || !cli_known_ids(reg, skip))
        goto done;
    if (cli_open_output(&a, "compare") != 0)
        goto done;
    br_check_options opts = {.only = only, .skip = skip};
    compare_ctx ctx = {.w = &a.w};
    if (a.w.format != OUT_JSON)
        header(a.w.out, a.w.format);
    cli_run_documents(reg, &opts, &a.inputs, a.jobs ? a.jobs : cli_default_jobs(), on_document,
                      &ctx);
    status = ctx.unreadable ? EXIT_USAGE : ctx.errors ? EXIT_FINDINGS : EXIT_CLEAN;
    if (fflush(a.w.out) != 0 || cli_finish_output(&a) != 0)
        status = EXIT_USAGE;
done:
    free(only);
    free(skip);
    br_registry_free(reg);
    cli_run_args_free(&a);
    return status;
}
