// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR Patient, Encounter, Condition, MedicationRequest and AllergyIntolerance to records.
#include "core/interop/FhirConverter.h"

#include "core/model/CodeSystem.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QRegularExpression>

namespace cc::interop {

using namespace model;
namespace lim = model::limits;

namespace {

/// The code system name for error messages.
std::string systemName(const QString& system)
{
    if (system == QLatin1String(codesystem::kLoinc))
        return "LOINC";
    if (system == QLatin1String(codesystem::kSnomed))
        return "SNOMED CT";
    if (system == QLatin1String(codesystem::kRxNorm))
        return "RxNorm";
    if (system == QLatin1String(codesystem::kSynthea))
        return "Synthea";
    return "ICD-10";
}

/// A string that is one of `allowed` (empty if absent); records an error otherwise.
QString token(const FhirObject& o, const char* key, std::initializer_list<const char*> allowed)
{
    QString value = o.string(key, lim::kIdentifier);
    if (value.isEmpty())
        return value;
    for (const char* a : allowed)
        if (value == QLatin1String(a))
            return value;
    o.fail(key, "is not one of the codes FHIR R4 allows here");
    return {};
}

} // namespace

QString FhirConverter::sourceIdOf(const FhirEntry& e) const
{
    if (e.id.isEmpty())
        return {};
    const QString id = QString::fromStdString(e.type) + QLatin1Char('/') + e.id;
    return static_cast<std::size_t>(id.size()) <= lim::kIdentifier ? id : QString();
}

void FhirConverter::skip(FhirEntry& e, const std::string& field, std::string reason)
{
    e.state = FhirEntry::State::Skipped;
    m_out.summary.skipped.push_back(SkippedItem{e.resource.errors()->fileName(), 0, field, std::move(reason)});
}

std::optional<FhirCoding> FhirConverter::coding(const FhirObject& codeable, std::initializer_list<const char*> systems)
{
    for (const auto& c : codeable.objects("coding")) {
        const QString system = c.string("system", lim::kDisplay);
        for (const char* s : systems) {
            if (system != QLatin1String(s))
                continue;
            FhirCoding out{system, c.string("code", lim::kIdentifier), c.string("display", lim::kDisplay)};
            if (!isValidCode(out.system, out.code)) {
                c.fail("code", "is not a valid " + systemName(out.system) + " code");
                return std::nullopt;
            }
            // The model requires a display; FHIR does not. The codeable's text, else the code.
            if (out.display.isEmpty())
                out.display = codeable.string("text", lim::kDisplay);
            if (out.display.isEmpty())
                out.display = out.code;
            return out;
        }
    }
    return std::nullopt;
}

QString FhirConverter::date(const FhirObject& o, const char* key, bool dateOnly, bool& partial)
{
    static const QRegularExpression partialDate(QStringLiteral(R"(^\d{4}(-(0[1-9]|1[0-2]))?$)"));
    QString value = o.string(key, lim::kIdentifier);
    if (value.isEmpty())
        return {};
    if (partialDate.match(value).hasMatch()) {
        partial = true;
        return {};
    }
    if (isIsoDate(value) || (!dateOnly && isIsoDateTime(value)))
        return value;
    o.fail(key, dateOnly ? "is not a valid date (YYYY-MM-DD from 1800 to 2200)"
                         : "is not a valid dateTime (a date, or a date and time with a zone)");
    return {};
}

void FhirConverter::convert(FhirEntry& e)
{
    const FhirObject& r = e.resource;
    if (r.has("modifierExtension") || r.has("implicitRules")) {
        // FHIR R4 section 2.4.1: a resource whose modifier extensions are not understood must not be processed.
        skip(e, r.path(r.has("implicitRules") ? "implicitRules" : "modifierExtension"),
             "has modifiers this application does not understand, so its meaning is unknown");
        return;
    }
    if (e.type == "Patient")
        patient(e);
    else if (e.type == "Encounter")
        encounter(e);
    else if (e.type == "Condition")
        condition(e);
    else if (e.type == "Observation")
        observation(e);
    else if (e.type == "MedicationRequest")
        medication(e);
    else if (e.type == "AllergyIntolerance")
        allergy(e);
    else
        skip(e, r.path(), "resource type " + e.type + " is not imported");
}

void FhirConverter::patient(FhirEntry& e)
{
    const FhirObject& r = e.resource;
    Patient p;
    // MRN: the identifier typed MR (HL7 v2 table 0203), else the first identifier with a value.
    const auto identifiers = r.objects("identifier");
    for (const auto& id : identifiers) {
        bool mr = false;
        if (const auto type = id.object("type"))
            for (const auto& c : type->objects("coding"))
                mr = mr || c.string("code", lim::kIdentifier) == QLatin1String("MR");
        const QString value = id.string("value", lim::kIdentifier);
        if (mr && !value.isEmpty()) {
            p.mrn = value;
            break;
        }
        if (p.mrn.isEmpty())
            p.mrn = value;
    }
    // The name: official, else usual, else the first one that is not a maiden or old name.
    const auto names = r.objects("name");
    const FhirObject* chosen = nullptr;
    for (const char* wanted : {"official", "usual", ""}) {
        for (const auto& n : names) {
            const QString use = n.string("use", lim::kIdentifier);
            if (chosen == nullptr &&
                (use == QLatin1String(wanted) ||
                 (*wanted == '\0' && use != QLatin1String("maiden") && use != QLatin1String("old"))))
                chosen = &n;
        }
    }
    for (const auto& n : names)
        if (n.string("use", lim::kIdentifier) == QLatin1String("maiden"))
            p.maidenName = n.string("family", lim::kName);
    bool partial = false;
    p.birthDate = date(r, "birthDate", true, partial);
    if (!r.ok())
        return;
    if (p.mrn.isEmpty())
        return skip(e, r.path("identifier"), "no identifier to use as the medical record number");
    if (chosen == nullptr)
        return skip(e, r.path("name"), "no name");
    p.familyName = chosen->string("family", lim::kName);
    if (p.familyName.isEmpty())
        p.familyName = chosen->string("text", lim::kName); // e.g. a Chinese name given whole
    const auto given = chosen->strings("given", lim::kName);
    for (const auto& g : given)
        p.givenName += (p.givenName.isEmpty() ? QString() : QStringLiteral(" ")) + g;
    if (static_cast<std::size_t>(p.givenName.toUtf8().size()) > lim::kName)
        chosen->fail("given", "the given names are longer than " + std::to_string(lim::kName) + " bytes together");
    if (p.givenName.isEmpty())
        p.givenName = QString::fromUtf8(kNoGivenName);
    if (const auto prefixes = chosen->strings("prefix", lim::kName); !prefixes.empty())
        p.prefix = prefixes.front();
    if (const auto suffixes = chosen->strings("suffix", lim::kName); !suffixes.empty())
        p.suffix = suffixes.front();
    if (p.familyName.isEmpty())
        return skip(e, chosen->path(), "the name has neither a family name nor a text");
    if (p.birthDate.isEmpty())
        return skip(e, r.path("birthDate"),
                    partial ? "birthDate is not a full date" : "no birthDate: the chart requires one");
    const QString gender = token(r, "gender", {"male", "female", "other", "unknown"});
    p.sex = gender == QLatin1String("male")     ? Sex::Male
            : gender == QLatin1String("female") ? Sex::Female
            : gender == QLatin1String("other")  ? Sex::Other
                                                : Sex::Unknown;
    bool partialDeath = false;
    const QString death = date(r, "deceasedDateTime", false, partialDeath);
    p.deathDate = death.left(10); // the model keeps the date of death
    if (!p.deathDate.isEmpty() && p.deathDate < p.birthDate)
        r.fail("deceasedDateTime", "is before the birth date");
    if (const auto addresses = r.objects("address"); !addresses.empty()) {
        const FhirObject& a = addresses.front();
        for (const auto& line : a.strings("line", lim::kAddress))
            p.addressLine += (p.addressLine.isEmpty() ? QString() : QStringLiteral(", ")) + line;
        if (static_cast<std::size_t>(p.addressLine.toUtf8().size()) > lim::kAddress)
            a.fail("line", "the address lines are longer than " + std::to_string(lim::kAddress) + " bytes together");
        p.city = a.string("city", lim::kAddress);
        p.state = a.string("state", lim::kAddress);
        p.postalCode = a.string("postalCode", lim::kIdentifier);
        p.country = a.string("country", lim::kAddress);
    }
    for (const auto& t : r.objects("telecom")) {
        const QString system = t.string("system", lim::kIdentifier);
        if (system == QLatin1String("phone") && p.phone.isEmpty())
            p.phone = t.string("value", lim::kPhone);
        else if (system == QLatin1String("email") && p.email.isEmpty())
            p.email = t.string("value", lim::kEmail);
    }
    if (!r.ok())
        return;
    keep(e, std::move(p), m_out.patients);
}

void FhirConverter::encounter(FhirEntry& e)
{
    const FhirObject& r = e.resource;
    auto linked = linkedRecord<Encounter>(e, "subject");
    if (!linked)
        return;
    Encounter& enc = *linked;
    bool partial = false;
    if (const auto period = r.object("period")) {
        enc.start = date(*period, "start", false, partial);
        enc.end = date(*period, "end", false, partial);
    }
    // The model keeps instants: a date alone is the start of that day, UTC.
    for (QString* t : {&enc.start, &enc.end})
        if (isIsoDate(*t))
            *t += QStringLiteral("T00:00:00Z");
    // The null flavour UNK (written by FhirWriter for an unknown class) means no class.
    if (const auto cls = r.object("class");
        cls &&
        cls->string("system", lim::kDisplay) != QLatin1String("http://terminology.hl7.org/CodeSystem/v3-NullFlavor"))
        enc.encounterClass = cls->string("code", lim::kIdentifier);
    for (const auto& type : r.objects("type")) {
        if (const auto c = coding(type, {codesystem::kSnomed}); c && enc.code.isEmpty()) {
            enc.codeSystem = c->system;
            enc.code = c->code;
            enc.display = c->display;
        }
    }
    if (const auto reasons = r.objects("reasonCode"); !reasons.empty()) {
        if (const auto c = coding(reasons.front(), {codesystem::kSnomed})) {
            enc.reasonCode = c->code;
            enc.reasonDisplay = c->display;
        }
    }
    if (!r.ok())
        return;
    if (enc.start.isEmpty())
        return skip(e, r.path("period"),
                    partial ? "period.start is not a full date" : "no period.start: the chart orders encounters by it");
    if (enc.code.isEmpty())
        return skip(e, r.path("type"), "no SNOMED CT encounter type");
    const access::PatientId patientId = enc.patientId;
    keep(e, std::move(enc), m_out.encounters);
    if (e.state == FhirEntry::State::Imported)
        e.patientId = patientId; // encounter references of later resources check the patient
}

void FhirConverter::condition(FhirEntry& e)
{
    const FhirObject& r = e.resource;
    auto linked = linkedRecord<Condition>(e, "subject");
    if (!linked)
        return;
    Condition& c = *linked;
    std::optional<FhirCoding> code;
    if (const auto codeable = r.object("code"))
        code = coding(*codeable, {codesystem::kSnomed, codesystem::kIcd10, codesystem::kIcd10Cm});
    bool partial = false;
    c.onset = date(r, "onsetDateTime", false, partial);
    if (const auto period = r.object("onsetPeriod"); period && c.onset.isEmpty())
        c.onset = date(*period, "start", false, partial);
    if (c.onset.isEmpty())
        c.onset = date(r, "recordedDate", false, partial);
    c.abatement = date(r, "abatementDateTime", false, partial);
    if (!r.ok())
        return;
    if (!code)
        return skip(e, r.path("code"), "no SNOMED CT or ICD-10 code");
    c.codeSystem = code->system;
    c.code = code->code;
    c.display = code->display;
    if (c.onset.isEmpty())
        return skip(e, r.path("onsetDateTime"), partial ? "the onset is not a full date" : "no onset or recorded date");
    keep(e, std::move(c), m_out.conditions);
}

void FhirConverter::medication(FhirEntry& e)
{
    const FhirObject& r = e.resource;
    auto linked = linkedRecord<Medication>(e, "subject");
    if (!linked)
        return;
    Medication& m = *linked;
    std::optional<FhirCoding> code;
    std::string codeField = r.path("medicationCodeableConcept");
    if (const auto codeable = r.object("medicationCodeableConcept")) {
        code = coding(*codeable, {codesystem::kRxNorm});
    } else if (const auto ref = r.object("medicationReference")) {
        // A contained Medication ("#id") or a Medication entry of the file carries the code.
        codeField = ref->path("reference");
        const QString reference = ref->string("reference", lim::kDisplay);
        std::optional<FhirObject> med;
        if (reference.startsWith(u'#')) {
            for (const auto& contained : r.objects("contained"))
                if (contained.string("id", lim::kIdentifier) == reference.mid(1))
                    med = contained;
        } else if (FhirEntry* target = m_index.find(e, reference); target != nullptr && target->type == "Medication") {
            med = target->resource;
        }
        if (!med)
            ref->fail("reference", "the medication reference resolves to no Medication in the file");
        else if (const auto medCode = med->object("code"))
            code = coding(*medCode, {codesystem::kRxNorm});
    }
    bool partial = false;
    m.start = date(r, "authoredOn", false, partial);
    if (const auto dispense = r.object("dispenseRequest")) {
        if (const auto validity = dispense->object("validityPeriod"))
            m.stop = date(*validity, "end", false, partial);
        // Dispenses = the first fill plus the repeats allowed.
        if (const auto repeats = dispense->number("numberOfRepeatsAllowed")) {
            if (*repeats < 0 || *repeats > 999999 || *repeats != static_cast<double>(static_cast<qint64>(*repeats)))
                dispense->fail("numberOfRepeatsAllowed", "must be an integer from 0 to 999999");
            else
                m.dispenses = static_cast<qint64>(*repeats) + 1;
        }
    }
    if (const auto reasons = r.objects("reasonCode"); !reasons.empty()) {
        if (const auto c = coding(reasons.front(), {codesystem::kSnomed})) {
            m.reasonCode = c->code;
            m.reasonDisplay = c->display;
        }
    }
    if (!r.ok())
        return;
    if (!code)
        return skip(e, codeField, "no RxNorm code for the medication");
    m.code = code->code;
    m.display = code->display;
    if (m.start.isEmpty())
        return skip(e, r.path("authoredOn"), partial ? "authoredOn is not a full date" : "no authoredOn date");
    keep(e, std::move(m), m_out.medications);
}

void FhirConverter::allergy(FhirEntry& e)
{
    const FhirObject& r = e.resource;
    auto linked = linkedRecord<Allergy>(e, "patient");
    if (!linked)
        return;
    Allergy& a = *linked;
    std::optional<FhirCoding> code;
    if (const auto codeable = r.object("code"))
        code = coding(*codeable, {codesystem::kSnomed, codesystem::kRxNorm});
    bool partial = false;
    a.start = date(r, "onsetDateTime", false, partial);
    if (a.start.isEmpty())
        a.start = date(r, "recordedDate", false, partial);
    a.stop = date(r, "lastOccurrence", false, partial);
    a.type = token(r, "type", {"allergy", "intolerance"});
    if (const auto categories = r.strings("category", lim::kIdentifier); !categories.empty())
        a.category = categories.front();
    for (const auto& reaction : r.objects("reaction", lim::kReactions)) {
        const auto manifestations = reaction.objects("manifestation");
        std::optional<FhirCoding> c;
        if (!manifestations.empty())
            c = coding(manifestations.front(), {codesystem::kSnomed});
        if (c)
            a.reactions.push_back({c->code, c->display, token(reaction, "severity", {"mild", "moderate", "severe"})});
    }
    if (!r.ok())
        return;
    if (!code)
        return skip(e, r.path("code"), "no SNOMED CT or RxNorm code");
    a.codeSystem = code->system;
    a.code = code->code;
    a.display = code->display;
    if (a.start.isEmpty())
        return skip(e, r.path("onsetDateTime"), partial ? "the onset is not a full date" : "no onset or recorded date");
    keep(e, std::move(a), m_out.allergies);
}

} // namespace cc::interop
