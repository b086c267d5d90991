// SPDX-License-Identifier: GPL-3.0-or-later
// Private to cc_core: split [0, count) into contiguous chunks over std::threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace cc::paillier::detail {

/// The thread count to use: `requested`, or hardware_concurrency() when 0 (at least 1).
inline unsigned threadCount(unsigned requested)
{
    if (requested != 0)
        return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

/// Runs fn(begin, end, worker) over `workers` contiguous chunks of [0, count); worker 0 runs on the
/// calling thread. Chunks are deterministic, so results do not depend on scheduling.
template <typename Fn> void parallelChunks(std::size_t count, unsigned workers, Fn&& fn)
{
    workers = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, workers), std::max<std::size_t>(count, 1)));
    std::vector<std::thread> pool;
    const std::size_t per = count / workers;
    const std::size_t extra = count % workers;
    std::size_t begin = 0;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (unsigned w = 0; w < workers; ++w) {
        const std::size_t len = per + (w < extra ? 1 : 0);
        ranges.emplace_back(begin, begin + len);
        begin += len;
    }
    for (unsigned w = 1; w < workers; ++w)
        pool.emplace_back([&fn, &ranges, w] { fn(ranges[w].first, ranges[w].second, w); });
    fn(ranges[0].first, ranges[0].second, 0u);
    for (auto& t : pool)
        t.join();
}

/// Runs `side` on a second thread while the calling thread runs `main`, and waits for both; on a
/// single core, one after the other. For the two or three independent exponentiations of one
/// partial decryption or its verification (a one-cell report's custodian waits for them alone).
template <typename Side, typename Main> void alongside(Side&& side, Main&& main)
{
    if (std::thread::hardware_concurrency() < 2) {
        side();
        main();
        return;
    }
    std::thread helper([&side] { side(); });
    main();
    helper.join();
}

} // namespace cc::paillier::detail
