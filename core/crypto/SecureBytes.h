// SPDX-License-Identifier: GPL-3.0-or-later
// A move-only byte buffer for secrets: locked in memory where the OS allows, wiped on destruction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace cc::crypto {

/// Secret bytes. Move-only; the memory is mlock()ed (best effort) and wiped with sodium_memzero
/// before it is released. Comparison is constant-time. Never log or persist the contents.
class SecureBytes
{
public:
    SecureBytes() noexcept = default;
    /// A zero-filled buffer of `size` bytes.
    explicit SecureBytes(std::size_t size);
    /// A copy of `data` (wipe the source yourself if it was secret).
    explicit SecureBytes(std::span<const std::uint8_t> data);
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    /// An explicit deep copy (copies of secrets should be visible in the code).
    [[nodiscard]] SecureBytes clone() const;

    [[nodiscard]] std::uint8_t* data() noexcept { return m_data; }
    [[nodiscard]] const std::uint8_t* data() const noexcept { return m_data; }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] bool empty() const noexcept { return m_size == 0; }
    [[nodiscard]] std::span<std::uint8_t> span() noexcept { return {m_data, m_size}; }
    [[nodiscard]] std::span<const std::uint8_t> span() const noexcept { return {m_data, m_size}; }
    std::uint8_t& operator[](std::size_t i) noexcept { return m_data[i]; }
    const std::uint8_t& operator[](std::size_t i) const noexcept { return m_data[i]; }

    /// Wipes and releases the contents; size becomes 0.
    void clear() noexcept;
    /// True if the pages are locked in memory (false where RLIMIT_MEMLOCK refused).
    [[nodiscard]] bool locked() const noexcept { return m_locked; }

    /// Constant-time equality (sizes are not secret).
    [[nodiscard]] bool equals(std::span<const std::uint8_t> other) const noexcept;
    friend bool operator==(const SecureBytes& a, const SecureBytes& b) noexcept { return a.equals(b.span()); }

private:
    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
    bool m_locked = false;
};

/// Constant-time comparison of two byte strings of equal length; false if lengths differ.
[[nodiscard]] bool constantTimeEqual(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept;

/// Overwrites memory in a way the compiler cannot elide.
void secureWipe(void* data, std::size_t size) noexcept;

} // namespace cc::crypto
