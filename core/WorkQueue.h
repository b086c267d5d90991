// SPDX-License-Identifier: GPL-3.0-or-later
// A bounded queue between one reading thread and several working threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace cc {

/// The reader push()es (blocking while `capacity` items wait, so reading cannot run far ahead of
/// the work), workers pop() until it returns nothing, the reader close()s when it has read
/// everything; stop() ends it early (a worker failed): pending items are dropped, push() returns
/// false and pop() returns nothing from then on.
template <typename T> class WorkQueue
{
public:
    explicit WorkQueue(std::size_t capacity) : m_capacity(capacity == 0 ? 1 : capacity) {}

    /// False once stopped (the item is dropped).
    bool push(T item)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_items.size() < m_capacity || m_stopped; });
        if (m_stopped)
            return false;
        m_items.push_back(std::move(item));
        m_ready.notify_one();
        return true;
    }

    /// The next item; nothing once closed and drained, or stopped.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_items.empty() || m_closed || m_stopped; });
        if (m_stopped || m_items.empty())
            return std::nullopt;
        std::optional<T> item(std::move(m_items.front()));
        m_items.pop_front();
        m_space.notify_one();
        return item;
    }

    /// No more items will be pushed.
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_ready.notify_all();
    }

    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_items.clear();
        m_ready.notify_all();
        m_space.notify_all();
    }

private:
    const std::size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<T> m_items;
    bool m_closed = false;
    bool m_stopped = false;
};

/// Spent items handed back by the working threads for the reader to fill again, so that their
/// buffers are reused instead of allocated afresh for every batch (a report reads 10^6 rows).
/// Thread-safe.
template <typename T> class Recycler
{
public:
    /// A spent item if there is one, else a new one.
    T take()
    {
        std::lock_guard lock(m_mutex);
        if (m_spare.empty())
            return T{};
        T item = std::move(m_spare.back());
        m_spare.pop_back();
        return item;
    }
    void give(T item)
    {
        std::lock_guard lock(m_mutex);
        m_spare.push_back(std::move(item));
    }

private:
    std::mutex m_mutex;
    std::vector<T> m_spare;
};

} // namespace cc
