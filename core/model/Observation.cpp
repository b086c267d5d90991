// SPDX-License-Identifier: GPL-3.0-or-later
// Observation document: canonical encoding and strict decoding.
#include "core/model/Observation.h"

#include "core/model/CodeSystem.h"
#include "core/model/DocumentReader.h"
#include "core/model/FieldLimits.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cc::model {
namespace {

void putValue(QJsonObject& o, const std::optional<double>& value, const QString& unit, const QString& text)
{
    if (value) {
        o.insert(QStringLiteral("value"), *value);
        o.insert(QStringLiteral("unit"), unit);
    }
    putOptional(o, "text", text);
}

// The rule shared by an observation and its components: a numeric value needs a unit, and a
// value and a text cannot both be given (which one would a report believe?).
void checkValue(DocumentReader& r, const std::optional<double>& value, const QString& unit, const QString& text)
{
    if (value && unit.isEmpty())
        r.fail("unit", "is required with a numeric value");
    if (!value && !unit.isEmpty())
        r.fail("unit", "is given without a numeric value");
    if (value && !text.isEmpty())
        r.fail("text", "is given together with a numeric value");
}

} // namespace

QByteArray Observation::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("codeSystem"), codeSystem);
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("display"), display);
    o.insert(QStringLiteral("effective"), effective);
    o.insert(QStringLiteral("status"), status);
    putOptional(o, "category", category);
    putOptional(o, "sourceId", sourceId);
    putValue(o, value, unit, text);
    if (!components.empty()) {
        QJsonArray list;
        for (const Component& c : components) {
            QJsonObject item;
            item.insert(QStringLiteral("codeSystem"), c.codeSystem);
            item.insert(QStringLiteral("code"), c.code);
            item.insert(QStringLiteral("display"), c.display);
            putValue(item, c.value, c.unit, c.text);
            list.append(item);
        }
        o.insert(QStringLiteral("components"), list);
    }
    return canonicalDocument(o, kVersion);
}

Result<Observation> Observation::fromJson(const QByteArray& json)
{
    auto opened = DocumentReader::open(json, "observation", kVersion);
    if (!opened)
        return std::move(opened).error();
    DocumentReader& r = opened.value();
    Observation ob;
    ob.codeSystem = r.token("codeSystem", {codesystem::kLoinc, codesystem::kSnomed, codesystem::kSynthea}, true);
    ob.code = r.string("code", limits::kIdentifier, true);
    ob.display = r.string("display", limits::kDisplay, true);
    ob.category = r.string("category", limits::kIdentifier, false);
    ob.effective = r.dateTime("effective", true);
    ob.status = r.token(
        "status",
        {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"},
        true);
    ob.value = r.number("value", false);
    ob.unit = r.string("unit", limits::kIdentifier, false);
    ob.text = r.string("text", limits::kText, false);
    ob.sourceId = r.string("sourceId", limits::kIdentifier, false);
    checkValue(r, ob.value, ob.unit, ob.text);
    const QJsonArray list = r.objectArray("components", limits::kComponents);
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        DocumentReader item(list[i].toObject(), r.path("components") + "[" + std::to_string(i) + "]");
        Component c;
        c.codeSystem = item.token("codeSystem", {codesystem::kLoinc, codesystem::kSnomed}, true);
        c.code = item.string("code", limits::kIdentifier, true);
        c.display = item.string("display", limits::kDisplay, true);
        c.value = item.number("value", false);
        c.unit = item.string("unit", limits::kIdentifier, false);
        c.text = item.string("text", limits::kText, false);
        checkValue(item, c.value, c.unit, c.text);
        if (item.ok() && !isValidCode(c.codeSystem, c.code))
            item.fail("code", "is not a valid code of its code system");
        if (const Status s = item.finish(); !s)
            r.fail(s.error());
        ob.components.push_back(c);
    }
    if (r.ok() && !isValidCode(ob.codeSystem, ob.code))
        r.fail("code", "is not a valid code of its code system");
    if (r.ok() && !ob.value && ob.text.isEmpty() && ob.components.empty())
        r.fail("value", "an observation needs a value, a text or components");
    CC_TRY(r.finish());
    return ob;
}

} // namespace cc::model
