/*
 * perf.c — project performance tables in the layout engine (Shanghai
 * 财政项目支出绩效目标填报表, one project per table):
 *
 *     项目名称  新建…中心      项目性质  阶段性项目 项目类别  特定目标类
 *     项目资金总额   4,100,000.00  年度资金申请总额  4,100,000.00
 *     一级指标   二级指标        三级指标              年度(/项目)指标值
 *              数量指标        规划建筑面积           ≥13459.00(平方米)
 *     产出指标   质量指标        完工及时率              及时率
 *
 * Key/value lines first (keys from the catalog's DT_ATTR rows; a value runs
 * to the next key), then the indicator header (DT_COL_TEXT columns) and
 * the indicators.  Every text of an indicator line is a piece of one
 * column (the nearest header).  Each 指标值 is one indicator; a 三级指标
 * name wrapped over lines joins the indicator whose 指标值 line is nearest
 * (a 指标值 line of its own name first: names are centred round it).  The
 * 一级/二级指标 are merged cells printed once, centred on their block of
 * indicators: blocks are contiguous, so each label takes the run of
 * indicators whose middle is nearest to it.  A 指标值 "≥13459.00(平方米)"
 * is read as operator ≥, target 13459.00, unit 平方米.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

#define PF_MAX_COLS 8

static const char *const level_words[] = {
#define DT_LEVEL(word) word,
#include "catalog.def" /* libreader/catalog.def */
#undef DT_LEVEL
};

/* The name of an 一级 / 二级 indicator (catalog DT_LEVEL). */
static int level_word(const char *s, size_t len)
{
    char buf[DT_COMP_MAX];
    dt_squeeze(s, len, buf, sizeof buf);
    for (size_t i = 0; i < sizeof level_words / sizeof level_words[0]; i++)
        if (strcmp(buf, level_words[i]) == 0)
            return 1;
    return 0;
}

typedef struct pf_piece {
    struct pf_piece *next;
    int col; /* index into pf_state.col */
    int y;
    long line;
    const char *text;
} pf_piece;

typedef struct pf_kv {
    struct pf_kv *next;
    char *key, *val;
} pf_kv;

struct lt_perf {
    int have_hdr;
    size_t ncols;
    struct {
        int x0, x1;
        br_role role;
    } col[PF_MAX_COLS];
    pf_piece *pieces, **ptail;
    pf_kv *kvs, **ktail;
    char name[LT_LABEL_MAX];
    char code[64]; /* the project's code before its name ("50011421T0006…-name") */
    int have_name, have_amount;
    br_decimal amount;
    br_unit unit;
};

static lt_perf *state(lt_engine *e, lt_table *t)
{
    if (!t->perf) {
        t->perf = lt_host->doc_alloc(e->doc, sizeof *t->perf);
        if (!t->perf) {
            e->failed = 1;
            return NULL;
        }
        memset(t->perf, 0, sizeof *t->perf);
        t->perf->ptail = &t->perf->pieces;
        t->perf->ktail = &t->perf->kvs;
    }
    return t->perf;
}

static char *dup(lt_engine *e, const char *s, size_t n)
{
    char *d = lt_host->doc_alloc(e->doc, n + 1);
    if (!d) {
        e->failed = 1;
        return NULL;
    }
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* A span cut at its spaces into parts with their share of its x-extent. */
typedef struct part {
    const char *s;
    size_t len;
    int x0, x1;
} part;

static size_t parts_of(const lt_span *sp, part *out, size_t cap)
{
    size_t n = 0, total = strlen(sp->text);
    for (size_t i = 0; i < total && n < cap;) {
        while (i < total && sp->text[i] == ' ')
            i++;
        size_t j = i;
        while (j < total && sp->text[j] != ' ')
            j++;
        if (j > i) {
            int w = sp->x1 - sp->x0;
            out[n++] = (part){sp->text + i, j - i, sp->x0 + (int)((long)w * (long)i / (long)total),
                              sp->x0 + (int)((long)w * (long)j / (long)total)};
        }
        i = j;
    }
    return n;
}

static br_role text_column(br_kind kind, const char *s, size_t len, dt_what *what)
{
    char buf[DT_COMP_MAX];
    dt_squeeze(s, len, buf, sizeof buf);
    const char *one[1] = {buf};
    br_role r = BR_ROLE_NONE;
    *what = dt_catalog_column(kind, one, 1, &r);
    return r;
}

/* "(元)" / "（万元）": the unit of the table's amounts. */
static br_unit unit_mark(const char *s, size_t len)
{
    char buf[32];
    size_t n = dt_squeeze(s, len, buf, sizeof buf);
    if (n < 3 || buf[0] != '(' || buf[n - 1] != ')')
        return BR_UNIT_UNKNOWN;
    return lt_host->unit_parse(buf + 1, n - 2);
}


static int is_key(br_kind kind, const char *s, size_t len)
{
    br_decimal d;
    return len <= 48 && !dt_figure(s, len, &d) && dt_catalog_attr(kind, s, len) != DT_ATTR_NONE;
}

static void key_values(lt_engine *e, lt_table *t, lt_perf *p, const lt_line *ln)
{
    part parts[LT_MAX_ROW_SPANS];
    size_t np = 0;
    for (size_t k = 0; k < ln->nspans && np < LT_MAX_ROW_SPANS; k++)
        np += parts_of(&ln->spans[k], parts + np, LT_MAX_ROW_SPANS - np);
    for (size_t i = 0; i < np;) {
        br_unit u = unit_mark(parts[i].s, parts[i].len);
        if (u != BR_UNIT_UNKNOWN) {
            p->unit = u;
            i++;
            continue;
        }
        if (!is_key(t->kind, parts[i].s, parts[i].len)) {
            i++; /* a block label ("项目资金") or goal text: not an attribute */
            continue;
        }
        size_t j = i + 1;
        char val[LT_LABEL_MAX] = "";
        size_t vl = 0;
        for (; j < np && !is_key(t->kind, parts[j].s, parts[j].len); j++) {
            if (unit_mark(parts[j].s, parts[j].len) != BR_UNIT_UNKNOWN)
                break;
            if (vl && vl + 1 < sizeof val)
                val[vl++] = ' ';
            vl += dt_copy(parts[j].s, parts[j].len, val + vl, sizeof val - vl);
        }
        char key[DT_COMP_MAX];
        size_t kl = dt_squeeze(parts[i].s, parts[i].len, key, sizeof key);
        /* "其中：当年财政拨款": the key without its lead-in */
        const char *k0 = key;
        const char *colon = strstr(key, ":");
        if (colon && colon[1])
            k0 = colon + 1, kl -= (size_t)(k0 - key);
        pf_kv *kv = lt_host->doc_alloc(e->doc, sizeof *kv);
        if (!kv || !(kv->key = dup(e, k0, kl)) || !(kv->val = dup(e, val, vl))) {
            e->failed = 1;
            return;
        }
        kv->next = NULL;
        *p->ktail = kv;
        p->ktail = &kv->next;
        switch (dt_catalog_attr(t->kind, key, strlen(key))) {
        case DT_ATTR_PROJECT:
            if (!p->have_name) {
                size_t cl = dt_project_code_len(val, vl);
                if (cl && cl < sizeof p->code)
                    dt_copy(val, cl, p->code, sizeof p->code);
                else
                    cl = 0;
                const char *nm = val + (cl ? cl + 1 : 0);
                size_t nl = vl - (cl ? cl + 1 : 0);
                dt_trim(&nm, &nl);
                dt_copy(nm, nl, p->name, sizeof p->name);
                p->have_name = nl > 0;
            }
            break;
        case DT_ATTR_AMOUNT:
            if (!p->have_amount && dt_figure(val, vl, &p->amount))
                p->have_amount = 1;
            break;
        default:
            break;
        }
        i = j;
    }
}

static int indicator_header(lt_table *t, lt_perf *p, const lt_line *ln)
{
    size_t n = 0;
    for (size_t k = 0; k < ln->nspans; k++) {
        dt_what w;
        br_role r = text_column(t->kind, ln->spans[k].text, strlen(ln->spans[k].text), &w);
        if (w == DT_COL_TEXT && n < PF_MAX_COLS) {
            p->col[n].x0 = ln->spans[k].x0;
            p->col[n].x1 = ln->spans[k].x1;
            p->col[n].role = r;
            n++;
        }
    }
    if (n < 2)
        return 0;
    p->ncols = n;
    p->have_hdr = 1;
    return 1;
}

static int nearest_col(const lt_perf *p, int x0, int x1)
{
    int best = -1, bd = 0;
    for (size_t c = 0; c < p->ncols; c++) {
        int d = abs((x0 + x1) - (p->col[c].x0 + p->col[c].x1));
        if (best < 0 || d < bd) {
            best = (int)c;
            bd = d;
        }
    }
    return best;
}

static int col_of_role(const lt_perf *p, br_role role)
{
    for (size_t c = 0; c < p->ncols; c++)
        if (p->col[c].role == role)
            return (int)c;
    return -1;
}

static void add_piece(lt_engine *e, lt_perf *p, const lt_line *ln, int col, const char *s,
                      size_t len)
{
    pf_piece *pc = lt_host->doc_alloc(e->doc, sizeof *pc);
    if (!pc || !(pc->text = dup(e, s, len))) {
        e->failed = 1;
        return;
    }
    pc->next = NULL;
    pc->col = col;
    pc->y = ln->y;
    pc->line = ln->no;
    *p->ptail = pc;
    p->ptail = &pc->next;
}

static void indicator_line(lt_engine *e, lt_table *t, lt_perf *p, const lt_line *ln)
{
    int name = col_of_role(p, BR_ROLE_NAME);
    int name_x0 = name >= 0 ? p->col[name].x0 : 0;
    for (size_t k = 0; k < ln->nspans; k++) {
        const lt_span *sp = &ln->spans[k];
        part parts[16];
        size_t np = 1;
        parts[0] = (part){sp->text, strlen(sp->text), sp->x0, sp->x1};
        /* indicator names one space apart ("效益指标 社会效益指标") are two
         * cells (not a name with a space in it) */
        if (sp->x0 < name_x0) {
            part pp[16];
            size_t n = parts_of(sp, pp, 16), words = 0;
            while (words + 1 < n && level_word(pp[words].s, pp[words].len))
                words++;
            if (n > 1 && words + 1 == n) {
                memcpy(parts, pp, n * sizeof *pp);
                np = n;
            }
        }
        for (size_t i = 0; i < np; i++) {
            dt_what w;
            text_column(t->kind, parts[i].s, parts[i].len, &w);
            if (w == DT_COL_IGNORE) /* the block's label ("绩效指标") */
                continue;
            int c = nearest_col(p, parts[i].x0, parts[i].x1);
            if (c >= 0)
                add_piece(e, p, ln, c, parts[i].s, parts[i].len);
        }
    }
}

void lt_perf_line(lt_engine *e, lt_table *t, const lt_line *ln)
{
    lt_perf *p = state(e, t);
    if (!p || ln->nspans == 0)
        return;
    if (!p->have_hdr) {
        if (!indicator_header(t, p, ln))
            key_values(e, t, p, ln);
        return;
    }
    indicator_line(e, t, p, ln);
}

/* ---- emit ---- */

typedef struct pf_row {
    const pf_piece *target;
    int top, bot;  /* y extent of its pieces */
    char name[LT_LABEL_MAX];
    char weight[32]; /* 指标权重, without its "%" */
    const char *group[2]; /* level1, level2 */
} pf_row;

typedef struct pf_label {
    char text[LT_LABEL_MAX];
    int top, bot;
} pf_label;

static int line_has(const lt_perf *p, int y, int col)
{
    for (const pf_piece *pc = p->pieces; pc; pc = pc->next)
        if (pc->y == y && pc->col == col)
            return 1;
    return 0;
}

/* Group labels of one column: a piece that is not an indicator name by
 * itself ("服务对象满意") takes the next piece within two lines ("度指标"). */
static size_t labels_of(const lt_perf *p, int col, pf_label *out, size_t cap, int pitch)
{
    size_t n = 0;
    for (const pf_piece *pc = p->pieces; pc; pc = pc->next) {
        if (pc->col != col)
            continue;
        if (n > 0 && !level_word(out[n - 1].text, strlen(out[n - 1].text)) &&
            pc->y - out[n - 1].bot <= 2 * pitch) {
            size_t l = strlen(out[n - 1].text);
            dt_squeeze(pc->text, strlen(pc->text), out[n - 1].text + l, sizeof out[n - 1].text - l);
            out[n - 1].bot = pc->y;
            continue;
        }
        if (n == cap)
            break;
        dt_squeeze(pc->text, strlen(pc->text), out[n].text, sizeof out[n].text);
        out[n].top = out[n].bot = pc->y;
        n++;
    }
    return n;
}

/*
 * Blocks of rows for centred labels: the labels, in order, split the units
 * (rows, or blocks of the level below: 二级 blocks nest in 一级 ones) into
 * contiguous blocks, one each; the split taken is the one whose blocks'
 * middles lie nearest their labels (least total distance; dynamic
 * programming over where each block ends).  unit_end[u] is the last row of
 * unit u.
 */
static void assign_blocks(lt_engine *e, pf_row *rows, size_t nr, const size_t *unit_end,
                          size_t nu, const pf_label *lab, size_t nl, int level)
{
    if (nl == 0 || nu == 0)
        return;
    if (nl > nu)
        nl = nu;
    /* cost[j][u]: best total for labels [0, j] with label j's block ending at unit u */
    long *cost = lt_host->doc_alloc(e->doc, nl * nu * sizeof *cost);
    size_t *from = lt_host->doc_alloc(e->doc, nl * nu * sizeof *from);
    if (!cost || !from) {
        e->failed = 1;
        return;
    }
    for (size_t j = 0; j < nl; j++)
        for (size_t u = 0; u < nu; u++) {
            cost[j * nu + u] = -1;
            long want = (long)lab[j].top + lab[j].bot;
            /* the block starts at unit s (after label j-1's block ended at s-1) */
            for (size_t st = j; st <= u; st++) {
                long before = 0;
                if (j > 0) {
                    if (st == 0 || cost[(j - 1) * nu + st - 1] < 0)
                        continue;
                    before = cost[(j - 1) * nu + st - 1];
                } else if (st != 0) {
                    continue;
                }
                size_t r0 = st ? unit_end[st - 1] + 1 : 0;
                long c = before + labs((long)rows[r0].top + rows[unit_end[u]].bot - want);
                /* ties: the earlier label takes the rows between (pdftotext
                 * rounds a centre that falls between lines down) */
                if (cost[j * nu + u] < 0 || c <= cost[j * nu + u]) {
                    cost[j * nu + u] = c;
                    from[j * nu + u] = st;
                }
            }
        }
    /* the last block ends at the last unit; walk back */
    size_t u = nu - 1;
    for (size_t j = nl; j-- > 0;) {
        if (cost[j * nu + u] < 0)
            return;
        size_t st = from[j * nu + u];
        size_t r0 = st ? unit_end[st - 1] + 1 : 0;
        for (size_t k = r0; k <= unit_end[u] && k < nr; k++)
            rows[k].group[level] = lab[j].text;
        if (st == 0)
            break;
        u = st - 1;
    }
}

/* The units of rows under level `level`'s labels: its blocks (same label
 * text in a run) end where the text changes. */
static size_t units_of(const pf_row *rows, size_t nr, int level, size_t *unit_end)
{
    size_t n = 0;
    for (size_t r = 0; r < nr; r++)
        if (r + 1 == nr || level < 0 || rows[r + 1].group[level] != rows[r].group[level])
            unit_end[n++] = r;
    return n;
}

/* "≥13459.00(平方米)" → operator, figure, unit; else the whole text is the target. */
static void split_target(const char *s, char *op, char *val, char *unit)
{
    static const char *const ops[] = {"≥", "≤", ">=", "<=", "＞", "＜", ">", "<", "="};
    op[0] = val[0] = unit[0] = 0;
    const char *p = s;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strncmp(p, ops[i], strlen(ops[i])) == 0) {
            strcpy(op, ops[i]);
            p += strlen(ops[i]);
            break;
        }
    size_t n = 0;
    while ((p[n] >= '0' && p[n] <= '9') || p[n] == '.' || p[n] == ',')
        n++;
    const char *rest = p + n;
    char rb[LT_LABEL_MAX];
    size_t rl = dt_squeeze(rest, strlen(rest), rb, sizeof rb);
    int paren = rl >= 2 && rb[0] == '(' && rb[rl - 1] == ')';
    if (n == 0 || (rl && !paren && strcmp(rb, "%") != 0)) {
        op[0] = 0;
        strcpy(val, s); /* words: the target as printed */
        return;
    }
    memcpy(val, p, n);
    val[n] = 0;
    if (paren) {
        memcpy(unit, rb + 1, rl - 2);
        unit[rl - 2] = 0;
    } else if (rl) {
        strcpy(unit, rb);
    }
}

void lt_perf_emit(lt_engine *e, lt_table *t)
{
    lt_perf *p = t->perf;
    if (!p || !p->have_hdr)
        return; /* a title without its form */
    int cl1 = col_of_role(p, BR_ROLE_LEVEL1), cl2 = col_of_role(p, BR_ROLE_LEVEL2);
    int cname = col_of_role(p, BR_ROLE_NAME), ctarget = col_of_role(p, BR_ROLE_TARGET);
    if (cname < 0 || ctarget < 0)
        return;
    /* the indicators: one per 指标值 */
    size_t nr = 0;
    for (const pf_piece *pc = p->pieces; pc; pc = pc->next)
        nr += pc->col == ctarget;
    pf_row *rows = nr ? lt_host->doc_alloc(e->doc, nr * sizeof *rows) : NULL;
    if (nr && !rows) {
        e->failed = 1;
        return;
    }
    size_t k = 0;
    for (const pf_piece *pc = p->pieces; pc; pc = pc->next)
        if (pc->col == ctarget) {
            memset(&rows[k], 0, sizeof rows[k]);
            rows[k].target = pc;
            rows[k].top = rows[k].bot = pc->y;
            k++;
        }
    /* names: the indicator on the line, else the nearest 指标值 line, one
     * without a name of its own first, then the one above */
    for (const pf_piece *pc = p->pieces; pc && nr; pc = pc->next) {
        if (pc->col != cname)
            continue;
        size_t best = 0;
        long bd = -1;
        int bown = 1;
        for (size_t r = 0; r < nr; r++) {
            long d = labs((long)pc->y - rows[r].target->y);
            int own = d != 0 && line_has(p, rows[r].target->y, cname);
            if (bd < 0 || d < bd || (d == bd && !own && bown)) {
                bd = d;
                best = r;
                bown = own;
            }
        }
        size_t l = strlen(rows[best].name);
        dt_squeeze(pc->text, strlen(pc->text), rows[best].name + l, sizeof rows[best].name - l);
        if (pc->y < rows[best].top)
            rows[best].top = pc->y;
        if (pc->y > rows[best].bot)
            rows[best].bot = pc->y;
    }
    /* weights: each piece of the 权重 column with the indicator whose
     * 指标值 line is nearest (the earlier one on a tie) */
    int cweight = col_of_role(p, BR_ROLE_WEIGHT);
    for (const pf_piece *pc = p->pieces; pc && nr && cweight >= 0; pc = pc->next) {
        if (pc->col != cweight)
            continue;
        size_t best = 0;
        long bd = -1;
        for (size_t r = 0; r < nr; r++) {
            long d = labs((long)pc->y - rows[r].target->y);
            if (bd < 0 || d < bd) {
                bd = d;
                best = r;
            }
        }
        size_t l = strlen(rows[best].weight);
        dt_squeeze(pc->text, strlen(pc->text), rows[best].weight + l,
                   sizeof rows[best].weight - l);
    }
    for (size_t r = 0; r < nr && cweight >= 0; r++) {
        size_t l = strlen(rows[r].weight);
        if (l && rows[r].weight[l - 1] == '%')
            rows[r].weight[l - 1] = 0; /* "5%" is 5 percent points */
    }
    /* the line pitch (for wrapped group labels): the smallest gap between lines */
    int pitch = 0;
    for (size_t r = 1; r < nr; r++) {
        int d = rows[r].target->y - rows[r - 1].target->y;
        if (d > 0 && (!pitch || d < pitch))
            pitch = d;
    }
    pf_label labs1[64], labs2[64];
    size_t n1 = cl1 >= 0 ? labels_of(p, cl1, labs1, 64, pitch) : 0;
    size_t n2 = cl2 >= 0 ? labels_of(p, cl2, labs2, 64, pitch) : 0;
    size_t *ends = nr ? lt_host->doc_alloc(e->doc, nr * sizeof *ends) : NULL;
    if (nr && !ends) {
        e->failed = 1;
        return;
    }
    size_t nu = units_of(rows, nr, -1, ends); /* rows */
    assign_blocks(e, rows, nr, ends, nu, labs2, n2, 1);
    if (n2)
        nu = units_of(rows, nr, 1, ends); /* 二级 blocks */
    assign_blocks(e, rows, nr, ends, nu, labs1, n1, 0);

    /* the weight column only where the header has one */
    static const br_role roles[] = {BR_ROLE_LEVEL1, BR_ROLE_LEVEL2,  BR_ROLE_NAME,  BR_ROLE_TARGET,
                                    BR_ROLE_OPERATOR, BR_ROLE_UNIT, BR_ROLE_WEIGHT};
    size_t ncell = sizeof roles / sizeof roles[0] - (cweight < 0);
    br_table *bt = lt_host->doc_add_table(e->doc, t->kind, t->title, p->unit, t->title_line);
    if (!bt || lt_host->table_set_columns(bt, roles, ncell) != BR_OK) {
        e->failed = 1;
        return;
    }
    e->ntables++;
    for (const pf_kv *kv = p->kvs; kv; kv = kv->next)
        if (lt_host->table_set_attr(bt, kv->key, kv->val) != BR_OK)
            e->failed = 1;
    if ((p->have_name || p->have_amount) &&
        lt_host->table_set_project(bt, p->code[0] ? p->code : NULL, p->have_name ? p->name : NULL,
                                   p->have_amount ? &p->amount : NULL) != BR_OK)
        e->failed = 1;
    for (size_t r = 0; r < nr; r++) {
        br_row *row = lt_host->table_add_row(bt, NULL, rows[r].name, BR_SIDE_NONE,
                                             rows[r].target->line);
        if (!row) {
            e->failed = 1;
            return;
        }
        char op[8], val[LT_LABEL_MAX], unit[64];
        split_target(rows[r].target->text, op, val, unit);
        const char *cell[7] = {rows[r].group[0], rows[r].group[1], rows[r].name, val, op, unit,
                               rows[r].weight};
        for (size_t c = 0; c < ncell; c++)
            if (cell[c] && cell[c][0] &&
                lt_host->row_set_text(row, c, cell[c], strlen(cell[c])) != BR_OK)
                e->failed = 1;
    }
}
