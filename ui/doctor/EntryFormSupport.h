// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the chart's entry dialogs: ISO dates from QDateEdit and inline error text.
#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>

class QDateEdit;
class QDialog;

namespace cc::ui::entryform {

/// Shows `iso` (an ISO 8601 date or date-time; its date part) in `edit`; today's date if empty.
void setDate(QDateEdit* edit, const QString& iso, const QDate& today);
/// The ISO 8601 date of `edit`, or `original` unchanged when its date part is the one shown (an
/// edit keeps an imported date-time rather than truncating it to a date).
[[nodiscard]] QString isoDate(const QDateEdit* edit, const QString& original);
/// Shows whose chart a dialog writes to: a bold "Patient: Doe, Jane — MRN 12345" line
/// (patientLabel) at the top of the dialog and the same text in its window title.
void showPatient(QDialog* dialog, const QString& patientLine);
/// The message for an inline error: a MalformedInput names its field ("medication.stop: is before
/// the start"), other errors read as ErrorText gives them.
[[nodiscard]] QString inlineError(const Error& error);

/// Guards a dialog's typed input: the values of its fields (line edits, combo boxes, dates, check
/// boxes, plain text) are noted when it is shown; confirmDiscard() then asks before a close that
/// would lose a change, and is true when nothing changed or the user agrees.
void watchInput(QDialog* dialog);
[[nodiscard]] bool confirmDiscard(QDialog* dialog);

} // namespace cc::ui::entryform
