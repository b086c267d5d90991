// SPDX-License-Identifier: GPL-3.0-or-later
// The Paillier packed layout of one numeric observation code (DESIGN.md section 6).
#pragma once

#include "core/Result.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/paillier/PackedLayout.h"

#include <QString>

#include <cstdint>

namespace cc::records {

/// Maps a catalogue code to its PackedLayout: slots [count, x, x², one-hot bin] with x the
/// catalogue's fixed-point integer and bin edges the catalogue's edges encoded the same way.
/// The layout id is 1 + the code's position in the catalogue sorted by code, so every ciphertext
/// names the code's layout and a sum refuses to mix codes.
class ObservationLayout
{
public:
    /// Sums over more records than this are refused by the layout (slot widths are sized for it);
    /// codes with a wide range get less, so that Σx² fits a 64-bit slot.
    static constexpr std::uint64_t kMaxCount = 1u << 20;
    /// The layout of `code` in `catalogue`. Errors: NotFound (code not in the catalogue),
    /// Unsupported (range too wide for a 64-bit Σx² slot: no Paillier value is stored),
    /// InvalidArgument / Overflow from PackedLayout (inconsistent catalogue entry).
    [[nodiscard]] static Result<paillier::PackedLayout> forCode(const interop::UnitsCatalogue& catalogue,
                                                                const QString& code);
};

} // namespace cc::records
