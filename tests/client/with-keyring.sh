#!/bin/sh
# Runs a test with a real Secret Service: a private D-Bus session with an
# unlocked gnome-keyring-daemon, in a throwaway HOME (the keyring file lands
# there and goes when the test ends).
set -eu
for pair in dbus-run-session:dbus gnome-keyring-daemon:gnome-keyring; do
    tool=${pair%%:*} package=${pair#*:}
    command -v "$tool" >/dev/null || { echo "with-keyring.sh: $tool is missing: install the package $package (tools/setup-deps.sh)" >&2; exit 1; }
done
home=$(mktemp -d "${TMPDIR:-/tmp}/ll-keyring-XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
unset DISPLAY WAYLAND_DISPLAY
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache"
export XDG_RUNTIME_DIR="$home/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c 'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' keyring "$@"
