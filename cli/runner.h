/* runner.h — reading and checking many disclosures on worker threads. */
#ifndef BR_CLI_RUNNER_H
#define BR_CLI_RUNNER_H

#include "cli.h"
#include "inputs.h"

/*
 * Called on the calling thread, once per disclosure (inputs->docs) and in
 * input order, with the path naming it (its first file), the disclosure and
 * its report (both NULL, and err set, when it could not be read).  They are
 * freed after the callback returns.
 */
typedef void (*cli_document_fn)(const char *path, const br_disclosure *doc,
                                const br_report *report, const br_error *err, void *ctx);

/* Read and check every input with `jobs` threads (one disclosure per task);
 * at most a bounded window of documents is in memory at once. */
void cli_run_documents(const br_registry *reg, const br_check_options *opts,
                       const cli_inputs *inputs, long jobs, cli_document_fn fn, void *ctx);

/* Default worker count: the machine's cores. */
long cli_default_jobs(void);

#endif
