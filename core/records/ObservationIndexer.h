// SPDX-License-Identifier: GPL-3.0-or-later
// The index row of an observation: blind tokens, packed Paillier value and its MAC (DESIGN.md 5, 6).
#pragma once

#include "core/Result.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/model/Observation.h"
#include "core/model/Patient.h"
#include "core/paillier/PackedLayout.h"
#include "core/paillier/PublicKey.h"
#include "core/ports/ClinicalStore.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace cc::records {

/// What the index keeps of a numeric value: its packed layout and fixed-point integer.
struct IndexedValue
{
    paillier::PackedLayout layout;
    std::uint64_t encoded = 0;
};

/// Builds observation index rows, the one pipeline of the chart form and of every import: tokens
/// of code, sex, age band, year and research consent; the packed Paillier ciphertext of the value
/// (catalogue layout, or the generic layout of its (code, unit) pair); and the row MAC over row id
/// and ciphertext. Holds references to the keys it is given, which must outlive it.
class ObservationIndexer
{
public:
    /// Observations encrypted per Paillier batch by encryptAll().
    static constexpr std::size_t kBatchSize = 256;

    ObservationIndexer(const crypto::SecureBytes& indexKey, const paillier::PublicKey& reportKey,
                       const interop::UnitsCatalogue& catalogue)
        : m_indexKey(indexKey), m_reportKey(reportKey), m_catalogue(catalogue)
    {}

    /// The layout and integer of a stored observation's value (catalogued values are in their
    /// canonical unit, others as given), or nullopt when it gets no Paillier value: no numeric
    /// value, a catalogue code too wide for a packed sum, or a generic value outside the generic
    /// range. Errors: MalformedInput (field "value": a catalogued value outside its range),
    /// layout errors.
    [[nodiscard]] Result<std::optional<IndexedValue>> valueOf(const model::Observation& observation) const;

    /// The index row without Paillier fields: tokens of code, sex, age band (none if the birth
    /// date is missing or after the observation), year and research consent ("no" if the patient
    /// opted out), under the patient's reference `ref` (records::patientRef). Errors:
    /// MalformedInput (dates), CryptoFailure.
    [[nodiscard]] Result<ports::ObservationIndexRow>
    tokens(const model::Patient& patient, const access::PatientRef& ref, const model::Observation& observation) const;

    /// tokens() plus the encrypted value and its MAC (if valueOf() gives one). Errors: as those,
    /// Overflow (a layout too wide for the report key).
    [[nodiscard]] Result<ports::ObservationIndexRow> index(const model::Patient& patient, const access::PatientRef& ref,
                                                           const model::Observation& observation,
                                                           crypto::Rng& rng) const;

    /// Encrypts the values of many observations, grouped by layout, kBatchSize at a time on
    /// `threads` threads: one ciphertext blob per observation, empty where valueOf() is nullopt.
    /// `advance(done)` is called after each batch with the number of observations handled so
    /// far; returning false stops with Cancelled. Errors: as valueOf(), Overflow, Cancelled.
    [[nodiscard]] Result<std::vector<std::vector<std::uint8_t>>>
    encryptAll(const std::vector<model::Observation>& observations, crypto::Rng& rng, unsigned threads,
               const std::function<bool(std::size_t)>& advance) const;

    /// Sets the row's ciphertext and its MAC. Errors: CryptoFailure.
    [[nodiscard]] Status attach(ports::ObservationIndexRow& row, std::vector<std::uint8_t> paillier) const;

    /// HMAC-SHA-256(index key, row id ‖ ciphertext), checked before a value enters any sum.
    [[nodiscard]] static Result<crypto::Digest256>
    rowMac(const crypto::SecureBytes& indexKey, const model::RowId& rowId, std::span<const std::uint8_t> ciphertext);
    /// The same MAC under an index key prepared once (a report checks every selected row's MAC).
    [[nodiscard]] static Result<crypto::Digest256> rowMac(const crypto::HmacSha256& indexKey, const model::RowId& rowId,
                                                          std::span<const std::uint8_t> ciphertext);
    /// The research consent token: BlindToken of "yes" (`consents`) or "no". Errors: CryptoFailure.
    [[nodiscard]] static Result<std::vector<std::uint8_t>> consentToken(const crypto::SecureBytes& indexKey,
                                                                        bool consents);

private:
    const crypto::SecureBytes& m_indexKey;
    const paillier::PublicKey& m_reportKey;
    const interop::UnitsCatalogue& m_catalogue;
};

} // namespace cc::records
