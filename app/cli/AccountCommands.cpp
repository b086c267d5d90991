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
        return makeError(ErrorCode::InvalidArgument,
                         utf8(Cli::tr("--role must be admin, administrator, doctor or patient")));
    return *role;
}

/// Reads the sponsor's password when --sponsor is given (after the new temporary password).
Result<std::optional<services::Sponsor>> sponsorOption(const Args& args, ClinicCli& cli)
{
    auto name = args.value("sponsor");
    if (!name)
        return std::optional<services::Sponsor>{};
    auto password =
        cli.passwords().read(utf8(Cli::tr("Password of sponsoring doctor %1").arg(QString::fromStdString(*name))));
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
            return makeError(ErrorCode::InvalidArgument,
                             utf8(Cli::tr("--patient MRN goes with --role patient, and only with it")));
        auto temp = cli.passwords().readNew(
            utf8(Cli::tr("Temporary password for %1").arg(QString::fromStdString(args.positional[0]))));
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
            io.out << utf8(Cli::tr("account '%1' created (%2); the password is temporary and must be changed at "
                                   "first login")
                               .arg(QString::fromStdString(args.positional[0]),
                                    QString::fromUtf8(access::roleName(*role).data())))
                   << "\n";
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

int runSimple(const Args& args, Io& io, const QString& done,
              const std::function<Status(AccountService&, const std::string&)>& action)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        AccountService accounts(cli.clinic());
        CC_TRY(action(accounts, args.positional[0]));
        io.out << utf8(done.arg(QString::fromStdString(args.positional[0]))) << "\n";
        return {};
    });
}

int runWithTemporaryPassword(
    const Args& args, Io& io, const QString& done,
    const std::function<Status(AccountService&, const std::string&, std::span<const std::uint8_t>,
                               const services::Sponsor*)>& action)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto temp = cli.passwords().readNew(
            utf8(Cli::tr("Temporary password for %1").arg(QString::fromStdString(args.positional[0]))));
        if (!temp)
            return std::move(temp).error();
        auto sponsor = sponsorOption(args, cli);
        if (!sponsor)
            return std::move(sponsor).error();
        AccountService accounts(cli.clinic());
        CC_TRY(action(accounts, args.positional[0], temp->span(), *sponsor ? &**sponsor : nullptr));
        io.out << utf8(done.arg(QString::fromStdString(args.positional[0]))) << "\n";
        return {};
    });
}

/// `user disable`: deletes the slot, then prints what was rotated, what waits and what is not rotated.
int runUserDisable(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto sponsor = sponsorOption(args, cli);
        if (!sponsor)
            return std::move(sponsor).error();
        const QString name = QString::fromStdString(args.positional[0]);
        AccountService accounts(cli.clinic());
        auto revoked = accounts.disable(args.positional[0], *sponsor ? &**sponsor : nullptr);
        if (!revoked)
            return std::move(revoked).error();
        io.out << utf8(Cli::tr("account '%1' disabled").arg(name)) << "\n";
        for (const auto& r : revoked->rotated)
            io.out << utf8(Cli::tr("  %1 rotated to version %2, sealed for %3 recipient(s) incl. the recovery ring")
                               .arg(QString::fromStdString(r.name))
                               .arg(r.version)
                               .arg(r.recipients))
                   << "\n";
        for (const auto& p : revoked->pending)
            io.out << utf8((p.kind == access::KeyKind::ClinicalCategory
                                ? Cli::tr("  %1 rotation pending: the next doctor's login performs it")
                                : Cli::tr("  %1 rotation pending: rotate it with 'keys rotate'"))
                               .arg(QString::fromUtf8(access::keyKindName(p.kind).data())))
                   << "\n";
        for (const auto& n : revoked->notRotated)
            io.out << utf8(Cli::tr("  not rotated: %1").arg(QString::fromStdString(n))) << "\n";
        if (!revoked->problem.empty())
            return makeError(ErrorCode::StorageError,
                             utf8(Cli::tr("the account is disabled, but a key rotation failed and stays pending: %1")
                                      .arg(QString::fromStdString(revoked->problem))));
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
        io.out << utf8((verb == "add" ? Cli::tr("doctor '%1' added to the care team")
                                      : Cli::tr("doctor '%1' removed from the care team"))
                           .arg(QString::fromStdString(*doctor)))
               << "\n";
        return {};
    });
}

} // namespace

void registerAccountCommands(CommandRegistry& registry)
{
    const std::string sponsorNote =
        utf8(Cli::tr(kPasswordOrderNote)) +
        utf8(Cli::tr("\nOrder here: yours, the account's temporary password, then the sponsoring doctor's "
                     "(--sponsor).\nA doctor account needs --sponsor DOCTOR: administrators never hold the clinical "
                     "key,\nso an existing doctor vouches by entering their password (two-person rule, audited)."));
    const std::string passwordOrderNote = utf8(Cli::tr(kPasswordOrderNote));
    registry.add(
        {{"user", "add"},
         utf8(Cli::tr("Create an account with a temporary password")),
         "NAME",
         clinicOptionsWith({{"role", "ROLE", utf8(Cli::tr("admin, doctor or patient"))},
                            {"sponsor", "DOCTOR", utf8(Cli::tr("a doctor who vouches for a new doctor account"))},
                            {"patient", "MRN", utf8(Cli::tr("the patient record of a patient account"))}}),
         1,
         1,
         runUserAdd,
         sponsorNote});
    registry.add({{"user", "list"},
                  utf8(Cli::tr("List accounts (never keys)")),
                  "",
                  clinicOptions(),
                  0,
                  0,
                  runUserList,
                  passwordOrderNote});
    registry.add(
        {{"user", "disable"},
         utf8(Cli::tr("Disable an account: its key slot is deleted and the keys it held are rotated")),
         "NAME",
         clinicOptionsWith(
             {{"sponsor", "DOCTOR", utf8(Cli::tr("a doctor who takes part, to rotate the clinical key at once"))}}),
         1,
         1,
         runUserDisable,
         passwordOrderNote +
             utf8(
                 Cli::tr("\nOrder here: yours, then the sponsoring doctor's (--sponsor).\n"
                         "Cost: an old copy of the key-slot file plus the account's password would still open the "
                         "keys of today,\nso they are rotated now: the identity key (one re-wrap per patient) and the "
                         "database key (the whole\ndatabase is re-encrypted, about a second per 100 MB; every account "
                         "takes the new key at its next login).\nA doctor's clinical key is rotated at once with "
                         "--sponsor, otherwise by the next doctor's login (shown as\npending until then). Backups made "
                         "before keep the old keys (docs/KEYS.md section 8)."))});
    registry.add({{"user", "unlock"},
                  utf8(Cli::tr("Lift a lock-out or suspension after failed logins")),
                  "NAME",
                  clinicOptions(),
                  1,
                  1,
                  [](const Args& a, Io& io) {
                      return runSimple(a, io, Cli::tr("account '%1' unlocked"),
                                       [](AccountService& s, const std::string& n) { return s.unlock(n); });
                  },
                  passwordOrderNote});
    registry.add({{"user", "enable"},
                  utf8(Cli::tr("Give a disabled account a new key slot with a temporary password")),
                  "NAME",
                  clinicOptionsWith({{"sponsor", "DOCTOR", utf8(Cli::tr("a doctor who vouches (doctor accounts)"))}}),
                  1,
                  1,
                  [](const Args& a, Io& io) {
                      return runWithTemporaryPassword(
                          a, io,
                          Cli::tr("account '%1' enabled; the password is temporary and must be changed at first login"),
                          [](AccountService& s, const std::string& n, std::span<const std::uint8_t> p,
                             const services::Sponsor* sp) { return s.enable(n, p, sp); });
                  },
                  sponsorNote});
    registry.add({{"user", "reset-password"},
                  utf8(Cli::tr("Replace a forgotten password by a temporary one")),
                  "NAME",
                  clinicOptionsWith({{"sponsor", "DOCTOR", utf8(Cli::tr("a doctor who vouches (doctor accounts)"))}}),
                  1,
                  1,
                  [](const Args& a, Io& io) {
                      return runWithTemporaryPassword(
                          a, io,
                          Cli::tr("account '%1' reset; the password is temporary and must be changed at first login"),
                          [](AccountService& s, const std::string& n, std::span<const std::uint8_t> p,
                             const services::Sponsor* sp) { return s.resetPassword(n, p, sp); });
                  },
                  sponsorNote});
    registry.add(
        {{"user", "set-role"},
         utf8(Cli::tr("Change an account's role (a new key slot with the role's keys and a temporary password)")),
         "NAME",
         clinicOptionsWith({{"role", "ROLE", utf8(Cli::tr("admin or doctor"))},
                            {"sponsor", "DOCTOR", utf8(Cli::tr("a doctor who vouches (new doctors)"))}}),
         1,
         1,
         [](const Args& a, Io& io) {
             auto role = roleOption(a);
             if (!role)
                 return reportError(role.error(), io);
             const access::Role r = *role;
             return runWithTemporaryPassword(
                 a, io,
                 Cli::tr("account '%1' given a new role; the password is temporary and must be changed at first login"),
                 [r](AccountService& s, const std::string& n, std::span<const std::uint8_t> p,
                     const services::Sponsor* sp) { return s.setRole(n, r, p, sp); });
         },
         sponsorNote});
    const auto careOptions =
        clinicOptionsWith({{"patient", "ID", utf8(Cli::tr("the patient's row id (32 hex digits)"))},
                           {"doctor", "NAME", utf8(Cli::tr("the doctor's account"))}});
    registry.add({{"careteam", "add"},
                  utf8(Cli::tr("Add a doctor to a patient's care team")),
                  "",
                  careOptions,
                  0,
                  0,
                  [](const Args& a, Io& io) { return runCareTeam(a, io, "add"); },
                  passwordOrderNote});
    registry.add({{"careteam", "remove"},
                  utf8(Cli::tr("Remove a doctor from a patient's care team")),
                  "",
                  careOptions,
                  0,
                  0,
                  [](const Args& a, Io& io) { return runCareTeam(a, io, "remove"); },
                  passwordOrderNote});
    registry.add({{"careteam", "list"},
                  utf8(Cli::tr("List a patient's care team")),
                  "",
                  careOptions,
                  0,
                  0,
                  [](const Args& a, Io& io) { return runCareTeam(a, io, "list"); },
                  passwordOrderNote});
}

} // namespace cc::cli
