// SPDX-License-Identifier: GPL-3.0-or-later
// The report file (.ccrep): a versioned container signed with the clinic's Ed25519 key, holding
// the spec, the report key id, the clinic id, the time and per cell its Paillier ciphertext
// (encrypted report) or its disclosure-controlled figures (published report). docs/REPORTS.md.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/crypto/Kdf.h"
#include "core/paillier/PublicKey.h"
#include "core/reports/ReportSpec.h"

#include <QStringList>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cc::reports {

/// A random 128-bit report id.
using ReportId = std::array<std::uint8_t, 16>;

/// One histogram bin as published: [from, to) in the measure's unit and its row count.
struct HistogramBin
{
    double from = 0;
    double to = 0;
    std::uint64_t count = 0;
};

/// A cell's published figures. A suppressed cell carries only its reason.
struct CellFigures
{
    bool suppressed = false;
    QString reason; ///< "fewer than 11 patients", "complementary suppression"
    std::uint64_t patients = 0;
    std::uint64_t observations = 0;
    double mean = 0;
    double sd = 0;             ///< sample standard deviation (n − 1); 0 for one observation
    double medianEstimate = 0; ///< interpolated from the histogram
    double p25Estimate = 0;
    double p75Estimate = 0;
    std::vector<HistogramBin> histogram; ///< after merging bins with too few rows
};

/// A cell: its key, its layout and either its ciphertext (wire form) or its figures.
struct ReportCell
{
    ReportCellKey key;
    std::uint16_t layoutId = 0;
    std::vector<std::uint8_t> ciphertext; ///< encrypted and exported reports
    CellFigures figures;                  ///< published reports only
    /// Exported reports only: a plain-number ciphertext under the network key of
    /// patients + observations·2^40 + withheld·2^80 (docs/REPORTS.md, federation).
    std::vector<std::uint8_t> tally;
};

/// The contents of a report file.
struct ReportFile
{
    static constexpr std::uint8_t kFormatVersion = 1;
    /// Encrypted: a clinic's cells under its report key. Published: figures. Exported: a clinic's
    /// cells re-encrypted under a research network's key, for merging (docs/REPORTS.md).
    enum class Kind : std::uint8_t { Encrypted = 1, Published = 2, Exported = 3 };

    Kind kind = Kind::Encrypted;
    ReportSpec spec;
    crypto::Digest256 specSha256{};
    ReportId reportId{};
    access::ClinicId clinicId{};
    QString clinicName;
    paillier::KeyId keyId{};
    std::int64_t createdAtMs = 0;
    std::vector<ReportCell> cells;
    // Published reports only.
    crypto::Digest256 sourceSha256{};      ///< SHA-256 of the encrypted report file it decrypts
    std::vector<std::uint32_t> custodians; ///< whose partial decryptions were combined
    std::uint32_t minimumCellSize = 0;     ///< the clinic's threshold when published
    /// Network reports only (published from a merge): the sites merged, "clinic name (signer
    /// fingerprint)". Exported reports carry sourceSha256 (the clinic's encrypted report).
    QStringList sites;
    // Set by read(): who signed it.
    std::array<std::uint8_t, 32> signerPublicKey{};

    /// The signed file: "CCRP", version, kind, u32 body length, the body (compact JSON, members
    /// sorted), then the 64-byte Ed25519 signature over everything before it (RFC 8032).
    [[nodiscard]] std::vector<std::uint8_t> sign(const crypto::Ed25519PrivateKey& signer) const;
    /// Parses a file and checks its own signature (the caller compares signerPublicKey with the
    /// clinic's key). The spec is re-validated and must hash to specSha256; every cell must be the
    /// spec's cell with the same index. Errors: IntegrityFailure naming the problem (any format,
    /// signature or consistency failure of a report file is tampering), Unsupported (version).
    [[nodiscard]] static Result<ReportFile>
    read(std::span<const std::uint8_t> bytes,
         const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn());
    /// SHA-256 of the first 8 bytes of the signer key, hex: a short fingerprint for outputs.
    [[nodiscard]] std::string signerFingerprint() const;
};

/// Lower-case hex of a report id, and back. Errors: MalformedInput.
[[nodiscard]] std::string reportIdHex(const ReportId& id);
[[nodiscard]] Result<ReportId> reportIdFromHex(const std::string& hex);

} // namespace cc::reports
