// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ClinicService.h"

#include "core/access/AccessPolicy.h"
#include "core/access/LoginThrottle.h"
#include "core/access/Role.h"
#include "core/services/BackupService.h"
#include "core/services/ChartManifests.h"
#include "core/services/IndexSealing.h"
#include "core/services/KeyService.h"
#include "core/services/PatientDirectory.h"
#include "core/services/PatientService.h"
#include "core/services/PortalService.h"

#include <charconv>

namespace cc::services {

using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

std::string idHex(std::span<const std::uint8_t> id)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(id.size() * 2);
    for (auto b : id) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

AuditSubject makeSubject(audit::AuditEventId eventId, audit::AuditEventType eventType, audit::AuditAction action,
                         std::string objectType, std::string objectId, std::string detail)
{
    AuditSubject s;
    s.eventId = eventId;
    s.eventType = eventType;
    s.action = action;
    s.objectType = std::move(objectType);
    s.objectId = std::move(objectId);
    s.detail = std::move(detail);
    return s;
}

namespace {

std::optional<std::uint64_t> parseDecimal(const std::vector<std::uint8_t>& bytes)
{
    std::uint64_t value = 0;
    const auto* first = reinterpret_cast<const char*>(bytes.data());
    const auto* last = first + bytes.size();
    auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || end != last || bytes.empty())
        return std::nullopt;
    return value;
}

std::vector<std::uint8_t> decimalBytes(std::uint64_t value)
{
    const std::string s = std::to_string(value);
    return {s.begin(), s.end()};
}

/// docs/KEYS.md section 8: the login took a new DBK from the mailbox, but the database does not
/// open with it. If it still opens with the DBK the slot held before, a rotation was interrupted
/// between writing the key-slot file and the rekey: finish the rekey. The new DBK was
/// authenticated by that previous DBK, so only a holder of the database key can have posted it.
Status finishInterruptedRotation(ports::ClinicBackend& backend, const access::LoginResult& login, const Error& original)
{
    backend.closeDatabase();
    if (!backend.openDatabase(login.previousDbk->secret)) {
        backend.closeDatabase();
        return makeError(ErrorCode::KeyMismatch, "the database opens neither with the rotated database key nor the "
                                                 "previous one: " +
                                                     original.message);
    }
    if (auto rekeyed = backend.maintenance().rekey(login.ring.find(access::KeyKind::DatabaseKey)->secret); !rekeyed) {
        backend.closeDatabase();
        return rekeyed;
    }
    return {};
}

} // namespace

ClinicService::ClinicService(ports::ClinicBackend& backend, const Clock& clock, crypto::Rng& rng,
                             ServiceOptions options)
    : m_backend(backend)
    , m_clock(clock)
    , m_rng(rng)
    , m_options(std::move(options))
    , m_directory(std::make_unique<PatientDirectory>())
{
    // Every unit of work that changes the index is sealed by the session's writer key at commit
    // (docs/RECORDS.md, "The index seal"); sessions without the clinical key cannot change it.
    m_backend.setIndexSealer([this](const ports::IndexDigest& delta) { return IndexSealing::seal(*this, delta); });
    // And every unit of work that changes a chart's rows rewrites that chart's manifest first
    // (docs/RECORDS.md, "Chart manifests").
    m_backend.setChartSealer([this](const std::map<access::PatientRef, ports::ChartChange>& changed) {
        return ChartManifests::seal(*this, changed);
    });
}

void ClinicService::clearSessionCaches()
{
    m_directory->clear();
    m_chartOwners.clear();
    m_bindingCache.clear();
}

ClinicService::~ClinicService()
{
    m_backend.setChartSealer({});
    m_backend.setIndexSealer({});
    if (m_session)
        m_session->logout();
    clearSessionCaches();
}

void ClinicService::recordPendingFailure(const std::string& userName, const Error& error)
{
    ports::PendingAuditEntry entry;
    entry.timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now().time_since_epoch()).count();
    entry.userName = userName;
    entry.workstation = m_options.workstation;
    switch (error.code) {
    case ErrorCode::AccountLocked:
        entry.kind = "account-locked";
        break;
    case ErrorCode::AccountSuspended:
        entry.kind = "account-suspended";
        break;
    case ErrorCode::AccountDisabled:
        entry.kind = "unknown-account";
        break;
    case ErrorCode::IntegrityFailure:
        entry.kind = "key-slot-integrity";
        break;
    default:
        entry.kind = "login-failed";
        break;
    }
    // Best effort: a failed login must still be reported to the user if the side file cannot be written.
    [[maybe_unused]] auto appended = m_backend.pendingAudit().append(entry);
}

Status ClinicService::login(const std::string& userName, std::span<const std::uint8_t> password)
{
    if (m_session)
        logout();
    m_generationToRecord.reset(); // what an earlier session left unwritten shows as a gap (below)
    m_waitingEvents.clear();
    auto file = m_backend.keySlots().load();
    if (!file)
        return std::move(file).error();
    const std::uint64_t loadedGeneration = file->generation();
    const bool known = file->slot(userName) != nullptr;
    auto login = access::attemptLogin(*file, userName, password, m_clock, m_rng, m_options.kdf);
    // A login that took rotated keys from the mailbox keeps the file as it was on disk until the
    // database has been checked against them (and an interrupted rotation finished): should that
    // fail, the slot still holds the keys it replaced and the next login tries again.
    const bool deferSave =
        login && login->role != access::Role::Patient && (login->previousDbk || !login->previousCategoryKeys.empty());
    // A wrong password saves the file (its counter moved); an unknown name saves it too, unchanged,
    // so the two cost the same (issue 10 item 8: no account enumeration by timing).
    if ((file->dirty() || !known) && !deferSave) {
        CC_TRY(m_backend.keySlots().save(*file));
        file->markClean();
    }
    if (!login) {
        // What was typed as an unknown name may be a password typed into the wrong field: never
        // record it (docs/AUDIT.md section 1); the entry's kind says an unknown name was tried.
        if (!known)
            recordPendingFailure({}, makeError(ErrorCode::AccountDisabled, "unknown user name"));
        else
            recordPendingFailure(userName, login.error());
        return std::move(login).error();
    }
    if (login->role == access::Role::Patient)
        return loginToPortal(std::move(login).value());
    auto opened = openDatabaseFor(login->ring);
    bool finishedRotation = false;
    if (!opened && opened.error().code == ErrorCode::KeyMismatch && login->previousDbk) {
        opened = finishInterruptedRotation(m_backend, *login, opened.error());
        if (opened)
            opened = openDatabaseFor(login->ring);
        finishedRotation = opened.ok();
    }
    if (!opened) {
        if (login->previousDbk) // a key update that does not open the database: planted, or a broken rotation
            recordPendingFailure(userName, makeError(ErrorCode::IntegrityFailure, opened.error().message));
        m_backend.closeDatabase();
        return opened;
    }
    std::vector<std::string> finishedKinds;
    if (!login->previousCategoryKeys.empty()) {
        auto finished = KeyService(*this).finishInterruptedRotations(login->ring, login->previousCategoryKeys);
        if (!finished) {
            recordPendingFailure(userName, finished.error());
            m_backend.closeDatabase();
            return std::move(finished).error();
        }
        finishedKinds = std::move(finished).value();
    }
    if (file->dirty()) {
        if (auto saved = m_backend.keySlots().save(*file); !saved) {
            m_backend.closeDatabase();
            return saved;
        }
        file->markClean();
    }
    std::string generationGap;
    if (auto generation = checkKeySlotGeneration(*file, loadedGeneration, generationGap); !generation) {
        recordPendingFailure(userName, generation.error());
        m_backend.closeDatabase();
        return generation;
    }
    const bool mustChange = login->mustChangePassword;
    const bool upgraded = login->kdfUpgraded;
    const std::size_t keyUpdates = login->keyUpdatesApplied;
    clearSessionCaches();
    m_session = std::make_unique<access::Session>(std::move(login).value(), m_clock);
    // Lock, expiry and logout wipe what the services decrypted with this session's keys.
    m_session->setWipeCallback([this] { clearSessionCaches(); });
    if (auto stored = m_backend.meta().get(ports::meta::kIdleTimeoutMinutes); stored && stored->has_value()) {
        if (auto minutes = parseDecimal(**stored)) [[maybe_unused]]
            auto set = m_session->setIdleTimeout(std::chrono::minutes(*minutes));
    }
    m_mustChangePassword = mustChange;

    auto finish = [&]() -> Status {
        CC_TRY(importPendingAudit());
        AuditSubject subject =
            makeSubject(AuditEventId::UserAuthentication, AuditEventType::Login, AuditAction::Execute);
        subject.objectType = "User";
        subject.objectId = idHex(m_session->userId());
        if (upgraded)
            subject.detail = "key slot re-wrapped with current Argon2id parameters";
        if (keyUpdates > 0)
            subject.detail += std::string(subject.detail.empty() ? "" : "; ") + std::to_string(keyUpdates) +
                              " rotated key(s) taken from the key-update mailbox, key slot re-wrapped";
        if (finishedRotation)
            subject.detail += "; finished an interrupted database key rotation (rekey)";
        for (const auto& kind : finishedKinds)
            subject.detail += "; finished an interrupted " + kind + " rotation (patients' keys re-wrapped)";
        if (!generationGap.empty()) {
            // A change to accounts or keys whose own event could not be written (recordChange), or
            // a process that stopped between the file and the database: the trail says so here.
            subject.detail += std::string(subject.detail.empty() ? "" : "; ") + generationGap;
            subject.flagged = true;
        }
        if (subject.detail.size() > audit::kMaxDetailSize) // ASCII only: no character is cut
            subject.detail.resize(audit::kMaxDetailSize);
        CC_TRY(record(subject));
        // And a restore the folder's opening finished or abandoned: the trail says which.
        return BackupService::recordInterruptedRestore(*this);
    };
    if (auto done = finish(); !done) {
        // A trail that refuses new events (anchor mismatch) must not lock out the administrators
        // who have to examine it: they get a session limited to verifying and re-anchoring.
        if (done.error().code == ErrorCode::IntegrityFailure && m_session->role() == access::Role::Administrator) {
            m_auditBroken = true;
            return {};
        }
        m_session->logout();
        m_session.reset();
        m_backend.closeDatabase();
        return done;
    }
    m_auditBroken = false;
    // A clinic upgraded from before patient references still has clear patient ids in its clinical
    // rows: the first doctor's session (it holds the clinical key) converts them, audited; a
    // failure leaves the old form, which keeps working, and is retried at the next doctor login.
    if (m_session->role() == access::Role::Doctor) [[maybe_unused]]
        auto converted = PatientService::convertToReferences(*this);
    // A clinic from before the index seal gets its first seal from the first doctor's session
    // (audited and flagged; a failure is audited and retried at the next doctor login).
    if (m_session->role() == access::Role::Doctor) [[maybe_unused]]
        auto sealed = IndexSealing::sealFirstTime(*this);
    // Rotations owed since accounts were disabled (docs/KEYS.md section 8, "Revocation"): the first
    // session that holds the key performs them, audited; a failure stays pending and does not block
    // the login (the administrator's Home and `keys status` show it).
    if (m_session->role() != access::Role::Patient) [[maybe_unused]]
        auto pending = KeyService(*this).performPending();
    // The patient portal (docs/PORTAL.md): a doctor's session applies what patients posted and
    // rewrites stale portals; a failure is audited inside and never blocks the login.
    if (m_session->role() == access::Role::Doctor) [[maybe_unused]]
        auto portals = PortalService(*this).maintain();
    return {};
}

Status ClinicService::loginToPortal(access::LoginResult login)
{
    // A patient never opens the database (issue 10 item 1): the session reads its own sealed
    // portal file and posts what it does to its sealed outbox.
    const bool mustChange = login.mustChangePassword;
    clearSessionCaches();
    m_portalMode = true;
    m_session = std::make_unique<access::Session>(std::move(login), m_clock);
    m_session->setWipeCallback([this] { clearSessionCaches(); });
    m_mustChangePassword = mustChange;
    AuditSubject subject = makeSubject(AuditEventId::UserAuthentication, AuditEventType::Login, AuditAction::Execute);
    subject.objectType = "User";
    subject.objectId = idHex(m_session->userId());
    if (auto recorded = record(subject); !recorded) {
        m_session->logout();
        m_session.reset();
        m_portalMode = false;
        return recorded;
    }
    return {};
}

Status ClinicService::openDatabaseFor(const access::KeyRing& ring)
{
    const auto* dbk = ring.find(access::KeyKind::DatabaseKey);
    if (dbk == nullptr)
        return makeError(ErrorCode::KeyMismatch, "the account's key ring holds no database key");
    if (!m_backend.databaseOpen()) {
        CC_TRY(m_backend.openDatabase(dbk->secret));
        m_auditLog.reset();
    }
    auto storedId = m_backend.meta().get(ports::meta::kClinicId);
    if (!storedId)
        return std::move(storedId).error();
    const auto& expected = m_backend.descriptor().clinicId;
    if (!storedId->has_value() || (*storedId)->size() != expected.size() ||
        !std::equal(expected.begin(), expected.end(), (*storedId)->begin()))
        return makeError(ErrorCode::KeyMismatch, "the database belongs to another clinic than clinic.json names");
    if (!m_auditLog) {
        m_auditLog = std::make_unique<audit::AuditLog>(m_backend.auditStore(), m_backend.anchors(), m_clock, expected);
        configureWitness();
    }
    return {};
}

Status ClinicService::checkKeySlotGeneration(const access::KeySlotFile& file, std::uint64_t loaded, std::string& gap)
{
    auto stored = m_backend.meta().get(ports::meta::kKeySlotGeneration);
    if (!stored)
        return std::move(stored).error();
    if (stored->has_value()) {
        auto lastSeen = parseDecimal(**stored);
        if (!lastSeen)
            return makeError(ErrorCode::IntegrityFailure,
                             "the database's record of the key-slot generation is damaged");
        CC_TRY(file.checkGeneration(*lastSeen));
        if (loaded > *lastSeen)
            gap = "key-slot file at generation " + std::to_string(loaded) + ", the database had recorded " +
                  std::to_string(*lastSeen) + ": a change made without its record";
        if (file.generation() == *lastSeen)
            return {};
    }
    return recordKeySlotGeneration(file.generation());
}

Status ClinicService::recordKeySlotGeneration(std::uint64_t generation)
{
    return m_backend.meta().set(ports::meta::kKeySlotGeneration, decimalBytes(generation));
}

void ClinicService::logout()
{
    if (!m_session)
        return;
    if (m_session->state() == access::Session::State::Active && !m_touched.empty() &&
        m_session->role() == access::Role::Doctor && m_auditLog) {
        // The portals of the patients this session touched, so that they see it at once.
        const auto touched = std::move(m_touched);
        [[maybe_unused]] auto portals = PortalService(*this).maintain(&touched);
    }
    m_touched.clear();
    if (m_session->state() == access::Session::State::Active && m_auditLog) [[maybe_unused]]
        auto waiting = writeWaitingRecords(); // if this fails too, the next login names the gap
    m_generationToRecord.reset();
    m_waitingEvents.clear();
    if (m_session->state() == access::Session::State::Active && (m_auditLog || m_portalMode)) {
        AuditSubject subject =
            makeSubject(AuditEventId::UserAuthentication, AuditEventType::Logout, AuditAction::Execute);
        subject.objectType = "User";
        subject.objectId = idHex(m_session->userId());
        [[maybe_unused]] auto recorded = record(subject);
    }
    // Keep what the witness last said: the front end reports it after the logout event was sent.
    m_witnessProblem = witnessProblem();
    m_session->logout();
    m_session.reset();
    clearSessionCaches();
    m_auditLog.reset();
    if (m_backend.databaseOpen())
        m_backend.closeDatabase();
    m_mustChangePassword = false;
    m_auditBroken = false;
    m_portalMode = false;
    m_portalCache.reset();
}

void ClinicService::lock()
{
    if (!m_session)
        return;
    m_session->lock();
    closeWhileLocked();
}

void ClinicService::closeWhileLocked()
{
    m_portalCache.reset();
    // Issue 10 item 9: while locked, SQLCipher's copy of the DBK and its page cache (sealed rows,
    // the audit MAC key) leave memory with the connection; resume() opens it again.
    m_auditLog.reset();
    if (m_backend.databaseOpen())
        m_backend.closeDatabase();
}

Status ClinicService::resume(std::span<const std::uint8_t> password)
{
    if (!m_session)
        return makeError(ErrorCode::AccessDenied, "nobody is logged in");
    auto file = m_backend.keySlots().load();
    if (!file)
        return std::move(file).error();
    auto resumed = m_session->resume(*file, password, m_rng, m_options.kdf);
    if (file->dirty()) {
        CC_TRY(m_backend.keySlots().save(*file));
        file->markClean();
    }
    AuditSubject subject = makeSubject(AuditEventId::UserAuthentication, AuditEventType::Login, AuditAction::Execute);
    subject.objectType = "User";
    subject.objectId = idHex(m_session->userId());
    subject.detail = "resume after idle lock";
    if (!resumed) {
        // The session is locked: record directly, not through record(), which needs an active
        // session; with the database closed by the lock, the pending log takes it like a failed login.
        if (m_portalMode) {
            recordPendingFailure(m_session->userName(), resumed.error());
        } else if (m_auditLog) {
            [[maybe_unused]] auto recorded = m_auditLog->record(eventFor(subject, AuditOutcome::MinorFailure));
        } else {
            recordPendingFailure(m_session->userName(), resumed.error());
        }
        return resumed;
    }
    if (!m_portalMode && (!m_backend.databaseOpen() || !m_auditLog)) {
        auto ring = m_session->keys();
        CC_TRY(ring);
        if (auto opened = openDatabaseFor(**ring); !opened) {
            m_session->lock();
            closeWhileLocked();
            return opened;
        }
        CC_TRY(importPendingAudit());
    }
    return record(subject);
}

Status ClinicService::changeOwnPassword(std::span<const std::uint8_t> newPassword)
{
    auto ring = keys();
    if (!ring)
        return std::move(ring).error();
    const std::string name = m_session->userName();
    CC_TRY(updateKeySlots(
        [&](access::KeySlotFile& file) -> Status {
            return file.rewrap(name, newPassword, **ring, m_options.kdf, m_rng, m_clock, false);
        },
        GenerationRecord::WithEvent));
    m_mustChangePassword = false;
    AuditSubject subject = makeSubject(AuditEventId::UserAuthentication, AuditEventType::UserSecurityAttributesChanged,
                                       AuditAction::Update);
    subject.objectType = "User";
    subject.objectId = idHex(m_session->userId());
    subject.detail = "password changed";
    return recordChange(subject, true, "your password was changed");
}

Result<const access::KeyRing*> ClinicService::keys()
{
    if (!m_session)
        return makeError(ErrorCode::AccessDenied, "nobody is logged in");
    return m_session->keys();
}

} // namespace cc::services
