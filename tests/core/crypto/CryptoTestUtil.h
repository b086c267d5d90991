// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers shared by the crypto tests: byte views of QByteArray and std::string, hex round trips.
#pragma once

#include "core/crypto/Hex.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cc::crypto::test {

/// A read-only byte view of a QByteArray (test data columns hold bytes as QByteArray).
inline std::span<const std::uint8_t> bytesOf(const QByteArray& a)
{
    return {reinterpret_cast<const std::uint8_t*>(a.constData()), static_cast<std::size_t>(a.size())};
}

/// A read-only byte view of text.
inline std::span<const std::uint8_t> bytesOf(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

/// Bytes from a hex literal; an invalid literal is a bug in the test, so it yields an empty vector.
inline std::vector<std::uint8_t> hexBytes(std::string_view hex)
{
    auto r = hexDecode(hex);
    return r ? std::move(r).value() : std::vector<std::uint8_t>{};
}

/// Hex of a byte view as a QString, so QCOMPARE prints readable differences.
inline QString hexOf(std::span<const std::uint8_t> data)
{
    return QString::fromStdString(hexEncode(data));
}

} // namespace cc::crypto::test
