/*
 * arena.c — a chunked bump allocator.
 *
 * Chunks form a list, newest first.  Regular chunks double in size (up to a
 * cap) so a document costs O(log n) mallocs; an allocation larger than a
 * quarter of the next chunk gets a chunk of its own, linked *behind* the
 * current one so that the free space left in the current chunk is not lost.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <budgetrec/text.h>

#define ARENA_ALIGN 16
#define ARENA_DEFAULT_CHUNK ((size_t)16 * 1024)
#define ARENA_MAX_CHUNK ((size_t)16 * 1024 * 1024)

typedef struct chunk {
    struct chunk *next;
    unsigned char *ptr; /* next free byte */
    unsigned char *end; /* one past the last byte */
} chunk;

struct br_arena {
    chunk *head;      /* the chunk being filled */
    size_t next_size; /* payload size of the next regular chunk */
    size_t used;      /* bytes handed out */
};

/* Align a pointer up to ARENA_ALIGN (it may then lie past the chunk's end). */
static uintptr_t align_up(const unsigned char *p)
{
    return ((uintptr_t)p + (ARENA_ALIGN - 1)) & ~(uintptr_t)(ARENA_ALIGN - 1);
}

/* A chunk with room for `size` bytes at a 16-byte aligned address. */
static chunk *chunk_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(chunk) - ARENA_ALIGN)
        return NULL;
    chunk *c = malloc(sizeof(chunk) + ARENA_ALIGN + size);
    if (!c)
        return NULL;
    c->next = NULL;
    c->ptr = (unsigned char *)(c + 1);
    c->end = c->ptr + ARENA_ALIGN + size;
    return c;
}

br_arena *br_arena_new(size_t chunk_size)
{
    br_arena *a = malloc(sizeof *a);
    if (!a)
        return NULL;
    a->head = NULL;
    a->next_size = chunk_size ? chunk_size : ARENA_DEFAULT_CHUNK;
    a->used = 0;
    return a;
}

void br_arena_free(br_arena *arena)
{
    if (!arena)
        return;
    chunk *c = arena->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(arena);
}

/* Room for `size` bytes, not zeroed. */
static void *arena_raw(br_arena *a, size_t size)
{
    if (!a)
        return NULL;
    if (size == 0)
        size = 1; /* distinct, valid pointers even for empty requests */

    chunk *c = a->head;
    if (c) {
        uintptr_t p = align_up(c->ptr);
        if (p <= (uintptr_t)c->end && size <= (uintptr_t)c->end - p) {
            c->ptr = (unsigned char *)p + size;
            a->used += size;
            return (void *)p;
        }
    }

    if (size > a->next_size / 4) {
        /* Large: its own chunk, full from the start. */
        chunk *big = chunk_new(size);
        if (!big)
            return NULL;
        if (c) {
            big->next = c->next;
            c->next = big;
        } else {
            a->head = big;
        }
        unsigned char *p = (unsigned char *)align_up(big->ptr);
        big->ptr = big->end;
        a->used += size;
        return p;
    }

    chunk *fresh = chunk_new(a->next_size);
    if (!fresh)
        return NULL;
    if (a->next_size < ARENA_MAX_CHUNK)
        a->next_size *= 2;
    fresh->next = c;
    a->head = fresh;
    unsigned char *p = (unsigned char *)align_up(fresh->ptr);
    fresh->ptr = p + size;
    a->used += size;
    return p;
}

void *br_arena_alloc(br_arena *arena, size_t size)
{
    void *p = arena_raw(arena, size);
    if (p)
        memset(p, 0, size);
    return p;
}

char *br_arena_strndup(br_arena *arena, const char *s, size_t len)
{
    if (!s && len > 0)
        return NULL;
    if (len == SIZE_MAX)
        return NULL;
    char *p = arena_raw(arena, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

size_t br_arena_used(const br_arena *arena)
{
    return arena ? arena->used : 0;
}
