#!/usr/bin/env bash
# The README's two commands:
#   tools/dev.sh start   install what is missing, build, start Little Lemon in standalone mode with demo data
#   tools/dev.sh test    install what is missing, build, run every test (ctest), then fuzz/run
# Environment: BUILD_DIR (default build), BUILD_TYPE (default Release), LL_SANITIZE=ON for asan+ubsan,
# FUZZ_SECONDS (default 15) per fuzz target.
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
    # The staff terminal in standalone mode with the demo restaurant, signed
    # in as the demo manager. Its data: LL_DATA_DIR, or the desk's own demo
    # folder under ~/.local/share.
    desk=("$BUILD_DIR/app/desk/littlelemon-desk" --demo-data)
    [ -n "${LL_DATA_DIR:-}" ] && desk+=(--data-dir "$LL_DATA_DIR")
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        echo "Little Lemon Desk: the demo restaurant, signed in as the manager (mario). Close the window to stop."
        exec "${desk[@]}"
    fi
    cat >&2 <<'MSG'
No display here (neither DISPLAY nor WAYLAND_DISPLAY is set): Little Lemon Desk
is a desktop application and needs one to be seen. Ways to look at it:
  - run this command on a machine with a desktop, or log in with `ssh -X` so
    the window opens on your own screen;
  - look at the pictures of every page: bash tools/screenshots  (PNGs in docs/screenshots)
MSG
    if command -v xvfb-run >/dev/null; then
        echo "Starting it anyway on a virtual display (xvfb-run), invisible; stop it with Ctrl+C." >&2
        # No D-Bus session either: a keyring would ask for a password in a
        # window nobody can see, and wait for ever. The sign-in stays in memory.
        DBUS_SESSION_BUS_ADDRESS=disabled: exec xvfb-run -a -s "-screen 0 1366x800x24" "${desk[@]}"
    fi
    echo "xvfb-run is not installed either (apt-get install xvfb), so nothing was started." >&2
    exit 1
    ;;
test)
    setup
    build
    # The .deb and .tar.gz (CPack): tests/packaging/tst_deb inspects them.
    cmake --build "$BUILD_DIR" --target package
    # Every fuzz target from its seeds (fuzz/run: clang + libFuzzer in its own
    # build directory); a crash, leak or sanitizer report fails. It runs
    # before ctest so that the run ends with ctest's summary.
    bash "$ROOT/fuzz/run" --seconds "${FUZZ_SECONDS:-15}" --jobs "$JOBS"
    cd "$BUILD_DIR"
    exec ctest --output-on-failure -j"$JOBS" --timeout 600
    ;;
*)
    echo "usage: $0 start|test" >&2
    exit 2
    ;;
esac
