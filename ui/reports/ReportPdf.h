// SPDX-License-Identifier: GPL-3.0-or-later
// A published report as a PDF (QPdfWriter/QPainter): clinic, spec in words, per cell n, mean, SD,
// estimated median and a histogram, suppression marks, and on every page a footer with the report
// id, the report key id and the signer's fingerprint.
#pragma once

#include "core/Result.h"
#include "core/reports/ReportFile.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QPainter;

namespace cc::ui {

class ReportPdf
{
    Q_DECLARE_TR_FUNCTIONS(cc::ui::ReportPdf)

public:
    /// Writes the PDF through QSaveFile (a temporary file renamed over `path` at the end: a failure
    /// leaves no file and never a half-written one). Errors: InvalidArgument (not a published
    /// report), StorageError naming the file.
    [[nodiscard]] static Status write(const reports::ReportFile& file, const QString& path);
    /// Paints the report's pages with `painter` (a 150 dpi device: the PDF, or an image for a
    /// preview); `newPage` starts the next page.
    static void paint(const reports::ReportFile& file, QPainter& painter, const std::function<void()>& newPage);
    /// The CSV form (core/reports/ReportCsv) written the same way. Errors: as write().
    [[nodiscard]] static Status writeCsv(const reports::ReportFile& file, const QString& path);
};

} // namespace cc::ui
