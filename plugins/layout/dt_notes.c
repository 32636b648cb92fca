/*
 * dt_notes.c — the disclosure-text reader's notes.c compiled into this plugin
 * (dt_note, through which the included solver reports; not a fork).
 */
#include "../disclosure_text/notes.c"
