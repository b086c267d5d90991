// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/BackupService.h"
#include "core/services/Audited.h"
#include "core/services/RecoveryService.h"

#include "core/access/KeySlotFile.h"
#include "core/audit/AuditAnchor.h"
#include "core/crypto/Aead.h"
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <string_view>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

// Container layout (docs/BACKUP.md, "Format"); every integer big-endian.
constexpr std::uint8_t kMagic[4] = {'C', 'C', 'B', 'K'};
constexpr std::uint16_t kFormatVersion = 1;
constexpr std::size_t kMaxManifestSize = 65536;
constexpr std::size_t kMaxKeySlotSize = std::size_t{4} << 20;
constexpr std::size_t kMaxWrappedKeySize = 256;
// Domain separation: a manifest signature can never be mistaken for a report or anchor signature.
constexpr std::string_view kSignatureContext = "CipherChart backup manifest v1";
constexpr std::string_view kWrapInfo = "cipherchart backup key wrap";
constexpr std::string_view kPayloadInfo = "cipherchart backup payload";
constexpr std::string_view kStoredMembers[] = {"keySlots", "wrappedKey", "payload"};
constexpr std::string_view kSealedMembers[] = {"database", "anchor", "descriptor"};

std::span<const std::uint8_t> bytesOf(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

void putBig(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

void append(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> data)
{
    out.insert(out.end(), data.begin(), data.end());
}

/// Bounds-checked reading of the container; every failure names the field.
class Reader
{
public:
    explicit Reader(std::span<const std::uint8_t> data) : m_data(data) {}
    Result<std::uint64_t> number(int bytes, const char* field)
    {
        CC_TRY(need(static_cast<std::size_t>(bytes), field));
        std::uint64_t v = 0;
        for (int i = 0; i < bytes; ++i)
            v = (v << 8) | m_data[m_pos++];
        return v;
    }
    Result<std::span<const std::uint8_t>> take(std::uint64_t size, std::size_t max, const char* field)
    {
        if (size > max)
            return malformed("the backup's " + std::string(field) + " is too large", {}, 0, field);
        CC_TRY(need(static_cast<std::size_t>(size), field));
        auto out = m_data.subspan(m_pos, static_cast<std::size_t>(size));
        m_pos += static_cast<std::size_t>(size);
        return out;
    }
    Result<std::span<const std::uint8_t>> sized(int lengthBytes, std::size_t max, const char* field)
    {
        auto size = number(lengthBytes, field);
        CC_TRY(size);
        return take(*size, max, field);
    }
    [[nodiscard]] bool atEnd() const noexcept { return m_pos == m_data.size(); }
    [[nodiscard]] std::size_t position() const noexcept { return m_pos; }

private:
    Status need(std::size_t n, const char* field) const
    {
        if (m_data.size() - m_pos < n)
            return malformed("the backup is truncated", {}, 0, field);
        return {};
    }
    std::span<const std::uint8_t> m_data;
    std::size_t m_pos = 0;
};

struct Container
{
    std::span<const std::uint8_t> signedPart; ///< header and manifest
    BackupManifest manifest;
    std::span<const std::uint8_t> signature, keySlots, wrappedKey, payload;
};

std::string sha256Hex(std::span<const std::uint8_t> data)
{
    return idHex(crypto::sha256(data));
}

bool isHex(const std::string& s, std::size_t length)
{
    return s.size() == length &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

QByteArray encodeManifest(const BackupManifest& m)
{
    QJsonObject members;
    for (const auto& member : m.members)
        members.insert(
            QString::fromStdString(member.name),
            QJsonObject{{"size", static_cast<qint64>(member.size)}, {"sha256", QString::fromStdString(member.sha256)}});
    return QJsonDocument(QJsonObject{{"format", m.format},
                                     {"backupId", QString::fromStdString(m.backupId)},
                                     {"clinicId", QString::fromStdString(m.clinicId)},
                                     {"clinicName", QString::fromStdString(m.clinicName)},
                                     {"createdAtMs", static_cast<qint64>(m.createdAtMs)},
                                     {"createdAt", QString::fromStdString(audit::formatUtcMillis(m.createdAtMs))},
                                     {"createdBy", QString::fromStdString(m.createdBy)},
                                     {"schemaVersion", m.schemaVersion},
                                     {"keySlotGeneration", static_cast<qint64>(m.keySlotGeneration)},
                                     {"auditHeadSeq", static_cast<qint64>(m.auditHeadSeq)},
                                     {"signer", QString::fromStdString(m.signer)},
                                     {"members", members}})
        .toJson(QJsonDocument::Compact);
}

Result<BackupManifest> parseManifest(std::span<const std::uint8_t> bytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return malformed("the backup manifest is not a JSON object", {}, 0, "manifest");
    const QJsonObject o = doc.object();
    auto text = [&](const char* key, std::string& out) -> Status {
        if (!o.value(key).isString())
            return malformed("the backup manifest lacks a text field", {}, 0, key);
        out = o.value(key).toString().toStdString();
        return {};
    };
    auto count = [&](const QJsonObject& from, const char* key, std::uint64_t& out) -> Status {
        const QJsonValue v = from.value(key);
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 9007199254740992.0 ||
            static_cast<double>(v.toInteger()) != v.toDouble())
            return malformed("the backup manifest lacks a count", {}, 0, key);
        out = static_cast<std::uint64_t>(v.toInteger());
        return {};
    };
    BackupManifest m;
    std::uint64_t n = 0;
    CC_TRY(count(o, "format", n));
    if (n != 1)
        return makeError(ErrorCode::Unsupported, "the backup manifest has format " + std::to_string(n) + ", not 1");
    CC_TRY(text("backupId", m.backupId));
    CC_TRY(text("clinicId", m.clinicId));
    CC_TRY(text("clinicName", m.clinicName));
    CC_TRY(text("createdBy", m.createdBy));
    CC_TRY(text("signer", m.signer));
    if (!isHex(m.backupId, 32) || !isHex(m.clinicId, 32) || !isHex(m.signer, 64))
        return malformed("the backup manifest has a malformed identifier", {}, 0, "backupId/clinicId/signer");
    CC_TRY(count(o, "createdAtMs", n));
    m.createdAtMs = static_cast<std::int64_t>(n);
    CC_TRY(count(o, "schemaVersion", n));
    m.schemaVersion = static_cast<int>(std::min<std::uint64_t>(n, 1000000));
    CC_TRY(count(o, "keySlotGeneration", m.keySlotGeneration));
    CC_TRY(count(o, "auditHeadSeq", m.auditHeadSeq));
    const QJsonObject members = o.value("members").toObject();
    for (auto names :
         {std::span<const std::string_view>(kStoredMembers), std::span<const std::string_view>(kSealedMembers)}) {
        for (std::string_view name : names) {
            const QJsonObject entry =
                members.value(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))).toObject();
            BackupMember member{std::string(name), 0, entry.value("sha256").toString().toStdString()};
            CC_TRY(count(entry, "size", member.size));
            if (!isHex(member.sha256, 64))
                return malformed("the backup manifest has no hash for member " + member.name, {}, 0, member.name);
            m.members.push_back(std::move(member));
        }
    }
    return m;
}

Result<Container> parseContainer(std::span<const std::uint8_t> bytes)
{
    Reader r(bytes);
    Container c;
    auto magic = r.take(4, 4, "magic");
    CC_TRY(magic);
    if (!std::equal(magic->begin(), magic->end(), std::begin(kMagic)))
        return malformed("not a CipherChart backup (bad magic)", {}, 0, "magic");
    auto version = r.number(2, "version");
    CC_TRY(version);
    if (*version != kFormatVersion)
        return makeError(ErrorCode::Unsupported, "backup format " + std::to_string(*version) + " is not supported");
    auto reserved = r.number(2, "reserved");
    CC_TRY(reserved);
    if (*reserved != 0)
        return malformed("the backup header's reserved field is not zero", {}, 0, "reserved");
    auto manifestBytes = r.sized(4, kMaxManifestSize, "manifest");
    CC_TRY(manifestBytes);
    c.signedPart = bytes.first(r.position());
    auto manifest = parseManifest(*manifestBytes);
    CC_TRY(manifest);
    c.manifest = std::move(manifest).value();
    auto signature = r.take(crypto::kEd25519SignatureSize, crypto::kEd25519SignatureSize, "signature");
    CC_TRY(signature);
    c.signature = *signature;
    auto slotFile = r.sized(4, kMaxKeySlotSize, "keySlots");
    CC_TRY(slotFile);
    c.keySlots = *slotFile;
    auto wrapped = r.sized(4, kMaxWrappedKeySize, "wrappedKey");
    CC_TRY(wrapped);
    c.wrappedKey = *wrapped;
    auto payload = r.sized(8, BackupService::kMaxBackupSize, "payload");
    CC_TRY(payload);
    c.payload = *payload;
    if (!r.atEnd())
        return malformed("the backup has trailing bytes", {}, 0, "end");
    return c;
}

std::vector<std::uint8_t> signedMessage(std::span<const std::uint8_t> signedPart)
{
    std::vector<std::uint8_t> msg(kSignatureContext.begin(), kSignatureContext.end());
    msg.push_back(0);
    append(msg, signedPart);
    return msg;
}

Status verifySignature(const Container& c, const crypto::Ed25519PublicKey& key)
{
    if (!key.verify(signedMessage(c.signedPart), c.signature))
        return makeError(ErrorCode::IntegrityFailure, "the backup manifest's signature does not verify");
    return {};
}

Result<crypto::Ed25519PublicKey> keyFromHex(const std::string& hex)
{
    auto bytes = crypto::hexDecode(hex);
    CC_TRY(bytes);
    return crypto::Ed25519PublicKey::fromBytes(*bytes);
}

Status checkMember(const BackupManifest& m, std::string_view name, std::span<const std::uint8_t> data)
{
    const BackupMember* member = m.member(name);
    if (member == nullptr || member->size != data.size() || member->sha256 != sha256Hex(data))
        return makeError(ErrorCode::IntegrityFailure,
                         "the backup's member '" + std::string(name) + "' does not match its signed hash");
    return {};
}

/// Per-backup key derivation (RFC 5869): the backup id in `info` gives every backup its own keys.
Result<crypto::SecureBytes> deriveKey(const crypto::SecureBytes& ikm, std::string_view label,
                                      std::span<const std::uint8_t> backupId)
{
    std::vector<std::uint8_t> info(label.begin(), label.end());
    append(info, backupId);
    return crypto::hkdfSha256(ikm.span(), {}, info, crypto::Aead::kKeySize);
}

std::vector<std::uint8_t> bindingAad(std::span<const std::uint8_t> backupId, std::span<const std::uint8_t> clinicId)
{
    std::vector<std::uint8_t> aad(kMagic, kMagic + 4);
    append(aad, backupId);
    append(aad, clinicId);
    return aad;
}

Result<crypto::Ed25519PrivateKey> signingKey(const access::KeyRing& ring)
{
    const auto* entry = ring.find(access::KeyKind::ClinicSigning);
    if (entry == nullptr)
        return makeError(ErrorCode::KeyMismatch, "this account holds no clinic signing key");
    return crypto::Ed25519PrivateKey::fromSeed(entry->secret.span());
}

Result<const crypto::SecureBytes*> databaseKey(const access::KeyRing& ring)
{
    const auto* entry = ring.find(access::KeyKind::DatabaseKey);
    if (entry == nullptr)
        return makeError(ErrorCode::KeyMismatch, "this account holds no database key");
    return &entry->secret;
}

} // namespace

const BackupMember* BackupManifest::member(std::string_view name) const noexcept
{
    for (const auto& m : members)
        if (m.name == name)
            return &m;
    return nullptr;
}

std::string BackupService::manifestJson(const BackupManifest& manifest)
{
    return QJsonDocument::fromJson(encodeManifest(manifest)).toJson(QJsonDocument::Indented).toStdString();
}

Result<BackupManifest> BackupService::inspectBytes(std::span<const std::uint8_t> bytes)
{
    auto c = parseContainer(bytes);
    CC_TRY(c);
    auto key = keyFromHex(c->manifest.signer);
    CC_TRY(key);
    CC_TRY(verifySignature(*c, *key));
    // The signature covers only the manifest: every member stored in the clear is checked against
    // its signed hash too (the sealed members need the key, so only restore can check them).
    CC_TRY(checkMember(c->manifest, kStoredMembers[0], c->keySlots));
    CC_TRY(checkMember(c->manifest, kStoredMembers[1], c->wrappedKey));
    CC_TRY(checkMember(c->manifest, kStoredMembers[2], c->payload));
    return std::move(c->manifest);
}

Result<BackupManifest> BackupService::create(const std::string& outPath)
{
    AuditSubject subject =
        makeSubject(AuditEventId::Export, AuditEventType::None, AuditAction::Read, "Backup", {}, "backup create");
    CC_TRY(m_clinic.authorize(Permission::Backup, subject));
    auto made = [&]() -> Result<BackupManifest> {
        auto ring = m_clinic.keys();
        CC_TRY(ring);
        auto signer = signingKey(**ring);
        CC_TRY(signer);
        auto dbk = databaseKey(**ring);
        CC_TRY(dbk);
        auto& backend = m_clinic.backend();
        ports::BackupStorage* storage = backend.backupStorage();
        if (storage == nullptr)
            return makeError(ErrorCode::Unsupported, "this clinic's storage cannot make backups");
        crypto::Rng& rng = m_clinic.rng();
        const std::vector<std::uint8_t> backupId = rng.bytes(16);
        const crypto::SecureBytes exportKey = rng.secureBytes(crypto::Aead::kKeySize);
        const auto& clinicId = backend.descriptor().clinicId;

        // Issue 10 item 10: never copy a damaged page into a backup (it would carry the damage
        // into every restore); the whole-clinic check is `cipherchart-cli verify`.
        if (auto pages = backend.maintenance().checkPages(**dbk);
            !pages && pages.error().code != ErrorCode::Unsupported)
            return makeError(ErrorCode::IntegrityFailure, "the clinic database fails its page check, so no backup was "
                                                          "made (run cipherchart-cli verify): " +
                                                              pages.error().message);
        auto slotFile = backend.keySlots().load();
        CC_TRY(slotFile);
        const std::vector<std::uint8_t> slotBytes = slotFile->serialise();
        auto anchor = backend.anchors().read();
        CC_TRY(anchor);
        const std::string anchorText = anchor->encode();
        auto state = backend.auditStore().state();
        CC_TRY(state);
        auto schema = storage->schemaVersion();
        CC_TRY(schema);
        auto database = storage->exportDatabase(exportKey);
        CC_TRY(database);
        auto descriptor = storage->descriptorBytes();
        CC_TRY(descriptor);

        // Payload plaintext: u64 database length, database, u32 anchor length, anchor, u32
        // descriptor length, descriptor. The database is itself SQLCipher under the export key.
        std::vector<std::uint8_t> plain;
        plain.reserve(database->size() + anchorText.size() + descriptor->size() + 16);
        putBig(plain, database->size(), 8);
        append(plain, *database);
        putBig(plain, anchorText.size(), 4);
        append(plain, bytesOf(anchorText));
        putBig(plain, descriptor->size(), 4);
        append(plain, *descriptor);
        const auto aad = bindingAad(backupId, clinicId);
        auto payloadKey = deriveKey(exportKey, kPayloadInfo, backupId);
        CC_TRY(payloadKey);
        auto payload = crypto::Aead::seal(*payloadKey, 0, plain, aad, rng);
        CC_TRY(payload);
        auto wrapKey = deriveKey(**dbk, kWrapInfo, backupId);
        CC_TRY(wrapKey);
        auto wrapped = crypto::Aead::seal(*wrapKey, 0, exportKey.span(), aad, rng);
        CC_TRY(wrapped);

        BackupManifest m;
        m.backupId = idHex(backupId);
        m.clinicId = idHex(clinicId);
        m.clinicName = backend.descriptor().name;
        m.createdAtMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(m_clinic.clock().now().time_since_epoch()).count();
        m.createdBy = m_clinic.session()->userName();
        m.schemaVersion = *schema;
        m.keySlotGeneration = slotFile->generation();
        m.auditHeadSeq = state->seq;
        m.signer = idHex(signer->publicKey().bytes());
        auto add = [&](std::string_view name, std::span<const std::uint8_t> data) {
            m.members.push_back({std::string(name), data.size(), sha256Hex(data)});
        };
        add("keySlots", slotBytes);
        add("wrappedKey", *wrapped);
        add("payload", *payload);
        add("database", *database);
        add("anchor", bytesOf(anchorText));
        add("descriptor", *descriptor);
        const QByteArray manifestBytes = encodeManifest(m);

        std::vector<std::uint8_t> file(kMagic, kMagic + 4);
        putBig(file, kFormatVersion, 2);
        putBig(file, 0, 2);
        putBig(file, static_cast<std::uint64_t>(manifestBytes.size()), 4);
        append(file,
               bytesOf(std::string_view(manifestBytes.constData(), static_cast<std::size_t>(manifestBytes.size()))));
        const crypto::Ed25519Signature signature = signer->sign(signedMessage(file));
        append(file, signature);
        putBig(file, slotBytes.size(), 4);
        append(file, slotBytes);
        putBig(file, wrapped->size(), 4);
        append(file, *wrapped);
        putBig(file, payload->size(), 8);
        append(file, *payload);
        if (file.size() > kMaxBackupSize)
            return makeError(ErrorCode::StorageFull, "the backup would exceed the 300 MiB limit");
        CC_TRY(storage->writeNewFile(outPath, file));
        return m;
    }();
    if (made) {
        subject.objectId = made->backupId;
        subject.detail = "backup created: audit head " + std::to_string(made->auditHeadSeq);
    } else {
        subject.detail = "backup failed: " + std::string(errorCodeName(made.error().code));
    }
    CC_TRY(recordOutcome(m_clinic, subject, made ? AuditOutcome::Success : AuditOutcome::MinorFailure, made));
    return made;
}

Result<BackupInspection> BackupService::inspect(const std::string& path)
{
    AuditSubject subject =
        makeSubject(AuditEventId::Export, AuditEventType::None, AuditAction::Read, "Backup", {}, "backup inspect");
    CC_TRY(m_clinic.authorize(Permission::Backup, subject));
    auto seen = [&]() -> Result<BackupInspection> {
        ports::BackupStorage* storage = m_clinic.backend().backupStorage();
        if (storage == nullptr)
            return makeError(ErrorCode::Unsupported, "this clinic's storage cannot read backups");
        auto bytes = storage->readFile(path, kMaxBackupSize);
        CC_TRY(bytes);
        auto manifest = inspectBytes(*bytes);
        CC_TRY(manifest);
        auto live = m_clinic.backend().meta().get(ports::meta::kSigningPublicKey);
        CC_TRY(live);
        BackupInspection result{std::move(manifest).value(), false};
        result.signedByThisClinic = live->has_value() && idHex(**live) == result.manifest.signer &&
                                    result.manifest.clinicId == idHex(m_clinic.backend().descriptor().clinicId);
        return result;
    }();
    if (seen) {
        subject.objectId = seen->manifest.backupId;
        subject.detail = seen->signedByThisClinic ? "backup inspect: signed by this clinic"
                                                  : "backup inspect: signed by another key";
    } else {
        subject.detail = "backup inspect failed: " + std::string(errorCodeName(seen.error().code));
    }
    CC_TRY(recordOutcome(m_clinic, subject, seen ? AuditOutcome::Success : AuditOutcome::MinorFailure, seen));
    return seen;
}

Result<BackupManifest> BackupService::stage(const std::string& path, const RestoreOptions& options, bool& otherClinic,
                                            crypto::SecureBytes* stagedDbk)
{
    auto& backend = m_clinic.backend();
    ports::BackupStorage* storage = backend.backupStorage();
    // Everything here reads only the backup file and writes only the staging folder.
    if (storage == nullptr)
        return makeError(ErrorCode::Unsupported, "this clinic's storage cannot restore backups");
    auto bytes = storage->readFile(path, kMaxBackupSize);
    CC_TRY(bytes);
    auto c = parseContainer(*bytes);
    CC_TRY(c);
    const BackupManifest& m = c->manifest;
    auto named = keyFromHex(m.signer);
    CC_TRY(named);
    CC_TRY(verifySignature(*c, *named)); // any flipped manifest byte stops here
    auto live = backend.meta().get(ports::meta::kSigningPublicKey);
    CC_TRY(live);
    if (live->has_value() && idHex(**live) == m.signer) {
        if (m.clinicId != idHex(backend.descriptor().clinicId))
            return makeError(ErrorCode::IntegrityFailure, "the backup is signed by this clinic but names another");
    } else if (!options.allowOtherClinic) {
        return makeError(ErrorCode::KeyMismatch, "the backup was made by another clinic (or signed by another "
                                                 "key); restoring it needs --allow-other-clinic");
    } else {
        otherClinic = true;
    }
    CC_TRY(checkMember(m, kStoredMembers[0], c->keySlots));
    CC_TRY(checkMember(m, kStoredMembers[1], c->wrappedKey));
    CC_TRY(checkMember(m, kStoredMembers[2], c->payload));
    auto slotFile = access::KeySlotFile::parse(c->keySlots);
    CC_TRY(slotFile);
    if (idHex(slotFile->clinicId()) != m.clinicId || slotFile->generation() != m.keySlotGeneration)
        return makeError(ErrorCode::IntegrityFailure, "the backup's key slotFile do not match its manifest");
    auto backupId = crypto::hexDecode(m.backupId);
    CC_TRY(backupId);
    const access::ClinicId clinicId = slotFile->clinicId();
    const auto aad = bindingAad(*backupId, clinicId);

    // The export key opens under the DBK of the backup's key era: the live one, or one
    // unlocked from the backup's own key slotFile (another clinic, or a DBK rotated since).
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    auto liveDbk = databaseKey(**ring);
    CC_TRY(liveDbk);
    crypto::SecureBytes dbk = (*liveDbk)->clone();
    auto unwrap = [&]() -> Result<crypto::SecureBytes> {
        auto wrapKey = deriveKey(dbk, kWrapInfo, *backupId);
        CC_TRY(wrapKey);
        return crypto::Aead::open(*wrapKey, 0, c->wrappedKey, aad);
    };
    auto exportKey = unwrap();
    if (!exportKey && !options.backupUser.empty()) {
        auto backupRing = slotFile->unlock(options.backupUser, options.backupPassword.span());
        CC_TRY(backupRing);
        auto backupDbk = databaseKey(*backupRing);
        CC_TRY(backupDbk);
        dbk = (*backupDbk)->clone();
        exportKey = unwrap();
    }
    if (!exportKey)
        return makeError(ErrorCode::KeyMismatch, "this clinic's database key does not open the backup; give the "
                                                 "password of an account in the backup");
    auto payloadKey = deriveKey(*exportKey, kPayloadInfo, *backupId);
    CC_TRY(payloadKey);
    auto plain = crypto::Aead::open(*payloadKey, 0, c->payload, aad);
    if (!plain)
        return makeError(ErrorCode::IntegrityFailure, "the backup's payload does not decrypt (tag)");
    Reader r(plain->span());
    auto database = r.sized(8, kMaxBackupSize, "database");
    CC_TRY(database);
    auto anchorBytes = r.sized(4, 4096, "anchor");
    CC_TRY(anchorBytes);
    auto descriptor = r.sized(4, 4096, "descriptor");
    CC_TRY(descriptor);
    if (!r.atEnd())
        return malformed("the backup's payload has trailing bytes", {}, 0, "payload");
    CC_TRY(checkMember(m, kSealedMembers[0], *database));
    CC_TRY(checkMember(m, kSealedMembers[1], *anchorBytes));
    CC_TRY(checkMember(m, kSealedMembers[2], *descriptor));
    auto anchor = audit::AuditAnchor::parse(
        std::string_view(reinterpret_cast<const char*>(anchorBytes->data()), anchorBytes->size()));
    CC_TRY(anchor);
    const QJsonObject clinicJson = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(descriptor->data()),
                                                                      static_cast<qsizetype>(descriptor->size())))
                                       .object();
    if (anchor->clinicId != clinicId || anchor->seq > m.auditHeadSeq ||
        clinicJson.value("clinicId").toString().toStdString() != m.clinicId)
        return makeError(ErrorCode::IntegrityFailure, "the backup's anchor or clinic.json names another clinic");

    ports::RestoreFiles files;
    files.database.assign(database->begin(), database->end());
    files.keySlots.assign(c->keySlots.begin(), c->keySlots.end());
    files.anchor.assign(anchorBytes->begin(), anchorBytes->end());
    files.descriptor.assign(descriptor->begin(), descriptor->end());
    CC_TRY(storage->stageRestore(files, *exportKey, dbk, clinicId));
    if (stagedDbk != nullptr)
        *stagedDbk = dbk.clone();
    return m;
}

Result<BackupManifest> BackupService::verify(const std::string& path, const RestoreOptions& options)
{
    AuditSubject subject =
        makeSubject(AuditEventId::Import, AuditEventType::None, AuditAction::Read, "Backup", {}, "backup verify");
    CC_TRY(m_clinic.authorize(Permission::Restore, subject));
    bool otherClinic = false;
    auto verified = stage(path, options, otherClinic);
    if (ports::BackupStorage* storage = m_clinic.backend().backupStorage())
        storage->discardStagedRestore();
    if (verified) {
        subject.objectId = verified->backupId;
        subject.detail = "backup verify: every check passed, staged copy discarded";
        if (otherClinic)
            subject.detail += "; other clinic " + verified->clinicId + " trusted by request";
    } else {
        subject.detail = "backup verify failed: " + std::string(errorCodeName(verified.error().code));
    }
    CC_TRY(recordOutcome(m_clinic, subject, verified ? AuditOutcome::Success : AuditOutcome::MinorFailure, verified));
    return verified;
}

std::string BackupService::manifestFingerprint(const BackupManifest& manifest)
{
    const QByteArray encoded = encodeManifest(manifest);
    return sha256Hex(std::span(reinterpret_cast<const std::uint8_t*>(encoded.constData()),
                               static_cast<std::size_t>(encoded.size())));
}

Status BackupService::recordInterruptedRestore(ClinicService& clinic)
{
    ports::BackupStorage* storage = clinic.backend().backupStorage();
    const auto interrupted = storage != nullptr ? storage->takeInterruptedRestore() : std::nullopt;
    if (!interrupted)
        return {};
    using Outcome = ports::InterruptedRestore::Outcome;
    const bool finished = interrupted->outcome == Outcome::Finished;
    const std::string detail =
        finished ? "restore of backup " + interrupted->label +
                       " interrupted, finished when the clinic was opened; the restore's own event may be missing"
        : interrupted->outcome == Outcome::Abandoned
            ? "a restore interrupted before its file swap was abandoned when the clinic was opened; the clinic is as "
              "it was"
            : "an interrupted restore was settled when the clinic was opened, but the record of which "
              "(restore.settled) "
              "is damaged: compare the clinic with its pre-restore folders and this trail";
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::SecurityConfiguration,
                                       AuditAction::Update, "Backup", interrupted->label, detail);
    subject.flagged = true;
    CC_TRY(clinic.record(subject, finished ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    // Recorded: later openings need not say it again. Kept if it cannot be removed (said twice).
    [[maybe_unused]] auto forgotten = storage->interruptedRestoreRecorded();
    return {};
}

Result<BackupManifest> BackupService::restore(const std::string& path, const RestoreOptions& options)
{
    AuditSubject subject =
        makeSubject(AuditEventId::Import, AuditEventType::None, AuditAction::Create, "Backup", {}, "backup restore");
    CC_TRY(m_clinic.authorize(Permission::Restore, subject));
    auto& backend = m_clinic.backend();
    ports::BackupStorage* storage = backend.backupStorage();
    bool otherClinic = false;
    crypto::SecureBytes restoredDbk; // the DBK the restored key slots hold, to record the restore in that trail
    auto verified = stage(path, options, otherClinic, &restoredDbk);
    if (!verified) {
        subject.detail = "backup restore refused: " + std::string(errorCodeName(verified.error().code));
        CC_TRY(recordOutcome(m_clinic, subject, AuditOutcome::MinorFailure, verified));
        return verified;
    }
    // The live trail's last event says what happens next; the restored trail continues from the
    // backup's head (docs/BACKUP.md, "Which trail says what").
    subject.objectId = verified->backupId;
    subject.detail = "restore starting, backup audit head " + std::to_string(verified->auditHeadSeq);
    if (otherClinic)
        subject.detail += "; other clinic " + verified->clinicId + " trusted by --allow-other-clinic";
    if (auto recorded = m_clinic.record(subject); !recorded) {
        storage->discardStagedRestore();
        return std::move(recorded).error();
    }
    // The restored trail records the restore too (issue 10 item 5): it continues from the backup's
    // head, so without this event nothing in it would say the events after that head were undone.
    AuditSubject restored = subject;
    restored.detail = "restored from backup " + verified->backupId + "; the previous trail had reached event " +
                      std::to_string(m_clinic.auditLog() ? m_clinic.auditLog()->lastSeq() : 0);
    audit::AuditEvent restoredEvent = m_clinic.eventFor(restored, AuditOutcome::Success);
    // recovery.ccr is not in backups: the folder keeps its current one, so the restored database
    // must keep naming it (meta `recovery`, and its key version), or a backup older than the last
    // re-issue of the recovery shares would leave no set that passes the check (docs/KEYS.md 8).
    auto carried = otherClinic ? Result<RecoveryRecord>(RecoveryRecord{}) : RecoveryService::readRecord(backend.meta());
    if (!carried) {
        storage->discardStagedRestore();
        return std::move(carried).error();
    }
    // Locked first, so logout() writes no further event after the restore event.
    m_clinic.lock();
    m_clinic.logout();
    CC_TRY(storage->commitRestore(verified->backupId));
    if (!carried->record.empty()) {
        const Status kept = [&]() -> Status {
            CC_TRY(backend.openDatabase(restoredDbk));
            Status written = RecoveryService::writeRecord(backend, *carried);
            backend.closeDatabase();
            return written;
        }();
        if (!kept)
            restoredEvent.detail += "; the recovery record could not be carried forward (" + kept.error().message +
                                    "): re-issue the recovery shares";
        else
            restoredEvent.detail += "; recovery record carried forward";
    }
    auto recorded = m_clinic.recordInRestoredTrail(restoredDbk, std::move(restoredEvent));
    // The restore's last step is done (or failed, and is said below): the next opening has nothing
    // to finish. A journal that cannot be removed is finished again, idempotently, and said then.
    [[maybe_unused]] auto finished = storage->finishRestore();
    if (!recorded) {
        // The swap is done: say so, or the user would think the old clinic is still in place.
        Error error = std::move(recorded).error();
        error.message = "the backup was restored (the previous clinic's files are kept in the clinic folder's "
                        "pre-restore-" +
                        verified->backupId +
                        " folder), but the restored audit trail could not record the restore: " + error.message;
        return error;
    }
    return verified;
}

} // namespace cc::services
