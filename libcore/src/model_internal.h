/* model_internal.h — the model's structs, private to libcore. */
#ifndef BR_MODEL_INTERNAL_H
#define BR_MODEL_INTERNAL_H

#include <budgetrec/model.h>

/* Grow an arena vector *v (capacity *cap, elements of `size`) to hold n+1. */
int br_vec_reserve(br_arena *arena, void **v, size_t *cap, size_t n, size_t size);

struct br_row {
    br_table *table;
    const char *code;
    const char *label;
    br_side side;
    long line;
    br_cell *cells; /* table->ncols cells */
    const br_uncertainty *uncertain; /* the row as a whole (a label fragment?) */
};

typedef struct br_attr {
    const char *key;
    const char *value;
} br_attr;

struct br_table {
    br_disclosure *doc;
    unsigned part; /* which file of a joined disclosure it was read from */
    br_kind kind;
    const char *title;
    br_unit unit;
    long line;
    br_role *roles;
    size_t ncols;
    br_row **rows;
    size_t nrows, caprows;
    br_attr *attrs;
    size_t nattrs, capattrs;
    const char *project_code;
    const char *project_name;
    br_decimal project_amount;
    int has_project_amount;
    const br_uncertainty *uncertain;     /* the table as a whole */
    const br_uncertainty **col_uncertain; /* per column (ncols), or NULL */
};

struct br_narrative {
    br_disclosure *doc;
    br_claim *claims;
    size_t nclaims, capclaims;
    /* part of claims[i] in a joined disclosure; claims beyond nclaim_parts
     * (all of them in a single file) are part 0 */
    unsigned *claim_parts;
    size_t nclaim_parts;
    /* how claims[i] stands in its sentence; claims beyond nforms have none */
    br_claim_form *forms;
    size_t nforms;
    const char *text;
    long first_line;
    unsigned text_part;
};

/* Where page `page` starts: at line `line` of its file. */
typedef struct br_page_start {
    long line;
    int page;
} br_page_start;

/* One file of a disclosure (a joined disclosure has several). */
typedef struct br_part {
    const char *path;
    const char *reader;
    br_page_start *pages; /* ascending lines */
    size_t npages, cappages;
} br_part;

struct br_disclosure {
    br_arena *arena;
    const char *path;
    const char *department;
    const char *department_code;
    const char *reader;
    int year;
    br_unit unit;
    br_table **tables;
    size_t ntables, captables;
    br_narrative narrative;
    br_note *notes;
    size_t nnotes, capnotes;
    unsigned *note_parts; /* as claim_parts, for notes */
    size_t nnote_parts;
    br_part *parts; /* parts[0] is the file read; more when joined */
    size_t nparts, capparts;
    br_arena **adopted; /* arenas of the disclosures joined into this one */
    size_t nadopted, capadopted;
    br_phase phase;
    const char *encoding; /* NULL: UTF-8 as read */
};

/* audit.c: re-read or mark tables whose columns break their row identities
 * in many rows (after a reader, before any check). */
void br_disclosure_audit_columns(br_disclosure *doc);

#endif
