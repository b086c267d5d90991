// SPDX-License-Identifier: GPL-3.0-or-later
// The logged-in user: key ring, idle lock, 12-hour limit (DESIGN.md section 8).
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/access/KeyRing.h"
#include "core/access/LoginThrottle.h"

#include <chrono>
#include <functional>
#include <optional>
#include <span>
#include <string>

namespace cc::access {

/// One user's session. Time comes from the injected Clock only. Locking (idle or explicit) and
/// expiry wipe the key ring at once and call the lock callback, on which the UI clears every model
/// that holds PHI. The check is lazy: the UI calls poll() from a timer (every few seconds) and
/// every service calls keys() before it works, so an idle session cannot be used even if the
/// timer is late. The Clock must outlive the session.
class Session
{
public:
    enum class State {
        Active,
        Locked,  ///< idle lock: resume() with the password
        Expired, ///< 12 hours since login: log in again
        LoggedOut
    };

    static constexpr std::chrono::minutes kDefaultIdleTimeout{10};
    static constexpr std::chrono::minutes kMinIdleTimeout{2};
    static constexpr std::chrono::minutes kMaxIdleTimeout{30};
    static constexpr std::chrono::hours kMaxLength{12};

    /// Starts a session from a successful login; the login time is clock.now().
    Session(LoginResult login, const Clock& clock);

    /// Checks an administrator's idle timeout choice. Errors: InvalidArgument outside 2..30 minutes.
    [[nodiscard]] static Status validateIdleTimeout(std::chrono::minutes timeout);
    /// Sets the idle timeout (clinic setting). Errors: InvalidArgument outside 2..30 minutes.
    [[nodiscard]] Status setIdleTimeout(std::chrono::minutes timeout);
    /// The idle timeout in force.
    [[nodiscard]] std::chrono::minutes idleTimeout() const noexcept { return m_idleTimeout; }

    /// Applies the clock: locks after the idle timeout, expires after 12 hours (wiping the keys and
    /// calling the lock callback on the transition). Returns the state afterwards.
    State poll();
    /// Records user activity. Errors: SessionLocked, SessionExpired (nothing is refreshed then).
    [[nodiscard]] Status touch();
    /// The key ring of an active session (polls first; does not count as activity).
    /// Errors: SessionLocked, SessionExpired, AccessDenied (logged out).
    [[nodiscard]] Result<const KeyRing*> keys();
    /// Ok for an active session (polls first). Errors as keys().
    [[nodiscard]] Status requireActive();
    /// Takes a key this session has just rotated itself (it drew the new key, so it needs no
    /// mailbox entry): replaces the ring's key of that kind if `key` is newer. The account's slot
    /// keeps the old key and takes the new one from the mailbox at the next login. Errors as keys(),
    /// KeyMismatch (the ring holds no key of that kind or `key` is not newer), InvalidArgument (size).
    [[nodiscard]] Status adoptRotatedKey(const KeyEntry& key);

    /// Locks now (the user pressed "lock"): keys wiped, callback called.
    void lock();
    /// Ends the session: keys wiped, callback called; the session cannot be resumed.
    void logout();
    /// Resumes a locked session by unlocking the user's slot again through attemptLogin, so wrong
    /// passwords count towards throttling. The caller persists `file` when dirty. Errors:
    /// SessionExpired (12 hours passed: log in again), AccessDenied (logged out), IntegrityFailure
    /// (the slot now belongs to another user id), and every error of attemptLogin (WrongPassword,
    /// AccountLocked, AccountSuspended, AccountDisabled ...).
    [[nodiscard]] Status resume(KeySlotFile& file, std::span<const std::uint8_t> password, crypto::Rng& rng,
                                const crypto::Argon2Params& current = crypto::Argon2Params::defaults());

    /// Called on every lock, expiry and logout, after the keys were wiped.
    void setLockCallback(std::function<void()> callback) { m_onLock = std::move(callback); }
    /// Called on every lock, expiry and logout right after the keys were wiped and before the lock
    /// callback: the services wipe what they decrypted with the keys (the patient directory).
    /// Separate from the lock callback, which belongs to the UI.
    void setWipeCallback(std::function<void()> callback) { m_onWipe = std::move(callback); }

    [[nodiscard]] State state() const noexcept { return m_state; }
    [[nodiscard]] const UserId& userId() const noexcept { return m_userId; }
    [[nodiscard]] const std::string& userName() const noexcept { return m_userName; }
    [[nodiscard]] Role role() const noexcept { return m_role; }
    /// The patient row of a patient account's session.
    [[nodiscard]] const std::optional<PatientId>& patientId() const noexcept { return m_patientId; }
    [[nodiscard]] Clock::TimePoint loginTime() const noexcept { return m_loginTime; }
    [[nodiscard]] Clock::TimePoint lastActivity() const noexcept { return m_lastActivity; }
    /// The clock the session runs on.
    [[nodiscard]] const Clock& clock() const noexcept { return *m_clock; }

private:
    void enter(State state);
    Status stateError() const;

    const Clock* m_clock;
    KeyRing m_ring;
    UserId m_userId{};
    std::string m_userName;
    Role m_role = Role::Doctor;
    std::optional<PatientId> m_patientId;
    Clock::TimePoint m_loginTime;
    Clock::TimePoint m_lastActivity;
    std::chrono::minutes m_idleTimeout = kDefaultIdleTimeout;
    State m_state = State::Active;
    std::function<void()> m_onLock;
    std::function<void()> m_onWipe;
};

} // namespace cc::access
