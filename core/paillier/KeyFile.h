// SPDX-License-Identifier: GPL-3.0-or-later
// Paillier keys as JSON: the public key as a JSON Web Key in python-paillier's form, and the
// unprotected private-key file used for tests and interoperability.
#pragma once

#include "core/Result.h"
#include "core/paillier/PrivateKey.h"
#include "core/paillier/PublicKey.h"

#include <string>
#include <string_view>

namespace cc::paillier {

/// JSON key files. Public JWK (python-paillier's PaillierPublicKey JWK): {"kty": "DAJ",
/// "alg": "PAI-GN1", "key_ops": ["encrypt"], "n": base64url(n), "kid": key id hex, "hs": base64url(h_s)}.
/// Private file: the same members with "key_ops": ["decrypt"], plus base64url "p" and "q" and a
/// "warning" member. Private files are not encrypted: for tests, interop and diagnosis only;
/// clinics keep keys and shares in AEAD-wrapped key slots (KeyContainer.h).
class KeyFile
{
public:
    /// The public JWK, compact JSON.
    [[nodiscard]] static std::string publicJwk(const PublicKey& key);
    /// Reads a public JWK (a private-key file is accepted too; its secret members are ignored, and
    /// python-paillier's private JWK with the public members nested in "pub" is read from there).
    /// The DJN base is always derived from n: an "hs" member is optional and, if present, must equal
    /// the derived base. n must be a report key size (exactly 2048, 3072 or 4096 bits); a
    /// 16-hex-digit "kid" must match the key id. Errors: MalformedInput naming the member ("n" for a
    /// size, "hs" for another base, "pub"), KeyMismatch (kid), Unsupported (kty/alg).
    [[nodiscard]] static Result<PublicKey> readPublic(std::string_view json);
    /// The unprotected private-key file, indented JSON.
    [[nodiscard]] static std::string privateJson(const PrivateKey& key);
    /// Reads a private-key file, ours or python-paillier's (pheutil genpkey: "p", "q" and the public
    /// JWK in "pub"); checks n = p·q, the primes (PrivateKey::fromPrimes) and the kid. Errors: as
    /// readPublic(), plus MalformedInput for bad primes and KeyMismatch when p·q is not n.
    [[nodiscard]] static Result<PrivateKey> readPrivate(std::string_view json);

    /// True for a TEST key whose private key is published with CipherChart (tests/data/paillier:
    /// 95963b4f49c9d2d3, fb747c3d36edeee9, c8ca983355f3e5a4). The key ceremony refuses them for a
    /// clinic that is not a demo.
    [[nodiscard]] static bool isPublishedTestKey(const PublicKey& key);
};

} // namespace cc::paillier
