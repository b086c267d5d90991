// SPDX-License-Identifier: GPL-3.0-or-later
// Pins on the box public keys that key updates are sealed to (issue 10 item 3; docs/KEYS.md
// section 8, "Pinning the public keys").
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/access/KeyRing.h"
#include "core/access/Role.h"
#include "core/crypto/Kdf.h"
#include "core/ports/ClinicMetaStore.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace cc::services {

/// Meta key of the pins (JSON by recipient id; the recovery ring is the all-zero id).
inline constexpr std::string_view kBoxKeyPinsMeta = "box_key_pins";

/// Which key a pin is made under, and so who can make and check it.
enum class PinKey : std::uint8_t {
    /// HMAC under HKDF(ClinicSigning): administrators only. Checked before a database or identity
    /// key is sealed; doctors and patients cannot forge it.
    Administrators = 1,
    /// HMAC under HKDF(ClinicalCategory): doctors only. Checked before a clinical key is sealed;
    /// administrators and patients cannot forge it.
    Clinical = 2
};

/// The kind of ring key a pin kind is derived from.
[[nodiscard]] access::KeyKind pinKeyKind(PinKey which) noexcept;

/// The role byte a pin binds: the role's code, 0 for the recovery ring.
[[nodiscard]] std::uint8_t pinRoleCode(const std::optional<access::Role>& role) noexcept;

/// HMAC-SHA-256(HKDF-SHA-256(key, salt = clinic id, info = "CipherChart box key pin v1 " + kind),
/// "CipherChart box key pin v1" | clinic id | recipient id | role u8 | box public key).
/// Errors: InvalidArgument (`key` is not of pinKeyKind(which)), CryptoFailure.
[[nodiscard]] Result<crypto::Digest256> boxKeyPin(PinKey which, const access::KeyEntry& key,
                                                  const access::ClinicId& clinic, const access::UserId& recipient,
                                                  std::uint8_t role, const std::array<std::uint8_t, 32>& publicKey);

/// Every recipient's pins, as stored in the encrypted database. A DBK holder can edit them but can
/// only compute the pins of the keys they hold.
class BoxKeyPins
{
public:
    /// Reads meta box_key_pins (empty if absent). Errors: IntegrityFailure naming the damaged
    /// field, storage errors.
    [[nodiscard]] static Result<BoxKeyPins> load(ports::ClinicMetaStore& meta);
    /// Writes them back. Errors: storage errors.
    [[nodiscard]] Status save(ports::ClinicMetaStore& meta) const;

    /// Pins `publicKey` under `key` (replacing that recipient's previous pin of this kind).
    [[nodiscard]] Status pin(PinKey which, const access::KeyEntry& key, const access::ClinicId& clinic,
                             const access::UserId& recipient, std::uint8_t role,
                             const std::array<std::uint8_t, 32>& publicKey);
    /// Pins a new or replaced slot with every pin key `keys` holds (the administrator's signing key;
    /// a clinical key only if `role` is a doctor, whose ring carries it). With `keepPrevious`, the
    /// recipient's pins so far stay acceptable beside the new ones until settle(): a slot being
    /// replaced is pinned before the key-slot file is written, and a crash between the two leaves
    /// the old slot in the file, which must still pass check() (docs/RELIABILITY.md). Errors: as pin().
    [[nodiscard]] Status pinAccount(const access::KeyRing& keys, const access::KeyRing& newRing,
                                    const access::ClinicId& clinic, const access::UserId& recipient, access::Role role,
                                    const std::array<std::uint8_t, 32>& publicKey, bool keepPrevious = false);
    /// Drops the pins pinAccount(..., keepPrevious) kept for `recipient`: its new slot is on disk.
    void settle(const access::UserId& recipient);
    /// True if `recipient` still has a previous pin beside its current one (tests, diagnostics).
    [[nodiscard]] bool hasPrevious(const access::UserId& recipient) const;
    /// Checks the recipient's pin of kind `which` under `key` before anything is sealed to
    /// `publicKey`. Errors: IntegrityFailure naming `who` (no pin, a pin made under another key
    /// id, or a public key that does not match its pin: replaced), CryptoFailure.
    [[nodiscard]] Status check(PinKey which, const access::KeyEntry& key, const access::ClinicId& clinic,
                               const access::UserId& recipient, std::uint8_t role,
                               const std::array<std::uint8_t, 32>& publicKey, const std::string& who) const;
    /// True if `recipient` has a pin of kind `which` (made under any key id).
    [[nodiscard]] bool has(PinKey which, const access::UserId& recipient) const;
    /// True if no recipient has any pin (a clinic created before pins, or one whose pins were removed).
    [[nodiscard]] bool empty() const { return m_entries.empty(); }
    /// Drops a recipient's pins (its slot was deleted).
    void forget(const access::UserId& recipient);
    /// Drops a recipient's clinical pin only.
    void forgetClinical(const access::UserId& recipient);

private:
    struct Pin
    {
        std::uint32_t keyId = 0;
        crypto::Digest256 mac{};
    };
    struct Entry
    {
        std::optional<Pin> administrators;
        std::optional<Pin> clinical;
        // The pins of the slot being replaced, until its replacement is on disk (pinAccount).
        std::optional<Pin> previousAdministrators;
        std::optional<Pin> previousClinical;
    };
    static std::optional<Pin>& slotOf(Entry& entry, PinKey which, bool previous);
    static const std::optional<Pin>& slotOf(const Entry& entry, PinKey which, bool previous);
    std::map<std::string, Entry> m_entries; // by lower-case hex recipient id
};

} // namespace cc::services
