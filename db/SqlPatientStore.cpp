// SPDX-License-Identifier: GPL-3.0-or-later
// Patient rows and break-glass grants as opaque bytes.
#include "db/SqlPatientStore.h"

#include "db/Database.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace cc::db {

namespace {

constexpr std::string_view kSelect = "SELECT id, identity_key_id, identity_key_wrapped, clinical_key_id, "
                                     "clinical_key_wrapped, doc, created_seq FROM patients";

Result<access::PatientId> idColumn(const Statement& stmt, int column)
{
    const std::vector<std::uint8_t> blob = stmt.columnBlob(column);
    access::PatientId id{};
    if (blob.size() != id.size())
        return makeError(ErrorCode::IntegrityFailure, "a stored id is not 16 bytes");
    std::copy(blob.begin(), blob.end(), id.begin());
    return id;
}

Result<ports::PatientRow> readRow(const Statement& stmt)
{
    ports::PatientRow row;
    auto id = idColumn(stmt, 0);
    CC_TRY(id);
    row.id = *id;
    row.identityKeyId = static_cast<std::uint32_t>(stmt.columnInt64(1));
    row.identityKeyWrapped = stmt.columnBlob(2);
    row.clinicalKeyId = static_cast<std::uint32_t>(stmt.columnInt64(3));
    row.clinicalKeyWrapped = stmt.columnBlob(4);
    row.document = stmt.columnBlob(5);
    row.createdSeq = stmt.columnInt64(6);
    return row;
}

Result<std::vector<ports::PatientRow>> readAll(Statement& stmt)
{
    std::vector<ports::PatientRow> rows;
    for (;;) {
        auto more = stmt.step();
        CC_TRY(more);
        if (!*more)
            return rows;
        auto row = readRow(stmt);
        CC_TRY(row);
        rows.push_back(std::move(*row));
    }
}

} // namespace

Status SqlPatientStore::insert(const ports::PatientRow& row)
{
    auto exists = find(row.id);
    CC_TRY(exists);
    if (exists->has_value())
        return makeError(ErrorCode::AlreadyExists, "a patient with this row id exists");
    auto stmt = m_db.prepare("INSERT INTO patients (id, identity_key_id, identity_key_wrapped, clinical_key_id, "
                             "clinical_key_wrapped, doc, created_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, row.id));
    CC_TRY(stmt->bindInt64(2, row.identityKeyId));
    CC_TRY(stmt->bindBlob(3, row.identityKeyWrapped));
    CC_TRY(stmt->bindInt64(4, row.clinicalKeyId));
    CC_TRY(stmt->bindBlob(5, row.clinicalKeyWrapped));
    CC_TRY(stmt->bindBlob(6, row.document));
    CC_TRY(stmt->bindInt64(7, row.createdSeq));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

Result<std::vector<access::PatientId>> SqlPatientStore::createdBy(std::int64_t seq) const
{
    auto stmt = m_db.prepare("SELECT id FROM patients WHERE created_seq = ?1 ORDER BY id;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindInt64(1, seq));
    std::vector<access::PatientId> ids;
    for (;;) {
        auto more = stmt->step();
        CC_TRY(more);
        if (!*more)
            return ids;
        access::PatientId id{};
        if (!stmt->columnBlobInto(0, id))
            return makeError(ErrorCode::IntegrityFailure, "a patient row holds an id that is not 16 bytes");
        ids.push_back(id);
    }
}

Status SqlPatientStore::updateWrappedKey(const access::PatientId& id, bool identity,
                                         std::span<const std::uint8_t> wrapped)
{
    auto stmt = m_db.prepare(identity ? "UPDATE patients SET identity_key_wrapped = ?2 WHERE id = ?1;"
                                      : "UPDATE patients SET clinical_key_wrapped = ?2 WHERE id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, id));
    CC_TRY(stmt->bindBlob(2, wrapped));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() != 1)
        return makeError(ErrorCode::NotFound, "no patient row with this id");
    return {};
}

Status SqlPatientStore::insertConfidentialKey(const ports::ConfidentialKeyRow& row)
{
    auto stmt = m_db.prepare("INSERT INTO confidential_keys (patient_id, key_id, key_wrapped) VALUES (?1, ?2, ?3);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, row.patientId));
    CC_TRY(stmt->bindInt64(2, row.keyId));
    CC_TRY(stmt->bindBlob(3, row.wrapped));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

namespace {

Result<std::vector<ports::ConfidentialKeyRow>> readConfidentialKeys(Statement& stmt)
{
    std::vector<ports::ConfidentialKeyRow> rows;
    for (;;) {
        auto more = stmt.step();
        CC_TRY(more);
        if (!*more)
            return rows;
        ports::ConfidentialKeyRow row;
        auto id = idColumn(stmt, 0);
        CC_TRY(id);
        row.patientId = *id;
        row.keyId = static_cast<std::uint32_t>(stmt.columnInt64(1));
        row.wrapped = stmt.columnBlob(2);
        rows.push_back(std::move(row));
    }
}

} // namespace

Result<std::optional<ports::ConfidentialKeyRow>>
SqlPatientStore::findConfidentialKey(const access::PatientId& patient) const
{
    auto stmt = m_db.prepare("SELECT patient_id, key_id, key_wrapped FROM confidential_keys WHERE patient_id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient));
    auto rows = readConfidentialKeys(*stmt);
    CC_TRY(rows);
    if (rows->empty())
        return std::optional<ports::ConfidentialKeyRow>{};
    return std::optional<ports::ConfidentialKeyRow>{std::move(rows->front())};
}

Result<std::vector<ports::ConfidentialKeyRow>> SqlPatientStore::confidentialKeys() const
{
    auto stmt = m_db.prepare("SELECT patient_id, key_id, key_wrapped FROM confidential_keys ORDER BY patient_id;");
    CC_TRY(stmt);
    return readConfidentialKeys(*stmt);
}

Status SqlPatientStore::updateConfidentialKey(const access::PatientId& patient, std::span<const std::uint8_t> wrapped)
{
    auto stmt = m_db.prepare("UPDATE confidential_keys SET key_wrapped = ?2 WHERE patient_id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient));
    CC_TRY(stmt->bindBlob(2, wrapped));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() != 1)
        return makeError(ErrorCode::NotFound, "no confidential key for this patient");
    return {};
}

Status SqlPatientStore::updateDocument(const access::PatientId& id, std::span<const std::uint8_t> document)
{
    auto stmt = m_db.prepare("UPDATE patients SET doc = ?2 WHERE id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, id));
    CC_TRY(stmt->bindBlob(2, document));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() != 1)
        return makeError(ErrorCode::NotFound, "no patient row with this id");
    return {};
}

Result<std::optional<ports::PatientRow>> SqlPatientStore::find(const access::PatientId& id) const
{
    auto stmt = m_db.prepare(std::string(kSelect) + " WHERE id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, id));
    auto rows = readAll(*stmt);
    CC_TRY(rows);
    if (rows->empty())
        return std::optional<ports::PatientRow>{};
    return std::optional<ports::PatientRow>{std::move(rows->front())};
}

Result<std::vector<ports::PatientRow>> SqlPatientStore::list() const
{
    auto stmt = m_db.prepare(std::string(kSelect) + " ORDER BY id;");
    CC_TRY(stmt);
    return readAll(*stmt);
}

Result<std::vector<ports::PatientRow>> SqlPatientStore::listAfter(const std::optional<access::PatientId>& after,
                                                                  std::size_t limit) const
{
    auto stmt = m_db.prepare(std::string(kSelect) + (after ? " WHERE id > ?1" : "") + " ORDER BY id LIMIT ?2;");
    CC_TRY(stmt);
    if (after)
        CC_TRY(stmt->bindBlob(1, *after));
    CC_TRY(stmt->bindInt64(
        2, static_cast<std::int64_t>(std::min<std::size_t>(limit, std::numeric_limits<std::int64_t>::max()))));
    return readAll(*stmt);
}

Result<std::size_t> SqlPatientStore::count() const
{
    auto stmt = m_db.prepare("SELECT count(*) FROM patients;");
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    return static_cast<std::size_t>(stmt->columnInt64(0));
}

Status SqlPatientStore::addBreakGlass(const ports::BreakGlassRow& row)
{
    auto stmt = m_db.prepare("INSERT INTO break_glass (id, doctor_id, patient_id, starts_at, expires_at, audit_seq) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, row.id));
    CC_TRY(stmt->bindBlob(2, row.doctor));
    CC_TRY(stmt->bindBlob(3, row.patient));
    CC_TRY(stmt->bindInt64(4, row.startsAt));
    CC_TRY(stmt->bindInt64(5, row.expiresAt));
    CC_TRY(stmt->bindInt64(6, row.auditSeq));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

Result<std::vector<ports::BreakGlassRow>> SqlPatientStore::activeBreakGlass(const access::UserId& doctor,
                                                                            const access::PatientId& patient,
                                                                            std::int64_t now) const
{
    auto stmt = m_db.prepare("SELECT id, starts_at, expires_at, audit_seq FROM break_glass "
                             "WHERE doctor_id = ?1 AND patient_id = ?2 AND expires_at > ?3 ORDER BY starts_at;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, doctor));
    CC_TRY(stmt->bindBlob(2, patient));
    CC_TRY(stmt->bindInt64(3, now));
    std::vector<ports::BreakGlassRow> rows;
    for (;;) {
        auto more = stmt->step();
        CC_TRY(more);
        if (!*more)
            return rows;
        ports::BreakGlassRow row;
        auto id = idColumn(*stmt, 0);
        CC_TRY(id);
        row.id = *id;
        row.doctor = doctor;
        row.patient = patient;
        row.startsAt = stmt->columnInt64(1);
        row.expiresAt = stmt->columnInt64(2);
        row.auditSeq = stmt->columnInt64(3);
        rows.push_back(row);
    }
}

} // namespace cc::db
