// SPDX-License-Identifier: GPL-3.0-or-later
// Shared helpers for the access tests: synthetic key rings, passwords and file surgery.
#pragma once

#include "core/access/BinaryWriter.h"
#include "core/access/KeyRing.h"
#include "core/access/KeySlot.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/Rng.h"

#include <QTest>

#include <cstdint>
#include <string_view>
#include <vector>

namespace cc::access::test {

/// A 32-byte test key filled with `fill` (synthetic, never a real key).
inline crypto::SecureBytes key32(std::uint8_t fill)
{
    crypto::SecureBytes k(32);
    for (std::size_t i = 0; i < k.size(); ++i)
        k[i] = static_cast<std::uint8_t>(fill + i);
    return k;
}

/// A ring holding every clinic-wide kind (as at the set-up ceremony), plus a Paillier share,
/// plus one patient's keys and id. `dbkFill` varies the DBK to simulate another clinic.
inline KeyRing fullRing(std::uint8_t dbkFill = 1)
{
    KeyRing r;
    std::uint32_t id = 100;
    for (KeyKind k : kAllKeyKinds) {
        crypto::SecureBytes secret =
            k == KeyKind::PaillierShare ? crypto::SecureBytes(std::size_t{700}) : key32(static_cast<std::uint8_t>(id));
        if (k == KeyKind::DatabaseKey)
            secret = key32(dbkFill);
        const auto s = r.add(k, id, 1, std::move(secret));
        Q_ASSERT(s.ok());
        ++id;
    }
    PatientId pid{};
    pid.fill(0x5a);
    r.setPatientId(pid);
    return r;
}

/// The ring a role receives, cut from fullRing(), with its own UserBox key (seeded by `boxSeed`).
inline KeyRing ringFor(Role role, bool custodian = false, std::uint8_t dbkFill = 1, std::uint64_t boxSeed = 7)
{
    const KeyRing full = fullRing(dbkFill);
    crypto::DeterministicRng rng(boxSeed);
    auto r = KeyRing::selectForRole(full, role, custodian, rng);
    Q_ASSERT(r.ok());
    return std::move(r).value();
}

/// Password bytes (UTF-8).
inline std::vector<std::uint8_t> pw(std::string_view s)
{
    return {s.begin(), s.end()};
}

/// Recomputes the trailing SHA-256 checksum of a key-slot file after a test edited it, so the
/// structural checks behind the checksum can be reached.
inline void fixChecksum(std::vector<std::uint8_t>& file)
{
    const std::span<const std::uint8_t> body(file.data(), file.size() - 32);
    const auto sum = crypto::sha256(body);
    std::copy(sum.begin(), sum.end(), file.end() - 32);
}

/// Builds a key-slot file by hand from parts (format version 2 unless given; no mailbox entries),
/// with checksum.
inline std::vector<std::uint8_t> buildFile(const ClinicId& clinic, std::uint64_t generation,
                                           const std::vector<const KeySlot*>& slotList,
                                           std::span<const std::uint8_t> mac, std::uint16_t version = 2)
{
    std::vector<std::uint8_t> out;
    BinaryWriter w(out);
    w.text("CCKSLOTS");
    w.u16(version);
    w.bytes(clinic);
    w.u64(generation);
    w.u16(static_cast<std::uint16_t>(slotList.size()));
    for (const KeySlot* s : slotList)
        s->encode(w, false);
    w.u16(0);
    w.bytes(mac);
    const auto sum = crypto::sha256(out);
    w.bytes(sum);
    return out;
}

/// The file MAC stored in a serialised key-slot file (the 32 bytes before the checksum).
inline std::vector<std::uint8_t> macOf(const std::vector<std::uint8_t>& file)
{
    return {file.end() - 64, file.end() - 32};
}

} // namespace cc::access::test
