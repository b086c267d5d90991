// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/FhirExport.h"

#include "core/services/ExportService.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace cc::ui {

Status saveFhirExport(QWidget* parent, services::ClinicService& clinic, const model::RowId& patient)
{
    const QString title = QCoreApplication::translate("FhirExport", "Export record as FHIR");
    const QString path = FileDialog::saveFileName(parent, title, QStringLiteral("fhir-record.json"),
                                                  QCoreApplication::translate("FhirExport", "FHIR JSON (*.json)"));
    if (path.isEmpty())
        return makeError(ErrorCode::Cancelled, "no file chosen");
    auto bundle = services::ExportService(clinic).exportFhir(patient);
    if (!bundle) {
        MessageBox::warning(parent, title, ErrorText::forError(bundle.error()));
        return bundle.error();
    }
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
    return {};
}

} // namespace cc::ui
