/*
 * budgetrec/text.h — input text normalisation and the per-document arena.
 */
#ifndef BUDGETREC_TEXT_H
#define BUDGETREC_TEXT_H

#include "export.h"
#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A bump allocator: many small allocations, one free.  A disclosure owns one
 * arena; every string, row and cell of the model lives in it.
 */
typedef struct br_arena br_arena;

/*
 * New arena; `chunk` is the first chunk size (0: a default, 16 KiB).  Chunks
 * then double in size; a request larger than a quarter of the next chunk
 * gets a chunk of its own.  NULL on OOM.
 */
BR_API br_arena *br_arena_new(size_t chunk);
/* Free the arena and everything allocated from it.  NULL is a no-op. */
BR_API void br_arena_free(br_arena *arena);
/* `size` bytes aligned to 16, zero-filled; NULL on OOM (or arena == NULL). */
BR_API void *br_arena_alloc(br_arena *arena, size_t size);
/* Copy of s[0..len) plus NUL, in the arena; NULL on OOM (s may be NULL
 * only when len is 0). */
BR_API char *br_arena_strndup(br_arena *arena, const char *s, size_t len);
/* Bytes requested so far, alignment padding excluded (for benchmarks). */
BR_API size_t br_arena_used(const br_arena *arena);

/*
 * Check that data[0..len) is UTF-8: shortest-form encodings of U+0000 …
 * U+10FFFF, surrogates excluded.  Returns BR_OK, or BR_ERR_INPUT with
 * err->line set to the 1-based line of the first invalid byte and a message
 * giving its byte offset (err->file is left "": the caller knows the file).
 */
BR_API int br_utf8_validate(const char *data, size_t len, br_error *err);

/*
 * Normalise valid UTF-8 text for reading: NFKC (full-width digits, letters
 * and punctuation → ASCII, "（" → "(", "，" → ","; "、" "。" "“" "”" stay), the
 * TeX artefacts "\geq"/"\leq" → "≥"/"≤" (whole control words only, not
 * "\geqslant"), no-break and ideographic spaces → ' ', "\r" dropped.
 * Newlines and form feeds are kept exactly, so line numbers of the result
 * are those of the input.  The result (NUL-terminated; *out_len excludes the
 * NUL, out_len may be NULL) is allocated in `arena`.
 * Returns BR_OK, BR_ERR_INPUT for invalid UTF-8 (err names the line),
 * BR_ERR_NOMEM, BR_ERR_ARG (arena or out NULL, data NULL with len > 0).
 */
BR_API int br_text_normalize(const char *data, size_t len, br_arena *arena,
                             char **out, size_t *out_len, br_error *err);

/*
 * Fill *err (when err != NULL) — printf-style message.  `file` may be NULL
 * (stored as "").  Text too long for err->file / err->message is cut, never in
 * the middle of a UTF-8 character.
 */
BR_API void br_error_set(br_error *err, int code, const char *file, long line,
                         const char *fmt, ...) BR_PRINTF(5, 6);
/* A constant name for a status code ("BR_ERR_INPUT"); "BR_ERR_UNKNOWN" for
 * a code that is not a br_status. */
BR_API const char *br_status_name(int code);

#ifdef __cplusplus
}
#endif
#endif
