/* The AnonSession structure (internal to the anonymiser). */
#ifndef TD_DOMAIN_ANON_SESSION_H
#define TD_DOMAIN_ANON_SESSION_H

#include <stdio.h>

#include "domain/anonymize/anon_internal.h"

typedef struct KnownList {
        const char *v[ANON_MAX_KNOWN * 2];
        size_t len[ANON_MAX_KNOWN * 2];
        size_t n;
} KnownList;

typedef struct KnownName {
        const char *tok[ANON_NAME_RUN_MAX]; /* folded tokens */
        size_t len[ANON_NAME_RUN_MAX];
        size_t stem[ANON_NAME_RUN_MAX];     /* bytes that inflected forms share */
        size_t n;
} KnownName;

enum { ROLE_PERSON, ROLE_CANDIDATE, ROLE_REFEREE };

#define ANON_PEOPLE_BITS 65536 /* filter in front of AnonSession.people (power of two) */

typedef struct Person {
        char code[8];
        int role;
        const char *label; /* "Candidate K7Q"; owned by the session arena */
} Person;

/* One entry of AnonSession.people: a folded name base -> the person. */
typedef struct PersonRef {
        const char *key;
        uint32_t klen, hash;
        Person *p;
} PersonRef;

struct AnonSession {
        const AnonEngine *e;
        Arena *arena;          /* known values, people, labels */
        Lang lang;
        bool lang_auto, lang_done, first_is_candidate, refs, header_done;
        uint8_t key[ANON_KEY_BYTES];
        void (*name_candidate)(void *ctx, size_t start, size_t end, bool taken, const char *feats, size_t n);
        void *name_candidate_ctx;
        char pool[ANON_MAX_POOL_ID + 1];
        KnownList emails, digits, alnum;
        KnownName names[ANON_MAX_KNOWN];
        size_t n_names;
        HTab people;           /* PersonRef by base */
        uint64_t people_bits[ANON_PEOPLE_BITS / 64]; /* one bit per hash of people's bases */
        HTab codes;            /* HItem by code: codes in use */
        size_t n_people;
        Person *candidate;
        /* scan buffers, reused chunk after chunk (no allocation per chunk) */
        Tok *toks;
        size_t captok;
        char *fold;
        size_t capfold;
        Find *finds;
        size_t capfind;
        uint8_t *cov;          /* capcov bytes: tokens covered by a finding (pass 2b) */
        uint32_t *caps;        /* capcov indices: capitalised tokens (pass 2b) */
        size_t capcov;
        MemoSlot *memo;        /* ANON_MEMO_SLOTS, allocated on the first chunk */
        Lang memo_lang;        /* the language the memo's flags were taken in */
        int date_section;      /* anon_dates.c: the section the last chunk ended in */
};

#endif
