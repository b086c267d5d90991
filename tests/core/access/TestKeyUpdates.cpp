// SPDX-License-Identifier: GPL-3.0-or-later
// Key-slot file mailbox (docs/KEYS.md section 8): rotated keys sealed to each account's UserBox key.
#include "AccessTestSupport.h"

#include "core/access/KeySlotFile.h"
#include "core/access/LoginThrottle.h"
#include "core/crypto/SealedBox.h"

#include <QTest>

using namespace cc;
using namespace cc::access;
using namespace cc::access::test;

namespace {

const crypto::Argon2Params kParams = crypto::Argon2Params::forTests();

struct Fixture
{
    crypto::DeterministicRng rng{42};
    ManualClock clock;
    KeySlotFile file = KeySlotFile::create(rng);
    KeyRing admin = ringFor(Role::Administrator, false, 1, 11);

    Fixture()
    {
        auto a = file.addSlot("alice", Role::Doctor, pw("alice-password"), ringFor(Role::Doctor, false, 1, 12), kParams,
                              rng, clock);
        auto b = file.addSlot("bobby", Role::Doctor, pw("bobby-password"), ringFor(Role::Doctor, false, 1, 13), kParams,
                              rng, clock);
        auto c = file.addSlot("admin", Role::Administrator, pw("admin-password"), admin, kParams, rng, clock);
        Q_ASSERT(a.ok() && b.ok() && c.ok());
    }

    /// Posts a new DBK (version 2, key id 900, bytes key32(90)) from the administrator.
    std::size_t rotateDbk(const std::optional<std::array<std::uint8_t, 32>>& recovery = std::nullopt)
    {
        const KeyEntry next{KeyKind::DatabaseKey, 900, 2, key32(90)};
        auto posted = file.postKeyUpdate(admin, next, recovery);
        Q_ASSERT(posted.ok());
        return *posted;
    }
};

/// The sealed payload as docs/KEYS.md section 8 lays it out, built independently of the code under test.
std::vector<std::uint8_t> payload(const ClinicId& clinic, const UserId& to, KeyKind kind, std::uint32_t keyId,
                                  std::uint32_t version, const crypto::SecureBytes& secret)
{
    std::vector<std::uint8_t> out;
    BinaryWriter w(out);
    w.text("CCKU");
    w.u8(1);
    w.bytes(clinic);
    w.bytes(to);
    w.u8(static_cast<std::uint8_t>(kind));
    w.u32(keyId);
    w.u32(version);
    w.u16(static_cast<std::uint16_t>(secret.size()));
    w.bytes(secret.span());
    return out;
}

/// An attacker who can write the file but holds no key of this clinic: appends an entry with a
/// DBK of their own choosing for `victim` (sealed to the victim's public key, which is in the
/// clear), then recomputes the file MAC under that planted DBK and the checksum. Needs a file
/// with an empty mailbox and no throttling state.
std::vector<std::uint8_t> plantDbk(const KeySlotFile& file, const KeySlot& victim, std::uint32_t authKeyId,
                                   const crypto::SecureBytes& planted)
{
    std::vector<std::uint8_t> bytes = file.serialise();
    std::vector<std::uint8_t> body(bytes.begin(), bytes.end() - 64 - 2); // without count, MAC, checksum
    BinaryWriter w(body);
    w.u16(1);
    KeyUpdate u;
    u.recipient = victim.userId;
    u.kind = KeyKind::DatabaseKey;
    u.keyId = 4242;
    u.version = 99;
    u.authKeyId = authKeyId;
    u.auth.fill(0x33); // the attacker cannot compute the authenticator without the current DBK
    u.sealed = *crypto::sealTo(victim.boxPublicKey,
                               payload(file.clinicId(), victim.userId, u.kind, u.keyId, u.version, planted));
    u.encode(w);
    const std::string_view info = "CipherChart key-slot file MAC v1";
    auto macKey = crypto::hkdfSha256(planted.span(), file.clinicId(),
                                     {reinterpret_cast<const std::uint8_t*>(info.data()), info.size()}, 32);
    const auto mac = *crypto::hmacSha256(macKey->span(), body);
    w.bytes(mac);
    const auto sum = crypto::sha256(body);
    w.bytes(sum);
    return body;
}

} // namespace

class TestKeyUpdates : public QObject
{
    Q_OBJECT

private slots:
    void slotRecordsTheRingsPublicKey()
    {
        Fixture f;
        auto ring = f.file.unlock("alice", pw("alice-password"));
        QVERIFY(ring.ok());
        auto pair = crypto::BoxKeyPair::fromSecretKey(ring->find(KeyKind::UserBox)->secret.span());
        QVERIFY(pair.ok());
        QCOMPARE(pair->publicKey, f.file.slot("alice")->boxPublicKey);
        QVERIFY(f.file.slot("alice")->boxPublicKey != f.file.slot("bobby")->boxPublicKey);
    }

    void dbkUpdateReachesEveryHolderAndMacFollows()
    {
        Fixture f;
        QCOMPARE(f.rotateDbk(), std::size_t{3}); // two doctors and the administrator
        auto back = KeySlotFile::parse(f.file.serialise());
        QVERIFY(back.ok());
        QCOMPARE(back->updates().size(), std::size_t{3});
        // The file MAC is now under the new DBK: the old ring alone no longer verifies it ...
        QCOMPARE(back->verifyMac(f.admin).error().code, ErrorCode::IntegrityFailure);
        // ... but unlocking applies the mailbox first, then verifies with the updated DBK.
        UnlockDetail detail;
        auto ring = back->unlock("alice", pw("alice-password"), &detail);
        QVERIFY2(ring.ok(), ring.ok() ? "" : ring.error().message.c_str());
        QCOMPARE(detail.updatesApplied, std::size_t{1});
        QVERIFY(ring->find(KeyKind::DatabaseKey)->secret == key32(90));
        QCOMPARE(ring->find(KeyKind::DatabaseKey)->version, 2u);
        QCOMPARE(ring->find(KeyKind::DatabaseKey)->keyId, 900u);
        QVERIFY(detail.previousDbk.has_value());
        QVERIFY(detail.previousDbk->secret == key32(1));
    }

    void loginAcceptsDeletesAndRewraps()
    {
        Fixture f;
        f.rotateDbk();
        const UserId alice = f.file.slot("alice")->userId;
        const std::uint32_t slotVersion = f.file.slot("alice")->slotVersion;
        const std::uint64_t generation = f.file.generation();
        auto login = attemptLogin(f.file, "alice", pw("alice-password"), f.clock, f.rng, kParams);
        QVERIFY(login.ok());
        QCOMPARE(login->keyUpdatesApplied, std::size_t{1});
        QVERIFY(login->keyUpdatesAccepted);
        QCOMPARE(f.file.pendingUpdates(alice), std::size_t{0});
        QCOMPARE(f.file.pendingUpdates(f.file.slot("bobby")->userId), std::size_t{1});
        QCOMPARE(f.file.slot("alice")->slotVersion, slotVersion + 1);
        QVERIFY(f.file.generation() > generation);
        QVERIFY(f.file.dirty());
        // Alice's slot now holds the new DBK directly; Bobby still gets his from the mailbox.
        auto again = KeySlotFile::parse(f.file.serialise());
        QVERIFY(again.ok());
        UnlockDetail detail;
        auto ring = again->unlock("alice", pw("alice-password"), &detail);
        QVERIFY(ring.ok());
        QCOMPARE(detail.updatesPending, std::size_t{0});
        QVERIFY(ring->find(KeyKind::DatabaseKey)->secret == key32(90));
        auto bob = again->unlock("bobby", pw("bobby-password"));
        QVERIFY(bob.ok());
        QVERIFY(bob->find(KeyKind::DatabaseKey)->secret == key32(90));
    }

    void onlyNewerVersionsReplace()
    {
        Fixture f;
        // An "update" to the version already held is refused for every kind (it could only replay).
        QCOMPARE(f.file.postKeyUpdate(f.admin, KeyEntry{KeyKind::IdentityCategory, 555, 1, key32(55)}, std::nullopt)
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
        // A newer one replaces it; a DBK "rotation" to the same version is refused outright.
        QVERIFY(
            f.file.postKeyUpdate(f.admin, KeyEntry{KeyKind::IdentityCategory, 556, 2, key32(56)}, std::nullopt).ok());
        auto ring = f.file.unlock("alice", pw("alice-password"));
        QVERIFY(ring.ok());
        QVERIFY(ring->find(KeyKind::IdentityCategory)->secret == key32(56));
        QCOMPARE(
            f.file.postKeyUpdate(f.admin, KeyEntry{KeyKind::DatabaseKey, 7, 1, key32(7)}, std::nullopt).error().code,
            ErrorCode::InvalidArgument);
    }

    // Issue 10 item 3: an administrator holds the DBK (so can fix the file MAC) but not the clinical
    // key. Before the fix a clinical key of their choosing, sealed to a doctor, was adopted at the
    // doctor's next login, and every later clinical row was readable by them. Now the entry must be
    // authenticated under the clinical key it replaces.
    void plantedCategoryKeyIsRefused()
    {
        Fixture f;
        QVERIFY(!f.admin.has(KeyKind::ClinicalCategory));
        auto aliceRing = f.file.unlock("alice", pw("alice-password"));
        QVERIFY(aliceRing.ok());
        const KeyEntry* real = aliceRing->find(KeyKind::ClinicalCategory);
        QVERIFY(real != nullptr);
        // The administrator knows the key id (it is in the clear in every update header) but not the key.
        const KeyEntry guessed{KeyKind::ClinicalCategory, real->keyId, real->version, key32(200)};
        auto posted = f.file.postKeyUpdate(
            f.admin, KeyEntry{KeyKind::ClinicalCategory, 78, real->version + 1, key32(78)}, std::nullopt, &guessed);
        QVERIFY(posted.ok()); // the file MAC (under the DBK) verifies: it vouches for nothing here
        auto ring = f.file.unlock("alice", pw("alice-password"));
        QCOMPARE(ring.error().code, ErrorCode::IntegrityFailure);
        QVERIFY(ring.error().message.find("ClinicalCategory") != std::string::npos);
        // Without any previous key nothing is posted at all.
        QCOMPARE(f.file.postKeyUpdate(f.admin, KeyEntry{KeyKind::ClinicalCategory, 79, 9, key32(79)}, std::nullopt)
                     .error()
                     .code,
                 ErrorCode::KeyMismatch);
    }

    void clinicalKeyGoesToDoctorsOnly()
    {
        Fixture f;
        KeyRing doctor = f.file.unlock("alice", pw("alice-password")).value();
        auto posted = f.file.postKeyUpdate(doctor, KeyEntry{KeyKind::ClinicalCategory, 77, 2, key32(77)}, std::nullopt);
        QVERIFY(posted.ok());
        QCOMPARE(*posted, std::size_t{2});
        QCOMPARE(f.file.pendingUpdates(f.file.slot("admin")->userId), std::size_t{0});
        auto adminRing = f.file.unlock("admin", pw("admin-password"));
        QVERIFY(adminRing.ok());
        QVERIFY(!adminRing->has(KeyKind::ClinicalCategory));
    }

    void nonRotatableKindsAreRefused()
    {
        Fixture f;
        for (KeyKind k : {KeyKind::UserBox, KeyKind::PatientClinical, KeyKind::PatientIdentity}) {
            auto r = f.file.postKeyUpdate(f.admin, KeyEntry{k, 1, 9, key32(1)}, std::nullopt);
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        }
    }

    void plantedEntryIsDenialNotSubstitution()
    {
        Fixture f;
        const KeySlot victim = *f.file.slot("alice");
        const auto* dbk = f.admin.find(KeyKind::DatabaseKey);
        // Someone with write access but no key: the authenticator does not verify.
        auto planted = KeySlotFile::parse(plantDbk(f.file, victim, dbk->keyId, key32(66)));
        QVERIFY(planted.ok()); // well-formed, checksum fixed
        auto ring = planted->unlock("alice", pw("alice-password"));
        QCOMPARE(ring.error().code, ErrorCode::IntegrityFailure);
        // Claiming another authenticating key id does not help either.
        planted = KeySlotFile::parse(plantDbk(f.file, victim, 12345, key32(66)));
        QVERIFY(planted.ok());
        QCOMPARE(planted->unlock("alice", pw("alice-password")).error().code, ErrorCode::IntegrityFailure);
        // Others are not fooled into another DBK either: their MAC check under their DBK fails.
        QCOMPARE(planted->unlock("bobby", pw("bobby-password")).error().code, ErrorCode::IntegrityFailure);
    }

    void entryForAnotherUserDoesNotOpen()
    {
        Fixture f;
        f.rotateDbk();
        // Bobby's entry re-addressed to Alice (header edited, checksum fixed): Alice cannot open it.
        std::vector<KeyUpdate> updates = f.file.updates();
        const UserId alice = f.file.slot("alice")->userId;
        const UserId bobby = f.file.slot("bobby")->userId;
        std::vector<std::uint8_t> bytes = f.file.serialise();
        const auto aliceAt = std::search(bytes.begin(), bytes.end(), alice.begin(), alice.end());
        const auto first = std::search(aliceAt + 16, bytes.end(), alice.begin(), alice.end()); // her entry
        const auto bobAt = std::search(first + 16, bytes.end(), bobby.begin(), bobby.end());   // his entry
        QVERIFY(first != bytes.end() && bobAt != bytes.end());
        std::copy(alice.begin(), alice.end(), bobAt);
        std::copy(bobby.begin(), bobby.end(), first);
        fixChecksum(bytes);
        auto edited = KeySlotFile::parse(bytes);
        QVERIFY(edited.ok());
        QCOMPARE(edited->unlock("alice", pw("alice-password")).error().code, ErrorCode::IntegrityFailure);
    }

    void substitutedPublicKeyIsNoticedByItsOwner()
    {
        Fixture f;
        KeySlot a = *f.file.slot("alice");
        const KeySlot* b = f.file.slot("bobby");
        const KeySlot* c = f.file.slot("admin");
        a.boxPublicKey = b->boxPublicKey;
        auto file = KeySlotFile::parse(
            buildFile(f.file.clinicId(), f.file.generation(), {&a, b, c}, macOf(f.file.serialise())));
        QVERIFY(file.ok());
        QCOMPARE(file->unlock("alice", pw("alice-password")).error().code, ErrorCode::IntegrityFailure);
    }

    void removedSlotLosesItsEntries()
    {
        Fixture f;
        f.rotateDbk();
        const UserId bobby = f.file.slot("bobby")->userId;
        KeyRing adminNow = f.file.unlock("admin", pw("admin-password")).value();
        QVERIFY(f.file.removeSlot("bobby", adminNow, f.clock).ok());
        QCOMPARE(f.file.pendingUpdates(bobby), std::size_t{0});
        QVERIFY(KeySlotFile::parse(f.file.serialise()).ok());
        // A later rotation seals nothing for the removed account.
        QCOMPARE(*f.file.postKeyUpdate(adminNow, KeyEntry{KeyKind::DatabaseKey, 901, 3, key32(91)}, std::nullopt),
                 std::size_t{2});
        QCOMPARE(f.file.pendingUpdates(bobby), std::size_t{0});
    }

    void chainedRotationsApplyInOrder()
    {
        Fixture f;
        f.rotateDbk();
        // A second rotation by an administrator who already holds DBK v2.
        KeyRing adminNow = f.file.unlock("admin", pw("admin-password")).value();
        QVERIFY(f.file.postKeyUpdate(adminNow, KeyEntry{KeyKind::DatabaseKey, 901, 3, key32(91)}, std::nullopt).ok());
        // Bobby never logged in: v2 (authenticated by v1), then v3 (authenticated by v2).
        auto ring = f.file.unlock("bobby", pw("bobby-password"));
        QVERIFY2(ring.ok(), ring.ok() ? "" : ring.error().message.c_str());
        QVERIFY(ring->find(KeyKind::DatabaseKey)->secret == key32(91));
        QCOMPARE(ring->find(KeyKind::DatabaseKey)->version, 3u);
    }

    void recoveryRingReceivesUpdates()
    {
        Fixture f;
        KeyRing recovery = fullRing();
        crypto::DeterministicRng boxRng(99);
        const crypto::BoxKeyPair box = crypto::BoxKeyPair::generate(boxRng);
        KeyRing recoveryRing;
        for (KeyKind k : {KeyKind::DatabaseKey, KeyKind::IdentityCategory, KeyKind::ClinicalCategory})
            QVERIFY(recoveryRing.add(k, recovery.find(k)->keyId, 1, recovery.find(k)->secret.clone()).ok());
        QVERIFY(recoveryRing.add(KeyKind::UserBox, 1, 1, box.secretKey.clone()).ok());
        QCOMPARE(f.rotateDbk(box.publicKey), std::size_t{4});
        QCOMPARE(f.file.pendingUpdates(kRecoveryRecipient), std::size_t{1});
        auto back = KeySlotFile::parse(f.file.serialise());
        QVERIFY(back.ok());
        auto applied = back->applyUpdates(kRecoveryRecipient, recoveryRing);
        QVERIFY(applied.ok());
        QCOMPARE(*applied, std::size_t{1});
        QVERIFY(recoveryRing.find(KeyKind::DatabaseKey)->secret == key32(90));
        QVERIFY(back->verifyMac(recoveryRing).ok());
        // Another box key cannot open the recovery entries.
        KeyRing wrong = recoveryRing.clone();
        wrong.wipe();
        QVERIFY(wrong.add(KeyKind::DatabaseKey, recovery.find(KeyKind::DatabaseKey)->keyId, 1, key32(1)).ok());
        QVERIFY(wrong.add(KeyKind::UserBox, 1, 1, key32(200)).ok());
        QCOMPARE(back->applyUpdates(kRecoveryRecipient, wrong).error().code, ErrorCode::IntegrityFailure);
    }

    void mailboxIsCoveredByChecksumAndMac()
    {
        Fixture f;
        f.rotateDbk();
        const auto bytes = f.file.serialise();
        // Every bit of the last entry's sealed box (before MAC and checksum): damage.
        for (std::size_t i = bytes.size() - 64 - kSealedKeyUpdateSize; i < bytes.size() - 64; i += 7) {
            auto b = bytes;
            b[i] ^= 0x01;
            QCOMPARE(KeySlotFile::parse(b).error().code, ErrorCode::MalformedInput);
            // With the checksum recomputed, the file MAC (or the sealed box) still refuses it.
            fixChecksum(b);
            auto parsed = KeySlotFile::parse(b);
            QVERIFY(parsed.ok());
            QCOMPARE(parsed->unlock("alice", pw("alice-password")).error().code, ErrorCode::IntegrityFailure);
        }
        // Dropping the whole mailbox (count 0, checksum fixed): the old DBK cannot verify the MAC.
        auto stripped = KeySlotFile::parse(buildFile(f.file.clinicId(), f.file.generation(),
                                                     {f.file.slot("alice"), f.file.slot("bobby"), f.file.slot("admin")},
                                                     macOf(bytes)));
        QVERIFY(stripped.ok());
        QCOMPARE(stripped->unlock("alice", pw("alice-password")).error().code, ErrorCode::IntegrityFailure);
    }
};

QTEST_GUILESS_MAIN(TestKeyUpdates)
#include "TestKeyUpdates.moc"
