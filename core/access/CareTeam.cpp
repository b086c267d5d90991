// SPDX-License-Identifier: GPL-3.0-or-later
// Care team membership.
#include "core/access/CareTeam.h"

namespace cc::access {

Status CareTeam::add(const UserId& doctor, Role role)
{
    if (role != Role::Doctor)
        return makeError(ErrorCode::InvalidArgument, "only doctors can join a care team");
    if (!m_doctors.insert(doctor).second)
        return makeError(ErrorCode::AlreadyExists, "the doctor is already on the care team");
    return {};
}

bool CareTeam::remove(const UserId& doctor)
{
    return m_doctors.erase(doctor) != 0;
}

} // namespace cc::access
