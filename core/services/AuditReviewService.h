// SPDX-License-Identifier: GPL-3.0-or-later
// The administrator's review of flagged audit events (break-glass, denials, recoveries), itself audited.
#pragma once

#include "core/Result.h"
#include "core/audit/AuditEvent.h"
#include "core/services/ClinicService.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cc::services {

/// An event that needs an administrator's review, and whether it had one.
struct ReviewItem
{
    audit::AuditEvent event;
    bool reviewed = false;
    std::string reviewer; ///< account name of the review event, if reviewed
    std::string comment;  ///< the reviewer's comment, if reviewed
    std::int64_t reviewedAtMs = 0;
};

/// Which events need review: those flagged when written (break-glass, recoveries) and every
/// serious or major failure (denials: a role asked for what it may not do). A review is itself an
/// audit event (Audit Log Used, Update, object "AuditEvent" with the reviewed event's sequence
/// number, the comment as its reason), so the trail says who reviewed what and why, and cannot be
/// edited afterwards. Permission ReviewBreakGlass (administrators).
class AuditReviewService
{
public:
    explicit AuditReviewService(ClinicService& clinic) : m_clinic(clinic) {}

    /// True if `event` needs an administrator's review.
    [[nodiscard]] static bool needsReview(const audit::AuditEvent& event) noexcept;
    /// A reviewer's comment, trimmed, if it has 3 to 1000 characters and no control character
    /// (what an audit event's reason takes). Errors: InvalidArgument.
    [[nodiscard]] static Result<std::string> checkComment(const std::string& comment);

    /// Every event that needs review, oldest first, with its review. One audit event.
    /// Errors: AccessDenied, SessionLocked, storage errors.
    [[nodiscard]] Result<std::vector<ReviewItem>> items();

    /// Marks event `seq` reviewed with `comment` (trimmed, 3 to 1000 bytes, no control characters).
    /// One audit event (the review), also when refused. Errors: AccessDenied, InvalidArgument
    /// (comment), NotFound (no such event needing review), AlreadyExists (reviewed before),
    /// storage errors.
    [[nodiscard]] Status markReviewed(std::uint64_t seq, const std::string& comment);

private:
    ClinicService& m_clinic;
};

} // namespace cc::services
