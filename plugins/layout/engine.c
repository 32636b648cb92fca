/*
 * engine.c — the pass over positioned lines (layout.h): table titles (the
 * disclosure-text catalog), contents pages skipped, the unit line of each
 * table, header lines until the first data line, data lines into rows,
 * tables continued over pages joined (a repeated title, or rows running on
 * without one), notes under a table (注:…空表) kept as its attribute, and
 * the lines outside tables read as the narrative.
 */
#include <stdio.h>
#include <string.h>

#include "engine.h"

/* The kind named by a title line, or -1. */
static int title_of(const lt_line *ln, const char **title)
{
    if (ln->nspans == 0 || ln->nspans > 3 || lt_toc_line(ln))
        return -1;
    for (size_t i = 0; i < ln->nspans; i++) {
        const char *s = ln->spans[i].text;
        br_decimal d;
        if (lt_figure(s, &d))
            return -1;
        size_t len = strlen(s);
        if (lt_prose(s) || !dt_title_shape(s, len))
            continue;
        size_t rest = 0;
        if (dt_marker(s, len, &rest) && rest >= len)
            continue; /* "公开01表" alone */
        int k = dt_catalog_title(s, len);
        if (k >= 0) {
            *title = s;
            return k;
        }
    }
    return -1;
}

static int same_title(const char *a, const char *b)
{
    char x[DT_TITLE_MAX], y[DT_TITLE_MAX];
    lt_squeeze(a, x, sizeof x);
    lt_squeeze(b, y, sizeof y);
    return strcmp(x, y) == 0;
}

static br_unit unit_of(const lt_line *ln)
{
    for (size_t i = 0; i < ln->nspans; i++) {
        const char *s = ln->spans[i].text;
        br_unit u = dt_catalog_unit_line(s, strlen(s));
        if (u != BR_UNIT_UNKNOWN)
            return u;
        /* "编制部门:…  单位:元" run together, or "金额单位:万元" at the end */
        const char *p = strstr(s, "单位:");
        if (p && p != s) {
            u = dt_catalog_unit_line(p, strlen(p));
            if (u != BR_UNIT_UNKNOWN)
                return u;
        }
    }
    return BR_UNIT_UNKNOWN;
}

static int meta_line(const lt_line *ln)
{
    for (size_t i = 0; i < ln->nspans; i++) {
        const char *s = ln->spans[i].text;
        size_t rest;
        if (strncmp(s, "编制部门", strlen("编制部门")) == 0 ||
            strncmp(s, "编制单位", strlen("编制单位")) == 0 ||
            strncmp(s, "预算单位:", strlen("预算单位:")) == 0 ||
            strncmp(s, "部门:", strlen("部门:")) == 0 ||
            (dt_marker(s, strlen(s), &rest) && rest >= strlen(s)))
            return 1;
    }
    /* "公开01表" */
    return ln->nspans == 1 && strncmp(ln->spans[0].text, "公开", strlen("公开")) == 0 &&
           dt_ends(ln->spans[0].text, strlen(ln->spans[0].text), "表");
}

static int data_line(const lt_line *ln)
{
    br_decimal d;
    for (size_t i = 0; i < ln->nspans; i++)
        if (lt_figure(ln->spans[i].text, &d) == 1)
            return 1;
    if (ln->nspans >= 2 && lt_digits(ln->spans[0].text) && strlen(ln->spans[0].text) >= 3)
        return 1;
    if (ln->nspans == 1 && dt_catalog_total_label(ln->spans[0].text,
                                                  strlen(ln->spans[0].text)) == 2)
        return 1;
    return 0;
}

static int has_figure(const lt_line *ln)
{
    br_decimal d;
    for (size_t i = 0; i < ln->nspans; i++)
        if (lt_figure(ln->spans[i].text, &d))
            return 1;
    return 0;
}

/* A subject code: 3, 5 or 7 digits (208, 20805, 2080501). */
static int subject_code(const char *s)
{
    size_t n = strlen(s);
    return lt_digits(s) && (n == 3 || n == 5 || n == 7);
}

/* The first line of a wrapped row label: one text span, directly above a
 * line of a subject code followed by figures and no label of its own, and
 * right of that code.  The label belongs to that row, not to the header. */
static int wrapped_label(const lt_engine *e, size_t i)
{
    const lt_line *ln = &e->in->lines[i];
    if (ln->nspans != 1 || i + 1 >= e->in->nlines)
        return 0;
    const lt_span *s = &ln->spans[0];
    br_decimal d;
    if (lt_figure(s->text, &d) || lt_digits(s->text) || lt_prose(s->text) ||
        dt_catalog_total_label(s->text, strlen(s->text)))
        return 0;
    const lt_line *nx = &e->in->lines[i + 1];
    if (nx->nspans < 2 || !subject_code(nx->spans[0].text) || s->x0 < nx->spans[0].x1)
        return 0;
    /* the code line has no label of its own */
    return lt_figure(nx->spans[1].text, &d) == 1 && s->x0 < nx->spans[1].x0;
}

/* A text-only line repeating the header (a new page without the title). */
static int header_repeat(const lt_table *t, const lt_line *ln)
{
    if (t->nhdr == 0 || has_figure(ln))
        return 0;
    for (size_t i = 0; i < ln->nspans; i++) {
        int found = 0;
        for (size_t h = 0; h < t->nhdr && !found; h++)
            for (size_t k = 0; k < t->hdr[h]->nspans && !found; k++)
                found = strcmp(t->hdr[h]->spans[k].text, ln->spans[i].text) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

static void open_table(lt_engine *e, int kind, const char *title, const lt_line *ln)
{
    lt_table *t = &e->cur;
    lt_table_emit(e, t);
    memset(t, 0, sizeof *t);
    t->open = 1;
    t->kind = (br_kind)kind;
    dt_copy(title, strlen(title), t->title, sizeof t->title);
    t->title_line = ln->no;
    t->year = dt_year_in(title, strlen(title));
    t->tail = &t->rows;
}

static void close_table(lt_engine *e, size_t i)
{
    lt_table_emit(e, &e->cur);
    e->narr[i] = 1;
}

/* One line inside an open table. */
static void table_line1(lt_engine *e, size_t i)
{
    const lt_line *ln = &e->in->lines[i];
    lt_table *t = &e->cur;
    if (ln->nspans == 0)
        return;
    br_unit u = unit_of(ln);
    if (u != BR_UNIT_UNKNOWN) {
        if (t->unit == BR_UNIT_UNKNOWN)
            t->unit = u;
        return;
    }
    if (meta_line(ln))
        return;
    const char *first = ln->spans[0].text;
    if (lt_note_line(first)) {
        if (lt_empty_note(first) && !t->note[0]) {
            dt_copy(first, strlen(first), t->note, sizeof t->note);
            t->note_line = ln->no;
        }
        lt_table_emit(e, t);
        return;
    }
    int wrapped = !t->L.two_sided && wrapped_label(e, i);
    if (!t->in_data) {
        if (!data_line(ln) && !(wrapped && t->nhdr > 0)) {
            if (ln->nspans == 1 && lt_prose(first)) {
                close_table(e, i); /* prose: no table followed the title */
                return;
            }
            if (!t->have_layout && t->nhdr < LT_MAX_HDR_LINES)
                t->hdr[t->nhdr++] = ln;
            return;
        }
        if (!t->have_layout) {
            if (t->nhdr == 0) {
                close_table(e, i);
                return;
            }
            lt_layout_build(e, t);
        }
        t->in_data = 1;
    }
    int fig = has_figure(ln);
    if (!fig && header_repeat(t, ln))
        return;
    if (wrapped && !t->L.two_sided) {
        t->pre = ln; /* read with the code line below */
        return;
    }
    if (!fig && !(ln->nspans >= 2 && lt_digits(first))) {
        if (lt_row_continue(e, t, ln))
            return;
        int total = ln->nspans == 1 && dt_catalog_total_label(first, strlen(first));
        int prose = 0;
        for (size_t k = 0; k < ln->nspans; k++)
            prose |= lt_prose(ln->spans[k].text);
        if (!total && (prose || (!t->L.two_sided && (t->L.has_code || !t->L.has_label)))) {
            close_table(e, i);
            return;
        }
    }
    /* a lone page number */
    if (ln->nspans == 1 && lt_digits(first) && strlen(first) <= 3)
        return;
    lt_row_line(e, t, ln);
}

static void table_line(lt_engine *e, size_t i)
{
    const lt_line *pre = e->cur.pre;
    table_line1(e, i);
    if (e->cur.pre == pre)
        e->cur.pre = NULL; /* a wrapped label's first line holds for the next line only */
}

static int narrative(lt_engine *e, const char *path, br_error *err)
{
    const lt_doc *in = e->in;
    size_t n = 0;
    for (size_t i = 0; i < in->nlines; i++)
        n += e->narr[i];
    dt_lines lines = {0};
    lines.v = lt_host->doc_alloc(e->doc, (n ? n : 1) * sizeof *lines.v);
    if (!lines.v)
        return BR_ERR_NOMEM;
    for (size_t i = 0; i < in->nlines; i++) {
        if (!e->narr[i])
            continue;
        const lt_line *ln = &in->lines[i];
        size_t len = 0;
        for (size_t s = 0; s < ln->nspans; s++)
            len += strlen(ln->spans[s].text) + 1;
        char *buf = lt_host->doc_alloc(e->doc, len + 1);
        if (!buf)
            return BR_ERR_NOMEM;
        size_t off = 0;
        for (size_t s = 0; s < ln->nspans; s++) {
            size_t l = strlen(ln->spans[s].text);
            if (s)
                buf[off++] = ' ';
            memcpy(buf + off, ln->spans[s].text, l);
            off += l;
        }
        buf[off] = 0;
        lines.v[lines.n].s = buf;
        lines.v[lines.n].len = off;
        lines.v[lines.n].no = ln->no;
        lines.n++;
    }
    return dt_read_narrative(e->doc, &lines, 0, lines.n, path, err);
}

static void department_from_tables(lt_engine *e)
{
    if (lt_host->doc_department(e->doc))
        return;
    for (size_t i = 0; i < e->in->nlines; i++) {
        const lt_line *ln = &e->in->lines[i];
        if (ln->nspans == 0)
            continue;
        const char *s = ln->spans[0].text;
        const char *p = NULL;
        if (strncmp(s, "编制部门:", strlen("编制部门:")) == 0)
            p = s + strlen("编制部门:");
        else if (strncmp(s, "编制单位:", strlen("编制单位:")) == 0)
            p = s + strlen("编制单位:");
        if (p && *p) {
            char name[256];
            size_t n = dt_copy(p, strlen(p), name, sizeof name);
            const char *u = strstr(name, "单位:");
            if (u)
                name[u - name] = 0, n = strlen(name);
            const char *q = name;
            dt_trim(&q, &n);
            char buf[256];
            dt_copy(q, n, buf, sizeof buf);
            if (buf[0])
                lt_host->doc_set_department(e->doc, buf, NULL);
            return;
        }
    }
}

int lt_read(const lt_doc *in, br_disclosure *doc, const char *path, br_error *err)
{
    lt_engine *e = lt_host->doc_alloc(doc, sizeof *e);
    unsigned char *narr = lt_host->doc_alloc(doc, in->nlines + 1);
    if (!e || !narr)
        return BR_ERR_NOMEM;
    e->doc = doc;
    e->in = in;
    e->path = path;
    e->narr = narr;
    /* the document's year: the first table title that prints one */
    for (size_t i = 0; i < in->nlines && !e->doc_year; i++) {
        const char *title;
        if (title_of(&in->lines[i], &title) >= 0)
            e->doc_year = dt_year_in(title, strlen(title));
    }
    for (size_t i = 0; i < in->nlines && !e->failed; i++) {
        const lt_line *ln = &in->lines[i];
        const char *title = NULL;
        int kind = title_of(ln, &title);
        if (kind >= 0) {
            if (e->cur.open && e->cur.have_layout && e->cur.kind == (br_kind)kind &&
                same_title(e->cur.title, title)) {
                e->cur.in_data = 0; /* the same table on a new page: skip its header */
                continue;
            }
            open_table(e, kind, title, ln);
            continue;
        }
        if (!e->cur.open) {
            narr[i] = lt_toc_line(ln) ? 0 : 1;
            continue;
        }
        table_line(e, i);
    }
    lt_table_emit(e, &e->cur);
    if (e->failed)
        return BR_ERR_NOMEM;
    int rc = narrative(e, path, err);
    if (rc != BR_OK)
        return rc;
    if (!lt_host->doc_year(doc) && e->doc_year)
        lt_host->doc_set_year(doc, e->doc_year);
    department_from_tables(e);
    /* a narrative published without its tables is still a disclosure */
    if (e->ntables == 0 && lt_host->narrative_claim_count(lt_host->doc_narrative(doc)) == 0) {
        if (err) {
            memset(err, 0, sizeof *err);
            err->code = BR_ERR_UNSUPPORTED;
            snprintf(err->file, sizeof err->file, "%s", path ? path : "");
            snprintf(err->message, sizeof err->message,
                     "no recognisable budget table in this layout");
        }
        return BR_ERR_UNSUPPORTED;
    }
    return BR_OK;
}
