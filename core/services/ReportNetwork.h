// SPDX-License-Identifier: GPL-3.0-or-later
// Federated reports (DESIGN.md section 6, docs/REPORTS.md "Federation"): a research network's
// threshold Paillier key with passphrase-protected custodian key files, the merge of clinics'
// exported report files, and the network custodians' two-stage quorum decryption of the merged
// totals only.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/PasswordHash.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/Threshold.h"
#include "core/reports/DecryptionShare.h"
#include "core/reports/ReportFile.h"

#include <QString>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::services {

/// A research network's public key file: the Paillier key, its threshold parameters (v, v_i), the
/// network's disclosure rules and the network signing key, bound by a record signed at the
/// ceremony. The record is
///   "CipherChart research network key record v1" ‖ 0x00 ‖ key id (8) ‖ SHA-256(canonical public
///   key "CCPK"…) ‖ SHA-256(canonical threshold parameters JSON) ‖ u32 minimum cell size ‖
///   u32 minimum sites ‖ signer public key (32) ‖ SHA-256(name, UTF-8)
/// and the fingerprint is SHA-256(record): clinics check it before exporting (given out of band,
/// like the clinic's report-key fingerprint), and every custodian key file pins it.
struct NetworkKey
{
    QString name;
    paillier::PublicKey key;
    paillier::ThresholdParameters parameters;
    std::uint32_t minimumCellSize = 11; ///< distinct patients per published merged cell (≥ 5)
    std::uint32_t minimumSites = 2;     ///< distinct clinics per merge (≥ 2)
    std::array<std::uint8_t, 32> signer{};

    [[nodiscard]] std::vector<std::uint8_t> record() const;
    [[nodiscard]] crypto::Digest256 fingerprint() const;
    [[nodiscard]] std::string fingerprintHex() const;
    /// The public file (indented JSON): {"format": "cipherchart-network-key", "version": 1, "name",
    /// "key" (public JWK), "threshold", "minimumCellSize", "minimumSites", "signer", "signature"}.
    [[nodiscard]] std::string toJson(const crypto::Ed25519PrivateKey& signingKey) const;
    /// Strict reader (no member but those toJson writes; the JWK exactly as KeyFile::publicJwk
    /// writes it): the JWK (report key size, derived DJN base, kid), the threshold parameters
    /// (same key id; v and v_i units other than 1), the rules, the record's Ed25519 signature and,
    /// if present, the written fingerprint. Errors: MalformedInput naming the member,
    /// IntegrityFailure (signature, fingerprint, parameters of another key), KeyMismatch (the JWK's
    /// kid is not its key's id), Unsupported (version).
    [[nodiscard]] static Result<NetworkKey> fromJson(std::string_view json, const std::string& file = {});
};

/// What a custodian key file opens to: the network's share of this custodian and the network
/// signing key (to sign the published merged report).
struct NetworkCustodian
{
    NetworkKey network;
    paillier::ThresholdShare share;
    crypto::Ed25519PrivateKey signingKey;
    QString name;
};

/// What `network init` produces: the public file and one key file per custodian.
struct NetworkCeremony
{
    NetworkKey network;
    std::string publicJson;
    std::vector<std::string> custodianFiles; ///< JSON, in custodian order (index 1 … l)
};

/// Network ceremony: deals a t-of-l sharing of `key` (consumed), makes the network signing key,
/// signs the record and seals each custodian's share and the signing seed under their passphrase
/// (Argon2id with `kdf`, then AES-256-GCM whose associated data binds the network fingerprint and
/// the custodian index). Errors: InvalidArgument (t, l, names, passphrase count, rules below their
/// floors: minimum cell size 5, minimum sites 2), MalformedInput (key not from safe primes, not a
/// report key size), CryptoFailure.
[[nodiscard]] Result<NetworkCeremony> createNetwork(paillier::PrivateKey&& key, const QString& name,
                                                    const std::vector<QString>& custodians, std::uint32_t threshold,
                                                    std::uint32_t minimumCellSize, std::uint32_t minimumSites,
                                                    const std::vector<crypto::SecureBytes>& passphrases,
                                                    const crypto::Argon2Params& kdf, crypto::Rng& rng);

/// Opens a custodian key file with its passphrase against the network public file it must belong
/// to. Errors: WrongPassword (passphrase or tampered file: AES-GCM cannot tell them apart),
/// IntegrityFailure (the file was made for another network key: the pinned fingerprint differs),
/// MalformedInput naming the member.
[[nodiscard]] Result<NetworkCustodian> openCustodianFile(std::string_view json, const NetworkKey& network,
                                                         std::span<const std::uint8_t> passphrase,
                                                         const std::string& file = {});

/// The network's member clinics: their report-signing public keys, in a list signed with the
/// network signing key ("CipherChart network members v1" ‖ network fingerprint ‖ per member,
/// sorted by key: signer (32) ‖ SHA-256(name)). Custodians decrypt merges of members only, so a
/// merger cannot pose as several clinics with keys of its own to isolate one real clinic.
struct NetworkMembers
{
    struct Member
    {
        QString name;
        std::array<std::uint8_t, 32> signer{};
    };
    std::vector<Member> members; ///< sorted by signer

    [[nodiscard]] bool contains(const std::array<std::uint8_t, 32>& signer) const;
    /// The signed file (indented JSON): {"format": "cipherchart-network-members", "version": 1,
    /// "network": fingerprint, "members": [{"name", "signer"}], "signature"}.
    [[nodiscard]] std::string toJson(const NetworkKey& network, const crypto::Ed25519PrivateKey& signingKey) const;
    /// Strict reader (no member but those toJson writes): the network fingerprint and the signature
    /// by the network signing key.
    /// Errors: MalformedInput naming the member, IntegrityFailure (signature, another network, a
    /// signer listed twice), Unsupported (version).
    [[nodiscard]] static Result<NetworkMembers> fromJson(std::string_view json, const NetworkKey& network,
                                                         const std::string& file = {});
};

/// Packing of an exported cell's plain-number tally: patients + observations·2^40 + withheld·2^80.
struct CellTally
{
    std::uint64_t patients = 0;
    std::uint64_t observations = 0;
    std::uint64_t withheldSites = 0;
    [[nodiscard]] paillier::Plaintext encode() const;
    /// Errors: Overflow (a field beyond its bits, a negative value).
    [[nodiscard]] static Result<CellTally> decode(const paillier::Plaintext& value);
};

/// A merge of clinics' exported report files: each checked (format, its clinic's signature, kind
/// exported, the network key id, the same spec, every ciphertext 0 < c < n² and gcd(c, n) = 1), the
/// signers and clinic ids distinct, then per cell the product of the figures and of the tallies.
struct MergedReport
{
    std::vector<reports::ReportFile> sites; ///< sorted by signer key
    std::vector<std::vector<std::uint8_t>> files;
    reports::ReportSpec spec;
    crypto::Digest256 specSha256{};
    reports::ReportId id{}; ///< the first 16 bytes of SHA-256(bundle())
    std::vector<paillier::Ciphertext> figures;
    std::vector<paillier::Ciphertext> tallies;

    /// "CCRM" ‖ version 1 ‖ u32 number of files ‖ per file u32 length ‖ bytes (sorted by signer).
    [[nodiscard]] std::vector<std::uint8_t> bundle() const;
    /// The sites as "clinic name (signer fingerprint)".
    [[nodiscard]] QStringList siteNames() const;
};

/// Merges exported files (any order) for `network`, refusing fewer than `minimumSites` distinct
/// clinics (and never fewer than the network's own minimum). Errors: IntegrityFailure (a tampered
/// file, one clinic or signer twice), KeyMismatch (another network key), InvalidArgument (not an
/// exported report, different specs), AccessDenied (fewer sites than the minimum; with `members`,
/// a signer that is not a listed member).
[[nodiscard]] Result<MergedReport>
mergeExports(const std::vector<std::vector<std::uint8_t>>& files, const NetworkKey& network, std::uint32_t minimumSites,
             const NetworkMembers* members = nullptr,
             const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn());
/// Reads a merged bundle and redoes every check and product of mergeExports (nobody trusts the
/// merger), every site a listed member. Errors: as mergeExports(), IntegrityFailure for a bundle
/// that does not parse.
[[nodiscard]] Result<MergedReport>
openMerged(std::span<const std::uint8_t> bundle, const NetworkKey& network, const NetworkMembers& members,
           const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn());

/// A network custodian's own record of the merges it gave figure partials for: per merge the
/// sorted measure codes and the sites' signer keys. Differencing two merges over the same measures
/// whose site sets differ by fewer than the network's minimum number of sites would reveal those
/// sites' totals, so such a merge is refused. Kept by each custodian next to their key file.
struct NetworkLedger
{
    struct Entry
    {
        std::string measures;                            ///< sorted codes, comma-separated
        std::vector<std::array<std::uint8_t, 32>> sites; ///< sorted signer keys
    };
    std::vector<Entry> entries;

    /// Compact JSON: {"format": "cipherchart-network-ledger", "version": 1, "merges": [...]}.
    [[nodiscard]] std::string toJson() const;
    /// Strict reader. Errors: MalformedInput naming the member, Unsupported (version).
    [[nodiscard]] static Result<NetworkLedger> fromJson(std::string_view json, const std::string& file = {});
    /// Refuses `merged` when an earlier merge over the same measures has a site set differing from
    /// it by 1 … minimumSites − 1 sites either way (the same set again passes). Errors: AccessDenied
    /// with the reason.
    [[nodiscard]] Status check(const MergedReport& merged, const NetworkKey& network) const;
    /// Records `merged` (once per site set).
    void record(const MergedReport& merged);
};

/// The proof context of a merged cell's tally (stage 1) or figures (stage 2).
[[nodiscard]] std::vector<std::uint8_t> networkContext(const reports::ReportId& id, std::uint32_t cell, bool tally);

/// A network custodian's partial decryptions. Stage 1 (`tallyShares` empty): the tallies of every
/// merged cell. Stage 2: combines t valid stage-1 partials from `tallyShares` itself, plans the
/// suppression from the merged distinct-patient counts and gives partials of the released cells'
/// figures only; with a `ledger` it first refuses a differencing pair (NetworkLedger::check) and
/// records the merge. Errors: InvalidArgument (fewer than t valid tally partials), AccessDenied
/// (nothing releasable, differencing), IntegrityFailure, Overflow.
[[nodiscard]] Result<reports::DecryptionShare>
networkDecryptShare(const MergedReport& merged, const NetworkCustodian& custodian,
                    const std::vector<std::vector<std::uint8_t>>& tallyShares, crypto::Rng& rng,
                    NetworkLedger* ledger = nullptr,
                    const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn());

/// What a network publication produced.
struct NetworkPublication
{
    std::vector<std::uint8_t> file; ///< the published report, signed with the network signing key
    reports::ReportFile report;
    std::vector<std::string> rejectedPartials;
};

/// Combines the tallies (stage-1 partials) and the released figures (stage-2 partials) from
/// `shares`, naming and skipping invalid partials, and writes the published merged report with the
/// network's disclosure control. Errors: InvalidArgument (fewer than t valid partials of a cell),
/// IntegrityFailure, Overflow.
[[nodiscard]] Result<NetworkPublication>
networkPublish(const MergedReport& merged, const NetworkCustodian& custodian,
               const std::vector<std::vector<std::uint8_t>>& shares, const Clock& clock,
               const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn());

} // namespace cc::services
