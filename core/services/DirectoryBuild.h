// SPDX-License-Identifier: GPL-3.0-or-later
// Building the session's patient directory in three steps, so the expensive one can leave the GUI thread.
#pragma once

#include "core/Result.h"
#include "core/ports/PatientStore.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace cc::access {
class KeyRing;
}

namespace cc::services {

class ClinicService;
class PatientDirectory;

/// The patient directory (PatientDirectory, docs/RECORDS.md) of a session, built in three steps:
/// prepare() on the session's thread copies the one key the build needs (the identity category
/// key) into a ring of its own, and readMore() reads the patient rows a page at a time (so a GUI
/// can answer events between pages); decode() touches nothing of the
/// clinic, so it may run on any thread, and splits the work over `threads` threads (unwrapping
/// each patient's identity key, opening and parsing each identity document, filling a new
/// directory); install() on the session's thread hands the finished directory to the session, but
/// only if the session's directory was not cleared since prepare() (an idle lock, an expiry or a
/// logout in between discards the result: what a lock wiped is never brought back). All or
/// nothing: one unreadable document fails the build and nothing is installed.
/// PatientService::ensureDirectory() runs the three steps in a row; the GUI runs decode() on a
/// worker right after login (ui/common/DirectoryPrefetch), so the first search does not wait.
class DirectoryBuild
{
public:
    ~DirectoryBuild();
    DirectoryBuild(const DirectoryBuild&) = delete;
    DirectoryBuild& operator=(const DirectoryBuild&) = delete;

    /// Errors: SessionLocked, AccessDenied (the session holds no identity category key).
    [[nodiscard]] static Result<std::unique_ptr<DirectoryBuild>> prepare(ClinicService& clinic);
    /// Reads up to `limit` more patient rows (session's thread). Returns true once every row is
    /// read. Errors: Cancelled (the session's directory was cleared since prepare(): a lock, a
    /// logout or a write; the build is stale), storage errors.
    [[nodiscard]] Result<bool> readMore(ClinicService& clinic, std::size_t limit);
    /// Any thread; `threads` 0 means one per core. Errors: KeyMismatch, IntegrityFailure,
    /// MalformedInput (a patient row that does not open). Call once.
    [[nodiscard]] Status decode(unsigned threads = 0);
    /// Returns true if the directory was installed, false if the session moved on since prepare()
    /// (then nothing changed). Errors: InvalidArgument if decode() did not succeed first.
    [[nodiscard]] Result<bool> install(ClinicService& clinic);
    /// Number of patient rows read so far.
    [[nodiscard]] std::size_t size() const noexcept { return m_rows.size(); }

private:
    DirectoryBuild();

    std::vector<ports::PatientRow> m_rows;
    std::unique_ptr<access::KeyRing> m_ring; // the identity category key only; wiped on destruction
    std::unique_ptr<PatientDirectory> m_directory;
    std::uint64_t m_epoch = 0; // the session directory's epoch at prepare()
    bool m_readAll = false;
    bool m_decoded = false;
};

} // namespace cc::services
