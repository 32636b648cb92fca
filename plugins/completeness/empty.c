/*
 * empty.c — completeness.empty_statements: a statement that a table is empty
 * ("未使用政府性基金预算拨款安排的支出", "无国有资本经营预算", "本表无数据")
 * agrees with the tables.
 *
 * The statement is contradicted by any printed non-zero budget-year figure
 * about its subject: in the subject's own table, in its funding column of
 * other tables, or in an income row naming it (figures that are all 0 agree).
 * A note printed with a table is held against that table.  The finding is an
 * error at the statement's line; the figure's place is in the message.
 */
#include <stdio.h>

#include "compl.h"

typedef struct empty_ctx {
    const br_disclosure *doc;
    br_report *report;
} empty_ctx;

static void on_statement(const cp_statement *s, void *vctx)
{
    empty_ctx *c = vctx;
    if (s->type != CP_STMT_EMPTY)
        return;
    cp_figure fig;
    int found = s->table ? cp_table_figure(s->table, &fig)
                         : s->subject && cp_find_figure(c->doc, s->subject, &fig);
    if (!found)
        return;
    char where[512], v[BR_DECIMAL_STR_MAX], msg[1536];
    cp_figure_where(&fig, where, sizeof where);
    cp_host->decimal_format(fig.value, v, sizeof v);
    snprintf(msg, sizeof msg, "the statement \"%s\" says %s is empty, but %s is %s", s->text,
             s->subject ? s->subject->word : cp_host->kind_name(cp_host->table_kind(s->table)),
             where, v);
    br_finding f = {
        .check = "completeness.empty_statements",
        .severity = BR_SEV_ERROR,
        .table = s->table ? cp_host->kind_name(cp_host->table_kind(s->table)) : "narrative",
        .row = s->text,
        .present = BR_FINDING_EXPECTED | BR_FINDING_ACTUAL | BR_FINDING_TOLERANCE,
        .expected = {0, fig.value.scale},
        .actual = fig.value,
        .tolerance = cp_host->decimal_half_ulp(fig.value),
        .line = s->line,
        .message = msg,
    };
    cp_host->report_add(c->report, &f);
}

int cp_check_empty_statements(const br_disclosure *doc, br_report *report)
{
    empty_ctx c = {doc, report};
    cp_scan(doc, on_statement, &c);
    return BR_OK;
}
