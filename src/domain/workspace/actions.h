/* Actions beyond their form: the milestones of an action (added, edited,
 * ticked done or undone and removed, each over the action's version), the
 * sub-action links (no action under one of its own sub-actions), and the
 * progress roll-up as the pages tell it ("47 % from 2 sub-actions and 3
 * milestones"). Rules only; the pages are src/web/ws_actions.c. */
#ifndef TD_DOMAIN_WORKSPACE_ACTIONS_H
#define TD_DOMAIN_WORKSPACE_ACTIONS_H

#include "domain/workspace/edit.h"

#define WS_MILESTONES_MAX   40 /* milestones of one action */
#define WS_MILESTONE_ID_MAX 16 /* bytes of a milestone's id ("m12"); longer ones are never found */

typedef enum WsMilestoneOp {
        WS_MS_ADD,    /* a new milestone from "title_*", "due", "weight" */
        WS_MS_EDIT,   /* the same fields onto milestone ms_id; its done mark stays */
        WS_MS_DONE,   /* "done" = "1" ticks it, "0" unticks it */
        WS_MS_REMOVE, /* removes it */
        WS_MS_OP_MAX
} WsMilestoneOp;

/* Applies op to the milestones of action (a JSON action record, changed
 * in place) for a city working in local. A new milestone gets an id that
 * no milestone of the action has had before ("m<n>", counted in the
 * action's "milestone_seq"), so calendars that hold its UID never see it
 * reused; *ret_id (may be NULL) is the milestone's id (static or arena).
 * Returns 0; -EINVAL with problems (out, *ret_n); -E2BIG past
 * WS_MILESTONES_MAX (a problem says so); -ENOENT for an unknown ms_id;
 * -ENOMEM. On error action may be half-changed: apply to a copy. */
int ws_milestone_apply(Arena *a, json_t *action, Lang local, WsMilestoneOp op, const char *ms_id, WsGetFn get,
                       void *ctx, WsProblem *out, size_t *ret_n, const char **ret_id);

/* The milestone ms_id of action (borrowed from action), or NULL. */
json_t *ws_milestone_get(json_t *action, const char *ms_id);

/* Applies op to the milestones of city's action action_id over
 * expected_version (the action's version: any edit of the action or of one
 * of its milestones moves it on) and stores the action when the whole plan
 * still validates. Returns as ws_save: 0 (ret->rec_id is the milestone's
 * id); -EINVAL/-E2BIG with problems; -EEXIST when the action changed
 * meanwhile; -ENOENT for an unknown action or milestone; -EIO/-ENOMEM.
 * Nothing is stored unless it returns 0. */
int ws_milestone_save(Store *s, Arena *a, const City *city, const char *action_id, int64_t expected_version,
                      WsMilestoneOp op, const char *ms_id, WsGetFn get, void *ctx, WsSaveResult *ret);

/* Whether making rec (an action record) a sub-action of its "parent"
 * would put it under one of its own sub-actions, given the city's stored
 * action rows. */
bool ws_action_parent_cycle(json_t *rec, const IapRecordRow *rows, size_t n);

/* How an action's progress comes about. */
typedef struct WsRollup {
        int permille;        /* its progress */
        size_t n_sub;        /* its direct sub-actions */
        size_t n_milestones; /* its milestones */
        size_t n_done;       /* of which done */
        bool own;            /* neither: its own progress, as typed */
} WsRollup;

/* The roll-up of the action with that id in p; -ENOENT for an unknown id,
 * -ELOOP for sub-actions in a cycle. */
int ws_action_rollup(const IapPlan *p, const char *action_id, WsRollup *ret);

/* The milestones of p that have a due date as one-day events of the city
 * p->city_slug (kind "milestone", title "City: milestone" in lang, details
 * the action's title), for its calendar. Each uid is
 * "<city>-milestone-<action>-<milestone>", as iap_calendar_events makes
 * them, so a subscribed calendar follows an edited milestone. Everything
 * in arena a; -ENOMEM. */
int ws_milestone_events(const IapPlan *p, Lang lang, Arena *a, CalEvent **ret, size_t *ret_n);
/* A city's calendar with its plan's milestones: the *n events of *ev and
 * the milestones of city's stored plan, in a new arena array put in *ev
 * and *n (unchanged on error). -EIO/-EINVAL from loading the plan,
 * -ENOMEM. */
int ws_calendar_add_milestones(Store *s, Arena *a, const City *city, Lang lang, CalEvent **ev, size_t *n);

#endif
