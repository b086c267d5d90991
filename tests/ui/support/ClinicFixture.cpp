// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/support/ClinicFixture.h"

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

} // namespace cc::testing
