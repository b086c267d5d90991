// SPDX-License-Identifier: GPL-3.0-or-later
// The condition blind token: which coded condition a condition row holds, as a keyed HMAC a
// report can select patients by without opening the row (DESIGN.md section 5, docs/RECORDS.md).
#pragma once

#include "core/Result.h"
#include "core/crypto/SecureBytes.h"
#include "core/records/BlindToken.h"

#include <QString>

#include <optional>

namespace cc::records {

/// BlindToken(ConditionCode, system ‖ "|" ‖ code) under the index key: the dimension name
/// ("condition") separates it from every other token, and naming the system keeps a SNOMED CT
/// code apart from an equal-looking code of another system. nullopt for an uncoded condition
/// (empty system or code): it gets no token. Errors: InvalidArgument (empty key), CryptoFailure.
[[nodiscard]] Result<std::optional<Token>> conditionToken(const crypto::SecureBytes& indexKey, const QString& system,
                                                          const QString& code);

} // namespace cc::records
