/*
 * dt_catalog.c — the disclosure-text reader's catalog.c compiled into this plugin
 * (shared vocabulary and helpers, not a fork: the source is included).
 */
#include "../disclosure_text/catalog.c"
