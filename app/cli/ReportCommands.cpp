// SPDX-License-Identifier: GPL-3.0-or-later
// Encrypted aggregate reports from the command line (docs/REPORTS.md).
#include "app/cli/ReportCommands.h"

#include "app/cli/ClinicCli.h"
#include "app/cli/Text.h"
#include "core/crypto/Hex.h"
#include "core/reports/ReportCsv.h"
#include "core/services/ReportService.h"
#include "db/SqlReportStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <optional>
#include <ostream>

namespace cc::cli {
namespace {

using reports::ReportFile;
using services::ReportService;

constexpr qint64 kMaxFile = 64 << 20;

} // namespace

Result<std::vector<std::uint8_t>> readReportFile(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, "cannot read " + path + ": " + f.errorString().toStdString());
    if (f.size() > kMaxFile)
        return malformed("file is larger than 64 MiB", path, 0, {});
    const QByteArray bytes = f.readAll();
    return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

namespace {

template <typename T> Result<T> signedFormat(Result<T> read, const std::string& path, const char* what)
{
    if (read || read.error().code != ErrorCode::MalformedInput)
        return read;
    Error error = std::move(read).error();
    error.code = ErrorCode::IntegrityFailure;
    error.message = path + " is not an intact " + what + " (damaged or altered): " + error.message;
    error.file = path;
    return error;
}

} // namespace

Result<services::NetworkKey> readNetworkKeyFile(const std::string& path)
{
    auto bytes = readReportFile(path);
    CC_TRY(bytes);
    return signedFormat(services::NetworkKey::fromJson(
                            std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), path),
                        path, "research network key file");
}

Result<services::NetworkMembers> readNetworkMembersFile(const std::string& path, const services::NetworkKey& network)
{
    auto bytes = readReportFile(path);
    CC_TRY(bytes);
    return signedFormat(
        services::NetworkMembers::fromJson(
            std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), network, path),
        path, "research network member list");
}

// Owner-only file written through a temporary file and renamed into place; never overwrites.
Status writeNewReportFile(const std::string& path, std::span<const std::uint8_t> bytes)
{
    if (QFile::exists(QString::fromStdString(path)))
        return makeError(ErrorCode::AlreadyExists, path + " exists; refusing to overwrite");
    return writeOwnerOnlyFile(path, bytes);
}

Status writeOwnerOnlyFile(const std::string& path, std::span<const std::uint8_t> bytes)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return makeError(ErrorCode::StorageError, "cannot write " + path + ": " + file.errorString().toStdString());
    if (file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size())) !=
            static_cast<qint64>(bytes.size()) ||
        !file.commit())
        return makeError(ErrorCode::StorageError, "cannot write " + path + ": " + file.errorString().toStdString());
    return {};
}

namespace {

/// Runs `body` with the clinic's report service (the report store lives as long as the database).
int withReports(const Args& args, Io& io, const std::function<Status(ReportService&)>& body)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        db::SqlReportStore store(cli.store().database());
        ReportService service(cli.clinic(), store);
        return body(service);
    });
}

int runRun(const Args& args, Io& io)
{
    return withReports(args, io, [&](ReportService& service) -> Status {
        auto specPath = requiredOption(args, "spec");
        CC_TRY(specPath);
        auto outPath = requiredOption(args, "out");
        CC_TRY(outPath);
        auto bytes = readReportFile(*specPath);
        CC_TRY(bytes);
        auto spec = reports::ReportSpec::fromJson(
            QByteArray(reinterpret_cast<const char*>(bytes->data()), static_cast<qsizetype>(bytes->size())), *specPath);
        CC_TRY(spec);
        reports::ComputationTimes times;
        auto file = service.run(*spec, &times);
        CC_TRY(file);
        CC_TRY(writeNewReportFile(*outPath, *file));
        auto read = ReportFile::read(*file);
        CC_TRY(read);
        io.out << utf8(Cli::tr("encrypted report %1 written to %2: %3 cells over %4 index rows (read in %5 ms, "
                               "overlapping the index seal's hashes %6 ms and products %7 ms of CPU time on %8 "
                               "threads; cells in %9 ms)")
                           .arg(QString::fromStdString(reports::reportIdHex(read->reportId)),
                                QString::fromStdString(*outPath))
                           .arg(read->cells.size())
                           .arg(times.rows)
                           .arg(QString::fromStdString(fixed(times.selectMs, 0)),
                                QString::fromStdString(fixed(times.hashMs, 0)),
                                QString::fromStdString(fixed(times.multiplyMs, 0)))
                           .arg(times.threads)
                           .arg(QString::fromStdString(fixed(times.totalMs, 0))))
               << "\n"
               << utf8(Cli::tr("next: each custodian runs `report decrypt-share %1`, then `report publish`")
                           .arg(QString::fromStdString(*outPath)))
               << "\n";
        return {};
    });
}

int runVerify(const Args& args, Io& io)
{
    return withReports(args, io, [&](ReportService& service) -> Status {
        auto bytes = readReportFile(args.positional.at(0));
        CC_TRY(bytes);
        auto file = service.verify(*bytes);
        CC_TRY(file);
        io.out << utf8((file->kind == ReportFile::Kind::Published
                            ? Cli::tr("report file verified: published report %1, %2 cells, signed by this clinic's "
                                      "key (%3), report key %4")
                            : Cli::tr("report file verified: encrypted report %1, %2 cells, signed by this clinic's "
                                      "key (%3), report key %4"))
                           .arg(QString::fromStdString(reports::reportIdHex(file->reportId)))
                           .arg(file->cells.size())
                           .arg(QString::fromStdString(file->signerFingerprint()),
                                QString::fromStdString(crypto::hexEncode(file->keyId))))
               << "\n";
        return {};
    });
}

int runShow(const Args& args, Io& io)
{
    return withReports(args, io, [&](ReportService& service) -> Status {
        auto bytes = readReportFile(args.positional.at(0));
        CC_TRY(bytes);
        auto file = service.verify(*bytes);
        CC_TRY(file);
        if (io.json)
            io.out << QJsonDocument(reportJson(*file)).toJson(QJsonDocument::Indented).toStdString();
        else
            printReport(*file, io.out);
        return {};
    });
}

int runCsv(const Args& args, Io& io)
{
    return withReports(args, io, [&](ReportService& service) -> Status {
        auto outPath = requiredOption(args, "out");
        CC_TRY(outPath);
        auto bytes = readReportFile(args.positional.at(0));
        CC_TRY(bytes);
        auto file = service.verify(*bytes);
        CC_TRY(file);
        if (file->kind != ReportFile::Kind::Published)
            return makeError(ErrorCode::InvalidArgument, "only a published report has figures to export");
        const std::string csv = reports::reportCsv(*file);
        CC_TRY(writeNewReportFile(*outPath, {reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size()}));
        io.out << utf8(Cli::tr("published figures written to %1").arg(QString::fromStdString(*outPath))) << "\n";
        return {};
    });
}

int runDecryptShare(const Args& args, Io& io)
{
    return withReports(args, io, [&](ReportService& service) -> Status {
        auto bytes = readReportFile(args.positional.at(0));
        CC_TRY(bytes);
        auto share = service.decryptShare(*bytes);
        CC_TRY(share);
        if (auto out = args.value("out"))
            CC_TRY(writeNewReportFile(*out, share->share));
        const QString summary = Cli::tr("custodian %1: checked every cell against the clinic's rows; %2 cells "
                                        "decrypted partially, %3 withheld (suppressed); share stored in the clinic")
                                    .arg(share->custodian)
                                    .arg(share->cellsDecrypted)
                                    .arg(share->cellsWithheld);
        io.out << utf8(args.has("out")
                           ? Cli::tr("%1 and written to %2").arg(summary, QString::fromStdString(*args.value("out")))
                           : summary)
               << "\n";
        return {};
    });
}

int runPublish(const Args& args, Io& io)
{
    return withReports(args, io, [&](ReportService& service) -> Status {
        auto outPath = requiredOption(args, "out");
        CC_TRY(outPath);
        auto bytes = readReportFile(args.positional.at(0));
        CC_TRY(bytes);
        std::vector<std::vector<std::uint8_t>> shares;
        for (const auto& path : args.values("shares")) {
            auto share = readReportFile(path);
            CC_TRY(share);
            shares.push_back(std::move(*share));
        }
        auto published = service.publish(*bytes, shares);
        for (const auto& why : published ? published->rejectedPartials : std::vector<std::string>{})
            io.err << utf8(Cli::tr("cipherchart-cli: rejected %1").arg(QString::fromStdString(why))) << "\n";
        CC_TRY(published);
        CC_TRY(writeNewReportFile(*outPath, published->file));
        if (io.json)
            io.out << QJsonDocument(reportJson(published->report)).toJson(QJsonDocument::Indented).toStdString();
        else {
            printReport(published->report, io.out);
            io.out << utf8(Cli::tr("published report written to %1").arg(QString::fromStdString(*outPath))) << "\n";
        }
        return {};
    });
}

int runSetMinimum(const Args& args, Io& io)
{
    return withReports(args, io, [&](ReportService& service) -> Status {
        bool ok = false;
        const uint size = QString::fromStdString(args.positional.at(0)).toUInt(&ok);
        if (!ok)
            return makeError(ErrorCode::InvalidArgument, "the minimum cell size must be a whole number");
        CC_TRY(service.setMinimumCellSize(size));
        io.out << utf8(Cli::tr("published report cells now need at least %1 distinct patients").arg(size)) << "\n";
        return {};
    });
}

int runExport(const Args& args, Io& io)
{
    return withReports(args, io, [&](ReportService& service) -> Status {
        auto outPath = requiredOption(args, "out");
        CC_TRY(outPath);
        auto keyPath = requiredOption(args, "network-key");
        CC_TRY(keyPath);
        auto fingerprint = requiredOption(args, "fingerprint");
        CC_TRY(fingerprint);
        auto network = readNetworkKeyFile(*keyPath);
        CC_TRY(network);
        auto bytes = readReportFile(args.positional.at(0));
        CC_TRY(bytes);
        std::vector<std::vector<std::uint8_t>> shares;
        for (const auto& path : args.values("shares")) {
            auto share = readReportFile(path);
            CC_TRY(share);
            shares.push_back(std::move(*share));
        }
        auto exported = service.exportToNetwork(*bytes, *network, *fingerprint, shares);
        for (const auto& why : exported ? exported->rejectedPartials : std::vector<std::string>{})
            io.err << utf8(Cli::tr("cipherchart-cli: rejected %1").arg(QString::fromStdString(why))) << "\n";
        CC_TRY(exported);
        CC_TRY(writeNewReportFile(*outPath, exported->file));
        io.out << utf8(Cli::tr("exported report %1 for research network \"%2\" (key %3) written to %4: %5 cells "
                               "re-encrypted under the network key, %6 withheld (suppressed here)")
                           .arg(QString::fromStdString(reports::reportIdHex(exported->report.reportId)), network->name,
                                QString::fromStdString(network->key.keyIdHex()), QString::fromStdString(*outPath))
                           .arg(exported->cellsExported)
                           .arg(exported->cellsWithheld))
               << "\n";
        return {};
    });
}

int runMerge(const Args& args, Io& io)
{
    return withReports(args, io, [&](ReportService& service) -> Status {
        auto outPath = requiredOption(args, "out");
        CC_TRY(outPath);
        auto keyPath = requiredOption(args, "network-key");
        CC_TRY(keyPath);
        auto minSites = requiredOption(args, "min-sites");
        CC_TRY(minSites);
        bool ok = false;
        const uint sites = QString::fromStdString(*minSites).toUInt(&ok);
        if (!ok || sites < 2)
            return makeError(ErrorCode::InvalidArgument, "--min-sites must be a whole number of at least 2");
        auto network = readNetworkKeyFile(*keyPath);
        CC_TRY(network);
        std::vector<std::vector<std::uint8_t>> files;
        for (const auto& path : args.positional) {
            auto bytes = readReportFile(path);
            CC_TRY(bytes);
            files.push_back(std::move(*bytes));
        }
        std::optional<services::NetworkMembers> members;
        if (auto membersPath = args.value("members")) {
            auto read = readNetworkMembersFile(*membersPath, *network);
            CC_TRY(read);
            members = std::move(*read);
        }
        auto merged = service.merge(files, *network, sites, members ? &*members : nullptr);
        CC_TRY(merged);
        CC_TRY(writeNewReportFile(*outPath, merged->bundle()));
        io.out << utf8(Cli::tr("merged %1 clinics' exports of spec %2 into %3 (merge %4): %5")
                           .arg(merged->sites.size())
                           .arg(QString::fromStdString(crypto::hexEncode(merged->specSha256)),
                                QString::fromStdString(*outPath),
                                QString::fromStdString(reports::reportIdHex(merged->id)),
                                merged->siteNames().join(QStringLiteral(", "))))
               << "\n"
               << utf8(Cli::tr("next: each network custodian runs `network decrypt-share` twice (patient tallies, "
                               "then figures), then one runs `network publish`"))
               << "\n";
        return {};
    });
}

} // namespace

void registerReportCommands(CommandRegistry& registry)
{
    registry.add(
        {{"report", "run"},
         utf8(Cli::tr("Run a report spec into a signed file of encrypted cells (no plaintext about patients)")),
         "",
         clinicOptionsWith(
             {{"spec", "FILE", utf8(Cli::tr("the report spec (JSON, docs/REPORTS.md)"))},
              {"out", "FILE", utf8(Cli::tr("the encrypted report file to write (.ccrep, never overwritten)"))}}),
         0,
         0,
         runRun,
         utf8(Cli::tr("Administrators run reports. Cohorts are chosen with blind tokens; no clinical or identity\n"
                      "document is opened. Every index row is hashed for the index seal, which must verify\n"
                      "over exactly those rows before any sum is used."))});
    registry.add(
        {{"report", "verify"},
         utf8(Cli::tr("Check a report file: format, this clinic's signature, report key id, every ciphertext")),
         "FILE",
         clinicOptions(),
         1,
         1,
         runVerify,
         utf8(Cli::tr("Exit code 3 on any failure (tampering, another clinic's signature or report key)."))});
    registry.add({{"report", "show"},
                  utf8(Cli::tr("Verify and print a report (published figures, or the cells of an encrypted one)")),
                  "FILE",
                  clinicOptions(),
                  1,
                  1,
                  runShow,
                  ""});
    registry.add({{"report", "csv"},
                  utf8(Cli::tr("Verify a published report and write its figures as CSV")),
                  "FILE",
                  clinicOptionsWith({{"out", "FILE", utf8(Cli::tr("the CSV file to write (never overwritten)"))}}),
                  1,
                  1,
                  runCsv,
                  ""});
    registry.add(
        {{"report", "decrypt-share"},
         utf8(Cli::tr("As a report-key custodian: recompute every cell, then give partial decryptions of the "
                      "released cells")),
         "FILE",
         clinicOptionsWith(
             {{"out", "FILE",
               utf8(Cli::tr("also write the share to this file (for a custodian at another workstation)"))}}),
         1,
         1,
         runDecryptShare,
         utf8(Cli::tr("The share is stored in the clinic, so custodians at one workstation log in one after the\n"
                      "other. Refused if a cell is not what the clinic's rows give, if a cell has more rows than\n"
                      "its layout allows, or if the cohort fails the differencing check."))});
    registry.add(
        {{"report", "publish"},
         utf8(Cli::tr("Combine the custodians' shares, apply disclosure control and write the signed published "
                      "report")),
         "FILE",
         clinicOptionsWith({{"out", "FILE", utf8(Cli::tr("the published report file to write (never overwritten)"))},
                            {"shares", "FILE", utf8(Cli::tr("a share file from another workstation")), true}}),
         1,
         1,
         runPublish,
         utf8(Cli::tr("Invalid partial decryptions are named and skipped; any t valid ones are combined."))});
    registry.add({{"report", "export"},
                  utf8(Cli::tr("Re-encrypt an encrypted report's released cells under a research network's key "
                               "(signed by this clinic)")),
                  "FILE",
                  clinicOptionsWith(
                      {{"network-key", "FILE", utf8(Cli::tr("the network's public key file (network init)"))},
                       {"fingerprint", "HEX", utf8(Cli::tr("the network key's fingerprint, as given by the network"))},
                       {"out", "FILE", utf8(Cli::tr("the exported file to write (never overwritten)"))},
                       {"shares", "FILE", utf8(Cli::tr("a share file from another workstation")), true}}),
                  1,
                  1,
                  runExport,
                  utf8(Cli::tr("Takes the clinic's encrypted report after its custodians' decryption shares, as\n"
                               "`report publish` does. Released cells are decrypted in memory and re-encrypted under\n"
                               "the network key; suppressed cells leave as withheld. Nothing is in the clear.\n"
                               "Administrators; audited."))});
    registry.add({{"report", "merge"},
                  utf8(Cli::tr("Merge clinics' exported reports into one bundle for the network's custodians")),
                  "FILE...",
                  clinicOptionsWith(
                      {{"network-key", "FILE", utf8(Cli::tr("the network's public key file"))},
                       {"min-sites", "N", utf8(Cli::tr("refuse fewer than N distinct clinics (at least 2)"))},
                       {"members", "FILE", utf8(Cli::tr("the network's signed member list (refuse other clinics)"))},
                       {"out", "FILE", utf8(Cli::tr("the merged bundle to write (never overwritten)"))}}),
                  1,
                  1000,
                  runMerge,
                  utf8(Cli::tr("Every file is checked: its clinic's signature, the network key id, one spec, each\n"
                               "ciphertext; clinics and signers must be distinct. Exit 3 on a tampered file."))});
    registry.add(
        {{"report", "set-minimum-cell-size"},
         utf8(Cli::tr("Set the minimum number of distinct patients per published cell (default 11, at least 5)")),
         "N",
         clinicOptions(),
         1,
         1,
         runSetMinimum,
         ""});
}

} // namespace cc::cli
