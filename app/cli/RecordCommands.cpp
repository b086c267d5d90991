// SPDX-License-Identifier: GPL-3.0-or-later
// `import synthea|actg315|table`, `patient list|show`, `observation list`: thin wrappers over the record
// services, which check the permissions and write the audit events.
#include "app/cli/RecordCommands.h"

#include "app/cli/ClinicCli.h"
#include "app/cli/FhirCommands.h"
#include "app/cli/ProgressBar.h"
#include "app/cli/Text.h"
#include "core/services/ImportService.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <optional>
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
        line += "  " + utf8(Cli::tr("died %1").arg(p.deathDate));
    return line;
}

/// The label of a count of the import summary, translated where the CLI knows it.
QString countLabel(const std::string& type)
{
    static const std::map<std::string, const char*> labels{
        {"patients", QT_TRANSLATE_NOOP("Cli", "patients")},
        {"encounters", QT_TRANSLATE_NOOP("Cli", "encounters")},
        {"conditions", QT_TRANSLATE_NOOP("Cli", "conditions")},
        {"observations", QT_TRANSLATE_NOOP("Cli", "observations")},
        {"numeric observations", QT_TRANSLATE_NOOP("Cli", "numeric observations")},
        {"medications", QT_TRANSLATE_NOOP("Cli", "medications")},
        {"allergies", QT_TRANSLATE_NOOP("Cli", "allergies")},
        {"files", QT_TRANSLATE_NOOP("Cli", "files")},
        {"visits", QT_TRANSLATE_NOOP("Cli", "visits")},
        {"rows", QT_TRANSLATE_NOOP("Cli", "rows")},
        {"empty cells", QT_TRANSLATE_NOOP("Cli", "empty cells")},
    };
    const auto it = labels.find(type);
    return it == labels.end() ? QString::fromStdString(type) : Cli::tr(it->second);
}

void printJson(const QJsonDocument& doc, Io& io)
{
    io.out << doc.toJson(QJsonDocument::Indented).toStdString();
}

enum class ImportKind { Synthea, Actg315, Table };

int runImport(const Args& args, Io& io, ImportKind kind)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        const QString input = QString::fromStdString(args.positional.at(0));
        std::optional<std::string> mapping;
        if (kind == ImportKind::Table) {
            auto given = requiredOption(args, "mapping");
            CC_TRY(given);
            mapping = *given;
        }
        const QString label = kind == ImportKind::Synthea   ? Cli::tr("importing Synthea")
                              : kind == ImportKind::Actg315 ? Cli::tr("importing ACTG 315")
                                                            : Cli::tr("importing the table");
        ProgressBar bar(io.err, utf8(label), ProgressBar::stderrIsTerminal());
        const services::ImportProgress progress = [&bar](std::size_t done, std::size_t total) {
            bar.update(done, total);
            return true;
        };
        services::ImportService import(cli.clinic());
        auto summary = kind == ImportKind::Synthea ? import.importSynthea(input, progress)
                       : kind == ImportKind::Actg315
                           ? import.importActg315(input, progress)
                           : import.importTable(input, QString::fromStdString(*mapping), progress);
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
            io.out << utf8((list->size() == 1 ? Cli::tr("%1 patient") : Cli::tr("%1 patients")).arg(list->size()))
                   << "\n";
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
        const auto row = [&io](const QString& label, const QString& value) {
            if (!value.isEmpty())
                io.out << "  " << utf8(label) << std::string(label.size() < 12 ? 12 - label.size() : 1, ' ')
                       << text(value) << "\n";
        };
        io.out << text(p->familyName) << ", " << text(p->givenName) << "\n";
        row(Cli::tr("mrn"), p->mrn);
        row(Cli::tr("born"), p->birthDate);
        row(Cli::tr("died"), p->deathDate);
        row(Cli::tr("sex"), model::sexToken(p->sex));
        row(Cli::tr("maiden name"), p->maidenName);
        row(Cli::tr("address"), p->addressLine);
        row(Cli::tr("city"), p->city);
        row(Cli::tr("state"), p->state);
        row(Cli::tr("postal code"), p->postalCode);
        row(Cli::tr("country"), p->country);
        row(Cli::tr("phone"), p->phone);
        row(Cli::tr("email"), p->email);
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
            io.out << (e.latest ? "  " + utf8(Cli::tr("(latest)")) : std::string()) << "\n";
        }
        io.out << utf8((list->size() == 1 ? Cli::tr("%1 observation") : Cli::tr("%1 observations")).arg(list->size()))
               << "\n";
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
    io.out << utf8(Cli::tr("Read:")) << "\n";
    for (const auto& [type, n] : summary.counts) {
        if (outcomes.count(type) != 0)
            continue;
        const QString label = countLabel(type);
        io.out << "  " << utf8(label) << std::string(label.size() < 22 ? 22 - label.size() : 1, ' ') << n << "\n";
    }
    if (summary.counts.count("new") != 0)
        io.out << utf8(Cli::tr("Stored: %1 new, %2 updated, %3 unchanged")
                           .arg(summary.count("new"))
                           .arg(summary.count("updated"))
                           .arg(summary.count("unchanged")))
               << "\n";
    for (const auto& [key, n] : summary.uncatalogued)
        io.out << utf8(Cli::tr("stored without catalogue entry: %1 %2 \u00d7 %3").arg(key.first, key.second).arg(n))
               << "\n";
    for (const auto& s : summary.unindexed)
        io.out << utf8(Cli::tr("stored without a Paillier value: %1:%2: %3")
                           .arg(s.file)
                           .arg(s.line)
                           .arg(QString::fromStdString(s.reason)))
               << "\n";
    io.out << utf8(Cli::tr("Skipped: %1").arg(summary.skipped.size())) << "\n";
    // Every skipped row with its reason: the reasons name codes and values, never the patient.
    for (const auto& s : summary.skipped)
        io.out << "  " << text(s.file) << ":" << s.line << (s.field.empty() ? "" : " " + s.field) << ": " << s.reason
               << "\n";
}

void registerRecordCommands(CommandRegistry& registry)
{
    const std::string importDetails =
        utf8(Cli::tr("The whole input is imported in one transaction: a malformed row rejects it with the file,\n"
                     "line and field (exit 1) and nothing is kept. Rows that are well formed but cannot be\n"
                     "stored are skipped and listed with their reason. The importing doctor joins the care\n"
                     "team of every imported patient. Importing the same input again adds nothing: records\n"
                     "already imported are counted as unchanged, or updated where they changed.\n")) +
        kPasswordOrderNote;
    const std::string tableDetails =
        utf8(Cli::tr("MAP.json names the patient id column, sex (with a map of the table's values), birth date\n"
                     "or age at a reference date, and for each measured column its LOINC code, UCUM unit and\n"
                     "when it was measured: a date column, or an offset in days or weeks from a baseline date\n"
                     "(a column or a fixed study start). A bad mapping is rejected naming its field; a cell\n"
                     "that cannot be stored is skipped and listed with file, line, column and reason.\n"
                     "Format and examples: docs/CLINICAL_DATA.md, \"Mapped tables\".\n")) +
        importDetails;
    registry.add({{"import", "synthea"},
                  utf8(Cli::tr("Import a Synthea CSV folder (patients, encounters, conditions, observations, ...)")),
                  utf8(Cli::tr("FOLDER")),
                  clinicOptions(),
                  1,
                  1,
                  [](const Args& a, Io& io) { return runImport(a, io, ImportKind::Synthea); },
                  importDetails});
    registry.add({{"import", "actg315"},
                  utf8(Cli::tr("Import the ACTG 315 HIV trial file (RNA and CD4 counts)")),
                  utf8(Cli::tr("FILE")),
                  clinicOptions(),
                  1,
                  1,
                  [](const Args& a, Io& io) { return runImport(a, io, ImportKind::Actg315); },
                  importDetails});
    registry.add({{"import", "table"},
                  utf8(Cli::tr("Import a CSV table of your own (trial or lab export) through a mapping file")),
                  utf8(Cli::tr("FILE")),
                  clinicOptionsWith({{"mapping", "MAP.json",
                                      utf8(Cli::tr("the mapping of the table's columns (docs/CLINICAL_DATA.md)"))}}),
                  1,
                  1,
                  [](const Args& a, Io& io) { return runImport(a, io, ImportKind::Table); },
                  tableDetails});
    registry.add({{"patient", "list"},
                  utf8(Cli::tr("List the patients you may see (a doctor: the care team), identity only")),
                  "",
                  clinicOptionsWith({{"search", utf8(Cli::tr("TEXT")),
                                      utf8(Cli::tr("only names or MRNs containing TEXT (case-insensitive)"))}}),
                  0,
                  0,
                  runPatientList,
                  kPasswordOrderNote});
    registry.add({{"patient", "show"},
                  utf8(Cli::tr("Show one patient's identity by MRN")),
                  "MRN",
                  clinicOptions(),
                  1,
                  1,
                  runPatientShow,
                  kPasswordOrderNote});
    registry.add({{"observation", "list"},
                  utf8(Cli::tr("List a patient's observations (doctor on the care team)")),
                  "",
                  clinicOptionsWith({{"patient", "MRN", utf8(Cli::tr("the patient's medical record number"))},
                                     {"code", "LOINC", utf8(Cli::tr("only this code"))}}),
                  0,
                  0,
                  runObservationList,
                  kPasswordOrderNote});
    registerFhirCommands(registry);
}

} // namespace cc::cli
