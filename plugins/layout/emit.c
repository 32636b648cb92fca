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
    if (e->rd && e->rd->shadow)
        return; /* a shadow reading says nothing */
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *kind = t && t->kind != BR_KIND_UNKNOWN ? lt_host->kind_name(t->kind) : NULL;
    if (lt_host->doc_add_note(e->doc, sev, kind, row, NULL, line, msg) != BR_OK)
        e->failed = 1;
}

/* A figure's column read from its position in a text that keeps positions
 * only roughly (one column per character: pdftotext -layout). */
static unsigned positional(const lt_engine *e)
{
    return e->in->narrow ? BR_CELL_POSITIONAL : 0;
}

/* ---- the shared solver (libreader/assign.c) run over the emitted rows ---- */


/*
 * Rows with fewer figures than columns were placed by position and row
 * identities (rows.c), which cannot tell apart columns that both fit
 * (302 商品和服务支出 under 人员经费 or 公用经费).  The code hierarchy can:
 * a parent's cell is the sum of its children's, 合计 the sum of the 类,
 * siblings jointly — what assign.c does for tab text.  Its placement is
 * taken where it is unique (BR_CELL_INFERRED, an INFO note when it differs
 * from the position); elsewhere the positional placement stays.  Figures
 * the full rows' right edges placed (align.c) stay where they are.
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
        sh->pin = r->npin ? r->pin : NULL;
        *tail = sh;
        tail = &sh->next;
        nshort++;
    }
    if (!nshort)
        return;
    for (size_t c = 0; c < L->ncols; c++) /* the solver sets the short rows' cells afresh */
        for (dt_short *sh = rd.cur.shorts; sh; sh = sh->next)
            lt_host->row_clear(sh->row, c);
    /* the solver's own notes speak of rows that "lost their empty cells" and
     * of the leftmost columns as a fallback: dropped here (rd.quiet); what
     * it placed is reported below */
    rd.quiet = 1;
    dt_assign_table(&rd);
    rd.quiet = 0;
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
                lt_host->row_set_value(row, c, r->vals[c], positional(e));
        }
    }
}

/* ---- subject codes that lost digits in print ---- */

static int has_code(void *ctx, const char *code)
{
    const lt_table *t = ctx;
    for (const lt_prow *r = t->rows; r; r = r->next)
        if (strcmp(r->code, code) == 0)
            return 1;
    return 0;
}

/* A code printed with parts of the wrong length ("301   2", " 7    11   02")
 * takes the one reading the hierarchy allows (libreader dt_code_repair):
 * unique → the code, with a warning; else the row keeps no code, with a
 * warning, and it and its parents are unsure. */
static void repair_code(lt_engine *e, lt_table *t, lt_prow *r)
{
    char parts[3][4];
    const char *pp[3];
    size_t np = 0;
    for (const char *p = r->damaged; *p && np < 3;) {
        size_t l = strcspn(p, "|");
        if (l > 3)
            break;
        memcpy(parts[np], p, l);
        parts[np][l] = 0;
        pp[np] = parts[np];
        np++;
        p += l + (p[l] == '|');
    }
    /* the coded rows printed before and after it; the table's classes */
    const char *prev = NULL, *next = NULL, *classes[12];
    size_t ncl = 0;
    int after = 0;
    for (const lt_prow *o = t->rows; o; o = o->next) {
        if (o == r)
            after = 1;
        else if (o->side == r->side && o->code[0] && !(after && next))
            *(after ? &next : &prev) = o->code;
        if (strlen(o->code) == 3 && ncl < 12)
            classes[ncl++] = o->code;
    }
    char found[LT_CODE_MAX] = "";
    size_t nfound = dt_code_repair(pp, np, classes, ncl, prev, next, has_code, t, found,
                                   sizeof found);
    char shown[LT_CODE_MAX];
    snprintf(shown, sizeof shown, "%s", r->damaged);
    for (char *c = shown; *c; c++)
        if (*c == '|')
            *c = ' ';
    if (nfound == 1) {
        memcpy(r->code, found, sizeof r->code);
        lt_note(e, t, BR_SEV_WARNING, r->code, r->line,
                "subject code printed \"%s\" lost digits in print; read as %s, the one code "
                "that fits between %s and %s under a parent in the table",
                shown, found, prev ? prev : "the start", next ? next : "the end");
    } else {
        lt_note(e, t, BR_SEV_WARNING, NULL, r->line,
                "subject code printed \"%s\" lost digits in print and %s; row \"%s\" kept "
                "without code", shown,
                nfound ? "several codes fit the hierarchy there" : "no code fits the hierarchy",
                r->label);
        /* fail closed: the row is no child of its parents now, whose sums
         * of children would break without it — it and the rows its whole
         * leading parts name ("210 11 3": 210, 21011) are unsure */
        char pre[LT_CODE_MAX] = "";
        size_t pl = 0;
        r->unc_kind = "code_damaged";
        r->unc_why = "its subject code lost digits in print: which row it is is not known";
        for (size_t i = 0; i + 1 < np && strlen(parts[i]) == (i == 0 ? 3u : 2u); i++) {
            pl += (size_t)snprintf(pre + pl, sizeof pre - pl, "%s", parts[i]);
            for (lt_prow *o = t->rows; o; o = o->next)
                if (o->side == r->side && strcmp(o->code, pre) == 0 && !o->unc_kind) {
                    o->unc_kind = "code_damaged";
                    o->unc_why = "a row under it lost digits of its subject code in print: the "
                                 "sum of its children is not known";
                }
        }
    }
}

/*
 * A table without a code column whose label cells begin with the subject
 * code ("2010301行政运行", "201 03 01 行政运行", a code wrapped with its label
 * "208 05 0 / 6 机关事业单位…"): the label's leading digits, joined, are the
 * row's code when they are 3, 5 or 7 of them forming a known subject code and
 * text follows that is no quantity ("2021年", "300万元").  The convention
 * of the tab reader's labels (disclosure_text/tables.c, leading_code).
 */
static void label_codes(lt_table *t)
{
    static const char *const after_number[] = {"年", "月", "日", "万", "元", "个", "人", "台",
                                               "辆", "项", "％", "%"};
    if (t->L.has_code || t->L.two_sided)
        return;
    for (lt_prow *r = t->rows; r; r = r->next) {
        if (r->code[0] || r->damaged[0] || !r->label)
            continue;
        const char *s = r->label;
        size_t n = 0;
        while (s[n] >= '0' && s[n] <= '9')
            n++;
        if (!(n == 3 || n == 5 || n == 7) || (unsigned char)s[n] < 0x80)
            continue;
        int quantity = 0;
        for (size_t i = 0; i < sizeof after_number / sizeof *after_number; i++)
            quantity |= strncmp(s + n, after_number[i], strlen(after_number[i])) == 0;
        char code[LT_CODE_MAX];
        memcpy(code, s, n);
        code[n] = 0;
        if (quantity || lt_host->code_level(code) <= 0)
            continue;
        memcpy(r->code, code, n + 1);
        memmove(r->label, s + n, strlen(s + n) + 1);
    }
}

/* A list printed in two copies of the columns (repeat.c) reads down the
 * first copy, then the second: rows in that order, each copy's in print
 * order. */
static void by_copy(lt_table *t)
{
    lt_prow *first = NULL, **ft = &first, *second = NULL, **st = &second;
    for (lt_prow *r = t->rows, *nx; r; r = nx) {
        nx = r->next;
        r->next = NULL;
        if (r->rpanel) {
            *st = r;
            st = &r->next;
        } else {
            *ft = r;
            ft = &r->next;
        }
    }
    *ft = second;
    t->rows = first;
}

/*
 * Fail closed: what the reader noted it did not understand, where it holds
 * figures, is marked uncertain in the model, so that identities through it
 * are "not checked" rather than broken.  A column of unknown header with
 * figures in it: the whole table (those figures may be parts of any row
 * identity); a column repeating a role: the column of that role (which of
 * the two is the role's is not known); a row with more figures than
 * columns: the row; a row beside a wrapped label's piece it may or may not
 * own: the row.
 */
static void mark_uncertain(lt_engine *e, lt_table *t, br_table *bt, br_row **rows)
{
    if (!BR_HOST_HAS(lt_host, table_set_uncertain) || !BR_HOST_HAS(lt_host, row_set_uncertain))
        return;
    char why[DT_COMP_MAX + 160];
    int whole = 0;
    for (size_t i = 0; i < t->L.ncols; i++) {
        const lt_col *c = &t->L.cols[i];
        /* (an unknown column without figures costs nothing; a repeated
         * role puts the header's reading in doubt, figures or not) */
        int unknown = c->unc_kind && strcmp(c->unc_kind, "unknown_header") == 0;
        if (!c->unc_kind || (unknown && !c->nfig))
            continue;
        if (unknown) {
            if (whole)
                continue;
            snprintf(why, sizeof why,
                     "header column \"%s\" is not recognised; its figures are not modelled",
                     c->name);
            whole = 1;
            if (lt_host->table_set_uncertain(bt, -1, c->unc_kind, why) != BR_OK)
                e->failed = 1;
        } else if (!whole) {
            /* geometry merged or named the header's cells wrongly: which
             * of the two is the role is not known, and the cells beside
             * them may have taken each other's names too (a year stacked
             * over "年预 / 算数" read as 总计, 总计 as the next one) — the
             * whole table, not the one column */
            snprintf(why, sizeof why,
                     "column \"%s\" repeats role %s; not modelled, the header's reading is "
                     "in doubt",
                     c->name, lt_host->role_name(c->role));
            whole = 1;
            if (lt_host->table_set_uncertain(bt, -1, c->unc_kind, why) != BR_OK)
                e->failed = 1;
        }
    }
    if (t->stray_line && !whole) {
        snprintf(why, sizeof why,
                 "line %ld holds figures or a code no row this reading found took; the "
                 "table's sums may miss them",
                 t->stray_line);
        whole = 1;
        if (lt_host->table_set_uncertain(bt, -1, "unread_figures", why) != BR_OK)
            e->failed = 1;
    }
    size_t i = 0;
    for (lt_prow *r = t->rows; r; r = r->next, i++) {
        if (r->unc_kind && rows[i] && lt_host->row_set_uncertain(rows[i], r->unc_kind,
                                                                  r->unc_why) != BR_OK)
            e->failed = 1;
        if (rows[i] && r->src && lt_page_number_doubt(e, r->src->no) &&
            lt_host->row_set_uncertain(rows[i], "extra_figures",
                                       "the row's line ends in a number that may be its page's "
                                       "number, out of sequence with the others: whether it is "
                                       "a figure is not known") != BR_OK)
            e->failed = 1;
        if (!r->nextra || !rows[i])
            continue;
        snprintf(why, sizeof why, "%zu figures for %zu columns; the extra ones are not read",
                 r->nextra + r->ncols_seen, r->ncols_seen);
        if (lt_host->row_set_uncertain(rows[i], "extra_figures", why) != BR_OK)
            e->failed = 1;
    }
    /* labels wrapped over lines whose pieces could be this row's or its
     * neighbour's (engine.c), or printed a line below the row's figures
     * where they may as well continue the row above (rows.c): the row's
     * label, and so what it is, unsure */
    i = 0;
    for (lt_prow *r = t->rows; r; r = r->next, i++)
        if (r->label_unsure && rows[i] &&
            lt_host->row_set_uncertain(rows[i], "label_fragment",
                                       "the row's label may be another row's (wrapped over "
                                       "lines, or printed below its figures): which lines are "
                                       "its own is not certain") != BR_OK)
            e->failed = 1;
}

/* Keep the table as this reading buffered it (lt_reading). */
static void keep(lt_engine *e, const lt_table *t, br_table *bt)
{
    lt_reading_table *k = lt_host->doc_alloc(e->doc, sizeof *k);
    char *title = k ? lt_host->doc_alloc(e->doc, strlen(t->title) + 1) : NULL;
    if (!title) {
        e->failed = 1;
        return;
    }
    strcpy(title, t->title);
    k->kind = t->kind;
    k->title = title;
    k->title_line = t->title_line;
    k->bt = bt;
    memcpy(k->roles, t->L.roles, t->L.nroles * sizeof *k->roles);
    k->nroles = t->L.nroles;
    k->rows = t->rows;
    *e->rd->tail = k;
    e->rd->tail = &k->next;
    e->rd->ntables++;
}

void lt_table_emit(lt_engine *e, lt_table *t)
{
    if (!t->open)
        return;
    /* a table printed with its header only, stated empty: its columns */
    if (!t->have_layout && t->nhdr > 0 && t->note[0] && t->kind != BR_KIND_UNKNOWN)
        lt_layout_build(e, t);
    t->open = 0;
    if (dt_catalog_kind_flags(t->kind) & DT_PERFORMANCE) {
        if (!(e->rd && e->rd->shadow)) /* (not compared: key/value lines, no row list) */
            lt_perf_emit(e, t);
        return;
    }
    if (t->kind == BR_KIND_UNKNOWN || !t->have_layout || t->L.nroles == 0)
        return; /* a title without a table (contents, a heading), or one SPEC does not model */
    lt_row_drop_pending(e, t, 0);
    lt_row_drop_pending(e, t, 1);
    if (t->L.vlist)
        lt_vlist_rows(e, t);
    else if (t->L.bands)
        lt_bands_rows(e, t);
    lt_align_rows(e, t);
    /* a table stated empty whose rows hold no figure ("合计" over "此表为空"):
     * a statement, not data */
    if (t->note[0]) {
        int figures = 0;
        for (lt_prow *r = t->rows; r && !figures; r = r->next)
            figures = r->nvals > 0 || r->nshort > 0;
        if (!figures) {
            t->rows = NULL;
            t->tail = &t->rows;
            t->last = NULL;
            t->nrows = 0;
        }
    }
    int shadow = e->rd && e->rd->shadow;
    br_table *bt = NULL;
    if (!shadow) {
        bt = lt_host->doc_add_table(e->doc, t->kind, t->title, t->unit, t->title_line);
        e->last_table = bt;
        if (!bt || lt_host->table_set_columns(bt, t->L.roles, t->L.nroles) != BR_OK) {
            e->failed = 1;
            return;
        }
    }
    e->ntables++;
    /* the document's unit: the one every table that states a unit states
     * (lt_read sets it); mixed (元 tables, a 万元 三公 table) leaves none, so
     * a table without a unit line inherits one only where it is unambiguous */
    if (t->unit != BR_UNIT_UNKNOWN) {
        if (!e->unit_set)
            e->unit = t->unit;
        else if (e->unit != t->unit)
            e->unit_mixed = 1;
        e->unit_set = 1;
    }
    if (t->note[0] && bt)
        lt_host->table_set_attr(bt, "note", t->note);
    if (t->L.nrepeat)
        by_copy(t);
    label_codes(t);
    for (lt_prow *r = t->rows; r; r = r->next)
        if (r->damaged[0] && !r->code[0])
            repair_code(e, t, r);
    if (e->rd)
        keep(e, t, bt);
    if (shadow)
        return;
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
                lt_host->row_set_value(row, c, r->vals[c],
                                       r->inferred[c] ? BR_CELL_INFERRED : positional(e));
    }
    if (!t->L.two_sided)
        hierarchy(e, t, bt, rows);
    mark_uncertain(e, t, bt, rows);
}
