/* test_codes.c — subject codes (libcore/src/codes.c). */
#include <stddef.h>

#include <criterion/criterion.h>

#include <budgetrec/decimal.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
    const char *code;
    br_code_system sys;
    int level;
    size_t parent_len;
} code_cases[] = {
    {"201", BR_CODE_FUNCTIONAL, 1, 0},
    {"20103", BR_CODE_FUNCTIONAL, 2, 3},
    {"2010301", BR_CODE_FUNCTIONAL, 3, 5},
    {"208", BR_CODE_FUNCTIONAL, 1, 0},
    {"301", BR_CODE_ECONOMIC, 1, 0},
    {"30101", BR_CODE_ECONOMIC, 2, 3},
    {"501", BR_CODE_ECONOMIC, 1, 0},
    {"50201", BR_CODE_ECONOMIC, 2, 3},
    {"3010101", BR_CODE_NONE, 0, 0},   /* economic codes stop at 款 */
    {"5010101", BR_CODE_NONE, 0, 0},
    {"101", BR_CODE_NONE, 0, 0},       /* not an expenditure code */
    {"401", BR_CODE_NONE, 0, 0},
    {"20", BR_CODE_NONE, 0, 0},
    {"2010", BR_CODE_NONE, 0, 0},
    {"201030", BR_CODE_NONE, 0, 0},
    {"20103011", BR_CODE_NONE, 0, 0},
    {"201030101", BR_CODE_NONE, 0, 0},
    {"2", BR_CODE_NONE, 0, 0},
    {"", BR_CODE_NONE, 0, 0},
    {"20a", BR_CODE_NONE, 0, 0},
    {" 201", BR_CODE_NONE, 0, 0},
    {"201 ", BR_CODE_NONE, 0, 0},
    {"-201", BR_CODE_NONE, 0, 0},
    {"２０１", BR_CODE_NONE, 0, 0},     /* full-width digits: normalise first */
    {"合计", BR_CODE_NONE, 0, 0},
};

Test(codes, system_level_parent_len)
{
    for (size_t i = 0; i < N_OF(code_cases); i++) {
        const char *c = code_cases[i].code;
        cr_expect_eq(br_code_system_of(c), code_cases[i].sys, "system_of(\"%s\")", c);
        cr_expect_eq(br_code_level(c), code_cases[i].level, "level(\"%s\")", c);
        cr_expect_eq(br_code_parent_len(c), code_cases[i].parent_len, "parent_len(\"%s\")", c);
    }
}

Test(codes, null_safe)
{
    cr_expect_eq(br_code_system_of(NULL), BR_CODE_NONE);
    cr_expect_eq(br_code_level(NULL), 0);
    cr_expect_eq(br_code_parent_len(NULL), 0);
    cr_expect_eq(br_code_is_child(NULL, "20103"), 0);
    cr_expect_eq(br_code_is_child("201", NULL), 0);
    cr_expect_eq(br_code_is_child(NULL, NULL), 0);
}

static const struct {
    const char *parent, *child;
    int is_child;
} child_cases[] = {
    {"201", "20103", 1},
    {"20103", "2010301", 1},
    {"301", "30101", 1},
    {"501", "50101", 1},
    {"201", "2010301", 0},   /* grandchild, not child */
    {"201", "20203", 0},     /* other prefix */
    {"20103", "2010401", 0},
    {"201", "201", 0},
    {"20103", "201", 0},     /* reversed */
    {"301", "50101", 0},
    {"302", "30201", 1},
    {"201", "30101", 0},     /* other system */
    {"301", "3010101", 0},   /* not a code */
    {"2010301", "201030101", 0},
    {"abc", "abcde", 0},
    {"", "201", 0},
};

Test(codes, is_child)
{
    for (size_t i = 0; i < N_OF(child_cases); i++) {
        cr_expect_eq(br_code_is_child(child_cases[i].parent, child_cases[i].child),
                     child_cases[i].is_child, "is_child(\"%s\", \"%s\")",
                     child_cases[i].parent, child_cases[i].child);
    }
}

Test(codes, parent_prefix_is_a_code)
{
    /* The prefix of parent_len bytes is the parent, and is_child agrees. */
    static const char *const codes[] = {"20103", "2010301", "30101", "50201"};
    for (size_t i = 0; i < N_OF(codes); i++) {
        char parent[8] = {0};
        size_t n = br_code_parent_len(codes[i]);
        cr_assert(n > 0 && n < sizeof parent);
        for (size_t k = 0; k < n; k++)
            parent[k] = codes[i][k];
        cr_expect_eq(br_code_level(parent), br_code_level(codes[i]) - 1, "%s", codes[i]);
        cr_expect(br_code_is_child(parent, codes[i]), "%s of %s", parent, codes[i]);
    }
}
