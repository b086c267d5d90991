// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the chart's entry dialogs.
#include "ui/doctor/EntryFormSupport.h"

#include "ui/common/ErrorText.h"
#include "ui/common/MessageBox.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialog>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

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

namespace {

constexpr const char* kShownState = "ccShownInput";

/// The values of every input field of `dialog`, in a fixed order.
QStringList inputState(const QDialog* dialog)
{
    QStringList state;
    for (const auto* edit : dialog->findChildren<QLineEdit*>()) {
        // The line edits inside a date edit or an editable combo box are counted by their owner.
        const QObject* owner = edit->parent();
        if (qobject_cast<const QAbstractSpinBox*>(owner) == nullptr && qobject_cast<const QComboBox*>(owner) == nullptr)
            state << edit->text();
    }
    for (const auto* combo : dialog->findChildren<QComboBox*>())
        state << QString::number(combo->currentIndex());
    for (const auto* date : dialog->findChildren<QDateEdit*>())
        state << date->date().toString(Qt::ISODate);
    for (const auto* box : dialog->findChildren<QCheckBox*>())
        state << (box->isChecked() ? QStringLiteral("1") : QStringLiteral("0"));
    for (const auto* text : dialog->findChildren<QPlainTextEdit*>())
        state << text->toPlainText();
    return state;
}

/// Notes the input state when the dialog shows (after the caller filled it for an edit).
class InputWatcher : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Show)
            if (auto* dialog = qobject_cast<QDialog*>(watched))
                dialog->setProperty(kShownState, inputState(dialog));
        return false;
    }
};

} // namespace

void watchInput(QDialog* dialog)
{
    dialog->installEventFilter(new InputWatcher(dialog));
}

bool confirmDiscard(QDialog* dialog)
{
    const QVariant shown = dialog->property(kShownState);
    if (!shown.isValid() || shown.toStringList() == inputState(dialog))
        return true;
    return MessageBox::confirm(
        dialog, QCoreApplication::translate("EntryForm", "Discard changes"),
        QCoreApplication::translate("EntryForm", "Close without saving? What you typed is lost."));
}

} // namespace cc::ui::entryform
