// SPDX-License-Identifier: GPL-3.0-or-later
// Key-slot file: parse, serialise, wrap and unwrap key rings, file MAC.
#include "core/access/KeySlotFile.h"
#include "core/access/KeySlotFileDetail.h"

#include "core/access/BinaryReader.h"
#include "core/access/BinaryWriter.h"
#include "core/crypto/Aead.h"
#include "core/crypto/SealedBox.h"

#include <algorithm>
#include <set>

namespace cc::access {

using keyslot_detail::asBytes;
using keyslot_detail::noSlot;

namespace {

constexpr std::uint8_t kMagic[8] = {'C', 'C', 'K', 'S', 'L', 'O', 'T', 'S'};
constexpr std::size_t kMacSize = 32;
constexpr std::size_t kChecksumSize = crypto::kSha256Size;
constexpr std::size_t kHeaderSize = 8 + 2 + kIdSize + 8 + 2;
constexpr std::string_view kMacInfo = "CipherChart key-slot file MAC v1";

Error damaged()
{
    return malformed("key-slot file is damaged", {}, 0, "checksum");
}

} // namespace

KeySlotFile KeySlotFile::create(crypto::Rng& rng)
{
    KeySlotFile f;
    rng.fill(f.m_clinicId);
    f.m_dirty = true;
    return f;
}

Status KeySlotFile::checkClinic(const ClinicId& expected) const
{
    if (m_clinicId != expected)
        return makeError(ErrorCode::KeyMismatch, "the key-slot file belongs to another clinic");
    return {};
}

Status KeySlotFile::checkGeneration(std::uint64_t lastSeen) const
{
    if (m_generation < lastSeen)
        return makeError(ErrorCode::IntegrityFailure,
                         "the key-slot file is older than the database expects (replaced by an older copy)");
    return {};
}

KeySlot* KeySlotFile::findSlot(std::string_view userName) noexcept
{
    for (KeySlot& s : m_slots) {
        if (s.userName == userName)
            return &s;
    }
    return nullptr;
}

const KeySlot* KeySlotFile::slot(std::string_view userName) const noexcept
{
    return const_cast<KeySlotFile*>(this)->findSlot(userName);
}

std::vector<std::uint8_t> KeySlotFile::encode(bool forMac) const
{
    std::vector<std::uint8_t> out;
    BinaryWriter w(out);
    w.bytes(kMagic);
    w.u16(m_formatVersion);
    w.bytes(m_clinicId);
    w.u64(m_generation);
    w.u16(static_cast<std::uint16_t>(m_slots.size()));
    for (const KeySlot& s : m_slots) {
        if (forMac && m_formatVersion >= 3 && s.role == Role::Patient)
            s.encodeIdentity(w);
        else
            s.encode(w, forMac);
    }
    w.u16(static_cast<std::uint16_t>(m_updates.size()));
    for (const KeyUpdate& u : m_updates)
        u.encode(w);
    return out;
}

Result<crypto::Digest256> KeySlotFile::computeMac(const KeyRing& ring) const
{
    const KeyEntry* dbk = ring.find(KeyKind::DatabaseKey);
    if (!dbk)
        return makeError(ErrorCode::KeyMismatch, "the key ring holds no database key");
    return computeMacUnder(dbk->secret);
}

Result<crypto::Digest256> KeySlotFile::computeMacUnder(const crypto::SecureBytes& dbk) const
{
    // Separate key for the file MAC (RFC 5869 section 3.2: distinct info per use), so the DBK
    // itself is never used outside SQLCipher.
    auto macKey = crypto::hkdfSha256(dbk.span(), m_clinicId, asBytes(kMacInfo), 32);
    if (!macKey.ok())
        return std::move(macKey).error();
    return crypto::hmacSha256(macKey->span(), encode(true));
}

Status KeySlotFile::verifyMac(const KeyRing& ring) const
{
    auto mac = computeMac(ring);
    if (!mac.ok())
        return std::move(mac).error();
    if (!crypto::constantTimeEqual(*mac, m_mac))
        return makeError(ErrorCode::IntegrityFailure,
                         "the key-slot file was changed outside CipherChart or belongs to other keys");
    return {};
}

Status KeySlotFile::commitAuthenticated(const KeyRing& ring)
{
    m_formatVersion = kFormatVersion; // a staff change writes the current format
    ++m_generation;
    auto mac = computeMac(ring);
    if (!mac.ok())
        return std::move(mac).error();
    m_mac = *mac;
    m_dirty = true;
    return {};
}

Status KeySlotFile::wrapInto(KeySlot& slot, std::span<const std::uint8_t> password, const KeyRing& ring,
                             const crypto::Argon2Params& params, crypto::Rng& rng) const
{
    if (password.size() < kMinPasswordLength)
        return makeError(ErrorCode::InvalidArgument, "a password has at least 8 characters");
    if (auto v = validateKdfParams(params); !v.ok())
        return makeError(ErrorCode::InvalidArgument, v.error().message);
    rng.fill(slot.salt);
    slot.kdf = params;
    auto kek = crypto::argon2id(password, slot.salt, params);
    if (!kek.ok())
        return std::move(kek).error();
    const crypto::SecureBytes plain = ring.serialise();
    // The slot version doubles as the Aead key id: each re-wrap derives a new KEK (new salt).
    auto blob = crypto::Aead::seal(*kek, slot.slotVersion, plain.span(), slot.aad(m_clinicId), rng);
    if (!blob.ok())
        return std::move(blob).error();
    slot.wrapped = std::move(*blob);
    return {};
}

Result<UserId> KeySlotFile::addSlot(std::string_view userName, Role role, std::span<const std::uint8_t> password,
                                    const KeyRing& ring, const crypto::Argon2Params& params, crypto::Rng& rng,
                                    const Clock& clock, const NewSlotOptions& options)
{
    CC_TRY(validateUserName(userName));
    if (auto c = ring.conformsTo(role); !c.ok())
        return makeError(ErrorCode::InvalidArgument, c.error().message);
    if (findSlot(userName))
        return makeError(ErrorCode::AlreadyExists, "the user name is taken");
    if (m_slots.size() >= kMaxSlots)
        return makeError(ErrorCode::StorageFull, "the key-slot file is full");
    const KeyRing& authority = options.actor != nullptr ? *options.actor : ring;
    if (!m_slots.empty())
        CC_TRY(verifyMac(authority));

    KeySlot s;
    const auto idTaken = [&](const UserId& id) {
        return std::any_of(m_slots.begin(), m_slots.end(), [&](const KeySlot& o) { return o.userId == id; });
    };
    if (options.userId) {
        if (idTaken(*options.userId))
            return makeError(ErrorCode::AlreadyExists, "the user id is taken by another slot");
        s.userId = *options.userId;
    } else {
        do {
            rng.fill(s.userId);
        } while (idTaken(s.userId));
    }
    s.mustChangePassword = options.mustChangePassword;
    s.userName = std::string(userName);
    s.role = role;
    s.patientId = ring.patientId();
    s.slotVersion = 1;
    const KeyEntry* box = ring.find(KeyKind::UserBox);
    auto pair = crypto::BoxKeyPair::fromSecretKey(box->secret.span()); // conformsTo guaranteed the key
    if (!pair.ok())
        return std::move(pair).error();
    s.boxPublicKey = pair->publicKey;
    s.createdAt = clock.nowSeconds();
    s.changedAt = s.createdAt;
    CC_TRY(wrapInto(s, password, ring, params, rng));
    const UserId id = s.userId;
    m_slots.push_back(std::move(s));
    CC_TRY(commitAuthenticated(authority));
    return id;
}

Result<KeyRing> KeySlotFile::unwrapSlot(const KeySlot& slot, std::span<const std::uint8_t> password) const
{
    auto kek = crypto::argon2id(password, slot.salt, slot.kdf);
    if (!kek.ok())
        return std::move(kek).error();
    auto plain = crypto::Aead::open(*kek, slot.slotVersion, slot.wrapped, slot.aad(m_clinicId));
    if (!plain.ok()) {
        // The checksum already passed, so a tag failure means a wrong password, or a slot moved
        // to another user, role or clinic: both look like a wrong password to the user.
        if (plain.error().code == ErrorCode::IntegrityFailure)
            return makeError(ErrorCode::WrongPassword, kWrongPasswordMessage);
        // The blob's key id is the slot version: a mismatch means the slot was edited.
        if (plain.error().code == ErrorCode::KeyMismatch)
            return makeError(ErrorCode::IntegrityFailure, "the key slot was altered");
        return std::move(plain).error();
    }
    auto ring = KeyRing::parse(plain->span());
    if (!ring.ok())
        return std::move(ring).error();
    if (!ring->conformsTo(slot.role).ok() || ring->patientId() != slot.patientId)
        return makeError(ErrorCode::IntegrityFailure, "the key ring does not match its slot");
    // The public key is stored in the clear for the administrator who seals key updates; the
    // owner checks it against their own secret so a substituted key is noticed (docs/KEYS.md 8).
    auto pair = crypto::BoxKeyPair::fromSecretKey(ring->find(KeyKind::UserBox)->secret.span());
    if (!pair.ok())
        return std::move(pair).error();
    if (!crypto::constantTimeEqual(pair->publicKey, slot.boxPublicKey))
        return makeError(ErrorCode::IntegrityFailure,
                         "the key slot's public key was replaced: key updates could go to someone else");
    return ring;
}

Result<KeyRing> KeySlotFile::unlock(std::string_view userName, std::span<const std::uint8_t> password,
                                    UnlockDetail* detail) const
{
    const KeySlot* s = slot(userName);
    if (!s)
        return noSlot();
    auto ring = unwrapSlot(*s, password);
    if (!ring.ok())
        return ring;
    if (s->role == Role::Patient) {
        // A patient holds no DBK (issue 10 item 1), so can check neither the file MAC nor a key
        // update: their slot's own AES-GCM tag, bound to user, role, patient and clinic, is what
        // they trust; no update is ever sealed to them. An account issued before still holds a
        // DBK: it is dropped here and from the slot at the next re-wrap.
        const bool legacy = ring->remove(KeyKind::DatabaseKey);
        if (detail != nullptr) {
            detail->updatesPending = pendingUpdates(s->userId);
            detail->legacyKeysDropped = legacy;
        }
        return ring;
    }
    // Mailbox first, MAC second: after a DBK rotation the file MAC is under the new DBK, which this
    // ring learns only from its mailbox entry (authenticated by the DBK it already holds).
    auto applied = applyUpdates(s->userId, *ring, detail);
    if (!applied.ok())
        return std::move(applied).error();
    CC_TRY(verifyMac(*ring));
    return ring;
}

Status KeySlotFile::rewrap(std::string_view userName, std::span<const std::uint8_t> newPassword, const KeyRing& ring,
                           const crypto::Argon2Params& params, crypto::Rng& rng, const Clock& clock,
                           bool mustChangePassword)
{
    KeySlot* s = findSlot(userName);
    if (!s)
        return noSlot();
    if (auto c = ring.conformsTo(s->role); !c.ok() || ring.patientId() != s->patientId)
        return makeError(ErrorCode::InvalidArgument, "the key ring does not belong to this account");
    if (s->role == Role::Patient && !ring.has(KeyKind::DatabaseKey))
        return rewrapPatient(*s, newPassword, ring, params, rng, clock, mustChangePassword);
    CC_TRY(verifyMac(ring));
    KeySlot next = *s;
    ++next.slotVersion;
    next.mustChangePassword = mustChangePassword;
    next.changedAt = clock.nowSeconds();
    CC_TRY(wrapInto(next, newPassword, ring, params, rng));
    *s = std::move(next);
    return commitAuthenticated(ring);
}

Status KeySlotFile::rewrapPatient(KeySlot& slot, std::span<const std::uint8_t> password, const KeyRing& ring,
                                  const crypto::Argon2Params& params, crypto::Rng& rng, const Clock& clock,
                                  bool mustChangePassword)
{
    // Format 3 leaves the wrap of a patient slot out of the file MAC, so its owner re-wraps it
    // without the DBK; the generation does not move (it counts authenticated changes).
    if (m_formatVersion < 3)
        return makeError(ErrorCode::Unsupported, "the clinic's key-slot file is from before patient portals: a staff "
                                                 "member must log in once before a patient can change a password");
    if (ring.has(KeyKind::DatabaseKey))
        return makeError(ErrorCode::InvalidArgument, "a patient's key ring must not hold the database key");
    KeySlot next = slot;
    ++next.slotVersion;
    next.mustChangePassword = mustChangePassword;
    next.changedAt = clock.nowSeconds();
    CC_TRY(wrapInto(next, password, ring, params, rng));
    const UserId id = slot.userId;
    slot = std::move(next);
    std::erase_if(m_updates, [&](const KeyUpdate& u) { return u.recipient == id; });
    m_dirty = true;
    return {};
}

Status KeySlotFile::removeSlot(std::string_view userName, const KeyRing& actor, const Clock& clock)
{
    (void)clock; // the removal time belongs in the audit trail, not in the file
    const auto it =
        std::find_if(m_slots.begin(), m_slots.end(), [&](const KeySlot& s) { return s.userName == userName; });
    if (it == m_slots.end())
        return noSlot();
    CC_TRY(verifyMac(actor));
    const UserId id = it->userId;
    m_slots.erase(it);
    // A disabled account must not learn keys rotated later, nor keep ones already sealed to it.
    std::erase_if(m_updates, [&](const KeyUpdate& u) { return u.recipient == id; });
    return commitAuthenticated(actor);
}

Status KeySlotFile::clearLockout(std::string_view userName, const KeyRing& actor, const Clock& clock)
{
    KeySlot* s = findSlot(userName);
    if (!s)
        return noSlot();
    CC_TRY(verifyMac(actor));
    s->failedAttempts = 0;
    s->lockedUntil = 0;
    s->suspended = false;
    s->changedAt = clock.nowSeconds();
    return commitAuthenticated(actor);
}

Status KeySlotFile::setThrottleState(std::string_view userName, std::uint32_t failedAttempts, std::int64_t lockedUntil,
                                     bool suspended)
{
    KeySlot* s = findSlot(userName);
    if (!s)
        return noSlot();
    s->failedAttempts = failedAttempts;
    s->lockedUntil = lockedUntil;
    s->suspended = suspended;
    m_dirty = true;
    return {};
}

std::vector<AccountInfo> KeySlotFile::listAccounts() const
{
    std::vector<AccountInfo> out;
    out.reserve(m_slots.size());
    for (const KeySlot& s : m_slots)
        out.push_back(AccountInfo{s.userId, s.userName, s.role, s.patientId, s.failedAttempts, s.lockedUntil,
                                  s.suspended, s.mustChangePassword, s.createdAt, s.changedAt});
    return out;
}

std::vector<std::uint8_t> KeySlotFile::serialise() const
{
    std::vector<std::uint8_t> out = encode(false);
    out.insert(out.end(), m_mac.begin(), m_mac.end());
    const auto sum = crypto::sha256(out);
    out.insert(out.end(), sum.begin(), sum.end());
    return out;
}

Result<KeySlotFile> KeySlotFile::parse(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() < sizeof(kMagic) || !std::equal(std::begin(kMagic), std::end(kMagic), bytes.begin()))
        return malformed("not a CipherChart key-slot file", {}, 0, "magic");
    // The checksum is the last 32 bytes in every format version, so it is checked before the
    // version: a damaged version field reads as damage, a well-formed newer file as Unsupported.
    if (bytes.size() < kHeaderSize + kMacSize + kChecksumSize)
        return damaged();
    const auto body = bytes.first(bytes.size() - kChecksumSize);
    const auto stored = bytes.last(kChecksumSize);
    if (!crypto::constantTimeEqual(crypto::sha256(body), stored))
        return damaged();

    BinaryReader r(body.first(body.size() - kMacSize));
    r.bytes(sizeof(kMagic));
    const std::uint16_t version = r.u16();
    if (version == 1)
        return makeError(ErrorCode::Unsupported,
                         "key-slot file format version 1 (before key updates) is not "
                         "supported: no clinic was ever deployed with it; re-create the clinic");
    if (version != 2 && version != kFormatVersion)
        return makeError(ErrorCode::Unsupported,
                         "key-slot file format version " + std::to_string(version) + " is not supported");
    KeySlotFile f;
    f.m_formatVersion = version;
    r.into(f.m_clinicId);
    f.m_generation = r.u64();
    const std::size_t count = r.u16();
    if (!r.ok())
        return malformed("key-slot file header is truncated", {}, 0, "header");
    if (count > kMaxSlots)
        return malformed("too many key slots", {}, 0, "count");
    std::set<UserId> ids;
    std::set<std::string> names;
    for (std::size_t i = 0; i < count; ++i) {
        auto s = KeySlot::decode(r);
        if (!s.ok()) {
            Error e = std::move(s).error();
            e.field = "slot[" + std::to_string(i) + "]." + e.field;
            return e;
        }
        if (!ids.insert(s->userId).second)
            return malformed("duplicate user id in key-slot file", {}, 0, "slot.userId");
        if (!names.insert(s->userName).second)
            return malformed("duplicate user name in key-slot file", {}, 0, "slot.name");
        f.m_slots.push_back(std::move(*s));
    }
    const std::size_t updates = r.u16();
    if (!r.ok())
        return malformed("key-slot file mailbox is truncated", {}, 0, "updates");
    if (updates > kMaxUpdates)
        return malformed("too many key updates", {}, 0, "updates");
    for (std::size_t i = 0; i < updates; ++i) {
        auto u = KeyUpdate::decode(r);
        if (!u.ok()) {
            Error e = std::move(u).error();
            e.field = "update[" + std::to_string(i) + "]." + e.field;
            return e;
        }
        if (u->recipient != kRecoveryRecipient && !ids.count(u->recipient))
            return malformed("a key update is addressed to no slot", {}, 0, "update.recipient");
        f.m_updates.push_back(std::move(*u));
    }
    if (!r.atEnd())
        return malformed("trailing bytes in key-slot file", {}, 0, "length");
    const auto mac = body.last(kMacSize);
    std::copy(mac.begin(), mac.end(), f.m_mac.begin());
    return f;
}

} // namespace cc::access
