// SPDX-License-Identifier: GPL-3.0-or-later
// The doctors assigned to one patient (DESIGN.md section 1).
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/access/Role.h"

#include <set>

namespace cc::access {

/// The set of doctor user ids assigned to a patient row. Managed by administrators; read by
/// ChartAccess. Holds ids only (no names), so it carries no PHI beyond the row link.
class CareTeam
{
public:
    /// An empty care team for a patient.
    explicit CareTeam(const PatientId& patient) : m_patient(patient) {}

    /// The patient this team is for.
    [[nodiscard]] const PatientId& patientId() const noexcept { return m_patient; }
    /// Adds a doctor. Errors: InvalidArgument if `role` is not Doctor, AlreadyExists.
    [[nodiscard]] Status add(const UserId& doctor, Role role);
    /// Removes a doctor; false if they were not a member.
    bool remove(const UserId& doctor);
    /// True if the doctor belongs to the team.
    [[nodiscard]] bool contains(const UserId& doctor) const { return m_doctors.count(doctor) != 0; }
    /// Every member's user id.
    [[nodiscard]] const std::set<UserId>& members() const noexcept { return m_doctors; }

private:
    PatientId m_patient;
    std::set<UserId> m_doctors;
};

} // namespace cc::access
