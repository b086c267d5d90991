// SPDX-License-Identifier: GPL-3.0-or-later
// Metadata of an attachment (image, PDF); the content is stored apart in AEAD chunks.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace cc::model {

/// What the application knows about an attachment without opening its chunks (DESIGN.md
/// section 5: chunked with per-file keys). `id`, `patientId`, `encounterId` are plaintext columns.
struct AttachmentInfo
{
    static constexpr int kVersion = 1;
    /// Attachments are limited to 1 GiB.
    static constexpr qint64 kMaxSize = qint64(1) << 30;
    /// Chunk counts are limited so that a chunk index fits 32 bits in the AAD.
    static constexpr qint64 kMaxChunks = qint64(1) << 24;

    RowId id{};
    access::PatientId patientId{};
    std::optional<RowId> encounterId;
    QString fileName;      ///< as given by the user, <= 255 bytes, no path separators
    QString mediaType;     ///< one of the accepted media types (RFC 6838 names)
    qint64 size = 0;       ///< plaintext size in bytes
    qint64 chunkCount = 0; ///< >= 1 (an empty file has one empty final chunk)
    QString created;       ///< ISO 8601 date-time, required
    QString description;   ///< optional

    /// The canonical JSON document (sorted keys, "v").
    [[nodiscard]] QByteArray toJson() const;
    /// Strict decoder: MalformedInput naming "attachment.<field>" (an unaccepted media type, a
    /// path in the name, a size over 1 GiB, more chunks than bytes ...); Unsupported for another "v".
    [[nodiscard]] static Result<AttachmentInfo> fromJson(const QByteArray& json);

    bool operator==(const AttachmentInfo&) const = default;
};

} // namespace cc::model
