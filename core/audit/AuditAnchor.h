// SPDX-License-Identifier: GPL-3.0-or-later
// The audit anchor: the chain head copied outside the database, so truncation and rollback show.
#pragma once

#include "core/Result.h"
#include "core/TaggedId.h"
#include "core/audit/AuditRecord.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cc::audit {

/// The clinic's random 128-bit id (core/TaggedId.h).
using cc::ClinicId;

/// Head of the chain at the last successful write: seq and hash/mac of that record (zeros for
/// seq 0, an empty chain).
struct AuditAnchor
{
    ClinicId clinicId{};
    std::uint64_t seq = 0;
    Digest256 hash{};
    Digest256 mac{};

    friend bool operator==(const AuditAnchor&, const AuditAnchor&) = default;

    /// The versioned text form (six LF-terminated lines, last a SHA-256 checksum of the others):
    ///   CipherChart audit anchor 1 / clinic=<32 hex> / seq=<decimal> / hash=<64 hex> /
    ///   mac=<64 hex> / check=<64 hex>
    /// The checksum tells a damaged file apart from an intact older one; it is not a signature.
    [[nodiscard]] std::string encode() const;

    /// Parses the text form strictly. Errors: MalformedInput naming the field ("check" when the
    /// checksum does not match: a damaged file), Unsupported (an unknown version line).
    [[nodiscard]] static Result<AuditAnchor> parse(std::string_view text);
};

} // namespace cc::audit
