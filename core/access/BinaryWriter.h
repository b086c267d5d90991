// SPDX-License-Identifier: GPL-3.0-or-later
// Big-endian appender for the access layer's binary formats (key ring, key-slot file); internal.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cc::access {

/// Appends fixed-width big-endian integers and raw bytes to a caller-owned vector. The caller
/// decides whether the vector holds secrets and wipes it (the key ring serialiser does).
class BinaryWriter
{
public:
    explicit BinaryWriter(std::vector<std::uint8_t>& out) : m_out(out) {}

    /// Appends one byte.
    void u8(std::uint8_t v) { m_out.push_back(v); }
    /// Appends a 16-bit big-endian integer.
    void u16(std::uint16_t v) { be(v, 2); }
    /// Appends a 32-bit big-endian integer.
    void u32(std::uint32_t v) { be(v, 4); }
    /// Appends a 64-bit big-endian integer.
    void u64(std::uint64_t v) { be(v, 8); }
    /// Appends a signed 64-bit integer in two's complement, big-endian.
    void i64(std::int64_t v) { be(static_cast<std::uint64_t>(v), 8); }
    /// Appends raw bytes.
    void bytes(std::span<const std::uint8_t> b) { m_out.insert(m_out.end(), b.begin(), b.end()); }
    /// Appends the bytes of a string (no length prefix).
    void text(std::string_view s)
    {
        for (char c : s)
            m_out.push_back(static_cast<std::uint8_t>(c));
    }

private:
    void be(std::uint64_t v, int width)
    {
        for (int i = width - 1; i >= 0; --i)
            m_out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }

    std::vector<std::uint8_t>& m_out;
};

} // namespace cc::access
