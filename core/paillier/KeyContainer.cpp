// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/KeyContainer.h"

#include "core/crypto/Aead.h"

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

class Reader
{
public:
    explicit Reader(std::span<const std::uint8_t> b) : m_b(b) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_b.size(); }
    std::uint8_t byte()
    {
        if (m_pos >= m_b.size()) {
            m_ok = false;
            return 0;
        }
        return m_b[m_pos++];
    }
    std::uint16_t u16() { return static_cast<std::uint16_t>((byte() << 8) | byte()); }
    std::uint32_t u32()
    {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v = (v << 8) | byte();
        return v;
    }
    std::span<const std::uint8_t> bytes(std::size_t n)
    {
        if (m_b.size() - m_pos < n) {
            m_ok = false;
            return {};
        }
        auto s = m_b.subspan(m_pos, n);
        m_pos += n;
        return s;
    }

private:
    std::span<const std::uint8_t> m_b;
    std::size_t m_pos = 0;
    bool m_ok = true;
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
    Reader r(inner->span());
    const auto magic = r.bytes(4);
    const auto version = r.byte();
    const auto p = r.bytes(r.u16());
    const auto q = r.bytes(r.u16());
    if (!r.ok() || !r.atEnd() || std::string_view(reinterpret_cast<const char*>(magic.data()), 4) != "CCPQ" ||
        version != 1)
        return malformed("sealed Paillier private key has a bad inner encoding", {}, 0, "private key");
    auto key = PrivateKey::fromPrimes(crypto::SecureBytes(p), crypto::SecureBytes(q));
    if (!key.ok())
        return key;
    if (key->publicKey().keyId() != expected)
        return makeError(ErrorCode::KeyMismatch, "sealed private key belongs to another Paillier key");
    return key;
}

Result<std::vector<std::uint8_t>> KeyContainer::sealShare(const ThresholdShare& share,
                                                          const crypto::SecureBytes& wrapKey, std::uint32_t wrapKeyId,
                                                          crypto::Rng& rng)
{
    Writer w(5 + 8 + 12 + 2 + share.secret.size());
    w.bytes(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>("CCPS"), 4));
    w.byte(1);
    w.bytes(share.keyId);
    w.u32(share.index);
    w.u32(share.threshold);
    w.u32(share.parties);
    w.u16(static_cast<std::uint16_t>(share.secret.size()));
    w.bytes(share.secret.span());
    const auto inner = w.take();
    return crypto::Aead::seal(wrapKey, wrapKeyId, inner.span(), aad(SHARE_LABEL, share.keyId, share.index), rng);
}

Result<ThresholdShare> KeyContainer::openShare(const crypto::SecureBytes& wrapKey, std::uint32_t wrapKeyId,
                                               std::span<const std::uint8_t> blob, const KeyId& expected,
                                               std::uint32_t index)
{
    auto inner = crypto::Aead::open(wrapKey, wrapKeyId, blob, aad(SHARE_LABEL, expected, index));
    if (!inner.ok())
        return std::move(inner).error();
    Reader r(inner->span());
    const auto magic = r.bytes(4);
    const auto version = r.byte();
    ThresholdShare share;
    const auto id = r.bytes(8);
    share.index = r.u32();
    share.threshold = r.u32();
    share.parties = r.u32();
    const auto secret = r.bytes(r.u16());
    if (!r.ok() || !r.atEnd() || std::string_view(reinterpret_cast<const char*>(magic.data()), 4) != "CCPS" ||
        version != 1)
        return malformed("sealed decryption share has a bad inner encoding", {}, 0, "share");
    std::copy(id.begin(), id.end(), share.keyId.begin());
    if (share.keyId != expected || share.index != index)
        return makeError(ErrorCode::KeyMismatch, "sealed share belongs to another key or custodian");
    share.secret = crypto::SecureBytes(secret);
    return share;
}

} // namespace cc::paillier
