// SPDX-License-Identifier: GPL-3.0-or-later
// Key ring: the role table of DESIGN.md section 4, serialisation and its strict parser.
#include "AccessTestSupport.h"

#include "core/access/KeyRing.h"

#include <QTest>

using namespace cc;
using namespace cc::access;
using namespace cc::access::test;

Q_DECLARE_METATYPE(Role)
Q_DECLARE_METATYPE(std::vector<KeyKind>)

class TestKeyRing : public QObject
{
    Q_OBJECT

private slots:
    void kindsPerRole_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("custodian");
        QTest::addColumn<std::vector<KeyKind>>("expected");
        // Source: DESIGN.md section 4, "who holds it" column, plus every account's own UserBox key
        // (docs/KEYS.md section 8).
        QTest::newRow("patient") << Role::Patient << false
                                 << std::vector<KeyKind>{KeyKind::PatientIdentity, KeyKind::PatientClinical,
                                                         KeyKind::UserBox};
        QTest::newRow("doctor") << Role::Doctor << false
                                << std::vector<KeyKind>{KeyKind::DatabaseKey, KeyKind::IdentityCategory,
                                                        KeyKind::ClinicalCategory, KeyKind::Index, KeyKind::UserBox};
        QTest::newRow("doctor, custodian flag ignored")
            << Role::Doctor << true
            << std::vector<KeyKind>{KeyKind::DatabaseKey, KeyKind::IdentityCategory, KeyKind::ClinicalCategory,
                                    KeyKind::Index, KeyKind::UserBox};
        QTest::newRow("administrator") << Role::Administrator << false
                                       << std::vector<KeyKind>{KeyKind::DatabaseKey,   KeyKind::IdentityCategory,
                                                               KeyKind::Index,         KeyKind::AuditRoot,
                                                               KeyKind::ClinicSigning, KeyKind::UserBox};
        QTest::newRow("administrator custodian")
            << Role::Administrator << true
            << std::vector<KeyKind>{KeyKind::DatabaseKey, KeyKind::IdentityCategory, KeyKind::Index,
                                    KeyKind::AuditRoot,   KeyKind::ClinicSigning,    KeyKind::PaillierShare,
                                    KeyKind::UserBox};
    }

    void consentTokensAreOptionalForPatientsOnly()
    {
        QCOMPARE(optionalKeyKindsForRole(Role::Patient), std::vector<KeyKind>{KeyKind::ConsentTokens});
        // Staff accounts may hold the report key pin (accounts from before pinning lack it).
        QCOMPARE(optionalKeyKindsForRole(Role::Doctor),
                 (std::vector<KeyKind>{KeyKind::ReportKeyPin, KeyKind::IndexWriterPin}));
        QCOMPARE(optionalKeyKindsForRole(Role::Administrator),
                 (std::vector<KeyKind>{KeyKind::ReportKeyPin, KeyKind::IndexWriterPin}));
        // A patient ring with or without the tokens conforms; a doctor ring with them does not.
        KeyRing patient = ringFor(Role::Patient);
        QVERIFY(patient.has(KeyKind::ConsentTokens));
        QVERIFY(patient.conformsTo(Role::Patient).ok());
        KeyRing old;
        for (KeyKind k : patient.kinds())
            if (k != KeyKind::ConsentTokens)
                QVERIFY(old.add(k, 1, 1, patient.find(k)->secret.clone()).ok());
        old.setPatientId(*patient.patientId());
        QVERIFY(old.conformsTo(Role::Patient).ok());
        KeyRing doctor = ringFor(Role::Doctor);
        QVERIFY(doctor.add(KeyKind::ConsentTokens, 1, 1, key32(9)).ok());
        QCOMPARE(doctor.conformsTo(Role::Doctor).error().code, ErrorCode::KeyMismatch);
        // Consent tokens belong to a patient: a ring holding them without a patient id does not parse.
        KeyRing orphan;
        QVERIFY(orphan.add(KeyKind::DatabaseKey, 1, 1, key32(1)).ok());
        QVERIFY(orphan.add(KeyKind::ConsentTokens, 1, 1, key32(2)).ok());
        QCOMPARE(KeyRing::parse(orphan.serialise().span()).error().code, ErrorCode::MalformedInput);
    }

    void kindsPerRole()
    {
        QFETCH(Role, role);
        QFETCH(bool, custodian);
        QFETCH(std::vector<KeyKind>, expected);
        QCOMPARE(keyKindsForRole(role, custodian), expected);
        const KeyRing full = fullRing();
        crypto::DeterministicRng rng(3);
        auto ring = KeyRing::selectForRole(full, role, custodian, rng);
        QVERIFY(ring.ok());
        // The source holds every kind, so a patient's ring also gets the optional consent tokens.
        std::vector<KeyKind> held = expected;
        for (KeyKind k : optionalKeyKindsForRole(role))
            held.push_back(k);
        QCOMPARE(ring->kinds(), held);
        QVERIFY(ring->conformsTo(role).ok());
        QCOMPARE(ring->patientId().has_value(), role == Role::Patient);
        // The secrets are copies of the source's, except the account's own box key, which is fresh.
        for (KeyKind k : expected) {
            if (k == KeyKind::UserBox)
                QVERIFY(!(ring->find(k)->secret == full.find(k)->secret));
            else
                QVERIFY(ring->find(k)->secret == full.find(k)->secret);
        }
    }

    void administratorNeverGetsClinicalKey()
    {
        for (bool custodian : {false, true}) {
            const auto kinds = keyKindsForRole(Role::Administrator, custodian);
            QVERIFY(std::find(kinds.begin(), kinds.end(), KeyKind::ClinicalCategory) == kinds.end());
        }
        // A hand-built administrator ring with the clinical key is refused.
        KeyRing r = ringFor(Role::Administrator);
        QVERIFY(r.add(KeyKind::ClinicalCategory, 7, 1, key32(9)).ok());
        const auto s = r.conformsTo(Role::Administrator);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::KeyMismatch);
    }

    void missingKindIsRefused()
    {
        KeyRing source = ringFor(Role::Administrator); // no clinical key
        crypto::DeterministicRng rng(4);
        auto doctor = KeyRing::selectForRole(source, Role::Doctor, false, rng);
        QVERIFY(!doctor.ok());
        QCOMPARE(doctor.error().code, ErrorCode::AccessDenied);
        QVERIFY(!ringFor(Role::Doctor).conformsTo(Role::Patient).ok());
    }

    void addValidatesSizeAndDuplicates()
    {
        KeyRing r;
        QCOMPARE(r.add(KeyKind::DatabaseKey, 1, 1, crypto::SecureBytes(std::size_t{31})).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(r.add(KeyKind::PaillierShare, 1, 1, crypto::SecureBytes()).error().code, ErrorCode::InvalidArgument);
        QVERIFY(r.add(KeyKind::DatabaseKey, 1, 1, key32(1)).ok());
        QCOMPARE(r.add(KeyKind::DatabaseKey, 2, 1, key32(2)).error().code, ErrorCode::AlreadyExists);
    }

    void roundTrip()
    {
        const KeyRing full = fullRing();
        const crypto::SecureBytes bytes = full.serialise();
        auto back = KeyRing::parse(bytes.span());
        QVERIFY(back.ok());
        QCOMPARE(back->kinds(), full.kinds());
        QCOMPARE(back->patientId(), full.patientId());
        for (KeyKind k : kAllKeyKinds) {
            QCOMPARE(back->find(k)->keyId, full.find(k)->keyId);
            QCOMPARE(back->find(k)->version, full.find(k)->version);
            QVERIFY(back->find(k)->secret == full.find(k)->secret);
        }
        QVERIFY(back->serialise() == bytes);
    }

    void everyTruncationIsMalformed()
    {
        const crypto::SecureBytes bytes = ringFor(Role::Doctor).serialise();
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            auto r = KeyRing::parse(bytes.span().first(n));
            QVERIFY2(!r.ok(), qPrintable(QString::number(n)));
            QCOMPARE(r.error().code, ErrorCode::MalformedInput);
        }
    }

    void strictParser()
    {
        const crypto::SecureBytes good = ringFor(Role::Doctor).serialise();
        auto edited = [&](std::size_t pos, std::uint8_t value) {
            std::vector<std::uint8_t> b(good.span().begin(), good.span().end());
            b[pos] = value;
            return KeyRing::parse(b);
        };
        QCOMPARE(edited(0, 'X').error().code, ErrorCode::MalformedInput);                // magic
        QCOMPARE(edited(4, 2).error().code, ErrorCode::Unsupported);                     // version
        QCOMPARE(edited(5, 0x80).error().code, ErrorCode::MalformedInput);               // flags
        QCOMPARE(edited(6, 0).error().code, ErrorCode::MalformedInput);                  // count 0
        QCOMPARE(edited(6, 200).error().code, ErrorCode::MalformedInput);                // count absurd
        QCOMPARE(edited(7, 0).error().code, ErrorCode::MalformedInput);                  // unknown kind
        QCOMPARE(edited(7, 99).error().code, ErrorCode::MalformedInput);                 // unknown kind
        QCOMPARE(edited(7 + 1 + 4 + 4 + 1, 31).error().code, ErrorCode::MalformedInput); // key length
        // Second entry re-declared as the first kind: duplicate.
        QCOMPARE(edited(7 + 11 + 32, 1).error().code, ErrorCode::MalformedInput);
        // Patient flag set on a ring without patient keys (patient id bytes would be misread,
        // so build it properly): a doctor ring with a patient id.
        KeyRing odd = ringFor(Role::Doctor);
        odd.setPatientId(PatientId{});
        QCOMPARE(KeyRing::parse(odd.serialise().span()).error().code, ErrorCode::MalformedInput);
        std::vector<std::uint8_t> longer(good.span().begin(), good.span().end());
        longer.push_back(0);
        QCOMPARE(KeyRing::parse(longer).error().code, ErrorCode::MalformedInput);
    }

    void wipeEmptiesTheRing()
    {
        KeyRing r = fullRing();
        const KeyEntry* dbk = r.find(KeyKind::DatabaseKey);
        QVERIFY(dbk && dbk->secret.size() == 32);
        r.wipe();
        QVERIFY(r.empty());
        QVERIFY(!r.has(KeyKind::DatabaseKey));
        QVERIFY(!r.patientId().has_value());
    }
};

QTEST_GUILESS_MAIN(TestKeyRing)
#include "TestKeyRing.moc"
