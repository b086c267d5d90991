// SPDX-License-Identifier: GPL-3.0-or-later
// Port: care-team membership (patient row id, doctor user id), table `care_team`.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"

#include <vector>

namespace cc::ports {

/// Which doctors are on which patient's care team. Ids only: no PHI.
class CareTeamStore
{
public:
    virtual ~CareTeamStore() = default;
    /// Doctors on the patient's care team. Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<access::UserId>> doctorsOf(const access::PatientId& patient) const = 0;
    /// Patients whose care team includes the doctor. Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<access::PatientId>> patientsOf(const access::UserId& doctor) const = 0;
    /// Adds a doctor. Errors: AlreadyExists, StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status add(const access::PatientId& patient, const access::UserId& doctor) = 0;
    /// Removes a doctor. Errors: NotFound, StorageError.
    [[nodiscard]] virtual Status remove(const access::PatientId& patient, const access::UserId& doctor) = 0;
    /// Removes the doctor from every care team (account disabled). Errors: StorageError.
    [[nodiscard]] virtual Status removeDoctorEverywhere(const access::UserId& doctor) = 0;
};

} // namespace cc::ports
