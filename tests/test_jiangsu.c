/*
 * The Jiangsu table set (12 tables) read by the layout engine, and checked
 * (tests/data: public documents, see /work/shared/corpus/real/README.md):
 *
 *   01  江苏省人大常委会办公厅 2017 部门预算 (pdftotext -layout text): labels
 *       wrapped round their figures, a three-panel 收支预算总表, letter-spaced
 *       labels, a 三公 header over eight lines;
 *   09  the same office's 2019 tables, from their layout text and their PDF.
 *
 * Every figure asserted here was read off the document's text.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;
#define BR_TEST_REGISTRY
#include "br_test.h"

static void setup(void)
{
    reg = br_registry_new();
    br_error err = {0};
    cr_assert_geq(br_registry_load_dir(reg, BR_PLUGIN_BUILD_DIR, &err), 2, "%s", err.message);
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(jiangsu, .init = setup, .fini = teardown);

#define JS01 "01_jiangsu-npc-standing-committee-office-2017-budget.layout.txt"
#define JS09 "09_jiangsu-npc-standing-committee-office-2019-budget-tables.layout.txt"
#define JS09_PDF "09_jiangsu-npc-standing-committee-office-2019-budget-tables.pdf"

static br_disclosure *read_file(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/%s", BR_SOURCE_DIR, name);
    br_disclosure *doc = NULL;
    br_error err = {0};
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), BR_OK, "%s:%ld: %s", err.file, err.line,
                 err.message);
    return doc;
}

/* The file's text with the first `from` on line `line` replaced by `to`. */
static char *changed(const char *name, long line, const char *from, const char *to, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/%s", BR_SOURCE_DIR, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + strlen(to) + 1);
    cr_assert_not_null(text);
    cr_assert_eq(fread(text, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    text[n] = 0;
    char *p = text;
    for (long l = 1; l < line; l++) {
        p = strchr(p, '\n');
        cr_assert_not_null(p, "line %ld", line);
        p++;
    }
    char *end = strchr(p, '\n');
    char *at = strstr(p, from);
    cr_assert(at && (!end || at < end), "%s not on line %ld", from, line);
    size_t fl = strlen(from), tl = strlen(to);
    memmove(at + tl, at + fl, (size_t)n - (size_t)(at + fl - text) + 1);
    memcpy(at, to, tl);
    *len = (size_t)n - fl + tl;
    return text;
}

static const br_table *table_of(const br_disclosure *doc, br_kind kind)
{
    const br_table *t = br_disclosure_find_table(doc, kind);
    cr_assert_not_null(t, "no %s table", br_kind_name(kind));
    return t;
}

/* The row labelled `label` on `side`; the test fails without one. */
static const br_row *labelled(const br_table *t, const char *label, br_side side)
{
    for (size_t i = 0; i < br_table_row_count(t); i++) {
        const br_row *r = br_table_row_at(t, i);
        if (strcmp(br_row_label(r), label) == 0 && br_row_side(r) == side)
            return r;
    }
    cr_assert_fail("%s: no row %s", br_kind_name(br_table_kind(t)), label);
    return NULL;
}

static const br_row *coded(const br_table *t, const char *code)
{
    const br_row *r = br_table_find_row(t, code);
    cr_assert_not_null(r, "%s: no row %s", br_kind_name(br_table_kind(t)), code);
    return r;
}

/* The cell of `role` holds exactly `figure` ("" for blank). */
static void cell_is(const br_row *r, br_role role, const char *figure)
{
    const br_cell *c = br_row_cell_by_role(r, role);
    int present = c && (c->flags & BR_CELL_PRESENT);
    if (!figure[0]) {
        cr_assert(!present, "%s %s: %s, expected blank", br_row_key(r), br_role_name(role),
                  present ? str(c->value) : "");
        return;
    }
    cr_assert(present, "%s %s: blank, expected %s", br_row_key(r), br_role_name(role), figure);
    cr_assert_str_eq(str(c->value), figure, "%s %s", br_row_key(r), br_role_name(role));
}

static size_t above_info(const br_report *r)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        n += br_report_at(r, i)->severity != BR_SEV_INFO;
    return n;
}

static const br_finding *primary(const br_report *r, const char *id, const char *row)
{
    for (size_t i = 0; i < br_report_count(r); i++) {
        const br_finding *f = br_report_at(r, i);
        if (strcmp(f->check, id) == 0 && f->row && strcmp(f->row, row) == 0 &&
            f->severity == BR_SEV_ERROR)
            return f;
    }
    cr_assert_fail("no %s error at %s", id, row);
    return NULL;
}

/* ---- the 2017 table set ------------------------------------------------------ */

Test(jiangsu, the_twelve_tables_of_2017_in_their_order)
{
    br_disclosure *doc = read_file(JS01);
    static const br_kind kinds[] = {
        BR_KIND_SUMMARY,      BR_KIND_INCOME,          BR_KIND_EXPENDITURE,
        BR_KIND_FISCAL_EXPENDITURE, BR_KIND_FISCAL_SUMMARY, BR_KIND_FISCAL_BASIC,
        BR_KIND_GOV_FUND,     BR_KIND_GPB_EXPENDITURE, BR_KIND_GPB_BASIC,
        BR_KIND_ADMIN_OPERATION, BR_KIND_THREE_PUBLIC, BR_KIND_PROCUREMENT};
    static const size_t rows[] = {34, 15, 1, 19, 7, 24, 0, 19, 24, 16, 1, 26};
    cr_assert_eq(br_disclosure_table_count(doc), 12);
    for (size_t i = 0; i < 12; i++) {
        const br_table *t = br_disclosure_table_at(doc, i);
        cr_assert_eq(br_table_kind(t), kinds[i], "table %zu is %s", i,
                     br_kind_name(br_table_kind(t)));
        cr_assert_eq(br_table_row_count(t), rows[i], "%s: %zu rows",
                     br_kind_name(kinds[i]), br_table_row_count(t));
    }
    cr_assert_str_eq(br_disclosure_department(doc), "江苏省人大常委会办公厅");
    cr_assert_eq(br_disclosure_year(doc), 2017);
    br_disclosure_free(doc);
}

/* 收入 | 支出 by class | 支出 by use, labels wrapped round their figures
 * ("一、财政" / 13,649.07 / "拨款"), letter-spaced ("当 年 收 入" / "小计"). */
Test(jiangsu, three_panel_summary_of_2017)
{
    br_disclosure *doc = read_file(JS01);
    const br_table *s = table_of(doc, BR_KIND_SUMMARY);
    cell_is(labelled(s, "财政拨款", BR_SIDE_INCOME), BR_ROLE_AMOUNT, "13649.07");
    cell_is(labelled(s, "一般公共预算", BR_SIDE_INCOME), BR_ROLE_AMOUNT, "13649.07");
    cell_is(labelled(s, "政府性基金预算", BR_SIDE_INCOME), BR_ROLE_AMOUNT, "");
    cell_is(labelled(s, "一般公共服务支出", BR_SIDE_EXPENDITURE), BR_ROLE_AMOUNT, "10528.33");
    cell_is(labelled(s, "社会保障和就业支出", BR_SIDE_EXPENDITURE), BR_ROLE_AMOUNT, "1608.51");
    cell_is(labelled(s, "住房保障支出", BR_SIDE_EXPENDITURE), BR_ROLE_AMOUNT, "1512.23");
    cell_is(labelled(s, "医疗卫生与计划生育支出", BR_SIDE_EXPENDITURE), BR_ROLE_AMOUNT, "");
    cell_is(labelled(s, "国防支出", BR_SIDE_EXPENDITURE), BR_ROLE_AMOUNT, "");
    cell_is(labelled(s, "基本支出", BR_SIDE_USE), BR_ROLE_AMOUNT, "7666.68");
    cell_is(labelled(s, "项目支出", BR_SIDE_USE), BR_ROLE_AMOUNT, "5853.96");
    cell_is(labelled(s, "单位预留机动经费", BR_SIDE_USE), BR_ROLE_AMOUNT, "128.43");
    cell_is(labelled(s, "当年收入小计", BR_SIDE_INCOME), BR_ROLE_AMOUNT, "13649.07");
    cell_is(labelled(s, "当年支出小计", BR_SIDE_EXPENDITURE), BR_ROLE_AMOUNT, "13649.07");
    cell_is(labelled(s, "上年结转资金", BR_SIDE_INCOME), BR_ROLE_AMOUNT, "");
    cell_is(labelled(s, "收入合计", BR_SIDE_INCOME), BR_ROLE_AMOUNT, "13649.07");
    cell_is(labelled(s, "支出合计", BR_SIDE_EXPENDITURE), BR_ROLE_AMOUNT, "13649.07");
    br_disclosure_free(doc);
}

/* 收入预算总表: a list whose groups' names ("一般公共预" / "算资金") label
 * their 小计 rows; a figure printed between a label's two lines. */
Test(jiangsu, income_list_of_2017)
{
    br_disclosure *doc = read_file(JS01);
    const br_table *t = table_of(doc, BR_KIND_INCOME);
    static const char *const labels[] = {
        "收入总计", "一般公共预算资金", "公共财政拨款(补助)资金", "专项收入", "政府性基金",
        "财政专户管理资金", "专户管理教育收费", "其他非税收入", "其他资金", "事业收入",
        "经营收入", "其他收入", "债务资金(银行贷款)", "上年结转和结余资金",
        "其中:动用上年结转和结余资金"};
    for (size_t i = 0; i < 15; i++)
        cr_assert_str_eq(br_row_label(br_table_row_at(t, i)), labels[i]);
    cell_is(br_table_row_at(t, 0), BR_ROLE_TOTAL, "13649.07");
    cell_is(br_table_row_at(t, 1), BR_ROLE_TOTAL, "13649.07");
    cell_is(br_table_row_at(t, 2), BR_ROLE_TOTAL, "13649.07");
    cell_is(br_table_row_at(t, 4), BR_ROLE_TOTAL, "");
    br_disclosure_free(doc);
}

/* 支出预算总表 (合计 | 基 / 本支出 | 项目 / 支出 | 单位预留机动经费 | 结转下年资金),
 * the 三公 table from its one row, the other tables. */
Test(jiangsu, figures_of_the_2017_tables)
{
    br_disclosure *doc = read_file(JS01);
    const br_row *e = labelled(table_of(doc, BR_KIND_EXPENDITURE), "合计", BR_SIDE_NONE);
    cell_is(e, BR_ROLE_TOTAL, "13649.07");
    cell_is(e, BR_ROLE_BASIC, "7666.68");
    cell_is(e, BR_ROLE_PROJECT, "5853.96");
    cell_is(e, BR_ROLE_RESERVE, "128.43");
    cell_is(e, BR_ROLE_CARRY_FORWARD, "");

    const br_row *tp = labelled(table_of(doc, BR_KIND_THREE_PUBLIC), "合计", BR_SIDE_NONE);
    cell_is(tp, BR_ROLE_GRAND_TOTAL, "2542.60");
    cell_is(tp, BR_ROLE_TOTAL, "833.60");
    cell_is(tp, BR_ROLE_ABROAD, "222.50");
    cell_is(tp, BR_ROLE_VEHICLE_SUBTOTAL, "183.60");
    cell_is(tp, BR_ROLE_VEHICLE_PURCHASE, "");
    cell_is(tp, BR_ROLE_VEHICLE_OPERATION, "183.60");
    cell_is(tp, BR_ROLE_RECEPTION, "427.50");
    cell_is(tp, BR_ROLE_MEETING, "1305.25");
    cell_is(tp, BR_ROLE_TRAINING, "403.75");

    const br_table *fs = table_of(doc, BR_KIND_FISCAL_SUMMARY);
    cell_is(labelled(fs, "一般公共预算", BR_SIDE_INCOME), BR_ROLE_AMOUNT, "13649.07");
    cell_is(labelled(fs, "基本支出", BR_SIDE_EXPENDITURE), BR_ROLE_TOTAL, "7666.68");
    cell_is(labelled(fs, "单位预留机动经费", BR_SIDE_EXPENDITURE), BR_ROLE_TOTAL, "128.43");
    cell_is(labelled(fs, "支出合计", BR_SIDE_EXPENDITURE), BR_ROLE_TOTAL, "13649.07");

    const br_table *fe = table_of(doc, BR_KIND_FISCAL_EXPENDITURE);
    cell_is(labelled(fe, "合计", BR_SIDE_NONE), BR_ROLE_TOTAL, "13649.07");
    cell_is(coded(fe, "2010101"), BR_ROLE_TOTAL, "4545.94");
    cell_is(coded(fe, "2080504"), BR_ROLE_TOTAL, "1608.51");
    cell_is(coded(table_of(doc, BR_KIND_FISCAL_BASIC), "30312"), BR_ROLE_TOTAL, "1018.01");
    cell_is(coded(table_of(doc, BR_KIND_GPB_BASIC), "30231"), BR_ROLE_TOTAL, "183.60");
    cell_is(coded(table_of(doc, BR_KIND_GPB_EXPENDITURE), "2210202"), BR_ROLE_TOTAL, "1018.01");

    const br_table *ao = table_of(doc, BR_KIND_ADMIN_OPERATION);
    cell_is(labelled(ao, "合计", BR_SIDE_NONE), BR_ROLE_TOTAL, "5619.31");
    cell_is(coded(ao, "30215"), BR_ROLE_TOTAL, "1305.25");
    cell_is(coded(ao, "31002"), BR_ROLE_TOTAL, "59.00");

    /* an empty table is a statement: no rows, its note kept */
    const br_table *gf = table_of(doc, BR_KIND_GOV_FUND);
    cr_assert_eq(br_table_row_count(gf), 0);
    cr_assert_str_eq(br_table_attr(gf, "note"), "(无政府性基金支出)");
    br_disclosure_free(doc);
}

/* 政府采购预算表: one figure per row, its text cells wrapped round it. */
Test(jiangsu, procurement_rows_of_2017)
{
    br_disclosure *doc = read_file(JS01);
    const br_table *p = table_of(doc, BR_KIND_PROCUREMENT);
    cell_is(labelled(p, "合计", BR_SIDE_NONE), BR_ROLE_TOTAL, "2247.85");
    cell_is(labelled(p, "货物A", BR_SIDE_NONE), BR_ROLE_TOTAL, "59.00");
    cell_is(labelled(p, "服务C", BR_SIDE_NONE), BR_ROLE_TOTAL, "2188.85");
    cell_is(labelled(p, "台式计算机(20万以下)/分散自行组织", BR_SIDE_NONE), BR_ROLE_TOTAL, "10.00");
    cell_is(labelled(p, "江苏省第十二届人代会五次会议经费/会议费", BR_SIDE_NONE), BR_ROLE_TOTAL,
            "950.00");
    cell_is(labelled(p, "空调、电梯维修和保养服务/分散自行组织", BR_SIDE_NONE), BR_ROLE_TOTAL,
            "300.00");
    br_disclosure_free(doc);
}

/* ---- the 2019 table set, from its text and its PDF ----------------------------- */

Test(jiangsu, the_twelve_tables_of_2019)
{
    br_disclosure *doc = read_file(JS09);
    static const br_kind kinds[] = {
        BR_KIND_SUMMARY,      BR_KIND_INCOME,          BR_KIND_EXPENDITURE,
        BR_KIND_FISCAL_SUMMARY, BR_KIND_FISCAL_EXPENDITURE, BR_KIND_FISCAL_BASIC,
        BR_KIND_GPB_EXPENDITURE, BR_KIND_GPB_BASIC,    BR_KIND_THREE_PUBLIC,
        BR_KIND_GOV_FUND,     BR_KIND_ADMIN_OPERATION, BR_KIND_PROCUREMENT};
    static const size_t rows[] = {35, 14, 1, 7, 21, 25, 21, 25, 1, 1, 12, 26};
    cr_assert_eq(br_disclosure_table_count(doc), 12);
    for (size_t i = 0; i < 12; i++) {
        const br_table *t = br_disclosure_table_at(doc, i);
        cr_assert_eq(br_table_kind(t), kinds[i], "table %zu is %s", i,
                     br_kind_name(br_table_kind(t)));
        cr_assert_eq(br_table_row_count(t), rows[i], "%s: %zu rows",
                     br_kind_name(kinds[i]), br_table_row_count(t));
    }
    /* no reader note at all: "公开表一" is no header cell, every column known */
    cr_assert_eq(br_disclosure_note_count(doc), 0);
    const br_table *s = table_of(doc, BR_KIND_SUMMARY);
    cell_is(labelled(s, "一般公共服务支出", BR_SIDE_EXPENDITURE), BR_ROLE_AMOUNT, "13907.78");
    cell_is(labelled(s, "单位预留机动经费", BR_SIDE_USE), BR_ROLE_AMOUNT, "2557.89");
    cell_is(labelled(s, "文化旅游体育与传媒支出", BR_SIDE_EXPENDITURE), BR_ROLE_AMOUNT, "");
    const br_row *tp = labelled(table_of(doc, BR_KIND_THREE_PUBLIC), "合计", BR_SIDE_NONE);
    cell_is(tp, BR_ROLE_GRAND_TOTAL, "2600.71");
    cell_is(tp, BR_ROLE_TOTAL, "767.60");
    cell_is(tp, BR_ROLE_VEHICLE_PURCHASE, "");
    cell_is(tp, BR_ROLE_VEHICLE_OPERATION, "183.60");
    cell_is(tp, BR_ROLE_MEETING, "1469.73");
    cell_is(labelled(table_of(doc, BR_KIND_PROCUREMENT),
                     "江苏省第十三届人代会二次会议经费/会议费", BR_SIDE_NONE),
            BR_ROLE_TOTAL, "1035.00");
    br_disclosure_free(doc);
}

/* The PDF and its layout text give the same model: tables, rows (code,
 * label, side) and every cell. */
Test(jiangsu, pdf_and_text_agree)
{
    br_disclosure *a = read_file(JS09), *b = read_file(JS09_PDF);
    cr_assert_eq(br_disclosure_table_count(a), br_disclosure_table_count(b));
    for (size_t i = 0; i < br_disclosure_table_count(a); i++) {
        const br_table *ta = br_disclosure_table_at(a, i), *tb = br_disclosure_table_at(b, i);
        cr_assert_eq(br_table_kind(ta), br_table_kind(tb));
        cr_assert_eq(br_table_column_count(ta), br_table_column_count(tb));
        cr_assert_eq(br_table_row_count(ta), br_table_row_count(tb), "%s",
                     br_kind_name(br_table_kind(ta)));
        for (size_t r = 0; r < br_table_row_count(ta); r++) {
            const br_row *ra = br_table_row_at(ta, r), *rb = br_table_row_at(tb, r);
            cr_assert_str_eq(br_row_key(ra), br_row_key(rb));
            cr_assert_str_eq(br_row_label(ra), br_row_label(rb));
            cr_assert_eq(br_row_side(ra), br_row_side(rb));
            for (size_t c = 0; c < br_table_column_count(ta); c++) {
                const br_cell *ca = br_row_cell(ra, c), *cb = br_row_cell(rb, c);
                int pa = ca && (ca->flags & BR_CELL_PRESENT), pb = cb && (cb->flags & BR_CELL_PRESENT);
                cr_assert_eq(pa, pb, "%s %s", br_kind_name(br_table_kind(ta)), br_row_key(ra));
                if (pa)
                    cr_assert_str_eq(str(ca->value), str(cb->value), "%s %s",
                                     br_kind_name(br_table_kind(ta)), br_row_key(ra));
            }
        }
    }
    br_disclosure_free(a);
    br_disclosure_free(b);
}

/* ---- the checks ---------------------------------------------------------------- */

/* As published, these documents add up: no warning, no error. */
Test(jiangsu, no_false_alarm)
{
    static const char *const docs[] = {JS01, JS09, JS09_PDF};
    for (size_t i = 0; i < 3; i++) {
        br_disclosure *doc;
        br_report *r = check_file(docs[i], &doc);
        cr_assert_eq(above_info(r), 0, "%s: %zu findings", docs[i], above_info(r));
        br_report_free(r);
        br_disclosure_free(doc);
    }
}

/* The panel by use is checked on its own: a wrong 基本支出 breaks Σ by use
 * and the 支出预算总表's 基本支出, not the classes' sum (no double count). */
Test(jiangsu, the_use_panel_is_a_breakdown_of_its_own)
{
    size_t len;
    char *text = changed(JS09, 8, "9,312.90", "9,310.90", &len);
    br_disclosure *doc;
    br_error err = {0};
    cr_assert_eq(br_registry_read_buffer(reg, JS09, text, len, &doc, &err), BR_OK, "%s",
                 err.message);
    br_report *r = check(doc);
    const br_finding *f = primary(r, "crosstable.basic_project", "基本支出");
    cr_assert_str_eq(f->table, "summary");
    cr_assert_str_eq(str(f->expected), "9312.90");
    cr_assert_str_eq(str(f->actual), "9310.90");
    size_t by_use = 0, by_class = 0;
    for (size_t i = 0; i < br_report_count(r); i++) {
        const br_finding *g = br_report_at(r, i);
        if (strcmp(g->check, "tables.two_sided") != 0 || !strstr(g->message, "当年支出小计"))
            continue;
        if (strstr(g->message, "by use"))
            by_use++;
        else
            by_class++;
    }
    cr_assert_eq(by_use, 1);
    cr_assert_eq(by_class, 0);
    br_report_free(r);
    br_disclosure_free(doc);
    free(text);
}

/* A department funded by its fiscal appropriation alone: its 收支预算总表
 * classes repeat the 财政拨款支出预算表's, matched by class name (208). */
Test(jiangsu, summary_classes_against_the_fiscal_table)
{
    size_t len;
    char *text = changed(JS01, 187, "1,608.51", "1,618.51", &len);
    br_disclosure *doc;
    br_error err = {0};
    cr_assert_eq(br_registry_read_buffer(reg, JS01, text, len, &doc, &err), BR_OK, "%s",
                 err.message);
    br_report *r = check(doc);
    const br_finding *f = primary(r, "crosstable.class_totals", "社会保障和就业支出");
    cr_assert_str_eq(f->table, "summary");
    cr_assert_str_eq(str(f->expected), "1608.51");
    cr_assert_str_eq(str(f->actual), "1618.51");
    br_report_free(r);
    br_disclosure_free(doc);
    free(text);
}

/* 收入预算总表: each group (its 小计 row, labelled with the group's name) is
 * the sum of its items — a changed item breaks that identity, reported at
 * the group. */
Test(jiangsu, income_list_groups)
{
    size_t len;
    char *text = changed(JS09, 42, "18,330.37", "18,300.37", &len);
    br_disclosure *doc;
    br_error err = {0};
    cr_assert_eq(br_registry_read_buffer(reg, JS09, text, len, &doc, &err), BR_OK, "%s",
                 err.message);
    br_report *r = check(doc);
    const br_finding *f = primary(r, "tables.hierarchy", "一般公共预算资金");
    cr_assert_str_eq(f->table, "income");
    cr_assert_str_eq(str(f->expected), "18300.37");
    cr_assert_str_eq(str(f->actual), "18330.37");
    br_report_free(r);
    br_disclosure_free(doc);
    free(text);
}
