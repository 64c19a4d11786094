/* Editing a city's plan records from forms: the fields of each editable
 * kind (the web layer renders its forms from this table), the rules that
 * turn submitted values into the record's JSON (limits, bilingual text with
 * its source and stale mark, the minutes' draft → amended → final states
 * with their history), and saving with the record's version so that a
 * stale edit changes nothing. */
#ifndef TD_DOMAIN_WORKSPACE_EDIT_H
#define TD_DOMAIN_WORKSPACE_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "domain/iap/plan.h"
#include "domain/workspace/plan_json.h"
#include "store/store.h"

#define WS_KIND_RECORDS_MAX 200    /* records of one kind a city may keep */
#define WS_TITLE_MAX        IAP_SHORT_MAX /* bytes of a title, name or unit, per language */
#define WS_LONG_MAX         8000   /* bytes of a long text (agenda, minutes...), per language */
#define WS_NODE_MAX         1000   /* bytes of a problem-tree node, per language */
#define WS_DECISIONS_MAX    30     /* decisions of one meeting */
#define WS_HISTORY_MAX      20     /* earlier versions of minutes kept */
#define WS_ATTENDANCE_MAX   10000  /* people at one meeting */
#define WS_RISKS_MAX        2      /* risks edited with one action */
#define WS_BUDGET_MAX_EURO  1000000000LL /* budget of one action */
#define WS_VALUE_MAX        1000000000LL /* baseline, targets and actuals */
#define WS_SCALE_MAX        5      /* influence and interest of a stakeholder (1..5) */
#define WS_PERIODS_TEXT_MAX 2000   /* bytes of the "2025: 10, 2026: 20" list */

typedef enum WsFieldType {
        WS_FT_TEXT,    /* bilingual, one line, max bytes per language */
        WS_FT_LONG,    /* bilingual, multi-line */
        WS_FT_LINES,   /* bilingual list, one item per line (decisions) */
        WS_FT_STRING,  /* one line, not translated (a unit) */
        WS_FT_DATE,    /* YYYY-MM-DD */
        WS_FT_INT,     /* whole number 0..max */
        WS_FT_MONEY,   /* euro amount "1200" or "1200.50", stored in cents */
        WS_FT_REF,     /* id of another record of kind ref ("" for none) */
        WS_FT_CHOICE,  /* one of choices */
        WS_FT_PERIODS, /* "2025: 10, 2026Q1: 12" */
        WS_FT_PERCENT, /* 0..100 % with at most one decimal ("47.5"), stored in permille */
        WS_FT_TYPE_MAX
} WsFieldType;

typedef struct WsField {
        const char *key;   /* JSON key and form name stem ("risk1_likelihood" for risks) */
        WsFieldType type;
        const char *label; /* msgid */
        const char *hint;  /* msgid or NULL */
        bool required;
        int64_t max;       /* bytes per language (texts) or largest value (numbers) */
        WsKind ref;        /* WS_FT_REF: the kind referred to */
        const char *const *choices;       /* WS_FT_CHOICE: values, NULL-terminated */
        const char *const *choice_labels; /* msgids, parallel */
        const char *obj;   /* NULL, or the record's object the key lives in ("vision") */
} WsField;

typedef struct WsForm {
        WsKind kind;
        const char *slug;   /* "meetings": the URL segment */
        const char *title;  /* msgid of the page */
        const char *record; /* msgid naming one record ("Meeting") */
        const WsField *fields;
        size_t n_fields;
        const char *singleton; /* NULL, or the id of the kind's one record ("plan") */
} WsForm;

/* The editable kinds: meetings, problems, objectives, actions, indicators,
 * stakeholders, testing actions, good practices, and the vision (the plan record's Newspaper of Tomorrow). */
#define WS_FORMS_MAX 9
const WsForm *ws_forms(size_t *ret_n);
/* The form whose slug is s; NULL when none. */
const WsForm *ws_form_by_slug(const char *s);
/* The fields of one milestone of an action (title, due date, weight): not
 * a kind of its own, so not among ws_forms (see actions.h). Static. */
const WsForm *ws_milestone_form(void);

/* One problem with the submitted values: the field key (NULL for the
 * record as a whole) and an English msgid. */
typedef struct WsProblem {
        const char *field, *msgid;
} WsProblem;
#define WS_PROBLEMS_MAX 16

/* Reads submitted form values by name ("title_local", "title_en", "date");
 * NULL when absent. */
typedef const char *(*WsGetFn)(void *ctx, const char *name);

/* Form names of the two sides of bilingual field key (arena strings). */
const char *ws_name_local(Arena *a, const char *key);
const char *ws_name_en(Arena *a, const char *key);

/* Applies the submitted values onto rec (a JSON object of form's kind,
 * updated in place) for a city working in local. Bilingual fields follow
 * iap_text_set: the first side written is the source, changing the source
 * marks the other side stale, changing the other side clears it. A meeting
 * also takes "minutes_action" (draft, amended, final). Returns 0, or
 * -EINVAL with problems in out (at most WS_PROBLEMS_MAX; *ret_n their
 * count), -EACCES when the record may no longer change (final minutes),
 * -ENOMEM. On error rec may be half-changed: apply to a copy. */
int ws_form_apply(Arena *a, const WsForm *form, json_t *rec, Lang local, WsGetFn get, void *ctx, WsProblem *out,
                  size_t *ret_n);

/* Decodes a bilingual field of rec (absent: empty). */
IapText ws_text_of(Arena *a, json_t *rec, const char *key, Lang local);
/* The bilingual text of field f (TEXT/LONG) in rec. Owned by rec/a. */
IapText ws_field_text(Arena *a, const WsField *f, json_t *rec, Lang local);
/* The value a form shows for field f of rec: one side of a bilingual field
 * (a city working in English has only WS_SIDE_EN), or the plain value
 * (amounts in euro, periods as "2025: 10"). "" when absent; arena or rec. */
typedef enum WsSide { WS_SIDE_PLAIN, WS_SIDE_LOCAL, WS_SIDE_EN, WS_SIDE_MAX } WsSide;
const char *ws_form_value(Arena *a, const WsField *f, json_t *rec, Lang local, WsSide side);
/* Whether a stored meeting's minutes are final. */
bool ws_meeting_final(json_t *rec);

/* Result of ws_save / ws_delete. */
typedef struct WsSaveResult {
        const char *rec_id; /* the record saved (new ones get an id) */
        WsProblem problems[WS_PROBLEMS_MAX];
        size_t n_problems;
} WsSaveResult;

/* Creates (rec_id NULL) or updates a record of city from submitted values,
 * only over expected_version. The whole plan with the change must still
 * validate, so the plan page and exports never break. Returns 0; -EINVAL
 * with problems; -EEXIST when someone saved the record meanwhile; -EACCES
 * for final minutes; -ENOENT for an unknown record; -E2BIG past
 * WS_KIND_RECORDS_MAX (a problem says so); -EIO/-ENOMEM. Nothing is stored
 * unless it returns 0. */
int ws_save(Store *s, Arena *a, const City *city, const WsForm *form, const char *rec_id, int64_t expected_version,
            WsGetFn get, void *ctx, WsSaveResult *ret);
/* More to check and to write with a record (a stakeholder's contact):
 * check adds problems to res before anything is stored; write runs in the
 * same transaction, after the record, with the record's id. Either may be
 * NULL. */
typedef struct WsSaveHook {
        void (*check)(void *ctx, WsSaveResult *res);
        int (*write)(void *ctx, StoreConn *c, const City *city, const char *rec_id);
        void *ctx;
} WsSaveHook;
/* ws_save with hook (may be NULL). */
int ws_save_ex(Store *s, Arena *a, const City *city, const WsForm *form, const char *rec_id, int64_t expected_version,
               WsGetFn get, void *ctx, const WsSaveHook *hook, WsSaveResult *ret);
/* Changes the stored record rec_id by fn (which edits the decoded record
 * in place, adding problems to res, and returns 0 or a negative errno),
 * with the same version, whole-plan check and storing as ws_save. */
typedef int (*WsChangeFn)(Arena *a, json_t *rec, Lang local, void *ctx, WsSaveResult *res);
int ws_change(Store *s, Arena *a, const City *city, const WsForm *form, const char *rec_id, int64_t expected_version,
              WsChangeFn fn, void *ctx, WsSaveResult *ret);
/* Removes a record over expected_version; -EINVAL with a problem when
 * other records still refer to it, -EACCES for final minutes. */
int ws_delete(Store *s, Arena *a, const City *city, const WsForm *form, const char *rec_id, int64_t expected_version,
              WsSaveResult *ret);

/* Records of one kind of a city (arena-owned rows). */
int ws_rows(Store *s, Arena *a, const char *city_slug, WsKind kind, IapRecordRow **ret, size_t *ret_n);
/* Parses a row's document (a new reference, the caller decrefs). */
json_t *ws_row_doc(const IapRecordRow *row);

/* "2025: 10, 2026Q1: 12" into a JSON object {"2025": 10, ...}; -EINVAL
 * (msgid in *ret_msgid) for a bad period, value or a period given twice;
 * -E2BIG past IAP_PERIODS_MAX. */
int ws_periods_parse(const char *s, json_t **ret, const char **ret_msgid);
/* The object back as text in the same form (arena). */
const char *ws_periods_text(Arena *a, json_t *obj);

#endif
