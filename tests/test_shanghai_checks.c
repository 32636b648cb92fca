/*
 * Checks on the Shanghai disclosures read by the layout engine
 * (tests/data: public documents, see /work/shared/corpus/real/README.md):
 * what they find as published, and what would be a false alarm.
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
    cr_assert_geq(br_registry_load_dir(reg, BR_PLUGIN_BUILD_DIR, &err), 2, "%s", err.message);
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(shanghai_checks, .init = setup, .fini = teardown);

#define FA20 "20_shanghai-putuo-planning-resources-2024-final-accounts.layout.txt"
#define UB16 "16_shanghai-putuo-social-welfare-institute-2024-unit-budget.layout.txt"
#define SH18 "18_shanghai-putuo-wanli-street-2024-budget.layout.txt"

static size_t errors_of(const br_report *r, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++) {
        const br_finding *f = br_report_at(r, i);
        n += strcmp(f->check, id) == 0 && f->severity == BR_SEV_ERROR;
    }
    return n;
}

static br_row *row_labelled(const br_table *t, const char *label, br_side side)
{
    for (size_t i = 0; i < br_table_row_count(t); i++) {
        br_row *r = br_table_row_at(t, i);
        if (strcmp(br_row_label(r), label) == 0 && br_row_side(r) == side)
            return r;
    }
    cr_assert_fail("no row %s", label);
    return NULL;
}

/* A final account spends its 年初结转和结余 (112.88) and keeps its 年末结转和结余
 * (100.00): its expenditure per subject (212: 3845.24) is not its income
 * (3832.36).  Not an error — unless those balances were zero. */
Test(shanghai_checks, final_account_balances_make_income_differ_from_expenditure)
{
    br_disclosure *doc;
    br_report *r = check_file(FA20, &doc);
    cr_assert_eq(errors_of(r, "crosstable.class_totals"), 0);
    br_report_free(r);
    const br_table *s = br_disclosure_find_table(doc, BR_KIND_SUMMARY);
    br_row_set_value(row_labelled(s, "年初结转和结余", BR_SIDE_INCOME), 0, dec("0.00"), 0);
    br_row_set_value(row_labelled(s, "年末结转和结余", BR_SIDE_EXPENDITURE), 0, dec("0.00"), 0);
    r = check(doc);
    /* 212, 21201, 2120101 and 合计 then differ by 12.88 */
    cr_assert_eq(errors_of(r, "crosstable.class_totals"), 4);
    br_report_free(r);
    br_disclosure_free(doc);
}

/* 16 numbers its 302 款 in sequence (its 30212 is 机关事业单位退休人员活动费):
 * it has no row for 因公出国(境)费用, and the 三公 tie to 30212 does not apply. */
Test(shanghai_checks, a_subject_numbered_otherwise_is_not_the_three_public_one)
{
    br_disclosure *doc;
    br_report *r = check_file(UB16, &doc);
    cr_assert_eq(count(r, "crosstable.three_public_economic"), 0);
    br_report_free(r);
    br_disclosure_free(doc);
    /* 18 prints 30217 公务接待费 13500 元 = the 三公 table's 1.35 万元 */
    r = check_file(SH18, &doc);
    cr_assert_eq(count(r, "crosstable.three_public_economic"), 0);
    br_table *b = br_disclosure_find_table(doc, BR_KIND_GPB_BASIC);
    br_row *r30217 = NULL;
    for (size_t i = 0; i < br_table_row_count(b); i++)
        if (br_row_code(br_table_row_at(b, i)) &&
            strcmp(br_row_code(br_table_row_at(b, i)), "30217") == 0)
            r30217 = br_table_row_at(b, i);
    cr_assert_not_null(r30217);
    cr_assert_str_eq(br_row_label(r30217), "公务接待费");
    br_report_free(r);
    br_row_set_value(r30217, 0, dec("14500"), 0);
    r = check(doc);
    const br_finding *f = only(r, "crosstable.three_public_economic");
    cr_assert_eq(f->severity, BR_SEV_WARNING);
    cr_assert_str_eq(f->column, "reception");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* Tables in 元, narrative in 万元: compared across units by the interval rule
 * (156,211,123 元 against 15621.11 万元 holds within rounding: info). */
Test(shanghai_checks, yuan_tables_against_wan_narrative)
{
    br_disclosure *doc;
    br_report *r = check_file(SH18, &doc);
    const br_finding *f = NULL;
    for (size_t i = 0; i < br_report_count(r); i++)
        if (strcmp(br_report_at(r, i)->check, "narrative.totals") == 0 &&
            br_report_at(r, i)->column && strcmp(br_report_at(r, i)->column, "income_total") == 0)
            f = br_report_at(r, i);
    cr_assert_not_null(f);
    cr_assert_eq(f->severity, BR_SEV_INFO);
    cr_assert_str_eq(str(f->actual), "15621.11");
    cr_assert_str_eq(str(f->expected), "15621.1123");
    cr_assert_str_eq(str(f->tolerance), "0.00505");
    br_report_free(r);
    br_disclosure_free(doc);
}

/* A table without a unit in a document of no single unit compares with no
 * figure in a known unit: not applicable, never judged in an assumed unit. */
Test(shanghai_checks, unknown_unit_against_a_known_one_is_not_applicable)
{
    br_disclosure *doc = br_disclosure_new("mixed");
    br_table *t = br_disclosure_add_table(doc, BR_KIND_GPB_BASIC, "basic", BR_UNIT_UNKNOWN, 1);
    const br_role roles[] = {BR_ROLE_TOTAL};
    cr_assert_eq(br_table_set_columns(t, roles, 1), BR_OK);
    br_row *r = br_table_add_row(t, "30217", "公务接待费", BR_SIDE_NONE, 2);
    cr_assert_eq(br_row_set_value(r, 0, dec("13500"), 0), BR_OK);
    br_claim claim = {.label = "公务接待费", .unit = "万元", .value = dec("1.35"), .line = 3};
    br_term terms[2] = {{.claim = &claim, .coef = 1}, {.row = r, .col = 0, .coef = -1}};
    br_decimal e, a, tol;
    cr_assert_eq(br_identity_eval(terms, 2, &e, &a, &tol), BR_IDENTITY_EMPTY);
    /* with its unit stated, the same figures agree across units */
    cr_assert_eq(br_disclosure_set_unit(doc, BR_UNIT_YUAN), BR_OK);
    cr_assert_eq(br_identity_eval(terms, 2, &e, &a, &tol), BR_IDENTITY_EXACT);
    br_disclosure_free(doc);
}
