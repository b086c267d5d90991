// SPDX-License-Identifier: GPL-3.0-or-later
// Private to KeyService.cpp and KeyRotation.cpp: helpers the two share.
#pragma once

#include "core/Result.h"
#include "core/access/KeyKind.h"
#include "core/ports/ClinicMetaStore.h"

#include <QJsonObject>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cc::services::detail {

/// The JSON object stored in meta `name` (empty if absent or not an object); a storage error is
/// put in `status`.
QJsonObject metaObject(ports::ClinicMetaStore& meta, std::string_view name, Status& status);

/// The recovery ring's box public key from meta `recovery`. Errors: IntegrityFailure (missing or
/// not 32 bytes of hex), storage errors.
Result<std::array<std::uint8_t, 32>> recoveryBoxKey(ports::ClinicMetaStore& meta);

/// Why a kind is not rotated (yet); empty if it is.
std::string notRotatedReason(access::KeyKind kind);

} // namespace cc::services::detail
