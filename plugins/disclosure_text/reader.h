/*
 * reader.h — internals of the disclosure-text reader plugin (tab-separated
 * text extracted from a disclosure PDF, the reference layout of SPEC).
 *
 * The plugin does not link libcore: everything goes through `dt_host`, the
 * host services table handed to plugin init (plugin.c defines it).  Lines,
 * vocabulary, the solver and the narrative come from the shared reader
 * library (libreader/brreader.h); the tables part is this plugin's own.
 */
#ifndef DT_READER_H
#define DT_READER_H

#include "brreader.h"

/*
 * Read the tables in lines [first, end) into doc.  Returns BR_OK or a
 * negative status with err filled.  Adds reader notes to doc.
 */
int dt_read_tables(br_disclosure *doc, const dt_lines *lines, size_t first, size_t end,
                   const char *path, br_error *err);

#endif
