// SPDX-License-Identifier: GPL-3.0-or-later
// Login throttling (DESIGN.md section 8) and the login flow over the key-slot file.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/access/KeyRing.h"
#include "core/access/KeySlotFile.h"
#include "core/crypto/PasswordHash.h"
#include "core/crypto/Rng.h"

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace cc::access {

/// Back-off and suspension rules. After the f-th consecutive failure, for f >= 5 the account is
/// locked for min(2^(f-5) s, 15 min); at f = 20 it is suspended until an administrator calls
/// KeySlotFile::clearLockout. The state lives in the slot, so it survives restarts once the
/// caller persists the file.
///
/// The counters cannot be authenticated (the failing user holds no key), so they stop a guesser
/// at the login screen, not someone who can edit the file: that person can reset them, and can
/// also run Argon2id offline against a copy. The real defence is the password plus Argon2id.
class LoginThrottle
{
public:
    static constexpr std::uint32_t kBackoffFrom = 5;
    static constexpr std::uint32_t kSuspendAt = 20;
    static constexpr std::chrono::seconds kMaxDelay{15 * 60};

    /// The lock-out that follows the `failures`-th consecutive failure (0 below kBackoffFrom).
    [[nodiscard]] static std::chrono::seconds delayAfter(std::uint32_t failures) noexcept;

    /// May this slot try a password now? Errors: AccountSuspended, AccountLocked (the message
    /// says how many seconds to wait). Does not check the password.
    [[nodiscard]] static Status admit(const KeySlot& slot, const Clock& clock);
};

/// A successful login.
struct LoginResult
{
    KeyRing ring;
    UserId userId{};
    std::string userName;
    Role role = Role::Doctor;
    bool mustChangePassword = false;
    bool kdfUpgraded = false;          ///< the slot was re-wrapped with `current` parameters
    std::size_t keyUpdatesApplied = 0; ///< rotated keys taken from the mailbox into `ring`
    bool keyUpdatesAccepted = false;   ///< the slot was re-wrapped with them and its entries deleted
    /// The DBK held before a mailbox update replaced it (docs/KEYS.md section 8: a login that finds
    /// the database still under this key finishes an interrupted rotation).
    std::optional<KeyEntry> previousDbk;
    /// The identity and clinical category keys held before mailbox updates replaced them (the
    /// same, for a rotation interrupted between the key-slot file and the patients' re-wrap).
    std::vector<KeyEntry> previousCategoryKeys;
};

/// The login flow: refuses during back-off (AccountLocked) or suspension (AccountSuspended) without
/// trying the password; unlocks the slot; on WrongPassword counts the failure and locks or suspends;
/// on success applies the mailbox entries addressed to the account (KeySlotFile::unlock), then
/// resets the counters and, if entries were pending or the slot's Argon2id parameters are weaker
/// than `current`, re-wraps the slot (acceptUpdates: the password was just typed) with the updated
/// ring and the stronger parameters, deleting the entries. Whatever the outcome, the caller must persist the file when
/// file.dirty() is true (a failure changes the counters). An unknown or disabled user name gives
/// WrongPassword with the same message, after Argon2id with `current` on a dummy salt (same work, no
/// counter: there is no slot to count in). Other errors:
/// IntegrityFailure (file MAC), MalformedInput, CryptoFailure.
[[nodiscard]] Result<LoginResult> attemptLogin(KeySlotFile& file, std::string_view userName,
                                               std::span<const std::uint8_t> password, const Clock& clock,
                                               crypto::Rng& rng,
                                               const crypto::Argon2Params& current = crypto::Argon2Params::defaults());

} // namespace cc::access
