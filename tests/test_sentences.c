/*
 * The narrative's own arithmetic (plugins/narrative/sentences.c): amount,
 * change and rate of one sentence (narrative.arithmetic), shares of a
 * breakdown (narrative.shares), direction words (narrative.direction); the
 * claim forms the reader gives them (br_claim_form); and the coverage of the
 * narrative (claims read, understood, checked; unchecked sentences listed).
 *
 * Each case is a narrative snippet in the wording of real disclosures (the
 * issue's examples, and those of ../shared/corpus/real), read from text as a
 * user's file would be, with a broken and a consistent twin.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;

static void setup(void)
{
    br_error err = {0};
    reg = br_registry_new();
    cr_assert_not_null(reg);
    const char *so[] = {"narrative.so", "layout.so", "disclosure_text.so"};
    for (size_t i = 0; i < 3; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", BR_PLUGIN_BUILD_DIR, so[i]);
        cr_assert_eq(br_registry_load(reg, path, &err), BR_OK, "%s", err.message);
    }
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(sentences, .init = setup, .fini = teardown);

#define BUDGET_TITLE "某区机关事务管理局 2024 年部门预算情况说明\n一、部门预算情况说明\n"
#define FINAL_TITLE "某区规划和自然资源局 2024 年度部门决算情况说明\n一、一般公共预算财政拨款支出决算情况说明\n"

/* The disclosure read from `text` (a narrative published on its own). */
static br_disclosure *read_text(const char *text)
{
    char path[] = "/tmp/br_sentences_XXXXXX.txt";
    int fd = mkstemps(path, 4);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    br_disclosure *doc = NULL;
    br_error err = {0};
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), BR_OK, "%s", err.message);
    unlink(path);
    return doc;
}

static const char *const sentence_checks[] = {"narrative.arithmetic", "narrative.shares",
                                              "narrative.direction", NULL};

static br_report *check(const br_disclosure *doc)
{
    br_check_options opts = {.only = sentence_checks};
    br_report *r = br_registry_check(reg, doc, &opts);
    cr_assert_not_null(r);
    return r;
}

static const char *str(br_decimal d)
{
    static char buf[8][BR_DECIMAL_STR_MAX];
    static int k;
    k = (k + 1) % 8;
    br_decimal_format(d, buf[k], sizeof buf[k]);
    return buf[k];
}

static size_t count_of(const br_report *r, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        n += strcmp(br_report_at(r, i)->check, id) == 0;
    return n;
}

static const br_finding *only_finding(const br_report *r, const char *id)
{
    cr_assert_eq(count_of(r, id), 1, "%s: %zu findings", id, count_of(r, id));
    for (size_t i = 0; i < br_report_count(r); i++)
        if (strcmp(br_report_at(r, i)->check, id) == 0)
            return br_report_at(r, i);
    return NULL;
}

/* The one finding of `text`, of check `id`: severity, expected, actual, line, cause. */
static void expect_one(const char *text, const char *id, br_severity sev, const char *expected,
                       const char *actual, long line, const char *cause)
{
    br_disclosure *doc = read_text(text);
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 1, "%zu findings", br_report_count(r));
    const br_finding *f = only_finding(r, id);
    cr_assert_eq(f->severity, sev, "severity %d: %s", f->severity, f->message);
    cr_assert_str_eq(f->table, "narrative");
    if (expected) {
        cr_assert_str_eq(str(f->expected), expected, "%s", f->message);
        cr_assert_str_eq(str(f->actual), actual, "%s", f->message);
    }
    cr_assert_eq(f->line, line, "line %ld: %s", f->line, f->message);
    if (cause)
        cr_assert_str_eq(f->cause ? f->cause : "(null)", cause, "%s", f->message);
    else
        cr_assert_null(f->cause, "cause %s: %s", f->cause, f->message);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* `text` passes every sentence check, and each of them compared something. */
static void expect_none(const char *text, size_t checked_at_least)
{
    br_disclosure *doc = read_text(text);
    br_report *r = check(doc);
    for (size_t i = 0; i < br_report_count(r); i++)
        cr_assert_fail("unexpected: %s", br_report_at(r, i)->message);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(r, &cov), BR_OK);
    cr_assert_geq(cov.claims_checked, checked_at_least, "%zu checked", cov.claims_checked);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- the reader: how claims stand in their sentence ----------------------------- */

Test(sentences, forms_link_rate_to_change_to_amount)
{
    br_disclosure *doc = read_text(BUDGET_TITLE "单位预留机动经费1,540.60万元，比上年增加1,402.10万元，增长"
                                                "1012.35%。\n本年支出合计2,722.05万元，其中：一般公共服务"
                                                "支出1,873.20万元，占68.82%。\n");
    const br_narrative *n = br_disclosure_narrative(doc);
    cr_assert_eq(br_narrative_claim_count(n), 6);
    static const br_claim_role roles[] = {BR_CLAIM_AMOUNT, BR_CLAIM_CHANGE, BR_CLAIM_RATE,
                                          BR_CLAIM_AMOUNT, BR_CLAIM_AMOUNT, BR_CLAIM_SHARE};
    static const long ofs[] = {-1, 0, 1, -1, -1, 4};
    static const long sentences[] = {1, 1, 1, 2, 2, 2};
    for (size_t i = 0; i < 6; i++) {
        br_claim_form f = br_narrative_claim_form(n, i);
        cr_assert_eq(f.role, roles[i], "claim %zu: role %d", i, f.role);
        cr_assert_eq(f.of, ofs[i], "claim %zu: of %ld", i, f.of);
        cr_assert_eq(f.sentence, sentences[i], "claim %zu: sentence %ld", i, f.sentence);
    }
    br_disclosure_free(doc);
}

Test(sentences, forms_of_a_final_account_budget_actual_and_words)
{
    br_disclosure *doc = read_text(FINAL_TITLE "年初预算为 452.40 万元，支出决算为 446.11 万元，完成年初预算的 "
                                               "98.61%。\n决算数小于预算数的主要原因：年中社会保险缴费基数变更。\n");
    const br_narrative *n = br_disclosure_narrative(doc);
    cr_assert_eq(br_narrative_claim_count(n), 3);
    cr_assert_eq(br_narrative_claim_form(n, 0).role, BR_CLAIM_BUDGET);
    br_claim_form a = br_narrative_claim_form(n, 1);
    cr_assert_eq(a.role, BR_CLAIM_AMOUNT);
    cr_assert_eq(a.of, 0);
    cr_assert_eq(a.versus, BR_DIR_DECREASE);
    cr_assert_eq(a.versus_line, 4);
    br_claim_form p = br_narrative_claim_form(n, 2);
    cr_assert_eq(p.role, BR_CLAIM_COMPLETION);
    cr_assert_eq(p.of, 1);
    br_disclosure_free(doc);
}

Test(sentences, a_change_whose_subject_is_the_clause_before_is_not_of_the_amount)
{
    /* "主要原因：项目支出增加，较上一度增加 1133.95 万元" (Shanghai final accounts) */
    br_disclosure *doc = read_text(BUDGET_TITLE "收入支出总计 9859.38 万元。与 2023 年度相比，收入支出总计增加 "
                                                "1062.85 万元，增长 12.08%。主要原因：项目支出增加，较上一度增加 "
                                                "1133.95 万元。\n");
    const br_narrative *n = br_disclosure_narrative(doc);
    cr_assert_eq(br_narrative_claim_count(n), 4);
    cr_assert_eq(br_narrative_claim_form(n, 1).of, 0);
    cr_assert_eq(br_narrative_claim_form(n, 2).of, 1);
    cr_assert_eq(br_narrative_claim_form(n, 3).role, BR_CLAIM_CHANGE);
    cr_assert_eq(br_narrative_claim_form(n, 3).of, -1);
    br_disclosure_free(doc);
}

/* ---- narrative.arithmetic ------------------------------------------------------------ */

Test(sentences, rate_broken_twin)
{
    expect_one(BUDGET_TITLE "单位预留机动经费1,540.60万元，比上年增加1,402.10万元，增长1112.35%。\n",
               "narrative.arithmetic", BR_SEV_ERROR, "1012.3466", "1112.35", 3, NULL);
}

Test(sentences, rate_consistent_twin)
{
    expect_none(BUDGET_TITLE "单位预留机动经费1,540.60万元，比上年增加1,402.10万元，增长1012.35%。\n", 3);
}

Test(sentences, rate_off_by_ten_is_a_decimal_shift)
{
    expect_one(BUDGET_TITLE "项目支出1,740万元，比上年减少121万元，降幅0.65%。\n", "narrative.arithmetic",
               BR_SEV_ERROR, "6.5019", "0.65", 3, "decimal_shift");
    expect_none(BUDGET_TITLE "项目支出1,740万元，比上年减少121万元，降幅6.50%。\n", 3);
}

Test(sentences, rate_in_jiangsu_wording)
{
    expect_one(BUDGET_TITLE "1．党委办公厅（室）及相关机构事务（款）行政运行（项）支出 6106.99 万元，与上年相比增加 "
                            "101.48 万元，增长 1.66%。主要原因是政策性调资。\n",
               "narrative.arithmetic", BR_SEV_ERROR, "1.6898", "1.66", 3, NULL);
    expect_none(BUDGET_TITLE "1．党委办公厅（室）及相关机构事务（款）行政运行（项）支出 6106.99 万元，与上年相比增加 "
                             "101.48 万元，增长 1.69%。主要原因是政策性调资。\n",
                3);
}

Test(sentences, rate_cut_rather_than_rounded_is_info)
{
    expect_one(BUDGET_TITLE "行政运行支出 9370.12 万元，与上年相比增加 1297.83 万元，增长 16.07%。\n",
               "narrative.arithmetic", BR_SEV_INFO, "16.0776", "16.07", 2 + 1, NULL);
}

Test(sentences, flat_change_with_a_growth_rate)
{
    /* 持平 is a change of 0: a rate of 5% contradicts it */
    expect_one(BUDGET_TITLE "机关运行经费 120.00 万元，比上年增加 0 万元，增长 5.00%。\n",
               "narrative.arithmetic", BR_SEV_ERROR, "0.0000", "5.00", 3, NULL);
}

Test(sentences, completion_rate_twins)
{
    expect_one(FINAL_TITLE "年初预算为 452.40 万元，支出决算为 446.11 万元，完成年初预算的 96.81%。\n",
               "narrative.arithmetic", BR_SEV_ERROR, "98.6096", "96.81", 3, NULL);
    expect_none(FINAL_TITLE "年初预算为 452.40 万元，支出决算为 446.11 万元，完成年初预算的 98.61%。\n", 3);
}

/* ---- narrative.shares ------------------------------------------------------------------- */

Test(sentences, share_broken_twin)
{
    /* the shares add up to 100.09%: the one wrong share says why, once */
    expect_one(BUDGET_TITLE "本年支出合计2,722.05万元，其中：一般公共服务支出1,873.20万元，占68.91%；"
                            "教育支出848.85万元，占31.18%。\n",
               "narrative.shares", BR_SEV_ERROR, "68.8158", "68.91", 3, NULL);
}

Test(sentences, share_consistent_twin)
{
    expect_none(BUDGET_TITLE "本年支出合计2,722.05万元，其中：一般公共服务支出1,873.20万元，占68.82%；"
                             "教育支出848.85万元，占31.18%。\n",
                4);
}

Test(sentences, a_share_adjusted_to_close_the_sum_is_info)
{
    /* Jiangsu 2017: 0.634% printed 0.64 so that 59.35 + 40.01 + 0.64 = 100 */
    expect_one(BUDGET_TITLE "本年支出预算合计 28849.38 万元，其中：基本支出 17123.19 万元，占 59.35%；项目支出 "
                            "11543.27 万元，占 40.01%；单位预留机动经费 182.92 万元，占 0.64%。\n",
               "narrative.shares", BR_SEV_INFO, "0.6341", "0.64", 3, NULL);
}

Test(sentences, a_share_of_a_named_whole)
{
    expect_one(BUDGET_TITLE "本年支出合计 9759.38 万元。\n一般公共预算财政拨款支出 9746.50 万元，占本年支出合计的 "
                            "98.87%。\n",
               "narrative.shares", BR_SEV_ERROR, "99.8680", "98.87", 4, NULL);
    expect_none(BUDGET_TITLE "本年支出合计 9759.38 万元。\n一般公共预算财政拨款支出 9746.50 万元，占本年支出合计的 "
                             "99.87%。\n",
                2);
}

/* ---- narrative.direction ------------------------------------------------------------------ */

Test(sentences, final_above_budget_said_below)
{
    expect_one(FINAL_TITLE "年初预算为 42.73 万元，支出决算为 40.35 万元，完成年初预算的 94.43%。\n"
                           "决算数大于预算数的主要原因：医疗保险基数变更。\n",
               "narrative.direction", BR_SEV_ERROR, "42.73", "40.35", 4, "direction");
    expect_none(FINAL_TITLE "年初预算为 42.73 万元，支出决算为 40.35 万元，完成年初预算的 94.43%。\n"
                            "决算数小于预算数的主要原因：医疗保险基数变更。\n",
                3);
}

Test(sentences, final_equal_to_budget_twins)
{
    expect_one(FINAL_TITLE "年初预算为 54.53 万元，支出决算为 54.50 万元。决算数同预算数持平。\n",
               "narrative.direction", BR_SEV_ERROR, "54.53", "54.50", 3, "direction");
    expect_none(FINAL_TITLE "年初预算为 54.53 万元，支出决算为 54.53 万元。决算数同预算数持平。\n", 2);
}

Test(sentences, rate_direction_contradicts_change)
{
    expect_one(BUDGET_TITLE "基本支出 2100.00 万元，比上年增加 100.00 万元，下降 5.00%。\n",
               "narrative.direction", BR_SEV_ERROR, NULL, NULL, 3, "direction");
}

/* ---- coverage of the narrative ------------------------------------------------------------------ */

Test(sentences, coverage_counts_claims_and_lists_unchecked_sentences)
{
    br_disclosure *doc = read_text(BUDGET_TITLE "本单位内设 4 个职能科室，在职在编职工 14 人。\n"
                                                "项目支出1,740万元，比上年减少121万元，降幅6.50%。\n");
    br_report *r = br_registry_check(reg, doc, NULL);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(r, &cov), BR_OK);
    cr_assert_eq(cov.claims, 5);
    cr_assert_eq(cov.claims_classified, 4); /* 科室 counts nothing classified */
    cr_assert_eq(cov.claims_checked, 3);
    cr_assert_eq(cov.sentences, 2);
    cr_assert_eq(cov.sentences_checked, 1);
    const br_finding *f = only_finding(r, "budgetrec.unchecked");
    cr_assert_eq(f->severity, BR_SEV_INFO);
    cr_assert_eq(f->line, 3);
    cr_assert_str_eq(f->message, "not checked: “职能科室 4个”, “在职在编职工 14人” — no table or other "
                                 "statement to compare with");
    char msg[512];
    br_coverage_format(&cov, msg, sizeof msg);
    cr_assert(strstr(msg, "; 3 of 5 narrative figures checked (4 understood)"), "%s", msg);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* ---- a slip of the amount explains its sentence's rate ----------------------------- */

static void add_formed_claim(br_disclosure *doc, const char *label, const char *cls,
                             const char *value, const char *unit, br_direction dir,
                             br_claim_role role, long of)
{
    br_decimal v;
    cr_assert_eq(br_decimal_parse(value, strlen(value), &v), BR_OK);
    br_claim c = {.label = label, .claim_class = cls, .unit = unit, .value = v,
                  .direction = dir, .line = 7};
    br_narrative *n = br_disclosure_narrative(doc);
    cr_assert_eq(br_narrative_add_claim(n, &c), BR_OK);
    br_claim_form f = {1, role, of, NULL, BR_DIR_NONE, 0, BR_BASE_NONE};
    cr_assert_eq(br_narrative_set_claim_form(n, br_narrative_claim_count(n) - 1, &f), BR_OK);
}

Test(sentences, a_rate_right_for_the_tables_amount_follows_the_amounts_slip)
{
    /* the table prints 基本支出 598.11; the narrative 589.11 (two digits
     * swapped), with the change and rate of 598.11: the rate is no error of
     * its own but a consequence of the amount's */
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_disclosure_set_unit(doc, BR_UNIT_WAN);
    br_role roles[] = {BR_ROLE_TOTAL, BR_ROLE_BASIC, BR_ROLE_PROJECT};
    br_table *t = br_disclosure_add_table(doc, BR_KIND_GPB_EXPENDITURE, "t", BR_UNIT_WAN, 1);
    cr_assert_eq(br_table_set_columns(t, roles, 3), BR_OK);
    br_row *r = br_table_add_row(t, NULL, "合计", BR_SIDE_NONE, 30);
    const char *v[] = {"798.11", "598.11", "200.00"};
    for (size_t c = 0; c < 3; c++) {
        br_decimal d;
        br_decimal_parse(v[c], strlen(v[c]), &d);
        br_row_set_value(r, c, d, 0);
    }
    add_formed_claim(doc, "基本支出", "basic", "589.11", "万元", BR_DIR_NONE, BR_CLAIM_AMOUNT, -1);
    add_formed_claim(doc, "比上年减少", "basic_change", "70.69", "万元", BR_DIR_DECREASE,
                     BR_CLAIM_CHANGE, 0);
    add_formed_claim(doc, "下降", "basic_change", "10.57", "%", BR_DIR_DECREASE, BR_CLAIM_RATE, 1);
    static const char *const only[] = {"narrative.totals", "narrative.arithmetic", NULL};
    br_check_options opts = {.only = only};
    br_report *rep = br_registry_check(reg, doc, &opts);
    cr_assert_eq(br_report_count(rep), 2);
    size_t totals = strcmp(br_report_at(rep, 0)->check, "narrative.totals") == 0 ? 0 : 1;
    cr_assert_str_eq(br_report_at(rep, totals)->check, "narrative.totals");
    cr_assert_str_eq(br_report_at(rep, 1 - totals)->check, "narrative.arithmetic");
    cr_assert_eq(br_report_consequence_of(rep, 1 - totals), (long)totals);
    cr_assert_eq(br_report_consequence_of(rep, totals), -1);
    br_report_free(rep);
    br_disclosure_free(doc);
}

/* ---- a tiny total against the tables (narrative.totals) ------------------------------ */

/* The text of NAME (under the source tree) with its first `from` replaced by `to`. */
static char *data_with(const char *name, const char *from, const char *to)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", BR_SOURCE_DIR, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + strlen(to) + 1);
    cr_assert_eq(fread(text, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    text[n] = '\0';
    char *at = strstr(text, from);
    cr_assert_not_null(at, "%s not in %s", from, name);
    size_t fl = strlen(from), tl = strlen(to);
    memmove(at + tl, at + fl, strlen(at + fl) + 1);
    memcpy(at, to, tl);
    return text;
}

static void total_findings(const char *to, size_t expect, const char *actual)
{
    char *text = data_with("tests/data/21_shanghai-putuo-social-work-dept-2024-final-accounts.layout.txt",
                           "2024 年度收入支出总计 307.82", to);
    br_disclosure *doc = read_text(text);
    free(text);
    static const char *const only[] = {"narrative.totals", NULL};
    br_check_options opts = {.only = only};
    br_report *r = br_registry_check(reg, doc, &opts);
    size_t at_total = 0;
    for (size_t i = 0; i < br_report_count(r); i++) {
        const br_finding *f = br_report_at(r, i);
        if (f->line != 441)
            continue;
        at_total++;
        cr_assert_eq(f->severity, BR_SEV_ERROR, "%s", f->message);
        cr_assert_str_eq(f->column, "income_expenditure_total");
        cr_assert_str_eq(str(f->expected), "307.82");
        cr_assert_str_eq(str(f->actual), actual);
    }
    cr_assert_eq(at_total, expect);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(sentences, a_tiny_total_of_income_and_expenditure_is_an_error)
{
    total_findings("2024 年度收入支出总计 0.30", 1, "0.30");
    total_findings("2024 年度收入支出总计 0", 1, "0");
    total_findings("2024 年度收入支出总计 307.82", 0, NULL);
}

/* ---- a figure stated for one table item, misprinted (narrative.slips) ------------------- */

/* The reference document saying "职业年金缴费支出 <stated> 万元" (its tables: 8.45). */
static void item_slip(const char *stated, const char *cause)
{
    char to[128];
    snprintf(to, sizeof to, "在编公务车 1 辆。职业年金缴费支出 %s 万元。", stated);
    char *text = data_with("examples/000_8b975b95330ebfb5.txt", "在编公务车 1 辆。", to);
    br_disclosure *doc = read_text(text);
    free(text);
    static const char *const only[] = {"narrative.slips", NULL};
    br_check_options opts = {.only = only};
    br_report *r = br_registry_check(reg, doc, &opts);
    if (!cause) {
        cr_assert_eq(br_report_count(r), 0, "%s", br_report_count(r) ? br_report_at(r, 0)->message : "");
    } else {
        const br_finding *f = only_finding(r, "narrative.slips");
        cr_assert_eq(f->severity, BR_SEV_ERROR);
        cr_assert_str_eq(f->row, "职业年金缴费支出");
        cr_assert_str_eq(str(f->expected), "8.45");
        cr_assert_str_eq(str(f->actual), stated);
        cr_assert_eq(f->line, 15);
        cr_assert_str_eq(f->cause, cause);
    }
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(sentences, an_item_figure_with_a_slip_is_reported_with_its_cause)
{
    item_slip("84.50", "decimal_shift");
    item_slip("84500", "unit_slip"); /* 8.45 万元 printed as 元 */
    item_slip("8.54", "transposed_digits");
    item_slip("84.45", "digit_slip");
}

Test(sentences, an_item_figure_that_is_the_tables_or_no_slip_of_it_passes)
{
    item_slip("8.45", NULL);
    item_slip("9.45", NULL); /* another scope or year, perhaps: not judged */
}

Test(sentences, an_increase_larger_than_its_amount)
{
    /* Shanghai 2023: the 一般公共预算 sentence copied onto the 政府性基金 */
    expect_one(BUDGET_TITLE "一般公共预算拨款支出预算16497.86万元，比2022年预算增加1421.25万元；政府性基金拨款"
                            "支出预算0万元，比2022年预算增加1421.25万元。\n",
               "narrative.arithmetic", BR_SEV_ERROR, "0", "1421.25", 3, NULL);
    expect_none(BUDGET_TITLE "一般公共预算拨款支出预算16497.86万元，比2022年预算增加1421.25万元；政府性基金拨款"
                             "支出预算0万元，比2022年预算持平。\n",
                2);
}

/* ---- wordings of other provinces, read as what they say (fail closed) ---------------- */

#define FINAL_THREE "某厅2023年度部门决算情况说明\n(一)“三公”经费财政拨款支出决算总体情况说明\n"

Test(sentences, a_budget_stated_after_its_actual)
{
    /* Guangdong: "完成预算 43.2 万元的 52.3%": 43.2 is the budget, not the
     * amount the change and the rate are of */
    expect_none(FINAL_THREE "公务接待费支出决算为22.59万元,完成预算43.2万元的52.3%,比上年决算数增加20.63万元,"
                            "增长1,055.4%。\n",
                5);
    expect_one(FINAL_THREE "公务接待费支出决算为22.59万元,完成预算43.2万元的62.3%,比上年决算数增加20.63万元,"
                           "增长1,055.4%。\n",
               "narrative.arithmetic", BR_SEV_ERROR, "52.292", "62.3", 3, NULL);
}

Test(sentences, a_base_of_comparison_is_no_amount)
{
    /* Sichuan: "较 2024 年的 2190 万元减少 221 万元": 221 is of 1969 */
    expect_none(BUDGET_TITLE "“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元,下降10.1%。\n", 3);
    expect_one(BUDGET_TITLE "“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元,下降11.1%。\n",
               "narrative.arithmetic", BR_SEV_ERROR, "10.091", "11.1", 3, NULL);
}

Test(sentences, a_change_after_a_list_of_parts_is_of_none_of_them)
{
    /* Guangxi: the change after "其中：基本…，项目…" is the total's (or the last
     * part's): not judged */
    br_disclosure *doc = read_text(BUDGET_TITLE "事业运行经费总预算安排37337407.64元,其中:基本支出预算488180.64元,"
                                                "项目支出预算36849227元,同比增加27125219.46元,增长265.6%。\n");
    const br_narrative *n = br_disclosure_narrative(doc);
    cr_assert_eq(br_narrative_claim_count(n), 5);
    cr_assert_eq(br_narrative_claim_form(n, 3).role, BR_CLAIM_CHANGE);
    cr_assert_eq(br_narrative_claim_form(n, 3).of, -1);
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 0);
    br_report_free(r);
    br_disclosure_free(doc);
    /* one part after 其中: the change is that part's */
    expect_one(BUDGET_TITLE "支出预算1000.00万元,其中:基本支出800.00万元,比上年增加100.00万元,增长10.00%。\n",
               "narrative.arithmetic", BR_SEV_ERROR, "14.2857", "10.00", 3, NULL);
}

Test(sentences, a_completion_against_an_adjusted_budget_is_no_share)
{
    br_disclosure *doc = read_text(BUDGET_TITLE "地方一般公共预算收入完成28,583万元,同比增长10.85%,增收2,798万元,从征收部门来看:"
                                                "税务部门完成13,866万元,占调整预算100.93%。\n");
    const br_narrative *n = br_disclosure_narrative(doc);
    size_t last = br_narrative_claim_count(n) - 1;
    cr_assert_eq(br_narrative_claim_form(n, last).role, BR_CLAIM_COMPLETION);
    br_report *r = check(doc);
    cr_assert_eq(br_report_count(r), 0, "%s", br_report_count(r) ? br_report_at(r, 0)->message : "");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* The class the reader gives claim i of `text`. */
static void expect_class(const char *text, size_t i, const char *cls)
{
    br_disclosure *doc = read_text(text);
    const br_claim *c = br_narrative_claim_at(br_disclosure_narrative(doc), i);
    cr_assert_not_null(c);
    if (cls)
        cr_assert_str_eq(c->claim_class ? c->claim_class : "(null)", cls, "%s", c->label);
    else
        cr_assert_null(c->claim_class, "%s: %s", c->label, c->claim_class);
    br_disclosure_free(doc);
}

Test(sentences, figures_of_another_subject_keep_no_class)
{
    /* a label naming several 三公 parts is none of them */
    expect_class(BUDGET_TITLE "因公出国(境)经费、公务用车购置及运行费、公务接待费支出合计58.80万元。\n", 0, NULL);
    expect_class(BUDGET_TITLE "公务用车购置及运行费35.99万元。\n", 0, "three_public_vehicle");
    /* a fund's 财政拨款收入 is not all 财政拨款 */
    expect_class(BUDGET_TITLE "政府性基金预算财政拨款收入605.99万元。\n", 0, NULL);
    expect_class(BUDGET_TITLE "财政拨款收入1614.63万元。\n", 0, "income_fiscal");
    /* a region's or a level's figure */
    expect_class(BUDGET_TITLE "省级一般公共预算地方收入完成388.80万元。\n", 0, NULL);
    /* a change on another year than the last */
    expect_class(BUDGET_TITLE "“三公”经费支出100.00万元,比2019年(疫情前)决算数减少24.87万元。\n", 1, NULL);
    expect_class(BUDGET_TITLE "“三公”经费支出100.00万元,比2023年减少24.87万元。\n", 1, "three_public_change");
}

Test(sentences, the_base_a_change_is_measured_from)
{
    br_disclosure *doc = read_text(BUDGET_TITLE "支出预算320.17万元,比2023年预算执行数增加0.64%。项目支出100.00万元,"
                                                "比2023年预算增加10.00万元。基本支出50.00万元,比2019年减少5.00万元。\n");
    const br_narrative *n = br_disclosure_narrative(doc);
    cr_assert_eq(br_narrative_claim_count(n), 6);
    cr_assert_eq(br_narrative_claim_form(n, 1).compared, BR_BASE_LAST_YEAR_OTHER_STAGE);
    cr_assert_eq(br_narrative_claim_form(n, 3).compared, BR_BASE_LAST_YEAR);
    cr_assert_eq(br_narrative_claim_form(n, 5).compared, BR_BASE_OTHER_YEAR);
    cr_assert_str_eq(br_claim_base_name(BR_BASE_LAST_YEAR_OTHER_STAGE), "last_year_other_stage");
    br_disclosure_free(doc);
    /* in final accounts, last year's 决算 is its own stage */
    doc = read_text(FINAL_TITLE "支出决算100.00万元,比上年决算数增加10.00万元。\n");
    cr_assert_eq(br_narrative_claim_form(br_disclosure_narrative(doc), 1).compared, BR_BASE_LAST_YEAR);
    br_disclosure_free(doc);
}

/* narrative.changes: a change measured from last year's execution is not held
 * against a budget table's previous-year (budget) column */
static size_t change_findings(br_claim_base base)
{
    br_disclosure *doc = br_disclosure_new("hand.txt");
    br_disclosure_set_unit(doc, BR_UNIT_WAN);
    br_role roles[] = {BR_ROLE_PREV_TOTAL, BR_ROLE_TOTAL};
    br_table *t = br_disclosure_add_table(doc, BR_KIND_THREE_PUBLIC, "t", BR_UNIT_WAN, 1);
    cr_assert_eq(br_table_set_columns(t, roles, 2), BR_OK);
    br_row *r = br_table_add_row(t, NULL, "合计", BR_SIDE_NONE, 30);
    br_decimal prev = {800, 2}, cur = {600, 2}, stated = {50, 2};
    br_row_set_value(r, 0, prev, 0);
    br_row_set_value(r, 1, cur, 0);
    br_claim c = {.label = "比上年预算执行数减少", .claim_class = "three_public_change",
                  .unit = "万元", .value = stated, .direction = BR_DIR_DECREASE, .line = 7};
    br_narrative *n = br_disclosure_narrative(doc);
    cr_assert_eq(br_narrative_add_claim(n, &c), BR_OK);
    br_claim_form f = {1, BR_CLAIM_CHANGE, -1, NULL, BR_DIR_NONE, 0, base};
    cr_assert_eq(br_narrative_set_claim_form(n, 0, &f), BR_OK);
    static const char *const only[] = {"narrative.changes", NULL};
    br_check_options opts = {.only = only};
    br_report *rep = br_registry_check(reg, doc, &opts);
    size_t count = br_report_count(rep);
    br_report_free(rep);
    br_disclosure_free(doc);
    return count;
}

Test(sentences, a_change_from_last_years_execution_is_not_held_against_the_budget_column)
{
    cr_assert_eq(change_findings(BR_BASE_LAST_YEAR), 1); /* 8.00 → 6.00 is not −0.50 */
    cr_assert_eq(change_findings(BR_BASE_LAST_YEAR_OTHER_STAGE), 0);
}

Test(sentences, the_amount_of_a_sentence_printed_with_a_slip)
{
    /* the change and the rate give 738.08–739.00: 7385.70 is 738.57 with its
     * decimal point moved, reported at the amount */
    expect_one(BUDGET_TITLE "基本支出7385.70万元,比上年减少81.24万元,下降9.91%。\n", "narrative.arithmetic",
               BR_SEV_ERROR, "738.57", "7385.70", 3, "decimal_shift");
    expect_one(BUDGET_TITLE "基本支出783.57万元,比上年减少81.24万元,下降9.91%。\n", "narrative.arithmetic",
               BR_SEV_ERROR, "738.57", "783.57", 3, "transposed_digits");
    expect_none(BUDGET_TITLE "基本支出738.57万元,比上年减少81.24万元,下降9.91%。\n", 3);
}
