// SPDX-License-Identifier: GPL-3.0-or-later
// Medication document: canonical encoding and strict decoding.
#include "core/model/Medication.h"

#include "core/model/CodeSystem.h"
#include "core/model/DocumentReader.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QJsonObject>

namespace cc::model {

namespace {
constexpr qint64 kMaxDispenses = 1000000;
}

QByteArray Medication::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("display"), display);
    o.insert(QStringLiteral("start"), start);
    putOptional(o, "stop", stop);
    putOptional(o, "reasonCode", reasonCode);
    putOptional(o, "reasonDisplay", reasonDisplay);
    if (dispenses)
        o.insert(QStringLiteral("dispenses"), static_cast<double>(*dispenses));
    putOptional(o, "dosage", dosage);
    putOptional(o, "status", status);
    putOptional(o, "sourceId", sourceId);
    return canonicalDocument(o, kVersion);
}

Result<Medication> Medication::fromJson(const QByteArray& json)
{
    auto opened = DocumentReader::open(json, "medication", kVersion);
    if (!opened)
        return std::move(opened).error();
    DocumentReader& r = opened.value();
    Medication m;
    m.code = r.string("code", limits::kIdentifier, false);
    m.display = r.string("display", limits::kDisplay, true);
    m.start = r.dateOrDateTime("start", true);
    m.stop = r.dateOrDateTime("stop", false);
    m.reasonCode = r.string("reasonCode", limits::kIdentifier, false);
    m.reasonDisplay = r.string("reasonDisplay", limits::kDisplay, false);
    m.dispenses = r.integer("dispenses", 0, kMaxDispenses, false);
    m.dosage = r.string("dosage", limits::kDisplay, false);
    m.status = r.token("status", {"active", "on-hold", "completed", "stopped", "cancelled", "entered-in-error"}, false);
    m.sourceId = r.string("sourceId", limits::kIdentifier, false);
    if (r.ok() && !m.code.isEmpty() && !isValidCode(QString::fromLatin1(codesystem::kRxNorm), m.code))
        r.fail("code", "is not a valid RxNorm code");
    if (r.ok() && !m.reasonCode.isEmpty() && !isValidCode(QString::fromLatin1(codesystem::kSnomed), m.reasonCode))
        r.fail("reasonCode", "is not a valid SNOMED CT code");
    if (r.ok() && !m.stop.isEmpty() && *parseIsoInstant(m.stop) < *parseIsoInstant(m.start))
        r.fail("stop", "is before the start");
    CC_TRY(r.finish());
    return m;
}

} // namespace cc::model
