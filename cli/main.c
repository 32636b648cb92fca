/* main.c — `budgetrec`: check, dump, compare, plugins (SPEC §4). */
#include <string.h>

#include "cli.h"

static void usage(FILE *out)
{
    fputs("usage: budgetrec <command> [options]\n"
          "\n"
          "  check [OPTIONS] PATH...   check disclosures (files or directories, recursive)\n"
          "  compare [OPTIONS] PATH... one row per disclosure (text, csv, json)\n"
          "  dump [--format json] FILE print the model read from one disclosure\n"
          "  plugins                   list readers and checks, with versions\n"
          "\n"
          "Plugin options (every command): --plugin PATH (repeatable), --plugin-dir DIR,\n"
          "--no-default-plugins.  Run `budgetrec check --help` for check's options.\n",
          out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "compare") == 0)
        return cmd_compare(argc - 1, argv + 1);
    if (strcmp(cmd, "dump") == 0)
        return cmd_dump(argc - 1, argv + 1);
    if (strcmp(cmd, "plugins") == 0)
        return cmd_plugins(argc - 1, argv + 1);
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("budgetrec %s (plugin ABI %d.%d)\n", BR_VERSION, BR_PLUGIN_ABI_MAJOR,
               BR_PLUGIN_ABI_MINOR);
        return EXIT_CLEAN;
    }
    fprintf(stderr, "budgetrec: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
