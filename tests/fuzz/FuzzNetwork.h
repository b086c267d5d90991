// SPDX-License-Identifier: GPL-3.0-or-later
// A fixed research network for the report_network target and fuzz_seeds: made by the real
// ceremony (createNetwork) from the published test key tests/data/paillier/test-key-2048-b.json
// with a deterministic random source, so the seeds' signatures verify in the target. Test data
// only.
#pragma once

#include "core/crypto/Ed25519PrivateKey.h"
#include "core/paillier/KeyFile.h"
#include "core/services/ReportNetwork.h"

#include <QFile>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace cc::fuzz {

struct FuzzNetwork
{
    services::NetworkCeremony ceremony;
    services::NetworkCustodian custodian; ///< custodian 1 (holds the network signing key)
    services::NetworkMembers members;     ///< the two member clinics below
    std::string membersJson;

    /// The signing key of member clinic 1 or 2.
    static crypto::Ed25519PrivateKey clinicSigner(int clinic)
    {
        const std::vector<std::uint8_t> seed(32, static_cast<std::uint8_t>(0x60 + clinic));
        return crypto::Ed25519PrivateKey::fromSeed(seed).value();
    }
};

[[noreturn]] inline void networkFailed(const char* step, const Error& error)
{
    std::fprintf(stderr, "fuzz network: %s: %s\n", step, error.describe().c_str());
    std::abort();
}

/// The network, made once per process.
inline const FuzzNetwork& fuzzNetwork()
{
    static const FuzzNetwork network = [] {
        QFile in(QStringLiteral(CC_TEST_DATA_DIR "/paillier/test-key-2048-b.json"));
        if (!in.open(QIODevice::ReadOnly))
            std::abort();
        const QByteArray text = in.readAll();
        auto key = paillier::KeyFile::readPrivate(std::string_view(text.constData(), std::size_t(text.size())));
        if (!key)
            networkFailed("test key", key.error());
        std::vector<crypto::SecureBytes> passphrases;
        for (const char* p : {"fuzz-passphrase-1", "fuzz-passphrase-2", "fuzz-passphrase-3"})
            passphrases.emplace_back(std::span(reinterpret_cast<const std::uint8_t*>(p), std::strlen(p)));
        crypto::DeterministicRng rng(13);
        auto ceremony = services::createNetwork(std::move(*key), QStringLiteral("Fuzz network"), {"ana", "ben", "cy"},
                                                2, 11, 2, passphrases, crypto::Argon2Params::forTests(), rng);
        if (!ceremony)
            networkFailed("ceremony", ceremony.error());
        auto custodian =
            services::openCustodianFile(ceremony->custodianFiles[0], ceremony->network, passphrases[0].span());
        if (!custodian)
            networkFailed("custodian file", custodian.error());
        services::NetworkMembers members;
        for (int clinic : {1, 2})
            members.members.push_back(
                {QStringLiteral("Clinic %1").arg(clinic), FuzzNetwork::clinicSigner(clinic).publicKey().bytes()});
        std::sort(members.members.begin(), members.members.end(),
                  [](const auto& a, const auto& b) { return a.signer < b.signer; });
        std::string membersJson = members.toJson(ceremony->network, custodian->signingKey);
        return FuzzNetwork{std::move(*ceremony), std::move(*custodian), std::move(members), std::move(membersJson)};
    }();
    return network;
}

} // namespace cc::fuzz
