// SPDX-License-Identifier: GPL-3.0-or-later
// Test double: an AnchorSink holding the anchor file's text in memory.
#pragma once

#include "core/audit/AnchorSink.h"

#include <mutex>
#include <optional>
#include <string>

namespace cc::audit::test {

/// Keeps the encoded text, so every read goes through AuditAnchor::parse like the real file.
/// Thread-safe like the real file (an atomic rename): two writers in one test share one sink.
class MemoryAnchorSink final : public AnchorSink
{
public:
    Status write(const AuditAnchor& anchor) override
    {
        const std::lock_guard lock(m_mutex);
        if (m_failWrites)
            return makeError(ErrorCode::StorageFull, "disk full");
        m_text = anchor.encode();
        ++m_writes;
        return {};
    }

    Result<AuditAnchor> read() const override
    {
        const std::lock_guard lock(m_mutex);
        if (!m_text)
            return makeError(ErrorCode::NotFound, "no anchor");
        return AuditAnchor::parse(*m_text);
    }

    /// Replaces the file's text (damage, rollback, another clinic's file); nullopt deletes it.
    void setText(std::optional<std::string> text)
    {
        const std::lock_guard lock(m_mutex);
        m_text = std::move(text);
    }
    [[nodiscard]] const std::optional<std::string>& text() const { return m_text; }
    /// Makes writes fail with StorageFull (a full disk).
    void failWrites(bool fail) { m_failWrites = fail; }
    [[nodiscard]] int writes() const { return m_writes; }

private:
    mutable std::mutex m_mutex;
    std::optional<std::string> m_text;
    bool m_failWrites = false;
    int m_writes = 0;
};

} // namespace cc::audit::test
