// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/ChartEntryBar.h"

#include "core/services/ClinicalEntryService.h"
#include "ui/common/ErrorText.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/AllergyDialog.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/ConditionDialog.h"
#include "ui/doctor/EntryFormSupport.h"
#include "ui/doctor/MedicationDialog.h"

#include "ui_ChartEntryBar.h"

#include <QTableView>

namespace cc::ui {

namespace {

/// The entry with this id in a freshly read (and audited) list, or nullopt.
template <typename T> std::optional<T> findById(const Result<std::vector<T>>& list, const model::RowId& id)
{
    if (!list)
        return std::nullopt;
    for (const T& entry : *list)
        if (entry.id == id)
            return entry;
    return std::nullopt;
}

} // namespace

ChartEntryBar::ChartEntryBar(services::ClinicService& clinic, Kind kind, QTableView* table, ChartTableModel* model,
                             QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ChartEntryBar>())
    , m_clinic(clinic)
    , m_kind(kind)
    , m_table(table)
    , m_model(model)
{
    m_ui->setupUi(this);
    connect(m_ui->addPushButton, &QPushButton::clicked, this, [this] { openDialog(false); });
    connect(m_ui->editPushButton, &QPushButton::clicked, this, [this] { openDialog(true); });
    connect(m_ui->removePushButton, &QPushButton::clicked, this, &ChartEntryBar::remove);
    connect(m_table, &QTableView::doubleClicked, this, [this] { openDialog(true); });
    clear();
}

ChartEntryBar::~ChartEntryBar() = default;

void ChartEntryBar::setPatient(const access::PatientId& patient, const QString& patientLine)
{
    if (m_dialog && patient != m_patient)
        m_dialog->done(QDialog::Rejected); // never outlives its chart; no question (lock, other patient)
    m_patient = patient;
    m_patientLine = patientLine;
    m_hasPatient = true;
    setEnabled(true);
}

void ChartEntryBar::clear()
{
    m_hasPatient = false;
    m_patient = {};
    m_patientLine.clear();
    showError({});
    if (m_dialog)
        m_dialog->done(QDialog::Rejected);
    setEnabled(false);
}

std::optional<model::RowId> ChartEntryBar::selectedId() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    // The table shows a sorting proxy: the row id comes from the index itself.
    auto id = model::rowIdFromHex(current.data(ChartTableModel::KeyRole).toString());
    if (!id)
        return std::nullopt;
    return *id;
}

void ChartEntryBar::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

void ChartEntryBar::openDialog(bool edit)
{
    if (!m_hasPatient || m_dialog)
        return;
    std::optional<model::RowId> id;
    if (edit) {
        id = selectedId();
        if (!id) {
            showError(tr("Select a row to edit."));
            return;
        }
    }
    showError({});
    const access::PatientId patient = m_patient;
    services::ClinicService& clinic = m_clinic;
    QDialog* dialog = nullptr;
    bool found = true;
    switch (m_kind) {
    case Kind::Problems: {
        auto* d = new ConditionDialog(
            [&clinic, patient, edit](const model::Condition& c) -> Status {
                services::ClinicalEntryService service(clinic);
                if (edit) {
                    model::Condition edited = c;
                    edited.patientId = patient; // the chart the row must belong to
                    return service.updateCondition(std::move(edited));
                }
                auto added = service.addCondition(patient, c);
                return added ? Status{} : Status{added.error()};
            },
            this);
        if (id) {
            const auto entry = findById(services::ClinicalEntryService(clinic).conditions(patient), *id);
            found = entry.has_value();
            if (entry)
                d->setCondition(*entry);
        }
        dialog = d;
        break;
    }
    case Kind::Medications: {
        auto* d = new MedicationDialog(
            [&clinic, patient, edit](const model::Medication& m) -> Status {
                services::ClinicalEntryService service(clinic);
                if (edit) {
                    model::Medication edited = m;
                    edited.patientId = patient; // the chart the row must belong to
                    return service.updateMedication(std::move(edited));
                }
                auto added = service.addMedication(patient, m);
                return added ? Status{} : Status{added.error()};
            },
            this);
        if (id) {
            const auto entry = findById(services::ClinicalEntryService(clinic).medications(patient), *id);
            found = entry.has_value();
            if (entry)
                d->setMedication(*entry);
        }
        dialog = d;
        break;
    }
    case Kind::Allergies: {
        auto* d = new AllergyDialog(
            [&clinic, patient, edit](const model::Allergy& a) -> Status {
                services::ClinicalEntryService service(clinic);
                if (edit) {
                    model::Allergy edited = a;
                    edited.patientId = patient; // the chart the row must belong to
                    return service.updateAllergy(std::move(edited));
                }
                auto added = service.addAllergy(patient, a);
                return added ? Status{} : Status{added.error()};
            },
            this);
        if (id) {
            const auto entry = findById(services::ClinicalEntryService(clinic).allergies(patient), *id);
            found = entry.has_value();
            if (entry)
                d->setAllergy(*entry);
        }
        dialog = d;
        break;
    }
    }
    if (!found) {
        delete dialog;
        showError(tr("This row could not be opened for editing (it may have been removed, or access ended)."));
        return;
    }
    entryform::showPatient(dialog, m_patientLine);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, &ChartEntryBar::changed);
    m_dialog = dialog;
    dialog->open();
}

void ChartEntryBar::remove()
{
    if (!m_hasPatient)
        return;
    const auto id = selectedId();
    if (!id) {
        showError(tr("Select a row to remove."));
        return;
    }
    const QString name = m_table->currentIndex().siblingAtColumn(0).data().toString();
    if (!MessageBox::confirm(this, tr("Remove"),
                             tr("Remove \"%1\" from the chart of %2? The removal is recorded in the audit trail.")
                                 .arg(name, m_patientLine)))
        return;
    services::ClinicalEntryService service(m_clinic);
    const Status removed = m_kind == Kind::Problems      ? service.removeCondition(m_patient, *id)
                           : m_kind == Kind::Medications ? service.removeMedication(m_patient, *id)
                                                         : service.removeAllergy(m_patient, *id);
    if (!removed) {
        showError(ErrorText::forError(removed.error()));
        return;
    }
    showError({});
    emit changed();
}

} // namespace cc::ui
