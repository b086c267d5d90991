// SPDX-License-Identifier: GPL-3.0-or-later
// "Open" and "Save as" through one seam that tests can pre-answer.
#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace cc::ui {

/// File name questions. Tests call setNextSaveFileName() so no dialog blocks.
class FileDialog
{
public:
    /// Asks where to save; empty if cancelled. Pre-answered in tests.
    static QString saveFileName(QWidget* parent, const QString& caption, const QString& suggestedName,
                                const QString& filter);
    /// Test seam: the next saveFileName() returns `fileName` (empty: as if cancelled).
    static void setNextSaveFileName(const QString& fileName);
    /// Asks for an existing file to open; empty if cancelled. Pre-answered in tests.
    static QString openFileName(QWidget* parent, const QString& caption, const QString& filter);
    /// Test seam: the next openFileName() returns `fileName` (empty: as if cancelled).
    static void setNextOpenFileName(const QString& fileName);

    /// The caption of the last question asked (tests check whom it names).
    [[nodiscard]] static QString lastCaption() { return s_lastCaption; }

private:
    static QString s_lastCaption;
    static std::optional<QString> s_nextSaveFileName;
    static std::optional<QString> s_nextOpenFileName;
};

} // namespace cc::ui
