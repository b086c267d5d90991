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

void printManifest(Io& io, const BackupManifest& m, const char* verdict)
{
    if (io.json) {
        io.out << BackupService::manifestJson(m);
        return;
    }
    io.out << verdict << "\n"
           << "  backup id        " << m.backupId << "\n"
           << "  clinic           " << m.clinicName << " (" << m.clinicId << ")\n"
           << "  created          " << audit::formatUtcMillis(m.createdAtMs) << " by " << m.createdBy << "\n"
           << "  schema version   " << m.schemaVersion << "\n"
           << "  key slots        generation " << m.keySlotGeneration << "\n"
           << "  audit head       seq " << m.auditHeadSeq << "\n"
           << "  signer           " << m.signer << "\n";
    for (const auto& member : m.members)
        io.out << "  member " << member.name << std::string(12 - std::min<std::size_t>(member.name.size(), 11), ' ')
               << member.size << " bytes, sha256 " << member.sha256 << "\n";
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
        printManifest(io, *made, ("backup written to " + *out).c_str());
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
            printManifest(io, *manifest,
                          "signature verifies under the key the manifest names (give --clinic to check it is yours)");
            return {};
        });
    }
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        BackupService backups(cli.clinic());
        auto seen = backups.inspect(file);
        if (!seen)
            return std::move(seen).error();
        printManifest(io, seen->manifest,
                      seen->signedByThisClinic ? "signed by this clinic's signing key"
                                               : "NOT signed by this clinic: another clinic's key signed it");
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
            auto password = cli.passwords().read("Password for " + *user + " in the backup");
            if (!password)
                return std::move(password).error();
            options.backupPassword = std::move(password).value();
        }
        BackupService backups(cli.clinic());
        auto restored = backups.restore(args.positional.at(0), options);
        if (!restored)
            return std::move(restored).error();
        printManifest(io, *restored, "restored; log in again (the restored key slots hold the backup's passwords)");
        return {};
    });
}

} // namespace

void registerBackupCommands(CommandRegistry& registry)
{
    auto createOptions = clinicOptions();
    createOptions.push_back({"out", "FILE", "the new backup file (never overwritten)"});
    registry.add({{"backup", "create"},
                  "Back up the whole clinic into one signed, encrypted file",
                  "",
                  createOptions,
                  0,
                  0,
                  runCreate,
                  kPasswordOrderNote});
    registry.add({{"backup", "inspect"},
                  "Print a backup's manifest and verify its signature (no decryption)",
                  "FILE",
                  clinicOptions(),
                  1,
                  1,
                  runInspect,
                  "With --clinic and --as the signature is checked against the clinic's signing key (audited);\n"
                  "without, only against the key the manifest names."});
    auto restoreOptions = clinicOptions();
    restoreOptions.push_back({"allow-other-clinic", "", "accept a backup signed by another clinic's key"});
    restoreOptions.push_back(
        {"backup-as", "USER", "an account in the backup whose password opens it (another clinic or key era)"});
    registry.add({{"backup", "restore"},
                  "Verify a backup completely, then replace the clinic's files with it atomically",
                  "FILE",
                  restoreOptions,
                  1,
                  1,
                  runRestore,
                  "Passwords: the acting user's (--as) first, then the --backup-as account's.\n"
                  "The session ends after the restore; the live trail's last event records it."});
}

} // namespace cc::cli
