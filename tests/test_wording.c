/*
 * The wording checks (plugins/wording) on snippets in the wording of real
 * disclosures: for each defect a broken twin (the exact finding) and a
 * consistent twin (no finding), and text that must not be taken for a defect
 * (history, document numbers, model numbers, brackets of emphasis).
 *
 * A snippet is the narrative as printed (normalised: "，" is ","), line 1
 * first, in a document of the year its title names; the phase comes from
 * the title (no tables) or from a table's title.
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
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/wording.so", &err), BR_OK, "%s",
                 err.message);
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(wording, .init = setup, .fini = teardown);

#define PLACEHOLDERS "wording.placeholders"
#define YEARS "wording.years"

static br_disclosure *doc;

/* The findings of the wording checks on a narrative of year `year`. */
static br_report *on_text(int year, const char *text)
{
    doc = br_disclosure_new("snippet.txt");
    br_disclosure_set_year(doc, year);
    cr_assert_eq(br_narrative_set_text(br_disclosure_narrative(doc), text, strlen(text), 1), BR_OK);
    return check(doc);
}

static void done(br_report *r)
{
    br_report_free(r);
    br_disclosure_free(doc);
}

static void expect(const br_finding *f, const char *table, const char *row, long line,
                   const char *message)
{
    cr_assert_eq(f->severity, BR_SEV_WARNING);
    cr_assert_str_eq(f->table, table);
    cr_assert_str_eq(f->row, row);
    cr_assert_null(f->column);
    cr_assert_eq(f->present, 0);
    cr_assert_eq(f->line, line);
    cr_assert_str_eq(f->message, message);
}

#define BUDGET_TITLE "上海市普陀区万里街道办事处\n2024 年部门预算\n"
#define FINAL_TITLE "中共上海市普陀区委社会工作部\n2024 年度部门决算\n"

/* ---- placeholders ---- */

Test(wording, heading_naming_the_body_xx)
{
    br_report *r = on_text(2024, BUDGET_TITLE "第一部分 XX局概况\n一、主要职能\n");
    cr_assert_eq(count(r, YEARS), 0);
    expect(only(r, PLACEHOLDERS), "narrative", "XX", 3,
           "placeholder \"XX\" left in the published heading: \"第一部分 XX局概况\"");
    done(r);

    r = on_text(2024, BUDGET_TITLE "第一部分 上海市普陀区万里街道办事处概况\n一、主要职能\n");
    cr_assert_eq(count(r, PLACEHOLDERS), 0);
    done(r);
}

Test(wording, figure_left_as_times_signs)
{
    br_report *r = on_text(2024, BUDGET_TITLE
                           "   2024 年收入预算 ×× 万元,比 2023 年预算增加 0.46 万元。\n");
    expect(only(r, PLACEHOLDERS), "narrative", "××", 3,
           "placeholder \"××\" left in the published text: \"2024 年收入预算 ×× 万元,比 2023 "
           "年预算增加 0.46 万元。\"");
    done(r);

    r = on_text(2024, BUDGET_TITLE "   2024 年收入预算 58.20 万元,比 2023 年预算增加 0.46 万元。\n");
    cr_assert_eq(count(r, PLACEHOLDERS), 0);
    done(r);
}

Test(wording, year_and_names_to_fill_in)
{
    br_report *r = on_text(2024, "(单位名称)\n20XX 年部门预算\n"
                                 "某某单位共有车辆 2 辆。\n"
                                 "(一)职能职责【此处填写单位职能】\n"
                                 "二、机构设置【】\n");
    cr_assert_eq(count(r, PLACEHOLDERS), 5);
    expect(br_report_at(r, 0), "narrative", "(单位名称)", 1,
           "fill-in field \"(单位名称)\" left in the published text: \"(单位名称)\"");
    /* "20XX 年": the space before 年 is kept; the year's digits are quoted */
    cr_assert_str_eq(br_report_at(r, 1)->row, "20XX");
    cr_assert_eq(br_report_at(r, 1)->line, 2);
    cr_assert_str_eq(br_report_at(r, 1)->message,
                     "placeholder year \"20XX\" left in the published heading: \"20XX 年部门预算\"");
    expect(br_report_at(r, 2), "narrative", "某某", 3,
           "placeholder \"某某\" left in the published text: \"某某单位共有车辆 2 辆。\"");
    expect(br_report_at(r, 3), "narrative", "【此处填写单位职能】", 4,
           "fill-in field \"【此处填写单位职能】\" left in the published heading: "
           "\"(一)职能职责【此处填写单位职能】\"");
    expect(br_report_at(r, 4), "narrative", "【】", 5,
           "fill-in field \"【】\" left in the published heading: \"二、机构设置【】\"");
    done(r);
}

Test(wording, placeholder_in_a_table_title)
{
    doc = br_disclosure_new("snippet.txt");
    br_disclosure_set_year(doc, 2024);
    br_disclosure_add_table(doc, BR_KIND_SUMMARY, "XX局2024年部门收支总表", BR_UNIT_WAN, 40);
    br_report *r = check(doc);
    expect(only(r, PLACEHOLDERS), "summary", "XX", 40,
           "placeholder \"XX\" left in the published table title: \"XX局2024年部门收支总表\"");
    done(r);
}

Test(wording, letters_model_numbers_and_emphasis_are_no_placeholders)
{
    br_report *r = on_text(
        2024, BUDGET_TITLE
        "   购置 X 光安检机 2 台(型号 DS-XX200),XXL 防护服 10 套,XXX Corp 软件 1 套。\n"
        "   根据沪府规【2016】168号《关于万里街道社区公共服务中心新建工程》的批复进行建设。\n"
        "   网址 www.xx.gov.cn,3×4 米展板。【重点】做好“十四五”规划。\n"
        "序号            单位名称            备注\n");
    cr_assert_eq(count(r, PLACEHOLDERS), 0, "%s", count(r, PLACEHOLDERS) ?
                 only(r, PLACEHOLDERS)->message : "");
    done(r);
}

/* ---- years ---- */

Test(wording, heading_with_last_years_final_account)
{
    br_report *r = on_text(2024, FINAL_TITLE "第三部分 中共上海市普陀区委社会工作部 2023 年度部门决算情况说明\n"
                                 "一、收入支出决算总体情况说明\n");
    cr_assert_eq(count(r, PLACEHOLDERS), 0);
    expect(only(r, YEARS), "narrative", "2023", 3,
           "the 2024 final account names 2023 as its own year in a heading: \"第三部分 "
           "中共上海市普陀区委社会工作部 2023 年度部门决算情况说明\"");
    done(r);

    r = on_text(2024, FINAL_TITLE "第三部分 中共上海市普陀区委社会工作部 2024 年度部门决算情况说明\n"
                      "一、收入支出决算总体情况说明\n");
    cr_assert_eq(count(r, YEARS), 0);
    done(r);
}

Test(wording, table_title_with_another_year)
{
    doc = br_disclosure_new("snippet.txt");
    br_disclosure_set_year(doc, 2019);
    br_disclosure_add_table(doc, BR_KIND_SUMMARY, "2018年度江苏省高级人民法院部门预算公开",
                            BR_UNIT_WAN, 12);
    br_disclosure_add_table(doc, BR_KIND_INCOME, "收入预算总表", BR_UNIT_WAN, 30);
    br_report *r = check(doc);
    expect(only(r, YEARS), "summary", "2018", 12,
           "the 2019 budget names 2018 as its own year in a table's title: "
           "\"2018年度江苏省高级人民法院部门预算公开\"");
    done(r);
}

Test(wording, balances_at_the_wrong_year_end)
{
    /* final accounts state their balances at the end of their own year */
    br_report *r = on_text(2024, FINAL_TITLE "   (三)国有资产占有使用情况说明\n"
                                 "   截至 2023 年 12 月 31 日,中共上海市普陀区委社会工作部共有\n"
                                 "车辆 0 辆。\n");
    expect(only(r, YEARS), "narrative", "2023", 4,
           "the 2024 final account states balances at the end of 2023; its year-end is 2024: "
           "\"截至 2023 年 12 月 31 日,中共上海市普陀区委社会工作部共有\"");
    done(r);

    r = on_text(2024, FINAL_TITLE "   截至 2024 年 12 月 31 日,中共上海市普陀区委社会工作部共有\n"
                      "车辆 0 辆。\n");
    cr_assert_eq(count(r, YEARS), 0);
    done(r);

    /* a budget states them at the end of the year before: the date broken
     * over two lines is still read, at the year's line */
    r = on_text(2024, BUDGET_TITLE "截至 2024 年\n12 月 31 日,上海市普陀区社会福利院共有车辆 1 辆。\n");
    expect(only(r, YEARS), "narrative", "2024", 3,
           "the 2024 budget states balances at the end of 2024; its year-end is 2023: "
           "\"截至 2024 年\"");
    done(r);

    r = on_text(2024, BUDGET_TITLE "截至2023年12月31日,上海市普陀区社会福利院共有车辆 1 辆。\n"
                      "截至2023年8月31日,上海市普陀区人民政府万里街道办事处共有车辆 2 辆。\n"
                      "截至 2022 年底,该项目已完成投资 500 万元。\n");
    cr_assert_eq(count(r, YEARS), 0);
    done(r);
}

Test(wording, comparison_with_a_year_that_is_not_the_previous_one)
{
    br_report *r = on_text(2024, FINAL_TITLE "   中共上海市普陀区委社会工作部 2024 年度收入支出总计 307.82\n"
                                 "万元。与 2022 年度相比,收入支出总计增加 307.82 万元,增长\n"
                                 "100.00%。\n");
    expect(only(r, YEARS), "narrative", "2022", 4,
           "the 2024 final account compares with 2022 as with the previous year (2023): "
           "\"万元。与 2022 年度相比,收入支出总计增加 307.82 万元,增长\"");
    done(r);

    r = on_text(2024, FINAL_TITLE "万元。与 2023 年度相比,收入支出总计增加 307.82 万元。\n"
                      "一般公共预算财政拨款支出决算 100.00 万元,比 2024 年预算增加 2.00 万元。\n"
                      "2022 年比 2021 年增加 3.00 万元。\n");
    cr_assert_eq(count(r, YEARS), 0);
    done(r);

    r = on_text(2024, BUDGET_TITLE "财政拨款收入 58.20 万元,比2023年预算增加0.46万元;"
                      "比2023年预算执行数减少1.39%。比 2022 年决算数增加 1.00 万元。\n");
    cr_assert_eq(count(r, YEARS), 0);
    done(r);
}

Test(wording, previous_year_dated_two_years_back)
{
    br_report *r = on_text(2023, "上海市普陀区万里街道办事处\n2023 年部门预算\n"
                                 "   2023 年财政拨款收入预算 1421.25 万元,比2021年(上一年度)预算增加\n"
                                 "1421.25 万元。\n");
    expect(only(r, YEARS), "narrative", "2021", 3,
           "the 2023 budget names 2021 as the previous year (2022): \"2023 "
           "年财政拨款收入预算 1421.25 万元,比2021年(上一年度)预算增加\"");
    done(r);

    r = on_text(2023, "上海市普陀区万里街道办事处\n2023 年部门预算\n"
                      "   2023 年财政拨款收入预算 1421.25 万元,比2022年(上一年度)预算增加\n"
                      "1421.25 万元。上年(2022 年)预算数 0.00 万元。\n");
    cr_assert_eq(count(r, YEARS), 0);
    done(r);
}

Test(wording, years_of_history_are_not_judged)
{
    br_report *r = on_text(2024, FINAL_TITLE
                           "   单位于 2019 年起实施,根据 2020 年《上海市普陀区机构改革方案》"
                           "(普委发〔2021〕5 号)设立。\n"
                           "   “十四五”期间,2025 年底前完成。本报告于 2025 年 6 月公开。\n"
                           "2023 年度部门决算已于 2024 年公开\n");
    cr_assert_eq(count(r, YEARS), 0, "%s", count(r, YEARS) ? only(r, YEARS)->message : "");
    cr_assert_eq(count(r, PLACEHOLDERS), 0);
    done(r);
}

Test(wording, the_real_reference_document_has_no_finding)
{
    br_registry_free(reg);
    reg = br_registry_new();
    br_error err = {0};
    cr_assert_gt(br_registry_load_dir(reg, BR_PLUGIN_BUILD_DIR, &err), 0, "%s", err.message);
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/000_8b975b95330ebfb5.txt", BR_SOURCE_DIR);
    br_report *r = check_path(path, &doc);
    cr_assert_eq(count(r, PLACEHOLDERS), 0);
    cr_assert_eq(count(r, YEARS), 0);
    done(r);
}
