// SPDX-License-Identifier: GPL-3.0-or-later
// The key-slot file's records without the file around them: KeyUpdate::decode (a mailbox entry)
// and KeySlot::decode (an account's slot). The first byte chooses which; the rest is a sequence
// of records read until one fails. What decodes must encode and decode to the same bytes.
#include "core/access/BinaryReader.h"
#include "core/access/BinaryWriter.h"
#include "core/access/KeySlot.h"
#include "tests/fuzz/FuzzTarget.h"

#include <type_traits>
#include <vector>

namespace {

template <typename Record> std::vector<std::uint8_t> encoded(const Record& record)
{
    std::vector<std::uint8_t> out;
    cc::access::BinaryWriter w(out);
    if constexpr (std::is_same_v<Record, cc::access::KeySlot>)
        record.encode(w, false);
    else
        record.encode(w);
    return out;
}

template <typename Record> void decodeAll(std::span<const std::uint8_t> bytes)
{
    cc::access::BinaryReader r(bytes);
    for (int i = 0; i < 64 && r.remaining() > 0; ++i) {
        auto record = Record::decode(r);
        if (!record.ok()) {
            CC_FUZZ_CHECK(record.error().code == cc::ErrorCode::MalformedInput);
            return;
        }
        const std::vector<std::uint8_t> once = encoded(*record);
        cc::access::BinaryReader again(once);
        auto twice = Record::decode(again);
        CC_FUZZ_CHECK(twice.ok() && again.atEnd());
        CC_FUZZ_CHECK(encoded(*twice) == once);
    }
}

} // namespace

CC_FUZZ_TARGET(key_update)
{
    if (data.empty())
        return;
    if (data[0] & 1)
        decodeAll<cc::access::KeySlot>(data.subspan(1));
    else
        decodeAll<cc::access::KeyUpdate>(data.subspan(1));
}
