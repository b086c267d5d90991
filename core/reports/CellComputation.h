// SPDX-License-Identifier: GPL-3.0-or-later
// Selecting a report's cohort by blind tokens and multiplying each cell's ciphertexts.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/crypto/SecureBytes.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/PublicKey.h"
#include "core/ports/ReportStore.h"
#include "core/reports/ReportFile.h"
#include "core/reports/ReportSpec.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cc::reports {

/// Hashes a patient reference over all its bytes (std::hash of the bytes as a string_view): no
/// assumption that any part of a stored reference is uniform, since the rows come from the database.
struct PatientRefHash
{
    [[nodiscard]] std::size_t operator()(const access::PatientRef& ref) const noexcept
    {
        return std::hash<std::string_view>{}(
            std::string_view(reinterpret_cast<const char*>(ref.bytes.data()), ref.bytes.size()));
    }
};

/// A cell as computed from the clinic's rows: the product of its ciphertexts (blinded, see
/// computeCells) and what disclosure control needs, counted by patient, never by row.
struct ComputedCell
{
    paillier::Ciphertext ciphertext;
    std::uint16_t layoutId = 0;
    std::uint64_t observations = 0;
    /// Distinct patients (by reference) and their rows; unordered (a report over 10⁶ rows of as many
    /// patients counts them in a hash table, tests/bench/reports).
    std::unordered_map<access::PatientRef, std::uint32_t, PatientRefHash> rowsPerPatient;
    [[nodiscard]] std::uint64_t patients() const { return rowsPerPatient.size(); }
    [[nodiscard]] std::uint64_t maxRowsPerPatient() const;
};

/// Phase times of one computation (milliseconds), for the benchmark and `report run`.
struct ComputationTimes
{
    double hashMs = 0; ///< the index seal's element hashes, summed over the threads (thread CPU time; with indexDigest)
    double selectMs = 0;    ///< reading and selecting index rows by token (reader thread, wall, after the set-up)
    double selectCpuMs = 0; ///< the same reader thread's CPU time (the store's reading included)
    double verifyMs = 0;    ///< row MAC checks, summed over the multiplying threads (thread CPU time)
    double multiplyMs = 0;  ///< ciphertext checks and Montgomery products, summed over those threads (thread CPU
                            ///< time: not the slices the reader thread takes from them)
    double totalMs = 0;     ///< the computation's wall time, set-up (tokens, blinds) included
    unsigned threads = 0;   ///< multiplying threads
    std::uint64_t rows = 0;
};

/// What computeCells needs.
struct CellQuery
{
    const ReportSpec* spec = nullptr;
    ReportId reportId{};
    const crypto::SecureBytes* indexKey = nullptr;
    const paillier::PublicKey* key = nullptr;
    const interop::UnitsCatalogue* catalogue = &interop::UnitsCatalogue::builtIn();
    /// If set, checks one selected row before its ciphertext is used (the index MAC); an error is
    /// returned as is and stops the computation. A report's run and a custodian's recomputation
    /// leave it unset and verify the index seal over `indexDigest` instead, before anything
    /// computed is used (services::ReportService::sealedCells, docs/REPORTS.md section 2); the MAC
    /// then only names a bad row once the seal has failed.
    std::function<Status(const ports::ObservationIndexRow&)> verifyRow;
    unsigned threads = 0; ///< multiplying threads (0: every core); verifyRow runs on them, so it must be thread-safe
    /// If set, the computation reads every index row (one statement) and every condition token,
    /// and leaves here the multiset digest of all of them (records/IndexSeal.h), hashed on the same
    /// threads: the rows the cells were computed from are then exactly the rows whose digest the
    /// caller checks against the index seal (IndexSealing::verify), in one read of the index.
    ports::IndexDigest* indexDigest = nullptr;
};

/// Selects every index row of the spec's cells by blind tokens only (code, consent for research
/// reports, the latest flag, sex, age band and year tokens computed with the index key; with a
/// condition filter, only rows whose patient reference has a condition token of the filter's
/// codes, ReportStore::patientsWithConditions), verifies
/// each selected row (`verifyRow`) and checks its ciphertext for the measure's layout before it
/// enters a sum, and multiplies each cell's ciphertexts. No clinical or identity document is opened.
/// The reader (this thread) selects rows and hands them in batches to `threads` multiplying
/// threads, which verify each row and multiply it into their own product of its cell
/// (paillier::RunningProduct), so reading, checking and multiplying overlap on every core; the
/// threads' products are joined per cell at the end, where gcd(c, n) = 1 is checked once per cell
/// (a row that fails it is then found and named in a second pass over that cell).
/// Each cell's product is multiplied by a deterministic encryption of zero whose DJN exponent is
/// derived from the index key, the report id and the cell index (HKDF-SHA-256): an empty cell does
/// not show as c = 1, and anyone holding the index key recomputes the same ciphertext.
/// Errors: IntegrityFailure naming the row (MAC, ciphertext of another key or layout, a summable
/// code's row without ciphertext), Unsupported (a condition filter before the clinic's older
/// condition rows have their tokens, ReportStore::conditionTokensComplete; a measure whose code has
/// retired layouts before its older values are re-encrypted, ReportStore::valueLayoutsCurrent), Overflow (a cell with
/// more rows than its layout's maximum count), storage errors.
[[nodiscard]] Result<std::vector<ComputedCell>> computeCells(const ports::ReportStore& store, const CellQuery& query,
                                                             ComputationTimes* times = nullptr);

} // namespace cc::reports
