// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/AccountService.h"

#include "core/access/LoginThrottle.h"
#include "core/crypto/Hex.h"
#include "core/records/PatientKeys.h"
#include "core/services/BoxKeyPins.h"
#include "core/services/ConsentService.h"
#include "core/services/KeyService.h"
#include "core/services/PatientService.h"
#include "core/services/PortalService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cc::services {

using access::KeyKind;
using access::Permission;
using access::Role;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;

namespace {

constexpr std::string_view kDisabledAccounts = "disabled_accounts";

AuditSubject accountSubject(AuditAction action, const std::string& name, std::string detail)
{
    return makeSubject(AuditEventId::SecurityAlert, AuditEventType::UserSecurityAttributesChanged, action, "User", name,
                       std::move(detail));
}

std::vector<std::uint8_t> jsonBytes(const QJsonDocument& doc)
{
    const QByteArray b = doc.toJson(QJsonDocument::Compact);
    return {b.begin(), b.end()};
}

QJsonDocument jsonOf(const std::vector<std::uint8_t>& bytes)
{
    return QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())));
}

/// Names of the report-key custodians, from the ceremony's record in the database.
Result<std::vector<std::string>> custodianNames(ports::ClinicMetaStore& meta)
{
    auto stored = meta.get(ports::meta::kReportThreshold);
    if (!stored)
        return std::move(stored).error();
    std::vector<std::string> names;
    if (stored->has_value())
        for (const auto& c : jsonOf(**stored).object().value("custodians").toArray())
            names.push_back(c.toObject().value("name").toString().toStdString());
    return names;
}

/// The audit detail of a revocation: what was rotated, what waits and what is not rotated.
std::string describeRevocation(const Revocation& r)
{
    std::string out = "keys revoked:";
    if (r.rotated.empty())
        out += " none rotated now";
    for (std::size_t i = 0; i < r.rotated.size(); ++i)
        out += (i ? ", " : " ") + r.rotated[i].name + " rotated to version " + std::to_string(r.rotated[i].version);
    for (const auto& p : r.pending)
        out += "; " + std::string(access::keyKindName(p.kind)) + " rotation pending" +
               (p.kind == KeyKind::ClinicalCategory ? " (the next doctor's login performs it)" : "");
    for (const auto& n : r.notRotated)
        out += "; not rotated: " + n;
    if (!r.problem.empty())
        out += "; rotation failed, still pending: " + r.problem;
    return out;
}

} // namespace

Result<std::vector<AccountService::Disabled>> AccountService::disabledAccounts()
{
    auto stored = m_clinic.backend().meta().get(kDisabledAccounts);
    if (!stored)
        return std::move(stored).error();
    std::vector<Disabled> out;
    if (!stored->has_value())
        return out;
    for (const auto& v : jsonOf(**stored).array()) {
        const QJsonObject o = v.toObject();
        Disabled d;
        auto id = crypto::hexDecode(o.value("id").toString().toStdString());
        auto role = access::roleFromName(o.value("role").toString().toStdString());
        if (!id || id->size() != d.userId.size() || !role)
            return makeError(ErrorCode::IntegrityFailure, "the list of disabled accounts in the database is damaged");
        std::copy(id->begin(), id->end(), d.userId.begin());
        d.name = o.value("name").toString().toStdString();
        d.role = *role;
        out.push_back(std::move(d));
    }
    return out;
}

Status AccountService::storeDisabled(const std::vector<Disabled>& accounts)
{
    QJsonArray array;
    for (const auto& d : accounts)
        array.append(QJsonObject{{"id", QString::fromStdString(idHex(d.userId))},
                                 {"name", QString::fromStdString(d.name)},
                                 {"role", QString::fromUtf8(access::roleName(d.role).data())}});
    return m_clinic.backend().meta().set(kDisabledAccounts, jsonBytes(QJsonDocument(array)));
}

Result<std::vector<AccountSummary>> AccountService::list()
{
    const auto subject =
        makeSubject(AuditEventId::Query, AuditEventType::None, AuditAction::Read, "User", {}, "account list");
    CC_TRY(m_clinic.authorize(Permission::ManageAccounts, subject));
    auto file = m_clinic.backend().keySlots().load();
    if (!file)
        return std::move(file).error();
    auto custodians = custodianNames(m_clinic.backend().meta());
    if (!custodians)
        return std::move(custodians).error();
    auto disabled = disabledAccounts();
    if (!disabled)
        return std::move(disabled).error();
    std::vector<AccountSummary> out;
    for (auto& info : file->listAccounts()) {
        AccountSummary s{std::move(info), true, false};
        s.custodian = std::find(custodians->begin(), custodians->end(), s.info.userName) != custodians->end();
        out.push_back(std::move(s));
    }
    for (const auto& d : *disabled) {
        AccountSummary s;
        s.info.userId = d.userId;
        s.info.userName = d.name;
        s.info.role = d.role;
        s.enabled = false;
        out.push_back(std::move(s));
    }
    CC_TRY(m_clinic.record(subject));
    return out;
}

Status AccountService::saveSlotPinned(const std::string& name, const access::KeyRing& newRing,
                                      const std::function<Status(access::KeySlotFile&)>& mutate)
{
    auto mine = m_clinic.keys();
    if (!mine)
        return std::move(mine).error();
    auto& meta = m_clinic.backend().meta();
    auto before = BoxKeyPins::load(meta);
    if (!before)
        return std::move(before).error();
    // The pins reach the database before the key-slot file reaches the disk: a crash between the
    // two leaves at most a pin nobody's slot carries (harmless), never a saved slot without its
    // pin, which would refuse every later rotation until `keys pin` (docs/RELIABILITY.md).
    // The pins of a slot being replaced (password reset, role change) stay acceptable until the new
    // slot is on disk: a crash after the pins but before the file keeps the old slot, which must
    // still pass the next rotation's pin check.
    std::optional<std::array<std::uint8_t, 32>> pinned;
    std::optional<BoxKeyPins> written;
    access::UserId recipient{};
    auto saved = m_clinic.updateKeySlots(
        [&](access::KeySlotFile& file) -> Status {
            CC_TRY(mutate(file));
            const access::KeySlot* slot = file.slot(name);
            if (slot == nullptr)
                return makeError(ErrorCode::NotFound, "no enabled account is called '" + name + "'");
            BoxKeyPins pins = *before;
            CC_TRY(pins.pinAccount(**mine, newRing, file.clinicId(), slot->userId, slot->role, slot->boxPublicKey,
                                   /*keepPrevious=*/true));
            CC_TRY(pins.save(meta));
            pinned = slot->boxPublicKey;
            recipient = slot->userId;
            written = std::move(pins);
            return {};
        },
        ClinicService::GenerationRecord::WithEvent); // with the change's event (recordChange)
    if (saved && written && written->hasPrevious(recipient)) {
        // The new slot is on disk: the old slot's pins go. If this write fails they stay until the
        // account's next re-pin; check() accepts them only for the key the old slot had.
        written->settle(recipient);
        [[maybe_unused]] auto settled = written->save(meta);
    }
    if (!saved && pinned) {
        // The file did not take the new slot: the account's previous pin (if any) applies again.
        auto file = m_clinic.backend().keySlots().load();
        if (file) {
            const access::KeySlot* slot = file->slot(name);
            if (slot == nullptr || slot->boxPublicKey != *pinned) [[maybe_unused]]
                auto restored = before->save(meta);
        }
    }
    return saved;
}

Result<access::KeyRing> AccountService::sponsorRing(const Sponsor* sponsor)
{
    if (sponsor == nullptr || sponsor->name.empty())
        return makeError(ErrorCode::InvalidArgument,
                         "clinical access needs a sponsoring doctor (administrators never hold the clinical key)");
    auto file = m_clinic.backend().keySlots().load();
    if (!file)
        return std::move(file).error();
    // The sponsor's password is checked like a login: wrong guesses count towards throttling.
    auto login = access::attemptLogin(*file, sponsor->name, sponsor->password.span(), m_clinic.clock(), m_clinic.rng(),
                                      m_clinic.options().kdf);
    if (file->dirty())
        CC_TRY(m_clinic.backend().keySlots().save(*file));
    if (!login)
        return std::move(login).error();
    if (login->role != Role::Doctor)
        return makeError(ErrorCode::InvalidArgument, "the sponsor '" + sponsor->name + "' is not a doctor");
    if (!login->ring.has(KeyKind::ClinicalCategory))
        return makeError(ErrorCode::KeyMismatch, "the sponsor's key ring holds no clinical category key");
    return std::move(login->ring);
}

Result<access::UserId> AccountService::createPatientAccount(const std::string& name, const std::string& mrn,
                                                            std::span<const std::uint8_t> temporaryPassword,
                                                            const Sponsor* sponsor)
{
    AuditSubject subject = accountSubject(AuditAction::Create, name, "create patient account");
    CC_TRY(m_clinic.authorize(Permission::ManagePatientAccounts, subject));
    auto run = [&]() -> Result<access::UserId> {
        auto mine = m_clinic.keys();
        if (!mine)
            return std::move(mine).error();
        // Find the record by MRN: identity documents are decrypted in memory, never looked up by token.
        auto rows = m_clinic.backend().patients().list();
        if (!rows)
            return std::move(rows).error();
        const ports::PatientRow* found = nullptr;
        std::optional<records::PatientKey> identityKey;
        for (const auto& row : *rows) {
            auto key = records::PatientKeys::unwrap(**mine, records::PatientKeyKind::Identity, row.id,
                                                    row.identityKeyId, row.identityKeyWrapped);
            if (!key)
                return std::move(key).error();
            auto patient = PatientService::openIdentity(row, *key);
            if (!patient)
                return std::move(patient).error();
            if (patient->mrn.toStdString() == mrn) {
                found = &row;
                identityKey = std::move(key).value();
                break;
            }
        }
        if (found == nullptr)
            return makeError(ErrorCode::NotFound, "no patient record has this MRN");
        subject.patientId = idHex(found->id);
        for (const auto& a : m_clinic.backend().keySlots().load()->listAccounts())
            if (a.patientId && *a.patientId == found->id)
                return makeError(ErrorCode::AlreadyExists,
                                 "this patient already has an account ('" + a.userName + "')");
        // The patient's own clinical key is wrapped under the clinical category key: a doctor vouches.
        auto doctor = sponsorRing(sponsor);
        if (!doctor)
            return std::move(doctor).error();
        auto clinicalKey = records::PatientKeys::unwrap(*doctor, records::PatientKeyKind::Clinical, found->id,
                                                        found->clinicalKeyId, found->clinicalKeyWrapped);
        if (!clinicalKey)
            return std::move(clinicalKey).error();
        // No DBK and no clinic-wide key (issue 10 item 1): the patient reads a sealed portal file.
        access::KeyRing source;
        CC_TRY(source.add(KeyKind::PatientIdentity, identityKey->keyId, 1, std::move(identityKey->secret)));
        CC_TRY(source.add(KeyKind::PatientClinical, clinicalKey->keyId, 1, std::move(clinicalKey->secret)));
        source.setPatientId(found->id);
        // The patient may opt out of research use from their own account but must never hold the
        // index key: the sponsor computes the two consent token values for them (docs/RECORDS.md).
        const access::KeyEntry* index = doctor->find(KeyKind::Index);
        if (index == nullptr)
            return makeError(ErrorCode::AccessDenied, "the sponsoring doctor holds no index key");
        auto consent = ConsentService::tokenPair(index->secret);
        if (!consent)
            return std::move(consent).error();
        CC_TRY(source.add(KeyKind::ConsentTokens, index->keyId, index->version, std::move(*consent)));
        auto ring = access::KeyRing::selectForRole(source, Role::Patient, false, m_clinic.rng());
        if (!ring)
            return std::move(ring).error();
        access::UserId id{};
        CC_TRY(saveSlotPinned(name, *ring, [&](access::KeySlotFile& file) -> Status {
            auto added =
                file.addSlot(name, Role::Patient, temporaryPassword, *ring, m_clinic.options().kdf, m_clinic.rng(),
                             m_clinic.clock(), access::NewSlotOptions{std::nullopt, true, *mine});
            if (!added)
                return std::move(added).error();
            id = *added;
            return {};
        }));
        subject.objectId = idHex(id);
        subject.detail += ", sponsored by doctor " + sponsor->name;
        // The account's portal (docs/PORTAL.md), written with the sponsor's keys so that the first
        // login finds the record; if that fails the next doctor login writes it.
        if (PortalService(m_clinic).build(*doctor, found->id))
            subject.detail += ", portal written";
        else
            subject.detail += ", portal left to the next doctor login";
        return id;
    };
    auto result = run();
    CC_TRY(m_clinic.recordChange(subject, result.ok(), "the patient account '" + name + "' was created"));
    return result;
}

Result<access::KeyRing> AccountService::ringFor(Role role, const Sponsor* sponsor, std::string& detail)
{
    auto mine = m_clinic.keys();
    if (!mine)
        return std::move(mine).error();
    if (role == Role::Patient)
        return makeError(ErrorCode::Unsupported,
                         "a patient account is created for a patient record (the MRN) with a sponsoring doctor");
    if (role == Role::Administrator)
        return access::KeyRing::selectForRole(**mine, Role::Administrator, false, m_clinic.rng());

    // A doctor: the clinical category key comes from a sponsoring doctor's own slot.
    auto sponsorKeys = sponsorRing(sponsor);
    if (!sponsorKeys)
        return std::move(sponsorKeys).error();
    const access::KeyEntry* clinical = sponsorKeys->find(KeyKind::ClinicalCategory);
    access::KeyRing source = (*mine)->clone();
    CC_TRY(source.add(KeyKind::ClinicalCategory, clinical->keyId, clinical->version, clinical->secret.clone()));
    detail = "sponsored by doctor " + sponsor->name;
    return access::KeyRing::selectForRole(source, Role::Doctor, false, m_clinic.rng());
}

Result<access::UserId> AccountService::create(const std::string& name, Role role,
                                              std::span<const std::uint8_t> temporaryPassword, const Sponsor* sponsor)
{
    AuditSubject subject = accountSubject(AuditAction::Create, name, "create " + std::string(access::roleName(role)));
    CC_TRY(m_clinic.authorize(Permission::ManageAccounts, subject));
    auto run = [&]() -> Result<access::UserId> {
        auto disabled = disabledAccounts();
        if (!disabled)
            return std::move(disabled).error();
        if (std::any_of(disabled->begin(), disabled->end(), [&](const Disabled& d) { return d.name == name; }))
            return makeError(ErrorCode::AlreadyExists,
                             "a disabled account is called '" + name + "': enable it instead");
        std::string detail;
        auto ring = ringFor(role, sponsor, detail);
        if (!ring)
            return std::move(ring).error();
        access::UserId id{};
        CC_TRY(saveSlotPinned(name, *ring, [&](access::KeySlotFile& file) -> Status {
            auto added = file.addSlot(name, role, temporaryPassword, *ring, m_clinic.options().kdf, m_clinic.rng(),
                                      m_clinic.clock(), access::NewSlotOptions{std::nullopt, true});
            if (!added)
                return std::move(added).error();
            id = *added;
            return {};
        }));
        subject.objectId = idHex(id);
        if (!detail.empty())
            subject.detail += ", " + detail;
        return id;
    };
    auto result = run();
    CC_TRY(m_clinic.recordChange(subject, result.ok(), "the account '" + name + "' was created"));
    return result;
}

Result<Revocation> AccountService::disable(const std::string& name, const Sponsor* sponsor)
{
    AuditSubject subject = accountSubject(AuditAction::Delete, name, "disable");
    CC_TRY(m_clinic.authorize(Permission::ManageAccounts, subject));
    auto run = [&]() -> Result<Revocation> {
        if (name == m_clinic.session()->userName())
            return makeError(ErrorCode::InvalidArgument, "you cannot disable your own account");
        auto custodians = custodianNames(m_clinic.backend().meta());
        if (!custodians)
            return std::move(custodians).error();
        if (std::find(custodians->begin(), custodians->end(), name) != custodians->end())
            return makeError(ErrorCode::InvalidArgument,
                             "'" + name + "' holds a report-key share; disabling would destroy it");
        auto ring = m_clinic.keys();
        if (!ring)
            return std::move(ring).error();
        Disabled record;
        std::optional<access::PatientId> patientOfSlot;
        CC_TRY(m_clinic.updateKeySlots(
            [&](access::KeySlotFile& file) -> Status {
                const access::KeySlot* slot = file.slot(name);
                if (slot == nullptr)
                    return makeError(ErrorCode::NotFound, "no enabled account is called '" + name + "'");
                const auto accounts = file.listAccounts();
                if (slot->role == Role::Administrator &&
                    std::count_if(accounts.begin(), accounts.end(),
                                  [](const access::AccountInfo& a) { return a.role == Role::Administrator; }) < 2)
                    return makeError(ErrorCode::InvalidArgument, "the last administrator cannot be disabled");
                record = Disabled{slot->userId, name, slot->role};
                patientOfSlot = slot->patientId;
                return file.removeSlot(name, **ring, m_clinic.clock());
            },
            ClinicService::GenerationRecord::WithEvent));
        // A disabled patient account's portal and waiting messages go with it: applying them would
        // need the account (a waiting consent change is lost and the event below says so).
        if (patientOfSlot) {
            auto waiting = m_clinic.backend().portals().messages(*patientOfSlot);
            if (waiting && !waiting->empty())
                subject.detail += ", " + std::to_string(waiting->size()) + " unapplied portal message(s) discarded";
            if (!m_clinic.backend().portals().removePortal(*patientOfSlot))
                subject.detail += ", portal file not removed";
        }
        subject.objectId = idHex(record.userId);
        if (record.role == Role::Doctor)
            CC_TRY(m_clinic.backend().careTeams().removeDoctorEverywhere(record.userId));
        auto disabled = disabledAccounts();
        if (!disabled)
            return std::move(disabled).error();
        disabled->push_back(record);
        CC_TRY(storeDisabled(*disabled));
        auto pins = BoxKeyPins::load(m_clinic.backend().meta());
        if (!pins)
            return std::move(pins).error();
        pins->forget(record.userId);
        CC_TRY(pins->save(m_clinic.backend().meta()));
        // An old copy of the deleted slot still opens the keys of today: rotate them (item 7).
        const std::string reason =
            std::string(access::roleName(record.role)) + " '" + name + "' (" + idHex(record.userId) + ") disabled";
        auto revoked = KeyService(m_clinic).revoke(access::keyKindsForRole(record.role, false), reason, sponsor);
        if (!revoked)
            return std::move(revoked).error();
        subject.detail = audit::fitDetail(subject.detail + "; " + describeRevocation(*revoked));
        return revoked;
    };
    auto result = run();
    CC_TRY(m_clinic.recordChange(subject, result.ok(), "the account '" + name + "' was disabled"));
    return result;
}

Status AccountService::enable(const std::string& name, std::span<const std::uint8_t> temporaryPassword,
                              const Sponsor* sponsor)
{
    AuditSubject subject = accountSubject(AuditAction::Update, name, "enable");
    CC_TRY(m_clinic.authorize(Permission::ManageAccounts, subject));
    auto run = [&]() -> Status {
        auto disabled = disabledAccounts();
        if (!disabled)
            return std::move(disabled).error();
        auto it = std::find_if(disabled->begin(), disabled->end(), [&](const Disabled& d) { return d.name == name; });
        if (it == disabled->end())
            return makeError(ErrorCode::NotFound, "no disabled account is called '" + name + "'");
        std::string detail;
        auto ring = ringFor(it->role, sponsor, detail);
        if (!ring)
            return std::move(ring).error();
        CC_TRY(saveSlotPinned(name, *ring, [&](access::KeySlotFile& file) -> Status {
            auto added = file.addSlot(name, it->role, temporaryPassword, *ring, m_clinic.options().kdf, m_clinic.rng(),
                                      m_clinic.clock(), access::NewSlotOptions{it->userId, true});
            return added ? Status{} : Status{std::move(added).error()};
        }));
        subject.objectId = idHex(it->userId);
        if (!detail.empty())
            subject.detail += ", " + detail;
        disabled->erase(it);
        return storeDisabled(*disabled);
    };
    auto result = run();
    CC_TRY(m_clinic.recordChange(subject, result.ok(), "the account '" + name + "' was enabled"));
    return result;
}

Status AccountService::replaceSlot(const std::string& name, Role role, std::span<const std::uint8_t> temporaryPassword,
                                   const Sponsor* sponsor, const AuditSubject& subjectIn, Permission permission)
{
    AuditSubject subject = subjectIn;
    CC_TRY(m_clinic.authorize(permission, subject));
    auto run = [&]() -> Status {
        if (name == m_clinic.session()->userName())
            return makeError(ErrorCode::InvalidArgument, "change your own password with 'passwd', not here");
        auto custodians = custodianNames(m_clinic.backend().meta());
        if (!custodians)
            return std::move(custodians).error();
        if (std::find(custodians->begin(), custodians->end(), name) != custodians->end())
            return makeError(ErrorCode::InvalidArgument,
                             "'" + name +
                                 "' holds a report-key share that exists only in their slot; it cannot be "
                                 "re-issued (the quorum tolerates the loss of the other custodians' shares)");
        auto actor = m_clinic.keys();
        if (!actor)
            return std::move(actor).error();
        std::string detail;
        auto ring = ringFor(role, sponsor, detail);
        if (!ring)
            return std::move(ring).error();
        Role previous = role;
        access::UserId id{};
        CC_TRY(saveSlotPinned(name, *ring, [&](access::KeySlotFile& file) -> Status {
            const access::KeySlot* slot = file.slot(name);
            if (slot == nullptr)
                return makeError(ErrorCode::NotFound, "no enabled account is called '" + name + "'");
            id = slot->userId;
            previous = slot->role;
            if (previous == Role::Patient)
                return makeError(ErrorCode::Unsupported, "patient accounts are managed from the patient's record");
            CC_TRY(file.removeSlot(name, **actor, m_clinic.clock()));
            auto added = file.addSlot(name, role, temporaryPassword, *ring, m_clinic.options().kdf, m_clinic.rng(),
                                      m_clinic.clock(), access::NewSlotOptions{id, true});
            return added ? Status{} : Status{std::move(added).error()};
        }));
        subject.objectId = idHex(id);
        if (!detail.empty())
            subject.detail += ", " + detail;
        if (previous == Role::Doctor && role != Role::Doctor) {
            CC_TRY(m_clinic.backend().careTeams().removeDoctorEverywhere(id));
            // The old slot's clinical key must stop opening what doctors write from now on.
            auto revoked = KeyService(m_clinic).revoke({KeyKind::ClinicalCategory},
                                                       "doctor '" + name + "' (" + idHex(id) + ") given the role " +
                                                           std::string(access::roleName(role)),
                                                       sponsor);
            if (!revoked)
                return std::move(revoked).error();
            subject.detail = audit::fitDetail(subject.detail + "; " + describeRevocation(*revoked));
        }
        return {};
    };
    auto result = run();
    CC_TRY(m_clinic.recordChange(subject, result.ok(), "the account '" + name + "' was changed: " + subjectIn.detail));
    return result;
}

Status AccountService::resetPassword(const std::string& name, std::span<const std::uint8_t> temporaryPassword,
                                     const Sponsor* sponsor)
{
    auto file = m_clinic.backend().keySlots().load();
    if (!file)
        return std::move(file).error();
    const access::KeySlot* slot = file->slot(name);
    const Role role = slot ? slot->role : Role::Doctor;
    return replaceSlot(name, role, temporaryPassword, sponsor,
                       accountSubject(AuditAction::Update, name, "password reset to a temporary one"),
                       Permission::ManageAccounts);
}

Status AccountService::setRole(const std::string& name, Role role, std::span<const std::uint8_t> temporaryPassword,
                               const Sponsor* sponsor)
{
    AuditSubject subject =
        makeSubject(AuditEventId::SecurityAlert, AuditEventType::SecurityRolesChanged, AuditAction::Update, "User",
                    name, "role set to " + std::string(access::roleName(role)));
    return replaceSlot(name, role, temporaryPassword, sponsor, subject, Permission::ManageRoles);
}

Status AccountService::unlock(const std::string& name)
{
    AuditSubject subject = accountSubject(AuditAction::Update, name, "lock-out lifted");
    CC_TRY(m_clinic.authorize(Permission::UnlockAccount, subject));
    auto run = [&]() -> Status {
        auto ring = m_clinic.keys();
        if (!ring)
            return std::move(ring).error();
        return m_clinic.updateKeySlots(
            [&](access::KeySlotFile& file) -> Status {
                if (const auto* slot = file.slot(name))
                    subject.objectId = idHex(slot->userId);
                return file.clearLockout(name, **ring, m_clinic.clock());
            },
            ClinicService::GenerationRecord::WithEvent);
    };
    auto result = run();
    CC_TRY(m_clinic.recordChange(subject, result.ok(), "the account '" + name + "' was unlocked"));
    return result;
}

} // namespace cc::services
