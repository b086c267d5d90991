// SPDX-License-Identifier: GPL-3.0-or-later
// Break-glass grants and the reason rule.
#include "core/access/BreakGlassGrant.h"

namespace cc::access {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

} // namespace

Status BreakGlassGrant::validateReason(std::string_view reason)
{
    const std::string_view r = trim(reason);
    // The audit event carries the (trimmed) reason as one field without control characters: a line
    // break or tab inside it must be refused here, with this message, not later by the audit
    // validator as a malformed event (issue 10 item 9).
    if (r.find_first_of("\n\r\t\v\f") != std::string_view::npos)
        return makeError(ErrorCode::InvalidArgument,
                         "the reason for emergency access must be one line: no line breaks or tabs");
    if (r.size() < kMinReasonLength)
        return makeError(ErrorCode::InvalidArgument, "give a reason of at least 15 characters for emergency access");
    if (r.size() > kMaxReasonLength)
        return makeError(ErrorCode::InvalidArgument, "the reason for emergency access is limited to 500 characters");
    std::size_t words = 0;
    bool inWord = false;
    for (char c : r) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !isSpace(c)) || u == 0x7f)
            return makeError(ErrorCode::InvalidArgument, "the reason contains control characters");
        if (isSpace(c)) {
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            ++words;
        }
    }
    if (words < kMinReasonWords)
        return makeError(ErrorCode::InvalidArgument, "give a reason of at least three words for emergency access");
    return {};
}

Result<BreakGlassGrant> BreakGlassGrant::create(const UserId& doctor, Role role, const PatientId& patient,
                                                std::string_view reason, const Clock& clock)
{
    if (role != Role::Doctor)
        return makeError(ErrorCode::InvalidArgument, "only doctors can break the glass");
    CC_TRY(validateReason(reason));
    BreakGlassGrant g;
    g.m_doctor = doctor;
    g.m_patient = patient;
    g.m_reason = std::string(trim(reason));
    g.m_grantedAt = clock.now();
    return g;
}

} // namespace cc::access
