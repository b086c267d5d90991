// SPDX-License-Identifier: GPL-3.0-or-later
// `condition|medication|allergy add|list` and `consent set`: thin wrappers over ClinicalEntryService and
// ConsentService, which validate, check the permissions and write the audit events.
#include "app/cli/EntryCommands.h"

#include "app/cli/ClinicCli.h"
#include "core/model/CodeSystem.h"
#include "core/services/ClinicalEntryService.h"
#include "core/services/ConsentService.h"
#include "core/services/PatientService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cc::cli {
namespace {

QString opt(const Args& args, const char* name)
{
    return QString::fromStdString(args.value(name).value_or(""));
}

std::string text(const QString& s)
{
    return s.toStdString();
}

/// The FHIR system URI of a short system name given on the command line.
Result<QString> systemUri(const std::string& name, std::initializer_list<const char*> allowed)
{
    const std::pair<const char*, const char*> known[] = {{"icd10", model::codesystem::kIcd10},
                                                         {"icd10cm", model::codesystem::kIcd10Cm},
                                                         {"snomed", model::codesystem::kSnomed},
                                                         {"rxnorm", model::codesystem::kRxNorm}};
    for (const char* a : allowed)
        if (name == a)
            for (const auto& [shortName, uri] : known)
                if (name == shortName)
                    return QString::fromLatin1(uri);
    std::string names;
    for (const char* a : allowed)
        names += (names.empty() ? "" : ", ") + std::string(a);
    return makeError(ErrorCode::InvalidArgument, "--system must be one of " + names);
}

QJsonObject documentJson(const QByteArray& json, const model::RowId& id)
{
    QJsonObject o = QJsonDocument::fromJson(json).object();
    o.remove("v");
    o.insert("id", model::rowIdToHex(id));
    return o;
}

void printJson(const QJsonArray& rows, Io& io)
{
    io.out << QJsonDocument(rows).toJson(QJsonDocument::Indented).toStdString();
}

void printAdded(const model::RowId& id, const QString& added, Io& io)
{
    if (io.json)
        io.out << QJsonDocument(QJsonObject{{"id", model::rowIdToHex(id)}}).toJson().toStdString();
    else
        io.out << utf8(added.arg(model::rowIdToHex(id))) << "\n";
}

int runConditionAdd(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        auto system = systemUri(args.value("system").value_or("icd10"), {"icd10", "icd10cm", "snomed"});
        CC_TRY(system);
        model::Condition c;
        c.codeSystem = *system;
        c.code = opt(args, "code");
        c.display = opt(args, "display");
        c.onset = opt(args, "onset");
        c.abatement = opt(args, "abatement");
        c.clinicalStatus = opt(args, "status");
        auto id = services::ClinicalEntryService(cli.clinic()).addCondition(*patient, c);
        CC_TRY(id);
        printAdded(*id, Cli::tr("condition added: %1"), io);
        return {};
    });
}

int runMedicationAdd(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        model::Medication m;
        m.code = opt(args, "code");
        m.display = opt(args, "display");
        m.start = opt(args, "start");
        m.stop = opt(args, "stop");
        m.dosage = opt(args, "dosage");
        m.status = opt(args, "status");
        auto id = services::ClinicalEntryService(cli.clinic()).addMedication(*patient, m);
        CC_TRY(id);
        printAdded(*id, Cli::tr("medication added: %1"), io);
        return {};
    });
}

int runAllergyAdd(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        auto system = systemUri(args.value("system").value_or("snomed"), {"snomed", "rxnorm"});
        CC_TRY(system);
        model::Allergy a;
        a.codeSystem = *system;
        a.code = opt(args, "code");
        a.display = opt(args, "display");
        a.start = opt(args, "start");
        a.stop = opt(args, "stop");
        a.criticality = opt(args, "criticality");
        a.clinicalStatus = opt(args, "status");
        if (args.has("reaction-code") || args.has("reaction"))
            a.reactions.push_back({opt(args, "reaction-code"), opt(args, "reaction"), opt(args, "severity")});
        auto id = services::ClinicalEntryService(cli.clinic()).addAllergy(*patient, a);
        CC_TRY(id);
        printAdded(*id, Cli::tr("allergy added: %1"), io);
        return {};
    });
}

int runConditionList(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        auto list = services::ClinicalEntryService(cli.clinic()).conditions(*patient);
        CC_TRY(list);
        if (io.json) {
            QJsonArray rows;
            for (const auto& c : *list)
                rows.append(documentJson(c.toJson(), c.id));
            printJson(rows, io);
            return {};
        }
        for (const auto& c : *list)
            io.out << text(c.onset) << (c.abatement.isEmpty() ? "" : utf8(Cli::tr(" to ")) + text(c.abatement)) << "  "
                   << text(c.code) << "  " << text(c.display)
                   << (c.clinicalStatus.isEmpty() ? "" : "  (" + text(c.clinicalStatus) + ")") << "\n";
        io.out << utf8(list->size() == 1 ? Cli::tr("1 condition") : Cli::tr("%1 conditions").arg(list->size())) << "\n";
        return {};
    });
}

int runMedicationList(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        auto list = services::ClinicalEntryService(cli.clinic()).medications(*patient);
        CC_TRY(list);
        if (io.json) {
            QJsonArray rows;
            for (const auto& m : *list)
                rows.append(documentJson(m.toJson(), m.id));
            printJson(rows, io);
            return {};
        }
        for (const auto& m : *list)
            io.out << text(m.start) << (m.stop.isEmpty() ? "" : utf8(Cli::tr(" to ")) + text(m.stop)) << "  "
                   << text(m.code) << "  " << text(m.display) << (m.dosage.isEmpty() ? "" : "  " + text(m.dosage))
                   << (m.status.isEmpty() ? "" : "  (" + text(m.status) + ")") << "\n";
        io.out << utf8(list->size() == 1 ? Cli::tr("1 medication") : Cli::tr("%1 medications").arg(list->size()))
               << "\n";
        return {};
    });
}

int runAllergyList(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        auto list = services::ClinicalEntryService(cli.clinic()).allergies(*patient);
        CC_TRY(list);
        if (io.json) {
            QJsonArray rows;
            for (const auto& a : *list)
                rows.append(documentJson(a.toJson(), a.id));
            printJson(rows, io);
            return {};
        }
        for (const auto& a : *list)
            io.out << text(a.start) << "  " << text(a.code) << "  " << text(a.display)
                   << (a.criticality.isEmpty() ? "" : "  criticality " + text(a.criticality))
                   << (a.clinicalStatus.isEmpty() ? "" : "  (" + text(a.clinicalStatus) + ")") << "\n";
        io.out << utf8(list->size() == 1 ? Cli::tr("1 allergy") : Cli::tr("%1 allergies").arg(list->size())) << "\n";
        return {};
    });
}

int runConsentSet(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto research = requiredOption(args, "research");
        CC_TRY(research);
        if (*research != "yes" && *research != "no")
            return makeError(ErrorCode::InvalidArgument, "--research must be yes or no");
        const bool optOut = *research == "no";
        services::ConsentService consent(cli.clinic());
        if (args.has("patient")) {
            auto patient = patientFromOption(cli, args);
            CC_TRY(patient);
            CC_TRY(consent.setResearchOptOut(*patient, optOut));
        } else {
            CC_TRY(consent.setResearchOptOut(optOut));
        }
        // A patient account posts its choice to the portal outbox: it applies at the clinic's next
        // doctor session, and no report runs before (docs/PORTAL.md).
        const bool pending = cli.clinic().portalMode();
        if (io.json)
            io.out << QJsonDocument(QJsonObject{{"research", QString::fromStdString(*research)},
                                                {"state", pending ? "requested" : "recorded"}})
                          .toJson()
                          .toStdString();
        else if (pending)
            io.out << utf8(optOut ? Cli::tr("research use: opt-out requested; the clinic applies it before any report "
                                            "runs")
                                  : Cli::tr("research use: consent requested; the clinic applies it before any report "
                                            "runs"))
                   << "\n";
        else
            io.out << utf8(optOut ? Cli::tr("research use: opted out") : Cli::tr("research use: consented")) << "\n";
        return {};
    });
}

} // namespace

void registerEntryCommands(CommandRegistry& registry)
{
    const std::string addDetails =
        utf8(Cli::tr("The record is checked by the same rules as an imported one (codes, ISO 8601 dates,\n"
                     "end not before start, known status tokens); an error names the field (exit 1).\n")) +
        utf8(Cli::tr(kPasswordOrderNote));
    registry.add({{"condition", "add"},
                  utf8(Cli::tr("Add a problem (ICD-10 or SNOMED CT) to a patient's chart (doctor on the care team)")),
                  "",
                  clinicOptionsWith({kPatientMrnOption,
                                     {"system", "icd10|icd10cm|snomed", utf8(Cli::tr("code system (default icd10)"))},
                                     {"code", "CODE", utf8(Cli::tr("the condition code (E11.9, 44054006)"))},
                                     {"display", "TEXT", utf8(Cli::tr("the condition's name"))},
                                     {"onset", "DATE", utf8(Cli::tr("ISO 8601 date or date-time"))},
                                     {"abatement", "DATE", utf8(Cli::tr("when it resolved (optional)"))},
                                     {"status", "STATUS",
                                      utf8(Cli::tr("active, recurrence, relapse, inactive, remission or resolved"))}}),
                  0,
                  0,
                  runConditionAdd,
                  addDetails});
    registry.add({{"condition", "list"},
                  utf8(Cli::tr("List a patient's problems (doctor on the care team)")),
                  "",
                  clinicOptionsWith({kPatientMrnOption}),
                  0,
                  0,
                  runConditionList,
                  utf8(Cli::tr(kPasswordOrderNote))});
    registry.add(
        {{"medication", "add"},
         utf8(Cli::tr("Add a medication (RxNorm) to a patient's chart (doctor on the care team)")),
         "",
         clinicOptionsWith(
             {kPatientMrnOption,
              {"code", "RXCUI", utf8(Cli::tr("the RxNorm concept id"))},
              {"display", "TEXT", utf8(Cli::tr("the medication's name"))},
              {"start", "DATE", utf8(Cli::tr("ISO 8601 date or date-time"))},
              {"stop", "DATE", utf8(Cli::tr("when it stopped (optional)"))},
              {"dosage", "TEXT", utf8(Cli::tr("dosage instruction (optional)"))},
              {"status", "STATUS", utf8(Cli::tr("active, on-hold, completed, stopped, cancelled, entered-in-error"))}}),
         0,
         0,
         runMedicationAdd,
         addDetails});
    registry.add({{"medication", "list"},
                  utf8(Cli::tr("List a patient's medications (doctor on the care team)")),
                  "",
                  clinicOptionsWith({kPatientMrnOption}),
                  0,
                  0,
                  runMedicationList,
                  utf8(Cli::tr(kPasswordOrderNote))});
    registry.add(
        {{"allergy", "add"},
         utf8(Cli::tr("Add an allergy or intolerance to a patient's chart (doctor on the care team)")),
         "",
         clinicOptionsWith({kPatientMrnOption,
                            {"system", "snomed|rxnorm", utf8(Cli::tr("code system of the substance (default snomed)"))},
                            {"code", "CODE", utf8(Cli::tr("the substance or allergy code"))},
                            {"display", "TEXT", utf8(Cli::tr("the substance's name"))},
                            {"start", "DATE", utf8(Cli::tr("ISO 8601 date or date-time"))},
                            {"stop", "DATE", utf8(Cli::tr("when it ended (optional)"))},
                            {"criticality", "LEVEL", utf8(Cli::tr("low, high or unable-to-assess"))},
                            {"status", "STATUS", utf8(Cli::tr("active, inactive or resolved"))},
                            {"reaction-code", "SNOMED", utf8(Cli::tr("the reaction's SNOMED CT code"))},
                            {"reaction", "TEXT", utf8(Cli::tr("the reaction's name"))},
                            {"severity", "LEVEL", utf8(Cli::tr("mild, moderate or severe"))}}),
         0,
         0,
         runAllergyAdd,
         addDetails});
    registry.add({{"allergy", "list"},
                  utf8(Cli::tr("List a patient's allergies (doctor on the care team)")),
                  "",
                  clinicOptionsWith({kPatientMrnOption}),
                  0,
                  0,
                  runAllergyList,
                  utf8(Cli::tr(kPasswordOrderNote))});
    registry.add(
        {{"consent", "set"},
         utf8(Cli::tr("Record research consent: a patient for themselves, or a doctor from a paper form")),
         "",
         clinicOptionsWith({{"patient", "MRN", utf8(Cli::tr("the patient (a doctor; a patient account omits it)"))},
                            {"research", "yes|no", utf8(Cli::tr("no = opt out of research use"))}}),
         0,
         0,
         runConsentSet,
         utf8(Cli::tr("Opting out takes the patient out of every report cohort at once.")) + "\n" +
             utf8(Cli::tr(kPasswordOrderNote))});
}

} // namespace cc::cli
