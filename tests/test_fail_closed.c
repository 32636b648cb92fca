/*
 * Fail closed: no error rests on a reading the reader is unsure of.
 *
 *   - a column marked uncertain: its identities are "not checked" (info),
 *     counted by kind in the coverage; never errors;
 *   - columns printed in another order than their header says (a rotation):
 *     read again by the arithmetic (libcore/src/audit.c), no error;
 *   - columns that fit no reading: one reader warning, the rows not checked;
 *   - a check breaking row after row of one table (systematic.c): one
 *     budgetrec.reading warning instead of an error per row.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

#define BR_TEST_REGISTRY
static br_registry *reg;
#include "br_test.h"

static void setup(void)
{
    reg = br_registry_new();
    br_error err = {0};
    const char *plugins[] = {"disclosure_text", "rowtotals", "tables"};
    for (size_t i = 0; i < 3; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s.so", BR_PLUGIN_BUILD_DIR, plugins[i]);
        cr_assert_eq(br_registry_load(reg, path, &err), BR_OK, "%s", err.message);
    }
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(fail_closed, .init = setup, .fini = teardown);

static size_t severity_count(const br_report *r, br_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        n += br_report_at(r, i)->severity == sev;
    return n;
}

static br_disclosure *read_text(const char *text)
{
    br_disclosure *doc = NULL;
    br_error err = {0};
    cr_assert_eq(br_registry_read_buffer(reg, "t.txt", text, strlen(text), &doc, &err), BR_OK,
                 "%s", err.message);
    return doc;
}

Test(fail_closed, uncertain_column_is_not_checked_and_counted)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_table *t = br_disclosure_add_table(doc, BR_KIND_EXPENDITURE, "部门支出总表", BR_UNIT_WAN, 1);
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    cr_assert_eq(br_table_set_columns(t, roles, 3), BR_OK);
    br_row *r = br_table_add_row(t, "201", "一般公共服务支出", BR_SIDE_NONE, 7);
    br_row_set_value(r, 0, dec("30.00"), 0);
    br_row_set_value(r, 1, dec("20.00"), 0);
    br_row_set_value(r, 2, dec("1.00"), 0); /* 30 ≠ 20 + 1: would be an error */
    cr_assert_eq(br_table_set_uncertain(t, 2, "unknown_header", "its header is not understood"),
                 BR_OK);
    cr_assert_str_eq(br_cell_uncertain(r, 2)->kind, "unknown_header");
    cr_assert_null(br_cell_uncertain(r, 0));

    br_report *rep = check(doc);
    cr_assert_eq(severity_count(rep, BR_SEV_ERROR), 0);
    const br_finding *f = only(rep, "rowtotals.row_total");
    cr_assert_eq(f->severity, BR_SEV_INFO);
    cr_assert_str_eq(f->message, "not checked: total = basic + project — its header is not "
                                 "understood");
    br_coverage cov;
    cr_assert_eq(br_report_coverage(rep, &cov), BR_OK);
    cr_assert_eq(cov.broken, 0);
    cr_assert_eq(cov.not_checked, 1);
    cr_assert_eq(cov.nreasons, 1);
    cr_assert_str_eq(cov.reasons[0].kind, "unknown_header");
    cr_assert_eq(cov.reasons[0].count, 1);
    cr_assert_eq(cov.tables, 1);
    cr_assert_eq(cov.tables_uncertain, 1);
    char msg[512];
    br_coverage_format(&cov, msg, sizeof msg);
    cr_assert_str_eq(msg, "0 identities checked; 1 not checked (unknown_header 1); 0 of 1 tables "
                          "read with certainty; 3 checks ran, 0 not applicable");
    br_report_free(rep);
    br_disclosure_free(doc);
}

Test(fail_closed, a_guessed_cell_is_not_checked)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_table *t = br_disclosure_add_table(doc, BR_KIND_EXPENDITURE, "部门支出总表", BR_UNIT_WAN, 1);
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    cr_assert_eq(br_table_set_columns(t, roles, 3), BR_OK);
    br_row *r = br_table_add_row(t, "201", "一般公共服务支出", BR_SIDE_NONE, 7);
    br_row_set_value(r, 0, dec("30.00"), 0);
    br_row_set_value(r, 1, dec("25.00"), BR_CELL_UNCERTAIN);
    br_report *rep = check(doc);
    cr_assert_eq(severity_count(rep, BR_SEV_ERROR), 0);
    cr_assert_eq(only(rep, "rowtotals.row_total")->severity, BR_SEV_INFO);
    br_coverage cov;
    br_report_coverage(rep, &cov);
    cr_assert_str_eq(cov.reasons[0].kind, "guessed_figure");
    br_report_free(rep);
    br_disclosure_free(doc);
}

/* Four distinct rows whose figures are printed basic | project | total under
 * a header 合计 | 基本支出 | 项目支出: every row breaks as headed, every row
 * holds with the run shifted by one. */
static const char rotated[] =
    "某单位 2022 年部门支出总表\n"
    "单位：万元\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "\t合计\t20.00\t10.00\t30.00\n"
    "201\t一般公共服务支出\t20.00\t10.00\t30.00\n"
    "20101\t人大事务\t12.00\t2.50\t14.50\n"
    "20103\t政府办公厅（室）及相关机构事务\t8.00\t7.50\t15.50\n";

Test(fail_closed, columns_in_another_order_are_read_again)
{
    br_disclosure *doc = read_text(rotated);
    const br_table *t = br_disclosure_find_table(doc, BR_KIND_EXPENDITURE);
    cr_assert_eq(br_table_column_role(t, 0), BR_ROLE_BASIC);
    cr_assert_eq(br_table_column_role(t, 1), BR_ROLE_PROJECT);
    cr_assert_eq(br_table_column_role(t, 2), BR_ROLE_TOTAL);
    cr_assert_str_eq(str(br_row_cell_by_role(br_table_find_row(t, "20101"), BR_ROLE_TOTAL)->value),
                     "14.50");
    br_report *rep = check(doc);
    cr_assert_eq(severity_count(rep, BR_SEV_ERROR), 0);
    cr_assert_eq(severity_count(rep, BR_SEV_WARNING), 0);
    const br_finding *note = only(rep, "disclosure-text.parse");
    cr_assert_str_eq(note->message,
                     "columns read again: as headed (total | basic | project) 4 of 4 row "
                     "identities broke; as basic | project | total every one holds");
    br_report_free(rep);
    br_disclosure_free(doc);
}

/* Rows that fit no reading of their columns. */
static const char unfit[] =
    "某单位 2022 年部门支出总表\n"
    "单位：万元\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "\t合计\t32.00\t20.00\t10.00\n"
    "201\t一般公共服务支出\t32.00\t20.00\t10.00\n"
    "20101\t人大事务\t13.00\t10.00\t2.00\n"
    "20103\t政府办公厅（室）及相关机构事务\t18.00\t10.00\t8.00\n";

Test(fail_closed, columns_that_fit_no_reading_give_one_warning)
{
    br_disclosure *doc = read_text(unfit);
    br_report *rep = check(doc);
    cr_assert_eq(severity_count(rep, BR_SEV_ERROR), 0);
    cr_assert_eq(severity_count(rep, BR_SEV_WARNING), 1);
    const br_finding *w = only(rep, "disclosure-text.parse");
    cr_assert_eq(w->severity, BR_SEV_WARNING);
    cr_assert(strstr(w->message, "columns do not fit: as headed (total | basic | project) 3 of 4 "
                                 "rows break"),
              "%s", w->message);
    cr_assert_eq(count(rep, "rowtotals.row_total"), 4); /* each "not checked" */
    for (size_t i = 0; i < br_report_count(rep); i++)
        if (strcmp(br_report_at(rep, i)->check, "rowtotals.row_total") == 0)
            cr_assert_eq(br_report_at(rep, i)->severity, BR_SEV_INFO);
    br_coverage cov;
    br_report_coverage(rep, &cov);
    cr_assert_str_eq(cov.reasons[0].kind, "misaligned_columns");
    cr_assert_eq(cov.tables_uncertain, 1);
    br_report_free(rep);
    br_disclosure_free(doc);
}

/* Codes misread so that three parents do not sum (each row's own total is
 * right): a misreading, one warning; an isolated break stays an error. */
static const char hierarchy[] =
    "某单位 2022 年部门支出总表\n"
    "单位：万元\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "\t合计\t100.00\t60.00\t40.00\n"
    "201\t一般公共服务支出\t40.00\t20.00\t20.00\n"
    "20101\t人大事务\t10.00\t5.00\t5.00\n"
    "208\t社会保障和就业支出\t30.00\t20.00\t10.00\n"
    "20801\t人力资源和社会保障管理事务\t9.00\t4.00\t5.00\n"
    "210\t卫生健康支出\t30.00\t20.00\t10.00\n"
    "21001\t卫生健康管理事务\t8.00\t3.00\t5.00\n";

Test(fail_closed, many_broken_rows_of_one_check_are_doubted)
{
    br_disclosure *doc = read_text(hierarchy);
    br_report *rep = check(doc);
    cr_assert_eq(severity_count(rep, BR_SEV_ERROR), 0);
    const br_finding *w = only(rep, "budgetrec.reading");
    cr_assert_eq(w->severity, BR_SEV_WARNING);
    cr_assert_str_eq(w->table, "expenditure");
    cr_assert(strstr(w->message, "on 3 distinct rows"), "%s", w->message);
    br_coverage cov;
    br_report_coverage(rep, &cov);
    int systematic = 0;
    for (size_t i = 0; i < cov.nreasons; i++)
        systematic |= strcmp(cov.reasons[i].kind, "systematic") == 0;
    cr_assert(systematic);
    br_report_free(rep);
    br_disclosure_free(doc);
}

static const char isolated[] =
    "某单位 2022 年部门支出总表\n"
    "单位：万元\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "\t合计\t100.00\t60.00\t40.00\n"
    "201\t一般公共服务支出\t40.00\t20.00\t20.00\n"
    "20101\t人大事务\t10.00\t5.00\t5.00\n"
    "20102\t政协事务\t31.00\t16.00\t15.00\n"
    "208\t社会保障和就业支出\t30.00\t20.00\t10.00\n"
    "20801\t人力资源和社会保障管理事务\t30.00\t20.00\t10.00\n"
    "210\t卫生健康支出\t30.00\t20.00\t10.00\n"
    "21001\t卫生健康管理事务\t3.00\t2.00\t1.00\n"
    "21002\t公立医院\t27.00\t18.00\t9.00\n";

Test(fail_closed, an_isolated_break_stays_an_error)
{
    br_disclosure *doc = read_text(isolated);
    br_report *rep = check(doc);
    cr_assert_eq(count(rep, "budgetrec.reading"), 0);
    cr_assert_geq(severity_count(rep, BR_SEV_ERROR), 1);
    br_report_free(rep);
    br_disclosure_free(doc);
}

/* A table named by its title whose header and figures could not be read at
 * all (a web page flattened to one cell per line): a reader warning, and
 * the coverage counts it not read — not "1 of 1 tables read with certainty". */
Test(fail_closed, a_table_not_read_at_all_is_said)
{
    br_disclosure *doc = read_text("2021年区本级“三公”经费预算支出表\n"
                                   "单位:万元\n"
                                   "项目 |\n"
                                   "预算数 |\n"
                                   "合计 |\n"
                                   "4432 |\n"
                                   "1.因公出国(境)费用 |\n"
                                   "39 |\n");
    br_report *rep = check(doc);
    const br_finding *f = only(rep, "disclosure-text.parse");
    cr_assert_eq(f->severity, BR_SEV_WARNING);
    cr_assert_str_eq(f->message, "no header or figures could be read under the table's title; "
                                 "nothing in it is checked");
    br_coverage cov;
    cr_assert_eq(br_report_coverage(rep, &cov), BR_OK);
    cr_assert_eq(cov.tables, 1);
    cr_assert_eq(cov.tables_uncertain, 1);
    br_report_free(rep);
    br_disclosure_free(doc);
}

/* A table printed with its header only and a note that it is empty: its
 * columns are read, no warning — an empty table, not one unread. */
Test(fail_closed, a_table_of_header_only_is_read)
{
    br_disclosure *doc = read_text("某某局 2022 年一般公共预算“三公”经费支出表\n"
                                   "\n"
                                   "单位:万元\n"
                                   "\n"
                                   "部门编码\t部门名称\t合计\t因公出国(境)费\t公务用车购置及运行费\t公务接待费\n"
                                   "注：本单位无“三公”经费支出。\n");
    br_report *rep = check(doc);
    cr_assert_eq(severity_count(rep, BR_SEV_WARNING), 0);
    cr_assert_eq(br_table_column_count(br_disclosure_table_at(doc, 0)), 4);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(rep, &cov), BR_OK);
    cr_assert_eq(cov.tables_uncertain, 0);
    br_report_free(rep);
    br_disclosure_free(doc);
}

/*
 * Reader notes people can trust: a note that changes no figure is info, one
 * that leaves a printed figure out of the model (or moves a row) a warning.
 * Twins of one table: an unknown header column empty (info) or holding a
 * figure (the header note info, the figure's note a warning, the table not
 * checked); a field beyond the header holding text (info) or a figure
 * (warning, the row not checked).
 */
#define NOTES_HEAD                                                                              \
    "某单位 2022 年部门支出总表\n"                                                             \
    "单位：万元\n"
static const char *const notes_twins[] = {
    NOTES_HEAD "科目编码\t科目名称\t合计\t基本支出\t项目支出\t调剂资金\n"
               "\t合计\t30.00\t20.00\t10.00\t\n"
               "201\t一般公共服务支出\t30.00\t20.00\t10.00\t\n"
               "20101\t人大事务\t30.00\t20.00\t10.00\t\n",
    NOTES_HEAD "科目编码\t科目名称\t合计\t基本支出\t项目支出\t调剂资金\n"
               "\t合计\t30.00\t20.00\t10.00\t\n"
               "201\t一般公共服务支出\t30.00\t20.00\t10.00\t5.00\n"
               "20101\t人大事务\t30.00\t20.00\t10.00\t\n",
    NOTES_HEAD "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
               "\t合计\t30.00\t20.00\t10.00\n"
               "201\t一般公共服务支出\t30.00\t20.00\t10.00\t\t含追加\n"
               "20101\t人大事务\t30.00\t20.00\t10.00\n",
    NOTES_HEAD "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
               "\t合计\t30.00\t20.00\t10.00\n"
               "201\t一般公共服务支出\t30.00\t20.00\t10.00\t\t7.00\n"
               "20101\t人大事务\t30.00\t20.00\t10.00\n",
};

typedef struct expected_note {
    br_severity severity;
    long line;
    const char *message;
} expected_note;

static void assert_notes(size_t twin, const expected_note *want, size_t n, size_t not_checked)
{
    br_disclosure *doc = read_text(notes_twins[twin]);
    cr_assert_eq(br_disclosure_note_count(doc), n, "twin %zu: %zu notes", twin,
                 br_disclosure_note_count(doc));
    for (size_t i = 0; i < n; i++) {
        const br_note *note = br_disclosure_note_at(doc, i);
        cr_assert_eq(note->severity, want[i].severity, "twin %zu note %zu: %s", twin, i,
                     note->message);
        cr_assert_eq(note->line, want[i].line);
        cr_assert_str_eq(note->message, want[i].message);
    }
    br_report *rep = check(doc);
    cr_assert_eq(severity_count(rep, BR_SEV_ERROR), 0);
    size_t warnings = 0;
    for (size_t i = 0; i < n; i++)
        warnings += want[i].severity == BR_SEV_WARNING;
    cr_assert_eq(severity_count(rep, BR_SEV_WARNING), warnings, "twin %zu", twin);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(rep, &cov), BR_OK);
    cr_assert_eq(cov.broken, 0);
    cr_assert_eq(cov.not_checked, not_checked, "twin %zu: %zu not checked", twin,
                 cov.not_checked);
    br_report_free(rep);
    br_disclosure_free(doc);
}

Test(fail_closed, an_empty_unknown_column_is_an_info_note)
{
    expected_note want[] = {{BR_SEV_INFO, 3,
                             "header column 6 \"调剂资金\" is not recognised; its cells are not "
                             "read"}};
    assert_notes(0, want, 1, 0);
}

Test(fail_closed, a_figure_in_an_unknown_column_is_a_warning)
{
    expected_note want[] = {
        {BR_SEV_INFO, 3, "header column 6 \"调剂资金\" is not recognised; its cells are not read"},
        {BR_SEV_WARNING, 5,
         "figure \"5.00\" in field 6, a column without a recognised header; not read"}};
    assert_notes(1, want, 2, 9);
}

Test(fail_closed, text_beyond_the_header_is_an_info_note)
{
    expected_note want[] = {
        {BR_SEV_INFO, 5, "1 field from field 7 on (\"含追加\") beyond the table's header; not read"}};
    assert_notes(2, want, 1, 0);
}

Test(fail_closed, a_figure_beyond_the_header_is_a_warning)
{
    expected_note want[] = {
        {BR_SEV_WARNING, 5,
         "1 field from field 7 on (\"7.00\") beyond the table's header; not read"}};
    assert_notes(3, want, 1, 7);
}
