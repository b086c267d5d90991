// SPDX-License-Identifier: GPL-3.0-or-later
// Trail versus witness: authenticate each witnessed head, then look for it in the store.
#include "core/audit/WitnessCheck.h"

#include "core/audit/AuditChain.h"

#include <algorithm>

namespace cc::audit {

namespace {

// A genuine head is at most this far along; deriving A_seq for a forged huge seq would take
// forever, so such a line is reported unauthenticated without the walk.
constexpr std::uint64_t kMaxPlausibleSeq = std::uint64_t{1} << 32;

std::string describe(const WitnessedHead& h)
{
    std::string s = "event " + std::to_string(h.seq) + " (" + formatUtcMillis(h.timeMs) + ", " +
                    std::string(eventIdName(h.eventId));
    if (h.eventType != AuditEventType::None)
        s += "/" + std::string(eventTypeName(h.eventType));
    s += ", action " + std::string(1, static_cast<char>(h.action));
    s += ", user " + (h.userId.empty() ? std::string("-") : h.userId) + ")";
    return s;
}

} // namespace

std::string_view witnessFindingName(WitnessFinding::Kind kind) noexcept
{
    switch (kind) {
    case WitnessFinding::Kind::Missing:
        return "Missing";
    case WitnessFinding::Kind::Different:
        return "Different";
    case WitnessFinding::Kind::Unauthenticated:
        return "Unauthenticated";
    case WitnessFinding::Kind::Damaged:
        return "Damaged";
    }
    return "Unknown";
}

Result<WitnessReport> checkAgainstWitness(const AuditStore& store, const crypto::SecureBytes& rootKey,
                                          const ClinicId& clinicId, const WitnessLog& log)
{
    if (rootKey.size() != AuditChain::kKeySize)
        return makeError(ErrorCode::InvalidArgument, "the audit root key must be 32 bytes");
    WitnessReport report;
    for (std::size_t line : log.damagedLines)
        report.findings.push_back({WitnessFinding::Kind::Damaged, 0, line,
                                   "witness line " + std::to_string(line) + " carries the marker but does not parse"});
    std::vector<const WitnessLine*> mine;
    for (const auto& l : log.heads) {
        if (l.head.clinicId != clinicId)
            ++report.otherClinics;
        else
            mine.push_back(&l);
    }
    std::stable_sort(mine.begin(), mine.end(),
                     [](const WitnessLine* a, const WitnessLine* b) { return a->head.seq < b->head.seq; });

    auto first = AuditChain::keyAt(rootKey, 1);
    CC_TRY(first);
    crypto::SecureBytes key = std::move(first).value();
    std::uint64_t keySeq = 1;
    for (const WitnessLine* l : mine) {
        const WitnessedHead& h = l->head;
        ++report.headsChecked;
        const std::string where = " (witness line " + std::to_string(l->line) + ")";
        if (h.seq > kMaxPlausibleSeq) {
            report.findings.push_back({WitnessFinding::Kind::Unauthenticated, h.seq, l->line,
                                       "witness line " + std::to_string(l->line) + " names an implausible seq"});
            continue;
        }
        while (keySeq < h.seq) {
            auto next = AuditChain::evolveKey(key, keySeq);
            CC_TRY(next);
            key = std::move(next).value();
            ++keySeq;
        }
        auto mac = AuditChain::mac(key, h.hash);
        CC_TRY(mac);
        if (!crypto::constantTimeEqual(*mac, h.mac)) {
            report.findings.push_back({WitnessFinding::Kind::Unauthenticated, h.seq, l->line,
                                       "witness line " + std::to_string(l->line) +
                                           " does not authenticate under the audit key (forged, or another "
                                           "clinic's chain): ignored"});
            continue;
        }
        report.lastWitnessedSeq = std::max(report.lastWitnessedSeq, h.seq);
        auto stored = store.read(h.seq, 1);
        CC_TRY(stored);
        if (stored->empty() || stored->front().seq != h.seq) {
            report.findings.push_back(
                {WitnessFinding::Kind::Missing, h.seq, l->line,
                 describe(h) + where + " is missing from the clinic: the trail was truncated or rolled back"});
            continue;
        }
        if (stored->front().hash != h.hash || stored->front().mac != h.mac)
            report.findings.push_back(
                {WitnessFinding::Kind::Different, h.seq, l->line,
                 describe(h) + where + " differs from the clinic's event at that seq: the trail was rewritten"});
    }
    report.ok = std::none_of(report.findings.begin(), report.findings.end(),
                             [](const WitnessFinding& f) { return f.kind != WitnessFinding::Kind::Damaged; });
    return report;
}

} // namespace cc::audit
