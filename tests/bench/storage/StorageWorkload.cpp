// SPDX-License-Identifier: GPL-3.0-or-later
// The storage workload, compiled twice: against SQLCipher (keyed) and against plain SQLite (DESIGN.md section 5).
//
// Each copy is its own executable, so the two SQLite libraries never share a process. The schema
// is the record tables of db/ClinicSchema.cpp (migration 3) and the pragmas those of db/Database.cpp;
// the rows are random bytes of the sizes the app writes (sealed documents, wrapped keys, blind
// tokens, 3072-bit Paillier ciphertexts). Prints one "RESULT <operation> <seconds> <count>" line
// per operation for bench_storage, which runs both copies and prints the ratios.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

#ifdef CC_BENCH_SQLCIPHER
constexpr const char* kVariant = "sqlcipher";
#else
constexpr const char* kVariant = "sqlite";
#endif

[[noreturn]] void die(sqlite3* db, const char* what)
{
    std::fprintf(stderr, "bench_storage_%s: %s: %s\n", kVariant, what, db ? sqlite3_errmsg(db) : "");
    std::exit(1);
}

void exec(sqlite3* db, const char* sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        die(db, sql);
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        die(db, sql);
    return stmt;
}

void step(sqlite3* db, sqlite3_stmt* stmt)
{
    if (sqlite3_step(stmt) != SQLITE_DONE)
        die(db, "step");
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
}

/// Benchmark data only: a seeded generator, so both copies write the same bytes.
struct Bytes
{
    std::mt19937_64 gen;
    explicit Bytes(std::uint64_t seed) : gen(seed) {}
    std::vector<unsigned char> take(std::size_t n)
    {
        std::vector<unsigned char> out(n);
        for (auto& b : out)
            b = static_cast<unsigned char>(gen());
        return out;
    }
};

void bind(sqlite3* db, sqlite3_stmt* s, int i, const std::vector<unsigned char>& v)
{
    if (sqlite3_bind_blob(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        die(db, "bind");
}

sqlite3* open(const std::string& path, long cacheKib, long pageSize)
{
    const std::string pages = std::to_string(pageSize);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        die(db, "open");
#ifdef CC_BENCH_SQLCIPHER
    // A fixed benchmark key (no data worth protecting); raw-key form as in db/RawKey.cpp.
    exec(db, "PRAGMA key = \"x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'\";");
    exec(db, ("PRAGMA cipher_page_size = " + pages + ";").c_str());
#else
    exec(db, ("PRAGMA page_size = " + pages + ";").c_str());
#endif
    // Prove which library this copy runs on: SQLCipher answers cipher_version, plain SQLite does not.
    sqlite3_stmt* version = nullptr;
    bool cipher = false;
    if (sqlite3_prepare_v2(db, "PRAGMA cipher_version;", -1, &version, nullptr) == SQLITE_OK) {
        cipher = sqlite3_step(version) == SQLITE_ROW && sqlite3_column_bytes(version, 0) > 0;
        sqlite3_finalize(version);
    }
#ifdef CC_BENCH_SQLCIPHER
    if (!cipher)
        die(db, "linked SQLite is not SQLCipher");
#else
    if (cipher)
        die(db, "the plain-SQLite copy is linked to SQLCipher");
#endif
    exec(db, "PRAGMA journal_mode = WAL;");
    exec(db, "PRAGMA synchronous = FULL;");
    exec(db, "PRAGMA temp_store = MEMORY;");
    exec(db, "PRAGMA secure_delete = ON;");
    exec(db, "PRAGMA foreign_keys = ON;");
    // The page cache of db/Database.cpp (64 MiB) unless the runner asks for another size.
    exec(db, ("PRAGMA cache_size = -" + std::to_string(cacheKib) + ";").c_str());
    return db;
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4 || argc > 6) {
        std::fprintf(stderr, "usage: %s DIR PATIENTS OBSERVATIONS-PER-PATIENT [CACHE-KIB [PAGE-SIZE]]\n", argv[0]);
        return 1;
    }
    const long cacheKib = argc >= 5 ? std::atol(argv[4]) : 64 * 1024; // db/Database.cpp's page cache
    const long pageSize = argc == 6 ? std::atol(argv[5]) : 32768;     // db::Database::kPageSize
    if (pageSize != 4096 && pageSize != 16384 && pageSize != 32768)
        return 1;
    const std::string path = std::string(argv[1]) + "/bench-" + kVariant + ".db";
    const long patients = std::atol(argv[2]);
    const long each = std::atol(argv[3]);
    if (patients <= 0 || each <= 0 || cacheKib <= 0)
        return 1;
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");

    sqlite3* db = open(path, cacheKib, pageSize);
    exec(db, "CREATE TABLE patients (id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
             " identity_key_id INTEGER NOT NULL, identity_key_wrapped BLOB NOT NULL,"
             " clinical_key_id INTEGER NOT NULL, clinical_key_wrapped BLOB NOT NULL, doc BLOB NOT NULL);");
    exec(db, "CREATE TABLE clinical_rows (id BLOB NOT NULL PRIMARY KEY CHECK (length(id) = 16),"
             " patient_id BLOB NOT NULL REFERENCES patients(id),"
             " encounter_id BLOB CHECK (encounter_id IS NULL OR length(encounter_id) = 16),"
             " kind TEXT NOT NULL, doc BLOB NOT NULL);");
    exec(db, "CREATE INDEX clinical_rows_by_patient ON clinical_rows (patient_id, kind);");
    exec(db, "CREATE TABLE observation_index (row_id BLOB NOT NULL PRIMARY KEY REFERENCES clinical_rows(id),"
             " patient_id BLOB NOT NULL CHECK (length(patient_id) = 16),"
             " code_token BLOB NOT NULL CHECK (length(code_token) = 16), sex_token BLOB, age_band_token BLOB,"
             " year_token BLOB, consent_token BLOB, paillier BLOB, paillier_mac BLOB,"
             " latest INTEGER NOT NULL DEFAULT 0 CHECK (latest IN (0, 1)));");
    exec(db, "CREATE INDEX observation_index_by_code ON observation_index (code_token);");
    exec(db, "CREATE INDEX observation_index_by_patient ON observation_index (patient_id, code_token);");

    Bytes rnd(20261121);
    constexpr int kCodes = 8;
    std::vector<std::vector<unsigned char>> codes;
    for (int i = 0; i < kCodes; ++i)
        codes.push_back(rnd.take(16));
    std::vector<std::vector<unsigned char>> rowIds;
    rowIds.reserve(static_cast<std::size_t>(patients * each));

    // Insert: one transaction per 100 patients, as an import batch.
    auto* insPatient = prepare(
        db,
        "INSERT INTO patients (id, identity_key_id, identity_key_wrapped, clinical_key_id, clinical_key_wrapped, doc) "
        "VALUES (?, 1, ?, 2, ?, ?);");
    auto* insRow = prepare(db, "INSERT INTO clinical_rows (id, patient_id, encounter_id, kind, doc)"
                               " VALUES (?, ?, NULL, 'observation', ?);");
    auto* insIndex = prepare(db, "INSERT INTO observation_index (row_id, patient_id, code_token, sex_token,"
                                 " age_band_token, year_token, consent_token, paillier, paillier_mac, latest)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0);");
    const auto insertStart = std::chrono::steady_clock::now();
    for (long p = 0; p < patients; ++p) {
        if (p % 100 == 0)
            exec(db, "BEGIN IMMEDIATE;");
        const auto pid = rnd.take(16);
        bind(db, insPatient, 1, pid);
        bind(db, insPatient, 2, rnd.take(40));  // wrapped identity key
        bind(db, insPatient, 3, rnd.take(40));  // wrapped clinical key
        bind(db, insPatient, 4, rnd.take(420)); // sealed identity document
        step(db, insPatient);
        for (long j = 0; j < each; ++j) {
            auto rid = rnd.take(16);
            bind(db, insRow, 1, rid);
            bind(db, insRow, 2, pid);
            bind(db, insRow, 3, rnd.take(330)); // sealed observation document
            step(db, insRow);
            bind(db, insIndex, 1, rid);
            bind(db, insIndex, 2, pid);
            bind(db, insIndex, 3, codes[static_cast<std::size_t>(j % kCodes)]);
            for (int t = 4; t <= 7; ++t)
                bind(db, insIndex, t, rnd.take(16));
            bind(db, insIndex, 8, rnd.take(12 + 768)); // 3072-bit Paillier ciphertext blob
            bind(db, insIndex, 9, rnd.take(32));
            step(db, insIndex);
            rowIds.push_back(std::move(rid));
        }
        if (p % 100 == 99 || p == patients - 1)
            exec(db, "COMMIT;");
    }
    const double insertSeconds = seconds(insertStart);
    sqlite3_finalize(insPatient);
    sqlite3_finalize(insRow);
    sqlite3_finalize(insIndex);
    sqlite3_close(db);
    std::printf("RESULT insert %.6f %ld\n", insertSeconds, patients * (1 + 2 * each));

    // Reads on a freshly opened connection (cold page cache; the OS cache is warm for both).
    db = open(path, cacheKib, pageSize);
    auto* byId = prepare(db, "SELECT doc FROM clinical_rows WHERE id = ?;");
    std::mt19937_64 pick(7);
    const long reads = std::min<long>(20000, static_cast<long>(rowIds.size()) * 2);
    std::size_t bytesRead = 0;
    const auto readStart = std::chrono::steady_clock::now();
    for (long i = 0; i < reads; ++i) {
        bind(db, byId, 1, rowIds[pick() % rowIds.size()]);
        if (sqlite3_step(byId) != SQLITE_ROW)
            die(db, "point read");
        bytesRead += static_cast<std::size_t>(sqlite3_column_bytes(byId, 0));
        sqlite3_reset(byId);
    }
    std::printf("RESULT point-read %.6f %ld\n", seconds(readStart), reads);
    sqlite3_finalize(byId);

    auto* byCode = prepare(db, "SELECT row_id, patient_id, paillier, paillier_mac FROM observation_index"
                               " WHERE code_token = ?;");
    long selected = 0;
    const auto selectStart = std::chrono::steady_clock::now();
    for (const auto& code : codes) {
        bind(db, byCode, 1, code);
        int rc;
        while ((rc = sqlite3_step(byCode)) == SQLITE_ROW) {
            bytesRead += static_cast<std::size_t>(sqlite3_column_bytes(byCode, 2));
            ++selected;
        }
        if (rc != SQLITE_DONE)
            die(db, "select by code");
        sqlite3_reset(byCode);
    }
    std::printf("RESULT select-by-code %.6f %ld\n", seconds(selectStart), selected);
    sqlite3_finalize(byCode);
    sqlite3_close(db);
    if (selected != static_cast<long>(rowIds.size()) || bytesRead == 0)
        die(nullptr, "wrong row count");
    // The SQLCipher file must not start with SQLite's plaintext header; the plain one must.
    char header[16] = {};
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
        const std::size_t got = std::fread(header, 1, sizeof header, f);
        std::fclose(f);
        const bool plain = got == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
#ifdef CC_BENCH_SQLCIPHER
        if (plain)
            die(nullptr, "the SQLCipher file is not encrypted");
#else
        if (!plain)
            die(nullptr, "the plain SQLite file has no SQLite header");
#endif
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    return 0;
}
