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
                     "\"tolerance\": \"0.015\", \"line\": 14, \"message\": \"total = basic + project: "
                     "12.05, expected 12.50 (difference -0.45)\", \"cause\": \"transposed_digits\", "
                     "\"consequence_of\": null}\n");
}

Test(cli, unreadable_input_exits_2_and_the_others_are_checked)
{
    int st = run(BR_CLI " check --format csv " DATA "does_not_exist.txt " DATA
                 "rowtotals_broken.txt 2>/dev/null");
    cr_assert_eq(st, 2);
    cr_assert(strstr(out, "\"document\",\"department\",\"year\",\"check\",\"severity\""), "%s",
              out);
    cr_assert(strstr(out, "rowtotals_broken.txt\",\"某单位\",\"2022\",\"rowtotals.row_total\","
                          "\"error\",\"expenditure\",\"20101\",\"total\",\"12.50\",\"12.05\","
                          "\"-0.45\",\"0.015\",\"14\""),
              "%s", out);
    cr_assert(strstr(out, "does_not_exist.txt\",,,\"budgetrec.read\",\"error\",,,,,,,,,"
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
    cr_assert(strstr(out, "rowtotals 0.1.0 (ABI 1.0)"), "%s", out);
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
    cr_assert_eq(run("cd " BR_SOURCE_DIR " && " BR_CLI " compare --format csv --jobs 2 "
                     "tests/data/rowtotals_ok.txt tests/data/rowtotals_broken.txt"),
                 1);
    cr_assert_str_eq(
        out,
        "\"document\",\"department\",\"code\",\"year\",\"unit\",\"tables\",\"claims\","
        "\"income_total\",\"expenditure_total\",\"basic\",\"project\",\"gpb_total\","
        "\"gpb_prev_total\",\"three_public_total\",\"operating_expenses\",\"errors\","
        "\"warnings\",\"infos\",\"consequences\",\"status\"\n"
        "\"tests/data/rowtotals_ok.txt\",\"某单位\",,\"2022\",\"万元\",\"1\",\"0\",,\"30.00\","
        "\"20.00\",\"10.00\",,,,,\"0\",\"8\",\"0\",\"0\",\"read\"\n"
        "\"tests/data/rowtotals_broken.txt\",\"某单位\",,\"2022\",\"万元\",\"1\",\"0\",,\"30.00\","
        "\"20.00\",\"10.00\",,,,,\"1\",\"8\",\"0\",\"1\",\"read\"\n");
}
