// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a Synthea CSV folder into clinical records (DESIGN.md section 9).
#pragma once

#include "core/Result.h"
#include "core/interop/ClinicalImport.h"
#include "core/interop/CsvReader.h"

#include <QString>

namespace cc::crypto {
class Rng;
}

namespace cc::interop {

class UnitsCatalogue;

/// Reads patients.csv, encounters.csv, conditions.csv, observations.csv, medications.csv and
/// allergies.csv (columns by header name; extra columns ignored) of a Synthea export.
///
/// All or nothing: any malformed row (CSV syntax, invalid UTF-8, oversized field, missing column,
/// bad date, an invalid code, a reference to an unknown patient or encounter) rejects the whole
/// folder with MalformedInput naming file, line and column, because the files reference each
/// other. Rows that are well formed but cannot be stored are skipped and listed with their
/// reason: a numeric VALUE that is not a number, a missing unit or one that is not UCUM syntax,
/// a catalogued value outside its plausible range, a text observation with an empty value, an
/// observation TYPE other than numeric or text. A numeric code (or unit) the catalogue does not
/// hold is never refused: it is kept as given and counted in summary.uncatalogued.
class SyntheaReader
{
public:
    /// A reader converting numeric values through `catalogue`, drawing row ids from `rng`.
    SyntheaReader(const UnitsCatalogue& catalogue, crypto::Rng& rng,
                  qsizetype maxFieldBytes = CsvReader::kDefaultMaxFieldBytes);

    /// Reads the six files in `folder`. NotFound naming a missing file; MalformedInput as above;
    /// StorageError if a file cannot be read.
    [[nodiscard]] Result<ClinicalImport> readFolder(const QString& folder) const;

private:
    const UnitsCatalogue& m_catalogue;
    crypto::Rng& m_rng;
    qsizetype m_maxFieldBytes;
};

} // namespace cc::interop
