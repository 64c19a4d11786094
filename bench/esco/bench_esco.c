/* ESCO benchmarks: index build, skill search latency (against a naive
 * linear scan over all labels, measured in the same run), skill extraction
 * quality on SkillSpan postings, candidates JSONL parsing speed.
 *
 * Usage: bench_esco ESCO_DIR SKILLSPAN_JSONL JSONL_OUT_FILE */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "domain/esco/esco.h"
#include "domain/profiles/candidates.h"

static double now_ms(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static const char *const base_queries[] = {
        "python", "java", "javascript", "typescript", "sql", "c++", "c#", "php", "ruby", "go", "rust", "kotlin",
        "swift", "html", "css", "react", "angular", "docker", "kubernetes", "linux", "git", "agile", "scrum",
        "project management", "data analysis", "machine learning", "statistics", "excel", "spreadsheet",
        "cloud computing", "cyber security", "network administration", "database", "web development",
        "software testing", "user experience", "graphic design", "customer service", "sales", "marketing",
        "social media", "communication", "teamwork", "leadership", "problem solving", "time management",
        "english", "teach", "accounting", "bookkeeping", "warehouse", "forklift", "cooking", "cleaning",
        "nursing care", "first aid", "welding", "electrical wiring", "plumbing", "carpentry", "drive vehicles",
        "logistics", "supply chain", "translation", "writing", "editing", "photography", "video editing",
        "mobile applications", "android", "ios", "embedded systems", "computer vision", "artificial intelligence",
        "deep learning", "data visualisation", "business intelligence", "erp", "sap", "salesforce", "crm",
        "search engine optimisation", "content management", "digital marketing", "e-commerce", "blockchain",
        "devops", "continuous integration", "unit testing", "object-oriented programming", "algorithms",
        "operating systems", "computer networks", "help desk", "technical support", "hardware repair",
        "mentoring", "coaching", "public speaking", "negotiation", "budget", "financial analysis",
        "human resources", "recruitment", "gestão de projetos", "programação", "sviluppo software",
        "zarządzanie projektem", "dezvoltare web", "προγραμματισμός", "računalništvo", "diversity", "inclusion",
        "sign language", "accessibility", "assistive technology",
};

static const char *const typo_queries[] = {
        "pyhton", "javascrpt", "jvaa", "kubernets", "dokcer", "projet managment", "machin learning",
        "statistcs", "databse", "sofware testing", "cyber secuirty", "comunication", "leadrship",
        "acounting", "welidng", "photograpy", "artifical intelligence", "algoritms", "recruitmnet",
        "gestao de projetos", "negociation", "custmer service", "spreadshet", "linx", "angualr",
};

typedef struct Lat {
        double *v;
        size_t n, cap;
} Lat;

static void lat_add(Lat *l, double x) {
        if (l->n == l->cap) {
                l->cap = l->cap ? l->cap * 2 : 256;
                l->v = realloc(l->v, l->cap * sizeof *l->v);
        }
        l->v[l->n++] = x;
}

static int dcmp(const void *a, const void *b) {
        double x = *(const double *)a, y = *(const double *)b;
        return x < y ? -1 : x > y;
}

static double pct(Lat *l, double p) {
        qsort(l->v, l->n, sizeof *l->v, dcmp);
        size_t i = (size_t)(p * (double)(l->n - 1) + 0.5);
        return l->v[i];
}

/* All queries: base, typos, and every prefix (>= 2 bytes) of the base
 * queries as typed letter by letter. */
static char **make_queries(size_t *ret_n) {
        size_t cap = 4096, n = 0;
        char **q = malloc(cap * sizeof *q);
        size_t nb = sizeof base_queries / sizeof base_queries[0], nt = sizeof typo_queries / sizeof typo_queries[0];
        for (size_t i = 0; i < nb; i++)
                q[n++] = strdup(base_queries[i]);
        for (size_t i = 0; i < nt; i++)
                q[n++] = strdup(typo_queries[i]);
        for (size_t i = 0; i < nb && n < cap; i += 3)
                for (size_t k = 2; k < strlen(base_queries[i]) && n < cap; k++)
                        q[n++] = strndup(base_queries[i], k);
        *ret_n = n;
        return q;
}

/* The peer: what a naive implementation does - lower-case every label
 * and strstr the lower-cased query, no typo tolerance. */
typedef struct Naive {
        char **labels;
        size_t n;
} Naive;

static void lower(char *s) {
        for (; *s; s++)
                *s = (char)tolower((unsigned char)*s);
}

static Naive naive_build(const EscoIndex *idx) {
        Naive nv = {0};
        size_t cap = 0;
        for (uint32_t i = 0; i < esco_index_skill_count(idx); i++) {
                const EscoSkill *s = esco_index_skill(idx, i);
                for (size_t k = 0; k <= s->n_alt_labels; k++) {
                        if (nv.n == cap) {
                                cap = cap ? cap * 2 : 65536;
                                nv.labels = realloc(nv.labels, cap * sizeof *nv.labels);
                        }
                        nv.labels[nv.n] = strdup(k == 0 ? s->label : s->alt_labels[k - 1]);
                        lower(nv.labels[nv.n++]);
                }
        }
        return nv;
}

static size_t naive_search(const Naive *nv, const char *query) {
        char q[512];
        snprintf(q, sizeof q, "%s", query);
        lower(q);
        size_t hits = 0;
        for (size_t i = 0; i < nv->n; i++)
                hits += strstr(nv->labels[i], q) != NULL;
        return hits;
}

static void bench_search(const EscoIndex *idx) {
        size_t nq;
        char **q = make_queries(&nq);
        Naive nv = naive_build(idx);
        Lat ours = {0}, peer = {0};
        double *worst = calloc(nq, sizeof *worst), *best = malloc(nq * sizeof *best);
        for (size_t i = 0; i < nq; i++)
                best[i] = 1e9;
        size_t found = 0, typo_found = 0, nt = sizeof typo_queries / sizeof typo_queries[0];
        size_t nb = sizeof base_queries / sizeof base_queries[0];
        for (int round = 0; round < 3; round++)
                for (size_t i = 0; i < nq; i++) {
                        EscoSearchHit hits[10];
                        size_t n = 0;
                        double t0 = now_ms();
                        esco_search(idx, q[i], hits, 10, &n);
                        double t1 = now_ms();
                        size_t pn = naive_search(&nv, q[i]);
                        double t2 = now_ms();
                        (void)pn;
                        if (round == 0) {
                                found += n > 0;
                                if (i >= nb && i < nb + nt)
                                        typo_found += n > 0 && naive_search(&nv, q[i]) == 0;
                        }
                        lat_add(&ours, t1 - t0);
                        if (t1 - t0 > worst[i])
                                worst[i] = t1 - t0;
                        if (t1 - t0 < best[i])
                                best[i] = t1 - t0;
                        lat_add(&peer, t2 - t1);
                }
        double p50 = pct(&ours, 0.5), p99 = pct(&ours, 0.99), mx = ours.v[ours.n - 1];
        double n50 = pct(&peer, 0.5), n99 = pct(&peer, 0.99);
        printf("search: %zu queries x 3 rounds (%zu base, %zu with typos, rest as-you-type prefixes)\n", nq, nb, nt);
        printf("search: techdiv p50 %.3f ms  p99 %.3f ms  max %.3f ms\n", p50, p99, mx);
        printf("search: naive strstr scan over %zu labels (peer) p50 %.3f ms  p99 %.3f ms\n", nv.n, n50, n99);
        printf("search: ratio peer/techdiv at p50 %.1fx, at p99 %.1fx\n", n50 / p50, n99 / p99);
        printf("search: %zu/%zu queries return hits; %zu/%zu typo queries found where the naive scan finds nothing\n",
               found, nq, typo_found, nt);
        Lat b = {best, nq, nq};
        double b50 = pct(&b, 0.5), b99 = pct(&b, 0.99), bmax = b.v[b.n - 1];
        printf("search: best of 3 per query (less machine noise): p50 %.3f ms  p99 %.3f ms  max %.3f ms\n", b50,
               b99, bmax);
        printf("search: slowest queries:");
        for (int k = 0; k < 5; k++) {
                size_t w = 0;
                for (size_t i = 1; i < nq; i++)
                        if (worst[i] > worst[w])
                                w = i;
                printf(" \"%s\" %.2f ms%s", q[w], worst[w], k < 4 ? "," : "\n");
                worst[w] = -1;
        }
        free(worst);
        free(best);
        for (size_t i = 0; i < nq; i++)
                free(q[i]);
        free(q);
        for (size_t i = 0; i < nv.n; i++)
                free(nv.labels[i]);
        free(nv.labels);
        free(ours.v), free(peer.v);
}

/* A mention is right when its text overlaps a gold span (one contains the
 * other, case-insensitive); a gold span is found when a mention overlaps it. */
static bool overlaps(const char *a, size_t an, const char *b) {
        char x[512], y[512];
        snprintf(x, sizeof x, "%.*s", (int)an, a);
        snprintf(y, sizeof y, "%s", b);
        lower(x), lower(y);
        return strstr(x, y) || strstr(y, x);
}

static void bench_extract(const EscoIndex *idx, const char *path) {
        FILE *f = fopen(path, "r");
        if (!f) {
                printf("extract: %s missing, skipped\n", path);
                return;
        }
        char *line = NULL;
        size_t cap = 0, tp = 0, pred = 0, gold = 0, gold_found = 0, kgold = 0, kfound = 0, postings = 0;
        double ms = 0;
        while (getline(&line, &cap, f) > 0) {
                json_t *o = json_loads(line, 0, NULL);
                const char *text = json_string_value(json_object_get(o, "text"));
                if (!text) {
                        json_decref(o);
                        continue;
                }
                postings++;
                EscoMention *m = NULL;
                size_t n = 0;
                double t0 = now_ms();
                esco_extract(idx, text, strlen(text), &m, &n);
                ms += now_ms() - t0;
                const json_t *lists[2] = {json_object_get(o, "skill_spans"), json_object_get(o, "knowledge_spans")};
                pred += n;
                for (size_t i = 0; i < n; i++) {
                        bool ok = false;
                        for (int l = 0; l < 2 && !ok; l++) {
                                size_t k;
                                const json_t *g;
                                json_array_foreach(lists[l], k, g) ok |= overlaps(text + m[i].start, m[i].end - m[i].start,
                                                                                   json_string_value(g));
                        }
                        tp += ok;
                }
                for (int l = 0; l < 2; l++) {
                        size_t k;
                        const json_t *g;
                        json_array_foreach(lists[l], k, g) {
                                bool hit = false;
                                for (size_t i = 0; i < n && !hit; i++)
                                        hit = overlaps(text + m[i].start, m[i].end - m[i].start, json_string_value(g));
                                gold++, gold_found += hit;
                                if (l == 1)
                                        kgold++, kfound += hit;
                        }
                }
                free(m);
                json_decref(o);
        }
        free(line);
        fclose(f);
        printf("extract: %zu SkillSpan postings, %.2f ms per posting\n", postings, ms / (double)postings);
        printf("extract: precision %.3f (%zu of %zu proposed skills overlap a gold skill/knowledge span)\n",
               pred ? (double)tp / (double)pred : 0, tp, pred);
        printf("extract: recall %.3f of all %zu gold spans; %.3f of the %zu knowledge spans\n",
               gold ? (double)gold_found / (double)gold : 0, gold, kgold ? (double)kfound / (double)kgold : 0, kgold);
}

static int count_cb(void *ud, const CandidateRecord *r) {
        (*(size_t *)ud) += r->n_skills;
        return 0;
}

static void bench_jsonl(const EscoIndex *idx, const char *out) {
        FILE *f = fopen(out, "w");
        if (!f) {
                printf("jsonl: cannot write %s\n", out);
                return;
        }
        srand(42);
        size_t ns = esco_index_skill_count(idx);
        static const char *const cities[] = {"Trikala", "Amarante", "Arezzo", "Bielsko-Biała", "Bucharest",
                                             "Idrija", "Larnaka", "Psachna"};
        static const char *const langs[] = {"en", "el", "it", "pt", "pl", "ro", "sl"};
        static const char *const lv[] = {"A1", "A2", "B1", "B2", "C1", "C2"};
        static const char *const remote[] = {"no", "hybrid", "only", "any"};
        for (int i = 0; i < 100000; i++) {
                fprintf(f, "{\"external_id\":\"cand-%06d\",\"skills\":[", i);
                int k = 5 + rand() % 11;
                for (int s = 0; s < k; s++)
                        fprintf(f, "%s{\"uri\":\"%s\",\"level\":%d}", s ? "," : "",
                                esco_index_skill(idx, (uint32_t)(rand() % (int)ns))->uri, 1 + rand() % 4);
                fprintf(f, "],\"languages\":[{\"code\":\"en\",\"level\":\"%s\"},{\"code\":\"%s\",\"level\":\"native\"}],"
                           "\"cities\":[\"%s\"],\"remote\":\"%s\"}\n",
                        lv[rand() % 6], langs[1 + rand() % 6], cities[rand() % 8], remote[rand() % 4]);
        }
        long bytes = ftell(f);
        fclose(f);
        f = fopen(out, "r");
        size_t skills = 0;
        unsigned long n = 0;
        CandidatesError err;
        double t0 = now_ms();
        int rc = candidates_read_file(f, count_cb, &skills, &n, &err);
        double ms = now_ms() - t0;
        fclose(f);
        printf("jsonl: %lu profiles (%.1f MB, %zu skills) parsed in %.0f ms = %.0f profiles/s (rc %d)\n", n,
               (double)bytes / 1e6, skills, ms, (double)n / (ms / 1e3), rc);
}

int main(int argc, char **argv) {
        if (argc < 4) {
                fprintf(stderr, "usage: %s ESCO_DIR SKILLSPAN_JSONL JSONL_OUT\n", argv[0]);
                return 2;
        }
        EscoIndex *idx;
        EscoError err;
        double t0 = now_ms();
        if (esco_index_load_dir(argv[1], &idx, &err) < 0) {
                fprintf(stderr, "load %s: %s (%s line %lu)\n", argv[1], err.msgid, err.file, err.line);
                return 1;
        }
        printf("index: %zu skills, %zu occupations loaded and indexed in %.0f ms\n", esco_index_skill_count(idx),
               esco_index_occupation_count(idx), now_ms() - t0);
        bench_search(idx);
        bench_extract(idx, argv[2]);
        bench_jsonl(idx, argv[3]);
        esco_index_free(idx);
        return 0;
}
