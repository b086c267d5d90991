// SPDX-License-Identifier: GPL-3.0-or-later
// Allergy document: canonical encoding and strict decoding.
#include "core/model/Allergy.h"

#include "core/model/CodeSystem.h"
#include "core/model/DocumentReader.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cc::model {

QByteArray Allergy::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("codeSystem"), codeSystem);
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("display"), display);
    o.insert(QStringLiteral("start"), start);
    putOptional(o, "stop", stop);
    putOptional(o, "type", type);
    putOptional(o, "category", category);
    putOptional(o, "criticality", criticality);
    putOptional(o, "clinicalStatus", clinicalStatus);
    putOptional(o, "sourceId", sourceId);
    if (!reactions.empty()) {
        QJsonArray list;
        for (const Reaction& reaction : reactions) {
            QJsonObject item;
            item.insert(QStringLiteral("code"), reaction.code);
            item.insert(QStringLiteral("display"), reaction.display);
            putOptional(item, "severity", reaction.severity);
            list.append(item);
        }
        o.insert(QStringLiteral("reactions"), list);
    }
    return canonicalDocument(o, kVersion);
}

Result<Allergy> Allergy::fromJson(const QByteArray& json)
{
    auto opened = DocumentReader::open(json, "allergy", kVersion);
    if (!opened)
        return std::move(opened).error();
    DocumentReader& r = opened.value();
    Allergy a;
    a.codeSystem = r.token("codeSystem", {codesystem::kSnomed, codesystem::kRxNorm}, false);
    a.code = r.string("code", limits::kIdentifier, false);
    a.display = r.string("display", limits::kDisplay, true);
    a.start = r.dateOrDateTime("start", true);
    a.stop = r.dateOrDateTime("stop", false);
    a.type = r.token("type", {"allergy", "intolerance"}, false);
    a.category = r.token("category", {"food", "medication", "environment", "biologic"}, false);
    a.criticality = r.token("criticality", {"low", "high", "unable-to-assess"}, false);
    a.clinicalStatus = r.token("clinicalStatus", {"active", "inactive", "resolved"}, false);
    a.sourceId = r.string("sourceId", limits::kIdentifier, false);
    const QJsonArray list = r.objectArray("reactions", limits::kReactions);
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        DocumentReader item(list[i].toObject(), r.path("reactions") + "[" + std::to_string(i) + "]");
        Reaction reaction;
        reaction.code = item.string("code", limits::kIdentifier, true);
        reaction.display = item.string("display", limits::kDisplay, true);
        reaction.severity = item.token("severity", {"mild", "moderate", "severe"}, false);
        if (item.ok() && !isValidCode(QString::fromLatin1(codesystem::kSnomed), reaction.code))
            item.fail("code", "is not a valid SNOMED CT code");
        if (const Status s = item.finish(); !s)
            r.fail(s.error());
        a.reactions.push_back(reaction);
    }
    if (r.ok())
        checkCodedOrFreeText(r, a.codeSystem, a.code);
    if (r.ok() && !a.stop.isEmpty() && *parseIsoInstant(a.stop) < *parseIsoInstant(a.start))
        r.fail("stop", "is before the start");
    CC_TRY(r.finish());
    return a;
}

} // namespace cc::model
