// SPDX-License-Identifier: GPL-3.0-or-later
// bench_clinic_report --clinic DIR --spec FILE [--user NAME --password TEXT]: one encrypted report
// through the real services on a real clinic folder (`cipherchart-cli demo generate`), the way an
// administrator and a custodian run it: ReportService::run over SQLCipher's observation index, one
// custodian's decryptShare (recomputation from the clinic's rows, partial decryptions, proofs) and
// publish, each timed, against one multiplication mod n² measured in the same run.
// `--quick` (CTest): a fixture clinic with the 2048-bit test key and 3,000 imported observations.
#include "core/Clock.h"
#include "core/crypto/Rng.h"
#include "core/interop/ClinicalImport.h"
#include "core/model/CodeSystem.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/Paillier.h"
#include "core/paillier/Threshold.h"
#include "core/records/ObservationLayout.h"
#include "core/reports/DecryptionShare.h"
#include "core/reports/ReportFile.h"
#include "core/reports/ReportSpec.h"
#include "core/services/ImportService.h"
#include "core/services/ReportService.h"
#include "db/ClinicStore.h"
#include "db/SqlReportStore.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/TestClinic.h"

#include <QDate>
#include <QFile>

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace cc;

namespace {

using bench::fmt;
using bench::ratio;
using bench::timeOnce;

[[noreturn]] void fail(const std::string& what, const Error& error)
{
    std::cerr << "bench_clinic_report: " << what << ": " << error.describe() << "\n";
    std::exit(1);
}

// The quick run's spec: CD4 by age band (ten bands) and year (ten years), 100 cells.
constexpr const char* kHundredCells =
    R"({"version":1,"title":"CD4 by age band and year","purpose":"quality","measures":[{"code":"24467-3"}],)"
    R"("selection":"all","filters":{"ageBands":["0-9","10-19","20-29","30-39","40-49","50-59","60-69","70-79",)"
    R"("80-89","90-99"],"years":{"from":2015,"to":2024}},"groupBy":["ageBand","year"]})";

// Fixture patients born 1941-2015, CD4 counts dated 2015-2024 (as `demo generate` draws them).
interop::ClinicalImport quickRecords(std::size_t patients, std::size_t each)
{
    auto& rng = crypto::SystemRng::instance();
    interop::ClinicalImport data;
    for (std::size_t i = 0; i < patients; ++i) {
        model::Patient p;
        p.id = model::newRowId<access::PatientId>(rng);
        p.mrn = QStringLiteral("BENCH-%1").arg(i);
        p.givenName = QStringLiteral("Bench%1").arg(i);
        p.familyName = QStringLiteral("Synthetic");
        p.birthDate = QDate(1941, 1, 1).addDays(static_cast<qint64>(rng.uniform(75 * 365))).toString(Qt::ISODate);
        p.sex = i % 2 == 0 ? model::Sex::Female : model::Sex::Male;
        for (std::size_t j = 0; j < each; ++j) {
            model::Observation o;
            o.id = model::newRowId(rng);
            o.patientId = p.id;
            o.codeSystem = QString::fromLatin1(model::codesystem::kLoinc);
            o.category = QStringLiteral("laboratory");
            o.code = QStringLiteral("24467-3");
            o.display = QStringLiteral("CD4 cells");
            o.unit = QStringLiteral("/uL");
            o.value = static_cast<double>(200 + rng.uniform(800));
            o.effective = QDate(2015, 1, 1).addDays(static_cast<qint64>(rng.uniform(10 * 365))).toString(Qt::ISODate) +
                          QStringLiteral("T10:00:00Z");
            data.observations.push_back(std::move(o));
        }
        data.patients.push_back(std::move(p));
    }
    return data;
}

std::string readText(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        fail("read", makeError(ErrorCode::NotFound, "cannot read " + path));
    return f.readAll().toStdString();
}

struct Baseline
{
    double multiplication = 0; ///< seconds, one multiplication mod n²
    double decryption = 0;     ///< seconds, one 2-of-3 threshold decryption: two partials with proofs, combined
};

// One multiplication mod n² (Montgomery, one thread), from a sum over `m` ciphertexts, and one
// threshold decryption, under the fixture key of the clinic key's size (the costs depend on the
// modulus size only; the clinic's own shares stay in its custodians' slots).
Baseline measureBaseline(unsigned bits, std::size_t m)
{
    auto priv =
        paillier::KeyFile::readPrivate(test::readTestData("paillier/test-key-" + std::to_string(bits) + ".json"));
    if (!priv)
        fail("fixture key of " + std::to_string(bits) + " bits", priv.error());
    const paillier::PublicKey key = priv->publicKey();
    auto layout = records::ObservationLayout::forCode(interop::UnitsCatalogue::builtIn(), "24467-3");
    if (!layout)
        fail("layout", layout.error());
    auto& rng = crypto::SystemRng::instance();
    std::vector<paillier::Ciphertext> distinct;
    for (int k = 0; k < 64; ++k)
        distinct.push_back(layout->encrypt(key, static_cast<std::uint64_t>(300 + 7 * k), rng).value());
    std::vector<paillier::Ciphertext> values;
    values.reserve(m);
    for (std::size_t i = 0; i < m; ++i)
        values.push_back(distinct[i % distinct.size()]);
    Baseline out;
    out.multiplication = timeOnce([&] { (void)paillier::sum(key, values, 1); }) / static_cast<double>(m);
    auto dealt = paillier::dealThreshold(std::move(priv).value(), 2, 3, rng);
    if (!dealt)
        fail("dealing the fixture key", dealt.error());
    const auto context = reports::partialContext(reports::ReportId{}, 0);
    Result<paillier::Plaintext> plain = makeError(ErrorCode::Internal, "not run");
    out.decryption = timeOnce([&] {
        std::vector<paillier::PartialDecryption> partials;
        for (std::size_t i : {0u, 1u})
            partials.push_back(paillier::partialDecrypt(dealt->publicKey, dealt->parameters, dealt->shares[i],
                                                        distinct[0], rng, context)
                                   .value());
        plain = paillier::combinePartials(dealt->publicKey, dealt->parameters, distinct[0], partials, context);
    });
    if (!plain)
        fail("threshold decryption", plain.error());
    return out;
}

// The process's CPU time (user + system, every thread), in seconds.
double processCpuS()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

struct Measured
{
    std::size_t cells = 0;
    std::size_t released = 0;
    std::size_t withheld = 0;
    unsigned bits = 0;
    reports::ComputationTimes times;
    double runS = 0;
    double runCpuS = 0; ///< the whole process's CPU during the run (every thread)
    double shareS = 0;
    double publishS = 0;
};

// As the administrator (RunReports, and in a demo or fixture clinic the sole custodian): run,
// contribute the share, publish.
Measured measure(services::ClinicService& clinic, db::ClinicStore& store, const std::string& specJson)
{
    auto spec = reports::ReportSpec::fromJson(QByteArray::fromStdString(specJson), "spec");
    if (!spec)
        fail("spec", spec.error());
    db::SqlReportStore reportStore(store.database());
    services::ReportService service(clinic, reportStore);
    Measured out;
    Result<std::vector<std::uint8_t>> file = makeError(ErrorCode::Internal, "not run");
    const double cpuBefore = processCpuS();
    out.runS = timeOnce([&] { file = service.run(*spec, &out.times); });
    out.runCpuS = processCpuS() - cpuBefore;
    if (!file)
        fail("report run", file.error());
    auto read = reports::ReportFile::read(*file);
    if (!read)
        fail("report file", read.error());
    out.cells = read->cells.size();
    // n² has 2 × bits bits: its wire form's length gives the key size.
    const std::size_t squareBits = read->cells.front().ciphertext.size() * 8;
    out.bits = static_cast<unsigned>((squareBits / 2 + 512) / 1024 * 1024);
    Result<services::ShareOutcome> share = makeError(ErrorCode::Internal, "not run");
    out.shareS = timeOnce([&] { share = service.decryptShare(*file); });
    if (!share)
        fail("report decrypt-share", share.error());
    out.released = share->cellsDecrypted;
    out.withheld = share->cellsWithheld;
    Result<services::PublishOutcome> published = makeError(ErrorCode::Internal, "not run");
    out.publishS = timeOnce([&] { published = service.publish(*file); });
    if (!published)
        fail("report publish", published.error());
    return out;
}

void print(const std::string& title, const Measured& r, const Baseline& base)
{
    const double baselineOne = base.multiplication;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const double n = static_cast<double>(r.times.rows);
    const double sumPhase = r.times.multiplyMs / 1000.0 / std::max(1u, r.times.threads);
    const double sumBudget = 1.15 * n * baselineOne / cores;
    // The budget counts one pass (select, seal, sums) and one threshold decryption. The clinic's
    // own decryption happens inside the custodian's share and the publication, each of which
    // first recomputes the cells from the clinic's rows (another pass each, reported below); the
    // decryption itself is measured apart with the fixture key of the same size.
    const double endToEnd = r.runS + base.decryption;
    const double wholeFlow = r.runS + r.shareS + r.publishS;
    std::cout << "## " << title << "\n\n"
              << "# " << r.times.rows << " index rows selected, " << r.cells << " cells (" << r.released
              << " released, " << r.withheld << " withheld), " << r.bits << " bits, " << cores << " cores, "
              << r.times.threads << " multiplying threads, load " << bench::loadAverage() << "\n\n"
              << "| phase | time | note |\n|---|---|---|\n"
              << "| one multiplication mod n² (baseline, 1 thread) | " << fmt(baselineOne * 1e6, "µs")
              << " | fixture key of the same size |\n"
              << "| reading SQLCipher's index and token selection (reader, wall, overlapping) | "
              << fmt(r.times.selectMs, "ms") << " | |\n"
              << "| the reader thread's CPU (SQLCipher's pages, row decoding, token selection) | "
              << fmt(r.times.selectCpuMs, "ms") << " | |\n"
              << "| index seal hashes (CPU, on the multiplying threads) | " << fmt(r.times.hashMs, "ms") << " | |\n"
              << "| sum phase: products (CPU / threads) | " << fmt(sumPhase * 1000, "ms") << " | budget "
              << fmt(sumBudget * 1000, "ms") << " = 1.15 × N × baseline / " << cores << " → "
              << ratio(sumBudget > 0 ? sumPhase / sumBudget : 0) << " of budget |\n"
              << "| `report run` (ReportService::run, wall: set-up, cells, seal check, signed file) | "
              << fmt(r.runS * 1000, "ms") << " | one pass over the index |\n"
              << "| of which the cells (reports::computeCells, wall: blinds, read, products, merged) | "
              << fmt(r.times.totalMs, "ms") << " | the rest: session checks, seal check, signed file, audit |\n"
              << "| the process's CPU during `report run` (every thread) | " << fmt(r.runCpuS * 1000, "ms") << " | "
              << ratio(r.runS > 0 ? r.runCpuS / r.runS : 0) << " of its wall time (" << cores << " cores) |\n"
              << "| one custodian's share (decryptShare, wall: recomputation, partials, proofs, stored) | "
              << fmt(r.shareS * 1000, "ms") << " | a second pass |\n"
              << "| publish (recomputation for disclosure control, partials verified and combined, signed file) | "
              << fmt(r.publishS * 1000, "ms") << " | a third pass |\n"
              << "| one threshold decryption (2 partials with proofs + combine, fixture key of the same size) | "
              << fmt(base.decryption * 1000, "ms") << " | |\n"
              << "| end to end as budgeted: run + threshold decryption | " << fmt(endToEnd * 1000, "ms") << " | "
              << ratio(sumPhase > 0 ? endToEnd / sumPhase : 0) << " of the sum phase (budget 1.40×) |\n"
              << "| the whole flow: run + one share + publish (three passes) | " << fmt(wholeFlow * 1000, "ms") << " | "
              << ratio(sumPhase > 0 ? wholeFlow / sumPhase : 0) << " of the sum phase |\n\n";
}

} // namespace

int main(int argc, char** argv)
{
    bool quick = false;
    std::string dir, specPath, user = "admin", password = "demo-admin-pass";
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--quick")
            quick = true;
        else if (a == "--clinic" && i + 1 < argc)
            dir = argv[++i];
        else if (a == "--spec" && i + 1 < argc)
            specPath = argv[++i];
        else if (a == "--user" && i + 1 < argc)
            user = argv[++i];
        else if (a == "--password" && i + 1 < argc)
            password = argv[++i];
        else {
            std::cerr
                << "usage: bench_clinic_report --quick | --clinic DIR --spec FILE [--user NAME --password TEXT]\n";
            return 2;
        }
    }
    if (quick) {
        auto clinic = test::TestClinic::create();
        if (!clinic)
            fail("clinic setup", clinic.error());
        (*clinic)->clinic().logout();
        if (auto s = (*clinic)->login(test::kDoctor, test::kDoctorPassword); !s)
            fail("doctor login", s.error());
        services::ImportService import((*clinic)->clinic());
        auto imported = import.importRecords(quickRecords(300, 10), "bench", {});
        if (!imported)
            fail("import", imported.error());
        (*clinic)->clinic().logout();
        if (auto s = (*clinic)->login(test::kAdmin, test::kAdminPassword); !s)
            fail("administrator login", s.error());
        const Measured r = measure((*clinic)->clinic(), (*clinic)->store(), kHundredCells);
        if (r.times.rows != 3000 || r.cells != 100) {
            std::cerr << "bench_clinic_report: expected 3000 rows in 100 cells, got " << r.times.rows << " in "
                      << r.cells << "\n";
            return 1;
        }
        print("Quick run: fixture clinic, 300 patients, 3,000 CD4 counts", r, measureBaseline(r.bits, 2000));
        return 0;
    }
    if (dir.empty() || specPath.empty()) {
        std::cerr << "usage: bench_clinic_report --quick | --clinic DIR --spec FILE [--user NAME --password TEXT]\n";
        return 2;
    }
    const std::string specJson = readText(specPath);
    auto opened = db::ClinicStore::openFolder(dir);
    if (!opened)
        fail("open " + dir, opened.error());
    db::ClinicStore store = std::move(opened).value();
    SystemClock clock;
    services::ServiceOptions options;
    options.workstation = "bench";
    services::ClinicService clinic(store, clock, crypto::SystemRng::instance(), options);
    if (auto s = clinic.login(user, test::bytes(password)); !s)
        fail("login as " + user, s.error());
    const Measured r = measure(clinic, store, specJson);
    print("Clinic " + dir + ", spec " + specPath, r, measureBaseline(r.bits, 50000));
    clinic.logout();
    return 0;
}
