// SPDX-License-Identifier: GPL-3.0-or-later
// Key-slot file: wrap/unwrap, strict parsing, and every tamper case of issue 4.
#include "AccessTestSupport.h"

#include "core/access/KeySlotFile.h"
#include "core/crypto/Kdf.h"

#include <QTest>

#include <algorithm>

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

    Fixture()
    {
        // "alice" and "bobby" have equal length so tests can swap names in place.
        auto a = file.addSlot("alice", Role::Doctor, pw("alice-password"), ringFor(Role::Doctor), kParams, rng, clock);
        auto b = file.addSlot("bobby", Role::Doctor, pw("bobby-password"), ringFor(Role::Doctor), kParams, rng, clock);
        Q_ASSERT(a.ok() && b.ok());
    }
};

ErrorCode parseError(const std::vector<std::uint8_t>& bytes)
{
    auto r = KeySlotFile::parse(bytes);
    return r.ok() ? ErrorCode::Internal : r.error().code;
}

} // namespace

class TestKeySlotFile : public QObject
{
    Q_OBJECT

private slots:
    void addAndUnlockEachRole()
    {
        Fixture f;
        const std::pair<const char*, Role> accounts[] = {
            {"dr.house", Role::Doctor}, {"admin-1", Role::Administrator}, {"patient_7", Role::Patient}};
        for (const auto& [name, role] : accounts) {
            // A patient's ring holds no DBK: an administrator's authenticates the new slot.
            const KeyRing admin = ringFor(Role::Administrator);
            NewSlotOptions options;
            options.actor = &admin;
            auto id = f.file.addSlot(name, role, pw("correct horse"), ringFor(role), kParams, f.rng, f.clock, options);
            QVERIFY2(id.ok(), qPrintable(QString::fromStdString(id.ok() ? "" : id.error().message)));
            auto ring = f.file.unlock(name, pw("correct horse"));
            QVERIFY(ring.ok());
            std::vector<KeyKind> expected = keyKindsForRole(role, false);
            for (KeyKind k : optionalKeyKindsForRole(role))
                expected.push_back(k); // ringFor() cuts from a ring holding every kind
            QCOMPARE(ring->kinds(), expected);
            QCOMPARE(ring->has(KeyKind::DatabaseKey), role != Role::Patient);
            if (role != Role::Patient)
                QVERIFY(ring->find(KeyKind::DatabaseKey)->secret == key32(1));
            QCOMPARE(f.file.slot(name)->userId, *id);
            QCOMPARE(f.file.slot(name)->patientId.has_value(), role == Role::Patient);
        }
        QCOMPARE(f.file.generation(), std::uint64_t{5});
        QVERIFY(f.file.dirty());
    }

    void roundTripKeepsEverything()
    {
        Fixture f;
        QVERIFY(f.file.setThrottleState("bobby", 7, 1234567, false).ok());
        const auto bytes = f.file.serialise();
        auto back = KeySlotFile::parse(bytes);
        QVERIFY(back.ok());
        QVERIFY(!back->dirty());
        QCOMPARE(back->clinicId(), f.file.clinicId());
        QCOMPARE(back->generation(), f.file.generation());
        QCOMPARE(back->serialise(), bytes);
        QCOMPARE(back->slot("bobby")->failedAttempts, 7u);
        QCOMPARE(back->slot("bobby")->lockedUntil, std::int64_t{1234567});
        QVERIFY(back->unlock("alice", pw("alice-password")).ok());
    }

    void wrongPasswordAndMissingAccount()
    {
        Fixture f;
        QCOMPARE(f.file.unlock("alice", pw("alice-passwore")).error().code, ErrorCode::WrongPassword);
        QCOMPARE(f.file.unlock("alice", pw("bobby-password")).error().code, ErrorCode::WrongPassword);
        QCOMPARE(f.file.unlock("carol", pw("alice-password")).error().code, ErrorCode::AccountDisabled);
    }

    void addSlotValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << "" << int(ErrorCode::InvalidArgument);
        QTest::newRow("upper case") << "Alice" << int(ErrorCode::InvalidArgument);
        QTest::newRow("space") << "al ice" << int(ErrorCode::InvalidArgument);
        QTest::newRow("65 chars") << QString(65, 'a') << int(ErrorCode::InvalidArgument);
        QTest::newRow("non-ascii") << QString::fromUtf8("jos\xc3\xa9") << int(ErrorCode::InvalidArgument);
        QTest::newRow("taken") << "alice" << int(ErrorCode::AlreadyExists);
        QTest::newRow("64 chars ok") << QString(64, 'a') << -1;
        QTest::newRow("all classes ok") << "a.b_c-9" << -1;
    }

    void addSlotValidation()
    {
        QFETCH(QString, name);
        QFETCH(int, code);
        Fixture f;
        const std::string n = name.toStdString();
        auto id = f.file.addSlot(n, Role::Doctor, pw("long enough"), ringFor(Role::Doctor), kParams, f.rng, f.clock);
        if (code < 0) {
            QVERIFY(id.ok());
        } else {
            QVERIFY(!id.ok());
            QCOMPARE(int(id.error().code), code);
        }
    }

    void addSlotRefusesWrongRings()
    {
        Fixture f;
        // An administrator slot must never carry the clinical category key.
        KeyRing adminPlus = ringFor(Role::Administrator);
        QVERIFY(adminPlus.add(KeyKind::ClinicalCategory, 1, 1, key32(3)).ok());
        QCOMPARE(f.file.addSlot("eve", Role::Administrator, pw("long enough"), adminPlus, kParams, f.rng, f.clock)
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(f.file.addSlot("eve", Role::Doctor, pw("short"), ringFor(Role::Doctor), kParams, f.rng, f.clock)
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
        // Another clinic's DBK cannot add a slot to this file.
        QCOMPARE(f.file
                     .addSlot("eve", Role::Doctor, pw("long enough"), ringFor(Role::Doctor, false, 77), kParams, f.rng,
                              f.clock)
                     .error()
                     .code,
                 ErrorCode::IntegrityFailure);
        QCOMPARE(f.file.slotCount(), std::size_t{2});
    }

    void everyTruncationIsMalformed()
    {
        Fixture f;
        const auto bytes = f.file.serialise();
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            const std::vector<std::uint8_t> prefix(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
            QCOMPARE(parseError(prefix), ErrorCode::MalformedInput);
        }
    }

    // Decision (docs/KEYS.md): the checksum covers every byte, counters included, so any flipped
    // bit reads as a damaged file, never as a wrong password.
    void everyBitFlipIsDamage()
    {
        Fixture f;
        const auto bytes = f.file.serialise();
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            for (int bit : {0, 7}) {
                auto b = bytes;
                b[i] ^= static_cast<std::uint8_t>(1u << bit);
                auto r = KeySlotFile::parse(b);
                QVERIFY2(!r.ok(), qPrintable(QString::number(i)));
                QCOMPARE(r.error().code, ErrorCode::MalformedInput);
            }
        }
        auto b = bytes;
        b[100] ^= 1;
        QVERIFY(KeySlotFile::parse(b).error().message.find("damaged") != std::string::npos ||
                KeySlotFile::parse(b).error().message.find("key-slot") != std::string::npos);
    }

    void wrongPasswordIsNotDamage()
    {
        Fixture f;
        const auto bytes = f.file.serialise();
        auto parsed = KeySlotFile::parse(bytes);
        QCOMPARE(parsed->unlock("alice", pw("nope-nope")).error().code, ErrorCode::WrongPassword);
        auto damaged = bytes;
        damaged[damaged.size() / 2] ^= 0x10;
        auto r = KeySlotFile::parse(damaged);
        QCOMPARE(r.error().code, ErrorCode::MalformedInput);
        QCOMPARE(r.error().message, std::string("key-slot file is damaged"));
    }

    void trailingGarbage()
    {
        Fixture f;
        auto b = f.file.serialise();
        b.push_back(0);
        QCOMPARE(parseError(b), ErrorCode::MalformedInput); // checksum no longer at the end
        fixChecksum(b); // now well-checksummed but with one byte too many before MAC/checksum
        QCOMPARE(parseError(b), ErrorCode::MalformedInput);
    }

    void magicAndVersion()
    {
        Fixture f;
        auto b = f.file.serialise();
        b[0] = 'X';
        fixChecksum(b);
        QCOMPARE(parseError(b), ErrorCode::MalformedInput);
        const auto mac = macOf(f.file.serialise());
        const KeySlot* a = f.file.slot("alice");
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 1, {a}, mac, 4)), ErrorCode::Unsupported);
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 1, {a}, mac, 0)), ErrorCode::Unsupported);
        // Format 1 (before key updates) was never deployed: a clear Unsupported, not damage.
        auto v1 = KeySlotFile::parse(buildFile(f.file.clinicId(), 1, {a}, mac, 1));
        QCOMPARE(v1.error().code, ErrorCode::Unsupported);
        QVERIFY(v1.error().message.find("version 1") != std::string::npos);
        QVERIFY(KeySlotFile::parse(buildFile(f.file.clinicId(), 1, {a}, mac, 2)).ok());
    }

    void duplicatesAndAbsurdValues()
    {
        Fixture f;
        const auto mac = macOf(f.file.serialise());
        KeySlot copy = *f.file.slot("bobby");
        copy.userName = "alice";
        const KeySlot* a = f.file.slot("alice");
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 2, {a, &copy}, mac)), ErrorCode::MalformedInput);
        copy = *f.file.slot("bobby");
        copy.userId = a->userId;
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 2, {a, &copy}, mac)), ErrorCode::MalformedInput);

        // Count field (bytes 34..35) claims 65535 slots.
        auto b = f.file.serialise();
        b[34] = 0xff;
        b[35] = 0xff;
        fixChecksum(b);
        QCOMPARE(parseError(b), ErrorCode::MalformedInput);

        copy = *f.file.slot("bobby");
        copy.kdf.memoryKiB = 0xffffffffu; // would make the login screen allocate 4 TiB
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 2, {a, &copy}, mac)), ErrorCode::MalformedInput);
        copy = *f.file.slot("bobby");
        copy.kdf.parallelism = 4;
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 2, {a, &copy}, mac)), ErrorCode::MalformedInput);
        copy = *f.file.slot("bobby");
        copy.wrapped.assign(kMaxWrappedRingSize + 1, 0);
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 2, {a, &copy}, mac)), ErrorCode::MalformedInput);
        copy = *f.file.slot("bobby");
        copy.wrapped.resize(10);
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 2, {a, &copy}, mac)), ErrorCode::MalformedInput);
        copy = *f.file.slot("bobby");
        copy.patientId = PatientId{}; // a doctor linked to a patient
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 2, {a, &copy}, mac)), ErrorCode::MalformedInput);
        copy = *f.file.slot("bobby");
        copy.userName = "Bobby";
        QCOMPARE(parseError(buildFile(f.file.clinicId(), 2, {a, &copy}, mac)), ErrorCode::MalformedInput);
    }

    void anotherClinicsFile()
    {
        Fixture f;
        QVERIFY(f.file.checkClinic(f.file.clinicId()).ok());
        ClinicId other = f.file.clinicId();
        other[0] ^= 1;
        QCOMPARE(f.file.checkClinic(other).error().code, ErrorCode::KeyMismatch);
        // Rewriting the header's clinic id to the expected one does not help: the AAD binds it.
        const auto mac = macOf(f.file.serialise());
        auto forged = KeySlotFile::parse(
            buildFile(other, f.file.generation(), {f.file.slot("alice"), f.file.slot("bobby")}, mac));
        QVERIFY(forged.ok());
        QVERIFY(forged->checkClinic(other).ok());
        QCOMPARE(forged->unlock("alice", pw("alice-password")).error().code, ErrorCode::WrongPassword);
    }

    void slotCopiedOntoAnotherUserFails()
    {
        Fixture f;
        const auto mac = macOf(f.file.serialise());
        const KeySlot* a = f.file.slot("alice");
        const KeySlot* b = f.file.slot("bobby");
        // Alice's wrapped ring, salt and KDF placed in Bobby's slot (his id and name).
        KeySlot moved = *a;
        moved.userId = b->userId;
        moved.userName = "bobby";
        auto file = KeySlotFile::parse(buildFile(f.file.clinicId(), f.file.generation(), {a, &moved}, mac));
        QVERIFY(file.ok());
        QCOMPARE(file->unlock("bobby", pw("alice-password")).error().code, ErrorCode::WrongPassword);
        // Same slot with another role.
        KeySlot promoted = *b;
        promoted.role = Role::Administrator;
        file = KeySlotFile::parse(buildFile(f.file.clinicId(), f.file.generation(), {a, &promoted}, mac));
        QVERIFY(file.ok());
        QCOMPARE(file->unlock("bobby", pw("bobby-password")).error().code, ErrorCode::WrongPassword);
        // Slot version rolled back.
        KeySlot older = *b;
        older.slotVersion = 7;
        file = KeySlotFile::parse(buildFile(f.file.clinicId(), f.file.generation(), {a, &older}, mac));
        QCOMPARE(file->unlock("bobby", pw("bobby-password")).error().code, ErrorCode::IntegrityFailure);
    }

    void renamedSlotsFailTheFileMac()
    {
        Fixture f;
        const auto mac = macOf(f.file.serialise());
        KeySlot a = *f.file.slot("alice");
        KeySlot b = *f.file.slot("bobby");
        std::swap(a.userName, b.userName);
        auto file = KeySlotFile::parse(buildFile(f.file.clinicId(), f.file.generation(), {&a, &b}, mac));
        QVERIFY(file.ok());
        // Alice's password now opens the slot named "bobby" (her own slot), but the MAC notices.
        QCOMPARE(file->unlock("bobby", pw("alice-password")).error().code, ErrorCode::IntegrityFailure);
    }

    void olderCopyIsDetected()
    {
        Fixture f;
        const auto old = f.file.serialise();
        const std::uint64_t oldGeneration = f.file.generation();
        auto ring = f.file.unlock("alice", pw("alice-password"));
        QVERIFY(f.file.rewrap("alice", pw("new-alice-password"), *ring, kParams, f.rng, f.clock).ok());
        const std::uint64_t lastSeen = f.file.generation(); // what the database records
        QCOMPARE(lastSeen, oldGeneration + 1);

        // The documented check after unlock: generation >= the database's value.
        auto replaced = KeySlotFile::parse(old);
        QVERIFY(replaced.ok());
        QVERIFY(replaced->unlock("alice", pw("alice-password")).ok()); // the old password works on the old file ...
        QCOMPARE(replaced->checkGeneration(lastSeen).error().code, ErrorCode::IntegrityFailure); // ... but caught
        QVERIFY(f.file.checkGeneration(lastSeen).ok());

        // Raising the old copy's generation by hand breaks the file MAC.
        auto bumped = old;
        for (int i = 0; i < 8; ++i)
            bumped[26 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(lastSeen >> (8 * (7 - i)));
        fixChecksum(bumped);
        auto forged = KeySlotFile::parse(bumped);
        QVERIFY(forged.ok());
        QCOMPARE(forged->generation(), lastSeen);
        QVERIFY(forged->checkGeneration(lastSeen).ok());
        QCOMPARE(forged->unlock("alice", pw("alice-password")).error().code, ErrorCode::IntegrityFailure);
    }

    void rewrapTouchesOneSlot()
    {
        Fixture f;
        const KeySlot bobBefore = *f.file.slot("bobby");
        const std::uint32_t versionBefore = f.file.slot("alice")->slotVersion;
        auto ring = f.file.unlock("alice", pw("alice-password"));
        QVERIFY(ring.ok());
        QVERIFY(f.file.rewrap("alice", pw("short"), *ring, kParams, f.rng, f.clock).error().code ==
                ErrorCode::InvalidArgument);
        QVERIFY(f.file.rewrap("alice", pw("new-alice-password"), *ring, kParams, f.rng, f.clock).ok());
        QCOMPARE(f.file.slot("alice")->slotVersion, versionBefore + 1);
        QCOMPARE(f.file.unlock("alice", pw("alice-password")).error().code, ErrorCode::WrongPassword);
        QVERIFY(f.file.unlock("alice", pw("new-alice-password")).ok());
        const KeySlot& bobAfter = *f.file.slot("bobby");
        QCOMPARE(bobAfter.wrapped, bobBefore.wrapped);
        QCOMPARE(bobAfter.salt, bobBefore.salt);
        QCOMPARE(bobAfter.slotVersion, bobBefore.slotVersion);
        QVERIFY(f.file.unlock("bobby", pw("bobby-password")).ok());
    }

    void patientRewrapsWithoutTheDbkAndTheFileMacHolds()
    {
        Fixture f;
        const KeyRing admin = ringFor(Role::Administrator);
        NewSlotOptions options;
        options.actor = &admin;
        QVERIFY(f.file
                    .addSlot("patient_7", Role::Patient, pw("patient-pass-1"), ringFor(Role::Patient), kParams, f.rng,
                             f.clock, options)
                    .ok());
        QCOMPARE(f.file.formatVersion(), KeySlotFile::kFormatVersion);
        // Without an authenticating actor a patient's ring cannot add a slot (it holds no DBK).
        auto refused = f.file.addSlot("patient_8", Role::Patient, pw("patient-pass-1"), ringFor(Role::Patient), kParams,
                                      f.rng, f.clock);
        QVERIFY(!refused.ok());
        const std::uint64_t generation = f.file.generation();
        auto ring = f.file.unlock("patient_7", pw("patient-pass-1"));
        QVERIFY(ring.ok());
        QVERIFY(!ring->has(KeyKind::DatabaseKey));
        QVERIFY(f.file.rewrap("patient_7", pw("patient-pass-2"), *ring, kParams, f.rng, f.clock).ok());
        QCOMPARE(f.file.generation(), generation); // not an authenticated (staff) change
        auto back = KeySlotFile::parse(f.file.serialise());
        QVERIFY(back.ok());
        QVERIFY(back->unlock("patient_7", pw("patient-pass-2")).ok());
        QVERIFY(!back->unlock("patient_7", pw("patient-pass-1")).ok());
        QVERIFY(back->unlock("alice", pw("alice-password")).ok()); // the staff MAC still verifies
        // A patient slot's identity is still covered: renaming it breaks the MAC for staff.
        auto bytes = f.file.serialise();
        const std::string from = "patient_7", to = "patient_9";
        auto it = std::search(bytes.begin(), bytes.end(), from.begin(), from.end());
        QVERIFY(it != bytes.end());
        std::copy(to.begin(), to.end(), it);
        // Fix the checksum so that only the MAC can notice.
        bytes.resize(bytes.size() - 32);
        const auto sum = crypto::sha256(bytes);
        bytes.insert(bytes.end(), sum.begin(), sum.end());
        auto renamed = KeySlotFile::parse(bytes);
        QVERIFY(renamed.ok());
        auto staff = renamed->unlock("alice", pw("alice-password"));
        QVERIFY(!staff.ok());
        QCOMPARE(staff.error().code, ErrorCode::IntegrityFailure);
    }

    void removeSlotDisables()
    {
        Fixture f;
        auto ring = f.file.unlock("alice", pw("alice-password"));
        const auto gen = f.file.generation();
        QVERIFY(f.file.removeSlot("bobby", *ring, f.clock).ok());
        QCOMPARE(f.file.generation(), gen + 1);
        QCOMPARE(f.file.unlock("bobby", pw("bobby-password")).error().code, ErrorCode::AccountDisabled);
        QCOMPARE(f.file.removeSlot("bobby", *ring, f.clock).error().code, ErrorCode::AccountDisabled);
        auto back = KeySlotFile::parse(f.file.serialise());
        QVERIFY(back->unlock("alice", pw("alice-password")).ok());
        QCOMPARE(back->slotCount(), std::size_t{1});
        QCOMPARE(f.file.removeSlot("alice", ringFor(Role::Doctor, false, 9), f.clock).error().code,
                 ErrorCode::IntegrityFailure);
    }

    void listAccountsShowsNoKeys()
    {
        Fixture f;
        QVERIFY(f.file.setThrottleState("bobby", 20, 0, true).ok());
        const auto list = f.file.listAccounts();
        QCOMPARE(list.size(), std::size_t{2});
        QCOMPARE(list[0].userName, std::string("alice"));
        QCOMPARE(list[0].role, Role::Doctor);
        QVERIFY(!list[0].suspended);
        QCOMPARE(list[1].userName, std::string("bobby"));
        QVERIFY(list[1].suspended);
        QCOMPARE(list[1].failedAttempts, 20u);
    }
};

QTEST_GUILESS_MAIN(TestKeySlotFile)
#include "TestKeySlotFile.moc"
