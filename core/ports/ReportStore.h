// SPDX-License-Identifier: GPL-3.0-or-later
// Port: what encrypted reports read and keep in the clinic: the observation index streamed by code,
// custodians' decryption shares and, per published report, the keyed digests of its cohort for the
// differencing check (docs/REPORTS.md).
#pragma once

#include "core/Result.h"
#include "core/ports/ClinicalStore.h"

#include <array>
#include <cstdint>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cc::ports {

namespace meta {
/// Decimal minimum number of distinct patients per published cell (default 11, never below 5).
inline constexpr std::string_view kReportMinimumCellSize = "report_minimum_cell_size";
/// Present ("1") once every condition row has its condition blind token (schema 8): set when a
/// clinic is created, or by the first doctor's login that tokenises the older rows.
inline constexpr std::string_view kConditionTokens = "condition_tokens";
inline constexpr std::string_view kConditionTokensDone = "1";
/// The generation of packed layouts every stored Paillier value uses: "2" once no value is left
/// under a retired layout id (interop::UnitDefinition::retiredLayoutIds), set when a clinic is
/// created, or by the first doctor's login that re-encrypts the older values
/// (services::ValueLayouts). Absent in clinics made before 2026-12.
inline constexpr std::string_view kValueLayouts = "value_layouts";
inline constexpr std::string_view kValueLayoutsCurrent = "2";
} // namespace meta

/// A published report's cohort: the measures it covered (sorted codes joined by ",") and the
/// sorted 32-byte keyed hashes (HMAC under the index key) of its patients' ids. No value, no name.
struct PublishedCohort
{
    std::array<std::uint8_t, 16> reportId{};
    std::string measures;
    std::vector<std::uint8_t> cohort; ///< concatenated 32-byte digests, ascending
    std::int64_t publishedAtMs = 0;
};

/// Report bookkeeping. Opaque bytes only.
class ReportStore
{
public:
    virtual ~ReportStore() = default;
    /// Calls `visit` for every observation index row with this code token (an empty token: every
    /// row of every code, read by one statement, so one consistent snapshot), one row at a time
    /// (cohorts over many rows need not fit in memory): one row object, overwritten in place for
    /// the next row, so `visit` copies, moves or swaps out what it keeps (swapping in a row whose
    /// buffers are already allocated makes reading 10^6 rows allocation-free: tests/bench/reports),
    /// in the store's own order: a report's sums,
    /// its distinct-patient counts and the index seal's multiset digest do not depend on the order,
    /// and reading a large index in row-id order (random 16-byte ids) costs a page per row
    /// (tests/bench/reports/RESULTS.md). Stops at the first error of
    /// `visit` and returns it. Errors: StorageError, IntegrityFailure (a stored id not 16 bytes),
    /// those of `visit`.
    [[nodiscard]] virtual Status forEachIndexRow(const std::vector<std::uint8_t>& codeToken,
                                                 const std::function<Status(ObservationIndexRow&)>& visit) const = 0;
    /// Calls `visit` with every condition_tokens row (row id, patient reference, token), for the
    /// index seal's digest (records/IndexSeal.h). Errors: StorageError, those of `visit`.
    [[nodiscard]] virtual Status forEachConditionToken(
        const std::function<Status(std::span<const std::uint8_t> rowId, std::span<const std::uint8_t> patientRef,
                                   std::span<const std::uint8_t> token)>& visit) const = 0;
    /// Calls `visit` with every chart_manifests row (patient reference, stored manifest), for the
    /// index seal's digest (records::chartManifestDelta). Errors: StorageError, those of `visit`.
    [[nodiscard]] virtual Status forEachChartManifest(
        const std::function<Status(std::span<const std::uint8_t> patientRef, std::span<const std::uint8_t> manifest)>&
            visit) const = 0;
    /// The distinct patient references that have a condition row with any of these condition tokens
    /// (condition_tokens), for a report's condition filter. Errors: StorageError, IntegrityFailure
    /// (a stored reference not 16 bytes).
    [[nodiscard]] virtual Result<std::set<access::PatientRef>>
    patientsWithConditions(const std::vector<std::vector<std::uint8_t>>& conditionTokens) const = 0;
    /// True once every condition row has its condition token: a clinic created with schema 8 or
    /// later, or one whose older rows a doctor's login has tokenised (meta condition_tokens).
    /// Errors: StorageError.
    [[nodiscard]] virtual Result<bool> conditionTokensComplete() const = 0;
    /// True once no Paillier value is stored under a retired layout id: a clinic created since
    /// 2026-12, or one whose older values a doctor's login has re-encrypted (meta value_layouts).
    /// Errors: StorageError.
    [[nodiscard]] virtual Result<bool> valueLayoutsCurrent() const = 0;
    /// Stores (or replaces) one custodian's decryption share of a report. Errors: StorageFull, StorageError.
    [[nodiscard]] virtual Status putShare(const std::array<std::uint8_t, 16>& reportId, std::uint32_t custodian,
                                          std::span<const std::uint8_t> share) = 0;
    /// Every stored share of a report, by custodian index. Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<std::vector<std::uint8_t>>>
    sharesOf(const std::array<std::uint8_t, 16>& reportId) const = 0;
    /// Records (or replaces) a published report's cohort. Errors: StorageFull, StorageError.
    [[nodiscard]] virtual Status putPublishedCohort(const PublishedCohort& cohort) = 0;
    /// The cohorts of earlier published reports over exactly these measures. Errors: StorageError.
    [[nodiscard]] virtual Result<std::vector<PublishedCohort>> publishedCohorts(std::string_view measures) const = 0;
};

} // namespace cc::ports
