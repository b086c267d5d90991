// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paillier/ShareCodec.h"

#include "core/access/BinaryReader.h"
#include "core/access/BinaryWriter.h"

#include <algorithm>
#include <array>
#include <vector>

namespace cc::paillier {
namespace {

constexpr std::array<std::uint8_t, 4> kMagic = {'C', 'C', 'P', 'S'};
// magic, version, key id, index, threshold, parties: the part every layout shares.
constexpr std::size_t kCommonHeader = 4 + 1 + 8 + 3 * 4;

} // namespace

crypto::SecureBytes encodeShare(const ThresholdShare& share)
{
    std::vector<std::uint8_t> buf;
    buf.reserve(kCommonHeader + 4 + share.secret.size()); // exact: no reallocation leaves a copy behind
    access::BinaryWriter w(buf);
    w.bytes(kMagic);
    w.u8(SHARE_FORMAT_VERSION);
    w.bytes(share.keyId);
    w.u32(share.index);
    w.u32(share.threshold);
    w.u32(share.parties);
    w.u32(static_cast<std::uint32_t>(share.secret.size()));
    w.bytes(share.secret.span());
    crypto::SecureBytes out(buf);
    crypto::secureWipe(buf.data(), buf.size());
    return out;
}

Result<ThresholdShare> decodeShare(std::span<const std::uint8_t> bytes)
{
    access::BinaryReader r(bytes);
    const auto magic = r.bytes(kMagic.size());
    if (!r.ok() || !std::equal(magic.begin(), magic.end(), kMagic.begin()))
        return malformed("not a threshold share", {}, 0, "share");
    const std::uint8_t version = r.u8();
    if (r.ok() && version != 1 && version != SHARE_FORMAT_VERSION)
        return makeError(ErrorCode::Unsupported, "unknown threshold share format version " + std::to_string(version));
    ThresholdShare share;
    r.into(share.keyId);
    share.index = r.u32();
    share.threshold = r.u32();
    share.parties = r.u32();
    // Each read is its own statement: the order of reads never depends on evaluation order.
    std::size_t length = 0;
    if (version == 1 && r.remaining() >= 2 && (bytes[kCommonHeader] | bytes[kCommonHeader + 1]) != 0) {
        length = r.u16(); // the sealed container's version 1: u16 length
    } else {
        length = r.u32(); // the key ring's version 1 and version 2: u32 length
    }
    if (!r.ok())
        return malformed("threshold share is truncated", {}, 0, "share");
    if (share.parties < 1 || share.parties > SHARE_MAX_PARTIES || share.threshold < 1 ||
        share.threshold > share.parties || share.index < 1 || share.index > share.parties)
        return malformed("index, threshold or party count out of range", {}, 0, "share");
    if (length == 0 || length > SHARE_MAX_SECRET || r.remaining() != length)
        return malformed("secret length does not match", {}, 0, "share");
    share.secret = crypto::SecureBytes(r.bytes(length));
    return share;
}

} // namespace cc::paillier
