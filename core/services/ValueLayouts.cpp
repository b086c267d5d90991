// SPDX-License-Identifier: GPL-3.0-or-later
// Re-encryption of the values stored under a retired packed layout of their code.
#include "core/services/ValueLayouts.h"

#include "core/model/Observation.h"
#include "core/paillier/Ciphertext.h"
#include "core/ports/ReportStore.h"
#include "core/records/BlindToken.h"
#include "core/records/ObservationIndexer.h"
#include "core/records/PatientKeys.h"
#include "core/records/SealedRow.h"
#include "core/services/Audited.h"
#include "core/services/ConditionIndex.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace cc::services {

Result<std::size_t> ValueLayouts::complete(ClinicService& clinic, const interop::UnitsCatalogue& catalogue)
{
    auto& backend = clinic.backend();
    auto marker = backend.meta().get(ports::meta::kValueLayouts);
    CC_TRY(marker);
    const auto& current = ports::meta::kValueLayoutsCurrent;
    if (marker->has_value() && std::equal((*marker)->begin(), (*marker)->end(), current.begin(), current.end()))
        return std::size_t{0};
    auto ring = clinic.keys();
    CC_TRY(ring);
    if (!(*ring)->has(access::KeyKind::ClinicalCategory))
        return makeError(ErrorCode::AccessDenied, "re-encrypting values under their current layout needs the "
                                                  "clinical key (a doctor's session)");
    auto indexKey = ConditionIndex::indexKey(clinic);
    CC_TRY(indexKey);
    auto reportKey = ObservationService::reportKey(clinic);
    CC_TRY(reportKey);
    AuditSubject subject =
        makeSubject(audit::AuditEventId::SecurityAlert, audit::AuditEventType::SecurityConfiguration,
                    audit::AuditAction::Update, "ValueLayouts", {}, "values re-encrypted under current layouts");
    auto run = [&]() -> Result<std::size_t> {
        // The rows to redo, by chart: found by code token and the layout id in the ciphertext's
        // header alone (no document opened).
        std::map<access::PatientRef, std::vector<ports::ObservationIndexRow>> stale;
        for (const interop::UnitDefinition* def : catalogue.definitions()) {
            if (def->retiredLayoutIds.empty())
                continue;
            auto token = records::BlindToken::compute(**indexKey, records::TokenDimension::ObservationCode,
                                                      def->code.toStdString());
            CC_TRY(token);
            auto rows = backend.clinical().indexByCode({token->begin(), token->end()});
            CC_TRY(rows);
            for (auto& row : *rows) {
                if (row.paillier.empty())
                    continue;
                auto layout = paillier::Ciphertext::checkHeader(*reportKey, row.paillier, -1);
                CC_TRY(layout);
                const auto& retired = def->retiredLayoutIds;
                if (std::find(retired.begin(), retired.end(), *layout) != retired.end())
                    stale[row.patientRef].push_back(std::move(row));
            }
        }
        auto tx = backend.transactions().begin();
        CC_TRY(tx);
        const records::ObservationIndexer indexer(**indexKey, *reportKey, catalogue);
        // Each stale row's observation, opened with its chart's key; then the values encrypted in
        // batches on every core (ObservationIndexer::encryptAll), as an import does.
        std::vector<ports::ObservationIndexRow> rows;
        std::vector<model::Observation> observations;
        std::size_t patients = 0;
        if (!stale.empty())
            CC_TRY(PatientService::forEachChart(
                clinic, **ring,
                [&](const ports::PatientRow&, const records::PatientKey& key, const access::PatientRef& ref) -> Status {
                    const auto found = stale.find(ref);
                    if (found == stale.end())
                        return {};
                    for (auto& row : found->second) {
                        auto stored = backend.clinical().findRow(row.rowId);
                        CC_TRY(stored);
                        if (!stored->has_value() || (*stored)->kind != ports::ClinicalKind::Observation)
                            return makeError(ErrorCode::IntegrityFailure,
                                             "an observation index row has no observation row of its chart");
                        auto plain =
                            records::SealedRow::open(key.secret, key.keyId, ObservationService::kTable,
                                                     ObservationService::kColumn, row.rowId, (*stored)->document);
                        CC_TRY(plain);
                        auto observation = model::Observation::fromJson(QByteArray(
                            reinterpret_cast<const char*>(plain->data()), static_cast<qsizetype>(plain->size())));
                        CC_TRY(observation);
                        observations.push_back(std::move(*observation));
                        rows.push_back(std::move(row));
                    }
                    ++patients;
                    stale.erase(found);
                    return {};
                }));
        if (!stale.empty())
            return makeError(ErrorCode::IntegrityFailure, std::to_string(stale.size()) +
                                                              " patient references of stored values belong to no "
                                                              "patient of the clinic");
        auto ciphertexts = indexer.encryptAll(observations, clinic.rng(), 0, [](std::size_t) { return true; });
        CC_TRY(ciphertexts);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if ((*ciphertexts)[i].empty())
                return makeError(ErrorCode::IntegrityFailure, "an observation with a Paillier value no longer has a "
                                                              "summable value");
            CC_TRY(indexer.attach(rows[i], std::move((*ciphertexts)[i])));
            CC_TRY(backend.clinical().updateIndex(rows[i]));
        }
        const std::size_t values = rows.size();
        CC_TRY(
            backend.meta().set(ports::meta::kValueLayouts, std::vector<std::uint8_t>(current.begin(), current.end())));
        if (values > 0) {
            subject.detail += ": " + std::to_string(values) + " values of " + std::to_string(patients) + " patients";
            CC_TRY(clinic.record(subject, audit::AuditOutcome::Success));
        }
        CC_TRY((*tx)->commit());
        return values;
    };
    return oneTimeComputation(clinic, subject, run);
}

} // namespace cc::services
