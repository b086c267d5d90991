// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/TestClinic.h"

#include "core/services/PatientService.h"

#include "core/paillier/KeyFile.h"
#include "db/AtomicFile.h"
#include "db/ClinicFolder.h"

#include <QFile>

namespace cc::test {

std::span<const std::uint8_t> bytes(const std::string& s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

crypto::SecureBytes secret(const std::string& s)
{
    return crypto::SecureBytes(bytes(s));
}

std::string readTestData(const std::string& relative)
{
    QFile f(QString::fromUtf8(CC_TEST_DATA_DIR) + "/" + QString::fromStdString(relative));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

TestClinic::TestClinic() : m_options{crypto::Argon2Params::forTests(), "test-ws"} {}

Result<std::unique_ptr<TestClinic>> TestClinic::create(const std::function<void(services::SetupRequest&)>& adjust)
{
    std::unique_ptr<TestClinic> t(new TestClinic());
    if (!t->m_dir.isValid())
        return makeError(ErrorCode::StorageError, "no temporary folder");
    const std::string keyJson = readTestData("paillier/test-key-2048.json");
    if (keyJson.empty())
        return makeError(ErrorCode::NotFound, "tests/data/paillier/test-key-2048.json is missing");
    services::SetupRequest request;
    request.clinicName = "Test Clinic";
    request.admin = {kAdmin, secret(kAdminPassword)};
    request.doctor = services::AccountSeed{kDoctor, secret(kDoctorPassword)};
    request.reportKeyBits = 2048;
    request.allowPublishedTestKey = true; // tests/data/paillier fixture key
    request.reportKeySource = [keyJson]() { return paillier::KeyFile::readPrivate(keyJson); };
    if (adjust)
        adjust(request);
    const std::string dir = t->dir() + "/clinic";
    std::unique_ptr<ports::ClinicBackend> backend;
    auto result = services::createClinic(
        request,
        [&](const ports::ClinicDescriptor& d,
            const crypto::SecureBytes& dbk) -> Result<std::unique_ptr<ports::ClinicBackend>> {
            auto store = db::ClinicStore::create(dir, d, dbk);
            if (!store)
                return std::move(store).error();
            return std::unique_ptr<ports::ClinicBackend>(new db::ClinicStore(std::move(store).value()));
        },
        t->m_clock, crypto::SystemRng::instance(), t->m_options, &backend);
    if (!result)
        return std::move(result).error();
    t->m_setup = std::move(result).value();
    // As `init` and the demo do: the sealed recovery ring beside the database.
    CC_TRY(db::writeFileAtomically(db::ClinicFolder(dir).recoveryPath(), t->m_setup.recoveryBlob, 0600));
    backend.reset(); // releases the lock: the clinic is reopened as a workstation would
    CC_TRY(t->reopen());
    return t;
}

Status TestClinic::login(const std::string& name, const std::string& password)
{
    return m_clinic->login(name, bytes(password));
}

access::PatientRef TestClinic::refOf(const access::PatientId& patient)
{
    auto key = services::PatientService::openChartKey(*m_clinic, patient, access::ChartData::Clinical);
    if (!key)
        qFatal("TestClinic::refOf: %s", key.error().message.c_str());
    return key->ref;
}

void TestClinic::close()
{
    m_clinic.reset();
    m_store.reset();
}

Status TestClinic::reopen()
{
    close();
    auto store = db::ClinicStore::openFolder(dir() + "/clinic");
    if (!store)
        return std::move(store).error();
    m_store = std::make_unique<db::ClinicStore>(std::move(store).value());
    m_clinic = std::make_unique<services::ClinicService>(*m_store, m_clock, crypto::SystemRng::instance(), m_options);
    return {};
}

} // namespace cc::test
