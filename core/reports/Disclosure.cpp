// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/Disclosure.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace cc::reports {
namespace {

__extension__ using Wide = unsigned __int128;

double roundTo(double value, int decimals)
{
    const double s = std::pow(10.0, decimals);
    return std::round(value * s) / s;
}

// Linear interpolation of the q-quantile inside the bin that holds rank q·N.
double quantile(const std::vector<HistogramBin>& bins, std::uint64_t total, double q)
{
    const double rank = q * static_cast<double>(total);
    double below = 0;
    for (const auto& b : bins) {
        const double n = static_cast<double>(b.count);
        if (n > 0 && below + n >= rank)
            return b.from + (b.to - b.from) * ((rank - below) / n);
        below += n;
    }
    return bins.empty() ? 0 : bins.back().to;
}

} // namespace

std::vector<CellRelease> planSuppression(const ReportSpec& spec, const std::vector<std::uint64_t>& patients,
                                         std::uint32_t threshold, const std::vector<bool>& withheld)
{
    std::vector<CellRelease> plan(patients.size(), CellRelease::Released);
    for (std::size_t i = 0; i < patients.size(); ++i)
        if (i < withheld.size() && withheld[i])
            plan[i] = CellRelease::Withheld;
        else if (patients[i] < threshold)
            plan[i] = CellRelease::BelowThreshold;
    // Lines whose totals an outsider may know (from this or another report).
    std::vector<std::vector<std::size_t>> lines;
    const std::size_t perMeasure = spec.measures.empty() ? 0 : patients.size() / spec.measures.size();
    for (std::size_t m = 0; m < spec.measures.size(); ++m) {
        const std::size_t base = m * perMeasure;
        std::vector<std::size_t> all(perMeasure);
        for (std::size_t i = 0; i < perMeasure; ++i)
            all[i] = base + i;
        lines.push_back(all);
        if (spec.groupBy.size() == 2) {
            const std::size_t rows = spec.valuesOf(spec.groupBy[0]).size();
            const std::size_t cols = spec.valuesOf(spec.groupBy[1]).size();
            for (std::size_t r = 0; r < rows; ++r) {
                std::vector<std::size_t> line;
                for (std::size_t c = 0; c < cols; ++c)
                    line.push_back(base + r * cols + c);
                lines.push_back(line);
            }
            for (std::size_t c = 0; c < cols; ++c) {
                std::vector<std::size_t> line;
                for (std::size_t r = 0; r < rows; ++r)
                    line.push_back(base + r * cols + c);
                lines.push_back(line);
            }
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& line : lines) {
            std::uint64_t hidden = 0;
            std::size_t hiddenCells = 0; // suppressed cells that hold somebody
            std::optional<std::size_t> smallest;
            for (std::size_t i : line) {
                if (plan[i] != CellRelease::Released) {
                    hidden += patients[i];
                    hiddenCells += patients[i] > 0 ? 1 : 0;
                } else if (!smallest || patients[i] < patients[*smallest]) {
                    smallest = i;
                }
            }
            // One non-empty suppressed cell is the line total minus the released ones; several
            // holding fewer than `threshold` patients together are a small group all the same.
            if (hidden > 0 && (hiddenCells == 1 || hidden < threshold) && smallest) {
                plan[*smallest] = CellRelease::Complementary;
                changed = true;
            }
        }
    }
    return plan;
}

Result<CellFigures> figuresFor(const paillier::PackedSum& sum, const paillier::PackedLayout& layout,
                               const interop::UnitDefinition& unit, std::uint64_t patients, std::uint64_t observations,
                               std::uint64_t maxRowsPerPatient, std::uint32_t threshold)
{
    if (sum.count != observations)
        return makeError(ErrorCode::IntegrityFailure, "the decrypted cell counts " + std::to_string(sum.count) +
                                                          " observations, the clinic's rows " +
                                                          std::to_string(observations));
    CellFigures f;
    f.patients = patients;
    f.observations = observations;
    if (observations == 0)
        return f;
    const double n = static_cast<double>(observations);
    const double scale = static_cast<double>(unit.scale());
    const double meanEncoded = static_cast<double>(sum.sum) / n;
    f.mean = roundTo((meanEncoded - static_cast<double>(unit.offset())) / scale, unit.decimals);
    if (observations > 1) {
        // Exact in 128 bits: N ≤ 2^20 and x < 2^32, so N·Σx² and (Σx)² are below 2^104.
        const Wide num = static_cast<Wide>(observations) * sum.sumSquares - static_cast<Wide>(sum.sum) * sum.sum;
        const double variance = static_cast<double>(num) / (n * (n - 1)) / (scale * scale);
        f.sd = roundTo(std::sqrt(std::max(0.0, variance)), unit.decimals);
    }
    // Bins in the measure's unit: [lower edge, upper edge) with the catalogue's range at both ends.
    const auto& edges = layout.binEdges();
    std::vector<HistogramBin> raw;
    for (std::size_t i = 0; i < sum.histogram.size(); ++i) {
        const double from = i == 0 ? unit.minValue : unit.decode(edges[i - 1]);
        const double to = i < edges.size() ? unit.decode(edges[i]) : unit.maxValue;
        if (from >= to && sum.histogram[i] == 0)
            continue; // the layout's outer edges are the catalogue's range: "[30, 30)" says nothing
        raw.push_back({from, to, sum.histogram[i]});
    }
    const std::uint64_t need = static_cast<std::uint64_t>(threshold) * std::max<std::uint64_t>(maxRowsPerPatient, 1);
    std::vector<HistogramBin> merged;
    std::optional<HistogramBin> open;
    // Empty raw bins above the open bin's last non-empty one: they end the histogram as empty bins
    // if nothing follows them, instead of stretching the folded top bin to the catalogue's maximum.
    std::vector<HistogramBin> emptyAbove;
    for (const auto& b : raw) {
        if (!open) {
            if (b.count == 0) {
                merged.push_back(b); // an empty bin shows that nobody is there, which is no one's value
                continue;
            }
            open = b;
        } else if (b.count == 0) {
            emptyAbove.push_back(b);
            continue;
        } else {
            open->to = b.to; // the empty bins in between are inside it now
            open->count += b.count;
            emptyAbove.clear();
        }
        if (open->count >= need) {
            merged.push_back(*open);
            open.reset();
            merged.insert(merged.end(), emptyAbove.begin(), emptyAbove.end()); // none: it closed on a row
            emptyAbove.clear();
        }
    }
    if (open) {
        // Too few rows left at the top: fold them, with any empty bins between, into the last
        // non-empty bin (or make one bin of everything). The folded bin ends at the upper edge of
        // the highest raw bin that holds a row; the empty bins above it stay empty bins, as at
        // the bottom of the range (one bin's edges, never a value, as the lowest bin's do).
        while (!merged.empty() && merged.back().count == 0) {
            open->from = merged.back().from;
            merged.pop_back();
        }
        if (!merged.empty()) {
            merged.back().to = open->to;
            merged.back().count += open->count;
        } else {
            merged.push_back(*open);
        }
        merged.insert(merged.end(), emptyAbove.begin(), emptyAbove.end());
    }
    f.histogram = std::move(merged);
    f.medianEstimate = roundTo(quantile(f.histogram, observations, 0.5), unit.decimals);
    f.p25Estimate = roundTo(quantile(f.histogram, observations, 0.25), unit.decimals);
    f.p75Estimate = roundTo(quantile(f.histogram, observations, 0.75), unit.decimals);
    return f;
}

} // namespace cc::reports
