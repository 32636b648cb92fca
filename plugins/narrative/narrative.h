/*
 * narrative.h — what the files of the narrative plugin share: the host, and
 * the checks each file defines (the descriptor is in narrative.c).
 */
#ifndef NARRATIVE_PLUGIN_H
#define NARRATIVE_PLUGIN_H

#include <budgetrec/plugin.h>

/* The host's services, set when the plugin is loaded. */
extern const br_host *narr_host __attribute__((visibility("hidden")));

/* sentences.c: the figures of one sentence against each other */
int narr_arithmetic(const br_narrative *n, br_report *report);
int narr_shares(const br_narrative *n, br_report *report);
int narr_direction(const br_narrative *n, br_report *report);

/* items.c: a figure stated for one table item, printed with a slip */
int narr_slips(const br_narrative *n, br_report *report);

#define CHECK_SLIPS "narrative.slips"
#define CHECK_ARITHMETIC "narrative.arithmetic"
#define CHECK_SHARES "narrative.shares"
#define CHECK_DIRECTION "narrative.direction"

#endif
