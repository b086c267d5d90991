// SPDX-License-Identifier: GPL-3.0-or-later
// A real clinic (key ceremony, SQLCipher database, key-slot file) in a temporary folder for GUI tests.
#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/crypto/Rng.h"
#include "core/services/ClinicService.h"
#include "db/ClinicStore.h"

#include <QTemporaryDir>

#include <memory>
#include <string>

namespace cc::testing {

/// Creates a clinic through services::createClinic with the fast test Argon2id parameters, the
/// 2048-bit fixture report key (tests/data/paillier/test-key-2048.json), a deterministic Rng and a
/// ManualClock; then reopens the folder as the GUI does (ClinicStore::openFolder) and builds a
/// ClinicService over it. Accounts: administrator "admin" and doctor "drgrey" with the passwords
/// below. Check ok() (and error()) before use.
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

    [[nodiscard]] ManualClock& clock() { return m_clock; }
    [[nodiscard]] db::ClinicStore& store() { return *m_store; }
    [[nodiscard]] services::ClinicService& clinic() { return *m_clinic; }
    [[nodiscard]] QString path() const { return m_dir.path(); }

    /// Logs in synchronously (tests that do not exercise the login window).
    [[nodiscard]] Status login(const std::string& name, const std::string& password);

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    crypto::DeterministicRng m_rng{20260101};
    std::unique_ptr<db::ClinicStore> m_store;
    std::unique_ptr<services::ClinicService> m_clinic;
    std::string m_error;
};

/// The bytes of a string, for the services' password spans.
[[nodiscard]] std::span<const std::uint8_t> bytesOf(const std::string& text);

} // namespace cc::testing
