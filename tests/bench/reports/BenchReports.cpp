// SPDX-License-Identifier: GPL-3.0-or-later
// bench_reports [--quick] [--bits 2048|3072] [--n N]: one encrypted report over N CD4 observations,
// phases timed (the index seal's verification pass, selection, products, one threshold
// decryption), against the baseline of N × one multiplication mod n² measured in the same run.
// Rows come from an in-memory ReportStore that synthesises them on the fly (64 distinct
// ciphertexts, every row with its own id, patient and MAC, which the seal hashes), so SQLite's reading is not included.
#include "core/crypto/Rng.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/Paillier.h"
#include "core/paillier/Threshold.h"
#include "core/records/BlindToken.h"
#include "core/records/IndexDigester.h"
#include "core/records/ObservationIndexer.h"
#include "core/records/ObservationLayout.h"
#include "core/reports/CellComputation.h"
#include "core/reports/DecryptionShare.h"
#include "core/services/ObservationService.h"
#include "tests/bench/BenchSupport.h"

#include <QFile>

#include <iostream>
#include <set>
#include <thread>

using namespace cc;

namespace {

Error unused()
{
    return makeError(ErrorCode::Unsupported, "not used by the benchmark");
}

// Index rows of one code, synthesised in row-id order.
class SyntheticStore final : public ports::ReportStore
{
public:
    SyntheticStore(std::size_t n, std::vector<std::uint8_t> code, std::vector<std::uint8_t> consent,
                   std::vector<std::vector<std::uint8_t>> ciphertexts, const crypto::SecureBytes& indexKey)
        : m_n(n)
        , m_code(std::move(code))
        , m_consent(std::move(consent))
        , m_cts(std::move(ciphertexts))
        , m_indexKey(indexKey)
    {
        // The MACs are computed once per distinct (row id pattern, ciphertext) up front would not
        // be honest: each row gets its own id, so its MAC is computed here, outside the timing.
        m_macs.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            m_macs.push_back(
                services::ObservationService::rowMac(m_indexKey, rowId(i), m_cts[i % m_cts.size()]).value());
    }

    static model::RowId rowId(std::size_t i)
    {
        model::RowId id{};
        for (int b = 0; b < 8; ++b)
            id[static_cast<std::size_t>(15 - b)] = static_cast<std::uint8_t>(i >> (8 * b));
        id[0] = 0xAA;
        return id;
    }

    Status forEachIndexRow(const std::vector<std::uint8_t>& codeToken,
                           const std::function<Status(ports::ObservationIndexRow&)>& visit) const override
    {
        if (!codeToken.empty() && codeToken != m_code) // empty: every row
            return {};
        ports::ObservationIndexRow row; // overwritten for every row, as the SQLCipher store does
        for (std::size_t i = 0; i < m_n; ++i) {
            row.rowId = rowId(i);
            row.patientRef.bytes = rowId(i / 10);
            row.patientRef.bytes[0] = 0xBB;
            row.codeToken.assign(m_code.begin(), m_code.end());
            row.sexToken.clear();
            row.ageBandToken.clear();
            row.yearToken.clear();
            row.consentToken.assign(m_consent.begin(), m_consent.end());
            row.paillier.assign(m_cts[i % m_cts.size()].begin(), m_cts[i % m_cts.size()].end());
            row.paillierMac.assign(m_macs[i].begin(), m_macs[i].end());
            row.latest = i % 10 == 9;
            CC_TRY(visit(row));
        }
        return {};
    }
    Status
    forEachConditionToken(const std::function<Status(std::span<const std::uint8_t>, std::span<const std::uint8_t>,
                                                     std::span<const std::uint8_t>)>&) const override
    {
        return {}; // no condition rows
    }
    [[nodiscard]] Status forEachChartManifest(
        const std::function<Status(std::span<const std::uint8_t>, std::span<const std::uint8_t>)>&) const override
    {
        return {}; // no chart manifests
    }
    Result<std::set<access::PatientRef>>
    patientsWithConditions(const std::vector<std::vector<std::uint8_t>>&) const override
    {
        return unused();
    }
    Result<bool> conditionTokensComplete() const override { return unused(); }
    Result<bool> valueLayoutsCurrent() const override { return true; }
    Status putShare(const std::array<std::uint8_t, 16>&, std::uint32_t, std::span<const std::uint8_t>) override
    {
        return unused();
    }
    Result<std::vector<std::vector<std::uint8_t>>> sharesOf(const std::array<std::uint8_t, 16>&) const override
    {
        return unused();
    }
    Status putPublishedCohort(const ports::PublishedCohort&) override { return unused(); }
    Result<std::vector<ports::PublishedCohort>> publishedCohorts(std::string_view) const override { return unused(); }

private:
    std::size_t m_n;
    std::vector<std::uint8_t> m_code, m_consent;
    std::vector<std::vector<std::uint8_t>> m_cts;
    const crypto::SecureBytes& m_indexKey;
    std::vector<crypto::Digest256> m_macs;
};

std::string readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

std::vector<std::uint8_t> token(const crypto::SecureBytes& key, records::TokenDimension d, const char* value)
{
    auto t = records::BlindToken::compute(key, d, value).value();
    return {t.begin(), t.end()};
}

} // namespace

int main(int argc, char** argv)
{
    bool quick = false;
    int bits = 3072;
    std::size_t n = 100000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--quick")
            quick = true;
        else if (a == "--bits" && i + 1 < argc)
            bits = std::atoi(argv[++i]);
        else if (a == "--n" && i + 1 < argc)
            n = static_cast<std::size_t>(std::atoll(argv[++i]));
    }
    if (quick) {
        bits = 2048;
        n = 2000;
    }
    const QString keyPath = QStringLiteral(CC_TEST_DATA_DIR "/paillier/test-key-%1.json").arg(bits);
    auto priv = paillier::KeyFile::readPrivate(readFile(keyPath));
    if (!priv.ok()) {
        std::cerr << "cannot read " << keyPath.toStdString() << ": " << priv.error().message << "\n";
        return 1;
    }
    crypto::DeterministicRng rng(42);
    auto dealt = paillier::dealThreshold(std::move(priv).value(), 2, 3, rng);
    if (!dealt.ok()) {
        std::cerr << dealt.error().message << "\n";
        return 1;
    }
    const auto& key = dealt->publicKey;
    const auto indexKey = rng.secureBytes(32);
    const auto& catalogue = interop::UnitsCatalogue::builtIn();
    auto layout = records::ObservationLayout::forCode(catalogue, "24467-3").value();
    std::vector<std::vector<std::uint8_t>> cts;
    for (int k = 0; k < 64; ++k)
        cts.push_back(layout.encrypt(key, static_cast<std::uint64_t>(10000 + 137 * k), rng).value().toBytes());
    SyntheticStore store(n, token(indexKey, records::TokenDimension::ObservationCode, "24467-3"),
                         token(indexKey, records::TokenDimension::ResearchConsent, "yes"), cts, indexKey);
    auto spec =
        reports::ReportSpec::fromJson(
            R"({"version":1,"title":"bench","purpose":"research","measures":[{"code":"24467-3"}],"selection":"all"})")
            .value();

    // Baseline: one multiplication mod n² (Montgomery, one thread) from a sum over M values.
    const std::size_t m = std::min<std::size_t>(n, quick ? 2000 : 50000);
    std::vector<paillier::Ciphertext> values;
    for (std::size_t i = 0; i < m; ++i)
        values.push_back(paillier::Ciphertext::fromBytes(key, cts[i % cts.size()]).value());
    const double baselineOne = bench::timeOnce([&] { (void)paillier::sum(key, values, 1); }) / static_cast<double>(m);
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const double sumBudget = 1.15 * static_cast<double>(n) * baselineOne / cores;

    reports::CellQuery query;
    query.spec = &spec;
    query.indexKey = &indexKey;
    query.key = &key;
    // As a report runs (ReportService::cellQuery): no per-row MAC check, the seal's digest instead.
    // The index seal's standalone verification pass (the whole-clinic verify's): every row's element
    // hashed (records::IndexDigester) while the rows are read. A report does the same hashing inside
    // its own pass (CellQuery::indexDigest), below.
    ports::IndexDigest digest;
    const auto codeToken = token(indexKey, records::TokenDimension::ObservationCode, "24467-3");
    const double sealS = bench::timeOnce([&] {
        records::IndexDigester digester;
        (void)store.forEachIndexRow(codeToken, [&](ports::ObservationIndexRow& row) -> Status {
            digester.addObservation(row);
            return {};
        });
        digest = digester.finish();
    });
    if (digest.observationRows != static_cast<std::int64_t>(n)) {
        std::cerr << "seal pass saw " << digest.observationRows << " rows, not " << n << "\n";
        return 1;
    }
    ports::IndexDigest folded;
    query.indexDigest = &folded;
    reports::ComputationTimes times;
    Result<std::vector<reports::ComputedCell>> cells = makeError(ErrorCode::Internal, "not run");
    const double computeS = bench::timeOnce([&] { cells = reports::computeCells(store, query, &times); });
    if (!cells.ok()) {
        std::cerr << cells.error().message << "\n";
        return 1;
    }
    if (!(folded == digest)) {
        std::cerr << "the report's digest differs from the standalone seal pass\n";
        return 1;
    }
    // One threshold decryption: two partials with proofs, verified and combined.
    const auto context = reports::partialContext(query.reportId, 0);
    std::vector<paillier::PartialDecryption> partials;
    double decryptS = bench::timeOnce([&] {
        for (std::size_t i : {0u, 1u})
            partials.push_back(
                paillier::partialDecrypt(key, dealt->parameters, dealt->shares[i], (*cells)[0].ciphertext, rng, context)
                    .value());
    });
    Result<paillier::Plaintext> plain = makeError(ErrorCode::Internal, "not run");
    decryptS += bench::timeOnce(
        [&] { plain = paillier::combinePartials(key, dealt->parameters, (*cells)[0].ciphertext, partials, context); });
    const auto sum = layout.decode(plain.value()).value();
    if (sum.count != n) {
        std::cerr << "decrypted count " << sum.count << " != " << n << "\n";
        return 1;
    }
    const double endToEnd = computeS + decryptS;
    // The sum phase: the products' CPU time (ciphertext checks included) spread over the threads
    // that ran them, i.e. the wall time of the multiplications alone on those cores.
    const double sumPhase = times.multiplyMs / 1000.0 / std::max(1u, times.threads);
    std::cout << "# bench_reports: " << n << " observations, " << bits << " bits, " << cores << " cores, "
              << times.threads << " multiplying threads, load " << bench::loadAverage() << "\n\n"
              << "| phase | time | note |\n|---|---|---|\n"
              << "| one multiplication mod n² (baseline, 1 thread) | " << bench::fmt(baselineOne * 1e6, "µs")
              << " | over " << m << " values |\n"
              << "| standalone index seal pass (whole-clinic verify; not in a report) | "
              << bench::fmt(sealS * 1000, "ms") << " | " << bench::fmt(sealS * 1e6 / static_cast<double>(n), "µs")
              << " per row (wall) |\n"
              << "| reading and token selection (reader, wall, overlapping) | " << bench::fmt(times.selectMs, "ms")
              << " | |\n"
              << "| the reader thread's CPU | " << bench::fmt(times.selectCpuMs, "ms") << " | |\n"
              << "| index seal hashes (CPU, on the multiplying threads) | " << bench::fmt(times.hashMs, "ms") << " | "
              << bench::fmt(times.hashMs * 1000 / static_cast<double>(n), "µs") << " per row |\n"
              << "| sum phase: products (CPU / threads) | " << bench::fmt(sumPhase * 1000, "ms") << " | budget "
              << bench::fmt(sumBudget * 1000, "ms") << " = 1.15 × N × baseline / " << cores << " → "
              << bench::ratio(sumPhase / sumBudget) << " of budget |\n"
              << "| cells computed with the index digest (wall) | " << bench::fmt(computeS * 1000, "ms")
              << " | reading, seal hashes and products overlapping |\n"
              << "| one threshold decryption (2 partials + combine) | " << bench::fmt(decryptS * 1000, "ms") << " | |\n"
              << "| end to end (cells with the seal's digest + decryption) | " << bench::fmt(endToEnd * 1000, "ms")
              << " | " << bench::ratio(endToEnd / sumPhase) << " of the sum phase (budget 1.40×) |\n";
    return 0;
}
