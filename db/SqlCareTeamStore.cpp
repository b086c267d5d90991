// SPDX-License-Identifier: GPL-3.0-or-later
// Care teams as (patient id, doctor id) pairs.
#include "db/SqlCareTeamStore.h"

#include "db/Database.h"

#include <atomic>
#include <string_view>

namespace cc::db {

namespace {

constexpr const char* kBadId = "a care-team row holds an id that is not 16 bytes";

/// Every store object gets its own number, so a clinic closed and opened again (a restore, a
/// reopened session) never shows the generation of the store before it.
std::uint64_t nextStoreNumber() noexcept
{
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

/// Runs a one-parameter SELECT of 16-byte ids. A stored id of another size cannot come from this
/// code (the table's CHECK refuses it), so it is reported rather than truncated.
template <class Id>
Result<std::vector<Id>> selectIds(Database& db, std::string_view sql, std::span<const std::uint8_t> key)
{
    auto stmt = db.prepare(sql);
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, key));
    std::vector<Id> ids;
    for (;;) {
        auto row = stmt->step();
        CC_TRY(row);
        if (!*row)
            return ids;
        Id id{};
        if (!stmt->columnBlobInto(0, id))
            return makeError(ErrorCode::IntegrityFailure, kBadId);
        ids.push_back(id);
    }
}

/// Runs a SELECT of (patient_id, doctor_id, audit_seq) with at most one blob parameter. With
/// `knownDoctor` the query selects (patient_id, audit_seq) only and every row gets that doctor:
/// a doctor's own rows, read at every patient list (10^5 for a doctor who imported a clinic),
/// straight from the covering index, without a blob per row for a column that is known.
Result<std::vector<ports::CareTeamRow>> selectRows(Database& db, std::string_view sql,
                                                   std::span<const std::uint8_t> key,
                                                   const access::UserId* knownDoctor = nullptr)
{
    auto stmt = db.prepare(sql);
    CC_TRY(stmt);
    if (!key.empty())
        CC_TRY(stmt->bindBlob(1, key));
    std::vector<ports::CareTeamRow> rows;
    for (;;) {
        auto more = stmt->step();
        CC_TRY(more);
        if (!*more)
            return rows;
        ports::CareTeamRow row;
        if (!stmt->columnBlobInto(0, row.patient))
            return makeError(ErrorCode::IntegrityFailure, kBadId);
        if (knownDoctor != nullptr) {
            row.doctor = *knownDoctor;
            row.auditSeq = stmt->columnInt64(1);
        } else {
            if (!stmt->columnBlobInto(1, row.doctor))
                return makeError(ErrorCode::IntegrityFailure, kBadId);
            row.auditSeq = stmt->columnInt64(2);
        }
        rows.push_back(row);
    }
}

} // namespace

SqlCareTeamStore::SqlCareTeamStore(Database& db) noexcept : m_db(db), m_storeNumber(nextStoreNumber()) {}

Result<ports::CareTeamGeneration> SqlCareTeamStore::generation() const
{
    // data_version moves when another connection commits (the sqlite3 shell of someone holding
    // the database key included); this store's own writes are counted in m_writes.
    auto stmt = m_db.prepare("PRAGMA data_version;");
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    if (!*row)
        return makeError(ErrorCode::StorageError, "PRAGMA data_version returned no row");
    return ports::CareTeamGeneration{m_storeNumber, stmt->columnInt64(0), m_writes};
}

Result<std::vector<ports::CareTeamRow>> SqlCareTeamStore::rowsOfDoctor(const access::UserId& doctor) const
{
    return selectRows(m_db, "SELECT patient_id, audit_seq FROM care_team WHERE doctor_id = ?1 ORDER BY patient_id;",
                      doctor, &doctor);
}

Result<std::vector<ports::CareTeamRow>> SqlCareTeamStore::rowsOfPatient(const access::PatientId& patient) const
{
    return selectRows(m_db,
                      "SELECT patient_id, doctor_id, audit_seq FROM care_team WHERE patient_id = ?1 "
                      "ORDER BY doctor_id;",
                      patient);
}

Result<std::vector<ports::CareTeamRow>> SqlCareTeamStore::allRows() const
{
    return selectRows(m_db, "SELECT patient_id, doctor_id, audit_seq FROM care_team ORDER BY patient_id, doctor_id;",
                      {});
}

Status SqlCareTeamStore::bind(const ports::CareTeamRow& row)
{
    ++m_writes;
    auto stmt = m_db.prepare("UPDATE care_team SET audit_seq = ?3 WHERE patient_id = ?1 AND doctor_id = ?2;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, row.patient));
    CC_TRY(stmt->bindBlob(2, row.doctor));
    CC_TRY(stmt->bindInt64(3, row.auditSeq));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() == 0)
        return makeError(ErrorCode::NotFound, "the doctor is not on this patient's care team");
    return {};
}

Result<std::vector<access::UserId>> SqlCareTeamStore::doctorsOf(const access::PatientId& patient) const
{
    return selectIds<access::UserId>(m_db, "SELECT doctor_id FROM care_team WHERE patient_id = ?1 ORDER BY doctor_id;",
                                     patient);
}

Status SqlCareTeamStore::add(const access::PatientId& patient, const access::UserId& doctor, std::int64_t auditSeq)
{
    ++m_writes;
    // OR IGNORE turns only the primary-key conflict into "no change"; CHECK and NOT NULL
    // failures still abort. changes() then tells a new pair from an existing one.
    auto stmt = m_db.prepare("INSERT OR IGNORE INTO care_team (patient_id, doctor_id, audit_seq) VALUES (?1, ?2, ?3);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient));
    CC_TRY(stmt->bindBlob(2, doctor));
    CC_TRY(stmt->bindInt64(3, auditSeq));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() == 0)
        return makeError(ErrorCode::AlreadyExists, "the doctor is already on this patient's care team");
    return {};
}

Status SqlCareTeamStore::remove(const access::PatientId& patient, const access::UserId& doctor)
{
    ++m_writes;
    auto stmt = m_db.prepare("DELETE FROM care_team WHERE patient_id = ?1 AND doctor_id = ?2;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient));
    CC_TRY(stmt->bindBlob(2, doctor));
    auto done = stmt->step();
    CC_TRY(done);
    if (m_db.changes() == 0)
        return makeError(ErrorCode::NotFound, "the doctor is not on this patient's care team");
    return {};
}

Status SqlCareTeamStore::removeDoctorEverywhere(const access::UserId& doctor)
{
    ++m_writes;
    auto stmt = m_db.prepare("DELETE FROM care_team WHERE doctor_id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, doctor));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

} // namespace cc::db
