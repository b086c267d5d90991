// SPDX-License-Identifier: GPL-3.0-or-later
// Random 128-bit identifiers used by the access layer: user, patient row and clinic ids.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>

namespace cc::access {

/// Size of every random identifier (DESIGN.md section 5: random 128-bit row ids, never the MRN).
inline constexpr std::size_t kIdSize = 16;

/// A user account's random id (not secret, not PHI).
using UserId = std::array<std::uint8_t, kIdSize>;
/// A patient's random row id (not the MRN).
using PatientId = std::array<std::uint8_t, kIdSize>;
/// A patient's reference in clinical, index and attachment rows (issue 10 item 2; docs/RECORDS.md,
/// "Patient references"): an HMAC of the patient id under a key derived from that patient's own
/// clinical key, so only holders of that key (doctors, the patient) can compute it and an
/// administrator cannot join those rows to `patients.id`. A distinct type, so a clear patient id
/// cannot be stored where a reference belongs.
struct PatientRef
{
    std::array<std::uint8_t, kIdSize> bytes{};
    friend auto operator<=>(const PatientRef&, const PatientRef&) = default;
};

/// A clinic's random id, written in the key-slot file header and bound into every slot's AAD.
using ClinicId = std::array<std::uint8_t, kIdSize>;

} // namespace cc::access
