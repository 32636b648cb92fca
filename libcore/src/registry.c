/*
 * registry.c — loading plugins: dlopen, ABI validation, the listings.
 *
 * A plugin is refused, with the file and the reason, when it cannot be
 * loaded, lacks its entry point, was built for another ABI major or a newer
 * minor, or its descriptor misses a required field.  Refusals are recorded
 * and loading goes on.
 */
#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

int br_mvec_reserve(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return BR_OK;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *nv = realloc(*v, ncap * size);
    if (!nv)
        return BR_ERR_NOMEM;
    *v = nv;
    *cap = ncap;
    return BR_OK;
}

#define MVEC_PUSH(vec, n, cap) br_mvec_reserve((void **)&(vec), &(cap), (n), sizeof *(vec))

br_registry *br_registry_new(void)
{
    br_registry *reg = calloc(1, sizeof *reg);
    if (!reg)
        return NULL;
    for (size_t i = 0; i <= BR_CHECK_MAX_INPUTS; i++)
        reg->arg_types[i] = &ffi_type_pointer;
    for (unsigned k = 1; k <= BR_CHECK_MAX_INPUTS + 1; k++)
        reg->cif_ready[k] = ffi_prep_cif(&reg->cifs[k], FFI_DEFAULT_ABI, k, &ffi_type_sint,
                                         reg->arg_types) == FFI_OK;
    return reg;
}

void br_registry_free(br_registry *reg)
{
    if (!reg)
        return;
    for (size_t i = 0; i < reg->nplugins; i++) {
        if (reg->plugins[i].handle)
            dlclose(reg->plugins[i].handle);
        free(reg->plugins[i].path);
    }
    for (size_t i = 0; i < reg->nmessages; i++)
        free(reg->messages[i]);
    free(reg->plugins);
    free(reg->readers);
    free(reg->checks);
    free(reg->messages);
    free(reg);
}

static void remember(br_registry *reg, const br_error *err)
{
    if (MVEC_PUSH(reg->messages, reg->nmessages, reg->capmessages) != BR_OK)
        return;
    size_t len = strlen(err->file) + strlen(err->message) + 3;
    char *msg = malloc(len);
    if (!msg)
        return;
    snprintf(msg, len, "%s: %s", err->file, err->message);
    reg->messages[reg->nmessages++] = msg;
}

static int refuse(br_registry *reg, void *handle, const char *path, br_error *err,
                  const char *why)
{
    br_error local;
    br_error *e = err ? err : &local;
    br_error_set(e, BR_ERR_PLUGIN, path, 0, "plugin refused: %s", why);
    remember(reg, e);
    if (handle)
        dlclose(handle);
    return BR_ERR_PLUGIN;
}

static int valid_input(int input)
{
    return (input > BR_KIND_UNKNOWN && input < BR_KIND__COUNT) ||
           input == BR_INPUT_NARRATIVE || input == BR_INPUT_DISCLOSURE;
}

/* Why a check descriptor is incomplete, or NULL when it is usable. */
static const char *check_problem(const br_registry *reg, const br_check_desc *c, char *buf,
                                 size_t cap)
{
    if (c->size < sizeof *c)
        return "check descriptor smaller than ABI 1.0's";
    if (!c->id || !strchr(c->id, '.'))
        return "check without an id of the form plugin.check";
    if (!c->title || !c->fn) {
        snprintf(buf, cap, "check %s has no %s", c->id, c->title ? "function" : "title");
        return buf;
    }
    if (c->n_inputs > BR_CHECK_MAX_INPUTS || (c->n_inputs && !c->inputs)) {
        snprintf(buf, cap, "check %s declares an invalid input list", c->id);
        return buf;
    }
    for (size_t i = 0; i < c->n_inputs; i++)
        if (!valid_input(c->inputs[i])) {
            snprintf(buf, cap, "check %s declares unknown input %d", c->id, c->inputs[i]);
            return buf;
        }
    if ((unsigned)c->severity > BR_SEV_ERROR) {
        snprintf(buf, cap, "check %s has an invalid severity", c->id);
        return buf;
    }
    if (br_registry_find_check(reg, c->id)) {
        snprintf(buf, cap, "check id %s is already registered", c->id);
        return buf;
    }
    return NULL;
}

/* Why a plugin descriptor is unusable, or NULL. */
static const char *desc_problem(const br_registry *reg, const br_plugin_desc *d, char *buf,
                                size_t cap)
{
    if (d->size < sizeof *d) {
        snprintf(buf, cap, "descriptor size %u is smaller than ABI %d.%d's %zu", d->size,
                 BR_PLUGIN_ABI_MAJOR, BR_PLUGIN_ABI_MINOR, sizeof *d);
        return buf;
    }
    if (d->abi_major != BR_PLUGIN_ABI_MAJOR) {
        snprintf(buf, cap, "built for plugin ABI %u.%u; this host speaks ABI %d.x",
                 d->abi_major, d->abi_minor, BR_PLUGIN_ABI_MAJOR);
        return buf;
    }
    if (d->abi_minor > BR_PLUGIN_ABI_MINOR) {
        snprintf(buf, cap, "built for plugin ABI %u.%u, newer than this host's %d.%d",
                 d->abi_major, d->abi_minor, BR_PLUGIN_ABI_MAJOR, BR_PLUGIN_ABI_MINOR);
        return buf;
    }
    if (!d->name || !*d->name || !d->version)
        return "incomplete descriptor: no name or version";
    if ((d->n_readers && !d->readers) || (d->n_checks && !d->checks))
        return "incomplete descriptor: reader or check list missing";
    if (!d->n_readers && !d->n_checks)
        return "incomplete descriptor: no readers and no checks";
    for (size_t i = 0; i < reg->nplugins; i++)
        if (strcmp(reg->plugins[i].desc->name, d->name) == 0) {
            snprintf(buf, cap, "a plugin named %s is already loaded (%s)", d->name,
                     reg->plugins[i].path);
            return buf;
        }
    for (size_t i = 0; i < d->n_readers; i++) {
        const br_reader_desc *r = &d->readers[i];
        if (r->size < sizeof *r || !r->name || !r->sniff || !r->read) {
            snprintf(buf, cap, "incomplete descriptor: reader %zu lacks %s", i,
                     r->size < sizeof *r ? "a valid size"
                     : !r->name          ? "a name"
                     : !r->sniff         ? "a sniff function"
                                         : "a read function");
            return buf;
        }
    }
    for (size_t i = 0; i < d->n_checks; i++) {
        char detail[256];
        const char *why = check_problem(reg, &d->checks[i], detail, sizeof detail);
        if (why) {
            snprintf(buf, cap, "incomplete descriptor: %s", why);
            return buf;
        }
    }
    return NULL;
}

int br_registry_load(br_registry *reg, const char *path, br_error *err)
{
    if (!reg || !path) {
        br_error_set(err, BR_ERR_ARG, path, 0, "no registry or path");
        return BR_ERR_ARG;
    }
    char why[512];
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *msg = dlerror();
        snprintf(why, sizeof why, "cannot load: %s", msg ? msg : "unknown error");
        return refuse(reg, NULL, path, err, why);
    }
    br_plugin_entry_fn entry;
    *(void **)&entry = dlsym(handle, BR_PLUGIN_ENTRY_SYMBOL);
    if (!entry)
        return refuse(reg, handle, path, err, "no entry point " BR_PLUGIN_ENTRY_SYMBOL "()");
    const br_plugin_desc *d = entry();
    if (!d)
        return refuse(reg, handle, path, err, BR_PLUGIN_ENTRY_SYMBOL "() returned NULL");
    const char *problem = desc_problem(reg, d, why, sizeof why);
    if (problem)
        return refuse(reg, handle, path, err, problem);
    if (d->init && d->init(br_host_services()) != BR_OK)
        return refuse(reg, handle, path, err, "its init function failed");

    if (MVEC_PUSH(reg->plugins, reg->nplugins, reg->capplugins) != BR_OK ||
        br_mvec_reserve((void **)&reg->readers, &reg->capreaders,
                        reg->nreaders + d->n_readers, sizeof *reg->readers) != BR_OK ||
        br_mvec_reserve((void **)&reg->checks, &reg->capchecks, reg->nchecks + d->n_checks,
                        sizeof *reg->checks) != BR_OK) {
        dlclose(handle);
        br_error_set(err, BR_ERR_NOMEM, path, 0, "out of memory");
        return BR_ERR_NOMEM;
    }
    char *copy = strdup(path);
    if (!copy) {
        dlclose(handle);
        br_error_set(err, BR_ERR_NOMEM, path, 0, "out of memory");
        return BR_ERR_NOMEM;
    }
    reg->plugins[reg->nplugins++] = (br_loaded_plugin){handle, copy, d};
    for (size_t i = 0; i < d->n_readers; i++)
        reg->readers[reg->nreaders++] = (br_reader_entry){&d->readers[i], d->name};
    for (size_t i = 0; i < d->n_checks; i++)
        reg->checks[reg->nchecks++] = (br_check_entry){&d->checks[i], d->name};
    return BR_OK;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int br_registry_load_dir(br_registry *reg, const char *dir, br_error *err)
{
    DIR *d = dir ? opendir(dir) : NULL;
    if (!d) {
        br_error_set(err, BR_ERR_IO, dir, 0, "cannot open plugin directory");
        return BR_ERR_IO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".so") != 0)
            continue;
        if (MVEC_PUSH(names, n, cap) != BR_OK || !(names[n] = strdup(e->d_name)))
            break;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    int loaded = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (br_registry_load(reg, path, NULL) == BR_OK)
            loaded++;
        free(names[i]);
    }
    free(names);
    return loaded;
}

size_t br_registry_message_count(const br_registry *reg) { return reg ? reg->nmessages : 0; }

const char *br_registry_message_at(const br_registry *reg, size_t i)
{
    return reg && i < reg->nmessages ? reg->messages[i] : NULL;
}

size_t br_registry_plugin_count(const br_registry *reg) { return reg ? reg->nplugins : 0; }

const br_plugin_desc *br_registry_plugin_at(const br_registry *reg, size_t i, const char **path)
{
    if (!reg || i >= reg->nplugins)
        return NULL;
    if (path)
        *path = reg->plugins[i].path;
    return reg->plugins[i].desc;
}

size_t br_registry_check_count(const br_registry *reg) { return reg ? reg->nchecks : 0; }

const br_check_desc *br_registry_check_at(const br_registry *reg, size_t i,
                                          const char **plugin_name)
{
    if (!reg || i >= reg->nchecks)
        return NULL;
    if (plugin_name)
        *plugin_name = reg->checks[i].owner;
    return reg->checks[i].desc;
}

const br_check_desc *br_registry_find_check(const br_registry *reg, const char *id)
{
    for (size_t i = 0; reg && id && i < reg->nchecks; i++)
        if (strcmp(reg->checks[i].desc->id, id) == 0)
            return reg->checks[i].desc;
    return NULL;
}

int br_registry_add_check(br_registry *reg, const br_check_desc *desc, const char *owner,
                          br_error *err)
{
    char why[512];
    if (!reg || !desc) {
        br_error_set(err, BR_ERR_ARG, owner, 0, "no registry or check");
        return BR_ERR_ARG;
    }
    const char *problem = check_problem(reg, desc, why, sizeof why);
    if (problem) {
        br_error_set(err, BR_ERR_PLUGIN, owner, 0, "check refused: %s", problem);
        return BR_ERR_PLUGIN;
    }
    if (MVEC_PUSH(reg->checks, reg->nchecks, reg->capchecks) != BR_OK) {
        br_error_set(err, BR_ERR_NOMEM, owner, 0, "out of memory");
        return BR_ERR_NOMEM;
    }
    reg->checks[reg->nchecks++] = (br_check_entry){desc, owner ? owner : "api"};
    return BR_OK;
}

int br_registry_remove_check(br_registry *reg, const char *id)
{
    if (!reg || !id)
        return BR_ERR_ARG;
    for (size_t i = 0; i < reg->nchecks; i++)
        if (strcmp(reg->checks[i].desc->id, id) == 0) {
            memmove(&reg->checks[i], &reg->checks[i + 1],
                    (reg->nchecks - i - 1) * sizeof *reg->checks);
            reg->nchecks--;
            return BR_OK;
        }
    return BR_ERR_NOT_FOUND;
}
