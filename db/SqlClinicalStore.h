// SPDX-License-Identifier: GPL-3.0-or-later
// Clinical rows, the observation index and condition tokens in `clinical_rows`, `observation_index` and
// `condition_tokens` (schema version 8).
#pragma once

#include "core/ports/ClinicalStore.h"

#include <span>
#include <string_view>

namespace cc::db {

class Database;
class IndexChangeTracker;

/// ClinicalStore over `clinical_rows` and `observation_index`: ids, tokens, ciphertexts, MACs.
class SqlClinicalStore final : public ports::ClinicalStore
{
public:
    /// `db` must outlive the store and be migrated to at least version 3.
    /// Every index write notes its change to the index seal's hash in `indexChanges` (if given),
    /// which must outlive the store; such a write outside an open unit of work is refused.
    explicit SqlClinicalStore(Database& db, IndexChangeTracker* indexChanges = nullptr) noexcept
        : m_db(db), m_indexChanges(indexChanges)
    {}
    /// Inserts a row. Errors: AlreadyExists, StorageError (e.g. unknown patient: foreign key).
    [[nodiscard]] Status insertRow(const ports::ClinicalRow& row) override;
    /// Inserts an index row. Errors: StorageError (unknown row: foreign key, duplicate).
    [[nodiscard]] Status insertIndex(const ports::ObservationIndexRow& row) override;
    /// One row, or nullopt. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::optional<ports::ClinicalRow>> findRow(const RowId& rowId) const override;
    /// A patient's rows (of one kind if given) in id order. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::vector<ports::ClinicalRow>>
    rowsOf(const access::PatientRef& patient, std::optional<ports::ClinicalKind> kind) const override;
    /// A patient's index rows (of one code token if non-empty). Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::vector<ports::ObservationIndexRow>>
    indexOf(const access::PatientRef& patient, const std::vector<std::uint8_t>& codeToken) const override;
    /// Every index row of a code token. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::vector<ports::ObservationIndexRow>>
    indexByCode(const std::vector<std::uint8_t>& codeToken) const override;
    /// Sets the latest flag. Errors: NotFound, StorageError.
    [[nodiscard]] Status updateRow(const RowId& rowId, const std::vector<std::uint8_t>& document) override;
    [[nodiscard]] Status updateIndex(const ports::ObservationIndexRow& row) override;
    [[nodiscard]] Result<std::size_t> setConsentToken(const access::PatientRef& patient,
                                                      const std::vector<std::uint8_t>& token) override;
    [[nodiscard]] Status setLatest(const RowId& rowId, bool latest) override;
    /// Deletes a row, its index row and its condition token. Errors: NotFound, StorageError.
    [[nodiscard]] Status deleteRow(const RowId& rowId) override;
    /// Sets or (empty token) removes a condition row's token. Errors: NotFound, InvalidArgument, StorageError.
    [[nodiscard]] Status setConditionToken(const RowId& rowId, const std::vector<std::uint8_t>& token) override;
    /// Number of clinical rows. Errors: StorageError.
    [[nodiscard]] Result<std::size_t> replacePatientRef(const access::PatientRef& from,
                                                        const access::PatientRef& to) override;
    [[nodiscard]] Result<std::vector<access::PatientRef>> patientRefs() const override;
    [[nodiscard]] Result<std::size_t> countRows() const override;
    /// One pass over observation_index and condition_tokens. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<ports::IndexDigest> digestIndex() const override;
    [[nodiscard]] Result<std::optional<std::vector<std::uint8_t>>>
    chartManifest(const access::PatientRef& patient) const override;
    [[nodiscard]] Status putChartManifest(const access::PatientRef& patient,
                                          const std::vector<std::uint8_t>& manifest) override;

private:
    /// The digest of the index and condition-token rows whose `column` (row_id or patient_ref) is `key`.
    [[nodiscard]] Result<ports::IndexDigest> digestWhere(std::string_view column,
                                                         std::span<const std::uint8_t> key) const;
    /// Refuses an index write outside a unit of work (checked before the write).
    [[nodiscard]] Status checkTracking() const;
    /// The patient reference of a clinical row, or nullopt.
    [[nodiscard]] Result<std::optional<access::PatientRef>> ownerOf(const RowId& rowId) const;
    /// Tells the unit of work that this chart's rows changed (its manifest is rewritten at commit).
    void noteChart(const access::PatientRef& patient, const RowId& row);
    /// Notes `after` - `before` as this unit of work's change.
    [[nodiscard]] Status noteChange(const ports::IndexDigest& before, const ports::IndexDigest& after);

    Database& m_db;
    IndexChangeTracker* m_indexChanges;
};

} // namespace cc::db
