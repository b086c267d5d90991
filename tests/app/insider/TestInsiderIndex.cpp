// SPDX-License-Identifier: GPL-3.0-or-later
// Offline insider attacks on the observation index (issue 10 item 6; docs/RECORDS.md, "The index
// seal"): an administrator holds the DBK and the index key, so they can rewrite any index row, the
// seal and the writer chain in the database. Each attack makes the next report run (and a
// custodian's recomputation) refuse with an integrity error; genuine doctors' work, and a clinical
// key rotation, keep passing. Real data: the Synthea sample imported by a doctor.
#include "core/access/KeySlotFile.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Rng.h"
#include "core/records/IndexSeal.h"
#include "core/reports/ReportSpec.h"
#include "core/services/ImportService.h"
#include "core/services/IndexSealing.h"
#include "core/services/KeyService.h"
#include "core/services/ReportService.h"
#include "core/services/VerifyService.h"
#include "db/Database.h"
#include "db/SqlReportStore.h"
#include "tests/support/TestClinic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cc;
using namespace cc::test;

namespace {

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);

reports::ReportSpec weightSpec()
{
    auto s = reports::ReportSpec::fromJson(
        R"({"version":1,"title":"Body weight","purpose":"quality","measures":[{"code":"29463-7"}],"selection":"all"})");
    if (!s.ok())
        qFatal("spec: %s", s.error().message.c_str());
    return std::move(s).value();
}

std::vector<std::uint8_t> textBytes(const std::string& s)
{
    return {s.begin(), s.end()};
}

} // namespace

class TestInsiderIndex : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestClinic> m_t;

    void as(const std::string& name, const std::string& password)
    {
        m_t->clinic().logout();
        auto s = m_t->login(name, password);
        if (!s.ok())
            qFatal("login %s: %s", name.c_str(), s.error().describe().c_str());
    }

    /// An administrator's report run: its error, or empty on success.
    std::string runAsAdmin()
    {
        as(kAdmin, kAdminPassword);
        db::SqlReportStore store(m_t->store().database());
        services::ReportService reports(m_t->clinic(), store);
        auto run = reports.run(weightSpec());
        return run.ok() ? std::string() : run.error().describe();
    }

    void exec(const std::string& sql)
    {
        auto s = m_t->store().database().exec(sql);
        if (!s.ok())
            qFatal("%s: %s", sql.c_str(), s.error().message.c_str());
    }

    /// The first index row's id and latest flag.
    std::pair<model::RowId, bool> firstRow()
    {
        auto stmt =
            m_t->store().database().prepare("SELECT row_id, latest FROM observation_index ORDER BY rowid LIMIT 1;");
        if (!stmt.ok() || !*stmt->step())
            qFatal("no index row");
        model::RowId row{};
        const auto blob = stmt->columnBlob(0);
        std::copy(blob.begin(), blob.end(), row.begin());
        return {row, stmt->columnInt64(1) != 0};
    }

    std::vector<std::uint8_t> meta(std::string_view name)
    {
        auto v = m_t->store().meta().get(name);
        if (!v.ok() || !v->has_value())
            qFatal("meta %s missing", std::string(name).c_str());
        return **v;
    }

private slots:
    void initTestCase()
    {
        auto t = TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        m_t = std::move(t).value();
        as(kDoctor, kDoctorPassword);
        auto imported = services::ImportService(m_t->clinic()).importSynthea(kData + "/synthea");
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
    }

    // The genuine index verifies: the seal counts every row, and a report runs.
    void genuineIndexVerifies()
    {
        QCOMPARE(runAsAdmin(), std::string());
        auto verified = services::IndexSealing::verify(m_t->clinic());
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().describe().c_str());
        auto stmt = m_t->store().database().prepare("SELECT count(*) FROM observation_index;");
        QVERIFY(stmt.ok() && *stmt->step());
        QCOMPARE(verified->digest.observationRows, stmt->columnInt64(0));
        QVERIFY(verified->digest.observationRows > 100);
    }

    // Flipping one consent token (to pull an opted-out patient into a research cohort) or one flag.
    void alteredRowIsRefused()
    {
        as(kAdmin, kAdminPassword);
        exec("CREATE TABLE saved AS SELECT rowid AS r, latest FROM observation_index ORDER BY rowid LIMIT 1;");
        exec("UPDATE observation_index SET latest = 1 - latest WHERE rowid = (SELECT r FROM saved);");
        const std::string refused = runAsAdmin();
        QVERIFY2(refused.find("does not match its seal") != std::string::npos, refused.c_str());
        exec("UPDATE observation_index SET latest = (SELECT latest FROM saved) WHERE rowid = (SELECT r FROM saved);");
        QCOMPARE(runAsAdmin(), std::string()); // the check follows the data, not a sticky flag
        exec("UPDATE observation_index SET consent_token = randomblob(16) WHERE rowid = (SELECT r FROM saved);");
        QVERIFY(runAsAdmin().find("does not match its seal") != std::string::npos);
        exec("DROP TABLE saved;");
    }

    // Removing a row (one patient's value left out to be recovered by differencing) or adding one.
    void removedOrAddedRowIsRefused()
    {
        auto t = TestClinic::create();
        QVERIFY(t.ok());
        std::swap(m_t, *t);
        as(kDoctor, kDoctorPassword);
        auto imported = services::ImportService(m_t->clinic()).importSynthea(kData + "/synthea");
        QVERIFY(imported.ok());
        QCOMPARE(runAsAdmin(), std::string());
        exec("DELETE FROM observation_index WHERE rowid = (SELECT min(rowid) FROM observation_index);");
        const std::string refused = runAsAdmin();
        QVERIFY2(refused.find("rows added or removed") != std::string::npos, refused.c_str());
        // The seal's count "corrected" by hand: its signature then fails.
        auto seal = QJsonDocument::fromJson(
                        QByteArray::fromStdString(std::string(reinterpret_cast<const char*>(meta("index_seal").data()),
                                                              meta("index_seal").size())))
                        .object();
        seal["observationRows"] = seal["observationRows"].toInteger() - 1;
        QVERIFY(m_t->store().meta().set("index_seal", textBytes(QJsonDocument(seal).toJson().toStdString())).ok());
        const std::string forged = runAsAdmin();
        QVERIFY2(forged.find("signature does not verify") != std::string::npos, forged.c_str());
    }

    // The administrator signs a seal of the tampered index with a key of their own, then also
    // replaces the writer chain by one rooted at that key. Their ring's pin refuses both.
    void forgedSealOrChainIsRefused()
    {
        as(kAdmin, kAdminPassword);
        exec("UPDATE observation_index SET latest = 1 - latest WHERE rowid = (SELECT min(rowid) FROM "
             "observation_index);");
        auto digest = m_t->store().clinical().digestIndex();
        QVERIFY(digest.ok());
        const auto clinicId = m_t->store().descriptor().clinicId;
        const auto forger = crypto::Ed25519PrivateKey::generate(crypto::SystemRng::instance());
        const auto sig = forger.sign(records::sealMessage(clinicId, 99, *digest));
        const std::string pub = crypto::hexEncode(forger.publicKey().bytes());
        const QJsonObject seal{{"version", 1},
                               {"seq", 99},
                               {"observationRows", static_cast<qint64>(digest->observationRows)},
                               {"conditionRows", static_cast<qint64>(digest->conditionRows)},
                               {"hash", QString::fromStdString(crypto::hexEncode(digest->hash.bytes()))},
                               {"signer", QString::fromStdString(pub)},
                               {"signature", QString::fromStdString(crypto::hexEncode(sig))}};
        QVERIFY(m_t->store().meta().set("index_seal", textBytes(QJsonDocument(seal).toJson().toStdString())).ok());
        std::string refused = runAsAdmin();
        QVERIFY2(refused.find("not by the clinic's current index writer key") != std::string::npos, refused.c_str());
        const QJsonObject chain{
            {"version", 1},
            {"writers",
             QJsonArray{QJsonObject{{"keyId", 1}, {"publicKey", QString::fromStdString(pub)}, {"link", ""}}}}};
        QVERIFY(m_t->store().meta().set("index_writers", textBytes(QJsonDocument(chain).toJson().toStdString())).ok());
        refused = runAsAdmin();
        QVERIFY2(refused.find("does not hold the writer key this account pinned") != std::string::npos,
                 refused.c_str());
        // A doctor's session will not extend a seal it did not sign either: its next write fails, nothing is written.
        as(kDoctor, kDoctorPassword);
        const auto [row, latest] = firstRow();
        auto tx = m_t->store().transactions().begin();
        QVERIFY(tx.ok());
        QVERIFY(m_t->store().clinical().setLatest(row, !latest).ok());
        auto committed = (*tx)->commit();
        QVERIFY(!committed.ok());
        QCOMPARE(committed.error().code, ErrorCode::IntegrityFailure);
    }

    // Administrators never change the index through the services either: a unit of work of theirs
    // that touches it cannot commit.
    void administratorCannotWriteTheIndex()
    {
        auto t = TestClinic::create();
        QVERIFY(t.ok());
        std::swap(m_t, *t);
        as(kDoctor, kDoctorPassword);
        QVERIFY(services::ImportService(m_t->clinic()).importSynthea(kData + "/synthea").ok());
        as(kAdmin, kAdminPassword);
        const auto [row, latest] = firstRow();
        {
            auto tx = m_t->store().transactions().begin();
            QVERIFY(tx.ok());
            QVERIFY(m_t->store().clinical().setLatest(row, !latest).ok());
            auto committed = (*tx)->commit();
            QVERIFY(!committed.ok());
            QCOMPARE(committed.error().code, ErrorCode::AccessDenied);
        }
        QCOMPARE(runAsAdmin(), std::string()); // rolled back: the index is as the doctor sealed it
    }

    // An administrator's ring from before the seal has no pin: reports are refused, saying what to
    // do; the trust-on-first-use step takes only the chain's current writer key, then reports run.
    void ringWithoutPinTrustsOnFirstUse()
    {
        as(kAdmin, kAdminPassword);
        {
            access::KeyRing old = (*m_t->clinic().keys())->clone();
            QVERIFY(old.remove(access::KeyKind::IndexWriterPin));
            auto file = m_t->store().keySlots().load();
            QVERIFY(file.ok());
            QVERIFY(file->rewrap(kAdmin, bytes(kAdminPassword), old, m_t->options().kdf, crypto::SystemRng::instance(),
                                 m_t->clock(), false)
                        .ok());
            QVERIFY(m_t->store().keySlots().save(*file).ok());
        }
        const std::string refused = runAsAdmin();
        QVERIFY2(refused.find("trust-index-writer") != std::string::npos, refused.c_str());
        // Not tampering: the whole-clinic verify lists it as not checked, raising no alarm.
        as(kAdmin, kAdminPassword);
        auto clinicVerify = services::VerifyService(m_t->clinic()).verifyClinic();
        QVERIFY(clinicVerify.ok());
        QVERIFY2(clinicVerify->ok, clinicVerify->problem.c_str());
        bool listed = false;
        for (const auto& n : clinicVerify->notChecked)
            listed = listed || n.find("trust-index-writer") != std::string::npos;
        QVERIFY(listed);
        // The writer key as a doctor's verify shows it.
        as(kDoctor, kDoctorPassword);
        auto verified = services::IndexSealing::verify(m_t->clinic());
        QVERIFY(verified.ok());
        const std::string writer = crypto::hexEncode(verified->writer);
        as(kAdmin, kAdminPassword);
        std::string other = writer;
        other[0] = other[0] == '0' ? '1' : '0';
        auto wrong = services::IndexSealing::trustWriterOnFirstUse(m_t->clinic(), other, bytes(kAdminPassword));
        QCOMPARE(wrong.error().code, ErrorCode::IntegrityFailure);
        auto badPassword = services::IndexSealing::trustWriterOnFirstUse(m_t->clinic(), writer, bytes("not-it-1234"));
        QVERIFY(!badPassword.ok());
        QVERIFY(runAsAdmin().find("trust-index-writer") != std::string::npos); // nothing pinned yet
        auto trusted = services::IndexSealing::trustWriterOnFirstUse(m_t->clinic(), writer, bytes(kAdminPassword));
        QVERIFY2(trusted.ok(), trusted.ok() ? "" : trusted.error().describe().c_str());
        QCOMPARE(runAsAdmin(), std::string());
        as(kAdmin, kAdminPassword);
        QCOMPARE(
            services::IndexSealing::trustWriterOnFirstUse(m_t->clinic(), writer, bytes(kAdminPassword)).error().code,
            ErrorCode::AlreadyExists);
    }

    // A clinical key rotation links a new writer key; the administrator's pin (the ceremony's
    // writer) follows the chain, and the doctor's later writes are sealed by the new key.
    void rotationIsFollowed()
    {
        as(kAdmin, kAdminPassword);
        services::Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
        auto rotated = services::KeyService(m_t->clinic()).rotate(access::KeyKind::ClinicalCategory, &sponsor);
        QVERIFY2(rotated.ok(), rotated.ok() ? "" : rotated.error().describe().c_str());
        QCOMPARE(runAsAdmin(), std::string());
        auto verified = services::IndexSealing::verify(m_t->clinic());
        QVERIFY(verified.ok());
        as(kDoctor, kDoctorPassword);
        auto ring = m_t->clinic().keys();
        QVERIFY(ring.ok());
        auto writer = services::IndexSealing::writerPublicKey((*ring)->find(access::KeyKind::ClinicalCategory)->secret,
                                                              m_t->store().descriptor().clinicId);
        QVERIFY(writer.ok());
        QVERIFY(verified->writer == *writer);
        QVERIFY(services::ImportService(m_t->clinic())
                    .importSynthea(kData + "/synthea")
                    .ok()); // re-import: no-op or updates
        QCOMPARE(runAsAdmin(), std::string());
    }
};

QTEST_GUILESS_MAIN(TestInsiderIndex)
#include "TestInsiderIndex.moc"
