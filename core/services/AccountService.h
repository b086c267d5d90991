// SPDX-License-Identifier: GPL-3.0-or-later
// Accounts and roles (DESIGN.md sections 1, 4): create, list, disable, enable, reset, unlock, set role.
#pragma once

#include "core/Result.h"
#include "core/access/KeySlotFile.h"
#include "core/access/Role.h"
#include "core/crypto/SecureBytes.h"
#include "core/services/ClinicService.h"
#include "core/services/Revocation.h"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace cc::services {

/// A doctor who vouches for a new doctor account by entering their own password. Administrators
/// never hold the clinical category key (DESIGN.md section 4), so giving an account clinical
/// access takes a doctor: a two-person rule the clinic can see in the audit trail.
struct Sponsor
{
    std::string name;
    crypto::SecureBytes password;
};

/// An account as the administrator sees it: no key, salt or wrapped ring.
struct AccountSummary
{
    access::AccountInfo info;
    bool enabled = true;    ///< false: the slot was deleted (the account decrypts nothing)
    bool custodian = false; ///< holds a report-key share
};

/// Account administration for the logged-in administrator. Each call checks ManageAccounts (or
/// ManageRoles, UnlockAccount) and writes one audit event, denials included.
class AccountService
{
public:
    explicit AccountService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Every account, enabled and disabled. Errors: AccessDenied, SessionLocked, storage errors.
    [[nodiscard]] Result<std::vector<AccountSummary>> list();
    /// Creates an account with a temporary password the user must change at first login.
    /// A doctor needs `sponsor` (a doctor's name and password). Patient accounts are linked to a
    /// patient record and are created with the record. Errors: AccessDenied, InvalidArgument
    /// (name, password, sponsor missing or not a doctor), AlreadyExists, WrongPassword (sponsor),
    /// Unsupported (patient), storage errors.
    [[nodiscard]] Result<access::UserId> create(const std::string& name, access::Role role,
                                                std::span<const std::uint8_t> temporaryPassword,
                                                const Sponsor* sponsor = nullptr);
    /// Creates a patient's own account for the record with `mrn` (ManagePatientAccounts): the
    /// ring holds the DBK, that patient's identity and clinical keys and the two research consent
    /// token values (computed with the sponsor's index key, which the patient never holds). The clinical key is
    /// unwrapped by a sponsoring doctor (`sponsor`). Errors: AccessDenied, NotFound (MRN),
    /// AlreadyExists (name, or the patient has an account), WrongPassword (sponsor), storage errors.
    [[nodiscard]] Result<access::UserId> createPatientAccount(const std::string& name, const std::string& mrn,
                                                              std::span<const std::uint8_t> temporaryPassword,
                                                              const Sponsor* sponsor);
    /// Disables an account by deleting its slot, then revokes what an old copy of that slot would
    /// still open (issue 10 item 7, docs/KEYS.md section 8 "Revocation"): the identity and database
    /// keys it held are rotated at once (the session takes the new keys and goes on; the DBK rotation
    /// re-encrypts the whole database), and the clinical key a doctor held is rotated at once with
    /// `sponsor` (a doctor) or else by the next doctor's login, pending until then. Refuses the
    /// caller's own account, the last administrator and report-key custodians (their share would be
    /// lost). A failed rotation does not undo the disabling: it stays pending and is named in
    /// Revocation::problem. One audit event for the disabling, one per rotation.
    [[nodiscard]] Result<Revocation> disable(const std::string& name, const Sponsor* sponsor = nullptr);
    /// Gives a disabled account a new slot (same user id and role) with a temporary password.
    [[nodiscard]] Status enable(const std::string& name, std::span<const std::uint8_t> temporaryPassword,
                                const Sponsor* sponsor = nullptr);
    /// Replaces a forgotten password by a temporary one (a new slot with the same id and role).
    /// Refused for custodians, whose share exists only in their slot.
    [[nodiscard]] Status resetPassword(const std::string& name, std::span<const std::uint8_t> temporaryPassword,
                                       const Sponsor* sponsor = nullptr);
    /// Lifts a back-off or suspension after failed logins (UnlockAccount).
    [[nodiscard]] Status unlock(const std::string& name);
    /// Changes an account's role: a new slot with the new role's keys and a temporary password
    /// (ManageRoles). Refused for custodians and for the caller's own account. A doctor given
    /// another role loses the clinical key: its rotation becomes pending (performed at once if
    /// `sponsor` is given, else by the next doctor's login), as for disable().
    [[nodiscard]] Status setRole(const std::string& name, access::Role role,
                                 std::span<const std::uint8_t> temporaryPassword, const Sponsor* sponsor = nullptr);

private:
    struct Disabled
    {
        access::UserId userId{};
        std::string name;
        access::Role role = access::Role::Doctor;
    };
    Result<std::vector<Disabled>> disabledAccounts();
    Status storeDisabled(const std::vector<Disabled>& accounts);
    Result<access::KeyRing> sponsorRing(const Sponsor* sponsor);
    /// Adds or replaces the slot of `name` through `mutate` and pins its box public key under the
    /// session's keys (docs/KEYS.md section 8), the pins saved before the key-slot file; if the
    /// file did not take the slot, the previous pins are put back.
    Status saveSlotPinned(const std::string& name, const access::KeyRing& newRing,
                          const std::function<Status(access::KeySlotFile&)>& mutate);
    Result<access::KeyRing> ringFor(access::Role role, const Sponsor* sponsor, std::string& detail);
    Status replaceSlot(const std::string& name, access::Role role, std::span<const std::uint8_t> temporaryPassword,
                       const Sponsor* sponsor, const AuditSubject& subject, access::Permission permission);

    ClinicService& m_clinic;
};

} // namespace cc::services
