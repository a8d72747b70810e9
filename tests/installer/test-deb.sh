#!/usr/bin/env bash
# The Debian package end to end, on this machine (./test.sh --stage deb; docs/INSTALL.md, docs/CHECKS.md):
# build it (and the same programs packaged as an older version), inspect it (dpkg-deb, lintian: no
# errors), install the older one with apt-get, put a schema-1 archive in place and edit the station file,
# upgrade (archive kept and migrated, edit kept), self-test and a short headless run as the `vigil` user,
# an unclean stop (restart noted in the archive), an archive from a newer Vigil (refused, left untouched),
# a package downgrade, remove (data kept) and purge (data, user and station file gone).
#
# It installs packages system-wide, so it is not part of ctest. It refuses to run where Vigil is installed
# or has left data, and leaves the machine as it found it: every package it installed is purged again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export DEBIAN_FRONTEND=noninteractive
t0=$(date +%s)
step() { echo "== test-deb [$(( $(date +%s) - t0 )) s]: $*"; }
die() { echo "test-deb: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (it installs a package)"
if dpkg-query -W -f='${Status}' vigil 2>/dev/null | grep -q "installed\|config-files"; then
  die "the vigil package is installed (or its configuration is left): this test would change it"
fi
for p in /var/lib/vigil /etc/vigil; do [ -e "$p" ] && die "$p exists: this test would change it"; done
getent passwd vigil >/dev/null && die "a user 'vigil' exists: this test would change it"

work="$(mktemp -d)"
chmod 755 "$work"
packages_before="$work/packages-before"
dpkg-query -W -f='${Package}\n' | sort >"$packages_before"
cleanup() {
  local rc=$?
  set +e
  [ -n "${station_pid:-}" ] && kill -KILL "$station_pid" 2>/dev/null
  if dpkg-query -W -f='${Status}' vigil 2>/dev/null | grep -q "installed\|config-files"; then
    apt-get purge -y -q vigil >/dev/null 2>&1
  fi
  # What apt pulled in for the package goes again.
  local added
  added="$(comm -13 "$packages_before" <(dpkg-query -W -f='${Package}\n' | sort))"
  if [ -n "$added" ]; then
    # shellcheck disable=SC2086
    apt-get purge -y -q $added >/dev/null 2>&1
  fi
  # The user and group did not exist when the test started (checked): none may be left.
  getent passwd vigil >/dev/null && deluser --quiet --system vigil >/dev/null 2>&1
  getent group vigil >/dev/null && delgroup --quiet --system vigil >/dev/null 2>&1
  rm -rf "$work"
  if [ "$rc" = 0 ]; then echo "test-deb: OK in $(( $(date +%s) - t0 )) s"; fi
  exit "$rc"
}
trap cleanup EXIT

step "build the package and an older version of it"
new="$("$root/scripts/build-deb.sh" --lintian)" || die "build or lintian failed"
old="$("$root/scripts/build-deb.sh" --version 0.0.9 "$work/old")"
cp "$new" "$work/"
new="$work/$(basename "$new")"
chmod 644 "$new" "$old"
echo "   $new"
echo "   $old"

step "inspect: contents and control"
contents="$(dpkg-deb -c "$new")"
for f in ./usr/bin/vigil ./usr/bin/vigil-gateway-sim ./etc/vigil/station.toml \
         ./lib/systemd/system/vigil-kiosk.service ./lib/systemd/system/vigil-headless.service \
         ./usr/share/applications/vigil.desktop ./usr/share/icons/hicolor/scalable/apps/vigil.svg \
         ./usr/share/man/man1/vigil.1.gz ./usr/share/man/man1/vigil-archive.1.gz \
         ./usr/share/man/man1/vigil-report.1.gz ./usr/share/man/man1/vigil-dicom.1.gz \
         ./usr/share/man/man1/vigil-gateway-sim.1.gz ./usr/share/doc/vigil/copyright \
         ./usr/share/doc/vigil/changelog.gz; do
  grep -q " $f\$" <<<"$contents" || die "$f is not in the package"
done
grep -q "tests\|tst_\|bench" <<<"$(awk '{print $6}' <<<"$contents")" && die "test programs in the package"
dpkg-deb -f "$new" Depends | grep -q "qml6-module-qtquick-virtualkeyboard" || die "Depends lacks the QML modules"
dpkg-deb -f "$new" Depends | grep -q "libqt6quick6" || die "Depends lacks the shared libraries (shlibdeps)"
[ "$(dpkg-deb --ctrl-tarfile "$new" | tar -xO ./conffiles)" = "/etc/vigil/station.toml" ] || die "conffiles"
dpkg-deb -x "$new" "$work/x" && desktop-file-validate "$work/x/usr/share/applications/vigil.desktop" || die "desktop entry"

step "install the older package (apt-get install ./vigil_0.0.9_*.deb)"
apt-get install -y -q --no-install-recommends "$old" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; die "install"; }
getent passwd vigil >/dev/null || die "no vigil user"
[ "$(stat -c %U:%G:%a /var/lib/vigil)" = "vigil:vigil:750" ] || die "/var/lib/vigil: $(stat -c %U:%G:%a /var/lib/vigil)"
[ "$(dpkg-query -W -f='${Version}' vigil)" = 0.0.9 ] || die "version"

step "an archive of schema 1 in /var/lib/vigil, an admin's edit of the station file"
archive=/var/lib/vigil/archive.sqlite
sqlite3 "$archive" <"$root/tests/unit/archive/fixtures/archive_v1.sql"
# The fixture's times are of 2020: moved to an hour ago, or the retention (30 days) would rightly drop them.
off=$(( $(date +%s) * 1000 - 3600000 - 1600000000000 ))
sqlite3 "$archive" "UPDATE stay SET start_ms = start_ms + $off, end_ms = end_ms + $off;
  UPDATE numeric SET t_ms = t_ms + $off; UPDATE event SET t_ms = t_ms + $off;
  UPDATE alarm SET start_ms = start_ms + $off, end_ms = end_ms + $off, ack_ms = ack_ms + $off;
  UPDATE wave_chunk SET start_us = start_us + $off * 1000;"
chown vigil:vigil "$archive"
beds_before="$(sqlite3 "$archive" 'SELECT group_concat(key) FROM bed')"
alarm_codes="$(sqlite3 "$archive" 'SELECT code FROM alarm')"
event_texts="$(sqlite3 "$archive" 'SELECT text FROM event')"
sed -i 's/^name = "Vigil Central 1"/name = "Station edited by the admin"/' /etc/vigil/station.toml

step "upgrade to $(dpkg-deb -f "$new" Version)"
apt-get install -y -q --no-install-recommends "$new" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; die "upgrade"; }
[ "$(dpkg-query -W -f='${Version}' vigil)" = "$(dpkg-deb -f "$new" Version)" ] || die "not upgraded"
grep -q '^name = "Station edited by the admin"' /etc/vigil/station.toml || die "the admin's edit was lost"
[ -f "$archive" ] || die "the archive is gone after the upgrade"

# setpriv execs (no forked parent in between), so $! of a background run is the station's own pid.
# XDG_RUNTIME_DIR in the work folder: Qt would otherwise leave /tmp/runtime-vigil behind.
as_vigil() {
  setpriv --reuid=vigil --regid=vigil --init-groups -- env -i PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen \
    HOME=/var/lib/vigil USER=vigil LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/run" "$@"
}

install -d -o vigil -g vigil -m 700 "$work/run"

step "vigil --self-test as the vigil user"
as_vigil /usr/bin/vigil --self-test --config /etc/vigil/station.toml >"$work/self.log" 2>&1 ||
  { cat "$work/self.log"; die "self-test failed"; }
grep -q "schema version 1, migrated to 2 on the next start" "$work/self.log" || { cat "$work/self.log"; die "self-test archive line"; }
grep -q "self-test: OK" "$work/self.log" || die "self-test said no OK"

step "a short headless run as the vigil user: the archive is migrated, its data kept"
as_vigil /usr/bin/vigil --headless --config /etc/vigil/station.toml --quit-after 6 \
  --state-file /var/lib/vigil/state.json >"$work/headless.log" 2>&1 || { cat "$work/headless.log"; die "headless run"; }
[ "$(sqlite3 "$archive" 'PRAGMA user_version')" = 2 ] || die "archive not migrated"
[ "$(sqlite3 "$archive" "SELECT count(*) FROM meta WHERE key = 'migrated_from_1_ms'")" = 1 ] || die "no migration mark"
beds_after="$(sqlite3 "$archive" 'SELECT group_concat(key) FROM bed')"
for key in ${beds_before//,/ }; do
  [[ ",$beds_after," == *",$key,"* ]] || die "bed $key of the old archive lost ($beds_after)"
done
# v2 keeps alarms as lifecycle steps (alarm_event): each v1 alarm is there, and each event.
while read -r code; do
  [ "$(sqlite3 "$archive" "SELECT count(*) FROM alarm_event WHERE code = '$code'")" -ge 1 ] || die "alarm $code lost"
done <<<"$alarm_codes"
while read -r text; do
  [ "$(sqlite3 "$archive" "SELECT count(*) FROM event WHERE text = '${text//\'/\'\'}'")" -ge 1 ] || die "event '$text' lost"
done <<<"$event_texts"
[ "$(sqlite3 "$archive" 'SELECT count(*) FROM bed')" -gt "$(tr ',' '\n' <<<"$beds_before" | wc -l)" ] ||
  die "the headless run archived no bed"
grep -q '"beds"' /var/lib/vigil/state.json || die "no state file"
[ ! -e /var/lib/vigil/vigil.running ] || die "a clean stop left the run marker"

step "an unclean stop: the next start notes the restart in the archive"
# Started here, not through as_vigil (a function in the background is a subshell: $! would be its pid).
setpriv --reuid=vigil --regid=vigil --init-groups -- env -i PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen \
  HOME=/var/lib/vigil XDG_RUNTIME_DIR="$work/run" /usr/bin/vigil --headless --config /etc/vigil/station.toml \
  >/dev/null 2>&1 &
station_pid=$!
for _ in $(seq 50); do [ -e /var/lib/vigil/vigil.running ] && break; sleep 0.1; done
sleep 1
kill -KILL "$station_pid"
wait "$station_pid" 2>/dev/null || true
station_pid=""
as_vigil /usr/bin/vigil --headless --config /etc/vigil/station.toml --quit-after 3 >"$work/restart.log" 2>&1 ||
  { cat "$work/restart.log"; die "restart run"; }
grep -q "restarted after an unexpected stop" "$work/restart.log" || { cat "$work/restart.log"; die "no restart message"; }
[ "$(sqlite3 "$archive" "SELECT count(*) FROM event WHERE type = 'station_restart'")" = 1 ] ||
  die "no station_restart event in the archive"

step "an archive written by a newer Vigil is refused, clearly, and left untouched"
sqlite3 "$archive" 'PRAGMA user_version = 3'
sum="$(sha256sum "$archive")"
if as_vigil /usr/bin/vigil --self-test --config /etc/vigil/station.toml >"$work/newer.log" 2>&1; then
  die "the self-test accepted an archive of a newer schema"
fi
grep -q "schema version 3 is newer than this Vigil supports (2)" "$work/newer.log" || { cat "$work/newer.log"; die "message"; }
as_vigil /usr/bin/vigil --headless --config /etc/vigil/station.toml --quit-after 2 >"$work/newer2.log" 2>&1 || true
grep -q "newer than this Vigil supports" "$work/newer2.log" || { cat "$work/newer2.log"; die "station message"; }
[ "$(sha256sum "$archive")" = "$sum" ] || die "the newer archive was changed"
sed -n 's/^/   /p' "$work/newer.log" | head -3
sqlite3 "$archive" 'PRAGMA user_version = 2'

step "package downgrade to 0.0.9 (apt --allow-downgrades): data kept"
apt-get install -y -q --allow-downgrades --no-install-recommends "$old" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; die "downgrade"; }
[ -f "$archive" ] && grep -q '^name = "Station edited by the admin"' /etc/vigil/station.toml || die "downgrade lost data"

step "remove: /var/lib/vigil and the user stay"
apt-get remove -y -q vigil >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; die "remove"; }
[ ! -e /usr/bin/vigil ] || die "/usr/bin/vigil still there"
[ -f "$archive" ] || die "remove deleted the archive"
getent passwd vigil >/dev/null || die "remove deleted the user"

step "purge: data, station file and user gone"
apt-get purge -y -q vigil >"$work/apt.log" 2>&1 || dpkg --purge vigil >>"$work/apt.log" 2>&1 || { cat "$work/apt.log"; die "purge"; }
for p in /var/lib/vigil /etc/vigil; do [ ! -e "$p" ] || die "$p left after purge"; done
getent passwd vigil >/dev/null && die "user vigil left after purge"
getent group vigil >/dev/null && die "group vigil left after purge"
true
