/* model.c — disclosure, table, row and narrative: builders and accessors. */
#include <stdint.h>
#include <string.h>

#include <budgetrec/decimal.h>

#include "model_internal.h"

int br_vec_reserve(br_arena *arena, void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return BR_OK;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *nv = br_arena_alloc(arena, ncap * size);
    if (!nv)
        return BR_ERR_NOMEM;
    if (*v)
        memcpy(nv, *v, n * size);
    *v = nv; /* the old block stays in the arena until the document is freed */
    *cap = ncap;
    return BR_OK;
}

#define VEC_PUSH(arena, vec, n, cap) \
    br_vec_reserve((arena), (void **)&(vec), &(cap), (n), sizeof *(vec))

static const char *dup(br_arena *arena, const char *s)
{
    return s ? br_arena_strndup(arena, s, strlen(s)) : NULL;
}

/* ---- disclosure ---- */

br_disclosure *br_disclosure_new(const char *path)
{
    br_arena *arena = br_arena_new(64 * 1024);
    if (!arena)
        return NULL;
    br_disclosure *doc = br_arena_alloc(arena, sizeof *doc);
    if (!doc) {
        br_arena_free(arena);
        return NULL;
    }
    doc->arena = arena;
    doc->path = dup(arena, path ? path : "");
    doc->narrative.doc = doc;
    if (!doc->path || VEC_PUSH(arena, doc->parts, doc->nparts, doc->capparts) != BR_OK) {
        br_arena_free(arena);
        return NULL;
    }
    doc->parts[doc->nparts++] = (br_part){.path = doc->path};
    return doc;
}

void br_disclosure_free(br_disclosure *doc)
{
    if (!doc)
        return;
    for (size_t i = 0; i < doc->nadopted; i++)
        br_arena_free(doc->adopted[i]);
    br_arena_free(doc->arena);
}

br_arena *br_disclosure_arena(br_disclosure *doc) { return doc ? doc->arena : NULL; }
const char *br_disclosure_path(const br_disclosure *doc) { return doc ? doc->path : NULL; }
const char *br_disclosure_department(const br_disclosure *doc) { return doc ? doc->department : NULL; }
const char *br_disclosure_department_code(const br_disclosure *doc)
{
    return doc ? doc->department_code : NULL;
}
int br_disclosure_year(const br_disclosure *doc) { return doc ? doc->year : 0; }
br_unit br_disclosure_unit(const br_disclosure *doc) { return doc ? doc->unit : BR_UNIT_UNKNOWN; }
const char *br_disclosure_reader(const br_disclosure *doc) { return doc ? doc->reader : NULL; }

int br_disclosure_set_department(br_disclosure *doc, const char *name, const char *code)
{
    if (!doc)
        return BR_ERR_ARG;
    if (name && !(doc->department = dup(doc->arena, name)))
        return BR_ERR_NOMEM;
    if (code && !(doc->department_code = dup(doc->arena, code)))
        return BR_ERR_NOMEM;
    return BR_OK;
}

int br_disclosure_set_year(br_disclosure *doc, int year)
{
    if (!doc || year < 0)
        return BR_ERR_ARG;
    doc->year = year;
    return BR_OK;
}

int br_disclosure_set_unit(br_disclosure *doc, br_unit unit)
{
    if (!doc)
        return BR_ERR_ARG;
    doc->unit = unit;
    return BR_OK;
}

int br_disclosure_set_reader(br_disclosure *doc, const char *reader)
{
    if (!doc)
        return BR_ERR_ARG;
    doc->reader = dup(doc->arena, reader);
    if (doc->nparts == 1)
        doc->parts[0].reader = doc->reader;
    return reader && !doc->reader ? BR_ERR_NOMEM : BR_OK;
}

br_phase br_disclosure_phase(const br_disclosure *doc) { return doc ? doc->phase : BR_PHASE_UNKNOWN; }

int br_disclosure_set_phase(br_disclosure *doc, br_phase phase)
{
    if (!doc || (unsigned)phase > BR_PHASE_FINAL)
        return BR_ERR_ARG;
    doc->phase = phase;
    return BR_OK;
}

const char *br_phase_name(br_phase phase)
{
    switch (phase) {
    case BR_PHASE_BUDGET: return "budget";
    case BR_PHASE_FINAL: return "final";
    case BR_PHASE_UNKNOWN: break;
    }
    return NULL;
}

const char *br_disclosure_encoding(const br_disclosure *doc) { return doc ? doc->encoding : NULL; }

int br_disclosure_set_encoding(br_disclosure *doc, const char *encoding)
{
    if (!doc)
        return BR_ERR_ARG;
    doc->encoding = dup(doc->arena, encoding);
    return encoding && !doc->encoding ? BR_ERR_NOMEM : BR_OK;
}

/* ---- parts and pages ---- */

size_t br_disclosure_part_count(const br_disclosure *doc) { return doc ? doc->nparts : 0; }

const char *br_disclosure_part_path(const br_disclosure *doc, size_t part)
{
    return doc && part < doc->nparts ? doc->parts[part].path : NULL;
}

const char *br_disclosure_part_reader(const br_disclosure *doc, size_t part)
{
    return doc && part < doc->nparts ? doc->parts[part].reader : NULL;
}

const char *br_disclosure_part_file(const br_disclosure *doc, size_t part)
{
    return doc && doc->nparts > 1 ? br_disclosure_part_path(doc, part) : NULL;
}

int br_disclosure_set_page(br_disclosure *doc, long line, int page)
{
    if (!doc || line < 1 || page < 1)
        return BR_ERR_ARG;
    br_part *p = &doc->parts[doc->nparts - 1]; /* the file being read */
    br_page_start *last = p->npages ? &p->pages[p->npages - 1] : NULL;
    if (last && line < last->line)
        return BR_ERR_ARG;
    if (last && line == last->line) { /* the page before had no line of its own */
        last->page = page;
        return BR_OK;
    }
    if (last && page == last->page)
        return BR_OK;
    if (VEC_PUSH(doc->arena, p->pages, p->npages, p->cappages) != BR_OK)
        return BR_ERR_NOMEM;
    p->pages[p->npages++] = (br_page_start){line, page};
    return BR_OK;
}

int br_disclosure_page_of(const br_disclosure *doc, size_t part, long line)
{
    if (!doc || part >= doc->nparts || line < 1)
        return 0;
    const br_part *p = &doc->parts[part];
    size_t lo = 0, hi = p->npages; /* the first start after `line` */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->pages[mid].line <= line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? p->pages[lo - 1].page : 0;
}

size_t br_disclosure_table_count(const br_disclosure *doc) { return doc ? doc->ntables : 0; }

br_table *br_disclosure_table_at(const br_disclosure *doc, size_t i)
{
    return doc && i < doc->ntables ? doc->tables[i] : NULL;
}

br_table *br_disclosure_find_table(const br_disclosure *doc, br_kind kind)
{
    for (size_t i = 0; doc && i < doc->ntables; i++)
        if (doc->tables[i]->kind == kind)
            return doc->tables[i];
    return NULL;
}

br_table *br_disclosure_add_table(br_disclosure *doc, br_kind kind, const char *title,
                                  br_unit unit, long line)
{
    if (!doc || (unsigned)kind >= BR_KIND__COUNT)
        return NULL;
    if (VEC_PUSH(doc->arena, doc->tables, doc->ntables, doc->captables) != BR_OK)
        return NULL;
    br_table *t = br_arena_alloc(doc->arena, sizeof *t);
    if (!t)
        return NULL;
    t->doc = doc;
    t->kind = kind;
    t->title = dup(doc->arena, title ? title : "");
    t->unit = unit;
    t->line = line;
    doc->tables[doc->ntables++] = t;
    return t;
}

br_narrative *br_disclosure_narrative(br_disclosure *doc) { return doc ? &doc->narrative : NULL; }

int br_disclosure_add_note(br_disclosure *doc, br_severity sev, const char *table,
                           const char *row, const char *column, long line, const char *message)
{
    if (!doc || !message)
        return BR_ERR_ARG;
    if (VEC_PUSH(doc->arena, doc->notes, doc->nnotes, doc->capnotes) != BR_OK)
        return BR_ERR_NOMEM;
    br_note *n = &doc->notes[doc->nnotes];
    n->severity = sev;
    n->table = dup(doc->arena, table);
    n->row = dup(doc->arena, row);
    n->column = dup(doc->arena, column);
    n->line = line;
    n->message = dup(doc->arena, message);
    if (!n->message)
        return BR_ERR_NOMEM;
    doc->nnotes++;
    return BR_OK;
}

size_t br_disclosure_note_count(const br_disclosure *doc) { return doc ? doc->nnotes : 0; }

const br_note *br_disclosure_note_at(const br_disclosure *doc, size_t i)
{
    return doc && i < doc->nnotes ? &doc->notes[i] : NULL;
}

size_t br_disclosure_note_part(const br_disclosure *doc, size_t i)
{
    return doc && i < doc->nnote_parts ? doc->note_parts[i] : 0;
}

/* ---- table ---- */

br_kind br_table_kind(const br_table *t) { return t ? t->kind : BR_KIND_UNKNOWN; }
const char *br_table_title(const br_table *t) { return t ? t->title : NULL; }
br_unit br_table_unit(const br_table *t) { return t ? t->unit : BR_UNIT_UNKNOWN; }
long br_table_line(const br_table *t) { return t ? t->line : 0; }
br_disclosure *br_table_disclosure(const br_table *t) { return t ? t->doc : NULL; }
size_t br_table_part(const br_table *t) { return t ? t->part : 0; }

int br_table_set_columns(br_table *t, const br_role *roles, size_t n)
{
    if (!t || (n && !roles) || t->nrows)
        return BR_ERR_ARG;
    br_role *copy = n ? br_arena_alloc(t->doc->arena, n * sizeof *copy) : NULL;
    if (n && !copy)
        return BR_ERR_NOMEM;
    if (n)
        memcpy(copy, roles, n * sizeof *copy);
    t->roles = copy;
    t->ncols = n;
    t->col_uncertain = NULL;
    return BR_OK;
}

size_t br_table_column_count(const br_table *t) { return t ? t->ncols : 0; }

br_role br_table_column_role(const br_table *t, size_t col)
{
    return t && col < t->ncols ? t->roles[col] : BR_ROLE_NONE;
}

int br_table_find_column(const br_table *t, br_role role)
{
    for (size_t i = 0; t && i < t->ncols; i++)
        if (t->roles[i] == role)
            return (int)i;
    return -1;
}

size_t br_table_row_count(const br_table *t) { return t ? t->nrows : 0; }

br_row *br_table_row_at(const br_table *t, size_t i)
{
    return t && i < t->nrows ? t->rows[i] : NULL;
}

br_row *br_table_find_row(const br_table *t, const char *code)
{
    for (size_t i = 0; t && code && i < t->nrows; i++)
        if (t->rows[i]->code && strcmp(t->rows[i]->code, code) == 0)
            return t->rows[i];
    return NULL;
}

br_row *br_table_find_label(const br_table *t, const char *label)
{
    for (size_t i = 0; t && label && i < t->nrows; i++)
        if (strcmp(t->rows[i]->label, label) == 0)
            return t->rows[i];
    return NULL;
}

/* ---- reading confidence ---- */

static const br_uncertainty *uncertainty_new(br_arena *arena, const char *kind, const char *why)
{
    br_uncertainty *u = br_arena_alloc(arena, sizeof *u);
    if (!u)
        return NULL;
    u->kind = dup(arena, kind ? kind : "uncertain");
    u->why = dup(arena, why ? why : "");
    return u->kind && u->why ? u : NULL;
}

int br_table_set_uncertain(br_table *t, long col, const char *kind, const char *why)
{
    if (!t || (col >= 0 && (size_t)col >= t->ncols))
        return BR_ERR_ARG;
    br_arena *arena = t->doc->arena;
    if (col < 0) {
        if (!t->uncertain && !(t->uncertain = uncertainty_new(arena, kind, why)))
            return BR_ERR_NOMEM;
        return BR_OK;
    }
    if (!t->col_uncertain) {
        t->col_uncertain = br_arena_alloc(arena, t->ncols * sizeof *t->col_uncertain);
        if (!t->col_uncertain)
            return BR_ERR_NOMEM;
    }
    if (!t->col_uncertain[col] && !(t->col_uncertain[col] = uncertainty_new(arena, kind, why)))
        return BR_ERR_NOMEM;
    return BR_OK;
}

const br_uncertainty *br_table_uncertain(const br_table *t, long col)
{
    if (!t)
        return NULL;
    if (col >= 0 && (size_t)col < t->ncols && t->col_uncertain && t->col_uncertain[col])
        return t->col_uncertain[col];
    return t->uncertain;
}

int br_row_set_uncertain(br_row *r, const char *kind, const char *why)
{
    if (!r)
        return BR_ERR_ARG;
    if (!r->uncertain && !(r->uncertain = uncertainty_new(r->table->doc->arena, kind, why)))
        return BR_ERR_NOMEM;
    return BR_OK;
}

const br_uncertainty *br_row_uncertain(const br_row *r) { return r ? r->uncertain : NULL; }

const br_uncertainty *br_cell_uncertain(const br_row *r, size_t col)
{
    static const br_uncertainty guessed = {
        "guessed_figure", "the figure's column is a guess among equally good ones"};
    if (!r)
        return NULL;
    const br_cell *c = br_row_cell(r, col);
    if (c && (c->flags & BR_CELL_UNCERTAIN))
        return &guessed;
    if (r->uncertain)
        return r->uncertain;
    return br_table_uncertain(r->table, (long)col);
}

br_row *br_table_add_row(br_table *t, const char *code, const char *label, br_side side,
                         long line)
{
    if (!t)
        return NULL;
    br_arena *arena = t->doc->arena;
    if (VEC_PUSH(arena, t->rows, t->nrows, t->caprows) != BR_OK)
        return NULL;
    /* the row and its cells in one allocation */
    br_row *r = br_arena_alloc(arena, sizeof *r + t->ncols * sizeof(br_cell));
    if (!r)
        return NULL;
    r->table = t;
    r->code = code && *code ? dup(arena, code) : NULL;
    r->label = dup(arena, label ? label : "");
    r->side = side;
    r->line = line;
    r->cells = (br_cell *)(r + 1);
    t->rows[t->nrows++] = r;
    return r;
}

int br_table_set_attr(br_table *t, const char *key, const char *value)
{
    if (!t || !key || !value)
        return BR_ERR_ARG;
    br_arena *arena = t->doc->arena;
    for (size_t i = 0; i < t->nattrs; i++)
        if (strcmp(t->attrs[i].key, key) == 0)
            return (t->attrs[i].value = dup(arena, value)) ? BR_OK : BR_ERR_NOMEM;
    if (VEC_PUSH(arena, t->attrs, t->nattrs, t->capattrs) != BR_OK)
        return BR_ERR_NOMEM;
    br_attr *a = &t->attrs[t->nattrs];
    a->key = dup(arena, key);
    a->value = dup(arena, value);
    if (!a->key || !a->value)
        return BR_ERR_NOMEM;
    t->nattrs++;
    return BR_OK;
}

const char *br_table_attr(const br_table *t, const char *key)
{
    for (size_t i = 0; t && key && i < t->nattrs; i++)
        if (strcmp(t->attrs[i].key, key) == 0)
            return t->attrs[i].value;
    return NULL;
}

size_t br_table_attr_count(const br_table *t) { return t ? t->nattrs : 0; }
const char *br_table_attr_key(const br_table *t, size_t i)
{
    return t && i < t->nattrs ? t->attrs[i].key : NULL;
}
const char *br_table_attr_value(const br_table *t, size_t i)
{
    return t && i < t->nattrs ? t->attrs[i].value : NULL;
}

int br_table_set_project(br_table *t, const char *code, const char *name,
                         const br_decimal *amount)
{
    if (!t)
        return BR_ERR_ARG;
    t->project_code = dup(t->doc->arena, code);
    t->project_name = dup(t->doc->arena, name);
    if ((code && !t->project_code) || (name && !t->project_name))
        return BR_ERR_NOMEM;
    t->has_project_amount = amount != NULL;
    if (amount)
        t->project_amount = *amount;
    return BR_OK;
}

const char *br_table_project_code(const br_table *t) { return t ? t->project_code : NULL; }
const char *br_table_project_name(const br_table *t) { return t ? t->project_name : NULL; }

int br_table_project_amount(const br_table *t, br_decimal *amount)
{
    if (!t || !t->has_project_amount)
        return 0;
    if (amount)
        *amount = t->project_amount;
    return 1;
}

/* ---- row ---- */

const char *br_row_code(const br_row *r) { return r ? r->code : NULL; }
const char *br_row_label(const br_row *r) { return r ? r->label : NULL; }
const char *br_row_key(const br_row *r) { return r ? (r->code ? r->code : r->label) : NULL; }
br_side br_row_side(const br_row *r) { return r ? r->side : BR_SIDE_NONE; }
long br_row_line(const br_row *r) { return r ? r->line : 0; }
br_table *br_row_table(const br_row *r) { return r ? r->table : NULL; }
size_t br_row_part(const br_row *r) { return r ? r->table->part : 0; }

const br_cell *br_row_cell(const br_row *r, size_t col)
{
    return r && col < r->table->ncols ? &r->cells[col] : NULL;
}

const br_cell *br_row_cell_by_role(const br_row *r, br_role role)
{
    int col = r ? br_table_find_column(r->table, role) : -1;
    return col < 0 ? NULL : &r->cells[col];
}

int br_row_set_value(br_row *r, size_t col, br_decimal value, unsigned extra_flags)
{
    if (!r || col >= r->table->ncols)
        return BR_ERR_ARG;
    br_cell *c = &r->cells[col];
    c->flags = BR_CELL_PRESENT | (extra_flags & ~(unsigned)(BR_CELL_TEXT | BR_CELL_NUMERIC));
    c->value = value;
    c->text = NULL;
    return BR_OK;
}

int br_row_set_text(br_row *r, size_t col, const char *text, size_t len)
{
    if (!r || !text || col >= r->table->ncols)
        return BR_ERR_ARG;
    br_cell *c = &r->cells[col];
    const char *copy = br_arena_strndup(r->table->doc->arena, text, len);
    if (!copy)
        return BR_ERR_NOMEM;
    c->flags = BR_CELL_PRESENT | BR_CELL_TEXT;
    c->text = copy;
    c->value = (br_decimal){0, 0};
    if (br_decimal_parse(text, len, &c->value) == BR_OK)
        c->flags |= BR_CELL_NUMERIC; /* a plain number: its value is usable */
    return BR_OK;
}

int br_row_clear(br_row *r, size_t col)
{
    if (!r || col >= r->table->ncols)
        return BR_ERR_ARG;
    r->cells[col] = (br_cell){0};
    return BR_OK;
}

/* ---- narrative ---- */

size_t br_narrative_claim_count(const br_narrative *n) { return n ? n->nclaims : 0; }

const br_claim *br_narrative_claim_at(const br_narrative *n, size_t i)
{
    return n && i < n->nclaims ? &n->claims[i] : NULL;
}

int br_narrative_add_claim(br_narrative *n, const br_claim *claim)
{
    if (!n || !claim)
        return BR_ERR_ARG;
    br_arena *arena = n->doc->arena;
    if (VEC_PUSH(arena, n->claims, n->nclaims, n->capclaims) != BR_OK)
        return BR_ERR_NOMEM;
    br_claim *c = &n->claims[n->nclaims];
    *c = *claim;
    c->label = dup(arena, claim->label ? claim->label : "");
    c->claim_class = dup(arena, claim->claim_class);
    c->code = dup(arena, claim->code);
    c->unit = dup(arena, claim->unit ? claim->unit : "");
    if (!c->label || !c->unit)
        return BR_ERR_NOMEM;
    n->nclaims++;
    return BR_OK;
}

size_t br_narrative_claim_part(const br_narrative *n, size_t i)
{
    return n && i < n->nclaim_parts ? n->claim_parts[i] : 0;
}

long br_narrative_claim_index(const br_narrative *n, const br_claim *claim)
{
    if (!n || !claim || !n->nclaims)
        return -1;
    uintptr_t at = (uintptr_t)claim, first = (uintptr_t)n->claims;
    if (at < first || at >= first + n->nclaims * sizeof *claim || (at - first) % sizeof *claim)
        return -1;
    return (long)((at - first) / sizeof *claim);
}

static const br_claim_form no_form = {0, BR_CLAIM_UNKNOWN, -1, NULL, BR_DIR_NONE, 0, BR_BASE_NONE};

int br_narrative_set_claim_form(br_narrative *n, size_t i, const br_claim_form *form)
{
    if (!n || !form || i >= n->nclaims)
        return BR_ERR_ARG;
    br_arena *arena = n->doc->arena;
    if (n->nforms < n->nclaims) {
        /* grown to the claims read so far; those without a form get none */
        br_claim_form *grown = br_arena_alloc(arena, n->capclaims * sizeof *grown);
        if (!grown)
            return BR_ERR_NOMEM;
        for (size_t k = 0; k < n->capclaims; k++)
            grown[k] = k < n->nforms ? n->forms[k] : no_form;
        n->forms = grown;
        n->nforms = n->capclaims;
    }
    br_claim_form *f = &n->forms[i];
    *f = *form;
    f->base_class = dup(arena, form->base_class);
    return BR_OK;
}

br_claim_form br_narrative_claim_form(const br_narrative *n, size_t i)
{
    return n && i < n->nclaims && i < n->nforms ? n->forms[i] : no_form;
}

size_t br_narrative_text_part(const br_narrative *n) { return n ? n->text_part : 0; }

int br_narrative_set_text(br_narrative *n, const char *text, size_t len, long first_line)
{
    if (!n || (!text && len))
        return BR_ERR_ARG;
    n->text = br_arena_strndup(n->doc->arena, text ? text : "", len);
    n->first_line = first_line;
    return n->text ? BR_OK : BR_ERR_NOMEM;
}

const char *br_narrative_text(const br_narrative *n, long *first_line)
{
    if (first_line)
        *first_line = n ? n->first_line : 0;
    return n ? n->text : NULL;
}

br_disclosure *br_narrative_disclosure(const br_narrative *n) { return n ? n->doc : NULL; }
