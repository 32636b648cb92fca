/* test_text.c — UTF-8, normalisation, the arena, errors (libcore/src/utf8.c,
 * arena.c, error.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include <budgetrec/text.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- validation -------------------------------------------------------------- */

static const struct {
    const char *data;
    size_t len; /* 0: strlen */
    int rc;
    long line;
    const char *offset; /* expected in the message, e.g. "offset 3" */
} utf8_cases[] = {
    {"", 0, BR_OK, 0, NULL},
    {"plain ASCII\nline two\n", 0, BR_OK, 0, NULL},
    {"部门预算 ≥ 5 万元\n（一）", 0, BR_OK, 0, NULL},
    {"\xF0\x9F\x98\x80 U+1F600", 0, BR_OK, 0, NULL},
    {"\xF4\x8F\xBF\xBF", 0, BR_OK, 0, NULL},             /* U+10FFFF */
    {"\xEF\xBF\xBF", 0, BR_OK, 0, NULL},                 /* U+FFFF */
    {"a\0b", 3, BR_OK, 0, NULL},                         /* NUL is UTF-8 */
    {"line 1\nline 2\nbad \xFF here\n", 0, BR_ERR_INPUT, 3, "offset 18"},
    {"\x80", 0, BR_ERR_INPUT, 1, "offset 0"},            /* lone continuation */
    {"ab\xC0\xAF", 0, BR_ERR_INPUT, 1, "offset 2"},      /* overlong '/' */
    {"\xC1\xBF", 0, BR_ERR_INPUT, 1, "offset 0"},        /* overlong */
    {"\xE0\x80\xAF", 0, BR_ERR_INPUT, 1, "offset 0"},    /* overlong, 3 bytes */
    {"\xF0\x80\x80\xAF", 0, BR_ERR_INPUT, 1, "offset 0"},/* overlong, 4 bytes */
    {"\n\xED\xA0\x80", 0, BR_ERR_INPUT, 2, "offset 1"},  /* U+D800 surrogate */
    {"\n\n\xED\xBF\xBF", 0, BR_ERR_INPUT, 3, "offset 2"},/* U+DFFF surrogate */
    {"\xF4\x90\x80\x80", 0, BR_ERR_INPUT, 1, "offset 0"},/* U+110000 */
    {"\xF5\x80\x80\x80", 0, BR_ERR_INPUT, 1, "offset 0"},
    {"\xFE", 0, BR_ERR_INPUT, 1, "offset 0"},
    {"abc\xE4\xB8", 0, BR_ERR_INPUT, 1, "offset 3"},     /* truncated at end */
    {"\xE4\xB8x\n", 0, BR_ERR_INPUT, 1, "offset 0"},     /* truncated inside */
    {"\xF0\x9F\x98", 0, BR_ERR_INPUT, 1, "offset 0"},
    {"12345678\n12345678\n1234567\xC3", 0, BR_ERR_INPUT, 3, "offset 25"},
};

Test(utf8, validate)
{
    for (size_t i = 0; i < N_OF(utf8_cases); i++) {
        size_t len = utf8_cases[i].len ? utf8_cases[i].len : strlen(utf8_cases[i].data);
        br_error err;
        memset(&err, 0, sizeof err);
        int rc = br_utf8_validate(utf8_cases[i].data, len, &err);
        cr_expect_eq(rc, utf8_cases[i].rc, "validate case %zu gave %d", i, rc);
        if (utf8_cases[i].rc == BR_OK)
            continue;
        cr_expect_eq(err.code, BR_ERR_INPUT, "case %zu code", i);
        cr_expect_eq(err.line, utf8_cases[i].line, "case %zu line %ld", i, err.line);
        cr_expect(strstr(err.message, utf8_cases[i].offset) != NULL,
                  "case %zu message \"%s\" lacks \"%s\"", i, err.message,
                  utf8_cases[i].offset);
    }
}

Test(utf8, validate_null_err_and_long_input)
{
    cr_expect_eq(br_utf8_validate("\xFF", 1, NULL), BR_ERR_INPUT);
    cr_expect_eq(br_utf8_validate(NULL, 0, NULL), BR_OK);
    cr_expect_eq(br_utf8_validate(NULL, 1, NULL), BR_ERR_ARG);

    /* A bad byte after many lines of mixed text: line 1001. */
    const char *line = "支出合计\t1,058.00\tabc\n";
    size_t ll = strlen(line), n = 1000 * ll + 2;
    char *text = malloc(n);
    cr_assert_not_null(text);
    for (size_t i = 0; i < 1000; i++)
        memcpy(text + i * ll, line, ll);
    text[n - 2] = 'x';
    text[n - 1] = (char)0xC0;
    br_error err;
    cr_expect_eq(br_utf8_validate(text, n - 1, &err), BR_OK);
    cr_expect_eq(br_utf8_validate(text, n, &err), BR_ERR_INPUT);
    cr_expect_eq(err.line, 1001);
    free(text);
}

/* ---- normalisation ----------------------------------------------------------- */

static const struct {
    const char *in, *out;
} norm_cases[] = {
    {"（一）１２３\\geq５　x\r\n", "(一)123≥5 x\n"},
    {"", ""},
    {"plain ASCII, nothing to do\n", "plain ASCII, nothing to do\n"},
    {"a\r\nb\r\n", "a\nb\n"},
    {"\\leq 10%", "≤ 10%"},
    {"x\\geq", "x≥"},
    {"\\geqslant", "\\geqslant"},             /* another TeX word */
    {"\\ge", "\\ge"},
    {"单位：万元", "单位:万元"},
    {"合计，１，０５８．００", "合计,1,058.00"},
    {"ＡＢＣ－ｘｙｚ", "ABC-xyz"},
    {"１０％", "10%"},
    {"a\xC2\xA0" "b", "a b"},                 /* U+00A0 */
    {"a\xE3\x80\x80" "b", "a b"},             /* U+3000 */
    {"、。“”", "、。“”"},                      /* NFKC leaves these */
    {"《预算法》——第一条", "《预算法》——第一条"},
    {"e\xCC\x81", "\xC3\xA9"},                /* e + U+0301 → é */
    {"部门e\xCC\x81", "部门\xC3\xA9"},
    {"\xE4\xB8\x80\xCC\x81", "\xE4\xB8\x80\xCC\x81"}, /* 一 + U+0301 stays */
    {"\xEF\xA4\x80", "\xE8\xB1\x88"},         /* U+F900 → U+8C48 */
    {"①②", "12"},
    {"page\f12\n", "page\f12\n"},
    {"\r\r\r", ""},
    {"（\r\n）", "(\n)"},
};

Test(text, normalize)
{
    br_arena *a = br_arena_new(0);
    cr_assert_not_null(a);
    for (size_t i = 0; i < N_OF(norm_cases); i++) {
        char *out = NULL;
        size_t out_len = 12345;
        br_error err;
        memset(&err, 0, sizeof err);
        int rc = br_text_normalize(norm_cases[i].in, strlen(norm_cases[i].in), a, &out,
                                   &out_len, &err);
        cr_expect_eq(rc, BR_OK, "normalize case %zu gave %d: %s", i, rc, err.message);
        cr_assert_not_null(out);
        cr_expect_str_eq(out, norm_cases[i].out, "normalize(\"%s\")", norm_cases[i].in);
        cr_expect_eq(out_len, strlen(norm_cases[i].out), "normalize case %zu length", i);
    }
    br_arena_free(a);
}

static size_t count_lines(const char *s, size_t n)
{
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += s[i] == '\n';
    return lines;
}

Test(text, normalize_keeps_line_numbers)
{
    const char *doc =
        "一、部门基本情况\r\n"
        "（一）部门职责\r\n"
        "\f"
        "单位：万元\r\n"
        "２０１\t一般公共服务支出\t１，９３２．１０\r\n"
        "\r\n"
        "\\geq 90%\xE3\x80\x80" "e\xCC\x81\n"
        "last line without newline";
    br_arena *a = br_arena_new(64);
    cr_assert_not_null(a);
    char *out;
    size_t n;
    cr_assert_eq(br_text_normalize(doc, strlen(doc), a, &out, &n, NULL), BR_OK);
    cr_expect_eq(count_lines(out, n), count_lines(doc, strlen(doc)));
    cr_expect_eq(strchr(out, '\r'), NULL);
    cr_expect_str_eq(out,
                     "一、部门基本情况\n"
                     "(一)部门职责\n"
                     "\f"
                     "单位:万元\n"
                     "201\t一般公共服务支出\t1,932.10\n"
                     "\n"
                     "≥ 90% \xC3\xA9\n"
                     "last line without newline");
    /* Line k of the output is line k of the input: the \f stays on line 3. */
    const char *ff = strchr(out, '\f');
    cr_assert_not_null(ff);
    cr_expect_eq(count_lines(out, (size_t)(ff - out)), 2);
    br_arena_free(a);
}

Test(text, normalize_long_mixed_input)
{
    /* Many segments for utf8proc, interleaved with pass-through runs. */
    const char *unit = "预算（万元）：１２．５０；e\xCC\x81\\geq\r\n";
    const char *want = "预算(万元):12.50;\xC3\xA9≥\n";
    size_t ul = strlen(unit), wl = strlen(want), reps = 5000;
    char *in = malloc(ul * reps);
    cr_assert_not_null(in);
    for (size_t i = 0; i < reps; i++)
        memcpy(in + i * ul, unit, ul);
    br_arena *a = br_arena_new(0);
    char *out;
    size_t n;
    cr_assert_eq(br_text_normalize(in, ul * reps, a, &out, &n, NULL), BR_OK);
    cr_assert_eq(n, wl * reps);
    for (size_t i = 0; i < reps; i++)
        cr_assert(memcmp(out + i * wl, want, wl) == 0, "repetition %zu", i);
    cr_expect_eq(out[n], '\0');
    free(in);
    br_arena_free(a);
}

Test(text, normalize_embedded_nul)
{
    br_arena *a = br_arena_new(0);
    char *out;
    size_t n;
    cr_assert_eq(br_text_normalize("１\0２", 7, a, &out, &n, NULL), BR_OK);
    cr_expect_eq(n, 3);
    cr_expect(memcmp(out, "1\0" "2", 4) == 0);
    br_arena_free(a);
}

Test(text, normalize_errors)
{
    br_arena *a = br_arena_new(0);
    char *out = NULL;
    size_t n;
    br_error err;
    memset(&err, 0, sizeof err);
    const char *bad = "ok\n（一）\nstill ok\nbad\xED\xA0\x80\n";
    cr_expect_eq(br_text_normalize(bad, strlen(bad), a, &out, &n, &err), BR_ERR_INPUT);
    cr_expect_eq(err.code, BR_ERR_INPUT);
    cr_expect_eq(err.line, 4);
    cr_expect_eq(out, NULL);
    cr_expect_eq(br_text_normalize("x", 1, NULL, &out, &n, NULL), BR_ERR_ARG);
    cr_expect_eq(br_text_normalize("x", 1, a, NULL, &n, NULL), BR_ERR_ARG);
    cr_expect_eq(br_text_normalize(NULL, 1, a, &out, &n, NULL), BR_ERR_ARG);
    cr_expect_eq(br_text_normalize(NULL, 0, a, &out, NULL, NULL), BR_OK);
    cr_expect_str_eq(out, "");
    br_arena_free(a);
}

/* ---- arena ----------------------------------------------------------------------- */

static int is_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

Test(arena, many_small_and_one_big)
{
    br_arena *a = br_arena_new(128);
    cr_assert_not_null(a);
    size_t total = 0;
    unsigned char *prev = NULL;
    for (size_t i = 0; i < 10000; i++) {
        size_t size = 1 + i % 40;
        unsigned char *p = br_arena_alloc(a, size);
        cr_assert_not_null(p);
        cr_assert_eq((uintptr_t)p % 16, 0, "alloc %zu not aligned", i);
        cr_assert(is_zero(p, size), "alloc %zu not zeroed", i);
        memset(p, 0xAB, size); /* ASan catches any overlap or overrun */
        if (prev)
            cr_assert(p != prev);
        prev = p;
        total += size;
    }
    size_t big = 10u * 1024 * 1024;
    unsigned char *p = br_arena_alloc(a, big);
    cr_assert_not_null(p);
    cr_expect_eq((uintptr_t)p % 16, 0);
    cr_expect(is_zero(p, big));
    memset(p, 0xCD, big);
    total += big;
    /* Small allocations still work after the big one. */
    unsigned char *q = br_arena_alloc(a, 24);
    cr_assert_not_null(q);
    cr_expect(is_zero(q, 24));
    total += 24;
    cr_expect_eq(br_arena_used(a), total);
    br_arena_free(a);
}

Test(arena, strndup_and_edges)
{
    br_arena *a = br_arena_new(0);
    cr_assert_not_null(a);
    char *s = br_arena_strndup(a, "一般公共服务支出xyz", 24);
    cr_assert_not_null(s);
    cr_expect_str_eq(s, "一般公共服务支出");
    cr_expect_str_eq(br_arena_strndup(a, "", 0), "");
    cr_expect_str_eq(br_arena_strndup(a, NULL, 0), "");
    cr_expect_eq(br_arena_strndup(a, NULL, 3), NULL);
    cr_expect_not_null(br_arena_alloc(a, 0));
    cr_expect_eq(br_arena_alloc(a, SIZE_MAX), NULL);
    cr_expect_eq(br_arena_alloc(a, SIZE_MAX - 8), NULL);
    cr_expect_eq(br_arena_strndup(a, "x", SIZE_MAX), NULL);
    cr_expect_eq(br_arena_alloc(NULL, 8), NULL);
    cr_expect_eq(br_arena_strndup(NULL, "x", 1), NULL);
    cr_expect_eq(br_arena_used(NULL), 0);
    br_arena_free(NULL);
    br_arena_free(a);
}

/* ---- errors ------------------------------------------------------------------------ */

Test(error, set)
{
    br_error err;
    memset(&err, 0x55, sizeof err);
    br_error_set(&err, BR_ERR_INPUT, "doc.txt", 42, "bad figure \"%s\" in %s", "1,05.8",
                 "gpb_basic");
    cr_expect_eq(err.code, BR_ERR_INPUT);
    cr_expect_eq(err.line, 42);
    cr_expect_str_eq(err.file, "doc.txt");
    cr_expect_str_eq(err.message, "bad figure \"1,05.8\" in gpb_basic");

    br_error_set(&err, BR_ERR_IO, NULL, 0, "no file");
    cr_expect_str_eq(err.file, "");
    cr_expect_eq(err.line, 0);

    br_error_set(NULL, BR_ERR_IO, "x", 1, "ignored %d", 1); /* no-op, no crash */
}

Test(error, truncates_on_character_boundary)
{
    br_error err;
    /* 600 bytes of 3-byte characters: 170 fit in 511 bytes (510 bytes), so
     * the message must stop there rather than in the middle of one. */
    char text[601];
    for (int i = 0; i < 200; i++)
        memcpy(text + 3 * i, "元", 3);
    text[600] = '\0';
    br_error_set(&err, BR_ERR_INPUT, text, 1, "%s", text);
    size_t n = strlen(err.message);
    cr_expect_eq(n, 510);
    cr_expect_eq(br_utf8_validate(err.message, n, NULL), BR_OK);
    n = strlen(err.file);
    cr_expect_eq(n, 255);
    cr_expect_eq(br_utf8_validate(err.file, n, NULL), BR_OK);

    /* ASCII is cut at exactly capacity - 1. */
    char ascii[700];
    memset(ascii, 'a', sizeof ascii - 1);
    ascii[sizeof ascii - 1] = '\0';
    br_error_set(&err, BR_ERR_INPUT, ascii, 1, "%s", ascii);
    cr_expect_eq(strlen(err.message), sizeof err.message - 1);
    cr_expect_eq(strlen(err.file), sizeof err.file - 1);
}

Test(error, status_name)
{
    static const struct {
        int code;
        const char *name;
    } cases[] = {
        {BR_OK, "BR_OK"},
        {BR_ERR_NOMEM, "BR_ERR_NOMEM"},
        {BR_ERR_IO, "BR_ERR_IO"},
        {BR_ERR_INPUT, "BR_ERR_INPUT"},
        {BR_ERR_ARG, "BR_ERR_ARG"},
        {BR_ERR_RANGE, "BR_ERR_RANGE"},
        {BR_ERR_PLUGIN, "BR_ERR_PLUGIN"},
        {BR_ERR_UNSUPPORTED, "BR_ERR_UNSUPPORTED"},
        {BR_ERR_NOT_FOUND, "BR_ERR_NOT_FOUND"},
        {-99, "BR_ERR_UNKNOWN"},
        {1, "BR_ERR_UNKNOWN"},
    };
    for (size_t i = 0; i < N_OF(cases); i++)
        cr_expect_str_eq(br_status_name(cases[i].code), cases[i].name);
}
