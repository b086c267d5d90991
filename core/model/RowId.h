// SPDX-License-Identifier: GPL-3.0-or-later
// Random 128-bit row id of a clinical record (DESIGN.md section 5), shared with the access layer.
#pragma once

#include "core/Result.h"
#include "core/TaggedId.h"
#include "core/access/Ids.h"

#include <QString>

#include <array>
#include <cstdint>
#include <utility>

namespace cc::crypto {
class Rng;
}

namespace cc::model {

/// A record's random row id: random, never derived from the MRN or any PHI, and stored as a
/// plaintext column, never inside the sealed document. Its own type (core/TaggedId.h), so a row id
/// and a patient id cannot be swapped.
using RowId = cc::RowId;

/// 16 fresh random bytes drawn from `rng`.
[[nodiscard]] IdBytes newIdBytes(crypto::Rng& rng);

/// A fresh random id of kind `Id` (a row id unless named: `newRowId<access::PatientId>(rng)`).
template <class Id = RowId> [[nodiscard]] Id newRowId(crypto::Rng& rng)
{
    return Id{newIdBytes(rng)};
}

/// Lower-case hex form (32 characters) of any 128-bit id: a row, patient, user or clinic id. For
/// logs, tests and the CLI; ids are not PHI.
[[nodiscard]] QString rowIdToHex(const IdBytes& id);

/// The 16 bytes of a 32-character hex id; MalformedInput if it has another length or a non-hex
/// digit.
[[nodiscard]] Result<IdBytes> idBytesFromHex(QStringView text);

/// Parses the 32-character hex form of an id of kind `Id` (RowId unless named, e.g.
/// `rowIdFromHex<access::PatientId>(text)`); MalformedInput as idBytesFromHex.
template <class Id = RowId> [[nodiscard]] Result<Id> rowIdFromHex(QStringView text)
{
    auto bytes = idBytesFromHex(text);
    if (!bytes)
        return std::move(bytes).error();
    return Id{*bytes};
}

} // namespace cc::model
