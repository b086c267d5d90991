// SPDX-License-Identifier: GPL-3.0-or-later
// A patient's own identity and clinical keys, wrapped under the category keys (DESIGN.md section 4).
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/access/KeyRing.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cc::records {

/// Which of a patient's keys.
enum class PatientKeyKind : std::uint8_t {
    Identity = 1,    ///< seals the identity document; wrapped under the identity category key
    Clinical = 2,    ///< seals every clinical row; wrapped under the clinical category key
    Confidential = 3 ///< seals notes not shared with the patient; wrapped under the clinical
                     ///< category key and never put in a patient's own key ring (docs/RECORDS.md)
};

/// One unwrapped patient key with the id written into every blob it seals.
struct PatientKey
{
    std::uint32_t keyId = 0;
    crypto::SecureBytes secret;
};

/// A patient's keys and their wrapped forms as stored in the `patients` row.
struct WrappedPatientKeys
{
    std::uint32_t identityKeyId = 0;
    std::vector<std::uint8_t> identityWrapped;
    std::uint32_t clinicalKeyId = 0;
    std::vector<std::uint8_t> clinicalWrapped;
};

/// Per-patient key generation, wrapping and unwrapping. The wrap is AES-256-GCM under the category
/// key (identity: identity category; clinical and confidential: clinical category) with AAD "cc-pkey-v1" ‖ patient id ‖
/// kind ‖ patient key id, so a wrapped key copied to another patient or kind does not open. Unwrapping needs the
/// category key in the session's ring: an administrator's ring holds the identity category key and never the clinical
/// one.
class PatientKeys
{
public:
    /// A fresh random 32-byte key with a random non-zero key id.
    [[nodiscard]] static PatientKey generate(crypto::Rng& rng);
    /// Wraps `key` under the ring's category key for `kind`. Errors: AccessDenied (the ring lacks
    /// that category key), CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>> wrap(const access::KeyRing& ring, PatientKeyKind kind,
                                                                const access::PatientId& patient, const PatientKey& key,
                                                                crypto::Rng& rng);
    /// Unwraps a patient's key. Errors: AccessDenied (the ring lacks the category key),
    /// KeyMismatch (wrapped under another category key id), IntegrityFailure (altered, or wrapped
    /// for another patient, kind or key id), MalformedInput.
    [[nodiscard]] static Result<PatientKey> unwrap(const access::KeyRing& ring, PatientKeyKind kind,
                                                   const access::PatientId& patient, std::uint32_t keyId,
                                                   std::span<const std::uint8_t> wrapped);
    /// Generates both keys of a new patient and wraps them. Needs both category keys (a doctor's
    /// ring). Errors: as wrap().
    [[nodiscard]] static Result<WrappedPatientKeys> createFor(const access::KeyRing& ring,
                                                              const access::PatientId& patient, crypto::Rng& rng,
                                                              PatientKey* identityOut = nullptr,
                                                              PatientKey* clinicalOut = nullptr);
};

} // namespace cc::records
