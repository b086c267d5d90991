// SPDX-License-Identifier: GPL-3.0-or-later
// Add or edit an allergy (substance code, name, since, criticality, status, one reaction).
#pragma once

#include "core/Result.h"
#include "core/model/Allergy.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class AllergyDialog;
}

namespace cc::ui {

class CodedEntryBinding;

/// The allergy form of the chart. The dialog checks what a form can (a required text, the code's syntax in its system);
/// the rules of the record itself are the service's: `submit` stores the allergy and its error
/// (naming the field) is shown inline, the dialog staying open. Accepted only when `submit` succeeds.
class AllergyDialog : public QDialog
{
    Q_OBJECT

public:
    /// Stores the allergy (ClinicalEntryService); called by accept().
    using Submit = std::function<Status(const model::Allergy&)>;

    explicit AllergyDialog(Submit submit, QWidget* parent = nullptr);
    ~AllergyDialog() override;

    /// Fills the form from an existing allergy (edit mode); fields the form does not show are kept.
    void setAllergy(const model::Allergy& allergy);
    /// The allergy the form describes.
    [[nodiscard]] model::Allergy allergy() const;
    /// The inline message shown, empty if none.
    [[nodiscard]] QString errorText() const;

public slots:
    void accept() override;
    /// Asks before closing with a change not saved (entryform::confirmDiscard).
    void reject() override;

private:
    void showError(const QString& text);

    std::unique_ptr<Ui::AllergyDialog> m_ui;
    Submit m_submit;
    model::Allergy m_original;
    CodedEntryBinding* m_coding = nullptr;
};

} // namespace cc::ui
