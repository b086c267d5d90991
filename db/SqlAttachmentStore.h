// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments and their encrypted chunks in `attachments` and `attachment_chunks` (schema version 4).
#pragma once

#include "core/ports/AttachmentStore.h"

namespace cc::db {

class Database;
class IndexChangeTracker;

/// AttachmentStore over `attachments` and `attachment_chunks`: ids, key ids and sealed blobs only.
class SqlAttachmentStore final : public ports::AttachmentStore
{
public:
    /// `db` must outlive the store and be migrated to at least version 4. With `indexChanges`, each
    /// attachment inserted, deleted or moved is noted for its chart's manifest (rewritten at commit).
    explicit SqlAttachmentStore(Database& db, IndexChangeTracker* indexChanges = nullptr) noexcept
        : m_db(db), m_indexChanges(indexChanges)
    {}
    /// Inserts an attachment row. Errors: StorageError (duplicate id, unknown patient: foreign key).
    [[nodiscard]] Status insert(const ports::AttachmentRow& row) override;
    /// Inserts a chunk. Errors: StorageError (duplicate index, unknown attachment: foreign key).
    [[nodiscard]] Status insertChunk(const RowId& attachment, std::uint32_t index,
                                     std::span<const std::uint8_t> blob) override;
    /// One row, or nullopt. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::optional<ports::AttachmentRow>> find(const RowId& id) const override;
    /// A patient's rows in id order. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::vector<ports::AttachmentRow>> listOf(const access::PatientRef& patient) const override;
    [[nodiscard]] Result<std::size_t> replacePatientRef(const access::PatientRef& from,
                                                        const access::PatientRef& to) override;
    /// One chunk, or nullopt. Errors: StorageError.
    [[nodiscard]] Result<std::optional<std::vector<std::uint8_t>>> chunk(const RowId& attachment,
                                                                         std::uint32_t index) const override;
    /// Number of chunks. Errors: StorageError.
    [[nodiscard]] Result<std::size_t> chunkCount(const RowId& attachment) const override;
    /// Deletes the chunks, then the row. Errors: NotFound, StorageError.
    [[nodiscard]] Status remove(const RowId& id) override;

private:
    Database& m_db;
    IndexChangeTracker* m_indexChanges;
};

} // namespace cc::db
