// SPDX-License-Identifier: GPL-3.0-or-later
// The open clinic and its current session: login, logout, idle lock, password change, and the
// permission check plus audit event that every other service goes through.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/access/LoginThrottle.h"
#include "core/access/Permission.h"
#include "core/access/Session.h"
#include "core/audit/AuditEvent.h"
#include "core/audit/AuditLog.h"
#include "core/crypto/Rng.h"
#include "core/model/RowId.h"
#include "core/ports/ClinicBackend.h"
#include "core/services/AuditBinding.h"
#include "core/services/ServiceOptions.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cc::services {

/// What an audited action concerns.
struct AuditSubject
{
    audit::AuditEventId eventId = audit::AuditEventId::ApplicationActivity;
    audit::AuditEventType eventType = audit::AuditEventType::None;
    audit::AuditAction action = audit::AuditAction::Execute;
    std::string objectType;
    std::string objectId;
    std::string patientId; ///< hex row id or empty
    std::string reason;
    std::string detail; ///< never PHI
    bool flagged = false;
};

/// An AuditSubject for the common case: what happened to which object.
[[nodiscard]] AuditSubject makeSubject(audit::AuditEventId eventId, audit::AuditEventType eventType,
                                       audit::AuditAction action, std::string objectType = {},
                                       std::string objectId = {}, std::string detail = {});

/// One clinic opened by this process, and at most one logged-in session on it.
/// Every use case checks a permission through authorize() and writes exactly one audit event
/// (success or denial) through record(). Not thread-safe except record() (AuditLog locks).
class PatientDirectory;
struct PortalRecord;

class ClinicService
{
public:
    /// `backend`, `clock` and `rng` must outlive the service.
    ClinicService(ports::ClinicBackend& backend, const Clock& clock, crypto::Rng& rng, ServiceOptions options);
    ~ClinicService();
    ClinicService(const ClinicService&) = delete;
    ClinicService& operator=(const ClinicService&) = delete;

    /// Logs in: throttling and Argon2id unlock (the key-slot file is saved whenever its counters
    /// change), the file MAC and generation checks against the database, import of pending audit
    /// events, then one login event. A failure before the database is open goes to the pending
    /// audit log. Errors: WrongPassword, AccountLocked, AccountSuspended, AccountDisabled,
    /// IntegrityFailure (file edited or older than the database), KeyMismatch, storage errors.
    [[nodiscard]] Status login(const std::string& userName, std::span<const std::uint8_t> password);
    /// Logs out (audited), wipes the keys and closes the database.
    void logout();
    /// Locks the session now: keys wiped, and the database closed (SQLCipher's key and page cache
    /// leave memory); also when authorize() finds the idle timer has locked the session.
    void lock();
    /// Resumes an idle-locked session with the password (wrong passwords count; while the database
    /// is closed they go to the pending audit log), reopening the database. Audited.
    [[nodiscard]] Status resume(std::span<const std::uint8_t> password);
    /// Changes the logged-in user's own password (one slot re-wrapped; clears must-change). Audited.
    /// Errors: SessionLocked, InvalidArgument (too short), storage errors.
    [[nodiscard]] Status changeOwnPassword(std::span<const std::uint8_t> newPassword);

    /// The session, or nullptr before login / after logout.
    [[nodiscard]] access::Session* session() noexcept { return m_session.get(); }
    [[nodiscard]] const access::Session* session() const noexcept { return m_session.get(); }
    /// True if the audit trail refused this login's event (anchor mismatch): only an administrator
    /// gets in, limited to verifying and re-anchoring (AuditService).
    [[nodiscard]] bool auditBroken() const noexcept { return m_auditBroken; }
    /// Called by AuditService after a re-anchor: the trail accepts events again.
    void clearAuditBroken() noexcept { m_auditBroken = false; }
    /// True if the user must change the password before doing anything else.
    [[nodiscard]] bool mustChangePassword() const noexcept { return m_mustChangePassword; }

    /// Checks that the session is active and its role holds `permission`. A denial is audited
    /// (outcome serious failure) with `subject`. Errors: AccessDenied, SessionLocked, SessionExpired.
    [[nodiscard]] Status authorize(access::Permission permission, const AuditSubject& subject);
    /// Records one audit event for the session's user with `outcome`. Errors: storage errors,
    /// IntegrityFailure (anchor mismatch: nothing written).
    [[nodiscard]] Status record(const AuditSubject& subject,
                                audit::AuditOutcome outcome = audit::AuditOutcome::Success);
    /// Records the audit event of an account or key-slot change after it was tried (success if
    /// `made`, else a minor failure) in one transaction with the key-slot generation a
    /// GenerationRecord::WithEvent update left to record and any event of this session still
    /// waiting to be written. When the change was made (it is in the key-slot file, which is not
    /// rolled back) but the transaction fails, the error begins with `change` ("the account 'x' was
    /// created") and says that its event was not written, never that nothing was saved; the event
    /// then waits, and is written (flagged, "written late") by the session's next recordChange or
    /// at logout; if it never is, the database's generation stays behind the file's and the next
    /// staff login's event names the gap (flagged for review). Errors: storage errors.
    [[nodiscard]] Status recordChange(const AuditSubject& subject, bool made, std::string_view change);
    /// The audit event record() would write for `subject` (the session's user, role, workstation).
    [[nodiscard]] audit::AuditEvent eventFor(const AuditSubject& subject, audit::AuditOutcome outcome) const;
    /// After a restore swapped the clinic's files (nobody logged in): opens the restored database
    /// with `dbk`, appends `event` to its trail (which continues from the backup's head with the key
    /// stored there, so no A0 is needed), and closes it again. Errors: InvalidArgument (a session is
    /// open), KeyMismatch, IntegrityFailure (the restored anchor does not match), storage errors.
    [[nodiscard]] Status recordInRestoredTrail(const crypto::SecureBytes& dbk, audit::AuditEvent event);
    /// The active session's key ring. Errors: SessionLocked, SessionExpired, AccessDenied.
    [[nodiscard]] Result<const access::KeyRing*> keys();

    [[nodiscard]] ports::ClinicBackend& backend() noexcept { return m_backend; }
    [[nodiscard]] const Clock& clock() const noexcept { return m_clock; }
    [[nodiscard]] crypto::Rng& rng() noexcept { return m_rng; }
    [[nodiscard]] const ServiceOptions& options() const noexcept { return m_options; }
    /// The session's decrypted patient directory (PatientService fills it on first use). Wiped on
    /// idle lock, expiry, logout and at every login; empty while no session is active.
    [[nodiscard]] PatientDirectory& patientDirectory() noexcept { return *m_directory; }
    /// Remembers whose chart a patient reference is (PatientService::patientRef, for every chart
    /// the session opens), so the chart sealer can open that patient's key at commit (ChartManifests).
    /// Wiped with the directory: on idle lock, expiry, logout and at every login.
    void rememberChart(const access::PatientRef& ref, const access::PatientId& patient)
    {
        m_chartOwners[ref] = patient;
    }
    /// What services::chainedEvent and CareTeamBinding already checked in this session.
    [[nodiscard]] AuditBindingCache& bindingCache() noexcept { return m_bindingCache; }
    [[nodiscard]] std::optional<access::PatientId> chartOwner(const access::PatientRef& ref) const
    {
        const auto it = m_chartOwners.find(ref);
        return it == m_chartOwners.end() ? std::nullopt : std::optional<access::PatientId>(it->second);
    }
    /// The audit writer (database open). nullptr before the first login.
    [[nodiscard]] audit::AuditLog* auditLog() noexcept { return m_auditLog.get(); }

    /// Re-reads the audit witness setting (meta audit_witness) and connects the audit writer to it.
    void configureWitness();
    /// Empty while the audit witness (if configured) receives every head; else what goes wrong.
    /// Clinical work goes on regardless: the front ends show this as a warning (docs/AUDIT.md).
    [[nodiscard]] std::string witnessProblem() const;

    /// When updateKeySlots records the key-slot file's new generation in the database.
    enum class GenerationRecord {
        Now,      ///< at once (a failure is not the change's: the next staff login records it)
        WithEvent ///< in the same transaction as the change's audit event (recordChange)
    };
    /// Loads the key-slot file and saves it if `mutate` leaves it dirty; then, if its generation
    /// moved, records the new generation in the database (`when`; also deferred to the next
    /// recordChange while an earlier change's event waits to be written, so that the gap stays
    /// visible until it is). Errors: those of `mutate` and storage.
    template <typename F>
    [[nodiscard]] Status updateKeySlots(F&& mutate, GenerationRecord when = GenerationRecord::Now);

    /// True for a patient's session: no database is open; reads come from the sealed portal file
    /// and audit events go to the portal outbox (docs/PORTAL.md).
    [[nodiscard]] bool portalMode() const noexcept { return m_portalMode; }
    /// The portal last opened by this patient session and when (PortalService's short-lived cache,
    /// so one window refresh decrypts the file once); wiped on lock and logout.
    [[nodiscard]] std::pair<std::shared_ptr<const PortalRecord>, std::int64_t> cachedPortal() const
    {
        return {m_portalCache, m_portalCacheMs};
    }
    void cachePortal(std::shared_ptr<const PortalRecord> portal, std::int64_t atMs)
    {
        m_portalCache = std::move(portal);
        m_portalCacheMs = atMs;
    }

private:
    Status loginToPortal(access::LoginResult login);
    Status openDatabaseFor(const access::KeyRing& ring);
    void closeWhileLocked();
    /// Checks the file against the database's record of its generation and records the file's.
    /// `loaded`: the generation before this login changed the file; if the database had recorded
    /// less, `gap` gets what the login event says of the change made without its record.
    Status checkKeySlotGeneration(const access::KeySlotFile& file, std::uint64_t loaded, std::string& gap);
    Status recordKeySlotGeneration(std::uint64_t generation);
    /// Writes, in one transaction, the generation and the events recordChange left waiting.
    Status writeWaitingRecords();
    /// The same inside the caller's transaction.
    Status writeWaitingInTransaction();
    /// recordChange's transaction: the waiting generation and events, then `subject`'s event.
    Status recordChangeTransaction(const AuditSubject& subject, audit::AuditOutcome outcome);
    Status importPendingAudit();
    void recordPendingFailure(const std::string& userName, const Error& error);

    /// Wipes what the services decrypted or learned with this session's keys.
    void clearSessionCaches();

    ports::ClinicBackend& m_backend;
    const Clock& m_clock;
    crypto::Rng& m_rng;
    ServiceOptions m_options;
    std::unique_ptr<audit::AuditLog> m_auditLog;
    std::unique_ptr<PatientDirectory> m_directory; // before m_session: the session's wipe hook clears it
    std::unique_ptr<access::Session> m_session;
    bool m_mustChangePassword = false;
    bool m_auditBroken = false;
    bool m_portalMode = false;
    std::map<access::PatientRef, access::PatientId> m_chartOwners; // ChartManifests: whose chart a reference is
    AuditBindingCache m_bindingCache;                              // events and imports already checked
    std::set<access::PatientId> m_touched;                         // patients named in this doctor session's events
    std::shared_ptr<const PortalRecord> m_portalCache;
    std::int64_t m_portalCacheMs = 0;
    std::string m_witnessProblem;
    // What recordChange could not write yet (this session only; see recordChange).
    std::optional<std::uint64_t> m_generationToRecord;
    std::vector<std::pair<AuditSubject, audit::AuditOutcome>> m_waitingEvents;
};

/// Lower-case hex of a 16-byte id.
[[nodiscard]] std::string idHex(std::span<const std::uint8_t> id);

template <typename F> Status ClinicService::updateKeySlots(F&& mutate, GenerationRecord when)
{
    auto file = m_backend.keySlots().load();
    if (!file)
        return std::move(file).error();
    const std::uint64_t before = file->generation();
    CC_TRY(mutate(*file));
    if (file->dirty()) {
        CC_TRY(m_backend.keySlots().save(*file));
        file->markClean();
    }
    // A patient's session has no database: the next staff login records the new generation. So
    // does it when recording fails here: the file already holds the change, which stands (failing
    // would tell the caller that nothing changed). That login's event names the gap (login()).
    if (file->generation() != before && !m_portalMode) {
        if (when == GenerationRecord::WithEvent || !m_waitingEvents.empty() ||
            !recordKeySlotGeneration(file->generation()).ok())
            m_generationToRecord = file->generation();
    }
    return {};
}

} // namespace cc::services
