// SPDX-License-Identifier: GPL-3.0-or-later
// The chart's Notes tab: the notes table, the selected note's text, and new / amend / delete.
#pragma once

#include "core/Result.h"
#include "core/model/ClinicalNote.h"
#include "core/model/RowId.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

namespace Ui {
class NotesPage;
}

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class ChartTableModel;
class NoteDialog;

/// Lists a patient's notes through NoteService (which decides what the session may read: a
/// patient's own window gets the shared notes only) and writes them through NoteDialog and
/// NoteService. Read-only mode (the patient's window) hides the buttons and, as a second line,
/// drops any note not shared with the patient before it reaches the model.
class NotesPage : public QWidget
{
    Q_OBJECT

public:
    /// `clinic` must outlive the page; `model` (the chart's notes table) is filled by the page.
    NotesPage(services::ClinicService& clinic, ChartTableModel* model, QWidget* parent = nullptr);
    ~NotesPage() override;

    /// Loads the notes of `patient` (NoteService::list). Errors are shown on the page and returned.
    Status load(const access::PatientId& patient);
    /// How the note dialog names the patient ("Doe, Jane — MRN 1").
    void setPatientLine(const QString& patientLine) { m_patientLine = patientLine; }
    /// Shows these notes (those not shared are left out in read-only mode).
    void setNotes(std::vector<model::ClinicalNote> notes);
    /// Hides the buttons (patients read notes, they do not write them).
    void setReadOnly(bool readOnly);
    /// Forgets every note (lock, logout, another patient).
    void clear();

    /// Opens the new-note dialog (the "New note…" button).
    void addNote();
    /// Opens the amend dialog for the selected note.
    void editNote();
    /// Deletes the selected note after a confirmation.
    void deleteNote();
    /// Selects row `row` of the table.
    void selectRow(int row);
    /// Test seam: instead of running a dialog, addNote()/editNote() hand it to `hook`, which fills
    /// it and returns true for Save.
    void setDialogHook(std::function<bool(NoteDialog&)> hook) { m_dialogHook = std::move(hook); }

    [[nodiscard]] const std::vector<model::ClinicalNote>& notes() const { return m_notes; }
    [[nodiscard]] QString shownText() const;
    [[nodiscard]] QString errorText() const;

private:
    bool runDialog(NoteDialog& dialog);
    const model::ClinicalNote* selected() const;
    void showSelected();
    void showError(const QString& text);

    services::ClinicService& m_clinic;
    std::unique_ptr<Ui::NotesPage> m_ui;
    ChartTableModel* m_model;
    std::vector<model::ClinicalNote> m_notes;
    access::PatientId m_patient{};
    QString m_patientLine;
    bool m_hasPatient = false;
    bool m_readOnly = false;
    std::function<bool(NoteDialog&)> m_dialogHook;
};

} // namespace cc::ui
