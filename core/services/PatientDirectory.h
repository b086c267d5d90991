// SPDX-License-Identifier: GPL-3.0-or-later
// The session's directory of decrypted patient identities, so list and search need not decrypt every document.
#pragma once

#include "core/model/Patient.h"

#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace cc::services {

/// Decrypted identity summaries of every patient, built once per session by PatientService and
/// owned by ClinicService, which wipes it on idle lock, expiry and logout (DESIGN.md section 8).
/// The bytes (lower-cased search text and the identity fields, UTF-8) live in crypto::SecureBytes
/// chunks: locked in memory where RLIMIT_MEMLOCK allows and wiped on clear(). The model::Patient
/// values search() returns are ordinary QStrings, which cannot be wiped reliably (implicit sharing,
/// the caller's copies): that limit is the UI's as before. No access rule lives here: the caller
/// passes the ids the session may see. Not thread-safe (like ClinicService).
class PatientDirectory
{
public:
    PatientDirectory();
    ~PatientDirectory();
    PatientDirectory(const PatientDirectory&) = delete;
    PatientDirectory& operator=(const PatientDirectory&) = delete;

    /// True once every stored patient was added (markBuilt()) and until clear().
    [[nodiscard]] bool isBuilt() const noexcept { return m_built; }
    /// Declares the directory complete for this session.
    void markBuilt() noexcept { m_built = true; }
    /// Adds a patient, or replaces the entry with the same row id (its old bytes wiped at once).
    void put(const model::Patient& patient);
    /// Wipes and releases every entry; isBuilt() becomes false and epoch() grows by one.
    void clear() noexcept;
    /// How many times clear() ran: a build prepared at one epoch is installed only at the same one
    /// (DirectoryBuild), so a directory wiped by a lock is never refilled from an older build.
    [[nodiscard]] std::uint64_t epoch() const noexcept { return m_epoch; }
    /// Exchanges the contents (not the epochs) with `other`; DirectoryBuild::install uses it.
    void swapContents(PatientDirectory& other) noexcept;
    /// Number of patients held.
    [[nodiscard]] std::size_t size() const noexcept { return m_index.size(); }

    /// Patients whose given, family or maiden name or MRN contains `search` once both are
    /// lower-cased (QString::toLower; empty matches everyone), restricted to `allowed` (sorted row
    /// ids) when it is given, in the order they were added.
    [[nodiscard]] std::vector<model::Patient> search(const QString& search,
                                                     const std::vector<access::PatientId>* allowed) const;
    /// Every MRN held.
    [[nodiscard]] std::set<QString> mrns() const;

private:
    struct Entry;
    struct Chunks;

    [[nodiscard]] model::Patient decode(const Entry& entry) const;

    std::unique_ptr<Chunks> m_chunks;
    std::vector<Entry> m_entries;                     // in insertion order; replaced entries are dead
    std::map<access::PatientId, std::size_t> m_index; // row id -> live entry
    bool m_built = false;
    std::uint64_t m_epoch = 0;
};

} // namespace cc::services
