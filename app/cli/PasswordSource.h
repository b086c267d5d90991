// SPDX-License-Identifier: GPL-3.0-or-later
// Where the CLI gets passwords: the terminal without echo, or one per line on standard input.
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"

#include <iosfwd>
#include <string>

namespace cc::cli {

/// Reads passwords in the order a command documents (the acting user's first, then any new
/// password, then custodians' in order). With `fromStdin` each password is one line of `in`
/// (for scripts and tests); otherwise the controlling terminal is opened and echo is turned off
/// while the user types. Passwords are returned in wiped memory.
class PasswordSource
{
public:
    PasswordSource(std::istream& in, std::ostream& prompts, bool fromStdin);

    /// Reads one password. `prompt` is shown on the terminal (never with --password-stdin).
    /// Errors: InvalidArgument when input ends or the password is empty or longer than 1024 bytes;
    /// Internal when no terminal is available and --password-stdin was not given.
    [[nodiscard]] Result<crypto::SecureBytes> read(const std::string& prompt);

    /// Reads a new password twice on a terminal (once with --password-stdin) and checks the
    /// clinic's minimum rules (at least 12 characters). Errors as read(), plus a mismatch.
    [[nodiscard]] Result<crypto::SecureBytes> readNew(const std::string& prompt);

private:
    [[nodiscard]] Result<crypto::SecureBytes> readFromTerminal(const std::string& prompt);

    std::istream& m_in;
    std::ostream& m_prompts;
    bool m_fromStdin;
};

/// Minimum rules for a new password: at least 12 bytes, at most 1024. Returns an error naming the rule.
[[nodiscard]] Status checkNewPassword(const crypto::SecureBytes& password);

} // namespace cc::cli
