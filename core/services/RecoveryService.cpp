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

#include <algorithm>
#include <charconv>
#include <set>

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

Result<RecoveryResult> RecoveryService::recoverUnaudited(std::span<const std::uint8_t> recoveryBlob,
                                                         const std::vector<std::string>& shares,
                                                         const std::string& accountName,
                                                         std::span<const std::uint8_t> temporaryPassword)
{
    if (temporaryPassword.size() < access::KeySlotFile::kMinPasswordLength)
        return makeError(ErrorCode::InvalidArgument, "the temporary password needs at least " +
                                                         std::to_string(access::KeySlotFile::kMinPasswordLength) +
                                                         " characters");
    // 1. The shares: each checked on its own (typing mistakes), then as a set.
    RecoveryResult out;
    out.accountName = accountName;
    std::vector<crypto::ShamirShare> decoded;
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
        out.shareIndexes.push_back(share->share.index);
        decoded.push_back(std::move(share->share));
    }
    if (decoded.empty() || decoded.size() < threshold)
        return makeError(ErrorCode::InvalidArgument, "a recovery needs " + std::to_string(std::max(threshold, 2u)) +
                                                         " shares; " + std::to_string(decoded.size()) + " given");
    auto recoveryKey = crypto::shamirCombine(decoded, threshold);
    if (!recoveryKey)
        return std::move(recoveryKey).error();

    // 2. The recovery ring: the GCM tag proves the combined key (a wrong share gives another key).
    const access::ClinicId& clinicId = m_backend.descriptor().clinicId;
    auto keyId = crypto::Aead::keyIdOf(recoveryBlob);
    if (!keyId)
        return makeError(ErrorCode::MalformedInput, "recovery.ccr is not a sealed recovery ring");
    auto plain = crypto::Aead::open(*recoveryKey, *keyId, recoveryBlob, recoveryAad(clinicId));
    if (!plain)
        return makeError(ErrorCode::KeyMismatch, "these shares do not open this clinic's recovery ring (a share of "
                                                 "another clinic or set, or an altered share)");
    auto ring = access::KeyRing::parse(plain->span());
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
    out.keysUpdated = *applied;
    CC_TRY(file->verifyMac(*ring));

    // 4. The database, and the ceremony's check value of the recovery key.
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
        return makeError(ErrorCode::IntegrityFailure, "the recovery key does not match the clinic's check value");
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

Status RecoveryService::recordOutcome(const std::string& accountName, const Result<RecoveryResult>& outcome)
{
    if (!m_databaseOpened) {
        // The shares did not open the database: nothing can be written into the chain, so the
        // attempt waits in the pending-audit log for the next login, like a failed password.
        ports::PendingAuditEntry entry;
        entry.timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now().time_since_epoch()).count();
        entry.userName = accountName;
        entry.workstation = m_options.workstation;
        entry.kind = "recovery-failed";
        return m_backend.pendingAudit().append(entry);
    }
    audit::AuditEvent e;
    e.userName = accountName;
    e.role = "system";
    e.workstation = m_options.workstation;
    e.action = audit::AuditAction::Update;
    e.eventId = audit::AuditEventId::SecurityAlert;
    e.eventType = audit::AuditEventType::SecurityConfiguration;
    e.objectType = "User";
    e.flagged = true; // access restored without a password: an administrator reviews it
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
    audit::AuditLog log(m_backend.auditStore(), m_backend.anchors(), m_clock, m_backend.descriptor().clinicId);
    return log.record(std::move(e));
}

} // namespace cc::services
