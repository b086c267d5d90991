// SPDX-License-Identifier: GPL-3.0-or-later
// A report's figures as text and JSON (`report show`, `report run --json`, ...).
#include "app/cli/ReportCommands.h"

#include "app/cli/Text.h"
#include "core/crypto/Hex.h"
#include "core/reports/Estimates.h"
#include "core/reports/ReportCsv.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <iomanip>
#include <ostream>
#include <sstream>

namespace cc::cli {

using reports::ReportFile;

std::string fixed(double v, int decimals)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(decimals) << v;
    return s.str();
}

namespace {

int decimalsOf(const QString& code)
{
    const auto* def = interop::UnitsCatalogue::builtIn().find(code);
    return def != nullptr ? def->decimals : 2;
}

QString unitOf(const QString& code)
{
    const auto* def = interop::UnitsCatalogue::builtIn().find(code);
    return def != nullptr ? def->unit : QString();
}

QString groupText(const reports::ReportSpec& spec, const reports::ReportCell& cell)
{
    return reports::cellGroupText(spec, cell);
}

} // namespace

QJsonObject reportJson(const ReportFile& f)
{
    QJsonArray cells;
    for (const auto& c : f.cells) {
        QJsonArray group;
        for (const auto& g : c.key.group)
            group.append(g);
        QJsonObject o{{"index", static_cast<qint64>(c.key.index)},
                      {"measure", c.key.measure},
                      {"unit", unitOf(c.key.measure)},
                      {"group", group}};
        if (f.kind == ReportFile::Kind::Published) {
            const auto& fig = c.figures;
            o.insert("suppressed", fig.suppressed);
            if (fig.suppressed) {
                o.insert("reason", fig.reason);
            } else {
                QJsonArray bins;
                for (const auto& b : fig.histogram)
                    bins.append(QJsonObject{{"from", b.from}, {"to", b.to}, {"count", static_cast<double>(b.count)}});
                o.insert("patients", static_cast<double>(fig.patients));
                o.insert("observations", static_cast<double>(fig.observations));
                o.insert("mean", fig.mean);
                o.insert("sd", fig.sd);
                // Estimates only where they say something (reports::estimatesInformative).
                const bool informative = reports::estimatesInformative(fig);
                o.insert("estimatesInformative", informative);
                o.insert("medianEstimate", informative ? QJsonValue(fig.medianEstimate) : QJsonValue());
                o.insert("p25Estimate", informative ? QJsonValue(fig.p25Estimate) : QJsonValue());
                o.insert("p75Estimate", informative ? QJsonValue(fig.p75Estimate) : QJsonValue());
                o.insert("histogram", bins);
            }
        }
        cells.append(o);
    }
    QJsonArray custodians;
    for (auto c : f.custodians)
        custodians.append(static_cast<qint64>(c));
    QJsonObject out{{"kind", f.kind == ReportFile::Kind::Published  ? "published"
                             : f.kind == ReportFile::Kind::Exported ? "exported"
                                                                    : "encrypted"},
                    {"title", f.spec.title},
                    {"purpose", reports::purposeName(f.spec.purpose)},
                    {"description", f.spec.describe()},
                    {"clinic", f.clinicName},
                    {"clinicId", QString::fromStdString(crypto::hexEncode(f.clinicId))},
                    {"reportId", QString::fromStdString(reports::reportIdHex(f.reportId))},
                    {"keyId", QString::fromStdString(crypto::hexEncode(f.keyId))},
                    {"specSha256", QString::fromStdString(crypto::hexEncode(f.specSha256))},
                    {"signerFingerprint", QString::fromStdString(f.signerFingerprint())},
                    {"createdAt", QDateTime::fromMSecsSinceEpoch(f.createdAtMs, Qt::UTC).toString(Qt::ISODate)},
                    {"cells", cells}};
    if (f.kind == ReportFile::Kind::Published) {
        out.insert("minimumCellSize", static_cast<qint64>(f.minimumCellSize));
        out.insert("custodians", custodians);
        if (!f.sites.isEmpty())
            out.insert("sites", QJsonArray::fromStringList(f.sites));
    }
    return out;
}

void printReport(const ReportFile& f, std::ostream& out)
{
    out << f.clinicName.toStdString() << ": " << f.spec.title.toStdString() << "\n";
    out << f.spec.describe().toStdString() << "\n";
    if (f.spec.purpose == reports::Purpose::Quality)
        out << utf8(Cli::tr("QUALITY REPORT: every patient is included, research opt-outs too; not for research use."))
            << "\n";
    const QString when = QDateTime::fromMSecsSinceEpoch(f.createdAtMs, Qt::UTC).toString(Qt::ISODate);
    out << utf8(f.kind == ReportFile::Kind::Published  ? Cli::tr("published %1").arg(when)
                : f.kind == ReportFile::Kind::Exported ? Cli::tr("exported to a research network %1").arg(when)
                                                       : Cli::tr("encrypted (not yet decrypted) %1").arg(when))
        << "\n";
    if (!f.sites.isEmpty())
        out << utf8(Cli::tr("sites merged: %1").arg(f.sites.join(QStringLiteral(", ")))) << "\n";
    if (f.kind != ReportFile::Kind::Published) {
        out << utf8(Cli::tr("%1 cells, each one Paillier ciphertext; counts and values are inside them.")
                        .arg(f.cells.size()))
            << "\n";
        for (const auto& c : f.cells)
            out << "  " << utf8(Cli::tr("cell %1").arg(c.key.index)) << "\t" << c.key.measure.toStdString() << "\t"
                << groupText(f.spec, c).toStdString() << "\n";
    } else {
        out << utf8(Cli::tr("minimum cell size %1 distinct patients; medians and quartiles are estimates "
                            "interpolated from the histogram")
                        .arg(f.minimumCellSize))
            << "\n";
        for (const auto& c : f.cells) {
            const auto& fig = c.figures;
            const int d = decimalsOf(c.key.measure);
            out << "  " << utf8(Cli::tr("cell %1").arg(c.key.index)) << "\t" << c.key.measure.toStdString() << " ("
                << unitOf(c.key.measure).toStdString() << ")\t" << groupText(f.spec, c).toStdString() << "\t";
            if (fig.suppressed) {
                out << utf8(Cli::tr("SUPPRESSED (%1)").arg(fig.reason)) << "\n";
                continue;
            }
            const QString spread =
                reports::estimatesInformative(fig)
                    ? Cli::tr("median ~%1 (IQR ~%2–%3)")
                          .arg(QString::fromStdString(fixed(fig.medianEstimate, d)),
                               QString::fromStdString(fixed(fig.p25Estimate, d)),
                               QString::fromStdString(fixed(fig.p75Estimate, d)))
                    : Cli::tr("median and IQR not estimable (the histogram's bins are too wide after disclosure "
                              "control)");
            out << utf8(Cli::tr("n=%1 patients, %2 observations, mean %3, SD %4, %5")
                            .arg(fig.patients)
                            .arg(fig.observations)
                            .arg(QString::fromStdString(fixed(fig.mean, d)), QString::fromStdString(fixed(fig.sd, d)),
                                 spread))
                << "\n";
            for (const auto& b : fig.histogram)
                out << "      [" << fixed(b.from, d) << ", " << fixed(b.to, d) << ")\t" << b.count << "\n";
        }
    }
    out << utf8(Cli::tr("report %1, key %2, signature %3")
                    .arg(QString::fromStdString(reports::reportIdHex(f.reportId)),
                         QString::fromStdString(crypto::hexEncode(f.keyId)),
                         QString::fromStdString(f.signerFingerprint())))
        << "\n";
}

} // namespace cc::cli
