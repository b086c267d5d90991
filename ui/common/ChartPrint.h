// SPDX-License-Identifier: GPL-3.0-or-later
// Printing a chart to PDF: the summary (doctor's and patient's) and one observation trend, each
// page headed by the patient banner (name, date of birth, sex, MRN, allergies) and numbered, so a
// loose page always says whose it is. The caller reads the chart through
// PatientService::chartForPrint, which records the print in the audit trail.
#pragma once

#include "core/Result.h"
#include "core/services/ChartSummary.h"

#include <QString>

class QWidget;

namespace cc::services {
class ClinicService;
}

namespace cc::ui::chartprint {

/// Whose chart, printed on every page: "Lovelace, Ada · born 1 May 1970 (56 y) · female · MRN
/// 12345 · Allergies: Peanut" ("No known allergies" when none).
[[nodiscard]] QString bannerLine(const model::Patient& patient, const services::ChartSummary& summary);

/// The summary as HTML: active problems, current medications, allergies, latest vital signs and
/// laboratory results with their reference ranges and flags, last encounters. `forPatient` words
/// it for the patient ("Your health problems", "Your medicines") instead of clinical headings.
[[nodiscard]] QString summaryHtml(const services::ChartSummary& summary, bool forPatient);

/// Writes `html` as an A4 PDF to `path`, atomically (nothing is left at `path` on failure), with
/// `title`, `banner` and "Page i of n" on every page and the printing time in the footer.
/// Errors: StorageError naming the file.
[[nodiscard]] Status writeDocumentPdf(const QString& path, const QString& title, const QString& banner,
                                      const QString& html);

/// Writes `view` (a trend chart) as a one-page A4 landscape PDF with `title` and `banner`, drawn
/// as vectors. Errors: StorageError naming the file.
[[nodiscard]] Status writeWidgetPdf(const QString& path, const QString& title, const QString& banner, QWidget* view);

/// The print use case of the windows: asks for a file (FileDialog), reads the chart through
/// PatientService::chartForPrint (access check and audit event), writes the summary PDF (the
/// patient's wording when `forPatient`). A failure is shown (MessageBox) and returned; Cancelled
/// when no file was chosen. Returns the path written.
Result<QString> saveSummaryPdf(QWidget* parent, services::ClinicService& clinic, const access::PatientId& patient,
                               bool forPatient);

/// The same for the trend of `code` drawn in `view` (titled `title`).
Result<QString> saveTrendPdf(QWidget* parent, services::ClinicService& clinic, const access::PatientId& patient,
                             const QString& code, const QString& title, QWidget* view);

} // namespace cc::ui::chartprint
