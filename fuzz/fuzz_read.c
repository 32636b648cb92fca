/*
 * fuzz_read.c — libFuzzer harness: no input may crash, hang or leak in the
 * readers and the checks.
 *
 *     make fuzz                      # builds build-fuzz/, fuzzes FUZZ_SECONDS (60)
 *     make fuzz FUZZ_SECONDS=600     # longer
 *
 * `make fuzz` configures build-fuzz/ with clang and -DBR_FUZZ=ON (libcore,
 * the bundled plugins and this harness instrumented with
 * -fsanitize=fuzzer-no-link,address,undefined), builds the target fuzz_read,
 * makes a seed corpus in build-fuzz/fuzz/corpus from the texts in tests/data,
 * tests/data/fuzz and examples (documents larger than -max_len are also cut
 * at form feeds into pages and runs of pages, by fuzz/seed_corpus.py) and
 * runs
 *
 *     build-fuzz/fuzz/fuzz_read -max_len=65536 -timeout=10 \
 *         -max_total_time=$FUZZ_SECONDS build-fuzz/fuzz/corpus
 *
 * A crash, sanitizer report, leak or input slower than 10 s leaves its input
 * in build-fuzz/fuzz/artifacts/; replay it with `build-fuzz/fuzz/fuzz_read
 * FILE`.  Each one fixed belongs in tests/data/fuzz/ (test_fuzz_regressions.c
 * reads every file there under ASan).
 *
 * Every input is read as one disclosure with br_registry_read_buffer (the
 * readers' sniffs choose: disclosure-text, layout-text, or pdf for "%PDF-"
 * input), and a disclosure read is checked by every check of the registry.
 * PDF input goes through poppler, which is slow under the fuzzer and not
 * ours to fix: BR_FUZZ_PDF=0 in the environment makes the harness ignore
 * "%PDF-" inputs so a run stays on the text readers.  BR_FUZZ_PLUGIN_DIR
 * overrides the plugin directory (default: the fuzz build's plugins/).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;
static int skip_pdf;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("BR_FUZZ_PLUGIN_DIR");
    if (!dir || !*dir)
        dir = BR_PLUGIN_BUILD_DIR;
    const char *pdf = getenv("BR_FUZZ_PDF");
    skip_pdf = pdf && strcmp(pdf, "0") == 0;

    br_error err = {0};
    reg = br_registry_new();
    int n = reg ? br_registry_load_dir(reg, dir, &err) : -1;
    if (n <= 0 || br_registry_message_count(reg) > 0) {
        fprintf(stderr, "fuzz_read: cannot load the plugins in %s: %s\n", dir,
                reg && br_registry_message_count(reg) ? br_registry_message_at(reg, 0)
                                                      : err.message);
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (skip_pdf && size >= 5 && memcmp(data, "%PDF-", 5) == 0)
        return -1; /* not added to the corpus */

    br_disclosure *doc = NULL;
    br_error err = {0};
    int rc = br_registry_read_buffer(reg, "fuzz-input", (const char *)data, size, &doc, &err);
    if (rc != BR_OK) {
        /* a refusal must say which input and why */
        if (doc || !err.message[0] || strcmp(err.file, "fuzz-input") != 0) {
            fprintf(stderr, "fuzz_read: refusal %d without a clear error: file '%s' '%s'\n", rc,
                    err.file, err.message);
            abort();
        }
        return 0;
    }

    br_report *report = br_registry_check(reg, doc, NULL);
    if (!report)
        abort(); /* only on OOM, which ASan turns into a crash anyway */
    /* walk the findings as the front ends do: location and cause links */
    for (size_t i = 0; i < br_report_count(report); i++) {
        br_location loc;
        size_t nterms;
        if (br_report_location(report, i, &loc) != BR_OK)
            abort();
        long cause = br_report_consequence_of(report, i);
        if (cause >= (long)br_report_count(report))
            abort();
        br_report_terms(report, i, &nterms);
    }
    br_report_free(report);
    br_disclosure_free(doc);
    return 0;
}
