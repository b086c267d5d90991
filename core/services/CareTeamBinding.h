// SPDX-License-Identifier: GPL-3.0-or-later
// Care-team memberships bound to the audit event that made them (schema 10; issue 10 item 6;
// docs/SECURITY-REVIEW.md section 4). A `care_team` row gives a doctor routine access to a chart,
// so a row written by SQL (a doctor with the database key making their curiosity look like care)
// must give none: each row names its event, which must be in the trail's hash chain and say that
// this doctor was put on this patient's team.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/ports/CareTeamStore.h"

#include <cstddef>
#include <string>
#include <vector>

namespace cc::services {

class ClinicService;

class CareTeamBinding
{
public:
    /// Whether `row` was written by CipherChart. It must name an event in the trail's hash chain,
    /// successful, about this patient, that is one of:
    ///  - an administrator's "doctor added to care team" naming this doctor (CareTeamService), or
    ///    the same event recorded when older rows were bound (complete());
    ///  - this doctor's "patient created" (PatientService::create);
    ///  - this doctor's import that created the patient: the patient's row names the import's
    ///    event (patients.created_seq), and the event names the set of patients it created by a
    ///    digest (createdSetText()), so a patient added to that set by SQL breaks it for all.
    /// Rows with no event (0) pass only while the clinic has not bound its older rows yet (meta
    /// care_team_bound). Errors: IntegrityFailure ("care-team row of doctor … for patient … names
    /// …: it was not written by CipherChart, and gives no access"), storage errors.
    [[nodiscard]] static Status check(ClinicService& clinic, const ports::CareTeamRow& row);

    /// The patients on `doctor`'s care teams whose row checks, in id order; rows that do not are
    /// left out (a doctor's verify and every whole-clinic verify name them). Kept in the session
    /// (ClinicService::bindingCache) while the care-team generation stays the same
    /// (ports::CareTeamStore::generation). Errors: storage errors.
    [[nodiscard]] static Result<std::vector<access::PatientId>> patientsOf(ClinicService& clinic,
                                                                           const access::UserId& doctor);

    /// Every row of the clinic checked: the first that does not check, or empty; and the number
    /// checked in `checked`. Then one pass over the trail (whose chain the caller has verified)
    /// names a row put back after a later event took its doctor off that team (removed, account
    /// disabled, role changed): a removal undone by SQL, which check() alone cannot see.
    /// Errors: storage errors.
    [[nodiscard]] static Result<std::string> verifyAll(ClinicService& clinic, std::size_t& checked);

    /// The text an import's audit event carries about the patients it created: "created N
    /// (set H)", H the first 16 bytes of SHA-256 over the sorted ids, in hex.
    [[nodiscard]] static std::string createdSetText(std::vector<access::PatientId> patients);

    /// Binds the rows of a clinic from before schema 10 (no event): one event per row, as an
    /// administrator's addition records it, plus one summary event flagged for review ("care-team
    /// rows bound to audit events: N rows": the rows are trusted as they stand), in one
    /// transaction; then sets meta care_team_bound. A no-op once done. Returns the number of rows
    /// bound. Errors: AccessDenied (no session), storage errors.
    [[nodiscard]] static Result<std::size_t> complete(ClinicService& clinic);
};

} // namespace cc::services
