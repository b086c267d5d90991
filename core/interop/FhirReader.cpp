// SPDX-License-Identifier: GPL-3.0-or-later
// FHIR R4 JSON reading: size, UTF-8, nesting and syntax checks, Bundle entries, then conversion.
#include "core/interop/FhirReader.h"

#include "core/interop/FhirConverter.h"
#include "core/interop/FhirIndex.h"
#include "core/interop/Utf8.h"
#include "core/model/FieldLimits.h"
#include "core/model/IsoDateTime.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace cc::interop {
namespace {

namespace lim = model::limits;

long lineOf(const QByteArray& bytes, qsizetype offset)
{
    return static_cast<long>(QByteArrayView(bytes).first(std::min(offset, bytes.size())).count('\n')) + 1;
}

/// The offset of the first bracket nested deeper than `maxDepth`, or -1. Checked before parsing so
/// that a hostile file cannot make the parser recurse without bound.
qsizetype tooDeep(const QByteArray& bytes, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return -1;
}

bool isFhirId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9\-.]{1,64}$)"));
    return re.match(id).hasMatch();
}

/// One file being read.
class FhirFile
{
public:
    FhirFile(const UnitsCatalogue& catalogue, crypto::Rng& rng, const QString& fileName)
        : m_errors(std::make_shared<FhirErrors>(fileName))
        , m_index(rng, m_out.external)
        , m_converter(catalogue, rng, m_index, m_out.records)
    {}

    Result<FhirImport> read(const QJsonObject& root);

private:
    /// Adds `json` as an entry named `prefix` + "resource(Type/id)"; false after an error.
    bool addResource(const QJsonObject& json, const std::string& prefix, const QString& fullUrl);
    void bundle(const FhirObject& b);
    void skipEntry(const std::string& field, std::string reason)
    {
        m_out.records.summary.skipped.push_back(SkippedItem{m_errors->fileName(), 0, field, std::move(reason)});
    }
    void reportTimes();

    std::shared_ptr<FhirErrors> m_errors;
    FhirImport m_out;
    FhirIndex m_index;
    FhirConverter m_converter;
};

bool FhirFile::addResource(const QJsonObject& json, const std::string& prefix, const QString& fullUrl)
{
    const FhirObject probe(m_errors, json, prefix + "resource");
    const QString type = probe.string("resourceType", 64);
    const QString id = probe.string("id", lim::kIdentifier);
    if (m_errors->ok() && type.isEmpty())
        probe.fail("resourceType", "is required");
    if (m_errors->ok() && !id.isEmpty() && !isFhirId(id))
        probe.fail("id", "is not a FHIR id (1 to 64 letters, digits, '-' and '.')");
    if (!m_errors->ok())
        return false;
    FhirEntry entry{
        FhirObject(m_errors, json,
                   prefix + "resource(" + type.toStdString() + (id.isEmpty() ? "" : "/" + id.toStdString()) + ")"),
        type.toStdString(),
        id,
        fullUrl,
        {},
        FhirEntry::State::Pending,
        {},
        {},
        {}};
    static const QRegularExpression restful(QStringLiteral(R"(^(https?://.+/)[A-Z][A-Za-z]+/[A-Za-z0-9\-.]{1,64}$)"));
    if (const auto m = restful.match(fullUrl); m.hasMatch())
        entry.base = m.captured(1);
    m_index.add(std::move(entry));
    return true;
}

void FhirFile::bundle(const FhirObject& b)
{
    const QString type = b.string("type", lim::kIdentifier);
    static const char* const kTypes[] = {"document",  "message",        "transaction", "transaction-response",
                                         "batch",     "batch-response", "history",     "searchset",
                                         "collection"};
    bool known = false;
    for (const char* t : kTypes)
        known = known || type == QLatin1String(t);
    if (b.ok() && !known)
        b.fail("type", type.isEmpty() ? "is required" : "is not a FHIR R4 Bundle type");
    const bool transaction = type == QLatin1String("transaction") || type == QLatin1String("batch");
    const bool response = type.endsWith(QLatin1String("-response"));
    const auto entries = b.objects("entry");
    for (std::size_t i = 0; i < entries.size() && b.ok(); ++i) {
        const FhirObject& entry = entries[i];
        const QString fullUrl = entry.string("fullUrl", lim::kDisplay);
        const auto resource = entry.object("resource");
        if (transaction) {
            const auto request = entry.object("request");
            if (!request) {
                entry.fail("request", "is required in a " + type.toStdString() + " Bundle");
                return;
            }
            const QString method = request->string("method", 16);
            const QString url = request->string("url", lim::kDisplay);
            if (method != QLatin1String("POST") && method != QLatin1String("PUT")) {
                if (method.isEmpty() || !QStringList{"GET", "HEAD", "DELETE", "PATCH"}.contains(method))
                    request->fail("method", "is not an HTTP method FHIR allows in a transaction");
                else
                    skipEntry(entry.path(),
                              "a " + method.toStdString() + " entry changes or reads a server; not imported");
                continue;
            }
            if (url.contains(u'$')) {
                skipEntry(request->path("url"), "an operation call is not imported");
                continue;
            }
            if (!resource) {
                entry.fail("resource", "is required for a POST or PUT entry");
                return;
            }
        } else if (!resource) {
            skipEntry(entry.path(), response ? "a response entry without a resource" : "an entry without a resource");
            continue;
        }
        if (!b.ok() || !addResource(resource->json(), entry.path() + ".", fullUrl))
            return;
    }
}

void FhirFile::reportTimes()
{
    // A DiagnosticReport's time applies to its results that carry none (FHIR R4 DiagnosticReport.effective[x]).
    for (auto& e : m_index.entries()) {
        if (e.type != "DiagnosticReport")
            continue;
        QString time = e.resource.string("effectiveDateTime", lim::kIdentifier);
        if (const auto period = e.resource.object("effectivePeriod"); period && time.isEmpty())
            time = period->string("start", lim::kIdentifier);
        if (time.isEmpty())
            time = e.resource.string("issued", lim::kIdentifier);
        if (!model::isIsoDateOrDateTime(time))
            continue;
        for (const auto& result : e.resource.objects("result")) {
            FhirEntry* target = m_index.find(e, result.string("reference", lim::kDisplay));
            if (target != nullptr && target->type == "Observation" && target->fallbackEffective.isEmpty())
                target->fallbackEffective = time;
        }
    }
}

Result<FhirImport> FhirFile::read(const QJsonObject& root)
{
    if (root.value(QLatin1String("resourceType")) == QLatin1String("Bundle"))
        bundle(FhirObject(m_errors, root, "Bundle"));
    else
        addResource(root, {}, {});
    if (m_errors->ok())
        reportTimes();
    // Patients first and encounters next: the other resources refer to them.
    for (const char* pass : {"Patient", "Encounter", ""}) {
        for (auto& e : m_index.entries()) {
            if (!m_errors->ok())
                break;
            const bool first = e.type == "Patient" || e.type == "Encounter";
            if ((*pass != '\0' && e.type == pass) || (*pass == '\0' && !first))
                m_converter.convert(e);
        }
    }
    if (const auto& error = m_errors->error())
        return *error;
    ImportSummary& s = m_out.records.summary;
    for (const auto& [field, reason] : m_index.skippedLinks())
        s.skipped.push_back(SkippedItem{m_errors->fileName(), 0, field, reason});
    s.counts["patients"] = m_out.records.patients.size();
    s.counts["encounters"] = m_out.records.encounters.size();
    s.counts["conditions"] = m_out.records.conditions.size();
    s.counts["observations"] = m_out.records.observations.size();
    s.counts["medications"] = m_out.records.medications.size();
    s.counts["allergies"] = m_out.records.allergies.size();
    return std::move(m_out);
}

} // namespace

FhirReader::FhirReader(const UnitsCatalogue& catalogue, crypto::Rng& rng, qsizetype maxFileBytes)
    : m_catalogue(catalogue), m_rng(rng), m_maxFileBytes(maxFileBytes)
{}

Result<FhirImport> FhirReader::readFile(const QString& path) const
{
    const QFileInfo info(path);
    const std::string name = info.fileName().toStdString();
    if (!info.exists())
        return Error{ErrorCode::NotFound, "the file does not exist", name, 0, {}};
    if (info.size() > m_maxFileBytes)
        return malformed("the file is larger than " + std::to_string(m_maxFileBytes) + " bytes", name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::StorageError, "cannot open the file", name, 0, {}};
    // Read one byte more than the cap: the file may have grown since it was measured.
    const QByteArray bytes = file.read(m_maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return Error{ErrorCode::StorageError, "cannot read the file", name, 0, {}};
    return readBytes(bytes, info.fileName());
}

Result<FhirImport> FhirReader::readBytes(const QByteArray& bytes, const QString& fileName) const
{
    const std::string name = fileName.toStdString();
    if (bytes.size() > m_maxFileBytes)
        return malformed("the file is larger than " + std::to_string(m_maxFileBytes) + " bytes", name);
    if (const qsizetype bad = firstInvalidUtf8(bytes); bad >= 0)
        return malformed("invalid UTF-8 at byte offset " + std::to_string(bad), name, lineOf(bytes, bad));
    if (const qsizetype deep = tooDeep(bytes, kMaxDepth); deep >= 0)
        return malformed("JSON nested deeper than " + std::to_string(kMaxDepth) + " levels at byte offset " +
                             std::to_string(deep),
                         name, lineOf(bytes, deep));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed("JSON syntax error at byte offset " + std::to_string(parseError.offset) + ": " +
                             parseError.errorString().toStdString(),
                         name, lineOf(bytes, parseError.offset));
    if (!doc.isObject())
        return malformed("the file is not a JSON object (a FHIR resource or Bundle)", name);
    return FhirFile(m_catalogue, m_rng, fileName).read(doc.object());
}

} // namespace cc::interop
