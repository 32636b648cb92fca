/* localise.c — placeholder until the localisation pass lands. */
#include "engine_internal.h"

void br_report_localise(br_report *report) { (void)report; }
