// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/ui/support/ClinicFixture.h"

#include "core/paillier/KeyFile.h"
#include "core/services/SetupService.h"

#include <QFile>

namespace cc::testing {

namespace {

crypto::SecureBytes secret(const std::string& text)
{
    return crypto::SecureBytes(bytesOf(text));
}

} // namespace

std::span<const std::uint8_t> bytesOf(const std::string& text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

ClinicFixture::ClinicFixture(bool demo, const std::string& name)
{
    if (!m_dir.isValid()) {
        m_error = "no temporary folder";
        return;
    }
    const std::string dir = m_dir.filePath(QStringLiteral("clinic")).toStdString();
    const services::ServiceOptions options{crypto::Argon2Params::forTests(), "test-ws"};

    QFile keyFile(QStringLiteral(CC_TEST_DATA_DIR "/paillier/test-key-2048.json"));
    if (!keyFile.open(QIODevice::ReadOnly)) {
        m_error = "cannot read tests/data/paillier/test-key-2048.json";
        return;
    }
    const std::string keyJson = keyFile.readAll().toStdString();

    services::SetupRequest request;
    request.clinicName = name;
    request.demo = demo;
    request.admin = services::AccountSeed{kAdmin, secret(kAdminPassword)};
    request.doctor = services::AccountSeed{kDoctor, secret(kDoctorPassword)};
    request.reportKeyBits = 2048;
    request.reportKeySource = [keyJson]() { return paillier::KeyFile::readPrivate(keyJson); };

    const services::BackendFactory factory =
        [dir](const ports::ClinicDescriptor& descriptor,
              const crypto::SecureBytes& dbk) -> Result<std::unique_ptr<ports::ClinicBackend>> {
        auto store = db::ClinicStore::create(dir, descriptor, dbk);
        if (!store)
            return std::move(store).error();
        return std::unique_ptr<ports::ClinicBackend>(std::make_unique<db::ClinicStore>(std::move(store).value()));
    };
    {
        std::unique_ptr<ports::ClinicBackend> created;
        auto setup = services::createClinic(request, factory, m_clock, m_rng, options, &created);
        if (!setup) {
            m_error = "createClinic: " + setup.error().describe();
            return;
        }
    } // the ceremony's backend releases the clinic lock here
    auto opened = db::ClinicStore::openFolder(dir);
    if (!opened) {
        m_error = "openFolder: " + opened.error().describe();
        return;
    }
    m_store = std::make_unique<db::ClinicStore>(std::move(opened).value());
    m_clinic = std::make_unique<services::ClinicService>(*m_store, m_clock, m_rng, options);
}

ClinicFixture::~ClinicFixture()
{
    if (m_clinic)
        m_clinic->logout();
}

Status ClinicFixture::login(const std::string& name, const std::string& password)
{
    return m_clinic->login(name, bytesOf(password));
}

} // namespace cc::testing
