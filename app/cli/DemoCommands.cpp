// SPDX-License-Identifier: GPL-3.0-or-later
// `demo init` and `demo generate`: both build a clinic marked demo through app/DemoClinic, the
// first with the bundled Synthea sample, the second with synthetic patients and observations.
#include "app/cli/DemoCommands.h"

#include "app/DemoClinic.h"
#include "app/cli/ClinicCli.h"
#include "app/cli/ProgressBar.h"
#include "app/cli/RecordCommands.h"
#include "core/access/Session.h"
#include "core/crypto/Rng.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/model/CodeSystem.h"
#include "core/paillier/KeyFile.h"
#include "core/services/ImportService.h"
#include "db/AtomicFile.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <ostream>

namespace cc::cli {
namespace {

/// Redraws one progress bar per step ("report key", "import", "generate").
class StepProgress
{
public:
    explicit StepProgress(std::ostream& out) : m_out(out) {}
    bool update(const std::string& step, std::size_t done, std::size_t total)
    {
        if (step != m_step) {
            if (m_bar)
                m_bar->finish();
            m_step = step;
            m_bar = std::make_unique<ProgressBar>(m_out, step, ProgressBar::stderrIsTerminal());
        }
        m_bar->update(done, total);
        return true;
    }
    void finish()
    {
        if (m_bar)
            m_bar->finish();
        m_bar.reset();
    }

private:
    std::ostream& m_out;
    std::string m_step;
    std::unique_ptr<ProgressBar> m_bar;
};

Result<std::size_t> countOption(const Args& args, const std::string& name, std::size_t max)
{
    auto value = requiredOption(args, name);
    if (!value)
        return std::move(value).error();
    try {
        std::size_t used = 0;
        const unsigned long long v = std::stoull(*value, &used);
        if (used == value->size() && v >= 1 && v <= max)
            return static_cast<std::size_t>(v);
    } catch (const std::exception&) {
    }
    return makeError(ErrorCode::InvalidArgument,
                     "--" + name + " must be a whole number from 1 to " + std::to_string(max));
}

/// Options shared by both commands; the report key is generated (3072 bits) unless a file is given.
Result<app::DemoOptions> demoOptions(const Args& args, Io& io, StepProgress& progress)
{
    app::DemoOptions options;
    options.serviceOptions = cliServiceOptions();
    options.progress = [&progress](const std::string& step, std::size_t done, std::size_t total) {
        return progress.update(step, done, total);
    };
    if (auto keyFile = args.value("report-key-file")) {
        auto bytes = db::readFile(*keyFile, 1 << 20);
        if (!bytes)
            return std::move(bytes).error();
        auto key = paillier::KeyFile::readPrivate(
            std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
        if (!key)
            return Error{key.error().code, key.error().message, *keyFile, 0, key.error().field};
        io.err << "cipherchart-cli: "
               << utf8(Cli::tr("warning: %1 holds the whole report private key; a demo clinic's report totals are not "
                               "secret")
                           .arg(QString::fromStdString(*keyFile)))
               << "\n";
        options.reportKeyBits = key->publicKey().bits();
        auto shared = std::make_shared<paillier::PrivateKey>(std::move(key).value());
        options.reportKeySource = [shared]() -> Result<paillier::PrivateKey> { return std::move(*shared); };
    }
    return options;
}

void printAccounts(const std::string& dir, const app::DemoClinic& demo, Io& io)
{
    if (io.json) {
        QJsonObject counts;
        for (const auto& [type, n] : demo.imported.counts)
            counts.insert(QString::fromStdString(type), static_cast<qint64>(n));
        QJsonArray accounts{
            QJsonObject{{"user", app::kDemoAdmin}, {"role", "administrator"}, {"password", app::kDemoAdminPassword}},
            QJsonObject{{"user", app::kDemoDoctor}, {"role", "doctor"}, {"password", app::kDemoDoctorPassword}}};
        io.out << QJsonDocument(QJsonObject{{"clinic", QString::fromStdString(dir)},
                                            {"created", demo.created},
                                            {"accounts", accounts},
                                            {"counts", counts},
                                            {"skipped", static_cast<qint64>(demo.imported.skipped.size())}})
                      .toJson(QJsonDocument::Indented)
                      .toStdString();
        return;
    }
    io.out << utf8((demo.created ? Cli::tr("Demo clinic created in %1")
                                 : Cli::tr("Demo clinic already exists in %1 (opened; nothing imported again)"))
                       .arg(QString::fromStdString(dir)))
           << "\n"
           << utf8(Cli::tr("The passwords are public: never put real patients into a demo clinic.")) << "\n"
           << "  " << utf8(Cli::tr("administrator").leftJustified(14)) << " " << app::kDemoAdmin << " / "
           << app::kDemoAdminPassword << "\n"
           << "  " << utf8(Cli::tr("doctor").leftJustified(14)) << " " << app::kDemoDoctor << " / "
           << app::kDemoDoctorPassword << "\n";
    if (demo.created) {
        printImportSummary(demo.imported, io);
        io.out << utf8(Cli::tr("Recovery shares (2 of 3; demo only):")) << "\n";
        for (const auto& s : demo.recoveryShares)
            io.out << "  " << s << "\n";
    }
}

int runDemoInit(const Args& args, Io& io)
{
    return runReporting(io, [&]() -> Status {
        auto dir = requiredOption(args, "clinic");
        if (!dir)
            return std::move(dir).error();
        StepProgress progress(io.err);
        auto options = demoOptions(args, io, progress);
        if (!options)
            return std::move(options).error();
        auto demo = app::openOrCreateDemoClinic(*dir, *options);
        progress.finish();
        if (!demo)
            return std::move(demo).error();
        printAccounts(*dir, *demo, io);
        return {};
    });
}

// Synthetic names: syllables joined and numbered the way Synthea marks its names, so that nobody
// mistakes a generated person for a real one.
constexpr std::array<const char*, 16> kSyllables{"al", "ber", "cor", "da",  "el",  "fen", "gor", "hal",
                                                 "is", "jor", "ka",  "lin", "mor", "nel", "or",  "pra"};

QString syntheticName(crypto::Rng& rng)
{
    QString name;
    const std::uint64_t parts = 2 + rng.uniform(2);
    for (std::uint64_t i = 0; i < parts; ++i)
        name += QString::fromLatin1(kSyllables[rng.uniform(kSyllables.size())]);
    name[0] = name[0].toUpper();
    return name + QString::number(10 + rng.uniform(990));
}

QString isoDate(const QDate& base, std::uint64_t daysBack)
{
    return base.addDays(-static_cast<qint64>(daysBack)).toString(Qt::ISODate);
}

model::Patient syntheticPatient(crypto::Rng& rng, std::size_t serial)
{
    model::Patient p;
    p.id = model::newRowId<access::PatientId>(rng);
    p.mrn = QStringLiteral("GEN-%1").arg(serial, 8, 10, QLatin1Char('0'));
    p.givenName = syntheticName(rng);
    p.familyName = syntheticName(rng);
    p.sex = rng.uniform(2) == 0 ? model::Sex::Female : model::Sex::Male;
    p.birthDate = isoDate(QDate(2015, 12, 31), rng.uniform(75 * 365)); // born 1941-2015
    // One source id per patient: re-import matches patients by source id and birth date, so a
    // shared id made later batches "update" earlier patients with the same birth date (20,000
    // requested, 15,554 stored) instead of adding them.
    p.sourceId = QStringLiteral("cipherchart-demo-generate-%1").arg(serial);
    return p;
}

/// A value inside the catalogue's plausible range (its middle half), at the catalogue's precision.
/// A range of six decades or more (viral load in copies/mL: up to 10⁹) is drawn on a log scale, over
/// the middle half of its decades (copies/mL: about 180 to 5.6 million), since a uniform draw would
/// put every value between 2.5·10⁸ and 7.5·10⁸ copies/mL and make a demo report meaningless. (The
/// catalogue holds plausibility ranges, not reference ranges: narrower ones stay uniform.)
model::Observation syntheticObservation(crypto::Rng& rng, const model::Patient& patient,
                                        const interop::UnitDefinition& def)
{
    model::Observation o;
    o.id = model::newRowId(rng);
    o.patientId = patient.id;
    o.codeSystem = def.codeSystem;
    o.code = def.code;
    o.display = def.display;
    o.unit = def.unit;
    const double fraction = 0.25 + 0.5 * static_cast<double>(rng.uniform(1000000)) / 1e6;
    const double scale = std::pow(10.0, def.decimals);
    const double low = std::max(def.minValue, 1.0);
    if (def.maxValue >= 1e6 * low) {
        const double decades = std::log10(def.maxValue / low);
        o.value = std::round(low * std::pow(10.0, decades * fraction) * scale) / scale;
    } else {
        o.value = std::round((def.minValue + (def.maxValue - def.minValue) * fraction) * scale) / scale;
    }
    const QDate day = QDate(2024, 12, 31).addDays(-static_cast<qint64>(rng.uniform(10 * 365)));
    o.effective =
        day.toString(Qt::ISODate) + QStringLiteral("T%1:00:00Z").arg(8 + rng.uniform(10), 2, 10, QLatin1Char('0'));
    return o;
}

int runDemoGenerate(const Args& args, Io& io)
{
    return runReporting(io, [&]() -> Status {
        auto dir = requiredOption(args, "clinic");
        if (!dir)
            return std::move(dir).error();
        auto patients = countOption(args, "patients", 1000000);
        if (!patients)
            return std::move(patients).error();
        auto perPatient = countOption(args, "observations-per-patient", 10000);
        if (!perPatient)
            return std::move(perPatient).error();
        const auto& catalogue = interop::UnitsCatalogue::builtIn();
        std::vector<const interop::UnitDefinition*> codes;
        for (const auto* def : catalogue.definitions())
            if (def->codeSystem == QLatin1String(model::codesystem::kLoinc) && def->maxValue > def->minValue)
                codes.push_back(def);
        if (codes.empty())
            return makeError(ErrorCode::Internal, "the units catalogue has no numeric LOINC code");
        if (auto only = args.value("code")) {
            // One measure for every observation (a benchmark's report over all of them).
            const auto chosen = std::find_if(codes.begin(), codes.end(), [&](const interop::UnitDefinition* def) {
                return def->code == QString::fromStdString(*only);
            });
            if (chosen == codes.end())
                return makeError(ErrorCode::InvalidArgument,
                                 "--code " + *only + " is not a numeric LOINC code of the units catalogue");
            codes = {*chosen};
        }

        StepProgress progress(io.err);
        auto options = demoOptions(args, io, progress);
        if (!options)
            return std::move(options).error();
        // Batches of about 5,000 observations (at least 1,000 patients), each one import transaction
        // and audit event. Every batch checks its MRNs against the session's patient directory (a
        // set, built once and kept up to date by each import), not by decrypting every identity
        // stored so far, so generating N patients costs O(N) decryptions, not O(N²/1,000).
        const std::size_t batchPatients = std::max<std::size_t>(1000, 5000 / *perPatient);
        const std::size_t totalObservations = *patients * *perPatient;
        const app::DemoFill fill = [&](services::ClinicService& doctor) -> Result<interop::ImportSummary> {
            services::ImportService import(doctor);
            crypto::Rng& rng = doctor.rng();
            interop::ImportSummary total;
            for (std::size_t first = 0; first < *patients; first += batchPatients) {
                interop::ClinicalImport batch;
                const std::size_t last = std::min(*patients, first + batchPatients);
                // The command is the user's activity: a generation longer than the idle timeout
                // must not find the session locked at its next batch.
                if (access::Session* session = doctor.session())
                    CC_TRY(session->touch());
                for (std::size_t i = first; i < last; ++i) {
                    batch.patients.push_back(syntheticPatient(rng, i + 1));
                    for (std::size_t j = 0; j < *perPatient; ++j)
                        batch.observations.push_back(
                            syntheticObservation(rng, batch.patients.back(), *codes[rng.uniform(codes.size())]));
                }
                const std::size_t before = first * *perPatient;
                auto summary =
                    import.importRecords(std::move(batch), "demo-generate", [&](std::size_t done, std::size_t steps) {
                        const std::size_t part = (last - first) * *perPatient;
                        const std::size_t scaled = steps ? done * part / steps : 0;
                        return options->progress("generate", before + scaled, totalObservations);
                    });
                if (!summary)
                    return std::move(summary).error();
                for (const auto& [type, n] : summary->counts)
                    total.counts[type] += n;
                total.skipped.insert(total.skipped.end(), summary->skipped.begin(), summary->skipped.end());
            }
            return total;
        };
        auto demo = app::createDemoClinic(*dir, *options, fill);
        progress.finish();
        if (!demo)
            return std::move(demo).error();
        printAccounts(*dir, *demo, io);
        return {};
    });
}

std::vector<OptionSpec> keyOptions(std::vector<OptionSpec> options)
{
    options.push_back(
        {"report-key-file", "FILE",
         utf8(Cli::tr("deal an existing private-key file (tests) instead of generating 3072-bit safe primes"))});
    return options;
}

} // namespace

void registerDemoCommands(CommandRegistry& registry)
{
    const std::string accounts =
        utf8(Cli::tr("Accounts (public passwords, demo only): administrator %1 / %2, doctor %3 / %4.")
                 .arg(QString::fromUtf8(app::kDemoAdmin), QString::fromUtf8(app::kDemoAdminPassword),
                      QString::fromUtf8(app::kDemoDoctor), QString::fromUtf8(app::kDemoDoctorPassword))) +
        "\n";
    registry.add(
        {{"demo", "init"},
         utf8(Cli::tr("Create the demo clinic (Synthea sample, demo accounts), or open it if it exists")),
         "",
         keyOptions({{"clinic", "DIR", utf8(Cli::tr("the demo clinic folder"))}}),
         0,
         0,
         runDemoInit,
         accounts + utf8(Cli::tr("The report key is generated (3072-bit safe primes: tens of seconds, with a progress\n"
                                 "bar). The clinic is marked demo: the window title shows DEMO."))});
    registry.add(
        {{"demo", "generate"},
         utf8(Cli::tr("Create a large synthetic demo clinic for benchmarks")),
         "",
         keyOptions({{"clinic", "DIR", utf8(Cli::tr("the new clinic folder"))},
                     {"patients", "N", utf8(Cli::tr("synthetic patients (1 to 1,000,000)"))},
                     {"observations-per-patient", "M", utf8(Cli::tr("numeric observations each (1 to 10,000)"))},
                     {"code", "LOINC",
                      utf8(Cli::tr("give every observation this numeric LOINC code of the units catalogue (default: "
                                   "a code drawn at random for each)"))}}),
         0,
         0,
         runDemoGenerate,
         accounts +
             utf8(Cli::tr("Names are generated from syllables (never real data); values are drawn from the\n"
                          "middle of each code's plausible range in the units catalogue (on a log scale for a\n"
                          "range of six decades or more: viral load). Imported as the doctor through the import\n"
                          "service in batches of about 5,000 observations."))});
}

} // namespace cc::cli
