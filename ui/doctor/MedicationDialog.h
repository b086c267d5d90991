// SPDX-License-Identifier: GPL-3.0-or-later
// Add or edit a medication (RxNorm code, name, start and stop dates, dosage, status).
#pragma once

#include "core/Result.h"
#include "core/model/Medication.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class MedicationDialog;
}

namespace cc::ui {

class CodedEntryBinding;

/// The medication form of the chart. The dialog checks what a form can (a required text, the code's syntax in its
/// system); the rules of the record itself are the service's: `submit` stores the medication and its error (naming the
/// field) is shown inline, the dialog staying open. Accepted only when `submit` succeeds.
class MedicationDialog : public QDialog
{
    Q_OBJECT

public:
    /// Stores the medication (ClinicalEntryService); called by accept().
    using Submit = std::function<Status(const model::Medication&)>;

    explicit MedicationDialog(Submit submit, QWidget* parent = nullptr);
    ~MedicationDialog() override;

    /// Fills the form from an existing medication (edit mode); fields the form does not show are kept.
    void setMedication(const model::Medication& medication);
    /// The medication the form describes.
    [[nodiscard]] model::Medication medication() const;
    /// The inline message shown, empty if none.
    [[nodiscard]] QString errorText() const;

public slots:
    void accept() override;
    /// Asks before closing with a change not saved (entryform::confirmDiscard).
    void reject() override;

private:
    void showError(const QString& text);

    std::unique_ptr<Ui::MedicationDialog> m_ui;
    Submit m_submit;
    model::Medication m_original;
    CodedEntryBinding* m_coding = nullptr;
};

} // namespace cc::ui
