// SPDX-License-Identifier: GPL-3.0-or-later
// What every clinic command shares: --clinic DIR, --as USER, --password-stdin, opening the
// folder, logging in and the conventions for passwords and output.
#pragma once

#include "app/cli/CommandRegistry.h"
#include "app/cli/PasswordSource.h"
#include "app/cli/Text.h"
#include "core/Clock.h"
#include "core/model/RowId.h"
#include "core/services/ClinicService.h"
#include "db/ClinicStore.h"

#include <memory>
#include <string>
#include <vector>

namespace cc::cli {

/// The options every clinic command takes.
[[nodiscard]] std::vector<OptionSpec> clinicOptions(bool needsUser = true);

/// Options for the services of this process: current Argon2id defaults and the host name.
[[nodiscard]] services::ServiceOptions cliServiceOptions();

/// An open clinic with a logged-in user, for the length of one command.
class ClinicCli
{
public:
    /// Opens --clinic, reads the password of --as (first in the documented order) and logs in.
    /// Errors: InvalidArgument (options), and every error of ClinicStore::openFolder and login.
    [[nodiscard]] static Result<std::unique_ptr<ClinicCli>> open(const Args& args, Io& io);

    [[nodiscard]] services::ClinicService& clinic() { return *m_clinic; }
    [[nodiscard]] db::ClinicStore& store() { return *m_store; }
    [[nodiscard]] PasswordSource& passwords() { return m_passwords; }
    ~ClinicCli();

private:
    ClinicCli(Io& io, bool fromStdin);

    SystemClock m_clock;
    PasswordSource m_passwords;
    std::ostream& m_err;
    std::unique_ptr<db::ClinicStore> m_store;
    std::unique_ptr<services::ClinicService> m_clinic;
};

/// The required value of an option. Errors: InvalidArgument naming the option.
[[nodiscard]] Result<std::string> requiredOption(const Args& args, const std::string& name);

/// The value of an optional whole-number option (at most 100,000), or `fallback` if absent.
/// Errors: InvalidArgument naming the option.
[[nodiscard]] Result<unsigned> unsignedOption(const Args& args, const std::string& name, unsigned fallback);

/// clinicOptions() followed by a command's own options.
[[nodiscard]] std::vector<OptionSpec> clinicOptionsWith(std::vector<OptionSpec> extra);

/// The `--patient MRN` option of the record commands.
inline const OptionSpec kPatientMrnOption{"patient", "MRN", "the patient's medical record number"};

/// The row id of the patient named by the required --patient MRN, among those the session may
/// see (PatientService::findByMrn, audited there). Errors: InvalidArgument, NotFound, AccessDenied.
[[nodiscard]] Result<access::PatientId> patientFromOption(ClinicCli& cli, const Args& args);

/// Reads the documented password order for a command's --help: one line per password.
/// Marked for lupdate; print it with Cli::tr(kPasswordOrderNote).
inline constexpr const char* kPasswordOrderNote = QT_TRANSLATE_NOOP(
    "Cli", "Passwords are read from the terminal without echo, or one per line from standard input with\n"
           "--password-stdin, in this order: the acting user's (--as) first, then any new password, then\n"
           "a sponsoring doctor's or custodians' in the order given.");

/// What the opening of a clinic folder did with a restore a crash interrupted (finished or
/// abandoned), in the user's words: printed on standard error before the command runs.
[[nodiscard]] QString interruptedRestoreNotice(const ports::InterruptedRestore& interrupted);

/// Runs `body` and maps an error to its exit code with the message on standard error.
int runReporting(Io& io, const std::function<Status()>& body);

/// Opens the clinic, logs in (ClinicCli::open) and runs `body`; errors become exit codes.
int runWithClinic(const Args& args, Io& io, const std::function<Status(ClinicCli&)>& body);

} // namespace cc::cli
