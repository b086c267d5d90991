// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/FhirExport.h"

#include "core/services/ExportService.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace cc::ui {

Status saveFhirExport(QWidget* parent, services::ClinicService& clinic, const access::PatientId& patient)
{
    const QString title = QCoreApplication::translate("FhirExport", "Export record as FHIR");
    const QString path = FileDialog::saveFileName(parent, title, QStringLiteral("fhir-record.json"),
                                                  QCoreApplication::translate("FhirExport", "FHIR JSON (*.json)"));
    if (path.isEmpty())
        return makeError(ErrorCode::Cancelled, "no file chosen");
    auto exported = services::ExportService(clinic).exportRecord(patient);
    if (!exported) {
        MessageBox::warning(parent, title, ErrorText::forError(exported.error()));
        return exported.error();
    }
    const QByteArray* bundle = &exported->bundle;
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly) &&
                         file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                         file.write(*bundle) == bundle->size() && file.commit();
    if (!written) {
        file.cancelWriting();
        MessageBox::warning(parent, title,
                            QCoreApplication::translate("FhirExport", "The file %1 could not be written: %2")
                                .arg(path, file.errorString()));
        return makeError(ErrorCode::StorageError, "the export file could not be written");
    }
    if (!exported->notInlined.empty()) {
        // Attachments over the limit are described in the file but their content is not: say so.
        QStringList names;
        for (const auto& a : exported->notInlined)
            names.append(QCoreApplication::translate("FhirExport", "%1 (%2 MiB)")
                             .arg(a.fileName)
                             .arg(static_cast<double>(a.size) / (1024.0 * 1024.0), 0, 'f', 1));
        MessageBox::warning(
            parent, title,
            QCoreApplication::translate("FhirExport",
                                        "The record was saved. Attachments up to %1 MiB are inside the file; these "
                                        "are larger and are only described there, save them from the attachments "
                                        "list:\n%2")
                .arg(exported->attachmentLimit >> 20)
                .arg(names.join(QLatin1Char('\n'))));
    }
    return {};
}

} // namespace cc::ui
