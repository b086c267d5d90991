// SPDX-License-Identifier: GPL-3.0-or-later
// Random 128-bit identifiers whose kind is part of their type (issue 10 item 9): a user id cannot be
// passed where a patient id, clinic id or record row id is expected, nor compared with or ordered against one.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>

namespace cc {

/// Size of every random identifier (DESIGN.md section 5: random 128-bit row ids, never the MRN).
inline constexpr std::size_t kIdSize = 16;

/// 16 random bytes tagged with what they identify. It is still an std::array (data(), size(),
/// iteration and std::span all work, and byte-level helpers take the base), but one kind does not
/// become another: `PatientId p = userId;`, `PatientId{rowId}`, `map.try_emplace(k, rowId)` into a
/// map of patient ids and `userId == patientId` do not compile. Building one from raw bytes is
/// explicit: `PatientId{bytes}` with `bytes` an IdBytes (not an id of another kind).
template <class Tag> struct TaggedId : std::array<std::uint8_t, kIdSize>
{
    using Bytes = std::array<std::uint8_t, kIdSize>;

    /// All zero bytes.
    constexpr TaggedId() noexcept : Bytes{} {}
    /// The id whose bytes are `bytes`.
    constexpr explicit TaggedId(const Bytes& bytes) noexcept : Bytes(bytes) {}
    /// An id of another kind is not this kind, not even explicitly (without this, the constructor
    /// above would take it through its base).
    template <class OtherTag> TaggedId(const TaggedId<OtherTag>&) = delete;

    friend bool operator==(const TaggedId&, const TaggedId&) = default;
    friend auto operator<=>(const TaggedId&, const TaggedId&) = default;

    /// Comparing ids of two kinds is a mistake, never a question: refused at compile time (without
    /// this, std::array's own operators would accept both through their common base).
    template <class OtherTag> friend bool operator==(const TaggedId&, const TaggedId<OtherTag>&) = delete;
    /// Ordering ids of two kinds likewise (`userId < patientId` would otherwise find std::array's
    /// own <=> through the common base).
    template <class OtherTag> friend auto operator<=>(const TaggedId&, const TaggedId<OtherTag>&) = delete;
};

/// The bare 16 bytes, for code that handles an id of any kind (hex forms, blobs, a column that
/// holds either a patient's or a record's id).
using IdBytes = std::array<std::uint8_t, kIdSize>;

struct ClinicIdTag;
struct RowIdTag;

/// A clinic's random id, written in the key-slot file header, bound into every slot's AAD and into
/// every audit record's MAC.
using ClinicId = TaggedId<ClinicIdTag>;

/// A clinical record's random row id (model::RowId): an encounter, observation, condition,
/// medication, allergy, note or attachment. Never a patient's id (access::PatientId).
using RowId = TaggedId<RowIdTag>;

} // namespace cc
