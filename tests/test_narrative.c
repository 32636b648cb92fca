/*
 * The narrative (情况说明) reader of the disclosure-text plugin: department
 * name and year from the title, and every figure stated with a unit as a
 * claim with its label, class, code, value, unit, direction and line.
 *
 * tests/data/narrative_basic.txt is in the reference layout (one paragraph
 * a line, full-width punctuation, a sentence broken across a blank line);
 * narrative_layout.txt is pdftotext -layout style (indented paragraphs,
 * wrapped lines, a unit split over a line break, a page footer).
 * narrative_jiangsu_2017/2019.layout.txt are Jiangsu narratives published
 * without their tables, read by the layout-text reader: every 收入/支出 is
 * classified by its scope (department, 财政拨款, 一般公共预算, a class, a 款/项).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;
static br_disclosure *doc;

static void setup(void)
{
    br_error err = {0};
    reg = br_registry_new();
    cr_assert_not_null(reg);
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/disclosure_text.so", &err), BR_OK, "%s",
                 err.message);
}

static void teardown(void)
{
    br_disclosure_free(doc);
    doc = NULL;
    br_registry_free(reg);
}

TestSuite(narrative, .init = setup, .fini = teardown);

static const br_narrative *read_doc(const char *name)
{
    char path[512];
    br_error err = {0};
    snprintf(path, sizeof path, "%s/tests/data/%s", BR_SOURCE_DIR, name);
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), BR_OK, "%s: %s", path, err.message);
    const br_narrative *n = br_disclosure_narrative(doc);
    cr_assert_not_null(n);
    return n;
}

typedef struct want {
    long line;
    const char *label;
    const char *cls; /* NULL: unclassified */
    const char *code;
    const char *value;
    const char *unit;
    br_direction dir;
} want;

#define NONE BR_DIR_NONE
#define UP BR_DIR_INCREASE
#define DOWN BR_DIR_DECREASE
#define FLAT BR_DIR_FLAT

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void expect_claims(const br_narrative *n, const want *w, size_t count)
{
    size_t got = br_narrative_claim_count(n);
    for (size_t i = 0; i < count && i < got; i++) {
        const br_claim *c = br_narrative_claim_at(n, i);
        char value[BR_DECIMAL_STR_MAX];
        br_decimal_format(c->value, value, sizeof value);
        cr_expect_eq(c->line, w[i].line, "claim %zu (%s): line %ld, want %ld", i, w[i].label, c->line,
                     w[i].line);
        cr_expect(same(c->label, w[i].label), "claim %zu: label '%s', want '%s'", i, c->label,
                  w[i].label);
        cr_expect(same(c->claim_class, w[i].cls), "claim %zu (%s): class %s, want %s", i, w[i].label,
                  c->claim_class ? c->claim_class : "NULL", w[i].cls ? w[i].cls : "NULL");
        cr_expect(same(c->code, w[i].code), "claim %zu (%s): code %s, want %s", i, w[i].label,
                  c->code ? c->code : "NULL", w[i].code ? w[i].code : "NULL");
        cr_expect_str_eq(value, w[i].value, "claim %zu (%s): value %s, want %s", i, w[i].label, value,
                         w[i].value);
        cr_expect(same(c->unit, w[i].unit), "claim %zu (%s): unit '%s', want '%s'", i, w[i].label,
                  c->unit, w[i].unit);
        cr_expect_eq(c->direction, w[i].dir, "claim %zu (%s): direction %d, want %d", i, w[i].label,
                     (int)c->direction, (int)w[i].dir);
    }
    cr_expect_eq(got, count, "%zu claims, want %zu", got, count);
}

Test(narrative, reference_layout)
{
    const br_narrative *n = read_doc("narrative_basic.txt");
    cr_expect_str_eq(br_disclosure_department(doc), "某区财政局");
    cr_expect_eq(br_disclosure_year(doc), 2023);

    static const want w[] = {
        /* "本局内设 3 个职能科室": a count labelled by what follows its unit */
        {5, "职能科室", NULL, NULL, "3", "个", NONE},
        {5, "在职在编职工", "staff_count", NULL, "12", "人", NONE},
        {5, "退休", "retired_count", NULL, "4", "人", NONE},
        /* "截止 2022 年 12 月 31 日" is a date, not three claims */
        {5, "车辆", "vehicle_count", NULL, "2", "辆", NONE},
        {5, "一般公务用车", "vehicle_official_count", NULL, "1", "辆", NONE},
        /* the heading "(一) 收入预算" says what "年初预算数" is */
        {9, "年初预算数", "income_total", NULL, "1500.50", "万元", NONE},
        {9, "一般公共预算拨款", "income_gpb", NULL, "1480.00", "万元", NONE},
        {9, "收入较去年增加", "income_change", NULL, "20.25", "万元", UP},
        /* a percentage change takes the class of the amount change it follows */
        {9, "增长", "income_change", NULL, "4.2", "%", UP},
        {11, "年初预算数", "expenditure_total", NULL, "1500.50", "万元", NONE},
        {11, "一般公共服务", "expenditure_class", "201", "1400.00", "万元", NONE},
        {11, "住房保障", "expenditure_class", "221", "100.50", "万元", NONE},
        {11, "支出较去年减少", "expenditure_change", NULL, "12.34", "万元", DOWN},
        {15, "“三公”经费预算", "three_public_total", NULL, "8.5", "万元", NONE},
        /* "与 2022 年持平": no figure, still a claim (0, flat, the unit before it) */
        {15, "与2022年持平", "three_public_change", NULL, "0", "万元", FLAT},
        {15, "公务接待费", "three_public_reception", NULL, "3", "万元", NONE},
        {15, "公务用车购置及运行费", "three_public_vehicle", NULL, "5.5", "万元", NONE},
        {19, "一般公共预算财政拨款运行经费", "operating_expenses", NULL, "60.00", "万元", NONE},
        {19, "比上年下降", "operating_expenses_change", NULL, "2.5", "%", DOWN},
        /* "…当年财政拨" / blank line / "款 120.30 万元。": one sentence, the figure's own line */
        {23, "涉及一般公共预算当年财政拨款", "performance_amount", NULL, "120.30", "万元", NONE},
        /* the telephone number "023-12345678" is no claim */
    };
    expect_claims(n, w, sizeof w / sizeof w[0]);
}

Test(narrative, text_kept_verbatim)
{
    const br_narrative *n = read_doc("narrative_basic.txt");
    long first = 0;
    const char *text = br_narrative_text(n, &first);
    cr_assert_not_null(text);
    cr_expect_eq(first, 1);
    /* lines joined by '\n' as printed (normalised): line 23 is the 23rd */
    const char *p = text;
    for (int line = 1; line < 23 && p; line++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    cr_assert_not_null(p);
    cr_expect(strncmp(p, "款 120.30 万元。", strlen("款 120.30 万元。")) == 0, "line 23 is '%.30s'", p);
}

Test(narrative, pdf_layout_text)
{
    const br_narrative *n = read_doc("narrative_layout.txt");
    /* the title spans two lines: name, then year */
    cr_expect_str_eq(br_disclosure_department(doc), "江苏省某某厅");
    cr_expect_eq(br_disclosure_year(doc), 2019);

    static const want w[] = {
        /* the department and the year are who and when, not what */
        {5, "收入预算总计", "income_total", NULL, "1200.00", "万元", NONE},
        /* "…与上年相比增" / "加100.00万元": the wrapped line is joined */
        {6, "与上年相比增加", "income_change", NULL, "100.00", "万元", UP},
        {6, "增长", "income_change", NULL, "9.09", "%", UP},
        /* the page footer "─ 7 ─" between is skipped */
        {8, "基本支出预算数", "basic", NULL, "800.00", "万元", NONE},
        /* the unit is split over the line break: "20.00万" / "元" */
        {8, "与上年相比减少了", "basic_change", NULL, "20.00", "万元", DOWN},
        {9, "减少", "basic_change", NULL, "2.44", "%", DOWN},
        {10, "项目支出预算数", "project", NULL, "400.00", "万元", NONE},
        {10, "与上年持平", "project_change", NULL, "0", "万元", FLAT},
        {12, "因公出国(境)费支出", "three_public_abroad", NULL, "10", "万元", NONE},
        /* a share is no change */
        {12, "占“三公”经费", NULL, NULL, "50.00", "%", NONE},
        {12, "公务接待费支出", "three_public_reception", NULL, "10", "万元", NONE},
        {14, "车辆", "vehicle_count", NULL, "5", "辆", NONE},
        {14, "一般公务用车", "vehicle_official_count", NULL, "3", "辆", NONE},
        /* the posts authorised, not the staff on the payroll */
        {14, "编制", "staff_authorised", NULL, "50", "名", NONE},
        {14, "行政编制", NULL, NULL, "40", "名", NONE},
    };
    expect_claims(n, w, sizeof w / sizeof w[0]);
}

Test(narrative, reference_document)
{
    /* the reference disclosure: spot checks of what a careful reader finds */
    char path[512];
    br_error err = {0};
    snprintf(path, sizeof path, "%s/examples/000_8b975b95330ebfb5.txt", BR_SOURCE_DIR);
    FILE *f = fopen(path, "rb");
    if (!f)
        cr_skip_test("%s not present", path);
    fclose(f);
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), BR_OK, "%s", err.message);
    cr_expect_str_eq(br_disclosure_department(doc), "重庆市潼南区政务服务管理办公室");
    cr_expect_eq(br_disclosure_year(doc), 2022);
    const br_narrative *n = br_disclosure_narrative(doc);
    cr_expect_eq(br_narrative_claim_count(n), 41);

    static const struct {
        long line;
        const char *cls;
        const char *value;
        br_direction dir;
    } spot[] = {
        {19, "income_total", "1996.06", NONE},
        {21, "expenditure_change", "69.69", UP},
        {21, "basic_change", "168.26", DOWN},
        {25, "gpb_expenditure_change", "69.69", UP},
        {33, "three_public_change", "0", FLAT},
        {33, "three_public_vehicle_operation", "4", NONE},
        {37, "operating_expenses_change", "11.33", UP},
        {39, "procurement_services", "0", NONE},
        {43, "performance_amount", "1661.73", NONE},
        {45, "vehicle_official_count", "1", NONE},
    };
    for (size_t k = 0; k < sizeof spot / sizeof spot[0]; k++) {
        int found = 0;
        for (size_t i = 0; i < br_narrative_claim_count(n) && !found; i++) {
            const br_claim *c = br_narrative_claim_at(n, i);
            char value[BR_DECIMAL_STR_MAX];
            br_decimal_format(c->value, value, sizeof value);
            found = c->line == spot[k].line && same(c->claim_class, spot[k].cls) &&
                    strcmp(value, spot[k].value) == 0 && c->direction == spot[k].dir;
        }
        cr_expect(found, "no %s %s on line %ld", spot[k].cls, spot[k].value, spot[k].line);
    }
    /* no claim from the telephone number on line 63, nor from any date */
    for (size_t i = 0; i < br_narrative_claim_count(n); i++) {
        const br_claim *c = br_narrative_claim_at(n, i);
        cr_expect_neq(c->line, 63, "a claim on the contact line: %s", c->label);
        cr_expect(strcmp(c->unit, "年") && strcmp(c->unit, "月") && strcmp(c->unit, "日"),
                  "a date as a claim: %s", c->label);
    }
}

/* ---- Jiangsu narratives published apart from their tables (layout text) ---------------- */

static void setup_layout(void)
{
    setup();
    br_error err = {0};
    cr_assert_eq(br_registry_load(reg, BR_PLUGIN_BUILD_DIR "/layout.so", &err), BR_OK, "%s",
                 err.message);
}

TestSuite(jiangsu_narrative, .init = setup_layout, .fini = teardown);

Test(jiangsu_narrative, wording_2017_by_scope)
{
    /* a narrative-only document is read: claims, no table */
    const br_narrative *n = read_doc("narrative_jiangsu_2017.layout.txt");
    cr_expect_str_eq(br_disclosure_reader(doc), "layout-text");
    cr_expect_eq(br_disclosure_table_count(doc), 0);
    cr_expect_str_eq(br_disclosure_department(doc), "江苏省某某办公厅");
    cr_expect_eq(br_disclosure_year(doc), 2017);

    static const want w[] = {
        /* the posts authorised and the staff on the payroll are two figures */
        {5, "本厅编制", "staff_authorised", NULL, "339", "名", NONE},
        {5, "行政编制", NULL, NULL, "199", "名", NONE},
        {6, "实际在编在职人员", "staff_count", NULL, "274", "名", NONE},
        /* one sentence, two units' staff: parts, not the department's count */
        {6, "预算只包含办公厅本级在职", NULL, NULL, "7", "名", NONE},
        {7, "某某管理办公室在职", NULL, NULL, "10", "名", NONE},
        /* one figure for income and expenditure together */
        {13, "收入、支出预算总计", NULL, NULL, "20849.45", "万元", NONE},
        {14, "与上年相比收、支预算总计各增加", NULL, NULL, "2043.58", "万元", UP},
        {15, "收入预算总计", "income_total", NULL, "20849.45", "万元", NONE},
        {16, "财政拨款收入预算总计", "income_fiscal", NULL, "20702.25", "万元", NONE},
        {17, "一般公共预算收入", "income_gpb", NULL, "20702.25", "万元", NONE},
        {18, "与上年相比增加", "income_gpb_change", NULL, "2043.58", "万元", UP},
        {18, "增长", "income_gpb_change", NULL, "10.95", "%", UP},
        {19, "支出预算总计", "expenditure_total", NULL, "20849.45", "万元", NONE},
        {20, "一般公共服务(类)支出", "expenditure_class", "201", "16992.37", "万元", NONE},
        {21, "与上年相比增加", NULL, NULL, "1203.44", "万元", UP},
        {22, "基本支出预算数", "basic", NULL, "9964.07", "万元", NONE},
        {23, "与上年相比增加", "basic_change", NULL, "941.62", "万元", UP},
        {24, "单位预留机动经费预算数", "reserve", NULL, "196.72", "万元", NONE},
        {24, "与上年相同", "reserve_change", NULL, "0", "万元", FLAT},
        /* 财政拨款 (all fiscal sources): neither the department's nor 一般公共预算 */
        {26, "财政拨款预算支出", "fiscal_expenditure_total", NULL, "20702.25", "万元", NONE},
        {27, "占本年支出合计", NULL, NULL, "99.29", "%", NONE},
        {28, "财政拨款支出增加", "fiscal_expenditure_change", NULL, "2043.58", "万元", UP},
        /* the item's name wraps before "(项)": one label, and a 项 is no total */
        {31, "党委办公厅(室)及相关机构事务(款)行政运行(项)支出", NULL, NULL, "6106.99", "万元",
         NONE},
        {31, "与上年相比增加", NULL, NULL, "101.48", "万元", UP},
        {33, "财政拨款基本支出预算", "fiscal_basic", NULL, "5836.27", "万元", NONE},
        /* the 款 of the basic expenditure, not the "三公" reception */
        {35, "公务接待费(款)支出", NULL, NULL, "16", "万元", NONE},
        {38, "一般公共预算财政拨款基本支出预算", "gpb_basic", NULL, "5836.27", "万元", NONE},
        {41, "一般公共预算机关运行经费预算支出", "operating_expenses", NULL, "10101.76", "万元",
         NONE},
        {41, "比上年增加", "operating_expenses_change", NULL, "7952.30", "万元", UP},
        /* the heading wrapped over two lines ends before the paragraph */
        {44, "公务接待费预算支出", "three_public_reception", NULL, "443.50", "万元", NONE},
        {44, "减少", "three_public_reception_change", NULL, "0.8", "万元", DOWN},
        {46, "一般公共预算拨款安排的会议费预算支出", "meeting", NULL, "1305.25", "万元", NONE},
        {46, "本年数小于上年预算数", "meeting_change", NULL, "403.75", "万元", DOWN},
        {49, "一般公共预算拨款安排的培训费预算支出", "training", NULL, "403.75", "万元", NONE},
        {49, "比上年预算增加", "training_change", NULL, "403.75", "万元", UP},
    };
    expect_claims(n, w, sizeof w / sizeof w[0]);
}

Test(jiangsu_narrative, wording_2019_by_scope)
{
    const br_narrative *n = read_doc("narrative_jiangsu_2019.layout.txt");
    cr_expect_eq(br_disclosure_table_count(doc), 0);
    cr_expect_str_eq(br_disclosure_department(doc), "江苏省某某委员会办公厅");
    cr_expect_eq(br_disclosure_year(doc), 2019);

    static const want w[] = {
        {4, "有", NULL, NULL, "38", "个", NONE},
        {4, "编制", "staff_authorised", NULL, "338", "名", NONE},
        {5, "行政编制", NULL, NULL, "200", "名", NONE},
        {5, "事业编制", NULL, NULL, "34", "名", NONE},
        /* figures glued to their words: "18330.37万元" */
        {15, "收入预算总计", "income_total", NULL, "18330.37", "万元", NONE},
        {16, "财政拨款收入预算总计", "income_fiscal", NULL, "18330.37", "万元", NONE},
        {17, "一般公共预算收入预算", "income_gpb", NULL, "18330.37", "万元", NONE},
        {18, "与上年相比增加", "income_gpb_change", NULL, "2432.93", "万元", UP},
        {18, "增长", "income_gpb_change", NULL, "15.3", "%", UP},
        {19, "财政专户管理资金收入预算总计", NULL, NULL, "0", "万元", NONE},
        /* a template printing both directions, broken and centred by the PDF */
        {21, "与上年相比增加(减少)", NULL, NULL, "0", "万元", NONE},
        {21, "增长(减少)", NULL, NULL, "0", "%", NONE},
        {22, "支出预算总计", "expenditure_total", NULL, "18330.37", "万元", NONE},
        {23, "社会保障和就业(类)支出", "expenditure_class", "208", "1121.39", "万元", NONE},
        {24, "与上年相比增加", NULL, NULL, "52.61", "万元", UP},
        {25, "增加", NULL, NULL, "4.92", "%", UP},
        {26, "单位预留机动经费预算数", "reserve", NULL, "2557.89", "万元", NONE},
        {27, "与上年相比增加", "reserve_change", NULL, "872.17", "万元", UP},
        {27, "增长", "reserve_change", NULL, "51.74", "%", UP},
        /* "(类)…(项)" wrapped over a page break: one 项 */
        {32, "行政事业单位离退休(类)未归口管理的行政单位离退休支出(项)", NULL, NULL, "271.45",
         "万元", NONE},
        {32, "与上年相比增加", NULL, NULL, "14.69", "万元", UP},
        {32, "增加", NULL, NULL, "5.72", "%", UP},
        {35, "财政拨款基本支出预算", "fiscal_basic", NULL, "9312.9", "万元", NONE},
        {36, "人员经费", NULL, NULL, "7670.82", "万元", NONE},
        {39, "因公出国(境)费预算支出", "three_public_abroad", NULL, "199.25", "万元", NONE},
        {40, "比上年预算减少", "three_public_abroad_change", NULL, "23.25", "万元", DOWN},
        {40, "主要原因按规定运转类专项经费统一压减", NULL, NULL, "10", "%", DOWN},
        {41, "公务用车购置预算支出", "three_public_vehicle_purchase", NULL, "0", "万元", NONE},
        {42, "比上年预算增加(减少)", NULL, NULL, "0", "万元", NONE},
        {44, "一般公共预算拨款安排的会议费预算支出", "meeting", NULL, "1469.73", "万元", NONE},
        {44, "比上年预算增加", "meeting_change", NULL, "164.48", "万元", UP},
        /* a part of the 会议费, then a net change said in other words */
        {45, "主要原因其余会议费按照规定压减", NULL, NULL, "10", "%", DOWN},
        {46, "根据实际开支人代会专项经费增加", NULL, NULL, "200", "万元", UP},
        {46, "增减相抵后增加", NULL, NULL, "164.48", "万元", UP},
        {48, "一般公共预算机关运行经费预算支出", "operating_expenses", NULL, "1642.08", "万元",
         NONE},
        {49, "与上年相比增加", "operating_expenses_change", NULL, "62.7", "万元", UP},
        {49, "增长", "operating_expenses_change", NULL, "3.97", "%", UP},
        {51, "车辆", "vehicle_count", NULL, "54", "辆", NONE},
        {51, "一般公务用车", "vehicle_official_count", NULL, "54", "辆", NONE},
    };
    expect_claims(n, w, sizeof w / sizeof w[0]);
}

Test(jiangsu_narrative, subject_of_a_change_in_the_clause_before)
{
    /* "项目支出增加，较上一年度增加 X": the change is the 项目支出's, not the total's */
    const br_narrative *n = read_doc("narrative_change_subject.layout.txt");
    static const want w[] = {
        {4, "一般公共预算财政拨款支出", "gpb_expenditure_total", NULL, "9746.50", "万元", NONE},
        {5, "一般公共预算财政拨款支出增加", "gpb_expenditure_change", NULL, "1193.20", "万元", UP},
        {6, "较上一年度增加", "project_change", NULL, "1133.95", "万元", UP},
        {7, "基本支出", "basic", NULL, "5377.64", "万元", NONE},
        /* a clause without a subject of its own before it: the figure it follows */
        {7, "增加", "basic_change", NULL, "12.00", "万元", UP},
    };
    expect_claims(n, w, sizeof w / sizeof w[0]);
}

Test(jiangsu_narrative, a_document_without_tables_or_figures_is_refused)
{
    char path[512];
    br_error err = {0};
    snprintf(path, sizeof path, "%s/tests/data/narrative_no_figures.layout.txt", BR_SOURCE_DIR);
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), BR_ERR_UNSUPPORTED);
    cr_assert_null(doc);
    cr_expect_str_eq(err.file, path);
    cr_expect(strstr(err.message, "no recognisable") != NULL, "%s", err.message);
}

/* ---- scope: what a figure is of ----------------------------------------------------- */

Test(narrative, figures_of_another_year_column_or_item_are_not_this_years_classes)
{
    const br_narrative *n = read_doc("narrative_scope.txt");
    cr_expect_eq(br_disclosure_year(doc), 2022);
    static const want w[] = {
        {5, "年初预算数", "expenditure_total", NULL, "1620.40", "万元", NONE},
        {5, "一般公共服务", "expenditure_class", "201", "1300.40", "万元", NONE},
        /* the classes under their names before 2019 */
        {5, "医疗卫生与计划生育支出", "expenditure_class", "210", "120.00", "万元", NONE},
        {5, "文化体育与传媒支出", "expenditure_class", "207", "30.00", "万元", NONE},
        {5, "国土海洋气象支出", "expenditure_class", "220", "15.00", "万元", NONE},
        {5, "城乡社区事务支出", "expenditure_class", "212", "155.00", "万元", NONE},
        /* one 款, one 项: neither the department's total nor a class */
        {7, "公共安全支出(类)检察(款)", NULL, NULL, "16444.36", "万元", NONE},
        {7, "行政运行(项)", NULL, NULL, "1200.00", "万元", NONE},
        {11, "一般公共预算财政拨款支出", "gpb_expenditure_total", NULL, "1620.40", "万元", NONE},
        {11, "比2021年增加", "gpb_expenditure_change", NULL, "85.20", "万元", UP},
        /* last year's figures: no claim of this year's reserve, nor any other class */
        {11, "上年度列入此项的预留机动经费", NULL, NULL, "214.25", "万元", NONE},
        {11, "当年预算执行数", NULL, NULL, "1535.20", "万元", NONE},
        {11, "上年结转结余资金", NULL, NULL, "120.00", "万元", NONE},
        /* "2021年，…": the whole sentence is about 2021 */
        {13, "一般公共预算财政拨款支出", NULL, NULL, "1500.00", "万元", NONE},
        {13, "基本支出", NULL, NULL, "900.00", "万元", NONE},
        /* what was spent (决算数, 实际支出) is not the budget */
        {15, "上年一般公共预算财政拨款支出决算数", NULL, NULL, "1480.33", "万元", NONE},
        {15, "实际支出项目支出", NULL, NULL, "560.10", "万元", NONE},
        /* a date with its month is the stock the year starts with */
        {17, "车辆", "vehicle_count", NULL, "2", "辆", NONE},
    };
    expect_claims(n, w, sizeof w / sizeof w[0]);
}
