// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/PaillierSelfTest.h"

#include "core/crypto/Kdf.h"
#include "core/crypto/Rng.h"
#include "core/paillier/Mpz.h"
#include "core/paillier/Paillier.h"
#include "core/paillier/Threshold.h"

namespace cc::paillier {
namespace {

// A published 1024-bit TEST key: two 512-bit safe primes (openssl prime -generate -safe -bits 512).
constexpr const char* P_DEC =
    "10672836529249560628224528447126337146640448511229680590832341401436076675134382042574748184229"
    "216520385644461608189766595789204397170967841412340648422159";
constexpr const char* Q_DEC =
    "10617261754780457982148866347547228907044518422157595304175740622145685328138681951450708599219"
    "406275915986082693387671217581903714492934129627759831998983";
constexpr std::int64_t VALUE = -20240521;
// SHA-256 of the wire blob of encrypt(key, VALUE, DeterministicRng(1)); recorded from this code and
// cross-checked by tests/core/paillier/TestSelfTest.cpp against the plain formula (1 + m·n)·h_s^α.
constexpr const char* EXPECTED_DJN = "95a000b7fc439d02be54da68e9553d9e95db265998f01ab7334f4f605c8f9136";

std::string hex(std::span<const std::uint8_t> bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (auto b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return out;
}

crypto::SecureBytes decimalBytes(const char* text)
{
    detail::Mpz v;
    mpz_set_str(v, text, 10);
    auto bytes = detail::toBytes(v);
    return crypto::SecureBytes(std::span<const std::uint8_t>(bytes));
}

Result<PrivateKey> testKey()
{
    return PrivateKey::fromPrimes(decimalBytes(P_DEC), decimalBytes(Q_DEC));
}

SelfTestResult djnCheck(bool broken)
{
    SelfTestResult r{"paillier-djn", false, {}};
    auto key = testKey();
    if (!key.ok()) {
        r.detail = "test key: " + key.error().message;
        return r;
    }
    crypto::DeterministicRng rng(1);
    auto c = encrypt(key->publicKey(), Plaintext(VALUE), rng);
    if (!c.ok()) {
        r.detail = "encryption failed: " + c.error().message;
        return r;
    }
    std::string expected = EXPECTED_DJN;
    if (broken)
        expected[0] = expected[0] == '0' ? '1' : '0';
    const auto got = hex(crypto::sha256(c->toBytes()));
    if (got != expected) {
        r.detail = "DJN ciphertext hash differs from the known answer (got " + got + ")";
        return r;
    }
    auto m = decrypt(*key, *c);
    if (!m.ok() || *m != Plaintext(VALUE)) {
        r.detail = "CRT decryption did not return the known value";
        return r;
    }
    r.passed = true;
    r.detail = "1024-bit TEST key: DJN encryption matches the known answer and decrypts back";
    return r;
}

SelfTestResult thresholdCheck(bool broken)
{
    SelfTestResult r{"paillier-threshold", false, {}};
    auto key = testKey();
    if (!key.ok()) {
        r.detail = "test key: " + key.error().message;
        return r;
    }
    crypto::DeterministicRng rng(2);
    auto set = dealThreshold(std::move(key).value(), 2, 3, rng);
    if (!set.ok()) {
        r.detail = "dealer failed: " + set.error().message;
        return r;
    }
    const auto& pub = set->publicKey;
    auto c = encrypt(pub, Plaintext(VALUE), rng);
    std::vector<PartialDecryption> partials;
    for (std::size_t i : {0u, 2u}) {
        auto p = c.ok() ? partialDecrypt(pub, set->parameters, set->shares[i], *c, rng)
                        : Result<PartialDecryption>(c.error());
        if (!p.ok()) {
            r.detail = "partial decryption failed: " + p.error().message;
            return r;
        }
        partials.push_back(std::move(p).value());
    }
    auto m = combinePartials(pub, set->parameters, *c, partials);
    const Plaintext expected(broken ? VALUE + 1 : VALUE);
    if (!m.ok() || *m != expected) {
        r.detail = "2-of-3 combination did not return the known value" +
                   (m.ok() ? std::string(" (got ") + m->toDecimal() + ")" : " (" + m.error().message + ")");
        return r;
    }
    partials[1].value.back() ^= 1;
    if (verifyPartial(pub, set->parameters, *c, partials[1]).ok()) {
        r.detail = "a tampered partial decryption passed verification";
        return r;
    }
    r.passed = true;
    r.detail = "2-of-3 dealing: partials verify, combine to the known value, tampering is caught";
    return r;
}

} // namespace

std::vector<SelfTestResult> paillierSelfTest(const SelfTestOptions& options)
{
    return {djnCheck(options.breakCheck == "paillier-djn"), thresholdCheck(options.breakCheck == "paillier-threshold")};
}

} // namespace cc::paillier
