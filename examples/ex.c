#include <cyberner.h>
#include <stdio.h>
#include <string.h>
int main(void) {
  cyberner_error *err = NULL;
  cyberner_model *m = cyberner_model_new(NULL, NULL, &err); /* built-in dictionaries */
  if (!m) return fprintf(stderr, "%s\n", cyberner_error_message(err)), 1;
  const char *t = "La Corée, les Etats-Unis et le Japon ont rencontré l'ANSSI le mardi 12 juin 2018.";
  cyberner_result *r = cyberner_tag(m, t, strlen(t), NULL, &err);
  for (size_t i = 0; r && i < cyberner_result_count(r); i++) {
    const char *id = cyberner_entity_id(r, i), *value = cyberner_entity_value(r, i);
    printf("%zu\t%zu\t%s\t%s\n", cyberner_entity_start(r, i), cyberner_entity_end(r, i), cyberner_label_name(cyberner_entity_label(r, i)), id ? id : value ? value : "-");
  }
  return cyberner_result_free(r), cyberner_model_free(m), 0;
}
