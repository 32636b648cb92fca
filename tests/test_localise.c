/*
 * Localisation: identities broken by one wrong figure are reported once, at
 * that figure, with its cause; the others are linked to it.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

#include "br_test.h"

/* expenditure rows: code, total, basic, project */
static br_table *table(br_disclosure *doc, const char *rows[][4], size_t n)
{
    br_table *t = br_disclosure_add_table(doc, BR_KIND_EXPENDITURE, "支出", BR_UNIT_WAN, 1);
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    br_table_set_columns(t, roles, 3);
    for (size_t i = 0; i < n; i++) {
        br_row *r = br_table_add_row(t, rows[i][0], rows[i][0], BR_SIDE_NONE, (long)(10 + i));
        for (size_t c = 0; c < 3; c++)
            if (rows[i][c + 1])
                br_row_set_value(r, c, dec(rows[i][c + 1]), 0);
    }
    return t;
}

/* The identities a check would report: each row's total = basic + project,
 * and the parent (row 0) = Σ the other rows, per column. */
static int identities(const br_disclosure *doc, br_report *report)
{
    const br_table *t = br_disclosure_table_at(doc, 0);
    size_t n = br_table_row_count(t);
    for (size_t i = 0; i < n; i++) {
        const br_row *r = br_table_row_at(t, i);
        br_term terms[] = {{r, 0, NULL, 1}, {r, 1, NULL, -1}, {r, 2, NULL, -1}};
        br_report_identity(report, "test.row", BR_SEV_ERROR, terms, 3, "total = basic + project");
    }
    for (size_t c = 0; c < 3; c++) {
        br_term terms[16];
        for (size_t i = 0; i < n; i++)
            terms[i] = (br_term){br_table_row_at(t, i), c, NULL, i ? -1 : 1};
        br_report_identity(report, "test.rollup", BR_SEV_ERROR, terms, n, "201 = Σ children");
    }
    return BR_OK;
}

static br_report *run(br_disclosure *doc)
{
    static const int whole[] = {BR_INPUT_DISCLOSURE};
    static const br_check_desc desc = {sizeof desc, "test.identities", "t", "d", BR_SEV_ERROR,
                                       whole, 1, (br_check_fn)identities};
    br_registry *reg = br_registry_new();
    cr_assert_eq(br_registry_add_check(reg, &desc, "test", NULL), BR_OK);
    br_report *r = br_registry_check(reg, doc, NULL);
    br_registry_free(reg);
    return r;
}

static size_t errors(const br_report *r, size_t *primary)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        if (br_report_at(r, i)->severity == BR_SEV_ERROR && br_report_consequence_of(r, i) < 0) {
            n++;
            *primary = i;
        }
    return n;
}

Test(localise, one_wrong_leaf_is_one_error_with_its_consequences)
{
    const char *rows[][4] = {{"201", "30.00", "20.00", "10.00"},
                             {"20101", "125.0", "10.00", "2.50"}, /* 12.50 shifted */
                             {"20103", "17.50", "10.00", "7.50"}};
    br_disclosure *doc = br_disclosure_new("mem");
    table(doc, rows, 3);
    br_report *r = run(doc);
    size_t p = 0;
    cr_assert_eq(errors(r, &p), 1);
    const br_finding *f = br_report_at(r, p);
    cr_assert_str_eq(f->row, "20101");
    cr_assert_str_eq(f->column, "total");
    cr_assert_str_eq(f->cause, "decimal_shift");
    cr_assert_str_eq(str(f->expected), "12.50");
    cr_assert_str_eq(str(f->actual), "125.0");
    size_t linked = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        if (br_report_consequence_of(r, i) == (long)p) {
            linked++;
            cr_assert_null(br_report_at(r, i)->cause);
        }
    cr_assert_eq(linked, 1); /* the roll-up of the total column */
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(localise, single_identity_is_pinned_on_the_cell_a_slip_explains)
{
    /* 201's basic = 20101 + 20103: 10.00 ≠ 2.72·10 + 7.28 → 20101 is a shifted 2.72 */
    const char *rows[][4] = {{"201", "10.00", "10.00", NULL},
                             {"20101", "27.2", "27.2", NULL},
                             {"20103", "7.28", "7.28", NULL}};
    br_disclosure *doc = br_disclosure_new("mem");
    table(doc, rows, 3);
    br_report *r = run(doc);
    /* total and basic roll-ups both break, each pinned on 20101 */
    size_t pinned = 0;
    for (size_t i = 0; i < br_report_count(r); i++) {
        const br_finding *f = br_report_at(r, i);
        if (f->severity != BR_SEV_ERROR || br_report_consequence_of(r, i) >= 0)
            continue;
        cr_assert_str_eq(f->row, "20101");
        cr_assert_str_eq(f->cause, "decimal_shift");
        cr_assert_str_eq(str(f->expected), "2.72");
        cr_assert_eq(f->line, 11);
        pinned++;
    }
    cr_assert_eq(pinned, 2);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(localise, ambiguous_difference_is_left_where_it_was_found)
{
    /* 30.00 vs 20.00 + 10.00 + 10.00: either 10.00 child may be the one
     * double-counted — no cell is pinned and the cause says so */
    const char *rows[][4] = {{"201", "30.00", "30.00", NULL},
                             {"20101", "20.00", "20.00", NULL},
                             {"20102", "10.00", "10.00", NULL},
                             {"20103", "10.00", "10.00", NULL}};
    br_disclosure *doc = br_disclosure_new("mem");
    table(doc, rows, 4);
    br_report *r = run(doc);
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++) {
        const br_finding *f = br_report_at(r, i);
        cr_assert_eq(f->severity, BR_SEV_ERROR);
        cr_assert_eq(br_report_consequence_of(r, i), -1);
        cr_assert_str_eq(f->row, "201");
        cr_assert_str_eq(f->cause, "ambiguous");
        cr_assert_str_eq(str(f->expected), "40.00");
        n++;
    }
    cr_assert_eq(n, 2); /* the total and basic roll-ups */
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(localise, figure_in_the_neighbouring_column_is_one_slip)
{
    /* 20103's 7.50 project figure printed under basic: 201's basic and project
     * roll-ups break by opposite amounts while every row total holds */
    const char *rows[][4] = {{"201", "30.00", "20.00", "10.00"},
                             {"20101", "12.50", "10.00", "2.50"},
                             {"20103", "17.50", "17.50", NULL}};
    br_disclosure *doc = br_disclosure_new("mem");
    table(doc, rows, 3);
    br_report *r = run(doc);
    size_t p = 0;
    cr_assert_eq(errors(r, &p), 1);
    const br_finding *f = br_report_at(r, p);
    cr_assert_str_eq(f->cause, "neighbouring_column");
    cr_assert_str_eq(f->row, "20103");
    cr_assert_str_eq(f->column, "basic");
    cr_assert_str_eq(str(f->actual), "17.50");
    cr_assert_str_eq(str(f->expected), "10.00");
    cr_assert_eq(f->line, 12);
    size_t linked = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        if (br_report_consequence_of(r, i) == (long)p) {
            cr_assert_str_eq(br_report_at(r, i)->column, "project");
            linked++;
        }
    cr_assert_eq(linked, 1);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* The same slip where the reader read the columns from rough positions
 * (BR_CELL_POSITIONAL: pdftotext text): the reader's doubt, not the
 * department's error — info "not checked" for the pair, counted so, and
 * one reader warning naming the row and column. */
Test(localise, figure_in_the_neighbouring_column_by_rough_position_is_doubted)
{
    const char *rows[][4] = {{"201", "30.00", "20.00", "10.00"},
                             {"20101", "12.50", "10.00", "2.50"},
                             {"20103", "17.50", "17.50", NULL}};
    br_disclosure *doc = br_disclosure_new("mem");
    br_table *t = table(doc, rows, 3);
    for (size_t i = 0; i < br_table_row_count(t); i++)
        for (size_t c = 0; c < 3; c++) {
            br_row *r = (br_row *)br_table_row_at(t, i);
            const br_cell *cell = br_row_cell(r, c);
            if (cell && (cell->flags & BR_CELL_PRESENT))
                br_row_set_value(r, c, cell->value, BR_CELL_POSITIONAL);
        }
    br_report *r = run(doc);
    size_t p = 0, warnings = 0, doubted = 0;
    cr_assert_eq(errors(r, &p), 0);
    for (size_t i = 0; i < br_report_count(r); i++) {
        const br_finding *f = br_report_at(r, i);
        if (f->severity == BR_SEV_WARNING) {
            warnings++;
            cr_assert_str_eq(f->check, "budgetrec.reading");
            cr_assert_str_eq(f->row, "20103");
            cr_assert_str_eq(f->column, "basic");
            cr_assert_str_eq(f->message, "a figure may stand under the neighbouring column (its "
                                         "column was read from positions the text keeps only "
                                         "roughly); the sums through it are not checked");
        }
        doubted += f->severity == BR_SEV_INFO && strstr(f->message, "not checked: ") == f->message;
    }
    cr_assert_eq(warnings, 1);
    cr_assert_eq(doubted, 2);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(r, &cov), BR_OK);
    cr_assert_eq(cov.broken, 0);
    cr_assert_eq(cov.nreasons, 1);
    cr_assert_str_eq(cov.reasons[0].kind, "column_unclear");
    cr_assert_eq(cov.reasons[0].count, 2);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* A roll-up chain of one column: rows[0] = Σ rows[1], rows[1] = Σ rows[2]. */
static int chain(const br_disclosure *doc, br_report *report)
{
    const br_table *t = br_disclosure_table_at(doc, 0);
    for (size_t i = 0; i + 1 < br_table_row_count(t); i++) {
        br_term terms[] = {{br_table_row_at(t, i), 0, NULL, 1},
                           {br_table_row_at(t, i + 1), 0, NULL, -1}};
        br_report_identity(report, "test.rollup", BR_SEV_ERROR, terms, 2, "parent = Σ child");
    }
    return BR_OK;
}

/*
 * A sole child printed ten times too large (2101101 370.90 under 21011
 * 37.09): the one broken identity reads as a decimal shift at either cell,
 * and its own figure (the parent's) is the one tested — but the parent is
 * confirmed by its own parent (210 = Σ 21011 holds), the child by nothing:
 * the error is the child's.
 */
Test(localise, sole_child_slip_is_pinned_below_a_confirmed_parent)
{
    const char *rows[][4] = {{"210", "37.09", NULL, NULL},
                             {"21011", "37.09", NULL, NULL},
                             {"2101101", "370.90", NULL, NULL}};
    br_disclosure *doc = br_disclosure_new("mem");
    table(doc, rows, 3);
    static const int whole[] = {BR_INPUT_DISCLOSURE};
    static const br_check_desc desc = {sizeof desc, "test.chain", "t", "d", BR_SEV_ERROR, whole, 1,
                                       (br_check_fn)chain};
    br_registry *reg = br_registry_new();
    cr_assert_eq(br_registry_add_check(reg, &desc, "test", NULL), BR_OK);
    br_report *r = br_registry_check(reg, doc, NULL);
    br_registry_free(reg);
    size_t p = 0;
    cr_assert_eq(errors(r, &p), 1);
    const br_finding *f = br_report_at(r, p);
    cr_assert_str_eq(f->check, "test.rollup");
    cr_assert_str_eq(f->table, "expenditure");
    cr_assert_str_eq(f->row, "2101101");
    cr_assert_str_eq(f->column, "total");
    cr_assert_str_eq(f->cause, "decimal_shift");
    cr_assert_str_eq(str(f->actual), "370.90");
    cr_assert_str_eq(str(f->expected), "37.09");
    cr_assert_eq(f->line, 12);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* Without the confirming grandparent nothing tells the two cells apart: the
 * finding stays at the figure it tested (the parent), its own slip. */
Test(localise, sole_child_slip_without_a_confirmed_parent_stays_at_the_parent)
{
    const char *rows[][4] = {{"21011", "37.09", NULL, NULL}, {"2101101", "370.90", NULL, NULL}};
    br_disclosure *doc = br_disclosure_new("mem");
    table(doc, rows, 2);
    static const int whole[] = {BR_INPUT_DISCLOSURE};
    static const br_check_desc desc = {sizeof desc, "test.chain", "t", "d", BR_SEV_ERROR, whole, 1,
                                       (br_check_fn)chain};
    br_registry *reg = br_registry_new();
    cr_assert_eq(br_registry_add_check(reg, &desc, "test", NULL), BR_OK);
    br_report *r = br_registry_check(reg, doc, NULL);
    br_registry_free(reg);
    size_t p = 0;
    cr_assert_eq(errors(r, &p), 1);
    const br_finding *f = br_report_at(r, p);
    cr_assert_str_eq(f->row, "21011");
    cr_assert_str_eq(f->cause, "decimal_shift");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* rows[0] = Σ the other rows of column 0, evaluated. */
static int eval_rollup(const char *const *v, size_t n, br_decimal *tol)
{
    br_disclosure *doc = br_disclosure_new("mem");
    br_table *t = br_disclosure_add_table(doc, BR_KIND_EXPENDITURE, "支出", BR_UNIT_WAN, 1);
    br_role roles[] = {BR_ROLE_TOTAL};
    br_table_set_columns(t, roles, 1);
    br_term terms[8];
    for (size_t i = 0; i < n; i++) {
        br_row *r = br_table_add_row(t, NULL, v[i], BR_SIDE_NONE, (long)(10 + i));
        br_row_set_value(r, 0, dec(v[i]), 0);
        terms[i] = (br_term){r, 0, NULL, i ? -1 : 1};
    }
    br_decimal e, a;
    int rc = br_identity_eval(terms, n, &e, &a, tol);
    br_disclosure_free(doc);
    return rc;
}

/*
 * A zero printed "0" among figures printed to the cent is an empty cell
 * written out — exactly nothing, no rounding interval: a class printed 1
 * where it should be 0 breaks its total (10.00 vs 11) instead of hiding in
 * the ±0.5 of each "0".  Among figures printed whole, "0" rounds like them.
 */
Test(localise, a_zero_printed_whole_among_cents_is_exactly_nothing)
{
    br_decimal tol;
    const char *cents[] = {"10.00", "10.00", "0", "0", "1"};
    cr_assert_eq(eval_rollup(cents, 5, &tol), BR_IDENTITY_BROKEN);
    cr_assert_str_eq(str(tol), "0.510");
    const char *whole[] = {"10", "10", "0", "0", "1"};
    cr_assert_eq(eval_rollup(whole, 5, &tol), BR_IDENTITY_ROUNDING);
    cr_assert_str_eq(str(tol), "2.5");
    const char *fine[] = {"10.00", "9.99", "0", "0.01"};
    cr_assert_eq(eval_rollup(fine, 4, &tol), BR_IDENTITY_EXACT);
}

/* tables 0 (元: 20103) and 1 (万元: 201, 20103, 2010301): 元 20103 = 万元
 * 20103, and 万元 201 = Σ 20103, 20103 = Σ 2010301. */
static int units_identities(const br_disclosure *doc, br_report *report)
{
    const br_table *y = br_disclosure_table_at(doc, 0), *w = br_disclosure_table_at(doc, 1);
    br_term cross[] = {{br_table_row_at(y, 0), 0, NULL, 1}, {br_table_row_at(w, 1), 0, NULL, -1}};
    br_report_identity(report, "test.cross", BR_SEV_ERROR, cross, 2, "元 20103 = 万元 20103");
    for (size_t i = 0; i + 1 < br_table_row_count(w); i++) {
        br_term t[] = {{br_table_row_at(w, i), 0, NULL, 1}, {br_table_row_at(w, i + 1), 0, NULL, -1}};
        br_report_identity(report, "test.rollup", BR_SEV_ERROR, t, 2, "parent = Σ child");
    }
    return BR_OK;
}

/*
 * A figure repeated by a 元 table and broken in the 万元 one (20103 printed
 * 3341.95 万元 for 2933.81; the 元 table's 29,338,100.00): the 元 identity's
 * repair, −4,081,400 元, is the 万元 roll-ups' −408.14 万元 — one wrong cell,
 * every broken identity linked to it, none left over as its own error.
 */
Test(localise, a_repair_in_yuan_agrees_with_one_in_wan_yuan)
{
    br_disclosure *doc = br_disclosure_new("mem");
    br_role roles[] = {BR_ROLE_TOTAL};
    br_table *y = br_disclosure_add_table(doc, BR_KIND_EXPENDITURE, "支出", BR_UNIT_YUAN, 1);
    br_table_set_columns(y, roles, 1);
    br_row_set_value(br_table_add_row(y, "20103", "政府办公厅", BR_SIDE_NONE, 5), 0,
                     dec("29338100.00"), 0);
    br_table *w = br_disclosure_add_table(doc, BR_KIND_GPB_EXPENDITURE, "一般", BR_UNIT_WAN, 20);
    br_table_set_columns(w, roles, 1);
    const char *rows[][2] = {{"201", "2933.81"}, {"20103", "3341.95"}, {"2010301", "2933.81"}};
    for (size_t i = 0; i < 3; i++)
        br_row_set_value(br_table_add_row(w, rows[i][0], rows[i][0], BR_SIDE_NONE, (long)(21 + i)),
                         0, dec(rows[i][1]), 0);
    static const int whole[] = {BR_INPUT_DISCLOSURE};
    static const br_check_desc desc = {sizeof desc, "test.units", "t", "d", BR_SEV_ERROR, whole, 1,
                                       (br_check_fn)units_identities};
    br_registry *reg = br_registry_new();
    cr_assert_eq(br_registry_add_check(reg, &desc, "test", NULL), BR_OK);
    br_report *r = br_registry_check(reg, doc, NULL);
    br_registry_free(reg);
    size_t p = 0;
    cr_assert_eq(errors(r, &p), 1);
    const br_finding *f = br_report_at(r, p);
    cr_assert_str_eq(f->table, "gpb_expenditure");
    cr_assert_str_eq(f->row, "20103");
    cr_assert_str_eq(f->column, "total");
    cr_assert_eq(f->line, 22);
    cr_assert_str_eq(str(f->actual), "3341.95");
    cr_assert_str_eq(str(f->expected), "2933.81");
    size_t linked = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        if (br_report_consequence_of(r, i) == (long)p) {
            linked++;
            cr_assert_null(br_report_at(r, i)->cause);
        }
    cr_assert_eq(linked, 2); /* the 元 repetition and the other roll-up */
    br_report_free(r);
    br_disclosure_free(doc);
}
