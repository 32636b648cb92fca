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
 *
 * Half the mutations are libFuzzer's own (bytes, dictionary words, cross
 * over); the other half act on what the layout engine reads: lines (copied,
 * dropped, swapped, a page break put before one), the gaps that place spans
 * in columns (widened or narrowed), and figures (one replaced by another).
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

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

/* xorshift: the mutator's choices follow libFuzzer's seed (reproducible). */
static unsigned next_random(unsigned *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

/* Start of line k of data[0, size) (size when there are fewer lines). */
static size_t line_start(const uint8_t *data, size_t size, size_t k)
{
    size_t at = 0;
    while (k-- > 0) {
        const uint8_t *nl = memchr(data + at, '\n', size - at);
        if (!nl)
            return size;
        at = (size_t)(nl - data) + 1;
    }
    return at;
}

/* Replace data[at, at + len) by `with` (wlen bytes); the new size, or 0 when
 * it would not fit max_size. */
static size_t splice(uint8_t *data, size_t size, size_t max_size, size_t at, size_t len,
                     const uint8_t *with, size_t wlen)
{
    if (size - len + wlen > max_size)
        return 0;
    memmove(data + at + wlen, data + at + len, size - at - len);
    if (wlen)
        memcpy(data + at, with, wlen);
    return size - len + wlen;
}

/* One line-level mutation; 0 when it did not apply. */
static size_t mutate_layout(uint8_t *data, size_t size, size_t max_size, unsigned *rnd)
{
    size_t nlines = 1;
    for (size_t i = 0; i < size; i++)
        nlines += data[i] == '\n';
    size_t a = line_start(data, size, next_random(rnd) % nlines);
    const uint8_t *nl = a < size ? memchr(data + a, '\n', size - a) : NULL;
    size_t alen = nl ? (size_t)(nl - data) - a + 1 : size - a; /* with its newline */
    uint8_t tmp[4096];
    switch (next_random(rnd) % 6) {
    case 0: /* copy the line after itself */
        if (alen > sizeof tmp)
            return 0;
        memcpy(tmp, data + a, alen);
        return splice(data, size, max_size, a + alen, 0, tmp, alen);
    case 1: /* drop the line */
        return alen && alen < size ? splice(data, size, max_size, a, alen, NULL, 0) : 0;
    case 2: { /* move the line before another */
        size_t b = line_start(data, size, next_random(rnd) % nlines);
        if (alen > sizeof tmp || !alen || b == a || (b > a && b < a + alen))
            return 0;
        memcpy(tmp, data + a, alen);
        size = splice(data, size, max_size, a, alen, NULL, 0);
        if (b > a)
            b -= alen;
        return splice(data, size, max_size, b, 0, tmp, alen);
    }
    case 3: /* a page break before the line */
        return splice(data, size, max_size, a, 0, (const uint8_t *)"\f", 1);
    case 4: { /* widen or narrow a gap of the line (moves what follows) */
        if (!alen)
            return 0;
        size_t at = a + next_random(rnd) % alen;
        while (at < a + alen && data[at] != ' ')
            at++;
        if (at >= a + alen)
            return 0;
        size_t n = 1 + next_random(rnd) % 12;
        if (next_random(rnd) & 1) {
            memset(tmp, ' ', n);
            return splice(data, size, max_size, at, 0, tmp, n);
        }
        size_t run = 0;
        while (at + run < a + alen && data[at + run] == ' ')
            run++;
        return splice(data, size, max_size, at, n < run ? n : run, NULL, 0);
    }
    default: { /* replace a figure of the line by another */
        size_t at = a;
        while (at < a + alen && (data[at] < '0' || data[at] > '9'))
            at++;
        if (at >= a + alen)
            return 0;
        size_t end = at;
        while (end < a + alen && ((data[end] >= '0' && data[end] <= '9') || data[end] == ',' ||
                                  data[end] == '.'))
            end++;
        static const char *const figures[] = {"0",    "0.00", "1",          "-1.5",  "9,999.99",
                                              "100",  "12.3", "99999999999999999", "1.005",
                                              "301",  "30201", "2089901", "0.01", "-", "—"};
        const char *f = figures[next_random(rnd) % (sizeof figures / sizeof figures[0])];
        return splice(data, size, max_size, at, end - at, (const uint8_t *)f, strlen(f));
    }
    }
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    unsigned rnd = seed | 1;
    if (size && next_random(&rnd) % 2) {
        size_t n = mutate_layout(data, size, max_size, &rnd);
        if (n)
            return n;
    }
    return LLVMFuzzerMutate(data, size, max_size);
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
