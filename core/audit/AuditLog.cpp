// SPDX-License-Identifier: GPL-3.0-or-later
// The audit writer: one chained, anchored event per audited action.
#include "core/audit/AuditLog.h"

#include "core/audit/AuditChain.h"

#include <algorithm>
#include <chrono>

namespace cc::audit {

namespace {

// Two writers (two instances on one clinic) can race for the same seq; the store refuses the
// second, which then re-reads the state and tries again.
constexpr int kAppendAttempts = 3;
// Heads kept for an unreachable witness. Each head covers every event before it (hash chain), so
// dropping the oldest loses resolution, not coverage.
constexpr std::size_t kMaxBacklog = 10000;

Error integrity(std::string message)
{
    return makeError(ErrorCode::IntegrityFailure, std::move(message) + "; run the audit verifier");
}

} // namespace

AuditLog::AuditLog(AuditStore& store, AnchorSink& anchors, const Clock& clock, const ClinicId& clinicId)
    : m_store(store)
    , m_anchors(anchors)
    , m_clock(clock)
    , m_clinicId(clinicId)
    , m_self(std::make_shared<AuditLog*>(this))
{
    // The store may outlive this log or the reverse: the listener holds only a weak reference.
    std::weak_ptr<AuditLog*> self = m_self;
    m_store.setCommitListener([self](bool committed) {
        if (auto log = self.lock())
            (*log)->transactionEnded(committed);
    });
}

AuditLog::~AuditLog() = default;

void AuditLog::setWitness(std::unique_ptr<AuditWitness> witness, std::chrono::seconds retryAfter)
{
    const std::lock_guard lock(m_mutex);
    m_witness = std::move(witness);
    m_retryAfter = retryAfter;
    m_nextAttempt.reset();
    m_witnessStatus = WitnessStatus{};
    m_witnessStatus.configured = m_witness != nullptr;
    m_backlog.clear();
}

WitnessStatus AuditLog::witnessStatus() const
{
    const std::lock_guard lock(m_mutex);
    WitnessStatus s = m_witnessStatus;
    s.backlog = m_backlog.size();
    return s;
}

void AuditLog::transactionEnded(bool committed)
{
    const std::lock_guard lock(m_mutex);
    if (m_pending.empty())
        return;
    if (!committed) {
        // Rolled back: the events are gone, and so must be any thought of anchoring them.
        m_pending.clear();
        return;
    }
    // The caller's commit already succeeded; an anchor that cannot be written now lags, which the
    // next record() accepts as this process's own lag (m_lastWritten) and the verifier reports.
    [[maybe_unused]] auto published = publishLocked();
}

Status AuditLog::publishLocked()
{
    if (m_pending.empty())
        return {};
    std::vector<WitnessedHead> heads = std::move(m_pending);
    m_pending.clear();
    // Issue 10 item 5: the key just overwritten must not survive as an older WAL frame. A busy
    // checkpoint is retried with the next event; it does not make the event fail.
    [[maybe_unused]] auto purged = m_store.purgeOverwritten();
    const WitnessedHead& last = heads.back();
    const AuditAnchor anchor{m_clinicId, last.seq, last.hash, last.mac};
    Status written = m_anchors.write(anchor);
    if (written.ok())
        m_lastWritten = anchor;
    if (m_witness) {
        m_backlog.insert(m_backlog.end(), heads.begin(), heads.end());
        if (m_backlog.size() > kMaxBacklog) {
            const std::size_t excess = m_backlog.size() - kMaxBacklog;
            m_backlog.erase(m_backlog.begin(), m_backlog.begin() + static_cast<std::ptrdiff_t>(excess));
            m_witnessStatus.dropped += excess;
        }
        sendToWitnessLocked();
    }
    if (!written.ok()) {
        Error error = std::move(written).error();
        // The unit of work is committed: the user must not be told to do it again (found by
        // tests/faults/TestGuiDiskFull.cpp, where a note "not saved" was in the chart).
        error.message = "the change was saved with its audit event " + std::to_string(last.seq) +
                        ", but the audit anchor could not be updated (the next event updates it): " + error.message;
        return error;
    }
    return {};
}

void AuditLog::sendToWitnessLocked()
{
    if (m_backlog.empty())
        return;
    const auto now = m_clock.now();
    if (m_nextAttempt && now < *m_nextAttempt)
        return;
    std::vector<std::string> messages;
    messages.reserve(m_backlog.size());
    for (const auto& h : m_backlog)
        messages.push_back(formatWitnessMessage(h));
    Status sent = m_witness->deliver(messages);
    if (!sent.ok()) {
        m_witnessStatus.lastError = sent.error().message;
        m_nextAttempt = now + m_retryAfter;
        return;
    }
    m_witnessStatus.deliveredSeq = m_backlog.back().seq;
    m_witnessStatus.lastError.clear();
    m_nextAttempt.reset();
    m_backlog.clear();
}

Status AuditLog::initialise(AuditStore& store, AnchorSink& anchors, const crypto::SecureBytes& rootKey,
                            const ClinicId& clinicId)
{
    auto initial = AuditChain::initialState(rootKey);
    CC_TRY(initial);
    CC_TRY(store.initialise(*initial));
    return anchors.write(AuditAnchor{clinicId, 0, Digest256{}, Digest256{}});
}

Result<AuditAnchor> AuditLog::anchorFor(std::uint64_t seq) const
{
    if (seq == 0)
        return AuditAnchor{m_clinicId, 0, Digest256{}, Digest256{}};
    auto records = m_store.read(seq, 1);
    CC_TRY(records);
    if (records->empty() || records->front().seq != seq)
        return integrity("audit event " + std::to_string(seq) + " is missing from the database");
    return AuditAnchor{m_clinicId, seq, records->front().hash, records->front().mac};
}

Status AuditLog::checkAnchor(const AuditState& state) const
{
    auto anchor = m_anchors.read();
    if (!anchor.ok()) {
        if (anchor.error().code == ErrorCode::NotFound && state.seq == 0)
            return {};
        if (anchor.error().code == ErrorCode::NotFound)
            return integrity("the audit anchor file is missing");
        if (anchor.error().code == ErrorCode::MalformedInput || anchor.error().code == ErrorCode::Unsupported)
            return integrity("the audit anchor file is damaged");
        return std::move(anchor).error();
    }
    if (anchor->clinicId != m_clinicId)
        return integrity("the audit anchor belongs to another clinic");
    // Events appended earlier in the caller's still-open transaction are not anchored yet.
    const std::uint64_t unanchored =
        m_store.insideTransaction() ? std::min<std::uint64_t>(m_pending.size(), state.seq) : 0;
    const std::uint64_t head = state.seq - unanchored;
    if (anchor->seq > head)
        return integrity("the audit anchor is ahead of the database (event " + std::to_string(anchor->seq) +
                         " is missing): the database was truncated or rolled back");
    if (anchor->seq == head && head == state.seq) {
        if (anchor->hash != state.hash)
            return integrity("the audit anchor does not match the database head at event " + std::to_string(state.seq));
        return {};
    }
    // Behind: one event after a crash between commit and anchor write; more only if this process
    // itself failed to write the anchor (e.g. disk full) and the file is still its own last anchor.
    const bool ownLag = m_lastWritten.has_value() && *m_lastWritten == *anchor;
    if (head - anchor->seq > 1 && !ownLag)
        return integrity("the audit anchor is " + std::to_string(head - anchor->seq) +
                         " events behind the database: the anchor was rolled back");
    auto expected = anchorFor(anchor->seq);
    CC_TRY(expected);
    if (*expected != *anchor)
        return integrity("the audit anchor does not match event " + std::to_string(anchor->seq));
    return {};
}

Status AuditLog::record(AuditEvent event)
{
    const std::lock_guard lock(m_mutex);
    event.timeMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now().time_since_epoch()).count();
    // DESIGN.md section 8: every break-glass is flagged for administrator review.
    if (event.eventType == AuditEventType::EmergencyOverrideStarted)
        event.flagged = true;

    // Pending heads outside a transaction belong to one that ended without telling us: drop them.
    if (!m_store.insideTransaction())
        m_pending.clear();
    for (int attempt = 1;; ++attempt) {
        auto state = m_store.state();
        CC_TRY(state);
        CC_TRY(checkAnchor(*state));
        event.seq = state->seq + 1;
        auto body = encodeEvent(event);
        CC_TRY(body);
        // seal() evolves the key held in `state`; the previous key's buffer is wiped there.
        auto record = AuditChain::seal(*state, std::move(body).value());
        CC_TRY(record);
        Status appended = m_store.append(*record, *state);
        if (!appended.ok()) {
            if (appended.error().code == ErrorCode::AlreadyExists && attempt < kAppendAttempts)
                continue;
            return appended;
        }
        m_lastSeq = record->seq;
        WitnessedHead head{m_clinicId,      record->seq,  record->hash,  record->mac,  event.timeMs,     event.eventId,
                           event.eventType, event.action, event.outcome, event.userId, event.workstation};
        m_pending.push_back(std::move(head));
        // Inside the caller's transaction the event is not durable yet: anchoring it now would leave
        // the anchor ahead of the database if that transaction failed to commit (issue 10 item 5).
        if (m_store.insideTransaction())
            return {};
        return publishLocked();
    }
}

std::uint64_t AuditLog::lastSeq() const
{
    const std::lock_guard lock(m_mutex);
    return m_lastSeq;
}

Status AuditLog::reanchor()
{
    const std::lock_guard lock(m_mutex);
    auto state = m_store.state();
    CC_TRY(state);
    auto anchor = anchorFor(state->seq);
    CC_TRY(anchor);
    m_pending.clear();
    CC_TRY(m_anchors.write(*anchor));
    m_lastWritten = *anchor;
    return {};
}

} // namespace cc::audit
