// SPDX-License-Identifier: GPL-3.0-or-later
// Care teams as (patient id, doctor id) pairs.
#include "db/SqlCareTeamStore.h"

#include "db/Database.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace cc::db {

namespace {

/// Runs a one-parameter SELECT of 16-byte ids. A stored id of another size cannot come from this
/// code (the table's CHECK refuses it), so it is reported rather than truncated.
Result<std::vector<std::array<std::uint8_t, access::kIdSize>>> selectIds(Database& db, std::string_view sql,
                                                                         std::span<const std::uint8_t> key)
{
    auto stmt = db.prepare(sql);
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, key));
    std::vector<std::array<std::uint8_t, access::kIdSize>> ids;
    for (;;) {
        auto row = stmt->step();
        CC_TRY(row);
        if (!*row)
            return ids;
        const std::vector<std::uint8_t> blob = stmt->columnBlob(0);
        if (blob.size() != access::kIdSize)
            return makeError(ErrorCode::IntegrityFailure, "a care-team row holds an id that is not 16 bytes");
        std::array<std::uint8_t, access::kIdSize> id{};
        std::copy(blob.begin(), blob.end(), id.begin());
        ids.push_back(id);
    }
}

Result<std::vector<ports::CareTeamRow>> selectRows(Database& db, std::string_view sql,
                                                   std::span<const std::uint8_t> key)
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
        const std::vector<std::uint8_t> patient = stmt->columnBlob(0);
        const std::vector<std::uint8_t> doctor = stmt->columnBlob(1);
        if (patient.size() != access::kIdSize || doctor.size() != access::kIdSize)
            return makeError(ErrorCode::IntegrityFailure, "a care-team row holds an id that is not 16 bytes");
        ports::CareTeamRow row;
        std::copy(patient.begin(), patient.end(), row.patient.begin());
        std::copy(doctor.begin(), doctor.end(), row.doctor.begin());
        row.auditSeq = stmt->columnInt64(2);
        rows.push_back(row);
    }
}

} // namespace

Result<std::vector<ports::CareTeamRow>> SqlCareTeamStore::rowsOfDoctor(const access::UserId& doctor) const
{
    // Read at every patient list and search (10^5 rows for a doctor who imported a clinic): the
    // doctor is known, so only the patient and the event are read, from the covering index.
    auto stmt = m_db.prepare("SELECT patient_id, audit_seq FROM care_team WHERE doctor_id = ?1 ORDER BY patient_id;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, doctor));
    std::vector<ports::CareTeamRow> rows;
    for (;;) {
        auto more = stmt->step();
        CC_TRY(more);
        if (!*more)
            return rows;
        const std::vector<std::uint8_t> patient = stmt->columnBlob(0);
        if (patient.size() != access::kIdSize)
            return makeError(ErrorCode::IntegrityFailure, "a care-team row holds an id that is not 16 bytes");
        ports::CareTeamRow row;
        std::copy(patient.begin(), patient.end(), row.patient.begin());
        row.doctor = doctor;
        row.auditSeq = stmt->columnInt64(1);
        rows.push_back(row);
    }
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
    return selectIds(m_db, "SELECT doctor_id FROM care_team WHERE patient_id = ?1 ORDER BY doctor_id;", patient);
}

Result<std::vector<access::PatientId>> SqlCareTeamStore::patientsOf(const access::UserId& doctor) const
{
    return selectIds(m_db, "SELECT patient_id FROM care_team WHERE doctor_id = ?1 ORDER BY patient_id;", doctor);
}

Status SqlCareTeamStore::add(const access::PatientId& patient, const access::UserId& doctor, std::int64_t auditSeq)
{
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
    auto stmt = m_db.prepare("DELETE FROM care_team WHERE doctor_id = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, doctor));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

} // namespace cc::db
