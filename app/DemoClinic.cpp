// SPDX-License-Identifier: GPL-3.0-or-later
// The demo clinic: created once in a staging folder, filled as the demo doctor, renamed into place.
#include "app/DemoClinic.h"

#include "app/DataDir.h"
#include "core/Clock.h"
#include "core/crypto/Rng.h"
#include "core/services/AccountService.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"
#include "core/services/SetupService.h"
#include "db/AtomicFile.h"
#include "db/ClinicFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <filesystem>
#include <system_error>

namespace cc::app {
namespace {

std::span<const std::uint8_t> bytesOf(const char* text)
{
    return {reinterpret_cast<const std::uint8_t*>(text), std::char_traits<char>::length(text)};
}

crypto::SecureBytes secretOf(const char* text)
{
    return crypto::SecureBytes(bytesOf(text));
}

bool holdsClinic(const std::string& dir)
{
    return QFileInfo::exists(QString::fromStdString(db::ClinicFolder(dir).descriptorPath()));
}

Result<std::unique_ptr<db::ClinicStore>> openExisting(const std::string& dir)
{
    auto store = db::ClinicStore::openFolder(dir);
    if (!store)
        return std::move(store).error();
    return std::make_unique<db::ClinicStore>(std::move(store).value());
}

/// The ceremony and the fill, entirely inside `staging`; the backend is closed on return.
Result<DemoClinic> buildInStaging(const std::string& staging, const DemoOptions& options, const DemoFill& fill)
{
    services::SetupRequest request;
    request.clinicName = kDemoClinicName;
    request.demo = true;
    request.admin = {kDemoAdmin, secretOf(kDemoAdminPassword)};
    request.doctor = services::AccountSeed{kDemoDoctor, secretOf(kDemoDoctorPassword)};
    request.reportKeyBits = options.reportKeyBits;
    request.reportKeySource = options.reportKeySource;
    request.progress = [&options](const std::string&, int done, int total) {
        return !options.progress || options.progress("report key", static_cast<std::size_t>(std::max(done, 0)),
                                                     static_cast<std::size_t>(std::max(total, 0)));
    };

    SystemClock clock;
    crypto::Rng& rng = crypto::SystemRng::instance();
    const auto factory = [&staging](const ports::ClinicDescriptor& d,
                                    const crypto::SecureBytes& dbk) -> Result<std::unique_ptr<ports::ClinicBackend>> {
        auto store = db::ClinicStore::create(staging, d, dbk);
        if (!store)
            return std::move(store).error();
        return std::unique_ptr<ports::ClinicBackend>(new db::ClinicStore(std::move(store).value()));
    };
    std::unique_ptr<ports::ClinicBackend> backend;
    auto setup = services::createClinic(request, factory, clock, rng, options.serviceOptions, &backend);
    if (!setup)
        return std::move(setup).error();
    CC_TRY(db::writeFileAtomically(db::ClinicFolder(staging).recoveryPath(), setup->recoveryBlob, 0600));

    DemoClinic result;
    result.created = true;
    result.recoveryShares = setup->recoveryShares;
    {
        services::ClinicService clinic(*backend, clock, rng, options.serviceOptions);
        CC_TRY(clinic.login(kDemoDoctor, bytesOf(kDemoDoctorPassword)));
        auto imported = fill(clinic);
        clinic.logout();
        if (!imported)
            return std::move(imported).error();
        result.imported = std::move(imported).value();
    }
    CC_TRY(addDemoPatientAccount(*backend, clock, rng, options.serviceOptions));
    return result;
}

} // namespace

Status addDemoPatientAccount(ports::ClinicBackend& backend, const Clock& clock, crypto::Rng& rng,
                             const services::ServiceOptions& options)
{
    services::ClinicService clinic(backend, clock, rng, options);
    CC_TRY(clinic.login(kDemoAdmin, bytesOf(kDemoAdminPassword)));
    auto patients = services::PatientService(clinic).list();
    if (!patients || patients->empty()) {
        clinic.logout();
        return patients ? Status{} : Status{std::move(patients).error()};
    }
    // The patient with the smallest MRN, so every demo clinic links the same record.
    const auto first = std::min_element(patients->begin(), patients->end(),
                                        [](const model::Patient& a, const model::Patient& b) { return a.mrn < b.mrn; });
    services::Sponsor sponsor{kDemoDoctor, secretOf(kDemoDoctorPassword)};
    auto created = services::AccountService(clinic).createPatientAccount(kDemoPatient, first->mrn.toStdString(),
                                                                         bytesOf(kDemoPatientPassword), &sponsor);
    clinic.logout();
    if (!created)
        return std::move(created).error();
    // Demo passwords are printed in the README: accept the temporary one as the patient's own.
    CC_TRY(clinic.login(kDemoPatient, bytesOf(kDemoPatientPassword)));
    auto changed = clinic.changeOwnPassword(bytesOf(kDemoPatientPassword));
    clinic.logout();
    return changed;
}

std::string defaultDemoClinicDir()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + "/.local/share";
    return (base + "/cipherchart/demo-clinic").toStdString();
}

Result<DemoClinic> createDemoClinic(const std::string& dir, const DemoOptions& options, const DemoFill& fill)
{
    if (dir.empty())
        return makeError(ErrorCode::InvalidArgument, "the demo clinic folder is empty");
    if (holdsClinic(dir))
        return makeError(ErrorCode::AlreadyExists, "'" + dir + "' already holds a clinic");
    const std::filesystem::path target = std::filesystem::absolute(std::filesystem::path(dir)).lexically_normal();
    const std::string staging = target.string() + ".creating";
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec)
        return makeError(ErrorCode::StorageError, "cannot create the folder '" + target.parent_path().string() + "'");
    // A staging folder left by an interrupted creation holds demo data only: start again.
    std::filesystem::remove_all(staging, ec);

    auto built = buildInStaging(staging, options, fill);
    if (!built) {
        std::filesystem::remove_all(staging, ec);
        return std::move(built).error();
    }
    // POSIX rename(2) replaces an empty directory, so a folder the user made beforehand is fine.
    std::filesystem::rename(staging, target, ec);
    if (ec) {
        std::filesystem::remove_all(staging, ec);
        return makeError(ErrorCode::StorageError, "cannot move the new demo clinic into '" + target.string() + "'");
    }
    auto store = openExisting(target.string());
    if (!store)
        return std::move(store).error();
    built->store = std::move(store).value();
    return std::move(built).value();
}

Result<DemoClinic> openOrCreateDemoClinic(const std::string& dir, const DemoOptions& options)
{
    if (dir.empty())
        return makeError(ErrorCode::InvalidArgument, "the demo clinic folder is empty");
    if (holdsClinic(dir)) {
        auto store = openExisting(dir);
        if (!store)
            return std::move(store).error();
        if (!(*store)->descriptor().demo)
            return makeError(ErrorCode::InvalidArgument,
                             "'" + dir + "' holds a clinic that is not a demo clinic; choose another folder");
        DemoClinic opened;
        opened.store = std::move(store).value();
        return opened;
    }
    auto sample = demoSyntheaDir();
    if (!sample)
        return std::move(sample).error();
    const DemoFill importSample = [&options, &sample](services::ClinicService& doctor) {
        services::ImportService import(doctor);
        return import.importSynthea(QString::fromStdString(*sample), [&options](std::size_t done, std::size_t total) {
            return !options.progress || options.progress("import", done, total);
        });
    };
    return createDemoClinic(dir, options, importSample);
}

} // namespace cc::app
