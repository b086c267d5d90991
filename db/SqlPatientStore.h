// SPDX-License-Identifier: GPL-3.0-or-later
// Patients and break-glass grants in the `patients` (schema version 3) and `break_glass` tables.
#pragma once

#include "core/ports/PatientStore.h"

namespace cc::db {

class Database;

/// PatientStore over `patients` and `break_glass`: random ids, key ids and opaque blobs only.
class SqlPatientStore final : public ports::PatientStore
{
public:
    /// `db` must outlive the store and be migrated to at least version 3.
    explicit SqlPatientStore(Database& db) noexcept : m_db(db) {}
    /// Inserts a patient row. Errors: AlreadyExists, StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] Status insert(const ports::PatientRow& row) override;
    [[nodiscard]] Status updateWrappedKey(const access::PatientId& id, bool identity,
                                          std::span<const std::uint8_t> wrapped) override;
    [[nodiscard]] Status updateDocument(const access::PatientId& id, std::span<const std::uint8_t> document) override;
    /// The row with this id, or nullopt. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::optional<ports::PatientRow>> find(const access::PatientId& id) const override;
    [[nodiscard]] Result<std::vector<access::PatientId>> createdBy(std::int64_t seq) const override;
    /// Every row in id order. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::vector<ports::PatientRow>> list() const override;
    [[nodiscard]] Result<std::vector<ports::PatientRow>> listAfter(const std::optional<access::PatientId>& after,
                                                                   std::size_t limit) const override;
    /// Number of rows. Errors: StorageError.
    [[nodiscard]] Result<std::size_t> count() const override;
    /// Inserts into `confidential_keys` (migration 4). Errors: StorageError (duplicate, unknown patient).
    [[nodiscard]] Status insertConfidentialKey(const ports::ConfidentialKeyRow& row) override;
    /// The patient's confidential key row, or nullopt. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::optional<ports::ConfidentialKeyRow>>
    findConfidentialKey(const access::PatientId& patient) const override;
    /// Every confidential key row in patient id order. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::vector<ports::ConfidentialKeyRow>> confidentialKeys() const override;
    /// Replaces a wrapped confidential key. Errors: NotFound, StorageError.
    [[nodiscard]] Status updateConfidentialKey(const access::PatientId& patient,
                                               std::span<const std::uint8_t> wrapped) override;
    /// Inserts a grant. Errors: AlreadyExists, StorageFull, StorageError.
    [[nodiscard]] Status addBreakGlass(const ports::BreakGlassRow& row) override;
    /// Unexpired grants of the doctor for the patient. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::vector<ports::BreakGlassRow>>
    activeBreakGlass(const access::UserId& doctor, const access::PatientId& patient, std::int64_t now) const override;

private:
    Database& m_db;
};

} // namespace cc::db
