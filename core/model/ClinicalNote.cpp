// SPDX-License-Identifier: GPL-3.0-or-later
// Clinical note document: canonical encoding and strict decoding.
#include "core/model/ClinicalNote.h"

#include "core/model/DocumentReader.h"
#include "core/model/FieldLimits.h"

#include <QJsonObject>

namespace cc::model {

QByteArray ClinicalNote::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("authored"), authored);
    o.insert(QStringLiteral("author"), author);
    o.insert(QStringLiteral("text"), text);
    // Always written: the sharing decision must be explicit in every stored note.
    o.insert(QStringLiteral("sharedWithPatient"), sharedWithPatient);
    putOptional(o, "title", title);
    return canonicalDocument(o, kVersion);
}

Result<ClinicalNote> ClinicalNote::fromJson(const QByteArray& json)
{
    auto opened = DocumentReader::open(json, "note", kVersion);
    if (!opened)
        return std::move(opened).error();
    DocumentReader& r = opened.value();
    ClinicalNote n;
    n.authored = r.dateTime("authored", true);
    n.author = r.string("author", limits::kName, true);
    n.title = r.string("title", limits::kDisplay, false);
    n.text = r.string("text", limits::kNote, true);
    // Required: a document that lost the flag must not default to either answer silently.
    n.sharedWithPatient = r.boolean("sharedWithPatient", true);
    CC_TRY(r.finish());
    return n;
}

} // namespace cc::model
