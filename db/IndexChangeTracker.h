// SPDX-License-Identifier: GPL-3.0-or-later
// The change a unit of work makes to the index seal's multiset hash (docs/RECORDS.md, "The index
// seal"), kept by the clinical store as it writes and handed to the session's sealer at commit.
#pragma once

#include "core/Result.h"
#include "core/ports/ClinicalStore.h"

#include <map>
#include <utility>

namespace cc::db {

/// Shared by SqlClinicalStore (which notes each change) and SqlTransactionFactory (which opens it
/// with a transaction, seals at commit and forgets the change at commit or rollback).
class IndexChangeTracker
{
public:
    /// A unit of work starts: nothing changed yet.
    void open() noexcept
    {
        m_open = true;
        m_changed = false;
        m_delta = {};
        m_charts.clear();
    }
    /// The unit of work ended (committed or rolled back).
    void close() noexcept
    {
        m_open = false;
        m_changed = false;
        m_delta = {};
        m_charts.clear();
    }
    /// Adds one write's change. Errors: StorageError (no unit of work is open: an index write
    /// outside a transaction could never be sealed, so it is refused before it happens).
    [[nodiscard]] Status note(const ports::IndexDigest& change)
    {
        if (!m_open)
            return makeError(ErrorCode::StorageError,
                             "the observation index can only change inside a unit of work (a transaction)");
        m_delta.add(change);
        m_changed = true;
        return {};
    }
    /// Notes that a write inserted, edited or deleted the clinical row `row` of `patient`'s chart
    /// (its manifest is rewritten at commit). Outside a unit of work nothing is noted: the manifest
    /// then no longer matches, and the chart is refused when it opens (what a write behind the
    /// services' back deserves).
    void noteChart(const access::PatientRef& patient, const RowId& row)
    {
        if (m_open)
            m_charts[patient].rows.insert(row);
    }
    /// Notes that rows were moved under `patient`'s reference (its manifest is written afresh).
    void noteChartMoved(const access::PatientRef& patient)
    {
        if (m_open)
            m_charts[patient].moved = true;
    }
    /// The charts changed so far, forgotten (the chart sealer's own writes note none).
    [[nodiscard]] std::map<access::PatientRef, ports::ChartChange> takeCharts() { return std::exchange(m_charts, {}); }
    [[nodiscard]] bool isOpen() const noexcept { return m_open; }
    [[nodiscard]] bool changed() const noexcept { return m_changed; }
    [[nodiscard]] const ports::IndexDigest& delta() const noexcept { return m_delta; }

    void setSealer(ports::IndexSealer sealer) { m_sealer = std::move(sealer); }
    [[nodiscard]] const ports::IndexSealer& sealer() const noexcept { return m_sealer; }
    void setChartSealer(ports::ChartSealer sealer) { m_chartSealer = std::move(sealer); }
    [[nodiscard]] const ports::ChartSealer& chartSealer() const noexcept { return m_chartSealer; }

private:
    bool m_open = false;
    bool m_changed = false;
    ports::IndexDigest m_delta;
    ports::IndexSealer m_sealer;
    std::map<access::PatientRef, ports::ChartChange> m_charts;
    ports::ChartSealer m_chartSealer;
};

} // namespace cc::db
