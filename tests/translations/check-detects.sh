#!/usr/bin/env bash
# The completeness check must fail when a string is new (not in the catalogues) and when a catalogued
# string left the sources: run it on a scratch copy of the tree with one QML string added and one removed.
set -euo pipefail
src="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scripts"
cp -r "$src/ui" "$src/app" "$src/models" "$src/services" "$src/translations" "$work/"
cp "$src/scripts/update-translations.sh" "$work/scripts/"
"$work/scripts/update-translations.sh" --check >/dev/null || { echo "FAIL: the unchanged copy is not complete"; exit 1; }

# A new user-visible string.
printf 'import QtQuick\nText { text: qsTr("A string nobody translated yet") }\n' >"$work/ui/qml/ZzNew.qml"
if out="$("$work/scripts/update-translations.sh" --check 2>&1)"; then
  echo "FAIL: a new untranslated string passed the check"; exit 1
fi
grep -q "A string nobody translated yet.*new in the sources" <<<"$out" || { echo "FAIL: not named: $out"; exit 1; }
rm "$work/ui/qml/ZzNew.qml"

# A string that vanished from the sources.
sed -i 's/qsTr("No active alarms")/"No active alarms"/' "$work/ui/qml/AlarmBar.qml"
if out="$("$work/scripts/update-translations.sh" --check 2>&1)"; then
  echo "FAIL: a vanished string passed the check"; exit 1
fi
grep -q "No active alarms.*vanished" <<<"$out" || { echo "FAIL: not named: $out"; exit 1; }
echo "translations check: detects new and vanished strings"
