// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a clinic's own CSV table (a wide trial table or a long laboratory export) through a
// TableMapping into clinical records.
#pragma once

#include "core/Result.h"
#include "core/interop/ClinicalImport.h"
#include "core/interop/TableMapping.h"

#include <QString>

#include <cstddef>

namespace cc::crypto {
class Rng;
}

namespace cc::interop {

class UnitsCatalogue;

/// Reads a CSV table (CsvReader rules) with a mapping. The file is rejected (MalformedInput
/// naming file, line and column) for any CSV error and for a column the mapping names that the
/// header lacks (field: the mapping field). A cell that cannot be stored is skipped and listed
/// with file, line, column and reason: an unknown sex value, a bad birth date or age, a missing
/// patient id (the whole row), a value that is not a number, a bad date, offset, code or unit, a
/// catalogued value outside its plausible range (that cell). Empty value cells are counted
/// ("empty cells"), not listed. One patient per distinct id (source id "<source>:<id>", MRN
/// prefix + id); each non-empty measured cell gives one observation whose source id is derived
/// from source, id, column, code, time and occurrence, so a re-import finds it again.
class MappedTableReader
{
public:
    /// A reader converting values through `catalogue`, drawing row ids from `rng`.
    MappedTableReader(const UnitsCatalogue& catalogue, crypto::Rng& rng);

    /// Reads `path` with `mapping`; at most `maxRows` data rows when it is not 0 (the import
    /// dialog's preview). NotFound or StorageError if the file cannot be read.
    [[nodiscard]] Result<ClinicalImport> readFile(const QString& path, const TableMapping& mapping,
                                                  std::size_t maxRows = 0) const;

private:
    const UnitsCatalogue& m_catalogue;
    crypto::Rng& m_rng;
};

} // namespace cc::interop
