// SPDX-License-Identifier: GPL-3.0-or-later
// Patient use cases over sealed identity documents and the care-team / break-glass access rules.
#include "core/services/PatientService.h"
#include "core/services/PatientServiceDetail.h"

#include "core/audit/AuditEvent.h"

#include "core/crypto/Hex.h"

#include "core/records/PatientRef.h"

#include "core/access/BreakGlassGrant.h"
#include "core/records/SealedRow.h"
#include "core/services/AuditBinding.h"
#include "core/services/Audited.h"
#include "core/services/BreakGlassGrants.h"
#include "core/services/CareTeamBinding.h"
#include "core/services/ChartManifests.h"
#include "core/services/ConditionIndex.h"
#include "core/services/DirectoryBuild.h"
#include "core/services/PatientDirectory.h"
#include "core/services/PortalService.h"
#include "core/services/ValueLayouts.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace cc::services {

using access::ChartData;
using access::Permission;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;
using patient_detail::findRow;
using patient_detail::readOutcome;

namespace {

Result<access::CareTeam> careTeamOf(ClinicService& clinic, const access::PatientId& patient)
{
    auto rows = clinic.backend().careTeams().rowsOfPatient(patient);
    CC_TRY(rows);
    const access::Session* session = clinic.session();
    access::CareTeam team(patient);
    for (const auto& row : *rows) {
        // The session's own membership must name the event that made it; the others give this
        // session nothing (a doctor's or any whole-clinic verify checks them all).
        if (session != nullptr && row.doctor == session->userId())
            CC_TRY(CareTeamBinding::check(clinic, row));
        CC_TRY(team.add(row.doctor, access::Role::Doctor));
    }
    return team;
}

bool matches(const model::Patient& p, const QString& search)
{
    if (search.isEmpty())
        return true;
    for (const QString* field : {&p.givenName, &p.familyName, &p.maidenName, &p.mrn})
        if (field->contains(search, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

Result<std::vector<std::uint8_t>> PatientService::sealIdentity(const model::Patient& patient,
                                                               const access::PatientId& id,
                                                               const records::PatientKey& key, crypto::Rng& rng)
{
    const QByteArray json = patient.toJson();
    auto checked = model::Patient::fromJson(json);
    CC_TRY(checked);
    return records::SealedRow::seal(
        key.secret, key.keyId, kTable, kColumn, id,
        {reinterpret_cast<const std::uint8_t*>(json.constData()), static_cast<std::size_t>(json.size())}, rng);
}

Result<model::Patient> PatientService::openIdentity(const ports::PatientRow& row, const records::PatientKey& key)
{
    auto plain = records::SealedRow::open(key.secret, key.keyId, kTable, kColumn, row.id, row.document);
    CC_TRY(plain);
    auto patient = model::Patient::fromJson(
        QByteArray(reinterpret_cast<const char*>(plain->data()), static_cast<qsizetype>(plain->size())));
    CC_TRY(patient);
    patient->id = row.id;
    return std::move(*patient);
}

Result<ChartKey> PatientService::openChartKey(ClinicService& clinic, const access::PatientId& patient, ChartData data)
{
    access::Session* session = clinic.session();
    if (session == nullptr)
        return makeError(ErrorCode::AccessDenied, "log in first");
    if (clinic.portalMode())
        return makeError(ErrorCode::AccessDenied, "a patient's session reads its portal, not the database");
    auto row = findRow(clinic, patient);
    CC_TRY(row);
    auto team = careTeamOf(clinic, patient);
    CC_TRY(team);
    auto grants = storedGrants(clinic, *session, patient);
    CC_TRY(grants);
    auto basis = access::canOpenChart(*session, patient, data, *team, *grants, clinic.clock());
    CC_TRY(basis);
    auto ring = clinic.keys();
    CC_TRY(ring);
    const bool identity = data == ChartData::Identity;
    if (session->role() == access::Role::Patient) {
        // A patient's ring holds that patient's own keys directly (canOpenChart allowed only their own id).
        const access::KeyEntry* own =
            (*ring)->find(identity ? access::KeyKind::PatientIdentity : access::KeyKind::PatientClinical);
        if (own == nullptr || own->keyId != (identity ? row->identityKeyId : row->clinicalKeyId))
            return makeError(ErrorCode::KeyMismatch, "this account's keys do not belong to this record");
        ChartKey out{records::PatientKey{own->keyId, own->secret.clone()}, *basis, {}};
        if (!identity) {
            auto ref = patientRef(clinic, patient, out.key);
            CC_TRY(ref);
            out.ref = *ref;
        }
        return out;
    }
    auto key = records::PatientKeys::unwrap(
        **ring, identity ? records::PatientKeyKind::Identity : records::PatientKeyKind::Clinical, patient,
        identity ? row->identityKeyId : row->clinicalKeyId,
        identity ? row->identityKeyWrapped : row->clinicalKeyWrapped);
    CC_TRY(key);
    ChartKey out{std::move(*key), *basis, {}};
    if (!identity) {
        auto ref = patientRef(clinic, patient, out.key);
        CC_TRY(ref);
        out.ref = *ref;
    }
    return out;
}

namespace {

// The rows of a clinic created before patient references, converted to references (schema 7).
Result<std::size_t> convertRowsToReferences(ClinicService& clinic)
{
    auto& backend = clinic.backend();
    auto scheme = backend.meta().get(records::kPatientRefSchemeMeta);
    CC_TRY(scheme);
    if (scheme->has_value())
        return std::size_t{0};
    auto ring = clinic.keys();
    CC_TRY(ring);
    if (!(*ring)->has(access::KeyKind::ClinicalCategory))
        return makeError(ErrorCode::AccessDenied, "converting the clinic to patient references needs the clinical key "
                                                  "(a doctor's session)");
    AuditSubject subject =
        makeSubject(audit::AuditEventId::SecurityAlert, audit::AuditEventType::SecurityConfiguration,
                    audit::AuditAction::Update, "PatientReferences", {}, "patient references introduced");
    auto run = [&]() -> Result<std::size_t> {
        auto tx = backend.transactions().begin();
        CC_TRY(tx);
        std::size_t patients = 0, rows = 0;
        std::optional<access::PatientId> after;
        for (;;) {
            auto page = backend.patients().listAfter(after, 2000);
            CC_TRY(page);
            if (page->empty())
                break;
            for (const auto& row : *page) {
                auto key = records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Clinical, row.id,
                                                        row.clinicalKeyId, row.clinicalKeyWrapped);
                CC_TRY(key);
                auto ref = records::patientRef(*key, row.id);
                CC_TRY(ref);
                clinic.rememberChart(*ref, row.id); // its manifest is written at commit
                auto changed = backend.clinical().replacePatientRef(records::legacyPatientRef(row.id), *ref);
                CC_TRY(changed);
                auto attached = backend.attachments().replacePatientRef(records::legacyPatientRef(row.id), *ref);
                CC_TRY(attached);
                rows += *changed + *attached;
                ++patients;
            }
            after = page->back().id;
        }
        CC_TRY(backend.meta().set(
            records::kPatientRefSchemeMeta,
            std::vector<std::uint8_t>(records::kPatientRefScheme.begin(), records::kPatientRefScheme.end())));
        subject.detail += ": " + std::to_string(patients) + " patients, " + std::to_string(rows) + " rows";
        CC_TRY(clinic.record(subject, audit::AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        return patients;
    };
    return oneTimeComputation(clinic, subject, run);
}

} // namespace

Result<std::size_t> PatientService::convertToReferences(ClinicService& clinic)
{
    auto converted = convertRowsToReferences(clinic);
    CC_TRY(converted);
    // Then the condition tokens of rows written before schema 8: they take each row's reference,
    // so they follow the conversion. A failure is audited and retried at the next doctor login;
    // until then reports with a condition filter are refused, everything else works.
    [[maybe_unused]] auto tokens = ConditionIndex::complete(clinic);
    // Then the chart manifests of charts written before schema 9 (the same rule: audited,
    // retried at the next doctor login; until then such charts open unchecked).
    [[maybe_unused]] auto manifests = ChartManifests::complete(clinic);
    // And the care-team rows of clinics before schema 10 bound to audit events (the same rule;
    // until then those rows give access unchecked).
    [[maybe_unused]] auto careTeams = CareTeamBinding::complete(clinic);
    // And the Paillier values stored under a retired layout of their code (the same rule; until
    // then reports of that code are refused).
    [[maybe_unused]] auto layouts = ValueLayouts::complete(clinic);
    return converted;
}

Status PatientService::forEachChart(
    ClinicService& clinic, const access::KeyRing& ring,
    const std::function<Status(const ports::PatientRow&, const records::PatientKey&, const access::PatientRef&)>& visit)
{
    std::optional<access::PatientId> after;
    for (;;) {
        auto page = clinic.backend().patients().listAfter(after, 2000);
        CC_TRY(page);
        if (page->empty())
            return {};
        for (const auto& row : *page) {
            auto key = records::PatientKeys::unwrap(ring, records::PatientKeyKind::Clinical, row.id, row.clinicalKeyId,
                                                    row.clinicalKeyWrapped);
            CC_TRY(key);
            auto ref = patientRef(clinic, row.id, *key);
            CC_TRY(ref);
            CC_TRY(visit(row, *key, *ref));
        }
        after = page->back().id;
    }
}

Result<access::PatientRef> PatientService::patientRef(ClinicService& clinic, const access::PatientId& patient,
                                                      const records::PatientKey& clinicalKey)
{
    auto scheme = clinic.backend().meta().get(records::kPatientRefSchemeMeta);
    CC_TRY(scheme);
    access::PatientRef ref = records::legacyPatientRef(patient);
    if (scheme->has_value()) {
        const auto& value = **scheme;
        if (std::string_view(reinterpret_cast<const char*>(value.data()), value.size()) != records::kPatientRefScheme)
            return makeError(ErrorCode::IntegrityFailure,
                             "the clinic's patient reference scheme (meta patient_ref_scheme) is not one this "
                             "CipherChart knows");
        auto computed = records::patientRef(clinicalKey, patient);
        CC_TRY(computed);
        ref = *computed;
    }
    // Whoever computes a chart's reference may change its rows: the chart sealer needs its owner.
    clinic.rememberChart(ref, patient);
    return ref;
}

Status PatientService::ensureDirectory(ClinicService& clinic)
{
    auto ring = clinic.keys(); // polls the session: an idle lock has wiped the directory by now
    CC_TRY(ring);
    if (clinic.patientDirectory().isBuilt())
        return {};
    auto build = DirectoryBuild::prepare(clinic);
    CC_TRY(build);
    auto read = (*build)->readMore(clinic, std::numeric_limits<std::size_t>::max());
    CC_TRY(read);
    CC_TRY((*build)->decode());
    auto installed = (*build)->install(clinic);
    CC_TRY(installed);
    return {};
}

void PatientService::noteStored(ClinicService& clinic, const std::vector<model::Patient>& patients)
{
    PatientDirectory& directory = clinic.patientDirectory();
    if (!directory.isBuilt()) {
        // Built from the store at its first use. A build prepared before this write (a GUI
        // prefetch still decoding) read the old rows: clearing moves the epoch on, so that build
        // is discarded rather than installed stale.
        directory.clear();
        return;
    }
    for (const auto& p : patients)
        directory.put(p);
}

Result<std::set<QString>> PatientService::mrnsInUse(ClinicService& clinic)
{
    CC_TRY(ensureDirectory(clinic));
    return clinic.patientDirectory().mrns();
}

Result<access::PatientId> PatientService::create(const model::Patient& patient)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Create,
                                       "Patient", {}, "patient created");
    CC_TRY(m_clinic.authorize(Permission::WriteChart, subject));
    auto run = [&]() -> Result<access::PatientId> {
        auto mrns = mrnsInUse(m_clinic);
        CC_TRY(mrns);
        if (mrns->count(patient.mrn) != 0)
            return makeError(ErrorCode::AlreadyExists, "a patient with this MRN exists");
        auto ring = m_clinic.keys();
        CC_TRY(ring);
        const auto id = model::newRowId<access::PatientId>(m_clinic.rng());
        subject.patientId = idHex(id);
        subject.objectId = subject.patientId;
        records::PatientKey identityKey;
        auto wrapped = records::PatientKeys::createFor(**ring, id, m_clinic.rng(), &identityKey);
        CC_TRY(wrapped);
        auto doc = sealIdentity(patient, id, identityKey, m_clinic.rng());
        CC_TRY(doc);
        ports::PatientRow row{id,
                              wrapped->identityKeyId,
                              std::move(wrapped->identityWrapped),
                              wrapped->clinicalKeyId,
                              std::move(wrapped->clinicalWrapped),
                              std::move(*doc)};
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        // The event first: the patient row and the creating doctor's care-team row name it
        // (services::CareTeamBinding). A failure below rolls the three back together.
        auto seq = recordForBinding(m_clinic, subject);
        CC_TRY(seq);
        row.createdSeq = *seq;
        CC_TRY(m_clinic.backend().patients().insert(row));
        CC_TRY(m_clinic.backend().careTeams().add(id, m_clinic.session()->userId(), row.createdSeq));
        CC_TRY((*tx)->commit());
        model::Patient stored = patient;
        stored.id = id;
        noteStored(m_clinic, {stored});
        return id;
    };
    auto result = run();
    if (!result) {
        subject.detail = ("break-glass refused: " + result.error().message).substr(0, 190);
        CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
    }
    return result;
}

Result<std::vector<model::Patient>> PatientService::visiblePatients(const QString& search)
{
    access::Session* session = m_clinic.session();
    const access::Role role = session->role();
    if (role == access::Role::Doctor || role == access::Role::Administrator) {
        // The session's directory (built at the first call); the care team is read at every call,
        // so a change of team shows at once.
        CC_TRY(ensureDirectory(m_clinic));
        if (role == access::Role::Administrator)
            return m_clinic.patientDirectory().search(search, nullptr);
        auto mine = CareTeamBinding::patientsOf(m_clinic, session->userId()); // in id order
        CC_TRY(mine);
        return m_clinic.patientDirectory().search(search, &*mine);
    }
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    auto all = m_clinic.backend().patients().list();
    CC_TRY(all);
    std::vector<model::Patient> out;
    for (const auto& row : *all) {
        auto key = records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Identity, row.id, row.identityKeyId,
                                                row.identityKeyWrapped);
        CC_TRY(key);
        auto patient = openIdentity(row, *key);
        CC_TRY(patient);
        if (matches(*patient, search))
            out.push_back(std::move(*patient));
    }
    return out;
}

Result<std::vector<model::Patient>> PatientService::list(const QString& search)
{
    AuditSubject subject = makeSubject(AuditEventId::Query, AuditEventType::None, AuditAction::Read, "Patient", {},
                                       search.isEmpty() ? "patient list" : "patient search");
    access::Session* session = m_clinic.session();
    const bool doctor = session != nullptr && session->role() == access::Role::Doctor;
    const Permission permission = !doctor            ? Permission::ReadPatientIdentity
                                  : search.isEmpty() ? Permission::ListCareTeamPatients
                                                     : Permission::SearchCareTeamPatients;
    CC_TRY(m_clinic.authorize(permission, subject));
    auto result = visiblePatients(search);
    if (result)
        subject.detail += ", " + std::to_string(result->size()) + " patients";
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return result;
}

Result<model::Patient> PatientService::findByMrn(const QString& mrn)
{
    AuditSubject subject =
        makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read, "Patient", {}, "find by MRN");
    access::Session* session = m_clinic.session();
    const bool doctor = session != nullptr && session->role() == access::Role::Doctor;
    CC_TRY(m_clinic.authorize(doctor ? Permission::SearchCareTeamPatients : Permission::ReadPatientIdentity, subject));
    auto run = [&]() -> Result<model::Patient> {
        auto all = visiblePatients({});
        CC_TRY(all);
        for (auto& p : *all)
            if (p.mrn == mrn) {
                subject.patientId = idHex(p.id);
                return std::move(p);
            }
        return makeError(ErrorCode::NotFound, "no patient with this MRN on your list");
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, result ? AuditOutcome::Success : AuditOutcome::MinorFailure));
    return result;
}

Result<std::map<access::PatientId, model::Patient>>
PatientService::identitiesOf(const std::vector<access::PatientId>& patients)
{
    AuditSubject subject = makeSubject(AuditEventId::Query, AuditEventType::None, AuditAction::Read, "Patient", {},
                                       "patient names for the audit viewer");
    CC_TRY(m_clinic.authorize(Permission::ReadPatientIdentity, subject));
    auto run = [&]() -> Result<std::map<access::PatientId, model::Patient>> {
        // Administrators only: a doctor's names come through the care-team rules of list().
        if (m_clinic.session()->role() != access::Role::Administrator)
            return makeError(ErrorCode::AccessDenied, "only an administrator names the patients of audit events");
        CC_TRY(ensureDirectory(m_clinic));
        std::vector<access::PatientId> wanted = patients;
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
        std::map<access::PatientId, model::Patient> out;
        for (auto& p : m_clinic.patientDirectory().search({}, &wanted))
            out.emplace(p.id, std::move(p));
        subject.detail += ", " + std::to_string(wanted.size()) + " asked, " + std::to_string(out.size()) + " found";
        return out;
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, readOutcome(result ? nullptr : &result.error())));
    return result;
}

Result<model::Patient> PatientService::identity(const access::PatientId& patient)
{
    AuditSubject subject = makeSubject(AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Read, "Patient",
                                       idHex(patient), "identity read");
    subject.patientId = idHex(patient);
    CC_TRY(m_clinic.authorize(Permission::ReadPatientIdentity, subject));
    auto run = [&]() -> Result<model::Patient> {
        auto key = openChartKey(m_clinic, patient, ChartData::Identity);
        CC_TRY(key);
        subject.detail += ", basis " + std::string(access::accessBasisName(key->basis));
        subject.flagged = key->basis == access::AccessBasis::BreakGlass;
        auto row = findRow(m_clinic, patient);
        CC_TRY(row);
        return openIdentity(*row, key->key);
    };
    auto result = run();
    CC_TRY(m_clinic.record(subject, readOutcome(result ? nullptr : &result.error())));
    return result;
}

Status PatientService::breakGlass(const access::PatientId& patient, const std::string& reason)
{
    // A denied or refused attempt is recorded without the emergency-override type, which requires
    // the validated reason; it is still flagged for an administrator's review.
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::None, AuditAction::Execute,
                                       "Patient", idHex(patient), "break-glass attempt");
    subject.patientId = idHex(patient);
    subject.flagged = true;
    CC_TRY(m_clinic.authorize(Permission::BreakGlass, subject));
    auto run = [&]() -> Status {
        access::Session* session = m_clinic.session();
        auto grant =
            access::BreakGlassGrant::create(session->userId(), session->role(), patient, reason, m_clinic.clock());
        CC_TRY(grant);
        auto row = findRow(m_clinic, patient);
        CC_TRY(row);
        audit::AuditLog* log = m_clinic.auditLog();
        if (log == nullptr)
            return makeError(ErrorCode::AccessDenied, "the audit trail is not open: log in first");
        ports::BreakGlassRow stored;
        const auto grantId = model::newRowId(m_clinic.rng());
        std::copy(grantId.begin(), grantId.end(), stored.id.begin());
        stored.doctor = session->userId();
        stored.patient = patient;
        stored.startsAt =
            std::chrono::duration_cast<std::chrono::seconds>(grant->grantedAt().time_since_epoch()).count();
        stored.expiresAt =
            std::chrono::duration_cast<std::chrono::seconds>(grant->expiresAt().time_since_epoch()).count();
        // The grant row names the flagged event that carries the reason: written in one transaction.
        stored.auditSeq = static_cast<std::int64_t>(log->lastSeq() + 1);
        auto tx = m_clinic.backend().transactions().begin();
        CC_TRY(tx);
        CC_TRY(m_clinic.backend().patients().addBreakGlass(stored));
        AuditSubject granted = subject;
        granted.eventType = AuditEventType::EmergencyOverrideStarted;
        granted.reason = grant->reason();
        granted.detail = "break-glass access, 60 minutes";
        CC_TRY(m_clinic.record(granted, AuditOutcome::Success));
        if (log->lastSeq() != static_cast<std::uint64_t>(stored.auditSeq))
            return makeError(ErrorCode::Internal, "the break-glass event was not the next audit event");
        return (*tx)->commit();
    };
    auto result = run();
    if (!result)
        CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
    return result;
}

Result<access::PatientId> PatientService::breakGlassByMrn(const QString& mrn, const std::string& reason)
{
    AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::None, AuditAction::Execute,
                                       "Patient", {}, "break-glass attempt by MRN");
    subject.flagged = true;
    CC_TRY(m_clinic.authorize(Permission::BreakGlass, subject));
    auto find = [&]() -> Result<access::PatientId> {
        if (mrn.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidArgument, "enter the patient's MRN");
        // The reason first: an emergency lookup without a valid reason decrypts nothing.
        CC_TRY(access::BreakGlassGrant::validateReason(reason));
        auto ring = m_clinic.keys();
        CC_TRY(ring);
        auto all = m_clinic.backend().patients().list();
        CC_TRY(all);
        const QString wanted = mrn.trimmed();
        for (const auto& row : *all) {
            auto key = records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Identity, row.id,
                                                    row.identityKeyId, row.identityKeyWrapped);
            CC_TRY(key);
            auto patient = openIdentity(row, *key);
            CC_TRY(patient);
            if (patient->mrn == wanted)
                return row.id;
        }
        return makeError(ErrorCode::NotFound, "no patient with this MRN");
    };
    auto found = find();
    if (!found) {
        subject.detail = ("break-glass by MRN refused: " + found.error().message).substr(0, 190);
        CC_TRY(m_clinic.record(subject, AuditOutcome::MinorFailure));
        return found.error();
    }
    // breakGlass() writes the flagged event (or the refusal) naming the patient's row id.
    CC_TRY(breakGlass(*found, reason));
    return *found;
}

} // namespace cc::services
