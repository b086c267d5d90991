// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/DecryptionShare.h"

#include "core/crypto/Hex.h"
#include "core/reports/Base64Url.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <string_view>

namespace cc::reports {
namespace {

constexpr std::uint8_t kMagic[4] = {'C', 'C', 'R', 'S'};
constexpr std::size_t kHeaderSize = 9;
constexpr std::size_t kMaxBody = 64u << 20;

class ShareReader
{
public:
    explicit ShareReader(const std::string& file) : m_file(file) {}
    Error bad(const std::string& field, const std::string& what) const
    {
        return malformed("decryption share: " + field + " " + what, m_file, 0, field);
    }
    Result<std::vector<std::uint8_t>> bytes(const QJsonValue& v, const std::string& field) const
    {
        auto decoded = fromBase64Url(v);
        if (!decoded || decoded->empty())
            return bad(field, "is not base64url");
        return std::move(*decoded);
    }
    template <std::size_t N>
    Result<std::array<std::uint8_t, N>> hex(const QJsonValue& v, const std::string& field) const
    {
        auto decoded = crypto::hexDecode(v.toString().toStdString());
        if (!v.isString() || !decoded || decoded->size() != N)
            return bad(field, "is not " + std::to_string(N) + " bytes of hex");
        std::array<std::uint8_t, N> out{};
        std::copy(decoded->begin(), decoded->end(), out.begin());
        return out;
    }
    Result<std::uint32_t> index(const QJsonValue& v, const std::string& field, std::uint32_t max) const
    {
        const qint64 i = v.toInteger(-1);
        if (!v.isDouble() || i < 0 || i > max)
            return bad(field, "is out of range");
        return static_cast<std::uint32_t>(i);
    }

private:
    std::string m_file;
};

} // namespace

std::vector<std::uint8_t> partialContext(const ReportId& reportId, std::uint32_t cell)
{
    static constexpr std::string_view label = "CipherChart report cell v1";
    std::vector<std::uint8_t> out;
    out.reserve(label.size() + reportId.size() + 4);
    for (char c : label)
        out.push_back(static_cast<std::uint8_t>(c));
    for (std::uint8_t b : reportId)
        out.push_back(b);
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(cell >> s));
    return out;
}

std::vector<std::uint8_t> DecryptionShare::encode() const
{
    QJsonArray cells;
    for (const auto& p : partials)
        cells.append(QJsonObject{{"cell", static_cast<qint64>(p.cell)},
                                 {"value", toBase64Url(p.partial.value)},
                                 {"challenge", toBase64Url(p.partial.challenge)},
                                 {"response", toBase64Url(p.partial.response)}});
    const QJsonObject body{{"reportId", QString::fromStdString(crypto::hexEncode(reportId))},
                           {"specSha256", QString::fromStdString(crypto::hexEncode(specSha256))},
                           {"keyId", QString::fromStdString(crypto::hexEncode(keyId))},
                           {"custodian", static_cast<qint64>(custodian)},
                           {"partials", cells}};
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    std::vector<std::uint8_t> out(std::begin(kMagic), std::end(kMagic));
    out.push_back(kFormatVersion);
    const auto n = static_cast<std::uint32_t>(json.size());
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(n >> s));
    out.insert(out.end(), json.begin(), json.end());
    return out;
}

Result<DecryptionShare> DecryptionShare::decode(std::span<const std::uint8_t> bytes, const std::string& file)
{
    ShareReader r(file);
    if (bytes.size() < kHeaderSize || !std::equal(std::begin(kMagic), std::end(kMagic), bytes.begin()))
        return r.bad("(header)", "is not a CipherChart decryption share");
    if (bytes[4] != kFormatVersion)
        return Error{ErrorCode::Unsupported,
                     "decryption share version " + std::to_string(bytes[4]) + " is not supported", file, 0, "version"};
    const std::size_t length = (std::size_t{bytes[5]} << 24) | (std::size_t{bytes[6]} << 16) |
                               (std::size_t{bytes[7]} << 8) | std::size_t{bytes[8]};
    if (length > kMaxBody || bytes.size() != kHeaderSize + length)
        return r.bad("(header)", "length does not match the file");
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(bytes.data() + kHeaderSize), static_cast<qsizetype>(length)), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return r.bad("(body)", "is not a JSON object");
    const QJsonObject o = doc.object();
    DecryptionShare share;
    auto id = r.hex<16>(o["reportId"], "reportId");
    CC_TRY(id);
    share.reportId = *id;
    auto spec = r.hex<32>(o["specSha256"], "specSha256");
    CC_TRY(spec);
    share.specSha256 = *spec;
    auto key = r.hex<8>(o["keyId"], "keyId");
    CC_TRY(key);
    share.keyId = *key;
    auto custodian = r.index(o["custodian"], "custodian", 64);
    CC_TRY(custodian);
    if (*custodian == 0)
        return r.bad("custodian", "is out of range");
    share.custodian = *custodian;
    if (!o["partials"].isArray())
        return r.bad("partials", "is not an array");
    const QJsonArray partials = o["partials"].toArray();
    for (qsizetype i = 0; i < partials.size(); ++i) {
        const std::string where = "partials[" + std::to_string(i) + "]";
        const QJsonObject p = partials[i].toObject();
        CellPartial cp;
        auto cell = r.index(p["cell"], where + ".cell", static_cast<std::uint32_t>(ReportSpec::kMaxCells));
        CC_TRY(cell);
        cp.cell = *cell;
        cp.partial.index = share.custodian;
        auto value = r.bytes(p["value"], where + ".value");
        CC_TRY(value);
        auto challenge = r.bytes(p["challenge"], where + ".challenge");
        CC_TRY(challenge);
        auto response = r.bytes(p["response"], where + ".response");
        CC_TRY(response);
        cp.partial.value = std::move(*value);
        cp.partial.challenge = std::move(*challenge);
        cp.partial.response = std::move(*response);
        share.partials.push_back(std::move(cp));
    }
    return share;
}

} // namespace cc::reports
