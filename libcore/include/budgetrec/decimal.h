/*
 * budgetrec/decimal.h — exact fixed-point money, units and subject codes.
 *
 * No binary floating point is used for figures anywhere in libcore.  All
 * functions are pure: they allocate nothing, never print, never abort.
 */
#ifndef BUDGETREC_DECIMAL_H
#define BUDGETREC_DECIMAL_H

#include "export.h"
#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Parse a printed figure of `len` bytes (need not be NUL-terminated).
 * Accepts: optional sign (-, +, U+2212 −, full-width －/＋), digits with
 * optional thousands separators before the point — a first group of 1–3
 * digits, not starting with 0, then groups of exactly three ("1,058.00";
 * not "1,05.8", "1,2345", "0,5") — at most one decimal point with at least one
 * digit after it (".5" is 0.5; "1058." is not a figure), a parenthesised
 * negative ("(12.5)", "（12.5）", no sign inside), full-width digits/point/comma,
 * surrounding ASCII spaces and tabs.  The result keeps the printed number of
 * decimals; "-0.00" is {0, 2} (there is no negative zero).
 * Returns BR_OK; BR_ERR_INPUT when `s` is not a figure ("", "-", "5.5万元",
 * "1.2.3"); BR_ERR_RANGE when it does not fit (more than
 * BR_DECIMAL_MAX_SCALE decimals or more than 18 significant digits);
 * BR_ERR_ARG when s or out is NULL.  *out is untouched on error.
 */
BR_API int br_decimal_parse(const char *s, size_t len, br_decimal *out);

/*
 * Print `d` exactly ("1058.00", "-3.20", "0.5") into buf of capacity `cap`
 * (BR_DECIMAL_STR_MAX always suffices for scales in [-18, 18]).  A negative
 * scale prints trailing zeros: {15, -3} is "15000".  Always NUL-terminates
 * when cap > 0; buf may be NULL when cap is 0.
 * Returns the length the full text needs (like snprintf).
 */
BR_API size_t br_decimal_format(br_decimal d, char *buf, size_t cap);

/*
 * a + b and a - b exactly, at the larger scale.  BR_ERR_RANGE on overflow;
 * BR_ERR_ARG when out is NULL or a scale is outside [-18, 18].
 */
BR_API int br_decimal_add(br_decimal a, br_decimal b, br_decimal *out);
BR_API int br_decimal_sub(br_decimal a, br_decimal b, br_decimal *out);

/* Numeric comparison, whatever the scales: <0, 0, >0.  (5.5 == 5.50) */
BR_API int br_decimal_cmp(br_decimal a, br_decimal b);

/* |d| (saturates at INT64_MAX units) and d == 0. */
BR_API br_decimal br_decimal_abs(br_decimal d);
BR_API int br_decimal_is_zero(br_decimal d);

/*
 * Half a unit in the last printed place: the rounding radius of a printed
 * figure ("17" → 0.5, "5.37" → 0.005, {15, -3} → 500), always {5, scale + 1}.
 * A figure printed with scale s stands for every value in [d − r, d + r].
 */
BR_API br_decimal br_decimal_half_ulp(br_decimal d);

/*
 * d × 10^exp exactly, as {units, scale − exp}: the units never change (exp
 * may be negative: the scale grows instead of digits being lost).
 * BR_ERR_RANGE when the new scale is outside [-18, 18].
 */
BR_API int br_decimal_shift(br_decimal d, int exp, br_decimal *out);

/*
 * Re-express d with `scale` decimals, exactly: BR_ERR_RANGE if non-zero
 * digits would be lost, the units overflow, or `scale` is outside [-18, 18];
 * BR_ERR_ARG when out is NULL or d's scale is outside [-18, 18].
 */
BR_API int br_decimal_rescale(br_decimal d, int scale, br_decimal *out);

/* ---- units ---- */

/* "元", "万元", "亿元" (NUL-terminated UTF-8); "" for BR_UNIT_UNKNOWN. */
BR_API const char *br_unit_name(br_unit unit);
/*
 * Parse a unit word: "元", "万元", "亿元", or text ending in one, such as
 * "单位：万元", "金额单位: 元", "（单位：万元）" (trailing spaces and one closing
 * bracket allowed).  The word must stand alone or follow ':', '：', '(',
 * '（', a space, "单位" or "人民币", so "千元" and "美元" are BR_UNIT_UNKNOWN.
 */
BR_API br_unit br_unit_parse(const char *s, size_t len);
/*
 * Convert exactly between units by shifting the scale: 1.5 万元 {15, 1} →
 * {15, -3} 元, printed "15000" and still ± 500.  BR_ERR_ARG for
 * BR_UNIT_UNKNOWN or a NULL out; BR_ERR_RANGE as br_decimal_shift.
 */
BR_API int br_decimal_convert(br_decimal d, br_unit from, br_unit to, br_decimal *out);

/* ---- subject codes (功能分类 3/5/7 digits, 经济分类 3/5 digits) ---- */

typedef enum br_code_system {
    BR_CODE_NONE = 0,
    BR_CODE_FUNCTIONAL, /* 2xx: 201 / 20103 / 2010301 */
    BR_CODE_ECONOMIC    /* 3xx, 5xx: 301 / 30101 */
} br_code_system;

/* Which system a code belongs to, or BR_CODE_NONE if `code` is not one. */
BR_API br_code_system br_code_system_of(const char *code);
/* 1 for 类 (3 digits), 2 for 款 (5), 3 for 项 (7, functional only); 0 if not a code. */
BR_API int br_code_level(const char *code);
/* 1 when `child` is a direct child of `parent` (same system, prefix, next level). */
BR_API int br_code_is_child(const char *parent, const char *child);
/* Length of the parent code's prefix (3 or 5), or 0 for a top-level/non code. */
BR_API size_t br_code_parent_len(const char *code);

#ifdef __cplusplus
}
#endif
#endif
