// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Startup.h"

#include "core/crypto/CryptoSelfTest.h"
#include "core/crypto/GmpSecureAllocator.h"
#include "core/paillier/PaillierSelfTest.h"
#include "db/SqlCipherLibrary.h"

#include <sodium.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <cstdlib>

namespace cc::app {

Status disableCoreDumps()
{
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        return makeError(ErrorCode::Internal, "cannot disable core dumps (setrlimit RLIMIT_CORE)");
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return makeError(ErrorCode::Internal, "cannot mark the process non-dumpable (prctl PR_SET_DUMPABLE)");
    return {};
}

Status prepareProcess()
{
    CC_TRY(disableCoreDumps());
    if (sodium_init() < 0)
        return makeError(ErrorCode::CryptoFailure, "libsodium failed to initialise");
    crypto::installWipingGmpAllocator();
    return {};
}

std::vector<SelfTestResult> runSelfTest(const SelfTestOptions& options)
{
    std::vector<SelfTestResult> results;

    SelfTestResult allocator{"gmp-wiping-allocator", crypto::wipingGmpAllocatorInstalled(),
                             "GMP frees through a wiping allocator"};
    if (options.breakCheck == allocator.name)
        allocator.passed = false;
    results.push_back(allocator);

    for (auto& r : crypto::cryptoSelfTest(options))
        results.push_back(std::move(r));
    for (auto& r : paillier::paillierSelfTest(options))
        results.push_back(std::move(r));

    SelfTestResult sqlcipher{"sqlcipher", false, {}};
    auto version = db::cipherVersion();
    auto plain = db::checkNoPlainSqliteMapped();
    if (!version.ok())
        sqlcipher.detail = version.error().message;
    else if (!plain.ok())
        sqlcipher.detail = plain.error().message;
    else {
        sqlcipher.passed = options.breakCheck != sqlcipher.name;
        sqlcipher.detail = "SQLCipher " + *version + " on SQLite " + db::sqliteLibraryVersion();
    }
    results.push_back(sqlcipher);
    return results;
}

SelfTestOptions selfTestOptionsFromEnvironment()
{
    SelfTestOptions options;
    if (const char* broken = std::getenv("CIPHERCHART_SELFTEST_BREAK"))
        options.breakCheck = broken;
    return options;
}

} // namespace cc::app
