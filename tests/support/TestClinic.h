// SPDX-License-Identifier: GPL-3.0-or-later
// A real clinic for integration tests: the key ceremony run by the services over a db::ClinicStore
// in a temporary folder, with fast Argon2id parameters, a fixture report key and a ManualClock.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/model/RowId.h"
#include "core/services/ClinicService.h"
#include "core/services/SetupService.h"
#include "db/ClinicStore.h"

#include <QTemporaryDir>

#include <memory>
#include <span>
#include <string>

namespace cc::test {

/// Accounts the fixture creates. Passwords are test data, never used elsewhere.
inline constexpr const char* kAdmin = "alice";
inline constexpr const char* kAdminPassword = "alice-password-1";
inline constexpr const char* kDoctor = "drbob";
inline constexpr const char* kDoctorPassword = "drbob-password-1";

/// The bytes of a string (passwords in tests).
[[nodiscard]] std::span<const std::uint8_t> bytes(const std::string& s);
[[nodiscard]] crypto::SecureBytes secret(const std::string& s);

/// Reads tests/data/<relative> (fixtures). Empty on failure.
[[nodiscard]] std::string readTestData(const std::string& relative);

/// A clinic in a temporary folder. Create with TestClinic::create(); the services run on `clock`.
class TestClinic
{
public:
    /// Runs the ceremony: admin alice (sole custodian, 1-of-1), doctor drbob, 2048-bit fixture
    /// report key (tests/data/paillier/test-key-2048.json), 2-of-3 recovery shares.
    /// `adjust` may change the request before the ceremony.
    [[nodiscard]] static Result<std::unique_ptr<TestClinic>>
    create(const std::function<void(services::SetupRequest&)>& adjust = {});

    [[nodiscard]] std::string dir() const { return m_dir.path().toStdString(); }
    [[nodiscard]] services::ClinicService& clinic() { return *m_clinic; }
    [[nodiscard]] db::ClinicStore& store() { return *m_store; }
    [[nodiscard]] ManualClock& clock() { return m_clock; }
    [[nodiscard]] const services::SetupResult& setup() const { return m_setup; }
    [[nodiscard]] const services::ServiceOptions& options() const { return m_options; }

    /// Logs in through the services.
    [[nodiscard]] Status login(const std::string& name, const std::string& password);
    /// Simulates a restart: the service and store are destroyed (lock released) and the folder reopened.
    [[nodiscard]] Status reopen();
    /// Closes everything (to inspect or tamper with the files).
    void close();
    /// The reference `patient`'s clinical, index and attachment rows carry (PatientService::
    /// openChartKey's ref): needs a session that can open that chart's clinical key (a doctor of
    /// the care team, or the patient). Aborts the test run if it cannot.
    [[nodiscard]] access::PatientRef refOf(const access::PatientId& patient);

private:
    TestClinic();
    QTemporaryDir m_dir;
    ManualClock m_clock;
    services::ServiceOptions m_options;
    services::SetupResult m_setup;
    std::unique_ptr<db::ClinicStore> m_store;
    std::unique_ptr<services::ClinicService> m_clinic;
};

} // namespace cc::test
