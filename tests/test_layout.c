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
#define UB16 DATA("16_shanghai-putuo-social-welfare-institute-2024-unit-budget.layout.txt")
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

/* ---- notes of the reader ---- */

/* The warning note of table `kind` on row `row` (NULL: none) whose message
 * contains `part`; the test fails when there is none. */
static const br_note *note_about(br_kind kind, const char *row, const char *part)
{
    for (size_t i = 0; i < br_disclosure_note_count(doc); i++) {
        const br_note *n = br_disclosure_note_at(doc, i);
        if (n->severity == BR_SEV_WARNING && n->table && strcmp(n->table, br_kind_name(kind)) == 0 &&
            ((!row && !n->row) || (row && n->row && strcmp(n->row, row) == 0)) &&
            strstr(n->message, part))
            return n;
    }
    cr_assert_fail("no %s note on %s with \"%s\"", br_kind_name(kind), row ? row : "(none)",
                   part);
    return NULL;
}

/* ---- Shanghai unit budget (16): the 收支总表 splits its expenditure panel
 * into 合计 | 基本支出 (人员经费 | 公用经费) | 项目支出 ---- */

Test(layout, unit_budget_summary_expenditure_panel_by_use)
{
    load(UB16);
    const br_table *t = table(BR_KIND_SUMMARY);
    static const br_role cols[] = {BR_ROLE_AMOUNT, BR_ROLE_PERSONNEL, BR_ROLE_PUBLIC,
                                   BR_ROLE_PROJECT};
    columns(t, cols, 4);
    cr_assert_eq(br_table_row_count(t), 13);
    /* "2、政府性基金" and "三、医疗卫生与计划生育支出" on one line are two rows */
    const br_row *r = row(t, "政府性基金", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, NULL);
    r = row(t, "医疗卫生与计划生育支出", BR_SIDE_EXPENDITURE); /* the older class name */
    cr_assert_eq(br_row_line(r), 94);
    money(r, BR_ROLE_AMOUNT, "503724");
    money(r, BR_ROLE_PERSONNEL, "503724");
    money(r, BR_ROLE_PUBLIC, NULL);
    money(r, BR_ROLE_PROJECT, NULL);
    r = row(t, "社会保障和就业支出", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_AMOUNT, "11281624");
    money(r, BR_ROLE_PERSONNEL, "6540674");
    money(r, BR_ROLE_PUBLIC, "2120950");
    money(r, BR_ROLE_PROJECT, "2620000");
    r = row(t, "支出总计", BR_SIDE_EXPENDITURE);
    money(r, BR_ROLE_AMOUNT, "12121164");
    money(r, BR_ROLE_PERSONNEL, "7380214");
    money(r, BR_ROLE_PUBLIC, "2120950");
    money(r, BR_ROLE_PROJECT, "2620000");
    r = row(t, "事业收入", BR_SIDE_INCOME);
    money(r, BR_ROLE_AMOUNT, "2620000");
    money(r, BR_ROLE_PERSONNEL, NULL);
}

/* ---- subject codes that lost digits in print: repaired from the code
 * hierarchy when exactly one code fits, with a warning ---- */

Test(layout, code_with_a_damaged_class_part_repaired_from_the_hierarchy)
{
    load(UB16); /* " 7    11   02   事业单位医疗" between 21011 and 221 */
    const br_kind kinds[] = {BR_KIND_EXPENDITURE, BR_KIND_GPB_EXPENDITURE};
    const long lines[] = {175, 232};
    for (size_t k = 0; k < 2; k++) {
        const br_table *t = table(kinds[k]);
        const br_row *r = row(t, "2101102", BR_SIDE_NONE);
        cr_assert_str_eq(br_row_label(r), "事业单位医疗");
        cr_assert_eq(br_row_line(r), lines[k]);
        money(r, BR_ROLE_TOTAL, "503724");
        money(r, BR_ROLE_BASIC, "503724");
        const br_note *n = note_about(kinds[k], "2101102", "\"7 11 02\"");
        cr_assert_eq(n->line, lines[k]);
        cr_assert_str_eq(n->message, "subject code printed \"7 11 02\" lost digits in print; "
                                     "read as 2101102, the one code that fits between 21011 "
                                     "and 221 under a parent in the table");
    }
}

Test(layout, code_with_a_lost_leading_zero_repaired_from_the_hierarchy)
{
    load(SH18); /* "301   2" 津贴补贴 and "301   7" 绩效工资 */
    const br_table *t = table(BR_KIND_GPB_BASIC);
    const br_row *r = row(t, "30107", BR_SIDE_NONE);
    cr_assert_str_eq(br_row_label(r), "绩效工资");
    const br_note *n = note_about(BR_KIND_GPB_BASIC, "30102", "\"301 2\"");
    cr_assert_str_eq(n->message, "subject code printed \"301 2\" lost digits in print; read as "
                                 "30102, the one code that fits between 30101 and 30108 under a "
                                 "parent in the table");
    n = note_about(BR_KIND_GPB_BASIC, "30107", "\"301 7\"");
    cr_assert_str_eq(n->message, "subject code printed \"301 7\" lost digits in print; read as "
                                 "30107, the one code that fits between 30102 and 30108 under a "
                                 "parent in the table");
}

Test(layout, code_left_out_when_several_fit_the_hierarchy)
{
    /* "302   2" between 30201 and 30230: 30202 and 30220 … 30229 all fit */
    load(DATA("layout_code_ambiguous.layout.txt"));
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 7);
    const br_row *r = br_table_row_at(t, 4);
    cr_assert_null(br_row_code(r));
    cr_assert_str_eq(br_row_label(r), "咨询费");
    money(r, BR_ROLE_TOTAL, "20000");
    money(r, BR_ROLE_PUBLIC, "20000");
    const br_note *n = note_about(BR_KIND_GPB_BASIC, NULL, "\"302 2\"");
    cr_assert_eq(n->line, 18);
    cr_assert_str_eq(n->message, "subject code printed \"302 2\" lost digits in print and several "
                                 "codes fit the hierarchy there; row \"咨询费\" kept without code");
    cr_assert_str_eq(br_row_code(br_table_row_at(t, 5)), "30230");
}

/* ---- units: 元 tables beside a 万元 三公 table leave the document's unit
 * unknown (a table without a unit line would inherit none) ---- */

Test(layout, mixed_units_leave_the_document_unit_unknown)
{
    load(SH18);
    cr_assert_eq(br_disclosure_unit(doc), BR_UNIT_UNKNOWN);
    cr_assert_eq(br_table_unit(table(BR_KIND_INCOME)), BR_UNIT_YUAN);
    cr_assert_eq(br_table_unit(table(BR_KIND_THREE_PUBLIC)), BR_UNIT_WAN);
    br_disclosure_free(doc);
    doc = NULL;
    load(FA20); /* every table in 万元 */
    cr_assert_eq(br_disclosure_unit(doc), BR_UNIT_WAN);
}

/* ---- final accounts: 一般公共预算财政拨款基本支出决算表, one list of
 * economic codes printed in two copies of the columns side by side ---- */

Test(layout, final_accounts_basic_list_in_two_copies)
{
    load(FA20);
    const br_table *t = table(BR_KIND_GPB_BASIC);
    static const br_role cols[] = {BR_ROLE_TOTAL}; /* 决算数, in both copies */
    columns(t, cols, 1);
    cr_assert_eq(br_table_row_count(t), 67);
    /* the left copy first, its footer last; then the right copy */
    cr_assert_str_eq(br_row_code(br_table_row_at(t, 0)), "301");
    cr_assert_null(br_row_code(br_table_row_at(t, 27)));
    cr_assert_str_eq(br_row_label(br_table_row_at(t, 27)), "人员经费合计");
    cr_assert_str_eq(br_row_code(br_table_row_at(t, 28)), "302");
    cr_assert_str_eq(br_row_label(br_table_row_at(t, 66)), "公用经费合计");
    const br_row *r = row(t, "301", BR_SIDE_NONE);
    money(r, BR_ROLE_TOTAL, "4816.14");
    r = row(t, "302", BR_SIDE_NONE); /* the right copy of the same line */
    cr_assert_eq(br_row_line(r), 466);
    money(r, BR_ROLE_TOTAL, "440.90");
    /* a label wrapped round its code line, then the next row's label */
    r = row(t, "30108", BR_SIDE_NONE);
    cr_assert_str_eq(br_row_label(r), "机关事业单位基本养老保险缴费");
    money(r, BR_ROLE_TOTAL, "446.11");
    cr_assert_str_eq(br_row_label(row(t, "30109", BR_SIDE_NONE)), "职业年金缴费");
    /* the right copy's code printed at the end of the line above its label */
    r = row(t, "30207", BR_SIDE_NONE);
    cr_assert_str_eq(br_row_label(r), "邮电费");
    cr_assert_eq(br_row_line(r), 476);
    money(r, BR_ROLE_TOTAL, "8.05");
    r = row(t, "310", BR_SIDE_NONE); /* a 3-digit code alone on its line */
    cr_assert_str_eq(br_row_label(r), "资本性支出");
    money(r, BR_ROLE_TOTAL, "39.76");
    r = row(t, "31007", BR_SIDE_NONE);
    cr_assert_str_eq(br_row_label(r), "信息网络及软件购置更新");
    cr_assert_str_eq(br_row_label(row(t, "31013", BR_SIDE_NONE)), "公务用车购置");
    money(row(t, "人员经费合计", BR_SIDE_NONE), BR_ROLE_TOTAL, "4884.09");
    money(row(t, "公用经费合计", BR_SIDE_NONE), BR_ROLE_TOTAL, "480.66");
}

/* 21 glues a code to its label ("310资本性支出") */
Test(layout, final_accounts_code_glued_to_its_label)
{
    load(FA21);
    const br_table *t = table(BR_KIND_GPB_BASIC);
    const br_row *r = row(t, "310", BR_SIDE_NONE);
    cr_assert_str_eq(br_row_label(r), "资本性支出");
    money(r, BR_ROLE_TOTAL, "0.00");
    r = row(t, "31007", BR_SIDE_NONE); /* "信息 网络 及软件 购置 / 31007 / 更新" */
    cr_assert_str_eq(br_row_label(r), "信息网络及软件购置更新");
    money(row(t, "人员经费合计", BR_SIDE_NONE), BR_ROLE_TOTAL, "95.36");
    money(row(t, "公用经费合计", BR_SIDE_NONE), BR_ROLE_TOTAL, "10.23");
}

/* Labels wrapped over three lines round their code line do not leak into
 * the row above. */
Test(layout, final_accounts_three_line_labels)
{
    load(FA20);
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(br_row_label(row(t, "2080502", BR_SIDE_NONE)), "事业单位离退休");
    const br_row *r = row(t, "2080505", BR_SIDE_NONE);
    cr_assert_str_eq(br_row_label(r), "机关事业单位基本养老保险缴费支出");
    cr_assert_eq(br_row_line(r), 415);
    money(r, BR_ROLE_TOTAL, "446.11");
    money(r, BR_ROLE_BASIC, "446.11");
    money(r, BR_ROLE_PROJECT, "0.00");
    cr_assert_str_eq(br_row_label(row(t, "2080506", BR_SIDE_NONE)),
                     "机关事业单位职业年金缴费支出");
    cr_assert_str_eq(br_row_label(row(t, "2120101", BR_SIDE_NONE)), "行政运行");
    cr_assert_str_eq(br_row_label(row(t, "21202", BR_SIDE_NONE)), "城乡社区规划与管理");
}

/* ---- final accounts: the 三公 table's 预算数 | 决算数 under each heading,
 * and the tables stated empty ---- */

Test(layout, final_accounts_three_public_budget_and_actual)
{
    load(FA20);
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    static const br_role cols[] = {
        BR_ROLE_BUDGET_TOTAL,             BR_ROLE_TOTAL,
        BR_ROLE_BUDGET_ABROAD,            BR_ROLE_ABROAD,
        BR_ROLE_BUDGET_VEHICLE_SUBTOTAL,  BR_ROLE_VEHICLE_SUBTOTAL,
        BR_ROLE_BUDGET_VEHICLE_PURCHASE,  BR_ROLE_VEHICLE_PURCHASE,
        BR_ROLE_BUDGET_VEHICLE_OPERATION, BR_ROLE_VEHICLE_OPERATION,
        BR_ROLE_BUDGET_RECEPTION,         BR_ROLE_RECEPTION};
    columns(t, cols, 12);
    cr_assert_eq(br_table_row_count(t), 1);
    const br_row *r = br_table_row_at(t, 0); /* "2.85 0.39 0.00 0.00  0.00 …" */
    money(r, BR_ROLE_BUDGET_TOTAL, "2.85");
    money(r, BR_ROLE_TOTAL, "0.39");
    money(r, BR_ROLE_BUDGET_ABROAD, "0.00");
    money(r, BR_ROLE_VEHICLE_SUBTOTAL, "0.00");
    money(r, BR_ROLE_BUDGET_RECEPTION, "2.85");
    money(r, BR_ROLE_RECEPTION, "0.39");
}

Test(layout, final_accounts_tables_stated_empty)
{
    load(FA20);
    cr_assert_eq(br_disclosure_table_count(doc), 9);
    const br_kind kinds[] = {BR_KIND_GOV_FUND, BR_KIND_SOC_CAPITAL};
    for (size_t k = 0; k < 2; k++) {
        const br_table *t = table(kinds[k]);
        static const br_role cols[] = {BR_ROLE_CARRYOVER, BR_ROLE_FISCAL, BR_ROLE_TOTAL,
                                       BR_ROLE_BASIC, BR_ROLE_PROJECT, BR_ROLE_CARRY_FORWARD};
        columns(t, cols, 6);
        cr_assert_eq(br_table_row_count(t), 0);
        cr_assert_not_null(strstr(br_table_attr(t, "note"), "故本表无数据"));
    }
    br_disclosure_free(doc);
    doc = NULL;
    load(FA21); /* its 三公 table too, after a first note ("注：本表反映…") */
    cr_assert_eq(br_disclosure_table_count(doc), 9);
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_eq(br_table_row_count(t), 0);
    cr_assert_eq(br_table_column_count(t), 12);
    cr_assert_str_eq(br_table_attr(t, "note"),
                     "说明:中共上海市普陀区委社会工作部本年度没有财政拨款“三公”经费支出,故本表无数据。");
    /* …and the soc_capital table after a sentence announcing its note */
    cr_assert_not_null(strstr(br_table_attr(table(BR_KIND_SOC_CAPITAL), "note"), "无数据"));
}

/* ---- project performance tables (财政项目支出绩效目标填报表, 元) ---- */

static const char *text_cell(const br_row *r, br_role role)
{
    const br_cell *c = br_row_cell_by_role(r, role);
    return c && (c->flags & BR_CELL_PRESENT) ? c->text : NULL;
}

static void indicator(const br_row *r, const char *l1, const char *l2, const char *target,
                      const char *op, const char *unit)
{
    cr_assert_str_eq(text_cell(r, BR_ROLE_LEVEL1), l1, "%s", br_row_label(r));
    cr_assert_str_eq(text_cell(r, BR_ROLE_LEVEL2), l2, "%s", br_row_label(r));
    cr_assert_str_eq(text_cell(r, BR_ROLE_NAME), br_row_label(r));
    cr_assert_str_eq(text_cell(r, BR_ROLE_TARGET), target, "%s", br_row_label(r));
    if (op)
        cr_assert_str_eq(text_cell(r, BR_ROLE_OPERATOR), op, "%s", br_row_label(r));
    else
        cr_assert_null(text_cell(r, BR_ROLE_OPERATOR), "%s", br_row_label(r));
    if (unit)
        cr_assert_str_eq(text_cell(r, BR_ROLE_UNIT), unit, "%s", br_row_label(r));
    else
        cr_assert_null(text_cell(r, BR_ROLE_UNIT), "%s", br_row_label(r));
}

Test(layout, project_performance_tables)
{
    load(SH17);
    cr_assert_eq(br_disclosure_table_count(doc), 14);
    const br_table *p[5];
    size_t n = 0;
    for (size_t i = 0; i < br_disclosure_table_count(doc); i++)
        if (br_table_kind(br_disclosure_table_at(doc, i)) == BR_KIND_PERFORMANCE_PROJECT)
            p[n++] = br_disclosure_table_at(doc, i);
    cr_assert_eq(n, 5);
    static const size_t nrows[] = {5, 4, 4, 43, 9};
    for (size_t i = 0; i < 5; i++) {
        cr_assert_eq(br_table_unit(p[i]), BR_UNIT_YUAN, "table %zu", i);
        cr_assert_eq(br_table_row_count(p[i]), nrows[i], "table %zu", i);
    }
    br_decimal amount;
    cr_assert(br_table_project_amount(p[0], &amount));
    char buf[BR_DECIMAL_STR_MAX];
    br_decimal_format(amount, buf, sizeof buf);
    cr_assert_str_eq(buf, "4100000.00");
    cr_assert_str_eq(br_table_project_name(p[0]), "新建万里街道社区公共服务中心");
    cr_assert_str_eq(br_table_attr(p[0], "项目类别"), "特定目标类");
    cr_assert_str_eq(br_table_attr(p[0], "上年结转资金"), "0.00");
    cr_assert_eq(br_row_line(br_table_row_at(p[0], 0)), 888);
    indicator(br_table_row_at(p[0], 0), "产出指标", "数量指标", "13459.00", "≥", "平方米");
    indicator(br_table_row_at(p[0], 2), "产出指标", "成本指标", "合规", NULL, NULL);
    /* 服务对象满意度 / 指标 wrapped round the row */
    indicator(br_table_row_at(p[0], 4), "满意度指标", "服务对象满意度指标", "满意度", NULL, NULL);
    /* the long table: merged 一级 / 二级 cells centred on their blocks */
    const br_table *t = p[3];
    indicator(br_table_row_at(t, 0), "产出指标", "数量指标", "6.00", ">", "次");
    indicator(br_table_row_at(t, 22), "产出指标", "质量指标",
              "根据区人武部安排 ,完成民兵训练任务及备勤任务", NULL, NULL);
    cr_assert_str_eq(br_row_label(br_table_row_at(t, 22)), "民兵训练及备勤工作");
    indicator(br_table_row_at(t, 23), "效益指标", "社会效益指标", "扩大", NULL, NULL);
    /* a name wrapped over the lines above and below its 指标值 */
    cr_assert_str_eq(br_row_label(br_table_row_at(t, 36)),
                     "全面提升社区党员党性修养,提升书记综合素质,牢固树立全心全意为民服务意识");
    indicator(br_table_row_at(t, 36), "效益指标", "社会效益指标", "有效", NULL, NULL);
    indicator(br_table_row_at(t, 38), "满意度指标", "服务对象满意度指标", "90.00", NULL, "度");
    indicator(br_table_row_at(p[4], 7), "满意度指标", "服务对象满意度指标", "90", NULL, "%");
}

