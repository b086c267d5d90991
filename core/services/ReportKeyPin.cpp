// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ReportKeyPin.h"

#include "core/access/KeySlotFile.h"
#include "core/crypto/Ed25519PublicKey.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/paillier/KeyFile.h"
#include "core/ports/ClinicMetaStore.h"
#include "core/services/ClinicService.h"
#include "core/services/ReportKeyCodec.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>

namespace cc::services {
namespace {

using access::KeyKind;
using Digest = std::array<std::uint8_t, 32>;

constexpr std::string_view kRecordLabel = "CipherChart report key record v1";

Digest digestOf(std::span<const std::uint8_t> data)
{
    const auto d = crypto::sha256(data);
    Digest out{};
    std::copy(d.begin(), d.end(), out.begin());
    return out;
}

std::span<const std::uint8_t> bytesOf(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

Error withFile(Error e, std::string_view metaName)
{
    e.file = "meta " + std::string(metaName);
    return e;
}

Result<paillier::PublicKey> readKey(std::string_view jwk)
{
    auto key = paillier::KeyFile::readPublic(jwk);
    if (!key)
        return withFile(std::move(key).error(), ports::meta::kReportPublicKey);
    return key;
}

// Parses the signed record's JSON into its parts, fingerprint and signature.
struct SignedRecord
{
    ReportKeyPin::Parts parts;
    Digest fingerprint{};
    std::vector<std::uint8_t> signature;
};

template <std::size_t N> Status hexInto(const QJsonObject& o, const char* member, std::array<std::uint8_t, N>& out)
{
    auto bytes = crypto::hexDecode(o.value(QLatin1String(member)).toString().toStdString());
    if (!bytes || bytes->size() != N)
        return withFile(
            Error{ErrorCode::MalformedInput, "must be " + std::to_string(2 * N) + " hex digits", {}, 0, member},
            kReportKeyRecordMeta);
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return {};
}

Result<SignedRecord> parseSignedRecord(std::string_view json)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return withFile(Error{ErrorCode::MalformedInput, "not a JSON object", {}, 0, {}}, kReportKeyRecordMeta);
    const QJsonObject o = doc.object();
    if (o.value("version").toInteger(-1) != 1)
        return makeError(ErrorCode::Unsupported, "unknown report key record version");
    SignedRecord r;
    CC_TRY(hexInto(o, "keyId", r.parts.keyId));
    CC_TRY(hexInto(o, "publicKey", r.parts.publicKeyDigest));
    CC_TRY(hexInto(o, "threshold", r.parts.thresholdDigest));
    CC_TRY(hexInto(o, "fingerprint", r.fingerprint));
    std::array<std::uint8_t, crypto::kEd25519SignatureSize> sig{};
    CC_TRY(hexInto(o, "signature", sig));
    r.signature.assign(sig.begin(), sig.end());
    if (r.fingerprint != ReportKeyPin::fingerprint(r.parts))
        return makeError(ErrorCode::IntegrityFailure,
                         "the signed report key record's fingerprint does not match its parts");
    return r;
}

// What differs between the clinic's current parts and the pinned ones, in words.
std::string differences(const ReportKeyPin::Parts& current, const ReportKeyPin::Parts& pinned)
{
    std::vector<std::string> what;
    if (current.keyId != pinned.keyId)
        what.push_back("the report key id (clinic " + crypto::hexEncode(current.keyId) + ", pinned " +
                       crypto::hexEncode(pinned.keyId) + ")");
    if (current.publicKeyDigest != pinned.publicKeyDigest)
        what.push_back("the report public key (n)");
    if (current.thresholdDigest != pinned.thresholdDigest)
        what.push_back("the threshold parameters (meta report_threshold)");
    std::string out;
    for (std::size_t i = 0; i < what.size(); ++i)
        out += (i == 0 ? "" : (i + 1 == what.size() ? " and " : ", ")) + what[i];
    return out;
}

Status checkSignedRecord(const SignedRecord& record, const ReportKeyPin::Parts& parts,
                         std::span<const std::uint8_t> signingPublicKey, const access::KeyRing& ring)
{
    if (record.parts.keyId != parts.keyId || record.parts.publicKeyDigest != parts.publicKeyDigest ||
        record.parts.thresholdDigest != parts.thresholdDigest)
        return makeError(ErrorCode::IntegrityFailure,
                         "the signed report key record differs from the clinic's report key in " +
                             differences(parts, record.parts));
    auto signer = crypto::Ed25519PublicKey::fromBytes(signingPublicKey);
    if (!signer)
        return withFile(std::move(signer).error(), ports::meta::kSigningPublicKey);
    if (const access::KeyEntry* seed = ring.find(KeyKind::ClinicSigning)) {
        auto own = crypto::Ed25519PrivateKey::fromSeed(seed->secret.span());
        if (!own)
            return std::move(own).error();
        if (own->publicKey().bytes() != signer->bytes())
            return makeError(ErrorCode::IntegrityFailure,
                             "the clinic signing public key in the database is not the clinic signing key's");
    }
    if (auto ok = signer->verify(ReportKeyPin::record(parts), record.signature); !ok)
        return makeError(ErrorCode::IntegrityFailure,
                         "the report key record's signature does not verify under the clinic signing key");
    return {};
}

Result<std::string> metaText(ClinicService& clinic, std::string_view name)
{
    auto stored = clinic.backend().meta().get(name);
    if (!stored)
        return std::move(stored).error();
    if (!stored->has_value())
        return makeError(ErrorCode::NotFound, "the clinic has no " + std::string(name));
    return std::string((*stored)->begin(), (*stored)->end());
}

Result<std::optional<std::string>> optionalMeta(ClinicService& clinic, std::string_view name)
{
    auto text = metaText(clinic, name);
    if ((!text && text.error().code == ErrorCode::NotFound) || (text && text->empty()))
        return std::optional<std::string>{};
    if (!text)
        return std::move(text).error();
    return std::optional<std::string>(std::move(text).value());
}

// The parts of the clinic's current meta values (unverified).
Result<ReportKeyPin::Parts> currentParts(ClinicService& clinic)
{
    auto jwk = metaText(clinic, ports::meta::kReportPublicKey);
    if (!jwk)
        return std::move(jwk).error();
    auto threshold = metaText(clinic, ports::meta::kReportThreshold);
    if (!threshold)
        return std::move(threshold).error();
    auto key = readKey(*jwk);
    if (!key)
        return std::move(key).error();
    auto canonical = ReportKeyPin::canonicalThreshold(*threshold, *key);
    if (!canonical)
        return std::move(canonical).error();
    return ReportKeyPin::partsOf(*key, *canonical);
}

} // namespace

Result<std::string> ReportKeyPin::canonicalThreshold(std::string_view json, const paillier::PublicKey& key,
                                                     paillier::ThresholdParameters* parameters)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() || !doc.object().value("parameters").isObject())
        return withFile(Error{ErrorCode::MalformedInput, "not a JSON object with \"parameters\"", {}, 0, "parameters"},
                        ports::meta::kReportThreshold);
    const QJsonObject o = doc.object();
    const auto paramsJson =
        QJsonDocument(o.value("parameters").toObject()).toJson(QJsonDocument::Compact).toStdString();
    auto params = decodeThresholdParameters(paramsJson);
    if (!params)
        return withFile(std::move(params).error(), ports::meta::kReportThreshold);
    if (params->keyId != key.keyId())
        return makeError(ErrorCode::IntegrityFailure, "the threshold parameters belong to report key " +
                                                          crypto::hexEncode(params->keyId) + ", not to " +
                                                          key.keyIdHex());
    if (parameters)
        *parameters = std::move(params).value();
    // QJsonObject keeps its members sorted by key: one compact text for any spelling of the value.
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

ReportKeyPin::Parts ReportKeyPin::partsOf(const paillier::PublicKey& key, std::string_view canonicalThresholdJson)
{
    Parts p;
    p.keyId = key.keyId();
    p.publicKeyDigest = digestOf(key.canonicalEncoding());
    p.thresholdDigest = digestOf(bytesOf(canonicalThresholdJson));
    return p;
}

std::vector<std::uint8_t> ReportKeyPin::record(const Parts& parts)
{
    std::vector<std::uint8_t> out(kRecordLabel.begin(), kRecordLabel.end());
    out.push_back(0);
    out.insert(out.end(), parts.keyId.begin(), parts.keyId.end());
    out.insert(out.end(), parts.publicKeyDigest.begin(), parts.publicKeyDigest.end());
    out.insert(out.end(), parts.thresholdDigest.begin(), parts.thresholdDigest.end());
    return out;
}

std::array<std::uint8_t, 32> ReportKeyPin::fingerprint(const Parts& parts)
{
    return digestOf(record(parts));
}

std::string ReportKeyPin::signedRecordJson(const Parts& parts, const crypto::Ed25519PrivateKey& signer)
{
    const auto sig = signer.sign(record(parts));
    const auto fp = fingerprint(parts);
    const QJsonObject o{{"version", 1},
                        {"keyId", QString::fromStdString(crypto::hexEncode(parts.keyId))},
                        {"publicKey", QString::fromStdString(crypto::hexEncode(parts.publicKeyDigest))},
                        {"threshold", QString::fromStdString(crypto::hexEncode(parts.thresholdDigest))},
                        {"fingerprint", QString::fromStdString(crypto::hexEncode(fp))},
                        {"signature", QString::fromStdString(crypto::hexEncode(sig))}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<VerifiedReportKey> ReportKeyPin::verify(std::string_view publicJwk, std::string_view thresholdJson,
                                               std::optional<std::string_view> signedRecord,
                                               std::span<const std::uint8_t> signingPublicKey,
                                               const access::KeyRing& ring)
{
    auto key = readKey(publicJwk);
    if (!key)
        return std::move(key).error();
    VerifiedReportKey out;
    auto canonical = canonicalThreshold(thresholdJson, *key, &out.parameters);
    if (!canonical)
        return std::move(canonical).error();
    const Parts parts = partsOf(*key, *canonical);
    out.fingerprint = fingerprint(parts);
    std::optional<SignedRecord> record;
    if (signedRecord) {
        auto parsed = parseSignedRecord(*signedRecord);
        if (!parsed)
            return std::move(parsed).error();
        record = std::move(parsed).value();
    }

    const access::KeyEntry* pin = ring.find(KeyKind::ReportKeyPin);
    if (pin == nullptr)
        return makeError(ErrorCode::IntegrityFailure,
                         "this account's key ring holds no pinned report key (an account from before report keys "
                         "were pinned): compare the report key fingerprint " +
                             crypto::hexEncode(out.fingerprint) +
                             " with the key ceremony's and pin it with `cipherchart-cli report-key trust`");
    if (!crypto::constantTimeEqual(pin->secret.span(), out.fingerprint)) {
        // Name what differs when the signed record is the pinned one (its parts hash to the pin).
        if (record && crypto::constantTimeEqual(pin->secret.span(), record->fingerprint))
            return makeError(ErrorCode::IntegrityFailure, "the clinic's report key differs from the one pinned at "
                                                          "the key ceremony in " +
                                                              differences(parts, record->parts));
        return makeError(ErrorCode::IntegrityFailure,
                         "the clinic's report key (public key and threshold parameters, fingerprint " +
                             crypto::hexEncode(out.fingerprint) +
                             ") differs from the one pinned in this account's ring");
    }
    if (!record)
        return makeError(ErrorCode::IntegrityFailure,
                         "the clinic has no signed report key record (meta " + std::string(kReportKeyRecordMeta) + ")");
    CC_TRY(checkSignedRecord(*record, parts, signingPublicKey, ring));
    out.publicKey = std::move(key).value();
    out.thresholdJson = std::move(canonical).value();
    return out;
}

Result<VerifiedReportKey> ReportKeyPin::load(ClinicService& clinic)
{
    auto ring = clinic.keys();
    if (!ring)
        return std::move(ring).error();
    auto jwk = metaText(clinic, ports::meta::kReportPublicKey);
    if (!jwk)
        return std::move(jwk).error();
    auto threshold = metaText(clinic, ports::meta::kReportThreshold);
    if (!threshold)
        return std::move(threshold).error();
    auto record = optionalMeta(clinic, kReportKeyRecordMeta);
    if (!record)
        return std::move(record).error();
    auto signing = clinic.backend().meta().get(ports::meta::kSigningPublicKey);
    if (!signing)
        return std::move(signing).error();
    const std::vector<std::uint8_t> signingKey = signing->value_or(std::vector<std::uint8_t>{});
    std::optional<std::string_view> recordView;
    if (*record)
        recordView = **record;
    return verify(*jwk, *threshold, recordView, signingKey, **ring);
}

Result<std::array<std::uint8_t, 32>> ReportKeyPin::currentFingerprint(ClinicService& clinic)
{
    auto parts = currentParts(clinic);
    if (!parts)
        return std::move(parts).error();
    return fingerprint(*parts);
}

Status ReportKeyPin::trustOnFirstUse(ClinicService& clinic, std::string_view fingerprintHex,
                                     std::span<const std::uint8_t> password)
{
    const access::Session* session = clinic.session();
    if (session == nullptr)
        return makeError(ErrorCode::AccessDenied, "nobody is logged in");
    const bool admin = session->role() == access::Role::Administrator;
    AuditSubject subject =
        makeSubject(audit::AuditEventId::SecurityAlert, audit::AuditEventType::SecurityConfiguration,
                    audit::AuditAction::Update, "Key", {}, "report key pinned by trust on first use");
    if (!admin && session->role() != access::Role::Doctor)
        return clinic.authorize(access::Permission::ManageKeys, subject); // denied and audited
    CC_TRY(clinic.authorize(admin ? access::Permission::ManageKeys : access::Permission::WriteChart, subject));

    std::string typed(fingerprintHex);
    std::transform(typed.begin(), typed.end(), typed.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string userName = session->userName();
    const auto work = [&]() -> Status {
        auto ring = clinic.keys();
        if (!ring)
            return std::move(ring).error();
        if ((*ring)->has(KeyKind::ReportKeyPin))
            return makeError(ErrorCode::AlreadyExists, "this account's ring already pins the report key");
        auto parts = currentParts(clinic);
        if (!parts)
            return std::move(parts).error();
        const auto fp = fingerprint(*parts);
        subject.objectId = crypto::hexEncode(parts->keyId);
        subject.detail = "report key pinned by trust on first use, fingerprint " + crypto::hexEncode(fp);
        if (typed != crypto::hexEncode(fp))
            return makeError(ErrorCode::IntegrityFailure, "the fingerprint typed is not the clinic's report key "
                                                          "fingerprint " +
                                                              crypto::hexEncode(fp) + ": nothing was pinned");
        // The password first: nothing is written for a caller who cannot re-wrap the slot.
        {
            auto file = clinic.backend().keySlots().load();
            if (!file)
                return std::move(file).error();
            auto check = file->unlock(userName, password);
            if (!check)
                return std::move(check).error();
        }
        auto stored = optionalMeta(clinic, kReportKeyRecordMeta);
        if (!stored)
            return std::move(stored).error();
        auto signing = clinic.backend().meta().get(ports::meta::kSigningPublicKey);
        if (!signing)
            return std::move(signing).error();
        const std::vector<std::uint8_t> signingKey = signing->value_or(std::vector<std::uint8_t>{});
        if (*stored) {
            auto record = parseSignedRecord(**stored);
            if (!record)
                return std::move(record).error();
            CC_TRY(checkSignedRecord(*record, *parts, signingKey, **ring));
        } else {
            const access::KeyEntry* seed = (*ring)->find(KeyKind::ClinicSigning);
            if (seed == nullptr)
                return makeError(ErrorCode::IntegrityFailure,
                                 "the clinic has no signed report key record yet: an administrator pins the report "
                                 "key first (`cipherchart-cli report-key trust`), then each doctor");
            auto signer = crypto::Ed25519PrivateKey::fromSeed(seed->secret.span());
            if (!signer)
                return std::move(signer).error();
            if (signer->publicKey().bytes().size() != signingKey.size() ||
                !std::equal(signingKey.begin(), signingKey.end(), signer->publicKey().bytes().begin()))
                return makeError(ErrorCode::IntegrityFailure,
                                 "the clinic signing public key in the database is not the clinic signing key's");
            const std::string json = signedRecordJson(*parts, *signer);
            CC_TRY(clinic.backend().meta().set(kReportKeyRecordMeta, bytesOf(json)));
        }
        access::KeyRing pinned = (*ring)->clone();
        std::uint32_t entryId = 0;
        for (int i = 0; i < 4; ++i)
            entryId = (entryId << 8) | parts->keyId[static_cast<std::size_t>(i)];
        CC_TRY(pinned.add(KeyKind::ReportKeyPin, entryId, 1, crypto::SecureBytes(std::span<const std::uint8_t>(fp))));
        return clinic.updateKeySlots([&](access::KeySlotFile& file) -> Status {
            return file.rewrap(userName, password, pinned, clinic.options().kdf, clinic.rng(), clinic.clock(), false);
        });
    };
    Status done = work();
    const auto outcome = done.ok() ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure;
    if (!done.ok()) {
        // The audit detail holds at most 200 bytes: cut the reason at a UTF-8 character boundary.
        std::string detail = "report key trust on first use refused: " + done.error().message;
        if (detail.size() > 200) {
            std::size_t cut = 200;
            while (cut > 0 && (static_cast<unsigned char>(detail[cut]) & 0xC0) == 0x80)
                --cut;
            detail.resize(cut);
        }
        subject.detail = std::move(detail);
    }
    CC_TRY(clinic.record(subject, outcome));
    return done;
}

} // namespace cc::services
