// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/AuditCommands.h"

#include "app/cli/ClinicCli.h"
#include "core/services/AccountService.h"
#include "core/services/AuditService.h"
#include "core/services/KeyService.h"
#include "core/services/PrivateFile.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cc::cli {
namespace {

using services::AuditService;
using services::KeyService;

std::vector<OptionSpec> filterOptions()
{
    auto options = clinicOptions();
    for (OptionSpec o : std::initializer_list<OptionSpec>{
             {"from", "TIME", utf8(Cli::tr("events at or after this UTC time (ISO 8601, e.g. 2026-11-21T08:00:00Z)"))},
             {"until", "TIME", utf8(Cli::tr("events before this UTC time"))},
             {"user", "ID", utf8(Cli::tr("only this user's row id"))},
             {"patient", "ID", utf8(Cli::tr("only events about this patient row id"))},
             {"action", "C|R|U|D|E", utf8(Cli::tr("only this RFC 3881 action"))},
             {"flagged", "", utf8(Cli::tr("only events flagged for review (break-glass)"))}})
        options.push_back(o);
    return options;
}

Result<std::int64_t> timeOption(const std::string& name, const std::string& text)
{
    const QDateTime t = QDateTime::fromString(QString::fromStdString(text), Qt::ISODate);
    if (!t.isValid())
        return makeError(ErrorCode::InvalidArgument, "--" + name + " is not an ISO 8601 time: " + text);
    return t.toMSecsSinceEpoch();
}

Result<audit::AuditFilter> filterFrom(const Args& args)
{
    audit::AuditFilter f;
    if (auto v = args.value("from")) {
        auto t = timeOption("from", *v);
        if (!t)
            return std::move(t).error();
        f.fromMs = *t;
    }
    if (auto v = args.value("until")) {
        auto t = timeOption("until", *v);
        if (!t)
            return std::move(t).error();
        f.untilMs = *t;
    }
    if (auto v = args.value("user"))
        f.userId = *v;
    if (auto v = args.value("patient"))
        f.patientId = *v;
    if (auto v = args.value("action")) {
        if (v->size() != 1 || std::string("CRUDE").find((*v)[0]) == std::string::npos)
            return makeError(ErrorCode::InvalidArgument, "--action must be one of C, R, U, D, E");
        f.action = static_cast<audit::AuditAction>((*v)[0]);
    }
    f.flaggedOnly = args.has("flagged");
    return f;
}

/// The collector's log for --witness FILE (at most 256 MiB).
Result<std::string> readWitnessFile(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.exists())
        return makeError(ErrorCode::NotFound, "no witness log at " + path);
    if (file.size() > (qint64{256} << 20))
        return malformed("the witness log is larger than 256 MiB", path, 0, "size");
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::StorageError, "cannot read " + path + ": " + file.errorString().toStdString());
    return file.readAll().toStdString();
}

/// Prints the witness comparison; false if it found a problem.
bool printWitness(const audit::WitnessReport& w, Io& io)
{
    if (io.json) {
        QJsonArray findings;
        for (const auto& f : w.findings)
            findings.append(QJsonObject{{"kind", QString::fromUtf8(audit::witnessFindingName(f.kind).data())},
                                        {"seq", static_cast<qint64>(f.seq)},
                                        {"line", static_cast<qint64>(f.line)},
                                        {"message", QString::fromStdString(f.message)}});
        io.out << QJsonDocument(QJsonObject{{"witnessOk", w.ok},
                                            {"headsChecked", static_cast<qint64>(w.headsChecked)},
                                            {"lastWitnessedSeq", static_cast<qint64>(w.lastWitnessedSeq)},
                                            {"otherClinics", static_cast<qint64>(w.otherClinics)},
                                            {"findings", findings}})
                      .toJson(QJsonDocument::Indented)
                      .toStdString();
    } else {
        io.out << utf8((w.ok ? Cli::tr("witness agrees: %1 witnessed head(s) checked, last witnessed event %2")
                             : Cli::tr("WITNESS DISAGREES: %1 witnessed head(s) checked, last witnessed event %2"))
                           .arg(w.headsChecked)
                           .arg(w.lastWitnessedSeq))
               << "\n";
        for (const auto& f : w.findings)
            io.out << "  " << audit::witnessFindingName(f.kind) << ": " << f.message << "\n";
    }
    return w.ok;
}

int runVerify(const Args& args, Io& io)
{
    int exit = ExitOk;
    const int rc = runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        AuditService audit(cli.clinic());
        std::optional<std::string> witnessLog;
        if (auto path = args.value("witness")) {
            auto text = readWitnessFile(*path);
            if (!text)
                return std::move(text).error();
            witnessLog = std::move(text).value();
        }
        auto report = audit.verify();
        if (!report)
            return std::move(report).error();
        if (witnessLog) {
            auto witnessed = audit.verifyWitness(*witnessLog);
            if (!witnessed)
                return std::move(witnessed).error();
            if (!printWitness(*witnessed, io))
                exit = ExitIntegrity;
        }
        if (io.json)
            io.out << QJsonDocument(
                          QJsonObject{{"ok", report->ok},
                                      {"eventsChecked", static_cast<qint64>(report->eventsChecked)},
                                      {"headSeq", static_cast<qint64>(report->headSeq)},
                                      {"problem", QString::fromUtf8(audit::auditProblemName(report->problem).data())},
                                      {"problemSeq", static_cast<qint64>(report->problemSeq)},
                                      {"anchorLagging", report->anchorLagging},
                                      {"message", QString::fromStdString(report->message)}})
                          .toJson(QJsonDocument::Indented)
                          .toStdString();
        else
            io.out << utf8((report->ok ? Cli::tr("audit trail intact: %1") : Cli::tr("AUDIT TRAIL BROKEN: %1"))
                               .arg(QString::fromStdString(report->message)))
                   << "\n";
        if (!report->ok)
            exit = ExitIntegrity;
        return {};
    });
    return rc != ExitOk ? rc : exit;
}

int runWitness(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        const bool off = args.has("off");
        const auto address = args.value("set");
        if (off == address.has_value())
            return makeError(ErrorCode::InvalidArgument, utf8(Cli::tr("give either --set HOST:PORT or --off")));
        AuditService audit(cli.clinic());
        CC_TRY(audit.setWitness(off ? std::string() : *address));
        if (off)
            io.out << utf8(Cli::tr("audit witness removed: chain heads are no longer sent anywhere")) << "\n";
        else
            io.out << utf8(Cli::tr("each audit chain head is now sent to %1 (RFC 5424 over TCP); check with: audit "
                                   "verify --witness <collector log>")
                               .arg(QString::fromStdString(*address)))
                   << "\n";
        return {};
    });
}

int runReanchor(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        AuditService audit(cli.clinic());
        CC_TRY(audit.reanchor(args.value("reason").value_or("")));
        io.out << utf8(Cli::tr("anchor rewritten from the database head; the event records your reason")) << "\n";
        return {};
    });
}

int runList(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto filter = filterFrom(args);
        if (!filter)
            return std::move(filter).error();
        AuditService audit(cli.clinic());
        auto entries = audit.list(*filter);
        if (!entries)
            return std::move(entries).error();
        if (io.json) {
            QJsonArray rows;
            for (const auto& e : *entries) {
                const auto& v = e.event;
                rows.append(QJsonObject{{"seq", static_cast<qint64>(v.seq)},
                                        {"time", QString::fromStdString(audit::formatUtcMillis(v.timeMs))},
                                        {"user", QString::fromStdString(v.userName)},
                                        {"userId", QString::fromStdString(v.userId)},
                                        {"role", QString::fromStdString(v.role)},
                                        {"workstation", QString::fromStdString(v.workstation)},
                                        {"action", QString(QChar::fromLatin1(static_cast<char>(v.action)))},
                                        {"outcome", static_cast<int>(v.outcome)},
                                        {"eventId", static_cast<int>(v.eventId)},
                                        {"eventType", static_cast<int>(v.eventType)},
                                        {"patient", QString::fromStdString(v.patientId)},
                                        {"objectType", QString::fromStdString(v.objectType)},
                                        {"objectId", QString::fromStdString(v.objectId)},
                                        {"reason", QString::fromStdString(v.reason)},
                                        {"flagged", v.flagged},
                                        {"detail", QString::fromStdString(v.detail)}});
            }
            io.out << QJsonDocument(rows).toJson(QJsonDocument::Indented).toStdString();
        } else {
            for (const auto& e : *entries) {
                const auto& v = e.event;
                io.out << v.seq << "\t" << audit::formatUtcMillis(v.timeMs) << "\t"
                       << (v.userName.empty() ? "-" : v.userName) << "\t" << static_cast<char>(v.action) << "\t"
                       << static_cast<int>(v.outcome) << "\t" << audit::eventIdName(v.eventId)
                       << (v.eventType != audit::AuditEventType::None
                               ? "/" + std::string(audit::eventTypeName(v.eventType))
                               : std::string())
                       << "\t" << v.detail << (v.flagged ? "\tFLAGGED" : "") << "\n";
            }
        }
        return {};
    });
}

int runExport(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto filter = filterFrom(args);
        if (!filter)
            return std::move(filter).error();
        const std::string format = args.value("format").value_or("csv");
        if (format != "csv" && format != "syslog")
            return makeError(ErrorCode::InvalidArgument, "--format must be csv or syslog");
        auto outPath = requiredOption(args, "out");
        if (!outPath)
            return std::move(outPath).error();
        if (QFile::exists(QString::fromStdString(*outPath)))
            return makeError(ErrorCode::AlreadyExists, *outPath + " exists; refusing to overwrite");
        // Private from creation (the export names patients' row ids and break-glass reasons) and
        // renamed into place only when complete: nothing half-written remains.
        services::PrivateFile file(QString::fromStdString(*outPath));
        CC_TRY(file.open());
        AuditService audit(cli.clinic());
        CC_TRY(format == "csv" ? audit.exportCsv(*filter, file.device()) : audit.exportSyslog(*filter, file.device()));
        CC_TRY(file.commit());
        io.out << utf8(Cli::tr("audit trail exported to %1").arg(QString::fromStdString(*outPath))) << "\n";
        return {};
    });
}

int runKeyStatus(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        KeyService keys(cli.clinic());
        auto status = keys.status();
        if (!status)
            return std::move(status).error();
        auto pending = keys.pendingRotations();
        if (!pending)
            return std::move(pending).error();
        auto pendingOf = [&](const std::string& name) -> const services::PendingRotation* {
            for (const auto& p : *pending)
                if (access::keyKindName(p.kind) == name)
                    return &p;
            return nullptr;
        };
        if (io.json) {
            QJsonArray rows;
            for (const auto& k : *status) {
                QJsonArray holders;
                for (const auto& h : k.holders)
                    holders.append(QString::fromStdString(h));
                QJsonObject row{
                    {"name", QString::fromStdString(k.name)},    {"id", QString::fromStdString(k.id)},
                    {"version", static_cast<qint64>(k.version)}, {"createdAt", static_cast<qint64>(k.createdAt)},
                    {"ageDays", static_cast<qint64>(k.ageDays)}, {"holders", holders}};
                if (const auto* p = pendingOf(k.name)) {
                    QJsonArray reasons;
                    for (const auto& r : p->reasons)
                        reasons.append(QString::fromStdString(r));
                    row.insert("pendingRotation",
                               QJsonObject{{"since", static_cast<qint64>(p->since)}, {"reasons", reasons}});
                }
                rows.append(row);
            }
            io.out << QJsonDocument(rows).toJson(QJsonDocument::Indented).toStdString();
        } else {
            for (const auto& k : *status) {
                io.out << utf8(Cli::tr("%1  id %2  v%3  %4 days")
                                   .arg(QString::fromStdString(k.name), QString::fromStdString(k.id))
                                   .arg(k.version)
                                   .arg(k.ageDays))
                       << "\n";
                for (const auto& h : k.holders)
                    io.out << "    " << h << "\n";
                if (const auto* p = pendingOf(k.name)) {
                    io.out << utf8((p->kind == access::KeyKind::ClinicalCategory
                                        ? Cli::tr("    PENDING rotation (the next doctor's login performs it):")
                                        : Cli::tr("    PENDING rotation (run 'keys rotate'):")))
                           << "\n";
                    for (const auto& r : p->reasons)
                        io.out << "      " << r << "\n";
                }
            }
        }
        return {};
    });
}

int runKeyRotate(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto which = requiredOption(args, "key");
        if (!which)
            return std::move(which).error();
        access::KeyKind kind = access::KeyKind::DatabaseKey;
        if (*which == "identity")
            kind = access::KeyKind::IdentityCategory;
        else if (*which == "clinical")
            kind = access::KeyKind::ClinicalCategory;
        else if (*which != "dbk")
            return makeError(ErrorCode::InvalidArgument, "--key must be dbk, identity or clinical");
        std::optional<services::Sponsor> sponsor;
        if (auto name = args.value("sponsor")) {
            auto password = cli.passwords().read(
                utf8(Cli::tr("Password of sponsoring doctor %1").arg(QString::fromStdString(*name))));
            if (!password)
                return std::move(password).error();
            sponsor = services::Sponsor{*name, std::move(password).value()};
        }
        KeyService keys(cli.clinic());
        auto rotated = keys.rotate(kind, sponsor ? &*sponsor : nullptr);
        if (!rotated)
            return std::move(rotated).error();
        if (io.json) {
            const QJsonObject o{{"key", QString::fromStdString(rotated->name)},
                                {"id", static_cast<qint64>(rotated->keyId)},
                                {"version", static_cast<qint64>(rotated->version)},
                                {"recipients", static_cast<qint64>(rotated->recipients)},
                                {"sessionEnded", rotated->sessionEnded}};
            io.out << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
        } else {
            io.out << utf8(Cli::tr("%1 rotated to version %2 (id %3); sealed for %4 recipient(s) incl. the recovery "
                                   "ring; each account picks it up at its next login")
                               .arg(QString::fromStdString(rotated->name))
                               .arg(rotated->version)
                               .arg(rotated->keyId)
                               .arg(rotated->recipients))
                   << "\n";
        }
        return {};
    });
}

int runKeyPin(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto pinned = KeyService(cli.clinic()).pinUnpinned();
        if (!pinned)
            return std::move(pinned).error();
        if (io.json) {
            QJsonArray names;
            for (const auto& n : *pinned)
                names.append(QString::fromStdString(n));
            io.out << QJsonDocument(QJsonObject{{"pinned", names}}).toJson(QJsonDocument::Indented).toStdString();
        } else if (pinned->empty()) {
            io.out << utf8(Cli::tr("Every recipient was pinned already: nothing changed.")) << "\n";
        } else {
            QStringList names;
            for (const auto& n : *pinned)
                names << QString::fromStdString(n);
            io.out << utf8(Cli::tr("Pinned the box public keys of: %1 (flagged for review in the audit trail).")
                               .arg(names.join(QStringLiteral(", "))))
                   << "\n";
        }
        return {};
    });
}

int runIdleTimeout(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        int minutes = 0;
        try {
            std::size_t used = 0;
            minutes = std::stoi(args.positional[0], &used);
            if (used != args.positional[0].size())
                throw std::invalid_argument("minutes");
        } catch (const std::exception&) {
            return makeError(ErrorCode::InvalidArgument, utf8(Cli::tr("MINUTES must be a whole number from 2 to 30")));
        }
        KeyService keys(cli.clinic());
        CC_TRY(keys.setIdleTimeout(std::chrono::minutes(minutes)));
        io.out << utf8(Cli::tr("idle lock after %1 minutes").arg(minutes)) << "\n";
        return {};
    });
}

} // namespace

void registerAuditCommands(CommandRegistry& registry)
{
    auto verifyOptions = clinicOptions();
    verifyOptions.push_back(
        {"witness", "FILE", utf8(Cli::tr("also compare with this syslog collector's log (names missing events)"))});
    registry.add({{"audit", "verify"},
                  utf8(Cli::tr("Verify the audit trail's hash chain, MACs and anchor; exit 3 names the first problem")),
                  "",
                  verifyOptions,
                  0,
                  0,
                  runVerify,
                  utf8(Cli::tr(kPasswordOrderNote))});
    auto witnessOptions = clinicOptions();
    witnessOptions.push_back(
        {"set", "HOST:PORT", utf8(Cli::tr("send each chain head to this syslog collector (TCP)"))});
    witnessOptions.push_back({"off", "", utf8(Cli::tr("stop sending chain heads"))});
    registry.add({{"audit", "witness"},
                  utf8(Cli::tr("Set or remove the external audit witness (a syslog collector; audited)")),
                  "",
                  witnessOptions,
                  0,
                  0,
                  runWitness,
                  utf8(Cli::tr(kPasswordOrderNote))});
    auto reanchorOptions = clinicOptions();
    reanchorOptions.push_back({"reason", "TEXT", utf8(Cli::tr("why the anchor is rewritten (required; recorded)"))});
    registry.add(
        {{"audit", "reanchor"},
         utf8(Cli::tr("After examining a broken trail: accept the database head and rewrite the anchor (audited)")),
         "",
         reanchorOptions,
         0,
         0,
         runReanchor,
         utf8(Cli::tr(kPasswordOrderNote))});
    registry.add({{"audit", "list"},
                  utf8(Cli::tr("List audit events, oldest first")),
                  "",
                  filterOptions(),
                  0,
                  0,
                  runList,
                  utf8(Cli::tr(kPasswordOrderNote))});
    auto exportOptions = filterOptions();
    exportOptions.push_back(
        {"format", "csv|syslog", utf8(Cli::tr("CSV (RFC 4180) or RFC 5424 syslog lines (default csv)"))});
    exportOptions.push_back({"out", "FILE", utf8(Cli::tr("the file to write (must not exist)"))});
    registry.add({{"audit", "export"},
                  utf8(Cli::tr("Export audit events as CSV or RFC 5424 syslog lines")),
                  "",
                  exportOptions,
                  0,
                  0,
                  runExport,
                  utf8(Cli::tr(kPasswordOrderNote))});
    registry.add({{"keys", "status"},
                  utf8(Cli::tr("Show every key's id, version, age and holders (never a key)")),
                  "",
                  clinicOptions(),
                  0,
                  0,
                  runKeyStatus,
                  utf8(Cli::tr(kPasswordOrderNote))});
    auto rotateOptions = clinicOptions();
    rotateOptions.push_back({"key", "dbk|identity|clinical", utf8(Cli::tr("which key to rotate"))});
    rotateOptions.push_back(
        {"sponsor", "DOCTOR", utf8(Cli::tr("a doctor who takes part (required for --key clinical)"))});
    registry.add(
        {{"keys", "rotate"},
         utf8(Cli::tr("Rotate a key without anyone's password: each account gets it at its next login")),
         "",
         rotateOptions,
         0,
         0,
         runKeyRotate,
         utf8(Cli::tr(kPasswordOrderNote)) +
             utf8(Cli::tr("\nOrder here: yours, then the sponsoring doctor's (--sponsor).\n"
                          "dbk rekeys the database and ends your session (log in again); index, audit root and "
                          "signing keys are not rotated (see docs/KEYS.md section 8)."))});
    registry.add({{"keys", "pin"},
                  utf8(Cli::tr("Pin the box public keys of accounts that have no pin yet (trust on first use)")),
                  "",
                  clinicOptions(),
                  0,
                  0,
                  runKeyPin,
                  utf8(Cli::tr(kPasswordOrderNote)) +
                      utf8(Cli::tr("\nFor a clinic created before pins existed: rotations refuse unpinned accounts. "
                                   "An administrator pins every account and the recovery ring; a doctor adds the "
                                   "clinical pins. Existing pins are never replaced. Run it only while you are sure "
                                   "nobody has changed the key-slot file (docs/KEYS.md section 8)."))});
    registry.add({{"keys", "set-idle-timeout"},
                  utf8(Cli::tr("Set the idle lock timeout (2 to 30 minutes)")),
                  "MINUTES",
                  clinicOptions(),
                  1,
                  1,
                  runIdleTimeout,
                  utf8(Cli::tr(kPasswordOrderNote))});
}

} // namespace cc::cli
