/* args.h — options shared by `check` and `compare`. */
#ifndef BR_CLI_ARGS_H
#define BR_CLI_ARGS_H

#include "inputs.h"
#include "output.h"

/* What the command line asked for. */
typedef struct check_args {
    cli_plugins plugins;
    cli_inputs inputs;
    out_writer w;
    const char *output;
    char *output_tmp; /* where -o is written until the run completes (cli_open_output) */
    long jobs;
    char *only, *skip;
    int join, no_join; /* --join: the inputs are one disclosure; --no-join: no pairing */
} check_args;

/* Parse options and inputs; -1 for usage errors (reported), 1 for --help, 0 ok. */
int cli_parse_run_args(check_args *a, int argc, char **argv);
/* Open -o's file: a temporary file beside it, renamed over it by
 * cli_finish_output once the run is complete (an interrupted run leaves the
 * old file, never a truncated one that looks complete).  0, or -1 (reported). */
int cli_open_output(check_args *a, const char *command);
/* Complete -o's file (close and rename); 0, or -1 (reported). */
int cli_finish_output(check_args *a);
/* Close the output file (not stdout; an unfinished -o file is removed) and
 * free the inputs and plugin paths. */
void cli_run_args_free(check_args *a);
/* Split "a,b,c" into a NULL-terminated list (the string is modified). */
const char **cli_split_ids(char *s);
/* Every id named in --only/--skip must exist: a typo should not pass silently. */
int cli_known_ids(const br_registry *reg, const char *const *ids);
/* 1 when `id` is one of the NULL-terminated `ids`. */
int cli_id_listed(const char *const *ids, const char *id);

#endif
