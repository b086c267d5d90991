// SPDX-License-Identifier: GPL-3.0-or-later
// Port: the patient portal files beside the database (docs/PORTAL.md): one sealed portal per
// patient account, written by staff sessions, and the patients' sealed outbox messages.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cc::ports {

/// What a portal outbox message carries, readable from its file name (the content is sealed).
enum class PortalMessageKind {
    Activity, ///< something the patient did in their portal (to enter the audit trail)
    Consent,  ///< a research consent change (applied before any report runs)
};

/// One message a patient posted. `name` identifies it for removal.
struct PortalMessage
{
    std::string name;
    access::PatientId patient{};
    PortalMessageKind kind = PortalMessageKind::Activity;
    std::vector<std::uint8_t> bytes;
};

/// The portal folder. Readable and writable without the database key (a patient session has none).
class PortalStore
{
public:
    /// Largest portal file accepted on read (a record with inline attachments).
    static constexpr std::size_t kMaxPortalSize = 64u * 1024u * 1024u;
    /// Largest outbox message accepted on read.
    static constexpr std::size_t kMaxMessageSize = 64u * 1024u;
    /// Most messages read at once (older ones wait for the next pass).
    static constexpr std::size_t kMaxMessages = 10000;

    virtual ~PortalStore() = default;
    /// The patient's portal file, or nullopt if none was written yet. Errors: MalformedInput (too
    /// large, naming the file), StorageError.
    [[nodiscard]] virtual Result<std::optional<std::vector<std::uint8_t>>>
    readPortal(const access::PatientId& patient) const = 0;
    /// Replaces the patient's portal file atomically (mode 0600). Errors: StorageFull,
    /// StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status writePortal(const access::PatientId& patient, std::span<const std::uint8_t> bytes) = 0;
    /// Removes the patient's portal file and messages (account disabled). Never fails if absent.
    [[nodiscard]] virtual Status removePortal(const access::PatientId& patient) = 0;
    /// Writes a new outbox message (never replaces one). Errors: StorageFull, StorageReadOnly, StorageError.
    [[nodiscard]] virtual Status postMessage(const access::PatientId& patient, PortalMessageKind kind,
                                             std::span<const std::uint8_t> sealed) = 0;
    /// The waiting messages, of one patient or all (nullopt), oldest first, with their bytes.
    /// Files whose name is not a message are ignored. Errors: MalformedInput (a message too
    /// large, naming it), StorageError.
    [[nodiscard]] virtual Result<std::vector<PortalMessage>>
    messages(const std::optional<access::PatientId>& patient) const = 0;
    /// How many messages of `kind` wait, without reading them. Errors: StorageError.
    [[nodiscard]] virtual Result<std::size_t> countMessages(PortalMessageKind kind) const = 0;
    /// Removes one message after it was applied. Errors: NotFound, StorageError.
    [[nodiscard]] virtual Status removeMessage(const std::string& name) = 0;
};

} // namespace cc::ports
