// SPDX-License-Identifier: GPL-3.0-or-later
// The report key's storage forms: a custodian's threshold share (binary) and the public threshold
// parameters (JSON). First byte even: share; odd: parameters. Round trip on success.
#include "core/services/ReportKeyCodec.h"
#include "tests/fuzz/FuzzTarget.h"

CC_FUZZ_TARGET(report_key_codec)
{
    if (data.empty())
        return;
    const auto rest = data.subspan(1);
    if ((data[0] & 1) == 0) {
        auto share = cc::services::decodeThresholdShare(rest);
        if (!share.ok())
            return;
        const auto again = cc::services::encodeThresholdShare(*share);
        auto twice = cc::services::decodeThresholdShare(again.span());
        CC_FUZZ_CHECK(twice.ok() && twice->index == share->index && twice->secret == share->secret);
    } else {
        auto params = cc::services::decodeThresholdParameters(cc::fuzz::asText(rest));
        if (!params.ok())
            return;
        auto twice = cc::services::decodeThresholdParameters(cc::services::encodeThresholdParameters(*params));
        CC_FUZZ_CHECK(twice.ok() && twice->verificationKeys == params->verificationKeys &&
                      twice->verificationBase == params->verificationBase);
    }
}
