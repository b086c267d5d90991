// SPDX-License-Identifier: GPL-3.0-or-later
// Ciphertext::fromBytes (the 12-byte header and fixed-width c) and fromDecimal, for the 2048-bit
// test key of tests/data/paillier. First byte even: wire form (the key id is patched in with
// probability 1/2 so the value checks are reached); odd: decimal. Round trip on success.
#include "core/paillier/Ciphertext.h"
#include "core/paillier/KeyFile.h"
#include "tests/fuzz/FuzzTarget.h"

#include <QFile>

#include <algorithm>
#include <vector>

namespace {

const cc::paillier::PublicKey& testKey()
{
    static const cc::paillier::PublicKey key = [] {
        QFile file(QStringLiteral(CC_TEST_DATA_DIR "/paillier/test-key-2048.json"));
        CC_FUZZ_CHECK(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        auto read = cc::paillier::KeyFile::readPublic(std::string_view(json.constData(), std::size_t(json.size())));
        CC_FUZZ_CHECK(read.ok());
        return std::move(read).value();
    }();
    return key;
}

} // namespace

CC_FUZZ_TARGET(paillier_ciphertext)
{
    if (data.empty())
        return;
    const auto& key = testKey();
    const auto rest = data.subspan(1);
    if ((data[0] & 1) == 0) {
        std::vector<std::uint8_t> blob(rest.begin(), rest.end());
        if ((data[0] & 2) != 0 && blob.size() >= cc::paillier::Ciphertext::HEADER_SIZE)
            std::copy(key.keyId().begin(), key.keyId().end(), blob.begin() + 4);
        auto c = cc::paillier::Ciphertext::fromBytes(key, blob);
        if (!c.ok())
            return;
        CC_FUZZ_CHECK(c->toBytes() == blob);
    } else {
        auto c = cc::paillier::Ciphertext::fromDecimal(key, cc::fuzz::asText(rest));
        if (!c.ok())
            return;
        auto again = cc::paillier::Ciphertext::fromDecimal(key, c->toDecimal());
        CC_FUZZ_CHECK(again.ok() && *again == *c);
    }
}
