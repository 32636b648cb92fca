/*
 * tables_perf.c — performance tables (部门整体绩效目标表, 项目绩效目标申报表).
 *
 * Key/value lines come first ("项目名称 <tab> 5001…-name <tab> …",
 * "主管部门 <tab> 363-… <tab> 实施单位 <tab> …"): each becomes a table
 * attribute.  Then an indicator header (一级指标 / 二级指标 / 三级指标 /
 * 指标值 / … ; catalog) and one text row per indicator, labelled with its
 * name.  A new 项目名称 after a project was declared starts the next table
 * (layouts that print several projects under one title).
 */
#include <stdio.h>
#include <string.h>

#include "tables.h"

static int is_indicator_header(dt_reader *rd, const dt_field *f, size_t nf)
{
    char comp[DT_COMP_MAX];
    const char *path[1] = {comp};
    int n = 0;
    for (size_t i = 0; i < nf; i++) {
        br_role role;
        if (!f[i].len || dt_figure(f[i].s, f[i].len, NULL))
            continue;
        dt_squeeze(f[i].s, f[i].len, comp, sizeof comp);
        if (dt_catalog_column(rd->cur.kind, path, 1, &role) == DT_COL_TEXT)
            n++;
    }
    return n >= 2;
}

/* A field that is a known key (values are long text or figures). */
static int is_key(dt_reader *rd, const dt_field *f)
{
    return f->len && f->len <= 60 && !dt_figure(f->s, f->len, NULL) &&
           dt_catalog_attr(rd->cur.kind, f->s, f->len) != DT_ATTR_NONE;
}


static void set_attr(dt_reader *rd, const dt_field *key, const dt_field *val, long line)
{
    dt_table_state *st = &rd->cur;
    char kbuf[256], vstack[2048];
    char *v = vstack;
    dt_copy(key->s, key->len, kbuf, sizeof kbuf);
    if (val->len >= sizeof vstack && !(v = dt_host->doc_alloc(rd->doc, val->len + 1))) {
        rd->failed = 1;
        return;
    }
    memcpy(v, val->s, val->len);
    v[val->len] = '\0';
    if (dt_host->table_set_attr(st->t, kbuf, v) != BR_OK) {
        rd->failed = 1;
        return;
    }

    switch (dt_catalog_attr(st->kind, key->s, key->len)) {
    case DT_ATTR_PROJECT: {
        size_t cl = dt_project_code_len(val->s, val->len);
        const char *name = val->s + (cl ? cl + 1 : 0);
        size_t nl = val->len - (cl ? cl + 1 : 0);
        dt_trim(&name, &nl);
        st->proj_code[0] = '\0';
        if (cl < sizeof st->proj_code)
            dt_copy(val->s, cl, st->proj_code, sizeof st->proj_code);
        dt_copy(name, nl, st->proj_name, sizeof st->proj_name);
        st->have_proj_name = 1;
        break;
    }
    case DT_ATTR_AMOUNT:
        if (dt_figure(val->s, val->len, &st->proj_amount))
            st->have_proj_amount = 1;
        else if (val->len)
            dt_note(rd, BR_SEV_WARNING, NULL, BR_ROLE_NONE, line, "%s \"%.*s\" is not a figure",
                    kbuf, val->len > 120 ? 120 : (int)val->len, val->s);
        break;
    case DT_ATTR_DEPT:
        dt_department_code(rd, val->s, val->len);
        break;
    default:
        break;
    }
}

/* Key, value, key, value … over the non-empty fields; a known key where a
 * value should be means the previous key's value is empty. */
static void key_values(dt_reader *rd, const dt_line *ln, const dt_field *f, size_t nf)
{
    static const dt_field empty = {"", 0};
    size_t i = 0;
    for (;;) {
        while (i < nf && !f[i].len)
            i++;
        if (i >= nf)
            return;
        const dt_field *key = &f[i++];
        size_t j = i;
        while (j < nf && !f[j].len)
            j++;
        const dt_field *val = &empty;
        if (j < nf && !is_key(rd, &f[j])) {
            val = &f[j];
            i = j + 1;
        } else {
            i = j;
        }
        set_attr(rd, key, val, ln->no);
        if (rd->failed)
            return;
    }
}

static void indicator_row(dt_reader *rd, const dt_line *ln, const dt_field *f, size_t nf)
{
    dt_table_state *st = &rd->cur;
    const dt_layout *L = &st->layout;
    const dt_field *name = NULL;
    size_t lim = nf < L->width ? nf : L->width;
    int any = 0;
    for (size_t i = 0; i < lim; i++) {
        if (!f[i].len || L->map[i].what != DT_COL_TEXT)
            continue;
        any = 1;
        if (!name && L->map[i].role == BR_ROLE_NAME)
            name = &f[i];
    }
    char label[1024] = "";
    if (name)
        dt_copy(name->s, name->len, label, sizeof label);
    if (any) {
        br_row *r = dt_host->table_add_row(st->t, NULL, label, BR_SIDE_NONE, ln->no);
        if (!r) {
            rd->failed = 1;
            return;
        }
        st->nrows++;
        for (size_t i = 0; i < lim; i++) {
            const dt_colmap *m = &L->map[i];
            const char *s = f[i].s;
            size_t len = f[i].len;
            if (!len || m->what != DT_COL_TEXT)
                continue;
            if (m->role == BR_ROLE_WEIGHT && dt_ends(s, len, "%")) {
                len--; /* "5%" is 5 percent points */
                dt_trim(&s, &len);
            }
            if (dt_host->row_set_text(r, (size_t)m->col, s, len) != BR_OK) {
                rd->failed = 1;
                return;
            }
        }
    }
    /* text beyond the header changes no figure (info); a figure may be the
     * indicator's target or weight (warning) */
    for (size_t i = L->width; i < nf; i++)
        if (f[i].len)
            dt_note(rd, dt_figure(f[i].s, f[i].len, NULL) ? BR_SEV_WARNING : BR_SEV_INFO,
                    label[0] ? label : NULL, BR_ROLE_NONE, ln->no,
                    "field %zu \"%.*s\" lies beyond the indicator header; not read", i + 1,
                    f[i].len > 120 ? 120 : (int)f[i].len, f[i].s);
}

void dt_perf_line(dt_reader *rd, const dt_line *ln, const dt_field *f, size_t nf)
{
    dt_table_state *st = &rd->cur;
    size_t first = 0;
    while (first < nf && !f[first].len)
        first++;
    if (first < nf && st->kind == BR_KIND_PERFORMANCE_PROJECT && st->have_proj_name &&
        is_key(rd, &f[first]) &&
        dt_catalog_attr(st->kind, f[first].s, f[first].len) == DT_ATTR_PROJECT)
        dt_table_restart(rd); /* the next project under the same title */

    if (!dt_table_ensure(rd))
        return;
    if (!st->perf_indicators) {
        if (!is_indicator_header(rd, f, nf)) {
            key_values(rd, ln, f, nf);
            return;
        }
        st->hdr[0] = ln;
        st->nhdr = 1;
        dt_layout_build(rd, &st->layout, st->hdr, 1, 0);
        st->have_layout = 1;
        st->perf_indicators = 1;
        if (dt_host->table_set_columns(st->t, st->layout.roles, st->layout.ncols) != BR_OK)
            rd->failed = 1;
        return;
    }
    if (dt_header_repeat(st->hdr, st->nhdr, f, nf))
        return; /* the indicator header again, on a new page */
    indicator_row(rd, ln, f, nf);
}

void dt_perf_finish(dt_reader *rd)
{
    dt_table_state *st = &rd->cur;
    if (st->kind != BR_KIND_PERFORMANCE_PROJECT || !st->t)
        return;
    if (!st->have_proj_name && !st->have_proj_amount)
        return;
    if (dt_host->table_set_project(st->t, st->proj_code[0] ? st->proj_code : NULL,
                                   st->have_proj_name ? st->proj_name : NULL,
                                   st->have_proj_amount ? &st->proj_amount : NULL) != BR_OK)
        rd->failed = 1;
}
