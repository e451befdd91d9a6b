/* Pattern rules: what the dictionaries do not know, found from its shape.
 *
 *  - identifiers (CVE ids, APT28, UNC2452, Storm-0558): pcre2 patterns from
 *    rules/ids.txt, tried only on tokens that mix letters and digits;
 *  - people: a courtesy title (M., Mme, Mr) or a role (ministre, President)
 *    before capitalized words, a known first name before a surname, an East
 *    Asian surname before its given name; hunspell vetoes capitalized words
 *    that are common words (Launched, Interior); after a role, a person the
 *    dictionaries know inside the capitalized run starts the name (the words
 *    before it end the portfolio);
 *  - bodies: French heads that open a name (ministère de l'Intérieur, Agence
 *    nationale de ...), English words that close one (National Police
 *    Agency, Cyber Cooperation Working Group), Ministry/Department of ...,
 *    companies with a legal suffix, events with an ordinal (48ème ...);
 *  - acronyms defined in the text, Long Form (ACR), ACR (Long Form),
 *    Long Form (ACR - Forme longue), and later mentions of them (not a
 *    place's: KUWAIT CITY (BleepingComputer) names the outlet); a short
 *    name in apposition after a body (..., dite J3; known as OPX); a
 *    known acronym after the name of a thing (Cloud Services Appliance
 *    (CSA)) is that thing's in the whole document, not the agency;
 *  - later short mentions of people (Cazeneuve after Bernard Cazeneuve);
 *  - the first word of a web-address name seen earlier (XSS after XSS.is);
 *  - places named by their kind: the city of Toyota, le port de Trieste, the
 *    Boe district of Nauru;
 *  - a body's plural before "des deux pays" is no one body;
 *  - not names: a capitalized plan or programme opening with a country
 *    (the Austrian Cyber Security Strategy, the Ghana Card);
 *  - languages, not nationalities: en danois, known in Danish as;
 *  - the Nord département right after a French town: CROIX (Nord);
 *  - la Confédération in a Swiss document: Switzerland;
 *  - a country's Embassy (the U.S. Embassy in Manila);
 *  - media outlets in capitals after a media noun: state broadcaster CCTV;
 *  - companies no dictionary knows after a company noun: son fournisseur Spark;
 *  - not names: a quoted string after a word for a secret (mot de passe
 *    « LOUVRE »).
 * Word lists live in dict/rules/ and dict/names/. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "internal.h"

/* ---- phrase sets: normalized phrases (tokens joined by one space) ------ */

typedef struct {
  uint64_t hash; /* 0 = empty */
  uint32_t off, len;
  uint32_t val;
} pslot;

typedef struct {
  pslot *s;
  size_t cap, n;
  cyb__buf str;
} phraseset;

static uint32_t ps_find_h(const phraseset *p, uint64_t h, const char *s, size_t n) {
  if (!p->cap) return 0;
  for (size_t i = h & (p->cap - 1);; i = (i + 1) & (p->cap - 1)) {
    if (!p->s[i].hash) return 0;
    if (p->s[i].hash == h && p->s[i].len == n && memcmp(p->str.data + p->s[i].off, s, n) == 0) return p->s[i].val;
  }
}

static uint32_t ps_find(const phraseset *p, const char *s, size_t n) { return ps_find_h(p, cyb__hash(s, n) | 1, s, n); }

static int ps_add(phraseset *p, const char *s, size_t n, uint32_t val) {
  if ((p->n + 1) * 2 > p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 256;
    pslot *ns = calloc(cap, sizeof *ns);
    if (!ns) return CYBERNER_ENOMEM;
    for (size_t i = 0; i < p->cap; i++) {
      if (!p->s[i].hash) continue;
      size_t j = p->s[i].hash & (cap - 1);
      while (ns[j].hash) j = (j + 1) & (cap - 1);
      ns[j] = p->s[i];
    }
    free(p->s);
    p->s = ns;
    p->cap = cap;
  }
  uint64_t h = cyb__hash(s, n) | 1;
  size_t i = h & (p->cap - 1);
  for (; p->s[i].hash; i = (i + 1) & (p->cap - 1))
    if (p->s[i].hash == h && p->s[i].len == n && memcmp(p->str.data + p->s[i].off, s, n) == 0) {
      p->s[i].val |= val;
      return 0;
    }
  size_t off = p->str.len;
  if (cyb__buf_append(&p->str, s, n)) return CYBERNER_ENOMEM;
  p->s[i] = (pslot){h, (uint32_t)off, (uint32_t)n, val};
  p->n++;
  return 0;
}

static void ps_free(phraseset *p) {
  free(p->s);
  cyb__buf_free(&p->str);
  memset(p, 0, sizeof *p);
}

/* Joined normalized text of tokens [k, k+len) into buf; 0 when too long. */
static size_t join(const cyb__norm *nm, const cyb__tokens *tt, size_t k, size_t len, char *buf, size_t cap) {
  size_t w = 0;
  for (size_t i = k; i < k + len; i++) {
    size_t n = tt->tok[i].end - tt->tok[i].start;
    if (w + n + 1 >= cap) return 0;
    if (i > k) buf[w++] = ' ';
    memcpy(buf + w, nm->text + tt->tok[i].start, n);
    w += n;
  }
  return w;
}

/* The buckets of the document's lists hash what every lookup of the list
 * knows of a key. Names and shorts: the first word (a token's hash finds
 * the names that start with it); acronyms: the part before any '-' (OPT
 * finds OPT-NC); hidden initials: the last three letters (an acronym is a
 * tail of them, three letters or more). */
static size_t bucket_before(const char *key, size_t kl, char stop) {
  const char *e = memchr(key, stop, kl);
  return cyb__doc_name_bucket(cyb__hash(key, e ? (size_t)(e - key) : kl) | 1);
}
static size_t hidden_bucket(const char *key, size_t kl) {
  return cyb__doc_name_bucket(cyb__hash(key + kl - 3, 3) | 1);
}

/* Longest phrase of p starting at token k (before end), of top tokens at
 * most; its length in tokens, 0 when none; *val gets its value. The top
 * tokens are joined once (as join() would, a shorter phrase is a prefix of
 * that text), and one token is looked up by its own hash. */
static size_t ps_match(const phraseset *p, const cyb__norm *nm, const cyb__tokens *tt, size_t k, size_t end,
                       size_t top, uint32_t *val) {
  char buf[256];
  size_t upto[256 / 2 + 1]; /* upto[len]: bytes of the first len tokens joined (a token and a space each) */
  if (top > end - k) top = end - k;
  size_t w = 0, len = 0;
  for (; len < top; len++) {
    const cyb__token *t = &tt->tok[k + len];
    size_t n = t->end - t->start;
    if (w + n + 1 >= sizeof buf) break; /* join() gives 0 for this length and longer ones */
    if (len) buf[w++] = ' ';
    memcpy(buf + w, nm->text + t->start, n);
    w += n;
    upto[len + 1] = w;
  }
  for (; len >= 1; len--) {
    const cyb__token *t = &tt->tok[k];
    uint32_t v = len == 1 ? ps_find_h(p, t->hash, buf, upto[1]) : ps_find(p, buf, upto[len]);
    if (v) {
      if (val) *val = v;
      return len;
    }
  }
  return 0;
}


/* ---- the compiled rules ---------------------------------------------------- */

/* TITLE_PORTFOLIO: a role whose "of/for X" names a portfolio (minister,
 * secretary), also a role for the PERSON rules. */
enum { TITLE_COURTESY = 1, TITLE_ROLE = 2, TITLE_PORTFOLIO = 4 };
enum { BODY_HEAD = 1, BODY_TAIL = 2, BODY_OF = 3, BODY_MEDIA = 4 };
/* S_AKA values: a name for what the words right before give (X, known as
 * Y), or a group's name anywhere before in the sentence (under the name Y) */
enum { AKA_NEXT_TO = 1, AKA_FORMER = 2 };

typedef struct {
  pcre2_code *re;
  uint8_t label;
  uint8_t idform; /* 0 none, 1 upper, 2 lower */
} idrule;

/* The word lists. Their words join the gazetteer's vocabulary at model
 * compilation, and vid_bits says, per vocabulary id, which lists have a
 * phrase starting with the word (bit s) and which hold it as a one-word
 * entry (bit 16 + s): the rules test bits, with no lookup of their own. */
enum {
  S_TITLES, S_PARTICLES, S_NOT_NAMES, S_FIRST, S_SURNAMES, S_COMPANIES,
  S_HEAD, S_TAIL, S_OF, S_MEDIA, /* bodies by place: value = label + 1 */
  S_PREP, S_ARTICLE, S_ORDINALS, S_PLACE_OF, S_AKA,
  S_MARKED, /* not_names.txt words with a kind (value MARK_*): secret, campaign, law, product, namesake */
  NSETS /* at most 16: vid_bits holds two bits per list */
};

struct cyb__rules {
  phraseset set[NSETS];
  /* what an acronym may abbreviate: an ORGANIZATION's id (cctv) or its
   * name's initials (China Central Television: cct, cctv), value = entry + 1,
   * UINT32_MAX when two entries share it (media_names) */
  phraseset abbrev;
  /* whom a surname alone may name: a PERSON entry's family name (the last
   * word, or the first one of a family-name-first name), value = entry + 1,
   * UINT32_MAX when two entries share it (push_person) */
  phraseset surname_of;
  /* which company a name's first word alone may name: an ORGANIZATION of two
   * words or more (Spark New Zealand: spark), value = entry + 1, UINT32_MAX
   * when two entries share it (company_names) */
  phraseset firm_of;
  /* which group a word may name after a word for ransomware: a THREAT_ACTOR
   * named "<word> ransomware" (Cuba ransomware: cuba), value = entry + 1,
   * UINT32_MAX when two entries share it (actors_after_kind) */
  phraseset actor_of_kind;
  /* a country's armed forces: the AGENCY of one country named "<X> Armed
   * Forces", "Armed Forces of <X>" or "Forces armées <...>", by the
   * country's code in lower case, value = entry + 1, UINT32_MAX when two
   * entries share it (armed_forces_of_country) */
  phraseset forces_of;
  /* a branch of a country's armed forces: the AGENCY of one country named
   * "<Capitalized words> <branch>" or "<branch> of <X>" (Chilean Army,
   * Royal Navy, Army of Chile), by "<code> <branch>" in lower case, value =
   * entry + 1, UINT32_MAX when two entries share it (service_of_document) */
  phraseset branch_of;
  /* a party called by the word before "party" in its name (the Congress
   * party: Congress), by "<code> <word>", value = entry + 1, UINT32_MAX when
   * two entries share it (party_of_document) */
  phraseset party_of;
  /* a region named after its main town: the LOCATION named "<X> Oblast",
   * "<X> Prefecture", "oblast de <X>" ..., by <X>, value = entry + 1,
   * UINT32_MAX when two entries share it (regions_of_towns) */
  phraseset region_of;
  /* the PERSON entries whose name has two words or more, sorted by their
   * first word as strncasecmp orders it (then by entry): the people a
   * given name may open (relative_of_named_family) */
  uint32_t *by_first_word;
  size_t nby_first_word;
  uint32_t *vid_bits;
  /* per vocabulary id and list (vid * NSETS + s): the most tokens of a
   * phrase of the list that starts with the word, where ps_match starts
   * (most first words start only short phrases) */
  uint8_t *vid_len;
  /* per vocabulary id, the TRIG_* word it is (the rules that start at one
   * word skip a sentence without it) */
  uint32_t *vid_trig;
  size_t nvid; /* the length of vid_bits and vid_trig (and vid_len / NSETS): one bound for the three */
  cyb__gazetteer *gaz; /* only while compiling */
  idrule *ids;
  size_t nids;
  cyb__spell *spell; /* hunspell: paths and idle spellers (spell.c) */
};

/* Words some rule starts at, ends at or tests on every token: the rule
 * skips a sentence without them, and a token's test is one table read
 * instead of string comparisons. */
enum {
  TRIG_NORD = 1u << 0,          /* nord_departement */
  TRIG_CONFEDERATION = 1u << 1, /* confederation */
  TRIG_EMBASSY = 1u << 2,       /* embassies */
  TRIG_V = 1u << 3,             /* results_line: v, vs between two teams */
  TRIG_VS = 1u << 4,
  TRIG_AT = 1u << 5,            /* results_line: the words a line of results */
  TRIG_AND = 1u << 6,           /* may hold in lower case */
  TRIG_TEAM_LINK = 1u << 7,     /* results_line: inside a team's name (Real Madrid de ...) */
  TRIG_X = 1u << 8,             /* platform_x */
  TRIG_PROGRAMME = 1u << 9,     /* programme_names */
  TRIG_EU = 1u << 10,           /* eu_act_number */
  TRIG_POLICE = 1u << 11,       /* bodies: police, gendarmerie, commissariat, préfecture, académie */
  TRIG_OPEN_PAREN = 1u << 12,   /* persons: a name before a country in parentheses */
  TRIG_COUNTRIES = 1u << 13,    /* both_countries: pays */
  TRIG_PLAN = 1u << 14,         /* a plan's last word (Ghana Card, ... Strategy) */
  TRIG_COMPANY = 1u << 15,      /* a company noun before an unknown name (le cabinet Pasco) */
  TRIG_AREA = 1u << 16,         /* an area word after a place's name (the Boe district of Nauru) */
  TRIG_UNIT = 1u << 17,         /* a unit's last word after a body's possessive (Amnesty's Security Lab) */
  TRIG_CARE = 1u << 18,         /* a French hospital's or school's noun (l'hôpital de Pontarlier) */
  TRIG_PARTY = 1u << 29,        /* party_and_firm_names: party, bloc */
  TRIG_RANSOMWARE = 1u << 30,   /* actors_after_kind (a high bit, apart from the ones added above) */
};
static const struct {
  const char *word;
  uint32_t trig;
} trig_words[] = {
    {"nord", TRIG_NORD},           {"confederation", TRIG_CONFEDERATION},
    {"embassy", TRIG_EMBASSY},     {"v", TRIG_V},
    {"vs", TRIG_VS},               {"at", TRIG_AT},
    {"and", TRIG_AND},             {"of", TRIG_TEAM_LINK},
    {"de", TRIG_TEAM_LINK},        {"del", TRIG_TEAM_LINK},
    {"la", TRIG_TEAM_LINK},        {"x", TRIG_X},
    {"program", TRIG_PROGRAMME},   {"programme", TRIG_PROGRAMME},
    {"eu", TRIG_EU},               {"ue", TRIG_EU},
    {"ec", TRIG_EU},               {"ce", TRIG_EU},
    {"police", TRIG_POLICE},       {"gendarmerie", TRIG_POLICE},
    {"commissariat", TRIG_POLICE}, {"prefecture", TRIG_POLICE},
    {"academie", TRIG_POLICE},     {"rectorat", TRIG_POLICE},
    {"(", TRIG_OPEN_PAREN},        {"pays", TRIG_COUNTRIES},
    {"strategy", TRIG_PLAN},       {"project", TRIG_PLAN},
    {"programme", TRIG_PLAN},      {"program", TRIG_PLAN},
    {"plan", TRIG_PLAN},           {"card", TRIG_PLAN},
    {"fournisseur", TRIG_COMPANY}, {"operateur", TRIG_COMPANY},
    {"editeur", TRIG_COMPANY},     {"cabinet", TRIG_COMPANY},
    {"prestataire", TRIG_COMPANY}, {"constructeur", TRIG_COMPANY},
    {"firme", TRIG_COMPANY},       {"firm", TRIG_COMPANY},
    {"company", TRIG_COMPANY},     {"provider", TRIG_COMPANY},
    {"vendor", TRIG_COMPANY},      {"operator", TRIG_COMPANY},
    {"contractor", TRIG_COMPANY},  {"entreprise", TRIG_COMPANY},
    {"societe", TRIG_COMPANY},     {"fabricant", TRIG_COMPANY},
    {"hebergeur", TRIG_COMPANY},   {"assureur", TRIG_COMPANY},
    {"equipementier", TRIG_COMPANY}, {"distributeur", TRIG_COMPANY},
    {"sous-traitant", TRIG_COMPANY}, {"insurer", TRIG_COMPANY},
    {"retailer", TRIG_COMPANY},    {"manufacturer", TRIG_COMPANY},
    {"supplier", TRIG_COMPANY},    {"distributor", TRIG_COMPANY},
    {"compagnie", TRIG_COMPANY},   {"airline", TRIG_COMPANY},
    {"banque", TRIG_COMPANY},      {"startup", TRIG_COMPANY},
    {"start-up", TRIG_COMPANY},    {"ong", TRIG_COMPANY},
    {"ngo", TRIG_COMPANY},         {"association", TRIG_COMPANY},
    {"parti", TRIG_COMPANY},       {"laboratoire", TRIG_COMPANY},
    {"observatoire", TRIG_COMPANY}, {"observatory", TRIG_COMPANY},
    {"think-tank", TRIG_COMPANY},  {"tank", TRIG_COMPANY},
    {"quotidien", TRIG_COMPANY},   {"hebdomadaire", TRIG_COMPANY},
    {"magazine", TRIG_COMPANY},    {"newspaper", TRIG_COMPANY},
    {"daily", TRIG_COMPANY},       {"tabloid", TRIG_COMPANY},
    {"site", TRIG_COMPANY},        {"media", TRIG_COMPANY},
    {"district", TRIG_AREA},
    {"province", TRIG_AREA},       {"county", TRIG_AREA},
    {"prefecture", TRIG_AREA},     {"municipality", TRIG_AREA},
    {"lab", TRIG_UNIT},            {"labs", TRIG_UNIT},
    {"laboratory", TRIG_UNIT},     {"unit", TRIG_UNIT},
    {"team", TRIG_UNIT},           {"hopital", TRIG_CARE},
    {"hospitalier", TRIG_CARE},    {"clinique", TRIG_CARE},
    {"polyclinique", TRIG_CARE},   {"universite", TRIG_CARE},
    {"lycee", TRIG_CARE},          {"medical", TRIG_CARE},
    {"ransomware", TRIG_RANSOMWARE}, {"rancongiciel", TRIG_RANSOMWARE},
    {"party", TRIG_PARTY},         {"bloc", TRIG_PARTY},
};


struct cyb__rules_scratch {
  pcre2_match_data *md;
  const cyb__spell *spell;  /* whose speller it is, to give it back */
  cyb__speller *speller;    /* this call's or this tagger's own */
  uint32_t *bits; /* tokbits of the sentence's tokens */
  size_t bits_cap;
  uint16_t *starts; /* per token: labels of the candidates (before the rules) that start there */
  uint8_t *cover;   /* per token: inside a dictionary name */
  uint32_t *body_end; /* per token: end of the longest AGENCY or ORGANIZATION candidate starting there, 0 */
  uint8_t *name_ok;   /* per token: could be part of a person's name (name_token) */
  uint32_t *pstart;   /* the tokens persons() reads at (sentence offsets) */
  uint32_t *caps;     /* the capitalized tokens (sentence offsets) */
  size_t pstart_cap, caps_cap;
  uint32_t *cparen;   /* the tokens "," and "(" (sentence offsets) */
  size_t cparen_cap;
  size_t starts_cap, cover_cap, body_end_cap, name_ok_cap;
};

/* Make room in the per-word tables (vid_bits, vid_trig, vid_len) for vid,
 * the new rows zero. */
static int grow_vid_tables(cyb__rules *r, uint32_t vid) {
  if (vid < r->nvid) return 0;
  size_t cap = r->nvid, need = (size_t)vid + 1;
  if (cyb__grow((void **)&r->vid_bits, &cap, need, sizeof *r->vid_bits)) return CYBERNER_ENOMEM;
  uint32_t *trig = realloc(r->vid_trig, cap * sizeof *trig);
  if (trig) r->vid_trig = trig;
  uint8_t *len = trig ? realloc(r->vid_len, cap * NSETS) : NULL;
  if (!len) return CYBERNER_ENOMEM; /* nvid stays: the grown arrays are only longer */
  r->vid_len = len;
  memset(r->vid_bits + r->nvid, 0, (cap - r->nvid) * sizeof *r->vid_bits);
  memset(r->vid_trig + r->nvid, 0, (cap - r->nvid) * sizeof *r->vid_trig);
  memset(r->vid_len + r->nvid * NSETS, 0, (cap - r->nvid) * NSETS);
  r->nvid = cap;
  return 0;
}

/* Add a phrase to list s of r (normalized and tokenized like the text).
 * With only_new, a phrase already there keeps its value. */
static int add_phrase(cyb__rules *r, int s, const cyb__fold *f, cyb__norm *nm, cyb__tokens *tt, const char *str,
                      size_t n, uint32_t val, bool only_new) {
  if (cyb__normalize(f, str, n, nm) || cyb__tokenize(nm, tt)) return CYBERNER_ENOMEM;
  if (!tt->ntok) return 0;
  char buf[256];
  size_t w = join(nm, tt, 0, tt->ntok, buf, sizeof buf);
  if (!w || (only_new && ps_find(&r->set[s], buf, w))) return 0;
  const cyb__token *t0 = &tt->tok[0];
  uint32_t bits = (1u << s) | (tt->ntok == 1 ? 1u << (16 + s) : 0);
  uint32_t vid = cyb__gazetteer_intern(r->gaz, nm->text + t0->start, t0->end - t0->start);
  if (vid == CYB_NO_VID) return CYBERNER_ENOMEM;
  if (grow_vid_tables(r, vid)) return CYBERNER_ENOMEM;
  r->vid_bits[vid] |= bits;
  if (tt->ntok > r->vid_len[vid * NSETS + s]) r->vid_len[vid * NSETS + s] = (uint8_t)tt->ntok; /* join: < 128 tokens */
  return ps_add(&r->set[s], buf, w, val);
}

typedef struct {
  cyb__rules *r;
  const cyb__fold *f;
  cyb__norm nm;
  cyb__tokens tt;
  cyb__diag *diag;
  int target; /* list index */
} loader;

static int load_words(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno) {
  loader *L = ctx;
  CYB_UNUSED(f);
  CYB_UNUSED(lineno);
  char *tab = strchr(line, '\t');
  if (tab) n = (size_t)(tab - line);
  return add_phrase(L->r, L->target, L->f, &L->nm, &L->tt, line, n, 1, false);
}

/* not_names.txt: a word a line; "word<TAB>secret" (mot de passe, password)
 * also says that a quoted string after it is a secret, not a name;
 * "word<TAB>campaign" (campaign, campagne) that a quoted threat actor's
 * name before it (or after it, in French order) names a campaign
 * (campaigns()); "word<TAB>law" (directive, loi, act) that a short name
 * given to it by dite/known as is the law's (appositions()), and that a
 * known acronym in parentheses after a description it opens is the text's
 * (text_described_before()); "word<TAB>product" (réseau, platform) a
 * lower-case word for a product (product_after()); "word<TAB>namesake"
 * (carrier, frigate, cyclone) a word for a thing named after a person: the
 * name right after it is the thing's (namesake_before()); "name<TAB>malware"
 * (trickbot) a malware family that is also a group's alias, which a verb
 * "word<TAB>installs" (drop, deployed) before it or a noun
 * "word<TAB>software-kind" (infections, trojan) after it makes the malware's
 * (malware_names()); "word<TAB>place-word" (park, hill) a family name that
 * is also a word for a place or a time, no evidence of a name at a sentence
 * start (Victoria Park); "word<TAB>common" (cyber, cybersecurity) a common
 * word of the field that hunspell's dictionaries lack (common_in());
 * "word<TAB>civic" (city, county) a kind of local government, which alone
 * before a body's tail names no body (the City Council;
 * generic_local_body()). Only the secret words are kept from names as well. */
enum { MARK_SECRET = 1, MARK_CAMPAIGN, MARK_LAW, MARK_PRODUCT, MARK_NAMESAKE, MARK_MALWARE, MARK_INSTALLS,
       MARK_SOFTWARE_KIND, MARK_PLACE_WORD, MARK_COMMON, MARK_CIVIC };
static int load_not_names(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno) {
  loader *L = ctx;
  char *tab = strchr(line, '\t');
  if (!tab) return add_phrase(L->r, S_NOT_NAMES, L->f, &L->nm, &L->tt, line, n, 1, false);
  char *col[2];
  static const char *const kinds[] = {"secret",     "campaign", "law",   "product", "namesake", "malware",
                                      "installs",   "software-kind", "place-word", "common", "civic"};
  uint32_t kind = 0;
  if (cyb__columns(line, col, 2))
    for (uint32_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
      if (!strcmp(col[1], kinds[i])) kind = i + 1;
  if (!kind) {
    cyb__diag_add(L->diag, 1, f->display, lineno,
                  "expected word or word<TAB>secret|campaign|law|product|namesake|malware|installs|software-kind|"
                  "place-word|common|civic");
    return 0;
  }
  int rc = kind == MARK_SECRET ? add_phrase(L->r, S_NOT_NAMES, L->f, &L->nm, &L->tt, col[0], strlen(col[0]), 1, false) : 0;
  return rc ? rc : add_phrase(L->r, S_MARKED, L->f, &L->nm, &L->tt, col[0], strlen(col[0]), kind, false);
}

static int load_titles(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno) {
  loader *L = ctx;
  CYB_UNUSED(n);
  char *col[2];
  uint32_t kind = 0;
  if (cyb__columns(line, col, 2)) kind = !strcmp(col[1], "courtesy") ? TITLE_COURTESY : !strcmp(col[1], "role") ? TITLE_ROLE
                                 : !strcmp(col[1], "portfolio") ? TITLE_ROLE | TITLE_PORTFOLIO : 0;
  if (!kind) {
    cyb__diag_add(L->diag, 1, f->display, lineno, "expected phrase<TAB>courtesy|role|portfolio");
    return 0;
  }
  int rc = add_phrase(L->r, S_TITLES, L->f, &L->nm, &L->tt, col[0], strlen(col[0]), kind, false);
  if (rc || !(kind & TITLE_ROLE) || L->tt.ntok != 1) return rc;
  /* a one-word role also tells the gazetteer that "chef d'état-major" names a body */
  const cyb__token *t = &L->tt.tok[0];
  uint32_t vid = cyb__gazetteer_intern(L->r->gaz, L->nm.text + t->start, t->end - t->start);
  return vid == CYB_NO_VID ? CYBERNER_ENOMEM : cyb__gazetteer_mark_word(L->r->gaz, vid, CYB_WORD_ROLE);
}

static int load_bodies(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno) {
  loader *L = ctx;
  CYB_UNUSED(n);
  char *col[3];
  if (!cyb__columns(line, col, 3)) {
    cyb__diag_add(L->diag, 1, f->display, lineno, "expected word<TAB>LABEL<TAB>head|tail|of|media");
    return 0;
  }
  int label = cyberner_label_from_name(col[1]);
  int place = !strcmp(col[2], "head") ? BODY_HEAD : !strcmp(col[2], "tail") ? BODY_TAIL : !strcmp(col[2], "of") ? BODY_OF
              : !strcmp(col[2], "media") ? BODY_MEDIA : 0;
  if (label != CYBERNER_AGENCY && label != CYBERNER_ORGANIZATION && label != CYBERNER_EVENT &&
      label != CYBERNER_LOCATION) {
    cyb__diag_add(L->diag, 1, f->display, lineno, "label must be AGENCY, ORGANIZATION, EVENT or LOCATION, not '%s'",
                  col[1]);
    return 0;
  }
  if (!place) {
    cyb__diag_add(L->diag, 1, f->display, lineno, "place must be head, tail, of or media, not '%s'", col[2]);
    return 0;
  }
  /* first definition wins: keep the value a single label */
  int rc = add_phrase(L->r, S_HEAD + place - 1, L->f, &L->nm, &L->tt, col[0], strlen(col[0]), (uint32_t)label + 1, true);
  if (rc || label != CYBERNER_EVENT || L->tt.ntok != 1) return rc;
  /* a one-word meeting name (summit, sommet) also tells the gazetteer that
   * its events written with it in lower case are descriptions (rule 10) */
  const cyb__token *t = &L->tt.tok[0];
  uint32_t vid = cyb__gazetteer_intern(L->r->gaz, L->nm.text + t->start, t->end - t->start);
  return vid == CYB_NO_VID ? CYBERNER_ENOMEM : cyb__gazetteer_mark_word(L->r->gaz, vid, CYB_WORD_MEETING);
}

static int load_ids(void *ctx, const cyb__file *f, char *line, size_t n, size_t lineno) {
  loader *L = ctx;
  CYB_UNUSED(n);
  char *col[3];
  if (!cyb__columns(line, col, 3)) {
    cyb__diag_add(L->diag, 1, f->display, lineno, "expected LABEL<TAB>pattern<TAB>upper|lower|none");
    return 0;
  }
  int label = cyberner_label_from_name(col[0]);
  if (label < 0) {
    cyb__diag_add(L->diag, 1, f->display, lineno, "unknown label '%s'", col[0]);
    return 0;
  }
  int errcode;
  PCRE2_SIZE erroff;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)col[1], PCRE2_ZERO_TERMINATED, PCRE2_UTF, &errcode, &erroff, NULL);
  if (!re) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(errcode, msg, sizeof msg);
    cyb__diag_add(L->diag, 1, f->display, lineno, "bad pattern: %s at offset %zu", (char *)msg, (size_t)erroff);
    return 0;
  }
  pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter when JIT is unavailable */
  cyb__rules *r = L->r;
  size_t cap = r->nids;
  if (cyb__grow((void **)&r->ids, &cap, r->nids + 1, sizeof *r->ids)) {
    pcre2_code_free(re);
    return CYBERNER_ENOMEM;
  }
  r->ids[r->nids++] = (idrule){re, (uint8_t)label, (uint8_t)(!strcmp(col[2], "upper") ? 1 : !strcmp(col[2], "lower") ? 2 : 0)};
  return 0;
}


/* Key s[0..n) of a table of one entry a key means entry; a key two entries
 * share means none of them. */
static int unique_add(phraseset *p, const char *s, size_t n, uint32_t entry) {
  uint32_t v = ps_find(p, s, n);
  if (!v) return ps_add(p, s, n, entry + 1);
  if (v != entry + 1) ps_add(p, s, n, UINT32_MAX); /* ps_add ORs the value in */
  return 0;
}

/* A word after a person's family name that is not part of it: Jr, Sr, II,
 * III, the full stop of "Jr." */
static bool name_suffix(const cyb__norm *nm, const cyb__token *t) {
  return cyb__tok_is(nm, t, "jr") || cyb__tok_is(nm, t, "sr") || cyb__tok_is(nm, t, "ii") ||
         cyb__tok_is(nm, t, "iii") || cyb__tok_is(nm, t, ".");
}

/* Entry i's name in tokens (nm, tt) when it is a live entry of label: 1;
 * 0 when not; -1 out of memory. The tables below read names this way. */
static int name_of_label(const cyb__rules *r, const cyb__fold *f, uint32_t i, int label, cyb__norm *nm,
                         cyb__tokens *tt) {
  const cyb__entry *e = cyb__gazetteer_entry(r->gaz, i);
  if (e->dead || e->label != label) return 0;
  return cyb__normalize(f, e->name, strlen(e->name), nm) || cyb__tokenize(nm, tt) ? -1 : 1;
}

/* The surname table: each PERSON entry's last word (not a suffix: Jr, II),
 * and its first word too when that is a family name and no given name
 * (Yoon Suk Yeol, Widodo in Joko Widodo: the last). */
static int build_surnames(cyb__rules *r, const cyb__fold *f, cyb__norm *nm, cyb__tokens *tt) {
  size_t ne = cyb__gazetteer_size(r->gaz);
  for (uint32_t i = 0; i < ne; i++) {
    int got = name_of_label(r, f, i, CYBERNER_PERSON, nm, tt);
    if (got < 0) return CYBERNER_ENOMEM;
    if (!got) continue;
    size_t last = tt->ntok;
    while (last > 1) {
      const cyb__token *t = &tt->tok[last - 1];
      if ((t->flags & CYB_TOK_ALPHA) && !name_suffix(nm, t)) break;
      last--;
    }
    if (last < 2) continue; /* one word: the dictionaries match it themselves */
    const cyb__token *t = &tt->tok[last - 1], *t0 = &tt->tok[0];
    const char *w = nm->text + t->start;
    size_t n = t->end - t->start;
    /* a given name (Daniel, Hassan) says nothing about the family */
    if (n >= 3 && !ps_find(&r->set[S_FIRST], w, n) && unique_add(&r->surname_of, w, n, i)) return CYBERNER_ENOMEM;
    const char *w0 = nm->text + t0->start;
    size_t n0 = t0->end - t0->start;
    if (ps_find(&r->set[S_SURNAMES], w0, n0) && !ps_find(&r->set[S_FIRST], w0, n0) &&
        unique_add(&r->surname_of, w0, n0, i))
      return CYBERNER_ENOMEM;
  }
  return 0;
}

/* A gazetteer name's first word, up to its first space; *n its length,
 * 0 when the name is one word. */
static const char *first_word(const char *name, size_t *n) {
  const char *sp = strchr(name, ' ');
  *n = sp ? (size_t)(sp - name) : 0;
  return name;
}

/* Two words as strncasecmp orders them, the shorter first when one opens
 * the other. */
static int cmp_words(const char *a, size_t an, const char *b, size_t bn) {
  int d = strncasecmp(a, b, an < bn ? an : bn);
  return d ? d : (an > bn) - (an < bn);
}

typedef struct {
  const char *word;
  size_t n;
  uint32_t entry;
} first_word_key;

static int by_word_then_entry(const void *pa, const void *pb) {
  const first_word_key *a = pa, *b = pb;
  int d = cmp_words(a->word, a->n, b->word, b->n);
  return d ? d : (a->entry > b->entry) - (a->entry < b->entry);
}

/* The first-word index of the PERSON entries (by_first_word). */
static int build_first_words(cyb__rules *r) {
  size_t ne = cyb__gazetteer_size(r->gaz), nk = 0;
  first_word_key *keys = malloc((ne ? ne : 1) * sizeof *keys);
  if (!keys) return CYBERNER_ENOMEM;
  for (uint32_t i = 0; i < ne; i++) {
    const cyb__entry *e = cyb__gazetteer_entry(r->gaz, i);
    size_t n;
    const char *w = first_word(e->name, &n);
    if (!e->dead && e->label == CYBERNER_PERSON && n) keys[nk++] = (first_word_key){w, n, i};
  }
  qsort(keys, nk, sizeof *keys, by_word_then_entry);
  r->by_first_word = malloc((nk ? nk : 1) * sizeof *r->by_first_word);
  if (!r->by_first_word) {
    free(keys);
    return CYBERNER_ENOMEM;
  }
  for (size_t i = 0; i < nk; i++) r->by_first_word[i] = keys[i].entry;
  r->nby_first_word = nk;
  free(keys);
  return 0;
}

/* The group-by-kind table: each THREAT_ACTOR whose name is one word and
 * "ransomware" (Cuba ransomware), by that word. */
static int build_actor_kinds(cyb__rules *r, const cyb__fold *f, cyb__norm *nm, cyb__tokens *tt) {
  size_t ne = cyb__gazetteer_size(r->gaz);
  for (uint32_t i = 0; i < ne; i++) {
    int got = name_of_label(r, f, i, CYBERNER_THREAT_ACTOR, nm, tt);
    if (got < 0) return CYBERNER_ENOMEM;
    if (!got || tt->ntok != 2 || !cyb__tok_is(nm, &tt->tok[1], "ransomware")) continue;
    const cyb__token *t = &tt->tok[0];
    if (unique_add(&r->actor_of_kind, nm->text + t->start, t->end - t->start, i)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* Is the normalized name in (nm, tt) a country's armed forces: "Singapore
 * Armed Forces" (at most two words before, none a link word: not the
 * Ministry of the Armed Forces), "Armed Forces of Ukraine", "Forces armées
 * suédoises"? FORCES_OWN for its own name (Forces armées françaises,
 * Singapore Armed Forces), FORCES_OF_PLACE for one that a link word goes
 * on with (Forces armées de la Nouvelle-Calédonie, Armed Forces of
 * Ukraine), FORCES_NONE when it is none. */
enum { FORCES_NONE, FORCES_OF_PLACE, FORCES_OWN };
static int armed_forces_name(const cyb__norm *nm, const cyb__tokens *tt) {
  size_t n = tt->ntok;
  if (n < 2) return FORCES_NONE;
  const cyb__token *t = tt->tok;
  if (cyb__tok_is(nm, &t[0], "forces") && cyb__tok_is(nm, &t[1], "armees"))
    return n > 2 && (cyb__tok_is(nm, &t[2], "de") || cyb__tok_is(nm, &t[2], "d'") || cyb__tok_is(nm, &t[2], "du") ||
                     cyb__tok_is(nm, &t[2], "des") || cyb__tok_is(nm, &t[2], "en"))
               ? FORCES_OF_PLACE
               : FORCES_OWN;
  if (cyb__tok_is(nm, &t[0], "armed") && cyb__tok_is(nm, &t[1], "forces"))
    return n == 2 ? FORCES_OWN : cyb__tok_is(nm, &t[2], "of") ? FORCES_OF_PLACE : FORCES_NONE;
  if (n > 4 || !cyb__tok_is(nm, &t[n - 2], "armed") || !cyb__tok_is(nm, &t[n - 1], "forces")) return FORCES_NONE;
  for (size_t k = 0; k + 2 < n; k++)
    if (!(nm->upper[t[k].start]) || cyb__tok_is(nm, &t[k], "of") || cyb__tok_is(nm, &t[k], "the")) return FORCES_NONE;
  return FORCES_OWN;
}

/* The armed-forces table: each one-country AGENCY whose name or an alias
 * is its armed forces' (armed_forces_name), by the country's code. Of a
 * country's several, the one named by its own name (France's Forces armées
 * françaises) is the country's over those of a place (Forces armées de la
 * Nouvelle-Calédonie): those count only for a country with none such. */
static int build_armed_forces(cyb__rules *r, const cyb__fold *f, cyb__norm *nm, cyb__tokens *tt) {
  size_t ne = cyb__gazetteer_size(r->gaz);
  uint8_t *kind = calloc(ne ? ne : 1, 1);
  uint8_t own[26 * 26] = {0}; /* a country with an entry of its own name */
  if (!kind) return CYBERNER_ENOMEM;
  for (uint32_t i = 0; i < ne; i++) {
    const cyb__entry *e = cyb__gazetteer_entry(r->gaz, i);
    if (e->dead || e->label != CYBERNER_AGENCY || !e->country || strlen(e->country) != 2) continue;
    for (const char *p = e->name; p && kind[i] != FORCES_OWN;) {
      size_t len;
      const char *a = cyb__entry_next_name(e, &p, &len);
      /* most names have no "forces": no need to normalize them */
      bool forces = false;
      for (size_t j = 0; j + 5 <= len && !forces; j++)
        forces = !memcmp(a + j, "orces", 5) || !memcmp(a + j, "ORCES", 5);
      if (!forces) continue;
      if (cyb__normalize(f, a, len, nm) || cyb__tokenize(nm, tt)) {
        free(kind);
        return CYBERNER_ENOMEM;
      }
      int k = armed_forces_name(nm, tt);
      if (k > kind[i]) kind[i] = (uint8_t)k;
    }
    int slot = cyb__country_slot(e->country);
    if (kind[i] == FORCES_OWN && slot >= 0) own[slot] = 1;
  }
  int rc = 0;
  for (uint32_t i = 0; i < ne && !rc; i++) {
    if (!kind[i]) continue;
    const cyb__entry *e = cyb__gazetteer_entry(r->gaz, i);
    int slot = cyb__country_slot(e->country);
    if (kind[i] == FORCES_OF_PLACE && slot >= 0 && own[slot]) continue;
    char code[3] = {(char)(e->country[0] | 0x20), (char)(e->country[1] | 0x20), 0};
    rc = unique_add(&r->forces_of, code, 2, i);
  }
  free(kind);
  return rc;
}

/* The branches of armed forces every state has: a capitalized one alone
 * after "the" is the document's own state's (service_of_document). */
static const char *const SERVICE_BRANCHES[][2] = {{"army", NULL}, {"navy", NULL}, {"air", "force"}, {"armed", "forces"}};

/* The branch of SERVICE_BRANCHES tokens [k, ...) of (nm, tt) spell, -1 when none; *n: its tokens. */
static int branch_at(const cyb__norm *nm, const cyb__tokens *tt, size_t k, size_t *n) {
  for (int b = 0; b < (int)(sizeof SERVICE_BRANCHES / sizeof *SERVICE_BRANCHES); b++) {
    *n = SERVICE_BRANCHES[b][1] ? 2 : 1;
    if (k + *n <= tt->ntok && cyb__tok_is(nm, &tt->tok[k], SERVICE_BRANCHES[b][0]) &&
        (*n == 1 || cyb__tok_is(nm, &tt->tok[k + 1], SERVICE_BRANCHES[b][1])))
      return b;
  }
  return -1;
}

/* The branch table: each one-country AGENCY with a name or alias
 * "<one to three capitalized words> <branch>" (no link word: not the
 * Department of the Navy) or "<branch> of <X>", by "<code> <branch>". */
static int build_branches(cyb__rules *r, const cyb__fold *f, cyb__norm *nm, cyb__tokens *tt) {
  size_t ne = cyb__gazetteer_size(r->gaz);
  for (uint32_t i = 0; i < ne; i++) {
    const cyb__entry *e = cyb__gazetteer_entry(r->gaz, i);
    if (e->dead || e->label != CYBERNER_AGENCY || !e->country || strlen(e->country) != 2) continue;
    for (const char *p = e->name; p;) {
      size_t len, n;
      const char *a = cyb__entry_next_name(e, &p, &len);
      /* most names have no branch word: no need to normalize them */
      static const char *const STEMS[] = {"rmy", "RMY", "avy", "AVY", "orce", "ORCE"};
      bool stem = false;
      for (size_t j = 0; j < len && !stem; j++)
        for (size_t w = 0; w < sizeof STEMS / sizeof *STEMS && !stem; w++)
          stem = j + strlen(STEMS[w]) <= len && !memcmp(a + j, STEMS[w], strlen(STEMS[w]));
      if (!stem) continue;
      if (cyb__normalize(f, a, len, nm) || cyb__tokenize(nm, tt)) return CYBERNER_ENOMEM;
      int b = -1;
      if (tt->ntok >= 3 && (b = branch_at(nm, tt, 0, &n)) >= 0 && !(n < tt->ntok && cyb__tok_is(nm, &tt->tok[n], "of")))
        b = -1;
      for (size_t k = 1; b < 0 && k <= 3 && k < tt->ntok; k++) {
        bool names = true;
        for (size_t j = 0; j < k && names; j++)
          names = nm->upper[tt->tok[j].start] && !cyb__tok_is(nm, &tt->tok[j], "of") &&
                  !cyb__tok_is(nm, &tt->tok[j], "the") && !cyb__tok_is(nm, &tt->tok[j], "for");
        if (names && (b = branch_at(nm, tt, k, &n)) >= 0 && k + n != tt->ntok) b = -1;
      }
      if (b < 0) continue;
      char key[32];
      int kl = snprintf(key, sizeof key, "%c%c %s%s%s", e->country[0] | 0x20, e->country[1] | 0x20,
                        SERVICE_BRANCHES[b][0], SERVICE_BRANCHES[b][1] ? " " : "",
                        SERVICE_BRANCHES[b][1] ? SERVICE_BRANCHES[b][1] : "");
      if (unique_add(&r->branch_of, key, (size_t)kl, i)) return CYBERNER_ENOMEM;
    }
  }
  return 0;
}

/* The party table: each one-country ORGANIZATION with a name or alias
 * "<Word> party" (Congress party, Labour Party), by "<code> <word>". */
static int build_parties(cyb__rules *r, const cyb__fold *f, cyb__norm *nm, cyb__tokens *tt) {
  size_t ne = cyb__gazetteer_size(r->gaz);
  for (uint32_t i = 0; i < ne; i++) {
    const cyb__entry *e = cyb__gazetteer_entry(r->gaz, i);
    if (e->dead || e->label != CYBERNER_ORGANIZATION || !e->country || strlen(e->country) != 2) continue;
    for (const char *p = e->name; p;) {
      size_t len;
      const char *a = cyb__entry_next_name(e, &p, &len);
      if (len < 7 || (memcmp(a + len - 6, " party", 6) && memcmp(a + len - 6, " Party", 6))) continue;
      if (cyb__normalize(f, a, len, nm) || cyb__tokenize(nm, tt)) return CYBERNER_ENOMEM;
      if (tt->ntok != 2 || !nm->upper[tt->tok[0].start]) continue;
      char key[48];
      int kl = snprintf(key, sizeof key, "%c%c %.*s", e->country[0] | 0x20, e->country[1] | 0x20,
                        (int)(tt->tok[0].end - tt->tok[0].start), nm->text + tt->tok[0].start);
      if (kl > 0 && (size_t)kl < sizeof key && unique_add(&r->party_of, key, (size_t)kl, i)) return CYBERNER_ENOMEM;
    }
  }
  return 0;
}

/* The words for a region that take a town's name: Kursk Oblast, the Kursk
 * region, la région de Koursk, Osaka Prefecture. */
static bool region_word(const cyb__norm *nm, const cyb__token *t) {
  static const char *const REGION_WORDS[] = {"oblast", "region", "prefecture", "province", "krai"};
  for (size_t i = 0; i < sizeof REGION_WORDS / sizeof *REGION_WORDS; i++)
    if (cyb__tok_is(nm, t, REGION_WORDS[i])) return true;
  return false;
}

/* The region table: each LOCATION whose name or an alias is a town's name
 * and a region word ("Kursk Oblast", "oblast de Koursk"), by the town's name. */
static int build_regions(cyb__rules *r, const cyb__fold *f, cyb__norm *nm, cyb__tokens *tt) {
  size_t ne = cyb__gazetteer_size(r->gaz);
  for (uint32_t i = 0; i < ne; i++) {
    const cyb__entry *e = cyb__gazetteer_entry(r->gaz, i);
    if (e->dead || e->label != CYBERNER_LOCATION) continue;
    for (const char *p = e->name; p;) {
      size_t len;
      const char *a = cyb__entry_next_name(e, &p, &len);
      /* most names hold no region word: no need to normalize them */
      static const char *const STEMS[] = {"blast", "gion", "GION", "fecture", "FECTURE", "ovince", "OVINCE", "rai", "RAI"};
      bool stem = false;
      for (size_t j = 0; j < len && !stem; j++)
        for (size_t w = 0; w < sizeof STEMS / sizeof *STEMS && !stem; w++) {
          size_t sl = strlen(STEMS[w]);
          stem = j + sl <= len && !memcmp(a + j, STEMS[w], sl);
        }
      if (!stem) continue;
      if (cyb__normalize(f, a, len, nm) || cyb__tokenize(nm, tt)) return CYBERNER_ENOMEM;
      size_t n = tt->ntok, from = 0, to = 0;
      if (n >= 2 && region_word(nm, &tt->tok[n - 1])) from = 0, to = n - 1; /* Kursk Oblast */
      else if (n >= 3 && region_word(nm, &tt->tok[0]) &&
               (cyb__tok_is(nm, &tt->tok[1], "de") || cyb__tok_is(nm, &tt->tok[1], "d'")))
        from = 2, to = n; /* oblast de Koursk */
      if (to <= from) continue;
      char key[64];
      size_t kl = join(nm, tt, from, to - from, key, sizeof key);
      if (kl && unique_add(&r->region_of, key, kl, i)) return CYBERNER_ENOMEM;
    }
  }
  return 0;
}

/* An abbreviation of two to eight letters (unique_add). */
static int abbrev_add(phraseset *p, const char *s, size_t n, uint32_t entry) {
  return n < 2 || n > 8 ? 0 : unique_add(p, s, n, entry);
}

/* The abbreviation table (media_names): each ORGANIZATION's id when it is
 * one word of letters, and the initials of its name's content words, with
 * "television" read as TV too (China Central Television: CCT and CCTV). */
static int build_abbrev(cyb__rules *r, const cyb__fold *f, cyb__norm *nm, cyb__tokens *tt) {
  static const char *const skip[] = {"of", "the", "and", "for", "de", "du", "des", "la", "le", "l'", "les", "d'", "et"};
  size_t ne = cyb__gazetteer_size(r->gaz);
  for (uint32_t i = 0; i < ne; i++) {
    const cyb__entry *e = cyb__gazetteer_entry(r->gaz, i);
    if (e->dead || e->label != CYBERNER_ORGANIZATION) continue;
    size_t il = strlen(e->id), letters = 0;
    while (letters < il && e->id[letters] >= 'a' && e->id[letters] <= 'z') letters++;
    if (letters == il && abbrev_add(&r->abbrev, e->id, il, i)) return CYBERNER_ENOMEM;
    if (cyb__normalize(f, e->name, strlen(e->name), nm) || cyb__tokenize(nm, tt)) return CYBERNER_ENOMEM;
    /* firm_of: a name of plain words (Spark New Zealand), not a body's
     * description (Board of Control for Cricket in India) */
    bool plain = tt->ntok >= 2;
    for (size_t k = 0; k < tt->ntok && plain; k++)
      for (size_t w = 0; w < sizeof skip / sizeof *skip && plain; w++) plain = !cyb__tok_is(nm, &tt->tok[k], skip[w]);
    const cyb__token *t0 = &tt->tok[0];
    if (plain && unique_add(&r->firm_of, nm->text + t0->start, t0->end - t0->start, i)) return CYBERNER_ENOMEM;
    char a[16], tv[2 * sizeof a]; /* a word gives tv two letters at most (television: tv) */
    size_t m = 0, mt = 0, words = 0;
    bool ok = true;
    for (size_t k = 0; k < tt->ntok && ok; k++) {
      const cyb__token *t = &tt->tok[k];
      bool function = false;
      for (size_t w = 0; w < sizeof skip / sizeof *skip && !function; w++) function = cyb__tok_is(nm, t, skip[w]);
      if (function) continue;
      char ch = nm->text[t->start];
      ok = ch >= 'a' && ch <= 'z' && m + 2 < sizeof a;
      if (!ok) break;
      words++;
      a[m++] = ch;
      if (cyb__tok_is(nm, t, "television")) tv[mt++] = 't', tv[mt++] = 'v';
      else tv[mt++] = ch;
    }
    if (!ok || words < 2) continue;
    if (abbrev_add(&r->abbrev, a, m, i) || (mt != m && abbrev_add(&r->abbrev, tv, mt, i))) return CYBERNER_ENOMEM;
  }
  return 0;
}

cyb__rules *cyb__rules_new(const cyb__files *base, const cyb__files *extra, const cyb__fold *f, cyb__gazetteer *g,
                           cyb__diag *diag, cyberner_error **err) {
  cyb__rules *r = calloc(1, sizeof *r);
  loader L = {r, f, {0}, {0}, diag, 0};
  if (!r) goto oom;
  r->gaz = g;
  if (!(r->spell = cyb__spell_new(diag)) ||
      cyb__spell_load_verdicts(r->spell, cyb__files_pick(base, extra, "names/hunspell_verdicts.txt")))
    goto oom;
  /* function words the body shapes are made of: part of the code, not data */
  static const char *const preps[] = {"de", "du", "des", "d'", "pour", "en", "contre", "aux", "au", "a", "sur", "et"};
  static const char *const articles[] = {"la", "l'", "le", "les"};
  static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                         "ninth", "tenth", "eleventh", "twelfth", "premier", "premiere", "deuxieme",
                                         "second", "seconde", "troisieme", "quatrieme", "cinquieme", "sixieme",
                                         "septieme", "huitieme", "neuvieme", "dixieme", "onzieme", "douzieme"};
  for (size_t i = 0; i < sizeof ordinals / sizeof *ordinals; i++)
    if (add_phrase(r, S_ORDINALS, f, &L.nm, &L.tt, ordinals[i], strlen(ordinals[i]), 1, false)) goto oom;
  for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
    if (add_phrase(r, S_PREP, f, &L.nm, &L.tt, preps[i], strlen(preps[i]), 1, false)) goto oom;
  for (size_t i = 0; i < sizeof articles / sizeof *articles; i++)
    if (add_phrase(r, S_ARTICLE, f, &L.nm, &L.tt, articles[i], strlen(articles[i]), 1, false)) goto oom;
  /* a lower-case word for a place before its name (places_of) */
  static const char *const place_of[] = {"city of",     "town of",     "village of", "port of",    "province of",
                                         "state of",    "region of",   "ville de",   "ville d'",   "port de",
                                         "port d'",     "commune de",  "commune d'", "province de", "province d'",
                                         "région de",   "région d'"};
  for (size_t i = 0; i < sizeof place_of / sizeof *place_of; i++)
    if (add_phrase(r, S_PLACE_OF, f, &L.nm, &L.tt, place_of[i], strlen(place_of[i]), 1, false)) goto oom;
  /* words that give a body or a group its short or other name (appositions) */
  static const char *const aka[] = {"dit", "dite", "dits", "dites", "surnommé", "surnommée", "surnommés",
                                    "surnommées", "known as", "also known as", "aka", "a.k.a.", "alias",
                                    "dubbed", "also called", "connu sous le nom de", "connue sous le nom de",
                                    "connus sous le nom de", "connues sous le nom de", "connu sous le nom d'",
                                    "connue sous le nom d'", "connus sous le nom d'", "connues sous le nom d'"};
  for (size_t i = 0; i < sizeof aka / sizeof *aka; i++)
    if (add_phrase(r, S_AKA, f, &L.nm, &L.tt, aka[i], strlen(aka[i]), AKA_NEXT_TO, false)) goto oom;
  /* words that give a group an earlier name anywhere after it in the
   * sentence (Qilin, a service that emerged in 2022 under the name Agenda) */
  static const char *const former[] = {"under the name", "formerly known as", "previously known as",
                                       "sous le nom de", "sous le nom d'"};
  for (size_t i = 0; i < sizeof former / sizeof *former; i++)
    if (add_phrase(r, S_AKA, f, &L.nm, &L.tt, former[i], strlen(former[i]), AKA_FORMER, false)) goto oom;
  struct {
    const char *file;
    int set;
    cyb__line_fn fn;
  } lists[] = {
      {"rules/titles.txt", S_TITLES, load_titles},       {"rules/particles.txt", S_PARTICLES, load_words},
      {"rules/not_names.txt", S_NOT_NAMES, load_not_names},  {"rules/companies.txt", S_COMPANIES, load_words},
      {"rules/bodies.txt", S_HEAD, load_bodies},         {"rules/ids.txt", 0, load_ids},
      {"names/first_names.txt", S_FIRST, load_words},    {"names/surnames.txt", S_SURNAMES, load_words},
  };
  for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
    const cyb__file *fl = cyb__files_pick(base, extra, lists[i].file);
    if (!fl) {
      cyb__diag_add(diag, 0, NULL, 0, "no %s: the rules that use it are off", lists[i].file);
      continue;
    }
    L.target = lists[i].set;
    if (cyb__file_each_line(fl, lists[i].fn, &L)) goto oom;
  }
  if (build_abbrev(r, f, &L.nm, &L.tt) || build_surnames(r, f, &L.nm, &L.tt) ||
      build_actor_kinds(r, f, &L.nm, &L.tt) || build_armed_forces(r, f, &L.nm, &L.tt) ||
      build_branches(r, f, &L.nm, &L.tt) || build_parties(r, f, &L.nm, &L.tt) ||
      build_regions(r, f, &L.nm, &L.tt) || build_first_words(r))
    goto oom;
  for (size_t i = 0; i < sizeof trig_words / sizeof *trig_words; i++) {
    uint32_t vid = cyb__gazetteer_intern(g, trig_words[i].word, strlen(trig_words[i].word));
    if (vid == CYB_NO_VID) goto oom;
    if (grow_vid_tables(r, vid)) goto oom;
    r->vid_trig[vid] |= trig_words[i].trig;
  }
  cyb__norm_free(&L.nm);
  cyb__tokens_free(&L.tt);
  r->gaz = NULL; /* the model is immutable from here on */
  return r;
oom:
  cyb__norm_free(&L.nm);
  cyb__tokens_free(&L.tt);
  cyb__rules_free(r);
  cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory compiling the rules");
  return NULL;
}

void cyb__rules_free(cyb__rules *r) {
  if (!r) return;
  for (int i = 0; i < NSETS; i++) ps_free(&r->set[i]);
  ps_free(&r->abbrev);
  ps_free(&r->surname_of);
  ps_free(&r->firm_of);
  ps_free(&r->actor_of_kind);
  ps_free(&r->forces_of);
  ps_free(&r->branch_of);
  ps_free(&r->party_of);
  ps_free(&r->region_of);
  free(r->by_first_word);
  free(r->vid_bits);
  free(r->vid_len);
  free(r->vid_trig);
  for (size_t i = 0; i < r->nids; i++) pcre2_code_free(r->ids[i].re);
  free(r->ids);
  cyb__spell_free(r->spell);
  free(r);
}

cyb__rules_scratch *cyb__rules_scratch_new(const cyb__rules *r) {
  cyb__rules_scratch *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->spell = r->spell;
  if (!(s->md = pcre2_match_data_create(8, NULL)) || !(s->speller = cyb__speller_take(r->spell))) {
    cyb__rules_scratch_free(s);
    return NULL;
  }
  return s;
}

void cyb__rules_scratch_free(cyb__rules_scratch *s) {
  if (!s) return;
  pcre2_match_data_free(s->md);
  cyb__speller_give(s->spell, s->speller);
  free(s->bits);
  free(s->starts);
  free(s->cover);
  free(s->body_end);
  free(s->name_ok);
  free(s->pstart);
  free(s->caps);
  free(s->cparen);
  free(s);
}

/* A bounded copy of a short string (ids, keys) that always ends with NUL:
 * remember() runs for every entity, and snprintf costs ten times more. */
static void copy_str(char *dst, size_t cap, const char *src, size_t n) {
  if (n >= cap) n = cap - 1;
  if (n) memcpy(dst, src, n);
  dst[n] = '\0';
}

/* ---- matching helpers -------------------------------------------------------- */

typedef struct {
  const cyberner_model *m;
  const cyb__rules *r;
  cyb__rules_scratch *rs;
  const cyb__norm *nm;
  const cyb__tokens *tt;
  const cyb__sentence *s;
  cyb__doc *doc;
  cyb__cands *cs;
  size_t ndict;    /* candidates before the rules ran */
  const char *src; /* the block's input bytes (for hunspell) */
  size_t srclen;
  const uint32_t *bits; /* tokbits of token k at bits[k - s->tok_begin] */
  const uint8_t *name_ok; /* name_token of token k at name_ok[k - s->tok_begin] */
  /* the sentence at a glance, so that a rule with nothing to start at does
   * not walk its tokens: the OR of its tokens' list bits, of the labels of
   * the candidates starting in it (cand_at), of its trigger words (TRIG_*) */
  uint32_t any_bits;
  uint16_t any_flags; /* the OR of its tokens' CYB_TOK_ flags */
  uint16_t any_starts;
  uint32_t trig;
  bool any_alnum;         /* a token with letters and digits (an identifier, 48ème, 9th) */
  bool countries_read;    /* sentence_countries below filled (country_named) */
  uint8_t sentence_countries[26 * 26 / 8 + 1]; /* countries of the sentence's dictionary names, a bit a code */
  const uint32_t *pstart; /* where a reading of persons() may start: pstart[0, npstart), offsets in the sentence */
  size_t npstart;
  const uint32_t *caps; /* its capitalized tokens: caps[0, ncaps), offsets in the sentence */
  size_t ncaps;
  const uint32_t *cparen; /* its tokens "," and "(" (acronyms() reads at them): cparen[0, ncparen) */
  size_t ncparen;
  /* document_country's answer, found at its first question of the sentence:
   * 0 not asked, 1 doc_country holds it, -1 none (a tie) */
  int8_t doc_country_read;
  char doc_country[3];
} mctx;

static uint32_t kbits(const mctx *c, size_t k) { return c->bits[k - c->s->tok_begin]; }
/* Token k is the one punctuation character ch (not a run such as "(("): a
 * flag, a length and a byte, for the loops that test every token. */
static bool punct_is(const mctx *c, size_t k, char ch) {
  const cyb__token *t = &c->tt->tok[k];
  return (t->flags & CYB_TOK_PUNCT) && t->end == t->start + 1 && c->nm->text[t->start] == ch;
}
/* Token k is a one-word entry of list s. */
static bool has(const mctx *c, int s, size_t k) { return (kbits(c, k) >> (16 + s)) & 1u; }
/* Longest phrase of list s at token k; its length in tokens, 0 if none. */
static inline size_t pm(const mctx *c, int s, size_t k, size_t end, uint32_t *val) {
  if (!((kbits(c, k) >> s) & 1u)) return 0; /* then vid < nvid */
  return ps_match(&c->r->set[s], c->nm, c->tt, k, end, c->r->vid_len[c->tt->tok[k].vid * NSETS + s], val);
}

/* A word of not_names.txt of kind `kind` (MARK_*) over exactly tokens [k, e)? */
static bool marked(const mctx *c, size_t k, size_t e, uint32_t kind) {
  uint32_t v = 0;
  return k < e && pm(c, S_MARKED, k, e, &v) == e - k && v == kind;
}

static const char *ttext(const mctx *c, size_t k, size_t *n) {
  *n = c->tt->tok[k].end - c->tt->tok[k].start;
  return c->nm->text + c->tt->tok[k].start;
}

static bool tis(const mctx *c, size_t k, const char *w) { return cyb__tok_is(c->nm, &c->tt->tok[k], w); }

static uint16_t tflags(const mctx *c, size_t k) { return c->tt->tok[k].flags; }

/* The TRIG_* words token k is (the same test as tis on each word). */
static uint32_t ktrig(const mctx *c, size_t k) {
  uint32_t v = c->tt->tok[k].vid;
  return v < c->r->nvid ? c->r->vid_trig[v] : 0;
}

/* A dictionary candidate of a label starting (or covering) token k. */
/* Does a candidate of this label (any label: -1), found before the rules ran,
 * start at token k? (per-token table: no scan of the candidates) */
static bool cand_at(const mctx *c, size_t k, int label) {
  uint16_t m = c->rs->starts[k - c->s->tok_begin];
  return label < 0 ? m != 0 : (m >> label) & 1u;
}

/* The dictionary candidate of a label over tokens [tb, te) (tb ANY_START:
 * any one ending before te), found before the rules ran; NULL when none. */
#define ANY_START SIZE_MAX
static const cyb__cand *dict_cand(const mctx *c, size_t tb, size_t te, int label) {
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->te == te && d->label == label && (tb == ANY_START || d->tb == tb)) return d;
  }
  return NULL;
}

/* End of the longest dictionary name of this label (-1: any entity label)
 * starting at token tb, 0 when none. */
static size_t dict_end_at(const mctx *c, size_t tb, int label) {
  size_t e = 0;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->tb == tb && d->source == CYB_SRC_DICT && (label < 0 ? d->label != CYB_NOT_ENTITY : d->label == label) &&
        d->te > e)
      e = d->te;
  }
  return e;
}

/* Is token k inside a dictionary name (Intellexa in "Intellexa and NSO Group")? */
static bool covered(const mctx *c, size_t k) { return c->rs->cover[k - c->s->tok_begin]; }

static bool is_place_at(const mctx *c, size_t k) {
  return cand_at(c, k, CYBERNER_COUNTRY) || cand_at(c, k, CYBERNER_NATIONALITY);
}

/* An Arabic surname with its article in lower case: al-Turabi, el-Sisi, ash-Sharif. */
static bool article_surname(const mctx *c, size_t k) {
  static const char *const articles[] = {"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-"};
  if (!(tflags(c, k) & CYB_TOK_HYPHEN)) return false;
  size_t n;
  const char *t = ttext(c, k, &n);
  for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
    size_t m = strlen(articles[i]);
    if (n > m + 1 && !memcmp(t, articles[i], m)) return c->nm->upper[c->tt->tok[k].start + m] != 0;
  }
  return false;
}

/* Could token k be part of a person's name? Computed once per token of the
 * sentence (the person rules ask it several times a token): name_token(). */
static bool name_token_of(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  if (!(f & CYB_TOK_CAP) && (f & CYB_TOK_ALPHA) && article_surname(c, k)) return true;
  if (!(f & CYB_TOK_ALPHA) || !(f & CYB_TOK_CAP) || (f & (CYB_TOK_DIGIT | CYB_TOK_DOTTED | CYB_TOK_ELISION))) return false;
  if ((f & CYB_TOK_ALLCAPS) && c->tt->tok[k].end - c->tt->tok[k].start > 3) return false;
  if (has(c, S_NOT_NAMES, k)) return false;
  int single = cyb__gazetteer_single_label(c->m->gaz, c->tt->tok[k].vid);
  if (single == CYBERNER_COUNTRY || single == CYBERNER_NATIONALITY) return false;
  return true;
}

static bool name_token(const mctx *c, size_t k) { return c->name_ok[k - c->s->tok_begin]; }

/* A token that could be part of a name and that no dictionary name starts
 * at or covers: the shape rules' unknown words (a person's, a company's, a
 * place's) start from it. */
static bool unclaimed_name(const mctx *c, size_t k) { return name_token(c, k) && !cand_at(c, k, -1) && !covered(c, k); }

static bool is_article(const mctx *c, size_t k) { return has(c, S_ARTICLE, k); }

/* Not a short word in capitals: NGO, LI, DAN are acronyms more often
 * than the names Ngo, Li, Dan. */
static bool first_name(const mctx *c, size_t k) {
  const cyb__token *t = &c->tt->tok[k];
  return has(c, S_FIRST, k) && !((t->flags & CYB_TOK_ALLCAPS) && t->end - t->start <= 3);
}

/* Token k as the caller wrote it (the speller reads the original word,
 * accents included); *n its length. */
static const char *as_written(const mctx *c, size_t k, size_t *n) {
  size_t os = c->nm->map[c->tt->tok[k].start];
  *n = cyb__norm_src_end(c->nm, c->src, c->srclen, c->tt->tok[k].end) - os;
  return c->src + os;
}

/* A lower-case word, the only kind the French questions below are asked of. */
static bool lower_word_at(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  return (f & CYB_TOK_ALPHA) && !(f & (CYB_TOK_CAP | CYB_TOK_DIGIT));
}

/* Token k has a vowel (a, e, i, o, u, y): it may be a word, not an
 * abbreviation such as ltd or plc. */
static bool has_vowel(const mctx *c, size_t k) {
  const cyb__token *t = &c->tt->tok[k];
  for (uint32_t i = t->start; i < t->end; i++)
    if (strchr("aeiouy", c->nm->text[i])) return true;
  return false;
}

/* One of spell.c's French questions asked of token k as written. */
typedef bool (*french_question)(const cyb__spell *, cyb__speller *, const char *, size_t);
static bool french_is(const mctx *c, size_t k, french_question q) {
  size_t n;
  const char *w = as_written(c, k, &n);
  return q(c->r->spell, c->rs->speller, w, n);
}

static bool is_adjective(const mctx *c, size_t k) {
  return lower_word_at(c, k) && french_is(c, k, cyb__spell_french_adjective);
}

/* Is token k a French infinitive that is no noun (adopter, not avenir)? */
static bool is_infinitive(const mctx *c, size_t k) {
  return lower_word_at(c, k) && french_is(c, k, cyb__spell_french_infinitive);
}

/* Is token k a French past participle (présidée)? */
static bool is_participle(const mctx *c, size_t k) {
  return lower_word_at(c, k) && french_is(c, k, cyb__spell_french_participle);
}

/* Is token k, as written, a common word of language lang (CYBERNER_LANG_FR,
 * _EN; 0: either)? (the speller remembers its answers). The field's words
 * it lacks, marked common in not_names.txt, are English ones ("cyber"): in
 * French text they still make an English name (foreign_names()). */
static bool common_in(const mctx *c, size_t k, int lang) {
  if (lang != CYBERNER_LANG_FR && marked(c, k, k + 1, MARK_COMMON)) return true;
  size_t n;
  const char *w = as_written(c, k, &n);
  return cyb__spell_common(c->r->spell, c->rs->speller, lang, w, n);
}

static bool is_common(const mctx *c, size_t k) { return common_in(c, k, 0); }

/* The run of name tokens from k (particles inside allowed); its end. */
/* A surname in capitals, as French official texts write them (Jean-Noël
 * BARROT, M. LE DRIAN): all capitals, and no acronym the dictionaries know. */
static bool caps_surname(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  if (!(f & CYB_TOK_ALLCAPS) || (f & (CYB_TOK_DIGIT | CYB_TOK_DOTTED)) || has(c, S_NOT_NAMES, k)) return false;
  if (cyb__gazetteer_single_label(c->m->gaz, c->tt->tok[k].vid) >= 0) return false;
  size_t n;
  const char *t = ttext(c, k, &n);
  for (size_t i = 0; i < n; i++)
    if (t[i] == '/' || t[i] == '&' || t[i] == '.') return false;
  return true;
}

/* Token k is an initial: one capital letter and a full stop glued to it. */
static bool initial_at(const mctx *c, size_t k) {
  const cyb__token *t = &c->tt->tok[k];
  return (t->flags & CYB_TOK_CAP) && (t->flags & CYB_TOK_ALPHA) && t->end - t->start == 1 && k + 1 < c->s->tok_end &&
         tis(c, k + 1, ".") && c->tt->tok[k + 1].start == t->end;
}

/* A regnal number in capitals after a name: II, III, IV, XVI (two letters
 * or more of I, V, X, so that the pronoun "I" never passes). */
static bool regnal_number(const mctx *c, size_t k) {
  size_t n;
  const char *t = ttext(c, k, &n);
  if (n < 2 || n > 5 || !(tflags(c, k) & CYB_TOK_ALLCAPS)) return false;
  for (size_t i = 0; i < n; i++)
    if (t[i] != 'i' && t[i] != 'v' && t[i] != 'x') return false;
  return true;
}

static size_t name_run(const mctx *c, size_t k, size_t max) {
  size_t j = k, end = c->s->tok_end, last = k;
  while (j < end && j - k < max) {
    /* a regnal number closes the name: Abdullah II | Fund */
    if (j > k && name_token(c, j) && regnal_number(c, j)) {
      last = j + 1;
      break;
    }
    /* a middle initial: Bradley T. Smith, Sue J. Bai (the initial alone
     * would pass as a word of the name) */
    if (j > k && j + 2 < end && initial_at(c, j) && name_token(c, j + 2)) {
      j += 2;
      continue;
    }
    if (name_token(c, j) || (j > k && caps_surname(c, j) && !(tflags(c, j - 1) & CYB_TOK_ALLCAPS))) {
      last = ++j;
      continue;
    }
    /* LE DRIAN, DE GAULLE: a particle in capitals before a surname in capitals */
    if (j > k && j + 1 < end && has(c, S_PARTICLES, j) && (tflags(c, j) & CYB_TOK_CAP) && caps_surname(c, j + 1)) {
      j += 2;
      last = j;
      continue;
    }
    /* a particle inside a name: de Gaulle, von der Leyen, Le Drian */
    size_t p = j;
    while (p < end && p - j < 2 && has(c, S_PARTICLES, p) &&
           !(tflags(c, p) & CYB_TOK_SPACE_BEFORE && p == k))
      p++;
    if (p > j && p < end && name_token(c, p) && j > k) {
      j = p;
      continue;
    }
    break;
  }
  return last;
}

/* Has the document named the country of code cc[0..2) so far: in an
 * earlier sentence, or with a dictionary name of this one? */
static bool country_named(mctx *c, const char *cc) {
  int slot = cyb__country_slot(cc);
  if (slot < 0) return false;
  if (c->doc->country_counts[slot]) return true;
  if (!c->countries_read) { /* once a sentence: linear in a long one */
    for (size_t i = 0; i < c->ndict; i++) {
      const cyb__cand *d = &c->cs->c[i];
      if (d->source != CYB_SRC_DICT || d->label == CYBERNER_PERSON || d->label == CYB_NOT_ENTITY) continue;
      for (const char *x = cyb__cand_country(c->m, c->cs, d); x && strlen(x) >= 2; x += 3) {
        int sl = cyb__country_slot(x);
        if (sl >= 0) c->sentence_countries[sl / 8] |= (uint8_t)(1u << (sl % 8));
        if (x[2] != '+') break;
      }
    }
    c->countries_read = true;
  }
  return (c->sentence_countries[slot / 8] >> (slot % 8)) & 1;
}

/* The one person of the dictionaries whose family name is token k's word,
 * from a country the document names ("President Widodo" in a text on
 * Indonesia); -1 when none or several. */
static int32_t person_by_surname(mctx *c, size_t k) {
  size_t n;
  const char *t = ttext(c, k, &n);
  uint32_t v = ps_find(&c->r->surname_of, t, n);
  if (!v || v == UINT32_MAX) return -1;
  const char *cc = cyb__gazetteer_entry(c->m->gaz, v - 1)->country;
  for (const char *p = cc; p && strlen(p) >= 2; p += 3) {
    if (country_named(c, p)) return (int32_t)(v - 1);
    if (p[2] != '+') break;
  }
  return -1;
}

/* The last word of a name as the gazetteer writes it ("Al Maktoum":
 * Maktoum); *n its length. */
static const char *family_word(const char *name, size_t *n) {
  const char *sp = strrchr(name, ' ');
  const char *w = sp ? sp + 1 : name;
  *n = strlen(w);
  return w;
}

/* "his daughters, Sheikha Shamsa and Sheikha Latifa": a given name alone
 * right after a role (Sheikha, Prince, Emir) names the one person of the
 * dictionaries whose name opens with it and ends with the family name of
 * a person the document named already (Mohammed bin Rashid Al Maktoum:
 * Shamsa bint Mohammed Al Maktoum); -1 when none or several. A bare alias
 * would tag every Latifa. */
static int32_t relative_of_named_family(mctx *c, size_t b) {
  uint32_t kind = 0;
  if (b == c->s->tok_begin || !c->doc->nnames || !pm(c, S_TITLES, b - 1, b, &kind) || !(kind & TITLE_ROLE)) return -1;
  size_t n;
  const char *t = ttext(c, b, &n);
  int32_t found = -1;
  /* the entries whose first word is t: a range of the sorted index */
  const uint32_t *idx = c->r->by_first_word;
  size_t lo = 0, hi = c->r->nby_first_word;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2, wn;
    const char *w = first_word(cyb__gazetteer_entry(c->m->gaz, idx[mid])->name, &wn);
    if (cmp_words(w, wn, t, n) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (size_t k = lo; k < c->r->nby_first_word; k++) {
    uint32_t i = idx[k];
    const cyb__entry *e = cyb__gazetteer_entry(c->m->gaz, i);
    size_t wn;
    const char *w = first_word(e->name, &wn);
    if (cmp_words(w, wn, t, n) != 0) break;
    size_t fl;
    const char *fam = family_word(e->name, &fl);
    bool kin = false;
    for (size_t j = 0; j < c->doc->nnames && !kin; j++) {
      const cyb__docname *dn = &c->doc->names[j];
      if (dn->label != CYBERNER_PERSON || dn->entry < 0 || (uint32_t)dn->entry == i) continue;
      size_t dl;
      const char *dfam = family_word(cyb__gazetteer_entry(c->m->gaz, (uint32_t)dn->entry)->name, &dl);
      kin = fl >= 3 && dl == fl && strncasecmp(dfam, fam, fl) == 0;
    }
    if (!kin) continue;
    if (found >= 0) return -1; /* two of the family: none */
    found = (int32_t)i;
  }
  return found;
}

/* A word for a ship or a storm right before token b (the aircraft carrier
 * Charles de Gaulle, Cyclones Judy and Kevin): the name there is the
 * thing's, not a person's. */
static bool namesake_before(const mctx *c, size_t b) {
  return b > c->s->tok_begin && marked(c, b - 1, b, MARK_NAMESAKE);
}

/* A code of one to three capitals, a hyphen and digits (C-8, S-210, DC-8):
 * a bill's or a model's number. */
static bool code_token(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  if (!(f & CYB_TOK_CAP) || !(f & CYB_TOK_HYPHEN) || !(f & CYB_TOK_DIGIT)) return false;
  size_t n, i = 0;
  const char *t = ttext(c, k, &n);
  while (i < n && t[i] >= 'a' && t[i] <= 'z') i++;
  if (i == 0 || i > 3 || i + 1 >= n || t[i] != '-') return false;
  for (size_t j = i + 1; j < n; j++)
    if (t[j] < '0' || t[j] > '9') return false;
  return true;
}

/* "to pass Bill C-8": a lone given name right before a code is a word of
 * the code's name (a bill, an aircraft), not a person. */
static bool given_name_of_code(const mctx *c, size_t b, size_t e) {
  return e == b + 1 && e < c->s->tok_end && first_name(c, b) && code_token(c, e);
}

/* An apostrophe inside a surname (O'Brien, D'Elia, 'Akau'ola) joins its
 * letters in a person id (robert-obrien), as the gazetteer and the golds
 * spell them; after a lower-case particle (d'Agrain) it parts words. */
static bool joining_apostrophe(const cyb__norm *nm, uint32_t i, uint32_t start, uint32_t end) {
  const char *t = nm->text;
  if (t[i] != '\'' || i == start || i + 1 >= end) return false;
  bool before = t[i - 1] >= 'a' && t[i - 1] <= 'z', after = t[i + 1] >= 'a' && t[i + 1] <= 'z';
  bool particle = !nm->upper[i - 1] && (i - 1 == start || !(t[i - 2] >= 'a' && t[i - 2] <= 'z'));
  return before && after && !particle;
}

/* The text of tokens [b, e) in ASCII kebab case, as the gazetteer spells
 * ids, leaving out the bytes [skip_from, skip_to); its length. */
static size_t kebab_id(const mctx *c, size_t b, size_t e, size_t skip_from, size_t skip_to, char *id, size_t cap) {
  size_t w = 0;
  uint32_t start = c->tt->tok[b].start, end = c->tt->tok[e - 1].end;
  for (uint32_t i = start; i < end && w + 1 < cap; i++) {
    if (i >= skip_from && i < skip_to) continue;
    char ch = c->nm->text[i];
    if (joining_apostrophe(c->nm, i, start, end)) continue;
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) id[w++] = ch;
    else if (w && id[w - 1] != '-') id[w++] = '-';
  }
  while (w && id[w - 1] == '-') w--;
  return w;
}

/* The name [b, e) ends with an initial standing for a withheld surname
 * (Denis K., Maxim Y.; not a run of initials: U. S.) whose full stop ends
 * no sentence (a comma, a guillemet or a lower-case word follows): the
 * stop is part of the name. */
static bool final_initial(const mctx *c, size_t b, size_t e) {
  if (e < b + 2 || !initial_at(c, e - 1) || tis(c, e - 2, ".") || e + 1 >= c->s->tok_end) return false;
  uint16_t f = tflags(c, e + 1);
  return !(f & (CYB_TOK_CAP | CYB_TOK_DIGIT)) && !tis(c, e + 1, ".");
}

static int push_person(mctx *c, size_t b, size_t e, float score, int rank) {
  if (e <= b || namesake_before(c, b) || given_name_of_code(c, b, e)) return 0;
  if (final_initial(c, b, e)) e++;
  cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[b].start, c->tt->tok[e - 1].end, (uint32_t)b, (uint32_t)e,
                                CYBERNER_PERSON, CYB_SRC_PATTERN, score);
  if (!d) return CYBERNER_ENOMEM;
  d->rank = (uint16_t)rank;
  /* a surname alone ("President Widodo", "M. Verdier") names the one person
   * of the dictionaries with that family name */
  if (e == b + 1 && ((d->entry = person_by_surname(c, b)) >= 0 || (d->entry = relative_of_named_family(c, b)) >= 0))
    return 0;
  /* id: the name in ASCII kebab case, as the gazetteer spells person ids */
  char id[128];
  /* a middle initial is left out, as the gazetteer spells ids: Bradley T.
   * Smith is bradley-smith */
  size_t skip_from = SIZE_MAX, skip_to = 0;
  for (size_t j = b + 1; j + 2 < e; j++)
    if (initial_at(c, j)) {
      skip_from = c->tt->tok[j].start;
      skip_to = c->tt->tok[j + 1].end;
      break;
    }
  size_t w = kebab_id(c, b, e, skip_from, skip_to, id, sizeof id);
  if (w && (d->id = cyb__cand_string(c->cs, id, w)) < 0) return CYBERNER_ENOMEM;
  return 0;
}

/* A later mention of a name the document defined or named earlier, over
 * the normalized range [ns, ne) of tokens [b, e) (a part of a hyphenated
 * token: acronym_parts), or over the tokens (push_remembered). */
static int push_remembered_at(mctx *c, uint32_t ns, uint32_t ne, size_t b, size_t e, const cyb__docname *dn,
                              int source) {
  cyb__cand *d = cyb__cand_push(c->cs, ns, ne, (uint32_t)b, (uint32_t)e, dn->label, source, 0.85f);
  if (!d) return CYBERNER_ENOMEM;
  d->entry = dn->entry;
  if (dn->entry < 0 && dn->id[0] && (d->id = cyb__cand_string(c->cs, dn->id, strlen(dn->id))) < 0)
    return CYBERNER_ENOMEM;
  return 0;
}

static int push_remembered(mctx *c, size_t b, size_t e, const cyb__docname *dn, int source) {
  return push_remembered_at(c, c->tt->tok[b].start, c->tt->tok[e - 1].end, b, e, dn, source);
}

/* ---- people ---------------------------------------------------------------- */

/* Token k is inside a dictionary name of two tokens or more. */
static bool in_long_name(const mctx *c, size_t k) {
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->tb <= k && k < d->te && d->te >= d->tb + 2 && d->source == CYB_SRC_DICT && d->label != CYB_NOT_ENTITY)
      return true;
  }
  return false;
}

/* A person the dictionaries or the document already know starts at token
 * j: a dictionary PERSON there, or a short name seen earlier. */
static bool known_person_at(const mctx *c, size_t j) {
  if (cand_at(c, j, CYBERNER_PERSON)) return true;
  size_t n;
  const char *t = ttext(c, j, &n);
  for (int i = c->doc->name_head[cyb__doc_name_bucket(c->tt->tok[j].hash)]; i >= 0; i = c->doc->names[i].next)
    if (c->doc->names[i].firstlen == n && memcmp(c->doc->names[i].key, t, n) == 0) return true;
  return false;
}

/* Token k is a given name that is also a common word (Marine, Grace, Will)
 * right before a full name the dictionaries know ("the former Marine Paul
 * Whelan"): a word of the text (a service, a rank), not a third name. */
static bool word_before_full_name(const mctx *c, size_t k) {
  return k + 1 < c->s->tok_end && cand_at(c, k + 1, CYBERNER_PERSON) &&
         dict_end_at(c, k + 1, CYBERNER_PERSON) >= k + 3 && is_common(c, k);
}

/* A full name the dictionaries know starts inside the run [k, e) after a
 * common word that is no given name: the words before it describe the
 * person ("Christian Democrat Jeroen Lenaers", a party; "Marine" right before
 * the name is word_before_full_name), they are no given names of his. */
static bool described_full_name(const mctx *c, size_t k, size_t e) {
  for (size_t q = k + 2; q + 1 < e; q++) {
    if (!cand_at(c, q, CYBERNER_PERSON) || dict_end_at(c, q, CYBERNER_PERSON) < q + 2) continue;
    for (size_t r = k + 1; r < q; r++)
      if (!first_name(c, r) && is_common(c, r)) return true;
    return false;
  }
  return false;
}

/* Token k alone is a role of titles.txt (King, President, ministre). */
static bool role_word(const mctx *c, size_t k) {
  uint32_t kind = 0;
  return pm(c, S_TITLES, k, k + 1, &kind) && (kind & TITLE_ROLE);
}

/* "Generation X. Points were made": a one-letter initial (token k) that
 * ends a capitalized phrase (the word before it, inside the sentence, is a
 * capitalized common word, neither a given name nor a title) and whose
 * full stop is followed by a common word (no list gives it as a surname or
 * a given name) ends a sentence the splitter left whole, and opens no
 * surname. Only a person the document or the dictionaries know passes
 * there. A common word alone after the stop is no evidence: scorecards
 * write "M. Slater run out", "R. Croft b Waqar". */
static bool initial_may_end_sentence(const mctx *c, size_t k) {
  if (k == c->s->tok_begin || !is_common(c, k + 2) || has(c, S_SURNAMES, k + 2) || first_name(c, k + 2)) return false;
  uint16_t f = tflags(c, k - 1);
  return (f & CYB_TOK_CAP) && (f & CYB_TOK_ALPHA) && !(f & CYB_TOK_SENT_START) && !first_name(c, k - 1) &&
         !pm(c, S_TITLES, k - 1, k, NULL) && is_common(c, k - 1);
}

/* "E. Macron", "A.V. Kroutskikh": initials (token k) before a surname
 * (tokens [s, e)) name the person the document named earlier, or the one
 * the dictionaries know by that surname, whose given name starts with the
 * first initial; else a person of their own. */
static int push_initialled(mctx *c, size_t k, size_t s, size_t e, bool known_only) {
  char initial = c->nm->text[c->tt->tok[k].start];
  char key[96];
  size_t kl = join(c->nm, c->tt, s, e - s, key, sizeof key);
  for (int i = kl ? c->doc->name_head[bucket_before(key, kl, ' ')] : -1; i >= 0; i = c->doc->names[i].next) {
    const cyb__docname *dn = &c->doc->names[i];
    if (dn->label != CYBERNER_PERSON || dn->keylen != kl || memcmp(dn->key, key, kl) != 0) continue;
    const char *id = dn->entry >= 0 ? cyb__gazetteer_entry(c->m->gaz, (uint32_t)dn->entry)->id : dn->id;
    if (id[0] == initial) return push_remembered(c, k, e, dn, CYB_SRC_MENTION);
  }
  const cyb__cand *d = dict_cand(c, s, e, CYBERNER_PERSON);
  for (uint32_t a = 0; d && a < d->nalt; a++) {
    uint32_t v = c->cs->alts[d->alt + a];
    if (cyb__gazetteer_entry(c->m->gaz, v)->id[0] != initial) continue;
    cyb__cand *p = cyb__cand_push(c->cs, c->tt->tok[k].start, c->tt->tok[e - 1].end, (uint32_t)k, (uint32_t)e,
                                  CYBERNER_PERSON, CYB_SRC_PATTERN, 0.65f);
    if (!p) return CYBERNER_ENOMEM;
    p->rank = 1;
    p->entry = (int32_t)v;
    return 0;
  }
  return known_only ? 0 : push_person(c, k, e, 0.65f, 1);
}

/* Is a country named alone in parentheses from token k: "(Kenya)"? */
static bool country_in_parens(const mctx *c, size_t k) {
  size_t e = dict_end_at(c, k, CYBERNER_COUNTRY);
  return e > k && e < c->s->tok_end && tis(c, e, ")");
}

/* Is any token of [k, e) inside a dictionary name, or a common word? */
static bool any_covered(const mctx *c, size_t k, size_t e) {
  for (size_t q = k; q < e; q++)
    if (covered(c, q)) return true;
  return false;
}
static bool any_common(const mctx *c, size_t k, size_t e) {
  for (size_t q = k; q < e; q++)
    if (is_common(c, q)) return true;
  return false;
}

/* "Koichiro Gemba et William Hague ..., Fumio Kishida et Hague": the
 * surname alone of a person the dictionaries named earlier in the same
 * sentence is that person (later sentences have doc->names, which
 * cyb__rules_learn fills once a sentence is read). The sentence's
 * dictionary people are read once into a short list. */
#define SENTENCE_PEOPLE 16
static int same_sentence_surnames(mctx *c) {
  /* the people's entries and spans, copied: a push below may move the
   * candidate array */
  struct { int32_t entry; uint32_t te; } people[SENTENCE_PEOPLE];
  size_t np = 0;
  for (size_t i = 0; i < c->ndict && np < SENTENCE_PEOPLE; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label == CYBERNER_PERSON && d->source == CYB_SRC_DICT && d->entry >= 0 && d->te >= d->tb + 2) {
      people[np].entry = d->entry;
      people[np++].te = d->te;
    }
  }
  size_t first_end = c->s->tok_end;
  for (size_t i = 0; i < np; i++) first_end = people[i].te < first_end ? people[i].te : first_end;
  for (size_t k = first_end; np && k < c->s->tok_end; k++) {
    if (!name_token(c, k) || covered(c, k) || cand_at(c, k, -1)) continue;
    /* after an article the word names a thing: the Hague tribunal */
    if (k > c->s->tok_begin && (has(c, S_ARTICLE, k - 1) || tis(c, k - 1, "the"))) continue;
    const cyb__token *t = &c->tt->tok[k];
    for (size_t i = 0; i < np; i++) {
      const cyb__token *last = &c->tt->tok[people[i].te - 1];
      if (people[i].te > k || last->hash != t->hash || last->end - last->start != t->end - t->start ||
          memcmp(c->nm->text + last->start, c->nm->text + t->start, t->end - t->start) != 0)
        continue;
      cyb__cand *d = cyb__cand_push(c->cs, t->start, t->end, (uint32_t)k, (uint32_t)k + 1, CYBERNER_PERSON,
                                    CYB_SRC_MENTION, 0.85f);
      if (!d) return CYBERNER_ENOMEM;
      d->entry = people[i].entry;
      break;
    }
  }
  return 0;
}

/* Token k is a lower-case word that is no function word (a noun, a verb):
 * "the Marc Dutroux case", not "the Charles de Gaulle and". */
static bool noun_after(const mctx *c, size_t k) {
  if (k >= c->s->tok_end) return false;
  uint16_t f = tflags(c, k);
  return (f & CYB_TOK_ALPHA) && !(f & CYB_TOK_CAP) && !cyb__sentlang_is_function(c->m->sentlang, c->tt->tok[k].vid);
}

/* Is entry one of candidate d's readings? */
static bool entry_in_cand(const cyb__cands *cs, const cyb__cand *d, int32_t entry) {
  if (d->entry == entry) return true;
  for (uint32_t a = 0; a < d->nalt; a++)
    if ((int32_t)cs->alts[d->alt + a] == entry) return true;
  return false;
}

/* Do two person ids (given-name-surname slugs) start with one given name,
 * maybe spelled otherwise: the same initial and at most two edits between
 * their first words (aleksander-lebed, alexander-lebed; not
 * michael-blackburn, marsha-blackburn). */
static bool same_given_name(const char *a, const char *b) {
  size_t na = strcspn(a, "-"), nb = strcspn(b, "-");
  if (!na || !nb || a[0] != b[0]) return false;
  if (na > 31 || nb > 31) return true; /* too long to measure: the initial decides */
  unsigned row[32];
  for (size_t j = 0; j <= nb; j++) row[j] = (unsigned)j;
  for (size_t i = 1; i <= na; i++) { /* Levenshtein distance, one row */
    unsigned diag = row[0];
    row[0] = (unsigned)i;
    for (size_t j = 1; j <= nb; j++) {
      unsigned up = row[j], best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best) best = up + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[nb] <= 2;
}

/* A capitalized courtesy title at token k (M., Mme, Dr): a person follows,
 * so "ministère de M. Prasad" is a minister's ministry, not a body named on
 * a domain called "M". */
static bool courtesy_at(const mctx *c, size_t k) {
  uint32_t kind = 0;
  return (tflags(c, k) & CYB_TOK_CAP) && pm(c, S_TITLES, k, c->s->tok_end, &kind) && (kind & TITLE_COURTESY);
}

/* The short mention of a person the document named in full earlier is
 * that person, also where the dictionaries know another person by the same
 * short name (Peter Blackburn ... Blackburn is not the senator Marsha
 * Blackburn): the dictionary's reading of the span takes the document's
 * person. It stays a dictionary candidate, so that a body or a country of
 * the same span still outranks the person (Eugene Kaspersky ... Kaspersky,
 * the company). The dictionary's person keeps the span when the document
 * named two people by that short name (Naina Yeltsin ... Boris Yeltsin ...
 * Yeltsin), or when the two given names are one spelled otherwise
 * (Aleksander Lebed is the Alexander Lebed of the dictionaries;
 * same_given_name). */
static int relink_dict_person(mctx *c, size_t b, size_t e, const cyb__docname *dn) {
  if (dn->shared) return 0;
  const char *doc_id = dn->entry >= 0 ? cyb__gazetteer_entry(c->m->gaz, (uint32_t)dn->entry)->id : dn->id;
  for (size_t i = 0; i < c->ndict; i++) {
    cyb__cand *d = &c->cs->c[i];
    if (d->tb != b || d->te != e || d->label != CYBERNER_PERSON || d->source != CYB_SRC_DICT || d->entry < 0) continue;
    if (dn->entry >= 0 && entry_in_cand(c->cs, d, dn->entry)) continue;
    if (same_given_name(cyb__gazetteer_entry(c->m->gaz, (uint32_t)d->entry)->id, doc_id)) continue;
    d->entry = dn->entry;
    d->nalt = 0;
    d->id = -1;
    if (dn->entry < 0 && dn->id[0] && (d->id = cyb__cand_string(c->cs, dn->id, strlen(dn->id))) < 0)
      return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "calling her \"Mrs. Error\"", "a \"Mr Clean\" reputation": a courtesy
 * title at k and one capitalized common word [j, e), quoted together in
 * English, are a nickname made of that word, no person; unless the word is
 * a family or given name of the lists (a person the dictionaries or the
 * document know is found by their own rules: "Mr Patten" stays one). */
static bool nickname_after_title(const mctx *c, size_t k, size_t j, size_t e) {
  return c->s->lang == CYBERNER_LANG_EN && e == j + 1 && k > c->s->tok_begin && tis(c, k - 1, "\"") &&
         e < c->s->tok_end && tis(c, e, "\"") && !(tflags(c, j) & CYB_TOK_ALLCAPS) && !has(c, S_SURNAMES, j) &&
         !first_name(c, j) && common_in(c, j, CYBERNER_LANG_EN);
}

static int persons(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  if (same_sentence_surnames(c)) return CYBERNER_ENOMEM;
  /* every reading below starts at a title, a name token, a capital or
   * dotted initials (pstart, listed with name_ok): most tokens are none */
  for (size_t pi = 0; pi < c->npstart; pi++) {
    size_t k = b + c->pstart[pi];
    uint32_t kind = 0;
    size_t tl = pm(c, S_TITLES, k, end, &kind);
    if (tl) {
      size_t j = k + tl;
      if (j < end && tis(c, j, ".")) j++;
      if (kind & TITLE_COURTESY) {
        size_t e = j < end && caps_surname(c, j) && !name_token(c, j) ? j + 1 : name_run(c, j, 4);
        /* a particle in lower case opens the family name (M. de Villepin,
         * Mrs van Rompuy); not an article: Madame la Présidente, Monsieur le
         * Commissaire are forms of address; the letter M needs its full stop
         * (la série M de BMW) */
        bool letter = tl == 1 && c->tt->tok[k].end - c->tt->tok[k].start == 1 && j == k + 1;
        if (e == j && !letter && (tflags(c, k) & CYB_TOK_CAP) && j + 1 < end && !(tflags(c, j) & CYB_TOK_CAP) &&
            has(c, S_PARTICLES, j) && !is_article(c, j) && name_token(c, j + 1))
          e = name_run(c, j + 1, 4);
        /* after a capitalized title, a name outranks a place of the
         * dictionaries (CYB_RANK_COURTESY); a person the dictionaries or the
         * document already know keeps its own reading */
        if (e > j && !nickname_after_title(c, k, j, e)) {
          bool titled = (tflags(c, k) & CYB_TOK_CAP) != 0; /* not the "me" of "com¬me" */
          int rank = titled && !known_person_at(c, j) ? CYB_RANK_COURTESY : 2;
          if (push_person(c, j, e, 0.8f, rank)) return CYBERNER_ENOMEM;
        }
      } else {
        /* role: the name follows within a short window (adjectives,
         * nationality, an apposition comma); take the first place where a
         * name starts with a known first name, or right after the role */
        for (size_t p = j; p < end && p < j + 10; p++) {
          /* a courtesy title in the window opens its own name, read when k
           * reaches it ("le ministre a félicité Mme COLONNA"): the title is
           * no word of the name */
          if (tis(c, p, ".") || tis(c, p, ";") || tis(c, p, "(") || courtesy_at(c, p)) break;
          /* right after the role, a family name that is also a common word
           * (Prime Minister May, Chancellor Brown), when it is the one of a
           * person the dictionaries know from a country the document names */
          if (p == j && (tflags(c, p) & CYB_TOK_CAP) && has(c, S_NOT_NAMES, p) && !cand_at(c, p, CYBERNER_DATE) &&
              (p + 1 >= end || !name_token(c, p + 1)) && person_by_surname(c, p) >= 0) {
            if (push_person(c, p, p + 1, 0.75f, 2)) return CYBERNER_ENOMEM;
            break;
          }
          if (!name_token(c, p)) continue;
          size_t e = name_run(c, p, 4);
          /* a person the dictionaries know inside the run starts the name;
           * the capitalized words before it end the portfolio ("Minister for
           * Home Affairs and Cyber Security Clare O'Neil") */
          size_t q = p + 1;
          while (q < e && !cand_at(c, q, CYBERNER_PERSON)) q++;
          if (q < e) {
            p = q - 1;
            continue;
          }
          /* portfolio words before the name ("Ambassador in charge of
           * Cyber Policy Kumagai Naoki", "SPD Gustav Noske"): a common word
           * that is no given name, particle or role, an acronym or a name
           * the dictionaries know ends them; the name starts after the last */
          size_t s = p; /* the last such word: read from the run's end, the speller asked last */
          for (size_t r = e - 1; s == p && r-- > p;)
            if ((tflags(c, r) & CYB_TOK_ALLCAPS) || covered(c, r) ||
                (!first_name(c, r) && !has(c, S_PARTICLES, r) && !role_word(c, r) && is_common(c, r)))
              s = r + 1;
          if (s > p) {
            p = s - 1;
            continue;
          }
          /* a known first name, or two words no dictionary knows, or one
           * right after the role (President Macron) */
          bool ok = first_name(c, p) || (e - p >= 2 && !is_common(c, p) && !is_common(c, e - 1)) ||
                    (p == j && !is_common(c, p));
          if (ok && e > p && push_person(c, p, e, 0.75f, 2)) return CYBERNER_ENOMEM;
          if (ok) break;
        }
      }
    }
    /* a known first name, then a surname, maybe after a particle in lower
     * case (Joost van der Westhuizen, Ronald de Boer); not a word of a longer
     * name the dictionaries know (Hong Kong, San Diego, George Washington
     * University) */
    /* not a role that is also a given name before a person the dictionaries
     * or the document know (Sultan Haitham bin Tarik, Emir Tamim: the role
     * reading above takes the person; Sultan Al Jaber stays whole) */
    if (name_token(c, k) && first_name(c, k) && k + 1 < end &&
        (name_token(c, k + 1) || has(c, S_PARTICLES, k + 1)) && !in_long_name(c, k) &&
        !(role_word(c, k) && known_person_at(c, k + 1)) && !word_before_full_name(c, k)) {
      /* at a sentence start, capitals prove nothing: two common words there
       * (Mark Down, Will Power) are not a name; elsewhere a known first name
       * and a capitalized word are (Peter Such, Grace Carter) */
      size_t e = name_run(c, k, 4);
      /* in a Title Case headline a run of three capitalized words or more
       * is the headline's own words when the second is a common word that
       * is no first name and no particle ("Gang Loses Servers", "Yunus
       * Orders Cyber Agency"; not Miguel Angel Martin, Jean Van de Velde) */
      bool headline_words = c->s->titlecase && e - k >= 3 && !first_name(c, k + 1) &&
                            !has(c, S_PARTICLES, k + 1) && is_common(c, k + 1);
      /* a body's or a meeting's last word makes a name of it (the Grace
       * Conference, Victoria Agency), not a person */
      bool body_word = pm(c, S_TAIL, e - 1, e, NULL) > 0;
      /* after an article, a full name names a thing named after the person
       * (led by the Charles de Gaulle, a carrier), unless a noun follows that
       * the person qualifies (the Marc Dutroux case) */
      bool article = k > b && (is_article(c, k - 1) || tis(c, k - 1, "the")) && !noun_after(c, e);
      /* ... unless the lists know both words as names: a given name and a
       * family name that names nothing else (Richard Smith, Mark Brown; not
       * Will Power, Ville Paris, Victoria Park: not_names.txt place-word) */
      bool listed = e == k + 2 && has(c, S_SURNAMES, k + 1) && !cand_at(c, k + 1, -1) &&
                    !marked(c, k + 1, k + 2, MARK_PLACE_WORD);
      /* a role's acronym is no family name in capitals (Son PDG, ...: "his
       * CEO"; not Jean DUPONT) */
      bool role_acronym = (tflags(c, e - 1) & CYB_TOK_ALLCAPS) && role_word(c, e - 1);
      bool vetoed = headline_words || body_word || article || role_acronym ||
                    (k == b && !listed && is_common(c, k) && is_common(c, e - 1)) || described_full_name(c, k, e);
      if (e > k + 1 && !vetoed && push_person(c, k, e, 0.7f, 1)) return CYBERNER_ENOMEM;
    }
    /* two or three capitalized words no dictionary knows, right before a
     * country in parentheses, name a person: lists and results give people
     * their country (Laban Rotich (Kenya), the chair Jürg Lauber
     * (Switzerland)); a known first name first, or no common word in them */
    if ((c->trig & TRIG_OPEN_PAREN) && name_token(c, k) && (k == b || !name_token(c, k - 1)) && !c->s->titlecase) {
      size_t e = name_run(c, k, 3);
      if (e >= k + 2 && e + 2 < end && tis(c, e, "(") && country_in_parens(c, e + 1) &&
          !any_covered(c, k, e) && (first_name(c, k) || !any_common(c, k, e)) &&
          push_person(c, k, e, 0.7f, 1))
        return CYBERNER_ENOMEM;
    }
    /* an initial and a surname: J. Smith (in French, M. is Monsieur) */
    if ((tflags(c, k) & CYB_TOK_CAP) && c->tt->tok[k].end - c->tt->tok[k].start == 1 && k + 2 < end &&
        tis(c, k + 1, ".") && c->tt->tok[k + 1].start == c->tt->tok[k].end && name_token(c, k + 2) &&
        (tflags(c, k + 2) & CYB_TOK_SPACE_BEFORE) && /* not the S of U.S-Japan */
        !(c->s->lang == CYBERNER_LANG_FR && tis(c, k, "m"))) {
      size_t e = name_run(c, k + 2, 3);
      if (e > k + 2 && push_initialled(c, k, k + 2, e, initial_may_end_sentence(c, k))) return CYBERNER_ENOMEM;
    }
    /* an initial without its full stop, as Indian papers write it (S
     * Jaishankar): only before the surname of a person the document or the
     * dictionaries know by that initial (never the words "A", "I", and "M", a
     * French Monsieur) */
    if ((tflags(c, k) & CYB_TOK_CAP) && (tflags(c, k) & CYB_TOK_ALPHA) &&
        c->tt->tok[k].end - c->tt->tok[k].start == 1 && !tis(c, k, "a") && !tis(c, k, "i") && !tis(c, k, "m") &&
        k + 1 < end && name_token(c, k + 1) && cand_at(c, k + 1, CYBERNER_PERSON)) {
      size_t e = name_run(c, k + 1, 3);
      if (e > k + 1 && push_initialled(c, k, k + 1, e, true)) return CYBERNER_ENOMEM;
    }
    /* dotted initials and a surname: B.N. Srikrishna (not a known acronym:
     * U.S. officials); the surname of a person the dictionaries know, even
     * a common word (V.V. Poutine), or else no common word and inside no
     * known name (F.C. Farul Constanta is a club) */
    if ((tflags(c, k) & CYB_TOK_DOTTED) && (tflags(c, k) & CYB_TOK_ALLCAPS) &&
        c->tt->tok[k].end - c->tt->tok[k].start <= 6 && !cand_at(c, k, -1) && k + 1 < end &&
        name_token(c, k + 1)) {
      bool known = cand_at(c, k + 1, CYBERNER_PERSON);
      size_t e = name_run(c, k + 1, 3);
      if ((known || (!is_common(c, k + 1) && !any_covered(c, k + 1, e))) &&
          push_initialled(c, k, k + 1, e, known))
        return CYBERNER_ENOMEM;
    }
    /* East Asian order: a surname, then a hyphenated or known given name;
     * not a role that is also a surname (King Abdullah II: the role's name
     * follows, found above) */
    if (name_token(c, k) && has(c, S_SURNAMES, k) && !role_word(c, k) && !in_long_name(c, k) && k + 1 < end &&
        name_token(c, k + 1) &&
        ((tflags(c, k + 1) & CYB_TOK_HYPHEN) || first_name(c, k + 1) ||
         /* Yin Kecheng: a given name no dictionary knows, after a surname
          * that is no common word (not White Sox, Sun Microsystems) nor in
          * capitals (CHO Tae-yul has his known given name; the NGO
          * Vistafree is the acronym's); the surname asked first: a listed
          * word, the model knows the speller's verdict */
         (!(tflags(c, k + 1) & CYB_TOK_ALLCAPS) && !(tflags(c, k) & CYB_TOK_ALLCAPS) && !cand_at(c, k + 1, -1) && !covered(c, k + 1) &&
          !is_common(c, k) && !is_common(c, k + 1)))) {
      size_t e = k + 2;
      /* Yoon Suk Yeol; Baek Yoon Jeong (Korean given syllables are often surnames too) */
      if (e < end && name_token(c, e) && (first_name(c, e) || has(c, S_SURNAMES, e))) e++;
      if (push_person(c, k, e, 0.7f, 1)) return CYBERNER_ENOMEM;
    }
    /* a short mention of someone named earlier in the document; a word the
     * lists hold as no name counts there too (Theresa May ... May said),
     * unless a date starts at it (in May, May 2017) or it is an article or
     * a preposition (Le Luong Minh ... Le); a family name in capitals, as
     * official texts write them (HAYASHI Yoshimasa ... le ministre HAYASHI:
     * the document's names are persons', never acronyms) */
    if (name_token(c, k) || caps_surname(c, k) ||
        ((tflags(c, k) & CYB_TOK_CAP) && has(c, S_NOT_NAMES, k) && !cand_at(c, k, CYBERNER_DATE) &&
         !has(c, S_ARTICLE, k) && !has(c, S_PREP, k))) {
      size_t n;
      const char *t = ttext(c, k, &n);
      for (int i = c->doc->name_head[cyb__doc_name_bucket(c->tt->tok[k].hash)]; i >= 0; i = c->doc->names[i].next) {
        const cyb__docname *dn = &c->doc->names[i];
        /* keys may span tokens ("le drian"): compare the first one, then join */
        if (dn->firstlen != n || dn->key[0] != t[0] || memcmp(t, dn->key, n) != 0) continue; /* first byte: no call */
        size_t ntok = dn->ntok;
        if (ntok > 1) {
          char buf[96];
          if (k + ntok > end || join(c->nm, c->tt, k, ntok, buf, sizeof buf) != dn->keylen ||
              memcmp(buf, dn->key, dn->keylen) != 0)
            continue;
        }
        if (dn->label == CYBERNER_PERSON && relink_dict_person(c, k, k + ntok, dn)) return CYBERNER_ENOMEM;
        if (push_remembered(c, k, k + ntok, dn, CYB_SRC_MENTION)) return CYBERNER_ENOMEM;
        break;
      }
    }
  }
  return 0;
}

/* A country's name that the surname list also holds (Jordan, Holland,
 * Montenegro) is left out of every name by the country rules (name_token),
 * so the persons rules cannot see it:
 * - "Rep. Jim Jordan", "Mark Holland": after a known given name it ends a
 *   person's full name; not after an article (the Victoria Jordan hotel),
 *   not at a sentence start where the first word is a common one (Mark
 *   Holland's ...: maybe a verb), not when a capitalized word follows (a
 *   longer name);
 * - "Neil Jordan ... Jordan defends his film": alone, once the document
 *   has remembered it as a person's surname, it is that person while the
 *   document has not named the country itself (the word's one sense in
 *   the document so far). */
static int country_words_as_surnames(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end, nd = c->ndict;
  for (size_t i = 0; i < nd; i++) {
    const cyb__cand *d = &c->cs->c[i];
    size_t k = d->tb;
    if (d->label != CYBERNER_COUNTRY || d->source != CYB_SRC_DICT || d->te != k + 1 || !has(c, S_SURNAMES, k))
      continue;
    /* read before a push below grows the candidates (d may move) */
    int slot = d->entry >= 0 ? cyb__country_slot(cyb__gazetteer_entry(c->m->gaz, (uint32_t)d->entry)->id) : -1;
    if (k > b && first_name(c, k - 1) && name_token(c, k - 1) && !covered(c, k - 1) &&
        !(k + 1 < end && (tflags(c, k + 1) & CYB_TOK_CAP)) &&
        !(k - 1 > b && (is_article(c, k - 2) || tis(c, k - 2, "the"))) && !(k - 1 == b && is_common(c, k - 1)) &&
        push_person(c, k - 1, k + 1, 0.7f, 1))
      return CYBERNER_ENOMEM;
    if (!c->doc->nnames || (tflags(c, k) & CYB_TOK_ALLCAPS) || slot < 0 || c->doc->country_counts[slot]) continue;
    size_t n;
    const char *t = ttext(c, k, &n);
    for (int j = c->doc->name_head[cyb__doc_name_bucket(c->tt->tok[k].hash)]; j >= 0; j = c->doc->names[j].next) {
      const cyb__docname *dn = &c->doc->names[j];
      if (dn->label != CYBERNER_PERSON || dn->keylen != n || memcmp(dn->key, t, n) != 0) continue;
      /* proven by the document: outranks the country of the same span */
      if (push_remembered(c, k, k + 1, dn, CYB_SRC_PATTERN)) return CYBERNER_ENOMEM;
      c->cs->c[c->cs->n - 1].rank = CYB_RANK_CONTEXT;
      break;
    }
  }
  return 0;
}

/* "Zorbo Qwertzstein, head of threat intelligence at Check Point, said":
 * two or three capitalized words no list or dictionary knows, no common
 * words, then a comma and a title (a role, maybe after an article) or a
 * head/founder/researcher are a person, as a role before a name is
 * evidence of one (the given name may be one no list holds). */
static bool unknown_name_part(const mctx *c, size_t k) {
  return unclaimed_name(c, k) && !(tflags(c, k) & CYB_TOK_ALLCAPS) && !has(c, S_NOT_NAMES, k) &&
         !pm(c, S_TITLES, k, k + 1, NULL) && !is_common(c, k);
}

static bool role_after_comma(const mctx *c, size_t k) {
  size_t end = c->s->tok_end;
  if (k < end && (is_article(c, k) || tis(c, k, "the") || tis(c, k, "a") || tis(c, k, "an"))) k++;
  if (k >= end || (tflags(c, k) & CYB_TOK_CAP)) return false; /* "Zorbo Qwertzstein, Chief ...": a list of names */
  return role_word(c, k) || tis(c, k, "head") || tis(c, k, "founder") || tis(c, k, "co-founder") ||
         tis(c, k, "researcher") || tis(c, k, "chef") || tis(c, k, "fondateur") || tis(c, k, "fondatrice") ||
         tis(c, k, "chercheur") || tis(c, k, "chercheuse");
}

static int names_before_roles(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end, next = b;
  /* at the capitalized tokens (c->caps) that follow none, in order; after
   * a name, from the token after its comma on */
  for (size_t ci = 0; ci < c->ncaps && b + c->caps[ci] + 3 < end; ci++) {
    size_t k = b + c->caps[ci];
    if (k < next || (k > b && (tflags(c, k - 1) & CYB_TOK_CAP))) continue;
    /* the shape first (capitalized words, a comma, a title): the speller
     * is asked about the words only then */
    size_t e = k + 1;
    while (e < end && e < k + 3 && name_token(c, e)) e++;
    if (e == k + 1 || e + 1 >= end || !tis(c, e, ",") || !role_after_comma(c, e + 1)) continue;
    bool unknown = true;
    for (size_t q = k; q < e && unknown; q++) unknown = unknown_name_part(c, q);
    if (unknown && push_person(c, k, e, 0.7f, 0)) return CYBERNER_ENOMEM;
    next = e + 1;
  }
  return 0;
}

/* ---- bodies: agencies, organizations, events ------------------------------- */

static bool is_prep(const mctx *c, size_t k) {
  if (!has(c, S_PREP, k)) return false;
  /* "à" is a preposition, "a" (has) is a verb: the accent is only in the input */
  const cyb__token *t = &c->tt->tok[k];
  return !(t->end - t->start == 1 && c->nm->text[t->start] == 'a' && c->src[c->nm->map[t->start]] == 'a');
}

static int push_body(mctx *c, size_t b, size_t e, int label, float score) {
  if (e <= b) return 0;
  /* a function word a sentence starts with, before a name the dictionaries
   * know, is the sentence's word: "When African Union (AU) heads meet" */
  if (b == c->s->tok_begin && e > b + 1 && has(c, S_NOT_NAMES, b) && dict_cand(c, b + 1, e, label)) return 0;
  cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[b].start, c->tt->tok[e - 1].end, (uint32_t)b, (uint32_t)e,
                                label, CYB_SRC_PATTERN, score);
  return d ? 0 : CYBERNER_ENOMEM;
}

/* A rule's reading of tokens [b, e) that names its entity itself, with the
 * id it gives ("" or NULL: none): the platform X, Nord, la Confédération, an
 * Embassy. */
static int push_with_id(mctx *c, size_t b, size_t e, int label, const char *id) {
  cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[b].start, c->tt->tok[e - 1].end, (uint32_t)b, (uint32_t)e, label,
                                CYB_SRC_PATTERN, 0.8f);
  if (!d || (id && id[0] && (d->id = cyb__cand_string(c->cs, id, strlen(id))) < 0)) return CYBERNER_ENOMEM;
  return 0;
}

/* A body head (ministère, Agence, ...) at token k: another name starts. */
static bool body_head_at(const mctx *c, size_t k) {
  return pm(c, S_HEAD, k, c->s->tok_end, NULL) > 0;
}

/* "chargé(e)(s) de": what follows is a portfolio ("la Commission chargée
 * de la Souveraineté technologique"), not the body's name. */
static bool in_charge_of(const mctx *c, size_t j) {
  size_t n = c->tt->tok[j].end - c->tt->tok[j].start;
  return n >= 6 && n <= 8 && c->nm->text[c->tt->tok[j].start] == 'c' && j + 1 < c->s->tok_end && is_prep(c, j + 1) &&
         (tis(c, j, "charge") || tis(c, j, "chargee") || tis(c, j, "charges") || tis(c, j, "chargees"));
}

/* A capitalized French adjective right after a capitalized word of a name
 * (l'Université Technique de Munich, la Banque Populaire): some names write
 * their adjectives with a capital; not a name the dictionaries know. */
static bool capitalized_adjective(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  if (!(f & CYB_TOK_CAP) || (f & (CYB_TOK_ALLCAPS | CYB_TOK_DIGIT)) || !(tflags(c, k - 1) & CYB_TOK_CAP) ||
      cand_at(c, k, -1) || c->s->lang != CYBERNER_LANG_FR)
    return false;
  /* a capitalized word after it goes on with a name we cannot read
   * (le Centre Spatial Kennedy) */
  if (k + 1 < c->s->tok_end && (tflags(c, k + 1) & CYB_TOK_CAP)) return false;
  return french_is(c, k, cyb__spell_french_adjective);
}

/* Adjectives after a word of a name: nationale, étrangères, générales. A
 * participle right before an article is the verb of the sentence ("le
 * Centre décrit le programme"), not an adjective of the name. */
static size_t adjectives(const mctx *c, size_t j) {
  size_t end = c->s->tok_end, n = 0;
  /* a participle before "par" opens the sentence's passive, not the name
   * (la Commission présidée par ...) */
  while (j < end && n < 2 && !is_prep(c, j) && !is_article(c, j) && !is_place_at(c, j) &&
         !(j + 1 < end && is_article(c, j + 1)) && !in_charge_of(c, j) &&
         (is_adjective(c, j) || capitalized_adjective(c, j)) &&
         !(j + 1 < end && tis(c, j + 1, "par") && is_participle(c, j)))
    j++, n++;
  /* two adjectives joined by "et": recherche scientifique et technologique */
  if (n && j + 1 < end && tis(c, j, "et") && is_adjective(c, j + 1) && !(j + 2 < end && is_article(c, j + 2))) j += 2;
  return j;
}

/* "le Commandement stratégique des armées britanniques": a lower-case
 * generic word for armed forces (armées, forces, forces armées) whose only
 * complement is a nationality or a country is no word of the name: it
 * introduces the trailing nationality, tagged on its own (ENTITIES.md rule
 * 3), as "des forces armées ukrainiennes". */
static bool forces_of_nationality(const mctx *c, size_t p) {
  if (!tis(c, p, "armees") && !tis(c, p, "armee") && !tis(c, p, "forces")) return false;
  size_t q = p + 1;
  if (q < c->s->tok_end && tis(c, p, "forces") && tis(c, q, "armees")) q++;
  return q < c->s->tok_end && is_place_at(c, q);
}

/* "au sujet de", "au titre de", "au profit de", "à l'encontre de": a noun
 * at token p that makes a compound preposition with the "de" after it opens
 * the sentence's complement, not a word of the name ("le Réseau africain
 * des autorités de cybersécurité | au sujet de la création"). */
static bool compound_preposition(const mctx *c, size_t p) {
  static const char *const nouns[] = {"sujet", "titre", "profit", "sein", "cours", "terme", "lieu", "encontre", "egard",
                                      "instar", "issue", "occasion", "aide", "insu", "detriment", "faveur", "vue"};
  if (p + 1 >= c->s->tok_end || !(tis(c, p + 1, "de") || tis(c, p + 1, "du") || tis(c, p + 1, "des") ||
                                  tis(c, p + 1, "d'")))
    return false;
  for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
    if (tis(c, p, nouns[i])) return true;
  return false;
}

/* French style: head [adjectives] (prep [article] word [adjectives])*. It
 * stops before a trailing country or nationality (ENTITIES.md rule 3),
 * before another body's head or a date, and at anything that is not a
 * preposition. */
static size_t extend_french(const mctx *c, size_t j, bool event, bool *has_cap) {
  size_t end = c->s->tok_end, last = adjectives(c, j);
  j = last;
  for (int steps = 0; steps < 8; steps++) {
    size_t p = j;
    bool comma = false;
    if (p + 1 < end && tis(c, p, ",") && (tis(c, p + 1, "du") || tis(c, p + 1, "de") || tis(c, p + 1, "des")))
      p++, comma = true; /* ministère de l'Economie, du Commerce et de l'Industrie */
    if (p >= end || !is_prep(c, p)) break;
    bool et = tis(c, p, "et");
    p++;
    while (p < end && (is_prep(c, p) || is_article(c, p)) && p - j < 4) p++;
    bool cap = p < end && (tflags(c, p) & CYB_TOK_CAP) != 0;
    /* a complement is never a date ("au Conseil en août 2023"), a
     * function word ("Conseil des ministres pour ne ...") nor a courtesy
     * title nor a known person ("ministère de M. Prasad", "ministère de
     * Dominic LeBlanc": a person's ministry); a body the
     * dictionaries know is the parent, tagged on its own ("Comité permanent
     * | de l'Assemblée populaire nationale", as stops_name in English), but
     * part of a meeting's name (Conférence ministérielle de la
     * Francophonie); a head in lower case is a common noun of the name
     * (Centre national de commandement stratégique) */
    /* ... nor a verb: the sentence asks the body to act (demande au
     * Conseil d'accélérer, à la Commission de proposer, pour obtenir) */
    if (p >= end || !(tflags(c, p) & CYB_TOK_ALPHA) || is_place_at(c, p) || (cap && body_head_at(c, p)) ||
        (!cap && is_infinitive(c, p)) ||
        cand_at(c, p, CYBERNER_DATE) || cyb__sentlang_is_function(c->m->sentlang, c->tt->tok[p].vid) ||
        (cap && (courtesy_at(c, p) || cand_at(c, p, CYBERNER_PERSON))) ||
        (!event && (cand_at(c, p, CYBERNER_AGENCY) || cand_at(c, p, CYBERNER_ORGANIZATION))))
      break;
    if (!cap && (forces_of_nationality(c, p) || compound_preposition(c, p))) break;
    /* "et" right before a name the dictionaries know starts another name
     * (Parti libéral du Québec et Québec solidaire), unlike "Guides et
     * Éclaireuses" or "de l'Economie et des Finances" */
    if (et && p == j + 1 && cand_at(c, p, -1)) break;
    /* lists go on only with capitalized names, and after a capitalized
     * complement (de la Défense) a lower-case one is the sentence again */
    bool et_de = et && j + 1 < end && is_prep(c, j + 1); /* et de la protection ... */
    if ((comma || (et && !et_de) || *has_cap) && !cap) break;
    if (cap) *has_cap = true;
    j = last = adjectives(c, p + 1);
  }
  return last;
}

/* English: Ministry of Foreign Affairs, Department of Homeland Security */
static bool en_connector(const mctx *c, size_t k) {
  return tis(c, k, "of") || tis(c, k, "for") || tis(c, k, "on") || tis(c, k, "and") || tis(c, k, "the") ||
         tis(c, k, "&");
}

/* A date (June 13) or a place is never inside a body's English name. */
static bool stops_name(const mctx *c, size_t k) {
  /* ... Command of the Islamic Revolutionary Guard Corps: two bodies */
  return is_place_at(c, k) || cand_at(c, k, CYBERNER_DATE) || cand_at(c, k, CYBERNER_AGENCY) ||
         cand_at(c, k, CYBERNER_ORGANIZATION);
}

static size_t extend_of(const mctx *c, size_t j) {
  size_t end = c->s->tok_end, last = j;
  while (j < end) {
    size_t p = j;
    while (p < end && en_connector(c, p) && p - j < 3) p++;
    if (p == j && j != last) break;
    /* "... Center and the National Police Agency": two names */
    if (p > j + 1 && tis(c, j, "and") && tis(c, j + 1, "the")) break;
    if (p >= end || !(tflags(c, p) & CYB_TOK_CAP) || !(tflags(c, p) & CYB_TOK_ALPHA) || stops_name(c, p)) break;
    while (p < end && (tflags(c, p) & CYB_TOK_CAP) && (tflags(c, p) & CYB_TOK_ALPHA) && !stops_name(c, p)) p++;
    j = last = p;
  }
  return last;
}

/* A Roman ordinal in capitals with its French suffix: XIXe, IIIe, Ier (an
 * edition: XIXe Sommet de la Francophonie). I, V and X only, so that "Ce",
 * "De" or "Le" never pass. */
static bool roman_ordinal(const mctx *c, size_t k) {
  size_t n;
  const char *t = ttext(c, k, &n);
  const unsigned char *up = c->nm->upper + c->tt->tok[k].start;
  size_t r = 0;
  while (r < n && (t[r] == 'i' || t[r] == 'v' || t[r] == 'x') && up[r]) r++;
  if (r == 0 || r > 6 || r == n || up[r]) return false;
  const char *suf = t + r;
  size_t sn = n - r;
  return (sn == 1 && suf[0] == 'e') || (sn == 2 && (memcmp(suf, "er", 2) == 0 || memcmp(suf, "re", 2) == 0)) ||
         (sn == 3 && memcmp(suf, "eme", 3) == 0);
}

/* "United Nations Open-Ended Working Group": a run of capitalized words
 * that is exactly two names of bodies the dictionaries know, side by side,
 * is those two bodies, not a third one that would hide both. */
static bool is_body_label(int l) { return l == CYBERNER_AGENCY || l == CYBERNER_ORGANIZATION; }
static bool two_known_bodies(const mctx *c, size_t s, size_t e) {
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->tb != s || d->te >= e || d->source != CYB_SRC_DICT || !is_body_label(d->label)) continue;
    for (size_t j = 0; j < c->ndict; j++) {
      const cyb__cand *d2 = &c->cs->c[j];
      if (d2->tb == d->te && d2->te == e && d2->source == CYB_SRC_DICT && is_body_label(d2->label)) return true;
    }
  }
  return false;
}

/* "Duncan Hollis of Temple University": a person's name right before the
 * connector p (a person the dictionaries know, or a known first name and a
 * capitalized word) is the person of that body, not a word of its name. */
static bool person_ends_at(const mctx *c, size_t p) {
  if (p >= c->s->tok_begin + 2 && first_name(c, p - 2) && name_token(c, p - 1) && !covered(c, p - 1)) return true;
  return dict_cand(c, ANY_START, p, CYBERNER_PERSON) != NULL;
}

/* "son réseau Kaspersky Security Network", "the platform Acme Cloud
 * Network": a run opening with a company the dictionaries know, right after
 * a lower-case word for a product (not_names.txt, marked product), names
 * the company's product; the company alone stays (as Microsoft in
 * "Microsoft Exchange"). */
static bool product_after(const mctx *c, size_t s, size_t e) {
  uint32_t v = 0;
  if (s == c->s->tok_begin || (tflags(c, s - 1) & CYB_TOK_CAP) || !pm(c, S_MARKED, s - 1, s, &v) || v != MARK_PRODUCT)
    return false;
  size_t m = dict_end_at(c, s, CYBERNER_ORGANIZATION);
  return m > s && m < e;
}

/* "au Centre national des congrès de Hanoï": a run that is a place the
 * dictionaries know (a venue) from s, de, then a town they know ending at
 * e is those two places, not a body named after the town. */
static bool place_in_town(const mctx *c, size_t s, size_t e) {
  if (!cand_at(c, s, CYBERNER_LOCATION)) return false;
  size_t m = dict_end_at(c, s, CYBERNER_LOCATION);
  if (!m || m + 1 >= e || !is_prep(c, m)) return false;
  size_t p = m + 1;
  while (p < e && is_article(c, p)) p++;
  return p < e && dict_end_at(c, p, CYBERNER_LOCATION) == e;
}

/* Tokens [b, e) are exactly a body the dictionaries know. */
static bool known_body(const mctx *c, size_t b, size_t e) {
  return dict_cand(c, b, e, CYBERNER_ORGANIZATION) || dict_cand(c, b, e, CYBERNER_AGENCY);
}

/* The byte where the dictionary country or organization (a meeting's
 * party: Japan, EU, ASEAN) that starts at byte `from` ends; 0 when none. */
static uint32_t party_end(const mctx *c, uint32_t from) {
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->ns == from && (d->label == CYBERNER_COUNTRY || d->label == CYBERNER_ORGANIZATION)) return d->ne;
  }
  return 0;
}

/* Token q names a party, or several joined by hyphens (Japan-Australia,
 * Japan-China-ROK): the number of parties, 0 when none. */
static int parties_at(const mctx *c, size_t q) {
  const cyb__token *t = &c->tt->tok[q];
  int n = 0;
  for (uint32_t p = t->start;;) {
    uint32_t e = party_end(c, p);
    if (!e || e > t->end) return 0;
    n++;
    if (e == t->end) return n;
    if (!(t->flags & CYB_TOK_HYPHEN) || c->nm->text[e] != '-') return 0;
    p = e + 1;
  }
}

/* Parties joined by hyphens right before token s open a meeting's name
 * (ENTITIES.md rule 10: the 5th U.S.-Brazil Cyber Dialogue, the
 * Japan-Australia Summit Meeting, the Japan-U.S.-ROK Trilateral Summit): the
 * run's first token, or s when there are fewer than two parties. */
static size_t parties_before(const mctx *c, size_t s) {
  size_t b = c->s->tok_begin, q = s;
  int parts = 0, n;
  while (q > b && (n = parties_at(c, q - 1)) > 0) {
    parts += n;
    q--;
    /* a hyphen of its own between two parties (U.S. - Brazil) */
    if (!(q >= b + 2 && tis(c, q - 1, "-") && c->tt->tok[q - 1].end == c->tt->tok[q].start &&
          c->tt->tok[q - 2].end == c->tt->tok[q - 1].start && parties_at(c, q - 2) > 0))
      break;
    q--;
  }
  return parts >= 2 ? q : s;
}

/* Tokens [s, k) before a body's tail are only words for a kind of local
 * government (not_names.txt civic: City, County): the body is the town's
 * own, named by no place (the City Council said; ENTITIES.md rule 6), unlike
 * Atlanta City Council. */
static bool generic_local_body(const mctx *c, size_t s, size_t k) {
  for (size_t q = s; q < k; q++)
    if (!marked(c, q, q + 1, MARK_CIVIC)) return false;
  return s < k;
}

/* A year of four digits (1xxx, 2xxx): an event's edition. */
static bool year_token(const mctx *c, size_t k) {
  const cyb__token *t = &c->tt->tok[k];
  return (t->flags & CYB_TOK_NUMBER) && t->end - t->start == 4 &&
         (c->nm->text[t->start] == '1' || c->nm->text[t->start] == '2');
}

/* the Nord département section below */
static bool french_place_before(const mctx *c, size_t e);

/* Does a country's or a nationality's dictionary name end at token e (the
 * Zealand of New Zealand)? */
static bool place_ends_at(const mctx *c, size_t e) {
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->te == e && d->tb + 1 < e && (d->label == CYBERNER_COUNTRY || d->label == CYBERNER_NATIONALITY)) return true;
  }
  return false;
}

/* The start of the country's name that ends right before the body
 * [s, e) when the name is written out (no code in capitals, no dotted
 * U.S.) and no dictionary name starts or lies inside the body; else s. */
static size_t country_of_new_body(const mctx *c, size_t s, size_t e) {
  size_t b = c->s->tok_begin;
  if (c->s->lang != CYBERNER_LANG_EN || s == b || any_covered(c, s, e)) return s;
  for (size_t q = s; q < e; q++)
    if (cand_at(c, q, -1)) return s;
  const cyb__cand *country = NULL;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->te != s) continue;
    /* the last word of a longer name (the Mexico of New Mexico) is not it */
    if (d->label != CYBERNER_COUNTRY || d->source != CYB_SRC_DICT || (country && country->tb != d->tb)) return s;
    country = d;
  }
  if (!country) return s;
  for (size_t q = country->tb; q < country->te; q++)
    if (tflags(c, q) & (CYB_TOK_ALLCAPS | CYB_TOK_DOTTED)) return s;
  /* the country opens the name: after "the", a sentence's start or a
   * punctuation mark, not after a preposition (in Japan Fuji Industries) */
  size_t p = country->tb;
  if (p > b && !tis(c, p - 1, "the") && !(tflags(c, p - 1) & CYB_TOK_PUNCT)) return s;
  return p;
}

/* Two or more capitalized words end right before token e on a one-word
 * tail of a body's name (Norvik Labs): a name of its own, which an "and"
 * after it does not join to the next one (| and Pellard Security Group). */
static bool tail_name_ends_at(const mctx *c, size_t e) {
  uint32_t lab = 0;
  return e >= c->s->tok_begin + 2 && (tflags(c, e - 2) & CYB_TOK_CAP) && (tflags(c, e - 2) & CYB_TOK_ALPHA) &&
         pm(c, S_TAIL, e - 1, e, &lab) == 1;
}

static int bodies(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  /* the words a reading below starts at: a head, a body before "of", a
   * tail, a company suffix, police or gendarmerie */
  const uint32_t starts = 1u << S_HEAD | 1u << S_OF | 1u << S_TAIL | 1u << (16 + S_COMPANIES);
  /* none in the sentence: only the editions of its events (below) */
  size_t kend = (c->any_bits & starts) || (c->trig & TRIG_POLICE) ? end : b;
  for (size_t k = b; k < kend; k++) {
    bool police = (c->trig & TRIG_POLICE) && (ktrig(c, k) & TRIG_POLICE); /* no token is, when the sentence has none */
    if (!(kbits(c, k) & starts) && !police) continue;
    uint32_t lab = 0;
    /* where a dictionary name of a body starts, the dictionary knows better */
    bool known = cand_at(c, k, CYBERNER_AGENCY) || cand_at(c, k, CYBERNER_ORGANIZATION) || cand_at(c, k, CYBERNER_EVENT);
    size_t hl = known ? 0 : pm(c, S_HEAD, k, end, &lab);
    bool head_cap = (tflags(c, k) & CYB_TOK_CAP) != 0;
    bool ministry = hl && (tis(c, k, "ministere") || tis(c, k, "ministeres"));
    /* a lower-case head (le service de presse) starts no name: do not even extend it */
    if (hl && (tflags(c, k) & CYB_TOK_ALPHA) && (head_cap || ministry)) {
      bool has_cap = false;
      size_t e = extend_french(c, k + hl, (int)lab - 1 == CYBERNER_EVENT, &has_cap);
      /* an agency head in capitals is enough (Agence nationale de la sécurité
       * ...); a ministry or an event needs a capitalized complement */
      bool ok = (int)lab - 1 == CYBERNER_EVENT ? head_cap && has_cap : ministry ? has_cap : head_cap;
      /* a head word that goes on a dictionary name begun before it, with
       * words in lower case only, opens no other name: "avec le Cabinet
       * Office pour la partie britannique" */
      if (!has_cap && covered(c, k) && !cand_at(c, k, -1)) ok = false;
      if (ok && place_in_town(c, k, e)) ok = false;
      if (e > k + hl && ok && push_body(c, k, e, (int)lab - 1, 0.6f)) return CYBERNER_ENOMEM;
    }
    size_t ol = known ? 0 : pm(c, S_OF, k, end, &lab);
    if (ol && (tflags(c, k) & CYB_TOK_CAP) && k + ol < end && (tis(c, k + ol, "of") || tis(c, k + ol, "for"))) {
      size_t e = extend_of(c, k + ol);
      if (e > k + ol + 1 && push_body(c, k, e, (int)lab - 1, 0.6f)) return CYBERNER_ENOMEM;
    }
    /* in a Title Case headline every word has its capital: the capitalized
     * words before a tail prove nothing (Spy Agency, Orders Cyber Agency) */
    size_t tl = c->s->titlecase ? 0 : pm(c, S_TAIL, k, end, &lab);
    if (tl && (tflags(c, k) & CYB_TOK_CAP) && k > b) {
      bool place = (int)lab - 1 == CYBERNER_LOCATION;
      /* walk left over capitalized words and inner connectors */
      size_t s = k, role = SIZE_MAX;
      while (s > b) {
        size_t p = s - 1;
        /* a country or nationality in front is tagged on its own (rule 8);
         * "State" never starts a person's name but opens many bodies' (the
         * State Cyber Protection Centre) */
        if ((tflags(c, p) & CYB_TOK_CAP) && (tflags(c, p) & (CYB_TOK_ALPHA | CYB_TOK_DIGIT)) &&
            (!has(c, S_NOT_NAMES, p) || (!place && tis(c, p, "state"))) && !is_place_at(c, p) &&
            !place_ends_at(c, p + 1)) {
          s = p;
          continue;
        }
        /* an officer's office: the Anti-Fraud Prosecutor's Office, not
         * Microsoft's Security Office */
        if (!place && p > b && tis(c, p, "'s") && (tflags(c, p - 1) & CYB_TOK_CAP) && role_word(c, p - 1)) {
          s = role = p - 1;
          continue;
        }
        /* places are not joined (Kansai Electric Power and | Kansai
         * International Airport) */
        bool and = !place && (tis(c, p, "and") || tis(c, p, "&"));
        /* nor two names of which the second is a body the dictionaries
         * know (Predator and NSO Group) */
        /* ... nor a role's portfolio (Deputy Director-General of | Foreign
         * Policy Bureau); nor a unit of a body the dictionaries know, named
         * on its own (the Cyber Bureau of | Nepal Police) */
        bool of = tis(c, p, "of");
        if ((of || tis(c, p, "for") || and) && p > b && (tflags(c, p - 1) & CYB_TOK_CAP) && !is_place_at(c, p - 1) &&
            !(and && (covered(c, p - 1) || known_body(c, s, k + tl) || tail_name_ends_at(c, p))) && !(of && known_body(c, s, k + tl)) && s < k &&
            !person_ends_at(c, p) && !role_word(c, p - 1)) {
          s = p - 1;
          continue;
        }
        break;
      }
      /* the office of a bare role is generic: the Prosecutor's Office */
      if (s == role) s = k;
      /* a body no dictionary knows right after a country's name is named
       * with it (the Malawi Cyber Defence Agency, the Rwanda Space Agency:
       * the official names); a code (US, UK) or a known body stays apart */
      if (s < k && (lab - 1 == CYBERNER_AGENCY || lab - 1 == CYBERNER_ORGANIZATION)) s = country_of_new_body(c, s, k + tl);
      if (lab - 1 == CYBERNER_EVENT && s < k) s = parties_before(c, s);
      /* an ordinal opens event names: 9th U.S.-EU Cyber Dialogue */
      if (lab - 1 == CYBERNER_EVENT && s > b && (tflags(c, s - 1) & CYB_TOK_DIGIT) && (tflags(c, s - 1) & CYB_TOK_ALPHA))
        s--;
      /* ... Centre of Excellence, ... Agency for Cybersecurity, ... Committee
       * on Foreign Affairs; a place is not named on another one (Big Leaf
       * Building | on Oyin Jolayemi Street) */
      size_t e = k + tl;
      if (e + 1 < end && (tis(c, e, "of") || tis(c, e, "for") || (!place && tis(c, e, "on")))) e = extend_of(c, e);
      /* an event's tail ends the name: "Microsoft Open Source" is no event */
      bool goes_on = lab - 1 == CYBERNER_EVENT && e < end && (tflags(c, e) & CYB_TOK_CAP) && (tflags(c, e) & CYB_TOK_ALPHA);
      if (s < k && !goes_on && !two_known_bodies(c, s, e) && !product_after(c, s, e) && !generic_local_body(c, s, k) &&
          push_body(c, s, e, (int)lab - 1, 0.6f))
        return CYBERNER_ENOMEM;
    }
    /* a town's police or gendarmerie, a département's préfecture, an
     * académie's rectorat in lower case is one body with the place: "la
     * gendarmerie de Palaiseau", "la police de Delhi", "le commissariat de
     * Brest", "la préfecture de la Somme", "l'académie de Reims" */
    size_t at = police && k + 1 < end && (tis(c, k + 1, "de") || tis(c, k + 1, "d'")) ? k + 2 : 0;
    if (at && at + 1 < end && tis(c, at, "la")) at++;
    if (at && at < end && !(tflags(c, k) & CYB_TOK_CAP) && cand_at(c, at, CYBERNER_LOCATION)) {
      size_t e = dict_end_at(c, at, CYBERNER_LOCATION); /* the town's whole name: New Delhi, Saint-Denis */
      if (e < at + 1) e = at + 1;
      /* a Japanese prefecture is a region (dans la préfecture de Kumamoto) */
      bool french_only = tis(c, k, "prefecture") || tis(c, k, "academie") || tis(c, k, "rectorat");
      if ((!french_only || french_place_before(c, e)) && push_body(c, k, e, CYBERNER_AGENCY, 0.6f))
        return CYBERNER_ENOMEM;
    }
    /* companies: capitalized words + legal suffix; a suffix in lower case
     * that can be read as a word (it has a vowel: not ltd, plc) is one
     * before a lower-case word: the French possessive of "Seule sa
     * filiale", not the SA of "Thales SA"; "the Jackson corporation" */
    if (k > b && has(c, S_COMPANIES, k) && (tflags(c, k - 1) & CYB_TOK_CAP) &&
        !(lower_word_at(c, k) && has_vowel(c, k) && k + 1 < end && lower_word_at(c, k + 1))) {
      size_t s = k;
      while (s > b && k - s < 8) {
        if ((tflags(c, s - 1) & CYB_TOK_CAP) && !has(c, S_NOT_NAMES, s - 1)) s--;
        /* "and" after a legal suffix joins two companies (Johnson Controls
         * Inc and Lear Corp), not two words of one name (Procter & Gamble,
         * Bear Stearns & Co); nor "and" after a company the dictionaries
         * know (Afkar System Yazd Company and Najee Technology ... LLC) */
        else if (s - 1 > b && (tis(c, s - 1, "and") || tis(c, s - 1, "&")) && (tflags(c, s - 2) & CYB_TOK_CAP) &&
                 !has(c, S_COMPANIES, s - 2) &&
                 !(tis(c, s - 1, "and") && dict_cand(c, ANY_START, s - 1, CYBERNER_ORGANIZATION)))
          s -= 2;
        else break;
      }
      /* the span ends at the suffix: the full stop of "Inc." or "Corp." is
       * punctuation (the convention of every annotated set) */
      if (s < k && push_body(c, s, k + 1, CYBERNER_ORGANIZATION, 0.6f)) return CYBERNER_ENOMEM;
    }
  }
  /* an edition belongs to the event's name: an ordinal before it (48ème,
   * ninth), a year after it (Singapore International Cyber Week 2024); the
   * same for the events the patterns above built (the sixth Cyber Dialogue) */
  for (size_t i = 0, n0 = c->cs->n; i < n0; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label != CYBERNER_EVENT || (i >= c->ndict && d->source != CYB_SRC_PATTERN)) continue;
    size_t nb = d->tb, ne = d->te;
    if (nb > b && ((tflags(c, nb - 1) & CYB_TOK_DIGIT && tflags(c, nb - 1) & CYB_TOK_ALPHA) ||
                   has(c, S_ORDINALS, nb - 1) || roman_ordinal(c, nb - 1)))
      nb--;
    /* ... a year before it after "the" or opening the sentence (the 2022
     * U.S.-EU Cyber Dialogue), not after a preposition (in 2022 Cyber Week
     * was held) */
    else if (nb > b && year_token(c, nb - 1) &&
             (nb - 1 == b || tis(c, nb - 2, "the") || tis(c, nb - 2, "this") || tis(c, nb - 2, "its") ||
              tis(c, nb - 2, "their")))
      nb--;
    if (ne < end && year_token(c, ne)) ne++;
    if (nb == d->tb && ne == d->te) continue;
    cyb__cand copy = *d;
    cyb__cand *n = cyb__cand_push(c->cs, c->tt->tok[nb].start, c->tt->tok[ne - 1].end, (uint32_t)nb, (uint32_t)ne,
                                  CYBERNER_EVENT, copy.source, copy.score);
    if (!n) return CYBERNER_ENOMEM;
    n->entry = copy.entry;
    n->alt = copy.alt;
    n->nalt = copy.nalt;
    n->id = copy.id;
  }
  return 0;
}

/* "their 7th Cyber Policy Consultation": an ordinal, then capitalized words
 * that are the series words of a meeting the dictionaries name after two
 * parties (ROK-EU Cyber Policy Consultation, build_series() in gazetteer.c),
 * is an edition of such a meeting even when its last word is no meeting word
 * of bodies.txt (Consultation): resolve.c links it by the parties. */
/* Token k is a number with an ordinal suffix: 7th, 23e, 4ème, 1er (not G7, 5G, C4). */
static bool numeric_ordinal(const mctx *c, size_t k) {
  size_t n, d = 0;
  const char *t = ttext(c, k, &n);
  while (d < n && t[d] >= '0' && t[d] <= '9') d++;
  if (!d || d == n) return false;
  static const char *const suffix[] = {"st", "nd", "rd", "th", "e", "er", "re", "eme", "\xc3\xa8me" /* ème */,
                                       "ieme", "i\xc3\xa8me"};
  for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++)
    if (strlen(suffix[i]) == n - d && memcmp(t + d, suffix[i], n - d) == 0) return true;
  return false;
}

static int meeting_series(mctx *c) {
  /* no ordinal word and no word of letters and digits: nothing to start at */
  if (!((c->any_bits >> (16 + S_ORDINALS)) & 1u) && !c->any_alnum) return 0;
  size_t end = c->s->tok_end;
  uint32_t vids[CYB_SERIES_MAX_WORDS];
  for (size_t k = c->s->tok_begin; k + 2 < end; k++) {
    uint16_t f = tflags(c, k);
    bool number = (f & CYB_TOK_DIGIT) && (f & CYB_TOK_ALPHA) && numeric_ordinal(c, k);
    if (!number && !((f & CYB_TOK_ALPHA) && has(c, S_ORDINALS, k))) continue;
    size_t j = k + 1, best = 0;
    while (j < end && j - k <= CYB_SERIES_MAX_WORDS && (tflags(c, j) & CYB_TOK_CAP) && (tflags(c, j) & CYB_TOK_ALPHA) &&
           (vids[j - k - 1] = c->tt->tok[j].vid) != CYB_NO_VID) {
      j++;
      const cyb__series *sr;
      if (j - k >= 3 && cyb__gazetteer_series(c->m->gaz, cyb__gazetteer_series_key(vids, j - k - 1), &sr)) best = j;
    }
    uint32_t lab = 0;
    if (best != j || covered(c, k + 1) || (pm(c, S_TAIL, j - 1, j, &lab) && (int)lab - 1 == CYBERNER_EVENT)) continue;
    if (push_body(c, k, j, CYBERNER_EVENT, 0.6f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- identifiers -------------------------------------------------------------- */

static int identifiers(mctx *c) {
  /* each is a word of letters and digits */
  if (!c->r->nids || !c->any_alnum) return 0;
  for (size_t k = c->s->tok_begin; k < c->s->tok_end; k++) {
    uint16_t f = tflags(c, k);
    if (!(f & CYB_TOK_DIGIT) || !(f & CYB_TOK_ALPHA)) continue;
    size_t n;
    const char *t = ttext(c, k, &n);
    for (size_t i = 0; i < c->r->nids; i++) {
      const idrule *ir = &c->r->ids[i];
      if (pcre2_match(ir->re, (PCRE2_SPTR)t, n, 0, 0, c->rs->md, NULL) < 0) continue;
      cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[k].start, c->tt->tok[k].end, (uint32_t)k, (uint32_t)k + 1,
                                    ir->label, CYB_SRC_PATTERN, 0.9f);
      if (!d) return CYBERNER_ENOMEM;
      d->rank = 5;
      if (ir->idform) {
        char id[96];
        size_t w = n < sizeof id ? n : sizeof id - 1;
        for (size_t j = 0; j < w; j++) id[j] = ir->idform == 1 && t[j] >= 'a' && t[j] <= 'z' ? (char)(t[j] - 32) : t[j];
        if ((d->id = cyb__cand_string(c->cs, id, w)) < 0) return CYBERNER_ENOMEM;
      }
      break;
    }
  }
  return 0;
}

/* ---- web services ------------------------------------------------------------ */

/* "the news site Fanpage.it": an organization whose own name is its
 * address (the entry's canonical name: a news site) is named by it; a state
 * body's site (la plateforme Cybermalveillance.gouv.fr) is its service. */
static bool named_by_address(const mctx *c, const cyb__cand *d) {
  if (d->entry < 0 || d->label != CYBERNER_ORGANIZATION) return false;
  const char *name = cyb__gazetteer_entry(c->m->gaz, (uint32_t)d->entry)->name;
  size_t b = c->nm->map[d->ns], e = cyb__norm_src_end(c->nm, c->src, c->srclen, d->ne);
  return e > b && strlen(name) == e - b && strncasecmp(name, c->src + b, e - b) == 0;
}

/* "la plateforme Cybermalveillance.gouv.fr", "the website StopRansomware.gov":
 * a body's web address after a word for a site names the service, not the
 * body. A NOT_ENTITY over the word and the address hides it. */
static int web_services(mctx *c) {
  static const char *const site_words[] = {"plateforme", "site", "portail", "dispositif", "platform", "website",
                                           "portal", "service"};
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label != CYBERNER_AGENCY && d->label != CYBERNER_ORGANIZATION) continue;
    if (d->tb <= c->s->tok_begin || d->te > c->s->tok_end) continue;
    bool address = false; /* a web address: a dot glued between two words */
    for (size_t k = d->tb + 1; k + 1 < d->te && !address; k++)
      address = tis(c, k, ".") && c->tt->tok[k].start == c->tt->tok[k - 1].end &&
                c->tt->tok[k + 1].start == c->tt->tok[k].end;
    if (!address || named_by_address(c, d)) continue;
    /* the word, or the word and an adjective: "le dispositif national ..." */
    for (size_t b = d->tb; b > c->s->tok_begin && d->tb - b < 2; b--) {
      bool site = false;
      for (size_t w = 0; w < sizeof site_words / sizeof *site_words && !site; w++) site = tis(c, b - 1, site_words[w]);
      if (site) {
        if (push_body(c, b - 1, d->te, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
        break;
      }
      if (b - 1 == c->s->tok_begin || (tflags(c, b - 1) & CYB_TOK_CAP) || !(tflags(c, b - 1) & CYB_TOK_ALPHA)) break;
    }
  }
  return 0;
}

/* ---- the platform X -------------------------------------------------------- */

/* Token k is an X on its own: one letter, no capitalized word before it
 * (Malcolm X, Generation X) nor a letter or a hyphen glued after it
 * (X-ray, XVI is another token), no single letter around it (A, B and X). */
static bool lone_x(const mctx *c, size_t k) {
  const cyb__token *t = &c->tt->tok[k];
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  if (t->end - t->start != 1) return false;
  if (k > b && (tflags(c, k - 1) & CYB_TOK_CAP) && (tflags(c, k - 1) & CYB_TOK_ALPHA) &&
      !(tflags(c, k - 1) & CYB_TOK_SENT_START))
    return false;
  if (k + 1 < end && c->tt->tok[k + 1].start == t->end && !tis(c, k + 1, ",") && !tis(c, k + 1, ".") &&
      !tis(c, k + 1, "'s") && !tis(c, k + 1, ":") && !tis(c, k + 1, ";") && !tis(c, k + 1, ")"))
    return false;
  for (size_t j = k >= b + 2 ? k - 2 : b; j < end && j <= k + 2; j++)
    if (j != k && c->tt->tok[j].end - c->tt->tok[j].start == 1 && (tflags(c, j) & CYB_TOK_CAP)) return false;
  return true;
}

/* "X" alone is a letter (Generation X, Phase X); it is the platform formerly
 * Twitter when the text speaks of an account or a post on it: "sur X", "on
 * X", "compte X", "X account", "X post". Its id is the platform's key in
 * organizations.tsv. */
static int platform_x(mctx *c) {
  static const char *const before[] = {"on", "sur", "compte", "comptes", "via", "reseau", "network", "social",
                                       "platform", "plateforme"};
  static const char *const after[] = {"account", "accounts", "post", "posts", "handle", "user", "users", "feed"};
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  if (!(c->trig & TRIG_X)) return 0;
  for (size_t k = b; k < end; k++) {
    if (!(ktrig(c, k) & TRIG_X) || !(tflags(c, k) & CYB_TOK_CAP) || covered(c, k)) continue;
    bool ok = false;
    for (size_t i = 0; k > b && i < sizeof before / sizeof *before && !ok; i++) ok = tis(c, k - 1, before[i]);
    for (size_t i = 0; k + 1 < end && i < sizeof after / sizeof *after && !ok; i++) ok = tis(c, k + 1, after[i]);
    /* or renamed: "X, formerly Twitter", "X (anciennement Twitter)" */
    ok = ok || (k + 2 < end && (tis(c, k + 1, ",") || tis(c, k + 1, "(")) &&
                (tis(c, k + 2, "formerly") || tis(c, k + 2, "anciennement")));
    /* or in a list of companies: "Meta, X and TikTok" */
    ok = ok || (k >= b + 2 && (tis(c, k - 1, ",") || tis(c, k - 1, "and") || tis(c, k - 1, "et")) &&
                dict_cand(c, ANY_START, k - 1, CYBERNER_ORGANIZATION)) ||
         (k + 2 < end && (tis(c, k + 1, ",") || tis(c, k + 1, "and") || tis(c, k + 1, "et")) &&
          cand_at(c, k + 2, CYBERNER_ORGANIZATION));
    /* or the document already called the platform X: "le propriétaire de
     * X", "X a été bloqué" */
    ok = ok || (c->doc->x_platform && lone_x(c, k));
    if (!ok) continue;
    if (push_with_id(c, k, k + 1, CYBERNER_ORGANIZATION, CYB_X_PLATFORM_ID)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- acronyms ---------------------------------------------------------------- */

/* Token k is words in title case joined by hyphens (Seine-Maritime,
 * Jean-Pierre): each part one capital and two lower-case letters or more.
 * Its capitals are no acronym's: "le CHU de Rouen (Seine-Maritime)" gives
 * the place, not a short form of the hospital. */
static bool title_case_compound(const mctx *c, size_t k) {
  if (!(tflags(c, k) & CYB_TOK_HYPHEN)) return false;
  size_t part = 0; /* letters of the current part */
  for (uint32_t i = c->tt->tok[k].start; i < c->tt->tok[k].end; i++) {
    unsigned char ch = (unsigned char)c->nm->text[i];
    if (ch == '-') {
      if (part < 3) return false;
      part = 0;
    } else if (part == 0 ? !c->nm->upper[i] : c->nm->upper[i] || !((ch >= 'a' && ch <= 'z') || ch >= 0x80)) {
      return false;
    } else {
      part++;
    }
  }
  return part >= 3;
}

/* Does token k look like an acronym: no space inside, >= 2 capitals? */
static bool acronym_token(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  if (!(f & CYB_TOK_ALPHA) || !(f & CYB_TOK_CAP)) return false;
  size_t n = c->tt->tok[k].end - c->tt->tok[k].start;
  /* a capital's word has one upper-case byte, or more (UPPER2) */
  return ((f & CYB_TOK_UPPER2) || ((f & CYB_TOK_DIGIT) && n >= 2)) && n <= 16 && /* ANSSI, JPCERT/CC, C4 */
         !title_case_compound(c, k);
}

/* French papers write acronyms in title case (l'Anssi, la Cnil, l'Osiic):
 * token k is one capital and 3 to 7 lower-case letters. */
static bool titlecase_word(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  size_t n = c->tt->tok[k].end - c->tt->tok[k].start;
  if (!(f & CYB_TOK_CAP) || (f & (CYB_TOK_DIGIT | CYB_TOK_ALLCAPS | CYB_TOK_HYPHEN | CYB_TOK_DOTTED | CYB_TOK_UPPER2)) ||
      n < 4 || n > 8) /* UPPER2: a capital after the first byte */
    return false;
  for (uint32_t i = c->tt->tok[k].start + 1; i < c->tt->tok[k].end; i++)
    if (c->nm->upper[i] || c->nm->text[i] < 'a' || c->nm->text[i] > 'z') return false;
  return true;
}

/* The best candidate ending exactly at token e (or starting at b). */
static const cyb__cand *cand_span(const mctx *c, size_t b, size_t e, bool ending) {
  const cyb__cand *best = NULL;
  for (size_t i = 0; i < c->cs->n; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label == CYBERNER_DATE || d->label == CYBERNER_COUNTRY || d->label == CYBERNER_NATIONALITY ||
        d->label == CYBERNER_PERSON || d->label >= CYBERNER_LABEL_COUNT)
      continue;
    bool hit = ending ? d->te == e : (d->tb == b && d->te <= e);
    if (!hit) continue;
    if (!best || (d->te - d->tb) > (best->te - best->tb) ||
        ((d->te - d->tb) == (best->te - best->tb) && d->source == CYB_SRC_DICT))
      best = d;
  }
  return best;
}

static int push_like(mctx *c, size_t b, size_t e, const cyb__cand *like, const char *fallback_id) {
  cyb__cand copy = *like;
  cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[b].start, c->tt->tok[e - 1].end, (uint32_t)b, (uint32_t)e,
                                copy.label, CYB_SRC_ACRONYM, 0.9f);
  if (!d) return CYBERNER_ENOMEM;
  d->entry = copy.entry;
  d->alt = copy.alt;
  d->nalt = copy.nalt;
  if (copy.id >= 0) d->id = copy.id;
  else if (copy.entry < 0 && copy.nalt <= 1 && fallback_id && (d->id = cyb__cand_string(c->cs, fallback_id, strlen(fallback_id))) < 0)
    return CYBERNER_ENOMEM;
  return 0;
}

/* Do the words [s, e) spell the acronym letters a[0..m)? Content words give
 * their first letter (each part of a hyphenated word may give one);
 * prepositions and articles may give theirs or nothing. */
static bool spells(const mctx *c, size_t s, size_t e, const char *a, size_t m) {
  if (s == e) return m == 0;
  if (m == 0) return false;
  size_t n;
  const char *t = ttext(c, s, &n);
  bool function = is_prep(c, s) || is_article(c, s);
  if (!(tflags(c, s) & CYB_TOK_ALPHA)) return false;
  if (function && spells(c, s + 1, e, a, m)) return true;
  /* the word gives its first letter, or (Asie-Pacifique) one per part */
  size_t used = 0;
  for (size_t i = 0; i < n && used < m; i++) {
    if (i > 0 && t[i - 1] != '-') continue;
    if (t[i] != a[used]) break;
    used++;
    if (spells(c, s + 1, e, a + used, m - used)) return true;
  }
  return false;
}

/* "Groupe de coordination des réseaux maritimes (GCRM)": no candidate ends
 * before the parenthesis, but the capitalized words before it spell the
 * acronym: both become a new name, AGENCY when a state-body word is in it. */
/* The letters of the acronym at token a in letters[16], their count (0
 * when fewer than 2 or more than 12). */
static size_t acronym_letters(const mctx *c, size_t a, char *letters) {
  size_t m = 0, n;
  const char *t = ttext(c, a, &n);
  for (size_t i = 0; i < n && m < 16; i++)
    if (t[i] >= 'a' && t[i] <= 'z') letters[m++] = t[i];
  return m < 2 || m > 12 ? 0 : m;
}

/* The first of the capitalized words ending before token k that spell the
 * acronym at token a, SIZE_MAX when none. */
static size_t initials_start(const mctx *c, size_t k, size_t a) {
  char letters[16];
  size_t m = acronym_letters(c, a, letters);
  if (!m) return SIZE_MAX;
  size_t b = c->s->tok_begin;
  for (size_t s = k >= 2 * m + 4 ? k - 2 * m - 4 : 0; s < k; s++) {
    if (s < b || !(tflags(c, s) & CYB_TOK_CAP) || is_prep(c, s) || is_article(c, s)) continue;
    if (spells(c, s, k, letters, m)) return s;
  }
  return SIZE_MAX;
}

/* Is there a body word (head or tail of bodies.txt) among tokens [s, k)?
 * Its label (AGENCY over the others) in *label. */
static bool body_word_in(const mctx *c, size_t s, size_t k, int *label) {
  bool any = false;
  uint32_t lab = 0;
  for (size_t q = s; q < k; q++)
    if (pm(c, S_HEAD, q, k, &lab) || pm(c, S_TAIL, q, k, &lab)) {
      any = true;
      if (lab - 1 == CYBERNER_AGENCY) *label = CYBERNER_AGENCY;
    }
  return any;
}

static int acronym_from_initials(mctx *c, size_t k, size_t a, const char *id) {
  size_t s = initials_start(c, k, a);
  /* "External Affairs Minister (EAM)", "Prime Minister (PM)": the words end
   * with a role, the acronym is a title's, not a body's */
  if (s == SIZE_MAX || role_word(c, k - 1)) return 0;
  int label = CYBERNER_ORGANIZATION;
  body_word_in(c, s, k, &label);
  cyb__cand *lf = cyb__cand_push(c->cs, c->tt->tok[s].start, c->tt->tok[k - 1].end, (uint32_t)s, (uint32_t)k, label,
                                 CYB_SRC_PATTERN, 0.7f);
  if (!lf) return CYBERNER_ENOMEM;
  lf->rank = 4;
  if ((lf->id = cyb__cand_string(c->cs, id, strlen(id))) < 0) return CYBERNER_ENOMEM;
  cyb__cand copy = *lf;
  return push_like(c, a, a + 1, &copy, id);
}

/* "boîtier Cloud Services Appliance (CSA)": capitalized words that spell an
 * acronym the dictionaries know (CSA, an agency) but that name no entity
 * (no candidate ends there, no dictionary name or body word in them) define it as that thing:
 * a NOT_ENTITY over the acronym hides the dictionaries' reading, and is
 * remembered for the document's later bare CSA. */
/* Tokens [b, e) as the name of a thing, which is not tagged (a NOT_ENTITY
 * that hides the dictionaries' reading and is remembered like an acronym
 * defined in parentheses); id: the fallback key. */
static int push_thing(mctx *c, size_t b, size_t e, const char *id) {
  cyb__cand thing = {.label = CYB_NOT_ENTITY, .entry = -1, .id = -1, .value = -1};
  return push_like(c, b, e, &thing, id);
}

/* The first of the lower-case words ending before token k that spell the
 * acronym at token a (multi-factor authentication (MFA)), SIZE_MAX when
 * none: a thing defined by its common name. */
static size_t lower_initials_start(const mctx *c, size_t k, size_t a) {
  char letters[16];
  size_t m = acronym_letters(c, a, letters), b = c->s->tok_begin, s = k, found = SIZE_MAX;
  while (m && s > b && k - s < 2 * m + 4 && lower_word_at(c, s - 1)) {
    s--;
    if (!is_prep(c, s) && !is_article(c, s) && spells(c, s, k, letters, m)) found = s;
  }
  return found;
}

static int acronym_of_thing(mctx *c, size_t k, size_t a, const char *id) {
  size_t s = initials_start(c, k, a);
  if (s == SIZE_MAX) s = lower_initials_start(c, k, a);
  int label = CYB_NOT_ENTITY;
  /* not a name that holds a country or a person: République populaire démocratique de Corée (RPDC);
   * nor a role named after its body: directrice générale des relations
   * internationales et de la stratégie (DGRIS) is the direction's acronym */
  if (s == SIZE_MAX || body_word_in(c, s, k, &label) || any_covered(c, s, k) || role_word(c, s)) return 0;
  return push_thing(c, a, a + 1, id);
}

/* "la directive européenne sur la sécurité des réseaux et de l'information
 * (NIS)": a lower-case word for a legal text (not_names.txt, marked text)
 * opens a description, in lower case but for the names in it, that ends at
 * the parenthesis k: the acronym is the text's, not the body the
 * dictionaries know by it (South Korea's NIS). */
static bool text_described_before(const mctx *c, size_t k) {
  size_t b = c->s->tok_begin;
  for (size_t s = k; s > b && k - s < 16;) {
    uint16_t f = tflags(c, --s);
    if (!(f & CYB_TOK_ALPHA)) return false; /* a comma, a parenthesis: another phrase */
    uint32_t v = 0;
    if (!(f & CYB_TOK_CAP) && pm(c, S_MARKED, s, k, &v) && v == MARK_LAW) return true;
    if ((f & CYB_TOK_CAP) && !covered(c, s)) return false; /* a capitalized name: the text's own name */
  }
  return false;
}

/* A French body's head in lower case (service, agence, autorité) and its
 * complements end right before the parenthesis at k, and the acronym at a
 * is an AGENCY or ORGANIZATION of the dictionaries: the description gets
 * the acronym's meaning. */
static int description_before(mctx *c, size_t k, size_t a, const char *id) {
  const cyb__cand *acr = dict_cand(c, a, a + 1, CYBERNER_AGENCY);
  if (!acr) acr = dict_cand(c, a, a + 1, CYBERNER_ORGANIZATION);
  if (!acr) return 0;
  size_t b = c->s->tok_begin;
  for (size_t s = k - 1; s + 12 > k && s > b; s--) {
    uint32_t lab = 0;
    size_t hl = pm(c, S_HEAD, s, k, &lab);
    if (!hl || (tflags(c, s) & CYB_TOK_CAP) || cand_at(c, s, -1)) continue;
    bool has_cap = false;
    if (extend_french(c, s + hl, false, &has_cap) != k || has_cap) continue;
    cyb__cand copy = *acr;
    return push_like(c, s, k, &copy, id);
  }
  return 0;
}

/* Do tokens x and y start with the same (folded) letter? */
static bool same_first_letter(const mctx *c, size_t x, size_t y) {
  return c->nm->text[c->tt->tok[x].start] == c->nm->text[c->tt->tok[y].start];
}

/* "the Social Democrats (SPD)", "le Parti socialiste (PS)": capitalized
 * words no candidate reads, right before an acronym the dictionaries know as
 * one body, are its long form (rule 2) when the initials of their
 * capitalized words are some of the acronym's letters, in order, from its
 * first (S, D of SPD; not Saskia Esken (SPD), a member). Link words may sit
 * inside; in French one lower-case word may follow each capitalized one
 * (Front national). Names that spell the whole acronym are left to
 * acronym_of_thing() and description_before(). */
static int long_form_of_known(mctx *c, size_t k, size_t a, const char *id) {
  const cyb__cand *org = dict_cand(c, a, a + 1, CYBERNER_ORGANIZATION), *agency = dict_cand(c, a, a + 1, CYBERNER_AGENCY);
  const cyb__cand *acr = org ? org : agency;
  if (!acr || (org && agency) || initials_start(c, k, a) != SIZE_MAX) return 0;
  size_t b = c->s->tok_begin, s = k, ncap = 0;
  bool fr = c->s->lang == CYBERNER_LANG_FR;
  while (s > b && k - s < 10) {
    size_t q = s - 1;
    uint16_t f = tflags(c, q);
    bool link = is_prep(c, q) || is_article(c, q) || en_connector(c, q) || tis(c, q, "et");
    bool cap = !link && (f & CYB_TOK_CAP) && (f & CYB_TOK_ALPHA) && !acronym_token(c, q);
    bool adj = fr && !link && lower_word_at(c, q) && q > b && (tflags(c, q - 1) & CYB_TOK_CAP);
    if (!cap && !link && !adj) break;
    if (cap && role_word(c, q)) return 0; /* Chancellor (SPD): a title */
    ncap += cap;
    s = q;
  }
  /* a name opens on a capitalized word (not The) */
  while (s < k && (!(tflags(c, s) & CYB_TOK_CAP) || is_prep(c, s) || is_article(c, s) || en_connector(c, s))) s++;
  if (s == k || ncap == 0 || ncap > 6 || !(tflags(c, k - 1) & CYB_TOK_ALPHA) || is_prep(c, k - 1) ||
      is_article(c, k - 1) || en_connector(c, k - 1))
    return 0;
  /* a sentence's first word alone is capitalized by its place */
  if (s == b && ncap == 1 && is_common(c, s)) return 0;
  char letters[16];
  size_t m = acronym_letters(c, a, letters), used = 0;
  for (size_t q = s; q < k; q++) {
    if (!(tflags(c, q) & CYB_TOK_CAP)) continue;
    char first = c->nm->text[c->tt->tok[q].start];
    while (used < m && letters[used] != first && q > s) used++;
    if (used == m || letters[used] != first) return 0;
    used++;
  }
  /* no candidate (a person, a place, a date) inside the name, nor one the
   * rules already put on the acronym */
  for (size_t i = 0; i < c->cs->n; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if ((d->tb < k && d->te > s) || (i >= c->ndict && d->tb == a)) return 0;
  }
  return push_like(c, s, k, acr, id);
}

/* A long form several entries share (National Cyber Security Centre) is
 * the one entry among them whose own alias the acronym after it is
 * (NCSC-NZ): the acronym settles it, whatever the sentence's countries. */
static void settle_by_acronym(mctx *c, size_t lfi, size_t a) {
  cyb__cand *lf = &c->cs->c[lfi];
  const cyb__cand *d = dict_cand(c, a, a + 1, lf->label);
  /* a name a rule read ("Direction interministérielle au numérique (DINSIC)",
   * a form the dictionaries lack) is the one body they know by the acronym
   * when both start with the same letter */
  if (lf->source == CYB_SRC_PATTERN && lf->entry < 0 && lf->id < 0 && d && d->entry >= 0 &&
      same_first_letter(c, lf->tb, a)) {
    bool one = true; /* every reading of the acronym is that one entry */
    for (size_t i = 0; i < c->ndict && one; i++) {
      const cyb__cand *x = &c->cs->c[i];
      if (x->tb != a || x->te != a + 1 || x->label != lf->label) continue;
      for (uint32_t j = 0; j < x->nalt && one; j++) one = c->cs->alts[x->alt + j] == (uint32_t)d->entry;
    }
    if (one) lf->entry = d->entry;
    return;
  }
  if (lf->entry >= 0 || lf->nalt < 2 || !d || d->entry < 0) return;
  for (uint32_t j = 0; j < lf->nalt; j++)
    if (c->cs->alts[lf->alt + j] == (uint32_t)d->entry) {
      lf->entry = d->entry;
      lf->nalt = 1;
      lf->alt += j;
      return;
    }
}

/* "l'Agence nationale de la sécurité des systèmes d'information (ANSSI) du
 * Bénin": a country right after the acronym's parenthesis says whose body
 * the long form is; the acronym's reading of that country (Benin's ANSSI)
 * replaces the long form's own entry (France's) or its several ones, when
 * the dictionaries have one. The acronym and its later mentions follow the long form. */
static void settle_by_country_after(mctx *c, size_t lfi, size_t a) {
  cyb__cand *lf = &c->cs->c[lfi];
  size_t end = c->s->tok_end, q = a + 2;
  if (q >= end || !tis(c, a + 1, ")") || lf->source != CYB_SRC_DICT) return;
  int32_t own = lf->entry >= 0 ? lf->entry : lf->nalt == 1 ? (int32_t)c->cs->alts[lf->alt] : -1;
  const cyb__cand *acr = dict_cand(c, a, a + 1, lf->label);
  if (!acr || acr->nalt < 2) return;
  size_t p = q; /* du, de la, of the */
  while (p < end && p < q + 3 && (is_prep(c, p) || is_article(c, p))) p++;
  if (p == q || p >= end || !is_prep(c, q)) return;
  const char *code = NULL;
  for (size_t i = 0; i < c->ndict && !code; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->tb == p && d->label == CYBERNER_COUNTRY) code = cyb__cand_country(c->m, c->cs, d);
  }
  if (!code || (own >= 0 && cyb__country_in(cyb__gazetteer_entry(c->m->gaz, (uint32_t)own)->country, code))) return;
  for (uint32_t j = 0; j < acr->nalt; j++)
    if (cyb__country_in(cyb__gazetteer_entry(c->m->gaz, c->cs->alts[acr->alt + j])->country, code)) {
      lf->entry = (int32_t)c->cs->alts[acr->alt + j];
      lf->nalt = 1;
      lf->alt = acr->alt + j;
      return;
    }
}

/* Do two dictionary candidates share an entry they may mean? */
static bool share_entry(const mctx *c, const cyb__cand *x, const cyb__cand *y) {
  for (uint32_t i = 0; i < x->nalt; i++)
    for (uint32_t j = 0; j < y->nalt; j++)
      if (c->cs->alts[x->alt + i] == c->cs->alts[y->alt + j]) return true;
  return false;
}

/* Are the letters of the acronym at token a, in order, first letters of
 * words of candidate lf (Cyberspace, Digital, Policy: CDP)? Looser than
 * spells(): any word may be skipped, in any case ("and" in the CDP's name),
 * since it only keeps a known long form, it makes no new name. */
static bool initials_among(const mctx *c, const cyb__cand *lf, size_t a) {
  size_t n, used = 0;
  const char *t = ttext(c, a, &n);
  for (size_t q = lf->tb; q < lf->te && used < n; q++) {
    while (used < n && !(t[used] >= 'a' && t[used] <= 'z')) used++; /* CERT-FR's hyphen */
    if (used < n && c->nm->text[c->tt->tok[q].start] == t[used]) used++;
  }
  return used == n;
}

/* A dictionary NOT_ENTITY ending at token e that covers candidate d. */
static bool hidden_over(const mctx *c, const cyb__cand *d, size_t e) {
  const cyb__cand *ne = dict_cand(c, ANY_START, e, CYB_NOT_ENTITY);
  return ne && ne->tb <= d->tb;
}

/* "l'Accord économique et commercial global entre le Canada et l'Union
 * européenne (AECG)": a name the dictionaries hide (a treaty, a plan) ends
 * at the parenthesis k and holds candidate lf (the Union): the acronym is
 * the hidden thing's (rule 6), unless the dictionaries know it as lf's own. */
static bool thing_ends_over(const mctx *c, const cyb__cand *lf, size_t k, size_t a) {
  bool hid = false;
  for (size_t i = 0; i < c->ndict && !hid; i++) {
    const cyb__cand *d = &c->cs->c[i];
    hid = d->te == k && d->label == CYB_NOT_ENTITY && d->tb < lf->tb;
  }
  const cyb__cand *acr = hid ? dict_cand(c, a, a + 1, lf->label) : NULL;
  return hid && !(acr && share_entry(c, lf, acr));
}

/* Are the letters of the acronym at token a the initials of the capitalized
 * words of one of the names of lf's entry? A translated long form keeps the
 * acronym of the original name: "Bureau des opérations d'accès adaptées
 * (TAO)" is Tailored Access Operations. */
static bool initials_of_entry_name(const mctx *c, const cyb__cand *lf, size_t a) {
  char letters[16];
  size_t m = acronym_letters(c, a, letters);
  if (!m || lf->source != CYB_SRC_DICT || lf->entry < 0) return false;
  const cyb__entry *e = cyb__gazetteer_entry(c->m->gaz, (uint32_t)lf->entry);
  const char *names[] = {e->name, e->aliases};
  for (size_t i = 0; i < 2; i++) {
    size_t used = 0;
    bool ok = true; /* the name so far gives the acronym's first letters */
    for (const char *p = names[i]; p && *p; p++) {
      if (*p == '|') { /* the next name */
        if (ok && used == m) return true;
        used = 0, ok = true;
        continue;
      }
      bool starts = p == names[i] || p[-1] == ' ' || p[-1] == '-' || p[-1] == '|' || p[-1] == '=';
      if (!starts || *p < 'A' || *p > 'Z') continue;
      if (used < m && (*p | 0x20) == letters[used]) used++;
      else ok = false;
    }
    if (ok && used == m) return true;
  }
  return false;
}

/* Is candidate lf, a name that ends right before the parenthesis at token
 * k, the long form the acronym at token a abbreviates? Each test is a
 * reading where the name before the parenthesis is something else. */
static bool long_form_of(const mctx *c, const cyb__cand *lf, size_t k, size_t a) {
  if (!lf) return false;
  /* a one-word name before the parenthesis is rarely what the acronym
   * abbreviates ("... in Europe (OSCE)"): only when their first letters
   * agree and the dictionaries do not know the acronym */
  if (lf->te == lf->tb + 1 && (cand_at(c, a, -1) || !same_first_letter(c, lf->tb, a))) return false;
  /* a place is not abbreviated by a name the dictionaries know as
   * something else: a dateline's outlet, "KUWAIT CITY (BleepingComputer) -" */
  if (lf->label == CYBERNER_LOCATION && cand_at(c, a, -1) && !cand_at(c, a, CYBERNER_LOCATION)) return false;
  /* a body the dictionaries know before the acronym of another body of
   * its label they know, that does not even start with its letter, is
   * what that body's unit belongs to: "l'unité cyber de la gendarmerie
   * nationale (UNC)" (not one made of its words' letters: Bureau of
   * Cyberspace and Digital Policy (CDP); nor one in the body's own
   * language: National Intelligence Organization (MIT); nor the initials
   * of another of its names: Bureau des opérations d'accès adaptées (TAO)) */
  if (lf->source == CYB_SRC_DICT && lf->nalt && !same_first_letter(c, lf->tb, a) && !initials_among(c, lf, a) &&
      !initials_of_entry_name(c, lf, a)) {
    const cyb__cand *acr = dict_cand(c, a, a + 1, lf->label);
    if (acr && acr->nalt && !share_entry(c, lf, acr)) return false;
  }
  /* an event is not abbreviated by a body the dictionaries know: "Locked
   * Shields (NATO)" names who runs it */
  if (lf->label == CYBERNER_EVENT && !dict_cand(c, a, a + 1, CYBERNER_EVENT) &&
      (dict_cand(c, a, a + 1, CYBERNER_ORGANIZATION) || dict_cand(c, a, a + 1, CYBERNER_AGENCY)))
    return false;
  /* a body a rule reads inside a name the dictionaries hide (Cyber Norm
   * Initiative: "Initiative" is a body's tail) is not the long form: the
   * acronym is the hidden thing's (below) */
  if (thing_ends_over(c, lf, k, a)) return false;
  return lf->source == CYB_SRC_DICT || !hidden_over(c, lf, k);
}

/* "the initiative, known as the CNI": an acronym that an apposition gives,
 * whose letters are the initials of the last capitalized words of a name
 * the document hid (Dinard Declaration on the Cyber Norm Initiative), is
 * that thing's, not the body the dictionaries know by it (Spain's CNI);
 * remembered like an acronym in parentheses, it hides the later ones. */
static int hidden_acronyms(mctx *c) {
  if (!(c->any_bits & 1u << S_AKA)) return 0; /* each reading starts at one: dit, known as ... */
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k < end && c->doc->nhidden; k++) {
    size_t x = k + pm(c, S_AKA, k, end, NULL);
    if (x == k || x >= end) continue;
    if (x + 1 < end && (is_article(c, x) || tis(c, x, "the"))) x++;
    if (!acronym_token(c, x)) continue;
    size_t n;
    const char *t = ttext(c, x, &n);
    if (n < 3) continue;
    for (int i = c->doc->hidden_head[hidden_bucket(t, n)]; i >= 0; i = c->doc->hidden[i].next) {
      const cyb__docname *dn = &c->doc->hidden[i];
      if (dn->keylen < n || memcmp(dn->key + dn->keylen - n, t, n) != 0) continue;
      if (push_remembered(c, x, x + 1, dn, CYB_SRC_ACRONYM)) return CYBERNER_ENOMEM;
      break;
    }
  }
  return 0;
}

/* Is the part [p, q) of the normalized text written in capitals (each
 * letter; digits may be in it: G7)? */
static bool part_in_capitals(const mctx *c, uint32_t p, uint32_t q) {
  for (uint32_t i = p; i < q; i++) {
    char ch = c->nm->text[i];
    if (ch >= 'a' && ch <= 'z' && !c->nm->upper[i]) return false;
  }
  return true;
}

/* "le projet de collaboration UA-GFCE" after "l'Union africaine (UA)": a
 * part of a hyphenated pair of acronyms that the document defined is that
 * acronym's body (ACRONYM outranks the compound's reading of UA as
 * Ukraine's code); the other parts keep theirs. A part is an acronym only
 * in capitals (not the "Ua" of "GFCE-Ua"). */
static int acronym_parts(mctx *c, size_t k) {
  const cyb__token *t = &c->tt->tok[k];
  for (uint32_t p = t->start; p < t->end;) {
    uint32_t q = p;
    while (q < t->end && c->nm->text[q] != '-') q++;
    for (int i = part_in_capitals(c, p, q) ? c->doc->acr_head[bucket_before(c->nm->text + p, q - p, '-')] : -1; i >= 0;
         i = c->doc->acr[i].next) {
      const cyb__docname *dn = &c->doc->acr[i];
      if (dn->keylen != q - p || dn->label == CYB_NOT_ENTITY || memcmp(dn->key, c->nm->text + p, q - p) != 0) continue;
      if (push_remembered_at(c, p, q, k, k + 1, dn, CYB_SRC_ACRONYM)) return CYBERNER_ENOMEM;
      break;
    }
    p = q + 1;
  }
  return 0;
}

/* Is the word at token a (lower case, ASCII: titlecase_word) a whole word of
 * the name or an alias of lf's entry? "Jordan News Agency (Petra)": the
 * agency's other name, no acronym of its words. */
static bool word_of_entry_name(const mctx *c, const cyb__cand *lf, size_t a) {
  if (lf->source != CYB_SRC_DICT || lf->entry < 0) return false;
  const cyb__entry *e = cyb__gazetteer_entry(c->m->gaz, (uint32_t)lf->entry);
  size_t n;
  const char *w = ttext(c, a, &n);
  const char *names[] = {e->name, e->aliases};
  for (size_t i = 0; i < 2; i++)
    for (const char *p = names[i]; p && *p; p++) {
      bool starts = p == names[i] || !((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z');
      if (starts && strncasecmp(p, w, n) == 0 && !((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z')) return true;
    }
  return false;
}

static int acronyms(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  size_t ncand = c->cs->n;
  const cyb__token *tok = c->tt->tok; /* the tokens stay; a local spares the reloads */
  /* a reading needs a "(" or, after a comma, an acronym: capitals (UPPER2)
   * or a capital and a digit */
  bool may = (c->trig & TRIG_OPEN_PAREN) || (c->any_flags & (CYB_TOK_UPPER2 | CYB_TOK_DIGIT));
  for (size_t qi = 0; may && qi < c->ncparen && b + c->cparen[qi] + 2 < end; qi++) {
    /* both readings start at "," or "(" (listed in the sentence's pass) */
    size_t k = b + c->cparen[qi];
    /* "l'Alliance pour la confiance numérique, ACN, représentée par ...": an
     * acronym set off by commas right after a body whose words it spells is
     * that body's */
    if (k > b && tis(c, k, ",") && acronym_token(c, k + 1) &&
        (tis(c, k + 2, ",") || tis(c, k + 2, ")") || tis(c, k + 2, "."))) {
      const cyb__cand *lf = cand_span(c, 0, k, true);
      if (lf && lf->te - lf->tb >= 2 && (lf->label == CYBERNER_AGENCY || lf->label == CYBERNER_ORGANIZATION) &&
          initials_start(c, k, k + 1) == lf->tb) {
        char low[64];
        size_t n;
        const char *t = ttext(c, k + 1, &n);
        copy_str(low, 61, t, n);
        if (push_like(c, k + 1, k + 2, lf, low)) return CYBERNER_ENOMEM;
      }
      continue;
    }
    if (!tis(c, k, "(")) continue;
    size_t a = k + 1;
    /* a title-case acronym only when the words before it spell it all:
     * l'Opérateur des systèmes d'information interministériels classifiés
     * (Osiic); not (Paris), (Reuters) */
    /* ... or another name of the known body before it: Jordan News Agency
     * (Petra) */
    if (!acronym_token(c, a) &&
        !(titlecase_word(c, a) && k > b && a + 1 < end && tis(c, a + 1, ")") &&
          (initials_start(c, k, a) != SIZE_MAX || (!cand_at(c, a, -1) && cand_span(c, 0, k, true) &&
                                                  word_of_entry_name(c, cand_span(c, 0, k, true), a)))))
      continue;
    char low[64];
    size_t n;
    const char *t = ttext(c, a, &n);
    copy_str(low, 61, t, n);
    for (char *p = low; *p; p++)
      if (*p == '/' || *p == '.' || *p == '&') *p = '-';
    /* Long Form (ACR) / Long Form (ACR - Forme longue) */
    const cyb__cand *lf = k > b ? cand_span(c, 0, k, true) : NULL;
    if (!long_form_of(c, lf, k, a)) lf = NULL;
    if (lf && lf->tb < k) {
      settle_by_acronym(c, (size_t)(lf - c->cs->c), a);
      settle_by_country_after(c, (size_t)(lf - c->cs->c), a);
      if (push_like(c, a, a + 1, lf, low)) return CYBERNER_ENOMEM;
      lf = &c->cs->c[c->cs->n - 1];
      if (a + 2 < end && tis(c, a + 1, "-")) { /* the other language's long form, up to ')' */
        size_t e = a + 2;
        while (e < end && !tis(c, e, ")") && e - a < 24) e++;
        /* a trailing "du Japon" qualifies the body and is tagged on its own */
        for (size_t q = a + 3; q < e; q++)
          if (is_place_at(c, q) && is_prep(c, q - 1)) {
            size_t cut = q - 1;
            while (cut > a + 2 && (is_prep(c, cut - 1) || is_article(c, cut - 1))) cut--;
            e = cut;
            break;
          }
        if (e < end && e > a + 2) {
          cyb__cand tmp = *lf;
          tmp.source = CYB_SRC_ACRONYM;
          if (push_like(c, a + 2, e, &tmp, low)) return CYBERNER_ENOMEM;
        }
      }
      continue;
    }
    /* the acronym of a plan, a law or a system (National Health Information
     * System (NHIS)) is not a name either */
    const cyb__cand *ne = k > b && a + 1 < end && tis(c, a + 1, ")") ? dict_cand(c, ANY_START, k, CYB_NOT_ENTITY) : NULL;
    if (ne) {
      if (push_like(c, a, a + 1, ne, low)) return CYBERNER_ENOMEM;
      continue;
    }
    /* one it knows, after the description of a legal text, is the text's */
    if (!lf && k > b && a + 1 < end && tis(c, a + 1, ")") && cand_at(c, a, -1) && text_described_before(c, k)) {
      if (push_thing(c, a, a + 1, low)) return CYBERNER_ENOMEM;
      continue;
    }
    /* an acronym the dictionaries know (RPDC) keeps its own meaning */
    if (k > b && a + 1 < end && tis(c, a + 1, ")") && !cand_at(c, a, -1) && acronym_from_initials(c, k, a, low))
      return CYBERNER_ENOMEM;
    /* one it knows, after the capitalized name of a thing, is that thing's */
    if (!lf && k > b && a + 1 < end && tis(c, a + 1, ")") && cand_at(c, a, -1) && !cand_span(c, 0, k, true) &&
        acronym_of_thing(c, k, a, low))
      return CYBERNER_ENOMEM;
    /* a body described in lower case before an acronym the dictionaries
     * know is that body: "le service de renseignement intérieur (BIS)" */
    if (k > b && a + 1 < end && tis(c, a + 1, ")") && description_before(c, k, a, low)) return CYBERNER_ENOMEM;
    if (!lf && k > b && a + 1 < end && tis(c, a + 1, ")") && long_form_of_known(c, k, a, low)) return CYBERNER_ENOMEM;
    /* ACR (Long Form) */
    if (k > b && acronym_token(c, k - 1)) {
      const cyb__cand *inner = cand_span(c, k + 1, end, false);
      if (inner && inner->te < end && tis(c, inner->te, ")") && inner->te - inner->tb >= 2) {
        size_t nn;
        const char *tt2 = ttext(c, k - 1, &nn);
        copy_str(low, 61, tt2, nn);
        if (push_like(c, k - 1, k, inner, low)) return CYBERNER_ENOMEM;
      }
    }
  }
  CYB_UNUSED(ncand);
  /* acronyms defined earlier in the document */
  for (size_t ci = 0; ci < (c->doc->nacr ? c->ncaps : 0); ci++) { /* (the list only grows) */
    size_t k = b + c->caps[ci]; /* an acronym, or a word in title case */
    /* a word without a hyphen finds nothing when its bucket is empty (the
     * hyphen's one may still be acronym_parts below) */
    if (!(tok[k].flags & CYB_TOK_HYPHEN) && c->doc->acr_head[cyb__doc_name_bucket(tok[k].hash)] < 0) continue;
    bool titlecase = !acronym_token(c, k);
    if (titlecase && !titlecase_word(c, k)) continue;
    size_t n;
    const char *t = ttext(c, k, &n);
    const cyb__docname *hit = NULL, *prefix = NULL;
    /* only a word with an inner hyphen has one: the others' bucket is their hash's */
    size_t bucket = (tflags(c, k) & CYB_TOK_HYPHEN) ? bucket_before(t, n, '-')
                                                     : cyb__doc_name_bucket(c->tt->tok[k].hash);
    for (int i = c->doc->acr_head[bucket]; i >= 0 && !hit; i = c->doc->acr[i].next) {
      const cyb__docname *dn = &c->doc->acr[i];
      if (dn->keylen == n && memcmp(dn->key, t, n) == 0) hit = dn;
      /* its short form: OPT for OPT-NC, defined earlier */
      else if (!prefix && n >= 2 && dn->keylen > n + 1 && dn->key[n] == '-' && memcmp(dn->key, t, n) == 0) prefix = dn;
    }
    if (!hit && prefix && !cand_at(c, k, -1)) hit = prefix;
    /* the title-case form of one defined earlier (l'Osiic), whole and no
     * common word (Lead for LEAD) */
    if (titlecase && hit && (hit == prefix || is_common(c, k))) hit = NULL;
    /* an acronym defined as a thing, defined anew after a name: The Cyber
     * Security Agency (CSA) */
    if (hit && hit->label == CYB_NOT_ENTITY && k > b + 1 && tis(c, k - 1, "(") && cand_span(c, 0, k - 1, true))
      hit = NULL;
    if (hit && push_remembered(c, k, k + 1, hit, CYB_SRC_ACRONYM)) return CYBERNER_ENOMEM;
    if (!hit && (tflags(c, k) & CYB_TOK_HYPHEN) && acronym_parts(c, k)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "its own Computer Emergency Response Team (CERT Vanuatu)", "New Zealand's
 * Computer Emergency Response Team, CERT NZ,", "le CERT gouvernemental
 * (GOVCERT.LU)": a generic body's name the rules found (no entry, no id)
 * right before a known body's name in parentheses or in apposition is that
 * body's long form, when its initials spell the name's first word (CERT);
 * before a parenthesis also a capitalized acronym and one or two lower-case
 * words when the name contains the acronym (CERT in GOVCERT.LU). The long
 * form takes the name's label and id. */
static const cyb__cand *named_body_at(const mctx *c, size_t k) {
  const cyb__cand *best = NULL;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->tb != k || (d->label != CYBERNER_AGENCY && d->label != CYBERNER_ORGANIZATION) || d->source != CYB_SRC_DICT ||
        d->entry < 0)
      continue;
    if (!best || d->te > best->te) best = d;
  }
  return best;
}

static bool word_contains(const mctx *c, size_t k, const cyb__cand *n) {
  size_t wl, nl = c->tt->tok[n->te - 1].end - c->tt->tok[n->tb].start;
  const char *w = ttext(c, k, &wl), *t = c->nm->text + c->tt->tok[n->tb].start;
  for (size_t i = 0; wl >= 3 && i + wl <= nl; i++)
    if (memcmp(t + i, w, wl) == 0) return true;
  return false;
}

static int long_form_of_name(mctx *c) {
  /* the name after the long form is a body the dictionaries know */
  if (!(c->any_starts & (1u << CYBERNER_AGENCY | 1u << CYBERNER_ORGANIZATION))) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t qi = 0; qi < c->ncparen && b + c->cparen[qi] + 2 < end; qi++) { /* at "," and "(" */
    size_t k = b + c->cparen[qi];
    if (k == b) continue;
    bool paren = punct_is(c, k, '(');
    if (!cand_at(c, k + 1, CYBERNER_AGENCY) && !cand_at(c, k + 1, CYBERNER_ORGANIZATION)) continue;
    const cyb__cand *n = named_body_at(c, k + 1);
    if (!n || n->te >= end || !(paren ? tis(c, n->te, ")") : tis(c, n->te, ",") || tis(c, n->te, "."))) continue;
    size_t s = initials_start(c, k, k + 1);
    if (s != SIZE_MAX) {
      const cyb__cand *lf = cand_span(c, 0, k, true);
      if (!lf || lf->tb != s || lf->entry >= 0 || lf->id >= 0 || lf->nalt ||
          (lf->label != CYBERNER_AGENCY && lf->label != CYBERNER_ORGANIZATION))
        continue;
    } else {
      if (!paren) continue;
      for (s = k - 1; s > b && k - s <= 2 && !(tflags(c, s) & CYB_TOK_CAP) && (tflags(c, s) & CYB_TOK_ALPHA); s--) {}
      if (s == k - 1 || !(tflags(c, s) & CYB_TOK_ALLCAPS) || cand_at(c, s, -1) || !word_contains(c, s, n)) continue;
    }
    if (push_like(c, s, k, n, NULL)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "la section ... du parquet de Paris, dite J3", "the Office, known as
 * OPX": a short capitalized or alphanumeric name after dit(e)/surnommé(e)/
 * known as/dubbed, right after a body, is another name of that body (same
 * label and id, remembered like an acronym defined in parentheses). A name
 * the dictionaries know keeps its own reading. After a law's word (la
 * directive européenne dite NIS, the law known as X), maybe with lower-case
 * adjectives between, the name is the law's, which is not tagged (a
 * NOT_ENTITY from the law's word on hides it, whatever the dictionaries
 * say of the name: NIS is also an intelligence service). */
static size_t law_before(const mctx *c, size_t k) {
  size_t b = c->s->tok_begin;
  for (size_t q = k; q > b && k - q < 4; q--) {
    if (marked(c, q - 1, q, MARK_LAW)) return q;
    if ((tflags(c, q - 1) & CYB_TOK_CAP) || (!(tflags(c, q - 1) & CYB_TOK_ALPHA) && !tis(c, q - 1, ","))) break;
  }
  return 0;
}

/* "Regulation (EU) 2021/887", "Directive (EU) 2022/2555", "règlement (UE)
 * n° 2019/881": the union in parentheses between a law's word and the act's
 * number is part of the act's name, not the EU as a body. A NOT_ENTITY from
 * the law's word to the number hides it; the number is required, since a
 * bare "directive (EU)" may well name the body. */
static bool eu_mark(const mctx *c, size_t k) {
  return ktrig(c, k) & TRIG_EU;
}

static int eu_act_number(mctx *c) {
  if (!(c->trig & TRIG_EU)) return 0;
  size_t end = c->s->tok_end;
  for (size_t k = c->s->tok_begin; k + 4 < end; k++) {
    if (!punct_is(c, k + 1, '(') || !eu_mark(c, k + 2) || !tis(c, k + 3, ")") || !marked(c, k, k + 1, MARK_LAW)) continue;
    size_t x = k + 4;
    while (x < end && x < k + 7 && !(tflags(c, x) & CYB_TOK_NUMBER) &&
           (tis(c, x, "n") || tis(c, x, "no") || tis(c, x, "nr") || tis(c, x, "°") || tis(c, x, "n°") || tis(c, x, ".")))
      x++;
    if (x >= end || !(tflags(c, x) & CYB_TOK_NUMBER)) continue;
    if (push_body(c, k, x + 1, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "the Israel-U.S. Binational Industrial Research and Development (BIRD)
 * Homeland Security program": capitalized words, with their inner and/of/
 * for, hyphens and parenthesized acronym, right before a lower-case
 * program(me) name a programme (ENTITIES.md rule 6), which hides the
 * countries and bodies in it. English only (French puts programme first);
 * three capitalized words at least, so that "the Israel program" or "a
 * NATO programme" keep their name. */
static bool programme_word(const mctx *c, size_t k) {
  return (ktrig(c, k) & TRIG_PROGRAMME) && !(tflags(c, k) & CYB_TOK_CAP);
}

static int programme_names(mctx *c) {
  if (!(c->trig & TRIG_PROGRAMME)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 3; k < end; k++) {
    if (!programme_word(c, k)) continue;
    size_t s = k;
    for (; s > b; s--) {
      size_t q = s - 1;
      uint16_t f = tflags(c, q);
      bool link = (tis(c, q, "and") || tis(c, q, "of") || tis(c, q, "for") || tis(c, q, "&")) && s < k;
      if (!((f & CYB_TOK_CAP) && (f & CYB_TOK_ALPHA)) && !link && !tis(c, q, "-") && !tis(c, q, "(") && !tis(c, q, ")"))
        break;
    }
    /* not a leading article (The Rewards for Justice program), and/of, hyphen or parenthesis */
    while (s < k && (!(tflags(c, s) & CYB_TOK_CAP) || is_article(c, s) || tis(c, s, "the"))) s++;
    size_t caps = 0;
    for (size_t q = s; q < k; q++) caps += (tflags(c, q) & CYB_TOK_CAP) && (tflags(c, q) & CYB_TOK_ALPHA);
    /* one name the dictionaries know: that body's programme (the Japan
     * International Cooperation Agency program) */
    if (caps < 3 || dict_end_at(c, s, -1) == k) continue;
    if (push_body(c, s, k + 1, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "the Austrian Cyber Security Strategy", "the Ghana Card", "the Ghana
 * Digital Acceleration Project": a run of capitalized words that opens with
 * a country or a nationality and ends with a capitalized plan word
 * (strategy, project, programme, plan, card; trigger words) names a plan or
 * a programme, which hides the country in it (ENTITIES.md rule 6). Not a
 * body's or a company's name with the word after it (the American Express
 * Card is the company's). */
static bool plan_word(const mctx *c, size_t k) {
  const cyb__token *t = &c->tt->tok[k];
  return (t->flags & CYB_TOK_CAP) && t->vid < c->r->nvid && (c->r->vid_trig[t->vid] & TRIG_PLAN);
}

static int plan_names(mctx *c) {
  if (!(c->trig & TRIG_PLAN) || c->s->titlecase) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k < end; k++) {
    if (!plan_word(c, k) || (k + 1 < end && (tflags(c, k + 1) & CYB_TOK_CAP) && (tflags(c, k + 1) & CYB_TOK_ALPHA)))
      continue;
    size_t s = k;
    while (s > b && k - s < 6 && (tflags(c, s - 1) & CYB_TOK_CAP) && (tflags(c, s - 1) & CYB_TOK_ALPHA)) s--;
    while (s < k && !is_place_at(c, s)) s++; /* the country may follow a capitalized article: The */
    if (s == k || dict_end_at(c, s, CYBERNER_ORGANIZATION) == k || dict_end_at(c, s, CYBERNER_AGENCY) == k) continue;
    if (push_body(c, s, k + 1, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* A word for a group of people: group, gang, groupe. */
static bool group_word(const mctx *c, size_t k) {
  return tis(c, k, "group") || tis(c, k, "gang") || tis(c, k, "groupe");
}

/* A word for a group (the gang, le groupe) right before token be, whose
 * other name the apposition gives: the document's last threat actor. */
static bool group_word_before(const mctx *c, size_t be) {
  if (be < c->s->tok_begin + 2 || !(is_article(c, be - 2) || tis(c, be - 2, "the"))) return false;
  return group_word(c, be - 1) || tis(c, be - 1, "crew");
}

/* The threat actor named last before token k in the sentence, NULL when none. */
static const cyb__cand *actor_before(const mctx *c, size_t k) {
  const cyb__cand *best = NULL;
  for (size_t i = 0; i < c->cs->n; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label == CYBERNER_THREAT_ACTOR && d->te <= k && d->tb >= c->s->tok_begin && (!best || d->te > best->te))
      best = d;
  }
  return best;
}

static int appositions(mctx *c) {
  if (!(c->any_bits & 1u << S_AKA)) return 0; /* no dite, known as ... */
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k < end; k++) {
    uint32_t kind = 0;
    size_t x = k + pm(c, S_AKA, k, end, &kind);
    if (x == k || x >= end || (tflags(c, k) & CYB_TOK_CAP)) continue;
    size_t e = x;
    while (e < end && e - x < 3 && (tflags(c, e) & CYB_TOK_CAP) && (tflags(c, e) & CYB_TOK_ALPHA) &&
           !(tflags(c, e) & CYB_TOK_ELISION))
      e++;
    /* the name ends the apposition: a comma, a full stop, a parenthesis */
    if (e == x || (e < end && !tis(c, e, ",") && !tis(c, e, ".") && !tis(c, e, ")") && !tis(c, e, ";") &&
                   kind != AKA_FORMER))
      continue;
    size_t be = tis(c, k - 1, ",") || tis(c, k - 1, "(") ? k - 1 : k;
    /* "la directive européenne dite NIS": a known acronym a legal text is
     * called by is the text's, not the body's the dictionaries know */
    char low[64];
    size_t n;
    const char *t = ttext(c, x, &n);
    copy_str(low, 61, t, n);
    if (e == x + 1 && cand_at(c, x, -1) && text_described_before(c, be)) {
      if (push_thing(c, x, e, low)) return CYBERNER_ENOMEM;
      continue;
    }
    /* any other short name after a law's word is the law's too */
    size_t lw = law_before(c, k);
    if (lw) {
      if (push_body(c, lw - 1, e, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
      continue;
    }
    /* a person's other name (Jean Dupont, alias Le Chacal) is no body's,
     * though a company be named like the person (Dupont) */
    if (dict_cand(c, ANY_START, be, CYBERNER_PERSON)) continue;
    const cyb__cand *body = be > b ? cand_span(c, 0, be, true) : NULL;
    /* "under the name Agenda": the group named before in the sentence; "the
     * gang, also known as Agenda": that group, else the document's last one */
    cyb__cand last = {.label = CYBERNER_THREAT_ACTOR, .entry = c->doc->last_actor, .id = -1};
    if (kind == AKA_FORMER) body = actor_before(c, k);
    else if (!body && group_word_before(c, be) && !(body = actor_before(c, be)) && last.entry >= 0) body = &last;
    /* a group's other name is the same group's (Qilin, also known as Agenda) */
    if (!body || (body->label != CYBERNER_AGENCY && body->label != CYBERNER_ORGANIZATION &&
                  body->label != CYBERNER_EVENT && body->label != CYBERNER_THREAT_ACTOR))
      continue;
    /* "L'Office, dit Jean Martin, ..." is who speaks */
    bool known = first_name(c, x);
    for (size_t q = x; q < e && !known; q++) known = cand_at(c, q, -1) || covered(c, q);
    if (known) continue;
    if (push_like(c, x, e, body, low)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- media ----------------------------------------------------------------- */

/* "state broadcaster CCTV", "la chaîne publique RTBF", "the daily NRC": an
 * all-capitals word right after a media noun (bodies.txt, place media;
 * one lower-case adjective may come between) names the outlet, an
 * ORGANIZATION, though alone it may be a common noun (CCTV cameras). It is
 * linked to the ORGANIZATION whose id or name's initials it spell (China
 * Central Television), else to the one company whose plain name starts
 * with it (RIA: RIA Novosti). A word the dictionaries know keeps their
 * reading, unless it is only a state body's acronym: "the news agency RIA"
 * and "the RIA news agency" (a media noun of more than a day's paper right
 * after it) are the outlet, not Estonia's RIA. A capitalized word after it
 * makes a longer name, left alone. */
/* The one company of the dictionaries whose plain name starts with the word
 * at j (firm_of), entry + 1; 0 when none or several. */
static uint32_t firm_of_word(const mctx *c, size_t j) {
  size_t n;
  const char *t = ttext(c, j, &n);
  uint32_t v = ps_find(&c->r->firm_of, t, n);
  return v == UINT32_MAX ? 0 : v;
}

static bool only_agency_at(const mctx *c, size_t x) {
  bool agency = false;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->tb > x || d->te <= x) continue;
    if (d->tb != x || d->te != x + 1 || d->label != CYBERNER_AGENCY) return false;
    agency = true;
  }
  return agency;
}

/* A media noun right after token x that names an outlet by the word before
 * it ("the RIA news agency"), not a paper's day or a channel's number. */
static size_t media_noun_after(const mctx *c, size_t x, uint32_t *lab) {
  size_t end = c->s->tok_end;
  if (x + 1 >= end || (tflags(c, x + 1) & CYB_TOK_CAP)) return 0;
  size_t m = pm(c, S_MEDIA, x + 1, end, lab);
  if (!m || tis(c, x + 1, "daily") || tis(c, x + 1, "channel") || tis(c, x + 1, "journal") || tis(c, x + 1, "forum"))
    return 0;
  return m;
}

static int push_outlet(mctx *c, size_t x, uint32_t lab, bool over_agency) {
  size_t n;
  const char *t = ttext(c, x, &n);
  cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[x].start, c->tt->tok[x].end, (uint32_t)x, (uint32_t)x + 1,
                                (int)lab - 1, CYB_SRC_PATTERN, 0.8f);
  if (!d) return CYBERNER_ENOMEM;
  d->rank = over_agency ? CYB_RANK_CONTEXT : 5;
  uint32_t v = ps_find(&c->r->abbrev, t, n);
  if (!(v && v != UINT32_MAX) && over_agency) v = firm_of_word(c, x);
  if (v && v != UINT32_MAX && cyb__gazetteer_entry(c->m->gaz, v - 1)->label == d->label) d->entry = (int32_t)(v - 1);
  return 0;
}

static bool outlet_word(const mctx *c, size_t x) {
  uint16_t f = tflags(c, x);
  return (f & CYB_TOK_ALLCAPS) && !(f & (CYB_TOK_DIGIT | CYB_TOK_DOTTED | CYB_TOK_HYPHEN | CYB_TOK_SLASH)) &&
         c->tt->tok[x].end - c->tt->tok[x].start <= 8;
}

static int media_names(mctx *c) {
  if (!(c->any_bits & 1u << S_MEDIA)) return 0;
  size_t end = c->s->tok_end;
  for (size_t k = c->s->tok_begin; k < end; k++) {
    uint32_t lab = 0;
    /* "the RIA news agency" */
    if (outlet_word(c, k) && only_agency_at(c, k) && media_noun_after(c, k, &lab)) {
      if (push_outlet(c, k, lab, true)) return CYBERNER_ENOMEM;
      continue;
    }
    size_t x = k + pm(c, S_MEDIA, k, end, &lab);
    if (x == k || (tflags(c, k) & CYB_TOK_CAP)) continue;
    /* "la chaîne publique RTBF": a French adjective after the noun */
    if (x + 1 < end && c->s->lang == CYBERNER_LANG_FR && (tflags(c, x + 1) & CYB_TOK_ALLCAPS) && is_adjective(c, x)) x++;
    if (x >= end || !outlet_word(c, x)) continue;
    bool over_agency = cand_at(c, x, -1);
    if (over_agency ? !only_agency_at(c, x) : covered(c, x)) continue;
    if (x + 1 < end && (tflags(c, x + 1) & CYB_TOK_CAP) && (tflags(c, x + 1) & CYB_TOK_ALPHA)) continue;
    if (push_outlet(c, x, lab, over_agency)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* The ORGANIZATION of the dictionaries whose own name is the title written
 * over tokens [x, e) and a note in parentheses ("La Nation (journal)"),
 * -1 when none. Run only on a paper's title after a media noun (rare): a
 * plain scan of the entries. */
static int32_t paper_named(const mctx *c, size_t x, size_t e) {
  const char *w = c->src + c->nm->map[c->tt->tok[x].start];
  size_t n = cyb__norm_src_end(c->nm, c->src, c->srclen, c->tt->tok[e - 1].end) - c->nm->map[c->tt->tok[x].start];
  for (size_t i = 0, m = cyb__gazetteer_size(c->m->gaz); i < m; i++) {
    const cyb__entry *en = cyb__gazetteer_entry(c->m->gaz, (uint32_t)i);
    if (en->label == CYBERNER_ORGANIZATION && !en->dead && strncmp(en->name, w, n) == 0 &&
        (en->name[n] == '\0' || (en->name[n] == ' ' && en->name[n + 1] == '(')))
      return (int32_t)i;
  }
  return -1;
}

/* "le quotidien La Nation", "the daily La Voie": after a media noun in
 * lower case (bodies.txt, place media), a capitalized French article opens
 * a paper's title, and the title keeps it (it is part of the name; the
 * golds leave out an English The: l'hebdomadaire The Economist): the
 * article and one to three capitalized words are an ORGANIZATION, linked to
 * the dictionaries' paper of that name. Not when a name of two words or
 * more is read there already (le quotidien La Croix), nor before another
 * capitalized word. */
static int titled_papers(mctx *c) {
  if (!(c->any_bits & 1u << S_MEDIA)) return 0;
  size_t end = c->s->tok_end;
  for (size_t k = c->s->tok_begin; k < end; k++) {
    uint32_t lab = 0;
    size_t x = k + pm(c, S_MEDIA, k, end, &lab);
    if (x == k || x + 1 >= end || (tflags(c, k) & CYB_TOK_CAP) || !(tflags(c, x) & CYB_TOK_CAP) ||
        !is_article(c, x))
      continue;
    size_t e = x + 1;
    while (e < end && e < x + 4 && (tflags(c, e) & CYB_TOK_CAP) && (tflags(c, e) & CYB_TOK_ALPHA) && !is_article(c, e))
      e++;
    if (e == x + 1 || (e < end && (tflags(c, e) & CYB_TOK_CAP) && (tflags(c, e) & CYB_TOK_ALPHA))) continue;
    bool taken = false;
    for (size_t i = 0; i < c->cs->n && !taken; i++) {
      const cyb__cand *d = &c->cs->c[i];
      taken = d->tb < e && d->te > x && d->te - d->tb > 1 && d->label != CYB_NOT_ENTITY;
    }
    if (taken) continue;
    cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[x].start, c->tt->tok[e - 1].end, (uint32_t)x, (uint32_t)e,
                                  CYBERNER_ORGANIZATION, CYB_SRC_PATTERN, 0.8f);
    if (!d) return CYBERNER_ENOMEM;
    d->rank = CYB_RANK_CONTEXT;
    d->entry = paper_named(c, x, e);
    char id[64];
    size_t w = d->entry < 0 ? kebab_id(c, x, e, SIZE_MAX, 0, id, sizeof id) : 0;
    if (w && (d->id = cyb__cand_string(c->cs, id, w)) < 0) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "son fournisseur Spark", "le cabinet de géomatique Pasco", "the firm
 * Acme": a company noun in lower case (trigger words), maybe with its
 * qualifier (de géomatique, of software), right before one to three
 * capitalized words no dictionary knows names a company (the golds tag an
 * ORGANIZATION after such a noun every time). Not a role, a never-name
 * word, a known first name (a person), nor words before another capitalized
 * one (the company Chairman John Smith); the English cabinet is a
 * government's. */
static bool company_noun(const mctx *c, size_t k) {
  const cyb__token *t = &c->tt->tok[k];
  if (!(t->vid < c->r->nvid && (c->r->vid_trig[t->vid] & TRIG_COMPANY))) return false;
  /* the acronyms NGO and ONG are written in capitals */
  if (t->flags & CYB_TOK_CAP) return (t->flags & CYB_TOK_ALLCAPS) && (tis(c, k, "ngo") || tis(c, k, "ong"));
  /* a think tank; the French parti is a party, the English one a side;
   * the French site and média are a news site and an outlet (le site
   * Zataz), the English ones a place and the press */
  if (tis(c, k, "tank")) return k > c->s->tok_begin && tis(c, k - 1, "think");
  if (tis(c, k, "parti") || tis(c, k, "site") || tis(c, k, "media")) return c->s->lang == CYBERNER_LANG_FR;
  return true;
}

/* A government's cabinet, not a firm: the English one always; the French
 * one alone or after de (le directeur de cabinet Ravanel), a firm only with
 * its trade after it (le cabinet de géomatique Pasco). */
static bool ministers_cabinet(const mctx *c, size_t k, bool qualified) {
  if (!tis(c, k, "cabinet")) return false;
  /* a firm's nationality (du cabinet américain Kentik): no government's */
  if (qualified && k + 1 < c->s->tok_end && cand_at(c, k + 1, CYBERNER_NATIONALITY)) return false;
  if (c->s->lang != CYBERNER_LANG_FR || !qualified) return true;
  return k > c->s->tok_begin && (tis(c, k - 1, "de") || tis(c, k - 1, "du") || tis(c, k - 1, "d'"));
}


static bool unknown_name_word(const mctx *c, size_t k) {
  return unclaimed_name(c, k) && !(tflags(c, k) & CYB_TOK_SENT_START) && c->tt->tok[k].end - c->tt->tok[k].start >= 2 &&
         !first_name(c, k) && !pm(c, S_TITLES, k, k + 1, NULL);
}

/* The company found by company_names: one word is the one company of the
 * dictionaries whose name starts with it (Spark: Spark New Zealand); else
 * its id is the name in ASCII kebab case, as the gazetteer spells ids. */
static int push_firm(mctx *c, size_t j, size_t e) {
  uint32_t v = e == j + 1 ? firm_of_word(c, j) : 0;
  cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[j].start, c->tt->tok[e - 1].end, (uint32_t)j, (uint32_t)e,
                                CYBERNER_ORGANIZATION, CYB_SRC_PATTERN, 0.7f);
  if (!d) return CYBERNER_ENOMEM;
  if (v) {
    d->entry = (int32_t)(v - 1);
    return 0;
  }
  char id[64];
  size_t w = kebab_id(c, j, e, SIZE_MAX, 0, id, sizeof id);
  return w && (d->id = cyb__cand_string(c->cs, id, w)) < 0 ? CYBERNER_ENOMEM : 0;
}

/* A capital inside a word not in capitals: a brand's shape (DeepSeek, QiAnXin). */
static bool inner_capital(const mctx *c, size_t k) {
  const cyb__token *t = &c->tt->tok[k];
  if (t->flags & CYB_TOK_ALLCAPS) return false;
  for (uint32_t i = t->start + 1; i < t->end; i++)
    if (c->nm->upper[i]) return true;
  return false;
}

/* "l'assistant du chinois DeepSeek", "du chinois QiAnXin": in French a
 * nationality adjective in lower case right after du/le/la/l', standing
 * for the company it qualifies (le groupe chinois), then one capitalized
 * word that no dictionary knows as a name, that is no common word, and
 * that is written as a brand (a capital inside: DeepSeek) or starts the
 * name of one company of the dictionaries, names that company, as the
 * annotated sets write it (extra96, extra124). A person is written so too
 * (le finlandais Tomi Kallio, le brésilien Robinho): two words, or one
 * without a brand's shape, are left alone. */
static int firms_after_nationality(mctx *c) {
  if (!(c->any_starts & 1u << CYBERNER_NATIONALITY)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k + 1 < end; k++) {
    if (!cand_at(c, k, CYBERNER_NATIONALITY) || (tflags(c, k) & CYB_TOK_CAP) ||
        dict_end_at(c, k, CYBERNER_NATIONALITY) != k + 1)
      continue;
    if (!tis(c, k - 1, "du") && !tis(c, k - 1, "le") && !tis(c, k - 1, "la") && !tis(c, k - 1, "l'")) continue;
    size_t j = k + 1;
    if (!unknown_name_word(c, j) || (j + 1 < end && (tflags(c, j + 1) & CYB_TOK_CAP)) || is_common(c, j)) continue;
    if (!firm_of_word(c, j) && !inner_capital(c, j)) continue;
    if (push_firm(c, j, j + 1)) return CYBERNER_ENOMEM;
  }
  return 0;
}

static int company_names(mctx *c) {
  if (!(c->trig & TRIG_COMPANY)) return 0;
  size_t end = c->s->tok_end;
  for (size_t k = c->s->tok_begin; k + 1 < end; k++) {
    if (!company_noun(c, k)) continue;
    size_t j = k + 1;
    /* its nationality first: l'éditeur américain SolarWinds */
    if (j + 1 < end && !(tflags(c, j) & CYB_TOK_CAP) && cand_at(c, j, CYBERNER_NATIONALITY) &&
        dict_end_at(c, j, CYBERNER_NATIONALITY) == j + 1)
      j++;
    if (j + 2 < end && (tis(c, j, "de") || tis(c, j, "d'") || tis(c, j, "of")) &&
        (tflags(c, j + 1) & (CYB_TOK_ALPHA | CYB_TOK_CAP)) == CYB_TOK_ALPHA && !is_article(c, j + 1) &&
        !tis(c, j + 1, "the"))
      j += 2;
    if (ministers_cabinet(c, k, j > k + 1) || !unknown_name_word(c, j)) continue;
    size_t e = j + 1;
    while (e < end && e < j + 3 && unknown_name_word(c, e)) e++;
    /* the name ends there: not "the company Chairman John Smith" */
    if (e < end && (tflags(c, e) & CYB_TOK_CAP) && (tflags(c, e) & CYB_TOK_ALPHA)) continue;
    /* one common word is the noun's complement (le fournisseur d'accès
     * Internet), unless it starts a company's name (son fournisseur Spark) */
    if (e == j + 1 && !firm_of_word(c, j) && is_common(c, j)) continue;
    if (push_firm(c, j, e)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* The start of one to three capitalized words no dictionary knows that end
 * right before token k, k when there are none: not the end of a longer
 * capitalized run, not one common word alone (the Green party). The run may
 * open the sentence when opens_sentence (its first word then no given name
 * and no common word: Quorvex, an American firm); else it may follow the
 * sentence's opening "The" (The Zornak party), and nothing else there. */
static size_t unknown_name_before(const mctx *c, size_t k, bool opens_sentence) {
  size_t b = c->s->tok_begin, j = k;
  while (j > b && j + 3 > k &&
         (unknown_name_word(c, j - 1) || (opens_sentence && j - 1 == b && unclaimed_name(c, j - 1) &&
                                          !first_name(c, j - 1) && !is_common(c, j - 1))))
    j--;
  bool after_the = !opens_sentence && j == b + 1 && tis(c, b, "the");
  if (j == k || (j > b && (tflags(c, j - 1) & CYB_TOK_CAP) && (tflags(c, j - 1) & CYB_TOK_ALPHA) && !after_the))
    return k;
  return j + 1 == k && is_common(c, j) ? k : j;
}

/* Token k ends like a word for the people of a place (Bernese, Bavarian,
 * Cornish): an adjective, not a firm's name, before company or firm. */
static bool demonym_shape(const mctx *c, size_t k) {
  static const char *const ENDS[] = {"ese", "ian", "ish", "ean"};
  size_t n;
  const char *t = ttext(c, k, &n);
  for (size_t i = 0; i < sizeof ENDS / sizeof *ENDS; i++)
    if (n > 4 && !memcmp(t + n - 3, ENDS[i], 3)) return true;
  return false;
}

/* "the ruling Blue Dawn party", "the Alternativa bloc", "the Zorblat
 * company": one to three capitalized words no dictionary knows, right
 * before a lower-case party, bloc, company or firm in English, name it (an
 * ORGANIZATION, as the golds tag them). Not the sentence's first word (The
 * party), and not the end of a longer capitalized run (a name the
 * dictionaries know before it). */
static int party_and_firm_names(mctx *c) {
  if (!(c->trig & (TRIG_PARTY | TRIG_COMPANY))) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k < end; k++) {
    /* ... and a firm's: the Zorblat company, the Qwertz firm */
    bool firm = (ktrig(c, k) & TRIG_COMPANY) && (tis(c, k, "company") || tis(c, k, "firm"));
    if (!((ktrig(c, k) & TRIG_PARTY) || firm) || (tflags(c, k) & CYB_TOK_CAP)) continue;
    size_t j = unknown_name_before(c, k, false);
    if (j == k || (firm && j + 1 == k && demonym_shape(c, j))) continue; /* the Bernese company */
    if (push_firm(c, j, k)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* A word of a company's description between its article and its noun
 * (an American network monitoring firm): no preposition, which would make
 * the noun another's (a member of the company), and no punctuation. */
static bool description_word(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  if (f & CYB_TOK_PUNCT) return tis(c, k, "-");
  return !has(c, S_PREP, k) && !tis(c, k, "of") && !tis(c, k, "at") && !tis(c, k, "for") && !tis(c, k, "with") &&
         !tis(c, k, "in") && !tis(c, k, "by") && !tis(c, k, "from") && !tis(c, k, "chez") && !tis(c, k, "dans") &&
         /* "Renens, une telle société": any such company, not this one */
         !tis(c, k, "telle") && !tis(c, k, "tel") && !tis(c, k, "such") && !tis(c, k, "other") && !tis(c, k, "autre");
}

/* "Quorvex, an American network monitoring firm, said", "Brelcom, une
 * société enregistrée à Budapest": one to three capitalized words no
 * dictionary knows, then a comma and an indefinite article whose
 * description ends, within five words, on a company noun, name a company.
 * The noun must end the description (a company director is a person's)
 * and the words may open the sentence when the first is no common word. */
static int described_companies(mctx *c) {
  if (!(c->trig & TRIG_COMPANY)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k + 2 < end; k++) {
    if (!tis(c, k, ",")) continue;
    size_t a = k + 1;
    if (!(tis(c, a, "a") || tis(c, a, "an") || tis(c, a, "une") || tis(c, a, "un"))) continue;
    size_t h = a + 1;
    while (h < end && h < a + 6 && !company_noun(c, h) && description_word(c, h)) h++;
    /* a party, a site (un site daté) and a medium describe no company */
    if (h >= end || h >= a + 6 || !company_noun(c, h) || tis(c, h, "parti") || tis(c, h, "site") || tis(c, h, "media"))
      continue;
    if (h + 1 < end && (tflags(c, h + 1) & CYB_TOK_ALPHA) && !(tflags(c, h + 1) & CYB_TOK_CAP) &&
        !has(c, S_PREP, h + 1) && !tis(c, h + 1, "based") && !tis(c, h + 1, "that") && !tis(c, h + 1, "which") &&
        !tis(c, h + 1, "in") && !tis(c, h + 1, "qui") && !tis(c, h + 1, "dont") &&
        !is_adjective(c, h + 1) && !is_participle(c, h + 1))
      continue;
    size_t j = unknown_name_before(c, k, true);
    if (j < k && push_firm(c, j, k)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- hospitals and schools ---------------------------------------------------- */

/* A word in capitals with an inner hyphen: a saint's or a person's name that
 * names a hospital or a school (Saint-Joseph, Jean-Moulin, André-Mignot). */
static bool hyphenated_name(const mctx *c, size_t k) {
  if (k >= c->s->tok_end) return false;
  uint32_t f = tflags(c, k);
  return (f & CYB_TOK_CAP) && (f & CYB_TOK_ALPHA) && (f & CYB_TOK_HYPHEN);
}

/* "l'hôpital de Pontarlier", "le centre hospitalier d'Alès", "l'université
 * de Rennes", "le lycée Jean-Moulin", "la clinique Saint-Joseph de Cagnes":
 * a French hospital's, clinic's or school's noun in lower case, then a
 * hyphenated name in capitals or a town the dictionaries know after de (or
 * both), is one ORGANIZATION, as every annotated set writes them. Not after
 * "du" (l'hôpital du Kansas: a hospital somewhere in Kansas); the town hall
 * (la mairie de Bondy) and the town (la ville de Caen) are only the place,
 * and an indefinite article describes one (une université de Moscou). */
static int hospitals_and_schools(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  if (!(c->trig & TRIG_CARE)) return 0;
  for (size_t k = b; k + 1 < end; k++) {
    if (!(ktrig(c, k) & TRIG_CARE) || (tflags(c, k) & CYB_TOK_CAP)) continue;
    size_t s = k;
    if (tis(c, k, "hospitalier") || tis(c, k, "medical")) {
      if (k == b || !tis(c, k - 1, "centre") || (tflags(c, k - 1) & CYB_TOK_CAP)) continue;
      s = k - 1;
    }
    if (cand_at(c, s, -1) || covered(c, s)) continue; /* the dictionaries know it */
    /* "diplômé d'une université de Moscou": one somewhere, not its name */
    if (s > b && (tis(c, s - 1, "une") || tis(c, s - 1, "un") || tis(c, s - 1, "des"))) continue;
    size_t e = hyphenated_name(c, k + 1) ? k + 2 : k + 1;
    /* a name no dictionary knows (l'hôpital Trelawney, le centre médical
     * Ziv), with its capitalized words after it (Mackay Memorial) */
    if (e == k + 1 && e < end && unknown_name_word(c, e) && !(tflags(c, e) & CYB_TOK_ALLCAPS) &&
        !is_common(c, e))
      for (e++; e < end && e < k + 4 && (tflags(c, e) & CYB_TOK_CAP) && (tflags(c, e) & CYB_TOK_ALPHA) &&
                !cand_at(c, e, -1) && !covered(c, e);)
        e++;
    /* a school's town after its name is the place (le lycée Charles-de-Gaulle
     * | de Chaumont); a hospital's is its name's (l'hôpital Saint-Philibert
     * de Lomme) */
    bool school = tis(c, k, "lycee") || tis(c, k, "universite");
    size_t at = e + 1 < end && (tis(c, e, "de") || tis(c, e, "d'")) && !(school && e > k + 1) ? e + 1 : 0;
    bool town = at && cand_at(c, at, CYBERNER_LOCATION);
    if (town) e = dict_end_at(c, at, CYBERNER_LOCATION); /* the town's whole name: Villefranche-sur-Saône */
    if (e == k + 1) continue;
    /* the town's hospital has the id the gazetteer gives French hospitals: ch-dax */
    char id[64] = "ch-";
    size_t w = town && !school && at == k + 2 ? kebab_id(c, at, e, SIZE_MAX, 0, id + 3, sizeof id - 3) : 0;
    cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[s].start, c->tt->tok[e - 1].end, (uint32_t)s, (uint32_t)e,
                                  CYBERNER_ORGANIZATION, CYB_SRC_PATTERN, 0.6f);
    if (!d || (w && (d->id = cyb__cand_string(c->cs, id, w + 3)) < 0)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- secrets ----------------------------------------------------------------- */

/* "le mot de passe « LOUVRE »", "the password "Thales"": a short quoted
 * string (up to three tokens) after a word for a secret (not_names.txt,
 * marked secret), anywhere later in the sentence ("celui d'un logiciel
 * était « THALES »"), is what one types, not a name: a NOT_ENTITY over the
 * quotes and the string hides what the dictionaries read in it. */
static int secrets(mctx *c) {
  if (!(c->any_bits & 1u << S_MARKED)) return 0;
  size_t end = c->s->tok_end, k = c->s->tok_begin;
  uint32_t kind = 0;
  while (k < end && !(pm(c, S_MARKED, k, end, &kind) && kind == MARK_SECRET)) k++;
  for (; k + 2 < end; k++) {
    if (!tis(c, k, "\"")) continue;
    size_t e = k + 1;
    while (e < end && e - k <= 3 && !tis(c, e, "\"")) e++;
    if (e >= end || e == k + 1 || e - k > 3) continue;
    if (push_body(c, k, e + 1, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
    k = e;
  }
  return 0;
}

/* ---- a body's own unit ------------------------------------------------------- */

/* "le groupe de rançongiciel Cuba", "the ransomware gang Cuba": right
 * after a word for ransomware (maybe and a word for a group), a word that
 * names a group "<word> ransomware" of the dictionaries (actor_of_kind) is
 * that group, not the country or place it also names. The context proves
 * it: the pattern outranks the dictionary's reading (CYB_RANK_CONTEXT). */
static bool ransomware_word(const mctx *c, size_t k) {
  return tis(c, k, "ransomware") || tis(c, k, "rancongiciel"); /* (normalized text: no accents) */
}
static int actors_after_kind(mctx *c) {
  if (!(c->trig & TRIG_RANSOMWARE)) return 0; /* a reading needs ransomware_word() */
  size_t b = c->s->tok_begin;
  for (size_t ci = 0; ci < c->ncaps; ci++) { /* the capitalized tokens after the first */
    size_t k = b + c->caps[ci];
    if (k == b) continue;
    bool kind = ransomware_word(c, k - 1) || (k >= b + 2 && group_word(c, k - 1) && ransomware_word(c, k - 2));
    if (!kind) continue;
    size_t n;
    const char *t = ttext(c, k, &n);
    uint32_t v = ps_find(&c->r->actor_of_kind, t, n);
    if (!v || v == UINT32_MAX) continue;
    cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[k].start, c->tt->tok[k].end, (uint32_t)k, (uint32_t)k + 1,
                                  CYBERNER_THREAT_ACTOR, CYB_SRC_PATTERN, 0.85f);
    if (!d) return CYBERNER_ENOMEM;
    d->entry = (int32_t)(v - 1);
    d->rank = CYB_RANK_CONTEXT;
  }
  return 0;
}

/* The body the dictionaries know, with an entry, right after the unit word
 * at k and "of" / "de" / "d'" / "du" (and an article): "the Security Lab of
 * Amnesty International", "le Security Lab d'Amnesty International"; NULL
 * when none. */
static const cyb__cand *body_after_unit(const mctx *c, size_t k) {
  size_t j = k + 1, end = c->s->tok_end;
  if (j >= end || !(tis(c, j, "of") || tis(c, j, "de") || tis(c, j, "d'") || tis(c, j, "du"))) return NULL;
  j++;
  if (j < end && (tis(c, j, "the") || tis(c, j, "la") || tis(c, j, "l'"))) j++;
  const cyb__cand *best = NULL;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->tb == j && d->entry >= 0 && d->source == CYB_SRC_DICT &&
        (d->label == CYBERNER_ORGANIZATION || d->label == CYBERNER_AGENCY) && (!best || d->te > best->te))
      best = d;
  }
  return best;
}

/* "Amnesty International's Security Lab", "Amnesty International, whose
 * Security Lab", "the Security Lab of Amnesty International": capitalized
 * words no dictionary knows, ending in a word for a unit (Lab, Laboratory,
 * Unit, Team), right after a body the dictionaries know and its possessive,
 * or right before "of" and that body, name that body's unit: the body's
 * label and entry (a unit with an entry of its own, Google's Threat
 * Analysis Group, is the dictionaries'). */
#define UNIT_WORDS 3 /* capitalized words before the unit word, at most */
static int units_of_bodies(mctx *c) {
  if (!(c->trig & TRIG_UNIT)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 2; k < end; k++) {
    if (!(ktrig(c, k) & TRIG_UNIT) || !(tflags(c, k) & CYB_TOK_CAP) || covered(c, k)) continue;
    size_t s = k;
    while (s > b && k - s < UNIT_WORDS && (tflags(c, s - 1) & CYB_TOK_CAP) && (tflags(c, s - 1) & CYB_TOK_ALPHA) &&
           !(tflags(c, s - 1) & CYB_TOK_SENT_START) && !covered(c, s - 1) && !cand_at(c, s - 1, -1))
      s--;
    if (s == k) continue; /* "Amnesty's Lab" alone says too little */
    size_t owner_end = 0;
    if (s >= b + 2 && tis(c, s - 1, "'s")) owner_end = s - 1;
    else if (s >= b + 3 && tis(c, s - 1, "whose") && tis(c, s - 2, ",")) owner_end = s - 2;
    const cyb__cand *o = NULL;
    if (owner_end) {
      o = dict_cand(c, ANY_START, owner_end, CYBERNER_ORGANIZATION);
      if (!o) o = dict_cand(c, ANY_START, owner_end, CYBERNER_AGENCY);
    } else {
      o = body_after_unit(c, k);
    }
    if (!o || o->entry < 0) continue;
    int label = o->label;
    int32_t entry = o->entry; /* copied: the push may move o */
    cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[s].start, c->tt->tok[k].end, (uint32_t)s, (uint32_t)k + 1, label,
                                  CYB_SRC_PATTERN, 0.8f);
    if (!d) return CYBERNER_ENOMEM;
    d->entry = entry;
  }
  return 0;
}

/* ---- a company's brand for its product --------------------------------------- */

/* Is the word [t, t + n) one of the hyphen-separated words of id? */
static bool word_of_id(const char *id, const char *t, size_t n) {
  for (const char *p = id; *p;) {
    size_t w = strcspn(p, "-");
    if (w == n && memcmp(p, t, n) == 0) return true;
    p += w + (p[w] == '-');
  }
  return false;
}

/* The dictionary name d is one word that is a brand of its company: no part
 * of it is a word of the entry's id (Starlink for spacex; not Huawei for
 * huawei, EU-CyCLONe for eu-cyclone), and no acronym. */
static bool brand_alias(const mctx *c, const cyb__cand *d) {
  if (d->te != d->tb + 1 || d->entry < 0 || (tflags(c, d->tb) & CYB_TOK_ALLCAPS)) return false;
  const char *id = cyb__gazetteer_entry(c->m->gaz, (uint32_t)d->entry)->id;
  size_t n;
  const char *t = ttext(c, d->tb, &n);
  for (size_t i = 0; i < n;) {
    size_t w = 0;
    while (i + w < n && t[i + w] != '-') w++;
    if (word_of_id(id, t + i, w)) return false;
    i += w + 1;
  }
  return true;
}

/* "5 000 terminaux Starlink", "l'internet par satellite Starlink", "Starlink,
 * le réseau de SpaceX": a company's brand (brand_alias) right after a
 * lower-case word for a product (not_names.txt, marked product), or before
 * a comma, an article and such a word, names the product, which is not
 * tagged: a NOT_ENTITY over the brand and the word hides it. The company's
 * own name (les terminaux Huawei) and the brand elsewhere (demandé à
 * Starlink de bloquer) stay the company. */
static int brand_products(mctx *c) {
  if (!(c->any_bits & 1u << S_MARKED)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label != CYBERNER_ORGANIZATION || d->source != CYB_SRC_DICT || d->tb < b || d->te > end ||
        !brand_alias(c, d))
      continue;
    size_t tb = d->tb, te = d->te, from = 0, to = 0; /* copies: a push may move d */
    if (tb > b && !(tflags(c, tb - 1) & CYB_TOK_CAP) && marked(c, tb - 1, tb, MARK_PRODUCT))
      from = tb - 1, to = te;
    else if (te + 2 < end && tis(c, te, ",") && (has(c, S_ARTICLE, te + 1) || tis(c, te + 1, "the")) &&
             !(tflags(c, te + 2) & CYB_TOK_CAP) && marked(c, te + 2, te + 3, MARK_PRODUCT))
      from = tb, to = te + 3;
    if (to && push_body(c, from, to, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- named campaigns ---------------------------------------------------------- */

static bool quote_at(const mctx *c, size_t k) { return k < c->s->tok_end && tis(c, k, "\""); }

/* the APT10 "Cloud Hopper" campaign, la campagne « Cloud Hopper »: a threat
 * actor's name (the dictionaries keep a campaign's name as an alias of its
 * group) quoted right before campaign/campagne (after it in French order)
 * is given as the campaign's name, and a campaign, like an operation, is
 * not tagged (tests/eval/extra6, extra17, extra22). A NOT_ENTITY over the
 * name and the word hides it; an unquoted name before campaign is the
 * group's ("a Sandworm campaign"), and so is one after Operation, which
 * the annotations keep (extra21: the Operation Cloud Hopper espionage
 * campaign). */
static int campaigns(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label != CYBERNER_THREAT_ACTOR || d->source != CYB_SRC_DICT || d->tb <= b || d->te > end) continue;
    bool quoted = quote_at(c, d->tb - 1) && quote_at(c, d->te);
    size_t s = quoted ? d->tb - 1 : d->tb, e = quoted ? d->te + 1 : d->te;
    size_t from = 0, to = 0;
    if (quoted && s > b && marked(c, s - 1, s, MARK_CAMPAIGN))
      from = s - 1, to = e;
    else if (quoted && e < end && marked(c, e, e + 1, MARK_CAMPAIGN))
      from = s, to = e + 1;
    if (to && push_body(c, from, to, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "used the access to drop TrickBot", "through TrickBot infections": a
 * malware family that the dictionaries also give as a group's alias
 * (not_names.txt, marked malware) names the software, not the group, right
 * after a verb for putting it on a machine or next to a word for the
 * software (marked installs, software-kind); a software is not tagged
 * (THREAT_ACTOR is for groups). A NOT_ENTITY over the name and the word
 * hides it; elsewhere (members of Trickbot) it keeps the group's reading. */
static int malware_names(mctx *c) {
  if (!(c->any_starts & 1u << CYBERNER_THREAT_ACTOR) || !(c->any_bits & 1u << S_MARKED)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b; k < end; k++) {
    if (!cand_at(c, k, CYBERNER_THREAT_ACTOR)) continue;
    size_t e = dict_end_at(c, k, CYBERNER_THREAT_ACTOR);
    if (!marked(c, k, e, MARK_MALWARE)) continue;
    /* a verb for installing it, or a word for the software right before
     * (les logiciels malveillants Carbanak, le programme Anunak) */
    size_t from = k > b && (marked(c, k - 1, k, MARK_INSTALLS) || marked(c, k - 1, k, MARK_SOFTWARE_KIND)) ? k - 1 : k;
    size_t to = e < end && marked(c, e, e + 1, MARK_SOFTWARE_KIND) ? e + 1 : e;
    if ((from < k || to > e) && push_body(c, from, to, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "Bumblebee, Qakbot and Trickbot", "droppers such as Qakbot and Trickbot":
 * in a list of malware a family that is also a group's alias (marked
 * malware) names the software too (extra36, extra125). A member of such a
 * list is a marked family or one capitalized word no dictionary knows (the
 * families' own names: Pikabot, SystemBC); a list with any other member
 * (Trickbot, Conti and Ryuk: known groups) keeps the group's reading. */
static bool list_separator(const mctx *c, size_t k) {
  return tis(c, k, ",") || tis(c, k, "and") || tis(c, k, "et") || tis(c, k, "or") || tis(c, k, "ou");
}
static bool malware_member(const mctx *c, size_t k) {
  if (marked(c, k, k + 1, MARK_MALWARE)) return true;
  uint16_t f = tflags(c, k);
  return (f & CYB_TOK_CAP) && (f & CYB_TOK_ALPHA) && !cand_at(c, k, -1) && !covered(c, k) && !first_name(c, k);
}
/* a word for malware right before token k, maybe with a word that lists
 * examples between (droppers such as, des logiciels malveillants comme) */
static bool malware_noun_before(const mctx *c, size_t k) {
  size_t b = c->s->tok_begin, q = k;
  if (q > b + 1 && tis(c, q - 1, "as") && tis(c, q - 2, "such")) q -= 2;
  else if (q > b + 1 && tis(c, q - 1, "que") && (tis(c, q - 2, "tels") || tis(c, q - 2, "telles"))) q -= 2;
  else if (q > b && (tis(c, q - 1, "like") || tis(c, q - 1, "including") || tis(c, q - 1, "comme") ||
                     tis(c, q - 1, "notamment") || tis(c, q - 1, ":")))
    q--;
  if (q > b && tis(c, q - 1, ",")) q--;
  return q > b && marked(c, q - 1, q, MARK_SOFTWARE_KIND);
}
#define MALWARE_LIST_MIN 2 /* other members that make a list of malware without a word for it */
static int malware_lists(mctx *c) {
  if (!(c->any_starts & 1u << CYBERNER_THREAT_ACTOR) || !(c->any_bits & 1u << S_MARKED)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b; k < end; k++) {
    if (!marked(c, k, k + 1, MARK_MALWARE) || !cand_at(c, k, CYBERNER_THREAT_ACTOR)) continue;
    size_t others = 0, first = k, p = k;
    bool other_kind = false;
    while (p > b + 1 && list_separator(c, p - 1) && !other_kind) { /* members before it */
      size_t j = p - 1;
      while (j > b && list_separator(c, j - 1)) j--; /* ", and" */
      if (j == b) break;
      if (!(tflags(c, j - 1) & CYB_TOK_CAP)) break;
      other_kind = !malware_member(c, j - 1);
      others++, first = p = j - 1;
    }
    for (p = k + 1; p < end && list_separator(c, p) && !other_kind;) { /* and after it */
      size_t j = p;
      while (j < end && list_separator(c, j)) j++;
      if (j >= end || !(tflags(c, j) & CYB_TOK_CAP)) break;
      other_kind = !malware_member(c, j);
      others++, p = j + 1;
    }
    if (other_kind || (others < MALWARE_LIST_MIN && !malware_noun_before(c, first))) continue;
    cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[k].start, c->tt->tok[k].end, (uint32_t)k, (uint32_t)k + 1,
                                  CYB_NOT_ENTITY, CYB_SRC_PATTERN, 0.9f);
    if (!d) return CYBERNER_ENOMEM;
    d->rank = CYB_RANK_CONTEXT; /* outranks the dictionary's group of the same span */
  }
  return 0;
}

/* ---- English names in French text ---------------------------------------- */

/* A capitalized word of an English name in French text: no French word, no
 * given name or surname, nothing the dictionaries know. */
static bool foreign_word(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  return (f & CYB_TOK_CAP) && (f & CYB_TOK_ALPHA) && !(f & (CYB_TOK_ALLCAPS | CYB_TOK_DIGIT)) && !cand_at(c, k, -1) &&
         !covered(c, k) && !first_name(c, k) && !has(c, S_SURNAMES, k) && !common_in(c, k, CYBERNER_LANG_FR);
}

/* "l'opération Africa Cyber Surge II", "Baptisée Africa Cyber Surge": in
 * French text, a place the dictionaries know followed by two or three
 * capitalized words that are no French words, one at least an English one,
 * is the first word of an English name (an operation's, a programme's): the
 * place inside it is not tagged. A NOT_ENTITY over the place and the word
 * after it hides it, and leaves the whole run to a longer reading (China
 * General Nuclear (CGN), a company named by its acronym). */
static int foreign_names(mctx *c) {
  if (c->s->titlecase || !(c->any_starts & (1u << CYBERNER_LOCATION | 1u << CYBERNER_COUNTRY))) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t ci = 0; ci < c->ncaps && b + c->caps[ci] + 2 < end; ci++) { /* the capitalized tokens */
    size_t k = b + c->caps[ci];
    if (!cand_at(c, k, CYBERNER_LOCATION) && !cand_at(c, k, CYBERNER_COUNTRY)) continue;
    size_t e = dict_end_at(c, k, -1), q = e;
    bool english = false;
    while (q > k && q < end && q - e < 3 && foreign_word(c, q)) english |= common_in(c, q++, CYBERNER_LANG_EN);
    if (q - e >= 2 && english && push_body(c, k, e + 1, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- languages ------------------------------------------------------------- */

/* "le français", "en anglais", "l'arabe", "du russe": in French a
 * nationality word in lower case right after le/l'/du/en is the language,
 * which is not tagged (ENTITIES.md rule 8). A NOT_ENTITY over the article and
 * the word hides the NATIONALITY the dictionary proposes (longer span). */
static int languages(mctx *c) {
  if (!(c->any_starts & 1u << CYBERNER_NATIONALITY)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k < end; k++) {
    if (!cand_at(c, k, CYBERNER_NATIONALITY) || (tflags(c, k) & CYB_TOK_CAP)) continue;
    if (!tis(c, k - 1, "le") && !tis(c, k - 1, "l'") && !tis(c, k - 1, "du") && !tis(c, k - 1, "en")) continue;
    /* "le français Thales": a capitalized name after it makes it an adjective */
    if (k + 1 < end && (tflags(c, k + 1) & CYB_TOK_CAP) && (tflags(c, k + 1) & CYB_TOK_ALPHA)) continue;
    if (push_body(c, k - 1, k + 1, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "written in Korean letters", "Chinese characters", "un clavier arabe":
 * a nationality word before (or, in French, after) a noun of writing is the
 * language's script, not tagged (ENTITIES.md rule 8). A NOT_ENTITY over
 * both words hides the NATIONALITY. */
static bool writing_noun(const mctx *c, size_t k) {
  static const char *const nouns[] = {"letters", "characters", "alphabet", "keyboard", "keyboards", "script",
                                      "lettres", "caracteres", "clavier", "claviers"};
  for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
    if (tis(c, k, nouns[i])) return true;
  return false;
}

static int scripts(mctx *c) {
  if (!(c->any_starts & 1u << CYBERNER_NATIONALITY)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b; k < end; k++) {
    if (!cand_at(c, k, CYBERNER_NATIONALITY)) continue;
    bool fr = c->s->lang == CYBERNER_LANG_FR;
    size_t n = fr ? k - 1 : k + 1; /* the noun: before the adjective in French */
    if ((fr && k == b) || (!fr && n >= end) || !writing_noun(c, n)) continue;
    if (push_body(c, fr ? n : k, fr ? k + 1 : n + 1, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* A word of such a run: a one-word nationality, or a capitalized word no
 * dictionary knows (English, Latin: languages of no nationality entry). */
static bool language_word(const mctx *c, size_t k) {
  if (cand_at(c, k, CYBERNER_NATIONALITY)) return dict_end_at(c, k, -1) == k + 1;
  return (tflags(c, k) & CYB_TOK_CAP) && (tflags(c, k) & CYB_TOK_ALPHA) && !cand_at(c, k, -1) && !covered(c, k);
}

/* A word after which a language is named: in, and the verbs of speaking
 * (most victims spoke Spanish). */
static bool before_language(const mctx *c, size_t k) {
  return tis(c, k, "in") || tis(c, k, "speak") || tis(c, k, "speaks") || tis(c, k, "spoke") ||
         tis(c, k, "speaking") || tis(c, k, "spoken");
}

/* "in other languages, including Chinese,", "languages such as Russian": a
 * word that lists examples (including, like, such as) right after
 * "language(s)", a comma between them or not, names languages too. */
static bool languages_listed_before(const mctx *c, size_t k) {
  size_t b = c->s->tok_begin, q = k - 1;
  if (q > b && tis(c, q, "as") && tis(c, q - 1, "such")) q--;
  else if (!tis(c, q, "including") && !tis(c, q, "like")) return false;
  if (q > b && tis(c, q - 1, ",")) q--;
  return q > b && (tis(c, q - 1, "languages") || tis(c, q - 1, "language"));
}

/* "known in Danish as", "written in Russian.", "in English, French and
 * Spanish", "in English and in French under the title": in English a
 * nationality word right after `in` whose run of language words (joined by
 * and/or/commas, or by and/or + a repeated `in`) ends the phrase is the
 * language. The run must end at as/and/or, punctuation (, . : ; a quote or a
 * closing parenthesis) or a lower-case function word (by, under, with): "in
 * Danish waters", "in Chinese, Russian and Iranian firms" go on with a noun
 * and are adjectives. Each word of the run gets a NOT_ENTITY with the word
 * before it. */
static int languages_en(mctx *c) {
  if (!(c->any_starts & 1u << CYBERNER_NATIONALITY)) return 0; /* a run needs one */
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k < end; k++) {
    if (!(before_language(c, k - 1) || languages_listed_before(c, k)) || !language_word(c, k)) continue;
    size_t j = k + 1; /* the token after the run */
    bool nationality = cand_at(c, k, CYBERNER_NATIONALITY);
    for (;;) { /* and French, or in French */
      if (j + 1 >= end || !(tis(c, j, "and") || tis(c, j, "or") || tis(c, j, ","))) break;
      size_t w = j + 1 + (j + 2 < end && !tis(c, j, ",") && tis(c, j + 1, "in"));
      if (!language_word(c, w)) break;
      nationality |= cand_at(c, w, CYBERNER_NATIONALITY);
      j = w + 1;
    }
    if (!nationality) continue;
    if (j < end && !tis(c, j, "as") && !tis(c, j, "and") && !tis(c, j, "or") && !tis(c, j, ",") &&
        !tis(c, j, ".") && !tis(c, j, ":") && !tis(c, j, ";") && !tis(c, j, ")") && !tis(c, j, "\"") &&
        !((tflags(c, j) & CYB_TOK_ALPHA) && !(tflags(c, j) & CYB_TOK_CAP) &&
          cyb__sentlang_is_function(c->m->sentlang, c->tt->tok[j].vid)))
      continue;
    for (size_t q = k; q < j; q++) /* the words of the run, not its and/or/in */
      if (language_word(c, q) && push_body(c, q - 1, q + 1, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
    k = j;
  }
  return 0;
}

/* ---- a town's region ---------------------------------------------------------- */

/* "the acting governor of the Kursk region", "la région de Koursk": a town
 * the dictionaries know, right before a region word in lower case or after
 * one and de/d', names the region named after it when they know one
 * (region_of: Kursk Oblast), not the town; the span stays the name. */
static int regions_of_towns(mctx *c) {
  if (!(c->any_starts & 1u << CYBERNER_LOCATION)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label != CYBERNER_LOCATION || d->source != CYB_SRC_DICT || d->tb < b || d->te > end) continue;
    size_t tb = d->tb, te = d->te;
    bool after = te < end && !(tflags(c, te) & CYB_TOK_CAP) && region_word(c->nm, &c->tt->tok[te]);
    bool before = tb >= b + 2 && (tis(c, tb - 1, "de") || tis(c, tb - 1, "d'")) && !(tflags(c, tb - 2) & CYB_TOK_CAP) &&
                  region_word(c->nm, &c->tt->tok[tb - 2]);
    if (!after && !before) continue;
    char key[64];
    size_t kl = join(c->nm, c->tt, tb, te - tb, key, sizeof key);
    uint32_t v = kl ? ps_find(&c->r->region_of, key, kl) : 0;
    if (!v || v == UINT32_MAX || (int32_t)(v - 1) == d->entry) continue;
    cyb__cand *r = cyb__cand_push(c->cs, d->ns, d->ne, (uint32_t)tb, (uint32_t)te, CYBERNER_LOCATION, CYB_SRC_PATTERN,
                                  0.8f);
    if (!r) return CYBERNER_ENOMEM;
    r->entry = (int32_t)(v - 1);
    r->rank = CYB_RANK_CONTEXT;
  }
  return 0;
}

/* ---- a country's armed forces ------------------------------------------------ */

/* "des unités des forces armées de Singapour (SAF)", "the armed forces of
 * Ukraine": the words for armed forces, then de/of (an article) and a
 * country, name that country's armed forces when the dictionaries know one
 * (forces_of); the span is the words, the country is tagged on its own
 * (ENTITIES.md rule 3). A longer name the dictionaries know (Armed Forces of
 * the Philippines) outranks it. */
static int armed_forces_of_country(mctx *c) {
  if (!(c->any_starts & 1u << CYBERNER_COUNTRY)) return 0;
  size_t end = c->s->tok_end;
  for (size_t k = c->s->tok_begin; k + 3 < end; k++) {
    bool fr = tis(c, k, "forces") && tis(c, k + 1, "armees"), en = tis(c, k, "armed") && tis(c, k + 1, "forces");
    if (!fr && !en) continue;
    size_t q = k + 2;
    if (!(fr ? tis(c, q, "de") || tis(c, q, "d'") || tis(c, q, "du") || tis(c, q, "des") : tis(c, q, "of"))) continue;
    q++;
    if (q + 1 < end && (fr ? tis(c, q, "la") || tis(c, q, "l'") : tis(c, q, "the"))) q++;
    if (!cand_at(c, q, CYBERNER_COUNTRY)) continue;
    const char *cc = NULL;
    for (size_t i = 0; i < c->ndict && !cc; i++) {
      const cyb__cand *d = &c->cs->c[i];
      if (d->tb == q && d->label == CYBERNER_COUNTRY) cc = cyb__cand_country(c->m, c->cs, d);
    }
    if (!cc || strlen(cc) != 2) continue;
    char code[3] = {(char)(cc[0] | 0x20), (char)(cc[1] | 0x20), 0};
    uint32_t v = ps_find(&c->r->forces_of, code, 2);
    if (!v || v == UINT32_MAX) continue;
    /* the words may be a shared alias too (Forces armées of Singapore's and
     * Paraguay's): the country after them settles it */
    cyb__cand *d = NULL;
    for (size_t i = 0; i < c->ndict && !d; i++)
      if (c->cs->c[i].tb == k && c->cs->c[i].te == k + 2 && c->cs->c[i].label == CYBERNER_AGENCY) d = &c->cs->c[i];
    if (d) {
      d->entry = (int32_t)(v - 1);
      continue;
    }
    d = cyb__cand_push(c->cs, c->tt->tok[k].start, c->tt->tok[k + 1].end, (uint32_t)k, (uint32_t)k + 2,
                       CYBERNER_AGENCY, CYB_SRC_PATTERN, 0.8f);
    if (!d) return CYBERNER_ENOMEM;
    d->entry = (int32_t)(v - 1);
  }
  return 0;
}

/* ---- a branch of the document's own armed forces ------------------------------ */

/* The country the document is about so far: the one its earlier sentences
 * and this one's countries, places, people and bodies name most (LONDON,
 * May 7 - ... members of the Army); NULL on a tie or when none. Counted
 * once a sentence: the rules that ask it only move a body to the country
 * it names, which stays the most named. */
static const char *document_country(mctx *c) {
  if (c->doc_country_read) return c->doc_country_read > 0 ? c->doc_country : NULL;
  uint32_t n[26 * 26];
  memcpy(n, c->doc->country_counts, sizeof n);
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    const char *cc = d->label != CYBERNER_ORGANIZATION && d->label != CYB_NOT_ENTITY ? cyb__cand_country(c->m, c->cs, d)
                                                                                   : NULL;
    int slot = cc && strlen(cc) == 2 ? cyb__country_slot(cc) : -1;
    if (slot >= 0) n[slot]++;
  }
  int top = -1;
  bool tie = false;
  for (int i = 0; i < 26 * 26; i++)
    if (n[i] && (top < 0 || n[i] > n[top])) top = i, tie = false;
    else if (n[i] && n[i] == n[top]) tie = true;
  c->doc_country_read = top < 0 || tie ? -1 : 1;
  if (c->doc_country_read < 0) return NULL;
  c->doc_country[0] = (char)('a' + top / 26), c->doc_country[1] = (char)('a' + top % 26), c->doc_country[2] = 0;
  return c->doc_country;
}

/* "officers from the Army, the Navy and the Air Force", "the Armed Forces,
 * the Security Service": a branch of armed forces, capitalized and alone
 * after "the", is that of the state the document is about: its entry when
 * the dictionaries know one (branch_of), else a body of no entry. Not a
 * longer name (the Army Cyber Command, the Army of Chile) nor a role's
 * (the Secretary of the Navy, the Minister for the Armed Forces). */
static int service_of_document(mctx *c) {
  static const char *const ROLE_OF[] = {"minister", "ministry", "secretary", "department", "ministers", "secretaries"};
  size_t end = c->s->tok_end, n;
  for (size_t k = c->s->tok_begin + 1; k < end; k++) {
    int b = tis(c, k - 1, "the") && (tflags(c, k) & CYB_TOK_CAP) && !(tflags(c, k) & CYB_TOK_ALLCAPS)
                ? branch_at(c->nm, c->tt, k, &n) : -1;
    if (b < 0 || k + n > end || (n == 2 && !(tflags(c, k + 1) & CYB_TOK_CAP))) continue;
    if (k + n < end && ((tflags(c, k + n) & CYB_TOK_CAP) || tis(c, k + n, "of"))) continue;
    bool role = false;
    for (size_t i = 0; k >= 3 && i < sizeof ROLE_OF / sizeof *ROLE_OF && !role; i++)
      role = (tis(c, k - 2, "of") || tis(c, k - 2, "for")) && tis(c, k - 3, ROLE_OF[i]);
    if (role) continue;
    const char *code = document_country(c);
    char key[32];
    uint32_t v = 0;
    if (code) {
      int kl = snprintf(key, sizeof key, "%s %s%s%s", code, SERVICE_BRANCHES[b][0], SERVICE_BRANCHES[b][1] ? " " : "",
                        SERVICE_BRANCHES[b][1] ? SERVICE_BRANCHES[b][1] : "");
      v = ps_find(&c->r->branch_of, key, (size_t)kl);
    }
    int32_t entry = v && v != UINT32_MAX ? (int32_t)(v - 1) : -1;
    /* a shared alias of one state's branch (the US Air Force's "Air Force")
     * gives way to the document's state's */
    cyb__cand *d = NULL;
    for (size_t i = 0; i < c->ndict && !d; i++)
      if (c->cs->c[i].tb == k && c->cs->c[i].te == k + n && c->cs->c[i].label == CYBERNER_AGENCY) d = &c->cs->c[i];
    if (d) {
      if (entry >= 0) d->entry = entry, d->nalt = 0;
      continue;
    }
    if (covered(c, k)) continue;
    d = cyb__cand_push(c->cs, c->tt->tok[k].start, c->tt->tok[k + n - 1].end, (uint32_t)k, (uint32_t)(k + n),
                       CYBERNER_AGENCY, CYB_SRC_PATTERN, 0.8f);
    if (!d) return CYBERNER_ENOMEM;
    d->entry = entry;
  }
  return 0;
}

/* "Congress" in a text about India: a one-word body's name (the US,
 * Philippine ... Congress) is the party the document's state calls by the
 * word (the Congress party), when the dictionaries know one (party_of): an
 * ORGANIZATION. */
static int party_of_document(mctx *c) {
  for (size_t i = 0; i < c->ndict; i++) {
    cyb__cand *d = &c->cs->c[i];
    if (d->label != CYBERNER_AGENCY || d->source != CYB_SRC_DICT || d->te != d->tb + 1 ||
        !(tflags(c, d->tb) & CYB_TOK_CAP) || (tflags(c, d->tb) & CYB_TOK_ALLCAPS))
      continue;
    char key[48];
    size_t n;
    const char *w = ttext(c, d->tb, &n), *code = document_country(c);
    if (!code || n + 4 > sizeof key) continue;
    int kl = snprintf(key, sizeof key, "%s %.*s", code, (int)n, w);
    uint32_t v = ps_find(&c->r->party_of, key, (size_t)kl);
    if (!v || v == UINT32_MAX) continue;
    d->label = CYBERNER_ORGANIZATION;
    d->entry = (int32_t)(v - 1);
    d->nalt = 0;
  }
  return 0;
}

/* ---- a state's body named by a generic word and its country ------------------ */

/* "le parquet général d'Arménie", "le service de sécurité nationale de
 * l'Artsakh": a lower-case generic name of a state body, right before
 * de/d'/du (an article) and a country or a place that is no town, names
 * that state's body (ENTITIES.md rule 3: the country is tagged on its own):
 * the country's one body whose name opens with these words when the
 * dictionaries know it (parquet général d'Estonie), else a body of no
 * entry; never another country's body of the same name. Only names every
 * state has one of: a bare alias would tag them all with one country's id. */
static const char *const GENERIC_STATE_BODIES[] = {
    "parquet general", "parquet national", "parquet federal", "parquet", "ministere public",
    "police nationale", "garde nationale", "gendarmerie nationale", "service de securite nationale",
    "cour supreme", "cour constitutionnelle"};

/* The generic state body of GENERIC_STATE_BODIES whose words end right
 * before token e, all in lower case, after an article or a preposition;
 * its first token, or SIZE_MAX. The word before is a lower-case one (le,
 * du, l') or an article opening the sentence: a capitalized name (Cour suprême du Brésil) is the
 * dictionaries' or the other rules'. */
static size_t generic_state_body_before(const mctx *c, size_t e) {
  size_t b = c->s->tok_begin;
  for (size_t h = e > b + 4 ? e - 4 : b + 1; h < e; h++) {
    uint16_t f = tflags(c, h - 1);
    bool lower = (f & CYB_TOK_ALPHA) && (!(f & CYB_TOK_CAP) || ((f & CYB_TOK_SENT_START) && is_article(c, h - 1)));
    for (size_t q = h; q < e && lower; q++) lower = !(tflags(c, q) & CYB_TOK_CAP);
    if (!lower) continue;
    char key[64];
    size_t kl = join(c->nm, c->tt, h, e - h, key, sizeof key);
    for (size_t i = 0; kl && i < sizeof GENERIC_STATE_BODIES / sizeof *GENERIC_STATE_BODIES; i++)
      if (strlen(GENERIC_STATE_BODIES[i]) == kl && !memcmp(GENERIC_STATE_BODIES[i], key, kl)) return h;
  }
  return SIZE_MAX;
}

static int bodies_of_named_countries(mctx *c) {
  if (!(c->any_starts & (1u << CYBERNER_COUNTRY | 1u << CYBERNER_LOCATION))) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *place = &c->cs->c[i];
    if (place->tb < b + 2 || place->te > end) continue;
    if (place->label == CYBERNER_LOCATION) {
      if (place->entry < 0 || cyb__gazetteer_entry(c->m->gaz, (uint32_t)place->entry)->place_kind == CYB_PLACE_TOWN)
        continue;
    } else if (place->label != CYBERNER_COUNTRY)
      continue;
    size_t q = place->tb;
    if (tis(c, q - 1, "la") || tis(c, q - 1, "l'")) q--;
    if (q < b + 2 || !(tis(c, q - 1, "de") || tis(c, q - 1, "d'") || tis(c, q - 1, "du"))) continue;
    size_t h = generic_state_body_before(c, q - 1);
    if (h == SIZE_MAX) continue;
    const char *cc = cyb__cand_country(c->m, c->cs, place);
    int32_t body = -1;
    if (cc && strlen(cc) == 2) {
      char key[64];
      size_t kl = join(c->nm, c->tt, h, q - 1 - h, key, sizeof key);
      body = cyb__gazetteer_agency_opening(c->m->gaz, cc, key, kl);
    }
    /* a dictionary name over the words (Service de sécurité nationale of
     * Armenia) takes the country's body, or none */
    cyb__cand *d = NULL;
    for (size_t j = 0; j < c->ndict && !d; j++)
      if (c->cs->c[j].tb == h && c->cs->c[j].te == q - 1 && c->cs->c[j].label == CYBERNER_AGENCY) d = &c->cs->c[j];
    if (!d && (any_covered(c, h, q - 1) || cand_at(c, h, -1))) continue;
    if (!d && !(d = cyb__cand_push(c->cs, c->tt->tok[h].start, c->tt->tok[q - 2].end, (uint32_t)h, (uint32_t)(q - 1),
                                   CYBERNER_AGENCY, CYB_SRC_PATTERN, 0.8f)))
      return CYBERNER_ENOMEM;
    d->entry = body;
    d->nalt = 0;
    d->rank = CYB_RANK_CONTEXT;
  }
  return 0;
}

/* ---- a maker's short name before its product -------------------------------- */

/* "CVE-2020-5902 in F5's BIG-IP devices": the first word of a company's
 * name of plain words (firm_of: F5 of F5 Inc), no common word and no name
 * of its own, in the possessive right before a product's name (a
 * capitalized word with digits, a hyphen or capitals inside a lower-case
 * word: BIG-IP, FortiOS; not a word in capitals) is that company; alone it may be a key or a rating (Press F5). */
static bool product_word(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  return (f & CYB_TOK_CAP) && (f & CYB_TOK_ALPHA) &&
         ((f & (CYB_TOK_DIGIT | CYB_TOK_HYPHEN)) || ((f & CYB_TOK_UPPER2) && !(f & CYB_TOK_ALLCAPS)));
}

static int makers_before_products(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t ci = 0; ci < c->ncaps && b + c->caps[ci] + 2 < end; ci++) {
    size_t k = b + c->caps[ci];
    if (!tis(c, k + 1, "'s") || !product_word(c, k + 2) || cand_at(c, k, -1) || covered(c, k) || is_common(c, k))
      continue;
    uint32_t v = firm_of_word(c, k);
    if (!v) continue;
    cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[k].start, c->tt->tok[k].end, (uint32_t)k, (uint32_t)k + 1,
                                  CYBERNER_ORGANIZATION, CYB_SRC_PATTERN, 0.7f);
    if (!d) return CYBERNER_ENOMEM;
    d->entry = (int32_t)(v - 1);
  }
  return 0;
}

/* ---- bodies described after a possessive ------------------------------------ */

/* "Justice Hogue's commission on foreign interference", "the GCSB's cyber
 * centre": in English, a body's name the dictionaries know, found all in
 * lower case right after the possessive of a body, describes that body's
 * unit, and after a person's, when it opens with a word for a body that
 * people chair (CHAIRED_BODIES), that person's inquiry: no name either way.
 * A country's possessive names its own body ("Russia's foreign intelligence
 * service"), and so may a leader's ("Trump's homeland security department").
 * A NOT_ENTITY from the possessive on hides the dictionaries' reading. */
static bool chaired_body_word(const mctx *c, size_t k) {
  static const char *const CHAIRED_BODIES[] = {"commission", "committee", "inquiry", "panel", "taskforce"};
  for (size_t i = 0; i < sizeof CHAIRED_BODIES / sizeof *CHAIRED_BODIES; i++)
    if (tis(c, k, CHAIRED_BODIES[i])) return true;
  return false;
}

/* Does a body (any: true) or a person (only before a chaired body's word
 * at k + 1) end right before the possessive at k? */
static bool owner_ends_before(const mctx *c, size_t k) {
  bool chaired = chaired_body_word(c, k + 1);
  for (size_t i = 0; i < c->cs->n; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->te == k && (is_body_label(d->label) || (chaired && d->label == CYBERNER_PERSON))) return true;
  }
  return false;
}

static int possessed_descriptions(mctx *c) {
  if (!(c->any_starts & 1u << CYBERNER_AGENCY)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k + 2 < end; k++) {
    if (!tis(c, k, "'s") || !cand_at(c, k + 1, CYBERNER_AGENCY) || !owner_ends_before(c, k)) continue;
    size_t e = dict_end_at(c, k + 1, CYBERNER_AGENCY);
    bool lower = e >= k + 3;
    for (size_t q = k + 1; q < e && lower; q++) lower = !(tflags(c, q) & CYB_TOK_CAP);
    if (!lower) continue;
    if (push_body(c, k, e, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- places named by their kind ------------------------------------------------ */

/* "the nearby city of Toyota", "le port de Trieste", "la ville de Caen": the
 * capitalized name after a lower-case city/town/port/ville/commune + of/de is
 * a place (LOCATION), even when the dictionaries know the name as a company
 * or a person; a country or a place they know keeps its own reading. A name
 * they do not know is a place too, unless it is a common word. ("Port of
 * Nagoya", capitalized, is one name: the dictionaries' business.) */
/* "commune" at k is the adjective of "la société commune d'Orange", "une
 * déclaration commune de Paris et Berlin": a lower-case word before it that
 * is no determiner and no adjective put before a noun (la seule commune de
 * Pau, une petite commune de Savoie) is the noun it qualifies. */
static bool commune_adjective(const mctx *c, size_t k) {
  static const char *const before_noun[] = {"une",   "cette",    "sa",        "leur",     "notre",   "votre",
                                            "chaque", "toute",    "seule",     "petite",   "grande",  "ancienne",
                                            "nouvelle", "meme",   "autre",     "premiere", "derniere", "belle",
                                            "ma",     "ta",       "aucune",    "quelle",   "telle",   "ladite"};
  if (k == c->s->tok_begin || !tis(c, k, "commune")) return false;
  uint16_t f = tflags(c, k - 1);
  if ((f & CYB_TOK_CAP) || !(f & CYB_TOK_ALPHA) || has(c, S_ARTICLE, k - 1)) return false;
  for (size_t i = 0; i < sizeof before_noun / sizeof *before_noun; i++)
    if (tis(c, k - 1, before_noun[i])) return false;
  return true;
}

static int places_of(mctx *c) {
  if (!(c->any_bits & 1u << S_PLACE_OF)) return 0;
  size_t end = c->s->tok_end;
  for (size_t k = c->s->tok_begin; k < end; k++) {
    size_t p = k + pm(c, S_PLACE_OF, k, end, NULL);
    if (p == k || p >= end || (tflags(c, k) & CYB_TOK_CAP) || !(tflags(c, p) & CYB_TOK_CAP) ||
        !(tflags(c, p) & CYB_TOK_ALPHA) || commune_adjective(c, k))
      continue;
    if (cand_at(c, p, CYBERNER_COUNTRY) || cand_at(c, p, CYBERNER_LOCATION) || cand_at(c, p, CYBERNER_NATIONALITY))
      continue;
    size_t e = dict_end_at(c, p, -1); /* the longest dictionary name there */
    int rank = CYB_RANK_CONTEXT;
    if (!e) {
      if (!name_token(c, p) || covered(c, p) || is_common(c, p)) continue;
      e = name_run(c, p, 3);
      rank = 0;
    }
    cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[p].start, c->tt->tok[e - 1].end, (uint32_t)p, (uint32_t)e,
                                  CYBERNER_LOCATION, CYB_SRC_PATTERN, 0.75f);
    if (!d) return CYBERNER_ENOMEM;
    d->rank = (uint16_t)rank;
  }
  return 0;
}

/* "the Boe district of Nauru": one or two capitalized words no dictionary
 * knows before a lower-case word for a country's area (district, province,
 * county; trigger words), "of" and a country name that area; its id is
 * the name in kebab case. */
static bool unknown_place_word(const mctx *c, size_t k) {
  return unclaimed_name(c, k) && !has(c, S_FIRST, k) && !is_common(c, k);
}

static int areas_of(mctx *c) {
  if (!(c->trig & TRIG_AREA)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k + 2 < end; k++) {
    const cyb__token *t = &c->tt->tok[k];
    if ((t->flags & CYB_TOK_CAP) || t->vid >= c->r->nvid || !(c->r->vid_trig[t->vid] & TRIG_AREA) ||
        !tis(c, k + 1, "of") || !cand_at(c, k + 2, CYBERNER_COUNTRY) || !unknown_place_word(c, k - 1))
      continue;
    size_t s = k - 1;
    if (s > b && unknown_place_word(c, s - 1)) s--;
    if (s == b || (tflags(c, s) & CYB_TOK_SENT_START)) continue; /* a capital there proves nothing */
    char id[64];
    size_t w = kebab_id(c, s, k, SIZE_MAX, 0, id, sizeof id);
    id[w] = '\0';
    if (push_with_id(c, s, k, CYBERNER_LOCATION, id)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- sports results ---------------------------------------------------------- */

/* A token that reads as a score, a total or a table figure: digits with no
 * letter (3, 1-0, 185-6, 1:33). */
static bool score_token(const mctx *c, size_t k) {
  uint16_t f = tflags(c, k);
  return (f & CYB_TOK_DIGIT) && !(f & CYB_TOK_ALPHA);
}

/* How many times ch is in token k. */
static size_t count_char(const mctx *c, size_t k, char ch) {
  size_t n, r = 0;
  const char *t = ttext(c, k, &n);
  for (size_t i = 0; i < n; i++) r += t[i] == ch;
  return r;
}

/* A figure with a decimal point (9.06: a price, a rate) or a bowling
 * analysis (7-0-29-0: overs, maidens, runs, wickets), which a player's
 * name comes before. */
static bool not_a_score(const mctx *c, size_t k) {
  return count_char(c, k, '.') || count_char(c, k, ',') || count_char(c, k, '-') >= 2;
}

/* Is token k inside a candidate of this label found before the rules ran? */
static bool inside_label(const mctx *c, size_t k, int label) {
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label == label && d->tb <= k && k < d->te) return true;
  }
  return false;
}

/* The sentence ends with a full stop that the next sentence's figure is
 * glued to: a table's ".556" cut in two (NEW YORK 74 59 . | 556 -). */
static bool split_figure(const mctx *c) {
  size_t e = c->s->tok_end;
  return e > c->s->tok_begin && tis(c, e - 1, ".") && e < c->tt->ntok && score_token(c, e) &&
         !(tflags(c, e) & CYB_TOK_SPACE_BEFORE);
}

/* Token k is "v" or "vs", between two teams. */
static bool versus_at(const mctx *c, size_t k) { return ktrig(c, k) & (TRIG_V | TRIG_VS); }

/* A line of results or standings ("Pohang 3 Ulsan 2 ( halftime 1-0 )",
 * "Middlesex 199 and 426 , Hampshire 232", "Puchon 3 1 0 6 1 10"): outside
 * brackets it holds only capitalized names, figures, punctuation and v / vs /
 * and / at; a name right before a figure is then a team, an ORGANIZATION,
 * even where the dictionaries know it as a place, and so is a name on
 * either side of v / vs ("Albion v Forfar , Huntly v Clyde", "Bologna ( 4 )
 * v Piacenza ( 13 ) 1330"). It takes two such names, or one followed by
 * three figures, or by two that end the sentence (a table row); a line of
 * v with no figure needs two of them (not "Roe v Wade"). A
 * country stays a country (a national side is named as its country), a
 * name that opens with a first name is a person, and a figure that is part
 * of a date proves nothing. */
#define RESULTS_MAX_RUNS 16
static int results_line(mctx *c) {
  /* a wire convention of English news; French price lists read alike
   * (Nord 5 0/0 812). The document's language: a short line of names may
   * read as French on its own. */
  if (c->doc->lang == CYBERNER_LANG_FR) return 0;
  /* each pair needs a figure after its name or a v / vs beside it */
  if (!(c->any_flags & CYB_TOK_DIGIT) && !(c->trig & (TRIG_V | TRIG_VS))) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  int depth = 0;
  for (size_t k = b; k < end; k++) {
    uint16_t f = tflags(c, k);
    if (f & CYB_TOK_PUNCT) {
      if (punct_is(c, k, '(')) depth++;
      else if (punct_is(c, k, ')') && depth > 0) depth--;
      else if (depth == 0 && (punct_is(c, k, '"') || punct_is(c, k, '%') || punct_is(c, k, '$'))) return 0;
      continue;
    }
    if (depth > 0) continue;
    if ((f & CYB_TOK_ALPHA) && (f & CYB_TOK_DIGIT)) return 0;
    if ((f & CYB_TOK_DIGIT) && !(f & CYB_TOK_ALPHA) && count_char(c, k, '-') >= 2) return 0;
    if ((f & CYB_TOK_ALPHA) && !(f & CYB_TOK_CAP) &&
        !(ktrig(c, k) & (TRIG_V | TRIG_VS | TRIG_AND | TRIG_AT | TRIG_TEAM_LINK)))
      return 0;
  }
  size_t rb[RESULTS_MAX_RUNS], re[RESULTS_MAX_RUNS], nrun = 0, pairs = 0, versus = 0, figures = 0, examined = 0;
  depth = 0;
  for (size_t k = b; k < end; k++) {
    if (punct_is(c, k, '(')) depth++;
    else if (punct_is(c, k, ')') && depth > 0) depth--;
    else if (depth == 0 && versus_at(c, k)) versus++;
    figures += score_token(c, k);
  }
  depth = 0;
  for (size_t k = b; k < end && nrun < RESULTS_MAX_RUNS;) {
    if (punct_is(c, k, '(')) depth++;
    else if (punct_is(c, k, ')') && depth > 0) depth--;
    uint16_t f = tflags(c, k);
    if (depth > 0 || !(f & CYB_TOK_ALPHA) || !(f & CYB_TOK_CAP)) {
      k++;
      continue;
    }
    size_t j = k + 1;
    while (j < end && j - k < 5) {
      uint16_t g = tflags(c, j);
      if ((g & CYB_TOK_ALPHA) && (g & CYB_TOK_CAP)) j++;
      else if (j + 1 < end && (tflags(c, j + 1) & CYB_TOK_CAP) && (tflags(c, j + 1) & CYB_TOK_ALPHA) &&
               ((ktrig(c, j) & TRIG_TEAM_LINK) || punct_is(c, j, '&')))
        j += 2;
      else break;
    }
    size_t from = k;
    k = j;
    /* a line of results has few names: a long sentence of them is prose */
    if (++examined > 4 * RESULTS_MAX_RUNS) return 0;
    /* after the name: a score, or v / vs (maybe after a bracketed table place: Bologna ( 4 ) v) */
    size_t after = j;
    if (after + 2 < end && punct_is(c, after, '(') && score_token(c, after + 1) && punct_is(c, after + 2, ')'))
      after += 3;
    bool before_v = after < end && versus_at(c, after);
    bool after_v = from > b && versus_at(c, from - 1);
    bool scored = j < end && score_token(c, j) && !not_a_score(c, j) && !inside_label(c, j, CYBERNER_DATE);
    if (!scored && !before_v && !after_v) continue;
    if (cand_at(c, from, CYBERNER_PERSON) || (j - from >= 2 && first_name(c, from)))
      return 0; /* a line of players' scores: its other names are people too */
    if (cand_at(c, from, CYBERNER_COUNTRY) || cand_at(c, from, CYBERNER_NATIONALITY) ||
        inside_label(c, from, CYBERNER_DATE))
      continue;
    if (ktrig(c, from) & (TRIG_AT | TRIG_V)) continue;
    size_t figs = 0, q = j;
    for (; scored && q < end && !(tflags(c, q) & CYB_TOK_ALPHA); q++) figs += score_token(c, q);
    /* only a place's reading gives way: a body, a group, an event or a known
     * name of the whole run keeps its own (and its link), though it counts */
    if (!(cand_at(c, from, CYBERNER_AGENCY) || cand_at(c, from, CYBERNER_THREAT_ACTOR) ||
          cand_at(c, from, CYBERNER_EVENT) || dict_cand(c, from, j, CYBERNER_ORGANIZATION))) {
      rb[nrun] = from;
      re[nrun++] = j;
    }
    /* a table row: three figures, or two and the end of the sentence (NEW YORK 74 59 . | 556 -) */
    pairs += 1 + (figs >= 3 || (figs == 2 && q == end && split_figure(c)));
  }
  if (versus && !figures && versus < 2) return 0; /* Roe v Wade */
  if (pairs < 2) return 0;
  for (size_t i = 0; i < nrun; i++) {
    cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[rb[i]].start, c->tt->tok[re[i] - 1].end, (uint32_t)rb[i],
                                  (uint32_t)re[i], CYBERNER_ORGANIZATION, CYB_SRC_PATTERN, 0.7f);
    if (!d) return CYBERNER_ENOMEM;
    d->rank = CYB_RANK_CONTEXT;
  }
  return 0;
}

/* A line of fixtures in capitals, "PHILADELPHIA AT HOUSTON", "TORONTO AT NY
 * RANGERS": two places (or teams) the dictionaries know on either side of AT, nothing
 * else on the line; the first is the visiting team, the second the place
 * where it plays (it keeps its reading). */
static int fixture_line(mctx *c) {
  if (c->doc->lang == CYBERNER_LANG_FR) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  while (end > b && (tflags(c, end - 1) & CYB_TOK_PUNCT)) end--;
  size_t at = 0;
  for (size_t k = b; k < end; k++) {
    uint16_t f = tflags(c, k);
    if (!(f & CYB_TOK_ALPHA) || !(f & CYB_TOK_ALLCAPS) || (f & CYB_TOK_DIGIT)) return 0;
    if (tis(c, k, "at")) {
      if (at) return 0;
      at = k;
    }
  }
  if (!at || at == b || at + 1 >= end || at - b > 4 || end - at - 1 > 4) return 0;
  size_t from[2] = {b, at + 1};
  for (int i = 0; i < 2; i++)
    if (!(cand_at(c, from[i], CYBERNER_LOCATION) || cand_at(c, from[i], CYBERNER_ORGANIZATION)) ||
        cand_at(c, from[i], CYBERNER_COUNTRY) || cand_at(c, from[i], CYBERNER_AGENCY) ||
        cand_at(c, from[i], CYBERNER_THREAT_ACTOR) ||
        cand_at(c, from[i], CYBERNER_NATIONALITY))
      return 0;
  cyb__cand *d = cyb__cand_push(c->cs, c->tt->tok[b].start, c->tt->tok[at - 1].end, (uint32_t)b, (uint32_t)at,
                                CYBERNER_ORGANIZATION, CYB_SRC_PATTERN, 0.7f);
  if (!d) return CYBERNER_ENOMEM;
  d->rank = CYB_RANK_CONTEXT;
  return 0;
}

/* ---- the Nord département ------------------------------------------------------ */

/* A French town or body the dictionaries name, ending right before token e
 * (Armentières, centre hospitalier d'Armentières, CROIX). */
static bool french_place_before(const mctx *c, size_t e) {
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->te != e || d->source != CYB_SRC_DICT ||
        (d->label != CYBERNER_LOCATION && d->label != CYBERNER_ORGANIZATION && d->label != CYBERNER_AGENCY))
      continue;
    for (uint32_t a = 0; a < d->nalt; a++)
      if (cyb__country_in(cyb__gazetteer_entry(c->m->gaz, c->cs->alts[d->alt + a])->country, "FR")) return true;
  }
  return false;
}

/* "CROIX (Nord)", "le centre hospitalier d'Armentières, dans le Nord.": a
 * bare Nord is mostly North Korea or the global North (le Nord et le Sud), so
 * the gazetteer names the département only in full; right after a French
 * town or body, in parentheses or as "dans le Nord" that ends the phrase, it
 * is the département (the rule gives its id, nord-fr). */
static int nord_departement(mctx *c) {
  if (!(c->trig & TRIG_NORD)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 2; k < end; k++) {
    if (!tis(c, k, "nord") || !(tflags(c, k) & CYB_TOK_CAP) || covered(c, k)) continue;
    bool ok = tis(c, k - 1, "(") && k + 1 < end && tis(c, k + 1, ")") && french_place_before(c, k - 1);
    if (!ok && k >= b + 3 && tis(c, k - 1, "le") && tis(c, k - 2, "dans") &&
        (k + 1 == end || (tflags(c, k + 1) & CYB_TOK_PUNCT))) {
      size_t e = tis(c, k - 3, ",") ? k - 3 : k - 2;
      ok = e > b && french_place_before(c, e);
    }
    if (!ok) continue;
    if (push_with_id(c, k, k + 1, CYBERNER_LOCATION, "nord-fr")) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- towns by their département --------------------------------------------- */

/* Is a place or a country the dictionaries know named alone in parentheses
 * from token k: "(Yvelines)", "(Belgique)"? */
static bool place_in_parens(const mctx *c, size_t k) {
  size_t e = dict_end_at(c, k, CYBERNER_LOCATION), ec = dict_end_at(c, k, CYBERNER_COUNTRY);
  if (ec > e) e = ec;
  return e > k && e < c->s->tok_end && tis(c, e, ")");
}

/* Does token k say that a town's name comes next: "à", "au", "aux", "in",
 * or "de"/"du"/"d'" after a word for a town (le maire de, la commune du)? */
static bool town_follows(const mctx *c, size_t k) {
  static const char *const town_words[] = {"maire", "mairie", "commune", "ville", "village", "habitants",
                                           "agglomeration", "metropole"};
  /* "a" is à only in French ("a Lamborghini (Italy)" is a car) */
  if ((tis(c, k, "a") && c->s->lang == CYBERNER_LANG_FR) || tis(c, k, "au") || tis(c, k, "aux") || tis(c, k, "in"))
    return true;
  if (k == c->s->tok_begin || !(tis(c, k, "de") || tis(c, k, "du") || tis(c, k, "d'"))) return false;
  for (size_t i = 0; i < sizeof town_words / sizeof *town_words; i++)
    if (tis(c, k - 1, town_words[i])) return true;
  return false;
}

/* "au Chesnay-Rocquencourt (Yvelines)", "le maire de Plouzané (Finistère)":
 * a capitalized word no dictionary knows, after a word that announces a
 * town (town_follows) and right before a place or a country the
 * dictionaries know alone in parentheses, is a town there: a LOCATION, its
 * id the name in kebab case. A capitalized article before it is part of
 * the name (à La Roche-sur-Yon). */
static int towns_in_parens(mctx *c) {
  if (!(c->trig & TRIG_OPEN_PAREN) || !(c->any_starts & (1u << CYBERNER_LOCATION | 1u << CYBERNER_COUNTRY)))
    return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  /* at the sentence's "(" (the cparen list), the cheap tests first: the
   * word before the town is rare, unknown_place_word asks the speller */
  for (size_t qi = 0; qi < c->ncparen; qi++) {
    if (c->cparen[qi] < 2) continue; /* k = b + 1 at least */
    size_t k = b + c->cparen[qi] - 1;
    if (k + 3 >= end || !punct_is(c, k + 1, '(')) continue;
    size_t s = k;
    if (s > b + 1 && (tflags(c, s - 1) & CYB_TOK_CAP) && is_article(c, s - 1)) s--;
    if (!town_follows(c, s - 1) || !place_in_parens(c, k + 2) || !unknown_place_word(c, k)) continue;
    char id[64];
    size_t w = kebab_id(c, s, k + 1, SIZE_MAX, 0, id, sizeof id);
    id[w] = '\0';
    if (push_with_id(c, s, k + 1, CYBERNER_LOCATION, id)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- the Confédération -------------------------------------------------------- */

/* Is Switzerland the country the document names most so far, counting the
 * countries and nationalities of this sentence before token k? */
static bool swiss_document(const mctx *c, size_t k) {
  uint32_t n[26 * 26];
  memcpy(n, c->doc->country_counts, sizeof n);
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->te > k || (d->label != CYBERNER_COUNTRY && d->label != CYBERNER_NATIONALITY)) continue;
    const char *cc = cyb__cand_country(c->m, c->cs, d);
    int slot = cc ? cyb__country_slot(cc) : -1;
    if (slot >= 0) n[slot]++;
  }
  int ch = cyb__country_slot("CH");
  for (int i = 0; i < 26 * 26; i++)
    if (i != ch && n[i] >= n[ch]) return false;
  return true;
}

/* Does a law word (loi, ordonnance, act) stand in the few words before token
 * k of its sentence, so that k is in the law's title (la loi sur la
 * sécurité de l'information au sein de la Confédération)? */
static bool in_law_title(const mctx *c, size_t k) {
  size_t b = c->s->tok_begin;
  for (size_t j = k; j > b && j + 16 > k; j--)
    if (marked(c, j - 1, j, MARK_LAW)) return true;
  return false;
}

/* "la Confédération appelle les victimes", "réunissant la Confédération et
 * les cantons": in a Swiss document a bare capitalized Confédération is
 * Switzerland. Not when a complement makes it another body (Confédération
 * générale du travail, paysanne, des syndicats, Confédération Africaine),
 * nor after "de" + "la" in a law's title (la loi ... au sein de la
 * Confédération); after a noun it is the state (les services de la
 * Confédération, le délégué permanent de la Confédération). */
static int confederation(mctx *c) {
  if (!(c->trig & TRIG_CONFEDERATION)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k < end; k++) {
    if (!tis(c, k, "confederation") || !(tflags(c, k) & CYB_TOK_CAP) || covered(c, k) || cand_at(c, k, -1))
      continue;
    if (!tis(c, k - 1, "la") || (k >= b + 2 && (tis(c, k - 2, "de") || tis(c, k - 2, "d'")) && in_law_title(c, k)))
      continue;
    if (k + 1 < end && (tis(c, k + 1, "de") || tis(c, k + 1, "du") || tis(c, k + 1, "des") || tis(c, k + 1, "d'") ||
                        is_adjective(c, k + 1) ||
                        ((tflags(c, k + 1) & CYB_TOK_CAP) && (tflags(c, k + 1) & CYB_TOK_ALPHA))))
      continue;
    if (!swiss_document(c, k)) continue;
    if (push_with_id(c, k, k + 1, CYBERNER_COUNTRY, "CH")) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- embassies ------------------------------------------------------------------ */

/* The country a dictionary COUNTRY, NATIONALITY or LOCATION candidate over
 * tokens [tb, te) belongs to (one country, its code), NULL when none. */
static const char *country_of_span(const mctx *c, size_t tb, size_t te) {
  static const int labels[] = {CYBERNER_COUNTRY, CYBERNER_NATIONALITY, CYBERNER_LOCATION};
  for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
    const cyb__cand *d = dict_cand(c, tb, te, labels[i]);
    const char *cc = d && d->entry >= 0 ? cyb__cand_country(c->m, c->cs, d) : NULL;
    if (cc && strlen(cc) == 2) return cc;
  }
  return NULL;
}

/* "the U.S. Embassy in Manila", "the Chinese Embassy": a country or a
 * nationality before a capitalized Embassy names that country's mission, a
 * body no gazetteer lists for every pair of countries (AGENCY over both
 * words). Its id joins the two countries when the host is named after "in"
 * (us-embassy-ph). A lower-case embassy is described, not named. */
static int embassies(mctx *c) {
  if (!(c->trig & TRIG_EMBASSY)) return 0;
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t k = b + 1; k < end; k++) {
    if (!tis(c, k, "embassy") || !(tflags(c, k) & CYB_TOK_CAP) || covered(c, k)) continue;
    const cyb__cand *o = dict_cand(c, ANY_START, k, CYBERNER_COUNTRY);
    if (!o) o = dict_cand(c, ANY_START, k, CYBERNER_NATIONALITY);
    const char *cc = o && o->entry >= 0 ? cyb__cand_country(c->m, c->cs, o) : NULL;
    if (!cc || strlen(cc) != 2) continue;
    char id[32] = "";
    if (k + 2 < end && tis(c, k + 1, "in")) {
      size_t e = dict_end_at(c, k + 2, -1);
      const char *host = e ? country_of_span(c, k + 2, e) : NULL;
      if (host && strcmp(host, cc) != 0)
        snprintf(id, sizeof id, "%c%c-embassy-%c%c", cc[0] | 0x20, cc[1] | 0x20, host[0] | 0x20, host[1] | 0x20);
    }
    if (push_with_id(c, o->tb, k + 1, CYBERNER_AGENCY, id)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- portfolios ------------------------------------------------------------ */

/* A body's name that ends with a body's noun (Foreign Office, Cabinet
 * Office, Defence Ministry): before a minister's title it names the body
 * the minister sits in ("the Foreign Office Minister for Cyber"), not a
 * portfolio as "Homeland Security Secretary" does. */
static bool names_a_body(const mctx *c, const cyb__cand *d) {
  uint32_t lab = 0;
  size_t k = d->te - 1;
  return d->te - d->tb >= 2 && (tflags(c, k) & CYB_TOK_CAP) && pm(c, S_TAIL, k, d->te, &lab) &&
         (int)lab - 1 == CYBERNER_AGENCY;
}

/* "Secretary of the Security Council of the Russian Federation": a known
 * body whose name goes on after a body word with "of" (Council of ...,
 * Committee of ...) is a body of some state or union, not a portfolio. */
static bool council_of(const mctx *c, size_t b, size_t e) {
  uint32_t lab = 0;
  for (size_t k = b; k + 2 < e; k++)
    if ((tflags(c, k) & CYB_TOK_CAP) && tis(c, k + 1, "of") && pm(c, S_TAIL, k, k + 1, &lab) &&
        ((int)lab - 1 == CYBERNER_AGENCY || (int)lab - 1 == CYBERNER_ORGANIZATION))
      return true;
  return false;
}

/* An AGENCY the dictionaries name with a country or nationality word first
 * (US Navy, U.S. Cyber Command): the token where the words after it start,
 * 0 when it has no such start. */
static size_t after_country(const cyberner_model *m, const cyb__tokens *tt, const cyb__cand *d) {
  if (d->label != CYBERNER_AGENCY || d->source != CYB_SRC_DICT || d->te < d->tb + 2 || d->te > d->tb + 4)
    return 0; /* a paper's or a firm's last words (China Daily) are other names' too */
  int l = cyb__gazetteer_single_label(m->gaz, tt->tok[d->tb].vid);
  return l == CYBERNER_COUNTRY || l == CYBERNER_NATIONALITY ? d->tb + 1 : 0;
}

/* "French Armed Forces Minister Florence Parly": a body named with its
 * country's word first (after_country) before a title is a portfolio, but
 * the country's word stays, as it does before "Defence Minister" (ENTITIES.md
 * rule 8): the NOT_ENTITY starts after it, and the word gets the body's
 * country. Other bodies: the NOT_ENTITY covers the whole name. */
static int nationality_of_portfolio(mctx *c, const cyb__cand *d, size_t tl) {
  size_t tb = d->tb, te = d->te, s = after_country(c->m, c->tt, d); /* copied: a push may move d */
  const char *cc = s && d->entry >= 0 ? cyb__gazetteer_entry(c->m->gaz, (uint32_t)d->entry)->country : NULL;
  int label = cyb__gazetteer_single_label(c->m->gaz, c->tt->tok[tb].vid);
  if (!cc || strlen(cc) != 2) return push_body(c, tb, te + tl, CYB_NOT_ENTITY, 0.9f);
  return push_body(c, s, te + tl, CYB_NOT_ENTITY, 0.9f) || push_with_id(c, tb, s, label, cc) ? CYBERNER_ENOMEM : 0;
}

/* "Joint Secretary of the Cyber Diplomacy Division", "Secretary of the
 * National Security Council Secretariat": a body the dictionaries name over
 * [p, e), two words or more ending with a capitalized body word (Division,
 * Secretariat, Council), is a body, not a portfolio: the role alone is left
 * out (rule 6), the body is tagged; "Secretary of Homeland Security",
 * "Minister for the Armed Forces" stay portfolios. */
static bool body_after_title(const mctx *c, size_t p, size_t e) {
  /* a ministry's units, which bodies.txt leaves out: alone they make no
   * body's name from unknown words (the FBI's Cyber Division is its own) */
  static const char *const units[] = {"division", "directorate", "wing", "branch"};
  uint32_t lab = 0;
  if (e < p + 2 || !(tflags(c, e - 1) & CYB_TOK_CAP) || tis(c, e - 1, "forces")) return false;
  for (size_t i = 0; i < sizeof units / sizeof *units; i++)
    if (tis(c, e - 1, units[i])) return true;
  return pm(c, S_TAIL, e - 1, e, &lab) && (int)lab - 1 == CYBERNER_AGENCY;
}

/* "Minister for Home Affairs", "Secretary of Homeland Security", "ministre des
 * Armées": after a minister's title, the body names a portfolio and is part
 * of a role, which is not tagged (ENTITIES.md rule 6). A NOT_ENTITY over the
 * title and the body hides it. "Secretary of the Department of ..." names a
 * body (a head word, or a word followed by "of", opens it) and is kept, and
 * so is an acronym ("secrétaire du DICT", like "CISA Director" below). */
static int portfolios(mctx *c) {
  if (!(c->any_bits & 1u << S_TITLES)) return 0; /* both orders need a title */
  size_t end = c->s->tok_end;
  for (size_t pi = 0; pi < c->npstart; pi++) { /* a title starts at a token of pstart */
    size_t k = c->s->tok_begin + c->pstart[pi];
    uint32_t kind = 0;
    size_t p = k + pm(c, S_TITLES, k, end, &kind);
    if (p == k || !(kind & TITLE_PORTFOLIO) || p >= end) continue;
    if (!is_prep(c, p) && !tis(c, p, "of") && !tis(c, p, "for")) continue;
    p++;
    if (p < end && (is_article(c, p) || tis(c, p, "the"))) p++;
    if (p >= end || body_head_at(c, p) || pm(c, S_OF, p, end, NULL)) continue;
    size_t e = c->rs->body_end[p - c->s->tok_begin]; /* a body the dictionaries name there */
    if (e == p + 1 && (tflags(c, p) & CYB_TOK_ALLCAPS)) continue; /* an acronym stays a body: secrétaire du DICT */
    if (council_of(c, p, e) || body_after_title(c, p, e)) continue;
    if (e > p && push_body(c, k, e, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  /* the English order, "Homeland Security Secretary Kristi Noem": a body's
   * name in words right before a capitalized minister's title is the
   * portfolio; an acronym there (CISA Director, FBI Director) stays a body */
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label != CYBERNER_AGENCY || d->te >= end || d->tb < c->s->tok_begin) continue;
    if (d->te - d->tb == 1 && (tflags(c, d->tb) & CYB_TOK_ALLCAPS)) continue;
    if (names_a_body(c, d)) continue;
    uint32_t kind = 0;
    size_t tl = pm(c, S_TITLES, d->te, end, &kind);
    if (!tl || !(kind & TITLE_PORTFOLIO) || !(tflags(c, d->te) & CYB_TOK_CAP)) continue;
    if (nationality_of_portfolio(c, d, tl)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* "les ministères de la Défense des deux pays": a body's plural in lower
 * case (a generated alias on every country's entry) before "des deux pays"
 * names two bodies, neither of them alone; a NOT_ENTITY over both hides it.
 * (The dictionaries have no English plural of a body.) */
static size_t both_countries_at(const mctx *c, size_t k) {
  static const char *const tails[][4] = {{"des", "deux", "pays"}, {"de", "ces", "deux", "pays"}};
  for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
    size_t n = 0;
    while (n < 4 && tails[i][n] && k + n < c->s->tok_end && tis(c, k + n, tails[i][n])) n++;
    if (n == 4 || !tails[i][n]) return n;
  }
  return 0;
}

static bool lower_plural(const mctx *c, size_t k) {
  size_t n;
  const char *t = ttext(c, k, &n);
  return !(tflags(c, k) & CYB_TOK_CAP) && n > 3 && (t[n - 1] == 's' || t[n - 1] == 'x');
}

static int both_countries(mctx *c) {
  if (!(c->trig & TRIG_COUNTRIES)) return 0;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->label != CYBERNER_AGENCY || d->source != CYB_SRC_DICT || d->tb < c->s->tok_begin || !lower_plural(c, d->tb))
      continue;
    size_t tb = d->tb, te = d->te, n = both_countries_at(c, te); /* copied: the push may move d */
    if (n && push_body(c, tb, te + n, CYB_NOT_ENTITY, 0.9f)) return CYBERNER_ENOMEM;
  }
  return 0;
}

/* ---- short forms of a country's bodies ------------------------------------------ */

/* A meeting's own words in tokens [tb, te) (EU-Japan Cyber Dialogue: Cyber
 * Dialogue), after its edition (sixth, 4th) and its parties (a hyphenated
 * pair, a country or a nationality): their first token, 0 when fewer than
 * two words remain. */
static size_t meeting_words(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, size_t tb, size_t te) {
  size_t k = tb;
  while (k < te) {
    const cyb__token *t = &tt->tok[k];
    int l = cyb__gazetteer_single_label(m->gaz, t->vid);
    bool edition = (t->flags & CYB_TOK_DIGIT) || ps_find(&m->rules->set[S_ORDINALS], nm->text + t->start, t->end - t->start);
    bool party = (t->flags & (CYB_TOK_HYPHEN | CYB_TOK_DOTTED)) || (t->flags & CYB_TOK_PUNCT) ||
                 l == CYBERNER_COUNTRY || l == CYBERNER_NATIONALITY;
    if (!edition && !party) break;
    k++;
  }
  return te >= k + 2 ? k : 0;
}

/* "the EU-Japan Cyber Dialogue ... the sixth Cyber Dialogue": a meeting a
 * rule read, whose own words are those of a meeting the dictionaries named
 * earlier in the document (doc->shorts, cyb__rules_learn), is that one. */
static void link_meetings(mctx *c) {
  if (!c->doc->nshorts) return;
  for (size_t i = c->ndict; i < c->cs->n; i++) {
    cyb__cand *d = &c->cs->c[i];
    if (d->label != CYBERNER_EVENT || d->source != CYB_SRC_PATTERN || d->entry >= 0 || d->id >= 0) continue;
    size_t k = meeting_words(c->m, c->nm, c->tt, d->tb, d->te);
    if (!k && d->te >= d->tb + 2) k = d->tb; /* the meeting's words alone: Cyber Dialogue */
    if (!k) continue;
    char key[48];
    size_t kl = join(c->nm, c->tt, k, d->te - k, key, sizeof key);
    if (!kl || kl >= sizeof key) continue;
    for (int j = c->doc->shorts_head[bucket_before(key, kl, ' ')]; j >= 0; j = c->doc->shorts[j].next) {
      const cyb__docname *dn = &c->doc->shorts[j];
      if (dn->label == CYBERNER_EVENT && dn->keylen == kl && memcmp(dn->key, key, kl) == 0) {
        d->entry = dn->entry;
        break;
      }
    }
  }
}

/* Can the capitalized words [k, k + n) be a body's short form on their own:
 * no dictionary name over them, no capitalized word glued before or after
 * (Royal Navy, Chinese Navy, Navy Federal are other names)? */
static bool short_form_at(const mctx *c, size_t k, size_t n) {
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  if (k + n > end) return false;
  for (size_t j = k; j < k + n; j++)
    if (!(tflags(c, j) & CYB_TOK_CAP) || !(tflags(c, j) & CYB_TOK_ALPHA) || covered(c, j)) return false;
  if (k > b && (tflags(c, k - 1) & CYB_TOK_CAP) && (tflags(c, k - 1) & CYB_TOK_ALPHA) && !has(c, S_NOT_NAMES, k - 1))
    return false;
  if (k > b && (is_place_at(c, k - 1) || tis(c, k - 1, "'s"))) return false; /* someone else's Navy */
  return k + n == end || !(tflags(c, k + n) & CYB_TOK_CAP) || !(tflags(c, k + n) & CYB_TOK_ALPHA);
}

#define FIRM_STEM_MAX_WORDS 5
/* A company's first word (remember_firm_stem) alone at token k: not in
 * capitals (a dateline's town; an acronym is the acronym rules': CVE
 * Foundation is no reason to read every CVE), no word the speller knows as a proper one
 * (European, Scottish: the European Commission's first word names no
 * company); a common word only inside an English sentence, capitalized
 * there as a name is (Advanced said; not "Advanced attacks" opening a
 * sentence; in French a capitalized noun inside a sentence is often another
 * body's: la Société des ...). */
static bool firm_stem_at(const mctx *c, size_t k) {
  size_t n;
  const char *w = as_written(c, k, &n);
  uint16_t f = tflags(c, k);
  if ((f & CYB_TOK_ALLCAPS) || cyb__spell_proper(c->r->spell, c->rs->speller, c->s->lang, w, n)) return false;
  return (k > c->s->tok_begin && !(f & CYB_TOK_SENT_START) && c->s->lang == CYBERNER_LANG_EN) || !is_common(c, k);
}

/* "the US Navy and ... 100,000 Navy personnel": once a country's body is
 * named (US Navy), its words after the country, capitalized and alone,
 * are that body (every country has a Navy, so a bare one is no alias);
 * later in the sentence here, in later sentences from doc->shorts
 * (cyb__rules_learn). So is the first part of a hyphenated place seen
 * earlier (Villefranche-sur-Saône -> Villefranche), unless a common word
 * (Port-au-Prince is no Port). */
#define SHORT_FORM_WINDOW 200 /* tokens after a country's body where its short form is looked for */
static int short_bodies(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->tb < b || d->te > end || d->entry < 0) continue;
    size_t r = after_country(c->m, c->tt, d), n = d->te - r;
    if (!r) continue;
    /* copies: a push may move the candidates; a window: the work stays
     * linear in a sentence without end */
    int label = d->label;
    int32_t entry = d->entry;
    size_t from = d->te, to = d->te + SHORT_FORM_WINDOW < end ? d->te + SHORT_FORM_WINDOW : end;
    for (size_t k = from; k + n <= to; k++) {
      size_t j = 0;
      while (j < n && c->tt->tok[k + j].vid == c->tt->tok[r + j].vid) j++;
      if (j < n || !short_form_at(c, k, n)) continue;
      cyb__cand *p = cyb__cand_push(c->cs, c->tt->tok[k].start, c->tt->tok[k + n - 1].end, (uint32_t)k,
                                    (uint32_t)(k + n), label, CYB_SRC_MENTION, 0.85f);
      if (!p) return CYBERNER_ENOMEM;
      p->entry = entry;
    }
  }
  for (size_t ci = 0; ci < (c->doc->nshorts ? c->ncaps : 0); ci++) { /* (the list only grows) */
    size_t k = b + c->caps[ci];
    if (covered(c, k)) continue;
    size_t n;
    const char *t = ttext(c, k, &n);
    for (int i = c->doc->shorts_head[cyb__doc_name_bucket(c->tt->tok[k].hash)]; i >= 0; i = c->doc->shorts[i].next) {
      const cyb__docname *dn = &c->doc->shorts[i];
      char buf[sizeof dn->key];
      if (dn->firstlen != n || dn->key[0] != t[0] || memcmp(t, dn->key, n) != 0 || k + dn->ntok > end ||
          join(c->nm, c->tt, k, dn->ntok, buf, sizeof buf) != dn->keylen || memcmp(buf, dn->key, dn->keylen) != 0 ||
          !short_form_at(c, k, dn->ntok) || (dn->label == CYBERNER_LOCATION && is_common(c, k)) ||
          (dn->stem && !firm_stem_at(c, k)) || (dn->lang && dn->lang != c->s->lang))
        continue;
      if (push_remembered(c, k, k + dn->ntok, dn, CYB_SRC_MENTION)) return CYBERNER_ENOMEM;
      break;
    }
  }
  return 0;
}

/* "le Parlement européen ... porté le texte au Parlement": a bare word
 * the dictionaries give many bodies (fr:=Parlement, the national
 * parliaments) names the body whose short form it is (short=) once the
 * document has named that body in full, and has linked none of the word's
 * other bodies (the Romanian Parliament named too leaves it to the
 * dictionary's choice). The document proves it: it outranks the
 * dictionary's reading of the same span (CYB_RANK_CONTEXT). */
static bool other_body_seen(const mctx *c, const cyb__cand *d) {
  if (cyb__doc_saw(c->doc, d->entry)) return true;
  for (uint32_t a = 0; a < d->nalt; a++)
    if (cyb__doc_saw(c->doc, (int32_t)c->cs->alts[d->alt + a])) return true;
  return false;
}
/* The dictionary body over exactly [k, e) and in no longer dictionary name, or NULL. */
static const cyb__cand *bare_alias(const mctx *c, size_t k, size_t e) {
  const cyb__cand *hit = NULL;
  for (size_t i = 0; i < c->ndict; i++) {
    const cyb__cand *d = &c->cs->c[i];
    if (d->source != CYB_SRC_DICT || d->label == CYB_NOT_ENTITY || d->te <= k || d->tb >= e) continue;
    if (d->tb != k || d->te != e || !is_body_label(d->label)) return NULL;
    hit = d;
  }
  return hit;
}
static int shorts_over_aliases(mctx *c) {
  size_t b = c->s->tok_begin, end = c->s->tok_end;
  for (size_t ci = 0; ci < (c->doc->nshorts ? c->ncaps : 0); ci++) {
    size_t k = b + c->caps[ci], n;
    if (!covered(c, k) || !(tflags(c, k) & CYB_TOK_ALPHA)) continue;
    const char *t = ttext(c, k, &n);
    for (int i = c->doc->shorts_head[cyb__doc_name_bucket(c->tt->tok[k].hash)]; i >= 0; i = c->doc->shorts[i].next) {
      const cyb__docname *dn = &c->doc->shorts[i];
      char buf[sizeof dn->key];
      if (dn->entry < 0 || dn->stem || !is_body_label(dn->label) || dn->firstlen != n || memcmp(t, dn->key, n) != 0 ||
          k + dn->ntok > end || join(c->nm, c->tt, k, dn->ntok, buf, sizeof buf) != dn->keylen ||
          memcmp(buf, dn->key, dn->keylen) != 0 || (dn->lang && dn->lang != c->s->lang))
        continue;
      const cyb__entry *de = cyb__gazetteer_entry(c->m->gaz, (uint32_t)dn->entry);
      const cyb__cand *d = de && de->short_form ? bare_alias(c, k, k + dn->ntok) : NULL;
      if (!d || d->entry == dn->entry || other_body_seen(c, d)) continue;
      if (push_remembered(c, k, k + dn->ntok, dn, CYB_SRC_PATTERN)) return CYBERNER_ENOMEM;
      c->cs->c[c->cs->n - 1].rank = CYB_RANK_CONTEXT;
      break;
    }
  }
  return 0;
}

size_t cyb__rules_late_names(const cyberner_model *m, cyb__rules_scratch *rs, const char *src, size_t srclen,
                             const cyb__norm *nm, const cyb__tokens *tt, const cyb__sentence *s, const cyb__doc *doc,
                             cyb__late_name *out, size_t cap) {
  size_t n = 0;
  for (size_t k = s->tok_begin; k < s->tok_end && n < cap; k++) {
    const cyb__token *t = &tt->tok[k];
    uint16_t f = t->flags;
    if (!(f & CYB_TOK_CAP) || !(f & CYB_TOK_ALPHA) || (f & (CYB_TOK_ALLCAPS | CYB_TOK_DIGIT))) continue;
    size_t len = t->end - t->start;
    const cyb__docname *hit = NULL;
    for (int i = doc->name_head[cyb__doc_name_bucket(t->hash)]; i >= 0 && !hit; i = doc->names[i].next) {
      const cyb__docname *dn = &doc->names[i];
      if (dn->label == CYBERNER_PERSON && dn->ntok == 1 && !dn->shared && dn->keylen == len &&
          memcmp(dn->key, nm->text + t->start, len) == 0)
        hit = dn;
    }
    if (!hit) continue;
    /* after an article the word names a thing (the Hague tribunal) */
    if (k > s->tok_begin && (cyb__tok_is(nm, &tt->tok[k - 1], "the") || cyb__tok_is(nm, &tt->tok[k - 1], "le") ||
                             cyb__tok_is(nm, &tt->tok[k - 1], "la") || cyb__tok_is(nm, &tt->tok[k - 1], "l'")))
      continue;
    /* a common word there is the headline's own (Young Hackers Jailed) */
    size_t os = nm->map[t->start], oe = cyb__norm_src_end(nm, src, srclen, t->end);
    if (cyb__spell_common(m->rules->spell, rs->speller, 0, src + os, oe - os)) continue;
    out[n].tb = (uint32_t)k;
    out[n++].name = hit;
  }
  return n;
}

/* The platform X named before the document defines it ("Venezuela : X
 * reste bloqué" above "le réseau social X"): once the whole document is
 * read and it called the platform X, the bare X's of sentence s that
 * lone_x accepts (not Generation X, X-ray, A, B and X) and that follow no
 * capitalized word even at a sentence start (Windows X), at most cap of
 * them, by token. The caller keeps those inside no other name. */
size_t cyb__rules_late_x(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, const cyb__sentence *s,
                         uint32_t *out, size_t cap) {
  mctx c = {.m = m, .r = m->rules, .nm = nm, .tt = tt, .s = s};
  size_t n = 0;
  for (size_t k = s->tok_begin; k < s->tok_end && n < cap; k++)
    if ((tflags(&c, k) & CYB_TOK_CAP) && tis(&c, k, "x") && lone_x(&c, k) &&
        !(k > s->tok_begin && (tflags(&c, k - 1) & CYB_TOK_CAP) && (tflags(&c, k - 1) & CYB_TOK_ALPHA)))
      out[n++] = (uint32_t)k;
  return n;
}

int cyb__rules_match(const cyberner_model *m, cyb__rules_scratch *rs, const char *src, size_t srclen,
                     const cyb__norm *nm, const cyb__tokens *tt, const cyb__sentence *s, cyb__doc *doc,
                     cyb__cands *cs) {
  mctx c = {m, m->rules, rs, nm, tt, s, doc, cs, cs->n, src, srclen, NULL, NULL, 0, 0, 0, 0, false, false, {0}, NULL, 0, NULL, 0, NULL, 0, 0, {0}};
  size_t ntok = s->tok_end - s->tok_begin;
  if (cyb__grow((void **)&rs->bits, &rs->bits_cap, ntok + 1, sizeof *rs->bits) ||
      cyb__grow((void **)&rs->name_ok, &rs->name_ok_cap, ntok + 1, 1) ||
      cyb__grow((void **)&rs->pstart, &rs->pstart_cap, ntok + 1, sizeof *rs->pstart) ||
      cyb__grow((void **)&rs->caps, &rs->caps_cap, ntok + 1, sizeof *rs->caps) ||
      cyb__grow((void **)&rs->cparen, &rs->cparen_cap, ntok + 1, sizeof *rs->cparen))
    return CYBERNER_ENOMEM;
  c.bits = rs->bits;
  /* One pass over the tokens, the sums in locals (a store to bits[] may
   * alias the tokens and c, which the compiler then reloads and stores at
   * every token): each token's list bits and trigger words, the sentence's
   * OR of them and of the flags; its capitalized tokens; the name tokens
   * (a capital, or a hyphened article_surname: most tokens are neither),
   * and the tokens persons() starts at (those, titles, dotted initials). */
  _Static_assert(CYB_TOK_ALPHA == 1u && CYB_TOK_DIGIT == 2u && CYB_TOK_ALLCAPS == 1u << 5, "token flag bits");
  const cyb__token *tok = tt->tok + s->tok_begin;
  const uint32_t *vid_bits = m->rules->vid_bits, *vid_trig = m->rules->vid_trig;
  size_t nvid = m->rules->nvid; /* one bound for both tables */
  uint32_t *bits = rs->bits, *caps_at = rs->caps, *pstart = rs->pstart, *cparen = rs->cparen;
  uint8_t *name_ok = rs->name_ok;
  uint32_t any_bits = 0, trig = 0;
  unsigned any_flags = 0, any_alnum = 0;
  /* words (low half) and words in capitals (high half): a headline in
   * capitals (below); one sum, as a sentence has fewer than 65536 tokens */
  _Static_assert(CYB_MAX_SENTENCE_TOKENS < 65536, "a sentence's word counts fit in 16 bits");
  uint32_t words = 0;
  size_t np = 0, nc = 0, nq = 0;
  for (size_t k = 0; k < ntok; k++) {
    unsigned f = tok[k].flags;
    if ((f & CYB_TOK_PUNCT) && tok[k].end == tok[k].start + 1 &&
        (nm->text[tok[k].start] == ',' || nm->text[tok[k].start] == '('))
      cparen[nq++] = (uint32_t)k;
    uint32_t v = tok[k].vid, b = 0;
    if (v < nvid) b = vid_bits[v], trig |= vid_trig[v];
    bits[k] = b;
    any_bits |= b;
    any_flags |= f;
    any_alnum |= f & (f >> 1);  /* bit 0: CYB_TOK_ALPHA and CYB_TOK_DIGIT (bit 1) */
    words += (f & CYB_TOK_ALPHA) | (f & CYB_TOK_ALLCAPS) << 11; /* bits 0 and 5 */
    if (f & CYB_TOK_CAP) caps_at[nc++] = (uint32_t)k;
    bool ok = (f & (CYB_TOK_CAP | CYB_TOK_HYPHEN)) && name_token_of(&c, s->tok_begin + k);
    name_ok[k] = ok;
    if ((f & (CYB_TOK_CAP | CYB_TOK_DOTTED)) || ok || ((b >> S_TITLES) & 1u)) pstart[np++] = (uint32_t)k;
  }
  c.any_bits = any_bits;
  c.any_flags = (uint16_t)any_flags;
  c.any_alnum = any_alnum & 1u;
  c.trig = trig;
  c.pstart = rs->pstart;
  c.npstart = np;
  c.caps = rs->caps;
  c.ncaps = nc;
  c.cparen = rs->cparen;
  c.ncparen = nq;
  c.name_ok = rs->name_ok;
  if (cyb__grow((void **)&rs->starts, &rs->starts_cap, ntok + 1, sizeof *rs->starts) ||
      cyb__grow((void **)&rs->cover, &rs->cover_cap, ntok + 1, 1) ||
      cyb__grow((void **)&rs->body_end, &rs->body_end_cap, ntok + 1, sizeof *rs->body_end))
    return CYBERNER_ENOMEM;
  memset(rs->starts, 0, ntok * sizeof *rs->starts);
  memset(rs->cover, 0, ntok);
  memset(rs->body_end, 0, ntok * sizeof *rs->body_end);
  for (size_t i = 0; i < cs->n; i++) {
    const cyb__cand *d = &cs->c[i];
    if (d->tb < s->tok_begin || d->tb >= s->tok_end || d->label >= 16) continue;
    rs->starts[d->tb - s->tok_begin] |= (uint16_t)(1u << d->label);
    c.any_starts |= (uint16_t)(1u << d->label);
    uint32_t *be = &rs->body_end[d->tb - s->tok_begin];
    if ((d->label == CYBERNER_AGENCY || d->label == CYBERNER_ORGANIZATION) && d->te > *be) *be = d->te;
    if (d->source == CYB_SRC_DICT)
      for (uint32_t k = d->tb; k < d->te && k < s->tok_end; k++) rs->cover[k - s->tok_begin] = 1;
  }
  /* Each rule below tests its sentence-level gate first, before it reads
   * anything else: a rule that skips the sentence then returns before the
   * registers its loop needs are saved (most sentences skip most rules). */
  /* a headline in capitals: the shape rules would read every word as a name */
  size_t alpha = words & 0xFFFFu, caps = words >> 16;
  bool headline = alpha >= 3 && caps * 10 > alpha * 6;
  int rc;
  if ((rc = identifiers(&c)) || (rc = eu_act_number(&c)) ||
      (c.s->lang == CYBERNER_LANG_EN && (rc = programme_names(&c))) || (rc = results_line(&c)) ||
      (rc = fixture_line(&c)) || (rc = platform_x(&c)) || (rc = web_services(&c)) ||
      (!headline && ((rc = persons(&c)) || (rc = country_words_as_surnames(&c)) || (rc = names_before_roles(&c)) || (rc = bodies(&c)) || (rc = meeting_series(&c)) || (rc = portfolios(&c)) || (rc = both_countries(&c)) || (rc = plan_names(&c)) || (rc = places_of(&c)) || (rc = areas_of(&c)) ||
                     (rc = nord_departement(&c)) || (rc = towns_in_parens(&c)) || (rc = scripts(&c)) || (rc = embassies(&c)) || (rc = media_names(&c)) || (rc = titled_papers(&c)) || (rc = company_names(&c)) || (c.s->lang == CYBERNER_LANG_FR && (rc = firms_after_nationality(&c))) || (rc = described_companies(&c)) ||
                     (c.s->lang == CYBERNER_LANG_EN && (rc = party_and_firm_names(&c))) || (rc = hospitals_and_schools(&c)) ||
                     (rc = secrets(&c)) || (rc = short_bodies(&c)) || (rc = shorts_over_aliases(&c)) || (rc = campaigns(&c)) || (rc = brand_products(&c)) || (rc = units_of_bodies(&c)) ||
                     (rc = malware_names(&c)) || (rc = malware_lists(&c)) || (rc = actors_after_kind(&c)) ||
                     (c.s->lang == CYBERNER_LANG_FR && (rc = confederation(&c))) ||
                     (c.s->lang == CYBERNER_LANG_FR && (rc = languages(&c))) ||
                     (c.s->lang == CYBERNER_LANG_FR && (rc = foreign_names(&c))) ||
                     (c.s->lang == CYBERNER_LANG_EN && (rc = languages_en(&c))) ||
                     (c.s->lang == CYBERNER_LANG_EN && (rc = possessed_descriptions(&c))) ||
                     (c.s->lang == CYBERNER_LANG_EN && (rc = makers_before_products(&c))) ||
                     (rc = armed_forces_of_country(&c)) || (c.s->lang == CYBERNER_LANG_EN && ((rc = service_of_document(&c)) || (rc = party_of_document(&c)))) || (c.s->lang == CYBERNER_LANG_FR && (rc = bodies_of_named_countries(&c))) ||
                     (rc = regions_of_towns(&c)))))
    return rc;
  link_meetings(&c);
  c.ndict = cs->n;
  return (rc = acronyms(&c)) || (rc = hidden_acronyms(&c)) || (rc = long_form_of_name(&c)) ? rc : appositions(&c);
}

/* ---- what later sentences may refer to ------------------------------------------ */

/* Remember a name in a list of the document, chained into its bucket of
 * head (an equal key has the same bucket) at the chain's end: lookups meet
 * the names of a bucket in the order they came. */
static cyb__docname *remember(cyb__docname **listp, size_t *n, size_t *cap, int16_t *head, size_t bucket,
                              const char *key, size_t kl, int label, int32_t entry, const char *id) {
  cyb__docname *list = *listp;
  if (kl == 0 || kl >= sizeof list->key) return NULL;
  int last = -1; /* the chain's last name (an index: growing the list may move it) */
  for (int i = head[bucket]; i >= 0; i = list[i].next) {
    last = i;
    if (list[i].keylen == kl && list[i].key[0] == key[0] && memcmp(list[i].key, key, kl) == 0) {
      if (list[i].label == CYB_NOT_ENTITY && label != CYB_NOT_ENTITY) { /* an entity's definition replaces a thing's */
        list[i].label = (uint8_t)label;
        list[i].entry = entry;
        copy_str(list[i].id, sizeof list[i].id, id, id ? strlen(id) : 0);
      } else if (list[i].titled && label == CYBERNER_PERSON &&
                 (entry >= 0 || strcmp(id ? id : "", list[i].id) != 0)) {
        list[i].titled = 0; /* Ambassador Albright, then Madeleine Albright */
        list[i].entry = entry;
        copy_str(list[i].id, sizeof list[i].id, id, id ? strlen(id) : 0);
      } else if (label == CYBERNER_PERSON && list[i].label == CYBERNER_PERSON &&
                 (entry != list[i].entry || (entry < 0 && strcmp(id ? id : "", list[i].id) != 0))) {
        list[i].shared = 1; /* Naina Yeltsin, then Boris Yeltsin */
      }
      return NULL; /* else the first one stays */
    }
  }
  if (*n >= CYB_DOC_MAX_NAMES || cyb__grow((void **)listp, cap, *n + 1, sizeof **listp)) return NULL;
  list = *listp; /* out of memory only loses the memory of this name */
  if (last < 0) head[bucket] = (int16_t)*n;
  else list[last].next = (int16_t)*n;
  cyb__docname *d = &list[(*n)++];
  d->next = -1;
  memcpy(d->key, key, kl);
  d->key[kl] = '\0';
  d->keylen = (uint8_t)kl;
  const char *sp = memchr(key, ' ', kl);
  d->firstlen = (uint8_t)(sp ? (size_t)(sp - key) : kl);
  d->ntok = 1;
  for (size_t i = 0; i < kl; i++) d->ntok += key[i] == ' ';
  d->label = (uint8_t)label;
  d->shared = 0;
  d->stem = 0;
  d->lang = 0;
  d->titled = 0;
  d->entry = entry;
  copy_str(d->id, sizeof d->id, id, id ? strlen(id) : 0);
  return d;
}

static cyb__docname *remember_name(cyb__doc *doc, const char *key, size_t kl, int label, int32_t entry,
                                   const char *id) {
  return remember(&doc->names, &doc->nnames, &doc->names_cap, doc->name_head, bucket_before(key, kl, ' '), key, kl, label,
           entry, id);
}
static void remember_acr(cyb__doc *doc, const char *key, size_t kl, int label, int32_t entry, const char *id) {
  remember(&doc->acr, &doc->nacr, &doc->acr_cap, doc->acr_head, bucket_before(key, kl, '-'), key, kl, label, entry,
           id);
}
static cyb__docname *remember_short(cyb__doc *doc, const char *key, size_t kl, int label, int32_t entry,
                                    const char *id) {
  return remember(&doc->shorts, &doc->nshorts, &doc->shorts_cap, doc->shorts_head, bucket_before(key, kl, ' '), key, kl,
           label, entry, id);
}

/* "XSS.is", "BreachForums.st": a body named by its web address is named
 * by the address's first word too once the document has shown the address
 * ("KELA, XSS, connu ..."); alone, that word may be something else (une
 * faille XSS), so it is remembered only from the address, like an acronym
 * defined in parentheses. The word needs two capitals to be looked for. */
static void remember_address_stem(const cyb__norm *nm, const cyb__tokens *tt, const cyb__cand *d, const char *id,
                                  cyb__doc *doc) {
  if ((d->label != CYBERNER_ORGANIZATION && d->label != CYBERNER_AGENCY) || d->te < d->tb + 3) return;
  for (uint32_t k = d->tb + 1; k < d->te; k++) {
    const cyb__token *t = &tt->tok[k];
    bool dot = (k - d->tb) % 2 == 1; /* word . word . word, glued */
    if (t->start != tt->tok[k - 1].end || (dot != cyb__tok_is(nm, t, ".")) || (!dot && !(t->flags & CYB_TOK_ALPHA)))
      return;
  }
  if (cyb__tok_is(nm, &tt->tok[d->te - 1], ".")) return;
  const cyb__token *t = &tt->tok[d->tb];
  remember_acr(doc, nm->text + t->start, t->end - t->start, d->label, d->entry, id);
  /* "Blender.io" ... "a rebrand of Blender": a capitalized word before a
   * common top-level domain is looked for as a short form too (one capital
   * is enough there: short_bodies); a bare alias would tag the software and
   * the kitchen tool in every other text */
  static const char *const tlds[] = {"io", "com", "net", "org", "cc", "to", "su"};
  const cyb__token *tld = &tt->tok[d->tb + 2];
  if (d->te != d->tb + 3 || !(t->flags & CYB_TOK_CAP) || (t->flags & CYB_TOK_ALLCAPS) || (tld->flags & CYB_TOK_CAP))
    return;
  for (size_t i = 0; i < sizeof tlds / sizeof *tlds; i++)
    if (cyb__tok_is(nm, tld, tlds[i])) {
      remember_short(doc, nm->text + t->start, t->end - t->start, d->label, d->entry, id);
      return;
    }
}

/* "Villefranche-sur-Saône", "Aix-en-Provence": a place the dictionaries
 * know (even inside a longer name: l'hôpital de Villefranche-sur-Saône),
 * one hyphenated token whose second part is a lower-case link word, is
 * named later by its first part alone ("les sites de Villefranche"), which
 * is no alias on its own (Villefranche-sur-Mer, -de-Rouergue ...). */
static void remember_place_stem(const cyb__norm *nm, const cyb__tokens *tt, const cyb__cand *d, cyb__doc *doc) {
  if (d->label != CYBERNER_LOCATION || d->source != CYB_SRC_DICT || d->entry < 0 || d->te != d->tb + 1) return;
  const cyb__token *t = &tt->tok[d->tb];
  if (!(t->flags & CYB_TOK_HYPHEN)) return;
  const char *x = nm->text + t->start, *h = memchr(x, '-', t->end - t->start);
  size_t n = h ? (size_t)(h - x) : 0;
  if (n < 4 || t->start + n + 1 >= t->end || nm->upper[t->start + n + 1]) return;
  remember_short(doc, x, n, d->label, d->entry, NULL);
}

/* "Kojima Industries ... Kojima said": a company named in full, two to
 * five capitalized words, is named later by its first word alone. The word
 * must be a name of its own: no dictionary entity alone (Washington Post,
 * Hanoi Stock Exchange: a place), no given name (Morgan Stanley), title,
 * article or word the rules know as no name; a common word (Advanced
 * Computer Software) is looked for only inside a sentence (short_bodies). */
static void remember_firm_stem(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, const cyb__cand *d,
                               const char *id, cyb__doc *doc) {
  if (d->label != CYBERNER_ORGANIZATION || (d->source != CYB_SRC_DICT && d->source != CYB_SRC_PATTERN) ||
      d->te < d->tb + 2 || d->te > d->tb + FIRM_STEM_MAX_WORDS)
    return;
  const cyb__token *t0 = &tt->tok[d->tb], *t1 = &tt->tok[d->tb + 1];
  if ((t0->flags & (CYB_TOK_CAP | CYB_TOK_ALPHA)) != (CYB_TOK_CAP | CYB_TOK_ALPHA) ||
      (t0->flags & (CYB_TOK_DIGIT | CYB_TOK_DOTTED | CYB_TOK_HYPHEN | CYB_TOK_ELISION)) || t0->end - t0->start < 3 ||
      !(t1->flags & CYB_TOK_CAP) || cyb__gazetteer_single_label(m->gaz, t0->vid) >= 0)
    return;
  uint32_t bits = t0->vid < m->rules->nvid ? m->rules->vid_bits[t0->vid] >> 16 : 0;
  if (bits & (1u << S_NOT_NAMES | 1u << S_FIRST | 1u << S_TITLES | 1u << S_ARTICLE | 1u << S_PREP | 1u << S_HEAD))
    return;
  cyb__docname *dn = remember_short(doc, nm->text + t0->start, t0->end - t0->start, d->label, d->entry, id);
  if (dn) dn->stem = 1;
}

/* A name the dictionaries hide (NOT_ENTITY: Cyber Norm Initiative): the
 * initials of its capitalized words (CNI), for hidden_acronyms(). */
static void remember_hidden_initials(const cyb__norm *nm, const cyb__tokens *tt, const cyb__cand *d, cyb__doc *doc) {
  if (d->label != CYB_NOT_ENTITY || d->te < d->tb + 2) return;
  char key[48];
  size_t kl = 0;
  for (uint32_t k = d->tb; k < d->te && kl + 1 < sizeof key; k++)
    if ((tt->tok[k].flags & CYB_TOK_CAP) && (tt->tok[k].flags & CYB_TOK_ALPHA)) key[kl++] = nm->text[tt->tok[k].start];
  if (kl >= 3)
    remember(&doc->hidden, &doc->nhidden, &doc->hidden_cap, doc->hidden_head, hidden_bucket(key, kl), key, kl,
             CYB_NOT_ENTITY, -1, NULL);
}

/* A first word that is both a family name and a given name (Lee, Moon)
 * opens a family-name-first name when no later word is a family name: Lee
 * Hsien Loong, Moon Jae-in, but not Lee Smith. */
static bool family_first(const phraseset *sur, const cyb__norm *nm, const cyb__tokens *tt, const cyb__cand *d) {
  for (size_t k = d->tb + 1; k < d->te; k++) {
    const cyb__token *t = &tt->tok[k];
    if (ps_find(sur, nm->text + t->start, t->end - t->start) || (t->flags & CYB_TOK_DOTTED)) return false;
  }
  return true;
}

/* "Nugroho Sulistyo Budi ... Nugroho, an army officer": a name of three
 * words none of which the surname list knows (an Indonesian name: a
 * personal name and more names, no family name) is called by its first
 * word alone. */
static bool first_word_alone(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, const cyb__cand *d) {
  const phraseset *sur = &m->rules->set[S_SURNAMES];
  if (d->te != d->tb + 3) return false;
  for (size_t k = d->tb; k < d->te; k++) {
    const cyb__token *t = &tt->tok[k];
    if (!(t->flags & CYB_TOK_CAP) || (t->flags & (CYB_TOK_DOTTED | CYB_TOK_HYPHEN | CYB_TOK_ALLCAPS)) ||
        ps_find(sur, nm->text + t->start, t->end - t->start))
      return false;
  }
  return true;
}

/* "Minister Okonkwo ... Okonkwo said": a person the rules found as one
 * capitalized word after a one-word title is named later by that word
 * alone, as a person named in full is by the surname. */
static bool titled_surname(const cyberner_model *m, const cyb__tokens *tt, const cyb__cand *d) {
  if (d->label != CYBERNER_PERSON || d->source != CYB_SRC_PATTERN || d->te != d->tb + 1 || d->tb == 0) return false;
  const cyb__token *t = &tt->tok[d->tb];
  if ((t->flags & (CYB_TOK_CAP | CYB_TOK_ALPHA)) != (CYB_TOK_CAP | CYB_TOK_ALPHA) ||
      (t->flags & (CYB_TOK_ALLCAPS | CYB_TOK_DOTTED | CYB_TOK_DIGIT)) || t->end - t->start < 3)
    return false;
  uint32_t tv = tt->tok[d->tb - 1].vid;
  uint32_t bits = tv < m->rules->nvid ? m->rules->vid_bits[tv] >> 16 : 0;
  return bits & (1u << S_TITLES);
}

/* The short forms the dictionary gives an entry (short=commission, or one
 * a language: en:parliament,fr:parlement), each remembered with the
 * language of the sentences where it names the entry (0: any). */
static void remember_short_forms(cyb__doc *doc, const cyb__entry *de, const cyb__cand *d, const char *id) {
  for (const char *p = de->short_form; *p;) {
    size_t n = strcspn(p, ",");
    uint8_t lang = 0;
    if (n > 3 && (!strncmp(p, "en:", 3) || !strncmp(p, "fr:", 3)))
      lang = p[0] == 'e' ? CYBERNER_LANG_EN : CYBERNER_LANG_FR, p += 3, n -= 3;
    cyb__docname *sf = remember_short(doc, p, n, d->label, d->entry, id);
    if (sf) sf->lang = lang;
    p += n + (p[n] == ',');
  }
}

void cyb__rules_learn(const cyberner_model *m, const cyb__norm *nm, const cyb__tokens *tt, const cyb__cands *cs,
                      const uint32_t *kept, size_t nkept, cyb__doc *doc) {
  for (size_t i = 0; i < cs->n; i++) remember_place_stem(nm, tt, &cs->c[i], doc);
  for (size_t i = 0; i < nkept; i++) {
    const cyb__cand *d = &cs->c[kept[i]];
    const char *id = d->id >= 0 ? cs->strings.data + d->id : NULL;
    /* the candidate's own span: a part of a hyphenated token (UA of
     * UA-GFCE, acronym_parts) is not the whole token */
    if (d->source == CYB_SRC_ACRONYM && d->te == d->tb + 1)
      remember_acr(doc, nm->text + d->ns, d->ne - d->ns, d->label, d->entry, id);
    remember_address_stem(nm, tt, d, id, doc);
    remember_hidden_initials(nm, tt, d, doc);
    remember_firm_stem(m, nm, tt, d, id, doc);
    /* "the European Commission ... the Commission": the short form the
     * dictionary gives the body (short=), looked for once it is named */
    const cyb__entry *de =
        d->entry >= 0 && d->source == CYB_SRC_DICT ? cyb__gazetteer_entry(m->gaz, (uint32_t)d->entry) : NULL;
    if (de && de->short_form) remember_short_forms(doc, de, d, id);
    size_t r = d->entry >= 0 ? after_country(m, tt, d) : 0;
    if (d->label == CYBERNER_EVENT && d->entry >= 0 && d->source == CYB_SRC_DICT) r = meeting_words(m, nm, tt, d->tb, d->te);
    if (r) {
      char key[48];
      size_t kl = join(nm, tt, r, d->te - r, key, sizeof key);
      if (kl < sizeof key) remember_short(doc, key, kl, d->label, d->entry, id);
    }
    cyb__docname *tn = titled_surname(m, tt, d) ? remember_name(doc, nm->text + tt->tok[d->tb].start,
                                                                 tt->tok[d->tb].end - tt->tok[d->tb].start,
                                                                 d->label, d->entry, id)
                                                 : NULL;
    if (tn) tn->titled = 1;
    if (d->label == CYBERNER_PERSON && d->te >= d->tb + 2 && d->source != CYB_SRC_MENTION) {
      cyb__cand dd = *d; /* Ferdinand Marcos Jr.: the surname is Marcos */
      while (dd.te > dd.tb + 2) {
        if (!name_suffix(nm, &tt->tok[dd.te - 1])) break;
        dd.te--;
      }
      d = &dd;
      /* the whole name: found again whole where no rule would see it (a
       * given name no list holds: Zorbo Qwertzstein ... Zorbo Qwertzstein,
       * head of the unit) */
      char key[96];
      size_t kl = join(nm, tt, d->tb, d->te - d->tb, key, sizeof key);
      if (kl < sizeof key) remember_name(doc, key, kl, d->label, d->entry, id);
      /* the surname: everything after the first token (Le Drian, von der Leyen) */
      kl = join(nm, tt, d->tb + 1, d->te - d->tb - 1, key, sizeof key);
      remember_name(doc, key, kl, d->label, d->entry, id);
      const cyb__token *last = &tt->tok[d->te - 1];
      remember_name(doc, nm->text + last->start, last->end - last->start, d->label, d->entry, id);
      const phraseset *sur = &m->rules->set[S_SURNAMES], *given = &m->rules->set[S_FIRST];
      /* a given name and two surnames (Daniel Álvarez Valenzuela, Gabriel
       * Boric Font): the first surname alone is the usual short form */
      if (d->te == d->tb + 3) {
        const cyb__token *t1 = &tt->tok[d->tb + 1];
        if (ps_find(given, nm->text + tt->tok[d->tb].start, tt->tok[d->tb].end - tt->tok[d->tb].start) &&
            !ps_find(given, nm->text + t1->start, t1->end - t1->start) && !(t1->flags & CYB_TOK_DOTTED) &&
            t1->end - t1->start > 2)
          remember_name(doc, nm->text + t1->start, t1->end - t1->start, d->label,
                   d->entry, id);
      }
      /* family name first (Zhao Guangzong, Yoon Suk Yeol): the short form is the first word */
      const cyb__token *t0 = &tt->tok[d->tb];
      /* a patronymic (Haitham bin Tarik, Tamim ben Hamad Al Thani): the
       * given name is the short form (Sultan Haitham, Sheikh Tamim;
       * Haitham succeeded his cousin); with two such people of one given
       * name, the first keeps it */
      const cyb__token *t1 = &tt->tok[d->tb + 1];
      if (d->te >= d->tb + 3 && (cyb__tok_is(nm, t1, "bin") || cyb__tok_is(nm, t1, "ben") ||
                                 cyb__tok_is(nm, t1, "ibn") || cyb__tok_is(nm, t1, "bint")))
        remember_name(doc, nm->text + t0->start, t0->end - t0->start, d->label, d->entry, id);
      if (ps_find(sur, nm->text + t0->start, t0->end - t0->start) &&
          (!ps_find(given, nm->text + t0->start, t0->end - t0->start) || family_first(sur, nm, tt, d)))
        remember_name(doc, nm->text + t0->start, t0->end - t0->start, d->label, d->entry, id);
      else if (first_word_alone(m, nm, tt, d))
        remember_name(doc, nm->text + t0->start, t0->end - t0->start, d->label, d->entry, id);
    }
  }
}
