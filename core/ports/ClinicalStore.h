// SPDX-License-Identifier: GPL-3.0-or-later
// Port: sealed clinical rows and the observation index (blind tokens, Paillier ciphertexts, row MACs).
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/crypto/LtHash.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

namespace cc::ports {

/// The kind of a clinical row (column `kind`; a record type, not PHI).
enum class ClinicalKind { Encounter, Condition, Observation, Medication, Allergy, Note };

/// Every kind, in the order of the enum.
inline constexpr ClinicalKind kAllClinicalKinds[] = {ClinicalKind::Encounter,   ClinicalKind::Condition,
                                                     ClinicalKind::Observation, ClinicalKind::Medication,
                                                     ClinicalKind::Allergy,     ClinicalKind::Note};

/// The stored name of a kind ("observation"), as in the table's CHECK constraint.
[[nodiscard]] inline std::string_view clinicalKindName(ClinicalKind kind) noexcept
{
    switch (kind) {
    case ClinicalKind::Encounter:
        return "encounter";
    case ClinicalKind::Condition:
        return "condition";
    case ClinicalKind::Observation:
        return "observation";
    case ClinicalKind::Medication:
        return "medication";
    case ClinicalKind::Allergy:
        return "allergy";
    case ClinicalKind::Note:
        return "note";
    }
    return "note";
}

/// The kind with this stored name, or nullopt.
[[nodiscard]] inline std::optional<ClinicalKind> clinicalKindFromName(std::string_view name) noexcept
{
    for (ClinicalKind kind : kAllClinicalKinds)
        if (clinicalKindName(kind) == name)
            return kind;
    return std::nullopt;
}

/// One `clinical_rows` row: random id, foreign keys and the document sealed under the patient's
/// clinical key.
struct ClinicalRow
{
    RowId id{};
    access::PatientRef patientRef{}; ///< records::patientRef (never the clear patient id once converted)
    std::optional<RowId> encounterId;
    ClinicalKind kind = ClinicalKind::Observation;
    std::vector<std::uint8_t> document;
};

/// One `observation_index` row. Tokens are 16 bytes (empty = NULL); `paillier` is a wire-form
/// ciphertext (empty for a non-numeric observation) and `paillierMac` its HMAC under the index key.
struct ObservationIndexRow
{
    RowId rowId{};
    access::PatientRef patientRef{};
    std::vector<std::uint8_t> codeToken;
    std::vector<std::uint8_t> sexToken;
    std::vector<std::uint8_t> ageBandToken;
    std::vector<std::uint8_t> yearToken;
    std::vector<std::uint8_t> consentToken;
    std::vector<std::uint8_t> paillier;
    std::vector<std::uint8_t> paillierMac;
    bool latest = false;
};

/// Index rows gathered for another thread, their buffers kept for the next batch: rows [0, size())
/// are the batch's, any further ones spare. add() swaps the store's row (ReportStore::forEachIndexRow)
/// with a spare one, so once every buffer has grown to its size, reading costs no allocation.
struct ObservationIndexBatch
{
    std::vector<ObservationIndexRow> rows;
    std::size_t count = 0;

    void add(ObservationIndexRow& row)
    {
        if (count == rows.size())
            rows.emplace_back();
        std::swap(rows[count++], row);
    }
    [[nodiscard]] std::size_t size() const noexcept { return count; }
    [[nodiscard]] bool empty() const noexcept { return count == 0; }
    [[nodiscard]] const ObservationIndexRow& operator[](std::size_t i) const noexcept { return rows[i]; }
    void clear() noexcept { count = 0; }
};

/// The multiset hash of everything a report selects by (docs/RECORDS.md, "The index seal"): every
/// observation_index row and every condition_tokens row, each as records::indexElement /
/// records::conditionElement, with the number of each; or the change one unit of work made to it.
struct IndexDigest
{
    crypto::LtHash16 hash;
    std::int64_t observationRows = 0;
    std::int64_t conditionRows = 0;

    IndexDigest& add(const IndexDigest& other) noexcept
    {
        hash.add(other.hash);
        observationRows += other.observationRows;
        conditionRows += other.conditionRows;
        return *this;
    }
    IndexDigest& subtract(const IndexDigest& other) noexcept
    {
        hash.subtract(other.hash);
        observationRows -= other.observationRows;
        conditionRows -= other.conditionRows;
        return *this;
    }
    [[nodiscard]] bool operator==(const IndexDigest& other) const noexcept = default;
};

/// Signs the index after a unit of work changed it: called by the transaction's commit, inside the
/// transaction, with the change `delta` the unit of work made (records/IndexSeal.h). Installed by a
/// session that holds the writer key (a doctor's); without one, a unit of work that changes the
/// index cannot commit.
using IndexSealer = std::function<Status(const IndexDigest& delta)>;

/// Writes the chart manifest (records/ChartManifest.h) of every patient reference whose clinical
/// rows a unit of work inserted, changed, deleted or moved: called by the transaction's commit,
/// inside the transaction, before the IndexSealer (a manifest is an element of the index seal).
/// Installed by the clinic's service; a session without the clinical key cannot write one, so a
/// unit of work of such a session that changes clinical rows cannot commit.
/// What one unit of work did to one chart: the rows (clinical rows and attachments) it inserted,
/// edited or deleted, or `moved` when
/// rows were moved under the chart's reference (the conversion to patient references).
struct ChartChange
{
    std::set<RowId> rows;
    bool moved = false;
};
using ChartSealer = std::function<Status(const std::map<access::PatientRef, ChartChange>& changed)>;

namespace meta {
/// Set once every patient with clinical rows has a chart manifest (schema 9): when a clinic is
/// created, or by the first doctor's login that writes the manifests of older charts. "1": the
/// manifests list the clinical rows; "2" (kChartManifestsDone): attachments too.
inline constexpr std::string_view kChartManifests = "chart_manifests";
inline constexpr std::string_view kChartManifestsRows = "1";
inline constexpr std::string_view kChartManifestsDone = "2";
} // namespace meta

/// Stores clinical rows and their index. Opaque bytes only.
class ClinicalStore
{
public:
    virtual ~ClinicalStore() = default;
    /// Inserts a row. Errors: AlreadyExists, NotFound (no such patient), StorageFull, StorageError.
    [[nodiscard]] virtual Status insertRow(const ClinicalRow& row) = 0;
    /// Inserts an observation's index row (its clinical row first). Errors: as insertRow().
    [[nodiscard]] virtual Status insertIndex(const ObservationIndexRow& row) = 0;
    /// Replaces a row's sealed document (an edit; id, patient, encounter and kind stay).
    /// Errors: NotFound, StorageFull, StorageError.
    [[nodiscard]] virtual Status updateRow(const RowId& rowId, const std::vector<std::uint8_t>& document) = 0;
    /// Replaces every column of an observation's index row but its ids (an edited observation).
    /// Errors: NotFound, StorageFull, StorageError.
    [[nodiscard]] virtual Status updateIndex(const ObservationIndexRow& row) = 0;
    /// Sets the consent token of every index row of `patient` (a research opt-out or opt-in);
    /// returns the number of rows changed. Errors: StorageFull, StorageError.
    [[nodiscard]] virtual Result<std::size_t> setConsentToken(const access::PatientRef& patient,
                                                              const std::vector<std::uint8_t>& token) = 0;
    /// One row, or nullopt. Errors: StorageError.
    [[nodiscard]] virtual Result<std::optional<ClinicalRow>> findRow(const RowId& rowId) const = 0;
    /// A patient's rows, of one kind if given, in id order. Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<ClinicalRow>> rowsOf(const access::PatientRef& patient,
                                                                  std::optional<ClinicalKind> kind) const = 0;
    /// A patient's index rows, of one code token if non-empty. Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<ObservationIndexRow>>
    indexOf(const access::PatientRef& patient, const std::vector<std::uint8_t>& codeToken) const = 0;
    /// Every index row with this code token (cohort selection). Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<ObservationIndexRow>>
    indexByCode(const std::vector<std::uint8_t>& codeToken) const = 0;
    /// Sets or clears an index row's latest flag. Errors: NotFound, StorageError.
    [[nodiscard]] virtual Status setLatest(const RowId& rowId, bool latest) = 0;
    /// Deletes a row, its index row and its condition token. Errors: NotFound, StorageError.
    [[nodiscard]] virtual Status deleteRow(const RowId& rowId) = 0;
    /// Sets the condition blind token of a condition row (records::conditionToken, 16 bytes),
    /// stored with the row's own patient reference and replacing any earlier one; an empty token
    /// removes it (an uncoded condition has none). Write it after the row, in the row's transaction. Errors: NotFound
    /// (no such row), InvalidArgument (a token not 16 bytes), StorageFull, StorageError.
    [[nodiscard]] virtual Status setConditionToken(const RowId& rowId, const std::vector<std::uint8_t>& token) = 0;
    /// Rewrites one patient's reference in clinical_rows and observation_index (the conversion of
    /// a clinic from clear patient ids to references), and in condition_tokens; returns the rows
    /// changed in the first two. Errors: StorageFull,
    /// StorageError.
    [[nodiscard]] virtual Result<std::size_t> replacePatientRef(const access::PatientRef& from,
                                                                const access::PatientRef& to) = 0;
    /// Every distinct patient reference of clinical_rows (the whole-clinic verify finds rows no
    /// patient owns). Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<access::PatientRef>> patientRefs() const = 0;
    /// Number of clinical rows of every kind. Errors: StorageError.
    [[nodiscard]] virtual Result<std::size_t> countRows() const = 0;
    /// A patient's stored chart manifest, or nullopt. Errors: StorageError.
    [[nodiscard]] virtual Result<std::optional<std::vector<std::uint8_t>>>
    chartManifest(const access::PatientRef& patient) const = 0;
    /// Stores (replaces) a patient's chart manifest; empty bytes remove it (a chart with no rows
    /// left). Only inside a unit of work (its change to the index seal is noted). Errors:
    /// StorageError (no unit of work open), StorageFull.
    [[nodiscard]] virtual Status putChartManifest(const access::PatientRef& patient,
                                                  const std::vector<std::uint8_t>& manifest) = 0;
    /// The multiset hash of the whole index as stored now (one pass over observation_index,
    /// condition_tokens and chart_manifests), for a verifier to compare with the signed seal. Errors: StorageError,
    /// IntegrityFailure (a stored id not 16 bytes).
    [[nodiscard]] virtual Result<IndexDigest> digestIndex() const = 0;
};

} // namespace cc::ports
