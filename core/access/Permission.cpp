// SPDX-License-Identifier: GPL-3.0-or-later
// Permission names.
#include "core/access/Permission.h"

namespace cc::access {

std::string_view permissionName(Permission permission) noexcept
{
    switch (permission) {
    case Permission::ReadOwnRecord:
        return "ReadOwnRecord";
    case Permission::ReadOwnAccessHistory:
        return "ReadOwnAccessHistory";
    case Permission::ExportOwnFhir:
        return "ExportOwnFhir";
    case Permission::SetResearchConsent:
        return "SetResearchConsent";
    case Permission::ListCareTeamPatients:
        return "ListCareTeamPatients";
    case Permission::SearchCareTeamPatients:
        return "SearchCareTeamPatients";
    case Permission::ReadChart:
        return "ReadChart";
    case Permission::WriteChart:
        return "WriteChart";
    case Permission::ImportRecords:
        return "ImportRecords";
    case Permission::BreakGlass:
        return "BreakGlass";
    case Permission::ReadPatientIdentity:
        return "ReadPatientIdentity";
    case Permission::ManageAccounts:
        return "ManageAccounts";
    case Permission::ManageRoles:
        return "ManageRoles";
    case Permission::ManageCareTeams:
        return "ManageCareTeams";
    case Permission::ManagePatientAccounts:
        return "ManagePatientAccounts";
    case Permission::ManageKeys:
        return "ManageKeys";
    case Permission::UnlockAccount:
        return "UnlockAccount";
    case Permission::SetIdleTimeout:
        return "SetIdleTimeout";
    case Permission::VerifyAudit:
        return "VerifyAudit";
    case Permission::ExportAudit:
        return "ExportAudit";
    case Permission::ReviewBreakGlass:
        return "ReviewBreakGlass";
    case Permission::Backup:
        return "Backup";
    case Permission::Restore:
        return "Restore";
    case Permission::RunReports:
        return "RunReports";
    case Permission::DecryptReportTotals:
        return "DecryptReportTotals";
    }
    return "Unknown";
}

} // namespace cc::access
