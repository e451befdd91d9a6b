/* Replays inputs through a fuzz target without libFuzzer: each argument is
 * a file or a folder of files (not recursive). Used by the regression test,
 * which runs in every build (and under the sanitizers in CI).
 *
 *   replay-T [--expect-failure] FILE|DIR...
 *
 * --expect-failure: for an input of a bug not fixed yet (regressions/T/open/):
 * the input runs in a child process; exit 1 when it still fails (the test
 * is registered with should_fail), 0 when it passes (then the bug is fixed:
 * move the input up to regressions/T/ so that it stays fixed). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz_common.h"

static size_t replayed;

static void replay_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: cannot open %s\n", path);
    exit(1);
  }
  size_t cap = 4096, n = 0;
  uint8_t *b = malloc(cap);
  for (;;) {
    if (n == cap) b = realloc(b, cap *= 2);
    size_t k = fread(b + n, 1, cap - n, f);
    if (!k) break;
    n += k;
  }
  fclose(f);
  /* an exact-size copy, so that ASan sees reads past the end */
  uint8_t *exact = malloc(n ? n : 1);
  if (n) memcpy(exact, b, n);
  free(b);
  fprintf(stderr, "replay: %s (%zu bytes)\n", path, n);
  LLVMFuzzerTestOneInput(exact, n);
  free(exact);
  replayed++;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "--expect-failure")) {
    int failed = 0;
    for (int i = 2; i < argc; i++) {
      fflush(NULL);
      pid_t pid = fork();
      if (pid < 0) return 2;
      if (pid == 0) {
        replay_file(argv[i]);
        _exit(0);
      }
      int st = 0;
      waitpid(pid, &st, 0);
      int bad = !WIFEXITED(st) || WEXITSTATUS(st) != 0;
      fprintf(stderr, "replay: %s: %s\n", argv[i], bad ? "still fails (open bug)" : "passes now: the bug is fixed, move it out of open/");
      failed |= bad;
    }
    return failed ? 1 : 0;
  }
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st)) continue; /* a missing folder has nothing to replay */
    if (!S_ISDIR(st.st_mode)) {
      replay_file(argv[i]);
      continue;
    }
    DIR *d = opendir(argv[i]);
    if (!d) continue;
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
      if (de->d_name[0] == '.') continue;
      names = realloc(names, (n + 1) * sizeof *names);
      size_t len = strlen(argv[i]) + strlen(de->d_name) + 2;
      names[n] = malloc(len);
      snprintf(names[n++], len, "%s/%s", argv[i], de->d_name);
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp);
    for (size_t k = 0; k < n; k++) {
      struct stat fs;
      if (stat(names[k], &fs) == 0 && S_ISREG(fs.st_mode)) replay_file(names[k]);
      free(names[k]);
    }
    free(names);
  }
  fprintf(stderr, "replay: %zu inputs, no failure\n", replayed);
  return 0;
}
