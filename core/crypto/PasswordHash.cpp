// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/PasswordHash.h"

#include "core/crypto/SodiumInit.h"

#include <sodium.h>

namespace cc::crypto {

Argon2Params Argon2Params::defaults()
{
    return Argon2Params{65536, 3, 1};
}

Argon2Params Argon2Params::forTests()
{
    return Argon2Params{8192, 1, 1};
}

Result<SecureBytes> argon2id(std::span<const std::uint8_t> password, std::span<const std::uint8_t> salt,
                             const Argon2Params& params, std::size_t length)
{
    static_assert(kArgon2SaltSize == crypto_pwhash_argon2id_SALTBYTES);
    if (!detail::ensureSodium())
        return makeError(ErrorCode::CryptoFailure, "libsodium could not initialise");
    if (params.parallelism != 1)
        return makeError(ErrorCode::Unsupported, "Argon2id parallelism other than 1 is not supported");
    if (salt.size() != crypto_pwhash_argon2id_SALTBYTES)
        return makeError(ErrorCode::InvalidArgument, "the Argon2id salt must be 16 bytes");
    if (length < crypto_pwhash_argon2id_BYTES_MIN || length > crypto_pwhash_argon2id_BYTES_MAX)
        return makeError(ErrorCode::InvalidArgument, "the Argon2id output length must be at least 16 bytes");
    if (password.size() > crypto_pwhash_argon2id_PASSWD_MAX)
        return makeError(ErrorCode::InvalidArgument, "the password is too long");
    if (params.iterations < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
        params.iterations > crypto_pwhash_argon2id_OPSLIMIT_MAX)
        return makeError(ErrorCode::InvalidArgument, "Argon2id iterations out of range");
    // crypto_pwhash takes the memory in bytes; libsodium's minimum is 8 KiB (RFC 9106: m >= 8p).
    const std::size_t memBytes = std::size_t{params.memoryKiB} * 1024U;
    if (memBytes < crypto_pwhash_argon2id_MEMLIMIT_MIN || memBytes > crypto_pwhash_argon2id_MEMLIMIT_MAX)
        return makeError(ErrorCode::InvalidArgument, "Argon2id memory out of range");

    static const char emptyPassword = 0;
    const char* pw = password.empty() ? &emptyPassword : reinterpret_cast<const char*>(password.data());
    SecureBytes out(length);
    if (crypto_pwhash(out.data(), out.size(), pw, password.size(), salt.data(), params.iterations, memBytes,
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        out.clear();
        return makeError(ErrorCode::CryptoFailure, "Argon2id failed (not enough memory?)");
    }
    return out;
}

} // namespace cc::crypto
