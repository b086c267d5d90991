// SPDX-License-Identifier: GPL-3.0-or-later
// Test double: an in-memory AuditStore that a test can tamper with like an insider with the database key.
#pragma once

#include "core/ports/AuditStore.h"

#include <functional>
#include <map>
#include <mutex>
#include <optional>

namespace cc::audit::test {

/// Which stored column of a record to damage.
enum class Column { Body, PrevHash, Hash, Mac };

/// AuditStore over a std::map, with the checks the SQLCipher store makes (append only after the
/// state's head, one transaction), plus tampering methods that exist only here.
class MemoryAuditStore final : public AuditStore
{
public:
    struct Snapshot
    {
        std::map<std::uint64_t, AuditRecord> records;
        std::optional<AuditState> state;
    };

    Status initialise(const AuditState& initial) override
    {
        const std::lock_guard lock(m_mutex);
        if (m_state)
            return makeError(ErrorCode::AlreadyExists, "audit state exists");
        m_state = initial.clone();
        return {};
    }

    Status append(const AuditRecord& record, const AuditState& newState) override
    {
        const std::lock_guard lock(m_mutex);
        if (m_failNext) {
            const ErrorCode code = *m_failNext;
            m_failNext.reset();
            return makeError(code, "injected failure");
        }
        if (!m_state)
            return makeError(ErrorCode::NotFound, "no audit state");
        if (m_state->seq + 1 != record.seq || m_records.count(record.seq) != 0)
            return makeError(ErrorCode::AlreadyExists, "seq taken");
        m_records[record.seq] = record;
        m_state = newState.clone();
        return {};
    }

    Result<AuditState> state() const override
    {
        const std::lock_guard lock(m_mutex);
        if (!m_state)
            return makeError(ErrorCode::NotFound, "no audit state");
        return m_state->clone();
    }

    Result<std::vector<AuditRecord>> read(std::uint64_t firstSeq, std::size_t maxCount) const override
    {
        const std::lock_guard lock(m_mutex);
        std::vector<AuditRecord> out;
        for (auto it = m_records.lower_bound(firstSeq); it != m_records.end() && out.size() < maxCount; ++it)
            out.push_back(it->second);
        return out;
    }

    Result<std::uint64_t> count() const override
    {
        const std::lock_guard lock(m_mutex);
        return static_cast<std::uint64_t>(m_records.size());
    }

    [[nodiscard]] bool insideTransaction() const override { return m_transaction.has_value(); }
    void setCommitListener(std::function<void(bool committed)> listener) override { m_listener = std::move(listener); }
    Status purgeOverwritten() override
    {
        ++m_purges;
        return {};
    }

    // --- a caller's unit of work, as SqlTransactionFactory gives the services ---

    void beginTransaction() { m_transaction = snapshot(); }
    void commitTransaction()
    {
        m_transaction.reset();
        if (m_listener)
            m_listener(true);
    }
    void rollbackTransaction()
    {
        restore(*m_transaction);
        m_transaction.reset();
        if (m_listener)
            m_listener(false);
    }
    /// How often the writer asked to purge overwritten keys.
    [[nodiscard]] int purges() const { return m_purges; }

    // --- tampering and fault injection (test double only) ---

    /// The next append fails with `code` and writes nothing.
    void failNextAppend(ErrorCode code) { m_failNext = code; }

    /// Flips one bit of one column of record `seq`.
    void flipBit(std::uint64_t seq, Column column, std::size_t byte, int bit)
    {
        AuditRecord& r = m_records.at(seq);
        std::uint8_t* data = nullptr;
        switch (column) {
        case Column::Body:
            data = r.body.data();
            break;
        case Column::PrevHash:
            data = r.prevHash.data();
            break;
        case Column::Hash:
            data = r.hash.data();
            break;
        case Column::Mac:
            data = r.mac.data();
            break;
        }
        data[byte] = static_cast<std::uint8_t>(data[byte] ^ (1u << bit));
    }

    /// Deletes record `seq` (later records keep their seq).
    void remove(std::uint64_t seq) { m_records.erase(seq); }

    /// Inserts `record` at record.seq, moving that record and every later one up by one seq.
    void insertShifting(const AuditRecord& record)
    {
        std::map<std::uint64_t, AuditRecord> moved;
        for (auto& [seq, r] : m_records) {
            if (seq >= record.seq) {
                r.seq = seq + 1;
                moved[seq + 1] = r;
            } else {
                moved[seq] = r;
            }
        }
        moved[record.seq] = record;
        m_records = std::move(moved);
    }

    /// Swaps everything but the seq column of two records (a reorder inside the table).
    void swapContents(std::uint64_t a, std::uint64_t b)
    {
        AuditRecord& ra = m_records.at(a);
        AuditRecord& rb = m_records.at(b);
        std::swap(ra.body, rb.body);
        std::swap(ra.prevHash, rb.prevHash);
        std::swap(ra.hash, rb.hash);
        std::swap(ra.mac, rb.mac);
    }

    /// Removes every record with seq >= `from` (the state row is left alone).
    void truncateFrom(std::uint64_t from) { m_records.erase(m_records.lower_bound(from), m_records.end()); }

    /// Replaces the state row.
    void setState(const AuditState& state) { m_state = state.clone(); }

    /// A copy of everything, as a file copy of the database would be.
    [[nodiscard]] Snapshot snapshot() const
    {
        return Snapshot{m_records, m_state ? std::optional<AuditState>(m_state->clone()) : std::nullopt};
    }

    /// Puts a snapshot back (a rollback of the database file).
    void restore(const Snapshot& s)
    {
        m_records = s.records;
        m_state = s.state ? std::optional<AuditState>(s.state->clone()) : std::nullopt;
    }

    [[nodiscard]] const std::map<std::uint64_t, AuditRecord>& records() const { return m_records; }

private:
    mutable std::mutex m_mutex;
    std::map<std::uint64_t, AuditRecord> m_records;
    std::optional<AuditState> m_state;
    std::optional<ErrorCode> m_failNext;
    std::optional<Snapshot> m_transaction;
    std::function<void(bool)> m_listener;
    int m_purges = 0;
};

} // namespace cc::audit::test
