// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/KeyFile.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

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

Status checkMembers(const QJsonObject& o, const char* where)
{
    if (o.value("kty").toString() != "DAJ")
        return makeError(ErrorCode::Unsupported, std::string(where) + "kty must be \"DAJ\" (a Paillier JSON Web Key)");
    if (o.contains("alg") && o.value("alg").toString() != "PAI-GN1")
        return makeError(ErrorCode::Unsupported, std::string(where) + "alg must be \"PAI-GN1\" (g = n + 1)");
    return {};
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
    CC_TRY(checkMembers(o, ""));
    return o;
}

// The object that holds the public members: python-paillier's private JWK (pheutil genpkey) nests
// them in "pub" ({"kty": "DAJ", "key_ops": ["decrypt"], "p", "q", "pub": {public JWK}, "kid"});
// ours keeps them at the top level. A file with both must agree on n.
Result<QJsonObject> publicObject(const QJsonObject& o)
{
    if (!o.contains("pub"))
        return o;
    if (!o.value("pub").isObject())
        return malformed("must be a JSON object (the public JWK)", {}, 0, "pub");
    const QJsonObject pub = o.value("pub").toObject();
    CC_TRY(checkMembers(pub, "pub: "));
    if (o.contains("n") && o.value("n") != pub.value("n"))
        return malformed("differs from pub.n", {}, 0, "n");
    return pub;
}

Result<PublicKey> publicFrom(const QJsonObject& top)
{
    auto members = publicObject(top);
    if (!members.ok())
        return std::move(members).error();
    const QJsonObject& o = *members;
    auto n = unb64(o, "n");
    if (!n.ok())
        return std::move(n).error();
    auto key = PublicKey::fromModulus(asSpan(*n));
    if (!key.ok())
        return key;
    CC_TRY(key->checkReportKeySize());
    // The DJN base is always derived from n: a file that names another one is refused, never used.
    if (o.contains("hs")) {
        auto hs = unb64(o, "hs");
        if (!hs.ok())
            return std::move(hs).error();
        const auto derived = key->djnBase();
        if (!std::equal(derived.begin(), derived.end(), asSpan(*hs).begin(), asSpan(*hs).end()))
            return malformed("is not the DJN base derived from n (CipherChart never accepts another base)", {}, 0,
                             "hs");
    }
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

bool KeyFile::isPublishedTestKey(const PublicKey& key)
{
    // Key ids of tests/data/paillier (README.md there): 2048, 2048-b and 3072.
    static constexpr std::string_view published[] = {"95963b4f49c9d2d3", "fb747c3d36edeee9", "c8ca983355f3e5a4"};
    const std::string id = key.keyIdHex();
    return std::find(std::begin(published), std::end(published), id) != std::end(published);
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
    return key;
}

} // namespace cc::paillier
