// SPDX-License-Identifier: GPL-3.0-or-later
// Storage benchmark runner: the same workload on SQLCipher and on plain SQLite, in one run, as ratios.
//
// The two workload copies are separate executables (never two SQLite libraries in one process,
// DESIGN.md section 5); this runner starts each in turn, twice, keeps the faster time of each
// operation and prints SQLCipher / SQLite.
#include "tests/bench/BenchSupport.h"

#include <QString>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace {

using cc::bench::fmt;
using cc::bench::loadAverage;
using cc::bench::ratio;

struct Figure
{
    double seconds = 1e300;
    long count = 0;
};

using Figures = std::map<std::string, Figure>;

/// Runs one workload executable and merges its RESULT lines into `into` (best time kept).
bool runWorkload(const std::string& exe, const std::string& dir, long patients, long each, long cacheKib, long pageSize,
                 Figures& into)
{
    const std::string command = "'" + exe + "' '" + dir + "' " + std::to_string(patients) + " " + std::to_string(each) +
                                " " + std::to_string(cacheKib) + " " + std::to_string(pageSize);
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr)
        return false;
    char line[256];
    while (std::fgets(line, sizeof line, pipe) != nullptr) {
        std::istringstream in(line);
        std::string tag, name;
        Figure f;
        if (in >> tag >> name >> f.seconds >> f.count && tag == "RESULT") {
            auto& slot = into[name];
            if (f.seconds < slot.seconds)
                slot = f;
        }
    }
    return ::pclose(pipe) == 0;
}

} // namespace

int main(int argc, char** argv)
{
    bool quick = false;
    long cacheKib = 64 * 1024; // the page cache of db/Database.cpp (PRAGMA cache_size = -65536)
    long pageSize = 32768;     // db::Database::kPageSize (4096 for clinics created before 2026-12-07)
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--quick")
            quick = true;
        else if (std::string(argv[i]) == "--cache-mib" && i + 1 < argc && std::atol(argv[i + 1]) > 0)
            cacheKib = std::atol(argv[++i]) * 1024;
        else if (std::string(argv[i]) == "--page-size" && i + 1 < argc &&
                 (std::string(argv[i + 1]) == "4096" || std::string(argv[i + 1]) == "16384" ||
                  std::string(argv[i + 1]) == "32768"))
            pageSize = std::atol(argv[++i]);
        else {
            std::cerr << "usage: bench_storage [--quick] [--cache-mib N] [--page-size 4096|16384|32768]\n";
            return 1;
        }
    }
    const long patients = quick ? 50 : 5000;
    const long each = quick ? 4 : 20;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::cerr << "bench_storage: no temporary folder\n";
        return 1;
    }
    std::cout << "## bench_storage" << (quick ? " (--quick)" : "") << "\n\nload average at start: " << loadAverage()
              << "\n\nWorkload: " << patients << " patients, " << patients * each
              << " observations (a sealed row and an index row with a 3072-bit Paillier ciphertext each), "
                 "transactions of 100 patients; then point reads by id on a new connection and the "
                 "observation_index select by code token. Best of 2 runs of each, alternating. Page cache: "
              << (cacheKib == 64 * 1024 ? std::string("64 MiB, as in the app")
                                        : std::to_string(cacheKib / 1024) + " MiB (experiment)")
              << ". Page size: " << pageSize << " bytes" << (pageSize == 32768 ? ", as in the app" : " (older clinics)")
              << ", the same for both.\n";
    Figures plain, cipher;
    for (int round = 0; round < 2; ++round) {
        if (!runWorkload(CC_BENCH_SQLITE_EXE, dir.path().toStdString(), patients, each, cacheKib, pageSize, plain) ||
            !runWorkload(CC_BENCH_SQLCIPHER_EXE, dir.path().toStdString(), patients, each, cacheKib, pageSize,
                         cipher)) {
            std::cerr << "bench_storage: a workload failed\n";
            return 1;
        }
    }
    std::cout << "\n| operation | rows | plain SQLite (baseline) | SQLCipher | ratio |\n|---|---|---|---|---|\n";
    double plainTotal = 0, cipherTotal = 0;
    for (const auto& [name, p] : plain) {
        const auto found = cipher.find(name);
        if (found == cipher.end() || found->second.count != p.count) {
            std::cerr << "bench_storage: the two copies disagree on " << name << "\n";
            return 1;
        }
        const Figure& c = found->second;
        plainTotal += p.seconds;
        cipherTotal += c.seconds;
        std::cout << "| " << name << " | " << p.count << " | " << fmt(p.seconds * 1e3, "ms") << " | "
                  << fmt(c.seconds * 1e3, "ms") << " | " << ratio(c.seconds / p.seconds) << " |\n";
    }
    std::cout << "| whole workload | | " << fmt(plainTotal * 1e3, "ms") << " | " << fmt(cipherTotal * 1e3, "ms")
              << " | " << ratio(cipherTotal / plainTotal) << " |\n";
    const double whole = cipherTotal / plainTotal;
    std::cout << "\n### Budgets\n\n| budget | measured | verdict |\n|---|---|---|\n"
              << "| SQLCipher vs plain SQLite on the same workload under 1.5× (DESIGN §10) | " << ratio(whole) << " | "
              << (whole < 1.5 ? "met" : "NOT met") << " |\n";
    std::cout << "\nload average at end: " << loadAverage() << "\n";
    return 0;
}
