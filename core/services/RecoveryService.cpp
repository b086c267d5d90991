// SPDX-License-Identifier: GPL-3.0-or-later
// The recovery ring opened with k printed shares; one account re-issued from it (docs/KEYS.md 8, "Recovery").
#include "core/services/RecoveryService.h"

#include "core/access/KeyRing.h"
#include "core/access/KeySlotFile.h"
#include "core/audit/AuditLog.h"
#include "core/crypto/Aead.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/Shamir.h"
#include "core/services/BoxKeyPins.h"
#include "core/services/ClinicService.h"
#include "core/services/SetupService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <utility>

namespace cc::services {

using access::KeyKind;
using access::Role;
using audit::AuditOutcome;

namespace {

// Written by SetupService at the ceremony (meta `recovery`, field `check`).
constexpr std::string_view kRecoveryCheckLabel = "cipherchart recovery check v1";
// Kept by AccountService (meta): accounts whose slot was deleted.
constexpr std::string_view kDisabledAccounts = "disabled_accounts";

std::span<const std::uint8_t> bytesOf(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

Result<QJsonDocument> metaJson(ports::ClinicMetaStore& meta, std::string_view name)
{
    auto stored = meta.get(name);
    if (!stored)
        return std::move(stored).error();
    if (!stored->has_value())
        return QJsonDocument();
    const auto& b = **stored;
    return QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())));
}

std::string shareList(const std::vector<unsigned>& indexes)
{
    std::string out;
    for (unsigned i : indexes)
        out += (out.empty() ? "" : ", ") + std::to_string(i);
    return out;
}

} // namespace

RecoveryService::RecoveryService(ports::ClinicBackend& backend, const Clock& clock, crypto::Rng& rng,
                                 ServiceOptions options)
    : m_backend(backend), m_clock(clock), m_rng(rng), m_options(std::move(options))
{}

Result<RecoveryRecord> RecoveryService::readRecord(ports::ClinicMetaStore& meta)
{
    RecoveryRecord out;
    auto record = meta.get(ports::meta::kRecovery);
    CC_TRY(record);
    if (!record->has_value())
        return out;
    out.record = std::move(**record);
    auto versions = metaJson(meta, ports::meta::kKeyVersions);
    CC_TRY(versions);
    const QJsonValue version = versions->object().value("RecoveryKey");
    if (version.isObject())
        out.version = QJsonDocument(version.toObject()).toJson(QJsonDocument::Compact).toStdString();
    return out;
}

Status RecoveryService::writeRecord(ports::ClinicBackend& backend, const RecoveryRecord& record)
{
    auto& meta = backend.meta();
    auto tx = backend.transactions().begin();
    CC_TRY(tx);
    CC_TRY(meta.set(ports::meta::kRecovery, record.record));
    if (!record.version.empty()) {
        auto versions = metaJson(meta, ports::meta::kKeyVersions);
        CC_TRY(versions);
        QJsonObject object = versions->object();
        object.insert("RecoveryKey", QJsonDocument::fromJson(QByteArray::fromStdString(record.version)).object());
        CC_TRY(meta.set(ports::meta::kKeyVersions,
                        bytesOf(QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString())));
    }
    return (*tx)->commit();
}

Result<crypto::DecodedShare> RecoveryService::checkShare(std::string_view text)
{
    return crypto::decodeShare(text);
}

Result<RecoveryResult> RecoveryService::recover(std::span<const std::uint8_t> recoveryBlob,
                                                const std::vector<std::string>& shares, const std::string& accountName,
                                                std::span<const std::uint8_t> temporaryPassword)
{
    if (m_backend.databaseOpen())
        return makeError(ErrorCode::InvalidArgument, "someone is logged in to this clinic: log out before a recovery");
    m_databaseOpened = false;
    auto result = recoverUnaudited(recoveryBlob, shares, accountName, temporaryPassword);
    const Status recorded = recordOutcome(accountName, result);
    if (m_databaseOpened)
        m_backend.closeDatabase();
    m_databaseOpened = false;
    if (!recorded && result)
        return recorded.error();
    return result;
}

struct RecoveryService::OpenedRing
{
    crypto::SecureBytes plain;          ///< the ring exactly as sealed (the ceremony's keys)
    access::KeyRing ring;               ///< with the rotated keys waiting for it applied
    access::KeySlotFile file;           ///< the key-slot file, MAC verified
    crypto::SecureBytes recoveryKey;    ///< combined from the shares
    std::uint32_t keyId = 0;            ///< the sealed file's key id
    bool fromPending = false;           ///< the shares opened recovery.ccr.next, not recovery.ccr
    bool pendingPresent = false;        ///< a recovery.ccr.next exists
    QJsonObject record;                 ///< meta `recovery`
    std::vector<unsigned> shareIndexes; ///< the printed shares used
    std::size_t keysUpdated = 0;
};

Result<RecoveryService::OpenedRing> RecoveryService::openRing(std::span<const std::uint8_t> recoveryBlob,
                                                              const std::vector<std::string>& shares)
{
    // 1. The shares: each checked on its own (typing mistakes), then as a set.
    std::vector<crypto::ShamirShare> decoded;
    std::vector<unsigned> indexes;
    unsigned threshold = 0;
    std::set<unsigned> seen;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        auto share = checkShare(shares[i]);
        if (!share)
            return makeError(ErrorCode::MalformedInput,
                             "recovery share " + std::to_string(i + 1) + ": " + share.error().message);
        if (threshold != 0 && share->threshold != threshold)
            return makeError(ErrorCode::InvalidArgument,
                             "recovery share " + std::to_string(i + 1) + " belongs to a set with another threshold");
        threshold = share->threshold;
        if (!seen.insert(share->share.index).second)
            return makeError(ErrorCode::InvalidArgument, "recovery share " + std::to_string(i + 1) +
                                                             " was typed twice (share number " +
                                                             std::to_string(share->share.index) + ")");
        indexes.push_back(share->share.index);
        decoded.push_back(std::move(share->share));
    }
    if (decoded.empty() || decoded.size() < threshold)
        return makeError(ErrorCode::InvalidArgument, "a recovery needs " + std::to_string(std::max(threshold, 2u)) +
                                                         " shares; " + std::to_string(decoded.size()) + " given");
    auto recoveryKey = crypto::shamirCombine(decoded, threshold);
    if (!recoveryKey)
        return std::move(recoveryKey).error();

    // 2. The recovery ring: the GCM tag proves the combined key (a wrong share gives another key).
    // Between the two steps of a re-issue the folder holds two rings: the shares open at most one.
    const access::ClinicId& clinicId = m_backend.descriptor().clinicId;
    std::optional<std::vector<std::uint8_t>> pending;
    if (ports::RecoveryRingStore* files = m_backend.recoveryRing()) {
        auto loaded = files->load();
        if (loaded)
            pending = std::move(loaded->pending);
        else if (loaded.error().code != ErrorCode::NotFound)
            return std::move(loaded).error();
    }
    const auto tryOpen =
        [&](std::span<const std::uint8_t> blob) -> std::optional<std::pair<std::uint32_t, crypto::SecureBytes>> {
        auto keyId = crypto::Aead::keyIdOf(blob);
        if (!keyId)
            return std::nullopt;
        auto plain = crypto::Aead::open(*recoveryKey, *keyId, blob, recoveryAad(clinicId));
        if (!plain)
            return std::nullopt;
        return std::make_pair(*keyId, std::move(plain).value());
    };
    if (!crypto::Aead::keyIdOf(recoveryBlob))
        return makeError(ErrorCode::MalformedInput, "recovery.ccr is not a sealed recovery ring");
    auto opened = tryOpen(recoveryBlob);
    bool fromPending = false;
    if (!opened && pending) {
        opened = tryOpen(*pending);
        fromPending = opened.has_value();
    }
    if (!opened)
        return makeError(ErrorCode::KeyMismatch, "these shares do not open this clinic's recovery ring (a share of "
                                                 "another clinic or set, a set replaced by a re-issue, or an "
                                                 "altered share)");
    auto ring = access::KeyRing::parse(opened->second.span());
    if (!ring)
        return std::move(ring).error();

    // 3. Rotated keys waiting for the recovery ring, then the key-slot file's MAC under the newest DBK.
    auto file = m_backend.keySlots().load();
    if (!file)
        return std::move(file).error();
    CC_TRY(file->checkClinic(clinicId));
    auto applied = file->applyUpdates(access::kRecoveryRecipient, *ring);
    if (!applied)
        return std::move(applied).error();
    CC_TRY(file->verifyMac(*ring));

    // 4. The database, and the check value of the recovery key it records.
    const auto* dbk = ring->find(KeyKind::DatabaseKey);
    if (dbk == nullptr)
        return makeError(ErrorCode::IntegrityFailure, "the recovery ring holds no database key");
    CC_TRY(m_backend.openDatabase(dbk->secret));
    m_databaseOpened = true;
    auto& meta = m_backend.meta();
    auto storedId = meta.get(ports::meta::kClinicId);
    if (!storedId)
        return std::move(storedId).error();
    if (!storedId->has_value() ||
        !std::equal((*storedId)->begin(), (*storedId)->end(), clinicId.begin(), clinicId.end()))
        return makeError(ErrorCode::KeyMismatch, "the database belongs to another clinic than clinic.json names");
    auto recovery = metaJson(meta, ports::meta::kRecovery);
    if (!recovery)
        return std::move(recovery).error();
    auto check = crypto::hmacSha256(recoveryKey->span(), bytesOf(kRecoveryCheckLabel));
    if (!check)
        return std::move(check).error();
    auto expected = crypto::hexDecode(recovery->object().value("check").toString().toStdString());
    if (!expected || !crypto::constantTimeEqual(*expected, *check))
        return makeError(ErrorCode::IntegrityFailure,
                         "the recovery key does not match the clinic's check value (a set of shares replaced by a "
                         "re-issue, or a recovery.ccr that is not this clinic's)");
    auto generation = meta.get(ports::meta::kKeySlotGeneration);
    if (!generation)
        return std::move(generation).error();
    if (generation->has_value()) {
        std::uint64_t lastSeen = 0;
        const auto* first = reinterpret_cast<const char*>((*generation)->data());
        const auto [end, ec] = std::from_chars(first, first + (*generation)->size(), lastSeen);
        if (ec != std::errc() || end != first + (*generation)->size())
            return makeError(ErrorCode::IntegrityFailure,
                             "the database's record of the key-slot generation is damaged");
        CC_TRY(file->checkGeneration(lastSeen));
    }
    OpenedRing out{std::move(opened->second),
                   std::move(ring).value(),
                   std::move(file).value(),
                   std::move(recoveryKey).value(),
                   opened->first,
                   fromPending,
                   pending.has_value(),
                   recovery->object(),
                   std::move(indexes),
                   *applied};
    return out;
}

Status RecoveryService::settlePending(const OpenedRing& opened)
{
    ports::RecoveryRingStore* files = m_backend.recoveryRing();
    if (files == nullptr || !opened.pendingPresent)
        return {};
    // The database's check value matched the ring the shares opened: if that was the staged file,
    // the re-issue had committed and only its rename was missing; otherwise the staged file is what
    // an interrupted re-issue left before its commit, and no printed set opens it.
    return opened.fromPending ? files->promote() : files->discard();
}

Result<RecoveryResult> RecoveryService::recoverUnaudited(std::span<const std::uint8_t> recoveryBlob,
                                                         const std::vector<std::string>& shares,
                                                         const std::string& accountName,
                                                         std::span<const std::uint8_t> temporaryPassword)
{
    if (temporaryPassword.size() < access::KeySlotFile::kMinPasswordLength)
        return makeError(ErrorCode::InvalidArgument, "the temporary password needs at least " +
                                                         std::to_string(access::KeySlotFile::kMinPasswordLength) +
                                                         " characters");
    RecoveryResult out;
    out.accountName = accountName;
    auto opened = openRing(recoveryBlob, shares);
    if (!opened)
        return std::move(opened).error();
    CC_TRY(settlePending(*opened));
    out.shareIndexes = opened->shareIndexes;
    out.keysUpdated = opened->keysUpdated;
    access::KeyRing* ring = &opened->ring;
    access::KeySlotFile* file = &opened->file;
    auto& meta = m_backend.meta();

    // 5. Which account: an administrator or doctor who holds no report-key share.
    auto disabled = metaJson(meta, kDisabledAccounts);
    if (!disabled)
        return std::move(disabled).error();
    for (const auto& d : disabled->array())
        if (d.toObject().value("name").toString().toStdString() == accountName)
            return makeError(ErrorCode::AccountDisabled,
                             "'" + accountName + "' is disabled: recover another account and enable it from there");
    auto custody = metaJson(meta, ports::meta::kReportThreshold);
    if (!custody)
        return std::move(custody).error();
    for (const auto& c : custody->object().value("custodians").toArray())
        if (c.toObject().value("name").toString().toStdString() == accountName)
            return makeError(ErrorCode::Unsupported,
                             "'" + accountName +
                                 "' holds a report-key share, which exists only in that account's "
                                 "slot and not in the recovery ring: recover a new administrator "
                                 "account instead and keep the custodian's slot");
    const access::KeySlot* slot = file->slot(accountName);
    access::NewSlotOptions options;
    options.mustChangePassword = true;
    Role role = Role::Administrator;
    if (slot != nullptr) {
        if (slot->role == Role::Patient)
            return makeError(ErrorCode::Unsupported, "a patient's own keys are not in the recovery ring: an "
                                                     "administrator re-issues the patient's account");
        role = slot->role;
        options.userId = slot->userId;
        CC_TRY(file->removeSlot(accountName, *ring, m_clock));
    }
    auto newRing = access::KeyRing::selectForRole(*ring, role, false, m_rng);
    if (!newRing)
        return std::move(newRing).error();
    auto userId = file->addSlot(accountName, role, temporaryPassword, *newRing, m_options.kdf, m_rng, m_clock, options);
    if (!userId)
        return std::move(userId).error();
    // The file first, then the database's record of its generation (docs/KEYS.md section 3).
    CC_TRY(m_backend.keySlots().save(*file));
    file->markClean();
    const std::string generationText = std::to_string(file->generation());
    CC_TRY(meta.set(ports::meta::kKeySlotGeneration, bytesOf(generationText)));
    // The new slot's box public key is pinned like any new account's (docs/KEYS.md section 8).
    auto pins = BoxKeyPins::load(meta);
    if (!pins)
        return std::move(pins).error();
    CC_TRY(pins->pinAccount(*ring, *newRing, file->clinicId(), *userId, role, file->slot(accountName)->boxPublicKey));
    CC_TRY(pins->save(meta));
    out.role = role;
    out.userId = idHex(*userId);
    out.created = slot == nullptr;
    return out;
}

Result<ReissueResult> RecoveryService::reissue(const std::vector<std::string>& shares, unsigned threshold,
                                               unsigned count, const std::string& requestedBy)
{
    if (m_backend.databaseOpen())
        return makeError(ErrorCode::InvalidArgument,
                         "someone is logged in to this clinic: log out before re-issuing the recovery shares");
    if (requestedBy.empty() || requestedBy.size() > 100 ||
        std::any_of(requestedBy.begin(), requestedBy.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        return makeError(ErrorCode::InvalidArgument, "say who asks for the re-issue (1-100 characters, one line)");
    if (threshold < 2 || threshold > count || count > 255)
        return makeError(
            ErrorCode::InvalidArgument,
            "the new recovery shares need 2 <= threshold <= shares <= 255 (one share alone would be the key)");
    m_databaseOpened = false;
    auto result = reissueUnaudited(shares, threshold, count, requestedBy);
    // A success recorded its event in the transaction that changed the record; a refusal is
    // recorded here, and stays the answer even if recording it fails.
    if (!result) [[maybe_unused]]
        const Status recorded = recordReissue(requestedBy, result);
    if (m_databaseOpened)
        m_backend.closeDatabase();
    m_databaseOpened = false;
    return result;
}

Result<ReissueResult> RecoveryService::reissueUnaudited(const std::vector<std::string>& shares, unsigned threshold,
                                                        unsigned count, const std::string& requestedBy)
{
    ports::RecoveryRingStore* files = m_backend.recoveryRing();
    if (files == nullptr)
        return makeError(ErrorCode::Unsupported, "this storage backend keeps no recovery ring file");
    auto loaded = files->load();
    if (!loaded)
        return std::move(loaded).error();
    auto opened = openRing(loaded->current, shares);
    if (!opened)
        return std::move(opened).error();
    // An earlier re-issue's leftover is settled first, so the file staged below is the only one.
    CC_TRY(settlePending(*opened));

    ReissueResult out;
    out.threshold = threshold;
    out.previousKeyId = opened->keyId;
    out.shareIndexes = opened->shareIndexes;
    out.keysUpdated = opened->keysUpdated;

    // The same ring (the ceremony's keys; the mailbox keeps carrying later rotations to it) under a
    // new recovery key, split into the new set. The ring is not refreshed with the applied updates:
    // a clinic restored from an older backup still finds, in that backup's key-slot file, every
    // update from the ceremony's keys on.
    const access::ClinicId& clinicId = m_backend.descriptor().clinicId;
    const crypto::SecureBytes newKey = m_rng.secureBytes(32);
    std::uint32_t keyId = 0;
    do
        keyId = static_cast<std::uint32_t>(m_rng.uniform(0xFFFFFFFEull)) + 1;
    while (keyId == opened->keyId);
    auto sealed = crypto::Aead::seal(newKey, keyId, opened->plain.span(), recoveryAad(clinicId), m_rng);
    if (!sealed)
        return std::move(sealed).error();
    auto split = crypto::shamirSplit(newKey, threshold, count, m_rng);
    if (!split)
        return std::move(split).error();
    // What will be printed must open what will be written, before anything is written.
    {
        std::vector<crypto::ShamirShare> check;
        for (unsigned i = count - threshold; i < count; ++i) {
            auto decoded = crypto::decodeShare(crypto::encodeShare((*split)[i], threshold));
            if (!decoded)
                return std::move(decoded).error();
            check.push_back(std::move(decoded->share));
        }
        auto rebuilt = crypto::shamirCombine(check, threshold);
        if (!rebuilt)
            return std::move(rebuilt).error();
        auto reopened = crypto::Aead::open(*rebuilt, keyId, *sealed, recoveryAad(clinicId));
        if (!reopened || !crypto::constantTimeEqual(reopened->span(), opened->plain.span()))
            return makeError(ErrorCode::CryptoFailure, "the new recovery shares do not open the new recovery ring");
    }
    auto check = crypto::hmacSha256(newKey.span(), bytesOf(kRecoveryCheckLabel));
    if (!check)
        return std::move(check).error();

    // The record: same box key (the pins and the mailbox stay valid), new key id, set and check value.
    QJsonObject record = opened->record;
    record.insert("threshold", static_cast<qint64>(threshold));
    record.insert("shares", static_cast<qint64>(count));
    record.insert("keyId", static_cast<qint64>(keyId));
    record.insert("check", QString::fromStdString(crypto::hexEncode(*check)));
    record.insert("reissuedAt", static_cast<qint64>(m_clock.nowSeconds()));
    auto& meta = m_backend.meta();
    auto versions = metaJson(meta, ports::meta::kKeyVersions);
    if (!versions)
        return std::move(versions).error();
    QJsonObject versionsObject = versions->object();
    const QJsonObject previous = versionsObject.value("RecoveryKey").toObject();
    out.version = static_cast<unsigned>(std::max<qint64>(previous.value("version").toInteger(1), 1)) + 1;
    versionsObject.insert("RecoveryKey", QJsonObject{{"id", static_cast<qint64>(keyId)},
                                                     {"version", static_cast<qint64>(out.version)},
                                                     {"created", static_cast<qint64>(m_clock.nowSeconds())}});

    audit::AuditEvent e = securityEvent(requestedBy, "Key");
    e.objectId = std::to_string(keyId);
    e.outcome = AuditOutcome::Success;
    e.detail = "recovery shares re-issued " + std::to_string(threshold) + "-of-" + std::to_string(count) +
               " (recovery key " + std::to_string(opened->keyId) + " replaced by " + std::to_string(keyId) +
               ", version " + std::to_string(out.version) + "; old shares " + shareList(opened->shareIndexes) +
               " used)";

    // Stage, commit the record with its event, then rename: see settlePending for a crash between.
    CC_TRY(files->stage(*sealed));
    {
        auto committed = [&]() -> Status {
            auto tx = m_backend.transactions().begin();
            CC_TRY(tx);
            CC_TRY(meta.set(ports::meta::kRecovery,
                            bytesOf(QJsonDocument(record).toJson(QJsonDocument::Compact).toStdString())));
            CC_TRY(meta.set(ports::meta::kKeyVersions,
                            bytesOf(QJsonDocument(versionsObject).toJson(QJsonDocument::Compact).toStdString())));
            audit::AuditLog log(m_backend.auditStore(), m_backend.anchors(), m_clock, clinicId);
            CC_TRY(log.record(std::move(e)));
            return (*tx)->commit();
        }();
        if (!committed) {
            (void)files->discard(); // nothing names it; the next recovery or re-issue removes it if this fails
            return committed.error();
        }
    }
    if (const Status promoted = files->promote(); !promoted)
        out.warning = "the new shares are in force, but recovery.ccr could not be replaced yet (" +
                      promoted.error().message +
                      "): the new ring waits beside it as recovery.ccr.next and the next recovery or re-issue "
                      "puts it in place; do not delete it";
    out.keyId = keyId;
    for (const auto& share : *split)
        out.shares.push_back(crypto::encodeShare(share, threshold));
    return out;
}

audit::AuditEvent RecoveryService::securityEvent(const std::string& userName, std::string objectType) const
{
    audit::AuditEvent e;
    e.userName = userName;
    e.role = "system";
    e.workstation = m_options.workstation;
    e.action = audit::AuditAction::Update;
    e.eventId = audit::AuditEventId::SecurityAlert;
    e.eventType = audit::AuditEventType::SecurityConfiguration;
    e.objectType = std::move(objectType);
    e.flagged = true; // the recovery key used, without anyone's password: an administrator reviews it
    return e;
}

Status RecoveryService::recordAttempt(const std::string& userName, audit::AuditEvent event,
                                      std::string_view pendingKind)
{
    if (!m_databaseOpened) {
        // The shares did not open the database: nothing can be written into the chain, so the
        // attempt waits in the pending-audit log for the next login, like a failed password.
        ports::PendingAuditEntry entry;
        entry.timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now().time_since_epoch()).count();
        entry.userName = userName;
        entry.workstation = m_options.workstation;
        entry.kind = std::string(pendingKind);
        return m_backend.pendingAudit().append(entry);
    }
    audit::AuditLog log(m_backend.auditStore(), m_backend.anchors(), m_clock, m_backend.descriptor().clinicId);
    return log.record(std::move(event));
}

Status RecoveryService::recordReissue(const std::string& requestedBy, const Result<ReissueResult>& outcome)
{
    audit::AuditEvent e = securityEvent(requestedBy, "Key");
    e.outcome = AuditOutcome::MinorFailure;
    e.detail = "recovery shares re-issue refused: " + std::string(errorCodeName(outcome.error().code));
    return recordAttempt(requestedBy, std::move(e), "reissue-failed");
}

Status RecoveryService::recordOutcome(const std::string& accountName, const Result<RecoveryResult>& outcome)
{
    audit::AuditEvent e = securityEvent(accountName, "User");
    if (outcome) {
        e.outcome = AuditOutcome::Success;
        e.objectId = outcome->userId;
        e.userId = outcome->userId;
        e.detail = std::string(outcome->created ? "recovery key: new administrator account"
                                                : "recovery key: account re-issued with a temporary password") +
                   " (shares " + shareList(outcome->shareIndexes) + ")";
    } else {
        e.outcome = AuditOutcome::MinorFailure;
        e.detail = "recovery key: refused: " + std::string(errorCodeName(outcome.error().code));
    }
    return recordAttempt(accountName, std::move(e), "recovery-failed");
}

} // namespace cc::services
