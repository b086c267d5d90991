// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/KeyContainer.h"

#include "core/access/BinaryReader.h"
#include "core/crypto/Aead.h"
#include "core/paillier/ShareCodec.h"

#include <string_view>

namespace cc::paillier {
namespace {

constexpr std::string_view PRIVATE_LABEL = "CipherChart Paillier private key v1";
constexpr std::string_view SHARE_LABEL = "CipherChart Paillier decryption share v1";

std::vector<std::uint8_t> aad(std::string_view label, const KeyId& id, std::uint32_t index)
{
    std::vector<std::uint8_t> out(label.begin(), label.end());
    out.insert(out.end(), id.begin(), id.end());
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<std::uint8_t>(index >> s));
    return out;
}

// Appends to a SecureBytes by building the whole inner encoding in one secure buffer.
class Writer
{
public:
    explicit Writer(std::size_t size) : m_buf(size) {}
    void byte(std::uint8_t b) { m_buf[m_pos++] = b; }
    void u16(std::uint16_t v)
    {
        byte(static_cast<std::uint8_t>(v >> 8));
        byte(static_cast<std::uint8_t>(v));
    }
    void u32(std::uint32_t v)
    {
        for (int s = 24; s >= 0; s -= 8)
            byte(static_cast<std::uint8_t>(v >> s));
    }
    void bytes(std::span<const std::uint8_t> b)
    {
        for (auto x : b)
            byte(x);
    }
    crypto::SecureBytes take() { return std::move(m_buf); }

private:
    crypto::SecureBytes m_buf;
    std::size_t m_pos = 0;
};

} // namespace

Result<std::vector<std::uint8_t>> KeyContainer::sealPrivateKey(const PrivateKey& key,
                                                               const crypto::SecureBytes& wrapKey,
                                                               std::uint32_t wrapKeyId, crypto::Rng& rng)
{
    const auto p = key.primeP();
    const auto q = key.primeQ();
    Writer w(5 + 2 + p.size() + 2 + q.size());
    w.bytes(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>("CCPQ"), 4));
    w.byte(1);
    w.u16(static_cast<std::uint16_t>(p.size()));
    w.bytes(p.span());
    w.u16(static_cast<std::uint16_t>(q.size()));
    w.bytes(q.span());
    const auto inner = w.take();
    return crypto::Aead::seal(wrapKey, wrapKeyId, inner.span(), aad(PRIVATE_LABEL, key.publicKey().keyId(), 0), rng);
}

Result<PrivateKey> KeyContainer::openPrivateKey(const crypto::SecureBytes& wrapKey, std::uint32_t wrapKeyId,
                                                std::span<const std::uint8_t> blob, const KeyId& expected)
{
    auto inner = crypto::Aead::open(wrapKey, wrapKeyId, blob, aad(PRIVATE_LABEL, expected, 0));
    if (!inner.ok())
        return std::move(inner).error();
    access::BinaryReader r(inner->span());
    const auto magic = r.bytes(4);
    const auto version = r.u8();
    const std::size_t pLength = r.u16();
    const auto p = r.bytes(pLength);
    const std::size_t qLength = r.u16();
    const auto q = r.bytes(qLength);
    if (!r.ok() || !r.atEnd() || std::string_view(reinterpret_cast<const char*>(magic.data()), 4) != "CCPQ" ||
        version != 1)
        return malformed("sealed Paillier private key has a bad inner encoding", {}, 0, "private key");
    auto key = PrivateKey::fromPrimes(crypto::SecureBytes(p), crypto::SecureBytes(q));
    if (!key.ok())
        return key;
    CC_TRY(key->publicKey().checkReportKeySize());
    if (key->publicKey().keyId() != expected)
        return makeError(ErrorCode::KeyMismatch, "sealed private key belongs to another Paillier key");
    return key;
}

Result<std::vector<std::uint8_t>> KeyContainer::sealShare(const ThresholdShare& share,
                                                          const crypto::SecureBytes& wrapKey, std::uint32_t wrapKeyId,
                                                          crypto::Rng& rng)
{
    const auto inner = encodeShare(share);
    return crypto::Aead::seal(wrapKey, wrapKeyId, inner.span(), aad(SHARE_LABEL, share.keyId, share.index), rng);
}

Result<ThresholdShare> KeyContainer::openShare(const crypto::SecureBytes& wrapKey, std::uint32_t wrapKeyId,
                                               std::span<const std::uint8_t> blob, const KeyId& expected,
                                               std::uint32_t index)
{
    auto inner = crypto::Aead::open(wrapKey, wrapKeyId, blob, aad(SHARE_LABEL, expected, index));
    if (!inner.ok())
        return std::move(inner).error();
    auto share = decodeShare(inner->span());
    if (!share.ok())
        return malformed("sealed decryption share has a bad inner encoding: " + share.error().message, {}, 0, "share");
    if (share->keyId != expected || share->index != index)
        return makeError(ErrorCode::KeyMismatch, "sealed share belongs to another key or custodian");
    return share;
}

} // namespace cc::paillier
