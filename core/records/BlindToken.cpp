// SPDX-License-Identifier: GPL-3.0-or-later
// Blind tokens over HMAC-SHA-256 and the age-band and year values they are computed from.
#include "core/records/BlindToken.h"

#include "core/crypto/Kdf.h"

#include <QDate>

#include <algorithm>
#include <vector>

namespace cc::records {

namespace {

Result<QDate> datePart(const QString& text, const char* field)
{
    const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    if (!date.isValid())
        return malformed("is not an ISO 8601 date", {}, 0, field);
    return date;
}

} // namespace

std::string_view BlindToken::dimensionName(TokenDimension dimension) noexcept
{
    switch (dimension) {
    case TokenDimension::ObservationCode:
        return "code";
    case TokenDimension::Sex:
        return "sex";
    case TokenDimension::AgeBand:
        return "age_band";
    case TokenDimension::Year:
        return "year";
    case TokenDimension::ResearchConsent:
        return "consent";
    case TokenDimension::ConditionCode:
        return "condition";
    }
    return "unknown";
}

Result<Token> BlindToken::compute(const crypto::SecureBytes& indexKey, TokenDimension dimension, std::string_view value)
{
    if (indexKey.empty() || value.empty())
        return makeError(ErrorCode::InvalidArgument, "a blind token needs the index key and a value");
    const std::string_view name = dimensionName(dimension);
    std::vector<std::uint8_t> input(name.begin(), name.end());
    // The 0x00 separator: dimension names contain no NUL, so (dimension, value) pairs never collide.
    input.push_back(0x00);
    input.insert(input.end(), value.begin(), value.end());
    auto mac = crypto::hmacSha256(indexKey.span(), input);
    CC_TRY(mac);
    Token token{};
    std::copy_n(mac->begin(), token.size(), token.begin());
    return token;
}

Result<std::string> BlindToken::ageBand(const QString& birthDate, const QString& effective)
{
    auto birth = datePart(birthDate, "birthDate");
    CC_TRY(birth);
    auto at = datePart(effective, "effective");
    CC_TRY(at);
    if (*at < *birth)
        return malformed("is before the birth date", {}, 0, "effective");
    int age = at->year() - birth->year();
    if (at->month() < birth->month() || (at->month() == birth->month() && at->day() < birth->day()))
        --age;
    const int low = (age / 10) * 10;
    return std::to_string(low) + "-" + std::to_string(low + 9);
}

Result<std::string> BlindToken::year(const QString& effective)
{
    auto at = datePart(effective, "effective");
    CC_TRY(at);
    return std::to_string(at->year());
}

} // namespace cc::records
