// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/ClinicCli.h"

#include "core/crypto/Rng.h"
#include "core/services/PatientService.h"

#include <unistd.h>

#include <climits>
#include <ostream>
#include <stdexcept>
#include <string>

namespace cc::cli {

std::vector<OptionSpec> clinicOptions(bool needsUser)
{
    std::vector<OptionSpec> options{{"clinic", "DIR", utf8(Cli::tr("the clinic folder"))}};
    if (needsUser)
        options.push_back({"as", "USER", utf8(Cli::tr("the acting account"))});
    options.push_back({"password-stdin", "", utf8(Cli::tr("read passwords one per line from standard input"))});
    return options;
}

services::ServiceOptions cliServiceOptions()
{
    services::ServiceOptions options;
    char host[HOST_NAME_MAX + 1] = {};
    if (::gethostname(host, sizeof host - 1) == 0 && host[0] != '\0')
        options.workstation = host;
    else
        options.workstation = "localhost";
    return options;
}

Result<std::string> requiredOption(const Args& args, const std::string& name)
{
    auto value = args.value(name);
    if (!value || value->empty())
        return makeError(ErrorCode::InvalidArgument,
                         utf8(Cli::tr("--%1 is required; see --help").arg(QString::fromStdString(name))));
    return *value;
}

Result<unsigned> unsignedOption(const Args& args, const std::string& name, unsigned fallback)
{
    auto value = args.value(name);
    if (!value)
        return fallback;
    try {
        std::size_t used = 0;
        const unsigned long v = std::stoul(*value, &used);
        if (used != value->size() || v > 100000)
            throw std::invalid_argument(name);
        return static_cast<unsigned>(v);
    } catch (const std::exception&) {
        return makeError(ErrorCode::InvalidArgument,
                         utf8(Cli::tr("--%1 must be a whole number").arg(QString::fromStdString(name))));
    }
}

std::vector<OptionSpec> clinicOptionsWith(std::vector<OptionSpec> extra)
{
    auto options = clinicOptions();
    options.insert(options.end(), extra.begin(), extra.end());
    return options;
}

Result<access::PatientId> patientFromOption(ClinicCli& cli, const Args& args)
{
    auto mrn = requiredOption(args, "patient");
    CC_TRY(mrn);
    auto p = services::PatientService(cli.clinic()).findByMrn(QString::fromStdString(*mrn));
    CC_TRY(p);
    return p->id;
}

QString interruptedRestoreNotice(const ports::InterruptedRestore& interrupted)
{
    if (interrupted.outcome == ports::InterruptedRestore::Outcome::Finished)
        return Cli::tr("note: a restore that was interrupted has been finished: the clinic now holds backup %1 (the "
                       "previous clinic's files are in its pre-restore-%1 folder); log in with the backup's passwords")
            .arg(QString::fromStdString(interrupted.label));
    if (interrupted.outcome == ports::InterruptedRestore::Outcome::Abandoned)
        return Cli::tr("note: a restore that was interrupted before it replaced any file has been abandoned: the "
                       "clinic is as it was");
    return Cli::tr("note: a restore was interrupted, but the record of whether it was finished (restore.settled) is "
                   "damaged: compare the clinic with its pre-restore folders and the audit trail");
}

ClinicCli::ClinicCli(Io& io, bool fromStdin) : m_passwords(io.in, io.err, fromStdin), m_err(io.err) {}

ClinicCli::~ClinicCli()
{
    if (!m_clinic)
        return;
    m_clinic->logout();
    // Clinical work goes on without the witness; the operator is told after every command
    // (docs/AUDIT.md section 3). The logout event above was the last chance to deliver.
    if (const std::string problem = m_clinic->witnessProblem(); !problem.empty())
        m_err << utf8(Cli::tr("warning: audit witness: %1").arg(QString::fromStdString(problem))) << "\n";
}

Result<std::unique_ptr<ClinicCli>> ClinicCli::open(const Args& args, Io& io)
{
    auto dir = requiredOption(args, "clinic");
    if (!dir)
        return std::move(dir).error();
    auto user = requiredOption(args, "as");
    if (!user)
        return std::move(user).error();
    std::unique_ptr<ClinicCli> cli(new ClinicCli(io, args.has("password-stdin")));
    auto store = db::ClinicStore::openFolder(*dir);
    if (!store)
        return std::move(store).error();
    cli->m_store = std::make_unique<db::ClinicStore>(std::move(store).value());
    // A restore a crash interrupted was settled by the opening: say which before anything else
    // (the first staff login also records it in the trail, flagged).
    if (const auto& interrupted = cli->m_store->interruptedRestore())
        io.err << utf8(interruptedRestoreNotice(*interrupted)) << "\n";
    cli->m_clinic = std::make_unique<services::ClinicService>(*cli->m_store, cli->m_clock,
                                                              crypto::SystemRng::instance(), cliServiceOptions());
    auto password = cli->m_passwords.read(utf8(Cli::tr("Password for %1").arg(QString::fromStdString(*user))));
    if (!password)
        return std::move(password).error();
    CC_TRY(cli->m_clinic->login(*user, password->span()));
    return cli;
}

int runReporting(Io& io, const std::function<Status()>& body)
{
    auto result = body();
    if (!result)
        return reportError(result.error(), io);
    return ExitOk;
}

int runWithClinic(const Args& args, Io& io, const std::function<Status(ClinicCli&)>& body)
{
    return runReporting(io, [&]() -> Status {
        auto cli = ClinicCli::open(args, io);
        if (!cli)
            return std::move(cli).error();
        return body(**cli);
    });
}

} // namespace cc::cli
