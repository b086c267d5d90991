// SPDX-License-Identifier: GPL-3.0-or-later
// Audit chain verification: links, hashes, evolving-key MACs, state row and anchor.
#include "core/audit/AuditVerifier.h"

#include "core/audit/AuditChain.h"
#include "core/audit/AuditEvent.h"

#include <optional>

namespace cc::audit {

namespace {

constexpr std::size_t kPageSize = 1000;

AuditReport problem(AuditReport report, AuditProblem kind, std::uint64_t seq, const std::string& what)
{
    report.ok = false;
    report.problem = kind;
    report.problemSeq = seq;
    report.message = "audit event " + std::to_string(seq) + ": " + what;
    return report;
}

std::string seqText(std::uint64_t seq)
{
    return std::to_string(seq);
}

Result<AuditReport> verifyTrail(const AuditStore& store, const ClinicId& clinicId, const crypto::SecureBytes& rootKey,
                                const AuditAnchor* anchor, AuditProblem anchorReadProblem)
{
    auto keyResult = AuditChain::keyAt(rootKey, 1);
    CC_TRY(keyResult);
    crypto::SecureBytes key = std::move(keyResult).value();
    AuditReport report;
    Digest256 prev{};
    std::uint64_t expected = 1;
    std::optional<AuditAnchor> anchoredRecord; // the record the anchor names, as found
    if (anchor && anchor->seq == 0)
        anchoredRecord = AuditAnchor{clinicId, 0, Digest256{}, Digest256{}};

    for (;;) {
        auto page = store.read(expected, kPageSize);
        CC_TRY(page);
        for (const AuditRecord& r : *page) {
            if (r.seq != expected) {
                if (r.seq > expected)
                    return problem(report, AuditProblem::SequenceGap, expected,
                                   "missing (next stored event is " + seqText(r.seq) + "): events were deleted");
                return problem(report, AuditProblem::BrokenLink, r.seq, "stored out of order");
            }
            if (r.prevHash != prev)
                return problem(report, AuditProblem::BrokenLink, r.seq,
                               "does not link to the previous event: events were inserted or reordered");
            const Digest256 hash = AuditChain::linkHash(prev, r.seq, r.body);
            if (hash != r.hash)
                return problem(report, AuditProblem::HashMismatch, r.seq, "hash does not match its content: altered");
            auto mac = AuditChain::mac(key, hash);
            CC_TRY(mac);
            if (!crypto::constantTimeEqual(*mac, r.mac))
                return problem(report, AuditProblem::MacMismatch, r.seq,
                               "MAC does not verify: forged or altered by someone without the audit key");
            auto event = decodeEvent(r.body);
            if (!event.ok() || event->seq != r.seq)
                return problem(report, AuditProblem::MalformedBody, r.seq, "authentic but unreadable body");
            auto next = AuditChain::evolveKey(key, r.seq);
            CC_TRY(next);
            key = std::move(next).value();
            if (anchor && anchor->seq == r.seq)
                anchoredRecord = AuditAnchor{clinicId, r.seq, r.hash, r.mac};
            prev = hash;
            report.headSeq = r.seq;
            ++report.eventsChecked;
            ++expected;
        }
        if (page->size() < kPageSize)
            break;
    }
    const std::uint64_t head = report.headSeq;

    // The writer's state row must continue the chain: same head, and the key A_{head+1}.
    auto state = store.state();
    if (!state.ok()) {
        if (state.error().code != ErrorCode::NotFound)
            return std::move(state).error();
        return problem(report, AuditProblem::StateMismatch, head, "the audit state row is missing");
    }
    if (state->seq > head)
        return problem(report, AuditProblem::Truncated, head + 1,
                       "missing: the state row records event " + seqText(state->seq) + " but the trail ends at " +
                           seqText(head));
    if (state->seq < head)
        return problem(report, AuditProblem::StateMismatch, state->seq + 1,
                       "is beyond the state row (seq " + seqText(state->seq) + "): the state row was rolled back");
    if (state->hash != prev)
        return problem(report, AuditProblem::StateMismatch, head, "the state row's head hash differs");
    if (!(state->macKey == key))
        return problem(report, AuditProblem::StateMismatch, head,
                       "the writer's current MAC key is not the key derived from the root key");

    if (anchorReadProblem == AuditProblem::AnchorMissing && head == 0) {
        anchorReadProblem = AuditProblem::None; // a new clinic may not have written one yet
    }
    if (anchorReadProblem == AuditProblem::AnchorMissing)
        return problem(report, AuditProblem::AnchorMissing, head, "the head has no anchor: the anchor file is missing");
    if (anchorReadProblem == AuditProblem::AnchorDamaged)
        return problem(report, AuditProblem::AnchorDamaged, head, "the anchor file is damaged (checksum or format)");
    if (anchor) {
        if (anchor->clinicId != clinicId)
            return problem(report, AuditProblem::AnchorForeign, anchor->seq, "the anchor belongs to another clinic");
        if (anchor->seq > head)
            return problem(report, AuditProblem::Truncated, head + 1,
                           "missing: the anchor records event " + seqText(anchor->seq) + " but the trail ends at " +
                               seqText(head) + " (events removed from the end or the database rolled back)");
        if (!anchoredRecord || !(*anchoredRecord == *anchor))
            return problem(report, AuditProblem::AnchorMismatch, anchor->seq,
                           "differs from the anchor: the database holds a different history");
        if (head - anchor->seq > 1)
            return problem(report, AuditProblem::AnchorRolledBack, anchor->seq + 1,
                           "and later are not covered: the anchor is " + seqText(head - anchor->seq) +
                               " events behind (rolled back)");
        report.anchorLagging = head - anchor->seq == 1;
    }
    report.ok = true;
    report.message = "audit trail verified: " + seqText(report.eventsChecked) + " events";
    if (report.anchorLagging)
        report.message += "; the anchor is one event behind (an interrupted write, rewritten with the next event)";
    return report;
}

} // namespace

std::string_view auditProblemName(AuditProblem p) noexcept
{
    switch (p) {
    case AuditProblem::None:
        return "None";
    case AuditProblem::SequenceGap:
        return "SequenceGap";
    case AuditProblem::BrokenLink:
        return "BrokenLink";
    case AuditProblem::HashMismatch:
        return "HashMismatch";
    case AuditProblem::MacMismatch:
        return "MacMismatch";
    case AuditProblem::MalformedBody:
        return "MalformedBody";
    case AuditProblem::StateMismatch:
        return "StateMismatch";
    case AuditProblem::Truncated:
        return "Truncated";
    case AuditProblem::AnchorRolledBack:
        return "AnchorRolledBack";
    case AuditProblem::AnchorMismatch:
        return "AnchorMismatch";
    case AuditProblem::AnchorForeign:
        return "AnchorForeign";
    case AuditProblem::AnchorMissing:
        return "AnchorMissing";
    case AuditProblem::AnchorDamaged:
        return "AnchorDamaged";
    }
    return "Unknown";
}

AuditVerifier::AuditVerifier(const AuditStore& store, const ClinicId& clinicId) : m_store(store), m_clinicId(clinicId)
{}

Result<AuditReport> AuditVerifier::verify(const crypto::SecureBytes& rootKey, const AuditAnchor* anchor) const
{
    return verifyTrail(m_store, m_clinicId, rootKey, anchor, anchor ? AuditProblem::None : AuditProblem::AnchorMissing);
}

Result<AuditReport> AuditVerifier::verify(const crypto::SecureBytes& rootKey, const AnchorSink& anchors) const
{
    auto anchor = anchors.read();
    if (anchor.ok())
        return verifyTrail(m_store, m_clinicId, rootKey, &anchor.value(), AuditProblem::None);
    switch (anchor.error().code) {
    case ErrorCode::NotFound:
        return verifyTrail(m_store, m_clinicId, rootKey, nullptr, AuditProblem::AnchorMissing);
    case ErrorCode::MalformedInput:
    case ErrorCode::Unsupported:
        return verifyTrail(m_store, m_clinicId, rootKey, nullptr, AuditProblem::AnchorDamaged);
    default:
        return std::move(anchor).error();
    }
}

} // namespace cc::audit
