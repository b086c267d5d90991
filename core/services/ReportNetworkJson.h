// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to core/services: the byte and JSON helpers the research network files share
// (ReportNetworkKey.cpp: key, custodian and member files; ReportNetwork.cpp: merges, ledger).
#pragma once

#include "core/Result.h"
#include "core/crypto/Hex.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::services::network_detail {

/// Most sites in one merge, members in one list.
inline constexpr std::size_t kMaxSites = 1000;

inline void putU32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> s));
}

inline void append(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> bytes)
{
    out.insert(out.end(), bytes.begin(), bytes.end());
}

inline std::span<const std::uint8_t> bytesOf(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

inline Error withFile(Error e, const std::string& file)
{
    if (e.file.empty())
        e.file = file;
    return e;
}

inline Error bad(const std::string& what, const std::string& file, const std::string& field)
{
    return malformed(what, file, 0, field);
}

/// Refuses a member of `o` that is not one of `known`: the network's signed files are read strictly,
/// so a renamed or added member is an error, never ignored.
inline Status onlyKnown(const QJsonObject& o, std::initializer_list<const char*> known, const std::string& file)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (std::none_of(known.begin(), known.end(), [&](const char* k) { return it.key() == QLatin1String(k); }))
            return bad("is not a member of this file", file, it.key().left(64).toStdString());
    return {};
}

template <std::size_t N>
inline Result<std::array<std::uint8_t, N>> hexField(const QJsonObject& o, const char* member, const std::string& file)
{
    auto bytes = crypto::hexDecode(o.value(QLatin1String(member)).toString().toStdString());
    if (!o.value(QLatin1String(member)).isString() || !bytes || bytes->size() != N)
        return bad("is not " + std::to_string(N) + " bytes of hex", file, member);
    std::array<std::uint8_t, N> out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

inline Result<std::uint32_t> countField(const QJsonObject& o, const char* member, const std::string& file,
                                        std::uint32_t lowest)
{
    const qint64 v = o.value(QLatin1String(member)).toInteger(-1);
    if (!o.value(QLatin1String(member)).isDouble() || v < lowest || v > 1000000)
        return bad("must be a whole number of at least " + std::to_string(lowest), file, member);
    return static_cast<std::uint32_t>(v);
}

inline Result<QJsonObject> jsonObject(std::string_view json, const std::string& file, const char* format)
{
    if (json.size() > (1u << 20))
        return bad("the file is too large", file, {});
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return bad("not a JSON object", file, {});
    const QJsonObject o = doc.object();
    if (o.value("format").toString() != QLatin1String(format))
        return bad(std::string("must be \"") + format + "\"", file, "format");
    if (o.value("version").toInteger(-1) != 1)
        return makeError(ErrorCode::Unsupported,
                         file + ": version " + std::to_string(o.value("version").toInteger(-1)) + " is not supported");
    return o;
}

} // namespace cc::services::network_detail
