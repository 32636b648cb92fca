/*
 * ratio.c — percentages by exact rational arithmetic on printed decimals.
 *
 * Every figure is brought to one common scale S as an integer (128 bits).
 * The table's percentage f(c, p) = 100·c/p − 100 grows with c and falls with
 * p (c ≥ 0, p > 0), so over the rounding box of the printed figures it ranges
 * over [f(c_lo, p_hi), f(c_hi, p_lo)]; the stated figure holds when its own
 * rounding interval meets that range.  Comparisons are cross-multiplied, so
 * nothing is divided until the expected figure is printed.
 */
#include "ratio.h"

typedef __int128 i128;

#define LIMIT ((i128)1000000000000000000LL) /* 10^18: products stay below 10^36 */

static int to_scale(br_decimal d, int scale, i128 *out)
{
    if (d.scale > scale)
        return -1;
    i128 v = d.units;
    for (int s = d.scale; s < scale; s++) {
        v *= 10;
        if (v > LIMIT || v < -LIMIT)
            return -1;
    }
    *out = v;
    return 0;
}

static i128 pow10i(int k)
{
    i128 v = 1;
    while (k-- > 0)
        v *= 10;
    return v;
}

/* n / d for d > 0, rounded down, up, or half away from zero. */
static i128 div_floor(i128 n, i128 d) { return n >= 0 ? n / d : -((-n + d - 1) / d); }
static i128 div_ceil(i128 n, i128 d) { return -div_floor(-n, d); }
static i128 div_round(i128 n, i128 d) { return n >= 0 ? (2 * n + d) / (2 * d) : -((-2 * n + d) / (2 * d)); }

static int sign_of(i128 v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }

static int fits(i128 v) { return v <= (i128)INT64_MAX && v >= (i128)INT64_MIN; }

int pct_compare(br_decimal stated, br_decimal stated_radius, br_decimal cur,
                br_decimal cur_radius, br_decimal prev, br_decimal prev_radius, pct_result *out)
{
    int S = 0;
    br_decimal all[6] = {stated, stated_radius, cur, cur_radius, prev, prev_radius};
    for (int i = 0; i < 6; i++)
        if (all[i].scale > S)
            S = all[i].scale;
    if (S > 15)
        return -1;
    i128 P, RP, C, RC, Q, RQ;
    if (to_scale(stated, S, &P) || to_scale(stated_radius, S, &RP) || to_scale(cur, S, &C) ||
        to_scale(cur_radius, S, &RC) || to_scale(prev, S, &Q) || to_scale(prev_radius, S, &RQ))
        return -1;
    i128 H = 100 * pow10i(S); /* 100 at scale S */
    i128 c_lo = C - RC < 0 ? 0 : C - RC, c_hi = C + RC, q_lo = Q - RQ, q_hi = Q + RQ;
    if (q_lo <= 0 || Q <= 0)
        return -1;

    /* stated ∈ [P − RP, P + RP] meets [H·c_lo/q_hi − H, H·c_hi/q_lo − H] */
    int meets = (P - RP + H) * q_lo <= H * c_hi && (P + RP + H) * q_hi >= H * c_lo;
    int exact = (P + H) * Q == H * C;
    out->verdict = exact ? PCT_EXACT : meets ? PCT_ROUNDING : PCT_BROKEN;
    out->sign_min = sign_of(c_lo - q_hi);
    out->sign_max = sign_of(c_hi - q_lo);

    /* expected = 100·(C − Q)/Q at k decimals; tolerance = radius + spread */
    int k = stated.scale + 2;
    if (k < 2)
        k = 2;
    if (k > 16)
        return -1;
    i128 K = pow10i(k);
    i128 E = div_round(100 * (C - Q) * K, Q);
    i128 lo = div_floor(100 * (c_lo - q_hi) * K, q_hi);
    i128 hi = div_ceil(100 * (c_hi - q_lo) * K, q_lo);
    i128 rp_k;
    if (stated_radius.scale > k)
        return -1;
    rp_k = (i128)stated_radius.units * pow10i(k - stated_radius.scale);
    i128 spread = E - lo > hi - E ? E - lo : hi - E;
    i128 T = rp_k + spread;
    if (!fits(E) || !fits(T))
        return -1;
    out->expected = (br_decimal){(int64_t)E, k};
    out->tolerance = (br_decimal){(int64_t)T, k};
    return 0;
}

int pct_change_of(br_decimal amount, br_decimal rate, int scale, br_decimal *out)
{
    int S = amount.scale > rate.scale ? amount.scale : rate.scale;
    i128 A, R;
    if (S > 15 || scale < 0 || scale > 15 || to_scale(amount, S, &A) || to_scale(rate, S, &R))
        return -1;
    i128 H = 100 * pow10i(S), D = H + R; /* amount = previous × (100 + rate) / 100 */
    if (D <= 0)
        return -1;
    i128 C = div_round(A * R * pow10i(scale), D * pow10i(S)); /* A·R/(100+R), at `scale` */
    if (!fits(C))
        return -1;
    *out = (br_decimal){(int64_t)C, scale};
    return 0;
}

/* n·10^k for k ≥ 0 */
static i128 scale_up(i128 n, int k) { return n * pow10i(k); }

int pct_amount_range(br_decimal change, br_decimal change_radius, br_decimal rate,
                     br_decimal rate_radius, int decrease, int scale, br_decimal *lo,
                     br_decimal *hi)
{
    int S = 0;
    br_decimal all[4] = {change, change_radius, rate, rate_radius};
    for (int i = 0; i < 4; i++)
        if (all[i].scale > S)
            S = all[i].scale;
    if (S > 12 || scale < 0 || scale > 12)
        return -1;
    i128 C, RC, R, RR;
    if (to_scale(change, S, &C) || to_scale(change_radius, S, &RC) || to_scale(rate, S, &R) ||
        to_scale(rate_radius, S, &RR))
        return -1;
    i128 H = 100 * pow10i(S), c_lo = C - RC, c_hi = C + RC, r_lo = R - RR, r_hi = R + RR;
    if (c_lo < 0 || r_lo <= 0 || (decrease && r_hi >= H))
        return -1;
    /* amount = C·(100 ± R)/R: rising with C, falling with R */
    i128 num_lo = c_lo * (decrease ? H - r_hi : H + r_hi), num_hi = c_hi * (decrease ? H - r_lo : H + r_lo);
    i128 a_lo = div_floor(scale_up(num_lo, scale), r_hi * pow10i(S));
    i128 a_hi = div_ceil(scale_up(num_hi, scale), r_lo * pow10i(S));
    if (!fits(a_lo) || !fits(a_hi))
        return -1;
    *lo = (br_decimal){(int64_t)a_lo, scale};
    *hi = (br_decimal){(int64_t)a_hi, scale};
    return 0;
}
