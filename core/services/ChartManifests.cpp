// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ChartManifests.h"

#include "core/records/ChartManifest.h"
#include "core/records/PatientKeys.h"
#include "core/services/Audited.h"
#include "core/services/ClinicService.h"
#include "core/services/PatientService.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

namespace cc::services {

namespace {

/// How far the clinic's manifests go (meta chart_manifests).
enum class Listed { Nothing, Rows, RowsAndAttachments };

Result<Listed> listed(ClinicService& clinic)
{
    auto marker = clinic.backend().meta().get(ports::meta::kChartManifests);
    CC_TRY(marker);
    if (!marker->has_value())
        return Listed::Nothing;
    const auto& value = **marker;
    const std::string_view text(reinterpret_cast<const char*>(value.data()), value.size());
    if (text == ports::meta::kChartManifestsDone)
        return Listed::RowsAndAttachments;
    if (text == ports::meta::kChartManifestsRows)
        return Listed::Rows;
    return makeError(ErrorCode::IntegrityFailure, "the clinic's chart_manifests marker holds an unknown value");
}

/// What writeManifest() counted.
struct Counts
{
    std::size_t rows = 0;
    std::size_t attachments = 0;
};

/// How writeManifest() treats what is stored before it writes.
enum class Before {
    Trust,       ///< written as the chart stands (trust on first use)
    CheckRows,   ///< the clinical rows must match the stored manifest (listing attachments from now on)
    CheckChange, ///< the rows and attachments a unit of work did not touch must match
};

/// Writes one chart's manifest from its rows and attachments as stored now (none left: removed).
Status writeManifest(ClinicService& clinic, const access::KeyRing& ring, const access::PatientRef& ref,
                     const access::PatientId& patient, Before before, const ports::ChartChange* change,
                     Counts* counts = nullptr)
{
    auto& backend = clinic.backend();
    auto rows = backend.clinical().rowsOf(ref, std::nullopt);
    CC_TRY(rows);
    auto attachments = backend.attachments().listOf(ref);
    CC_TRY(attachments);
    auto row = backend.patients().find(patient);
    CC_TRY(row);
    if (!row->has_value())
        return makeError(ErrorCode::IntegrityFailure, "a changed chart's patient is not in the clinic");
    auto key = records::PatientKeys::unwrap(ring, records::PatientKeyKind::Clinical, patient, (*row)->clinicalKeyId,
                                            (*row)->clinicalKeyWrapped);
    CC_TRY(key);
    if (before != Before::Trust) {
        static const std::set<model::RowId> kNone;
        const auto& exempt = before == Before::CheckChange ? change->rows : kNone;
        auto state = listed(clinic);
        CC_TRY(state);
        auto stored = backend.clinical().chartManifest(ref);
        CC_TRY(stored);
        Status untouched;
        if (stored->has_value()) {
            untouched = records::ChartManifest::check(*key, ref, **stored, *rows, std::nullopt, exempt);
            if (untouched && before == Before::CheckChange && *state == Listed::RowsAndAttachments)
                untouched = records::ChartManifest::checkAttachments(*key, ref, **stored, *attachments, exempt);
        } else {
            const auto older = [&](const auto& items) {
                return std::any_of(items.begin(), items.end(), [&](const auto& r) { return exempt.count(r.id) == 0; });
            };
            const bool missing = (*state != Listed::Nothing && older(*rows)) ||
                                 (*state == Listed::RowsAndAttachments && older(*attachments));
            if (missing)
                untouched = makeError(ErrorCode::IntegrityFailure, "the chart's manifest is missing");
        }
        if (!untouched && before == Before::CheckChange)
            return makeError(ErrorCode::IntegrityFailure,
                             "this chart was changed outside CipherChart before this change, which was not saved: " +
                                 untouched.error().message);
        CC_TRY(untouched);
    }
    if (counts != nullptr) {
        counts->rows += rows->size();
        counts->attachments += attachments->size();
    }
    if (rows->empty() && attachments->empty())
        return backend.clinical().putChartManifest(ref, {});
    auto manifest = records::ChartManifest::build(*key, ref, *rows, *attachments);
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
            auto legacy = clinic.backend().patients().find(access::PatientId{ref.bytes});
            CC_TRY(legacy);
            if (legacy->has_value())
                patient = access::PatientId{ref.bytes};
        }
        if (!patient)
            return makeError(ErrorCode::Internal,
                             "a chart changed whose patient this session did not open: nothing was written");
        CC_TRY(
            writeManifest(clinic, **ring, ref, *patient, change.moved ? Before::Trust : Before::CheckChange, &change));
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
    auto state = listed(clinic);
    CC_TRY(state);
    if (*state == Listed::Nothing)
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

Status ChartManifests::checkAttachments(ClinicService& clinic, const ChartKey& chart,
                                        const std::vector<ports::AttachmentRow>& attachments, bool onlyThese)
{
    auto state = listed(clinic);
    CC_TRY(state);
    if (*state != Listed::RowsAndAttachments)
        return {}; // the manifests do not list attachments yet (a doctor's login adds them)
    auto manifest = clinic.backend().clinical().chartManifest(chart.ref);
    CC_TRY(manifest);
    if (manifest->has_value())
        return records::ChartManifest::checkAttachments(chart.key, chart.ref, **manifest, attachments, {}, onlyThese);
    if (attachments.empty())
        return {};
    return makeError(ErrorCode::IntegrityFailure,
                     "this chart's manifest is missing: it was removed outside CipherChart, so deleted or altered "
                     "attachments could not be told");
}

Result<std::vector<ports::AttachmentRow>> ChartManifests::attachmentsOf(ClinicService& clinic, const ChartKey& chart)
{
    auto rows = clinic.backend().attachments().listOf(chart.ref);
    CC_TRY(rows);
    CC_TRY(checkAttachments(clinic, chart, *rows));
    return rows;
}

Result<std::size_t> ChartManifests::complete(ClinicService& clinic)
{
    auto state = listed(clinic);
    CC_TRY(state);
    if (*state == Listed::RowsAndAttachments)
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
        std::size_t charts = 0, left = 0;
        Counts counts;
        // Manifests listing clinical rows already: each chart's rows are checked before its
        // attachments join them, so a difference is not blessed; such a chart keeps its manifest.
        const Before before = *state == Listed::Rows ? Before::CheckRows : Before::Trust;
        CC_TRY(PatientService::forEachChart(
            clinic, **ring,
            [&](const ports::PatientRow& row, const records::PatientKey&, const access::PatientRef& ref) -> Status {
                const Counts was = counts;
                auto written = writeManifest(clinic, **ring, ref, row.id, before, nullptr, &counts);
                if (!written && written.error().code == ErrorCode::IntegrityFailure) {
                    ++left;
                    return {};
                }
                CC_TRY(written);
                charts += counts.rows + counts.attachments > was.rows + was.attachments ? 1 : 0;
                return {};
            }));
        CC_TRY(backend.meta().set(ports::meta::kChartManifests,
                                  std::vector<std::uint8_t>(ports::meta::kChartManifestsDone.begin(),
                                                            ports::meta::kChartManifestsDone.end())));
        subject.detail += ": " + std::to_string(charts) + " charts, " + std::to_string(counts.rows) + " rows, " +
                          std::to_string(counts.attachments) + " attachments";
        if (left != 0)
            subject.detail += "; " + std::to_string(left) +
                              " charts left as they were (their rows differ from "
                              "their manifests)";
        CC_TRY(clinic.record(subject, audit::AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        return charts;
    };
    return oneTimeComputation(clinic, subject, run);
}

} // namespace cc::services
