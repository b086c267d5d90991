// SPDX-License-Identifier: GPL-3.0-or-later
// Typed CSV field access for the importers.
#include "core/interop/CsvFields.h"

#include "core/model/CodeSystem.h"
#include "core/model/IsoDateTime.h"

#include <QLocale>

#include <cmath>

namespace cc::interop {

Status CsvFields::require(std::initializer_list<const char*> names) const
{
    for (const char* name : names)
        CC_TRY(m_csv.requireColumn(name));
    return {};
}

QString CsvFields::raw(const char* column) const
{
    return m_csv.field(m_csv.optionalColumn(column));
}

Error CsvFields::error(const char* column, std::string message) const
{
    return malformed(std::move(message), m_csv.fileName().toStdString(), m_csv.line(), column);
}

Result<QString> CsvFields::text(const char* column, std::size_t maxBytes, bool required) const
{
    QString value = raw(column);
    if (static_cast<std::size_t>(value.toUtf8().size()) > maxBytes)
        return error(column, "longer than " + std::to_string(maxBytes) + " bytes");
    if (required && value.isEmpty())
        return error(column, "must not be empty");
    return value;
}

Status CsvFields::assign(QString& out, const char* column, std::size_t maxBytes, bool required) const
{
    auto value = text(column, maxBytes, required);
    if (!value)
        return std::move(value).error();
    out = std::move(value).value();
    return {};
}

Status CsvFields::assignDate(QString& out, const char* column, bool required, bool dateOnly) const
{
    CC_TRY(assign(out, column, 64, required));
    if (out.isEmpty())
        return {};
    if (dateOnly ? !model::isIsoDate(out) : !model::isIsoDateOrDateTime(out))
        return error(column,
                     dateOnly ? "is not an ISO 8601 date (YYYY-MM-DD)" : "is not an ISO 8601 date or date-time");
    return {};
}

Status CsvFields::assignCode(QString& out, const char* column, const QString& system, bool required) const
{
    CC_TRY(assign(out, column, 64, required));
    if (!out.isEmpty() && !model::isValidCode(system, out))
        return error(column, "is not a valid code of " + system.toStdString());
    return {};
}

Status CsvFields::assignSystem(QString& out, const char* column, const char* fallback) const
{
    const QString token = raw(column).toUpper();
    if (token.isEmpty())
        out = QString::fromLatin1(fallback);
    else if (token == QLatin1String("SNOMED-CT") || token == QLatin1String("SNOMED"))
        out = QString::fromLatin1(model::codesystem::kSnomed);
    else if (token == QLatin1String("RXNORM"))
        out = QString::fromLatin1(model::codesystem::kRxNorm);
    else if (token == QLatin1String("ICD-10") || token == QLatin1String("ICD10"))
        out = QString::fromLatin1(model::codesystem::kIcd10);
    else if (token == QLatin1String("ICD-10-CM"))
        out = QString::fromLatin1(model::codesystem::kIcd10Cm);
    else
        return error(column, "unknown code system");
    return {};
}

std::optional<double> parseDecimal(const QString& text)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::RejectGroupSeparator);
    bool ok = false;
    const double d = c.toDouble(text, &ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

Result<double> CsvFields::number(const char* column) const
{
    const auto d = parseDecimal(raw(column));
    if (!d)
        return error(column, "is not a number");
    return *d;
}

Result<std::optional<qint64>> CsvFields::integer(const char* column, qint64 minValue, qint64 maxValue) const
{
    const QString value = raw(column);
    if (value.isEmpty())
        return std::optional<qint64>{};
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok || n < minValue || n > maxValue)
        return error(column, "is not an integer from " + std::to_string(minValue) + " to " + std::to_string(maxValue));
    return std::optional<qint64>{n};
}

} // namespace cc::interop
