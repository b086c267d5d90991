// SPDX-License-Identifier: GPL-3.0-or-later
// `storage upgrade`: a clinic whose database has SQLCipher's old 4 KB pages is rewritten at the
// current page size with the same rows, key and audit trail, and still verifies.
#include "tests/support/LegacyDatabase.h"
#include "tests/support/TestClinic.h"

#include "core/audit/AuditExport.h"
#include "core/services/PatientService.h"
#include "core/services/StorageService.h"
#include "core/services/VerifyService.h"
#include "db/Database.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace cc;
using namespace cc::test;

namespace {

model::Patient samplePatient(int i)
{
    model::Patient p;
    p.mrn = QStringLiteral("MRN-%1").arg(7000 + i);
    p.givenName = QStringLiteral("Grace");
    p.familyName = QStringLiteral("Hopper");
    p.birthDate = QStringLiteral("1956-12-09");
    p.sex = model::Sex::Female;
    return p;
}

} // namespace

class TestStorageUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void legacyClinicIsRewrittenAndVerifies()
    {
        auto t = TestClinic::create();
        QVERIFY(t.ok());
        QVERIFY((*t)->login(kDoctor, kDoctorPassword).ok());
        services::PatientService patients((*t)->clinic());
        for (int i = 0; i < 30; ++i)
            QVERIFY(patients.create(samplePatient(i)).ok());
        (*t)->clinic().logout();
        QVERIFY((*t)->login(kAdmin, kAdminPassword).ok());
        auto ring = (*t)->clinic().keys();
        QVERIFY(ring.ok());
        const crypto::SecureBytes dbk = (*ring)->find(access::KeyKind::DatabaseKey)->secret.clone();
        // A new clinic already has the current pages: nothing to do, and that is audited too.
        auto none = services::StorageService((*t)->clinic()).upgradePageSize();
        QVERIFY2(none.ok(), none.ok() ? "" : none.error().message.c_str());
        QVERIFY(!none->rewritten);
        QCOMPARE(none->after, db::Database::kPageSize);
        (*t)->clinic().logout();
        (*t)->close();

        const std::string path = (*t)->dir() + "/clinic/clinic.db";
        QVERIFY(makeLegacy(path, dbk));
        {
            auto legacy = db::Database::open(path, dbk, db::OpenMode::ReadOnly);
            QVERIFY(legacy.ok());
            QCOMPARE(legacy->pageSize(), db::Database::kLegacyPageSize);
        }

        QVERIFY((*t)->reopen().ok());
        // Doctors cannot rewrite the database.
        QVERIFY((*t)->login(kDoctor, kDoctorPassword).ok());
        auto denied = services::StorageService((*t)->clinic()).upgradePageSize();
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().code, ErrorCode::AccessDenied);
        (*t)->clinic().logout();

        QVERIFY((*t)->login(kAdmin, kAdminPassword).ok());
        auto upgraded = services::StorageService((*t)->clinic()).upgradePageSize();
        QVERIFY2(upgraded.ok(), upgraded.ok() ? "" : upgraded.error().message.c_str());
        QVERIFY(upgraded->rewritten);
        QCOMPARE(upgraded->before, db::Database::kLegacyPageSize);
        QCOMPARE(upgraded->after, db::Database::kPageSize);
        // Nothing left beside the database: no copy, no old write-ahead log.
        const QStringList left =
            QDir(QString::fromStdString((*t)->dir() + "/clinic")).entryList({"clinic.db*"}, QDir::Files | QDir::Hidden);
        for (const QString& name : left)
            QVERIFY2(name == "clinic.db" || name == "clinic.db-wal" || name == "clinic.db-shm", qPrintable(name));
        QCOMPARE(QFileInfo(QString::fromStdString(path)).size() % db::Database::kPageSize, 0);

        // The whole clinic verifies: pages, key slots, audit chain and anchor, identity documents.
        auto report = services::VerifyService((*t)->clinic()).verifyClinic();
        QVERIFY(report.ok());
        QVERIFY2(report->ok, report->problem.c_str());
        QVERIFY(report->identityDocuments >= 30);
        auto again = services::StorageService((*t)->clinic()).upgradePageSize();
        QVERIFY(again.ok());
        QVERIFY(!again->rewritten);
        auto events = audit::AuditExport::list((*t)->store().auditStore(), {});
        QVERIFY(events.ok());
        int upgrades = 0;
        for (const auto& e : *events)
            if (e.event.detail == "upgrade page size: 4096 -> 32768-byte pages")
                ++upgrades;
        QCOMPARE(upgrades, 1);
        (*t)->clinic().logout();

        // After a restart the doctor's records are all there.
        QVERIFY((*t)->reopen().ok());
        QVERIFY((*t)->login(kDoctor, kDoctorPassword).ok());
        auto listed = services::PatientService((*t)->clinic()).list();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), std::size_t{30});
    }
};

QTEST_GUILESS_MAIN(TestStorageUpgrade)
#include "TestStorageUpgrade.moc"
