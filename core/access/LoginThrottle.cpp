// SPDX-License-Identifier: GPL-3.0-or-later
// Login throttling and the login flow.
#include "core/access/LoginThrottle.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <string>

namespace cc::access {

std::chrono::seconds LoginThrottle::delayAfter(std::uint32_t failures) noexcept
{
    if (failures < kBackoffFrom)
        return std::chrono::seconds{0};
    const std::uint32_t exponent = failures - kBackoffFrom;
    if (exponent >= 10) // 2^10 s already exceeds the 15-minute cap
        return kMaxDelay;
    const std::chrono::seconds d{std::int64_t{1} << exponent};
    return d < kMaxDelay ? d : kMaxDelay;
}

Status LoginThrottle::admit(const KeySlot& slot, const Clock& clock)
{
    if (slot.suspended)
        return makeError(ErrorCode::AccountSuspended,
                         "the account is suspended after too many failed logins; an administrator must unlock it");
    const std::int64_t now = clock.nowSeconds();
    if (now < slot.lockedUntil)
        return makeError(ErrorCode::AccountLocked,
                         "too many failed logins; try again in " + std::to_string(slot.lockedUntil - now) + " seconds");
    return {};
}

Result<LoginResult> attemptLogin(KeySlotFile& file, std::string_view userName, std::span<const std::uint8_t> password,
                                 const Clock& clock, crypto::Rng& rng, const crypto::Argon2Params& current)
{
    const KeySlot* s = file.slot(userName);
    if (!s) {
        // Issue 10 item 8: an unknown (or disabled) name answers exactly like a wrong password, after
        // the same Argon2id work on a dummy slot, so neither the message nor the time taken tells
        // whether the account exists (docs/KEYS.md section 5).
        std::array<std::uint8_t, 16> salt{};
        rng.fill(salt);
        [[maybe_unused]] auto burnt = crypto::argon2id(password, salt, current);
        return makeError(ErrorCode::WrongPassword, kWrongPasswordMessage);
    }
    CC_TRY(LoginThrottle::admit(*s, clock));

    UnlockDetail detail;
    auto ring = file.unlock(userName, password, &detail);
    if (!ring.ok()) {
        if (ring.error().code == ErrorCode::WrongPassword) {
            const std::uint32_t failures = s->failedAttempts < UINT32_MAX ? s->failedAttempts + 1 : UINT32_MAX;
            const bool suspend = failures >= LoginThrottle::kSuspendAt;
            const std::int64_t until = suspend ? 0 : clock.nowSeconds() + LoginThrottle::delayAfter(failures).count();
            CC_TRY(file.setThrottleState(userName, failures, failures >= LoginThrottle::kBackoffFrom ? until : 0,
                                         suspend));
        }
        return std::move(ring).error();
    }

    LoginResult out;
    out.ring = std::move(*ring);
    out.userId = s->userId;
    out.userName = s->userName;
    out.role = s->role;
    out.mustChangePassword = s->mustChangePassword;
    out.keyUpdatesApplied = detail.updatesApplied;
    out.previousDbk = std::move(detail.previousDbk);
    out.previousCategoryKeys = std::move(detail.previousCategoryKeys);
    if (s->failedAttempts != 0 || s->lockedUntil != 0)
        CC_TRY(file.setThrottleState(userName, 0, 0, false));

    // DESIGN.md section 4: parameters are stored per slot and upgraded on login. Only ever upward:
    // a slot with stronger parameters than `current` keeps them.
    const crypto::Argon2Params have = s->kdf;
    const bool upgrade = have.memoryKiB < current.memoryKiB || have.iterations < current.iterations;
    crypto::Argon2Params next = have;
    if (upgrade) {
        next = current;
        next.memoryKiB = std::max(have.memoryKiB, current.memoryKiB);
        next.iterations = std::max(have.iterations, current.iterations);
    }
    // A failed re-wrap (e.g. a legacy password shorter than today's minimum) does not block the
    // login: the ring in memory already holds the new keys, and the entries are applied again at
    // the next login.
    if (detail.updatesPending > 0 || detail.legacyKeysDropped) {
        out.keyUpdatesAccepted = file.acceptUpdates(userName, password, out.ring, next, rng, clock).ok();
        out.kdfUpgraded = upgrade && out.keyUpdatesAccepted;
    } else if (upgrade) {
        out.kdfUpgraded = file.rewrap(userName, password, out.ring, next, rng, clock, s->mustChangePassword).ok();
    }
    return out;
}

} // namespace cc::access
