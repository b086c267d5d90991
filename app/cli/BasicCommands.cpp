// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/BasicCommands.h"

#include "app/Startup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <ostream>

namespace cc::cli {

void registerBasicCommands(CommandRegistry& registry)
{
    registry.add({{"selftest"},
                  "Run the known-answer self-test of every cryptographic component and print each check",
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
                          io.out << (ok ? "self-test passed" : "self-test FAILED") << " (" << results.size()
                                 << " checks)\n";
                      }
                      return ok ? ExitOk : ExitIntegrity;
                  },
                  "The test hook CIPHERCHART_SELFTEST_BREAK=<check name> corrupts one check's expected value."});
}

} // namespace cc::cli
