#!/usr/bin/env bash
# Reproducible build check (issue 28): builds the current commit twice, each in a fresh clone in its own
# temporary directory (so no file of one build can leak into the other and the paths differ), and
# compares every jar the build makes (the libraries with their sources and javadoc jars, the kb's
# test jar, the dsa-audit launcher's jar and lib/, and the class-data-sharing archive when it is built)
# byte for byte. Exit status 0 when every file is identical. Not part of `mvn verify` (two whole builds).
#
# Usage: bench/reproducible.sh [extra mvn arguments, e.g. -o]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$root" rev-parse HEAD)"
if [ -n "$(git -C "$root" status --porcelain)" ]; then
  echo "note: uncommitted changes are not built; comparing commit $commit" >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build() {
  local dir="$work/$1"
  git clone -q "$root" "$dir"
  git -C "$dir" -c advice.detachedHead=false checkout -q "$commit"
  (cd "$dir" && mvn -B -q package -DskipTests "${@:2}")
  # Every artifact a release or the tool ships: jars and the CDS archive, by path in the tree.
  (cd "$dir" && find . -path ./.git -prune -o -path '*/target/*' \( -name '*.jar' -o -name '*.jsa' \) -print \
      | grep -v '/target/.*classes/' | sort > "$work/$1.list")
}

build one "$@"
build two "$@"

if ! diff -q "$work/one.list" "$work/two.list" >/dev/null; then
  echo "the two builds made different sets of files:" >&2
  diff "$work/one.list" "$work/two.list" >&2 || true
  exit 1
fi
same=0
differ=0
while read -r f; do
  if cmp -s "$work/one/$f" "$work/two/$f"; then
    same=$((same + 1))
  else
    differ=$((differ + 1))
    echo "differs: ${f#./}"
  fi
done < "$work/one.list"
echo "$same identical, $differ different, of $(wc -l < "$work/one.list") files (commit $commit)"
[ "$differ" -eq 0 ]
