// SPDX-License-Identifier: GPL-3.0-or-later
// Reading `observation_index` rows: one column list and one row decoder for every store that reads them.
#pragma once

#include "core/Result.h"
#include "core/ports/ClinicalStore.h"

#include <functional>
#include <string_view>

namespace cc::db {

class Statement;

/// SELECT of every observation_index column, in the order visitObservationIndex() decodes.
inline constexpr std::string_view kSelectObservationIndex =
    "SELECT row_id, patient_ref, code_token, sex_token, age_band_token, year_token, consent_token, paillier, "
    "paillier_mac, latest FROM observation_index";

/// Steps through a statement that starts with kSelectObservationIndex, handing each row to `visit`:
/// one row object, overwritten in place for every row (ports::ReportStore::forEachIndexRow).
/// Errors: StorageError, IntegrityFailure (a stored id not 16 bytes), those of `visit`.
[[nodiscard]] Status visitObservationIndex(Statement& stmt,
                                           const std::function<Status(ports::ObservationIndexRow&)>& visit);

} // namespace cc::db
