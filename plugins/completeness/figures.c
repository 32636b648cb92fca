/*
 * figures.c — the figures a disclosure prints about a subject (政府性基金,
 * 国有资本经营, 三公 …): the cells of its own tables, its funding column in
 * other tables (income, fiscal_summary, procurement), and income rows that
 * name it.  Previous-year columns ("prev_") are not the budget year's.
 */
#include <stdio.h>
#include <string.h>

#include "compl.h"

static int is_prev(br_role role)
{
    const char *n = cp_host->role_name(role);
    return n && strncmp(n, "prev_", 5) == 0;
}

/* A printed, non-zero money figure in row r, column col. */
static int money_at(const br_row *r, size_t col, br_decimal *v)
{
    const br_cell *c = cp_host->row_cell(r, col);
    if (!c || !(c->flags & BR_CELL_PRESENT) || (c->flags & BR_CELL_TEXT) ||
        cp_host->decimal_cmp(c->value, (br_decimal){0, 0}) == 0)
        return 0;
    *v = c->value;
    return 1;
}

/* The first non-zero figure of row r in a budget-year money column, or in
 * column `only` when it is ≥ 0. */
static int row_figure(const br_table *t, const br_row *r, int only, cp_figure *out)
{
    size_t ncols = cp_host->table_column_count(t);
    for (size_t col = 0; col < ncols; col++) {
        if ((only >= 0 && col != (size_t)only) || is_prev(cp_host->table_column_role(t, col)))
            continue;
        if (money_at(r, col, &out->value)) {
            out->table = t;
            out->row = r;
            out->col = col;
            return 1;
        }
    }
    return 0;
}

int cp_table_figure(const br_table *t, cp_figure *out)
{
    for (size_t i = 0; i < cp_host->table_row_count(t); i++)
        if (row_figure(t, cp_host->table_row_at(t, i), -1, out))
            return 1;
    return 0;
}

int cp_find_figure(const br_disclosure *doc, const cp_subject *subj, cp_figure *out)
{
    size_t nt = cp_host->doc_table_count(doc);
    for (size_t ti = 0; ti < nt; ti++) {
        const br_table *t = cp_host->doc_table_at(doc, ti);
        br_kind k = cp_host->table_kind(t);
        if ((k == subj->kind || (subj->also != BR_KIND_UNKNOWN && k == subj->also)) &&
            cp_table_figure(t, out))
            return 1;
    }
    for (size_t ti = 0; ti < nt; ti++) {
        const br_table *t = cp_host->doc_table_at(doc, ti);
        br_kind k = cp_host->table_kind(t);
        if (k == subj->kind || k == subj->also)
            continue;
        int col = subj->role != BR_ROLE_NONE ? cp_host->table_find_column(t, subj->role) : -1;
        int named_rows = k == BR_KIND_SUMMARY || k == BR_KIND_FISCAL_SUMMARY;
        if (col < 0 && !named_rows)
            continue;
        for (size_t i = 0; i < cp_host->table_row_count(t); i++) {
            const br_row *r = cp_host->table_row_at(t, i);
            if (col >= 0 && row_figure(t, r, col, out))
                return 1;
            const char *label = cp_host->row_label(r);
            if (named_rows && cp_host->row_side(r) == BR_SIDE_INCOME && label &&
                strstr(label, subj->word) && row_figure(t, r, -1, out))
                return 1;
        }
    }
    return 0;
}

void cp_figure_where(const cp_figure *f, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s %s · %s (line %ld)", cp_host->kind_name(cp_host->table_kind(f->table)),
             cp_host->row_key(f->row) ? cp_host->row_key(f->row) : "",
             cp_host->role_name(cp_host->table_column_role(f->table, f->col)),
             cp_host->row_line(f->row));
}
