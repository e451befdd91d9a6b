#!/bin/sh
# Proof stages of CI (issue 7), run after the normal test suite:
#   a. whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   b. unit tests under valgrind memcheck (no error, no definite leak)
#   c. the threads tests (tagging on 8 threads, spellers) under ThreadSanitizer
#      (it sees our code, not inside the uninstrumented libhunspell: spell.c
#      serializes hunspell's handle creation and destruction for that)
#   d. each libFuzzer target for CYB_FUZZ_SECONDS (60) seconds
#   e. the benchmark table (informative: never fails on speed)
# Installs nothing. Needs: clang, libclang-rt-14-dev (libFuzzer and the
# sanitizer runtimes), llvm (symbolizer), valgrind, plus the project's own
# packages. Usage: tests/ci-proof.sh [STAGE...]   (default: a b c d e)
# Environment: CYB_PROOF_DIR (build folders; default /tmp/cyb-proof),
#   CYB_SHARED_DIR (default ../shared beside the source tree),
#   CYB_FUZZ_SECONDS (default 60), CYB_BENCH_ARGS (extra bench arguments),
#   CYB_SAN_CC (compiler of stage a; default clang), CYB_VALGRIND_SKIP (tests
#   left out of stage b; default "dates").
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
W=${CYB_PROOF_DIR:-${TMPDIR:-/tmp}/cyb-proof}
SHARED=${CYB_SHARED_DIR:-$SRC/../shared}
FUZZ_SECONDS=${CYB_FUZZ_SECONDS:-60}
SAN_CC=${CYB_SAN_CC:-clang}
STAGES=${*:-a b c d e}
mkdir -p "$W"
START=$(date +%s)

header() {
  echo
  echo "=============================================================================="
  echo "== ci-proof $1 ($(( $(date +%s) - START )) s elapsed)"
  echo "=============================================================================="
}

fail() {
  echo "ci-proof: FAILED: $*" >&2
  exit 1
}

need() {
  command -v "$1" >/dev/null 2>&1 || fail "'$1' not found: install the Debian package $2"
}

# A meson build folder with exactly these options (wiped when it exists:
# --reconfigure would keep options given before).
setup() { # DIR CC [meson options...]
  dir=$1 ccomp=$2
  shift 2
  wipe=""
  [ -f "$dir/build.ninja" ] && wipe=--wipe
  CC=$ccomp meson setup $wipe "$dir" "$SRC" -Dshared_dir="$SHARED" "$@" >"$dir.setup.log" 2>&1 ||
    { cat "$dir.setup.log"; fail "meson setup $dir"; }
}

sym=$(command -v llvm-symbolizer || ls /usr/lib/llvm-*/bin/llvm-symbolizer 2>/dev/null | tail -n 1 || true)
[ -n "$sym" ] && export ASAN_SYMBOLIZER_PATH="$sym" && export UBSAN_SYMBOLIZER_PATH="$sym"

stage_a() {
  header "a: test suite with -Db_sanitize=address,undefined ($SAN_CC)"
  need "$SAN_CC" clang
  # any UB aborts; leaks fail (LeakSanitizer is part of ASan)
  # clang: every program uses the shared ASan runtime, so that the Python
  # tests can preload it and the CLI they start shares it
  rt="" link="-fno-sanitize-recover=all"
  case "$("$SAN_CC" --version 2>/dev/null)" in
  *clang*)
    rt=$("$SAN_CC" -print-file-name=libclang_rt.asan-x86_64.so)
    link="$link -shared-libasan -Wl,-rpath,$(dirname "$rt")"
    ;;
  *) rt=$("$SAN_CC" -print-file-name=libasan.so) ;;
  esac
  setup "$W/asan" "$SAN_CC" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized -Db_lto=false \
    -Dc_args=-fno-sanitize-recover=all "-Dc_link_args=$link"
  ninja -C "$W/asan" || fail "sanitizer build"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1:detect_stack_use_after_return=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  # the install test compiles an example with `cc` against the installed
  # (instrumented) library: give it a cc that links the sanitizer runtimes
  mkdir -p "$W/asan-bin"
  printf '#!/bin/sh\nexec %s -fsanitize=address,undefined %s "$@"\n' "$SAN_CC" "$link" >"$W/asan-bin/cc"
  chmod +x "$W/asan-bin/cc"
  old_path=$PATH
  PATH="$W/asan-bin:$PATH"
  # the Python tests load the instrumented library into an uninstrumented
  # interpreter: they run with the ASan runtime preloaded and leaks off
  # (CPython's own allocations are not ours)
  meson test -C "$W/asan" --no-rebuild --print-errorlogs --timeout-multiplier 4 --no-suite python ||
    fail "tests under ASan+UBSan"
  if meson test -C "$W/asan" --list 2>/dev/null | grep -q python; then
    meson test -C "$W/asan" --no-rebuild --print-errorlogs --timeout-multiplier 4 --suite python \
      --wrap="env LD_PRELOAD=$rt ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:halt_on_error=1" ||
      fail "Python tests under ASan+UBSan"
  fi
  PATH=$old_path
  unset ASAN_OPTIONS UBSAN_OPTIONS
}

stage_b() {
  header "b: unit tests under valgrind memcheck"
  need valgrind valgrind
  setup "$W/plain" cc -Dbuildtype=debugoptimized -Db_lto=false
  ninja -C "$W/plain" || fail "plain build"
  # heavy suites (api tags 50 MB, eval, python) are left out; the threads
  # test runs on fewer documents; Check runs the tests in-process so that
  # one valgrind sees everything. Tests named in CYB_VALGRIND_SKIP (default:
  # dates, whose "robustness" case asserts wall-clock limits that valgrind's
  # 20-50x slowdown cannot meet; it runs under ASan+LSan in stage a) are left out.
  skip=${CYB_VALGRIND_SKIP-dates}
  names=$(meson test -C "$W/plain" --no-rebuild --list --suite unit --suite threads 2>/dev/null |
    sed -n 's|^.* / ||p' | while read -r n; do
      case " $skip " in *" $n "*) ;; *) echo "$n" ;; esac
    done)
  [ -n "$names" ] || fail "no unit test found"
  echo "valgrind: $(echo $names)"
  # shellcheck disable=SC2086
  CK_FORK=no CYB_THREADS_DOCS=120 CYB_THREADS_N=3 \
    meson test -C "$W/plain" --no-rebuild --print-errorlogs --timeout-multiplier 20 $names \
      --wrap='valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --track-origins=yes' ||
    fail "valgrind memcheck"
}

stage_c() {
  header "c: threads tests (tagging, spellers) under ThreadSanitizer"
  need clang clang
  setup "$W/tsan" clang -Db_sanitize=thread -Db_lundef=false -Dbuildtype=debugoptimized -Db_lto=false -Dpython=false
  ninja -C "$W/tsan" tests/bench/test-threads tests/test-spell || fail "ThreadSanitizer build"
  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    meson test -C "$W/tsan" --no-rebuild --print-errorlogs --timeout-multiplier 4 --suite threads ||
    fail "threads test under ThreadSanitizer"
}

stage_d() {
  header "d: libFuzzer targets, $FUZZ_SECONDS s each"
  need clang clang
  setup "$W/fuzz" clang -Dfuzz=true -Dtests=false -Dpython=false -Dbuildtype=debugoptimized -Db_lto=false
  ninja -C "$W/fuzz" tests/fuzz/fuzz-tag tests/fuzz/fuzz-langid tests/fuzz/fuzz-dict tests/fuzz/fuzz-gazetteer ||
    fail "fuzz build"
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  bad=""
  for t in tag langid dict gazetteer; do
    echo "-- fuzz-$t"
    work="$W/fuzz-corpus/$t" art="$W/fuzz-artifacts/$t"
    mkdir -p "$work" "$art"
    # fixed regressions join the corpus; open bugs (regressions/T/open/) do not
    for f in "$SRC/tests/fuzz/regressions/$t"/*; do
      [ -f "$f" ] && cp "$f" "$work/"
    done
    if ! "$W/fuzz/tests/fuzz/fuzz-$t" -max_total_time="$FUZZ_SECONDS" -timeout=30 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$art/" \
        "$work" "$SRC/tests/fuzz/corpus/$t" >"$W/fuzz-$t.log" 2>&1; then
      tail -n 80 "$W/fuzz-$t.log"
      echo "ci-proof: fuzz-$t found a failure; input(s):" >&2
      ls -l "$art" >&2
      echo "ci-proof: copy each into tests/fuzz/regressions/$t/open/ (a should_fail test until fixed, then move it up to regressions/$t/)" >&2
      bad="$bad $t"
    else
      grep -E "^stat::|Done [0-9]+ runs" "$W/fuzz-$t.log" | tr '\n' ' '
      echo
    fi
  done
  unset UBSAN_OPTIONS
  [ -z "$bad" ] || fail "fuzzing:$bad"
}

stage_e() {
  header "e: benchmark (informative)"
  news="$SHARED/data/raw-news"
  if [ ! -f "$news/en.txt" ] || [ ! -f "$news/fr.txt" ]; then
    echo "skip: $news/{en,fr}.txt not found"
    return 0
  fi
  # the build users ship: the project's defaults (release, link-time optimization)
  [ -f "$W/release/build.ninja" ] || setup "$W/release" cc -Dpython=false
  ninja -C "$W/release" tests/bench/bench || fail "bench build"
  # shellcheck disable=SC2086
  "$W/release/tests/bench/bench" ${CYB_BENCH_ARGS:-} "$news/en.txt" "$news/fr.txt" || fail "bench did not run"
}

for s in $STAGES; do
  case "$s" in
  a | b | c | d | e) "stage_$s" ;;
  *) fail "unknown stage '$s' (a b c d e)" ;;
  esac
done
header "done: all stages passed"
