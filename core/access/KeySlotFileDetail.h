// SPDX-License-Identifier: GPL-3.0-or-later
// Private to the KeySlotFile*.cpp files.
#pragma once

#include "core/Result.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace cc::access::keyslot_detail {

inline std::span<const std::uint8_t> asBytes(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

inline Error noSlot()
{
    return makeError(ErrorCode::AccountDisabled, "this account has no key slot (disabled or never created)");
}

} // namespace cc::access::keyslot_detail
