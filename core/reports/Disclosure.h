// SPDX-License-Identifier: GPL-3.0-or-later
// Disclosure control for published reports (docs/REPORTS.md, "Disclosure control").
#pragma once

#include "core/Result.h"
#include "core/interop/UnitDefinition.h"
#include "core/paillier/PackedLayout.h"
#include "core/reports/ReportFile.h"
#include "core/reports/ReportSpec.h"

#include <cstdint>
#include <vector>

namespace cc::reports {

/// The clinic's minimum cell size: default 11, never below 5 (DESIGN.md section 6).
inline constexpr std::uint32_t kDefaultMinimumCellSize = 11;
inline constexpr std::uint32_t kLowestMinimumCellSize = 5;

/// Why a cell is or is not released.
/// Withheld: a federated cell that some site did not export (its own cell was suppressed).
enum class CellRelease { Released, BelowThreshold, Complementary, Withheld };

/// Primary and complementary suppression from the cells' distinct-patient counts (known before any
/// decryption, so every custodian computes the same plan). A cell with fewer than `threshold`
/// patients is suppressed. Then, for every "line" of cells whose total could be known (all cells
/// of a measure; with two groupings also every row and every column of the measure's table),
/// while the line has released cells and its suppressed cells either are a single non-empty cell
/// (recoverable as total minus the released cells) or hold between 1 and threshold − 1 patients
/// together, the released cell with the fewest patients is suppressed too (ties: the lowest
/// index). Repeated until no line changes. Cells marked in `withheld` (a merged network cell that
/// a site did not export) are suppressed from the start and count with their patients like any
/// suppressed cell.
[[nodiscard]] std::vector<CellRelease> planSuppression(const ReportSpec& spec,
                                                       const std::vector<std::uint64_t>& patients,
                                                       std::uint32_t threshold, const std::vector<bool>& withheld = {});

/// A released cell's figures from its decrypted sum: n (patients) and observations, mean and
/// sample SD rounded to the catalogue's decimals, histogram bins merged left to right until each
/// non-empty bin holds at least threshold × (the most rows one patient has in the cell) rows (so
/// at least `threshold` patients), and the median and quartiles interpolated linearly inside the
/// merged bins (estimates). Errors: IntegrityFailure (decoded count differs from the rows selected).
[[nodiscard]] Result<CellFigures> figuresFor(const paillier::PackedSum& sum, const paillier::PackedLayout& layout,
                                             const interop::UnitDefinition& unit, std::uint64_t patients,
                                             std::uint64_t observations, std::uint64_t maxRowsPerPatient,
                                             std::uint32_t threshold);

} // namespace cc::reports
