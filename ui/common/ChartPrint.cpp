// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/ChartPrint.h"

#include "core/services/PatientService.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QWidget>

#include <cmath>
#include <functional>

namespace cc::ui::chartprint {

namespace {

/// The translation context of the printed pages.
class ChartPrint
{
    Q_DECLARE_TR_FUNCTIONS(ChartPrint)
};

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString table(const QStringList& headers, const std::vector<QStringList>& rows, const QString& empty)
{
    if (rows.empty())
        return QStringLiteral("<p><i>%1</i></p>").arg(esc(empty));
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                                  "style=\"border-collapse: collapse; border-color: #999;\"><tr>");
    for (const QString& h : headers)
        html += QStringLiteral("<th align=\"left\" bgcolor=\"#e8e8e8\">%1</th>").arg(esc(h));
    html += QStringLiteral("</tr>");
    for (const QStringList& row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString& cell : row)
            html += QStringLiteral("<td>%1</td>").arg(esc(cell));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

std::vector<QStringList> observationRows(const std::vector<services::FlaggedObservation>& list, bool forPatient)
{
    std::vector<QStringList> rows;
    for (const auto& f : list)
        rows.push_back({forPatient ? DisplayText::plainObservationName(f.observation.code, f.observation.display)
                                   : DisplayText::observationName(f.observation.code, f.observation.display),
                        DisplayText::observationValue(f.observation), DisplayText::flag(f.flag),
                        DisplayText::range(f.range), DisplayText::date(f.observation.effective)});
    return rows;
}

/// Draws the page header (title, banner, rule) and footer; returns the body rectangle.
QRectF drawFrame(QPainter& painter, const QRectF& page, const QString& title, const QString& banner, int pageNo,
                 int pages, const QString& printed)
{
    const double line = QFontMetricsF(painter.font(), painter.device()).lineSpacing();
    QFont bold = painter.font();
    bold.setBold(true);
    painter.save();
    painter.setFont(bold);
    painter.drawText(QRectF(page.left(), page.top(), page.width(), line), Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.restore();
    // The banner wraps (a long MRN) as often as it needs: its height is measured, never assumed.
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere;
    const QRectF bannerRect =
        painter.boundingRect(QRectF(page.left(), page.top() + line * 1.2, page.width(), page.height()), flags, banner);
    painter.drawText(bannerRect, flags, banner);
    const double ruleY = bannerRect.bottom() + line * 0.3;
    painter.drawLine(QPointF(page.left(), ruleY), QPointF(page.right(), ruleY));
    const QRectF footer(page.left(), page.bottom() - line, page.width(), line);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, printed);
    painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, ChartPrint::tr("Page %1 of %2").arg(pageNo).arg(pages));
    return QRectF(page.left(), ruleY + line * 0.6, page.width(), footer.top() - line * 0.6 - (ruleY + line * 0.6));
}

QString printedLine()
{
    return ChartPrint::tr("Printed %1 from CipherChart: confidential health information")
        .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
}

Status openPrivate(QSaveFile& file, const QString& path)
{
    // A printed chart is health information: readable by its owner only, like every export.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return makeError(ErrorCode::StorageError,
                         "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

Status commit(QSaveFile& file, const QString& path)
{
    if (!file.commit())
        return makeError(ErrorCode::StorageError,
                         "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

} // namespace

QString bannerLine(const model::Patient& patient, const services::ChartSummary& summary)
{
    QStringList allergies;
    for (const auto& a : summary.allergies)
        allergies << a.display;
    QString born = DisplayText::date(patient.birthDate);
    if (summary.ageYears)
        born = ChartPrint::tr("%1 (%2 y)").arg(born).arg(*summary.ageYears);
    QString line = ChartPrint::tr("%1 · born %2 · %3 · MRN %4")
                       .arg(DisplayText::patientName(patient), born, DisplayText::sex(patient.sex), patient.mrn);
    if (!patient.deathDate.isEmpty())
        line += ChartPrint::tr(" · deceased %1").arg(DisplayText::date(patient.deathDate));
    line += QLatin1Char('\n') + (allergies.isEmpty() ? ChartPrint::tr("No known allergies")
                                                     : ChartPrint::tr("Allergies: %1").arg(allergies.join(u", ")));
    return line;
}

QString summaryHtml(const services::ChartSummary& summary, bool forPatient)
{
    QString html = QStringLiteral("<html><body style=\"font-size: 10pt;\">");
    const auto section = [&](const QString& heading) { html += QStringLiteral("<h3>%1</h3>").arg(esc(heading)); };

    section(forPatient ? ChartPrint::tr("Your health problems") : ChartPrint::tr("Active problems"));
    std::vector<QStringList> rows;
    for (const auto& p : summary.activeProblems)
        rows.push_back({p.condition.display, DisplayText::category(p.category), DisplayText::date(p.condition.onset),
                        p.condition.code.isEmpty() ? ChartPrint::tr("uncoded") : p.condition.code});
    html += table({ChartPrint::tr("Problem"), ChartPrint::tr("Kind"), ChartPrint::tr("Since"), ChartPrint::tr("Code")},
                  rows, ChartPrint::tr("No active problems recorded."));

    section(forPatient ? ChartPrint::tr("Your medicines") : ChartPrint::tr("Current medications"));
    rows.clear();
    for (const auto& m : summary.currentMedications)
        rows.push_back({m.display, m.dosage, DisplayText::date(m.start), m.status});
    html += table(
        {ChartPrint::tr("Medication"), ChartPrint::tr("Dosage"), ChartPrint::tr("Started"), ChartPrint::tr("Status")},
        rows, ChartPrint::tr("No current medications recorded."));

    section(forPatient ? ChartPrint::tr("Your allergies") : ChartPrint::tr("Allergies"));
    rows.clear();
    for (const auto& a : summary.allergies) {
        QStringList reactions;
        for (const auto& r : a.reactions)
            reactions << (r.severity.isEmpty() ? r.display : QStringLiteral("%1 (%2)").arg(r.display, r.severity));
        rows.push_back({a.display, a.criticality, reactions.join(u"; "), DisplayText::date(a.start)});
    }
    html += table({ChartPrint::tr("Substance"), ChartPrint::tr("Criticality"), ChartPrint::tr("Reactions"),
                   ChartPrint::tr("Since")},
                  rows, ChartPrint::tr("No known allergies."));

    const QStringList obsHeaders{ChartPrint::tr("Measurement"), ChartPrint::tr("Value"), ChartPrint::tr("Flag"),
                                 forPatient ? ChartPrint::tr("Usual range") : ChartPrint::tr("Reference range"),
                                 ChartPrint::tr("Date")};
    section(forPatient ? ChartPrint::tr("Your latest measurements") : ChartPrint::tr("Latest vital signs"));
    html += table(obsHeaders, observationRows(summary.latestVitals, forPatient),
                  ChartPrint::tr("No vital signs recorded."));
    section(forPatient ? ChartPrint::tr("Your latest test results") : ChartPrint::tr("Latest laboratory results"));
    html += table(obsHeaders, observationRows(summary.latestLabs, forPatient),
                  ChartPrint::tr("No laboratory results recorded."));
    if (forPatient)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(esc(ChartPrint::tr("A flag compares a result with the usual adult range; ask your doctor "
                                            "what it means for you.")));

    section(forPatient ? ChartPrint::tr("Your recent visits") : ChartPrint::tr("Last encounters"));
    rows.clear();
    for (const auto& e : summary.lastEncounters)
        rows.push_back({DisplayText::date(e.start), e.display, e.encounterClass, e.reasonDisplay});
    html += table({ChartPrint::tr("Date"), ChartPrint::tr("Visit"), ChartPrint::tr("Kind"), ChartPrint::tr("Reason")},
                  rows, ChartPrint::tr("No encounters recorded."));
    return html + QStringLiteral("</body></html>");
}

namespace {

/// One A4 PDF written atomically: opens the owner-only file, the writer and its painter (9.5 pt),
/// hands `draw` the painter and the page's paint rectangle, then commits.
Status writePdf(const QString& path, const QString& title, QPageLayout::Orientation orientation,
                const std::function<void(QPdfWriter&, QPainter&, const QRectF&)>& draw)
{
    QSaveFile file(path);
    CC_TRY(openPrivate(file, path));
    {
        QPdfWriter pdf(&file);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("CipherChart"));
        pdf.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), orientation, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        pdf.setResolution(300);
        QPainter painter(&pdf);
        if (!painter.isActive())
            return makeError(ErrorCode::StorageError, "cannot start a PDF in " + path.toStdString());
        QFont font = painter.font();
        font.setPointSizeF(9.5);
        painter.setFont(font);
        const QRectF paint = pdf.pageLayout().paintRectPixels(pdf.resolution());
        draw(pdf, painter, QRectF(0, 0, paint.width(), paint.height()));
    }
    return commit(file, path);
}

} // namespace

Status writeDocumentPdf(const QString& path, const QString& title, const QString& banner, const QString& html)
{
    return writePdf(path, title, QPageLayout::Portrait, [&](QPdfWriter& pdf, QPainter& painter, const QRectF& page) {
        const QString printed = printedLine();
        // The body's height is known once the frame is drawn; measure it on a scratch frame.
        const QRectF probe = drawFrame(painter, page, title, banner, 1, 1, printed);
        painter.eraseRect(page);
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&pdf);
        doc.setDefaultFont(painter.font());
        doc.setHtml(html);
        doc.setPageSize(probe.size());
        const int pages = std::max(1, doc.pageCount());
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                pdf.newPage();
            const QRectF body = drawFrame(painter, page, title, banner, i + 1, pages, printed);
            painter.save();
            painter.translate(body.left(), body.top() - i * body.height());
            doc.drawContents(&painter, QRectF(0, i * body.height(), body.width(), body.height()));
            painter.restore();
        }
    });
}

Status writeWidgetPdf(const QString& path, const QString& title, const QString& banner, QWidget* view)
{
    return writePdf(path, title, QPageLayout::Landscape, [&](QPdfWriter&, QPainter& painter, const QRectF& page) {
        const QRectF body = drawFrame(painter, page, title, banner, 1, 1, printedLine());
        // The widget is drawn at its own size, scaled to the body keeping its aspect ratio.
        const QSizeF size = view->size();
        const double scale = std::min(body.width() / size.width(), body.height() / size.height());
        painter.save();
        painter.translate(body.topLeft());
        painter.scale(scale, scale);
        view->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.restore();
    });
}

namespace {

/// Asks for the file and reads the chart for print; the error is shown before it is returned.
Result<std::pair<QString, services::PatientChart>> prepare(QWidget* parent, services::ClinicService& clinic,
                                                           const access::PatientId& patient, const QString& title,
                                                           const QString& suggested, const std::string& what)
{
    const QString path = FileDialog::saveFileName(parent, title, suggested, ChartPrint::tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return makeError(ErrorCode::Cancelled, "no file chosen");
    auto chart = services::PatientService(clinic).chartForPrint(patient, what);
    if (!chart) {
        MessageBox::warning(parent, title, ErrorText::forError(chart.error()));
        return chart.error();
    }
    return std::make_pair(path, std::move(chart).value());
}

Result<QString> finish(QWidget* parent, const QString& title, const QString& path, const Status& written)
{
    if (!written) {
        MessageBox::warning(parent, title, ErrorText::forError(written.error()));
        return written.error();
    }
    return path;
}

} // namespace

Result<QString> saveSummaryPdf(QWidget* parent, services::ClinicService& clinic, const access::PatientId& patient,
                               bool forPatient)
{
    const QString title =
        forPatient ? ChartPrint::tr("Print my health summary") : ChartPrint::tr("Print chart summary");
    auto prepared =
        prepare(parent, clinic, patient, title,
                forPatient ? QStringLiteral("my-health-summary.pdf") : QStringLiteral("chart-summary.pdf"), "summary");
    CC_TRY(prepared);
    const auto& [path, chart] = *prepared;
    const services::ChartSummary summary = services::summarizeChart(chart, QDate::currentDate());
    const QString heading = forPatient ? ChartPrint::tr("My health summary") : ChartPrint::tr("Chart summary");
    return finish(
        parent, title, path,
        writeDocumentPdf(path, heading, bannerLine(chart.patient, summary), summaryHtml(summary, forPatient)));
}

Result<QString> saveTrendPdf(QWidget* parent, services::ClinicService& clinic, const access::PatientId& patient,
                             const QString& code, const QString& title, QWidget* view)
{
    const QString dialogTitle = ChartPrint::tr("Print trend");
    if (code.isEmpty() || view == nullptr)
        return makeError(ErrorCode::InvalidArgument, "no observation is selected");
    auto prepared = prepare(parent, clinic, patient, dialogTitle, QStringLiteral("trend-%1.pdf").arg(code),
                            "trend " + code.toStdString());
    CC_TRY(prepared);
    const auto& [path, chart] = *prepared;
    const services::ChartSummary summary = services::summarizeChart(chart, QDate::currentDate());
    return finish(parent, dialogTitle, path, writeWidgetPdf(path, title, bannerLine(chart.patient, summary), view));
}

} // namespace cc::ui::chartprint
