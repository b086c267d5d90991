// SPDX-License-Identifier: GPL-3.0-or-later
// Attachment rows and chunks as opaque bytes.
#include "db/SqlAttachmentStore.h"

#include "db/Database.h"
#include "db/IndexChangeTracker.h"

#include <algorithm>

namespace cc::db {

namespace {

constexpr std::string_view kSelect =
    "SELECT id, patient_ref, encounter_id, file_key_id, file_key_sealed, doc FROM attachments";

Result<RowId> idColumn(const Statement& stmt, int column)
{
    const std::vector<std::uint8_t> blob = stmt.columnBlob(column);
    RowId id{};
    if (blob.size() != id.size())
        return makeError(ErrorCode::IntegrityFailure, "a stored id is not 16 bytes");
    std::copy(blob.begin(), blob.end(), id.begin());
    return id;
}

Result<std::vector<ports::AttachmentRow>> readRows(Statement& stmt)
{
    std::vector<ports::AttachmentRow> rows;
    for (;;) {
        auto more = stmt.step();
        CC_TRY(more);
        if (!*more)
            return rows;
        ports::AttachmentRow row;
        auto id = idColumn(stmt, 0);
        CC_TRY(id);
        row.id = *id;
        auto patient = idColumn(stmt, 1);
        CC_TRY(patient);
        row.patientRef.bytes = *patient;
        if (!stmt.isNull(2)) {
            auto encounter = idColumn(stmt, 2);
            CC_TRY(encounter);
            row.encounterId = *encounter;
        }
        row.fileKeyId = static_cast<std::uint32_t>(stmt.columnInt64(3));
        row.fileKeySealed = stmt.columnBlob(4);
        row.document = stmt.columnBlob(5);
        rows.push_back(std::move(row));
    }
}

} // namespace

Status SqlAttachmentStore::insert(const ports::AttachmentRow& row)
{
    auto stmt =
        m_db.prepare("INSERT INTO attachments (id, patient_ref, encounter_id, file_key_id, file_key_sealed, doc) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, row.id));
    CC_TRY(stmt->bindBlob(2, row.patientRef.bytes));
    if (row.encounterId)
        CC_TRY(stmt->bindBlob(3, *row.encounterId));
    else
        CC_TRY(stmt->bindNull(3));
    CC_TRY(stmt->bindInt64(4, row.fileKeyId));
    CC_TRY(stmt->bindBlob(5, row.fileKeySealed));
    CC_TRY(stmt->bindBlob(6, row.document));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_indexChanges != nullptr)
        m_indexChanges->noteChart(row.patientRef, row.id);
    return {};
}

Status SqlAttachmentStore::insertChunk(const RowId& attachment, std::uint32_t index, std::span<const std::uint8_t> blob)
{
    auto stmt = m_db.prepare("INSERT INTO attachment_chunks (attachment_id, chunk_index, data) VALUES (?1, ?2, ?3);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, attachment));
    CC_TRY(stmt->bindInt64(2, index));
    CC_TRY(stmt->bindBlob(3, blob));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

Result<std::optional<ports::AttachmentRow>> SqlAttachmentStore::find(const RowId& id) const
{
    auto stmt = m_db.prepare(std::string(kSelect) + " WHERE id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, id));
    auto rows = readRows(*stmt);
    CC_TRY(rows);
    if (rows->empty())
        return std::optional<ports::AttachmentRow>{};
    return std::optional<ports::AttachmentRow>{std::move(rows->front())};
}

Result<std::vector<ports::AttachmentRow>> SqlAttachmentStore::listOf(const access::PatientRef& patient) const
{
    auto stmt = m_db.prepare(std::string(kSelect) + " WHERE patient_ref = ?1 ORDER BY id;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient.bytes));
    return readRows(*stmt);
}

Result<std::size_t> SqlAttachmentStore::replacePatientRef(const access::PatientRef& from, const access::PatientRef& to)
{
    auto stmt = m_db.prepare("UPDATE attachments SET patient_ref = ?2 WHERE patient_ref = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, from.bytes));
    CC_TRY(stmt->bindBlob(2, to.bytes));
    auto done = stmt->step();
    CC_TRY(done);
    const auto moved = static_cast<std::size_t>(m_db.changes());
    if (moved != 0 && m_indexChanges != nullptr)
        m_indexChanges->noteChartMoved(to);
    return moved;
}

Result<std::optional<std::vector<std::uint8_t>>> SqlAttachmentStore::chunk(const RowId& attachment,
                                                                           std::uint32_t index) const
{
    auto stmt = m_db.prepare("SELECT data FROM attachment_chunks WHERE attachment_id = ?1 AND chunk_index = ?2;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, attachment));
    CC_TRY(stmt->bindInt64(2, index));
    auto row = stmt->step();
    CC_TRY(row);
    if (!*row)
        return std::optional<std::vector<std::uint8_t>>{};
    return std::optional<std::vector<std::uint8_t>>{stmt->columnBlob(0)};
}

Result<std::size_t> SqlAttachmentStore::chunkCount(const RowId& attachment) const
{
    auto stmt = m_db.prepare("SELECT count(*) FROM attachment_chunks WHERE attachment_id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, attachment));
    auto row = stmt->step();
    CC_TRY(row);
    return static_cast<std::size_t>(stmt->columnInt64(0));
}

Status SqlAttachmentStore::remove(const RowId& id)
{
    auto row = find(id);
    CC_TRY(row);
    if (!row->has_value())
        return makeError(ErrorCode::NotFound, "no attachment with this id");
    auto chunks = m_db.prepare("DELETE FROM attachment_chunks WHERE attachment_id = ?1;");
    CC_TRY(chunks);
    CC_TRY(chunks->bindBlob(1, id));
    auto doneChunks = chunks->step();
    CC_TRY(doneChunks);
    auto stmt = m_db.prepare("DELETE FROM attachments WHERE id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, id));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() == 0)
        return makeError(ErrorCode::NotFound, "no attachment with this id");
    if (m_indexChanges != nullptr)
        m_indexChanges->noteChart((*row)->patientRef, id);
    return {};
}

} // namespace cc::db
