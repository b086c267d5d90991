// SPDX-License-Identifier: GPL-3.0-or-later
// Key rotation proper (docs/KEYS.md section 8): the per-patient re-wrap, the rotation's write
// order, and the login-time finishing of a category rotation interrupted between the key-slot
// file and the re-wrap's commit.
#include "core/services/KeyService.h"

#include "core/records/PatientKeys.h"
#include "core/services/BoxKeyPins.h"
#include "core/services/IndexSealing.h"
#include "core/services/KeyServiceDetail.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cc::services {

using detail::metaObject;
using detail::notRotatedReason;

namespace {

std::vector<std::uint8_t> textBytes(const std::string& s)
{
    return {s.begin(), s.end()};
}

} // namespace

Status StoredPatientKeys::rewrap(access::KeyKind kind, const access::KeyEntry& oldKey, const access::KeyEntry& newKey)
{
    if (kind != access::KeyKind::IdentityCategory && kind != access::KeyKind::ClinicalCategory)
        return {};
    const bool identity = kind == access::KeyKind::IdentityCategory;
    const auto patientKind = identity ? records::PatientKeyKind::Identity : records::PatientKeyKind::Clinical;
    access::KeyRing oldRing;
    access::KeyRing newRing;
    CC_TRY(oldRing.add(kind, oldKey.keyId, oldKey.version, oldKey.secret.clone()));
    CC_TRY(newRing.add(kind, newKey.keyId, newKey.version, newKey.secret.clone()));
    auto transaction = m_backend.transactions().begin();
    if (!transaction)
        return std::move(transaction).error();
    m_transaction = std::move(transaction).value();
    auto rows = m_backend.patients().list();
    if (!rows)
        return std::move(rows).error();
    // A row already wrapped under the new key stays as it is: finishing a rotation that was
    // interrupted after some rows were written (docs/KEYS.md section 8) repeats the walk.
    const auto alreadyRewrapped = [&](const Error& e, records::PatientKeyKind k, const access::PatientId& id,
                                      std::uint32_t keyId, std::span<const std::uint8_t> wrapped) {
        return e.code == ErrorCode::KeyMismatch && records::PatientKeys::unwrap(newRing, k, id, keyId, wrapped).ok();
    };
    for (const auto& row : *rows) {
        const std::uint32_t keyId = identity ? row.identityKeyId : row.clinicalKeyId;
        const auto& current = identity ? row.identityKeyWrapped : row.clinicalKeyWrapped;
        auto key = records::PatientKeys::unwrap(oldRing, patientKind, row.id, keyId, current);
        if (!key && alreadyRewrapped(key.error(), patientKind, row.id, keyId, current))
            continue;
        if (!key)
            return std::move(key).error();
        auto wrapped = records::PatientKeys::wrap(newRing, patientKind, row.id, *key, m_rng);
        if (!wrapped)
            return std::move(wrapped).error();
        CC_TRY(m_backend.patients().updateWrappedKey(row.id, identity, *wrapped));
    }
    if (identity)
        return {};
    // Confidential keys (notes not shared with the patient) hang under the clinical category key too.
    auto confidential = m_backend.patients().confidentialKeys();
    if (!confidential)
        return std::move(confidential).error();
    for (const auto& row : *confidential) {
        auto key = records::PatientKeys::unwrap(oldRing, records::PatientKeyKind::Confidential, row.patientId,
                                                row.keyId, row.wrapped);
        if (!key &&
            alreadyRewrapped(key.error(), records::PatientKeyKind::Confidential, row.patientId, row.keyId, row.wrapped))
            continue;
        if (!key)
            return std::move(key).error();
        auto wrapped =
            records::PatientKeys::wrap(newRing, records::PatientKeyKind::Confidential, row.patientId, *key, m_rng);
        if (!wrapped)
            return std::move(wrapped).error();
        CC_TRY(m_backend.patients().updateConfidentialKey(row.patientId, *wrapped));
    }
    return {};
}

Status StoredPatientKeys::commit()
{
    if (!m_transaction)
        return {};
    auto done = m_transaction->commit();
    m_transaction.reset();
    return done;
}

Status KeyService::recordVersion(const access::KeyEntry& next)
{
    auto& meta = m_clinic.backend().meta();
    Status ok;
    QJsonObject versions = metaObject(meta, ports::meta::kKeyVersions, ok);
    if (!ok)
        return ok;
    versions.insert(QString::fromUtf8(access::keyKindName(next.kind).data()),
                    QJsonObject{{"id", static_cast<qint64>(next.keyId)},
                                {"version", static_cast<qint64>(next.version)},
                                {"created", static_cast<qint64>(m_clinic.clock().nowSeconds())}});
    const QByteArray json = QJsonDocument(versions).toJson(QJsonDocument::Compact);
    return meta.set(ports::meta::kKeyVersions, std::vector<std::uint8_t>(json.begin(), json.end()));
}

Status KeyService::repinClinical(const access::KeySlotFile& file, const access::KeyEntry& next,
                                 const std::array<std::uint8_t, 32>& recoveryPublic, const access::KeyEntry* checkUnder)
{
    auto& meta = m_clinic.backend().meta();
    auto pins = BoxKeyPins::load(meta);
    if (!pins)
        return std::move(pins).error();
    const access::ClinicId clinicId = file.clinicId();
    const auto move = [&](const access::UserId& id, std::uint8_t role, const std::array<std::uint8_t, 32>& key,
                          const std::string& who) -> Status {
        if (checkUnder != nullptr && !pins->check(PinKey::Clinical, *checkUnder, clinicId, id, role, key, who)) {
            // Not vouched for under the key being replaced: no clinical pin, so the next rotation
            // refuses this recipient and says what to do (docs/KEYS.md section 8).
            pins->forgetClinical(id);
            return {};
        }
        return pins->pin(PinKey::Clinical, next, clinicId, id, role, key);
    };
    for (const auto& a : file.listAccounts())
        if (a.role == access::Role::Doctor)
            CC_TRY(move(a.userId, pinRoleCode(a.role), file.slot(a.userName)->boxPublicKey,
                        "account '" + a.userName + "'"));
    CC_TRY(move(access::kRecoveryRecipient, pinRoleCode(std::nullopt), recoveryPublic, "the recovery ring"));
    return pins->save(meta);
}

Result<std::vector<std::string>> KeyService::finishInterruptedRotations(const access::KeyRing& ring,
                                                                        const std::vector<access::KeyEntry>& previous)
{
    std::vector<std::string> finished;
    auto& backend = m_clinic.backend();
    for (const access::KeyKind kind : {access::KeyKind::IdentityCategory, access::KeyKind::ClinicalCategory}) {
        const access::KeyEntry* now = ring.find(kind);
        if (now == nullptr)
            continue;
        Status ok;
        const QJsonObject versions = metaObject(backend.meta(), ports::meta::kKeyVersions, ok);
        if (!ok)
            return ok.error();
        const QString kindName = QString::fromUtf8(access::keyKindName(kind).data());
        const qint64 recorded = versions.value(kindName).toObject().value("id").toInteger(-1);
        // The key the database still records, among those this login's updates replaced (the last
        // rotation of a chain is the one that can have been interrupted). None: the rotations
        // committed, or the database records a key this slot never held — not ours to change.
        const auto found = std::find_if(previous.begin(), previous.end(), [&](const access::KeyEntry& k) {
            return k.kind == kind && static_cast<qint64>(k.keyId) == recorded && k.keyId != now->keyId;
        });
        if (found == previous.end())
            continue;
        const access::KeyEntry& before = *found;
        StoredPatientKeys stored(backend, m_clinic.rng());
        auto run = [&]() -> Status {
            CC_TRY(stored.rewrap(before.kind, before, *now));
            if (before.kind == access::KeyKind::ClinicalCategory) {
                auto recoveryPublic = detail::recoveryBoxKey(backend.meta());
                if (!recoveryPublic)
                    return std::move(recoveryPublic).error();
                auto file = backend.keySlots().load();
                if (!file)
                    return std::move(file).error();
                CC_TRY(repinClinical(*file, *now, *recoveryPublic, &before));
                CC_TRY(IndexSealing::followRotation(backend.meta(), file->clinicId(), before.secret, now->secret,
                                                    now->keyId));
            }
            CC_TRY(recordVersion(*now));
            return stored.commit();
        };
        if (auto done = run(); !done) {
            stored.abandon();
            return std::move(done).error();
        }
        CC_TRY(settlePending(kind));
        finished.emplace_back(access::keyKindName(kind));
    }
    return finished;
}

Result<RotationResult> KeyService::rotateUnaudited(access::KeyKind kind, const access::KeyRing* oldKeys,
                                                   PatientKeyRewrapper& rewrapper, access::KeyEntry* issued)
{
    using access::KeyKind;
    if (const std::string why = notRotatedReason(kind); !why.empty())
        return makeError(ErrorCode::Unsupported, std::string(access::keyKindName(kind)) + " is not rotated: " + why);
    auto mine = m_clinic.keys();
    if (!mine)
        return std::move(mine).error();
    auto& backend = m_clinic.backend();

    // The old key: from the session's own ring, or for the clinical key of an administrator's
    // rotation from a sponsoring doctor's (an administrator never holds it; DESIGN.md section 4).
    const access::KeyEntry* old = (oldKeys != nullptr ? *oldKeys : **mine).find(kind);
    if (old == nullptr)
        return makeError(ErrorCode::KeyMismatch, "the key ring holds no " + std::string(access::keyKindName(kind)));

    Status ok;
    const QJsonObject versions = metaObject(backend.meta(), ports::meta::kKeyVersions, ok);
    if (!ok)
        return ok.error();
    auto recoveryKey = detail::recoveryBoxKey(backend.meta());
    if (!recoveryKey)
        return std::move(recoveryKey).error();
    const std::array<std::uint8_t, 32> recoveryPublic = *recoveryKey;

    const QString kindName = QString::fromUtf8(access::keyKindName(kind).data());
    const auto recorded = static_cast<std::uint32_t>(versions.value(kindName).toObject().value("version").toInteger());
    access::KeyEntry next;
    next.kind = kind;
    next.version = std::max(old->version, recorded) + 1;
    do {
        next.keyId = static_cast<std::uint32_t>(m_clinic.rng().uniform(0xFFFFFFFEull)) + 1;
    } while (next.keyId == old->keyId);
    next.secret = m_clinic.rng().secureBytes(32);

    auto file = backend.keySlots().load();
    if (!file)
        return std::move(file).error();
    const access::KeySlotFile before = *file;
    // Issue 10 item 3: every recipient's box public key must match its pin before anything is
    // sealed to it — a clinical key under the clinical key being replaced (administrators cannot
    // forge that pin), every other kind under the administrators' signing key (doctors and
    // patients cannot). docs/KEYS.md section 8, "Pinning the public keys".
    auto pins = BoxKeyPins::load(backend.meta());
    if (!pins)
        return std::move(pins).error();
    const PinKey pinWhich = kind == KeyKind::ClinicalCategory ? PinKey::Clinical : PinKey::Administrators;
    const access::KeyEntry* pinKey = kind == KeyKind::ClinicalCategory ? old : (*mine)->find(KeyKind::ClinicSigning);
    if (pinKey == nullptr)
        return makeError(ErrorCode::AccessDenied, "checking the recipients' pinned box public keys needs the clinic "
                                                  "signing key (an administrator's session)");
    const access::ClinicId clinicId = file->clinicId();
    const access::RecipientCheck checkPin = [&](const access::UserId& id, const std::optional<access::Role>& role,
                                                std::string_view userName, const std::array<std::uint8_t, 32>& key) {
        const std::string who = role ? "account '" + std::string(userName) + "'" : std::string("the recovery ring");
        return pins->check(pinWhich, *pinKey, clinicId, id, pinRoleCode(role), key, who);
    };
    if (kind != KeyKind::DatabaseKey)
        CC_TRY(rewrapper.rewrap(kind, *old, next));
    auto posted = file->postKeyUpdate(**mine, next, recoveryPublic, old, checkPin);
    if (!posted)
        return std::move(posted).error();
    // The clinical pins follow the new key (written inside the re-wrap's transaction).
    // So does the index writer: linked from the old writer, which re-signs the seal under the new
    // one (docs/RECORDS.md, "The index seal"); a doctor who left cannot sign after this rotation.
    if (kind == KeyKind::ClinicalCategory) {
        CC_TRY(repinClinical(*file, next, recoveryPublic, nullptr));
        CC_TRY(IndexSealing::followRotation(backend.meta(), clinicId, old->secret, next.secret, next.keyId));
    }
    // The new version is recorded inside the re-wrap's transaction as well, so "the database
    // records key K" and "the patients' keys are wrapped under K" commit together: a login that
    // took K from the mailbox while the database still records its predecessor knows the rotation
    // was interrupted and finishes it (finishInterruptedRotations). A DBK rotation has no
    // transaction: its version follows the rekey.
    if (kind != KeyKind::DatabaseKey)
        CC_TRY(recordVersion(next));
    // Mailbox first, then the database: a crash in between leaves a file whose updates name a DBK
    // the database does not use yet, which the next login detects and finishes (docs/KEYS.md 8).
    CC_TRY(backend.keySlots().save(*file));
    if (kind == KeyKind::DatabaseKey) {
        if (auto rekeyed = backend.maintenance().rekey(next.secret); !rekeyed) {
            // Nobody may receive a DBK the database does not use: put the previous file back.
            if (auto restored = backend.keySlots().save(before); !restored)
                return makeError(ErrorCode::StorageError, "the database rekey failed (" + rekeyed.error().message +
                                                              ") and the key-slot file could not be restored (" +
                                                              restored.error().message + ")");
            return std::move(rekeyed).error();
        }
    }
    if (auto committed = rewrapper.commit(); !committed) {
        // The patients' keys stay wrapped under the old key: nobody may receive the new one.
        if (auto restored = backend.keySlots().save(before); !restored)
            return makeError(ErrorCode::StorageError,
                             "re-wrapping the patients' keys failed (" + committed.error().message +
                                 ") and the key-slot file could not be restored (" + restored.error().message + ")");
        return std::move(committed).error();
    }
    CC_TRY(backend.meta().set(ports::meta::kKeySlotGeneration, textBytes(std::to_string(file->generation()))));
    if (kind == KeyKind::DatabaseKey)
        CC_TRY(recordVersion(next));

    RotationResult out;
    out.name = std::string(access::keyKindName(kind));
    out.keyId = next.keyId;
    out.version = next.version;
    out.recipients = *posted;
    // The session's ring holds the old key, which no longer opens the database (DBK) or the
    // patients' wrapped keys (category keys): log in again to take the new one from the mailbox.
    out.sessionEnded = true;
    if (issued != nullptr)
        *issued = access::KeyEntry{next.kind, next.keyId, next.version, next.secret.clone()};
    return out;
}

} // namespace cc::services
