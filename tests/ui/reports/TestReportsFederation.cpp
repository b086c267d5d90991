// SPDX-License-Identifier: GPL-3.0-or-later
// The research-network dialogs of the reports workbench over two real clinics (ACTG 315 imported
// in each; the administrator of each is the sole custodian of its report key) and a network made
// with the 2048-bit TEST key of tests/data/paillier: the export of a published research report
// (fingerprint checks, what leaves the clinic, the file and its audit event), the merge of the two
// clinics' exports (per-file refusals: another network, the same clinic twice; fewer clinics than
// the minimum; a ciphertext the service refuses), and the merged file opened and decrypted by the
// network's custodians with the core's own code: 92 patients, the dataset's mean.
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/crypto/Hex.h"
#include "core/crypto/PasswordHash.h"
#include "core/crypto/Rng.h"
#include "core/paillier/KeyFile.h"
#include "core/reports/ReportFile.h"
#include "core/services/ImportService.h"
#include "core/services/ReportNetwork.h"
#include "core/services/ReportService.h"
#include "db/SqlReportStore.h"
#include "tests/ui/admin/AdminTestSupport.h"
#include "tests/ui/support/ClinicFixture.h"
#include "ui/admin/AdminWindow.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/reports/NetworkExportDialog.h"
#include "ui/reports/NetworkKeyPicker.h"
#include "ui/reports/NetworkMergeDialog.h"
#include "ui/reports/ReportFolder.h"
#include "ui/reports/ReportText.h"
#include "ui/reports/ReportsPage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>

using cc::testing::ClinicFixture;
using namespace cc;
using namespace cc::ui;
using cc::testing::labelText;
using cc::testing::readAll;

namespace {

const QString kData = QStringLiteral(CC_TEST_DATA_DIR);
const char* const kPassphrases[] = {"ana-passphrase-1", "ben-passphrase-2"};

bool writeAll(const QString& path, const std::vector<std::uint8_t>& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size())) ==
               static_cast<qint64>(bytes.size());
}

std::vector<std::uint8_t> bytesOf(const QByteArray& a)
{
    return {a.begin(), a.end()};
}

crypto::SecureBytes secret(const char* text)
{
    return crypto::SecureBytes(std::span(reinterpret_cast<const std::uint8_t*>(text), std::strlen(text)));
}

reports::ReportSpec cd4Spec(const char* purpose)
{
    const QByteArray json = QByteArray(R"({"version": 1, "title": "CD4 at the latest visit", "purpose": ")") + purpose +
                            R"(", "measures": [{"code": "24467-3"}], "selection": "latest"})";
    return reports::ReportSpec::fromJson(json).value();
}

/// Each patient's latest CD4 by year, 1995–1997: the ACTG 315 visits all fall in 1996, so 1995 and
/// 1997 are empty cells, suppressed when published (as in test_reports_workbench).
reports::ReportSpec cd4ByYearSpec()
{
    return reports::ReportSpec::fromJson(R"({"version": 1, "title": "CD4 by year", "purpose": "research",
        "measures": [{"code": "24467-3"}], "selection": "latest",
        "filters": {"years": {"from": 1995, "to": 1997}}, "groupBy": ["year"]})")
        .value();
}

/// A clinic with ACTG 315 imported and its administrator logged in.
std::unique_ptr<ClinicFixture> clinicWithActg(const std::string& name)
{
    auto fixture = std::make_unique<ClinicFixture>(false, name);
    if (!fixture->ok())
        qFatal("%s", fixture->error());
    if (!fixture->login(ClinicFixture::kDoctor, ClinicFixture::kDoctorPassword).ok())
        qFatal("doctor login");
    auto imported =
        services::ImportService(fixture->clinic()).importActg315(kData + QStringLiteral("/actg315/ACTG315.csv"));
    if (!imported)
        qFatal("%s", imported.error().describe().c_str());
    fixture->clinic().logout();
    if (!fixture->login(ClinicFixture::kAdmin, ClinicFixture::kAdminPassword).ok())
        qFatal("admin login");
    return fixture;
}

} // namespace

class TestReportsFederation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    crypto::DeterministicRng m_rng{7};
    std::unique_ptr<ClinicFixture> m_a; ///< driven through the GUI
    std::unique_ptr<ClinicFixture> m_b; ///< the other member clinic, through the services
    std::unique_ptr<AdminWindow> m_window;
    std::optional<services::NetworkCeremony> m_network;
    std::optional<services::NetworkCeremony> m_other;

    QString path(const QString& name) const { return m_tmp.filePath(name); }
    QString folder() const { return path(QStringLiteral("reports")); }
    ReportsPage* page() const { return m_window->reportsPage(); }
    QString fingerprint() const { return QString::fromStdString(m_network->network.fingerprintHex()); }

    static std::unique_ptr<ports::ReportStore> storeOf(ClinicFixture& fixture)
    {
        return std::make_unique<db::SqlReportStore>(fixture.store().database());
    }

    /// Runs the spec at a clinic and gives the administrator's (sole custodian's) share.
    static std::vector<std::uint8_t> runAndShare(ClinicFixture& fixture, const reports::ReportSpec& spec)
    {
        auto store = storeOf(fixture);
        services::ReportService reports(fixture.clinic(), *store);
        auto bytes = reports.run(spec);
        if (!bytes)
            qFatal("%s", bytes.error().describe().c_str());
        auto share = reports.decryptShare(*bytes);
        if (!share)
            qFatal("%s", share.error().describe().c_str());
        return *bytes;
    }

    /// Clinic A's report folder: an encrypted report and, if `publish`, its published file.
    void addToFolder(const reports::ReportSpec& spec, bool publish)
    {
        const auto encrypted = runAndShare(*m_a, spec);
        const auto file = reports::ReportFile::read(encrypted).value();
        QVERIFY(ReportFolder::writeNew(ReportFolder::pathFor(folder(), file.reportId, false), encrypted).ok());
        if (!publish)
            return;
        auto store = storeOf(*m_a);
        auto published = services::ReportService(m_a->clinic(), *store).publish(encrypted);
        QVERIFY2(published.ok(), published.ok() ? "" : published.error().describe().c_str());
        QVERIFY(ReportFolder::writeNew(ReportFolder::pathFor(folder(), file.reportId, true), published->file).ok());
    }

    services::NetworkCeremony ceremony(const char* keyFile, const QString& name, std::size_t custodians)
    {
        auto key = paillier::KeyFile::readPrivate(readAll(kData + "/paillier/" + keyFile).toStdString());
        if (!key)
            qFatal("%s", key.error().describe().c_str());
        std::vector<crypto::SecureBytes> passphrases;
        std::vector<QString> names;
        for (std::size_t i = 0; i < custodians; ++i) {
            passphrases.push_back(secret(kPassphrases[i]));
            names.push_back(i == 0 ? QStringLiteral("ana") : QStringLiteral("ben"));
        }
        auto made = services::createNetwork(std::move(*key), name, names, static_cast<std::uint32_t>(custodians), 11, 2,
                                            passphrases, crypto::Argon2Params::forTests(), m_rng);
        if (!made)
            qFatal("%s", made.error().describe().c_str());
        return std::move(*made);
    }

    /// The row of clinic A's report with this purpose and state ("published", "encrypted") and,
    /// if given, title.
    int rowOf(reports::Purpose purpose, const QString& state, const QString& title = {})
    {
        for (int r = 0; r < page()->list()->rowCount(); ++r)
            if (page()->list()->item(r, 1)->text() == ReportText::purposeName(purpose) &&
                page()->list()->item(r, 3)->text().startsWith(state) &&
                (title.isEmpty() || page()->list()->item(r, 0)->text() == title))
                return r;
        return -1;
    }

    /// Opens the export dialog for a row, with the network's key file and fingerprint.
    NetworkExportDialog* openExport(int row)
    {
        page()->list()->selectRow(row);
        page()->findChild<QPushButton*>(QStringLiteral("networkExportPushButton"))->click();
        auto* dialog = page()->findChild<NetworkExportDialog*>();
        if (dialog == nullptr)
            return nullptr;
        dialog->keyPicker()->setPath(path("net/network-key.json"));
        dialog->findChild<QLineEdit*>(QStringLiteral("fingerprintLineEdit"))->setText(fingerprint());
        return dialog;
    }

    /// The network's signed member list of the clinics whose exports are `files`, written to `name`.
    void writeMembers(const services::NetworkCeremony& net, const QString& name, const QStringList& files)
    {
        services::NetworkMembers members;
        for (const QString& file : files) {
            const auto f = reports::ReportFile::read(bytesOf(readAll(path(file)))).value();
            members.members.push_back({f.clinicName, f.signerPublicKey});
        }
        std::sort(members.members.begin(), members.members.end(),
                  [](const auto& x, const auto& y) { return x.signer < y.signer; });
        auto custodian =
            services::openCustodianFile(net.custodianFiles[0], net.network, secret(kPassphrases[0]).span());
        QVERIFY2(custodian.ok(), custodian.ok() ? "" : custodian.error().describe().c_str());
        QVERIFY(writeAll(path(name),
                         bytesOf(QByteArray::fromStdString(members.toJson(net.network, custodian->signingKey)))));
    }

    std::size_t events(const std::string& prefix) const
    {
        return testing::eventsStartingWith(m_a->clinic(), prefix).size();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        MessageBox::setTestMode(true);
        m_a = clinicWithActg("Riverside Clinic");
        m_b = clinicWithActg("Hillside Clinic");
        m_network.emplace(ceremony("test-key-2048-b.json", QStringLiteral("ACTG network"), 2));
        m_other.emplace(ceremony("test-key-2048.json", QStringLiteral("Another network"), 1));
        QVERIFY(QDir().mkpath(path(QStringLiteral("net"))));
        QVERIFY(writeAll(path("net/network-key.json"), bytesOf(QByteArray::fromStdString(m_network->publicJson))));
        QVERIFY(writeAll(path("net/other-key.json"), bytesOf(QByteArray::fromStdString(m_other->publicJson))));
        // Clinic B exports the same spec to both networks (through the service the dialog calls).
        const auto bReport = runAndShare(*m_b, cd4Spec("research"));
        auto store = storeOf(*m_b);
        services::ReportService bReports(m_b->clinic(), *store);
        for (const auto& [net, file] : {std::pair{&*m_network, "b.ccrx"}, std::pair{&*m_other, "b-other.ccrx"}}) {
            auto exported = bReports.exportToNetwork(bReport, net->network, net->network.fingerprintHex());
            QVERIFY2(exported.ok(), exported.ok() ? "" : exported.error().describe().c_str());
            QVERIFY(writeAll(path(file), exported->file));
        }
        // Clinic A: a published research report, a published quality report, an unpublished one.
        addToFolder(cd4Spec("research"), true);
        addToFolder(cd4Spec("quality"), true);
        addToFolder(cd4ByYearSpec(), true);
        m_window = std::make_unique<AdminWindow>(m_a->clinic());
        ReportsAccess access;
        auto* a = m_a.get();
        access.openStore = [a]() { return storeOf(*a); };
        access.folder = folder();
        m_window->setReportsAccess(access);
        m_window->resize(1280, 900);
        m_window->show();
        m_window->showPage(AdminWindow::Page::Reports);
        page()->refresh();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_a.reset();
        m_b.reset();
    }

    void fingerprintsAreNormalised()
    {
        const QString hex = fingerprint();
        QCOMPARE(NetworkExportDialog::normalizedFingerprint(hex.toUpper()), std::optional<QString>(hex));
        QString grouped;
        for (int i = 0; i < hex.size(); i += 4)
            grouped += hex.mid(i, 4) + (i % 8 == 0 ? QStringLiteral(" ") : QStringLiteral(":"));
        QCOMPARE(NetworkExportDialog::normalizedFingerprint(grouped), std::optional<QString>(hex));
        QVERIFY(!NetworkExportDialog::normalizedFingerprint(hex.left(63)));
        QVERIFY(!NetworkExportDialog::normalizedFingerprint(hex.left(63) + QStringLiteral("g")));
        QVERIFY(!NetworkExportDialog::normalizedFingerprint(hex + QStringLiteral("0")));
    }

    void exportButtonOnlyForPublishedResearchReports()
    {
        auto* button = page()->findChild<QPushButton*>(QStringLiteral("networkExportPushButton"));
        QVERIFY(button != nullptr);
        QCOMPARE(button->text(), QStringLiteral("E&xport to research network…"));
        QVERIFY(page()->findChild<QPushButton*>(QStringLiteral("networkMergePushButton"))->isEnabled());
        page()->list()->clearSelection();
        QVERIFY(!button->isEnabled());
        const int quality = rowOf(reports::Purpose::Quality, QStringLiteral("published"));
        QVERIFY(quality >= 0);
        page()->list()->selectRow(quality);
        QVERIFY(!button->isEnabled()); // a quality report includes patients who opted out
        // An encrypted research report whose share is in but that is not published yet.
        const auto encrypted = runAndShare(*m_a, cd4Spec("research"));
        const auto id = reports::ReportFile::read(encrypted).value().reportId;
        QVERIFY(ReportFolder::writeNew(ReportFolder::pathFor(folder(), id, false), encrypted).ok());
        page()->refresh();
        page()->list()->selectRow(rowOf(reports::Purpose::Research, QStringLiteral("encrypted")));
        QVERIFY(!button->isEnabled());
        QVERIFY(QFile::remove(ReportFolder::pathFor(folder(), id, false)));
        page()->refresh();
        page()->list()->selectRow(rowOf(reports::Purpose::Research, QStringLiteral("published")));
        QVERIFY(button->isEnabled());
    }

    /// The cells the dialog announces as withheld are those the service withholds.
    void exportAnnouncesTheWithheldCells()
    {
        auto* dialog = openExport(rowOf(reports::Purpose::Research, QStringLiteral("published"), "CD4 by year"));
        QVERIFY(dialog != nullptr);
        QVERIFY2(labelText(dialog, "previewLabel").contains(QStringLiteral("1 of 3 cell(s) exported, 2 withheld")),
                 qPrintable(labelText(dialog, "previewLabel")));
        auto* cells = dialog->findChild<QListWidget*>(QStringLiteral("exportCellsListWidget"));
        QCOMPARE(cells->count(), 3);
        QVERIFY2(cells->item(0)->text().endsWith(QStringLiteral("withheld (fewer than 11 patients)")),
                 qPrintable(cells->item(0)->text()));
        QVERIFY(cells->item(1)->text().contains(QStringLiteral("1996")));
        QVERIFY(cells->item(1)->text().endsWith(QStringLiteral("exported, re-encrypted under the network key")));
        dialog->findChild<QLineEdit*>(QStringLiteral("outputLineEdit"))->setText(path("by-year.ccrx"));
        dialog->findChild<QPushButton*>(QStringLiteral("exportPushButton"))->click();
        QVERIFY2(labelText(dialog, "resultLabel").contains(QStringLiteral("1 cell(s) re-encrypted")) &&
                     labelText(dialog, "resultLabel").contains(QStringLiteral("2 withheld")),
                 qPrintable(labelText(dialog, "resultLabel")));
        QCOMPARE(reports::ReportFile::read(bytesOf(readAll(path("by-year.ccrx")))).value().cells.size(),
                 std::size_t{3});
        // An idle lock closes the dialog (its calls need the session).
        auto* again = openExport(rowOf(reports::Purpose::Research, QStringLiteral("published"), "CD4 by year"));
        QVERIFY(again != nullptr);
        m_window->clearSensitiveData();
        QTRY_VERIFY(page()->findChild<NetworkExportDialog*>() == nullptr);
        page()->refresh();
    }

    void exportRefusesAWrongFingerprintThenExports()
    {
        page()->list()->selectRow(
            rowOf(reports::Purpose::Research, QStringLiteral("published"), QStringLiteral("CD4 at the latest visit")));
        page()->findChild<QPushButton*>(QStringLiteral("networkExportPushButton"))->click();
        auto* dialog = page()->findChild<NetworkExportDialog*>();
        QVERIFY(dialog != nullptr);
        auto* go = dialog->findChild<QPushButton*>(QStringLiteral("exportPushButton"));
        auto* typed = dialog->findChild<QLineEdit*>(QStringLiteral("fingerprintLineEdit"));
        QVERIFY(!go->isEnabled());
        QVERIFY2(labelText(dialog, "reportLabel").contains(QStringLiteral("Riverside Clinic")),
                 qPrintable(labelText(dialog, "reportLabel")));

        // A network key file that was changed after signing is refused, naming the file.
        QByteArray changed = QByteArray::fromStdString(m_network->publicJson);
        changed.replace("\"minimumSites\": 2", "\"minimumSites\": 3");
        QVERIFY(writeAll(path("net/changed-key.json"), bytesOf(changed)));
        dialog->keyPicker()->setPath(path("net/changed-key.json"));
        QVERIFY(!dialog->keyPicker()->network());
        QVERIFY2(labelText(dialog, "networkKeyLabel").contains(QStringLiteral("changed-key.json")) &&
                     labelText(dialog, "networkKeyLabel").contains(QStringLiteral("refused")),
                 qPrintable(labelText(dialog, "networkKeyLabel")));

        // The network's own file, through the Browse… seam: name, key id, rules, fingerprint.
        FileDialog::setNextOpenFileName(path("net/network-key.json"));
        dialog->findChild<QPushButton*>(QStringLiteral("networkKeyBrowsePushButton"))->click();
        QVERIFY(dialog->keyPicker()->network());
        const QString keyText = labelText(dialog, "networkKeyLabel");
        QVERIFY2(keyText.contains(QStringLiteral("ACTG network")) &&
                     keyText.contains(QString::fromStdString(m_network->network.key.keyIdHex())) &&
                     keyText.contains(ReportText::grouped(fingerprint().toStdString())),
                 qPrintable(keyText));
        // What leaves the clinic, before anything is done.
        const QString preview = labelText(dialog, "previewLabel");
        QVERIFY2(preview.contains(QStringLiteral("1 of 1 cell(s) exported, 0 withheld")) &&
                     preview.contains(QStringLiteral("fewer than 11 patients")),
                 qPrintable(preview));

        // Not a fingerprint; then the fingerprint of another network (the export is refused).
        typed->setText(QStringLiteral("abc"));
        QVERIFY2(labelText(dialog, "fingerprintStateLabel").contains(QStringLiteral("Not a fingerprint")),
                 qPrintable(labelText(dialog, "fingerprintStateLabel")));
        typed->setText(QString::fromStdString(m_other->network.fingerprintHex()));
        QVERIFY2(labelText(dialog, "fingerprintStateLabel").contains(QStringLiteral("Does not match")),
                 qPrintable(labelText(dialog, "fingerprintStateLabel")));
        const QString out = path(QStringLiteral("a.ccrx"));
        FileDialog::setNextSaveFileName(path(QStringLiteral("a"))); // the suffix is added
        dialog->findChild<QPushButton*>(QStringLiteral("outputPushButton"))->click();
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("outputLineEdit"))->text(), out);
        QVERIFY(!go->isEnabled());
        const std::size_t before = events("report exported to research network");
        dialog->exportReport();
        QVERIFY2(labelText(dialog, "problemLabel").startsWith(QStringLiteral("Refused")),
                 qPrintable(labelText(dialog, "problemLabel")));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(events("report exported to research network"), before);

        // The right fingerprint, as printed (groups of four, upper case).
        typed->setText(ReportText::grouped(fingerprint().toUpper().toStdString()));
        QVERIFY2(labelText(dialog, "fingerprintStateLabel").contains(QStringLiteral("Matches")),
                 qPrintable(labelText(dialog, "fingerprintStateLabel")));
        QVERIFY(go->isEnabled());
        QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("problemLabel"))->isVisibleTo(dialog));
        QTest::qWait(100); // the layout follows the texts set above
        QVERIFY(testing::adminScreenshot(dialog, QStringLiteral("network-export.png")));
        go->click();
        QVERIFY2(dialog->exported(), qPrintable(labelText(dialog, "resultLabel")));
        QVERIFY2(labelText(dialog, "resultLabel").contains(QStringLiteral("1 cell(s) re-encrypted")),
                 qPrintable(labelText(dialog, "resultLabel")));
        QVERIFY(!go->isEnabled());
        // The file is a signed export under the network key, recorded once in the audit trail.
        const auto file = reports::ReportFile::read(bytesOf(readAll(out)));
        QVERIFY(file.ok());
        QCOMPARE(file->kind, reports::ReportFile::Kind::Exported);
        QCOMPARE(file->keyId, m_network->network.key.keyId());
        QCOMPARE(file->clinicName, QStringLiteral("Riverside Clinic"));
        // Saved outside the report folder: the folder keeps a copy named by the export's id, and
        // the folder's scan lists it beside its report (the list of reports shows it exported).
        const QString copy =
            QDir(folder()).filePath(QString::fromStdString(reports::reportIdHex(file->reportId)) + ".ccrx");
        QCOMPARE(readAll(copy), readAll(out));
        QVERIFY2(
            labelText(dialog, "resultLabel").contains(QStringLiteral("A copy is kept in the clinic's report folder")),
            qPrintable(labelText(dialog, "resultLabel")));
        bool listed = false;
        for (const auto& entry : ReportFolder::scan(folder()))
            for (const auto& x : entry.exports)
                listed = listed || x.path == copy;
        QVERIFY(listed);
        const auto exportedEvents = testing::eventsStartingWith(m_a->clinic(), "report exported to research network");
        QCOMPARE(exportedEvents.size(), before + 1);
        QVERIFY(exportedEvents.back().detail.find(m_network->network.key.keyIdHex()) != std::string::npos);
        // A second export to the same file is not offered: files are never replaced.
        dialog->findChild<QPushButton*>(QStringLiteral("closePushButton"))->click();
        QTRY_VERIFY(page()->findChild<NetworkExportDialog*>() == nullptr);
    }

    void mergeChecksEachFileThenMerges()
    {
        QVERIFY(QFile::exists(path("a.ccrx")));
        page()->findChild<QPushButton*>(QStringLiteral("networkMergePushButton"))->click();
        auto* dialog = page()->findChild<NetworkMergeDialog*>();
        QVERIFY(dialog != nullptr);
        auto* files = dialog->findChild<QTableWidget*>(QStringLiteral("filesTableWidget"));
        auto* go = dialog->findChild<QPushButton*>(QStringLiteral("mergePushButton"));
        auto* sites = dialog->findChild<QSpinBox*>(QStringLiteral("minimumSitesSpinBox"));
        QVERIFY(!go->isEnabled());
        FileDialog::setNextOpenFileName(path("a.ccrx"));
        dialog->findChild<QPushButton*>(QStringLiteral("addFilePushButton"))->click();
        dialog->addFile(path("b.ccrx"));
        dialog->keyPicker()->setPath(path("net/network-key.json"));
        QCOMPARE(files->rowCount(), 2);
        QCOMPARE(files->item(0, 1)->text(), QStringLiteral("Riverside Clinic"));
        QCOMPARE(files->item(1, 1)->text(), QStringLiteral("Hillside Clinic"));
        QCOMPARE(files->item(0, 4)->text(), QStringLiteral("ready"));
        QCOMPARE(files->item(1, 4)->text(), QStringLiteral("ready"));

        // Fewer clinics than the minimum asked for.
        sites->setValue(3);
        QVERIFY2(labelText(dialog, "problemLabel").contains(QStringLiteral("at least 3 distinct clinics; 2 ready")),
                 qPrintable(labelText(dialog, "problemLabel")));
        QVERIFY(!go->isEnabled());
        sites->setValue(2);
        // An export for another network, and the same clinic twice: named in their rows.
        dialog->addFile(path("b-other.ccrx"));
        QVERIFY2(files->item(2, 4)->text().contains(QStringLiteral("another network")),
                 qPrintable(files->item(2, 4)->text()));
        QVERIFY2(labelText(dialog, "problemLabel").startsWith(QStringLiteral("b-other.ccrx cannot be merged")),
                 qPrintable(labelText(dialog, "problemLabel")));
        QVERIFY(!go->isEnabled());
        files->selectRow(2);
        dialog->findChild<QPushButton*>(QStringLiteral("removeFilePushButton"))->click();
        QCOMPARE(files->rowCount(), 2);
        QVERIFY(QFile::copy(path("a.ccrx"), path("a-again.ccrx")));
        dialog->addFile(path("a-again.ccrx"));
        QVERIFY2(files->item(2, 4)->text().contains(QStringLiteral("the same clinic as a.ccrx")),
                 qPrintable(files->item(2, 4)->text()));
        QVERIFY(!go->isEnabled());
        files->selectRow(2);
        dialog->findChild<QPushButton*>(QStringLiteral("removeFilePushButton"))->click();
        // Another report spec (the same measure grouped by year).
        dialog->addFile(path("by-year.ccrx"));
        QVERIFY2(files->item(2, 4)->text().contains(QStringLiteral("another report spec than a.ccrx")),
                 qPrintable(files->item(2, 4)->text()));
        QVERIFY(!go->isEnabled());
        files->selectRow(2);
        dialog->findChild<QPushButton*>(QStringLiteral("removeFilePushButton"))->click();
        QCOMPARE(files->rowCount(), 2);

        // The network's member list: both clinics listed, both exports present.
        writeMembers(*m_network, QStringLiteral("net/members.json"),
                     {QStringLiteral("a.ccrx"), QStringLiteral("b.ccrx")});
        FileDialog::setNextOpenFileName(path("net/members.json"));
        dialog->findChild<QPushButton*>(QStringLiteral("membersBrowsePushButton"))->click();
        auto* memberTable = dialog->findChild<QTableWidget*>(QStringLiteral("membersTableWidget"));
        QCOMPARE(memberTable->rowCount(), 2);
        for (int r = 0; r < 2; ++r)
            QVERIFY2(memberTable->item(r, 2)->text().startsWith(QStringLiteral("present: ")),
                     qPrintable(memberTable->item(r, 2)->text()));
        QVERIFY2(labelText(dialog, "membersLabel").startsWith(QStringLiteral("2 of 2 member clinic(s)")),
                 qPrintable(labelText(dialog, "membersLabel")));

        // The merge, off the GUI thread; audited in this clinic.
        const QString out = path(QStringLiteral("m.ccrm"));
        dialog->findChild<QLineEdit*>(QStringLiteral("outputLineEdit"))->setText(out);
        QVERIFY2(go->isEnabled(), qPrintable(labelText(dialog, "problemLabel")));
        const std::size_t before = events("research network merge");
        go->click();
        QVERIFY2(dialog->merged(), qPrintable(labelText(dialog, "resultLabel")));
        const QString result = labelText(dialog, "resultLabel");
        QVERIFY2(result.contains(QStringLiteral("Merged 2 clinic(s)' exports")) &&
                     result.contains(QStringLiteral("Riverside Clinic")) &&
                     result.contains(QStringLiteral("Hillside Clinic")) && result.contains(QStringLiteral("1 cell(s)")),
                 qPrintable(result));
        QTest::qWait(100);
        QVERIFY(testing::adminScreenshot(dialog, QStringLiteral("network-merge.png")));
        QCOMPARE(events("research network merge"), before + 1);

        // The network's custodians accept the file: opened with every check redone, then the two
        // stages of decryption and publication give the pooled figures (46 patients per clinic).
        const auto bundle = bytesOf(readAll(out));
        services::NetworkMembers members;
        for (const char* name : {"a.ccrx", "b.ccrx"}) {
            const auto f = reports::ReportFile::read(bytesOf(readAll(path(name)))).value();
            members.members.push_back({f.clinicName, f.signerPublicKey});
        }
        std::sort(members.members.begin(), members.members.end(),
                  [](const auto& x, const auto& y) { return x.signer < y.signer; });
        auto merged = services::openMerged(bundle, m_network->network, members);
        QVERIFY2(merged.ok(), merged.ok() ? "" : merged.error().describe().c_str());
        QCOMPARE(merged->sites.size(), std::size_t{2});
        std::vector<services::NetworkCustodian> custodians;
        for (std::size_t i = 0; i < 2; ++i) {
            auto opened = services::openCustodianFile(m_network->custodianFiles[i], m_network->network,
                                                      secret(kPassphrases[i]).span());
            QVERIFY(opened.ok());
            custodians.push_back(std::move(*opened));
        }
        std::vector<std::vector<std::uint8_t>> tallies, shares;
        for (const auto& c : custodians) {
            auto t = services::networkDecryptShare(*merged, c, {}, m_rng);
            QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
            tallies.push_back(t->encode());
        }
        shares = tallies;
        for (const auto& c : custodians) {
            auto f = services::networkDecryptShare(*merged, c, tallies, m_rng);
            QVERIFY2(f.ok(), f.ok() ? "" : f.error().describe().c_str());
            shares.push_back(f->encode());
        }
        auto published = services::networkPublish(*merged, custodians[0], shares, m_a->clock());
        QVERIFY2(published.ok(), published.ok() ? "" : published.error().describe().c_str());
        const auto& figures = published->report.cells.at(0).figures;
        QVERIFY(!figures.suppressed);
        QCOMPARE(figures.patients, std::uint64_t{92});
        // ACTG 315 README: latest CD4 per patient mean 285.665870 (the same patients at both clinics).
        QVERIFY2(std::abs(figures.mean - 285.665870) < 0.005, qPrintable(QString::number(figures.mean)));
        dialog->findChild<QPushButton*>(QStringLiteral("closePushButton"))->click();
        QTRY_VERIFY(page()->findChild<NetworkMergeDialog*>() == nullptr);
    }

    /// With the network's member list, a clinic not listed is refused naming its file; a list of
    /// another network or an altered one is refused naming the list; the list goes to the service.
    void mergeRefusesANonMember()
    {
        writeMembers(*m_network, QStringLiteral("net/members-b.json"), {QStringLiteral("b.ccrx")});
        writeMembers(*m_other, QStringLiteral("net/members-other.json"),
                     {QStringLiteral("a.ccrx"), QStringLiteral("b.ccrx")});
        QByteArray altered = readAll(path("net/members-b.json"));
        QVERIFY(altered.contains("Hillside Clinic"));
        altered.replace("Hillside Clinic", "Riverside Clinic");
        QVERIFY(writeAll(path("net/members-altered.json"), bytesOf(altered)));

        const services::NetworkMembers* passed = nullptr;
        std::size_t passedCount = 0;
        auto store = storeOf(*m_a);
        services::ReportService service(m_a->clinic(), *store);
        NetworkMergeDialog dialog([&](const std::vector<std::vector<std::uint8_t>>& files,
                                      const services::NetworkKey& network, std::uint32_t minimumSites,
                                      const services::NetworkMembers* members) {
            passed = members;
            passedCount = members != nullptr ? members->members.size() : 0;
            return service.merge(files, network, minimumSites, members);
        });
        auto* files = dialog.findChild<QTableWidget*>(QStringLiteral("filesTableWidget"));
        auto* members = dialog.findChild<QTableWidget*>(QStringLiteral("membersTableWidget"));
        auto* go = dialog.findChild<QPushButton*>(QStringLiteral("mergePushButton"));
        dialog.addFile(path("a.ccrx"));
        dialog.addFile(path("b.ccrx"));
        dialog.findChild<QLineEdit*>(QStringLiteral("outputLineEdit"))->setText(path("members.ccrm"));
        // A list before the key: it cannot be checked yet.
        dialog.setMembersPath(path("net/members-b.json"));
        QVERIFY2(labelText(&dialog, "membersLabel").startsWith(QStringLiteral("Choose the network key file first")),
                 qPrintable(labelText(&dialog, "membersLabel")));
        dialog.keyPicker()->setPath(path("net/network-key.json"));

        // Clinic A is not a member: its row and the form name a.ccrx and the list.
        QVERIFY2(files->item(0, 4)->text().contains(QStringLiteral("not a member clinic of the network in "
                                                                   "members-b.json")),
                 qPrintable(files->item(0, 4)->text()));
        QCOMPARE(files->item(1, 4)->text(), QStringLiteral("ready"));
        QVERIFY2(labelText(&dialog, "problemLabel").startsWith(QStringLiteral("a.ccrx cannot be merged")),
                 qPrintable(labelText(&dialog, "problemLabel")));
        QVERIFY(!go->isEnabled());
        QCOMPARE(members->rowCount(), 1);
        QCOMPARE(members->item(0, 0)->text(), QStringLiteral("Hillside Clinic"));
        QCOMPARE(members->item(0, 2)->text(), QStringLiteral("present: b.ccrx"));
        QTest::qWait(100);
        QVERIFY(testing::adminScreenshot(&dialog, QStringLiteral("network-merge-members.png")));
        dialog.merge(); // refused before the service is asked
        QVERIFY(passed == nullptr);
        QVERIFY(!QFile::exists(path("members.ccrm")));

        // Another network's list, and an altered one: refused, naming the file.
        for (const char* bad : {"net/members-other.json", "net/members-altered.json"}) {
            dialog.setMembersPath(path(bad));
            const QString text = labelText(&dialog, "membersLabel");
            QVERIFY2(text.contains(QFileInfo(bad).fileName()) && text.contains(QStringLiteral("refused")),
                     qPrintable(text));
            QVERIFY(members->isHidden());
            QVERIFY(!go->isEnabled());
        }

        // The full list: both present; the list reaches the service, which merges.
        dialog.setMembersPath(path("net/members.json"));
        QCOMPARE(members->rowCount(), 2);
        QVERIFY2(go->isEnabled(), qPrintable(labelText(&dialog, "problemLabel")));
        dialog.merge();
        QVERIFY2(dialog.merged(), qPrintable(labelText(&dialog, "resultLabel")));
        QVERIFY(passed != nullptr);
        QCOMPARE(passedCount, std::size_t{2});
        QVERIFY(QFile::exists(path("members.ccrm")));

        // Without a list the service is called without one (the custodians check membership).
        NetworkMergeDialog plain([&](const std::vector<std::vector<std::uint8_t>>& f, const services::NetworkKey& n,
                                     std::uint32_t m, const services::NetworkMembers* list) {
            passed = list;
            return service.merge(f, n, m, list);
        });
        plain.addFile(path("a.ccrx"));
        plain.addFile(path("b.ccrx"));
        plain.keyPicker()->setPath(path("net/network-key.json"));
        plain.findChild<QLineEdit*>(QStringLiteral("outputLineEdit"))->setText(path("plain.ccrm"));
        plain.merge();
        QVERIFY2(plain.merged(), qPrintable(labelText(&plain, "resultLabel")));
        QVERIFY(passed == nullptr);
    }

    /// A report whose export (*.ccrx) is in the report folder is listed as "exported (network …)":
    /// the export's signed header names the encrypted file (sourceSha256) and its signer signed it.
    /// Another clinic's export of the same spec, an altered export and a report file renamed .ccrx
    /// mark nothing.
    void listShowsTheExports()
    {
        const QString latest = QStringLiteral("CD4 at the latest visit");
        const QString net = QString::fromStdString(crypto::hexEncode(m_network->network.key.keyId())).left(8);
        auto stateOf = [this](const QString& title) {
            const int row = rowOf(reports::Purpose::Research, QStringLiteral("published"), title);
            return row >= 0 ? page()->list()->item(row, 3)->text() : QString();
        };
        // The copies the dialog kept of the exports above (saved outside the folder) are taken out:
        // this test adds its exports to the folder one at a time.
        for (const QString& name : QDir(folder()).entryList({QStringLiteral("*.ccrx")}, QDir::Files))
            QVERIFY(QFile::remove(QDir(folder()).filePath(name)));
        page()->refresh();
        QCOMPARE(stateOf(latest), QStringLiteral("published"));
        // Another clinic's export of the same spec, and one with a flipped byte.
        QVERIFY(QFile::copy(path("b.ccrx"), QDir(folder()).filePath("hillside.ccrx")));
        QByteArray altered = readAll(path("a.ccrx"));
        altered[altered.size() - 70] = static_cast<char>(altered[altered.size() - 70] ^ 0x01);
        QVERIFY(writeAll(QDir(folder()).filePath("altered.ccrx"), bytesOf(altered)));
        page()->refresh();
        QCOMPARE(stateOf(latest), QStringLiteral("published"));
        QCOMPARE(stateOf(QStringLiteral("CD4 by year")), QStringLiteral("published"));
        const QString status = labelText(page(), "statusLabel");
        QVERIFY2(status.contains(QStringLiteral("altered.ccrx")) && !status.contains(QStringLiteral("hillside")),
                 qPrintable(status));
        QVERIFY(QFile::remove(QDir(folder()).filePath("altered.ccrx")));
        page()->refresh();
        QVERIFY2(!labelText(page(), "statusLabel").contains(QStringLiteral("altered.ccrx")),
                 qPrintable(labelText(page(), "statusLabel")));
        // An export through the dialog into the report folder: the list shows it when it closes.
        auto* dialog = openExport(rowOf(reports::Purpose::Research, QStringLiteral("published"), "CD4 by year"));
        QVERIFY(dialog != nullptr);
        dialog->findChild<QLineEdit*>(QStringLiteral("outputLineEdit"))
            ->setText(QDir(folder()).filePath(QStringLiteral("by-year.ccrx")));
        dialog->exportReport();
        QVERIFY2(dialog->exported(), qPrintable(labelText(dialog, "resultLabel")));
        QCOMPARE(stateOf(QStringLiteral("CD4 by year")), QStringLiteral("published"));
        dialog->findChild<QPushButton*>(QStringLiteral("closePushButton"))->click();
        QTRY_COMPARE(stateOf(QStringLiteral("CD4 by year")),
                     QStringLiteral("published — exported (network %1)").arg(net));
        QCOMPARE(stateOf(latest), QStringLiteral("published"));
        // Clinic A's earlier export, copied into the folder.
        QVERIFY(QFile::copy(path("a.ccrx"), QDir(folder()).filePath("a.ccrx")));
        page()->refresh();
        QCOMPARE(stateOf(latest), QStringLiteral("published — exported (network %1)").arg(net));
        QCOMPARE(stateOf(QStringLiteral("CD4 by year")), QStringLiteral("published — exported (network %1)").arg(net));
        QCOMPARE(rowOf(reports::Purpose::Quality, QStringLiteral("published — exported")), -1);
        page()->list()->selectRow(rowOf(reports::Purpose::Research, QStringLiteral("published"), latest));
        QTest::qWait(100);
        QVERIFY(testing::adminScreenshot(m_window.get(), QStringLiteral("report-exported.png")));
        // A signed report that is not an export, named .ccrx, is not a valid export.
        const auto entries = ReportFolder::scan(folder());
        QVERIFY(!entries.empty());
        QVERIFY(QFile::copy(entries.front().publishedPath, QDir(folder()).filePath("renamed.ccrx")));
        QStringList damaged;
        const auto again = ReportFolder::scan(folder(), &damaged);
        QCOMPARE(damaged, QStringList{QStringLiteral("renamed.ccrx")});
        QCOMPARE(again.size(), entries.size());
        QVERIFY(QFile::remove(QDir(folder()).filePath("renamed.ccrx")));
        for (const auto& e : again)
            for (const auto& x : e.exports)
                QVERIFY2(!x.path.endsWith(QStringLiteral("hillside.ccrx")), qPrintable(x.path));
    }

    void mergeShowsTheServicesRefusal()
    {
        // Clinic B's export with a tally ciphertext of zero, re-signed with B's clinic key: format
        // and signature pass (the dialog's checks), the service's range check does not.
        auto forged = reports::ReportFile::read(bytesOf(readAll(path("b.ccrx")))).value();
        std::fill(forged.cells[0].tally.begin(), forged.cells[0].tally.end(), std::uint8_t{0});
        const auto* ring = m_b->clinic().keys().value();
        auto signer = crypto::Ed25519PrivateKey::fromSeed(ring->find(access::KeyKind::ClinicSigning)->secret.span());
        QVERIFY(signer.ok());
        QVERIFY(writeAll(path("b-zero.ccrx"), forged.sign(*signer)));
        page()->findChild<QPushButton*>(QStringLiteral("networkMergePushButton"))->click();
        auto* dialog = page()->findChild<NetworkMergeDialog*>();
        QVERIFY(dialog != nullptr);
        dialog->addFile(path("a.ccrx"));
        dialog->addFile(path("b-zero.ccrx"));
        dialog->keyPicker()->setPath(path("net/network-key.json"));
        const QString out = path(QStringLiteral("zero.ccrm"));
        dialog->findChild<QLineEdit*>(QStringLiteral("outputLineEdit"))->setText(out);
        const std::size_t before = events("research network merge");
        dialog->findChild<QPushButton*>(QStringLiteral("mergePushButton"))->click();
        QVERIFY(!dialog->merged());
        const QString result = labelText(dialog, "resultLabel");
        QVERIFY2(result.startsWith(QStringLiteral("Not merged, nothing was written")) &&
                     result.contains(QStringLiteral("Hillside Clinic, cell 0 (tally)")),
                 qPrintable(result));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(events("research network merge"), before + 1); // the refusal is audited too
        dialog->findChild<QPushButton*>(QStringLiteral("closePushButton"))->click();
        QTRY_VERIFY(page()->findChild<NetworkMergeDialog*>() == nullptr);
    }
};

QTEST_MAIN(TestReportsFederation)
#include "TestReportsFederation.moc"
