// SPDX-License-Identifier: GPL-3.0-or-later
// `note add|list`, `attachment add|list|get`: thin wrappers over NoteService and AttachmentService,
// which check the permissions, choose the keys and write the audit events.
#include "app/cli/NoteCommands.h"

#include "app/cli/ClinicCli.h"
#include "app/cli/ProgressBar.h"
#include "core/services/AttachmentService.h"
#include "core/services/NoteService.h"
#include "core/services/PatientService.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <algorithm>
#include <ostream>

namespace cc::cli {
namespace {

/// A note file larger than this cannot hold a valid note (1 MB of text, model::ClinicalNote).
constexpr qint64 kMaxNoteFile = 1'000'000;

std::string text(const QString& s)
{
    return s.toStdString();
}

void printJson(const QJsonDocument& doc, Io& io)
{
    io.out << doc.toJson(QJsonDocument::Indented).toStdString();
}

/// The note text from --text or --text-file (exactly one), UTF-8 checked.
Result<QString> noteText(const Args& args)
{
    if (args.has("text") == args.has("text-file"))
        return makeError(ErrorCode::InvalidArgument, utf8(Cli::tr("give exactly one of --text and --text-file")));
    if (args.has("text"))
        return QString::fromStdString(*args.value("text"));
    const std::string path = *args.value("text-file");
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, utf8(Cli::tr("cannot read %1").arg(QString::fromStdString(path))));
    if (file.size() > kMaxNoteFile)
        return malformed("a note is limited to 1 MB of text", path, 0, "text");
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return malformed("the file is not valid UTF-8", path, 0, "text");
    return decoded;
}

QJsonObject noteJson(const model::ClinicalNote& n)
{
    QJsonObject o = QJsonDocument::fromJson(n.toJson()).object();
    o.remove("v");
    o.insert("id", model::rowIdToHex(n.id));
    return o;
}

QJsonObject attachmentJson(const model::AttachmentInfo& a)
{
    QJsonObject o = QJsonDocument::fromJson(a.toJson()).object();
    o.remove("v");
    o.insert("id", model::rowIdToHex(a.id));
    return o;
}

int runNoteAdd(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto body = noteText(args);
        CC_TRY(body);
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        model::ClinicalNote note;
        note.title = QString::fromStdString(args.value("title").value_or(""));
        note.text = *body;
        note.sharedWithPatient = args.has("shared");
        auto id = services::NoteService(cli.clinic()).add(*patient, note);
        CC_TRY(id);
        if (io.json)
            printJson(QJsonDocument(QJsonObject{{"id", model::rowIdToHex(*id)}, {"shared", note.sharedWithPatient}}),
                      io);
        else
            io.out << utf8((note.sharedWithPatient ? Cli::tr("note %1 added (shared with the patient)")
                                                   : Cli::tr("note %1 added (not shared with the patient)"))
                               .arg(model::rowIdToHex(*id)))
                   << "\n";
        return {};
    });
}

int runNoteList(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        auto list = services::NoteService(cli.clinic()).list(*patient);
        CC_TRY(list);
        if (io.json) {
            QJsonArray rows;
            for (const auto& n : *list)
                rows.append(noteJson(n));
            printJson(QJsonDocument(rows), io);
            return {};
        }
        for (const auto& n : *list) {
            io.out << text(n.authored) << "  " << text(n.author) << "  "
                   << utf8(n.sharedWithPatient ? Cli::tr("shared") : Cli::tr("private")) << "  "
                   << text(model::rowIdToHex(n.id)) << "\n";
            if (!n.title.isEmpty())
                io.out << "  " << text(n.title) << "\n";
            for (const QString& line : n.text.split(u'\n'))
                io.out << "    " << text(line) << "\n";
        }
        io.out << utf8(list->size() == 1 ? Cli::tr("1 note") : Cli::tr("%1 notes").arg(list->size())) << "\n";
        return {};
    });
}

int runAttachmentAdd(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        ProgressBar bar(io.err, utf8(Cli::tr("encrypting")), ProgressBar::stderrIsTerminal());
        auto id =
            services::AttachmentService(cli.clinic())
                .add(*patient, QString::fromStdString(args.positional.at(0)),
                     QString::fromStdString(args.value("description").value_or("")), [&bar](qint64 done, qint64 total) {
                         bar.update(static_cast<std::size_t>(done), static_cast<std::size_t>(total));
                         return true;
                     });
        bar.finish();
        CC_TRY(id);
        if (io.json)
            printJson(QJsonDocument(QJsonObject{{"id", model::rowIdToHex(*id)}}), io);
        else
            io.out << utf8(Cli::tr("attachment %1 added").arg(model::rowIdToHex(*id))) << "\n";
        return {};
    });
}

int runAttachmentList(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        auto list = services::AttachmentService(cli.clinic()).list(*patient);
        CC_TRY(list);
        if (io.json) {
            QJsonArray rows;
            for (const auto& a : *list)
                rows.append(attachmentJson(a));
            printJson(QJsonDocument(rows), io);
            return {};
        }
        for (const auto& a : *list)
            io.out << text(model::rowIdToHex(a.id)) << "  " << text(a.created) << "  " << text(a.mediaType) << "  "
                   << utf8(Cli::tr("%1 bytes").arg(a.size)) << "  " << text(a.fileName)
                   << (a.description.isEmpty() ? "" : "  (" + text(a.description) + ")") << "\n";
        io.out << utf8(list->size() == 1 ? Cli::tr("1 attachment") : Cli::tr("%1 attachments").arg(list->size()))
               << "\n";
        return {};
    });
}

int runAttachmentGet(const Args& args, Io& io)
{
    return runWithClinic(args, io, [&](ClinicCli& cli) -> Status {
        auto patient = patientFromOption(cli, args);
        CC_TRY(patient);
        auto idText = requiredOption(args, "id");
        CC_TRY(idText);
        auto id = model::rowIdFromHex(QString::fromStdString(*idText));
        if (!id)
            return malformed("not an attachment id (32 hex digits)", {}, 0, "--id");
        auto out = requiredOption(args, "out");
        CC_TRY(out);
        // Never replace a file the user did not name for replacement.
        if (QFileInfo::exists(QString::fromStdString(*out)))
            return makeError(ErrorCode::AlreadyExists,
                             utf8(Cli::tr("a file already exists at %1").arg(QString::fromStdString(*out))));
        services::AttachmentService attachments(cli.clinic());
        // The attachment must belong to the patient named on the command line.
        auto list = attachments.list(*patient);
        CC_TRY(list);
        if (std::none_of(list->begin(), list->end(), [&](const model::AttachmentInfo& a) { return a.id == *id; }))
            return makeError(ErrorCode::NotFound, utf8(Cli::tr("this patient has no attachment with this id")));
        CC_TRY(attachments.exportTo(*patient, *id, QString::fromStdString(*out)));
        if (io.json)
            printJson(QJsonDocument(QJsonObject{{"id", model::rowIdToHex(*id)}, {"out", QString::fromStdString(*out)}}),
                      io);
        else
            io.out << utf8(Cli::tr("attachment written to %1").arg(QString::fromStdString(*out))) << "\n";
        return {};
    });
}

} // namespace

void registerNoteCommands(CommandRegistry& registry)
{
    registry.add(
        {{"note", "add"},
         utf8(Cli::tr("Add a clinical note (doctor on the care team); private unless --shared")),
         "",
         clinicOptionsWith({kPatientMrnOption,
                            {"title", "T", utf8(Cli::tr("the note's title"))},
                            {"text", "T", utf8(Cli::tr("the note's text"))},
                            {"text-file", "F", utf8(Cli::tr("read the text from a UTF-8 file (at most 1 MB)"))},
                            {"shared", "", utf8(Cli::tr("the patient may read this note in the patient portal"))}}),
         0,
         0,
         runNoteAdd,
         utf8(Cli::tr("A note not shared with the patient is sealed under a key that no patient account\n"
                      "holds (docs/RECORDS.md).\n")) +
             utf8(Cli::tr(kPasswordOrderNote))});
    registry.add({{"note", "list"},
                  utf8(Cli::tr("List a patient's notes (a patient account: only the shared ones)")),
                  "",
                  clinicOptionsWith({kPatientMrnOption}),
                  0,
                  0,
                  runNoteList,
                  utf8(Cli::tr(kPasswordOrderNote))});
    registry.add({{"attachment", "add"},
                  utf8(Cli::tr("Attach a PNG, JPEG or PDF file (at most 1 GiB) to a patient's record")),
                  "FILE",
                  clinicOptionsWith({kPatientMrnOption, {"description", "D", utf8(Cli::tr("a short description"))}}),
                  1,
                  1,
                  runAttachmentAdd,
                  utf8(Cli::tr(kPasswordOrderNote))});
    registry.add({{"attachment", "list"},
                  utf8(Cli::tr("List a patient's attachments")),
                  "",
                  clinicOptionsWith({kPatientMrnOption}),
                  0,
                  0,
                  runAttachmentList,
                  utf8(Cli::tr(kPasswordOrderNote))});
    registry.add({{"attachment", "get"},
                  utf8(Cli::tr("Decrypt an attachment into a new file (every chunk verified first)")),
                  "",
                  clinicOptionsWith({kPatientMrnOption,
                                     {"id", "ID", utf8(Cli::tr("the attachment's id (from attachment list)"))},
                                     {"out", "FILE", utf8(Cli::tr("the file to create (must not exist)"))}}),
                  0,
                  0,
                  runAttachmentGet,
                  utf8(Cli::tr(kPasswordOrderNote))});
}

} // namespace cc::cli
