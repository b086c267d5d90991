// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/BasicCommands.h"

#include "app/Startup.h"
#include "app/cli/Text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cc::cli {

void registerBasicCommands(CommandRegistry& registry)
{
    registry.add(
        {{"selftest"},
         utf8(Cli::tr("Run the known-answer self-test of every cryptographic component and print each check")),
         "",
         {},
         0,
         0,
         [](const Args&, Io& io) {
             const auto results = app::runSelfTest(app::selfTestOptionsFromEnvironment());
             const bool ok = allPassed(results);
             if (io.json) {
                 QJsonArray checks;
                 for (const auto& r : results)
                     checks.append(QJsonObject{{"name", QString::fromStdString(r.name)},
                                               {"passed", r.passed},
                                               {"detail", QString::fromStdString(r.detail)}});
                 io.out << QJsonDocument(QJsonObject{{"passed", ok}, {"checks", checks}})
                               .toJson(QJsonDocument::Indented)
                               .toStdString();
             } else {
                 for (const auto& r : results)
                     io.out << (r.passed ? "PASS " : "FAIL ") << r.name << ": " << r.detail << "\n";
                 io.out << utf8((ok ? Cli::tr("self-test passed (%1 checks)") : Cli::tr("self-test FAILED (%1 checks)"))
                                    .arg(results.size()))
                        << "\n";
             }
             return ok ? ExitOk : ExitIntegrity;
         },
         utf8(Cli::tr("The test hook CIPHERCHART_SELFTEST_BREAK=<check name> corrupts one check's expected value."))});
}

} // namespace cc::cli
