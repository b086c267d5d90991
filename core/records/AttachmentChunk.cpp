// SPDX-License-Identifier: GPL-3.0-or-later
// Attachment chunk sealing over crypto::Aead with a position-binding AAD.
#include "core/records/AttachmentChunk.h"

#include "core/crypto/Aead.h"

#include <string_view>

namespace cc::records {

namespace {

constexpr std::string_view kDomain = "cc-chunk-v1";

void appendBigEndian32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>((v >> shift) & 0xFFu));
}

} // namespace

std::vector<std::uint8_t> AttachmentChunk::associatedData(std::span<const std::uint8_t> attachmentId,
                                                          std::uint32_t index, bool final, std::uint32_t keyId)
{
    // Fixed-width fields after a constant domain: the concatenation is unambiguous. Built byte by
    // byte (GCC 12 misreports range inserts from a constexpr string_view, see PatientKeys.cpp).
    std::vector<std::uint8_t> aad;
    aad.reserve(kDomain.size() + attachmentId.size() + 9);
    for (char c : kDomain)
        aad.push_back(static_cast<std::uint8_t>(c));
    for (std::uint8_t b : attachmentId)
        aad.push_back(b);
    appendBigEndian32(aad, index);
    aad.push_back(final ? 1 : 0);
    appendBigEndian32(aad, keyId);
    return aad;
}

Result<std::vector<std::uint8_t>> AttachmentChunk::seal(const crypto::SecureBytes& fileKey, std::uint32_t keyId,
                                                        std::span<const std::uint8_t> attachmentId, std::uint32_t index,
                                                        bool final, std::span<const std::uint8_t> plain,
                                                        crypto::Rng& rng)
{
    if (attachmentId.empty())
        return makeError(ErrorCode::InvalidArgument, "an attachment chunk needs the attachment id");
    if (plain.size() > kSize)
        return makeError(ErrorCode::InvalidArgument, "an attachment chunk is larger than the chunk size");
    return crypto::Aead::seal(fileKey, keyId, plain, associatedData(attachmentId, index, final, keyId), rng);
}

Result<crypto::SecureBytes> AttachmentChunk::open(const crypto::SecureBytes& fileKey, std::uint32_t keyId,
                                                  std::span<const std::uint8_t> attachmentId, std::uint32_t index,
                                                  bool final, std::span<const std::uint8_t> blob)
{
    auto opened = crypto::Aead::open(fileKey, keyId, blob, associatedData(attachmentId, index, final, keyId));
    if (!opened && opened.error().code == ErrorCode::IntegrityFailure)
        return makeError(ErrorCode::IntegrityFailure,
                         "an attachment chunk did not verify (altered, moved, reordered or truncated)");
    return opened;
}

} // namespace cc::records
