// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart: the clinic workstation GUI. Hardening and the self-test run before any window.
#include "app/Startup.h"
#include "ui/login/LoginWindow.h"

#include <QApplication>
#include <QMessageBox>

#include <iostream>

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

    const auto results = app::runSelfTest(app::selfTestOptionsFromEnvironment());
    if (!allPassed(results)) {
        QString failed;
        for (const auto& r : results)
            if (!r.passed) {
                std::cerr << "cipherchart: self-test failed: " << r.name << ": " << r.detail << "\n";
                failed += QString::fromStdString(r.name + ": " + r.detail) + "\n";
            }
        QMessageBox::critical(nullptr, QObject::tr("CipherChart"),
                              QObject::tr("The cryptographic self-test failed. CipherChart will not start.\n\n%1")
                                  .arg(failed));
        return 3;
    }

    ui::LoginWindow login;
    QObject::connect(&login, &ui::LoginWindow::loginRequested, &login, [&login](const QString&, const QString&) {
        login.showError(QObject::tr("No clinic is open on this workstation yet."));
    });
    login.show();
    return QApplication::exec();
}
