// SPDX-License-Identifier: GPL-3.0-or-later
// Compile-time half of TestTaggedIds (issue 10 item 9): each id kind is its own type. If any of
// these assertions stops holding, the test does not build.
#include "core/TaggedId.h"
#include "core/access/Ids.h"
#include "core/model/RowId.h"

#include <concepts>
#include <span>
#include <type_traits>

using namespace cc;
using access::PatientId;
using access::UserId;
using model::RowId;

namespace {

template <class A, class B>
concept EqualityComparable = requires(const A& a, const B& b)
{
    a == b;
};
template <class A, class B>
concept LessComparable = requires(const A& a, const B& b)
{
    a < b;
};
template <class A, class B>
concept ThreeWayComparable = requires(const A& a, const B& b)
{
    a <=> b;
};
template <class A, class B>
concept Assignable = requires(A& a, const B& b)
{
    a = b;
};

template <class A, class B> constexpr bool distinct()
{
    return !std::is_convertible_v<A, B> && !std::is_convertible_v<const A&, const B&> &&
           !std::is_constructible_v<B, const A&> && !std::is_constructible_v<B, A&&> && !Assignable<B, A> &&
           !EqualityComparable<A, B> && !EqualityComparable<B, A> && !LessComparable<A, B> && !LessComparable<B, A> &&
           !ThreeWayComparable<A, B> && !ThreeWayComparable<B, A>;
}

static_assert(distinct<UserId, PatientId>());
static_assert(distinct<PatientId, UserId>());
static_assert(distinct<PatientId, RowId>());
static_assert(distinct<RowId, PatientId>());
static_assert(distinct<UserId, RowId>());
static_assert(distinct<ClinicId, UserId>());
static_assert(distinct<ClinicId, PatientId>());
static_assert(distinct<ClinicId, RowId>());
// One clinic id type serves the access and audit layers.
static_assert(std::is_same_v<access::ClinicId, ClinicId>);
// Still 16 bytes, comparable and ordered within a kind, usable as raw bytes.
static_assert(sizeof(PatientId) == kIdSize && sizeof(RowId) == kIdSize && sizeof(UserId) == kIdSize);
static_assert(EqualityComparable<PatientId, PatientId> && std::totally_ordered<RowId>);
static_assert(std::is_convertible_v<const PatientId&, const IdBytes&>);
// From bare bytes only explicitly.
static_assert(std::is_constructible_v<PatientId, const IdBytes&> && !std::is_convertible_v<const IdBytes&, PatientId>);
static_assert(std::is_convertible_v<PatientId&, std::span<const std::uint8_t>>);

} // namespace
