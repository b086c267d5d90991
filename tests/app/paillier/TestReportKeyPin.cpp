// SPDX-License-Identifier: GPL-3.0-or-later
// Report key pinning (issue 10 item 4): the ceremony signs the report-key record and pins its
// fingerprint in every staff ring; whoever writes the database cannot swap the key, the threshold
// parameters or the record unnoticed; accounts from before pinning trust explicitly (audited).
#include "core/access/KeySlotFile.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/Hex.h"
#include "core/paillier/KeyFile.h"
#include "core/ports/ClinicMetaStore.h"
#include "core/services/AuditService.h"
#include "core/services/ObservationService.h"
#include "core/services/ReportKeyPin.h"
#include "tests/support/TestClinic.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cctype>

using namespace cc;
using services::ReportKeyPin;

namespace {

std::string metaText(services::ClinicService& clinic, std::string_view name)
{
    auto v = clinic.backend().meta().get(name);
    if (!v || !v->has_value())
        return {};
    return std::string((*v)->begin(), (*v)->end());
}

void setMeta(services::ClinicService& clinic, std::string_view name, const std::string& value)
{
    QVERIFY(clinic.backend()
                .meta()
                .set(name, std::span(reinterpret_cast<const std::uint8_t*>(value.data()), value.size()))
                .ok());
}

std::string publicJwkOf(const char* fixture)
{
    auto key = paillier::KeyFile::readPrivate(test::readTestData(std::string("paillier/") + fixture));
    return paillier::KeyFile::publicJwk(key->publicKey());
}

// Re-wraps `name`'s slot without the pin: the shape of an account from before report keys were pinned.
void dropPin(test::TestClinic& t, const std::string& name, const std::string& password)
{
    auto ring = t.clinic().keys();
    QVERIFY(ring.ok());
    access::KeyRing old;
    for (access::KeyKind k : (*ring)->kinds())
        if (k != access::KeyKind::ReportKeyPin) {
            const auto* e = (*ring)->find(k);
            QVERIFY(old.add(k, e->keyId, e->version, e->secret.clone()).ok());
        }
    QVERIFY(t.clinic()
                .updateKeySlots([&](access::KeySlotFile& file) {
                    return file.rewrap(name, test::bytes(password), old, t.options().kdf, t.clinic().rng(), t.clock(),
                                       false);
                })
                .ok());
}

} // namespace

class TestReportKeyPin : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestClinic> m_t;

    void freshClinic()
    {
        auto t = test::TestClinic::create();
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        m_t = std::move(t).value();
    }

private slots:
    void init() { freshClinic(); }

    void ceremonyPinsEveryStaffRing_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("administrator") << test::kAdmin << test::kAdminPassword;
        QTest::newRow("doctor") << test::kDoctor << test::kDoctorPassword;
    }
    void ceremonyPinsEveryStaffRing()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QVERIFY(m_t->login(user.toStdString(), password.toStdString()).ok());
        auto ring = m_t->clinic().keys();
        QVERIFY((*ring)->has(access::KeyKind::ReportKeyPin));
        auto verified = ReportKeyPin::load(m_t->clinic());
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().describe().c_str());
        QCOMPARE(crypto::hexEncode(verified->fingerprint), m_t->setup().reportKeyFingerprint);
        QCOMPARE(verified->publicKey.keyIdHex(), m_t->setup().reportKeyId);
        QCOMPARE(verified->parameters.threshold, 1u);
        QCOMPARE(verified->parameters.parties, 1u);
        QCOMPARE(ObservationService_reportKeyId(), m_t->setup().reportKeyId);
    }

    void substitutionsAreDetected_data()
    {
        QTest::addColumn<QString>("attack");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("named");
        QTest::newRow("another report key") << "key" << int(ErrorCode::IntegrityFailure) << "report key id";
        QTest::newRow("a JWK with another DJN base") << "hs" << int(ErrorCode::MalformedInput) << "hs";
        QTest::newRow("another custodian list")
            << "threshold" << int(ErrorCode::IntegrityFailure) << "threshold parameters";
        QTest::newRow("threshold parameters of another key")
            << "params" << int(ErrorCode::IntegrityFailure) << "belong to report key";
        QTest::newRow("key, parameters and record re-signed by an attacker")
            << "resigned" << int(ErrorCode::IntegrityFailure) << "differs from the one pinned";
        QTest::newRow("signed record removed")
            << "norecord" << int(ErrorCode::IntegrityFailure) << "no signed report key record";
        QTest::newRow("signature flipped") << "signature" << int(ErrorCode::IntegrityFailure) << "signature";
        QTest::newRow("signing public key replaced") << "signer" << int(ErrorCode::IntegrityFailure) << "signing";
    }
    void substitutionsAreDetected()
    {
        QFETCH(QString, attack);
        QFETCH(int, code);
        QFETCH(QString, named);
        QVERIFY(m_t->login(test::kDoctor, test::kDoctorPassword).ok());
        auto& clinic = m_t->clinic();
        const std::string threshold = metaText(clinic, ports::meta::kReportThreshold);
        QJsonObject thresholdObject = QJsonDocument::fromJson(QByteArray::fromStdString(threshold)).object();
        if (attack == "key") {
            setMeta(clinic, ports::meta::kReportPublicKey, publicJwkOf("test-key-2048-b.json"));
            // Its own parameters, so only the pin can tell.
            QJsonObject params = thresholdObject.value("parameters").toObject();
            auto other = paillier::KeyFile::readPublic(publicJwkOf("test-key-2048-b.json"));
            const auto id = other->keyId();
            params.insert("keyId", QString::fromLatin1(
                                       QByteArray(reinterpret_cast<const char*>(id.data()), 8)
                                           .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
            thresholdObject.insert("parameters", params);
            setMeta(clinic, ports::meta::kReportThreshold, QJsonDocument(thresholdObject).toJson().toStdString());
        } else if (attack == "hs") {
            QJsonObject jwk =
                QJsonDocument::fromJson(QByteArray::fromStdString(metaText(clinic, ports::meta::kReportPublicKey)))
                    .object();
            jwk.insert("hs", "BA"); // 4: a base whose root everybody knows
            setMeta(clinic, ports::meta::kReportPublicKey, QJsonDocument(jwk).toJson().toStdString());
        } else if (attack == "threshold") {
            thresholdObject.insert("custodians", QJsonArray{QJsonObject{{"index", 1}, {"name", "mallory"}}});
            setMeta(clinic, ports::meta::kReportThreshold, QJsonDocument(thresholdObject).toJson().toStdString());
        } else if (attack == "params") {
            QJsonObject params = thresholdObject.value("parameters").toObject();
            params.insert("keyId", "AAAAAAAAAAA");
            thresholdObject.insert("parameters", params);
            setMeta(clinic, ports::meta::kReportThreshold, QJsonDocument(thresholdObject).toJson().toStdString());
        } else if (attack == "resigned") {
            // The attacker writes every meta value consistently, signed with their own key.
            auto other = paillier::KeyFile::readPublic(publicJwkOf("test-key-2048-b.json"));
            QJsonObject params = thresholdObject.value("parameters").toObject();
            const auto id = other->keyId();
            params.insert("keyId", QString::fromLatin1(
                                       QByteArray(reinterpret_cast<const char*>(id.data()), 8)
                                           .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
            thresholdObject.insert("parameters", params);
            const std::string newThreshold = QJsonDocument(thresholdObject).toJson().toStdString();
            crypto::DeterministicRng rng(66);
            const auto mallory = crypto::Ed25519PrivateKey::generate(rng);
            auto canonical = ReportKeyPin::canonicalThreshold(newThreshold, *other);
            QVERIFY(canonical.ok());
            setMeta(clinic, ports::meta::kReportPublicKey, paillier::KeyFile::publicJwk(*other));
            setMeta(clinic, ports::meta::kReportThreshold, newThreshold);
            setMeta(clinic, services::kReportKeyRecordMeta,
                    ReportKeyPin::signedRecordJson(ReportKeyPin::partsOf(*other, *canonical), mallory));
            const auto pub = mallory.publicKey().bytes();
            setMeta(clinic, ports::meta::kSigningPublicKey, std::string(pub.begin(), pub.end()));
        } else if (attack == "norecord") {
            setMeta(clinic, services::kReportKeyRecordMeta, "");
        } else if (attack == "signature") {
            QJsonObject record =
                QJsonDocument::fromJson(QByteArray::fromStdString(metaText(clinic, services::kReportKeyRecordMeta)))
                    .object();
            std::string sig = record.value("signature").toString().toStdString();
            sig[10] = sig[10] == '0' ? '1' : '0';
            record.insert("signature", QString::fromStdString(sig));
            setMeta(clinic, services::kReportKeyRecordMeta, QJsonDocument(record).toJson().toStdString());
        } else if (attack == "signer") {
            crypto::DeterministicRng rng(67);
            const auto pub = crypto::Ed25519PrivateKey::generate(rng).publicKey().bytes();
            setMeta(clinic, ports::meta::kSigningPublicKey, std::string(pub.begin(), pub.end()));
        }
        auto verified = ReportKeyPin::load(clinic);
        QVERIFY(!verified.ok());
        QCOMPARE(int(verified.error().code), code);
        const QString text = QString::fromStdString(verified.error().message + " " + verified.error().field);
        QVERIFY2(text.contains(named), qPrintable(text));
        // Every writer of a Paillier ciphertext goes through the same check.
        QVERIFY(!services::ObservationService::reportKey(clinic).ok());
    }

    void accountsFromBeforePinningTrustExplicitly()
    {
        // Make the clinic look like one from before pinning: no record, no pins.
        QVERIFY(m_t->login(test::kDoctor, test::kDoctorPassword).ok());
        dropPin(*m_t, test::kDoctor, test::kDoctorPassword);
        QVERIFY(m_t->login(test::kAdmin, test::kAdminPassword).ok());
        dropPin(*m_t, test::kAdmin, test::kAdminPassword);
        setMeta(m_t->clinic(), services::kReportKeyRecordMeta, "");
        QVERIFY(m_t->reopen().ok());

        // Never silently accepted: the loader refuses and says how to trust.
        QVERIFY(m_t->login(test::kDoctor, test::kDoctorPassword).ok());
        auto refused = ReportKeyPin::load(m_t->clinic());
        QCOMPARE(refused.error().code, ErrorCode::IntegrityFailure);
        QVERIFY(refused.error().message.find("report-key trust") != std::string::npos);
        const std::string fp = crypto::hexEncode(ReportKeyPin::currentFingerprint(m_t->clinic()).value());
        QCOMPARE(fp, m_t->setup().reportKeyFingerprint);
        // A doctor cannot go first: nobody has signed the record yet.
        auto early = ReportKeyPin::trustOnFirstUse(m_t->clinic(), fp, test::bytes(test::kDoctorPassword));
        QCOMPARE(early.error().code, ErrorCode::IntegrityFailure);

        QVERIFY(m_t->login(test::kAdmin, test::kAdminPassword).ok());
        // A wrong fingerprint or password pins nothing.
        std::string wrong = fp;
        wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
        QCOMPARE(ReportKeyPin::trustOnFirstUse(m_t->clinic(), wrong, test::bytes(test::kAdminPassword)).error().code,
                 ErrorCode::IntegrityFailure);
        QVERIFY(!ReportKeyPin::trustOnFirstUse(m_t->clinic(), fp, test::bytes("not-the-password")).ok());
        QVERIFY(metaText(m_t->clinic(), services::kReportKeyRecordMeta).empty());
        // The right one (upper case is fine) signs the record and pins the administrator's ring.
        std::string upper = fp;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
        auto trusted = ReportKeyPin::trustOnFirstUse(m_t->clinic(), upper, test::bytes(test::kAdminPassword));
        QVERIFY2(trusted.ok(), trusted.ok() ? "" : trusted.error().describe().c_str());
        QVERIFY(!metaText(m_t->clinic(), services::kReportKeyRecordMeta).empty());
        // The pin takes effect at the next login.
        QCOMPARE(ReportKeyPin::load(m_t->clinic()).error().code, ErrorCode::IntegrityFailure);
        QVERIFY(m_t->login(test::kAdmin, test::kAdminPassword).ok());
        QVERIFY(ReportKeyPin::load(m_t->clinic()).ok());
        QCOMPARE(ReportKeyPin::trustOnFirstUse(m_t->clinic(), fp, test::bytes(test::kAdminPassword)).error().code,
                 ErrorCode::AlreadyExists);

        // Then the doctor.
        QVERIFY(m_t->login(test::kDoctor, test::kDoctorPassword).ok());
        QVERIFY(ReportKeyPin::trustOnFirstUse(m_t->clinic(), fp, test::bytes(test::kDoctorPassword)).ok());
        QVERIFY(m_t->login(test::kDoctor, test::kDoctorPassword).ok());
        QVERIFY(ReportKeyPin::load(m_t->clinic()).ok());
        // Each attempt is in the audit trail, successes and refusals, with the fingerprint.
        QVERIFY(m_t->login(test::kAdmin, test::kAdminPassword).ok());
        services::AuditService audit(m_t->clinic());
        auto events = audit.list({});
        QVERIFY(events.ok());
        int pinned = 0, refusedCount = 0;
        for (const auto& entry : *events) {
            const auto& e = entry.event;
            if (e.detail.find("report key pinned by trust on first use, fingerprint " + fp) != std::string::npos)
                ++pinned;
            if (e.detail.find("report key trust on first use refused") != std::string::npos)
                ++refusedCount;
        }
        QCOMPARE(pinned, 2);
        QVERIFY(refusedCount >= 3);
    }

    void publishedTestKeysRefusedForRealClinics()
    {
        auto refused = test::TestClinic::create([](services::SetupRequest& r) { r.allowPublishedTestKey = false; });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(refused.error().message.find("published TEST key") != std::string::npos);
        auto demo = test::TestClinic::create([](services::SetupRequest& r) {
            r.allowPublishedTestKey = false;
            r.demo = true;
        });
        QVERIFY(demo.ok());
        auto wrongSize = test::TestClinic::create([](services::SetupRequest& r) { r.reportKeyBits = 3072; });
        QCOMPARE(wrongSize.error().code, ErrorCode::InvalidArgument);
    }

private:
    std::string ObservationService_reportKeyId()
    {
        auto key = services::ObservationService::reportKey(m_t->clinic());
        return key.ok() ? key->keyIdHex() : std::string();
    }
};

QTEST_GUILESS_MAIN(TestReportKeyPin)
#include "TestReportKeyPin.moc"
