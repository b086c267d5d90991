// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/VerifyCommands.h"

#include "app/cli/ClinicCli.h"
#include "core/services/StorageService.h"
#include "core/services/VerifyService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cc::cli {
namespace {

QJsonArray lines(const std::vector<std::string>& items)
{
    QJsonArray a;
    for (const auto& s : items)
        a.append(QString::fromStdString(s));
    return a;
}

int runVerifyClinic(const Args& args, Io& io)
{
    int exit = ExitOk;
    const int rc = runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        services::VerifyService verify(cli.clinic());
        auto report = verify.verifyClinic();
        if (!report)
            return std::move(report).error();
        if (io.json) {
            io.out << QJsonDocument(QJsonObject{{"ok", report->ok},
                                                {"problem", QString::fromStdString(report->problem)},
                                                {"checked", lines(report->checked)},
                                                {"notChecked", lines(report->notChecked)},
                                                {"auditEvents", static_cast<qint64>(report->auditEvents)},
                                                {"identityDocuments", static_cast<qint64>(report->identityDocuments)},
                                                {"clinicalRows", static_cast<qint64>(report->clinicalRows)},
                                                {"indexMacs", static_cast<qint64>(report->indexMacs)},
                                                {"chartManifests", static_cast<qint64>(report->chartManifests)}})
                          .toJson(QJsonDocument::Indented)
                          .toStdString();
        } else {
            for (const auto& line : report->checked)
                io.out << utf8(Cli::tr("ok: %1").arg(QString::fromStdString(line))) << "\n";
            for (const auto& line : report->notChecked)
                io.out << utf8(Cli::tr("not checked: %1").arg(QString::fromStdString(line))) << "\n";
            if (report->ok)
                io.out << utf8(Cli::tr("clinic verified")) << "\n";
            else
                io.out << utf8(Cli::tr("CLINIC DAMAGED OR ALTERED: %1").arg(QString::fromStdString(report->problem)))
                       << "\n";
        }
        if (!report->ok)
            exit = ExitIntegrity;
        return {};
    });
    return rc != ExitOk ? rc : exit;
}

int runStorageUpgrade(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        services::StorageService storage(cli.clinic());
        auto upgrade = storage.upgradePageSize();
        if (!upgrade)
            return std::move(upgrade).error();
        if (io.json) {
            io.out << QJsonDocument(QJsonObject{{"rewritten", upgrade->rewritten},
                                                {"pageSizeBefore", upgrade->before},
                                                {"pageSize", upgrade->after}})
                          .toJson(QJsonDocument::Indented)
                          .toStdString();
        } else if (upgrade->rewritten) {
            io.out << utf8(Cli::tr("clinic.db rewritten at %1-byte pages (was %2); rows, key and audit trail unchanged")
                               .arg(upgrade->after)
                               .arg(upgrade->before))
                   << "\n";
        } else {
            io.out << utf8(Cli::tr("clinic.db already uses %1-byte pages: nothing to do").arg(upgrade->after)) << "\n";
        }
        return {};
    });
}

} // namespace

void registerVerifyCommands(CommandRegistry& registry)
{
    registry.add(
        {{"verify"},
         utf8(Cli::tr("Check the whole clinic: every database page, the key-slot file, the audit chain and "
                      "anchor, and every sealed row and index MAC your keys can check; exit 3 names the first "
                      "problem")),
         "",
         clinicOptions(),
         0,
         0,
         runVerifyClinic,
         utf8(Cli::tr(kPasswordOrderNote)) +
             utf8(Cli::tr("\nAn administrator checks pages, key slots, the audit chain (with its MACs) and the "
                          "anchor, and every identity document; a doctor also every clinical row of their "
                          "care-team patients and every observation index MAC."))});
    registry.add({{"storage", "upgrade"},
                  utf8(Cli::tr("Rewrite the clinic database at the current page size (32 KB; clinics created "
                               "before 2026-12-07 have 4 KB pages): faster reports and verification; audited")),
                  "",
                  clinicOptions(),
                  0,
                  0,
                  runStorageUpgrade,
                  utf8(Cli::tr(kPasswordOrderNote)) +
                      utf8(Cli::tr("\nAn administrator. The database is copied, the copy checked, then moved into "
                                   "place atomically: it needs as much free space as clinic.db, and reads and "
                                   "writes the whole file once (minutes for several GB). Interrupted, the clinic "
                                   "keeps its old file."))});
}

} // namespace cc::cli
