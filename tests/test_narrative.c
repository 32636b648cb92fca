/*
 * The narrative (情况说明) reader of the disclosure-text plugin: department
 * name and year from the title, and every figure stated with a unit as a
 * claim with its label, class, code, value, unit, direction and line.
 *
 * tests/data/narrative_basic.txt is in the reference layout (one paragraph
 * a line, full-width punctuation, a sentence broken across a blank line);
 * narrative_layout.txt is pdftotext -layout style (indented paragraphs,
 * wrapped lines, a unit split over a line break, a page footer).
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
        {14, "编制", "staff_count", NULL, "50", "名", NONE},
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
