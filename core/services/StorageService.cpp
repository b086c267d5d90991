// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/StorageService.h"

#include "core/services/Audited.h"
#include "core/services/ClinicService.h"

#include <string>

namespace cc::services {

using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;

Result<PageSizeUpgrade> StorageService::upgradePageSize()
{
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::SecurityConfiguration,
                                       AuditAction::Update, "Database", "clinic.db", "upgrade page size");
    return audited(m_clinic, access::Permission::ManageKeys, subject, [&]() -> Result<PageSizeUpgrade> {
        auto& maintenance = m_clinic.backend().maintenance();
        PageSizeUpgrade upgrade;
        upgrade.before = maintenance.pageSize();
        auto rewritten = maintenance.upgradePageSize();
        upgrade.after = maintenance.pageSize();
        if (!rewritten) {
            subject.detail += ": failed (" + std::to_string(upgrade.before) + "-byte pages kept)";
            return std::move(rewritten).error();
        }
        upgrade.rewritten = *rewritten;
        subject.detail += upgrade.rewritten ? ": " + std::to_string(upgrade.before) + " -> " +
                                                  std::to_string(upgrade.after) + "-byte pages"
                                            : ": already " + std::to_string(upgrade.after) + "-byte pages";
        return upgrade;
    });
}

} // namespace cc::services
