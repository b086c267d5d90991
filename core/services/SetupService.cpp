// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/SetupService.h"

#include "core/access/KeyRing.h"
#include "core/access/KeySlotFile.h"
#include "core/audit/AuditLog.h"
#include "core/crypto/Aead.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/SealedBox.h"
#include "core/crypto/Shamir.h"
#include "core/crypto/ShareEncoding.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/KeyGenerator.h"
#include "core/paillier/Threshold.h"
#include "core/ports/ReportStore.h"
#include "core/records/PatientRef.h"
#include "core/services/BoxKeyPins.h"
#include "core/services/ClinicService.h"
#include "core/services/IndexSealing.h"
#include "core/services/ReportKeyCodec.h"
#include "core/services/ReportKeyPin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <set>

namespace cc::services {

using access::KeyKind;
using access::KeyRing;
using access::Role;

namespace {

constexpr std::string_view kRecoveryCheckLabel = "cipherchart recovery check v1";

/// The clinic's symmetric keys and their ids, alive only during the ceremony.
struct CeremonyKeys
{
    struct Key
    {
        KeyKind kind;
        std::uint32_t id;
        crypto::SecureBytes secret;
    };
    std::vector<Key> keys;

    const Key& get(KeyKind kind) const
    {
        return *std::find_if(keys.begin(), keys.end(), [&](const Key& k) { return k.kind == kind; });
    }
    Status addTo(KeyRing& ring, KeyKind kind) const
    {
        const Key& k = get(kind);
        return ring.add(kind, k.id, 1, k.secret.clone());
    }
};

std::uint32_t randomKeyId(crypto::Rng& rng)
{
    return static_cast<std::uint32_t>(rng.uniform(0xFFFFFFFEull)) + 1;
}

std::vector<std::uint8_t> bytesOf(std::string_view s)
{
    return {s.begin(), s.end()};
}

// Every load path of a report key checks its size; the ceremony also refuses the keys whose private
// halves are published in tests/data/paillier, unless the clinic is a demo or a test asks for them.
Status checkReportKey(const SetupRequest& r, const paillier::PublicKey& key)
{
    CC_TRY(key.checkReportKeySize());
    if (key.bits() != r.reportKeyBits)
        return makeError(ErrorCode::InvalidArgument, "the report key has " + std::to_string(key.bits()) +
                                                         " bits, not the " + std::to_string(r.reportKeyBits) +
                                                         " requested");
    if (!r.demo && !r.allowPublishedTestKey && paillier::KeyFile::isPublishedTestKey(key))
        return makeError(ErrorCode::InvalidArgument,
                         "report key " + key.keyIdHex() +
                             " is a published TEST key (its private key is in CipherChart's source): never use it "
                             "for a real clinic");
    return {};
}

Status validateRequest(const SetupRequest& r)
{
    if (r.clinicName.empty() || r.clinicName.size() > 100)
        return makeError(ErrorCode::InvalidArgument, "the clinic name must have 1 to 100 characters");
    if (r.recoveryThreshold < 2 || r.recoveryThreshold > r.recoveryShares || r.recoveryShares > 255)
        return makeError(ErrorCode::InvalidArgument,
                         "recovery shares need 2 <= threshold <= shares <= 255 (one share alone would be the key)");
    if (r.reportKeyBits != 2048 && r.reportKeyBits != 3072 && r.reportKeyBits != 4096)
        return makeError(ErrorCode::InvalidArgument, "the report key has 3072 or 4096 bits (2048 only for tests)");
    std::set<std::string> names{r.admin.name};
    for (const auto& c : r.custodians)
        if (!names.insert(c.name).second)
            return makeError(ErrorCode::InvalidArgument, "account name '" + c.name + "' is given twice");
    if (r.doctor && !names.insert(r.doctor->name).second)
        return makeError(ErrorCode::InvalidArgument, "account name '" + r.doctor->name + "' is given twice");
    const std::size_t custodians = r.custodians.empty() ? 1 : r.custodians.size() + (r.adminIsCustodian ? 1 : 0);
    if (r.reportThreshold < 1 || r.reportThreshold > custodians)
        return makeError(ErrorCode::InvalidArgument,
                         "the report threshold must be between 1 and the number of custodians (" +
                             std::to_string(custodians) + ")");
    return {};
}

audit::AuditEvent ceremonyEvent(const SetupRequest& r, audit::AuditEventId id, audit::AuditEventType type,
                                audit::AuditAction action, std::string objectType, std::string objectId,
                                std::string detail, const ServiceOptions& options)
{
    audit::AuditEvent e;
    e.userName = r.admin.name;
    e.role = "administrator";
    e.workstation = options.workstation;
    e.action = action;
    e.eventId = id;
    e.eventType = type;
    e.objectType = std::move(objectType);
    e.objectId = std::move(objectId);
    e.detail = std::move(detail);
    return e;
}

} // namespace

std::vector<std::uint8_t> recoveryAad(const access::ClinicId& clinicId)
{
    constexpr std::string_view label = "cipherchart recovery ring v1|";
    std::vector<std::uint8_t> aad(label.size() + clinicId.size());
    std::copy(label.begin(), label.end(), aad.begin());
    std::copy(clinicId.begin(), clinicId.end(), aad.begin() + static_cast<std::ptrdiff_t>(label.size()));
    return aad;
}

Result<SetupResult> createClinic(const SetupRequest& request, const BackendFactory& factory, const Clock& clock,
                                 crypto::Rng& rng, const ServiceOptions& options,
                                 std::unique_ptr<ports::ClinicBackend>* backendOut)
{
    CC_TRY(validateRequest(request));
    const auto progress = [&](const std::string& step, int done, int total) {
        return !request.progress || request.progress(step, done, total);
    };

    // 1. Symmetric keys (DESIGN.md section 4), the clinic signing key and the recovery key.
    CeremonyKeys keys;
    for (KeyKind kind : {KeyKind::DatabaseKey, KeyKind::IdentityCategory, KeyKind::ClinicalCategory, KeyKind::Index,
                         KeyKind::AuditRoot})
        keys.keys.push_back({kind, randomKeyId(rng), rng.secureBytes(32)});
    const auto signing = crypto::Ed25519PrivateKey::generate(rng);
    keys.keys.push_back({KeyKind::ClinicSigning, randomKeyId(rng), signing.seed().clone()});
    const crypto::SecureBytes recoveryKey = rng.secureBytes(32);
    const std::uint32_t recoveryKeyId = randomKeyId(rng);
    // The recovery ring's own box key: rotated keys are sealed to its public key (kept in meta)
    // and wait in the key-slot file's mailbox until a recovery opens the ring (docs/KEYS.md 8).
    const crypto::BoxKeyPair recoveryBox = crypto::BoxKeyPair::generate(rng);
    const std::uint32_t recoveryBoxId = randomKeyId(rng);

    // 2. The report key: safe primes, then a t-of-l dealing; the private key is destroyed by the dealer.
    if (!progress("report key", 0, 2))
        return makeError(ErrorCode::Cancelled, "the key ceremony was cancelled");
    auto paillierKey = request.reportKeySource
                           ? request.reportKeySource()
                           : paillier::generateKeyPair(request.reportKeyBits, [&](const paillier::KeyGenProgress& p) {
                                 return progress("report key", p.prime, 2);
                             });
    if (!paillierKey)
        return std::move(paillierKey).error();
    CC_TRY(checkReportKey(request, paillierKey->publicKey()));
    std::vector<const AccountSeed*> custodians;
    if (request.custodians.empty() || request.adminIsCustodian)
        custodians.push_back(&request.admin);
    for (const auto& c : request.custodians)
        custodians.push_back(&c);
    auto dealt = paillier::dealThreshold(std::move(paillierKey).value(), request.reportThreshold,
                                         static_cast<std::uint32_t>(custodians.size()), rng);
    if (!dealt)
        return std::move(dealt).error();
    progress("report key", 2, 2);

    // 3. Key slots. The clinic id is born with the key-slot file.
    auto slotFile = access::KeySlotFile::create(rng);
    ports::ClinicDescriptor descriptor{slotFile.clinicId(), request.clinicName, request.demo, clock.nowSeconds()};
    auto created = factory(descriptor, keys.get(KeyKind::DatabaseKey).secret);
    if (!created)
        return std::move(created).error();
    std::unique_ptr<ports::ClinicBackend> backend = std::move(created).value();

    std::vector<audit::AuditEvent> events;
    events.push_back(ceremonyEvent(request, audit::AuditEventId::ApplicationActivity,
                                   audit::AuditEventType::SecurityConfiguration, audit::AuditAction::Create, "Clinic",
                                   idHex(descriptor.clinicId), "clinic created", options));

    // The report-key record (public key, key id, threshold parameters and custodians), signed below
    // with the clinic key and pinned in every staff ring (docs/PAILLIER.md, report key pinning).
    QJsonArray custodianList;
    for (std::size_t i = 0; i < custodians.size(); ++i)
        custodianList.append(QJsonObject{{"index", static_cast<qint64>(dealt->shares[i].index)},
                                         {"name", QString::fromStdString(custodians[i]->name)}});
    const std::string params = encodeThresholdParameters(dealt->parameters);
    const QJsonObject threshold{{"parameters", QJsonDocument::fromJson(QByteArray::fromStdString(params)).object()},
                                {"custodians", custodianList}};
    auto thresholdJson = ReportKeyPin::canonicalThreshold(
        QJsonDocument(threshold).toJson(QJsonDocument::Compact).toStdString(), dealt->publicKey);
    if (!thresholdJson)
        return std::move(thresholdJson).error();
    const ReportKeyPin::Parts reportParts = ReportKeyPin::partsOf(dealt->publicKey, *thresholdJson);
    const auto reportPin = ReportKeyPin::fingerprint(reportParts);
    std::uint32_t reportPinId = 0;
    for (std::size_t i = 0; i < 4; ++i)
        reportPinId = (reportPinId << 8) | reportParts.keyId[i];
    // The index writer of the clinical key (docs/RECORDS.md, "The index seal"), pinned likewise so
    // administrators verify the signed index without holding the clinical key.
    const CeremonyKeys::Key& clinicalKey = keys.get(KeyKind::ClinicalCategory);
    auto writerPublic = IndexSealing::writerPublicKey(clinicalKey.secret, descriptor.clinicId);
    if (!writerPublic)
        return std::move(writerPublic).error();
    const auto addPin = [&](KeyRing& ring) -> Status {
        CC_TRY(ring.add(KeyKind::ReportKeyPin, reportPinId, 1,
                        crypto::SecureBytes(std::span<const std::uint8_t>(reportPin))));
        return ring.add(KeyKind::IndexWriterPin, clinicalKey.id, 1,
                        crypto::SecureBytes(std::span<const std::uint8_t>(*writerPublic)));
    };

    auto adminRing = [&](const paillier::ThresholdShare* share) -> Result<KeyRing> {
        KeyRing ring;
        for (KeyKind kind : {KeyKind::DatabaseKey, KeyKind::IdentityCategory, KeyKind::Index, KeyKind::AuditRoot,
                             KeyKind::ClinicSigning})
            CC_TRY(keys.addTo(ring, kind));
        CC_TRY(addPin(ring));
        if (share)
            CC_TRY(ring.add(KeyKind::PaillierShare, share->index, 1, encodeThresholdShare(*share)));
        CC_TRY(ring.addUserBox(rng));
        return ring;
    };
    auto addAccount = [&](const AccountSeed& seed, Role role, KeyRing ring, const std::string& what) -> Status {
        auto id = slotFile.addSlot(seed.name, role, seed.password.span(), ring, options.kdf, rng, clock);
        if (!id)
            return std::move(id).error();
        events.push_back(ceremonyEvent(request, audit::AuditEventId::SecurityAlert,
                                       audit::AuditEventType::UserSecurityAttributesChanged, audit::AuditAction::Create,
                                       "User", idHex(*id), what, options));
        return {};
    };

    const auto shareFor = [&](const AccountSeed* seed) -> const paillier::ThresholdShare* {
        for (std::size_t i = 0; i < custodians.size(); ++i)
            if (custodians[i] == seed)
                return &dealt->shares[i];
        return nullptr;
    };
    {
        auto ring = adminRing(shareFor(&request.admin));
        if (!ring)
            return std::move(ring).error();
        CC_TRY(addAccount(request.admin, Role::Administrator, std::move(ring).value(),
                          shareFor(&request.admin) ? "administrator and report-key custodian created"
                                                   : "administrator created"));
    }
    for (const auto& c : request.custodians) {
        auto ring = adminRing(shareFor(&c));
        if (!ring)
            return std::move(ring).error();
        CC_TRY(addAccount(c, Role::Administrator, std::move(ring).value(), "report-key custodian created"));
    }
    if (request.doctor) {
        KeyRing ring;
        for (KeyKind kind :
             {KeyKind::DatabaseKey, KeyKind::IdentityCategory, KeyKind::ClinicalCategory, KeyKind::Index})
            CC_TRY(keys.addTo(ring, kind));
        CC_TRY(addPin(ring));
        CC_TRY(ring.addUserBox(rng));
        CC_TRY(addAccount(*request.doctor, Role::Doctor, std::move(ring), "doctor created"));
    }
    CC_TRY(backend->keySlots().save(slotFile));
    slotFile.markClean();

    // The box public keys rotated keys will be sealed to, pinned under the signing key and (doctors
    // and the recovery ring) the clinical key (issue 10 item 3; docs/KEYS.md section 8).
    BoxKeyPins pins;
    {
        KeyRing pinKeys;
        CC_TRY(keys.addTo(pinKeys, KeyKind::ClinicSigning));
        CC_TRY(keys.addTo(pinKeys, KeyKind::ClinicalCategory));
        for (const auto& a : slotFile.listAccounts())
            CC_TRY(pins.pinAccount(pinKeys, pinKeys, slotFile.clinicId(), a.userId, a.role,
                                   slotFile.slot(a.userName)->boxPublicKey));
        for (PinKey which : {PinKey::Administrators, PinKey::Clinical})
            CC_TRY(pins.pin(which, *pinKeys.find(pinKeyKind(which)), slotFile.clinicId(), access::kRecoveryRecipient,
                            pinRoleCode(std::nullopt), recoveryBox.publicKey));
    }

    // 4. Non-secret bookkeeping in the encrypted database.
    auto& meta = backend->meta();
    CC_TRY(meta.set(ports::meta::kClinicId, descriptor.clinicId));
    CC_TRY(meta.set(ports::meta::kClinicName, bytesOf(request.clinicName)));
    CC_TRY(meta.set(ports::meta::kCreatedAt, bytesOf(std::to_string(descriptor.createdAt))));
    CC_TRY(meta.set(ports::meta::kKeySlotGeneration, bytesOf(std::to_string(slotFile.generation()))));
    CC_TRY(meta.set(ports::meta::kIdleTimeoutMinutes, bytesOf("10")));
    // A new clinic's rows carry patient references from the start (docs/RECORDS.md).
    CC_TRY(meta.set(records::kPatientRefSchemeMeta, bytesOf(std::string(records::kPatientRefScheme))));
    // ...and every condition row its condition token (schema 8): nothing to compute later.
    CC_TRY(meta.set(ports::meta::kConditionTokens, bytesOf(std::string(ports::meta::kConditionTokensDone))));
    // ...and every chart its manifest (schema 9), written with its rows.
    CC_TRY(meta.set(ports::meta::kChartManifests, bytesOf(std::string(ports::meta::kChartManifestsDone))));
    // ...and every care-team row names its audit event (schema 10).
    CC_TRY(meta.set(ports::meta::kCareTeamBound, bytesOf("1")));
    // ...and every Paillier value its code's current layout (no retired layout id).
    CC_TRY(meta.set(ports::meta::kValueLayouts, bytesOf(std::string(ports::meta::kValueLayoutsCurrent))));
    CC_TRY(pins.save(meta));
    CC_TRY(meta.set(ports::meta::kSigningPublicKey, signing.publicKey().bytes()));
    CC_TRY(meta.set(ports::meta::kReportPublicKey, bytesOf(paillier::KeyFile::publicJwk(dealt->publicKey))));
    CC_TRY(meta.set(ports::meta::kReportThreshold, bytesOf(*thresholdJson)));
    CC_TRY(meta.set(kReportKeyRecordMeta, bytesOf(ReportKeyPin::signedRecordJson(reportParts, signing))));
    CC_TRY(IndexSealing::initialise(meta, descriptor.clinicId, clinicalKey.secret, clinicalKey.id));
    auto check = crypto::hmacSha256(recoveryKey.span(), bytesOf(kRecoveryCheckLabel));
    if (!check)
        return std::move(check).error();
    QJsonObject recovery{{"threshold", static_cast<qint64>(request.recoveryThreshold)},
                         {"shares", static_cast<qint64>(request.recoveryShares)},
                         {"keyId", static_cast<qint64>(recoveryKeyId)},
                         {"check", QString::fromStdString(crypto::hexEncode(*check))},
                         {"boxPublicKey", QString::fromStdString(crypto::hexEncode(recoveryBox.publicKey))}};
    CC_TRY(meta.set(ports::meta::kRecovery,
                    bytesOf(QJsonDocument(recovery).toJson(QJsonDocument::Compact).toStdString())));
    QJsonObject versions;
    for (const auto& k : keys.keys)
        versions.insert(QString::fromUtf8(access::keyKindName(k.kind).data()),
                        QJsonObject{{"id", static_cast<qint64>(k.id)},
                                    {"version", 1},
                                    {"created", static_cast<qint64>(descriptor.createdAt)}});
    versions.insert("ReportKey", QJsonObject{{"id", QString::fromStdString(dealt->publicKey.keyIdHex())},
                                             {"version", 1},
                                             {"created", static_cast<qint64>(descriptor.createdAt)},
                                             {"bits", static_cast<qint64>(request.reportKeyBits)}});
    versions.insert("RecoveryKey", QJsonObject{{"id", static_cast<qint64>(recoveryKeyId)},
                                               {"version", 1},
                                               {"created", static_cast<qint64>(descriptor.createdAt)}});
    CC_TRY(meta.set(ports::meta::kKeyVersions,
                    bytesOf(QJsonDocument(versions).toJson(QJsonDocument::Compact).toStdString())));

    // 5. The recovery ring, sealed under the recovery key, and the key split into printed shares.
    KeyRing recoveryRing;
    for (const auto& k : keys.keys)
        CC_TRY(recoveryRing.add(k.kind, k.id, 1, k.secret.clone()));
    CC_TRY(recoveryRing.add(KeyKind::UserBox, recoveryBoxId, 1, recoveryBox.secretKey.clone()));
    CC_TRY(addPin(recoveryRing));
    const crypto::SecureBytes plain = recoveryRing.serialise();
    auto blob = crypto::Aead::seal(recoveryKey, recoveryKeyId, plain.span(), recoveryAad(descriptor.clinicId), rng);
    if (!blob)
        return std::move(blob).error();
    auto split = crypto::shamirSplit(recoveryKey, request.recoveryThreshold, request.recoveryShares, rng);
    if (!split)
        return std::move(split).error();

    events.push_back(ceremonyEvent(
        request, audit::AuditEventId::SecurityAlert, audit::AuditEventType::SecurityConfiguration,
        audit::AuditAction::Create, "Key", dealt->publicKey.keyIdHex(),
        "report key " + std::to_string(request.reportKeyBits) + "-bit, " + std::to_string(request.reportThreshold) +
            "-of-" + std::to_string(custodians.size()) + " custodians",
        options));
    events.push_back(ceremonyEvent(request, audit::AuditEventId::SecurityAlert,
                                   audit::AuditEventType::SecurityConfiguration, audit::AuditAction::Create, "Key",
                                   std::to_string(recoveryKeyId),
                                   "recovery key split " + std::to_string(request.recoveryThreshold) + "-of-" +
                                       std::to_string(request.recoveryShares),
                                   options));

    // 6. The audit chain starts from A0, which stays only in administrators' rings.
    CC_TRY(audit::AuditLog::initialise(backend->auditStore(), backend->anchors(), keys.get(KeyKind::AuditRoot).secret,
                                       descriptor.clinicId));
    audit::AuditLog log(backend->auditStore(), backend->anchors(), clock, descriptor.clinicId);
    for (auto& e : events)
        CC_TRY(log.record(std::move(e)));

    SetupResult result;
    result.descriptor = descriptor;
    result.recoveryBlob = std::move(blob).value();
    result.reportKeyId = dealt->publicKey.keyIdHex();
    result.reportKeyFingerprint = crypto::hexEncode(reportPin);
    result.custodianCount = static_cast<unsigned>(custodians.size());
    for (const auto& share : *split)
        result.recoveryShares.push_back(crypto::encodeShare(share, request.recoveryThreshold));
    if (backendOut)
        *backendOut = std::move(backend);
    return result;
}

} // namespace cc::services
