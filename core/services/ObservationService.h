// SPDX-License-Identifier: GPL-3.0-or-later
// Observations: sealed documents, blind tokens, Paillier packed ciphertexts with row MACs, latest flags.
#pragma once

#include "core/Result.h"
#include "core/crypto/Kdf.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/model/Observation.h"
#include "core/model/Patient.h"
#include "core/paillier/PublicKey.h"
#include "core/ports/ClinicalStore.h"
#include "core/records/PatientKeys.h"
#include "core/services/ClinicService.h"
#include "core/services/PatientService.h"

#include <QString>

#include <vector>

namespace cc::services {

/// One decrypted observation for the chart, with its latest-for-this-code flag.
struct ObservationEntry
{
    model::Observation observation;
    bool latest = false;
};

/// Observation use cases (doctor on the care team or under break-glass). Each call is audited
/// once as DICOM 110110 Patient Record with the patient's row id.
class ObservationService
{
public:
    static constexpr const char* kTable = "clinical_rows";
    static constexpr const char* kColumn = "doc";

    /// `catalogue` must outlive the service.
    explicit ObservationService(ClinicService& clinic,
                                const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn())
        : m_clinic(clinic), m_catalogue(catalogue)
    {}

    /// Adds a numeric observation (WriteChart): the value is normalised through the units
    /// catalogue (a code or unit it does not hold is kept as given, generic layout), the document sealed, the tokens
    /// and the Paillier ciphertext with its MAC stored and the latest flags of (patient, code) kept right.
    /// `observation.id` and `patientId` are set here. `stored`, if given, receives the observation as
    /// committed (normalised value and unit, ids), so a view can show it without reading the chart
    /// again. Errors: AccessDenied, MalformedInput (code, unit, value), NotFound, storage errors.
    [[nodiscard]] Result<model::RowId> add(const access::PatientId& patient, model::Observation observation,
                                           model::Observation* stored = nullptr);
    /// Edits a numeric observation (WriteChart) identified by `observation.id`: re-normalised
    /// through the catalogue, re-sealed, a new Paillier ciphertext, row MAC and tokens, and the
    /// latest flags of the old and new (patient, code) kept right. Errors: AccessDenied, NotFound,
    /// MalformedInput (code, unit, value out of the catalogue's range, dates), storage errors.
    /// `stored` as for add(). The observation's patientId names the chart (as read from list()); a
    /// row of another chart is NotFound.
    [[nodiscard]] Status update(model::Observation observation, model::Observation* stored = nullptr);
    /// A patient's observations (ReadChart), of one code if `code` is not empty, decrypted.
    /// Errors: AccessDenied, NotFound, IntegrityFailure, storage errors.
    [[nodiscard]] Result<std::vector<ObservationEntry>> list(const access::PatientId& patient,
                                                             const QString& code = {});
    /// Deletes an observation of `patient`'s chart (WriteChart) and moves the latest flag to the
    /// next latest one. Errors: AccessDenied, NotFound (no such observation in that chart), storage
    /// errors.
    [[nodiscard]] Status remove(const access::PatientId& patient, const model::RowId& observation);

    // Shared with ImportService.
    /// The clinic's report public key, verified against its pin (ReportKeyPin::load). Errors: as load().
    [[nodiscard]] static Result<paillier::PublicKey> reportKey(ClinicService& clinic);
    /// Forwards to records::ObservationIndexer::consentToken (kept for existing callers).
    [[nodiscard]] static Result<std::vector<std::uint8_t>> consentToken(const crypto::SecureBytes& indexKey,
                                                                        bool consents);
    /// Forwards to records::ObservationIndexer::rowMac: HMAC-SHA-256(index key, row id ‖
    /// ciphertext), checked before a value enters any sum.
    [[nodiscard]] static Result<crypto::Digest256>
    rowMac(const crypto::SecureBytes& indexKey, const model::RowId& rowId, std::span<const std::uint8_t> ciphertext);
    /// Moves the latest flag of (patient, code token) to its latest stored observation (effective
    /// date-time, ties by row id), inside the caller's transaction. Errors: IntegrityFailure (an
    /// index row without its clinical row, a document that does not open), storage errors.
    [[nodiscard]] static Status refreshLatest(ClinicService& clinic, const access::PatientId& patient,
                                              const access::PatientRef& ref, const std::vector<std::uint8_t>& codeToken,
                                              const records::PatientKey& clinicalKey);
    /// True if observation `a` is later than `b` (effective date-time, ties broken by row id).
    [[nodiscard]] static bool laterThan(const model::Observation& a, const model::Observation& b);
    /// Seals a clinical document for `rowId` under a patient's clinical key. Errors: CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>>
    sealClinical(const records::PatientKey& key, const model::RowId& rowId, const QByteArray& json, crypto::Rng& rng);

private:
    /// A normalised observation's opened clinical key, index row and sealed document.
    struct Prepared
    {
        ChartKey key;
        ports::ObservationIndexRow index;
        std::vector<std::uint8_t> doc;
    };
    Result<Prepared> prepare(const access::PatientId& patient, model::Observation& observation);
    ClinicService& m_clinic;
    const interop::UnitsCatalogue& m_catalogue;
};

} // namespace cc::services
