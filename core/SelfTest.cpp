// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/SelfTest.h"

#include <algorithm>

namespace cc {

bool allPassed(const std::vector<SelfTestResult>& results)
{
    return !results.empty() && std::all_of(results.begin(), results.end(), [](const auto& r) { return r.passed; });
}

} // namespace cc
