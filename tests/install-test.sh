#!/bin/sh
# Install into a temporary prefix, then build the README's C example against
# it through pkg-config and run it. Usage: install-test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1 src=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
meson install -C "$build" --destdir "$dest" --quiet >/dev/null
pc=$(find "$dest" -name cyberner.pc | head -n 1)
[ -n "$pc" ] || { echo "cyberner.pc was not installed"; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")" PKG_CONFIG_SYSROOT_DIR="$dest"
flags=$(pkg-config --cflags --libs cyberner)
echo "pkg-config --cflags --libs cyberner: $flags"
cc "$src/examples/ex.c" $flags -o "$dest/ex"
libdir=$(dirname "$(find "$dest" -name 'libcyberner.so.0' | head -n 1)")
out=$(LD_LIBRARY_PATH="$libdir" "$dest/ex")
echo "$out"
# the example must find Korea, the US, Japan, ANSSI and the date, linked
for want in "COUNTRY	KR" "COUNTRY	US" "COUNTRY	JP" "AGENCY	anssi" "DATE	2018-06-12"; do
  printf '%s\n' "$out" | grep -q "$want" || { echo "missing: $want"; exit 1; }
done
# the installed pieces a user needs
for f in include/cyberner.h include/cyberner_version.h share/cyberner/dict/countries.tsv bin/cyberner; do
  find "$dest" -path "*$f" | grep -q . || { echo "not installed: $f"; exit 1; }
done
# only the public API is exported
bad=$(nm -D --defined-only "$libdir/libcyberner.so.0" | awk '$2 ~ /[TDB]/ {print $3}' | grep -v '^cyberner_' | grep -v '^CYBERNER_' || true)
[ -z "$bad" ] || { echo "exported beyond the API: $bad"; exit 1; }
echo "install test: ok"
