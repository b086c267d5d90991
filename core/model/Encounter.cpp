// SPDX-License-Identifier: GPL-3.0-or-later
// Encounter document: canonical encoding and strict decoding.
#include "core/model/Encounter.h"

#include "core/model/CodeSystem.h"
#include "core/model/DocumentReader.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QJsonObject>

namespace cc::model {

QByteArray Encounter::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("start"), start);
    o.insert(QStringLiteral("codeSystem"), codeSystem);
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("display"), display);
    putOptional(o, "end", end);
    putOptional(o, "encounterClass", encounterClass);
    putOptional(o, "reasonCode", reasonCode);
    putOptional(o, "reasonDisplay", reasonDisplay);
    putOptional(o, "sourceId", sourceId);
    return canonicalDocument(o, kVersion);
}

Result<Encounter> Encounter::fromJson(const QByteArray& json)
{
    auto opened = DocumentReader::open(json, "encounter", kVersion);
    if (!opened)
        return std::move(opened).error();
    DocumentReader& r = opened.value();
    Encounter e;
    e.start = r.dateTime("start", true);
    e.end = r.dateTime("end", false);
    e.encounterClass = r.string("encounterClass", limits::kIdentifier, false);
    e.codeSystem = r.string("codeSystem", limits::kDisplay, true);
    e.code = r.string("code", limits::kIdentifier, true);
    e.display = r.string("display", limits::kDisplay, true);
    e.reasonCode = r.string("reasonCode", limits::kIdentifier, false);
    e.reasonDisplay = r.string("reasonDisplay", limits::kDisplay, false);
    e.sourceId = r.string("sourceId", limits::kIdentifier, false);
    if (r.ok() && !isValidCode(e.codeSystem, e.code))
        r.fail("code", "is not a valid code of its code system");
    if (r.ok() && !e.reasonCode.isEmpty() && !isValidCode(QString::fromLatin1(codesystem::kSnomed), e.reasonCode))
        r.fail("reasonCode", "is not a valid SNOMED CT code");
    if (r.ok() && !e.end.isEmpty() && *parseIsoInstant(e.end) < *parseIsoInstant(e.start))
        r.fail("end", "is before the start");
    CC_TRY(r.finish());
    return e;
}

} // namespace cc::model
