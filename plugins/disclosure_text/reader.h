/*
 * reader.h — internals of the disclosure-text reader plugin (tab-separated
 * text extracted from a disclosure PDF, the reference layout of SPEC).
 *
 * The plugin does not link libcore: everything goes through `dt_host`, the
 * host services table handed to plugin init.
 */
#ifndef DT_READER_H
#define DT_READER_H

#include <budgetrec/plugin.h>

/* Host services, set once by the plugin's init before anything runs. */
extern const br_host *dt_host;

/* One line of the normalised text: not NUL-terminated, no '\n'. */
typedef struct dt_line {
    const char *s;
    size_t len;
    long no; /* 1-based line number in the input */
} dt_line;

typedef struct dt_lines {
    dt_line *v;
    size_t n;
} dt_lines;

/* Split text into lines (arena memory of doc).  Form feeds become blank lines. */
int dt_split_lines(br_disclosure *doc, const char *text, size_t len, dt_lines *out);

/*
 * Index of the first line that belongs to the tables part (the first
 * "附件 N" marker or recognised table title), or lines->n when there is none.
 */
size_t dt_tables_start(const dt_lines *lines);

/*
 * Read the tables in lines [first, end) into doc.  Returns BR_OK or a
 * negative status with err filled.  Adds reader notes to doc.
 */
int dt_read_tables(br_disclosure *doc, const dt_lines *lines, size_t first, size_t end,
                   const char *path, br_error *err);

/*
 * Read the narrative in lines [first, end): the department name and year
 * from the document title, and the claims.  Returns BR_OK or a negative
 * status with err filled.
 */
int dt_read_narrative(br_disclosure *doc, const dt_lines *lines, size_t first, size_t end,
                      const char *path, br_error *err);

#endif
