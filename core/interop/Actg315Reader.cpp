// SPDX-License-Identifier: GPL-3.0-or-later
// ACTG 315 import: one synthetic patient per patid, three observations per visit.
#include "core/interop/Actg315Reader.h"

#include "core/interop/CsvFields.h"
#include "core/interop/CsvReader.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/model/CodeSystem.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <map>

namespace cc::interop {
namespace {

using namespace model;

constexpr qint64 kMaxDay = 10000;
constexpr qint64 kMaxPatid = 999999999;

} // namespace

Actg315Reader::Actg315Reader(const UnitsCatalogue& catalogue, crypto::Rng& rng) : m_catalogue(catalogue), m_rng(rng) {}

Result<ClinicalImport> Actg315Reader::readFile(const QString& path) const
{
    const QString fileName = QFileInfo(path).fileName();
    QFile file(path);
    CC_TRY(openForReading(file, fileName));
    CsvReader csv(file, fileName);
    CC_TRY(csv.readHeader());
    CsvFields f(csv);
    CC_TRY(f.require({"patid", "day", "log10_rna", "rna_copies_per_ml", "cd4"}));

    const QDateTime start = QDateTime::fromString(QString::fromLatin1(kStudyStart), Qt::ISODate);
    ClinicalImport out;
    std::map<qint64, access::PatientId> patients;
    std::size_t visits = 0;
    for (;;) {
        auto more = csv.next();
        if (!more)
            return std::move(more).error();
        if (!more.value())
            break;
        auto patid = f.integer("patid", 1, kMaxPatid);
        if (!patid)
            return std::move(patid).error();
        if (!patid.value())
            return f.error("patid", "must not be empty");
        auto day = f.integer("day", 0, kMaxDay);
        if (!day)
            return std::move(day).error();
        if (!day.value())
            return f.error("day", "must not be empty");
        auto log10Rna = f.number("log10_rna");
        if (!log10Rna)
            return std::move(log10Rna).error();
        auto copies = f.number("rna_copies_per_ml");
        if (!copies)
            return std::move(copies).error();
        auto cd4 = f.number("cd4");
        if (!cd4)
            return std::move(cd4).error();
        // The two viral-load columns must tell the same story (the CSV derives one from the other).
        const double expected = std::round(std::pow(10.0, log10Rna.value()));
        if (std::fabs(copies.value() - expected) > 0.001 * expected + 0.5)
            return f.error("rna_copies_per_ml", "does not match 10^log10_rna");

        auto [it, inserted] = patients.try_emplace(*patid.value(), access::PatientId{});
        if (inserted) {
            Patient p;
            p.id = newRowId<access::PatientId>(m_rng);
            it->second = p.id;
            const QString id = QString::number(*patid.value());
            p.mrn = QStringLiteral("ACTG-") + id;
            p.givenName = QStringLiteral("ACTG");
            p.familyName = id;
            p.birthDate = QStringLiteral("1900-01-01");
            p.sex = Sex::Unknown;
            p.sourceId = QStringLiteral("actg315:") + id;
            out.patients.push_back(std::move(p));
        }
        const QString effective = start.addDays(*day.value()).toString(Qt::ISODate);
        // Viral load as laboratories report it, copies/mL and its log10 (the trial's own measure,
        // and the one encrypted reports can sum: docs/REPORTS.md section 9), then CD4.
        struct Measured
        {
            const char* code;
            const char* column;
            double value;
        };
        const Measured values[] = {{"20447-9", "rna_copies_per_ml", copies.value()},
                                   {"25836-8", "log10_rna", log10Rna.value()},
                                   {"24467-3", "cd4", cd4.value()}};
        for (const auto& [code, column, value] : values) {
            const QString codeText = QString::fromLatin1(code);
            const UnitDefinition* d = m_catalogue.find(codeText);
            if (d == nullptr)
                return f.error(column, "code " + codeText.toStdString() + " is missing from the units catalogue");
            auto normalised = m_catalogue.normalise(codeText, value, d->unit);
            if (!normalised)
                return f.error(column, normalised.error().message);
            Observation o;
            o.id = newRowId(m_rng);
            o.patientId = it->second;
            o.codeSystem = QString::fromLatin1(codesystem::kLoinc);
            o.code = codeText;
            o.display = d->display;
            o.category = QStringLiteral("laboratory");
            o.effective = effective;
            o.value = normalised.value().value;
            o.unit = d->unit;
            CC_TRY(f.check(o.toJson(), &Observation::fromJson));
            out.observations.push_back(std::move(o));
        }
        ++visits;
    }
    out.summary.counts["patients"] = out.patients.size();
    out.summary.counts["observations"] = out.observations.size();
    out.summary.counts["visits"] = visits;
    return out;
}

} // namespace cc::interop
