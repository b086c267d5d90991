// SPDX-License-Identifier: GPL-3.0-or-later
// A real clinic in a temporary folder for backup tests: ceremony, services and row-by-row dumps.
#pragma once

#include "core/Clock.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/Rng.h"
#include "core/paillier/KeyFile.h"
#include "core/services/ClinicService.h"
#include "core/services/SetupService.h"
#include "db/AtomicFile.h"
#include "db/ClinicStore.h"
#include "db/Database.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cc::testing {

inline constexpr const char* kAdmin = "admin";
inline constexpr const char* kAdminPassword = "canary-admin-password-7Q";
inline constexpr const char* kDoctor = "drhouse";
inline constexpr const char* kDoctorPassword = "canary-doctor-password-9Z";

inline std::span<const std::uint8_t> pw(const char* text)
{
    return {reinterpret_cast<const std::uint8_t*>(text), std::strlen(text)};
}

inline crypto::SecureBytes secret(const char* text)
{
    return crypto::SecureBytes(pw(text));
}

/// One clinic created by the real ceremony in `<parent>/<name>`, with the store kept open.
class BackupFixture
{
public:
    /// Creates the clinic. `seed` makes its ids and keys distinct from another fixture's.
    static std::unique_ptr<BackupFixture> create(const QString& parent, const std::string& name, std::uint64_t seed)
    {
        std::unique_ptr<BackupFixture> f(new BackupFixture(seed));
        f->m_dir = (parent + "/" + QString::fromStdString(name)).toStdString();
        services::SetupRequest request;
        request.clinicName = "Backup test clinic " + name;
        request.admin = {kAdmin, secret(kAdminPassword)};
        request.doctor = services::AccountSeed{kDoctor, secret(kDoctorPassword)};
        request.recoveryShares = 2;
        request.recoveryThreshold = 2;
        request.reportKeyBits = 2048;
        request.allowPublishedTestKey = true; // tests/data/paillier fixture key
        request.reportKeySource = []() -> Result<paillier::PrivateKey> {
            QFile file(QStringLiteral(CC_TEST_DATA_DIR "/paillier/test-key-2048.json"));
            if (!file.open(QIODevice::ReadOnly))
                return makeError(ErrorCode::NotFound, "test key missing");
            return paillier::KeyFile::readPrivate(file.readAll().toStdString());
        };
        const std::string dir = f->m_dir;
        const auto factory = [dir](const ports::ClinicDescriptor& d,
                                   const crypto::SecureBytes& dbk) -> Result<std::unique_ptr<ports::ClinicBackend>> {
            auto store = db::ClinicStore::create(dir, d, dbk);
            if (!store)
                return std::move(store).error();
            return std::unique_ptr<ports::ClinicBackend>(new db::ClinicStore(std::move(store).value()));
        };
        std::unique_ptr<ports::ClinicBackend> backend;
        auto made = services::createClinic(request, factory, f->m_clock, f->m_rng, options(), &backend);
        if (!made)
            return nullptr;
        f->m_backend = std::move(backend);
        f->m_clinic = std::make_unique<services::ClinicService>(*f->m_backend, f->m_clock, f->m_rng, options());
        return f;
    }

    static services::ServiceOptions options() { return {crypto::Argon2Params::forTests(), "test-ws"}; }

    /// Logs in (failing the test run with a message is the caller's job).
    Status login(const char* user = kAdmin, const char* password = kAdminPassword)
    {
        return m_clinic->login(user, pw(password));
    }

    /// Closes the folder (releases the lock) so another store or process may open it.
    void close()
    {
        m_clinic.reset();
        m_backend.reset();
    }

    /// Reopens the folder as the CLI would (runs the interrupted-restore recovery).
    Status reopen()
    {
        close();
        auto store = db::ClinicStore::openFolder(m_dir);
        if (!store)
            return std::move(store).error();
        m_backend = std::make_unique<db::ClinicStore>(std::move(store).value());
        m_clinic = std::make_unique<services::ClinicService>(*m_backend, m_clock, m_rng, options());
        return {};
    }

    services::ClinicService& clinic() { return *m_clinic; }
    ports::ClinicBackend& backend() { return *m_backend; }
    const std::string& dir() const { return m_dir; }
    ManualClock& clock() { return m_clock; }
    std::string file(const char* name) const { return m_dir + "/" + name; }

    /// Every table of the open database, row by row, as text (blobs in hex). Needs a session.
    std::map<std::string, std::vector<std::string>> dumpTables()
    {
        std::map<std::string, std::vector<std::string>> out;
        auto ring = m_clinic->keys();
        if (!ring)
            return out;
        const auto* dbk = (*ring)->find(access::KeyKind::DatabaseKey);
        auto db = db::Database::open(file("clinic.db"), dbk->secret, db::OpenMode::ReadOnly);
        if (!db)
            return out;
        std::vector<std::string> tables;
        auto list = db->prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;");
        while (list && *list->step())
            tables.push_back(list->columnText(0));
        for (const auto& table : tables) {
            auto rows = db->prepare("SELECT * FROM \"" + table + "\" ORDER BY 1;");
            auto& dump = out[table];
            while (rows && *rows->step()) {
                std::string line;
                for (int c = 0; c < rows->columnCount(); ++c)
                    line += services::idHex(rows->columnBlob(c)) + "|";
                dump.push_back(line);
            }
        }
        return out;
    }

    /// SHA-256 of a file in the folder (empty if it does not exist).
    std::string hashOf(const char* name) const
    {
        auto bytes = db::readFile(file(name), std::size_t{1} << 30);
        return bytes ? services::idHex(crypto::sha256(*bytes)) : std::string();
    }

    /// The folder's file names, sorted.
    QStringList entries() const
    {
        return QDir(QString::fromStdString(m_dir)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
    }

private:
    explicit BackupFixture(std::uint64_t seed) : m_rng(seed) {}

    ManualClock m_clock;
    crypto::DeterministicRng m_rng;
    std::string m_dir;
    std::unique_ptr<ports::ClinicBackend> m_backend;
    std::unique_ptr<services::ClinicService> m_clinic;
};

} // namespace cc::testing
