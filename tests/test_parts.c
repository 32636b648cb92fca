/*
 * Where things are and what a disclosure is made of: page numbers of rows,
 * claims and findings (PDF, layout text and form-feed text), the phase
 * (budget / final accounts), a narrative and its tables published as two
 * files read as one disclosure, their pairing by name, and GB18030 input.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

#define DATA(name) BR_SOURCE_DIR "/tests/data/" name
#define L18 DATA("18_shanghai-putuo-wanli-street-2024-budget.layout.txt")
#define PDF18 DATA("18_shanghai-putuo-wanli-street-2024-budget.pdf")
#define L20 DATA("20_shanghai-putuo-planning-resources-2024-final-accounts.layout.txt")
#define NARR DATA("joined/unit-narrative.txt")
#define TABLES DATA("joined/unit-tables.txt")
#define N11 DATA("joined/11_jiangsu-party-committee-office-2019-budget-narrative.layout.txt")
#define T12 DATA("joined/12_jiangsu-party-committee-office-2019-budget-tables.layout.txt")

static br_registry *reg;

static void setup(void)
{
    br_error err = {0};
    reg = br_registry_new();
    cr_assert_geq(br_registry_load_dir(reg, BR_PLUGIN_BUILD_DIR, &err), 2, "%s", err.message);
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(parts, .init = setup, .fini = teardown);

static br_disclosure *read_one(const char *path)
{
    br_disclosure *doc = NULL;
    br_error err = {0};
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), BR_OK, "%s: %s", path, err.message);
    return doc;
}

static br_disclosure *read_joined(const char *a, const char *b)
{
    const char *paths[] = {a, b};
    br_disclosure *doc = NULL;
    br_error err = {0};
    cr_assert_eq(br_registry_read_parts(reg, paths, 2, &doc, &err), BR_OK, "%s: %s", err.file,
                 err.message);
    return doc;
}

static const br_table *table_of(const br_disclosure *doc, br_kind kind)
{
    const br_table *t = br_disclosure_find_table(doc, kind);
    cr_assert_not_null(t, "no %s table", br_kind_name(kind));
    return t;
}

static int table_page(const br_disclosure *doc, br_kind kind)
{
    const br_table *t = table_of(doc, kind);
    return br_disclosure_page_of(doc, br_table_part(t), br_table_line(t));
}

/* The index of the first finding of `check` at `line` (the test fails without one). */
static size_t finding_at(const br_report *r, const char *check, long line)
{
    for (size_t i = 0; i < br_report_count(r); i++)
        if (strcmp(br_report_at(r, i)->check, check) == 0 && br_report_at(r, i)->line == line)
            return i;
    cr_assert_fail("no %s finding at line %ld", check, line);
    return 0;
}

/* ---- pages ---- */

Test(parts, layout_text_tables_rows_and_findings_carry_their_page)
{
    br_disclosure *doc = read_one(L18);
    /* the table titles' pages are those MANIFEST.tsv lists for document 18 */
    static const struct {
        br_kind kind;
        long line;
        int page;
    } want[] = {{BR_KIND_SUMMARY, 184, 10},        {BR_KIND_INCOME, 213, 11},
                {BR_KIND_EXPENDITURE, 351, 16},    {BR_KIND_FISCAL_SUMMARY, 489, 21},
                {BR_KIND_GPB_EXPENDITURE, 518, 22}, {BR_KIND_GOV_FUND, 680, 27},
                {BR_KIND_SOC_CAPITAL, 694, 28},    {BR_KIND_GPB_BASIC, 708, 29},
                {BR_KIND_THREE_PUBLIC, 778, 31}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        cr_assert_eq(br_table_line(table_of(doc, want[i].kind)), want[i].line);
        cr_assert_eq(table_page(doc, want[i].kind), want[i].page, "%s",
                     br_kind_name(want[i].kind));
    }
    /* the 经济分类 table runs over onto page 30 */
    const br_table *basic = table_of(doc, BR_KIND_GPB_BASIC);
    const br_row *r303 = br_table_find_row(basic, "303");
    cr_assert_eq(br_row_line(r303), 773);
    cr_assert_eq(br_disclosure_page_of(doc, br_row_part(r303), br_row_line(r303)), 30);
    /* a finding is located on its page too: the code printed without its zero */
    br_report *r = br_registry_check(reg, doc, NULL);
    br_location loc;
    cr_assert_eq(br_report_location(r, finding_at(r, "layout-text.parse", 720), &loc), BR_OK);
    cr_assert_null(loc.file); /* one file: no "file" */
    cr_assert_eq(loc.line, 720);
    cr_assert_eq(loc.page, 29);
    cr_assert_eq(br_report_location(r, br_report_count(r), &loc), BR_ERR_ARG);
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(parts, the_pdf_gives_the_pages_of_its_layout_text)
{
    br_disclosure *doc = read_one(PDF18);
    cr_assert_str_eq(br_disclosure_reader(doc), "pdf");
    cr_assert_eq(table_page(doc, BR_KIND_SUMMARY), 10);
    cr_assert_eq(table_page(doc, BR_KIND_GPB_BASIC), 29);
    cr_assert_eq(table_page(doc, BR_KIND_THREE_PUBLIC), 31);
    const br_row *r303 = br_table_find_row(table_of(doc, BR_KIND_GPB_BASIC), "303");
    cr_assert_eq(br_disclosure_page_of(doc, 0, br_row_line(r303)), 30);
    br_disclosure_free(doc);
}

Test(parts, form_feeds_number_the_pages_of_disclosure_text)
{
    br_disclosure *doc = read_one(DATA("reader_form_feed.txt"));
    cr_assert_str_eq(br_disclosure_reader(doc), "disclosure-text");
    const br_table *t = table_of(doc, BR_KIND_EXPENDITURE);
    cr_assert_eq(br_disclosure_page_of(doc, 0, br_table_line(t)), 1);
    cr_assert_eq(br_disclosure_page_of(doc, 0, br_row_line(br_table_find_row(t, "201"))), 1);
    /* "\f" opens page 2 on line 7; line 9 ends with a form feed, page 3 starts after it */
    const br_row *r208 = br_table_find_row(t, "208");
    cr_assert_eq(br_row_line(r208), 9);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 9), 2);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 10), 3);
    br_disclosure_free(doc);
    /* text without form feeds has no pages */
    doc = read_one(DATA("rowtotals_ok.txt"));
    cr_assert_eq(br_disclosure_page_of(doc, 0, 7), 0);
    br_disclosure_free(doc);
}

/* ---- phase ---- */

Test(parts, phase_from_the_titles_and_the_heading)
{
    br_disclosure *doc = read_one(L18);
    cr_assert_eq(br_disclosure_phase(doc), BR_PHASE_BUDGET);
    cr_assert_str_eq(br_phase_name(br_disclosure_phase(doc)), "budget");
    br_disclosure_free(doc);
    doc = read_one(L20); /* 收入支出决算总表 …, 一般公共预算财政拨款支出决算表 */
    cr_assert_eq(br_disclosure_phase(doc), BR_PHASE_FINAL);
    cr_assert_str_eq(br_phase_name(br_disclosure_phase(doc)), "final");
    br_disclosure_free(doc);
    doc = read_one(NARR); /* no table: its heading, 部门预算情况说明 */
    cr_assert_eq(br_disclosure_table_count(doc), 0);
    cr_assert_eq(br_disclosure_phase(doc), BR_PHASE_BUDGET);
    br_disclosure_free(doc);
    doc = read_one(DATA("reader_form_feed.txt")); /* 部门支出总表: says neither */
    cr_assert_eq(br_disclosure_phase(doc), BR_PHASE_UNKNOWN);
    cr_assert_null(br_phase_name(br_disclosure_phase(doc)));
    br_disclosure_free(doc);
}

Test(parts, fund_names_do_not_make_a_budget)
{
    br_disclosure *doc = br_disclosure_new("mem");
    br_disclosure_add_table(doc, BR_KIND_GPB_EXPENDITURE, "一般公共预算财政拨款支出决算表",
                            BR_UNIT_WAN, 1);
    br_disclosure_add_table(doc, BR_KIND_GOV_FUND, "政府性基金预算财政拨款收入支出决算表",
                            BR_UNIT_WAN, 2);
    br_disclosure_add_table(doc, BR_KIND_THREE_PUBLIC, "一般公共预算“三公”经费支出表",
                            BR_UNIT_WAN, 3);
    cr_assert_eq(br_disclosure_detect_phase(doc), BR_PHASE_FINAL);
    br_disclosure_add_table(doc, BR_KIND_PROCUREMENT, "政府采购预算表", BR_UNIT_WAN, 4);
    br_disclosure_add_table(doc, BR_KIND_PROJECTS, "项目支出预算表", BR_UNIT_WAN, 5);
    cr_assert_eq(br_disclosure_detect_phase(doc), BR_PHASE_UNKNOWN); /* 2 : 2, no heading */
    static const char heading[] = "某局2024年度部门决算\n";
    br_narrative_set_text(br_disclosure_narrative(doc), heading, sizeof heading - 1, 1);
    cr_assert_eq(br_disclosure_detect_phase(doc), BR_PHASE_FINAL);
    br_disclosure_free(doc);
}

/* ---- joined documents ---- */

Test(parts, a_narrative_and_its_tables_read_as_one_disclosure)
{
    br_disclosure *doc = read_joined(NARR, TABLES);
    cr_assert_eq(br_disclosure_part_count(doc), 2);
    cr_assert_str_eq(br_disclosure_path(doc), NARR);
    cr_assert_str_eq(br_disclosure_part_path(doc, 0), NARR);
    cr_assert_str_eq(br_disclosure_part_path(doc, 1), TABLES);
    cr_assert_str_eq(br_disclosure_part_file(doc, 1), TABLES);
    cr_assert_str_eq(br_disclosure_part_reader(doc, 0), "layout-text");
    cr_assert_str_eq(br_disclosure_part_reader(doc, 1), "disclosure-text");
    cr_assert_str_eq(br_disclosure_department(doc), "某单位");
    cr_assert_eq(br_disclosure_year(doc), 2022);
    cr_assert_eq(br_disclosure_unit(doc), BR_UNIT_WAN); /* from the tables */
    cr_assert_eq(br_disclosure_phase(doc), BR_PHASE_BUDGET);
    /* the tables come from the second file, the claims from the first */
    cr_assert_eq(br_disclosure_table_count(doc), 3);
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(br_table_part(br_disclosure_table_at(doc, i)), 1);
    const br_table *basic = table_of(doc, BR_KIND_GPB_BASIC);
    cr_assert_eq(br_table_line(basic), 4);
    cr_assert_eq(br_disclosure_page_of(doc, 1, 4), 1);
    const br_row *total = br_table_find_label(basic, "合计");
    cr_assert_eq(br_row_part(total), 1);
    cr_assert_eq(br_row_line(total), 10);
    cr_assert_eq(br_disclosure_page_of(doc, 1, 23), 2); /* after the form feed */
    const br_narrative *n = br_disclosure_narrative(doc);
    cr_assert_eq(br_narrative_claim_count(n), 3);
    const br_claim *c = br_narrative_claim_at(n, 0);
    cr_assert_str_eq(c->claim_class, "operating_expenses");
    cr_assert_eq(c->line, 6);
    cr_assert_eq(br_narrative_claim_part(n, 0), 0);
    cr_assert_eq(br_disclosure_page_of(doc, 0, 6), 2);
    cr_assert_eq(br_narrative_claim_part(n, 2), 0);
    cr_assert_eq(br_narrative_claim_index(n, c), 0);
    cr_assert_eq(br_narrative_text_part(n), 0);

    /* the narrative-vs-table check now has both: 79.35 stated, 79.53 in the table */
    br_report *r = br_registry_check(reg, doc, NULL);
    size_t i = finding_at(r, "narrative.totals", 6);
    const br_finding *f = br_report_at(r, i);
    cr_assert_eq(f->severity, BR_SEV_ERROR);
    cr_assert_str_eq(f->column, "operating_expenses");
    char buf[2][BR_DECIMAL_STR_MAX];
    br_decimal_format(f->expected, buf[0], sizeof buf[0]);
    br_decimal_format(f->actual, buf[1], sizeof buf[1]);
    cr_assert_str_eq(buf[0], "79.53");
    cr_assert_str_eq(buf[1], "79.35");
    br_location loc;
    br_report_location(r, i, &loc);
    cr_assert_str_eq(loc.file, NARR);
    cr_assert_eq(loc.line, 6);
    cr_assert_eq(loc.page, 2);
    /* a finding about a table the disclosure lacks sits at a table's line: that file */
    /* (the 政府性基金 table, called for by the procurement table's column of it) */
    i = finding_at(r, "completeness.tables", 16);
    cr_assert_str_eq(br_report_at(r, i)->table, "gov_fund");
    br_report_location(r, i, &loc);
    cr_assert_str_eq(loc.file, TABLES);
    cr_assert_eq(loc.page, 2);
    br_report_free(r);
    br_disclosure_free(doc);

    /* the narrative alone has no table to hold its figures against: nothing
     * to say but which of its sentences went unchecked (info) */
    doc = read_one(NARR);
    r = br_registry_check(reg, doc, NULL);
    cr_assert_gt(br_report_count(r), 0);
    for (size_t k = 0; k < br_report_count(r); k++) {
        cr_assert_str_eq(br_report_at(r, k)->check, "budgetrec.unchecked");
        cr_assert_eq(br_report_at(r, k)->severity, BR_SEV_INFO);
    }
    br_report_free(r);
    br_disclosure_free(doc);
}

Test(parts, the_corpus_pair_11_and_12)
{
    br_disclosure *doc = read_joined(N11, T12);
    cr_assert_str_eq(br_disclosure_department(doc), "江苏省委办公厅");
    cr_assert_eq(br_disclosure_year(doc), 2019);
    cr_assert_eq(br_disclosure_phase(doc), BR_PHASE_BUDGET);
    cr_assert_eq(br_disclosure_table_count(doc), 12);
    for (size_t i = 0; i < 12; i++)
        cr_assert_eq(br_table_part(br_disclosure_table_at(doc, i)), 1);
    const br_table *summary = br_disclosure_table_at(doc, 0);
    cr_assert_eq(br_table_kind(summary), BR_KIND_SUMMARY);
    cr_assert_eq(br_table_line(summary), 1);
    cr_assert_eq(br_disclosure_page_of(doc, 1, 1), 1);
    cr_assert_eq(table_page(doc, BR_KIND_PROCUREMENT), 12);
    /* 收入预算总计27664.22万元, page 7 of the narrative, = the income table's 合计 */
    const br_narrative *n = br_disclosure_narrative(doc);
    size_t k = 0;
    while (k < br_narrative_claim_count(n) &&
           !(br_narrative_claim_at(n, k)->claim_class &&
             strcmp(br_narrative_claim_at(n, k)->claim_class, "income_total") == 0))
        k++;
    cr_assert_lt(k, br_narrative_claim_count(n), "no income_total claim");
    const br_claim *c = br_narrative_claim_at(n, k);
    char v[BR_DECIMAL_STR_MAX];
    br_decimal_format(c->value, v, sizeof v);
    cr_assert_str_eq(v, "27664.22");
    cr_assert_eq(c->line, 130);
    cr_assert_eq(br_narrative_claim_part(n, k), 0);
    cr_assert_eq(br_disclosure_page_of(doc, 0, c->line), 7);
    br_disclosure_free(doc);
}

Test(parts, a_part_that_cannot_be_read_names_its_file)
{
    const char *paths[] = {NARR, DATA("joined/none-tables.txt")};
    br_disclosure *doc = (br_disclosure *)1;
    br_error err = {0};
    cr_assert_eq(br_registry_read_parts(reg, paths, 2, &doc, &err), BR_ERR_IO);
    cr_assert_null(doc);
    cr_assert_str_eq(err.file, DATA("joined/none-tables.txt"));
    cr_assert_eq(br_registry_read_parts(reg, paths, 0, &doc, &err), BR_ERR_ARG);
}

Test(parts, join_refuses_itself_and_keeps_what_it_moves)
{
    br_disclosure *a = br_disclosure_new("a.txt"), *b = br_disclosure_new("b.txt");
    cr_assert_eq(br_disclosure_join(a, a), BR_ERR_ARG);
    cr_assert_eq(br_disclosure_join(a, NULL), BR_ERR_ARG);
    br_disclosure_set_reader(b, "disclosure-text");
    br_disclosure_set_page(b, 1, 1);
    br_disclosure_set_page(b, 30, 2);
    br_disclosure_add_note(b, BR_SEV_WARNING, "income", NULL, NULL, 31, "a note");
    br_claim c = {.label = "收入", .unit = "万元", .value = {1, 0}, .line = 31};
    br_narrative_add_claim(br_disclosure_narrative(b), &c);
    cr_assert_eq(br_disclosure_join(a, b), BR_OK); /* b is a's now: never freed alone */
    cr_assert_eq(br_disclosure_part_count(a), 2);
    cr_assert_str_eq(br_disclosure_part_path(a, 1), "b.txt");
    cr_assert_null(br_disclosure_part_reader(a, 0));
    cr_assert_str_eq(br_disclosure_part_reader(a, 1), "disclosure-text");
    cr_assert_eq(br_disclosure_page_of(a, 1, 31), 2);
    cr_assert_eq(br_disclosure_page_of(a, 0, 31), 0);
    cr_assert_eq(br_disclosure_note_count(a), 1);
    cr_assert_eq(br_disclosure_note_part(a, 0), 1);
    cr_assert_eq(br_narrative_claim_part(br_disclosure_narrative(a), 0), 1);
    /* reader notes keep the reader of their part */
    br_report *r = br_registry_check(reg, a, NULL);
    size_t i = finding_at(r, "disclosure-text.parse", 31);
    br_location loc;
    br_report_location(r, i, &loc);
    cr_assert_str_eq(loc.file, "b.txt");
    cr_assert_eq(loc.page, 2);
    br_report_free(r);
    br_disclosure_free(a);
}

/* ---- pairing by name ---- */

Test(parts, narrative_and_tables_files_pair_by_name)
{
    const char *paths[] = {"d/11_x-budget-narrative.pdf",     "d/12_x-budget-tables.pdf",
                           "d/11_x-budget-narrative.layout.txt", "d/12_x-budget-tables.layout.txt",
                           "e/12_x-budget-tables.pdf",          "d/y-narrative.txt",
                           "d/z-tables.txt",                    "d/a_narrative.txt",
                           "d/a_tables.txt",                    "d/plain.pdf"};
    long partner[10];
    cr_assert_eq(br_pair_parts(paths, 10, partner), 3);
    static const long want[10] = {1, 0, 3, 2, -1, -1, -1, 8, 7, -1};
    for (size_t i = 0; i < 10; i++)
        cr_assert_eq(partner[i], want[i], "%s pairs with %ld", paths[i], partner[i]);
    cr_assert(br_part_is_narrative(paths[0]));
    cr_assert_not(br_part_is_narrative(paths[1]));
    cr_assert_not(br_part_is_narrative("d/narrative.txt"));
}

Test(parts, a_file_pairs_once)
{
    const char *paths[] = {"x-narrative.txt", "x-tables.txt", "1-x-tables.txt"};
    long partner[3];
    cr_assert_eq(br_pair_parts(paths, 3, partner), 1);
    cr_assert_eq(partner[0], 1);
    cr_assert_eq(partner[1], 0);
    cr_assert_eq(partner[2], -1);
}

/* ---- GB18030 ---- */

/* Two disclosures hold the same model: tables, rows, cells and claims. */
static void assert_same_model(const br_disclosure *a, const br_disclosure *b)
{
    cr_assert_str_eq(br_disclosure_department(a), br_disclosure_department(b));
    cr_assert_eq(br_disclosure_year(a), br_disclosure_year(b));
    cr_assert_eq(br_disclosure_table_count(a), br_disclosure_table_count(b));
    for (size_t t = 0; t < br_disclosure_table_count(a); t++) {
        const br_table *x = br_disclosure_table_at(a, t), *y = br_disclosure_table_at(b, t);
        cr_assert_str_eq(br_table_title(x), br_table_title(y));
        cr_assert_eq(br_table_row_count(x), br_table_row_count(y));
        for (size_t i = 0; i < br_table_row_count(x); i++) {
            const br_row *rx = br_table_row_at(x, i), *ry = br_table_row_at(y, i);
            cr_assert_str_eq(br_row_label(rx), br_row_label(ry));
            cr_assert_eq(br_row_line(rx), br_row_line(ry));
            for (size_t c = 0; c < br_table_column_count(x); c++) {
                const br_cell *cx = br_row_cell(rx, c), *cy = br_row_cell(ry, c);
                cr_assert_eq(cx->flags, cy->flags);
                cr_assert_eq(cx->value.units, cy->value.units);
                cr_assert_eq(cx->value.scale, cy->value.scale);
            }
        }
    }
    const br_narrative *na = br_disclosure_narrative((br_disclosure *)a),
                       *nb = br_disclosure_narrative((br_disclosure *)b);
    cr_assert_eq(br_narrative_claim_count(na), br_narrative_claim_count(nb));
    for (size_t i = 0; i < br_narrative_claim_count(na); i++)
        cr_assert_str_eq(br_narrative_claim_at(na, i)->label, br_narrative_claim_at(nb, i)->label);
}

Test(parts, gb18030_reads_as_its_utf8_twin)
{
    br_disclosure *gb = read_one(DATA("rowtotals_broken.gb18030.txt"));
    br_disclosure *u8 = read_one(DATA("rowtotals_broken.txt"));
    cr_assert_str_eq(br_disclosure_encoding(gb), "GB18030");
    cr_assert_null(br_disclosure_encoding(u8));
    cr_assert_str_eq(br_disclosure_department(gb), "某单位");
    cr_assert_eq(br_table_row_count(table_of(gb, BR_KIND_EXPENDITURE)), 4);
    assert_same_model(gb, u8);
    br_disclosure_free(gb);
    br_disclosure_free(u8);
}
