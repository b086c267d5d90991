// SPDX-License-Identifier: GPL-3.0-or-later
// The portal folder of a clinic (`<clinic>/portal/`, docs/PORTAL.md): sealed portal files and
// outbox messages as opaque bytes; the cryptography is core/services/PortalService's.
#pragma once

#include "core/ports/PortalStore.h"

#include <string>

namespace cc::db {

class PortalFolder final : public ports::PortalStore
{
public:
    /// The folder at `dir` (created with mode 0700 at the first write).
    explicit PortalFolder(std::string dir);

    [[nodiscard]] Result<std::optional<std::vector<std::uint8_t>>>
    readPortal(const access::PatientId& patient) const override;
    [[nodiscard]] Status writePortal(const access::PatientId& patient, std::span<const std::uint8_t> bytes) override;
    [[nodiscard]] Status removePortal(const access::PatientId& patient) override;
    [[nodiscard]] Status postMessage(const access::PatientId& patient, ports::PortalMessageKind kind,
                                     std::span<const std::uint8_t> sealed) override;
    [[nodiscard]] Result<std::vector<ports::PortalMessage>>
    messages(const std::optional<access::PatientId>& patient) const override;
    [[nodiscard]] Result<std::size_t> countMessages(ports::PortalMessageKind kind) const override;
    [[nodiscard]] Status removeMessage(const std::string& name) override;

    /// The folder.
    [[nodiscard]] const std::string& dir() const noexcept { return m_dir; }

private:
    [[nodiscard]] Status ensureFolder() const;
    [[nodiscard]] std::string portalPath(const access::PatientId& patient) const;

    std::string m_dir;
};

} // namespace cc::db
