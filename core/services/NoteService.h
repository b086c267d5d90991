// SPDX-License-Identifier: GPL-3.0-or-later
// Clinical notes: shared notes under the patient's clinical key, unshared ones under the confidential key.
#pragma once

#include "core/Result.h"
#include "core/model/ClinicalNote.h"
#include "core/records/PatientKeys.h"
#include "core/services/ClinicService.h"
#include "core/services/PatientService.h"

#include <QString>

#include <vector>

namespace cc::services {

/// Note use cases. A note shared with the patient is sealed under the patient's clinical key (the
/// patient's own ring holds it); a note not shared is sealed under the patient's confidential key,
/// wrapped under the clinical category key only and never given to a patient account, so the
/// patient cannot decrypt it even with the database and their own ring (docs/RECORDS.md).
/// Every call is audited once as DICOM 110110 Patient Record (object "Note", no text or title).
class NoteService
{
public:
    /// Table and column bound into each note's AAD (notes are `clinical_rows` of kind "note").
    static constexpr const char* kTable = "clinical_rows";
    static constexpr const char* kColumn = "doc";

    explicit NoteService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Adds a note (doctor, WriteChart, care team or break-glass). `note.title`, `text`,
    /// `sharedWithPatient` and `encounterId` are taken; the id, patient, author (the session's user
    /// name) and authored time (now, UTC) are set here. The confidential key is created with the
    /// patient's first unshared note. Errors: AccessDenied, MalformedInput ("note.<field>"),
    /// NotFound, storage errors.
    [[nodiscard]] Result<model::RowId> add(const access::PatientId& patient, model::ClinicalNote note);
    /// Changes a note's title, text and sharing (doctor, WriteChart) and seals it again under the
    /// key its new sharing calls for; author and time stay. Errors: as add().
    [[nodiscard]] Status update(const access::PatientId& patient, const model::RowId& note, const QString& title,
                                const QString& text, bool shared);
    /// Deletes a note (doctor, WriteChart). Errors: AccessDenied, NotFound, storage errors.
    [[nodiscard]] Status remove(const access::PatientId& patient, const model::RowId& note);
    /// A patient's notes, oldest first: every note for a doctor on the care team or under
    /// break-glass (ReadChart); only the shared ones for the patient's own account (ReadOwnRecord),
    /// which never even tries the unshared ones. Errors: AccessDenied, NotFound, IntegrityFailure,
    /// KeyMismatch, storage errors.
    [[nodiscard]] Result<std::vector<model::ClinicalNote>> list(const access::PatientId& patient);

    /// Opens a stored note row with `key` (clinical or confidential). Errors: IntegrityFailure,
    /// KeyMismatch (sealed under another key), MalformedInput.
    [[nodiscard]] static Result<model::ClinicalNote> openNote(const records::PatientKey& key, const model::RowId& rowId,
                                                              const access::PatientId& patient,
                                                              std::span<const std::uint8_t> blob);

    /// The notes shared with the patient: those sealed under the patient's clinical key (the
    /// unshared ones are under the confidential key, never opened here). Not audited (the caller's
    /// event covers it). Errors: IntegrityFailure, KeyMismatch, storage errors.
    [[nodiscard]] static Result<std::vector<model::ClinicalNote>>
    sharedNotes(ClinicService& clinic, const access::PatientId& patient, const ChartKey& clinicalKey);

private:
    Result<records::PatientKey> confidentialKey(const access::PatientId& patient, bool create);
    ClinicService& m_clinic;
};

} // namespace cc::services
