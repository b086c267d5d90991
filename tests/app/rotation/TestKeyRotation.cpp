// SPDX-License-Identifier: GPL-3.0-or-later
// Key rotation over a real clinic (services + SQLCipher store): DBK rekey, category keys, the mailbox
// picked up at login, disabled accounts left out, recovery ring updates, denials audited.
#include "core/access/KeySlotFile.h"
#include "core/audit/AuditExport.h"
#include "core/crypto/Aead.h"
#include "core/crypto/Shamir.h"
#include "core/crypto/ShareEncoding.h"
#include "core/paillier/KeyFile.h"
#include "core/records/PatientKeys.h"
#include "core/services/AccountService.h"
#include "core/services/AuditService.h"
#include "core/services/ImportService.h"
#include "core/services/KeyService.h"
#include "core/services/NoteService.h"
#include "core/services/PatientService.h"
#include "core/services/SetupService.h"
#include "db/ClinicStore.h"
#include "db/Database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using access::KeyKind;

namespace {

const std::string kAdmin = "alice";
const std::string kAdminPw = "alice-password-1";
const std::string kDoctor = "drbob";
const std::string kDoctorPw = "drbob-password-1";

std::span<const std::uint8_t> bytes(const std::string& s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

/// A clinic made by the key ceremony in a temporary folder (fast Argon2id, 2048-bit fixture report key).
struct Clinic
{
    QTemporaryDir tmp;
    ManualClock clock;
    services::ServiceOptions options{crypto::Argon2Params::forTests(), "test-ws"};
    services::SetupResult setup;
    std::unique_ptr<db::ClinicStore> store;
    std::unique_ptr<services::ClinicService> service;

    std::string dir() const { return tmp.path().toStdString() + "/clinic"; }

    Status create()
    {
        QFile keyFile(QStringLiteral(CC_TEST_DATA_DIR "/paillier/test-key-2048.json"));
        if (!keyFile.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::NotFound, "tests/data/paillier/test-key-2048.json is missing");
        const std::string keyJson = keyFile.readAll().toStdString();
        services::SetupRequest request;
        request.clinicName = "Rotation Clinic";
        request.admin = {kAdmin, crypto::SecureBytes(bytes(kAdminPw))};
        request.doctor = services::AccountSeed{kDoctor, crypto::SecureBytes(bytes(kDoctorPw))};
        request.reportKeyBits = 2048;
        request.allowPublishedTestKey = true; // tests/data/paillier fixture key
        request.reportKeySource = [keyJson]() { return paillier::KeyFile::readPrivate(keyJson); };
        std::unique_ptr<ports::ClinicBackend> backend;
        const std::string where = dir();
        auto made = services::createClinic(
            request,
            [&](const ports::ClinicDescriptor& d,
                const crypto::SecureBytes& dbk) -> Result<std::unique_ptr<ports::ClinicBackend>> {
                auto s = db::ClinicStore::create(where, d, dbk);
                if (!s)
                    return std::move(s).error();
                return std::unique_ptr<ports::ClinicBackend>(new db::ClinicStore(std::move(s).value()));
            },
            clock, crypto::SystemRng::instance(), options, &backend);
        if (!made)
            return std::move(made).error();
        setup = std::move(made).value();
        backend.reset();
        return reopen();
    }
    Status reopen()
    {
        service.reset();
        store.reset();
        auto s = db::ClinicStore::openFolder(dir());
        if (!s)
            return std::move(s).error();
        store = std::make_unique<db::ClinicStore>(std::move(s).value());
        service = std::make_unique<services::ClinicService>(*store, clock, crypto::SystemRng::instance(), options);
        return {};
    }
    Status login(const std::string& name, const std::string& password) { return service->login(name, bytes(password)); }
    crypto::SecureBytes currentDbk() { return (*service->keys())->find(KeyKind::DatabaseKey)->secret.clone(); }
    std::vector<audit::AuditEntry> events()
    {
        auto e = audit::AuditExport::list(store->auditStore(), {});
        return e ? *e : std::vector<audit::AuditEntry>{};
    }
    access::KeySlotFile slotFile() { return store->keySlots().load().value(); }
};

#define CLINIC(c)                                                                                                      \
    Clinic c;                                                                                                          \
    {                                                                                                                  \
        auto made = c.create();                                                                                        \
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().message.c_str());                                            \
    }

ErrorCode openWith(const std::string& path, const crypto::SecureBytes& key)
{
    auto db = db::Database::open(path, key, db::OpenMode::ExistingOnly);
    return db ? ErrorCode::Internal : db.error().code;
}

/// Stands for a power loss between the key-slot file and the re-wrap's commit: the re-wrap is rolled
/// back where the rotation commits it, after the file with the new key in every mailbox was saved.
class RolledBackRewrap final : public services::PatientKeyRewrapper
{
public:
    explicit RolledBackRewrap(ports::ClinicBackend& backend) : m_inner(backend, crypto::SystemRng::instance()) {}
    Status rewrap(KeyKind kind, const access::KeyEntry& oldKey, const access::KeyEntry& newKey) override
    {
        return m_inner.rewrap(kind, oldKey, newKey);
    }
    Status commit() override
    {
        m_inner.abandon();
        return {};
    }
    void abandon() override { m_inner.abandon(); }

private:
    services::StoredPatientKeys m_inner;
};

} // namespace

class TestKeyRotation : public QObject
{
    Q_OBJECT

private slots:
    void dbkRotationRekeysAndLoginPicksItUp()
    {
        CLINIC(c);
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        const crypto::SecureBytes oldDbk = c.currentDbk();
        services::KeyService keys(*c.service);
        auto rotated = keys.rotate(KeyKind::DatabaseKey);
        QVERIFY2(rotated.ok(), rotated.ok() ? "" : rotated.error().message.c_str());
        QCOMPARE(rotated->version, 2u);
        QCOMPARE(rotated->recipients, std::size_t{3}); // alice, drbob, recovery ring
        QVERIFY(rotated->sessionEnded);
        QVERIFY(c.service->session() == nullptr);

        // The doctor logs in: the mailbox entry is applied, the slot re-wrapped, the login audited.
        QVERIFY(c.reopen().ok());
        const auto bob = c.slotFile().slot(kDoctor)->userId;
        QCOMPARE(c.slotFile().pendingUpdates(bob), std::size_t{1});
        const auto slotVersion = c.slotFile().slot(kDoctor)->slotVersion;
        auto login = c.login(kDoctor, kDoctorPw);
        QVERIFY2(login.ok(), login.ok() ? "" : login.error().message.c_str());
        QCOMPARE(c.slotFile().pendingUpdates(bob), std::size_t{0});
        QCOMPARE(c.slotFile().slot(kDoctor)->slotVersion, slotVersion + 1);
        const auto newDbk = c.currentDbk();
        QVERIFY(!(newDbk == oldDbk));
        const auto events = c.events();
        QVERIFY(events.back().event.detail.find("key-update mailbox") != std::string::npos);
        bool rotationAudited = false;
        for (const auto& e : events)
            rotationAudited |=
                e.event.objectType == "Key" && e.event.detail.find("rotate DatabaseKey to version 2") == 0;
        QVERIFY(rotationAudited);
        c.service->logout();

        // The administrator's own entry waited in the mailbox too; the audit trail still verifies.
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        QVERIFY(c.currentDbk() == newDbk);
        services::AuditService auditing(*c.service);
        auto report = auditing.verify();
        QVERIFY(report.ok());
        QVERIFY2(report->ok, report->message.c_str());

        // The old DBK no longer opens clinic.db; the new one does.
        c.service.reset();
        c.store.reset();
        const std::string path = c.dir() + "/clinic.db";
        QCOMPARE(openWith(path, oldDbk), ErrorCode::KeyMismatch);
        QCOMPARE(openWith(path, newDbk), ErrorCode::Internal); // opened
    }

    void disabledAccountGetsNothingUntilEnabled()
    {
        CLINIC(c);
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        services::AccountService accounts(*c.service);
        services::Sponsor sponsor{kDoctor, crypto::SecureBytes(bytes(kDoctorPw))};
        auto carol = accounts.create("carol", access::Role::Doctor, bytes(std::string("carol-temp-pass")), &sponsor);
        QVERIFY(carol.ok());
        QVERIFY(accounts.disable("carol").ok()); // rotates the DBK (v2) and the identity key at once
        services::KeyService keys(*c.service);
        QVERIFY(keys.rotate(KeyKind::DatabaseKey).ok()); // v3
        const auto afterRotation = c.slotFile();
        for (const auto& u : afterRotation.updates())
            QVERIFY(u.recipient != *carol); // a deleted slot never received an entry
        QCOMPARE(c.login("carol", "carol-temp-pass").error().code, ErrorCode::WrongPassword);

        // Re-enabled later: the new slot is built from the administrator's current (rotated) ring.
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        services::AccountService again(*c.service);
        services::Sponsor sponsor2{kDoctor, crypto::SecureBytes(bytes(kDoctorPw))};
        QVERIFY(again.enable("carol", bytes(std::string("carol-temp-pass2")), &sponsor2).ok());
        c.service->logout();
        auto login = c.login("carol", "carol-temp-pass2");
        QVERIFY2(login.ok(), login.ok() ? "" : login.error().message.c_str());
        QCOMPARE((*c.service->keys())->find(KeyKind::DatabaseKey)->version, 3u);
    }

    /// Issue 10 item 7: an old copy of the key-slot file plus a disabled doctor's password opens
    /// neither the current database nor the keys the patients' rows are now wrapped under; the
    /// clinical key, which no administrator holds, is rotated by the next doctor's login.
    void disablingRevokesWhatAnOldSlotCopyOpens()
    {
        CLINIC(c);
        QVERIFY(c.login(kDoctor, kDoctorPw).ok());
        QVERIFY(services::ImportService(*c.service).importSynthea(QStringLiteral(CC_TEST_DATA_DIR "/synthea")).ok());
        c.service->logout();
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        services::Sponsor sponsor{kDoctor, crypto::SecureBytes(bytes(kDoctorPw))};
        QVERIFY(services::AccountService(*c.service)
                    .create("carol", access::Role::Doctor, bytes(std::string("carol-temp-pass")), &sponsor)
                    .ok());
        c.service->logout();
        QVERIFY(c.login("carol", "carol-temp-pass").ok());
        QVERIFY(c.service->changeOwnPassword(bytes(std::string("carol-own-password"))).ok());
        c.service->logout();
        // What carol takes home: a copy of the key-slot file (she knows her password).
        const std::vector<std::uint8_t> oldCopy = c.slotFile().serialise();

        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        services::AccountService accounts(*c.service);
        auto revoked = accounts.disable("carol");
        QVERIFY2(revoked.ok(), revoked.ok() ? "" : revoked.error().message.c_str());
        QVERIFY2(revoked->problem.empty(), revoked->problem.c_str());
        QCOMPARE(revoked->rotated.size(), std::size_t{2});
        QCOMPARE(revoked->rotated[0].name, std::string("IdentityCategory"));
        QCOMPARE(revoked->rotated[1].name, std::string("DatabaseKey"));
        QCOMPARE(revoked->pending.size(), std::size_t{1});
        QCOMPARE(revoked->pending[0].kind, KeyKind::ClinicalCategory);
        QCOMPARE(revoked->notRotated.size(), std::size_t{1}); // the index key, with the reason
        QVERIFY(revoked->notRotated[0].rfind("Index: ", 0) == 0);
        // The administrator's session took the new keys and goes on (identities still open).
        QVERIFY(c.service->session() != nullptr);
        auto identities = services::PatientService(*c.service).list();
        QVERIFY2(identities.ok(), identities.ok() ? "" : identities.error().message.c_str());
        QCOMPARE(identities->size(), std::size_t{27});
        services::KeyService keys(*c.service);
        auto pending = keys.pendingRotations();
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), std::size_t{1});
        QVERIFY(pending->front().reasons.front().find("doctor 'carol'") != std::string::npos);
        const auto events = c.events();
        bool described = false;
        for (const auto& e : events)
            described =
                described || e.event.detail.find("disable; keys revoked: IdentityCategory rotated to version 2, "
                                                 "DatabaseKey rotated to version 2; ClinicalCategory rotation "
                                                 "pending") == 0;
        QVERIFY(described);
        bool dbkEvent = false;
        for (const auto& e : events)
            dbkEvent = dbkEvent || (e.event.detail.find("rotate DatabaseKey to version 2") == 0 &&
                                    e.event.detail.find("(revoking: doctor 'carol'") != std::string::npos);
        QVERIFY(dbkEvent);

        // carol's old copy still opens her old slot, but its keys open nothing of today.
        auto oldFile = access::KeySlotFile::parse(oldCopy);
        QVERIFY(oldFile.ok());
        auto oldRing = oldFile->unlock("carol", bytes(std::string("carol-own-password")));
        QVERIFY2(oldRing.ok(), oldRing.ok() ? "" : oldRing.error().message.c_str());
        QCOMPARE(openWith(c.dir() + "/clinic.db", oldRing->find(KeyKind::DatabaseKey)->secret), ErrorCode::KeyMismatch);
        auto rows = c.store->patients().list();
        QVERIFY(rows.ok() && !rows->empty());
        const auto& row = rows->front();
        QVERIFY(!records::PatientKeys::unwrap(*oldRing, records::PatientKeyKind::Identity, row.id, row.identityKeyId,
                                              row.identityKeyWrapped)
                     .ok());
        // The clinical key still opens today's wrapped clinical keys: its rotation is pending.
        QVERIFY(records::PatientKeys::unwrap(*oldRing, records::PatientKeyKind::Clinical, row.id, row.clinicalKeyId,
                                             row.clinicalKeyWrapped)
                    .ok());
        c.service->logout();

        // The next doctor's login performs it, audited, and the doctor's session goes on with the new key.
        auto login = c.login(kDoctor, kDoctorPw);
        QVERIFY2(login.ok(), login.ok() ? "" : login.error().message.c_str());
        QCOMPARE((*c.service->keys())->find(KeyKind::ClinicalCategory)->version, 2u);
        auto after = services::KeyService(*c.service).performPending();
        QVERIFY(after.ok() && after->empty()); // nothing left
        const auto last = c.events().back().event;
        QVERIFY(last.detail.find("rotate ClinicalCategory to version 2") == 0);
        QVERIFY(last.detail.find("(revoking: pending since") != std::string::npos);
        QCOMPARE(last.userName, kDoctor);
        auto chartRows = services::PatientService(*c.service).list();
        QVERIFY(chartRows.ok() && !chartRows->empty());
        auto chart = services::PatientService(*c.service).chart(chartRows->front().id);
        QVERIFY2(chart.ok(), chart.ok() ? "" : chart.error().message.c_str());
        auto rowsNow = c.store->patients().list();
        QVERIFY(rowsNow.ok());
        for (const auto& r : *rowsNow)
            QVERIFY(!records::PatientKeys::unwrap(*oldRing, records::PatientKeyKind::Clinical, r.id, r.clinicalKeyId,
                                                  r.clinicalKeyWrapped)
                         .ok());
        c.service->logout();
        // Nothing is pending any more; the doctor's slot takes the new keys from the mailbox.
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        auto none = services::KeyService(*c.service).pendingRotations();
        QVERIFY(none.ok() && none->empty());
        c.service->logout();
        QVERIFY(c.login(kDoctor, kDoctorPw).ok());
        QCOMPARE((*c.service->keys())->find(KeyKind::ClinicalCategory)->version, 2u);
        QCOMPARE((*c.service->keys())->find(KeyKind::DatabaseKey)->version, 2u);
    }

    /// A doctor given the administrator role keeps the DBK but loses the clinical key: its rotation
    /// becomes pending; with a sponsor at disable time every key is rotated at once.
    void roleChangeAndSponsoredDisableRevokeTheClinicalKey()
    {
        CLINIC(c);
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        services::AccountService accounts(*c.service);
        services::Sponsor sponsor{kDoctor, crypto::SecureBytes(bytes(kDoctorPw))};
        QVERIFY(accounts.create("carol", access::Role::Doctor, bytes(std::string("carol-temp-pass")), &sponsor).ok());
        QVERIFY(accounts.create("dan", access::Role::Doctor, bytes(std::string("dan-temp-passw")), &sponsor).ok());
        QVERIFY(accounts.setRole("carol", access::Role::Administrator, bytes(std::string("carol-admin-pass"))).ok());
        auto pending = services::KeyService(*c.service).pendingRotations();
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), std::size_t{1});
        QCOMPARE(pending->front().kind, KeyKind::ClinicalCategory);
        QVERIFY(pending->front().reasons.front().find("given the role administrator") != std::string::npos);
        // Disabling dan with a sponsoring doctor settles the clinical key at once as well.
        auto revoked = accounts.disable("dan", &sponsor);
        QVERIFY2(revoked.ok(), revoked.ok() ? "" : revoked.error().message.c_str());
        QCOMPARE(revoked->rotated.size(), std::size_t{3});
        QCOMPARE(revoked->rotated[0].name, std::string("ClinicalCategory"));
        QVERIFY(revoked->pending.empty());
        auto none = services::KeyService(*c.service).pendingRotations();
        QVERIFY(none.ok() && none->empty());
    }

    void categoryRotationNeedsItsHolders()
    {
        CLINIC(c);
        // Patients first: their keys are wrapped under the category keys and must be re-wrapped.
        QVERIFY(c.login(kDoctor, kDoctorPw).ok());
        QVERIFY(services::ImportService(*c.service).importSynthea(QStringLiteral(CC_TEST_DATA_DIR "/synthea")).ok());
        // An unshared note gives its patient a confidential key, wrapped under the clinical category key too.
        auto before = services::PatientService(*c.service).list();
        QVERIFY(before.ok() && !before->empty());
        model::ClinicalNote unshared;
        unshared.text = QStringLiteral("Not for the patient portal.");
        QVERIFY(services::NoteService(*c.service).add(before->front().id, unshared).ok());
        auto wrappedBefore = c.store->patients().findConfidentialKey(before->front().id);
        QVERIFY(wrappedBefore.ok() && wrappedBefore->has_value());
        c.service->logout();
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        services::KeyService keys(*c.service);
        // The clinical key: refused without a sponsoring doctor (audited), then done with one.
        auto refused = keys.rotate(KeyKind::ClinicalCategory);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(c.events().back().event.outcome, audit::AuditOutcome::MinorFailure);
        services::Sponsor wrong{kDoctor, crypto::SecureBytes(bytes(std::string("not-the-password")))};
        QCOMPARE(keys.rotate(KeyKind::ClinicalCategory, &wrong).error().code, ErrorCode::WrongPassword);
        services::Sponsor sponsor{kDoctor, crypto::SecureBytes(bytes(kDoctorPw))};
        auto clinical = keys.rotate(KeyKind::ClinicalCategory, &sponsor);
        QVERIFY2(clinical.ok(), clinical.ok() ? "" : clinical.error().message.c_str());
        QCOMPARE(clinical->recipients, std::size_t{2}); // the doctor and the recovery ring, never the admin
        QVERIFY(clinical->sessionEnded);
        const auto admin = c.slotFile().slot(kAdmin)->userId;
        QCOMPARE(c.slotFile().pendingUpdates(admin), std::size_t{0});
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        auto identity = keys.rotate(KeyKind::IdentityCategory);
        QVERIFY(identity.ok());
        QCOMPARE(identity->recipients, std::size_t{3});
        QVERIFY(identity->sessionEnded);
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        // Index, audit root and signing key: refused with a reason.
        for (KeyKind k : {KeyKind::Index, KeyKind::AuditRoot, KeyKind::ClinicSigning, KeyKind::UserBox}) {
            auto r = keys.rotate(k);
            QCOMPARE(r.error().code, ErrorCode::Unsupported);
            QVERIFY(r.error().message.find("not rotated") != std::string::npos);
        }
        c.service->logout();
        QVERIFY(c.login(kDoctor, kDoctorPw).ok());
        const auto* ring = *c.service->keys();
        QCOMPARE(ring->find(KeyKind::ClinicalCategory)->version, 2u);
        QCOMPARE(ring->find(KeyKind::ClinicalCategory)->keyId, clinical->keyId);
        QCOMPARE(ring->find(KeyKind::IdentityCategory)->keyId, identity->keyId);
        // Every patient's keys were re-wrapped: the doctor still reads identities and charts.
        services::PatientService patients(*c.service);
        auto list = patients.list();
        QVERIFY2(list.ok(), list.ok() ? "" : list.error().message.c_str());
        QCOMPARE(list->size(), std::size_t{27});
        auto chart = patients.chart(list->front().id);
        QVERIFY2(chart.ok(), chart.ok() ? "" : chart.error().message.c_str());
        // The confidential key was re-wrapped (new bytes, same key): the unshared note still opens.
        auto wrappedAfter = c.store->patients().findConfidentialKey(before->front().id);
        QVERIFY(wrappedAfter.ok() && wrappedAfter->has_value());
        QCOMPARE((*wrappedAfter)->keyId, (*wrappedBefore)->keyId);
        QVERIFY((*wrappedAfter)->wrapped != (*wrappedBefore)->wrapped);
        auto notes = services::NoteService(*c.service).list(before->front().id);
        QVERIFY2(notes.ok(), notes.ok() ? "" : notes.error().message.c_str());
        QCOMPARE(notes->size(), std::size_t{1});
        QCOMPARE(notes->front().text, unshared.text);
        c.service->logout();
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        auto identities = services::PatientService(*c.service).list();
        QVERIFY(identities.ok());
        QCOMPARE(identities->size(), std::size_t{27});
    }

    void doctorCannotRotate()
    {
        CLINIC(c);
        QVERIFY(c.login(kDoctor, kDoctorPw).ok());
        services::KeyService keys(*c.service);
        QCOMPARE(keys.rotate(KeyKind::DatabaseKey).error().code, ErrorCode::AccessDenied);
        const auto last = c.events().back().event;
        QCOMPARE(last.outcome, audit::AuditOutcome::SeriousFailure);
        QCOMPARE(last.objectId, std::string("DatabaseKey"));
        QCOMPARE(c.slotFile().updates().size(), std::size_t{0});
    }

    void interruptedRotationIsFinishedAtLogin()
    {
        CLINIC(c);
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        const crypto::SecureBytes oldDbk = c.currentDbk();
        // A crash after the key-slot file was written and before the rekey: simulate the first half.
        auto file = c.slotFile();
        access::KeyEntry next{KeyKind::DatabaseKey, 4711, 2, crypto::SystemRng::instance().secureBytes(32)};
        QVERIFY(file.postKeyUpdate(**c.service->keys(), next, std::nullopt).ok());
        QVERIFY(c.store->keySlots().save(file).ok());
        c.service->logout();
        QVERIFY(c.reopen().ok());
        auto login = c.login(kDoctor, kDoctorPw);
        QVERIFY2(login.ok(), login.ok() ? "" : login.error().message.c_str());
        QVERIFY(c.events().back().event.detail.find("interrupted database key rotation") != std::string::npos);
        c.service.reset();
        c.store.reset();
        QCOMPARE(openWith(c.dir() + "/clinic.db", oldDbk), ErrorCode::KeyMismatch);
        QCOMPARE(openWith(c.dir() + "/clinic.db", next.secret), ErrorCode::Internal);
    }

    void interruptedCategoryRotationIsFinishedAtLogin()
    {
        CLINIC(c);
        QVERIFY(c.login(kDoctor, kDoctorPw).ok());
        QVERIFY(services::ImportService(*c.service).importSynthea(QStringLiteral(CC_TEST_DATA_DIR "/synthea")).ok());
        auto patients = services::PatientService(*c.service).list();
        QVERIFY(patients.ok() && patients->size() == 27);
        const access::PatientId first = patients->front().id;
        model::ClinicalNote unshared;
        unshared.text = QStringLiteral("Confidential: wrapped under the clinical category key.");
        QVERIFY(services::NoteService(*c.service).add(first, unshared).ok());
        c.service->logout();

        // Identity: the key-slot file hands out the new key, the patients' keys stay under the old one.
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        {
            RolledBackRewrap crashed(*c.store);
            auto rotated = services::KeyService(*c.service).rotate(KeyKind::IdentityCategory, nullptr, &crashed);
            QVERIFY2(rotated.ok(), rotated.ok() ? "" : rotated.error().message.c_str());
        }
        QVERIFY(c.reopen().ok());
        auto login = c.login(kAdmin, kAdminPw);
        QVERIFY2(login.ok(), login.ok() ? "" : login.error().message.c_str());
        QVERIFY2(c.events().back().event.detail.find("finished an interrupted IdentityCategory rotation") !=
                     std::string::npos,
                 c.events().back().event.detail.c_str());
        auto names = services::PatientService(*c.service).list();
        QVERIFY2(names.ok(), names.ok() ? "" : names.error().message.c_str());
        QCOMPARE(names->size(), std::size_t{27});
        c.service->logout();
        // The doctor takes the same key from the mailbox: nothing left to finish, the chart opens.
        QVERIFY(c.login(kDoctor, kDoctorPw).ok());
        QVERIFY(c.events().back().event.detail.find("interrupted") == std::string::npos);
        QVERIFY(services::PatientService(*c.service).list().ok());
        c.service->logout();

        // Clinical, sponsored: the first doctor's login finishes it and moves the clinical pins.
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        services::Sponsor sponsor{kDoctor, crypto::SecureBytes(bytes(kDoctorPw))};
        {
            RolledBackRewrap crashed(*c.store);
            auto rotated = services::KeyService(*c.service).rotate(KeyKind::ClinicalCategory, &sponsor, &crashed);
            QVERIFY2(rotated.ok(), rotated.ok() ? "" : rotated.error().message.c_str());
        }
        QVERIFY(c.reopen().ok());
        login = c.login(kDoctor, kDoctorPw);
        QVERIFY2(login.ok(), login.ok() ? "" : login.error().message.c_str());
        QVERIFY2(c.events().back().event.detail.find("finished an interrupted ClinicalCategory rotation") !=
                     std::string::npos,
                 c.events().back().event.detail.c_str());
        auto chart = services::PatientService(*c.service).chart(first);
        QVERIFY2(chart.ok(), chart.ok() ? "" : chart.error().message.c_str());
        auto notes = services::NoteService(*c.service).list(first);
        QVERIFY2(notes.ok() && notes->size() == 1, notes.ok() ? "no note" : notes.error().message.c_str());
        QCOMPARE(notes->front().text, unshared.text);
        c.service->logout();
        // The pins followed the key: the next clinical rotation checks them under it and succeeds.
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        auto again = services::KeyService(*c.service).rotate(KeyKind::ClinicalCategory, &sponsor);
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QVERIFY(c.login(kDoctor, kDoctorPw).ok());
        QVERIFY(services::NoteService(*c.service).list(first).ok());
    }

    void recoveryRingLearnsRotatedKeys()
    {
        CLINIC(c);
        QVERIFY(c.login(kAdmin, kAdminPw).ok());
        services::KeyService keys(*c.service);
        auto rotated = keys.rotate(KeyKind::DatabaseKey);
        QVERIFY(rotated.ok());
        QVERIFY(c.reopen().ok());
        // Open the recovery blob with the recovery key rebuilt from two printed shares.
        std::vector<crypto::ShamirShare> shares;
        for (std::size_t i = 0; i < 2; ++i)
            shares.push_back(crypto::decodeShare(c.setup.recoveryShares[i]).value().share);
        auto recoveryKey = crypto::shamirCombine(shares, 2);
        QVERIFY(recoveryKey.ok());
        const auto file = c.slotFile();
        const auto& blob = c.setup.recoveryBlob;
        auto plain = crypto::Aead::open(*recoveryKey, crypto::Aead::keyIdOf(blob).value(), blob,
                                        services::recoveryAad(file.clinicId()));
        QVERIFY2(plain.ok(), plain.ok() ? "" : plain.error().message.c_str());
        auto ring = access::KeyRing::parse(plain->span());
        QVERIFY(ring.ok());
        QCOMPARE(ring->find(KeyKind::DatabaseKey)->version, 1u);
        auto applied = file.applyUpdates(access::kRecoveryRecipient, *ring);
        QVERIFY(applied.ok());
        QCOMPARE(*applied, std::size_t{1});
        QCOMPARE(ring->find(KeyKind::DatabaseKey)->keyId, rotated->keyId);
        QVERIFY(file.verifyMac(*ring).ok());
        const crypto::SecureBytes dbk = ring->find(KeyKind::DatabaseKey)->secret.clone();
        c.service.reset();
        c.store.reset();
        QCOMPARE(openWith(c.dir() + "/clinic.db", dbk), ErrorCode::Internal);
    }
};

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "TestKeyRotation.moc"
