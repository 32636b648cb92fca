/*
 * diagnose.c — naming the slip that turns an expected figure into the
 * printed one, when a single slip explains it exactly: a sign error, a
 * decimal shift (×10, ÷10, ×100, ÷100), a unit slip (×10⁴, ÷10⁴: 元 vs 万元),
 * or two adjacent digits transposed.
 */
#include <stdio.h>
#include <string.h>

#include <budgetrec/budgetrec.h>

static int equals_shifted(br_decimal expected, br_decimal actual, int exp)
{
    br_decimal shifted;
    return br_decimal_shift(expected, exp, &shifted) == BR_OK &&
           br_decimal_cmp(shifted, actual) == 0;
}

/* Digits of |d| at `scale` decimals, without the point, into buf. */
static int digits(br_decimal d, int scale, char *buf, size_t cap)
{
    br_decimal r;
    if (br_decimal_rescale(br_decimal_abs(d), scale, &r) != BR_OK)
        return 0;
    char tmp[BR_DECIMAL_STR_MAX];
    br_decimal_format(r, tmp, sizeof tmp);
    size_t k = 0;
    for (const char *p = tmp; *p && k + 1 < cap; p++)
        if (*p >= '0' && *p <= '9')
            buf[k++] = *p;
    buf[k] = '\0';
    return 1;
}

static int transposed(br_decimal expected, br_decimal actual)
{
    if ((expected.units < 0) != (actual.units < 0))
        return 0;
    int scale = expected.scale > actual.scale ? expected.scale : actual.scale;
    char a[BR_DECIMAL_STR_MAX], b[BR_DECIMAL_STR_MAX];
    if (!digits(expected, scale, a, sizeof a) || !digits(actual, scale, b, sizeof b))
        return 0;
    size_t n = strlen(a);
    if (n != strlen(b))
        return 0;
    size_t first = n;
    int diffs = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) {
            if (first == n)
                first = i;
            diffs++;
        }
    return diffs == 2 && first + 1 < n && a[first] == b[first + 1] && a[first + 1] == b[first];
}

const char *br_diagnose(br_decimal expected, br_decimal actual)
{
    if (br_decimal_is_zero(expected) || br_decimal_is_zero(actual))
        return NULL;
    br_decimal neg = expected;
    neg.units = -neg.units;
    if (br_decimal_cmp(neg, actual) == 0)
        return "sign_error";
    static const int shifts[] = {1, -1, 2, -2};
    for (size_t i = 0; i < sizeof shifts / sizeof *shifts; i++)
        if (equals_shifted(expected, actual, shifts[i]))
            return "decimal_shift";
    if (equals_shifted(expected, actual, 4) || equals_shifted(expected, actual, -4))
        return "unit_slip";
    if (transposed(expected, actual))
        return "transposed_digits";
    return NULL;
}
