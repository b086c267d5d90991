// SPDX-License-Identifier: GPL-3.0-or-later
// A terminal progress bar for long work (key generation, imports, report sums, backups).
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace cc::cli {

/// Draws "label [#####     ] 42% (420/1000)" on a terminal, redrawn at most ten times a second.
/// Draws nothing when the stream is not a terminal (scripts and CI get only the final summary).
class ProgressBar
{
public:
    ProgressBar(std::ostream& out, std::string label, bool enabled);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    /// Reports progress; `total` 0 means unknown (a spinner is drawn).
    void update(std::uint64_t done, std::uint64_t total);
    /// Ends the line.
    void finish();

    /// True if standard error is a terminal.
    [[nodiscard]] static bool stderrIsTerminal();

private:
    std::ostream& m_out;
    std::string m_label;
    bool m_enabled;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last{};
    unsigned m_spin = 0;
};

} // namespace cc::cli
