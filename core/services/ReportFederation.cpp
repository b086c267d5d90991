// SPDX-License-Identifier: GPL-3.0-or-later
// Report use cases, federation side: a clinic's export to a research network and the merge of
// several clinics' exports (docs/REPORTS.md section 8).
#include "core/services/ReportService.h"
#include "core/services/ReportServiceDetail.h"

#include "core/crypto/Hex.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/Paillier.h"
#include "core/records/ObservationLayout.h"
#include "core/services/Audited.h"

#include <chrono>
#include <set>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using report_detail::clip;
using report_detail::describeFile;
using report_detail::noting;
using report_detail::reportSubject;
using reports::CellRelease;
using reports::ReportFile;

Result<ExportOutcome> ReportService::exportToNetwork(std::span<const std::uint8_t> bytes, const NetworkKey& network,
                                                     const std::string& expectedFingerprint,
                                                     const std::vector<std::vector<std::uint8_t>>& extraShares)
{
    AuditSubject subject = reportSubject(AuditAction::Execute, "report exported to research network");
    subject.detail += " " + network.key.keyIdHex();
    return audited(m_clinic, Permission::RunReports, subject, [&]() -> Result<ExportOutcome> {
        auto work = [&]() -> Result<ExportOutcome> {
            const auto expected = crypto::hexDecode(expectedFingerprint);
            if (!expected || !crypto::constantTimeEqual(*expected, network.fingerprint()))
                return makeError(ErrorCode::IntegrityFailure,
                                 "the network key file's fingerprint is " + network.fingerprintHex() +
                                     ", not the one given: refusing to encrypt the clinic's totals to it");
            auto ctx = context(true);
            CC_TRY(ctx);
            auto file = check(*ctx, bytes);
            CC_TRY(file);
            describeFile(subject, *file);
            if (file->kind != ReportFile::Kind::Encrypted)
                return makeError(ErrorCode::InvalidArgument,
                                 "export takes the clinic's encrypted report (the input of `report publish`)");
            if (file->spec.purpose != reports::Purpose::Research)
                return makeError(ErrorCode::AccessDenied,
                                 "only research reports go to a research network (a quality report includes the "
                                 "patients who opted out)");
            ExportOutcome outcome;
            auto released = release(*ctx, *file, extraShares, outcome.rejectedPartials);
            CC_TRY(released);
            const auto& plan = released->plan;
            ReportFile exported;
            exported.kind = ReportFile::Kind::Exported;
            exported.spec = file->spec;
            exported.specSha256 = file->specSha256;
            m_clinic.rng().fill(exported.reportId);
            exported.clinicId = file->clinicId;
            exported.clinicName = file->clinicName;
            exported.keyId = network.key.keyId();
            exported.createdAtMs =
                std::chrono::duration_cast<std::chrono::milliseconds>(m_clinic.clock().now().time_since_epoch())
                    .count();
            exported.sourceSha256 = crypto::sha256(bytes);
            for (const auto& key : file->spec.cells()) {
                reports::ReportCell cell;
                cell.key = key;
                cell.layoutId = file->cells[key.index].layoutId;
                const auto& computed = released->cells[key.index];
                CellTally tally{computed.patients(), computed.observations, 0};
                paillier::Plaintext figures(0);
                if (plan[key.index] == CellRelease::Released) {
                    auto layout = records::ObservationLayout::forCode(m_catalogue, key.measure);
                    CC_TRY(layout);
                    auto sum = layout->decode(released->plains[key.index]);
                    CC_TRY(sum);
                    if (sum->count != computed.observations)
                        return makeError(ErrorCode::IntegrityFailure,
                                         "cell " + std::to_string(key.index) +
                                             ": the decrypted count differs from the rows recomputed");
                    figures = released->plains[key.index];
                    ++outcome.cellsExported;
                } else {
                    // Suppressed here: nothing of its figures leaves the clinic; its patients still
                    // count in the merged tally, and the mark makes the merged cell suppressed.
                    tally.observations = 0;
                    tally.withheldSites = 1;
                    ++outcome.cellsWithheld;
                }
                auto c = paillier::encrypt(network.key, figures, m_clinic.rng(), cell.layoutId);
                CC_TRY(c);
                auto t = paillier::encrypt(network.key, tally.encode(), m_clinic.rng(), 0);
                CC_TRY(t);
                cell.ciphertext = c->toBytes();
                cell.tally = t->toBytes();
                exported.cells.push_back(std::move(cell));
            }
            outcome.file = exported.sign(*ctx->signer);
            outcome.report = std::move(exported);
            outcome.report.signerPublicKey = ctx->signer->publicKey().bytes();
            subject.detail += ", exported " + reports::reportIdHex(outcome.report.reportId) + ": " +
                              std::to_string(outcome.cellsExported) + " cells, " +
                              std::to_string(outcome.cellsWithheld) + " withheld";
            return outcome;
        };
        return noting(subject, work());
    });
}

Result<MergedReport> ReportService::merge(const std::vector<std::vector<std::uint8_t>>& files,
                                          const NetworkKey& network, std::uint32_t minimumSites,
                                          const NetworkMembers* members)
{
    AuditSubject subject = reportSubject(AuditAction::Create, "research network merge");
    subject.detail += " " + network.key.keyIdHex() + ", " + std::to_string(files.size()) + " files";
    return audited(m_clinic, Permission::RunReports, subject, [&]() -> Result<MergedReport> {
        auto merged = noting(subject, mergeExports(files, network, minimumSites, members, m_catalogue));
        if (merged) {
            subject.objectId = reports::reportIdHex(merged->id);
            subject.detail += ", spec sha256 " + crypto::hexEncode(merged->specSha256) + ", " +
                              reports::purposeName(merged->spec.purpose).toStdString() + ", sites";
            for (const auto& site : merged->sites)
                subject.detail += " " + site.signerFingerprint();
            clip(subject.detail, audit::kMaxDetailSize);
        }
        return merged;
    });
}

} // namespace cc::services
