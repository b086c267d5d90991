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
    /// `db` must outlive the store and be migrated to at least version 2.
    explicit SqlCareTeamStore(Database& db) noexcept : m_db(db) {}

    /// Doctors on the patient's care team, in id order. Errors: StorageError.
    [[nodiscard]] Result<std::vector<access::UserId>> doctorsOf(const access::PatientId& patient) const override;
    /// Patients whose care team includes the doctor, in id order. Errors: StorageError.
    [[nodiscard]] Result<std::vector<access::PatientId>> patientsOf(const access::UserId& doctor) const override;
    /// Adds the doctor to the patient's team. Errors: AlreadyExists, StorageFull,
    /// StorageReadOnly, StorageBusy, StorageError.
    [[nodiscard]] Result<std::vector<ports::CareTeamRow>> rowsOfDoctor(const access::UserId& doctor) const override;
    [[nodiscard]] Result<std::vector<ports::CareTeamRow>>
    rowsOfPatient(const access::PatientId& patient) const override;
    [[nodiscard]] Result<std::vector<ports::CareTeamRow>> allRows() const override;
    [[nodiscard]] Status add(const access::PatientId& patient, const access::UserId& doctor,
                             std::int64_t auditSeq) override;
    [[nodiscard]] Status bind(const ports::CareTeamRow& row) override;
    /// Removes the doctor from the patient's team. Errors: NotFound, StorageError.
    [[nodiscard]] Status remove(const access::PatientId& patient, const access::UserId& doctor) override;
    /// Removes the doctor from every team (none is fine). Errors: StorageError.
    [[nodiscard]] Status removeDoctorEverywhere(const access::UserId& doctor) override;

private:
    Database& m_db;
};

} // namespace cc::db
