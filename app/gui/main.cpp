// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart: the clinic workstation GUI. Hardening and the self-test run before any window; then
// the clinic folder (or, with --demo, the demo clinic, created the first time) is opened (without
// keys) and the login window shown.
#include "app/DataDir.h"
#include "app/DemoClinic.h"
#include "app/Startup.h"
#include "core/Clock.h"
#include "core/crypto/Rng.h"
#include "core/services/ClinicService.h"
#include "db/AtomicFile.h"
#include "db/ClinicStore.h"
#include "db/SqlReportStore.h"
#include "ui/admin/RecoveryDialog.h"
#include "ui/common/ErrorText.h"
#include "ui/login/LoginWindow.h"
#include "ui/session/SessionFlow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <climits>
#include <iostream>
#include <memory>
#include <optional>

namespace {

/// Exit codes as the CLI's: 2 auth/permission, 3 integrity, 4 storage, 1 anything else.
int exitCodeFor(cc::ErrorCode code)
{
    using cc::ErrorCode;
    switch (code) {
    case ErrorCode::IntegrityFailure:
    case ErrorCode::KeyMismatch:
    case ErrorCode::MalformedInput:
        return 3;
    case ErrorCode::StorageBusy:
    case ErrorCode::StorageError:
    case ErrorCode::StorageFull:
    case ErrorCode::StorageReadOnly:
    case ErrorCode::NotFound:
        return 4;
    default:
        return 1;
    }
}

/// The host name as the audit trail's workstation field accepts it (letters, digits, '.', '-', '_').
std::string workstationName()
{
    std::string name;
    for (const QChar c : QSysInfo::machineHostName())
        if (c.isLetterOrNumber() && c.unicode() < 128)
            name += static_cast<char>(c.unicode());
        else if (c == u'.' || c == u'-' || c == u'_')
            name += static_cast<char>(c.unicode());
    return name.empty() ? std::string("workstation") : name.substr(0, 255);
}

/// Opens the demo clinic, creating it the first time (report key generation and the Synthea import
/// take tens of seconds) on a worker thread while a progress dialog shows the step and can cancel.
cc::Result<cc::app::DemoClinic> openDemoClinicWithProgress()
{
    using namespace cc;
    QProgressDialog dialog(QObject::tr("Opening the demo clinic…"), QObject::tr("Cancel"), 0, 0);
    dialog.setWindowTitle(QObject::tr("CipherChart — Demo Clinic"));
    dialog.setMinimumDuration(0);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumWidth(420);
    std::atomic<bool> cancelled{false};
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&cancelled]() { cancelled = true; });

    app::DemoOptions options;
    options.serviceOptions.workstation = workstationName();
    // Called on the worker thread: the dialog is updated through its own (GUI) thread's queue.
    options.progress = [&dialog, &cancelled](const std::string& step, std::size_t done, std::size_t total) {
        const int maximum = static_cast<int>(std::min<std::size_t>(total, INT_MAX));
        const int value = static_cast<int>(std::min<std::size_t>(done, INT_MAX));
        const bool key = step == "report key";
        QMetaObject::invokeMethod(
            &dialog,
            [&dialog, key, maximum, value]() {
                dialog.setLabelText(key ? QObject::tr("Creating the demo clinic: generating the report key…")
                                        : QObject::tr("Creating the demo clinic: importing the sample patients…"));
                dialog.setMaximum(key ? 0 : maximum); // key generation has no known length: busy bar
                dialog.setValue(value);
            },
            Qt::QueuedConnection);
        return !cancelled.load();
    };

    std::optional<Result<app::DemoClinic>> result;
    const std::string dir = app::defaultDemoClinicDir();
    QThread* worker =
        QThread::create([&result, &dir, &options]() { result.emplace(app::openOrCreateDemoClinic(dir, options)); });
    QEventLoop loop;
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    dialog.show();
    loop.exec();
    worker->wait();
    delete worker;
    return std::move(*result);
}

/// QSettings key of the clinic folder opened last: `cipherchart FILE` (a double click in the file
/// manager) opens its file in that clinic. A path, never anything clinical.
const QString kLastClinicKey = QStringLiteral("session/lastClinicFolder");

/// Shows an error in a message box (unless headless) and on stderr.
void complain(const QString& text)
{
    std::cerr << "cipherchart: " << text.toStdString() << "\n";
    if (QGuiApplication::platformName() != QLatin1String("offscreen"))
        QMessageBox::critical(nullptr, QObject::tr("CipherChart"), text);
}

/// The report store and folder of an open clinic for the administrator's Reports page. The
/// database is reopened at every login, so the store is made per action.
cc::ui::ReportsAccess reportsAccessFor(cc::db::ClinicStore& store)
{
    cc::ui::ReportsAccess access;
    access.openStore = [&store]() -> std::unique_ptr<cc::ports::ReportStore> {
        if (!store.databaseOpen())
            return nullptr;
        return std::make_unique<cc::db::SqlReportStore>(store.database());
    };
    access.folder = QDir(QString::fromStdString(store.folder().dir())).filePath(QStringLiteral("reports"));
    return access;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace cc;
    if (auto prepared = app::prepareProcess(); !prepared.ok()) {
        std::cerr << "cipherchart: " << prepared.error().describe() << "\n";
        return 3;
    }
    QApplication qapp(argc, argv);
    QApplication::setApplicationName("CipherChart");
    QApplication::setApplicationVersion(CC_VERSION);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.cipherchart.CipherChart"));
    app::installTranslators(qapp);

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("CipherChart clinic workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption clinicOption(QStringList{"clinic"}, QObject::tr("The clinic folder to open."),
                                          QObject::tr("DIR"));
    parser.addOption(clinicOption);
    const QCommandLineOption demoOption(
        QStringList{"demo"},
        QObject::tr(
            "Open the demo clinic (synthetic Synthea patients, public demo passwords), creating it the first time."));
    parser.addOption(demoOption);
    const QCommandLineOption recoverOption(
        QStringList{"recover"},
        QObject::tr("Before the login window: restore access with the recovery shares when passwords are lost."));
    parser.addOption(recoverOption);
    parser.addPositionalArgument(
        QObject::tr("FILE"),
        QObject::tr("A report file (.ccrep) or backup (.ccbk) to open after an administrator's login; without "
                    "--clinic, in the clinic opened last."),
        QObject::tr("[FILE]"));
    parser.process(qapp);
    QString fileToOpen;
    if (const QStringList files = parser.positionalArguments(); !files.isEmpty()) {
        fileToOpen = QFileInfo(files.first()).absoluteFilePath();
        if (files.size() > 1 || !QFileInfo(fileToOpen).isFile()) {
            complain(files.size() > 1 ? QObject::tr("Give one file to open.")
                                      : QObject::tr("The file %1 does not exist.").arg(files.first()));
            return 1;
        }
    }

    const auto results = app::runSelfTest(app::selfTestOptionsFromEnvironment());
    if (!allPassed(results)) {
        QString failed;
        for (const auto& r : results)
            if (!r.passed) {
                std::cerr << "cipherchart: self-test failed: " << r.name << ": " << r.detail << "\n";
                failed += QString::fromStdString(r.name + ": " + r.detail) + "\n";
            }
        QMessageBox::critical(
            nullptr, QObject::tr("CipherChart"),
            QObject::tr("The cryptographic self-test failed. CipherChart will not start.\n\n%1").arg(failed));
        return 3;
    }

    QString clinicDir = parser.value(clinicOption);
    if (clinicDir.isEmpty() && !parser.isSet(demoOption) && !fileToOpen.isEmpty()) {
        clinicDir = QSettings().value(kLastClinicKey).toString();
        if (clinicDir.isEmpty()) {
            complain(QObject::tr("%1 belongs to a clinic, and no clinic has been opened on this computer yet. Open "
                                 "it with: cipherchart --clinic DIR \"%1\"")
                         .arg(fileToOpen));
            return 1;
        }
    }
    if (clinicDir.isEmpty() && !parser.isSet(demoOption)) {
        // The README's run command starts here: say how to create a clinic.
        ui::LoginWindow login;
        login.setNoClinic();
        login.show();
        return QApplication::exec();
    }

    std::unique_ptr<db::ClinicStore> opened;
    if (parser.isSet(demoOption)) {
        auto demo = openDemoClinicWithProgress();
        if (demo)
            opened = std::move(demo->store);
        else if (const Error& error = demo.error(); error.code == ErrorCode::Cancelled)
            return 1;
        else {
            std::cerr << "cipherchart: " << error.describe() << "\n";
            if (QGuiApplication::platformName() != QLatin1String("offscreen"))
                QMessageBox::critical(
                    nullptr, QObject::tr("CipherChart"),
                    QObject::tr("The demo clinic cannot be opened.\n\n%1").arg(ui::ErrorText::forError(error)));
            return exitCodeFor(error.code);
        }
    } else {
        auto store = db::ClinicStore::openFolder(clinicDir.toStdString());
        if (!store) {
            const Error& error = store.error();
            std::cerr << "cipherchart: " << error.describe() << "\n";
            // Headless (offscreen, tests): nobody can click the box away; stderr carries the message.
            if (QGuiApplication::platformName() != QLatin1String("offscreen"))
                QMessageBox::critical(
                    nullptr, QObject::tr("CipherChart"),
                    QObject::tr("The clinic cannot be opened.\n\n%1").arg(ui::ErrorText::forError(error)));
            return exitCodeFor(error.code);
        }
        opened = std::make_unique<db::ClinicStore>(std::move(*store));
    }
    db::ClinicStore* store = opened.get();
    QSettings().setValue(kLastClinicKey, QString::fromStdString(store->folder().dir()));
    // A restore a crash interrupted was settled by the opening: say which before the login (the
    // first staff login also records it in the trail, flagged).
    if (const auto& interrupted = store->interruptedRestore()) {
        const bool finished = interrupted->outcome == ports::InterruptedRestore::Outcome::Finished;
        const QString label = QString::fromStdString(interrupted->label);
        const QString text =
            finished ? QObject::tr("A restore that was interrupted has been finished: the clinic now holds backup %1. "
                                   "The previous clinic's files are in its pre-restore-%1 folder. Log in with the "
                                   "backup's passwords.")
                           .arg(label)
            : interrupted->outcome == ports::InterruptedRestore::Outcome::Abandoned
                ? QObject::tr("A restore that was interrupted before it replaced any file has been "
                              "abandoned: the clinic is as it was.")
                : QObject::tr("A restore was interrupted, but the record of whether it was finished is "
                              "damaged. Compare the clinic with its pre-restore folders and the audit trail.");
        std::cerr << "cipherchart: " << text.toStdString() << "\n";
        if (QGuiApplication::platformName() != QLatin1String("offscreen"))
            QMessageBox::information(nullptr, QObject::tr("CipherChart"), text);
    }
    const SystemClock clock;
    services::ServiceOptions options;
    options.workstation = workstationName();
    services::ClinicService clinic(*store, clock, crypto::SystemRng::instance(), options);

    if (parser.isSet(recoverOption)) {
        // Nobody is logged in yet: the recovery opens the database with the recovery ring's key.
        auto blob = db::readFile(store->folder().recoveryPath(), 64 * 1024);
        if (!blob) {
            std::cerr << "cipherchart: recovery.ccr: " << blob.error().describe() << "\n";
            return exitCodeFor(blob.error().code);
        }
        ui::RecoveryDialog recovery(*store, clock, crypto::SystemRng::instance(), options, std::move(blob).value());
        recovery.exec();
    }

    const auto& descriptor = store->descriptor();
    int code = 0;
    {
        ui::SessionFlow flow(clinic, QString::fromStdString(descriptor.name), descriptor.demo);
        flow.setReportsAccess(reportsAccessFor(*store));
        flow.setFileToOpen(fileToOpen);
        const QString recoveryPath = QString::fromStdString(store->folder().recoveryPath());
        if (QFileInfo::exists(recoveryPath))
            flow.setRecovery([&, recoveryPath](QWidget* parent) {
                auto blob = db::readFile(recoveryPath.toStdString(), 64 * 1024);
                if (!blob) {
                    QMessageBox::warning(parent, QObject::tr("CipherChart"),
                                         QObject::tr("The recovery ring %1 cannot be read.\n\n%2")
                                             .arg(recoveryPath, ui::ErrorText::forError(blob.error())));
                    return;
                }
                ui::RecoveryDialog recovery(*store, clock, crypto::SystemRng::instance(), options,
                                            std::move(blob).value(), parent);
                recovery.exec();
            });
        flow.start();
        code = QApplication::exec();
    } // the flow logs out (audited) before the clinic closes
    return code;
}
