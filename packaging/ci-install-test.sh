#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Install test (CI, as root, on the machine itself): build the .deb, check it (lintian, desktop entry,
# AppStream), install it with apt-get, run both executables from /usr/bin, start the GUI on the demo
# clinic under Xvfb until its login window appears, take a screenshot, purge, and check that nothing
# is left in /usr.
#
#   bash packaging/ci-install-test.sh [PRESET]     # PRESET: dev (default; CI has just built it) or release
#
# Packaging the dev tree reuses CI's build: dev and release differ only by -g (RelWithDebInfo, stripped
# by CPack) and both use the same hardening flags. Only the installed targets are built here.
# Screenshot: build/<preset>/install-test/login.png. Each step prints its time.
set -euo pipefail
cd "$(dirname "$0")/.."
PRESET="${1:-dev}"
BUILD="build/${PRESET}"
OUT="${BUILD}/install-test"
START=$SECONDS
step() { echo "install-test: [$((SECONDS - START)) s] $*"; }
fail() {
    echo "install-test: FAILED: $*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root (it installs and purges the package)"
if dpkg-query -W -f='${Status}' cipherchart 2>/dev/null | grep -q 'install ok installed'; then
    fail "cipherchart is already installed; purge it first (apt-get purge cipherchart)"
fi

step "tools"
bash packaging/install-deps.sh --packaging

step "build (${PRESET}: the two executables and the packaged files)"
[ -f "${BUILD}/CMakeCache.txt" ] || cmake --preset "${PRESET}" >/dev/null
cmake --build --preset "${PRESET}" --target cipherchart cipherchart-cli cc_icons cc_man_pages cc_changelog \
    cc_translations
rm -rf "${OUT}" && mkdir -p "${OUT}"
rm -f "${BUILD}"/cipherchart_*.deb

step "package (cpack)"
(cd "${BUILD}" && cpack -G DEB >/dev/null)
DEB=$(ls "${BUILD}"/cipherchart_*.deb)
dpkg-deb --field "${DEB}"
DEPENDS=$(dpkg-deb --field "${DEB}" Depends)
[ -n "${DEPENDS}" ] || fail "no computed Depends"
if grep -q 'sqlite' <<<"${DEPENDS}"; then fail "a SQLite package among the dependencies: ${DEPENDS}"; fi
CONTENTS=$(dpkg-deb --contents "${DEB}")
grep -q ' ./usr/bin/cipherchart$' <<<"${CONTENTS}" || fail "no /usr/bin/cipherchart"
grep -q ' ./usr/bin/cipherchart-cli$' <<<"${CONTENTS}" || fail "no /usr/bin/cipherchart-cli"

step "lintian, desktop-file-validate, appstreamcli"
# Runs as root on CI: lintian would refuse without --allow-root.
lintian --allow-root --fail-on error --display-info "${DEB}" | tee "${OUT}/lintian.txt"
desktop-file-validate packaging/org.cipherchart.CipherChart.desktop
appstreamcli validate --no-net "${BUILD}/packaging/org.cipherchart.CipherChart.metainfo.xml"

step "apt-get install ./${DEB}"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "${DEB}")" >"${OUT}/apt-install.log"
dpkg -L cipherchart | sort >"${OUT}/files.txt"
[ "$(command -v cipherchart-cli)" = /usr/bin/cipherchart-cli ] || fail "cipherchart-cli is not /usr/bin's"
[ "$(/usr/bin/cipherchart-cli --version)" = "cipherchart-cli $(dpkg-query -W -f='${Version}' cipherchart | cut -d- -f1)" ] ||
    fail "cipherchart-cli --version disagrees with the package version"
QT_QPA_PLATFORM=offscreen /usr/bin/cipherchart --version
/usr/bin/cipherchart-cli selftest | tail -1
man -w cipherchart cipherchart-cli >/dev/null || fail "manual pages not found"
desktop-file-validate /usr/share/applications/org.cipherchart.CipherChart.desktop
if command -v update-mime-database >/dev/null; then # shared-mime-info's trigger registers the types
    [ -f /usr/share/mime/application/x-cipherchart-backup.xml ] || fail "the backup MIME type is not registered"
fi

step "demo clinic from the installed data"
HOME_DIR=$(mktemp -d)
trap 'rm -rf "${HOME_DIR}"' EXIT
export HOME="${HOME_DIR}" XDG_DATA_HOME="${HOME_DIR}/data" LC_ALL=C.UTF-8 LANGUAGE=
# The GUI's first start would generate a 3072-bit report key (safe primes: tens of seconds to minutes
# on a loaded machine); the test deals the 3072-bit fixture key through the installed CLI instead,
# which also imports the sample from /usr/share/cipherchart/demo. The GUI then opens that clinic.
/usr/bin/cipherchart-cli --json demo init --clinic "${XDG_DATA_HOME}/cipherchart/demo-clinic" \
    --report-key-file tests/data/paillier/test-key-3072.json >"${OUT}/demo-init.json"
grep -q '"patients": 27' "${OUT}/demo-init.json" || fail "the demo sample did not import 27 patients"

step "cipherchart --demo under Xvfb until the login window appears"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    /usr/bin/cipherchart --demo >"$1/gui.log" 2>&1 &
    gui=$!
    for _ in $(seq 1 120); do
        if id=$(xdotool search --onlyvisible --name "DEMO clinic — Log in" 2>/dev/null | head -1) && [ -n "$id" ]; then
            sleep 1
            import -window "$id" "$1/login.png"
            kill "$gui"
            wait "$gui" || true
            exit 0
        fi
        kill -0 "$gui" 2>/dev/null || { cat "$1/gui.log"; exit 1; }
        sleep 0.5
    done
    kill "$gui"
    exit 1' _ "${OUT}" || fail "no login window within 60 s (log: ${OUT}/gui.log)"
[ -s "${OUT}/login.png" ] || fail "no screenshot"

step "apt-get purge"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq cipherchart >"${OUT}/apt-purge.log"
left=""
while read -r path; do
    # Directories shared with other packages (/usr/share/applications, ...) stay; our files must not.
    if [ -e "${path}" ] && ! [ -d "${path}" ]; then left+="${path} "; fi
    if [ -d "${path}" ] && [[ "${path}" == *cipherchart* ]]; then left+="${path} "; fi
done <"${OUT}/files.txt"
[ -z "${left}" ] || fail "left in /usr after purge: ${left}"
if find /usr -name '*cipherchart*' -print -quit | grep -q .; then
    fail "left in /usr after purge: $(find /usr -name '*cipherchart*' | head -5)"
fi
step "passed: ${DEB}, screenshot ${OUT}/login.png"
