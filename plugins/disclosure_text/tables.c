/*
 * tables.c — the tables part of a disclosure, in one pass over its lines.
 *
 * Each line is one of:
 *   - an annex marker ("附件 3", "表 12-2"): the current table ends;
 *   - a title (catalog): a new table, or — same kind, no marker since — the
 *     same table continued on a new page.  A short tab-free line just before
 *     a title is its first part ("重庆市…办公室" / "2022 年…预算表");
 *   - a unit line ("单位:万元"), a page number: remembered / skipped;
 *   - a tab-separated line of the current table: a header line until the
 *     first data row, then a data row — unless it repeats the header.
 * A data row has a figure, a code, or a total-like or enumerated label;
 * a header line has none of these (years like "2021 年预算数" are not
 * figures).
 */
#include <stdio.h>
#include <string.h>

#include "tables.h"

/* ---- tables ---- */

br_table *dt_table_ensure(dt_reader *rd)
{
    dt_table_state *st = &rd->cur;
    if (st->t || !st->open || st->kind == BR_KIND_UNKNOWN)
        return st->t;
    st->t = dt_host->doc_add_table(rd->doc, st->kind, st->title, st->unit, st->title_line);
    if (!st->t) {
        rd->failed = 1;
        return NULL;
    }
    rd->ntables++;
    return st->t;
}

void dt_department_code(dt_reader *rd, const char *s, size_t len)
{
    char code[24];
    size_t n = 0;
    if (rd->dept_code_set)
        return;
    while (n < len && s[n] >= '0' && s[n] <= '9')
        n++;
    if (n == 0 || n >= sizeof code || (n < len && s[n] != '-'))
        return;
    memcpy(code, s, n);
    code[n] = '\0';
    if (dt_host->doc_set_department(rd->doc, NULL, code) == BR_OK)
        rd->dept_code_set = 1;
}

static int fix_layout(dt_reader *rd, long line);

static void table_close(dt_reader *rd)
{
    dt_table_state *st = &rd->cur;
    if (!st->open)
        return;
    /* a table printed with its header only (stated empty, "注：本单位无…"):
     * its columns, as read, so that it is not taken for one not read */
    if (st->kind != BR_KIND_UNKNOWN && !st->have_layout && st->nhdr > 0 &&
        !(st->flags & DT_PERFORMANCE))
        fix_layout(rd, st->title_line);
    if (st->kind != BR_KIND_UNKNOWN && dt_table_ensure(rd)) {
        if (st->flags & DT_PERFORMANCE)
            dt_perf_finish(rd);
        else if (st->shorts)
            dt_assign_table(rd);
    }
    memset(st, 0, sizeof *st);
}

/* Where the scan is between tables. */
typedef struct scan {
    int marker;         /* an annex marker since the last title */
    const char *prefix; /* a short tab-free line: maybe a title's first part */
    size_t prefix_len;
    long prefix_line;
} scan;

static void table_open(dt_reader *rd, br_kind kind, const char *s, size_t len, long line,
                       const scan *sc)
{
    table_close(rd);
    dt_table_state *st = &rd->cur;
    st->open = 1;
    st->kind = kind;
    st->flags = dt_catalog_kind_flags(kind);
    st->title_line = line;
    size_t k = 0;
    if (sc->prefix) {
        k = dt_copy(sc->prefix, sc->prefix_len, st->title, sizeof st->title - 2);
        st->title[k++] = ' ';
        st->title_line = sc->prefix_line;
    }
    dt_copy(s, len, st->title + k, sizeof st->title - k);
    st->year = dt_year_in(st->title, strlen(st->title));
    st->shorts_tail = &st->shorts;
    if (!rd->doc_year && st->year) {
        rd->doc_year = st->year;
        dt_host->doc_set_year(rd->doc, st->year);
    }
}

void dt_table_restart(dt_reader *rd)
{
    dt_table_state *st = &rd->cur;
    char title[DT_TITLE_MAX];
    br_kind kind = st->kind;
    br_unit unit = st->unit;
    /* the title printed again above the new 项目名称 is the new table's
     * (each project on its own page under the same title) */
    long line = st->again_line ? st->again_line : st->title_line;
    scan none = {0};
    memcpy(title, st->again_line ? st->again_title : st->title, sizeof title);
    table_open(rd, kind, title, strlen(title), line, &none);
    st->unit = unit;
}

static void on_title(dt_reader *rd, scan *sc, int kind, const char *s, size_t len, long line)
{
    dt_table_state *st = &rd->cur;
    if (st->open && !sc->marker && (br_kind)kind == st->kind) {
        st->in_data = 0; /* the same table on a new page: its header follows */
        size_t k = 0;
        st->again_line = line;
        if (sc->prefix) {
            k = dt_copy(sc->prefix, sc->prefix_len, st->again_title, sizeof st->again_title - 2);
            st->again_title[k++] = ' ';
            st->again_line = sc->prefix_line;
        }
        dt_copy(s, len, st->again_title + k, sizeof st->again_title - k);
    } else {
        table_open(rd, (br_kind)kind, s, len, line, sc);
    }
    sc->marker = 0;
    sc->prefix = NULL;
}

static void on_unit(dt_reader *rd, br_unit unit)
{
    dt_table_state *st = &rd->cur;
    /* the document's unit is the one every unit line states; mixed units
     * (元 tables with a 万元 三公 table) leave none, so a table without a
     * unit line is then unit-unknown, never assumed to be in one of them */
    if (!rd->unit_set) {
        dt_host->doc_set_unit(rd->doc, unit);
        rd->doc_unit = unit;
        rd->unit_set = 1;
    } else if (rd->doc_unit != unit && rd->doc_unit != BR_UNIT_UNKNOWN) {
        dt_host->doc_set_unit(rd->doc, BR_UNIT_UNKNOWN);
        rd->doc_unit = BR_UNIT_UNKNOWN;
    }
    if (st->open && !st->t && st->unit == BR_UNIT_UNKNOWN)
        st->unit = unit;
}

/*
 * A line with one non-empty field: a marker, a title or a unit line?
 * Returns 1 when it was one (and is handled).
 */
static int lone_text(dt_reader *rd, scan *sc, const char *s, size_t len, long line)
{
    size_t rest;
    int kind;
    br_unit unit;
    if (dt_marker(s, len, &rest)) {
        table_close(rd);
        sc->marker = 1;
        sc->prefix = NULL;
        if (rest < len)
            on_title(rd, sc, dt_catalog_title(s + rest, len - rest), s + rest, len - rest, line);
        return 1;
    }
    if (dt_title_shape(s, len)) {
        kind = dt_catalog_title(s, len);
        /* a title wrapped onto a second line ("…一般公共预算财政拨款支出" /
         * "预算表", "…财政" / "拨款收支总表"): the whole title names the kind
         * when the tail alone names none (or an unmodelled one), when the
         * words naming it run over the break, or when the first line alone
         * names it ("…“三公”经" / "费支出决算表": the tail names an
         * expenditure table only on its own) */
        if (sc->prefix) {
            char whole[DT_TITLE_MAX], head[DT_TITLE_MAX];
            size_t k = dt_copy(sc->prefix, sc->prefix_len, whole, sizeof whole);
            size_t brk = dt_squeeze(sc->prefix, sc->prefix_len, head, sizeof head);
            k += dt_copy(s, len, whole + k, sizeof whole - k);
            size_t from = 0, to = 0;
            int joined = dt_catalog_title_span(whole, k, &from, &to);
            if (joined >= 0 && joined != BR_KIND_UNKNOWN &&
                (kind < 0 || kind == BR_KIND_UNKNOWN || (from < brk && to > brk) ||
                 dt_catalog_title(head, brk) == joined))
                kind = joined;
        }
        if (kind >= 0) {
            on_title(rd, sc, kind, s, len, line);
            return 1;
        }
    }
    if ((unit = dt_catalog_unit_line(s, len)) != BR_UNIT_UNKNOWN) {
        on_unit(rd, unit);
        sc->prefix = NULL;
        return 1;
    }
    return 0;
}

/* "编制部门:XX <tab> 单位:元": what the table is of, and its unit. */
static int lead_and_unit(dt_reader *rd, scan *sc, const dt_field *f, size_t nf)
{
    const dt_field *a = NULL, *b = NULL;
    br_unit unit;
    for (size_t i = 0; i < nf; i++)
        if (f[i].len)
            *(a ? &b : &a) = &f[i];
    if (!a || !b || !dt_catalog_unit_lead(a->s, a->len) ||
        (unit = dt_catalog_unit_line(b->s, b->len)) == BR_UNIT_UNKNOWN)
        return 0;
    on_unit(rd, unit);
    sc->prefix = NULL;
    return 1;
}

/* "部门收支总表 <tab> 单位:万元": a title with its unit on the same line. */
static int title_and_unit(dt_reader *rd, scan *sc, const dt_field *f, size_t nf, long line)
{
    const dt_field *a = NULL, *b = NULL;
    int kind;
    br_unit unit;
    for (size_t i = 0; i < nf; i++)
        if (f[i].len)
            *(a ? &b : &a) = &f[i];
    if (!a || !b || !dt_title_shape(a->s, a->len) || (kind = dt_catalog_title(a->s, a->len)) < 0 ||
        (unit = dt_catalog_unit_line(b->s, b->len)) == BR_UNIT_UNKNOWN)
        return 0;
    on_title(rd, sc, kind, a->s, a->len, line);
    on_unit(rd, unit);
    return 1;
}

/* ---- rows ---- */

static int structural(dt_what w)
{
    return w == DT_COL_CODE || w == DT_COL_DEPT || w == DT_COL_SEQ || w == DT_COL_LABEL ||
           w == DT_COL_IGNORE || w == DT_COL_NONE;
}

static int digits_only(const char *s, size_t len);

/* A subject code (201, 20103, 2010301, 301, 30101) copied into buf. */
static int subject_code(const char *s, size_t len, char *buf, size_t cap)
{
    if (len < 3 || len > 7 || len >= cap)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return dt_host->code_level(buf) > 0;
}

/*
 * Does a line look like a data row?  A figure anywhere; or a first label
 * with an enumerator ("(一)", "一、"); or a total-like first label
 * ("合计") in a column that is not a money column of the header so far.
 */
/* The current line in the array of lines, for looking around it. */
typedef struct after {
    const dt_line *v; /* the current line */
    size_t before;    /* lines before it in the part read */
    size_t n;         /* lines after it */
} after;

/* Field idx of a line, squeezed into buf; 0 when it is empty or missing. */
static size_t field_text(const dt_line *ln, size_t idx, char *buf, size_t cap)
{
    dt_field g[DT_MAX_FIELDS];
    size_t ng = dt_fields(ln->s, ln->len, g, DT_MAX_FIELDS, NULL);
    if (idx >= ng || !g[idx].len)
        return 0;
    return dt_squeeze(g[idx].s, g[idx].len, buf, cap);
}

static int digits_only(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return len > 0;
}

/*
 * A bare number that is a piece of a year printed down one field over
 * header lines ("202" / "0 年预算数", "20" / "21" / " 年"): a header cell's
 * words split the way merged cells print, not a figure.
 */
static int year_fragment(const dt_field *f, size_t idx, const after *at)
{
    char buf[64], piece[64];
    size_t n = 0, k;
    if (!at || f[idx].len > 4 || !digits_only(f[idx].s, f[idx].len))
        return 0;
    /* the digits above it in the same field */
    size_t up = 0;
    while (up < 3 && up < at->before) {
        size_t pl = field_text(at->v - up - 1, idx, piece, sizeof piece);
        if (!digits_only(piece, pl))
            break;
        up++;
    }
    for (k = up; k > 0; k--)
        n += field_text(at->v - k, idx, buf + n, sizeof buf - n);
    n += dt_squeeze(f[idx].s, f[idx].len, buf + n, sizeof buf - n);
    if (n > 4)
        return 0;
    for (k = 0; k < at->n && k < 3 && n < 8; k++) {
        size_t pl = field_text(at->v + k + 1, idx, piece, sizeof piece);
        if (!pl || n + pl >= sizeof buf)
            return 0;
        memcpy(buf + n, piece, pl);
        n += pl;
        int y = dt_year_in(buf, n);
        if (y) {
            char lead[8];
            snprintf(lead, sizeof lead, "%d", y);
            return dt_starts(buf, n, lead);
        }
    }
    return 0;
}

static int leading_code(const char **s, size_t *len, char *buf, size_t cap);

static int looks_data(dt_reader *rd, const dt_field *f, size_t nf, const after *below)
{
    dt_table_state *st = &rd->cur;
    size_t first = nf;
    for (size_t i = 0; i < nf; i++) {
        if (!f[i].len)
            continue;
        if (first == nf)
            first = i;
        if (dt_figure(f[i].s, f[i].len, NULL) && !year_fragment(f, i, below))
            return 1;
    }
    if (first == nf)
        return 0;
    const char *s = f[first].s;
    size_t len = f[first].len;
    dt_strip_enumerator(&s, &len);
    if (s != f[first].s)
        return 1;
    char code[16];
    const char *ls = s;
    size_t ll = len;
    if (leading_code(&ls, &ll, code, sizeof code))
        return 1; /* "201 一般公共服务支出": a code in the label's field */
    char buf[DT_COMP_MAX];
    size_t n = dt_squeeze(s, len, buf, sizeof buf);
    if (!dt_catalog_total_label(buf, n))
        return 0;
    if (st->have_layout)
        return first >= st->layout.width || structural((dt_what)st->layout.map[first].what);
    if (st->nhdr == 0)
        return 1;
    dt_layout tentative;
    dt_layout_build(rd, &tentative, st->hdr, st->nhdr, 1);
    return first >= tentative.width || structural((dt_what)tentative.map[first].what);
}

/* Text (not a figure) in a money column: a header line, not a row. */
static int money_text(const dt_layout *L, const dt_field *f, size_t nf)
{
    for (size_t i = 0; i < nf && i < L->width; i++)
        if (f[i].len && L->map[i].what == DT_COL_MONEY && !dt_figure(f[i].s, f[i].len, NULL))
            return 1;
    return 0;
}

/* A money cell: 1 and *v for a figure; 0 for blank, or an artefact (noted). */
static int money_cell(dt_reader *rd, br_row *r, const char *row, br_role role, long line,
                      const dt_field *f, br_decimal *v)
{
    if (f->len == 0 || dt_blank_mark(f->s, f->len))
        return 0;
    if (dt_figure(f->s, f->len, v))
        return 1;
    int shown = f->len > 120 ? 120 : (int)f->len;
    if (dt_figures_glued(f->s, f->len)) {
        dt_note(rd, BR_SEV_WARNING, row, role, line,
                "cell \"%.*s\" holds more than one figure (a page number glued to it?); "
                "not read as a figure",
                shown, f->s);
        dt_mark_row(rd, r, "extra_figures",
                    "a cell of the row holds more than one figure: which is the cell's is not "
                    "known");
    } else {
        dt_note(rd, BR_SEV_WARNING, row, role, line,
                "text \"%.*s\" in a money column; not read as a figure", shown, f->s);
        dt_mark_row(rd, r, "misaligned_columns",
                    "text in a money column: the row's cells may not be in their columns");
    }
    return 0;
}

typedef struct rowkey {
    char code[16];
    int has_code;
    /* a code over 类 | 款 | 项 whose parts are no subject code (a part lost
     * a digit in print: "210 | 11 | 3"): its whole leading parts ("21011"),
     * or "" when the code is whole */
    char damaged[16];
    char label[1024];
} rowkey;

static const char *key_of(const rowkey *k) { return k->has_code ? k->code : k->label; }

/*
 * A subject code printed at the start of the label's field: "2010301 行政运行",
 * "2010301行政运行", "201 03 01 行政运行" (类 款 项 apart).  The code's digits
 * go to buf and *s / *len are narrowed to the label; 0 when there is none.
 */
static int leading_code(const char **s, size_t *len, char *buf, size_t cap)
{
    const char *p = *s, *end = *s + *len;
    char digits[16];
    size_t n = 0, groups = 0;
    while (p < end) {
        const char *g = p;
        while (p < end && *p >= '0' && *p <= '9')
            p++;
        size_t gl = (size_t)(p - g);
        if (gl == 0)
            break;
        /* one run of a whole code, or 类 款 项 apart: 3, then 2s (a 4: two
         * whose space fell at a line break of a wrapped label) */
        if (groups == 0 ? !(gl == 3 || gl == 5 || gl == 7) : !(gl == 2 || gl == 4))
            return 0;
        if (n + gl >= sizeof digits)
            return 0;
        memcpy(digits + n, g, gl);
        n += gl;
        groups++;
        const char *q = p;
        while (q < end && *q == ' ')
            q++;
        if (q < end && *q >= '0' && *q <= '9' && q > p && n < 7 && (n == 3 || n == 5)) {
            p = q; /* another group after a space */
            continue;
        }
        break;
    }
    if (!groups || n > 7)
        return 0;
    while (p < end && *p == ' ')
        p++;
    /* the label follows: text, not a figure, a year or a unit ("2021年") */
    static const char *const after_number[] = {"年", "月", "日", "万", "元", "个", "人", "台",
                                               "辆", "项", "％"};
    if (p >= end || (*p >= '0' && *p <= '9') || *p == '.' || *p == ',' || *p == '%')
        return 0;
    for (size_t i = 0; i < sizeof after_number / sizeof *after_number; i++)
        if (dt_starts(p, (size_t)(end - p), after_number[i]))
            return 0; /* "300万元", "2021年": a quantity, not a code */
    if (!subject_code(digits, n, buf, cap))
        return 0;
    *s = p;
    *len = (size_t)(end - p);
    return 1;
}

/* Code and label of a row from the structural fields of one panel. */
static void row_identity(dt_reader *rd, const dt_field *f, size_t nf, br_side side, rowkey *k)
{
    const dt_layout *L = &rd->cur.layout;
    const dt_field *label = NULL, *alt = NULL;
    size_t lim = nf < L->width ? nf : L->width;
    /* a code printed over several code columns (类 | 款 | 项): its parts */
    char parts[16];
    size_t np = 0, nparts = 0;
    int split = 1, coded = 0;
    k->has_code = 0;
    k->damaged[0] = '\0';
    size_t lead = 0; /* digits of the whole leading parts: 3, then 2 each */
    int whole_parts = 1;
    for (size_t i = 0; i < L->width; i++)
        coded |= L->map[i].what == DT_COL_CODE || L->map[i].what == DT_COL_SEQ ||
                 L->map[i].what == DT_COL_DEPT;
    for (size_t i = 0; i < lim; i++) {
        const dt_colmap *m = &L->map[i];
        if (!f[i].len || (side != BR_SIDE_NONE && m->side != side))
            continue;
        switch ((dt_what)m->what) {
        case DT_COL_CODE:
            if (digits_only(f[i].s, f[i].len) && np + f[i].len < sizeof parts) {
                memcpy(parts + np, f[i].s, f[i].len);
                np += f[i].len;
                whole_parts &= f[i].len == (nparts == 0 ? 3u : 2u);
                if (whole_parts)
                    lead = np;
                nparts++;
            } else {
                split = 0;
            }
            if (!k->has_code && subject_code(f[i].s, f[i].len, k->code, sizeof k->code))
                k->has_code = 1;
            else if (!dt_figure(f[i].s, f[i].len, NULL) && !alt)
                alt = &f[i];
            break;
        case DT_COL_DEPT:
            if (f[i].s[0] >= '0' && f[i].s[0] <= '9')
                dt_department_code(rd, f[i].s, f[i].len);
            else if (!alt)
                alt = &f[i];
            break;
        case DT_COL_SEQ:
            if (!dt_figure(f[i].s, f[i].len, NULL) && !alt)
                alt = &f[i];
            break;
        case DT_COL_LABEL:
            if (!label)
                label = &f[i];
            break;
        default:
            break;
        }
    }
    if (split && nparts > 1) {
        char whole[16];
        if (whole_parts && subject_code(parts, np, whole, sizeof whole)) {
            memcpy(k->code, whole, sizeof whole < sizeof k->code ? sizeof whole : sizeof k->code);
            k->has_code = 1;
        } else if (!whole_parts) {
            /* not its first part's code: a row whose code is not known */
            k->has_code = 0;
            memcpy(k->damaged, parts, lead);
            k->damaged[lead] = '\0';
            if (!lead)
                memcpy(k->damaged, "-", 2);
        }
    }
    if (!label)
        label = alt;
    k->label[0] = '\0';
    if (label) {
        const char *s = label->s;
        size_t len = label->len;
        if (!k->has_code && !coded && leading_code(&s, &len, k->code, sizeof k->code))
            k->has_code = 1;
        dt_strip_enumerator(&s, &len);
        dt_copy(s, len, k->label, sizeof k->label);
    }
}

static int row_exists(void *ctx, const char *code)
{
    return dt_host->table_find_row((const br_table *)ctx, code) != NULL;
}

/* The parts of a code printed over 类 | 款 | 项 (at most 3 digits each, else
 * 0) and the code as printed, space-separated, in shown. */
static size_t printed_code(const dt_layout *L, const dt_field *f, size_t nf, char (*parts)[4],
                           char *shown, size_t cap)
{
    size_t np = 0, sn = 0;
    int fits = 1;
    shown[0] = '\0';
    for (size_t i = 0; i < nf && i < L->width; i++) {
        if (L->map[i].what != DT_COL_CODE || !f[i].len)
            continue;
        if (sn < cap)
            sn += (size_t)snprintf(shown + sn, cap - sn, "%s%.*s", sn ? " " : "",
                                   (int)f[i].len, f[i].s);
        fits &= f[i].len <= 3 && np < 3;
        if (fits) {
            memcpy(parts[np], f[i].s, f[i].len);
            parts[np++][f[i].len] = '\0';
        }
    }
    return fits ? np : 0;
}

/*
 * A code over 类 | 款 | 项 with a part of the wrong length: the one reading
 * the hierarchy allows (libreader dt_code_repair), between the table's last
 * coded row and the next coded line below — then the row's code, with a
 * warning.  1 when repaired.
 */
static int repair_code(dt_reader *rd, rowkey *k, const dt_field *f, size_t nf,
                       const after *below, long line)
{
    const br_table *t = rd->cur.t;
    char parts[3][4], shown[32];
    const char *pp[3];
    size_t np = printed_code(&rd->cur.layout, f, nf, parts, shown, sizeof shown);
    if (!np)
        return 0;
    for (size_t i = 0; i < np; i++)
        pp[i] = parts[i];
    const char *prev = NULL, *classes[12];
    size_t ncl = 0, nrows = t ? dt_host->table_row_count(t) : 0;
    for (size_t i = 0; i < nrows; i++) {
        const char *c = dt_host->row_code(dt_host->table_row_at(t, i));
        if (c && *c) {
            prev = c;
            if (strlen(c) == 3 && ncl < 12)
                classes[ncl++] = c;
        }
    }
    rowkey nk;
    const char *next = NULL;
    for (size_t j = 1; below && j <= below->n && j <= 8 && !next; j++) {
        dt_field g[DT_MAX_FIELDS];
        size_t ng = dt_fields(below->v[j].s, below->v[j].len, g, DT_MAX_FIELDS, NULL);
        row_identity(rd, g, ng, BR_SIDE_NONE, &nk);
        if (nk.has_code)
            next = nk.code;
    }
    char found[16];
    if (!t || dt_code_repair(pp, np, classes, ncl, prev, next, row_exists, (void *)t, found,
                             sizeof found) != 1)
        return 0;
    snprintf(k->code, sizeof k->code, "%s", found);
    k->has_code = 1;
    k->damaged[0] = '\0';
    dt_note(rd, BR_SEV_WARNING, k->code, BR_ROLE_NONE, line,
            "subject code printed \"%s\" lost digits in print; read as %s, the one code that "
            "fits between %s and %s under a parent in the table",
            shown, found, prev ? prev : "the start", next ? next : "the end");
    return 1;
}

/*
 * A row whose code over 类 | 款 | 项 lost a digit in print: noted, and — fail
 * closed — the row and the rows its whole leading parts name (its parents,
 * whose sums of children would break without it) marked unsure.
 */
static void damaged_code(dt_reader *rd, br_row *r, const rowkey *k, const dt_field *f, size_t nf,
                         long line)
{
    char parts[3][4], shown[32];
    printed_code(&rd->cur.layout, f, nf, parts, shown, sizeof shown);
    dt_note(rd, BR_SEV_WARNING, k->label, BR_ROLE_NONE, line,
            "subject code printed \"%s\" is no subject code (a part lost digits in print); "
            "row \"%s\" kept without code",
            shown, k->label);
    dt_mark_row(rd, r, "code_damaged",
                "its subject code lost digits in print: which row it is is not known");
    for (size_t l = 3; l <= strlen(k->damaged) && k->damaged[0] != '-'; l += 2) {
        char pre[16];
        memcpy(pre, k->damaged, l);
        pre[l] = '\0';
        br_row *p = dt_host->table_find_row(rd->cur.t, pre);
        if (p)
            dt_mark_row(rd, p, "code_damaged",
                        "a row under it lost digits of its subject code in print: the sum of its "
                        "children is not known");
    }
}

/* Non-empty fields beyond the header: one note per line; rows[0..nrows)
 * marked uncertain when one is a figure (whose column is not known). */
static void beyond_header(dt_reader *rd, const rowkey *k, long line, const dt_field *f, size_t nf,
                          br_row *const *rows, size_t nrows)
{
    char shown[512];
    size_t n = 0, len = 0, figs = 0;
    size_t first = 0;
    shown[0] = '\0';
    for (size_t i = rd->cur.layout.width; i < nf; i++) {
        if (!f[i].len)
            continue;
        figs += dt_figure(f[i].s, f[i].len, NULL) || dt_figures_glued(f[i].s, f[i].len);
        if (n++ == 0)
            first = i;
        if (n <= 3 && len < sizeof shown)
            len += (size_t)snprintf(shown + len, sizeof shown - len, "%s\"%.*s\"",
                                    n > 1 ? ", " : "", f[i].len > 60 ? 60 : (int)f[i].len, f[i].s);
    }
    /* text beyond the header changes no figure (info); a figure there is
     * one the model lacks (warning, and the rows marked below) */
    if (n)
        dt_note(rd, figs ? BR_SEV_WARNING : BR_SEV_INFO, key_of(k), BR_ROLE_NONE, line,
                "%zu field%s from field %zu on (%s%s) beyond the table's header; not read", n,
                n > 1 ? "s" : "", first + 1, shown, n > 3 ? ", …" : "");
    if (figs)
        for (size_t j = 0; j < nrows; j++)
            dt_mark_row(rd, rows[j], "extra_figures",
                        "the row has %zu figure%s beyond its table's header: its figures may "
                        "not be in their columns",
                        figs, figs > 1 ? "s" : "");
}

static br_row *add_row(dt_reader *rd, const rowkey *k, br_side side, long line)
{
    br_row *r =
        dt_host->table_add_row(rd->cur.t, k->has_code ? k->code : NULL, k->label, side, line);
    if (!r)
        rd->failed = 1;
    else
        rd->cur.nrows++;
    return r;
}

/*
 * A figure in a header column that is not read: noted, and — fail closed —
 * the table marked uncertain (a column nobody knows, or one repeating
 * another's role: any of its identities may want it).  A known column of an earlier year that this kind does
 * not model is no misreading: noted at the header only.
 */
static void unread_figure(dt_reader *rd, const rowkey *k, long line, const dt_colmap *m, size_t i,
                          const dt_field *f)
{
    if (!f->len || !dt_figure(f->s, f->len, NULL))
        return;
    switch ((dt_unread)m->unread) {
    case DT_UNREAD_NO_TWIN:
        return;
    case DT_UNREAD_DUPLICATE:
        dt_note(rd, BR_SEV_WARNING, key_of(k), BR_ROLE_NONE, line,
                "figure \"%.*s\" in field %zu, a column repeating the role of another; not read",
                (int)f->len, f->s, i + 1);
        /* the whole table: the column may be another role misnamed, whose
         * absence would then break every identity that wants it */
        dt_mark_table(rd, -1, "duplicate_role",
                      "header column %zu repeats the role of another and holds figures: "
                      "which of them is that role, and what the other is, is not known",
                      i + 1);
        return;
    default:
        dt_note(rd, BR_SEV_WARNING, key_of(k), BR_ROLE_NONE, line,
                "figure \"%.*s\" in field %zu, a column without a recognised header; not read",
                (int)f->len, f->s, i + 1);
        dt_mark_table(rd, -1, "unknown_header",
                      "header column %zu is not recognised yet holds figures; they are not in "
                      "the model",
                      i + 1);
        return;
    }
}

/* A row of a two-sided table: up to one row per panel. */
static void read_sides(dt_reader *rd, const dt_line *ln, const dt_field *f, size_t nf, size_t total)
{
    const dt_layout *L = &rd->cur.layout;
    static const br_side sides[] = {BR_SIDE_INCOME, BR_SIDE_EXPENDITURE};
    size_t lim = nf < L->width ? nf : L->width;
    rowkey k = {.has_code = 0};
    int figures = 0;
    br_row *rows[2];
    size_t nrows = 0;
    for (size_t s = 0; s < 2; s++) {
        int any = 0;
        for (size_t i = 0; i < lim && !any; i++)
            any = f[i].len && L->map[i].side == sides[s] && L->map[i].what != DT_COL_IGNORE &&
                  L->map[i].what != DT_COL_NONE;
        if (!any)
            continue;
        row_identity(rd, f, nf, sides[s], &k);
        br_row *r = add_row(rd, &k, sides[s], ln->no);
        if (!r)
            return;
        rows[nrows++] = r;
        for (size_t i = 0; i < lim; i++) {
            const dt_colmap *m = &L->map[i];
            br_decimal v;
            if (m->what == DT_COL_NONE && (m->side == sides[s] || m->unread == DT_UNREAD_UNKNOWN))
                unread_figure(rd, &k, ln->no, m, i, &f[i]);
            if (m->side != sides[s] || m->what != DT_COL_MONEY)
                continue;
            if (money_cell(rd, r, key_of(&k), (br_role)m->role, ln->no, &f[i], &v)) {
                dt_host->row_set_value(r, (size_t)m->col, v, 0);
                figures = 1;
            }
        }
    }
    if (figures && total < L->width) {
        dt_note(rd, BR_SEV_WARNING, NULL, BR_ROLE_NONE, ln->no,
                "row has %zu fields, its header %zu; cells read by position", total, L->width);
        for (size_t j = 0; j < nrows; j++)
            dt_mark_row(rd, rows[j], "guessed_figure",
                        "the row has %zu fields, its header %zu: its figures are placed by "
                        "position, a guess",
                        total, L->width);
    }
    if (nf > L->width)
        beyond_header(rd, &k, ln->no, f, nf, rows, nrows);
}

/*
 * A line of a table printed in panels side by side (人员经费 | 公用经费): a
 * row per panel that prints a code or a label, its figures in that panel's
 * columns — and, where the panels' money columns are parts of one identity,
 * in its total too (the other parts of a panel row are blank: 301's figure
 * under 人员经费 is its total).  A label in one panel whose figures stand in
 * another is one row printed across the panels: a grand total (合计) of one
 * figure is the identity's total, its parts not printed on its line, so the
 * row is marked uncertain; any other such line is not guessed: its figures
 * are read in their columns and the row is marked uncertain.
 */
static void read_panels(dt_reader *rd, const dt_line *ln, const dt_field *f, size_t nf,
                        size_t total)
{
    const dt_layout *L = &rd->cur.layout;
    size_t pw = L->panel_width, np = L->width / pw;
    size_t lim = nf < L->width ? nf : L->width;
    int text[DT_MAX_FIELDS] = {0}, figs[DT_MAX_FIELDS] = {0};
    for (size_t i = 0; i < lim; i++) {
        dt_what w = (dt_what)L->map[i].what;
        if (!f[i].len)
            continue;
        if (w == DT_COL_MONEY && dt_figure(f[i].s, f[i].len, NULL))
            figs[L->map[i].panel]++;
        else if (structural(w))
            text[L->map[i].panel] = 1;
    }
    size_t ntext = 0, nfigs = 0, labelled = np, bare = 0;
    for (size_t p = 0; p < np; p++) {
        ntext += text[p];
        nfigs += (size_t)figs[p];
        if (text[p] && !figs[p])
            labelled = p;
        bare += !text[p] && figs[p];
    }
    br_row *rows[DT_MAX_FIELDS];
    size_t nrows = 0;
    rowkey k = {.has_code = 0};
    dt_field g[DT_MAX_FIELDS];
    if (ntext == 1 && labelled < np && bare) { /* one row across the panels */
        for (size_t i = 0; i < lim; i++)
            g[i] = L->map[i].panel == labelled || L->map[i].what == DT_COL_MONEY
                       ? f[i] : (dt_field){"", 0};
        row_identity(rd, g, lim, BR_SIDE_NONE, &k);
        br_row *r = add_row(rd, &k, BR_SIDE_NONE, ln->no);
        if (!r)
            return;
        rows[nrows++] = r;
        char sq[DT_COMP_MAX];
        size_t sl = dt_squeeze(k.label, strlen(k.label), sq, sizeof sq);
        int grand = !k.has_code && dt_catalog_total_label(sq, sl) == 2;
        for (size_t i = 0; i < lim; i++) {
            const dt_colmap *m = &L->map[i];
            br_decimal v;
            if (m->what != DT_COL_MONEY ||
                !money_cell(rd, r, key_of(&k), (br_role)m->role, ln->no, &f[i], &v))
                continue;
            int col = grand && nfigs == 1 && L->panel_total_col >= 0 ? L->panel_total_col : m->col;
            dt_host->row_set_value(r, (size_t)col, v, 0);
        }
        if (grand && nfigs == 1 && L->panel_total_col >= 0)
            dt_mark_row(rd, r, "spanning_total",
                        "a total printed across the table's panels: the parts it sums are not "
                        "printed on its line");
        else
            dt_mark_row(rd, r, "panel_unclear",
                        "its label and its figures are in different panels: which panel's "
                        "figures they are is not known");
    } else {
        for (size_t p = 0; p < np; p++) {
            if (!text[p] && !figs[p])
                continue;
            for (size_t i = 0; i < lim; i++)
                g[i] = L->map[i].panel == p ? f[i] : (dt_field){"", 0};
            row_identity(rd, g, lim, BR_SIDE_NONE, &k);
            br_row *r = add_row(rd, &k, BR_SIDE_NONE, ln->no);
            if (!r)
                return;
            rows[nrows++] = r;
            if (!text[p])
                dt_mark_row(rd, r, "panel_unclear",
                            "figures without a code or label in their panel: whose they are is "
                            "not known");
            /* a grand total (合计) alone on its line in one panel: the
             * table's total more likely than the panel's — not known */
            char sq[DT_COMP_MAX];
            size_t sl = dt_squeeze(k.label, strlen(k.label), sq, sizeof sq);
            int spanning = L->panel_total_col >= 0 && !k.has_code && ntext == 1 &&
                           nfigs == (size_t)figs[p] && figs[p] == 1 &&
                           dt_catalog_total_label(sq, sl) == 2;
            for (size_t i = 0; i < lim; i++) {
                const dt_colmap *m = &L->map[i];
                br_decimal v;
                if (m->panel != p)
                    continue;
                if (m->what == DT_COL_NONE)
                    unread_figure(rd, &k, ln->no, m, i, &f[i]);
                if (m->what != DT_COL_MONEY ||
                    !money_cell(rd, r, key_of(&k), (br_role)m->role, ln->no, &f[i], &v))
                    continue;
                if (!spanning)
                    dt_host->row_set_value(r, (size_t)m->col, v, 0);
                if (L->panel_total_col >= 0) /* the other parts blank: its total */
                    dt_host->row_set_value(r, (size_t)L->panel_total_col, v,
                                           spanning ? 0 : BR_CELL_INFERRED);
            }
            if (spanning)
                dt_mark_row(rd, r, "spanning_total",
                            "a grand total alone on its line in one panel: the table's total "
                            "(read so) or that panel's is not known, and the parts it sums are "
                            "not printed on its line");
        }
    }
    /* fields lost inside a panel: its figures may have moved (a whole panel
     * missing at the line's end is a blank half) */
    if (nfigs && total < L->width && total % pw != 0) {
        dt_note(rd, BR_SEV_WARNING, NULL, BR_ROLE_NONE, ln->no,
                "row has %zu fields, its header %zu; cells read by position", total, L->width);
        for (size_t j = 0; j < nrows; j++)
            dt_mark_row(rd, rows[j], "guessed_figure",
                        "the row has %zu fields, its header %zu: its figures are placed by "
                        "position, a guess",
                        total, L->width);
    }
    if (nf > L->width)
        beyond_header(rd, &k, ln->no, f, nf, rows, nrows);
}

/* ---- labels wrapped over lines ---- */

/* A subject code, or its first digits (a wrapped label's first line). */
static int code_start(const char *s, size_t len)
{
    char code[16];
    return digits_only(s, len) && len >= 3 && len <= 7 && subject_code(s, 3, code, sizeof code);
}

/*
 * A line that holds only a piece of a label (a wrapped cell's other lines):
 * the index of its field, a label column's; else -1.
 */
static int fragment_at(const dt_layout *L, const dt_field *f, size_t nf)
{
    int at = -1;
    if (nf < 2)
        return -1; /* a line without tabs: a page footer, a note, a title */
    for (size_t i = 0; i < nf; i++)
        if (f[i].len) {
            if (at >= 0)
                return -1;
            at = (int)i;
        }
    if (at < 0 || (size_t)at >= L->width || L->map[at].what != DT_COL_LABEL)
        return -1;
    if (dt_figure(f[at].s, f[at].len, NULL)) {
        /* the subject code alone (or its first digits), where codes are
         * printed in the label's field ("2010505" / "一般行政管理事务",
         * "201050" / "1 行政运行"): the label's first line */
        for (size_t i = 0; i < L->width; i++)
            if (L->map[i].what == DT_COL_CODE)
                return -1;
        return code_start(f[at].s, f[at].len) ? at : -1;
    }
    const char *s = f[at].s;
    size_t len = f[at].len;
    dt_strip_enumerator(&s, &len);
    if (s != f[at].s)
        return -1; /* "(一) …": a row of its own */
    char buf[DT_COMP_MAX];
    size_t n = dt_squeeze(s, len, buf, sizeof buf);
    return dt_catalog_total_label(buf, n) ? -1 : at;
}

/* Characters of field idx of a line: a piece's width, with the spaces
 * around its text up to the tabs (a line broken at "2010301 行政运行"'s
 * space keeps it on one side or the other). */
static size_t piece_width(const dt_line *ln, size_t idx)
{
    dt_field g[DT_MAX_FIELDS];
    size_t ng = dt_fields(ln->s, ln->len, g, DT_MAX_FIELDS, NULL), w = 0;
    if (idx >= ng)
        return 0;
    const char *p = g[idx].s, *e = ln->s + ln->len;
    for (size_t i = 0; i < g[idx].len; i++)
        w += ((unsigned char)p[i] & 0xC0) != 0x80;
    for (const char *q = p; q > ln->s && q[-1] == ' '; q--)
        w++; /* " 行政运行": the space of a code's line break */
    for (p += g[idx].len; p < e && *p == ' '; p++)
        w++;
    return w;
}

/* A piece that starts with a subject code, or its first digits
 * ("2080506 机关…", "208 05 0", "2080506机关", "2012601"): the first line
 * of its label — a code printed on a line identifies its row. */
static int code_led(const char *s, size_t len)
{
    char code[16];
    size_t d = 0;
    while (d < len && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d < 3 || d > 7 || !subject_code(s, 3, code, sizeof code))
        return 0;
    if (d == len)
        return 1;
    static const char *const after_number[] = {"年", "月", "日", "万", "元", "个", "人", "台",
                                               "辆", "项", "％", "%", ".", ","};
    for (size_t i = 0; i < sizeof after_number / sizeof *after_number; i++)
        if (dt_starts(s + d, len - d, after_number[i]))
            return 0;
    return 1;
}

/* Field idx of a line starts with a subject code. */
static int line_code_led(const dt_line *ln, size_t idx)
{
    dt_field g[DT_MAX_FIELDS];
    size_t ng = dt_fields(ln->s, ln->len, g, DT_MAX_FIELDS, NULL);
    return idx < ng && code_led(g[idx].s, g[idx].len);
}

/*
 * Decide, at a table's first row, where its wrapped rows print their
 * figures: the lines up to the table's end are classified and the
 * conventions that fit kept, together with those of the document's tables
 * so far (a document is typeset one way).  The most constrained that fits
 * wins (middle: one piece above and one below each wrapped row); first and
 * last both fitting leave the reading unsure (rows marked label_fragment).
 */
static int looks_data(dt_reader *rd, const dt_field *f, size_t nf, const after *below);

/*
 * A row printed with its figures a line above its label (the label cell set
 * lower than the figures): a line of figures whose label cells are empty
 * (its code printed with them or not), and the next line, nx, holds that
 * row's label (and code) and no figure.  1 when f and nx are so.
 */
static int label_below(const dt_layout *L, const dt_field *f, size_t nf, const dt_line *nx)
{
    int figs = 0, code = 0, label = 0;
    if (!nx || L->width == 0)
        return 0;
    for (size_t i = 0; i < nf; i++) {
        if (!f[i].len)
            continue;
        dt_what w = i < L->width ? (dt_what)L->map[i].what : DT_COL_NONE;
        if (w == DT_COL_LABEL || i >= L->width)
            return 0;
        if (w == DT_COL_MONEY) {
            if (dt_blank_mark(f[i].s, f[i].len))
                continue;
            if (!dt_figure(f[i].s, f[i].len, NULL))
                return 0;
            figs++;
        } else if (w != DT_COL_IGNORE && !digits_only(f[i].s, f[i].len)) {
            return 0; /* text ("合计" under 项目编号): a row of its own */
        }
        code |= w == DT_COL_CODE;
    }
    if (!figs)
        return 0;
    dt_field g[DT_MAX_FIELDS];
    size_t total, ng = dt_fields(nx->s, nx->len, g, DT_MAX_FIELDS, &total);
    if (total == 1)
        return 0;
    for (size_t i = 0; i < ng; i++) {
        if (!g[i].len)
            continue;
        dt_what w = i < L->width ? (dt_what)L->map[i].what : DT_COL_MONEY;
        if (w == DT_COL_MONEY || w == DT_COL_NONE || (w == DT_COL_CODE && code))
            return 0;
        label |= w == DT_COL_LABEL && !dt_figure(g[i].s, g[i].len, NULL);
    }
    return label;
}

static void wrap_decide(dt_reader *rd, const after *at)
{
    dt_table_state *st = &rd->cur;
    char seq[1024];
    const dt_line *line[1024];
    size_t n = 0;
    int lab = -1;
    st->wrap_decided = 1;
    st->wrap_mode = 0;
    if (st->flags & DT_TWO_SIDED)
        return;
    for (size_t h = 0; h < st->wrap_nheads && n < sizeof seq; h++) {
        dt_field f[DT_MAX_FIELDS];
        size_t nf = dt_fields(st->wrap_heads[h]->s, st->wrap_heads[h]->len, f, DT_MAX_FIELDS, NULL);
        line[n] = st->wrap_heads[h];
        seq[n++] = 'f';
        int fa = fragment_at(&st->layout, f, nf);
        if (lab < 0)
            lab = fa;
        if (fa >= 0 && dt_figure(f[fa].s, f[fa].len, NULL))
            st->wrap_code_pieces = 1;
    }
    for (size_t k = 0; k <= at->n && n < sizeof seq; k++) {
        const dt_line *ln = at->v + k;
        dt_field f[DT_MAX_FIELDS];
        size_t total, nonempty = 0, only = 0;
        size_t nf = dt_fields(ln->s, ln->len, f, DT_MAX_FIELDS, &total);
        for (size_t i = 0; i < nf; i++)
            if (f[i].len) {
                nonempty++;
                only = i;
            }
        if (nonempty == 0) {
            seq[n++] = '|';
            continue;
        }
        if (nonempty == 1 && dt_marker(f[only].s, f[only].len, NULL))
            break; /* the next table */
        if (nonempty == 1 && dt_title_shape(f[only].s, f[only].len)) {
            int kind = dt_catalog_title(f[only].s, f[only].len);
            if (kind >= 0 && (br_kind)kind != st->kind)
                break; /* the next table; its own title again: a new page */
        }
        int fa;
        line[n] = ln;
        if (total == 1 || dt_header_repeat(st->hdr, st->nhdr, f, nf)) {
            seq[n++] = '|';
        } else if ((fa = fragment_at(&st->layout, f, nf)) >= 0) {
            seq[n++] = 'f';
            if (lab < 0)
                lab = fa;
            if (dt_figure(f[fa].s, f[fa].len, NULL))
                st->wrap_code_pieces = 1;
        } else if (looks_data(rd, f, nf, NULL)) {
            seq[n++] = 'F';
            if (k < at->n && label_below(&st->layout, f, nf, at->v + k + 1))
                k++; /* its label, a line below: the same row */
        } else {
            seq[n++] = '|';
        }
    }
    int pieces;
    unsigned ok = dt_wrap_fits(seq, n, &pieces);
    if (!pieces)
        return;
    size_t w[1024];
    unsigned char cl[1024];
    for (size_t i = 0; i < n; i++) {
        w[i] = seq[i] == '|' ? 0 : piece_width(line[i], (size_t)lab);
        cl[i] = seq[i] != '|' && line_code_led(line[i], (size_t)lab);
        if (seq[i] == 'f' && cl[i])
            st->wrap_coded = 1;
    }
    st->wrap_mode = dt_wrap_rank(seq, w, cl, n, ok, st->wrap_coded, &rd->wrap_doc, &st->wrap_unsure);
}

/*
 * A row's label with the pieces of it printed on other lines: the pieces
 * waiting above it, and (looked ahead) those below it that the table's
 * convention gives it.  Returns the number of pieces joined (0: none) and
 * the joined text in buf; the lines taken below are skipped later.
 */
static size_t wrap_join(dt_reader *rd, const dt_field *f, size_t nf, const after *below,
                        int *idx, char *buf, size_t cap, int *row_unsure)
{
    *row_unsure = 0;
    dt_table_state *st = &rd->cur;
    size_t n = 0, joined = 0;
    int at = -1;
    dt_field g[DT_MAX_FIELDS];
    size_t tails = 0;
    const dt_line *tail[3];
    if (!st->wrap_mode)
        return 0;
    /* the label column: the pieces' */
    for (size_t h = 0; h < st->wrap_nheads && at < 0; h++) {
        size_t ng = dt_fields(st->wrap_heads[h]->s, st->wrap_heads[h]->len, g, DT_MAX_FIELDS, NULL);
        at = fragment_at(&st->layout, g, ng);
    }
    size_t want = st->wrap_mode == DT_WRAP_FIRST ? 2 : st->wrap_mode == DT_WRAP_MIDDLE ? (st->wrap_nheads ? 1 : 0) : 0;
    for (size_t k = 0; below && k < below->n && tails < want; k++) {
        const dt_line *ln = below->v + k + 1;
        size_t ng = dt_fields(ln->s, ln->len, g, DT_MAX_FIELDS, NULL);
        int a = fragment_at(&st->layout, g, ng);
        if (a < 0 || (at >= 0 && a != at))
            break;
        at = a;
        tail[tails++] = ln;
    }
    if (st->wrap_mode == DT_WRAP_MIDDLE && tails && at >= 0) {
        /* the piece below: this row's last line or the next row's first */
        char sq[4] = {'f', 'F', 'f', '|'};
        size_t w[4];
        unsigned char cl[4];
        const dt_line *v[4] = {st->wrap_heads[0], below->v, tail[0], NULL};
        if (below->n >= 2) {
            const dt_line *nx = below->v + 2;
            size_t ng = dt_fields(nx->s, nx->len, g, DT_MAX_FIELDS, NULL);
            if (fragment_at(&st->layout, g, ng) == at)
                sq[3] = 'f';
            else if (looks_data(rd, g, ng, NULL))
                sq[3] = 'F';
            v[3] = nx;
        }
        for (size_t i = 0; i < 4; i++) {
            w[i] = v[i] && sq[i] != '|' ? piece_width(v[i], (size_t)at) : 0;
            cl[i] = v[i] && sq[i] != '|' && line_code_led(v[i], (size_t)at);
        }
        int unsure;
        if (!dt_wrap_middle_tail(sq, w, cl, 4, 1, 0, 2, st->wrap_coded, &unsure))
            tails = 0;
        st->wrap_unsure_next = unsure;
        *row_unsure = unsure;
    }
    if (at < 0 || !(st->wrap_nheads || tails))
        return 0;
    buf[0] = '\0';
    for (size_t h = 0; h < st->wrap_nheads; h++) {
        size_t ng = dt_fields(st->wrap_heads[h]->s, st->wrap_heads[h]->len, g, DT_MAX_FIELDS, NULL);
        if ((size_t)at < ng)
            n += dt_copy(g[at].s, g[at].len, buf + n, cap - n);
        joined++;
    }
    if ((size_t)at < nf)
        n += dt_copy(f[at].s, f[at].len, buf + n, cap - n);
    for (size_t t = 0; t < tails; t++) {
        size_t ng = dt_fields(tail[t]->s, tail[t]->len, g, DT_MAX_FIELDS, NULL);
        n += dt_copy(g[at].s, g[at].len, buf + n, cap - n);
        st->wrap_taken = tail[t]->no;
        joined++;
        (void)ng;
    }
    st->wrap_nheads = 0;
    *idx = at;
    return joined;
}

/*
 * A row whose own line prints its whole code (the code its joined label
 * gives too), in a table none of whose label pieces is a code's digits:
 * whichever row a piece belongs to, this row is the same row with the same
 * figures — only its label's text is unsure, not what it is.
 */
static int own_code(dt_reader *rd, const dt_field *f, size_t nf, const rowkey *k)
{
    rowkey own;
    if (rd->cur.wrap_code_pieces || !k->has_code)
        return 0;
    row_identity(rd, f, nf, BR_SIDE_NONE, &own);
    return own.has_code && strcmp(own.code, k->code) == 0;
}

static void read_row(dt_reader *rd, const dt_line *ln, const dt_field *f, size_t nf, size_t total,
                     const after *below)
{
    dt_table_state *st = &rd->cur;
    const dt_layout *L = &st->layout;
    if (st->flags & DT_TWO_SIDED) {
        read_sides(rd, ln, f, nf, total);
        return;
    }
    if (L->panel_width) {
        read_panels(rd, ln, f, nf, total);
        return;
    }
    if (ln->no == st->above_taken)
        return; /* the label of the row above, printed below its figures */
    /* figures a line above their label: one row, on the figures' line, its
     * code and label from the line below */
    dt_field both[DT_MAX_FIELDS];
    int above = below && below->n && label_below(L, f, nf, below->v + 1);
    if (above) {
        const dt_line *nx = below->v + 1;
        dt_field g[DT_MAX_FIELDS];
        size_t ng = dt_fields(nx->s, nx->len, g, DT_MAX_FIELDS, NULL);
        size_t n = nf > ng ? nf : ng;
        for (size_t i = 0; i < n; i++) {
            both[i] = i < nf ? f[i] : (dt_field){"", 0};
            if (!both[i].len && i < ng)
                both[i] = g[i];
        }
        st->above_taken = nx->no;
        /* a label piece alone, in a table that wraps labels, the figures
         * without a code: it may as well continue the row above (fail
         * closed below; with the code the row is what its code says) */
        int coded = 0;
        for (size_t i = 0; i < nf && i < L->width; i++)
            coded |= f[i].len && L->map[i].what == DT_COL_CODE;
        above = !coded && st->wrap_mode && fragment_at(L, g, ng) >= 0 ? 2 : 1;
        f = both;
        nf = n;
    }
    /* a piece of a wrapped label: joined to its row */
    if (!above && st->wrap_mode && fragment_at(L, f, nf) >= 0) {
        if (ln->no <= st->wrap_taken)
            return; /* taken by the row above */
        if (st->wrap_nheads < sizeof st->wrap_heads / sizeof *st->wrap_heads) {
            st->wrap_heads[st->wrap_nheads++] = ln;
            return;
        }
    }
    rowkey k;
    char whole[1024];
    int at = -1;
    int unsure_here = st->wrap_unsure_next, unsure_below = 0;
    st->wrap_unsure_next = 0;
    size_t pieces = above ? 0 : wrap_join(rd, f, nf, below, &at, whole, sizeof whole, &unsure_below);
    if (pieces && at >= 0) {
        dt_field g[DT_MAX_FIELDS];
        size_t ng = nf > (size_t)at ? nf : (size_t)at + 1;
        if (ng > DT_MAX_FIELDS)
            ng = DT_MAX_FIELDS;
        for (size_t i = 0; i < ng; i++)
            g[i] = i < nf ? f[i] : (dt_field){"", 0};
        g[at] = (dt_field){whole, strlen(whole)};
        row_identity(rd, g, ng, BR_SIDE_NONE, &k);
    } else {
        row_identity(rd, f, nf, BR_SIDE_NONE, &k);
    }
    if (k.damaged[0])
        repair_code(rd, &k, f, nf, below, ln->no);
    br_row *r = add_row(rd, &k, BR_SIDE_NONE, ln->no);
    if (!r)
        return;
    if (k.damaged[0])
        damaged_code(rd, r, &k, f, nf, ln->no);
    if (((st->wrap_unsure && (pieces || fragment_at(L, f, nf) >= 0)) || unsure_here ||
         unsure_below) &&
        !own_code(rd, f, nf, &k))
        dt_mark_row(rd, r, "label_fragment",
                    "the row's label is wrapped over lines and which lines are its own is not "
                    "certain");
    if (above == 2)
        dt_mark_row(rd, r, "label_fragment",
                    "the row's figures are a line above its label, which may as well continue "
                    "the row above: which row they are is not certain");

    /*
     * A row with fewer fields than its header lost some empty cells: its
     * figures are in order but not in place.  assign.c places them.
     */
    if (total < L->width && L->leading_structure && L->nmoney > 0) {
        size_t figs = 0;
        for (size_t i = (size_t)L->first_money; i < nf; i++)
            figs += f[i].len && dt_figure(f[i].s, f[i].len, NULL);
        if (figs <= L->nmoney) {
            br_decimal vals[DT_MAX_FIELDS];
            size_t m = 0;
            for (size_t i = (size_t)L->first_money; i < nf; i++)
                if (money_cell(rd, r, key_of(&k), BR_ROLE_NONE, ln->no, &f[i], &vals[m]))
                    m++;
            if (m == 0)
                return;
            dt_short *sh = dt_host->doc_alloc(rd->doc, sizeof *sh + m * sizeof(br_decimal));
            if (!sh) {
                rd->failed = 1;
                return;
            }
            sh->row = r;
            sh->index = st->nrows - 1;
            sh->line = ln->no;
            sh->nvals = m;
            sh->vals = (br_decimal *)(sh + 1);
            memcpy(sh->vals, vals, m * sizeof *vals);
            *st->shorts_tail = sh;
            st->shorts_tail = &sh->next;
            return;
        }
        dt_note(rd, BR_SEV_WARNING, key_of(&k), BR_ROLE_NONE, ln->no,
                "row has %zu fields, its header %zu, yet %zu figures for %zu money columns; "
                "cells read by position",
                total, L->width, figs, L->nmoney);
        dt_mark_row(rd, r, "extra_figures",
                    "the row has %zu figures for %zu money columns in fewer fields than its "
                    "header: they are read by position, a guess",
                    figs, L->nmoney);
    }

    for (size_t i = 0; i < nf && i < L->width; i++) {
        const dt_colmap *m = &L->map[i];
        br_decimal v;
        if (m->what == DT_COL_MONEY) {
            if (money_cell(rd, r, key_of(&k), (br_role)m->role, ln->no, &f[i], &v))
                dt_host->row_set_value(r, (size_t)m->col, v, 0);
        } else if (m->what == DT_COL_NONE) {
            unread_figure(rd, &k, ln->no, m, i, &f[i]);
        }
    }
    if (nf > L->width)
        beyond_header(rd, &k, ln->no, f, nf, &r, 1);
}

/* Fix the columns at the first data row. */
/* Two layouts read the same columns. */
static int same_layout(const dt_layout *a, const dt_layout *b)
{
    size_t w = a->width > b->width ? a->width : b->width;
    for (size_t i = 0; i < w && i < DT_MAX_FIELDS; i++)
        if (a->map[i].what != b->map[i].what || a->map[i].role != b->map[i].role)
            return 0;
    return a->ncols == b->ncols;
}

/*
 * The last "header" lines that hold one piece of text each and name no
 * column (the header reads the same without them) are the first lines of
 * a wrapped label above the first row ("一般公共" / "服务支出 | 1,234.56"):
 * they wait for that row.
 */
static void header_tail_pieces(dt_reader *rd)
{
    dt_table_state *st = &rd->cur;
    while (st->nhdr > 1 && st->wrap_nheads < sizeof st->wrap_heads / sizeof *st->wrap_heads) {
        const dt_line *ln = st->hdr[st->nhdr - 1];
        dt_field f[DT_MAX_FIELDS];
        size_t nf = dt_fields(ln->s, ln->len, f, DT_MAX_FIELDS, NULL), nonempty = 0;
        for (size_t i = 0; i < nf; i++)
            nonempty += f[i].len > 0;
        if (nonempty != 1)
            return;
        dt_layout with, without;
        dt_layout_build(rd, &with, st->hdr, st->nhdr, 1);
        dt_layout_build(rd, &without, st->hdr, st->nhdr - 1, 1);
        int at = fragment_at(&without, f, nf);
        if (at < 0 || !same_layout(&with, &without))
            return;
        char word[DT_COMP_MAX];
        const char *one = word;
        br_role role;
        dt_squeeze(f[at].s, f[at].len, word, sizeof word);
        if (dt_catalog_column_at(st->kind, &one, 1, &role) != DT_COL_NONE)
            return; /* a header word ("科目名称"), not a piece of a label */
        /* the end of a header word split over lines ("科目名" / "称",
         * "分类" / "科目" / "名称"): with the lines above it in its column
         * it makes whole words they do not make alone */
        char above[(DT_MAX_HEADER + 1) * DT_COMP_MAX];
        size_t al = 0;
        for (size_t m = 2; m <= st->nhdr; m++) {
            char part[DT_COMP_MAX];
            size_t pl = field_text(st->hdr[st->nhdr - m], (size_t)at, part, sizeof part);
            memmove(above + pl, above, al);
            memcpy(above, part, pl);
            al += pl;
            above[al] = '\0';
            if (!pl || dt_catalog_column_whole(st->kind, above, &role) != DT_COL_NONE)
                continue;
            dt_squeeze(f[at].s, f[at].len, above + al, sizeof above - al);
            int whole = dt_catalog_column_whole(st->kind, above, &role) != DT_COL_NONE;
            above[al] = '\0';
            if (whole)
                return;
        }
        memmove(st->wrap_heads + 1, st->wrap_heads, st->wrap_nheads * sizeof *st->wrap_heads);
        st->wrap_heads[0] = ln;
        st->wrap_nheads++;
        st->nhdr--;
    }
}

static int fix_layout(dt_reader *rd, long line)
{
    dt_table_state *st = &rd->cur;
    if (!(st->flags & DT_TWO_SIDED))
        header_tail_pieces(rd);
    dt_layout_build(rd, &st->layout, st->hdr, st->nhdr, 0);
    st->have_layout = 1;
    br_table *t = dt_table_ensure(rd);
    if (!t)
        return 0;
    if (st->nhdr == 0)
        dt_note(rd, BR_SEV_WARNING, NULL, BR_ROLE_NONE, line,
                "table has no header; its figures cannot be placed in columns");
    if (dt_host->table_set_columns(t, st->layout.roles, st->layout.ncols) != BR_OK) {
        rd->failed = 1;
        return 0;
    }
    return 1;
}

static void table_line(dt_reader *rd, const dt_line *ln, const dt_field *f, size_t nf, size_t total,
                       const after *below)
{
    dt_table_state *st = &rd->cur;
    if (!st->in_data) {
        int data = looks_data(rd, f, nf, below);
        if (!st->have_layout) {
            if (!data) {
                if (st->nhdr < DT_MAX_HEADER)
                    st->hdr[st->nhdr++] = ln;
                else if (st->nhdr++ == DT_MAX_HEADER)
                    dt_note(rd, BR_SEV_WARNING, NULL, BR_ROLE_NONE, ln->no,
                            "more than %d header lines; the rest are ignored", DT_MAX_HEADER);
                return;
            }
            if (st->nhdr > DT_MAX_HEADER)
                st->nhdr = DT_MAX_HEADER;
            if (!fix_layout(rd, ln->no))
                return;
        } else if (!data &&
                   (dt_header_repeat(st->hdr, st->nhdr, f, nf) || money_text(&st->layout, f, nf))) {
            return; /* the header again, on a new page */
        }
        st->in_data = 1;
    } else if (!looks_data(rd, f, nf, below) && dt_header_repeat(st->hdr, st->nhdr, f, nf)) {
        return; /* the header again after a page break without a title */
    }
    if (!st->wrap_decided)
        wrap_decide(rd, below);
    read_row(rd, ln, f, nf, total, below);
}

/* ---- the pass ---- */

/*
 * Page numbers (libreader pagenum.c): footer lines, and on the last line of
 * a page (the next line with text is no row nor a label's piece: a footer,
 * a title, the header again, or nothing) a page-number form after the
 * line's figures — the last field, or glued to it by one space.  Settled
 * by sequence.
 */
static void page_numbers(dt_reader *rd, const dt_lines *lines, size_t first, size_t end)
{
    size_t cap = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t n = 0;
        for (size_t i = first; i < end; i++) {
            const dt_line *ln = &lines->v[i];
            dt_field f[DT_MAX_FIELDS];
            size_t total, nf = dt_fields(ln->s, ln->len, f, DT_MAX_FIELDS, &total);
            dt_pageno p = {.line = ln->no, .at = -1};
            if (total == 1) {
                p.value = dt_page_number(f[0].s, f[0].len);
                p.footer = 1;
            } else {
                int k = -1, figs = 0;
                for (size_t j = 0; j < nf; j++)
                    if (f[j].len)
                        k = (int)j;
                for (int j = 0; j < k; j++)
                    figs += dt_figure(f[j].s, f[j].len, NULL);
                if (k < 1)
                    continue;
                if (dt_page_number_glued(f[k].s, f[k].len, &p.value))
                    p.glued = 1;
                else if (figs)
                    p.value = dt_page_number(f[k].s, f[k].len);
                else
                    continue;
                p.at = k;
                /* the last line of its page */
                for (size_t j = i + 1; j < end && p.value > 0; j++) {
                    dt_field g[DT_MAX_FIELDS];
                    size_t ng = dt_fields(lines->v[j].s, lines->v[j].len, g, DT_MAX_FIELDS, NULL),
                           any = 0, fig = 0;
                    for (size_t m = 0; m < ng; m++) {
                        any += g[m].len > 0;
                        fig += g[m].len && dt_figure(g[m].s, g[m].len, NULL);
                    }
                    if (!any)
                        continue;
                    if (ng > 1 && (fig || any == 1))
                        p.value = -1; /* a row, or a label's piece, on the same page */
                    break;
                }
            }
            if (p.value <= 0)
                continue;
            if (pass == 1 && n < cap)
                rd->pagenos[n] = p;
            n++;
        }
        if (pass == 0) {
            if (!n)
                return;
            rd->pagenos = dt_host->doc_alloc(rd->doc, n * sizeof *rd->pagenos);
            if (!rd->pagenos) {
                rd->failed = 1;
                return;
            }
            cap = n;
        } else {
            rd->npagenos = n < cap ? n : cap;
        }
    }
    dt_pagenos_settle(rd->pagenos, rd->npagenos);
}

/* The fields the lines with figures above line i on its page reach to (up
 * to the last non-empty one; the page: back to a line without tabs). */
static size_t page_reach(const dt_lines *lines, size_t first, size_t i)
{
    size_t reach = 0;
    while (i-- > first) {
        dt_field g[DT_MAX_FIELDS];
        size_t total, ng = dt_fields(lines->v[i].s, lines->v[i].len, g, DT_MAX_FIELDS, &total);
        if (total == 1)
            break;
        size_t ext = 0, fig = 0;
        for (size_t m = 0; m < ng; m++)
            if (g[m].len) {
                ext = m + 1;
                fig += dt_figure(g[m].s, g[m].len, NULL);
            }
        if (fig && ext > reach)
            reach = ext;
    }
    return reach;
}

/* A line's page number after its figures (page_numbers) taken off the line:
 * glued to the last figure, or a field beyond the table's header or right
 * of every figure printed above it on its page (a page whose rows lost
 * their empty cells).  Else it cannot be told from a figure: left as it is. */
static void page_number_off(dt_reader *rd, const dt_lines *lines, size_t first, size_t i,
                            dt_field *f, size_t *nf, size_t *total)
{
    const dt_line *ln = &lines->v[i];
    const dt_pageno *p = dt_pagenos_at(rd->pagenos, rd->npagenos, ln->no);
    if (!p || p->at < 0 || (size_t)p->at >= *nf || !rd->cur.open || !rd->cur.have_layout)
        return;
    dt_field *x = &f[p->at];
    int v;
    size_t reach;
    if (p->glued)
        x->len = dt_page_number_glued(x->s, x->len, &v);
    else if ((size_t)p->at >= rd->cur.layout.width ||
             ((reach = page_reach(lines, first, i)) > 0 && (size_t)p->at >= reach)) {
        x->len = 0;
        if ((size_t)p->at + 1 == *total) /* the line's fields are those before it */
            *nf = *total = (size_t)p->at;
    } else {
        return;
    }
    dt_note(rd, BR_SEV_INFO, NULL, BR_ROLE_NONE, ln->no,
            "page number %d printed after the line's figures; not read as a figure", p->value);
}

static int plain_prefix(const char *s, size_t len)
{
    return len <= 120 && !dt_find(s, len, "。") && !dt_find(s, len, ":") &&
           !dt_figure(s, len, NULL);
}

int dt_read_tables(br_disclosure *doc, const dt_lines *lines, size_t first, size_t end,
                   const char *path, br_error *err)
{
    dt_reader rd;
    scan sc = {0};
    memset(&rd, 0, sizeof rd);
    rd.doc = doc;
    rd.path = path;
    rd.doc_year = dt_host->doc_year(doc);
    if (!lines)
        end = first = 0;
    if (lines && end > lines->n)
        end = lines->n;
    if (lines)
        page_numbers(&rd, lines, first, end);

    for (size_t i = first; i < end && !rd.failed; i++) {
        const dt_line *ln = &lines->v[i];
        dt_field f[DT_MAX_FIELDS];
        size_t total, nonempty = 0, only = 0;
        size_t nf = dt_fields(ln->s, ln->len, f, DT_MAX_FIELDS, &total);
        page_number_off(&rd, lines, first, i, f, &nf, &total);
        for (size_t k = 0; k < nf; k++)
            if (f[k].len) {
                nonempty++;
                only = k;
            }
        if (nonempty == 0)
            continue; /* blank, or tabs only */
        if (nonempty == 1 && lone_text(&rd, &sc, f[only].s, f[only].len, ln->no))
            continue;
        if (nonempty == 2 &&
            (title_and_unit(&rd, &sc, f, nf, ln->no) || lead_and_unit(&rd, &sc, f, nf)))
            continue;
        if (total == 1) {
            /* plain text: a page number, a note, or a title's first part */
            if (plain_prefix(f[0].s, f[0].len)) {
                sc.prefix = f[0].s;
                sc.prefix_len = f[0].len;
                sc.prefix_line = ln->no;
            } else {
                sc.prefix = NULL;
            }
            continue;
        }
        sc.prefix = NULL;
        if (!rd.cur.open || rd.cur.kind == BR_KIND_UNKNOWN)
            continue;
        if (nonempty == 1 && dt_figure(f[only].s, f[only].len, NULL) &&
            !(rd.cur.have_layout && !(rd.cur.flags & DT_PERFORMANCE) &&
              fragment_at(&rd.cur.layout, f, nf) >= 0) &&
            !(rd.cur.have_layout && !(rd.cur.flags & (DT_PERFORMANCE | DT_TWO_SIDED)) &&
              i + 1 < end && label_below(&rd.cur.layout, f, nf, &lines->v[i + 1])) &&
            !(!rd.cur.have_layout && !(rd.cur.flags & DT_PERFORMANCE) &&
              code_start(f[only].s, f[only].len))) {
            dt_note(&rd, BR_SEV_WARNING, NULL, BR_ROLE_NONE, ln->no,
                    "a figure \"%.*s\" alone on its line (a page number?); not read",
                    (int)f[only].len, f[only].s);
            continue;
        }
        if (total > DT_MAX_FIELDS)
            dt_note(&rd, BR_SEV_WARNING, NULL, BR_ROLE_NONE, ln->no,
                    "line has %zu fields; only the first %d are read", total, DT_MAX_FIELDS);
        if (rd.cur.flags & DT_PERFORMANCE)
            dt_perf_line(&rd, ln, f, nf);
        else {
            after below = {ln, i - first, end - i - 1};
            table_line(&rd, ln, f, nf, total, &below);
        }
    }
    if (!rd.failed)
        table_close(&rd);

    if (rd.failed) {
        if (err) {
            err->code = BR_ERR_NOMEM;
            err->line = 0;
            dt_copy(path ? path : "", path ? strlen(path) : 0, err->file, sizeof err->file);
            snprintf(err->message, sizeof err->message, "out of memory reading the tables");
        }
        return BR_ERR_NOMEM;
    }
    /* no table is not an error here: a narrative published apart from its
     * tables is read for its claims; libcore refuses a document with neither */
    return BR_OK;
}
