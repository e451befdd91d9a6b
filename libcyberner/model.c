/* Model compilation: dictionary folders → folding table, gazetteer trie,
 * language model, date rules and pattern rules. Immutable afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"


/* Turn the first error of diag into *err. */
static int diag_fail(const cyb__diag *d, cyberner_error **err, int code) {
  for (size_t i = 0; i < d->n; i++) {
    const cyb__diag_item *it = &d->item[i];
    if (!it->is_error) continue;
    const char *colon = it->file ? it->msg + strlen(it->file) : it->msg;
    /* keep the message body after "file:line: " */
    const char *body = strstr(colon, ": ");
    body = body ? body + 2 : it->msg;
    if (d->errors > 1)
      return cyb__fail(err, code, it->file, it->line, -1, "%s (and %zu more problems: run 'cyberner dict check')",
                       body, d->errors - 1);
    return cyb__fail(err, code, it->file, it->line, -1, "%s", body);
  }
  return cyb__fail(err, code, NULL, 0, -1, "%s", cyberner_strerror(code));
}

/* A stage's "FILE:LINE: message" as a located problem, so that the error
 * object gives the file and the line apart. */
static void add_located(cyb__diag *diag, const char *fallback_file, const char *msg) {
  for (const char *p = strchr(msg, ':'); p; p = strchr(p + 1, ':')) {
    const char *q = p + 1;
    size_t line = 0;
    while (*q >= '0' && *q <= '9') line = line * 10 + (size_t)(*q++ - '0');
    if (q > p + 1 && q[0] == ':' && q[1] == ' ') {
      char file[1024];
      snprintf(file, sizeof file, "%.*s", (int)(p - msg), msg);
      cyb__diag_add(diag, 1, file, line, "%s", q + 2);
      return;
    }
  }
  cyb__diag_add(diag, 1, fallback_file, 0, "%s", msg);
}

static int read_folder(const char *dir, cyb__files *fs, cyb__diag *diag, cyberner_error **err) {
  int rc = dir ? cyb__files_read_dir(dir, fs, err) : cyb__files_embedded(fs, err);
  if (rc) return rc;
  if (cyb__check_version(fs, diag)) return diag_fail(diag, err, CYBERNER_EVERSION);
  return 0;
}

/* Everything but the warnings list; shared by model_new and dict_check. */
static int compile(cyberner_model *m, const char *dict_dir, const char *extra_dir, cyb__diag *diag,
                   bool checking, cyberner_error **err) {
  cyb__files base = {0}, extra = {0};
  cyb__dictset ds = {0};
  int rc;
  if ((rc = read_folder(dict_dir, &base, diag, err))) goto done;
  if (extra_dir && (rc = read_folder(extra_dir, &extra, diag, err))) goto done;
  if (!(m->fold = cyb__fold_new(err))) {
    rc = CYBERNER_EICU;
    goto done;
  }
  if ((rc = cyb__dictset_load(&ds, &base, diag)) || (extra_dir && (rc = cyb__dictset_load(&ds, &extra, diag)))) {
    rc = cyb__fail(err, rc, NULL, 0, -1, "out of memory loading the dictionaries");
    goto done;
  }
  if (!(m->gaz = cyb__gazetteer_new(m->fold, &ds, diag, checking, err))) {
    rc = CYBERNER_ENOMEM;
    goto done;
  }
  char msg[1024];
  const cyb__file *lf = cyb__files_pick(&base, extra_dir ? &extra : NULL, "langid/langid.tsv");
  if (!lf) {
    cyb__diag_add(diag, 0, NULL, 0, "no langid/langid.tsv: every sentence will be 'und' unless the language is forced");
  } else if (!(m->langid = cyb__langid_new(lf->data, lf->len, msg, sizeof msg))) {
    add_located(diag, lf->display, msg);
  }
  const cyb__file *df = cyb__files_pick(&base, extra_dir ? &extra : NULL, "rules/dates.txt");
  if (!df) {
    cyb__diag_add(diag, 0, NULL, 0, "no rules/dates.txt: no DATE entities");
  } else if (!(m->dates = cyb__dates_new(df->data, df->len, df->display, msg, sizeof msg))) {
    add_located(diag, df->display, msg);
  }
  const cyb__file *ff = cyb__files_pick(&base, extra_dir ? &extra : NULL, "langid/function_words.tsv");
  if (ff && !(m->sentlang = cyb__sentlang_new(ff, m->fold, m->gaz, diag))) {
    rc = cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory loading the function words");
    goto done;
  }
  if (!(m->rules = cyb__rules_new(&base, extra_dir ? &extra : NULL, m->fold, m->gaz, diag, err))) {
    rc = CYBERNER_ENOMEM;
    goto done;
  }
  rc = 0;
done:
  cyb__dictset_free(&ds);
  cyb__files_free(&base);
  cyb__files_free(&extra);
  return rc;
}

static void model_release(cyberner_model *m) {
  cyb__fold_free(m->fold);
  cyb__gazetteer_free(m->gaz);
  cyb__langid_free(m->langid);
  cyb__sentlang_free(m->sentlang);
  cyb__dates_free(m->dates);
  cyb__rules_free(m->rules);
  cyb__diag_free(&m->warnings);
}

cyberner_model *cyberner_model_new(const char *dict_dir, const char *extra_dir, cyberner_error **err) {
  if (err) *err = NULL;
  double t0 = cyb__now_ms();
  cyberner_model *m = calloc(1, sizeof *m);
  if (!m) {
    cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory");
    return NULL;
  }
  int rc = compile(m, dict_dir, extra_dir, &m->warnings, false, err);
  if (rc == 0 && m->warnings.errors) {
    bool rule = false;
    for (size_t i = 0; i < m->warnings.n; i++)
      if (m->warnings.item[i].is_error && m->warnings.item[i].msg && strstr(m->warnings.item[i].msg, "rules/"))
        rule = true;
    rc = diag_fail(&m->warnings, err, rule ? CYBERNER_ERULE : CYBERNER_EDICT);
  }
  if (rc) {
    model_release(m);
    free(m);
    return NULL;
  }
  m->compile_ms = cyb__now_ms() - t0;
  return m;
}

void cyberner_model_free(cyberner_model *m) {
  if (!m) return;
  model_release(m);
  free(m);
}

size_t cyberner_model_entry_count(const cyberner_model *m, int label) {
  return m ? cyb__gazetteer_count(m->gaz, label) : 0;
}
size_t cyberner_model_warning_count(const cyberner_model *m) { return m ? m->warnings.n : 0; }
const char *cyberner_model_warning(const cyberner_model *m, size_t i) {
  return m && i < m->warnings.n ? m->warnings.item[i].msg : NULL;
}
double cyberner_model_compile_ms(const cyberner_model *m) { return m ? m->compile_ms : 0; }

/* ---- dictionary check ---------------------------------------------------- */

struct cyberner_dict_report {
  cyb__diag diag;
  size_t count[CYBERNER_LABEL_COUNT];
};

cyberner_dict_report *cyberner_dict_check(const char *dict_dir, cyberner_error **err) {
  if (err) *err = NULL;
  cyberner_dict_report *r = calloc(1, sizeof *r);
  cyberner_model m = {0};
  if (!r) {
    cyb__fail(err, CYBERNER_ENOMEM, NULL, 0, -1, "out of memory");
    return NULL;
  }
  int rc = compile(&m, dict_dir, NULL, &r->diag, true, err);
  if (rc && rc != CYBERNER_EVERSION) {
    model_release(&m);
    cyb__diag_free(&r->diag);
    free(r);
    return NULL;
  }
  if (err && *err) { /* a version problem is a finding, not a failure */
    cyberner_error_free(*err);
    *err = NULL;
  }
  for (int l = 0; l < CYBERNER_LABEL_COUNT; l++) r->count[l] = m.gaz ? cyb__gazetteer_count(m.gaz, l) : 0;
  model_release(&m);
  return r;
}

void cyberner_dict_report_free(cyberner_dict_report *r) {
  if (!r) return;
  cyb__diag_free(&r->diag);
  free(r);
}
size_t cyberner_dict_report_count(const cyberner_dict_report *r) { return r ? r->diag.n : 0; }
int cyberner_dict_report_is_error(const cyberner_dict_report *r, size_t i) {
  return r && i < r->diag.n ? r->diag.item[i].is_error : 0;
}
const char *cyberner_dict_report_message(const cyberner_dict_report *r, size_t i) {
  return r && i < r->diag.n ? r->diag.item[i].msg : NULL;
}
size_t cyberner_dict_report_error_count(const cyberner_dict_report *r) { return r ? r->diag.errors : 0; }
size_t cyberner_dict_report_entry_count(const cyberner_dict_report *r, int label) {
  return r && label >= 0 && label < CYBERNER_LABEL_COUNT ? r->count[label] : 0;
}
