/*
 * references.c — completeness.references: the tables the narrative refers to
 * are in the disclosure.
 *
 * Two kinds of reference, both conservative: a sentence with "详见" / "见附表"
 * next to a subject (政府性基金, 国有资本经营, 三公, 政府采购, 绩效目标); and a
 * narrative figure (a claim in 万元/元, not a change) that is non-zero and
 * labelled with a subject whose table every layout publishes (CP_FIGURE),
 * when the label names no other subject or total.  A narrative-only
 * document is not judged.
 */
#include <stdio.h>
#include <string.h>

#include "compl.h"

typedef struct ref_ctx {
    const br_disclosure *doc;
    br_report *report;
} ref_ctx;

static int absent(const br_disclosure *doc, const cp_subject *s)
{
    return !cp_has_kind(doc, s->kind) && !cp_has_kind(doc, s->also);
}

static void on_reference(const cp_statement *s, void *vctx)
{
    ref_ctx *c = vctx;
    if (s->type != CP_STMT_REF || !s->subject || !absent(c->doc, s->subject))
        return;
    char msg[1024];
    snprintf(msg, sizeof msg,
             "the narrative refers to the %s table (%s), which is not in the disclosure: \"%s\"",
             s->subject->word, cp_host->kind_name(s->subject->kind), s->text);
    br_finding f = {
        .check = "completeness.references",
        .severity = BR_SEV_WARNING,
        .table = "narrative",
        .row = s->text,
        .line = s->line,
        .message = msg,
    };
    cp_host->report_add(c->report, &f);
}

/* The one subject a claim label names, or NULL. */
static const cp_subject *claim_subject(const char *label)
{
    const cp_subject *found = NULL;
    for (size_t i = 0; i < cp_n_subjects; i++)
        if (strstr(label, cp_subjects[i].word)) {
            if (found)
                return NULL;
            found = &cp_subjects[i];
        }
    return found;
}

int cp_check_references(const br_disclosure *doc, br_report *report)
{
    if (!cp_has_tables(doc))
        return BR_OK;
    ref_ctx c = {doc, report};
    cp_scan(doc, on_reference, &c);

    const br_narrative *n = cp_host->doc_narrative((br_disclosure *)doc);
    size_t nclaims = n ? cp_host->narrative_claim_count(n) : 0;
    for (size_t i = 0; i < nclaims; i++) {
        const br_claim *cl = cp_host->narrative_claim_at(n, i);
        const cp_subject *s;
        if (!cl->label || cl->direction != BR_DIR_NONE || !cl->unit ||
            !cp_host->unit_parse(cl->unit, strlen(cl->unit)) ||
            cp_host->decimal_cmp(cl->value, (br_decimal){0, 0}) == 0 ||
            !(s = claim_subject(cl->label)) || !(s->flags & CP_FIGURE) ||
            cp_ambiguous(cl->label) || !absent(doc, s))
            continue;
        char v[BR_DECIMAL_STR_MAX], msg[1024];
        cp_host->decimal_format(cl->value, v, sizeof v);
        snprintf(msg, sizeof msg,
                 "the narrative states %s %s %s, but the disclosure has no %s table (%s)",
                 cl->label, v, cl->unit, s->word, cp_host->kind_name(s->kind));
        br_finding f = {
            .check = "completeness.references",
            .severity = BR_SEV_WARNING,
            .table = "narrative",
            .row = cl->label,
            .column = cl->claim_class,
            .present = BR_FINDING_ACTUAL,
            .actual = cl->value,
            .line = cl->line,
            .message = msg,
        };
        cp_host->report_add(report, &f);
    }
    return BR_OK;
}
