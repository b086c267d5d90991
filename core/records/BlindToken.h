// SPDX-License-Identifier: GPL-3.0-or-later
// Blind tokens: keyed, truncated HMACs of non-identifying values for cohort selection (DESIGN.md section 5).
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"

#include <QString>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cc::records {

/// The dimensions that may be tokenised. Never names, MRNs, addresses or free text.
enum class TokenDimension : std::uint8_t {
    ObservationCode, ///< LOINC code ("8480-6")
    Sex,             ///< FHIR administrative gender token ("female")
    AgeBand,         ///< 10-year band at the observation ("40-49")
    Year,            ///< year of the observation ("2021")
    ResearchConsent, ///< "yes" or "no"
    ConditionCode    ///< SNOMED CT code of a condition
};

/// A 128-bit blind token.
using Token = std::array<std::uint8_t, 16>;

/// HMAC-SHA-256(index key, dimension name ‖ 0x00 ‖ value) truncated to its first 128 bits
/// (truncation as allowed by RFC 2104 section 5 / NIST SP 800-107 section 5.3.3).
class BlindToken
{
public:
    /// The stable name of a dimension ("code", "sex", "age_band", "year", "consent", "condition").
    [[nodiscard]] static std::string_view dimensionName(TokenDimension dimension) noexcept;
    /// The token of `value` in `dimension` under the index key. Errors: InvalidArgument (empty
    /// key or value), CryptoFailure.
    [[nodiscard]] static Result<Token> compute(const crypto::SecureBytes& indexKey, TokenDimension dimension,
                                               std::string_view value);
    /// The 10-year age band ("0-9", "40-49" ... "110-119") of a person born on `birthDate` at
    /// the date of `effective` (ISO 8601 date or date-time). Errors: MalformedInput (unparsable
    /// date, observation before birth).
    [[nodiscard]] static Result<std::string> ageBand(const QString& birthDate, const QString& effective);
    /// The four-digit year of an ISO 8601 date or date-time. Errors: MalformedInput.
    [[nodiscard]] static Result<std::string> year(const QString& effective);
};

} // namespace cc::records
