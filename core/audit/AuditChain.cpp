// SPDX-License-Identifier: GPL-3.0-or-later
// Hash chain, MAC and key evolution for the audit trail.
#include "core/audit/AuditChain.h"

#include <limits>
#include <string_view>

namespace cc::audit {

namespace {

// Domain separation: this hash can never collide with another CipherChart SHA-256 use.
constexpr std::string_view kHashTag{"CipherChart audit chain v1\0", 27};
constexpr std::string_view kEvolveInfo{"cipherchart audit key evolve"};

std::array<std::uint8_t, 8> bigEndian(std::uint64_t v)
{
    std::array<std::uint8_t, 8> out{};
    for (std::size_t i = 0; i < 8; ++i)
        out[7 - i] = static_cast<std::uint8_t>(v >> (8 * i));
    return out;
}

Status checkKey(const crypto::SecureBytes& key)
{
    if (key.size() != AuditChain::kKeySize)
        return makeError(ErrorCode::InvalidArgument, "the audit MAC key must be 32 bytes");
    return {};
}

} // namespace

Digest256 AuditChain::linkHash(const Digest256& prevHash, std::uint64_t seq, std::span<const std::uint8_t> body)
{
    std::vector<std::uint8_t> input;
    input.reserve(kHashTag.size() + prevHash.size() + 8 + body.size());
    input.insert(input.end(), kHashTag.begin(), kHashTag.end());
    input.insert(input.end(), prevHash.begin(), prevHash.end());
    const auto seqBytes = bigEndian(seq);
    input.insert(input.end(), seqBytes.begin(), seqBytes.end());
    input.insert(input.end(), body.begin(), body.end());
    return crypto::sha256(input);
}

Result<Digest256> AuditChain::mac(const crypto::SecureBytes& key, const Digest256& hash)
{
    CC_TRY(checkKey(key));
    return crypto::hmacSha256(key.span(), hash);
}

Result<crypto::SecureBytes> AuditChain::evolveKey(const crypto::SecureBytes& key, std::uint64_t seq)
{
    CC_TRY(checkKey(key));
    std::vector<std::uint8_t> info(kEvolveInfo.begin(), kEvolveInfo.end());
    const auto seqBytes = bigEndian(seq);
    info.insert(info.end(), seqBytes.begin(), seqBytes.end());
    return crypto::hkdfSha256(key.span(), {}, info, kKeySize);
}

Result<crypto::SecureBytes> AuditChain::keyAt(const crypto::SecureBytes& rootKey, std::uint64_t seq)
{
    CC_TRY(checkKey(rootKey));
    crypto::SecureBytes key = rootKey.clone();
    for (std::uint64_t i = 0; i < seq; ++i) {
        auto next = evolveKey(key, i);
        CC_TRY(next);
        key = std::move(next).value(); // the move-assignment wipes the previous key
    }
    return key;
}

Result<AuditState> AuditChain::initialState(const crypto::SecureBytes& rootKey)
{
    auto key = keyAt(rootKey, 1);
    CC_TRY(key);
    return AuditState{0, Digest256{}, std::move(key).value()};
}

Result<AuditRecord> AuditChain::seal(AuditState& state, std::vector<std::uint8_t> body)
{
    if (state.seq == std::numeric_limits<std::uint64_t>::max())
        return makeError(ErrorCode::Overflow, "the audit sequence number is exhausted");
    const std::uint64_t seq = state.seq + 1;
    AuditRecord record;
    record.seq = seq;
    record.prevHash = state.hash;
    record.hash = linkHash(state.hash, seq, body);
    record.body = std::move(body);
    auto tag = mac(state.macKey, record.hash);
    CC_TRY(tag);
    record.mac = *tag;
    auto next = evolveKey(state.macKey, seq);
    CC_TRY(next);
    state.seq = seq;
    state.hash = record.hash;
    state.macKey = std::move(next).value();
    return record;
}

} // namespace cc::audit
