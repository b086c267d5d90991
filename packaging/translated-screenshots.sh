#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of the Spanish translation: the demo clinic's login window and the doctor's window,
# taken from the real executable under Xvfb (xdotool types the demo doctor's public password).
#
#   bash packaging/translated-screenshots.sh [PRESET|BUILD-DIR]   # writes docs/screenshots/{login,doctor}-es.png
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-dev}"
[[ "${BUILD}" == */* ]] || BUILD="build/${BUILD}"
OUT="$(pwd)/docs/screenshots"
for tool in xvfb-run xdotool import; do
    command -v "$tool" >/dev/null || { echo "translated-screenshots: $tool missing (bash packaging/install-deps.sh --packaging)" >&2; exit 1; }
done
TMP=$(mktemp -d)
trap 'rm -rf "${TMP}"' EXIT
export HOME="${TMP}" XDG_DATA_HOME="${TMP}/data" LANG=es_ES.UTF-8 LANGUAGE=es LC_ALL=
# The 3072-bit fixture key instead of generating one (see packaging/README.md, install test).
"${BUILD}/app/cipherchart-cli" demo init --clinic "${XDG_DATA_HOME}/cipherchart/demo-clinic" \
    --report-key-file tests/data/paillier/test-key-3072.json >/dev/null

xvfb-run -a -s "-screen 0 1280x860x24" bash -c '
    set -euo pipefail
    log="$3/gui.log"
    "$1/app/cipherchart" --demo >"$log" 2>&1 &
    gui=$!
    trap "kill $gui 2>/dev/null || true" EXIT
    wait_for() { # window name pattern
        for _ in $(seq 1 120); do
            id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1) && [ -n "$id" ] && { echo "$id"; return 0; }
            sleep 0.5
        done
        echo "no window \"$1\"" >&2; cat "$log" >&2; return 1
    }
    # ASCII patterns: xdotool matches with regcomp in the C locale.
    login=$(wait_for "Iniciar sesi")
    sleep 1
    import -window "$login" "$2/login-es.png"
    xdotool windowactivate --sync "$login" 2>/dev/null || xdotool windowfocus --sync "$login"
    # The account field has the focus: account, Tab, password, Enter.
    xdotool type --delay 20 "doctor"
    xdotool key Tab
    xdotool type --delay 20 "demo-doctor-pass"
    xdotool key Return
    doctor=$(wait_for "CipherChart.*doctor")
    sleep 2
    import -window "$doctor" "$2/doctor-es.png"
' _ "${BUILD}" "${OUT}" "${TMP}"
echo "translated-screenshots: ${OUT}/login-es.png ${OUT}/doctor-es.png"
