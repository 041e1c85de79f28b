#!/usr/bin/env bash
# The README's two commands:
#   tools/dev.sh start   install what is missing, build, start Little Lemon in standalone mode with demo data
#   tools/dev.sh test    install what is missing, build, run every test (ctest)
# Environment: BUILD_DIR (default build), BUILD_TYPE (default Release), LL_SANITIZE=ON for asan+ubsan.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
BUILD_TYPE=${BUILD_TYPE:-Release}
JOBS=${JOBS:-2}

# ccache: paths under the checkout are hashed relative to it, so a fresh clone
# elsewhere on this machine (CI) reuses the objects of an earlier build.
export CCACHE_BASEDIR="$ROOT"
export CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}

setup() {
    bash "$ROOT/tools/setup-deps.sh"
}

build() {
    local generator=()
    if [ ! -f "$BUILD_DIR/CMakeCache.txt" ] && command -v ninja >/dev/null; then
        generator=(-G Ninja)
    fi
    cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" \
        -DLL_SANITIZE="${LL_SANITIZE:-OFF}" >/dev/null
    cmake --build "$BUILD_DIR" -j"$JOBS"
}

case "${1:-}" in
start)
    setup
    build
    DATA_DIR=${LL_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/littlelemon-demo}
    mkdir -p "$DATA_DIR"
    echo "Little Lemon server with demo data; data in $DATA_DIR. Stop it with Ctrl+C."
    exec "$BUILD_DIR/app/server/littlelemon-server" --listen "${LL_LISTEN:-127.0.0.1:8000}" \
        --data-dir "$DATA_DIR" --demo-data
    ;;
test)
    setup
    build
    cd "$BUILD_DIR"
    exec ctest --output-on-failure -j"$JOBS" --timeout 600
    ;;
*)
    echo "usage: $0 start|test" >&2
    exit 2
    ;;
esac
