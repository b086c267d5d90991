// SPDX-License-Identifier: GPL-3.0-or-later
// Everything a user can be allowed to do, one value per action of DESIGN.md section 1.
#pragma once

#include <string_view>

namespace cc::access {

/// An action a service checks before it does the work. Patient-facing permissions concern the
/// patient's own record only (ChartAccess enforces the "own" part); doctor permissions concern
/// patients of the doctor's care team or under break-glass.
enum class Permission {
    // patient
    ReadOwnRecord,
    ReadOwnAccessHistory,
    ExportOwnFhir,
    SetResearchConsent,
    // doctor
    ListCareTeamPatients,
    SearchCareTeamPatients,
    ReadChart,  ///< clinical content: problems, medications, allergies, labs, notes, attachments
    WriteChart, ///< create or amend clinical content
    ImportRecords,
    BreakGlass,
    // doctor and administrator
    ReadPatientIdentity, ///< demographics only (name, birth date, contact), never clinical content
    // administrator
    ManageAccounts,
    ManageRoles,
    ManageCareTeams,
    ManagePatientAccounts,
    ManageKeys,
    UnlockAccount, ///< lift a throttling suspension
    SetIdleTimeout,
    VerifyAudit,
    ExportAudit,
    ReviewBreakGlass,
    Backup,
    Restore,
    RunReports,
    DecryptReportTotals ///< as one custodian of the quorum; also needs a Paillier share in the key ring
};

/// Every permission, in declaration order (for table tests).
inline constexpr Permission kAllPermissions[] = {Permission::ReadOwnRecord,
                                                 Permission::ReadOwnAccessHistory,
                                                 Permission::ExportOwnFhir,
                                                 Permission::SetResearchConsent,
                                                 Permission::ListCareTeamPatients,
                                                 Permission::SearchCareTeamPatients,
                                                 Permission::ReadChart,
                                                 Permission::WriteChart,
                                                 Permission::ImportRecords,
                                                 Permission::BreakGlass,
                                                 Permission::ReadPatientIdentity,
                                                 Permission::ManageAccounts,
                                                 Permission::ManageRoles,
                                                 Permission::ManageCareTeams,
                                                 Permission::ManagePatientAccounts,
                                                 Permission::ManageKeys,
                                                 Permission::UnlockAccount,
                                                 Permission::SetIdleTimeout,
                                                 Permission::VerifyAudit,
                                                 Permission::ExportAudit,
                                                 Permission::ReviewBreakGlass,
                                                 Permission::Backup,
                                                 Permission::Restore,
                                                 Permission::RunReports,
                                                 Permission::DecryptReportTotals};

/// Stable name ("ReadChart") for audit objects, logs and test output.
[[nodiscard]] std::string_view permissionName(Permission permission) noexcept;

} // namespace cc::access
