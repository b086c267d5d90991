// SPDX-License-Identifier: GPL-3.0-or-later
// Condition document: canonical encoding and strict decoding.
#include "core/model/Condition.h"

#include "core/model/CodeSystem.h"
#include "core/model/DocumentReader.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QJsonObject>

namespace cc::model {

QByteArray Condition::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("codeSystem"), codeSystem);
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("display"), display);
    o.insert(QStringLiteral("onset"), onset);
    putOptional(o, "abatement", abatement);
    putOptional(o, "clinicalStatus", clinicalStatus);
    putOptional(o, "sourceId", sourceId);
    return canonicalDocument(o, kVersion);
}

Result<Condition> Condition::fromJson(const QByteArray& json)
{
    auto opened = DocumentReader::open(json, "condition", kVersion);
    if (!opened)
        return std::move(opened).error();
    DocumentReader& r = opened.value();
    Condition c;
    c.codeSystem = r.token("codeSystem", {codesystem::kSnomed, codesystem::kIcd10, codesystem::kIcd10Cm}, false);
    c.code = r.string("code", limits::kIdentifier, false);
    c.display = r.string("display", limits::kDisplay, true);
    c.onset = r.dateOrDateTime("onset", true);
    c.abatement = r.dateOrDateTime("abatement", false);
    c.clinicalStatus =
        r.token("clinicalStatus", {"active", "recurrence", "relapse", "inactive", "remission", "resolved"}, false);
    c.sourceId = r.string("sourceId", limits::kIdentifier, false);
    if (r.ok())
        checkCodedOrFreeText(r, c.codeSystem, c.code);
    if (r.ok() && !c.abatement.isEmpty() && *parseIsoInstant(c.abatement) < *parseIsoInstant(c.onset))
        r.fail("abatement", "is before the onset");
    CC_TRY(r.finish());
    return c;
}

} // namespace cc::model
