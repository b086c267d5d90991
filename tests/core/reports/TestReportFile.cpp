// SPDX-License-Identifier: GPL-3.0-or-later
// Report files and decryption shares: round trips, signature, and every kind of tampering refused.
#include "core/crypto/Rng.h"
#include "core/reports/DecryptionShare.h"
#include "core/reports/ReportFile.h"

#include <QTest>

using namespace cc;
using namespace cc::reports;

namespace {

const char* kSpec = R"({"version":1,"title":"CD4 by sex","purpose":"research","measures":[{"code":"24467-3"}],
  "selection":"all","filters":{"sex":["female","male"]},"groupBy":["sex"]})";

ReportFile sample()
{
    ReportFile f;
    f.spec = ReportSpec::fromJson(kSpec).value();
    f.specSha256 = f.spec.sha256();
    f.reportId = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    f.clinicId.fill(0xC1);
    f.clinicName = "Riverside Clinic";
    f.keyId = {0xAA, 0xBB, 0xCC, 0xDD, 0, 1, 2, 3};
    f.createdAtMs = 1767225600000;
    for (const auto& key : f.spec.cells()) {
        ReportCell c;
        c.key = key;
        c.layoutId = 7;
        c.ciphertext.assign(44, static_cast<std::uint8_t>(0x30 + key.index));
        f.cells.push_back(c);
    }
    return f;
}

crypto::Ed25519PrivateKey signer(std::uint64_t seed)
{
    crypto::DeterministicRng rng(seed);
    return crypto::Ed25519PrivateKey::generate(rng);
}

} // namespace

class TestReportFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const auto key = signer(1);
        const auto bytes = sample().sign(key);
        auto read = ReportFile::read(bytes);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().describe().c_str());
        QCOMPARE(read->kind, ReportFile::Kind::Encrypted);
        QCOMPARE(read->reportId, sample().reportId);
        QCOMPARE(read->clinicId, sample().clinicId);
        QCOMPARE(read->keyId, sample().keyId);
        QCOMPARE(read->createdAtMs, sample().createdAtMs);
        QCOMPARE(read->cells.size(), std::size_t{2});
        QCOMPARE(read->cells[1].ciphertext, sample().cells[1].ciphertext);
        QCOMPARE(read->signerPublicKey, key.publicKey().bytes());
        QCOMPARE(read->spec.canonicalJson(), sample().spec.canonicalJson());
        // Nothing but the spec and ciphertexts: no count or value in the clear.
        const QByteArray text(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
        QVERIFY(!text.contains("count"));
        QVERIFY(!text.contains("patients"));
    }

    void publishedRoundTrip()
    {
        ReportFile f = sample();
        f.kind = ReportFile::Kind::Published;
        f.cells[0].ciphertext.clear();
        f.cells[0].figures = {false, {}, 14, 80, 249.72, 97.5, 240.1, 180.0, 320.5, {{0, 200, 30}, {200, 2000, 50}}};
        f.cells[1].ciphertext.clear();
        f.cells[1].figures.suppressed = true;
        f.cells[1].figures.reason = "fewer than 11 patients";
        f.custodians = {1, 3};
        f.minimumCellSize = 11;
        f.sourceSha256.fill(0x5A);
        auto read = ReportFile::read(f.sign(signer(2)));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().describe().c_str());
        QCOMPARE(read->kind, ReportFile::Kind::Published);
        QCOMPARE(read->cells[0].figures.patients, std::uint64_t{14});
        QCOMPARE(read->cells[0].figures.mean, 249.72);
        QCOMPARE(read->cells[0].figures.histogram.size(), std::size_t{2});
        QCOMPARE(read->cells[0].figures.histogram[1].count, std::uint64_t{50});
        QVERIFY(read->cells[1].figures.suppressed);
        QCOMPARE(read->cells[1].figures.reason, QStringLiteral("fewer than 11 patients"));
        QCOMPARE(read->custodians, (std::vector<std::uint32_t>{1, 3}));
        QCOMPARE(read->minimumCellSize, std::uint32_t{11});
    }

    void tamperingIsRefused_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("byte flipped in the body") << 0;
        QTest::newRow("byte flipped in the signature") << 1;
        QTest::newRow("truncated") << 2;
        QTest::newRow("appended byte") << 3;
        QTest::newRow("kind changed") << 4;
        QTest::newRow("cells swapped and re-signed") << 5;
        QTest::newRow("spec changed under its hash, re-signed") << 6;
        QTest::newRow("empty") << 7;
        QTest::newRow("kind changed to exported") << 8;
    }
    void tamperingIsRefused()
    {
        QFETCH(int, what);
        const auto key = signer(3);
        std::vector<std::uint8_t> bytes = sample().sign(key);
        switch (what) {
        case 0:
            bytes[bytes.size() / 2] ^= 0x04;
            break;
        case 1:
            bytes.back() ^= 0x01;
            break;
        case 2:
            bytes.resize(bytes.size() - 1);
            break;
        case 3:
            bytes.push_back(0);
            break;
        case 4:
            bytes[5] = static_cast<std::uint8_t>(ReportFile::Kind::Published);
            break;
        case 5: {
            ReportFile f = sample();
            std::swap(f.cells[0], f.cells[1]);
            bytes = f.sign(key);
            break;
        }
        case 6: {
            ReportFile f = sample();
            f.spec.title = "Another title";
            bytes = f.sign(key);
            break;
        }
        case 7:
            bytes.clear();
            break;
        case 8:
            bytes[5] = static_cast<std::uint8_t>(ReportFile::Kind::Exported);
            break;
        default:
            QFAIL("unknown case");
        }
        auto read = ReportFile::read(bytes);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::IntegrityFailure);
    }

    void otherVersionIsUnsupported()
    {
        auto bytes = sample().sign(signer(4));
        bytes[4] = 2;
        QCOMPARE(ReportFile::read(bytes).error().code, ErrorCode::Unsupported);
    }

    void reportIdHexRoundTrip()
    {
        const ReportId id = sample().reportId;
        QCOMPARE(reportIdFromHex(reportIdHex(id)).value(), id);
        QCOMPARE(reportIdFromHex("abc").error().code, ErrorCode::MalformedInput);
    }

    void shareRoundTrip()
    {
        DecryptionShare s;
        s.reportId = sample().reportId;
        s.specSha256.fill(0x11);
        s.keyId = sample().keyId;
        s.custodian = 3;
        s.partials.push_back({4, {3, {1, 2, 3}, std::vector<std::uint8_t>(16, 9), {7, 7}}});
        auto read = DecryptionShare::decode(s.encode(), "share.ccrs");
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().describe().c_str());
        QCOMPARE(read->custodian, std::uint32_t{3});
        QCOMPARE(read->partials.size(), std::size_t{1});
        QCOMPARE(read->partials[0].cell, std::uint32_t{4});
        QCOMPARE(read->partials[0].partial.index, std::uint32_t{3});
        QCOMPARE(read->partials[0].partial.value, (std::vector<std::uint8_t>{1, 2, 3}));
        QCOMPARE(read->partials[0].partial.response, (std::vector<std::uint8_t>{7, 7}));
        auto bytes = s.encode();
        bytes.resize(bytes.size() - 2);
        auto bad = DecryptionShare::decode(bytes, "share.ccrs");
        QCOMPARE(bad.error().code, ErrorCode::MalformedInput);
        QCOMPARE(bad.error().file, std::string("share.ccrs"));
        s.custodian = 0;
        QCOMPARE(QString::fromStdString(DecryptionShare::decode(s.encode()).error().field),
                 QStringLiteral("custodian"));
    }

    void contextsDifferPerCellAndReport()
    {
        ReportId other = sample().reportId;
        other[0] ^= 1;
        QVERIFY(partialContext(sample().reportId, 0) != partialContext(sample().reportId, 1));
        QVERIFY(partialContext(sample().reportId, 0) != partialContext(other, 0));
    }
};

QTEST_GUILESS_MAIN(TestReportFile)
#include "TestReportFile.moc"
