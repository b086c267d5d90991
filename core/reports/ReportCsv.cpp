// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ReportCsv.h"

#include "core/reports/Estimates.h"

#include <QStringList>

#include <iomanip>
#include <sstream>

namespace cc::reports {

namespace {

std::string fixed(double v, int decimals)
{
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::fixed << std::setprecision(decimals) << v;
    return s.str();
}

// RFC 4180: every text field quoted, quotes doubled.
std::string csvField(const QString& s)
{
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return "\"" + q.toStdString() + "\"";
}

} // namespace

QString cellGroupText(const ReportSpec& spec, const ReportCell& cell)
{
    QStringList parts;
    for (std::size_t i = 0; i < cell.key.group.size() && i < spec.groupBy.size(); ++i)
        parts << dimensionName(spec.groupBy[i]) + QStringLiteral("=") + cell.key.group[i];
    return parts.isEmpty() ? QStringLiteral("all") : parts.join(QStringLiteral(", "));
}

std::string reportCsv(const ReportFile& f, const interop::UnitsCatalogue& catalogue)
{
    std::ostringstream s;
    s << "report_id,purpose,cell,measure,unit,group,suppressed,reason,patients,observations,mean,sd,"
         "median_estimate,p25_estimate,p75_estimate\n";
    const bool published = f.kind == ReportFile::Kind::Published;
    for (const auto& c : f.cells) {
        const auto& fig = c.figures;
        const auto* def = catalogue.find(c.key.measure);
        const int d = def != nullptr ? def->decimals : 2;
        s << reportIdHex(f.reportId) << "," << purposeName(f.spec.purpose).toStdString() << "," << c.key.index << ","
          << csvField(c.key.measure) << "," << csvField(def != nullptr ? def->unit : QString()) << ","
          << csvField(cellGroupText(f.spec, c)) << "," << (fig.suppressed ? "yes" : "no") << "," << csvField(fig.reason)
          << ",";
        if (fig.suppressed || !published)
            s << ",,,,,,\n";
        else if (estimatesInformative(fig))
            s << fig.patients << "," << fig.observations << "," << fixed(fig.mean, d) << "," << fixed(fig.sd, d) << ","
              << fixed(fig.medianEstimate, d) << "," << fixed(fig.p25Estimate, d) << "," << fixed(fig.p75Estimate, d)
              << "\n";
        else // not estimable: empty fields (docs/REPORTS.md)
            s << fig.patients << "," << fig.observations << "," << fixed(fig.mean, d) << "," << fixed(fig.sd, d)
              << ",,,\n";
    }
    return s.str();
}

} // namespace cc::reports
