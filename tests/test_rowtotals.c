/*
 * The row-total check (plugins/rowtotals) on minimal documents: a consistent
 * table, its broken twin, and a twin that holds only through rounding —
 * built through the model API, and read from hand-written text.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

#include "br_test.h"

static br_registry *reg;

static void setup(void)
{
    reg = br_registry_new();
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/rowtotals.so", &err), BR_OK, "%s",
                 err.message);
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(rowtotals, .init = setup, .fini = teardown);

/* expenditure: total, basic, project; one 合计 row with the given figures. */
static br_disclosure *expenditure_doc(const char *total, const char *basic, const char *project)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_table *t = br_disclosure_add_table(doc, BR_KIND_EXPENDITURE, "部门支出总表", BR_UNIT_WAN, 1);
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    cr_assert_eq(br_table_set_columns(t, roles, 3), BR_OK);
    br_row *r = br_table_add_row(t, "201", "一般公共服务支出", BR_SIDE_NONE, 7);
    const char *v[] = {total, basic, project};
    for (size_t c = 0; c < 3; c++)
        if (v[c])
            br_row_set_value(r, c, dec(v[c]), 0);
    return doc;
}

static br_report *check(br_disclosure *doc)
{
    br_report *r = br_registry_check(reg, doc, NULL);
    cr_assert_not_null(r);
    return r;
}

Test(rowtotals, consistent_row_has_no_finding)
{
    br_disclosure *doc = expenditure_doc("30.00", "20.00", "10.00");
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 0);
    cr_assert_eq(br_report_run_status(r, 0), BR_CHECK_PASSED);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(rowtotals, broken_twin_is_an_error_with_exact_figures)
{
    br_disclosure *doc = expenditure_doc("31.00", "20.00", "10.00");
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 1);
    const br_finding *f = br_report_at(r, 0);
    cr_assert_str_eq(f->check, "rowtotals.row_total");
    cr_assert_eq(f->severity, BR_SEV_ERROR);
    cr_assert_str_eq(f->table, "expenditure");
    cr_assert_str_eq(f->row, "201");
    cr_assert_str_eq(f->column, "total");
    cr_assert_str_eq(str(f->expected), "30.00");
    cr_assert_str_eq(str(f->actual), "31.00");
    cr_assert_str_eq(str(f->tolerance), "0.015");
    br_decimal diff;
    cr_assert_eq(br_report_difference(r, 0, &diff), 1);
    cr_assert_str_eq(str(diff), "1.00");
    cr_assert_eq(f->line, 7);
    cr_assert_str_eq(f->message, "total = basic + project: 31.00, expected 30.00 (difference 1.00)");
    cr_assert_eq(br_report_run_status(r, 0), BR_CHECK_FAILED);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(rowtotals, difference_within_rounding_is_info)
{
    /* 30.0 stands for [29.95, 30.05]; 20.01 + 10.01 = 30.02 lies inside. */
    br_disclosure *doc = expenditure_doc("30.0", "20.01", "10.01");
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 1);
    const br_finding *f = br_report_at(r, 0);
    cr_assert_eq(f->severity, BR_SEV_INFO);
    cr_assert_str_eq(str(f->tolerance), "0.060");
    cr_assert_eq(br_report_run_status(r, 0), BR_CHECK_PASSED);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(rowtotals, just_beyond_rounding_is_an_error)
{
    /* 30.0 + radius 0.05, parts radii 0.01: 30.07 is 0.07 away > 0.06. */
    br_disclosure *doc = expenditure_doc("30.0", "20.06", "10.01");
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 1);
    cr_assert_eq(br_report_at(r, 0)->severity, BR_SEV_ERROR);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(rowtotals, blank_parts_count_as_nothing_and_blank_rows_are_skipped)
{
    br_disclosure *doc = expenditure_doc("10.00", NULL, "10.00");
    br_table *t = br_disclosure_table_at(doc, 0);
    br_table_add_row(t, "202", "外交支出", BR_SIDE_NONE, 8); /* all blank */
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(rowtotals, blank_total_over_figures_is_an_error)
{
    br_disclosure *doc = expenditure_doc(NULL, "4.00", "1.00");
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 1);
    const br_finding *f = br_report_at(r, 0);
    cr_assert_eq(f->severity, BR_SEV_ERROR);
    cr_assert_eq(f->present & BR_FINDING_ACTUAL, 0);
    cr_assert_str_eq(f->message, "total = basic + project: blank, but the other figures give 5.00");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* three_public with a previous-year group printed without its 小计 column. */
Test(rowtotals, missing_subtotal_column_is_expanded_into_its_parts)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_table *t = br_disclosure_add_table(doc, BR_KIND_THREE_PUBLIC, "三公", BR_UNIT_WAN, 1);
    br_role roles[] = {BR_ROLE_PREV_TOTAL, BR_ROLE_PREV_ABROAD, BR_ROLE_PREV_VEHICLE_PURCHASE,
                       BR_ROLE_PREV_VEHICLE_OPERATION, BR_ROLE_PREV_RECEPTION, BR_ROLE_TOTAL,
                       BR_ROLE_ABROAD, BR_ROLE_VEHICLE_SUBTOTAL, BR_ROLE_VEHICLE_PURCHASE,
                       BR_ROLE_VEHICLE_OPERATION, BR_ROLE_RECEPTION};
    cr_assert_eq(br_table_set_columns(t, roles, 11), BR_OK);
    br_row *r = br_table_add_row(t, NULL, "合计", BR_SIDE_NONE, 5);
    br_row_set_value(r, 0, dec("6.00"), 0);
    br_row_set_value(r, 3, dec("4.00"), 0);
    br_row_set_value(r, 4, dec("2.00"), 0);
    br_row_set_value(r, 5, dec("6.00"), 0);
    br_row_set_value(r, 7, dec("6.00"), 0); /* subtotal 6.00 but 0 + 4.00 below */
    br_row_set_value(r, 9, dec("4.00"), 0);
    br_row_set_value(r, 10, dec("2.00"), 0);
    br_report *rep = check(doc);
    cr_assert_eq(br_report_count(rep), 2);
    const br_finding *total = br_report_at(rep, 0), *sub = br_report_at(rep, 1);
    cr_assert_str_eq(total->column, "total");
    cr_assert_str_eq(str(total->expected), "8.00");
    cr_assert_str_eq(total->message,
                     "total = abroad + vehicle_subtotal + reception: 6.00, expected 8.00 "
                     "(difference -2.00)");
    cr_assert_str_eq(sub->column, "vehicle_subtotal");
    cr_assert_str_eq(str(sub->expected), "4.00");
    cr_assert_str_eq(sub->row, "合计");
    br_report_free(rep);
    br_disclosure_free(doc);
}

/* The same check on text read by the disclosure-text reader. */
static br_report *check_file(const char *name, br_disclosure **doc)
{
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/disclosure_text.so", &err), BR_OK,
                 "%s", err.message);
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/%s", BR_SOURCE_DIR, name);
    cr_assert_eq(br_registry_read(reg, path, doc, &err), BR_OK, "%s:%ld: %s", err.file, err.line,
                 err.message);
    return check(*doc);
}

static size_t count_check(const br_report *r, const char *id, br_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        n += strcmp(br_report_at(r, i)->check, id) == 0 && br_report_at(r, i)->severity == sev;
    return n;
}

Test(rowtotals, text_twin_consistent)
{
    br_disclosure *doc;
    br_report *r = check_file("rowtotals_ok.txt", &doc);
    cr_assert_eq(count_check(r, "rowtotals.row_total", BR_SEV_ERROR), 0);
    cr_assert_eq(count_check(r, "rowtotals.row_total", BR_SEV_INFO), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(rowtotals, text_twin_broken)
{
    br_disclosure *doc;
    br_report *r = check_file("rowtotals_broken.txt", &doc);
    cr_assert_eq(count_check(r, "rowtotals.row_total", BR_SEV_ERROR), 1);
    const br_finding *f = NULL;
    for (size_t i = 0; i < br_report_count(r); i++)
        if (strcmp(br_report_at(r, i)->check, "rowtotals.row_total") == 0)
            f = br_report_at(r, i);
    cr_assert_str_eq(f->table, "expenditure");
    cr_assert_str_eq(f->row, "20101");
    cr_assert_str_eq(str(f->expected), "12.50");
    cr_assert_str_eq(str(f->actual), "12.05");
    cr_assert_eq(f->line, 14);
    br_report_free(r);
    br_disclosure_free(doc);
}
