// SPDX-License-Identifier: GPL-3.0-or-later
// Research network key files: the signed public file, the ceremony, custodian key files and the
// signed member list (docs/REPORTS.md, federation).
#include "core/services/ReportNetwork.h"

#include "core/access/BinaryReader.h"
#include "core/access/KeySlot.h"
#include "core/crypto/Aead.h"
#include "core/crypto/Ed25519PublicKey.h"
#include "core/crypto/Hex.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/ShareCodec.h"
#include "core/reports/Base64Url.h"
#include "core/reports/Disclosure.h"
#include "core/services/ReportKeyCodec.h"
#include "core/services/ReportNetworkJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <set>

namespace cc::services {
namespace {

using namespace network_detail;

constexpr std::string_view kRecordLabel = "CipherChart research network key record v1";
constexpr std::string_view kCustodianLabel = "CipherChart network custodian key v1";
constexpr const char* kKeyFormat = "cipherchart-network-key";
constexpr const char* kCustodianFormat = "cipherchart-network-custodian";
constexpr const char* kMembersFormat = "cipherchart-network-members";
constexpr std::string_view kMembersLabel = "CipherChart network members v1";

std::vector<std::uint8_t> custodianAad(const crypto::Digest256& fingerprint, std::uint32_t index)
{
    std::vector<std::uint8_t> out(kCustodianLabel.begin(), kCustodianLabel.end());
    append(out, fingerprint);
    putU32(out, index);
    return out;
}

} // namespace

// ---- network key ---------------------------------------------------------------------------

std::vector<std::uint8_t> NetworkKey::record() const
{
    std::vector<std::uint8_t> out(kRecordLabel.begin(), kRecordLabel.end());
    out.push_back(0);
    append(out, key.keyId());
    append(out, crypto::sha256(key.canonicalEncoding()));
    append(out, crypto::sha256(bytesOf(encodeThresholdParameters(parameters))));
    putU32(out, minimumCellSize);
    putU32(out, minimumSites);
    append(out, signer);
    const QByteArray utf8 = name.toUtf8();
    append(out, crypto::sha256(bytesOf({utf8.constData(), static_cast<std::size_t>(utf8.size())})));
    return out;
}

crypto::Digest256 NetworkKey::fingerprint() const
{
    return crypto::sha256(record());
}

std::string NetworkKey::fingerprintHex() const
{
    return crypto::hexEncode(fingerprint());
}

std::string NetworkKey::toJson(const crypto::Ed25519PrivateKey& signingKey) const
{
    const auto signature = signingKey.sign(record());
    const QJsonObject o{
        {"format", kKeyFormat},
        {"version", 1},
        {"name", name},
        {"key", QJsonDocument::fromJson(QByteArray::fromStdString(paillier::KeyFile::publicJwk(key))).object()},
        {"threshold",
         QJsonDocument::fromJson(QByteArray::fromStdString(encodeThresholdParameters(parameters))).object()},
        {"minimumCellSize", static_cast<qint64>(minimumCellSize)},
        {"minimumSites", static_cast<qint64>(minimumSites)},
        {"signer", QString::fromStdString(crypto::hexEncode(signer))},
        {"signature", QString::fromStdString(crypto::hexEncode(signature))},
        {"fingerprint", QString::fromStdString(fingerprintHex())}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

Result<NetworkKey> NetworkKey::fromJson(std::string_view json, const std::string& file)
{
    auto o = jsonObject(json, file, kKeyFormat);
    CC_TRY(o);
    CC_TRY(onlyKnown(*o,
                     {"format", "version", "name", "key", "threshold", "minimumCellSize", "minimumSites", "signer",
                      "signature", "fingerprint"},
                     file));
    NetworkKey n;
    if (!o->value("name").isString() || o->value("name").toString().isEmpty() ||
        o->value("name").toString().size() > 200)
        return bad("must be 1-200 characters", file, "name");
    n.name = o->value("name").toString();
    if (!o->value("key").isObject())
        return bad("must be the network's public JWK", file, "key");
    auto key = paillier::KeyFile::readPublic(
        QJsonDocument(o->value("key").toObject()).toJson(QJsonDocument::Compact).toStdString());
    if (!key)
        return withFile(std::move(key).error(), file);
    n.key = std::move(*key);
    // The JWK exactly as `network init` writes it: KeyFile::readPublic also takes python-paillier's
    // looser form (kid free text, alg, hs and key_ops optional), which a signed file has no reason to use.
    if (o->value("key").toObject() !=
        QJsonDocument::fromJson(QByteArray::fromStdString(paillier::KeyFile::publicJwk(n.key))).object())
        return bad("is not the network key's JWK as network init writes it (kty, alg, key_ops, n, kid, hs)", file,
                   "key");
    if (!o->value("threshold").isObject())
        return bad("must be the threshold parameters", file, "threshold");
    auto params = decodeThresholdParameters(
        QJsonDocument(o->value("threshold").toObject()).toJson(QJsonDocument::Compact).toStdString());
    if (!params)
        return withFile(std::move(params).error(), file);
    n.parameters = std::move(*params);
    CC_TRY(paillier::checkThresholdParameters(n.key, n.parameters));
    auto minCell = countField(*o, "minimumCellSize", file, reports::kLowestMinimumCellSize);
    CC_TRY(minCell);
    n.minimumCellSize = *minCell;
    auto minSites = countField(*o, "minimumSites", file, 2);
    CC_TRY(minSites);
    n.minimumSites = *minSites;
    auto signer = hexField<32>(*o, "signer", file);
    CC_TRY(signer);
    n.signer = *signer;
    auto signature = hexField<64>(*o, "signature", file);
    CC_TRY(signature);
    auto pub = crypto::Ed25519PublicKey::fromBytes(n.signer);
    if (!pub)
        return bad("is not an Ed25519 public key", file, "signer");
    if (o->contains("fingerprint") && o->value("fingerprint").toString().toStdString() != n.fingerprintHex())
        return makeError(ErrorCode::IntegrityFailure,
                         file + ": the fingerprint written in the file is not the record's (" + n.fingerprintHex() +
                             ")");
    if (!pub->verify(n.record(), *signature))
        return makeError(ErrorCode::IntegrityFailure,
                         file +
                             ": the network key record's signature does not verify (changed key, parameters or rules)");
    return n;
}

// ---- ceremony and custodian files -----------------------------------------------------------

Result<NetworkCeremony> createNetwork(paillier::PrivateKey&& key, const QString& name,
                                      const std::vector<QString>& custodians, std::uint32_t threshold,
                                      std::uint32_t minimumCellSize, std::uint32_t minimumSites,
                                      const std::vector<crypto::SecureBytes>& passphrases,
                                      const crypto::Argon2Params& kdf, crypto::Rng& rng)
{
    if (name.isEmpty() || name.size() > 200)
        return makeError(ErrorCode::InvalidArgument, "a network name is 1-200 characters");
    if (custodians.empty() || passphrases.size() != custodians.size())
        return makeError(ErrorCode::InvalidArgument, "one passphrase per custodian is needed");
    if (std::set<QString>(custodians.begin(), custodians.end()).size() != custodians.size())
        return makeError(ErrorCode::InvalidArgument, "custodian names must differ");
    if (minimumCellSize < reports::kLowestMinimumCellSize)
        return makeError(ErrorCode::InvalidArgument, "the minimum cell size is never below 5");
    if (minimumSites < 2)
        return makeError(ErrorCode::InvalidArgument, "a merge needs at least 2 sites");
    CC_TRY(access::validateKdfParams(kdf));
    CC_TRY(key.publicKey().checkReportKeySize());
    auto dealt = paillier::dealThreshold(std::move(key), threshold, static_cast<std::uint32_t>(custodians.size()), rng);
    CC_TRY(dealt);
    auto signingKey = crypto::Ed25519PrivateKey::generate(rng);
    NetworkCeremony out;
    out.network.name = name;
    out.network.key = dealt->publicKey;
    out.network.parameters = dealt->parameters;
    out.network.minimumCellSize = minimumCellSize;
    out.network.minimumSites = minimumSites;
    out.network.signer = signingKey.publicKey().bytes();
    out.publicJson = out.network.toJson(signingKey);
    const auto fingerprint = out.network.fingerprint();
    for (std::size_t i = 0; i < custodians.size(); ++i) {
        const auto& share = dealt->shares[i];
        std::array<std::uint8_t, crypto::kArgon2SaltSize> salt{};
        rng.fill(salt);
        auto kek = crypto::argon2id(passphrases[i].span(), salt, kdf);
        CC_TRY(kek);
        const auto encoded = paillier::encodeShare(share);
        crypto::SecureBytes inner(4 + encoded.size() + 32);
        for (int b = 0; b < 4; ++b)
            inner[static_cast<std::size_t>(b)] = static_cast<std::uint8_t>(encoded.size() >> (24 - 8 * b));
        std::copy(encoded.span().begin(), encoded.span().end(), inner.span().begin() + 4);
        std::copy(signingKey.seed().span().begin(), signingKey.seed().span().end(),
                  inner.span().begin() + 4 + static_cast<std::ptrdiff_t>(encoded.size()));
        auto sealed = crypto::Aead::seal(*kek, 0, inner.span(), custodianAad(fingerprint, share.index), rng);
        CC_TRY(sealed);
        const QJsonObject o{{"format", kCustodianFormat},
                            {"version", 1},
                            {"network", QString::fromStdString(crypto::hexEncode(fingerprint))},
                            {"keyId", QString::fromStdString(out.network.key.keyIdHex())},
                            {"custodian", static_cast<qint64>(share.index)},
                            {"name", custodians[i]},
                            {"kdf", QJsonObject{{"memoryKiB", static_cast<qint64>(kdf.memoryKiB)},
                                                {"iterations", static_cast<qint64>(kdf.iterations)},
                                                {"parallelism", static_cast<qint64>(kdf.parallelism)}}},
                            {"salt", QString::fromStdString(crypto::hexEncode(salt))},
                            {"sealed", reports::toBase64Url(*sealed)}};
        out.custodianFiles.push_back(QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString());
    }
    return out;
}

Result<NetworkCustodian> openCustodianFile(std::string_view json, const NetworkKey& network,
                                           std::span<const std::uint8_t> passphrase, const std::string& file)
{
    auto o = jsonObject(json, file, kCustodianFormat);
    CC_TRY(o);
    auto pinned = hexField<32>(*o, "network", file);
    CC_TRY(pinned);
    const auto fingerprint = network.fingerprint();
    if (!crypto::constantTimeEqual(*pinned, fingerprint))
        return makeError(ErrorCode::IntegrityFailure,
                         file + ": this custodian key belongs to another network key file (fingerprint " +
                             crypto::hexEncode(*pinned) + ", the network file's is " + network.fingerprintHex() + ")");
    const qint64 index = o->value("custodian").toInteger(0);
    if (index < 1 || index > static_cast<qint64>(network.parameters.parties))
        return bad("is not a custodian of this network", file, "custodian");
    const QJsonObject k = o->value("kdf").toObject();
    crypto::Argon2Params kdf{static_cast<std::uint32_t>(k.value("memoryKiB").toInteger(0)),
                             static_cast<std::uint32_t>(k.value("iterations").toInteger(0)),
                             static_cast<std::uint32_t>(k.value("parallelism").toInteger(0))};
    if (auto valid = access::validateKdfParams(kdf); !valid)
        return withFile(std::move(valid).error(), file);
    auto salt = hexField<crypto::kArgon2SaltSize>(*o, "salt", file);
    CC_TRY(salt);
    auto sealed = reports::fromBase64Url(o->value("sealed"));
    if (!sealed)
        return bad("is not base64url", file, "sealed");
    auto kek = crypto::argon2id(passphrase, *salt, kdf);
    CC_TRY(kek);
    auto inner = crypto::Aead::open(*kek, 0, *sealed, custodianAad(fingerprint, static_cast<std::uint32_t>(index)));
    if (!inner)
        return makeError(inner.error().code == ErrorCode::IntegrityFailure ? ErrorCode::WrongPassword
                                                                           : inner.error().code,
                         file + ": wrong passphrase, or the custodian key file was changed");
    access::BinaryReader r(inner->span());
    const std::size_t length = r.u32();
    const auto encoded = r.bytes(length);
    const auto seed = r.bytes(32);
    if (!r.ok() || !r.atEnd())
        return bad("the sealed custodian key has a bad inner encoding", file, "sealed");
    auto share = paillier::decodeShare(encoded);
    CC_TRY(share);
    if (share->keyId != network.key.keyId() || share->index != static_cast<std::uint32_t>(index))
        return makeError(ErrorCode::IntegrityFailure, file + ": the sealed share is for another key or custodian");
    auto signingKey = crypto::Ed25519PrivateKey::fromSeed(seed);
    CC_TRY(signingKey);
    if (signingKey->publicKey().bytes() != network.signer)
        return makeError(ErrorCode::IntegrityFailure, file + ": the sealed signing key is not the network's");
    return NetworkCustodian{network, std::move(*share), std::move(*signingKey), o->value("name").toString()};
}

// ---- members ---------------------------------------------------------------------------------

namespace {

std::vector<std::uint8_t> membersStatement(const NetworkKey& network, const NetworkMembers& m)
{
    std::vector<std::uint8_t> out(kMembersLabel.begin(), kMembersLabel.end());
    append(out, network.fingerprint());
    putU32(out, static_cast<std::uint32_t>(m.members.size()));
    for (const auto& member : m.members) {
        append(out, member.signer);
        const QByteArray utf8 = member.name.toUtf8();
        append(out, crypto::sha256(bytesOf({utf8.constData(), static_cast<std::size_t>(utf8.size())})));
    }
    return out;
}

} // namespace

bool NetworkMembers::contains(const std::array<std::uint8_t, 32>& signer) const
{
    return std::any_of(members.begin(), members.end(), [&](const Member& m) { return m.signer == signer; });
}

std::string NetworkMembers::toJson(const NetworkKey& network, const crypto::Ed25519PrivateKey& signingKey) const
{
    NetworkMembers sorted = *this;
    std::sort(sorted.members.begin(), sorted.members.end(),
              [](const Member& a, const Member& b) { return a.signer < b.signer; });
    QJsonArray list;
    for (const auto& m : sorted.members)
        list.append(QJsonObject{{"name", m.name}, {"signer", QString::fromStdString(crypto::hexEncode(m.signer))}});
    const auto signature = signingKey.sign(membersStatement(network, sorted));
    const QJsonObject o{{"format", kMembersFormat},
                        {"version", 1},
                        {"network", QString::fromStdString(network.fingerprintHex())},
                        {"members", list},
                        {"signature", QString::fromStdString(crypto::hexEncode(signature))}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

Result<NetworkMembers> NetworkMembers::fromJson(std::string_view json, const NetworkKey& network,
                                                const std::string& file)
{
    auto o = jsonObject(json, file, kMembersFormat);
    CC_TRY(o);
    CC_TRY(onlyKnown(*o, {"format", "version", "network", "members", "signature"}, file));
    auto pinned = hexField<32>(*o, "network", file);
    CC_TRY(pinned);
    if (*pinned != network.fingerprint())
        return makeError(ErrorCode::IntegrityFailure, file + ": the member list belongs to another network key");
    if (!o->value("members").isArray() || o->value("members").toArray().size() > static_cast<qsizetype>(kMaxSites))
        return bad("must be an array of at most 1000 members", file, "members");
    NetworkMembers m;
    for (const auto& v : o->value("members").toArray()) {
        const QJsonObject entry = v.toObject();
        CC_TRY(onlyKnown(entry, {"name", "signer"}, file));
        auto signer = hexField<32>(entry, "signer", file);
        CC_TRY(signer);
        if (!entry.value("name").isString())
            return bad("is not a string", file, "members.name");
        m.members.push_back({entry.value("name").toString(), *signer});
    }
    for (std::size_t i = 1; i < m.members.size(); ++i)
        if (!(m.members[i - 1].signer < m.members[i].signer))
            return makeError(ErrorCode::IntegrityFailure, file + ": members out of order or listed twice");
    auto signature = hexField<64>(*o, "signature", file);
    CC_TRY(signature);
    auto pub = crypto::Ed25519PublicKey::fromBytes(network.signer);
    if (!pub || !pub->verify(membersStatement(network, m), *signature))
        return makeError(ErrorCode::IntegrityFailure,
                         file + ": the member list's signature by the network key does not verify");
    return m;
}

} // namespace cc::services
