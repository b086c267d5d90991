// SPDX-License-Identifier: GPL-3.0-or-later
// Which audit events a listing or export shows.
#pragma once

#include "core/audit/AuditEvent.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cc::audit {

/// Conditions that all must hold (unset ones are ignored).
struct AuditFilter
{
    std::optional<std::int64_t> fromMs;   ///< time >= fromMs (UTC milliseconds)
    std::optional<std::int64_t> untilMs;  ///< time < untilMs
    std::optional<std::string> userId;    ///< exact user row id
    std::optional<std::string> patientId; ///< exact patient row id (a patient's own access history)
    std::optional<AuditAction> action;    ///< RFC 3881 EventActionCode
    bool flaggedOnly = false;             ///< only events flagged for review

    /// True if `event` passes every set condition.
    [[nodiscard]] bool matches(const AuditEvent& event) const;
};

} // namespace cc::audit
