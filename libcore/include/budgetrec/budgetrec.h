/*
 * budgetrec.h — the budgetrec core library, libcore.
 *
 *   decimal.h  exact fixed-point figures, units, subject codes
 *   text.h     UTF-8 validation, normalisation, the arena, errors
 *   model.h    disclosure / table / row / cell / narrative claim
 *   engine.h   plugin registry, reading, checks, reports
 *   plugin.h   the plugin ABI (for plugin authors: include only this)
 *
 * The library never prints and never aborts: every fallible call returns a
 * br_status and fills an optional br_error.
 */
#ifndef BUDGETREC_H
#define BUDGETREC_H

#include "decimal.h"
#include "engine.h"
#include "model.h"
#include "text.h"
#include "types.h"

#define BR_VERSION "0.1.0"

#endif
