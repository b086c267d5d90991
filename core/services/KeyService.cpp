// SPDX-License-Identifier: GPL-3.0-or-later
// Key status, idle timeout and key rotation through the key-slot file's mailbox.
#include "core/services/KeyService.h"

#include "core/records/PatientKeys.h"

#include "core/access/KeyKind.h"
#include "core/access/LoginThrottle.h"
#include "core/crypto/Hex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;

namespace {

QJsonObject metaObject(ports::ClinicMetaStore& meta, std::string_view name, Status& status)
{
    auto stored = meta.get(name);
    if (!stored) {
        status = std::move(stored).error();
        return {};
    }
    if (!stored->has_value())
        return {};
    const auto& b = **stored;
    return QJsonDocument::fromJson(
               QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())))
        .object();
}

std::vector<std::uint8_t> textBytes(const std::string& s)
{
    return {s.begin(), s.end()};
}

/// Why a kind is not rotated (yet); empty if it is.
std::string notRotatedReason(access::KeyKind kind)
{
    switch (kind) {
    case access::KeyKind::DatabaseKey:
    case access::KeyKind::IdentityCategory:
    case access::KeyKind::ClinicalCategory:
        return {};
    case access::KeyKind::Index:
        return "rotating the index key would re-tokenise every blind token and re-MAC every Paillier value";
    case access::KeyKind::AuditRoot:
        return "rotating the audit root key needs a verified chain checkpoint to restart the chain from";
    case access::KeyKind::ClinicSigning:
        return "rotating the clinic signing key needs every signed report, manifest and anchor re-signed";
    default:
        return "this key belongs to one account or custodian and is not rotated by the clinic";
    }
}

} // namespace

Result<std::vector<KeyStatus>> KeyService::status()
{
    const AuditSubject subject =
        makeSubject(AuditEventId::SecurityAlert, AuditEventType::None, AuditAction::Read, "Key", {}, "key status");
    CC_TRY(m_clinic.authorize(Permission::ManageKeys, subject));
    auto file = m_clinic.backend().keySlots().load();
    if (!file)
        return std::move(file).error();
    Status ok;
    const QJsonObject versions = metaObject(m_clinic.backend().meta(), ports::meta::kKeyVersions, ok);
    const QJsonObject threshold = metaObject(m_clinic.backend().meta(), ports::meta::kReportThreshold, ok);
    const QJsonObject recovery = metaObject(m_clinic.backend().meta(), ports::meta::kRecovery, ok);
    if (!ok)
        return ok.error();
    const auto accounts = file->listAccounts();
    const std::int64_t now = m_clinic.clock().nowSeconds();

    std::vector<KeyStatus> out;
    auto add = [&](const QString& name, std::vector<std::string> holders) {
        const QJsonObject v = versions.value(name).toObject();
        KeyStatus s;
        s.name = name.toStdString();
        const QJsonValue id = v.value("id");
        s.id = id.isString() ? id.toString().toStdString() : std::to_string(id.toInteger());
        s.version = static_cast<unsigned>(v.value("version").toInteger());
        s.createdAt = v.value("created").toInteger();
        s.ageDays = (now - s.createdAt) / 86400;
        s.holders = std::move(holders);
        out.push_back(std::move(s));
    };
    for (access::KeyKind kind : access::kAllKeyKinds) {
        if (kind == access::KeyKind::PaillierShare || kind == access::KeyKind::PatientIdentity ||
            kind == access::KeyKind::PatientClinical || kind == access::KeyKind::UserBox ||
            kind == access::KeyKind::ConsentTokens || kind == access::KeyKind::ReportKeyPin)
            continue;
        std::vector<std::string> holders;
        for (const auto& a : accounts) {
            const auto kinds = access::keyKindsForRole(a.role, false);
            if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
                holders.push_back(a.userName + " (" + std::string(access::roleName(a.role)) + ")");
        }
        // The recovery ring holds every clinic key, the database key included (SetupService).
        holders.push_back("recovery ring (" + std::to_string(recovery.value("threshold").toInteger()) + "-of-" +
                          std::to_string(recovery.value("shares").toInteger()) + " recovery shares)");
        add(QString::fromUtf8(access::keyKindName(kind).data()), std::move(holders));
    }
    std::vector<std::string> custodians;
    for (const auto& c : threshold.value("custodians").toArray())
        custodians.push_back(c.toObject().value("name").toString().toStdString() + " (share " +
                             std::to_string(c.toObject().value("index").toInteger()) + ")");
    const QJsonObject params = threshold.value("parameters").toObject();
    custodians.push_back("decrypts with " + std::to_string(params.value("threshold").toInteger()) + " of " +
                         std::to_string(params.value("parties").toInteger()) + " custodians");
    add("ReportKey", std::move(custodians));
    add("RecoveryKey", {"nobody whole: " + std::to_string(recovery.value("threshold").toInteger()) + " of " +
                        std::to_string(recovery.value("shares").toInteger()) + " printed shares"});
    CC_TRY(m_clinic.record(subject));
    return out;
}

Status KeyService::setIdleTimeout(std::chrono::minutes minutes)
{
    const AuditSubject subject =
        makeSubject(AuditEventId::SecurityAlert, AuditEventType::SecurityConfiguration, AuditAction::Update, "Setting",
                    "idle_timeout", "idle lock after " + std::to_string(minutes.count()) + " minutes");
    CC_TRY(m_clinic.authorize(Permission::SetIdleTimeout, subject));
    auto run = [&]() -> Status {
        CC_TRY(access::Session::validateIdleTimeout(minutes));
        const std::string text = std::to_string(minutes.count());
        CC_TRY(m_clinic.backend().meta().set(ports::meta::kIdleTimeoutMinutes,
                                             std::vector<std::uint8_t>(text.begin(), text.end())));
        return m_clinic.session()->setIdleTimeout(minutes);
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure));
    return result;
}

Result<RotationResult> KeyService::rotate(access::KeyKind kind, const Sponsor* sponsor, PatientKeyRewrapper* rewrapper)
{
    const std::string name(access::keyKindName(kind));
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::SecurityConfiguration,
                                       AuditAction::Update, "Key", name, "rotate " + name);
    CC_TRY(m_clinic.authorize(Permission::ManageKeys, subject));
    StoredPatientKeys stored(m_clinic.backend(), m_clinic.rng());
    auto result = rotateUnaudited(kind, sponsor, rewrapper ? *rewrapper : stored);
    if (result) {
        subject.objectId = std::to_string(result->keyId);
        subject.detail += " to version " + std::to_string(result->version) + ", sealed for " +
                          std::to_string(result->recipients) + " recipient(s) incl. the recovery ring";
    } else {
        subject.detail += ": " + result.error().message;
    }
    if (sponsor != nullptr && !sponsor->name.empty())
        subject.detail += ", sponsored by doctor " + sponsor->name;
    CC_TRY(m_clinic.record(subject, result ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure));
    if (result && result->sessionEnded)
        m_clinic.logout(); // the session's ring holds the old key; its own update waits in the mailbox
    return result;
}

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
    for (const auto& row : *rows) {
        auto key =
            records::PatientKeys::unwrap(oldRing, patientKind, row.id, identity ? row.identityKeyId : row.clinicalKeyId,
                                         identity ? row.identityKeyWrapped : row.clinicalKeyWrapped);
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

Result<RotationResult> KeyService::rotateUnaudited(access::KeyKind kind, const Sponsor* sponsor,
                                                   PatientKeyRewrapper& rewrapper)
{
    using access::KeyKind;
    if (const std::string why = notRotatedReason(kind); !why.empty())
        return makeError(ErrorCode::Unsupported, std::string(access::keyKindName(kind)) + " is not rotated: " + why);
    auto mine = m_clinic.keys();
    if (!mine)
        return std::move(mine).error();
    auto& backend = m_clinic.backend();

    // The old key: from the administrator's own ring, or for the clinical key from a sponsoring
    // doctor's (an administrator never holds it; DESIGN.md section 4).
    std::optional<access::KeyRing> sponsorRing;
    if (kind == KeyKind::ClinicalCategory) {
        if (sponsor == nullptr || sponsor->name.empty())
            return makeError(ErrorCode::InvalidArgument, "rotating the clinical key needs a sponsoring doctor "
                                                         "(administrators never hold the clinical key)");
        auto file = backend.keySlots().load();
        if (!file)
            return std::move(file).error();
        auto login = access::attemptLogin(*file, sponsor->name, sponsor->password.span(), m_clinic.clock(),
                                          m_clinic.rng(), m_clinic.options().kdf);
        if (file->dirty())
            CC_TRY(backend.keySlots().save(*file));
        if (!login)
            return std::move(login).error();
        if (login->role != access::Role::Doctor)
            return makeError(ErrorCode::InvalidArgument, "the sponsor '" + sponsor->name + "' is not a doctor");
        sponsorRing = std::move(login->ring);
    }
    const access::KeyEntry* old = (sponsorRing ? *sponsorRing : **mine).find(kind);
    if (old == nullptr)
        return makeError(ErrorCode::KeyMismatch, "the key ring holds no " + std::string(access::keyKindName(kind)));

    Status ok;
    QJsonObject versions = metaObject(backend.meta(), ports::meta::kKeyVersions, ok);
    const QJsonObject recovery = metaObject(backend.meta(), ports::meta::kRecovery, ok);
    if (!ok)
        return ok.error();
    auto recoveryKey = crypto::hexDecode(recovery.value("boxPublicKey").toString().toStdString());
    if (!recoveryKey || recoveryKey->size() != 32)
        return makeError(ErrorCode::IntegrityFailure, "the clinic's recovery record has no valid box public key");
    std::array<std::uint8_t, 32> recoveryPublic{};
    std::copy(recoveryKey->begin(), recoveryKey->end(), recoveryPublic.begin());

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
    if (kind != KeyKind::DatabaseKey)
        CC_TRY(rewrapper.rewrap(kind, *old, next));
    auto posted = file->postKeyUpdate(**mine, next, recoveryPublic, old);
    if (!posted)
        return std::move(posted).error();
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
    versions.insert(kindName, QJsonObject{{"id", static_cast<qint64>(next.keyId)},
                                          {"version", static_cast<qint64>(next.version)},
                                          {"created", static_cast<qint64>(m_clinic.clock().nowSeconds())}});
    const QByteArray json = QJsonDocument(versions).toJson(QJsonDocument::Compact);
    CC_TRY(backend.meta().set(ports::meta::kKeyVersions, std::vector<std::uint8_t>(json.begin(), json.end())));

    RotationResult out;
    out.name = std::string(access::keyKindName(kind));
    out.keyId = next.keyId;
    out.version = next.version;
    out.recipients = *posted;
    // The session's ring holds the old key, which no longer opens the database (DBK) or the
    // patients' wrapped keys (category keys): log in again to take the new one from the mailbox.
    out.sessionEnded = true;
    return out;
}

} // namespace cc::services
