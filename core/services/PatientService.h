// SPDX-License-Identifier: GPL-3.0-or-later
// Patients: create, list and search (care team), identity and chart reads, break-glass (DESIGN.md sections 1, 5, 8).
#pragma once

#include "core/Result.h"
#include "core/access/ChartAccess.h"
#include "core/model/Allergy.h"
#include "core/model/Condition.h"
#include "core/model/Encounter.h"
#include "core/model/Medication.h"
#include "core/model/Observation.h"
#include "core/model/Patient.h"
#include "core/records/PatientKeys.h"
#include "core/services/ClinicService.h"

#include <QString>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cc::services {

/// A patient's decrypted clinical rows, for the chart.
struct PatientChart
{
    model::Patient patient;
    access::AccessBasis basis = access::AccessBasis::CareTeam;
    std::vector<model::Encounter> encounters;
    std::vector<model::Condition> conditions;
    std::vector<model::Observation> observations;
    std::vector<model::Medication> medications;
    std::vector<model::Allergy> allergies;
};

/// An opened patient key with the basis the access check gave (for sibling services).
struct ChartKey
{
    records::PatientKey key;
    access::AccessBasis basis = access::AccessBasis::CareTeam;
    /// For ChartData::Clinical: the patient's reference in clinical, index and attachment rows
    /// (PatientService::patientRef). Unset for the identity key.
    access::PatientRef ref{};
};

/// Patient use cases. Every call checks a permission and writes exactly one audit event (DICOM
/// 110110 Patient Record, action C/R/U, the patient's row id — never the MRN), denials included.
class PatientService
{
public:
    /// Table and column names bound into the AAD of identity documents.
    static constexpr const char* kTable = "patients";
    static constexpr const char* kColumn = "doc";

    explicit PatientService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Creates a patient (doctor: WriteChart; needs both category keys) with fresh keys, and puts
    /// the doctor on the care team. `patient.id` is ignored; the new id is returned. The MRN must
    /// be unique (checked against every identity document, decrypted in memory).
    /// Errors: AccessDenied, AlreadyExists (MRN), MalformedInput, storage errors.
    [[nodiscard]] Result<access::PatientId> create(const model::Patient& patient);
    /// Patients the user may see, identity only: a doctor's care-team patients (the team read at
    /// every call), every patient for an administrator. With `search`, only those whose given,
    /// family or maiden name or MRN contains it (both lower-cased). Served from the session's
    /// PatientDirectory, built here at the first call after login or resume (every identity
    /// document decrypted once). Errors: AccessDenied, SessionLocked, IntegrityFailure, storage.
    [[nodiscard]] Result<std::vector<model::Patient>> list(const QString& search = {});
    /// The patient with this MRN among those list() would show. Errors: NotFound, AccessDenied, storage.
    [[nodiscard]] Result<model::Patient> findByMrn(const QString& mrn);
    /// The identities of `patients` (ReadPatientIdentity: administrators), for naming the patients
    /// of audit events next to their ids. Ids with no patient (removed, or never one) are left
    /// out. One audit event for the whole call, naming how many were asked and found (no name).
    /// Errors: AccessDenied, SessionLocked, IntegrityFailure, storage errors.
    [[nodiscard]] Result<std::map<access::PatientId, model::Patient>>
    identitiesOf(const std::vector<access::PatientId>& patients);
    /// One patient's identity document (care team, break-glass or administrator). Errors:
    /// AccessDenied, NotFound, IntegrityFailure, storage errors.
    [[nodiscard]] Result<model::Patient> identity(const access::PatientId& patient);
    /// The patient's identity and decrypted clinical rows (doctor on the care team or under an
    /// active break-glass grant). Errors: AccessDenied, NotFound, IntegrityFailure, storage errors.
    [[nodiscard]] Result<PatientChart> chart(const access::PatientId& patient);
    /// The chart of chart() read for printing (a PDF leaves the application): the same access
    /// rules, recorded as an export (DICOM 110106) of the chart with `what` ("summary", "trend
    /// 8480-6") in the detail, so the patient's access history and the audit trail show the print.
    /// Errors: as chart(); InvalidArgument for an empty `what`.
    [[nodiscard]] Result<PatientChart> chartForPrint(const access::PatientId& patient, const std::string& what);
    /// Emergency access (doctor, BreakGlass permission): 60 minutes, reason required, recorded in
    /// `break_glass` with a flagged audit event carrying the reason. Errors: AccessDenied,
    /// InvalidArgument (reason), NotFound, storage errors.
    [[nodiscard]] Status breakGlass(const access::PatientId& patient, const std::string& reason);
    /// Emergency access to a patient named by MRN (the doctor at the bedside knows the MRN from the
    /// wristband, not the record id). The reason is checked BEFORE any identity document is opened,
    /// so nobody looks a patient up without a stated reason; then every identity document is
    /// decrypted in memory to find the MRN, and breakGlass() records the grant with its flagged
    /// event. An MRN that matches no patient is itself recorded as a flagged failed attempt.
    /// Returns the patient's row id. Errors: AccessDenied, InvalidArgument (reason, empty MRN),
    /// NotFound, IntegrityFailure, storage errors.
    [[nodiscard]] Result<access::PatientId> breakGlassByMrn(const QString& mrn, const std::string& reason);

    /// For sibling services (observations, import): checks the session may open `data` of
    /// `patient` and unwraps that patient key. Not audited here: the caller's event covers it.
    /// Errors: AccessDenied, NotFound, KeyMismatch, IntegrityFailure, storage errors.
    [[nodiscard]] static Result<ChartKey> openChartKey(ClinicService& clinic, const access::PatientId& patient,
                                                       access::ChartData data);
    /// The reference `patient`'s rows carry, from their opened clinical key: records::patientRef
    /// once the clinic uses references (meta patient_ref_scheme), the clear id before the first
    /// doctor's session converted it (docs/RECORDS.md, "Patient references"). Errors: storage,
    /// CryptoFailure.
    [[nodiscard]] static Result<access::PatientRef> patientRef(ClinicService& clinic, const access::PatientId& patient,
                                                               const records::PatientKey& clinicalKey);
    /// Converts a clinic whose rows still carry clear patient ids to references, in one
    /// transaction, audited; a no-op once converted. Then computes the condition tokens of rows
    /// older than schema 8 (ConditionIndex::complete, its own audited transaction; its failure is
    /// audited and does not fail this call). Needs the clinical category key (a doctor's session;
    /// ClinicService::login calls it). Returns the number of patients converted. Errors:
    /// AccessDenied, IntegrityFailure, storage errors.
    [[nodiscard]] static Result<std::size_t> convertToReferences(ClinicService& clinic);
    /// Calls `visit` for every patient of the clinic, a page at a time, with that patient's clinical
    /// key unwrapped under `ring` and the reference their rows carry (patientRef()): the walk of the
    /// one-time computations over every chart (condition tokens, chart manifests). Stops at the
    /// first error. Errors: those of unwrapping (AccessDenied, KeyMismatch, IntegrityFailure), of
    /// `visit`, storage errors.
    [[nodiscard]] static Status
    forEachChart(ClinicService& clinic, const access::KeyRing& ring,
                 const std::function<Status(const ports::PatientRow& row, const records::PatientKey& clinicalKey,
                                            const access::PatientRef& ref)>& visit);
    /// For sibling services (FHIR export): the chart of chart(), checked by openChartKey() but not
    /// audited here (the caller's event covers it). Errors: as chart().
    [[nodiscard]] static Result<PatientChart> readChart(ClinicService& clinic, const access::PatientId& patient);
    /// A patient session's own chart, from its sealed portal file (docs/PORTAL.md). Errors:
    /// AccessDenied (another patient), NotFound (no portal yet), IntegrityFailure, MalformedInput.
    [[nodiscard]] static Result<PatientChart> portalChart(ClinicService& clinic, const access::PatientId& patient);
    /// readChart() with keys already opened (the portal builder's, see openChartKeyWith).
    [[nodiscard]] static Result<PatientChart> readChartWith(ClinicService& clinic, const access::PatientId& patient,
                                                            const ChartKey& clinical, const ChartKey& identity);
    /// Unwraps a patient key with `staff` (a ring holding the category key) without the care-team
    /// check of openChartKey: only for the patient portal, whose file goes to the patient alone
    /// (docs/PORTAL.md). Not audited here. Errors: KeyMismatch, IntegrityFailure, NotFound, storage.
    [[nodiscard]] static Result<ChartKey> openChartKeyWith(ClinicService& clinic, const access::KeyRing& staff,
                                                           const access::PatientId& patient, access::ChartData data);
    /// Every MRN in use, from the session's patient directory (built on first use from every
    /// identity document; needs the identity category key). Errors: AccessDenied, IntegrityFailure,
    /// storage errors.
    [[nodiscard]] static Result<std::set<QString>> mrnsInUse(ClinicService& clinic);
    /// Builds the session's patient directory from every stored identity document unless it is
    /// built already; all or nothing. Errors: SessionLocked, AccessDenied, IntegrityFailure, storage.
    [[nodiscard]] static Status ensureDirectory(ClinicService& clinic);
    /// Tells the session's directory about patients just committed (created or imported) or whose
    /// identity document was rewritten, with their row ids set. Every writer of identity documents
    /// calls it after its commit; a directory not built yet is left alone.
    static void noteStored(ClinicService& clinic, const std::vector<model::Patient>& patients);
    /// Seals `patient`'s identity document for row `id` under its identity key, after reading the
    /// document back through the model's strict decoder (model::Patient::fromJson): what it would
    /// refuse to open later (a birth date before 1800, an over-long field) is refused now, naming
    /// the field, instead of being stored and breaking every later list of patients. Every writer
    /// of identity documents uses it. Errors: MalformedInput, CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>> sealIdentity(const model::Patient& patient,
                                                                        const access::PatientId& id,
                                                                        const records::PatientKey& key,
                                                                        crypto::Rng& rng);
    /// Decrypts a patient row's identity document with an opened identity key. Errors:
    /// IntegrityFailure, MalformedInput.
    [[nodiscard]] static Result<model::Patient> openIdentity(const ports::PatientRow& row,
                                                             const records::PatientKey& key);

private:
    Result<std::vector<model::Patient>> visiblePatients(const QString& search);
    ClinicService& m_clinic;
};

} // namespace cc::services
