// SPDX-License-Identifier: GPL-3.0-or-later
// Report spec v1: strict reading, canonical form and cells.
#include "core/reports/ReportSpec.h"

#include "core/model/CodeSystem.h"
#include "core/records/ObservationLayout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <set>

namespace cc::reports {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;
constexpr qsizetype kMaxTitle = 200;
// The systems a condition row may be coded in (model::Condition).
constexpr const char* kConditionSystems[] = {model::codesystem::kSnomed, model::codesystem::kIcd10,
                                             model::codesystem::kIcd10Cm};

class SpecReader
{
public:
    explicit SpecReader(std::string file) : m_file(std::move(file)) {}

    Error bad(const std::string& field, const std::string& what) const
    {
        return malformed("report spec: " + field + " " + what, m_file, 0, field);
    }

    Status onlyKnown(const QJsonObject& o, const std::string& where, std::initializer_list<const char*> known) const
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) {
                std::string field = where;
                if (!field.empty())
                    field += '.';
                field += key;
                return bad(field, "is not a member of report spec v1");
            }
        }
        return {};
    }

    Result<QString> text(const QJsonValue& v, const std::string& field) const
    {
        if (!v.isString())
            return bad(field, "must be a string");
        return v.toString();
    }

    // filters.conditions: a non-empty array of distinct {"system", "code"} objects, sorted.
    Result<std::vector<ConditionCode>> conditions(const QJsonValue& v, const std::string& field) const
    {
        if (!v.isArray() || v.toArray().isEmpty())
            return bad(field, "must be a non-empty array");
        const QJsonArray a = v.toArray();
        if (static_cast<std::size_t>(a.size()) > ReportSpec::kMaxConditions)
            return bad(field, "has more than " + std::to_string(ReportSpec::kMaxConditions) + " entries");
        std::set<ConditionCode> seen;
        for (qsizetype i = 0; i < a.size(); ++i) {
            const std::string where = field + "[" + std::to_string(i) + "]";
            if (!a[i].isObject())
                return bad(where, "must be an object {\"system\", \"code\"}");
            const QJsonObject o = a[i].toObject();
            CC_TRY(onlyKnown(o, where, {"system", "code"}));
            auto system = text(o["system"], where + ".system");
            CC_TRY(system);
            if (std::none_of(std::begin(kConditionSystems), std::end(kConditionSystems),
                             [&](const char* s) { return *system == QLatin1String(s); }))
                return bad(where + ".system",
                           "must be a condition code system (\"" + std::string(model::codesystem::kSnomed) +
                               "\" for SNOMED CT, or ICD-10 / ICD-10-CM), not \"" + system->toStdString() + "\"");
            auto code = text(o["code"], where + ".code");
            CC_TRY(code);
            if (!model::isValidCode(*system, *code))
                return bad(where + ".code", "is not a valid " + conditionSystemName(*system).toStdString() +
                                                " code (\"" + code->left(40).toStdString() + "\")");
            if (!seen.insert({*system, *code}).second)
                return bad(where, "repeats " + system->toStdString() + " " + code->toStdString());
        }
        return std::vector<ConditionCode>(seen.begin(), seen.end());
    }

    Result<int> integer(const QJsonValue& v, const std::string& field) const
    {
        const double d = v.toDouble();
        if (!v.isDouble() || d < -1e9 || d > 1e9 || d != static_cast<double>(static_cast<int>(d)))
            return bad(field, "must be an integer");
        return static_cast<int>(v.toDouble());
    }

    // A non-empty array of distinct strings, each one of `allowed`, returned in `allowed`'s order.
    Result<std::vector<QString>> subset(const QJsonValue& v, const std::string& field,
                                        const std::vector<QString>& allowed) const
    {
        if (!v.isArray() || v.toArray().isEmpty())
            return bad(field, "must be a non-empty array");
        std::set<QString> seen;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const std::string f = field + "[" + std::to_string(i) + "]";
            auto s = text(a[i], f);
            CC_TRY(s);
            if (std::find(allowed.begin(), allowed.end(), *s) == allowed.end())
                return bad(f, "is not one of the allowed values (\"" + s->toStdString() + "\")");
            if (!seen.insert(*s).second)
                return bad(f, "repeats \"" + s->toStdString() + "\"");
        }
        std::vector<QString> out;
        for (const auto& value : allowed)
            if (seen.count(value) != 0)
                out.push_back(value);
        return out;
    }

private:
    std::string m_file;
};

} // namespace

QString purposeName(Purpose purpose)
{
    return purpose == Purpose::Research ? QStringLiteral("research") : QStringLiteral("quality");
}

QString selectionName(Selection selection)
{
    return selection == Selection::Latest ? QStringLiteral("latest") : QStringLiteral("all");
}

QString dimensionName(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Sex:
        return QStringLiteral("sex");
    case Dimension::AgeBand:
        return QStringLiteral("ageBand");
    case Dimension::Year:
        return QStringLiteral("year");
    }
    return QStringLiteral("sex");
}

QString conditionSystemName(const QString& system)
{
    if (system == QLatin1String(model::codesystem::kSnomed))
        return QStringLiteral("SNOMED CT");
    if (system == QLatin1String(model::codesystem::kIcd10))
        return QStringLiteral("ICD-10");
    if (system == QLatin1String(model::codesystem::kIcd10Cm))
        return QStringLiteral("ICD-10-CM");
    return system;
}

const std::vector<QString>& allSexes()
{
    static const std::vector<QString> values{QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("other"),
                                             QStringLiteral("unknown")};
    return values;
}

const std::vector<QString>& allAgeBands()
{
    static const std::vector<QString> values = [] {
        std::vector<QString> v;
        for (int low = 0; low <= 120; low += 10)
            v.push_back(QStringLiteral("%1-%2").arg(low).arg(low + 9));
        return v;
    }();
    return values;
}

Result<ReportSpec> ReportSpec::fromJson(const QByteArray& json, const std::string& file,
                                        const interop::UnitsCatalogue& catalogue)
{
    SpecReader r(file);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed("report spec is not JSON: " + parseError.errorString().toStdString() + " at offset " +
                             std::to_string(parseError.offset),
                         file, 0, {});
    if (!doc.isObject())
        return r.bad("(document)", "must be a JSON object");
    const QJsonObject o = doc.object();
    CC_TRY(r.onlyKnown(o, {}, {"version", "title", "purpose", "measures", "selection", "filters", "groupBy"}));
    if (!o.contains("version"))
        return r.bad("version", "is missing");
    auto version = r.integer(o["version"], "version");
    CC_TRY(version);
    if (*version != kVersion)
        return Error{ErrorCode::Unsupported, "report spec version " + std::to_string(*version) + " is not supported",
                     file, 0, "version"};

    ReportSpec spec;
    auto title = r.text(o["title"], "title");
    CC_TRY(title);
    spec.title = title->trimmed();
    if (spec.title.isEmpty() || spec.title.size() > kMaxTitle)
        return r.bad("title", "must have 1 to 200 characters");
    if (std::any_of(spec.title.begin(), spec.title.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return r.bad("title", "must not contain control characters");

    auto purpose = r.text(o["purpose"], "purpose");
    CC_TRY(purpose);
    if (*purpose == "research")
        spec.purpose = Purpose::Research;
    else if (*purpose == "quality")
        spec.purpose = Purpose::Quality;
    else
        return r.bad("purpose", "must be \"research\" or \"quality\"");

    if (!o["measures"].isArray() || o["measures"].toArray().isEmpty())
        return r.bad("measures", "must be a non-empty array");
    const QJsonArray measures = o["measures"].toArray();
    if (static_cast<std::size_t>(measures.size()) > kMaxMeasures)
        return r.bad("measures", "has more than " + std::to_string(kMaxMeasures) + " entries");
    for (qsizetype i = 0; i < measures.size(); ++i) {
        const std::string where = "measures[" + std::to_string(i) + "]";
        if (!measures[i].isObject())
            return r.bad(where, "must be an object");
        const QJsonObject m = measures[i].toObject();
        CC_TRY(r.onlyKnown(m, where, {"code"}));
        auto code = r.text(m["code"], where + ".code");
        CC_TRY(code);
        if (catalogue.find(*code) == nullptr)
            return r.bad(where + ".code", "is not in the units catalogue (\"" + code->toStdString() + "\")");
        if (auto layout = records::ObservationLayout::forCode(catalogue, *code); !layout)
            return r.bad(where + ".code", "has no encrypted values to sum (" + layout.error().message + ")");
        if (std::find(spec.measures.begin(), spec.measures.end(), *code) != spec.measures.end())
            return r.bad(where + ".code", "repeats \"" + code->toStdString() + "\"");
        spec.measures.push_back(*code);
    }

    auto selection = r.text(o["selection"], "selection");
    CC_TRY(selection);
    if (*selection == "all")
        spec.selection = Selection::All;
    else if (*selection == "latest")
        spec.selection = Selection::Latest;
    else
        return r.bad("selection", "must be \"all\" or \"latest\"");

    if (o.contains("filters")) {
        if (!o["filters"].isObject())
            return r.bad("filters", "must be an object");
        const QJsonObject f = o["filters"].toObject();
        CC_TRY(r.onlyKnown(f, "filters", {"sex", "ageBands", "years", "conditions"}));
        if (f.contains("sex")) {
            auto sexes = r.subset(f["sex"], "filters.sex", allSexes());
            CC_TRY(sexes);
            spec.sexFilter = std::move(*sexes);
        }
        if (f.contains("ageBands")) {
            auto bands = r.subset(f["ageBands"], "filters.ageBands", allAgeBands());
            CC_TRY(bands);
            spec.ageBandFilter = std::move(*bands);
        }
        if (f.contains("years")) {
            if (!f["years"].isObject())
                return r.bad("filters.years", "must be an object {\"from\", \"to\"}");
            const QJsonObject y = f["years"].toObject();
            CC_TRY(r.onlyKnown(y, "filters.years", {"from", "to"}));
            auto from = r.integer(y["from"], "filters.years.from");
            CC_TRY(from);
            auto to = r.integer(y["to"], "filters.years.to");
            CC_TRY(to);
            if (*from < kMinYear || *from > kMaxYear)
                return r.bad("filters.years.from", "must be between 1900 and 2200");
            if (*to < *from || *to > kMaxYear)
                return r.bad("filters.years.to", "must be between filters.years.from and 2200");
            if (*to - *from >= kMaxYearSpan)
                return r.bad("filters.years.to", "spans more than 100 years");
            spec.years = std::make_pair(*from, *to);
        }
        if (f.contains("conditions")) {
            auto conditions = r.conditions(f["conditions"], "filters.conditions");
            CC_TRY(conditions);
            spec.conditionFilter = std::move(*conditions);
        }
    }

    if (o.contains("groupBy")) {
        if (!o["groupBy"].isArray())
            return r.bad("groupBy", "must be an array");
        const QJsonArray g = o["groupBy"].toArray();
        if (g.size() > 2)
            return r.bad("groupBy", "has more than two dimensions");
        for (qsizetype i = 0; i < g.size(); ++i) {
            const std::string where = "groupBy[" + std::to_string(i) + "]";
            auto name = r.text(g[i], where);
            CC_TRY(name);
            Dimension d{};
            if (*name == "sex")
                d = Dimension::Sex;
            else if (*name == "ageBand")
                d = Dimension::AgeBand;
            else if (*name == "year")
                d = Dimension::Year;
            else
                return r.bad(where, "must be \"sex\", \"ageBand\" or \"year\"");
            if (std::find(spec.groupBy.begin(), spec.groupBy.end(), d) != spec.groupBy.end())
                return r.bad(where, "repeats \"" + name->toStdString() + "\"");
            if (d == Dimension::Year && !spec.years)
                return r.bad(where, "groups by year, which needs filters.years");
            spec.groupBy.push_back(d);
        }
    }
    std::size_t cells = spec.measures.size();
    for (Dimension d : spec.groupBy)
        cells *= spec.valuesOf(d).size();
    if (cells > kMaxCells)
        return r.bad("groupBy", "defines " + std::to_string(cells) + " cells, more than " + std::to_string(kMaxCells));
    return spec;
}

QByteArray ReportSpec::canonicalJson() const
{
    QJsonArray measureArray;
    for (const auto& m : measures)
        measureArray.append(QJsonObject{{"code", m}});
    QJsonObject o{{"version", kVersion},
                  {"title", title},
                  {"purpose", purposeName(purpose)},
                  {"measures", measureArray},
                  {"selection", selectionName(selection)}};
    QJsonObject filters;
    const auto toArray = [](const std::vector<QString>& values) {
        QJsonArray a;
        for (const auto& v : values)
            a.append(v);
        return a;
    };
    if (!sexFilter.empty())
        filters.insert("sex", toArray(sexFilter));
    if (!ageBandFilter.empty())
        filters.insert("ageBands", toArray(ageBandFilter));
    if (years)
        filters.insert("years", QJsonObject{{"from", years->first}, {"to", years->second}});
    if (!conditionFilter.empty()) {
        QJsonArray conditions;
        for (const auto& c : conditionFilter)
            conditions.append(QJsonObject{{"system", c.system}, {"code", c.code}});
        filters.insert("conditions", conditions);
    }
    if (!filters.isEmpty())
        o.insert("filters", filters);
    QJsonArray group;
    for (Dimension d : groupBy)
        group.append(dimensionName(d));
    o.insert("groupBy", group);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

crypto::Digest256 ReportSpec::sha256() const
{
    const QByteArray bytes = canonicalJson();
    return crypto::sha256(
        {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
}

std::vector<QString> ReportSpec::valuesOf(Dimension dimension) const
{
    switch (dimension) {
    case Dimension::Sex:
        return sexFilter.empty() ? allSexes() : sexFilter;
    case Dimension::AgeBand:
        return ageBandFilter.empty() ? allAgeBands() : ageBandFilter;
    case Dimension::Year: {
        std::vector<QString> out;
        if (years)
            for (int y = years->first; y <= years->second; ++y)
                out.push_back(QString::number(y));
        return out;
    }
    }
    return {};
}

std::vector<ReportCellKey> ReportSpec::cells() const
{
    std::vector<ReportCellKey> out;
    std::vector<std::vector<QString>> dims;
    for (Dimension d : groupBy)
        dims.push_back(valuesOf(d));
    for (const auto& m : measures) {
        std::vector<std::size_t> at(dims.size(), 0);
        for (;;) {
            ReportCellKey key{static_cast<std::uint32_t>(out.size()), m, {}};
            for (std::size_t i = 0; i < dims.size(); ++i)
                key.group.push_back(dims[i][at[i]]);
            out.push_back(std::move(key));
            // Odometer over the grouping values, last dimension fastest.
            std::size_t i = dims.size();
            while (i > 0) {
                --i;
                if (++at[i] < dims[i].size())
                    break;
                at[i] = 0;
                if (i == 0) {
                    i = dims.size() + 1;
                    break;
                }
            }
            if (dims.empty() || i == dims.size() + 1)
                break;
        }
    }
    return out;
}

QString ReportSpec::describe() const
{
    QString s = purpose == Purpose::Research
                    ? QStringLiteral("Research report (patients who opted out of research are left out)")
                    : QStringLiteral("Quality report for the clinic's own care (every patient included)");
    QStringList codes;
    for (const auto& m : measures)
        codes << m;
    s += QStringLiteral(": ") + codes.join(QStringLiteral(", "));
    s += selection == Selection::Latest ? QStringLiteral(", latest value per patient")
                                        : QStringLiteral(", every observation");
    if (!sexFilter.empty())
        s += QStringLiteral("; sex ") + QStringList(sexFilter.begin(), sexFilter.end()).join(QStringLiteral("/"));
    if (!ageBandFilter.empty())
        s += QStringLiteral("; age bands ") +
             QStringList(ageBandFilter.begin(), ageBandFilter.end()).join(QStringLiteral(", "));
    if (years)
        s += QStringLiteral("; years %1–%2").arg(years->first).arg(years->second);
    if (!conditionFilter.empty()) {
        QStringList conditions;
        for (const auto& c : conditionFilter)
            conditions << conditionSystemName(c.system) + u' ' + c.code;
        s += QStringLiteral("; patients with ") + conditions.join(QStringLiteral(" or "));
    }
    if (!groupBy.empty()) {
        QStringList g;
        for (Dimension d : groupBy)
            g << dimensionName(d);
        s += QStringLiteral("; grouped by ") + g.join(QStringLiteral(" and "));
    }
    return s;
}

} // namespace cc::reports
