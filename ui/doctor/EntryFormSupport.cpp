// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the chart's entry dialogs.
#include "ui/doctor/EntryFormSupport.h"

#include "ui/common/ErrorText.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialog>
#include <QFormLayout>
#include <QLabel>

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

void showPatient(QDialog* dialog, const QString& patientLine)
{
    auto* label = dialog->findChild<QLabel*>(QStringLiteral("patientLabel"));
    if (label == nullptr) {
        label = new QLabel(dialog);
        label->setObjectName(QStringLiteral("patientLabel"));
        label->setStyleSheet(QStringLiteral("font-weight: 600; background: #eef3f8; padding: 4px;"));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (auto* form = qobject_cast<QFormLayout*>(dialog->layout()))
            form->insertRow(0, label);
        else if (auto* box = qobject_cast<QBoxLayout*>(dialog->layout()))
            box->insertWidget(0, label);
        dialog->setWindowTitle(QStringLiteral("%1 — %2").arg(dialog->windowTitle(), patientLine));
    }
    label->setText(QCoreApplication::translate("EntryForm", "Patient: %1").arg(patientLine));
}

QString inlineError(const Error& error)
{
    if (error.code == ErrorCode::MalformedInput)
        return QString::fromStdString(error.describe());
    return ErrorText::forError(error);
}

} // namespace cc::ui::entryform
