/*
 * decimal.c — exact fixed-point figures: parse, print, arithmetic.
 *
 * value = units × 10^-scale.  No binary floating point anywhere: overflow is
 * caught with __builtin_*_overflow, comparisons across scales use __int128.
 */
#include <stdint.h>
#include <string.h>

#include <budgetrec/decimal.h>

#define SCALE_LIMIT 18   /* arithmetic accepts scales in [-18, 18] */
#define MAX_DIGITS 18    /* significant digits a parsed figure may have */

static const int64_t pow10_tab[19] = {
    1,
    10,
    100,
    1000,
    10000,
    100000,
    1000000,
    10000000,
    100000000,
    1000000000,
    10000000000,
    100000000000,
    1000000000000,
    10000000000000,
    100000000000000,
    1000000000000000,
    10000000000000000,
    100000000000000000,
    1000000000000000000,
};

static int scale_ok(int64_t scale)
{
    return scale >= -SCALE_LIMIT && scale <= SCALE_LIMIT;
}

/* *out = v × 10^e for e ≥ 0; 0 on overflow. */
static int mul_pow10(int64_t v, int64_t e, int64_t *out)
{
    if (v == 0) {
        *out = 0;
        return 1;
    }
    if (e > 18)
        return 0;
    return !__builtin_mul_overflow(v, pow10_tab[e], out);
}

/* ---- parsing ------------------------------------------------------------------ */

/*
 * The character at s[0..n) folded to ASCII — full-width （）＋，－．０-９ and
 * U+2212 MINUS SIGN included — with *k set to its byte length; 0 for
 * anything else.
 */
static int fold_char(const unsigned char *s, size_t n, size_t *k)
{
    *k = 1;
    if (s[0] < 0x80)
        return s[0];
    *k = 3;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x88 && s[2] <= 0x99)
        return "()*+,-./0123456789"[s[2] - 0x88]; /* U+FF08 … U+FF19 */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92)
        return '-';
    return 0;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* The last character of s[b..e) folded to ASCII, its start in *start. */
static int fold_last(const unsigned char *s, size_t b, size_t e, size_t *start)
{
    size_t k;
    if (e - b >= 3) {
        int c = fold_char(s + e - 3, 3, &k);
        if (c && k == 3) {
            *start = e - 3;
            return c;
        }
    }
    *start = e - 1;
    return s[e - 1] < 0x80 ? s[e - 1] : 0;
}

int br_decimal_parse(const char *str, size_t len, br_decimal *out)
{
    if (!str || !out)
        return BR_ERR_ARG;
    const unsigned char *s = (const unsigned char *)str;
    size_t b = 0, e = len, k;

    while (b < e && is_space(s[b]))
        b++;
    while (e > b && is_space(s[e - 1]))
        e--;
    if (b == e)
        return BR_ERR_INPUT;

    /* "(12.5)" / "（12.5）": an accountant's negative. */
    int neg = 0;
    if (fold_char(s + b, e - b, &k) == '(') {
        size_t close;
        b += k;
        if (b == e || fold_last(s, b, e, &close) != ')')
            return BR_ERR_INPUT;
        e = close;
        while (b < e && is_space(s[b]))
            b++;
        while (e > b && is_space(s[e - 1]))
            e--;
        if (b == e)
            return BR_ERR_INPUT;
        neg = 1;
    } else {
        int c = fold_char(s + b, e - b, &k);
        if (c == '-' || c == '+') {
            neg = c == '-';
            b += k;
        }
    }

    uint64_t units = 0;
    size_t sig = 0;       /* significant digits (leading zeros excluded) */
    size_t int_digits = 0, frac_digits = 0;
    size_t group = 0;     /* digits since the last separator */
    int in_frac = 0;
    int grouped = 0;      /* a thousands separator was seen */
    int first_zero = 0;   /* the integer part starts with '0' */

    for (size_t i = b; i < e; i += k) {
        int c = fold_char(s + i, e - i, &k);
        if (c >= '0' && c <= '9') {
            if (in_frac) {
                frac_digits++;
            } else {
                if (int_digits == 0)
                    first_zero = c == '0';
                int_digits++;
                group++;
            }
            if (units != 0 || c != '0') {
                sig++;
                if (sig <= MAX_DIGITS)
                    units = units * 10 + (uint64_t)(c - '0');
            }
        } else if (c == ',' && !in_frac) {
            /* Groups of exactly three after a first group of 1–3 digits
             * that is not "0" (so "0,5" is never read as 5). */
            if (group == 0 || group > 3 || (grouped && group != 3) ||
                (!grouped && first_zero))
                return BR_ERR_INPUT;
            grouped = 1;
            group = 0;
        } else if (c == '.' && !in_frac) {
            if (grouped && group != 3)
                return BR_ERR_INPUT;
            in_frac = 1;
        } else {
            return BR_ERR_INPUT;
        }
    }
    if (grouped && !in_frac && group != 3)
        return BR_ERR_INPUT;
    if (int_digits == 0 && frac_digits == 0)
        return BR_ERR_INPUT;
    if (in_frac && frac_digits == 0) /* "1058." */
        return BR_ERR_INPUT;
    if (sig > MAX_DIGITS || frac_digits > BR_DECIMAL_MAX_SCALE)
        return BR_ERR_RANGE;

    out->units = neg ? -(int64_t)units : (int64_t)units;
    out->scale = (int32_t)frac_digits;
    return BR_OK;
}

/* ---- printing ------------------------------------------------------------------- */

typedef struct sink {
    char *buf;
    size_t cap, n; /* n counts every byte the full text needs */
} sink;

static void put(sink *o, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++, o->n++)
        if (o->n + 1 < o->cap)
            o->buf[o->n] = s[i];
}

/* `count` zeros, without looping over a silly scale's worth of them. */
static void put_zeros(sink *o, uint64_t count)
{
    while (count > 0 && o->n + 1 < o->cap) {
        o->buf[o->n++] = '0';
        count--;
    }
    o->n += (size_t)count;
}

size_t br_decimal_format(br_decimal d, char *buf, size_t cap)
{
    sink o = {buf, buf ? cap : 0, 0};

    /* Magnitude in unsigned arithmetic: INT64_MIN has no positive twin. */
    uint64_t mag = d.units < 0 ? 0 - (uint64_t)d.units : (uint64_t)d.units;
    char digits[20];
    size_t nd = 0;
    do {
        digits[sizeof digits - 1 - nd++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag);
    const char *dig = digits + sizeof digits - nd;

    if (d.units < 0)
        put(&o, "-", 1);
    if (d.scale <= 0) {
        put(&o, dig, nd);
        if (d.units != 0)
            put_zeros(&o, (uint64_t)(-(int64_t)d.scale));
    } else {
        size_t scale = (size_t)d.scale;
        if (nd > scale) {
            put(&o, dig, nd - scale);
            put(&o, ".", 1);
            put(&o, dig + nd - scale, scale);
        } else {
            put(&o, "0.", 2);
            put_zeros(&o, scale - nd);
            put(&o, dig, nd);
        }
    }
    if (o.cap > 0)
        o.buf[o.n < o.cap ? o.n : o.cap - 1] = '\0';
    return o.n;
}

/* ---- arithmetic -------------------------------------------------------------------- */

/* Both operands at the larger scale; BR_ERR_RANGE if one does not fit. */
static int align(br_decimal a, br_decimal b, int64_t *ua, int64_t *ub,
                 int32_t *scale)
{
    if (!scale_ok(a.scale) || !scale_ok(b.scale))
        return BR_ERR_ARG;
    *scale = a.scale > b.scale ? a.scale : b.scale;
    if (!mul_pow10(a.units, *scale - a.scale, ua) ||
        !mul_pow10(b.units, *scale - b.scale, ub))
        return BR_ERR_RANGE;
    return BR_OK;
}

int br_decimal_add(br_decimal a, br_decimal b, br_decimal *out)
{
    int64_t ua, ub, r;
    int32_t scale;
    if (!out)
        return BR_ERR_ARG;
    int rc = align(a, b, &ua, &ub, &scale);
    if (rc)
        return rc;
    if (__builtin_add_overflow(ua, ub, &r))
        return BR_ERR_RANGE;
    out->units = r;
    out->scale = scale;
    return BR_OK;
}

int br_decimal_sub(br_decimal a, br_decimal b, br_decimal *out)
{
    int64_t ua, ub, r;
    int32_t scale;
    if (!out)
        return BR_ERR_ARG;
    int rc = align(a, b, &ua, &ub, &scale);
    if (rc)
        return rc;
    if (__builtin_sub_overflow(ua, ub, &r))
        return BR_ERR_RANGE;
    out->units = r;
    out->scale = scale;
    return BR_OK;
}

static int sign_of(int64_t v)
{
    return (v > 0) - (v < 0);
}

int br_decimal_cmp(br_decimal a, br_decimal b)
{
    int sa = sign_of(a.units), sb = sign_of(b.units);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;

    /* Same sign, both non-zero: scale the one with fewer decimals up. */
    int64_t diff = (int64_t)a.scale - (int64_t)b.scale;
    if (diff > 18 || diff < -18) {
        /* |units| × 10^19 exceeds any int64 magnitude: the side scaled up
         * is the larger one. */
        return diff < 0 ? sa : -sa;
    }
    __int128 x = a.units, y = b.units;
    if (diff > 0)
        y *= pow10_tab[diff];
    else if (diff < 0)
        x *= pow10_tab[-diff];
    return (x > y) - (x < y);
}

br_decimal br_decimal_abs(br_decimal d)
{
    if (d.units == INT64_MIN)
        d.units = INT64_MAX;
    else if (d.units < 0)
        d.units = -d.units;
    return d;
}

int br_decimal_is_zero(br_decimal d)
{
    return d.units == 0;
}

br_decimal br_decimal_half_ulp(br_decimal d)
{
    br_decimal r = {5, d.scale < INT32_MAX ? d.scale + 1 : INT32_MAX};
    return r;
}

int br_decimal_shift(br_decimal d, int exp, br_decimal *out)
{
    if (!out)
        return BR_ERR_ARG;
    int64_t scale = (int64_t)d.scale - exp;
    if (!scale_ok(scale))
        return BR_ERR_RANGE;
    out->units = d.units;
    out->scale = (int32_t)scale;
    return BR_OK;
}

int br_decimal_rescale(br_decimal d, int scale, br_decimal *out)
{
    if (!out)
        return BR_ERR_ARG;
    if (!scale_ok(d.scale))
        return BR_ERR_ARG;
    if (!scale_ok(scale))
        return BR_ERR_RANGE;

    int64_t units;
    if (scale >= d.scale) {
        if (!mul_pow10(d.units, scale - d.scale, &units))
            return BR_ERR_RANGE;
    } else {
        int64_t drop = d.scale - scale;
        if (d.units != 0 && (drop > 18 || d.units % pow10_tab[drop] != 0))
            return BR_ERR_RANGE;
        units = d.units == 0 ? 0 : d.units / pow10_tab[drop];
    }
    out->units = units;
    out->scale = scale;
    return BR_OK;
}

/* ---- units --------------------------------------------------------------------------- */

/* Power of ten of one unit in 元; -1 for none. */
static int unit_exp(br_unit unit)
{
    switch (unit) {
    case BR_UNIT_YUAN: return 0;
    case BR_UNIT_WAN: return 4;
    case BR_UNIT_YI: return 8;
    default: return -1;
    }
}

const char *br_unit_name(br_unit unit)
{
    switch (unit) {
    case BR_UNIT_YUAN: return "元";
    case BR_UNIT_WAN: return "万元";
    case BR_UNIT_YI: return "亿元";
    default: return "";
    }
}

int br_decimal_convert(br_decimal d, br_unit from, br_unit to, br_decimal *out)
{
    int ef = unit_exp(from), et = unit_exp(to);
    if (ef < 0 || et < 0 || !out)
        return BR_ERR_ARG;
    return br_decimal_shift(d, ef - et, out);
}

/* s[0..*e) ends with `word`?  Then move *e before it. */
static int ends_with(const char *s, size_t *e, const char *word)
{
    size_t n = strlen(word);
    if (*e < n || memcmp(s + *e - n, word, n) != 0)
        return 0;
    *e -= n;
    return 1;
}

/* Drop trailing ASCII spaces and U+3000 from s[0..*e). */
static void trim_end(const char *s, size_t *e)
{
    for (;;) {
        if (*e > 0 && is_space((unsigned char)s[*e - 1]))
            (*e)--;
        else if (!ends_with(s, e, "\xE3\x80\x80"))
            return;
    }
}

/*
 * The unit word must end the text (spaces and one closing bracket may
 * follow) and stand alone or follow a label: "万元", "单位：万元",
 * "(单位: 元)", "单位：人民币元".  "千元" or "美元" are not 元.
 */
br_unit br_unit_parse(const char *s, size_t len)
{
    static const struct {
        const char *word;
        br_unit unit;
    } words[] = {{"亿元", BR_UNIT_YI}, {"万元", BR_UNIT_WAN}, {"元", BR_UNIT_YUAN}};
    static const char *const before[] = {":", "：", "(", "（", "单位", "人民币"};

    if (!s)
        return BR_UNIT_UNKNOWN;
    size_t e = len;
    trim_end(s, &e);
    if (ends_with(s, &e, ")") || ends_with(s, &e, "）"))
        trim_end(s, &e);

    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (!ends_with(s, &e, words[i].word))
            continue;
        trim_end(s, &e);
        if (e == 0)
            return words[i].unit;
        for (size_t j = 0; j < sizeof before / sizeof before[0]; j++) {
            size_t p = e;
            if (ends_with(s, &p, before[j]))
                return words[i].unit;
        }
        return BR_UNIT_UNKNOWN;
    }
    return BR_UNIT_UNKNOWN;
}
