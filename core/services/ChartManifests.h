// SPDX-License-Identifier: GPL-3.0-or-later
// Chart manifests (schema 9; docs/RECORDS.md, "Chart manifests"; records/ChartManifest.h):
// rewritten at the commit of every unit of work that changes a chart's rows, checked whenever a
// chart's rows are read, and computed once for the charts of older clinics.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/ports/AttachmentStore.h"
#include "core/ports/ClinicalStore.h"

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

namespace cc::services {

class ClinicService;
struct ChartKey;

class ChartManifests
{
public:
    /// The clinic's ports::ChartSealer: for every chart in `changed`, first checks that the rows
    /// this unit of work did not touch are still as the stored manifest lists them (so a row
    /// deleted or reverted behind the services' back is named, not blessed by the next genuine
    /// write), then writes the manifest of its rows as they now stand (or removes it when none is
    /// left). Each chart's patient must have been opened in this session (PatientService::
    /// patientRef remembers it). Errors: AccessDenied (no clinical key: not a doctor's session),
    /// IntegrityFailure (the chart was changed outside CipherChart), Internal (a chart this session
    /// never opened), CryptoFailure, storage errors. Any error rolls the unit of work back.
    [[nodiscard]] static Status seal(ClinicService& clinic,
                                     const std::map<access::PatientRef, ports::ChartChange>& changed);

    /// A chart's rows (of one kind if given), checked against its manifest before anything is
    /// opened. A chart with no manifest passes only while the clinic's older charts have not been
    /// given theirs yet (meta chart_manifests), or when it has no rows. Errors: IntegrityFailure
    /// naming the row deleted, reverted or planted, or the manifest missing; MalformedInput;
    /// storage errors.
    [[nodiscard]] static Result<std::vector<ports::ClinicalRow>> rowsOf(ClinicService& clinic, const ChartKey& chart,
                                                                        std::optional<ports::ClinicalKind> kind);
    /// The check of rowsOf() over rows already read: true if a manifest was there (and matched),
    /// false if the chart passed without one. Errors: as rowsOf().
    [[nodiscard]] static Result<bool> check(ClinicService& clinic, const ChartKey& chart,
                                            const std::vector<ports::ClinicalRow>& rows,
                                            std::optional<ports::ClinicalKind> kind);

    /// A chart's attachments, checked against its manifest before any is opened (once the
    /// clinic's manifests list attachments: meta chart_manifests "2"). Errors: IntegrityFailure
    /// naming the attachment deleted, altered or planted, or the manifest missing; MalformedInput;
    /// storage errors.
    [[nodiscard]] static Result<std::vector<ports::AttachmentRow>> attachmentsOf(ClinicService& clinic,
                                                                                 const ChartKey& chart);
    /// The check of attachmentsOf() over rows already read; with `onlyThese`, only that the given
    /// attachments are listed as stored (one attachment opened by id). Errors: as attachmentsOf().
    [[nodiscard]] static Status checkAttachments(ClinicService& clinic, const ChartKey& chart,
                                                 const std::vector<ports::AttachmentRow>& attachments,
                                                 bool onlyThese = false);

    /// Writes the manifest of every chart in one transaction, audited ("chart manifests written:
    /// N charts, M rows, K attachments", a security event flagged for review: the charts are
    /// trusted as they stand), and marks the clinic done (meta chart_manifests "2"); a no-op once
    /// done. For clinics from before schema 9, and for those whose manifests list only clinical
    /// rows (meta "1"): there each chart's rows are checked against its manifest first, and a chart
    /// whose rows differ keeps its manifest as it was (named in the event; it is refused when it
    /// opens) rather than having the difference blessed. Needs the clinical category key (a
    /// doctor's login calls it through PatientService::convertToReferences). Returns the number of
    /// charts written. Errors: AccessDenied, KeyMismatch, storage errors.
    [[nodiscard]] static Result<std::size_t> complete(ClinicService& clinic);
};

} // namespace cc::services
