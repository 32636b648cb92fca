/*
 * Inputs found by the fuzzer (fuzz/fuzz_read.c, `make fuzz`), one file each
 * in tests/data/fuzz/, minimised.  Each is read through the registry with
 * every bundled plugin, as fuzz_read does: the read gives the status listed
 * (BR_OK, then every check runs on it; or a refusal naming the file with a
 * reason), within the time limit; nothing crashes, and under ASan (make
 * test-asan) nothing leaks — LeakSanitizer is asked explicitly, since a leak
 * reported as a Criterion worker exits does not fail the test.  Some bugs
 * (an out-of-bounds pointer never dereferenced) only clang's UBSan sees:
 * `make fuzz` replays these files as seeds under it.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define LEAKS() __lsan_do_recoverable_leak_check()
#else
#define LEAKS() 0
#endif

#define FUZZ_DIR BR_SOURCE_DIR "/tests/data/fuzz"

/* Every file of tests/data/fuzz, the status its read gives, and the bug. */
static const struct {
    const char *file;
    int status;
    const char *bug;
} cases[] = {
    {"assign_alternatives_overflow.layout.txt", BR_OK,
     "disclosure_text/assign.c: the note naming a row's alternative placements indexed its "
     "512-byte buffer past the end once the text was cut"},
    {"assign_search_cap.layout.txt", BR_OK,
     "disclosure_text/assign.c: the placement search counted nodes but bounded every child of "
     "each, running up to 64 times its cap (seconds on a 4 KB input)"},
};
#define NCASES (sizeof cases / sizeof cases[0])

static br_registry *reg;

static void setup(void)
{
    br_error err = {0};
    reg = br_registry_new();
    cr_assert_not_null(reg);
    cr_assert_gt(br_registry_load_dir(reg, BR_PLUGIN_BUILD_DIR, &err), 0, "%s", err.message);
    cr_assert_eq(br_registry_message_count(reg), 0, "%s", br_registry_message_at(reg, 0));
}

static void teardown(void) { br_registry_free(reg); }

/* A hang found by the fuzzer fails here: each input reads in well under a
 * second under ASan (the search-cap input took 45 s before its fix). */
TestSuite(fuzz_regressions, .init = setup, .fini = teardown, .timeout = 20);

/* Read cases[i] (and check it when read), as fuzz_read does. */
static void read_case(size_t i)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", FUZZ_DIR, cases[i].file);
    br_disclosure *doc = NULL;
    br_error err = {0};
    int rc = br_registry_read(reg, path, &doc, &err);
    cr_assert_eq(rc, cases[i].status, "%s: read gave %s (%s), expected %s", cases[i].file,
                 br_status_name(rc), err.message, br_status_name(cases[i].status));
    if (rc == BR_OK) {
        cr_assert_not_null(doc);
        br_report *report = br_registry_check(reg, doc, NULL);
        cr_assert_not_null(report);
        for (size_t f = 0; f < br_report_count(report); f++) {
            br_location loc;
            cr_assert_eq(br_report_location(report, f, &loc), BR_OK);
            cr_assert_lt(br_report_consequence_of(report, f), (long)br_report_count(report));
        }
        br_report_free(report);
        br_disclosure_free(doc);
    } else {
        cr_assert_null(doc);
        cr_assert_str_eq(err.file, path);
        cr_assert_neq(err.message[0], '\0', "%s: refusal without a reason", cases[i].file);
    }
    cr_assert_eq(LEAKS(), 0, "%s: memory leaked (LeakSanitizer report above)", cases[i].file);
}

ParameterizedTestParameters(fuzz_regressions, input)
{
    static size_t index[NCASES];
    for (size_t i = 0; i < NCASES; i++)
        index[i] = i;
    return cr_make_param_array(size_t, index, NCASES);
}

ParameterizedTest(size_t *i, fuzz_regressions, input) { read_case(*i); }

/* The list above is the directory: no regression input goes unread. */
Test(fuzz_regressions, every_file_is_listed)
{
    DIR *dir = opendir(FUZZ_DIR);
    cr_assert_not_null(dir, "cannot open %s", FUZZ_DIR);
    size_t seen = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.')
            continue;
        size_t i = 0;
        while (i < NCASES && strcmp(cases[i].file, e->d_name) != 0)
            i++;
        cr_expect_lt(i, NCASES, "tests/data/fuzz/%s is not in cases[]", e->d_name);
        seen++;
    }
    closedir(dir);
    cr_assert_eq(seen, NCASES);
}
