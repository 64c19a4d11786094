#include "domain/iap/tools.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/paths.h"
#include "core/utf8.h"

static const char *const tool_names[IAP_TOOL_MAX] = {
        "aspects12",         "integration_grid",     "action_planning_rubric", "confidence_poll",
        "testing_action_canvas", "good_practice_form", "case_example_form",      "city_action_table",
        "action_details",    "iap_structure",
};

static const char *const field_type_names[IAP_FIELD_TYPE_MAX] = {"text", "choice", "score", "number",
                                                                   "info"};

const char *iap_tool_name(IapToolId id) {
        return (unsigned)id < IAP_TOOL_MAX ? tool_names[id] : NULL;
}

/* Parser state: the JSON path of the value being read, for error messages. */
typedef struct Ctx {
        Arena *a;
        IapLoadError *err;
        char path[160];
        size_t plen;
} Ctx;

static size_t push(Ctx *c, const char *fmt, const char *key, size_t idx) {
        size_t old = c->plen;
        int n = key ? snprintf(c->path + old, sizeof c->path - old, fmt, key)
                    : snprintf(c->path + old, sizeof c->path - old, fmt, idx);
        if (n > 0)
                c->plen = old + (size_t)n < sizeof c->path ? old + (size_t)n : sizeof c->path - 1;
        return old;
}

static void pop(Ctx *c, size_t old) {
        c->plen = old;
        c->path[old] = '\0';
}

static int fail(Ctx *c, int rc, const char *msgid) {
        if (c->err && !c->err->msgid) {
                snprintf(c->err->field, sizeof c->err->field, "%s", c->path);
                c->err->msgid = msgid;
        }
        return rc;
}

static int fail_key(Ctx *c, const char *key, int rc, const char *msgid) {
        size_t o = push(c, c->plen ? ".%s" : "%s", key, 0);
        fail(c, rc, msgid);
        pop(c, o);
        return rc;
}

static bool id_valid(const char *s) {
        size_t n = strlen(s);
        if (n == 0 || n > IAP_ID_MAX)
                return false;
        for (size_t i = 0; i < n; i++)
                if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
                        return false;
        return true;
}

/* Reads obj[key] as a string; required or optional. */
static int get_str(Ctx *c, json_t *obj, const char *key, bool required, size_t max, const char **ret) {
        json_t *v = json_object_get(obj, key);
        if (!v) {
                if (required)
                        return fail_key(c, key, -EINVAL, N_("required field is missing"));
                *ret = NULL;
                return 0;
        }
        if (!json_is_string(v))
                return fail_key(c, key, -EINVAL, N_("must be a text string"));
        size_t n = json_string_length(v);
        const char *s = json_string_value(v);
        if (n > max)
                return fail_key(c, key, -E2BIG, N_("text is too long"));
        if (!utf8_valid(s, n) || memchr(s, '\0', n))
                return fail_key(c, key, -EINVAL, N_("text is not valid UTF-8"));
        char *d = arena_strndup(c->a, s, n);
        if (!d)
                return -ENOMEM;
        *ret = d;
        return 0;
}

static int get_id(Ctx *c, json_t *obj, const char **ret) {
        int r = get_str(c, obj, "id", true, IAP_ID_MAX, ret);
        if (r < 0)
                return r;
        return id_valid(*ret) ? 0 : fail_key(c, "id", -EINVAL, N_("identifier must be lower-case letters, digits or _"));
}

static int parse_label_obj(Ctx *c, json_t *v, IapLabel *ret) {
        if (!json_is_object(v))
                return fail(c, -EINVAL, N_("must be an object of texts per language"));
        IapLabel l = {{NULL}};
        const char *key;
        json_t *val;
        json_object_foreach(v, key, val) {
                Lang lang;
                if (strlen(key) != 2 || lang_parse(key, &lang) < 0)
                        return fail_key(c, key, -EINVAL, N_("unknown language code"));
                int r = get_str(c, v, key, true, IAP_LABEL_MAX, &l.s[lang]);
                if (r < 0)
                        return r;
        }
        if (!l.s[LANG_EN] || !*l.s[LANG_EN])
                return fail_key(c, "en", -EINVAL, N_("the English text is required"));
        *ret = l;
        return 0;
}

static int get_label(Ctx *c, json_t *obj, const char *key, bool required, IapLabel *ret) {
        json_t *v = json_object_get(obj, key);
        if (!v) {
                memset(ret, 0, sizeof *ret);
                return required ? fail_key(c, key, -EINVAL, N_("required field is missing")) : 0;
        }
        size_t o = push(c, c->plen ? ".%s" : "%s", key, 0);
        int r = parse_label_obj(c, v, ret);
        if (r == 0)
                pop(c, o);
        return r;
}

/* Optional array obj[key]; *ret_arr NULL when absent. */
static int get_array(Ctx *c, json_t *obj, const char *key, size_t max, json_t **ret_arr) {
        json_t *v = json_object_get(obj, key);
        *ret_arr = NULL;
        if (!v)
                return 0;
        if (!json_is_array(v))
                return fail_key(c, key, -EINVAL, N_("must be a list"));
        if (json_array_size(v) > max)
                return fail_key(c, key, -E2BIG, N_("list is too long"));
        *ret_arr = v;
        return 0;
}

static int get_type(Ctx *c, json_t *obj, IapFieldType *ret) {
        const char *s;
        int r = get_str(c, obj, "type", false, 16, &s);
        if (r < 0)
                return r;
        *ret = IAP_FIELD_TEXT;
        if (!s)
                return 0;
        for (int i = 0; i < IAP_FIELD_TYPE_MAX; i++)
                if (strcmp(s, field_type_names[i]) == 0) {
                        *ret = (IapFieldType)i;
                        return 0;
                }
        return fail_key(c, "type", -EINVAL, N_("unknown field type"));
}

static int parse_options(Ctx *c, json_t *obj, IapFieldType type, IapOption **ret, size_t *ret_n) {
        json_t *arr;
        int r = get_array(c, obj, "options", IAP_TOOL_ITEMS_MAX, &arr);
        if (r < 0)
                return r;
        *ret = NULL;
        *ret_n = 0;
        if (!arr)
                return type == IAP_FIELD_CHOICE ? fail_key(c, "options", -EINVAL, N_("a choice needs options")) : 0;
        size_t n = json_array_size(arr);
        IapOption *o = arena_alloc(c->a, (n ? n : 1) * sizeof *o);
        if (!o)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                size_t old = push(c, ".options[%zu]", NULL, i);
                json_t *e = json_array_get(arr, i);
                if (!json_is_object(e))
                        return fail(c, -EINVAL, N_("must be an object"));
                if ((r = get_id(c, e, &o[i].id)) < 0 || (r = get_label(c, e, "label", true, &o[i].label)) < 0)
                        return r;
                pop(c, old);
        }
        *ret = o;
        *ret_n = n;
        return 0;
}

static int parse_column(Ctx *c, json_t *e, IapColumn *col) {
        if (!json_is_object(e))
                return fail(c, -EINVAL, N_("must be an object"));
        int r;
        if ((r = get_id(c, e, &col->id)) < 0 || (r = get_type(c, e, &col->type)) < 0 ||
            (r = get_label(c, e, "label", true, &col->label)) < 0 ||
            (r = get_label(c, e, "help", false, &col->help)) < 0)
                return r;
        return parse_options(c, e, col->type, &col->options, &col->n_options);
}

static int parse_indications(Ctx *c, json_t *e, IapItem *it) {
        json_t *v = json_object_get(e, "indications");
        if (!v)
                return 0;
        size_t o = push(c, ".%s", "indications", 0);
        if (!json_is_object(v))
                return fail(c, -EINVAL, N_("must be an object"));
        static const char *const keys[3] = {"1", "3", "5"};
        for (int i = 0; i < 3; i++) {
                int r = get_label(c, v, keys[i], true, &it->indications[i]);
                if (r < 0)
                        return r;
        }
        if (json_object_size(v) != 3)
                return fail(c, -EINVAL, N_("indications are given for scores 1, 3 and 5 only"));
        pop(c, o);
        it->has_indications = true;
        return 0;
}

static int parse_notes(Ctx *c, json_t *e, IapItem *it) {
        json_t *arr;
        int r = get_array(c, e, "notes", IAP_TOOL_ITEMS_MAX, &arr);
        if (r < 0 || !arr)
                return r;
        it->n_notes = json_array_size(arr);
        it->notes = arena_alloc(c->a, (it->n_notes ? it->n_notes : 1) * sizeof *it->notes);
        if (!it->notes)
                return -ENOMEM;
        for (size_t i = 0; i < it->n_notes; i++) {
                size_t old = push(c, ".notes[%zu]", NULL, i);
                if ((r = parse_label_obj(c, json_array_get(arr, i), &it->notes[i])) < 0)
                        return r;
                pop(c, old);
        }
        return 0;
}

static int parse_item(Ctx *c, json_t *e, IapItem *it) {
        if (!json_is_object(e))
                return fail(c, -EINVAL, N_("must be an object"));
        int r;
        if ((r = get_id(c, e, &it->id)) < 0 || (r = get_type(c, e, &it->type)) < 0 ||
            (r = get_label(c, e, "label", true, &it->label)) < 0 || (r = parse_notes(c, e, it)) < 0 ||
            (r = parse_indications(c, e, it)) < 0)
                return r;
        json_t *p = json_object_get(e, "personal");
        if (p && !json_is_boolean(p))
                return fail_key(c, "personal", -EINVAL, N_("must be true or false"));
        it->personal = p && json_is_true(p);
        return parse_options(c, e, it->type, &it->options, &it->n_options);
}

static int parse_section(Ctx *c, json_t *e, IapSection *s) {
        if (!json_is_object(e))
                return fail(c, -EINVAL, N_("must be an object"));
        int r;
        json_t *arr;
        if ((r = get_id(c, e, &s->id)) < 0 || (r = get_label(c, e, "label", true, &s->label)) < 0 ||
            (r = get_array(c, e, "items", IAP_TOOL_ITEMS_MAX, &arr)) < 0)
                return r;
        if (!arr || json_array_size(arr) == 0)
                return fail_key(c, "items", -EINVAL, N_("a section needs at least one item"));
        s->n_items = json_array_size(arr);
        s->items = arena_alloc(c->a, s->n_items * sizeof *s->items);
        if (!s->items)
                return -ENOMEM;
        for (size_t i = 0; i < s->n_items; i++) {
                size_t old = push(c, ".items[%zu]", NULL, i);
                if ((r = parse_item(c, json_array_get(arr, i), &s->items[i])) < 0)
                        return r;
                pop(c, old);
        }
        return 0;
}

static int parse_columns(Ctx *c, json_t *root, IapTool *t) {
        json_t *arr;
        int r = get_array(c, root, "columns", IAP_TOOL_ITEMS_MAX, &arr);
        if (r < 0 || !arr)
                return r;
        t->n_columns = json_array_size(arr);
        t->columns = arena_alloc(c->a, (t->n_columns ? t->n_columns : 1) * sizeof *t->columns);
        if (!t->columns)
                return -ENOMEM;
        for (size_t i = 0; i < t->n_columns; i++) {
                size_t old = push(c, "columns[%zu]", NULL, i);
                if ((r = parse_column(c, json_array_get(arr, i), &t->columns[i])) < 0)
                        return r;
                pop(c, old);
        }
        return 0;
}

static int parse_sections(Ctx *c, json_t *root, IapTool *t) {
        json_t *arr;
        int r = get_array(c, root, "sections", IAP_TOOL_SECTIONS_MAX, &arr);
        if (r < 0 || !arr)
                return r;
        t->n_sections = json_array_size(arr);
        t->sections = arena_alloc(c->a, (t->n_sections ? t->n_sections : 1) * sizeof *t->sections);
        if (!t->sections)
                return -ENOMEM;
        for (size_t i = 0; i < t->n_sections; i++) {
                size_t old = push(c, "sections[%zu]", NULL, i);
                if ((r = parse_section(c, json_array_get(arr, i), &t->sections[i])) < 0)
                        return r;
                pop(c, old);
        }
        return 0;
}

/* Identifiers must be unique across all sections so rounds can name them. */
static int check_unique_ids(Ctx *c, const IapTool *t) {
        for (size_t s = 0; s < t->n_sections; s++)
                for (size_t i = 0; i < t->sections[s].n_items; i++) {
                        size_t sec;
                        const IapItem *f = iap_tool_find_item(t, t->sections[s].items[i].id, &sec);
                        if (f != &t->sections[s].items[i]) {
                                size_t o = push(c, "sections[%zu]", NULL, s);
                                push(c, ".items[%zu].id", NULL, i);
                                fail(c, -EINVAL, N_("duplicate identifier"));
                                pop(c, o);
                                return -EINVAL;
                        }
                }
        return 0;
}

static int check_kind(Ctx *c, json_t *root, IapTool *t) {
        if (t->n_sections == 0 && t->n_columns == 0)
                return fail_key(c, "sections", -EINVAL, N_("a tool needs sections or columns"));
        if (strcmp(t->id, "action_planning_rubric") == 0) {
                for (size_t s = 0; s < t->n_sections; s++)
                        for (size_t i = 0; i < t->sections[s].n_items; i++)
                                if (!t->sections[s].items[i].has_indications) {
                                        size_t o = push(c, "sections[%zu]", NULL, s);
                                        push(c, ".items[%zu].indications", NULL, i);
                                        fail(c, -EINVAL, N_("every rubric indicator needs indications for 1, 3 and 5"));
                                        pop(c, o);
                                        return -EINVAL;
                                }
        }
        json_t *sc = json_object_get(root, "scale");
        if (sc) {
                json_t *lo = json_object_get(sc, "min"), *hi = json_object_get(sc, "max");
                if (!json_is_integer(lo) || !json_is_integer(hi) || json_integer_value(lo) < 1 ||
                    json_integer_value(hi) <= json_integer_value(lo) || json_integer_value(hi) > IAP_POLL_SCALE_MAX)
                        return fail_key(c, "scale", -EINVAL, N_("scale needs whole numbers min < max within 1 to 100"));
                t->scale_min = (int)json_integer_value(lo);
                t->scale_max = (int)json_integer_value(hi);
        } else if (strcmp(t->id, "confidence_poll") == 0) {
                return fail_key(c, "scale", -EINVAL, N_("required field is missing"));
        }
        return check_unique_ids(c, t);
}

static int parse_root(Ctx *c, const char *name, json_t *root, IapTool *t) {
        if (!json_is_object(root))
                return fail(c, -EINVAL, N_("must be an object"));
        int r;
        if ((r = get_str(c, root, "tool", true, IAP_ID_MAX, &t->id)) < 0)
                return r;
        if (name && strcmp(t->id, name) != 0)
                return fail_key(c, "tool", -EINVAL, N_("tool name does not match the file name"));
        json_t *v = json_object_get(root, "version");
        if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 1000000)
                return fail_key(c, "version", -EINVAL, N_("version must be a whole number from 1"));
        t->version = (int)json_integer_value(v);
        if ((r = get_str(c, root, "source", false, IAP_LABEL_MAX, &t->source)) < 0 ||
            (r = get_label(c, root, "title", true, &t->title)) < 0 ||
            (r = get_label(c, root, "description", false, &t->description)) < 0 ||
            (r = parse_columns(c, root, t)) < 0 || (r = parse_sections(c, root, t)) < 0)
                return r;
        return check_kind(c, root, t);
}

int iap_tool_parse(Arena *a, const char *name, const char *json, size_t len, IapTool **ret,
                   IapLoadError *err) {
        Ctx c = {.a = a, .err = err};
        if (err) {
                memset(err, 0, sizeof *err);
                snprintf(err->file, sizeof err->file, "%s.json", name ? name : "?");
        }
        if (len > IAP_TOOL_FILE_MAX)
                return fail(&c, -E2BIG, N_("definition file is too large"));
        json_error_t je;
        json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
        if (!root) {
                if (err)
                        err->line = je.line;
                return fail(&c, -EINVAL, N_("not valid JSON"));
        }
        IapTool *t = arena_alloc(a, sizeof *t);
        int r = t ? parse_root(&c, name, root, t) : -ENOMEM;
        json_decref(root);
        if (r < 0)
                return r == -ENOMEM ? fail(&c, r, N_("out of memory")) : r;
        *ret = t;
        return 0;
}

static int read_file(const char *path, char **ret, size_t *ret_len) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return errno == ENOENT ? -ENOENT : -EIO;
        struct stat st;
        int r = 0;
        char *buf = NULL;
        if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
                r = -EIO;
        else if ((size_t)st.st_size > IAP_TOOL_FILE_MAX)
                r = -E2BIG;
        else if (!(buf = malloc((size_t)st.st_size + 1)))
                r = -ENOMEM;
        size_t got = 0;
        while (r == 0 && got < (size_t)st.st_size) {
                ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
                if (n <= 0)
                        r = -EIO;
                else
                        got += (size_t)n;
        }
        close(fd);
        if (r < 0) {
                free(buf);
                return r;
        }
        *ret = buf;
        *ret_len = got;
        return 0;
}

static int load_one(IapTools *t, const char *dir, IapToolId id, IapLoadError *err) {
        char path[4096];
        int n = snprintf(path, sizeof path, "%s/%s.json", dir, tool_names[id]);
        char *buf;
        size_t len;
        int r = n < 0 || (size_t)n >= sizeof path ? -ENOENT : read_file(path, &buf, &len);
        if (r < 0) {
                if (err) {
                        memset(err, 0, sizeof *err);
                        snprintf(err->file, sizeof err->file, "%s.json", tool_names[id]);
                        err->msgid = r == -ENOENT ? N_("definition file is missing")
                                     : r == -E2BIG ? N_("definition file is too large")
                                                   : N_("definition file cannot be read");
                }
                return r;
        }
        r = iap_tool_parse(t->arena, tool_names[id], buf, len, &t->tool[id], err);
        free(buf);
        return r;
}

int iap_tools_load(const char *dir, IapTools **ret, IapLoadError *err) {
        char def[4096];
        if (!dir) {
                snprintf(def, sizeof def, "%s/iap", paths_datadir());
                dir = def;
        }
        IapTools *t = calloc(1, sizeof *t);
        if (!t || !(t->arena = arena_new())) {
                free(t);
                return -ENOMEM;
        }
        for (int i = 0; i < IAP_TOOL_MAX; i++) {
                int r = load_one(t, dir, (IapToolId)i, err);
                if (r < 0) {
                        iap_tools_free(t);
                        return r;
                }
        }
        *ret = t;
        return 0;
}

void iap_tools_free(IapTools *t) {
        if (!t)
                return;
        arena_free(t->arena);
        free(t);
}

const IapTool *iap_tools_get(const IapTools *t, IapToolId id) {
        return t && (unsigned)id < IAP_TOOL_MAX ? t->tool[id] : NULL;
}

const char *iap_label(const IapLabel *l, Lang lang) {
        if (!l)
                return "";
        if ((unsigned)lang < LANG_MAX && l->s[lang] && *l->s[lang])
                return l->s[lang];
        return l->s[LANG_EN] ? l->s[LANG_EN] : "";
}

const IapItem *iap_tool_find_item(const IapTool *t, const char *id, size_t *ret_section) {
        if (!t || !id)
                return NULL;
        for (size_t s = 0; s < t->n_sections; s++)
                for (size_t i = 0; i < t->sections[s].n_items; i++)
                        if (strcmp(t->sections[s].items[i].id, id) == 0) {
                                if (ret_section)
                                        *ret_section = s;
                                return &t->sections[s].items[i];
                        }
        return NULL;
}
