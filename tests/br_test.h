/*
 * br_test.h — helpers the Criterion tests share.
 *
 * dec()/str() convert between printed figures and br_decimal.  A test file
 * that declares `static br_registry *reg;` before including this header with
 * BR_TEST_REGISTRY defined also gets check(), check_path(), check_file(),
 * count() and only() over that registry.
 */
#ifndef BR_TEST_H
#define BR_TEST_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

/* A printed figure as an exact decimal (the test fails if it is not one). */
static inline br_decimal dec(const char *s)
{
    br_decimal d;
    cr_assert_eq(br_decimal_parse(s, strlen(s), &d), BR_OK, "%s", s);
    return d;
}

/* A decimal printed; the last four results stay valid. */
static inline const char *str(br_decimal d)
{
    static char buf[4][BR_DECIMAL_STR_MAX];
    static int k;
    k = (k + 1) % 4;
    br_decimal_format(d, buf[k], sizeof buf[k]);
    return buf[k];
}

#ifdef BR_TEST_REGISTRY
/* Run every check of `reg` on doc. */
static inline br_report *check(const br_disclosure *doc)
{
    br_report *r = br_registry_check(reg, doc, NULL);
    cr_assert_not_null(r);
    return r;
}

/* Read `path` with `reg` into *doc and check it. */
static inline br_report *check_path(const char *path, br_disclosure **doc)
{
    br_error err = {0};
    cr_assert_eq(br_registry_read(reg, path, doc, &err), BR_OK, "%s:%ld: %s", err.file, err.line,
                 err.message);
    return check(*doc);
}

/* check_path on tests/data/<name>. */
static inline br_report *check_file(const char *name, br_disclosure **doc)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/%s", BR_SOURCE_DIR, name);
    return check_path(path, doc);
}

/* How many findings check `id` made. */
static inline size_t count(const br_report *r, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < br_report_count(r); i++)
        n += strcmp(br_report_at(r, i)->check, id) == 0;
    return n;
}

/* The one finding of check `id` (the test fails, listing them, otherwise). */
static inline const br_finding *only(const br_report *r, const char *id)
{
    char seen[2048] = "";
    for (size_t i = 0, n = 0; i < br_report_count(r); i++)
        if (strcmp(br_report_at(r, i)->check, id) == 0 && n < sizeof seen)
            n += (size_t)snprintf(seen + n, sizeof seen - n, "\n  line %ld: %s",
                                  br_report_at(r, i)->line, br_report_at(r, i)->message);
    cr_assert_eq(count(r, id), 1, "%s: %zu findings%s", id, count(r, id), seen);
    for (size_t i = 0; i < br_report_count(r); i++)
        if (strcmp(br_report_at(r, i)->check, id) == 0)
            return br_report_at(r, i);
    return NULL;
}
#endif

#endif
