/* inputs.h — the disclosures a `check` or `compare` run reads. */
#ifndef BR_CLI_INPUTS_H
#define BR_CLI_INPUTS_H

#include <stdio.h>
#include <sys/types.h>

/* One disclosure: one file, or the files of a joined one (narrative first). */
typedef struct cli_input {
    const char **paths; /* borrowed from cli_inputs.paths */
    size_t n;
} cli_input;

typedef struct cli_inputs {
    char **paths;          /* every file, in the order given and found */
    unsigned char *walked; /* walked[i]: paths[i] was found in a directory */
    size_t n, cap;
    cli_input *docs; /* the disclosures (cli_inputs_group) */
    const char **grouped;
    size_t ndocs;
    /* directories walked, by device and inode: a symlinked directory (s -> .)
     * is walked once, never in a loop */
    struct cli_dir_id {
        dev_t dev;
        ino_t ino;
    } *seen;
    size_t nseen, capseen;
} cli_inputs;

/* Add a file as given, or every *.txt and *.pdf under a directory (recursive, sorted).
 * 0, or -1 on OOM. */
int cli_inputs_add(cli_inputs *in, const char *arg);
/*
 * Group the files into disclosures: with `join_all` every file is one
 * disclosure (--join); otherwise each file is its own, except that with
 * `pair` a narrative and its tables found in a directory (NAME-narrative.EXT
 * and NAME-tables.EXT, br_pair_parts) are one.  0, or -1 on OOM.
 */
int cli_inputs_group(cli_inputs *in, int join_all, int pair);
/*
 * The file a run writes (`-o PATH`) is no input of it: a file found in a
 * directory that is that file is dropped (a second run of `check -o
 * report.txt .` does not read the first's report); a file named as an input
 * that is it is refused: -1 (reported), else 0.
 */
int cli_inputs_drop_output(cli_inputs *in, const char *output);
void cli_inputs_free(cli_inputs *in);

#endif
