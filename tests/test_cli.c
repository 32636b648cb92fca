/* The command line end to end: exit statuses (SPEC §4), a bad input among
 * good ones, JSON Lines findings (SPEC §5). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static char out[1 << 20];

/* Run a shell command; capture stdout into `out`; return the exit status. */
static int run(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

#define DATA BR_SOURCE_DIR "/tests/data/"

Test(cli, consistent_document_exits_0)
{
    cr_assert_eq(run(BR_CLI " check " DATA "rowtotals_ok.txt"), 0, "%s", out);
    cr_assert(strstr(out, "1 document checked: 0 errors"), "%s", out);
}

Test(cli, error_finding_exits_1_with_json_lines)
{
    cr_assert_eq(run(BR_CLI " check --format json --only rowtotals.row_total " DATA
                     "rowtotals_broken.txt"),
                 1);
    cr_assert_str_eq(out,
                     "{\"document\": \"" DATA "rowtotals_broken.txt\", \"department\": \"某单位\", "
                     "\"year\": 2022, \"check\": \"rowtotals.row_total\", \"severity\": \"error\", "
                     "\"table\": \"expenditure\", \"row\": \"20101\", \"column\": \"total\", "
                     "\"expected\": \"12.50\", \"actual\": \"12.05\", \"difference\": \"-0.45\", "
                     "\"tolerance\": \"0.015\", \"file\": null, \"line\": 14, \"page\": null, "
                     "\"message\": \"total = basic + project: "
                     "12.05, expected 12.50 (difference -0.45)\", \"cause\": \"transposed_digits\", "
                     "\"consequence_of\": null}\n");
}

Test(cli, unreadable_input_exits_2_and_the_others_are_checked)
{
    int st = run(BR_CLI " check --format csv " DATA "does_not_exist.txt " DATA
                 "rowtotals_broken.txt 2>/dev/null");
    cr_assert_eq(st, 2);
    cr_assert(strstr(out, "\"document\",\"department\",\"year\",\"check\",\"severity\",\"table\","
                          "\"row\",\"column\",\"expected\",\"actual\",\"difference\",\"tolerance\","
                          "\"file\",\"line\",\"page\",\"message\",\"cause\",\"consequence_of\"\n"),
              "%s", out);
    cr_assert(strstr(out, "rowtotals_broken.txt\",\"某单位\",\"2022\",\"rowtotals.row_total\","
                          "\"error\",\"expenditure\",\"20101\",\"total\",\"12.50\",\"12.05\","
                          "\"-0.45\",\"0.015\",,\"14\",,\"total = basic + project"),
              "%s", out);
    cr_assert(strstr(out, "does_not_exist.txt\",,,\"budgetrec.read\",\"error\",,,,,,,,,,,"
                          "\"cannot open: No such file or directory\",,\n"),
              "%s", out);
}

Test(cli, bad_usage_exits_2)
{
    cr_assert_eq(run(BR_CLI " check 2>/dev/null"), 2);
    cr_assert_eq(run(BR_CLI " check --format xml " DATA "rowtotals_ok.txt 2>/dev/null"), 2);
    cr_assert_eq(run(BR_CLI " check --only no.such " DATA "rowtotals_ok.txt 2>/dev/null"), 2);
    cr_assert_eq(run(BR_CLI " frobnicate 2>/dev/null"), 2);
}

Test(cli, min_severity_and_skip)
{
    /* the broken figure breaks its row total and its parent's roll-up */
    cr_assert_eq(run(BR_CLI " check --format json --skip rowtotals.row_total,tables.hierarchy " DATA
                     "rowtotals_broken.txt"),
                 0);
    cr_assert_eq(strstr(out, "rowtotals.row_total"), NULL, "%s", out);
    cr_assert_eq(run(BR_CLI " check --format json --min-severity error " DATA
                     "rowtotals_broken.txt"),
                 1);
    cr_assert_eq(strstr(out, "\"info\""), NULL, "%s", out);
}

Test(cli, plugins_lists_versions_and_refuses_bad_ones)
{
    cr_assert_eq(run(BR_CLI " plugins"), 0);
    cr_assert(strstr(out, "rowtotals 0.1.0 (ABI 1.3)"), "%s", out);
    cr_assert(strstr(out, "reader disclosure-text"), "%s", out);
    cr_assert(strstr(out, "check rowtotals.row_total [error]"), "%s", out);
    cr_assert_eq(run(BR_CLI " plugins --plugin " BR_FIXTURE_DIR "/plugin_wrong_major.so 2>&1"), 2);
    cr_assert(strstr(out, "plugin_wrong_major.so: plugin refused: built for plugin ABI 2.0"), "%s",
              out);
    cr_assert(strstr(out, "rowtotals 0.1.0"), "%s", out); /* loading went on */
}

Test(cli, jobs_keep_input_order)
{
    cr_assert_eq(run(BR_CLI " check --jobs 2 --format json --only rowtotals.row_total " DATA
                     "rowtotals_broken.txt " DATA "rowtotals_ok.txt " DATA "rowtotals_broken.txt"),
                 1);
    char *first = strstr(out, "rowtotals_broken.txt");
    cr_assert_not_null(first);
    cr_assert_not_null(strstr(first + 1, "rowtotals_broken.txt"));
    cr_assert_eq(strstr(out, "rowtotals_ok.txt"), NULL);
}

Test(cli, html_page_highlights_the_failing_cell)
{
    cr_assert_eq(run(BR_CLI " check --format html --only rowtotals.row_total " DATA
                     "rowtotals_broken.txt"),
                 1);
    cr_assert(strncmp(out, "<!DOCTYPE html>", 15) == 0);
    cr_assert(strstr(out, "<td class=\"num error\" title=\"total = basic + project: 12.05, expected "
                          "12.50 (difference -0.45)\">12.05</td>"),
              "%s", out);
    cr_assert(strstr(out, "(cause: transposed_digits)"), "%s", out);
    cr_assert(strstr(out, "</body></html>\n"));
}

Test(cli, compare_gives_one_row_per_disclosure)
{
    /* (one table and no narrative: no other table is called for, no warning) */
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " compare --format csv --jobs 2 "
                     "tests/data/rowtotals_ok.txt tests/data/rowtotals_broken.txt"),
                 1);
    cr_assert_str_eq(
        out,
        "\"document\",\"department\",\"code\",\"year\",\"phase\",\"unit\",\"tables\",\"claims\","
        "\"income_total\",\"expenditure_total\",\"basic\",\"project\",\"gpb_total\","
        "\"gpb_prev_total\",\"three_public_total\",\"operating_expenses\",\"errors\","
        "\"warnings\",\"infos\",\"consequences\",\"status\",\"identities_checked\","
        "\"identities_held\",\"identities_broken\",\"identities_not_checked\",\"tables_uncertain\"\n"
        "\"tests/data/rowtotals_ok.txt\",\"某单位\",,\"2022\",\"budget\",\"万元\",\"1\",\"0\",,"
        "\"30.00\",\"20.00\",\"10.00\",,,,,\"0\",\"0\",\"0\",\"0\",\"read\",\"10\",\"10\",\"0\",\"0\","
        "\"0\"\n"
        "\"tests/data/rowtotals_broken.txt\",\"某单位\",,\"2022\",\"budget\",\"万元\",\"1\",\"0\",,"
        "\"30.00\",\"20.00\",\"10.00\",,,,,\"1\",\"0\",\"0\",\"1\",\"read\",\"10\",\"8\",\"2\",\"0\","
        "\"0\"\n");
}

/* ---- pages, phase, joined documents, GB18030 ---- */

#define L18 "tests/data/18_shanghai-putuo-wanli-street-2024-budget.layout.txt"
#define NARR "tests/data/joined/unit-narrative.txt"
#define TABLES "tests/data/joined/unit-tables.txt"

Test(cli, findings_name_their_page)
{
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " check --only layout-text.parse " L18), 0);
    /* the code printed "301   2" on page 29 (the reader's note: its wording is the reader's) */
    cr_assert(strstr(out, "\n    line 720 (p. 29) warning "), "%s", out);
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " check --format json --only "
                     "layout-text.parse " L18 " | grep '\"line\": 720'"),
                 0);
    cr_assert(strstr(out, "\"tolerance\": null, \"file\": null, \"line\": 720, \"page\": 29, "
                          "\"message\": "),
              "%s", out);
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " check --format html --only "
                     "layout-text.parse " L18),
                 0);
    cr_assert(strstr(out, "<li><span class=\"sev-warning\">warning</span> line 720 (p. 29) "), "%s",
              out);
    cr_assert(strstr(out, "部门预算经济分类预算表 <small>(line 708, p. 29, 元)</small></h3>"), "%s", out);
}

Test(cli, dump_rows_and_claims_name_their_page_and_the_phase)
{
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " dump " L18), 0);
    cr_assert(strstr(out, "\n  \"year\": 2024,\n  \"phase\": \"budget\",\n  \"unit\": "), "%s", out);
    cr_assert(strstr(out, "{\"kind\": \"summary\", \"title\": \"2024年部门财务收支预算总表\", "
                          "\"unit\": \"元\", \"line\": 184, \"page\": 10,\n"),
              "%s", out);
    cr_assert(strstr(out, "{\"code\": \"303\", \"label\": \"对个人和家庭的补助\", \"line\": 773, "
                          "\"page\": 30, \"cells\": {"),
              "%s", out);
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI
                     " dump tests/data/20_shanghai-putuo-planning-resources-2024-final-accounts"
                     ".layout.txt | grep phase"),
                 0);
    cr_assert_str_eq(out, "  \"phase\": \"final\",\n");
}

Test(cli, join_checks_a_narrative_against_its_tables)
{
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " check --format json --join --only "
                     "narrative.totals " NARR " " TABLES),
                 1);
    cr_assert_str_eq(out,
                     "{\"document\": \"" NARR "\", \"department\": \"某单位\", \"year\": 2022, "
                     "\"check\": \"narrative.totals\", \"severity\": \"error\", \"table\": "
                     "\"narrative\", \"row\": \"一般公共预算财政拨款运行经费\", \"column\": "
                     "\"operating_expenses\", \"expected\": \"79.53\", \"actual\": \"79.35\", "
                     "\"difference\": \"-0.18\", \"tolerance\": \"0.010\", \"file\": \"" NARR "\", "
                     "\"line\": 6, \"page\": 2, \"message\": \"operating_expenses = gpb_basic 合计 "
                     "public: 79.35, expected 79.53 (difference -0.18)\", \"cause\": "
                     "\"transposed_digits\", \"consequence_of\": null}\n");
    /* text: both files in the heading, each finding by its file's name */
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " check --join --only narrative.totals,"
                     "completeness.tables " NARR " " TABLES),
                 1);
    cr_assert(strstr(out, NARR " + " TABLES " — 某单位 2022 (3 tables, 3 claims)\n"), "%s", out);
    cr_assert(strstr(out, "    unit-narrative.txt:6 (p. 2) error   一般公共预算财政拨款运行经费 · "
                          "operating_expenses: "),
              "%s", out);
    cr_assert(strstr(out, "    unit-tables.txt:16 (p. 2) warning standard table "
                          "政府性基金预算财政拨款支出表 (gov_fund)"),
              "%s", out);
    /* without --join the narrative has no table to be held against */
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " check --format json --no-join --only "
                     "narrative.totals " NARR " " TABLES),
                 0);
    cr_assert_str_eq(out, "");
}

Test(cli, dump_join_lists_the_parts_and_names_each_file)
{
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " dump --join " NARR " " TABLES), 0);
    cr_assert(strstr(out, "\"reader\": \"layout-text\",\n  \"parts\": [{\"file\": \"" NARR
                          "\", \"reader\": \"layout-text\"}, {\"file\": \"" TABLES
                          "\", \"reader\": \"disclosure-text\"}],\n"),
              "%s", out);
    cr_assert(strstr(out, "{\"code\": null, \"label\": \"合计\", \"file\": \"" TABLES
                          "\", \"line\": 10, \"page\": 1, \"cells\": {\"total\": \"100.00\", "),
              "%s", out);
    cr_assert(strstr(out, "{\"label\": \"一般公共预算财政拨款运行经费\", \"value\": \"79.35\", "
                          "\"unit\": \"万元\", \"class\": \"operating_expenses\", \"sentence\": 1, "
                          "\"role\": \"amount\", \"file\": \"" NARR
                          "\", \"line\": 6, \"page\": 2}"),
              "%s", out);
    /* two files without --join: bad usage */
    cr_assert_eq(run(BR_CLI " dump " BR_SOURCE_DIR "/" NARR " " BR_SOURCE_DIR "/" TABLES
                            " 2>/dev/null"),
                 2);
}

Test(cli, a_directory_pairs_narratives_with_their_tables)
{
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " compare --format csv --jobs 2 "
                     "tests/data/joined | cut -d, -f1-7"),
                 0);
    cr_assert_str_eq(out,
                     "\"document\",\"department\",\"code\",\"year\",\"phase\",\"unit\",\"tables\"\n"
                     "\"tests/data/joined/11_jiangsu-party-committee-office-2019-budget-narrative"
                     ".layout.txt\",\"江苏省委办公厅\",,\"2019\",\"budget\",\"万元\",\"12\"\n"
                     "\"tests/data/joined/unit-narrative.txt\",\"某单位\",,\"2022\",\"budget\","
                     "\"万元\",\"3\"\n");
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " compare --format csv --no-join "
                     "tests/data/joined | cut -d, -f1,7"),
                 0);
    cr_assert_str_eq(out,
                     "\"document\",\"tables\"\n"
                     "\"tests/data/joined/11_jiangsu-party-committee-office-2019-budget-narrative"
                     ".layout.txt\",\"0\"\n"
                     "\"tests/data/joined/12_jiangsu-party-committee-office-2019-budget-tables"
                     ".layout.txt\",\"12\"\n"
                     "\"tests/data/joined/unit-narrative.txt\",\"0\"\n"
                     "\"tests/data/joined/unit-tables.txt\",\"3\"\n");
    cr_assert_eq(run(BR_CLI " check --join --no-join " DATA "rowtotals_ok.txt 2>/dev/null"), 2);
}

Test(cli, gb18030_input_dumps_as_its_utf8_twin)
{
    static char gb[1 << 16];
    cr_assert_eq(run(BR_CLI " dump " DATA "rowtotals_broken.gb18030.txt | tail -n +3"), 0);
    cr_assert_lt(strlen(out), sizeof gb);
    strcpy(gb, out);
    cr_assert_eq(run(BR_CLI " dump " DATA "rowtotals_broken.txt | tail -n +3"), 0);
    cr_assert(strstr(out, "\"name\": \"某单位\""), "%s", out);
    cr_assert_str_eq(gb, out);
}

/* Text output: a figure changed in a Jiangsu 财政拨款支出预算表 (201: 13,907.78
 * → 13,970.78) is one error, with the identities it breaks in two other
 * tables shown under it — and those tables open no group of their own. */
Test(cli, text_groups_consequences_under_their_cause)
{
    cr_assert_eq(run("d=$(mktemp -d) && sed '110s/13,907.78/13,970.78/' " DATA
                     "09_jiangsu-npc-standing-committee-office-2019-budget-tables.layout.txt"
                     " > $d/m09.layout.txt && cd $d && " BR_CLI " check m09.layout.txt; "
                     "rc=$?; rm -rf $d; exit $rc"),
                 1, "%s", out);
    const char *want =
        "m09.layout.txt — 江苏省人大常委会办公厅 2019 (12 tables, 0 claims)\n"
        "    99 identities checked: 95 held, 4 broken; 0 not checked; 12 of 12 tables read with "
        "certainty; 18 checks ran, 10 not applicable\n"
        "  fiscal_expenditure\n"
        "    line 110 (p. 5)  error   201 · total: total: 201 = Σ 20101: 13970.78, expected "
        "13907.78 (difference 63.00) (cause: transposed_digits)  [tables.hierarchy]\n"
        "      ↳ consequence: summary 一般公共服务支出 · amount, line 8 (p. 1): ";
    cr_assert(strncmp(out, want, strlen(want)) == 0, "%s", out);
    cr_assert_null(strstr(out, "\n  summary\n"), "%s", out);
    cr_assert_null(strstr(out, "\n  gpb_expenditure\n"), "%s", out);
    cr_assert(strstr(out, "1 document checked: 1 error, 0 warnings, 0 info (and 3 consequences "
                          "linked to them)"),
              "%s", out);
}

/* Reading confidence in the dump: a table's, a column's, a row's and a
 * guessed cell's marks, each only where set (tests/fixtures/plugin_uncertain.c). */
#define UNCERTAIN_PLUGIN " --plugin " BR_READER_FIXTURE_DIR "/plugin_uncertain.so "

Test(cli, dump_shows_uncertain_tables_columns_rows_and_cells_only_where_marked)
{
    cr_assert_eq(run(BR_CLI " dump" UNCERTAIN_PLUGIN DATA "uncertain_fixture.txt"), 0, "%s", out);
    cr_assert(strstr(out, "     \"columns\": [\"total\", \"basic\", \"project\"],\n"
                          "     \"uncertain_columns\": {\"project\": {\"kind\": \"unknown_header\", "
                          "\"why\": \"the header of the third column is unknown\"}},\n"
                          "     \"rows\": [\n"),
              "%s", out);
    cr_assert(strstr(out, "\"cells\": {\"total\": \"10.00\", \"basic\": \"6.00\", "
                          "\"project\": \"4.00\"}},\n"),
              "a certain row has no uncertain fields:\n%s", out);
    cr_assert(strstr(out, "\"cells\": {\"total\": \"5.00\", \"basic\": \"3.00\", "
                          "\"project\": \"2.00\"}, \"uncertain_cells\": [\"basic\"]},\n"),
              "%s", out);
    cr_assert(strstr(out, "\"cells\": {\"total\": \"1.00\", \"basic\": \"1.00\"}, "
                          "\"uncertain\": {\"kind\": \"label_fragment\", \"why\": \"the label may "
                          "be a fragment of the row above\"}}\n"),
              "%s", out);
    cr_assert(strstr(out, "     \"columns\": [\"total\", \"basic\", \"project\"],\n"
                          "     \"uncertain\": {\"kind\": \"extra_figures\", \"why\": \"a row holds "
                          "more figures than columns\"},\n     \"rows\": [\n"),
              "%s", out);
    /* the table marked as a whole lists no column of its own */
    cr_assert_null(strstr(strstr(out, "\"extra_figures\""), "uncertain_columns"), "%s", out);
}

/* "12.00 7" in one cell and "六元" in a money column: the reader marks those
 * rows, so nothing is checked through them */
Test(cli, dump_shows_the_rows_the_reader_is_unsure_of)
{
    cr_assert_eq(run(BR_CLI " dump " DATA "reader_artefacts.txt"), 0, "%s", out);
    cr_assert(strstr(out, "\"uncertain\": {\"kind\": \"extra_figures\", \"why\": \"a cell of the "
                          "row holds more than one figure: which is the cell's is not known\"}"),
              "%s", out);
    cr_assert(strstr(out, "\"uncertain\": {\"kind\": \"misaligned_columns\", \"why\": \"text in a "
                          "money column: the row's cells may not be in their columns\"}"),
              "%s", out);
    cr_assert_null(strstr(out, "uncertain_columns"), "%s", out);
    cr_assert_null(strstr(out, "uncertain_cells"), "%s", out);
}

Test(cli, check_counts_the_fixture_marks_as_not_checked)
{
    cr_assert_eq(run(BR_CLI " check --format json" UNCERTAIN_PLUGIN DATA
                     "uncertain_fixture.txt | tail -n 1"),
                 0, "%s", out);
    cr_assert(strstr(out, "\"coverage\": {\"identities\": 0, \"held\": 0, \"broken\": 0, "
                          "\"not_checked\": 7, \"not_checked_by\": {\"unknown_header\": 2, "
                          "\"guessed_figure\": 1, \"label_fragment\": 3, \"extra_figures\": 1}, "
                          "\"tables\": 2, \"tables_uncertain\": 2, "),
              "%s", out);
}

Test(cli, a_symlinked_directory_is_walked_once_and_never_loops)
{
    /* s -> . and sub/up -> ..: the walk follows each directory once */
    cr_assert_eq(run("d=$(mktemp -d) && mkdir $d/sub && cp " BR_SOURCE_DIR
                     "/examples/000_8b975b95330ebfb5.txt $d/sub/a.txt && ln -s . $d/s && "
                     "ln -s .. $d/sub/up && timeout 30 " BR_CLI
                     " check --format csv --only rowtotals.row_total $d | grep -c 'a.txt' ; "
                     "rm -rf $d"),
                 0);
    cr_assert_str_eq(out, "5\n"); /* its row_total findings (and the coverage record), once each */
}

Test(cli, the_output_is_never_an_input)
{
    /* -o naming an input: refused, the input intact */
    cr_assert_eq(run("d=$(mktemp -d) && cp " BR_SOURCE_DIR "/examples/000_8b975b95330ebfb5.txt "
                     "$d/x.txt && " BR_CLI " check -o $d/x.txt $d/x.txt 2>&1 | head -1; "
                     "cmp -s " BR_SOURCE_DIR "/examples/000_8b975b95330ebfb5.txt $d/x.txt && "
                     "echo intact; rm -rf $d"),
                 0);
    cr_assert(strstr(out, "x.txt is an input and the output (-o): refusing to overwrite it\n"),
              "%s", out);
    cr_assert(strstr(out, "intact\n"), "%s", out);
    /* a second run into the directory it checks does not read its first report,
     * and leaves no temporary file behind */
    cr_assert_eq(run("d=$(mktemp -d) && cp " BR_SOURCE_DIR "/examples/000_8b975b95330ebfb5.txt "
                     "$d/x.txt && cd $d && " BR_CLI " check -o report.txt . >/dev/null; " BR_CLI
                     " check -o report.txt . >/dev/null; grep -c '^\\./' report.txt; ls -A; "
                     "rm -rf $d"),
                 0);
    cr_assert_str_eq(out, "1\nreport.txt\nx.txt\n");
}

Test(cli, a_join_of_two_departments_or_years_is_refused)
{
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " check --join " NARR " " DATA
                     "09_jiangsu-npc-standing-committee-office-2019-budget-tables.layout.txt "
                     "2>&1 >/dev/null"),
                 2);
    cr_assert(strstr(out, "the parts name 某单位 2022 and 江苏省人大常委会办公厅 2019: not one "
                          "disclosure (join refused)"),
              "%s", out);
    /* the narrative and its own tables join */
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " check --join " NARR " " TABLES
                     " >/dev/null 2>&1"),
                 1);
}
