// SPDX-License-Identifier: GPL-3.0-or-later
// bench_commit_marker: what the commit marker (clinic schema 11, docs/STORAGE.md "A COMMIT that
// fails") costs a transaction. Two clinic databases made alike (the clinic's migrations, the app's
// page size, WAL, synchronous = FULL), the marker turned on in one only; the same transactions run
// on both, interleaved round by round so the shared machine's noise falls on both alike. Prints
// the median time of a transaction with and without the marker and their ratio.
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"
#include "db/ClinicSchema.h"
#include "db/Database.h"
#include "db/Migration.h"
#include "db/Transaction.h"
#include "tests/bench/BenchSupport.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

using namespace cc;
using cc::bench::fmt;
using cc::bench::loadAverage;
using cc::bench::ratio;

namespace {

[[noreturn]] void fail(const std::string& what, const Error& error)
{
    std::cerr << "bench_commit_marker: " << what << ": " << error.message << "\n";
    std::exit(2);
}

constexpr int kTables = 4;

db::Database makeDatabase(const std::filesystem::path& path, bool marker)
{
    auto key = crypto::SystemRng::instance().secureBytes(32);
    auto opened = db::Database::open(path.string(), key, db::OpenMode::CreateIfMissing);
    if (!opened.ok())
        fail(path.string(), opened.error());
    if (auto s = db::migrate(*opened, db::clinicMigrations()); !s.ok())
        fail("migrations", s.error());
    // Rows the size of a sealed note or observation (nonce, tag, JSON of a few hundred bytes), in
    // as many tables as an entry of the app writes at most (the entry, its index row, its audit
    // event, the audit chain's head).
    for (int table = 0; table < kTables; ++table) {
        const auto sql =
            "CREATE TABLE bench_row" + std::to_string(table) + " (id INTEGER PRIMARY KEY, sealed BLOB NOT NULL);";
        if (auto s = opened->exec(sql); !s.ok())
            fail("schema", s.error());
    }
    if (marker)
        opened->enableCommitMarker();
    return std::move(opened).value();
}

/// Seconds per transaction over `count` transactions, each inserting `rows` rows into each of the
/// first `tables` tables.
double runTransactions(db::Database& database, int count, int tables, int rows, const std::vector<std::uint8_t>& sealed)
{
    return cc::bench::timeOnce([&] {
               for (int t = 0; t < count; ++t) {
                   auto tx = db::Transaction::begin(database, db::Transaction::Mode::Immediate);
                   if (!tx.ok())
                       fail("begin", tx.error());
                   for (int table = 0; table < tables; ++table) {
                       auto stmt =
                           database.prepare("INSERT INTO bench_row" + std::to_string(table) + " (sealed) VALUES (?1);");
                       if (!stmt.ok())
                           fail("prepare", stmt.error());
                       for (int r = 0; r < rows; ++r) {
                           if (auto s = stmt->bindBlob(1, sealed); !s.ok())
                               fail("bind", s.error());
                           if (auto step = stmt->step(); !step.ok())
                               fail("insert", step.error());
                           stmt->reset();
                       }
                   }
                   if (auto s = tx->commit(); !s.ok())
                       fail("commit", s.error());
               }
           }) /
           count;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    bool quick = false;
    std::filesystem::path dir = std::filesystem::temp_directory_path();
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick") {
            quick = true;
        } else if (arg == "--dir" && i + 1 < argc) {
            dir = argv[++i];
        } else {
            std::cerr << "usage: bench_commit_marker [--quick] [--dir FOLDER]\n"
                         "  FOLDER: where the two test databases are made (default: the temporary folder;\n"
                         "  use the disk the clinic lives on, since every COMMIT syncs)\n";
            return 2;
        }
    }
    const int rounds = quick ? 2 : 9;
    const int perRound = quick ? 5 : 60;

    std::error_code ec;
    const auto work = dir / ("bench_commit_marker." + std::to_string(::getpid()));
    std::filesystem::remove_all(work, ec);
    if (!std::filesystem::create_directories(work, ec)) {
        std::cerr << "bench_commit_marker: cannot make " << work << ": " << ec.message() << "\n";
        return 2;
    }

    const auto sealed = crypto::SystemRng::instance().bytes(1200);

    std::cout
        << "## bench_commit_marker" << (quick ? " (--quick)" : "") << "\n\nfolder: " << work.string() << ", page size "
        << db::Database::kPageSize << ", load average at start: " << loadAverage() << ", "
        << "rows of " << sealed.size()
        << " bytes\n\n| transaction | without the marker | with the marker | with / without |\n|---|---|---|---|\n";
    int status = 0;
    struct Shape
    {
        int tables;
        int rows;
        const char* what;
    };
    const Shape shapes[] = {
        {1, 1, "1 row in 1 table"},
        {kTables, 1, "1 row in each of 4 tables (an entry, its index row, audit event, chain head)"},
        {1, 10, "10 rows in 1 table"},
        {1, 100, "100 rows in 1 table (an import's batch)"}};
    for (const auto& shape : shapes) {
        const int rows = shape.rows;
        const int tables = shape.tables;
        const auto name = std::to_string(tables) + "x" + std::to_string(rows) + ".db";
        auto without = makeDatabase(work / ("without-" + name), false);
        auto with = makeDatabase(work / ("with-" + name), true);
        std::vector<double> a, b;
        runTransactions(without, 3, tables, rows, sealed); // warm both the same way
        runTransactions(with, 3, tables, rows, sealed);
        for (int round = 0; round < rounds; ++round) {
            // Alternate which goes first, so a slow spell of the machine does not favour one side.
            if (round % 2 == 0) {
                a.push_back(runTransactions(without, perRound, tables, rows, sealed));
                b.push_back(runTransactions(with, perRound, tables, rows, sealed));
            } else {
                b.push_back(runTransactions(with, perRound, tables, rows, sealed));
                a.push_back(runTransactions(without, perRound, tables, rows, sealed));
            }
        }
        const double ma = median(a), mb = median(b);
        std::cout << "| " << shape.what << " | " << fmt(ma * 1e3, "ms") << " | " << fmt(mb * 1e3, "ms") << " | "
                  << ratio(mb / ma) << " |\n";
        if (!(ma > 0 && mb > 0))
            status = 1;
    }
    std::cout << "\nmedians of " << rounds << " rounds of " << perRound
              << " transactions each, interleaved; load average at end: " << loadAverage() << "\n";
    std::filesystem::remove_all(work, ec);
    return status;
}
