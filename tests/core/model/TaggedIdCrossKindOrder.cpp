// SPDX-License-Identifier: GPL-3.0-or-later
// Compile-fail probe for TestTaggedIds (issue 10 item 9). Built only by the tests
// tagged_ids_order_across_kinds_refused_*: with CC_PROBE=0 it orders two ids of one kind and must
// build (the control); with CC_PROBE=1 or 2 it orders a user id against a patient id and must not.
// GCC accepts `userId < patientId` in an expression while a concept says it is ill-formed, so a
// static_assert cannot check this: only a real compilation can.
#include "core/TaggedId.h"
#include "core/access/Ids.h"

bool probe(const cc::access::UserId& user, const cc::access::PatientId& patient, const cc::access::UserId& other)
{
#if CC_PROBE == 0
    (void)patient;
    return user < other && (user <=> other) != 0;
#elif CC_PROBE == 1
    (void)other;
    return user < patient;
#else
    (void)other;
    return (patient <=> user) < 0;
#endif
}
