/*
 * The pdf reader (poppler-glib front end, plugins/layout/pdf.c): a published
 * PDF reads into the same tables as its `pdftotext -layout` text.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;

static void setup(void)
{
    reg = br_registry_new();
    br_error err = {0};
    cr_assert_geq(br_registry_load_dir(reg, BR_PLUGIN_BUILD_DIR, &err), 2, "%s", err.message);
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(pdf, .init = setup, .fini = teardown);

static br_disclosure *read(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/%s", BR_SOURCE_DIR, name);
    br_disclosure *doc = NULL;
    br_error err = {0};
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), BR_OK, "%s: %s", path, err.message);
    return doc;
}

static size_t cells(const br_table *t)
{
    size_t n = 0;
    for (size_t r = 0; r < br_table_row_count(t); r++)
        for (size_t c = 0; c < br_table_column_count(t); c++)
            n += (br_row_cell(br_table_row_at(t, r), c)->flags & BR_CELL_PRESENT) != 0;
    return n;
}

#define DOC "18_shanghai-putuo-wanli-street-2024-budget"

Test(pdf, reads_the_tables_its_layout_text_has)
{
    br_disclosure *pdf = read(DOC ".pdf"), *txt = read(DOC ".layout.txt");
    cr_assert_str_eq(br_disclosure_reader(pdf), "pdf");
    cr_assert_str_eq(br_disclosure_reader(txt), "layout-text");
    cr_assert_str_eq(br_disclosure_department(pdf), "上海市普陀区人民政府万里街道办事处");
    cr_assert_eq(br_disclosure_year(pdf), 2024);
    cr_assert_eq(br_disclosure_table_count(pdf), 9);
    cr_assert_eq(br_disclosure_table_count(txt), 9);
    /* every table but the 三公 one reads cell for cell as from the text */
    for (size_t i = 0; i < 9; i++) {
        const br_table *a = br_disclosure_table_at(pdf, i), *b = br_disclosure_table_at(txt, i);
        cr_assert_eq(br_table_kind(a), br_table_kind(b));
        cr_assert_eq(br_table_unit(a), br_table_unit(b));
        cr_assert_eq(br_table_row_count(a), br_table_row_count(b), "%s",
                     br_kind_name(br_table_kind(a)));
        if (br_table_kind(a) != BR_KIND_THREE_PUBLIC)
            cr_assert_eq(cells(a), cells(b), "%s", br_kind_name(br_table_kind(a)));
    }
    const br_table *income = br_disclosure_find_table(pdf, BR_KIND_INCOME);
    cr_assert_eq(br_table_unit(income), BR_UNIT_YUAN);
    cr_assert_eq(br_table_row_count(income), 67);
    cr_assert_eq(cells(income), 335);
    const br_row *sum = br_table_find_label(income, "合计"); /* printed last here */
    cr_assert_not_null(sum);
    const br_cell *total = br_row_cell_by_role(sum, BR_ROLE_TOTAL);
    char buf[BR_DECIMAL_STR_MAX];
    br_decimal_format(total->value, buf, sizeof buf);
    cr_assert_str_eq(buf, "156211123");
    br_disclosure_free(pdf);
    br_disclosure_free(txt);
}

static void money(const br_table *t, const char *label, br_side side, br_role role,
                  const char *want)
{
    const br_row *r = NULL;
    for (size_t i = 0; i < br_table_row_count(t) && !r; i++)
        if (strcmp(br_row_key(br_table_row_at(t, i)), label) == 0 &&
            br_row_side(br_table_row_at(t, i)) == side)
            r = br_table_row_at(t, i);
    cr_assert_not_null(r, "no row %s", label);
    const br_cell *c = br_row_cell_by_role(r, role);
    cr_assert_not_null(c, "no column %s", br_role_name(role));
    if (!want) {
        cr_assert_eq(c->flags & BR_CELL_PRESENT, 0u, "%s %s blank", label, br_role_name(role));
        return;
    }
    cr_assert(c->flags & BR_CELL_PRESENT, "%s %s present", label, br_role_name(role));
    char buf[BR_DECIMAL_STR_MAX];
    br_decimal_format(c->value, buf, sizeof buf);
    cr_assert_str_eq(buf, want, "%s %s", label, br_role_name(role));
}

/* 财政拨款收支总表: rows with fewer figures than columns land in total/gpb,
 * in the PDF as in its layout text. */
Test(pdf, fiscal_summary_short_rows_as_in_the_text)
{
    br_disclosure *docs[2] = {read(DOC ".pdf"), read(DOC ".layout.txt")};
    for (int d = 0; d < 2; d++) {
        const br_table *t = br_disclosure_find_table(docs[d], BR_KIND_FISCAL_SUMMARY);
        cr_assert_not_null(t);
        money(t, "一般公共预算资金", BR_SIDE_INCOME, BR_ROLE_AMOUNT, "156211123");
        money(t, "一般公共服务支出", BR_SIDE_EXPENDITURE, BR_ROLE_TOTAL, "2932700");
        money(t, "一般公共服务支出", BR_SIDE_EXPENDITURE, BR_ROLE_GPB, "2932700");
        money(t, "一般公共服务支出", BR_SIDE_EXPENDITURE, BR_ROLE_GOV_FUND, NULL);
        money(t, "教育支出", BR_SIDE_EXPENDITURE, BR_ROLE_TOTAL, "250000");
        money(t, "教育支出", BR_SIDE_EXPENDITURE, BR_ROLE_GPB, "250000");
        money(t, "教育支出", BR_SIDE_EXPENDITURE, BR_ROLE_GOV_FUND, NULL);
        money(t, "支出总计", BR_SIDE_EXPENDITURE, BR_ROLE_TOTAL, "156211123");
        money(t, "支出总计", BR_SIDE_EXPENDITURE, BR_ROLE_GPB, "156211123");
        money(t, "支出总计", BR_SIDE_EXPENDITURE, BR_ROLE_GOV_FUND, NULL);
    }
    br_disclosure_free(docs[0]);
    br_disclosure_free(docs[1]);
}

Test(pdf, a_file_that_only_claims_to_be_a_pdf_is_a_clear_error)
{
    char path[] = "/tmp/br_fake_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs("%PDF-1.4\nnot really\n", f);
    fclose(f);
    br_disclosure *doc = NULL;
    br_error err = {0};
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), BR_ERR_INPUT);
    cr_assert_null(doc);
    cr_assert_str_eq(err.file, path);
    remove(path);
}
