// SPDX-License-Identifier: GPL-3.0-or-later
// Key ring: role table checks and the binary serialisation.
#include "core/access/KeyRing.h"

#include "core/access/BinaryReader.h"
#include "core/access/BinaryWriter.h"
#include "core/crypto/SealedBox.h"

#include <algorithm>
#include <string>

namespace cc::access {

namespace {

constexpr std::uint8_t kMagic[4] = {'C', 'C', 'K', 'R'};
constexpr std::uint8_t kFlagPatient = 0x01;
constexpr std::size_t kMaxEntries = 16;

std::string kindText(KeyKind kind)
{
    return std::string(keyKindName(kind));
}

} // namespace

Status KeyRing::add(KeyKind kind, std::uint32_t keyId, std::uint32_t version, crypto::SecureBytes secret)
{
    if (!keySizeValid(kind, secret.size()))
        return makeError(ErrorCode::InvalidArgument, "wrong key size for " + kindText(kind));
    if (has(kind))
        return makeError(ErrorCode::AlreadyExists, "the key ring already holds a " + kindText(kind) + " key");
    m_entries.push_back(KeyEntry{kind, keyId, version, std::move(secret)});
    std::sort(m_entries.begin(), m_entries.end(), [](const KeyEntry& a, const KeyEntry& b) { return a.kind < b.kind; });
    return {};
}

Status KeyRing::addUserBox(crypto::Rng& rng)
{
    if (has(KeyKind::UserBox))
        return makeError(ErrorCode::AlreadyExists, "the key ring already holds a UserBox key");
    const std::uint32_t keyId = static_cast<std::uint32_t>(rng.uniform(0xFFFFFFFEull)) + 1;
    crypto::BoxKeyPair pair = crypto::BoxKeyPair::generate(rng);
    return add(KeyKind::UserBox, keyId, 1, std::move(pair.secretKey));
}

Result<bool> KeyRing::updateIfNewer(KeyKind kind, std::uint32_t keyId, std::uint32_t version,
                                    crypto::SecureBytes secret, bool addIfMissing)
{
    if (!keySizeValid(kind, secret.size()))
        return makeError(ErrorCode::InvalidArgument, "wrong key size for " + kindText(kind));
    for (KeyEntry& e : m_entries) {
        if (e.kind != kind)
            continue;
        if (version <= e.version)
            return false;
        e.secret.clear();
        e = KeyEntry{kind, keyId, version, std::move(secret)};
        return true;
    }
    if (!addIfMissing)
        return false;
    CC_TRY(add(kind, keyId, version, std::move(secret)));
    return true;
}

const KeyEntry* KeyRing::find(KeyKind kind) const noexcept
{
    for (const KeyEntry& e : m_entries) {
        if (e.kind == kind)
            return &e;
    }
    return nullptr;
}

std::vector<KeyKind> KeyRing::kinds() const
{
    std::vector<KeyKind> out;
    out.reserve(m_entries.size());
    for (const KeyEntry& e : m_entries)
        out.push_back(e.kind);
    return out;
}

Status KeyRing::conformsTo(Role role) const
{
    const auto expected = keyKindsForRole(role, role == Role::Administrator && has(KeyKind::PaillierShare));
    for (KeyKind k : expected) {
        if (!has(k))
            return makeError(ErrorCode::KeyMismatch,
                             "a " + std::string(roleName(role)) + " key ring needs the " + kindText(k) + " key");
    }
    const auto optional = optionalKeyKindsForRole(role);
    for (const KeyEntry& e : m_entries) {
        // Patient accounts issued before the portal hold a DBK; login drops it (KeySlotFile::unlock).
        if (role == Role::Patient && e.kind == KeyKind::DatabaseKey)
            continue;
        if (std::find(expected.begin(), expected.end(), e.kind) == expected.end() &&
            std::find(optional.begin(), optional.end(), e.kind) == optional.end())
            return makeError(ErrorCode::KeyMismatch, "a " + std::string(roleName(role)) +
                                                         " key ring must not hold the " + kindText(e.kind) + " key");
    }
    if (m_patientId.has_value() != (role == Role::Patient))
        return makeError(ErrorCode::KeyMismatch, "only a patient key ring is linked to a patient");
    return {};
}

bool KeyRing::remove(KeyKind kind) noexcept
{
    const auto it =
        std::find_if(m_entries.begin(), m_entries.end(), [kind](const KeyEntry& e) { return e.kind == kind; });
    if (it == m_entries.end())
        return false;
    it->secret.clear();
    m_entries.erase(it);
    return true;
}

Result<KeyRing> KeyRing::selectForRole(const KeyRing& source, Role role, bool custodian, crypto::Rng& rng)
{
    KeyRing out;
    CC_TRY(out.addUserBox(rng));
    for (KeyKind k : keyKindsForRole(role, custodian)) {
        if (k == KeyKind::UserBox)
            continue;
        const KeyEntry* e = source.find(k);
        if (!e)
            return makeError(ErrorCode::AccessDenied, "the " + kindText(k) + " key is not available to hand out");
        CC_TRY(out.add(k, e->keyId, e->version, e->secret.clone()));
    }
    for (KeyKind k : optionalKeyKindsForRole(role))
        if (const KeyEntry* e = source.find(k))
            CC_TRY(out.add(k, e->keyId, e->version, e->secret.clone()));
    if (role == Role::Patient) {
        if (!source.patientId())
            return makeError(ErrorCode::InvalidArgument, "a patient key ring needs the patient id");
        out.m_patientId = source.patientId();
    }
    return out;
}

KeyRing KeyRing::clone() const
{
    KeyRing out;
    for (const KeyEntry& e : m_entries)
        out.m_entries.push_back(KeyEntry{e.kind, e.keyId, e.version, e.secret.clone()});
    out.m_patientId = m_patientId;
    return out;
}

crypto::SecureBytes KeyRing::serialise() const
{
    // Layout (big-endian): "CCKR" | version u8 | flags u8 | [patient id 16] | count u8 |
    // count x (kind u8 | key id u32 | version u32 | length u16 | secret).
    std::size_t total = 4 + 1 + 1 + (m_patientId ? kIdSize : 0) + 1;
    for (const KeyEntry& e : m_entries)
        total += 1 + 4 + 4 + 2 + e.secret.size();
    // Reserve exactly so the vector never reallocates and leaves an unwiped copy behind.
    std::vector<std::uint8_t> buf;
    buf.reserve(total);
    BinaryWriter w(buf);
    w.bytes(kMagic);
    w.u8(kFormatVersion);
    w.u8(m_patientId ? kFlagPatient : 0);
    if (m_patientId)
        w.bytes(*m_patientId);
    w.u8(static_cast<std::uint8_t>(m_entries.size()));
    for (const KeyEntry& e : m_entries) {
        w.u8(static_cast<std::uint8_t>(e.kind));
        w.u32(e.keyId);
        w.u32(e.version);
        w.u16(static_cast<std::uint16_t>(e.secret.size()));
        w.bytes(e.secret.span());
    }
    crypto::SecureBytes out(buf);
    crypto::secureWipe(buf.data(), buf.size());
    return out;
}

Result<KeyRing> KeyRing::parse(std::span<const std::uint8_t> bytes)
{
    BinaryReader r(bytes);
    const auto magic = r.bytes(4);
    if (!r.ok() || !std::equal(magic.begin(), magic.end(), std::begin(kMagic)))
        return malformed("not a key ring", {}, 0, "magic");
    const std::uint8_t version = r.u8();
    if (r.ok() && version != kFormatVersion)
        return makeError(ErrorCode::Unsupported, "unknown key ring format version " + std::to_string(version));
    const std::uint8_t flags = r.u8();
    if (r.ok() && (flags & ~kFlagPatient) != 0)
        return malformed("unknown key ring flags", {}, 0, "flags");
    KeyRing ring;
    if (flags & kFlagPatient) {
        PatientId pid{};
        r.into(pid);
        ring.m_patientId = pid;
    }
    const std::size_t count = r.u8();
    if (!r.ok())
        return malformed("key ring is truncated", {}, 0, "header");
    if (count == 0 || count > kMaxEntries)
        return malformed("key ring has an invalid number of keys", {}, 0, "count");
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t code = r.u8();
        const std::uint32_t keyId = r.u32();
        const std::uint32_t keyVersion = r.u32();
        const std::size_t len = r.u16();
        const auto secret = r.bytes(len);
        if (!r.ok())
            return malformed("key ring is truncated", {}, 0, "key");
        const auto kind = keyKindFromCode(code);
        if (!kind)
            return malformed("unknown key kind in key ring", {}, 0, "kind");
        if (!keySizeValid(*kind, len))
            return malformed("wrong key size for " + kindText(*kind), {}, 0, "length");
        if (ring.has(*kind))
            return malformed("duplicate " + kindText(*kind) + " key in key ring", {}, 0, "kind");
        ring.m_entries.push_back(KeyEntry{*kind, keyId, keyVersion, crypto::SecureBytes(secret)});
    }
    if (!r.atEnd())
        return malformed("trailing bytes after key ring", {}, 0, "length");
    const bool patientKeys =
        ring.has(KeyKind::PatientIdentity) || ring.has(KeyKind::PatientClinical) || ring.has(KeyKind::ConsentTokens);
    if (patientKeys != ring.m_patientId.has_value())
        return malformed("patient keys and patient id do not match", {}, 0, "patient");
    std::sort(ring.m_entries.begin(), ring.m_entries.end(),
              [](const KeyEntry& a, const KeyEntry& b) { return a.kind < b.kind; });
    return ring;
}

void KeyRing::wipe() noexcept
{
    for (KeyEntry& e : m_entries)
        e.secret.clear();
    m_entries.clear();
    m_patientId.reset();
}

} // namespace cc::access
