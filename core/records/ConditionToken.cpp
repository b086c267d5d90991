// SPDX-License-Identifier: GPL-3.0-or-later
// Condition blind tokens over BlindToken.
#include "core/records/ConditionToken.h"

namespace cc::records {

Result<std::optional<Token>> conditionToken(const crypto::SecureBytes& indexKey, const QString& system,
                                            const QString& code)
{
    if (system.isEmpty() || code.isEmpty())
        return std::optional<Token>{};
    // A system URI holds no "|", so (system, code) pairs never collide.
    auto token = BlindToken::compute(indexKey, TokenDimension::ConditionCode, (system + u'|' + code).toStdString());
    CC_TRY(token);
    return std::optional<Token>(*token);
}

} // namespace cc::records
