// SPDX-License-Identifier: GPL-3.0-or-later
// Report use cases, disclosure side: cohort digests and the differencing check, combining the
// released cells' shares, and the clinic's minimum cell size.
#include "core/services/ReportService.h"
#include "core/services/ReportServiceDetail.h"

#include "core/crypto/Hex.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/Paillier.h"
#include "core/reports/DecryptionShare.h"
#include "core/services/Audited.h"

#include <algorithm>
#include <map>
#include <set>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using report_detail::measuresKey;
using report_detail::missingFrom;
using report_detail::patientCounts;
using reports::CellRelease;
using reports::ReportFile;

Result<std::vector<std::uint8_t>> ReportService::cohortDigests(const Context& ctx,
                                                               const std::vector<reports::ComputedCell>& cells) const
{
    std::set<access::PatientRef> patients;
    for (const auto& c : cells)
        for (const auto& [p, rows] : c.rowsPerPatient)
            patients.insert(p);
    std::vector<crypto::Digest256> digests;
    static constexpr char label[] = "CipherChart report cohort v1";
    for (const auto& p : patients) {
        std::vector<std::uint8_t> input(label, label + sizeof label - 1);
        input.insert(input.end(), p.bytes.begin(), p.bytes.end());
        auto d = crypto::hmacSha256(ctx.indexKey->span(), input);
        CC_TRY(d);
        digests.push_back(*d);
    }
    std::sort(digests.begin(), digests.end());
    std::vector<std::uint8_t> out;
    for (const auto& d : digests)
        out.insert(out.end(), d.begin(), d.end());
    return out;
}

Status ReportService::differencing(const Context& ctx, const ReportFile& file,
                                   const std::vector<reports::ComputedCell>& cells, std::uint32_t threshold)
{
    auto mine = cohortDigests(ctx, cells);
    CC_TRY(mine);
    auto earlier = m_reports.publishedCohorts(measuresKey(file.spec));
    CC_TRY(earlier);
    for (const auto& other : *earlier) {
        if (other.reportId == file.reportId)
            continue;
        const std::size_t added = missingFrom(*mine, other.cohort);
        const std::size_t removed = missingFrom(other.cohort, *mine);
        for (std::size_t diff : {added, removed})
            if (diff > 0 && diff < threshold)
                return makeError(ErrorCode::AccessDenied,
                                 "differencing check: the cohort differs from published report " +
                                     crypto::hexEncode(other.reportId) + " (same measures) by " + std::to_string(diff) +
                                     " patients, fewer than the minimum cell size " + std::to_string(threshold));
    }
    return {};
}

Result<std::vector<paillier::Plaintext>>
ReportService::combineReleased(const Context& ctx, const ReportFile& file, const std::vector<CellRelease>& plan,
                               const std::vector<std::vector<std::uint8_t>>& extraShares,
                               std::vector<std::string>& rejectedOut, std::set<std::uint32_t>& used)
{
    auto stored = m_reports.sharesOf(file.reportId);
    CC_TRY(stored);
    std::vector<std::vector<std::uint8_t>> all = std::move(*stored);
    all.insert(all.end(), extraShares.begin(), extraShares.end());
    std::map<std::uint32_t, std::vector<paillier::PartialDecryption>> byCell;
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto share = reports::DecryptionShare::decode(all[i], "share " + std::to_string(i + 1));
        if (!share) {
            rejectedOut.push_back("share " + std::to_string(i + 1) + ": " + share.error().describe());
            continue;
        }
        if (share->reportId != file.reportId || share->specSha256 != file.specSha256 || share->keyId != file.keyId) {
            rejectedOut.push_back("custodian " + std::to_string(share->custodian) +
                                  ": the share is for another report or key");
            continue;
        }
        for (auto& p : share->partials)
            if (p.cell < plan.size())
                byCell[p.cell].push_back(std::move(p.partial));
    }
    std::vector<paillier::Plaintext> out(plan.size());
    std::set<std::string> rejected;
    for (std::uint32_t i = 0; i < plan.size(); ++i) {
        if (plan[i] != CellRelease::Released)
            continue;
        auto c = paillier::Ciphertext::fromBytes(ctx.key, file.cells[i].ciphertext, file.cells[i].layoutId);
        CC_TRY(c);
        paillier::CombineOutcome combined;
        auto plain = paillier::combinePartials(ctx.key, ctx.params, *c, byCell[i],
                                               reports::partialContext(file.reportId, i), &combined);
        for (const auto& [index, why] : combined.rejected)
            rejected.insert(why);
        if (!plain) {
            rejectedOut.insert(rejectedOut.end(), rejected.begin(), rejected.end());
            return std::move(plain).error();
        }
        used.insert(combined.used.begin(), combined.used.end());
        out[i] = std::move(*plain);
    }
    rejectedOut.insert(rejectedOut.end(), rejected.begin(), rejected.end());
    return out;
}

Result<std::uint32_t> ReportService::minimumCellSize()
{
    auto stored = m_clinic.backend().meta().get(ports::meta::kReportMinimumCellSize);
    CC_TRY(stored);
    if (!stored->has_value())
        return reports::kDefaultMinimumCellSize;
    const std::string text((*stored)->begin(), (*stored)->end());
    bool ok = false;
    const uint value = QString::fromStdString(text).toUInt(&ok);
    if (!ok || value < reports::kLowestMinimumCellSize)
        return makeError(ErrorCode::IntegrityFailure, "the stored minimum cell size is not a number of at least 5");
    return static_cast<std::uint32_t>(value);
}

Status ReportService::setMinimumCellSize(std::uint32_t size)
{
    AuditSubject subject =
        makeSubject(AuditEventId::ApplicationActivity, AuditEventType::SecurityConfiguration, AuditAction::Update,
                    "ReportPolicy", {}, "report minimum cell size set to " + std::to_string(size));
    return audited(m_clinic, Permission::ManageKeys, subject, [&]() -> Status {
        if (size < reports::kLowestMinimumCellSize)
            return makeError(ErrorCode::InvalidArgument, "the minimum cell size is never below 5");
        const std::string text = std::to_string(size);
        return m_clinic.backend().meta().set(ports::meta::kReportMinimumCellSize,
                                             {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
    });
}

Result<ReportService::Release> ReportService::release(const Context& ctx, const ReportFile& file,
                                                      const std::vector<std::vector<std::uint8_t>>& extraShares,
                                                      std::vector<std::string>& rejected)
{
    Release r;
    auto cells = recompute(ctx, file);
    CC_TRY(cells);
    r.cells = std::move(*cells);
    auto threshold = minimumCellSize();
    CC_TRY(threshold);
    r.threshold = *threshold;
    r.plan = reports::planSuppression(file.spec, patientCounts(r.cells), r.threshold);
    CC_TRY(differencing(ctx, file, r.cells, r.threshold));
    auto plains = combineReleased(ctx, file, r.plan, extraShares, rejected, r.used);
    CC_TRY(plains);
    r.plains = std::move(*plains);
    return r;
}

} // namespace cc::services
