// SPDX-License-Identifier: GPL-3.0-or-later
// Report file codec: signed container, strict reading.
#include "core/reports/ReportFile.h"

#include "core/crypto/Ed25519PublicKey.h"
#include "core/crypto/Hex.h"
#include "core/reports/Base64Url.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace cc::reports {
namespace {

constexpr std::uint8_t kMagic[4] = {'C', 'C', 'R', 'P'};
constexpr std::size_t kHeaderSize = 4 + 1 + 1 + 4;
constexpr std::size_t kSignatureSize = 64;
constexpr std::size_t kMaxBody = 64u << 20;

Error tampered(const std::string& what)
{
    return makeError(ErrorCode::IntegrityFailure, "report file: " + what);
}

Result<std::vector<std::uint8_t>> unb64(const QJsonValue& v, const std::string& field)
{
    auto bytes = fromBase64Url(v);
    if (!bytes)
        return tampered(field + " is not base64url");
    return std::move(*bytes);
}

template <std::size_t N> Result<std::array<std::uint8_t, N>> fixedHex(const QJsonValue& v, const std::string& field)
{
    if (!v.isString())
        return tampered(field + " is not a string");
    auto bytes = crypto::hexDecode(v.toString().toStdString());
    if (!bytes || bytes->size() != N)
        return tampered(field + " is not " + std::to_string(N) + " bytes of hex");
    std::array<std::uint8_t, N> out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

QString hex(std::span<const std::uint8_t> bytes)
{
    return QString::fromStdString(crypto::hexEncode(bytes));
}

Result<std::uint64_t> count(const QJsonValue& v, const std::string& field)
{
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > 9007199254740992.0 || std::floor(d) != d)
        return tampered(field + " is not a count");
    return static_cast<std::uint64_t>(d);
}

Result<double> number(const QJsonValue& v, const std::string& field)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return tampered(field + " is not a number");
    return v.toDouble();
}

QJsonObject figuresJson(const CellFigures& f)
{
    QJsonObject o{{"suppressed", f.suppressed}};
    if (f.suppressed) {
        o.insert("reason", f.reason);
        return o;
    }
    QJsonArray bins;
    for (const auto& b : f.histogram)
        bins.append(QJsonObject{{"from", b.from}, {"to", b.to}, {"count", static_cast<double>(b.count)}});
    o.insert("patients", static_cast<double>(f.patients));
    o.insert("observations", static_cast<double>(f.observations));
    o.insert("mean", f.mean);
    o.insert("sd", f.sd);
    o.insert("medianEstimate", f.medianEstimate);
    o.insert("p25Estimate", f.p25Estimate);
    o.insert("p75Estimate", f.p75Estimate);
    o.insert("histogram", bins);
    return o;
}

Result<CellFigures> figuresFrom(const QJsonValue& v, const std::string& where)
{
    if (!v.isObject())
        return tampered(where + " is not an object");
    const QJsonObject o = v.toObject();
    CellFigures f;
    if (!o["suppressed"].isBool())
        return tampered(where + ".suppressed is not a boolean");
    f.suppressed = o["suppressed"].toBool();
    if (f.suppressed) {
        if (!o["reason"].isString())
            return tampered(where + ".reason is missing");
        f.reason = o["reason"].toString();
        return f;
    }
    auto patients = count(o["patients"], where + ".patients");
    CC_TRY(patients);
    auto observations = count(o["observations"], where + ".observations");
    CC_TRY(observations);
    f.patients = *patients;
    f.observations = *observations;
    for (auto [name, target] :
         {std::pair{"mean", &f.mean}, std::pair{"sd", &f.sd}, std::pair{"medianEstimate", &f.medianEstimate},
          std::pair{"p25Estimate", &f.p25Estimate}, std::pair{"p75Estimate", &f.p75Estimate}}) {
        auto value = number(o[name], where + "." + name);
        CC_TRY(value);
        *target = *value;
    }
    if (!o["histogram"].isArray())
        return tampered(where + ".histogram is not an array");
    for (const auto& b : o["histogram"].toArray()) {
        const QJsonObject bin = b.toObject();
        auto from = number(bin["from"], where + ".histogram.from");
        CC_TRY(from);
        auto to = number(bin["to"], where + ".histogram.to");
        CC_TRY(to);
        auto n = count(bin["count"], where + ".histogram.count");
        CC_TRY(n);
        f.histogram.push_back({*from, *to, *n});
    }
    return f;
}

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> s));
}

} // namespace

std::string reportIdHex(const ReportId& id)
{
    return crypto::hexEncode(id);
}

Result<ReportId> reportIdFromHex(const std::string& text)
{
    auto bytes = crypto::hexDecode(text);
    if (!bytes || bytes->size() != ReportId{}.size())
        return malformed("a report id is 32 hexadecimal digits", {}, 0, "reportId");
    ReportId id{};
    std::copy(bytes->begin(), bytes->end(), id.begin());
    return id;
}

std::vector<std::uint8_t> ReportFile::sign(const crypto::Ed25519PrivateKey& signer) const
{
    QJsonArray cellArray;
    for (const auto& c : cells) {
        QJsonArray group;
        for (const auto& g : c.key.group)
            group.append(g);
        QJsonObject o{{"index", static_cast<qint64>(c.key.index)},
                      {"measure", c.key.measure},
                      {"group", group},
                      {"layout", c.layoutId}};
        if (kind == Kind::Encrypted)
            o.insert("c", toBase64Url(c.ciphertext));
        else if (kind == Kind::Exported) {
            o.insert("c", toBase64Url(c.ciphertext));
            o.insert("tally", toBase64Url(c.tally));
        } else
            o.insert("figures", figuresJson(c.figures));
        cellArray.append(o);
    }
    const QByteArray specBytes = spec.canonicalJson();
    QJsonObject body{{"spec", QJsonDocument::fromJson(specBytes).object()},
                     {"specSha256", hex(specSha256)},
                     {"reportId", hex(reportId)},
                     {"clinicId", hex(clinicId)},
                     {"clinicName", clinicName},
                     {"keyId", hex(keyId)},
                     {"createdAt", QDateTime::fromMSecsSinceEpoch(createdAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                     {"cells", cellArray},
                     {"signer", hex(signer.publicKey().bytes())}};
    if (kind == Kind::Published) {
        QJsonArray who;
        for (auto c : custodians)
            who.append(static_cast<qint64>(c));
        body.insert("sourceSha256", hex(sourceSha256));
        body.insert("custodians", who);
        body.insert("minimumCellSize", static_cast<qint64>(minimumCellSize));
        if (!sites.isEmpty())
            body.insert("sites", QJsonArray::fromStringList(sites));
    }
    if (kind == Kind::Exported)
        body.insert("sourceSha256", hex(sourceSha256));
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    std::vector<std::uint8_t> out(std::begin(kMagic), std::end(kMagic));
    out.push_back(kFormatVersion);
    out.push_back(static_cast<std::uint8_t>(kind));
    putU32(out, static_cast<std::uint32_t>(json.size()));
    out.insert(out.end(), json.begin(), json.end());
    const auto signature = signer.sign(out);
    out.insert(out.end(), signature.begin(), signature.end());
    return out;
}

Result<ReportFile> ReportFile::read(std::span<const std::uint8_t> bytes, const interop::UnitsCatalogue& catalogue)
{
    if (bytes.size() < kHeaderSize + kSignatureSize || !std::equal(std::begin(kMagic), std::end(kMagic), bytes.begin()))
        return tampered("not a CipherChart report file (magic or length)");
    if (bytes[4] != kFormatVersion)
        return makeError(ErrorCode::Unsupported,
                         "report file version " + std::to_string(bytes[4]) + " is not supported");
    if (bytes[5] != static_cast<std::uint8_t>(Kind::Encrypted) &&
        bytes[5] != static_cast<std::uint8_t>(Kind::Published) && bytes[5] != static_cast<std::uint8_t>(Kind::Exported))
        return tampered("unknown kind");
    const std::size_t length = (std::size_t{bytes[6]} << 24) | (std::size_t{bytes[7]} << 16) |
                               (std::size_t{bytes[8]} << 8) | std::size_t{bytes[9]};
    if (length > kMaxBody || bytes.size() != kHeaderSize + length + kSignatureSize)
        return tampered("length does not match the body");
    const auto signed_ = bytes.first(kHeaderSize + length);
    const auto signature = bytes.subspan(kHeaderSize + length);
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(bytes.data() + kHeaderSize), static_cast<qsizetype>(length)), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return tampered("body is not a JSON object");
    const QJsonObject body = doc.object();
    ReportFile f;
    f.kind = static_cast<Kind>(bytes[5]);
    auto spec =
        ReportSpec::fromJson(QJsonDocument(body["spec"].toObject()).toJson(QJsonDocument::Compact), {}, catalogue);
    if (!spec)
        return tampered("its spec does not validate: " + spec.error().message);
    f.spec = std::move(*spec);
    auto specHash = fixedHex<32>(body["specSha256"], "specSha256");
    CC_TRY(specHash);
    f.specSha256 = *specHash;
    if (f.spec.sha256() != f.specSha256)
        return tampered("the spec does not hash to specSha256");
    auto id = fixedHex<16>(body["reportId"], "reportId");
    CC_TRY(id);
    f.reportId = *id;
    auto clinic = fixedHex<16>(body["clinicId"], "clinicId");
    CC_TRY(clinic);
    f.clinicId = ClinicId{*clinic};
    auto key = fixedHex<8>(body["keyId"], "keyId");
    CC_TRY(key);
    f.keyId = *key;
    if (!body["clinicName"].isString())
        return tampered("clinicName is missing");
    f.clinicName = body["clinicName"].toString();
    const QDateTime created = QDateTime::fromString(body["createdAt"].toString(), Qt::ISODateWithMs);
    if (!created.isValid())
        return tampered("createdAt is not an ISO 8601 time");
    f.createdAtMs = created.toMSecsSinceEpoch();
    const auto expected = f.spec.cells();
    if (!body["cells"].isArray() || static_cast<std::size_t>(body["cells"].toArray().size()) != expected.size())
        return tampered("cells do not match the spec's " + std::to_string(expected.size()) + " cells");
    const QJsonArray cellArray = body["cells"].toArray();
    for (qsizetype i = 0; i < cellArray.size(); ++i) {
        const std::string where = "cells[" + std::to_string(i) + "]";
        const QJsonObject o = cellArray[i].toObject();
        ReportCell cell;
        cell.key.index = static_cast<std::uint32_t>(o["index"].toInteger(-1));
        cell.key.measure = o["measure"].toString();
        for (const auto& g : o["group"].toArray())
            cell.key.group.push_back(g.toString());
        if (!(cell.key == expected[static_cast<std::size_t>(i)]))
            return tampered(where + " is not the spec's cell " + std::to_string(i));
        const qint64 layout = o["layout"].toInteger(-1);
        if (layout <= 0 || layout > 0xFFFF)
            return tampered(where + ".layout is not a layout id");
        cell.layoutId = static_cast<std::uint16_t>(layout);
        if (f.kind == Kind::Encrypted || f.kind == Kind::Exported) {
            auto c = unb64(o["c"], where + ".c");
            CC_TRY(c);
            cell.ciphertext = std::move(*c);
            if (f.kind == Kind::Exported) {
                auto tally = unb64(o["tally"], where + ".tally");
                CC_TRY(tally);
                cell.tally = std::move(*tally);
            }
        } else {
            auto figures = figuresFrom(o["figures"], where + ".figures");
            CC_TRY(figures);
            cell.figures = std::move(*figures);
        }
        f.cells.push_back(std::move(cell));
    }
    if (f.kind == Kind::Published) {
        auto source = fixedHex<32>(body["sourceSha256"], "sourceSha256");
        CC_TRY(source);
        f.sourceSha256 = *source;
        for (const auto& c : body["custodians"].toArray())
            f.custodians.push_back(static_cast<std::uint32_t>(c.toInteger(0)));
        f.minimumCellSize = static_cast<std::uint32_t>(body["minimumCellSize"].toInteger(0));
        if (body.contains("sites")) {
            if (!body["sites"].isArray())
                return tampered("sites is not an array");
            for (const auto& s : body["sites"].toArray()) {
                if (!s.isString())
                    return tampered("sites holds a non-string");
                f.sites << s.toString();
            }
        }
    }
    if (f.kind == Kind::Exported) {
        auto source = fixedHex<32>(body["sourceSha256"], "sourceSha256");
        CC_TRY(source);
        f.sourceSha256 = *source;
    }
    auto signer = fixedHex<32>(body["signer"], "signer");
    CC_TRY(signer);
    f.signerPublicKey = *signer;
    auto pub = crypto::Ed25519PublicKey::fromBytes(f.signerPublicKey);
    if (!pub)
        return tampered("signer is not an Ed25519 public key");
    if (auto ok = pub->verify(signed_, signature); !ok)
        return tampered("the signature does not verify");
    return f;
}

std::string ReportFile::signerFingerprint() const
{
    const auto digest = crypto::sha256(signerPublicKey);
    return crypto::hexEncode(std::span(digest).first(8));
}

} // namespace cc::reports
