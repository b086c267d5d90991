// SPDX-License-Identifier: GPL-3.0-or-later
// Random 128-bit identifiers used by the access layer: user, patient row and clinic ids, each its
// own type (core/TaggedId.h).
#pragma once

#include "core/TaggedId.h"

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>

namespace cc::access {

using cc::kIdSize;

struct UserIdTag;
struct PatientIdTag;

/// A user account's random id (not secret, not PHI).
using UserId = TaggedId<UserIdTag>;
/// A patient's random row id (not the MRN).
using PatientId = TaggedId<PatientIdTag>;
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

/// A clinic's random id (core/TaggedId.h), the same type the audit layer uses.
using cc::ClinicId;

} // namespace cc::access
