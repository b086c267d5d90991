// SPDX-License-Identifier: GPL-3.0-or-later
// Key status, idle timeout and key rotation through the key-slot file's mailbox.
#include "core/services/KeyService.h"
#include "core/services/Audited.h"
#include "core/services/KeyServiceDetail.h"

#include "core/services/BoxKeyPins.h"

#include "core/access/KeyKind.h"
#include "core/access/LoginThrottle.h"
#include "core/crypto/Hex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cc::services {

using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;

namespace detail {

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

Result<std::array<std::uint8_t, 32>> recoveryBoxKey(ports::ClinicMetaStore& meta)
{
    Status ok;
    const QJsonObject recovery = metaObject(meta, ports::meta::kRecovery, ok);
    if (!ok)
        return ok.error();
    auto key = crypto::hexDecode(recovery.value("boxPublicKey").toString().toStdString());
    if (!key || key->size() != 32)
        return makeError(ErrorCode::IntegrityFailure, "the clinic's recovery record has no valid box public key");
    std::array<std::uint8_t, 32> out{};
    std::copy(key->begin(), key->end(), out.begin());
    return out;
}

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

} // namespace detail

using detail::metaObject;
using detail::notRotatedReason;

namespace {

constexpr std::string_view kPendingRotations = "pending_rotations";
/// Reasons kept per pending kind (the audit trail keeps every one).
constexpr std::size_t kMaxPendingReasons = 64;

Result<std::vector<PendingRotation>> loadPending(ports::ClinicMetaStore& meta)
{
    auto stored = meta.get(kPendingRotations);
    if (!stored)
        return std::move(stored).error();
    std::vector<PendingRotation> out;
    if (!stored->has_value())
        return out;
    const auto& b = **stored;
    QJsonParseError parsed{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())), &parsed);
    const auto damaged = [](const std::string& what) {
        return makeError(
            ErrorCode::IntegrityFailure,
            "the list of pending key rotations in the database is damaged (meta pending_rotations: " + what + ")");
    };
    if (parsed.error != QJsonParseError::NoError || !doc.isArray())
        return damaged("not a JSON array");
    for (const auto& v : doc.array()) {
        const QJsonObject o = v.toObject();
        const std::string kindName = o.value("kind").toString().toStdString();
        auto kind = access::keyKindFromName(kindName);
        if (!kind || !notRotatedReason(*kind).empty())
            return damaged("field kind: '" + kindName + "' is not a rotated key");
        if (!o.value("since").isDouble() || !o.value("reasons").isArray())
            return damaged("entry " + kindName + ": fields since and reasons are required");
        PendingRotation p{*kind, o.value("since").toInteger(), {}};
        for (const auto& r : o.value("reasons").toArray())
            p.reasons.push_back(r.toString().toStdString());
        out.push_back(std::move(p));
    }
    return out;
}

Status storePending(ports::ClinicMetaStore& meta, const std::vector<PendingRotation>& pending)
{
    QJsonArray array;
    for (const auto& p : pending) {
        QJsonArray reasons;
        for (const auto& r : p.reasons)
            reasons.append(QString::fromStdString(r));
        array.append(QJsonObject{{"kind", QString::fromUtf8(access::keyKindName(p.kind).data())},
                                 {"since", static_cast<qint64>(p.since)},
                                 {"reasons", reasons}});
    }
    const QByteArray json = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return meta.set(kPendingRotations, std::vector<std::uint8_t>(json.begin(), json.end()));
}

/// A refused pin (a replaced box public key) or a forged update is an attack: serious and flagged
/// for review; any other failure is minor.
audit::AuditOutcome rotationOutcome(AuditSubject& subject, const Result<RotationResult>& result)
{
    if (result)
        return audit::AuditOutcome::Success;
    if (result.error().code != ErrorCode::IntegrityFailure)
        return audit::AuditOutcome::MinorFailure;
    subject.flagged = true;
    return audit::AuditOutcome::SeriousFailure;
}

/// Completes a rotation's audit detail with what happened and, for a revocation, why.
void describeRotation(AuditSubject& subject, const Result<RotationResult>& result, const std::string& why)
{
    if (result) {
        subject.objectId = std::to_string(result->keyId);
        subject.detail += " to version " + std::to_string(result->version) + ", sealed for " +
                          std::to_string(result->recipients) + " recipient(s) incl. the recovery ring";
    } else {
        subject.detail += ": " + result.error().message;
    }
    if (!why.empty())
        subject.detail += " (revoking: " + why + ")";
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
            kind == access::KeyKind::ConsentTokens || kind == access::KeyKind::ReportKeyPin ||
            kind == access::KeyKind::IndexWriterPin)
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
                            std::to_string(recovery.value("shares").toInteger()) + " printed shares",
                        "replaced with k of them: the recovery window (cipherchart --recover) or "
                        "`cipherchart-cli keys reissue-shares`"});
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
    auto run = [&]() -> Result<RotationResult> {
        std::optional<access::KeyRing> sponsorRing;
        if (kind == access::KeyKind::ClinicalCategory && notRotatedReason(kind).empty()) {
            auto ring = sponsorKeys(sponsor);
            if (!ring)
                return std::move(ring).error();
            sponsorRing = std::move(ring).value();
        }
        return rotateUnaudited(kind, sponsorRing ? &*sponsorRing : nullptr, rewrapper ? *rewrapper : stored);
    };
    auto result = run();
    if (!result)
        (rewrapper ? *rewrapper : static_cast<PatientKeyRewrapper&>(stored)).abandon();
    describeRotation(subject, result, {});
    if (sponsor != nullptr && !sponsor->name.empty())
        subject.detail += ", sponsored by doctor " + sponsor->name;
    subject.detail = audit::fitDetail(std::move(subject.detail));
    CC_TRY(recordOutcome(m_clinic, subject, rotationOutcome(subject, result), result));
    if (result)
        CC_TRY(settlePending(kind));
    if (result && result->sessionEnded)
        m_clinic.logout(); // the session's ring holds the old key; its own update waits in the mailbox
    return result;
}

Result<access::KeyRing> KeyService::sponsorKeys(const Sponsor* sponsor)
{
    if (sponsor == nullptr || sponsor->name.empty())
        return makeError(ErrorCode::InvalidArgument, "rotating the clinical key needs a sponsoring doctor "
                                                     "(administrators never hold the clinical key)");
    auto& backend = m_clinic.backend();
    auto file = backend.keySlots().load();
    if (!file)
        return std::move(file).error();
    auto login = access::attemptLogin(*file, sponsor->name, sponsor->password.span(), m_clinic.clock(), m_clinic.rng(),
                                      m_clinic.options().kdf);
    if (file->dirty())
        CC_TRY(backend.keySlots().save(*file));
    if (!login)
        return std::move(login).error();
    if (login->role != access::Role::Doctor)
        return makeError(ErrorCode::InvalidArgument, "the sponsor '" + sponsor->name + "' is not a doctor");
    return std::move(login->ring);
}

Result<std::vector<PendingRotation>> KeyService::pendingRotations()
{
    auto session = m_clinic.session();
    if (session == nullptr)
        return makeError(ErrorCode::AccessDenied, "nobody is logged in");
    CC_TRY(session->requireActive());
    if (session->role() == access::Role::Patient)
        return makeError(ErrorCode::AccessDenied, "pending key rotations are staff business");
    return loadPending(m_clinic.backend().meta());
}

Status KeyService::addPending(const std::vector<access::KeyKind>& kinds, const std::string& reason)
{
    auto pending = loadPending(m_clinic.backend().meta());
    if (!pending)
        return std::move(pending).error();
    const std::int64_t now = m_clinic.clock().nowSeconds();
    for (access::KeyKind kind : kinds) {
        if (!notRotatedReason(kind).empty())
            continue;
        auto it =
            std::find_if(pending->begin(), pending->end(), [&](const PendingRotation& p) { return p.kind == kind; });
        if (it == pending->end()) {
            pending->push_back(PendingRotation{kind, now, {}});
            it = pending->end() - 1;
        }
        if (it->reasons.size() < kMaxPendingReasons)
            it->reasons.push_back(reason);
    }
    return storePending(m_clinic.backend().meta(), *pending);
}

Status KeyService::settlePending(access::KeyKind kind)
{
    auto pending = loadPending(m_clinic.backend().meta());
    if (!pending)
        return std::move(pending).error();
    const auto before = pending->size();
    std::erase_if(*pending, [&](const PendingRotation& p) { return p.kind == kind; });
    if (pending->size() == before)
        return {};
    return storePending(m_clinic.backend().meta(), *pending);
}

Result<RotationResult> KeyService::rotateAndAdopt(access::KeyKind kind, const access::KeyRing* oldKeys,
                                                  const std::string& why, const std::string& sponsorName)
{
    const std::string name(access::keyKindName(kind));
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::SecurityConfiguration,
                                       AuditAction::Update, "Key", name, "rotate " + name);
    StoredPatientKeys stored(m_clinic.backend(), m_clinic.rng());
    access::KeyEntry issued;
    auto result = rotateUnaudited(kind, oldKeys, stored, &issued);
    if (!result)
        stored.abandon();
    if (result) {
        // This session drew the new key: it takes it now instead of ending (its slot takes it from
        // the mailbox at the next login, authenticated under the key the slot still holds).
        if (auto ring = m_clinic.keys(); ring && (*ring)->has(kind)) {
            if (auto adopted = m_clinic.session()->adoptRotatedKey(issued); !adopted)
                result = std::move(adopted).error();
        }
        if (result)
            result->sessionEnded = false;
    }
    describeRotation(subject, result, why);
    if (!sponsorName.empty())
        subject.detail += ", sponsored by doctor " + sponsorName;
    subject.detail = audit::fitDetail(std::move(subject.detail));
    CC_TRY(recordOutcome(m_clinic, subject, rotationOutcome(subject, result), result));
    if (result)
        CC_TRY(settlePending(kind));
    return result;
}

Result<Revocation> KeyService::revoke(const std::vector<access::KeyKind>& held, const std::string& reason,
                                      const Sponsor* sponsor)
{
    using access::KeyKind;
    auto* session = m_clinic.session();
    if (session == nullptr || session->role() != access::Role::Administrator)
        return makeError(ErrorCode::AccessDenied, "only an administrator revokes an account's keys");
    CC_TRY(addPending(held, reason));
    Revocation out;
    for (KeyKind kind : held)
        if (const std::string why = notRotatedReason(kind);
            !why.empty() && kind != KeyKind::UserBox && kind != KeyKind::PatientIdentity &&
            kind != KeyKind::PatientClinical && kind != KeyKind::ConsentTokens && kind != KeyKind::ReportKeyPin &&
            kind != KeyKind::IndexWriterPin)
            out.notRotated.push_back(std::string(access::keyKindName(kind)) + ": " + why);
    auto holds = [&](KeyKind k) { return std::find(held.begin(), held.end(), k) != held.end(); };
    // Clinical first (needs a sponsor), then the identity key, then the DBK: the DBK rekey is the
    // slowest step and the others do not depend on it.
    if (holds(KeyKind::ClinicalCategory) && sponsor != nullptr && !sponsor->name.empty()) {
        auto ring = sponsorKeys(sponsor);
        auto rotated = ring ? rotateAndAdopt(KeyKind::ClinicalCategory, &*ring, reason, sponsor->name)
                            : Result<RotationResult>(std::move(ring).error());
        if (!rotated)
            out.problem = "ClinicalCategory: " + rotated.error().message;
        else
            out.rotated.push_back(std::move(rotated).value());
    }
    for (KeyKind kind : {KeyKind::IdentityCategory, KeyKind::DatabaseKey}) {
        if (!holds(kind) || !out.problem.empty())
            continue;
        auto rotated = rotateAndAdopt(kind, nullptr, reason, {});
        if (!rotated)
            out.problem = std::string(access::keyKindName(kind)) + ": " + rotated.error().message;
        else
            out.rotated.push_back(std::move(rotated).value());
    }
    auto pending = loadPending(m_clinic.backend().meta());
    if (!pending)
        return std::move(pending).error();
    out.pending = std::move(pending).value();
    return out;
}

Result<std::vector<std::string>> KeyService::pinUnpinned()
{
    const access::Session* session = m_clinic.session();
    const bool doctor = session != nullptr && session->role() == access::Role::Doctor;
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::SecurityConfiguration,
                                       AuditAction::Update, "Key", "box-key-pins", "pin unpinned box public keys");
    CC_TRY(m_clinic.authorize(doctor ? Permission::WriteChart : Permission::ManageKeys, subject));
    auto run = [&]() -> Result<std::vector<std::string>> {
        auto mine = m_clinic.keys();
        CC_TRY(mine);
        const PinKey which = doctor ? PinKey::Clinical : PinKey::Administrators;
        const access::KeyEntry* pinKey = (*mine)->find(pinKeyKind(which));
        if (pinKey == nullptr)
            return makeError(ErrorCode::AccessDenied, "this session holds no key to pin with");
        auto& backend = m_clinic.backend();
        auto file = backend.keySlots().load();
        CC_TRY(file);
        auto pins = BoxKeyPins::load(backend.meta());
        CC_TRY(pins);
        auto recoveryKey = detail::recoveryBoxKey(backend.meta());
        CC_TRY(recoveryKey);
        const std::array<std::uint8_t, 32> recoveryPublic = *recoveryKey;
        std::vector<std::string> pinned;
        for (const auto& a : file->listAccounts()) {
            if ((doctor && a.role != access::Role::Doctor) || pins->has(which, a.userId))
                continue;
            CC_TRY(pins->pin(which, *pinKey, file->clinicId(), a.userId, pinRoleCode(a.role),
                             file->slot(a.userName)->boxPublicKey));
            pinned.push_back(a.userName);
        }
        if (!pins->has(which, access::kRecoveryRecipient)) {
            CC_TRY(pins->pin(which, *pinKey, file->clinicId(), access::kRecoveryRecipient, pinRoleCode(std::nullopt),
                             recoveryPublic));
            pinned.emplace_back("recovery ring");
        }
        if (!pinned.empty())
            CC_TRY(pins->save(backend.meta()));
        return pinned;
    };
    auto result = run();
    if (result) {
        std::string names;
        for (const auto& n : *result)
            names += (names.empty() ? "" : ", ") + n;
        subject.detail += result->empty() ? ": every recipient was pinned already" : ": " + names;
        subject.flagged = !result->empty(); // trusting keys as they are now is worth a second look
    } else {
        subject.detail += ": " + result.error().message;
    }
    subject.detail = audit::fitDetail(std::move(subject.detail));
    CC_TRY(m_clinic.record(subject, result ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure));
    return result;
}

Result<std::vector<RotationResult>> KeyService::performPending()
{
    using access::KeyKind;
    auto* session = m_clinic.session();
    if (session == nullptr)
        return makeError(ErrorCode::AccessDenied, "nobody is logged in");
    auto pending = loadPending(m_clinic.backend().meta());
    if (!pending)
        return std::move(pending).error();
    std::vector<RotationResult> done;
    // A doctor performs the clinical key (administrators never hold it); an administrator the others.
    const std::vector<KeyKind> charged = session->role() == access::Role::Doctor
                                             ? std::vector<KeyKind>{KeyKind::ClinicalCategory}
                                         : session->role() == access::Role::Administrator
                                             ? std::vector<KeyKind>{KeyKind::IdentityCategory, KeyKind::DatabaseKey}
                                             : std::vector<KeyKind>{};
    for (KeyKind kind : charged) {
        auto it =
            std::find_if(pending->begin(), pending->end(), [&](const PendingRotation& p) { return p.kind == kind; });
        if (it == pending->end())
            continue;
        std::string why = "pending since " + std::to_string(it->since) + ": ";
        for (std::size_t i = 0; i < it->reasons.size(); ++i)
            why += (i ? "; " : "") + it->reasons[i];
        auto rotated = rotateAndAdopt(kind, nullptr, why, {});
        if (!rotated)
            return std::move(rotated).error();
        done.push_back(std::move(rotated).value());
    }
    return done;
}

} // namespace cc::services
