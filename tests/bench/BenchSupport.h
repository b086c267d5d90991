// SPDX-License-Identifier: GPL-3.0-or-later
// What every benchmark prints with: wall-clock timing, the machine's load, figures and ratios.
#pragma once

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>

namespace cc::bench {

/// Seconds one call of `fn` takes (steady clock).
inline double timeOnce(const std::function<void()>& fn)
{
    const auto start = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// The 1, 5 and 15 minute load averages, printed with every run: the machines are shared.
inline std::string loadAverage()
{
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

/// "12.345 ms"
inline std::string fmt(double v, const char* unit)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f %s", v, unit);
    return buf;
}

/// "1.92×"
inline std::string ratio(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f×", v);
    return buf;
}

} // namespace cc::bench
