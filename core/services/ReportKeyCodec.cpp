// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ReportKeyCodec.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cc::services {
namespace {

constexpr std::uint8_t kMagic[4] = {'C', 'C', 'P', 'S'};
constexpr std::uint8_t kVersion = 1;
constexpr std::size_t kMaxSecret = 4096;
constexpr std::uint32_t kMaxParties = 64;

void putU32(std::uint8_t* out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out[i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

std::uint32_t getU32(const std::uint8_t* in)
{
    return (std::uint32_t{in[0]} << 24) | (std::uint32_t{in[1]} << 16) | (std::uint32_t{in[2]} << 8) | in[3];
}

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
    const std::size_t header = 4 + 1 + 8 + 4 * 4;
    crypto::SecureBytes out(header + share.secret.size());
    std::uint8_t* p = out.data();
    std::copy(std::begin(kMagic), std::end(kMagic), p);
    p[4] = kVersion;
    std::copy(share.keyId.begin(), share.keyId.end(), p + 5);
    putU32(p + 13, share.index);
    putU32(p + 17, share.threshold);
    putU32(p + 21, share.parties);
    putU32(p + 25, static_cast<std::uint32_t>(share.secret.size()));
    std::copy(share.secret.data(), share.secret.data() + share.secret.size(), p + header);
    return out;
}

Result<paillier::ThresholdShare> decodeThresholdShare(std::span<const std::uint8_t> bytes)
{
    constexpr std::size_t header = 4 + 1 + 8 + 4 * 4;
    if (bytes.size() < header || !std::equal(std::begin(kMagic), std::end(kMagic), bytes.begin()))
        return malformed("not a threshold share", {}, 0, "share");
    if (bytes[4] != kVersion)
        return makeError(ErrorCode::Unsupported, "unknown threshold share format version");
    paillier::ThresholdShare share;
    std::copy(bytes.begin() + 5, bytes.begin() + 13, share.keyId.begin());
    share.index = getU32(bytes.data() + 13);
    share.threshold = getU32(bytes.data() + 17);
    share.parties = getU32(bytes.data() + 21);
    const std::uint32_t length = getU32(bytes.data() + 25);
    if (share.parties < 1 || share.parties > kMaxParties || share.threshold < 1 || share.threshold > share.parties ||
        share.index < 1 || share.index > share.parties)
        return malformed("index, threshold or party count out of range", {}, 0, "share");
    if (length == 0 || length > kMaxSecret || bytes.size() != header + length)
        return malformed("secret length does not match", {}, 0, "share");
    share.secret = crypto::SecureBytes(bytes.subspan(header));
    return share;
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
