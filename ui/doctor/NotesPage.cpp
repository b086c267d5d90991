// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/NotesPage.h"

#include "core/services/NoteService.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/MessageBox.h"
#include "ui/doctor/ChartTableModel.h"
#include "ui/doctor/NoteDialog.h"

#include "ui_NotesPage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>

namespace cc::ui {

NotesPage::NotesPage(services::ClinicService& clinic, ChartTableModel* model, QWidget* parent)
    : QWidget(parent), m_clinic(clinic), m_ui(std::make_unique<Ui::NotesPage>()), m_model(model)
{
    m_ui->setupUi(this);
    m_ui->notesTableView->setModel(new ChartProxyModel(m_model, this));
    m_ui->notesTableView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_ui->notesTableView->setSortingEnabled(true);
    m_ui->notesTableView->verticalHeader()->hide();
    m_ui->notesTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->notesTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->errorLabel->hide();
    connect(m_ui->addButton, &QPushButton::clicked, this, &NotesPage::addNote);
    connect(m_ui->editButton, &QPushButton::clicked, this, &NotesPage::editNote);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &NotesPage::deleteNote);
    connect(m_ui->notesTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NotesPage::showSelected);
    connect(m_ui->notesTableView, &QAbstractItemView::doubleClicked, this, [this] {
        if (!m_readOnly)
            editNote();
    });
    setReadOnly(false);
}

NotesPage::~NotesPage() = default;

Status NotesPage::load(const access::PatientId& patient)
{
    m_patient = patient;
    m_hasPatient = true;
    auto notes = services::NoteService(m_clinic).list(patient);
    if (!notes) {
        setNotes({});
        showError(ErrorText::forError(notes.error()));
        return notes.error();
    }
    showError({});
    setNotes(std::move(*notes));
    return {};
}

void NotesPage::setNotes(std::vector<model::ClinicalNote> notes)
{
    m_notes.clear();
    std::vector<ChartRow> rows;
    for (auto& n : notes) {
        // DESIGN.md section 1: a patient never sees a note marked "not shared with patient".
        if (m_readOnly && !n.sharedWithPatient)
            continue;
        rows.push_back(
            {{DisplayText::dateTime(n.authored), n.author, n.title, n.sharedWithPatient ? tr("yes") : tr("no")},
             model::rowIdToHex(n.id),
             {n.authored}});
        m_notes.push_back(std::move(n));
    }
    m_model->setRows(std::move(rows));
    showSelected();
}

void NotesPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QWidget* w : {static_cast<QWidget*>(m_ui->addButton), static_cast<QWidget*>(m_ui->editButton),
                       static_cast<QWidget*>(m_ui->deleteButton)})
        w->setVisible(!readOnly);
}

void NotesPage::clear()
{
    m_hasPatient = false;
    m_patient = {};
    m_patientLine.clear();
    m_notes.clear();
    m_model->clear();
    m_ui->notePlainTextEdit->clear();
    showError({});
}

void NotesPage::selectRow(int row)
{
    // `row` is a row of the notes model; the table shows it through its sorting proxy.
    auto* proxy = static_cast<QSortFilterProxyModel*>(m_ui->notesTableView->model());
    m_ui->notesTableView->selectRow(proxy->mapFromSource(m_model->index(row, 0)).row());
}

QString NotesPage::shownText() const
{
    return m_ui->notePlainTextEdit->toPlainText();
}

QString NotesPage::errorText() const
{
    return m_ui->errorLabel->isVisibleTo(this) ? m_ui->errorLabel->text() : QString();
}

const model::ClinicalNote* NotesPage::selected() const
{
    const QModelIndex current = m_ui->notesTableView->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QString key = current.data(ChartTableModel::KeyRole).toString();
    for (const auto& n : m_notes)
        if (model::rowIdToHex(n.id) == key)
            return &n;
    return nullptr;
}

void NotesPage::showSelected()
{
    const model::ClinicalNote* note = selected();
    m_ui->notePlainTextEdit->setPlainText(note != nullptr ? note->text : QString());
    m_ui->editButton->setEnabled(note != nullptr);
    m_ui->deleteButton->setEnabled(note != nullptr);
}

void NotesPage::showError(const QString& text)
{
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->setVisible(!text.isEmpty());
}

bool NotesPage::runDialog(NoteDialog& dialog)
{
    if (m_dialogHook)
        return m_dialogHook(dialog) && dialog.problem().isEmpty();
    return dialog.exec() == QDialog::Accepted;
}

void NotesPage::addNote()
{
    if (!m_hasPatient || m_readOnly)
        return;
    NoteDialog dialog(this);
    dialog.setPatientLine(m_patientLine);
    if (!runDialog(dialog))
        return;
    model::ClinicalNote note;
    note.title = dialog.title();
    note.text = dialog.text();
    note.sharedWithPatient = dialog.shared();
    auto added = services::NoteService(m_clinic).add(m_patient, note);
    if (!added) {
        showError(ErrorText::forError(added.error()));
        return;
    }
    // The note is stored; a list that cannot be read again must not read as "not saved" (found by
    // tests/faults/TestGuiDiskFull.cpp: the reading's audit event failed, the user would have
    // written the note twice).
    if (auto shown = load(m_patient); !shown)
        showError(tr("The note was saved. Showing the notes again failed: %1").arg(ErrorText::forError(shown.error())));
}

void NotesPage::editNote()
{
    const model::ClinicalNote* note = selected();
    if (note == nullptr || m_readOnly)
        return;
    NoteDialog dialog(this);
    dialog.setPatientLine(m_patientLine);
    dialog.setNote(note->title, note->text, note->sharedWithPatient);
    if (!runDialog(dialog))
        return;
    auto updated = services::NoteService(m_clinic).update(note->patientId, note->id, dialog.title(), dialog.text(),
                                                          dialog.shared());
    if (!updated) {
        showError(ErrorText::forError(updated.error()));
        return;
    }
    if (auto shown = load(m_patient); !shown)
        showError(
            tr("The note was changed. Showing the notes again failed: %1").arg(ErrorText::forError(shown.error())));
}

void NotesPage::deleteNote()
{
    const model::ClinicalNote* note = selected();
    if (note == nullptr || m_readOnly)
        return;
    if (!MessageBox::confirm(
            this, tr("Delete note"),
            tr("Delete the note \"%1\" of %2? This cannot be undone.").arg(note->title, m_patientLine)))
        return;
    auto removed = services::NoteService(m_clinic).remove(note->patientId, note->id);
    if (!removed) {
        showError(ErrorText::forError(removed.error()));
        return;
    }
    if (auto shown = load(m_patient); !shown)
        showError(
            tr("The note was deleted. Showing the notes again failed: %1").arg(ErrorText::forError(shown.error())));
}

} // namespace cc::ui
