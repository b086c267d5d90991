// SPDX-License-Identifier: GPL-3.0-or-later
// A clinical note, shared with the patient (patient portal, right of access) or not.
#pragma once

#include "core/Result.h"
#include "core/model/RowId.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace cc::model {

/// One note. `id`, `patientId`, `encounterId` are plaintext columns, not in the document.
struct ClinicalNote
{
    static constexpr int kVersion = 1;

    RowId id{};
    access::PatientId patientId{};
    std::optional<RowId> encounterId;
    QString authored;               ///< ISO 8601 date-time, required
    QString author;                 ///< display name of the author, required, <= 200 bytes
    QString title;                  ///< optional, <= 1024 bytes
    QString text;                   ///< required, <= 1 MB of UTF-8
    bool sharedWithPatient = false; ///< the patient may read it (false unless the author says so)

    /// The canonical JSON document (sorted keys, "v").
    [[nodiscard]] QByteArray toJson() const;
    /// Strict decoder: MalformedInput naming "note.<field>" (a text over 1 MB, a missing
    /// "sharedWithPatient" ...); Unsupported for another "v".
    [[nodiscard]] static Result<ClinicalNote> fromJson(const QByteArray& json);

    bool operator==(const ClinicalNote&) const = default;
};

} // namespace cc::model
