// SPDX-License-Identifier: GPL-3.0-or-later
// `import fhir` and `export fhir`: thin wrappers over ImportService and ExportService, which check
// the permissions and write the audit events.
#include "app/cli/FhirCommands.h"

#include "app/cli/ClinicCli.h"
#include "app/cli/ProgressBar.h"
#include "app/cli/RecordCommands.h"
#include "app/cli/Text.h"
#include "core/services/ExportService.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"
#include "db/AtomicFile.h"

#include <QJsonArray>
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
        ProgressBar bar(io.err, utf8(Cli::tr("importing FHIR")), ProgressBar::stderrIsTerminal());
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
Result<access::PatientId> exportTarget(const Args& args, services::ClinicService& clinic)
{
    const auto mrn = args.value("patient");
    services::PatientService patients(clinic);
    const access::Session* session = clinic.session();
    if (session != nullptr && session->role() == access::Role::Patient) {
        if (!session->patientId())
            return makeError(ErrorCode::AccessDenied, utf8(Cli::tr("this account is not linked to a patient record")));
        if (mrn) {
            auto own = patients.identity(*session->patientId());
            CC_TRY(own);
            if (own->mrn != QString::fromStdString(*mrn))
                return makeError(ErrorCode::AccessDenied,
                                 utf8(Cli::tr("a patient account may export only its own record")));
        }
        return *session->patientId();
    }
    if (!mrn)
        return makeError(ErrorCode::InvalidArgument, utf8(Cli::tr("--patient MRN is required")));
    auto p = patients.findByMrn(QString::fromStdString(*mrn));
    CC_TRY(p);
    return p->id;
}

/// The attachment size limit of --attachment-limit MIB (default: ExportService's).
Result<qint64> attachmentLimit(const Args& args)
{
    const auto given = args.value("attachment-limit");
    if (!given)
        return services::ExportService::kDefaultAttachmentLimit;
    bool ok = false;
    const qint64 mib = QString::fromStdString(*given).toLongLong(&ok);
    if (!ok || mib < 0 || mib > 1024)
        return makeError(ErrorCode::InvalidArgument,
                         utf8(Cli::tr("--attachment-limit takes a whole number of MiB from 0 to 1024")));
    return mib << 20;
}

int runExportFhir(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto out = requiredOption(args, "out");
        CC_TRY(out);
        auto limit = attachmentLimit(args);
        CC_TRY(limit);
        auto patient = exportTarget(args, cli.clinic());
        CC_TRY(patient);
        auto exported = services::ExportService(cli.clinic()).exportRecord(*patient, *limit);
        CC_TRY(exported);
        const QByteArray& bundle = exported->bundle;
        // Written atomically with owner-only permissions: the file holds the whole record.
        CC_TRY(db::writeFileAtomically(
            *out, {reinterpret_cast<const std::uint8_t*>(bundle.constData()), static_cast<std::size_t>(bundle.size())},
            0600));
        const qint64 limitMib = exported->attachmentLimit >> 20;
        if (io.json) {
            QJsonArray left;
            for (const auto& a : exported->notInlined)
                left.append(QJsonObject{{"fileName", a.fileName}, {"bytes", a.size}});
            io.out << QJsonDocument(QJsonObject{{"file", QString::fromStdString(*out)},
                                                {"bytes", static_cast<qint64>(bundle.size())},
                                                {"attachmentLimitBytes", exported->attachmentLimit},
                                                {"attachmentsNotInline", left}})
                          .toJson(QJsonDocument::Indented)
                          .toStdString();
            return {};
        }
        io.out << utf8(Cli::tr("Exported the record as a FHIR R4 Bundle to %1 (%2 bytes)")
                           .arg(QString::fromStdString(*out))
                           .arg(bundle.size()))
               << "\n";
        io.out << utf8(Cli::tr("Attachments up to %1 MiB are inside the Bundle (base64).").arg(limitMib)) << "\n";
        if (!exported->notInlined.empty()) {
            io.out << utf8(Cli::tr("%1 attachment(s) over the limit are described but their content is not "
                                   "included; save them with 'attachment export' or raise --attachment-limit:")
                               .arg(exported->notInlined.size()))
                   << "\n";
            for (const auto& a : exported->notInlined)
                io.out << "  " << utf8(a.fileName) << "  " << utf8(Cli::tr("%1 bytes").arg(a.size)) << "\n";
        }
        return {};
    });
}

} // namespace

void registerFhirCommands(CommandRegistry& registry)
{
    registry.add({{"import", "fhir"},
                  utf8(Cli::tr("Import FHIR R4 JSON files (Bundles or single resources)")),
                  utf8(Cli::tr("PATH...")),
                  clinicOptions(),
                  1,
                  kMaxFiles,
                  runImportFhir,
                  utf8(Cli::tr("Each file is imported in its own transaction, in the order given. A malformed file\n"
                               "is rejected with its resource path and field (exit 1) and nothing of it is kept;\n"
                               "the files before it stay imported (the message says how many). Resources that\n"
                               "are well formed but cannot be stored are skipped and listed with their reason.\n"
                               "A reference \"Patient/x\" outside the file names a patient of the clinic\n"
                               "imported with FHIR id x; you must be on that patient's care team.\n")) +
                      kPasswordOrderNote});
    registry.add(
        {{"export", "fhir"},
         utf8(Cli::tr("Export one patient's record as a FHIR R4 Bundle (doctor, or a patient for their own)")),
         "",
         clinicOptionsWith(
             {{"patient", "MRN", utf8(Cli::tr("the patient's medical record number (a patient account may omit it)"))},
              {"out", utf8(Cli::tr("FILE")),
               utf8(Cli::tr("where to write the Bundle (replaced atomically, mode 0600)"))},
              {"attachment-limit", "MIB",
               utf8(Cli::tr("largest attachment put inside the Bundle, in MiB (default 10; 0: none)"))}}),
         0,
         0,
         runExportFhir,
         utf8(Cli::tr("The Bundle holds the identity, encounters, conditions, observations, medications,\n"
                      "allergies, the notes shared with the patient and the attachments (DocumentReference).\n"
                      "Attachments over the limit are described without their content and listed.\n")) +
             kPasswordOrderNote});
}

} // namespace cc::cli
