/*
 * header.c — a table's column layout from its (multi-line, spanning)
 * header, and recognising a header repeated after a page break.
 *
 * Each column's header path is the text at its tab index in every header
 * line, top first.  A spanning cell is printed once, in its leftmost column;
 * so an empty field takes the nearest non-empty field to its left in the
 * same line — but only when a lower header line has text at that index (the
 * column really sits under a spanning cell).  That gives
 * "2021 年预算数 / 公务用车购置及运行费 / 公务用车运行维护费", and keeps a
 * leaf like "公务用车运行维护费" from spilling into the next column.
 */
#include <stdio.h>
#include <string.h>

#include "tables.h"

typedef struct hdr_fields {
    dt_field f[DT_MAX_FIELDS];
    size_t n;
} hdr_fields;

static int nonempty(const hdr_fields *h, size_t i) { return i < h->n && h->f[i].len > 0; }

/* The text of header line h at index i, with spanning inheritance: a blank
 * field over text lies under the merged cell to its left on its line, but
 * never across a cell that starts on a line above ("公务接待费" over a blank
 * over "2021年预算数" is not under the 公务用车运行维护费 left of it). */
static const dt_field *path_field(const hdr_fields *H, size_t nhdr, size_t h, size_t i)
{
    if (nonempty(&H[h], i))
        return &H[h].f[i];
    int below = 0;
    for (size_t k = h + 1; k < nhdr && !below; k++)
        below = nonempty(&H[k], i);
    if (!below)
        return NULL;
    for (size_t j = i; j-- > 0;) {
        for (size_t k = 0; k < h; k++)
            if (nonempty(&H[k], j + 1))
                return NULL; /* a cell above starts between */
        if (nonempty(&H[h], j))
            return &H[h].f[j];
    }
    return NULL;
}

static int model_column(dt_layout *L, br_role role)
{
    for (size_t c = 0; c < L->ncols; c++)
        if (L->roles[c] == role)
            return (int)c;
    if (L->ncols >= DT_MAX_COLUMNS)
        return -1;
    L->roles[L->ncols] = role;
    return (int)L->ncols++;
}

static int is_structure(dt_what w)
{
    return w == DT_COL_CODE || w == DT_COL_DEPT || w == DT_COL_SEQ || w == DT_COL_LABEL ||
           w == DT_COL_IGNORE;
}

/* path[from..to) joined into buf (NUL-terminated); its length. */
static size_t join(const char *const *path, size_t from, size_t to, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t h = from; h < to; h++) {
        size_t l = strlen(path[h]);
        if (n + l >= cap)
            break;
        memcpy(buf + n, path[h], l + 1);
        n += l;
    }
    return n;
}

/*
 * What a column's header path names.  A header cell's words may be split
 * over lines ("人员经" / "费", "科目编" / "码") the way merged cells print:
 * from the lowest line up, the text of that line joined with the lines
 * below it is matched (the lines above only for the catalog's `under`), so
 * the most specific complete words win; the components alone last.
 */
static dt_what classify(br_kind kind, const char *const *path, size_t depth, br_role *role)
{
    char joined[DT_MAX_HEADER * DT_COMP_MAX];
    const char *p[DT_MAX_HEADER];
    for (size_t k = depth; k-- > 0;) {
        if (!path[k][0])
            continue;
        for (size_t h = 0; h < k; h++)
            p[h] = path[h];
        join(path, k, depth, joined, sizeof joined);
        p[k] = joined;
        dt_what w = dt_catalog_column_at(kind, p, k + 1, role);
        if (w == DT_COL_MONEY)
            dt_catalog_period_heading(kind, p, k, role);
        if (w != DT_COL_NONE)
            return w;
    }
    return dt_catalog_column(kind, path, depth, role);
}

/*
 * The year a column's words name relative to the table's ("上年预算数",
 * "本年基本支出": a year word before the words of a money column): its
 * offset, or 0 when none.
 */
static int relative_year(br_kind kind, const char *all, size_t n)
{
    for (size_t i = 0; i < n; i += dt_char_at(all, n, i)) {
        int off;
        size_t wl = dt_catalog_year_word(all + i, n - i, &off);
        if (!wl)
            continue;
        const char *rest = all + i + wl;
        br_role r;
        if (dt_catalog_column_at(kind, &rest, 1, &r) == DT_COL_MONEY)
            return off;
    }
    return 0;
}

/* What a column of a built layout is, a money column repeating a role
 * counted as money. */
static dt_what what_of(const dt_colmap *m)
{
    return m->unread == DT_UNREAD_DUPLICATE ? DT_COL_MONEY : (dt_what)m->what;
}

/*
 * A one-sided table printed in two panels side by side (基本支出: 人员经费 |
 * 公用经费, each 科目编码 | 科目名称 | 金额; or one list run on in a second
 * copy of its columns): the header's fields are two equal halves, the same
 * kinds of column in the same order, a code or label first, a label and a
 * money column in each.  The fields of one panel, else 0.
 */
static size_t panel_width_of(const dt_layout *P, unsigned flags)
{
    if ((flags & DT_TWO_SIDED) || P->width < 4 || P->width % 2)
        return 0;
    size_t h = P->width / 2;
    dt_what first = what_of(&P->map[0]);
    if (first != DT_COL_CODE && first != DT_COL_LABEL)
        return 0;
    int money = 0, label = 0;
    for (size_t i = 0; i < h; i++) {
        dt_what a = what_of(&P->map[i]);
        if (a != what_of(&P->map[i + h]))
            return 0;
        money |= a == DT_COL_MONEY;
        label |= a == DT_COL_LABEL;
    }
    return money && label ? h : 0;
}

/*
 * The severity of a note on a header column of figures (or of nothing
 * known) whose cells are not read.  In a table of figures a figure found in
 * it later gets a warning of its own (tables.c unread_figure) and marks the
 * table uncertain: the header note alone changes no figure — info.  A
 * performance table's cells are not looked at again: an indicator's target
 * may be among them — a warning; so is a text column (a label's part).
 */
static br_severity unread_severity(const dt_table_state *st)
{
    return (st->flags & DT_PERFORMANCE) ? BR_SEV_WARNING : BR_SEV_INFO;
}

static void build(dt_reader *rd, dt_layout *L, const dt_line *const *hdr, size_t nhdr, int quiet,
                  size_t panel_w);

void dt_layout_build(dt_reader *rd, dt_layout *L, const dt_line *const *hdr, size_t nhdr, int quiet)
{
    dt_layout probe;
    build(rd, &probe, hdr, nhdr, 1, 0);
    build(rd, L, hdr, nhdr, quiet, panel_width_of(&probe, rd->cur.flags));
}

static void build(dt_reader *rd, dt_layout *L, const dt_line *const *hdr, size_t nhdr, int quiet,
                  size_t panel_w)
{
    dt_table_state *st = &rd->cur;
    hdr_fields H[DT_MAX_HEADER];
    char comp[DT_MAX_HEADER][DT_COMP_MAX];
    const char *path[DT_MAX_HEADER];

    memset(L, 0, sizeof *L);
    L->first_money = -1;
    L->panel_total_col = -1;
    L->panel_width = panel_w;
    if (nhdr > DT_MAX_HEADER)
        nhdr = DT_MAX_HEADER;
    for (size_t h = 0; h < nhdr; h++) {
        H[h].n = dt_fields(hdr[h]->s, hdr[h]->len, H[h].f, DT_MAX_FIELDS, NULL);
        if (H[h].n > L->width)
            L->width = H[h].n;
    }

    /* The year the columns are compared with: the title's, the document's,
     * else the latest year in the header (so earlier groups are prev_). */
    int ref = st->year ? st->year : rd->doc_year;
    if (!ref)
        for (size_t h = 0; h < nhdr; h++)
            for (size_t i = 0; i < H[h].n; i++) {
                int y = dt_year_in(H[h].f[i].s, H[h].f[i].len);
                if (y > ref)
                    ref = y;
            }

    /* stage words pair a budget with a final figure under each heading only
     * where the header prints the final one (决算数): "预算数" beside 上年执行数
     * is this year's budget */
    int finals = 0;
    for (size_t h = 0; h < nhdr; h++)
        for (size_t i = 0; i < H[h].n; i++) {
            char w[DT_COMP_MAX];
            dt_squeeze(H[h].f[i].s, H[h].f[i].len, w, sizeof w);
            finals |= dt_catalog_stage(st->kind, w) == 0;
        }
    br_side last_side = BR_SIDE_INCOME;
    int named = 0, labels = 0;
    for (size_t i = 0; i < L->width; i++) {
        dt_colmap *m = &L->map[i];
        m->what = DT_COL_NONE;
        m->col = -1;
        m->panel = (unsigned char)(panel_w ? i / panel_w : 0);
        int any = 0, year = 0;
        br_side side = BR_SIDE_NONE;
        for (size_t h = 0; h < nhdr; h++) {
            const dt_field *f = path_field(H, nhdr, h, i);
            comp[h][0] = '\0';
            if (f) {
                dt_squeeze(f->s, f->len, comp[h], sizeof comp[h]);
                any |= comp[h][0] != '\0';
                int y = dt_year_in(comp[h], strlen(comp[h]));
                if (y && !year)
                    year = y;
                if (side == BR_SIDE_NONE)
                    side = dt_catalog_side(comp[h]);
            }
            path[h] = comp[h];
        }
        if (!any)
            continue;

        br_role role;
        dt_what what = classify(st->kind, path, nhdr, &role);
        /* 预算数 | 决算数 under each heading of a final-accounts table: the
         * heading's column at that stage (DT_STAGE; its budget twin) */
        size_t low = nhdr;
        while (low > 0 && !path[low - 1][0])
            low--;
        int stage = low > 1 && finals ? dt_catalog_stage(st->kind, path[low - 1]) : -1;
        if (what == DT_COL_MONEY && stage >= 0) {
            br_role twin = dt_catalog_stage_role(role, stage);
            if (twin != BR_ROLE_NONE)
                role = twin;
        }
        int earlier = 0;
        if (what == DT_COL_MONEY) {
            char all[DT_MAX_HEADER * DT_COMP_MAX];
            size_t n = join(path, 0, nhdr, all, sizeof all);
            int y = year ? year : dt_year_in(all, n);
            if (y && ref)
                earlier = y < ref;
            else if (!y)
                earlier = relative_year(st->kind, all, n) < 0;
            if (!year)
                year = y ? y : (ref ? ref - 1 : 0);
        }
        if (earlier) {
            br_role prev = dt_catalog_prev_role(role);
            if (prev == BR_ROLE_NONE) {
                /* a column the model does not have: no figure of it changes */
                if (!quiet)
                    dt_note(rd, BR_SEV_INFO, NULL, role, hdr[0]->no,
                            "header column %zu is the %d group's %s, which this table kind "
                            "does not have; its cells are not read",
                            i + 1, year, dt_host->role_name(role));
                m->unread = DT_UNREAD_NO_TWIN;
                continue;
            }
            role = prev;
        }
        if (what == DT_COL_NONE) {
            if (!quiet) {
                char shown[DT_MAX_HEADER * DT_COMP_MAX];
                size_t k = 0;
                for (size_t h = 0; h < nhdr; h++) {
                    if (!comp[h][0])
                        continue;
                    k += (size_t)snprintf(shown + k, sizeof shown - k, "%s%s", k ? " / " : "",
                                          comp[h]);
                    if (k >= sizeof shown)
                        break;
                }
                dt_note(rd, unread_severity(st), NULL, BR_ROLE_NONE, hdr[0]->no,
                        "header column %zu \"%s\" is not recognised; its cells are not read", i + 1,
                        shown);
            }
            m->unread = DT_UNREAD_UNKNOWN;
            continue;
        }
        if (st->flags & DT_TWO_SIDED) {
            /* a column takes its panel from a "收入"/"支出" above it; without
             * any such word, the second label column starts the second panel */
            labels += what == DT_COL_LABEL;
            if (side != BR_SIDE_NONE)
                named = 1;
            else if (!named)
                side = labels >= 2 ? BR_SIDE_EXPENDITURE : BR_SIDE_INCOME;
            else
                side = last_side;
            last_side = side;
        }
        m->side = (unsigned char)side;

        if (what == DT_COL_MONEY || what == DT_COL_TEXT) {
            /* one column per role (per panel in a two-sided table); the
             * same column in the next panel of a list printed in panels
             * shares it */
            int dup = -1, shared = -1;
            for (size_t j = 0; j < i && dup < 0 && shared < 0; j++)
                if ((L->map[j].what == DT_COL_MONEY || L->map[j].what == DT_COL_TEXT) &&
                    L->map[j].role == role && L->map[j].side == side) {
                    if (panel_w && L->map[j].panel != m->panel && j % panel_w == i % panel_w)
                        shared = L->map[j].col;
                    else
                        dup = L->map[j].col;
                }
            int col = dup >= 0 ? -1 : shared >= 0 ? shared : model_column(L, role);
            if (col < 0) {
                if (!quiet)
                    dt_note(rd, what == DT_COL_MONEY ? unread_severity(st) : BR_SEV_WARNING, NULL,
                            role, hdr[0]->no,
                            "header column %zu repeats the role %s (or the table has too many "
                            "columns); its cells are not read",
                            i + 1, dt_host->role_name(role));
                m->unread = dup >= 0 ? DT_UNREAD_DUPLICATE : DT_UNREAD_UNKNOWN;
                continue;
            }
            m->col = (signed char)col;
            m->role = (unsigned char)role;
            if (what == DT_COL_MONEY) {
                L->nmoney++;
                if (L->first_money < 0)
                    L->first_money = (int)i;
            }
        }
        m->what = (unsigned char)what;
    }

    if (nhdr == 0) {
        /* no header: codes and labels by position, figures cannot be placed */
        L->width = 2;
        L->map[0] = (dt_colmap){DT_COL_CODE, BR_SIDE_NONE, -1, BR_ROLE_NONE, DT_UNREAD_NO, 0};
        L->map[1] = (dt_colmap){DT_COL_LABEL, BR_SIDE_NONE, -1, BR_ROLE_NONE, DT_UNREAD_NO, 0};
    }
    /* panels whose money columns are distinct parts of one identity
     * (人员经费 | 公用经费 of total): its total is a column too */
    if (panel_w) {
        br_role roles[DT_MAX_FIELDS];
        size_t nr = 0, per[DT_MAX_FIELDS] = {0};
        int has_total = 0;
        for (size_t i = 0; i < L->width; i++)
            if (L->map[i].what == DT_COL_MONEY) {
                roles[nr++] = (br_role)L->map[i].role;
                per[L->map[i].panel]++;
            }
        int one_each = nr == L->width / panel_w;
        for (size_t p = 0; p < L->width / panel_w; p++)
            one_each &= per[p] == 1;
        br_role total = one_each ? dt_panel_total(st->kind, roles, nr) : BR_ROLE_NONE;
        for (size_t i = 0; i < nr; i++)
            has_total |= roles[i] == total;
        if (total != BR_ROLE_NONE && !has_total)
            L->panel_total_col = model_column(L, total);
    }
    L->leading_structure = L->first_money >= 0;
    for (size_t i = 0; i < L->width; i++) {
        dt_what w = (dt_what)L->map[i].what;
        if ((int)i > L->first_money && is_structure(w))
            L->leading_structure = 0;
    }
}

/* One of a, b is a prefix of the other (a header truncated at a page edge). */
static int prefix_compatible(const char *a, size_t al, const char *b, size_t bl)
{
    size_t n = al < bl ? al : bl;
    return n > 0 && memcmp(a, b, n) == 0;
}

int dt_header_repeat(const dt_line *const *hdr, size_t nhdr, const dt_field *f, size_t nf)
{
    hdr_fields H[DT_MAX_HEADER];
    char a[DT_COMP_MAX], b[DT_COMP_MAX];
    int seen = 0;
    if (nhdr > DT_MAX_HEADER)
        nhdr = DT_MAX_HEADER;
    if (nhdr == 0)
        return 0;
    for (size_t h = 0; h < nhdr; h++)
        H[h].n = dt_fields(hdr[h]->s, hdr[h]->len, H[h].f, DT_MAX_FIELDS, NULL);
    for (size_t i = 0; i < nf; i++) {
        if (f[i].len == 0)
            continue;
        /* a figure repeats the header only as the same text (a year split
         * over header lines, "202" / "0 年预算数"), never as a prefix */
        int figure = dt_figure(f[i].s, f[i].len, NULL);
        size_t al = dt_squeeze(f[i].s, f[i].len, a, sizeof a);
        int ok = 0;
        for (size_t h = 0; h < nhdr && !ok; h++) {
            if (!nonempty(&H[h], i))
                continue;
            size_t bl = dt_squeeze(H[h].f[i].s, H[h].f[i].len, b, sizeof b);
            ok = figure ? al == bl && memcmp(a, b, al) == 0 : prefix_compatible(a, al, b, bl);
        }
        if (!ok)
            return 0;
        seen = 1;
    }
    return seen;
}
