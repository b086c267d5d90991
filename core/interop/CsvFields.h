// SPDX-License-Identifier: GPL-3.0-or-later
// Typed access to the current CSV record's fields by column name, for the importers.
#pragma once

#include "core/Result.h"
#include "core/interop/CsvReader.h"

#include <QByteArray>
#include <QString>

#include <initializer_list>
#include <optional>

namespace cc::interop {

/// A decimal number as CSV files write it ("C" locale: a dot, no thousands separators), finite;
/// nullopt otherwise.
[[nodiscard]] std::optional<double> parseDecimal(const QString& text);

/// Reads fields of `csv`'s current record by header name and checks them. Every error is
/// MalformedInput naming the file, the record's line and the column.
class CsvFields
{
public:
    explicit CsvFields(const CsvReader& csv) : m_csv(csv) {}

    /// MalformedInput naming the first of `names` the header lacks.
    [[nodiscard]] Status require(std::initializer_list<const char*> names) const;
    /// The field as read ("" if the column is absent).
    [[nodiscard]] QString raw(const char* column) const;
    /// The field, at most `maxBytes` UTF-8 bytes, not empty if `required`.
    [[nodiscard]] Result<QString> text(const char* column, std::size_t maxBytes, bool required) const;
    /// text() into `out`.
    [[nodiscard]] Status assign(QString& out, const char* column, std::size_t maxBytes, bool required) const;
    /// An ISO 8601 date (if `dateOnly`) or a date or date-time, into `out`.
    [[nodiscard]] Status assignDate(QString& out, const char* column, bool required, bool dateOnly) const;
    /// A code valid in `system` (model::isValidCode), into `out`.
    [[nodiscard]] Status assignCode(QString& out, const char* column, const QString& system, bool required) const;
    /// A Synthea SYSTEM token (SNOMED-CT, RxNorm, ICD-10 ...) as a FHIR system URI into `out`;
    /// `fallback` if the column is absent or empty.
    [[nodiscard]] Status assignSystem(QString& out, const char* column, const char* fallback) const;
    /// A required decimal number ("C" locale: a dot, no thousands separators).
    [[nodiscard]] Result<double> number(const char* column) const;
    /// An optional integer in [minValue, maxValue].
    [[nodiscard]] Result<std::optional<qint64>> integer(const char* column, qint64 minValue, qint64 maxValue) const;
    /// A MalformedInput error about `column` of the current record.
    [[nodiscard]] Error error(const char* column, std::string message) const;

    /// Decodes `document` with `decode` as a last check, so an import never produces a record
    /// the stored-document decoder would refuse; a failure names file, line and document field.
    template <typename T>
    [[nodiscard]] Status check(const QByteArray& document, Result<T> (*decode)(const QByteArray&)) const
    {
        auto decoded = decode(document);
        if (!decoded)
            return malformed(decoded.error().message, m_csv.fileName().toStdString(), m_csv.line(),
                             decoded.error().field);
        return {};
    }

private:
    const CsvReader& m_csv;
};

} // namespace cc::interop
