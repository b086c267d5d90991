// SPDX-License-Identifier: GPL-3.0-or-later
// The clinic's rule for new passwords, shared by the GUI and the CLI.
#pragma once

#include "core/Result.h"

#include <cstddef>
#include <span>

namespace cc::services {

/// Shortest new password, in bytes of UTF-8. NIST SP 800-63B asks for at least 8; a clinic
/// workstation's accounts open patient keys, so CipherChart asks for 12.
inline constexpr std::size_t kMinNewPasswordLength = 12;
/// Longest password accepted anywhere.
inline constexpr std::size_t kMaxPasswordLength = 1024;

/// Checks a new password against the rule. Errors: InvalidArgument naming the rule.
[[nodiscard]] inline Status checkNewPassword(std::span<const std::uint8_t> password)
{
    if (password.size() < kMinNewPasswordLength)
        return makeError(ErrorCode::InvalidArgument, "a new password needs at least 12 characters");
    if (password.size() > kMaxPasswordLength)
        return makeError(ErrorCode::InvalidArgument, "a password may have at most 1024 bytes");
    return {};
}

} // namespace cc::services
