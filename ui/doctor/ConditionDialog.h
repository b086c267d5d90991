// SPDX-License-Identifier: GPL-3.0-or-later
// Add or edit a problem (ICD-10 or SNOMED CT code, name, onset, resolution, clinical status).
#pragma once

#include "core/Result.h"
#include "core/model/Condition.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class ConditionDialog;
}

namespace cc::ui {

class CodedEntryBinding;

/// The problem form of the chart. The dialog checks what a form can (a required text, the code's syntax in its system);
/// the rules of the record itself are the service's: `submit` stores the condition and its error
/// (naming the field) is shown inline, the dialog staying open. Accepted only when `submit` succeeds.
class ConditionDialog : public QDialog
{
    Q_OBJECT

public:
    /// Stores the condition (ClinicalEntryService); called by accept().
    using Submit = std::function<Status(const model::Condition&)>;

    explicit ConditionDialog(Submit submit, QWidget* parent = nullptr);
    ~ConditionDialog() override;

    /// Fills the form from an existing condition (edit mode); fields the form does not show are kept.
    void setCondition(const model::Condition& condition);
    /// The condition the form describes.
    [[nodiscard]] model::Condition condition() const;
    /// The inline message shown, empty if none.
    [[nodiscard]] QString errorText() const;

public slots:
    void accept() override;
    /// Asks before closing with a change not saved (entryform::confirmDiscard).
    void reject() override;

private:
    void showError(const QString& text);

    std::unique_ptr<Ui::ConditionDialog> m_ui;
    Submit m_submit;
    model::Condition m_original;
    CodedEntryBinding* m_coding = nullptr;
};

} // namespace cc::ui
