// SPDX-License-Identifier: GPL-3.0-or-later
// What a key rotation and the revocation of a disabled account's keys did (never a key).
#pragma once

#include "core/access/KeyKind.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cc::services {

/// What a rotation did (never a key).
struct RotationResult
{
    std::string name;           ///< "DatabaseKey", "IdentityCategory", "ClinicalCategory"
    std::uint32_t keyId = 0;    ///< the new key's id
    std::uint32_t version = 0;  ///< the new key's version
    std::size_t recipients = 0; ///< mailbox entries written (accounts plus the recovery ring)
    bool sessionEnded = false;  ///< the administrator must log in again to take the new key
};

/// A key that must still be rotated because an account that held it was disabled or lost the role
/// that held it (docs/KEYS.md section 8, "Revocation"). Kept in meta `pending_rotations` until done;
/// shown on the administrator's Home and by `keys status`.
struct PendingRotation
{
    access::KeyKind kind = access::KeyKind::DatabaseKey;
    std::int64_t since = 0;           ///< Unix seconds of the oldest obligation
    std::vector<std::string> reasons; ///< e.g. "doctor 'carol' disabled" (never PHI)
};

/// What revoking an account's keys did (never a key).
struct Revocation
{
    std::vector<RotationResult> rotated;  ///< rotated now; the session took the new keys and goes on
    std::vector<PendingRotation> pending; ///< still to do (the clinical key waits for a doctor's session)
    std::vector<std::string> notRotated;  ///< kinds the account held that the clinic does not rotate, with why
    std::string problem;                  ///< why a rotation this session could do failed (it stays pending)
};

} // namespace cc::services
