// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/AccountCommands.h"

#include "app/cli/ClinicCli.h"
#include "core/access/Role.h"
#include "core/services/AccountService.h"
#include "core/services/CareTeamService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cc::cli {
namespace {

using services::AccountService;
using services::CareTeamService;

Result<access::Role> roleOption(const Args& args)
{
    auto text = requiredOption(args, "role");
    if (!text)
        return std::move(text).error();
    auto role = access::roleFromName(*text == "admin" ? std::string("administrator") : *text);
    if (!role)
        return makeError(ErrorCode::InvalidArgument, "--role must be admin, administrator, doctor or patient");
    return *role;
}

/// Reads the sponsor's password when --sponsor is given (after the new temporary password).
Result<std::optional<services::Sponsor>> sponsorOption(const Args& args, ClinicCli& cli)
{
    auto name = args.value("sponsor");
    if (!name)
        return std::optional<services::Sponsor>{};
    auto password = cli.passwords().read("Password of sponsoring doctor " + *name);
    if (!password)
        return std::move(password).error();
    return std::optional<services::Sponsor>(services::Sponsor{*name, std::move(password).value()});
}

const char* statusText(const services::AccountSummary& a, std::int64_t now)
{
    if (!a.enabled)
        return "disabled";
    if (a.info.suspended)
        return "suspended";
    if (a.info.lockedUntil > now)
        return "locked";
    if (a.info.mustChangePassword)
        return "must-change-password";
    return "active";
}

int runUserAdd(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto role = roleOption(args);
        if (!role)
            return std::move(role).error();
        const auto mrn = args.value("patient");
        if (mrn.has_value() != (*role == access::Role::Patient))
            return makeError(ErrorCode::InvalidArgument, "--patient MRN goes with --role patient, and only with it");
        auto temp = cli.passwords().readNew("Temporary password for " + args.positional[0]);
        if (!temp)
            return std::move(temp).error();
        auto sponsor = sponsorOption(args, cli);
        if (!sponsor)
            return std::move(sponsor).error();
        AccountService accounts(cli.clinic());
        const services::Sponsor* sponsorPtr = *sponsor ? &**sponsor : nullptr;
        auto id = mrn ? accounts.createPatientAccount(args.positional[0], *mrn, temp->span(), sponsorPtr)
                      : accounts.create(args.positional[0], *role, temp->span(), sponsorPtr);
        if (!id)
            return std::move(id).error();
        if (io.json)
            io.out << QJsonDocument(QJsonObject{{"user", QString::fromStdString(args.positional[0])},
                                                {"id", QString::fromStdString(services::idHex(*id))}})
                          .toJson(QJsonDocument::Indented)
                          .toStdString();
        else
            io.out << "account '" << args.positional[0] << "' created (" << access::roleName(*role)
                   << "); the password is temporary and must be changed at first login\n";
        return {};
    });
}

int runUserList(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        AccountService accounts(cli.clinic());
        auto list = accounts.list();
        if (!list)
            return std::move(list).error();
        const std::int64_t now = cli.clinic().clock().nowSeconds();
        if (io.json) {
            QJsonArray rows;
            for (const auto& a : *list)
                rows.append(QJsonObject{{"user", QString::fromStdString(a.info.userName)},
                                        {"id", QString::fromStdString(services::idHex(a.info.userId))},
                                        {"role", QString::fromUtf8(access::roleName(a.info.role).data())},
                                        {"status", statusText(a, now)},
                                        {"custodian", a.custodian},
                                        {"failedAttempts", static_cast<qint64>(a.info.failedAttempts)}});
            io.out << QJsonDocument(rows).toJson(QJsonDocument::Indented).toStdString();
        } else {
            for (const auto& a : *list)
                io.out << a.info.userName << "\t" << access::roleName(a.info.role) << "\t" << statusText(a, now)
                       << (a.custodian ? "\tcustodian" : "") << "\n";
        }
        return {};
    });
}

int runSimple(const Args& args, Io& io, const char* done,
              const std::function<Status(AccountService&, const std::string&)>& action)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        AccountService accounts(cli.clinic());
        CC_TRY(action(accounts, args.positional[0]));
        io.out << "account '" << args.positional[0] << "' " << done << "\n";
        return {};
    });
}

int runWithTemporaryPassword(
    const Args& args, Io& io, const char* done,
    const std::function<Status(AccountService&, const std::string&, std::span<const std::uint8_t>,
                               const services::Sponsor*)>& action)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto temp = cli.passwords().readNew("Temporary password for " + args.positional[0]);
        if (!temp)
            return std::move(temp).error();
        auto sponsor = sponsorOption(args, cli);
        if (!sponsor)
            return std::move(sponsor).error();
        AccountService accounts(cli.clinic());
        CC_TRY(action(accounts, args.positional[0], temp->span(), *sponsor ? &**sponsor : nullptr));
        io.out << "account '" << args.positional[0] << "' " << done
               << "; the password is temporary and must be changed at first login\n";
        return {};
    });
}

int runCareTeam(const Args& args, Io& io, const std::string& verb)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = requiredOption(args, "patient");
        if (!patient)
            return std::move(patient).error();
        CareTeamService teams(cli.clinic());
        if (verb == "list") {
            auto names = teams.list(*patient);
            if (!names)
                return std::move(names).error();
            if (io.json) {
                QJsonArray rows;
                for (const auto& n : *names)
                    rows.append(QString::fromStdString(n));
                io.out << QJsonDocument(rows).toJson(QJsonDocument::Indented).toStdString();
            } else {
                for (const auto& n : *names)
                    io.out << n << "\n";
            }
            return {};
        }
        auto doctor = requiredOption(args, "doctor");
        if (!doctor)
            return std::move(doctor).error();
        CC_TRY(verb == "add" ? teams.add(*patient, *doctor) : teams.remove(*patient, *doctor));
        io.out << "doctor '" << *doctor << "' " << (verb == "add" ? "added to" : "removed from") << " the care team\n";
        return {};
    });
}

} // namespace

void registerAccountCommands(CommandRegistry& registry)
{
    const std::string sponsorNote = std::string(kPasswordOrderNote) +
                                    "\nOrder here: yours, the account's temporary password, then the sponsoring "
                                    "doctor's (--sponsor).\nA doctor account needs --sponsor DOCTOR: administrators "
                                    "never hold the clinical key,\nso an existing doctor vouches by entering their "
                                    "password (two-person rule, audited).";
    registry.add({{"user", "add"},
                  "Create an account with a temporary password",
                  "NAME",
                  clinicOptionsWith({{"role", "ROLE", "admin, doctor or patient"},
                                     {"sponsor", "DOCTOR", "a doctor who vouches for a new doctor account"},
                                     {"patient", "MRN", "the patient record of a patient account"}}),
                  1,
                  1,
                  runUserAdd,
                  sponsorNote});
    registry.add(
        {{"user", "list"}, "List accounts (never keys)", "", clinicOptions(), 0, 0, runUserList, kPasswordOrderNote});
    registry.add({{"user", "disable"},
                  "Disable an account: its key slot is deleted and it decrypts nothing",
                  "NAME",
                  clinicOptions(),
                  1,
                  1,
                  [](const Args& a, Io& io) {
                      return runSimple(a, io, "disabled",
                                       [](AccountService& s, const std::string& n) { return s.disable(n); });
                  },
                  kPasswordOrderNote});
    registry.add({{"user", "unlock"},
                  "Lift a lock-out or suspension after failed logins",
                  "NAME",
                  clinicOptions(),
                  1,
                  1,
                  [](const Args& a, Io& io) {
                      return runSimple(a, io, "unlocked",
                                       [](AccountService& s, const std::string& n) { return s.unlock(n); });
                  },
                  kPasswordOrderNote});
    registry.add({{"user", "enable"},
                  "Give a disabled account a new key slot with a temporary password",
                  "NAME",
                  clinicOptionsWith({{"sponsor", "DOCTOR", "a doctor who vouches (doctor accounts)"}}),
                  1,
                  1,
                  [](const Args& a, Io& io) {
                      return runWithTemporaryPassword(a, io, "enabled",
                                                      [](AccountService& s, const std::string& n,
                                                         std::span<const std::uint8_t> p,
                                                         const services::Sponsor* sp) { return s.enable(n, p, sp); });
                  },
                  sponsorNote});
    registry.add({{"user", "reset-password"},
                  "Replace a forgotten password by a temporary one",
                  "NAME",
                  clinicOptionsWith({{"sponsor", "DOCTOR", "a doctor who vouches (doctor accounts)"}}),
                  1,
                  1,
                  [](const Args& a, Io& io) {
                      return runWithTemporaryPassword(
                          a, io, "reset",
                          [](AccountService& s, const std::string& n, std::span<const std::uint8_t> p,
                             const services::Sponsor* sp) { return s.resetPassword(n, p, sp); });
                  },
                  sponsorNote});
    registry.add({{"user", "set-role"},
                  "Change an account's role (a new key slot with the role's keys and a temporary password)",
                  "NAME",
                  clinicOptionsWith({{"role", "ROLE", "admin or doctor"},
                                     {"sponsor", "DOCTOR", "a doctor who vouches (new doctors)"}}),
                  1,
                  1,
                  [](const Args& a, Io& io) {
                      auto role = roleOption(a);
                      if (!role)
                          return reportError(role.error(), io);
                      const access::Role r = *role;
                      return runWithTemporaryPassword(
                          a, io, "given a new role",
                          [r](AccountService& s, const std::string& n, std::span<const std::uint8_t> p,
                              const services::Sponsor* sp) { return s.setRole(n, r, p, sp); });
                  },
                  sponsorNote});
    const auto careOptions = clinicOptionsWith(
        {{"patient", "ID", "the patient's row id (32 hex digits)"}, {"doctor", "NAME", "the doctor's account"}});
    registry.add({{"careteam", "add"},
                  "Add a doctor to a patient's care team",
                  "",
                  careOptions,
                  0,
                  0,
                  [](const Args& a, Io& io) { return runCareTeam(a, io, "add"); },
                  kPasswordOrderNote});
    registry.add({{"careteam", "remove"},
                  "Remove a doctor from a patient's care team",
                  "",
                  careOptions,
                  0,
                  0,
                  [](const Args& a, Io& io) { return runCareTeam(a, io, "remove"); },
                  kPasswordOrderNote});
    registry.add({{"careteam", "list"},
                  "List a patient's care team",
                  "",
                  careOptions,
                  0,
                  0,
                  [](const Args& a, Io& io) { return runCareTeam(a, io, "list"); },
                  kPasswordOrderNote});
}

} // namespace cc::cli
