/*
 * The disclosure-text reader on the layout families real disclosures show
 * (tools/gen/gen_disclosure.py --vary): header wordings composed of a year,
 * a stage and an item; headers stacked over lines with words split; codes
 * over 类 | 款 | 项 columns or in the label's field; a unit line per table;
 * titles wrapped onto a second line and page footers; labels wrapped over
 * lines.  And failing closed: figures under a header nobody knows are never
 * the department's error.  Each snippet is tab-separated as the reader gets
 * it; the model is asserted exactly (text as the reader normalises it:
 * full-width brackets are ASCII).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;
static br_disclosure *doc;
static br_report *rep;

#define BR_TEST_REGISTRY
#include "br_test.h"

static void setup(void)
{
    br_error err = {0};
    reg = br_registry_new();
    cr_assert_not_null(reg);
    cr_assert_gt(br_registry_load_dir(reg, BR_PLUGIN_BUILD_DIR, &err), 0, "%s", err.message);
}

static void teardown(void)
{
    br_report_free(rep);
    rep = NULL;
    br_disclosure_free(doc);
    doc = NULL;
    br_registry_free(reg);
}

TestSuite(tab_families, .init = setup, .fini = teardown);

/* ---- helpers ---- */

static void read_text(const char *text)
{
    br_error err = {0};
    int rc = br_registry_read_buffer_with(reg, "disclosure-text", "snippet.txt", text, strlen(text),
                                          &doc, &err);
    cr_assert_eq(rc, BR_OK, "%s", err.message);
    rep = check(doc);
}

static size_t errors(void)
{
    size_t n = 0;
    char seen[2048] = "";
    for (size_t i = 0; i < br_report_count(rep); i++) {
        const br_finding *f = br_report_at(rep, i);
        if (f->severity == BR_SEV_ERROR) {
            n++;
            size_t l = strlen(seen);
            snprintf(seen + l, sizeof seen - l, "\n  %s line %ld: %s", f->check, f->line,
                     f->message);
        }
    }
    if (n)
        cr_log_error("error findings:%s", seen);
    return n;
}

static const br_table *table(br_kind kind)
{
    const br_table *t = br_disclosure_find_table(doc, kind);
    cr_assert_not_null(t, "no %s table", br_kind_name(kind));
    return t;
}

static void assert_columns(const br_table *t, const br_role *want, size_t n)
{
    cr_assert_eq(br_table_column_count(t), n, "%zu columns, not %zu", br_table_column_count(t), n);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(br_table_column_role(t, i), want[i], "column %zu is %s, not %s", i,
                     br_role_name(br_table_column_role(t, i)), br_role_name(want[i]));
}

/* Row i: its code (NULL: none), label, and figures by role ("" absent). */
static void assert_row(const br_table *t, size_t i, const char *code, const char *label,
                       const br_role *roles, const char *const *want, size_t n)
{
    cr_assert_lt(i, br_table_row_count(t), "no row %zu", i);
    const br_row *r = br_table_row_at(t, i);
    if (code)
        cr_assert(br_row_code(r) && strcmp(br_row_code(r), code) == 0, "row %zu: code %s, not %s",
                  i, br_row_code(r) ? br_row_code(r) : "(none)", code);
    else
        cr_assert_null(br_row_code(r), "row %zu: code %s", i, br_row_code(r));
    cr_assert_str_eq(br_row_label(r), label, "row %zu", i);
    for (size_t k = 0; k < n; k++) {
        const br_cell *c = br_row_cell_by_role(r, roles[k]);
        if (!want[k][0]) {
            cr_assert(!c || !(c->flags & BR_CELL_PRESENT), "row %zu: %s present", i,
                      br_role_name(roles[k]));
            continue;
        }
        cr_assert(c && (c->flags & BR_CELL_PRESENT), "row %zu: no %s", i, br_role_name(roles[k]));
        cr_assert_str_eq(str(c->value), want[k], "row %zu: %s", i, br_role_name(roles[k]));
    }
}

#define ROW(t, i, code, label, roles, ...)                                                         \
    do {                                                                                           \
        const char *const want_[] = {__VA_ARGS__};                                                 \
        assert_row(t, i, code, label, roles, want_, sizeof want_ / sizeof *want_);                 \
    } while (0)

static const br_role EXP4[] = {BR_ROLE_PREV_TOTAL, BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
static const br_role EXP3[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};

/* ---- fail closed ---- */

/* A header column nobody knows holds figures: they are not modelled, a
 * note says so, the table is uncertain, every identity through it is "not
 * checked" — and the row sums that would break without it are no error. */
Test(tab_families, unknown_header_column_fails_closed)
{
    read_text("附件 2\n"
              "某某局 2022 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目编码\t科目名称\t合计\t基本支出\t项目支出\t调剂资金\n"
              "\t合计\t100\t30\t50\t20\n"
              "201\t一般公共服务支出\t100\t30\t50\t20\n"
              "20103\t政府办公厅（室）及相关机构事务\t100\t30\t50\t20\n"
              "2010301\t行政运行\t100\t30\t50\t20\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    assert_columns(t, EXP3, 3);
    ROW(t, 3, "2010301", "行政运行", EXP3, "100", "30", "50");
    const br_uncertainty *u = br_table_uncertain(t, -1);
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "unknown_header");
    int noted = 0;
    for (size_t i = 0; i < br_disclosure_note_count(doc); i++)
        noted |= strstr(br_disclosure_note_at(doc, i)->message, "not recognised") != NULL;
    cr_assert(noted, "no note on the unknown header column");
    cr_assert_eq(errors(), 0);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(rep, &cov), BR_OK);
    cr_assert_gt(cov.not_checked, 0);
    cr_assert_eq(cov.broken, 0);
    int reason = 0;
    for (size_t i = 0; i < cov.nreasons; i++)
        reason |= strcmp(cov.reasons[i].kind, "unknown_header") == 0;
    cr_assert(reason, "not checked for another reason");
}

/* A header column repeating another's role holds figures: which of the two
 * is that role is not known, nor what the other is — maybe a role the
 * table then lacks, whose absence would break every row sum that wants it.
 * The whole table is uncertain: no error (a 三公 table whose 公务接待费
 * column was read as a second 公务用车运行维护费 gave one per row). */
Test(tab_families, duplicate_role_column_fails_closed_for_the_table)
{
    read_text("附件 4\n"
              "某某局 2022 年一般公共预算“三公”经费支出表\n"
              "单位：万元\n"
              "部门编码\t部门名称\t合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务用车运行维护费\n"
              "\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\n"
              "\t合计\t8.00\t\t2.00\t\t2.00\t6.00\n"
              "145\t某某局\t8.00\t\t2.00\t\t2.00\t6.00\n");
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    const br_uncertainty *u = br_table_uncertain(t, -1);
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "duplicate_role");
    cr_assert_eq(errors(), 0);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(rep, &cov), BR_OK);
    cr_assert_eq(cov.broken, 0);
    cr_assert_gt(cov.not_checked, 0);
}

/* ---- 三公: each item over its two years ---- */

/* 合计 | 因公出国(境)费 | 公务用车购置及运行费 (小计 | 购置费 | 运行维护费) |
 * 公务接待费, each over 2019 年预算数 | 2020 年预算数 on the last header line:
 * a year's stage under a heading naming a column is that column in that year
 * (DT_PERIOD); a blank header cell lies under the merged cell left of it only
 * up to where a cell above starts (公务接待费's years are not under
 * 公务用车运行维护费). */
Test(tab_families, three_public_each_item_over_its_two_years)
{
    read_text("附件 4\n"
              "某某局 2020 年一般公共预算“三公”经费支出表\n"
              "单位：万元\n"
              "部门编码\t部门名称\t合计\t\t因公出国(境)费\t\t公务用车购置及运行费\t\t\t\t\t\t公务接待费\t\n"
              "\t\t\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t\n"
              "\t\t2019 年预算数\t2020 年预算数\t2019 年预算数\t2020 年预算数\t2019 年预算数\t2020 年预算数\t"
              "2019 年预算数\t2020 年预算数\t2019 年预算数\t2020 年预算数\t2019 年预算数\t2020 年预算数\n"
              "\t合计\t8.00\t8.00\t\t\t2.00\t2.00\t\t\t2.00\t2.00\t6.00\t6.00\n"
              "145\t某某局\t8.00\t8.00\t\t\t2.00\t2.00\t\t\t2.00\t2.00\t6.00\t6.00\n");
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    static const br_role want[] = {
        BR_ROLE_PREV_TOTAL, BR_ROLE_TOTAL, BR_ROLE_PREV_ABROAD, BR_ROLE_ABROAD,
        BR_ROLE_PREV_VEHICLE_SUBTOTAL, BR_ROLE_VEHICLE_SUBTOTAL, BR_ROLE_PREV_VEHICLE_PURCHASE,
        BR_ROLE_VEHICLE_PURCHASE, BR_ROLE_PREV_VEHICLE_OPERATION, BR_ROLE_VEHICLE_OPERATION,
        BR_ROLE_PREV_RECEPTION, BR_ROLE_RECEPTION};
    assert_columns(t, want, sizeof want / sizeof *want);
    static const br_role some[] = {BR_ROLE_PREV_TOTAL, BR_ROLE_TOTAL, BR_ROLE_VEHICLE_OPERATION,
                                   BR_ROLE_PREV_RECEPTION, BR_ROLE_RECEPTION};
    ROW(t, 1, NULL, "某某局", some, "8.00", "8.00", "2.00", "6.00", "6.00");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0);
}

/* An unknown header column that holds no figure needs no mark. */
Test(tab_families, unknown_header_without_figures_is_no_uncertainty)
{
    read_text("附件 2\n"
              "某某局 2022 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目编码\t科目名称\t合计\t基本支出\t项目支出\t备注说明\n"
              "\t合计\t80\t30\t50\t\n"
              "201\t一般公共服务支出\t80\t30\t50\t\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0);
}

/* ---- header wording: a year (absolute or relative), a stage, an item ---- */

Test(tab_families, relative_year_and_stage_words_compose_roles)
{
    read_text("附件 2\n"
              "某某局 2022 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目编码\t功能分类科目名称\t上年执行数\t本年预算数\t\t\n"
              "\t\t\t小计\t基本支出\t项目支出\n"
              "\t合计\t1985.78\t1765.28\t344.79\t1420.49\n"
              "201\t一般公共服务支出\t1985.78\t1765.28\t344.79\t1420.49\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    assert_columns(t, EXP4, 4);
    ROW(t, 0, NULL, "合计", EXP4, "1985.78", "1765.28", "344.79", "1420.49");
    ROW(t, 1, "201", "一般公共服务支出", EXP4, "1985.78", "1765.28", "344.79", "1420.49");
    cr_assert_eq(errors(), 0);
}

Test(tab_families, absolute_year_before_the_document_is_the_previous_year)
{
    read_text("附件 2\n"
              "某某局 2022 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目编码\t项目\t2021年预算执行数\t2022年预算数\t\t\n"
              "\t\t\t合计\t基本支出\t项目支出\n"
              "\t合计\t9.04\t9.22\t9.22\t\n"
              "210\t卫生健康支出\t9.04\t9.22\t9.22\t\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    assert_columns(t, EXP4, 4);
    ROW(t, 1, "210", "卫生健康支出", EXP4, "9.04", "9.22", "9.22", "");
    cr_assert_eq(errors(), 0);
}

/* ---- header stacked over lines, words split as merged cells print ---- */

Test(tab_families, stacked_header_with_split_words)
{
    read_text("附件 2\n"
              "某某局 2021 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "功能分类\t\t202\t2021 年预算数\t\t\n"
              "科目编\t科目名\t0 年\t总计\t基本支\t项目支\n"
              "码\t称\t预算数\t\t出\t出\n"
              "\t合计\t1,832.01\t1918.83\t365.67\t1553.16\n"
              "208\t社会保障和就业支出\t1,832.01\t1918.83\t365.67\t1553.16\n"
              "附件 3\n"
              "某某局 2021 年一般公共预算财政拨款基本支出预算表\n"
              "单位：万元\n"
              "经济分类科目\t\t2021 年基本支出\t\t\n"
              "科目\t科目\t总计\t人员\t日常\n"
              "编码\t名称\t\t经费\t公用\n"
              "\t\t\t\t经费\n"
              "\t合计\t365.67\t300\t65.67\n"
              "301\t工资福利支出\t300\t300\t\n"
              "302\t商品和服务支出\t65.67\t\t65.67\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    assert_columns(t, EXP4, 4);
    ROW(t, 1, "208", "社会保障和就业支出", EXP4, "1832.01", "1918.83", "365.67", "1553.16");
    static const br_role basic[] = {BR_ROLE_TOTAL, BR_ROLE_PERSONNEL, BR_ROLE_PUBLIC};
    const br_table *b = table(BR_KIND_GPB_BASIC);
    assert_columns(b, basic, 3);
    ROW(b, 0, NULL, "合计", basic, "365.67", "300", "65.67");
    ROW(b, 2, "302", "商品和服务支出", basic, "65.67", "", "65.67");
    cr_assert_eq(br_table_row_count(b), 3);
    cr_assert_eq(errors(), 0);
}

/* ---- codes: 类 | 款 | 项 columns, or in the label's field ---- */

Test(tab_families, codes_over_columns_and_in_the_label_field)
{
    read_text("附件 2\n"
              "某某局 2021 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目编码\t\t\t科目名称\t2020 年预算数\t2021 年预算数\t\t\n"
              "类\t款\t项\t\t\t总计\t基本支出\t项目支出\n"
              "\t\t\t合计\t350.31\t280.25\t280.25\t\n"
              "201\t\t\t一般公共服务支出\t350.31\t280.25\t280.25\t\n"
              "201\t03\t\t政府办公厅（室）及相关机构事务\t350.31\t280.25\t280.25\t\n"
              "201\t03\t01\t行政运行\t350.31\t280.25\t280.25\t\n"
              "附件 8\n"
              "某某局 2021 年部门支出总表\n"
              "单位：万元\n"
              "科目名称\t合计\t基本支出\t项目支出\n"
              "合计\t280.25\t280.25\t\n"
              "201 一般公共服务支出\t280.25\t280.25\t\n"
              "201 03 政府办公厅（室）及相关机构事务\t280.25\t280.25\t\n"
              "2010301行政运行\t280.25\t280.25\t\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    ROW(t, 2, "20103", "政府办公厅(室)及相关机构事务", EXP4, "350.31", "280.25", "280.25", "");
    ROW(t, 3, "2010301", "行政运行", EXP4, "350.31", "280.25", "280.25", "");
    const br_table *e = table(BR_KIND_EXPENDITURE);
    assert_columns(e, EXP3, 3);
    ROW(e, 1, "201", "一般公共服务支出", EXP3, "280.25", "280.25", "");
    ROW(e, 2, "20103", "政府办公厅(室)及相关机构事务", EXP3, "280.25", "280.25", "");
    ROW(e, 3, "2010301", "行政运行", EXP3, "280.25", "280.25", "");
    cr_assert_eq(errors(), 0);
}

/* ---- units: a table in 元 beside tables in 万元 ---- */

Test(tab_families, unit_line_led_by_the_department_sets_the_table_unit)
{
    read_text("附件 2\n"
              "某某局 2021 年一般公共预算财政拨款支出预算表\n"
              "编制单位：某某局\t单位：万元\n"
              "科目编码\t科目名称\t2020 年预算数\t2021 年预算数\t\t\n"
              "\t\t\t总计\t基本支出\t项目支出\n"
              "\t合计\t350.31\t344.79\t344.79\t\n"
              "201\t一般公共服务支出\t350.31\t344.79\t344.79\t\n"
              "附件 3\n"
              "某某局 2021 年一般公共预算财政拨款基本支出预算表\n"
              "编制单位：某某局\t单位：元\n"
              "经济分类科目\t\t2021 年基本支出\t\t\n"
              "科目编码\t科目名称\t总计\t人员经费\t日常公用经费\n"
              "\t合计\t3,447,900.00\t2,228,500.00\t1,219,400.00\n"
              "301\t工资福利支出\t2,228,500.00\t2,228,500.00\t\n"
              "302\t商品和服务支出\t1,219,400.00\t\t1,219,400.00\n");
    cr_assert_eq(br_table_unit(table(BR_KIND_GPB_EXPENDITURE)), BR_UNIT_WAN);
    const br_table *b = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_unit(b), BR_UNIT_YUAN);
    static const br_role basic[] = {BR_ROLE_TOTAL, BR_ROLE_PERSONNEL, BR_ROLE_PUBLIC};
    ROW(b, 0, NULL, "合计", basic, "3447900.00", "2228500.00", "1219400.00");
    cr_assert_eq(errors(), 0);
}

/* ---- a title wrapped onto a second line; page footers inside a table ---- */

Test(tab_families, wrapped_title_and_page_footer)
{
    read_text("附件 1\n"
              "某某局 2022 年财政\n"
              "拨款收支总表\n"
              "单位：万元\n"
              "收入\t\t支出\t\t\t\t\n"
              "项目\t预算数\t支出科目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算\n"
              "一、本年收入\t100\t一、本年支出\t100\t100\t\t\n"
              "(一) 一般公共预算拨款\t100\t(一) 一般公共服务支出\t100\t100\t\t\n"
              "附件 2\n"
              "某某局 2022 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目编码\t科目名称\t2021 年预算数\t2022 年预算数\t\t\n"
              "\t\t\t总计\t基本支出\t项目支出\n"
              "\t合计\t90\t100\t100\t\n"
              "201\t一般公共服务支出\t90\t100\t100\t\n"
              "— 3 —\n"
              "科目编码\t科目名称\t2021 年预算数\t2022 年预算数\t\t\n"
              "\t\t\t总计\t基本支出\t项目支出\n"
              "20103\t政府办公厅（室）及相关机构事务\t90\t100\t100\t\n"
              "2010301\t行政运行\t90\t100\t100\t\n"
              "第 4 页\n");
    const br_table *f = table(BR_KIND_FISCAL_SUMMARY);
    cr_assert_eq(br_table_row_count(f), 4);
    cr_assert_null(br_disclosure_find_table(doc, BR_KIND_SUMMARY));
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 4);
    ROW(t, 3, "2010301", "行政运行", EXP4, "90", "100", "100", "");
    cr_assert_eq(errors(), 0);
}

/* ---- labels wrapped over lines ---- */

/* Figures on the middle line of three. */
Test(tab_families, wrapped_labels_figures_on_the_middle_line)
{
    read_text("附件 2\n"
              "某某局 2024 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目编码\t科目名称\t2023 年预算数\t2024 年预算数\t\t\n"
              "\t\t\t总计\t基本支出\t项目支出\n"
              "\t合计\t1,349.66\t1661.76\t232.94\t1428.82\n"
              "201\t一般公共服务支出\t1,349.66\t1661.76\t232.94\t1428.82\n"
              "\t政府办公厅\t\t\t\t\n"
              "20103\t（室）及相\t1,349.66\t1661.76\t232.94\t1428.82\n"
              "\t关机构事务\t\t\t\t\n"
              "2010301\t行政运行\t172.38\t232.94\t232.94\t\n"
              "\t其他政府办公厅\t\t\t\t\n"
              "2010399\t（室）及相关机\t1,177.28\t1428.82\t\t1428.82\n"
              "\t构事务支出\t\t\t\t\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 5);
    ROW(t, 2, "20103", "政府办公厅(室)及相关机构事务", EXP4, "1349.66", "1661.76", "232.94",
        "1428.82");
    ROW(t, 3, "2010301", "行政运行", EXP4, "172.38", "232.94", "232.94", "");
    ROW(t, 4, "2010399", "其他政府办公厅(室)及相关机构事务支出", EXP4, "1177.28", "1428.82", "",
        "1428.82");
    cr_assert_null(br_row_uncertain(br_table_row_at(t, 2)));
    cr_assert_eq(errors(), 0);
}

/* Figures on the last line: the pieces above are the row's; lines but the
 * last are equally wide, which tells it from figures on the first line. */
Test(tab_families, wrapped_labels_figures_on_the_last_line)
{
    read_text("附件 10\n"
              "某某局 2024 年项目支出明细表\n"
              "单位：万元\n"
              "序号\t预算单位\t项目名称\t合计\t年初特定目标\t\t\t\n"
              "\t\t\t\t小计\t人员性项目\t一般性项目\t民生配套项目\n"
              "\t\t合计\t203.44\t203.44\t\t203.44\t\n"
              "\t\t公务用车平\t\t\t\t\t\n"
              "1\t某某局\t台运行经费\t161.00\t161.00\t\t161.00\t\n"
              "\t\t政务服务平台运行\t\t\t\t\t\n"
              "2\t某某局\t维护经费\t42.44\t42.44\t\t42.44\t\n");
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_eq(br_table_row_count(t), 3);
    static const br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_ANNUAL_SUBTOTAL,
                                    BR_ROLE_ANNUAL_GENERAL};
    ROW(t, 0, NULL, "合计", roles, "203.44", "203.44", "203.44");
    ROW(t, 1, NULL, "公务用车平台运行经费", roles, "161.00", "161.00", "161.00");
    ROW(t, 2, NULL, "政务服务平台运行维护经费", roles, "42.44", "42.44", "42.44");
    cr_assert_eq(errors(), 0);
}

/* Families together: codes in the label's field, the code alone on a
 * wrapped label's first line (its space lost at the break: "206 01" /
 * "01 机构"), the figures on the middle line, a header whose label word is
 * split over lines ("科目" / "名称") just above the first row. */
Test(tab_families, wrapped_labels_with_codes_in_the_label_field)
{
    read_text("附件 8\n"
              "某某局 2022 年部门支出总表\n"
              "编制部门：某某局\t单位:万元\n"
              "功能分类\t总计\t基本\t项目\n"
              "科目\t\t支出\t支出\n"
              "名称\t\t\t\n"
              "合计\t923.77\t330.78\t592.99\n"
              "206 \t\t\t\n"
              "科学技术\t923.77\t330.78\t592.99\n"
              "支出\t\t\t\n"
              "206 01 科学技术管理事务\t923.77\t330.78\t592.99\n"
              "206 01\t\t\t\n"
              "01 机构\t330.78\t330.78\t0\n"
              "运行\t\t\t\n"
              "206 01 99\t\t\t\n"
              "其他科学技术管理\t592.99\t0\t592.99\n"
              "事务支出\t\t\t\n");
    const br_table *e = table(BR_KIND_EXPENDITURE);
    assert_columns(e, EXP3, 3);
    cr_assert_eq(br_table_row_count(e), 5);
    ROW(e, 0, NULL, "合计", EXP3, "923.77", "330.78", "592.99");
    ROW(e, 1, "206", "科学技术支出", EXP3, "923.77", "330.78", "592.99");
    ROW(e, 2, "20601", "科学技术管理事务", EXP3, "923.77", "330.78", "592.99");
    ROW(e, 3, "2060101", "机构运行", EXP3, "330.78", "330.78", "0");
    ROW(e, 4, "2060199", "其他科学技术管理事务支出", EXP3, "592.99", "0", "592.99");
    cr_assert_eq(errors(), 0);
}

/*
 * A wrapped label that fits figures on the first line as well as on the
 * last ("职工基本医" above 30110, or below 30109): which row the piece is
 * part of is unsure, but both rows print their whole code beside their
 * figures, so either way they are the same rows with the same figures —
 * the hierarchy through them is checked, and a personnel figure printed ten
 * times too large (a 元 table) is found at its cell, not at the row's total.
 */
Test(tab_families, unsure_wrapped_label_of_a_coded_row_keeps_its_identities)
{
    read_text("附件 3\n"
              "某某局 2020 年一般公共预算财政拨款基本支出预算表\n"
              "编制部门：某某局\t单位:元\n"
              "经济分类科目\t\t2020年基本支出\t\t\n"
              "科目编码\t科目名称\t总计\t人员经费\t日常公用经费\n"
              "\t合计\t1,203,900.00\t1,041,700.00\t162,200.00\n"
              "301\t工资福利支出\t1,041,700.00\t1,041,700.00\t0.00\n"
              "30101\t基本工资\t539,100.00\t539,100.00\t0.00\n"
              "30108\t机关事业单位基本养老保险缴费\t212,800.00\t2,128,000.00\t0.00\n"
              "30109\t职业年金缴费\t106,400.00\t106,400.00\t0.00\n"
              "\t职工基本医\t\t\t\n"
              "30110\t疗保险缴费\t106,400.00\t106,400.00\t0.00\n"
              "30113\t住房公积金\t77,000.00\t77,000.00\t0.00\n"
              "302\t商品和服务支出\t162,200.00\t0.00\t162,200.00\n"
              "30201\t办公费\t162,200.00\t0.00\t162,200.00\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 9);
    for (size_t i = 0; i < br_table_row_count(t); i++)
        cr_assert_null(br_row_uncertain(br_table_row_at(t, i)), "row %zu uncertain", i);
    const br_finding *f = only(rep, "rowtotals.row_total");
    const br_finding *h = only(rep, "tables.hierarchy");
    cr_assert_str_eq(h->row, "301");
    cr_assert_str_eq(h->column, "personnel");
    for (size_t i = 0; i < br_report_count(rep); i++) {
        const br_finding *g = br_report_at(rep, i);
        if (g == h) /* the parent's sum: a consequence of the shifted figure */
            cr_assert_eq(br_report_at(rep, (size_t)br_report_consequence_of(rep, i)), f);
        else if (g != f)
            cr_assert_neq(g->severity, BR_SEV_ERROR);
    }
    cr_assert_eq(f->severity, BR_SEV_ERROR);
    cr_assert_str_eq(f->table, "gpb_basic");
    cr_assert_str_eq(f->row, "30108");
    cr_assert_str_eq(f->column, "personnel");
    cr_assert_str_eq(f->cause, "decimal_shift");
    cr_assert_eq(f->line, 9);
    cr_assert_str_eq(str(f->actual), "2128000.00");
}

/*
 * Labels wrapped the way typesetting wraps them — at one column width (8),
 * every line but a label's last that wide — with the code printed in the
 * label's field ("2080505 机关…") and the figures on the middle line of
 * three: "养老保险缴费支出" is 2080505's last line, not 2080506's first (a code
 * printed on a line begins its label), and "2012601 " / "行政运行" is a label
 * over two lines whose row line, narrower than the line above, is its last.
 */
Test(tab_families, typeset_wrapped_labels_with_codes_figures_on_the_middle_line)
{
    read_text("附件 2\n"
              "某某局 2022 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目名称\t2021 年预算数\t2022 年预算数\t\t\n"
              "\t\t总计\t基本支出\t项目支出\n"
              "合计\t85.44\t99.55\t99.55\t\n"
              "208 社会保障\t\t\t\t\n"
              "和就业支出\t38.23\t45.69\t45.69\t\n"
              "20805 行政\t\t\t\t\n"
              "事业单位养老支出\t38.23\t45.69\t45.69\t\n"
              "2080505 \t\t\t\t\n"
              "机关事业单位基本\t26.20\t30.46\t30.46\t\n"
              "养老保险缴费支出\t\t\t\t\n"
              "2080506 \t\t\t\t\n"
              "机关事业单位职业\t12.03\t15.23\t15.23\t\n"
              "年金缴费支出\t\t\t\t\n"
              "210 卫生健康\t\t\t\t\n"
              "支出\t47.21\t53.86\t53.86\t\n"
              "21011 行政\t\t\t\t\n"
              "事业单位医疗\t47.21\t53.86\t53.86\t\n"
              "2101101 \t\t\t\t\n"
              "行政单位医疗\t47.21\t53.86\t53.86\t\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 8);
    ROW(t, 0, NULL, "合计", EXP4, "85.44", "99.55", "99.55", "");
    ROW(t, 1, "208", "社会保障和就业支出", EXP4, "38.23", "45.69", "45.69", "");
    ROW(t, 2, "20805", "行政事业单位养老支出", EXP4, "38.23", "45.69", "45.69", "");
    ROW(t, 3, "2080505", "机关事业单位基本养老保险缴费支出", EXP4, "26.20", "30.46", "30.46", "");
    ROW(t, 4, "2080506", "机关事业单位职业年金缴费支出", EXP4, "12.03", "15.23", "15.23", "");
    ROW(t, 5, "210", "卫生健康支出", EXP4, "47.21", "53.86", "53.86", "");
    ROW(t, 6, "21011", "行政事业单位医疗", EXP4, "47.21", "53.86", "53.86", "");
    ROW(t, 7, "2101101", "行政单位医疗", EXP4, "47.21", "53.86", "53.86", "");
    for (size_t i = 0; i < 8; i++)
        cr_assert_null(br_row_uncertain(br_table_row_at(t, i)), "row %zu", i);
    cr_assert_eq(errors(), 0);
}

/* ---- the 基本支出 table in two panels (issue 9): 人员经费 | 公用经费 side by
 * side, each 科目编码 | 科目名称 | 金额, a line carrying a row of each ---- */

static const br_role PANELS[] = {BR_ROLE_PERSONNEL, BR_ROLE_PUBLIC, BR_ROLE_TOTAL};

#define TWO_PANELS_HEAD                                                                            \
    "附件 3\n"                                                                                     \
    "某某局 2021 年一般公共预算财政拨款基本支出预算表\n"                                           \
    "单位：万元\n"                                                                                 \
    "人员经费\t\t\t公用经费\t\t\n"                                                                 \
    "科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额\n"                                         \
    "301\t工资福利支出\t1,692.50\t302\t商品和服务支出\t120.40\n"                                   \
    "30101\t基本工资\t645.00\t30201\t办公费\t20.00\n"                                              \
    "30102\t津贴补贴\t1,047.50\t30299\t其他商品和服务支出\t100.40\n"                               \
    "303\t对个人和家庭的补助\t3.04\t\t\t\n"                                                        \
    "30307\t医疗费补助\t3.04\t\t\t\n"

/* Each panel's 金额 is the role its heading names; a panel row's figure is
 * its part and its total, as the one-panel table prints them; the 合计
 * printed across the panels (label left, figure under the right 金额) is
 * the total, and its row uncertain: its parts are not printed on its line. */
Test(tab_families, basic_table_in_two_panels_with_a_total_across)
{
    read_text(TWO_PANELS_HEAD "\t合计\t\t\t\t1,815.94\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    assert_columns(t, PANELS, 3);
    cr_assert_eq(br_table_row_count(t), 9);
    ROW(t, 0, "301", "工资福利支出", PANELS, "1692.50", "", "1692.50");
    ROW(t, 1, "302", "商品和服务支出", PANELS, "", "120.40", "120.40");
    cr_assert_eq(br_row_line(br_table_row_at(t, 0)), 6);
    cr_assert_eq(br_row_line(br_table_row_at(t, 1)), 6); /* one line, two rows */
    ROW(t, 2, "30101", "基本工资", PANELS, "645.00", "", "645.00");
    ROW(t, 3, "30201", "办公费", PANELS, "", "20.00", "20.00");
    ROW(t, 5, "30299", "其他商品和服务支出", PANELS, "", "100.40", "100.40");
    ROW(t, 6, "303", "对个人和家庭的补助", PANELS, "3.04", "", "3.04"); /* right half blank */
    ROW(t, 7, "30307", "医疗费补助", PANELS, "3.04", "", "3.04");
    ROW(t, 8, NULL, "合计", PANELS, "", "", "1815.94");
    const br_uncertainty *u = br_row_uncertain(br_table_row_at(t, 8));
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "spanning_total");
    for (size_t i = 0; i < 8; i++)
        cr_assert_null(br_row_uncertain(br_table_row_at(t, i)), "row %zu uncertain", i);
    cr_assert_eq(errors(), 0);
}

/* Each panel ends with its own total: two rows, each its part and total. */
Test(tab_families, basic_table_in_two_panels_with_panel_totals)
{
    read_text(TWO_PANELS_HEAD "人员经费合计\t\t1,695.54\t公用经费合计\t\t120.40\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 10);
    ROW(t, 8, NULL, "人员经费合计", PANELS, "1695.54", "", "1695.54");
    ROW(t, 9, NULL, "公用经费合计", PANELS, "", "120.40", "120.40");
    cr_assert_null(br_row_uncertain(br_table_row_at(t, 8)));
    cr_assert_eq(errors(), 0);
}

/* A wrong figure in a panel is one error, at its panel's role: the total
 * read from the same figure breaks its roll-up too, a consequence. */
Test(tab_families, basic_table_in_two_panels_one_wrong_figure_is_one_error)
{
    read_text("附件 3\n"
              "某某局 2021 年一般公共预算财政拨款基本支出预算表\n"
              "单位：万元\n"
              "人员经费\t\t\t公用经费\t\t\n"
              "科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额\n"
              "301\t工资福利支出\t1,692.50\t302\t商品和服务支出\t120.40\n"
              "30101\t基本工资\t6450.00\t30201\t办公费\t20.00\n"
              "30102\t津贴补贴\t1,047.50\t30299\t其他商品和服务支出\t100.40\n");
    size_t primary = 0;
    for (size_t i = 0; i < br_report_count(rep); i++) {
        const br_finding *f = br_report_at(rep, i);
        if (f->severity != BR_SEV_ERROR || br_report_consequence_of(rep, i) >= 0)
            continue;
        primary++;
        cr_assert_str_eq(f->row, "30101");
        cr_assert_str_eq(f->column, "personnel");
        cr_assert_str_eq(f->cause, "decimal_shift");
    }
    cr_assert_eq(primary, 1);
}

/* ---- page numbers on a table line; figures a line above their label ---- */

static const br_role BASIC3[] = {BR_ROLE_TOTAL, BR_ROLE_PERSONNEL, BR_ROLE_PUBLIC};

/* A 基本支出 table over two pages whose numbers (7, 8) share the last row's
 * line: glued by one space to its last figure, then in a field beyond the
 * header.  In sequence, they are page numbers, not figures. */
static const char *const PAGED_BASIC =
    "附件 3\n"
    "某某局 2022 年一般公共预算财政拨款基本支出预算表\n"
    "单位：万元\n"
    "科目编码\t科目名称\t合计\t人员经费\t日常公用经费\n"
    "\t合计\t12.04\t10.00\t2.04\n"
    "301\t工资福利支出\t10.00\t10.00\t\n"
    "30101\t基本工资\t10.00\t10.00 %d\t\n"
    "\n"
    "某某局 2022 年一般公共预算财政拨款基本支出预算表\n"
    "单位：万元\n"
    "科目编码\t科目名称\t合计\t人员经费\t日常公用经费\n"
    "302\t商品和服务支出\t2.04\t\t2.04\n"
    "30201\t办公费\t2.04\t\t2.04\t%d\n";

Test(tab_families, page_numbers_after_the_last_figures_of_a_page)
{
    char text[2048];
    snprintf(text, sizeof text, PAGED_BASIC, 7, 8);
    read_text(text);
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 5);
    ROW(t, 2, "30101", "基本工资", BASIC3, "10.00", "10.00", "");
    ROW(t, 4, "30201", "办公费", BASIC3, "2.04", "", "2.04");
    for (size_t i = 0; i < br_table_row_count(t); i++)
        cr_assert_null(br_row_uncertain(br_table_row_at(t, i)), "row %zu uncertain", i);
    cr_assert_eq(errors(), 0);
}

/* Numbers out of sequence (7, then 15) cannot be told from figures: the rows
 * keep today's reading, uncertain, and no identity through them is broken. */
Test(tab_families, trailing_numbers_out_of_sequence_fail_closed)
{
    char text[2048];
    snprintf(text, sizeof text, PAGED_BASIC, 7, 15);
    read_text(text);
    const br_table *t = table(BR_KIND_GPB_BASIC);
    const br_uncertainty *u = br_row_uncertain(br_table_row_at(t, 2));
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "extra_figures");
    u = br_row_uncertain(br_table_row_at(t, 4));
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "extra_figures");
    cr_assert_eq(errors(), 0);
}

/* Figures printed a line above their code and label (the label cell set
 * lower): one row each, on the figures' line; the code may sit with the
 * figures and the label alone below. */
Test(tab_families, figures_a_line_above_their_label)
{
    read_text("附件 3\n"
              "某某局 2022 年一般公共预算财政拨款基本支出预算表\n"
              "单位：万元\n"
              "科目编码\t科目名称\t合计\t人员经费\t日常公用经费\n"
              "\t合计\t12.04\t10.00\t2.04\n"
              "\t\t10.00\t10.00\t\n"
              "301\t工资福利支出\t\t\t\n"
              "\t\t10.00\t10.00\t\n"
              "30101\t基本工资\t\t\t\n"
              "302\t商品和服务支出\t2.04\t\t2.04\n"
              "30201\t\t2.04\t\t2.04\n"
              "\t办公费\t\t\t\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 5);
    ROW(t, 1, "301", "工资福利支出", BASIC3, "10.00", "10.00", "");
    ROW(t, 2, "30101", "基本工资", BASIC3, "10.00", "10.00", "");
    ROW(t, 4, "30201", "办公费", BASIC3, "2.04", "", "2.04");
    cr_assert_eq(br_row_line(br_table_row_at(t, 1)), 6);
    cr_assert_eq(br_row_line(br_table_row_at(t, 2)), 8);
    cr_assert_eq(br_row_line(br_table_row_at(t, 4)), 11);
    cr_assert_null(br_row_uncertain(br_table_row_at(t, 2)));
    cr_assert_eq(errors(), 0);
}

/* In a table whose labels wrap (figures on their first line), a label alone
 * below a line of figures may as well end the label of the row above: the
 * row is read, and marked uncertain. */
Test(tab_families, figures_above_a_label_piece_is_uncertain)
{
    read_text("附件 2\n"
              "某某局 2022 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
              "\t合计\t30.00\t10.00\t20.00\n"
              "201\t一般公共服务支出\t30.00\t10.00\t20.00\n"
              "20103\t政府办公厅（室）及相\t30.00\t10.00\t20.00\n"
              "\t关机构事务\t\t\t\n"
              "\t\t30.00\t10.00\t20.00\n"
              "\t行政运行\t\t\t\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 4);
    ROW(t, 2, "20103", "政府办公厅(室)及相关机构事务", EXP3, "30.00", "10.00", "20.00");
    ROW(t, 3, NULL, "行政运行", EXP3, "30.00", "10.00", "20.00");
    cr_assert_eq(br_row_line(br_table_row_at(t, 3)), 9);
    const br_uncertainty *u = br_row_uncertain(br_table_row_at(t, 3));
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "label_fragment");
    cr_assert_eq(errors(), 0);
}

/* ---- a code over 类 | 款 | 项 that lost a digit in print ---- */

/* "210 | 11 | 3" is no subject code (03 lost its zero): the row is kept
 * without code and marked, and so are the rows its whole parts name (210,
 * 21011), whose sums of children would break without it — no error; it was
 * read as a second row 210 before. */
Test(tab_families, code_part_lost_digit_fails_closed)
{
    read_text("附件 2\n"
              "某某局 2022 年一般公共预算财政拨款支出预算表\n"
              "单位：万元\n"
              "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n"
              "类\t款\t项\t\t\t\t\n"
              "\t\t\t合计\t18.39\t18.39\t\n"
              "210\t\t\t卫生健康支出\t18.39\t18.39\t\n"
              "210\t11\t\t行政事业单位医疗\t18.39\t18.39\t\n"
              "210\t11\t01\t行政单位医疗\t6.83\t6.83\t\n"
              "210\t11\t3\t公务员医疗补助\t2.56\t2.56\t\n"
              "210\t11\t99\t其他行政事业单位医疗支出\t9.00\t9.00\t\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 6);
    const br_row *lost = br_table_row_at(t, 4);
    cr_assert_null(br_row_code(lost));
    cr_assert_not_null(br_table_find_row(t, "21011"));
    cr_assert_not_null(br_table_find_row(t, "210"));
    cr_assert_str_eq(br_row_label(lost), "公务员医疗补助");
    cr_assert_str_eq(br_row_uncertain(lost)->kind, "code_damaged");
    cr_assert_str_eq(br_row_uncertain(br_table_find_row(t, "21011"))->kind, "code_damaged");
    cr_assert_str_eq(br_row_uncertain(br_table_find_row(t, "210"))->kind, "code_damaged");
    cr_assert_null(br_row_uncertain(br_table_find_row(t, "2101101")));
    cr_assert_eq(errors(), 0);
}

/* "301 | 2" between 30101 and 30103 under 301: 30102 is the one code the
 * hierarchy allows (libreader dt_code_repair, as the layout reader does) —
 * read so, with a warning. */
Test(tab_families, code_part_lost_digit_repaired_where_one_code_fits)
{
    read_text("附件 3\n"
              "某某局 2022 年一般公共预算财政拨款基本支出预算表\n"
              "单位：万元\n"
              "科目编码\t\t科目名称\t2022 年基本支出\t\t\n"
              "类\t款\t\t合计\t人员经费\t公用经费\n"
              "\t\t合计\t30.00\t30.00\t\n"
              "301\t\t工资福利支出\t30.00\t30.00\t\n"
              "301\t01\t基本工资\t10.00\t10.00\t\n"
              "301\t2\t津贴补贴\t12.00\t12.00\t\n"
              "301\t03\t奖金\t8.00\t8.00\t\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    const br_row *r = br_table_find_row(t, "30102");
    cr_assert_not_null(r, "30102 not read");
    cr_assert_str_eq(br_row_label(r), "津贴补贴");
    int noted = 0;
    for (size_t i = 0; i < br_disclosure_note_count(doc); i++)
        noted |= strstr(br_disclosure_note_at(doc, i)->message, "read as 30102") != NULL;
    cr_assert(noted, "no note on the repaired code");
    cr_assert_null(br_row_uncertain(br_table_find_row(t, "301")));
    cr_assert_eq(errors(), 0);
}

/* ---- 预算数 | 决算数 under each heading (final accounts) ---- */

/* The 财政拨款“三公”经费支出决算表 as Shanghai prints it (real corpus 20, here
 * tab-separated): each heading over its 预算数 | 决算数 — the heading's role
 * at that stage (DT_STAGE: 预算数 its budget twin), the same model as the
 * layout reader's; a 决算数 that does not add up is an error at its cell. */
Test(tab_families, three_public_budget_and_final_under_each_heading)
{
    read_text("附件 7\n"
              "某某局 2024 年财政拨款“三公”经费支出决算表\n"
              "单位：万元\n"
              "项目\t合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t\n"
              "\t\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t\n"
              "\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t"
              "预算数\t决算数\n"
              "合计\t2.85\t0.49\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t0.00\t2.85\t0.39\n");
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    static const br_role want[] = {
        BR_ROLE_BUDGET_TOTAL, BR_ROLE_TOTAL, BR_ROLE_BUDGET_ABROAD, BR_ROLE_ABROAD,
        BR_ROLE_BUDGET_VEHICLE_SUBTOTAL, BR_ROLE_VEHICLE_SUBTOTAL,
        BR_ROLE_BUDGET_VEHICLE_PURCHASE, BR_ROLE_VEHICLE_PURCHASE,
        BR_ROLE_BUDGET_VEHICLE_OPERATION, BR_ROLE_VEHICLE_OPERATION,
        BR_ROLE_BUDGET_RECEPTION, BR_ROLE_RECEPTION};
    assert_columns(t, want, sizeof want / sizeof *want);
    static const br_role some[] = {BR_ROLE_BUDGET_TOTAL, BR_ROLE_TOTAL, BR_ROLE_BUDGET_RECEPTION,
                                   BR_ROLE_RECEPTION};
    ROW(t, 0, NULL, "合计", some, "2.85", "0.49", "2.85", "0.39");
    cr_assert_null(br_table_uncertain(t, -1));
    /* 决算 合计 0.49 against 0.00 + 0.00 + 0.39: one error, at total */
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(rep); i++) {
        const br_finding *f = br_report_at(rep, i);
        if (f->severity == BR_SEV_ERROR && br_report_consequence_of(rep, i) < 0) {
            n++;
            cr_assert_str_eq(f->column, "total");
        }
    }
    cr_assert_eq(n, 1);
}

/* A final account's 三公 table (gen_disclosure.py --vary final_accounts)
 * whose title wrapped after "…“三公”经": "费支出决算表" alone would name an
 * expenditure table, but the title's first line names the 三公 table, and
 * the table is read as one — after 部门编码 | 部门名称, each heading's
 * 预算数 | 决算数. */
Test(tab_families, three_public_final_title_wrapped_after_its_name)
{
    read_text("某某局 2021 年度部门决算情况说明\n"
              "\n"
              "公开04表\n"
              "\n"
              "重庆市某区档案馆 2021 年财政拨款“三公”经\n"
              "\n"
              "费支出决算表\n"
              "\n"
              "单位：万元\n"
              "\n"
              "部门编码\t部门名称\t合计\t\t因公出国(境)费\t\t公务用车购置及运行维护费\t\t\t\t\t\t"
              "公务接待费\t\n"
              "\t\t\t\t\t\t小计\t\t购置费\t\t运行维护费\t\t\t\n"
              "\t\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t"
              "预算数\t决算数\n"
              "\t合计\t10.06\t5.36\t0.00\t0.00\t6.91\t5.36\t0.00\t0.00\t6.91\t5.36\t3.15\t0.00\n"
              "421\t档案馆\t10.06\t5.36\t0.00\t0.00\t6.91\t5.36\t0.00\t0.00\t6.91\t5.36\t3.15\t0.00\n");
    cr_assert_null(br_disclosure_find_table(doc, BR_KIND_EXPENDITURE));
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    static const br_role want[] = {
        BR_ROLE_BUDGET_TOTAL, BR_ROLE_TOTAL, BR_ROLE_BUDGET_ABROAD, BR_ROLE_ABROAD,
        BR_ROLE_BUDGET_VEHICLE_SUBTOTAL, BR_ROLE_VEHICLE_SUBTOTAL,
        BR_ROLE_BUDGET_VEHICLE_PURCHASE, BR_ROLE_VEHICLE_PURCHASE,
        BR_ROLE_BUDGET_VEHICLE_OPERATION, BR_ROLE_VEHICLE_OPERATION,
        BR_ROLE_BUDGET_RECEPTION, BR_ROLE_RECEPTION};
    assert_columns(t, want, sizeof want / sizeof *want);
    ROW(t, 0, NULL, "合计", want, "10.06", "5.36", "0.00", "0.00", "6.91", "5.36", "0.00", "0.00",
        "6.91", "5.36", "3.15", "0.00");
    cr_assert_eq(br_table_row_count(t), 2);
    cr_assert_eq(errors(), 0);
}
