/* doc_load: the loader's state and event handlers, shared by libyaml's
 * road (doc.c) and the fast paths for JSON and plain block YAML (doc_fast.c). */
#ifndef SAMLINT_DOC_LOAD_H
#define SAMLINT_DOC_LOAD_H

#include <yaml.h>

#include "arena.h"
#include "doc.h"
#include "strmap.h"

/* An open collection while loading. Its items are gathered on the shared
 * `pending` stack from `first_pending` on, and copied into doc->items when
 * the collection ends. */
typedef struct frame {
    doc_id node;
    size_t first_pending;
    int wrapper;        /* a synthesized {Fn::X: ...} around a tagged collection */
} frame;

typedef struct loader {
    doc *d;
    arena *a;
    const doc_limits *lim;
    size_t cap_nodes, cap_items, cap_tags;
    uint64_t *weight;   /* expanded size of each finished node, for aliases */
    frame *frames;
    size_t n_frames, cap_frames;
    doc_id *pending;
    size_t n_pending, cap_pending;
    strmap anchors;
    uint64_t alias_nodes;
    doc_problem *problems;
    size_t n_problems, cap_problems;
    int fatal;
    char *scratch;      /* a decoded scalar before ld_on_scalar copies it */
    size_t cap_scratch;
    struct ld_interned {
        const char *s;
        uint32_t len;
    } *intern;          /* ld_copy_scalar's table, for big files only */
} loader;

/* Node building, as libyaml's events drive it. */
doc_id ld_new_node(loader *L, enum doc_kind kind, const yaml_mark_t *start, const yaml_mark_t *end);
int ld_push_frame(loader *L, doc_id node, int wrapper, const yaml_mark_t *at);
void ld_pop_frame(loader *L);
void ld_add_child(loader *L, doc_id id);
void ld_on_scalar(loader *L, const yaml_event_t *ev);
void ld_on_collection_start(loader *L, const yaml_event_t *ev, enum doc_kind kind);
void ld_on_collection_end(loader *L, const yaml_event_t *ev);
/* Room for n bytes in the loader's scratch buffer (its old bytes kept):
 * a fast path decodes a scalar there, and ld_on_scalar keeps one copy of
 * exactly its length, not one the size of the buffer it grew in. */
char *ld_scratch(loader *L, size_t n);
/* A scalar's text, NUL-terminated, in the doc's arena: in a big file a
 * short one that came before is shared (scalars are never written to). */
#define INTERN_MAX 32   /* longer scalars are rarely repeated */
const char *ld_intern(loader *L, const char *text, size_t len);
static inline const char *ld_copy_scalar(loader *L, const char *text, size_t len)
{
    return L->intern && len <= INTERN_MAX ? ld_intern(L, text, len) : arena_strndup(L->a, text, len);
}

/* Fast paths: build the tree libyaml would, or return -1 having left
 * partial state that the caller resets before starting libyaml. */
int ld_json(loader *L, const char *text, size_t len);
int ld_yaml(loader *L, const char *text, size_t len);

#endif
