// SPDX-License-Identifier: GPL-3.0-or-later
// One custodian's partial decryptions of a report's released cells, with their proofs.
#pragma once

#include "core/Result.h"
#include "core/crypto/Kdf.h"
#include "core/paillier/Threshold.h"
#include "core/reports/ReportFile.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc::reports {

/// A partial decryption of one cell.
struct CellPartial
{
    std::uint32_t cell = 0;
    paillier::PartialDecryption partial;
};

/// What a custodian hands over: stored in the clinic (report_partials) and, for a custodian at
/// another workstation, written to a share file. Not signed: every partial carries a proof bound to
/// the report id and cell index, checked against the custodian's verification key at publication.
struct DecryptionShare
{
    static constexpr std::uint8_t kFormatVersion = 1;

    ReportId reportId{};
    crypto::Digest256 specSha256{};
    paillier::KeyId keyId{};
    std::uint32_t custodian = 0;
    std::vector<CellPartial> partials;

    /// "CCRS", version, u32 length, compact JSON body with base64url integers.
    [[nodiscard]] std::vector<std::uint8_t> encode() const;
    /// Strict reader. Errors: MalformedInput{file, 0, field}, Unsupported (version).
    [[nodiscard]] static Result<DecryptionShare> decode(std::span<const std::uint8_t> bytes,
                                                        const std::string& file = {});
};

/// The bytes bound into a cell's partial-decryption proof: "CipherChart report cell v1" ‖ report id ‖
/// u32 cell index (big-endian).
[[nodiscard]] std::vector<std::uint8_t> partialContext(const ReportId& reportId, std::uint32_t cell);

} // namespace cc::reports
