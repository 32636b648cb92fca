/*
 * The cross-table checks (plugins/crosstable): a consistent hand-written
 * disclosure in the reference layout, and twins of it that each break
 * exactly one repeated figure; then documents built through the model API
 * for the rules the text twins do not reach (the GPB-only precondition,
 * class names, rounding, project matching, absent tables and rows).
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
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/crosstable.so", &err), BR_OK, "%s",
                 err.message);
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(crosstable, .init = setup, .fini = teardown);

static br_report *check(const br_disclosure *doc)
{
    br_report *r = br_registry_check(reg, doc, NULL);
    cr_assert_not_null(r);
    return r;
}

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

/* Findings of the crosstable plugin (the reader's own notes aside). */
static size_t count_ct(const br_report *r)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        n += strncmp(br_report_at(r, i)->check, "crosstable.", 11) == 0;
    return n;
}

static const br_finding *only_ct(const br_report *r)
{
    cr_assert_eq(count_ct(r), 1, "expected one crosstable finding, got %zu", count_ct(r));
    for (size_t i = 0; i < br_report_count(r); i++)
        if (strncmp(br_report_at(r, i)->check, "crosstable.", 11) == 0)
            return br_report_at(r, i);
    return NULL;
}

static br_check_status status_of(const br_report *r, const char *id)
{
    for (size_t i = 0; i < br_report_run_count(r); i++)
        if (strcmp(br_report_run_check(r, i), id) == 0)
            return br_report_run_status(r, i);
    cr_assert_fail("check %s did not run", id);
    return BR_CHECK_CRASHED;
}

static void assert_finding(const br_finding *f, const char *check, br_severity sev,
                           const char *table, const char *row, const char *column,
                           const char *expected, const char *actual, long line,
                           const char *cause)
{
    cr_assert_str_eq(f->check, check);
    cr_assert_eq(f->severity, sev, "severity %d", f->severity);
    cr_assert_str_eq(f->table, table);
    cr_assert_str_eq(f->row, row);
    cr_assert_str_eq(f->column, column);
    cr_assert(f->present & BR_FINDING_EXPECTED);
    cr_assert(f->present & BR_FINDING_ACTUAL);
    cr_assert_str_eq(str(f->expected), expected);
    cr_assert_str_eq(str(f->actual), actual);
    cr_assert_eq(f->line, line, "line %ld", f->line);
    if (cause)
        cr_assert_str_eq(f->cause, cause);
    else
        cr_assert_null(f->cause, "cause %s", f->cause);
}

/* ---- the text twins ---------------------------------------------------- */

static const char *const all_checks[] = {
    "crosstable.class_totals",          "crosstable.basic_project",
    "crosstable.projects",              "crosstable.income_totals",
    "crosstable.three_public_economic", "crosstable.economic_functional",
    "crosstable.performance_projects",
};

Test(crosstable, consistent_document_has_no_finding)
{
    br_disclosure *doc;
    br_report *r = check_file("crosstable_ok.txt", &doc);
    cr_assert_eq(count_ct(r), 0);
    for (size_t i = 0; i < sizeof all_checks / sizeof all_checks[0]; i++)
        cr_assert_eq(status_of(r, all_checks[i]), BR_CHECK_PASSED, "%s", all_checks[i]);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, class_total_repeated_by_the_summary)
{
    br_disclosure *doc;
    br_report *r = check_file("crosstable_class_totals.txt", &doc);
    const br_finding *f = only_ct(r);
    assert_finding(f, "crosstable.class_totals", BR_SEV_ERROR, "summary", "社会保障和就业支出",
                   "amount", "9.00", "90.00", 84, "decimal_shift");
    cr_assert_str_eq(str(f->tolerance), "0.010");
    cr_assert_str_eq(f->message, "summary 社会保障和就业支出 amount = expenditure 208 total: "
                                 "90.00, expected 9.00 (difference 81.00)");
    /* the identity is recorded: terms[0] the summary cell, terms[1] expenditure 208 */
    size_t n = 0;
    const br_term *t = NULL;
    for (size_t i = 0; i < br_report_count(r); i++)
        if (br_report_at(r, i) == f)
            t = br_report_terms(r, i, &n);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(br_row_key(t[0].row), "社会保障和就业支出");
    cr_assert_eq(t[0].coef, 1);
    cr_assert_str_eq(br_row_key(t[1].row), "208");
    cr_assert_eq(br_table_kind(br_row_table(t[1].row)), BR_KIND_EXPENDITURE);
    cr_assert_eq(t[1].coef, -1);
    cr_assert_eq(status_of(r, "crosstable.class_totals"), BR_CHECK_FAILED);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, basic_expenditure_table_total)
{
    br_disclosure *doc;
    br_report *r = check_file("crosstable_basic_project.txt", &doc);
    assert_finding(only_ct(r), "crosstable.basic_project", BR_SEV_ERROR, "gpb_basic", "合计",
                   "total", "63.00", "36.00", 52, "transposed_digits");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, project_list_total)
{
    br_disclosure *doc;
    br_report *r = check_file("crosstable_projects.txt", &doc);
    assert_finding(only_ct(r), "crosstable.projects", BR_SEV_ERROR, "projects", "合计", "total",
                   "30.00", "3.00", 139, "decimal_shift");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, fiscal_summary_income_of_the_current_year)
{
    /* 一般公共预算拨款 is printed twice on the income side (本年收入, 上年结转):
     * the first, the current year's, is the one tied to the income table. */
    br_disclosure *doc;
    br_report *r = check_file("crosstable_income_totals.txt", &doc);
    const br_finding *f = only_ct(r);
    assert_finding(f, "crosstable.income_totals", BR_SEV_ERROR, "fiscal_summary",
                   "一般公共预算拨款", "amount", "93.00", "39.00", 16, "transposed_digits");
    cr_assert_str_eq(f->message, "fiscal_summary 一般公共预算拨款 amount = income 合计 gpb: "
                                 "39.00, expected 93.00 (difference -54.00)");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* The 三公 公务接待费 (3.00) above the basic table's 30217 (2.00): the rest is
 * reception paid from project expenditure, which the basic table leaves out
 * — explained (project-funded): an info finding naming the cause, never a
 * warning (the 三公 figure covers its economic subject). */
Test(crosstable, three_public_reception_above_30217)
{
    br_disclosure *doc;
    br_report *r = check_file("crosstable_three_public.txt", &doc);
    const br_finding *f = only_ct(r);
    assert_finding(f, "crosstable.three_public_economic", BR_SEV_INFO, "three_public", "合计",
                   "reception", "2.00", "3.00", 72, "project_funded");
    cr_assert_str_eq(f->message, "three_public 合计 reception ≥ gpb_basic 30217 total: 3.00 above "
                                 "2.00 by 1.00, explained: the 三公 table's figure covers "
                                 "project-funded spending too, the basic-expenditure row basic "
                                 "expenditure only");
    cr_assert_eq(status_of(r, "crosstable.three_public_economic"), BR_CHECK_PASSED);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* The same document with the basic table's 30217 at 4.00: basic expenditure
 * on reception above the whole 三公 reception budget (3.00) is reported. */
Test(crosstable, three_public_reception_below_30217)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/crosstable_three_public.txt", BR_SOURCE_DIR);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f);
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    const char *from = "30217\t公务接待费\t2.00\t\t2.00";
    char *at = strstr(text, from);
    cr_assert_not_null(at);
    memcpy(strstr(at, "2.00"), "4.00", 4);
    memcpy(strstr(strstr(at, "4.00") + 4, "2.00"), "4.00", 4);
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/disclosure_text.so", &err), BR_OK);
    br_disclosure *doc;
    cr_assert_eq(br_registry_read_buffer(reg, "30217_over.txt", text, n, &doc, &err), BR_OK, "%s",
                 err.message);
    br_report *r = check(doc);
    assert_finding(only_ct(r), "crosstable.three_public_economic", BR_SEV_WARNING,
                   "three_public", "合计", "reception", "4.00", "3.00", 72, NULL);
    cr_assert_eq(status_of(r, "crosstable.three_public_economic"), BR_CHECK_FAILED);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, housing_fund_economic_against_functional)
{
    br_disclosure *doc;
    br_report *r = check_file("crosstable_economic_functional.txt", &doc);
    const br_finding *f = only_ct(r);
    assert_finding(f, "crosstable.economic_functional", BR_SEV_WARNING, "gpb_basic", "30113",
                   "total", "4.00", "4.50", 57, NULL);
    cr_assert_str_eq(f->message, "gpb_basic 30113 total = gpb_expenditure 2210201 basic: 4.50, "
                                 "expected 4.00 (difference 0.50)");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, performance_amount_against_its_project_row)
{
    /* 某区政务中心日常运行经费 (资金总额 100) ↔ projects 日常运行经费 10.00 */
    br_disclosure *doc;
    br_report *r = check_file("crosstable_performance.txt", &doc);
    const br_finding *f = only_ct(r);
    assert_finding(f, "crosstable.performance_projects", BR_SEV_ERROR, "projects", "日常运行经费",
                   "total", "100", "10.00", 141, "decimal_shift");
    cr_assert_str_eq(str(f->tolerance), "0.505");
    cr_assert_str_eq(f->message,
                     "projects 日常运行经费 total = performance_project \"某区政务中心日常运行经费\" "
                     "资金总额 (line 159): 10.00, expected 100 (difference -90.00)");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, unmatched_project_is_said_as_info)
{
    br_disclosure *doc;
    br_report *r = check_file("crosstable_performance_unmatched.txt", &doc);
    const br_finding *f = only_ct(r);
    cr_assert_str_eq(f->check, "crosstable.performance_projects");
    cr_assert_eq(f->severity, BR_SEV_INFO);
    cr_assert_str_eq(f->table, "performance_project");
    cr_assert_str_eq(f->row, "某区政务中心电子政务平台运维经费");
    cr_assert_null(f->column);
    cr_assert_eq(f->present, 0);
    cr_assert_eq(f->line, 159);
    cr_assert_null(f->cause);
    cr_assert_str_eq(f->message, "project \"某区政务中心电子政务平台运维经费\" (资金总额 10): no row "
                                 "of the 项目支出明细表 names it; its amount is not compared");
    cr_assert_eq(status_of(r, "crosstable.performance_projects"), BR_CHECK_PASSED);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- documents built through the model API ------------------------------- */

static br_table *table(br_disclosure *doc, br_kind kind, const br_role *roles, size_t n)
{
    br_table *t = br_disclosure_add_table(doc, kind, "t", BR_UNIT_WAN, 1);
    cr_assert_eq(br_table_set_columns(t, roles, n), BR_OK);
    return t;
}

/* A row with figures for the first columns (NULL: blank). */
static br_row *row(br_table *t, const char *code, const char *label, br_side side, long line,
                   const char *v0, const char *v1, const char *v2)
{
    br_row *r = br_table_add_row(t, code, label, side, line);
    const char *v[] = {v0, v1, v2};
    for (size_t c = 0; c < 3 && c < br_table_column_count(t); c++)
        if (v[c])
            cr_assert_eq(br_row_set_value(r, c, dec(v[c]), 0), BR_OK);
    return r;
}

static const br_role exp_roles[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
static const br_role income_roles[] = {BR_ROLE_TOTAL, BR_ROLE_GPB, BR_ROLE_BUSINESS};

/* expenditure and gpb_expenditure whose 合计 differ; income with `business`. */
static br_disclosure *funding_doc(const char *business)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_table *e = table(doc, BR_KIND_EXPENDITURE, exp_roles, 3);
    row(e, NULL, "合计", BR_SIDE_NONE, 10, "100.00", "100.00", NULL);
    br_table *g = table(doc, BR_KIND_GPB_EXPENDITURE, exp_roles, 3);
    row(g, NULL, "合计", BR_SIDE_NONE, 20, "90.00", "90.00", NULL);
    br_table *i = table(doc, BR_KIND_INCOME, income_roles, 3);
    row(i, NULL, "合计", BR_SIDE_NONE, 30, "100.00", "90.00", business);
    return doc;
}

Test(crosstable, expenditure_and_gpb_tables_differ_when_other_funds_exist)
{
    br_disclosure *doc = funding_doc("10.00");
    br_report *r = check(doc);
    cr_assert_eq(count_ct(r), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, expenditure_and_gpb_tables_agree_when_gpb_alone)
{
    /* no other funding source in the income 合计: the department is funded
     * by the general public budget alone, so its expenditure table (100.00)
     * must repeat gpb_expenditure (90.00), in total and in basic. */
    br_disclosure *doc = funding_doc(NULL);
    br_report *r = check(doc);
    size_t total = 0, basic = 0;
    for (size_t k = 0; k < br_report_count(r); k++) {
        const br_finding *f = br_report_at(r, k);
        if (strcmp(f->table, "expenditure") != 0)
            continue;
        cr_assert_eq(f->line, 10);
        cr_assert_str_eq(str(f->expected), "90.00");
        cr_assert_str_eq(str(f->actual), "100.00");
        total += strcmp(f->check, "crosstable.class_totals") == 0 && strcmp(f->column, "total") == 0;
        basic += strcmp(f->check, "crosstable.basic_project") == 0 && strcmp(f->column, "basic") == 0;
    }
    cr_assert_eq(total, 1);
    cr_assert_eq(basic, 1);
    br_report_free(r);
    br_disclosure_free(doc);
}

static const br_role amount_role[] = {BR_ROLE_AMOUNT};

Test(crosstable, classes_by_name_old_names_and_sides)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_table *s = table(doc, BR_KIND_SUMMARY, amount_role, 1);
    /* an income-side label never stands for a class */
    row(s, NULL, "一般公共预算拨款收入", BR_SIDE_INCOME, 5, "20.00", NULL, NULL);
    row(s, NULL, "医疗卫生与计划生育支出", BR_SIDE_EXPENDITURE, 6, "12.00", NULL, NULL);
    row(s, NULL, "社会保障和就业", BR_SIDE_EXPENDITURE, 7, "8.00", NULL, NULL);
    row(s, NULL, "外交支出", BR_SIDE_EXPENDITURE, 8, NULL, NULL, NULL);
    br_table *e = table(doc, BR_KIND_EXPENDITURE, exp_roles, 3);
    row(e, "210", "卫生健康支出", BR_SIDE_NONE, 20, "12.50", "12.50", NULL);
    row(e, "208", "社会保障和就业支出", BR_SIDE_NONE, 21, "8.00", "8.00", NULL);
    br_report *r = check(doc);
    const br_finding *f = only_ct(r);
    assert_finding(f, "crosstable.class_totals", BR_SEV_ERROR, "summary",
                   "医疗卫生与计划生育支出", "amount", "12.50", "12.00", 6, NULL);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, difference_within_rounding_is_info)
{
    /* income 208 printed 9.0 (9.00 ± 0.05) against expenditure 9.03 */
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_table *i = table(doc, BR_KIND_INCOME, income_roles, 3);
    row(i, "208", "社会保障和就业支出", BR_SIDE_NONE, 5, "9.0", NULL, NULL);
    br_table *e = table(doc, BR_KIND_EXPENDITURE, exp_roles, 3);
    row(e, "208", "社会保障和就业支出", BR_SIDE_NONE, 9, "9.03", "9.03", NULL);
    br_report *r = check(doc);
    const br_finding *f = only_ct(r);
    assert_finding(f, "crosstable.class_totals", BR_SEV_INFO, "income", "208", "total", "9.03",
                   "9.0", 5, NULL);
    cr_assert_str_eq(str(f->tolerance), "0.055");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, blank_figure_facing_a_printed_one_is_an_error)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_table *i = table(doc, BR_KIND_INCOME, income_roles, 3);
    row(i, "2080505", "机关事业单位基本养老保险缴费支出", BR_SIDE_NONE, 5, NULL, NULL, NULL);
    row(i, "2080506", "机关事业单位职业年金缴费支出", BR_SIDE_NONE, 6, NULL, NULL, NULL);
    br_table *e = table(doc, BR_KIND_EXPENDITURE, exp_roles, 3);
    row(e, "2080505", "机关事业单位基本养老保险缴费支出", BR_SIDE_NONE, 9, "6.00", "6.00", NULL);
    br_report *r = check(doc); /* 2080506: blank in income, absent from expenditure */
    const br_finding *f = only_ct(r);
    cr_assert_str_eq(f->row, "2080505");
    cr_assert_eq(f->severity, BR_SEV_ERROR);
    cr_assert_eq(f->present & BR_FINDING_ACTUAL, 0);
    cr_assert_str_eq(str(f->expected), "6.00");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, absent_tables_and_rows_are_not_applicable)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    static const br_role basic_roles[] = {BR_ROLE_TOTAL, BR_ROLE_PERSONNEL, BR_ROLE_PUBLIC};
    br_table *b = table(doc, BR_KIND_GPB_BASIC, basic_roles, 3);
    row(b, "30217", "公务接待费", BR_SIDE_NONE, 5, "2.00", NULL, "2.00");
    row(b, "30113", "住房公积金", BR_SIDE_NONE, 6, "4.00", "4.00", NULL);
    br_table *g = table(doc, BR_KIND_GPB_EXPENDITURE, exp_roles, 3);
    row(g, "221", "住房保障支出", BR_SIDE_NONE, 9, "4.00", "4.00", NULL); /* no 2210201 */
    br_report *r = check(doc);
    cr_assert_eq(count_ct(r), 0);
    cr_assert_eq(status_of(r, "crosstable.three_public_economic"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(status_of(r, "crosstable.projects"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(status_of(r, "crosstable.income_totals"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(status_of(r, "crosstable.performance_projects"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(status_of(r, "crosstable.economic_functional"), BR_CHECK_PASSED);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* projects with the given labels (20.00 each) and one performance table. */
static br_disclosure *perf_doc(const char *const *labels, size_t n, const char *perf_name,
                               const char *amount)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    static const br_role roles[] = {BR_ROLE_TOTAL};
    br_table *p = table(doc, BR_KIND_PROJECTS, roles, 1);
    for (size_t i = 0; i < n; i++)
        row(p, NULL, labels[i], BR_SIDE_NONE, 10 + (long)i, "20.00", NULL, NULL);
    br_table *t = br_disclosure_add_table(doc, BR_KIND_PERFORMANCE_PROJECT, "绩效", BR_UNIT_WAN, 40);
    br_decimal a = dec(amount);
    cr_assert_eq(br_table_set_project(t, "P1", perf_name, &a), BR_OK);
    return doc;
}

Test(crosstable, most_specific_project_label_wins)
{
    const char *labels[] = {"合计", "运行经费", "日常运行经费"};
    br_disclosure *doc = perf_doc(labels, 3, "某区政务中心日常运行经费", "25.00");
    br_report *r = check(doc);
    const br_finding *f = only_ct(r);
    assert_finding(f, "crosstable.performance_projects", BR_SEV_ERROR, "projects",
                   "日常运行经费", "total", "25.00", "20.00", 12, NULL);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, project_name_containing_the_list_label_and_spaces)
{
    /* the performance name is the shorter one; spaces do not count */
    const char *labels[] = {"2021 年政务服务工作站建设项目"};
    br_disclosure *doc = perf_doc(labels, 1, "政务服务工作站 建设项目", "20.0");
    br_report *r = check(doc);
    cr_assert_eq(count_ct(r), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(crosstable, ambiguous_project_is_said_as_info)
{
    const char *labels[] = {"日常运行经费", "日常运行经费"}; /* two units, one name */
    br_disclosure *doc = perf_doc(labels, 2, "某区日常运行经费", "25.00");
    br_report *r = check(doc);
    const br_finding *f = only_ct(r);
    cr_assert_eq(f->severity, BR_SEV_INFO);
    cr_assert_str_eq(f->table, "performance_project");
    cr_assert_str_eq(f->row, "某区日常运行经费");
    cr_assert_eq(f->line, 40);
    cr_assert_str_eq(f->message, "project \"某区日常运行经费\" (资金总额 25.00): 2 rows of the "
                                 "项目支出明细表 match its name (日常运行经费, 日常运行经费); its "
                                 "amount is not compared");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- a class the backbone table does not list ---------------------------- */

/* summary: 201 10.00, 教育支出 `edu`, 外交支出 0; expenditure: 合计 `total`,
 * 201 10.00 (no 205 row). */
static br_disclosure *unlisted_doc(const char *edu, const char *total, br_row **e201)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_table *s = table(doc, BR_KIND_SUMMARY, amount_role, 1);
    row(s, NULL, "一般公共服务支出", BR_SIDE_EXPENDITURE, 5, "10.00", NULL, NULL);
    row(s, NULL, "外交支出", BR_SIDE_EXPENDITURE, 6, "0", NULL, NULL);
    row(s, NULL, "教育支出", BR_SIDE_EXPENDITURE, 7, edu, NULL, NULL);
    br_table *e = table(doc, BR_KIND_EXPENDITURE, exp_roles, 3);
    row(e, NULL, "合计", BR_SIDE_NONE, 20, total, total, NULL);
    br_row *r = row(e, "201", "一般公共服务支出", BR_SIDE_NONE, 21, "10.00", "10.00", NULL);
    if (e201)
        *e201 = r;
    return doc;
}

/* The expenditure table lists every class it spends on (its 合计 is the sum
 * of its class rows): the summary's 教育支出 printed 1 where the table has
 * no 205 row is an error at that cell, expected nothing; 外交支出 printed 0
 * agrees with the absence. */
Test(crosstable, a_class_the_complete_backbone_does_not_list_is_nothing)
{
    br_disclosure *doc = unlisted_doc("1", "10.00", NULL);
    br_report *r = check(doc);
    const br_finding *f = only_ct(r);
    assert_finding(f, "crosstable.class_totals", BR_SEV_ERROR, "summary", "教育支出", "amount",
                   "0", "1", 7, NULL);
    cr_assert_str_eq(f->message, "summary 教育支出 amount = expenditure 205 (a class it does not "
                                 "list: nothing): 1, expected 0 (difference 1)");
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        if (br_report_at(r, i) == f)
            br_report_terms(r, i, &n);
    cr_assert_eq(n, 1); /* the summary cell alone: nothing of the expenditure table is at fault */
    br_report_free(r);
    br_disclosure_free(doc);
}

/* Whose 合计 is not the sum of its class rows (a row lost?), or whose class
 * row is uncertain, a table proves nothing by not listing a class. */
Test(crosstable, an_incomplete_or_uncertain_backbone_says_nothing_of_unlisted_classes)
{
    br_disclosure *doc = unlisted_doc("0.64", "12.00", NULL);
    br_report *r = check(doc);
    cr_assert_eq(count_ct(r), 0);
    br_report_free(r);
    br_disclosure_free(doc);

    br_row *e201;
    doc = unlisted_doc("0.64", "10.00", &e201);
    cr_assert_eq(br_row_set_uncertain(e201, "label_fragment", "test"), BR_OK);
    r = check(doc);
    for (size_t i = 0; i < br_report_count(r); i++)
        cr_assert_neq(br_report_at(r, i)->severity, BR_SEV_ERROR, "%s",
                      br_report_at(r, i)->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* A wrapped label's last line read as a row of its own ("经费", "费") is in
 * every project's name: it names none of them, so nothing is compared. */
Test(crosstable, a_label_fragment_names_no_project)
{
    const char *labels[] = {"档案数字化加工", "经费"};
    br_disclosure *doc = perf_doc(labels, 2, "某区社区矫正工作经费", "25.00");
    br_report *r = check(doc);
    const br_finding *f = only_ct(r);
    cr_assert_eq(f->severity, BR_SEV_INFO);
    cr_assert_str_eq(f->message, "project \"某区社区矫正工作经费\" (资金总额 25.00): no row of the "
                                 "项目支出明细表 names it; its amount is not compared");
    br_report_free(r);
    br_disclosure_free(doc);
}
