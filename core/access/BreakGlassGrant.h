// SPDX-License-Identifier: GPL-3.0-or-later
// Emergency access for a doctor outside the care team (DESIGN.md section 8).
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/access/Role.h"

#include <chrono>
#include <string>
#include <string_view>

namespace cc::access {

/// A doctor's 60-minute access to one patient outside their care team, with a reason. Every grant
/// is flagged for administrator review (the audit event carries the reason and the flag).
class BreakGlassGrant
{
public:
    static constexpr std::chrono::minutes kDuration{60};
    static constexpr std::size_t kMinReasonLength = 15;
    static constexpr std::size_t kMaxReasonLength = 500;
    static constexpr std::size_t kMinReasonWords = 3;

    /// Checks a reason: after trimming, 15 to 500 bytes, at least 3 words (runs of non-space
    /// characters), no control characters. A rule a tired clinician can meet ("patient unconscious
    /// in emergency") and "x" or "..." cannot. Errors: InvalidArgument saying what is missing.
    [[nodiscard]] static Status validateReason(std::string_view reason);

    /// Grants access from clock.now() for 60 minutes. Errors: InvalidArgument (role is not Doctor,
    /// reason fails validateReason).
    [[nodiscard]] static Result<BreakGlassGrant> create(const UserId& doctor, Role role, const PatientId& patient,
                                                        std::string_view reason, const Clock& clock);

    [[nodiscard]] const UserId& doctor() const noexcept { return m_doctor; }
    [[nodiscard]] const PatientId& patientId() const noexcept { return m_patient; }
    /// The trimmed reason (may be PHI: it goes to the audit trail, never to a log).
    [[nodiscard]] const std::string& reason() const noexcept { return m_reason; }
    [[nodiscard]] Clock::TimePoint grantedAt() const noexcept { return m_grantedAt; }
    [[nodiscard]] Clock::TimePoint expiresAt() const noexcept { return m_grantedAt + kDuration; }
    /// True from grantedAt up to (not including) expiresAt.
    [[nodiscard]] bool activeAt(Clock::TimePoint t) const noexcept { return t >= m_grantedAt && t < expiresAt(); }
    /// True until an administrator has reviewed the grant.
    [[nodiscard]] bool flaggedForReview() const noexcept { return !m_reviewed; }
    /// Records the administrator's review.
    void markReviewed() noexcept { m_reviewed = true; }

private:
    BreakGlassGrant() = default;

    UserId m_doctor{};
    PatientId m_patient{};
    std::string m_reason;
    Clock::TimePoint m_grantedAt;
    bool m_reviewed = false;
};

} // namespace cc::access
