/*
 * Header rows of the layout engine whose cells sit on different lines: a
 * group heading over a heading that is itself stretched over the cells
 * below it, a label column's word printed as the first line of a figure
 * column's name, a three-line cell beside them, and a group heading over a
 * run of cells some of which are stacked over two lines.  Snippets as
 * `pdftotext -layout` prints generated disclosures that used to be misread.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;
static br_disclosure *doc;
static br_report *rep;

static void setup(void)
{
    br_error err = {0};
    reg = br_registry_new();
    cr_assert_not_null(reg);
    cr_assert_geq(br_registry_load_dir(reg, BR_PLUGIN_BUILD_DIR, &err), 2, "%s", err.message);
}

static void teardown(void)
{
    br_report_free(rep);
    rep = NULL;
    br_disclosure_free(doc);
    doc = NULL;
    br_registry_free(reg);
}

TestSuite(layout_header_rows, .init = setup, .fini = teardown);

static void load(const char *text)
{
    br_error err = {0};
    int rc = br_registry_read_buffer_with(reg, "layout-text", "snippet.txt", text, strlen(text),
                                          &doc, &err);
    cr_assert_eq(rc, BR_OK, "%s", err.message);
    rep = br_registry_check(reg, doc, NULL);
    cr_assert_not_null(rep);
}

/* Findings of a severity or worse, their messages in `said`. */
static char said[2048];

static size_t at_least(br_severity sev)
{
    size_t n = 0, off = 0;
    said[0] = 0;
    for (size_t i = 0; i < br_report_count(rep); i++) {
        const br_finding *f = br_report_at(rep, i);
        if (f->severity < sev)
            continue;
        n++;
        if (off < sizeof said)
            off += (size_t)snprintf(said + off, sizeof said - off, "%s; ", f->message);
    }
    return n;
}

static const br_table *table(br_kind kind)
{
    const br_table *t = br_disclosure_find_table(doc, kind);
    cr_assert_not_null(t, "no %s table", br_kind_name(kind));
    return t;
}

/* The table's column roles, "a,b,…". */
static const char *columns(const br_table *t)
{
    static char buf[512];
    size_t off = 0;
    buf[0] = 0;
    for (size_t c = 0; c < br_table_column_count(t) && off < sizeof buf; c++)
        off += (size_t)snprintf(buf + off, sizeof buf - off, "%s%s", c ? "," : "",
                                br_role_name(br_table_column_role(t, c)));
    return buf;
}

static const br_row *row(const br_table *t, const char *key)
{
    for (size_t i = 0; i < br_table_row_count(t); i++)
        if (strcmp(br_row_key(br_table_row_at(t, i)), key) == 0)
            return br_table_row_at(t, i);
    cr_assert_fail("no row %s in %s", key, br_kind_name(br_table_kind(t)));
    return NULL;
}

/* The row's cells, "role=value,…" in column order (blank cells left out). */
static const char *cells(const br_row *r)
{
    static char buf[1024];
    size_t off = 0;
    buf[0] = 0;
    const br_table *t = br_row_table(r);
    for (size_t c = 0; c < br_table_column_count(t); c++) {
        const br_cell *cell = br_row_cell(r, c);
        if (!cell || !(cell->flags & BR_CELL_PRESENT))
            continue;
        char v[BR_DECIMAL_STR_MAX];
        br_decimal_format(cell->value, v, sizeof v);
        off += (size_t)snprintf(buf + off, sizeof buf - off, "%s%s=%s", off ? "," : "",
                                br_role_name(br_table_column_role(t, c)), v);
    }
    return buf;
}

/* 2021年预算数 heads 合计 … 公务用车购置及运行费, the last itself over 小计 |
 * 购置费 | 运行维护费 on the line below: the year's run reaches through that
 * stretch, so 2020年执行数 heads its own group and 会议费 | 培训费 stay apart
 * (the table was read as the catalog's one-year order, 合计 as grand_total). */
Test(layout_header_rows, three_public_year_over_stretched_vehicle_group)
{
    load("某某市某某局 2021 年一般公共预算“三公”经费支出表\n"
         "\n"
         "编制部门：某某市某某局                                  单位：万元\n"
         "\n"
         "  部门编码     部门名称                                         2021年预算数                                                                            2020年执行数                                         会议费    培训费\n"
         "                            合计    因公出国(境)费    公务接待费                公务用车购置及运行费                合计     因公出国(境)费    公务接待费                公务用车购置及运行费\n"
         "                                                                    小计    公务用车购置费    公务用车运行维护费                                             小计    公务用车购置费    公务用车运行维护费\n"
         "              合计          9.00                                    9.00                                    9.00    12.00                            6.00    6.00                                    6.00\n"
         "  148         某某某某局    9.00                                    9.00                                    9.00    12.00                            6.00    6.00                                    6.00\n");
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(columns(t),
                     "total,abroad,reception,vehicle_subtotal,vehicle_purchase,vehicle_operation,"
                     "prev_total,prev_abroad,prev_reception,prev_vehicle_subtotal,"
                     "prev_vehicle_purchase,prev_vehicle_operation,meeting,training");
    cr_assert_str_eq(cells(row(t, "合计")),
                     "total=9.00,vehicle_subtotal=9.00,vehicle_operation=9.00,prev_total=12.00,"
                     "prev_reception=6.00,prev_vehicle_subtotal=6.00,prev_vehicle_operation=6.00");
    cr_assert_eq(at_least(BR_SEV_WARNING), 0, "%s", said);
}

/* (Every row of these snippets holds the same figures: their children are
 * left out.) */

/* "项目" over "支出" right of 总计 is 项目支出 stacked over two lines, not the
 * label column (it was read so, and "2022 年预算数" joined to the "支出"
 * below it). */
Test(layout_header_rows, label_word_first_line_of_figure_column)
{
    load("某某市某某局 2022 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "       功能分类             2021             2022 年预算数\n"
         "         科目               年预       总计       项目       基本\n"
         "         名称               算数                  支出       支出\n"
         "合计                        236.06     319.00       0.00    319.00\n"
         "206 科学技术支出            236.06     319.00       0.00    319.00\n"
         "20601 科学技术管\n"
         "理事务                      236.06     319.00       0.00    319.00\n"
         "2060101 行政运\n"
         "行                          236.06     319.00       0.00    319.00\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(columns(t), "prev_total,total,project,basic");
    cr_assert_str_eq(cells(row(t, "2060101")),
                     "prev_total=236.06,total=319.00,project=0.00,basic=319.00");
    cr_assert_eq(at_least(BR_SEV_WARNING), 0, "%s", said);
}

/* "本年预算数" over "项目" over "支出": the lower part belongs to the column
 * name standing right over it (项目支出), not to a three-line cell
 * "本年预算数" + "基本" + "支出" (which left 基本支出's "支出" unnamed). */
Test(layout_header_rows, three_line_cell_not_through_a_column_name)
{
    load("某某市某某局 2024 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "             功能分类              上年           本年预算数\n"
         "     科目           功能           预算     小计     项目     基本\n"
         "     编码           分类            数               支出     支出\n"
         "                    科目\n"
         "                    名称\n"
         "             合计                   93.80   104.22        0  104.22\n"
         "    208      社会保障和就业支出     93.80   104.22        0  104.22\n"
         "    20805    行政事业单位养老支     93.80   104.22        0  104.22\n"
         "             出\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(columns(t), "prev_total,total,project,basic");
    cr_assert_str_eq(cells(row(t, "20805")), "prev_total=93.80,total=104.22,project=0,basic=104.22");
    cr_assert_eq(at_least(BR_SEV_WARNING), 0, "%s", said);
}

/* "预算数" centred over 合计 | 项目支 / 出 | 基本支 / 出: 合计 on one line and
 * the others stacked down from it are one header row, so the heading heads
 * the run instead of being taken for a second total column. */
Test(layout_header_rows, group_over_cells_stacked_from_its_row)
{
    load("某某市某某局 2023 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "       功能分类           上年执              预算数\n"
         "        科目名             行数      合计     项目支    基本支\n"
         "          称                                    出        出\n"
         "201 一般公共服务支       1,413.40   1391.51   1209.43   182.08\n"
         "出\n"
         "201 05 统计信息          1,413.40   1391.51   1209.43   182.08\n"
         "事务\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(columns(t), "prev_total,total,project,basic");
    cr_assert_str_eq(cells(row(t, "20105")),
                     "prev_total=1413.40,total=1391.51,project=1209.43,basic=182.08");
    cr_assert_eq(at_least(BR_SEV_WARNING), 0, "%s", said);
}
