// SPDX-License-Identifier: GPL-3.0-or-later
// Filter conditions for audit listings and exports.
#include "core/audit/AuditFilter.h"

namespace cc::audit {

bool AuditFilter::matches(const AuditEvent& e) const
{
    if (fromMs && e.timeMs < *fromMs)
        return false;
    if (untilMs && e.timeMs >= *untilMs)
        return false;
    if (userId && e.userId != *userId)
        return false;
    if (patientId && e.patientId != *patientId)
        return false;
    if (action && e.action != *action)
        return false;
    return !flaggedOnly || e.flagged;
}

} // namespace cc::audit
