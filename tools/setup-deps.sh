#!/usr/bin/env bash
# Installs, with apt-get, exactly the Debian 12 packages the build, the tests
# and the demo need that are not installed yet. Idempotent; silent when all is there.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config ccache
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
    qtkeychain-qt6-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libjwt-dev libgl-dev libsqlite3-dev
    # running and testing: offscreen/X display, D-Bus session with a keyring
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools qt6-qpa-plugins
    # trying the desk by keys on a real X server (docs TRYING, tools/try-shift)
    xdotool imagemagick x11-utils
    # benchmarks and packaging checks
    wrk desktop-file-utils dpkg-dev file
    # fuzzing (fuzz/run): clang with libFuzzer and the sanitizer runtimes
    clang-14 libclang-rt-14-dev
    # fault and hostile-input tests: a server with a faked clock, hand-signed RS256 tokens
    libfaketime openssl
    # Qt's own translations (Spanish "Cancelar" in tst_translations; the .deb only recommends them)
    qt6-translations-l10n
    # the cloud API's own code as a test peer (../shared/cloud-peer/run, tests/cloud, bench/cloud)
    python3-django python3-djangorestframework python3-django-filters
    python3-djangorestframework-simplejwt python3-djoser
    python3-djangorestframework-spectacular python3-pymysql gunicorn curl
    # Python itself: tests read CSV back with its csv module (tst_server_reportfigures), tools/ts-merge.py
    python3
    # printing through a private cupsd (tests/print) and reading PDFs back (print, reports)
    cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
