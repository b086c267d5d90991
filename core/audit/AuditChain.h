// SPDX-License-Identifier: GPL-3.0-or-later
// The audit hash chain with an evolving MAC key (forward integrity, Bellare-Yee 1997).
#pragma once

#include "core/Result.h"
#include "core/audit/AuditRecord.h"

#include <cstdint>
#include <span>

namespace cc::audit {

/// The chain construction (docs/AUDIT.md):
///   hash_i = SHA-256("CipherChart audit chain v1" || 0x00 || prev_hash_i || u64be(i) || body_i)
///   mac_i  = HMAC-SHA-256(A_i, hash_i)
///   A_{i+1} = HKDF-SHA-256(ikm = A_i, salt = empty, info = "cipherchart audit key evolve" || u64be(i), 32)
/// with A_1 = HKDF(A_0, info || u64be(0)); A_0 is the audit root key held by administrators and
/// never written to the store. Evolving the key through a one-way function and erasing the old one
/// means a key stolen at event n cannot forge events before n (Bellare and Yee, "Forward Integrity
/// for Secure Audit Logs", 1997; Schneier and Kelsey, "Secure Audit Logs to Support Computer
/// Forensics", 1999).
class AuditChain
{
public:
    static constexpr std::size_t kKeySize = 32;

    /// hash_i of a body at `seq` following `prevHash`.
    [[nodiscard]] static Digest256 linkHash(const Digest256& prevHash, std::uint64_t seq,
                                            std::span<const std::uint8_t> body);

    /// mac_i = HMAC-SHA-256(key, hash). Errors: InvalidArgument (key not 32 bytes), CryptoFailure.
    [[nodiscard]] static Result<Digest256> mac(const crypto::SecureBytes& key, const Digest256& hash);

    /// A_{seq+1} from A_seq. Errors: InvalidArgument (key not 32 bytes), CryptoFailure.
    [[nodiscard]] static Result<crypto::SecureBytes> evolveKey(const crypto::SecureBytes& key, std::uint64_t seq);

    /// A_seq derived from the root key A_0 (seq evolutions; seq 0 returns a copy of A_0).
    /// Errors: InvalidArgument (root key not 32 bytes), CryptoFailure.
    [[nodiscard]] static Result<crypto::SecureBytes> keyAt(const crypto::SecureBytes& rootKey, std::uint64_t seq);

    /// The state of an empty chain for a new clinic: seq 0, zero hash, key A_1.
    /// Errors: as keyAt.
    [[nodiscard]] static Result<AuditState> initialState(const crypto::SecureBytes& rootKey);

    /// Chains `body` after `state`: returns the record for seq state.seq + 1 and advances `state`
    /// (head hash, seq, key evolved; the old key is wiped). On error `state` is unchanged.
    /// Errors: InvalidArgument (bad key), Overflow (seq exhausted), CryptoFailure.
    [[nodiscard]] static Result<AuditRecord> seal(AuditState& state, std::vector<std::uint8_t> body);
};

} // namespace cc::audit
