#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package that CipherChart's build, app, tests and benchmarks need.
# Non-interactive and idempotent; returns at once when everything is present.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libgl-dev libxkbcommon-dev
    libsqlcipher-dev libsodium-dev libgmp-dev libssl-dev libgfshare-dev
    libsqlite3-dev            # plain SQLite, linked only by the SQLCipher-vs-SQLite benchmark
    clang-format clang-tidy
    clang-14 libfuzzer-14-dev libclang-rt-14-dev  # CI only: the libFuzzer targets under ASan+UBSan (docs/FUZZING.md)
    xvfb xauth imagemagick fonts-dejavu-core
    python3 python3-jsonschema  # tests only: the exported FHIR bundles checked against HL7's R4 schema
    help2man librsvg2-bin qt6-l10n-tools  # build: manual pages, hicolor icons, translations (.qm)
    rsyslog                     # tests only: tests/app/insider starts its own rsyslogd as the audit witness
)
# --packaging: also the tools that check the .deb (packaging/ci-install-test.sh).
if [ "${1:-}" = "--packaging" ]; then
    PACKAGES+=(lintian desktop-file-utils appstream xdotool)
fi

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    echo "install-deps: installing ${missing[*]}"
    $SUDO apt-get update -qq
    # --no-install-recommends keeps Qt's SQLite driver (libqt6sql6-sqlite) off the machine:
    # a second SQLite in the process would write plaintext or crash (DESIGN.md section 5).
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if dpkg-query -W -f='${Status}' libqt6sql6-sqlite 2>/dev/null | grep -q 'install ok installed'; then
    echo "install-deps: warning: libqt6sql6-sqlite is installed; CipherChart never loads it" >&2
fi
