// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/KeyFile.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cc::paillier {
namespace {

constexpr auto B64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QString b64(std::span<const std::uint8_t> bytes)
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())).toBase64(B64));
}

Result<QByteArray> unb64(const QJsonObject& o, const char* member)
{
    const auto v = o.value(QLatin1String(member));
    if (!v.isString() || v.toString().isEmpty())
        return malformed("missing or empty base64url member", {}, 0, member);
    auto decoded =
        QByteArray::fromBase64Encoding(v.toString().toLatin1(), B64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return malformed("not valid base64url", {}, 0, member);
    return *decoded;
}

std::span<const std::uint8_t> asSpan(const QByteArray& b)
{
    return {reinterpret_cast<const std::uint8_t*>(b.constData()), static_cast<std::size_t>(b.size())};
}

QJsonObject publicMembers(const PublicKey& key, const char* op)
{
    return QJsonObject{{"kty", "DAJ"},
                       {"alg", "PAI-GN1"},
                       {"key_ops", QJsonArray{QString::fromLatin1(op)}},
                       {"n", b64(key.modulus())},
                       {"kid", QString::fromStdString(key.keyIdHex())},
                       {"hs", b64(key.djnBase())}};
}

Result<QJsonObject> parseObject(std::string_view json)
{
    if (json.size() > 1 << 20)
        return malformed("key file is too large");
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return malformed("key file is not a JSON object");
    const auto o = doc.object();
    if (o.value("kty").toString() != "DAJ")
        return makeError(ErrorCode::Unsupported, "kty must be \"DAJ\" (a Paillier JSON Web Key)");
    if (o.contains("alg") && o.value("alg").toString() != "PAI-GN1")
        return makeError(ErrorCode::Unsupported, "alg must be \"PAI-GN1\" (g = n + 1)");
    return o;
}

Result<PublicKey> publicFrom(const QJsonObject& o)
{
    auto n = unb64(o, "n");
    if (!n.ok())
        return std::move(n).error();
    QByteArray hs;
    if (o.contains("hs")) {
        auto h = unb64(o, "hs");
        if (!h.ok())
            return std::move(h).error();
        hs = *h;
    }
    auto key = PublicKey::fromModulus(asSpan(*n), asSpan(hs));
    if (!key.ok())
        return key;
    const auto kid = o.value("kid").toString();
    // Our kids are 16 hex digits; python-paillier writes free text, which is not checked.
    static const QRegularExpression hex16(QStringLiteral("^[0-9a-f]{16}$"));
    if (hex16.match(kid).hasMatch() && kid.toStdString() != key->keyIdHex())
        return makeError(ErrorCode::KeyMismatch, "kid does not match the key's modulus and DJN base");
    return key;
}

} // namespace

std::string KeyFile::publicJwk(const PublicKey& key)
{
    return QJsonDocument(publicMembers(key, "encrypt")).toJson(QJsonDocument::Compact).toStdString();
}

Result<PublicKey> KeyFile::readPublic(std::string_view json)
{
    auto o = parseObject(json);
    if (!o.ok())
        return std::move(o).error();
    return publicFrom(*o);
}

std::string KeyFile::privateJson(const PrivateKey& key)
{
    auto o = publicMembers(key.publicKey(), "decrypt");
    o.insert("p", b64(key.primeP().span()));
    o.insert("q", b64(key.primeQ().span()));
    o.insert("warning", "UNPROTECTED Paillier private key (p, q in clear): for tests and interoperability only");
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

Result<PrivateKey> KeyFile::readPrivate(std::string_view json)
{
    auto o = parseObject(json);
    if (!o.ok())
        return std::move(o).error();
    auto pub = publicFrom(*o);
    if (!pub.ok())
        return std::move(pub).error();
    auto p = unb64(*o, "p");
    if (!p.ok())
        return std::move(p).error();
    auto q = unb64(*o, "q");
    if (!q.ok())
        return std::move(q).error();
    crypto::SecureBytes ps(asSpan(*p)), qs(asSpan(*q));
    p->fill('\0');
    q->fill('\0');
    auto key = PrivateKey::fromPrimes(ps, qs);
    if (!key.ok())
        return key;
    if (key->publicKey().modulus() != pub->modulus())
        return makeError(ErrorCode::KeyMismatch, "p·q is not the file's modulus n");
    // Keep the file's DJN base if it names one (it may differ from the derived base).
    if (key->publicKey().djnBase() != pub->djnBase())
        return makeError(ErrorCode::Unsupported, "private-key files with a non-derived DJN base are not supported");
    return key;
}

} // namespace cc::paillier
