/*
 * ratio.h — a stated percentage change against the change between two
 * printed figures, by exact interval arithmetic (no floating point).
 */
#ifndef NARRATIVE_RATIO_H
#define NARRATIVE_RATIO_H

#include <budgetrec/types.h>

typedef enum pct_verdict {
    PCT_EXACT = 0,    /* (cur − prev) / prev × 100 is the stated figure exactly */
    PCT_ROUNDING = 1, /* some values that round to the printed figures agree */
    PCT_BROKEN = 2    /* none do */
} pct_verdict;

typedef struct pct_result {
    pct_verdict verdict;
    int sign_min, sign_max;  /* signs of the least and greatest change the tables allow */
    br_decimal expected;     /* (cur − prev) / prev × 100, rounded to 2 more decimals than stated */
    br_decimal tolerance;    /* how far the stated figure may be from `expected` */
} pct_result;

/*
 * `stated` (signed: a decrease is negative) ± stated_radius against
 * 100·(c − p)/p for every c in cur ± cur_radius (and ≥ 0), p in prev ±
 * prev_radius.  Returns 0, or -1 when the percentage is undefined (prev may
 * be 0) or the figures are too large for exact arithmetic.
 */
int pct_compare(br_decimal stated, br_decimal stated_radius, br_decimal cur,
                br_decimal cur_radius, br_decimal prev, br_decimal prev_radius, pct_result *out);

/*
 * The change that `rate` percent (signed) of growth gives on reaching
 * `amount`: amount · rate / (100 + rate), rounded to `scale` decimals
 * ("1540.60 万元, 增长 1112.35%" → 1413.53).  Returns 0, or -1 when undefined
 * (a fall of 100% or more) or too large.
 */
int pct_change_of(br_decimal amount, br_decimal rate, int scale, br_decimal *out);

/*
 * The amounts a change (magnitude `change` ± change_radius) at a rate
 * (magnitude `rate` ± rate_radius, % of the previous figure; `decrease`: a
 * fall) leads to: change·(100 ± rate)/rate over the rounding box, at `scale`
 * decimals, in [*lo, *hi].  Returns 0, or -1 when undefined or too large.
 */
int pct_amount_range(br_decimal change, br_decimal change_radius, br_decimal rate,
                     br_decimal rate_radius, int decrease, int scale, br_decimal *lo,
                     br_decimal *hi);

#endif
