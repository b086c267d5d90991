// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/BackupCommands.h"

#include "app/cli/ClinicCli.h"
#include "core/audit/AuditEvent.h"
#include "core/services/BackupService.h"
#include "db/AtomicFile.h"

#include <ostream>

namespace cc::cli {
namespace {

using services::BackupManifest;
using services::BackupService;

/// "  label            value": a translated label padded to the value column.
std::string manifestLine(const QString& label, const QString& value)
{
    return "  " + utf8(label.leftJustified(16)) + " " + utf8(value) + "\n";
}

void printManifest(Io& io, const BackupManifest& m, const QString& verdict)
{
    if (io.json) {
        io.out << BackupService::manifestJson(m);
        return;
    }
    const auto s = [](const std::string& v) { return QString::fromStdString(v); };
    io.out << utf8(verdict) << "\n"
           << manifestLine(Cli::tr("backup id"), s(m.backupId))
           << manifestLine(Cli::tr("clinic"), Cli::tr("%1 (%2)").arg(s(m.clinicName), s(m.clinicId)))
           << manifestLine(Cli::tr("created"),
                           Cli::tr("%1 by %2").arg(s(audit::formatUtcMillis(m.createdAtMs)), s(m.createdBy)))
           << manifestLine(Cli::tr("schema version"), QString::number(m.schemaVersion))
           << manifestLine(Cli::tr("key slots"), Cli::tr("generation %1").arg(m.keySlotGeneration))
           << manifestLine(Cli::tr("audit head"), Cli::tr("seq %1").arg(m.auditHeadSeq))
           << manifestLine(Cli::tr("signer"), s(m.signer));
    for (const auto& member : m.members)
        io.out << utf8(Cli::tr("  member %1%2 bytes, sha256 %3")
                           .arg(s(member.name).leftJustified(11) + " ")
                           .arg(member.size)
                           .arg(s(member.sha256)))
               << "\n";
}

int runCreate(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto out = requiredOption(args, "out");
        if (!out)
            return std::move(out).error();
        BackupService backups(cli.clinic());
        auto made = backups.create(*out);
        if (!made)
            return std::move(made).error();
        printManifest(io, *made, Cli::tr("backup written to %1").arg(QString::fromStdString(*out)));
        return {};
    });
}

int runInspect(const Args& args, Io& io)
{
    const std::string file = args.positional.at(0);
    if (!args.has("clinic")) {
        // Without a clinic only the self-consistency of the signature can be checked.
        return runReporting(io, [&]() -> Status {
            auto bytes = db::readFile(file, BackupService::kMaxBackupSize);
            if (!bytes)
                return std::move(bytes).error();
            auto manifest = BackupService::inspectBytes(*bytes);
            if (!manifest)
                return std::move(manifest).error();
            printManifest(
                io, *manifest,
                Cli::tr("signature verifies under the key the manifest names (give --clinic to check it is yours)"));
            return {};
        });
    }
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        BackupService backups(cli.clinic());
        auto seen = backups.inspect(file);
        if (!seen)
            return std::move(seen).error();
        printManifest(io, seen->manifest,
                      seen->signedByThisClinic ? Cli::tr("signed by this clinic's signing key")
                                               : Cli::tr("NOT signed by this clinic: another clinic's key signed it"));
        return {};
    });
}

int runRestore(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        services::RestoreOptions options;
        options.allowOtherClinic = args.has("allow-other-clinic");
        if (auto user = args.value("backup-as")) {
            options.backupUser = *user;
            auto password =
                cli.passwords().read(utf8(Cli::tr("Password for %1 in the backup").arg(QString::fromStdString(*user))));
            if (!password)
                return std::move(password).error();
            options.backupPassword = std::move(password).value();
        }
        BackupService backups(cli.clinic());
        auto restored = backups.restore(args.positional.at(0), options);
        if (!restored)
            return std::move(restored).error();
        printManifest(io, *restored,
                      Cli::tr("restored; log in again (the restored key slots hold the backup's passwords)"));
        return {};
    });
}

} // namespace

void registerBackupCommands(CommandRegistry& registry)
{
    auto createOptions = clinicOptions();
    createOptions.push_back({"out", "FILE", utf8(Cli::tr("the new backup file (never overwritten)"))});
    registry.add({{"backup", "create"},
                  utf8(Cli::tr("Back up the whole clinic into one signed, encrypted file")),
                  "",
                  createOptions,
                  0,
                  0,
                  runCreate,
                  kPasswordOrderNote});
    registry.add({{"backup", "inspect"},
                  utf8(Cli::tr("Print a backup's manifest and verify its signature (no decryption)")),
                  "FILE",
                  clinicOptions(),
                  1,
                  1,
                  runInspect,
                  utf8(Cli::tr("With --clinic and --as the signature is checked against the clinic's signing key "
                               "(audited);\nwithout, only against the key the manifest names."))});
    auto restoreOptions = clinicOptions();
    restoreOptions.push_back(
        {"allow-other-clinic", "", utf8(Cli::tr("accept a backup signed by another clinic's key"))});
    restoreOptions.push_back(
        {"backup-as", "USER",
         utf8(Cli::tr("an account in the backup whose password opens it (another clinic or key era)"))});
    registry.add({{"backup", "restore"},
                  utf8(Cli::tr("Verify a backup completely, then replace the clinic's files with it atomically")),
                  "FILE",
                  restoreOptions,
                  1,
                  1,
                  runRestore,
                  utf8(Cli::tr("Passwords: the acting user's (--as) first, then the --backup-as account's.\n"
                               "The session ends after the restore; the live trail's last event records it."))});
}

} // namespace cc::cli
