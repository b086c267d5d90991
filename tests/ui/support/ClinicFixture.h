// SPDX-License-Identifier: GPL-3.0-or-later
// A real clinic (key ceremony, SQLCipher database, key-slot file) in a temporary folder for GUI tests.
#pragma once

#include "core/model/RowId.h"
#include "tests/support/TestClinic.h"

#include <QString>

#include <memory>
#include <string>

namespace cc::testing {

/// The shared integration fixture (tests/support/TestClinic: ceremony with fast Argon2id, the
/// 2048-bit fixture report key, a ManualClock, the folder reopened as the GUI does) with the GUI
/// tests' account names: administrator "admin" and doctor "drgrey". Check ok() (and error()).
class ClinicFixture
{
public:
    static constexpr const char* kAdmin = "admin";
    static constexpr const char* kAdminPassword = "admin password 1";
    static constexpr const char* kDoctor = "drgrey";
    static constexpr const char* kDoctorPassword = "doctor password 1";

    /// `demo` marks the clinic as the demo clinic; `name` is the clinic's display name.
    explicit ClinicFixture(bool demo = false, const std::string& name = "Riverside Clinic");
    ~ClinicFixture();
    ClinicFixture(const ClinicFixture&) = delete;
    ClinicFixture& operator=(const ClinicFixture&) = delete;

    /// True if the ceremony and reopening succeeded.
    [[nodiscard]] bool ok() const { return m_error.empty(); }
    /// What failed, for QVERIFY2.
    [[nodiscard]] const char* error() const { return m_error.c_str(); }

    [[nodiscard]] ManualClock& clock() { return m_fixture->clock(); }
    [[nodiscard]] db::ClinicStore& store() { return m_fixture->store(); }
    [[nodiscard]] services::ClinicService& clinic() { return m_fixture->clinic(); }
    [[nodiscard]] QString path() const { return QString::fromStdString(m_fixture->dir()); }

    /// Logs in synchronously (tests that do not exercise the login window).
    [[nodiscard]] Status login(const std::string& name, const std::string& password);
    /// Registers a patient as the doctor (who joins the care team), then logs the administrator in
    /// again: the administrator's screens see a record they did not create. Returns its row id.
    [[nodiscard]] Result<access::PatientId> registerPatient(const QString& given, const QString& family,
                                                            const QString& mrn, const QString& birthDate);

private:
    std::unique_ptr<test::TestClinic> m_fixture;
    std::string m_error;
};

/// The bytes of a string, for the services' password spans.
[[nodiscard]] std::span<const std::uint8_t> bytesOf(const std::string& text);

} // namespace cc::testing
