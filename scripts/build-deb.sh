#!/usr/bin/env bash
# Builds the Debian package vigil_VERSION_ARCH.deb (installer/CMakeLists.txt, docs/INSTALL.md):
#
#   scripts/build-deb.sh                       build/deb/vigil_<project version>_amd64.deb
#   scripts/build-deb.sh --version 0.0.9 DIR   the same binaries packaged as another version, into DIR
#                                              (tests/installer/test-deb.sh: the "previous" package)
#   scripts/build-deb.sh --lintian             and run lintian on it (errors fail)
#
# Only the packaged programs are built (vigil, vigil-gateway-sim, the man pages), in the build tree
# ($VIGIL_BUILD_DIR, default build/), Release, warnings are errors; then cpack packs them (stripped).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VIGIL_BUILD_DIR:-$root/build}"
version=""
out="$build/deb"
lint=0
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="${2:?--version needs a version}"; out="${3:?--version needs an output folder}"; shift 2 ;;
    --lintian) lint=1 ;;
    *) echo "build-deb: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done

VIGIL_CMAKE_ARGS="-DVIGIL_WERROR=ON ${VIGIL_CMAKE_ARGS:-}" \
  VIGIL_BUILD_TARGETS="vigil vigil-gateway-sim vigil_installer_files" "$root/scripts/build.sh" >/dev/null
mkdir -p "$out"
args=(-G DEB --config "$build/CPackConfig.cmake" -B "$out")
[ -n "$version" ] && args+=(-D "CPACK_DEBIAN_PACKAGE_VERSION=$version")
(cd "$build" && cpack "${args[@]}" >/dev/null)
rm -rf "$out/_CPack_Packages"
deb="$(ls -t "$out"/vigil_*.deb | head -1)"
echo "$deb"
if [ "$lint" = 1 ]; then
  # Errors fail; warnings are printed. The tags suppressed are explained in docs/INSTALL.md.
  lintian --fail-on error --suppress-tags-from-file "$root/installer/lintian-suppressions" "$deb" >&2
fi
