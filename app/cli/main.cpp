// SPDX-License-Identifier: GPL-3.0-or-later
// cipherchart-cli: administrative and batch work over the same services as the GUI.
#include "app/DataDir.h"
#include "app/Startup.h"
#include "app/cli/AccountCommands.h"
#include "app/cli/AuditCommands.h"
#include "app/cli/BackupCommands.h"
#include "app/cli/BasicCommands.h"
#include "app/cli/ClinicCommands.h"
#include "app/cli/CommandRegistry.h"
#include "app/cli/DemoCommands.h"
#include "app/cli/EntryCommands.h"
#include "app/cli/NetworkCommands.h"
#include "app/cli/NoteCommands.h"
#include "app/cli/PaillierCommands.h"
#include "app/cli/RecordCommands.h"
#include "app/cli/RecoverCommands.h"
#include "app/cli/ReportCommands.h"
#include "app/cli/Text.h"
#include "app/cli/VerifyCommands.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char** argv)
{
    using namespace cc;
    if (auto prepared = app::prepareProcess(); !prepared.ok()) {
        std::cerr << "cipherchart-cli: " << prepared.error().describe() << "\n";
        return cli::ExitIntegrity;
    }
    QCoreApplication qapp(argc, argv);
    QCoreApplication::setApplicationName("cipherchart-cli");
    QCoreApplication::setApplicationVersion(CC_VERSION);
    app::installTranslators(qapp);

    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 1 && args[0] == "--version") {
        std::cout << "cipherchart-cli " << CC_VERSION << "\n";
        return cli::ExitOk;
    }

    cli::Io io{std::cout, std::cerr, std::cin};
    // The known-answer self-test runs before any command; `selftest` prints it in full.
    const bool selfTestCommand = std::find(args.begin(), args.end(), "selftest") != args.end();
    if (!selfTestCommand && !args.empty() && args[0] != "--help" && args[0] != "-h") {
        const auto results = app::runSelfTest(app::selfTestOptionsFromEnvironment());
        if (!allPassed(results)) {
            for (const auto& r : results)
                if (!r.passed)
                    std::cerr << cli::utf8(cli::Cli::tr("cipherchart-cli: self-test failed: %1: %2")
                                               .arg(QString::fromStdString(r.name), QString::fromStdString(r.detail)))
                              << "\n";
            return cli::ExitIntegrity;
        }
    }

    cli::CommandRegistry registry;
    cli::registerBasicCommands(registry);
    cli::registerPaillierCommands(registry);
    cli::registerClinicCommands(registry);
    cli::registerAccountCommands(registry);
    cli::registerAuditCommands(registry);
    cli::registerBackupCommands(registry);
    cli::registerRecoverCommands(registry);
    cli::registerRecordCommands(registry);
    cli::registerNoteCommands(registry);
    cli::registerEntryCommands(registry);
    cli::registerDemoCommands(registry);
    cli::registerReportCommands(registry);
    cli::registerNetworkCommands(registry);
    cli::registerVerifyCommands(registry);
    return registry.dispatch(args, io);
}
