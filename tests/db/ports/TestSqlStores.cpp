// SPDX-License-Identifier: GPL-3.0-or-later
// SqlClinicMetaStore, SqlCareTeamStore and SqlTransactionFactory over a migrated clinic database.
#include "db/ClinicSchema.h"
#include "db/Database.h"
#include "db/SqlCareTeamStore.h"
#include "db/SqlClinicMetaStore.h"
#include "db/SqlClinicalStore.h"
#include "db/SqlReportStore.h"
#include "db/SqlTransactionFactory.h"

#include "../DbTestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cc;
using cc::db::test::str;
using cc::db::test::testKey;

namespace {

/// An id of kind `Id` (a patient's unless named) whose 16 bytes are all `tag`.
template <class Id = access::PatientId> Id id(std::uint8_t tag)
{
    Id out{};
    out.fill(tag);
    return out;
}

/// The patients of a doctor's rows, in the store's order.
std::vector<access::PatientId> patientsOf(const db::SqlCareTeamStore& teams, const access::UserId& doctor)
{
    std::vector<access::PatientId> out;
    const auto rows = teams.rowsOfDoctor(doctor);
    if (!rows)
        return out;
    for (const auto& row : *rows)
        out.push_back(row.patient);
    return out;
}

std::vector<std::uint8_t> bytes(std::string_view text)
{
    return {text.begin(), text.end()};
}

} // namespace

class TestSqlStores : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<db::Database> m_db;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto opened = db::Database::open(str(m_dir->filePath("clinic.db")), testKey(2), db::OpenMode::CreateIfMissing);
        QVERIFY(opened.ok());
        m_db = std::make_unique<db::Database>(std::move(opened).value());
        QVERIFY(db::migrate(*m_db, db::clinicMigrations()).ok());
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    // A report reads the index into one row object the store overwrites in place, and keeps rows by
    // swapping them into batches (ports::ObservationIndexBatch): every column of every row must come
    // out as stored, a NULL column after a non-NULL one included, and the swapped-in spare buffers
    // must not leak into the next row.
    void indexRowsAreReadIntoOneReusedRow()
    {
        db::SqlClinicalStore clinical(*m_db);
        std::vector<ports::ObservationIndexRow> stored;
        for (std::uint8_t i = 1; i <= 5; ++i) {
            ports::ClinicalRow row;
            row.id = id<RowId>(i);
            row.patientRef.bytes = id<RowId>(static_cast<std::uint8_t>(0x40 + i % 2));
            row.document = bytes("sealed");
            QVERIFY(clinical.insertRow(row).ok());
            ports::ObservationIndexRow index;
            index.rowId = row.id;
            index.patientRef = row.patientRef;
            index.codeToken.assign(16, 0xC0);
            if (i % 2 == 1) { // odd rows: every column; even rows: NULL tokens and no ciphertext
                index.sexToken.assign(16, i);
                index.ageBandToken.assign(16, static_cast<std::uint8_t>(i + 1));
                index.yearToken.assign(16, static_cast<std::uint8_t>(i + 2));
                index.consentToken.assign(16, static_cast<std::uint8_t>(i + 3));
                index.paillier.assign(100u * i, static_cast<std::uint8_t>(i + 4));
                index.paillierMac.assign(32, static_cast<std::uint8_t>(i + 5));
                index.latest = true;
            }
            QVERIFY(clinical.insertIndex(index).ok());
            stored.push_back(std::move(index));
        }
        const db::SqlReportStore reports(*m_db);
        ports::ObservationIndexBatch batch;
        batch.rows.resize(2); // spare rows with buffers of their own, as a recycled batch has
        batch.rows[0].sexToken.assign(16, 0xEE);
        batch.rows[1].paillier.assign(900, 0xEE);
        const ports::ObservationIndexRow* previous = nullptr;
        QVERIFY(reports
                    .forEachIndexRow({},
                                     [&](ports::ObservationIndexRow& row) -> Status {
                                         if (previous != nullptr && previous != &row)
                                             return makeError(ErrorCode::Internal, "not one reused row");
                                         previous = &row;
                                         batch.add(row);
                                         return {};
                                     })
                    .ok());
        QCOMPARE(batch.size(), stored.size());
        for (const auto& expected : stored) {
            const auto found = std::find_if(batch.rows.begin(), batch.rows.begin() + 5,
                                            [&](const auto& r) { return r.rowId == expected.rowId; });
            QVERIFY(found != batch.rows.begin() + 5);
            QVERIFY(found->patientRef == expected.patientRef);
            QVERIFY(found->codeToken == expected.codeToken);
            QVERIFY(found->sexToken == expected.sexToken);
            QVERIFY(found->ageBandToken == expected.ageBandToken);
            QVERIFY(found->yearToken == expected.yearToken);
            QVERIFY(found->consentToken == expected.consentToken);
            QVERIFY(found->paillier == expected.paillier);
            QVERIFY(found->paillierMac == expected.paillierMac);
            QCOMPARE(found->latest, expected.latest);
        }
        batch.clear();
        QVERIFY(batch.empty());
        QCOMPARE(batch.rows.size(), std::size_t{5}); // the buffers stay for the next batch
    }

    void metaSetGetReplace()
    {
        db::SqlClinicMetaStore meta(*m_db);
        QVERIFY(!meta.get(ports::meta::kClinicName)->has_value());
        QVERIFY(meta.set(ports::meta::kClinicName, bytes("Clinic A")).ok());
        QCOMPARE(**meta.get(ports::meta::kClinicName), bytes("Clinic A"));
        QVERIFY(meta.set(ports::meta::kClinicName, bytes("Clinic B")).ok());
        QCOMPARE(**meta.get(ports::meta::kClinicName), bytes("Clinic B"));
        QVERIFY(meta.set(ports::meta::kRecovery, {}).ok()); // empty is a value, not "unset"
        QVERIFY(meta.get(ports::meta::kRecovery)->has_value());
        QVERIFY((*meta.get(ports::meta::kRecovery))->empty());
        QCOMPARE(meta.set("", bytes("x")).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(meta.get(std::string(65, 'n')).error().code, ErrorCode::InvalidArgument);
        auto count = m_db->prepare("SELECT count(*) FROM meta;");
        QVERIFY(*count->step());
        QCOMPARE(count->columnInt64(0), std::int64_t{2});
    }

    void careTeamAddRemoveList()
    {
        db::SqlCareTeamStore teams(*m_db);
        const access::PatientId p1 = id(0x01), p2 = id(0x02);
        const access::UserId d1 = id<access::UserId>(0xd1), d2 = id<access::UserId>(0xd2);
        QVERIFY(teams.doctorsOf(p1)->empty());
        QVERIFY(teams.add(p1, d2, 7).ok());
        QVERIFY(teams.add(p1, d1, 8).ok());
        QVERIFY(teams.add(p2, d1, 0).ok());
        const auto rows = teams.rowsOfDoctor(d1);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), std::size_t{2});
        QCOMPARE(rows->front().patient, p1);
        QCOMPARE(rows->front().auditSeq, std::int64_t{8});
        QCOMPARE(rows->back().auditSeq, std::int64_t{0});
        QCOMPARE(teams.rowsOfPatient(p1)->size(), std::size_t{2});
        QCOMPARE(teams.allRows()->size(), std::size_t{3});
        QVERIFY(teams.bind({p2, d1, 9}).ok());
        QCOMPARE(teams.rowsOfPatient(p2)->front().auditSeq, std::int64_t{9});
        QCOMPARE(teams.bind({p2, d2, 9}).error().code, ErrorCode::NotFound);
        QCOMPARE(*teams.doctorsOf(p1), (std::vector<access::UserId>{d1, d2}));
        QCOMPARE(patientsOf(teams, d1), (std::vector<access::PatientId>{p1, p2}));
        QCOMPARE(patientsOf(teams, d2), (std::vector<access::PatientId>{p1}));

        const auto twice = teams.add(p1, d1, 10);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().code, ErrorCode::AlreadyExists);

        QVERIFY(teams.remove(p1, d2).ok());
        const auto gone = teams.remove(p1, d2);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QCOMPARE(*teams.doctorsOf(p1), (std::vector<access::UserId>{d1}));

        QVERIFY(teams.removeDoctorEverywhere(d1).ok());
        QVERIFY(patientsOf(teams, d1).empty());
        QVERIFY(teams.removeDoctorEverywhere(d1).ok()); // nothing left is fine
    }

    void careTeamTableRefusesOtherIdSizes()
    {
        QVERIFY(!m_db->exec("INSERT INTO care_team VALUES (x'01', randomblob(16));").ok());
        QVERIFY(!m_db->exec("INSERT INTO care_team VALUES (randomblob(16), randomblob(17));").ok());
        QVERIFY(!m_db->exec("INSERT INTO break_glass (id, doctor_id, patient_id, starts_at, expires_at, audit_seq) "
                            "VALUES (NULL, randomblob(16), randomblob(16), 0, 3600, 1);")
                     .ok());
        QVERIFY(m_db->exec("INSERT INTO break_glass (id, doctor_id, patient_id, starts_at, expires_at, audit_seq) "
                           "VALUES (randomblob(16), randomblob(16), randomblob(16), 0, 3600, 1);")
                    .ok());
    }

    void transactionCommitsOrRollsBack()
    {
        db::SqlTransactionFactory transactions(*m_db);
        db::SqlCareTeamStore teams(*m_db);
        {
            auto tx = transactions.begin();
            QVERIFY(tx.ok());
            QVERIFY(m_db->inTransaction());
            const auto nested = transactions.begin();
            QVERIFY(!nested.ok());
            QCOMPARE(nested.error().code, ErrorCode::StorageError);
            QVERIFY(teams.add(id(1), id<access::UserId>(2), 1).ok());
        }
        QVERIFY(!m_db->inTransaction());
        QVERIFY(teams.doctorsOf(id(1))->empty());
        {
            auto tx = transactions.begin();
            QVERIFY(teams.add(id(1), id<access::UserId>(2), 1).ok());
            QVERIFY((*tx)->commit().ok());
        }
        QCOMPARE(teams.doctorsOf(id(1))->size(), std::size_t{1});
    }

    void careTeamGenerationMovesWithEveryPossibleChange()
    {
        db::SqlCareTeamStore teams(*m_db);
        const access::UserId doctor = id<access::UserId>(0xd1);
        const auto start = *teams.generation();
        // Reads leave it where it is.
        QVERIFY(teams.rowsOfDoctor(doctor)->empty());
        QVERIFY(teams.allRows()->empty());
        QVERIFY(*teams.generation() == start);
        // Every write of this store moves it, a refused one too.
        QVERIFY(teams.add(id(1), doctor, 1).ok());
        const auto added = *teams.generation();
        QVERIFY(!(added == start));
        QVERIFY(!teams.add(id(1), doctor, 1).ok());
        const auto refused = *teams.generation();
        QVERIFY(!(refused == added));
        QVERIFY(teams.bind({id(1), doctor, 5}).ok());
        QVERIFY(teams.remove(id(1), doctor).ok());
        QVERIFY(teams.removeDoctorEverywhere(doctor).ok());
        const auto own = *teams.generation();
        QCOMPARE(own.ownWrites, refused.ownWrites + 3);
        // A commit through another connection (the sqlite3 shell of someone holding the key)
        // moves it, and so does any commit there, not only to care_team.
        auto other = db::Database::open(str(m_dir->filePath("clinic.db")), testKey(2), db::OpenMode::ExistingOnly);
        QVERIFY(other.ok());
        auto insert = other->prepare("INSERT INTO care_team (patient_id, doctor_id, audit_seq) VALUES (?1, ?2, 0);");
        QVERIFY(insert.ok());
        QVERIFY(insert->bindBlob(1, id(2)).ok());
        QVERIFY(insert->bindBlob(2, doctor).ok());
        QVERIFY(insert->step().ok());
        const auto afterOther = *teams.generation();
        QVERIFY(!(afterOther == own));
        QCOMPARE(afterOther.ownWrites, own.ownWrites);
        QCOMPARE(patientsOf(teams, doctor), (std::vector<access::PatientId>{id(2)}));
        // Another store object over the same database is another generation.
        db::SqlCareTeamStore again(*m_db);
        QVERIFY(!(*again.generation() == afterOther));
    }

    void transactionIsImmediate()
    {
        // A second connection cannot write while the first holds the IMMEDIATE lock.
        db::SqlTransactionFactory transactions(*m_db);
        auto tx = transactions.begin();
        QVERIFY(tx.ok());
        auto other = db::Database::open(str(m_dir->filePath("clinic.db")), testKey(2), db::OpenMode::ExistingOnly);
        QVERIFY(other.ok());
        other->setBusyTimeout(std::chrono::milliseconds(50));
        db::SqlTransactionFactory otherTransactions(*other);
        const auto blocked = otherTransactions.begin();
        QVERIFY(!blocked.ok());
        QCOMPARE(blocked.error().code, ErrorCode::StorageBusy);
    }
};

QTEST_GUILESS_MAIN(TestSqlStores)
#include "TestSqlStores.moc"
