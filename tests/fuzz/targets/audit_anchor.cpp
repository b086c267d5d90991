// SPDX-License-Identifier: GPL-3.0-or-later
// AuditAnchor::parse: the anchor file beside the database (six lines, checksummed); round trip.
#include "core/audit/AuditAnchor.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(audit_anchor)
{
    auto anchor = cc::audit::AuditAnchor::parse(cc::fuzz::asText(data));
    if (!anchor.ok()) {
        CC_FUZZ_CHECK(anchor.error().code == cc::ErrorCode::MalformedInput ||
                      anchor.error().code == cc::ErrorCode::Unsupported);
        return;
    }
    auto again = cc::audit::AuditAnchor::parse(anchor->encode());
    CC_FUZZ_CHECK(again.ok() && *again == *anchor);
}
