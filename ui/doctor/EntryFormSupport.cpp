// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the chart's entry dialogs.
#include "ui/doctor/EntryFormSupport.h"

#include "ui/common/ErrorText.h"

#include <QDateEdit>

namespace cc::ui::entryform {

void setDate(QDateEdit* edit, const QString& iso, const QDate& today)
{
    const QDate date = QDate::fromString(iso.left(10), Qt::ISODate);
    edit->setDate(date.isValid() ? date : today);
}

QString isoDate(const QDateEdit* edit, const QString& original)
{
    const QString shown = edit->date().toString(Qt::ISODate);
    return original.left(10) == shown ? original : shown;
}

QString inlineError(const Error& error)
{
    if (error.code == ErrorCode::MalformedInput)
        return QString::fromStdString(error.describe());
    return ErrorText::forError(error);
}

} // namespace cc::ui::entryform
