// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the ACTG 315 HIV trial data (viral load and CD4 per visit) into clinical records.
#pragma once

#include "core/Result.h"
#include "core/interop/ClinicalImport.h"

#include <QString>

namespace cc::crypto {
class Rng;
}

namespace cc::interop {

class UnitsCatalogue;

/// Reads ACTG315.csv (columns obs_no, patid, day, log10_rna, rna_copies_per_ml, cd4, by name).
/// Each patid becomes one synthetic patient (MRN "ACTG-<patid>", names "ACTG"/"<patid>", sex and
/// birth date unknown: the data set does not publish them; a placeholder birth date 1900-01-01
/// is written because the model requires one, see docs/CLINICAL_DATA.md). Each visit gives three
/// observations: 20447-9 (HIV-1 RNA, {copies}/mL), 25836-8 (its log10, from log10_rna, the
/// trial's own measure) and 24467-3 (CD4, /uL), at kStudyStart + day.
/// All or nothing like SyntheaReader: a malformed row rejects the file naming line and column;
/// rna_copies_per_ml must agree with round(10^log10_rna) within 0.1 %.
class Actg315Reader
{
public:
    /// The fixed, synthetic study start: the trial's real visit dates are not published, only
    /// days since the start of therapy.
    static constexpr const char* kStudyStart = "1996-01-01T09:00:00Z";

    /// A reader converting values through `catalogue`, drawing row ids from `rng`.
    Actg315Reader(const UnitsCatalogue& catalogue, crypto::Rng& rng);

    /// Reads `path`. NotFound or StorageError if it cannot be read; MalformedInput as above.
    [[nodiscard]] Result<ClinicalImport> readFile(const QString& path) const;

private:
    const UnitsCatalogue& m_catalogue;
    crypto::Rng& m_rng;
};

} // namespace cc::interop
