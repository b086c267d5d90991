// SPDX-License-Identifier: GPL-3.0-or-later
// The backup container and its signed manifest (BackupService::inspectBytes, what `backup
// inspect` reads). First byte even: the input is a whole backup file. Odd: the input is the
// manifest JSON, wrapped in a well-formed container header so the manifest parser is reached
// without the fuzzer having to learn the header and length fields.
#include "core/services/BackupService.h"
#include "tests/fuzz/FuzzTarget.h"

#include <vector>

namespace {

void putBig(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

} // namespace

CC_FUZZ_TARGET(backup)
{
    if (data.empty())
        return;
    const auto rest = data.subspan(1);
    std::vector<std::uint8_t> file;
    if ((data[0] & 1) == 0) {
        file.assign(rest.begin(), rest.end());
    } else {
        file = {'C', 'C', 'B', 'K', 0, 1, 0, 0};
        putBig(file, rest.size(), 4);
        file.insert(file.end(), rest.begin(), rest.end());
        file.resize(file.size() + 64); // a signature that does not verify
        for (int member = 0; member < 3; ++member)
            putBig(file, 0, member == 2 ? 8 : 4);
    }
    auto manifest = cc::services::BackupService::inspectBytes(file);
    if (!manifest.ok()) {
        const auto code = manifest.error().code;
        CC_FUZZ_CHECK(code == cc::ErrorCode::MalformedInput || code == cc::ErrorCode::Unsupported ||
                      code == cc::ErrorCode::IntegrityFailure);
        return;
    }
    CC_FUZZ_CHECK(manifest->members.size() == 6);
    (void)cc::services::BackupService::manifestJson(*manifest);
}
