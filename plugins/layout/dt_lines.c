/*
 * dt_lines.c — the disclosure-text reader's lines.c compiled into this plugin
 * (shared vocabulary and helpers, not a fork: the source is included).
 */
#include "../disclosure_text/lines.c"
