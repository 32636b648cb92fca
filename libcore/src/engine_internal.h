/* engine_internal.h — registry internals shared by the engine's files. */
#ifndef BR_ENGINE_INTERNAL_H
#define BR_ENGINE_INTERNAL_H

#include <ffi.h>

#include <budgetrec/engine.h>

typedef struct br_loaded_plugin {
    void *handle; /* dlopen handle */
    char *path;
    const br_plugin_desc *desc;
} br_loaded_plugin;

typedef struct br_reader_entry {
    const br_reader_desc *desc;
    const char *plugin; /* plugin name */
} br_reader_entry;

typedef struct br_check_entry {
    const br_check_desc *desc;
    const char *owner; /* plugin name, or who registered it */
} br_check_entry;

struct br_registry {
    br_loaded_plugin *plugins;
    size_t nplugins, capplugins;
    br_reader_entry *readers;
    size_t nreaders, capreaders;
    br_check_entry *checks;
    size_t nchecks, capchecks;
    char **messages;
    size_t nmessages, capmessages;
    /* One ffi_cif per check signature.  Every argument is a pointer, so a
     * signature is its arity: cifs[k] calls int fn(void *, …k pointers). */
    ffi_type *arg_types[BR_CHECK_MAX_INPUTS + 1];
    ffi_cif cifs[BR_CHECK_MAX_INPUTS + 2];
    int cif_ready[BR_CHECK_MAX_INPUTS + 2];
};

/* Grow a malloc'd vector to hold n+1 elements of `size`. */
int br_mvec_reserve(void **v, size_t *cap, size_t n, size_t size);

#endif

/* report.c: record the outcome of one check. */
int br_report_add_run(br_report *report, const char *check, br_check_status status);
