/* Pattern rules, end to end through the public API, French and English,
 * with the negative cases the rule-based tagger issue lists. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cyberner.h"

static cyberner_model *model;

/* The tagged text, and in [*s, *e) the bytes of `surface` (its first
 * occurrence after `after`, NULL: from the start). */
static cyberner_result *tag_over(const char *text, const char *surface, const char *after, size_t *s, size_t *e) {
  const char *from = after ? strstr(text, after) : text;
  ck_assert_ptr_nonnull(from);
  const char *p = strstr(from, surface);
  ck_assert_msg(p != NULL, "'%s' not in the text", surface);
  *s = (size_t)(p - text), *e = *s + strlen(surface);
  cyberner_result *r = cyberner_tag(model, text, strlen(text), NULL, NULL);
  ck_assert_ptr_nonnull(r);
  return r;
}

/* Is entity i of r exactly over [s, e)? */
static int over(const cyberner_result *r, size_t i, size_t s, size_t e) {
  return cyberner_entity_start(r, i) == s && cyberner_entity_end(r, i) == e;
}

/* Is `surface` (its first occurrence after `after`) tagged with label and id? */
static int tagged(const char *text, const char *surface, const char *after, int label, const char *id) {
  size_t s, e;
  cyberner_result *r = tag_over(text, surface, after, &s, &e);
  int found = 0;
  for (size_t i = 0; i < cyberner_result_count(r); i++) {
    if (!over(r, i, s, e) || cyberner_entity_label(r, i) != label) continue;
    const char *got = cyberner_entity_id(r, i);
    found = !id || (got && strcmp(got, id) == 0);
  }
  cyberner_result_free(r);
  return found;
}

/* Does any entity start inside `surface`? */
static int untagged(const char *text, const char *surface) {
  size_t s, e;
  cyberner_result *r = tag_over(text, surface, NULL, &s, &e);
  int none = 1;
  for (size_t i = 0; i < cyberner_result_count(r); i++)
    if (cyberner_entity_start(r, i) < e && cyberner_entity_end(r, i) > s) none = 0;
  cyberner_result_free(r);
  return none;
}

/* The score of the entity over `surface` (its first occurrence), -1 when none. */
static double score_of(const char *text, const char *surface) {
  size_t s, e;
  cyberner_result *r = tag_over(text, surface, NULL, &s, &e);
  double score = -1;
  for (size_t i = 0; i < cyberner_result_count(r); i++)
    if (over(r, i, s, e)) score = cyberner_entity_score(r, i);
  cyberner_result_free(r);
  return score;
}

/* Does the entity over `surface` (its first occurrence after `after`) have an id? */
static int has_id(const char *text, const char *surface, const char *after) {
  size_t s, e;
  cyberner_result *r = tag_over(text, surface, after, &s, &e);
  int any = 0;
  for (size_t i = 0; i < cyberner_result_count(r); i++)
    if (over(r, i, s, e)) any = cyberner_entity_id(r, i) != NULL;
  cyberner_result_free(r);
  return any;
}

/* Is `surface` (its first occurrence) a DATE of that value, in a sentence of language lang? */
static int dated(const char *text, const char *surface, const char *value, int lang) {
  size_t s, e;
  cyberner_result *r = tag_over(text, surface, NULL, &s, &e);
  int found = 0;
  for (size_t i = 0; i < cyberner_result_count(r); i++)
    if (over(r, i, s, e) && cyberner_entity_label(r, i) == CYBERNER_DATE && cyberner_entity_lang(r, i) == lang)
      found = cyberner_entity_value(r, i) && strcmp(cyberner_entity_value(r, i), value) == 0;
  cyberner_result_free(r);
  return found;
}

#define YES(text, surface, label, id) ck_assert_msg(tagged(text, surface, NULL, label, id), "%s: %s", #label, surface)
#define NO(text, surface) ck_assert_msg(untagged(text, surface), "tagged: %s", surface)

START_TEST(person_titles) {
  YES("Cette réunion a été coprésidée par M. Jean Dupontel, ambassadeur.", "Jean Dupontel", CYBERNER_PERSON, "jean-dupontel");
  YES("Mr Harrowgate outlined the strategy.", "Harrowgate", CYBERNER_PERSON, NULL);
  YES("Selon Mme Lavaldière, la menace augmente.", "Lavaldière", CYBERNER_PERSON, NULL);
  YES("le Premier ministre japonais Fumio Kishida", "Fumio Kishida", CYBERNER_PERSON, "fumio-kishida");
  YES("President Yoon Suk Yeol said so.", "Yoon Suk Yeol", CYBERNER_PERSON, "yoon-suk-yeol");
  /* surnames in capitals, as French official texts write them */
  YES("Le ministre, Jean-Pascal MORTEROL, a reçu la délégation.", "Jean-Pascal MORTEROL", CYBERNER_PERSON, NULL);
  YES("Il a reçu M. VALDENAIRE hier.", "VALDENAIRE", CYBERNER_PERSON, NULL);
  /* a courtesy title after a role opens the name: it is no word of it */
  YES("Le ministre a félicité Mme COLONNETTI pour sa nomination.", "COLONNETTI", CYBERNER_PERSON, NULL);
  YES("Madam President, I thank Mr Harrowgate for his report.", "Harrowgate", CYBERNER_PERSON, "harrowgate");
  YES("Le ministre a félicité Mme Lavaldière pour sa nomination.", "Lavaldière", CYBERNER_PERSON, "lavaldiere");
  /* right after a role, a family name that is a common word names the
   * person of a country the document names */
  YES("Then UK Prime Minister May and the Dutch premier issued a statement.", "May", CYBERNER_PERSON, "theresa-may");
  ck_assert(!tagged("Prime Minister May said so.", "May", NULL, CYBERNER_PERSON, NULL));
  ck_assert(!tagged("In Britain, Prime Minister May 2019 was a hard month.", "May", NULL, CYBERNER_PERSON, NULL));
  /* a particle in lower case opens the family name after a title */
  YES("Il a remercié Mme de Palacière pour son rapport.", "de Palacière", CYBERNER_PERSON, NULL);
  YES("I thank Mrs van Rompuyen for her report.", "van Rompuyen", CYBERNER_PERSON, NULL);
  /* ... not after the letter M with no full stop: a model, a series */
  ck_assert(!tagged("La s\xc3\xa9rie M de BMW est rapide.", "de BMW", NULL, CYBERNER_PERSON, NULL));
  YES("La s\xc3\xa9rie M de BMW est rapide.", "BMW", CYBERNER_ORGANIZATION, "bmw");
  YES("Il a vu M. de Palacière hier.", "de Palacière", CYBERNER_PERSON, NULL);
  NO("Madame la Présidente, je voudrais remercier la Commissaire.", "la Présidente");
  NO("Merci, Monsieur le Commissaire, pour votre réponse.", "le Commissaire");
  /* a family name in capitals, after the person was named in full */
  ck_assert(tagged("Le ministre HAYASHI Yoshimasa a parlé. Puis le ministre HAYASHI a conclu.", "HAYASHI", "Puis",
                   CYBERNER_PERSON, "yoshimasa-hayashi"));
  ck_assert(tagged("Mme Catherine VALDENOIRE a parlé. Puis VALDENOIRE a conclu.", "VALDENOIRE", "Puis", CYBERNER_PERSON,
                   "catherine-valdenoire"));
  /* ... not an acronym that is some other word of the name */
  NO("Mme Catherine VALDENOIRE a parlé. Puis CATHERINE a conclu.", "CATHERINE a");
  NO("Selon M. Dupond, l'ANSSI et le CERT-FR ont agi.", "M.");
  /* a capitalized name right after "au nom de" is a holder's, as after a courtesy title */
  YES("Il a ouvert un compte Twitter au nom de Dia Diarra.", "Dia Diarra", CYBERNER_PERSON, NULL);
  YES("Il parle au nom de Microsoft.", "Microsoft", CYBERNER_ORGANIZATION, "microsoft");
  NO("Il parle au nom de Sa Majesté.", "Sa Majesté");
  /* portfolio words and acronyms before the name after a role are not part of it */
  YES("led by Japanese Ambassador in charge of Cyber Policy Kumagai Naoki and others", "Kumagai Naoki", CYBERNER_PERSON,
      NULL);
  NO("led by Japanese Ambassador in charge of Cyber Policy Kumagai Naoki and others", "Policy");
  /* a word of the field hunspell lacks (not_names.txt: cyber, common) is a
   * portfolio word, not the first word of the name */
  YES("Ambassador for Security Policy and Cyber Timo Verhagen led the delegation.", "Timo Verhagen", CYBERNER_PERSON,
      "timo-verhagen");
  YES("The Director of Cybersecurity Anna Kolbeck spoke first.", "Anna Kolbeck", CYBERNER_PERSON, "anna-kolbeck");
  /* ... an English one: in French text it still makes an English name, whose place is not tagged */
  NO("Baptisée Africa Cyber Surge II, l'opération a duré deux mois.", "Africa");
  /* Korean three-syllable names whose given syllables are surnames too */
  YES("while Baek Yoon Jeong, Deputy Director General, headed the delegation", "Baek Yoon Jeong", CYBERNER_PERSON, NULL);
  /* a surname alone after a title names the one known person of that family
   * name, from a country the document names */
  YES("Indonesia welcomed the statement by President Widodo.", "Widodo", CYBERNER_PERSON, "joko-widodo");
  YES("The statement by President Widodo was welcomed.", "Widodo", CYBERNER_PERSON, "widodo");
  YES("Selon M. Verdier, la coopération avec la France progresse.", "Verdier", CYBERNER_PERSON, "henri-verdier");
  YES("Selon M. Valdenaire, la coopération progresse.", "Valdenaire", CYBERNER_PERSON, "valdenaire");
  /* a middle initial stays inside the name and out of its id */
  YES("Il a rencontré Pierre K. Duvallon hier.", "Pierre K. Duvallon", CYBERNER_PERSON, "pierre-duvallon");
  YES("Robert L. Strayer led the delegation.", "Robert L. Strayer", CYBERNER_PERSON, "robert-strayer");
  /* an apostrophe inside a surname joins its letters in the id; after a
   * lower-case particle it parts them */
  YES("Kevin O'Dowdall said so on Monday.", "Kevin O'Dowdall", CYBERNER_PERSON, "kevin-odowdall");
  YES("Selon Marc d'Auvergnat, la loi passera.", "Marc d'Auvergnat", CYBERNER_PERSON, "marc-d-auvergnat");
  /* initials before a surname: the person of that surname whose given name
   * they start, named earlier or known to the dictionaries; else a new one */
  YES("Anne Duvallon a parlé. Puis A. Duvallon a conclu.", "A. Duvallon", CYBERNER_PERSON, "anne-duvallon");
  YES("Anne Duvallon a parlé. Puis P. Duvallon a répondu.", "P. Duvallon", CYBERNER_PERSON, "p-duvallon");
  /* an initial is followed by a space: the S of U.S-Japan is no surname */
  NO("It sold its troubled U.S unit to a rival.", "U.S");
  ck_assert(!tagged("The third U.S-Japan Cyber Dialogue will be held.", "U.S-Japan Cyber Dialogue", NULL,
                    CYBERNER_PERSON, NULL));
  YES("Le Président de la République E. Macron a signé.", "E. Macron", CYBERNER_PERSON, "emmanuel-macron");
  YES("Andreï Kroutskikh a parlé. Puis A.V. Kroutskikh a conclu.", "A.V. Kroutskikh", CYBERNER_PERSON, "andrey-krutskikh");
  /* a name no dictionary knows before a country in parentheses */
  YES("7. Laban Rotich (Kenya) 3:34.12", "Laban Rotich", CYBERNER_PERSON, NULL);
  ck_assert(!tagged("the Digital Forensic Services (Ghana) report", "Digital Forensic Services", NULL, CYBERNER_PERSON, NULL));
  /* an initial without its full stop, before a known person of that initial only */
  YES("External Affairs Minister S Jaishankar met him.", "S Jaishankar", CYBERNER_PERSON, "subrahmanyam-jaishankar");
  NO("the Plan B Jaishankar rejected", "Plan B");
  ck_assert(!tagged("Is this A Macron speech?", "A Macron", NULL, CYBERNER_PERSON, NULL));
  /* a person the dictionaries know ends the portfolio's capitalized words */
  const char *pf = "The Minister for Home Affairs and Cyber Security Clare O'Neil said so. O'Neil added more.";
  YES(pf, "Clare O'Neil", CYBERNER_PERSON, "clare-oneil");
  NO(pf, "Cyber Security");
  ck_assert(tagged(pf, "O'Neil", "so.", CYBERNER_PERSON, "clare-oneil"));
  YES("the Minister of Justice and Cyber Affairs Anne Neuberger said", "Anne Neuberger", CYBERNER_PERSON, "anne-neuberger");
}
END_TEST

START_TEST(person_names_and_mentions) {
  /* a person named in full earlier, or after a capitalized courtesy title, is not a place */
  ck_assert(tagged("Après la démission d'Éric Caire, le premier ministre a parlé. Caire a refusé.", "Caire", "parlé",
                   CYBERNER_PERSON, "eric-caire"));
  YES("M. Caire a démissionné mardi.", "Caire", CYBERNER_PERSON, NULL);
  YES("Le Caire accueille le sommet.", "Le Caire", CYBERNER_LOCATION, "cairo");
  /* middle initials, dotted initials, an East Asian surname with a given name no list has */
  YES("Assistant Attorney General Sue J. Bai said on Monday.", "Sue J. Bai", CYBERNER_PERSON, NULL);
  YES("Justice B.N. Srikrishna wrote the report.", "B.N. Srikrishna", CYBERNER_PERSON, NULL);
  /* a ruler's title is no part of the name, even where it is also a given
   * name (Sultan), before a person the dictionaries or the document know;
   * the given name alone is a patronymic name's short form */
  YES("In 2020 Sultan Haitham bin Tarik took power.", "Haitham bin Tarik", CYBERNER_PERSON, "haitham-bin-tarik");
  ck_assert(tagged("Haitham bin Tarik took power. Later Sultan Haitham signed the decree.", "Haitham", "Later",
                   CYBERNER_PERSON, "haitham-bin-tarik"));
  YES("L'émir cheikh Tamim ben Hamad Al Thani a reçu.", "Tamim ben Hamad Al Thani", CYBERNER_PERSON,
      "tamim-bin-hamad-al-thani");
  YES("Prime Minister Sheikh Hasina spoke.", "Sheikh Hasina", CYBERNER_PERSON, "sheikh-hasina");
  YES("Sultan Al Jaber chaired the talks.", "Sultan Al Jaber", CYBERNER_PERSON, "sultan-al-jaber");
  /* a given name that is a common word before a full name the dictionaries
   * know is a word of the text, not a third name */
  YES("Moscow freed the former Marine Paul Whelan in August.", "Paul Whelan", CYBERNER_PERSON, "paul-whelan");
  NO("Moscow freed the former Marine Paul Whelan in August.", "Marine");
  YES("Marine Le Pen spoke in Paris.", "Marine Le Pen", CYBERNER_PERSON, "marine-le-pen");
  YES("The former Marine Jonah Whelan spoke.", "Marine Jonah Whelan", CYBERNER_PERSON, NULL);
  /* a given name and a common word before a full name the dictionaries
   * know describe the person (a party), not his given names */
  YES("It was chaired by Dutch Christian Democrat Jeroen Lenaers, with others.", "Jeroen Lenaers",
      CYBERNER_PERSON, "jeroen-lenaers");
  NO("It was chaired by Dutch Christian Democrat Jeroen Lenaers, with others.", "Christian Democrat");
  YES("The talks with Christian Jonah Lenaers ended.", "Christian Jonah Lenaers", CYBERNER_PERSON, NULL);
  /* a surname that is also a month, once the document named the person */
  const char *may = "Prime Minister Theresa May condemned it. May said that in May 2017 the vote was held in May.";
  ck_assert(tagged(may, "May", "it.", CYBERNER_PERSON, "theresa-may"));
  ck_assert(tagged(may, "May 2017", NULL, CYBERNER_DATE, NULL));
  ck_assert(tagged(may, "May", "held", CYBERNER_DATE, NULL));
  NO("Le Luong Minh spoke. Le ministre a parlé.", "Le ministre");
  /* unknown capitalized words, a comma and a role: a person */
  YES("Lotem Qwertzstein, head of threat intelligence at Acme, said so.", "Lotem Qwertzstein", CYBERNER_PERSON,
      "lotem-qwertzstein");
  YES("\"It is bad,\" said Omri Qwertz Moyal, the chief executive of Acme.", "Omri Qwertz Moyal", CYBERNER_PERSON, NULL);
  NO("Qwertz Zorbani, a company of Zorbia, said so.", "Qwertz Zorbani");
  NO("Qwertz Zorbo, Chief Executive Zorbo Qwertz and others.", "Qwertz Zorbo");
  /* a person the document named in full is named in full again, even
   * where no rule sees a name (a given name no list holds) */
  const char *again = "The minister, Zorbo Qwertzstein, spoke. Later, Zorbo Qwertzstein, head of the unit, agreed.";
  ck_assert(tagged(again, "Zorbo Qwertzstein", "Later", CYBERNER_PERSON, "zorbo-qwertzstein"));
  /* dotted initials before a person the dictionaries know, even by a
   * surname that is a common word (poutine) */
  YES("Le Président V.V. Poutine a reçu la délégation.", "V.V. Poutine", CYBERNER_PERSON, "vladimir-putin");
  YES("The delegation was led by A.V. Krutskikh on Monday.", "A.V. Krutskikh", CYBERNER_PERSON, "andrey-krutskikh");
  NO("Le Président J.P. Poutine a reçu la délégation.", "J.P.");
  YES("Treasury sanctioned Yin Kecheng on Friday. Yin was indicted.", "Yin Kecheng", CYBERNER_PERSON, "yin-kecheng");
  NO("the a.m. EDT session", "EDT");
  YES("la conseillère adjointe à la sécurité nationale américaine, Anne Neuberger, a dit", "Anne Neuberger",
      CYBERNER_PERSON, "anne-neuberger");
  YES("Jean-Yves Le Drian était présent.", "Jean-Yves Le Drian", CYBERNER_PERSON, NULL);
  YES("Ursula von der Leyen a parlé.", "Ursula von der Leyen", CYBERNER_PERSON, NULL);
  YES("le conseiller coréen, In Seong-hwan, a parlé.", "In Seong-hwan", CYBERNER_PERSON, "in-seong-hwan");
  const char *t = "Claire Mortevielle a présenté le plan. Plus tard, Mortevielle a précisé sa pensée.";
  ck_assert(tagged(t, "Claire Mortevielle", NULL, CYBERNER_PERSON, "claire-mortevielle"));
  ck_assert(tagged(t, "Mortevielle", "Plus tard", CYBERNER_PERSON, "claire-mortevielle"));
  YES("Hassan al-Turabi met the envoy.", "Hassan al-Turabi", CYBERNER_PERSON, NULL);
  NO("The al-Qaeda network was named.", "al-Qaeda");
  /* a given name and two surnames: the first surname alone later */
  const char *es = "El director Daniel Oyarzabal Quintana habló. Luego Oyarzabal respondió.";
  ck_assert(tagged(es, "Oyarzabal", "Luego", CYBERNER_PERSON, "daniel-oyarzabal-quintana"));
  /* family name first, the family name also a given name (Lee): the first word later */
  const char *ko = "Le ministre Lee Chang-yong a parlé. Plus tard, M. Lee a précisé sa pensée.";
  ck_assert(tagged(ko, "Lee", "Plus tard", CYBERNER_PERSON, "lee-chang-yong"));
  ck_assert(!tagged("Minister Lee Smith spoke on Monday. Later, Mr Lee said so.", "Lee", "Later", CYBERNER_PERSON,
                    "lee-smith"));
  /* the surname of a person named earlier in the same sentence */
  const char *hague = "Koichiro Gemba et William Hague en ont reparlé à Londres, puis Fumio Kishida et Hague sont "
                      "convenus d'ouvrir des discussions.";
  ck_assert(tagged(hague, "Hague", "Kishida", CYBERNER_PERSON, "william-hague"));
  NO("William Hague spoke in London, then the Hague tribunal met.", "Hague tribunal");
  /* the short form of a person the document named is that person, also
   * where the dictionaries know someone else by it (Marsha Blackburn) */
  const char *pb = "Peter Blackburn said so. Blackburn later left.";
  ck_assert(tagged(pb, "Blackburn", "said so.", CYBERNER_PERSON, "peter-blackburn"));
  ck_assert(tagged("Marsha Blackburn said so. Blackburn later left.", "Blackburn", "said so.", CYBERNER_PERSON,
                   "marsha-blackburn"));
  /* ... but a body of the same span still outranks the person */
  ck_assert(tagged("Eugene Kaspersky founded Kaspersky in 1997. Later Kaspersky said so.", "Kaspersky", "Later",
                   CYBERNER_ORGANIZATION, "kaspersky"));
  /* ... and the dictionary's person keeps it when the document named two
   * people so, or the same given name's initial (a spelling) */
  const char *ny = "Naina Yeltsin was treated. Boris Yeltsin was in Moscow. Later Yeltsin left.";
  ck_assert(tagged(ny, "Yeltsin", "Later", CYBERNER_PERSON, "boris-yeltsin"));
  ck_assert(tagged("Aleksander Lebed spoke. Later Lebed left.", "Lebed", "Later", CYBERNER_PERSON, "alexander-lebed"));
  /* a shared initial alone is no other spelling: Michael is not Marsha */
  ck_assert(tagged("Michael Blackburn said so. Blackburn later left.", "Blackburn", "said so.", CYBERNER_PERSON,
                   "michael-blackburn"));
  /* at a sentence start two common words are no name, unless the lists
   * know them as a given name and a family name that names nothing else */
  YES("Richard Smith said so.", "Richard Smith", CYBERNER_PERSON, "richard-smith");
  YES("Mark Brown said so.", "Mark Brown", CYBERNER_PERSON, "mark-brown");
  NO("Mark Down the prices.", "Mark Down");
  YES("Ville Paris won the match.", "Paris", CYBERNER_LOCATION, "paris");
  NO("Victoria Park was closed on Monday.", "Victoria Park");
  NO("Rose Hill residents protested.", "Rose Hill");
  /* a headline's surname of a person named in full only below it */
  const char *zh = "Zhao sentenced to four months\n\nSEATTLE - Binance founder Changpeng Zhao was sentenced.";
  ck_assert(tagged(zh, "Zhao", NULL, CYBERNER_PERSON, "changpeng-zhao"));
  NO("Young Hackers Jailed in Leeds\n\nThe court jailed them, said Michael Young, a lawyer.", "Young Hackers");
}
END_TEST

START_TEST(person_negatives) {
  /* a document noun or a body's last word after a given name: no person */
  NO("Recalling the Sydney Declaration of the summit, the leaders agreed.", "Declaration");
  YES("The Grace Conference met in May.", "Grace Conference", CYBERNER_EVENT, NULL);
  /* a Title Case headline's capitalized words after a first name are not a surname */
  NO("Police Say BlackSuit Gang Loses Servers in US-Led Operation\n\nThe police said.", "Gang Loses");
  NO("Yunus Orders Cyber Agency Ahead of Vote\n\nThe council met.", "Orders");
  /* a first name inside a longer dictionary name starts no person */
  NO("He won the Hong Kong Open on Sunday.", "Open");
  YES("He won the Hong Kong Open on Sunday.", "Hong Kong", CYBERNER_COUNTRY, "HK");
  NO("the San Diego Pelicanos beat them", "Pelicanos");
  YES("the San Diego Padres beat them", "San Diego Padres", CYBERNER_ORGANIZATION, "san-diego-padres");
  YES("Victoria Nuland spoke on Monday.", "Victoria Nuland", CYBERNER_PERSON, NULL);
  NO("Launched in 2017, the network grew.", "Launched");
  NO("Mis à jour le 20 juin 2024.", "Mis");
  NO("Minister of the Interior said so.", "Interior");
  /* a name after a word for a ship or a storm is the thing's */
  NO("the planned deployment of the aircraft carrier Charles de Gaulle to the Indian Ocean", "Charles de Gaulle");
  NO("Le porte-avions Charles de Gaulle est arrivé.", "Charles de Gaulle");
  NO("He met Prime Minister Ishmael Kalsakau and pledged support after Cyclones Judy and Kevin struck.", "Judy");
  YES("the support of Judy Kevin after the storm", "Judy Kevin", CYBERNER_PERSON, NULL);
  /* after an article, a full name with no noun after it is a thing's */
  NO("the carrier strike group led by the Charles de Gaulle, which docked at Changi", "Charles de Gaulle");
  YES("charged in connection with the Marc Dutroux case", "Marc Dutroux", CYBERNER_PERSON, NULL);
  YES("the group was led by Charles de Gaulle, who spoke", "Charles de Gaulle", CYBERNER_PERSON, NULL);
}
END_TEST

START_TEST(bodies_french) {
  /* a noun that makes a compound preposition with "de" ends the name */
  YES("Il a signé avec le Réseau africain des autorités de cybersécurité au sujet de la création d'un centre.",
      "Réseau africain des autorités de cybersécurité", CYBERNER_ORGANIZATION, NULL);
  YES("Le texte adopté par le Conseil national en vue de la réforme a été publié.", "Conseil national", CYBERNER_AGENCY,
      NULL);
  /* a capitalized adjective after a capitalized head, unless a capitalized word follows it */
  YES("Il est diplômé de l'Université Technique de Munich.", "Université Technique de Munich", CYBERNER_ORGANIZATION,
      NULL);
  NO("Il a visité le Centre Spatial Kennedy en mai.", "Centre Spatial");
  /* a one-word body name with the adjective public: some state's treasury, no entry's */
  const char *tp = "Les paiements du Trésor public ont repris mardi, et le Trésor a émis des obligations.";
  YES(tp, "Trésor public", CYBERNER_AGENCY, NULL);
  ck_assert(!has_id("Le Trésor public français a repris ses paiements.", "Trésor public", NULL));
  /* a body's acronym after un/une, or after son/mon + de/en and a subject, is a common noun (a diploma) */
  NO("Elle est titulaire d'un DEA obtenu à Lyon.", "DEA");
  NO("Après son DEA en chimie, il a travaillé à Lyon.", "DEA");
  YES("Un rapport de la DEA de cette année cite le Mexique.", "DEA", CYBERNER_AGENCY, "us-dea");
  YES("Washington et son FBI enquêtent.", "FBI", CYBERNER_AGENCY, "fbi");
  /* an acronym of a kind of body after un/une, with lower-case words, describes one */
  NO("Le plan prévoit de mettre sur pied un CERT national avant la fin de l'année.", "CERT national");
  YES("Selon le CERT national, le nombre d'alertes a doublé.", "CERT national", CYBERNER_AGENCY, NULL);
  YES("Il prévoit un CERT national (ZCERT) dès juin.", "CERT national", CYBERNER_AGENCY, NULL);
  /* a town's police or gendarmerie in lower case is one body with the town */
  YES("Une plainte a été déposée à la gendarmerie de Palaiseau.", "gendarmerie de Palaiseau", CYBERNER_AGENCY, NULL);
  YES("Une plainte a été déposée au commissariat de Brest.", "commissariat de Brest", CYBERNER_AGENCY, NULL);
  YES("Selon la préfecture de la Somme, les cours reprennent.", "préfecture de la Somme", CYBERNER_AGENCY, NULL);
  /* ... not a Japanese prefecture, a region */
  YES("Le port est situé dans la préfecture de Kumamoto.", "Kumamoto", CYBERNER_LOCATION, "kumamoto");
  /* a function word ends a French body's name; a lower-case head inside is a common noun */
  NO("Le Conseil des ministres pour ne pas tarder a tranché.", "ne pas");
  /* two adjectives joined by "et" stay in the name */
  YES("organisé par le Conseil national de la recherche scientifique et technologique (NST) cette année",
      "Conseil national de la recherche scientifique et technologique", CYBERNER_AGENCY, NULL);
  YES("Le Centre national de commandement stratégique a été activé.", "Centre national de commandement stratégique",
      CYBERNER_AGENCY, NULL);
  YES("Le Parti libéral du Québec et Québec solidaire ont voté.", "Parti libéral du Québec", CYBERNER_ORGANIZATION, NULL);
  /* a lower-case body after a bare "de" qualifies a noun */
  NO("Il s'agit d'un outil de renseignement militaire.", "renseignement");
  YES("Le chef d'état-major des armées a parlé.", "état-major des armées", CYBERNER_AGENCY, "fr-ema");
  /* ... but a name lower case by itself is a name there too */
  YES("Il travaille au sein d'armasuisse à Thoune.", "armasuisse", CYBERNER_AGENCY, "ch-armasuisse");
  YES("Elle dirige la recherche de armasuisse depuis 2020.", "armasuisse", CYBERNER_AGENCY, "ch-armasuisse");
  YES("Le renseignement militaire russe a agi.", "renseignement militaire", CYBERNER_AGENCY, "gru");
  /* "chargée de" opens a portfolio, not the body's name */
  NO("La vice-présidente de la Commission chargée de la Souveraineté technologique a parlé.", "Souveraineté");
  /* a known parent after a body's head is tagged on its own */
  YES("En Chine, le Comité permanent de l'Assemblée populaire nationale (APN) a adopté le texte.", "Assemblée populaire nationale",
      CYBERNER_AGENCY, "cn-npc");
  YES("En Chine, le Comité permanent de l'Assemblée populaire nationale (APN) a adopté le texte.", "APN", CYBERNER_AGENCY, "cn-npc");
  YES("la Conférence ministérielle de la Francophonie s'est tenue", "Conférence ministérielle de la Francophonie",
      CYBERNER_EVENT, NULL);
  /* a lower-case body name after comme / en tant que is a role */
  NO("Le CCB a été désigné comme autorité nationale de cybersécurité en 2025.", "autorité nationale");
  NO("Il agit en tant que autorité nationale de cybersécurité.", "autorité nationale");
  /* a participle before an article is the verb */
  NO("Le Centre décrit le programme de la réforme.", "Centre");
  /* a date ends a French body's name */
  YES("Le projet fut présenté au Conseil en août 2023 par le ministre.", "août 2023", CYBERNER_DATE, NULL);
  NO("Le projet fut présenté au Conseil en août 2023 par le ministre.", "Conseil");
  YES("des représentants du ministère de l'Agriculture et de l'Alimentation du Gabon", "ministère de l'Agriculture et de l'Alimentation",
      CYBERNER_AGENCY, NULL);
  YES("le ministère de l'Intérieur du Japon a confirmé", "Japon", CYBERNER_COUNTRY, "JP");
  /* generic forces that only lead to a trailing nationality are not in the name */
  YES("Le Commandement logistique des armées britanniques a parlé.", "Commandement logistique", CYBERNER_AGENCY, NULL);
  YES("Le Commandement logistique des forces armées ukrainiennes a parlé.", "Commandement logistique",
      CYBERNER_AGENCY, NULL);
  YES("Le Commandement stratégique des armées britanniques a parlé.", "Commandement stratégique", CYBERNER_AGENCY,
      "uk-strategic-command");
  YES("Le Centre de soutien des armées a parlé.", "Centre de soutien des armées", CYBERNER_AGENCY, NULL);
  NO("Il faut un commandement stratégique unifié.", "commandement");
  YES("selon l'Agence nationale de la sécurité des systèmes d'information, qui", "Agence nationale de la sécurité des systèmes d'information",
      CYBERNER_AGENCY, "anssi");
  YES("la Direction générale de la surveillance des frontières lointaines a indiqué", "Direction générale de la surveillance des frontières lointaines",
      CYBERNER_AGENCY, NULL);
  /* a head word that ends a known name opens no other one with lower-case words */
  const char *cab = "Le ministère travaille avec le Cabinet Office pour la partie britannique.";
  YES(cab, "Cabinet Office", CYBERNER_AGENCY, "uk-cabinet-office");
  ck_assert(!tagged(cab, "Office pour la partie", NULL, CYBERNER_AGENCY, NULL));
  YES("le directeur de l'Office pour la sécurité des réseaux a parlé", "Office pour la sécurité des réseaux",
      CYBERNER_AGENCY, NULL);
  /* a known venue, de, a known town: two places, not a body named after the town */
  const char *ncc = "Le sommet s'est tenu au Centre national des congrès de Hanoï le 25 octobre.";
  YES(ncc, "Centre national des congrès", CYBERNER_LOCATION, "vietnam-ncc");
  YES(ncc, "Hanoï", CYBERNER_LOCATION, "hanoi");
  ck_assert(!tagged(ncc, "Centre national des congrès de Hanoï", NULL, CYBERNER_AGENCY, NULL));
  /* a working group of the UN is the group, then the UN (as GGE | of the United Nations) */
  const char *oewg = "le Groupe de travail à composition non limitée des Nations unies et le GGE";
  YES(oewg, "Groupe de travail à composition non limitée", CYBERNER_ORGANIZATION, "oewg");
  YES(oewg, "Nations unies", CYBERNER_ORGANIZATION, "un");
  /* a verb after the head is the sentence's: the body is asked to act, or
   * a participle opens a passive (no body named "Commission d'adopter") */
  NO("Le Conseil a demandé à la Commission d'adopter un texte.", "Commission d'adopter");
  NO("un accord avec le Conseil pour obtenir des garanties", "Conseil pour obtenir");
  NO("La Commission présidée par Ursula von der Leyen a répondu.", "Commission présidée");
  YES("Le Conseil pour l'avenir du numérique a parlé.", "Conseil pour l'avenir du numérique", CYBERNER_AGENCY, NULL);
  YES("Le Centre hospitalier universitaire vaudois par la suite a parlé.", "Centre hospitalier universitaire vaudois",
      CYBERNER_ORGANIZATION, NULL);
}
END_TEST

/* an initial for a withheld surname keeps its full stop, unless it ends the sentence */
START_TEST(person_final_initial) {
  YES("Le suspect, identifié comme « Denis K. », a été interpellé.", "Denis K.", CYBERNER_PERSON, "denis-k");
  YES("The suspect, Maxim Y., was arrested.", "Maxim Y.", CYBERNER_PERSON, NULL);
  YES("Le suspect est Denis K. Il a été interpellé.", "Denis K", CYBERNER_PERSON, NULL);
}
END_TEST

START_TEST(bodies_english) {
  YES("the Ministry of Fisheries and Marine Resources said", "Ministry of Fisheries and Marine Resources", CYBERNER_AGENCY, NULL);
  YES("officials of the Northern Lakes Water Agency met", "Northern Lakes Water Agency", CYBERNER_AGENCY, NULL);
  YES("the Baltic Cyber Defence Working Group met", "Baltic Cyber Defence Working Group", CYBERNER_ORGANIZATION, NULL);
  YES("a contract with Dupuis Technologies SA was signed", "Dupuis Technologies SA", CYBERNER_ORGANIZATION, NULL);
  /* the full stop of an abbreviated suffix is trailing punctuation (ENTITIES.md) */
  YES("a contract with Harrow Valley Systems Inc. was signed", "Harrow Valley Systems Inc", CYBERNER_ORGANIZATION, NULL);
  YES("Shares of Calder Mining Corp. fell.", "Calder Mining Corp", CYBERNER_ORGANIZATION, NULL);
  /* a lower-case suffix before a lower-case word is the French possessive */
  NO("Seule sa filiale logistique a été touchée.", "Seule sa");
  NO("Désormais sa branche cyber recrute.", "Désormais sa");
  YES("NOTE : Harrow Yates and Co ltd is a garden products group .", "Harrow Yates and Co ltd", CYBERNER_ORGANIZATION, NULL);
  YES("Le contrat de Dupuis Technologies SA a été signé.", "Dupuis Technologies SA", CYBERNER_ORGANIZATION, NULL);
  NO("The Government has a plan.", "Government");
  /* a kind of local government alone before a tail is the town's own body, no name */
  NO("Last week the Town Council voted to restore the backups.", "Town Council");
  NO("The mayor told the Borough Council and the County Board about the outage.", "Borough Council");
  NO("The mayor told the Borough Council and the County Board about the outage.", "County Board");
  YES("Members of the Dunmore Town Council voted on Tuesday.", "Dunmore Town Council", CYBERNER_AGENCY, NULL);
  YES("The Kurdistan Democratic Party said so.", "Kurdistan Democratic Party", CYBERNER_ORGANIZATION, NULL);
  /* a person before `of` is the body's person, not a word of its name */
  YES("The scholar Duncan Hollis of Temple University said so.", "Duncan Hollis", CYBERNER_PERSON, "duncan-hollis");
  YES("The scholar Duncan Hollis of Temple University said so.", "Temple University", CYBERNER_ORGANIZATION,
      "temple-university");
  YES("The scholar Jonah Peltier of Temple University said so.", "Jonah Peltier", CYBERNER_PERSON, NULL);
  YES("Members of the Friends of Lorne Foundation met.", "Friends of Lorne Foundation", CYBERNER_ORGANIZATION, NULL);
  /* an English description in lower case is no name, unless it says whose body it is */
  const char *d = "Officials said the internal security service and the national police had worked with the "
                  "foreign intelligence service during the summer of that year.";
  NO(d, "internal security service");
  NO(d, "national police");
  NO(d, "foreign intelligence service");
  YES("The attack was run by the Russian military intelligence service, officials said.",
      "military intelligence service", CYBERNER_AGENCY, "gru");
  YES("The attack was run by Russia's foreign intelligence service, officials said.",
      "foreign intelligence service", CYBERNER_AGENCY, "svr");
  YES("Officials said the Internal Security Service had arrested him.", "Internal Security Service", CYBERNER_AGENCY,
      "ee-kapo");
  NO("Le gouvernement veut créer une agence nationale de cybersécurité d'ici deux ans.",
     "agence nationale de cybersécurité");
  /* after un/une, an acronym defined in parentheses shows the body is named */
  const char *c4 = "Un centre de coordination des crises cyber (C4), placé auprès du SGDSN, sera créé.";
  YES(c4, "centre de coordination des crises cyber", CYBERNER_AGENCY, "fr-c4");
  YES(c4, "C4", CYBERNER_AGENCY, "fr-c4");
  NO("Il faut une agence nationale de cybersécurité (voir plus bas).", "agence nationale de cybersécurité");
  /* "and" joins no name to a body the dictionaries know */
  YES("the makers of Predator and NSO Group were sanctioned", "NSO Group", CYBERNER_ORGANIZATION, "nso-group");
  /* a unit "of" a body the dictionaries know is two names */
  YES("The case went to the Cyber Bureau of Nepal Police on Monday.", "Nepal Police", CYBERNER_AGENCY, "np-police");
  YES("The case went to the Cyber Bureau of Nepal Police on Monday.", "Cyber Bureau", CYBERNER_AGENCY, NULL);
  /* "State" opens a body's name; an officer's office is one body, a bare
   * role's office none, another body's possessive ends the name */
  YES("Officials of the State Qwertz Defence Bureau said so.", "State Qwertz Defence Bureau", CYBERNER_AGENCY, NULL);
  YES("The Qwertz Anti-Fraud Prosecutor's Office opened a case.", "Qwertz Anti-Fraud Prosecutor's Office",
      CYBERNER_AGENCY, NULL);
  NO("The Prosecutor's Office declined to comment.", "Prosecutor's Office");
  YES("Microsoft's Qwertz Office said so.", "Qwertz Office", CYBERNER_AGENCY, NULL);
  YES("The Bill and Melinda Gates Foundation paid.", "Bill and Melinda Gates Foundation", CYBERNER_ORGANIZATION, NULL);
}
END_TEST

START_TEST(meetings_named_or_described) {
  /* rule 10: a lower-case meeting word describes a meeting; the names in it stay */
  const char *t = "Ministers met at the NATO summit in The Hague in June.";
  NO(t, "summit");
  YES(t, "NATO", CYBERNER_ORGANIZATION, "nato");
  YES(t, "The Hague", CYBERNER_LOCATION, "the-hague");
  const char *f = "Le sommet de l'OTAN de La Haye a eu lieu en juin.";
  NO(f, "sommet");
  YES(f, "OTAN", CYBERNER_ORGANIZATION, "nato");
  YES("Le XIXe Sommet de la Francophonie s'est tenu en octobre.", "XIXe Sommet de la Francophonie", CYBERNER_EVENT,
      "francophonie-summit");
  YES("Ce Sommet de la Francophonie a eu lieu.", "Sommet de la Francophonie", CYBERNER_EVENT, "francophonie-summit");
  NO("Le sommet du XIX", "XIX"); /* Roman letters with no suffix, at the very end */
  /* the article stays out of a country's span */
  YES("The Netherlands signed the text.", "Netherlands", CYBERNER_COUNTRY, "NL");
  /* parties joined by hyphens open a meeting's name the dictionaries do not
   * know, with its ordinal (rule 10: 9th U.S.-EU Cyber Dialogue) */
  YES("The 2nd Japan-India Cyber Dialogue was held.", "2nd Japan-India Cyber Dialogue", CYBERNER_EVENT, NULL);
  YES("The 5th U.S.-Brazil Cyber Dialogue was held.", "5th U.S.-Brazil Cyber Dialogue", CYBERNER_EVENT, NULL);
  YES("They met at the Japan-U.S.-ROK Trilateral Summit.", "Japan-U.S.-ROK Trilateral Summit", CYBERNER_EVENT, NULL);
  YES("They met at the India-Japan-Australia Trilateral Dialogue.", "India-Japan-Australia Trilateral Dialogue",
      CYBERNER_EVENT, NULL);
  /* ... two parties: one country's hyphenated name is not a pair */
  YES("The Guinea-Bissau Cyber Dialogue was held.", "Guinea-Bissau", CYBERNER_COUNTRY, "GW");
  YES("He flew to Japan - Cyber Dialogue talks began.", "Cyber Dialogue", CYBERNER_EVENT, NULL);
  /* a role's portfolio is no word of a body built leftward from its tail */
  YES("Mr. Akira Tanabe, Deputy Director-General of Foreign Policy Bureau, led it.", "Foreign Policy Bureau",
      CYBERNER_AGENCY, NULL);
}
END_TEST

/* only a country attached to a shared name rules its other readings out */
/* "Romanian police": in English a nationality and a lower-case last word
 * describe a body whose name has capitals (Romanian Police) */
START_TEST(nationality_and_common_noun) {
  const char *t = "The suspect was arrested by Romanian police in Bucharest.";
  YES(t, "Romanian", CYBERNER_NATIONALITY, "RO");
  NO(t, "police");
  YES("A statement by the Romanian Police followed.", "Romanian Police", CYBERNER_AGENCY, "ro-police");
  YES("Un communiqué de la Police roumaine a suivi.", "Police roumaine", CYBERNER_AGENCY, "ro-police");
}
END_TEST

/* "Town, State": after a known town, a comma and a name shared by a country
 * and a place of the town's own country (a US state) name that place */
START_TEST(town_and_state) {
  YES("The Atlanta, Georgia-based firm was hit.", "Georgia", CYBERNER_LOCATION, "state-of-georgia");
  YES("Its office in Atlanta, Georgia, closed.", "Georgia", CYBERNER_LOCATION, "state-of-georgia");
  YES("He studied in Tbilisi, Georgia last year.", "Georgia", CYBERNER_COUNTRY, "GE");
  YES("Delegates from Paris, Georgia and Ukraine met.", "Georgia", CYBERNER_COUNTRY, "GE");
  YES("Georgia and Armenia signed the text.", "Georgia", CYBERNER_COUNTRY, "GE");
}
END_TEST

START_TEST(owners_of_shared_names) {
  /* a shared acronym with nothing in the document to choose: the dictionary's
   * default (France's ANSSI); a document about another owner: that one */
  YES("L'ANSSI a publié mardi un guide sur les sauvegardes.", "ANSSI", CYBERNER_AGENCY, "anssi");
  YES("À Brazzaville, l'ANSSI recrute des ingénieurs.", "ANSSI", CYBERNER_AGENCY, "cg-anssi");
  /* a shared name whose owner is named right before it and has no entry
   * of its own gets no id, not another country's, even at the document's end */
  const char *de = "EU sanctions followed an attack on Germany's Parliament. The UK Parliament debated it.";
  ck_assert(tagged(de, "Parliament", NULL, CYBERNER_AGENCY, NULL) && !has_id(de, "Parliament", NULL));
  YES(de, "UK Parliament", CYBERNER_AGENCY, "uk-parliament");
  YES("Britain's Parliament voted on Monday.", "Parliament", CYBERNER_AGENCY, "uk-parliament");
  /* a name fourteen countries' centres share is linked at the end by the one the document linked */
  YES("Germany's Parliament was attacked. The National Cyber Security Centre welcomed the sanctions. Later the "
      "NCSC in London said so.",
      "National Cyber Security Centre", CYBERNER_AGENCY, "uk-ncsc");
  /* the same name linked earlier in the document outweighs a body named
   * further on in the clause */
  const char *mae = "Le Ministère des Affaires étrangères a condamné l'attaque contre la France. Plus tard, le "
                    "ministère des Affaires étrangères pointe du doigt l'unité 26165 du GRU.";
  ck_assert(tagged(mae, "ministère des Affaires étrangères", "Plus tard", CYBERNER_AGENCY, "fr-meae"));
  YES("In London, the NCSC said it acted against a Chinese firm.", "NCSC", CYBERNER_AGENCY, "uk-ncsc");
  YES("le service de renseignement extérieur de la RPDC a agi", "service de renseignement extérieur", CYBERNER_AGENCY, NULL);
  /* a country's possessive right before the name says whose it is, before a country named after it */
  YES("Denmark's foreign intelligence service on Thursday accused Russia of the attack.", "foreign intelligence service",
      CYBERNER_AGENCY, "dk-fe");
  YES("Russia's foreign intelligence service on Thursday accused Denmark of the attack.", "foreign intelligence service",
      CYBERNER_AGENCY, "svr");
  /* an alias the dictionary writes in lower case is a description in English without an owner */
  NO("The document was published by the National Security Office of the presidential office and endorsed.",
     "presidential office");
  YES("Ukraine's presidential office said so on Monday.", "presidential office", CYBERNER_AGENCY, NULL);
  YES("Le document a été publié par le bureau présidentiel lundi.", "bureau présidentiel", CYBERNER_AGENCY, NULL);
  /* a generic name repeated on each country's entry takes the country of its sentence */
  YES("Italy's committee has concluded that the country's foreign intelligence service used Graphite.",
      "foreign intelligence service", CYBERNER_AGENCY, "it-aise");
  YES("Mexico's team invited the Congress and the Office of the Attorney General to comment.", "Congress",
      CYBERNER_AGENCY, "mx-congress");
  YES("Mexico's team invited the Congress and the Office of the Attorney General to comment.",
      "Office of the Attorney General", CYBERNER_AGENCY, "mx-fgr");
  YES("Lawmakers in Washington said Congress would act.", "Congress", CYBERNER_AGENCY, "us-congress");
  YES("La Côte d'Ivoire s'appuie sur la PLCC et sur le CERT national.", "CERT national", CYBERNER_AGENCY, "ci-cert");
  /* after its/their, the sentence's first country, not the nearest nationality */
  YES("The Netherlands blamed a Chinese state-sponsored actor for an operation against its Ministry of Defence.",
      "Ministry of Defence", CYBERNER_AGENCY, "nl-defensie");
  YES("China accused the United States of hacking its Ministry of State Security.", "Ministry of State Security",
      CYBERNER_AGENCY, "cn-mss");
  YES("The Netherlands blamed an operation against the Chinese Ministry of Defence.", "Ministry of Defence",
      CYBERNER_AGENCY, "cn-mnd");
  YES("Japan welcomed the report after the Netherlands blamed a Chinese actor for an operation against its Ministry of "
      "Defence.", "Ministry of Defence", CYBERNER_AGENCY, "nl-defensie");
  /* a shared name the context so far leaves open (a title's Treasury)
   * takes the alternative the rest of the document links */
  const char *late = "Treasury widens sanctions\n\nWASHINGTON - The Treasury Department said so on Monday.";
  ck_assert(tagged(late, "Treasury", NULL, CYBERNER_AGENCY, "us-treasury"));
  ck_assert(!tagged("Treasury widens sanctions.", "Treasury", NULL, CYBERNER_AGENCY, "us-treasury"));
  /* linked at the end, it has the score of a name linked at once; left
   * open, the lower score of an unsure link */
  ck_assert_double_eq_tol(score_of(late, "Treasury"), score_of(late, "Treasury Department"), 1e-6);
  ck_assert(score_of("Treasury widens sanctions.", "Treasury") < score_of(late, "Treasury"));
}
END_TEST

START_TEST(acronyms_defined_in_text) {
  /* a title-case acronym, as French papers write them, when the words before
   * it spell it all; then its later mentions */
  const char *osiic = "Il a dirigé l'Opérateur des systèmes d'information interministériels classifiés (Osiic). "
                      "L'Osiic compte 300 agents.";
  YES(osiic, "Osiic", CYBERNER_ORGANIZATION, "osiic");
  YES(osiic, "Opérateur des systèmes d'information interministériels classifiés", CYBERNER_ORGANIZATION, "osiic");
  ck_assert(tagged(osiic, "Osiic", "). ", CYBERNER_ORGANIZATION, "osiic"));
  /* ... not a word in parentheses the words before it do not spell */
  YES("Il vit à Montréal (Canada) et écrit pour Le Monde (Paris).", "Paris", CYBERNER_LOCATION, "paris");
  /* a town no dictionary knows, announced by à/au or "le maire de", before its
   * département or country in parentheses */
  YES("L'hôpital, au Chesnay-Rocquencourt (Yvelines), tourne au ralenti.", "Chesnay-Rocquencourt", CYBERNER_LOCATION,
      "chesnay-rocquencourt");
  YES("Le maire de Plouzané (Finistère) a porté plainte.", "Plouzané", CYBERNER_LOCATION, "plouzane");
  YES("Il habite à La Roche-sur-Yon (Vendée).", "La Roche-sur-Yon", CYBERNER_LOCATION, "la-roche-sur-yon");
  YES("La sénatrice Catherine Morin-Desailly (Seine-Maritime) a parlé.", "Catherine Morin-Desailly", CYBERNER_PERSON,
      "catherine-morin-desailly");
  NO("Le patron de Vendeloux (Yvelines) a parlé.", "Vendeloux");
  NO("He bought a Lamborghini (Italy) last year.", "Lamborghini");
  /* ... nor title-case words joined by a hyphen, whose capitals spell no acronym */
  YES("Le CHU de Rouen (Seine-Maritime) a été attaqué.", "Seine-Maritime", CYBERNER_LOCATION, "seine-maritime");
  YES("Le CHU de Rouen ( Seine-Maritime) a été attaqué.", "Seine-Maritime", CYBERNER_LOCATION, "seine-maritime");
  YES("L'agence (CERT-FR) a publié une alerte.", "CERT-FR", CYBERNER_AGENCY, "cert-fr");
  /* ... and a common word is no later mention of an acronym in capitals */
  NO("The Landmark Exchange Agreement Deal (LEAD) was signed. Lead times grew.", "Lead times");
  /* an acronym set off by commas after the body whose words it spells */
  YES("Nous avons entendu l’Alliance pour la confiance numérique, ACN, représentée par son président.", "ACN",
      CYBERNER_ORGANIZATION, "acn-alliance");
  /* a long form the dictionaries lack, before the acronym of one body they
   * know, is that body */
  YES("Il dirigeait la Direction interministérielle au numérique (DINSIC) depuis 2015.",
      "Direction interministérielle au numérique", CYBERNER_AGENCY, "dinum");
  /* the short form of an acronym defined earlier */
  ck_assert(tagged("The Office des postes et télécommunications (OPT-NC) said the attack began on Monday. OPT restored it.",
                   "OPT", "Monday", CYBERNER_ORGANIZATION, NULL));
  /* a part of a hyphenated pair that the document defined is that body, the other part keeps its reading */
  const char *ua = "Le projet de l'Union africaine (UA) avance. Le projet de collaboration UA-GFCE est lancé.";
  ck_assert(tagged(ua, "UA", "collaboration", CYBERNER_ORGANIZATION, "african-union"));
  ck_assert(tagged(ua, "GFCE", NULL, CYBERNER_ORGANIZATION, "gfce"));
  ck_assert(tagged("Le projet de collaboration UA-GFCE est lancé.", "UA", NULL, CYBERNER_COUNTRY, "UA"));
  /* ... and stays a part: the document learns UA, not UA-GFCE as the African Union */
  const char *ua2 = "L'Union africaine (UA) avance. Le projet UA-GFCE est lancé. Le projet UA-GFCE continue.";
  ck_assert(tagged(ua2, "UA", "UA-GFCE continue", CYBERNER_ORGANIZATION, "african-union"));
  ck_assert(tagged(ua2, "GFCE", "UA-GFCE continue", CYBERNER_ORGANIZATION, "gfce"));
  /* a part in lower case is no acronym */
  ck_assert(!tagged("L'Union africaine (UA) avance. Le projet GFCE-Ua est lancé.", "Ua", NULL,
                    CYBERNER_ORGANIZATION, "african-union"));
  /* the acronym settles a long form several entries share */
  YES("Officials from Canada, the UK and New Zealand met. The National Cyber Security Centre (NCSC-NZ) said on Monday.",
      "National Cyber Security Centre", CYBERNER_AGENCY, "nz-ncsc");
  /* a lower-case description before a known acronym is that body */
  YES("En Tchéquie, le service de renseignement intérieur (BIS) a confirmé.", "service de renseignement intérieur",
      CYBERNER_AGENCY, "cz-bis");
  NO("Le service de presse (SP) a dit.", "service de presse");
  /* the acronym of another known body, not made of the long form's letters, keeps its own meaning */
  YES("Selon un chercheur de l'unité cyber de la gendarmerie nationale (UNC), la menace croît.", "UNC", CYBERNER_AGENCY,
      "fr-unc");
  YES("The State Department's Bureau of Cyberspace and Digital Policy (CDP) marked it.", "CDP", CYBERNER_AGENCY, "us-cdp");
  YES("the head of the National Intelligence Organization (MIT) said", "MIT", CYBERNER_AGENCY, NULL);
  /* a function word that starts the sentence is not part of a known name before its acronym */
  YES("When African Union (AU) heads of state meet, they vote.", "African Union", CYBERNER_ORGANIZATION, "african-union");
  /* a known body in parentheses after an event is who runs it, not the event's acronym */
  YES("The exercise Locked Shields (NATO) began on Monday.", "NATO", CYBERNER_ORGANIZATION, "nato");
  /* the acronym of a role is no body's */
  NO("External Affairs Minister (EAM) S Jaishankar spoke.", "EAM");
  NO("The Chief Information Security Officer (CISO) resigned.", "Chief Information");
  /* the acronym of a system, a plan or a law is not tagged, later on neither */
  NO("The attack hit the National Health Information System (NHIS) on Monday. NHIS was down.", "NHIS");
  NO("The attack hit the National Health Information System (NHIS) on Monday. NHIS was down.", "NHIS was");
  const char *t = "Le Groupe de coordination des réseaux maritimes (GCRM) s'est réuni. Le GCRM publiera un rapport.";
  ck_assert(tagged(t, "GCRM", NULL, CYBERNER_ORGANIZATION, NULL));
  ck_assert(tagged(t, "GCRM", "Le GCRM", CYBERNER_ORGANIZATION, NULL));
  const char *u = "the National Security Secretariat (NSS - Secrétariat de sécurité nationale) met.";
  ck_assert(tagged(u, "National Security Secretariat", NULL, CYBERNER_AGENCY, "jp-nss"));
  ck_assert(tagged(u, "NSS", NULL, CYBERNER_AGENCY, "jp-nss"));
  ck_assert(tagged(u, "Secrétariat de sécurité nationale", NULL, CYBERNER_AGENCY, "jp-nss"));
  /* a known acronym defined after the capitalized name of a thing is that thing's, later on too */
  const char *csa = "Ivanti a corrigé son boîtier Cloud Services Appliance (CSA). Les trois failles CSA ont été exploitées.";
  NO(csa, "CSA)");
  NO(csa, "CSA ont");
  const char *csa2 = "Le boîtier Cloud Services Appliance (CSA) est visé. The Cyber Security Agency (CSA) of Singapore "
                     "said so. CSA added.";
  ck_assert(tagged(csa2, "CSA", "Agency", CYBERNER_AGENCY, "sg-csa"));
  ck_assert(tagged(csa2, "CSA", "said so.", CYBERNER_AGENCY, "sg-csa"));
  YES("la République populaire démocratique de Corée (RPDC) a agi", "RPDC", CYBERNER_COUNTRY, "KP");
  /* ... and after the lower-case words of a thing that spell it (a part of a hyphenated word gives a letter) */
  const char *mfa = "Customers must use multi-factor authentication (MFA) for logins. MFA was missing.";
  NO(mfa, "MFA)");
  NO(mfa, "MFA was");
  YES("The ministry of foreign affairs (MFA) said so.", "MFA", CYBERNER_AGENCY, NULL);
  /* a role named after its body: the acronym is the body's */
  YES("Il est directeur général de la sécurité intérieure (DGSI) depuis 2022.", "DGSI", CYBERNER_AGENCY, "dgsi");
  /* a known acronym after the lower-case description of a legal text is the text's, later on too */
  const char *act = "Bruxelles a adopté le règlement européen sur la cybersécurité (CSA) en 2019. Le CSA crée un cadre.";
  NO(act, "CSA)");
  NO(act, "CSA crée");
  NO("the directive on the security of network and information systems (NIS) applies", "NIS");
  YES("a dit l'agence sud-coréenne de renseignement (NIS) mardi", "NIS", CYBERNER_AGENCY, "kr-nis");
  /* the same after dit(e)/known as */
  const char *dit = "Il applique le règlement européen dit CSA. Le CSA crée un cadre.";
  NO(dit, "CSA.");
  NO(dit, "CSA crée");
  /* a short name in apposition after a body is that body, later on too */
  const char *j3 = "La section cyber du parquet de Paris, dite J3, a ouvert une enquête. La J3 a saisi les serveurs.";
  ck_assert(tagged(j3, "J3", NULL, CYBERNER_AGENCY, "fr-parquet-paris"));
  ck_assert(tagged(j3, "J3", "La J3", CYBERNER_AGENCY, "fr-parquet-paris"));
  YES("The Office of Cyber Defense, known as OCD, met on Monday.", "OCD", CYBERNER_AGENCY, NULL);
  NO("Le projet, dit Horizon, avance.", "Horizon");
  /* after a law's word, the short name is the law's, even a known body's acronym */
  NO("au sens de la directive européenne dite NIS, afin de leur imposer des exigences.", "NIS");
  YES("Le NIS coréen, dit-on, a agi.", "NIS", CYBERNER_AGENCY, "kr-nis");
  YES("Le parquet de Paris, dit Jean Martel, enquête.", "Jean Martel", CYBERNER_PERSON, NULL);
  /* the union between a law's word and the act's number is part of the act's name */
  NO("The legal basis, Regulation (EU) 2021/887, set up the centre.", "EU");
  NO("Directive (EU) 2022/2555 of the European Parliament applies.", "EU");
  NO("Le règlement (UE) n° 2019/881 relatif à l'ENISA.", "UE");
  NO("Regulation (EC) No 460/2004 established the agency.", "EC");
  ck_assert(tagged("Regulation (EU) 2021/887 set up the centre; the EU funds it.", "EU", "the EU", CYBERNER_ORGANIZATION, "eu"));
  YES("The regulation adopted by the European Union (EU) in 2021 applies.", "EU", CYBERNER_ORGANIZATION, "eu");
  /* capitalized words before a lower-case program(me) name a programme, which hides the names in it */
  const char *bird = "Funding came from the Israel-U.S. Binational Industrial Research and Development (BIRD) "
                     "Homeland Security program in 2023.";
  NO(bird, "Israel");
  NO(bird, "U.S.");
  NO(bird, "Homeland Security");
  YES("The Israel program was cut.", "Israel", CYBERNER_COUNTRY, "IL");
  YES("The Israel Cyber program was launched in 2020.", "Israel", CYBERNER_COUNTRY, "IL");
  YES("The Japan International Cooperation Agency program helps Kenya.", "Japan International Cooperation Agency",
      CYBERNER_AGENCY, "jica");
  YES("She joined the Japan International Cooperation Agency program last year.",
      "Japan International Cooperation Agency", CYBERNER_AGENCY, "jica");
  /* a generic long form right before a known body's name (parenthesis, apposition) takes its id */
  YES("Vanuatu had set up its own Computer Emergency Response Team (CERT Vanuatu) in 2021.",
      "Computer Emergency Response Team", CYBERNER_AGENCY, "vu-cert");
  YES("Samoa and New Zealand's Computer Emergency Response Team, CERT NZ, have signed a deal.",
      "Computer Emergency Response Team", CYBERNER_AGENCY, "cert-nz");
  YES("Au Luxembourg, le CERT gouvernemental (GOVCERT.LU), le groupement a agi.", "CERT gouvernemental",
      CYBERNER_AGENCY, "lu-govcert");
  NO("Au Luxembourg, le CSIRT gouvernemental (GOVCERT.LU), le groupement a agi.", "CSIRT");
  ck_assert(!tagged("The Computer Emergency Response Team, NATO and the EU met.", "Computer Emergency Response Team",
                    NULL, CYBERNER_ORGANIZATION, NULL));
  /* a one-word name before the parenthesis is not the long form of a known acronym */
  YES("talks mediated by the mission in Europe (OSCE) went on.", "OSCE", CYBERNER_ORGANIZATION, "osce");
}
END_TEST

START_TEST(identifiers) {
  /* the platform X, when the text speaks of an account or a post on it */
  YES("He posted the claim on X on Monday.", "X", CYBERNER_ORGANIZATION, "twitter");
  YES("Le compte X de l'agence a été piraté.", "X", CYBERNER_ORGANIZATION, "twitter");
  NO("the Generation X survey", "X");
  YES("Meta, X and TikTok signed the accord.", "X", CYBERNER_ORGANIZATION, "twitter");
  YES("Le message a circulé sur le réseau X lundi.", "X", CYBERNER_ORGANIZATION, "twitter");
  /* once the document called the platform X, a later bare X is it */
  ck_assert(tagged("Le réseau social X a été bloqué. Le propriétaire de X a protesté.", "X", "propriétaire",
                   CYBERNER_ORGANIZATION, "twitter"));
  NO("Regulators said X had failed.", "X");
  /* and so is a bare X above the sentence that calls it X (a headline) */
  YES("Venezuela : X reste bloqué. Le réseau social X a été bloqué.", "X", CYBERNER_ORGANIZATION, "twitter");
  NO("Venezuela : X reste bloqué. Le gouvernement a parlé.", "X");
  ck_assert(!tagged("The Generation X survey came out. He posted on X.", "X", NULL, CYBERNER_ORGANIZATION, NULL));
  ck_assert(!tagged("Windows X crashed. He posted on X.", "X", NULL, CYBERNER_ORGANIZATION, NULL));
  ck_assert(!tagged("He posted on X. Malcolm X spoke. Points A, B and X.", "X", "Points", CYBERNER_ORGANIZATION,
                    NULL));
  YES("Il a publié sur la plateforme X, anciennement Twitter, un message.", "X", CYBERNER_ORGANIZATION, "twitter");
  YES("Musk said X, formerly Twitter, would comply.", "X", CYBERNER_ORGANIZATION, "twitter");
  YES("Posts on the social platform X spread fast.", "X", CYBERNER_ORGANIZATION, "twitter");
  NO("Scenario X, in which the grid fails, was tested.", "X");
  YES("Attackers exploited CVE-2021-44228 in Log4j.", "CVE-2021-44228", CYBERNER_VULNERABILITY, "CVE-2021-44228");
  YES("The group APT99 was seen.", "APT99", CYBERNER_THREAT_ACTOR, "apt99");
  YES("Microsoft tracks Storm-0558.", "Storm-0558", CYBERNER_THREAT_ACTOR, NULL);
  YES("Les opérateurs d'APT28 ont agi.", "APT28", CYBERNER_THREAT_ACTOR, "apt28");
}
END_TEST

START_TEST(events) {
  /* a meeting a rule reads, with the words of one named earlier, is that one */
  const char *ejc = "Tokyo hosted the EU-Japan Cyber Dialogue in 2023. In 2024 the sixth Cyber Dialogue took place.";
  YES(ejc, "sixth Cyber Dialogue", CYBERNER_EVENT, "eu-japan-cyber-dialogue");
  YES("In 2024 the sixth Cyber Dialogue took place.", "sixth Cyber Dialogue", CYBERNER_EVENT, NULL);
  /* a year before the name after "the" is its edition; after "in" a date */
  YES("The 2022 U.S.-EU Cyber Dialogue took place in Washington.", "2022 U.S.-EU Cyber Dialogue", CYBERNER_EVENT,
      "us-eu-cyber-dialogue");
  YES("In 2022 Singapore International Cyber Week was held.", "2022", CYBERNER_DATE, NULL);
  YES("durant la 48ème Réunion consultative sur la sécurité (SCM)", "48ème Réunion consultative sur la sécurité",
      CYBERNER_EVENT, "scm");
  YES("at the 9th Transatlantic Cyber Dialogue in Brussels", "9th Transatlantic Cyber Dialogue", CYBERNER_EVENT, NULL);
  /* a spelled-out ordinal and a year belong to a pattern-built event too */
  YES("Officials held the seventh Digital Policy Dialogue in Rome", "seventh Digital Policy Dialogue", CYBERNER_EVENT,
      NULL);
  YES("Officials held the Digital Policy Dialogue 2023 in Rome", "Digital Policy Dialogue 2023", CYBERNER_EVENT, NULL);
  NO("Réunion intergouvernementale du dialogue bilatéral", "Réunion intergouvernementale");
  /* a sports tail closes an event's name; a capitalized word after it goes on */
  YES("Woods won the Greater Milwaukee Open on Sunday.", "Greater Milwaukee Open", CYBERNER_EVENT, NULL);
  NO("the Microsoft Open Source team", "Open");
  /* a run that is exactly two known bodies is those two */
  const char *two = "Experts of the Council of Europe Open-Ended Working Group met.";
  YES(two, "Council of Europe", CYBERNER_ORGANIZATION, "coe");
  YES(two, "Open-Ended Working Group", CYBERNER_ORGANIZATION, "oewg");
  ck_assert(!tagged(two, "Council of Europe Open-Ended Working Group", NULL, CYBERNER_ORGANIZATION, NULL));
  /* a run that opens with a known company after a lower-case word for a product is the product */
  const char *prod = "Les clients utilisent le réseau Cisco Security Network chaque jour.";
  YES(prod, "Cisco", CYBERNER_ORGANIZATION, "cisco");
  ck_assert(!tagged(prod, "Cisco Security Network", NULL, CYBERNER_ORGANIZATION, NULL));
  YES("Les clients utilisent Cisco Security Network chaque jour.", "Cisco Security Network", CYBERNER_ORGANIZATION,
      NULL);
  YES("the Microsoft Open Source team", "Microsoft", CYBERNER_ORGANIZATION, "microsoft");
}
END_TEST

START_TEST(series_of_two_parties) {
  /* a meeting named by its series words alone is the dictionary's meeting
   * of that series whose two parties the sentence names */
  YES("The European Union and Japan held their sixth Cyber Dialogue in Tokyo.", "sixth Cyber Dialogue", CYBERNER_EVENT,
      "eu-japan-cyber-dialogue");
  YES("Philippines and Australia hold inaugural Cyber Dialogue in Canberra", "Cyber Dialogue", CYBERNER_EVENT,
      "philippines-australia-cyber-dialogue");
  YES("India and Australia held their fifth Cyber Policy Dialogue in New Delhi.", "fifth Cyber Policy Dialogue",
      CYBERNER_EVENT, "australia-india-cyber-policy-dialogue");
  YES("The American and Indian sides met at the fourth Cyber Dialogue.", "fourth Cyber Dialogue", CYBERNER_EVENT,
      "us-india-cyber-dialogue");
  YES("The EU and Japan held the Seventh Cyber Dialogue in Tokyo.", "Seventh Cyber Dialogue", CYBERNER_EVENT,
      "eu-japan-cyber-dialogue");
  /* a name with a digit is no ordinal */
  ck_assert(!tagged("France and Japan attended the G7 Cyber Consultations in Paris.", "G7 Cyber Consultations", NULL,
                    CYBERNER_EVENT, NULL));
  /* the series words of such a meeting after an ordinal make a meeting, whatever their last word */
  YES("The Republic of Korea and the European Union held their 7th Cyber Policy Consultation on Tuesday.",
      "7th Cyber Policy Consultation", CYBERNER_EVENT, "eu-korea-cyber-dialogue");
  NO("The ministry held its 7th Annual Policy Consultation on Tuesday.", "Consultation");
  /* one party named, or two pairs of the series: no link */
  const char *one = "Japan held its sixth Cyber Dialogue in Tokyo.";
  YES(one, "sixth Cyber Dialogue", CYBERNER_EVENT, NULL);
  ck_assert(!tagged(one, "sixth Cyber Dialogue", NULL, CYBERNER_EVENT, "eu-japan-cyber-dialogue"));
  ck_assert(!tagged(one, "sixth Cyber Dialogue", NULL, CYBERNER_EVENT, "us-japan-cyber-dialogue"));
  const char *three = "The EU, the United States and Japan held the sixth Cyber Dialogue in Tokyo.";
  ck_assert(!tagged(three, "sixth Cyber Dialogue", NULL, CYBERNER_EVENT, "eu-japan-cyber-dialogue"));
  ck_assert(!tagged(three, "sixth Cyber Dialogue", NULL, CYBERNER_EVENT, "us-japan-cyber-dialogue"));
}
END_TEST

START_TEST(not_entities) {
  /* a body's web address after a word for a site names the service */
  NO("Le dispositif national Cybermalveillance.gouv.fr a publié un guide.", "Cybermalveillance");
  YES("Le GIP Cybermalveillance.gouv.fr a publié un guide.", "Cybermalveillance.gouv.fr", CYBERNER_AGENCY, "cybermalveillance");
  /* an outlet whose name is its address is named by it after "site" */
  YES("Francesco Cancellato, the editor of the news site Fanpage.it, was warned.", "Fanpage.it",
      CYBERNER_ORGANIZATION, "fanpage");
  NO("La plateforme Cybermalveillance.gouv.fr a publié un guide.", "Cybermalveillance");
  NO("des actions soutenues par le plan France Relance et France 2030.", "France Relance");
  NO("des actions soutenues par le plan France Relance et France 2030.", "France 2030");
  /* languages are not nationalities */
  NO("Le texte est traduit en anglais et le russe reste la langue du forum.", "anglais");
  NO("Le texte est traduit en anglais et le russe reste la langue du forum.", "russe");
  /* ... nor their scripts: a nationality word with a noun of writing */
  NO("The note was written in Korean letters.", "Korean");
  NO("Chinese characters appeared in the code.", "Chinese");
  NO("Il utilisait un clavier arabe.", "arabe");
  YES("Korean hackers stole the letters.", "Korean", CYBERNER_NATIONALITY, "KR");
  YES("Le ministre français a parlé.", "français", CYBERNER_NATIONALITY, "FR");
  /* an English nationality adjective is capitalized in English: in lower case it is a word */
  NO("The gang used AI tools to polish phishing lures.", "polish");
  YES("Polish police arrested two men.", "Polish", CYBERNER_NATIONALITY, "PL");
  YES("Des pirates polonais ont été arrêtés.", "polonais", CYBERNER_NATIONALITY, "PL");
  /* in English: in + a run of language words that ends the phrase */
  NO("The agency, known in Danish as Forsvarets Efterretningstjeneste, said so.", "Danish");
  NO("The note was written in Russian.", "Russian");
  NO("It was published in English, French and Spanish.", "French");
  NO("It was published in English, French and Spanish.", "Spanish");
  YES("Ships were seen in Danish waters.", "Danish", CYBERNER_NATIONALITY, "DK");
  YES("Funds went to firms in Chinese, Russian and Iranian hands.", "Russian", CYBERNER_NATIONALITY, "RU");
  /* a repeated `in` joins the run, and a function word may end it */
  NO("It was published in English and in French under the title Basics.", "French");
  NO("The note was written in Russian by the hackers.", "Russian");
  /* ... or a verb of speaking */
  NO("Most of the victims spoke Spanish.", "Spanish");
  YES("Most of the victims spoke Spanish officials' names.", "Spanish", CYBERNER_NATIONALITY, "ES");
  YES("Ships were seen in Danish and in Swedish waters.", "Swedish", CYBERNER_NATIONALITY, "SE");
  YES("Ships were seen in Danish waters by the navy.", "Danish", CYBERNER_NATIONALITY, "DK");
  /* in French, a place opening a run of capitalized English words is the first word of a name */
  NO("Quatorze arrestations lors de l'opération Africa Cyber Surge II, selon Interpol.", "Africa");
  NO("Elle faisait suite à Africa Cyber Surge et à l'opération Red Card.", "Africa");
  YES("Le groupe China General Nuclear (CGN) entre dans le projet.", "China General Nuclear", CYBERNER_ORGANIZATION,
      NULL);
  YES("Il vit en Afrique depuis 2020 et travaille à Paris Nord.", "Afrique", CYBERNER_LOCATION, NULL);
  YES("Le ministre a rencontré à Kaboul Ahmad Shah Massoud.", "Kaboul", CYBERNER_LOCATION, "kabul");
  /* a capitalized name that opens with a country and ends with a plan word is a plan's */
  NO("The Austrian Cyber Security Strategy was adopted in 2013.", "Austrian");
  NO("Residents must register with the Ghana Card before May.", "Ghana");
  NO("The Ghana Digital Acceleration Project was funded.", "Ghana");
  YES("Ghana launched a new project in May.", "Ghana", CYBERNER_COUNTRY, "GH");
  YES("The Austrian strategy was adopted in 2013.", "Austrian", CYBERNER_NATIONALITY, "AT");
}
END_TEST

/* a body after a minister's title names the portfolio of an untagged role */
START_TEST(portfolios) {
  YES("Aux Philippines, le secrétaire du DICT, Ivan John Uy, a parlé.", "DICT", CYBERNER_AGENCY, "ph-dict");
  const char *en = "The Minister for Home Affairs, Tony Burke, met the Secretary of Homeland Security and the "
                   "Secretary of the Department of Homeland Security; the Department of Home Affairs said so.";
  NO(en, "Home Affairs,");
  NO(en, "Homeland Security and");
  YES(en, "Department of Homeland Security", CYBERNER_AGENCY, "us-dhs");
  YES(en, "Department of Home Affairs", CYBERNER_AGENCY, NULL);
  YES(en, "Tony Burke", CYBERNER_PERSON, NULL);
  YES("The Director of the FBI spoke.", "FBI", CYBERNER_AGENCY, "fbi");
  /* a known body named "... Council of ..." after a title is a body, not a portfolio */
  YES("He met Nikolai Patrushev, Secretary of the Security Council of the Russian Federation, in Moscow.",
      "Security Council of the Russian Federation", CYBERNER_AGENCY, "ru-security-council");
  /* the English order: the portfolio before the title; an acronym there is a body */
  const char *pre = "Homeland Security Secretary Kristi Noem met CISA Director Jen Easterly on Monday.";
  NO(pre, "Homeland Security");
  YES(pre, "CISA", CYBERNER_AGENCY, "cisa");
  /* a body named with its country's word first, before a title: the word stays */
  const char *nat = "French Armed Forces Minister Florence Parly met US Navy Secretary Carlos Del Toro.";
  YES(nat, "French", CYBERNER_NATIONALITY, "FR");
  YES(nat, "US", CYBERNER_COUNTRY, "US");
  NO(nat, "Armed Forces");
  NO(nat, "Navy");
  /* a body's plural before "des deux pays" names no single body */
  NO("Les États-Unis ont parlé. Des représentants des ministères de la Défense des deux pays ont parlé.",
     "ministères de la Défense");
  YES("Les États-Unis ont parlé. Des représentants des ministères de la Défense ont parlé.",
      "ministères de la Défense", CYBERNER_AGENCY, "us-dod");
  /* a role the dictionaries hide is hidden in lower case too, with the place inside it */
  NO("Jean-Yves Le Drian, France's minister for Europe and foreign affairs, said so.", "Europe");
  YES("Jean-Yves Le Drian, France's minister, toured Europe and Asia.", "Europe", CYBERNER_LOCATION, "europe");
}
END_TEST

/* a headline in Title Case: a common-word alias before a capitalized word */
START_TEST(title_case_headlines) {
  /* no body from a tail word in a Title Case headline */
  NO("Taiwan Spy Agency Flags Risks in Chinese AI Apps\n\nThe bureau said.", "Spy Agency");
  YES("Police Say Servers Seized in US-Led Operation Against Ransomware Crew\n\nThe police said.", "US", CYBERNER_COUNTRY, "US");
  YES("BRITAIN WELCOMES ROMANIA-HUNGARY TREATY ACCORD .", "HUNGARY", CYBERNER_COUNTRY, "HU");
  NO("POLAND GOT MONEY FROM POST-WAR SWISS ACCOUNTS .", "POST");
  /* a known name at the front of a Title Case headline is not swallowed by a body's tail */
  YES("State Department Cyber Bureau Marks Three Years With New Strategy\n\nThe bureau said.", "State Department",
      CYBERNER_AGENCY, "us-dos");
  YES("Treasury Sanctions Russian Cyber Actors for Election Interference", "Treasury", CYBERNER_AGENCY, NULL);
  NO("The Treasury Board met on budgets and pensions.", "Treasury");
}
END_TEST

START_TEST(nationality_compounds) {
  YES("le dialogue franco-japonais de cybersécurité", "franco-japonais", CYBERNER_NATIONALITY, "FR+JP");
  YES("the Franco-German partnership", "Franco-German", CYBERNER_NATIONALITY, "FR+DE");
  YES("la menace nord-coréenne", "nord-coréenne", CYBERNER_NATIONALITY, "KP");
  YES("a UK-NL exercise", "UK", CYBERNER_COUNTRY, "GB");
  /* a union or an alliance in capitals is a party like a country */
  YES("the EU-India summit", "EU", CYBERNER_ORGANIZATION, "eu");
  YES("the EU-India summit", "India", CYBERNER_COUNTRY, "IN");
  YES("la commission OTAN-Géorgie", "OTAN", CYBERNER_ORGANIZATION, "nato");
  NO("the Eu-India summit", "Eu");
  NO("the EU-Qwertz summit", "EU");
  /* a region of several countries is a party too; a country's city is not */
  YES("Brésil-Europe : un dialogue cyber", "Brésil", CYBERNER_COUNTRY, "BR");
  YES("Brésil-Europe : un dialogue cyber", "Europe", CYBERNER_LOCATION, "europe");
  YES("the China-Africa summit", "Africa", CYBERNER_LOCATION, "africa");
  NO("the Qwertz-Africa summit", "Africa");
  NO("the China-africa summit", "africa");
  /* two cities of two countries are two places; of one country, maybe a third one */
  YES("le groupe de travail Séoul-Washington chargé du dossier", "Séoul", CYBERNER_LOCATION, "seoul");
  YES("le groupe de travail Séoul-Washington chargé du dossier", "Washington", CYBERNER_LOCATION, "washington");
  NO("la ligne Lyon-Marseille est fermée", "Lyon");
  /* a chain of three: each city of another country */
  YES("Macron hails a Paris-Delhi-Canberra axis", "Delhi", CYBERNER_LOCATION, "new-delhi");
  YES("Macron hails a Paris-Delhi-Canberra axis", "Canberra", CYBERNER_LOCATION, NULL);
  YES("Macron hails a Paris-Delhi-Canberra axis", "Paris", CYBERNER_LOCATION, "paris");
  NO("the Paris-Lyon-Canberra route", "Canberra");
  NO("the Paris-Qwertz-Canberra route", "Canberra");
  YES("the Geneva-based foundation", "Geneva", CYBERNER_LOCATION, "geneva");
  YES("a New York-based firm", "New York", CYBERNER_LOCATION, "new-york-city");
  /* a party letter before a state */
  YES("said Sen. Jim Risch (R-Idaho), the chairman", "Idaho", CYBERNER_LOCATION, NULL);
  NO("the X-Idaho line", "Idaho");
}
END_TEST

/* names joined by a slash (a dateline, a credit); an acronym with a slash stays one */
START_TEST(slashed_places) {
  YES("SEOUL/WASHINGTON (Feb 27, 2025) - The FBI said on Wednesday", "SEOUL", CYBERNER_LOCATION, "seoul");
  YES("SEOUL/WASHINGTON (Feb 27, 2025) - The FBI said on Wednesday", "WASHINGTON", CYBERNER_LOCATION, "washington");
  YES("Paris/Berlin, 3 mars 2025 - Les deux capitales", "Berlin", CYBERNER_LOCATION, "berlin");
  YES("La France/Allemagne : une coopération", "Allemagne", CYBERNER_COUNTRY, "DE");
  YES("Le JPCERT/CC a publié un avis.", "JPCERT/CC", CYBERNER_AGENCY, "jpcert-cc");
  NO("the paris/berlin route", "paris");
  NO("SEOUL/QWERTZ said", "SEOUL");
  /* a part of several words joins the words before or after the token */
  YES("NEW YORK/THE HAGUE, 3 March (Reuters) - Diplomats said", "THE HAGUE", CYBERNER_LOCATION, "the-hague");
  YES("NEW YORK/THE HAGUE, 3 March (Reuters) - Diplomats said", "NEW YORK", CYBERNER_LOCATION, "new-york-city");
  YES("LA HAYE/BERLIN, 3 mars (AFP) - Les diplomates ont dit", "LA HAYE", CYBERNER_LOCATION, "the-hague");
  YES("LA HAYE/BERLIN, 3 mars (AFP) - Les diplomates ont dit", "BERLIN", CYBERNER_LOCATION, "berlin");
  NO("PARIS/THE QWERTZ said", "PARIS");
  YES("BRUXELLES (Belga/AFP) - Le message a circulé.", "AFP", CYBERNER_ORGANIZATION, "afp");
  NO("la norme ISO/IEC 27001 exige", "ISO");
}
END_TEST

/* a dateline in capitals names a city */
START_TEST(datelines) {
  /* the capital named after its country or region */
  YES("LUXEMBOURG, 5 mars 2025 - Le Luxembourg a signé.", "LUXEMBOURG", CYBERNER_LOCATION, "luxembourg-city");
  YES("LUXEMBOURG, 5 mars 2025 - Le Luxembourg a signé.", "Luxembourg", CYBERNER_COUNTRY, "LU");
  /* in a list of towns of other countries, a country named like its city is that city */
  YES("Talks were held in Brussels, Luxembourg? Good.", "Luxembourg", CYBERNER_LOCATION, "luxembourg-city");
  YES("Sites are in Brussels, Munich, Vilnius, Luxembourg, Warsaw and León.", "Luxembourg", CYBERNER_LOCATION,
      "luxembourg-city");
  YES("It hit Vilnius, Luxembourg and Riga.", "Luxembourg", CYBERNER_LOCATION, "luxembourg-city");
  YES("CANCÚN, Mexico, June 20, 2017 - The OAS met.", "Mexico", CYBERNER_COUNTRY, "MX");
  YES("Offices in Asia, Singapore and Japan.", "Singapore", CYBERNER_COUNTRY, "SG");
  YES("Talks in Tallinn, Luxembourg's minister said.", "Luxembourg", CYBERNER_COUNTRY, "LU");
  YES("QUÉBEC, 4 mars 2025 - Le ministre a parlé.", "QUÉBEC", CYBERNER_LOCATION, "quebec-city");
  YES("SINGAPORE, March 3 - The minister said.", "SINGAPORE", CYBERNER_COUNTRY, "SG");
  /* French "à" before the name names the city too; "au" the province or the country */
  YES("À Québec, le gouvernement de François Legault a réagi.", "Québec", CYBERNER_LOCATION, "quebec-city");
  YES("Il travaille au Luxembourg et vit à Luxembourg.", "Luxembourg", CYBERNER_COUNTRY, "LU");
  ck_assert(tagged("Il travaille au Luxembourg et vit à Luxembourg.", "Luxembourg", "vit", CYBERNER_LOCATION,
                   "luxembourg-city"));
  YES("Le premier ministre du Québec a parlé.", "Québec", CYBERNER_LOCATION, "quebec");
  /* a city whose alias is case-sensitive elsewhere (Nice) in a dateline in capitals */
  YES("NICE, 12 mars 2024 - Le centre hospitalier a été visé.", "NICE", CYBERNER_LOCATION, "nice");
  /* the outlet in parentheses after the city is no acronym of the city */
  const char *bc = "KUWAIT CITY (BleepingComputer) - A ransomware attack hit the ministry.";
  YES(bc, "BleepingComputer", CYBERNER_ORGANIZATION, "bleepingcomputer");
  YES(bc, "KUWAIT CITY", CYBERNER_LOCATION, "kuwait-city");
  YES("Officials in Kuwait City (BleepingComputer) said so.", "BleepingComputer", CYBERNER_ORGANIZATION, "bleepingcomputer");
}
END_TEST

/* a line of results or standings: a name right before a score is a team */
START_TEST(results_lines) {
  YES("Boston 5 Chicago 3", "Boston", CYBERNER_ORGANIZATION, NULL);
  YES("Boston 5 Chicago 3", "Chicago", CYBERNER_ORGANIZATION, NULL);
  YES("Kansas City 4 Valbrune Rovers 2 ( halftime 1-0 )", "Kansas City", CYBERNER_ORGANIZATION, NULL);
  YES("Kansas City 4 Valbrune Rovers 2 ( halftime 1-0 )", "Valbrune Rovers", CYBERNER_ORGANIZATION, NULL);
  YES("Harrowgate 4 3 1 0 9 2 10", "Harrowgate", CYBERNER_ORGANIZATION, NULL);
  YES("Middlesex 199 and 426 , Hampshire 232 and 205 ( A. Fraser 5-79 )", "Hampshire", CYBERNER_ORGANIZATION, NULL);
  /* a national side stays its country; prose, prices, dates, bowling
   * figures and a lone figure are no results */
  YES("France 2 Italy 1", "France", CYBERNER_COUNTRY, "FR");
  YES("The office in Boston has 5 staff and Chicago 3 .", "Boston", CYBERNER_LOCATION, NULL);
  ck_assert(!tagged("The office in Boston has 5 staff and Chicago 3 .", "Chicago", NULL, CYBERNER_ORGANIZATION, NULL));
  YES("LONDON 1996-08-30", "LONDON", CYBERNER_LOCATION, NULL);
  ck_assert(!tagged("Boston 5", "Boston", NULL, CYBERNER_ORGANIZATION, NULL));
  NO("Sales 9.06 9.31 8.42", "Sales");
  ck_assert(!tagged("Bowling : Harrowgate 7-0-29-0 , Valbrune 4-0-25-0", "Harrowgate", NULL, CYBERNER_ORGANIZATION, NULL));
  ck_assert(!tagged("Windows 10 and Windows 11 were patched", "Windows", NULL, CYBERNER_ORGANIZATION, NULL));
  /* a body or a group the dictionaries know keeps its label in a table */
  YES("Lazarus Group 12 Kimsuky 8", "Kimsuky", CYBERNER_THREAT_ACTOR, "kimsuky");
  YES("ANSSI 4 Harrowgate 3", "ANSSI", CYBERNER_AGENCY, "anssi");
  /* an English wire convention: a French document's price list is none */
  const char *fr = "Les valeurs de la Bourse de Paris ont baissé hier dans un marché calme .\n"
                   "Valbrune 5 0/0 812 Harrowgate 6 0/0 310\n";
  ck_assert(!tagged(fr, "Valbrune", NULL, CYBERNER_ORGANIZATION, NULL));
  YES("Results of the games played on Thursday .\nValbrune 5 Harrowgate 3\n", "Valbrune", CYBERNER_ORGANIZATION, NULL);
  /* fixtures: v / vs between two names; a line of v with no figure needs two */
  YES("Postponed : Harrowgate v Valbrune , Kelso v Brora", "Valbrune", CYBERNER_ORGANIZATION, NULL);
  YES("Harrowgate ( 4 ) v Valbrune ( 13 ) 1330", "Harrowgate", CYBERNER_ORGANIZATION, NULL);
  ck_assert(!tagged("Harrowgate v Valbrune", "Harrowgate", NULL, CYBERNER_ORGANIZATION, NULL));
  /* a table row that the sentence splitter cut at its percentage */
  YES("W L PCT GB\nBOSTON 69 65 .515 5\n", "BOSTON", CYBERNER_ORGANIZATION, NULL);
  ck_assert(!tagged("Exports in tonnes :\nVancouver 5 7\n", "Vancouver", NULL, CYBERNER_ORGANIZATION, NULL));
  /* players' scores: a first name in the line makes its names people */
  ck_assert(!tagged("Steven Harrowgate 72 70 72 , Valbrune Kelso 72 71 70", "Valbrune Kelso", NULL, CYBERNER_ORGANIZATION, NULL));
  /* fixtures in capitals: the visitors are a team, the place where they play stays a place */
  YES("CHICAGO AT TORONTO", "CHICAGO", CYBERNER_ORGANIZATION, NULL);
  YES("CHICAGO AT TORONTO", "TORONTO", CYBERNER_LOCATION, NULL);
  YES("TORONTO AT NY RANGERS", "TORONTO", CYBERNER_ORGANIZATION, NULL);
  ck_assert(!tagged("FRANCE AT ROME", "FRANCE", NULL, CYBERNER_ORGANIZATION, NULL));
  ck_assert(!tagged("ATTACK AT DAWN", "ATTACK", NULL, CYBERNER_ORGANIZATION, NULL));
}
END_TEST

/* a lower-case word for a place before a name: the name is a place */
START_TEST(places_by_kind) {
  const char *t = "The plant lies in the nearby city of Toyota. Toyota said it resumed work.";
  ck_assert(tagged(t, "Toyota", NULL, CYBERNER_LOCATION, NULL));
  ck_assert(tagged(t, "Toyota", "Toyota said", CYBERNER_ORGANIZATION, "toyota"));
  YES("Il habite dans la ville de Valbrune depuis mars.", "Valbrune", CYBERNER_LOCATION, NULL);
  YES("Officials in the town of Harrowgate met.", "Harrowgate", CYBERNER_LOCATION, NULL);
  YES("Officers from the province of Qwertz Fe took part.", "Qwertz Fe", CYBERNER_LOCATION, NULL);
  YES("Il vit dans la région de Valbrune depuis mars.", "Valbrune", CYBERNER_LOCATION, NULL);
  NO("The state of emergency was lifted in March.", "emergency");
  /* a name before a word for a country's area, of and the country */
  YES("The leaders met in the Boe district of Nauru on Monday.", "Boe", CYBERNER_LOCATION, "boe");
  NO("The leaders met in the Alpha district of Nauru on Monday.", "Alpha");
  NO("The leaders met in the Boe district on Monday.", "Boe");
  YES("le port de Trieste a été visé", "Trieste", CYBERNER_LOCATION, "trieste");
  /* "commune" after a noun is its adjective: no place after it */
  YES("Le maire de la petite commune de Valbrune a parlé.", "Valbrune", CYBERNER_LOCATION, NULL);
  /* ... not after a determiner: the noun */
  YES("Il habite ma commune de Valbrune depuis dix ans.", "Valbrune", CYBERNER_LOCATION, NULL);
  YES("Il n'habite aucune commune de Valbrune ni d'ailleurs.", "Valbrune", CYBERNER_LOCATION, NULL);
  YES("Il travaille pour la société commune d'Orange et de Capgemini.", "Orange", CYBERNER_ORGANIZATION, "orange");
  NO("Ils annoncent une entreprise commune de Valbrune et Harrowgate.", "Valbrune");
  NO("Goods wait at the port of Entry before the check.", "Entry");
  /* capitalized words before a place noun (bodies.txt, LOCATION tails), each
   * place on its own: not named "on" another one, nor joined to a name by
   * "and"; a given name before it does not make a person */
  const char *r = "Agents raided the Tall Reed Building on Adewale Okonjo Street in Lagos.";
  YES(r, "Tall Reed Building", CYBERNER_LOCATION, NULL);
  YES(r, "Adewale Okonjo Street", CYBERNER_LOCATION, NULL);
  YES("Shares of Harrow Electric Power and Harrow Regional Airport fell.", "Harrow Regional Airport", CYBERNER_LOCATION, NULL);
}
END_TEST

/* a country before a capitalized Embassy names its mission; a lower-case embassy is described */
START_TEST(embassies) {
  YES("Officials at the U.S. Embassy in Manila said so.", "U.S. Embassy", CYBERNER_AGENCY, "us-embassy-ph");
  YES("The Chinese Embassy said so.", "Chinese Embassy", CYBERNER_AGENCY, NULL);
  NO("The Chinese embassy in Washington made a similar claim.", "embassy");
  YES("The Chinese embassy in Washington made a similar claim.", "Chinese", CYBERNER_NATIONALITY, "CN");
}
END_TEST

/* a bare Confédération is Switzerland in a Swiss document only */
START_TEST(confederation) {
  const char *ch = "Après avoir frappé 200 entreprises suisses, la Confédération appelle les victimes à porter plainte. "
                   "La Confédération générale du travail a protesté. La loi au sein de la Confédération a été adoptée.";
  ck_assert(tagged(ch, "Confédération", NULL, CYBERNER_COUNTRY, "CH"));
  ck_assert(tagged(ch, "Confédération générale du travail", NULL, CYBERNER_ORGANIZATION, "cgt"));
  NO(ch, "Confédération a été");
  YES("En Suisse, l'enquête est menée avec plusieurs services de la Confédération.", "Confédération",
      CYBERNER_COUNTRY, "CH");
  YES("Une cellule de crise en Suisse réunissant la Confédération et les cantons a été créée.", "Confédération",
      CYBERNER_COUNTRY, "CH");
  NO("La France et l'Allemagne ont signé. La Confédération appelle les victimes.", "Confédération");
}
END_TEST

/* Nord right after a French town or body is the département; elsewhere it is not tagged */
START_TEST(nord_departement) {
  YES("CROIX (Nord), 22 août 2025 – Neuf mois après.", "Nord", CYBERNER_LOCATION, "nord-fr");
  YES("Le centre hospitalier d'Armentières, dans le Nord, tournait au ralenti.", "Nord", CYBERNER_LOCATION, "nord-fr");
  YES("Il vit à Lille dans le Nord.", "Nord", CYBERNER_LOCATION, "nord-fr");
  NO("« Le Nord cherche vraisemblablement des devises », dit-il.", "Nord");
  NO("La péninsule coréenne, dans le Nord, reste fermée.", "Nord");
  NO("des compétences entre pays du Nord et du Sud", "Nord");
  NO("Armentières, dans le Nord de la France, a été visée.", "Nord");
}
END_TEST

/* an English alias in -ization is also met in its British spelling */
START_TEST(british_spellings) {
  YES("the Organisation for Security and Co-operation in Europe said", "Organisation for Security and Co-operation in Europe",
      CYBERNER_ORGANIZATION, "osce");
  YES("a report of the World Health Organisation", "World Health Organisation", CYBERNER_ORGANIZATION, "who");
  YES("a report of the World Health Organization", "World Health Organization", CYBERNER_ORGANIZATION, "who");
  /* and with Cybersecurity for Cyber Security inside a name, or the other way round */
  YES("The Australian Cybersecurity Centre said so.", "Australian Cybersecurity Centre", CYBERNER_AGENCY, "acsc");
  /* and with '&' for a conjunction between capitalized words */
  YES("the Cybersecurity & Infrastructure Security Agency said", "Cybersecurity & Infrastructure Security Agency",
      CYBERNER_AGENCY, "cisa");
  YES("the Organisation for Security & Co-operation in Europe said", "Organisation for Security & Co-operation in Europe",
      CYBERNER_ORGANIZATION, "osce");
}
END_TEST

/* "X ransomware": the name of the group is X, the alias still says which */
START_TEST(ransomware_names) {
  YES("the Medusa ransomware group claimed the attack", "Medusa", CYBERNER_THREAT_ACTOR, "medusa-ransomware");
  YES("the Cuba ransomware gang", "Cuba", CYBERNER_THREAT_ACTOR, "cuba-ransomware");
  NO("the Medusa ransomware group claimed the attack", "ransomware");
}
END_TEST

/* a group's other name after also known as, aka, alias, connu sous le nom de
 * is the same group; a person's other name is no group's nor body's */
START_TEST(threat_actor_other_names) {
  static const char *const said[] = {
      "Kimsuky, also known as Brontal Panda, sent the emails.",
      "The emails came from Kimsuky (aka Brontal Panda) in March.",
      "Le groupe Kimsuky, connu sous le nom de Brontal Panda, a envoyé les courriels.",
      "Le groupe Kimsuky, alias Brontal Panda, a envoyé les courriels.",
  };
  for (size_t i = 0; i < sizeof said / sizeof *said; i++)
    YES(said[i], "Brontal Panda", CYBERNER_THREAT_ACTOR, "kimsuky");
  /* an earlier name anywhere after the group in its sentence; the gang of the last sentence */
  YES("Kimsuky, which began in 2012 under the name Brontal Panda and grew, sent emails.", "Brontal Panda",
      CYBERNER_THREAT_ACTOR, "kimsuky");
  YES("Officials blamed Kimsuky. The group, also known as Brontal Panda, denied it.", "Brontal Panda",
      CYBERNER_THREAT_ACTOR, "kimsuky");
  NO("The author wrote his first novel under the name Brontal Panda and moved.", "Brontal Panda");
  NO("The minister said the group, also known as Brontal Panda, had left.", "Brontal Panda");
  NO("The emails were signed, also known as Brontal Panda, by nobody.", "Brontal Panda");
  NO("Le trafiquant Jean Dupont, alias Le Chacal, a été arrêté.", "Le Chacal");
}
END_TEST

/* general news: a given name before a particle in lower case, the English
 * tails of company and exchange names (CoNLL coverage pass) */
START_TEST(news_names) {
  YES("Springbok scrum-half Joost van der Westhuizen was his side's inspiration.", "Joost van der Westhuizen",
      CYBERNER_PERSON, "joost-van-der-westhuizen");
  YES("Scorers: Netherlands - Ronald de Boer ( 52nd minute ).", "Ronald de Boer", CYBERNER_PERSON, NULL);
  NO("They spoke with Grace de la maison.", "Grace de la maison");
  YES("Deposits rose at Michigan National Bank on Friday.", "Michigan National Bank", CYBERNER_ORGANIZATION, NULL);
  YES("Trading on the Bombay Commodities Exchange was thin.", "Bombay Commodities Exchange", CYBERNER_ORGANIZATION, NULL);
  YES("Analysts at Dow Chemical Co said so.", "Dow Chemical Co", CYBERNER_ORGANIZATION, NULL);
  /* two companies, not one */
  const char *two = "Suppliers such as Johnson Controls Inc and Lear Corp gained.";
  YES(two, "Johnson Controls Inc", CYBERNER_ORGANIZATION, NULL);
  YES(two, "Lear Corp", CYBERNER_ORGANIZATION, NULL);
  const char *known = "employees of Afkar System Yazd Company and Najee Technology Hooshmand Fater LLC were named";
  YES(known, "Afkar System Yazd Company", CYBERNER_ORGANIZATION, "afkar-system-yazd");
  YES(known, "Najee Technology Hooshmand Fater LLC", CYBERNER_ORGANIZATION, "najee-technology");
  YES("Analysts at Bear Stearns & Co Inc said so.", "Bear Stearns & Co Inc", CYBERNER_ORGANIZATION, NULL);
  /* a product, not an exchange */
  YES("The actors exploited Microsoft Exchange servers.", "Microsoft", CYBERNER_ORGANIZATION, "microsoft");
}
END_TEST

START_TEST(media_names) {
  /* an all-capitals word after a media noun names the outlet, linked to the
   * ORGANIZATION whose id or initials it spells; alone it may be a noun */
  YES("Chinese state broadcaster CCTV showed the handover.", "CCTV", CYBERNER_ORGANIZATION, "cctv");
  /* ... even a state body's acronym, before or after a media noun, linked to
   * the one company whose plain name starts with it */
  YES("The state news agency RIA reported the arrests.", "RIA", CYBERNER_ORGANIZATION, "ria-novosti");
  YES("The RIA news agency reported the arrests.", "RIA", CYBERNER_ORGANIZATION, "ria-novosti");
  YES("The RIA said the arrests were lawful.", "RIA", CYBERNER_AGENCY, "ee-ria");
  YES("The NSA daily briefing was cancelled.", "NSA", CYBERNER_AGENCY, "nsa");
  YES("La chaîne publique KTVQ a diffusé les images.", "KTVQ", CYBERNER_ORGANIZATION, NULL);
  YES("the daily ZNQ reported the leak", "ZNQ", CYBERNER_ORGANIZATION, NULL);
  NO("CCTV footage showed the suspects.", "CCTV");
  NO("The police checked the CCTV cameras of the station.", "CCTV");
  NO("the newspaper reported CCTV footage of the raid", "CCTV");
  /* capitalized words no dictionary knows after a company noun name a company */
  YES("NZX a dit que son fournisseur Spark avait subi une attaque.", "Spark", CYBERNER_ORGANIZATION, "spark-nz");
  YES("Il a travaillé avec le cabinet de géomatique Pasco en 2020.", "Pasco", CYBERNER_ORGANIZATION, "pasco");
  YES("Officials said the firm Qwertzan Widgets was hit.", "Qwertzan Widgets", CYBERNER_ORGANIZATION,
      "qwertzan-widgets");
  YES("Le soir même, l'entreprise Qwertzan Outillage a porté plainte.", "Qwertzan Outillage", CYBERNER_ORGANIZATION,
      "qwertzan-outillage");
  YES("German retailer Qwertzmarkt said its tills were down.", "Qwertzmarkt", CYBERNER_ORGANIZATION, "qwertzmarkt");
  /* ... after the noun's nationality too */
  YES("Hier, l'éditeur américain Qwertzsoft a corrigé la faille.", "Qwertzsoft", CYBERNER_ORGANIZATION, "qwertzsoft");
  YES("Hier, l'éditeur américain Qwertzsoft a corrigé la faille.", "américain", CYBERNER_NATIONALITY, "US");
  NO("Selon l'entreprise, Qwertzan a été touchée.", "Qwertzan");
  /* a French hospital's or school's noun with its town or a hyphenated name
   * is one organization; a school's town after its name is the place */
  YES("Hier, l'hôpital de Pontarlier a été attaqué.", "hôpital de Pontarlier", CYBERNER_ORGANIZATION, "ch-pontarlier");
  YES("Le centre hospitalier d'Alès a porté plainte.", "centre hospitalier d'Alès", CYBERNER_ORGANIZATION, "ch-ales");
  YES("Il a été soigné à la clinique Saint-Qwertz de Pontarlier.", "clinique Saint-Qwertz de Pontarlier",
      CYBERNER_ORGANIZATION, NULL);
  YES("Hier, le lycée Qwertz-Moulin de Pontarlier a reçu des menaces.", "lycée Qwertz-Moulin", CYBERNER_ORGANIZATION,
      NULL);
  YES("Hier, le lycée Qwertz-Moulin de Pontarlier a reçu des menaces.", "Pontarlier", CYBERNER_LOCATION, "pontarlier");
  YES("Il est diplômé d'une université de Pontarlier.", "Pontarlier", CYBERNER_LOCATION, "pontarlier");
  YES("Il est mort à l'hôpital du Kansas.", "Kansas", CYBERNER_LOCATION, "kansas");
  /* a name no dictionary knows after the noun, and the centre médical */
  YES("Hier, l'hôpital Qwertzaw Memorial a été paralysé.", "hôpital Qwertzaw Memorial", CYBERNER_ORGANIZATION, NULL);
  YES("Le centre médical Qwertz a été touché.", "centre médical Qwertz", CYBERNER_ORGANIZATION, NULL);
  NO("L'hôpital a été touché. Qwertz a porté plainte.", "Qwertz");
  YES("La mairie de Pontarlier a été visée.", "Pontarlier", CYBERNER_LOCATION, "pontarlier");
  NO("Officials said the company Chairman John Smith was hit.", "Chairman");
  NO("Officials said the firm was hit on Monday by Qwertzan.", "Qwertzan");
  NO("Shares offered by company N / A were listed.", "N");
  /* a common word is the company noun's complement, unless it starts a company's name;
   * the French cabinet of a minister; a body's description is no company's name */
  NO("Le fournisseur d'accès Internet a été touché.", "Internet");
  NO("Le prestataire Informatique a été piraté.", "Informatique");
  NO("Il a rencontré son directeur de cabinet Lefebvre-Morin hier.", "Lefebvre-Morin");
  NO("Le cabinet Qwertzer a démissionné hier.", "Qwertzer");
  ck_assert(!tagged("The energy company Board approved the plan.", "Board", NULL, CYBERNER_ORGANIZATION, "bcci"));
}
END_TEST

START_TEST(shared_aliases_by_complement) {
  /* a shared lower-case alias attached to a known body of another country
   * describes that body's office */
  NO("Le parquet fédéral du district sud de New York a inculpé trois hommes.", "parquet fédéral");
  YES("Le parquet fédéral du district sud de New York a inculpé trois hommes.", "district sud de New York",
      CYBERNER_AGENCY, "us-sdny");
  YES("Le parquet fédéral du Bundeskriminalamt a parlé.", "parquet fédéral", CYBERNER_AGENCY, "de-gba");
  YES("Le parquet fédéral a inculpé trois hommes à Bruxelles.", "parquet fédéral", CYBERNER_AGENCY,
      "be-federal-prosecutor");
  /* a body's short form of the dictionaries (short=en:commission), once the
   * document has named the body, in the language the dictionary says */
  ck_assert(tagged("The European Commission fined the firm. The Commission said it would appeal.", "Commission",
                   "firm.", CYBERNER_ORGANIZATION, "european-commission"));
  NO("The Commission said it would appeal.", "Commission");
  NO("La Commission européenne a infligé une amende. La Commission a précisé ses motifs.", "Commission a");
  /* a country's name that is also a state's, before "state" or after "state
   * of" in lower case, is the state */
  YES("Delta sued the firm in a Georgia state court.", "Georgia", CYBERNER_LOCATION, "state-of-georgia");
  YES("Lawmakers in the state of Georgia passed it.", "Georgia", CYBERNER_LOCATION, "state-of-georgia");
  YES("Protests in Georgia grew as state media looked away.", "Georgia", CYBERNER_COUNTRY, "GE");
  /* an event the press names for its organizing committee (committee=), in
   * apposition to a committee or saying something, is that committee */
  YES("The organising committee, Paris 2024, said it was ready.", "Paris 2024", CYBERNER_ORGANIZATION,
      "paris-2024-cojop");
  YES("Paris 2024 a indiqué que tout était prêt.", "Paris 2024", CYBERNER_ORGANIZATION, "paris-2024-cojop");
  YES("During Paris 2024, attacks rose.", "Paris 2024", CYBERNER_EVENT, "olympics-2024");
  YES("Paris 2024 a levé le voile sur son dispositif.", "Paris 2024", CYBERNER_EVENT, "olympics-2024");
  /* the entry within the body attached after the alias (within=), else the one left */
  static const struct {
    const char *text, *id;
  } pj[] = {{"La Brigade (BL2C) de la police judiciaire de la préfecture de police enquête.", "fr-pj-paris"},
            {"Il a été arrêté par la police judiciaire de Lille.", "fr-dnpj"},
            {"La police judiciaire a ouvert une enquête.", "fr-dnpj"}};
  for (size_t i = 0; i < sizeof pj / sizeof *pj; i++) YES(pj[i].text, "police judiciaire", CYBERNER_AGENCY, pj[i].id);
  /* a parliament's shared name, then the nationality that says whose it is
   * (ENTITIES.md rule 3: two spans, the body linked by the nationality) */
  YES("Le site du Parlement finlandais a été attaqué.", "Parlement", CYBERNER_AGENCY, "fi-eduskunta");
  YES("Le site du Parlement finlandais a été attaqué.", "finlandais", CYBERNER_NATIONALITY, "FI");
  YES("La Banque centrale marocaine a publié une alerte.", "Banque centrale", CYBERNER_AGENCY, "ma-bam");
  /* an outlet's or a company's country says nothing of whose ministry a
   * shared name is: the country named before it does */
  YES("Armenian officials spoke to RFE/RL on Monday, and a spokeswoman of the Foreign Ministry denied it.",
      "Foreign Ministry", CYBERNER_AGENCY, "am-mfa");
  /* an acronym defined right after its long form names the same body, and
   * so do its later mentions, whatever country follows */
  const char *mofa = "Japan's Ministry of Foreign Affairs (MOFA) said on Friday that the United States agreed. "
                     "MOFA added that talks would continue.";
  YES(mofa, "MOFA", CYBERNER_AGENCY, "jp-mofa");
  ck_assert(tagged(mofa, "MOFA", "agreed.", CYBERNER_AGENCY, "jp-mofa"));
}
END_TEST

START_TEST(quoted_secrets) {
  /* a short quoted string after a word for a secret is what one types */
  const char *pw = "Il suffisait de saisir le mot de passe « LOUVRE » ; celui d'un logiciel fourni par "
                   "l'industriel Thales était tout simplement « THALES ». Des postes tournaient.";
  NO(pw, "LOUVRE");
  NO(pw, "THALES");
  YES(pw, "Thales", CYBERNER_ORGANIZATION, "thales");
  NO("The default password was \"Microsoft\" for years.", "Microsoft");
  YES("Le groupe « Thales » a parlé au « LOUVRE ».", "LOUVRE", CYBERNER_ORGANIZATION, "louvre");
}
END_TEST

START_TEST(named_campaigns) {
  /* a threat actor's alias quoted next to campaign/campagne names a
   * campaign, which is not tagged */
  const char *q = "The APT10 \"Cloud Hopper\" campaign hit providers.";
  NO(q, "Cloud Hopper");
  YES(q, "APT10", CYBERNER_THREAT_ACTOR, "apt10");
  NO("La campagne « Cloud Hopper » a visé des prestataires.", "Cloud Hopper");
  /* unquoted before campaign, the group runs it; elsewhere the alias is the group */
  YES("A Sandworm campaign hit Ukraine.", "Sandworm", CYBERNER_THREAT_ACTOR, "sandworm");
  YES("Cloud Hopper stole data from providers.", "Cloud Hopper", CYBERNER_THREAT_ACTOR, "apt10");
  YES("the Operation Cloud Hopper espionage campaign", "Cloud Hopper", CYBERNER_THREAT_ACTOR, "apt10");
  /* a malware family that is also a group's alias: the software after a verb
   * for installing it or before a word for it, the group elsewhere */
  NO("Other gangs used the access to drop TrickBot and then Ryuk.", "TrickBot");
  NO("Emotet came back through TrickBot infections.", "TrickBot");
  YES("Police arrested two members of TrickBot in Kharkiv.", "TrickBot", CYBERNER_THREAT_ACTOR, "wizard-spider");
  /* a word for the software right before the name */
  NO("Le gang a volé un milliard grâce aux logiciels malveillants Carbanak.", "Carbanak");
  NO("Il a lancé ses activités avec le programme Anunak, visant les banques.", "Anunak");
  YES("Le cerveau présumé du gang Carbanak a été arrêté.", "Carbanak", CYBERNER_THREAT_ACTOR, "carbanak");
  YES("The affiliates deployed LockBit against hospitals.", "LockBit", CYBERNER_THREAT_ACTOR, "lockbit");
}
END_TEST

START_TEST(short_bodies) {
  /* many short forms in one long sentence (the candidates' array grows
   * while they are pushed: ASan and valgrind would see a stale pointer) */
  char navy[40 * 40 + 64] = "";
  for (int n = 0; n < 40; n++) strcat(navy, "the US Navy sent 100 Navy sailors and ");
  strcat(navy, "100 Navy cadets.");
  ck_assert(tagged(navy, "Navy", "Navy cadets", CYBERNER_AGENCY, "us-navy"));
  /* the words after the country of a country's body, capitalized and alone,
   * are that body later in the sentence and in the document */
  const char *t = "It breached the US Navy and took data on 100,000 Navy personnel. The Navy confirmed it.";
  ck_assert(tagged(t, "Navy", "100,000", CYBERNER_AGENCY, "us-navy"));
  ck_assert(tagged(t, "Navy", "The Navy", CYBERNER_AGENCY, "us-navy"));
  /* another country's, or a longer name, is not that body; nor a Navy named first */
  NO("The US Navy sailed; the Chinese Navy stayed.", "Navy stayed");
  ck_assert(!tagged("The US Navy sailed. Navy Federal Credit Union paid.", "Navy", "sailed", CYBERNER_AGENCY,
                    "us-navy"));
  NO("A Navy ship sailed before the US Navy spoke.", "Navy ship");
  ck_assert(!tagged("The US Navy sailed. The Kremlin's Navy stayed.", "Navy", "Kremlin", CYBERNER_AGENCY, "us-navy"));
  /* the first part of a hyphenated place seen earlier, even inside a longer name */
  const char *v = "L'hôpital de Villefranche-sur-Saône a été attaqué. Les sites de Villefranche et de Tarare.";
  ck_assert(tagged(v, "Villefranche", "sites", CYBERNER_LOCATION, "villefranche-sur-saone"));
  NO("Les sites de Villefranche et de Tarare.", "Villefranche");
  NO("Il vit à Port-au-Prince. Le Port a fermé.", "Port a");
  /* capitalized words ending in a unit word after a known body's
   * possessive are that body's unit */
  YES("Amnesty International's Security Lab found traces.", "Security Lab", CYBERNER_ORGANIZATION, "amnesty");
  YES("It was held, according to Amnesty's Security Lab, whose head spoke.", "Security Lab", CYBERNER_ORGANIZATION,
      "amnesty");
  YES("Amnesty International, whose Security Lab worked with them.", "Security Lab", CYBERNER_ORGANIZATION,
      "amnesty");
  NO("Amnesty's Lab found it.", "Lab");
  /* and before "of" / "d'" and that body */
  YES("It was the Security Lab of Amnesty International that found it.", "Security Lab", CYBERNER_ORGANIZATION,
      "amnesty");
  YES("Selon le Security Lab d'Amnesty International, le logiciel a servi.", "Security Lab", CYBERNER_ORGANIZATION,
      "amnesty");
  NO("It was the Security Lab of Harrowgate that found it.", "Security Lab");
  NO("He joined the Lab of Amnesty International.", "Lab");
  NO("It was the Security Lab of a firm that Amnesty International hired.", "Security Lab");
  NO("Harrowgate's Security Lab found traces.", "Security Lab");
  /* a body named with its web domain goes by the word alone afterwards */
  const char *bl = "OFAC sanctioned Blender.io in 2022. Sinbad is a rebrand of Blender, which went dark.";
  ck_assert(tagged(bl, "Blender", "rebrand", CYBERNER_ORGANIZATION, "blender-io"));
  NO("Sinbad is a rebrand of Blender, which went dark.", "Blender");
}
END_TEST

START_TEST(role_with_nationality_inside) {
  /* a role of the dictionaries read with a nationality after its first
   * word: the nationality is tagged, the rest of the role hides its words */
  const char *t = "La ministre française de l'Europe et des Affaires étrangères a parlé.";
  YES(t, "française", CYBERNER_NATIONALITY, "FR");
  ck_assert(!tagged(t, "Europe", NULL, CYBERNER_LOCATION, NULL));
  /* not after another word, nor outside a role */
  ck_assert(tagged("Un ministre venu de l'Europe et des Affaires étrangères.", "Europe", NULL, CYBERNER_LOCATION,
                   NULL));
  ck_assert(tagged("Le ministre français a visité l'Europe et des pays voisins.", "Europe", NULL, CYBERNER_LOCATION,
                   NULL));
}
END_TEST

START_TEST(group_named_after_ransomware_word) {
  /* a word naming a group "<word> ransomware" right after a word for
   * ransomware (and a word for a group) is that group, not the country */
  static const struct {
    const char *text, *surface;
    int label;
    const char *id;
  } cases[] = {
      {"Le groupe de rançongiciel Cuba a revendiqué l'attaque.", "Cuba", CYBERNER_THREAT_ACTOR, "cuba-ransomware"},
      {"Le rancongiciel Cuba a chiffré les serveurs.", "Cuba", CYBERNER_THREAT_ACTOR, "cuba-ransomware"},
      {"The ransomware gang Cuba claimed the attack.", "Cuba", CYBERNER_THREAT_ACTOR, "cuba-ransomware"},
      /* elsewhere, and for a country no group is named after, the country */
      {"Ransomware attacks hit hospitals in Cuba last year.", "Cuba", CYBERNER_COUNTRY, "CU"},
      {"Le groupe Cuba a joué hier soir.", "Cuba", CYBERNER_COUNTRY, "CU"},
      {"The ransomware group France claimed nothing.", "France", CYBERNER_COUNTRY, "FR"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    ck_assert_msg(tagged(cases[i].text, cases[i].surface, NULL, cases[i].label, cases[i].id), "%s", cases[i].text);
}
END_TEST

START_TEST(company_first_word) {
  /* a company named in full is named later by its first word alone, with
   * the company's id */
  const char *z = "Zentrix Logistik AG confirmed the breach. A spokesman for Zentrix said data was taken.";
  ck_assert(tagged(z, "Zentrix", "spokesman", CYBERNER_ORGANIZATION, NULL));
  const char *k = "Kojima Industries halted its plants. On Monday Kojima said work resumed.";
  ck_assert(tagged(k, "Kojima", "Monday", CYBERNER_ORGANIZATION, "kojima-industries"));
  /* a common word only inside an English sentence, not opening one */
  const char *a = "Advanced Computer Software Group was fined. Advanced attacks rose. The regulator fined Advanced twice.";
  ck_assert(tagged(a, "Advanced", "regulator", CYBERNER_ORGANIZATION, "advanced-computer-software"));
  ck_assert(!tagged(a, "Advanced", "fined.", CYBERNER_ORGANIZATION, NULL));
  /* a proper word of the speller (a continent's adjective), a place, a
   * given name, an acronym: no company */
  ck_assert(!tagged("The European Commission fined it. Officials said the European banks paid.", "European",
                    "Officials", CYBERNER_ORGANIZATION, NULL));
  ck_assert(tagged("The Washington Post reported it. Officials in Washington said no.", "Washington", "Officials",
                   CYBERNER_LOCATION, NULL));
  ck_assert(!tagged("Lotte Card was breached. A man called Lotte said no.", "Lotte", "called", CYBERNER_ORGANIZATION,
                    NULL));
  ck_assert(!tagged("The CVE Foundation was set up. ENISA assigns CVE identifiers.", "CVE", "assigns",
                    CYBERNER_ORGANIZATION, NULL));
  /* nor before another capitalized word (another name) */
  ck_assert(!tagged("Zentrix Logistik AG confirmed it. Zentrix Holdings said no.", "Zentrix", "it.",
                    CYBERNER_ORGANIZATION, NULL));
}
END_TEST

START_TEST(maker_before_product) {
  /* a common-word alias before a capitalized word with digits (a product,
   * a version) names the maker; before another capitalized word it does not */
  YES("Attackers exploited the open-source Apache Log4j logging library.", "Apache", CYBERNER_ORGANIZATION,
      "apache-foundation");
  NO("The Apache Helicopters flew over the city.", "Apache");
  NO("Its Apache APT28 report was late.", "Apache");
  /* a company's brand (no word of its name) after a word for a product, or
   * before ", le réseau", names the product; elsewhere the company */
  NO("Ukraine : 5 000 terminaux Starlink livrés, Washington a financé.", "Starlink");
  NO("Cela vise notamment Starlink, le réseau de l'américain SpaceX.", "Starlink");
  YES("Ils ont demandé à Starlink de bloquer les sources.", "Starlink", CYBERNER_ORGANIZATION, "spacex");
  YES("Il utilise les terminaux Huawei au front.", "Huawei", CYBERNER_ORGANIZATION, "huawei");
  YES("Il a rejoint le réseau EU-CyCLONe en 2023.", "EU-CyCLONe", CYBERNER_ORGANIZATION, "eu-cyclone");
}
END_TEST

START_TEST(address_stems) {
  /* the first word of a web-address name, once the address is seen, is that name */
  const char *x = "Il administrait XSS.is depuis 2018. Selon KELA, XSS a fermé en juillet.";
  ck_assert(tagged(x, "XSS", "KELA", CYBERNER_ORGANIZATION, "xss"));
  YES("L'administrateur du forum XSS a été arrêté.", "XSS", CYBERNER_ORGANIZATION, "xss");
  NO("Une faille XSS a été corrigée. Selon KELA, XSS reste courant.", "XSS");
  NO("Selon KELA, XSS reste courant. Il administrait XSS.is depuis 2018.", "XSS reste");
}
END_TEST

START_TEST(ministry_of_a_person) {
  /* a courtesy title after "ministère de" names a minister, not a domain */
  const char *m = "La cybersécurité relève du ministère de M. Prasad, a-t-il dit.";
  NO(m, "ministère");
  YES(m, "Prasad", CYBERNER_PERSON, NULL);
  NO("Le dossier relève du ministère de Mme Dupontel depuis mai.", "ministère");
  YES("Le ministère de la Défense a publié un rapport.", "ministère de la Défense", CYBERNER_AGENCY, NULL);
}
END_TEST

START_TEST(kings) {
  /* the role word is left out and the dictionary's name wins; a regnal
   * number closes a name */
  const char *k = "They met King Abdullah II of Jordan in Amman.";
  YES(k, "Abdullah II", CYBERNER_PERSON, "abdullah-ii");
  NO(k, "King");
  const char *l = "Lesotho's King Letsie III Maseru office said so.";
  YES(l, "Letsie III", CYBERNER_PERSON, NULL);
  YES(l, "Maseru", CYBERNER_LOCATION, "maseru");
  NO(l, "King");
  YES("Catherine King said so.", "Catherine King", CYBERNER_PERSON, NULL);
}
END_TEST

START_TEST(acronyms_of_hidden_names) {
  /* the acronym of a name the dictionaries hide is not a body's, here and later */
  const char *p = "The G7 adopted the Cyber Norm Initiative (CNI) on Saturday. Under the CNI, the seven will meet.";
  NO(p, "CNI)");
  NO(p, "CNI,");
  const char *a = "The G7 adopted the Dinard Declaration on the Cyber Norm Initiative on Saturday. Under the "
                  "initiative, known as the CNI, the seven will meet. Later the CNI met.";
  NO(a, "CNI,");
  NO(a, "CNI met");
  /* without the apposition the dictionary's reading stays */
  YES("The G7 adopted the Cyber Norm Initiative. Spain's CNI said so.", "CNI", CYBERNER_AGENCY, "es-cni");
  YES("Spain's CNI said so. The agency, known as the CNI, failed.", "CNI", CYBERNER_AGENCY, "es-cni");
}
END_TEST

START_TEST(bodies_before_titles) {
  /* a body's name before a role is the body the role belongs to */
  const char *s = "Democrats, including Senate Minority Leader Chuck Schumer, urged a delay.";
  YES(s, "Senate", CYBERNER_AGENCY, "us-senate");
  NO(s, "Minority Leader");
  YES(s, "Chuck Schumer", CYBERNER_PERSON, "chuck-schumer");
  const char *f = "In London, the Foreign Office Minister for Cyber, Lord Ahmad of Wimbledon, said so.";
  YES(f, "Foreign Office", CYBERNER_AGENCY, "uk-fcdo");
  NO(f, "Minister for Cyber");
  /* a portfolio stays untagged: Homeland Security Secretary */
  NO("Homeland Security Secretary Kirstjen Nielsen said so.", "Homeland Security");
}
END_TEST

START_TEST(portfolios_after_a_possessive) {
  /* a person's "homeland security adviser" is a role, a country's body a body */
  const char *t = "President Donald Trump's homeland security adviser, Tom Bossert, said so.";
  NO(t, "homeland security");
  YES(t, "Tom Bossert", CYBERNER_PERSON, "tom-bossert");
  YES("Russia's foreign intelligence service adviser denied it.", "foreign intelligence service", CYBERNER_AGENCY, "svr");
  YES("Trump's homeland security department acted.", "homeland security department", CYBERNER_AGENCY, "us-dhs");
}
END_TEST

START_TEST(nationality_after_a_role) {
  /* a common-word nationality between a role and a name qualifies the role */
  const char *t = "Le groupe était présidé par l'ambassadeur suisse Jürg Lauber, a-t-il dit.";
  YES(t, "suisse", CYBERNER_NATIONALITY, "CH");
  YES(t, "Jürg Lauber", CYBERNER_PERSON, NULL);
  /* after a definite article it stands for a company of that country */
  YES("Le danois Maersk et le suisse Vandelor ont fermé leurs portails.", "suisse", CYBERNER_NATIONALITY, "CH");
  /* elsewhere it stays a common word before a capitalized one */
  NO("La Suisse Romande vote. Le fromage suisse Gruyère est connu.", "suisse Gruyère");
}
END_TEST

START_TEST(english_month_abbreviations) {
  /* a month abbreviation with its stop before the day is English, even where
   * the line has no other word (oct, nov, sept are French letters too) */
  const char *doc = "Power cut at the plant\n\nNov. 4, 2023\n\nThe utility said on Friday that its systems were back.";
  ck_assert(dated(doc, "Nov. 4, 2023", "2023-11-04", CYBERNER_LANG_EN));
  ck_assert(dated("Oct. 17, 2022", "Oct. 17, 2022", "2022-10-17", CYBERNER_LANG_EN));
  ck_assert(dated("LYON, Sept. 8, 2021", "Sept. 8, 2021", "2021-09-08", CYBERNER_LANG_EN));
  /* French writes the day first: still French */
  ck_assert(dated("Le 17 oct. 2022, la mairie a été visée par une attaque.", "17 oct. 2022", "2022-10-17",
                  CYBERNER_LANG_FR));
  ck_assert(dated("Le 4 nov. 2023", "4 nov. 2023", "2023-11-04", CYBERNER_LANG_FR));
}
END_TEST

START_TEST(town_before_its_region) {
  /* "Town, Region": the town of that country, else no link */
  YES("SAN JOSE, Costa Rica -- The FBI in Washington said so.", "SAN JOSE", CYBERNER_LOCATION, "san-jose-cr");
  YES("The lab in San Jose, California opened.", "San Jose", CYBERNER_LOCATION, "san-jose");
  ck_assert(!tagged("The agency's office in Hanover, Maryland opened.", "Hanover", NULL, CYBERNER_LOCATION, "hanover"));
  YES("The agency's office in Hanover, Maryland opened.", "Hanover", CYBERNER_LOCATION, NULL);
  YES("The fair in Hanover, Germany opened.", "Hanover", CYBERNER_LOCATION, "hanover");
  /* a list goes on: no town of the region */
  YES("Teams from Hanover, Maryland and Texas came.", "Hanover", CYBERNER_LOCATION, "hanover");
}
END_TEST

START_TEST(state_after_its_town) {
  /* "Town, City": the state named like the city, of the town's country */
  YES("Redmond, Washington-based Microsoft said so.", "Washington", CYBERNER_LOCATION, "washington-state");
  YES("The firm moved to Seattle, Washington last year.", "Washington", CYBERNER_LOCATION, "washington-state");
  YES("Its office in Redmond, Washington, opened on Monday.", "Washington", CYBERNER_LOCATION, "washington-state");
  /* a list of cities goes on; a town of another country */
  YES("Offices in Boston, Washington and Chicago opened.", "Washington", CYBERNER_LOCATION, "washington");
  YES("Talks in Seoul, Washington and Tokyo went on.", "Washington", CYBERNER_LOCATION, "washington");
  YES("He flew from Paris. Washington said no.", "Washington", CYBERNER_LOCATION, "washington");
}
END_TEST

START_TEST(service_of_the_document) {
  /* a capitalized branch of armed forces alone after "the": the branch of
   * the state the document names most, when the dictionaries know it */
  const char *cl = "SANTIAGO - Chile's new unit, made up of officers from the Army, the Navy and the Air Force, met.";
  YES(cl, "Army", CYBERNER_AGENCY, "cl-army");
  YES(cl, "Navy", CYBERNER_AGENCY, "cl-navy");
  YES(cl, "Air Force", CYBERNER_AGENCY, "cl-air-force");
  YES("Sweden's new centre brings together the Armed Forces and the police.", "Armed Forces", CYBERNER_AGENCY,
      "se-armed-forces");
  YES("LONDON - Defence Secretary Grant Shapps said members of the Army were hit.", "Army", CYBERNER_AGENCY, "uk-army");
  /* the state of the document's earlier sentences */
  YES("Chile's new unit met on Monday. Its officers come from the Army.", "Army", CYBERNER_AGENCY, "cl-army");
  /* a state the dictionaries have no branch of: a body of no entry */
  const char *fi = "Finland's President said the Army was ready.";
  YES(fi, "Army", CYBERNER_AGENCY, NULL);
  ck_assert(!has_id(fi, "Army", NULL));
  /* a longer name, a role, a word in lower case, no article */
  NO("The Minister for the Armed Forces met Chile's envoy.", "Armed Forces");
  NO("The Secretary of the Navy met Chile's envoy.", "Navy");
  NO("Chile's army and navy met.", "army");
  NO("Chile's Army Day was held.", "Army");
}
END_TEST

START_TEST(nickname_after_a_courtesy_title) {
  /* a courtesy title and one common word, quoted together: a nickname */
  NO("Critics kept calling her \"Mrs. Error\" after the outage.", "Error");
  NO("He built a \"Mr Clean\" reputation in the party.", "Clean");
  /* not quoted, a family name of the lists, a person named before */
  YES("Critics kept calling Mrs. Harrowgate after the outage.", "Harrowgate", CYBERNER_PERSON, NULL);
  YES("He built a \"Mr Brown\" reputation in the party.", "Brown", CYBERNER_PERSON, NULL);
  ck_assert(tagged("Paul Error resigned. Staff called him \"Mr. Error\" for years.", "Error", "Mr.", CYBERNER_PERSON,
                   NULL));
}
END_TEST

START_TEST(party_of_the_document) {
  /* a one-word body's name none of whose states the document is about:
   * that state's party called by the word */
  const char *in = "India's opposition Congress said the new rules were a trap.";
  YES(in, "Congress", CYBERNER_ORGANIZATION, "inc-india");
  YES("The BJP won in India. Congress leaders said the vote was unfair.", "Congress", CYBERNER_ORGANIZATION,
      "inc-india");
  /* a state of the body's own, or a state with no such party */
  ck_assert(tagged("The US Congress passed it. Congress will vote again.", "Congress", "passed", CYBERNER_AGENCY,
                   "us-congress"));
  YES("The Philippines' Senate and Congress met on Monday.", "Congress", CYBERNER_AGENCY, "ph-congress");
  YES("Mexico's Congress met on Monday.", "Congress", CYBERNER_AGENCY, "mx-congress");
}
END_TEST

START_TEST(numbered_group_summit) {
  /* a numbered group's summit in lower case is named so; other bodies'
   * summits in lower case are descriptions (ENTITIES.md rule 10) */
  YES("Leaders met at the G20 summit in Osaka.", "G20 summit", CYBERNER_EVENT, "g20-summit");
  YES("The G7 summit ended.", "G7 summit", CYBERNER_EVENT, "g7-summit");
  NO("The NATO summit in The Hague ended.", "summit");
  YES("The NATO summit in The Hague ended.", "NATO", CYBERNER_ORGANIZATION, "nato");
}
END_TEST

START_TEST(ministry_of_a_known_person) {
  /* "ministère de" + a known person is that minister's ministry, no body */
  const char *t = "Selon la ministre, le ministère de Dominic LeBlanc a publié une note.";
  YES(t, "Dominic LeBlanc", CYBERNER_PERSON, "dominic-leblanc");
  NO(t, "ministère de");
  /* a complement that is no person still names the body */
  YES("Le ministère de la Culture a publié une note.", "ministère de la Culture", CYBERNER_AGENCY, NULL);
}
END_TEST

START_TEST(other_name_in_parentheses) {
  /* a word of a known body's other name in parentheses after its long
   * form is that body, though no acronym of its words */
  const char *t = "The Jordan News Agency (Petra) reported the attack.";
  YES(t, "Petra", CYBERNER_ORGANIZATION, "petra-agency");
  /* a word of no name of the body is not */
  NO("The Jordan News Agency (Zarqa) reported the attack.", "Zarqa");
}
END_TEST

START_TEST(country_word_as_person) {
  /* after a masculine article, the country's word is one of its people */
  YES("Le groupe est présidé par le Suisse Marc Durandet depuis mars.", "Suisse", CYBERNER_NATIONALITY, "CH");
  YES("Un Suisse a gagné la course.", "Suisse", CYBERNER_NATIONALITY, "CH");
  YES("La découverte est due au Suisse Paul Vernaz.", "Suisse", CYBERNER_NATIONALITY, "CH");
  /* the feminine article and the prepositions keep the country */
  YES("La Suisse a signé l'accord.", "Suisse", CYBERNER_COUNTRY, "CH");
  YES("Il vit en Suisse depuis 2010.", "Suisse", CYBERNER_COUNTRY, "CH");
  YES("Le Japon et la Suisse ont signé.", "Japon", CYBERNER_COUNTRY, "JP");
}
END_TEST

START_TEST(foreign_description) {
  /* a lower-case body whose entries are all of countries the text never
   * names describes the text's own body: not tagged */
  NO("Le Canada renforce ses moyens. La police fédérale enquête sur la fraude.", "police fédérale");
  /* the country of one of its entries is named: linked to it */
  YES("La Belgique renforce ses moyens. La police fédérale enquête sur la fraude.", "police fédérale",
      CYBERNER_AGENCY, "be-police-federale");
  /* no country named at all: kept, unlinked */
  YES("La police fédérale enquête sur la fraude.", "police fédérale", CYBERNER_AGENCY, NULL);
}
END_TEST

START_TEST(shared_body_then_nationality) {
  /* a shared body name, then a nationality none of its entries has: that
   * country's body whose longer name opens with the same words */
  YES("Il a rencontré le secrétaire du Conseil de sécurité russe hier.", "Conseil de sécurité", CYBERNER_AGENCY,
      "ru-security-council");
  YES("Le Conseil de sécurité nationale ukrainien a publié une note.", "Conseil de sécurité nationale",
      CYBERNER_AGENCY, "ua-nsdc");
  /* an entry of that country among the shared name's: that one */
  YES("Le Conseil de sécurité nationale américain a publié une note.", "Conseil de sécurité nationale",
      CYBERNER_AGENCY, "us-nsc");
  /* no nationality after it: the shared name's own entry */
  YES("Le Conseil de sécurité a voté la résolution.", "Conseil de sécurité", CYBERNER_ORGANIZATION, "unsc");
}
END_TEST

START_TEST(first_word_of_a_name_without_surname) {
  /* three names, none a family name of the lists: the first alone is the person */
  const char *t = "President Joko Sulistyo Wirawan spoke on the record. Joko, a former officer, said attacks rose.";
  ck_assert(tagged(t, "Joko", "record.", CYBERNER_PERSON, "joko-sulistyo-wirawan"));
  /* a family name last (Smith): the given name alone is not remembered */
  NO("The agency head Paul Martin Smith spoke on the record. Paul, a former officer, said attacks rose.",
     "Paul, a");
}
END_TEST

START_TEST(dates_of_the_gap_list) {
  /* an abbreviated month keeps its dot, a full one leaves the full stop */
  ck_assert(dated("La réunion a eu lieu le 25 janv. à Lyon.", "25 janv.", "XXXX-01-25", CYBERNER_LANG_FR));
  ck_assert(dated("La réunion a eu lieu le 25 janvier. Elle a duré.", "25 janvier", "XXXX-01-25", CYBERNER_LANG_FR));
  /* two months with "et de" share the year: one range */
  ck_assert(dated("Les attaques de janvier et de septembre 2022 ont visé la ville.", "janvier et de septembre 2022",
                  "2022-01/2022-09", CYBERNER_LANG_FR));
  /* a comma before and: two dates; before to: one range */
  const char *two = "The talks were held on Friday, June 19, and Saturday, June 20, in Geneva.";
  ck_assert(dated(two, "Friday, June 19", "XXXX-06-19", CYBERNER_LANG_EN));
  ck_assert(dated(two, "Saturday, June 20", "XXXX-06-20", CYBERNER_LANG_EN));
  ck_assert(dated("The fair ran from Friday, Jan. 19, to Saturday, Jan. 20 in Lyon.",
                  "Friday, Jan. 19, to Saturday, Jan. 20", "XXXX-01-19/XXXX-01-20", CYBERNER_LANG_EN));
  /* a year before 1900 after a preposition of time; a count is no year */
  ck_assert(dated("Les deux pays sont liés par des relations diplomatiques depuis 1886.", "1886", "1886",
                  CYBERNER_LANG_FR));
  NO("Le régiment comptait 1886 soldats et des 1886 chevaux.", "1886");
  NO("The survey found errors in 1500 cases last year.", "1500");
}
END_TEST

START_TEST(place_inside_a_europe_role) {
  /* a role for a place hides the place (rule 6) */
  NO("Jon Marrow, the Minister for Europe at the Foreign Office, spoke.", "Europe at");
  NO("Le ministre de l'Europe a reçu son homologue.", "Europe a");
  NO("La ministre chargée de l'Europe, Lise Verrand, a parlé.", "Europe,");
  /* the place on its own stays a place */
  YES("Europe is the main target of the campaign.", "Europe", CYBERNER_LOCATION, NULL);
}
END_TEST

START_TEST(acronym_of_another_name) {
  /* a translated long form before the acronym of its entry's original
   * name is that entry, not another body the acronym names */
  const char *t = "Le Bureau des opérations d'accès adaptées (TAO) de la NSA a piraté l'université. Le TAO a nié.";
  YES(t, "TAO", CYBERNER_AGENCY, "us-nsa-tao");
  YES("Le Service fédéral de sécurité (FSS) russe a nié.", "FSS", CYBERNER_AGENCY, "fsb");
  /* an acronym no name of the body spells is the other body's */
  YES("L'unité cyber de la gendarmerie nationale (UNC) enquête.", "UNC", CYBERNER_AGENCY, "fr-unc");
  YES("Le Bureau des affaires de Taïwan (TAO) a protesté.", "TAO", CYBERNER_AGENCY, "cn-taiwan-affairs");
}
END_TEST

START_TEST(acronym_then_owner_country) {
  /* a country right after the acronym's parenthesis says whose body the
   * long form, the acronym and its later mentions are; the long form's own
   * country, or one further on, keeps its entry */
  static const char *const texts[][2] = {
      {"L'Agence nationale de la sécurité des systèmes d'information (ANSSI) du Bénin a publié un rapport. "
       "L'ANSSI recommande des mises à jour.", "bj-anssi"},
      {"L'Agence nationale de la sécurité des systèmes d'information (ANSSI) de France a publié un rapport. "
       "L'ANSSI recommande des mises à jour.", "anssi"},
      {"L'Agence nationale de la sécurité des systèmes d'information (ANSSI) a publié un rapport avec le Bénin. "
       "L'ANSSI recommande des mises à jour.", "anssi"},
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    YES(texts[i][0], "Agence nationale de la sécurité des systèmes d'information", CYBERNER_AGENCY, texts[i][1]);
    YES(texts[i][0], "ANSSI", CYBERNER_AGENCY, texts[i][1]);
    ck_assert(tagged(texts[i][0], "ANSSI", "rapport", CYBERNER_AGENCY, texts[i][1]));
  }
}
END_TEST

START_TEST(ministry_led_by_known_person) {
  /* a shared ministry's name with a known person at its head right after
   * it is the ministry of the person's country, not of the country the
   * document names most */
  YES("Le ministère de l'Intérieur, dirigé par Nancy Faeser, a annoncé un plan. La France et la France.",
      "ministère de l'Intérieur", CYBERNER_AGENCY, "de-bmi");
  YES("The Interior Ministry, led by Nancy Faeser, announced a plan. France and France.", "Interior Ministry",
      CYBERNER_AGENCY, "de-bmi");
  /* a person the clause names otherwise than as its head says nothing */
  ck_assert(!tagged("Le ministère de l'Intérieur, cité par Nancy Faeser, a annoncé un plan. La France et la France.",
                    "ministère de l'Intérieur", NULL, CYBERNER_AGENCY, "de-bmi"));
  /* a name that more than sixteen countries' bodies share (Supreme Court)
   * takes, at the document's end, the body a later mention named */
  YES("The Supreme Court lifted the ban on Monday. Nepal's Supreme Court said it was unlawful.", "Supreme Court",
      CYBERNER_AGENCY, "np-supreme-court");
  YES("KATHMANDU - Nepal's Supreme Court lifted the ban. The Supreme Court said it was unlawful.", "Supreme Court",
      CYBERNER_AGENCY, "np-supreme-court");
}
END_TEST

START_TEST(languages_listed_by_example) {
  /* nationality words listed as examples of languages are languages */
  NO("The tools plant text in other languages, including Chinese, and spies read it.", "Chinese");
  NO("It supports languages such as Russian and Korean.", "Korean");
  /* examples of other things stay nationalities */
  YES("Attackers, including Chinese hackers, struck.", "Chinese", CYBERNER_NATIONALITY, "CN");
}
END_TEST

START_TEST(hashtags) {
  /* a hashtag is a tag, not a mention; the same word without # is */
  NO("Users spread the hashtag #Lakshadweep on Monday.", "Lakshadweep");
  YES("Users posted photos of Lakshadweep on Monday.", "Lakshadweep", CYBERNER_LOCATION, "lakshadweep");
}
END_TEST

START_TEST(companies_parties_and_descriptions) {
  /* more company nouns: an airline, a bank, an NGO, a think tank, a party,
   * an observatory; the acronym NGO is no surname before the name */
  YES("La compagnie Qwertzair a suspendu ses vols.", "Qwertzair", CYBERNER_ORGANIZATION, "qwertzair");
  YES("L'ONG Qwertzfree a dénoncé la censure.", "Qwertzfree", CYBERNER_ORGANIZATION, "qwertzfree");
  YES("The NGO Qwertzfree said so.", "Qwertzfree", CYBERNER_ORGANIZATION, "qwertzfree");
  NO("The NGO Qwertzfree said so.", "NGO");
  YES("Le think tank Qwertzlan a publié un rapport.", "Qwertzlan", CYBERNER_ORGANIZATION, "qwertzlan");
  YES("Le parti Qwertzak a gagné les élections.", "Qwertzak", CYBERNER_ORGANIZATION, "qwertzak");
  YES("Selon l'observatoire Qwertznet, le pays est coupé.", "Qwertznet", CYBERNER_ORGANIZATION, "qwertznet");
  NO("The tank Qwertzak rolled in.", "Qwertzak");
  /* a firm's nationality after the French cabinet makes it a firm's */
  YES("Doug Qwertz, du cabinet américain Qwertzlab, a relevé la panne.", "Qwertzlab", CYBERNER_ORGANIZATION,
      "qwertzlab");
  /* an East Asian surname in capitals keeps a known given name (CHO Tae-yul) */
  YES("Minister CHO Tae-yul said so.", "CHO Tae-yul", CYBERNER_PERSON, NULL);
  /* unknown capitalized words before an English party or bloc */
  YES("Lawmakers of the ruling Qwertz Dream party voted.", "Qwertz Dream", CYBERNER_ORGANIZATION, "qwertz-dream");
  YES("The Qwertzak party won.", "Qwertzak", CYBERNER_ORGANIZATION, "qwertzak");
  YES("Officials said the Qwertzak company was hit.", "Qwertzak", CYBERNER_ORGANIZATION, "qwertzak");
  NO("Officials said the Qwertzese company was hit.", "Qwertzese");
  NO("The Green party lost.", "Green");
  /* a name described as a company after a comma */
  YES("Qwertzor, an American network monitoring firm, said traffic fell.", "Qwertzor", CYBERNER_ORGANIZATION,
      "qwertzor");
  YES("Il a cité Qwertzcom, une société enregistrée à Budapest.", "Qwertzcom", CYBERNER_ORGANIZATION, "qwertzcom");
  NO("Qwertzor, a member of the company, said so.", "Qwertzor");
  /* news sites and papers before their unknown names; an archaeological site is none */
  YES("Selon le site Qwertzactu, la fuite est réelle.", "Qwertzactu", CYBERNER_ORGANIZATION, "qwertzactu");
  YES("The daily Qwertz Gazeta reported the leak.", "Qwertz Gazeta", CYBERNER_ORGANIZATION, "qwertz-gazeta");
  ck_assert(!tagged("Près de Qwertzouk, un site daté de 2000 ans a été fouillé.", "Qwertzouk", NULL,
                    CYBERNER_ORGANIZATION, NULL));
  NO("The site Qwertzouk was flooded.", "Qwertzouk");
  /* a firm's last word after capitalized words (bodies.txt tails) */
  YES("Yesterday Qwertz Heavy Industries said so.", "Qwertz Heavy Industries", CYBERNER_ORGANIZATION, NULL);
  NO("Attackers hit Industrial Control Systems again.", "Systems");
  /* a body no dictionary knows after a country's written-out name is named
   * with it; a known body, a code and a longer place's last word stay apart */
  YES("They set up the Malawi Qwertz Defence Agency last year.", "Malawi Qwertz Defence Agency", CYBERNER_AGENCY, NULL);
  YES("The New Zealand National Cyber Security Centre said so.", "New Zealand", CYBERNER_COUNTRY, "NZ");
  YES("The New Zealand National Cyber Security Centre said so.", "National Cyber Security Centre", CYBERNER_AGENCY,
      "nz-ncsc");
  YES("Officials said the New Mexico Qwertz Association acted.", "New Mexico", CYBERNER_LOCATION, "new-mexico");
  ck_assert(!tagged("Officials said the New Mexico Qwertz Association acted.", "Mexico Qwertz Association", NULL,
                    CYBERNER_ORGANIZATION, NULL));
  YES("Production restarted in Japan Qwertz Heavy Industries said.", "Japan", CYBERNER_COUNTRY, "JP");
  NO("Qwertzor, a former company director, said so.", "Qwertzor");
  ck_assert(!tagged("Près de Qwertzens, une telle société a ses raisons.", "Qwertzens", NULL, CYBERNER_ORGANIZATION, NULL));
}
END_TEST

START_TEST(chamber_short_names) {
  /* "the House" of a Canadian or Australian text is that country's lower
   * house, as "the Senate" is; a US text keeps the US House */
  YES("Canada's public safety minister told the House on Monday that Ottawa would act.", "House", CYBERNER_AGENCY,
      "ca-commons");
  YES("The Australian minister told the House on Tuesday that Canberra would act.", "House", CYBERNER_AGENCY,
      "au-house");
  YES("The U.S. Senate passed the bill and the House voted on it in Washington.", "House", CYBERNER_AGENCY, "us-house");
}
END_TEST

START_TEST(given_name_before_a_code) {
  /* a lone given name right before a bill's or a model's code is a word of
   * the code's name */
  NO("The minister seeks to pass Bill C-8 before the summer.", "Bill");
  NO("Senator Lane backed Bill S-210 on Tuesday.", "Bill S-210");
  /* the given name alone, or a full name, after a role stays a person */
  YES("The minister met Bill at the summit.", "Bill", CYBERNER_PERSON, NULL);
  YES("The minister met Bill Hartwell before the vote on C-8.", "Bill Hartwell", CYBERNER_PERSON, "bill-hartwell");
}
END_TEST

START_TEST(bodies_described_after_a_possessive) {
  /* a known body's name in lower case after a person's or a body's
   * possessive describes that person's inquiry or that body's unit */
  NO("Justice Marie-Josee Hogue's commission on foreign interference was at work.",
     "commission on foreign interference");
  NO("CERT NZ moves into the GCSB's cyber centre this year.", "cyber centre");
  /* after a country's possessive, or capitalized, it is the body */
  YES("Russia's foreign intelligence service denied it.", "foreign intelligence service", CYBERNER_AGENCY, "svr");
  YES("Justice Marie-Josee Hogue's Commission on Foreign Interference was at work.",
      "Commission on Foreign Interference", CYBERNER_AGENCY, "ca-foreign-interference-commission");
}
END_TEST

START_TEST(maker_in_possessive_before_product) {
  /* a company's first word in the possessive before a product's name is the company */
  YES("Attackers exploited CVE-2020-5902 in F5's BIG-IP devices.", "F5", CYBERNER_ORGANIZATION, "f5");
  /* alone, or before a plain or capitals word, it is no name */
  NO("Press F5 to reload the page.", "F5");
  NO("The F5's sound was loud.", "F5");
  NO("GEORGE DAVIS'S EXTENSIVE COLLECTION was sold.", "DAVIS");
}
END_TEST

START_TEST(armed_forces_of_a_country) {
  /* the words for armed forces before de/of and a country name that
   * country's armed forces; the country is tagged on its own */
  const char *sg = "Des unités des forces armées de Singapour (SAF) ont participé.";
  YES(sg, "forces armées", CYBERNER_AGENCY, "sg-saf");
  YES(sg, "Singapour", CYBERNER_COUNTRY, "SG");
  YES("Les Forces armées de l'Ukraine ont riposté.", "Forces armées", CYBERNER_AGENCY, "ua-armed-forces");
  YES("The armed forces of Sweden helped.", "armed forces", CYBERNER_AGENCY, "se-armed-forces");
  /* a longer name the dictionaries know keeps its span */
  YES("The Armed Forces of the Philippines said so.", "Armed Forces of the Philippines", CYBERNER_AGENCY, "ph-afp");
  /* of a country's several, its own name's over a place's (Forces armées
   * de la Nouvelle-Calédonie) */
  YES("Les forces armées de la France ont défilé.", "forces armées", CYBERNER_AGENCY, "fr-forces-armees");
  NO("The forces of Sweden helped.", "forces");
}
END_TEST

START_TEST(initial_that_ends_a_sentence) {
  /* a letter that ends a capitalized phrase, then a common word after its
   * full stop: a sentence end the splitter missed, no person */
  NO("The members of Generation X. Points were made about it.", "X. Points");
  NO("They tested Plan B. Results were mixed in the end.", "B. Results");
  /* an initial after a lower-case word, a given name or a title still opens a name */
  YES("The report was written by J. Smith last year.", "J. Smith", CYBERNER_PERSON, NULL);
  YES("The winner was Robert T. Baker of Ohio.", "Robert T. Baker", CYBERNER_PERSON, NULL);
  YES("Scores: M. Slater run out 9, R. Croft b Waqar 15.", "M. Slater", CYBERNER_PERSON, NULL);
}
END_TEST

START_TEST(generic_body_of_a_named_country) {
  /* a lower-case generic state body before de and a country: that
   * country's body when the dictionaries know it, else a body of no entry;
   * the country is tagged on its own */
  const char *ee = "Selon l'agence, le parquet général de l'Estonie a ouvert une enquête.";
  YES(ee, "parquet général", CYBERNER_AGENCY, "ee-prosecutor");
  YES(ee, "Estonie", CYBERNER_COUNTRY, "EE");
  YES("Le parquet général d'Arménie indique que l'enquête avance.", "parquet général", CYBERNER_AGENCY,
      "am-prosecutor-general");
  const char *zz = "Le parquet général du Laos indique que la police nationale du Bénin enquête.";
  YES(zz, "parquet général", CYBERNER_AGENCY, NULL);
  ck_assert(!has_id(zz, "parquet général", NULL));
  YES(zz, "police nationale", CYBERNER_AGENCY, NULL);
  /* a place that is no town names a state too; no other state's body then */
  const char *nk = "Des agents du service de sécurité nationale de l'Artsakh ont été arrêtés.";
  YES(nk, "service de sécurité nationale", CYBERNER_AGENCY, NULL);
  ck_assert(!has_id(nk, "service de sécurité nationale", NULL));
  /* a town's prosecution office is a name of its own; a capitalized name is the dictionaries' */
  NO("Le parquet de Dakar a ouvert une enquête.", "parquet");
  NO("Le parquet a ouvert une enquête sur la France.", "parquet");
  YES("La cour suprême du Brésil a tranché.", "cour suprême du Brésil", CYBERNER_AGENCY, "br-stf");
}
END_TEST

START_TEST(newspaper_named_the_word) {
  /* a newspaper's name of "The" and a common word matches where no
   * capitalized word goes on with a longer name, a role after a qualifier
   * or not; a role right after it is the paper's own */
  YES("KARACHI, May 3 (The News) - Talks began.", "The News", CYBERNER_ORGANIZATION, "the-news-pk");
  NO("The News Security Adviser John Smith said so.", "The News");
  NO("The News Security Adviser Resigns After Leak", "The News");
  YES("The Record Director Jane Doe wrote it.", "The Record", CYBERNER_ORGANIZATION, "the-record");
  /* a role after a qualifier still follows a common word that does not open with The */
  YES("Democrats, including Senate Minority Leader Chuck Schumer, urged a delay.", "Senate", CYBERNER_AGENCY,
      "us-senate");
}
END_TEST

START_TEST(given_name_of_a_named_family) {
  /* a given name alone after a role names the dictionaries' person of that
   * given name whose family name a person of the document has */
  const char *ae = "Sheikh Mohammed bin Rashid Al Maktoum lost the case. The judge found he had ordered the "
                   "abduction of his daughters, Sheikha Shamsa in 2000 and Sheikha Latifa in 2018.";
  YES(ae, "Shamsa", CYBERNER_PERSON, "shamsa-al-maktoum");
  YES(ae, "Latifa", CYBERNER_PERSON, "latifa-al-maktoum");
  /* no one of that family named: a person of no entry */
  const char *none = "The judge found he had ordered the abduction of his daughters, Sheikha Shamsa in 2000.";
  YES(none, "Shamsa", CYBERNER_PERSON, NULL);
  ck_assert(!tagged(none, "Shamsa", NULL, CYBERNER_PERSON, "shamsa-al-maktoum"));
}
END_TEST

START_TEST(region_named_after_a_town) {
  /* a town before a lower-case region word, or after région de, is the
   * region named after it when the dictionaries know one */
  const char *en = "The acting governor of the Kursk region said drones attacked Kursk.";
  YES(en, "Kursk", CYBERNER_LOCATION, "kursk-oblast");
  ck_assert(tagged(en, "Kursk", "attacked", CYBERNER_LOCATION, "kursk"));
  YES("Le gouverneur de la région de Koursk a parlé.", "Koursk", CYBERNER_LOCATION, "kursk-oblast");
  /* a town with no region of its name stays the town */
  YES("Le gouverneur de la région de Moscou a parlé.", "Moscou", CYBERNER_LOCATION, "moscow");
}
END_TEST

START_TEST(acronym_of_a_hidden_thing) {
  /* an acronym after a treaty's name the dictionaries hide is the treaty's,
   * not the body's whose name ends the treaty's */
  const char *fr = "Le Sénat a rejeté l'Accord économique et commercial global entre le Canada et "
                   "l'Union européenne (AECG) mardi. L'AECG reste appliqué.";
  NO(fr, "AECG");
  NO(fr, "AECG reste");
  YES("La Commission européenne (CE) a parlé.", "CE", CYBERNER_ORGANIZATION, "european-commission");
  YES("The European Union (EU) spoke.", "EU", CYBERNER_ORGANIZATION, "eu");
}
END_TEST

START_TEST(long_form_before_a_known_acronym) {
  /* capitalized words before an acronym the dictionaries know, whose
   * initials are some of its letters, are its long form */
  const char *en = "In the vote, the Social Democrats (SPD) backed the bill and the Free Democrats (FDP) did not.";
  YES(en, "Social Democrats", CYBERNER_ORGANIZATION, "spd");
  YES(en, "Free Democrats", CYBERNER_ORGANIZATION, "fdp");
  YES("Le vote du Front national (FN) a surpris.", "Front national", CYBERNER_ORGANIZATION, NULL);
  /* a member named before the party, a title, a lone word opening the sentence */
  YES("Yesterday Saskia Esken (SPD) spoke.", "Saskia Esken", CYBERNER_PERSON, NULL);
  NO("The Chancellor (SPD) spoke.", "Chancellor");
  NO("Democrats (SPD) won the vote.", "Democrats");
  NO("The Green Wave (SPD) won the vote.", "Green Wave");
}
END_TEST

START_TEST(body_after_a_secretary) {
  /* a secretary's title before a unit the dictionaries know: the unit is
   * tagged, the title is not; a portfolio stays untagged */
  const char *en = "On Monday the Joint Secretary of the Cyber Diplomacy Division met the Under Secretary of the "
                   "National Security Council Secretariat.";
  YES(en, "Cyber Diplomacy Division", CYBERNER_AGENCY, "in-mea-cdd");
  YES(en, "National Security Council Secretariat", CYBERNER_AGENCY, NULL);
  NO(en, "Joint Secretary");
  NO("On Monday the Minister for the Armed Forces and the Secretary of Homeland Security spoke.", "Armed Forces");
  NO("On Monday the Secretary of Homeland Security spoke.", "Homeland Security");
}
END_TEST

START_TEST(country_word_as_a_young_person) {
  /* a country's name that is also its people's noun, after le/un/au and an
   * adjective that goes before a person, is the person's nationality */
  const char *fr = "Le parquet reproche au jeune Suisse une fraude. Un autre Suisse a fui. Il vit en Suisse.";
  YES(fr, "Suisse", CYBERNER_NATIONALITY, "CH");
  ck_assert(tagged(fr, "Suisse", "autre", CYBERNER_NATIONALITY, "CH"));
  ck_assert(tagged(fr, "Suisse", "vit", CYBERNER_COUNTRY, "CH"));
  YES("Elle décrit la jeune Suisse du XIXe siècle.", "Suisse", CYBERNER_COUNTRY, "CH");
}
END_TEST

START_TEST(slashed_date_read_by_the_document) {
  /* an English slashed date whose numbers may both be months is read day
   * first when another date of the text falls on that day */
  const char *en = "ANKARA, Friday, Sept. 6, 2024. The regulator cited an order dated 06/09/2024 in its notice.";
  ck_assert(dated(en, "06/09/2024", "2024-09-06", CYBERNER_LANG_EN));
  /* alone, or when another date agrees with the month-first reading, month first */
  ck_assert(dated("The regulator cited an order dated 06/09/2024 in its notice.", "06/09/2024", "2024-06-09",
                  CYBERNER_LANG_EN));
  ck_assert(dated("On June 9, 2024 the regulator cited an order dated 06/09/2024, and on Sept. 6, 2024 another.",
                  "06/09/2024", "2024-06-09", CYBERNER_LANG_EN));
}
END_TEST

START_TEST(paper_title_with_its_article) {
  /* after a media noun, a French article opens the paper's title and stays in it */
  const char *fr = "Selon le quotidien La Zorbière, le vote est reporté; le journal Le Nouveau Brelcom le confirme.";
  YES(fr, "La Zorbière", CYBERNER_ORGANIZATION, NULL);
  YES(fr, "Le Nouveau Brelcom", CYBERNER_ORGANIZATION, NULL);
  YES("Il est publié par le quotidien La Nation.", "La Nation", CYBERNER_ORGANIZATION, "la-nation-djibouti");
  /* an English The stays out; a known paper keeps its reading */
  YES("En décembre, l'hebdomadaire The Economist a écrit.", "Economist", CYBERNER_ORGANIZATION, "the-economist");
  NO("Selon le quotidien le plus lu, non.", "le plus");
}
END_TEST

START_TEST(surname_after_a_title_named_again) {
  /* a person found after a one-word title is named later by that word alone */
  const char *en = "Minister Okonkwo spoke on Monday. Later, Okonkwo said no.";
  ck_assert(tagged(en, "Okonkwo", "Later", CYBERNER_PERSON, "okonkwo"));
  /* a full name met later takes the short form over */
  const char *full = "Ambassador Zorbquist arrived. Then Helga Zorbquist spoke. Zorbquist left.";
  ck_assert(tagged(full, "Zorbquist", "spoke", CYBERNER_PERSON, "helga-zorbquist"));
}
END_TEST

START_TEST(given_name_before_a_country_surname) {
  /* a given name before a country's name that is also a surname: a person */
  YES("The chairman, Rep. Jim Jordan, objected.", "Jim Jordan", CYBERNER_PERSON, "jim-jordan");
  YES("Health minister Mark Holland said so.", "Mark Holland", CYBERNER_PERSON, "mark-holland");
  /* the country stays a country elsewhere */
  YES("Jordan and Israel met in Amman.", "Jordan", CYBERNER_COUNTRY, "JO");
  NO("They stayed at the Victoria Jordan hotel.", "Victoria");
  /* the surname alone is the person while the country is not named */
  const char *film = "The director Neil Jordan spoke. Jordan defends his film.";
  ck_assert(tagged(film, "Jordan", "spoke", CYBERNER_PERSON, "neil-jordan"));
  const char *both = "King Abdullah of Jordan met Neil Jordan. Jordan defends his film.";
  ck_assert(tagged(both, "Jordan", ". Jordan", CYBERNER_COUNTRY, "JO"));
}
END_TEST

START_TEST(malware_family_in_a_list_of_malware) {
  /* a group's alias that is also its malware, listed among malware: the software */
  NO("The raid hit Zorbloader, Quuxbot, Blimpware and TrickBot last week.", "TrickBot");
  NO("Loaders such as Zorbloader and TrickBot spread widely.", "TrickBot");
  NO("Des rançongiciels comme TrickBot ont frappé.", "TrickBot");
  /* listed among groups, or with one unknown name only, it stays the group */
  YES("Gangs such as TrickBot, Conti and Ryuk were paid.", "TrickBot", CYBERNER_THREAT_ACTOR, "wizard-spider");
  YES("Members of TrickBot and Zorbloader were charged.", "TrickBot", CYBERNER_THREAT_ACTOR, "wizard-spider");
}
END_TEST

START_TEST(short_form_over_bare_aliases) {
  /* the bare word many parliaments share names the body the document named in full */
  const char *fr = "Le Parlement européen a adopté le texte. La députée roumaine l'avait porté au Parlement.";
  ck_assert(tagged(fr, "Parlement", "porté", CYBERNER_ORGANIZATION, "european-parliament"));
  const char *en = "The European Parliament voted on Tuesday. Parliament's position was clear.";
  ck_assert(tagged(en, "Parliament", "Tuesday", CYBERNER_ORGANIZATION, "european-parliament"));
  /* not when the document has named one of the word's other bodies */
  const char *ro = "The Romanian Parliament voted. The European Parliament voted too. Parliament's position was clear.";
  ck_assert(!tagged(ro, "Parliament", "too", CYBERNER_ORGANIZATION, "european-parliament"));
  const char *ro_fr = "Le Parlement roumain a voté la loi. Le Parlement européen a voté aussi. Le Parlement attendait.";
  ck_assert(!tagged(ro_fr, "Parlement", "aussi", CYBERNER_ORGANIZATION, "european-parliament"));
  /* nor before the body is named */
  ck_assert(!tagged("Parliament voted. The European Parliament voted too.", "Parliament", NULL, CYBERNER_ORGANIZATION,
                    "european-parliament"));
}
END_TEST

START_TEST(company_after_a_nationality_noun) {
  /* du/le/la + a nationality in lower case standing for its company, then a name */
  YES("Le succès de l'assistant du chinois ZorbTek inquiète.", "ZorbTek", CYBERNER_ORGANIZATION, NULL);
  YES("Le chinois DeepSeek a publié un modèle.", "DeepSeek", CYBERNER_ORGANIZATION, "deepseek");
  /* a person is written so too: two words, or one without a brand's shape */
  NO("Il bat à la photo-finish le norvégien Zorvald Quistad Hagen.", "Zorvald");
  NO("Il devance le brésilien Zorbinho au classement.", "Zorbinho");
  NO("Il parle le français Couramment.", "Couramment");
}
END_TEST

START_TEST(two_firms_joined_by_and) {
  /* a name that ends on its own tail word is not joined over "and" to the next one */
  const char *t = "Norvik Labs and Pellard Security Group said the flaw was exploited.";
  YES(t, "Norvik Labs", CYBERNER_ORGANIZATION, NULL);
  YES(t, "Pellard Security Group", CYBERNER_ORGANIZATION, NULL);
  YES("Analysts at Corvane Labs agreed.", "Corvane Labs", CYBERNER_ORGANIZATION, NULL);
  /* one word before the tail is part of the name: the words stay joined */
  YES("The Corvane Science and Technology Agency said so.", "Corvane Science and Technology Agency",
      CYBERNER_AGENCY, NULL);
}
END_TEST

START_TEST(role_acronym_is_no_surname) {
  /* a given name (Son is one) before a role's acronym: "his CEO", no person */
  NO("Son PDG, Henri Valmorin, a qualifié l'attaque de grave.", "Son PDG");
  YES("Son PDG, Henri Valmorin, a qualifié l'attaque de grave.", "Henri Valmorin", CYBERNER_PERSON, NULL);
  /* a family name in capitals that is no role stays one */
  YES("Le ministre Jean MARTIN a parlé.", "Jean MARTIN", CYBERNER_PERSON, NULL);
}
END_TEST

int main(void) {
  cyberner_error *err = NULL;
  model = cyberner_model_new(NULL, NULL, &err);
  if (!model) {
    fprintf(stderr, "model: %s\n", cyberner_error_message(err));
    return EXIT_FAILURE;
  }
  Suite *s = suite_create("rules");
  TCase *t = tcase_create("rules");
  tcase_add_test(t, person_titles);
  tcase_add_test(t, person_names_and_mentions);
  tcase_add_test(t, person_negatives);
  tcase_add_test(t, bodies_french);
  tcase_add_test(t, person_final_initial);
  tcase_add_test(t, bodies_english);
  tcase_add_test(t, meetings_named_or_described);
  tcase_add_test(t, acronyms_defined_in_text);
  tcase_add_test(t, identifiers);
  tcase_add_test(t, events);
  tcase_add_test(t, series_of_two_parties);
  tcase_add_test(t, not_entities);
  tcase_add_test(t, portfolios);
  tcase_add_test(t, title_case_headlines);
  tcase_add_test(t, nationality_compounds);
  tcase_add_test(t, slashed_places);
  tcase_add_test(t, datelines);
  tcase_add_test(t, owners_of_shared_names);
  tcase_add_test(t, nationality_and_common_noun);
  tcase_add_test(t, town_and_state);
  tcase_add_test(t, british_spellings);
  tcase_add_test(t, ransomware_names);
  tcase_add_test(t, threat_actor_other_names);
  tcase_add_test(t, news_names);
  tcase_add_test(t, places_by_kind);
  tcase_add_test(t, nord_departement);
  tcase_add_test(t, confederation);
  tcase_add_test(t, embassies);
  tcase_add_test(t, media_names);
  tcase_add_test(t, address_stems);
  tcase_add_test(t, quoted_secrets);
  tcase_add_test(t, named_campaigns);
  tcase_add_test(t, short_bodies);
  tcase_add_test(t, maker_before_product);
  tcase_add_test(t, shared_aliases_by_complement);
  tcase_add_test(t, ministry_of_a_person);
  tcase_add_test(t, kings);
  tcase_add_test(t, acronyms_of_hidden_names);
  tcase_add_test(t, bodies_before_titles);
  tcase_add_test(t, portfolios_after_a_possessive);
  tcase_add_test(t, nationality_after_a_role);
  tcase_add_test(t, english_month_abbreviations);
  tcase_add_test(t, results_lines);
  tcase_add_test(t, company_first_word);
  tcase_add_test(t, role_with_nationality_inside);
  tcase_add_test(t, group_named_after_ransomware_word);
  tcase_add_test(t, town_before_its_region);
  tcase_add_test(t, state_after_its_town);
  tcase_add_test(t, service_of_the_document);
  tcase_add_test(t, nickname_after_a_courtesy_title);
  tcase_add_test(t, party_of_the_document);
  tcase_add_test(t, numbered_group_summit);
  tcase_add_test(t, ministry_of_a_known_person);
  tcase_add_test(t, other_name_in_parentheses);
  tcase_add_test(t, country_word_as_person);
  tcase_add_test(t, foreign_description);
  tcase_add_test(t, shared_body_then_nationality);
  tcase_add_test(t, first_word_of_a_name_without_surname);
  tcase_add_test(t, dates_of_the_gap_list);
  tcase_add_test(t, place_inside_a_europe_role);
  tcase_add_test(t, acronym_of_another_name);
  tcase_add_test(t, acronym_then_owner_country);
  tcase_add_test(t, ministry_led_by_known_person);
  tcase_add_test(t, languages_listed_by_example);
  tcase_add_test(t, companies_parties_and_descriptions);
  tcase_add_test(t, hashtags);
  tcase_add_test(t, chamber_short_names);
  tcase_add_test(t, given_name_before_a_code);
  tcase_add_test(t, bodies_described_after_a_possessive);
  tcase_add_test(t, maker_in_possessive_before_product);
  tcase_add_test(t, armed_forces_of_a_country);
  tcase_add_test(t, region_named_after_a_town);
  tcase_add_test(t, initial_that_ends_a_sentence);
  tcase_add_test(t, generic_body_of_a_named_country);
  tcase_add_test(t, newspaper_named_the_word);
  tcase_add_test(t, given_name_of_a_named_family);
  tcase_add_test(t, acronym_of_a_hidden_thing);
  tcase_add_test(t, long_form_before_a_known_acronym);
  tcase_add_test(t, body_after_a_secretary);
  tcase_add_test(t, country_word_as_a_young_person);
  tcase_add_test(t, slashed_date_read_by_the_document);
  tcase_add_test(t, paper_title_with_its_article);
  tcase_add_test(t, surname_after_a_title_named_again);
  tcase_add_test(t, given_name_before_a_country_surname);
  tcase_add_test(t, malware_family_in_a_list_of_malware);
  tcase_add_test(t, short_form_over_bare_aliases);
  tcase_add_test(t, company_after_a_nationality_noun);
  tcase_add_test(t, two_firms_joined_by_and);
  tcase_add_test(t, role_acronym_is_no_surname);
  suite_add_tcase(s, t);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  cyberner_model_free(model);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
