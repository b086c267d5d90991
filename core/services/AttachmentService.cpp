// SPDX-License-Identifier: GPL-3.0-or-later
// Attachment use cases: sniffing, per-file keys, chunked sealing and verified streaming reads.
#include "core/services/AttachmentService.h"

#include "core/services/PortalService.h"

#include "core/crypto/Aead.h"
#include "core/records/AttachmentChunk.h"
#include "core/records/SealedRow.h"
#include "core/services/ChartManifests.h"
#include "core/services/PatientService.h"
#include "core/services/PrivateFile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace cc::services {

using access::ChartData;
using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;
using records::AttachmentChunk;

namespace {

AuditOutcome outcomeOf(const Error& error)
{
    return error.code == ErrorCode::AccessDenied ? AuditOutcome::SeriousFailure : AuditOutcome::MinorFailure;
}

std::span<const std::uint8_t> bytesOf(const QByteArray& b)
{
    return {reinterpret_cast<const std::uint8_t*>(b.constData()), static_cast<std::size_t>(b.size())};
}

Result<model::AttachmentInfo> openInfo(const records::PatientKey& key, const ports::AttachmentRow& row,
                                       const access::PatientId& patient)
{
    auto plain = records::SealedRow::open(key.secret, key.keyId, AttachmentService::kTable,
                                          AttachmentService::kDocColumn, row.id, row.document);
    CC_TRY(plain);
    auto info = model::AttachmentInfo::fromJson(
        QByteArray(reinterpret_cast<const char*>(plain->data()), static_cast<qsizetype>(plain->size())));
    CC_TRY(info);
    info->id = row.id;
    info->patientId = patient;
    info->encounterId = row.encounterId;
    return std::move(*info);
}

Permission readPermission(const ClinicService& clinic)
{
    const access::Session* session = clinic.session();
    return session != nullptr && session->role() == access::Role::Patient ? Permission::ReadOwnRecord
                                                                          : Permission::ReadChart;
}

} // namespace

struct AttachmentService::Opened
{
    ports::AttachmentRow row;
    model::AttachmentInfo info;
    crypto::SecureBytes fileKey;
};

QString AttachmentService::sniffMediaType(std::span<const std::uint8_t> head)
{
    // Magic numbers: PNG (RFC 2083 section 12.11), JPEG SOI + marker (ITU T.81), PDF header (ISO 32000-1 7.5.2).
    static constexpr std::uint8_t kPng[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    static constexpr std::uint8_t kJpeg[] = {0xFF, 0xD8, 0xFF};
    static constexpr std::uint8_t kPdf[] = {'%', 'P', 'D', 'F', '-'};
    auto startsWith = [&](std::span<const std::uint8_t> magic) {
        return head.size() >= magic.size() && std::equal(magic.begin(), magic.end(), head.begin());
    };
    if (startsWith(kPng))
        return QStringLiteral("image/png");
    if (startsWith(kJpeg))
        return QStringLiteral("image/jpeg");
    if (startsWith(kPdf))
        return QStringLiteral("application/pdf");
    return {};
}

Result<model::RowId> AttachmentService::add(const access::PatientId& patient, const QString& path,
                                            const QString& description, const Progress& progress)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Create,
                                       "Attachment", {}, "attachment added");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Result<model::RowId> {
        const std::string where = path.toStdString();
        QFile file(path);
        if (!QFileInfo(path).isFile())
            return makeError(ErrorCode::NotFound, "no regular file at " + where);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::StorageError, "cannot read " + where);
        const qint64 size = file.size();
        if (size > model::AttachmentInfo::kMaxSize)
            return malformed("attachments are limited to 1 GiB", where, 0, "size");
        const QByteArray head = file.peek(8);
        model::AttachmentInfo info;
        info.mediaType = sniffMediaType(bytesOf(head));
        if (info.mediaType.isEmpty())
            return malformed("only PNG, JPEG and PDF files can be attached", where, 0, "content");
        info.id = model::newRowId(m_clinic.rng());
        info.patientId = patient;
        info.fileName = QFileInfo(path).fileName();
        info.description = description;
        info.size = size;
        const auto chunk = static_cast<qint64>(AttachmentChunk::kSize);
        info.chunkCount = std::max<qint64>(1, (size + chunk - 1) / chunk);
        info.created = QDateTime::fromSecsSinceEpoch(m_clinic.clock().nowSeconds(), Qt::UTC).toString(Qt::ISODate);
        subject.objectId = idHex(info.id);
        // The model's strict decoder is the single definition of a valid name, type and size.
        auto checked = model::AttachmentInfo::fromJson(info.toJson());
        if (!checked) {
            Error e = std::move(checked).error();
            e.file = where;
            return e;
        }
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        subject.flagged = clinicalKey->basis == access::AccessBasis::BreakGlass;

        records::PatientKey fileKey = records::PatientKeys::generate(m_clinic.rng());
        auto sealedKey = records::SealedRow::seal(clinicalKey->key.secret, clinicalKey->key.keyId, kTable, kKeyColumn,
                                                  info.id, fileKey.secret.span(), m_clinic.rng());
        CC_TRY(sealedKey);
        const QByteArray json = info.toJson();
        auto doc = records::SealedRow::seal(clinicalKey->key.secret, clinicalKey->key.keyId, kTable, kDocColumn,
                                            info.id, bytesOf(json), m_clinic.rng());
        CC_TRY(doc);
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        auto& store = m_clinic.backend().attachments();
        CC_TRY(store.insert(
            {info.id, clinicalKey->ref, info.encounterId, fileKey.keyId, std::move(*sealedKey), std::move(*doc)}));
        qint64 done = 0;
        QByteArray buffer;
        for (qint64 i = 0; i < info.chunkCount; ++i) {
            const qint64 want = std::min(chunk, size - done);
            buffer = file.read(want);
            if (buffer.size() != want)
                return makeError(ErrorCode::StorageError, "the file changed while it was read: " + where);
            const bool final = i + 1 == info.chunkCount;
            auto sealed = AttachmentChunk::seal(fileKey.secret, fileKey.keyId, info.id, static_cast<std::uint32_t>(i),
                                                final, bytesOf(buffer), m_clinic.rng());
            // The plaintext chunk is overwritten before the next read or the end of the call.
            buffer.fill('\0');
            CC_TRY(sealed);
            CC_TRY(store.insertChunk(info.id, static_cast<std::uint32_t>(i), *sealed));
            done += want;
            if (progress && !progress(done, size))
                return makeError(ErrorCode::Cancelled, "the attachment was not added (cancelled)");
        }
        if (!file.read(1).isEmpty())
            return makeError(ErrorCode::StorageError, "the file grew while it was read: " + where);
        subject.detail += ", " + std::to_string(info.chunkCount) + " chunks";
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        return info.id;
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(result.error())));
    return result;
}

Result<std::vector<model::AttachmentInfo>> AttachmentService::list(const access::PatientId& patient)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read,
                                       "Attachment", {}, "attachment list");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(readPermission(m_clinic), subject));
    auto run = [&]() -> Result<std::vector<model::AttachmentInfo>> {
        if (m_clinic.portalMode()) {
            auto portal = PortalService(m_clinic).ownFor(patient);
            CC_TRY(portal);
            std::vector<model::AttachmentInfo> out;
            for (const auto& a : (*portal)->attachments)
                out.push_back(a.info);
            subject.detail += ", " + std::to_string(out.size()) + " attachments (portal)";
            return out;
        }
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        subject.flagged = clinicalKey->basis == access::AccessBasis::BreakGlass;
        auto rows = ChartManifests::attachmentsOf(m_clinic, *clinicalKey);
        CC_TRY(rows);
        std::vector<model::AttachmentInfo> out;
        for (const auto& row : *rows) {
            auto info = openInfo(clinicalKey->key, row, patient);
            CC_TRY(info);
            out.push_back(std::move(*info));
        }
        std::sort(out.begin(), out.end(), [](const model::AttachmentInfo& a, const model::AttachmentInfo& b) {
            return a.created != b.created ? a.created < b.created : a.id < b.id;
        });
        subject.detail += ", " + std::to_string(out.size()) + " attachments";
        return out;
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : outcomeOf(result.error())));
    return result;
}

Result<AttachmentService::Opened> AttachmentService::open(const access::PatientId& patient,
                                                          const model::RowId& attachment, AuditSubject& subject)
{
    subject.patientId = idHex(patient);
    auto row = m_clinic.backend().attachments().find(attachment);
    CC_TRY(row);
    if (!row->has_value())
        return makeError(ErrorCode::NotFound, "no attachment with this id");
    auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
    CC_TRY(clinicalKey);
    subject.flagged = clinicalKey->basis == access::AccessBasis::BreakGlass;
    return openWith(m_clinic, patient, *clinicalKey, std::move(**row));
}

Result<AttachmentService::Opened> AttachmentService::openWith(ClinicService& clinic, const access::PatientId& patient,
                                                              const ChartKey& clinicalKey, ports::AttachmentRow row)
{
    if (row.patientRef != clinicalKey.ref)
        return makeError(ErrorCode::NotFound, "no attachment with this id in this patient's chart");
    // Listed in the chart's manifest as CipherChart last wrote it (not planted or swapped by SQL).
    CC_TRY(ChartManifests::checkAttachments(clinic, clinicalKey, {row}, true));
    auto info = openInfo(clinicalKey.key, row, patient);
    CC_TRY(info);
    auto fileKey = records::SealedRow::open(clinicalKey.key.secret, clinicalKey.key.keyId, kTable, kKeyColumn, row.id,
                                            row.fileKeySealed);
    CC_TRY(fileKey);
    if (fileKey->size() != crypto::Aead::kKeySize)
        return makeError(ErrorCode::IntegrityFailure, "an attachment's file key has the wrong size");
    // Chunks beyond the sealed count (an appended chunk) are refused as well as missing ones.
    auto stored = clinic.backend().attachments().chunkCount(row.id);
    CC_TRY(stored);
    if (static_cast<qint64>(*stored) != info->chunkCount)
        return makeError(ErrorCode::IntegrityFailure, "an attachment has missing or extra chunks");
    return Opened{std::move(row), std::move(*info), std::move(*fileKey)};
}

namespace {

/// Opens every chunk in order and hands its plaintext to `sink`; checks the total size.
template <typename Sink>
Status forEachChunk(ports::AttachmentStore& store, const ports::AttachmentRow& row, const model::AttachmentInfo& info,
                    const crypto::SecureBytes& fileKey, Sink&& sink)
{
    qint64 total = 0;
    for (qint64 i = 0; i < info.chunkCount; ++i) {
        const auto index = static_cast<std::uint32_t>(i);
        auto blob = store.chunk(row.id, index);
        CC_TRY(blob);
        if (!blob->has_value())
            return makeError(ErrorCode::IntegrityFailure, "an attachment chunk is missing (truncated)");
        auto plain = AttachmentChunk::open(fileKey, row.fileKeyId, row.id, index, i + 1 == info.chunkCount, **blob);
        CC_TRY(plain);
        total += static_cast<qint64>(plain->size());
        if (total > info.size)
            return makeError(ErrorCode::IntegrityFailure, "an attachment is longer than its recorded size");
        CC_TRY(sink(plain->span()));
    }
    if (total != info.size)
        return makeError(ErrorCode::IntegrityFailure, "an attachment is shorter than its recorded size");
    return {};
}

/// The whole verified content of an attachment, in memory.
Result<QByteArray> wholeContent(ports::AttachmentStore& store, const ports::AttachmentRow& row,
                                const model::AttachmentInfo& info, const crypto::SecureBytes& fileKey)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(info.size));
    CC_TRY(forEachChunk(store, row, info, fileKey, [&](std::span<const std::uint8_t> plain) -> Status {
        out.append(reinterpret_cast<const char*>(plain.data()), static_cast<qsizetype>(plain.size()));
        return {};
    }));
    return out;
}

/// An attachment's content from a patient session's portal (small files travel in it).
Result<QByteArray> portalContent(ClinicService& clinic, const access::PatientId& patient,
                                 const model::RowId& attachment)
{
    auto portal = PortalService(clinic).ownFor(patient);
    CC_TRY(portal);
    for (const auto& a : (*portal)->attachments) {
        if (a.info.id != attachment)
            continue;
        if (!a.content)
            return makeError(ErrorCode::Unsupported, "this file is too large for your portal copy: ask the clinic "
                                                     "for it");
        return *a.content;
    }
    return makeError(ErrorCode::NotFound, "no attachment with this id in your record");
}

} // namespace

Result<QByteArray> AttachmentService::read(const access::PatientId& patient, const model::RowId& attachment,
                                           qint64 maxSize)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read,
                                       "Attachment", idHex(attachment), "attachment viewed");
    CC_TRY(m_clinic.authorize(readPermission(m_clinic), subject));
    auto run = [&]() -> Result<QByteArray> {
        if (m_clinic.portalMode()) {
            subject.patientId = idHex(patient);
            auto content = portalContent(m_clinic, patient, attachment);
            CC_TRY(content);
            if (content->size() > maxSize)
                return makeError(ErrorCode::InvalidArgument,
                                 "the attachment is too large to view here: save it instead");
            return content;
        }
        auto opened = open(patient, attachment, subject);
        CC_TRY(opened);
        if (opened->info.size > maxSize)
            return makeError(ErrorCode::InvalidArgument, "the attachment is too large to view here: save it instead");
        return wholeContent(m_clinic.backend().attachments(), opened->row, opened->info, opened->fileKey);
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : outcomeOf(result.error())));
    return result;
}

Result<std::vector<interop::ExportedAttachment>>
AttachmentService::contentsForExport(ClinicService& clinic, const access::PatientId& patient, qint64 maxContent)
{
    auto key = PatientService::openChartKey(clinic, patient, ChartData::Clinical);
    CC_TRY(key);
    return contentsWith(clinic, patient, *key, maxContent);
}

Result<std::vector<interop::ExportedAttachment>> AttachmentService::contentsWith(ClinicService& clinic,
                                                                                 const access::PatientId& patient,
                                                                                 const ChartKey& clinicalKey,
                                                                                 qint64 maxContent)
{
    auto rows = ChartManifests::attachmentsOf(clinic, clinicalKey);
    CC_TRY(rows);
    std::vector<interop::ExportedAttachment> out;
    for (const auto& row : *rows) {
        auto opened = openWith(clinic, patient, clinicalKey, row);
        CC_TRY(opened);
        interop::ExportedAttachment item{opened->info, std::nullopt};
        if (opened->info.size <= maxContent) {
            auto content = wholeContent(clinic.backend().attachments(), opened->row, opened->info, opened->fileKey);
            CC_TRY(content);
            item.content = std::move(*content);
        }
        out.push_back(std::move(item));
    }
    return out;
}

Status AttachmentService::exportTo(const access::PatientId& patient, const model::RowId& attachment,
                                   const QString& path, const Progress& progress)
{
    AuditSubject subject = makeSubject(AuditEventId::Export, AuditEventType::None, AuditAction::Read, "Attachment",
                                       idHex(attachment), "attachment exported");
    CC_TRY(m_clinic.authorize(readPermission(m_clinic), subject));
    auto run = [&]() -> Status {
        if (m_clinic.portalMode()) {
            subject.patientId = idHex(patient);
            auto content = portalContent(m_clinic, patient, attachment);
            CC_TRY(content);
            PrivateFile out(path);
            CC_TRY(out.open());
            if (out.device().write(*content) != content->size())
                return makeError(ErrorCode::StorageError, "cannot write " + path.toStdString());
            if (progress)
                (void)progress(content->size(), content->size());
            return out.commit();
        }
        auto opened = open(patient, attachment, subject);
        CC_TRY(opened);
        const std::string where = path.toStdString();
        // A private temporary (0600 from creation) beside the target, renamed over it only after the
        // final chunk verified: a failed check leaves neither a partial file nor a changed target.
        PrivateFile out(path);
        CC_TRY(out.open());
        QIODevice& file = out.device();
        qint64 done = 0;
        auto written = forEachChunk(m_clinic.backend().attachments(), opened->row, opened->info, opened->fileKey,
                                    [&](std::span<const std::uint8_t> plain) -> Status {
                                        const auto n = static_cast<qint64>(plain.size());
                                        if (file.write(reinterpret_cast<const char*>(plain.data()), n) != n)
                                            return makeError(ErrorCode::StorageError, "cannot write " + where);
                                        done += n;
                                        if (progress && !progress(done, opened->info.size))
                                            return makeError(ErrorCode::Cancelled, "the export was cancelled");
                                        return {};
                                    });
        if (!written)
            return written; // the temporary is removed with `out`
        return out.commit();
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : outcomeOf(result.error())));
    return result;
}

Status AttachmentService::remove(const access::PatientId& patient, const model::RowId& attachment)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Delete,
                                       "Attachment", idHex(attachment), "attachment deleted");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Status {
        auto row = m_clinic.backend().attachments().find(attachment);
        CC_TRY(row);
        if (!row->has_value())
            return makeError(ErrorCode::NotFound, "no attachment with this id");
        auto clinicalKey = PatientService::openChartKey(m_clinic, patient, ChartData::Clinical);
        CC_TRY(clinicalKey);
        if ((*row)->patientRef != clinicalKey->ref)
            return makeError(ErrorCode::NotFound, "no attachment with this id in this patient's chart");
        subject.flagged = clinicalKey->basis == access::AccessBasis::BreakGlass;
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        CC_TRY(m_clinic.backend().attachments().remove(attachment));
        CC_TRY(m_clinic.record(subject, AuditOutcome::Success));
        return (*tx)->commit();
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, outcomeOf(result.error())));
    return result;
}

} // namespace cc::services
