#!/usr/bin/env bash
# Builds the HL7 libFuzzer targets with clang and runs each for a while, one after the other.
#   run-fuzz.sh [seconds per target (20)] [output dir (<repo>/build/fuzz)] [target...]
# Targets: fuzz_mllp (Qt-free framer), fuzz_hl7 (parser + PCD decoder + ACKs; links QtCore).
# Seeds are the shared reference messages (VIGIL_SHARED_DATA, default <repo>/../shared/data/hl7).
# Exit: 0 clean, 1 crash or build failure, 77 (ctest SKIP_RETURN_CODE) when clang/libFuzzer/Qt is missing.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
secs=${1:-20}
out=${2:-$repo/build/fuzz}
shift $(($# < 2 ? $# : 2))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_mllp fuzz_hl7)
shared=${VIGIL_SHARED_DATA:-$repo/../shared/data}
cxx=${FUZZ_CXX:-clang++-14}
src=$repo/services/hl7

mkdir -p "$out/artifacts"
if ! command -v "$cxx" >/dev/null; then
    echo "SKIP: $cxx not found (apt-get install clang-14)"
    exit 77
fi
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }\n' >"$out/probe.cpp"
if ! "$cxx" -fsanitize=fuzzer "$out/probe.cpp" -o "$out/probe" 2>"$out/probe.log"; then
    echo "SKIP: $cxx cannot link libFuzzer (apt-get install libclang-rt-14-dev)"
    exit 77
fi

flags=(-std=c++20 -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
       -fno-sanitize-recover=undefined -Wall -Wextra -Wno-unused-parameter -I"$src")
core=("$src"/Hl7Message.cpp "$src"/Hl7Text.cpp "$src"/Hl7Builder.cpp "$src"/Hl7Ack.cpp "$src"/Mllp.cpp)

build() { # target, sources and flags...
    local t=$1
    shift
    local bin=$out/$t
    # Rebuild only when a source is newer than the binary.
    if [ -x "$bin" ] && [ -z "$(find "$src" "$here" -newer "$bin" \( -name '*.cpp' -o -name '*.h' \) | head -1)" ]; then
        return 0
    fi
    echo "building $t"
    "$cxx" "${flags[@]}" "$@" -o "$bin" 2>"$out/$t.build.log" || { cat "$out/$t.build.log"; return 1; }
}

seed() { # target corpus-dir
    local t=$1 dir=$2
    mkdir -p "$dir"
    [ -d "$shared/hl7" ] || { echo "note: no seeds ($shared/hl7 absent)"; return 0; }
    local f
    for f in "$shared"/hl7/*; do
        local name
        name=$(basename "$f")
        if [ "$t" = fuzz_mllp ]; then
            # Two control bytes (frame cap, chunking), then the message framed twice with noise between.
            { printf '\x10\x07\x0b'; cat "$f"; printf '\x1c\x0dnoise\x0b'; cat "$f"; printf '\x1c\x0d'; } >"$dir/seed-$name"
        else
            cp "$f" "$dir/seed-$name"
        fi
    done
}

status=0
for t in "${targets[@]}"; do
    case $t in
    fuzz_mllp)
        build "$t" "$here/fuzz_mllp.cpp" "$src/Mllp.cpp" || { status=1; continue; } ;;
    fuzz_hl7)
        if ! qt=$(pkg-config --cflags --libs Qt6Core 2>/dev/null); then
            echo "SKIP: fuzz_hl7 needs Qt6Core (pkg-config)"
            [ ${#targets[@]} -eq 1 ] && exit 77
            continue
        fi
        # shellcheck disable=SC2086
        build "$t" -fPIC -I"$repo/models/domain" "$here/fuzz_hl7.cpp" "${core[@]}" "$src"/Pcd*.cpp "$repo/models/domain/Mdc.cpp" "$repo/models/domain/Alarm.cpp" "$repo/models/domain/Ingest.cpp" $qt || { status=1; continue; } ;;
    *)
        echo "unknown target $t"
        status=1
        continue ;;
    esac
    corpus=$out/corpus-${t#fuzz_}
    seed "$t" "$corpus"
    echo "running $t for ${secs}s (corpus $corpus)"
    "$out/$t" "$corpus" -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -dict="$here/hl7.dict" -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-" >"$out/$t.log" 2>&1
    rc=$?
    grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$out/$t.log" |
        sed "s/^/  $t: /"
    echo "  $t: corpus files $(find "$corpus" -type f | wc -l)"
    if [ $rc -ne 0 ]; then
        echo "FAIL: $t exited $rc; log $out/$t.log, reproducer in $out/artifacts/"
        grep -E 'ERROR|SUMMARY|runtime error|deadly signal' "$out/$t.log" | head -20
        status=1
    fi
done
exit $status
