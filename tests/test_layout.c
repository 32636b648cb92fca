/*
 * The layout plugin's `layout-text` reader (pdftotext -layout text): real
 * disclosures copied into tests/data/ (public documents: see
 * /work/shared/corpus/real/README.md), plus the whole real corpus when it is
 * present.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

#define DATA(name) BR_SOURCE_DIR "/tests/data/" name
#define SH18 DATA("18_shanghai-putuo-wanli-street-2024-budget.layout.txt")
#define FA20 DATA("20_shanghai-putuo-planning-resources-2024-final-accounts.layout.txt")
#define SH17 DATA("17_shanghai-putuo-wanli-street-2023-budget.layout.txt")
#define FA21 DATA("21_shanghai-putuo-social-work-dept-2024-final-accounts.layout.txt")
#define CORPUS "/work/shared/corpus/real"

static br_registry *reg;
static br_disclosure *doc;

static void setup(void)
{
    br_error err = {0};
    reg = br_registry_new();
    cr_assert_not_null(reg);
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/disclosure_text.so", &err), BR_OK,
                 "%s", err.message);
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/layout.so", &err), BR_OK, "%s",
                 err.message);
}

static void teardown(void)
{
    br_disclosure_free(doc);
    doc = NULL;
    br_registry_free(reg);
}

TestSuite(layout, .init = setup, .fini = teardown);

static void load(const char *path)
{
    br_error err = {0};
    int rc = br_registry_read(reg, path, &doc, &err);
    cr_assert_eq(rc, BR_OK, "%s: %s", path, err.message);
    cr_assert_str_eq(br_disclosure_reader(doc), "layout-text");
}

static const br_table *table(br_kind kind)
{
    const br_table *t = br_disclosure_find_table(doc, kind);
    cr_assert_not_null(t, "no %s table", br_kind_name(kind));
    return t;
}

static const br_row *row(const br_table *t, const char *key, br_side side)
{
    for (size_t i = 0; i < br_table_row_count(t); i++) {
        const br_row *r = br_table_row_at(t, i);
        if (strcmp(br_row_key(r), key) == 0 && (side == BR_SIDE_NONE || br_row_side(r) == side))
            return r;
    }
    cr_assert_fail("no row %s in %s", key, br_kind_name(br_table_kind(t)));
    return NULL;
}

static void money(const br_row *r, br_role role, const char *want)
{
    const br_cell *c = br_row_cell_by_role(r, role);
    cr_assert_not_null(c, "no column %s", br_role_name(role));
    if (!want) {
        cr_assert_eq(c->flags & BR_CELL_PRESENT, 0u, "%s %s should be blank", br_row_key(r),
                     br_role_name(role));
        return;
    }
    cr_assert(c->flags & BR_CELL_PRESENT, "%s %s is blank", br_row_key(r), br_role_name(role));
    char buf[BR_DECIMAL_STR_MAX];
    br_decimal_format(c->value, buf, sizeof buf);
    cr_assert_str_eq(buf, want, "%s %s", br_row_key(r), br_role_name(role));
}

static void columns(const br_table *t, const br_role *want, size_t n)
{
    cr_assert_eq(br_table_column_count(t), n, "%s: %zu columns", br_kind_name(br_table_kind(t)),
                 br_table_column_count(t));
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(br_table_column_role(t, i), want[i], "%s column %zu is %s",
                     br_kind_name(br_table_kind(t)), i, br_role_name(br_table_column_role(t, i)));
}

/* ---- Shanghai budget, 元 tables and a 万元 三公 table ---- */

Test(layout, shanghai_tables_and_units)
{
    load(SH18);
    static const br_kind kinds[] = {BR_KIND_SUMMARY,         BR_KIND_INCOME,
                                    BR_KIND_EXPENDITURE,     BR_KIND_FISCAL_SUMMARY,
                                    BR_KIND_GPB_EXPENDITURE, BR_KIND_GOV_FUND,
                                    BR_KIND_SOC_CAPITAL,     BR_KIND_GPB_BASIC,
                                    BR_KIND_THREE_PUBLIC};
    cr_assert_eq(br_disclosure_table_count(doc), 9);
    for (size_t i = 0; i < 9; i++) {
        const br_table *t = br_disclosure_table_at(doc, i);
        cr_assert_eq(br_table_kind(t), kinds[i], "table %zu is %s", i,
                     br_kind_name(br_table_kind(t)));
        cr_assert_eq(br_table_unit(t), i == 8 ? BR_UNIT_WAN : BR_UNIT_YUAN, "table %zu unit", i);
    }
    cr_assert_eq(br_disclosure_year(doc), 2024);
    cr_assert_str_eq(br_disclosure_department(doc), "上海市普陀区人民政府万里街道办事处");
}

Test(layout, shanghai_split_codes_and_figures)
{
    load(SH18);
    const br_table *t = table(BR_KIND_EXPENDITURE);
    static const br_role cols[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    columns(t, cols, 3);
    cr_assert_eq(br_table_row_count(t), 67);
    const br_row *r = row(t, "2010507", BR_SIDE_NONE); /* 201   05   07 */
    cr_assert_str_eq(br_row_label(r), "专项普查活动");
    cr_assert_eq(br_row_line(r), 364);
    money(r, BR_ROLE_TOTAL, "257700");
    money(r, BR_ROLE_BASIC, "0");
    money(r, BR_ROLE_PROJECT, "257700");
    r = row(t, "2210399", BR_SIDE_NONE); /* a page without the header repeated */
    money(r, BR_ROLE_TOTAL, "2177200");
    money(r, BR_ROLE_PROJECT, "2177200");
    r = row(t, "合计", BR_SIDE_NONE);
    money(r, BR_ROLE_TOTAL, "156211123");
    money(r, BR_ROLE_BASIC, "99706020");
    money(r, BR_ROLE_PROJECT, "56505103");

    t = table(BR_KIND_GPB_BASIC);
    r = row(t, "30102", BR_SIDE_NONE); /* printed "301   2": a lost leading zero */
    cr_assert_str_eq(br_row_label(r), "津贴补贴");
    money(r, BR_ROLE_TOTAL, "16623810");
    money(r, BR_ROLE_PERSONNEL, "16623810");
    money(r, BR_ROLE_PUBLIC, "0");
    r = row(t, "合计", BR_SIDE_NONE);
    money(r, BR_ROLE_TOTAL, "99706020");
    money(r, BR_ROLE_PERSONNEL, "88537451");
    money(r, BR_ROLE_PUBLIC, "11168569");
}

Test(layout, shanghai_income_wrapped_header)
{
    load(SH18);
    const br_table *t = table(BR_KIND_INCOME);
    /* 事业单位 / 经营收入 wrapped over two header lines is one column */
    static const br_role cols[] = {BR_ROLE_TOTAL, BR_ROLE_FISCAL, BR_ROLE_BUSINESS,
                                   BR_ROLE_OPERATING, BR_ROLE_OTHER};
    columns(t, cols, 5);
    const br_row *r = row(t, "2080505", BR_SIDE_NONE);
    money(r, BR_ROLE_TOTAL, "4608515");
    money(r, BR_ROLE_FISCAL, "4608515");
    money(r, BR_ROLE_OTHER, "0");
}

Test(layout, shanghai_two_panel_summary)
{
    load(SH18);
    const br_table *t = table(BR_KIND_SUMMARY);
    const br_row *r = row(t, "财政拨款收入", BR_SIDE_INCOME); /* "一、财政拨款收入" */
    money(r, BR_ROLE_AMOUNT, "156211123");
    r = row(t, "一般公共服务支出", BR_SIDE_EXPENDITURE); /* glued: "156,211,123 一、…" */
    money(r, BR_ROLE_AMOUNT, "2932700");
    r = row(t, "事业收入", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, NULL);
    r = row(t, "城乡社区支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_AMOUNT, "119385303");
    r = row(t, "收入总计", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, "156211123");
    r = row(t, "支出总计", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_AMOUNT, "156211123");
}

Test(layout, shanghai_three_public_and_empty_tables)
{
    load(SH18);
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    static const br_role cols[] = {BR_ROLE_TOTAL,            BR_ROLE_ABROAD,
                                   BR_ROLE_RECEPTION,        BR_ROLE_VEHICLE_SUBTOTAL,
                                   BR_ROLE_VEHICLE_PURCHASE, BR_ROLE_VEHICLE_OPERATION,
                                   BR_ROLE_ADMIN_OPERATION};
    columns(t, cols, 7);
    cr_assert_eq(br_table_row_count(t), 1);
    const br_row *r = br_table_row_at(t, 0);
    money(r, BR_ROLE_TOTAL, "47.91");
    money(r, BR_ROLE_ABROAD, "0");
    money(r, BR_ROLE_RECEPTION, "1.35");
    money(r, BR_ROLE_VEHICLE_SUBTOTAL, "46.56");
    money(r, BR_ROLE_VEHICLE_PURCHASE, "25");
    money(r, BR_ROLE_VEHICLE_OPERATION, "21.56");
    money(r, BR_ROLE_ADMIN_OPERATION, "443.18");
    /* the note under it says it is empty: kept as a statement, not data */
    cr_assert_not_null(strstr(br_table_attr(t, "note"), "空表"));

    t = table(BR_KIND_GOV_FUND);
    cr_assert_not_null(strstr(br_table_attr(t, "note"), "空表"));
    for (size_t i = 0; i < br_table_row_count(t); i++)
        for (size_t c = 0; c < br_table_column_count(t); c++)
            cr_assert_eq(br_row_cell(br_table_row_at(t, i), c)->flags, 0u);
}

/* ---- Shanghai final accounts (万元, codes in one column) ---- */

Test(layout, final_accounts_income_expenditure)
{
    load(FA20);
    const br_table *t = table(BR_KIND_EXPENDITURE);
    cr_assert_eq(br_table_unit(t), BR_UNIT_WAN);
    const br_row *r = row(t, "合计", BR_SIDE_NONE);
    money(r, BR_ROLE_TOTAL, "9759.38");
    money(r, BR_ROLE_BASIC, "5377.64");
    money(r, BR_ROLE_PROJECT, "4381.74");
    r = row(t, "2080505", BR_SIDE_NONE); /* label wrapped onto the next line */
    cr_assert_str_eq(br_row_label(r), "机关事业单位基本养老保险缴费支出");
    money(r, BR_ROLE_TOTAL, "446.11");
    money(r, BR_ROLE_PROJECT, "0.00");

    t = table(BR_KIND_INCOME);
    r = row(t, "2101102", BR_SIDE_NONE);
    money(r, BR_ROLE_TOTAL, "196.29");
    money(r, BR_ROLE_FISCAL, "196.29");
    money(r, BR_ROLE_BUSINESS, NULL); /* blank cells stay blank */

    t = table(BR_KIND_SUMMARY);
    r = row(t, "一般公共预算财政拨款收入", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, "9746.50");
    r = row(t, "一般公共服务支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_AMOUNT, NULL);
    r = row(t, "自然资源海洋气象等支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_AMOUNT, "4461.67");
}

/* ---- 财政拨款收支总表: rows printing fewer figures than the panel has
 * columns, placed by the row arithmetic and the columns' spacing (the
 * layout text shifts them: "2,932,700  2,932,700" sits under 一般公共预算
 * and 政府性基金预算 by x alone) ---- */

Test(layout, fiscal_summary_short_rows_placed_by_arithmetic)
{
    load(SH18);
    const br_table *t = table(BR_KIND_FISCAL_SUMMARY);
    static const br_role cols[] = {BR_ROLE_AMOUNT, BR_ROLE_TOTAL, BR_ROLE_GPB, BR_ROLE_GOV_FUND,
                                   BR_ROLE_SOC_CAPITAL};
    columns(t, cols, 5);
    const br_row *r = row(t, "一般公共预算资金", BR_SIDE_INCOME); /* figure glued to the next label */
    money(r, BR_ROLE_AMOUNT, "156211123");
    r = row(t, "一般公共服务支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "2932700");
    money(r, BR_ROLE_GPB, "2932700");
    money(r, BR_ROLE_GOV_FUND, NULL);
    money(r, BR_ROLE_SOC_CAPITAL, NULL);
    r = row(t, "教育支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "250000");
    money(r, BR_ROLE_GPB, "250000");
    money(r, BR_ROLE_GOV_FUND, NULL);
    r = row(t, "城乡社区支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "119385303");
    money(r, BR_ROLE_GPB, "119385303");
    r = row(t, "支出总计", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "156211123");
    money(r, BR_ROLE_GPB, "156211123");
    money(r, BR_ROLE_GOV_FUND, NULL);
    r = row(t, "收入总计", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, "156211123");
}

/* Final accounts: the expenditure headers wrap over three lines with the
 * middle line shifted ("一般公共/预算财政/拨款", "政府性基/金预算财/政拨款",
 * "国有资本/经营预算/财政拨款"); the income panel's 决算数 is its amount. */
Test(layout, final_accounts_fiscal_summary_three_line_headers)
{
    load(FA20);
    const br_table *t = table(BR_KIND_FISCAL_SUMMARY);
    static const br_role cols[] = {BR_ROLE_AMOUNT, BR_ROLE_TOTAL, BR_ROLE_GPB, BR_ROLE_GOV_FUND,
                                   BR_ROLE_SOC_CAPITAL};
    columns(t, cols, 5);
    const br_row *r = row(t, "一般公共预算财政拨款", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, "9746.50");
    money(r, BR_ROLE_TOTAL, NULL);
    r = row(t, "社会保障和就业支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "754.75");
    money(r, BR_ROLE_GPB, "754.75");
    money(r, BR_ROLE_GOV_FUND, NULL);
    money(r, BR_ROLE_SOC_CAPITAL, NULL);
    r = row(t, "自然资源海洋气象等支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "4461.67");
    money(r, BR_ROLE_GPB, "4461.67");
    r = row(t, "本年支出合计", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "9746.50");
    money(r, BR_ROLE_GPB, "9746.50");
    r = row(t, "本年收入合计", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, "9746.50");
}

/* The same table with its header staggered over five lines ("政府性基" /
 * "金预算财" / "政拨款" on lines 1, 3, 5 around "一般公共预" / "算财政拨款"),
 * and two-figure rows placed in total / gpb by arithmetic and spacing. */
Test(layout, final_accounts_fiscal_summary_staggered_headers)
{
    load(FA21);
    const br_table *t = table(BR_KIND_FISCAL_SUMMARY);
    static const br_role cols[] = {BR_ROLE_AMOUNT, BR_ROLE_TOTAL, BR_ROLE_GPB, BR_ROLE_GOV_FUND,
                                   BR_ROLE_SOC_CAPITAL};
    columns(t, cols, 5);
    const br_row *r = row(t, "一般公共预算财政拨款", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, "307.82");
    r = row(t, "一般公共服务支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "264.87");
    money(r, BR_ROLE_GPB, "264.87");
    money(r, BR_ROLE_GOV_FUND, NULL);
    money(r, BR_ROLE_SOC_CAPITAL, NULL);
    r = row(t, "社会保障和就业支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "10.82");
    money(r, BR_ROLE_GPB, "10.82");
    r = row(t, "卫生健康支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_GPB, "2.71");
    r = row(t, "住房保障支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "29.42");
    money(r, BR_ROLE_GPB, "29.42");
    r = row(t, "本年支出合计", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "307.82");
    money(r, BR_ROLE_GPB, "307.82");
    money(r, BR_ROLE_GOV_FUND, NULL);
}

/* Rows with fewer figures than columns, both of which fit by position and by
 * the row identity: the code hierarchy decides (302 = Σ 302xx under 公用经费;
 * 合计 = Σ 类). */
Test(layout, gpb_basic_hierarchy_places_short_rows)
{
    load(SH17);
    const br_table *t = table(BR_KIND_GPB_BASIC);
    const br_row *r = row(t, "302", BR_SIDE_NONE);
    money(r, BR_ROLE_TOTAL, "15381432");
    money(r, BR_ROLE_PERSONNEL, NULL);
    money(r, BR_ROLE_PUBLIC, "15381432");
    r = row(t, "30201", BR_SIDE_NONE);
    money(r, BR_ROLE_PERSONNEL, NULL);
    money(r, BR_ROLE_PUBLIC, "5811753");
    r = row(t, "30299", BR_SIDE_NONE);
    money(r, BR_ROLE_PERSONNEL, NULL);
    money(r, BR_ROLE_PUBLIC, "746580");
    r = row(t, "301", BR_SIDE_NONE);
    money(r, BR_ROLE_PERSONNEL, "83847385");
    money(r, BR_ROLE_PUBLIC, NULL);
    r = row(t, "303", BR_SIDE_NONE);
    money(r, BR_ROLE_PERSONNEL, "177480");
    money(r, BR_ROLE_PUBLIC, NULL);
    r = row(t, "合计", BR_SIDE_NONE);
    money(r, BR_ROLE_TOTAL, "99406297");
    money(r, BR_ROLE_PERSONNEL, "84024865");
    money(r, BR_ROLE_PUBLIC, "15381432");
}

/* ---- the real corpus, when present: every document reads ---- */

Test(layout, real_corpus_reads)
{
    DIR *d = opendir(CORPUS);
    if (!d)
        cr_skip_test("no corpus at " CORPUS);
    struct dirent *de;
    size_t n = 0;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 12 || strcmp(de->d_name + l - 11, ".layout.txt") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", CORPUS, de->d_name);
        br_error err = {0};
        br_disclosure *x = NULL;
        int rc = br_registry_read(reg, path, &x, &err);
        if (strstr(de->d_name, "-narrative")) {
            /* narrative published without tables: read or refused cleanly */
            cr_assert(rc == BR_OK || rc == BR_ERR_UNSUPPORTED, "%s: %d", de->d_name, rc);
        } else {
            cr_assert_eq(rc, BR_OK, "%s: %s", de->d_name, err.message);
            cr_assert_gt(br_disclosure_table_count(x), 0, "%s", de->d_name);
            cr_log_info("%s: %zu tables", de->d_name, br_disclosure_table_count(x));
        }
        br_disclosure_free(x);
        n++;
    }
    closedir(d);
    cr_assert_gt(n, 0);
}

/* Two panels, a wrapped expenditure label: "四、文化旅游体育与传媒" above its
 * figures, "支出" on the line below.  The fragment joins the panel's row
 * above, which takes the figures; no separate "支出" row. */
Test(layout, two_panel_wrapped_label_joined)
{
    load(SH17);
    const br_table *t = table(BR_KIND_FISCAL_SUMMARY);
    const br_row *r = row(t, "文化旅游体育与传媒支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "200000");
    money(r, BR_ROLE_GPB, "200000");
    money(r, BR_ROLE_GOV_FUND, NULL);
    for (size_t i = 0; i < br_table_row_count(t); i++) {
        const br_row *o = br_table_row_at(t, i);
        cr_assert_str_neq(br_row_key(o), "支出", "a separate 支出 row at %zu", i);
        cr_assert_str_neq(br_row_key(o), "文化旅游体育与传媒", "the unjoined label at %zu", i);
    }
    r = row(t, "社会保障和就业支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "27073236");
    r = row(t, "支出总计", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_TOTAL, "164978640");
    money(r, BR_ROLE_GPB, "164978640");
    r = row(t, "收入总计", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, "164978640");
}

/* ---- a row label wrapped round its code line, first data line included ---- */

Test(layout, gpb_expenditure_wrapped_first_label)
{
    load(FA21);
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    static const br_role cols[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    columns(t, cols, 3);
    const br_row *r = row(t, "201", BR_SIDE_NONE); /* 一般公共服务 / 201 figures / 支出 */
    cr_assert_str_eq(br_row_label(r), "一般公共服务支出");
    cr_assert_eq(br_row_line(r), 287);
    money(r, BR_ROLE_TOTAL, "264.87");
    money(r, BR_ROLE_BASIC, "62.63");
    money(r, BR_ROLE_PROJECT, "202.24");
    r = row(t, "2013999", BR_SIDE_NONE);
    cr_assert_str_eq(br_row_label(r), "其他社会工作事务支出");
    money(r, BR_ROLE_TOTAL, "202.24");
    money(r, BR_ROLE_BASIC, NULL);
    money(r, BR_ROLE_PROJECT, "202.24");
    r = row(t, "合计", BR_SIDE_NONE);
    money(r, BR_ROLE_TOTAL, "307.82");
    money(r, BR_ROLE_BASIC, "105.58");
    money(r, BR_ROLE_PROJECT, "202.24");
}
