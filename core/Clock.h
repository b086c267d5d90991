// SPDX-License-Identifier: GPL-3.0-or-later
// An injectable clock, so session timeouts, lock-outs and audit times are testable.
#pragma once

#include <chrono>
#include <cstdint>

namespace cc {

/// Source of the current time. Production uses SystemClock; tests use ManualClock.
class Clock
{
public:
    using TimePoint = std::chrono::system_clock::time_point;
    virtual ~Clock() = default;
    /// The current wall-clock time.
    [[nodiscard]] virtual TimePoint now() const = 0;
    /// Seconds since the Unix epoch.
    [[nodiscard]] std::int64_t nowSeconds() const;
};

/// The operating system's clock.
class SystemClock final : public Clock
{
public:
    [[nodiscard]] TimePoint now() const override { return std::chrono::system_clock::now(); }
};

/// A clock that moves only when a test tells it to.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(TimePoint start = TimePoint{std::chrono::seconds{1'767'225'600}}) : m_now(start) {}
    [[nodiscard]] TimePoint now() const override { return m_now; }
    void advance(std::chrono::system_clock::duration d) { m_now += d; }
    void set(TimePoint t) { m_now = t; }

private:
    TimePoint m_now;
};

} // namespace cc
