/*
 * tables.c — completeness.tables: the standard tables of SPEC §3 that the
 * document itself calls for are published, or the narrative (or a note)
 * states that one is empty.
 *
 * Which tables are standard, and since which year, is data (standard.def).
 * A narrative-only document (its tables published separately) is not
 * judged.  When a missing table's funding column appears in other tables,
 * the message says whether it holds figures there.
 */
#include <stdio.h>
#include <string.h>

#include "compl.h"

static void note_empty(const cp_statement *s, void *ctx)
{
    unsigned char *stated = ctx;
    if (s->type != CP_STMT_EMPTY || !s->subject)
        return;
    stated[s->subject->kind] = 1;
    if (s->subject->also != BR_KIND_UNKNOWN)
        stated[s->subject->also] = 1;
}

static const cp_subject *subject_of(br_kind kind)
{
    for (size_t i = 0; i < cp_n_subjects; i++)
        if (cp_subjects[i].kind == kind)
            return &cp_subjects[i];
    return NULL;
}

/*
 * Does the document itself call for the missing table `d`?  A table of a
 * layout's own set — one the document's own tables imply (WITH_PROJECTS,
 * WITH_FISCAL_DETAIL) — is; so is a table whose funding column the
 * document's tables carry (its money budgeted by that fund, a figure there
 * or not) or whose subject has a figure elsewhere.  A table of some
 * region's standard set that nothing in the document calls for is not:
 * bodies publish fewer tables (no 三公 table, its figures in the text only;
 * no 政府性基金 table when they have no such money), and a table the reader
 * failed to recognise must not become the department's omission.
 */
static int called_for(const br_disclosure *doc, const cp_table_def *d, const cp_subject *subj)
{
    if (d->when != CP_ALWAYS)
        return 1;
    if (!subj)
        return 0;
    cp_figure fig;
    if (cp_find_figure(doc, subj, &fig))
        return 1;
    if (subj->role == BR_ROLE_NONE)
        return 0;
    for (size_t i = 0; i < cp_host->doc_table_count(doc); i++)
        if (cp_host->table_find_column(cp_host->doc_table_at(doc, i), subj->role) >= 0)
            return 1;
    return 0;
}

/* What the other tables show in the missing table's funding column; *line
 * becomes the line of the table that shows it (else it is left alone). */
static void context(const br_disclosure *doc, const cp_subject *subj, char *buf, size_t cap,
                    long *line)
{
    buf[0] = '\0';
    if (!subj)
        return;
    cp_figure fig;
    char where[512];
    if (cp_find_figure(doc, subj, &fig)) {
        char v[BR_DECIMAL_STR_MAX];
        cp_host->decimal_format(fig.value, v, sizeof v);
        cp_figure_where(&fig, where, sizeof where);
        snprintf(buf, cap, "; yet %s is %s", where, v);
        return;
    }
    if (subj->role == BR_ROLE_NONE)
        return;
    for (size_t i = 0; i < cp_host->doc_table_count(doc); i++) {
        const br_table *t = cp_host->doc_table_at(doc, i);
        if (cp_host->table_find_column(t, subj->role) >= 0) {
            snprintf(buf, cap, "; the %s column of %s (line %ld) has no figure",
                     cp_host->role_name(subj->role), cp_host->kind_name(cp_host->table_kind(t)),
                     cp_host->table_line(t));
            *line = cp_host->table_line(t);
            return;
        }
    }
}

int cp_check_tables(const br_disclosure *doc, br_report *report)
{
    if (!cp_has_tables(doc))
        return BR_OK;
    unsigned char stated[BR_KIND__COUNT] = {0};
    cp_scan(doc, note_empty, stated);
    int year = cp_host->doc_year(doc);
    int detail = cp_has_kind(doc, BR_KIND_PROJECTS);
    /* the layout of the 财政拨款 detail tables (Jiangsu): one of them printed */
    int fiscal_detail = cp_has_kind(doc, BR_KIND_FISCAL_EXPENDITURE) ||
                        cp_has_kind(doc, BR_KIND_FISCAL_BASIC);
    for (size_t i = 0; i < cp_n_tables; i++) {
        const cp_table_def *d = &cp_tables[i];
        if ((year > 0 && year < d->since) || (d->when == CP_WITH_PROJECTS && !detail) ||
            (d->when == CP_WITH_FISCAL_DETAIL && !fiscal_detail) ||
            cp_has_kind(doc, d->kind) || stated[d->kind] ||
            !called_for(doc, d, subject_of(d->kind)))
            continue;
        stated[d->kind] = 1; /* said once, when two layouts both expect it */
        char ctx[768], msg[1024];
        /* located at the table that shows its column, else where the tables begin */
        long line = cp_host->table_line(cp_host->doc_table_at(doc, 0));
        context(doc, subject_of(d->kind), ctx, sizeof ctx, &line);
        snprintf(msg, sizeof msg,
                 "standard table %s (%s) is not in the disclosure, and no statement says it "
                 "is empty%s",
                 d->name, cp_host->kind_name(d->kind), ctx);
        br_finding f = {
            .check = "completeness.tables",
            .severity = BR_SEV_WARNING,
            .table = cp_host->kind_name(d->kind),
            .line = line,
            .message = msg,
        };
        cp_host->report_add(report, &f);
    }
    return BR_OK;
}
