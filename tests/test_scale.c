/*
 * Work grows linearly with the document (issue 11): the reference
 * disclosure followed by many copies of its (broken) 三公 table — one table
 * of many blocks, each with its own 合计 — is checked in time and memory
 * proportional to its size.  Compared as a ratio between two sizes in one
 * run, never as an absolute time: 4× the copies must keep at most 8× the
 * identity terms (deterministic), and cost under 12× the CPU time (linear
 * is 4×, quadratic 16×, the blow-ups this guards against 64× and more; the
 * margin absorbs sanitizer builds and timer noise).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <budgetrec/budgetrec.h>

static br_registry *reg;

static void setup(void)
{
    br_error err = {0};
    reg = br_registry_new();
    const char *so[] = {"disclosure_text.so", "rowtotals.so", "tables.so", "crosstable.so",
                        "narrative.so"};
    for (size_t i = 0; i < sizeof so / sizeof *so; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", BR_PLUGIN_BUILD_DIR, so[i]);
        cr_assert_eq(br_registry_load(reg, path, &err), BR_OK, "%s", err.message);
    }
}

static void teardown(void) { br_registry_free(reg); }

TestSuite(scale, .init = setup, .fini = teardown);

/* The reference text with `copies` more copies of its 三公 table (its lines 193–202). */
static char *with_copies(size_t copies)
{
    FILE *f = fopen(BR_SOURCE_DIR "/examples/000_8b975b95330ebfb5.txt", "rb");
    cr_assert_not_null(f);
    static char ref[1 << 20];
    size_t n = fread(ref, 1, sizeof ref - 1, f);
    fclose(f);
    ref[n] = '\0';
    const char *from = ref, *to;
    for (int line = 1; line < 193; line++)
        from = strchr(from, '\n') + 1;
    to = from;
    for (int line = 193; line <= 202; line++)
        to = strchr(to, '\n') + 1;
    size_t tl = (size_t)(to - from);
    char *text = malloc(n + copies * (tl + 2) + 1);
    memcpy(text, ref, n);
    size_t k = n;
    for (size_t c = 0; c < copies; c++) {
        text[k++] = '\n';
        memcpy(text + k, from, tl);
        k += tl;
    }
    text[k] = '\0';
    return text;
}

/* CPU seconds and identity terms kept for checking the document with `copies`. */
static void measure(size_t copies, double *cpu, size_t *terms)
{
    char *text = with_copies(copies);
    char path[] = "/tmp/br_scale_XXXXXX.txt";
    int fd = mkstemps(path, 4);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    free(text);
    br_disclosure *doc = NULL;
    br_error err = {0};
    cr_assert_eq(br_registry_read(reg, path, &doc, &err), BR_OK, "%s", err.message);
    unlink(path);
    clock_t t0 = clock();
    br_report *r = br_registry_check(reg, doc, NULL);
    *cpu = (double)(clock() - t0) / CLOCKS_PER_SEC;
    *terms = 0;
    for (size_t i = 0; i < br_report_count(r); i++) {
        size_t nt;
        br_report_terms(r, i, &nt);
        *terms += nt;
    }
    br_report_free(r);
    br_disclosure_free(doc);
}

/* The least CPU time of three runs (timer noise, a busy machine), and the terms. */
static void measure_best(size_t copies, double *cpu, size_t *terms)
{
    measure(copies, cpu, terms);
    for (int k = 0; k < 2; k++) {
        double c;
        measure(copies, &c, terms);
        if (c < *cpu)
            *cpu = c;
    }
}

Test(scale, many_copies_of_a_broken_table_cost_linear_work)
{
    double small_cpu, big_cpu;
    size_t small_terms, big_terms;
    measure_best(300, &small_cpu, &small_terms);
    measure_best(1200, &big_cpu, &big_terms);
    cr_assert_lt((double)big_terms, 8.0 * (double)small_terms, "terms %zu → %zu", small_terms,
                 big_terms);
    /* (a floor for the small run, so that timer resolution cannot fail the ratio) */
#ifndef __SANITIZE_ADDRESS__ /* (sanitizers slow some paths more than others) */
    double floor = small_cpu > 0.05 ? small_cpu : 0.05;
    cr_assert_lt(big_cpu, 12.0 * floor, "cpu %.3f s → %.3f s", small_cpu, big_cpu);
#endif
}
