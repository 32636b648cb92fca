/*
 * dt_narrative.c — the disclosure-text reader's narrative.c compiled into this plugin
 * (shared vocabulary and helpers, not a fork: the source is included).
 */
#include "../disclosure_text/narrative.c"
