/* Small helpers: buffers, UTF-8, time, diagnostics lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

int cyb__grow_to(void **arr, size_t *cap, size_t need, size_t elem_size) {
  if (need <= *cap) return 0;
  size_t n = *cap ? *cap : 16;
  while (n < need) {
    if (n > SIZE_MAX / 2 / elem_size) return CYBERNER_ENOMEM;
    n *= 2;
  }
  void *p = realloc(*arr, n * elem_size);
  if (!p) return CYBERNER_ENOMEM;
  *arr = p;
  *cap = n;
  return 0;
}

int cyb__buf_reserve(cyb__buf *b, size_t extra) {
  if (extra > SIZE_MAX - b->len - 1) return CYBERNER_ENOMEM;
  return cyb__grow((void **)&b->data, &b->cap, b->len + extra + 1, 1);
}

int cyb__buf_append(cyb__buf *b, const void *p, size_t n) {
  if (cyb__buf_reserve(b, n)) return CYBERNER_ENOMEM;
  if (n) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

int cyb__buf_printf(cyb__buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || cyb__buf_reserve(b, (size_t)n)) return CYBERNER_ENOMEM;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return 0;
}

void cyb__buf_free(cyb__buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

char *cyb__strndup(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

size_t cyb__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned c = s[0];
  *cp = 0xFFFD;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2; v = c & 0x1F; min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3; v = c & 0x0F; min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4; v = c & 0x07; min = 0x10000;
  } else {
    return 0;
  }
  if (len > n) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

size_t cyb__utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t cyb__utf8_check(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = cyb__utf8_decode(u + i, n - i, &cp);
    if (!k) return i;
    i += k;
  }
  return n;
}

double cyb__now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

char *cyb__place_message(const char *file, size_t line, int64_t offset, const char *body) {
  cyb__buf b = {0};
  if (file && line)
    cyb__buf_printf(&b, "%s:%zu: %s", file, line, body);
  else if (file)
    cyb__buf_printf(&b, "%s: %s", file, body);
  else if (offset >= 0)
    cyb__buf_printf(&b, "input byte %lld: %s", (long long)offset, body);
  else
    cyb__buf_printf(&b, "%s", body);
  return b.data;
}

void cyb__diag_add(cyb__diag *d, int is_error, const char *file, size_t line, const char *fmt, ...) {
  char body[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(body, sizeof body, fmt, ap);
  va_end(ap);
  char *msg = cyb__place_message(file, line, -1, body);
  if (is_error) d->errors++; /* counted even when the text cannot be kept */
  if (!msg || cyb__grow((void **)&d->item, &d->cap, d->n + 1, sizeof *d->item)) {
    free(msg);
    return;
  }
  d->item[d->n].msg = msg;
  d->item[d->n].file = file ? cyb__strndup(file, strlen(file)) : NULL;
  d->item[d->n].line = line;
  d->item[d->n].is_error = is_error != 0;
  d->n++;
}

void cyb__diag_free(cyb__diag *d) {
  for (size_t i = 0; i < d->n; i++) {
    free(d->item[i].msg);
    free(d->item[i].file);
  }
  free(d->item);
  memset(d, 0, sizeof *d);
}
