// SPDX-License-Identifier: GPL-3.0-or-later
// Port: patient rows (wrapped per-patient keys and the sealed identity document) and break-glass grants.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cc::ports {

/// One `patients` row: a random id, the patient's two keys wrapped under the category keys, and
/// the identity document sealed under the identity key. Opaque bytes only: no name, MRN or date.
struct PatientRow
{
    access::PatientId id{};
    std::uint32_t identityKeyId = 0;
    std::vector<std::uint8_t> identityKeyWrapped;
    std::uint32_t clinicalKeyId = 0;
    std::vector<std::uint8_t> clinicalKeyWrapped;
    std::vector<std::uint8_t> document; ///< sealed identity document
    /// The audit event that created the patient (schema 10; 0 for older rows): the creating
    /// doctor's care-team row is checked against it (services::CareTeamBinding).
    std::int64_t createdSeq = 0;
};

/// One `confidential_keys` row (migration 4): a patient's confidential key (notes not shared with
/// the patient), wrapped under the clinical category key. Created with the first unshared note.
struct ConfidentialKeyRow
{
    access::PatientId patientId{};
    std::uint32_t keyId = 0;
    std::vector<std::uint8_t> wrapped;
};

/// One `break_glass` row (migration 2): ids, the grant's own start and expiry (Unix seconds, not
/// clinical dates) and the sequence number of the flagged audit event that carries the reason.
struct BreakGlassRow
{
    std::array<std::uint8_t, access::kIdSize> id{};
    access::UserId doctor{};
    access::PatientId patient{};
    std::int64_t startsAt = 0;
    std::int64_t expiresAt = 0;
    std::int64_t auditSeq = 0;
};

/// Stores patients and break-glass grants.
class PatientStore
{
public:
    virtual ~PatientStore() = default;
    /// Inserts a patient. Errors: AlreadyExists (id taken), StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status insert(const PatientRow& row) = 0;
    /// The patient with this id, or nullopt. Errors: StorageError, IntegrityFailure (bad stored id).
    [[nodiscard]] virtual Result<std::optional<PatientRow>> find(const access::PatientId& id) const = 0;
    /// The patients created by one audit event (an import), in id order. Errors: StorageError,
    /// IntegrityFailure.
    [[nodiscard]] virtual Result<std::vector<access::PatientId>> createdBy(std::int64_t seq) const = 0;
    /// Replaces one wrapped per-patient key (category-key rotation; the patient key and its id stay).
    /// Errors: NotFound, StorageError.
    [[nodiscard]] virtual Status updateWrappedKey(const access::PatientId& id, bool identity,
                                                  std::span<const std::uint8_t> wrapped) = 0;
    /// Stores a patient's confidential key. Errors: AlreadyExists (the patient has one), NotFound
    /// (no such patient), StorageError.
    [[nodiscard]] virtual Status insertConfidentialKey(const ConfidentialKeyRow& row) = 0;
    /// The patient's confidential key, or nullopt if none was created yet. Errors: StorageError.
    [[nodiscard]] virtual Result<std::optional<ConfidentialKeyRow>>
    findConfidentialKey(const access::PatientId& patient) const = 0;
    /// Every confidential key, in patient id order (category-key rotation). Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<ConfidentialKeyRow>> confidentialKeys() const = 0;
    /// Replaces the wrapped form of a patient's confidential key (rotation; key and id stay).
    /// Errors: NotFound, StorageError.
    [[nodiscard]] virtual Status updateConfidentialKey(const access::PatientId& patient,
                                                       std::span<const std::uint8_t> wrapped) = 0;
    /// Replaces the sealed identity document (an amendment, the research opt-out). Errors:
    /// NotFound, StorageFull, StorageError.
    [[nodiscard]] virtual Status updateDocument(const access::PatientId& id,
                                                std::span<const std::uint8_t> document) = 0;
    /// Every patient, in id order. Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<PatientRow>> list() const = 0;
    /// At most `limit` patients with an id greater than `after` (from the first if none), in id
    /// order: list() in pages, so a reader can give the thread back between them. Errors:
    /// StorageError.
    [[nodiscard]] virtual Result<std::vector<PatientRow>> listAfter(const std::optional<access::PatientId>& after,
                                                                    std::size_t limit) const = 0;
    /// Number of patients. Errors: StorageError.
    [[nodiscard]] virtual Result<std::size_t> count() const = 0;
    /// Records a break-glass grant. Errors: AlreadyExists, StorageFull, StorageError.
    [[nodiscard]] virtual Status addBreakGlass(const BreakGlassRow& row) = 0;
    /// Grants of `doctor` for `patient` whose expiry is after `now` (Unix seconds). Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<BreakGlassRow>>
    activeBreakGlass(const access::UserId& doctor, const access::PatientId& patient, std::int64_t now) const = 0;
};

} // namespace cc::ports
