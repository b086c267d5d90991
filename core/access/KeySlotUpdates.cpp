// SPDX-License-Identifier: GPL-3.0-or-later
// Key-slot file, the key-update mailbox: entries sealed to one account's box key and authenticated
// under the DBK, posted by a rotation and taken into the account's ring at its next unlock
// (docs/KEYS.md section 8).
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

constexpr std::string_view kUpdateAuthInfo = "CipherChart key update auth v1";
constexpr std::uint8_t kUpdateMagic[4] = {'C', 'C', 'K', 'U'};
constexpr std::uint8_t kUpdatePayloadVersion = 1;

/// The sealed payload: "CCKU" | 1 | clinic id | recipient | kind | key id | version | length u16 | secret.
/// Repeating the header inside the box means an entry's plaintext header cannot be edited alone.
crypto::SecureBytes updatePayload(const ClinicId& clinic, const KeyUpdate& header, const crypto::SecureBytes& secret)
{
    std::vector<std::uint8_t> buf;
    buf.reserve(kSealedKeyUpdateSize - crypto::kSealedBoxOverhead);
    BinaryWriter w(buf);
    w.bytes(kUpdateMagic);
    w.u8(kUpdatePayloadVersion);
    w.bytes(clinic);
    w.bytes(header.recipient);
    w.u8(static_cast<std::uint8_t>(header.kind));
    w.u32(header.keyId);
    w.u32(header.version);
    w.u16(static_cast<std::uint16_t>(secret.size()));
    w.bytes(secret.span());
    crypto::SecureBytes out(buf);
    crypto::secureWipe(buf.data(), buf.size());
    return out;
}

Result<crypto::Digest256> updateAuth(const crypto::SecureBytes& dbk, const ClinicId& clinic, const KeyUpdate& u)
{
    // Its own HKDF label (RFC 5869 section 3.2), distinct from the file MAC key.
    auto key = crypto::hkdfSha256(dbk.span(), clinic, asBytes(kUpdateAuthInfo), 32);
    if (!key.ok())
        return std::move(key).error();
    return crypto::hmacSha256(key->span(), u.authenticatedBytes());
}

Error badUpdate(const std::string& why)
{
    return makeError(ErrorCode::IntegrityFailure, "a key update in the key-slot file " + why);
}

} // namespace

std::size_t KeySlotFile::pendingUpdates(const UserId& recipient) const noexcept
{
    return static_cast<std::size_t>(std::count_if(m_updates.begin(), m_updates.end(),
                                                  [&](const KeyUpdate& u) { return u.recipient == recipient; }));
}

Result<std::size_t> KeySlotFile::applyUpdates(const UserId& recipient, KeyRing& ring, UnlockDetail* detail) const
{
    std::vector<const KeyUpdate*> mine;
    for (const KeyUpdate& u : m_updates)
        if (u.recipient == recipient)
            mine.push_back(&u);
    if (detail)
        detail->updatesPending = mine.size();
    if (mine.empty())
        return std::size_t{0};
    const KeyEntry* boxKey = ring.find(KeyKind::UserBox);
    if (!boxKey || !ring.has(KeyKind::DatabaseKey))
        return makeError(ErrorCode::KeyMismatch, "the key ring cannot receive key updates");
    auto box = crypto::BoxKeyPair::fromSecretKey(boxKey->secret.span());
    if (!box.ok())
        return std::move(box).error();
    // Database keys first, then every kind in version order, so that each entry is checked against
    // its predecessor of the same kind (the key the ring holds at that point).
    std::stable_sort(mine.begin(), mine.end(), [](const KeyUpdate* a, const KeyUpdate* b) {
        const bool aDbk = a->kind == KeyKind::DatabaseKey;
        const bool bDbk = b->kind == KeyKind::DatabaseKey;
        if (aDbk != bDbk)
            return aDbk;
        return a->version < b->version;
    });
    std::size_t applied = 0;
    for (const KeyUpdate* u : mine) {
        const KeyEntry* held = ring.find(u->kind);
        if (!held || u->version <= held->version)
            continue; // stale, or a kind this ring does not hold: deleted when the owner accepts
        // Every kind, not only the DBK (issue 10 item 3): the file MAC derives from the DBK, which
        // administrators and patients hold, so it cannot vouch for a clinical category key.
        if (u->authKeyId != held->keyId)
            return badUpdate("does not follow from the " + std::string(keyKindName(u->kind)) + " this account holds");
        auto expected = updateAuth(held->secret, m_clinicId, *u);
        if (!expected.ok())
            return std::move(expected).error();
        if (!crypto::constantTimeEqual(*expected, u->auth))
            return badUpdate("is not authenticated by the " + std::string(keyKindName(u->kind)) +
                             " this account holds");
        auto plain = crypto::openSealed(*box, u->sealed);
        if (!plain.ok())
            return badUpdate("cannot be opened with this account's key");
        BinaryReader r(plain->span());
        const auto magic = r.bytes(4);
        const std::uint8_t payloadVersion = r.u8();
        ClinicId clinic{};
        UserId to{};
        r.into(clinic);
        r.into(to);
        const std::uint8_t kind = r.u8();
        const std::uint32_t keyId = r.u32();
        const std::uint32_t version = r.u32();
        const std::size_t len = r.u16();
        const auto secret = r.bytes(len);
        if (!r.atEnd() || !std::equal(magic.begin(), magic.end(), std::begin(kUpdateMagic)) ||
            payloadVersion != kUpdatePayloadVersion || clinic != m_clinicId || to != recipient ||
            kind != static_cast<std::uint8_t>(u->kind) || keyId != u->keyId || version != u->version)
            return badUpdate("does not match its header");
        if (u->kind == KeyKind::DatabaseKey && detail && !detail->previousDbk)
            detail->previousDbk = KeyEntry{held->kind, held->keyId, held->version, held->secret.clone()};
        if ((u->kind == KeyKind::IdentityCategory || u->kind == KeyKind::ClinicalCategory) && detail)
            detail->previousCategoryKeys.push_back(
                KeyEntry{held->kind, held->keyId, held->version, held->secret.clone()});
        auto changed = ring.updateIfNewer(u->kind, u->keyId, u->version, crypto::SecureBytes(secret));
        if (!changed.ok())
            return badUpdate("carries a key of the wrong size");
        if (*changed)
            ++applied;
    }
    if (detail)
        detail->updatesApplied = applied;
    return applied;
}

Result<std::size_t> KeySlotFile::postKeyUpdate(const KeyRing& actor, const KeyEntry& newKey,
                                               const std::optional<std::array<std::uint8_t, 32>>& recoveryPublicKey,
                                               const KeyEntry* previous, const RecipientCheck& check)
{
    if (!keyKindRotatable(newKey.kind) || !keySizeValid(newKey.kind, newKey.secret.size()))
        return makeError(ErrorCode::InvalidArgument, "this key cannot be handed out through the mailbox");
    CC_TRY(verifyMac(actor));
    const KeyEntry* dbk = actor.find(KeyKind::DatabaseKey);
    // Issue 10 item 3: every update is authenticated under the key it replaces, so only a holder of
    // that key can post one (the DBK chain, extended to every kind).
    if (previous == nullptr)
        previous = actor.find(newKey.kind);
    if (previous == nullptr || previous->kind != newKey.kind)
        return makeError(ErrorCode::KeyMismatch,
                         "posting a " + std::string(keyKindName(newKey.kind)) + " update needs the key it replaces");
    if (newKey.kind == KeyKind::DatabaseKey && previous->keyId != dbk->keyId)
        return makeError(ErrorCode::KeyMismatch, "a database key update must follow the database key held");
    if (newKey.version <= previous->version)
        return makeError(ErrorCode::InvalidArgument, "a rotated key needs a higher version than the one it replaces");
    std::vector<std::pair<UserId, std::array<std::uint8_t, 32>>> recipients;
    for (const KeySlot& s : m_slots) {
        const auto kinds = keyKindsForRole(s.role, false);
        if (std::find(kinds.begin(), kinds.end(), newKey.kind) == kinds.end())
            continue;
        if (check)
            CC_TRY(check(s.userId, s.role, s.userName, s.boxPublicKey));
        recipients.emplace_back(s.userId, s.boxPublicKey);
    }
    if (recoveryPublicKey) {
        if (check)
            CC_TRY(check(kRecoveryRecipient, std::nullopt, {}, *recoveryPublicKey));
        recipients.emplace_back(kRecoveryRecipient, *recoveryPublicKey);
    }
    if (m_updates.size() + recipients.size() > kMaxUpdates)
        return makeError(ErrorCode::StorageFull, "the key-slot file's mailbox is full: let users log in first");
    std::vector<KeyUpdate> added;
    for (const auto& [id, publicKey] : recipients) {
        KeyUpdate u;
        u.recipient = id;
        u.kind = newKey.kind;
        u.keyId = newKey.keyId;
        u.version = newKey.version;
        const crypto::SecureBytes payload = updatePayload(m_clinicId, u, newKey.secret);
        auto sealed = crypto::sealTo(publicKey, payload.span());
        if (!sealed.ok())
            return std::move(sealed).error();
        u.sealed = std::move(*sealed);
        u.authKeyId = previous->keyId;
        auto mac = updateAuth(previous->secret, m_clinicId, u);
        if (!mac.ok())
            return std::move(mac).error();
        u.auth = *mac;
        added.push_back(std::move(u));
    }
    const std::size_t count = added.size();
    m_updates.insert(m_updates.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
    // After a DBK rotation the file is authenticated under the new DBK: holders of the old one
    // verify it after applying their (old-DBK-authenticated) mailbox entry.
    m_formatVersion = kFormatVersion;
    ++m_generation;
    auto mac = computeMacUnder(newKey.kind == KeyKind::DatabaseKey ? newKey.secret : dbk->secret);
    if (!mac.ok())
        return std::move(mac).error();
    m_mac = *mac;
    m_dirty = true;
    return count;
}

Status KeySlotFile::acceptUpdates(std::string_view userName, std::span<const std::uint8_t> password,
                                  const KeyRing& ring, const crypto::Argon2Params& params, crypto::Rng& rng,
                                  const Clock& clock)
{
    KeySlot* s = findSlot(userName);
    if (!s)
        return noSlot();
    if (auto c = ring.conformsTo(s->role); !c.ok() || ring.patientId() != s->patientId)
        return makeError(ErrorCode::InvalidArgument, "the key ring does not belong to this account");
    if (s->role == Role::Patient)
        return rewrapPatient(*s, password, ring, params, rng, clock, s->mustChangePassword);
    CC_TRY(verifyMac(ring));
    KeySlot next = *s;
    ++next.slotVersion;
    next.changedAt = clock.nowSeconds();
    CC_TRY(wrapInto(next, password, ring, params, rng));
    const UserId id = s->userId;
    *s = std::move(next);
    std::erase_if(m_updates, [&](const KeyUpdate& u) { return u.recipient == id; });
    return commitAuthenticated(ring);
}

} // namespace cc::access
