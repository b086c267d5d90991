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
///
/// A (code, unit) pair without a catalogue entry gets the generic layout: x is the value at the
/// generic precision and range (interop::UnitsCatalogue::generic), there are no histogram edges
/// (one bin that always holds the count), and the id is kGenericIdBit | 15 bits of
/// SHA-256("cipherchart/generic-layout/v1" ‖ 0 ‖ code ‖ 0 ‖ unit). Catalogue ids stay below
/// kGenericIdBit, so the two families never collide, and two units of one code get different ids
/// unless their hashes collide (probability 2^-15 per pair of units of the same code; a report
/// selects rows by code token first, so only units of one code can meet).
class ObservationLayout
{
public:
    /// Sums over more records than this are refused by the layout (slot widths are sized for it).
    static constexpr std::uint64_t kMaxCount = 1u << 20;
    /// Sums of generic values are limited to this many records (Σx² of 2^16 values below
    /// 1.6 x 10^7 fits 64 bits).
    static constexpr std::uint64_t kGenericMaxCount = 1u << 16;
    /// Set in every generic layout id, never in a catalogue layout id.
    static constexpr std::uint16_t kGenericIdBit = 0x8000;

    /// The layout of `code` in `catalogue`. Errors: NotFound (code not in the catalogue),
    /// Unsupported (encoded range above 2^32: no Paillier value is stored),
    /// InvalidArgument / Overflow from PackedLayout (inconsistent catalogue entry).
    [[nodiscard]] static Result<paillier::PackedLayout> forCode(const interop::UnitsCatalogue& catalogue,
                                                                const QString& code);
    /// The generic layout of a (code, unit) pair (count, Σx, Σx², no histogram). Errors: as
    /// PackedLayout::forValues.
    [[nodiscard]] static Result<paillier::PackedLayout> forGeneric(const QString& code, const QString& unit);
    /// The layout a stored value of (code, unit) uses: forCode() if the catalogue has `code` with
    /// `unit` as its canonical unit, else forGeneric(). Errors: as those.
    [[nodiscard]] static Result<paillier::PackedLayout> forValue(const interop::UnitsCatalogue& catalogue,
                                                                 const QString& code, const QString& unit);
};

} // namespace cc::records
