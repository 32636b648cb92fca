/*
 * cost.c — performance.cost_vs_amount: a cost indicator (成本指标) whose
 * target is money cannot exceed its project's amount (资金总额).
 *
 * The target is converted exactly into the amount's unit (元 → 万元 shifts
 * the scale).  "Exceeds" follows the interval rule of SPEC §5: an error when
 * the intervals of the two printed figures cannot meet, info when the excess
 * lies within their rounding.  Not an identity (an upper bound), so it is
 * reported with report_add.
 */
#include <stdio.h>

#include "perf.h"

static void check_table(const br_table *t, br_report *report)
{
    br_decimal amount;
    br_unit amount_unit;
    if (!pf_project_amount(t, &amount, &amount_unit))
        return;
    pf_cols c;
    pf_columns(t, &c);
    char where[512];
    pf_table_name(t, where, sizeof where);
    for (size_t i = 0; i < pf_host->table_row_count(t); i++) {
        pf_indicator ind;
        br_decimal target, diff, tol;
        if (!pf_read_indicator(pf_host->table_row_at(t, i), &c, &ind) ||
            !(ind.flags & PF_F_COST_L2) || ind.unit.cls != PF_UNIT_MONEY || !ind.unit.money ||
            !pf_cell_number(ind.target, &target) ||
            pf_host->decimal_convert(target, ind.unit.money, amount_unit, &target) != BR_OK ||
            pf_host->decimal_cmp(target, amount) <= 0 ||
            pf_host->decimal_sub(target, amount, &diff) != BR_OK ||
            pf_host->decimal_add(pf_host->decimal_half_ulp(target),
                                 pf_host->decimal_half_ulp(amount), &tol) != BR_OK)
            continue;
        int rounding = pf_host->decimal_cmp(diff, tol) <= 0;
        char ts[BR_DECIMAL_STR_MAX], as[BR_DECIMAL_STR_MAX], ds[BR_DECIMAL_STR_MAX],
            msg[2048];
        pf_host->decimal_format(target, ts, sizeof ts);
        pf_host->decimal_format(amount, as, sizeof as);
        pf_host->decimal_format(diff, ds, sizeof ds);
        const char *u = pf_host->unit_name(amount_unit);
        snprintf(msg, sizeof msg,
                 "%s: cost indicator \"%s\" is %s %s, more than the project's amount %s %s "
                 "(by %s)%s",
                 where, ind.name, ts, u, as, u, ds, rounding ? ", only within rounding" : "");
        br_finding f = {
            .check = "performance.cost_vs_amount",
            .severity = rounding ? BR_SEV_INFO : BR_SEV_ERROR,
            .table = pf_host->kind_name(pf_host->table_kind(t)),
            .row = pf_host->row_key(ind.row),
            .column = "target",
            .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | BR_FINDING_TOLERANCE,
            .expected = amount,
            .actual = target,
            .tolerance = tol,
            .line = pf_host->row_line(ind.row),
            .message = msg,
        };
        pf_host->report_add(report, &f);
    }
}

int pf_check_cost_vs_amount(const br_table *first, const br_disclosure *doc, br_report *report)
{
    (void)first; /* declared so that the check is not applicable without project tables */
    for (size_t i = 0; i < pf_host->doc_table_count(doc); i++) {
        const br_table *t = pf_host->doc_table_at(doc, i);
        if (pf_host->table_kind(t) == BR_KIND_PERFORMANCE_PROJECT)
            check_table(t, report);
    }
    return BR_OK;
}
