// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/AuditReviewService.h"

#include "core/audit/AuditExport.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace cc::services {

using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditOutcome;

namespace {

constexpr std::string_view kReviewObject = "AuditEvent";
constexpr std::size_t kMinComment = 3;

bool isReview(const audit::AuditEvent& e)
{
    return e.eventId == AuditEventId::AuditLogUsed && e.action == AuditAction::Update &&
           e.objectType == kReviewObject && e.outcome == AuditOutcome::Success;
}

std::optional<std::uint64_t> reviewedSeq(const audit::AuditEvent& e)
{
    std::uint64_t seq = 0;
    const auto* first = e.objectId.data();
    const auto [end, ec] = std::from_chars(first, first + e.objectId.size(), seq);
    if (ec != std::errc() || end != first + e.objectId.size())
        return std::nullopt;
    return seq;
}

std::string trimmed(const std::string& s)
{
    const auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return {};
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

} // namespace

bool AuditReviewService::needsReview(const audit::AuditEvent& event) noexcept
{
    return event.flagged || event.outcome == AuditOutcome::SeriousFailure ||
           event.outcome == AuditOutcome::MajorFailure;
}

Result<std::vector<ReviewItem>> AuditReviewService::items()
{
    const AuditSubject subject = makeSubject(AuditEventId::AuditLogUsed, audit::AuditEventType::None, AuditAction::Read,
                                             "AuditLog", {}, "events for review");
    CC_TRY(m_clinic.authorize(access::Permission::ReviewBreakGlass, subject));
    auto all = audit::AuditExport::list(m_clinic.backend().auditStore(), {});
    if (!all) {
        CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
        return std::move(all).error();
    }
    std::vector<ReviewItem> out;
    std::map<std::uint64_t, std::size_t> position;
    for (const auto& entry : *all) {
        const auto& e = entry.event;
        if (isReview(e)) {
            if (auto seq = reviewedSeq(e); seq && position.count(*seq)) {
                auto& item = out[position[*seq]];
                item.reviewed = true;
                item.reviewer = e.userName;
                item.comment = e.reason;
                item.reviewedAtMs = e.timeMs;
            }
            continue;
        }
        if (needsReview(e)) {
            position[e.seq] = out.size();
            out.push_back(ReviewItem{e, false, {}, {}, 0});
        }
    }
    CC_TRY(m_clinic.record(subject));
    return out;
}

Result<std::string> AuditReviewService::checkComment(const std::string& comment)
{
    std::string text = trimmed(comment);
    if (text.size() < kMinComment || text.size() > audit::kMaxReasonSize)
        return makeError(ErrorCode::InvalidArgument, "a review comment needs 3 to 1000 characters");
    if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        return makeError(ErrorCode::InvalidArgument, "a review comment may not hold control characters");
    return text;
}

Status AuditReviewService::markReviewed(std::uint64_t seq, const std::string& comment)
{
    AuditSubject subject =
        makeSubject(AuditEventId::AuditLogUsed, audit::AuditEventType::None, AuditAction::Update,
                    std::string(kReviewObject), std::to_string(seq), "review of event " + std::to_string(seq));
    CC_TRY(m_clinic.authorize(access::Permission::ReviewBreakGlass, subject));
    const std::string text = trimmed(comment);
    auto check = [&]() -> Status {
        CC_TRY(checkComment(text));
        auto all = audit::AuditExport::list(m_clinic.backend().auditStore(), {});
        CC_TRY(all);
        bool found = false;
        for (const auto& entry : *all) {
            const auto& e = entry.event;
            if (e.seq == seq)
                found = needsReview(e);
            if (isReview(e) && reviewedSeq(e) == seq)
                return makeError(ErrorCode::AlreadyExists,
                                 "event " + std::to_string(seq) + " was reviewed by " + e.userName);
        }
        if (!found)
            return makeError(ErrorCode::NotFound, "no event " + std::to_string(seq) + " needs review");
        return {};
    }();
    if (!check) {
        subject.detail += " refused: " + std::string(errorCodeName(check.error().code));
        CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
        return check;
    }
    subject.reason = text;
    return m_clinic.record(subject);
}

} // namespace cc::services
