// SPDX-License-Identifier: GPL-3.0-or-later
// decodeShare: the printed custodian share (prefix, groups, base32, CRC-32); round trip.
#include "core/crypto/ShareEncoding.h"
#include "tests/fuzz/FuzzTarget.h"

#include <algorithm>

CC_FUZZ_TARGET(share_encoding)
{
    auto decoded = cc::crypto::decodeShare(cc::fuzz::asText(data));
    if (!decoded.ok())
        return;
    // What decodes re-encodes to text that decodes to the same share.
    const std::string again = cc::crypto::encodeShare(decoded->share, decoded->threshold);
    auto twice = cc::crypto::decodeShare(again);
    CC_FUZZ_CHECK(twice.ok());
    CC_FUZZ_CHECK(twice->threshold == decoded->threshold);
    CC_FUZZ_CHECK(twice->share.index == decoded->share.index);
    CC_FUZZ_CHECK(std::ranges::equal(twice->share.data.span(), decoded->share.data.span()));
}
