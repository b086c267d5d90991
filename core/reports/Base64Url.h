// SPDX-License-Identifier: GPL-3.0-or-later
// base64url without padding (RFC 4648 section 5) for the integers of report files and shares.
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cc::reports {

/// base64url of `bytes`, no padding.
[[nodiscard]] inline QString toBase64Url(std::span<const std::uint8_t> bytes)
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// The bytes of a JSON string holding strict base64url, or nullopt (not a string, bad alphabet).
[[nodiscard]] inline std::optional<std::vector<std::uint8_t>> fromBase64Url(const QJsonValue& value)
{
    if (!value.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                                      QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return std::vector<std::uint8_t>(decoded.decoded.begin(), decoded.decoded.end());
}

} // namespace cc::reports
