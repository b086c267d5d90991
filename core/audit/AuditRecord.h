// SPDX-License-Identifier: GPL-3.0-or-later
// What the audit store keeps: one chained record per event, and the writer's state row.
#pragma once

#include "core/crypto/Kdf.h"
#include "core/crypto/SecureBytes.h"

#include <cstdint>
#include <vector>

namespace cc::audit {

using Digest256 = crypto::Digest256;

/// One row of the append-only audit table: the canonical event body and its chain values.
/// seq starts at 1; the first record's prevHash is 32 zero bytes.
struct AuditRecord
{
    std::uint64_t seq = 0;
    std::vector<std::uint8_t> body; ///< encodeEvent() bytes
    Digest256 prevHash{};           ///< hash of record seq-1
    Digest256 hash{};               ///< SHA-256(tag || prevHash || seq || body), see AuditChain
    Digest256 mac{};                ///< HMAC-SHA-256(A_seq, hash)

    friend bool operator==(const AuditRecord&, const AuditRecord&) = default;
};

/// The writer's state row: the head of the chain and the current MAC key A_{seq+1}. Only the
/// current key is ever kept; each older key is wiped when it evolves (forward integrity).
struct AuditState
{
    std::uint64_t seq = 0;      ///< seq of the last record (0: no record yet)
    Digest256 hash{};           ///< hash of the last record (zeros if none)
    crypto::SecureBytes macKey; ///< A_{seq+1}, 32 bytes

    /// A deep copy (the key is secret: copies should be visible in the code).
    [[nodiscard]] AuditState clone() const { return AuditState{seq, hash, macKey.clone()}; }
};

} // namespace cc::audit
