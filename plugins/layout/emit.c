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

/* ---- the disclosure-text solver (dt_assign.c) run over the emitted rows ---- */

/* dt_assign_table reports through dt_note; while it runs here its notes are
 * dropped (they speak of rows that "lost their empty cells", and of the
 * leftmost columns as a fallback), and hierarchy() reports below. */
static int quiet_note(br_disclosure *d, br_severity s, const char *k, const char *r,
                      const char *c, long l, const char *m)
{
    (void)d, (void)s, (void)k, (void)r, (void)c, (void)l, (void)m;
    return BR_OK;
}

void dt_vnote(dt_reader *rd, br_severity sev, const char *row, br_role role, long line,
              const char *fmt, va_list ap)
{
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
 * Rows with fewer figures than columns were placed by position and row
 * identities (rows.c), which cannot tell apart columns that both fit
 * (302 商品和服务支出 under 人员经费 or 公用经费).  The code hierarchy can:
 * a parent's cell is the sum of its children's, 合计 the sum of the 类,
 * siblings jointly — what assign.c does for tab text.  Its placement is
 * taken where it is unique (BR_CELL_INFERRED, an INFO note when it differs
 * from the position); elsewhere the positional placement stays.
 */
static void hierarchy(lt_engine *e, lt_table *t, br_table *bt, br_row **rows)
{
    dt_reader rd;
    memset(&rd, 0, sizeof rd);
    rd.doc = e->doc;
    rd.path = e->path;
    rd.cur.open = 1;
    rd.cur.kind = t->kind;
    rd.cur.t = bt;
    dt_layout *L = &rd.cur.layout;
    for (size_t c = 0; c < t->L.nroles && c < DT_MAX_FIELDS && c < DT_MAX_COLUMNS; c++) {
        L->map[c].what = DT_COL_MONEY;
        L->map[c].col = (signed char)c;
        L->map[c].role = (unsigned char)t->L.roles[c];
        L->roles[c] = t->L.roles[c];
        L->width = L->ncols = L->nmoney = c + 1;
    }
    dt_short **tail = &rd.cur.shorts;
    size_t i = 0, nshort = 0;
    for (lt_prow *r = t->rows; r; r = r->next, i++) {
        if (!r->nshort || r->nshort >= L->nmoney)
            continue;
        dt_short *sh = lt_host->doc_alloc(e->doc, sizeof *sh);
        if (!sh) {
            e->failed = 1;
            return;
        }
        memset(sh, 0, sizeof *sh);
        sh->row = rows[i];
        sh->index = i;
        sh->line = r->line;
        sh->nvals = r->nshort;
        sh->vals = r->svals;
        *tail = sh;
        tail = &sh->next;
        nshort++;
    }
    if (!nshort)
        return;
    for (size_t c = 0; c < L->ncols; c++) /* the solver sets the short rows' cells afresh */
        for (dt_short *sh = rd.cur.shorts; sh; sh = sh->next)
            lt_host->row_clear(sh->row, c);
    br_host quiet = *lt_host;
    quiet.doc_add_note = quiet_note;
    const br_host *saved = dt_host;
    dt_host = &quiet;
    dt_assign_table(&rd);
    dt_host = saved;
    if (rd.failed) {
        e->failed = 1;
        return;
    }
    i = 0;
    for (lt_prow *r = t->rows; r; r = r->next, i++) {
        if (!r->nshort || r->nshort >= L->nmoney)
            continue;
        br_row *row = rows[i];
        int inferred = 0, same = 1;
        for (size_t c = 0; c < L->ncols; c++) {
            const br_cell *cell = lt_host->row_cell(row, c);
            int has = cell && (cell->flags & BR_CELL_PRESENT);
            if (has && (cell->flags & BR_CELL_INFERRED))
                inferred = 1;
            if (has != r->have[c] ||
                (has && lt_host->decimal_cmp(cell->value, r->vals[c]) != 0))
                same = 0;
        }
        if (inferred && !same) {
            char from[256], to[256];
            size_t a = 0, b = 0;
            from[0] = to[0] = 0;
            for (size_t c = 0; c < L->ncols; c++) {
                const br_cell *cell = lt_host->row_cell(row, c);
                const char *nm = lt_host->role_name(t->L.roles[c]);
                if (r->have[c] && a < sizeof from)
                    a += (size_t)snprintf(from + a, sizeof from - a, "%s%s", a ? ", " : "", nm);
                if (cell && (cell->flags & BR_CELL_PRESENT) && b < sizeof to)
                    b += (size_t)snprintf(to + b, sizeof to - b, "%s%s", b ? ", " : "", nm);
            }
            lt_note(e, t, BR_SEV_INFO, lt_host->row_key(row), r->line,
                    "figures placed by the code hierarchy (a parent = the sum of its children) "
                    "in %s, not by position in %s",
                    to, from);
            continue;
        }
        /* ambiguous, or the same as by position: the positional placement */
        for (size_t c = 0; c < L->ncols; c++) {
            lt_host->row_clear(row, c);
            if (r->have[c])
                lt_host->row_set_value(row, c, r->vals[c], 0);
        }
    }
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
    br_row **rows = t->nrows ? lt_host->doc_alloc(e->doc, t->nrows * sizeof *rows) : NULL;
    if (t->nrows && !rows) {
        e->failed = 1;
        return;
    }
    size_t i = 0;
    for (lt_prow *r = t->rows; r; r = r->next, i++) {
        br_row *row = lt_host->table_add_row(bt, r->code[0] ? r->code : NULL, r->label, r->side,
                                             r->line);
        if (!row) {
            e->failed = 1;
            return;
        }
        rows[i] = row;
        for (size_t c = 0; c < t->L.nroles; c++)
            if (r->have[c])
                lt_host->row_set_value(row, c, r->vals[c], 0);
    }
    if (!t->L.two_sided)
        hierarchy(e, t, bt, rows);
}
