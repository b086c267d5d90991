// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart: the clinic workstation GUI. Hardening and the self-test run before any window; then
// the clinic folder is opened (without keys) and the login window shown.
#include "app/Startup.h"
#include "core/Clock.h"
#include "core/crypto/Rng.h"
#include "core/services/ClinicService.h"
#include "db/ClinicStore.h"
#include "ui/common/ErrorText.h"
#include "ui/login/LoginWindow.h"
#include "ui/session/SessionFlow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSysInfo>

#include <iostream>

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

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("CipherChart clinic workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption clinicOption(QStringList{"clinic"}, QObject::tr("The clinic folder to open."),
                                          QObject::tr("DIR"));
    parser.addOption(clinicOption);
    parser.process(qapp);

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

    if (!parser.isSet(clinicOption)) {
        // The README's run command starts here: say how to create a clinic.
        ui::LoginWindow login;
        login.setNoClinic();
        login.show();
        return QApplication::exec();
    }

    auto store = db::ClinicStore::openFolder(parser.value(clinicOption).toStdString());
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
    const SystemClock clock;
    services::ServiceOptions options;
    options.workstation = workstationName();
    services::ClinicService clinic(*store, clock, crypto::SystemRng::instance(), options);

    const auto& descriptor = store->descriptor();
    int code = 0;
    {
        ui::SessionFlow flow(clinic, QString::fromStdString(descriptor.name), descriptor.demo);
        flow.start();
        code = QApplication::exec();
    } // the flow logs out (audited) before the clinic closes
    return code;
}
