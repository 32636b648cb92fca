/*
 * The completeness checks (plugins/completeness) on hand-written documents in
 * the reference layout — a complete disclosure (compl_ok.txt) and twins that
 * each break one rule — on documents built through the model API for the
 * finer cases, and on the reference document.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;
#define BR_TEST_REGISTRY
#include "br_test.h"

static void setup(void)
{
    reg = br_registry_new();
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/completeness.so", &err), BR_OK,
                 "%s", err.message);
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/disclosure_text.so", &err), BR_OK,
                 "%s", err.message);
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(completeness, .init = setup, .fini = teardown);

#define TABLES "completeness.tables"
#define REFS "completeness.references"
#define EMPTY "completeness.empty_statements"

Test(completeness, complete_disclosure_has_no_finding)
{
    br_disclosure *doc;
    br_report *r = check_file("compl_ok.txt", &doc);
    cr_assert_eq(count(r, TABLES), 0);
    cr_assert_eq(count(r, REFS), 0);
    cr_assert_eq(count(r, EMPTY), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- tables ---- */

Test(completeness, missing_standard_table_is_a_warning)
{
    br_disclosure *doc;
    br_report *r = check_file("compl_tables_missing.txt", &doc);
    cr_assert_eq(count(r, REFS), 0);
    cr_assert_eq(count(r, EMPTY), 0);
    const br_finding *f = only(r, TABLES);
    cr_assert_eq(f->severity, BR_SEV_WARNING);
    cr_assert_str_eq(f->table, "soc_capital");
    cr_assert_null(f->row);
    cr_assert_null(f->column);
    cr_assert_eq(f->present, 0);
    cr_assert_eq(f->line, 15); /* the fiscal_summary that shows its empty column */
    cr_assert_null(f->cause);
    cr_assert_str_eq(f->message,
                     "standard table 国有资本经营预算财政拨款支出表 (soc_capital) is not in the "
                     "disclosure, and no statement says it is empty; the soc_capital column of "
                     "fiscal_summary (line 15) has no figure");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(completeness, table_stated_empty_is_not_missing)
{
    br_disclosure *doc;
    br_report *r = check_file("compl_tables_stated.txt", &doc);
    cr_assert_eq(count(r, TABLES), 0);
    cr_assert_eq(count(r, EMPTY), 0); /* no soc_capital figure anywhere: the statement holds */
    br_report_free(r);
    br_disclosure_free(doc);
}

/* A document with one table of each kind in `kinds`, year `year`. */
static br_disclosure *doc_with(const br_kind *kinds, size_t n, int year)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    if (year)
        br_disclosure_set_year(doc, year);
    for (size_t i = 0; i < n; i++) {
        br_table *t = br_disclosure_add_table(doc, kinds[i], "表", BR_UNIT_WAN, 10 * (long)(i + 1));
        br_role roles[] = {BR_ROLE_TOTAL};
        cr_assert_eq(br_table_set_columns(t, roles, 1), BR_OK);
    }
    return doc;
}

static const br_kind eight[] = {BR_KIND_SUMMARY,         BR_KIND_INCOME,
                                BR_KIND_EXPENDITURE,     BR_KIND_FISCAL_SUMMARY,
                                BR_KIND_GPB_EXPENDITURE, BR_KIND_GPB_BASIC,
                                BR_KIND_THREE_PUBLIC,    BR_KIND_GOV_FUND};

Test(completeness, standard_set_follows_year_and_layout)
{
    /* 2019: no 国有资本经营预算 table expected; no 项目支出明细表: no procurement */
    br_disclosure *doc = doc_with(eight, 8, 2019);
    br_report *r = check(doc);
    cr_assert_eq(count(r, TABLES), 0);
    br_report_free(r);
    br_disclosure_free(doc);

    /* 2022 with performance tables only: the 国有资本经营预算 table is of the
     * standard set, but nothing in this document calls for it */
    br_kind more[9];
    memcpy(more, eight, sizeof eight);
    more[8] = BR_KIND_PERFORMANCE_PROJECT;
    doc = doc_with(more, 9, 2022);
    r = check(doc);
    cr_assert_eq(count(r, TABLES), 0);
    br_report_free(r);
    br_disclosure_free(doc);

    /* …its tables budget by that fund (a 国有资本经营预算 column): expected */
    doc = doc_with(more, 9, 2022);
    br_table *fs = br_disclosure_find_table(doc, BR_KIND_FISCAL_SUMMARY);
    br_role fs_roles[] = {BR_ROLE_TOTAL, BR_ROLE_GPB, BR_ROLE_GOV_FUND, BR_ROLE_SOC_CAPITAL};
    cr_assert_eq(br_table_set_columns(fs, fs_roles, 4), BR_OK);
    r = check(doc);
    cr_assert_eq(count(r, TABLES), 1);
    cr_assert_str_eq(br_report_at(r, 0)->table, "soc_capital");
    br_report_free(r);
    br_disclosure_free(doc);

    /* 2022 with a 项目支出明细表: its layout's procurement table expected too */
    more[8] = BR_KIND_PROJECTS;
    doc = doc_with(more, 9, 2022);
    fs = br_disclosure_find_table(doc, BR_KIND_FISCAL_SUMMARY);
    cr_assert_eq(br_table_set_columns(fs, fs_roles, 4), BR_OK);
    r = check(doc);
    cr_assert_eq(count(r, TABLES), 2);
    cr_assert_str_eq(br_report_at(r, 0)->table, "soc_capital");
    cr_assert_str_eq(br_report_at(r, 1)->table, "procurement");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(completeness, a_table_of_another_regions_set_is_not_called_for)
{
    /* no 三公 table, no 政府性基金 table, and nothing of theirs in the
     * document (its 三公 figures stated in the text only): nothing missing */
    static const br_kind six[] = {BR_KIND_SUMMARY,        BR_KIND_INCOME,
                                  BR_KIND_EXPENDITURE,    BR_KIND_FISCAL_SUMMARY,
                                  BR_KIND_GPB_EXPENDITURE, BR_KIND_GPB_BASIC};
    br_disclosure *doc = doc_with(six, 6, 2022);
    br_claim tp = {.label = "“三公”经费预算", .unit = "万元", .value = dec("6.00"), .line = 7};
    br_narrative_add_claim(br_disclosure_narrative(doc), &tp);
    br_report *r = check(doc);
    cr_assert_eq(count(r, TABLES), 0);
    cr_assert_eq(count(r, REFS), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(completeness, narrative_only_document_is_not_judged)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_disclosure_set_year(doc, 2022);
    const char *text = "2022 年政府性基金预算拨款收入 12.00 万元,详见附表 5。";
    br_narrative_set_text(br_disclosure_narrative(doc), text, strlen(text), 1);
    br_report *r = check(doc);
    cr_assert_eq(count(r, TABLES), 0);
    cr_assert_eq(count(r, REFS), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- references ---- */

Test(completeness, reference_to_an_absent_table_is_a_warning)
{
    br_disclosure *doc;
    br_report *r = check_file("compl_refs_broken.txt", &doc);
    cr_assert_eq(count(r, TABLES), 0);
    cr_assert_eq(count(r, EMPTY), 0);
    const br_finding *f = only(r, REFS);
    cr_assert_eq(f->severity, BR_SEV_WARNING);
    cr_assert_str_eq(f->table, "narrative");
    cr_assert_str_eq(f->row, "2022 年绩效目标设置情况详见附件 10");
    cr_assert_null(f->column);
    cr_assert_eq(f->present, 0);
    cr_assert_eq(f->line, 7);
    cr_assert_null(f->cause);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(completeness, narrative_figure_about_an_absent_table_is_a_warning)
{
    br_disclosure *doc;
    br_report *r = check_file("compl_refs_figure.txt", &doc);
    cr_assert_eq(count(r, EMPTY), 0);
    const br_finding *f = only(r, REFS);
    cr_assert_eq(f->severity, BR_SEV_WARNING);
    cr_assert_str_eq(f->table, "narrative");
    cr_assert_str_eq(f->row, "政府性基金预算拨款收入");
    cr_assert_null(f->column);
    cr_assert_eq(f->present, BR_FINDING_ACTUAL);
    cr_assert_str_eq(str(f->actual), "12.00");
    cr_assert_eq(f->line, 7);
    cr_assert_str_eq(f->message, "the narrative states 政府性基金预算拨款收入 12.00 万元, but the "
                                 "disclosure has no 政府性基金 table (gov_fund)");
    /* the same absence, as a missing standard table */
    cr_assert_str_eq(only(r, TABLES)->table, "gov_fund");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(completeness, zero_changes_and_mixed_labels_are_no_reference)
{
    br_disclosure *doc = doc_with(eight, 1, 2022); /* a summary table only */
    br_narrative *n = br_disclosure_narrative(doc);
    br_claim zero = {.label = "政府性基金预算拨款收入", .unit = "万元", .value = dec("0.00"),
                     .line = 3};
    br_claim change = {.label = "政府性基金预算拨款减少", .unit = "万元", .value = dec("5.00"),
                       .direction = BR_DIR_DECREASE, .line = 4};
    br_claim mixed = {.label = "一般公共预算和政府性基金预算拨款收入", .unit = "万元",
                      .value = dec("30.00"), .line = 5};
    br_claim staff = {.label = "三公经费涉及人员", .unit = "人", .value = dec("3"), .line = 6};
    br_claim real = {.label = "政府性基金预算拨款收入", .unit = "万元", .value = dec("6"),
                     .line = 7};
    br_narrative_add_claim(n, &zero);
    br_narrative_add_claim(n, &change);
    br_narrative_add_claim(n, &mixed);
    br_narrative_add_claim(n, &staff);
    br_narrative_add_claim(n, &real);
    br_report *r = check(doc);
    const br_finding *f = only(r, REFS);
    cr_assert_eq(f->line, 7);
    cr_assert_str_eq(str(f->actual), "6");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- empty statements ---- */

Test(completeness, empty_statement_contradicted_by_figures_is_an_error)
{
    br_disclosure *doc;
    br_report *r = check_file("compl_empty_broken.txt", &doc);
    cr_assert_eq(count(r, TABLES), 0);
    cr_assert_eq(count(r, REFS), 0);
    const br_finding *f = only(r, EMPTY);
    cr_assert_eq(f->severity, BR_SEV_ERROR);
    cr_assert_str_eq(f->table, "narrative");
    cr_assert_str_eq(f->row, "某单位 2022 年未使用政府性基金预算拨款安排的支出");
    cr_assert_null(f->column);
    cr_assert_str_eq(str(f->expected), "0.00");
    cr_assert_str_eq(str(f->actual), "12.00");
    cr_assert_str_eq(str(f->tolerance), "0.005");
    cr_assert_eq(f->line, 7);
    cr_assert_null(f->cause);
    cr_assert_str_eq(f->message, "the statement \"某单位 2022 年未使用政府性基金预算拨款安排的支出\" "
                                 "says 政府性基金 is empty, but gov_fund 合计 · total (line 69) "
                                 "is 12.00");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(completeness, empty_statement_over_an_empty_table_holds)
{
    br_disclosure *doc;
    br_report *r = check_file("compl_empty_ok.txt", &doc);
    cr_assert_eq(count(r, EMPTY), 0);
    cr_assert_eq(count(r, TABLES), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* gov_fund table with one 合计 row; three_public with last year's figure. */
static br_disclosure *statement_doc(const char *text, const char *fund_total)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_disclosure_set_year(doc, 2022);
    br_table *t = br_disclosure_add_table(doc, BR_KIND_GOV_FUND, "政府性基金", BR_UNIT_WAN, 20);
    br_role roles[] = {BR_ROLE_TOTAL};
    br_table_set_columns(t, roles, 1);
    br_row *r = br_table_add_row(t, NULL, "合计", BR_SIDE_NONE, 22);
    if (fund_total)
        br_row_set_value(r, 0, dec(fund_total), 0);
    br_table *tp = br_disclosure_add_table(doc, BR_KIND_THREE_PUBLIC, "三公", BR_UNIT_WAN, 30);
    br_role tproles[] = {BR_ROLE_PREV_TOTAL, BR_ROLE_TOTAL};
    br_table_set_columns(tp, tproles, 2);
    r = br_table_add_row(tp, NULL, "合计", BR_SIDE_NONE, 32);
    br_row_set_value(r, 0, dec("3.00"), 0);
    br_narrative_set_text(br_disclosure_narrative(doc), text, strlen(text), 1);
    return doc;
}

Test(completeness, zero_figures_and_last_year_agree_with_empty_statements)
{
    br_disclosure *doc = statement_doc("本部门无政府性基金预算拨款。\n本部门 2022 年无“三公”经费预算。",
                                       "0.00");
    br_report *r = check(doc);
    cr_assert_eq(count(r, EMPTY), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(completeness, statements_of_another_year_or_far_from_the_subject_are_ignored)
{
    br_disclosure *doc = statement_doc(
        "2021 年未使用政府性基金预算拨款。\n无变化,政府性基金预算拨款 12 万元。", "12.00");
    br_report *r = check(doc);
    cr_assert_eq(count(r, EMPTY), 0);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(completeness, statement_found_across_a_line_break)
{
    br_disclosure *doc = statement_doc("第一句。\n\n本部门 2022 年没有政府性\n基金预算拨款安排的支出。",
                                       "12.00");
    br_report *r = check(doc);
    const br_finding *f = only(r, EMPTY);
    cr_assert_eq(f->line, 3);
    cr_assert_str_eq(f->row, "本部门 2022 年没有政府性基金预算拨款安排的支出");
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(completeness, table_note_saying_empty_is_held_against_its_table)
{
    br_disclosure *doc = statement_doc("", "12.00");
    br_table *t = br_disclosure_find_table(doc, BR_KIND_GOV_FUND);
    br_table_set_attr(t, "注", "本部门无此项预算,故本表无数据。");
    br_report *r = check(doc);
    const br_finding *f = only(r, EMPTY);
    cr_assert_str_eq(f->table, "gov_fund");
    cr_assert_eq(f->line, 20);
    cr_assert_str_eq(str(f->actual), "12.00");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- the reference document ---- */

Test(completeness, reference_document)
{
    br_disclosure *doc;
    br_report *r = check_path(BR_SOURCE_DIR "/examples/000_8b975b95330ebfb5.txt", &doc);
    /* 政府性基金: stated empty (line 27) and its table is blank — consistent */
    cr_assert_eq(count(r, EMPTY), 0);
    cr_assert_eq(count(r, REFS), 0);
    const br_finding *f = only(r, TABLES);
    cr_assert_str_eq(f->table, "soc_capital");
    cr_assert_eq(f->severity, BR_SEV_WARNING);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- a published contradiction: 18's 三公 table prints 47.91 while the note
 * under it says the table is empty (read from its layout text) ---- */

Test(completeness, shanghai_empty_note_over_printed_figures)
{
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/layout.so", &err), BR_OK, "%s",
                 err.message);
    br_disclosure *doc;
    br_report *r = check_file("18_shanghai-putuo-wanli-street-2024-budget.layout.txt", &doc);
    cr_assert_eq(count(r, TABLES), 0); /* all nine tables, two stated empty */
    const br_finding *f = only(r, EMPTY);
    cr_assert_eq(f->severity, BR_SEV_ERROR);
    cr_assert_str_eq(f->table, "three_public");
    cr_assert_str_eq(f->row, "注:本部门2024年无“三公”经费和机关运行经费预算,故本表为空表。");
    cr_assert_str_eq(str(f->actual), "47.91");
    cr_assert_str_eq(str(f->expected), "0.00");
    cr_assert_eq(f->line, 778);
    br_report_free(r);
    br_disclosure_free(doc);
}
