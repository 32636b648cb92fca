/*
 * The narrative checks (plugins/narrative): stated figures against the
 * tables (narrative.totals), stated year-on-year changes against the
 * previous-year columns (narrative.changes), and statements against each
 * other (narrative.consistency).
 *
 * Hand-written documents in the reference layout (tests/data/narr_*.txt)
 * each break exactly one identity and have a consistent twin; smaller cases
 * (percentages, units, alternatives, scopes) are built through the model API.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;

static void setup(void)
{
    br_error err = {0};
    reg = br_registry_new();
    cr_assert_not_null(reg);
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/narrative.so", &err), BR_OK, "%s",
                 err.message);
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/disclosure_text.so", &err), BR_OK,
                 "%s", err.message);
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(narrative_checks, .init = setup, .fini = teardown);

static const char *const only_narrative[] = {"narrative.totals", "narrative.changes",
                                             "narrative.consistency", NULL};

static br_decimal dec(const char *s)
{
    br_decimal d;
    cr_assert_eq(br_decimal_parse(s, strlen(s), &d), BR_OK, "%s", s);
    return d;
}

static const char *str(br_decimal d)
{
    static char buf[8][BR_DECIMAL_STR_MAX];
    static int k;
    k = (k + 1) % 8;
    br_decimal_format(d, buf[k], sizeof buf[k]);
    return buf[k];
}

static br_report *check(const br_disclosure *doc)
{
    br_check_options opts = {.only = only_narrative};
    br_report *r = br_registry_check(reg, doc, &opts);
    cr_assert_not_null(r);
    return r;
}

static br_report *check_file(const char *name, br_disclosure **doc)
{
    br_error err = {0};
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/%s", BR_SOURCE_DIR, name);
    cr_assert_eq(br_registry_read(reg, path, doc, &err), BR_OK, "%s:%ld: %s", err.file, err.line,
                 err.message);
    return check(*doc);
}

/* Findings of one check (any severity). */
static size_t count_of(const br_report *r, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        n += strcmp(br_report_at(r, i)->check, id) == 0;
    return n;
}

static const br_finding *only_finding(const br_report *r, const char *id)
{
    cr_assert_eq(count_of(r, id), 1, "%s: %zu findings", id, count_of(r, id));
    for (size_t i = 0; i < br_report_count(r); i++)
        if (strcmp(br_report_at(r, i)->check, id) == 0)
            return br_report_at(r, i);
    return NULL;
}

static br_check_status status_of(const br_report *r, const char *id)
{
    for (size_t i = 0; i < br_report_run_count(r); i++)
        if (strcmp(br_report_run_check(r, i), id) == 0)
            return br_report_run_status(r, i);
    cr_assert_fail("no run of %s", id);
    return BR_CHECK_SKIPPED;
}

/* A claim finding: table "narrative", row = label, column = class. */
static void assert_claim_finding(const br_finding *f, br_severity sev, const char *label,
                                 const char *cls, const char *expected, const char *actual,
                                 long line, const char *cause)
{
    cr_assert_eq(f->severity, sev, "severity %d, message %s", f->severity, f->message);
    cr_assert_str_eq(f->table, "narrative");
    cr_assert_str_eq(f->row, label);
    cr_assert_str_eq(f->column, cls);
    cr_assert(f->present & BR_FINDING_EXPECTED);
    cr_assert(f->present & BR_FINDING_ACTUAL);
    cr_assert_str_eq(str(f->expected), expected);
    cr_assert_str_eq(str(f->actual), actual);
    cr_assert_eq(f->line, line);
    if (cause)
        cr_assert_str_eq(f->cause ? f->cause : "(null)", cause);
    else
        cr_assert_null(f->cause, "cause %s", f->cause);
}

/* ---- hand-written documents ------------------------------------------------------- */

Test(narrative_checks, totals_consistent_twin)
{
    br_disclosure *doc;
    br_report *r = check_file("narr_totals_ok.txt", &doc);
    /* 79.53 = gpb_basic 合计 public; 0 = a blank procurement table; 30.00 = the
     * projects' 当年 (annual) subtotal, not their total 40.00 */
    cr_assert_eq(count_of(r, "narrative.totals"), 0);
    cr_assert_eq(status_of(r, "narrative.totals"), BR_CHECK_PASSED);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, totals_broken_twin)
{
    br_disclosure *doc;
    br_report *r = check_file("narr_totals_broken.txt", &doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    assert_claim_finding(f, BR_SEV_ERROR, "一般公共预算财政拨款运行经费", "operating_expenses",
                         "79.53", "79.35", 7, "transposed_digits");
    cr_assert_str_eq(str(f->tolerance), "0.010");
    br_decimal diff;
    cr_assert_eq(br_report_difference(r, 0, &diff), 1);
    cr_assert_str_eq(str(diff), "-0.18");
    cr_assert_str_eq(f->message, "operating_expenses = gpb_basic 合计 public: 79.35, expected 79.53 "
                                 "(difference -0.18)");
    /* the identity's terms are recorded: the claim, then the cell */
    size_t n = 0;
    const br_term *t = br_report_terms(r, 0, &n);
    cr_assert_eq(n, 2);
    cr_assert_not_null(t[0].claim);
    cr_assert_str_eq(br_row_label(t[1].row), "合计");
    cr_assert_eq(status_of(r, "narrative.totals"), BR_CHECK_FAILED);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, changes_consistent_twin)
{
    br_disclosure *doc;
    br_report *r = check_file("narr_changes_ok.txt", &doc);
    /* 110.00 − 100.00 = 10.00 increase; 三公 8.00 → 6.00 is −25 % exactly */
    cr_assert_eq(count_of(r, "narrative.changes"), 0);
    cr_assert_eq(status_of(r, "narrative.changes"), BR_CHECK_PASSED);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, changes_broken_twin_direction)
{
    br_disclosure *doc;
    br_report *r = check_file("narr_changes_broken.txt", &doc);
    const br_finding *f = only_finding(r, "narrative.changes");
    /* "减少 10.00" where the table rises by 10.00: the magnitude matches, the
     * direction word does not */
    assert_claim_finding(f, BR_SEV_ERROR, "比2021年减少", "gpb_expenditure_change", "-10.00",
                         "10.00", 7, "direction");
    cr_assert_str_eq(str(f->tolerance), "0.015");
    cr_assert_str_eq(f->message,
                     "gpb_expenditure_change (decrease) = gpb_expenditure 合计 prev_total − total: "
                     "the narrative states a decrease of 10.00万元, but the tables give prev_total "
                     "100.00 → total 110.00, an increase of 10.00万元");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, consistency_consistent_twin)
{
    br_disclosure *doc;
    br_report *r = check_file("narr_consistency_ok.txt", &doc);
    cr_assert_eq(count_of(r, "narrative.consistency"), 0);
    cr_assert_eq(status_of(r, "narrative.consistency"), BR_CHECK_PASSED);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, consistency_rounding_twin_is_a_warning)
{
    br_disclosure *doc;
    br_report *r = check_file("narr_consistency_rounding.txt", &doc);
    const br_finding *f = only_finding(r, "narrative.consistency");
    /* income +10.00 vs expenditure +10.01 of a balanced budget: only 10.005
     * rounds to both */
    assert_claim_finding(f, BR_SEV_WARNING, "收入较去年增加", "income_change", "10.01", "10.00", 11,
                         NULL);
    cr_assert_str_eq(str(f->tolerance), "0.010");
    cr_assert_str_eq(f->message, "income_change = expenditure_change (line 13; the budget balances): "
                                 "10.00 vs 10.01 — the two statements differ, though rounding "
                                 "could reconcile both");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, consistency_broken_twin_opposite_directions)
{
    br_disclosure *doc;
    br_report *r = check_file("narr_consistency_broken.txt", &doc);
    const br_finding *f = only_finding(r, "narrative.consistency");
    assert_claim_finding(f, BR_SEV_ERROR, "收入较去年增加", "income_change", "-10.00", "10.00", 11,
                         "direction");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, consistency_head_count_stated_twice)
{
    br_disclosure *doc;
    br_report *r = check_file("narr_consistency_counts.txt", &doc);
    const br_finding *f = only_finding(r, "narrative.consistency");
    assert_claim_finding(f, BR_SEV_WARNING, "在职在编职工", "staff_count", "14", "15", 17, NULL);
    cr_assert_eq(f->present & BR_FINDING_TOLERANCE, 0); /* counts are exact */
    cr_assert_str_eq(f->message, "staff_count stated twice (first at line 7): 15人 vs 14人");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* The reference document: one error, two warnings, and nothing else. */
Test(narrative_checks, reference_document)
{
    br_disclosure *doc;
    br_error err = {0};
    cr_assert_eq(br_registry_read(reg, BR_SOURCE_DIR "/examples/000_8b975b95330ebfb5.txt", &doc,
                                  &err),
                 BR_OK, "%s", err.message);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    /* 1661.73 is the Σ of the project rows funded by the current year's
     * appropriation; the 合计 row's annual_subtotal says 1675.45 (it counts the
     * 13.72 上级专项 project too) */
    assert_claim_finding(f, BR_SEV_ERROR, "涉及一般公共预算当年财政拨款", "performance_amount",
                         "1675.45", "1661.73", 43, NULL);
    cr_assert_str_eq(f->message,
                     "performance_amount = projects 合计 annual_subtotal (the rows below 合计 sum "
                     "to 1661.73, as the narrative states): 1661.73, expected 1675.45 (difference "
                     "-13.72)");
    cr_assert_eq(count_of(r, "narrative.changes"), 0);
    cr_assert_eq(count_of(r, "narrative.consistency"), 2);
    const br_finding *w[2];
    size_t k = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        if (strcmp(br_report_at(r, i)->check, "narrative.consistency") == 0)
            w[k++] = br_report_at(r, i);
    assert_claim_finding(w[0], BR_SEV_WARNING, "收入较去年增加", "income_change", "69.69", "69.70",
                         19, NULL);
    assert_claim_finding(w[1], BR_SEV_WARNING, "一般公共预算拨款增加", "income_gpb_change", "69.69",
                         "69.70", 19, NULL);
    cr_assert(strstr(w[1]->message, "with the tables") != NULL, "%s", w[1]->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- documents built through the model API ---------------------------------------- */

static br_disclosure *new_doc(void)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_disclosure_set_unit(doc, BR_UNIT_WAN);
    return doc;
}

static br_table *add_table(br_disclosure *doc, br_kind kind, br_unit unit, const br_role *roles,
                           size_t n)
{
    br_table *t = br_disclosure_add_table(doc, kind, "t", unit, 1);
    cr_assert_eq(br_table_set_columns(t, roles, n), BR_OK);
    return t;
}

/* A row with the given figures (NULL: blank), one per column. */
static br_row *add_row(br_table *t, const char *code, const char *label, const char *const *v,
                       size_t n, long line)
{
    br_row *r = br_table_add_row(t, code, label, BR_SIDE_NONE, line);
    for (size_t c = 0; c < n; c++)
        if (v[c])
            br_row_set_value(r, c, dec(v[c]), 0);
    return r;
}

static void add_claim(br_disclosure *doc, const char *label, const char *cls, const char *code,
                      const char *value, const char *unit, br_direction dir, long line)
{
    br_claim c = {.label = label, .claim_class = cls, .code = code, .unit = unit,
                  .value = dec(value), .direction = dir, .line = line};
    cr_assert_eq(br_narrative_add_claim(br_disclosure_narrative(doc), &c), BR_OK);
}

static br_disclosure *three_public_doc(const char *prev, const char *cur)
{
    br_disclosure *doc = new_doc();
    br_role roles[] = {BR_ROLE_PREV_TOTAL, BR_ROLE_TOTAL};
    br_table *t = add_table(doc, BR_KIND_THREE_PUBLIC, BR_UNIT_WAN, roles, 2);
    const char *v[] = {prev, cur};
    add_row(t, NULL, "合计", v, 2, 50);
    return doc;
}

Test(narrative_checks, percentage_within_rounding_is_info)
{
    /* 8.00 → 6.00 is −25 %; with the printed figures' rounding it lies in
     * [−25.109…, −24.890…], which meets 25.1 ± 0.05 */
    br_disclosure *doc = three_public_doc("8.00", "6.00");
    add_claim(doc, "比上年下降", "three_public_change", NULL, "25.1", "%", BR_DIR_DECREASE, 9);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.changes");
    assert_claim_finding(f, BR_SEV_INFO, "比上年下降", "three_public_change", "-25.000", "-25.1", 9,
                         NULL);
    cr_assert_str_eq(str(f->tolerance), "0.160");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, percentage_beyond_rounding_is_an_error)
{
    br_disclosure *doc = three_public_doc("8.00", "6.00");
    add_claim(doc, "比上年下降", "three_public_change", NULL, "26", "%", BR_DIR_DECREASE, 9);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.changes");
    assert_claim_finding(f, BR_SEV_ERROR, "比上年下降", "three_public_change", "-25.00", "-26", 9,
                         NULL);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, percentage_with_the_wrong_direction)
{
    br_disclosure *doc = three_public_doc("8.00", "6.00");
    add_claim(doc, "比上年增长", "three_public_change", NULL, "25", "%", BR_DIR_INCREASE, 9);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.changes");
    assert_claim_finding(f, BR_SEV_ERROR, "比上年增长", "three_public_change", "-25.00", "25", 9,
                         "direction");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, percentage_exact_and_undefined_give_nothing)
{
    br_disclosure *doc = three_public_doc("8.00", "6.00");
    add_claim(doc, "比上年下降", "three_public_change", NULL, "25", "%", BR_DIR_DECREASE, 9);
    br_report *r = check(doc);
    cr_assert_eq(count_of(r, "narrative.changes"), 0);
    br_report_free(r);
    br_disclosure_free(doc);
    /* no previous-year figure: no percentage to compare with */
    doc = three_public_doc(NULL, "6.00");
    add_claim(doc, "比上年增长", "three_public_change", NULL, "25", "%", BR_DIR_INCREASE, 9);
    r = check(doc);
    cr_assert_eq(count_of(r, "narrative.changes"), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, flat_change_contradicted_by_the_table)
{
    br_disclosure *doc = three_public_doc("8.00", "6.00");
    add_claim(doc, "与上年持平", "three_public_change", NULL, "0", "万元", BR_DIR_FLAT, 9);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.changes");
    assert_claim_finding(f, BR_SEV_ERROR, "与上年持平", "three_public_change", "-2.00", "0", 9,
                         "direction");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, change_without_previous_year_column_is_not_tested)
{
    /* 机关运行经费 比上年增加 11.33: gpb_basic has no previous-year column */
    br_disclosure *doc = new_doc();
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_PERSONNEL, BR_ROLE_PUBLIC};
    br_table *t = add_table(doc, BR_KIND_GPB_BASIC, BR_UNIT_WAN, roles, 3);
    const char *v[] = {"100.00", "20.47", "79.53"};
    add_row(t, NULL, "合计", v, 3, 20);
    add_claim(doc, "运行经费", "operating_expenses", NULL, "79.53", "万元", BR_DIR_NONE, 5);
    add_claim(doc, "比上年增加", "operating_expenses_change", NULL, "11.33", "万元",
              BR_DIR_INCREASE, 5);
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, class_expenditure_by_code_in_another_unit)
{
    /* the table in 元, the narrative in 万元: 1.50 万元 = 15000 元 */
    br_disclosure *doc = new_doc();
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    br_table *t = add_table(doc, BR_KIND_EXPENDITURE, BR_UNIT_YUAN, roles, 3);
    const char *v1[] = {"40000", "40000", NULL}, *v2[] = {"15000", "15000", NULL},
               *v3[] = {"25000", "25000", NULL};
    add_row(t, NULL, "合计", v1, 3, 30);
    add_row(t, "201", "一般公共服务支出", v2, 3, 31);
    add_row(t, "208", "社会保障和就业支出", v3, 3, 32);
    add_claim(doc, "一般公共服务", "expenditure_class", "201", "1.50", "万元", BR_DIR_NONE, 4);
    add_claim(doc, "社会保障和就业", "expenditure_class", "208", "2.60", "万元", BR_DIR_NONE, 4);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    /* in the claim's unit: 25000 元 is 2.5000 万元 */
    assert_claim_finding(f, BR_SEV_ERROR, "社会保障和就业", "expenditure_class", "2.5000", "2.60", 4,
                         NULL);
    cr_assert(strstr(f->message, "expenditure 208 total") != NULL, "%s", f->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* basic in gpb_expenditure (20.00) and in expenditure (25.00). */
static br_disclosure *two_scope_doc(const char *dept_total)
{
    br_disclosure *doc = new_doc();
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    br_table *g = add_table(doc, BR_KIND_GPB_EXPENDITURE, BR_UNIT_WAN, roles, 3);
    const char *gv[] = {"30.00", "20.00", "10.00"};
    add_row(g, NULL, "合计", gv, 3, 40);
    br_table *e = add_table(doc, BR_KIND_EXPENDITURE, BR_UNIT_WAN, roles, 3);
    const char *ev[] = {dept_total, "25.00", "10.00"};
    add_row(e, NULL, "合计", ev, 3, 60);
    return doc;
}

Test(narrative_checks, a_claim_may_hold_against_any_of_its_tables)
{
    br_disclosure *doc = two_scope_doc("35.00");
    add_claim(doc, "基本支出", "basic", NULL, "25.00", "万元", BR_DIR_NONE, 3); /* expenditure */
    add_claim(doc, "基本支出", "basic", NULL, "20.00", "万元", BR_DIR_NONE, 8); /* gpb */
    add_claim(doc, "基本支出", "basic", NULL, "26.00", "万元", BR_DIR_NONE, 9); /* neither */
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    /* reported against the first table listed for the class */
    assert_claim_finding(f, BR_SEV_ERROR, "基本支出", "basic", "20.00", "26.00", 9, NULL);
    cr_assert(strstr(f->message, "basic = gpb_expenditure 合计 basic") == f->message, "%s",
              f->message);
    /* 20.00 after 25.00: two scopes (35.00 ≠ 30.00), two different statements */
    cr_assert_eq(count_of(r, "narrative.consistency"), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, same_class_twice_is_an_error_when_scopes_coincide)
{
    br_disclosure *doc = two_scope_doc("30.00"); /* department = 一般公共预算 */
    add_claim(doc, "基本支出", "basic", NULL, "20.00", "万元", BR_DIR_NONE, 3);
    add_claim(doc, "基本支出", "basic", NULL, "25.00", "万元", BR_DIR_NONE, 8);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.consistency");
    assert_claim_finding(f, BR_SEV_ERROR, "基本支出", "basic", "20.00", "25.00", 8, NULL);
    cr_assert_str_eq(f->message, "basic stated twice (first at line 3): 25.00, expected 20.00 "
                                 "(difference 5.00)");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, a_figure_and_its_rounding_are_info)
{
    br_disclosure *doc = three_public_doc("8.00", "6.00");
    add_claim(doc, "“三公”经费预算", "three_public_total", NULL, "6.00", "万元", BR_DIR_NONE, 3);
    add_claim(doc, "“三公”经费", "three_public_total", NULL, "6", "万元", BR_DIR_NONE, 9);
    br_report *r = check(doc);
    cr_assert_eq(count_of(r, "narrative.consistency"), 0); /* 6 = 6.00 exactly */
    br_report_free(r);
    br_disclosure_free(doc);

    doc = three_public_doc("8.00", "5.80");
    add_claim(doc, "“三公”经费预算", "three_public_total", NULL, "5.80", "万元", BR_DIR_NONE, 3);
    add_claim(doc, "“三公”经费", "three_public_total", NULL, "6", "万元", BR_DIR_NONE, 9);
    r = check(doc);
    const br_finding *f = only_finding(r, "narrative.consistency");
    assert_claim_finding(f, BR_SEV_INFO, "“三公”经费", "three_public_total", "5.80", "6", 9, NULL);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, performance_amount_follows_the_wording)
{
    br_disclosure *doc = new_doc();
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_ANNUAL_SUBTOTAL, BR_ROLE_SUPERIOR_SUBTOTAL};
    br_table *t = add_table(doc, BR_KIND_PROJECTS, BR_UNIT_WAN, roles, 3);
    const char *v[] = {"40.00", "30.00", "10.00"};
    add_row(t, NULL, "合计", v, 3, 70);
    add_claim(doc, "涉及一般公共预算当年财政拨款", "performance_amount", NULL, "30.00", "万元",
              BR_DIR_NONE, 5);
    add_claim(doc, "涉及项目资金", "performance_amount", NULL, "30.00", "万元", BR_DIR_NONE, 6);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    /* without 当年 the amount is the projects' total */
    assert_claim_finding(f, BR_SEV_ERROR, "涉及项目资金", "performance_amount", "40.00", "30.00", 6,
                         NULL);
    cr_assert(strstr(f->message, "projects 合计 total") != NULL, "%s", f->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, procurement_blank_table_is_zero)
{
    br_disclosure *doc = new_doc();
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_GPB};
    br_table *t = add_table(doc, BR_KIND_PROCUREMENT, BR_UNIT_WAN, roles, 2);
    const char *v[] = {NULL, NULL};
    add_row(t, NULL, "合计", v, 2, 80);
    add_claim(doc, "政府采购预算总额", "procurement_total", NULL, "0", "万元", BR_DIR_NONE, 5);
    add_claim(doc, "一般公共预算拨款政府采购", "procurement_gpb", NULL, "5.00", "万元", BR_DIR_NONE,
              5);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    assert_claim_finding(f, BR_SEV_ERROR, "一般公共预算拨款政府采购", "procurement_gpb", "0", "5.00",
                         5, NULL);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, vehicle_subtotal_from_its_parts)
{
    /* a three_public table without the 公务用车 小计 column */
    br_disclosure *doc = new_doc();
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_VEHICLE_PURCHASE, BR_ROLE_VEHICLE_OPERATION};
    br_table *t = add_table(doc, BR_KIND_THREE_PUBLIC, BR_UNIT_WAN, roles, 3);
    const char *v[] = {"5.50", "1.50", "4.00"};
    add_row(t, NULL, "合计", v, 3, 50);
    add_claim(doc, "公务用车购置及运行费", "three_public_vehicle", NULL, "5.50", "万元", BR_DIR_NONE,
              5);
    add_claim(doc, "公务用车购置及运行费", "three_public_vehicle", NULL, "5.60", "万元", BR_DIR_NONE,
              6);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    assert_claim_finding(f, BR_SEV_ERROR, "公务用车购置及运行费", "three_public_vehicle", "5.50",
                         "5.60", 6, NULL);
    cr_assert(strstr(f->message, "vehicle_purchase + vehicle_operation") != NULL, "%s", f->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, no_narrative_is_not_applicable)
{
    br_disclosure *doc = three_public_doc("8.00", "6.00");
    br_report *r = check(doc);
    cr_assert_eq(status_of(r, "narrative.totals"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(status_of(r, "narrative.changes"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(status_of(r, "narrative.consistency"), BR_CHECK_NOT_APPLICABLE);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- scopes: which table states what the narrative says ------------------------------ */

/* A Shanghai 三公 table with its 机关运行经费 column (万元) and the basic
 * expenditure table (元) whose 公用经费 covers every unit of the department. */
static br_disclosure *shanghai_doc(int with_admin_operation)
{
    br_disclosure *doc = new_doc();
    br_role tp[] = {BR_ROLE_TOTAL, BR_ROLE_ADMIN_OPERATION};
    br_table *t = add_table(doc, BR_KIND_THREE_PUBLIC, BR_UNIT_WAN, tp,
                            with_admin_operation ? 2 : 1);
    const char *tv[] = {"22.91", "786.09"};
    add_row(t, NULL, "合计", tv, with_admin_operation ? 2 : 1, 792);
    br_role gb[] = {BR_ROLE_TOTAL, BR_ROLE_PERSONNEL, BR_ROLE_PUBLIC};
    br_table *g = add_table(doc, BR_KIND_GPB_BASIC, BR_UNIT_YUAN, gb, 3);
    const char *gv[] = {"99406297", "84024865", "15381432"};
    add_row(g, NULL, "合计", gv, 3, 776);
    return doc;
}

#define SHANGHAI_SCOPE "下属1家机关和1家参公事业单位财政拨款的机关运行经费预算"

Test(narrative_checks, operating_expenses_where_a_table_states_them)
{
    /* the 三公 table's 机关运行经费 column, not the 公用经费 of all units */
    br_disclosure *doc = shanghai_doc(1);
    add_claim(doc, SHANGHAI_SCOPE, "operating_expenses", NULL, "786.09", "万元", BR_DIR_NONE, 802);
    br_report *r = check(doc);
    cr_assert_eq(count_of(r, "narrative.totals"), 0);
    br_report_free(r);
    br_disclosure_free(doc);

    doc = shanghai_doc(1);
    add_claim(doc, SHANGHAI_SCOPE, "operating_expenses", NULL, "790.00", "万元", BR_DIR_NONE, 802);
    r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    assert_claim_finding(f, BR_SEV_ERROR, SHANGHAI_SCOPE, "operating_expenses", "786.09", "790.00",
                         802, NULL);
    cr_assert(strstr(f->message, "three_public 合计 admin_operation") != NULL, "%s", f->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, operating_expenses_of_a_narrower_scope_than_the_basic_table)
{
    /* no 机关运行经费 column: a narrative naming the 机关 and 参公 units only is
     * not the 公用经费 of the whole department; one that names no scope is */
    br_disclosure *doc = shanghai_doc(0);
    add_claim(doc, SHANGHAI_SCOPE, "operating_expenses", NULL, "786.09", "万元", BR_DIR_NONE, 802);
    add_claim(doc, "一般公共预算财政拨款运行经费", "operating_expenses", NULL, "786.09", "万元",
              BR_DIR_NONE, 810);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    assert_claim_finding(f, BR_SEV_ERROR, "一般公共预算财政拨款运行经费", "operating_expenses",
                         "1538.1432", "786.09", 810, NULL);
    cr_assert(strstr(f->message, "gpb_basic 合计 public") != NULL, "%s", f->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* A Jiangsu set: 支出预算总表 with 单位预留机动经费, 财政拨款基本支出预算表,
 * the "三公"、会议费、培训费 table, the 收支预算总表 naming classes only. */
static br_disclosure *jiangsu_doc(void)
{
    br_disclosure *doc = new_doc();
    br_role er[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT, BR_ROLE_RESERVE};
    const char *ev[] = {"20849.45", "9964.07", "10688.66", "196.72"};
    add_row(add_table(doc, BR_KIND_EXPENDITURE, BR_UNIT_WAN, er, 4), NULL, "合计", ev, 4, 100);
    br_role fr[] = {BR_ROLE_TOTAL};
    const char *fv[] = {"9900.07"};
    add_row(add_table(doc, BR_KIND_FISCAL_BASIC, BR_UNIT_WAN, fr, 1), NULL, "合计", fv, 1, 200);
    br_role tr[] = {BR_ROLE_TOTAL, BR_ROLE_MEETING, BR_ROLE_TRAINING, BR_ROLE_GRAND_TOTAL};
    const char *tv[] = {"509.20", "933.50", "25.00", "1467.70"};
    add_row(add_table(doc, BR_KIND_THREE_PUBLIC, BR_UNIT_WAN, tr, 4), NULL, "合计", tv, 4, 300);
    br_role sr[] = {BR_ROLE_AMOUNT};
    br_table *s = add_table(doc, BR_KIND_SUMMARY, BR_UNIT_WAN, sr, 1);
    br_row *row = br_table_add_row(s, NULL, "公共安全支出", BR_SIDE_EXPENDITURE, 400);
    br_row_set_value(row, 0, dec("13656.34"), 0);
    return doc;
}

Test(narrative_checks, jiangsu_scopes_against_their_tables)
{
    br_disclosure *doc = jiangsu_doc();
    add_claim(doc, "基本支出预算数", "basic", NULL, "9964.07", "万元", BR_DIR_NONE, 10);
    add_claim(doc, "财政拨款基本支出预算", "fiscal_basic", NULL, "9900.07", "万元", BR_DIR_NONE, 11);
    add_claim(doc, "单位预留机动经费预算数", "reserve", NULL, "196.72", "万元", BR_DIR_NONE, 12);
    add_claim(doc, "会议费预算支出", "meeting", NULL, "933.50", "万元", BR_DIR_NONE, 13);
    add_claim(doc, "“三公”经费、会议费、培训费", "three_public_grand_total", NULL, "1467.70", "万元",
              BR_DIR_NONE, 14);
    /* a class the summary table names without a code */
    add_claim(doc, "公共安全(类)支出", "expenditure_class", "204", "13656.34", "万元", BR_DIR_NONE,
              15);
    add_claim(doc, "培训费预算支出", "training", NULL, "30.00", "万元", BR_DIR_NONE, 16);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    assert_claim_finding(f, BR_SEV_ERROR, "培训费预算支出", "training", "25.00", "30.00", 16, NULL);
    cr_assert(strstr(f->message, "three_public 合计 training") != NULL, "%s", f->message);
    /* 基本支出 of the department and of the 财政拨款: two classes, no contradiction */
    cr_assert_eq(count_of(r, "narrative.consistency"), 0);
    br_report_free(r);
    br_disclosure_free(doc);

    /* the class row found by its name is tested */
    doc = jiangsu_doc();
    add_claim(doc, "公共安全(类)支出", "expenditure_class", "204", "13641.34", "万元", BR_DIR_NONE,
              15);
    r = check(doc);
    f = only_finding(r, "narrative.totals");
    assert_claim_finding(f, BR_SEV_ERROR, "公共安全(类)支出", "expenditure_class", "13656.34",
                         "13641.34", 15, NULL);
    cr_assert(strstr(f->message, "expenditure_class = summary 公共安全支出 amount") == f->message,
              "%s", f->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- narratives published without their tables (layout text) ------------------------- */

static void setup_layout(void)
{
    setup();
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/layout.so", &err), BR_OK, "%s",
                 err.message);
}

TestSuite(narrative_only, .init = setup_layout, .fini = teardown);

Test(narrative_only, checks_against_tables_are_not_applicable)
{
    br_disclosure *doc;
    br_report *r = check_file("narrative_jiangsu_2017.layout.txt", &doc);
    cr_assert_eq(br_disclosure_table_count(doc), 0);
    cr_assert_eq(status_of(r, "narrative.totals"), BR_CHECK_NOT_APPLICABLE);
    cr_assert_eq(status_of(r, "narrative.changes"), BR_CHECK_NOT_APPLICABLE);
    /* the text is consistent with itself: its scopes are told apart */
    cr_assert_eq(status_of(r, "narrative.consistency"), BR_CHECK_PASSED);
    cr_assert_eq(br_report_count(r), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_only, consistency_within_the_text_still_runs)
{
    br_disclosure *doc;
    br_report *r = check_file("narrative_jiangsu_restated.layout.txt", &doc);
    const br_finding *f = only_finding(r, "narrative.consistency");
    assert_claim_finding(f, BR_SEV_ERROR, "会议费预算支出", "meeting", "933.50", "933.60", 9, NULL);
    cr_assert_str_eq(f->message, "meeting stated twice (first at line 5): 933.60, expected 933.50 "
                                 "(difference 0.10)");
    cr_assert_eq(status_of(r, "narrative.totals"), BR_CHECK_NOT_APPLICABLE);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* A 元 table against a 万元 narrative: 3,286,618,082.20 元 is 328,661.808220
 * 万元; the narrative's 328661.81 rounds it (tolerance: half a unit of 0.01
 * 万元 plus half of 0.01 元 in 万元), so it holds only within rounding. */
Test(narrative_checks, yuan_table_against_wan_narrative_within_rounding)
{
    br_disclosure *doc;
    br_report *r = check_file("narr_totals_units.txt", &doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    cr_assert_eq(f->severity, BR_SEV_INFO);
    cr_assert_str_eq(f->column, "expenditure_total");
    cr_assert_str_eq(str(f->expected), "328661.808220");
    cr_assert_str_eq(str(f->actual), "328661.81");
    cr_assert_str_eq(str(f->tolerance), "0.0050005");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- fail closed: a figure in question proves nothing ------------------------------ */

static const br_finding *finding_of(const br_report *r, const char *id, br_severity sev)
{
    for (size_t i = 0; i < br_report_count(r); i++)
        if (strcmp(br_report_at(r, i)->check, id) == 0 && br_report_at(r, i)->severity == sev)
            return br_report_at(r, i);
    return NULL;
}

static size_t count_sev(const br_report *r, const char *id, br_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        n += strcmp(br_report_at(r, i)->check, id) == 0 && br_report_at(r, i)->severity >= sev;
    return n;
}

/* A 三公 row: 合计 | 因公出国 | 公务接待 | 公务用车运行维护费. */
static br_disclosure *three_public_parts_doc(const char *total, const char *abroad,
                                             const char *reception, const char *operation)
{
    br_disclosure *doc = new_doc();
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_ABROAD, BR_ROLE_RECEPTION, BR_ROLE_VEHICLE_OPERATION};
    br_table *t = add_table(doc, BR_KIND_THREE_PUBLIC, BR_UNIT_WAN, roles, 4);
    const char *v[] = {total, abroad, reception, operation};
    add_row(t, NULL, "合计", v, 4, 50);
    return doc;
}

Test(narrative_checks, a_row_that_breaks_its_own_arithmetic_is_not_checked_against)
{
    /* "“三公”经费预算 15 万元，其中：公务接待费 3 万元，公务用车运行维护费 12 万元"
     * against a row read out of order (合计 3 ≠ 0 + 12 + 15): not the department's error */
    br_disclosure *doc = three_public_parts_doc("3.00", NULL, "12.00", "15.00");
    add_claim(doc, "“三公”经费预算", "three_public_total", NULL, "15", "万元", BR_DIR_NONE, 9);
    add_claim(doc, "公务接待费", "three_public_reception", NULL, "3", "万元", BR_DIR_NONE, 9);
    br_report *r = check(doc);
    cr_expect_eq(count_sev(r, "narrative.totals", BR_SEV_WARNING), 0);
    cr_expect_eq(count_of(r, "narrative.totals"), 2);
    const br_finding *f = finding_of(r, "narrative.totals", BR_SEV_INFO);
    cr_assert_not_null(f);
    cr_expect(strncmp(f->message, "not checked: ", 13) == 0, "%s", f->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, a_sound_row_still_tells_a_wrong_statement)
{
    br_disclosure *doc = three_public_parts_doc("15.00", NULL, "3.00", "12.00");
    add_claim(doc, "“三公”经费预算", "three_public_total", NULL, "16", "万元", BR_DIR_NONE, 9);
    add_claim(doc, "公务接待费", "three_public_reception", NULL, "3", "万元", BR_DIR_NONE, 9);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.totals");
    assert_claim_finding(f, BR_SEV_ERROR, "“三公”经费预算", "three_public_total", "15.00", "16", 9,
                         NULL);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, an_uncertain_candidate_is_not_hidden_by_a_broken_one)
{
    /* 基本支出 800: the 一般公共预算 table (first candidate) says 700; the
     * department's table, read with doubt, says 800 — or something else: not
     * an error either way */
    br_disclosure *doc = new_doc();
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    br_table *g = add_table(doc, BR_KIND_GPB_EXPENDITURE, BR_UNIT_WAN, roles, 3);
    const char *gv[] = {"900.00", "700.00", "200.00"};
    add_row(g, NULL, "合计", gv, 3, 40);
    br_table *e = add_table(doc, BR_KIND_EXPENDITURE, BR_UNIT_WAN, roles, 3);
    const char *ev[] = {"1000.00", "800.00", "200.00"};
    add_row(e, NULL, "合计", ev, 3, 60);
    cr_assert_eq(br_table_set_uncertain(e, 1, "unknown_header", "a header not recognised"), BR_OK);
    add_claim(doc, "基本支出", "basic", NULL, "810.00", "万元", BR_DIR_NONE, 9);
    br_report *r = check(doc);
    cr_expect_eq(count_sev(r, "narrative.totals", BR_SEV_WARNING), 0);
    const br_finding *f = finding_of(r, "narrative.totals", BR_SEV_INFO);
    cr_assert_not_null(f);
    cr_expect(strncmp(f->message, "not checked: ", 13) == 0, "%s", f->message);
    br_report_free(r);
    br_disclosure_free(doc);

    /* …and an exact candidate after both still clears the claim */
    doc = new_doc();
    g = add_table(doc, BR_KIND_GPB_EXPENDITURE, BR_UNIT_WAN, roles, 3);
    add_row(g, NULL, "合计", gv, 3, 40);
    e = add_table(doc, BR_KIND_EXPENDITURE, BR_UNIT_WAN, roles, 3);
    add_row(e, NULL, "合计", ev, 3, 60);
    cr_assert_eq(br_table_set_uncertain(e, 1, "unknown_header", "a header not recognised"), BR_OK);
    br_role broles[] = {BR_ROLE_TOTAL, BR_ROLE_PERSONNEL, BR_ROLE_PUBLIC};
    br_table *b = add_table(doc, BR_KIND_GPB_BASIC, BR_UNIT_WAN, broles, 3);
    const char *bv[] = {"810.00", "610.00", "200.00"};
    add_row(b, NULL, "合计", bv, 3, 80);
    add_claim(doc, "基本支出", "basic", NULL, "810.00", "万元", BR_DIR_NONE, 9);
    r = check(doc);
    cr_expect_eq(count_of(r, "narrative.totals"), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, a_change_through_an_uncertain_column_is_not_an_error)
{
    /* "比上年增加 3 万元" where the table, read with doubt, gives a decrease */
    br_disclosure *doc = three_public_doc("8.00", "6.00");
    br_table *t = br_disclosure_table_at(doc, 0);
    cr_assert_eq(br_table_set_uncertain(t, 0, "duplicate_role", "two columns for one role"), BR_OK);
    add_claim(doc, "比上年增加", "three_public_change", NULL, "3", "万元", BR_DIR_INCREASE, 9);
    add_claim(doc, "增长", "three_public_change", NULL, "30", "%", BR_DIR_INCREASE, 9);
    br_report *r = check(doc);
    cr_expect_eq(count_sev(r, "narrative.changes", BR_SEV_WARNING), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(narrative_checks, a_change_of_all_funds_and_of_the_gpb_share_are_two_statements)
{
    /* "支出较去年增加…，主要是基本支出增加 5.00 万元" (all funds) and, under
     * 一般公共预算, "其中：基本支出…比上年增加 3.00 万元": the department's
     * funds are not all 一般公共预算 (35.00 ≠ 30.00) — nothing to compare */
    br_disclosure *doc = two_scope_doc("35.00");
    add_claim(doc, "主要是基本支出增加", "basic_change", NULL, "5.00", "万元", BR_DIR_INCREASE, 3);
    add_claim(doc, "比上年增加", "basic_change", NULL, "3.00", "万元", BR_DIR_INCREASE, 8);
    br_report *r = check(doc);
    cr_assert_eq(count_of(r, "narrative.consistency"), 0);
    br_report_free(r);
    br_disclosure_free(doc);

    /* the scopes coincide this year, but the previous year's may not: the
     * two changes are still two statements (one scope per comparison) */
    doc = two_scope_doc("30.00");
    add_claim(doc, "主要是基本支出增加", "basic_change", NULL, "5.00", "万元", BR_DIR_INCREASE, 3);
    add_claim(doc, "比上年增加", "basic_change", NULL, "3.00", "万元", BR_DIR_INCREASE, 8);
    add_claim(doc, "项目支出增加", "project_change", NULL, "2.00", "万元", BR_DIR_INCREASE, 4);
    add_claim(doc, "比上年减少", "project_change", NULL, "1.00", "万元", BR_DIR_DECREASE, 9);
    r = check(doc);
    cr_assert_eq(count_of(r, "narrative.consistency"), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* Within one scope a change stated twice is still compared: the 一般公共预算
 * basic expenditure's change (gpb_basic_change) stated 3.00 and then 5.00 is
 * an error at the second statement. */
Test(narrative_checks, a_change_of_one_scope_stated_twice_is_compared)
{
    br_disclosure *doc = two_scope_doc("35.00");
    add_claim(doc, "一般公共预算基本支出增加", "gpb_basic_change", NULL, "3.00", "万元",
              BR_DIR_INCREASE, 3);
    add_claim(doc, "一般公共预算基本支出比上年增加", "gpb_basic_change", NULL, "5.00", "万元",
              BR_DIR_INCREASE, 8);
    br_report *r = check(doc);
    const br_finding *f = only_finding(r, "narrative.consistency");
    cr_assert_eq(f->severity, BR_SEV_ERROR, "%s", f->message);
    cr_assert_eq(f->line, 8);
    cr_assert_str_eq(str(f->expected), "3.00");
    cr_assert_str_eq(str(f->actual), "5.00");
    cr_assert_str_eq(f->message, "gpb_basic_change stated twice (first at line 3): 5.00, expected "
                                 "3.00 (difference 2.00)");
    br_report_free(r);
    br_disclosure_free(doc);
}
