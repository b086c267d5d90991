// SPDX-License-Identifier: GPL-3.0-or-later
// The role-permission matrix of DESIGN.md section 1, as one pure function.
#pragma once

#include "core/Result.h"
#include "core/access/Permission.h"
#include "core/access/Role.h"

namespace cc::access {

/// Decides what a role may do. This is the first gate only: services also check the key ring
/// (an administrator has no clinical key, so even a policy bug cannot decrypt a chart), the care
/// team or break-glass grant (ChartAccess) and custodian status (a Paillier share in the ring).
class AccessPolicy
{
public:
    /// True if `role` may perform `permission`. Administrators never get ReadChart or WriteChart.
    [[nodiscard]] static bool allows(Role role, Permission permission) noexcept;

    /// Ok if allowed, otherwise AccessDenied naming the role and permission (no PHI).
    [[nodiscard]] static Status check(Role role, Permission permission);
};

} // namespace cc::access
