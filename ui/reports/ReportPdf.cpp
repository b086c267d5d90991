// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportPdf.h"

#include "core/crypto/Hex.h"
#include "core/reports/Estimates.h"
#include "core/reports/ReportCsv.h"
#include "ui/common/DisplayText.h"
#include "ui/reports/ReportText.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <functional>

namespace cc::ui {

namespace {

constexpr int kDpi = 150;

int mm(double millimetres)
{
    return static_cast<int>(millimetres / 25.4 * kDpi);
}

/// Lays out a report page by page: `y` runs down the body; a block that does not fit starts a page.
class PdfPages
{
public:
    PdfPages(std::function<void()> newPage, QPainter& painter, QString footer)
        : m_newPage(std::move(newPage)), m_painter(painter), m_footer(std::move(footer))
    {
        m_width = painter.viewport().width();
        m_bottom = painter.viewport().height() - mm(14);
        drawFooter();
    }

    [[nodiscard]] int width() const { return m_width; }
    int& y() { return m_y; }

    void ensure(int height)
    {
        if (m_y + height <= m_bottom)
            return;
        m_newPage();
        ++m_page;
        m_y = 0;
        drawFooter();
    }

    /// Word-wrapped text at the current position; returns its height.
    void text(const QString& text, const QFont& font, QColor colour = Qt::black, int gapAfter = mm(1.5))
    {
        m_painter.setFont(font);
        const QRect box = m_painter.boundingRect(QRect(0, 0, m_width, 100000), Qt::TextWordWrap, text);
        ensure(box.height());
        m_painter.setPen(colour);
        m_painter.drawText(QRect(0, m_y, m_width, box.height()), Qt::TextWordWrap, text);
        m_y += box.height() + gapAfter;
    }

private:
    void drawFooter()
    {
        QFont font(QStringLiteral("sans-serif"), 7);
        m_painter.setFont(font);
        m_painter.setPen(QColor(0x44, 0x44, 0x44));
        const int top = m_bottom + mm(4);
        m_painter.drawLine(0, top - mm(1), m_width, top - mm(1));
        m_painter.drawText(QRect(0, top, m_width, mm(9)), Qt::TextWordWrap,
                           m_footer + QStringLiteral(" · ") + ReportPdf::tr("page %1").arg(m_page));
    }

    std::function<void()> m_newPage;
    QPainter& m_painter;
    QString m_footer;
    int m_width = 0;
    int m_bottom = 0;
    int m_y = 0;
    int m_page = 1;
};

void drawHistogram(QPainter& painter, PdfPages& pages, const reports::ReportCell& cell)
{
    const auto& bins = cell.figures.histogram;
    if (bins.empty())
        return;
    const int height = mm(42);
    pages.ensure(height + mm(4));
    const int top = pages.y();
    const int left = mm(14);
    const int plotWidth = pages.width() - left;
    const int plotHeight = height - mm(14);
    std::uint64_t maximum = 1;
    for (const auto& b : bins)
        maximum = std::max(maximum, b.count);
    QFont small(QStringLiteral("sans-serif"), 6);
    painter.setFont(small);
    painter.setPen(Qt::black);
    painter.drawLine(left, top, left, top + plotHeight);
    painter.drawLine(left, top + plotHeight, left + plotWidth, top + plotHeight);
    painter.drawText(QRect(0, top, left - mm(1), mm(4)), Qt::AlignRight, QString::number(maximum));
    painter.drawText(QRect(0, top + plotHeight - mm(3), left - mm(1), mm(4)), Qt::AlignRight, QStringLiteral("0"));
    const int slot = plotWidth / static_cast<int>(bins.size());
    const int barWidth = std::max(1, slot * 3 / 4);
    for (std::size_t i = 0; i < bins.size(); ++i) {
        const int x = left + static_cast<int>(i) * slot + (slot - barWidth) / 2;
        const int h =
            static_cast<int>(static_cast<double>(bins[i].count) / static_cast<double>(maximum) * (plotHeight - mm(4)));
        painter.fillRect(QRect(x, top + plotHeight - h, barWidth, h), QColor(0x2e, 0x6d, 0xa4));
        painter.drawText(QRect(x - mm(2), top + plotHeight - h - mm(3.5), barWidth + mm(4), mm(3.5)),
                         Qt::AlignHCenter | Qt::AlignBottom, QString::number(bins[i].count));
        painter.save();
        painter.translate(x + barWidth / 2, top + plotHeight + mm(1));
        painter.rotate(bins.size() > 8 ? 45 : 0);
        const QString label = ReportText::edge(bins[i].from) + QStringLiteral("–") + ReportText::edge(bins[i].to);
        painter.drawText(QRect(-slot, 0, 2 * slot, mm(4)), Qt::AlignHCenter | Qt::AlignTop, label);
        painter.restore();
    }
    pages.y() += height + mm(3);
}

Status saveAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(ErrorCode::StorageError,
                         "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

} // namespace

Status ReportPdf::writeCsv(const reports::ReportFile& file, const QString& path)
{
    if (file.kind != reports::ReportFile::Kind::Published)
        return makeError(ErrorCode::InvalidArgument, "only a published report has figures to export");
    return saveAtomically(path, QByteArray::fromStdString(reports::reportCsv(file)));
}

void ReportPdf::paint(const reports::ReportFile& file, QPainter& painter, const std::function<void()>& newPage)
{
    const QString footer = tr("Report %1 · report key %2 · signed by the clinic key with fingerprint %3")
                               .arg(QString::fromStdString(reports::reportIdHex(file.reportId)),
                                    QString::fromStdString(crypto::hexEncode(file.keyId)),
                                    QString::fromStdString(file.signerFingerprint()));
    PdfPages pages(newPage, painter, footer);
    const QFont title(QStringLiteral("sans-serif"), 16, QFont::Bold);
    const QFont heading(QStringLiteral("sans-serif"), 11, QFont::Bold);
    const QFont body(QStringLiteral("sans-serif"), 9);
    const QFont bold(QStringLiteral("sans-serif"), 9, QFont::Bold);
    pages.text(file.spec.title, title);
    pages.text(tr("%1 — published %2").arg(file.clinicName, DisplayText::dateTime(file.createdAtMs)), body);
    pages.text(ReportText::purpose(file.spec.purpose), bold,
               file.spec.purpose == reports::Purpose::Quality ? QColor(0x8a, 0x1c, 0x1c) : QColor(Qt::black));
    pages.text(ReportText::describe(file.spec), body);
    pages.text(tr("Cells with fewer than %1 distinct patients are suppressed, with complementary suppression "
                  "so that none can be recovered from the others. Medians are estimates interpolated from the "
                  "histogram; histogram bins were merged until each holds at least %1 patients.")
                   .arg(file.minimumCellSize),
               body, QColor(0x33, 0x33, 0x33), mm(4));
    for (const auto& cell : file.cells) {
        const auto& f = cell.figures;
        pages.ensure(mm(f.suppressed ? 12 : 60));
        pages.text(tr("%1 — %2").arg(ReportText::measure(cell.key.measure), ReportText::group(file.spec, cell.key)),
                   heading, Qt::black, mm(1));
        if (f.suppressed) {
            pages.text(tr("Suppressed: %1").arg(ReportText::suppression(f.reason)), bold, QColor(0x8a, 0x1c, 0x1c),
                       mm(4));
            continue;
        }
        const QString& m = cell.key.measure;
        const QString spread = reports::estimatesInformative(f)
                                   ? tr("median ~%1 (estimate; quartiles ~%2 and ~%3)")
                                         .arg(ReportText::value(m, f.medianEstimate),
                                              ReportText::value(m, f.p25Estimate), ReportText::value(m, f.p75Estimate))
                                   : tr("median and quartiles not estimable (the histogram's bins are too wide after "
                                        "disclosure control)");
        pages.text(tr("n = %1 patients (%2 observations); mean %3; SD %4; %5")
                       .arg(f.patients)
                       .arg(f.observations)
                       .arg(ReportText::value(m, f.mean), ReportText::value(m, f.sd), spread),
                   body);
        drawHistogram(painter, pages, cell);
    }
}

Status ReportPdf::write(const reports::ReportFile& file, const QString& path)
{
    if (file.kind != reports::ReportFile::Kind::Published)
        return makeError(ErrorCode::InvalidArgument, "only a published report has figures to export");
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::StorageError,
                         "cannot write " + path.toStdString() + ": " + out.errorString().toStdString());
    {
        QPdfWriter writer(&out);
        writer.setResolution(kDpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 12),
                                         QPageLayout::Millimeter));
        writer.setTitle(file.spec.title);
        writer.setCreator(QStringLiteral("CipherChart"));
        QPainter painter;
        if (!painter.begin(&writer))
            return makeError(ErrorCode::StorageError, "cannot start a PDF at " + path.toStdString());
        paint(file, painter, [&writer]() { writer.newPage(); });
        painter.end();
    }
    if (!out.commit())
        return makeError(ErrorCode::StorageError,
                         "cannot write " + path.toStdString() + ": " + out.errorString().toStdString());
    return {};
}

} // namespace cc::ui
