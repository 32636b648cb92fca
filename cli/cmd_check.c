/* cmd_check.c — `budgetrec check`: options, then the runner (runner.c) with
 * each document's findings written as they come, in input order. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "runner.h"

static void usage(FILE *out)
{
    fputs("usage: budgetrec check [OPTIONS] PATH...\n"
          "  --format text|json|csv|html  output format (default text, coloured on a terminal)\n"
          "  -o FILE                  write findings to FILE\n"
          "  --jobs N                 worker threads (default: all cores)\n"
          "  --plugin PATH            load a plugin (repeatable)\n"
          "  --plugin-dir DIR         load every plugin in DIR (repeatable)\n"
          "  --no-default-plugins     do not load the bundled plugins\n"
          "  --only ID,...            run only these checks\n"
          "  --skip ID,...            do not run these checks\n"
          "  --min-severity LEVEL     report info|warning|error and above (default info)\n"
          "  --join                   the inputs are ONE disclosure (a narrative and its\n"
          "                           tables published as separate files)\n"
          "  --no-join                do not pair NAME-narrative.EXT with NAME-tables.EXT\n"
          "Directories are searched recursively for *.txt and *.pdf files; in them a\n"
          "narrative and its tables (NAME-narrative.EXT, NAME-tables.EXT) are joined.\n"
          "Exit status: 0 no error finding, 1 error findings, 2 bad usage or unreadable input.\n",
          out);
}

typedef struct check_ctx {
    out_writer *w;
    out_totals *totals;
    size_t n, done;
    int progress;
} check_ctx;

static void on_document(const char *path, const br_disclosure *doc, const br_report *report,
                        const br_error *err, void *arg)
{
    check_ctx *c = arg;
    out_document(c->w, path, doc, report, err, c->totals);
    if (c->progress)
        fprintf(stderr, "\r%zu/%zu documents", ++c->done, c->n);
}

int cmd_check(int argc, char **argv)
{
    check_args a = {.w = {.out = stdout, .format = OUT_TEXT}};
    int status = EXIT_USAGE;
    br_registry *reg = NULL;
    const char **only = NULL, **skip = NULL;
    int pr = cli_parse_run_args(&a, argc, argv);
    if (pr != 0 || a.inputs.ndocs == 0) {
        usage(pr > 0 ? stdout : stderr);
        status = pr > 0 ? EXIT_CLEAN : EXIT_USAGE;
        goto done;
    }
    reg = cli_load_plugins(&a.plugins);
    only = a.only ? cli_split_ids(a.only) : NULL;
    skip = a.skip ? cli_split_ids(a.skip) : NULL;
    if (!reg || !cli_known_ids(reg, only) || !cli_known_ids(reg, skip))
        goto done;
    if (cli_open_output(&a, "check") != 0)
        goto done;
    a.w.colour = a.w.format == OUT_TEXT && !a.output && isatty(STDOUT_FILENO) &&
                 !getenv("NO_COLOR");
    long jobs = a.jobs ? a.jobs : cli_default_jobs();
    br_check_options opts = {.only = only, .skip = skip};
    /* the coverage record is an output of its own: --only leaves it out
     * unless named, --skip can name it */
    a.w.coverage = !cli_id_listed(skip, BR_COVERAGE_CHECK) &&
                   (!only || cli_id_listed(only, BR_COVERAGE_CHECK));
    out_totals totals = {0};
    check_ctx ctx = {.w = &a.w, .totals = &totals, .n = a.inputs.ndocs,
                     .progress = isatty(STDERR_FILENO) &&
                                 (a.w.out != stdout || !isatty(STDOUT_FILENO)) &&
                                 a.inputs.ndocs > 1};
    out_begin(&a.w);
    cli_run_documents(reg, &opts, &a.inputs, jobs, on_document, &ctx);
    if (ctx.progress)
        fputc('\n', stderr);
    out_end(&a.w, &totals);
    status = totals.unreadable ? EXIT_USAGE : totals.errors ? EXIT_FINDINGS : EXIT_CLEAN;
    if (fflush(a.w.out) != 0 || cli_finish_output(&a) != 0)
        status = EXIT_USAGE;
done:
    free(only);
    free(skip);
    br_registry_free(reg);
    cli_run_args_free(&a);
    return status;
}
