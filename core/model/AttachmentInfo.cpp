// SPDX-License-Identifier: GPL-3.0-or-later
// Attachment metadata document: canonical encoding and strict decoding.
#include "core/model/AttachmentInfo.h"

#include "core/model/DocumentReader.h"
#include "core/model/FieldLimits.h"

#include <QJsonObject>

namespace cc::model {

QByteArray AttachmentInfo::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("fileName"), fileName);
    o.insert(QStringLiteral("mediaType"), mediaType);
    o.insert(QStringLiteral("size"), static_cast<double>(size));
    o.insert(QStringLiteral("chunkCount"), static_cast<double>(chunkCount));
    o.insert(QStringLiteral("created"), created);
    putOptional(o, "description", description);
    return canonicalDocument(o, kVersion);
}

Result<AttachmentInfo> AttachmentInfo::fromJson(const QByteArray& json)
{
    auto opened = DocumentReader::open(json, "attachment", kVersion);
    if (!opened)
        return std::move(opened).error();
    DocumentReader& r = opened.value();
    AttachmentInfo a;
    a.fileName = r.string("fileName", limits::kFileName, true);
    // Only formats a clinic viewer shows without running code: no HTML, SVG or Office files.
    a.mediaType = r.token(
        "mediaType",
        {"application/pdf", "image/png", "image/jpeg", "image/tiff", "image/gif", "text/plain", "application/dicom"},
        true);
    a.size = r.integer("size", 0, kMaxSize, true).value_or(0);
    a.chunkCount = r.integer("chunkCount", 1, kMaxChunks, true).value_or(0);
    a.created = r.dateTime("created", true);
    a.description = r.string("description", limits::kDisplay, false);
    if (r.ok() && (a.fileName.contains(u'/') || a.fileName.contains(u'\\') || a.fileName == QLatin1String("..")))
        r.fail("fileName", "must be a name without a path");
    if (r.ok() && a.chunkCount > 1 && a.chunkCount > a.size)
        r.fail("chunkCount", "is larger than the size: chunks cannot be empty except a single one");
    CC_TRY(r.finish());
    return a;
}

} // namespace cc::model
