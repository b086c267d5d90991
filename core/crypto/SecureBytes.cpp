// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/SecureBytes.h"

#include <sodium.h>

#include <algorithm>
#include <new>
#include <utility>

namespace cc::crypto {

SecureBytes::SecureBytes(std::size_t size)
{
    if (size == 0)
        return;
    m_data = new std::uint8_t[size](); // NOLINT(cppcoreguidelines-owning-memory): released in clear()
    m_size = size;
    m_locked = sodium_mlock(m_data, m_size) == 0;
}

SecureBytes::SecureBytes(std::span<const std::uint8_t> data) : SecureBytes(data.size())
{
    if (!data.empty())
        std::copy(data.begin(), data.end(), m_data);
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_locked(std::exchange(other.m_locked, false))
{}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_locked = std::exchange(other.m_locked, false);
    }
    return *this;
}

SecureBytes SecureBytes::clone() const
{
    return SecureBytes(span());
}

void SecureBytes::clear() noexcept
{
    if (m_data == nullptr)
        return;
    // sodium_munlock wipes before unlocking; wipe explicitly when the lock had failed.
    if (m_locked)
        sodium_munlock(m_data, m_size);
    else
        sodium_memzero(m_data, m_size);
    delete[] m_data;
    m_data = nullptr;
    m_size = 0;
    m_locked = false;
}

bool SecureBytes::equals(std::span<const std::uint8_t> other) const noexcept
{
    return constantTimeEqual(span(), other);
}

bool constantTimeEqual(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept
{
    if (a.size() != b.size())
        return false;
    if (a.empty())
        return true;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void secureWipe(void* data, std::size_t size) noexcept
{
    if (data != nullptr && size > 0)
        sodium_memzero(data, size);
}

} // namespace cc::crypto
