// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/support/ClinicFixture.h"

#include "core/services/PatientService.h"

namespace cc::testing {

std::span<const std::uint8_t> bytesOf(const std::string& text)
{
    return test::bytes(text);
}

ClinicFixture::ClinicFixture(bool demo, const std::string& name)
{
    auto created = test::TestClinic::create([&](services::SetupRequest& request) {
        request.clinicName = name;
        request.demo = demo;
        request.admin = services::AccountSeed{kAdmin, test::secret(kAdminPassword)};
        request.doctor = services::AccountSeed{kDoctor, test::secret(kDoctorPassword)};
    });
    if (!created) {
        m_error = "TestClinic: " + created.error().describe();
        return;
    }
    m_fixture = std::move(created).value();
}

ClinicFixture::~ClinicFixture()
{
    if (m_fixture)
        m_fixture->clinic().logout();
}

Status ClinicFixture::login(const std::string& name, const std::string& password)
{
    return m_fixture->login(name, password);
}

Result<access::PatientId> ClinicFixture::registerPatient(const QString& given, const QString& family,
                                                         const QString& mrn, const QString& birthDate)
{
    clinic().logout();
    CC_TRY(login(kDoctor, kDoctorPassword));
    model::Patient patient;
    patient.givenName = given;
    patient.familyName = family;
    patient.mrn = mrn;
    patient.birthDate = birthDate;
    auto created = services::PatientService(clinic()).create(patient);
    clinic().logout();
    CC_TRY(login(kAdmin, kAdminPassword));
    return created;
}

} // namespace cc::testing
