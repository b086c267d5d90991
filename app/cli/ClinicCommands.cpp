// SPDX-License-Identifier: GPL-3.0-or-later
// `init`, `login-check` and `passwd`.
#include "app/cli/ClinicCommands.h"

#include "app/cli/ClinicCli.h"
#include "app/cli/ProgressBar.h"
#include "app/cli/ReportKeyCommands.h"
#include "core/crypto/Rng.h"
#include "core/paillier/KeyFile.h"
#include "core/services/SetupService.h"
#include "db/AtomicFile.h"
#include "db/ClinicFolder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/stat.h>

#include <ostream>
#include <sstream>

namespace cc::cli {
namespace {

std::vector<std::string> splitNames(const std::string& list)
{
    std::vector<std::string> names;
    std::stringstream in(list);
    std::string name;
    while (std::getline(in, name, ','))
        if (!name.empty())
            names.push_back(name);
    return names;
}

bool fileExists(const std::string& path)
{
    struct stat st
    {};
    return ::stat(path.c_str(), &st) == 0;
}

int runInit(const Args& args, Io& io)
{
    return runReporting(io, [&]() -> Status {
        auto dir = requiredOption(args, "clinic");
        if (!dir)
            return std::move(dir).error();
        auto admin = requiredOption(args, "admin");
        if (!admin)
            return std::move(admin).error();
        services::SetupRequest request;
        request.clinicName = args.value("name").value_or("CipherChart clinic");
        request.demo = args.has("demo");
        request.admin.name = *admin;
        auto bits = unsignedOption(args, "report-key-bits", 3072);
        auto threshold = unsignedOption(args, "threshold", 1);
        auto shares = unsignedOption(args, "recovery-shares", 3);
        auto recoveryThreshold = unsignedOption(args, "recovery-threshold", 2);
        for (auto* r : {&bits, &threshold, &shares, &recoveryThreshold})
            if (!*r)
                return r->error();
        request.reportKeyBits = *bits;
        request.reportThreshold = *threshold;
        request.recoveryShares = *shares;
        request.recoveryThreshold = *recoveryThreshold;
        const auto recoveryOut = args.value("recovery-out");
        if (recoveryOut && !fileExists(*recoveryOut))
            return makeError(
                ErrorCode::NotFound,
                utf8(Cli::tr("--recovery-out folder '%1' does not exist").arg(QString::fromStdString(*recoveryOut))));

        // Passwords in the documented order: admin, custodians, doctor.
        PasswordSource passwords(io.in, io.err, args.has("password-stdin"));
        auto adminPassword =
            passwords.readNew(utf8(Cli::tr("New password for administrator %1").arg(QString::fromStdString(*admin))));
        if (!adminPassword)
            return std::move(adminPassword).error();
        request.admin.password = std::move(adminPassword).value();
        for (const auto& name : splitNames(args.value("custodians").value_or(""))) {
            if (name == *admin) {
                request.adminIsCustodian = true;
                continue;
            }
            auto password =
                passwords.readNew(utf8(Cli::tr("New password for custodian %1").arg(QString::fromStdString(name))));
            if (!password)
                return std::move(password).error();
            request.custodians.push_back({name, std::move(password).value()});
        }
        if (auto doctor = args.value("doctor")) {
            auto password =
                passwords.readNew(utf8(Cli::tr("New password for doctor %1").arg(QString::fromStdString(*doctor))));
            if (!password)
                return std::move(password).error();
            request.doctor = services::AccountSeed{*doctor, std::move(password).value()};
        }
        if (auto keyFile = args.value("report-key-file")) {
            auto bytes = db::readFile(*keyFile, 1 << 20);
            if (!bytes)
                return std::move(bytes).error();
            auto key = paillier::KeyFile::readPrivate(
                std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
            if (!key)
                return Error{key.error().code, key.error().message, *keyFile, 0, key.error().field};
            io.err << utf8(Cli::tr("cipherchart-cli: warning: %1 holds the whole report private key; destroy it now "
                                   "that it is dealt to the custodians")
                               .arg(QString::fromStdString(*keyFile)))
                   << "\n";
            request.reportKeyBits = key->publicKey().bits();
            // The keys of tests/data/paillier are published: createClinic refuses them for a real
            // clinic unless the test environment says otherwise (cmake/Testing.cmake sets it).
            request.allowPublishedTestKey = qEnvironmentVariableIntValue("CIPHERCHART_ALLOW_TEST_KEYS") == 1;
            auto shared = std::make_shared<paillier::PrivateKey>(std::move(key).value());
            request.reportKeySource = [shared]() -> Result<paillier::PrivateKey> { return std::move(*shared); };
        }
        ProgressBar bar(io.err, utf8(Cli::tr("generating the report key (safe primes)")),
                        ProgressBar::stderrIsTerminal());
        request.progress = [&](const std::string&, int done, int total) {
            bar.update(static_cast<std::uint64_t>(done), static_cast<std::uint64_t>(total));
            return true;
        };

        SystemClock clock;
        const auto factory = [&](const ports::ClinicDescriptor& d,
                                 const crypto::SecureBytes& dbk) -> Result<std::unique_ptr<ports::ClinicBackend>> {
            auto store = db::ClinicStore::create(*dir, d, dbk);
            if (!store)
                return std::move(store).error();
            return std::unique_ptr<ports::ClinicBackend>(new db::ClinicStore(std::move(store).value()));
        };
        auto result =
            services::createClinic(request, factory, clock, crypto::SystemRng::instance(), cliServiceOptions());
        bar.finish();
        if (!result)
            return std::move(result).error();
        const db::ClinicFolder folder(*dir);
        CC_TRY(db::writeFileAtomically(folder.recoveryPath(), result->recoveryBlob, 0600));

        QJsonArray printed;
        if (recoveryOut) {
            for (std::size_t i = 0; i < result->recoveryShares.size(); ++i) {
                const std::string path = *recoveryOut + "/recovery-share-" + std::to_string(i + 1) + ".txt";
                if (fileExists(path))
                    return makeError(
                        ErrorCode::AlreadyExists,
                        utf8(Cli::tr("%1 exists; refusing to overwrite a share").arg(QString::fromStdString(path))));
                const std::string text = result->recoveryShares[i] + "\n";
                CC_TRY(db::writeFileAtomically(
                    path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), 0600));
                printed.append(QString::fromStdString(path));
            }
        }
        if (io.json) {
            QJsonObject out{{"clinicId", QString::fromStdString(services::idHex(result->descriptor.clinicId))},
                            {"name", QString::fromStdString(result->descriptor.name)},
                            {"reportKeyId", QString::fromStdString(result->reportKeyId)},
                            {"reportKeyFingerprint", QString::fromStdString(result->reportKeyFingerprint)},
                            {"custodians", static_cast<qint64>(result->custodianCount)}};
            if (recoveryOut)
                out.insert("recoveryShareFiles", printed);
            else {
                QJsonArray sharesJson;
                for (const auto& s : result->recoveryShares)
                    sharesJson.append(QString::fromStdString(s));
                out.insert("recoveryShares", sharesJson);
            }
            io.out << QJsonDocument(out).toJson(QJsonDocument::Indented).toStdString();
        } else {
            io.out << utf8(Cli::tr("Clinic '%1' created in %2")
                               .arg(QString::fromStdString(result->descriptor.name), QString::fromStdString(*dir)))
                   << "\n"
                   << "  " << utf8(Cli::tr("clinic id").leftJustified(14)) << " "
                   << services::idHex(result->descriptor.clinicId) << "\n"
                   << "  " << utf8(Cli::tr("report key id").leftJustified(14)) << " "
                   << utf8(Cli::tr("%1 (%2 of %3 custodians decrypt report totals)")
                               .arg(QString::fromStdString(result->reportKeyId))
                               .arg(request.reportThreshold)
                               .arg(result->custodianCount))
                   << "\n"
                   << "  " << utf8(Cli::tr("report key fingerprint")) << " " << result->reportKeyFingerprint << "\n";
            if (recoveryOut) {
                io.out << utf8(Cli::tr("Recovery shares written to %1 (%2 of %3 restore the clinic). Print them, give "
                                       "each to a different\ncustodian and delete the files: they are not kept in the "
                                       "clinic.")
                                   .arg(QString::fromStdString(*recoveryOut))
                                   .arg(request.recoveryThreshold)
                                   .arg(request.recoveryShares))
                       << "\n";
            } else {
                io.out << "\n"
                       << utf8(Cli::tr("Recovery shares (%1 of %2 restore every key if all passwords are lost).\n"
                                       "Print each on paper for a different custodian. They are not stored anywhere:")
                                   .arg(request.recoveryThreshold)
                                   .arg(request.recoveryShares))
                       << "\n";
                for (const auto& s : result->recoveryShares)
                    io.out << "  " << s << "\n";
            }
        }
        return {};
    });
}

int runLoginCheck(const Args& args, Io& io)
{
    return runReporting(io, [&]() -> Status {
        auto cli = ClinicCli::open(args, io);
        if (!cli)
            return std::move(cli).error();
        auto* session = (*cli)->clinic().session();
        const bool mustChange = (*cli)->clinic().mustChangePassword();
        const QString user = QString::fromStdString(session->userName());
        const QString role = QString::fromUtf8(access::roleName(session->role()).data());
        if (io.json)
            io.out << QJsonDocument(QJsonObject{{"user", user}, {"role", role}, {"mustChangePassword", mustChange}})
                          .toJson(QJsonDocument::Indented)
                          .toStdString();
        else
            io.out << utf8(mustChange ? Cli::tr("ok: %1 (%2); the password is temporary: change it with "
                                                "'cipherchart-cli passwd'")
                                            .arg(user, role)
                                      : Cli::tr("ok: %1 (%2)").arg(user, role))
                   << "\n";
        return {};
    });
}

int runPasswd(const Args& args, Io& io)
{
    return runReporting(io, [&]() -> Status {
        auto cli = ClinicCli::open(args, io);
        if (!cli)
            return std::move(cli).error();
        auto fresh = (*cli)->passwords().readNew(utf8(Cli::tr("New password")));
        if (!fresh)
            return std::move(fresh).error();
        CC_TRY((*cli)->clinic().changeOwnPassword(fresh->span()));
        io.out << utf8(Cli::tr("password changed")) << "\n";
        return {};
    });
}

} // namespace

void registerClinicCommands(CommandRegistry& registry)
{
    registry.add(
        {{"init"},
         utf8(Cli::tr("Create a clinic: every key, the administrator, custodians, report key and recovery shares")),
         "",
         {{"clinic", "DIR", utf8(Cli::tr("the new clinic folder (created; must not hold a clinic)"))},
          {"admin", "NAME", utf8(Cli::tr("the first administrator account"))},
          {"name", "TEXT", utf8(Cli::tr("the clinic's display name"))},
          {"custodians", "NAMES", utf8(Cli::tr("comma-separated administrator accounts holding report-key shares"))},
          {"threshold", "T", utf8(Cli::tr("custodians needed to decrypt report totals (default 1)"))},
          {"doctor", "NAME", utf8(Cli::tr("also create a first doctor account"))},
          {"recovery-shares", "N", utf8(Cli::tr("recovery key shares to print (default 3)"))},
          {"recovery-threshold", "K", utf8(Cli::tr("shares needed to recover (default 2)"))},
          {"recovery-out", "DIR", utf8(Cli::tr("write the recovery shares to files here instead of the terminal"))},
          {"report-key-bits", "BITS", utf8(Cli::tr("3072 (default), 4096, or 2048 for tests"))},
          {"report-key-file", "FILE",
           utf8(Cli::tr("deal an existing private-key file (tests, interop) instead of generating"))},
          {"demo", "", utf8(Cli::tr("mark the clinic as a demo clinic (the window title says DEMO)"))},
          {"password-stdin", "", utf8(Cli::tr("read passwords one per line from standard input"))}},
         0,
         0,
         runInit,
         utf8(Cli::tr("Passwords are read in this order: the administrator's, then each custodian's (as listed,\n"
                      "skipping the administrator), then the doctor's. Each new password needs 12 characters.\n"
                      "The published test keys of tests/data/paillier are refused unless the clinic is a --demo."))});
    registry.add(
        {{"login-check"},
         utf8(Cli::tr("Check that an account can log in (throttling and lock-out apply; the attempt is audited)")),
         "",
         clinicOptions(),
         0,
         0,
         runLoginCheck,
         utf8(Cli::tr(kPasswordOrderNote))});
    registry.add(
        {{"passwd"},
         utf8(Cli::tr("Change the acting account's own password")),
         "",
         clinicOptions(),
         0,
         0,
         runPasswd,
         utf8(Cli::tr(kPasswordOrderNote)) + utf8(Cli::tr("\nOrder here: the current password, then the new one."))});
    registerReportKeyCommands(registry);
}

} // namespace cc::cli
