// SPDX-License-Identifier: GPL-3.0-or-later
// Role names and codes.
#include "core/access/Role.h"

namespace cc::access {

std::string_view roleName(Role role) noexcept
{
    switch (role) {
    case Role::Patient:
        return "patient";
    case Role::Doctor:
        return "doctor";
    case Role::Administrator:
        return "administrator";
    }
    return "unknown";
}

std::optional<Role> roleFromCode(std::uint8_t code) noexcept
{
    for (Role r : kAllRoles) {
        if (static_cast<std::uint8_t>(r) == code)
            return r;
    }
    return std::nullopt;
}

std::optional<Role> roleFromName(std::string_view name) noexcept
{
    for (Role r : kAllRoles) {
        if (roleName(r) == name)
            return r;
    }
    return std::nullopt;
}

} // namespace cc::access
