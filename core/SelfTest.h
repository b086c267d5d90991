// SPDX-License-Identifier: GPL-3.0-or-later
// Known-answer self-tests run at start-up before any window or command touches a secret.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cc {

/// The outcome of one known-answer check.
struct SelfTestResult
{
    std::string name; ///< stable name, e.g. "aes-256-gcm"
    bool passed = false;
    std::string detail; ///< what was checked, or what differed
};

/// Options for a self-test run. `breakCheck` names one check whose expected value is corrupted:
/// a test hook proving that a failing check really stops the program. It can only cause failures.
struct SelfTestOptions
{
    std::string breakCheck;
};

/// True if every result passed (and there is at least one).
[[nodiscard]] bool allPassed(const std::vector<SelfTestResult>& results);

} // namespace cc
