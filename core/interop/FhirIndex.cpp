// SPDX-License-Identifier: GPL-3.0-or-later
// Reference resolution within one FHIR file, following FHIR R4 "Resolving references in Bundles".
#include "core/interop/FhirIndex.h"

#include "core/model/FieldLimits.h"

#include <QRegularExpression>

namespace cc::interop {
namespace {

/// Splits "[base]Type/id[/_history/vid]" into its type and id; false if it has no such tail.
bool typeAndId(const QString& reference, QString& type, QString& id)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:.*/)?([A-Z][A-Za-z]{1,63})/([A-Za-z0-9\-.]{1,64})(?:/_history/[A-Za-z0-9\-.]{1,64})?$)"));
    const auto m = re.match(reference);
    if (!m.hasMatch())
        return false;
    type = m.captured(1);
    id = m.captured(2);
    return true;
}

bool isAbsolute(const QString& reference)
{
    return reference.contains(QLatin1String("://")) || reference.startsWith(QLatin1String("urn:"));
}

QString withoutHistory(const QString& reference)
{
    const qsizetype at = reference.indexOf(QLatin1String("/_history/"));
    return at < 0 ? reference : reference.left(at);
}

} // namespace

void FhirIndex::add(FhirEntry entry)
{
    const std::size_t at = m_entries.size();
    if (!entry.fullUrl.isEmpty())
        m_byFullUrl[withoutHistory(entry.fullUrl)] = at;
    if (!entry.id.isEmpty())
        m_byTypeId[QString::fromStdString(entry.type) + QLatin1Char('/') + entry.id] = at;
    m_entries.push_back(std::move(entry));
}

FhirEntry* FhirIndex::find(const FhirEntry& from, const QString& reference, QString* type, QString* id)
{
    const QString ref = withoutHistory(reference);
    QString t, i;
    const bool hasTail = typeAndId(reference, t, i);
    if (type != nullptr)
        *type = hasTail ? t : QString();
    if (id != nullptr)
        *id = hasTail ? i : QString();
    std::optional<std::size_t> at;
    if (isAbsolute(ref)) {
        if (const auto it = m_byFullUrl.find(ref); it != m_byFullUrl.end())
            at = it->second;
    } else if (hasTail) {
        // A relative reference is relative to the base of the referring entry's RESTful fullUrl;
        // in a file without such bases (urn:uuid fullUrls, a single resource) it names Type/id.
        if (!from.base.isEmpty()) {
            if (const auto it = m_byFullUrl.find(from.base + ref); it != m_byFullUrl.end())
                at = it->second;
        } else if (const auto it = m_byTypeId.find(ref); it != m_byTypeId.end()) {
            at = it->second;
        }
    }
    return at ? &m_entries[*at] : nullptr;
}

PatientLink FhirIndex::patient(const FhirEntry& from, const FhirObject& holder, const char* key)
{
    PatientLink link;
    link.skipField = holder.path(key);
    const auto ref = holder.object(key);
    if (!ref) {
        link.skipReason = "no subject: every record of this application belongs to a patient";
        return link;
    }
    const QString reference = ref->string("reference", model::limits::kDisplay);
    if (reference.isEmpty()) {
        link.skipReason = "the subject has no reference (an identifier or display alone names no record)";
        return link;
    }
    const std::string field = ref->path("reference");
    link.skipField = field;
    if (reference.startsWith(u'#')) {
        bool found = false;
        for (const auto& contained : from.resource.objects("contained"))
            found = found || contained.string("id", model::limits::kIdentifier) == reference.mid(1);
        if (!found)
            holder.errors()->fail(field, "refers to a contained resource that is not there");
        link.skipReason = "the subject is a contained resource; contained patients are not imported";
        return link;
    }
    QString type, id;
    FhirEntry* target = find(from, reference, &type, &id);
    if (target != nullptr) {
        if (target->type != "Patient") {
            link.skipReason = "the subject is a " + target->type + ", not a patient";
        } else if (target->state == FhirEntry::State::Imported) {
            link.patientId = access::PatientId{target->rowId};
        } else {
            link.skipReason = "the subject's Patient resource was skipped";
        }
        return link;
    }
    if (!type.isEmpty() && type != QLatin1String("Patient")) {
        link.skipReason = "the subject is a " + type.toStdString() + ", not a patient";
        return link;
    }
    if (type.isEmpty() || isAbsolute(reference)) {
        holder.errors()->fail(field, "the reference resolves to no resource in the file");
        return link;
    }
    // "Patient/<id>" outside the file: the import service looks for a patient with this source id.
    const QString sourceId = type + QLatin1Char('/') + id;
    for (const auto& e : m_external) {
        if (e.sourceId == sourceId) {
            link.patientId = e.placeholder;
            return link;
        }
    }
    m_external.push_back({model::newRowId<access::PatientId>(m_rng), sourceId, field});
    link.patientId = m_external.back().placeholder;
    return link;
}

std::optional<model::RowId> FhirIndex::encounter(const FhirEntry& from, const FhirObject& holder, const char* key,
                                                 const access::PatientId& patientId)
{
    const auto ref = holder.object(key);
    if (!ref)
        return std::nullopt;
    const QString reference = ref->string("reference", model::limits::kDisplay);
    if (reference.isEmpty())
        return std::nullopt;
    QString type;
    FhirEntry* target = find(from, reference, &type);
    if (target == nullptr && type == QLatin1String("Encounter") && !isAbsolute(reference)) {
        // "Encounter/x" may name an encounter on the sender's server: the link is left out, listed.
        m_skipped.push_back({ref->path("reference"), "encounter link left out: the Encounter is not in the file"});
        return std::nullopt;
    }
    if (target == nullptr || target->type != "Encounter") {
        ref->fail("reference", "the encounter reference resolves to no Encounter in the file");
        return std::nullopt;
    }
    if (target->state != FhirEntry::State::Imported)
        return std::nullopt; // the encounter was skipped (listed); the record is kept without it
    if (target->patientId != patientId) {
        ref->fail("reference", "refers to an encounter of another patient");
        return std::nullopt;
    }
    return model::RowId{target->rowId};
}

} // namespace cc::interop
