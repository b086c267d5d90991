// SPDX-License-Identifier: GPL-3.0-or-later
// The digest of a whole index (records/IndexSeal.h), its elements hashed on every core while the
// caller reads the rows.
#pragma once

#include "core/WorkQueue.h"
#include "core/ports/ClinicalStore.h"

#include <cstdint>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace cc::records {

/// Sums observationDelta(row, +1) and conditionDelta(…, +1) over every row it is given, the hashing
/// (SHA-256 and 2 KB of keystream per element, records/IndexSeal.h) done by `threads` threads while
/// the caller goes on reading: the index seal's verification costs one read of the index, not one
/// read plus a single-threaded hash of every row. The sum is independent of the order rows are
/// given in and of how they are spread over the threads (a multiset hash). Not thread-safe itself:
/// one reader calls add…() and finish().
class IndexDigester
{
public:
    /// `threads` 0: every core.
    explicit IndexDigester(unsigned threads = 0);
    ~IndexDigester();
    IndexDigester(const IndexDigester&) = delete;
    IndexDigester& operator=(const IndexDigester&) = delete;

    /// Takes the row's contents, leaving it with a spent row's buffers (ObservationIndexBatch::add).
    void addObservation(ports::ObservationIndexRow& row);
    void addCondition(std::span<const std::uint8_t> rowId, std::span<const std::uint8_t> patientRef,
                      std::span<const std::uint8_t> token);
    /// Waits for the threads; the digest of every row given.
    [[nodiscard]] ports::IndexDigest finish();

private:
    struct Condition
    {
        std::vector<std::uint8_t> rowId, patientRef, token;
    };
    struct Batch
    {
        ports::ObservationIndexBatch observations;
        std::vector<Condition> conditions;
        [[nodiscard]] std::size_t size() const { return observations.size() + conditions.size(); }
    };
    void push();
    void loop();

    Batch m_pending;
    WorkQueue<Batch> m_queue;
    Recycler<Batch> m_spare; // spent batches, their row buffers reused
    std::mutex m_mutex;      // guards m_total
    ports::IndexDigest m_total;
    std::vector<std::thread> m_threads;
};

} // namespace cc::records
