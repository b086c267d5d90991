// SPDX-License-Identifier: GPL-3.0-or-later
// Confirmations and notices through one seam that tests can pre-answer.
#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace cc::ui {

/// Modal questions and notices. Tests call setNextAnswer() before the action, so no dialog blocks;
/// they can also read lastText() to check what the user would have seen.
class MessageBox
{
public:
    /// Asks a yes/no question; true for yes. Pre-answered in tests.
    static bool confirm(QWidget* parent, const QString& title, const QString& text);
    /// Shows a warning (not shown while the test mode is on).
    static void warning(QWidget* parent, const QString& title, const QString& text);

    /// Test seam: the answer the next confirm() returns without showing a dialog.
    static void setNextAnswer(bool yes);
    /// Test seam: never show a dialog (confirm() answers "no" unless pre-answered).
    static void setTestMode(bool on);
    /// The text of the last question or warning.
    static QString lastText();

private:
    static std::optional<bool> s_nextAnswer;
    static bool s_testMode;
    static QString s_lastText;
};

} // namespace cc::ui
