// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/SqlReportStore.h"

#include "db/Database.h"
#include "db/ObservationIndexRows.h"

#include <algorithm>

namespace cc::db {

Status SqlReportStore::forEachIndexRow(const std::vector<std::uint8_t>& codeToken,
                                       const std::function<Status(ports::ObservationIndexRow&)>& visit) const
{
    // No ORDER BY: row_id is a random 16-byte id, so row-id order visits the table's pages at
    // random (one page read and decryption per row once the index outgrows the page cache), while
    // the table's own order (and, for one code, its index's order: code, then rowid) reads each
    // page once. Nothing downstream depends on the order (ports/ReportStore.h).
    auto stmt =
        m_db.prepare(std::string(kSelectObservationIndex) + (codeToken.empty() ? ";" : " WHERE code_token = ?1;"));
    CC_TRY(stmt);
    if (!codeToken.empty())
        CC_TRY(stmt->bindBlob(1, codeToken));
    return visitObservationIndex(*stmt, visit);
}

Status SqlReportStore::forEachConditionToken(
    const std::function<Status(std::span<const std::uint8_t>, std::span<const std::uint8_t>,
                               std::span<const std::uint8_t>)>& visit) const
{
    auto stmt = m_db.prepare("SELECT row_id, patient_ref, token FROM condition_tokens;");
    CC_TRY(stmt);
    for (;;) {
        auto more = stmt->step();
        CC_TRY(more);
        if (!*more)
            return {};
        CC_TRY(visit(stmt->columnBlob(0), stmt->columnBlob(1), stmt->columnBlob(2)));
    }
}

Status SqlReportStore::forEachChartManifest(
    const std::function<Status(std::span<const std::uint8_t>, std::span<const std::uint8_t>)>& visit) const
{
    auto stmt = m_db.prepare("SELECT patient_ref, manifest FROM chart_manifests;");
    CC_TRY(stmt);
    for (;;) {
        auto more = stmt->step();
        CC_TRY(more);
        if (!*more)
            return {};
        CC_TRY(visit(stmt->columnBlob(0), stmt->columnBlob(1)));
    }
}

Result<std::set<access::PatientRef>>
SqlReportStore::patientsWithConditions(const std::vector<std::vector<std::uint8_t>>& conditionTokens) const
{
    auto stmt = m_db.prepare("SELECT DISTINCT patient_ref FROM condition_tokens WHERE token = ?1;");
    CC_TRY(stmt);
    std::set<access::PatientRef> out;
    for (const auto& token : conditionTokens) {
        stmt->reset();
        CC_TRY(stmt->bindBlob(1, token));
        for (;;) {
            auto more = stmt->step();
            CC_TRY(more);
            if (!*more)
                break;
            const auto blob = stmt->columnBlob(0);
            access::PatientRef ref;
            if (blob.size() != ref.bytes.size())
                return makeError(ErrorCode::IntegrityFailure, "a condition token's patient reference is not 16 bytes");
            std::copy(blob.begin(), blob.end(), ref.bytes.begin());
            out.insert(ref);
        }
    }
    return out;
}

Result<bool> SqlReportStore::metaEquals(std::string_view name, std::string_view expected) const
{
    auto stmt = m_db.prepare("SELECT value FROM meta WHERE name = ?1;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindText(1, name));
    auto more = stmt->step();
    CC_TRY(more);
    if (!*more)
        return false;
    const auto value = stmt->columnBlob(0);
    return std::equal(value.begin(), value.end(), expected.begin(), expected.end());
}

Result<bool> SqlReportStore::conditionTokensComplete() const
{
    return metaEquals(ports::meta::kConditionTokens, ports::meta::kConditionTokensDone);
}

Result<bool> SqlReportStore::valueLayoutsCurrent() const
{
    return metaEquals(ports::meta::kValueLayouts, ports::meta::kValueLayoutsCurrent);
}

Status SqlReportStore::putShare(const std::array<std::uint8_t, 16>& reportId, std::uint32_t custodian,
                                std::span<const std::uint8_t> share)
{
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO report_shares (report_id, custodian, share) VALUES (?1, ?2, ?3);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, reportId));
    CC_TRY(stmt->bindInt64(2, custodian));
    CC_TRY(stmt->bindBlob(3, share));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

Result<std::vector<std::vector<std::uint8_t>>>
SqlReportStore::sharesOf(const std::array<std::uint8_t, 16>& reportId) const
{
    auto stmt = m_db.prepare("SELECT share FROM report_shares WHERE report_id = ?1 ORDER BY custodian;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, reportId));
    std::vector<std::vector<std::uint8_t>> out;
    for (;;) {
        auto more = stmt->step();
        CC_TRY(more);
        if (!*more)
            return out;
        out.push_back(stmt->columnBlob(0));
    }
}

Status SqlReportStore::putPublishedCohort(const ports::PublishedCohort& cohort)
{
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO published_cohorts (report_id, measures, cohort, published_at) "
                             "VALUES (?1, ?2, ?3, ?4);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindBlob(1, cohort.reportId));
    CC_TRY(stmt->bindText(2, cohort.measures));
    CC_TRY(stmt->bindBlob(3, cohort.cohort));
    CC_TRY(stmt->bindInt64(4, cohort.publishedAtMs));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

Result<std::vector<ports::PublishedCohort>> SqlReportStore::publishedCohorts(std::string_view measures) const
{
    auto stmt = m_db.prepare("SELECT report_id, cohort, published_at FROM published_cohorts WHERE measures = ?1 "
                             "ORDER BY published_at, report_id;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindText(1, measures));
    std::vector<ports::PublishedCohort> out;
    for (;;) {
        auto more = stmt->step();
        CC_TRY(more);
        if (!*more)
            return out;
        ports::PublishedCohort c;
        const auto id = stmt->columnBlob(0);
        if (id.size() != c.reportId.size())
            return makeError(ErrorCode::IntegrityFailure, "a published cohort's report id is not 16 bytes");
        std::copy(id.begin(), id.end(), c.reportId.begin());
        c.measures = std::string(measures);
        c.cohort = stmt->columnBlob(1);
        if (c.cohort.size() % 32 != 0)
            return makeError(ErrorCode::IntegrityFailure, "a published cohort is not a list of 32-byte digests");
        c.publishedAtMs = stmt->columnInt64(2);
        out.push_back(std::move(c));
    }
}

} // namespace cc::db
