// SPDX-License-Identifier: GPL-3.0-or-later
// The three roles of DESIGN.md section 1 and their stable on-disk codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cc::access {

/// A user's role. The numeric values are written into key slots and bound into their AAD: never
/// renumber them.
enum class Role : std::uint8_t { Patient = 1, Doctor = 2, Administrator = 3 };

/// Every role, in code order (for table tests and list views).
inline constexpr Role kAllRoles[] = {Role::Patient, Role::Doctor, Role::Administrator};

/// Stable lower-case name ("patient", "doctor", "administrator") for the CLI, JSON and logs.
[[nodiscard]] std::string_view roleName(Role role) noexcept;

/// The role with this on-disk code, or nothing for an unknown code (callers report MalformedInput).
[[nodiscard]] std::optional<Role> roleFromCode(std::uint8_t code) noexcept;

/// The role with this stable name, or nothing.
[[nodiscard]] std::optional<Role> roleFromName(std::string_view name) noexcept;

} // namespace cc::access
