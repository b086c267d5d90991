// SPDX-License-Identifier: GPL-3.0-or-later
// Settings every service shares: KDF parameters and the workstation name written into audit events.
#pragma once

#include "core/crypto/PasswordHash.h"

#include <string>

namespace cc::services {

/// Options for the services of one process.
struct ServiceOptions
{
    /// Argon2id parameters for new and upgraded key slots (DESIGN.md section 4).
    crypto::Argon2Params kdf = crypto::Argon2Params::defaults();
    /// RFC 3881 NetworkAccessPointID: the workstation's host name.
    std::string workstation;
};

} // namespace cc::services
