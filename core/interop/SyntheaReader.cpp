// SPDX-License-Identifier: GPL-3.0-or-later
// Synthea CSV import: six files, references resolved, numeric values through the catalogue.
#include "core/interop/SyntheaReader.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/interop/CsvFields.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/model/CodeSystem.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QDir>
#include <QFile>

#include <functional>
#include <map>

namespace cc::interop {
namespace {

using namespace model;

struct EncounterRef
{
    RowId id{};
    access::PatientId patientId{};
};

// One import in progress: the maps from Synthea ids to fresh row ids.
class SyntheaImport
{
public:
    SyntheaImport(const UnitsCatalogue& catalogue, crypto::Rng& rng) : m_catalogue(catalogue), m_rng(rng) {}

    Status patients(CsvReader& csv);
    Status encounters(CsvReader& csv);
    Status conditions(CsvReader& csv);
    Status observations(CsvReader& csv);
    Status medications(CsvReader& csv);
    Status allergies(CsvReader& csv);

    ClinicalImport result;

private:
    Result<access::PatientId> patient(const CsvFields& f, const char* column);
    Result<std::optional<RowId>> encounter(const CsvFields& f, const char* column, const access::PatientId& patientId);
    /// A new row id, and the PATIENT and ENCOUNTER references resolved (errors name line and column).
    template <typename Row> Status linkRow(const CsvFields& f, Row& row)
    {
        row.id = newRowId(m_rng);
        auto patientId = patient(f, "PATIENT");
        if (!patientId)
            return std::move(patientId).error();
        row.patientId = patientId.value();
        auto encounterId = encounter(f, "ENCOUNTER", row.patientId);
        if (!encounterId)
            return std::move(encounterId).error();
        row.encounterId = encounterId.value();
        return {};
    }
    void skip(const CsvReader& csv, const char* field, std::string reason);
    /// A stable source id for a row that has none (conditions, medications, allergies,
    /// observations): "syn-" and 32 hex digits of SHA-256 over the row's kind, patient and
    /// encounter ids, code and date, and its occurrence among identical such rows of the file, so
    /// that the same row of a later export of the same patients gets the same id (re-import).
    QString naturalId(const char* kind, const CsvFields& f, const char* dateColumn);

    const UnitsCatalogue& m_catalogue;
    crypto::Rng& m_rng;
    std::map<QString, access::PatientId> m_patients;
    std::map<QString, EncounterRef> m_encounters;
    std::map<QByteArray, int> m_occurrences;
};

QString SyntheaImport::naturalId(const char* kind, const CsvFields& f, const char* dateColumn)
{
    QByteArray natural(kind);
    for (const char* column : {"PATIENT", "ENCOUNTER", "CODE", dateColumn})
        natural.append('\n').append(f.raw(column).toUtf8());
    const int occurrence = m_occurrences[natural]++;
    natural.append('\n').append(QByteArray::number(occurrence));
    const crypto::Digest256 digest = crypto::sha256(
        {reinterpret_cast<const std::uint8_t*>(natural.constData()), static_cast<std::size_t>(natural.size())});
    return QStringLiteral("syn-") + QString::fromStdString(crypto::hexEncode(digest).substr(0, 32));
}

void SyntheaImport::skip(const CsvReader& csv, const char* field, std::string reason)
{
    result.summary.skipped.push_back(SkippedItem{csv.fileName(), csv.line(), field, std::move(reason)});
}

Result<access::PatientId> SyntheaImport::patient(const CsvFields& f, const char* column)
{
    auto key = f.text(column, limits::kIdentifier, true);
    if (!key)
        return std::move(key).error();
    const auto it = m_patients.find(key.value());
    if (it == m_patients.end())
        return f.error(column, "refers to a patient that is not in patients.csv");
    return it->second;
}

Result<std::optional<RowId>> SyntheaImport::encounter(const CsvFields& f, const char* column,
                                                      const access::PatientId& patientId)
{
    auto key = f.text(column, limits::kIdentifier, false);
    if (!key)
        return std::move(key).error();
    if (key.value().isEmpty())
        return std::optional<RowId>{};
    const auto it = m_encounters.find(key.value());
    if (it == m_encounters.end())
        return f.error(column, "refers to an encounter that is not in encounters.csv");
    if (it->second.patientId != patientId)
        return f.error(column, "refers to an encounter of another patient");
    return std::optional<RowId>{it->second.id};
}

Status SyntheaImport::patients(CsvReader& csv)
{
    CsvFields f(csv);
    CC_TRY(f.require({"Id", "BIRTHDATE", "FIRST", "LAST", "GENDER"}));
    for (;;) {
        auto more = csv.next();
        if (!more)
            return std::move(more).error();
        if (!more.value())
            return {};
        Patient p;
        p.id = newRowId<access::PatientId>(m_rng);
        CC_TRY(f.assign(p.sourceId, "Id", limits::kIdentifier, true));
        // Synthea has no MRN; its patient UUID is unique within the export.
        p.mrn = QStringLiteral("SYN-") + p.sourceId;
        CC_TRY(f.assignDate(p.birthDate, "BIRTHDATE", true, true));
        CC_TRY(f.assignDate(p.deathDate, "DEATHDATE", false, true));
        CC_TRY(f.assign(p.givenName, "FIRST", limits::kName, true));
        CC_TRY(f.assign(p.familyName, "LAST", limits::kName, true));
        CC_TRY(f.assign(p.prefix, "PREFIX", limits::kName, false));
        CC_TRY(f.assign(p.suffix, "SUFFIX", limits::kName, false));
        CC_TRY(f.assign(p.maidenName, "MAIDEN", limits::kName, false));
        CC_TRY(f.assign(p.addressLine, "ADDRESS", limits::kAddress, false));
        CC_TRY(f.assign(p.city, "CITY", limits::kAddress, false));
        CC_TRY(f.assign(p.state, "STATE", limits::kAddress, false));
        CC_TRY(f.assign(p.postalCode, "ZIP", limits::kIdentifier, false));
        const QString gender = f.raw("GENDER");
        if (gender == QLatin1String("F"))
            p.sex = Sex::Female;
        else if (gender == QLatin1String("M"))
            p.sex = Sex::Male;
        else
            return f.error("GENDER", "must be M or F");
        if (!p.deathDate.isEmpty() && p.deathDate < p.birthDate)
            return f.error("DEATHDATE", "is before the birth date");
        if (!m_patients.emplace(p.sourceId, p.id).second)
            return f.error("Id", "duplicate patient id");
        CC_TRY(f.check(p.toJson(), &Patient::fromJson));
        result.patients.push_back(std::move(p));
    }
}

Status SyntheaImport::encounters(CsvReader& csv)
{
    CsvFields f(csv);
    CC_TRY(f.require({"Id", "START", "PATIENT", "CODE", "DESCRIPTION"}));
    for (;;) {
        auto more = csv.next();
        if (!more)
            return std::move(more).error();
        if (!more.value())
            return {};
        Encounter e;
        e.id = newRowId(m_rng);
        CC_TRY(f.assign(e.sourceId, "Id", limits::kIdentifier, true));
        auto patientId = patient(f, "PATIENT");
        if (!patientId)
            return std::move(patientId).error();
        e.patientId = patientId.value();
        CC_TRY(f.assignDate(e.start, "START", true, false));
        CC_TRY(f.assignDate(e.end, "STOP", false, false));
        CC_TRY(f.assign(e.encounterClass, "ENCOUNTERCLASS", limits::kIdentifier, false));
        e.codeSystem = QString::fromLatin1(codesystem::kSnomed);
        CC_TRY(f.assignCode(e.code, "CODE", e.codeSystem, true));
        CC_TRY(f.assign(e.display, "DESCRIPTION", limits::kDisplay, true));
        CC_TRY(f.assignCode(e.reasonCode, "REASONCODE", QString::fromLatin1(codesystem::kSnomed), false));
        CC_TRY(f.assign(e.reasonDisplay, "REASONDESCRIPTION", limits::kDisplay, false));
        if (!m_encounters.emplace(e.sourceId, EncounterRef{e.id, e.patientId}).second)
            return f.error("Id", "duplicate encounter id");
        CC_TRY(f.check(e.toJson(), &Encounter::fromJson));
        result.encounters.push_back(std::move(e));
    }
}

Status SyntheaImport::conditions(CsvReader& csv)
{
    CsvFields f(csv);
    CC_TRY(f.require({"START", "PATIENT", "CODE", "DESCRIPTION"}));
    for (;;) {
        auto more = csv.next();
        if (!more)
            return std::move(more).error();
        if (!more.value())
            return {};
        Condition c;
        CC_TRY(linkRow(f, c));
        c.sourceId = naturalId("condition", f, "START");
        CC_TRY(f.assignSystem(c.codeSystem, "SYSTEM", codesystem::kSnomed));
        CC_TRY(f.assignCode(c.code, "CODE", c.codeSystem, true));
        CC_TRY(f.assign(c.display, "DESCRIPTION", limits::kDisplay, true));
        CC_TRY(f.assignDate(c.onset, "START", true, false));
        CC_TRY(f.assignDate(c.abatement, "STOP", false, false));
        CC_TRY(f.check(c.toJson(), &Condition::fromJson));
        result.conditions.push_back(std::move(c));
    }
}

Status SyntheaImport::medications(CsvReader& csv)
{
    CsvFields f(csv);
    CC_TRY(f.require({"START", "PATIENT", "CODE", "DESCRIPTION"}));
    for (;;) {
        auto more = csv.next();
        if (!more)
            return std::move(more).error();
        if (!more.value())
            return {};
        Medication m;
        CC_TRY(linkRow(f, m));
        m.sourceId = naturalId("medication", f, "START");
        CC_TRY(f.assignCode(m.code, "CODE", QString::fromLatin1(codesystem::kRxNorm), true));
        CC_TRY(f.assign(m.display, "DESCRIPTION", limits::kDisplay, true));
        CC_TRY(f.assignDate(m.start, "START", true, false));
        CC_TRY(f.assignDate(m.stop, "STOP", false, false));
        CC_TRY(f.assignCode(m.reasonCode, "REASONCODE", QString::fromLatin1(codesystem::kSnomed), false));
        CC_TRY(f.assign(m.reasonDisplay, "REASONDESCRIPTION", limits::kDisplay, false));
        auto dispenses = f.integer("DISPENSES", 0, 1000000);
        if (!dispenses)
            return std::move(dispenses).error();
        m.dispenses = dispenses.value();
        CC_TRY(f.check(m.toJson(), &Medication::fromJson));
        result.medications.push_back(std::move(m));
    }
}

Status SyntheaImport::allergies(CsvReader& csv)
{
    CsvFields f(csv);
    CC_TRY(f.require({"START", "PATIENT", "CODE", "DESCRIPTION"}));
    for (;;) {
        auto more = csv.next();
        if (!more)
            return std::move(more).error();
        if (!more.value())
            return {};
        Allergy a;
        CC_TRY(linkRow(f, a));
        a.sourceId = naturalId("allergy", f, "START");
        CC_TRY(f.assignSystem(a.codeSystem, "SYSTEM", codesystem::kSnomed));
        CC_TRY(f.assignCode(a.code, "CODE", a.codeSystem, true));
        CC_TRY(f.assign(a.display, "DESCRIPTION", limits::kDisplay, true));
        CC_TRY(f.assignDate(a.start, "START", true, false));
        CC_TRY(f.assignDate(a.stop, "STOP", false, false));
        a.type = f.raw("TYPE").toLower();
        a.category = f.raw("CATEGORY").toLower();
        for (const char* n : {"1", "2"}) {
            Allergy::Reaction reaction;
            const std::string code = std::string("REACTION") + n;
            const std::string display = std::string("DESCRIPTION") + n;
            const std::string severity = std::string("SEVERITY") + n;
            CC_TRY(f.assignCode(reaction.code, code.c_str(), QString::fromLatin1(codesystem::kSnomed), false));
            if (reaction.code.isEmpty())
                continue;
            CC_TRY(f.assign(reaction.display, display.c_str(), limits::kDisplay, true));
            reaction.severity = f.raw(severity.c_str()).toLower();
            a.reactions.push_back(reaction);
        }
        CC_TRY(f.check(a.toJson(), &Allergy::fromJson));
        result.allergies.push_back(std::move(a));
    }
}

Status SyntheaImport::observations(CsvReader& csv)
{
    CsvFields f(csv);
    CC_TRY(f.require({"DATE", "PATIENT", "CODE", "DESCRIPTION", "VALUE", "UNITS", "TYPE"}));
    for (;;) {
        auto more = csv.next();
        if (!more)
            return std::move(more).error();
        if (!more.value())
            return {};
        Observation o;
        CC_TRY(linkRow(f, o));
        o.sourceId = naturalId("observation", f, "DATE");
        CC_TRY(f.assignDate(o.effective, "DATE", true, false));
        if (!isIsoDateTime(o.effective))
            return f.error("DATE", "is not an ISO 8601 date-time with a zone");
        CC_TRY(f.assign(o.code, "CODE", limits::kIdentifier, true));
        // LOINC codes have a dash and a check digit; Synthea's own QALY, DALY, QOLS are letters.
        o.codeSystem = QString::fromLatin1(o.code.contains(u'-') ? codesystem::kLoinc : codesystem::kSynthea);
        if (!isValidCode(o.codeSystem, o.code))
            return f.error("CODE", "is neither a valid LOINC code nor a Synthea code");
        CC_TRY(f.assign(o.display, "DESCRIPTION", limits::kDisplay, true));
        CC_TRY(f.assign(o.category, "CATEGORY", limits::kIdentifier, false));
        const QString type = f.raw("TYPE");
        if (type == QLatin1String("numeric")) {
            // A row that is well formed CSV but whose value cannot be stored is listed with its
            // reason and the rest of the folder kept: not a number, no unit, a unit that is not
            // UCUM, a catalogued value outside its plausible range. A code or unit the catalogue
            // does not hold is stored as given (generic layout) and counted in the summary.
            auto number = f.number("VALUE");
            if (!number) {
                skip(csv, "VALUE", number.error().message);
                continue;
            }
            const QString unit = f.raw("UNITS");
            auto accepted = m_catalogue.accept(o.code, number.value(), unit);
            if (!accepted) {
                const Error& e = accepted.error();
                skip(csv, e.field == "unit" ? "UNITS" : "VALUE", e.message);
                continue;
            }
            o.value = accepted.value().value;
            o.unit = accepted.value().unit;
            if (!accepted.value().catalogued())
                result.summary.noteUncatalogued(o.code, o.unit, accepted.value().encoded.has_value(),
                                                SkippedItem{csv.fileName(), csv.line(), "VALUE",
                                                            o.code.toStdString() + " " +
                                                                f.raw("VALUE").left(32).toStdString() + " " +
                                                                o.unit.toStdString() +
                                                                " is outside the generic range: stored without a "
                                                                "Paillier value"});
        } else if (type == QLatin1String("text")) {
            CC_TRY(f.assign(o.text, "VALUE", limits::kText, false));
            if (o.text.isEmpty()) {
                skip(csv, "VALUE", "text observation " + o.code.toStdString() + " has an empty value");
                continue;
            }
        } else {
            skip(csv, "TYPE", "observation type \"" + type.left(32).toStdString() + "\" is not imported");
            continue;
        }
        CC_TRY(f.check(o.toJson(), &Observation::fromJson));
        result.observations.push_back(std::move(o));
    }
}

} // namespace

SyntheaReader::SyntheaReader(const UnitsCatalogue& catalogue, crypto::Rng& rng, qsizetype maxFieldBytes)
    : m_catalogue(catalogue), m_rng(rng), m_maxFieldBytes(maxFieldBytes)
{}

Result<ClinicalImport> SyntheaReader::readFolder(const QString& folder) const
{
    SyntheaImport import(m_catalogue, m_rng);
    using Step = Status (SyntheaImport::*)(CsvReader&);
    // Order matters: references point to patients and encounters read before.
    const std::pair<const char*, Step> steps[] = {
        {"patients", &SyntheaImport::patients},       {"encounters", &SyntheaImport::encounters},
        {"conditions", &SyntheaImport::conditions},   {"observations", &SyntheaImport::observations},
        {"medications", &SyntheaImport::medications}, {"allergies", &SyntheaImport::allergies},
    };
    for (const auto& [name, step] : steps) {
        const QString fileName = QString::fromLatin1(name) + QStringLiteral(".csv");
        QFile file(QDir(folder).filePath(fileName));
        if (!file.exists())
            return Error{ErrorCode::NotFound,
                         "the Synthea folder has no " + fileName.toStdString(),
                         fileName.toStdString(),
                         0,
                         {}};
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::StorageError, "cannot open the file", fileName.toStdString(), 0, {}};
        CsvReader csv(file, fileName, m_maxFieldBytes);
        CC_TRY(csv.readHeader());
        CC_TRY((import.*step)(csv));
    }
    ImportSummary& s = import.result.summary;
    s.counts["patients"] = import.result.patients.size();
    s.counts["encounters"] = import.result.encounters.size();
    s.counts["conditions"] = import.result.conditions.size();
    s.counts["observations"] = import.result.observations.size();
    s.counts["medications"] = import.result.medications.size();
    s.counts["allergies"] = import.result.allergies.size();
    return std::move(import.result);
}

} // namespace cc::interop
