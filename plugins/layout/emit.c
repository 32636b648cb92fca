/*
 * emit.c — the buffered rows of a table → the model; reader notes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine.h"

void lt_note(lt_engine *e, const lt_table *t, br_severity sev, const char *row, long line,
             const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *kind = t && t->kind != BR_KIND_UNKNOWN ? lt_host->kind_name(t->kind) : NULL;
    if (lt_host->doc_add_note(e->doc, sev, kind, row, NULL, line, msg) != BR_OK)
        e->failed = 1;
}

void lt_table_emit(lt_engine *e, lt_table *t)
{
    if (!t->open)
        return;
    t->open = 0;
    if (t->kind == BR_KIND_UNKNOWN || !t->have_layout || t->L.nroles == 0)
        return; /* a title without a table (contents, a heading), or one SPEC does not model */
    br_table *bt = lt_host->doc_add_table(e->doc, t->kind, t->title, t->unit, t->title_line);
    if (!bt || lt_host->table_set_columns(bt, t->L.roles, t->L.nroles) != BR_OK) {
        e->failed = 1;
        return;
    }
    e->ntables++;
    if (!e->unit_set && t->unit != BR_UNIT_UNKNOWN) {
        lt_host->doc_set_unit(e->doc, t->unit);
        e->unit_set = 1;
    }
    if (t->note[0])
        lt_host->table_set_attr(bt, "note", t->note);
    for (lt_prow *r = t->rows; r; r = r->next) {
        br_row *row = lt_host->table_add_row(bt, r->code[0] ? r->code : NULL, r->label, r->side,
                                             r->line);
        if (!row) {
            e->failed = 1;
            return;
        }
        for (size_t c = 0; c < t->L.nroles; c++)
            if (r->have[c])
                lt_host->row_set_value(row, c, r->vals[c], 0);
    }
}
