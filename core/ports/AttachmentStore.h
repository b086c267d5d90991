// SPDX-License-Identifier: GPL-3.0-or-later
// Port: attachment rows (sealed metadata, sealed file key) and their AEAD chunks (migration 4).
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cc::ports {

/// One `attachments` row: random id, foreign keys, the id of the attachment's own file key, that
/// key sealed under the patient's clinical key, and the metadata document sealed likewise.
struct AttachmentRow
{
    RowId id{};
    access::PatientRef patientRef{}; ///< records::patientRef, as in clinical_rows
    std::optional<RowId> encounterId;
    std::uint32_t fileKeyId = 0;
    std::vector<std::uint8_t> fileKeySealed;
    std::vector<std::uint8_t> document;
};

/// Stores attachments and their chunks. Opaque bytes only.
class AttachmentStore
{
public:
    virtual ~AttachmentStore() = default;
    /// Inserts an attachment row (before its chunks). Errors: AlreadyExists, NotFound (no such
    /// patient), StorageFull, StorageError.
    [[nodiscard]] virtual Status insert(const AttachmentRow& row) = 0;
    /// Inserts chunk `index` of an attachment. Errors: AlreadyExists, NotFound (no such
    /// attachment), StorageFull, StorageError.
    [[nodiscard]] virtual Status insertChunk(const RowId& attachment, std::uint32_t index,
                                             std::span<const std::uint8_t> blob) = 0;
    /// One attachment row, or nullopt. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] virtual Result<std::optional<AttachmentRow>> find(const RowId& id) const = 0;
    /// A patient's attachments in id order. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] virtual Result<std::vector<AttachmentRow>> listOf(const access::PatientRef& patient) const = 0;
    /// Rewrites one patient's reference (the conversion to references); returns the rows changed.
    /// Errors: StorageFull, StorageError.
    [[nodiscard]] virtual Result<std::size_t> replacePatientRef(const access::PatientRef& from,
                                                                const access::PatientRef& to) = 0;
    /// Chunk `index` of an attachment, or nullopt if there is none. Errors: StorageError.
    [[nodiscard]] virtual Result<std::optional<std::vector<std::uint8_t>>> chunk(const RowId& attachment,
                                                                                 std::uint32_t index) const = 0;
    /// Number of stored chunks of an attachment. Errors: StorageError.
    [[nodiscard]] virtual Result<std::size_t> chunkCount(const RowId& attachment) const = 0;
    /// Deletes an attachment and its chunks. Errors: NotFound, StorageError.
    [[nodiscard]] virtual Status remove(const RowId& id) = 0;
};

} // namespace cc::ports
