// SPDX-License-Identifier: GPL-3.0-or-later
// The demo clinic (issue 5 item 6), shared by `cipherchart --demo` and `cipherchart-cli demo init`.
#pragma once

#include "core/Result.h"
#include "core/interop/ImportSummary.h"
#include "core/paillier/PrivateKey.h"
#include "core/services/ClinicService.h"
#include "core/services/ServiceOptions.h"
#include "db/ClinicStore.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cc::app {

/// The demo clinic's display name (the window title also shows DEMO: descriptor demo = true).
inline constexpr const char* kDemoClinicName = "Demo Clinic";
/// The demo accounts. The passwords are public (README, docs/DEMO.md): a demo clinic holds only
/// the synthetic Synthea sample and must never hold real patients.
inline constexpr const char* kDemoAdmin = "admin";
inline constexpr const char* kDemoAdminPassword = "demo-admin-pass";
inline constexpr const char* kDemoDoctor = "doctor";
inline constexpr const char* kDemoDoctorPassword = "demo-doctor-pass";
/// The demo patient account, linked to the imported patient with the smallest MRN.
inline constexpr const char* kDemoPatient = "patient";
inline constexpr const char* kDemoPatientPassword = "demo-patient-pass";

/// Progress of the long steps: `step` is "report key" (safe primes) or "import"; returning false cancels.
using DemoProgress = std::function<bool(const std::string& step, std::size_t done, std::size_t total)>;

/// How the demo clinic is made. The defaults are what `cipherchart --demo` uses.
struct DemoOptions
{
    /// Argon2id parameters and workstation name for the accounts and the audit trail.
    services::ServiceOptions serviceOptions;
    /// Report key size when it is generated (3072 bits: tens of seconds, reported as "report key").
    unsigned reportKeyBits = 3072;
    /// Empty: generate the report key. Tests pass a fixture key here (it is dealt like a generated one).
    std::function<Result<paillier::PrivateKey>()> reportKeySource;
    /// Reports progress; may be empty.
    DemoProgress progress;
};

/// An open demo clinic folder (not logged in: the caller shows the login window or logs in).
struct DemoClinic
{
    std::unique_ptr<db::ClinicStore> store;
    /// True if this call created the clinic; false if it opened an existing one.
    bool created = false;
    /// What the creation imported (empty when opened).
    interop::ImportSummary imported;
    /// The recovery shares of a just-created clinic (2 of 3); demo data only, so the CLI prints them.
    std::vector<std::string> recoveryShares;
};

/// Fills a just-created demo clinic, logged in as the demo doctor. Errors are the caller's.
using DemoFill = std::function<Result<interop::ImportSummary>(services::ClinicService& doctorSession)>;

/// Where `cipherchart --demo` keeps its demo clinic: $XDG_DATA_HOME/cipherchart/demo-clinic, i.e.
/// ~/.local/share/cipherchart/demo-clinic by default (QStandardPaths::GenericDataLocation).
[[nodiscard]] std::string defaultDemoClinicDir();

/// Creates the demo patient account (kDemoPatient) for the imported patient with the smallest MRN,
/// sponsored by the demo doctor; nothing if no patient was imported.
[[nodiscard]] Status addDemoPatientAccount(ports::ClinicBackend& backend, const Clock& clock, crypto::Rng& rng,
                                           const services::ServiceOptions& options);

/// Opens the demo clinic at `dir`, creating it the first time: clinic "Demo Clinic" marked demo,
/// administrator `admin` and doctor `doctor` with the fixed demo passwords, the report key
/// (generated with progress unless options.reportKeySource is set), recovery.ccr, and the bundled
/// Synthea sample (27 patients, read from demoSyntheaDir(): /usr/share/cipherchart/demo/synthea when
/// installed) imported as the doctor, so they are on the doctor's care team.
/// Creation happens in `dir` + ".creating" and is renamed into place only when complete, so an
/// interrupted creation is redone from scratch next time and never leaves a half-filled clinic.
/// An existing clinic is only opened, never re-imported. Errors: InvalidArgument (the folder holds
/// a clinic that is not a demo clinic), Cancelled, StorageBusy (open elsewhere), and every error of
/// services::createClinic, ImportService::importSynthea and db::ClinicStore::openFolder.
[[nodiscard]] Result<DemoClinic> openOrCreateDemoClinic(const std::string& dir, const DemoOptions& options = {});

/// Creates a new demo clinic at `dir` (which must not hold a clinic) like openOrCreateDemoClinic,
/// but filled by `fill` instead of the Synthea sample (`cipherchart-cli demo generate`). Errors:
/// AlreadyExists (a clinic is there), Cancelled, and those of createClinic, `fill` and openFolder.
[[nodiscard]] Result<DemoClinic> createDemoClinic(const std::string& dir, const DemoOptions& options,
                                                  const DemoFill& fill);

} // namespace cc::app
