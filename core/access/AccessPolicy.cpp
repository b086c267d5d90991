// SPDX-License-Identifier: GPL-3.0-or-later
// The role-permission matrix.
#include "core/access/AccessPolicy.h"

#include <string>

namespace cc::access {

bool AccessPolicy::allows(Role role, Permission permission) noexcept
{
    // Written as an explicit switch per role (no default) so that adding a permission makes the
    // compiler point at every role that has to decide about it.
    switch (role) {
    case Role::Patient:
        switch (permission) {
        case Permission::ReadOwnRecord:
        case Permission::ReadOwnAccessHistory:
        case Permission::ExportOwnFhir:
        case Permission::SetResearchConsent:
            return true;
        case Permission::ListCareTeamPatients:
        case Permission::SearchCareTeamPatients:
        case Permission::ReadChart:
        case Permission::WriteChart:
        case Permission::ImportRecords:
        case Permission::BreakGlass:
        case Permission::ReadPatientIdentity:
        case Permission::ManageAccounts:
        case Permission::ManageRoles:
        case Permission::ManageCareTeams:
        case Permission::ManagePatientAccounts:
        case Permission::ManageKeys:
        case Permission::UnlockAccount:
        case Permission::SetIdleTimeout:
        case Permission::VerifyAudit:
        case Permission::ExportAudit:
        case Permission::ReviewBreakGlass:
        case Permission::Backup:
        case Permission::Restore:
        case Permission::RunReports:
        case Permission::DecryptReportTotals:
            return false;
        }
        return false;
    case Role::Doctor:
        switch (permission) {
        case Permission::ListCareTeamPatients:
        case Permission::SearchCareTeamPatients:
        case Permission::ReadChart:
        case Permission::WriteChart:
        case Permission::ImportRecords:
        case Permission::BreakGlass:
        case Permission::ReadPatientIdentity:
            return true;
        case Permission::ReadOwnRecord:
        case Permission::ReadOwnAccessHistory:
        case Permission::ExportOwnFhir:
        case Permission::SetResearchConsent:
        case Permission::ManageAccounts:
        case Permission::ManageRoles:
        case Permission::ManageCareTeams:
        case Permission::ManagePatientAccounts:
        case Permission::ManageKeys:
        case Permission::UnlockAccount:
        case Permission::SetIdleTimeout:
        case Permission::VerifyAudit:
        case Permission::ExportAudit:
        case Permission::ReviewBreakGlass:
        case Permission::Backup:
        case Permission::Restore:
        case Permission::RunReports:
        case Permission::DecryptReportTotals:
            return false;
        }
        return false;
    case Role::Administrator:
        switch (permission) {
        case Permission::ReadPatientIdentity:
        case Permission::ManageAccounts:
        case Permission::ManageRoles:
        case Permission::ManageCareTeams:
        case Permission::ManagePatientAccounts:
        case Permission::ManageKeys:
        case Permission::UnlockAccount:
        case Permission::SetIdleTimeout:
        case Permission::VerifyAudit:
        case Permission::ExportAudit:
        case Permission::ReviewBreakGlass:
        case Permission::Backup:
        case Permission::Restore:
        case Permission::RunReports:
        case Permission::DecryptReportTotals:
            return true;
        case Permission::ReadOwnRecord:
        case Permission::ReadOwnAccessHistory:
        case Permission::ExportOwnFhir:
        case Permission::SetResearchConsent:
        case Permission::ListCareTeamPatients:
        case Permission::SearchCareTeamPatients:
        case Permission::ReadChart:
        case Permission::WriteChart:
        case Permission::ImportRecords:
        case Permission::BreakGlass:
            return false;
        }
        return false;
    }
    return false;
}

Status AccessPolicy::check(Role role, Permission permission)
{
    if (allows(role, permission))
        return {};
    return makeError(ErrorCode::AccessDenied, "the " + std::string(roleName(role)) + " role does not allow " +
                                                  std::string(permissionName(permission)));
}

} // namespace cc::access
