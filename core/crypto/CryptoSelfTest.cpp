// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/CryptoSelfTest.h"

#include "core/crypto/Aead.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/PasswordHash.h"
#include "core/crypto/SealedBox.h"
#include "core/crypto/Shamir.h"

#include <algorithm>
#include <exception>
#include <string>
#include <string_view>
#include <utility>

namespace cc::crypto {

namespace {

std::vector<std::uint8_t> hex(std::string_view text)
{
    auto r = hexDecode(text);
    return r ? std::move(r).value() : std::vector<std::uint8_t>{};
}

std::span<const std::uint8_t> ascii(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// The expected value of a check; corrupted (first bit flipped) when the options ask to break this check.
std::vector<std::uint8_t> expected(std::string_view hexText, std::string_view check, const SelfTestOptions& options)
{
    auto v = hex(hexText);
    if (options.breakCheck == check && !v.empty())
        v[0] ^= 0x01;
    return v;
}

bool same(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

SelfTestResult result(std::string name, bool passed, std::string what)
{
    return SelfTestResult{std::move(name), passed, passed ? std::move(what) : "FAILED: " + what};
}

SelfTestResult checkSha256(const SelfTestOptions& o)
{
    // FIPS 180-4 example "abc".
    const auto want = expected("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "sha-256", o);
    const Digest256 d = sha256(ascii("abc"));
    return result("sha-256", same(d, want), "SHA-256(\"abc\") equals the FIPS 180-4 example digest");
}

SelfTestResult checkHmac(const SelfTestOptions& o)
{
    // RFC 4231 test case 2.
    const auto want = expected("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", "hmac-sha-256", o);
    const auto mac = hmacSha256(ascii("Jefe"), ascii("what do ya want for nothing?"));
    return result("hmac-sha-256", mac.ok() && same(*mac, want), "HMAC-SHA-256 matches RFC 4231 test case 2");
}

SelfTestResult checkHkdf(const SelfTestOptions& o)
{
    // RFC 5869 appendix A.1.
    const auto want = expected("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                               "hkdf-sha-256", o);
    const std::vector<std::uint8_t> ikm(22, 0x0b);
    const auto okm = hkdfSha256(ikm, hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"), 42);
    return result("hkdf-sha-256", okm.ok() && same(okm->span(), want), "HKDF-SHA-256 matches RFC 5869 test case 1");
}

SelfTestResult checkGcm(const SelfTestOptions& o)
{
    // McGrew & Viega GCM test case 16 (AES-256, 96-bit IV, with AAD).
    const auto key = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    const auto iv = hex("cafebabefacedbaddecaf888");
    const auto plain = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e24"
                           "49a6b525b16aedf5aa0de657ba637b39");
    const auto aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    const auto want =
        expected("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b10"
                 "56828838c5f61e6393ba7a0abcc9f66276fc6ece0f4e1768cddf8853bb2d551b",
                 "aes-256-gcm", o);
    const auto enc = Aead::encryptRaw(key, iv, plain, aad);
    const auto dec = Aead::decryptRaw(key, iv, want, aad);
    auto tampered = want;
    tampered.back() ^= 0x80;
    const auto rejected = Aead::decryptRaw(key, iv, tampered, aad);
    const bool ok = enc.ok() && same(*enc, want) && dec.ok() && same(dec->span(), plain) && !rejected.ok() &&
                    rejected.error().code == ErrorCode::IntegrityFailure;
    return result("aes-256-gcm", ok,
                  "AES-256-GCM encrypts and decrypts GCM test case 16, and rejects a flipped tag bit");
}

SelfTestResult checkArgon2(const SelfTestOptions& o)
{
    // Computed once with the Argon2 reference CLI (Debian argon2 0~20171227):
    //   printf 'password' | argon2 somesaltsomesalt -id -t 1 -m 13 -p 1 -l 32 -r
    // RFC 9106's Argon2id vector needs a secret and associated data, which libsodium does not take.
    const auto want = expected("84fb006bbc3cd69895722b64b5bf735251a9e8e9f3ecb93ff595b98aeb7accb7", "argon2id", o);
    const auto out = argon2id(ascii("password"), ascii("somesaltsomesalt"), Argon2Params{8192, 1, 1});
    return result("argon2id", out.ok() && same(out->span(), want),
                  "Argon2id (m=8 MiB, t=1, p=1) matches the reference implementation's output");
}

SelfTestResult checkEd25519(const SelfTestOptions& o)
{
    // RFC 8032 section 7.1, TEST 1 (empty message).
    const auto seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    const auto pub = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const auto want =
        expected("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e3970"
                 "1cf9b46bd25bf5f0595bbe24655141438e7a100b",
                 "ed25519", o);
    const auto key = Ed25519PrivateKey::fromSeed(seed);
    if (!key)
        return result("ed25519", false, "Ed25519 key from the RFC 8032 test 1 seed");
    const auto sig = key->sign({});
    auto bad = sig;
    bad[10] ^= 0x04;
    const bool ok = same(key->publicKey().bytes(), pub) && same(sig, want) && key->publicKey().verify({}, sig).ok() &&
                    !key->publicKey().verify({}, bad).ok();
    return result(
        "ed25519", ok,
        "Ed25519 derives the public key and signature of RFC 8032 test 1, verifies it, rejects a flipped bit");
}

SelfTestResult checkSealedBox(const SelfTestOptions& o)
{
    auto& rng = SystemRng::instance();
    const BoxKeyPair pair = BoxKeyPair::generate(rng);
    auto message = ascii("CipherChart sealed-box self-test");
    std::vector<std::uint8_t> want(message.begin(), message.end());
    if (o.breakCheck == "x25519-sealed-box")
        want[0] ^= 0x01;
    auto box = sealTo(pair.publicKey, message);
    if (!box)
        return result("x25519-sealed-box", false, "sealing to a fresh X25519 key");
    const auto opened = openSealed(pair, *box);
    (*box)[box->size() / 2] ^= 0x01;
    const auto tampered = openSealed(pair, *box);
    const bool ok = opened.ok() && same(opened->span(), want) && !tampered.ok() &&
                    tampered.error().code == ErrorCode::IntegrityFailure;
    return result("x25519-sealed-box", ok, "a sealed box opens with its key pair and a flipped bit is rejected");
}

SelfTestResult checkShamir(const SelfTestOptions& o)
{
    const SecureBytes secret(ascii("0123456789abcdef0123456789abcdef"));
    auto shares = shamirSplit(secret, 3, 5, SystemRng::instance());
    if (!shares || shares->size() != 5)
        return result("shamir", false, "3-of-5 split of a 32-byte secret");
    // Rebuild from shares 5, 2 and 4 (not the first ones, and out of order).
    std::vector<ShamirShare> subset;
    for (const std::size_t i : {4u, 1u, 3u})
        subset.push_back(ShamirShare{(*shares)[i].index, (*shares)[i].data.clone()});
    SecureBytes want = secret.clone();
    if (o.breakCheck == "shamir")
        want[0] ^= 0x01;
    const auto combined = shamirCombine(subset, 3);
    subset.pop_back();
    const auto tooFew = shamirCombine(subset, 3);
    const bool ok = combined.ok() && *combined == want && !tooFew.ok();
    return result("shamir", ok, "3-of-5 Shamir split and recombination from shares 5, 2, 4 round-trips");
}

SelfTestResult checkRng(const SelfTestOptions& o)
{
    // A catastrophic-failure check only (a stuck or zero output), not a statistical test.
    auto& rng = SystemRng::instance();
    const auto a = rng.bytes(32);
    auto b = rng.bytes(32);
    if (o.breakCheck == "rng")
        b = a;
    const bool allZero = std::all_of(a.begin(), a.end(), [](std::uint8_t x) { return x == 0; });
    const bool ok = !allZero && a != b;
    return result("rng", ok, "two 32-byte draws from the system RNG are non-zero and differ");
}

} // namespace

std::vector<SelfTestResult> cryptoSelfTest(const SelfTestOptions& options)
{
    using Check = SelfTestResult (*)(const SelfTestOptions&);
    static constexpr std::pair<const char*, Check> checks[] = {
        {"sha-256", checkSha256},
        {"hmac-sha-256", checkHmac},
        {"hkdf-sha-256", checkHkdf},
        {"aes-256-gcm", checkGcm},
        {"argon2id", checkArgon2},
        {"ed25519", checkEd25519},
        {"x25519-sealed-box", checkSealedBox},
        {"shamir", checkShamir},
        {"rng", checkRng},
    };
    std::vector<SelfTestResult> results;
    for (const auto& [name, check] : checks) {
        // A library exception (e.g. out of memory) fails the check instead of escaping start-up code.
        try {
            results.push_back(check(options));
        } catch (const std::exception&) {
            results.push_back(SelfTestResult{name, false, "FAILED: the check raised an exception"});
        }
    }
    return results;
}

} // namespace cc::crypto
