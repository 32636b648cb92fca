/*
 * sentences.c — the narrative's own arithmetic: the figures of a sentence
 * against each other, with no table needed.
 *
 * The reader says how each claim stands in its sentence (br_claim_form): a
 * rate is of a change, a change of an amount; a share of a part of a whole;
 * a final account's actual is compared with its budget, as a completion rate
 * and in words (决算数小于预算数).  Three checks:
 *
 *   narrative.arithmetic  amount, change and rate agree (change / (amount −
 *                         change) = rate); a completion rate is actual /
 *                         budget;
 *   narrative.shares      a share is part / whole, and the shares of one
 *                         breakdown add up to 100;
 *   narrative.direction   direction words agree with the figures: a rate's
 *                         with its change's, and a final account's 大于 /
 *                         小于 / 等于 with its actual and budget.
 *
 * Every percentage is compared by exact interval arithmetic on the printed
 * figures (ratio.c): a figure printed with d decimals stands for every value
 * that rounds to it, so a percentage that holds for some of them holds.
 * One that holds only if it was cut rather than rounded is info.  Claims a
 * check compared are recorded checked (the coverage counts them).
 */
#include <stdio.h>
#include <string.h>

#include "narrative.h"
#include "ratio.h"

#define H narr_host

static int same_str(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static int is_percent(const br_claim *c) { return same_str(c->unit, "%"); }

static int is_money(const br_claim *c)
{
    return same_str(c->unit, "万元") || same_str(c->unit, "元") || same_str(c->unit, "亿元");
}

/* Claim i with its form, if it has role `role` (BR_CLAIM_UNKNOWN: any). */
static const br_claim *claim_as(const br_narrative *n, long i, br_claim_role role, br_claim_form *f)
{
    if (i < 0 || (size_t)i >= H->narrative_claim_count(n))
        return NULL;
    *f = H->narrative_claim_form(n, (size_t)i);
    if (role != BR_CLAIM_UNKNOWN && f->role != role)
        return NULL;
    return H->narrative_claim_at(n, (size_t)i);
}

static const char *fmt(br_decimal d, char *buf)
{
    H->decimal_format(d, buf, BR_DECIMAL_STR_MAX);
    return buf;
}

static br_decimal negate(br_decimal d)
{
    d.units = -d.units;
    return d;
}

static int sign_of_dir(br_direction d)
{
    return d == BR_DIR_DECREASE ? -1 : d == BR_DIR_FLAT ? 0 : 1;
}

/* `v` with the sign of direction `d` (FLAT: 0). */
static br_decimal signed_by(br_decimal v, br_direction d)
{
    int s = sign_of_dir(d);
    if (s == 0)
        return (br_decimal){0, v.scale};
    return s < 0 ? negate(v) : v;
}

static br_decimal shifted(br_decimal d, int exp)
{
    br_decimal out = d;
    if (H->decimal_shift(d, exp, &out) != BR_OK)
        return d;
    return out;
}

/*
 * A stated percentage against 100·cur/prev − 100 (`offset` 0: a change
 * rate) or 100·cur/prev (`offset` 100: a share, a completion rate).  The
 * verdict, the expected figure and tolerance in *res, and the cause when it
 * is broken: "truncated" (holds if the figure was cut, not rounded: then
 * reported as info), "decimal_shift" (holds at 10× or 1/10 of it), else NULL.
 * Returns -1 when the percentage is undefined.
 */
static int judge_pct(br_decimal stated, br_decimal cur, br_decimal rc, br_decimal prev,
                     br_decimal rp, int offset, pct_result *res, const char **cause)
{
    br_decimal hundred = {offset, 0}, st;
    br_decimal half = H->decimal_half_ulp(stated);
    *cause = NULL;
    if (H->decimal_sub(stated, hundred, &st) != BR_OK)
        return -1;
    if (pct_compare(st, half, cur, rc, prev, rp, res) != 0)
        return -1;
    if (offset) { /* pct_compare gives 100·c/p − 100: back to 100·c/p */
        H->decimal_add(res->expected, hundred, &res->expected);
    }
    if (res->verdict != PCT_BROKEN)
        return 0;
    if (stated.scale == 0) { /* "增长 30%": a whole percentage is an approximation */
        pct_result r1;
        br_decimal one = {1, 0};
        if (pct_compare(st, one, cur, rc, prev, rp, &r1) == 0 && r1.verdict != PCT_BROKEN) {
            *cause = "approximate";
            return 0;
        }
    }
    /* cut, not rounded: the true figure lies in [stated, stated + ulp) away from 0 */
    br_decimal cut = st;
    H->decimal_add(st, stated.units < 0 ? negate(half) : half, &cut);
    pct_result r2;
    if (pct_compare(cut, half, cur, rc, prev, rp, &r2) == 0 && r2.verdict != PCT_BROKEN) {
        *cause = "truncated";
        return 0;
    }
    for (int e = -1; e <= 1; e += 2) {
        /* the figure before the slip was printed with the same decimals
         * ("10.71" → "107.10"), or one fewer ("10.7" → "1.07") */
        br_decimal s10 = shifted(stated, e), h10 = e < 0 ? half : shifted(half, e), st10;
        if (H->decimal_sub(s10, hundred, &st10) == BR_OK &&
            pct_compare(st10, h10, cur, rc, prev, rp, &r2) == 0 && r2.verdict != PCT_BROKEN) {
            *cause = "decimal_shift";
            return 0;
        }
    }
    return 0;
}

static void report_pct(br_report *report, const char *check, const br_claim *const *on, size_t non,
                       br_decimal stated, const pct_result *res, const char *cause, const char *what)
{
    char es[BR_DECIMAL_STR_MAX], ss[BR_DECIMAL_STR_MAX], ts[BR_DECIMAL_STR_MAX], msg[900];
    /* what rounding alone does not explain, but a habit of print does: info */
    const char *habit = same_str(cause, "truncated")   ? "holds only if cut rather than rounded — "
                        : same_str(cause, "approximate") ? "holds only as a whole-number approximation — "
                        : same_str(cause, "adjusted")
                            ? "holds only as adjusted (by its last digit) so that the shares add up to 100 — "
                            : NULL;
    snprintf(msg, sizeof msg, "%s%s: the sentence states %s%%, its figures give %s%% (±%s)%s",
             habit ? habit : "", what, fmt(stated, ss), fmt(res->expected, es),
             fmt(res->tolerance, ts),
             same_str(cause, "decimal_shift") ? "; off by a factor of ten" : "");
    int cut = habit != NULL;
    const br_claim *c = on[0];
    br_finding f = {
        .check = check,
        .severity = cut ? BR_SEV_INFO : BR_SEV_ERROR,
        .table = "narrative",
        .row = c->label,
        .column = c->claim_class,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | BR_FINDING_TOLERANCE,
        .expected = res->expected,
        .actual = stated,
        .tolerance = res->tolerance,
        .line = c->line,
        .message = msg,
        .cause = cut ? NULL : cause,
    };
    H->report_add_on_claims(report, &f, on, non);
}

static br_decimal widen(br_decimal a, br_decimal b)
{
    br_decimal s = a;
    H->decimal_add(H->decimal_half_ulp(a), H->decimal_half_ulp(b), &s);
    return s;
}

/* ---- narrative.arithmetic --------------------------------------------------- */

/* Does `v` lie in [lo, hi]? */
static int within(br_decimal v, br_decimal lo, br_decimal hi)
{
    return H->decimal_cmp(v, lo) >= 0 && H->decimal_cmp(v, hi) <= 0;
}

/*
 * The slip of the stated amount `a` that the change and the rate explain:
 * the amount they give lies in [lo, hi], and a moved by a power of ten, or
 * with two adjacent digits swapped, lands there ("基本支出 7385.70 万元，比上年
 * 减少 81.24 万元，下降 9.91%": 738.57).  The cause, the repaired figure in *fixed.
 */
static const char *amount_slip(br_decimal a, br_decimal lo, br_decimal hi, br_decimal *fixed)
{
    static const int shifts[] = {1, -1, 2, -2, 4, -4};
    for (size_t k = 0; k < sizeof shifts / sizeof *shifts; k++) {
        br_decimal m;
        if (H->decimal_shift(a, shifts[k], &m) == BR_OK && within(m, lo, hi)) {
            while (m.scale > a.scale && m.units % 10 == 0) { /* 738.570 → 738.57 */
                m.units /= 10;
                m.scale--;
            }
            *fixed = m;
            return shifts[k] == 4 || shifts[k] == -4 ? "unit_slip" : "decimal_shift";
        }
    }
    char s[40];
    int64_t u = a.units < 0 ? -a.units : a.units;
    int n = snprintf(s, sizeof s, "%lld", (long long)u);
    for (int i = 0; i + 1 < n; i++) {
        if (s[i] == s[i + 1] || (i == 0 && s[1] == '0'))
            continue;
        char t[40];
        memcpy(t, s, (size_t)n + 1);
        t[i] = s[i + 1];
        t[i + 1] = s[i];
        br_decimal m = {0, a.scale};
        for (int j = 0; j < n; j++)
            m.units = m.units * 10 + (t[j] - '0');
        if (within(m, lo, hi)) {
            *fixed = m;
            return "transposed_digits";
        }
    }
    return NULL;
}

/* The sentence's amount is the slip (see amount_slip): reported at it. */
static int report_amount_slip(const br_claim *r, const br_claim *ch, const br_claim *a,
                              br_report *report)
{
    br_decimal lo, hi, fixed;
    if (pct_amount_range(ch->value, H->decimal_half_ulp(ch->value), r->value,
                         H->decimal_half_ulp(r->value), r->direction == BR_DIR_DECREASE,
                         a->value.scale, &lo, &hi) != 0)
        return 0;
    const char *cause = amount_slip(a->value, lo, hi, &fixed);
    if (!cause)
        return 0;
    char msg[700], as[BR_DECIMAL_STR_MAX], fs[BR_DECIMAL_STR_MAX], ls[BR_DECIMAL_STR_MAX],
        hs[BR_DECIMAL_STR_MAX], cs[BR_DECIMAL_STR_MAX], rs[BR_DECIMAL_STR_MAX];
    snprintf(msg, sizeof msg,
             "%s %s%s: “%s %s%s” and “%s %s%%” give an amount of %s–%s%s; the stated one is "
             "%s%s printed with a slip",
             a->label, fmt(a->value, as), a->unit, ch->label, fmt(ch->value, cs), ch->unit,
             r->label, fmt(r->value, rs), fmt(lo, ls), fmt(hi, hs), a->unit, fmt(fixed, fs),
             a->unit);
    br_finding f = {
        .check = CHECK_ARITHMETIC,
        .severity = BR_SEV_ERROR,
        .table = "narrative",
        .row = a->label,
        .column = a->claim_class,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL,
        .expected = fixed,
        .actual = a->value,
        .line = a->line,
        .message = msg,
        .cause = cause,
    };
    const br_claim *on[] = {a, ch, r};
    H->report_add_on_claims(report, &f, on, 3);
    return 1;
}

/* A rate of a change of an amount: 增长 r% = change / (amount − change). */
static void check_rate(const br_narrative *n, size_t i, br_report *report)
{
    br_claim_form rf, cf, af;
    const br_claim *r = claim_as(n, (long)i, BR_CLAIM_RATE, &rf);
    const br_claim *ch = r ? claim_as(n, rf.of, BR_CLAIM_CHANGE, &cf) : NULL;
    const br_claim *a = ch ? claim_as(n, cf.of, BR_CLAIM_AMOUNT, &af) : NULL;
    if (!a || !is_percent(r) || !is_money(ch) || !same_str(a->unit, ch->unit))
        return;
    if (r->direction == BR_DIR_NONE || ch->direction == BR_DIR_NONE)
        return;
    if (sign_of_dir(r->direction) * sign_of_dir(ch->direction) < 0)
        return; /* contradicting direction words: narrative.direction */
    br_decimal change = signed_by(ch->value, ch->direction), prev, stated;
    stated = signed_by(r->value, r->direction);
    if (H->decimal_sub(a->value, change, &prev) != BR_OK)
        return;
    pct_result res;
    const char *cause;
    if (judge_pct(stated, a->value, H->decimal_half_ulp(a->value), prev, widen(a->value, ch->value),
                  0, &res, &cause) != 0)
        return; /* nothing to grow from: no rate */
    H->report_claim_checked(report, r);
    H->report_claim_checked(report, ch);
    H->report_claim_checked(report, a);
    if (res.verdict != PCT_BROKEN && !cause)
        return;
    if (res.verdict == PCT_BROKEN && !cause && report_amount_slip(r, ch, a, report))
        return; /* the amount is the slip: said at it */
    if (r->direction == BR_DIR_DECREASE) /* "下降 6.5%": said as a magnitude */
        res.expected = negate(res.expected);
    char what[600], as[BR_DECIMAL_STR_MAX], cs[BR_DECIMAL_STR_MAX], ps[BR_DECIMAL_STR_MAX],
        ks[BR_DECIMAL_STR_MAX], is[BR_DECIMAL_STR_MAX];
    br_decimal implied;
    int has_implied = pct_change_of(a->value, stated, ch->value.scale, &implied) == 0;
    snprintf(what, sizeof what,
             "“%s %s%s” of %s %s%s (a previous %s%s) is %s%%%s%s%s", ch->label, fmt(ch->value, cs),
             ch->unit, a->label, fmt(a->value, as), a->unit, fmt(prev, ps), a->unit,
             fmt(res.expected, ks), has_implied ? "; the amount and the rate give a change of " : "",
             has_implied ? fmt(implied.units < 0 ? negate(implied) : implied, is) : "",
             has_implied ? ch->unit : "");
    const br_claim *on[] = {r, ch, a};
    report_pct(report, CHECK_ARITHMETIC, on, 3, r->value, &res, cause, what);
}

/* A completion rate: 完成预算的 p% = actual / budget. */
static void check_completion(const br_narrative *n, size_t i, br_report *report)
{
    br_claim_form pf, af, bf;
    const br_claim *p = claim_as(n, (long)i, BR_CLAIM_COMPLETION, &pf);
    const br_claim *a = p ? claim_as(n, pf.of, BR_CLAIM_AMOUNT, &af) : NULL;
    const br_claim *b = a ? claim_as(n, af.of, BR_CLAIM_BUDGET, &bf) : NULL;
    if (!b || !is_percent(p) || !is_money(a) || !same_str(a->unit, b->unit))
        return;
    pct_result res;
    const char *cause;
    if (judge_pct(p->value, a->value, H->decimal_half_ulp(a->value), b->value,
                  H->decimal_half_ulp(b->value), 100, &res, &cause) != 0)
        return; /* a budget of 0: no rate */
    H->report_claim_checked(report, p);
    H->report_claim_checked(report, a);
    H->report_claim_checked(report, b);
    if (res.verdict != PCT_BROKEN && !cause)
        return;
    char what[600], as[BR_DECIMAL_STR_MAX], bs[BR_DECIMAL_STR_MAX];
    snprintf(what, sizeof what, "%s: %s %s%s of a budget of %s%s", p->label, a->label,
             fmt(a->value, as), a->unit, fmt(b->value, bs), b->unit);
    const br_claim *on[] = {p, a, b};
    report_pct(report, CHECK_ARITHMETIC, on, 3, p->value, &res, cause, what);
}

/*
 * An increase larger than the amount it led to ("政府性基金拨款支出预算 0 万元，
 * 比 2022 年预算增加 1421.25 万元"): last year's figure would be negative,
 * which no budget figure is — often a sentence copied onto another subject.
 */
static void check_increase(const br_narrative *n, size_t i, br_report *report)
{
    br_claim_form cf, af;
    const br_claim *ch = claim_as(n, (long)i, BR_CLAIM_CHANGE, &cf);
    const br_claim *a = ch ? claim_as(n, cf.of, BR_CLAIM_AMOUNT, &af) : NULL;
    if (!a || ch->direction != BR_DIR_INCREASE || !is_money(ch) || !same_str(a->unit, ch->unit))
        return;
    br_decimal lo, hi;
    if (H->decimal_sub(ch->value, H->decimal_half_ulp(ch->value), &lo) != BR_OK ||
        H->decimal_add(a->value, H->decimal_half_ulp(a->value), &hi) != BR_OK)
        return;
    H->report_claim_checked(report, ch);
    H->report_claim_checked(report, a);
    if (H->decimal_cmp(lo, hi) <= 0)
        return;
    br_decimal prev;
    H->decimal_sub(a->value, ch->value, &prev);
    char msg[700], cs[BR_DECIMAL_STR_MAX], as[BR_DECIMAL_STR_MAX], ps[BR_DECIMAL_STR_MAX];
    snprintf(msg, sizeof msg,
             "“%s %s%s” of %s %s%s: an increase larger than the amount it led to (last year's "
             "figure would be %s%s) — a sentence copied onto another subject?",
             ch->label, fmt(ch->value, cs), ch->unit, a->label, fmt(a->value, as), a->unit,
             fmt(prev, ps), a->unit);
    br_finding f = {
        .check = CHECK_ARITHMETIC,
        .severity = BR_SEV_ERROR,
        .table = "narrative",
        .row = ch->label,
        .column = ch->claim_class,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL,
        .expected = a->value,
        .actual = ch->value,
        .line = ch->line,
        .message = msg,
    };
    const br_claim *on[] = {ch, a};
    H->report_add_on_claims(report, &f, on, 2);
}

int narr_arithmetic(const br_narrative *n, br_report *report)
{
    size_t count = H->narrative_claim_count(n);
    for (size_t i = 0; i < count; i++) {
        br_claim_form f = H->narrative_claim_form(n, i);
        if (f.role == BR_CLAIM_RATE)
            check_rate(n, i, report);
        else if (f.role == BR_CLAIM_COMPLETION)
            check_completion(n, i, report);
        else if (f.role == BR_CLAIM_CHANGE)
            check_increase(n, i, report);
    }
    return BR_OK;
}

/* ---- narrative.direction ------------------------------------------------------ */

static const char *dir_word(br_direction d)
{
    return d == BR_DIR_INCREASE ? "大于" : d == BR_DIR_DECREASE ? "小于" : "等于";
}

/* 决算数大于/小于/等于预算数 against the actual and the budget. */
static void check_versus(const br_narrative *n, size_t i, br_report *report)
{
    br_claim_form af, bf;
    const br_claim *a = claim_as(n, (long)i, BR_CLAIM_AMOUNT, &af);
    const br_claim *b = a && af.versus != BR_DIR_NONE ? claim_as(n, af.of, BR_CLAIM_BUDGET, &bf) : NULL;
    if (!b || !is_money(a) || !same_str(a->unit, b->unit))
        return;
    int cmp = H->decimal_cmp(a->value, b->value);
    br_direction truth = cmp > 0 ? BR_DIR_INCREASE : cmp < 0 ? BR_DIR_DECREASE : BR_DIR_FLAT;
    H->report_claim_checked(report, a);
    H->report_claim_checked(report, b);
    if (truth == af.versus)
        return;
    char msg[700], as[BR_DECIMAL_STR_MAX], bs[BR_DECIMAL_STR_MAX];
    snprintf(msg, sizeof msg,
             "the narrative says the final figure is %s the budget (决算数%s预算数), but %s %s%s "
             "is %s %s %s%s",
             dir_word(af.versus), dir_word(af.versus), a->label, fmt(a->value, as), a->unit,
             truth == BR_DIR_INCREASE ? "above" : truth == BR_DIR_DECREASE ? "below" : "equal to",
             b->label, fmt(b->value, bs), b->unit);
    br_finding f = {
        .check = CHECK_DIRECTION,
        .severity = BR_SEV_ERROR,
        .table = "narrative",
        .row = a->label,
        .column = a->claim_class,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL,
        .expected = b->value,
        .actual = a->value,
        .line = af.versus_line ? af.versus_line : a->line,
        .message = msg,
        .cause = "direction",
    };
    const br_claim *on[] = {a, b};
    H->report_add_on_claims(report, &f, on, 2);
}

/* "增加 100 万元，下降 5%": a rate whose direction contradicts its change's. */
static void check_rate_direction(const br_narrative *n, size_t i, br_report *report)
{
    br_claim_form rf, cf;
    const br_claim *r = claim_as(n, (long)i, BR_CLAIM_RATE, &rf);
    const br_claim *ch = r ? claim_as(n, rf.of, BR_CLAIM_CHANGE, &cf) : NULL;
    if (!ch || r->direction == BR_DIR_NONE || ch->direction == BR_DIR_NONE)
        return;
    int sr = sign_of_dir(r->direction), sc = sign_of_dir(ch->direction);
    int zero_rate = r->value.units == 0, zero_change = ch->value.units == 0;
    H->report_claim_checked(report, r);
    H->report_claim_checked(report, ch);
    if (sr * sc >= 0 && (sr != 0) == (sc != 0))
        return;
    if ((sr == 0 && zero_change) || (sc == 0 && zero_rate) || (zero_rate && zero_change))
        return; /* "持平", "增长 0%": the same */
    char msg[700], rs[BR_DECIMAL_STR_MAX], cs[BR_DECIMAL_STR_MAX];
    snprintf(msg, sizeof msg, "the sentence states “%s %s%s” and “%s %s%s”: the directions contradict",
             ch->label, fmt(ch->value, cs), ch->unit, r->label, fmt(r->value, rs), r->unit);
    br_finding f = {
        .check = CHECK_DIRECTION,
        .severity = BR_SEV_ERROR,
        .table = "narrative",
        .row = r->label,
        .column = r->claim_class,
        .line = r->line,
        .message = msg,
        .cause = "direction",
    };
    const br_claim *on[] = {r, ch};
    H->report_add_on_claims(report, &f, on, 2);
}

int narr_direction(const br_narrative *n, br_report *report)
{
    size_t count = H->narrative_claim_count(n);
    for (size_t i = 0; i < count; i++) {
        br_claim_form f = H->narrative_claim_form(n, i);
        if (f.role == BR_CLAIM_AMOUNT && f.versus != BR_DIR_NONE)
            check_versus(n, i, report);
        else if (f.role == BR_CLAIM_RATE)
            check_rate_direction(n, i, report);
    }
    return BR_OK;
}

/* ---- narrative.shares ------------------------------------------------------------- */

/* The claim of class `cls` (an amount in `unit`), when the narrative states
 * one value for it only (the first of them); NULL otherwise. */
static const br_claim *class_claim(const br_narrative *n, const char *cls, const char *unit)
{
    const br_claim *found = NULL;
    size_t count = H->narrative_claim_count(n);
    for (size_t i = 0; i < count; i++) {
        const br_claim *c = H->narrative_claim_at(n, i);
        br_claim_form f = H->narrative_claim_form(n, i);
        if (f.role != BR_CLAIM_AMOUNT || !same_str(c->claim_class, cls) || !same_str(c->unit, unit))
            continue;
        if (found && H->decimal_cmp(found->value, c->value) != 0)
            return NULL; /* stated with two values: narrative.consistency's to judge */
        if (!found)
            found = c;
    }
    return found;
}

/* One share: 占 s% = part / whole.  1 when it is reported as an error. */
static int check_share(const br_claim *s, const br_claim *part, const br_claim *whole_claim,
                       br_decimal whole, const char *whole_name, const br_decimal *adjust,
                       br_report *report)
{
    pct_result res;
    const char *cause;
    if (judge_pct(s->value, part->value, H->decimal_half_ulp(part->value), whole,
                  H->decimal_half_ulp(whole), 100, &res, &cause) != 0)
        return 0;
    /* shares are often adjusted so that a list closes at 100: a share one
     * unit of its last digit off (or, in a list printed to add up to exactly
     * 100, off by the others' rounding) is that habit, said as info */
    br_decimal off, reach, unit = {1, s->value.scale};
    if (adjust && H->decimal_cmp(*adjust, unit) > 0)
        unit = *adjust;
    if (res.verdict == PCT_BROKEN && !cause && H->decimal_sub(s->value, res.expected, &off) == BR_OK &&
        H->decimal_add(res.tolerance, unit, &reach) == BR_OK &&
        H->decimal_cmp(off.units < 0 ? negate(off) : off, reach) <= 0)
        cause = "adjusted";
    H->report_claim_checked(report, s);
    H->report_claim_checked(report, part);
    if (res.verdict != PCT_BROKEN && !cause)
        return 0;
    char what[600], ps[BR_DECIMAL_STR_MAX], ws[BR_DECIMAL_STR_MAX];
    snprintf(what, sizeof what, "%s: %s %s%s of %s %s%s", s->label, part->label,
             fmt(part->value, ps), part->unit, whole_name, fmt(whole, ws), part->unit);
    const br_claim *on[] = {s, part, whole_claim};
    report_pct(report, CHECK_SHARES, on, whole_claim ? 3 : 2, s->value, &res, cause, what);
    return res.verdict == PCT_BROKEN && !same_str(cause, "truncated") &&
           !same_str(cause, "approximate") && !same_str(cause, "adjusted");
}

/*
 * A breakdown: parts [from, to) stated as (amount, 占 share) pairs right
 * after their whole `w` in its sentence ("支出合计 9759.38 万元，其中：基本支
 * 出 5377.64 万元，占 55.10%；项目支出 …，占 44.90%").  Each share is part /
 * whole; the shares add up to 100 when the parts add up to the whole, and
 * never to more.
 */
static void check_breakdown(const br_narrative *n, const br_claim *w, size_t from, size_t to,
                            br_report *report)
{
    br_decimal parts = {0, 0}, shares = {0, 0}, slack_p = H->decimal_half_ulp(w->value),
               slack_s = {0, 0};
    for (size_t i = from; i + 1 < to; i += 2) {
        const br_claim *p = H->narrative_claim_at(n, i), *s = H->narrative_claim_at(n, i + 1);
        H->decimal_add(parts, p->value, &parts);
        H->decimal_add(slack_p, H->decimal_half_ulp(p->value), &slack_p);
        H->decimal_add(shares, s->value, &shares);
        H->decimal_add(slack_s, H->decimal_half_ulp(s->value), &slack_s);
    }
    br_decimal dp, hundred = {100, 0}, ds, adp;
    H->decimal_sub(parts, w->value, &dp);
    if (H->decimal_cmp(dp, slack_p) > 0)
        return; /* the parts exceed it: not their whole ("增收 2798 万元，…税务部门完成 13866 万元") */
    adp = dp.units < 0 ? negate(dp) : dp;
    int complete = H->decimal_cmp(adp, slack_p) <= 0;
    /* shares printed to add up to exactly 100 over parts that add up to the
     * whole: one may have been moved by the others' rounding to close the sum */
    int closes = complete && H->decimal_cmp(shares, hundred) == 0;
    int wrong = 0;
    for (size_t i = from; i + 1 < to; i += 2)
        wrong += check_share(H->narrative_claim_at(n, i + 1), H->narrative_claim_at(n, i), w,
                             w->value, w->label, closes ? &slack_s : NULL, report);
    if (wrong)
        return; /* the sum is off by the wrong shares already reported */
    H->decimal_sub(shares, hundred, &ds);
    int over = H->decimal_cmp(ds, slack_s) > 0;
    int under = complete && H->decimal_cmp(negate(ds), slack_s) > 0;
    if (!over && !under)
        return;
    const br_claim *first = H->narrative_claim_at(n, from + 1);
    char msg[700], ss[BR_DECIMAL_STR_MAX], ws[BR_DECIMAL_STR_MAX], ts[BR_DECIMAL_STR_MAX];
    snprintf(msg, sizeof msg,
             "the shares of %s %s%s add up to %s%%%s, not 100%% (±%s)", w->label,
             fmt(w->value, ws), w->unit, fmt(shares, ss),
             complete ? " although its parts add up to it" : "", fmt(slack_s, ts));
    br_finding f = {
        .check = CHECK_SHARES,
        .severity = BR_SEV_ERROR,
        .table = "narrative",
        .row = w->label,
        .column = w->claim_class,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | BR_FINDING_TOLERANCE,
        .expected = hundred,
        .actual = shares,
        .tolerance = slack_s,
        .line = first->line,
        .message = msg,
    };
    const br_claim *on[] = {w};
    H->report_add_on_claims(report, &f, on, 1);
}

/* Is claim i a part stated with its share right after it (claim i + 1)? */
static int part_with_share(const br_narrative *n, size_t i, const char *unit)
{
    br_claim_form pf, sf;
    const br_claim *p = claim_as(n, (long)i, BR_CLAIM_AMOUNT, &pf);
    const br_claim *s = p ? claim_as(n, (long)i + 1, BR_CLAIM_SHARE, &sf) : NULL;
    return s && sf.of == (long)i && !sf.base_class && is_percent(s) && same_str(p->unit, unit);
}

int narr_shares(const br_narrative *n, br_report *report)
{
    size_t count = H->narrative_claim_count(n);
    for (size_t i = 0; i < count; i++) {
        br_claim_form sf, pf, wf;
        const br_claim *s = claim_as(n, (long)i, BR_CLAIM_SHARE, &sf);
        const br_claim *p = s ? claim_as(n, sf.of, BR_CLAIM_AMOUNT, &pf) : NULL;
        if (!p || !is_percent(s) || !is_money(p))
            continue;
        if (sf.base_class) { /* "占本年支出合计的 99.86%" */
            const br_claim *w = class_claim(n, sf.base_class, p->unit);
            if (w)
                (void)check_share(s, p, w, w->value, sf.base_class, NULL, report);
            continue;
        }
        /* the first share of a breakdown: its whole stands right before its part */
        size_t k = (size_t)sf.of;
        const br_claim *w = k ? claim_as(n, (long)k - 1, BR_CLAIM_AMOUNT, &wf) : NULL;
        if (!w || k + 1 != i || wf.sentence != pf.sentence || !same_str(w->unit, p->unit) ||
            (k >= 2 && part_with_share(n, k - 2, p->unit)))
            continue;
        size_t to = k;
        while (to < count && part_with_share(n, to, p->unit))
            to += 2;
        check_breakdown(n, w, k, to, report);
        i = to - 1;
    }
    return BR_OK;
}
