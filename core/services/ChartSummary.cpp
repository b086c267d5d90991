// SPDX-License-Identifier: GPL-3.0-or-later
// The chart summary's clinical rules (docs/GUI.md "Summary"): categories, current entries, flags.
#include "core/services/ChartSummary.h"

#include "core/model/IsoDateTime.h"

#include <algorithm>
#include <array>
#include <map>

namespace cc::services {

namespace {

using model::Sex;

/// Adult reference intervals in the catalogue's canonical units (core/interop/UnitsTable.cpp).
/// Sources: the "Normal results" sections of the MedlinePlus Medical Encyclopedia test pages
/// (https://medlineplus.gov/ency/: basic and comprehensive metabolic panels, complete blood count,
/// hemoglobin, hematocrit, blood glucose, HbA1c, lipid panel, CD4 count, vital signs), the 2017
/// ACC/AHA blood pressure guideline (stage 1 hypertension from 130/80, so a systolic above 129 or a
/// diastolic above 79 is flagged), the WHO adult BMI classes (18.5 to 24.9) and KDIGO 2012 for the
/// eGFR (below 60 is decreased). Laboratories publish slightly different intervals and a clinic's
/// own take precedence; these are adult intervals, not paediatric ones.
const std::vector<ReferenceRange>& ranges()
{
    static const std::vector<ReferenceRange> table = [] {
        const auto r = [](const char* code, const char* unit, std::optional<double> low, std::optional<double> high,
                          Sex sex = Sex::Unknown) {
            return ReferenceRange{QString::fromLatin1(code), QString::fromLatin1(unit), low, high, sex};
        };
        return std::vector<ReferenceRange>{
            // Vital signs.
            r("8480-6", "mm[Hg]", 90, 129),
            r("8462-4", "mm[Hg]", 60, 79),
            r("8867-4", "/min", 60, 100),
            r("9279-1", "/min", 12, 20),
            r("8310-5", "Cel", 36.1, 37.2),
            r("2708-6", "%", 95, 100),
            r("39156-5", "kg/m2", 18.5, 24.9),
            // Chemistry.
            r("2339-0", "mg/dL", 70, 99),
            r("15074-8", "mmol/L", 3.9, 5.5),
            r("4548-4", "%", std::nullopt, 5.6),
            r("2093-3", "mg/dL", std::nullopt, 199),
            r("2085-9", "mg/dL", 40, std::nullopt),
            r("18262-6", "mg/dL", std::nullopt, 99),
            r("13457-7", "mg/dL", std::nullopt, 99),
            r("2571-8", "mg/dL", std::nullopt, 149),
            r("6299-2", "mg/dL", 6, 20),
            r("38483-4", "mg/dL", 0.6, 1.3),
            r("49765-1", "mg/dL", 8.5, 10.2),
            r("2947-0", "mmol/L", 135, 145),
            r("6298-4", "mmol/L", 3.7, 5.2),
            r("2069-3", "mmol/L", 96, 106),
            r("20565-8", "mmol/L", 23, 29),
            r("1963-8", "mmol/L", 23, 29),
            r("33914-3", "mL/min", 60, std::nullopt),
            r("48643-1", "mL/min/{1.73_m2}", 60, std::nullopt),
            r("48642-3", "mL/min/{1.73_m2}", 60, std::nullopt),
            r("2885-2", "g/dL", 6.0, 8.3),
            r("1751-7", "g/dL", 3.4, 5.4),
            r("1975-2", "mg/dL", 0.1, 1.2),
            r("6768-6", "U/L", 44, 147),
            r("1742-6", "U/L", 7, 56),
            r("1920-8", "U/L", 10, 40),
            // Haematology.
            r("6690-2", "10*3/uL", 4.5, 11.0),
            r("789-8", "10*6/uL", 4.7, 6.1, Sex::Male),
            r("789-8", "10*6/uL", 4.2, 5.4, Sex::Female),
            r("718-7", "g/dL", 13.8, 17.2, Sex::Male),
            r("718-7", "g/dL", 12.1, 15.1, Sex::Female),
            r("4544-3", "%", 40.7, 50.3, Sex::Male),
            r("4544-3", "%", 36.1, 44.3, Sex::Female),
            r("787-2", "fL", 80, 100),
            r("785-6", "pg", 27, 31),
            r("786-4", "g/dL", 32, 36),
            r("777-3", "10*3/uL", 150, 400),
            r("24467-3", "/uL", 500, 1200),
        };
    }();
    return table;
}

/// SNOMED CT social-history findings that Synthea's social-determinants modules record (they
/// carry the semantic tag "(finding)" like clinical findings, so the tag alone cannot separate
/// them): employment, education, social contact, housing, violence, criminal record.
constexpr std::array<const char*, 18> kSocialFindings = {
    "160903007",     // Full-time employment
    "160904001",     // Part-time employment
    "741062008",     // Not in labor force
    "73438004",      // Unemployed
    "423315002",     // Limited social contact
    "422650009",     // Social isolation
    "706893006",     // Victim of intimate partner abuse
    "5251000175109", // Received certificate of high school equivalency
    "224299000",     // Received higher education
    "224295006",     // Only received primary school education
    "473461003",     // Educated to high school level
    "266948004",     // Has a criminal record
    "160968000",     // Risk activity involvement
    "105531004",     // Housing unsatisfactory
    "32911000",      // Homeless
    "713458007",     // Lack of access to transportation
    "424393004",     // Reports of violence in the environment
    "446654005",     // Refugee
};

/// The semantic tag at the end of a SNOMED CT display, lower-case ("disorder"), or empty.
QString semanticTag(const QString& display)
{
    const QString text = display.trimmed();
    if (!text.endsWith(QLatin1Char(')')))
        return {};
    const qsizetype open = text.lastIndexOf(QLatin1Char('('));
    if (open < 0)
        return {};
    return text.mid(open + 1, text.size() - open - 2).trimmed().toLower();
}

bool later(const QString& a, const QString& b)
{
    const auto ta = model::parseIsoInstant(a);
    const auto tb = model::parseIsoInstant(b);
    if (ta && tb)
        return *ta > *tb;
    return a > b;
}

std::vector<FlaggedObservation> latestOf(const PatientChart& chart, const QString& category)
{
    std::map<QString, const model::Observation*> latest;
    for (const auto& o : chart.observations) {
        if (o.category != category || !o.value)
            continue;
        auto& slot = latest[o.code];
        if (slot == nullptr || later(o.effective, slot->effective))
            slot = &o;
    }
    std::vector<FlaggedObservation> out;
    for (const auto& [code, o] : latest) {
        FlaggedObservation f;
        f.observation = *o;
        f.flag = flagObservation(*o, chart.patient.sex, &f.range);
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace

ProblemCategory problemCategory(const model::Condition& condition)
{
    const QString tag = semanticTag(condition.display);
    if (tag == QLatin1String("finding")) {
        for (const char* code : kSocialFindings)
            if (condition.code == QLatin1String(code))
                return ProblemCategory::Social;
        return ProblemCategory::Finding;
    }
    if (tag == QLatin1String("situation") || tag == QLatin1String("event") || tag == QLatin1String("procedure"))
        return ProblemCategory::History;
    if (tag == QLatin1String("social concept") || tag == QLatin1String("person") ||
        tag == QLatin1String("occupation") || tag == QLatin1String("record artifact"))
        return ProblemCategory::Social;
    return ProblemCategory::Diagnosis; // "(disorder)", "(morphologic abnormality)", no tag, ICD-10
}

bool isActiveProblem(const model::Condition& condition)
{
    if (!condition.abatement.isEmpty())
        return false;
    const QString& s = condition.clinicalStatus;
    return s.isEmpty() || s == QLatin1String("active") || s == QLatin1String("recurrence") ||
           s == QLatin1String("relapse");
}

bool isCurrentMedication(const model::Medication& medication)
{
    if (!medication.stop.isEmpty())
        return false;
    const QString& s = medication.status;
    return s.isEmpty() || s == QLatin1String("active") || s == QLatin1String("on-hold");
}

bool isActiveAllergy(const model::Allergy& allergy)
{
    return allergy.stop.isEmpty();
}

std::optional<int> ageInYears(const QString& birthDate, const QDate& at)
{
    const QDate born = QDate::fromString(birthDate.left(10), Qt::ISODate);
    if (!born.isValid() || !at.isValid() || at < born)
        return std::nullopt;
    int years = at.year() - born.year();
    if (at.month() < born.month() || (at.month() == born.month() && at.day() < born.day()))
        --years;
    return years;
}

const ReferenceRange* referenceRange(const QString& code, model::Sex sex)
{
    const ReferenceRange* general = nullptr;
    for (const auto& r : ranges()) {
        if (r.code != code)
            continue;
        if (r.sex == sex && sex != Sex::Unknown)
            return &r;
        if (r.sex == Sex::Unknown)
            general = &r;
    }
    return general;
}

ObservationFlag flagObservation(const model::Observation& observation, model::Sex sex, const ReferenceRange** range)
{
    const ReferenceRange* r = referenceRange(observation.code, sex);
    if (range != nullptr)
        *range = r;
    if (r == nullptr || !observation.value || observation.unit != r->unit)
        return ObservationFlag::NoRange;
    if (r->low && *observation.value < *r->low)
        return ObservationFlag::Low;
    if (r->high && *observation.value > *r->high)
        return ObservationFlag::High;
    return ObservationFlag::Normal;
}

ChartSummary summarizeChart(const PatientChart& chart, const QDate& today, std::size_t encounters)
{
    ChartSummary s;
    const QDate died = QDate::fromString(chart.patient.deathDate.left(10), Qt::ISODate);
    s.ageYears = ageInYears(chart.patient.birthDate, died.isValid() ? died : today);

    for (const auto& c : chart.conditions)
        if (isActiveProblem(c))
            s.activeProblems.push_back({c, problemCategory(c)});
    std::stable_sort(s.activeProblems.begin(), s.activeProblems.end(),
                     [](const SummaryProblem& a, const SummaryProblem& b) {
                         if (a.category != b.category)
                             return a.category < b.category;
                         return later(a.condition.onset, b.condition.onset);
                     });
    for (const auto& m : chart.medications)
        if (isCurrentMedication(m))
            s.currentMedications.push_back(m);
    std::stable_sort(s.currentMedications.begin(), s.currentMedications.end(),
                     [](const model::Medication& a, const model::Medication& b) { return later(a.start, b.start); });
    for (const auto& a : chart.allergies)
        if (isActiveAllergy(a))
            s.allergies.push_back(a);
    s.latestVitals = latestOf(chart, QStringLiteral("vital-signs"));
    s.latestLabs = latestOf(chart, QStringLiteral("laboratory"));
    s.lastEncounters = chart.encounters;
    std::stable_sort(s.lastEncounters.begin(), s.lastEncounters.end(),
                     [](const model::Encounter& a, const model::Encounter& b) { return later(a.start, b.start); });
    if (s.lastEncounters.size() > encounters)
        s.lastEncounters.resize(encounters);
    return s;
}

} // namespace cc::services
