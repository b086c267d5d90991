// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments: the media-type sniffer that decides what may be attached, and the strict decoder
// of the attachment's sealed description document. Round trip on success.
#include "core/model/AttachmentInfo.h"
#include "core/services/AttachmentService.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(attachment)
{
    const QString type = cc::services::AttachmentService::sniffMediaType(data);
    CC_FUZZ_CHECK(type.isEmpty() || type == QLatin1String("image/png") || type == QLatin1String("image/jpeg") ||
                  type == QLatin1String("application/pdf"));
    const QByteArray json(reinterpret_cast<const char*>(data.data()), static_cast<qsizetype>(data.size()));
    auto info = cc::model::AttachmentInfo::fromJson(json);
    if (!info.ok())
        return;
    auto again = cc::model::AttachmentInfo::fromJson(info->toJson());
    CC_FUZZ_CHECK(again.ok() && again->toJson() == info->toJson());
}
