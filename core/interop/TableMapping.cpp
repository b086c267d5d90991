// SPDX-License-Identifier: GPL-3.0-or-later
// Strict reading of a table mapping file: every field known, typed and checked, errors naming it.
#include "core/interop/TableMapping.h"

#include "core/interop/CsvReader.h"
#include "core/interop/Ucum.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/model/CodeSystem.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <set>

namespace cc::interop {
namespace {

using model::Sex;

/// The version this reader understands, in the required field "cipherchartTableMapping".
constexpr int kVersion = 1;

/// Reads one JSON object of the mapping, naming fields by their path.
class Fields
{
public:
    Fields(const QJsonObject& object, QString path, const std::string& file)
        : m_object(object), m_path(std::move(path)), m_file(file)
    {}

    /// MalformedInput about `key` of this object.
    [[nodiscard]] Error error(const QString& key, const std::string& message) const
    {
        return malformed(message, m_file, 0, name(key).toStdString());
    }
    [[nodiscard]] QString name(const QString& key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }
    [[nodiscard]] bool has(const QString& key) const { return m_object.contains(key); }

    /// Refuses keys outside `known`.
    [[nodiscard]] Status only(std::initializer_list<const char*> known) const
    {
        std::set<QString> names;
        for (const char* k : known)
            names.insert(QString::fromLatin1(k));
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (names.count(it.key()) == 0)
                return error(it.key().left(64), "is not a field of this mapping version");
        return {};
    }

    /// A string of 1..maxBytes UTF-8 bytes; nullopt if absent and not `required`.
    [[nodiscard]] Result<std::optional<QString>> string(const QString& key, bool required,
                                                        std::size_t maxBytes = model::limits::kIdentifier) const
    {
        if (!has(key)) {
            if (required)
                return error(key, "is required");
            return std::optional<QString>{};
        }
        const QJsonValue v = m_object.value(key);
        if (!v.isString())
            return error(key, "must be a string");
        const QString s = v.toString();
        if (s.isEmpty())
            return error(key, "must not be empty");
        if (static_cast<std::size_t>(s.toUtf8().size()) > maxBytes)
            return error(key, "is longer than " + std::to_string(maxBytes) + " bytes");
        return std::optional<QString>{s};
    }

    /// An object; nullopt if absent and not `required`.
    [[nodiscard]] Result<std::optional<Fields>> object(const QString& key, bool required) const
    {
        if (!has(key)) {
            if (required)
                return error(key, "is required");
            return std::optional<Fields>{};
        }
        const QJsonValue v = m_object.value(key);
        if (!v.isObject())
            return error(key, "must be an object");
        return std::optional<Fields>{Fields(v.toObject(), name(key), m_file)};
    }

    /// An integer within [lo, hi].
    [[nodiscard]] Result<qint64> integer(const QString& key, qint64 lo, qint64 hi) const
    {
        const QJsonValue v = m_object.value(key);
        const double d = v.toDouble();
        // The range first: converting a double outside qint64's range is undefined (a fuzz finding).
        if (!v.isDouble() || !(d >= static_cast<double>(lo) && d <= static_cast<double>(hi)) || d != std::floor(d))
            return error(key, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
        return static_cast<qint64>(d);
    }

    [[nodiscard]] const QJsonObject& json() const { return m_object; }
    [[nodiscard]] const QString& path() const { return m_path; }

private:
    QJsonObject m_object;
    QString m_path;
    std::string m_file;
};

/// A value source: {"column": NAME} or {"value": TEXT}; with `allowValue` false only a column.
Result<MappedValue> valueSpec(const Fields& parent, const QString& key, bool allowValue,
                              std::size_t maxValueBytes = model::limits::kIdentifier)
{
    auto spec = parent.object(key, true);
    CC_TRY(spec);
    const Fields& f = **spec;
    CC_TRY(allowValue ? f.only({"column", "value"}) : f.only({"column"}));
    if (f.has(QStringLiteral("column")) == f.has(QStringLiteral("value")))
        return parent.error(key, allowValue ? "needs exactly one of \"column\" and \"value\"" : "needs \"column\"");
    MappedValue out;
    if (f.has(QStringLiteral("column"))) {
        auto column = f.string(QStringLiteral("column"), true, model::limits::kName);
        CC_TRY(column);
        out.column = **column;
    } else {
        auto value = f.string(QStringLiteral("value"), true, maxValueBytes);
        CC_TRY(value);
        out.value = **value;
    }
    return out;
}

/// An ISO date or date-time with a zone, as a fixed value of the mapping.
Status checkFixedDate(const Fields& parent, const QString& key, const MappedValue& v)
{
    if (!v.fromColumn() && !model::isIsoDate(v.value) && !model::isIsoDateTime(v.value))
        return parent.error(key + QStringLiteral(".value"), "is not an ISO 8601 date or date-time with a zone");
    return {};
}

Result<Sex> sexFromToken(const Fields& f, const QString& key, const QString& token)
{
    for (Sex s : {Sex::Female, Sex::Male, Sex::Other, Sex::Unknown})
        if (model::sexToken(s) == token)
            return s;
    return f.error(key, "must be one of female, male, other, unknown");
}

Status readPatient(const Fields& root, TableMapping& m)
{
    auto p = root.object(QStringLiteral("patient"), true);
    CC_TRY(p);
    const Fields& f = **p;
    CC_TRY(f.only({"id", "mrnPrefix", "givenName", "familyName", "sex", "birthDate", "age"}));
    auto id = f.string(QStringLiteral("id"), true, model::limits::kName);
    CC_TRY(id);
    m.idColumn = **id;
    auto prefix = f.string(QStringLiteral("mrnPrefix"), false, 32);
    CC_TRY(prefix);
    m.mrnPrefix = prefix->value_or(m.source.toUpper() + u'-');
    for (const auto& [key, target, fallback] :
         {std::tuple<const char*, MappedValue*, MappedValue>{"givenName", &m.givenName, MappedValue{{}, m.source}},
          {"familyName", &m.familyName, MappedValue{m.idColumn, {}}}}) {
        if (!f.has(QString::fromLatin1(key))) {
            *target = fallback;
            continue;
        }
        auto v = valueSpec(f, QString::fromLatin1(key), true, model::limits::kName);
        CC_TRY(v);
        *target = *v;
    }

    // Sex: a fixed token, or a column with a map from its cells to tokens.
    auto sex = f.object(QStringLiteral("sex"), true);
    CC_TRY(sex);
    const Fields& s = **sex;
    CC_TRY(s.only({"column", "map", "value"}));
    if (s.has(QStringLiteral("value"))) {
        if (s.has(QStringLiteral("column")) || s.has(QStringLiteral("map")))
            return f.error(QStringLiteral("sex"), "needs either \"value\" or \"column\" with \"map\"");
        auto token = s.string(QStringLiteral("value"), true);
        CC_TRY(token);
        auto fixed = sexFromToken(s, QStringLiteral("value"), **token);
        CC_TRY(fixed);
        m.sex.value = **token;
    } else {
        auto column = s.string(QStringLiteral("column"), true, model::limits::kName);
        CC_TRY(column);
        m.sex.column = **column;
        auto map = s.object(QStringLiteral("map"), true);
        CC_TRY(map);
        if ((*map)->json().isEmpty())
            return s.error(QStringLiteral("map"), "must map at least one value");
        for (auto it = (*map)->json().begin(); it != (*map)->json().end(); ++it) {
            const QString key = it.key().left(64);
            if (!it.value().isString())
                return (*map)->error(key, "must be a string");
            auto token = sexFromToken(**map, key, it.value().toString());
            CC_TRY(token);
            m.sexMap[it.key()] = *token;
        }
    }

    // Birth date, or age in years at a reference date (the birth date is then estimated).
    const bool hasBirth = f.has(QStringLiteral("birthDate"));
    if (hasBirth == f.has(QStringLiteral("age")))
        return f.error(QStringLiteral("birthDate"), "give exactly one of \"birthDate\" and \"age\"");
    if (hasBirth) {
        auto birth = valueSpec(f, QStringLiteral("birthDate"), true);
        CC_TRY(birth);
        if (!birth->fromColumn() && !model::isIsoDate(birth->value))
            return f.error(QStringLiteral("birthDate.value"), "is not an ISO 8601 date (YYYY-MM-DD)");
        m.birthDate = *birth;
        return {};
    }
    auto age = f.object(QStringLiteral("age"), true);
    CC_TRY(age);
    CC_TRY((*age)->only({"column", "at"}));
    auto ageColumn = (*age)->string(QStringLiteral("column"), true, model::limits::kName);
    CC_TRY(ageColumn);
    m.ageColumn = **ageColumn;
    auto at = valueSpec(**age, QStringLiteral("at"), true);
    CC_TRY(at);
    CC_TRY(checkFixedDate(**age, QStringLiteral("at"), *at));
    m.ageAt = *at;
    return {};
}

Status readTime(const Fields& f, MappedMeasurement& out, bool& usesBaseline)
{
    const bool hasDate = f.has(QStringLiteral("date"));
    if (hasDate == f.has(QStringLiteral("offset")))
        return f.error(QStringLiteral("date"), "give exactly one of \"date\" and \"offset\"");
    if (hasDate) {
        auto date = valueSpec(f, QStringLiteral("date"), false);
        CC_TRY(date);
        out.time.dateColumn = date->column;
        return {};
    }
    usesBaseline = true;
    auto offset = f.object(QStringLiteral("offset"), true);
    CC_TRY(offset);
    const Fields& o = **offset;
    CC_TRY(o.only({"days", "weeks", "column", "unit"}));
    const int ways = (o.has(QStringLiteral("days")) ? 1 : 0) + (o.has(QStringLiteral("weeks")) ? 1 : 0) +
                     (o.has(QStringLiteral("column")) ? 1 : 0);
    if (ways != 1)
        return f.error(QStringLiteral("offset"), "needs exactly one of \"days\", \"weeks\" and \"column\"");
    if (o.has(QStringLiteral("column"))) {
        auto column = o.string(QStringLiteral("column"), true, model::limits::kName);
        CC_TRY(column);
        auto unit = o.string(QStringLiteral("unit"), true);
        CC_TRY(unit);
        if (**unit != QLatin1String("days") && **unit != QLatin1String("weeks"))
            return o.error(QStringLiteral("unit"), "must be \"days\" or \"weeks\"");
        out.time.offsetColumn = **column;
        out.time.offsetUnitDays = **unit == QLatin1String("weeks") ? 7 : 1;
        return {};
    }
    if (o.has(QStringLiteral("unit")))
        return o.error(QStringLiteral("unit"), "is only used with \"column\"");
    const bool weeks = o.has(QStringLiteral("weeks"));
    const qint64 limit = weeks ? TableMapping::kMaxOffsetDays / 7 : TableMapping::kMaxOffsetDays;
    auto n = o.integer(weeks ? QStringLiteral("weeks") : QStringLiteral("days"), -limit, limit);
    CC_TRY(n);
    out.time.fixedDays = *n * (weeks ? 7 : 1);
    return {};
}

Result<MappedMeasurement> readMeasurement(const Fields& f, const UnitsCatalogue& catalogue, bool& usesBaseline)
{
    CC_TRY(f.only({"column", "code", "codeColumn", "unit", "unitColumn", "display", "displayColumn", "category", "date",
                   "offset"}));
    MappedMeasurement out;
    out.field = f.path();
    auto column = f.string(QStringLiteral("column"), true, model::limits::kName);
    CC_TRY(column);
    out.column = **column;
    // Code, unit and display: each either fixed or from a column, never both.
    const auto pick = [&](const char* fixedKey, const char* columnKey, bool required, MappedValue& target,
                          std::size_t maxBytes) -> Status {
        const QString fixed = QString::fromLatin1(fixedKey);
        const QString col = QString::fromLatin1(columnKey);
        if (f.has(fixed) && f.has(col))
            return f.error(fixed, std::string("give either \"") + fixedKey + "\" or \"" + columnKey + "\"");
        if (f.has(col)) {
            auto c = f.string(col, true, model::limits::kName);
            CC_TRY(c);
            target.column = **c;
            return {};
        }
        auto v = f.string(fixed, required, maxBytes);
        if (!v && required && !f.has(fixed))
            return f.error(fixed, std::string("is required (or \"") + columnKey + "\")");
        CC_TRY(v);
        target.value = v->value_or(QString());
        return {};
    };
    CC_TRY(pick("code", "codeColumn", true, out.code, model::limits::kIdentifier));
    CC_TRY(pick("unit", "unitColumn", true, out.unit, model::limits::kIdentifier));
    CC_TRY(pick("display", "displayColumn", false, out.display, model::limits::kDisplay));
    if (!out.code.fromColumn() && !model::isValidCode(QString::fromLatin1(model::codesystem::kLoinc), out.code.value))
        return f.error(QStringLiteral("code"), "is not a valid LOINC code (with its check digit)");
    if (!out.unit.fromColumn()) {
        auto ucum = checkUcumSyntax(out.unit.value);
        if (!ucum)
            return f.error(QStringLiteral("unit"), "is not UCUM syntax: " + ucum.error().message);
        // A catalogued code in a unit the catalogue does not convert is almost always a typo in a
        // mapping (/ul for /uL): refused here rather than stored without its catalogue entry.
        if (!out.code.fromColumn()) {
            if (const UnitDefinition* d = catalogue.find(out.code.value);
                d != nullptr && !d->toCanonical(1.0, out.unit.value)) {
                std::string accepted = d->unit.toStdString();
                for (const auto& c : d->conversions)
                    accepted += ", " + c.unit.toStdString();
                return f.error(QStringLiteral("unit"), "is not a unit the catalogue converts for " +
                                                           out.code.value.toStdString() + " (accepted: " + accepted +
                                                           ")");
            }
        }
    }
    auto category = f.string(QStringLiteral("category"), false);
    CC_TRY(category);
    out.category = category->value_or(QStringLiteral("laboratory"));
    CC_TRY(readTime(f, out, usesBaseline));
    return out;
}

} // namespace

Result<TableMapping> TableMapping::parse(const QByteArray& json, const QString& fileName,
                                         const UnitsCatalogue& catalogue)
{
    const std::string file = fileName.toStdString();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const long line = 1 + static_cast<long>(json.left(parseError.offset).count('\n'));
        return malformed("is not valid JSON: " + parseError.errorString().toStdString(), file, line, {});
    }
    if (!doc.isObject())
        return malformed("must be a JSON object", file, 0, {});
    const Fields root(doc.object(), {}, file);
    CC_TRY(root.only({"cipherchartTableMapping", "source", "patient", "baseline", "measurements"}));
    if (!root.has(QStringLiteral("cipherchartTableMapping")))
        return root.error(QStringLiteral("cipherchartTableMapping"), "is required (the mapping format version, 1)");
    auto version = root.integer(QStringLiteral("cipherchartTableMapping"), kVersion, kVersion);
    if (!version)
        return Error{ErrorCode::Unsupported, "this mapping format version is not supported (only 1)", file, 0,
                     "cipherchartTableMapping"};

    TableMapping m;
    auto source = root.string(QStringLiteral("source"), true, 32);
    CC_TRY(source);
    static const QRegularExpression sourcePattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (!sourcePattern.match(**source).hasMatch())
        return root.error(QStringLiteral("source"), "must be letters, digits, '.', '_' or '-'");
    m.source = **source;
    CC_TRY(readPatient(root, m));

    if (root.has(QStringLiteral("baseline"))) {
        auto baseline = valueSpec(root, QStringLiteral("baseline"), true);
        CC_TRY(baseline);
        CC_TRY(checkFixedDate(root, QStringLiteral("baseline"), *baseline));
        m.baseline = *baseline;
    }

    const QJsonValue list = root.json().value(QStringLiteral("measurements"));
    if (list.isUndefined())
        return root.error(QStringLiteral("measurements"), "is required");
    if (!list.isArray() || list.toArray().isEmpty())
        return root.error(QStringLiteral("measurements"), "must be a non-empty array");
    const QJsonArray array = list.toArray();
    if (static_cast<std::size_t>(array.size()) > kMaxMeasurements)
        return root.error(QStringLiteral("measurements"),
                          "has more than " + std::to_string(kMaxMeasurements) + " entries");
    bool usesBaseline = false;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("measurements[%1]").arg(i);
        if (!array.at(i).isObject())
            return malformed("must be an object", file, 0, path.toStdString());
        auto measurement = readMeasurement(Fields(array.at(i).toObject(), path, file), catalogue, usesBaseline);
        CC_TRY(measurement);
        m.measurements.push_back(std::move(*measurement));
    }
    if (usesBaseline && !m.baseline)
        return root.error(QStringLiteral("baseline"), "is required when a measurement has an offset");
    if (!usesBaseline && m.baseline)
        return root.error(QStringLiteral("baseline"), "is not used by any measurement (no offset)");
    return m;
}

Result<TableMapping> TableMapping::readFile(const QString& path, const UnitsCatalogue& catalogue)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    CC_TRY(openForReading(file, name));
    const QByteArray bytes = file.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes)
        return malformed("the mapping file is larger than 1 MiB", name.toStdString(), 0, {});
    return parse(bytes, name, catalogue);
}

std::vector<std::pair<QString, QString>> TableMapping::columns() const
{
    std::vector<std::pair<QString, QString>> out{{QStringLiteral("patient.id"), idColumn}};
    const auto add = [&out](const QString& field, const MappedValue& v) {
        if (v.fromColumn())
            out.emplace_back(field, v.column);
    };
    add(QStringLiteral("patient.givenName.column"), givenName);
    add(QStringLiteral("patient.familyName.column"), familyName);
    add(QStringLiteral("patient.sex.column"), sex);
    if (birthDate)
        add(QStringLiteral("patient.birthDate.column"), *birthDate);
    if (!ageColumn.isEmpty()) {
        out.emplace_back(QStringLiteral("patient.age.column"), ageColumn);
        add(QStringLiteral("patient.age.at.column"), ageAt);
    }
    if (baseline)
        add(QStringLiteral("baseline.column"), *baseline);
    for (const auto& m : measurements) {
        out.emplace_back(m.field + QStringLiteral(".column"), m.column);
        add(m.field + QStringLiteral(".codeColumn"), m.code);
        add(m.field + QStringLiteral(".unitColumn"), m.unit);
        add(m.field + QStringLiteral(".displayColumn"), m.display);
        if (!m.time.dateColumn.isEmpty())
            out.emplace_back(m.field + QStringLiteral(".date.column"), m.time.dateColumn);
        if (!m.time.offsetColumn.isEmpty())
            out.emplace_back(m.field + QStringLiteral(".offset.column"), m.time.offsetColumn);
    }
    return out;
}

} // namespace cc::interop
