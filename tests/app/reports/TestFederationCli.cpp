// SPDX-License-Identifier: GPL-3.0-or-later
// Federation end to end with cipherchart-cli (docs/REPORTS.md, federation): a research network's
// key ceremony, two clinics holding halves of ACTG 315 exporting their encrypted reports under the
// network key, the merge, the network custodians' two-stage quorum decryption, and merged figures
// equal to the pooled plaintext figures; then the refusals and their exit codes.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

#include "../../support/ProcessRun.h"

namespace {

using Run = cc::test::ProcessRun;

Run cli(const QStringList& args, const QString& input = {})
{
    return cc::test::runProcess(QStringLiteral(CC_CLI_PATH), args, input, QProcessEnvironment::systemEnvironment(),
                                600000);
}

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);
const QString kAdmin = QStringLiteral("alice-password-1\n");
const QString kDoctor = QStringLiteral("drbob-password-1\n");
const QStringList kPassphrases = {"ana-passphrase-1\n", "ben-passphrase-2\n", "cy-passphrase-33\n"};

// The latest CD4 of each patient of ACTG315.csv (the pooled plaintext the merge must reproduce),
// and the patient ids split between the two clinics (every other patient).
struct Pooled
{
    std::vector<double> latest;
    std::set<QString> clinicA;
};

Pooled pooled()
{
    QFile f(kData + "/actg315/ACTG315.csv");
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = f.readAll().split('\n');
    std::map<QString, std::pair<int, double>> latest; // patient -> (day, cd4)
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cols = lines[i].trimmed().split(',');
        if (cols.size() < 6 || cols[5].isEmpty())
            continue;
        const QString patient = QString::fromLatin1(cols[1]);
        const int day = cols[2].toInt();
        auto it = latest.find(patient);
        if (it == latest.end() || day >= it->second.first)
            latest[patient] = {day, cols[5].toDouble()};
    }
    Pooled out;
    int k = 0;
    for (const auto& [patient, value] : latest) {
        out.latest.push_back(value.second);
        if (k++ % 2 == 0)
            out.clinicA.insert(patient);
    }
    return out;
}

} // namespace

class TestFederationCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Pooled m_pooled;
    QString m_fingerprint;

    QString path(const QString& name) const { return m_dir.path() + "/" + name; }
    QStringList as(const QString& clinic) const
    {
        return {"--clinic", path(clinic), "--as", "alice", "--password-stdin"};
    }
    QStringList network(const QString& dir = "net") const
    {
        return {"--network-key", path(dir + "/network-key.json"), "--password-stdin"};
    }

    void write(const QString& name, const QByteArray& bytes)
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    QByteArray read(const QString& name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Runs the spec at a clinic, gives its custodian's share and exports to the network.
    void runAndExport(const QString& clinic, const QString& spec, const QString& out, const QString& net = "net",
                      const QString& fingerprint = {})
    {
        const QString report = out + ".ccrep";
        const Run run =
            cli(QStringList{"report", "run", "--spec", path(spec), "--out", path(report)} + as(clinic), kAdmin);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const Run share = cli(QStringList{"report", "decrypt-share", path(report)} + as(clinic), kAdmin);
        QVERIFY2(share.exitCode == 0, qPrintable(share.err));
        const Run exported =
            cli(QStringList{"report", "export", path(report), "--network-key", path(net + "/network-key.json"),
                            "--fingerprint", fingerprint.isEmpty() ? m_fingerprint : fingerprint, "--out", path(out)} +
                    as(clinic),
                kAdmin);
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    }

    Run merge(const QStringList& files, const QString& out, const QString& minSites = "2")
    {
        QStringList args{"report", "merge"};
        for (const auto& f : files)
            args << path(f);
        args << "--network-key" << path("net/network-key.json") << "--min-sites" << minSites << "--out" << path(out);
        return cli(args + as("clinic-a"), kAdmin);
    }

    Run share(const QString& merged, int custodian, const QString& out, const QStringList& tallies = {})
    {
        static const QStringList names = {"ana", "ben", "cy"};
        QStringList args =
            QStringList{
                "network", "decrypt-share", path(merged), "--key", path("net/custodian-" + names[custodian] + ".json"),
                "--out",   path(out)} +
            network();
        args << "--members" << path("members.json");
        if (!tallies.isEmpty())
            args << "--ledger" << path("ledger-" + names[custodian] + ".json");
        for (const auto& t : tallies)
            args << "--tally-shares" << path(t);
        return cli(args, kPassphrases[custodian]);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pooled = pooled();
        QCOMPARE(m_pooled.latest.size(), std::size_t{46});
        // Two clinics, each with half of the patients of ACTG 315.
        QFile in(kData + "/actg315/ACTG315.csv");
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = in.readAll().split('\n');
        QByteArray a = lines[0] + "\n", b = lines[0] + "\n";
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cols = lines[i].split(',');
            if (cols.size() < 2)
                continue;
            (m_pooled.clinicA.count(QString::fromLatin1(cols[1])) ? a : b) += lines[i] + "\n";
        }
        write("a.csv", a);
        write("b.csv", b);
        for (const QString c : {"a", "b"}) {
            const Run init = cli({"init", "--clinic", path("clinic-" + c), "--admin", "alice", "--doctor", "drbob",
                                  "--report-key-file", kData + "/paillier/test-key-2048.json", "--password-stdin"},
                                 kAdmin + kDoctor);
            QVERIFY2(init.exitCode == 0, qPrintable(init.err));
            const Run import = cli({"import", "actg315", path(c + ".csv"), "--clinic", path("clinic-" + c), "--as",
                                    "drbob", "--password-stdin"},
                                   kDoctor);
            QVERIFY2(import.exitCode == 0, qPrintable(import.err));
        }
        write("cd4.json", R"({"version": 1, "title": "CD4 at the latest visit", "purpose": "research",
                             "measures": [{"code": "24467-3"}], "selection": "latest"})");
        // The network: 2-of-3 custodians, merges of at least 2 clinics (a test key of tests/data).
        const Run init = cli({"--json",
                              "network",
                              "init",
                              "--name",
                              "ACTG network",
                              "--custodian",
                              "ana",
                              "--custodian",
                              "ben",
                              "--custodian",
                              "cy",
                              "--threshold",
                              "2",
                              "--min-sites",
                              "2",
                              "--key-file",
                              kData + "/paillier/test-key-2048-b.json",
                              "--out-dir",
                              path("net"),
                              "--password-stdin"},
                             kPassphrases.join(QString()));
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        m_fingerprint = QJsonDocument::fromJson(init.out.toUtf8()).object()["fingerprint"].toString();
        QCOMPARE(m_fingerprint.size(), 64);
        QCOMPARE(QFile(path("net/custodian-ana.json")).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        // The custodian file holds no share in the clear.
        QVERIFY(!read("net/custodian-ana.json").contains("CCPS"));
        const Run show = cli({"network", "show", path("net/network-key.json")});
        QVERIFY2(show.exitCode == 0 && show.out.contains(m_fingerprint), qPrintable(show.err));
        // A damaged or altered key file is an integrity failure (exit 3) naming the file, whether
        // the change breaks its structure (truncated, renamed member) or only its signature.
        const QByteArray good = read("net/network-key.json");
        QByteArray renamed = good;
        renamed.replace("\"minimumSites\"", "\"minimumSitez\"");
        for (const auto& [name, bytes] : std::initializer_list<std::pair<const char*, QByteArray>>{
                 {"truncated.json", good.left(good.size() / 2)},
                 {"renamed.json", renamed},
                 {"not-json.json", QByteArray("PK\x03\x04 not a network key")}}) {
            write(name, bytes);
            const Run bad = cli({"network", "show", path(name)});
            QVERIFY2(bad.exitCode == 3,
                     qPrintable(QString(name) + ": exit " + QString::number(bad.exitCode) + " " + bad.err));
            QVERIFY2(bad.err.contains(path(name)), qPrintable(bad.err));
        }
    }

    void mergedTotalsEqualPooledFigures()
    {
        runAndExport("clinic-a", "cd4.json", "a.ccrx");
        runAndExport("clinic-b", "cd4.json", "b.ccrx");
        // A custodian signs the member list from the clinics' first exports.
        const Run members = cli(QStringList{"network", "members", "--key", path("net/custodian-cy.json"), "--member",
                                            path("a.ccrx"), "--member", path("b.ccrx"), "--out", path("members.json")} +
                                    network(),
                                kPassphrases[2]);
        QVERIFY2(members.exitCode == 0, qPrintable(members.err));
        const Run merged = cli(QStringList{"report", "merge", path("a.ccrx"), path("b.ccrx"), "--network-key",
                                           path("net/network-key.json"), "--members", path("members.json"),
                                           "--min-sites", "2", "--out", path("m.ccrm")} +
                                   as("clinic-a"),
                               kAdmin);
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.err));

        // Stage 1: tallies; stage 2 needs t of them; custodian 3 (cy) did not give stage 1.
        QCOMPARE(share("m.ccrm", 0, "t1").exitCode, 0);
        const Run early = share("m.ccrm", 2, "x2", {"t1"});
        QCOMPARE(early.exitCode, 1); // one tally share of two needed
        QCOMPARE(share("m.ccrm", 1, "t2").exitCode, 0);
        QCOMPARE(share("m.ccrm", 0, "f1", {"t1", "t2"}).exitCode, 0);
        QCOMPARE(share("m.ccrm", 2, "f3", {"t1", "t2"}).exitCode, 0);
        QVERIFY(read("ledger-cy.json").contains("cipherchart-network-ledger"));
        const Run wrong =
            cli(QStringList{"network", "decrypt-share", path("m.ccrm"), "--key", path("net/custodian-ana.json"),
                            "--members", path("members.json"), "--out", path("w")} +
                    network(),
                "not-the-passphrase\n");
        QCOMPARE(wrong.exitCode, 2);

        const Run published =
            cli(QStringList{"--json", "network", "publish", path("m.ccrm"), "--key", path("net/custodian-ben.json"),
                            "--shares", path("t1"), "--shares", path("t2"), "--shares", path("f1"), "--shares",
                            path("f3"), "--out", path("p.ccrep"), "--members", path("members.json")} +
                    network(),
                kPassphrases[1]);
        QVERIFY2(published.exitCode == 0, qPrintable(published.err));
        const QJsonObject report = QJsonDocument::fromJson(published.out.toUtf8()).object();
        const QJsonObject cell = report["cells"].toArray().at(0).toObject();
        // The pooled plaintext: 46 patients' latest CD4 (README of tests/data/actg315: mean 285.665870).
        double sum = 0, squares = 0;
        for (double v : m_pooled.latest) {
            sum += v;
            squares += v * v;
        }
        const double n = static_cast<double>(m_pooled.latest.size());
        const double mean = sum / n;
        const double sd = std::sqrt((squares - sum * sum / n) / (n - 1));
        QCOMPARE(cell["patients"].toInt(), 46);
        QCOMPARE(cell["observations"].toInt(), 46);
        QVERIFY2(std::abs(cell["mean"].toDouble() - mean) <= 0.005,
                 qPrintable(QString::number(cell["mean"].toDouble())));
        QVERIFY(std::abs(mean - 285.665870) < 1e-4);
        QVERIFY2(std::abs(cell["sd"].toDouble() - sd) <= 0.01, qPrintable(QString::number(cell["sd"].toDouble())));

        const Run shown =
            cli({"network", "show-report", path("p.ccrep"), "--network-key", path("net/network-key.json")});
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        QVERIFY(shown.out.contains("n=46"));
        // A clinic's key does not verify the network's report.
        const Run asClinic = cli(QStringList{"report", "verify", path("p.ccrep")} + as("clinic-a"), kAdmin);
        QCOMPARE(asClinic.exitCode, 3);
    }

    void mergeRefusals()
    {
        // The same clinic twice (two exports of one clinic): exit 3.
        const Run run =
            cli(QStringList{"report", "export", path("a.ccrx.ccrep"), "--network-key", path("net/network-key.json"),
                            "--fingerprint", m_fingerprint, "--out", path("a2.ccrx")} +
                    as("clinic-a"),
                kAdmin);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const Run twice = merge({"a.ccrx", "a2.ccrx"}, "twice.ccrm");
        QCOMPARE(twice.exitCode, 3);
        QVERIFY(twice.err.contains("same clinic"));
        QVERIFY(!QFile::exists(path("twice.ccrm")));

        // Fewer sites than asked for: exit 2.
        QCOMPARE(merge({"a.ccrx", "b.ccrx"}, "few.ccrm", "3").exitCode, 2);
        QCOMPARE(merge({"a.ccrx"}, "one.ccrm").exitCode, 2);

        // A different spec: exit 1.
        write("cd4b.json", R"({"version": 1, "title": "CD4, another spec", "purpose": "research",
                              "measures": [{"code": "24467-3"}], "selection": "latest"})");
        runAndExport("clinic-b", "cd4b.json", "b-other.ccrx");
        const Run spec = merge({"a.ccrx", "b-other.ccrx"}, "spec.ccrm");
        QCOMPARE(spec.exitCode, 1);
        QVERIFY(spec.err.contains("different specs"));

        // Another network's key: exit 3.
        const Run other = cli({"--json", "network", "init", "--name", "Other", "--custodian", "ana", "--threshold", "1",
                               "--min-sites", "2", "--key-file", kData + "/paillier/test-key-2048.json", "--out-dir",
                               path("net2"), "--password-stdin"},
                              kPassphrases[0]);
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        const QString otherFingerprint = QJsonDocument::fromJson(other.out.toUtf8()).object()["fingerprint"].toString();
        runAndExport("clinic-b", "cd4.json", "b-net2.ccrx", "net2", otherFingerprint);
        const Run key = merge({"a.ccrx", "b-net2.ccrx"}, "key.ccrm");
        QCOMPARE(key.exitCode, 3);

        // A tampered export: exit 3.
        QByteArray bytes = read("b.ccrx");
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
        write("b-tampered.ccrx", bytes);
        QCOMPARE(merge({"a.ccrx", "b-tampered.ccrx"}, "tampered.ccrm").exitCode, 3);

        // A tampered merged bundle: the custodian refuses it (exit 3).
        QByteArray bundle = read("m.ccrm");
        bundle[bundle.size() - 100] = static_cast<char>(bundle[bundle.size() - 100] ^ 0x01);
        write("m-tampered.ccrm", bundle);
        QCOMPARE(share("m-tampered.ccrm", 0, "tt").exitCode, 3);
        QVERIFY(!QFile::exists(path("tt")));
    }

    void exportRefusals()
    {
        // A fingerprint that is not the network file's: exit 3, nothing written.
        const Run wrong =
            cli(QStringList{"report", "export", path("a.ccrx.ccrep"), "--network-key", path("net/network-key.json"),
                            "--fingerprint", QString(64, '0'), "--out", path("w.ccrx")} +
                    as("clinic-a"),
                kAdmin);
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY(!QFile::exists(path("w.ccrx")));
        // A network key file whose threshold parameters were changed: its signature fails (exit 3).
        QByteArray key = read("net/network-key.json");
        const qsizetype at = key.indexOf("\"minimumSites\": 2");
        QVERIFY(at > 0);
        key.replace(at, 17, "\"minimumSites\": 3");
        write("changed-key.json", key);
        const Run changed =
            cli(QStringList{"report", "export", path("a.ccrx.ccrep"), "--network-key", path("changed-key.json"),
                            "--fingerprint", m_fingerprint, "--out", path("w2.ccrx")} +
                    as("clinic-a"),
                kAdmin);
        QCOMPARE(changed.exitCode, 3);
        // A quality report (opted-out patients included) never goes to a research network: exit 2.
        write("quality.json", R"({"version": 1, "title": "CD4 quality", "purpose": "quality",
                                 "measures": [{"code": "24467-3"}], "selection": "latest"})");
        const Run run =
            cli(QStringList{"report", "run", "--spec", path("quality.json"), "--out", path("q.ccrep")} + as("clinic-a"),
                kAdmin);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(cli(QStringList{"report", "decrypt-share", path("q.ccrep")} + as("clinic-a"), kAdmin).exitCode, 0);
        const Run quality =
            cli(QStringList{"report", "export", path("q.ccrep"), "--network-key", path("net/network-key.json"),
                            "--fingerprint", m_fingerprint, "--out", path("q.ccrx")} +
                    as("clinic-a"),
                kAdmin);
        QCOMPARE(quality.exitCode, 2);
        // The doctor does not export.
        const Run doctor = cli({"report", "export", path("a.ccrx.ccrep"), "--network-key", path("net/network-key.json"),
                                "--fingerprint", m_fingerprint, "--out", path("d.ccrx"), "--clinic", path("clinic-a"),
                                "--as", "drbob", "--password-stdin"},
                               kDoctor);
        QCOMPARE(doctor.exitCode, 2);
    }

    void exportsAreAudited()
    {
        const Run log = cli(QStringList{"--json", "audit", "list"} + as("clinic-a"), kAdmin);
        QVERIFY2(log.exitCode == 0, qPrintable(log.err));
        QVERIFY(log.out.contains("report exported to research network"));
        QVERIFY(log.out.contains("research network merge"));
    }
};

QTEST_GUILESS_MAIN(TestFederationCli)
#include "TestFederationCli.moc"
