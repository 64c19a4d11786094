/* The anonymiser's passes and their helpers, file by file: what each .c
 * file offers the others. Included by anon_internal.h only, after the
 * types it declares. */
#ifndef TD_DOMAIN_ANON_PASSES_H
#define TD_DOMAIN_ANON_PASSES_H

/* An e-mail address or @handle at the '@' at: adds it and returns its end
 * (or at + 1). A profile or web URL starting at i: adds it and returns its
 * end, or 0 when there is none (anon_contacts.c). */
size_t anon_try_at(Scan *sc, size_t at);
size_t anon_try_url(Scan *sc, size_t i);
/* An e-mail address written to dodge harvesters, at the '(' or '[' of its
 * "(at)" ("anna.k(at)yahoo.gr", "anna [at] gmail [dot] com"): adds it and
 * returns its end, or 0 (anon_contacts.c). */
size_t anon_try_at_word(Scan *sc, size_t i);
/* Pass 1: tokens, contacts, identifiers, URLs. */
void anon_scan_chunk(Scan *sc);
/* Adds the token [s, e) (anon_scan.c). folded: the length of its key
 * already written at sc->fold + sc->nfold, or SIZE_MAX to fold it here. */
void anon_tok_add(Scan *sc, size_t s, size_t e, uint16_t flags, size_t folded);
/* The number (phone, identifier, card, postcode) starting at i: adds it,
 * or its token, and returns its end (anon_numbers.c). */
size_t anon_try_number(Scan *sc, size_t i);
/* An IBAN starting at i: adds it and returns its end, or 0. */
size_t anon_try_iban(Scan *sc, size_t i);
/* The letters-and-digits code [s, e): added when it is a known or valid identifier. */
void anon_code_check(Scan *sc, size_t s, size_t e);
/* Pass 1b (anon_origin.c): demonyms about the writer ("I am Syrian", "di
 * origine marocchina", "Jestem Ukrainką"), found before names and gendered
 * forms so that neither takes them. Their tokens get TOK_SKIP. */
void anon_scan_origin(Scan *sc);
/* Fills AnonEngine.cue_end_bits from the origin cues, once loaded. */
void anon_cue_ends_build(AnonEngine *e);
/* True when the tokens [i, j) are one entry of the language's
 * demonyms.tsv, a country or a people ("Marea Britanie", "Hungria"). */
bool anon_demonym_run(const Scan *sc, size_t i, size_t j);
/* Pass 1c (anon_family.c): the writer's children and family status
 * ("Mother of two", "Mama dwójki dzieci", "I have two kids") and health
 * ("I am deaf", "Mam dysleksję", "categoria protetta (L. 68/99)"), from
 * the lexicon's parent, count, child, selfcue, condition, status and
 * degree words. Their tokens get TOK_SKIP. */
void anon_scan_sensitive(Scan *sc);
/* Marks the words of the words table that start an anchor of pass 1c
 * (e->sens_bits, owned by the engine), once after anon_lex_pool(): a
 * token then knows it from its lexicon word, with no lookup. Returns 0 or
 * -ENOMEM. */
int anon_sens_index(AnonEngine *e);
/* Adds a lexicon line of the family-and-health kinds (anon_load.c: the
 * loader's); the
 * kind's name is kind[0..kn). Returns 1 when kind is not one of them, 0,
 * -EINVAL (bad line) or -ENOMEM. */
int anon_sens_line(AnonEngine *e, Lang lang, const char *kind, size_t kn, const char *text, size_t n,
                   const char *arg, size_t an);
/* A "born" phrase of len tokens at token i ("I was born", "nato a",
 * "urodziłem się", category cat): when a place follows ("in Aleppo, Syria",
 * "w Kijowie"), adds it up to the end of its clause as a place of birth and
 * returns the tokens consumed; 0 when a date follows or nothing does. */
size_t anon_birthplace(Scan *sc, size_t i, size_t len, int cat);
/* A birth date's value [*vs, *ve) in prose, from token k on: narrowed to
 * the date ("born on 3 May 1990 in London"), the place after it added as
 * the place of birth. False when no digit is left (anon_origin.c). */
bool anon_birthdate_split(Scan *sc, size_t k, size_t *vs, size_t *ve);
/* Pass 2: phrases, labels, honorifics, names, gendered forms. */
void anon_scan_words(Scan *sc);
/* Pass 2b (anon_spread.c): enumerations of people, and earlier lone
 * mentions of people named later in the chunk. first: the first finding
 * of pass 2; cov: ntok bytes of scratch owned by the caller. */
void anon_scan_spread(Scan *sc, size_t first, uint8_t *cov);
/* A name in lower case at token i, right after a name context ("my name is
 * lena andersson"): adds it and returns its tokens, or 0. naming: the
 * context names the person ("call me"), so one word in no list that ends
 * the sentence is the name too ("my name is vitoria"). */
size_t anon_lower_name(Scan *sc, size_t i, bool naming);
/* anon_chat.c: names in messages and chats. The kind (PH_*) of the phrase
 * starting at token k in the document's language or English, right after
 * the token before it (one space, same line), or PH_NONE. */
int anon_phrase_kind_after(const Scan *sc, size_t k);
/* The run [i, end) of capitalised words that the name rules left is a
 * person by how the message speaks of it: one of the four rules below. */
bool anon_message_name(const Scan *sc, size_t i, size_t end);
/* Every word of [i, j) is in a name list of some language (a `trait`
 * phrase after them makes them a person: "Sunniva is very reliable"). */
bool anon_listed_run(const Scan *sc, size_t i, size_t j);
/* The run [i, end) of capitalised words ends with a possessive ("Franciska's")
 * before a word of kin or a person's fate ("kid", "wife", "killers"). */
bool anon_possessive_kin(const Scan *sc, size_t i, size_t end);
/* The run [i, end) of capitalised words stands between a lower-case word
 * and a work of a person ("the Petersson novel", "a huge Jouni Hahli fan"). */
bool anon_work_by(const Scan *sc, size_t i, size_t end);
/* Token i starts a list after a plural role and a colon ("our 3 founders:
 * Monjeau, Graves and Reed"): its items are people. */
bool anon_role_list(const Scan *sc, size_t i);
/* Token i alone is a person addressed: "Warrane, can I ...", "..., Mark!". */
bool anon_vocative(const Scan *sc, size_t i);
/* Token i is a speaker of a chat or a dialogue ("Ubul: What a wife."): at
 * the start of its line before a colon, and the line before or after it
 * is spoken by a listed given name. */
bool anon_chat_speaker(const Scan *sc, size_t i);
/* Token i and the first token of the line before or after it are both
 * speakers of a dialogue by the predicate (lower-case chats: a listed given
 * name), each at the start of its line before a colon. */
bool anon_dialogue_of(const Scan *sc, size_t i, bool (*speaker)(const Scan *, const Tok *));
/* The end of a name ending at end with its regnal or generational number
 * ("Carol I", "Ludovic al XIV-lea"), or end (anon_context.c). */
size_t anon_roman_tail(const Scan *sc, size_t end);
/* anon_street.c: the end of a postcode right after p (or p); the end of a
 * house number right after a name ending at p (or 0); a month in a date
 * at token i; a street type with a number right after the name [i, j); a
 * street address around the street-type word at token i (added; returns
 * its tokens, or 0). */
size_t anon_postcode_after(const Scan *sc, size_t p);
size_t anon_house_number(const Scan *sc, size_t p);
bool anon_in_date(const Scan *sc, size_t i);
bool anon_street_next(const Scan *sc, size_t i, size_t j);
size_t anon_try_street(Scan *sc, size_t i);
/* anon_address.c: token i starts a street: a street type of any language written as one
 * ("Via", "Rua", "ul."), or a name with a street ending and a house
 * number ("Koskikatu 25", "Cankarjeva 5, 1000 Ljubljana"). */
bool anon_street_word(const Scan *sc, size_t i);
/* The end of a flat after a slash at q ("Długa 15/3", "cesta 12/a"), or
 * q; token t is a flat word ("Apt", "Suite"; with marks, also a flat's
 * marker: "m.", "int.", "ap.", "διαμ."); the end of the flats after a
 * house number ending at p ("84/92 m. 15", "3, bl. A2, sc. 1, ap. 12"),
 * or p (anon_address.c). */
size_t anon_slash_flat(const Scan *sc, size_t q);
bool anon_flat_word(const Scan *sc, const Tok *t, bool marks);
size_t anon_flat_tail(const Scan *sc, size_t p);
/* Adds the address [start, end) and the postcodes on the lines after it
 * that finish it (town lines are kept, as the region). Returns where the
 * address ends on its line: the town words before it are the address's;
 * when [start, end) ends with a postcode, the town right after it is read
 * over (kept, and no name). */
size_t anon_address_add(Scan *sc, size_t start, size_t end, bool postcode);
/* Token i is a town right after a postcode of 4 to 6 digits in running
 * text ("I live at 00184 Roma"): adds the postcode and returns the town's
 * tokens (kept, and no name), or 0 (anon_address.c). */
size_t anon_try_postcode_town(Scan *sc, size_t i);
/* A street type of any lexicon that counts in this text ("Via", "ul.";
 * not "via" in English, "al" in Romanian); token a - 1 is one right
 * before token a ("ul. Miła") (anon_street.c). The end of a house number
 * of 1 to 4 digits (no year) one space after p, or 0 (anon_address.c). */
bool anon_any_street(const Scan *sc, const Tok *t);
bool anon_street_before(const Scan *sc, size_t a);
size_t anon_house_after(const Scan *sc, size_t p);
/* Adds a "streetend" or "flat" lexicon entry (STREET_*; from anon_load.c):
 * -EINVAL too long or empty, -E2BIG when the table is full. */
int anon_street_end_add(AnonEngine *e, const char *raw, size_t n, int kind);
/* True when token i is an item of "X, Y and Z" that an article before it
 * or an "org" cue after it makes one organisation's name ("The Davis,
 * Reynolds and Williamson Orchestra", "Lopez, Santos and Coleman is"). */
bool anon_org_list(const Scan *sc, size_t i);
/* True when token t (or its possessive or genitive form) was part of a
 * name seen earlier in the session. */
bool anon_seen_tok(const Scan *sc, const Tok *t);
/* A tool or a product (a keep word) right around token i on its line
 * ("Julia, Python", "Ruby on Rails"): a common word there is no person
 * seen before (anon_spread.c). */
bool anon_tool_near(const Scan *sc, size_t i);
/* anon_particles.c. A capitalised particle of the lexicon ("Di", "Van",
 * "El", "DI"). Inline: asked about every word of a name. */
static inline bool anon_cap_particle(const Tok *t) {
        return (t->lf & LEX_PARTICLE) && (t->flags & TOK_CAP) && !(t->flags & (TOK_NUM | TOK_ALNUM | TOK_INITIAL));
}
/* Tokens k and k + 1 are a compound surname of the name lists ("Di Maio",
 * "La Rosa", "Lo Bianco"), the first a capitalised particle. */
bool anon_compound_surname(const Scan *sc, size_t k);
/* How many particles (0 to 2) from token j on join the name run [i, j):
 * lower-case ones ("da Silva", "van der"; not "Lettera di Francesca"),
 * capitalised ones after a word of the name lists or an initial ("Marco
 * Di Pasquale", "Zahra El Amrani") or starting a listed compound surname
 * ("Ciro Di Maio"). The caller checks the name word after them. */
size_t anon_particles_join(const Scan *sc, size_t i, size_t j);
/* The same, inline: most words after a name word are no particle. */
static inline size_t anon_particles_at(const Scan *sc, size_t i, size_t j) {
        return j < sc->ntok && (sc->toks[j].lf & LEX_PARTICLE) ? anon_particles_join(sc, i, j) : 0;
}
/* After an honorific or a name context: the capitalised word after the
 * one or two lower-case particles at token i ("Sra. dos Santos", "Mrs.
 * van der Berg", "Sig. de Santis"), or 0. */
size_t anon_particles_lead(const Scan *sc, size_t i);
/* Token k is a particle inside the name [i, j) (not its last word; its
 * first only when it is no given name, "Ben Stiller"): no one's name
 * alone, so neither remembered nor matched as the person. */
bool anon_name_particle_at(const Scan *sc, size_t i, size_t j, size_t k);
static inline bool anon_name_particle(const Scan *sc, size_t i, size_t j, size_t k) {
        return (sc->toks[k].lf & LEX_PARTICLE) && anon_name_particle_at(sc, i, j, k);
}
/* A listed compound surname at token i ("con Di Maio", "Di Maio ha
 * detto"; after an article at a sentence's start only before given names,
 * "Di Pasquale Marco", or of a person named before): adds the name and
 * returns its tokens; 0 when it is none or goes on a place's or a
 * company's name ("La Rosa dei Venti", "Di Marzio Srl"). */
size_t anon_compound_name(Scan *sc, size_t i);
/* The first token of the lone name at token i with the capitalised
 * particle right before it ("con Di Cristofaro"), or i: no particle, an
 * article ("La"), or a given name after one that starts a sentence ("Da
 * Marco ho imparato"). */
size_t anon_particle_start_at(const Scan *sc, size_t i);
static inline size_t anon_particle_start(const Scan *sc, size_t i) {
        return i && (sc->toks[i - 1].lf & LEX_PARTICLE) ? anon_particle_start_at(sc, i) : i;
}
/* The lone name at token i follows a capitalised article of the text's
 * language (lexicon kind "article": "La Sapienza", "La Torre di Pisa",
 * "El Corte Inglés"): a thing's name, no person. */
bool anon_article_before_at(const Scan *sc, size_t i);
static inline bool anon_article_before(const Scan *sc, size_t i) {
        return i && (sc->toks[i - 1].lf & LEX_PARTICLE) && anon_article_before_at(sc, i);
}
/* The learned scorer (anon_model.c): how many capitalised tokens of the
 * run [i, end) its language's model takes as a name (0: none; no model for
 * the language, or training mode: 0). */
size_t anon_model_name_at(Scan *sc, size_t i, size_t end);
/* Inline: most languages have no model, and most capitalised words that
 * are no name come here; the test costs them no call. */
static inline size_t anon_model_name(Scan *sc, size_t i, size_t end) {
        return sc->e->model[sc->lang].on ? anon_model_name_at(sc, i, end) : 0;
}
/* True when the model of the language scores every candidate word of the
 * name [i, j) that the rules found below its veto ("din Constanța",
 * "Estados Unidos, França"): what is around it says "place" or "company". */
bool anon_model_veto_at(Scan *sc, size_t i, size_t j);
static inline bool anon_model_veto(Scan *sc, size_t i, size_t j) {
        return sc->e->model[sc->lang].on && anon_model_veto_at(sc, i, j);
}
/* Training mode (a candidate callback in the options): reports every
 * candidate token of the chunk, after pass 2, to the callback. */
void anon_model_report(Scan *sc);
/* Writes the features of token i into f (ANON_MODEL_FEATS strings of
 * ANON_MODEL_FEAT_LEN bytes); returns how many. */
size_t anon_model_features(const Scan *sc, size_t i, char f[][ANON_MODEL_FEAT_LEN]);
/* True when token k is one adjective between a role noun and a
 * capitalised name ("o armador sérvio Jugovic"; it, pt, ro only). */
bool anon_role_adjective(const Scan *sc, size_t k);
/* The first token of the name in apposition to the one-word role noun at
 * i ("O ministro de a Fazenda, Rubens Ricupero,"), or 0; and whether the
 * words [i, j) stand before one ("Tesfaye Dinka, o chefe"). pt, it, ro,
 * en; data/anonymize/README.md, `namectx`, says what must follow. */
size_t anon_appositive(const Scan *sc, size_t i, size_t len);
bool anon_role_after(Scan *sc, size_t i, size_t j);
/* True when capitalised token i is a Romanian direct object of a person:
 * "pe" before it and a clitic before the verb ("l-au gonit pe Pauw"). */
bool anon_ro_object(const Scan *sc, size_t i);
/* True when Romanian token t ends like a noun with the definite article:
 * -ul, -le, -lor, -ția, -nța ("Guvernul", "Direcția", "Importanța"). */
bool anon_ro_article_end(const Scan *sc, const Tok *t);
/* True when token i, in no name list of any language, is no person though
 * it follows a verb of saying or a name context: a Romanian noun with the
 * article, the subject or the agent ("afirmă Guvernul", "de către
 * Direcția"), after a title (title) an acronym ("președintele UDMR",
 * "liderului PPDA"; after a verb of saying it may be a person: "disse
 * FHC"), or a function word ("lui.În februarie"). "a declarat Paul" stays
 * a name. */
bool anon_ctx_nonperson(const Scan *sc, size_t i, bool title);
/* The longest phrase (in the document's language, else English) at token
 * i, whose first word starts one: its token count and *ret, or 0. */
size_t anon_match_phrase_at(Scan *sc, size_t i, const PhraseVal **ret);
/* Inline: most tokens start no phrase, and the flag says so without the
 * call and its kilobyte of stack. */
static inline size_t anon_match_phrase(Scan *sc, size_t i, const PhraseVal **ret) {
        return sc->toks[i].lf & LEX_PHRASE ? anon_match_phrase_at(sc, i, ret) : 0;
}
/* Applies the phrase v of len tokens at i (a finding, a label's value, a
 * rewrite); *force_name when a name must follow. Returns the tokens
 * consumed, 0 when the match is not used (a label without its value). */
size_t anon_use_phrase(Scan *sc, size_t i, size_t len, const PhraseVal *v, bool *force_name);
/* True when token k is a Greek article between a verb of saying or a title
 * and a capitalised name ("τόνισε ο Κουκουλάκης"). */
bool anon_el_article(const Scan *sc, size_t k);
/* True when the capitalised word at i goes on the name of a place or an
 * institution whose head word (a "place" word: "San", "Universitatea",
 * "Mercado", "Liceo", "Uniwersytet"; a street word or a "placenoun":
 * "strada", "comunei", "cidade") stands before it on the line, right
 * before it or across an opening quote, a linking word ("de", "din", "im.")
 * or other capitalised words of that name: "Câmara Municipal de Torres",
 * "Universitatea din Iași „Alexandru Ioan Cuza”"; across a conjunction
 * only after a noun ("străzile Hector și Eminescu"). nouns: only nouns are
 * heads, as after a title ("Bd. Regele Ferdinand") (anon_context.c). */
bool anon_place_before(const Scan *sc, size_t i, bool nouns);
/* True when the lone name-list word at i follows a preposition of place
 * of the language ("em Roma", "în Israel", "w Krakowie", "στην Ρώμη"), one
 * space between them, and was not a person's name earlier: a place. */
bool anon_after_placeprep(const Scan *sc, size_t i);
/* anon_lists.c: people of any origin. Byte p starts a line or a field of
 * a flattened layout (two blanks or a tab before it). */
bool anon_field_start(const Scan *sc, size_t p);
/* The two words [i, i + 2) are a given name that is also a common word
 * and a surname of some list ("Frank Miller", "Julia Kowalska"), not at a
 * sentence's start unless a line or a field starts there. */
bool anon_common_first_pair_at(const Scan *sc, size_t i);
/* Inline: most runs are no such pair, and the flag says so without a call. */
static inline bool anon_common_first_pair(const Scan *sc, size_t i, size_t n) {
        return n == 2 && (sc->toks[i].lf & LEX_COMMON) && anon_common_first_pair_at(sc, i);
}
/* Token k, in lower case, is the second part of a hyphenated word whose
 * first part is capitalised ("Shu-hui", "Min-jun"; not "E-mail"): a short
 * word, no function, keep or common word, right after the hyphen. Inline: it is asked at the end
 * of most runs of capitalised words, whose next word is no such part. */
static inline bool anon_hyphen_part(const Scan *sc, size_t k) {
        const Tok *t = &sc->toks[k], *p = &sc->toks[k - 1];
        size_t len = t->end - t->start;
        return t->start == p->end + 1 && sc->t[p->end] == '-' && !(t->flags & (TOK_CAP | TOK_ALLCAPS | TOK_NUM | TOK_ALNUM)) &&
               len >= 2 && len <= ANON_HYPHEN_PART_MAX && !(t->lf & (LEX_STOP | LEX_KEEP | LEX_PHRASE | LEX_COMMON)) &&
               (p->flags & TOK_CAP) && !(p->flags & (TOK_ALLCAPS | TOK_INITIAL));
}
/* [i, i + 3) is "Xx-yy Zz", a hyphenated given name and a surname. */
bool anon_hyphen_shape_at(const Scan *sc, size_t i);
/* [i, i + 3) is "Zz Xx-yy", a surname and a hyphenated given name. */
bool anon_hyphen_last_at(const Scan *sc, size_t i);
static inline bool anon_hyphen_shape(const Scan *sc, size_t i, size_t n) {
        return n == 3 && ((anon_hyphen_part(sc, i + 1) && anon_hyphen_shape_at(sc, i)) ||
                          (anon_hyphen_part(sc, i + 2) && anon_hyphen_last_at(sc, i)));
}
/* Token t is a name in Han, kana or Hangul written as one word, family
 * name first ("王伟", "김민준", "鈴木凪"): two to ANON_CJK_NAME_MAX
 * characters, a given name of the lists after the first one or two, or a
 * family name of the lists as those. */
bool anon_cjk_name_at(const Scan *sc, const Tok *t);
/* Inline: the first byte of a three-byte UTF-8 sequence of those scripts. */
static inline bool anon_cjk_name(const Scan *sc, const Tok *t) {
        unsigned char c0 = (unsigned char)sc->t[t->start];
        return c0 >= 0xE3 && c0 <= 0xED && anon_cjk_name_at(sc, t);
}
/* Pass 2b: two or three capitalised words alone on the line after a
 * letter's closing ("Kind regards,\nTigist Bekele"): the signature. Adds
 * them and returns the token after them, or i. Token i follows a line
 * break (anon_signature() looked). */
size_t anon_signature_at(Scan *sc, size_t i, uint8_t *cov);
/* Inline: only a word that starts a line may be one. */
static inline size_t anon_signature(Scan *sc, size_t i, uint8_t *cov) {
        if (!(sc->toks[i].flags & TOK_SENT) || i == 0)
                return i;
        size_t s = sc->toks[i].start;
        return sc->t[s - 1] == '\n' || sc->t[s - 1] == '\r' ? anon_signature_at(sc, i, cov) : i;
}
/* Pass 2b: a list of people from token i, items of two or three
 * capitalised words ("Tigist Bekele (team lead), Jean-Baptiste Mbappé and
 * Kwame Mensah"), after a references label or "worked with" with one item
 * a name already, or elsewhere with most of them: adds the others and
 * returns the token after the list, or i. */
size_t anon_people_list_at(Scan *sc, size_t i, uint8_t *cov);
/* Inline: a list's first item, of two or three words, ends with a comma or
 * a semicolon or a conjunction and two capitalised words follow, or a
 * references label is right before it; most capitalised words have none
 * of these. */
static inline size_t anon_people_list(Scan *sc, size_t i, uint8_t *cov) {
        const Tok *t = sc->toks;
        if (i + 3 >= sc->ntok || (!(t[i + 1].flags & TOK_CAP) && sc->t[t[i].end] != '-'))
                return i; /* one word, then a lower-case one: no item of two */
        if (i > 0 && (t[i - 1].lf & LEX_REFHEAD))
                return anon_people_list_at(sc, i, cov);
        for (size_t k = i + 1; k < i + 3; k++) { /* the item's last word */
                char c = sc->t[t[k].end];
                size_t n = c == ',' || c == ';' ? k + 1 : (t[k + 1].lf & LEX_CONJ) ? k + 2 : 0; /* the next item */
                if (n)
                        return n + 1 < sc->ntok && (t[n].flags & TOK_CAP) &&
                                               ((t[n + 1].flags & TOK_CAP) || sc->t[t[n].end] == '-')
                                       ? anon_people_list_at(sc, i, cov)
                                       : i;
        }
        return i;
}
/* An "origin" cue of the document's language ("I am a", "as a", "sono",
 * "jestem", "είμαι", "sem") ends right before token i, joined to it:
 * *ret_cue is its first token (anon_origin.c). */
bool anon_origin_cue_before(const Scan *sc, size_t i, size_t *ret_cue);
/* An "originafter" cue of the document's language starts at token j,
 * joined to the token before (Slovene "sem": "Ženska sem"). */
bool anon_origin_cue_after(const Scan *sc, size_t j);
/* Token i follows a gender noun that pass 1c took as the writer's ("Sou
 * uma [mulher] determinada"): its gendered form is the writer's too. */
bool anon_gnoun_before(const Scan *sc, size_t i);
/* Pass 3: date ranges of jobs and degrees become durations (anon_dates.c). */
void anon_scan_durations(Scan *sc);
/* Word w of n bytes ends with suf, and is longer (anon_gender.c). */
bool anon_ends(const char *w, size_t n, const char *suf);
/* The first stem bytes of w and then tail, in the scan's arena; NULL and
 * sc->err = -ENOMEM when there is no memory. */
const char *anon_pair(Scan *sc, const char *w, size_t stem, const char *tail);
/* anon_gender_en.c. English, after "he"/"she" at token i became "they":
 * the verb after it agrees ("is" -> "are", "works" -> "work"). */
void anon_gender_agree(Scan *sc, size_t i);
/* The end of "'s" or "’s" right after a pronoun ending at byte p ("he's"), or 0. */
size_t anon_gender_contraction(const Scan *sc, size_t p);
/* "they're" or "they've" for the "'s" at [p, e), with its apostrophe; arena-owned. */
const char *anon_gender_they_s(Scan *sc, size_t p, size_t e);
/* English "her" at token i is an object ("likes her.", "gave her the
 * book"): "them", not "their". */
bool anon_gender_object(const Scan *sc, size_t i);
/* Gendered form of the writer at token i (after a trigger, or anywhere
 * when writer: the token is in a phrase about the writer, "sono nata il");
 * returns an arena-owned neutral rewrite or NULL. */
const char *anon_gender_rewrite(Scan *sc, size_t i, bool writer);
/* True when token i is the writer's own form: right after an auxiliary of
 * the first person ("sono", "jestem", "sunt", "είμαι"; Slovene also right
 * before "sem"), or coordinated ("e", "i", "și", "και") with such a form. */
bool anon_gender_trigger_near(const Scan *sc, size_t i);
/* True when token i is a Greek adjective of both genders in a list of
 * the writer's adjectives ("υπεύθυνη, συνεπής και ομαδική"). */
bool anon_gender_list_link(const Scan *sc, size_t i);
/* Token k is an intensifier of the lexicon ("molto", "bardzo", "zelo"). */
bool anon_intensifier(const Scan *sc, size_t k);
/* The tokens of the longest tenure entry ("di esperienza", "doświadczenia")
 * at token i, or 0. */
size_t anon_tenure_at(const Scan *sc, size_t i);
/* The gendered noun of the lexicon at tokens [i, i + len) follows the
 * writer's auxiliary and an indefinite article ("Sou uma engenheira",
 * "Sono un programmatore"): the article is paired ("um/a") and an
 * adjective right after the noun is the writer's form too ("dedicada");
 * so is one after such a noun starting a line, a CV's headline
 * ("Ingegnera informatica"). */
void anon_gender_article(Scan *sc, size_t i, size_t len);

/* Session state used by the passes. */
bool anon_session_known_digits(const AnonSession *s, const char *d, size_t n);
bool anon_session_known_alnum(const AnonSession *s, const char *d, size_t n);
bool anon_session_known_email(const AnonSession *s, const char *e, size_t n);
/* Length of the known-name match at token i (0 = none). */
size_t anon_session_known_name(Scan *sc, size_t i);
/* The Latin form of a folded Cyrillic or Greek word key[0..n) into out
 * (cap bytes): variant 0 reads Cyrillic as Ukrainian, 1 as Russian.
 * Returns its length, or 0 when the word is not all Cyrillic or Greek
 * letters or does not fit (anon_translit.c). */
size_t anon_translit(const char *key, size_t n, int variant, char *out, size_t cap);
/* Pseudonym for the name made of tokens [i, j); arena-owned. strong: the
 * context or shape made it a name (honorific, label, initials, a given
 * name before it), so its words that are in no list are remembered too,
 * except a first word that starts a sentence (its capital says nothing);
 * ANON_STRONG_CUE: a cue next to the words said so (a verb of saying, a
 * role in apposition), so that word is remembered as well. */
enum { ANON_STRONG_CUE = 2 };
const char *anon_session_pseudonym(Scan *sc, size_t i, size_t j, bool known, int strong);
/* True when a token's base was part of a name seen earlier. */
bool anon_session_seen_name(const AnonSession *s, const char *base, size_t n, uint32_t h);
/* CV mode: true until the first chunk's first line has been looked at. */
bool anon_session_header_pending(const AnonSession *s);
void anon_session_header_done(AnonSession *s);
void anon_session_set_refs(AnonSession *s);

#endif
