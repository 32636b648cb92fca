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

/* ---- the same model from the PDF as from its layout text ---- */

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Tables, columns, rows (code, label, side, every cell), performance
 * projects and the narrative's claims are the same; lines are not compared
 * (a PDF line is one of its rendering, not of pdftotext's). */
static void same_model(br_disclosure *a, br_disclosure *b, const char *name)
{
    cr_assert_str_eq(br_disclosure_department(a), br_disclosure_department(b), "%s", name);
    cr_assert_eq(br_disclosure_year(a), br_disclosure_year(b), "%s", name);
    cr_assert_eq(br_disclosure_unit(a), br_disclosure_unit(b), "%s", name);
    cr_assert_eq(br_disclosure_table_count(a), br_disclosure_table_count(b), "%s", name);
    for (size_t i = 0; i < br_disclosure_table_count(a); i++) {
        const br_table *ta = br_disclosure_table_at(a, i), *tb = br_disclosure_table_at(b, i);
        const char *k = br_kind_name(br_table_kind(ta));
        cr_assert_eq(br_table_kind(ta), br_table_kind(tb), "%s table %zu", name, i);
        cr_assert_str_eq(br_table_title(ta), br_table_title(tb), "%s %s", name, k);
        cr_assert_eq(br_table_unit(ta), br_table_unit(tb), "%s %s", name, k);
        cr_assert_eq(br_table_column_count(ta), br_table_column_count(tb), "%s %s", name, k);
        for (size_t c = 0; c < br_table_column_count(ta); c++)
            cr_assert_eq(br_table_column_role(ta, c), br_table_column_role(tb, c), "%s %s", name, k);
        cr_assert(same_str(br_table_project_name(ta), br_table_project_name(tb)), "%s %s", name, k);
        cr_assert(same_str(br_table_attr(ta, "note"), br_table_attr(tb, "note")), "%s %s", name, k);
        cr_assert_eq(br_table_row_count(ta), br_table_row_count(tb), "%s %s", name, k);
        for (size_t r = 0; r < br_table_row_count(ta); r++) {
            const br_row *ra = br_table_row_at(ta, r), *rb = br_table_row_at(tb, r);
            cr_assert(same_str(br_row_code(ra), br_row_code(rb)), "%s %s row %zu", name, k, r);
            cr_assert_str_eq(br_row_label(ra), br_row_label(rb), "%s %s row %zu", name, k, r);
            cr_assert_eq(br_row_side(ra), br_row_side(rb), "%s %s %s", name, k, br_row_label(ra));
            for (size_t c = 0; c < br_table_column_count(ta); c++) {
                const br_cell *ca = br_row_cell(ra, c), *cb = br_row_cell(rb, c);
                /* (INFERRED: the text needed the hierarchy to place it;
                 * POSITIONAL: the text keeps positions only roughly, the
                 * PDF exactly) */
                unsigned m = ~(unsigned)(BR_CELL_INFERRED | BR_CELL_POSITIONAL);
                cr_assert_eq(ca->flags & m, cb->flags & m, "%s %s %s col %zu", name, k,
                             br_row_label(ra), c);
                if (!(ca->flags & BR_CELL_PRESENT))
                    continue;
                if (ca->flags & BR_CELL_TEXT)
                    cr_assert_str_eq(ca->text, cb->text, "%s %s %s", name, k, br_row_label(ra));
                else
                    cr_assert_eq(br_decimal_cmp(ca->value, cb->value), 0, "%s %s %s col %zu", name,
                                 k, br_row_label(ra), c);
            }
        }
    }
    const br_narrative *na = br_disclosure_narrative(a), *nb = br_disclosure_narrative(b);
    cr_assert_eq(br_narrative_claim_count(na), br_narrative_claim_count(nb), "%s claims", name);
    for (size_t i = 0; i < br_narrative_claim_count(na); i++) {
        const br_claim *x = br_narrative_claim_at(na, i), *y = br_narrative_claim_at(nb, i);
        cr_assert_str_eq(x->label, y->label, "%s claim %zu", name, i);
        cr_assert(same_str(x->claim_class, y->claim_class), "%s claim %s", name, x->label);
        cr_assert(same_str(x->unit, y->unit), "%s claim %s", name, x->label);
        cr_assert_eq(br_decimal_cmp(x->value, y->value), 0, "%s claim %s", name, x->label);
    }
}

Test(pdf, the_pdf_and_its_layout_text_give_the_same_model)
{
    br_disclosure *pdf = read(DOC ".pdf"), *txt = read(DOC ".layout.txt");
    same_model(pdf, txt, DOC);
    cr_assert_eq(br_disclosure_table_count(pdf), 9);
    br_disclosure_free(pdf);
    br_disclosure_free(txt);
}

/* The Shanghai documents of the real corpus, when it is present: each PDF
 * reads into the model of its layout text. */
Test(pdf, shanghai_corpus_pdfs_read_as_their_layout_text)
{
    static const char *const docs[] = {
        "16_shanghai-putuo-social-welfare-institute-2024-unit-budget",
        "17_shanghai-putuo-wanli-street-2023-budget",
        "18_shanghai-putuo-wanli-street-2024-budget",
        "19_shanghai-putuo-wanli-street-2025-budget",
        "20_shanghai-putuo-planning-resources-2024-final-accounts",
        "21_shanghai-putuo-social-work-dept-2024-final-accounts"};
    static const size_t ntables[] = {9, 14, 9, 9, 9, 9};
    char path[1024];
    snprintf(path, sizeof path, "/work/shared/corpus/real/%s.pdf", docs[0]);
    FILE *probe = fopen(path, "rb");
    if (!probe)
        cr_skip_test("no corpus at /work/shared/corpus/real");
    fclose(probe);
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        br_disclosure *d[2] = {NULL, NULL};
        static const char *const ext[] = {".pdf", ".layout.txt"};
        for (int k = 0; k < 2; k++) {
            snprintf(path, sizeof path, "/work/shared/corpus/real/%s%s", docs[i], ext[k]);
            br_error err = {0};
            cr_assert_eq(br_registry_read(reg, path, &d[k], &err), BR_OK, "%s: %s", path,
                         err.message);
        }
        cr_assert_eq(br_disclosure_table_count(d[0]), ntables[i], "%s", docs[i]);
        same_model(d[0], d[1], docs[i]);
        br_disclosure_free(d[0]);
        br_disclosure_free(d[1]);
    }
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

/*
 * Two readings of one PDF (issue 9, "never accuse a misreading"): the glyph
 * positions and the same lines printed as layout text.  tests/data/
 * make_readers_pdf.py writes one table twice: with its money columns far
 * apart, and with 人员经费 ending 4 pt (0.4 of the font size) before
 * 公用经费 starts in rows 302 and 30201 — one word to the glyph reader, two
 * figures to the text reading.  Read by glyphs alone, those rows break
 * total = personnel + public: errors that accuse the publication of a
 * misreading.
 */
static size_t findings(const br_report *rep, br_severity sev, const char *check)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(rep); i++) {
        const br_finding *f = br_report_at(rep, i);
        n += f->severity == sev && (!check || strcmp(f->check, check) == 0);
    }
    return n;
}

Test(pdf, readings_that_disagree_mark_the_table_and_accuse_nothing)
{
    br_disclosure *doc = read("readers_disagree.pdf");
    cr_assert_eq(br_disclosure_table_count(doc), 1);
    const br_table *t = br_disclosure_table_at(doc, 0);
    cr_assert_eq(br_table_kind(t), BR_KIND_GPB_BASIC);
    const br_uncertainty *u = br_table_uncertain(t, -1);
    cr_assert_not_null(u);
    cr_assert_str_eq(u->kind, "readers_disagree");
    cr_assert_str_eq(u->why, "the PDF's text reading gives 302 · personnel 10.00 where its glyph "
                             "reading gives blank (2 differences)");
    size_t warnings = 0;
    for (size_t i = 0; i < br_disclosure_note_count(doc); i++) {
        const br_note *n = br_disclosure_note_at(doc, i);
        if (n->severity == BR_SEV_WARNING && strstr(n->message, "readings of this table disagree")) {
            warnings++;
            cr_assert_str_eq(n->table, "gpb_basic");
            cr_assert_str_eq(n->row, "302");
        }
    }
    cr_assert_eq(warnings, 1);
    br_report *rep = br_registry_check(reg, doc, NULL);
    cr_assert_not_null(rep);
    cr_assert_eq(findings(rep, BR_SEV_ERROR, NULL), 0, "no error from a table read two ways");
    cr_assert_eq(findings(rep, BR_SEV_WARNING, "pdf.parse"), 1);
    br_coverage cov;
    cr_assert_eq(br_report_coverage(rep, &cov), BR_OK);
    cr_assert_eq(cov.broken, 0);
    cr_assert_eq(cov.identities, 0);
    cr_assert_eq(cov.nreasons, 1);
    cr_assert_str_eq(cov.reasons[0].kind, "readers_disagree");
    cr_assert_eq(cov.not_checked, cov.reasons[0].count);
    cr_assert_eq(cov.tables_uncertain, 1);
    br_report_free(rep);
    br_disclosure_free(doc);
}

Test(pdf, readings_that_agree_mark_nothing)
{
    br_disclosure *doc = read("readers_agree.pdf");
    cr_assert_eq(br_disclosure_table_count(doc), 1);
    const br_table *t = br_disclosure_table_at(doc, 0);
    cr_assert_null(br_table_uncertain(t, -1));
    cr_assert_eq(br_table_row_count(t), 5);
    cr_assert_eq(cells(t), 15);
    cr_assert_eq(br_disclosure_note_count(doc), 0);
    br_report *rep = br_registry_check(reg, doc, NULL);
    cr_assert_eq(findings(rep, BR_SEV_ERROR, NULL), 0);
    cr_assert_eq(findings(rep, BR_SEV_WARNING, NULL), 0);
    br_report_free(rep);
    br_disclosure_free(doc);
}

/* A final account's 财政拨款“三公”经费支出决算表 in 元 (gen_disclosure.py
 * --vary final_accounts,units; final_three_public_yuan.layout.txt drawn by
 * tools/gen/render_pdf.py): "小计" stands centred between its 预算数 and
 * 决算数, touching neither; it heads both as in the layout text (a heading's
 * slack is three characters, in points here), so the 决算数 小计 is
 * vehicle_subtotal — each heading's pair read at its roles, the PDF and its
 * text alike. */
Test(pdf, final_three_public_pairs_under_a_narrow_heading)
{
    static const br_role roles[] = {
        BR_ROLE_BUDGET_TOTAL, BR_ROLE_TOTAL, BR_ROLE_BUDGET_ABROAD, BR_ROLE_ABROAD,
        BR_ROLE_BUDGET_VEHICLE_SUBTOTAL, BR_ROLE_VEHICLE_SUBTOTAL,
        BR_ROLE_BUDGET_VEHICLE_PURCHASE, BR_ROLE_VEHICLE_PURCHASE,
        BR_ROLE_BUDGET_VEHICLE_OPERATION, BR_ROLE_VEHICLE_OPERATION,
        BR_ROLE_BUDGET_RECEPTION, BR_ROLE_RECEPTION};
    static const char *const want[] = {"168400.00", "154000.00", "0.00", "0.00",
                                       "158400.00", "144000.00", "0.00", "0.00",
                                       "158400.00", "144000.00", "10000.00", "10000.00"};
    static const char *const files[] = {"final_three_public_yuan.pdf",
                                        "final_three_public_yuan.layout.txt"};
    for (size_t f = 0; f < 2; f++) {
        br_disclosure *doc = read(files[f]);
        cr_assert_eq(br_disclosure_phase(doc), BR_PHASE_FINAL, "%s", files[f]);
        const br_table *t = br_disclosure_find_table(doc, BR_KIND_THREE_PUBLIC);
        cr_assert_not_null(t, "%s", files[f]);
        cr_assert_eq(br_table_column_count(t), 12, "%s", files[f]);
        for (size_t c = 0; c < 12; c++)
            cr_assert_eq(br_table_column_role(t, c), roles[c], "%s column %zu is %s", files[f], c,
                         br_role_name(br_table_column_role(t, c)));
        for (size_t c = 0; c < 12; c++) {
            money(t, "合计", BR_SIDE_NONE, roles[c], want[c]);
            money(t, "163", BR_SIDE_NONE, roles[c], want[c]);
        }
        cr_assert_null(br_table_uncertain(t, -1));
        br_report *rep = br_registry_check(reg, doc, NULL);
        cr_assert_eq(findings(rep, BR_SEV_ERROR, NULL), 0, "%s", files[f]);
        cr_assert_eq(findings(rep, BR_SEV_WARNING, NULL), 0, "%s", files[f]);
        br_report_free(rep);
        br_disclosure_free(doc);
    }
}
