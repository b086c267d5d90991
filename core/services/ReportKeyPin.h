// SPDX-License-Identifier: GPL-3.0-or-later
// The clinic's report key, pinned at the key ceremony: a record signed with the clinic signing key
// and its SHA-256 in every staff key ring, checked before any value is encrypted (docs/PAILLIER.md).
#pragma once

#include "core/Result.h"
#include "core/access/KeyRing.h"
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/paillier/PublicKey.h"
#include "core/paillier/Threshold.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::services {

class ClinicService;

/// Meta name of the signed report-key record (JSON; see ReportKeyPin::signedRecordJson).
inline constexpr std::string_view kReportKeyRecordMeta = "report_key_record";

/// A report key that matched the pin of the session's ring and the ceremony's signed record.
struct VerifiedReportKey
{
    paillier::PublicKey publicKey;
    paillier::ThresholdParameters parameters;
    /// meta report_threshold in canonical form (compact JSON, sorted keys): parameters and custodians.
    std::string thresholdJson;
    /// SHA-256 of the record: the value pinned in the rings and shown to administrators.
    std::array<std::uint8_t, 32> fingerprint{};
};

/// The report-key record and its checks. The record is
///   "CipherChart report key record v1" ‖ 0x00 ‖ key id (8) ‖ SHA-256(canonical public key
///   encoding, "CCPK"…) ‖ SHA-256(canonical meta report_threshold JSON)
/// and its fingerprint is SHA-256(record). The ceremony signs the record with the clinic's Ed25519
/// key (meta report_key_record) and puts the fingerprint into every administrator's and doctor's
/// key ring (KeyKind::ReportKeyPin). Whoever can write the database can replace meta values, but
/// not the rings (AES-GCM under each account's password) nor the signature.
class ReportKeyPin
{
public:
    /// Per-part digests of a record, to name what differs.
    struct Parts
    {
        paillier::KeyId keyId{};
        std::array<std::uint8_t, 32> publicKeyDigest{};
        std::array<std::uint8_t, 32> thresholdDigest{};
    };

    /// Canonical form of a meta report_threshold value (compact JSON with sorted keys), checked to
    /// hold "parameters" for `key`. Errors: MalformedInput (JSON, parameters), IntegrityFailure
    /// (parameters of another key id).
    [[nodiscard]] static Result<std::string> canonicalThreshold(std::string_view json, const paillier::PublicKey& key,
                                                                paillier::ThresholdParameters* parameters = nullptr);
    /// The parts of the record of `key` and a canonical threshold JSON.
    [[nodiscard]] static Parts partsOf(const paillier::PublicKey& key, std::string_view canonicalThresholdJson);
    /// The record bytes of `parts`.
    [[nodiscard]] static std::vector<std::uint8_t> record(const Parts& parts);
    /// SHA-256 of record(parts).
    [[nodiscard]] static std::array<std::uint8_t, 32> fingerprint(const Parts& parts);
    /// The signed record for meta report_key_record: {"version": 1, "keyId", "publicKey",
    /// "threshold", "fingerprint", "signature"} (hex; the signature is Ed25519 over record(parts)).
    [[nodiscard]] static std::string signedRecordJson(const Parts& parts, const crypto::Ed25519PrivateKey& signer);

    /// Verifies the clinic's meta values against `ring`'s pin and the signed record:
    /// the JWK (derived DJN base, report key size), the threshold parameters of the same key id,
    /// the fingerprint equal to the ring's ReportKeyPin (constant-time compare), the signed record
    /// present, matching and verifying under `signingPublicKey` (which must be the public half of
    /// the ring's ClinicSigning key if the ring holds one). Errors: IntegrityFailure naming what
    /// differs (the public key, the threshold parameters, the record, the signature) or that the
    /// ring holds no pin (accounts from before pinning: see trustOnFirstUse); MalformedInput
    /// (values that do not parse, with the meta name as file).
    [[nodiscard]] static Result<VerifiedReportKey> verify(std::string_view publicJwk, std::string_view thresholdJson,
                                                          std::optional<std::string_view> signedRecord,
                                                          std::span<const std::uint8_t> signingPublicKey,
                                                          const access::KeyRing& ring);

    /// verify() with the clinic's meta values and the session's ring: what every writer of a
    /// Paillier ciphertext calls before encrypting. Errors: as verify(), NotFound (no report key),
    /// the session's errors (AccessDenied, SessionLocked, SessionExpired), storage errors.
    [[nodiscard]] static Result<VerifiedReportKey> load(ClinicService& clinic);

    /// The fingerprint of the clinic's current meta values, unverified, for an administrator to
    /// compare with the ceremony's printout before trustOnFirstUse. Errors: NotFound, MalformedInput.
    [[nodiscard]] static Result<std::array<std::uint8_t, 32>> currentFingerprint(ClinicService& clinic);

    /// Trust on first use, for an account whose ring predates pinning: the logged-in administrator
    /// or doctor types the fingerprint they compared (hex, case-insensitive) and their password.
    /// The fingerprint must equal currentFingerprint(). An administrator (who holds the clinic
    /// signing key) writes the signed record if the clinic has none (clinics from before pinning);
    /// a doctor needs it to exist and verify. The pin is added to the account's own slot (re-wrapped
    /// under the same, re-checked password) and takes effect at the next login. Audited (success or
    /// failure, with the fingerprint). Errors: AccessDenied (patients, no session), AlreadyExists
    /// (the ring holds a pin), IntegrityFailure (fingerprint or signed record differ),
    /// WrongPassword, storage errors.
    [[nodiscard]] static Status trustOnFirstUse(ClinicService& clinic, std::string_view fingerprintHex,
                                                std::span<const std::uint8_t> password);
};

} // namespace cc::services
