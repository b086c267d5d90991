// SPDX-License-Identifier: GPL-3.0-or-later
// The index seal in the clinic (issue 10 item 6; docs/RECORDS.md, "The index seal"): a doctor's
// session signs the multiset hash of the observation index and condition tokens with every unit of
// work that changes them; report runners, custodians and the whole-clinic verify recompute the hash
// and check the signature under a writer key they can verify but not forge.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/crypto/SecureBytes.h"
#include "core/ports/ClinicMetaStore.h"
#include "core/ports/ClinicalStore.h"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace cc::services {

class ClinicService;

/// Meta names: the signed seal and the chain of writer public keys.
inline constexpr std::string_view kIndexSealMeta = "index_seal";
inline constexpr std::string_view kIndexWritersMeta = "index_writers";

/// A seal that verified and matched the index as stored.
struct VerifiedIndex
{
    std::uint64_t seq = 0;
    ports::IndexDigest digest;
    std::array<std::uint8_t, 32> writer{}; ///< the writer public key that signed it
};

class IndexSealing
{
public:
    /// The writer public key of one clinical category key (records::indexWriterKey): what the
    /// ceremony pins in every staff ring (KeyKind::IndexWriterPin). Errors: CryptoFailure.
    [[nodiscard]] static Result<std::array<std::uint8_t, 32>> writerPublicKey(const crypto::SecureBytes& clinicalKey,
                                                                              const access::ClinicId& clinic);

    /// The ceremony: the writer chain rooted at the clinical key's writer, and the seal of the empty
    /// index (seq 1). Errors: CryptoFailure, storage errors.
    [[nodiscard]] static Status initialise(ports::ClinicMetaStore& meta, const access::ClinicId& clinic,
                                           const crypto::SecureBytes& clinicalKey, std::uint32_t clinicalKeyId);

    /// The sealer (ports::IndexSealer) of `clinic`'s sessions: checks the stored seal under the
    /// session's own writer key, adds `delta` and signs the result with seq + 1. Errors:
    /// AccessDenied (the session holds no clinical category key: administrators never change the
    /// index), IntegrityFailure (no seal, or one that does not verify: the index was changed outside
    /// CipherChart; nothing is written), storage errors.
    [[nodiscard]] static Status seal(ClinicService& clinic, const ports::IndexDigest& delta);

    /// At a doctor's login: a clinic whose index was never sealed (created before the seal) gets its
    /// first seal over the index as it is (trust on first use), audited and flagged for review.
    /// Returns true if it sealed. Errors: those of the computation; audited as a failure.
    [[nodiscard]] static Result<bool> sealFirstTime(ClinicService& clinic);

    /// Checks the index against its seal for the session's account: the writer key derived from the
    /// session's clinical key (a doctor), or the ring's IndexWriterPin followed along the signed
    /// writer chain (an administrator); the seal's signature under that key; then the multiset hash
    /// of every index and condition-token row, recomputed in one pass, equal to the sealed one.
    /// Errors: IntegrityFailure naming what does not hold (rows added, removed or altered since the
    /// last seal; a seal or chain that does not verify), Unsupported (an administrator's ring without
    /// the pin, from before the seal: see trustWriterOnFirstUse), storage errors.
    [[nodiscard]] static Result<VerifiedIndex> verify(ClinicService& clinic);
    /// The same check against a digest the caller computed over the rows it read (a report's one
    /// pass, reports::CellQuery::indexDigest) instead of reading the index again.
    [[nodiscard]] static Result<VerifiedIndex> verify(ClinicService& clinic, const ports::IndexDigest& computed);

    /// Trust on first use for an administrator whose ring predates the seal (no IndexWriterPin):
    /// they type the current writer public key (64 hex digits; spaces and case ignored) that a
    /// doctor's `verify` shows, and their password. It must be the writer chain's current key, and
    /// the index must verify under it (seal signature and recomputed hash); then the pin is added to
    /// the account's own slot (re-wrapped under the same, re-checked password), effective at the next
    /// login. Audited (a security event flagged for review). Errors: AccessDenied (not an
    /// administrator), AlreadyExists (the ring holds a pin), IntegrityFailure (another key, or an
    /// index that does not verify under it), WrongPassword, storage errors.
    [[nodiscard]] static Status trustWriterOnFirstUse(ClinicService& clinic, std::string_view writerHex,
                                                      std::span<const std::uint8_t> password);

    /// A clinical key rotation, inside its transaction: links the new writer key to the chain
    /// (signed by the old writer key) and re-signs the seal under it, after checking the seal under
    /// the old one. Idempotent (a finish repeated after a crash). A clinic never sealed is left so.
    /// Errors: IntegrityFailure (a chain or seal that does not verify under the old key), storage errors.
    [[nodiscard]] static Status followRotation(ports::ClinicMetaStore& meta, const access::ClinicId& clinic,
                                               const crypto::SecureBytes& oldKey, const crypto::SecureBytes& newKey,
                                               std::uint32_t newKeyId);

private:
    [[nodiscard]] static Result<VerifiedIndex> verifyTrusted(ClinicService& clinic, const ports::IndexDigest* computed);
};

} // namespace cc::services
