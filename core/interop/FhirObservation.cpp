// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR Observation to a record: LOINC code, UCUM quantities through the units catalogue, components.
#include "core/interop/FhirConverter.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/model/CodeSystem.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

namespace cc::interop {

using namespace model;
namespace lim = model::limits;

namespace {

/// The value[x] types this application does not read (it reads Quantity, string, CodeableConcept).
constexpr const char* kOtherValues[] = {"valueBoolean",     "valueInteger", "valueRange",    "valueRatio",
                                        "valueSampledData", "valueTime",    "valueDateTime", "valuePeriod"};

/// The text of a coded value: the codeable's text, else its first coding's display, else its code.
QString conceptText(const FhirObject& codeable)
{
    QString text = codeable.string("text", lim::kDisplay);
    for (const auto& c : codeable.objects("coding")) {
        if (text.isEmpty())
            text = c.string("display", lim::kDisplay);
        if (text.isEmpty())
            text = c.string("code", lim::kIdentifier);
    }
    return text;
}

/// The first value[x] key this application does not read, or nullptr.
const char* unreadValue(const FhirObject& o)
{
    for (const char* key : kOtherValues)
        if (o.has(key))
            return key;
    return nullptr;
}

} // namespace

std::string FhirConverter::quantity(const FhirObject& q, const QString& code, bool indexed,
                                    std::optional<double>& value, QString& unit, QString& text)
{
    const auto number = q.number("value");
    const QString system = q.string("system", lim::kDisplay);
    const QString ucum = q.string("code", lim::kIdentifier);
    const QString comparator = q.string("comparator", lim::kIdentifier);
    if (!q.ok())
        return {};
    if (!number)
        return "the quantity has no value";
    // Units are never guessed from the free-text "unit": only a UCUM code is read.
    if (system == QLatin1String(codesystem::kSnomed))
        return "the unit is a SNOMED CT code, not UCUM";
    if (system != QLatin1String(codesystem::kUcum) || ucum.isEmpty())
        return "the unit has no UCUM code";
    if (!comparator.isEmpty()) {
        // "> 60" is not the number 60: kept as text so no sum ever counts it.
        if (comparator != QLatin1String("<") && comparator != QLatin1String("<=") &&
            comparator != QLatin1String(">=") && comparator != QLatin1String(">")) {
            q.fail("comparator", "is not <, <=, >= or >");
            return {};
        }
        text = comparator + QString::number(*number, 'g', 15) + QLatin1Char(' ') + ucum;
        return {};
    }
    auto accepted = m_catalogue.accept(code, *number, ucum);
    if (!accepted)
        return accepted.error().message; // not UCUM, or a catalogued value outside its plausible range
    if (indexed && !accepted->catalogued()) {
        const std::string where =
            code.toStdString() + " " + QString::number(*number, 'g', 15).toStdString() + " " + ucum.toStdString();
        m_out.summary.noteUncatalogued(code, ucum, accepted->encoded.has_value(),
                                       SkippedItem{q.errors()->fileName(), 0, q.path("value"),
                                                   where + " is outside the generic range: stored without a "
                                                           "Paillier value"});
    }
    value = accepted->value;
    unit = accepted->unit;
    return {};
}
void FhirConverter::component(FhirEntry& e, const FhirObject& c, Observation& o)
{
    Observation::Component out;
    std::optional<FhirCoding> code;
    if (const auto codeable = c.object("code"))
        code = coding(*codeable, {codesystem::kLoinc, codesystem::kSnomed});
    if (!c.ok())
        return;
    auto drop = [&](const std::string& field, std::string reason) {
        m_out.summary.skipped.push_back(SkippedItem{e.resource.errors()->fileName(), 0, field, std::move(reason)});
    };
    if (!code)
        return drop(c.path("code"), "component without a LOINC or SNOMED CT code left out");
    out.codeSystem = code->system;
    out.code = code->code;
    out.display = code->display;
    if (const auto q = c.object("valueQuantity")) {
        if (const std::string reason = quantity(*q, out.code, false, out.value, out.unit, out.text); !reason.empty())
            return drop(c.path("valueQuantity"), "component left out: " + reason);
    } else if (c.has("valueString")) {
        out.text = c.string("valueString", lim::kText);
    } else if (const auto codeable = c.object("valueCodeableConcept")) {
        out.text = conceptText(*codeable);
    } else if (const char* other = unreadValue(c)) {
        return drop(c.path(other), std::string("component left out: ") + other + " is not imported");
    }
    // With neither (a dataAbsentReason) the component is kept without a value.
    o.components.push_back(std::move(out));
}

void FhirConverter::observation(FhirEntry& e)
{
    const FhirObject& r = e.resource;
    auto linked = linkedRecord<Observation>(e, "subject");
    if (!linked)
        return;
    Observation& o = *linked;
    std::optional<FhirCoding> code;
    if (const auto codeable = r.object("code"))
        code = coding(*codeable, {codesystem::kLoinc, codesystem::kSynthea});
    const QString status = r.string("status", lim::kIdentifier);
    for (const auto& category : r.objects("category")) {
        for (const auto& c : category.objects("coding"))
            if (o.category.isEmpty())
                o.category = c.string("code", lim::kIdentifier);
    }
    // The clinically relevant time: effective[x], else the time of a report listing it, else issued.
    bool partial = false;
    o.effective = date(r, "effectiveDateTime", false, partial);
    if (const auto period = r.object("effectivePeriod"); period && o.effective.isEmpty())
        o.effective = date(*period, "start", false, partial);
    if (o.effective.isEmpty())
        o.effective = date(r, "effectiveInstant", false, partial);
    if (o.effective.isEmpty())
        o.effective = e.fallbackEffective;
    if (o.effective.isEmpty())
        o.effective = date(r, "issued", false, partial);
    if (isIsoDate(o.effective))
        o.effective += QStringLiteral("T00:00:00Z"); // a date alone is the start of that day, UTC
    if (!r.ok())
        return;
    if (!code)
        return skip(e, r.path("code"), "no LOINC code");
    o.codeSystem = code->system;
    o.code = code->code;
    o.display = code->display;
    if (!status.isEmpty())
        o.status = status; // checked against ObservationStatus by the document check below
    if (o.effective.isEmpty())
        return skip(e, r.path("effectiveDateTime"),
                    partial ? "the effective time is not a full date"
                            : "no effective time, report time or issued time");
    if (const auto q = r.object("valueQuantity")) {
        if (const std::string reason = quantity(*q, o.code, true, o.value, o.unit, o.text); !reason.empty() || !r.ok())
            return r.ok() ? skip(e, q->path(), reason) : void();
    } else if (r.has("valueString")) {
        o.text = r.string("valueString", lim::kText);
    } else if (const auto codeable = r.object("valueCodeableConcept")) {
        o.text = conceptText(*codeable);
    } else if (const char* other = unreadValue(r)) {
        return skip(e, r.path(other), std::string(other) + " is not imported");
    }
    for (const auto& c : r.objects("component", lim::kComponents))
        component(e, c, o);
    if (!r.ok())
        return;
    if (!o.value && o.text.isEmpty() && o.components.empty())
        return skip(e, r.path(r.has("dataAbsentReason") ? "dataAbsentReason" : "value[x]"),
                    "no value, text or component to store");
    keep(e, std::move(o), m_out.observations);
}

} // namespace cc::interop
