/*
 * dt_assign.c — the disclosure-text reader's assign.c compiled into this plugin
 * (the code-hierarchy solver for rows with fewer figures than columns; not a
 * fork: the source is included).  Its notes go through dt_note (emit.c).
 */
#include "../disclosure_text/assign.c"
