/* Shared by the fuzz targets and the replay driver. */
#ifndef CYB_FUZZ_COMMON_H
#define CYB_FUZZ_COMMON_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* A broken invariant is a finding: print it and abort so that libFuzzer
 * (or the replay test) reports the input. */
#define FUZZ_CHECK(cond, ...)                                    \
  do {                                                           \
    if (!(cond)) {                                               \
      fprintf(stderr, "%s:%d: invariant broken: ", __FILE__, __LINE__); \
      fprintf(stderr, __VA_ARGS__);                              \
      fputc('\n', stderr);                                       \
      abort();                                                   \
    }                                                            \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
#endif
