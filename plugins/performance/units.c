/*
 * units.c — performance.units: an indicator's unit fits what it measures.
 *
 * What an indicator measures comes from its 二级指标 (成本指标: money,
 * 数量指标: a count) and from words of its name (…费, 经费, 资金, 支出:
 * money; …率, 满意度, 比例: a ratio), per vocab.def; a ratio word in the
 * name outranks the rest ("资金到位率" is a ratio).  Reported, as warnings:
 * money in %, a cost indicator counted in pieces or days, a count in %, a
 * ratio in money.  Units the vocabulary does not know are not judged.
 */
#include <stdio.h>
#include <string.h>

#include "perf.h"

/* What is wrong with the indicator's unit, NULL when nothing; *measures: what it is. */
static const char *misfit(const pf_indicator *ind, const char **measures)
{
    pf_unit_class u = ind->unit.cls;
    if (pf_is_money(ind)) {
        *measures = ind->flags & PF_F_COST_L2 ? "a cost indicator (money)" : "money by its name";
        if (u == PF_UNIT_PERCENT)
            return "money cannot be measured in %";
        if ((ind->flags & PF_F_COST_L2) && (u == PF_UNIT_COUNT || u == PF_UNIT_TIME))
            return u == PF_UNIT_COUNT ? "a cost is not a count" : "a cost is not a duration";
        return NULL;
    }
    if ((ind->flags & PF_F_COUNT_L2) && !(ind->flags & (PF_F_RATIO_NAME | PF_F_MONEY_NAME))) {
        *measures = "a count (数量指标)";
        return u == PF_UNIT_PERCENT ? "a count cannot be measured in %" : NULL;
    }
    if (ind->flags & PF_F_RATIO_NAME) {
        *measures = "a ratio by its name";
        return u == PF_UNIT_MONEY ? "a ratio cannot be measured in money" : NULL;
    }
    return NULL;
}

static void check_table(const br_table *t, br_report *report)
{
    pf_cols c;
    pf_columns(t, &c);
    if (c.unit < 0)
        return;
    br_decimal amount;
    br_unit amount_unit = BR_UNIT_UNKNOWN;
    int has_amount = pf_project_amount(t, &amount, &amount_unit);
    char where[512];
    pf_table_name(t, where, sizeof where);
    for (size_t i = 0; i < pf_host->table_row_count(t); i++) {
        pf_indicator ind;
        const char *measures = NULL, *why;
        if (!pf_read_indicator(pf_host->table_row_at(t, i), &c, &ind) ||
            ind.unit.cls == PF_UNIT_NONE || !(why = misfit(&ind, &measures)))
            continue;
        char hint[256] = "", ts[BR_DECIMAL_STR_MAX], msg[2048];
        br_decimal target;
        int has_target = pf_cell_number(ind.target, &target);
        if (has_target && has_amount && pf_is_money(&ind) &&
            pf_host->decimal_cmp(target, amount) == 0) {
            pf_host->decimal_format(amount, ts, sizeof ts);
            snprintf(hint, sizeof hint, "; its target %s is the project's amount %s %s", ts, ts,
                     pf_host->unit_name(amount_unit));
        }
        snprintf(msg, sizeof msg, "%s: indicator \"%s\" is %s but its unit is %s: %s%s",
                 where, ind.name, measures, ind.unit.printed, why, hint);
        br_finding f = {
            .check = "performance.units",
            .severity = BR_SEV_WARNING,
            .table = pf_host->kind_name(pf_host->table_kind(t)),
            .row = pf_host->row_key(ind.row),
            .column = "unit",
            .line = pf_host->row_line(ind.row),
            .message = msg,
        };
        pf_host->report_add(report, &f);
    }
}

int pf_check_units(const br_disclosure *doc, br_report *report)
{
    for (size_t i = 0; i < pf_host->doc_table_count(doc); i++) {
        const br_table *t = pf_host->doc_table_at(doc, i);
        if (pf_is_perf_table(t))
            check_table(t, report);
    }
    return BR_OK;
}
