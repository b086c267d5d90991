// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/AuditBinding.h"

#include "core/audit/AuditChain.h"
#include "core/services/ClinicService.h"

#include <string>

namespace cc::services {

Result<audit::AuditEvent> chainedEvent(ClinicService& clinic, std::int64_t seq)
{
    if (seq <= 0)
        return makeError(ErrorCode::IntegrityFailure, "names no audit event");
    auto& cache = clinic.bindingCache().events;
    if (const auto it = cache.find(seq); it != cache.end())
        return it->second;
    const auto n = static_cast<std::uint64_t>(seq);
    const std::string which = "names audit event " + std::to_string(n);
    auto records = clinic.backend().auditStore().read(n > 1 ? n - 1 : n, 3);
    CC_TRY(records);
    for (std::size_t i = 0; i < records->size(); ++i) {
        const auto& r = (*records)[i];
        if (r.seq != n)
            continue;
        const bool linked = audit::AuditChain::linkHash(r.prevHash, r.seq, r.body) == r.hash &&
                            (i == 0 || (*records)[i - 1].hash == r.prevHash) &&
                            (i + 1 == records->size() || (*records)[i + 1].prevHash == r.hash);
        if (!linked)
            return makeError(ErrorCode::IntegrityFailure, which + ", which is not in the trail's hash chain");
        auto event = audit::decodeEvent(r.body);
        if (!event)
            return makeError(ErrorCode::IntegrityFailure, which + ", which does not decode");
        cache.emplace(seq, *event);
        return std::move(*event);
    }
    return makeError(ErrorCode::IntegrityFailure, which + ", which the trail does not have");
}

Result<std::int64_t> recordForBinding(ClinicService& clinic, const AuditSubject& subject)
{
    audit::AuditLog* log = clinic.auditLog();
    if (log == nullptr)
        return makeError(ErrorCode::AccessDenied, "the audit trail is not open: log in first");
    CC_TRY(clinic.record(subject, audit::AuditOutcome::Success));
    return static_cast<std::int64_t>(log->lastSeq());
}

} // namespace cc::services
