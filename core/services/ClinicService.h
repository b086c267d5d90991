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
#include <utility>

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

    /// Loads the key-slot file and saves it if `mutate` leaves it dirty; then, if its generation
    /// moved, records the new generation in the database. Errors: those of `mutate` and storage.
    template <typename F> [[nodiscard]] Status updateKeySlots(F&& mutate);

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
    Status checkKeySlotGeneration(const access::KeySlotFile& file);
    Status recordKeySlotGeneration(std::uint64_t generation);
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
};

/// Lower-case hex of a 16-byte id.
[[nodiscard]] std::string idHex(std::span<const std::uint8_t> id);

template <typename F> Status ClinicService::updateKeySlots(F&& mutate)
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
    // A patient's session has no database: the next staff login records the new generation.
    if (file->generation() != before && !m_portalMode)
        CC_TRY(recordKeySlotGeneration(file->generation()));
    return {};
}

} // namespace cc::services
