// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/IndexDigester.h"

#include "core/records/IndexSeal.h"

#include <algorithm>
#include <utility>

namespace cc::records {
namespace {

constexpr std::size_t kBatch = 256;

unsigned threadCount(unsigned requested)
{
    return requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

} // namespace

IndexDigester::IndexDigester(unsigned threads) : m_queue(2 * std::size_t{threadCount(threads)})
{
    for (unsigned i = 0, n = threadCount(threads); i < n; ++i)
        m_threads.emplace_back([this] { loop(); });
}

IndexDigester::~IndexDigester()
{
    static_cast<void>(finish());
}

void IndexDigester::addObservation(ports::ObservationIndexRow& row)
{
    m_pending.observations.add(row);
    if (m_pending.size() >= kBatch)
        push();
}

void IndexDigester::addCondition(std::span<const std::uint8_t> rowId, std::span<const std::uint8_t> patientRef,
                                 std::span<const std::uint8_t> token)
{
    m_pending.conditions.push_back(
        Condition{{rowId.begin(), rowId.end()}, {patientRef.begin(), patientRef.end()}, {token.begin(), token.end()}});
    if (m_pending.size() >= kBatch)
        push();
}

void IndexDigester::push()
{
    static_cast<void>(m_queue.push(std::exchange(m_pending, m_spare.take()))); // never stopped
}

ports::IndexDigest IndexDigester::finish()
{
    if (m_pending.size() > 0)
        push();
    m_queue.close();
    for (auto& t : m_threads)
        if (t.joinable())
            t.join();
    return m_total;
}

void IndexDigester::loop()
{
    ports::IndexDigest local;
    std::vector<std::uint8_t> element; // reused for every row's element
    while (auto batch = m_queue.pop()) {
        // The same sums as observationDelta(row, +1) and conditionDelta(…, +1), in place.
        for (std::size_t i = 0; i < batch->observations.size(); ++i) {
            indexElementInto(batch->observations[i], element);
            local.hash.addElement(element);
        }
        for (const auto& c : batch->conditions)
            local.hash.addElement(conditionElement(c.rowId, c.patientRef, c.token));
        local.observationRows += static_cast<std::int64_t>(batch->observations.size());
        local.conditionRows += static_cast<std::int64_t>(batch->conditions.size());
        batch->observations.clear();
        batch->conditions.clear();
        m_spare.give(std::move(*batch));
    }
    std::lock_guard lock(m_mutex);
    m_total.add(local);
}

} // namespace cc::records
