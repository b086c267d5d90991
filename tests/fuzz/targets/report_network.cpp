// SPDX-License-Identifier: GPL-3.0-or-later
// The research-network files (docs/REPORTS.md section 8) against a fixed test network
// (FuzzNetwork.h). First byte mod 4: 0 the network key file (NetworkKey::fromJson), 1 the
// member list (NetworkMembers::fromJson), 2 a custodian's ledger (NetworkLedger::fromJson), 3 a
// merged bundle (openMerged: every exported file read, checked and multiplied again). Only the
// documented error codes; on success the file written again reads back to the same thing.
#include "tests/fuzz/FuzzNetwork.h"
#include "tests/fuzz/FuzzTarget.h"

using cc::ErrorCode;

namespace {

bool documented(ErrorCode code, bool merge, bool keyFile = false)
{
    if (code == ErrorCode::MalformedInput || code == ErrorCode::IntegrityFailure || code == ErrorCode::Unsupported)
        return true;
    if (keyFile && code == ErrorCode::KeyMismatch) // the JWK's kid is not its key's id
        return true;
    // mergeExports: another network key, not an exported report or another spec, too few or unlisted sites.
    return merge && (code == ErrorCode::KeyMismatch || code == ErrorCode::InvalidArgument ||
                     code == ErrorCode::AccessDenied || code == ErrorCode::Overflow);
}

} // namespace

CC_FUZZ_TARGET(report_network)
{
    if (data.empty())
        return;
    static const cc::fuzz::FuzzNetwork& net = cc::fuzz::fuzzNetwork();
    const auto& network = net.ceremony.network;
    const auto rest = data.subspan(1);
    const std::string_view text = cc::fuzz::asText(rest);
    switch (data[0] % 4) {
    case 0: {
        auto key = cc::services::NetworkKey::fromJson(text, "network-key.json");
        if (!key.ok()) {
            CC_FUZZ_CHECK(documented(key.error().code, false, true));
            return;
        }
        CC_FUZZ_CHECK(key->minimumCellSize >= 5 && key->minimumSites >= 2);
        if (key->signer != network.signer)
            return; // re-signing needs the signing key
        auto again = cc::services::NetworkKey::fromJson(key->toJson(net.custodian.signingKey));
        CC_FUZZ_CHECK(again.ok() && again->fingerprint() == key->fingerprint());
        return;
    }
    case 1: {
        auto members = cc::services::NetworkMembers::fromJson(text, network, "members.json");
        if (!members.ok()) {
            CC_FUZZ_CHECK(documented(members.error().code, false));
            return;
        }
        auto again =
            cc::services::NetworkMembers::fromJson(members->toJson(network, net.custodian.signingKey), network);
        CC_FUZZ_CHECK(again.ok() && again->members.size() == members->members.size());
        for (std::size_t i = 0; i < members->members.size(); ++i)
            CC_FUZZ_CHECK(again->members[i].signer == members->members[i].signer &&
                          again->members[i].name == members->members[i].name);
        return;
    }
    case 2: {
        auto ledger = cc::services::NetworkLedger::fromJson(text, "ledger.json");
        if (!ledger.ok()) {
            CC_FUZZ_CHECK(documented(ledger.error().code, false));
            return;
        }
        const std::string json = ledger->toJson();
        auto again = cc::services::NetworkLedger::fromJson(json);
        CC_FUZZ_CHECK(again.ok() && again->toJson() == json);
        return;
    }
    default: {
        auto merged = cc::services::openMerged(rest, network, net.members);
        if (!merged.ok()) {
            CC_FUZZ_CHECK(documented(merged.error().code, true));
            return;
        }
        CC_FUZZ_CHECK(merged->bundle() == std::vector<std::uint8_t>(rest.begin(), rest.end()));
        CC_FUZZ_CHECK(merged->figures.size() == merged->spec.cells().size() &&
                      merged->tallies.size() == merged->figures.size());
        return;
    }
    }
}
