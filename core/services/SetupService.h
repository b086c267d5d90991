// SPDX-License-Identifier: GPL-3.0-or-later
// The key ceremony that creates a clinic (DESIGN.md section 4): every key, the first accounts, the
// threshold report key, the recovery key split into printed shares, and the first audit events.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"
#include "core/paillier/PrivateKey.h"
#include "core/ports/ClinicBackend.h"
#include "core/services/ServiceOptions.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cc::services {

/// An account created in the ceremony.
struct AccountSeed
{
    std::string name;
    crypto::SecureBytes password;
};

/// What `cipherchart-cli init` asks for.
struct SetupRequest
{
    std::string clinicName;
    bool demo = false;
    AccountSeed admin;
    /// Further administrator accounts that hold report-key shares. If empty, the admin is the only
    /// custodian (1-of-1). If the admin's name is listed, the admin is one of the custodians.
    std::vector<AccountSeed> custodians;
    bool adminIsCustodian = false;
    unsigned reportThreshold = 1;
    /// A first doctor: without one, the clinical category key lives only under the recovery key
    /// until a doctor account is created from it.
    std::optional<AccountSeed> doctor;
    unsigned recoveryShares = 3;
    unsigned recoveryThreshold = 2;
    /// 3072 (default) or 4096; 2048 only for tests.
    unsigned reportKeyBits = 3072;
    /// Where the report key's safe primes come from: empty generates them (tens of seconds at
    /// 3072 bits). Tests and the demo clinic pass a fixture key here; it is dealt and destroyed
    /// like a generated one. Its size must be reportKeyBits.
    std::function<Result<paillier::PrivateKey>()> reportKeySource;
    /// Accept a key from tests/data/paillier, whose private halves are published
    /// (paillier::KeyFile::isPublishedTestKey), for a clinic that is not a demo: only tests set it.
    bool allowPublishedTestKey = false;
    /// Progress of long steps ("report key", done, total); returning false cancels.
    std::function<bool(const std::string& step, int done, int total)> progress;
};

/// What the ceremony hands back: the descriptor, the recovery shares to print (never stored in the
/// clinic) and the sealed recovery ring the caller stores as recovery.ccr.
struct SetupResult
{
    ports::ClinicDescriptor descriptor;
    std::vector<std::string> recoveryShares;
    std::vector<std::uint8_t> recoveryBlob;
    std::string reportKeyId;
    /// SHA-256 of the pinned report-key record (ReportKeyPin), hex: print it with the ceremony's
    /// papers; accounts from before pinning compare it before trusting the key.
    std::string reportKeyFingerprint;
    unsigned custodianCount = 0;
};

/// Creates the clinic's backend for a new clinic id and DBK (db/ClinicStore::create).
using BackendFactory = std::function<Result<std::unique_ptr<ports::ClinicBackend>>(const ports::ClinicDescriptor&,
                                                                                   const crypto::SecureBytes&)>;

/// Runs the ceremony. On success the backend created through `factory` holds the key slots, the
/// database with its meta values and the audit chain started with one event per step.
/// The report key is pinned: its record (ReportKeyPin.h) is signed with the clinic key into meta
/// report_key_record and its fingerprint goes into every administrator's and doctor's ring and the
/// recovery ring. Errors: InvalidArgument (names, passwords, thresholds, a report key of another
/// size or a published test key for a real clinic), MalformedInput (report key size),
/// AlreadyExists (the folder holds a clinic), Cancelled, CryptoFailure, storage errors.
[[nodiscard]] Result<SetupResult> createClinic(const SetupRequest& request, const BackendFactory& factory,
                                               const Clock& clock, crypto::Rng& rng, const ServiceOptions& options,
                                               std::unique_ptr<ports::ClinicBackend>* backendOut = nullptr);

/// Associated data binding the recovery blob to its clinic.
[[nodiscard]] std::vector<std::uint8_t> recoveryAad(const access::ClinicId& clinicId);

} // namespace cc::services
