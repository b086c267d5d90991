// SPDX-License-Identifier: GPL-3.0-or-later
// Research network pieces without a clinic (core/services/ReportNetwork): the network key file and
// its signed record, custodian key files, cell tallies, merges (refusals), and the two-stage
// quorum decryption with a withheld cell, complementary suppression and a forged partial.
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/Paillier.h"
#include "core/records/ObservationLayout.h"
#include "core/reports/Disclosure.h"
#include "core/services/ReportNetwork.h"

#include <QFile>
#include <QTest>

#include <optional>

using namespace cc;
using services::CellTally;
using services::NetworkKey;

namespace {

std::string readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

crypto::SecureBytes secret(const char* text)
{
    return crypto::SecureBytes(std::span(reinterpret_cast<const std::uint8_t*>(text), std::strlen(text)));
}

const char* const kSpec = R"({"version": 1, "title": "CD4 by sex", "purpose": "research",
    "measures": [{"code": "24467-3"}], "selection": "latest",
    "filters": {"sex": ["female", "male", "other"]}, "groupBy": ["sex"]})";

class FixedClock final : public Clock
{
public:
    TimePoint now() const override { return TimePoint(std::chrono::seconds(1796000000)); }
};

} // namespace

class TestReportNetwork : public QObject
{
    Q_OBJECT

    crypto::DeterministicRng m_rng{42};
    std::optional<services::NetworkCeremony> m_ceremony;
    const interop::UnitsCatalogue& m_catalogue = interop::UnitsCatalogue::builtIn();

    const NetworkKey& network() const { return m_ceremony->network; }

    services::NetworkCustodian custodian(int i)
    {
        static const char* const passphrases[] = {"ana-passphrase-1", "ben-passphrase-2", "cy-passphrase-33"};
        auto opened = services::openCustodianFile(m_ceremony->custodianFiles[static_cast<std::size_t>(i)], network(),
                                                  secret(passphrases[i]).span());
        if (!opened)
            qFatal("%s", opened.error().describe().c_str());
        return std::move(*opened);
    }

    // A clinic's exported file: per cell the values (CD4 cells/uL) it released, or nullopt with
    // the patients of a cell it withheld.
    std::vector<std::uint8_t> exportOf(std::uint8_t clinic, const std::vector<std::vector<double>>& released,
                                       const std::vector<std::uint64_t>& withheld)
    {
        auto spec = reports::ReportSpec::fromJson(kSpec);
        if (!spec)
            qFatal("spec");
        reports::ReportFile f;
        f.kind = reports::ReportFile::Kind::Exported;
        f.spec = *spec;
        f.specSha256 = spec->sha256();
        m_rng.fill(f.reportId);
        f.clinicId.fill(clinic);
        f.clinicName = QStringLiteral("Clinic %1").arg(clinic);
        f.keyId = network().key.keyId();
        const auto layout = records::ObservationLayout::forCode(m_catalogue, "24467-3");
        const auto* unit = m_catalogue.find("24467-3");
        for (const auto& key : spec->cells()) {
            reports::ReportCell cell;
            cell.key = key;
            cell.layoutId = layout->id();
            CellTally tally;
            std::vector<paillier::Ciphertext> records;
            if (withheld[key.index] > 0) {
                tally.patients = withheld[key.index];
                tally.withheldSites = 1;
                records.push_back(*paillier::encrypt(network().key, paillier::Plaintext(0), m_rng, layout->id()));
            } else {
                for (double v : released[key.index])
                    records.push_back(*layout->encrypt(network().key, *unit->encode(v), m_rng));
                tally.patients = tally.observations = released[key.index].size();
            }
            cell.ciphertext = paillier::sum(network().key, records, 1)->toBytes();
            cell.tally = paillier::encrypt(network().key, tally.encode(), m_rng)->toBytes();
            f.cells.push_back(std::move(cell));
        }
        std::array<std::uint8_t, 32> seed{};
        seed.fill(static_cast<std::uint8_t>(clinic + 100));
        return f.sign(*crypto::Ed25519PrivateKey::fromSeed(seed));
    }

private slots:
    void initTestCase()
    {
        auto key = paillier::KeyFile::readPrivate(
            readText(QStringLiteral(CC_TEST_DATA_DIR) + "/paillier/test-key-2048-b.json"));
        QVERIFY(key.ok());
        std::vector<crypto::SecureBytes> passphrases;
        for (const char* p : {"ana-passphrase-1", "ben-passphrase-2", "cy-passphrase-33"})
            passphrases.push_back(secret(p));
        auto ceremony = services::createNetwork(std::move(*key), "Test network", {"ana", "ben", "cy"}, 2, 11, 2,
                                                passphrases, crypto::Argon2Params::forTests(), m_rng);
        QVERIFY2(ceremony.ok(), ceremony.ok() ? "" : ceremony.error().describe().c_str());
        m_ceremony = std::move(*ceremony);
    }

    void publicFileRoundTripsAndResistsChanges()
    {
        auto read = NetworkKey::fromJson(m_ceremony->publicJson);
        QVERIFY(read.ok());
        QCOMPARE(read->fingerprintHex(), network().fingerprintHex());
        QCOMPARE(read->parameters.threshold, 2u);
        // Any member the record covers, changed: the signature fails.
        for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {"\"minimumCellSize\": 11", "\"minimumCellSize\": 12"},
                 {"\"name\": \"Test network\"", "\"name\": \"Test networK\""}}) {
            std::string changed = m_ceremony->publicJson;
            const auto at = changed.find(from);
            QVERIFY(at != std::string::npos);
            changed.replace(at, from.size(), to);
            auto bad = NetworkKey::fromJson(changed);
            QVERIFY(!bad.ok());
            QCOMPARE(bad.error().code, ErrorCode::IntegrityFailure);
        }
        // A rule below its floor is refused before the signature is looked at.
        std::string low = m_ceremony->publicJson;
        low.replace(low.find("\"minimumCellSize\": 11"), 21, "\"minimumCellSize\": 4 ");
        QCOMPARE(NetworkKey::fromJson(low).error().code, ErrorCode::MalformedInput);
    }

    void custodianFiles()
    {
        QCOMPARE(custodian(1).share.index, 2u);
        auto wrong = services::openCustodianFile(m_ceremony->custodianFiles[0], network(), secret("not-it").span());
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassword);
        // Ana's file opened against another network's key file: refused before any passphrase work.
        NetworkKey other = network();
        other.minimumSites = 3;
        auto foreign =
            services::openCustodianFile(m_ceremony->custodianFiles[0], other, secret("ana-passphrase-1").span());
        QCOMPARE(foreign.error().code, ErrorCode::IntegrityFailure);
        // Ana's sealed share presented as Ben's (index changed): the AES-GCM associated data differs.
        std::string swapped = m_ceremony->custodianFiles[0];
        swapped.replace(swapped.find("\"custodian\": 1"), 14, "\"custodian\": 2");
        auto asBen = services::openCustodianFile(swapped, network(), secret("ana-passphrase-1").span());
        QCOMPARE(asBen.error().code, ErrorCode::WrongPassword);
    }

    void tallies_data()
    {
        QTest::addColumn<quint64>("patients");
        QTest::addColumn<quint64>("observations");
        QTest::addColumn<quint64>("withheld");
        QTest::newRow("zero") << quint64{0} << quint64{0} << quint64{0};
        QTest::newRow("released") << quint64{23} << quint64{40} << quint64{0};
        QTest::newRow("withheld") << quint64{7} << quint64{0} << quint64{3};
        QTest::newRow("largest") << quint64{(1ull << 40) - 1} << quint64{(1ull << 40) - 1} << quint64{65535};
    }

    void tallies()
    {
        QFETCH(quint64, patients);
        QFETCH(quint64, observations);
        QFETCH(quint64, withheld);
        const CellTally t{patients, observations, withheld};
        auto back = CellTally::decode(t.encode());
        QVERIFY(back.ok());
        QCOMPARE(back->patients, patients);
        QCOMPARE(back->observations, observations);
        QCOMPARE(back->withheldSites, withheld);
    }

    void mergeRefusals()
    {
        const auto a = exportOf(1, {{300, 310}, {}, {}}, {0, 3, 4});
        const auto b = exportOf(2, {{200}, {}, {}}, {0, 5, 6});
        auto ok = services::mergeExports({a, b}, network(), 2);
        QVERIFY(ok.ok());
        // Any order gives the same merge id.
        QCOMPARE(services::mergeExports({b, a}, network(), 2)->id, ok->id);
        QCOMPARE(services::mergeExports({a, a}, network(), 2).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(services::mergeExports({a, b}, network(), 3).error().code, ErrorCode::AccessDenied);
        auto tampered = b;
        tampered[tampered.size() / 2] ^= 1;
        QCOMPARE(services::mergeExports({a, tampered}, network(), 2).error().code, ErrorCode::IntegrityFailure);
        // The member list: signed by the network key, read back, refused when changed or foreign.
        services::NetworkMembers both;
        for (const auto& site : ok->sites)
            both.members.push_back({site.clinicName, site.signerPublicKey});
        auto ana = custodian(0);
        const std::string json = both.toJson(network(), ana.signingKey);
        auto members = services::NetworkMembers::fromJson(json, network());
        QVERIFY(members.ok());
        QCOMPARE(members->members.size(), std::size_t{2});
        std::string renamed = json;
        renamed.replace(renamed.find("Clinic 1"), 8, "Clinic 9");
        QCOMPARE(services::NetworkMembers::fromJson(renamed, network()).error().code, ErrorCode::IntegrityFailure);
        services::NetworkMembers onlyA;
        onlyA.members.push_back(both.members[0].signer < both.members[1].signer ? both.members[0] : both.members[1]);
        auto single = services::NetworkMembers::fromJson(onlyA.toJson(network(), ana.signingKey), network());
        QVERIFY(single.ok());
        QCOMPARE(services::mergeExports({a, b}, network(), 2, &*single).error().code, ErrorCode::AccessDenied);
        // The bundle reopens to the same merge; a changed byte does not; a non-member site is refused.
        auto bundle = ok->bundle();
        QCOMPARE(services::openMerged(bundle, network(), *members)->id, ok->id);
        QCOMPARE(services::openMerged(bundle, network(), *single).error().code, ErrorCode::AccessDenied);
        bundle[bundle.size() - 80] ^= 1;
        QVERIFY(!services::openMerged(bundle, network(), *members).ok());
    }

    void quorumWithWithheldAndComplementaryCells()
    {
        // female: released at both (12 + 10 patients); male: withheld by clinic 1 (3 patients there);
        // other: released at both (12 + 12).
        std::vector<double> femaleA, femaleB, otherA, otherB;
        for (int i = 0; i < 12; ++i) {
            femaleA.push_back(300 + i);
            otherA.push_back(500 + 10 * i);
            otherB.push_back(400 + 5 * i);
        }
        for (int i = 0; i < 10; ++i)
            femaleB.push_back(250 + i);
        std::vector<double> maleB(15, 420);
        const auto a = exportOf(1, {femaleA, {}, otherA}, {0, 3, 0});
        const auto b = exportOf(2, {femaleB, maleB, otherB}, {0, 0, 0});
        auto merged = services::mergeExports({a, b}, network(), 2);
        QVERIFY(merged.ok());

        auto ana = custodian(0), ben = custodian(1), cy = custodian(2);
        services::NetworkLedger ledger;
        auto t1 = services::networkDecryptShare(*merged, ana, {}, m_rng);
        auto t3 = services::networkDecryptShare(*merged, cy, {}, m_rng);
        QVERIFY(t1.ok() && t3.ok());
        QCOMPARE(t1->partials.size(), std::size_t{3});
        // Stage 2 without t tally shares is refused.
        QCOMPARE(services::networkDecryptShare(*merged, ben, {t1->encode()}, m_rng).error().code,
                 ErrorCode::InvalidArgument);
        const std::vector<std::vector<std::uint8_t>> talliesShares{t1->encode(), t3->encode()};
        auto f2 = services::networkDecryptShare(*merged, ben, talliesShares, m_rng, &ledger);
        auto f3 = services::networkDecryptShare(*merged, cy, talliesShares, m_rng);
        QVERIFY(f2.ok() && f3.ok());
        // Only "other" is released: male is withheld, female its complement (one suppressed
        // non-empty cell in the line would be the total minus the others).
        QCOMPARE(f2->partials.size(), std::size_t{1});
        QCOMPARE(f2->partials[0].cell, 2u);

        // Ana's stage-2 partial forged: named and skipped, Ben and Cy combine.
        auto forged = services::networkDecryptShare(*merged, ana, talliesShares, m_rng);
        QVERIFY(forged.ok());
        forged->partials[0].partial.response.back() ^= 1;
        FixedClock clock;
        auto published = services::networkPublish(
            *merged, ana, {t1->encode(), t3->encode(), forged->encode(), f2->encode(), f3->encode()}, clock);
        QVERIFY2(published.ok(), published.ok() ? "" : published.error().describe().c_str());
        QVERIFY(!published->rejectedPartials.empty());
        QVERIFY(QString::fromStdString(published->rejectedPartials.front()).contains("custodian 1"));
        const auto& cells = published->report.cells;
        QVERIFY(cells[0].figures.suppressed);
        QCOMPARE(cells[0].figures.reason, QStringLiteral("complementary suppression"));
        QVERIFY(cells[1].figures.suppressed);
        QCOMPARE(cells[1].figures.reason, QStringLiteral("withheld by 1 site(s)"));
        QVERIFY(!cells[2].figures.suppressed);
        QCOMPARE(cells[2].figures.patients, quint64{24});
        double sum = 0;
        for (double v : otherA)
            sum += v;
        for (double v : otherB)
            sum += v;
        QVERIFY(std::abs(cells[2].figures.mean - sum / 24) < 0.01);
        QCOMPARE(published->report.sites.size(), 2);

        // Ben's ledger: the same merge again passes; a merge adding one clinic over the same
        // measures is a differencing pair (it would show that clinic's totals) and is refused.
        auto reread = services::NetworkLedger::fromJson(ledger.toJson());
        QVERIFY(reread.ok());
        QCOMPARE(reread->entries.size(), std::size_t{1});
        QVERIFY(reread->check(*merged, network()).ok());
        const auto c = exportOf(3, {femaleA, maleB, otherB}, {0, 0, 0});
        auto three = services::mergeExports({a, b, c}, network(), 2);
        QVERIFY(three.ok());
        auto t3b = services::networkDecryptShare(*three, cy, {}, m_rng);
        auto t1b = services::networkDecryptShare(*three, ana, {}, m_rng);
        auto refused = services::networkDecryptShare(*three, ben, {t1b->encode(), t3b->encode()}, m_rng, &*reread);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::AccessDenied);
        QVERIFY(QString::fromStdString(refused.error().message).contains("differencing"));
        // The published file verifies under the network signing key.
        auto read = reports::ReportFile::read(published->file);
        QVERIFY(read.ok());
        QCOMPARE(read->signerPublicKey, network().signer);
    }
};

QTEST_GUILESS_MAIN(TestReportNetwork)
#include "TestReportNetwork.moc"
