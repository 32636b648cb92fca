/* test_decimal.c — exact decimals and units (libcore/src/decimal.c). */
#include <stdint.h>
#include <string.h>

#include <criterion/criterion.h>

#include <budgetrec/decimal.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static br_decimal dec(int64_t units, int32_t scale)
{
    br_decimal d = {units, scale};
    return d;
}

/* br_decimal_format into a static buffer (one use per expression). */
static const char *fmt(br_decimal d)
{
    static char buf[BR_DECIMAL_STR_MAX];
    br_decimal_format(d, buf, sizeof buf);
    return buf;
}

/* ---- parse ---------------------------------------------------------------- */

static const struct {
    const char *in;
    int64_t units;
    int32_t scale;
    const char *printed;
} parse_ok[] = {
    {"1058.00", 105800, 2, "1058.00"},
    {"1,058.00", 105800, 2, "1058.00"},
    {"12,345,678.90", 1234567890, 2, "12345678.90"},
    {"123,456", 123456, 0, "123456"},
    {"17", 17, 0, "17"},
    {"0", 0, 0, "0"},
    {"0.00", 0, 2, "0.00"},
    {"-0.00", 0, 2, "0.00"},
    {"-3.20", -320, 2, "-3.20"},
    {"+3.2", 32, 1, "3.2"},
    {"\xE2\x88\x92" "3.2", -32, 1, "-3.2"},          /* U+2212 − */
    {"\xEF\xBC\x8D" "3.2", -32, 1, "-3.2"},          /* full-width － */
    {"\xEF\xBC\x8B" "7", 7, 0, "7"},                 /* full-width ＋ */
    {".5", 5, 1, "0.5"},
    {"-.5", -5, 1, "-0.5"},
    {"0.5", 5, 1, "0.5"},
    {"007.50", 750, 2, "7.50"},
    {"(12.5)", -125, 1, "-12.5"},
    {"( 12.5 )", -125, 1, "-12.5"},
    {"\xEF\xBC\x88" "12.5\xEF\xBC\x89", -125, 1, "-12.5"}, /* （12.5） */
    {"(1,058.00)", -105800, 2, "-1058.00"},
    {"\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x8E\xEF\xBC\x95", 125, 1, "12.5"}, /* １２．５ */
    {"\xEF\xBC\x91\xEF\xBC\x8C\xEF\xBC\x90\xEF\xBC\x95\xEF\xBC\x98", 1058, 0, "1058"}, /* １，０５８ */
    {"  42.10  ", 4210, 2, "42.10"},
    {"\t6\t", 6, 0, "6"},
    {"999999999999999999", 999999999999999999, 0, "999999999999999999"},
    {"-999999999999999999", -999999999999999999, 0, "-999999999999999999"},
    {"000000000000000000001", 1, 0, "1"},
    {"0.000000000001", 1, 12, "0.000000000001"},
    {"123456.789012345678", 123456789012345678, 12, "123456.789012345678"},
};

Test(decimal, parse_ok)
{
    for (size_t i = 0; i < N_OF(parse_ok); i++) {
        br_decimal d = dec(-1, -1);
        int rc = br_decimal_parse(parse_ok[i].in, strlen(parse_ok[i].in), &d);
        cr_expect_eq(rc, BR_OK, "parse(\"%s\") = %d", parse_ok[i].in, rc);
        cr_expect_eq(d.units, parse_ok[i].units, "parse(\"%s\").units = %lld",
                     parse_ok[i].in, (long long)d.units);
        cr_expect_eq(d.scale, parse_ok[i].scale, "parse(\"%s\").scale = %d",
                     parse_ok[i].in, (int)d.scale);
        cr_expect_str_eq(fmt(d), parse_ok[i].printed, "format(parse(\"%s\"))",
                         parse_ok[i].in);
    }
}

static const struct {
    const char *in;
    int rc;
} parse_bad[] = {
    {"", BR_ERR_INPUT},
    {"   ", BR_ERR_INPUT},
    {"-", BR_ERR_INPUT},
    {"+", BR_ERR_INPUT},
    {".", BR_ERR_INPUT},
    {"-.", BR_ERR_INPUT},
    {"1058.", BR_ERR_INPUT},
    {"5.5万元", BR_ERR_INPUT},
    {"1.2.3", BR_ERR_INPUT},
    {"abc", BR_ERR_INPUT},
    {"1,05.8", BR_ERR_INPUT},
    {"1,2345", BR_ERR_INPUT},
    {"1234,567", BR_ERR_INPUT},
    {",123", BR_ERR_INPUT},
    {"1,,234", BR_ERR_INPUT},
    {"1,234,", BR_ERR_INPUT},
    {"1,23", BR_ERR_INPUT},
    {"0,123", BR_ERR_INPUT},    /* a decimal comma, not a thousands one */
    {"1.234,5", BR_ERR_INPUT},
    {"- 5", BR_ERR_INPUT},
    {"--5", BR_ERR_INPUT},
    {"(-5)", BR_ERR_INPUT},
    {"(5", BR_ERR_INPUT},
    {"5)", BR_ERR_INPUT},
    {"()", BR_ERR_INPUT},
    {"1 000", BR_ERR_INPUT},
    {"1e5", BR_ERR_INPUT},
    {"12%", BR_ERR_INPUT},
    {"\xEF\xBC\x8A", BR_ERR_INPUT},  /* full-width ＊ */
    {"\xE4\xB8\x80", BR_ERR_INPUT},  /* 一 */
    {"\xEF\xBC", BR_ERR_INPUT},      /* truncated UTF-8 */
    {"1234567890123456789", BR_ERR_RANGE},     /* 19 digits */
    {"123456789012.3456789", BR_ERR_RANGE},    /* 19 digits */
    {"0.0000000000001", BR_ERR_RANGE},         /* 13 decimals */
    {"1.0000000000000", BR_ERR_RANGE},
    {"99999999999999999999999", BR_ERR_RANGE},
};

Test(decimal, parse_bad)
{
    for (size_t i = 0; i < N_OF(parse_bad); i++) {
        br_decimal d = dec(77, 7);
        int rc = br_decimal_parse(parse_bad[i].in, strlen(parse_bad[i].in), &d);
        cr_expect_eq(rc, parse_bad[i].rc, "parse(\"%s\") = %d, expected %d",
                     parse_bad[i].in, rc, parse_bad[i].rc);
        cr_expect(d.units == 77 && d.scale == 7, "parse(\"%s\") touched *out",
                  parse_bad[i].in);
    }
}

Test(decimal, parse_args_and_length)
{
    br_decimal d;
    cr_expect_eq(br_decimal_parse(NULL, 0, &d), BR_ERR_ARG);
    cr_expect_eq(br_decimal_parse("1", 1, NULL), BR_ERR_ARG);
    /* Only `len` bytes are read: the text need not be NUL-terminated. */
    cr_expect_eq(br_decimal_parse("12.50xyz", 5, &d), BR_OK);
    cr_expect_str_eq(fmt(d), "12.50");
    cr_expect_eq(br_decimal_parse("1,058", 3, &d), BR_ERR_INPUT); /* "1,0" */
}

/* ---- format --------------------------------------------------------------- */

static const struct {
    int64_t units;
    int32_t scale;
    const char *out;
} format_cases[] = {
    {105800, 2, "1058.00"},
    {-320, 2, "-3.20"},
    {5, 1, "0.5"},
    {-5, 1, "-0.5"},
    {17, 0, "17"},
    {15, -3, "15000"},
    {-15, -3, "-15000"},
    {0, -3, "0"},
    {0, 0, "0"},
    {0, 2, "0.00"},
    {1, 12, "0.000000000001"},
    {-1, 3, "-0.001"},
    {123, 3, "0.123"},
    {1234, 3, "1.234"},
    {INT64_MAX, 0, "9223372036854775807"},
    {INT64_MIN, 0, "-9223372036854775808"},
    {INT64_MIN, 18, "-9.223372036854775808"},
    {INT64_MIN, -18, "-9223372036854775808000000000000000000"},
    {1, 18, "0.000000000000000001"},
};

Test(decimal, format)
{
    for (size_t i = 0; i < N_OF(format_cases); i++) {
        char buf[BR_DECIMAL_STR_MAX];
        br_decimal d = dec(format_cases[i].units, format_cases[i].scale);
        size_t n = br_decimal_format(d, buf, sizeof buf);
        cr_expect_str_eq(buf, format_cases[i].out, "format {%lld, %d}",
                         (long long)d.units, (int)d.scale);
        cr_expect_eq(n, strlen(format_cases[i].out), "format {%lld, %d} length",
                     (long long)d.units, (int)d.scale);
    }
}

Test(decimal, format_truncates_like_snprintf)
{
    char buf[5];
    cr_expect_eq(br_decimal_format(dec(105800, 2), buf, sizeof buf), 7);
    cr_expect_str_eq(buf, "1058");
    cr_expect_eq(br_decimal_format(dec(15, -3), buf, sizeof buf), 5);
    cr_expect_str_eq(buf, "1500");
    cr_expect_eq(br_decimal_format(dec(-5, 1), buf, 1), 4);
    cr_expect_str_eq(buf, "");
    cr_expect_eq(br_decimal_format(dec(-5, 1), NULL, 0), 4);
    /* A scale far outside the arithmetic range is still printed exactly. */
    cr_expect_eq(br_decimal_format(dec(1, -1000), buf, sizeof buf), 1001);
    cr_expect_str_eq(buf, "1000");
}

/* ---- arithmetic ------------------------------------------------------------- */

static const struct {
    const char *a, *b;
    const char *sum, *diff; /* NULL: BR_ERR_RANGE expected */
} addsub_cases[] = {
    {"1.1", "2.25", "3.35", "-1.15"},
    {"1058.00", "-1058", "0.00", "2116.00"},
    {"0.5", "0.5", "1.0", "0.0"},
    {"17", "0.005", "17.005", "16.995"},
    {"-3.20", "-0.8", "-4.00", "-2.40"},
    {"999999999999999999", "999999999999999999", "1999999999999999998", "0"},
};

Test(decimal, add_sub)
{
    for (size_t i = 0; i < N_OF(addsub_cases); i++) {
        br_decimal a, b, r;
        cr_assert_eq(br_decimal_parse(addsub_cases[i].a, strlen(addsub_cases[i].a), &a), BR_OK);
        cr_assert_eq(br_decimal_parse(addsub_cases[i].b, strlen(addsub_cases[i].b), &b), BR_OK);
        cr_expect_eq(br_decimal_add(a, b, &r), BR_OK);
        cr_expect_str_eq(fmt(r), addsub_cases[i].sum, "%s + %s", addsub_cases[i].a,
                         addsub_cases[i].b);
        cr_expect_eq(br_decimal_sub(a, b, &r), BR_OK);
        cr_expect_str_eq(fmt(r), addsub_cases[i].diff, "%s - %s", addsub_cases[i].a,
                         addsub_cases[i].b);
    }
}

Test(decimal, add_sub_overflow)
{
    br_decimal r = dec(42, 0);
    cr_expect_eq(br_decimal_add(dec(INT64_MAX, 0), dec(1, 0), &r), BR_ERR_RANGE);
    cr_expect_eq(br_decimal_sub(dec(INT64_MIN, 0), dec(1, 0), &r), BR_ERR_RANGE);
    cr_expect_eq(br_decimal_sub(dec(0, 0), dec(INT64_MIN, 0), &r), BR_ERR_RANGE);
    /* Aligning 1 to scale 18 is fine, 10^18 to scale 18 is not. */
    cr_expect_eq(br_decimal_add(dec(1, 0), dec(1, 18), &r), BR_OK);
    cr_expect_str_eq(fmt(r), "1.000000000000000001");
    cr_expect_eq(br_decimal_add(dec(1000000000000000000, 0), dec(1, 18), &r), BR_ERR_RANGE);
    cr_expect_eq(br_decimal_add(dec(1, -18), dec(1, 18), &r), BR_ERR_RANGE);
    /* Zero aligns to any scale. */
    cr_expect_eq(br_decimal_add(dec(0, -18), dec(1, 18), &r), BR_OK);
    cr_expect_str_eq(fmt(r), "0.000000000000000001");
    cr_expect(r.units == 1 && r.scale == 18);
    /* Scales outside [-18, 18] and a NULL result are caller errors. */
    cr_expect_eq(br_decimal_add(dec(1, 19), dec(1, 0), &r), BR_ERR_ARG);
    cr_expect_eq(br_decimal_add(dec(1, 0), dec(1, 0), NULL), BR_ERR_ARG);
}

static const struct {
    int64_t au;
    int32_t as;
    int64_t bu;
    int32_t bs;
    int cmp;
} cmp_cases[] = {
    {55, 1, 550, 2, 0},          /* 5.5 == 5.50 */
    {55, 1, 551, 2, -1},
    {-55, 1, -551, 2, 1},
    {0, 0, 0, 5, 0},
    {0, 2, -1, 12, 1},
    {-1, 12, 0, -3, -1},
    {15, -3, 15000, 0, 0},       /* 1.5 万元 in 元 */
    {15, -3, 14999, 0, 1},
    {INT64_MAX, 0, INT64_MAX, 18, 1},
    {INT64_MIN, 0, INT64_MIN, 18, -1},
    {INT64_MAX, -18, INT64_MAX, 18, 1},
    {1, -18, INT64_MAX, 18, 1},
    {-1, -18, INT64_MIN, 18, -1},
    {INT64_MAX, 18, 1, -18, -1},
    {1, INT32_MIN, 1, INT32_MAX, 1},
    {INT64_MIN, 0, INT64_MAX, 0, -1},
};

Test(decimal, cmp)
{
    for (size_t i = 0; i < N_OF(cmp_cases); i++) {
        br_decimal a = dec(cmp_cases[i].au, cmp_cases[i].as);
        br_decimal b = dec(cmp_cases[i].bu, cmp_cases[i].bs);
        int c = br_decimal_cmp(a, b);
        int sign = (c > 0) - (c < 0);
        cr_expect_eq(sign, cmp_cases[i].cmp, "cmp case %zu gave %d", i, c);
        c = br_decimal_cmp(b, a);
        sign = (c > 0) - (c < 0);
        cr_expect_eq(sign, -cmp_cases[i].cmp, "cmp case %zu reversed gave %d", i, c);
    }
}

Test(decimal, abs_is_zero_half_ulp)
{
    cr_expect_str_eq(fmt(br_decimal_abs(dec(-320, 2))), "3.20");
    cr_expect_str_eq(fmt(br_decimal_abs(dec(320, 2))), "3.20");
    cr_expect_eq(br_decimal_abs(dec(INT64_MIN, 0)).units, INT64_MAX);
    cr_expect(br_decimal_is_zero(dec(0, 2)));
    cr_expect(!br_decimal_is_zero(dec(1, 12)));

    static const struct {
        int64_t units;
        int32_t scale;
        const char *half;
    } cases[] = {
        {17, 0, "0.5"},
        {537, 2, "0.005"},
        {-537, 2, "0.005"},
        {15, -3, "500"},
        {0, 1, "0.05"},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        br_decimal h = br_decimal_half_ulp(dec(cases[i].units, cases[i].scale));
        cr_expect_eq(h.units, 5);
        cr_expect_eq(h.scale, cases[i].scale + 1);
        cr_expect_str_eq(fmt(h), cases[i].half, "half_ulp case %zu", i);
    }
}

Test(decimal, shift)
{
    br_decimal r;
    cr_expect_eq(br_decimal_shift(dec(15, 1), 4, &r), BR_OK);
    cr_expect(r.units == 15 && r.scale == -3);
    cr_expect_str_eq(fmt(r), "15000");
    cr_expect_eq(br_decimal_shift(dec(15000, 0), -4, &r), BR_OK);
    cr_expect(r.units == 15000 && r.scale == 4);
    cr_expect_str_eq(fmt(r), "1.5000");
    cr_expect_eq(br_decimal_shift(dec(1, 0), 18, &r), BR_OK);
    cr_expect_eq(br_decimal_shift(dec(1, 0), 19, &r), BR_ERR_RANGE);
    cr_expect_eq(br_decimal_shift(dec(1, 10), -9, &r), BR_ERR_RANGE);
    cr_expect_eq(br_decimal_shift(dec(1, 0), INT32_MIN, &r), BR_ERR_RANGE);
    cr_expect_eq(br_decimal_shift(dec(1, 0), 0, NULL), BR_ERR_ARG);
}

static const struct {
    int64_t units;
    int32_t scale;
    int to;
    int rc;
    const char *out;
} rescale_cases[] = {
    {55, 1, 2, BR_OK, "5.50"},
    {550, 2, 1, BR_OK, "5.5"},
    {550, 2, 0, BR_ERR_RANGE, NULL},
    {500, 2, 0, BR_OK, "5"},
    {15, -3, 2, BR_OK, "15000.00"},
    {15000, 0, -3, BR_OK, "15000"},
    {15001, 0, -3, BR_ERR_RANGE, NULL},
    {0, 2, -18, BR_OK, "0"},
    {0, -18, 18, BR_OK, "0.000000000000000000"},
    {1, 0, 18, BR_OK, "1.000000000000000000"},
    {10, 0, 18, BR_ERR_RANGE, NULL},   /* 10^19 units */
    {1, -18, 18, BR_ERR_RANGE, NULL},
    {1, 0, 19, BR_ERR_RANGE, NULL},
    {INT64_MIN, 18, -18, BR_ERR_RANGE, NULL},
};

Test(decimal, rescale)
{
    for (size_t i = 0; i < N_OF(rescale_cases); i++) {
        br_decimal r = dec(42, 42);
        int rc = br_decimal_rescale(dec(rescale_cases[i].units, rescale_cases[i].scale),
                                    rescale_cases[i].to, &r);
        cr_expect_eq(rc, rescale_cases[i].rc, "rescale case %zu gave %d", i, rc);
        if (rescale_cases[i].out) {
            cr_expect_eq(r.scale, rescale_cases[i].to, "rescale case %zu scale", i);
            cr_expect_str_eq(fmt(r), rescale_cases[i].out, "rescale case %zu", i);
        }
    }
}

/* ---- units -------------------------------------------------------------------- */

Test(units, convert)
{
    static const struct {
        const char *in;
        br_unit from, to;
        int64_t units;
        int32_t scale;
        const char *out, *half;
    } cases[] = {
        {"1.5", BR_UNIT_WAN, BR_UNIT_YUAN, 15, -3, "15000", "500"},
        {"1058.00", BR_UNIT_WAN, BR_UNIT_YUAN, 105800, -2, "10580000", "50"},
        {"15000", BR_UNIT_YUAN, BR_UNIT_WAN, 15000, 4, "1.5000", "0.00005"},
        {"2.5", BR_UNIT_YI, BR_UNIT_WAN, 25, -3, "25000", "500"},
        {"2.5", BR_UNIT_YI, BR_UNIT_YUAN, 25, -7, "250000000", "5000000"},
        {"6", BR_UNIT_WAN, BR_UNIT_WAN, 6, 0, "6", "0.5"},
        {"1996.06", BR_UNIT_WAN, BR_UNIT_YI, 199606, 6, "0.199606", "0.0000005"},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        br_decimal d, r;
        cr_assert_eq(br_decimal_parse(cases[i].in, strlen(cases[i].in), &d), BR_OK);
        cr_expect_eq(br_decimal_convert(d, cases[i].from, cases[i].to, &r), BR_OK);
        cr_expect(r.units == cases[i].units && r.scale == cases[i].scale,
                  "convert case %zu gave {%lld, %d}", i, (long long)r.units, (int)r.scale);
        cr_expect_str_eq(fmt(r), cases[i].out, "convert case %zu", i);
        cr_expect_str_eq(fmt(br_decimal_half_ulp(r)), cases[i].half, "half_ulp case %zu", i);
    }
}

Test(units, convert_errors)
{
    br_decimal r;
    cr_expect_eq(br_decimal_convert(dec(1, 0), BR_UNIT_UNKNOWN, BR_UNIT_YUAN, &r), BR_ERR_ARG);
    cr_expect_eq(br_decimal_convert(dec(1, 0), BR_UNIT_WAN, BR_UNIT_UNKNOWN, &r), BR_ERR_ARG);
    cr_expect_eq(br_decimal_convert(dec(1, 0), (br_unit)99, BR_UNIT_YUAN, &r), BR_ERR_ARG);
    cr_expect_eq(br_decimal_convert(dec(1, 0), BR_UNIT_WAN, BR_UNIT_YUAN, NULL), BR_ERR_ARG);
    cr_expect_eq(br_decimal_convert(dec(1, -12), BR_UNIT_YI, BR_UNIT_YUAN, &r), BR_ERR_RANGE);
    cr_expect_eq(br_decimal_convert(dec(1, 12), BR_UNIT_YUAN, BR_UNIT_YI, &r), BR_ERR_RANGE);
}

Test(units, name)
{
    cr_expect_str_eq(br_unit_name(BR_UNIT_YUAN), "元");
    cr_expect_str_eq(br_unit_name(BR_UNIT_WAN), "万元");
    cr_expect_str_eq(br_unit_name(BR_UNIT_YI), "亿元");
    cr_expect_str_eq(br_unit_name(BR_UNIT_UNKNOWN), "");
    cr_expect_str_eq(br_unit_name((br_unit)42), "");
}

static const struct {
    const char *in;
    br_unit unit;
} unit_cases[] = {
    {"元", BR_UNIT_YUAN},
    {"万元", BR_UNIT_WAN},
    {"亿元", BR_UNIT_YI},
    {"单位：万元", BR_UNIT_WAN},
    {"单位:万元", BR_UNIT_WAN},
    {"金额单位：元", BR_UNIT_YUAN},
    {"单位: 元", BR_UNIT_YUAN},
    {"单位：亿元", BR_UNIT_YI},
    {"单位万元", BR_UNIT_WAN},
    {"单位：人民币元", BR_UNIT_YUAN},
    {"  万元  ", BR_UNIT_WAN},
    {"单位：万元\xE3\x80\x80", BR_UNIT_WAN},    /* trailing U+3000 */
    {"(单位：万元)", BR_UNIT_WAN},
    {"（单位：元）", BR_UNIT_YUAN},
    {"", BR_UNIT_UNKNOWN},
    {"   ", BR_UNIT_UNKNOWN},
    {"千元", BR_UNIT_UNKNOWN},
    {"美元", BR_UNIT_UNKNOWN},
    {"单位：千元", BR_UNIT_UNKNOWN},
    {"合计1058元", BR_UNIT_UNKNOWN},
    {"单位：万元。", BR_UNIT_UNKNOWN},
    {"人", BR_UNIT_UNKNOWN},
    {"%", BR_UNIT_UNKNOWN},
    {"万", BR_UNIT_UNKNOWN},
};

Test(units, parse)
{
    for (size_t i = 0; i < N_OF(unit_cases); i++) {
        br_unit u = br_unit_parse(unit_cases[i].in, strlen(unit_cases[i].in));
        cr_expect_eq(u, unit_cases[i].unit, "unit_parse(\"%s\") = %d", unit_cases[i].in,
                     (int)u);
    }
    cr_expect_eq(br_unit_parse(NULL, 3), BR_UNIT_UNKNOWN);
    /* Only `len` bytes count. */
    cr_expect_eq(br_unit_parse("万元以上", 6), BR_UNIT_WAN);
}
