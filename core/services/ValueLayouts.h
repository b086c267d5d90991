// SPDX-License-Identifier: GPL-3.0-or-later
// Paillier values stored under a retired packed layout of their code, re-encrypted once under the
// code's current layout (docs/RECORDS.md, "Packed layouts and their ids").
#pragma once

#include "core/Result.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/services/ClinicService.h"

#include <cstddef>

namespace cc::services {

/// The one-time re-encryption of values whose layout id a catalogue code has retired
/// (interop::UnitDefinition::retiredLayoutIds: viral load in copies/mL, whose Σx² slot widened from
/// 64 to 84 bits in 2026-12, so that a report sums 2^20 of its values instead of 18).
class ValueLayouts
{
public:
    /// Finds, by code token, every index row of a code with retired layouts whose ciphertext names
    /// one of them; opens each such observation with its chart's key, encrypts its value afresh
    /// under the current layout (ObservationIndexer: new ciphertext and row MAC; tokens, latest
    /// flag and ids unchanged) and marks the clinic current (meta value_layouts), all in one
    /// transaction whose change to the index seal the session signs. Audited when values were
    /// re-encrypted ("values re-encrypted under current layouts: N values of M patients"), or when
    /// it fails. A no-op once the marker is set. Needs the clinical category key (a doctor's
    /// session; PatientService::convertToReferences calls it at login). A row that does not open
    /// stops it (nothing is written; retried at the next doctor login); until then reports of
    /// such a code are refused (reports::computeCells). Returns the number of values re-encrypted.
    /// Errors: AccessDenied, IntegrityFailure, KeyMismatch, MalformedInput, CryptoFailure, storage
    /// errors.
    [[nodiscard]] static Result<std::size_t>
    complete(ClinicService& clinic, const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn());
};

} // namespace cc::services
