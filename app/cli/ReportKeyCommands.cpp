// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/ReportKeyCommands.h"

#include "app/cli/ClinicCli.h"
#include "app/cli/Text.h"
#include "core/crypto/Hex.h"
#include "core/services/IndexSealing.h"
#include "core/services/ReportKeyPin.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cc::cli {
namespace {

using services::ReportKeyPin;

int runShow(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto fingerprint = ReportKeyPin::currentFingerprint(cli.clinic());
        if (!fingerprint)
            return std::move(fingerprint).error();
        auto verified = ReportKeyPin::load(cli.clinic());
        const std::string status =
            utf8(verified ? Cli::tr("pinned and verified")
                          : (verified.error().code == ErrorCode::IntegrityFailure
                                 ? Cli::tr("NOT VERIFIED: %1").arg(QString::fromStdString(verified.error().message))
                                 : Cli::tr("unavailable: %1").arg(QString::fromStdString(verified.error().message))));
        const std::string hex = crypto::hexEncode(*fingerprint);
        if (io.json) {
            QJsonObject o{{"fingerprint", QString::fromStdString(hex)},
                          {"verified", verified.ok()},
                          {"status", QString::fromStdString(status)}};
            if (verified) {
                o.insert("keyId", QString::fromStdString(verified->publicKey.keyIdHex()));
                o.insert("bits", static_cast<qint64>(verified->publicKey.bits()));
                o.insert("threshold", static_cast<qint64>(verified->parameters.threshold));
                o.insert("parties", static_cast<qint64>(verified->parameters.parties));
            }
            io.out << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
        } else {
            io.out << utf8(Cli::tr("report key fingerprint %1").arg(QString::fromStdString(hex))) << "\n";
            if (verified)
                io.out << utf8(Cli::tr("report key id          %1 (%2 bits, %3 of %4 custodians)")
                                   .arg(QString::fromStdString(verified->publicKey.keyIdHex()))
                                   .arg(verified->publicKey.bits())
                                   .arg(verified->parameters.threshold)
                                   .arg(verified->parameters.parties))
                       << "\n";
            io.out << utf8(Cli::tr("this account           %1").arg(QString::fromStdString(status))) << "\n";
        }
        return {};
    });
}

int runTrust(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto typed = requiredOption(args, "fingerprint");
        if (!typed)
            return std::move(typed).error();
        auto password = cli.passwords().read(utf8(Cli::tr("Password again, to re-wrap your key slot with the pin")));
        if (!password)
            return std::move(password).error();
        CC_TRY(ReportKeyPin::trustOnFirstUse(cli.clinic(), *typed, password->span()));
        io.out << utf8(Cli::tr("report key pinned in this account's key ring; it is checked from the next login on"))
               << "\n";
        return {};
    });
}

int runTrustIndexWriter(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto typed = requiredOption(args, "key");
        if (!typed)
            return std::move(typed).error();
        auto password = cli.passwords().read(utf8(Cli::tr("Password again, to re-wrap your key slot with the pin")));
        if (!password)
            return std::move(password).error();
        CC_TRY(services::IndexSealing::trustWriterOnFirstUse(cli.clinic(), *typed, password->span()));
        io.out << utf8(Cli::tr("index writer key pinned in this account's key ring; reports check the index seal "
                               "with it from the next login on"))
               << "\n";
        return {};
    });
}

} // namespace

void registerReportKeyCommands(CommandRegistry& registry)
{
    registry.add({{"report-key", "show"},
                  utf8(Cli::tr("Show the report key's fingerprint and whether this account's pin verifies it")),
                  "",
                  clinicOptions(),
                  0,
                  0,
                  runShow,
                  kPasswordOrderNote});
    registry.add(
        {{"report-key", "trust"},
         utf8(Cli::tr("Pin the report key in this account's ring (accounts from before pinning; audited)")),
         "",
         clinicOptionsWith({{"fingerprint", "HEX",
                             utf8(Cli::tr("the fingerprint from the key ceremony's record (compare with "
                                          "`report-key show`)"))}}),
         0,
         0,
         runTrust,
         std::string(kPasswordOrderNote) +
             utf8(Cli::tr("\nOrder here: the password of --as, then the same password again (the slot is re-wrapped).\n"
                          "An administrator pins first (this also signs the record for clinics from before pinning),\n"
                          "then each doctor. Compare the fingerprint with the one printed by `init` before trusting "
                          "it."))});
    registry.add(
        {{"report-key", "trust-index-writer"},
         utf8(Cli::tr("Pin the index writer key in this administrator's ring (accounts from before the index seal; "
                      "audited)")),
         "",
         clinicOptionsWith(
             {{"key", "HEX", utf8(Cli::tr("the index writer key a doctor's `verify` shows (64 hex digits)"))}}),
         0,
         0,
         runTrustIndexWriter,
         std::string(kPasswordOrderNote) +
             utf8(Cli::tr("\nOrder here: the password of --as, then the same password again (the slot is re-wrapped).\n"
                          "Report runs and decryption shares check the index seal (docs/RECORDS.md) with this key; "
                          "compare it with a doctor's `verify` output before trusting it."))});
}

} // namespace cc::cli
