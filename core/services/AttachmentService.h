// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments (images, PDFs): per-file keys, AEAD chunks, streamed in and out (DESIGN.md section 5).
#pragma once

#include "core/Result.h"
#include "core/interop/PatientRecord.h"
#include "core/model/AttachmentInfo.h"
#include "core/services/ClinicService.h"
#include "core/services/PatientService.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <span>
#include <vector>

namespace cc::services {

/// Attachment use cases. Each attachment has a fresh random 256-bit file key sealed under the
/// patient's clinical key (row id in the AAD); its content is stored in 256 KiB AES-256-GCM chunks
/// (records::AttachmentChunk) and its metadata (name, type, size) in a sealed document. Every call
/// is audited once as DICOM 110110 Patient Record (object "Attachment"; no file name).
/// Attachments are part of the record the patient may read (right of access).
class AttachmentService
{
public:
    static constexpr const char* kTable = "attachments";
    static constexpr const char* kDocColumn = "doc";
    static constexpr const char* kKeyColumn = "file_key_sealed";
    /// Default cap of read(): the viewer does not load larger files into memory.
    static constexpr qint64 kDefaultReadLimit = qint64(64) << 20;

    /// Called with (bytes done, bytes total); returning false cancels (Cancelled, nothing stored).
    using Progress = std::function<bool(qint64, qint64)>;

    explicit AttachmentService(ClinicService& clinic) : m_clinic(clinic) {}

    /// Adds the file at `path` for `patient` (doctor, WriteChart, care team or break-glass),
    /// streamed chunk by chunk in one transaction. The media type is sniffed from the content
    /// (PNG, JPEG, PDF only), the name is the file's (validated as AttachmentInfo::fileName).
    /// Errors: AccessDenied, NotFound (patient, file), MalformedInput (size over 1 GiB, unknown
    /// content, bad name, naming the file), StorageError (the file changed while read), Cancelled,
    /// storage errors.
    [[nodiscard]] Result<model::RowId> add(const access::PatientId& patient, const QString& path,
                                           const QString& description = {}, const Progress& progress = {});
    /// A patient's attachments (metadata only): doctor (ReadChart) or the patient's own account
    /// (ReadOwnRecord). Errors: AccessDenied, NotFound, IntegrityFailure, storage errors.
    [[nodiscard]] Result<std::vector<model::AttachmentInfo>> list(const access::PatientId& patient);
    /// Every call naming an attachment also names the patient whose chart holds it (rows carry a
    /// patient reference, not the patient id): an attachment of another chart is NotFound.
    /// The whole content of an attachment, every chunk verified, if not larger than `maxSize`.
    /// Errors: AccessDenied, NotFound, InvalidArgument (larger than maxSize), IntegrityFailure
    /// (altered, reordered, truncated, swapped chunks), KeyMismatch, storage errors.
    [[nodiscard]] Result<QByteArray> read(const access::PatientId& patient, const model::RowId& attachment,
                                          qint64 maxSize = kDefaultReadLimit);
    /// Writes an attachment to `path`, replacing it atomically only after every chunk verified.
    /// Errors: as read(), and StorageError naming the path.
    [[nodiscard]] Status exportTo(const access::PatientId& patient, const model::RowId& attachment, const QString& path,
                                  const Progress& progress = {});
    /// Deletes an attachment and its chunks (doctor, WriteChart). Errors: AccessDenied, NotFound, storage errors.
    [[nodiscard]] Status remove(const access::PatientId& patient, const model::RowId& attachment);

    /// For the FHIR export, whose one Export event covers these reads: every attachment of
    /// `patient` with its content (every chunk verified) when it is not larger than `maxContent`
    /// bytes, else metadata only. Access is checked by PatientService::openChartKey; not audited
    /// here. Errors: AccessDenied, NotFound, IntegrityFailure, KeyMismatch, storage errors.
    [[nodiscard]] static Result<std::vector<interop::ExportedAttachment>>
    contentsForExport(ClinicService& clinic, const access::PatientId& patient, qint64 maxContent);
    /// contentsForExport() with the clinical key already opened (the portal builder's).
    [[nodiscard]] static Result<std::vector<interop::ExportedAttachment>> contentsWith(ClinicService& clinic,
                                                                                       const access::PatientId& patient,
                                                                                       const ChartKey& clinicalKey,
                                                                                       qint64 maxContent);

    /// The media type of content starting with `head` (PNG, JPEG or PDF magic bytes), or an empty string.
    [[nodiscard]] static QString sniffMediaType(std::span<const std::uint8_t> head);

private:
    struct Opened;
    Result<Opened> open(const access::PatientId& patient, const model::RowId& attachment, AuditSubject& subject);
    static Result<Opened> openWith(ClinicService& clinic, const access::PatientId& patient, const ChartKey& clinicalKey,
                                   ports::AttachmentRow row);
    ClinicService& m_clinic;
};

} // namespace cc::services
