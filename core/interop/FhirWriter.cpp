// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR R4 Bundle (collection) of one patient's record; the mapping mirrors the reader's.
#include "core/interop/FhirWriter.h"

#include "core/interop/FhirConverter.h"
#include "core/model/CodeSystem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <set>

namespace cc::interop {

using namespace model;

namespace {

constexpr const char* kV2Identifier = "http://terminology.hl7.org/CodeSystem/v2-0203";
constexpr const char* kNullFlavor = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";
constexpr const char* kObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
constexpr const char* kConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
constexpr const char* kAllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
constexpr const char* kDataAbsent = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

void put(QJsonObject& o, const char* key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

/// A FHIR dateTime: the model allows "hh:mm" without seconds, FHIR R4 requires them.
QString dateTime(const QString& value)
{
    static const QRegularExpression noSeconds(
        QStringLiteral(R"(^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})$)"));
    const auto m = noSeconds.match(value);
    return m.hasMatch() ? m.captured(1) + QStringLiteral(":00") + m.captured(2) : value;
}

QJsonObject codeable(const QString& system, const QString& code, const QString& display)
{
    if (code.isEmpty()) // a free-text (uncoded) entry: CodeableConcept.text only
        return QJsonObject{{"text", display}};
    QJsonObject coding{{"system", system}, {"code", code}};
    put(coding, "display", display);
    return QJsonObject{{"coding", QJsonArray{coding}}};
}

QJsonObject reference(const IdBytes& id)
{
    return QJsonObject{{"reference", FhirWriter::urnOf(id)}};
}

/// The FHIR id of a record imported from FHIR ("Observation/bp" gives "bp"); empty otherwise.
void putId(QJsonObject& o, const QString& sourceId, const char* type)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z]+/([A-Za-z0-9\-.]{1,64})$)"));
    const auto m = re.match(sourceId);
    if (m.hasMatch() && sourceId.startsWith(QLatin1String(type) + QLatin1Char('/')))
        o.insert(QStringLiteral("id"), m.captured(1));
}

QJsonObject quantity(double value, const QString& unit)
{
    return QJsonObject{{"value", value}, {"unit", unit}, {"system", s(codesystem::kUcum)}, {"code", unit}};
}

QJsonObject patientResource(const Patient& p)
{
    QJsonObject o{{"resourceType", "Patient"}};
    putId(o, p.sourceId, "Patient");
    const QJsonObject mr{{"coding", QJsonArray{QJsonObject{{"system", s(kV2Identifier)}, {"code", "MR"}}}}};
    o.insert("identifier", QJsonArray{QJsonObject{{"type", mr}, {"value", p.mrn}}});
    QJsonObject name{{"use", "official"}, {"family", p.familyName}};
    if (p.givenName != QString::fromUtf8(kNoGivenName))
        name.insert("given", QJsonArray{p.givenName});
    if (!p.prefix.isEmpty())
        name.insert("prefix", QJsonArray{p.prefix});
    if (!p.suffix.isEmpty())
        name.insert("suffix", QJsonArray{p.suffix});
    QJsonArray names{name};
    if (!p.maidenName.isEmpty())
        names.append(QJsonObject{{"use", "maiden"}, {"family", p.maidenName}});
    o.insert("name", names);
    o.insert("gender", sexToken(p.sex));
    o.insert("birthDate", p.birthDate);
    put(o, "deceasedDateTime", p.deathDate);
    QJsonObject address;
    if (!p.addressLine.isEmpty())
        address.insert("line", QJsonArray{p.addressLine});
    put(address, "city", p.city);
    put(address, "state", p.state);
    put(address, "postalCode", p.postalCode);
    put(address, "country", p.country);
    if (!address.isEmpty())
        o.insert("address", QJsonArray{address});
    QJsonArray telecom;
    if (!p.phone.isEmpty())
        telecom.append(QJsonObject{{"system", "phone"}, {"value", p.phone}});
    if (!p.email.isEmpty())
        telecom.append(QJsonObject{{"system", "email"}, {"value", p.email}});
    if (!telecom.isEmpty())
        o.insert("telecom", telecom);
    return o;
}

QJsonObject encounterResource(const Encounter& e)
{
    QJsonObject o{{"resourceType", "Encounter"}, {"status", e.end.isEmpty() ? "in-progress" : "finished"}};
    putId(o, e.sourceId, "Encounter");
    // Encounter.class is required in R4; an unknown class is the null flavour UNK, which the reader ignores.
    o.insert("class", e.encounterClass.isEmpty() ? QJsonObject{{"system", s(kNullFlavor)}, {"code", "UNK"}}
                                                 : QJsonObject{{"code", e.encounterClass}});
    o.insert("type", QJsonArray{codeable(e.codeSystem, e.code, e.display)});
    o.insert("subject", reference(e.patientId));
    QJsonObject period{{"start", dateTime(e.start)}};
    put(period, "end", dateTime(e.end));
    o.insert("period", period);
    if (!e.reasonCode.isEmpty())
        o.insert("reasonCode", QJsonArray{codeable(s(codesystem::kSnomed), e.reasonCode, e.reasonDisplay)});
    return o;
}

QJsonObject conditionResource(const Condition& c)
{
    QJsonObject o{{"resourceType", "Condition"}};
    putId(o, c.sourceId, "Condition");
    o.insert("clinicalStatus",
             codeable(s(kConditionClinical), c.abatement.isEmpty() ? s("active") : s("resolved"), QString()));
    o.insert("code", codeable(c.codeSystem, c.code, c.display));
    o.insert("subject", reference(c.patientId));
    if (c.encounterId)
        o.insert("encounter", reference(*c.encounterId));
    o.insert("onsetDateTime", dateTime(c.onset));
    put(o, "abatementDateTime", dateTime(c.abatement));
    return o;
}

void putValue(QJsonObject& o, const std::optional<double>& value, const QString& unit, const QString& text)
{
    if (value)
        o.insert("valueQuantity", quantity(*value, unit));
    else if (!text.isEmpty())
        o.insert("valueString", text);
}

QJsonObject observationResource(const Observation& ob)
{
    QJsonObject o{{"resourceType", "Observation"}, {"status", ob.status}};
    putId(o, ob.sourceId, "Observation");
    if (!ob.category.isEmpty())
        o.insert("category", QJsonArray{codeable(s(kObservationCategory), ob.category, QString())});
    o.insert("code", codeable(ob.codeSystem, ob.code, ob.display));
    o.insert("subject", reference(ob.patientId));
    if (ob.encounterId)
        o.insert("encounter", reference(*ob.encounterId));
    o.insert("effectiveDateTime", dateTime(ob.effective));
    putValue(o, ob.value, ob.unit, ob.text);
    QJsonArray components;
    for (const auto& c : ob.components) {
        QJsonObject item{{"code", codeable(c.codeSystem, c.code, c.display)}};
        putValue(item, c.value, c.unit, c.text);
        if (!c.value && c.text.isEmpty())
            item.insert("dataAbsentReason", codeable(s(kDataAbsent), s("unknown"), s("Unknown")));
        components.append(item);
    }
    if (!components.isEmpty())
        o.insert("component", components);
    return o;
}

QJsonObject medicationResource(const Medication& m)
{
    QJsonObject o{{"resourceType", "MedicationRequest"},
                  {"status", m.stop.isEmpty() ? "active" : "completed"},
                  {"intent", "order"}};
    putId(o, m.sourceId, "MedicationRequest");
    o.insert("medicationCodeableConcept", codeable(s(codesystem::kRxNorm), m.code, m.display));
    o.insert("subject", reference(m.patientId));
    if (m.encounterId)
        o.insert("encounter", reference(*m.encounterId));
    o.insert("authoredOn", dateTime(m.start));
    QJsonObject dispense;
    if (!m.stop.isEmpty())
        dispense.insert("validityPeriod", QJsonObject{{"end", dateTime(m.stop)}});
    // Dispenses are the first fill plus the repeats allowed; none recorded means no element.
    if (m.dispenses && *m.dispenses >= 1)
        dispense.insert("numberOfRepeatsAllowed", static_cast<double>(*m.dispenses - 1));
    if (!dispense.isEmpty())
        o.insert("dispenseRequest", dispense);
    if (!m.reasonCode.isEmpty())
        o.insert("reasonCode", QJsonArray{codeable(s(codesystem::kSnomed), m.reasonCode, m.reasonDisplay)});
    return o;
}

QJsonObject allergyResource(const Allergy& a)
{
    QJsonObject o{{"resourceType", "AllergyIntolerance"}};
    putId(o, a.sourceId, "AllergyIntolerance");
    o.insert("clinicalStatus", codeable(s(kAllergyClinical), a.stop.isEmpty() ? s("active") : s("resolved"), {}));
    put(o, "type", a.type);
    if (!a.category.isEmpty())
        o.insert("category", QJsonArray{a.category});
    o.insert("code", codeable(a.codeSystem, a.code, a.display));
    o.insert("patient", reference(a.patientId));
    if (a.encounterId)
        o.insert("encounter", reference(*a.encounterId));
    o.insert("onsetDateTime", dateTime(a.start));
    put(o, "lastOccurrence", dateTime(a.stop));
    QJsonArray reactions;
    for (const auto& r : a.reactions) {
        QJsonObject item{{"manifestation", QJsonArray{codeable(s(codesystem::kSnomed), r.code, r.display)}}};
        put(item, "severity", r.severity);
        reactions.append(item);
    }
    if (!reactions.isEmpty())
        o.insert("reaction", reactions);
    return o;
}

/// A document of the record as FHIR attachment content: inline base64 data when `data` is given.
QJsonObject documentReference(const access::PatientId& patient, const std::optional<RowId>& encounter,
                              const QString& created, const QString& description)
{
    QJsonObject o{{"resourceType", "DocumentReference"}, {"status", "current"}};
    o.insert("subject", reference(patient));
    put(o, "date", dateTime(created));
    put(o, "description", description);
    if (encounter)
        o.insert("context", QJsonObject{{"encounter", QJsonArray{reference(*encounter)}}});
    return o;
}

QJsonObject attachmentContent(const QString& contentType, const std::optional<QByteArray>& data, qint64 size,
                              const QString& title, const QString& created)
{
    QJsonObject a{{"contentType", contentType}};
    if (data)
        a.insert("data", QString::fromLatin1(data->toBase64()));
    a.insert("size", static_cast<double>(size));
    put(a, "title", title);
    put(a, "creation", dateTime(created));
    return QJsonObject{{"attachment", a}};
}

/// A note shared with the patient: its text inline as text/plain (UTF-8), author by name.
QJsonObject noteResource(const ClinicalNote& n)
{
    QJsonObject o = documentReference(n.patientId, n.encounterId, n.authored, n.title);
    o.insert("type", QJsonObject{{"text", "Clinical note"}});
    o.insert("author", QJsonArray{QJsonObject{{"display", n.author}}});
    const QByteArray text = n.text.toUtf8();
    o.insert("content", QJsonArray{attachmentContent(QStringLiteral("text/plain; charset=utf-8"), text, text.size(),
                                                     n.title, n.authored)});
    return o;
}

/// An attachment: its content inline when the export included it, else metadata only.
QJsonObject attachmentResource(const ExportedAttachment& x)
{
    const AttachmentInfo& a = x.info;
    QJsonObject o = documentReference(a.patientId, a.encounterId, a.created, a.description);
    o.insert("content", QJsonArray{attachmentContent(a.mediaType, x.content, a.size, a.fileName, a.created)});
    return o;
}

/// Records in a stable order: by time, then by row id.
template <typename T, typename Key> std::vector<const T*> sorted(const std::vector<T>& records, Key key)
{
    std::vector<const T*> out;
    out.reserve(records.size());
    for (const auto& r : records)
        out.push_back(&r);
    std::sort(out.begin(), out.end(), [&](const T* a, const T* b) {
        const QString ka = key(*a), kb = key(*b);
        return ka != kb ? ka < kb : a->id < b->id;
    });
    return out;
}

} // namespace

QString FhirWriter::urnOf(const IdBytes& id)
{
    IdBytes b = id;
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
    const QString hex = rowIdToHex(b);
    return QStringLiteral("urn:uuid:") + hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' +
           hex.mid(16, 4) + u'-' + hex.mid(20, 12);
}

Result<QByteArray> FhirWriter::write(const PatientRecord& record)
{
    const access::PatientId& patient = record.patient.id;
    std::set<RowId> encounters;
    for (const auto& e : record.encounters)
        encounters.insert(e.id);
    bool consistent = std::all_of(record.encounters.begin(), record.encounters.end(),
                                  [&](const Encounter& e) { return e.patientId == patient; });
    auto check = [&](const auto& list) {
        for (const auto& r : list)
            consistent = consistent && r.patientId == patient && (!r.encounterId || encounters.count(*r.encounterId));
    };
    check(record.conditions);
    check(record.observations);
    check(record.medications);
    check(record.allergies);
    check(record.notes);
    for (const auto& a : record.attachments)
        consistent =
            consistent && a.info.patientId == patient && (!a.info.encounterId || encounters.count(*a.info.encounterId));
    if (!consistent)
        return makeError(ErrorCode::InvalidArgument, "a record refers to another patient or an unknown encounter");

    QJsonArray entries;
    auto add = [&entries](const IdBytes& id, QJsonObject resource) {
        entries.append(QJsonObject{{"fullUrl", urnOf(id)}, {"resource", resource}});
    };
    add(patient, patientResource(record.patient));
    for (const auto* e : sorted(record.encounters, [](const Encounter& r) { return r.start; }))
        add(e->id, encounterResource(*e));
    for (const auto* c : sorted(record.conditions, [](const Condition& r) { return r.onset; }))
        add(c->id, conditionResource(*c));
    for (const auto* o : sorted(record.observations, [](const Observation& r) { return r.effective; }))
        add(o->id, observationResource(*o));
    for (const auto* m : sorted(record.medications, [](const Medication& r) { return r.start; }))
        add(m->id, medicationResource(*m));
    for (const auto* a : sorted(record.allergies, [](const Allergy& r) { return r.start; }))
        add(a->id, allergyResource(*a));
    for (const auto* n : sorted(record.notes, [](const ClinicalNote& r) { return r.authored; }))
        add(n->id, noteResource(*n));
    std::vector<const ExportedAttachment*> attachments;
    for (const auto& a : record.attachments)
        attachments.push_back(&a);
    std::sort(attachments.begin(), attachments.end(), [](const ExportedAttachment* a, const ExportedAttachment* b) {
        return a->info.created != b->info.created ? a->info.created < b->info.created : a->info.id < b->info.id;
    });
    for (const auto* a : attachments)
        add(a->info.id, attachmentResource(*a));
    const QJsonObject bundle{{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", entries}};
    return QJsonDocument(bundle).toJson(QJsonDocument::Indented);
}

} // namespace cc::interop
