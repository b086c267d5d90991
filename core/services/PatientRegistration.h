// SPDX-License-Identifier: GPL-3.0-or-later
// Registering a new patient: identity validation, MRN generation and uniqueness, duplicate warning.
#pragma once

#include "core/Result.h"
#include "core/model/Patient.h"
#include "core/services/ClinicService.h"

#include <QString>

#include <vector>

namespace cc::services {

/// What a registration would run into, before anything is stored.
struct RegistrationCheck
{
    /// Patients on the user's care team with the same given and family name and birth date.
    std::vector<model::Patient> duplicatesOnCareTeam;
    /// How many other patients (not on the care team, so not named) have the same name and birth date.
    std::size_t duplicatesElsewhere = 0;
    /// True if the MRN is already some patient's.
    bool mrnInUse = false;

    [[nodiscard]] bool hasDuplicates() const { return !duplicatesOnCareTeam.empty() || duplicatesElsewhere > 0; }
};

/// The doctor's "New patient" use case. The identity is checked as the stored document's decoder
/// checks it (so the form's errors name the field: "patient.birthDate"); an MRN must be unique
/// across the clinic; a patient with the same name and birth date is a probable duplicate and is
/// only registered when the doctor confirms. Registering goes through PatientService::create,
/// which seals the identity, puts the doctor on the care team and writes the audit event.
class PatientRegistration
{
public:
    /// Prefix of generated MRNs ("CC" and eight digits).
    static constexpr const char* kGeneratedMrnPrefix = "CC";

    explicit PatientRegistration(ClinicService& clinic) : m_clinic(clinic) {}

    /// Validates `patient` and looks for an MRN in use and probable duplicates (names compared
    /// trimmed and case-insensitively). One audit event (Patient Record, Read, "registration
    /// check", no patient named). Errors: AccessDenied, MalformedInput (patient.<field>),
    /// SessionLocked, IntegrityFailure, storage errors.
    [[nodiscard]] Result<RegistrationCheck> check(const model::Patient& patient);
    /// An MRN no patient has: "CC" followed by eight random digits. Errors: AccessDenied,
    /// SessionLocked, IntegrityFailure, storage errors.
    [[nodiscard]] Result<QString> generateMrn();
    /// Registers `patient` (PatientService::create: audited, the doctor joins the care team).
    /// Refused with AlreadyExists when the MRN is in use, or when the patient is a probable
    /// duplicate and `duplicateConfirmed` is false. Errors: as check() and PatientService::create.
    [[nodiscard]] Result<access::PatientId> registerPatient(const model::Patient& patient, bool duplicateConfirmed);

    /// True if two identities have the same given and family name (trimmed, case-insensitive) and birth date.
    [[nodiscard]] static bool sameNameAndBirthDate(const model::Patient& a, const model::Patient& b);

private:
    Result<RegistrationCheck> examine(const model::Patient& patient);
    ClinicService& m_clinic;
};

} // namespace cc::services
