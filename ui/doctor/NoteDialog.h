// SPDX-License-Identifier: GPL-3.0-or-later
// The dialog that writes or amends a clinical note: title, text and the "shared with the patient" choice.
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class NoteDialog;
}

namespace cc::ui {

/// Collects a note's title, text and sharing. Save stays disabled while the input is invalid
/// (empty text, or a title or text over the model's limits) and the reason is shown. Storing,
/// sealing and auditing are NoteService's.
class NoteDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NoteDialog(QWidget* parent = nullptr);
    ~NoteDialog() override;

    /// Names the patient the note is written for (patientLabel and the window title).
    void setPatientLine(const QString& patientLine);
    /// Fills the dialog for an amendment.
    void setNote(const QString& title, const QString& text, bool shared);
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString text() const;
    [[nodiscard]] bool shared() const;
    /// The validation message shown, or empty if the input can be saved.
    [[nodiscard]] QString problem() const;
    /// The patient line shown (empty if none).
    [[nodiscard]] QString patientText() const;
    /// True if something was typed that Save has not stored.
    [[nodiscard]] bool hasUnsavedInput() const;

    /// Asks before dropping typed text (MessageBox seam).
    void reject() override;

private:
    void validate();
    std::unique_ptr<Ui::NoteDialog> m_ui;
    QString m_originalTitle;
    QString m_originalText;
};

} // namespace cc::ui
