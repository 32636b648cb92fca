/* cli.h — shared pieces of the budgetrec command line. */
#ifndef BR_CLI_H
#define BR_CLI_H

#include <stdio.h>

#include <budgetrec/budgetrec.h>

/* Exit statuses (SPEC §4). */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

/* Plugin options common to every subcommand. */
typedef struct cli_plugins {
    const char **paths; /* --plugin, repeatable */
    size_t npaths;
    const char **dirs; /* --plugin-dir, repeatable */
    size_t ndirs;
    int no_default; /* --no-default-plugins */
} cli_plugins;

/* Consume a plugin option at argv[*i] (advancing *i); 1 if it was one, -1 on
 * a missing argument, 0 otherwise. */
int cli_plugin_option(cli_plugins *p, int argc, char **argv, int *i);
/* A registry with the user's plugins and the bundled ones; refusals are
 * printed to stderr.  NULL on OOM. */
br_registry *cli_load_plugins(const cli_plugins *p);
void cli_plugins_free(cli_plugins *p);

/* "budgetrec: FILE:LINE: message" on stderr. */
void cli_print_error(const br_error *err);

/* JSON output helpers (json.c). */
void json_string(FILE *out, const char *s);        /* "..." or null */
void json_decimal(FILE *out, const br_decimal *d); /* "1.20" or null */

int cmd_dump(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_plugins(int argc, char **argv);

#endif
