// SPDX-License-Identifier: GPL-3.0-or-later
// Where CipherChart's read-only data lives, relative to the executable so any prefix works.
#include "app/DataDir.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace cc::app {

std::string dataDir()
{
    if (const char* overridden = std::getenv(kDataDirVariable); overridden != nullptr && *overridden != '\0')
        return overridden;
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        return "/usr/share/cipherchart"; // no /proc: the packaged location
    return (exe.parent_path().parent_path() / "share" / "cipherchart").lexically_normal().string();
}

Result<std::string> demoSyntheaDir()
{
    const std::filesystem::path dir = std::filesystem::path(dataDir()) / "demo" / "synthea";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(dir / "patients.csv", ec))
        return makeError(ErrorCode::NotFound, "the demo clinic's sample data is missing from '" + dir.string() +
                                                  "' (reinstall CipherChart, or set " + kDataDirVariable + ")");
    return dir.string();
}

std::string translationsDir()
{
    return (std::filesystem::path(dataDir()) / "translations").string();
}

std::string installTranslators(QCoreApplication& application)
{
    const QLocale locale;
    auto* qt = new QTranslator(&application);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(&application);
    if (!own->load(locale, QStringLiteral("cipherchart"), QStringLiteral("_"),
                   QString::fromStdString(translationsDir()))) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    return own->language().toStdString();
}

} // namespace cc::app
