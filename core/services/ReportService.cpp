// SPDX-License-Identifier: GPL-3.0-or-later
// Report use cases: run, verify, custodian shares, publication with disclosure control.
#include "core/services/ReportService.h"
#include "core/services/PortalService.h"
#include "core/services/ReportServiceDetail.h"

#include "core/crypto/Ed25519PrivateKey.h"
#include "core/crypto/Hex.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/Paillier.h"
#include "core/records/ObservationIndexer.h"
#include "core/records/ObservationLayout.h"
#include "core/reports/DecryptionShare.h"
#include "core/services/Audited.h"
#include "core/services/IndexSealing.h"
#include "core/services/ObservationService.h"
#include "core/services/ReportKeyCodec.h"
#include "core/services/ReportKeyPin.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using reports::CellRelease;
using reports::ReportFile;

namespace report_detail {

AuditSubject reportSubject(AuditAction action, const std::string& what)
{
    return makeSubject(AuditEventId::Query, AuditEventType::None, action, "Report", {}, what);
}

void describeFile(AuditSubject& subject, const ReportFile& file)
{
    subject.objectId = reports::reportIdHex(file.reportId);
    subject.detail += ", spec sha256 " + crypto::hexEncode(file.specSha256) + ", " +
                      reports::purposeName(file.spec.purpose).toStdString();
}

// Cuts audit text to the event's limits (ASCII here: ids, hashes, counts, error messages).
void clip(std::string& text, std::size_t max)
{
    if (text.size() > max)
        text.resize(max);
}

std::string measuresKey(const reports::ReportSpec& spec)
{
    std::vector<std::string> codes;
    for (const auto& m : spec.measures)
        codes.push_back(m.toStdString());
    std::sort(codes.begin(), codes.end());
    std::string out;
    for (const auto& c : codes)
        out += (out.empty() ? "" : ",") + c;
    return out;
}

// |a \ b| for two sorted lists of 32-byte digests.
std::size_t missingFrom(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b)
{
    std::size_t i = 0, j = 0, missing = 0;
    while (i < a.size()) {
        const auto x = a.subspan(i, 32);
        if (j >= b.size()) {
            ++missing;
            i += 32;
            continue;
        }
        const auto y = b.subspan(j, 32);
        const int cmp = std::memcmp(x.data(), y.data(), 32);
        if (cmp == 0) {
            i += 32;
            j += 32;
        } else if (cmp < 0) {
            ++missing;
            i += 32;
        } else {
            j += 32;
        }
    }
    return missing;
}

std::vector<std::uint64_t> patientCounts(const std::vector<reports::ComputedCell>& cells)
{
    std::vector<std::uint64_t> out;
    out.reserve(cells.size());
    for (const auto& c : cells)
        out.push_back(c.patients());
    return out;
}

} // namespace report_detail

using report_detail::describeFile;
using report_detail::measuresKey;
using report_detail::noting;
using report_detail::patientCounts;
using report_detail::reportSubject;

namespace {

/// Each selected row's index MAC (HMAC under the index key over row id and ciphertext), checked on
/// the multiplying threads: an integrity error naming the row. Not part of a report's computation
/// (the index seal is, over every row, and every holder of the database key also holds the index
/// key, so the MAC adds nothing against anyone the seal does not stop); used to name a bad row once
/// the seal has failed (ReportService::sealedCells).
std::function<Status(const ports::ObservationIndexRow&)> rowMacCheck(const crypto::SecureBytes* indexKey)
{
    // The index key prepared once for every row's MAC, shared by the multiplying threads.
    auto prepared = crypto::HmacSha256::create(indexKey->span());
    std::shared_ptr<const crypto::HmacSha256> hmac;
    if (prepared)
        hmac = std::make_shared<const crypto::HmacSha256>(std::move(*prepared));
    return [indexKey, hmac](const ports::ObservationIndexRow& row) -> Status {
        auto mac = hmac ? records::ObservationIndexer::rowMac(*hmac, row.rowId, row.paillier)
                        : ObservationService::rowMac(*indexKey, row.rowId, row.paillier);
        CC_TRY(mac);
        if (!crypto::constantTimeEqual(*mac, row.paillierMac))
            return makeError(ErrorCode::IntegrityFailure,
                             "observation index row " + crypto::hexEncode(row.rowId) + " fails its MAC");
        return {};
    };
}

/// The cell computation of `file` under the session's index key and report key: rows selected by
/// blind tokens, every index row hashed for the seal check that follows (sealedCells). One
/// definition for the run and for a custodian's recomputation, so the two cannot drift apart.
reports::CellQuery cellQuery(const ReportFile& file, const crypto::SecureBytes* indexKey,
                             const paillier::PublicKey& key, const interop::UnitsCatalogue& catalogue)
{
    reports::CellQuery query;
    query.spec = &file.spec;
    query.reportId = file.reportId;
    query.indexKey = indexKey;
    query.key = &key;
    query.catalogue = &catalogue;
    return query;
}

// The session's random source behind a lock, for partial decryptions on several threads.
class LockedRng final : public crypto::Rng
{
public:
    explicit LockedRng(crypto::Rng& inner) : m_inner(inner) {}
    void fill(std::span<std::uint8_t> out) override
    {
        std::lock_guard lock(m_mutex);
        m_inner.fill(out);
    }

private:
    crypto::Rng& m_inner;
    std::mutex m_mutex;
};

} // namespace

Result<ReportService::Context> ReportService::context(bool needSigning)
{
    Context ctx;
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    const auto* index = (*ring)->find(access::KeyKind::Index);
    if (index == nullptr)
        return makeError(ErrorCode::AccessDenied, "this account holds no index key");
    ctx.indexKey = &index->secret;
    if (needSigning) {
        const auto* seed = (*ring)->find(access::KeyKind::ClinicSigning);
        if (seed == nullptr)
            return makeError(ErrorCode::AccessDenied, "this account holds no clinic signing key");
        auto signer = crypto::Ed25519PrivateKey::fromSeed(seed->secret.span());
        CC_TRY(signer);
        ctx.signer.emplace(std::move(*signer));
    }
    auto& meta = m_clinic.backend().meta();
    auto signing = meta.get(ports::meta::kSigningPublicKey);
    CC_TRY(signing);
    if (!signing->has_value() || (*signing)->size() != 32)
        return makeError(ErrorCode::IntegrityFailure, "the clinic has no signing public key");
    ctx.signingPublic = **signing;
    if (ctx.signer &&
        !std::equal(ctx.signingPublic.begin(), ctx.signingPublic.end(), ctx.signer->publicKey().bytes().begin()))
        return makeError(ErrorCode::KeyMismatch, "this account's signing key is not the clinic's");
    // The report key and its threshold parameters as pinned at the ceremony (the signed record and
    // the fingerprint in this account's ring), never the bare meta values a database writer could swap.
    auto pinned = ReportKeyPin::load(m_clinic);
    CC_TRY(pinned);
    CC_TRY(paillier::checkThresholdParameters(pinned->publicKey, pinned->parameters));
    ctx.key = std::move(pinned->publicKey);
    ctx.params = std::move(pinned->parameters);
    ctx.clinicId = m_clinic.backend().descriptor().clinicId;
    ctx.clinicName = QString::fromStdString(m_clinic.backend().descriptor().name);
    return ctx;
}

Result<ReportFile> ReportService::check(const Context& ctx, std::span<const std::uint8_t> bytes)
{
    auto file = ReportFile::read(bytes, m_catalogue);
    CC_TRY(file);
    if (!std::equal(ctx.signingPublic.begin(), ctx.signingPublic.end(), file->signerPublicKey.begin()))
        return makeError(ErrorCode::IntegrityFailure, "report file: not signed by this clinic's key");
    if (file->clinicId != ctx.clinicId)
        return makeError(ErrorCode::IntegrityFailure, "report file: made by another clinic");
    if (file->keyId != ctx.key.keyId())
        return makeError(ErrorCode::KeyMismatch,
                         "report file: encrypted under another report key (" + crypto::hexEncode(file->keyId) + ")");
    for (const auto& cell : file->cells) {
        auto layout = records::ObservationLayout::forCode(m_catalogue, cell.key.measure);
        CC_TRY(layout);
        const std::string which = "report file: cell " + std::to_string(cell.key.index);
        if (cell.layoutId != layout->id())
            return makeError(ErrorCode::KeyMismatch, which + " names another layout than its measure's");
        if (file->kind != ReportFile::Kind::Encrypted)
            continue;
        auto c = paillier::Ciphertext::fromBytes(ctx.key, cell.ciphertext, layout->id());
        if (!c)
            return makeError(c.error().code == ErrorCode::KeyMismatch ? ErrorCode::KeyMismatch
                                                                      : ErrorCode::IntegrityFailure,
                             which + ": " + c.error().message);
    }
    return file;
}

Result<std::vector<reports::ComputedCell>> ReportService::recompute(const Context& ctx, const ReportFile& file)
{
    // The custodian's own check that the rows are the ones doctors sealed (issue 10 item 6): a
    // runner who padded, removed or altered index rows cannot have them decrypted.
    auto cells = sealedCells(cellQuery(file, ctx.indexKey, ctx.key, m_catalogue), nullptr);
    CC_TRY(cells);
    if (file.kind == ReportFile::Kind::Encrypted) {
        for (std::size_t i = 0; i < cells->size(); ++i)
            if ((*cells)[i].ciphertext.toBytes() != file.cells[i].ciphertext)
                return makeError(ErrorCode::IntegrityFailure,
                                 "report file: cell " + std::to_string(i) +
                                     " is not the product of the clinic's rows for its cohort (changed rows or a "
                                     "substituted ciphertext): refusing to decrypt it");
    }
    return cells;
}

Result<std::vector<reports::ComputedCell>> ReportService::sealedCells(reports::CellQuery query,
                                                                      reports::ComputationTimes* times)
{
    ports::IndexDigest digest;
    query.indexDigest = &digest;
    auto cells = reports::computeCells(m_reports, query, times);
    if (!cells) {
        if (cells.error().code == ErrorCode::IntegrityFailure)
            CC_TRY(IndexSealing::verify(m_clinic)); // the seal's verdict first, if it has one
        return std::move(cells).error();
    }
    // Nothing computed is used, written or decrypted before this holds.
    if (auto sealed = IndexSealing::verify(m_clinic, digest); !sealed) {
        if (sealed.error().code != ErrorCode::IntegrityFailure)
            return std::move(sealed).error();
        // The seal says the index changed, not which row: the rows' MACs name one if they can (a
        // row altered without recomputing its MAC; one whose MAC was recomputed is found by neither).
        reports::CellQuery named = query;
        named.indexDigest = nullptr;
        named.verifyRow = rowMacCheck(query.indexKey);
        if (auto diagnosis = reports::computeCells(m_reports, named, nullptr);
            !diagnosis && diagnosis.error().code == ErrorCode::IntegrityFailure)
            return makeError(ErrorCode::IntegrityFailure,
                             sealed.error().message + " (" + diagnosis.error().message + ")");
        return std::move(sealed).error();
    }
    return cells;
}

Result<std::vector<std::uint8_t>> ReportService::run(const reports::ReportSpec& spec, reports::ComputationTimes* times)
{
    AuditSubject subject = reportSubject(AuditAction::Execute, "encrypted report run");
    return audited(m_clinic, Permission::RunReports, subject, [&]() -> Result<std::vector<std::uint8_t>> {
        // A research opt-out a patient made in the portal counts from the moment they made it: no
        // report runs until a doctor's session has applied it (docs/PORTAL.md).
        auto waiting = PortalService(m_clinic).pendingConsents();
        CC_TRY(waiting);
        if (*waiting > 0)
            return makeError(ErrorCode::StorageBusy,
                             std::to_string(*waiting) +
                                 " research consent change(s) made in the patient portal wait to "
                                 "be applied; a doctor's login applies them, then run the report");
        ReportFile file;
        file.kind = ReportFile::Kind::Encrypted;
        file.spec = spec;
        file.specSha256 = spec.sha256();
        m_clinic.rng().fill(file.reportId);
        describeFile(subject, file);
        auto ctx = noting(subject, context(true));
        CC_TRY(ctx);
        auto& c = *ctx;
        file.clinicId = c.clinicId;
        file.clinicName = c.clinicName;
        file.keyId = c.key.keyId();
        file.createdAtMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(m_clinic.clock().now().time_since_epoch()).count();
        // Issue 10 item 6: the cells come only from the index as doctors sealed it.
        auto cells = noting(subject, sealedCells(cellQuery(file, c.indexKey, c.key, m_catalogue), times));
        CC_TRY(cells);
        for (const auto& key : file.spec.cells()) {
            reports::ReportCell cell;
            cell.key = key;
            cell.layoutId = (*cells)[key.index].layoutId;
            cell.ciphertext = (*cells)[key.index].ciphertext.toBytes();
            file.cells.push_back(std::move(cell));
        }
        subject.detail += ", " + std::to_string(file.cells.size()) + " cells";
        return noting(subject, Result<std::vector<std::uint8_t>>(file.sign(*c.signer)));
    });
}

Result<ReportFile> ReportService::verify(std::span<const std::uint8_t> bytes)
{
    AuditSubject subject = reportSubject(AuditAction::Read, "report file verified");
    return audited(m_clinic, Permission::RunReports, subject, [&]() -> Result<ReportFile> {
        auto ctx = noting(subject, context(false));
        CC_TRY(ctx);
        auto file = noting(subject, check(*ctx, bytes));
        if (file)
            describeFile(subject, *file);
        return file;
    });
}

Result<ShareOutcome> ReportService::decryptShare(std::span<const std::uint8_t> bytes)
{
    AuditSubject subject = reportSubject(AuditAction::Execute, "report decryption share");
    return audited(m_clinic, Permission::DecryptReportTotals, subject, [&]() -> Result<ShareOutcome> {
        auto work = [&]() -> Result<ShareOutcome> {
            auto ctx = context(false);
            CC_TRY(ctx);
            auto ring = m_clinic.keys();
            CC_TRY(ring);
            const auto* entry = (*ring)->find(access::KeyKind::PaillierShare);
            if (entry == nullptr)
                return makeError(ErrorCode::AccessDenied, "this account holds no report-key share (not a custodian)");
            auto share = decodeThresholdShare(entry->secret.span());
            CC_TRY(share);
            if (share->keyId != ctx->key.keyId())
                return makeError(ErrorCode::KeyMismatch, "this custodian's share belongs to another report key");
            auto file = check(*ctx, bytes);
            CC_TRY(file);
            describeFile(subject, *file);
            subject.detail += ", custodian " + std::to_string(share->index);
            if (file->kind != ReportFile::Kind::Encrypted)
                return makeError(ErrorCode::InvalidArgument, "this report is already published");
            auto cells = recompute(*ctx, *file);
            CC_TRY(cells);
            auto threshold = minimumCellSize();
            CC_TRY(threshold);
            const auto plan = reports::planSuppression(file->spec, patientCounts(*cells), *threshold);
            CC_TRY(differencing(*ctx, *file, *cells, *threshold));
            std::vector<std::uint32_t> released;
            for (std::uint32_t i = 0; i < plan.size(); ++i)
                if (plan[i] == CellRelease::Released)
                    released.push_back(i);
            if (released.empty())
                return makeError(ErrorCode::AccessDenied, "no cell of this report has at least " +
                                                              std::to_string(*threshold) +
                                                              " patients: nothing may be decrypted");
            reports::DecryptionShare out;
            out.reportId = file->reportId;
            out.specSha256 = file->specSha256;
            out.keyId = ctx->key.keyId();
            out.custodian = share->index;
            out.partials.resize(released.size());
            // Partial decryptions (three exponentiations each) spread over every core.
            LockedRng rng(m_clinic.rng());
            std::vector<std::optional<Error>> errors(released.size());
            const unsigned workers = std::max(
                1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(released.size())));
            std::vector<std::thread> threads;
            for (unsigned w = 0; w < workers; ++w)
                threads.emplace_back([&, w] {
                    for (std::size_t k = w; k < released.size(); k += workers) {
                        const std::uint32_t cell = released[k];
                        auto p = paillier::partialDecrypt(ctx->key, ctx->params, *share, (*cells)[cell].ciphertext, rng,
                                                          reports::partialContext(file->reportId, cell));
                        if (!p) {
                            errors[k] = std::move(p).error();
                            continue;
                        }
                        out.partials[k] = {cell, std::move(*p)};
                    }
                });
            for (auto& t : threads)
                t.join();
            for (auto& e : errors)
                if (e)
                    return *e;
            ShareOutcome outcome;
            outcome.share = out.encode();
            outcome.custodian = share->index;
            outcome.cellsDecrypted = released.size();
            outcome.cellsWithheld = plan.size() - released.size();
            CC_TRY(m_reports.putShare(file->reportId, share->index, outcome.share));
            subject.detail += ", " + std::to_string(outcome.cellsDecrypted) + " cells decrypted, " +
                              std::to_string(outcome.cellsWithheld) + " withheld";
            return outcome;
        };
        return noting(subject, work());
    });
}

Result<PublishOutcome> ReportService::publish(std::span<const std::uint8_t> bytes,
                                              const std::vector<std::vector<std::uint8_t>>& extraShares)
{
    AuditSubject subject = reportSubject(AuditAction::Create, "report published");
    return audited(m_clinic, Permission::RunReports, subject, [&]() -> Result<PublishOutcome> {
        auto work = [&]() -> Result<PublishOutcome> {
            auto ctx = context(true);
            CC_TRY(ctx);
            auto file = check(*ctx, bytes);
            CC_TRY(file);
            describeFile(subject, *file);
            if (file->kind != ReportFile::Kind::Encrypted)
                return makeError(ErrorCode::InvalidArgument, "this report is already published");
            PublishOutcome outcome;
            auto released = release(*ctx, *file, extraShares, outcome.rejectedPartials);
            CC_TRY(released);
            const auto& cells = released->cells;
            const auto& plan = released->plan;
            const auto& plains = released->plains;
            const std::uint32_t threshold = released->threshold;
            ReportFile published;
            published.kind = ReportFile::Kind::Published;
            published.spec = file->spec;
            published.specSha256 = file->specSha256;
            published.reportId = file->reportId;
            published.clinicId = file->clinicId;
            published.clinicName = file->clinicName;
            published.keyId = file->keyId;
            published.createdAtMs =
                std::chrono::duration_cast<std::chrono::milliseconds>(m_clinic.clock().now().time_since_epoch())
                    .count();
            published.sourceSha256 = crypto::sha256(bytes);
            published.minimumCellSize = threshold;
            for (const auto& key : file->spec.cells()) {
                reports::ReportCell cell;
                cell.key = key;
                cell.layoutId = file->cells[key.index].layoutId;
                const auto& computed = cells[key.index];
                if (plan[key.index] != CellRelease::Released) {
                    cell.figures.suppressed = true;
                    cell.figures.reason = plan[key.index] == CellRelease::BelowThreshold
                                              ? QStringLiteral("fewer than %1 patients").arg(threshold)
                                              : QStringLiteral("complementary suppression");
                    published.cells.push_back(std::move(cell));
                    continue;
                }
                const auto& plain = plains[key.index];
                auto layout = records::ObservationLayout::forCode(m_catalogue, key.measure);
                CC_TRY(layout);
                auto sum = layout->decode(plain);
                CC_TRY(sum);
                auto figures = reports::figuresFor(*sum, *layout, *m_catalogue.find(key.measure), computed.patients(),
                                                   computed.observations, computed.maxRowsPerPatient(), threshold);
                CC_TRY(figures);
                cell.figures = std::move(*figures);
                published.cells.push_back(std::move(cell));
            }
            published.custodians.assign(released->used.begin(), released->used.end());
            auto digests = cohortDigests(*ctx, cells);
            CC_TRY(digests);
            ports::PublishedCohort cohort{file->reportId, measuresKey(file->spec), std::move(*digests),
                                          published.createdAtMs};
            CC_TRY(m_reports.putPublishedCohort(cohort));
            outcome.file = published.sign(*ctx->signer);
            outcome.report = std::move(published);
            outcome.report.signerPublicKey = ctx->signer->publicKey().bytes();
            std::string custodians;
            for (auto c : outcome.report.custodians)
                custodians += (custodians.empty() ? "" : ",") + std::to_string(c);
            subject.detail += ", custodians " + custodians;
            for (const auto& r : outcome.rejectedPartials)
                subject.reason += (subject.reason.empty() ? "rejected " : "; rejected ") + r;
            return outcome;
        };
        return noting(subject, work());
    });
}

} // namespace cc::services
