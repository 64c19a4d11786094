/* Action Planning Table rubric scoring rounds and confidence polls of a
 * city, kept as "round" records beside its plan: every round stays, with
 * its scores, evidence, poll answers and date, so a city sees before and
 * after and the network sees every city side by side. */
#ifndef TD_DOMAIN_WORKSPACE_ROUNDS_H
#define TD_DOMAIN_WORKSPACE_ROUNDS_H

#include "domain/iap/tools.h"
#include "domain/workspace/edit.h"

#define WS_ROUNDS_MAX       40   /* rounds a city keeps */
#define WS_POLL_ANSWERS_MAX 200  /* answers to one poll question in a round */
#define WS_POLL_TEXT_MAX    2000 /* bytes of the answers as typed ("7, 8, 6") */

typedef struct WsPollAnswers {
        const char *item; /* poll question id */
        int *answers;
        size_t n;
} WsPollAnswers;

typedef struct WsRound {
        const char *id;
        IapRound round; /* date, tool version, scores with evidence in the asked language */
        IapText *evidence; /* both sides of each score's evidence, parallel to round.scores */
        WsPollAnswers *poll;
        size_t n_poll;
} WsRound;

/* The rounds of a city, oldest first (arena-owned), each score's evidence
 * in lang (else the other side). A stored round that does not decode is
 * -EINVAL. */
int ws_rounds_load(Store *s, Arena *a, const City *city, Lang lang, WsRound **ret, size_t *ret_n);

/* Reads a new round from the form: "date", and per rubric indicator ID
 * "score_ID" ("" or 0 not scored, 1, 3, 5) with its evidence in
 * "evidence_ID_local" and/or "evidence_ID_en" (a city working in local
 * English has only the latter); per poll
 * question ID "poll_ID" (answers separated by commas or spaces, each on the
 * poll's scale). Checks it with iap_round_check. Returns 0 and the record
 * in *ret_doc (a new reference), or -EINVAL with problems (field names are
 * the form's). */
int ws_round_read(Arena *a, const IapTool *rubric, const IapTool *poll, Lang local, WsGetFn get, void *ctx,
                  json_t **ret_doc, WsProblem *out, size_t *ret_n);

/* Reads and stores a new round for city (rubric and poll from the tools).
 * -EINVAL with problems, -E2BIG past WS_ROUNDS_MAX. */
int ws_round_save(Store *s, Arena *a, const City *city, const IapTool *rubric, const IapTool *poll, WsGetFn get,
                  void *ctx, WsSaveResult *ret);

/* Stores doc as a "round" record "<prefix>-<pos + 1>" at position pos,
 * trying the next positions when a round was saved at the same moment;
 * doc keeps no "id". *ret_id (arena) on success; -EEXIST after three
 * taken positions. */
int ws_round_insert(Store *s, Arena *a, const City *city, json_t *doc, const char *prefix, int64_t pos,
                    const char **ret_id);

/* Answers as numbers on [lo, hi]; -EINVAL (msgid) or -E2BIG. *ret arena. */
int ws_poll_parse(Arena *a, const char *s, int lo, int hi, int **ret, size_t *ret_n, const char **ret_msgid);

#endif
