// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/BackupService.h"
#include "core/services/Audited.h"
#include "core/services/BackupContainer.h"
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
using namespace backup; // the container and manifest (BackupContainer.h)

namespace {

constexpr std::string_view kWrapInfo = "cipherchart backup key wrap";
constexpr std::string_view kPayloadInfo = "cipherchart backup payload";

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

        const std::vector<std::uint8_t> file = encodeContainer(manifestBytes, *signer, slotBytes, *wrapped, *payload);
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
