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
