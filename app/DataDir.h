// SPDX-License-Identifier: GPL-3.0-or-later
// Where CipherChart's read-only data lives: the demo sample and the translations.
#pragma once

#include "core/Result.h"

#include <string>

class QCoreApplication;

namespace cc::app {

/// The environment variable that overrides dataDir() (tests, relocated installs).
inline constexpr const char* kDataDirVariable = "CIPHERCHART_DATA_DIR";

/// CipherChart's read-only data folder: $CIPHERCHART_DATA_DIR when set, else
/// `<folder of the running executable>/../share/cipherchart`. Installed in /usr/bin that is
/// /usr/share/cipherchart (the Debian package); in a build tree, build/<preset>/app/.. gives
/// build/<preset>/share/cipherchart, which cmake/Packaging.cmake fills at build time.
[[nodiscard]] std::string dataDir();

/// The demo clinic's Synthea sample (`dataDir()/demo/synthea`); NotFound naming the folder when
/// its patients.csv is missing (a broken install or a build tree without the staged data).
[[nodiscard]] Result<std::string> demoSyntheaDir();

/// The compiled translations folder (`dataDir()/translations`, cipherchart_<locale>.qm).
[[nodiscard]] std::string translationsDir();

/// Installs the translators for the system locale (LANG, LC_ALL, LC_MESSAGES, LANGUAGE): Qt's own
/// strings (qtbase_<lang>.qm from Qt's translations folder, if installed) and CipherChart's
/// (translationsDir()). Without a translation for the locale the English sources stay. Returns
/// the language loaded for CipherChart's strings ("es"), or an empty string.
std::string installTranslators(QCoreApplication& application);

} // namespace cc::app
