// SPDX-License-Identifier: GPL-3.0-or-later
// A mapping file: how the columns of a clinic's own CSV table become patients and observations
// (docs/CLINICAL_DATA.md, "Mapped tables").
#pragma once

#include "core/Result.h"
#include "core/model/Patient.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace cc::interop {

class UnitsCatalogue;

/// Where a value comes from: a column of the table or a fixed value written in the mapping.
struct MappedValue
{
    QString column; ///< non-empty: read from this column
    QString value;  ///< otherwise this fixed value
    [[nodiscard]] bool fromColumn() const { return !column.isEmpty(); }
};

/// When one measurement was taken: a date column, or a number of days after the baseline (a
/// fixed offset for a wide table's visit column, or an offset column in days or weeks).
struct MeasurementTime
{
    QString dateColumn;     ///< ISO date or date-time per row
    QString offsetColumn;   ///< integer offset per row, in `offsetUnitDays` days
    int offsetUnitDays = 1; ///< 1 (days) or 7 (weeks)
    qint64 fixedDays = 0;   ///< the fixed offset in days when neither column is set
};

/// One measured column.
struct MappedMeasurement
{
    QString column;      ///< the value column
    MappedValue code;    ///< LOINC code (fixed or per row)
    MappedValue unit;    ///< UCUM unit (fixed or per row)
    MappedValue display; ///< display text; empty fixed value: the catalogue's display, else the code
    QString category;    ///< FHIR observation category, "laboratory" unless given
    MeasurementTime time;
    QString field; ///< where it is in the mapping ("measurements[2]"), for errors
};

/// A validated mapping (version 1). Every column named here exists in the table's header once
/// TableMapping::checkColumns has passed.
struct TableMapping
{
    QString source;    ///< namespace of source ids: a patient's source id is "<source>:<id>"
    QString idColumn;  ///< the patient id column
    QString mrnPrefix; ///< MRN = prefix + id
    MappedValue givenName;
    MappedValue familyName;
    /// Sex: a fixed token or a column whose cells are mapped through `sexMap` to a FHIR token.
    MappedValue sex;
    std::map<QString, model::Sex> sexMap;
    std::optional<MappedValue> birthDate; ///< ISO date
    QString ageColumn;                    ///< else: age in whole years at `ageAt`
    MappedValue ageAt;
    std::optional<MappedValue> baseline; ///< ISO date or date-time; needed by every offset
    std::vector<MappedMeasurement> measurements;

    /// The largest mapping file read.
    static constexpr qsizetype kMaxFileBytes = 1024 * 1024;
    /// The most measured columns in one mapping.
    static constexpr std::size_t kMaxMeasurements = 512;
    /// Offsets are limited to a century either side of the baseline.
    static constexpr qint64 kMaxOffsetDays = 36525;

    /// Parses and checks a mapping document. Another version is Unsupported; every other error is
    /// MalformedInput naming `fileName` and the mapping field as a path (`patient.sex.map.M`,
    /// `measurements[1].offset.unit`), with the JSON line for a syntax error: not JSON, an unknown, missing or
    /// mistyped field, an invalid LOINC code, a unit that is not UCUM or that the catalogue does
    /// not convert for a catalogued code, an offset without a baseline, two ways to give one
    /// value (birthDate and age, code and codeColumn, date and offset).
    [[nodiscard]] static Result<TableMapping> parse(const QByteArray& json, const QString& fileName,
                                                    const UnitsCatalogue& catalogue);
    /// Reads and parses `path`: NotFound, StorageError, MalformedInput as parse() (and a file
    /// over kMaxFileBytes).
    [[nodiscard]] static Result<TableMapping> readFile(const QString& path, const UnitsCatalogue& catalogue);

    /// Every column the mapping reads, each with the mapping field that names it.
    [[nodiscard]] std::vector<std::pair<QString, QString>> columns() const;
};

} // namespace cc::interop
