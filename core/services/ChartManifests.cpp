// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ChartManifests.h"

#include "core/records/ChartManifest.h"
#include "core/records/PatientKeys.h"
#include "core/services/ClinicService.h"
#include "core/services/PatientService.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace cc::services {

namespace {

Result<bool> manifestsComplete(ClinicService& clinic)
{
    auto marker = clinic.backend().meta().get(ports::meta::kChartManifests);
    CC_TRY(marker);
    if (!marker->has_value())
        return false;
    const auto& value = **marker;
    return std::string_view(reinterpret_cast<const char*>(value.data()), value.size()) ==
           ports::meta::kChartManifestsDone;
}

/// Writes one chart's manifest from its rows as stored now (none left: removed). With `change`,
/// the rows it did not touch are first checked against the stored manifest.
Status writeManifest(ClinicService& clinic, const access::KeyRing& ring, const access::PatientRef& ref,
                     const model::RowId& patient, const ports::ChartChange* change, std::size_t* rowsOut = nullptr)
{
    auto& backend = clinic.backend();
    auto rows = backend.clinical().rowsOf(ref, std::nullopt);
    CC_TRY(rows);
    if (rowsOut != nullptr)
        *rowsOut += rows->size();
    auto row = backend.patients().find(patient);
    CC_TRY(row);
    if (!row->has_value())
        return makeError(ErrorCode::IntegrityFailure, "a changed chart's patient is not in the clinic");
    auto key = records::PatientKeys::unwrap(ring, records::PatientKeyKind::Clinical, patient, (*row)->clinicalKeyId,
                                            (*row)->clinicalKeyWrapped);
    CC_TRY(key);
    if (change != nullptr && !change->moved) {
        auto stored = backend.clinical().chartManifest(ref);
        CC_TRY(stored);
        Status untouched;
        if (stored->has_value()) {
            untouched = records::ChartManifest::check(*key, ref, **stored, *rows, std::nullopt, change->rows);
        } else {
            auto complete = manifestsComplete(clinic);
            CC_TRY(complete);
            const bool older =
                std::any_of(rows->begin(), rows->end(), [&](const auto& r) { return change->rows.count(r.id) == 0; });
            if (*complete && older)
                untouched = makeError(ErrorCode::IntegrityFailure, "the chart's manifest is missing");
        }
        if (!untouched)
            return makeError(ErrorCode::IntegrityFailure,
                             "this chart was changed outside CipherChart before this change, which was not saved: " +
                                 untouched.error().message);
    }
    if (rows->empty())
        return backend.clinical().putChartManifest(ref, {});
    auto manifest = records::ChartManifest::build(*key, ref, *rows);
    CC_TRY(manifest);
    return backend.clinical().putChartManifest(ref, *manifest);
}

} // namespace

Status ChartManifests::seal(ClinicService& clinic, const std::map<access::PatientRef, ports::ChartChange>& changed)
{
    auto ring = clinic.keys();
    CC_TRY(ring);
    if (!(*ring)->has(access::KeyKind::ClinicalCategory))
        return makeError(ErrorCode::AccessDenied, "only a session holding the clinical key (a doctor's) can change "
                                                  "chart rows: nothing was written");
    for (const auto& [ref, change] : changed) {
        auto patient = clinic.chartOwner(ref);
        if (!patient) {
            // A clinic not converted yet names charts by the clear patient id (records::legacyPatientRef).
            auto legacy = clinic.backend().patients().find(ref.bytes);
            CC_TRY(legacy);
            if (legacy->has_value())
                patient = ref.bytes;
        }
        if (!patient)
            return makeError(ErrorCode::Internal,
                             "a chart changed whose patient this session did not open: nothing was written");
        CC_TRY(writeManifest(clinic, **ring, ref, *patient, &change));
    }
    return {};
}

Result<bool> ChartManifests::check(ClinicService& clinic, const ChartKey& chart,
                                   const std::vector<ports::ClinicalRow>& rows, std::optional<ports::ClinicalKind> kind)
{
    auto manifest = clinic.backend().clinical().chartManifest(chart.ref);
    CC_TRY(manifest);
    if (manifest->has_value()) {
        CC_TRY(records::ChartManifest::check(chart.key, chart.ref, **manifest, rows, kind));
        return true;
    }
    if (rows.empty())
        return false; // a chart with no rows (of this kind) and no manifest
    auto complete = manifestsComplete(clinic);
    CC_TRY(complete);
    if (!*complete)
        return false; // an older clinic whose charts a doctor's login has not listed yet
    return makeError(ErrorCode::IntegrityFailure,
                     "this chart's manifest is missing: it was removed outside CipherChart, so deleted or reverted "
                     "rows could not be told");
}

Result<std::vector<ports::ClinicalRow>> ChartManifests::rowsOf(ClinicService& clinic, const ChartKey& chart,
                                                               std::optional<ports::ClinicalKind> kind)
{
    auto rows = clinic.backend().clinical().rowsOf(chart.ref, kind);
    CC_TRY(rows);
    CC_TRY(check(clinic, chart, *rows, kind));
    return rows;
}

Result<std::size_t> ChartManifests::complete(ClinicService& clinic)
{
    auto done = manifestsComplete(clinic);
    CC_TRY(done);
    if (*done)
        return std::size_t{0};
    auto ring = clinic.keys();
    CC_TRY(ring);
    if (!(*ring)->has(access::KeyKind::ClinicalCategory))
        return makeError(ErrorCode::AccessDenied,
                         "writing chart manifests needs the clinical key (a doctor's session)");
    auto& backend = clinic.backend();
    AuditSubject subject = makeSubject(audit::AuditEventId::SecurityAlert, audit::AuditEventType::SecurityConfiguration,
                                       audit::AuditAction::Update, "ChartManifests", {}, "chart manifests written");
    // The charts are trusted as they stand (as the index seal's first seal is): flagged for review.
    subject.flagged = true;
    auto run = [&]() -> Result<std::size_t> {
        auto tx = backend.transactions().begin();
        CC_TRY(tx);
        std::size_t charts = 0, rows = 0;
        CC_TRY(PatientService::forEachChart(
            clinic, **ring,
            [&](const ports::PatientRow& row, const records::PatientKey&, const access::PatientRef& ref) -> Status {
                const std::size_t before = rows;
                CC_TRY(writeManifest(clinic, **ring, ref, row.id, nullptr, &rows));
                charts += rows > before ? 1 : 0;
                return {};
            }));
        CC_TRY(backend.meta().set(ports::meta::kChartManifests,
                                  std::vector<std::uint8_t>(ports::meta::kChartManifestsDone.begin(),
                                                            ports::meta::kChartManifestsDone.end())));
        subject.detail += ": " + std::to_string(charts) + " charts, " + std::to_string(rows) + " rows";
        CC_TRY(clinic.record(subject, audit::AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        return charts;
    };
    auto result = run();
    if (!result) {
        subject.detail += ": " + result.error().message;
        CC_TRY(clinic.record(subject, audit::AuditOutcome::MinorFailure));
    }
    return result;
}

} // namespace cc::services
