// SPDX-License-Identifier: GPL-3.0-or-later
// Condition tokens at entry and import, and their one-time computation for older rows.
#include "core/services/ConditionIndex.h"

#include "core/ports/ReportStore.h"
#include "core/records/ConditionToken.h"
#include "core/records/PatientKeys.h"
#include "core/records/SealedRow.h"
#include "core/services/Audited.h"
#include "core/services/ObservationService.h"
#include "core/services/PatientService.h"

#include <optional>
#include <string>

namespace cc::services {

Result<const crypto::SecureBytes*> ConditionIndex::indexKey(ClinicService& clinic)
{
    auto ring = clinic.keys();
    CC_TRY(ring);
    const access::KeyEntry* entry = (*ring)->find(access::KeyKind::Index);
    if (entry == nullptr)
        return makeError(ErrorCode::AccessDenied, "this account holds no index key");
    return &entry->secret;
}

Status ConditionIndex::writeToken(ClinicService& clinic, const crypto::SecureBytes& indexKey,
                                  const model::Condition& condition)
{
    auto token = records::conditionToken(indexKey, condition.codeSystem, condition.code);
    CC_TRY(token);
    std::vector<std::uint8_t> bytes;
    if (token->has_value())
        bytes.assign((*token)->begin(), (*token)->end());
    return clinic.backend().clinical().setConditionToken(condition.id, bytes);
}

Result<std::size_t> ConditionIndex::complete(ClinicService& clinic)
{
    auto& backend = clinic.backend();
    auto marker = backend.meta().get(ports::meta::kConditionTokens);
    CC_TRY(marker);
    if (marker->has_value())
        return std::size_t{0};
    auto ring = clinic.keys();
    CC_TRY(ring);
    if (!(*ring)->has(access::KeyKind::ClinicalCategory))
        return makeError(ErrorCode::AccessDenied, "computing condition tokens needs the clinical key (a doctor's "
                                                  "session)");
    auto index = indexKey(clinic);
    CC_TRY(index);
    AuditSubject subject = makeSubject(audit::AuditEventId::SecurityAlert, audit::AuditEventType::SecurityConfiguration,
                                       audit::AuditAction::Update, "ConditionTokens", {}, "condition tokens computed");
    auto run = [&]() -> Result<std::size_t> {
        auto tx = backend.transactions().begin();
        CC_TRY(tx);
        std::size_t patients = 0, tokens = 0, uncoded = 0;
        CC_TRY(PatientService::forEachChart(
            clinic, **ring,
            [&](const ports::PatientRow&, const records::PatientKey& key, const access::PatientRef& ref) -> Status {
                auto conditions = backend.clinical().rowsOf(ref, ports::ClinicalKind::Condition);
                CC_TRY(conditions);
                for (const auto& stored : *conditions) {
                    auto plain = records::SealedRow::open(key.secret, key.keyId, ObservationService::kTable,
                                                          ObservationService::kColumn, stored.id, stored.document);
                    CC_TRY(plain);
                    auto condition = model::Condition::fromJson(QByteArray(reinterpret_cast<const char*>(plain->data()),
                                                                           static_cast<qsizetype>(plain->size())));
                    CC_TRY(condition);
                    condition->id = stored.id;
                    CC_TRY(writeToken(clinic, **index, *condition));
                    ++(condition->code.isEmpty() || condition->codeSystem.isEmpty() ? uncoded : tokens);
                }
                patients += conditions->empty() ? 0 : 1;
                return {};
            }));
        CC_TRY(backend.meta().set(ports::meta::kConditionTokens,
                                  std::vector<std::uint8_t>(ports::meta::kConditionTokensDone.begin(),
                                                            ports::meta::kConditionTokensDone.end())));
        subject.detail += ": " + std::to_string(patients) + " patients, " + std::to_string(tokens) + " conditions, " +
                          std::to_string(uncoded) + " uncoded";
        CC_TRY(clinic.record(subject, audit::AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        return tokens;
    };
    return oneTimeComputation(clinic, subject, run);
}

} // namespace cc::services
