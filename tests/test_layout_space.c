/*
 * The layout engine on short `pdftotext -layout`-looking snippets: what it
 * does not understand is marked uncertain (fail closed), and layouts of the
 * space-aligned families it used to misread are read exactly.
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

TestSuite(layout_space, .init = setup, .fini = teardown);

static void load(const char *text)
{
    br_error err = {0};
    int rc = br_registry_read_buffer_with(reg, "layout-text", "snippet.txt", text, strlen(text),
                                          &doc, &err);
    cr_assert_eq(rc, BR_OK, "%s", err.message);
    rep = br_registry_check(reg, doc, NULL);
    cr_assert_not_null(rep);
}

static size_t errors(void)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(rep); i++)
        n += br_report_at(rep, i)->severity == BR_SEV_ERROR;
    return n;
}

static const br_table *table(br_kind kind)
{
    const br_table *t = br_disclosure_find_table(doc, kind);
    cr_assert_not_null(t, "no %s table", br_kind_name(kind));
    return t;
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

static int has_note(const char *part)
{
    for (size_t i = 0; i < br_disclosure_note_count(doc); i++)
        if (strstr(br_disclosure_note_at(doc, i)->message, part))
            return 1;
    return 0;
}

/* Findings of a severity or worse, their messages in `said`. */
static char said[2048];

static size_t at_least(br_severity sev)
{
    size_t n = 0, off = 0;
    said[0] = 0;
    for (size_t i = 0; i < br_report_count(rep); i++) {
        const br_finding *f = br_report_at(rep, i);
        /* the snippets name their department 某某局, as a template would:
         * wording.placeholders says so, which is not what they test */
        if (f->severity < sev || strcmp(f->check, "wording.placeholders") == 0)
            continue;
        n++;
        if (off < sizeof said)
            off += (size_t)snprintf(said + off, sizeof said - off, "%s; ", f->message);
    }
    return n;
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

/* ---- fail closed ---- */

/* A header column nobody knows, holding figures: not modelled, said in a
 * note, the table marked uncertain; identities through it are not checked,
 * never broken. */
Test(layout_space, unknown_header_column_fails_closed)
{
    load("某某市某某局 2021 年部门预算\n"
         "\n"
         "附件 8\n"
         "\n"
         "某某市某某局 2021 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    科目编码    科目名称                     合计     基本支出   项目支出   调剂储备金\n"
         "               合计                         30.00      10.00      15.00         5.00\n"
         "    201        一般公共服务支出             30.00      10.00      15.00         5.00\n"
         "    20101      人大事务                     30.00      10.00      15.00         5.00\n"
         "    2010101    行政运行                     30.00      10.00      15.00         5.00\n");
    const br_table *t = table(BR_KIND_EXPENDITURE);
    cr_assert_eq(br_table_column_count(t), 3);
    cr_assert_str_eq(cells(row(t, "合计")), "total=30.00,basic=10.00,project=15.00");
    cr_assert(has_note("\"调剂储备金\" is not recognised"));
    const br_uncertainty *u = br_table_uncertain(t, -1);
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "unknown_header");
    cr_assert_eq(errors(), 0);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(rep, &cov), BR_OK);
    cr_assert_eq(cov.broken, 0);
    cr_assert_gt(cov.not_checked, 0);
    cr_assert_eq(cov.tables_uncertain, 1);
}

/* A row with more figures than the table has columns: the extra ones are
 * not read, and the row is uncertain. */
Test(layout_space, extra_figures_fail_closed)
{
    load("某某市某某局 2021 年部门预算\n"
         "\n"
         "某某市某某局 2021 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    科目编码    科目名称                     合计     基本支出   项目支出\n"
         "               合计                         30.00      10.00      20.00\n"
         "    201        一般公共服务支出             30.00      10.00      15.00     5.00\n"
         "    20101      人大事务                     30.00      10.00      20.00\n");
    const br_table *t = table(BR_KIND_EXPENDITURE);
    const br_row *r = row(t, "201");
    const br_uncertainty *u = br_row_uncertain(r);
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "extra_figures");
    cr_assert_eq(errors(), 0);
}

/* ---- space-aligned layouts that used to be misread ---- */

/* 三公 of two years: each year's heading over its columns, 公务用车购置及运行费
 * centred over its sub-columns (the current year's with 小计); figures each
 * clearly under one column stay there. */
Test(layout_space, three_public_two_years_group_titles)
{
    load("某区民政局 2021 年部门预算\n"
         "\n"
         "重庆市璧山区民政局 2021 年一般公共预算“三公”经费支出表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    部门编 码   部门名称                                   2020 年预算数                                                                        2021 年预算数\n"
         "                           总计    因公出国 (境) 费 用          公务用车购置及运行费           公务接待费   总计    因公出 国(境) 费用              公务用车购置及运行费              公务接 待费\n"
         "                                                         公务用车 购置   公务用车运行 维护费                                             小计    公务用车购置   公务用车运 行维护费\n"
         "                合计       13.00                                                       13.00                39.53                        36.53          28.00                  8.53          3.00\n"
         "    261         民政局     13.00                                                       13.00                39.53                        36.53          28.00                  8.53          3.00\n");
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(cells(row(t, "合计")),
                     "prev_total=13.00,prev_vehicle_operation=13.00,total=39.53,"
                     "vehicle_subtotal=36.53,vehicle_purchase=28.00,vehicle_operation=8.53,"
                     "reception=3.00");
    cr_assert_str_eq(cells(row(t, "261")),
                     "prev_total=13.00,prev_vehicle_operation=13.00,total=39.53,"
                     "vehicle_subtotal=36.53,vehicle_purchase=28.00,vehicle_operation=8.53,"
                     "reception=3.00");
    cr_assert_eq(errors(), 0);
}

/* 项目支出明细表: group titles 年初特定目标 / 上级专项 centred over their four
 * columns each, rows numbered with their 预算单位 (neither label nor figure). */
Test(layout_space, projects_group_titles_and_numbered_rows)
{
    load("某区民政局 2021 年部门预算\n"
         "\n"
         "重庆市璧山区民政局 2021 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    序号        预算单位              项目名称          合计                       年初特定目标                                     上级专项\n"
         "                                                                  小计     人员性项目   一般性项目   民生配套项目   小计   提前下达专项   结转项目   市级专项\n"
         "                                合计                   1553.16   1553.16                    979.51         573.65\n"
         "    1      重庆市璧山区民政局   殡葬管理经费            210.00    210.00                    210.00\n"
         "    2      重庆市璧山区民政局   社会组织培育经费        573.65    573.65                                   573.65\n"
         "    3      重庆市璧山区民政局   养老服务体系建设经费    741.51    741.51                    741.51\n"
         "\n"
         "\f重庆市璧山区民政局 2021 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    序号        预算单位              项目名称          合计                       年初特定目标                                     上级专项\n"
         "                                                                  小计     人员性项目   一般性项目   民生配套项目   小计   提前下达专项   结转项目   市级专项\n"
         "    4      重庆市璧山区民政局   公务用车购置经费         28.00     28.00                     28.00\n");
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_eq(br_table_row_count(t), 5);
    cr_assert_str_eq(cells(row(t, "合计")), "total=1553.16,annual_subtotal=1553.16,"
                                           "annual_general=979.51,annual_livelihood=573.65");
    cr_assert_str_eq(cells(row(t, "殡葬管理经费")),
                     "total=210.00,annual_subtotal=210.00,annual_general=210.00");
    cr_assert_str_eq(cells(row(t, "社会组织培育经费")),
                     "total=573.65,annual_subtotal=573.65,annual_livelihood=573.65");
    cr_assert_str_eq(cells(row(t, "公务用车购置经费")),
                     "total=28.00,annual_subtotal=28.00,annual_general=28.00");
    cr_assert_eq(errors(), 0);
}

/* A continuation page whose title wraps after the department's name and
 * whose header is only the first header line: the same table, its rows
 * under the first page's columns. */
Test(layout_space, continuation_title_wrapped_short_header)
{
    load("某区机关事务管理局 2023 年部门预算\n"
         "\n"
         "\f附件 3\n"
         "\n"
         "重庆市长寿区机关事务管理局 2023 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "                经济分类科目                                  2023 年基本支出\n"
         "  科目编码                科目名称                   总计          人员经费    日常公用经费\n"
         "                合计                                     422.75      301.24          121.51\n"
         "301             工资福利支出                             291.24      291.24\n"
         "30101           基本工资                                  114.8       114.8\n"
         "30102           津贴补贴                                   72.8        72.8\n"
         "30103           奖金                                      10.85       10.85\n"
         "30108           机关事业单位基本养老保险缴费              31.75       31.75\n"
         "30109           职业年金缴费                              15.88       15.88\n"
         "30110           职工基本医疗保险缴费                      13.89       13.89\n"
         "30112           其他社会保障缴费                           2.45        2.45\n"
         "30113           住房公积金                                23.81       23.81\n"
         "30199           其他工资福利支出                           5.01        5.01\n"
         "302             商品和服务支出                           121.51                      121.51\n"
         "30201           办公费                                       20                          20\n"
         "30203           咨询费                                     1.27                        1.27\n"
         "\n"
         "\f重庆市长寿区机关事务管理局\n"
         "\n"
         "2023 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "经济分类科目                                    2023 年基本支出\n"
         "30205           水费                                      20.25                       20.25\n"
         "30206           电费                                        5.9                         5.9\n"
         "30213           维修（护）费                               2.43                        2.43\n"
         "30216           培训费                                     1.66                        1.66\n"
         "30226           劳务费                                        8                           8\n"
         "30227           委托业务费                                   16                          16\n"
         "30228           工会经费                                      8                           8\n"
         "30229           福利费                                        1                           1\n"
         "30231           公务用车运行维护费                           10                          10\n"
         "30239           其他交通费用                                 13                          13\n"
         "30299           其他商品和服务支出                           14                          14\n"
         "303             对个人和家庭的补助                           10          10\n"
         "30307           医疗费补助                                    1           1\n"
         "30309           奖励金                                        9           9\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_disclosure_table_count(doc), 1);
    cr_assert_str_eq(cells(row(t, "30205")), "total=20.25,public=20.25");
    cr_assert_str_eq(cells(row(t, "30101")), "total=114.8,personnel=114.8");
    cr_assert_str_eq(cells(row(t, "302")), "total=121.51,public=121.51");
    cr_assert_eq(errors(), 0);
}

/* The header repeated on a new page, then a row of labels only: a row. */
Test(layout_space, summary_label_row_after_repeated_header)
{
    load("某区民政局 2021 年部门预算\n"
         "\n"
         "重庆市璧山区民政局 2021 年部门收支总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "                   收入                                    支出\n"
         "              项目             预算数               支出科目              预算数\n"
         "    一般公共预算拨款收入       1918.83   一、一般公共服务支出\n"
         "    政府性基金预算拨款收入               二、外交支出\n"
         "    国有资本经营预算拨款收入             三、国防支出\n"
         "    财政专户管理资金收入                 四、公共安全支出\n"
         "    事业收入                             五、教育支出\n"
         "    上级补助收入                         六、科学技术支出\n"
         "    附属单位上缴收入                     七、文化旅游体育与传媒支出\n"
         "    事业单位经营收入                     八、社会保障和就业支出           1872.97\n"
         "    其他收入                             九、社会保险基金支出\n"
         "                                         十、卫生健康支出                   25.94\n"
         "                                         十一、节能环保支出\n"
         "                                         十二、城乡社区支出\n"
         "                                         十三、农林水支出\n"
         "                                         十四、交通运输支出\n"
         "                                         十五、资源勘探工业信息等支出\n"
         "                                         十六、商业服务业等支出\n"
         "                                         十七、金融支出\n"
         "                                         十八、援助其他地区支出\n"
         "\n"
         "\f重庆市璧山区民政局 2021 年部门收支总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "                   收入                                    支出\n"
         "              项目             预算数               支出科目              预算数\n"
         "                                         十九、自然资源海洋气象等支出\n"
         "                                         二十、住房保障支出                 19.92\n"
         "                                         二十一、粮油物资储备支出\n"
         "                                         二十二、国有资本经营预算支出\n"
         "                                         二十三、灾害防治及应急管理支出\n");
    const br_table *t = table(BR_KIND_SUMMARY);
    const br_row *r = row(t, "自然资源海洋气象等支出");
    cr_assert_eq(br_row_side(r), BR_SIDE_EXPENDITURE);
    cr_assert_eq(br_row_line(r), 34);
    cr_assert_str_eq(cells(row(t, "住房保障支出")), "amount=19.92");
}

/* ---- performance tables ---- */

/* The text cells of a row, "role=text,…" in column order. */
static const char *texts(const br_row *r)
{
    static char buf[1024];
    size_t off = 0;
    buf[0] = 0;
    const br_table *t = br_row_table(r);
    for (size_t c = 0; c < br_table_column_count(t); c++) {
        const br_cell *cell = br_row_cell(r, c);
        if (!cell || !(cell->flags & BR_CELL_PRESENT) || !(cell->flags & BR_CELL_TEXT))
            continue;
        off += (size_t)snprintf(buf + off, sizeof buf - off, "%s%s=%s", off ? "," : "",
                                br_role_name(br_table_column_role(t, c)), cell->text);
    }
    return buf;
}

/* A project table with a 权重 column: each indicator's weight is read
 * (without "%"), also on a line whose "\geq" (4 columns in the file, one
 * character once normalised) and full-width "，" would otherwise pull the
 * columns after them leftwards; the project's code is apart from its name. */
Test(layout_space, performance_weights_and_project_code)
{
    load("2021 年区级预算绩效目标申报表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "     项目名称                                         50012121T000262280948-档案征集经费\n"
         " 资金总额（万元）     124.29                                 项目属性                                          新增\n"
         "    绩效指标       一级指标        二级指标                      三级指标                 指标值  指标性质  度量单位  权重\n"
         "                   产出指标        质量指标                   资料归档完整率                98       ≥         %       5%\n"
         "                   效益指标     可持续影响指标    改善服务环境，提升服务质量，并长期坚持   100       ≥         %       10\n"
         "\n"
         "                   效益指标      社会效益指标         提升公共服务水平，方便群众办事        98      \\geq       %       5\n"
         "                   效益指标      社会效益指标             推进工作规范化、便利化           100       ≥         %       80\n");
    const br_table *t = table(BR_KIND_PERFORMANCE_PROJECT);
    cr_assert_str_eq(br_table_project_code(t), "50012121T000262280948");
    cr_assert_str_eq(br_table_project_name(t), "档案征集经费");
    cr_assert_eq(br_table_row_count(t), 4);
    cr_assert_str_eq(texts(br_table_row_at(t, 0)),
                     "level1=产出指标,level2=质量指标,name=资料归档完整率,target=98,weight=5");
    cr_assert_str_eq(texts(br_table_row_at(t, 2)),
                     "level1=效益指标,level2=社会效益指标,name=提升公共服务水平,方便群众办事,"
                     "target=98,weight=5");
    cr_assert_str_eq(texts(br_table_row_at(t, 3)),
                     "level1=效益指标,level2=社会效益指标,name=推进工作规范化、便利化,target=100,"
                     "weight=80");
    cr_assert_eq(errors(), 0);
}

/* ---- page footers, wrapped titles ---- */

/* A page footer inside a table ("第 8 页" at the left margin, "— 9 —"
 * centred) is no row and does not end the table: its rows go on on the
 * next page under the repeated title and header; a title wrapped onto a
 * second line after a blank line is one title. */
Test(layout_space, page_footer_inside_table_and_wrapped_title)
{
    load("附件 2\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款支出\n"
         "\n"
         "预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 科目编码               科目名称               2020 年预算数           2021 年预算数\n"
         "                                                                总计     基本支出   项目支出\n"
         " 合计                                                  60.00     60.00      50.00      10.00\n"
         "      208   社会保障和就业支出                         50.00     50.00      40.00      10.00\n"
         "    20802   民政管理事务                               50.00     50.00      40.00      10.00\n"
         "  2080201   行政运行                                   40.00     40.00      40.00\n"
         "第 8 页\n"
         "\n"
         "\f某某市某某局 2021 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 科目编码               科目名称               2020 年预算数           2021 年预算数\n"
         "                                                                总计     基本支出   项目支出\n"
         "  2080299   其他民政管理事务支出                       10.00     10.00                 10.00\n"
         "      210   卫生健康支出                               10.00     10.00      10.00\n"
         "                                   — 9 —\n"
         "\n"
         "\f某某市某某局 2021 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 科目编码               科目名称               2020 年预算数           2021 年预算数\n"
         "                                                                总计     基本支出   项目支出\n"
         "    21011   行政事业单位医疗                           10.00     10.00      10.00\n"
         "  2101101   行政单位医疗                               10.00     10.00      10.00\n"
         "-10-\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 8);
    cr_assert_str_eq(cells(row(t, "合计")), "prev_total=60.00,total=60.00,basic=50.00,project=10.00");
    cr_assert_str_eq(cells(row(t, "2080299")), "prev_total=10.00,total=10.00,project=10.00");
    cr_assert_str_eq(cells(row(t, "2101101")), "prev_total=10.00,total=10.00,basic=10.00");
    cr_assert_eq(errors(), 0);
}

/* ---- 三公 columns in other orders ---- */

/* A 三公 table of two years, this year's group first, 公务接待费 before
 * 公务用车, 会议费 | 培训费 beside the groups; "2021 年预算数" happens to sit
 * right over 小计 two lines below (a cell of the 公务用车 group, not the
 * rest of a wrapped heading): every column by its heading, 合计 is each
 * year's total, not a grand total over 会议费. */
Test(layout_space, three_public_two_years_reception_first_meeting_beside)
{
    load("某某市某某局 2021 年一般公共预算“三公”经费支出表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 部门编码    部门名称                                        2021 年预算数                                                                            2020 年预算数                                        会议费    培训费\n"
         "                         合计     因公出国(境)费    公务接待费                公务用车购置及运行费                 合计    因公出国(境)费    公务接待费                公务用车购置及运行费\n"
         "                                                                  小计     公务用车购置费    公务用车运行维护费                                            小计    公务用车购置费    公务用车运行维护费\n"
         "             合计        11.00                                    11.00                                   11.00    6.38                            3.38    3.00                                    3.00               18.92\n"
         " 001         某某局      11.00                                    11.00                                   11.00    6.38                            3.38    3.00                                    3.00               18.92\n");
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(cells(row(t, "合计")),
                     "total=11.00,vehicle_subtotal=11.00,vehicle_operation=11.00,prev_total=6.38,"
                     "prev_reception=3.38,prev_vehicle_subtotal=3.00,prev_vehicle_operation=3.00,"
                     "training=18.92");
    cr_assert_eq(errors(), 0);
}

/* ---- headers stacked over three or four lines ---- */

/* Each column's name split over up to four lines, some fragments naming a
 * column by themselves ("一般公" / "共预算" / "拨款收" / "入", "附属单" /
 * "位上缴" / "收入" centred, "基本支" / "出"), a year wrapped before its
 * 预算数 ("2020 年" / "预算数"): every column read once, by its whole name. */
Test(layout_space, header_stacked_over_lines_words_split)
{
    load("某某市某某局 2021 年部门收入总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "                    科目                       总计     一般公    政府性   国有资   财政专   事业收   上级补   附属单   事业单   其他收\n"
         " 科目编                 科目名                          共预算    基金预   本经营   户管理     入     助收入   位上缴   位经营     入\n"
         "   码                     称                            拨款收    算拨款   预算拨   资金收                      收入     收入\n"
         "                                                          入       收入    款收入     入\n"
         "           合计                               1918.83   1918.83\n"
         " 208       社会保障和就业支出                 1918.83   1918.83\n"
         "\n"
         " 20802     民政管理事务                       1918.83   1918.83\n"
         "某某市某某局 2021 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "                  功能分类                    2020 年          2021 年预算数\n"
         " 科目编                 科目名                 预算数     总计     基本支   项目支\n"
         "   码                     称                                         出       出\n"
         "           合计                               1,741.34   1833.13   279.97   1553.16\n"
         " 208       社会保障和就业支出                 1,741.34   1833.13   279.97   1553.16\n"
         " 20802     民政管理事务                       1,741.34   1833.13   279.97   1553.16\n"
         " 2080201   行政运行                             302.37    279.97   279.97\n"
         " 2080202   一般行政管理事务                   1,236.25   1315.16            1315.16\n"
         " 2080208   基层政权建设和社区治理                22.12        28                 28\n"
         " 2080299   其他民政管理事务支出                 180.60       210                210\n");
    const br_table *in = table(BR_KIND_INCOME);
    cr_assert_eq(br_table_column_count(in), 10);
    cr_assert_str_eq(cells(row(in, "合计")), "total=1918.83,gpb=1918.83");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(cells(row(t, "合计")),
                     "prev_total=1741.34,total=1833.13,basic=279.97,project=1553.16");
    cr_assert_str_eq(cells(row(t, "2080202")), "prev_total=1236.25,total=1315.16,project=1315.16");
    cr_assert(!has_note("repeats role"));
    cr_assert_eq(errors(), 0);
}

/* ---- header wording ---- */

/* The previous year's column named by a relative year and its stage
 * ("上年预算执行数"), this year's "预算数" centred over 合计 | 基本支出 |
 * 项目支出 with 基本支出 right under its centre: prev_total, then this
 * year's three columns under their heading. */
Test(layout_space, header_wording_relative_year_execution)
{
    load("附件 2\n"
         "\n"
         "某某市某某局 2022 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "  科目编码                    项目                    上年预算执行数              预算数\n"
         "                                                                        合计     基本支出   项目支出\n"
         "             合计                                           1,349.66   1661.76     232.94    1428.82\n"
         "  201        一般公共服务支出                               1,349.66   1661.76     232.94    1428.82\n"
         "  20103      政府办公厅（室）及相关机构事务                 1,349.66   1661.76     232.94    1428.82\n"
         "  2010301    行政运行                                         300.00    232.94     232.94\n"
         "  2010302    一般行政管理事务                               1,049.66   1428.82               1428.82\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_column_count(t), 4);
    cr_assert_str_eq(cells(row(t, "合计")),
                     "prev_total=1349.66,total=1661.76,basic=232.94,project=1428.82");
    cr_assert_str_eq(cells(row(t, "2010302")), "prev_total=1049.66,total=1428.82,project=1428.82");
    cr_assert(!has_note("repeats role"));
    cr_assert_eq(errors(), 0);
}

/* ---- 元 tables beside 万元 ones ---- */

/* A 项目支出 table in 元 (wide figures): "年初特定目标" is not centred on
 * the middle of its columns; its left neighbour 合计 is a column of its own,
 * so the group runs from its 小计 — no cell left unnamed, each figure under
 * its own column. */
Test(layout_space, projects_in_yuan_group_beside_own_column)
{
    load("某某市某某局 2021 年项目支出明细表\n"
         "\n"
         "单位：元\n"
         "\n"
         "  序号        预算单位              项目名称             合计                              年初特定目标                                         上级专项\n"
         "                                                                         小计        人员性项目    一般性项目    民生配套项目   小计   提前下达专项   结转项目   市级专项\n"
         "                              合计                    7,836,500.00    7,836,500.00                2,100,000.00   5,736,500.00\n"
         "  1      某某市某某局         殡葬管理经费            2,100,000.00    2,100,000.00                2,100,000.00\n"
         "  2      某某市某某局         社会组织培育经费        5,736,500.00    5,736,500.00                               5,736,500.00\n");
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_eq(br_table_unit(t), BR_UNIT_YUAN);
    cr_assert_str_eq(cells(row(t, "合计")), "total=7836500.00,annual_subtotal=7836500.00,"
                                            "annual_general=2100000.00,"
                                            "annual_livelihood=5736500.00");
    cr_assert_str_eq(cells(row(t, "社会组织培育经费")),
                     "total=5736500.00,annual_subtotal=5736500.00,annual_livelihood=5736500.00");
    cr_assert_eq(errors(), 0);
}

/* ---- labels wrapped over lines ---- */

/* Labels wrapped round their row's line (figures on the middle or last of
 * their lines): a label's first line right after a continuation page's
 * header starts the row below it (it used to end the table there), also
 * above a numbered 项目支出 row (序号 | 预算单位 | label piece), whose
 * label is its key. */
Test(layout_space, wrapped_labels_after_header_and_numbered_rows)
{
    load("某某市某某局 2022 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    科目编码         科目名称          总计      基本支出    项目支出\n"
         "                合计                    56.08       56.08\n"
         "    208         社会保障和就业支出      56.08       56.08\n"
         "    20805       行政事业单位养老支出    56.08       56.08\n"
         "    2080501     行政单位离退休          40.72       40.72\n"
         "\n"
         "\f某某市某某局 2022 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    科目编码         科目名称          总计      基本支出    项目支出\n"
         "                机关事业单\n"
         "    2080506     位职业年金              15.36       15.36\n"
         "                缴费支出\n"
         "\n"
         "某某市某某局 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 序号             预算单位                     项目名称           合计                    年初特定目标                                  上级专项\n"
         "                                                                           小计    人员性项目  一般性项目  民生配套项目  小计   提前下达专项  结转项目  市级专项\n"
         " 1     某某市某某区某某某某管理办公室  电子签名印章系统建设运行     3.07     3.07                    3.07\n"
         "\n"
         "\f某某市某某局 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 序号             预算单位                     项目名称           合计                    年初特定目标                                  上级专项\n"
         "                                                                           小计    人员性项目  一般性项目  民生配套项目  小计   提前下达专项  结转项目  市级专项\n"
         "                                       购买社会服\n"
         " 4     某某市某某区某某某某管理办公室  务专项资金                 259.02   259.02                  259.02\n");
    const br_table *t = table(BR_KIND_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 5);
    cr_assert_str_eq(br_row_label(row(t, "2080506")), "机关事业单位职业年金缴费支出");
    cr_assert_str_eq(cells(row(t, "2080506")), "total=15.36,basic=15.36");
    const br_table *p = table(BR_KIND_PROJECTS);
    cr_assert_eq(br_table_row_count(p), 2);
    cr_assert_str_eq(cells(row(p, "购买社会服务专项资金")),
                     "total=259.02,annual_subtotal=259.02,annual_general=259.02");
    cr_assert_str_eq(cells(row(p, "电子签名印章系统建设运行")),
                     "total=3.07,annual_subtotal=3.07,annual_general=3.07");
    cr_assert_eq(errors(), 0);
}

/* A table without a code column whose label cells begin with the subject
 * code, its labels wrapped with the figures on the first, middle or last
 * line: glued ("2010801行政运行"), 类 款 项 apart ("201 08", "208 05 0" over
 * "6 机关事业"), a class code alone on its line ("208" over "社会保障和"), a
 * code's digits printed in the label zone where figures would stand
 * ("201080" over "4审计业务").  A code-led line starts a row; the code is the
 * row's key, the label what follows it. */
Test(layout_space, codes_in_label_cell_wrapped_figures_any_line)
{
    load("某某市某某局 2021 年部门预算\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "          科目名称                       合计     基本支出   项目支出\n"
         "合计                                    832.55      521.01     311.54\n"
         "201一般公                               719.33      407.79     311.54\n"
         "共服务支出\n"
         "201 08\n"
         "审计事务                                719.33      407.79     311.54\n"
         "2010801行政运行                         407.79      407.79\n"
         "2010802一般行政管理事务                  51.19                  51.19\n"
         "                   201080               260.35                 260.35\n"
         "4审计业务\n"
         "                   208\n"
         "社会保障和                              113.22      113.22\n"
         "就业支出\n"
         "20805 行政事业单位养老支出              113.22      113.22\n"
         "208 05 0\n"
         "6 机关事业                              113.22      113.22\n"
         "单位职业年金缴费支出\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 9);
    static const char *const want[][3] = {
        {"201", "一般公共服务支出", "total=719.33,basic=407.79,project=311.54"},
        {"20108", "审计事务", "total=719.33,basic=407.79,project=311.54"},
        {"2010801", "行政运行", "total=407.79,basic=407.79"},
        {"2010802", "一般行政管理事务", "total=51.19,project=51.19"},
        {"2010804", "审计业务", "total=260.35,project=260.35"},
        {"208", "社会保障和就业支出", "total=113.22,basic=113.22"},
        {"20805", "行政事业单位养老支出", "total=113.22,basic=113.22"},
        {"2080506", "机关事业单位职业年金缴费支出", "total=113.22,basic=113.22"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const br_row *r = row(t, want[i][0]);
        cr_assert_str_eq(br_row_label(r), want[i][1], "row %s", want[i][0]);
        cr_assert_str_eq(cells(r), want[i][2], "row %s", want[i][0]);
    }
    cr_assert_str_eq(cells(row(t, "合计")), "total=832.55,basic=521.01,project=311.54");
    cr_assert_eq(errors(), 0);
}

/* A numbered 项目支出 table without codes (序号 | 预算单位 | 项目名称) whose
 * labels wrap over two or three lines, the figures on the labels' first,
 * middle or last line, one way for the whole table: the convention is the
 * table's, read from all its lines (text fills a line before it wraps), so
 * a label's first line is never taken for the end of the row above. */
static void projects_wrapped(const char *text)
{
    load(text);
    const br_table *p = table(BR_KIND_PROJECTS);
    cr_assert_eq(br_table_row_count(p), 5);
    static const char *const want[][2] = {
        {"档案库房维护经费", "total=86.16,annual_subtotal=86.16,annual_personnel=0.00,annual_general=86.16"},
        {"外贸促进经费", "total=82.77,annual_subtotal=82.77,annual_personnel=0.00,annual_general=82.77"},
        {"电子商务公共服务平台建设运行经费",
         "total=51.07,annual_subtotal=51.07,annual_personnel=51.07,annual_general=0.00"},
        {"档案数字化加工与保护经费",
         "total=20.00,annual_subtotal=20.00,annual_personnel=20.00,annual_general=0.00"},
        {"合计", "total=240.00,annual_subtotal=240.00,annual_personnel=71.07,annual_general=168.93"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const br_row *r = row(p, want[i][0]);
        cr_assert_str_eq(cells(r), want[i][1], "row %s", want[i][0]);
        cr_assert_null(br_row_uncertain(r), "row %s", want[i][0]);
    }
    cr_assert_eq(errors(), 0);
}

Test(layout_space, projects_wrapped_figures_first_line)
{
    projects_wrapped(
         "某某市某某局 2022 年部门预算\n"
         "\n"
         "某某市某某局 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    序号         预算单位            项目名称      合计                   年初特定目标                                 上级专项\n"
         "                                                           小计   人员性项目  一般性项目  民生配套项目  小计  提前下达专项  结转项目  市级专项\n"
         "    1     某某市某某局            档案库房维护经   86.16   86.16        0.00       86.16\n"
         "                                  费\n"
         "    2     某某市某某局            外贸促进经费     82.77   82.77        0.00       82.77\n"
         "    3     某某市某某局            电子商务公共服   51.07   51.07       51.07        0.00\n"
         "                                  务平台建设运行\n"
         "                                  经费\n"
         "    4     某某市某某局            档案数字化加工   20.00   20.00       20.00        0.00\n"
         "                                  与保护经费\n"
         "                                  合计            240.00  240.00       71.07      168.93\n");
}

Test(layout_space, projects_wrapped_figures_middle_line)
{
    projects_wrapped(
         "某某市某某局 2022 年部门预算\n"
         "\n"
         "某某市某某局 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    序号         预算单位            项目名称      合计                   年初特定目标                                 上级专项\n"
         "                                                           小计   人员性项目  一般性项目  民生配套项目  小计  提前下达专项  结转项目  市级专项\n"
         "                                  档案库房维护经\n"
         "    1     某某市某某局            费               86.16   86.16        0.00       86.16\n"
         "    2     某某市某某局            外贸促进经费     82.77   82.77        0.00       82.77\n"
         "                                  电子商务公共服\n"
         "    3     某某市某某局            务平台建设运行   51.07   51.07       51.07        0.00\n"
         "                                  经费\n"
         "                                  档案数字化加工\n"
         "    4     某某市某某局            与保护经费       20.00   20.00       20.00        0.00\n"
         "                                  合计            240.00  240.00       71.07      168.93\n");
}

Test(layout_space, projects_wrapped_figures_last_line)
{
    projects_wrapped(
         "某某市某某局 2022 年部门预算\n"
         "\n"
         "某某市某某局 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    序号         预算单位            项目名称      合计                   年初特定目标                                 上级专项\n"
         "                                                           小计   人员性项目  一般性项目  民生配套项目  小计  提前下达专项  结转项目  市级专项\n"
         "                                  档案库房维护经\n"
         "    1     某某市某某局            费               86.16   86.16        0.00       86.16\n"
         "    2     某某市某某局            外贸促进经费     82.77   82.77        0.00       82.77\n"
         "                                  电子商务公共服\n"
         "                                  务平台建设运行\n"
         "    3     某某市某某局            经费             51.07   51.07       51.07        0.00\n"
         "                                  档案数字化加工\n"
         "    4     某某市某某局            与保护经费       20.00   20.00       20.00        0.00\n"
         "                                  合计            240.00  240.00       71.07      168.93\n");
}

/* The same conventions in a table with a code column: the 合计 row above
 * the first wrapped label does not take that label's first line (figures
 * on the last line), nor a code line the line below it (first line). */
static void coded_wrapped(const char *text)
{
    load(text);
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 5);
    static const char *const want[][3] = {
        {"201", "一般公共服务支出", "total=100.00,basic=60.00,project=40.00"},
        {"20103", "政府办公厅(室)及相关机构事务", "total=100.00,basic=60.00,project=40.00"},
        {"2010301", "行政运行", "total=60.00,basic=60.00"},
        {"2010302", "一般行政管理事务", "total=40.00,project=40.00"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const br_row *r = row(t, want[i][0]);
        cr_assert_str_eq(br_row_label(r), want[i][1], "row %s", want[i][0]);
        cr_assert_str_eq(cells(r), want[i][2], "row %s", want[i][0]);
        cr_assert_null(br_row_uncertain(r), "row %s", want[i][0]);
    }
    cr_assert_str_eq(br_row_label(row(t, "合计")), "合计");
    cr_assert_eq(errors(), 0);
}

Test(layout_space, coded_wrapped_figures_first_line)
{
    coded_wrapped(
         "某某市某某局 2021 年部门预算\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "科目编码    科目名称            合计  基本支出  项目支出\n"
         "            合计              100.00     60.00     40.00\n"
         "  201       一般公共服务支    100.00     60.00     40.00\n"
         "            出\n"
         "  20103     政府办公厅（室    100.00     60.00     40.00\n"
         "            ）及相关机构事\n"
         "            务\n"
         "  2010301   行政运行           60.00     60.00\n"
         "  2010302   一般行政管理事     40.00               40.00\n"
         "            务\n");
}

Test(layout_space, coded_wrapped_figures_middle_line)
{
    coded_wrapped(
         "某某市某某局 2021 年部门预算\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "科目编码    科目名称            合计  基本支出  项目支出\n"
         "            合计              100.00     60.00     40.00\n"
         "            一般公共服务支\n"
         "  201       出                100.00     60.00     40.00\n"
         "            政府办公厅（室\n"
         "  20103     ）及相关机构事    100.00     60.00     40.00\n"
         "            务\n"
         "  2010301   行政运行           60.00     60.00\n"
         "            一般行政管理事\n"
         "  2010302   务                 40.00               40.00\n");
}

Test(layout_space, coded_wrapped_figures_last_line)
{
    coded_wrapped(
         "某某市某某局 2021 年部门预算\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "科目编码    科目名称            合计  基本支出  项目支出\n"
         "            合计              100.00     60.00     40.00\n"
         "            一般公共服务支\n"
         "  201       出                100.00     60.00     40.00\n"
         "            政府办公厅（室\n"
         "            ）及相关机构事\n"
         "  20103     务                100.00     60.00     40.00\n"
         "  2010301   行政运行           60.00     60.00\n"
         "            一般行政管理事\n"
         "  2010302   务                 40.00               40.00\n");
}

/* Where the lines' widths fit figures on the first line as well as on the
 * last (a full-width label, a full-width piece, a short row line), the
 * piece may end the row above or begin the row below: both rows are marked
 * label_fragment — their identities "not checked" — rather than guessed. */
Test(layout_space, wrapped_first_last_tie_marks_rows)
{
    load(
         "某某市某某局 2022 年部门预算\n"
         "\n"
         "某某市某某局 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    序号         预算单位            项目名称      合计                   年初特定目标                                 上级专项\n"
         "                                                           小计   人员性项目  一般性项目  民生配套项目  小计  提前下达专项  结转项目  市级专项\n"
         "    1     某某市某某局            外贸促进经费用   82.77   82.77        0.00       82.77\n"
         "                                  档案库房维护经\n"
         "    2     某某市某某局            费用             86.16   86.16        0.00       86.16\n"
         "                                  合计            168.93  168.93        0.00      168.93\n");
    const br_table *p = table(BR_KIND_PROJECTS);
    cr_assert_eq(br_table_row_count(p), 3);
    size_t marked = 0;
    for (size_t i = 0; i < br_table_row_count(p); i++) {
        const br_row *r = br_table_row_at(p, i);
        const br_uncertainty *u = br_row_uncertain(r);
        if (strcmp(br_row_key(r), "合计") == 0) {
            cr_assert_null(u);
            continue;
        }
        cr_assert_not_null(u, "row %s", br_row_key(r));
        cr_assert_str_eq(u->kind, "label_fragment");
        marked++;
    }
    cr_assert_eq(marked, 2);
    cr_assert_eq(errors(), 0);
}

/* A header column repeating another's role: the geometry that named it may
 * have misnamed its neighbours, so the whole table is uncertain — a sum
 * that breaks in another column is not checked, never an error. */
Test(layout_space, duplicate_role_leaves_table_uncertain)
{
    load("某某市某某局 2021 年部门预算\n"
         "\n"
         "某某市某某局 2021 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    科目编码    科目名称                     合计     基本支出   项目支出       总计\n"
         "               合计                         30.00      10.00      20.00      30.00\n"
         "    201        一般公共服务支出             30.00      10.00      20.00      30.00\n"
         "    20101      人大事务                     30.00      12.00      18.00      30.00\n"
         "    2010101    行政运行                     30.00      12.00      18.00      30.00\n");
    const br_table *t = table(BR_KIND_EXPENDITURE);
    cr_assert_eq(br_table_column_count(t), 3);
    const br_uncertainty *u = br_table_uncertain(t, -1);
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "duplicate_role");
    cr_assert_eq(errors(), 0);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(rep, &cov), BR_OK);
    cr_assert_eq(cov.broken, 0);
    cr_assert_gt(cov.not_checked, 0);
}

/* The first row after the header opening with its code, its figures on its
 * label's last line ("201 一般" / "公共服务支出  993.53 …"): a row, not a
 * header line; figures stay under the columns they stand under. */
Test(layout_space, code_led_first_row_after_header)
{
    load("某某市某某局 2020 年部门预算\n"
         "\n"
         "某某市某某局 2020 年部门支出总表\n"
         "\n"
         "部门名称：某某市某某局         单位:万元\n"
         "\n"
         "           科目名称              总计      项目支出    基本支出\n"
         "  201 一般\n"
         "  公共服务支出                   993.53      796.80      196.73\n"
         "  20108 审计事务                 993.53      796.80      196.73\n"
         "                      201080\n"
         "  1 行政运行                     196.73                  196.73\n"
         "                      201080\n"
         "  2 一般行政\n"
         "  管理事务                       796.80      796.80\n");
    const br_table *t = table(BR_KIND_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 4);
    cr_assert_str_eq(br_row_label(row(t, "201")), "一般公共服务支出");
    cr_assert_str_eq(cells(row(t, "201")), "total=993.53,project=796.80,basic=196.73");
    cr_assert_str_eq(cells(row(t, "20108")), "total=993.53,project=796.80,basic=196.73");
    cr_assert_str_eq(br_row_label(row(t, "2010801")), "行政运行");
    cr_assert_str_eq(cells(row(t, "2010801")), "total=196.73,basic=196.73");
    cr_assert_str_eq(br_row_label(row(t, "2010802")), "一般行政管理事务");
    cr_assert_str_eq(cells(row(t, "2010802")), "total=796.80,project=796.80");
    cr_assert_eq(errors(), 0);
}

/* Codes printed in 类 | 款 | 项 columns, 类 and 项 standing outside their
 * heading 科目编码 (cells nobody names): they end no label zone, so a
 * wrapped label's next line ("位养老支出") still continues its row and the
 * table runs on. */
Test(layout_space, code_part_columns_outside_heading_keep_label_zone)
{
    load("某某市某某局 2021 年部门预算\n"
         "\n"
         "某某市某某局 2021 年部门收入总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "  科目编码           科目名称         总计     一般公共预算拨款收入\n"
         "类    款   项\n"
         "208             社会保障和就业支出     96.59                  96.59\n"
         "208   05        行政事业单             96.59                  96.59\n"
         "                位养老支出\n"
         "208   05   01   行政单位离退休          5.00                   5.00\n"
         "208   05   05   机关事业单位           91.59                  91.59\n"
         "                基本养老保险\n"
         "                缴费支出\n"
         "                合计                   96.59                  96.59\n");
    const br_table *t = table(BR_KIND_INCOME);
    cr_assert_eq(br_table_row_count(t), 5);
    cr_assert_str_eq(br_row_label(row(t, "20805")), "行政事业单位养老支出");
    cr_assert_str_eq(cells(row(t, "2080501")), "total=5.00,gpb=5.00");
    cr_assert_str_eq(br_row_label(row(t, "2080505")), "机关事业单位基本养老保险缴费支出");
    cr_assert_str_eq(cells(row(t, "2080505")), "total=91.59,gpb=91.59");
    cr_assert_str_eq(cells(row(t, "合计")), "total=96.59,gpb=96.59");
    cr_assert_eq(errors(), 0);
}

/* A code heading that reaches over the label column ("经济分类科目" over
 * 科目编码 and 项目) puts the zone of labels right of where the rows' labels
 * start.  A label line of its own in the data ("机关事业单位基", figures on
 * the label's last line) starts where the row labels start: it continues a
 * row and does not end the table — the rows after it are read, nothing is
 * reported as missing from 301 or 合计. */
Test(layout_space, wrapped_label_left_of_label_zone_keeps_table)
{
    load("某某市某某局 2020 年部门预算\n"
         "\n"
         "某某市某某局 2020 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "部门名称：某某市某某局                           单位:万元\n"
         "\n"
         "       经济分类科目            本年基本支出\n"
         "  科目编       项目        总计   人员经  日常公\n"
         "    码                              费    用经费\n"
         "  301     工资福利支出    119.39  119.39\n"
         "  30101   基本工资          48.3    48.3\n"
         "  30102   津贴补贴          54.6    54.6\n"
         "          机关事业单位基\n"
         "  30108   本养老保险缴费   16.49   16.49\n"
         "  302     商品和服务支出     4.8             4.8\n"
         "  30203   咨询费             4.8             4.8\n"
         "          合计            124.19  119.39     4.8\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 7);
    cr_assert_str_eq(cells(row(t, "301")), "total=119.39,personnel=119.39");
    cr_assert_str_eq(cells(row(t, "30101")), "total=48.3,personnel=48.3");
    cr_assert_str_eq(cells(row(t, "30102")), "total=54.6,personnel=54.6");
    cr_assert_str_eq(cells(row(t, "30108")), "total=16.49,personnel=16.49");
    cr_assert_str_eq(cells(row(t, "302")), "total=4.8,public=4.8");
    cr_assert_str_eq(br_row_label(row(t, "30203")), "咨询费");
    cr_assert_str_eq(cells(row(t, "30203")), "total=4.8,public=4.8");
    cr_assert_str_eq(cells(row(t, "合计")), "total=124.19,personnel=119.39,public=4.8");
    cr_assert_eq(errors(), 0);
}

/* Rows that lost their empty cells under a 类 row that itself could not be
 * placed (no 合计 to place it against: its figures fit 项目支出 and 基本支出
 * alike).  The solver's guess for the 类 is no ground for its children: they
 * keep their place by position (基本支出) instead of following the guess into
 * 项目支出, and no hierarchy error is reported through the guess. */
Test(layout_space, children_not_placed_against_guessed_parent)
{
    load("某某市某某局 2022 年部门预算\n"
         "\n"
         "某某市某某局 2022 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 科目编码       项目       上年执行数          本年预算数\n"
         "                                        小计    项目支出  基本支出\n"
         " 221       住房保障支出         26.32    30.61               30.61\n"
         " 22102     住房改革支出         26.32    30.61               30.61\n"
         " 2210201   住房公积金           26.32    30.61               30.61\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 3);
    cr_assert_str_eq(cells(row(t, "221")), "prev_total=26.32,total=30.61,basic=30.61");
    cr_assert_str_eq(cells(row(t, "22102")), "prev_total=26.32,total=30.61,basic=30.61");
    cr_assert_str_eq(br_row_label(row(t, "2210201")), "住房公积金");
    cr_assert_str_eq(cells(row(t, "2210201")), "prev_total=26.32,total=30.61,basic=30.61");
    cr_assert_eq(errors(), 0);
}

/* Header words centred or left of the right-aligned figures under them
 * (总计 ends 5 columns left of its figures), and a short row carrying a
 * sign error (-10.45 printed for 10.45 under 基本支出).  Its figures end
 * where the full rows' 2023 / 总计 / 基本支出 figures end: they stay there —
 * neither its row identities nor the code hierarchy move them to make the
 * wrong figure fit — and the error is reported at its own cell, the parent
 * untouched. */
Test(layout_space, short_row_sign_error_kept_at_full_rows_edges)
{
    load("某某市某某局 2024 年部门预算\n"
         "\n"
         "某某市某某局 2024 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 科目编码           科目名称           2023 年预算数             2024 年预算数\n"
         "                                                         总计      基本支出    项目支出\n"
         " 201         一般公共服务支出               1,475.81    1508.74      276.15     1232.59\n"
         " 20103       政府办公厅（室）及相关         1,475.81    1508.74      276.15     1232.59\n"
         "             机构事务\n"
         " 2010301     行政运行                         237.49     276.15      276.15\n"
         " 2010302     一般行政管理事务               1,198.86    1198.86                 1198.86\n"
         " 2010399     其他政府办公厅（室）及            39.46      33.73                   33.73\n"
         "             相关机构事务支出\n"
         " 210         卫生健康支出                      13.71      17.45       17.45\n"
         " 21011       行政事业单位医疗                  13.71      17.45       17.45\n"
         " 2101101     行政单位医疗                       8.67      10.45      -10.45\n"
         " 2101199     其他行政事业单位医疗支             5.04       7.00        7.00\n"
         "             出\n"
         "             合计                           1,489.52    1526.19      293.60     1232.59\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 10);
    cr_assert_str_eq(cells(row(t, "2101101")), "prev_total=8.67,total=10.45,basic=-10.45");
    cr_assert_str_eq(cells(row(t, "21011")), "prev_total=13.71,total=17.45,basic=17.45");
    cr_assert_str_eq(cells(row(t, "2101199")), "prev_total=5.04,total=7.00,basic=7.00");
    cr_assert_str_eq(cells(row(t, "2010302")), "prev_total=1198.86,total=1198.86,project=1198.86");
    cr_assert(!has_note("placed by the code hierarchy"));
    /* one error of its own; the parent's broken sum is its consequence */
    const br_finding *f = NULL;
    size_t own = 0;
    for (size_t i = 0; i < br_report_count(rep); i++) {
        if (br_report_at(rep, i)->severity != BR_SEV_ERROR || br_report_consequence_of(rep, i) >= 0)
            continue;
        f = br_report_at(rep, i);
        own++;
    }
    cr_assert_eq(own, 1);
    cr_assert_str_eq(f->row, "2101101");
    cr_assert_str_eq(f->column, "basic");
    cr_assert_str_eq(f->cause, "sign_error");
    cr_assert_eq(f->line, 18);
}

/* The 基本支出 table in two panels (issue 9): 人员经费 | 公用经费 centred over
 * 科目编码 科目名称 金额 twice, a line carrying a row of each.  Each panel's
 * 金额 is its heading's role, a panel row's figure its part and its total;
 * an integer figure before the right panel's code ("484  302") is no code;
 * the 合计 across the panels is the total, its row uncertain. */
Test(layout_space, basic_table_in_two_panels)
{
    load("附件 3\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "                    人员经费                                日常公用经费\n"
         " 科目编码            科目名称             金额   科目编码       科目名称       金额\n"
         " 301       工资福利支出                     484  302       商品和服务支出      82.24\n"
         " 30101     基本工资                      177.12  30201     办公费              17.43\n"
         " 30102     津贴补贴                      306.88  30202     印刷费              64.81\n"
         " 303       对个人和家庭的补助              3.04\n"
         " 30307     医疗费补助                      3.04\n"
         "           合计                                                               569.28\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 9);
    cr_assert_str_eq(cells(row(t, "301")), "personnel=484,total=484");
    cr_assert_str_eq(cells(row(t, "302")), "public=82.24,total=82.24");
    cr_assert_eq(br_row_line(row(t, "301")), br_row_line(row(t, "302")));
    cr_assert_str_eq(br_row_label(row(t, "30101")), "基本工资");
    cr_assert_str_eq(cells(row(t, "30101")), "personnel=177.12,total=177.12");
    cr_assert_str_eq(cells(row(t, "30202")), "public=64.81,total=64.81");
    cr_assert_str_eq(cells(row(t, "303")), "personnel=3.04,total=3.04");
    cr_assert_str_eq(cells(row(t, "30307")), "personnel=3.04,total=3.04");
    cr_assert_null(br_row_uncertain(row(t, "30307")));
    const br_row *g = row(t, "合计");
    cr_assert_str_eq(cells(g), "total=569.28");
    cr_assert_not_null(br_row_uncertain(g));
    cr_assert_str_eq(br_row_uncertain(g)->kind, "spanning_total");
    cr_assert_eq(errors(), 0);
}

/* …each panel ending with its own total, its label in the code cell. */
Test(layout_space, basic_table_in_two_panels_with_panel_totals)
{
    load("附件 3\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "                 人员经费                                公用经费\n"
         "  科目编码        科目名称          预算数   科目编码     科目名称         预算数\n"
         "  301       工资福利支出             30.5   302       商品和服务支出       12.2\n"
         "  30101     基本工资                 30.5   30201     办公费                2.2\n"
         "                                            30299     其他商品和服务支出     10\n"
         "  人员经费合计                       30.5   公用经费合计                   12.2\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 7);
    cr_assert_str_eq(cells(row(t, "30299")), "public=10,total=10");
    cr_assert_null(br_row_uncertain(row(t, "30299"))); /* the right panel alone: its own */
    cr_assert_str_eq(cells(row(t, "人员经费合计")), "personnel=30.5,total=30.5");
    cr_assert_str_eq(cells(row(t, "公用经费合计")), "public=12.2,total=12.2");
    cr_assert_null(br_row_uncertain(row(t, "公用经费合计")));
    cr_assert_eq(errors(), 0);
}

/* ---- page numbers on a table line; figures a line above their label ---- */

/* Two pages of a 基本支出 table whose numbers share the last row's line:
 * glued by one space to the last figure ("10.00 7"), then far right beyond
 * every column ("8").  In sequence by page, they are page numbers. */
static const char *const PAGED_BASIC =
    "某某市某某局 2021 年部门预算\n"
    "\n"
    "\f附件 3\n"
    "\n"
    "某某市某某局 2021 年一般公共预算财政拨款基本支出预算表\n"
    "\n"
    "单位：万元\n"
    "\n"
    "    科目编码    科目名称               合计     人员经费   日常公用经费\n"
    "               合计                   12.04      10.00           2.04\n"
    "    301        工资福利支出           10.00      10.00\n"
    "    30101      基本工资               10.00      10.00 %d\n"
    "\n"
    "\f某某市某某局 2021 年一般公共预算财政拨款基本支出预算表\n"
    "\n"
    "单位：万元\n"
    "\n"
    "    科目编码    科目名称               合计     人员经费   日常公用经费\n"
    "    302        商品和服务支出          2.04                      2.04\n"
    "    30201      办公费                  2.04                      2.04              %d\n";

Test(layout_space, page_numbers_after_the_last_figures_of_a_page)
{
    char text[4096];
    snprintf(text, sizeof text, PAGED_BASIC, 7, 8);
    load(text);
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 5);
    cr_assert_str_eq(cells(row(t, "30101")), "total=10.00,personnel=10.00");
    cr_assert_str_eq(cells(row(t, "30201")), "total=2.04,public=2.04");
    for (size_t i = 0; i < br_table_row_count(t); i++)
        cr_assert_null(br_row_uncertain(br_table_row_at(t, i)), "row %zu uncertain", i);
    cr_assert_eq(errors(), 0);
}

/* Out of sequence (7 on one page, 15 on the next) they cannot be told from
 * figures: the far-right one is an extra figure, its row uncertain. */
Test(layout_space, trailing_numbers_out_of_sequence_fail_closed)
{
    char text[4096];
    snprintf(text, sizeof text, PAGED_BASIC, 7, 15);
    load(text);
    const br_table *t = table(BR_KIND_GPB_BASIC);
    const br_uncertainty *u = br_row_uncertain(row(t, "30201"));
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "extra_figures");
    cr_assert_eq(errors(), 0);
}

/* Figures printed a line above their code and label: one row each, on the
 * figures' line (the code with the figures, the label below, too). */
Test(layout_space, figures_a_line_above_their_label)
{
    load("某某市某某局 2021 年部门预算\n"
         "\n"
         "附件 3\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    科目编码    科目名称               合计     人员经费   日常公用经费\n"
         "               合计                   12.04      10.00           2.04\n"
         "                                      10.00      10.00\n"
         "    301        工资福利支出\n"
         "                                      10.00      10.00\n"
         "    30101      基本工资\n"
         "    302        商品和服务支出          2.04                      2.04\n"
         "    30201                             2.04                      2.04\n"
         "               办公费\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_row_count(t), 5);
    cr_assert_str_eq(br_row_label(row(t, "301")), "工资福利支出");
    cr_assert_str_eq(cells(row(t, "301")), "total=10.00,personnel=10.00");
    cr_assert_eq(br_row_line(row(t, "301")), 11);
    cr_assert_str_eq(cells(row(t, "30101")), "total=10.00,personnel=10.00");
    cr_assert_eq(br_row_line(row(t, "30101")), 13);
    cr_assert_str_eq(br_row_label(row(t, "30201")), "办公费");
    cr_assert_str_eq(cells(row(t, "30201")), "total=2.04,public=2.04");
    cr_assert_eq(br_row_line(row(t, "30201")), 16);
    cr_assert_null(br_row_uncertain(row(t, "30101")));
    cr_assert_eq(errors(), 0);
}

/* ---- a code over 类 | 款 | 项 that lost a digit in print ---- */

/* "210 11 3": several codes fit between 2101101 and 2101199, so the row is
 * kept without code and marked, and so are 210 and 21011, whose sums of
 * children would break without it: no error (the hierarchy broke at 21011
 * before). */
Test(layout_space, code_part_lost_digit_fails_closed)
{
    load(
         "某某市某某局 2022 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 科目编码            科目名称                      合计    基本支出    项目支出\n"
         " 类    款    项\n"
         "                     合计                         18.39       18.39\n"
         " 210                 卫生健康支出                 18.39       18.39\n"
         " 210   11            行政事业单位医疗             18.39       18.39\n"
         " 210   11    01      行政单位医疗                  6.83        6.83\n"
         " 210   11    3       公务员医疗补助                2.56        2.56\n"
         " 210   11    99      其他行政事业单位医疗支出      9.00        9.00\n");    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_eq(br_table_row_count(t), 6);
    const br_row *lost = br_table_row_at(t, 4);
    cr_assert_null(br_row_code(lost));
    cr_assert_str_eq(br_row_uncertain(lost)->kind, "code_damaged");
    cr_assert_str_eq(br_row_uncertain(row(t, "21011"))->kind, "code_damaged");
    cr_assert_str_eq(br_row_uncertain(row(t, "210"))->kind, "code_damaged");
    cr_assert_null(br_row_uncertain(row(t, "2101101")));
    cr_assert_eq(errors(), 0);
}

/* ---- header rows whose cells sit on different lines ---- */

/* 2021年预算数 heads 合计 … 公务用车购置及运行费, the last itself over 小计 |
 * 购置费 | 运行维护费 on the line below: the year's run reaches through that
 * stretch, so 2020年执行数 heads its own group and 会议费 | 培训费 stay apart
 * (the table was read as the catalog's one-year order, 合计 as grand_total). */
Test(layout_space, three_public_year_over_stretched_vehicle_group)
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
Test(layout_space, label_word_first_line_of_figure_column)
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
Test(layout_space, three_line_cell_not_through_a_column_name)
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
Test(layout_space, group_over_cells_stacked_from_its_row)
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

/* ---- pdftotext: one column per character ----
 *
 * `pdftotext -layout` prints a CJK character in one column, as a digit: a
 * column's figures end in one character column whatever the labels before
 * them, while its CJK header cell is printed half as wide as it stands
 * (textcols.c decides how a text counts; the snippets below are pdftotext's
 * own output of drawn tables). */

/* Header cells half as wide as their columns: 104.72 ends under 人员经费's
 * cell as printed, not at 日常公用经费's left edge. */
Test(layout_space, narrow_text_short_rows_under_printed_header)
{
    load("表三\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "部门名称：某某市某某局              单位：万元\n"
         "\n"
         "       经济分类科目                2021 年基本支出\n"
         " 科目编码       科目名称     总计       人员经费     日常公用经费\n"
         "         合计         185.65      111.24     74.41\n"
         " 301     工资福利支出     104.72      104.72\n"
         " 30101   基本工资        39.82       39.82\n"
         " 30102   津贴补贴        31.46       31.46\n"
         " 30108   机关事业单位基本     11.4        11.4\n"
         "         养老保险缴费\n"
         " 30109   职业年金缴费        5.7       5.7\n"
         " 30110   职工基本医疗保险      5.7       5.7\n"
         "         缴费\n"
         " 30112   其他社会保障缴费     2.09      2.09\n"
         " 30113   住房公积金        8.55      8.55\n"
         " 302     商品和服务支出     74.41                  74.41\n"
         " 30205   水费          29.57                  29.57\n"
         " 30207   邮电费          2.93                   2.93\n"
         " 30209   物业管理费        8.06                   8.06\n"
         " 30211   差旅费          2.18                   2.18\n"
         " 30213   维修（护）费         11                     11\n"
         " 30214   租赁费          2.45                   2.45\n"
         " 30215   会议费             4                      4\n"
         " 30217   公务接待费           2                      2\n"
         " 30229   福利费          2.22                   2.22\n"
         " 30231   公务用车运行维护       10                     10\n"
         "         费\n"
         " 303     对个人和家庭的补     6.52      6.52\n"
         "         助\n"
         " 30305   生活补助         6.52      6.52\n");
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_str_eq(columns(t), "total,personnel,public");
    cr_assert_str_eq(cells(row(t, "301")), "total=104.72,personnel=104.72");
    cr_assert_str_eq(cells(row(t, "30109")), "total=5.7,personnel=5.7");
    cr_assert_str_eq(cells(row(t, "30112")), "total=2.09,personnel=2.09");
    cr_assert_str_eq(cells(row(t, "302")), "total=74.41,public=74.41");
    cr_assert_str_eq(cells(row(t, "30215")), "total=4,public=4");
    cr_assert_str_eq(cells(row(t, "303")), "total=6.52,personnel=6.52");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Code parts pdftotext printed one space apart, in the header ("类  款 项")
 * and in the rows ("201   03 01"): parts of the code, not of the label. */
Test(layout_space, narrow_text_code_parts_one_space_apart)
{
    load("表八\n"
         "\n"
         "某某市某某局 2021 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "   科目编码                    科目               2021年预算数\n"
         "  类  款 项                   名称          总计       基本    项目\n"
         "                                                支出    支出\n"
         "                                      2524.33 615.02 1909.31\n"
         "                合计\n"
         "  201           一般公共服务支出              2354.71   445.40   1909.31\n"
         "  201   03                            2354.71   445.40   1909.31\n"
         "                政府办公厅（室）及相关机构事务\n"
         "  201   03 01                          445.40 445.40           0\n"
         "                行政运行\n"
         "  201   03 02   一般行政管理事务              1880.02        0   1880.02\n"
         "  201   03 99                           29.29        0     29.29\n"
         "                其他政府办公厅（室）及相关机构事务支出\n"
         "  208           社会保障和就业支出               85.59    85.59         0\n"
         "  208   05                              85.59    85.59         0\n"
         "                行政事业单位养老支出\n"
         "  208   05 05   机关事业单位基本养老保险缴费支出      57.06    57.06         0\n"
         "  208   05 06   机关事业单位职业年金缴费支出        28.53    28.53         0\n"
         "  221           住房保障支出                  84.03    84.03         0\n"
         "  221   02                              84.03    84.03         0\n"
         "                住房改革支出\n"
         "  221   02 01   住房公积金                   84.03    84.03         0\n");
    const br_table *t = table(BR_KIND_EXPENDITURE);
    cr_assert_str_eq(columns(t), "total,basic,project");
    cr_assert_str_eq(br_row_label(row(t, "2010301")), "行政运行");
    cr_assert_str_eq(cells(row(t, "2010301")), "total=445.40,basic=445.40,project=0");
    cr_assert_str_eq(br_row_label(row(t, "2010302")), "一般行政管理事务");
    cr_assert_str_eq(cells(row(t, "2010399")), "total=29.29,basic=0,project=29.29");
    cr_assert_str_eq(cells(row(t, "2080505")), "total=57.06,basic=57.06,project=0");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A zero one space before the next figure ("0 112.44"): two figures. */
Test(layout_space, narrow_text_zero_glued_to_next_figure)
{
    load("表二\n"
         "\n"
         "某某市某某局 2021 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "    科目编码                   项目      上年           本年预算数\n"
         "  类   款  项                           预算     合计     项目     基本\n"
         "                                        数               支出     支出\n"
         "  201              一般公共服务支出    416.78   483.25   370.81 112.44\n"
         "  201   03    政府办公厅（室）及相关机构事务 416.78   483.25   370.81 112.44\n"
         "  201   03   01   行政运行              87.70   112.44       0 112.44\n"
         "  201   03   02   一般行政管理事务      84.13     68.4     68.4      0\n"
         "  201   03   08   信访事务             244.95   302.41   302.41      0\n"
         "                  合计                 416.78   483.25   370.81 112.44\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(columns(t), "prev_total,total,project,basic");
    cr_assert_str_eq(cells(row(t, "2010301")), "prev_total=87.70,total=112.44,project=0,basic=112.44");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A table continued on a new page whose columns pdftotext printed elsewhere
 * (each page follows its own labels): that page's repeated header places
 * its rows. */
Test(layout_space, narrow_text_continuation_page_own_columns)
{
    load("某某市某某局 2024 年部门预算\n"
         "\n"
         "表八\n"
         "\n"
         "某某市某某局 2024 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 科目编码            科目名称          总计       项目支出      基本支出\n"
         "           合计                 3047.90   2436.26    611.64\n"
         " 201       一般公共服务支出           2894.45   2436.26    458.19\n"
         " 20105     统计信息事务             2894.45   2436.26    458.19\n"
         " 2010501   行政运行                458.19              458.19\n"
         " 2010502   一般行政管理事务            892.33    892.33\n"
         " 2010505   专项统计业务             1455.54   1455.54\n"
         " 2010507   专项普查活动               88.39     88.39\n"
         " 208       社会保障和就业支出            80.70               80.70\n"
         " 20805     行政事业单位养老支出           80.70               80.70\n"
         " 2080505   机关事业单位基本养老保险缴费支出     53.80               53.80\n"
         " 2080506   机关事业单位职业年金缴费支出       26.90               26.90\n"
         " 210       卫生健康支出               32.40               32.40\n"
         " 21011     行政事业单位医疗             32.40               32.40\n"
         " 2101101   行政单位医疗               20.17               20.17\n"
         " 2101103   公务员医疗补助              10.09               10.09\n"
         " 2101199   其他行政事业单位医疗支出          2.14                2.14\n"
         " 221       住房保障支出               40.35               40.35\n"
         "— 18 —\n"
         "\f某某市某某局 2024 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 科目编码            科目名称    总计       项目支出   基本支出\n"
         " 22102     住房改革支出         40.35            40.35\n"
         " 2210201   住房公积金          40.35            40.35\n"
         "— 19 —\n");
    const br_table *t = table(BR_KIND_EXPENDITURE);
    cr_assert_str_eq(cells(row(t, "2010501")), "total=458.19,basic=458.19");
    cr_assert_str_eq(cells(row(t, "22102")), "total=40.35,basic=40.35");
    cr_assert_str_eq(cells(row(t, "2210201")), "total=40.35,basic=40.35");
}

/* A final account's 财政拨款“三公”经费支出决算表 after 部门编码 | 部门名称
 * (gen_disclosure.py --vary final_accounts): 预算数 | 决算数 under each
 * heading, the pairs in the headings' order — the department's code heads
 * no pair.  公务用车运行维护费 is wider than its pair, and 公务接待费 beside it
 * stands on the line above: its pair is still its own, not a second
 * 运行维护费 pair. */
Test(layout_space, three_public_final_pairs_after_department_code)
{
    load("某某局 2023 年度部门决算\n"
         "\n"
         "重庆市某区机关事务管理局 2023 年财政拨款“三公”经费支出决算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "部门编码   部门名称        合计       因公出国(境)费               公务用车购置及运行维护费                 公务接待费\n"
         "                                                           小计       公务用车购置费  公务用车运行维护费\n"
         "                      预算数  决算数  预算数  决算数  预算数  决算数  预算数  决算数  预算数    决算数    预算数  决算数\n"
         "          合计          9.06    8.00                    7.00    6.00                    7.00      6.00      2.06    2.00\n"
         "358       机关事务局    9.06    8.00                    7.00    6.00                    7.00      6.00      2.06    2.00\n");
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(columns(t),
                     "budget_total,total,budget_abroad,abroad,budget_vehicle_subtotal,"
                     "vehicle_subtotal,budget_vehicle_purchase,vehicle_purchase,"
                     "budget_vehicle_operation,vehicle_operation,budget_reception,reception");
    const char *want = "budget_total=9.06,total=8.00,budget_vehicle_subtotal=7.00,"
                       "vehicle_subtotal=6.00,budget_vehicle_operation=7.00,"
                       "vehicle_operation=6.00,budget_reception=2.06,reception=2.00";
    cr_assert_str_eq(cells(row(t, "合计")), want);
    cr_assert_str_eq(cells(row(t, "358")), want);
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(at_least(BR_SEV_WARNING), 0, "%s", said);
}

/* Two year blocks under their headings, each block opening with 合计: the
 * narrow year headings are centred nearer runs that cut across the blocks
 * (因公出国 … the second 合计); a group's run starts where a block does. */
Test(layout_space, narrow_text_year_blocks_start_at_their_total)
{
    load("某某局 2023 年部门预算\n"
         "\n"
         "某某市某某局 2023 年一般公共预算“三公”经费支出表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "  部门编码   部门名称                          2022年决算数                                          2023年预算数\n"
         "                合计      因公出国(境)费          公务用车购置及运行费       公务接待费     合计     因公出国(境)费       公务用车购置及运行费       公务接待费\n"
         "                                     小计    公务用车购置费   运行费                               小计    公务用车购置费  运行费\n"
         "         合计     13.06         8.62                            4.44   2.94                                      2.94\n"
         "  267    某某局    13.06         8.62                            4.44   2.94                                      2.94\n");
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(columns(t), "prev_total,prev_abroad,prev_vehicle_subtotal,"
                                 "prev_vehicle_purchase,prev_vehicle_operation,prev_reception,"
                                 "total,abroad,vehicle_subtotal,vehicle_purchase,vehicle_operation,"
                                 "reception");
    const char *want = "prev_total=13.06,prev_abroad=8.62,prev_reception=4.44,total=2.94,"
                       "reception=2.94";
    cr_assert_str_eq(cells(row(t, "合计")), want);
    cr_assert_str_eq(cells(row(t, "267")), want);
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A group heading as narrow as the one cell it is printed over
 * ("年初特定目标" over "一般性项目"): a column's name by itself is that
 * cell, not the end of a heading stacked over it. */
Test(layout_space, narrow_text_group_heading_over_one_named_cell)
{
    load("某某局 2024 年部门决算\n"
         "\n"
         "某某市某某局 2024 年项目支出决算明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "序号      预算单位       项目名称      合计                     年初特定目标                               上级专项\n"
         "                                      小计       人员性项目 一般性项目         民生配套项目   小计      提前下达专项 结转项目   市级专项\n"
         "                 合计          1047.70 1016.16      47.40  968.76             31.54       31.54\n"
         "1    某某市某某局   审计业务培训经费      37.88   37.88      37.88       0                 0           0\n"
         "                 经济责任审计专项经\n"
         "2    某某市某某局   费            84.18    84.18         0     84.18                0         0\n"
         "                 政府投资审计业务经\n"
         "3    某某市某某局   费           833.48   833.48          0   833.48                0         0\n");
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_str_eq(columns(t), "total,annual_subtotal,annual_personnel,annual_general,"
                                 "annual_livelihood,superior_subtotal,superior_advance,"
                                 "superior_carryover,superior_municipal");
    cr_assert_str_eq(cells(row(t, "合计")),
                     "total=1047.70,annual_subtotal=1016.16,annual_personnel=47.40,"
                     "annual_general=968.76,superior_subtotal=31.54,superior_advance=31.54");
    cr_assert_str_eq(cells(row(t, "经济责任审计专项经费")),
                     "total=84.18,annual_subtotal=84.18,annual_personnel=0,annual_general=84.18,"
                     "superior_subtotal=0,superior_advance=0");
    /* (the snippet stops after three of its projects: 合计 is not checked
     * here, the columns are) */
}

/* A continuation page whose repeated header names the year's columns on
 * one line and the previous year's on the line above ("上年决算数" over
 * 合计 | 项目支出 | 基本支出): the columns it names take this page's
 * positions, the one named above moves with them. */
Test(layout_space, narrow_text_continuation_header_over_two_lines)
{
    load("某某局 2024 年部门决算\n"
         "\n"
         "某某市某某局 2024 年一般公共预算财政拨款支出决算表\n"
         "\n"
         "编制部门：某某市某某局                          单位:万元\n"
         "\n"
         " 科目编码          功能分类科目名称       上年决算数                 决算数\n"
         "                                          合计       项目支出      基本支出\n"
         "           合计                  1826.52   2262.35   1936.43    325.92\n"
         " 201       一般公共服务支出            1760.88   2194.17   1936.43    257.74\n"
         " 20103     政府办公厅（室）及相关机构事务     1760.88   2194.17   1936.43    257.74\n"
         " 2010301   行政运行                 293.82    257.74              257.74\n"
         " 2010302   一般行政管理事务             867.45   1239.21   1239.21\n"
         " 2010308   信访事务                 599.61    697.22    697.22\n"
         " 208       社会保障和就业支出             35.51     36.36               36.36\n"
         " 20805     行政事业单位养老支出            35.51     36.36               36.36\n"
         " 2080505   机关事业单位基本养老保险缴费支出      26.18     24.24               24.24\n"
         " 2080506   机关事业单位职业年金缴费支出         9.33     12.12               12.12\n"
         "\f某某市某某局\n"
         "\n"
         "2024 年一般公共预算财政拨款支出决算表\n"
         "\n"
         "编制部门：某某市某某局          单位:万元\n"
         "\n"
         " 科目编码          功能分类科目名称   上年决算数               决算数\n"
         "                                    合计       项目支出   基本支出\n"
         " 210       卫生健康支出           13.59    13.64            13.64\n"
         " 21011     行政事业单位医疗         13.59    13.64            13.64\n"
         " 2101101   行政单位医疗            8.18     9.09             9.09\n"
         " 2101103   公务员医疗补助           5.41     4.55             4.55\n"
         " 221       住房保障支出           16.54    18.18            18.18\n"
         " 22102     住房改革支出           16.54    18.18            18.18\n"
         " 2210201   住房公积金            16.54    18.18            18.18\n");
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(columns(t), "prev_total,total,project,basic");
    cr_assert_str_eq(cells(row(t, "2010301")), "prev_total=293.82,total=257.74,basic=257.74");
    cr_assert_str_eq(cells(row(t, "21011")), "prev_total=13.59,total=13.64,basic=13.64");
    cr_assert_str_eq(cells(row(t, "2210201")), "prev_total=16.54,total=18.18,basic=18.18");
}

/* Three cells of one heading run together by single spaces ("小计 公务用车购置费
 * 运行费" under 公务用车购置及运行费): named under their heading, they are
 * its three cells, and the heading heads them. */
Test(layout_space, narrow_text_heading_cells_one_space_apart)
{
    load("某某局 2021 年部门预算\n"
         "\n"
         "某某市某某局 2021 年一般公共预算“三公”经费支出表\n"
         "\n"
         "部门名称：某某市某某局                      单位：万元\n"
         "\n"
         "部门编码     部门名称                       2020年决算数                                  2021年预算数\n"
         "                合计     因公出国(境)费      公务用车购置及运行费  公务接待费     合计     因公出国(境)费     公务用车购置及运行费   公务接待费\n"
         "                                  小计 公务用车购置费 运行费                             小计 公务用车购置费 运行费\n"
         "         合计     2.00                                2.00   4.27                                4.27\n"
         "                2.00                                2.00   4.27                                4.27\n"
         "401      某某局\n");
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(columns(t), "prev_total,prev_abroad,prev_vehicle_subtotal,"
                                 "prev_vehicle_purchase,prev_vehicle_operation,prev_reception,"
                                 "total,abroad,vehicle_subtotal,vehicle_purchase,vehicle_operation,"
                                 "reception");
    const char *want = "prev_total=2.00,prev_reception=2.00,total=4.27,reception=4.27";
    cr_assert_str_eq(cells(row(t, "合计")), want);
    cr_assert_str_eq(cells(row(t, "401")), want);
    cr_assert_null(br_table_uncertain(t, -1));
}
/* pdftotext prints a continued table's 序号 and 预算单位 where its new page
 * puts them; a numbered row whose figures stand a line above its label
 * there is read by that page's columns, not lost. */
Test(layout_space, narrow_text_numbered_row_above_its_label_on_new_page)
{
    load(
         "\f附件10\n"
         "\n"
         "重庆市梁平区信访办公室 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "  序号      预算单位          项目名称       合计                   年初特定目标                             上级专项\n"
         "                                            小计      人员性项目 一般性项目      民生配套项目      小计   提前下达专项 结转项目   市级专项\n"
         "  1    重庆市梁平区信访办公室   矛盾纠纷化解经费      36.83    36.83            36.83        0.00\n"
         "  2    重庆市梁平区信访办公室   信访维稳专项经费     506.27   506.27           506.27        0.00\n"
         "  3    重庆市梁平区信访办公室   律师参与信访工作经费    59.92    59.92            59.92        0.00\n"
         "  4    重庆市梁平区信访办公室   信访信息系统运行经费    82.20    82.20             0.00       82.20                             18\n"
         "\f重庆市梁平区信访办公室 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "     序号      预算单位            项目名称   合计                  年初特定目标                               上级专项\n"
         "                                            小计      人员性项目 一般性项目        民生配套项目      小计   提前下达专项 结转项目   市级专项\n"
         "                                    19.00   19.00            19.00         0.00\n"
         "     5    重庆市梁平区信访办公室   公务用车购置经费\n"
         "                                    704.22 704.22             622.02       82.20\n"
         "                        合计\n"
         "19\n"
         );
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_str_eq(cells(row(t, "公务用车购置经费")),
                     "total=19.00,annual_subtotal=19.00,annual_general=19.00,annual_livelihood=0.00");
    cr_assert_str_eq(cells(row(t, "合计")),
                     "total=704.22,annual_subtotal=704.22,annual_general=622.02,annual_livelihood=82.20");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Fail closed: a line of figures that no row takes (no label of its own, its
 * next line figures too) leaves the table's sums short — the table is
 * uncertain, a note names the line, and its 合计 is not judged. */
Test(layout_space, narrow_text_figures_of_no_row_fail_closed)
{
    load(
         "\f附件10\n"
         "\n"
         "重庆市梁平区信访办公室 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "  序号      预算单位          项目名称       合计                   年初特定目标                             上级专项\n"
         "                                            小计      人员性项目 一般性项目      民生配套项目      小计   提前下达专项 结转项目   市级专项\n"
         "  1    重庆市梁平区信访办公室   矛盾纠纷化解经费      36.83    36.83            36.83        0.00\n"
         "  2    重庆市梁平区信访办公室   信访维稳专项经费     506.27   506.27           506.27        0.00\n"
         "  3    重庆市梁平区信访办公室   律师参与信访工作经费    59.92    59.92            59.92        0.00\n"
         "  4    重庆市梁平区信访办公室   信访信息系统运行经费    82.20    82.20             0.00       82.20                             18\n"
         "\f重庆市梁平区信访办公室 2022 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "     序号      预算单位            项目名称   合计                  年初特定目标                               上级专项\n"
         "                                            小计      人员性项目 一般性项目        民生配套项目      小计   提前下达专项 结转项目   市级专项\n"
         "                                    19.00   19.00            19.00         0.00\n"
         "                                    704.22 704.22             622.02       82.20\n"
         "                        合计\n"
         "19\n"
         );
    const br_table *t = table(BR_KIND_PROJECTS);
    const br_uncertainty *u = br_table_uncertain(t, -1);
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "unread_figures");
    cr_assert(has_note("belong to no row"));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A zero one space before a bracketed enumerator ("0 (二) 外交支出"): the
 * left side's figure and the right side's label. */
Test(layout_space, narrow_text_zero_glued_to_enumerated_label)
{
    load(
         "\f重庆市潼南区审计局 2024 年财政拨款收支决算总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "        收入                                            支出\n"
         "       项目         决算数             支出科目         合计      一般公共预算       政府性基金预算   国有资本经营预算\n"
         "一、本年收入           1,288.38 一、本年支出             1,288.38    1,288.38\n"
         "(一) 一般公共预算拨款     1,288.38 (一) 一般公共服务支出       1,264.33    1,264.33\n"
         "(二) 政府性基金预算拨款           0 (二) 外交支出                  0           0\n"
         "(三) 国有资本经营预算拨款          0 (三) 国防支出                  0           0\n"
         "二、上年结转                  0 (四) 公共安全支出                0           0\n"
         "(一) 一般公共预算拨款            0 (五) 教育支出                  0           0\n"
         "(二) 政府性基金预算拨款           0 (六) 科学技术支出                0           0\n"
         "(三) 国有资本经营预算拨款          0 (七) 文化旅游体育与传媒支出           0           0\n"
         "                          (八) 社会保障和就业支出         12.24       12.24\n"
         "                          (九) 社会保险基金支出              0           0\n"
         "                          (十) 卫生健康支出             5.69        5.69\n"
         "                          (十一) 节能环保支出               0           0\n"
         "                          (十二) 城乡社区支出               0           0\n"
         "                          (十三) 农林水支出                0           0\n"
         "                          (十四) 交通运输支出               0           0\n"
         "                          (十五) 资源勘探工业信息等支出          0           0\n"
         "                          (十六) 商业服务业等支出             0           0\n"
         "                          (十七) 金融支出                 0           0\n"
         "                          (十八) 援助其他地区支出             0           0\n"
         "\f            收入                                         支出\n"
         "       项目        决算数              支出科目         合计       一般公共预算       政府性基金预算   国有资本经营预算\n"
         "                          (十九) 自然资源海洋气象等支出           0           0\n"
         "                          (二十) 住房保障支出             6.12        6.12\n"
         "                          (二十一) 粮油物资储备支出             0           0\n"
         "                          (二十二) 国有资本经营预算支出           0           0\n"
         "                          (二十三) 灾害防治及应急管理支出          0           0\n"
         "                          (二十四) 其他支出                 0           0\n"
         "                          (二十五) 转移性支出                0           0\n"
         "                          (二十六) 债务付息支出               0           0\n"
         "                          (二十七) 债务发行费用支出             0           0\n"
         "                          (二十八) 抗疫特别国债安排的支出          0           0\n"
         "                          二、结转下年                     0           0\n"
         "收入总计             1,288.38 支出总计                1,288.38    1,288.38\n"
         );
    const br_table *t = table(BR_KIND_FISCAL_SUMMARY);
    cr_assert_str_eq(cells(row(t, "外交支出")), "total=0,gpb=0");
    cr_assert_str_eq(cells(row(t, "国防支出")), "total=0,gpb=0");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A table of two sides continued on a page that prints its columns three
 * characters further right: that page's repeated header places its rows. */
Test(layout_space, narrow_text_two_sided_continuation_page_own_columns)
{
    load(
         "重庆市黔江区档案馆 2021 年财政拨款收支总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "         收入                                              支出\n"
         "       项目         预算数               支出科目        合计        一般公共预算       政府性基金预算   国有资本经营预算\n"
         "一、本年收入           2,041.54   一、本年支出            2,041.54      2,041.54\n"
         "(一) 一般公共预算拨款     2,041.54   (一) 一般公共服务支出      1,968.07      1,968.07\n"
         "(二) 政府性基金预算拨款        0.00   (二) 外交支出              0.00          0.00\n"
         "(三) 国有资本经营预算拨款       0.00   (三) 国防支出              0.00          0.00\n"
         "二、上年结转               0.00   (四) 公共安全支出            0.00          0.00\n"
         "(一) 一般公共预算拨款         0.00   (五) 教育支出              0.00          0.00\n"
         "(二) 政府性基金预算拨款        0.00   (六) 科学技术支出            0.00          0.00\n"
         "(三) 国有资本经营预算拨款       0.00   (七) 文化旅游体育与传媒支出       0.00          0.00\n"
         "                            (八) 社会保障和就业支出        41.90         41.90\n"
         "                            (九) 社会保险基金支出          0.00          0.00\n"
         "                            (十) 卫生健康支出           13.22         13.22\n"
         "                            (十一) 节能环保支出           0.00          0.00                        9\n"
         "\f             收入                                             支出\n"
         "        项目        预算数                支出科目          合计        一般公共预算       政府性基金预算   国有资本经营预算\n"
         "                             (十二) 城乡社区支出             0.00          0.00\n"
         "                             (十三) 农林水支出              0.00          0.00\n"
         "                             (十四) 交通运输支出             0.00          0.00\n"
         "                             (十五) 资源勘探工业信息等支出        0.00          0.00\n"
         "                             (十六) 商业服务业等支出           0.00          0.00\n"
         "                             (十七) 金融支出               0.00          0.00\n"
         "                             (十八) 援助其他地区支出           0.00          0.00\n"
         "                             (十九) 自然资源海洋气象等支出        0.00          0.00\n"
         "                             (二十) 住房保障支出            18.35         18.35\n"
         "                             (二十一) 粮油物资储备支出          0.00          0.00\n"
         "                             (二十二) 国有资本经营预算支出        0.00          0.00\n"
         "                             (二十三) 灾害防治及应急管理支出       0.00          0.00\n"
         "                             (二十四) 其他支出              0.00          0.00\n"
         "                             (二十五) 转移性支出             0.00          0.00\n"
         "                             (二十六) 债务付息支出            0.00          0.00\n"
         "                             (二十七) 债务发行费用支出          0.00          0.00\n"
         "                             (二十八) 抗疫特别国债安排的支出       0.00          0.00\n"
         "                             二、结转下年                  0.00          0.00\n"
         " 收入总计             2,041.54   支出总计                2,041.54      2,041.54\n"
         );
    const br_table *t = table(BR_KIND_FISCAL_SUMMARY);
    cr_assert_str_eq(cells(row(t, "城乡社区支出")), "total=0.00,gpb=0.00");
    cr_assert_str_eq(cells(row(t, "住房保障支出")), "total=18.35,gpb=18.35");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* The same, the new page's header a character off its figures' shift
 * (合计 where it was, the figures one right): pairs of zeros stay under
 * 合计 | 一般公共预算, not one column further on. */
Test(layout_space, narrow_text_continuation_header_rounded_anew)
{
    load(
         "重庆市开州区信访办公室 2021 年财政拨款收支决\n"
         "\n"
         "算总表\n"
         "\n"
         "部门名称：重庆市开州区信访办公室                       单位：万元\n"
         "\n"
         "         收入                                               支出\n"
         "       项目         决算数               支出科目         合计        一般公共预算       政府性基金预算   国有资本经营预算\n"
         "一、本年收入           1,786.06   一、本年支出             1,786.06      1,786.06\n"
         "(一) 一般公共预算拨款     1,786.06   (一) 一般公共服务支出       1,651.90      1,651.90\n"
         "(二) 政府性基金预算拨款           0   (二) 外交支出                  0             0\n"
         "(三) 国有资本经营预算拨款          0   (三) 国防支出                  0             0\n"
         "二、上年结转                  0   (四) 公共安全支出                0             0\n"
         "(一) 一般公共预算拨款            0   (五) 教育支出                  0             0\n"
         "(二) 政府性基金预算拨款           0   (六) 科学技术支出                0             0\n"
         "(三) 国有资本经营预算拨款          0   (七) 文化旅游体育与传媒支出           0             0\n"
         "                            (八) 社会保障和就业支出         73.18         73.18\n"
         "                            (九) 社会保险基金支出              0             0\n"
         "                            (十) 卫生健康支出            24.39         24.39\n"
         "                            (十一) 节能环保支出               0             0\n"
         "\f            收入                                             支出\n"
         "       项目        决算数                支出科目         合计         一般公共预算       政府性基金预算   国有资本经营预算\n"
         "                            (十二) 城乡社区支出                0             0\n"
         "                            (十三) 农林水支出                 0             0\n"
         "                            (十四) 交通运输支出                0             0\n"
         "                            (十五) 资源勘探工业信息等支出           0             0\n"
         "                            (十六) 商业服务业等支出              0             0\n"
         "                            (十七) 金融支出                  0             0\n"
         "                            (十八) 援助其他地区支出              0             0\n"
         "                            (十九) 自然资源海洋气象等支出           0             0\n"
         "                            (二十) 住房保障支出            36.59         36.59\n"
         "                            (二十一) 粮油物资储备支出             0             0\n"
         "                            (二十二) 国有资本经营预算支出           0             0\n"
         "                            (二十三) 灾害防治及应急管理支出          0             0\n"
         "                            (二十四) 其他支出                 0             0\n"
         "                            (二十五) 转移性支出                0             0\n"
         "                            (二十六) 债务付息支出               0             0\n"
         "                            (二十七) 债务发行费用支出             0             0\n"
         "                            (二十八) 抗疫特别国债安排的支出          0             0\n"
         "                            二、结转下年                     0             0\n"
         "收入总计             1,786.06   支出总计                1,786.06      1,786.06\n"
         );
    const br_table *t = table(BR_KIND_FISCAL_SUMMARY);
    cr_assert_str_eq(cells(row(t, "城乡社区支出")), "total=0,gpb=0");
    cr_assert_str_eq(cells(row(t, "金融支出")), "total=0,gpb=0");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* "项目支 基本支" over "出 … 出": each last character, centred under its
 * cell as printed (two columns right of it in a count of one per
 * character), ends that cell — not a column of its own. */
Test(layout_space, narrow_text_stacked_last_characters)
{
    load(
         "\f附件 2\n"
         "\n"
         "重庆市南川区司法局 2021 年一般公共预算财政拨款支出决算表\n"
         "\n"
         "编制部门：重庆市南川区司法局                          单位:万元\n"
         "\n"
         "               功能分类            2020 年       2021 年决算数\n"
         "  科目编             科目名          决算数       总计     项目支 基本支\n"
         "   码                称                             出     出\n"
         "            合计                 929.00   872.86 357.74 515.12\n"
         "  204       公共安全支出             799.34   757.66 357.74 399.92\n"
         "  20406     司法                 799.34   757.66 357.74 399.92\n"
         "  2040601   行政运行               455.91   399.92      0 399.92\n"
         "  2040602   一般行政管理事务           343.43   357.74 357.74      0\n"
         "  208       社会保障和就业支出           72.56    58.83      0  58.83\n"
         "  20805     行政事业单位养老支出          72.56    58.83      0  58.83\n"
         "  2080505   机关事业单位基本养老保险缴费支出    49.03    39.22      0  39.22\n"
         "  2080506   机关事业单位职业年金缴费支出      23.53    19.61      0  19.61\n"
         "  210       卫生健康支出              28.28     27.0      0  26.96\n"
         "  21011     行政事业单位医疗            28.28    26.96      0  26.96\n"
         "  2101101   行政单位医疗              19.61    19.61      0  19.61\n"
         "  2101103   公务员医疗补助              8.67     7.35      0   7.35\n"
         "  221       住房保障支出              28.82     29.4      0  29.41\n"
         "  22102     住房改革支出              28.82    29.41      0  29.41\n"
         "  2210201   住房公积金               28.82    29.41      0  29.41\n"
         "— 15 —\n"
         );
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(columns(t), "prev_total,total,project,basic");
    cr_assert_str_eq(cells(row(t, "20406")), "prev_total=799.34,total=757.66,project=357.74,basic=399.92");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Two groups of sub-columns ("年初特定目标" over 小计 … 民生配套项目, "上级专项"
 * over 小计 … 市级专项) in a text that counts one column per character: a
 * heading is centred only roughly on its run there — the second group takes
 * every cell between the first group and the end, its 小计 and 市级专项 too. */
Test(layout_space, narrow_text_second_group_takes_its_edge_cells)
{
    load(
         "\f表九\n"
         "\n"
         "重庆市涪陵区退役军人事务局 2021 年项目支出明细表\n"
         "\n"
         "部门名称：重庆市涪陵区退役军人事务局            单位：万元\n"
         "\n"
         " 序号          预算单位          项目名称        合计                      年初特定目标                                   上级专项\n"
         "                                                小计      人员性项目     一般性项目       民生配套项目       小计      提前下达专项   结转项目   市级专项\n"
         "                         合计           836.62   807.61      16.83    439.21       351.57    29.01                     29.01\n"
         " 1       重庆市涪陵区退役军人事务局   困难退役军人帮扶     156.21   156.21               156.21\n"
         "                         经费\n"
         " 2       重庆市涪陵区退役军人事务局   退役军人服务站运     276.00   276.00                276.00\n"
         "                         行经费\n"
         " 3       重庆市涪陵区退役军人事务局   双拥工作经费        16.83    16.83      16.83\n"
         " 4       重庆市涪陵区退役军人事务局   烈士纪念设施维护     351.57   351.57                             351.57\n"
         "                         经费\n"
         " 5       重庆市涪陵区退役军人事务局   退役军人就业培训       7.00     7.00                  7.00\n"
         "                         经费\n"
         " 6       重庆市涪陵区退役军人事务局   2020 年上级      29.01                                               29.01                     29.01\n"
         "                         转移支付专项\n"
         "第 20 页\n"
         );
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_str_eq(columns(t), "total,annual_subtotal,annual_personnel,annual_general,"
                                 "annual_livelihood,superior_subtotal,superior_advance,"
                                 "superior_carryover,superior_municipal");
    cr_assert_str_eq(cells(row(t, "合计")),
                     "total=836.62,annual_subtotal=807.61,annual_personnel=16.83,annual_general=439.21,"
                     "annual_livelihood=351.57,superior_subtotal=29.01,superior_municipal=29.01");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* The same groups where the second heading ("上级专项") only touches the
 * cells under it in a count of one column per character: it is no column
 * of its own, and the first group still reaches its 小计. */
Test(layout_space, narrow_text_group_heading_touching_its_cells)
{
    load(
         "\f重庆市渝北区科学技术局 2022 年项目支出决算明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         " 序号      预算单位           项目名称        合计                       年初特定目标                                    上级专项\n"
         "                                                小计       人员性项目  一般性项目       民生配套项目       小计      提前下达专项    结转项目   市级专项\n"
         "                     合计            1,363.28   1,313.89            597.89       716.00    49.39       49.39\n"
         " 1    重庆市渝北区科学技术局    科普活动经费          716.00     716.00              0.00       716.00     0.00        0.00\n"
         " 2    重庆市渝北区科学技术局    科技成果转化奖励资金      597.89     597.89            597.89         0.00     0.00        0.00\n"
         "                     2021 年上级转移支\n"
         " 3     重庆市渝北区科学技术局   付专项             49.39       0.00                0.00         0.00   49.39       49.39\n"
         "第 16 页\n"
         );
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_str_eq(columns(t), "total,annual_subtotal,annual_personnel,annual_general,"
                                 "annual_livelihood,superior_subtotal,superior_advance,"
                                 "superior_carryover,superior_municipal");
    cr_assert_str_eq(cells(row(t, "科普活动经费")),
                     "total=716.00,annual_subtotal=716.00,annual_general=0.00,"
                     "annual_livelihood=716.00,superior_subtotal=0.00,superior_advance=0.00");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Two header cells each wrapped over two lines whose lines pdftotext ran
 * into one line ("公务用车 购置 公务用车运行 维护费"): two cells, each cut at
 * a space of its own — not four names, "公务用车运行" naming nothing. */
Test(layout_space, narrow_text_header_cells_lines_run_together)
{
    load(
         "\f附件 4\n"
         "\n"
         "重庆市铜梁区司法局 2023 年一般公共预算“三公”经费支出表\n"
         "\n"
         "编制部门：重庆市铜梁区司法局                   单位:万元\n"
         "\n"
         "部门编 码   部门名称                           2022 年预算数                                                     2023 年预算数\n"
         "               总计      因公出国 (境) 费 用         公务用车购置及运行费         公务接待费     总计      因公出 国(境) 费用             公务用车购置及运行费          公务接 待费\n"
         "                                      公务用车 购置 公务用车运行 维护费                                       小计     公务用车购置 公务用车运 行维护费\n"
         "        合计     13.72                                   10.00      3.72   10.00                 10.00                 10.00\n"
         "349     司法局    13.72                                   10.00      3.72   10.00                 10.00                 10.00\n"
         "\f附件 5\n"
         );
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(columns(t), "prev_total,prev_abroad,prev_vehicle_purchase,"
                                 "prev_vehicle_operation,prev_reception,total,abroad,"
                                 "vehicle_subtotal,vehicle_purchase,vehicle_operation,reception");
    cr_assert_str_eq(cells(row(t, "349")),
                     "prev_total=13.72,prev_vehicle_operation=10.00,prev_reception=3.72,total=10.00,"
                     "vehicle_subtotal=10.00,vehicle_operation=10.00");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* 预算数 | 决算数 pairs under 小计 | 购置费 | 运行维护费 run together into one
 * span ("预算数 决算数 预算数 决算数 预算数 决算数") and cut up evenly: no
 * heading is centred over its pair, so each pair goes to the header's
 * leaves in order. */
Test(layout_space, narrow_text_stage_pairs_run_together)
{
    load(
         "\f附件 4\n"
         "\n"
         "重庆市铜梁区信访办公室 2024 年财政拨款“三公”经费支出决算表\n"
         "\n"
         "编制部门：重庆市铜梁区信访办公室                             单位:万元\n"
         "\n"
         " 部门编码   部门名称        合计           因公出国(境)费              公务用车购置及运行维护费              公务接待费\n"
         "                                                  小计        购置费    运行维护费\n"
         "               预算数      决算数      预算数   决算数   预算数 决算数 预算数 决算数 预算数 决算数            预算数     决算数\n"
         "        合计      16.29    11.00                15.10  10.00        15.10 10.00    1.19    1.00\n"
         " 254    信访办     16.29    11.00                15.10  10.00        15.10 10.00    1.19    1.00\n"
         );
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(columns(t),
                     "budget_total,total,budget_abroad,abroad,budget_vehicle_subtotal,"
                     "vehicle_subtotal,budget_vehicle_purchase,vehicle_purchase,"
                     "budget_vehicle_operation,vehicle_operation,budget_reception,reception");
    cr_assert_str_eq(cells(row(t, "254")),
                     "budget_total=16.29,total=11.00,budget_vehicle_subtotal=15.10,"
                     "vehicle_subtotal=10.00,budget_vehicle_operation=15.10,vehicle_operation=10.00,"
                     "budget_reception=1.19,reception=1.00");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Two year headings, "2021年" over 决算数 and "2022年预算数" over 合计 |
 * 基本支出 | 项目支出 (the last two stacked over two lines): the first is
 * centred on a run from the label column 科目名称 to 合计 — but a heading
 * heads figure columns only, so 合计 is this year's, not a second previous
 * year's total. */
Test(layout_space, narrow_text_year_over_stacked_cells)
{
    load(
         "\f附件 2\n"
         "\n"
         "重庆市黔江区医疗保障局 2022 年一般公共预算财政拨款支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "  科目编码              科目名      2021年              2022年预算数\n"
         "类   款  项             称       决算数         合计        基本支    项目支\n"
         "                                                     出      出\n"
         "                 合计          4,500.96   4407.19    701.76 3705.43\n"
         "208              社会保障和就业支出      73.13     82.17     82.17       0\n"
         "                 行政事业单位养老支\n"
         "208    05        出             73.13      82.17    82.17         0\n"
         "                 机关事业单位基本养\n"
         "208    05   05   老保险缴费支出       38.89      54.78    54.78         0\n"
         "                 机关事业单位职业年\n"
         "208    05   06   金缴费支出          34.24     27.39    27.39         0\n"
         "210              卫生健康支出      4,398.25    4283.9   578.51   3705.43\n"
         "210    11        行政事业单位医疗       36.23     38.81    38.81         0\n"
         "210    11   1    行政单位医疗         20.75     20.54    20.54         0\n"
         "210    11   03   公务员医疗补助         8.52     10.27    10.27         0\n"
         "                 其他行政事业单位医\n"
         " 210 11     99   疗支出             6.96      8.00     8.00         0\n"
         " 210 15          医疗保障管理事务    4,362.02   4245.13   539.70   3705.43\n"
         " 210 15     01   行政运行          593.67    539.70   539.70         0\n"
         " 210 15     2    一般行政管理事务    3,039.05   2979.46        0   2979.46\n"
         " 210 15     04   信息化建设          75.21    103.03        0    103.03\n"
         " 210 15     06   医疗保障经办事务      654.09    622.94        0    622.94\n"
         " 221             住房保障支出         29.58     41.08    41.08         0\n"
         " 221 02          住房改革支出         29.58     41.08    41.08         0\n"
         " 221 02     1    住房公积金          29.58     41.08    41.08         0\n"
         "第 15 页\n"
         );
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(columns(t), "prev_total,total,basic,project");
    cr_assert_str_eq(cells(row(t, "合计")),
                     "prev_total=4500.96,total=4407.19,basic=701.76,project=3705.43");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* 人员经费 | 日常公用经费 each stacked over two lines, their first lines run
 * together ("人员经 日常公" over "费" and "用经费"): two cells, each completed
 * by the fragment under it — not one unknown heading over two columns. */
Test(layout_space, narrow_text_stacked_first_lines_run_together)
{
    load(
         "\f附件3\n"
         "\n"
         "重庆市梁平区信访办公室 2022 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "              经济分类科目            2022 年基本支出\n"
         "    科目编           科目名         总计     人员经 日常公\n"
         "      码            称                   费    用经费\n"
         "    301     工资福利支出           149.17 149.17   0.00\n"
         "                              64.48   64.48  0.00\n"
         "    30101   基本工资\n"
         "                             35.04   35.04    0.00\n"
         "    30102   津贴补贴\n"
         "    30108   机关事业单位基本养老保险缴费   15.92   15.92    0.00\n"
         "    30109   职业年金缴费            7.96    7.96    0.00\n"
         "    30110   职工基本医疗保险缴费        7.96    7.96    0.00\n"
         "                              2.99    2.99    0.00\n"
         "    30111   公务员医疗补助缴费\n"
         "                              2.88    2.88    0.00\n"
         "    30112   其他社会保障缴费\n"
         "                             11.94   11.94    0.00\n"
         "    30113   住房公积金\n"
         "    302     商品和服务支出          81.21    0.00   81.21\n"
         "    30201   办公费               2.25    0.00    2.25\n"
         "    30202   印刷费               3.08    0.00    3.08\n"
         "    30205   水费                7.73    0.00    7.73\n"
         "    30207   邮电费               3.09    0.00    3.09\n"
         "                                10    0.00      10\n"
         "    30209   物业管理费\n"
         "                              2.51    0.00    2.51\n"
         "    30213   维修（护）费\n"
         "8\n"
         "\f重庆市梁平区信访办公室\n"
         "\n"
         "2022 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "            经济分类科目          2022 年基本支出\n"
         "  科目编           科目名       总计     人员经 日常公\n"
         "    码            称                费    用经费\n"
         "  30215   会议费              0.28   0.00  0.28\n"
         "                           1.66   0.00  1.66\n"
         "  30216   培训费\n"
         "  30217   公务接待费                1   0.00       1\n"
         "  30226   劳务费               6.27   0.00    6.27\n"
         "  30231   公务用车运行维护费           12   0.00      12\n"
         "  30239   其他交通费用            4.42   0.00    4.42\n"
         "  30299   其他商品和服务支出        26.92   0.00   26.92\n"
         "  303     对个人和家庭的补助           12     12    0.00\n"
         "  30307   医疗费补助               12     12    0.00\n"
         "          合计              242.38 161.17   81.21\n"
         );
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_str_eq(columns(t), "total,personnel,public");
    cr_assert_str_eq(cells(row(t, "合计")), "total=242.38,personnel=161.17,public=81.21");
    cr_assert_str_eq(cells(row(t, "30231")), "total=12,personnel=0.00,public=12");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Two cells of a group one space apart, the second named only under its
 * heading ("提前下达专项 结转项目" under 上级专项): two columns. */
Test(layout_space, narrow_text_cells_named_under_their_heading_one_space_apart)
{
    load(
         "\f公开09表\n"
         "\n"
         "重庆市南川区退役军人事务局 2020 年项目支出明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "  序号        预算单位           项目名称        合计                  年初特定目标                             上级专项\n"
         "                                               小计      人员性项目 一般性项目       民生配套项目   小计      提前下达专项 结转项目     市级专项\n"
         "  1     重庆市南川区退役军人事务局   退役军人服务站运行经费    35.00   35.00            35.00\n"
         "  2     重庆市南川区退役军人事务局   困难退役军人帮扶经费     51.65   51.65            51.65\n"
         "  3     重庆市南川区退役军人事务局   上级专项补助资金       21.67                                      21.67           21.67\n"
         "                        合计            108.32   86.65             86.65            21.67           21.67\n"
         );
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_str_eq(columns(t), "total,annual_subtotal,annual_personnel,annual_general,"
                                 "annual_livelihood,superior_subtotal,superior_advance,"
                                 "superior_carryover,superior_municipal");
    cr_assert_str_eq(cells(row(t, "上级专项补助资金")),
                     "total=21.67,superior_subtotal=21.67,superior_carryover=21.67");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A table continued on a page whose repeated header stacks its names over
 * lines ("人员" / "经费", "日常" / "公用" / "经费"), placed further left: a
 * name's first line places its column on that page, so 302's items stay
 * under 日常公用经费. */
Test(layout_space, narrow_text_continuation_header_stacked_names)
{
    load(
         "重庆市大足区政务服务管理办公室 2020 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "             经济分类科目          2020 年基本支出\n"
         "科目               科目       总计       人员    日常\n"
         "编码               名称                经费    公用\n"
         "                                         经费\n"
         "                         631.16   540.64 90.52\n"
         "        合计\n"
         "                         540.64   540.64\n"
         "301     工资福利支出\n"
         "30101   基本工资             187.44   187.44\n"
         "                         178.64   178.64\n"
         "30102   津贴补贴\n"
         "                          58.57    58.57\n"
         "30108   机关事业单位基本养老保险缴费\n"
         "30109   职业年金缴费            29.29    29.29\n"
         "30110   职工基本医疗保险缴费        25.63    25.63\n"
         "30111   公务员医疗补助缴费         10.98    10.98\n"
         "30112   其他社会保障缴费           6.16     6.16\n"
         "30113   住房公积金             43.93    43.93\n"
         "                          90.52            90.52\n"
         "302     商品和服务支出\n"
         "30201   办公费                4.44             4.44\n"
         "                            1.8              1.8\n"
         "30202   印刷费\n"
         "30205   水费                  3.6              3.6\n"
         "                             20               20\n"
         "30207   邮电费\n"
         "\f重庆市大足区政务服务管理办公室 2020 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "          经济分类科目       2020 年基本支出\n"
         "科目            科目     总计      人员  日常\n"
         "编码            名称             经费  公用\n"
         "                                 经费\n"
         "30216   培训费             7          7\n"
         "                        5          5\n"
         "30217   公务接待费\n"
         "                      7.09       7.09\n"
         "30227   委托业务费\n"
         "                      9.46       9.46\n"
         "30228   工会经费\n"
         "                       19         19\n"
         "30229   福利费\n"
         "                        8          8\n"
         "30231   公务用车运行维护费\n"
         "                      5.13       5.13\n"
         "30239   其他交通费用\n"
         );
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_str_eq(columns(t), "total,personnel,public");
    cr_assert_str_eq(cells(row(t, "30216")), "total=7,public=7");
    cr_assert_str_eq(cells(row(t, "30239")), "total=5.13,public=5.13");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* 基本支出 in two panels (人员经费 | 日常公用经费, each 科目编码 | 科目名称 |
 * 预算数) in a count of one column per character: the left panel's
 * 预算数 glued to the right panel's 科目编码 in the header ("预算数 科目编码"),
 * and each left figure to the right code ("109.7 302", "9 30228") — cells
 * of their own. */
Test(layout_space, narrow_text_two_panels_figure_glued_to_next_code)
{
    load(
         "\f附件 3\n"
         "\n"
         "重庆市开州区机关事务管理局 2024 年一般公共预算财政拨款基本支出决算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "              人员经费                        日常公用经费\n"
         " 科目编码          科目名称       预算数 科目编码          科目名称     预算数\n"
         " 301     工资福利支出           438.57 302     商品和服务支出     145.34\n"
         " 30101   基本工资             157.52 30201   办公费             10\n"
         " 30102   津贴补贴              97.24 30203   咨询费           9.44\n"
         " 30107   绩效工资                 44 30206   电费           29.64\n"
         " 30108   机关事业单位基本养老保险缴费     47.8 30209   物业管理费         1.24\n"
         " 30109   职业年金缴费             23.9 30211   差旅费            2.1\n"
         " 30110   职工基本医疗保险缴费         23.9 30212   因公出国（境）费用     9.44\n"
         " 30112   其他社会保障缴费           8.36 30213   维修（护）费          28\n"
         " 30113   住房公积金             35.85 30215   会议费           7.93\n"
         " 303     对个人和家庭的补助         22.82 30217   公务接待费            1\n"
         " 30302   退休费                3.49 30226   劳务费          10.88\n"
         " 30305   生活补助                  9 30228   工会经费         20.15\n"
         " 30307   医疗费补助                 6 30231   公务用车运行维护费     7.29\n"
         " 30309   奖励金                4.33 30239   其他交通费用        4.32\n"
         "\f重庆市开州区机关事务管理局\n"
         "\n"
         "2024 年一般公共预算财政拨款基本支出决算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "            人员经费                            日常公用经费\n"
         " 科目编码        科目名称         预算数      科目编码       科目名称     预算数\n"
         "                                   30299   其他商品和服务支出     3.91\n"
         "        人员经费合计            461.39           公用经费合计      145.34\n"
         );
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_str_eq(columns(t), "personnel,public,total");
    cr_assert_str_eq(cells(row(t, "30305")), "personnel=9,total=9");
    cr_assert_str_eq(cells(row(t, "30228")), "public=20.15,total=20.15");
    cr_assert_str_eq(cells(row(t, "302")), "public=145.34,total=145.34");
    cr_assert_str_eq(cells(row(t, "30299")), "public=3.91,total=3.91");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Year-stage cells under six headings run together into long spans
 * ("2023 年预算数 2024 年预算数 …", eight cells of sixteen words): every cell
 * is read, not the first few. */
Test(layout_space, narrow_text_many_stage_cells_run_together)
{
    load(
         "\f附件 4\n"
         "\n"
         "重庆市南川区医疗保障局 2024 年一般公共预算“三公”经费支出表\n"
         "\n"
         "编制单位：重庆市南川区医疗保障局                    单位:万元\n"
         "\n"
         "部门编码   部门名称           合计               因公出国(境)费                                   公务用车购置及运行费                                 公务接待费\n"
         "                                                                    小计              公务用车购置费                运行费\n"
         "              2023 年预算数 2024 年预算数 2023 年预算数   2024 年预算数   2023 年预算数 2024 年预算数 2023 年预算数 2024 年预算数 2023 年预算数 2024 年预算数 2023 年预算数 2024 年预算数\n"
         "       合计            5.98      39.00                             3.00      39.00               27.00     3.00      12.00     2.98\n"
         "148    医保局           5.98      39.00                             3.00      39.00               27.00     3.00      12.00     2.98\n"
         );
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(columns(t), "prev_total,total,prev_abroad,abroad,prev_vehicle_subtotal,"
                                 "vehicle_subtotal,prev_vehicle_purchase,vehicle_purchase,"
                                 "prev_vehicle_operation,vehicle_operation,prev_reception,reception");
    cr_assert_str_eq(cells(row(t, "148")),
                     "prev_total=5.98,total=39.00,prev_vehicle_subtotal=3.00,vehicle_subtotal=39.00,"
                     "vehicle_purchase=27.00,prev_vehicle_operation=3.00,vehicle_operation=12.00,"
                     "prev_reception=2.98");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A continued page whose repeated header names two columns alike (小计 of
 * 年初特定目标, 小计 of 上级专项): each 小计 in turn places its column, and
 * the page's rows go by that page's columns. */
Test(layout_space, narrow_text_continuation_header_names_twice)
{
    load(
         "\f附件 10\n"
         "\n"
         "重庆市合川区信访办公室 2022 年项目支出决算明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "序号         预算单位            项目名称     合计                          年初特定目标                                上级专项\n"
         "                                                小计       人员性项目     一般性项目       民生配套项目   小计      提前下达专项    结转项目   市级专项\n"
         "                                   2,010.56   1,996.04    1,395.16   600.88             14.52       14.52\n"
         "                      合计\n"
         "1       重庆市合川区信访办公室                 300.00     300.00                 300.00\n"
         "                      律师参与信访工作经费\n"
         "2       重庆市合川区信访办公室   信访信息系统运行经费     243.00     243.00                243.00\n"
         "3       重庆市合川区信访办公室   信访维稳专项经费     1,395.16   1,395.16    1,395.16\n"
         "-20-\n"
         "\f重庆市合川区信访办公室 2022 年项目支出决算明细表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "序号        预算单位           项目名称         合计                   年初特定目标                              上级专项\n"
         "                                              小计       人员性项目  一般性项目      民生配套项目   小计      提前下达专项   结转项目   市级专项\n"
         "4      重庆市合川区信访办公室                    57.88    57.88             57.88\n"
         "                     矛盾纠纷化解经费\n"
         "5      重庆市合川区信访办公室   2021 年上级转移支付专项   14.52                                       14.52      14.52\n"
         "-21-\n"
         );
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_str_eq(cells(row(t, "矛盾纠纷化解经费")),
                     "total=57.88,annual_subtotal=57.88,annual_general=57.88");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A coded row whose label stands a line below its figures, its code's
 * parts printed well right of 类 | 款 | 项 ("201    08 02" over "一般行政
 * 管理事务"): 02 is the code's last part, not a figure. */
Test(layout_space, narrow_text_code_parts_far_from_their_headings)
{
    load(
         "重庆市荣昌区审计局 2021 年部门\n"
         "\n"
         "支出决算总表\n"
         "\n"
         "编制部门：重庆市荣昌区审计局                        单位:万元\n"
         "\n"
         " 科目编码                 功能              2021年决算数\n"
         "类  款 项                分类           合计     基本   项目\n"
         "                      科目                  支出   支出\n"
         "                      名称\n"
         "201            一般公共服务支出           2575.85 447.71 2128.14\n"
         "201    08      审计事务               2575.85 447.71 2128.14\n"
         "201    08 01   行政运行                447.71 447.71\n"
         "201    08 02                      1081.15        1081.15\n"
         "               一般行政管理事务\n"
         "201    08 04   审计业务               1046.99            1046.99\n"
         "208            社会保障和就业支出            64.36    64.36\n"
         "208    05      行政事业单位养老支出           64.36    64.36\n"
         "208    05 01   行政单位离退休               1.65     1.65\n"
         "208    05 05   机关事业单位基本养老保险缴费支出     41.81    41.81\n"
         "208    05 6    机关事业单位职业年金缴费支出       20.90    20.90\n"
         "210            医疗卫生与计划生育支出          24.66    24.66\n"
         "210    11      行政事业单位医疗             24.66    24.66\n"
         "210    11 01   行政单位医疗               15.68    15.68\n"
         "210    11 3    公务员医疗补助               7.84     7.84\n"
         "210    11 99                         1.14     1.14\n"
         "               其他行政事业单位医疗支出\n"
         "221                                 31.36    31.36\n"
         "               住房保障支出\n"
         "221    02      住房改革支出               31.36    31.36\n"
         "221    02 01                        31.36    31.36\n"
         "               住房公积金\n"
         "               合计                 2696.23   568.09   2128.14\n"
         );
    const br_table *t = table(BR_KIND_EXPENDITURE);
    cr_assert_str_eq(br_row_label(row(t, "2010802")), "一般行政管理事务");
    cr_assert_str_eq(cells(row(t, "2010802")), "total=1081.15,project=1081.15");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A group heading in a count of one column per character that lies between
 * two of its cells, touching neither ("年初特定目标" between 人员性项目 and
 * 一般性项目): as printed it reaches over them, and heads its run — the
 * next group does not take 民生配套项目. */
Test(layout_space, narrow_text_group_heading_between_its_cells)
{
    load(
         "\f公开表十\n"
         "\n"
         "重庆市江津区信访办公室 2021 年项目支出明细表\n"
         "\n"
         "单位：元\n"
         "\n"
         "序号      预算单位          项目名称         合计                                 年初特定目标                                   上级专项\n"
         "                                                    小计          人员性项目        一般性项目          民生配套项目   小计   提前下达专项 结转项目   市级专项\n"
         "1    重庆市江津区信访办公室   信访维稳专项经费        120,000.00      120,000.00           0.00   120,000.00\n"
         "2    重庆市江津区信访办公室   律师参与信访工作经费    5,777,300.00    5,777,300.00           0.00 5,777,300.00\n"
         "3    重庆市江津区信访办公室   信访信息系统运行经费    6,839,900.00    6,839,900.00   6,839,900.00         0.00\n"
         "4    重庆市江津区信访办公室   矛盾纠纷化解经费        476,200.00      476,200.00           0.00   476,200.00\n"
         "                   合计           13,213,400.00   13,213,400.00   6,839,900.00 6,373,500.00\n"
         );
    const br_table *t = table(BR_KIND_PROJECTS);
    cr_assert_str_eq(columns(t), "total,annual_subtotal,annual_personnel,annual_general,"
                                 "annual_livelihood,superior_subtotal,superior_advance,"
                                 "superior_carryover,superior_municipal");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* pdftotext shifts a wrapped label's figures a character right
 * ("本养老保险缴费  48.19  48.19" one column past its neighbours): the
 * figure lands nearer the next column, and 301's 人员经费 sum breaks
 * against 日常公用经费 by the same amount — the neighbouring-column pattern
 * of a rough position: one reader warning, the sums not judged, no error. */
Test(layout_space, narrow_text_neighbouring_column_is_doubted)
{
    load(
         "\f重庆市永川区司法局 2020 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "编制部门：重庆市永川区司法局                              单位:万元\n"
         "\n"
         "   经济分类科目              本年基本支出\n"
         "科目     科目          总计     人员     日常\n"
         "编码     名称                 经费     公用\n"
         "                                 经费\n"
         "        合计        598.61 450.46 148.15\n"
         "301     工资福利支出    436.13 436.13\n"
         "30101   基本工资       121.8  121.8\n"
         "30102   津贴补贴        92.4   92.4\n"
         "30107   绩效工资          87     87\n"
         "        机关事业单位基\n"
         "30108   本养老保险缴费    48.19   48.19\n"
         "30109   职业年金缴费      24.1    24.1\n"
         "        职工基本医疗保\n"
         "30110   险缴费         24.1    24.1\n"
         "        其他社会保障缴\n"
         "30112   费            2.4     2.4\n"
         "30113   住房公积金      36.14   36.14\n"
         "302     商品和服务支出   148.15           148.15\n"
         "30201   办公费         3.19             3.19\n"
         "30202   印刷费        21.38            21.38\n"
         "30203   咨询费         0.66             0.66\n"
         "30207   邮电费         6.19             6.19\n"
         "30211   差旅费        23.74            23.74\n"
         "        因公出国（境）\n"
         "30212   费用          4.24             4.24\n"
         "30213   维修（护）费     27.69            27.69\n"
         "30215   会议费            4                4\n"
         "\f重庆市永川区司法局\n"
         "\n"
         "2020 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "编制部门：重庆市永川区司法局                            单位:万元\n"
         "\n"
         "   经济分类科目             本年基本支出\n"
         "科目     科目         总计    人员   日常\n"
         "编码     名称               经费   公用\n"
         "                             经费\n"
         "30227   委托业务费     19.51      19.51\n"
         "30229   福利费        6.97       6.97\n"
         "30239   其他交通费用        1          1\n"
         "        其他商品和服务\n"
         "30299   支出        29.58           29.58\n"
         "        对个人和家庭的\n"
         "303     补助        14.33   14.33\n"
         "30305   生活补助         11      11\n"
         "        其他对个人和家\n"
         "30399   庭的补助       3.33    3.33\n"
         );
    const br_table *t = table(BR_KIND_GPB_BASIC);
    const br_cell *cell = br_row_cell(row(t, "30101"), 1);
    cr_assert(cell->flags & BR_CELL_POSITIONAL);
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
    cr_assert_eq(at_least(BR_SEV_WARNING), 1, "%s", said);
    cr_assert(strstr(said, "a figure may stand under the neighbouring column"), "%s", said);
}

/* A figure one space before a zero with the page's number after them
 * ("29.42 0      7"): the zero is the last column's figure, not a page
 * number — the page's number is the line's last. */
Test(layout_space, narrow_text_figure_glued_to_zero_before_page_number)
{
    load(
         "\f表二\n"
         "\n"
         "重庆市北碚区机关事务管理局 2023 年一般公共预算财政拨款\n"
         "\n"
         "支出决算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "          科目名称               2022 年决算数             2023 年决算数\n"
         "                                            总计       基本支出 项目支出\n"
         "合计                              2,008.33   2004.79     492.02 1512.77\n"
         "201一般公共服务支出                     1,917.04    1898.3     385.53 1512.77\n"
         "20103政府办公厅（室）及相关机构事务            1,917.04    1898.3     385.53 1512.77\n"
         "2010301行政运行                       397.10    385.53     385.53       0\n"
         "2010302一般行政管理事务                 1,480.17   1480.17          0 1480.17\n"
         "2010399其他政府办公厅（室）及相关机构事务支出         39.77      32.6          0    32.6\n"
         "208社会保障和就业支出                       52.36     59.91      59.91       0\n"
         "20805行政事业单位养老支出                    52.36     59.91      59.91       0\n"
         "2080501行政单位离退休                      0.78      1.07       1.07       0\n"
         "2080505机关事业单位基本养老保险缴费支出            32.17     39.23      39.23       0\n"
         "2080506机关事业单位职业年金缴费支出              19.41     19.61      19.61       0\n"
         "210卫生健康支出                          13.04     17.16      17.16       0\n"
         "21011行政事业单位医疗                      13.04     17.16      17.16       0\n"
         "2101101行政单位医疗                      13.04     17.16      17.16       0\n"
         "221住房保障支出                          25.89      29.4      29.42       0\n"
         "22102住房改革支出                        25.89     29.42      29.42       0\n"
         "6\n"
         "\f重庆市北碚区机关事务管理局 2023 年一般公共预算财政拨款\n"
         "\n"
         "支出决算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "               科目名称       2022 年决算数             2023 年决算数\n"
         "                                         总计       基本支出 项目支出\n"
         "2210201住房公积金                     25.89    29.42      29.42 0   7\n"
         );
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    cr_assert_str_eq(cells(row(t, "2210201")), "prev_total=25.89,total=29.42,basic=29.42,project=0");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Stage pairs under 小计 | 公务用车购置费 | 运行维护费 whose group title
 * (公务用车购置及运行维护费) is centred over the middle pair: a pair goes to a
 * leaf of the header, not to a heading over headings — here in order. */
Test(layout_space, narrow_text_stage_pair_under_a_group_title)
{
    load(
         "\f附件 4\n"
         "\n"
         "重庆市涪陵区科学技术局 2021 年财政拨款“三公”经费支出决算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "部门编码    部门名称        合计          因公出国(境)费     公务接待费                   公务用车购置及运行维护费\n"
         "                                                                 小计      公务用车购置费 运行维护费\n"
         "               预算数      决算数     预算数   决算数   预算数     决算数     预算数 决算数 预算数 决算数 预算数 决算数\n"
         "                12.03    8.00                1.15    1.00    10.88  7.00  2.62   8.26 7.00\n"
         "        合计\n"
         "414     科技局     12.03    8.00                1.15    1.00   10.88   7.00   2.62   8.26   7.00\n"
         );
    const br_table *t = table(BR_KIND_THREE_PUBLIC);
    cr_assert_str_eq(cells(row(t, "414")),
                     "budget_total=12.03,total=8.00,budget_reception=1.15,reception=1.00,"
                     "budget_vehicle_subtotal=10.88,vehicle_subtotal=7.00,"
                     "budget_vehicle_purchase=2.62,budget_vehicle_operation=8.26,"
                     "vehicle_operation=7.00");
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Two panels whose grand total stands alone under the right panel's 金额
 * ("合计 … 318"): three digits ending where figures end are the total's
 * figure, not a code waiting for its label on the next line. */
Test(layout_space, narrow_text_panels_total_of_three_digits)
{
    load(
         "\f公开表三\n"
         "\n"
         "重庆市涪陵区医疗保障局 2020 年一般公共预算财政拨款基本支出决算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "             人员经费                           公用经费\n"
         "科目编码          科目名称        金额      科目编码       科目名称     金额\n"
         "301     工资福利支出           208.24   302     商品和服务支出      91.8\n"
         "30101   基本工资              64.46   30201   办公费          3.47\n"
         "30102   津贴补贴              65.12   30203   咨询费            18\n"
         "30103   奖金                10.34   30205   水费          25.76\n"
         "30108   机关事业单位基本养老保险缴费    22.39   30211   差旅费            10\n"
         "30109   职业年金缴费            11.19   30215   会议费          3.95\n"
         "30110   职工基本医疗保险缴费         9.79   30217   公务接待费           6\n"
         "30111   公务员医疗补助缴费           4.2   30227   委托业务费           3\n"
         "30112   其他社会保障缴费           3.96   30229   福利费             7\n"
         "30113   住房公积金             16.79   30231   公务用车运行维护费   13.83\n"
         "303     对个人和家庭的补助         17.96   30299   其他商品和服务支出    0.79\n"
         "30302   退休费                   1\n"
         "30305   生活补助               5.96\n"
         "30399   其他对个人和家庭的补助          11\n"
         "        合计                                              318\n"
         );
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_str_eq(cells(row(t, "合计")), "total=318");
    cr_assert_str_eq(br_row_uncertain(row(t, "合计"))->kind, "spanning_total");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Fail closed: a code alone on its line whose label and figures never come
 * (the table ends under it) is a row lost — noted, the table uncertain, its
 * sums not judged. */
Test(layout_space, a_code_whose_row_never_comes_fails_closed)
{
    load("某某局 2022 年部门预算\n"
         "\n"
         "表八\n"
         "\n"
         "某某局 2022 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "科目编码      科目名称               合计      基本支出     项目支出\n"
         "201           一般公共服务支出       30.00       20.00        10.00\n"
         "20101         人大事务               20.00       20.00\n"
         "20102\n"
         "              合计                   30.00       20.00        10.00\n");
    const br_table *t = table(BR_KIND_EXPENDITURE);
    const br_uncertainty *u = br_table_uncertain(t, -1);
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "unread_figures");
    cr_assert(has_note("code 20102 alone on this line belongs to no row"));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A page pdftotext laid out loosely (labels wrapped, figures drifting a
 * character either way): several figures land nearer the neighbouring
 * column.  Their sums are not judged, and the table gets one reader
 * warning that counts them, not one per figure. */
Test(layout_space, narrow_text_figures_under_neighbouring_columns_one_warning)
{
    load(
         "\f附件 2\n"
         "\n"
         "重庆市江津区科学技术局 2021 年一般公共预算财政拨款支出决算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "        功能分类       上年决              本年决算数\n"
         " 科目编        项目      算数        小计     基本支 项目支\n"
         "   码                                   出      出\n"
         " 206     科学技术支出    1963.41   2107.15 255.58 1851.57\n"
         "         科学技术管理事\n"
         " 20601   务         1963.41 2107.15 255.58       1851.57\n"
         " 2060101 行政运行       212.13  255.58 255.58\n"
         "         一般行政管理事\n"
         " 2060102 务         1447.56   1462.18            1462.18\n"
         "         其他科学技术管\n"
         " 2060199 理事务支出      303.72    389.39             389.39\n"
         "         社会保障和就业\n"
         " 208     支出          23.10     25.02    25.02\n"
         "         行政事业单位养\n"
         " 20805   老支出         23.10     25.02    25.02\n"
         "         机关事业单位基\n"
         " 2080505 本养老保险缴费     13.84     16.68    16.68\n"
         "         支出\n"
         "         机关事业单位职\n"
         " 2080506 业年金缴费支出      9.26      8.34     8.34\n"
         " 210     卫生健康支出       8.38     11.47    11.47\n"
         "         行政事业单位医\n"
         " 21011   疗            8.38   11.47      11.47\n"
         " 2101101 行政单位医疗       6.00    8.34       8.34\n"
         " 2101103 公务员医疗补助      2.38    3.13       3.13\n"
         " 221     住房保障支出      10.13   12.51      12.51\n"
         " 22102   住房改革支出      10.13   12.51      12.51\n"
         " 2210201 住房公积金       10.13   12.51      12.51\n"
         "         合计        2005.02 2156.15     304.58   1851.57\n"
         );
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
    cr_assert_eq(at_least(BR_SEV_WARNING), 1, "%s", said);
    cr_assert(strstr(said, "figures of this table, this row's first, may stand under the "
                           "neighbouring column"), "%s", said);
}

/* Two panels continued on a page laid out further left: a left figure one
 * space before the right panel's code and label ("4 30228   工会经费") —
 * the code begins the right copy (a label follows it), however near the
 * first page's figure column it ends. */
Test(layout_space, narrow_text_panels_code_with_its_label_on_a_shifted_page)
{
    load(
         "\f附件 3\n"
         "\n"
         "重庆市涪陵区审计局 2020 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "编制部门：重庆市涪陵区审计局           单位:万元\n"
         "\n"
         "             人员经费                            公用经费\n"
         "科目编码          科目名称        金额      科目编码        科目名称    金额\n"
         "301     工资福利支出           293.72   302     商品和服务支出    153.74\n"
         "30101   基本工资                 89   30201   办公费            15\n"
         "30102   津贴补贴                 97   30205   水费              5\n"
         "30103   奖金                   12   30206   电费              6\n"
         "30108   机关事业单位基本养老保险缴费    31.68   30209   物业管理费        4.61\n"
         "30109   职业年金缴费            15.84   30211   差旅费         18.39\n"
         "30110   职工基本医疗保险缴费        15.84   30213   维修（护）费       25.7\n"
         "30111   公务员医疗补助缴费          5.94   30215   会议费          4.74\n"
         "30112   其他社会保障缴费           1.75   30216   培训费            20\n"
         "30113   住房公积金             23.76   30217   公务接待费           5\n"
         "30114   医疗费                0.91   30226   劳务费          3.78\n"
         "303     对个人和家庭的补助            31   30227   委托业务费          14\n"
         "\f重庆市涪陵区审计局 2020 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "编制部门：重庆市涪陵区审计局                         单位:万元\n"
         "\n"
         "            人员经费                      公用经费\n"
         "科目编码         科目名称      金额   科目编码       科目名称      金额\n"
         "30302   退休费               4 30228   工会经费         19.52\n"
         "30305   生活补助             11 30231   公务用车运行维护费        3\n"
         "30307   医疗费补助          3.54 30299   其他商品和服务支出        9\n"
         "30309   奖励金            5.46\n"
         "30399   其他对个人和家庭的补助       7\n"
         "        合计                                      478.46\n"
         );
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_str_eq(cells(row(t, "30302")), "personnel=4,total=4");
    cr_assert_str_eq(cells(row(t, "30228")), "public=19.52,total=19.52");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A table continued on a page whose repeated header runs its cells
 * together ("人员 日常" for 人员 | 日常, "经费 公用"): still the header, not a
 * line of text that ends the table — the page's rows stay in it. */
Test(layout_space, narrow_text_continuation_header_cells_run_together)
{
    load(
         "\f附件 3\n"
         "\n"
         "重庆市璧山区信访办公室 2021 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "科目编码         科目         2021 年基本支出\n"
         "类  款         名称       总计      人员    日常\n"
         "                              经费    公用\n"
         "                                    经费\n"
         "           合计        196.09 112.86 83.23\n"
         "301        工资福利支出    112.86 112.86\n"
         "301   01   基本工资       28.07   28.07\n"
         "301   02   津贴补贴       29.19   29.19\n"
         "301   3    奖金           2.1     2.1\n"
         "301   07   绩效工资       17.08   17.08\n"
         "301   08   机关事业单位基    12.23   12.23\n"
         "           本养老保险缴费\n"
         "301   09   职业年金缴费     6.12    6.12\n"
         "301   10   职工基本医疗保    6.12    6.12\n"
         "           险缴费\n"
         "301   11   公务员医疗补助    2.29    2.29\n"
         "           缴费\n"
         "301   12   其他社会保障缴    0.49    0.49\n"
         "           费\n"
         "301   13   住房公积金      9.17    9.17\n"
         "302        商品和服务支出   83.23           83.23\n"
         "302   1    办公费           6               6\n"
         "302   03   咨询费          12              12\n"
         "\f重庆市璧山区信访办公室 2021 年一般公共预算财政拨款基本支出预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "科目编码         科目        2021 年基本支出\n"
         "类  款         名称      总计      人员 日常\n"
         "                             经费 公用\n"
         "                                经费\n"
         "302   5    水费         9.02       9.02\n"
         "302   06   电费           16         16\n"
         "302   07   邮电费           2          2\n"
         "302   09   物业管理费      2.72       2.72\n"
         "302   13   维修（护）费     3.29       3.29\n"
         "302   15   会议费        1.15       1.15\n"
         "302   16   培训费          10         10\n"
         "302   26   劳务费        6.61       6.61\n"
         "302   27   委托业务费      0.77       0.77\n"
         "302   28   工会经费        6.4        6.4\n"
         "302   99   其他商品和服务    7.27       7.27\n"
         "           支出\n"
         );
    const br_table *t = table(BR_KIND_GPB_BASIC);
    cr_assert_str_eq(cells(row(t, "30206")), "total=16,public=16");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* Fail closed: a line of prose inside a coded table ends it, and rows
 * follow (a subject code, then figures): the rows after it are not read —
 * the table is uncertain and a warning names the line, instead of 201 being
 * accused of not adding up. */
Test(layout_space, rows_after_a_table_ended_on_text_fail_closed)
{
    load("某某局 2022 年部门预算\n"
         "\n"
         "表八\n"
         "\n"
         "某某局 2022 年部门支出总表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "科目编码      科目名称               合计      基本支出     项目支出\n"
         "              合计                   30.00       20.00        10.00\n"
         "201           一般公共服务支出       30.00       20.00        10.00\n"
         "20101         人大事务               20.00       20.00\n"
         "以上为本表第一部分，下接第二部分。\n"
         "20102         政协事务               10.00                    10.00\n");
    const br_table *t = table(BR_KIND_EXPENDITURE);
    const br_uncertainty *u = br_table_uncertain(t, -1);
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "unread_figures");
    cr_assert(has_note("a subject code and figures after the table above ended (line 13)"));
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}

/* A coded row whose label stands below its figures, the last part of its
 * code cut to one digit ("208   05  6" over "机关事业单位职业年金缴费支出"):
 * 6 is the code's part, not a figure of the previous year (the code,
 * damaged, is then repaired only where one code fits). */
Test(layout_space, narrow_text_one_digit_code_part_left_of_figures)
{
    load(
         "\f公开02表\n"
         "\n"
         "重庆市江津区民政局 2024 年一般公共预算财政拨款支出\n"
         "\n"
         "预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "  科目编码                    科目         2023           2024年预算数\n"
         " 类  款 项                   名称         年执        合计       项目     基本\n"
         "                                     行数                 支出     支出\n"
         "                                    2222.99   2449.33 1931.65 517.68\n"
         "                 合计\n"
         " 208             社会保障和就业支出          2165.54  2383.2 1931.65 451.58\n"
         " 208   02        民政管理事务             2097.06 2317.38 1931.65 385.73\n"
         " 208   02   01   行政运行                455.16  385.73         385.73\n"
         " 208   02   02   一般行政管理事务            1641.9 1931.65 1931.65\n"
         " 208   5         行政事业单位养老支出           68.48   65.85          65.85\n"
         " 208   05   05   机关事业单位基本养老保险缴费支出     47.85    43.9           43.9\n"
         " 208   05   6                         20.63   21.95          21.95\n"
         "                 机关事业单位职业年金缴费支出\n"
         " 210                                  29.14    33.18           33.18\n"
         "                 卫生健康支出\n"
         " 210   11                             29.14    33.18           33.18\n"
         "                 行政事业单位医疗\n"
         " 210   11 01                          18.44    21.95           21.95\n"
         "                 行政单位医疗\n"
         "\n"
         "\f重庆市江津区民政局 2024 年一般公共预算财政拨款支出\n"
         "\n"
         "预算表\n"
         "\n"
         "单位：万元\n"
         "\n"
         "  科目编码                  科目    2023         2024年预算数\n"
         " 类  款 项                 名称    年执       合计      项目   基本\n"
         "                              行数               支出   支出\n"
         " 210   11 03                    7.49    8.23         8.23\n"
         "               公务员医疗补助\n"
         " 210   11 99                    3.21      3              3\n"
         "               其他行政事业单位医疗支出\n"
         " 221                           28.31   32.92         32.92\n"
         "               住房保障支出\n"
         " 221   02      住房改革支出          28.31   32.92         32.92\n"
         " 221   02 01                   28.31   32.92         32.92\n"
         "               住房公积金\n"
         );
    const br_table *t = table(BR_KIND_GPB_EXPENDITURE);
    const br_row *r = row(t, "机关事业单位职业年金缴费支出");
    cr_assert_str_eq(cells(r), "prev_total=20.63,total=21.95,basic=21.95");
    /* (208 05 6: several codes fit there — kept without code, unsure) */
    cr_assert_str_eq(br_row_uncertain(r)->kind, "code_damaged");
    cr_assert_eq(errors(), 0, "%s", (at_least(BR_SEV_ERROR), said));
}
