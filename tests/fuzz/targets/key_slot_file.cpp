// SPDX-License-Identifier: GPL-3.0-or-later
// KeySlotFile::parse: the key-slot file beside the database, with its mailbox of key updates.
// The trailing SHA-256 checksum would stop nearly every mutation at the first check, so the
// input is parsed twice: as given, and with the checksum recomputed over it (what an attacker
// who edits the file can always do), which lets the fuzzer reach the slot and mailbox decoders.
#include "core/access/KeySlotFile.h"
#include "core/crypto/Kdf.h"
#include "tests/fuzz/FuzzTarget.h"

#include <algorithm>
#include <vector>

namespace {

void parseAndRoundTrip(std::span<const std::uint8_t> bytes)
{
    auto parsed = cc::access::KeySlotFile::parse(bytes);
    if (!parsed.ok()) {
        CC_FUZZ_CHECK(parsed.error().code == cc::ErrorCode::MalformedInput ||
                      parsed.error().code == cc::ErrorCode::Unsupported);
        return;
    }
    // A file that parses serialises to bytes that parse to the same accounts and mailbox.
    const std::vector<std::uint8_t> again = parsed->serialise();
    auto reparsed = cc::access::KeySlotFile::parse(again);
    CC_FUZZ_CHECK(reparsed.ok());
    CC_FUZZ_CHECK(reparsed->serialise() == again);
    CC_FUZZ_CHECK(reparsed->slotCount() == parsed->slotCount());
    CC_FUZZ_CHECK(reparsed->updates().size() == parsed->updates().size());
    (void)parsed->listAccounts();
}

} // namespace

CC_FUZZ_TARGET(key_slot_file)
{
    parseAndRoundTrip(data);
    if (data.size() < 32)
        return;
    std::vector<std::uint8_t> fixed(data.begin(), data.end());
    const auto sum = cc::crypto::sha256(std::span<const std::uint8_t>(fixed.data(), fixed.size() - 32));
    std::copy(sum.begin(), sum.end(), fixed.end() - 32);
    parseAndRoundTrip(fixed);
}
