// SPDX-License-Identifier: GPL-3.0-or-later
// `import fhir` and `export fhir`: thin wrappers over ImportService and ExportService, which check
// the permissions and write the audit events.
#include "app/cli/FhirCommands.h"

#include "app/cli/ClinicCli.h"
#include "app/cli/ProgressBar.h"
#include "app/cli/RecordCommands.h"
#include "core/services/ExportService.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"
#include "db/AtomicFile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cc::cli {
namespace {

/// More files than anyone passes on a command line; the shell's own limit comes first.
constexpr std::size_t kMaxFiles = 100000;

int runImportFhir(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        QStringList files;
        for (const auto& p : args.positional)
            files.append(QString::fromStdString(p));
        ProgressBar bar(io.err, "importing FHIR", ProgressBar::stderrIsTerminal());
        const services::ImportProgress progress = [&bar](std::size_t done, std::size_t total) {
            bar.update(done, total);
            return true;
        };
        auto summary = services::ImportService(cli.clinic()).importFhir(files, progress);
        bar.finish();
        if (!summary)
            return std::move(summary).error();
        printImportSummary(*summary, io);
        return {};
    });
}

/// The row id of the patient to export: --patient MRN for a doctor; a patient account's own
/// record, with --patient allowed only if it names that record.
Result<model::RowId> exportTarget(const Args& args, services::ClinicService& clinic)
{
    const auto mrn = args.value("patient");
    services::PatientService patients(clinic);
    const access::Session* session = clinic.session();
    if (session != nullptr && session->role() == access::Role::Patient) {
        if (!session->patientId())
            return makeError(ErrorCode::AccessDenied, "this account is not linked to a patient record");
        if (mrn) {
            auto own = patients.identity(*session->patientId());
            CC_TRY(own);
            if (own->mrn != QString::fromStdString(*mrn))
                return makeError(ErrorCode::AccessDenied, "a patient account may export only its own record");
        }
        return *session->patientId();
    }
    if (!mrn)
        return makeError(ErrorCode::InvalidArgument, "--patient MRN is required");
    auto p = patients.findByMrn(QString::fromStdString(*mrn));
    CC_TRY(p);
    return p->id;
}

int runExportFhir(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto out = requiredOption(args, "out");
        CC_TRY(out);
        auto patient = exportTarget(args, cli.clinic());
        CC_TRY(patient);
        auto bundle = services::ExportService(cli.clinic()).exportFhir(*patient);
        CC_TRY(bundle);
        // Written atomically with owner-only permissions: the file holds the whole record.
        CC_TRY(db::writeFileAtomically(
            *out,
            {reinterpret_cast<const std::uint8_t*>(bundle->constData()), static_cast<std::size_t>(bundle->size())},
            0600));
        if (io.json)
            io.out << QJsonDocument(QJsonObject{{"file", QString::fromStdString(*out)},
                                                {"bytes", static_cast<qint64>(bundle->size())}})
                          .toJson(QJsonDocument::Indented)
                          .toStdString();
        else
            io.out << "Exported the record as a FHIR R4 Bundle to " << *out << " (" << bundle->size() << " bytes)\n";
        return {};
    });
}

} // namespace

void registerFhirCommands(CommandRegistry& registry)
{
    registry.add({{"import", "fhir"},
                  "Import FHIR R4 JSON files (Bundles or single resources)",
                  "PATH...",
                  clinicOptions(),
                  1,
                  kMaxFiles,
                  runImportFhir,
                  std::string("Each file is imported in its own transaction, in the order given. A malformed file\n"
                              "is rejected with its resource path and field (exit 1) and nothing of it is kept;\n"
                              "the files before it stay imported (the message says how many). Resources that\n"
                              "are well formed but cannot be stored are skipped and listed with their reason.\n"
                              "A reference \"Patient/x\" outside the file names a patient of the clinic\n"
                              "imported with FHIR id x; you must be on that patient's care team.\n") +
                      kPasswordOrderNote});
    registry.add(
        {{"export", "fhir"},
         "Export one patient's record as a FHIR R4 Bundle (doctor, or a patient for their own)",
         "",
         clinicOptionsWith({{"patient", "MRN", "the patient's medical record number (a patient account may omit it)"},
                            {"out", "FILE", "where to write the Bundle (replaced atomically, mode 0600)"}}),
         0,
         0,
         runExportFhir,
         kPasswordOrderNote});
}

} // namespace cc::cli
