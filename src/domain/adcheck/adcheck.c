/* The ad checker: loads the language data once and runs every rule over
 * one ad. */
#include "domain/adcheck/adcheck.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "domain/adcheck/adcheck_internal.h"

static const char *const category_names[ADCHECK_CATEGORY_MAX] = {
        "gendered-wording", "gendered-title", "age",        "native-language", "photo",       "nationality",
        "family-status",    "appearance",     "health",     "salary-history",  "pay-missing",
};

/* Message and default suggestion per category (English msgids). */
static const struct {
        const char *message, *suggestion;
} category_text[ADCHECK_CATEGORY_MAX] = {
        { N_("Masculine-coded word (Gaucher, Friesen & Kay 2011)."),
          N_("Prefer a neutral word and keep masculine- and feminine-coded words in balance.") },
        { N_("Job title in one grammatical gender only."),
          N_("Use a gender-neutral title or give both forms.") },
        { N_("Age limit or age preference."),
          N_("Describe the skills and experience the job needs instead of an age.") },
        { N_("\"Native speaker\" excludes people who learned the language."),
          N_("Ask for a CEFR level instead, for example C1.") },
        { N_("Request for a photo of the applicant."),
          N_("Remove the photo request: decide on skills and work samples.") },
        { N_("Nationality, citizenship or origin requirement."),
          N_("Ask only for the right to work in the country, where the law requires it.") },
        { N_("Marital status, children or pregnancy are not job requirements."),
          N_("Remove it; describe working hours, travel and flexibility instead.") },
        { N_("Physical appearance is not a job requirement."),
          N_("Remove it; describe the tasks of the job instead.") },
        { N_("Health or physical requirement the job may not need."),
          N_("Describe the actual tasks and the reasonable accommodations you offer.") },
        { N_("Asking for current or previous pay is not allowed (Directive (EU) 2023/970)."),
          N_("Remove the question and state the pay range instead.") },
        { N_("No pay or pay range in the ad (Directive (EU) 2023/970)."),
          N_("Add the pay range, for example \"EUR 28,000-34,000 gross per year\".") },
};

const char *adcheck_category_message(AdcheckCategory c) {
        return (unsigned)c < ADCHECK_CATEGORY_MAX ? category_text[c].message : "";
}

const char *adcheck_category_suggestion(AdcheckCategory c) {
        return (unsigned)c < ADCHECK_CATEGORY_MAX ? category_text[c].suggestion : "";
}

const char *adcheck_coded_message(int sign) {
        return sign > 0 ? N_("Masculine-coded word (Gaucher, Friesen & Kay 2011).")
                        : N_("Feminine-coded word (Gaucher, Friesen & Kay 2011).");
}

const char *adcheck_category_name(AdcheckCategory c) {
        return (unsigned)c < ADCHECK_CATEGORY_MAX ? category_names[c] : NULL;
}

int adcheck_category_parse(const char *s, AdcheckCategory *ret) {
        for (int i = 0; s && i < ADCHECK_CATEGORY_MAX; i++)
                if (strcmp(s, category_names[i]) == 0) {
                        *ret = (AdcheckCategory)i;
                        return 0;
                }
        return -EINVAL;
}

AdcheckSeverity adcheck_category_severity(AdcheckCategory c) {
        switch (c) {
        case ADCHECK_GENDERED_WORDING:
        case ADCHECK_GENDERED_TITLE:
        case ADCHECK_NATIVE_LANGUAGE:
                return ADCHECK_WARN;
        default:
                return ADCHECK_BLOCK;
        }
}

const char *adcheck_severity_name(AdcheckSeverity s) { return s == ADCHECK_BLOCK ? "block" : "warn"; }

const char *adcheck_period_name(AdcheckPeriod p) {
        static const char *const names[ADCHECK_PERIOD_MAX] = { "", "hour", "day", "week", "month", "year" };
        return (unsigned)p < ADCHECK_PERIOD_MAX ? names[p] : "";
}

bool adcheck_result_blocks(const AdcheckResult *r) {
        for (size_t i = 0; r && i < r->n_findings; i++)
                if (r->findings[i].severity == ADCHECK_BLOCK)
                        return true;
        return false;
}

int adcheck_engine_load(const char *datadir, AdcheckEngine **ret_engine) {
        if (!datadir || !ret_engine)
                return -EINVAL;
        AdcheckEngine *e = calloc(1, sizeof(*e));
        if (!e)
                return -ENOMEM;
        for (int l = 0; l < LANG_MAX; l++) {
                char dir[4096];
                if ((size_t)snprintf(dir, sizeof(dir), "%s/adcheck/%s", datadir, lang_code((Lang)l)) >= sizeof(dir)) {
                        adcheck_engine_free(e);
                        return -EINVAL;
                }
                int r = lexicon_load(&e->lex[l], dir);
                if (r < 0) {
                        adcheck_engine_free(e);
                        return r;
                }
        }
        *ret_engine = e;
        return 0;
}

void adcheck_engine_free(AdcheckEngine *e) {
        if (!e)
                return;
        for (int l = 0; l < LANG_MAX; l++)
                lexicon_free(&e->lex[l]);
        free(e);
}

/* Words counted for language detection (enough to decide, cheap on long ads). */
#define DETECT_MAX_TOKENS 3000

/* Evidence that word token k is in language l: a stop word counts most;
 * a job title, pay word or the first word of a phrase also counts, so that
 * short ads without function words ("Cercasi programmatore, RAL ...") are
 * still recognised. Currencies are shared by all languages and ignored. */
static unsigned lang_evidence(const Lexicon *lx, const AdText *t, const Tok *k) {
        if (tok_get(&lx->stopwords, t, k) >= 0)
                return 2;
        int32_t pw = tok_get(&lx->paywords, t, k);
        if (pw >= 0 && lx->pw[pw].kind != PW_CURRENCY)
                return 1;
        return tok_get(&lx->title_map, t, k) >= 0 || tok_get(&lx->trig_exact, t, k) >= 0;
}

Lang adcheck_detect_tokens(const AdcheckEngine *e, const AdText *t) {
        unsigned score[LANG_MAX] = { 0 }, greek = 0;
        for (size_t i = 0; i < t->n && i < DETECT_MAX_TOKENS; i++) {
                const Tok *k = &t->toks[i];
                if (k->kind != TOK_WORD || k->digits)
                        continue;
                unsigned char c0 = (unsigned char)tok_str(t, k)[0];
                greek += c0 == 0xCE || c0 == 0xCF;
                for (int l = 0; l < LANG_MAX; l++)
                        score[l] += lang_evidence(&e->lex[l], t, k);
        }
        score[LANG_EL] += 2 * greek;
        Lang best = LANG_EN;
        for (int l = 0; l < LANG_MAX; l++)
                if (score[l] > score[best])
                        best = (Lang)l;
        return best;
}

Lang adcheck_detect_lang(const AdcheckEngine *e, const char *text, size_t len) {
        AdText t = { 0 };
        Lang l = LANG_EN;
        if (e && text && len <= ADCHECK_MAX_AD_BYTES && adtext_build(&t, text, len) == 0)
                l = adcheck_detect_tokens(e, &t);
        adtext_free(&t);
        return l;
}
