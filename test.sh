#!/usr/bin/env bash
# The project's test command.
#
#   ./test.sh [ctest args]   quick: installs what is missing, builds everything (Release, warnings are
#                            errors) and runs every test through ctest. Tests that need the real window
#                            start their own Xvfb (xvfb-run).
#   ./test.sh --all          what CI runs (.ci/run): every stage below, in order; each stage's time is
#                            printed, and the run fails if any stage fails (all stages still run).
#   ./test.sh --ci           what CI runs (.ci/run): the stages in ci_stages below, those verified green
#                            from a fresh clone within CI's time; --all adds the rest.
#   ./test.sh --stage NAME   one stage (repeatable): to rerun the check that failed.
#   ./test.sh --list         the stages.
#
# Stages (--all runs them all):
#   build    Release build of everything in build/, warnings are errors (the strict set of CMakeLists.txt)
#   ctest    every test in build/ (with --all: the tests the asan stage does not run, see below)
#   format   clang-format --dry-run -Werror over the tracked C++ files
#   qmllint  qmllint over the Vigil.Ui QML module (the all_qmllint target), no warnings
#   tidy     clang-tidy-14 (.clang-tidy) over the project's sources, no findings (~25-30 min on 2 idle cores)
#   tidyshort  the same over models/domain and services/hl7 only (~1-2 min): CI's share of the tidy run
#   asan     unit and integration tests built with AddressSanitizer + UndefinedBehaviorSanitizer
#   tsan     ring buffer, ward ingest, gateway session and archive writer tests under ThreadSanitizer
#   deb      the Debian package end to end on this machine (tests/installer/test-deb.sh): build, lintian,
#            install, upgrade with an archive, self-test and headless run as `vigil`, downgrade, purge.
#            Root; installs packages, so only when asked (--stage deb or --all), never in the quick run.
#
# Long fuzz, soak and benchmark runs are separate (docs/PERFORMANCE.md); short versions run in ctest.
# CI sets VIGIL_REQUIRE_SHARED_DATA=1: a test that needs ../shared/data fails instead of skipping.
set -uo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root" # cmake --preset reads CMakePresets.json from here
build="${VIGIL_BUILD_DIR:-$root/build}"
jobs="$(nproc)"
all_stages=(build ctest format qmllint tidy tidyshort asan tsan deb)
# CI's gate (docs/CHECKS.md says which stages are not in it yet, and why).
ci_stages=(build ctest format qmllint tidyshort asan tsan deb)

stages=()
ctest_args=()
all=0
while [ $# -gt 0 ]; do
  case "$1" in
    --all) all=1; stages=("${all_stages[@]}") ;;
    --ci) all=1; stages=("${ci_stages[@]}") ;;
    --stage) shift; stages+=("${1:?--stage needs a name}") ;;
    --stage=*) stages+=("${1#--stage=}") ;;
    --list) printf '%s\n' "${all_stages[@]}"; exit 0 ;;
    *) ctest_args+=("$1") ;;
  esac
  shift
done
quick=0
if [ ${#stages[@]} -eq 0 ]; then
  quick=1
  stages=(build ctest)
fi
if [ "$all" = 1 ]; then
  export VIGIL_REQUIRE_SHARED_DATA=1
fi

# ccache as scripts/build.sh sets it up, for the sanitizer trees too.
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# The C++ files the format and tidy stages look at: tracked, not third-party, not the fuzz corpus.
cxx_files() { git -C "$root" ls-files -- '*.cpp' '*.h' '*.hpp' | sed "s#^#$root/#"; }

stage_build() {
  VIGIL_CMAKE_ARGS="-DVIGIL_WERROR=ON ${VIGIL_CMAKE_ARGS:-}" "$root/scripts/build.sh"
}

stage_ctest() {
  local extra=()
  # When the asan stage runs too, the unit and integration tests run there (they are the same tests, with the
  # sanitizers on); here run the rest: window (ui), qml, benchmarks, fuzz.
  if [[ " ${stages[*]} " == *" asan "* ]]; then extra=(-LE '^(unit|integration)$'); fi
  ctest --test-dir "$build" --output-on-failure -j2 --timeout 900 "${extra[@]}" "${ctest_args[@]}"
}

stage_format() {
  local files
  mapfile -t files < <(cxx_files)
  echo "format: ${#files[@]} files"
  clang-format --dry-run -Werror "${files[@]}"
}

stage_qmllint() {
  # The targets qt_add_qml_module makes (vigil_ui_qmllint, grouped in all_qmllint). qmllint prints its
  # warnings and still exits 0 for some of them in Qt 6.4, so any "Warning:" line fails the stage too.
  [ -f "$build/build.ninja" ] || stage_build || return 1
  local log
  log="$(mktemp)"
  cmake --build "$build" --target all_qmllint 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  if grep -q '^Warning:' "$log"; then
    echo "qmllint: $(grep -c '^Warning:' "$log") warnings"
    rc=1
  fi
  rm -f "$log"
  return "$rc"
}

stage_tidy() {
  # clang-tidy needs the compile database and the generated sources (moc, QML type registration).
  [ -f "$build/build.ninja" ] || stage_build || return 1
  if ! command -v run-clang-tidy-14 >/dev/null; then
    echo "tidy: run-clang-tidy-14 missing (scripts/install-deps.sh installs clang-tidy-14)"
    return 1
  fi
  cmake --build "$build" -j"$jobs" >/dev/null || return 1
  local files
  # The project's own translation units (headers are checked through them, HeaderFilterRegex).
  # VIGIL_TIDY_PATHS (space-separated files or folders, relative to the tree, git pathspecs) narrows the
  # run, e.g. VIGIL_TIDY_PATHS="models/domain services/hl7" for the short run (docs/CHECKS.md).
  local paths=()
  read -r -a paths <<<"${VIGIL_TIDY_PATHS:-}"
  [ ${#paths[@]} -gt 0 ] || paths=('*.cpp')
  mapfile -t files < <(git -C "$root" ls-files -- "${paths[@]}" | grep '\.cpp$' | grep -v '^tests/fuzz/' |
    sed "s#^#$root/#")
  if [ ${#files[@]} -eq 0 ]; then
    echo "tidy: no translation units under: ${VIGIL_TIDY_PATHS:-}"
    return 1
  fi
  echo "tidy: ${#files[@]} translation units, -j$jobs"
  local log
  log="$(mktemp)"
  # -extra-arg: g++'s flags clang does not know are in the compile database; tell clang to ignore them.
  # The static analyzer explores each function's paths up to a node budget: the default (225 000) costs
  # ~60 s of CPU on a Qt Quick unit (models/Station.cpp), 75 000 costs ~24 s with the same inlining and
  # the same findings on the units compared (docs/CHECKS.md); VIGIL_TIDY_MAX_NODES=225000 is the long run.
  local nodes="${VIGIL_TIDY_MAX_NODES:-75000}"
  run-clang-tidy-14 -quiet -p "$build" -j "$jobs" -clang-tidy-binary "$(command -v clang-tidy-14)" \
    -extra-arg=-Wno-unknown-warning-option -extra-arg=-Wno-unused-command-line-argument \
    -extra-arg=-Xclang -extra-arg=-analyzer-config -extra-arg=-Xclang -extra-arg="max-nodes=$nodes" \
    "${files[@]}" >"$log" 2>&1
  local rc=$?
  # run-clang-tidy-14 asks for colour; strip it, then keep one line per finding (a header's finding is
  # reported once per file that includes it).
  # A leak the analyzer places inside Qt's own inline code (qobjectdefs.h: invokeMethod's functor slot
  # object, handed to Qt, which deletes it after the call) is Qt's ownership hand-over it cannot see
  # (llvm/llvm-project#56210); it cannot carry a NOLINT, so it is dropped here. Leaks in the project's
  # own code still count, and LSan (asan stage) checks them at run time.
  sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '(warning|error): .*\[[a-zA-Z0-9.,-]+\]$' |
    grep -v -E '^/usr/include/[^:]*/qt6/[^:]*:.*\[clang-analyzer-cplusplus\.NewDeleteLeaks\]$' |
    sort -u >"$log.findings"
  local n
  n=$(wc -l <"$log.findings")
  cat "$log.findings"
  echo "tidy: $n findings"
  if [ "$n" -gt 0 ]; then
    echo "tidy: findings per file:"
    sed -E 's#^([^:]+):.*#\1#' "$log.findings" | sed "s#^$root/##" | sort | uniq -c | sort -rn
    rc=1
  elif [ "$rc" -ne 0 ]; then
    tail -40 "$log"
  fi
  rm -f "$log" "$log.findings"
  return "$rc"
}

# Sanitizer trees: configured from CMakePresets.json, built only for the targets their tests need.
sanitizer_env() {
  export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
  # die_after_fork=0: the link tests start openssl (QProcess forks, then execs at once); TSan would stop
  # a child of a threaded process that starts a thread, which the exec'd program does.
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:suppressions=$root/tests/sanitizers/tsan.supp"
}

# One sanitizer tree: configure from its preset, build the target that groups its tests, run the tests with
# the given ctest label.
run_sanitizer_tree() {
  local preset="$1" target="$2" label="$3"
  "$root/scripts/install-deps.sh" >/dev/null || return 1
  cmake --preset "$preset" -S "$root" "${launcher[@]}" >/dev/null || return 1
  cmake --build "$root/build-$preset" -j"$jobs" --target "$target" || return 1
  sanitizer_env
  ctest --test-dir "$root/build-$preset" --output-on-failure -j2 --timeout 1800 -L "$label"
}

# Unit and integration tests; the window, qml and benchmark programs stay in the Release tree: under ASan,
# Mesa's llvmpipe renders several times slower and the benchmarks' figures would mean nothing.
# The vocabulary every layer shares and the HL7 parser every message goes through, under the full check
# set: CI's part of the tidy run (the whole tree takes ~30 min, docs/CHECKS.md).
stage_tidyshort() { VIGIL_TIDY_PATHS="models/domain services/hl7" stage_tidy; }

stage_asan() { run_sanitizer_tree asan vigil_sanitizer_tests '^(unit|integration)$'; }

stage_tsan() { run_sanitizer_tree tsan vigil_tsan_tests '^tsan$'; }

stage_deb() { "$root/tests/installer/test-deb.sh"; }

start=$(date +%s)
failed=()
summary=()
for s in "${stages[@]}"; do
  if ! declare -F "stage_$s" >/dev/null; then
    echo "test.sh: no stage '$s' (stages: ${all_stages[*]})" >&2
    exit 2
  fi
  echo "==== test.sh: stage $s"
  t0=$(date +%s)
  "stage_$s"
  rc=$?
  dt=$(( $(date +%s) - t0 ))
  if [ "$rc" -eq 0 ]; then result=ok; else result="FAILED ($rc)"; failed+=("$s"); fi
  summary+=("$(printf '%-8s %5d s  %s' "$s" "$dt" "$result")")
  echo "==== test.sh: stage $s: $result in $dt s"
  # The quick run stops at a failed build, as before; --all keeps going so one run reports every check.
  if [ "$rc" -ne 0 ] && [ "$quick" = 1 ]; then break; fi
done
echo "==== test.sh: summary"
printf '%s\n' "${summary[@]}"
echo "test.sh: total $(( $(date +%s) - start )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "test.sh: FAILED: ${failed[*]}"
  exit 1
fi
