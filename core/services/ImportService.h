// SPDX-License-Identifier: GPL-3.0-or-later
// Imports a Synthea folder, the ACTG 315 file or FHIR R4 files into sealed records, one transaction
// per input (DESIGN.md section 9).
#pragma once

#include "core/Result.h"
#include "core/interop/ClinicalImport.h"
#include "core/interop/ImportSummary.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/ports/SourceIndexStore.h"
#include "core/records/ObservationIndexer.h"
#include "core/records/PatientKeys.h"
#include "core/services/ClinicService.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <functional>
#include <set>
#include <vector>

namespace cc::services {

/// Progress of an import: `done` of `total` steps. Returning false cancels (nothing is kept).
using ImportProgress = std::function<bool(std::size_t done, std::size_t total)>;

/// Import use cases (doctor, ImportRecords). A whole file or folder goes in one transaction:
/// a rejected file, a duplicate MRN, a cancellation or any storage error leaves nothing. The
/// importing doctor joins the care team of every patient created. Audited as one DICOM 110107
/// Import event (counts only, no PHI), failures included.
class ImportService
{
public:
    /// Observations encrypted per Paillier batch (progress is reported after each).
    static constexpr std::size_t kBatchSize = records::ObservationIndexer::kBatchSize;

    /// `catalogue` must outlive the service.
    explicit ImportService(ClinicService& clinic,
                           const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn())
        : m_clinic(clinic), m_catalogue(catalogue)
    {}

    /// Reads and imports a Synthea CSV folder. Errors: AccessDenied, NotFound, MalformedInput
    /// (file, line, field), AlreadyExists (an MRN in use), Cancelled, storage errors.
    [[nodiscard]] Result<interop::ImportSummary> importSynthea(const QString& folder,
                                                               const ImportProgress& progress = {});
    /// Reads and imports ACTG315.csv. Errors: as importSynthea().
    [[nodiscard]] Result<interop::ImportSummary> importActg315(const QString& file,
                                                               const ImportProgress& progress = {});
    /// Reads the mapping file (interop::TableMapping) and imports the CSV table `file` through it
    /// (interop::MappedTableReader) in one transaction. Patients are matched to those already in
    /// the clinic by source id ("<source>:<id>"), or created. Errors: as importSynthea(), plus
    /// MalformedInput naming the mapping file and field for a bad mapping, Unsupported for another
    /// mapping version.
    [[nodiscard]] Result<interop::ImportSummary> importTable(const QString& file, const QString& mappingFile,
                                                             const ImportProgress& progress = {});
    /// The first `maxRows` data rows of `file` read through the mapping file, nothing stored and
    /// nothing audited (the import dialog's preview): the records with their skipped items.
    /// ImportRecords permission (a denial is audited). Errors: AccessDenied, NotFound, MalformedInput
    /// (the mapping's field or the table's line), Unsupported.
    [[nodiscard]] Result<interop::ClinicalImport> previewTable(const QString& file, const QString& mappingFile,
                                                               std::size_t maxRows);
    /// Imports FHIR R4 JSON files (interop::FhirReader), ONE TRANSACTION PER FILE in the given
    /// order, each audited as one Import event. A subject reference "Patient/x" that names no
    /// patient in its file is resolved against the clinic's patients by source id; the importing
    /// doctor must be on that patient's care team (or hold a break-glass grant). The summary adds
    /// up every file and counts them under "files". The first rejected file stops the import:
    /// nothing of it is kept, files before it stay imported, and the error says how many.
    /// Errors: AccessDenied, NotFound (a file), MalformedInput (file, resource path and field,
    /// including a patient reference found neither in the file nor in the clinic), AlreadyExists
    /// (an MRN in use), Cancelled, storage errors.
    [[nodiscard]] Result<interop::ImportSummary> importFhir(const QStringList& files,
                                                            const ImportProgress& progress = {});
    /// Imports records already read. `source` names the input in the audit event ("synthea").
    /// Errors: as importSynthea().
    [[nodiscard]] Result<interop::ImportSummary> importRecords(interop::ClinicalImport data, const std::string& source,
                                                               const ImportProgress& progress = {});

    /// A patient already in the clinic that imported records refer to (FHIR), with its opened key.
    struct ExistingPatient
    {
        model::Patient patient;
        records::PatientKey clinical;
        access::PatientRef ref; ///< the patient's reference in clinical rows (ChartKey::ref)
    };

private:
    /// A stored patient whose identity document the import replaces.
    struct PatientUpdate
    {
        model::Patient patient; ///< with the stored row id
        records::PatientKey identity;
    };
    /// What re-import matching decided (ImportServiceMatch.cpp).
    struct Match
    {
        std::vector<ExistingPatient> matchedPatients; ///< stored patients the import's records now point to
        std::vector<PatientUpdate> patientUpdates;
        std::set<model::RowId> updates;               ///< clinical rows stored over (ids are the stored ones)
        std::vector<ports::SourceIndexEntry> entries; ///< to write with the rows (new and updated)
        std::size_t fresh = 0;
        std::size_t updated = 0;
        std::size_t unchanged = 0;
    };
    /// Finds every record of `data` already imported (keyed source index): unchanged ones are
    /// removed from `data`, changed ones take their stored row id, matched patients and
    /// encounters are relinked. `existing` are patients the records already point to. Errors:
    /// AccessDenied (a matched chart the doctor may not write), storage and crypto errors.
    /// Authorises, runs `read` and imports what it read; a rejected input is audited as a minor
    /// failure of `source`.
    Result<interop::ImportSummary> importRead(const std::string& source,
                                              const std::function<Result<interop::ClinicalImport>()>& read,
                                              const ImportProgress& progress);
    Result<Match> match(interop::ClinicalImport& data, const crypto::SecureBytes& indexKey,
                        const std::vector<ExistingPatient>& existing);
    Result<interop::ImportSummary> store(interop::ClinicalImport& data, const ImportProgress& progress,
                                         AuditSubject& subject, std::vector<ExistingPatient>* existing = nullptr);
    Result<interop::ImportSummary> importFhirFile(const QString& file, const ImportProgress& progress);
    ClinicService& m_clinic;
    const interop::UnitsCatalogue& m_catalogue;
};

} // namespace cc::services
