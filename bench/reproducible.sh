#!/usr/bin/env bash
# Reproducible build check (issue 28): builds the current commit twice, each in a fresh clone in its own
# temporary directory (so no file of one build can leak into the other and the paths differ), and
# compares every jar the build makes (the libraries with their sources and javadoc jars, the kb's
# test jar, the dsa-audit launcher's jar and lib/) byte for byte. Exit status 0 when every jar is
# identical. The launcher's class-data-sharing archive (dsa-audit.jsa) is compared and reported too, but
# does not fail the check: it is a dump of one JVM run (JDK 17 writes addresses and layout that vary from
# run to run), made on the machine that runs the tool and never published. Not part of `mvn verify`.
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
  elif [[ "$f" == *.jsa ]]; then
    echo "differs (a CDS archive, not published; not counted): ${f#./}"
  else
    differ=$((differ + 1))
    echo "differs: ${f#./}"
  fi
done < "$work/one.list"
echo "$same identical, $differ different, of $(wc -l < "$work/one.list") files (commit $commit)"
[ "$differ" -eq 0 ]
