// SPDX-License-Identifier: GPL-3.0-or-later
// SQLCipher raw-key form, built without leaving the key in unwiped memory.
#include "db/RawKey.h"

namespace cc::db::detail {

Result<crypto::SecureBytes> rawKeySpec(const crypto::SecureBytes& key)
{
    if (key.size() != kRawKeySize)
        return makeError(ErrorCode::InvalidArgument, "a database key must be 32 bytes");
    static constexpr char digits[] = "0123456789abcdef";
    crypto::SecureBytes spec(3 + 2 * kRawKeySize);
    spec[0] = 'x';
    spec[1] = '\'';
    for (std::size_t i = 0; i < kRawKeySize; ++i) {
        // Table lookup indexed by secret nibbles: the table is 16 bytes, within one cache line.
        spec[2 + 2 * i] = static_cast<std::uint8_t>(digits[key[i] >> 4]);
        spec[3 + 2 * i] = static_cast<std::uint8_t>(digits[key[i] & 0x0f]);
    }
    spec[spec.size() - 1] = '\'';
    return spec;
}

} // namespace cc::db::detail
