// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/DisplayText.h"

#include "core/interop/UnitsCatalogue.h"
#include "core/model/IsoDateTime.h"

#include <QDate>
#include <QHash>
#include <QLocale>

#include <map>

namespace cc::ui {

QString DisplayText::date(const QString& iso)
{
    if (iso.isEmpty())
        return {};
    const QDate d = QDate::fromString(iso.left(10), Qt::ISODate);
    if (!d.isValid() || !model::isIsoDateOrDateTime(iso))
        return iso;
    // A date-time is shown on the local calendar day (an instant late in the UTC day can be the
    // next or previous day here).
    if (iso.size() > 10)
        if (const auto instant = model::parseIsoInstant(iso))
            return QLocale().toString(instant->toLocalTime().date(), QLocale::ShortFormat);
    return QLocale().toString(d, QLocale::ShortFormat);
}

QString DisplayText::dateTime(const QString& iso)
{
    if (iso.size() <= 10)
        return date(iso);
    const auto instant = model::parseIsoInstant(iso);
    if (!instant || !model::isIsoDateTime(iso))
        return iso;
    return QLocale().toString(instant->toLocalTime(), QLocale::ShortFormat);
}

QString DisplayText::dateTime(qint64 msecsSinceEpoch)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toLocalTime(),
                              QLocale::ShortFormat);
}

QString DisplayText::unit(const QString& ucum)
{
    // UCUM codes (https://ucum.org/ucum) of the units catalogue and the imports, with the forms
    // clinicians write. Annotations in braces are display text in UCUM itself.
    static const QHash<QString, QString> forms = {
        {QStringLiteral("mm[Hg]"), QStringLiteral("mmHg")},
        {QStringLiteral("{score}"), tr("score")},
        {QStringLiteral("{#}"), tr("count")},
        {QStringLiteral("a"), tr("years")},
        {QStringLiteral("mo"), tr("months")},
        {QStringLiteral("wk"), tr("weeks")},
        {QStringLiteral("d"), tr("days")},
        {QStringLiteral("h"), tr("hours")},
        {QStringLiteral("min"), tr("minutes")},
        {QStringLiteral("/min"), tr("/min")},
        {QStringLiteral("Cel"), QStringLiteral("°C")},
        {QStringLiteral("[degF]"), QStringLiteral("°F")},
        {QStringLiteral("10*3/uL"), QStringLiteral("10³/µL")},
        {QStringLiteral("10*6/uL"), QStringLiteral("10⁶/µL")},
        {QStringLiteral("10*9/L"), QStringLiteral("10⁹/L")},
        {QStringLiteral("10*12/L"), QStringLiteral("10¹²/L")},
        {QStringLiteral("/uL"), QStringLiteral("/µL")},
        {QStringLiteral("umol/L"), QStringLiteral("µmol/L")},
        {QStringLiteral("ug/L"), QStringLiteral("µg/L")},
        {QStringLiteral("ug/dL"), QStringLiteral("µg/dL")},
        {QStringLiteral("kg/m2"), QStringLiteral("kg/m²")},
        {QStringLiteral("g/cm2"), QStringLiteral("g/cm²")},
        {QStringLiteral("mL/min/{1.73_m2}"), QStringLiteral("mL/min/1.73 m²")},
        {QStringLiteral("{copies}/mL"), tr("copies/mL")},
        {QStringLiteral("[in_i]"), QStringLiteral("in")},
        {QStringLiteral("[lb_av]"), QStringLiteral("lb")},
        {QStringLiteral("meq/L"), QStringLiteral("mEq/L")},
        {QStringLiteral("1"), QString()},
    };
    if (const auto it = forms.constFind(ucum); it != forms.constEnd())
        return *it;
    QString shown = ucum;
    shown.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
    return shown.replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString DisplayText::number(double value)
{
    return QLocale().toString(value, 'g', 10);
}

QString DisplayText::quantity(double value, const QString& ucum)
{
    const QString u = unit(ucum);
    if (u.isEmpty())
        return number(value);
    // A leading "/" ("/min") reads as "72/min", without a space.
    return u.startsWith(QLatin1Char('/')) || u == QLatin1String("%") || u.startsWith(QChar(0x00B0))
               ? number(value) + u
               : number(value) + QLatin1Char(' ') + u;
}

QString DisplayText::observationName(const QString& code, const QString& fallback)
{
    if (const auto* def = interop::UnitsCatalogue::builtIn().find(code))
        return def->display;
    return fallback;
}

QString DisplayText::plainObservationName(const QString& code, const QString& fallback)
{
    // Lay names for the codes a patient meets most, in the spirit of MedlinePlus' test names
    // (medlineplus.gov/lab-tests); the clinical name stays in the doctor's window.
    static const std::map<QString, const char*> names = {
        {QStringLiteral("8302-2"), QT_TR_NOOP("Height")},
        {QStringLiteral("29463-7"), QT_TR_NOOP("Weight")},
        {QStringLiteral("39156-5"), QT_TR_NOOP("Body mass index (BMI)")},
        {QStringLiteral("8480-6"), QT_TR_NOOP("Blood pressure, upper number (systolic)")},
        {QStringLiteral("8462-4"), QT_TR_NOOP("Blood pressure, lower number (diastolic)")},
        {QStringLiteral("8867-4"), QT_TR_NOOP("Pulse (heart rate)")},
        {QStringLiteral("9279-1"), QT_TR_NOOP("Breathing rate")},
        {QStringLiteral("8310-5"), QT_TR_NOOP("Temperature")},
        {QStringLiteral("2708-6"), QT_TR_NOOP("Oxygen level in the blood")},
        {QStringLiteral("72514-3"), QT_TR_NOOP("Pain score (0 to 10)")},
        {QStringLiteral("2339-0"), QT_TR_NOOP("Blood sugar (glucose)")},
        {QStringLiteral("2345-7"), QT_TR_NOOP("Blood sugar (glucose)")},
        {QStringLiteral("1558-6"), QT_TR_NOOP("Blood sugar before eating (fasting glucose)")},
        {QStringLiteral("4548-4"), QT_TR_NOOP("Average blood sugar over about 3 months (HbA1c)")},
        {QStringLiteral("2093-3"), QT_TR_NOOP("Cholesterol, total")},
        {QStringLiteral("2085-9"), QT_TR_NOOP("\"Good\" cholesterol (HDL)")},
        {QStringLiteral("18262-6"), QT_TR_NOOP("\"Bad\" cholesterol (LDL)")},
        {QStringLiteral("13457-7"), QT_TR_NOOP("\"Bad\" cholesterol (LDL)")},
        {QStringLiteral("2571-8"), QT_TR_NOOP("Blood fats (triglycerides)")},
        {QStringLiteral("6299-2"), QT_TR_NOOP("Kidney waste product (urea nitrogen)")},
        {QStringLiteral("3094-0"), QT_TR_NOOP("Kidney waste product (urea nitrogen)")},
        {QStringLiteral("38483-4"), QT_TR_NOOP("Kidney test (creatinine)")},
        {QStringLiteral("2160-0"), QT_TR_NOOP("Kidney test (creatinine)")},
        {QStringLiteral("33914-3"), QT_TR_NOOP("Kidney function (eGFR)")},
        {QStringLiteral("48643-1"), QT_TR_NOOP("Kidney function (eGFR)")},
        {QStringLiteral("48642-3"), QT_TR_NOOP("Kidney function (eGFR)")},
        {QStringLiteral("98980-6"), QT_TR_NOOP("Kidney function (eGFR)")},
        {QStringLiteral("2947-0"), QT_TR_NOOP("Sodium (salt balance)")},
        {QStringLiteral("2951-2"), QT_TR_NOOP("Sodium (salt balance)")},
        {QStringLiteral("6298-4"), QT_TR_NOOP("Potassium")},
        {QStringLiteral("2823-3"), QT_TR_NOOP("Potassium")},
        {QStringLiteral("49765-1"), QT_TR_NOOP("Calcium")},
        {QStringLiteral("17861-6"), QT_TR_NOOP("Calcium")},
        {QStringLiteral("718-7"), QT_TR_NOOP("Hemoglobin (carries oxygen in the blood)")},
        {QStringLiteral("6690-2"), QT_TR_NOOP("White blood cells")},
        {QStringLiteral("789-8"), QT_TR_NOOP("Red blood cells")},
        {QStringLiteral("777-3"), QT_TR_NOOP("Platelets (help blood clot)")},
        {QStringLiteral("1742-6"), QT_TR_NOOP("Liver test (ALT)")},
        {QStringLiteral("1920-8"), QT_TR_NOOP("Liver test (AST)")},
        {QStringLiteral("1975-2"), QT_TR_NOOP("Bilirubin (liver)")},
        {QStringLiteral("3016-3"), QT_TR_NOOP("Thyroid test (TSH)")},
        {QStringLiteral("6301-6"), QT_TR_NOOP("Blood clotting test (INR)")},
        {QStringLiteral("1988-5"), QT_TR_NOOP("Inflammation test (CRP)")},
        {QStringLiteral("2276-4"), QT_TR_NOOP("Iron stores (ferritin)")},
        {QStringLiteral("14959-1"), QT_TR_NOOP("Protein in urine (albumin to creatinine ratio)")},
        {QStringLiteral("20447-9"), QT_TR_NOOP("HIV viral load")},
        {QStringLiteral("24467-3"), QT_TR_NOOP("CD4 cells (immune system)")},
    };
    if (const auto it = names.find(code); it != names.end())
        return tr(it->second);
    return observationName(code, fallback);
}

QString DisplayText::observationValue(const model::Observation& o)
{
    if (o.value)
        return quantity(*o.value, o.unit);
    if (!o.components.empty()) {
        QStringList parts;
        for (const auto& c : o.components)
            parts << (c.value
                          ? QStringLiteral("%1 %2").arg(observationName(c.code, c.display), quantity(*c.value, c.unit))
                          : QStringLiteral("%1 %2").arg(observationName(c.code, c.display), c.text));
        return parts.join(QStringLiteral("; "));
    }
    return o.text;
}

QString DisplayText::flag(services::ObservationFlag flag)
{
    switch (flag) {
    case services::ObservationFlag::High:
        return tr("High");
    case services::ObservationFlag::Low:
        return tr("Low");
    case services::ObservationFlag::Normal:
        return tr("Normal");
    case services::ObservationFlag::NoRange:
        break;
    }
    return {};
}

QString DisplayText::range(const services::ReferenceRange* range)
{
    if (range == nullptr)
        return {};
    const QString u = unit(range->unit);
    if (range->low && range->high)
        return QStringLiteral("%1–%2 %3").arg(number(*range->low), number(*range->high), u).trimmed();
    if (range->low)
        return QStringLiteral("≥ %1 %2").arg(number(*range->low), u).trimmed();
    if (range->high)
        return QStringLiteral("≤ %1 %2").arg(number(*range->high), u).trimmed();
    return {};
}

QString DisplayText::patientName(const model::Patient& patient)
{
    QString given = patient.givenName;
    if (!patient.prefix.isEmpty())
        given = patient.prefix + QLatin1Char(' ') + given;
    QString name = patient.familyName + QStringLiteral(", ") + given;
    if (!patient.suffix.isEmpty())
        name += QLatin1Char(' ') + patient.suffix;
    return name;
}

QString DisplayText::sex(model::Sex sex)
{
    switch (sex) {
    case model::Sex::Female:
        return tr("female");
    case model::Sex::Male:
        return tr("male");
    case model::Sex::Other:
        return tr("other");
    case model::Sex::Unknown:
        break;
    }
    return tr("unknown");
}

QString DisplayText::patientLine(const model::Patient& patient)
{
    return tr("%1 — MRN %2").arg(patientName(patient), patient.mrn);
}

QString DisplayText::category(services::ProblemCategory category)
{
    switch (category) {
    case services::ProblemCategory::Diagnosis:
        return tr("Diagnosis");
    case services::ProblemCategory::Finding:
        return tr("Finding");
    case services::ProblemCategory::History:
        return tr("History");
    case services::ProblemCategory::Social:
        return tr("Social / administrative");
    }
    return {};
}

} // namespace cc::ui
