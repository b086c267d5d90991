// SPDX-License-Identifier: GPL-3.0-or-later
// `import synthea|actg315`, `patient list|show`, `observation list`: thin wrappers over the record
// services, which check the permissions and write the audit events.
#include "app/cli/RecordCommands.h"

#include "app/cli/ClinicCli.h"
#include "app/cli/FhirCommands.h"
#include "app/cli/ProgressBar.h"
#include "core/services/ImportService.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>
#include <set>

namespace cc::cli {
namespace {

QJsonObject patientJson(const model::Patient& p)
{
    // The canonical document already names the MRN "mrn"; the row id is added for scripts.
    QJsonObject o = QJsonDocument::fromJson(p.toJson()).object();
    o.remove("v");
    o.insert("id", model::rowIdToHex(p.id));
    return o;
}

QJsonObject observationJson(const services::ObservationEntry& e)
{
    QJsonObject o = QJsonDocument::fromJson(e.observation.toJson()).object();
    o.remove("v");
    o.insert("id", model::rowIdToHex(e.observation.id));
    o.insert("latest", e.latest);
    return o;
}

std::string text(const QString& s)
{
    return s.toStdString();
}

std::string patientLine(const model::Patient& p)
{
    std::string line = text(p.mrn) + "  " + text(p.familyName) + ", " + text(p.givenName) + "  " + text(p.birthDate) +
                       "  " + text(model::sexToken(p.sex));
    if (!p.deathDate.isEmpty())
        line += "  died " + text(p.deathDate);
    return line;
}

void printJson(const QJsonDocument& doc, Io& io)
{
    io.out << doc.toJson(QJsonDocument::Indented).toStdString();
}

int runImport(const Args& args, Io& io, bool synthea)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        const QString input = QString::fromStdString(args.positional.at(0));
        ProgressBar bar(io.err, synthea ? "importing Synthea" : "importing ACTG 315", ProgressBar::stderrIsTerminal());
        const services::ImportProgress progress = [&bar](std::size_t done, std::size_t total) {
            bar.update(done, total);
            return true;
        };
        services::ImportService import(cli.clinic());
        auto summary = synthea ? import.importSynthea(input, progress) : import.importActg315(input, progress);
        bar.finish();
        if (!summary)
            return std::move(summary).error();
        printImportSummary(*summary, io);
        return {};
    });
}

int runPatientList(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        services::PatientService patients(cli.clinic());
        auto list = patients.list(QString::fromStdString(args.value("search").value_or("")));
        if (!list)
            return std::move(list).error();
        if (io.json) {
            QJsonArray rows;
            for (const auto& p : *list)
                rows.append(patientJson(p));
            printJson(QJsonDocument(rows), io);
        } else {
            for (const auto& p : *list)
                io.out << patientLine(p) << "\n";
            io.out << list->size() << (list->size() == 1 ? " patient\n" : " patients\n");
        }
        return {};
    });
}

int runPatientShow(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        services::PatientService patients(cli.clinic());
        auto p = patients.findByMrn(QString::fromStdString(args.positional.at(0)));
        if (!p)
            return std::move(p).error();
        if (io.json) {
            printJson(QJsonDocument(patientJson(*p)), io);
            return {};
        }
        const auto row = [&io](const char* label, const QString& value) {
            if (!value.isEmpty())
                io.out << "  " << label << std::string(12 - std::char_traits<char>::length(label), ' ') << text(value)
                       << "\n";
        };
        io.out << text(p->familyName) << ", " << text(p->givenName) << "\n";
        row("mrn", p->mrn);
        row("born", p->birthDate);
        row("died", p->deathDate);
        row("sex", model::sexToken(p->sex));
        row("maiden name", p->maidenName);
        row("address", p->addressLine);
        row("city", p->city);
        row("state", p->state);
        row("postal code", p->postalCode);
        row("country", p->country);
        row("phone", p->phone);
        row("email", p->email);
        return {};
    });
}

int runObservationList(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto mrn = requiredOption(args, "patient");
        if (!mrn)
            return std::move(mrn).error();
        services::PatientService patients(cli.clinic());
        auto p = patients.findByMrn(QString::fromStdString(*mrn));
        if (!p)
            return std::move(p).error();
        services::ObservationService observations(cli.clinic());
        auto list = observations.list(p->id, QString::fromStdString(args.value("code").value_or("")));
        if (!list)
            return std::move(list).error();
        if (io.json) {
            QJsonArray rows;
            for (const auto& e : *list)
                rows.append(observationJson(e));
            printJson(QJsonDocument(rows), io);
            return {};
        }
        for (const auto& e : *list) {
            const auto& o = e.observation;
            io.out << text(o.effective) << "  " << text(o.code) << "  " << text(o.display) << "  ";
            if (o.value)
                io.out << QString::number(*o.value, 'g', 12).toStdString() << " " << text(o.unit);
            else
                io.out << text(o.text);
            io.out << (e.latest ? "  (latest)" : "") << "\n";
        }
        io.out << list->size() << (list->size() == 1 ? " observation\n" : " observations\n");
        return {};
    });
}

} // namespace

void printImportSummary(const interop::ImportSummary& summary, Io& io)
{
    if (io.json) {
        QJsonObject counts;
        for (const auto& [type, n] : summary.counts)
            counts.insert(QString::fromStdString(type), static_cast<qint64>(n));
        const auto items = [](const std::vector<interop::SkippedItem>& list) {
            QJsonArray out;
            for (const auto& s : list)
                out.append(QJsonObject{{"file", s.file},
                                       {"line", static_cast<qint64>(s.line)},
                                       {"field", QString::fromStdString(s.field)},
                                       {"reason", QString::fromStdString(s.reason)}});
            return out;
        };
        QJsonArray uncatalogued;
        for (const auto& [key, n] : summary.uncatalogued)
            uncatalogued.append(
                QJsonObject{{"code", key.first}, {"unit", key.second}, {"count", static_cast<qint64>(n)}});
        printJson(QJsonDocument(QJsonObject{{"counts", counts},
                                            {"skipped", items(summary.skipped)},
                                            {"uncatalogued", uncatalogued},
                                            {"unindexed", items(summary.unindexed)}}),
                  io);
        return;
    }
    // Records read per type, then what became of them (re-import: docs/RECORDS.md).
    static const std::set<std::string> outcomes{"new", "updated", "unchanged"};
    io.out << "Read:\n";
    for (const auto& [type, n] : summary.counts)
        if (outcomes.count(type) == 0)
            io.out << "  " << type << std::string(type.size() < 22 ? 22 - type.size() : 1, ' ') << n << "\n";
    if (summary.counts.count("new") != 0)
        io.out << "Stored: " << summary.count("new") << " new, " << summary.count("updated") << " updated, "
               << summary.count("unchanged") << " unchanged\n";
    for (const std::string& line : summary.uncataloguedLines())
        io.out << line << "\n";
    for (const auto& s : summary.unindexed)
        io.out << "stored without a Paillier value: " << text(s.file) << ":" << s.line << ": " << s.reason << "\n";
    io.out << "Skipped: " << summary.skipped.size() << "\n";
    // Every skipped row with its reason: the reasons name codes and values, never the patient.
    for (const auto& s : summary.skipped)
        io.out << "  " << text(s.file) << ":" << s.line << (s.field.empty() ? "" : " " + s.field) << ": " << s.reason
               << "\n";
}

void registerRecordCommands(CommandRegistry& registry)
{
    const std::string importDetails =
        std::string("The whole input is imported in one transaction: a malformed row rejects it with the file,\n"
                    "line and field (exit 1) and nothing is kept. Rows that are well formed but cannot be\n"
                    "stored are skipped and listed with their reason. The importing doctor joins the care\n"
                    "team of every imported patient.\n") +
        kPasswordOrderNote;
    registry.add({{"import", "synthea"},
                  "Import a Synthea CSV folder (patients, encounters, conditions, observations, ...)",
                  "FOLDER",
                  clinicOptions(),
                  1,
                  1,
                  [](const Args& a, Io& io) { return runImport(a, io, true); },
                  importDetails});
    registry.add({{"import", "actg315"},
                  "Import the ACTG 315 HIV trial file (RNA and CD4 counts)",
                  "FILE",
                  clinicOptions(),
                  1,
                  1,
                  [](const Args& a, Io& io) { return runImport(a, io, false); },
                  importDetails});
    registry.add({{"patient", "list"},
                  "List the patients you may see (a doctor: the care team), identity only",
                  "",
                  clinicOptionsWith({{"search", "TEXT", "only names or MRNs containing TEXT (case-insensitive)"}}),
                  0,
                  0,
                  runPatientList,
                  kPasswordOrderNote});
    registry.add({{"patient", "show"},
                  "Show one patient's identity by MRN",
                  "MRN",
                  clinicOptions(),
                  1,
                  1,
                  runPatientShow,
                  kPasswordOrderNote});
    registry.add({{"observation", "list"},
                  "List a patient's observations (doctor on the care team)",
                  "",
                  clinicOptionsWith(
                      {{"patient", "MRN", "the patient's medical record number"}, {"code", "LOINC", "only this code"}}),
                  0,
                  0,
                  runObservationList,
                  kPasswordOrderNote});
    registerFhirCommands(registry);
}

} // namespace cc::cli
