// SPDX-License-Identifier: GPL-3.0-or-later
// Records benchmark: end-to-end import and patient search on a real clinic, against baselines measured in the same run.
#include "core/crypto/Rng.h"
#include "core/crypto/SecureBytes.h"
#include "core/interop/ClinicalImport.h"
#include "core/model/CodeSystem.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/Paillier.h"
#include "core/records/SealedRow.h"
#include "core/services/ImportService.h"
#include "core/services/PatientService.h"
#include "tests/bench/BenchSupport.h"
#include "tests/support/TestClinic.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

using namespace cc;
using SteadyClock = std::chrono::steady_clock;

namespace {

struct Options
{
    bool quick = false;
};

using cc::bench::fmt;
using cc::bench::loadAverage;
using cc::bench::ratio;
using cc::bench::timeOnce;

[[noreturn]] void fail(const std::string& what, const Error& error)
{
    std::cerr << "bench_records: " << what << ": " << error.describe() << "\n";
    std::exit(1);
}

struct Verdict
{
    std::string budget;
    std::string measured;
    bool met;
};

// A clinic whose report key is the TEST fixture key of `bits`, logged in as the fixture's doctor.
std::unique_ptr<test::TestClinic> openClinic(unsigned bits)
{
    const std::string keyJson = test::readTestData("paillier/test-key-" + std::to_string(bits) + ".json");
    auto clinic = test::TestClinic::create([&](services::SetupRequest& request) {
        request.reportKeyBits = bits;
        request.reportKeySource = [keyJson]() { return paillier::KeyFile::readPrivate(keyJson); };
    });
    if (!clinic)
        fail("clinic setup", clinic.error());
    (*clinic)->clinic().logout();
    if (auto s = (*clinic)->login(test::kDoctor, test::kDoctorPassword); !s)
        fail("doctor login", s.error());
    return std::move(clinic).value();
}

// Synthetic records only: names "Bench<i>", MRNs "BENCH-<i>", values from a fixed pattern.
interop::ClinicalImport synthetic(std::size_t firstPatient, std::size_t patients, std::size_t observationsEach)
{
    auto& rng = crypto::SystemRng::instance();
    interop::ClinicalImport data;
    data.patients.reserve(patients);
    data.observations.reserve(patients * observationsEach);
    for (std::size_t i = firstPatient; i < firstPatient + patients; ++i) {
        model::Patient p;
        p.id = model::newRowId(rng);
        p.mrn = QStringLiteral("BENCH-%1").arg(i);
        p.givenName = QStringLiteral("Bench%1").arg(i);
        p.familyName = QStringLiteral("Synthetic");
        p.birthDate = QStringLiteral("1970-01-01");
        p.sex = i % 2 == 0 ? model::Sex::Female : model::Sex::Male;
        for (std::size_t j = 0; j < observationsEach; ++j) {
            model::Observation o;
            o.id = model::newRowId(rng);
            o.patientId = p.id;
            o.codeSystem = QString::fromLatin1(model::codesystem::kLoinc);
            o.category = QStringLiteral("vital-signs");
            o.effective = QStringLiteral("2024-01-%1T10:00:00Z").arg(j % 28 + 1, 2, 10, QLatin1Char('0'));
            if (j % 2 == 0) {
                o.code = QStringLiteral("8480-6");
                o.display = QStringLiteral("Systolic blood pressure");
                o.value = 100.0 + static_cast<double>((i + j) % 60);
                o.unit = QStringLiteral("mm[Hg]");
            } else {
                o.code = QStringLiteral("29463-7");
                o.display = QStringLiteral("Body weight");
                o.value = 50.0 + static_cast<double>((i * 7 + j) % 500) / 10.0;
                o.unit = QStringLiteral("kg");
            }
            data.observations.push_back(std::move(o));
        }
        data.patients.push_back(std::move(p));
    }
    return data;
}

void benchImport(unsigned bits, const Options& opt, std::vector<Verdict>& verdicts)
{
    const std::size_t patients = opt.quick ? 4 : 100;
    const std::size_t each = opt.quick ? 10 : 30;
    const std::size_t count = patients * each;
    auto clinic = openClinic(bits);

    // Baseline: the Paillier encryptions alone, same count, 2 threads (warm table first).
    const std::string keyJson = test::readTestData("paillier/test-key-" + std::to_string(bits) + ".json");
    auto key = paillier::KeyFile::readPrivate(keyJson);
    if (!key)
        fail("key", key.error());
    const paillier::PublicKey pub = key->publicKey();
    auto& rng = crypto::SystemRng::instance();
    (void)paillier::encrypt(pub, paillier::Plaintext(1), rng);
    std::vector<paillier::Plaintext> values;
    values.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        values.emplace_back(static_cast<std::int64_t>(1000 + i % 5000));
    const double baseline = timeOnce([&] {
        auto c = paillier::encryptBatch(pub, values, rng, 2);
        if (!c)
            fail("encryptBatch", c.error());
    });

    auto data = synthetic(0, patients, each);
    services::ImportService importer(clinic->clinic());
    const double warm = timeOnce([&] { // first import also builds the DJN table for this key
        auto r = importer.importRecords(synthetic(1000000, 1, 2), "bench");
        if (!r)
            fail("warm-up import", r.error());
    });
    (void)warm;
    const double seconds = timeOnce([&] {
        auto r = importer.importRecords(std::move(data), "bench");
        if (!r)
            fail("import", r.error());
    });
    const double rate = static_cast<double>(count) / seconds;
    const double baseRate = static_cast<double>(count) / baseline;

    std::cout << "\n### Import at " << bits << " bits: " << patients << " patients × " << each
              << " numeric observations = " << count << "\n\n";
    std::cout << "| operation | time | numeric obs/s | ratio |\n|---|---|---|---|\n";
    std::cout << "| Paillier encryptBatch alone, 2 threads (baseline) | " << fmt(baseline, "s") << " | "
              << fmt(baseRate, "obs/s") << " | 1.00× |\n";
    std::cout << "| ImportService::importRecords end to end | " << fmt(seconds, "s") << " | " << fmt(rate, "obs/s")
              << " | " << ratio(seconds / baseline) << " the baseline time |\n";
    if (bits == 3072)
        verdicts.push_back({"import ≥ 500 numeric observations/s end to end at 3072 bits (DESIGN §10)",
                            fmt(rate, "obs/s"), rate >= 500.0});
}

void benchSearch(const Options& opt, std::vector<Verdict>& verdicts)
{
    const std::size_t patients = opt.quick ? 50 : 10000;
    auto clinic = openClinic(2048);
    services::ImportService importer(clinic->clinic());
    const double importSeconds = timeOnce([&] {
        auto r = importer.importRecords(synthetic(0, patients, 1), "bench");
        if (!r)
            fail("search import", r.error());
    });

    services::PatientService service(clinic->clinic());
    std::size_t hits = 0;
    const double first = timeOnce([&] {
        auto r = service.list(QStringLiteral("Bench7"));
        if (!r)
            fail("list", r.error());
        hits = r->size();
    });
    const int repeats = opt.quick ? 3 : 5;
    double later = 0;
    for (int i = 0; i < repeats; ++i)
        later += timeOnce([&] {
            auto r = service.list(QStringLiteral("Bench%1").arg(i + 1));
            if (!r)
                fail("list", r.error());
        });
    later /= repeats;
    const double all = timeOnce([&] {
        auto r = service.list();
        if (!r || r->size() != patients)
            fail("list all", r ? makeError(ErrorCode::Internal, "wrong count") : r.error());
    });

    // Baseline: open (AES-256-GCM) and parse the same number of identity documents, each under its
    // own key as in the store, with no database, key unwrapping or access checks.
    auto& rng = crypto::SystemRng::instance();
    auto docs = synthetic(0, patients, 0);
    std::vector<crypto::SecureBytes> keys;
    std::vector<std::vector<std::uint8_t>> blobs;
    for (const auto& p : docs.patients) {
        keys.push_back(rng.secureBytes(32));
        const QByteArray json = p.toJson();
        auto blob = records::SealedRow::seal(
            keys.back(), 1, services::PatientService::kTable, services::PatientService::kColumn, p.id,
            {reinterpret_cast<const std::uint8_t*>(json.constData()), static_cast<std::size_t>(json.size())}, rng);
        if (!blob)
            fail("seal", blob.error());
        blobs.push_back(std::move(*blob));
    }
    const double baseline = timeOnce([&] {
        for (std::size_t i = 0; i < blobs.size(); ++i) {
            auto plain = records::SealedRow::open(keys[i], 1, services::PatientService::kTable,
                                                  services::PatientService::kColumn, docs.patients[i].id, blobs[i]);
            if (!plain)
                fail("open", plain.error());
            auto p = model::Patient::fromJson(
                QByteArray(reinterpret_cast<const char*>(plain->data()), static_cast<qsizetype>(plain->size())));
            if (!p)
                fail("parse", p.error());
        }
    });

    const double per100k = later * 100000.0 / static_cast<double>(patients);
    std::cout << "\n### Patient search: " << patients << " patients (imported in " << fmt(importSeconds, "s")
              << ", 1 observation each, 2048 bits)\n\n";
    std::cout << "| operation | time | ratio |\n|---|---|---|\n";
    std::cout << "| open + parse " << patients << " identity documents outside the service (baseline) | "
              << fmt(baseline * 1e3, "ms") << " | 1.00× |\n";
    std::cout << "| PatientService::list(\"Bench7\"), first call (" << hits << " hits) | " << fmt(first * 1e3, "ms")
              << " | " << ratio(first / baseline) << " |\n";
    std::cout << "| PatientService::list(search), later calls (mean of " << repeats << ") | " << fmt(later * 1e3, "ms")
              << " | " << ratio(later / baseline) << " |\n";
    std::cout << "| PatientService::list() without search | " << fmt(all * 1e3, "ms") << " | " << ratio(all / baseline)
              << " |\n";
    std::cout << "| later search, extrapolated linearly to 100,000 patients (not measured) | "
              << fmt(per100k * 1e3, "ms") << " | |\n";
    verdicts.push_back(
        {"search < 100 ms over 100,000 patients (linear extrapolation from " + std::to_string(patients) + ")",
         fmt(per100k * 1e3, "ms"), per100k < 0.1});
}

} // namespace

int main(int argc, char** argv)
{
    Options opt;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--quick")
            opt.quick = true;
        else {
            std::cerr << "usage: bench_records [--quick]\n";
            return 1;
        }
    }
    std::cout << "## bench_records" << (opt.quick ? " (--quick)" : "") << "\n\nload average at start: " << loadAverage()
              << "\n";
    std::vector<Verdict> verdicts;
    benchImport(2048, opt, verdicts);
    benchImport(3072, opt, verdicts);
    benchSearch(opt, verdicts);
    std::cout << "\n### Budgets\n\n| budget | measured | verdict |\n|---|---|---|\n";
    for (const auto& v : verdicts)
        std::cout << "| " << v.budget << " | " << v.measured << " | " << (v.met ? "met" : "NOT met") << " |\n";
    std::cout << "\nload average at end: " << loadAverage() << "\n";
    return 0;
}
