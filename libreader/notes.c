/*
 * notes.c — reader notes about the current table (dt_note): the disclosure-text
 * reader's, and the solver's (assign.c) when the layout engine runs it.
 */
#include <stdarg.h>
#include <stdio.h>

#include "brreader.h"

void dt_vnote(dt_reader *rd, br_severity sev, const char *row, br_role role, long line,
              const char *fmt, va_list ap)
{
    if (rd->quiet)
        return;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    const char *kind =
        rd->cur.open && rd->cur.kind != BR_KIND_UNKNOWN ? dt_host->kind_name(rd->cur.kind) : NULL;
    const char *col = role != BR_ROLE_NONE ? dt_host->role_name(role) : NULL;
    if (dt_host->doc_add_note(rd->doc, sev, kind, row, col, line, msg) == BR_ERR_NOMEM)
        rd->failed = 1;
}

void dt_note(dt_reader *rd, br_severity sev, const char *row, br_role role, long line,
             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dt_vnote(rd, sev, row, role, line, fmt, ap);
    va_end(ap);
}

/*
 * Fail closed: what the reader did not understand but holds figures is
 * marked uncertain, so that no identity through it is reported as the
 * department's error (the host reports it "not checked").  Dropped like the
 * notes in a solver run whose results do not stand (rd->quiet).
 */
void dt_mark_table(dt_reader *rd, long col, const char *kind, const char *fmt, ...)
{
    br_table *t = rd->cur.t;
    if (rd->quiet || !t || !BR_HOST_HAS(dt_host, table_set_uncertain))
        return;
    char why[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (dt_host->table_set_uncertain(t, col, kind, why) == BR_ERR_NOMEM)
        rd->failed = 1;
}

void dt_mark_row(dt_reader *rd, br_row *row, const char *kind, const char *fmt, ...)
{
    if (rd->quiet || !row || !BR_HOST_HAS(dt_host, row_set_uncertain))
        return;
    char why[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (dt_host->row_set_uncertain(row, kind, why) == BR_ERR_NOMEM)
        rd->failed = 1;
}
