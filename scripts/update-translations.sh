#!/usr/bin/env bash
# Refresh the translation sources: every qsTr()/tr()/QT_TR_NOOP string of the QML and C++ sources goes into
# translations/vigil_{de,fr,es}.ts (new strings as "unfinished", strings no longer in the sources dropped),
# and the pseudo-localised catalogue translations/vigil_pseudo.ts is regenerated from them.
#
#   scripts/update-translations.sh          after merging new UI strings; then translate what is unfinished
#                                           (linguist translations/vigil_de.ts, or edit the XML) until
#                                           `ctest -R translations_complete` passes (docs/TRANSLATIONS.md).
#   scripts/update-translations.sh --check  the same into a temporary copy: exit 1 (and list them) if
#                                           any string is unfinished, vanished or missing (the ctest).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lupdate="${LUPDATE:-}"
if [ -z "$lupdate" ]; then
  for c in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then lupdate="$c"; break; fi
  done
fi
[ -n "$lupdate" ] || { echo "update-translations: lupdate not found (apt-get install qt6-l10n-tools)" >&2; exit 2; }
languages=(de fr es)
# The folders with user-visible strings; tests/ and the fuzz corpus are not translated.
sources=(ui app models services)

check=0
[ "${1:-}" = "--check" ] && check=1

tsdir="$root/translations"
if [ "$check" = 1 ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  for l in "${languages[@]}" en; do cp "$tsdir/vigil_$l.ts" "$work/"; done
  tsdir="$work"
fi

cd "$root"
ts=()
for l in "${languages[@]}"; do ts+=("$tsdir/vigil_$l.ts"); done
# -locations none: line numbers would make every merge of a UI change conflict in the .ts files.
# -no-obsolete: a string that left the sources leaves the catalogue (no "vanished" entries kept).
"$lupdate" -silent -locations none -no-obsolete -extensions qml,cpp,h "${sources[@]}" -ts "${ts[@]}"
# English needs a catalogue only for its plural forms ("%n channel(s)" -> "1 channel", "3 channels").
"$lupdate" -silent -locations none -no-obsolete -pluralonly -extensions qml,cpp,h "${sources[@]}" \
  -ts "$tsdir/vigil_en.ts"
ts+=("$tsdir/vigil_en.ts")

if [ "$check" = 1 ]; then
  /usr/bin/python3 "$root/translations/ts_tool.py" check --reference-dir "$root/translations" "${ts[@]}"
else
  /usr/bin/python3 "$root/translations/ts_tool.py" pseudo "$root/translations/vigil_de.ts" \
    "$root/translations/vigil_pseudo.ts"
  /usr/bin/python3 "$root/translations/ts_tool.py" stats "${ts[@]}"
fi
