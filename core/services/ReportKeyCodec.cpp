// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ReportKeyCodec.h"

#include "core/paillier/ShareCodec.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cc::services {
namespace {

constexpr std::uint32_t kMaxParties = paillier::SHARE_MAX_PARTIES;

QString b64(std::span<const std::uint8_t> bytes)
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<std::vector<std::uint8_t>> unb64(const QJsonValue& v, const char* field)
{
    if (!v.isString())
        return malformed("must be a base64url string", "threshold parameters", 0, field);
    auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::Base64UrlEncoding |
                                                                               QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return malformed("is not valid base64url", "threshold parameters", 0, field);
    return std::vector<std::uint8_t>(decoded.decoded.begin(), decoded.decoded.end());
}

} // namespace

crypto::SecureBytes encodeThresholdShare(const paillier::ThresholdShare& share)
{
    return paillier::encodeShare(share);
}

Result<paillier::ThresholdShare> decodeThresholdShare(std::span<const std::uint8_t> bytes)
{
    return paillier::decodeShare(bytes);
}

std::string encodeThresholdParameters(const paillier::ThresholdParameters& params)
{
    QJsonArray keys;
    for (const auto& k : params.verificationKeys)
        keys.append(b64(k));
    QJsonObject o{{"keyId", b64(params.keyId)},
                  {"threshold", static_cast<qint64>(params.threshold)},
                  {"parties", static_cast<qint64>(params.parties)},
                  {"v", b64(params.verificationBase)},
                  {"vk", keys}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<paillier::ThresholdParameters> decodeThresholdParameters(std::string_view json)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return malformed("not a JSON object", "threshold parameters");
    const QJsonObject o = doc.object();
    paillier::ThresholdParameters params;
    auto keyId = unb64(o.value("keyId"), "keyId");
    if (!keyId)
        return std::move(keyId).error();
    if (keyId->size() != params.keyId.size())
        return malformed("must be 8 bytes", "threshold parameters", 0, "keyId");
    std::copy(keyId->begin(), keyId->end(), params.keyId.begin());
    const auto t = o.value("threshold").toInteger(-1);
    const auto l = o.value("parties").toInteger(-1);
    if (l < 1 || l > kMaxParties || t < 1 || t > l)
        return malformed("threshold and parties must satisfy 1 <= t <= l <= 64", "threshold parameters", 0,
                         "threshold");
    params.threshold = static_cast<std::uint32_t>(t);
    params.parties = static_cast<std::uint32_t>(l);
    auto v = unb64(o.value("v"), "v");
    if (!v)
        return std::move(v).error();
    params.verificationBase = std::move(*v);
    const QJsonArray keys = o.value("vk").toArray();
    if (keys.size() != l)
        return malformed("must hold one verification key per party", "threshold parameters", 0, "vk");
    for (const auto& k : keys) {
        auto bytes = unb64(k, "vk");
        if (!bytes)
            return std::move(bytes).error();
        params.verificationKeys.push_back(std::move(*bytes));
    }
    return params;
}

} // namespace cc::services
