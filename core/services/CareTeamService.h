// SPDX-License-Identifier: GPL-3.0-or-later
// Care teams: which doctors may open which patient's chart without breaking the glass.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/services/ClinicService.h"

#include <string>
#include <vector>

namespace cc::services {

/// Care-team administration (ManageCareTeams). Patients are named by their random row id (hex);
/// the patient records that give those ids arrive with the clinical record services.
class CareTeamService
{
public:
    explicit CareTeamService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Adds a doctor (by account name) to a patient's care team. Errors: AccessDenied,
    /// InvalidArgument (not a doctor, bad patient id), NotFound, AlreadyExists, storage errors.
    [[nodiscard]] Status add(const std::string& patientIdHex, const std::string& doctorName)
    {
        return change(patientIdHex, doctorName, true);
    }
    /// Removes a doctor. Errors as add().
    [[nodiscard]] Status remove(const std::string& patientIdHex, const std::string& doctorName)
    {
        return change(patientIdHex, doctorName, false);
    }
    /// Account names of the patient's care team.
    [[nodiscard]] Result<std::vector<std::string>> list(const std::string& patientIdHex);

private:
    Status change(const std::string& patientIdHex, const std::string& doctorName, bool adding);
    Result<access::PatientId> parsePatient(const std::string& hex) const;
    Result<access::UserId> doctorId(const std::string& name) const;
    ClinicService& m_clinic;
};

} // namespace cc::services
