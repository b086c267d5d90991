// SPDX-License-Identifier: GPL-3.0-or-later
// AuditStore over SQLCipher: one record plus the state row per write, in a transaction or savepoint.
#include "db/SqlAuditStore.h"

#include "db/Database.h"
#include "db/Transaction.h"

#include <algorithm>
#include <limits>

namespace cc::db {

namespace {

constexpr std::size_t kKeySize = 32;
constexpr std::uint64_t kMaxSeq = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

/// Runs `body` atomically: in a SAVEPOINT when the caller already holds a transaction (so the
/// port composes with a service's unit of work and a failure leaves the caller's earlier writes
/// alone), else in its own BEGIN IMMEDIATE transaction (the write lock taken before the head is
/// read, so two writers cannot both continue the same head).
template <typename Body> Status atomically(Database& db, Body&& body)
{
    if (db.inTransaction()) {
        CC_TRY(db.exec("SAVEPOINT cc_audit_write;"));
        Status result = body();
        if (result.ok())
            result = db.exec("RELEASE cc_audit_write;");
        // SQLite rolls the whole transaction back by itself after some errors (SQLITE_FULL,
        // SQLITE_IOERR, ...); the savepoint is then gone and there is nothing left to undo.
        if (!result.ok() && db.inTransaction()) {
            auto undone = db.exec("ROLLBACK TO cc_audit_write;");
            auto released = db.exec("RELEASE cc_audit_write;");
            (void)undone;
            (void)released;
        }
        return result;
    }
    auto transaction = Transaction::begin(db, Transaction::Mode::Immediate);
    CC_TRY(transaction);
    CC_TRY(body());
    return transaction->commit();
}

bool toDigest(const std::vector<std::uint8_t>& bytes, audit::Digest256& out)
{
    if (bytes.size() != out.size())
        return false;
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return true;
}

Status checkState(const audit::AuditState& state)
{
    if (state.macKey.size() != kKeySize)
        return makeError(ErrorCode::InvalidArgument, "the audit MAC key must be 32 bytes");
    if (state.seq > kMaxSeq)
        return makeError(ErrorCode::InvalidArgument, "audit sequence number out of range");
    return {};
}

/// The stored head's seq, or NotFound.
Result<std::uint64_t> storedSeq(Database& db)
{
    auto stmt = db.prepare("SELECT seq FROM audit_state WHERE id = 1;");
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    if (!*row)
        return makeError(ErrorCode::NotFound, "the audit trail is not initialised");
    return static_cast<std::uint64_t>(stmt->columnInt64(0));
}

} // namespace

Status SqlAuditStore::initialise(const audit::AuditState& initial)
{
    CC_TRY(checkState(initial));
    return atomically(m_db, [&] { return initialiseLocked(initial); });
}

Status SqlAuditStore::initialiseLocked(const audit::AuditState& initial)
{
    auto existing = storedSeq(m_db);
    if (existing.ok())
        return makeError(ErrorCode::AlreadyExists, "the audit trail is already initialised");
    if (existing.error().code != ErrorCode::NotFound)
        return std::move(existing).error();
    auto stmt = m_db.prepare("INSERT INTO audit_state (id, seq, hash, mac_key) VALUES (1, ?1, ?2, ?3);");
    CC_TRY(stmt);
    CC_TRY(stmt->bindInt64(1, static_cast<std::int64_t>(initial.seq)));
    CC_TRY(stmt->bindBlob(2, initial.hash));
    CC_TRY(stmt->bindSecret(3, initial.macKey));
    auto done = stmt->step();
    CC_TRY(done);
    return {};
}

Status SqlAuditStore::append(const audit::AuditRecord& record, const audit::AuditState& newState)
{
    CC_TRY(checkState(newState));
    if (record.seq == 0 || record.seq > kMaxSeq || newState.seq != record.seq)
        return makeError(ErrorCode::InvalidArgument, "the new audit state does not match the record");
    return atomically(m_db, [&] { return appendLocked(record, newState); });
}

Status SqlAuditStore::appendLocked(const audit::AuditRecord& record, const audit::AuditState& newState)
{
    auto head = storedSeq(m_db);
    CC_TRY(head);
    if (*head + 1 != record.seq)
        return makeError(ErrorCode::AlreadyExists, "audit event " + std::to_string(record.seq) +
                                                       " does not follow the stored head " + std::to_string(*head) +
                                                       " (another writer was first)");
    const auto seq = static_cast<std::int64_t>(record.seq);

    // The table's trigger would also refuse a reused seq, but only as a generic StorageError.
    auto taken = m_db.prepare("SELECT 1 FROM audit_events WHERE seq = ?1;");
    CC_TRY(taken);
    CC_TRY(taken->bindInt64(1, seq));
    auto exists = taken->step();
    CC_TRY(exists);
    if (*exists)
        return makeError(ErrorCode::AlreadyExists, "audit event " + std::to_string(record.seq) + " exists already");

    auto insert =
        m_db.prepare("INSERT INTO audit_events (seq, body, prev_hash, hash, mac) VALUES (?1, ?2, ?3, ?4, ?5);");
    CC_TRY(insert);
    CC_TRY(insert->bindInt64(1, seq));
    CC_TRY(insert->bindBlob(2, record.body));
    CC_TRY(insert->bindBlob(3, record.prevHash));
    CC_TRY(insert->bindBlob(4, record.hash));
    CC_TRY(insert->bindBlob(5, record.mac));
    auto inserted = insert->step();
    CC_TRY(inserted);

    // Overwritten in place: with secure_delete = ON the previous key's bytes are zeroed in the page.
    auto update = m_db.prepare("UPDATE audit_state SET seq = ?1, hash = ?2, mac_key = ?3 WHERE id = 1;");
    CC_TRY(update);
    CC_TRY(update->bindInt64(1, seq));
    CC_TRY(update->bindBlob(2, newState.hash));
    CC_TRY(update->bindSecret(3, newState.macKey));
    auto updated = update->step();
    CC_TRY(updated);
    return {};
}

Result<audit::AuditState> SqlAuditStore::state() const
{
    auto stmt = m_db.prepare("SELECT seq, hash, mac_key FROM audit_state WHERE id = 1;");
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    if (!*row)
        return makeError(ErrorCode::NotFound, "the audit trail is not initialised");
    audit::AuditState state;
    const std::int64_t seq = stmt->columnInt64(0);
    if (seq < 0 || !toDigest(stmt->columnBlob(1), state.hash))
        return makeError(ErrorCode::IntegrityFailure, "the audit state row was altered (seq or hash column)");
    state.seq = static_cast<std::uint64_t>(seq);
    state.macKey = stmt->columnSecureBlob(2);
    if (state.macKey.size() != kKeySize)
        return makeError(ErrorCode::IntegrityFailure, "the audit state row was altered (mac_key column)");
    return state;
}

Result<std::vector<audit::AuditRecord>> SqlAuditStore::read(std::uint64_t firstSeq, std::size_t maxCount) const
{
    std::vector<audit::AuditRecord> records;
    if (firstSeq > kMaxSeq || maxCount == 0)
        return records;
    auto stmt = m_db.prepare("SELECT seq, body, prev_hash, hash, mac FROM audit_events "
                             "WHERE seq >= ?1 ORDER BY seq LIMIT ?2;");
    CC_TRY(stmt);
    CC_TRY(stmt->bindInt64(1, static_cast<std::int64_t>(firstSeq)));
    CC_TRY(stmt->bindInt64(2, static_cast<std::int64_t>(std::min<std::uint64_t>(maxCount, kMaxSeq))));
    for (;;) {
        auto row = stmt->step();
        CC_TRY(row);
        if (!*row)
            break;
        audit::AuditRecord r;
        const std::int64_t seq = stmt->columnInt64(0);
        r.seq = static_cast<std::uint64_t>(seq);
        r.body = stmt->columnBlob(1);
        // A chain value of the wrong size cannot be what the writer stored; report where, rather
        // than pad it into something the verifier might accept.
        const char* bad = nullptr;
        if (!toDigest(stmt->columnBlob(2), r.prevHash))
            bad = "prev_hash";
        else if (!toDigest(stmt->columnBlob(3), r.hash))
            bad = "hash";
        else if (!toDigest(stmt->columnBlob(4), r.mac))
            bad = "mac";
        if (bad != nullptr)
            return makeError(ErrorCode::IntegrityFailure, "audit event " + std::to_string(seq) + " was altered (" +
                                                              bad + " column is not 32 bytes)");
        records.push_back(std::move(r));
    }
    return records;
}

Result<std::uint64_t> SqlAuditStore::count() const
{
    auto stmt = m_db.prepare("SELECT count(*) FROM audit_events;");
    CC_TRY(stmt);
    auto row = stmt->step();
    CC_TRY(row);
    return static_cast<std::uint64_t>(*row ? stmt->columnInt64(0) : 0);
}

bool SqlAuditStore::insideTransaction() const
{
    return m_db.inTransaction();
}

void SqlAuditStore::setCommitListener(std::function<void(bool committed)> listener)
{
    m_db.setTransactionListener(std::move(listener));
}

Status SqlAuditStore::purgeOverwritten()
{
    // secure_delete zeroes the old key in the page image, but in WAL mode the previous image of
    // the audit_state page stays in the -wal file as an older frame until the log is reset. A
    // TRUNCATE checkpoint copies the newest frames into the main file and truncates the log to
    // zero bytes (SQLite >= 3.8.8; SQLCipher 3.4.1 embeds 3.15.2).
    return m_db.checkpoint();
}

} // namespace cc::db
