// SPDX-License-Identifier: GPL-3.0-or-later
// Every (role, permission) pair against the matrix of DESIGN.md section 1, written out here.
#include "core/access/AccessPolicy.h"

#include <QTest>

#include <set>

using namespace cc::access;

Q_DECLARE_METATYPE(Permission)

class TestAccessPolicy : public QObject
{
    Q_OBJECT

private slots:
    void matrix_data()
    {
        QTest::addColumn<Permission>("permission");
        QTest::addColumn<bool>("patient");
        QTest::addColumn<bool>("doctor");
        QTest::addColumn<bool>("administrator");
        // Source: DESIGN.md section 1 table ("can do" / "must never be able to").
        //                                                          patient doctor admin
        QTest::newRow("ReadOwnRecord") << Permission::ReadOwnRecord << true << false << false;
        QTest::newRow("ReadOwnAccessHistory") << Permission::ReadOwnAccessHistory << true << false << false;
        QTest::newRow("ExportOwnFhir") << Permission::ExportOwnFhir << true << false << false;
        QTest::newRow("SetResearchConsent") << Permission::SetResearchConsent << true << false << false;
        QTest::newRow("ListCareTeamPatients") << Permission::ListCareTeamPatients << false << true << false;
        QTest::newRow("SearchCareTeamPatients") << Permission::SearchCareTeamPatients << false << true << false;
        QTest::newRow("ReadChart") << Permission::ReadChart << false << true << false;
        QTest::newRow("WriteChart") << Permission::WriteChart << false << true << false;
        QTest::newRow("ImportRecords") << Permission::ImportRecords << false << true << false;
        QTest::newRow("BreakGlass") << Permission::BreakGlass << false << true << false;
        QTest::newRow("ReadPatientIdentity") << Permission::ReadPatientIdentity << false << true << true;
        QTest::newRow("ManageAccounts") << Permission::ManageAccounts << false << false << true;
        QTest::newRow("ManageRoles") << Permission::ManageRoles << false << false << true;
        QTest::newRow("ManageCareTeams") << Permission::ManageCareTeams << false << false << true;
        QTest::newRow("ManagePatientAccounts") << Permission::ManagePatientAccounts << false << false << true;
        QTest::newRow("ManageKeys") << Permission::ManageKeys << false << false << true;
        QTest::newRow("UnlockAccount") << Permission::UnlockAccount << false << false << true;
        QTest::newRow("SetIdleTimeout") << Permission::SetIdleTimeout << false << false << true;
        QTest::newRow("VerifyAudit") << Permission::VerifyAudit << false << false << true;
        QTest::newRow("ExportAudit") << Permission::ExportAudit << false << false << true;
        QTest::newRow("ReviewBreakGlass") << Permission::ReviewBreakGlass << false << false << true;
        QTest::newRow("Backup") << Permission::Backup << false << false << true;
        QTest::newRow("Restore") << Permission::Restore << false << false << true;
        QTest::newRow("RunReports") << Permission::RunReports << false << false << true;
        QTest::newRow("DecryptReportTotals") << Permission::DecryptReportTotals << false << false << true;
    }

    void matrix()
    {
        QFETCH(Permission, permission);
        QFETCH(bool, patient);
        QFETCH(bool, doctor);
        QFETCH(bool, administrator);
        QCOMPARE(AccessPolicy::allows(Role::Patient, permission), patient);
        QCOMPARE(AccessPolicy::allows(Role::Doctor, permission), doctor);
        QCOMPARE(AccessPolicy::allows(Role::Administrator, permission), administrator);
        const bool expected[] = {patient, doctor, administrator};
        for (int i = 0; i < 3; ++i) {
            const auto s = AccessPolicy::check(kAllRoles[i], permission);
            QCOMPARE(s.ok(), expected[i]);
            if (!s.ok())
                QCOMPARE(s.error().code, cc::ErrorCode::AccessDenied);
        }
    }

    // The matrix above must cover every permission: a new permission without a row fails here.
    void matrixCoversEveryPermission()
    {
        std::set<std::string_view> names;
        for (Permission p : kAllPermissions)
            QVERIFY(names.insert(permissionName(p)).second);
        QCOMPARE(names.size(), std::size_t{25});
        QVERIFY(!names.contains("Unknown"));
    }

    void administratorsNeverReadClinicalContent()
    {
        QVERIFY(!AccessPolicy::allows(Role::Administrator, Permission::ReadChart));
        QVERIFY(!AccessPolicy::allows(Role::Administrator, Permission::WriteChart));
        QVERIFY(!AccessPolicy::allows(Role::Administrator, Permission::BreakGlass));
    }

    void roleNamesRoundTrip()
    {
        for (Role r : kAllRoles) {
            QCOMPARE(roleFromName(roleName(r)), std::optional<Role>(r));
            QCOMPARE(roleFromCode(static_cast<std::uint8_t>(r)), std::optional<Role>(r));
        }
        QVERIFY(!roleFromCode(0).has_value());
        QVERIFY(!roleFromCode(4).has_value());
        QVERIFY(!roleFromName("root").has_value());
    }
};

QTEST_GUILESS_MAIN(TestAccessPolicy)
#include "TestAccessPolicy.moc"
