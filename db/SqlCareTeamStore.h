// SPDX-License-Identifier: GPL-3.0-or-later
// Care-team membership in the database's `care_team` table (schema version 2).
#pragma once

#include "core/ports/CareTeamStore.h"

namespace cc::db {

class Database;

/// CareTeamStore over `care_team(patient_id, doctor_id)`: random 16-byte ids only, no PHI.
class SqlCareTeamStore final : public ports::CareTeamStore
{
public:
    /// `db` must outlive the store and be migrated to at least version 10.
    explicit SqlCareTeamStore(Database& db) noexcept;

    /// This store's number, PRAGMA data_version and the count of this store's writes (every
    /// add, bind and remove, counted before it runs, so one that fails or rolls back still
    /// moves it on). Errors: StorageError.
    [[nodiscard]] Result<ports::CareTeamGeneration> generation() const override;
    /// Doctors on the patient's care team, in id order. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] Result<std::vector<access::UserId>> doctorsOf(const access::PatientId& patient) const override;
    /// A doctor's rows, in patient id order (from the covering index care_team_by_doctor).
    [[nodiscard]] Result<std::vector<ports::CareTeamRow>> rowsOfDoctor(const access::UserId& doctor) const override;
    [[nodiscard]] Result<std::vector<ports::CareTeamRow>>
    rowsOfPatient(const access::PatientId& patient) const override;
    [[nodiscard]] Result<std::vector<ports::CareTeamRow>> allRows() const override;
    /// Adds the doctor to the patient's team. Errors: AlreadyExists, StorageFull,
    /// StorageReadOnly, StorageBusy, StorageError.
    [[nodiscard]] Status add(const access::PatientId& patient, const access::UserId& doctor,
                             std::int64_t auditSeq) override;
    [[nodiscard]] Status bind(const ports::CareTeamRow& row) override;
    /// Removes the doctor from the patient's team. Errors: NotFound, StorageError.
    [[nodiscard]] Status remove(const access::PatientId& patient, const access::UserId& doctor) override;
    /// Removes the doctor from every team (none is fine). Errors: StorageError.
    [[nodiscard]] Status removeDoctorEverywhere(const access::UserId& doctor) override;

private:
    Database& m_db;
    std::uint64_t m_storeNumber;
    std::uint64_t m_writes = 0;
};

} // namespace cc::db
