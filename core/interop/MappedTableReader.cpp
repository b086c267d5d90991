// SPDX-License-Identifier: GPL-3.0-or-later
// Mapped table import: patients by id column, one observation per non-empty measured cell.
#include "core/interop/MappedTableReader.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/interop/CsvFields.h"
#include "core/interop/CsvReader.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/model/CodeSystem.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <map>

namespace cc::interop {
namespace {

using namespace model;

/// A patient read so far: where it is in the import and what its first row said.
struct SeenPatient
{
    std::size_t index = 0;
    long line = 0;
};

/// A date cell or fixed date as an instant: a date-time as written, a date at 12:00 UTC (the
/// same calendar date in every zone from UTC-12 to UTC+11).
std::optional<QDateTime> instantOf(const QString& text)
{
    if (isIsoDate(text))
        return QDateTime(QDate::fromString(text, Qt::ISODate), QTime(12, 0), Qt::UTC);
    if (isIsoDateTime(text))
        return parseIsoInstant(text);
    return std::nullopt;
}

/// One table being read.
class TableImport
{
public:
    TableImport(const TableMapping& mapping, const UnitsCatalogue& catalogue, crypto::Rng& rng, CsvReader& csv)
        : m_map(mapping), m_catalogue(catalogue), m_rng(rng), m_csv(csv)
    {}

    Status resolveColumns();
    Status row();

    ClinicalImport result;
    std::size_t emptyCells = 0;

private:
    /// The column index of `name` (resolveColumns() checked it exists).
    [[nodiscard]] int col(const QString& name) const { return m_csv.column(name); }
    [[nodiscard]] const QString& cell(const QString& name) const { return m_csv.field(col(name)); }
    [[nodiscard]] QString valueOf(const MappedValue& v) const { return v.fromColumn() ? cell(v.column) : v.value; }
    void skip(const QString& column, std::string reason)
    {
        result.summary.skipped.push_back(
            SkippedItem{m_csv.fileName(), m_csv.line(), column.toStdString(), std::move(reason)});
    }
    /// The row's patient, created on its first row; nullopt (and the row listed) if the row's
    /// identity cannot be read or contradicts the patient's first row.
    std::optional<access::PatientId> patient();
    std::optional<QDateTime> baseline();
    void measurement(const MappedMeasurement& m, const access::PatientId& patient,
                     const std::optional<QDateTime>& base);
    QString naturalId(const QString& patientId, const MappedMeasurement& m, const QString& code,
                      const QString& effective);

    const TableMapping& m_map;
    const UnitsCatalogue& m_catalogue;
    crypto::Rng& m_rng;
    CsvReader& m_csv;
    std::map<QString, SeenPatient> m_patients;
    std::map<QByteArray, int> m_occurrences;
};

Status TableImport::resolveColumns()
{
    for (const auto& [field, column] : m_map.columns())
        if (m_csv.column(column) < 0)
            return malformed("names the column \"" + column.left(64).toStdString() +
                                 "\", which the table's header lacks",
                             m_csv.fileName().toStdString(), 1, field.toStdString());
    return {};
}

std::optional<access::PatientId> TableImport::patient()
{
    const QString id = cell(m_map.idColumn);
    if (id.isEmpty()) {
        skip(m_map.idColumn, "the patient id is empty: the row is not imported");
        return std::nullopt;
    }
    Patient p;
    p.mrn = m_map.mrnPrefix + id;
    p.sourceId = m_map.source + u':' + id;
    if (static_cast<std::size_t>(p.mrn.toUtf8().size()) > limits::kIdentifier ||
        static_cast<std::size_t>(p.sourceId.toUtf8().size()) > limits::kIdentifier) {
        skip(m_map.idColumn, "the patient id is too long for an MRN (64 bytes with the prefix)");
        return std::nullopt;
    }
    if (m_map.sex.fromColumn()) {
        const QString token = cell(m_map.sex.column);
        const auto it = m_map.sexMap.find(token);
        if (it == m_map.sexMap.end()) {
            skip(m_map.sex.column, "the value \"" + token.left(16).toStdString() +
                                       "\" is not in the mapping's sex map: the row is not imported");
            return std::nullopt;
        }
        p.sex = it->second;
    } else {
        for (Sex s : {Sex::Female, Sex::Male, Sex::Other, Sex::Unknown})
            if (sexToken(s) == m_map.sex.value)
                p.sex = s;
    }
    if (m_map.birthDate) {
        p.birthDate = valueOf(*m_map.birthDate);
        if (!isIsoDate(p.birthDate)) {
            skip(m_map.birthDate->column, "the birth date is not an ISO 8601 date: the row is not imported");
            return std::nullopt;
        }
    } else {
        // Age in whole years at a reference date: the birth date is that date minus the age, an
        // estimate within a year (docs/CLINICAL_DATA.md).
        bool ok = false;
        const int age = cell(m_map.ageColumn).toInt(&ok);
        if (!ok || age < 0 || age > 150) {
            skip(m_map.ageColumn, "the age is not a whole number of years from 0 to 150: the row is not imported");
            return std::nullopt;
        }
        const auto at = instantOf(valueOf(m_map.ageAt));
        if (!at) {
            skip(m_map.ageAt.fromColumn() ? m_map.ageAt.column : m_map.ageColumn,
                 "the age's reference date is not an ISO 8601 date: the row is not imported");
            return std::nullopt;
        }
        p.birthDate = at->date().addYears(-age).toString(Qt::ISODate);
    }
    const auto found = m_patients.find(id);
    if (found != m_patients.end()) {
        // Later rows of a patient (long tables) must not contradict the first one.
        const Patient& first = result.patients[found->second.index];
        const std::string where = " differs from line " + std::to_string(found->second.line) +
                                  " for the same patient id: the row is not imported";
        if (first.sex != p.sex) {
            skip(m_map.sex.column, "the sex" + where);
            return std::nullopt;
        }
        if (m_map.birthDate && first.birthDate != p.birthDate) {
            skip(m_map.birthDate->column, "the birth date" + where);
            return std::nullopt;
        }
        return first.id;
    }
    p.givenName = valueOf(m_map.givenName);
    p.familyName = valueOf(m_map.familyName);
    if (auto decoded = Patient::fromJson(p.toJson()); !decoded) {
        const Error& e = decoded.error();
        const QString column = e.field == "patient.givenName"    ? m_map.givenName.column
                               : e.field == "patient.familyName" ? m_map.familyName.column
                                                                 : m_map.idColumn;
        skip(column, e.field + ": " + e.message + ": the row is not imported");
        return std::nullopt;
    }
    p.id = newRowId<access::PatientId>(m_rng);
    m_patients.emplace(id, SeenPatient{result.patients.size(), m_csv.line()});
    result.patients.push_back(p);
    return p.id;
}

std::optional<QDateTime> TableImport::baseline()
{
    if (!m_map.baseline)
        return std::nullopt;
    return instantOf(valueOf(*m_map.baseline));
}

QString TableImport::naturalId(const QString& patientId, const MappedMeasurement& m, const QString& code,
                               const QString& effective)
{
    QByteArray natural("table");
    for (const QString& part : {m_map.source, patientId, m.column, code, effective})
        natural.append('\n').append(part.toUtf8());
    const int occurrence = m_occurrences[natural]++;
    natural.append('\n').append(QByteArray::number(occurrence));
    const crypto::Digest256 digest = crypto::sha256(
        {reinterpret_cast<const std::uint8_t*>(natural.constData()), static_cast<std::size_t>(natural.size())});
    return QStringLiteral("tab-") + QString::fromStdString(crypto::hexEncode(digest).substr(0, 32));
}

void TableImport::measurement(const MappedMeasurement& m, const access::PatientId& patient,
                              const std::optional<QDateTime>& base)
{
    const QString raw = cell(m.column);
    if (raw.isEmpty()) {
        ++emptyCells;
        return;
    }
    const auto number = parseDecimal(raw);
    if (!number) {
        skip(m.column, "\"" + raw.left(32).toStdString() + "\" is not a number");
        return;
    }
    Observation o;
    o.patientId = patient;
    o.codeSystem = QString::fromLatin1(codesystem::kLoinc);
    o.code = valueOf(m.code);
    if (!isValidCode(o.codeSystem, o.code)) {
        skip(m.code.column, "\"" + o.code.left(16).toStdString() + "\" is not a valid LOINC code");
        return;
    }
    const QString unit = valueOf(m.unit);
    auto accepted = m_catalogue.accept(o.code, *number, unit);
    if (!accepted) {
        const Error& e = accepted.error();
        skip(e.field == "unit" && m.unit.fromColumn() ? m.unit.column : m.column, e.message);
        return;
    }

    // When: a date cell, or the baseline plus a fixed or per-row offset.
    std::optional<QDateTime> when;
    if (!m.time.dateColumn.isEmpty()) {
        when = instantOf(cell(m.time.dateColumn));
        if (!when) {
            skip(m.time.dateColumn, "is not an ISO 8601 date or date-time with a zone");
            return;
        }
        if (isIsoDateTime(cell(m.time.dateColumn)))
            o.effective = cell(m.time.dateColumn); // as written, with its zone
    } else {
        qint64 days = m.time.fixedDays;
        if (!m.time.offsetColumn.isEmpty()) {
            bool ok = false;
            const qint64 n = cell(m.time.offsetColumn).toLongLong(&ok);
            const qint64 limit = TableMapping::kMaxOffsetDays / m.time.offsetUnitDays;
            if (!ok || n < -limit || n > limit) {
                skip(m.time.offsetColumn, "the offset is not a whole number from " + std::to_string(-limit) + " to " +
                                              std::to_string(limit));
                return;
            }
            days = n * m.time.offsetUnitDays;
        }
        when = base->addDays(days);
    }
    if (o.effective.isEmpty())
        o.effective = when->toString(Qt::ISODate);

    const QString display = valueOf(m.display);
    o.display = !display.isEmpty()              ? display
                : accepted.value().catalogued() ? accepted.value().definition->display
                                                : o.code;
    o.category = m.category;
    o.value = accepted.value().value;
    o.unit = accepted.value().unit;
    o.sourceId = naturalId(cell(m_map.idColumn), m, o.code, o.effective);
    if (auto decoded = Observation::fromJson(o.toJson()); !decoded) {
        skip(m.column, decoded.error().field + ": " + decoded.error().message);
        return;
    }
    if (!accepted.value().catalogued())
        result.summary.noteUncatalogued(o.code, o.unit, accepted.value().encoded.has_value(),
                                        SkippedItem{m_csv.fileName(), m_csv.line(), m.column.toStdString(),
                                                    o.code.toStdString() + " " + raw.left(32).toStdString() + " " +
                                                        o.unit.toStdString() +
                                                        " is outside the generic range: stored without a "
                                                        "Paillier value"});
    o.id = newRowId(m_rng);
    result.observations.push_back(std::move(o));
}

Status TableImport::row()
{
    const auto patientId = patient();
    if (!patientId)
        return {};
    const auto base = baseline();
    if (m_map.baseline && !base) {
        skip(m_map.baseline->column, "the baseline date is not an ISO 8601 date or date-time with a zone: the row's "
                                     "measurements are not imported");
        return {};
    }
    for (const auto& m : m_map.measurements)
        measurement(m, *patientId, base);
    return {};
}

} // namespace

MappedTableReader::MappedTableReader(const UnitsCatalogue& catalogue, crypto::Rng& rng)
    : m_catalogue(catalogue), m_rng(rng)
{}

Result<ClinicalImport> MappedTableReader::readFile(const QString& path, const TableMapping& mapping,
                                                   std::size_t maxRows) const
{
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    CC_TRY(openForReading(file, fileName));
    CsvReader csv(file, fileName);
    CC_TRY(csv.readHeader());
    TableImport import(mapping, m_catalogue, m_rng, csv);
    CC_TRY(import.resolveColumns());
    std::size_t rows = 0;
    while (maxRows == 0 || rows < maxRows) {
        auto more = csv.next();
        if (!more)
            return std::move(more).error();
        if (!more.value())
            break;
        ++rows;
        CC_TRY(import.row());
    }
    ImportSummary& s = import.result.summary;
    s.counts["rows"] = rows;
    s.counts["empty cells"] = import.emptyCells;
    s.counts["patients"] = import.result.patients.size();
    s.counts["observations"] = import.result.observations.size();
    return std::move(import.result);
}

} // namespace cc::interop
