// SPDX-License-Identifier: GPL-3.0-or-later
// KeyFile: the Paillier public key as a JWK (python-paillier's form) and the private-key file.
// First byte even: readPublic; odd: readPrivate. Round trip on success.
#include "core/paillier/KeyFile.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(paillier_key_file)
{
    if (data.empty())
        return;
    const std::string_view json = cc::fuzz::asText(data.subspan(1));
    if ((data[0] & 1) == 0) {
        auto key = cc::paillier::KeyFile::readPublic(json);
        if (!key.ok())
            return;
        auto again = cc::paillier::KeyFile::readPublic(cc::paillier::KeyFile::publicJwk(*key));
        CC_FUZZ_CHECK(again.ok() && again->keyId() == key->keyId());
    } else {
        auto key = cc::paillier::KeyFile::readPrivate(json);
        if (!key.ok())
            return;
        auto again = cc::paillier::KeyFile::readPrivate(cc::paillier::KeyFile::privateJson(*key));
        CC_FUZZ_CHECK(again.ok() && again->publicKey().keyId() == key->publicKey().keyId());
    }
}
