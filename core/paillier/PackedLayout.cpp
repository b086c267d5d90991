// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/PackedLayout.h"

#include "core/paillier/KeyImpl.h"
#include "core/paillier/Paillier.h"

#include <algorithm>

namespace cc::paillier {
namespace {

using detail::Mpz;

std::string slotName(std::size_t i)
{
    if (i == 0)
        return "count";
    if (i == 1)
        return "sum";
    if (i == 2)
        return "sumsq";
    return "bin" + std::to_string(i - 3);
}

void setU64(mpz_ptr v, std::uint64_t x)
{
    mpz_import(v, 1, 1, sizeof x, 0, 0, &x);
}

// v < 2^128 (a slot of at most 128 bits).
UInt128 getU128(mpz_srcptr v)
{
    std::uint64_t words[2] = {0, 0}; // least significant first
    std::size_t count = 0;
    if (mpz_sgn(v) != 0)
        mpz_export(words, &count, -1, sizeof words[0], 0, 0, v);
    return (static_cast<UInt128>(words[1]) << 64) | words[0];
}

constexpr unsigned kSumSquaresSlot = 2;

unsigned maxWidth(std::size_t slot)
{
    return slot == kSumSquaresSlot ? 128 : 64;
}

// The largest per-record value of slot i: 1 for count and bins, maxValue for sum, maxValue² for sumsq.
void perRecordMax(mpz_ptr out, std::size_t i, std::uint64_t maxValue)
{
    mpz_set_ui(out, 1);
    if (i == 1 || i == 2)
        setU64(out, maxValue);
    if (i == 2)
        mpz_mul(out, out, out);
}

} // namespace

Result<PackedLayout> PackedLayout::create(std::uint16_t id, std::vector<PackedSlot> specs, std::uint64_t maxCount,
                                          std::uint64_t maxValue, std::vector<std::uint64_t> binEdges)
{
    if (id == 0)
        return makeError(ErrorCode::InvalidArgument, "layout id 0 is reserved for plain values");
    if (maxCount == 0)
        return makeError(ErrorCode::InvalidArgument, "a layout needs a maximum record count");
    if (!std::is_sorted(binEdges.begin(), binEdges.end()) ||
        std::adjacent_find(binEdges.begin(), binEdges.end()) != binEdges.end())
        return makeError(ErrorCode::InvalidArgument, "histogram bin edges must be strictly increasing");
    if (specs.size() != 3 + binEdges.size() + 1)
        return makeError(ErrorCode::InvalidArgument, "a layout has count, sum, sumsq and one slot per bin");
    Mpz need, perRecord;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (specs[i].name != slotName(i))
            return makeError(ErrorCode::InvalidArgument, "slot " + std::to_string(i) + " must be named " + slotName(i));
        if (specs[i].width == 0 || specs[i].width > maxWidth(i))
            return makeError(ErrorCode::InvalidArgument,
                             "slot " + specs[i].name + " must be 1 to " + std::to_string(maxWidth(i)) + " bits wide");
        perRecordMax(perRecord, i, maxValue);
        setU64(need, maxCount);
        mpz_mul(need, need, perRecord);
        if (mpz_sizeinbase(need, 2) > specs[i].width)
            return makeError(ErrorCode::Overflow, "slot " + specs[i].name + " (" + std::to_string(specs[i].width) +
                                                      " bits) could overflow within " + std::to_string(maxCount) +
                                                      " records");
    }
    PackedLayout layout;
    layout.m_id = id;
    layout.m_slots = std::move(specs);
    layout.m_maxCount = maxCount;
    layout.m_maxValue = maxValue;
    layout.m_edges = std::move(binEdges);
    return layout;
}

Result<PackedLayout> PackedLayout::forValues(std::uint16_t id, std::uint64_t maxCount, std::uint64_t maxValue,
                                             std::vector<std::uint64_t> binEdges)
{
    std::vector<PackedSlot> specs;
    Mpz need, perRecord;
    for (std::size_t i = 0; i < 4 + binEdges.size(); ++i) {
        perRecordMax(perRecord, i, maxValue);
        setU64(need, maxCount);
        mpz_mul(need, need, perRecord);
        specs.push_back({slotName(i), static_cast<unsigned>(std::max<std::size_t>(1, mpz_sizeinbase(need, 2)))});
    }
    return create(id, std::move(specs), maxCount, maxValue, std::move(binEdges));
}

unsigned PackedLayout::totalBits() const noexcept
{
    unsigned total = 0;
    for (const auto& s : m_slots)
        total += s.width;
    return total;
}

Status PackedLayout::checkFits(const PublicKey& key) const
{
    if (!key.isValid())
        return makeError(ErrorCode::InvalidArgument, "no Paillier key");
    // A packed sum < 2^totalBits must stay below ⌊n/3⌋ to decode as a positive number.
    if (totalBits() + 2 > key.bits())
        return makeError(ErrorCode::Overflow, "packed layout is wider than the key's plaintext range");
    return {};
}

Result<Plaintext> PackedLayout::encode(std::uint64_t x) const
{
    if (x > m_maxValue)
        return makeError(ErrorCode::Overflow, "value exceeds the layout's maximum");
    const auto bin = static_cast<std::size_t>(std::upper_bound(m_edges.begin(), m_edges.end(), x) - m_edges.begin());
    Mpz packed, slot;
    unsigned offset = 0;
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        if (i == 0)
            mpz_set_ui(slot, 1);
        else if (i == 1)
            setU64(slot, x);
        else if (i == kSumSquaresSlot) {
            setU64(slot, x);
            mpz_mul(slot, slot, slot);
        } else
            mpz_set_ui(slot, i - 3 == bin ? 1 : 0);
        mpz_mul_2exp(slot, slot, offset);
        mpz_add(packed, packed, slot);
        offset += m_slots[i].width;
    }
    return Plaintext::fromMagnitude(detail::toBytes(packed), false);
}

Result<Ciphertext> PackedLayout::encrypt(const PublicKey& key, std::uint64_t x, crypto::Rng& rng) const
{
    CC_TRY(checkFits(key));
    auto packed = encode(x);
    if (!packed.ok())
        return std::move(packed).error();
    return paillier::encrypt(key, *packed, rng, m_id);
}

Result<Ciphertext> PackedLayout::sum(const PublicKey& key, std::span<const Ciphertext> records, unsigned threads) const
{
    if (records.size() > m_maxCount)
        return makeError(ErrorCode::Overflow, "sum over " + std::to_string(records.size()) +
                                                  " records exceeds the layout's maximum of " +
                                                  std::to_string(m_maxCount));
    for (const auto& c : records)
        if (c.layoutId() != m_id)
            return makeError(ErrorCode::KeyMismatch, "record has packed layout " + std::to_string(c.layoutId()) +
                                                         ", expected " + std::to_string(m_id));
    return paillier::sum(key, records, threads);
}

Result<PackedSum> PackedLayout::decode(const Plaintext& packed) const
{
    if (packed.isNegative())
        return makeError(ErrorCode::Overflow, "packed sum is negative");
    Mpz v, slot;
    detail::fromBytes(v, packed.magnitude());
    if (mpz_sizeinbase(v, 2) > totalBits() && mpz_sgn(v) != 0)
        return makeError(ErrorCode::Overflow, "packed sum has bits above its last slot");
    PackedSum out;
    unsigned offset = 0;
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        mpz_tdiv_q_2exp(slot, v, offset);
        mpz_tdiv_r_2exp(slot, slot, m_slots[i].width);
        const UInt128 x = getU128(slot); // slots are at most 128 bits, and only sumsq above 64
        const auto narrow = static_cast<std::uint64_t>(x);
        if (i == 0)
            out.count = narrow;
        else if (i == 1)
            out.sum = narrow;
        else if (i == kSumSquaresSlot)
            out.sumSquares = x;
        else
            out.histogram.push_back(narrow);
        offset += m_slots[i].width;
    }
    if (out.count > m_maxCount)
        return makeError(ErrorCode::Overflow, "packed sum counts more records than the layout allows");
    std::uint64_t binTotal = 0;
    for (auto h : out.histogram)
        binTotal += h;
    if (binTotal != out.count)
        return makeError(ErrorCode::IntegrityFailure, "histogram total does not match the record count");
    return out;
}

} // namespace cc::paillier
