/* inputs.h — the list of disclosure files a `check` run reads. */
#ifndef BR_CLI_INPUTS_H
#define BR_CLI_INPUTS_H

#include <stdio.h>

typedef struct cli_inputs {
    char **paths;
    size_t n, cap;
} cli_inputs;

/* Add a file as given, or every *.txt and *.pdf under a directory (recursive, sorted).
 * 0, or -1 on OOM. */
int cli_inputs_add(cli_inputs *in, const char *arg);
void cli_inputs_free(cli_inputs *in);

#endif
