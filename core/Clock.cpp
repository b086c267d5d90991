// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Clock.h"

namespace cc {

std::int64_t Clock::nowSeconds() const
{
    return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
}

} // namespace cc
