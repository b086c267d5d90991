// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/CareTeamBinding.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/services/AuditBinding.h"
#include "core/services/ClinicService.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

namespace cc::services {

namespace {

using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditOutcome;

constexpr std::string_view kBoundDetail = "care-team membership recorded as it stood (trust on first use)";

Result<bool> bindingRequired(ClinicService& clinic)
{
    auto marker = clinic.backend().meta().get(ports::meta::kCareTeamBound);
    CC_TRY(marker);
    return marker->has_value();
}

/// The patients the import numbered `seq` created (sorted), or nullopt when that set no longer
/// matches the one its event names; read once per import and session.
Result<const std::optional<std::vector<access::PatientId>>*> importSet(ClinicService& clinic, std::int64_t seq,
                                                                       const audit::AuditEvent& event)
{
    auto& sets = clinic.bindingCache().importSets;
    if (const auto it = sets.find(seq); it != sets.end())
        return &it->second;
    auto ids = clinic.backend().patients().createdBy(seq);
    CC_TRY(ids);
    std::sort(ids->begin(), ids->end());
    std::optional<std::vector<access::PatientId>> set;
    if (event.detail.find(CareTeamBinding::createdSetText(*ids)) != std::string::npos)
        set = std::move(*ids);
    return &sets.emplace(seq, std::move(set)).first->second;
}

/// Which care-team rows of one doctor an audit event made: checked once per event, then applied
/// to each row naming it (a doctor's list may hold 10⁵ rows of one import).
struct Grant
{
    std::string refusal;                                     ///< non-empty: the event made no row of this doctor
    std::string patient;                                     ///< the one patient (hex) it made a row for
    const std::vector<access::PatientId>* created = nullptr; ///< or an import's created patients
    bool unbound = false;                                    ///< seq 0 in a clinic not bound yet
};

Result<Grant> grantOf(ClinicService& clinic, std::int64_t auditSeq, const std::string& doctor)
{
    Grant g;
    if (auditSeq <= 0) {
        auto required = bindingRequired(clinic);
        CC_TRY(required);
        if (*required)
            g.refusal = "names no audit event";
        else
            g.unbound = true;
        return g;
    }
    auto event = chainedEvent(clinic, auditSeq);
    if (!event) {
        if (event.error().code != ErrorCode::IntegrityFailure)
            return std::move(event).error();
        g.refusal = event.error().message;
        return g;
    }
    const std::string seq = std::to_string(auditSeq);
    if (event->outcome != AuditOutcome::Success || event->action != AuditAction::Create) {
        g.refusal = "names audit event " + seq + ", which made nothing";
    } else if (event->objectType == "CareTeam" && event->objectId == doctor) {
        g.patient = event->patientId; // an administrator's addition (or older rows bound)
    } else if (event->objectType == "Patient" && event->userId == doctor) {
        g.patient = event->patientId; // this doctor created the patient by hand
    } else if (event->eventId == AuditEventId::Import && event->userId == doctor) {
        auto set = importSet(clinic, auditSeq, *event); // this doctor's import created the patient
        CC_TRY(set);
        if (**set)
            g.created = &***set;
        else
            g.refusal = "names import " + seq + ", whose set of created patients was changed";
    } else {
        g.refusal = "names audit event " + seq + ", which did not put this doctor on this patient's care team";
    }
    if (g.refusal.empty() && g.created == nullptr && g.patient.empty())
        g.refusal = "names audit event " + seq + ", which names no patient";
    return g;
}

/// The verdict of `grant` on one row: empty if the row checks, else why not.
std::string verdict(const Grant& grant, const ports::CareTeamRow& row, std::int64_t auditSeq)
{
    if (grant.unbound)
        return {};
    if (!grant.refusal.empty())
        return grant.refusal;
    if (grant.created != nullptr)
        return std::binary_search(grant.created->begin(), grant.created->end(), row.patient)
                   ? std::string()
                   : "names import " + std::to_string(auditSeq) + ", which did not create this patient";
    return grant.patient == idHex(row.patient)
               ? std::string()
               : "names audit event " + std::to_string(auditSeq) + ", which is about another patient";
}

/// Each event's grant checked once for the rows of one walk (a list, a verify), not once per row.
class Grants
{
public:
    explicit Grants(ClinicService& clinic) : m_clinic(clinic) {}
    /// Why `row` does not check, or empty. Errors: storage errors.
    Result<std::string> verdictOn(const ports::CareTeamRow& row)
    {
        const auto key = std::make_pair(row.auditSeq, row.doctor);
        auto it = m_grants.find(key);
        if (it == m_grants.end()) {
            auto grant = grantOf(m_clinic, row.auditSeq, idHex(row.doctor));
            CC_TRY(grant);
            it = m_grants.emplace(key, std::move(*grant)).first;
        }
        return verdict(it->second, row, row.auditSeq);
    }

private:
    ClinicService& m_clinic;
    std::map<std::pair<std::int64_t, access::UserId>, Grant> m_grants;
};

Status refusal(const ports::CareTeamRow& row, const std::string& why)
{
    return makeError(ErrorCode::IntegrityFailure, "care-team row of doctor " + idHex(row.doctor) + " for patient " +
                                                      idHex(row.patient) + " " + why +
                                                      ": it was not written by CipherChart, and gives no access");
}

/// Whether a successful event took `doctor` off every care team: the account disabled, or given
/// a role other than doctor (AccountService).
bool removesEverywhere(const audit::AuditEvent& e)
{
    if (e.objectType != "User" || e.outcome != AuditOutcome::Success)
        return false;
    if (e.action == AuditAction::Delete)
        return true;
    return e.eventType == audit::AuditEventType::SecurityRolesChanged && e.detail.rfind("role set to doctor", 0) != 0;
}

/// The last events of the trail that took doctors off care teams: per (patient, doctor) and per
/// doctor. One pass over the trail, whose chain the caller has verified.
struct Removals
{
    std::map<std::pair<std::string, std::string>, std::int64_t> fromTeam;
    std::map<std::string, std::int64_t> everywhere;
};

Result<Removals> readRemovals(ClinicService& clinic)
{
    constexpr std::size_t kPage = 2000;
    Removals out;
    auto& store = clinic.backend().auditStore();
    for (std::uint64_t from = 1;;) {
        auto page = store.read(from, kPage);
        CC_TRY(page);
        if (page->empty())
            return out;
        for (const auto& record : *page) {
            auto e = audit::decodeEvent(record.body);
            if (!e)
                continue; // the chain check names an event that does not decode
            const auto seq = static_cast<std::int64_t>(record.seq);
            if (e->objectType == "CareTeam" && e->action == AuditAction::Delete && e->outcome == AuditOutcome::Success)
                out.fromTeam[{e->patientId, e->objectId}] = seq;
            else if (removesEverywhere(*e))
                out.everywhere[e->objectId] = seq;
        }
        from = page->back().seq + 1;
    }
}

} // namespace

std::string CareTeamBinding::createdSetText(std::vector<access::PatientId> patients)
{
    std::sort(patients.begin(), patients.end());
    std::vector<std::uint8_t> in;
    in.reserve(patients.size() * 16);
    for (const auto& p : patients)
        in.insert(in.end(), p.begin(), p.end());
    const auto digest = crypto::sha256(in);
    return "created " + std::to_string(patients.size()) + " (set " +
           crypto::hexEncode(std::span<const std::uint8_t>(digest.data(), 16)) + ")";
}

Status CareTeamBinding::check(ClinicService& clinic, const ports::CareTeamRow& row)
{
    auto grant = grantOf(clinic, row.auditSeq, idHex(row.doctor));
    CC_TRY(grant);
    const std::string why = verdict(*grant, row, row.auditSeq);
    return why.empty() ? Status{} : refusal(row, why);
}

Result<std::vector<access::PatientId>> CareTeamBinding::patientsOf(ClinicService& clinic, const access::UserId& doctor)
{
    // Asked at every patient list and keystroke of a search. The rows are checked again only when
    // one may have changed (this session's writes, or a commit through another connection): a
    // doctor on 10^5 teams would otherwise read and check 10^5 rows per keystroke.
    auto& store = clinic.backend().careTeams();
    auto generation = store.generation();
    CC_TRY(generation);
    auto& cached = clinic.bindingCache().careTeam;
    if (cached && cached->doctor == doctor && cached->generation == *generation)
        return cached->patients;
    auto rows = store.rowsOfDoctor(doctor);
    CC_TRY(rows);
    Grants grants(clinic);
    std::vector<access::PatientId> out;
    out.reserve(rows->size());
    for (const auto& row : *rows) {
        auto why = grants.verdictOn(row);
        CC_TRY(why);
        if (why->empty())
            out.push_back(row.patient);
    }
    std::sort(out.begin(), out.end()); // already in id order from the store; kept as documented
    cached = CheckedCareTeam{doctor, *generation, out};
    return out;
}

Result<std::string> CareTeamBinding::verifyAll(ClinicService& clinic, std::size_t& checked)
{
    auto rows = clinic.backend().careTeams().allRows();
    CC_TRY(rows);
    checked = 0;
    Grants grants(clinic);
    for (const auto& row : *rows) {
        auto why = grants.verdictOn(row);
        CC_TRY(why);
        if (!why->empty())
            return refusal(row, *why).error().message;
        ++checked;
    }
    // A removal undone by SQL: the row put back with the event that first made it. Its event
    // still checks, but the trail holds a later removal (the doctor taken off this team, or
    // disabled, or given another role). Only a whole pass over the trail can tell, so only here.
    auto removals = readRemovals(clinic);
    CC_TRY(removals);
    for (const auto& row : *rows) {
        if (row.auditSeq <= 0)
            continue;
        const std::string doctor = idHex(row.doctor);
        const std::string patient = idHex(row.patient);
        std::int64_t removedAt = 0;
        if (const auto it = removals->fromTeam.find({patient, doctor}); it != removals->fromTeam.end())
            removedAt = it->second;
        if (const auto it = removals->everywhere.find(doctor); it != removals->everywhere.end())
            removedAt = std::max(removedAt, it->second);
        if (removedAt > row.auditSeq) {
            std::string found = "care-team row of doctor " + doctor;
            found += " for patient " + patient;
            found += " names audit event " + std::to_string(row.auditSeq);
            found += ", but audit event " + std::to_string(removedAt);
            found += " took the doctor off this team since: the row was put back outside CipherChart";
            return found;
        }
    }
    return std::string();
}

Result<std::size_t> CareTeamBinding::complete(ClinicService& clinic)
{
    auto required = bindingRequired(clinic);
    CC_TRY(required);
    if (*required)
        return std::size_t{0};
    if (clinic.session() == nullptr || clinic.auditLog() == nullptr)
        return makeError(ErrorCode::AccessDenied, "binding care-team rows needs a session");
    auto& backend = clinic.backend();
    AuditSubject summary = makeSubject(AuditEventId::SecurityAlert, audit::AuditEventType::SecurityConfiguration,
                                       AuditAction::Update, "CareTeam", {}, "care-team rows bound to audit events");
    summary.flagged = true; // the rows are trusted as they stand
    auto run = [&]() -> Result<std::size_t> {
        auto tx = backend.transactions().begin();
        CC_TRY(tx);
        auto rows = backend.careTeams().allRows();
        CC_TRY(rows);
        std::size_t bound = 0;
        for (auto row : *rows) {
            if (row.auditSeq > 0)
                continue;
            AuditSubject one =
                makeSubject(AuditEventId::SecurityAlert, audit::AuditEventType::ObjectSecurityAttributesChanged,
                            AuditAction::Create, "CareTeam", idHex(row.doctor), std::string(kBoundDetail));
            one.patientId = idHex(row.patient);
            auto seq = recordForBinding(clinic, one);
            CC_TRY(seq);
            row.auditSeq = *seq;
            CC_TRY(backend.careTeams().bind(row));
            ++bound;
        }
        CC_TRY(backend.meta().set(ports::meta::kCareTeamBound, std::vector<std::uint8_t>{'1'}));
        summary.detail += ": " + std::to_string(bound) + " rows";
        CC_TRY(clinic.record(summary, AuditOutcome::Success));
        CC_TRY((*tx)->commit());
        return bound;
    };
    auto result = run();
    if (!result) {
        clinic.bindingCache().clear(); // events read inside the rolled-back transaction
        summary.detail += ": " + result.error().message;
        CC_TRY(clinic.record(summary, AuditOutcome::MinorFailure));
    }
    return result;
}

} // namespace cc::services
