// SPDX-License-Identifier: GPL-3.0-or-later
// Bounds-checked big-endian reader for the access layer's binary formats; internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace cc::access {

/// Reads fixed-width big-endian fields from a span. Every read checks the remaining length first
/// and, once a read has failed, all later reads fail too (the reader never reads past the end), so
/// a parser can read a whole record and test `ok()` once.
class BinaryReader
{
public:
    explicit BinaryReader(std::span<const std::uint8_t> data) : m_data(data) {}

    /// True while no read has run past the end.
    [[nodiscard]] bool ok() const noexcept { return m_ok; }
    /// Bytes not yet read.
    [[nodiscard]] std::size_t remaining() const noexcept { return m_ok ? m_data.size() - m_pos : 0; }
    /// True if every byte was read and no read failed.
    [[nodiscard]] bool atEnd() const noexcept { return m_ok && m_pos == m_data.size(); }

    /// Reads one byte (0 after a failure).
    std::uint8_t u8() { return static_cast<std::uint8_t>(be(1)); }
    /// Reads a 16-bit big-endian integer.
    std::uint16_t u16() { return static_cast<std::uint16_t>(be(2)); }
    /// Reads a 32-bit big-endian integer.
    std::uint32_t u32() { return static_cast<std::uint32_t>(be(4)); }
    /// Reads a 64-bit big-endian integer.
    std::uint64_t u64() { return be(8); }
    /// Reads a signed 64-bit two's complement integer.
    std::int64_t i64() { return static_cast<std::int64_t>(be(8)); }
    /// Returns the next `n` bytes as a view into the input (empty after a failure).
    std::span<const std::uint8_t> bytes(std::size_t n)
    {
        if (!take(n))
            return {};
        return m_data.subspan(m_pos - n, n);
    }
    /// Copies exactly out.size() bytes into `out` (zeros after a failure).
    void into(std::span<std::uint8_t> out)
    {
        const auto src = bytes(out.size());
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = src.empty() ? 0 : src[i];
    }

private:
    bool take(std::size_t n)
    {
        if (!m_ok || n > m_data.size() - m_pos) {
            m_ok = false;
            return false;
        }
        m_pos += n;
        return true;
    }
    std::uint64_t be(std::size_t width)
    {
        if (!take(width))
            return 0;
        std::uint64_t v = 0;
        for (std::size_t i = m_pos - width; i < m_pos; ++i)
            v = (v << 8) | m_data[i];
        return v;
    }

    std::span<const std::uint8_t> m_data;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

} // namespace cc::access
