#!/bin/sh
# Runs a test with no D-Bus session at all (so no keychain), in a throwaway
# HOME: whatever the client would write lands there, and nothing of the
# person running the tests is touched.
set -eu
home=$(mktemp -d "${TMPDIR:-/tmp}/ll-nodbus-XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY XDG_RUNTIME_DIR
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache"
"$@"
