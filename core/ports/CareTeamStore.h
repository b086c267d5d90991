// SPDX-License-Identifier: GPL-3.0-or-later
// Port: care-team membership (patient row id, doctor user id), table `care_team`.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace cc::ports {

/// One care-team membership and the audit event that made it (schema 10; 0 in rows older than
/// it, until services::CareTeamBinding::complete binds them).
struct CareTeamRow
{
    access::PatientId patient{};
    access::UserId doctor{};
    std::int64_t auditSeq = 0;
};

/// Moves on whenever a care-team row may have changed: equal values mean the rows read before are
/// still the rows, so a session may keep what it checked of them (services::CareTeamBinding
/// ::patientsOf). `store` tells one opened store from another; `otherCommits` moves with every
/// commit through another connection to the database (SQLite's data_version: the sqlite3 shell of
/// someone holding the database key included); `ownWrites` with every write of this store.
struct CareTeamGeneration
{
    std::uint64_t store = 0;
    std::int64_t otherCommits = 0;
    std::uint64_t ownWrites = 0;
    friend bool operator==(const CareTeamGeneration&, const CareTeamGeneration&) = default;
};

namespace meta {
/// Set ("1") once every care-team row names its audit event: when a clinic is created, or by the
/// first doctor's login that binds the rows of an older clinic.
inline constexpr std::string_view kCareTeamBound = "care_team_bound";
} // namespace meta

/// Which doctors are on which patient's care team. Ids only: no PHI.
class CareTeamStore
{
public:
    virtual ~CareTeamStore() = default;
    /// The rows' generation now. Errors: StorageError.
    [[nodiscard]] virtual Result<CareTeamGeneration> generation() const = 0;
    /// Doctors on the patient's care team. Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<access::UserId>> doctorsOf(const access::PatientId& patient) const = 0;
    /// The rows of a doctor's care teams, by patient. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] virtual Result<std::vector<CareTeamRow>> rowsOfDoctor(const access::UserId& doctor) const = 0;
    /// The rows of a patient's care team, by doctor. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] virtual Result<std::vector<CareTeamRow>> rowsOfPatient(const access::PatientId& patient) const = 0;
    /// Every row. Errors: StorageError, IntegrityFailure.
    [[nodiscard]] virtual Result<std::vector<CareTeamRow>> allRows() const = 0;
    /// Adds a doctor, naming the audit event that did it. Errors: AlreadyExists, StorageFull,
    /// StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status add(const access::PatientId& patient, const access::UserId& doctor,
                                     std::int64_t auditSeq) = 0;
    /// Sets the audit event of an existing row. Errors: NotFound, StorageError.
    [[nodiscard]] virtual Status bind(const CareTeamRow& row) = 0;
    /// Removes a doctor. Errors: NotFound, StorageError.
    [[nodiscard]] virtual Status remove(const access::PatientId& patient, const access::UserId& doctor) = 0;
    /// Removes the doctor from every care team (account disabled). Errors: StorageError.
    [[nodiscard]] virtual Status removeDoctorEverywhere(const access::UserId& doctor) = 0;
};

} // namespace cc::ports
