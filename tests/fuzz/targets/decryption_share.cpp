// SPDX-License-Identifier: GPL-3.0-or-later
// A custodian's decryption-share file (DecryptionShare::decode, what `report publish --shares`
// reads). On success: encode → decode → encode gives the same bytes.
#include "core/reports/DecryptionShare.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(decryption_share)
{
    auto share = cc::reports::DecryptionShare::decode(data, "share.ccrs");
    if (!share.ok()) {
        const auto code = share.error().code;
        CC_FUZZ_CHECK(code == cc::ErrorCode::MalformedInput || code == cc::ErrorCode::Unsupported);
        return;
    }
    CC_FUZZ_CHECK(share->custodian >= 1);
    const auto encoded = share->encode();
    auto again = cc::reports::DecryptionShare::decode(encoded);
    CC_FUZZ_CHECK(again.ok() && again->encode() == encoded);
    CC_FUZZ_CHECK(again->partials.size() == share->partials.size() && again->custodian == share->custodian);
}
