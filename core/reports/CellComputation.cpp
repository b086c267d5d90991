// SPDX-License-Identifier: GPL-3.0-or-later
// Cohort selection by blind tokens and pipelined cell products.
#include "core/reports/CellComputation.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/paillier/Paillier.h"
#include "core/records/BlindToken.h"
#include "core/records/ConditionToken.h"
#include "core/records/ObservationLayout.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace cc::reports {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

constexpr std::size_t kBatch = 2048;

std::vector<std::uint8_t> tokenOf(const crypto::SecureBytes& key, records::TokenDimension d, const QString& value,
                                  Status& status)
{
    auto t = records::BlindToken::compute(key, d, value.toStdString());
    if (!t) {
        status = std::move(t).error();
        return {};
    }
    return {t->begin(), t->end()};
}

// The token → value index of one grouping or filter dimension.
using TokenIndex = std::map<std::vector<std::uint8_t>, std::size_t>;

Result<TokenIndex> tokensFor(const crypto::SecureBytes& key, Dimension d, const std::vector<QString>& values)
{
    const auto dim = d == Dimension::Sex       ? records::TokenDimension::Sex
                     : d == Dimension::AgeBand ? records::TokenDimension::AgeBand
                                               : records::TokenDimension::Year;
    TokenIndex out;
    Status status;
    for (std::size_t i = 0; i < values.size(); ++i) {
        auto t = tokenOf(key, dim, values[i], status);
        CC_TRY(status);
        out.emplace(std::move(t), i);
    }
    return out;
}

const std::vector<std::uint8_t>& columnOf(const ports::ObservationIndexRow& row, Dimension d)
{
    return d == Dimension::Sex ? row.sexToken : d == Dimension::AgeBand ? row.ageBandToken : row.yearToken;
}

// A batch of one cell's ciphertexts for the multiplier.
struct Batch
{
    std::size_t cell = 0;
    std::vector<paillier::Ciphertext> values;
};

// Multiplies batches into per-cell accumulators on its own thread while the reader reads.
class Multiplier
{
public:
    Multiplier(const paillier::PublicKey& key, std::vector<paillier::Ciphertext> initial, unsigned threads)
        : m_key(key), m_acc(std::move(initial)), m_threads(threads), m_worker([this] { loop(); })
    {}
    ~Multiplier() { static_cast<void>(finish()); }

    void push(Batch batch)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_queue.size() < 4 || m_failed; });
        m_queue.push_back(std::move(batch));
        m_ready.notify_one();
    }
    /// Waits for every batch; the products or the first error.
    Result<std::vector<paillier::Ciphertext>> finish()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
            m_ready.notify_one();
        }
        if (m_worker.joinable())
            m_worker.join();
        if (m_error)
            return *m_error;
        return m_acc;
    }
    double busyMs() const { return m_busyMs; }

private:
    void loop()
    {
        for (;;) {
            Batch batch;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [&] { return !m_queue.empty() || m_done; });
                if (m_queue.empty())
                    return;
                batch = std::move(m_queue.front());
                m_queue.pop_front();
                m_space.notify_one();
            }
            if (m_error)
                continue;
            const auto t0 = Clock::now();
            batch.values.push_back(m_acc[batch.cell]);
            auto product = paillier::sum(m_key, batch.values, m_threads);
            m_busyMs += msSince(t0);
            if (!product) {
                std::lock_guard lock(m_mutex);
                m_error = std::move(product).error();
                m_failed = true;
                m_space.notify_all();
                continue;
            }
            m_acc[batch.cell] = std::move(*product);
        }
    }

    const paillier::PublicKey& m_key;
    std::vector<paillier::Ciphertext> m_acc;
    unsigned m_threads;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<Batch> m_queue;
    bool m_done = false;
    bool m_failed = false;
    std::optional<Error> m_error;
    double m_busyMs = 0;
    std::thread m_worker; // last: starts after everything above exists
};

// The cell's blinding encryption of zero: α from HKDF(index key, salt = report id, info = label ‖ cell).
Result<paillier::Ciphertext> blindFor(const CellQuery& q, std::uint32_t cell, std::uint16_t layoutId)
{
    const auto modulus = q.key->modulus();
    std::size_t bits = modulus.size() * 8;
    for (std::uint8_t top = modulus.empty() ? 0 : modulus[0]; bits > 0 && (top & 0x80) == 0; top <<= 1)
        --bits;
    const std::size_t alphaBits = (bits + 1) / 2;
    const std::size_t alphaBytes = (alphaBits + 7) / 8;
    static constexpr char label[] = "CipherChart report cell blind v1";
    std::vector<std::uint8_t> info(label, label + sizeof label - 1);
    for (int s = 24; s >= 0; s -= 8)
        info.push_back(static_cast<std::uint8_t>(cell >> s));
    auto alpha = crypto::hkdfSha256(q.indexKey->span(), q.reportId, info, alphaBytes);
    CC_TRY(alpha);
    alpha->data()[0] = static_cast<std::uint8_t>(alpha->data()[0] & (0xffu >> (8 * alphaBytes - alphaBits)));
    return paillier::encryptWithAlpha(*q.key, paillier::Plaintext(0), alpha->span(), layoutId);
}

Error rowError(const ports::ObservationIndexRow& row, const std::string& what)
{
    return makeError(ErrorCode::IntegrityFailure, "observation index row " + crypto::hexEncode(row.rowId) + " " + what);
}

} // namespace

std::uint64_t ComputedCell::maxRowsPerPatient() const
{
    std::uint64_t m = 0;
    for (const auto& [patient, rows] : rowsPerPatient)
        m = std::max<std::uint64_t>(m, rows);
    return m;
}

Result<std::vector<ComputedCell>> computeCells(const ports::ReportStore& store, const CellQuery& q,
                                               ComputationTimes* times)
{
    const auto started = Clock::now();
    const ReportSpec& spec = *q.spec;
    const auto keys = spec.cells();
    std::vector<ComputedCell> cells(keys.size());
    std::vector<paillier::Ciphertext> initial;
    std::map<QString, paillier::PackedLayout> layouts;
    for (const auto& code : spec.measures) {
        auto layout = records::ObservationLayout::forCode(*q.catalogue, code);
        CC_TRY(layout);
        layouts.emplace(code, std::move(*layout));
    }
    for (const auto& k : keys) {
        const auto& layout = layouts.at(k.measure);
        cells[k.index].layoutId = layout.id();
        auto blind = blindFor(q, k.index, layout.id());
        CC_TRY(blind);
        initial.push_back(std::move(*blind));
    }
    // Tokens of the filters and groups.
    std::vector<TokenIndex> groupTokens;
    std::vector<std::size_t> stride(spec.groupBy.size(), 1);
    for (Dimension d : spec.groupBy) {
        auto t = tokensFor(*q.indexKey, d, spec.valuesOf(d));
        CC_TRY(t);
        groupTokens.push_back(std::move(*t));
    }
    for (std::size_t i = spec.groupBy.size(); i-- > 1;)
        stride[i - 1] = stride[i] * spec.valuesOf(spec.groupBy[i]).size();
    const std::size_t cellsPerMeasure = keys.size() / spec.measures.size();
    std::vector<std::pair<Dimension, TokenIndex>> filters;
    if (!spec.sexFilter.empty()) {
        auto t = tokensFor(*q.indexKey, Dimension::Sex, spec.sexFilter);
        CC_TRY(t);
        filters.emplace_back(Dimension::Sex, std::move(*t));
    }
    if (!spec.ageBandFilter.empty()) {
        auto t = tokensFor(*q.indexKey, Dimension::AgeBand, spec.ageBandFilter);
        CC_TRY(t);
        filters.emplace_back(Dimension::AgeBand, std::move(*t));
    }
    if (spec.years) {
        auto t = tokensFor(*q.indexKey, Dimension::Year, spec.valuesOf(Dimension::Year));
        CC_TRY(t);
        filters.emplace_back(Dimension::Year, std::move(*t));
    }
    // The condition filter: the patients (by reference) with a condition row of any of the codes,
    // found by the condition tokens alone; an index row is kept only if its patient is one of them.
    std::optional<std::set<access::PatientRef>> withCondition;
    if (!spec.conditionFilter.empty()) {
        auto complete = store.conditionTokensComplete();
        CC_TRY(complete);
        if (!*complete)
            return makeError(ErrorCode::Unsupported,
                             "condition tokens not yet computed: a doctor's login completes them (rows written "
                             "before schema 8); until then a report cannot filter by condition");
        std::vector<std::vector<std::uint8_t>> conditionTokens;
        for (const auto& c : spec.conditionFilter) {
            auto t = records::conditionToken(*q.indexKey, c.system, c.code);
            CC_TRY(t);
            if (t->has_value())
                conditionTokens.emplace_back((*t)->begin(), (*t)->end());
        }
        auto patients = store.patientsWithConditions(conditionTokens);
        CC_TRY(patients);
        withCondition = std::move(*patients);
    }
    Status status;
    const auto consentYes =
        tokenOf(*q.indexKey, records::TokenDimension::ResearchConsent, QStringLiteral("yes"), status);
    CC_TRY(status);

    Multiplier multiplier(*q.key, std::move(initial), q.threads);
    std::vector<Batch> pending(keys.size());
    double verifyMs = 0;
    std::uint64_t rowsRead = 0;
    for (std::size_t m = 0; m < spec.measures.size(); ++m) {
        const QString& code = spec.measures[m];
        const auto& layout = layouts.at(code);
        auto codeToken = tokenOf(*q.indexKey, records::TokenDimension::ObservationCode, code, status);
        CC_TRY(status);
        CC_TRY(store.forEachIndexRow(codeToken, [&](ports::ObservationIndexRow&& row) -> Status {
            ++rowsRead;
            if (spec.selection == Selection::Latest && !row.latest)
                return {};
            if (spec.purpose == Purpose::Research && row.consentToken != consentYes)
                return {};
            for (const auto& [d, tokens] : filters)
                if (tokens.count(columnOf(row, d)) == 0)
                    return {};
            if (withCondition && withCondition->count(row.patientRef) == 0)
                return {};
            std::size_t cell = m * cellsPerMeasure;
            for (std::size_t g = 0; g < spec.groupBy.size(); ++g) {
                const auto it = groupTokens[g].find(columnOf(row, spec.groupBy[g]));
                if (it == groupTokens[g].end())
                    return {}; // no value of this grouping (e.g. no age band): in no cell
                cell += it->second * stride[g];
            }
            const auto t0 = Clock::now();
            if (row.paillier.empty())
                return rowError(row, "of a summable code has no ciphertext");
            if (auto ok = q.verifyRow(row); !ok)
                return std::move(ok).error();
            auto c = paillier::Ciphertext::fromBytes(*q.key, row.paillier, layout.id());
            if (!c)
                return rowError(row, "holds a ciphertext that does not belong here: " + c.error().message);
            verifyMs += msSince(t0);
            ComputedCell& target = cells[cell];
            if (++target.observations > layout.maxCount())
                return makeError(ErrorCode::Overflow, "report cell " + std::to_string(cell) + " has more than " +
                                                          std::to_string(layout.maxCount()) +
                                                          " observations, the most its layout can sum");
            ++target.rowsPerPatient[row.patientRef];
            pending[cell].cell = cell;
            pending[cell].values.push_back(std::move(*c));
            if (pending[cell].values.size() >= kBatch) {
                multiplier.push(std::move(pending[cell]));
                pending[cell] = {};
            }
            return {};
        }));
    }
    for (auto& batch : pending)
        if (!batch.values.empty())
            multiplier.push(std::move(batch));
    const double readMs = msSince(started);
    auto products = multiplier.finish();
    CC_TRY(products);
    for (std::size_t i = 0; i < cells.size(); ++i)
        cells[i].ciphertext = std::move((*products)[i]);
    if (times != nullptr) {
        times->verifyMs = verifyMs;
        times->selectMs = readMs - verifyMs;
        times->multiplyMs = multiplier.busyMs();
        times->totalMs = msSince(started);
        times->rows = rowsRead;
    }
    return cells;
}

} // namespace cc::reports
