// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/Hex.h"

namespace cc::crypto {

namespace {

int nibble(char c) noexcept
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::string hexEncode(std::span<const std::uint8_t> data)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(data.size() * 2);
    for (const std::uint8_t b : data) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

Result<std::vector<std::uint8_t>> hexDecode(std::string_view text)
{
    std::vector<std::uint8_t> out;
    out.reserve(text.size() / 2);
    int high = -1;
    for (const char c : text) {
        if (c == ' ')
            continue;
        const int v = nibble(c);
        if (v < 0)
            return malformed("not a hexadecimal digit");
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>((high << 4) | v));
            high = -1;
        }
    }
    if (high >= 0)
        return malformed("odd number of hexadecimal digits");
    return out;
}

} // namespace cc::crypto
