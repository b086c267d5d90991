// SPDX-License-Identifier: GPL-3.0-or-later
// Offline insider attacks on the key rotation (issue 10 item 3, second half): with one account's
// key ring and every file, an insider replaces a slot's box public key or the recovery ring's, so
// that the next rotation would seal the new key to them. The pins refuse the rotation, name the
// account, audit it, and nothing is sealed to the attacker's key.
#include "db/Database.h"
#include "tests/support/TestClinic.h"

#include <algorithm>

#include "core/access/KeySlotFile.h"
#include "core/audit/AuditExport.h"
#include "core/crypto/Hex.h"
#include "core/crypto/SealedBox.h"
#include "core/services/AccountService.h"
#include "core/services/BoxKeyPins.h"
#include "core/services/KeyService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cc;
using namespace cc::test;
using access::KeyKind;
using access::Role;

namespace {

constexpr const char* kCarol = "carol";
constexpr const char* kCarolPassword = "carol-password-1";
constexpr const char* kAttackerPassword = "attacker-pass-1";

/// The key ring of a logged-in account (what the insider holds).
access::KeyRing ringOf(TestClinic& t)
{
    return (*t.clinic().keys())->clone();
}

/// The insider replaces `name`'s slot by one of their own with the same user id and role, whose
/// box public key is `attacker`'s; keys they do not hold are random bytes. The file MAC is
/// recomputed by the API under the DBK they hold: the file verifies.
Status swapSlotBoxKey(TestClinic& t, const access::KeyRing& insider, const std::string& name,
                      const crypto::BoxKeyPair& attacker)
{
    auto file = t.store().keySlots().load();
    if (!file)
        return std::move(file).error();
    const access::KeySlot* slot = file->slot(name);
    if (slot == nullptr)
        return makeError(ErrorCode::NotFound, name);
    const access::UserId id = slot->userId;
    const Role role = slot->role;
    access::KeyRing fake;
    for (KeyKind kind : access::keyKindsForRole(role, false)) {
        if (kind == KeyKind::UserBox)
            continue;
        const access::KeyEntry* held = insider.find(kind);
        CC_TRY(held ? fake.add(kind, held->keyId, held->version, held->secret.clone())
                    : fake.add(kind, 7, 1, crypto::SystemRng::instance().secureBytes(32)));
    }
    CC_TRY(fake.add(KeyKind::UserBox, 99, 1, attacker.secretKey.clone()));
    CC_TRY(file->removeSlot(name, insider, t.clock()));
    auto added = file->addSlot(name, role, bytes(kAttackerPassword), fake, t.options().kdf,
                               crypto::SystemRng::instance(), t.clock(), access::NewSlotOptions{id, false});
    if (!added)
        return std::move(added).error();
    return t.store().keySlots().save(*file);
}

/// The insider also re-pins the swapped key with every pin key they hold (an administrator the
/// administrators' pin, a doctor the clinical pin): what they can forge is forged.
Status forgePins(TestClinic& t, const access::KeyRing& insider, const access::UserId& id, std::uint8_t role,
                 const std::array<std::uint8_t, 32>& publicKey)
{
    auto pins = services::BoxKeyPins::load(t.store().meta());
    if (!pins)
        return std::move(pins).error();
    auto clinicId = t.store().keySlots().load()->clinicId();
    for (services::PinKey which : {services::PinKey::Administrators, services::PinKey::Clinical})
        if (const access::KeyEntry* key = insider.find(services::pinKeyKind(which)))
            CC_TRY(pins->pin(which, *key, clinicId, id, role, publicKey));
    return pins->save(t.store().meta());
}

/// Nothing in the mailbox (of `kind`, if given) opens with the attacker's box key.
bool nothingSealedTo(TestClinic& t, const crypto::BoxKeyPair& attacker, std::optional<KeyKind> kind = std::nullopt)
{
    const auto file = t.store().keySlots().load();
    for (const auto& u : file->updates())
        if ((!kind || u.kind == *kind) && crypto::openSealed(attacker, u.sealed).ok())
            return false;
    return true;
}

/// A clinic with a second doctor, carol, who will sponsor the clinical rotation.
std::unique_ptr<TestClinic> clinicWithCarol()
{
    auto t = TestClinic::create();
    if (!t)
        return nullptr;
    if (!(*t)->login(kAdmin, kAdminPassword).ok())
        return nullptr;
    services::Sponsor sponsor{kDoctor, secret(kDoctorPassword)};
    if (!services::AccountService((*t)->clinic()).create(kCarol, Role::Doctor, bytes("carol-temporary-1"), &sponsor))
        return nullptr;
    (*t)->clinic().logout();
    if (!(*t)->login(kCarol, "carol-temporary-1").ok() || !(*t)->clinic().changeOwnPassword(bytes(kCarolPassword)).ok())
        return nullptr;
    (*t)->clinic().logout();
    return std::move(t).value();
}

audit::AuditEvent lastEvent(TestClinic& t)
{
    auto entries = audit::AuditExport::list(t.store().auditStore(), {});
    return entries->back().event;
}

} // namespace

class TestInsiderKeys : public QObject
{
    Q_OBJECT

private slots:
    // An administrator (every key but the clinical one) swaps doctor drbob's box public key for
    // their own and forges the administrators' pin; the next clinical rotation would hand them the
    // clinical key. The clinical pin, which needs the clinical key, refuses it.
    void administratorSwapsADoctorsBoxKey()
    {
        auto t = clinicWithCarol();
        QVERIFY(t);
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        const access::KeyRing insider = ringOf(*t);
        QVERIFY(!insider.has(KeyKind::ClinicalCategory));
        const auto attacker = crypto::BoxKeyPair::generate(crypto::SystemRng::instance());
        QVERIFY(swapSlotBoxKey(*t, insider, kDoctor, attacker).ok());
        const auto bob = t->store().keySlots().load()->slot(kDoctor)->userId;
        QVERIFY(forgePins(*t, insider, bob, static_cast<std::uint8_t>(Role::Doctor), attacker.publicKey).ok());
        const auto mailboxBefore = t->store().keySlots().load()->updates().size();

        services::Sponsor sponsor{kCarol, secret(kCarolPassword)};
        auto rotated = services::KeyService(t->clinic()).rotate(KeyKind::ClinicalCategory, &sponsor);
        QVERIFY(!rotated.ok());
        QCOMPARE(rotated.error().code, ErrorCode::IntegrityFailure);
        QVERIFY2(rotated.error().message.find("account 'drbob'") != std::string::npos, rotated.error().message.c_str());
        QCOMPARE(t->store().keySlots().load()->updates().size(), mailboxBefore);
        QVERIFY(nothingSealedTo(*t, attacker));
        const auto event = lastEvent(*t);
        QCOMPARE(event.outcome, audit::AuditOutcome::SeriousFailure);
        QVERIFY(event.flagged);
        QVERIFY(event.detail.find("account 'drbob'") != std::string::npos);

        // The same when the rotation is the one a disabled doctor leaves pending: carol's login
        // tries it, it is refused and audited, and it stays pending; the login itself goes on.
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        QVERIFY(services::AccountService(t->clinic())
                    .create("dan", Role::Doctor, bytes("dan-temporary-12"), &sponsor)
                    .ok());
        QVERIFY(services::AccountService(t->clinic()).disable("dan").ok());
        t->clinic().logout();
        QVERIFY(t->login(kCarol, kCarolPassword).ok());
        QCOMPARE((*t->clinic().keys())->find(KeyKind::ClinicalCategory)->version, 1u);
        const auto refused = lastEvent(*t);
        QVERIFY(refused.detail.find("rotate ClinicalCategory") == 0);
        QVERIFY(refused.detail.find("account 'drbob'") != std::string::npos);
        QCOMPARE(refused.outcome, audit::AuditOutcome::SeriousFailure);
        auto pending = services::KeyService(t->clinic()).pendingRotations();
        QVERIFY(pending.ok() && pending->size() == 1);
        // (The administrator who forged drbob's administrators' pin received the new database and
        // identity keys through it: they hold those keys anyway. Never the clinical key.)
        QVERIFY(nothingSealedTo(*t, attacker, KeyKind::ClinicalCategory));
    }

    // An administrator replaces the recovery ring's box public key in meta (and forges its
    // administrators' pin): the clinical rotation is refused, naming the recovery ring.
    void administratorSwapsTheRecoveryKey()
    {
        auto t = clinicWithCarol();
        QVERIFY(t);
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        const access::KeyRing insider = ringOf(*t);
        const auto attacker = crypto::BoxKeyPair::generate(crypto::SystemRng::instance());
        auto stored = t->store().meta().get(ports::meta::kRecovery);
        QVERIFY(stored.ok() && stored->has_value());
        QJsonObject recovery = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>((*stored)->data()),
                                                                  static_cast<qsizetype>((*stored)->size())))
                                   .object();
        recovery.insert("boxPublicKey", QString::fromStdString(crypto::hexEncode(attacker.publicKey)));
        const QByteArray json = QJsonDocument(recovery).toJson(QJsonDocument::Compact);
        QVERIFY(
            t->store().meta().set(ports::meta::kRecovery, std::vector<std::uint8_t>(json.begin(), json.end())).ok());
        QVERIFY(forgePins(*t, insider, access::kRecoveryRecipient, 0, attacker.publicKey).ok());

        services::Sponsor sponsor{kCarol, secret(kCarolPassword)};
        auto rotated = services::KeyService(t->clinic()).rotate(KeyKind::ClinicalCategory, &sponsor);
        QVERIFY(!rotated.ok());
        QCOMPARE(rotated.error().code, ErrorCode::IntegrityFailure);
        QVERIFY2(rotated.error().message.find("the recovery ring") != std::string::npos,
                 rotated.error().message.c_str());
        QVERIFY(nothingSealedTo(*t, attacker));
        QCOMPARE(lastEvent(*t).outcome, audit::AuditOutcome::SeriousFailure);
    }

    // A doctor (DBK, identity, clinical and index keys, no signing key) swaps carol's box public
    // key — and the recovery ring's — for their own and forges the clinical pins. After the doctor
    // leaves, the administrator's rotation of the database key would hand them the new DBK: the
    // administrators' pin refuses it.
    void doctorSwapsBoxKeysBeforeTheDatabaseKeyRotation()
    {
        auto t = clinicWithCarol();
        QVERIFY(t);
        QVERIFY(t->login(kDoctor, kDoctorPassword).ok());
        const access::KeyRing insider = ringOf(*t);
        QVERIFY(!insider.has(KeyKind::ClinicSigning));
        const auto attacker = crypto::BoxKeyPair::generate(crypto::SystemRng::instance());
        QVERIFY(swapSlotBoxKey(*t, insider, kCarol, attacker).ok());
        const auto carol = t->store().keySlots().load()->slot(kCarol)->userId;
        // With the database open (the insider's own session): the pins live in it.
        QVERIFY(forgePins(*t, insider, carol, static_cast<std::uint8_t>(Role::Doctor), attacker.publicKey).ok());
        t->clinic().logout();

        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        for (KeyKind kind : {KeyKind::DatabaseKey, KeyKind::IdentityCategory}) {
            auto rotated = services::KeyService(t->clinic()).rotate(kind);
            QVERIFY(!rotated.ok());
            QCOMPARE(rotated.error().code, ErrorCode::IntegrityFailure);
            QVERIFY2(rotated.error().message.find("account 'carol'") != std::string::npos,
                     rotated.error().message.c_str());
            QVERIFY(t->clinic().session() != nullptr); // refused: the session keeps its keys
        }
        // Disabling drbob (the departing insider) revokes nothing to the attacker either: the
        // rotations are refused, stay pending and are named.
        auto revoked = services::AccountService(t->clinic()).disable(kDoctor);
        QVERIFY(revoked.ok());
        QVERIFY(revoked->rotated.empty());
        QVERIFY2(revoked->problem.find("account 'carol'") != std::string::npos, revoked->problem.c_str());
        QCOMPARE(revoked->pending.size(), std::size_t{3});
        QVERIFY(nothingSealedTo(*t, attacker));
    }

    // Without tampering the pins pass: every account and the recovery ring are pinned at the
    // ceremony and at account creation, and a clinical rotation re-pins under the new key.
    // A password reset pins the new slot before the key-slot file is replaced. A power cut between
    // the two leaves the old slot on disk: its pin is kept beside the new one until the file is
    // written (docs/RELIABILITY.md), so the next rotation still seals to it. The kept pin accepts
    // that old key only: an insider's key is still refused.
    void interruptedResetKeepsTheOldSlotPinned()
    {
        auto made = TestClinic::create();
        QVERIFY(made.ok());
        auto& t = **made;
        QVERIFY(t.login(kAdmin, kAdminPassword).ok());
        services::AccountService accounts(t.clinic());
        QVERIFY(accounts.create("admin2", Role::Administrator, bytes("admin2-temporary-1")).ok());
        const access::KeyRing insider = ringOf(t);
        const auto file = t.store().keySlots().load();
        QVERIFY(file.ok());
        const access::KeySlot* slot = file->slot("admin2");
        QVERIFY(slot != nullptr);
        const access::UserId id = slot->userId;
        // What the reset does before the file write, with the cut right after: the new key pinned,
        // the old slot still in the file.
        const auto replacement = crypto::BoxKeyPair::generate(crypto::SystemRng::instance());
        auto pins = services::BoxKeyPins::load(t.store().meta());
        QVERIFY(pins.ok());
        QVERIFY(pins->pinAccount(insider, insider, file->clinicId(), id, Role::Administrator, replacement.publicKey,
                                 /*keepPrevious=*/true)
                    .ok());
        QVERIFY(pins->hasPrevious(id));
        QVERIFY(pins->save(t.store().meta()).ok());
        auto rotated = services::KeyService(t.clinic()).rotate(KeyKind::IdentityCategory);
        QVERIFY2(rotated.ok(), rotated.ok() ? "" : rotated.error().describe().c_str());

        // Without the kept pin (what the code did before), the same state refused the rotation.
        if (t.clinic().session() == nullptr)
            QVERIFY(t.login(kAdmin, kAdminPassword).ok());
        pins = services::BoxKeyPins::load(t.store().meta());
        QVERIFY(pins.ok());
        auto withoutPrevious = *pins;
        withoutPrevious.settle(id);
        QVERIFY(withoutPrevious.save(t.store().meta()).ok());
        auto refused = services::KeyService(t.clinic()).rotate(KeyKind::IdentityCategory);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("'admin2'") != std::string::npos, refused.error().message.c_str());

        // With it, an insider's key put in admin2's slot matches neither the new pin nor the kept
        // one: the kept pin vouches for the old slot's key only.
        QVERIFY(pins->save(t.store().meta()).ok());
        const access::KeyRing again = ringOf(t);
        const auto attacker = crypto::BoxKeyPair::generate(crypto::SystemRng::instance());
        QVERIFY(swapSlotBoxKey(t, again, "admin2", attacker).ok());
        auto swapped = services::KeyService(t.clinic()).rotate(KeyKind::IdentityCategory);
        QVERIFY(!swapped.ok());
        QCOMPARE(swapped.error().code, ErrorCode::IntegrityFailure);
        QVERIFY(nothingSealedTo(t, attacker));

        // A reset that completes leaves no kept pin behind.
        if (t.clinic().session() == nullptr)
            QVERIFY(t.login(kAdmin, kAdminPassword).ok());
        QVERIFY(services::AccountService(t.clinic()).resetPassword("admin2", bytes("admin2-temporary-2")).ok());
        auto settled = services::BoxKeyPins::load(t.store().meta());
        QVERIFY(settled.ok());
        QVERIFY(!settled->hasPrevious(id));
        QVERIFY(services::KeyService(t.clinic()).rotate(KeyKind::IdentityCategory).ok());
    }

    void genuineKeysPassAndFollowTheClinicalKey()
    {
        auto t = clinicWithCarol();
        QVERIFY(t);
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        services::Sponsor sponsor{kCarol, secret(kCarolPassword)};
        auto clinical = services::KeyService(t->clinic()).rotate(KeyKind::ClinicalCategory, &sponsor);
        QVERIFY2(clinical.ok(), clinical.ok() ? "" : clinical.error().message.c_str());
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        auto again = services::KeyService(t->clinic()).rotate(KeyKind::ClinicalCategory, &sponsor);
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QCOMPARE(again->version, 3u);
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        auto dbk = services::KeyService(t->clinic()).rotate(KeyKind::DatabaseKey);
        QVERIFY2(dbk.ok(), dbk.ok() ? "" : dbk.error().message.c_str());
    }

    // A clinic created before pins existed has none: rotations are refused, naming `keys pin`; an
    // administrator then pins every account and the recovery ring as they are now, a doctor the
    // clinical pins, each audited and flagged. Existing pins are never replaced by it, so a swapped
    // key stays refused.
    void clinicWithoutPinsPinsOnceByHand()
    {
        auto t = clinicWithCarol();
        QVERIFY(t);
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        QVERIFY(t->store().database().exec("DELETE FROM meta WHERE name = 'box_key_pins';").ok());
        auto refused = services::KeyService(t->clinic()).rotate(KeyKind::IdentityCategory);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("keys pin") != std::string::npos, refused.error().message.c_str());

        auto pinned = services::KeyService(t->clinic()).pinUnpinned();
        QVERIFY2(pinned.ok(), pinned.ok() ? "" : pinned.error().message.c_str());
        QCOMPARE(pinned->size(), std::size_t{4}); // alice, drbob, carol, the recovery ring
        QVERIFY(std::find(pinned->begin(), pinned->end(), std::string("recovery ring")) != pinned->end());
        const auto event = lastEvent(*t);
        QVERIFY(event.flagged);
        QVERIFY2(event.detail.find("carol") != std::string::npos, event.detail.c_str());
        QCOMPARE(services::KeyService(t->clinic()).pinUnpinned()->size(), std::size_t{0}); // nothing twice
        auto identity = services::KeyService(t->clinic()).rotate(KeyKind::IdentityCategory);
        QVERIFY2(identity.ok(), identity.ok() ? "" : identity.error().message.c_str());

        // Clinical pins: only a doctor can make them.
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        services::Sponsor sponsor{kCarol, secret(kCarolPassword)};
        QVERIFY(!services::KeyService(t->clinic()).rotate(KeyKind::ClinicalCategory, &sponsor).ok());
        QVERIFY(t->login(kDoctor, kDoctorPassword).ok());
        auto clinicalPins = services::KeyService(t->clinic()).pinUnpinned();
        QVERIFY2(clinicalPins.ok(), clinicalPins.ok() ? "" : clinicalPins.error().message.c_str());
        QCOMPARE(clinicalPins->size(), std::size_t{3}); // drbob, carol, the recovery ring
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        auto clinical = services::KeyService(t->clinic()).rotate(KeyKind::ClinicalCategory, &sponsor);
        QVERIFY2(clinical.ok(), clinical.ok() ? "" : clinical.error().message.c_str());

        // A key swapped after pinning is not adopted by a later `keys pin`.
        QVERIFY(t->login(kDoctor, kDoctorPassword).ok());
        const access::KeyRing insider = ringOf(*t);
        t->clinic().logout();
        const auto attacker = crypto::BoxKeyPair::generate(crypto::SystemRng::instance());
        QVERIFY(swapSlotBoxKey(*t, insider, kCarol, attacker).ok());
        QVERIFY(t->login(kAdmin, kAdminPassword).ok());
        QCOMPARE(services::KeyService(t->clinic()).pinUnpinned()->size(), std::size_t{0});
        QVERIFY(!services::KeyService(t->clinic()).rotate(KeyKind::IdentityCategory).ok());
        QVERIFY(nothingSealedTo(*t, attacker));
    }
};

QTEST_GUILESS_MAIN(TestInsiderKeys)
#include "TestInsiderKeys.moc"
