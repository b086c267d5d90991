// SPDX-License-Identifier: GPL-3.0-or-later
// Session: idle lock, expiry and resume.
#include "core/access/Session.h"

namespace cc::access {

Session::Session(LoginResult login, const Clock& clock)
    : m_clock(&clock)
    , m_ring(std::move(login.ring))
    , m_userId(login.userId)
    , m_userName(std::move(login.userName))
    , m_role(login.role)
    , m_patientId(m_ring.patientId())
    , m_loginTime(clock.now())
    , m_lastActivity(m_loginTime)
{}

Status Session::validateIdleTimeout(std::chrono::minutes timeout)
{
    if (timeout < kMinIdleTimeout || timeout > kMaxIdleTimeout)
        return makeError(ErrorCode::InvalidArgument, "the idle timeout must be between 2 and 30 minutes");
    return {};
}

Status Session::setIdleTimeout(std::chrono::minutes timeout)
{
    CC_TRY(validateIdleTimeout(timeout));
    m_idleTimeout = timeout;
    return {};
}

void Session::enter(State state)
{
    m_ring.wipe();
    m_state = state;
    if (m_onWipe)
        m_onWipe();
    if (m_onLock)
        m_onLock();
}

Session::State Session::poll()
{
    if (m_state == State::LoggedOut || m_state == State::Expired)
        return m_state;
    const auto now = m_clock->now();
    // Expiry first: a session idle past 12 hours is expired, not merely locked.
    if (now - m_loginTime >= kMaxLength)
        enter(State::Expired);
    else if (m_state == State::Active && now - m_lastActivity >= m_idleTimeout)
        enter(State::Locked);
    return m_state;
}

Status Session::stateError() const
{
    switch (m_state) {
    case State::Active:
        return {};
    case State::Locked:
        return makeError(ErrorCode::SessionLocked, "the session is locked; enter your password to continue");
    case State::Expired:
        return makeError(ErrorCode::SessionExpired, "the session has expired; log in again");
    case State::LoggedOut:
        return makeError(ErrorCode::AccessDenied, "logged out");
    }
    return makeError(ErrorCode::Internal, "unknown session state");
}

Status Session::requireActive()
{
    poll();
    return stateError();
}

Status Session::touch()
{
    CC_TRY(requireActive());
    m_lastActivity = m_clock->now();
    return {};
}

Result<const KeyRing*> Session::keys()
{
    CC_TRY(requireActive());
    return &m_ring;
}

Status Session::adoptRotatedKey(const KeyEntry& key)
{
    CC_TRY(requireActive());
    if (!m_ring.has(key.kind))
        return makeError(ErrorCode::KeyMismatch, "the session's key ring holds no key of the rotated kind");
    auto changed = m_ring.updateIfNewer(key.kind, key.keyId, key.version, key.secret.clone());
    if (!changed.ok())
        return std::move(changed).error();
    if (!*changed)
        return makeError(ErrorCode::KeyMismatch, "the rotated key is not newer than the one the session holds");
    return {};
}

void Session::lock()
{
    if (m_state == State::Active)
        enter(State::Locked);
}

void Session::logout()
{
    if (m_state != State::LoggedOut)
        enter(State::LoggedOut);
}

Status Session::resume(KeySlotFile& file, std::span<const std::uint8_t> password, crypto::Rng& rng,
                       const crypto::Argon2Params& current)
{
    poll();
    if (m_state == State::Active)
        return {};
    if (m_state != State::Locked)
        return stateError();
    auto login = attemptLogin(file, m_userName, password, *m_clock, rng, current);
    if (!login.ok())
        return std::move(login).error();
    if (login->userId != m_userId || login->role != m_role) {
        login->ring.wipe();
        return makeError(ErrorCode::IntegrityFailure, "the key slot no longer belongs to this session's user");
    }
    m_ring = std::move(login->ring);
    m_lastActivity = m_clock->now();
    m_state = State::Active;
    return {};
}

} // namespace cc::access
