// SPDX-License-Identifier: GPL-3.0-or-later
// Observation index rows: tokens, packed Paillier values (catalogue or generic layout), row MACs.
#include "core/records/ObservationIndexer.h"

#include "core/paillier/Paillier.h"
#include "core/records/BlindToken.h"
#include "core/records/ObservationLayout.h"

#include <map>

namespace cc::records {
namespace {

std::vector<std::uint8_t> tokenBytes(const Token& t)
{
    return {t.begin(), t.end()};
}

} // namespace

Result<std::optional<IndexedValue>> ObservationIndexer::valueOf(const model::Observation& observation) const
{
    if (!observation.value)
        return std::optional<IndexedValue>{};
    const interop::UnitDefinition* def = m_catalogue.find(observation.code);
    if (def != nullptr && def->unit == observation.unit) {
        auto encoded = def->encode(*observation.value);
        CC_TRY(encoded);
        auto layout = ObservationLayout::forCode(m_catalogue, observation.code);
        if (!layout && layout.error().code == ErrorCode::Unsupported)
            return std::optional<IndexedValue>{}; // stored sealed and tokenised, without a Paillier value
        CC_TRY(layout);
        return std::optional<IndexedValue>{IndexedValue{std::move(*layout), *encoded}};
    }
    const interop::UnitDefinition generic = interop::UnitsCatalogue::generic(observation.code, observation.unit);
    auto encoded = generic.encode(generic.rounded(*observation.value));
    if (!encoded)
        return std::optional<IndexedValue>{}; // outside the generic range: the import lists it
    auto layout = ObservationLayout::forGeneric(observation.code, observation.unit);
    CC_TRY(layout);
    return std::optional<IndexedValue>{IndexedValue{std::move(*layout), *encoded}};
}

Result<ports::ObservationIndexRow> ObservationIndexer::tokens(const model::Patient& patient,
                                                              const access::PatientRef& ref,
                                                              const model::Observation& observation) const
{
    ports::ObservationIndexRow row;
    row.rowId = observation.id;
    row.patientRef = ref;
    auto code = BlindToken::compute(m_indexKey, TokenDimension::ObservationCode, observation.code.toStdString());
    CC_TRY(code);
    row.codeToken = tokenBytes(*code);
    auto sex = BlindToken::compute(m_indexKey, TokenDimension::Sex, model::sexToken(patient.sex).toStdString());
    CC_TRY(sex);
    row.sexToken = tokenBytes(*sex);
    // A placeholder or inconsistent birth date (after the observation) gives no age-band token
    // rather than a wrong one: the cohort then simply does not match on age.
    auto band = BlindToken::ageBand(patient.birthDate, observation.effective);
    if (band) {
        auto token = BlindToken::compute(m_indexKey, TokenDimension::AgeBand, *band);
        CC_TRY(token);
        row.ageBandToken = tokenBytes(*token);
    }
    auto year = BlindToken::year(observation.effective);
    CC_TRY(year);
    auto yearToken = BlindToken::compute(m_indexKey, TokenDimension::Year, *year);
    CC_TRY(yearToken);
    row.yearToken = tokenBytes(*yearToken);
    auto consent = consentToken(m_indexKey, !patient.researchOptOut);
    CC_TRY(consent);
    row.consentToken = std::move(*consent);
    return row;
}

Result<ports::ObservationIndexRow> ObservationIndexer::index(const model::Patient& patient,
                                                             const access::PatientRef& ref,
                                                             const model::Observation& observation,
                                                             crypto::Rng& rng) const
{
    auto row = tokens(patient, ref, observation);
    CC_TRY(row);
    auto value = valueOf(observation);
    CC_TRY(value);
    if (*value) {
        auto ciphertext = (*value)->layout.encrypt(m_reportKey, (*value)->encoded, rng);
        CC_TRY(ciphertext);
        CC_TRY(attach(*row, ciphertext->toBytes()));
    }
    return row;
}

Result<std::vector<std::vector<std::uint8_t>>>
ObservationIndexer::encryptAll(const std::vector<model::Observation>& observations, crypto::Rng& rng, unsigned threads,
                               const std::function<bool(std::size_t)>& advance) const
{
    struct Pending
    {
        std::size_t index = 0;
        std::uint64_t encoded = 0;
    };
    // Grouped by layout id: one layout object per group, one encryptBatch call per batch.
    std::map<std::uint16_t, std::pair<paillier::PackedLayout, std::vector<Pending>>> byLayout;
    std::vector<std::vector<std::uint8_t>> blobs(observations.size());
    std::size_t done = 0;
    for (std::size_t i = 0; i < observations.size(); ++i) {
        auto value = valueOf(observations[i]);
        CC_TRY(value);
        if (!*value) {
            done += observations[i].value ? 1 : 0;
            continue;
        }
        const std::uint16_t id = (*value)->layout.id();
        auto it = byLayout.find(id);
        if (it == byLayout.end())
            it = byLayout.emplace(id, std::make_pair((*value)->layout, std::vector<Pending>{})).first;
        it->second.second.push_back({i, (*value)->encoded});
    }
    for (auto& [id, group] : byLayout) {
        const paillier::PackedLayout& layout = group.first;
        const std::vector<Pending>& pending = group.second;
        CC_TRY(layout.checkFits(m_reportKey));
        for (std::size_t start = 0; start < pending.size(); start += kBatchSize) {
            if (advance && !advance(done))
                return makeError(ErrorCode::Cancelled, "the import was cancelled");
            const std::size_t end = std::min(pending.size(), start + kBatchSize);
            std::vector<paillier::Plaintext> plaintexts;
            plaintexts.reserve(end - start);
            for (std::size_t j = start; j < end; ++j) {
                auto packed = layout.encode(pending[j].encoded);
                CC_TRY(packed);
                plaintexts.push_back(std::move(*packed));
            }
            auto ciphertexts = paillier::encryptBatch(m_reportKey, plaintexts, rng, threads, layout.id());
            CC_TRY(ciphertexts);
            for (std::size_t j = start; j < end; ++j)
                blobs[pending[j].index] = (*ciphertexts)[j - start].toBytes();
            done += end - start;
        }
    }
    if (advance && !advance(done))
        return makeError(ErrorCode::Cancelled, "the import was cancelled");
    return blobs;
}

Status ObservationIndexer::attach(ports::ObservationIndexRow& row, std::vector<std::uint8_t> paillier) const
{
    auto mac = rowMac(m_indexKey, row.rowId, paillier);
    CC_TRY(mac);
    row.paillier = std::move(paillier);
    row.paillierMac.assign(mac->begin(), mac->end());
    return {};
}

Result<crypto::Digest256> ObservationIndexer::rowMac(const crypto::SecureBytes& indexKey, const model::RowId& rowId,
                                                     std::span<const std::uint8_t> ciphertext)
{
    std::vector<std::uint8_t> input;
    input.reserve(rowId.size() + ciphertext.size());
    for (std::uint8_t b : rowId)
        input.push_back(b);
    input.insert(input.end(), ciphertext.begin(), ciphertext.end());
    return crypto::hmacSha256(indexKey.span(), input);
}

Result<crypto::Digest256> ObservationIndexer::rowMac(const crypto::HmacSha256& indexKey, const model::RowId& rowId,
                                                     std::span<const std::uint8_t> ciphertext)
{
    std::vector<std::uint8_t> input;
    input.reserve(rowId.size() + ciphertext.size());
    input.insert(input.end(), rowId.begin(), rowId.end());
    input.insert(input.end(), ciphertext.begin(), ciphertext.end());
    return indexKey.mac(input);
}

Result<std::vector<std::uint8_t>> ObservationIndexer::consentToken(const crypto::SecureBytes& indexKey, bool consents)
{
    auto token = BlindToken::compute(indexKey, TokenDimension::ResearchConsent, consents ? "yes" : "no");
    CC_TRY(token);
    return tokenBytes(*token);
}

} // namespace cc::records
