/*
 * engine.c — the pass over positioned lines (layout.h): table titles (the
 * shared catalog), contents pages skipped, the unit line of each
 * table, header lines until the first data line, data lines into rows,
 * tables continued over pages joined (a repeated title, or rows running on
 * without one), labels wrapped over lines placed by the table's convention
 * (figures on their first, middle or last line: libreader's wrap.c), notes
 * under a table (注:…空表) kept as its attribute, and the lines outside
 * tables read as the narrative.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

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

/* An annex marker alone on its line ("附件 3", "公开01表", "公开表一", "表十二"):
 * a table starts. */
static int annex_marker(const lt_line *ln)
{
    if (ln->nspans != 1)
        return 0;
    const char *s = ln->spans[0].text;
    size_t rest;
    if (dt_marker(s, strlen(s), &rest) && rest >= strlen(s))
        return 1;
    /* "公开01表", "公开 01 表", "公开表一"; "表十二" */
    char sq[64];
    size_t n = lt_squeeze(s, sq, sizeof sq);
    if (n > 0 && n < 30 && dt_starts(sq, n, "公开") &&
        (dt_ends(sq, n, "表") || dt_starts(sq, n, "公开表")))
        return 1;
    return n > strlen("表") && dt_starts(sq, n, "表") && lt_cjk_numeral(sq + strlen("表"));
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
            strncmp(s, "部门名称:", strlen("部门名称:")) == 0 ||
            (dt_marker(s, strlen(s), &rest) && rest >= strlen(s)))
            return 1;
    }
    return annex_marker(ln);
}

static int data_line(const lt_line *ln)
{
    br_decimal d;
    for (size_t i = 0; i < ln->nspans; i++)
        if (lt_figure(ln->spans[i].text, &d) == 1)
            return 1;
    if (ln->nspans >= 2 && lt_digits(ln->spans[0].text) && strlen(ln->spans[0].text) >= 3)
        return 1;
    /* a label cell opening with its subject code, figures on a later line */
    if (ln->nspans == 1 && !lt_digits(ln->spans[0].text) && lt_code_led(ln->spans[0].text))
        return 1;
    if (ln->nspans == 1 && dt_catalog_total_label(ln->spans[0].text,
                                                  strlen(ln->spans[0].text)) == 2)
        return 1;
    /* "合   计" spaced out letter by letter */
    char spaced[32] = "";
    size_t sl = 0;
    for (size_t i = 0; i < ln->nspans && sl < 24; i++) {
        const char *s = ln->spans[i].text;
        if (strlen(s) != 3 || (unsigned char)s[0] < 0xE0)
            break;
        memcpy(spaced + sl, s, 4);
        sl += 3;
        if (i + 1 == ln->nspans && i > 0 && dt_catalog_total_label(spaced, sl) == 2)
            return 1;
    }
    /* row labels numbered "一、" / "(一)" side by side (two panels): headers
     * are not numbered (a label wrapped round its figure line starts a row
     * without figures; a lone numbered line is a heading) */
    int numbered = 0;
    for (size_t i = 0; i < ln->nspans; i++) {
        const char *s = ln->spans[i].text;
        size_t len = strlen(s);
        if ((unsigned char)s[0] >= 0x80 || s[0] == '(') {
            const char *st = s;
            dt_strip_enumerator(&st, &len);
            numbered += st != s;
        }
    }
    return numbered >= 2;
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

/* Under the header (no row yet), a span that ends a header word split over
 * the header's lines ("功能分" / "类科目" / "名称"): with the header text
 * above it in its column it names a column, which that text alone does not. */
static int header_word_end(const lt_engine *e, const lt_span *s)
{
    const lt_table *t = &e->cur;
    char above[LT_MAX_HDR_LINES * DT_COMP_MAX] = "", word[DT_COMP_MAX];
    size_t al = 0;
    br_role role;
    if (t->in_data || t->nhdr == 0)
        return 0;
    for (size_t h = 0; h < t->nhdr; h++)
        for (size_t k = 0; k < t->hdr[h]->nspans; k++) {
            const lt_span *o = &t->hdr[h]->spans[k];
            if (o->x0 < s->x1 && s->x0 < o->x1 && al + DT_COMP_MAX < sizeof above)
                al += lt_squeeze(o->text, above + al, sizeof above - al);
        }
    if (!al || dt_catalog_column_whole(t->kind, above, &role) != DT_COL_NONE)
        return 0;
    lt_squeeze(s->text, word, sizeof word);
    if (al + strlen(word) + 1 > sizeof above)
        return 0;
    memcpy(above + al, word, strlen(word) + 1);
    return dt_catalog_column_whole(t->kind, above, &role) != DT_COL_NONE;
}

/* The first line of a wrapped row label: one text span, directly above a
 * line of a subject code followed by figures and no label of its own, and
 * right of that code.  The label belongs to that row, not to the header —
 * unless it ends a header word (the code line's label is then below it,
 * its figures printed a line above it). */
static int wrapped_label(const lt_engine *e, size_t i)
{
    const lt_line *ln = &e->in->lines[i];
    if (ln->nspans != 1 || i + 1 >= e->in->nlines)
        return 0;
    const lt_span *s = &ln->spans[0];
    br_decimal d;
    if (lt_figure(s->text, &d) || lt_digits(s->text) || lt_prose(s->text) ||
        dt_catalog_total_label(s->text, strlen(s->text)) || header_word_end(e, s))
        return 0;
    const lt_line *nx = &e->in->lines[i + 1];
    /* (a row numbered 1, 2, … with its 预算单位 before the label: the label
     * is the span under this line) */
    int seq = nx->nspans >= 3 && lt_digits(nx->spans[0].text) && strlen(nx->spans[0].text) <= 3 &&
              !subject_code(nx->spans[0].text);
    if (nx->nspans < 2 || !(subject_code(nx->spans[0].text) || seq) || s->x0 < nx->spans[0].x1)
        return 0;
    int cw = e->in->char_width > 0 ? e->in->char_width : 1;
    size_t lab = 1;
    while (seq && lab + 1 < nx->nspans && nx->spans[lab].x1 + cw < s->x0 &&
           lt_figure(nx->spans[lab].text, &d) != 1)
        lab++;
    /* the code line has no label of its own — but right under a row with a
     * label of its own, in a table none of whose labels has wrapped round its
     * code line yet, the line ends that row's label (the code line's label
     * is then below it, its figures printed a line above) */
    if (lt_figure(nx->spans[lab].text, &d) == 1) {
        const lt_prow *up = e->cur.last;
        if (!e->cur.centred && e->cur.in_data && up && up->line == ln->no - 1 && up->label &&
            up->label[0] && up->code[0] == 0 && !subject_code(nx->spans[0].text))
            return 0;
        return s->x0 < nx->spans[lab].x0;
    }
    /* in a table whose labels wrap round their code line (one was seen),
     * a label of its own that starts where this line starts, figures after:
     * the middle line of a label over three ("机关事业单位 / 2080505 基本养老
     * 保险 446.11 / 缴费支出") */
    if (abs(s->x0 - nx->spans[lab].x0) > 2 * cw)
        return 0;
    /* the PDF shows it: the line sits much closer to the code line below
     * than to the line above (the label's last line merged into the code
     * line: "一般公共服务 / 201 支出 264.87") */
    if (i > 0 && e->in->lines[i - 1].page == ln->page && nx->page == ln->page &&
        2 * (nx->y - ln->y) < ln->y - e->in->lines[i - 1].y)
        return 2; /* the label ends on the code line */
    /* …else not the last line of a label wrapped round the line above (no
     * row above on this page: the first line after the header, the table's
     * or a continuation page's, starts a row) */
    if ((!e->cur.centred && e->cur.in_data) ||
        (i > 0 && e->cur.pre_taken == e->in->lines[i - 1].no))
        return 0;
    for (size_t k = lab + 1; k < nx->nspans; k++)
        if (lt_figure(nx->spans[k].text, &d) == 1)
            return 1;
    return 0;
}

/* The last line with text on its page. */
static int last_of_page(const lt_engine *e, size_t i)
{
    for (size_t j = i + 1; j < e->in->nlines; j++) {
        if (e->in->lines[j].page != e->in->lines[i].page)
            return 1;
        if (e->in->lines[j].nspans)
            return 0;
    }
    return 1;
}

/* A text-only line repeating the header (a new page without the title). */
/* Text a[0..n) is one of the table's header cells (a span of a header line,
 * or a part of one between spaces). */
static int header_word(const lt_table *t, const char *a, size_t n)
{
    for (size_t h = 0; h < t->nhdr; h++)
        for (size_t k = 0; k < t->hdr[h]->nspans; k++) {
            const char *b = t->hdr[h]->spans[k].text;
            char sq[DT_COMP_MAX];
            size_t sl = lt_squeeze(b, sq, sizeof sq);
            if (sl == n && memcmp(sq, a, n) == 0)
                return 1;
            for (const char *p = b; *p;) { /* its parts between spaces */
                while (*p == ' ')
                    p++;
                size_t l = strcspn(p, " ");
                if (l == n && memcmp(p, a, n) == 0)
                    return 1;
                p += l;
            }
        }
    return 0;
}

/* Line ln repeats the header: every span is a header cell — or, cells run
 * together otherwise on a new page ("人员 日常" for "人员" | "日常"), every
 * part of it between spaces is one. */
static int header_repeat(const lt_table *t, const lt_line *ln)
{
    if (t->nhdr == 0 || has_figure(ln))
        return 0;
    for (size_t i = 0; i < ln->nspans; i++) {
        char a[DT_COMP_MAX];
        size_t al = lt_squeeze(ln->spans[i].text, a, sizeof a);
        if (header_word(t, a, al))
            continue;
        const char *p = ln->spans[i].text;
        int parts = 0;
        while (*p) {
            while (*p == ' ')
                p++;
            size_t l = strcspn(p, " ");
            if (l && !header_word(t, p, l))
                return 0;
            parts += l > 0;
            p += l;
        }
        if (parts < 2)
            return 0;
    }
    return 1;
}

/*
 * The open table's title again on a new page, wrapped after its first part
 * (the department's name on a line of its own, "2023 年…基本支出预算表" on
 * the next, a blank line between them): the lines it takes from line i,
 * else 0.  Only the title of the open table, read whole, qualifies.
 */
static size_t continued_title(lt_engine *e, size_t i)
{
    const lt_line *ln = &e->in->lines[i];
    lt_table *t = &e->cur;
    if (!t->have_layout || ln->nspans != 1 || has_figure(ln) ||
        (dt_catalog_kind_flags(t->kind) & DT_PERFORMANCE))
        return 0;
    size_t j = i + 1;
    while (j < e->in->nlines && j <= i + 2 && e->in->lines[j].nspans == 0)
        j++;
    if (j >= e->in->nlines || e->in->lines[j].nspans == 0)
        return 0;
    const char *title;
    size_t used;
    if (lt_title_at(e, j, &title, &used) != (int)t->kind)
        return 0;
    char joined[DT_TITLE_MAX];
    size_t off = dt_copy(ln->spans[0].text, strlen(ln->spans[0].text), joined, sizeof joined);
    dt_copy(title, strlen(title), joined + off, sizeof joined - off);
    return same_title(t->title, joined) ? j - i + used : 0;
}

static void open_table(lt_engine *e, int kind, const char *title, const lt_line *ln)
{
    lt_table *t = &e->cur;
    lt_table_emit(e, t);
    e->ended_on_text = 0;
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
    e->last_table = NULL;
    lt_table_emit(e, &e->cur);
    e->ended_on_text = e->last_table ? e->in->lines[i].no : 0;
    e->narr[i] = 1;
}

/* Fail closed: a line after a table ended on a line of text that reads as
 * one of its rows (a subject code, then figures) — rows the table may have
 * lost.  The table is marked uncertain, once, with a note. */
static void row_after_end(lt_engine *e, size_t i)
{
    const lt_line *ln = &e->in->lines[i];
    if (!e->ended_on_text || !e->last_table || ln->nspans < 2 || !has_figure(ln))
        return;
    const char *first = ln->spans[0].text;
    size_t d = strspn(first, "0123456789");
    if (!(d == 3 || d == 5 || d == 7) || (first[d] && (unsigned char)first[d] < 0x80))
        return;
    char why[160];
    snprintf(why, sizeof why,
             "the table ended at line %ld, and line %ld after it reads as one of its rows: its "
             "rows may not all have been read",
             e->ended_on_text, ln->no);
    if (lt_host->table_set_uncertain(e->last_table, -1, "unread_figures", why) != BR_OK)
        e->failed = 1;
    lt_note(e, NULL, BR_SEV_WARNING, NULL, ln->no,
            "a subject code and figures after the table above ended (line %ld); not read",
            e->ended_on_text);
    e->ended_on_text = 0;
}

/* The end of a department name wrapped under its "部门:" line, before the
 * header ("部门:中国共产党江苏省委员会办" / "公厅"): a lone short text starting
 * within the name. */
static int dept_rest(const lt_table *t, const lt_line *ln)
{
    if (!t->meta || t->nhdr || t->in_data || ln->nspans != 1)
        return 0;
    const lt_span *s = &ln->spans[0];
    br_decimal d;
    if (lt_figure(s->text, &d) || lt_chars(s->text) > 4)
        return 0;
    for (size_t k = 0; k < t->meta->nspans; k++) {
        const lt_span *m = &t->meta->spans[k];
        if (strncmp(m->text, "部门", strlen("部门")) == 0 && s->x0 >= m->x0 && s->x0 < m->x1)
            return 1;
    }
    return 0;
}

/* A heading of a part of the document ("第三部分 2019年度部门预算情况说明"). */
static int part_heading(const lt_line *ln)
{
    const char *s = ln->spans[0].text;
    if (strncmp(s, "第", strlen("第")) != 0)
        return 0;
    const char *end = strstr(s, "部分");
    if (!end || end - s > 16)
        return 0;
    char num[32];
    size_t n = (size_t)(end - s) - strlen("第");
    if (n == 0 || n >= sizeof num)
        return 0;
    memcpy(num, s + strlen("第"), n);
    num[n] = 0;
    return lt_cjk_numeral(num);
}

/* A page footer inside a table ("— 3 —", "第 3 页", "-3-"): skipped, the
 * table goes on after it.  Digits alone only as the last line of a page (a
 * lone figure or code elsewhere is the table's). */
static int page_footer(const lt_engine *e, size_t i)
{
    const lt_line *ln = &e->in->lines[i];
    int bare = 0;
    if (ln->nspans != 1 || !dt_page_footer(ln->spans[0].text, strlen(ln->spans[0].text), &bare))
        return 0;
    return !bare || last_of_page(e, i);
}

/* A header line whose only figures are years wrapped before their 年
 * ("2020" over "年预算" over "数" in a narrow stacked header): header text. */
static int header_year(const lt_engine *e, size_t i)
{
    const lt_line *ln = &e->in->lines[i];
    const lt_line *nx = i + 1 < e->in->nlines ? &e->in->lines[i + 1] : NULL;
    if (!nx || nx->page != ln->page)
        return 0;
    int years = 0;
    br_decimal d;
    for (size_t k = 0; k < ln->nspans; k++) {
        const lt_span *sp = &ln->spans[k];
        if (lt_figure(sp->text, &d) != 1)
            continue;
        int y = lt_digits(sp->text) && strlen(sp->text) == 4 ? atoi(sp->text) : 0;
        if (y < 1990 || y > 2099)
            return 0;
        int under = 0;
        for (size_t m = 0; m < nx->nspans && !under; m++)
            under = strncmp(nx->spans[m].text, "年", strlen("年")) == 0 &&
                    nx->spans[m].x0 < sp->x1 && sp->x0 < nx->spans[m].x1;
        if (!under)
            return 0;
        years++;
    }
    return years > 0;
}

/* ---- labels wrapped over lines: the table's convention ----
 *
 * A row whose label wraps over two or three lines prints its figures on the
 * label's first, middle or last line, one way for the whole table (and the
 * document).  At the table's first data line its lines up to its end are
 * classified as libreader's wrap.c reads them — rows ('F': figures, or a
 * code or number first), pieces ('f': one text span in the label zone, no
 * total, no enumerator, no prose) and breaks ('|': blank line, page change,
 * footer, header or title again) — the conventions that fit kept with the
 * document's, ranked by how text wraps, and every piece placed: with the row
 * below (t->wrap_heads, read_panel) or the row above.  Rows that may or may
 * not own a piece are marked label_fragment.
 */

#define LT_WRAP_LINES 1024 /* lines of one table looked at (the rest: line by line) */

/* Tables the convention is decided for: one list of rows, one label column. */
static int wrap_applies(const lt_table *t)
{
    return t->have_layout && t->L.has_label && !t->L.two_sided && !t->L.vlist && !t->L.bands &&
           !t->L.nrepeat && !t->L.npanels &&
           !(dt_catalog_kind_flags(t->kind) & DT_PERFORMANCE);
}

/* The span of a row line that holds its label: the first text in the label
 * zone that is no cell of a column left out (预算单位), or NULL. */
static const lt_span *wrap_label_span(const lt_table *t, const lt_line *ln)
{
    br_decimal d;
    for (size_t k = 0; k < ln->nspans; k++) {
        const lt_span *s = &ln->spans[k];
        if (lt_digits(s->text) && s->x0 < t->L.label_x1) {
            if (!t->L.has_code && lt_code_head(s->text))
                return s; /* a code printed in the label's cell: its start */
            continue;     /* a code, a row's number */
        }
        if (lt_figure(s->text, &d) || s->x0 >= t->L.label_x1)
            break;
        if (!lt_ignored_cell(t, s))
            return s;
    }
    return NULL;
}

/* Line j, set apart from the lines above by a blank line, is directly over
 * a table title on its page: the title's first line (the department's name
 * printed over it), not a line of the table above. */
static int title_follows(lt_engine *e, size_t j)
{
    const lt_line *ln = &e->in->lines[j];
    const char *title;
    size_t used;
    return j > 0 && j + 1 < e->in->nlines && e->in->lines[j - 1].nspans == 0 &&
           e->in->lines[j + 1].page == ln->page && e->in->lines[j + 1].nspans &&
           lt_title_at(e, j + 1, &title, &used) >= 0;
}

/*
 * What line j of the open table is for its wrapped labels: 'F', 'f' or '|'
 * (*skip lines taken: a wrapped title), or 0 where the table ends; *w the
 * width of its label text in characters, *cl whether it starts with a code.
 */
static char wrap_class(lt_engine *e, const lt_table *t, size_t j, size_t *skip, size_t *w,
                       unsigned char *cl)
{
    const lt_line *ln = &e->in->lines[j];
    *skip = 1;
    *w = 0;
    *cl = 0;
    if (ln->nspans == 0 || page_footer(e, j))
        return '|';
    const char *title;
    size_t used;
    int kind = lt_title_at(e, j, &title, &used);
    if (kind >= 0) {
        if ((br_kind)kind != t->kind || !same_title(t->title, title))
            return 0; /* the next table */
        *skip = used; /* the same table on a new page */
        return '|';
    }
    if ((used = continued_title(e, j)) > 0) {
        *skip = used;
        return '|';
    }
    const char *first = ln->spans[0].text;
    size_t len = strlen(first);
    if (part_heading(ln) || lt_note_line(first) || lt_empty_statement(ln) || annex_marker(ln) ||
        (ln->nspans == 1 && lt_prose(first)))
        return 0; /* (an annex marker: the next table) */
    if (unit_of(ln) != BR_UNIT_UNKNOWN || meta_line(ln) || header_repeat(t, ln))
        return '|';
    const lt_span *lab = NULL;
    char c;
    if (ln->nspans == 1 && lt_digits(first)) {
        /* a code's digits in the label's cell (no code column): a label's
         * first line; else a lone code of a code column, a page number */
        if (t->L.has_code || !lt_code_head(first) || ln->spans[0].x0 >= t->L.label_x1)
            return '|';
        c = 'f';
        lab = &ln->spans[0];
    } else if (has_figure(ln) || (ln->nspans >= 2 && lt_digits(first))) {
        c = 'F';
        lab = wrap_label_span(t, ln);
    } else if (ln->nspans != 1) {
        return t->L.has_code ? 0 : 'F'; /* text cells without figures: a row, or the end */
    } else if (dt_catalog_total_label(first, len) || lt_strip_enum(first, &len) != first) {
        c = 'F'; /* a total, a numbered heading: a row of its own */
        lab = &ln->spans[0];
    } else if (ln->spans[0].x0 >= t->L.label_x1 || lt_ignored_cell(t, &ln->spans[0])) {
        return '|'; /* not in the label's cell */
    } else if (title_follows(e, j)) {
        return 0; /* the first line of the next table's title */
    } else {
        c = 'f';
        lab = &ln->spans[0];
    }
    if (lab) {
        *w = lt_chars(lab->text);
        *cl = (unsigned char)lt_code_head(lab->text);
    }
    return c;
}

/* Decide the open table's convention at its first data line i (e->wrap). */
static void wrap_decide(lt_engine *e, lt_table *t, size_t i)
{
    t->wrap_decided = 1;
    t->wrap_mode = 0;
    if (!wrap_applies(t))
        return;
    char seq[LT_WRAP_LINES];
    size_t at[LT_WRAP_LINES], w[LT_WRAP_LINES], n = 0;
    unsigned char cl[LT_WRAP_LINES], role[LT_WRAP_LINES];
    int page = e->in->lines[i].page, coded = 0;
    for (size_t j = i; j < e->in->nlines && n + 1 < LT_WRAP_LINES;) {
        const lt_line *ln = &e->in->lines[j];
        if (ln->nspans && ln->page != page) {
            page = ln->page; /* a new page: no label runs on over it */
            seq[n] = '|';
            at[n] = j;
            w[n] = cl[n] = 0;
            n++;
        }
        size_t skip;
        char c = wrap_class(e, t, j, &skip, &w[n], &cl[n]);
        if (!c)
            break;
        seq[n] = c;
        at[n] = j;
        coded |= c == 'f' && cl[n];
        n++;
        j += skip;
    }
    /* a row line with no label text beside a piece: the labels are centred
     * on their code lines, each row its own way (pdftotext places a cell's
     * lines round the row's middle) — read line by line (t->pre) */
    for (size_t k = 0; k < n; k++)
        if (seq[k] == 'F' && w[k] == 0 &&
            ((k > 0 && seq[k - 1] == 'f') || (k + 1 < n && seq[k + 1] == 'f')))
            return;
    /* pieces between breaks with no row among them are no row's we can see */
    for (size_t a = 0, b; a < n; a = b + 1) {
        int rows = 0;
        for (b = a; b < n && seq[b] != '|'; b++)
            rows |= seq[b] == 'F';
        for (size_t k = a; k < b && !rows; k++)
            seq[k] = '|';
    }
    int pieces, unsure;
    unsigned ok = dt_wrap_fits(seq, n, &pieces);
    if (!pieces)
        return;
    unsigned mode = dt_wrap_rank(seq, w, cl, n, ok, coded, &e->wrap_doc, &unsure);
    dt_wrap_assign(seq, w, cl, n, mode, coded, unsure, role);
    const char *dbg = getenv("BR_LAYOUT_DEBUG");
    if (dbg && strstr(dbg, "wrap")) { /* BR_LAYOUT_DEBUG=wrap: the sequence and its reading */
        fprintf(stderr, "wrap table line %ld: fits %u mode %u unsure %d doc %u coded %d\n  ",
                e->in->lines[i].no, ok, mode, unsure, e->wrap_doc, coded);
        for (size_t k = 0; k < n; k++)
            fprintf(stderr, "%c%zu%s%s ", seq[k], w[k], cl[k] ? "c" : "",
                    role[k] & DT_PIECE_HEAD ? "v" : role[k] & DT_PIECE_TAIL ? "^" : "");
        fputc('\n', stderr);
    }
    if (coded)
        return; /* labels that start with their codes: a code begins a row,
                 * whatever line its figures are on (read line by line); the
                 * convention they show holds for the document's other tables */
    t->wrap_mode = mode;
    for (size_t k = 0; k < n; k++)
        e->wrap[at[k]] = role[k];
}

/* A piece of a label the convention places (e->wrap[i]): the start of the
 * row below's label, or the rest of the row above's.  1 when placed. */
static int wrap_piece(lt_engine *e, lt_table *t, size_t i)
{
    const lt_line *ln = &e->in->lines[i];
    unsigned role = t->wrap_mode ? e->wrap[i] : 0;
    if (ln->nspans != 1)
        return 0;
    if ((role & DT_PIECE_HEAD) && t->wrap_nheads < sizeof t->wrap_heads / sizeof *t->wrap_heads) {
        t->wrap_heads[t->wrap_nheads++] = ln;
        return 1;
    }
    if ((role & DT_PIECE_TAIL) && t->last) {
        lt_label_append(t->last->label, ln->spans[0].text, strlen(ln->spans[0].text));
        return 1;
    }
    return 0;
}

/* One line inside an open table. */
static void table_line1(lt_engine *e, size_t i)
{
    const lt_line *ln = &e->in->lines[i];
    lt_table *t = &e->cur;
    if (ln->nspans == 0)
        return;
    if (ln->no == t->above_taken)
        return; /* the label of the row above, printed below its figures */
    if (page_footer(e, i))
        return;
    if (dt_catalog_kind_flags(t->kind) & DT_PERFORMANCE) {
        lt_perf_line(e, t, ln);
        return;
    }
    if (dept_rest(t, ln))
        return;
    if (part_heading(ln)) { /* "第三部分 …说明": the tables are over */
        close_table(e, i);
        return;
    }
    br_unit u = unit_of(ln);
    if (u != BR_UNIT_UNKNOWN) {
        if (t->unit == BR_UNIT_UNKNOWN)
            t->unit = u;
        t->meta = ln;
        return;
    }
    if (meta_line(ln)) {
        t->meta = ln;
        return;
    }
    t->meta = NULL;
    const char *first = ln->spans[0].text;
    if (t->in_data && !t->L.two_sided && ln->nspans == 1 && !has_figure(ln) &&
        title_follows(e, i)) {
        close_table(e, i); /* the department's name over the next table's title */
        return;
    }
    if (lt_note_line(first) || lt_empty_statement(ln)) {
        if (lt_empty_note(first) && !t->note[0]) {
            dt_copy(first, strlen(first), t->note, sizeof t->note);
            t->note_line = ln->no;
        }
        /* a table of header only: the note saying it is empty may follow
         * ("注：本表反映…" then "说明：…本年度没有…，故本表无数据。") */
        if (t->nrows == 0 && !t->note[0]) {
            t->noted = 1;
            return;
        }
        lt_table_emit(e, t);
        return;
    }
    if (t->noted) {
        /* the notes under a table end it; a sentence announcing the next
         * note ("…并在本表下方作下述说明：") belongs to them */
        size_t l = strlen(first);
        if (ln->nspans == 1 && (dt_ends(first, l, "：") || dt_ends(first, l, ":")))
            return;
        close_table(e, i);
        return;
    }
    int wrapped = t->L.two_sided ? 0 : wrapped_label(e, i);
    if (!t->in_data) {
        int data = data_line(ln) && !header_year(e, i);
        /* the header repeated on a new page is skipped; the first line that
         * is not a header line starts the rows again, figures or not (a
         * row of labels only, "十九、自然资源海洋气象等支出") */
        if (t->have_layout && t->nrows && !data && !header_repeat(t, ln) && ln->nspans == 1 &&
            !lt_prose(first))
            t->in_data = 1;
        else if (!data && !(wrapped && t->nhdr > 0)) {
            if (ln->nspans == 1 && lt_prose(first)) {
                close_table(e, i); /* prose: no table followed the title */
                return;
            }
            if (!t->have_layout && t->nhdr < LT_MAX_HDR_LINES)
                t->hdr[t->nhdr++] = lt_header_letters(e, t, ln); /* "金   额" */
            else if (t->have_layout && header_repeat(t, ln))
                lt_layout_repage(e, t, ln); /* this page's columns */
            return;
        }
        if (!t->have_layout) {
            if (t->nhdr == 0) {
                close_table(e, i);
                return;
            }
            lt_layout_build(e, t);
            lt_vlist_detect(t);
            lt_bands_detect(t);
        }
        t->in_data = 1;
    }
    int fig = has_figure(ln);
    if (!fig && header_repeat(t, ln)) {
        lt_layout_repage(e, t, ln);
        return;
    }
    if (t->L.vlist || t->L.bands) { /* read whole when emitted (vlist.c, bands.c) */
        int prose = 0;
        for (size_t k = 0; k < ln->nspans; k++)
            prose |= lt_prose(ln->spans[k].text);
        if (prose)
            close_table(e, i);
        else if (!(ln->nspans == 1 && lt_digits(first) && strlen(first) <= 3))
            lt_vlist_line(e, t, ln); /* not a lone page number */
        return;
    }
    if (!t->wrap_decided)
        wrap_decide(e, t, i);
    if (wrap_piece(e, t, i))
        return;
    if (wrapped && !t->L.two_sided && !t->wrap_mode) {
        t->pre = ln; /* read with the code line below */
        t->pre_ends = wrapped == 2;
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
    /* a lone page number: the last line of its page (elsewhere in a coded
     * table a lone 3-digit number is a code whose label follows) */
    if (ln->nspans == 1 && lt_digits(first) && strlen(first) <= 3 &&
        (!t->L.has_code || strlen(first) < 3 || last_of_page(e, i)) &&
        !(!t->L.has_code && !t->L.two_sided && strlen(first) == 3 &&
          lt_host->code_level(first) == 1 && !last_of_page(e, i)))
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
    int *indent = lt_host->doc_alloc(e->doc, (in->nlines ? in->nlines : 1) * sizeof *indent);
    if (!lines.v || !indent)
        return BR_ERR_NOMEM;
    lt_narrative_indents(in, e->narr, indent); /* paragraph starts are indented */
    for (size_t i = 0; i < in->nlines; i++) {
        if (!e->narr[i])
            continue;
        const lt_line *ln = &in->lines[i];
        size_t len = (size_t)indent[i];
        for (size_t s = 0; s < ln->nspans; s++)
            len += strlen(ln->spans[s].text) + 1;
        char *buf = lt_host->doc_alloc(e->doc, len + 1);
        if (!buf)
            return BR_ERR_NOMEM;
        size_t off = (size_t)indent[i];
        memset(buf, ' ', off);
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
        static const char *const keys[] = {"编制部门:", "编制单位:", "部门名称:", "部门:"};
        for (size_t k = 0; k < sizeof keys / sizeof keys[0] && !p; k++)
            if (strncmp(s, keys[k], strlen(keys[k])) == 0)
                p = s + strlen(keys[k]);
        /* "部门:   江苏省人大常委会办公厅": the name in the next span */
        while (p && *p == ' ')
            p++;
        int own_span = 1;
        if (p && !*p && ln->nspans >= 2 &&
            dt_catalog_unit_line(ln->spans[1].text, strlen(ln->spans[1].text)) == BR_UNIT_UNKNOWN) {
            p = ln->spans[1].text;
            own_span = 0;
        }
        if (p && *p) {
            char name[256];
            size_t n = dt_copy(p, strlen(p), name, sizeof name);
            /* "部门:中国共产党江苏省委员会办" over "公厅" */
            const lt_line *nx = i + 1 < e->in->nlines ? &e->in->lines[i + 1] : NULL;
            if (nx && nx->nspans == 1 && lt_chars(nx->spans[0].text) <= 4 &&
                nx->spans[0].x0 >= ln->spans[0].x0 && nx->spans[0].x0 < ln->spans[0].x1 && own_span)
                n += dt_copy(nx->spans[0].text, strlen(nx->spans[0].text), name + n, sizeof name - n);
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

/* BR_LAYOUT_DEBUG=lines: every positioned line as the engine sees it. */
static void debug_lines(const lt_doc *in)
{
    const char *dbg = getenv("BR_LAYOUT_DEBUG");
    if (!dbg || !strstr(dbg, "lines"))
        return;
    for (size_t i = 0; i < in->nlines; i++) {
        const lt_line *ln = &in->lines[i];
        fprintf(stderr, "line %ld p%d y%d:", ln->no, ln->page, ln->y);
        for (size_t s = 0; s < ln->nspans; s++)
            fprintf(stderr, " [%d,%d)%s", ln->spans[s].x0, ln->spans[s].x1, ln->spans[s].text);
        fputc('\n', stderr);
    }
}

lt_reading *lt_reading_new(br_disclosure *doc, int shadow)
{
    lt_reading *rd = lt_host->doc_alloc(doc, sizeof *rd);
    if (rd) {
        rd->shadow = shadow;
        rd->tail = &rd->tables;
    }
    return rd;
}

int lt_read(const lt_doc *in, br_disclosure *doc, const char *path, br_error *err)
{
    return lt_read_reading(in, doc, path, NULL, err);
}

int lt_read_reading(const lt_doc *in, br_disclosure *doc, const char *path, lt_reading *rd,
                    br_error *err)
{
    lt_engine *e = lt_host->doc_alloc(doc, sizeof *e);
    unsigned char *narr = lt_host->doc_alloc(doc, in->nlines + 1);
    if (!e || !narr)
        return BR_ERR_NOMEM;
    e->doc = doc;
    e->in = in;
    e->path = path;
    e->narr = narr;
    if (!(e->wrap = lt_host->doc_alloc(doc, in->nlines + 1)))
        return BR_ERR_NOMEM;
    memset(e->wrap, 0, in->nlines + 1);
    e->rd = rd;
    int shadow = rd && rd->shadow;
    in = e->in = lt_page_numbers(e, in);
    if (e->failed)
        return BR_ERR_NOMEM;
    if (!shadow)
        debug_lines(in);
    /* where each page starts (its first printed line), so findings can name
     * the page of a line */
    for (size_t i = 0, opened = 0; i < in->nlines && !shadow && BR_HOST_HAS(lt_host, doc_set_page);
         i++)
        if (in->lines[i].nspans && (size_t)in->lines[i].page != opened) {
            lt_host->doc_set_page(doc, in->lines[i].no, in->lines[i].page);
            opened = (size_t)in->lines[i].page;
        }
    /* the document's year: the first table title that prints one */
    for (size_t i = 0; i < in->nlines && !e->doc_year; i++) {
        const char *title;
        size_t used;
        if (lt_title_at(e, i, &title, &used) >= 0)
            e->doc_year = dt_year_in(title, strlen(title));
    }
    for (size_t i = 0; i < in->nlines && !e->failed; i++) {
        const lt_line *ln = &in->lines[i];
        const char *title = NULL;
        size_t used = 1;
        int kind = lt_title_at(e, i, &title, &used);
        if (kind >= 0) {
            i += used - 1; /* a title wrapped over two lines */
            /* (a performance table is one project: its title again is the next) */
            if (e->cur.open && e->cur.have_layout && e->cur.kind == (br_kind)kind &&
                !(dt_catalog_kind_flags((br_kind)kind) & DT_PERFORMANCE) &&
                same_title(e->cur.title, title)) {
                e->cur.in_data = 0; /* the same table on a new page: skip its header */
                continue;
            }
            open_table(e, kind, title, ln);
            continue;
        }
        if (!e->cur.open) {
            narr[i] = lt_toc_line(ln) ? 0 : 1;
            row_after_end(e, i);
            continue;
        }
        size_t skip = continued_title(e, i);
        if (skip) { /* the same table on a new page, its title wrapped */
            i += skip - 1;
            e->cur.in_data = 0;
            continue;
        }
        table_line(e, i);
    }
    lt_table_emit(e, &e->cur);
    if (e->failed)
        return BR_ERR_NOMEM;
    if (shadow) /* its tables are in rd; the model is the other reading's */
        return BR_OK;
    if (e->unit_set && !e->unit_mixed)
        lt_host->doc_set_unit(doc, e->unit);
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
