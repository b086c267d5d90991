// SPDX-License-Identifier: GPL-3.0-or-later
// Random 128-bit row id of a clinical record (DESIGN.md section 5), shared with the access layer.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"

#include <QString>

namespace cc::crypto {
class Rng;
}

namespace cc::model {

/// A record's random row id. The same 128-bit shape as access::PatientId (one definition serves):
/// random, never derived from the MRN or any PHI, and stored as a plaintext column, never inside
/// the sealed document.
using RowId = access::PatientId;

/// A fresh random row id drawn from `rng`.
[[nodiscard]] RowId newRowId(crypto::Rng& rng);

/// Lower-case hex form of a row id (32 characters), for logs and tests; ids are not PHI.
[[nodiscard]] QString rowIdToHex(const RowId& id);

/// Parses the 32-character hex form; MalformedInput if it has another length or a non-hex digit.
[[nodiscard]] Result<RowId> rowIdFromHex(QStringView text);

} // namespace cc::model
