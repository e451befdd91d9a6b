/* Error objects and the error-code tables (one X-macro list in cyberner.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct cyberner_error {
  int code;
  char *file;
  size_t line;
  int64_t offset;
  char *message;
};

const char *cyberner_err_name(int code) {
  switch (code) {
#define X(name, value, text) \
  case value:                \
    return #name;
    CYBERNER_ERRNO_MAP(X)
#undef X
  }
  return "UNKNOWN";
}

const char *cyberner_strerror(int code) {
  switch (code) {
#define X(name, value, text) \
  case value:                \
    return text;
    CYBERNER_ERRNO_MAP(X)
#undef X
  }
  return "unknown error";
}

int cyb__fail(cyberner_error **err, int code, const char *file, size_t line, int64_t offset,
              const char *fmt, ...) {
  if (!err) return code;
  *err = NULL;
  cyberner_error *e = calloc(1, sizeof *e);
  if (!e) return code;
  e->code = code;
  e->line = line;
  e->offset = offset;
  char body[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(body, sizeof body, fmt, ap);
  va_end(ap);
  e->message = cyb__place_message(file, line, offset, body);
  if (!e->message) e->message = cyb__strndup(body, strlen(body));
  e->file = file ? cyb__strndup(file, strlen(file)) : NULL;
  if (!e->message) { /* out of memory: still report the code */
    free(e->file);
    free(e);
    return code;
  }
  *err = e;
  return code;
}

int cyberner_error_code(const cyberner_error *err) { return err ? err->code : CYBERNER_OK; }
const char *cyberner_error_message(const cyberner_error *err) {
  return err ? err->message : cyberner_strerror(CYBERNER_OK);
}
const char *cyberner_error_file(const cyberner_error *err) { return err ? err->file : NULL; }
size_t cyberner_error_line(const cyberner_error *err) { return err ? err->line : 0; }
int64_t cyberner_error_offset(const cyberner_error *err) { return err ? err->offset : -1; }

void cyberner_error_free(cyberner_error *err) {
  if (!err) return;
  free(err->file);
  free(err->message);
  free(err);
}
