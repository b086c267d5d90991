// SPDX-License-Identifier: GPL-3.0-or-later
// Imports a Synthea folder or the ACTG 315 file into sealed records in one transaction (DESIGN.md section 9).
#pragma once

#include "core/Result.h"
#include "core/interop/ClinicalImport.h"
#include "core/interop/ImportSummary.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/services/ClinicService.h"

#include <QString>

#include <cstddef>
#include <functional>

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
    static constexpr std::size_t kBatchSize = 256;

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
    /// Imports records already read. `source` names the input in the audit event ("synthea").
    /// Errors: as importSynthea().
    [[nodiscard]] Result<interop::ImportSummary> importRecords(interop::ClinicalImport data, const std::string& source,
                                                               const ImportProgress& progress = {});

private:
    Result<interop::ImportSummary> store(interop::ClinicalImport& data, const ImportProgress& progress,
                                         AuditSubject& subject);
    ClinicService& m_clinic;
    const interop::UnitsCatalogue& m_catalogue;
};

} // namespace cc::services
