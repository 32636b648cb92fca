/*
 * weights.c — performance.weights: the weights of a performance table's
 * indicators add up to 100 percent points.
 *
 * Project tables of some regions leave out the 10-point 预算执行率 indicator
 * that every project carries by rule, so their listed weights add up to 90:
 * that is recognised as the convention (info), unless such an indicator is
 * listed.  Each printed weight stands for the interval that rounds to it
 * (SPEC §5), so the tolerance is the sum of their half-units.
 */
#include <stdio.h>

#include "perf.h"

static int within(br_decimal sum, br_decimal target, br_decimal tol)
{
    br_decimal d;
    if (pf_host->decimal_sub(sum, target, &d) != BR_OK)
        return 0;
    if (d.units < 0)
        d.units = -d.units;
    return pf_host->decimal_cmp(d, tol) <= 0;
}

static void check_table(const br_table *t, br_report *report)
{
    pf_cols c;
    pf_columns(t, &c);
    if (c.weight < 0)
        return;
    br_decimal sum = {0, 0}, tol = {0, 0};
    size_t n = 0;
    int exec_listed = 0;
    for (size_t i = 0; i < pf_host->table_row_count(t); i++) {
        pf_indicator ind;
        if (!pf_read_indicator(pf_host->table_row_at(t, i), &c, &ind) || !ind.weight)
            continue;
        br_decimal w;
        if (!pf_cell_number(ind.weight, &w))
            return; /* a weight that is no figure: the sum would mean nothing */
        if (pf_host->decimal_add(sum, w, &sum) != BR_OK ||
            pf_host->decimal_add(tol, pf_host->decimal_half_ulp(w), &tol) != BR_OK)
            return;
        n++;
        exec_listed |= pf_has_word(ind.name, PF_EXEC_RATE, PF_LIST__COUNT);
    }
    const br_decimal hundred = {100, 0}, ninety = {90, 0};
    if (n == 0 || pf_host->decimal_cmp(sum, hundred) == 0)
        return;

    char what[512], msg[1024], ss[BR_DECIMAL_STR_MAX], ts[BR_DECIMAL_STR_MAX];
    pf_table_name(t, what, sizeof what);
    pf_host->decimal_format(sum, ss, sizeof ss);
    pf_host->decimal_format(tol, ts, sizeof ts);
    br_severity sev;
    if (!exec_listed && pf_host->decimal_cmp(sum, ninety) == 0) {
        sev = BR_SEV_INFO;
        snprintf(msg, sizeof msg,
                 "%s: the %zu listed weights add up to 90, not 100: the 10-point 预算执行率 "
                 "indicator is conventionally not listed",
                 what, n);
    } else if (within(sum, hundred, tol)) {
        sev = BR_SEV_INFO;
        snprintf(msg, sizeof msg,
                 "%s: the %zu weights add up to %s, 100 only within the rounding of the "
                 "printed weights (±%s)",
                 what, n, ss, ts);
    } else if (!exec_listed && within(sum, ninety, tol)) {
        sev = BR_SEV_INFO;
        snprintf(msg, sizeof msg,
                 "%s: the %zu listed weights add up to %s, 90 within rounding (±%s): the "
                 "10-point 预算执行率 indicator is conventionally not listed",
                 what, n, ss, ts);
    } else {
        sev = BR_SEV_ERROR;
        snprintf(msg, sizeof msg, "%s: the %zu weights add up to %s, expected 100%s", what, n,
                 ss, exec_listed ? " (a 预算执行率 indicator is listed)" : "");
    }
    br_finding f = {
        .check = "performance.weights",
        .severity = sev,
        .table = pf_host->kind_name(pf_host->table_kind(t)),
        .column = "weight",
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | BR_FINDING_TOLERANCE,
        .expected = hundred,
        .actual = sum,
        .tolerance = tol,
        .line = pf_host->table_line(t),
        .message = msg,
    };
    pf_host->report_add(report, &f);
}

int pf_check_weights(const br_disclosure *doc, br_report *report)
{
    for (size_t i = 0; i < pf_host->doc_table_count(doc); i++) {
        const br_table *t = pf_host->doc_table_at(doc, i);
        if (pf_is_perf_table(t))
            check_table(t, report);
    }
    return BR_OK;
}
