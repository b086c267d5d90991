// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's translated text. Every user-visible string the CLI itself writes (help, labels,
// prompts, its own error messages) goes through Cli::tr("..."), which lupdate collects into the
// "Cli" context of resources/translations/*.ts; utf8() turns the result into the std::string the
// CLI's streams take. Messages of core errors (Error::describe) stay in English: they name files,
// lines and fields for support staff and scripts (docs/PACKAGING.md, translations).
#pragma once

#include <QCoreApplication>
#include <QString>

#include <string>

namespace cc::cli {

/// The translation context of the CLI: `Cli::tr("Usage:")`, `Cli::tr("%1 rows").arg(n)`.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

/// A translated string as UTF-8 for std::ostream.
[[nodiscard]] inline std::string utf8(const QString& text)
{
    return text.toStdString();
}

} // namespace cc::cli
