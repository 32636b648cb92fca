/*
 * read.c — turning an input file into a disclosure: load the bytes, sort out
 * what kind of input it is, normalise text, and hand it to the reader whose
 * sniff is most confident.  Every refusal names the file (and the line when
 * one is at fault).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "encoding.h"
#include "engine_internal.h"
#include "model_internal.h"

/* Inputs larger than this are refused rather than read into memory. */
#define BR_MAX_INPUT_BYTES (512u * 1024 * 1024)

/* Offset of the first NUL byte within the first 8 KiB, or -1. */
static long first_nul(const char *data, size_t len)
{
    const char *nul = memchr(data, 0, len < 8192 ? len : 8192);
    return nul ? (long)(nul - data) : -1;
}

/*
 * The text of the input for the readers: valid UTF-8 as it is, else
 * GB18030 (GBK) converted to UTF-8 when it converts cleanly; NFKC-normalised
 * into doc's arena.  src->text stays NULL for binary or undecodable input
 * (*utf8_err then says where the UTF-8 went wrong).
 */
static int source_text(br_disclosure *doc, br_source *src, long nul, br_error *utf8_err,
                       br_error *err)
{
    const char *data = (const char *)src->data;
    size_t len = src->size;
    char *converted = NULL;
    if (nul >= 0)
        return BR_OK;
    if (br_utf8_validate(data, len, utf8_err) != BR_OK) {
        size_t clen;
        int rc = br_gb18030_to_utf8(data, len, &converted, &clen);
        if (rc == BR_ERR_NOMEM) {
            br_error_set(err, rc, src->path, 0, "out of memory");
            return rc;
        }
        if (rc != BR_OK)
            return BR_OK; /* neither: reported as invalid UTF-8 if no reader wants the bytes */
        data = converted;
        len = clen;
        rc = br_disclosure_set_encoding(doc, "GB18030");
        if (rc != BR_OK) {
            free(converted);
            br_error_set(err, rc, src->path, 0, "out of memory");
            return rc;
        }
    }
    char *text;
    size_t text_len;
    int rc = br_text_normalize(data, len, br_disclosure_arena(doc), &text, &text_len, err);
    free(converted);
    if (rc == BR_OK) {
        src->text = text;
        src->text_len = text_len;
    }
    return rc;
}

/* The reader named `name`, or NULL. */
static const br_reader_entry *named_reader(const br_registry *reg, const char *name)
{
    for (size_t i = 0; i < reg->nreaders; i++)
        if (strcmp(reg->readers[i].desc->name, name) == 0)
            return &reg->readers[i];
    return NULL;
}

/* The reader whose sniff is most confident, or NULL when none is. */
static const br_reader_entry *best_reader(const br_registry *reg, const br_source *src)
{
    const br_reader_entry *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < reg->nreaders; i++) {
        int score = reg->readers[i].desc->sniff(src);
        if (score > best_score) {
            best_score = score;
            best = &reg->readers[i];
        }
    }
    return best;
}

int br_registry_read_buffer_with(const br_registry *reg, const char *reader, const char *path,
                                 const char *data, size_t len, br_disclosure **out,
                                 br_error *err)
{
    if (!reg || !out || (!data && len)) {
        br_error_set(err, BR_ERR_ARG, path, 0, "invalid arguments");
        return BR_ERR_ARG;
    }
    *out = NULL;
    const br_reader_entry *forced = reader ? named_reader(reg, reader) : NULL;
    if (reader && !forced) {
        br_error_set(err, BR_ERR_NOT_FOUND, path, 0, "no reader named %s", reader);
        return BR_ERR_NOT_FOUND;
    }
    if (len == 0) {
        br_error_set(err, BR_ERR_INPUT, path, 0, "empty file");
        return BR_ERR_INPUT;
    }
    br_disclosure *doc = br_disclosure_new(path);
    if (!doc) {
        br_error_set(err, BR_ERR_NOMEM, path, 0, "out of memory");
        return BR_ERR_NOMEM;
    }

    br_source src = {.path = path, .data = (const unsigned char *)data, .size = len};
    br_error utf8_err = {0};
    long nul = first_nul(data, len);
    int rc = source_text(doc, &src, nul, &utf8_err, err);
    if (rc != BR_OK) {
        br_disclosure_free(doc);
        return rc;
    }

    const br_reader_entry *best = forced;
    if (forced && forced->desc->sniff(&src) <= 0) {
        br_disclosure_free(doc);
        br_error_set(err, BR_ERR_UNSUPPORTED, path, 0, "reader %s does not recognise this input",
                     reader);
        return BR_ERR_UNSUPPORTED;
    }
    if (!forced)
        best = best_reader(reg, &src);
    if (!best) {
        br_disclosure_free(doc);
        if (nul >= 0) {
            br_error_set(err, BR_ERR_INPUT, path, 0,
                         "binary file (NUL byte at offset %ld), and no reader recognises it",
                         nul);
            return BR_ERR_INPUT;
        }
        if (!src.text) {
            br_error_set(err, BR_ERR_INPUT, path, utf8_err.line, "%s", utf8_err.message);
            return BR_ERR_INPUT;
        }
        br_error_set(err, BR_ERR_UNSUPPORTED, path, 0,
                     reg->nreaders ? "no reader recognises this input (no disclosure tables)"
                                   : "no reader plugin is loaded");
        return BR_ERR_UNSUPPORTED;
    }

    br_disclosure_set_reader(doc, best->desc->name);
    br_error rerr = {0};
    rc = best->desc->read(&src, doc, &rerr);
    /* a narrative published apart from its tables is a disclosure too; only a
     * document with neither tables nor narrative figures is refused */
    if (rc == BR_OK && br_disclosure_table_count(doc) == 0 &&
        br_narrative_claim_count(br_disclosure_narrative(doc)) == 0) {
        rc = BR_ERR_UNSUPPORTED;
        br_error_set(&rerr, rc, path, 0, "no recognisable table");
    }
    if (rc != BR_OK) {
        br_disclosure_free(doc);
        if (err) {
            *err = rerr;
            err->code = rc;
            if (!err->file[0])
                snprintf(err->file, sizeof err->file, "%s", path ? path : "");
            if (!err->message[0])
                snprintf(err->message, sizeof err->message, "reader %s failed (%s)",
                         best->desc->name, br_status_name(rc));
        }
        return rc;
    }
    br_disclosure_audit_columns(doc);
    if (!br_disclosure_phase(doc))
        br_disclosure_set_phase(doc, br_disclosure_detect_phase(doc));
    *out = doc;
    return BR_OK;
}

int br_registry_read_buffer(const br_registry *reg, const char *path, const char *data,
                            size_t len, br_disclosure **out, br_error *err)
{
    return br_registry_read_buffer_with(reg, NULL, path, data, len, out, err);
}

int br_registry_read(const br_registry *reg, const char *path, br_disclosure **out,
                     br_error *err)
{
    if (out)
        *out = NULL;
    if (!path) {
        br_error_set(err, BR_ERR_ARG, NULL, 0, "no path");
        return BR_ERR_ARG;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        br_error_set(err, BR_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
        return BR_ERR_IO;
    }
    if (S_ISDIR(st.st_mode)) {
        br_error_set(err, BR_ERR_IO, path, 0, "is a directory, not a disclosure file");
        return BR_ERR_IO;
    }
    if (!S_ISREG(st.st_mode)) {
        br_error_set(err, BR_ERR_IO, path, 0, "not a regular file");
        return BR_ERR_IO;
    }
    if ((unsigned long long)st.st_size > BR_MAX_INPUT_BYTES) {
        br_error_set(err, BR_ERR_INPUT, path, 0, "file too large (%lld bytes; limit %u)",
                     (long long)st.st_size, BR_MAX_INPUT_BYTES);
        return BR_ERR_INPUT;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        br_error_set(err, BR_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
        return BR_ERR_IO;
    }
    size_t cap = (size_t)st.st_size;
    char *data = malloc(cap ? cap : 1);
    size_t len = data ? fread(data, 1, cap, f) : 0;
    int failed = !data || ferror(f);
    fclose(f);
    if (failed) {
        int code = data ? BR_ERR_IO : BR_ERR_NOMEM;
        free(data);
        br_error_set(err, code, path, 0, code == BR_ERR_IO ? "read error" : "out of memory");
        return code;
    }
    int rc = br_registry_read_buffer(reg, path, data, len, out, err);
    free(data);
    return rc;
}

int br_registry_read_parts(const br_registry *reg, const char *const *paths, size_t n,
                           br_disclosure **out, br_error *err)
{
    if (out)
        *out = NULL;
    if (!paths || !n || !out) {
        br_error_set(err, BR_ERR_ARG, NULL, 0, "no path");
        return BR_ERR_ARG;
    }
    br_disclosure *doc = NULL;
    for (size_t i = 0; i < n; i++) {
        br_disclosure *part = NULL;
        int rc = br_registry_read(reg, paths[i], &part, err);
        char why[640];
        if (rc == BR_OK && doc && !br_disclosure_parts_agree(doc, part, why, sizeof why)) {
            rc = BR_ERR_INPUT;
            br_error_set(err, rc, paths[i], 0, "%s", why);
            br_disclosure_free(part);
        } else if (rc == BR_OK && doc && (rc = br_disclosure_join(doc, part)) != BR_OK) {
            br_error_set(err, rc, paths[i], 0, "out of memory");
            br_disclosure_free(part);
        }
        if (rc != BR_OK) {
            br_disclosure_free(doc);
            return rc;
        }
        if (!doc)
            doc = part;
    }
    *out = doc;
    return BR_OK;
}
