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
};

typedef struct br_attr {
    const char *key;
    const char *value;
} br_attr;

struct br_table {
    br_disclosure *doc;
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
};

struct br_narrative {
    br_disclosure *doc;
    br_claim *claims;
    size_t nclaims, capclaims;
    const char *text;
    long first_line;
};

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
};

#endif
