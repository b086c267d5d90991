// SPDX-License-Identifier: GPL-3.0-or-later
// Cohort selection by blind tokens and pipelined cell products.
#include "core/reports/CellComputation.h"

#include "core/WorkQueue.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/paillier/Paillier.h"
#include "core/paillier/RunningProduct.h"
#include "core/records/BlindToken.h"
#include "core/records/ConditionToken.h"
#include "core/records/IndexDigester.h"
#include "core/records/IndexSeal.h"
#include "core/records/ObservationLayout.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>

namespace cc::reports {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// The calling thread's own CPU time in milliseconds (POSIX CLOCK_THREAD_CPUTIME_ID): the work of
// the multiplying threads is timed with it, since a wall clock would also count the slices the
// reader thread takes from them on a machine with as many cores as multiplying threads.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

constexpr std::size_t kBatch = 256; // rows per batch: small enough that every thread gets work in a small report

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

// Rows the reader has placed in their cells, for the multiplying threads.
constexpr std::uint32_t kNoCell = 0xffffffffu; // a row read only for the index digest

struct Batch
{
    std::vector<std::uint32_t> cells; // per row; kNoCell: outside the cohort
    ports::ObservationIndexBatch rows;

    void add(ports::ObservationIndexRow& row, std::uint32_t cell)
    {
        cells.push_back(cell);
        rows.add(row);
    }
    void clear() noexcept
    {
        cells.clear();
        rows.clear();
    }
};

Error rowError(const ports::ObservationIndexRow& row, const std::string& what)
{
    return makeError(ErrorCode::IntegrityFailure, "observation index row " + crypto::hexEncode(row.rowId) + " " + what);
}

// The multiplying threads: each checks its batches' rows (verifyRow, then the ciphertext's form
// while multiplying it into that thread's product of the cell), so the checks run on every core
// alongside the products while the reader goes on reading.
class Workers
{
public:
    Workers(const CellQuery& q, const std::vector<ComputedCell>& cells, unsigned threads, bool digest)
        : m_q(q), m_cells(cells), m_digest(digest), m_queue(2 * std::size_t{threads}), m_products(threads)
    {
        for (unsigned i = 0; i < threads; ++i)
            m_threads.emplace_back([this, i] { loop(i); });
    }
    ~Workers() { static_cast<void>(finish()); }

    /// Queues a batch; false once a thread has failed (the reader stops).
    bool push(Batch batch) { return m_queue.push(std::move(batch)); }
    /// An empty batch for the reader to fill: a spent one, its row buffers reused.
    Batch spare() { return m_spare.take(); }

    /// Waits for every batch; each thread's products per cell (unstarted where it saw no row), or
    /// the first error.
    Result<std::vector<std::vector<std::optional<paillier::RunningProduct>>>> finish()
    {
        m_queue.close();
        for (auto& t : m_threads)
            if (t.joinable())
                t.join();
        if (m_error)
            return *m_error;
        return std::move(m_products);
    }
    double verifyMs() const { return m_verifyMs; }
    double multiplyMs() const { return m_multiplyMs; }
    double hashMs() const { return m_hashMs; }
    /// The digest of every row the threads were given (after finish()).
    const ports::IndexDigest& digest() const { return m_total; }

private:
    void loop(unsigned self)
    {
        auto& products = m_products[self];
        products.resize(m_cells.size());
        double verifyMs = 0, multiplyMs = 0, hashMs = 0;
        ports::IndexDigest digest;
        std::vector<std::uint8_t> element; // reused for every row's seal element
        while (auto next = m_queue.pop()) {
            Batch& batch = *next;
            if (m_digest) {
                const double t0 = threadCpuMs();
                for (std::size_t i = 0; i < batch.rows.size(); ++i) {
                    records::indexElementInto(batch.rows[i], element);
                    digest.hash.addElement(element);
                }
                digest.observationRows += static_cast<std::int64_t>(batch.rows.size());
                hashMs += threadCpuMs() - t0;
            }
            auto status = work(batch, products, verifyMs, multiplyMs);
            batch.clear();
            m_spare.give(std::move(batch));
            if (!status) {
                {
                    std::lock_guard lock(m_mutex);
                    if (!m_error)
                        m_error = std::move(status).error();
                }
                m_queue.stop(); // the reader stops, the other threads drop what waits
                break;
            }
        }
        std::lock_guard lock(m_mutex);
        m_verifyMs += verifyMs;
        m_multiplyMs += multiplyMs;
        m_hashMs += hashMs;
        m_total.add(digest);
    }

    Status work(const Batch& batch, std::vector<std::optional<paillier::RunningProduct>>& products, double& verifyMs,
                double& multiplyMs)
    {
        const double t0 = threadCpuMs();
        if (m_q.verifyRow)
            for (std::size_t i = 0; i < batch.rows.size(); ++i)
                if (batch.cells[i] != kNoCell)
                    CC_TRY(m_q.verifyRow(batch.rows[i]));
        const double t1 = threadCpuMs();
        for (std::size_t i = 0; i < batch.rows.size(); ++i) {
            if (batch.cells[i] == kNoCell)
                continue;
            auto& product = products[batch.cells[i]];
            if (!product) {
                auto started = paillier::RunningProduct::start(*m_q.key, m_cells[batch.cells[i]].layoutId);
                CC_TRY(started);
                product.emplace(std::move(*started));
            }
            if (auto ok = product->multiplyBytes(batch.rows[i].paillier); !ok)
                return rowError(batch.rows[i], "holds a ciphertext that does not belong here: " + ok.error().message);
        }
        verifyMs += t1 - t0;
        multiplyMs += threadCpuMs() - t1;
        return {};
    }

    const CellQuery& m_q;
    const std::vector<ComputedCell>& m_cells;
    const bool m_digest;
    WorkQueue<Batch> m_queue;
    Recycler<Batch> m_spare;
    std::vector<std::vector<std::optional<paillier::RunningProduct>>> m_products;
    std::mutex m_mutex; // guards what the threads hand back: the error, the times, the digest
    std::optional<Error> m_error;
    ports::IndexDigest m_total;
    double m_verifyMs = 0, m_multiplyMs = 0, m_hashMs = 0;
    std::vector<std::thread> m_threads; // last: started after everything above exists
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
        const interop::UnitDefinition* def = q.catalogue->find(code);
        if (def != nullptr && !def->retiredLayoutIds.empty()) {
            auto current = store.valueLayoutsCurrent();
            CC_TRY(current);
            if (!*current)
                return makeError(ErrorCode::Unsupported,
                                 "values of " + code.toStdString() +
                                     " stored before 2026-12 use an earlier layout: a doctor's login re-encrypts "
                                     "them; until then a report of this code is refused");
        }
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

    // The cell a selected row belongs to, by its tokens alone; nothing for a row outside the cohort.
    const auto cellOf = [&](const ports::ObservationIndexRow& row, std::size_t m) -> std::optional<std::size_t> {
        if (spec.selection == Selection::Latest && !row.latest)
            return std::nullopt;
        if (spec.purpose == Purpose::Research && row.consentToken != consentYes)
            return std::nullopt;
        for (const auto& [d, tokens] : filters)
            if (tokens.count(columnOf(row, d)) == 0)
                return std::nullopt;
        if (withCondition && withCondition->count(row.patientRef) == 0)
            return std::nullopt;
        std::size_t cell = m * cellsPerMeasure;
        for (std::size_t g = 0; g < spec.groupBy.size(); ++g) {
            const auto it = groupTokens[g].find(columnOf(row, spec.groupBy[g]));
            if (it == groupTokens[g].end())
                return std::nullopt; // no value of this grouping (e.g. no age band): in no cell
            cell += it->second * stride[g];
        }
        return cell;
    };
    std::vector<std::vector<std::uint8_t>> codeTokens;
    for (const auto& code : spec.measures) {
        codeTokens.push_back(tokenOf(*q.indexKey, records::TokenDimension::ObservationCode, code, status));
        CC_TRY(status);
    }

    const unsigned threads = q.threads != 0 ? q.threads : std::max(1u, std::thread::hardware_concurrency());
    const bool digesting = q.indexDigest != nullptr;
    const auto readStarted = Clock::now(); // after the set-up (tokens, the cells' blinds)
    const double readCpuStarted = threadCpuMs();
    // With the digest, the condition tokens first (a small table), hashed on their own threads.
    ports::IndexDigest conditionDigest;
    if (digesting) {
        records::IndexDigester conditions(threads);
        CC_TRY(store.forEachConditionToken([&](std::span<const std::uint8_t> rowId, std::span<const std::uint8_t> ref,
                                               std::span<const std::uint8_t> token) -> Status {
            conditions.addCondition(rowId, ref, token);
            return {};
        }));
        conditionDigest = conditions.finish();
        // And the chart manifests (one per chart, records::chartManifestDelta).
        CC_TRY(store.forEachChartManifest(
            [&](std::span<const std::uint8_t> ref, std::span<const std::uint8_t> manifest) -> Status {
                conditionDigest.add(records::chartManifestDelta(ref, manifest, +1));
                return {};
            }));
    }
    std::map<std::vector<std::uint8_t>, std::size_t> measureOf;
    for (std::size_t m = 0; m < codeTokens.size(); ++m)
        measureOf.emplace(codeTokens[m], m);
    std::vector<std::uint64_t> maxCounts; // per measure, looked up once rather than per row
    for (const auto& code : spec.measures)
        maxCounts.push_back(layouts.at(code).maxCount());
    Workers workers(q, cells, threads, digesting);
    const Error stopped = makeError(ErrorCode::Internal, "stopped: a multiplying thread failed");
    Batch pending;
    std::uint64_t rowsRead = 0;
    const auto visit = [&](ports::ObservationIndexRow& row, std::size_t m) -> Status {
        ++rowsRead;
        const auto cell = m < codeTokens.size() ? cellOf(row, m) : std::nullopt;
        if (cell) {
            if (row.paillier.empty())
                return rowError(row, "of a summable code has no ciphertext");
            const std::uint64_t maxCount = maxCounts[m];
            ComputedCell& target = cells[*cell];
            if (++target.observations > maxCount)
                return makeError(ErrorCode::Overflow, "report cell " + std::to_string(*cell) + " has more than " +
                                                          std::to_string(maxCount) +
                                                          " observations, the most its layout can sum");
            ++target.rowsPerPatient[row.patientRef];
        } else if (!digesting) {
            return {};
        }
        pending.add(row, cell ? static_cast<std::uint32_t>(*cell) : kNoCell);
        if (pending.rows.size() >= kBatch && !workers.push(std::exchange(pending, workers.spare())))
            return stopped;
        return {};
    };
    Status read;
    if (digesting) {
        // One statement over the whole index: every row hashed, the measures' rows selected.
        read = store.forEachIndexRow({}, [&](ports::ObservationIndexRow& row) -> Status {
            const auto it = measureOf.find(row.codeToken);
            return visit(row, it == measureOf.end() ? codeTokens.size() : it->second);
        });
    } else {
        for (std::size_t m = 0; m < spec.measures.size() && read; ++m)
            read = store.forEachIndexRow(codeTokens[m],
                                         [&](ports::ObservationIndexRow& row) -> Status { return visit(row, m); });
    }
    if (read && !pending.rows.empty())
        workers.push(std::exchange(pending, {}));
    const double readMs = msSince(readStarted);
    const double readCpuMs = threadCpuMs() - readCpuStarted;
    auto products = workers.finish();
    if (!read && read.error().message != stopped.message)
        return std::move(read).error();
    CC_TRY(products);
    if (digesting) {
        *q.indexDigest = workers.digest();
        q.indexDigest->add(conditionDigest);
    }
    // Each cell: its blinding encryption of zero times every thread's product, checked once to be
    // a unit (RunningProduct::value); a product that is not names its row, found in a second pass.
    for (std::size_t i = 0; i < cells.size(); ++i) {
        auto total = paillier::RunningProduct::start(*q.key, cells[i].layoutId);
        CC_TRY(total);
        CC_TRY(total->multiply(initial[i]));
        for (auto& perThread : *products)
            if (perThread[i])
                CC_TRY(total->merge(*perThread[i]));
        auto value = total->value();
        if (!value && value.error().code == ErrorCode::MalformedInput) {
            const std::size_t m = i / cellsPerMeasure;
            CC_TRY(store.forEachIndexRow(codeTokens[m], [&](const ports::ObservationIndexRow& row) -> Status {
                if (cellOf(row, m) != i)
                    return {};
                if (auto c = paillier::Ciphertext::fromBytes(*q.key, row.paillier, cells[i].layoutId); !c)
                    return rowError(row, "holds a ciphertext that does not belong here: " + c.error().message);
                return {};
            }));
        }
        CC_TRY(value);
        cells[i].ciphertext = std::move(*value);
    }
    if (times != nullptr) {
        times->selectMs = readMs;
        times->selectCpuMs = readCpuMs;
        times->verifyMs = workers.verifyMs();
        times->multiplyMs = workers.multiplyMs();
        times->hashMs = workers.hashMs();
        times->threads = threads;
        times->totalMs = msSince(started);
        times->rows = rowsRead;
    }
    return cells;
}

} // namespace cc::reports
