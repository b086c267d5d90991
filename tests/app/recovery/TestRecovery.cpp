// SPDX-License-Identifier: GPL-3.0-or-later
// RecoveryService and `cipherchart-cli keys recover` over real clinics: a doctor re-issued after a
// rotation, a new administrator, a custodian refused, typos, mixed sets and wrong shares refused
// with nothing changed, and exactly one audit event each time.
#include "core/audit/AuditExport.h"
#include "core/crypto/Aead.h"
#include "core/services/AuditService.h"
#include "core/services/BackupService.h"
#include "core/services/KeyService.h"
#include "core/services/RecoveryService.h"
#include "core/services/SetupService.h"
#include "db/AtomicFile.h"
#include "tests/support/TestClinic.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;

namespace {

constexpr const char* kTemporary = "temporary password 1";

std::vector<std::uint8_t> slotBytes(test::TestClinic& c)
{
    auto file = c.store().keySlots().load();
    return file ? file->serialise() : std::vector<std::uint8_t>{};
}

/// A share with one base32 character changed (keeps the format; the CRC catches it).
std::string mistyped(std::string share)
{
    // The first data character ("CC1-k-i-X..."): a full group, every bit of it counts.
    const auto pos = share.find('-', share.find('-', share.find('-') + 1) + 1) + 1;
    share[pos] = share[pos] == 'A' ? 'B' : 'A';
    return share;
}

std::vector<audit::AuditEntry> events(test::TestClinic& c)
{
    services::AuditService audit(c.clinic());
    auto list = audit.list({});
    return list ? std::move(list).value() : std::vector<audit::AuditEntry>{};
}

const audit::AuditEvent* lastRecovery(const std::vector<audit::AuditEntry>& all)
{
    const audit::AuditEvent* found = nullptr;
    for (const auto& e : all)
        if (e.event.detail.rfind("recovery key:", 0) == 0)
            found = &e.event;
    return found;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    p.start(QStringLiteral(CC_CLI_PATH), args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private slots:
    void doctorReissuedAfterRotation()
    {
        auto made = test::TestClinic::create();
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().describe().c_str());
        auto& c = **made;
        // A rotated DBK waits in the mailbox for the recovery ring: the recovery must follow it.
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        services::KeyService keys(c.clinic());
        QVERIFY(keys.rotate(access::KeyKind::DatabaseKey).ok());
        QVERIFY(c.reopen().ok());

        services::RecoveryService recovery(c.store(), c.clock(), crypto::SystemRng::instance(), c.options());
        const auto& shares = c.setup().recoveryShares;
        auto result =
            recovery.recover(c.setup().recoveryBlob, {shares[2], shares[0]}, test::kDoctor, test::bytes(kTemporary));
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().describe().c_str());
        QVERIFY(!result->created);
        QCOMPARE(result->role, access::Role::Doctor);
        QCOMPARE(result->keysUpdated, std::size_t{1});
        QCOMPARE(result->shareIndexes, (std::vector<unsigned>{3, 1}));
        QVERIFY(!c.store().databaseOpen());

        // The old password no longer opens the slot; the temporary one does, and must be changed.
        QCOMPARE(c.login(test::kDoctor, test::kDoctorPassword).error().code, ErrorCode::WrongPassword);
        QVERIFY(c.login(test::kDoctor, kTemporary).ok());
        QVERIFY(c.clinic().mustChangePassword());
        c.clinic().logout();

        // One flagged event in the chain, and the chain still verifies.
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        const auto all = events(c);
        const auto* event = lastRecovery(all);
        QVERIFY(event != nullptr);
        QVERIFY(event->flagged);
        QCOMPARE(event->outcome, audit::AuditOutcome::Success);
        QCOMPARE(event->userName, std::string(test::kDoctor));
        QVERIFY(event->detail.find("shares 3, 1") != std::string::npos);
        services::AuditService audit(c.clinic());
        auto report = audit.verify();
        QVERIFY(report.ok());
        QVERIFY2(report->ok, report->message.c_str());
    }

    void newAdministratorAndCustodianRefused()
    {
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        auto& c = **made;
        services::RecoveryService recovery(c.store(), c.clock(), crypto::SystemRng::instance(), c.options());
        const auto& shares = c.setup().recoveryShares;
        // alice holds the only report-key share: not in the recovery ring, so her slot is kept.
        const auto before = slotBytes(c);
        auto refused =
            recovery.recover(c.setup().recoveryBlob, {shares[0], shares[1]}, test::kAdmin, test::bytes(kTemporary));
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);
        QVERIFY(refused.error().message.find("new administrator") != std::string::npos);
        QVERIFY(slotBytes(c) == before);

        auto created =
            recovery.recover(c.setup().recoveryBlob, {shares[1], shares[2]}, "rescue", test::bytes(kTemporary));
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().describe().c_str());
        QVERIFY(created->created);
        QCOMPARE(created->role, access::Role::Administrator);
        QVERIFY(c.login("rescue", kTemporary).ok());
        QVERIFY(c.clinic().mustChangePassword());
        QVERIFY(c.clinic().changeOwnPassword(test::bytes("rescue password 22")).ok());
        // The recovered administrator holds a full administrator ring: the audit verifies with A0.
        const auto all = events(c);
        int recoveries = 0;
        for (const auto& e : all)
            if (e.event.detail.rfind("recovery key:", 0) == 0) {
                ++recoveries;
                QVERIFY(e.event.flagged);
            }
        QCOMPARE(recoveries, 2); // the refusal and the success, one event each
        QCOMPARE(lastRecovery(all)->outcome, audit::AuditOutcome::Success);
        services::AuditService audit(c.clinic());
        auto report = audit.verify();
        QVERIFY(report.ok() && report->ok);
        // A session is open: a recovery now is refused.
        auto busy = recovery.recover(c.setup().recoveryBlob, {shares[1], shares[2]}, "other", test::bytes(kTemporary));
        QCOMPARE(busy.error().code, ErrorCode::InvalidArgument);
    }

    void badSharesChangeNothing_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("typo") << 0 << int(ErrorCode::MalformedInput);
        QTest::newRow("one share") << 1 << int(ErrorCode::InvalidArgument);
        QTest::newRow("same share twice") << 2 << int(ErrorCode::InvalidArgument);
        QTest::newRow("share of another clinic") << 3 << int(ErrorCode::KeyMismatch);
        QTest::newRow("short password") << 4 << int(ErrorCode::InvalidArgument);
    }

    void badSharesChangeNothing()
    {
        QFETCH(int, kind);
        QFETCH(int, expected);
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        auto& c = **made;
        const auto& s = c.setup().recoveryShares;
        std::vector<std::string> shares;
        std::string password = kTemporary;
        switch (kind) {
        case 0:
            shares = {s[0], mistyped(s[1])};
            break;
        case 1:
            shares = {s[0]};
            break;
        case 2:
            shares = {s[0], s[0]};
            break;
        case 3: {
            auto other = test::TestClinic::create();
            QVERIFY(other.ok());
            shares = {s[0], (*other)->setup().recoveryShares[1]};
            break;
        }
        default:
            shares = {s[0], s[1]};
            password = "short";
        }
        const auto before = slotBytes(c);
        services::RecoveryService recovery(c.store(), c.clock(), crypto::SystemRng::instance(), c.options());
        auto result = recovery.recover(c.setup().recoveryBlob, shares, test::kDoctor, test::bytes(password));
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), expected);
        QVERIFY(slotBytes(c) == before);
        QVERIFY(!c.store().databaseOpen());
        // Before the database opened nothing could enter the chain: the attempt waits in the
        // pending-audit log and is imported at the next login.
        QVERIFY(c.login(test::kDoctor, test::kDoctorPassword).ok());
        c.clinic().logout();
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        bool imported = false;
        for (const auto& e : events(c))
            if (e.event.detail.find("recovery-failed") != std::string::npos) {
                imported = true;
                QVERIFY(e.event.flagged); // shares tried: reviewed like a recovery
                QCOMPARE(e.event.eventId, audit::AuditEventId::SecurityAlert);
            }
        QVERIFY(imported);
    }

    void shareFeedback()
    {
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        const auto& s = (*made)->setup().recoveryShares;
        auto ok = services::RecoveryService::checkShare(s[1]);
        QVERIFY(ok.ok());
        QCOMPARE(ok->threshold, 2u);
        QCOMPARE(unsigned(ok->share.index), 2u);
        auto typo = services::RecoveryService::checkShare(mistyped(s[1]));
        QCOMPARE(typo.error().code, ErrorCode::MalformedInput);
        QVERIFY(typo.error().message.find("checksum") != std::string::npos);
        // Lower case and spaces are tolerated (as typed from paper).
        const std::string loose = "  " + QString::fromStdString(s[1]).toLower().toStdString() + " \n";
        auto tolerated = services::RecoveryService::checkShare(loose);
        QVERIFY(tolerated.ok());
        QCOMPARE(unsigned(tolerated->share.index), 2u);
    }

    void cliEndToEnd()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString clinic = tmp.path() + "/clinic";
        Run r = runCli({"init", "--clinic", clinic, "--admin", "admin", "--name", "CLI recovery clinic", "--doctor",
                        "doc", "--report-key-file", CC_TEST_DATA_DIR "/paillier/test-key-2048.json", "--recovery-out",
                        tmp.path(), "--recovery-shares", "3", "--password-stdin"},
                       "cli-admin-password-1\ncli-doctor-password-1\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList shares;
        for (int i = 1; i <= 3; ++i) {
            QFile f(tmp.path() + QStringLiteral("/recovery-share-%1.txt").arg(i));
            QVERIFY(f.open(QIODevice::ReadOnly));
            shares << QString::fromUtf8(f.readAll()).trimmed();
        }
        const QStringList recover{"keys", "recover", "--clinic", clinic, "--account", "doc", "--password-stdin"};
        // A typo: refused at that share, exit 1, nothing else read.
        r = runCli(recover, (shares[0] + "\n" + QString::fromStdString(mistyped(shares[1].toStdString())) + "\n" +
                             kTemporary + "\n")
                                .toUtf8());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Recovery share 1: checksum ok, share number 1"), qPrintable(r.err));
        QVERIFY2(r.err.contains("checksum"), qPrintable(r.err));

        r = runCli(QStringList{"--json"} + recover, (shares[2] + "\n" + shares[1] + "\n" + kTemporary + "\n").toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value("account").toString(), QStringLiteral("doc"));
        QCOMPARE(o.value("role").toString(), QStringLiteral("doctor"));
        QCOMPARE(o.value("created").toBool(), false);
        // The custodian (the admin, sole report-key custodian) is refused with exit code 1.
        r = runCli({"keys", "recover", "--clinic", clinic, "--account", "admin", "--password-stdin"},
                   (shares[0] + "\n" + shares[1] + "\n" + kTemporary + "\n").toUtf8());
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("report-key share"), qPrintable(r.err));
        // The old doctor password is gone: the login fails with exit 2.
        r = runCli({"keys", "status", "--clinic", clinic, "--as", "doc", "--password-stdin"},
                   "cli-doctor-password-1\n");
        QCOMPARE(r.exitCode, 2);
    }
    void reissueReplacesTheSet()
    {
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        auto& c = **made;
        const auto& old = c.setup().recoveryShares;
        services::RecoveryService recovery(c.store(), c.clock(), crypto::SystemRng::instance(), c.options());
        auto r = recovery.reissue({old[1], old[2]}, 3, 5, "Ada Custodian");
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r->shares.size(), std::size_t{5});
        QCOMPARE(r->threshold, 3u);
        QCOMPARE(r->version, 2u);
        QCOMPARE(r->shareIndexes, (std::vector<unsigned>{2, 3}));
        QVERIFY(r->keyId != r->previousKeyId);
        QVERIFY2(r->warning.empty(), r->warning.c_str());
        QVERIFY(!c.store().databaseOpen());
        // recovery.ccr is the new ring; nothing waits beside it.
        auto files = c.store().recoveryRing()->load();
        QVERIFY(files.ok());
        QVERIFY(!files->pending.has_value());
        QVERIFY(files->current != c.setup().recoveryBlob);
        // Every new share reads as share i of a 3-of-n set.
        for (std::size_t i = 0; i < r->shares.size(); ++i) {
            auto decoded = services::RecoveryService::checkShare(r->shares[i]);
            QVERIFY(decoded.ok());
            QCOMPARE(decoded->threshold, 3u);
            QCOMPARE(unsigned(decoded->share.index), unsigned(i + 1));
        }

        // The old set opens nothing; two of the new set are too few; three restore the doctor.
        auto withOld = recovery.recover(files->current, {old[0], old[1]}, test::kDoctor, test::bytes(kTemporary));
        QCOMPARE(withOld.error().code, ErrorCode::KeyMismatch);
        auto tooFew =
            recovery.recover(files->current, {r->shares[0], r->shares[1]}, test::kDoctor, test::bytes(kTemporary));
        QCOMPARE(tooFew.error().code, ErrorCode::InvalidArgument);
        auto restored = recovery.recover(files->current, {r->shares[4], r->shares[0], r->shares[2]}, test::kDoctor,
                                         test::bytes(kTemporary));
        QVERIFY2(restored.ok(), restored.ok() ? "" : restored.error().describe().c_str());
        // ...and they can replace themselves in turn.
        auto again = recovery.reissue({r->shares[1], r->shares[3], r->shares[4]}, 2, 2, "Ada Custodian");
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().describe().c_str());
        QCOMPARE(again->version, 3u);

        // One flagged event per re-issue, by whom it names; the key page and the chain agree.
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        int reissues = 0;
        for (const auto& e : events(c))
            if (e.event.detail.rfind("recovery shares re-issued", 0) == 0) {
                ++reissues;
                QVERIFY(e.event.flagged);
                QCOMPARE(e.event.userName, std::string("Ada Custodian"));
                QCOMPARE(e.event.outcome, audit::AuditOutcome::Success);
            }
        QCOMPARE(reissues, 2);
        services::KeyService keys(c.clinic());
        auto status = keys.status();
        QVERIFY(status.ok());
        bool listed = false;
        for (const auto& k : *status)
            if (k.name == "RecoveryKey") {
                listed = true;
                QCOMPARE(k.version, 3u);
                QCOMPARE(k.id, std::to_string(again->keyId));
            }
        QVERIFY(listed);
        services::AuditService audit(c.clinic());
        auto report = audit.verify();
        QVERIFY(report.ok() && report->ok);
    }

    void reissueCrashWindows()
    {
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        auto& c = **made;
        const auto& old = c.setup().recoveryShares;
        const std::string path = c.store().folder().recoveryPath();
        const std::string pending = path + ".next";
        services::RecoveryService recovery(c.store(), c.clock(), crypto::SystemRng::instance(), c.options());
        auto r = recovery.reissue({old[0], old[1]}, 2, 3, "Ada Custodian");
        QVERIFY(r.ok());
        auto fresh = c.store().recoveryRing()->load();
        QVERIFY(fresh.ok());
        const std::vector<std::uint8_t> newBlob = fresh->current;

        // (a) A crash after the commit, before the rename: the record names the new key, the old
        // ring is still recovery.ccr and the new one waits as recovery.ccr.next.
        QVERIFY(QFile::rename(QString::fromStdString(path), QString::fromStdString(pending)));
        QVERIFY(db::writeFileAtomically(path, c.setup().recoveryBlob, 0600).ok());
        auto withOld =
            recovery.recover(c.setup().recoveryBlob, {old[0], old[2]}, test::kDoctor, test::bytes(kTemporary));
        QCOMPARE(withOld.error().code, ErrorCode::IntegrityFailure); // the old ring opens; the record refuses it
        QVERIFY(QFile::exists(QString::fromStdString(pending)));
        auto withNew = recovery.recover(c.setup().recoveryBlob, {r->shares[2], r->shares[0]}, test::kDoctor,
                                        test::bytes(kTemporary));
        QVERIFY2(withNew.ok(), withNew.ok() ? "" : withNew.error().describe().c_str());
        auto settled = c.store().recoveryRing()->load();
        QVERIFY(settled.ok());
        QVERIFY(!settled->pending.has_value()); // rolled forward
        QVERIFY(settled->current == newBlob);

        // (b) A crash before the commit: a staged ring that no printed set opens. The current set
        // still works and the leftover is removed.
        auto stray =
            crypto::Aead::seal(crypto::SystemRng::instance().secureBytes(32), 7, test::bytes("not a ring"),
                               services::recoveryAad(c.store().descriptor().clinicId), crypto::SystemRng::instance());
        QVERIFY(stray.ok());
        QVERIFY(c.store().recoveryRing()->stage(*stray).ok());
        auto despite = recovery.recover(newBlob, {r->shares[1], r->shares[2]}, test::kAdmin + std::string("-2"),
                                        test::bytes(kTemporary));
        QVERIFY2(despite.ok(), despite.ok() ? "" : despite.error().describe().c_str());
        QVERIFY(!QFile::exists(QString::fromStdString(pending)));
    }

    void reissueRefusals_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("threshold above count") << 0 << int(ErrorCode::InvalidArgument);
        QTest::newRow("threshold of one") << 1 << int(ErrorCode::InvalidArgument);
        QTest::newRow("nobody asks") << 2 << int(ErrorCode::InvalidArgument);
        QTest::newRow("typo") << 3 << int(ErrorCode::MalformedInput);
        QTest::newRow("share of another clinic") << 4 << int(ErrorCode::KeyMismatch);
        QTest::newRow("someone logged in") << 5 << int(ErrorCode::InvalidArgument);
    }

    void reissueRefusals()
    {
        QFETCH(int, kind);
        QFETCH(int, expected);
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        auto& c = **made;
        const auto& s = c.setup().recoveryShares;
        std::vector<std::string> shares{s[0], s[1]};
        unsigned k = 2;
        unsigned n = 3;
        std::string who = "Ada Custodian";
        std::unique_ptr<test::TestClinic> other;
        switch (kind) {
        case 0:
            k = 4;
            break;
        case 1:
            k = 1;
            break;
        case 2:
            who = "";
            break;
        case 3:
            shares[1] = mistyped(s[1]);
            break;
        case 4: {
            auto made2 = test::TestClinic::create();
            QVERIFY(made2.ok());
            other = std::move(made2).value();
            shares[1] = other->setup().recoveryShares[1];
            break;
        }
        default:
            QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        }
        const auto before = c.store().recoveryRing()->load();
        QVERIFY(before.ok());
        services::RecoveryService recovery(c.store(), c.clock(), crypto::SystemRng::instance(), c.options());
        auto result = recovery.reissue(shares, k, n, who);
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().code), expected);
        const auto after = c.store().recoveryRing()->load();
        QVERIFY(after.ok());
        QVERIFY(after->current == before->current);
        QVERIFY(!after->pending.has_value());
        // The printed set still works.
        if (kind == 5)
            c.clinic().logout();
        auto still = recovery.recover(before->current, {s[2], s[0]}, test::kDoctor, test::bytes(kTemporary));
        QVERIFY2(still.ok(), still.ok() ? "" : still.error().describe().c_str());
        // A refusal of the shares is recorded once, as a re-issue's: the database did not open,
        // so it waits in the pending-audit log and is imported, flagged, at the next login. Bad
        // arguments (k, n, who) and an open session are refused before any share is read.
        if (kind == 5)
            return;
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        int refusals = 0;
        for (const auto& e : events(c))
            if (e.event.detail.find("re-issue refused") != std::string::npos ||
                e.event.detail.find("reissue-failed") != std::string::npos) {
                ++refusals;
                QVERIFY(e.event.flagged);
                QCOMPARE(e.event.eventId, audit::AuditEventId::SecurityAlert);
            }
        QCOMPARE(refusals, kind == 3 || kind == 4 ? 1 : 0);
    }

    void restoreKeepsTheReissuedSet()
    {
        // Backups do not hold recovery.ccr: a restore of a backup older than the re-issue keeps the
        // folder's new ring, and the restored database must name it, or no printed set would work.
        auto made = test::TestClinic::create();
        QVERIFY(made.ok());
        auto& c = **made;
        const QString backup = QString::fromStdString(c.dir()) + "/before.ccbk";
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        {
            services::BackupService backups(c.clinic());
            QVERIFY(backups.create(backup.toStdString()).ok());
        }
        c.clinic().logout();
        services::RecoveryService recovery(c.store(), c.clock(), crypto::SystemRng::instance(), c.options());
        const auto& old = c.setup().recoveryShares;
        auto r = recovery.reissue({old[0], old[1]}, 2, 3, "Ada Custodian");
        QVERIFY(r.ok());
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        {
            services::BackupService backups(c.clinic());
            auto restored = backups.restore(backup.toStdString(), {});
            QVERIFY2(restored.ok(), restored.ok() ? "" : restored.error().describe().c_str());
        }
        QVERIFY(c.reopen().ok()); // a new store: a new service over it
        services::RecoveryService reopened(c.store(), c.clock(), crypto::SystemRng::instance(), c.options());
        auto files = c.store().recoveryRing()->load();
        QVERIFY(files.ok());
        auto withOld = reopened.recover(files->current, {old[0], old[2]}, test::kDoctor, test::bytes(kTemporary));
        QCOMPARE(withOld.error().code, ErrorCode::KeyMismatch);
        auto withNew =
            reopened.recover(files->current, {r->shares[0], r->shares[2]}, test::kDoctor, test::bytes(kTemporary));
        QVERIFY2(withNew.ok(), withNew.ok() ? "" : withNew.error().describe().c_str());
        QVERIFY(c.login(test::kAdmin, test::kAdminPassword).ok());
        bool carried = false;
        for (const auto& e : events(c))
            carried |= e.event.detail.find("recovery record carried forward") != std::string::npos;
        QVERIFY(carried);
    }

    void cliReissue()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString clinic = tmp.path() + "/clinic";
        Run r = runCli({"init", "--clinic", clinic, "--admin", "admin", "--name", "CLI re-issue clinic", "--doctor",
                        "doc", "--report-key-file", CC_TEST_DATA_DIR "/paillier/test-key-2048.json", "--recovery-out",
                        tmp.path(), "--password-stdin"},
                       "cli-admin-password-1\ncli-doctor-password-1\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList old;
        for (int i = 1; i <= 3; ++i) {
            QFile f(tmp.path() + QStringLiteral("/recovery-share-%1.txt").arg(i));
            QVERIFY(f.open(QIODevice::ReadOnly));
            old << QString::fromUtf8(f.readAll()).trimmed();
        }
        const QString pages = tmp.path() + "/pages";
        QVERIFY(QDir().mkpath(pages));
        const QStringList reissue{"keys",
                                  "reissue-shares",
                                  "--clinic",
                                  clinic,
                                  "--threshold",
                                  "2",
                                  "--shares",
                                  "4",
                                  "--out",
                                  pages,
                                  "--requested-by",
                                  "Ada Custodian",
                                  "--password-stdin"};
        // A threshold above the count is refused before anything changes.
        r = runCli({"keys", "reissue-shares", "--clinic", clinic, "--threshold", "5", "--shares", "4", "--requested-by",
                    "Ada", "--password-stdin"},
                   (old[0] + "\n" + old[1] + "\n").toUtf8());
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("threshold"), qPrintable(r.err));
        r = runCli(reissue, (old[2] + "\n" + old[0] + "\n").toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("2 of 4"), qPrintable(r.out));
        QStringList fresh;
        for (int i = 1; i <= 4; ++i) {
            QFile f(pages + QStringLiteral("/recovery-share-%1.txt").arg(i));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
            const QString page = QString::fromUtf8(f.readAll());
            QVERIFY(page.contains(QStringLiteral("Share %1 of 4").arg(i)));
            QVERIFY(page.contains("CLI re-issue clinic"));
            for (const QString& line : page.split('\n'))
                if (line.startsWith("    CC1-"))
                    fresh << line.trimmed();
        }
        QCOMPARE(fresh.size(), 4);
        // Pages are never overwritten.
        r = runCli(reissue, (fresh[0] + "\n" + fresh[1] + "\n").toUtf8());
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("refusing to overwrite"), qPrintable(r.err));
        // The old shares no longer open the ring; the new ones restore the doctor.
        const QStringList recover{"keys", "recover", "--clinic", clinic, "--account", "doc", "--password-stdin"};
        r = runCli(recover, (old[0] + "\n" + old[1] + "\n" + kTemporary + "\n").toUtf8());
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("do not open"), qPrintable(r.err));
        r = runCli(recover, (fresh[3] + "\n" + fresh[1] + "\n" + kTemporary + "\n").toUtf8());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "TestRecovery.moc"
