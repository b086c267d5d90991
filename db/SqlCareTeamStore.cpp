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

} // namespace

Result<std::vector<access::UserId>> SqlCareTeamStore::doctorsOf(const access::PatientId& patient) const
{
    return selectIds(m_db, "SELECT doctor_id FROM care_team WHERE patient_id = ?1 ORDER BY doctor_id;", patient);
}

Result<std::vector<access::PatientId>> SqlCareTeamStore::patientsOf(const access::UserId& doctor) const
{
    return selectIds(m_db, "SELECT patient_id FROM care_team WHERE doctor_id = ?1 ORDER BY patient_id;", doctor);
}

Status SqlCareTeamStore::add(const access::PatientId& patient, const access::UserId& doctor)
{
    // OR IGNORE turns only the primary-key conflict into "no change"; CHECK and NOT NULL
    // failures still abort. changes() then tells a new pair from an existing one.
    auto stmt = m_db.prepare("INSERT OR IGNORE INTO care_team (patient_id, doctor_id) VALUES (?1, ?2);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, patient));
    CC_TRY(stmt->bindBlob(2, doctor));
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
