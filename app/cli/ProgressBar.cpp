// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/ProgressBar.h"

#include <unistd.h>

#include <ostream>

namespace cc::cli {

ProgressBar::ProgressBar(std::ostream& out, std::string label, bool enabled)
    : m_out(out), m_label(std::move(label)), m_enabled(enabled)
{}

ProgressBar::~ProgressBar()
{
    finish();
}

bool ProgressBar::stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total)
{
    if (!m_enabled)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && now - m_last < std::chrono::milliseconds(100) && done != total)
        return;
    m_last = now;
    m_drawn = true;
    constexpr int width = 30;
    std::string bar;
    if (total == 0) {
        static constexpr char spinner[] = {'|', '/', '-', '\\'};
        bar = std::string(1, spinner[m_spin++ % 4]);
        m_out << "\r" << m_label << " " << bar << " " << done << std::flush;
        return;
    }
    const auto filled = static_cast<int>(width * std::min(done, total) / total);
    bar =
        std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(width - filled), ' ');
    m_out << "\r" << m_label << " [" << bar << "] " << (100 * std::min(done, total) / total) << "% (" << done << "/"
          << total << ")" << std::flush;
}

void ProgressBar::finish()
{
    if (m_enabled && m_drawn) {
        m_out << "\n" << std::flush;
        m_drawn = false;
    }
}

} // namespace cc::cli
