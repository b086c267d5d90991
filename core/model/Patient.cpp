// SPDX-License-Identifier: GPL-3.0-or-later
// Patient identity document: canonical encoding and strict decoding.
#include "core/model/Patient.h"

#include "core/model/DocumentReader.h"
#include "core/model/FieldLimits.h"

#include <QJsonObject>

namespace cc::model {

QString sexToken(Sex sex)
{
    switch (sex) {
    case Sex::Female:
        return QStringLiteral("female");
    case Sex::Male:
        return QStringLiteral("male");
    case Sex::Other:
        return QStringLiteral("other");
    case Sex::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QByteArray Patient::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("mrn"), mrn);
    o.insert(QStringLiteral("givenName"), givenName);
    o.insert(QStringLiteral("familyName"), familyName);
    o.insert(QStringLiteral("birthDate"), birthDate);
    o.insert(QStringLiteral("sex"), sexToken(sex));
    putOptional(o, "prefix", prefix);
    putOptional(o, "suffix", suffix);
    putOptional(o, "maidenName", maidenName);
    putOptional(o, "deathDate", deathDate);
    putOptional(o, "addressLine", addressLine);
    putOptional(o, "city", city);
    putOptional(o, "state", state);
    putOptional(o, "postalCode", postalCode);
    putOptional(o, "country", country);
    putOptional(o, "phone", phone);
    putOptional(o, "email", email);
    putOptional(o, "sourceId", sourceId);
    if (researchOptOut)
        o.insert(QStringLiteral("researchOptOut"), true);
    return canonicalDocument(o, kVersion);
}

Result<Patient> Patient::fromJson(const QByteArray& json)
{
    auto opened = DocumentReader::open(json, "patient", kVersion);
    if (!opened)
        return std::move(opened).error();
    DocumentReader& r = opened.value();
    Patient p;
    p.mrn = r.string("mrn", limits::kIdentifier, true);
    p.givenName = r.string("givenName", limits::kName, true);
    p.familyName = r.string("familyName", limits::kName, true);
    p.prefix = r.string("prefix", limits::kName, false);
    p.suffix = r.string("suffix", limits::kName, false);
    p.maidenName = r.string("maidenName", limits::kName, false);
    p.birthDate = r.date("birthDate", true);
    p.deathDate = r.date("deathDate", false);
    const QString sex = r.token("sex", {"female", "male", "other", "unknown"}, true);
    p.sex = sex == QLatin1String("female")  ? Sex::Female
            : sex == QLatin1String("male")  ? Sex::Male
            : sex == QLatin1String("other") ? Sex::Other
                                            : Sex::Unknown;
    p.addressLine = r.string("addressLine", limits::kAddress, false);
    p.city = r.string("city", limits::kAddress, false);
    p.state = r.string("state", limits::kAddress, false);
    p.postalCode = r.string("postalCode", limits::kIdentifier, false);
    p.country = r.string("country", limits::kAddress, false);
    p.phone = r.string("phone", limits::kPhone, false);
    p.email = r.string("email", limits::kEmail, false);
    if (!p.email.isEmpty() && !p.email.contains(u'@'))
        r.fail("email", "is not an e-mail address");
    p.sourceId = r.string("sourceId", limits::kIdentifier, false);
    p.researchOptOut = r.boolean("researchOptOut", false, false);
    // ISO 8601 dates of the same form compare correctly as strings.
    if (r.ok() && !p.deathDate.isEmpty() && p.deathDate < p.birthDate)
        r.fail("deathDate", "is before the birth date");
    CC_TRY(r.finish());
    return p;
}

} // namespace cc::model
