// SPDX-License-Identifier: GPL-3.0-or-later
// The report store: streamed observation_index rows, `report_shares` and `published_cohorts` (schema version 5).
#pragma once

#include "core/ports/ReportStore.h"

namespace cc::db {

class Database;

/// ReportStore over two tables of opaque bytes.
class SqlReportStore final : public ports::ReportStore
{
public:
    /// `db` must outlive the store and be migrated to at least version 8.
    explicit SqlReportStore(Database& db) noexcept : m_db(db) {}

    [[nodiscard]] Status
    forEachIndexRow(const std::vector<std::uint8_t>& codeToken,
                    const std::function<Status(ports::ObservationIndexRow&)>& visit) const override;
    [[nodiscard]] Status
    forEachConditionToken(const std::function<Status(std::span<const std::uint8_t>, std::span<const std::uint8_t>,
                                                     std::span<const std::uint8_t>)>& visit) const override;
    [[nodiscard]] Status forEachChartManifest(
        const std::function<Status(std::span<const std::uint8_t>, std::span<const std::uint8_t>)>& visit)
        const override;
    [[nodiscard]] Result<std::set<access::PatientRef>>
    patientsWithConditions(const std::vector<std::vector<std::uint8_t>>& conditionTokens) const override;
    [[nodiscard]] Result<bool> conditionTokensComplete() const override;
    [[nodiscard]] Result<bool> valueLayoutsCurrent() const override;
    [[nodiscard]] Status putShare(const std::array<std::uint8_t, 16>& reportId, std::uint32_t custodian,
                                  std::span<const std::uint8_t> share) override;
    [[nodiscard]] Result<std::vector<std::vector<std::uint8_t>>>
    sharesOf(const std::array<std::uint8_t, 16>& reportId) const override;
    [[nodiscard]] Status putPublishedCohort(const ports::PublishedCohort& cohort) override;
    [[nodiscard]] Result<std::vector<ports::PublishedCohort>>
    publishedCohorts(std::string_view measures) const override;

private:
    /// True if meta holds `name` with exactly the bytes of `expected`. Errors: StorageError.
    [[nodiscard]] Result<bool> metaEquals(std::string_view name, std::string_view expected) const;

    Database& m_db;
};

} // namespace cc::db
