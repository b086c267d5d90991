// SPDX-License-Identifier: GPL-3.0-or-later
// The patient portal (issue 10 item 1, docs/PORTAL.md): a patient account holds no clinic-wide key
// and never opens the database. Staff sessions keep one sealed portal file per patient account
// current (the record, the shared notes, small attachments, the access history); the patient posts
// sealed outbox messages (what they did, research consent changes) that the next doctor session
// applies to the database and the audit trail.
#pragma once

#include "core/Result.h"
#include "core/access/Ids.h"
#include "core/access/KeyRing.h"
#include "core/access/KeySlotFile.h"
#include "core/audit/AuditExport.h"
#include "core/crypto/Rng.h"
#include "core/interop/PatientRecord.h"
#include "core/model/ClinicalNote.h"
#include "core/records/PatientKeys.h"
#include "core/services/ClinicService.h"
#include "core/services/PatientService.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <vector>

namespace cc::services {

/// What a portal file holds, decrypted.
struct PortalRecord
{
    std::uint64_t builtAtSeq = 0;                         ///< the audit trail's last seq when it was built
    std::int64_t builtAtMs = 0;                           ///< when it was built (UTC ms)
    PatientChart chart;                                   ///< identity and clinical rows (basis unused)
    std::vector<model::ClinicalNote> notes;               ///< shared with the patient only
    std::vector<interop::ExportedAttachment> attachments; ///< content when at most kInlineAttachmentLimit
    std::vector<audit::AuditEntry> history;               ///< events naming the patient, oldest first
};

/// The authenticated-in-AAD header of a portal file, readable without a key.
struct PortalHeader
{
    access::ClinicId clinic{};
    access::PatientId patient{};
    std::uint64_t builtAtSeq = 0;
    std::int64_t builtAtMs = 0;
};

/// One patient outbox message, decrypted.
struct PortalMessageBody
{
    std::int64_t timeMs = 0;
    std::optional<audit::AuditEvent> activity; ///< an Activity message: the event the portal session recorded
    std::optional<bool> researchOptOut;        ///< a Consent message: the patient's choice
};

/// What one maintenance pass of a doctor's session did.
struct PortalPass
{
    std::size_t activitiesApplied = 0;
    std::size_t consentsApplied = 0;
    std::size_t refused = 0; ///< messages that did not open or did not fit (kept out of the trail, named in it)
    std::size_t portalsWritten = 0;
    std::size_t portalsFailed = 0;
};

class PortalService
{
public:
    /// Attachments up to this size travel inside the portal; larger ones are listed only.
    static constexpr qint64 kInlineAttachmentLimit = qint64(4) << 20;
    static constexpr std::uint8_t kFormatVersion = 1;

    explicit PortalService(ClinicService& clinic) : m_clinic(clinic) {}

    // ---- the file formats (pure) ----
    /// Seals `record` for `patient` under a key derived from the patient's clinical key (only the
    /// patient and the clinical-key holders can open or forge it). Errors: CryptoFailure, MalformedInput.
    [[nodiscard]] static Result<std::vector<std::uint8_t>>
    seal(const PortalRecord& record, const access::ClinicId& clinic, const access::PatientId& patient,
         const records::PatientKey& clinicalKey, crypto::Rng& rng);
    /// The header (not yet authenticated: open() checks it). Errors: MalformedInput, Unsupported.
    [[nodiscard]] static Result<PortalHeader> readHeader(std::span<const std::uint8_t> bytes);
    /// Opens and decodes a portal file strictly. Errors: MalformedInput (naming the field), Unsupported,
    /// KeyMismatch (another clinic or patient), IntegrityFailure (tag: edited, or sealed under another key).
    [[nodiscard]] static Result<PortalRecord> open(std::span<const std::uint8_t> bytes, const access::ClinicId& clinic,
                                                   const access::PatientId& patient,
                                                   const records::PatientKey& clinicalKey);
    /// Seals one outbox message.
    [[nodiscard]] static Result<std::vector<std::uint8_t>>
    sealMessage(const PortalMessageBody& body, const access::ClinicId& clinic, const access::PatientId& patient,
                const records::PatientKey& clinicalKey, crypto::Rng& rng);
    /// Opens one outbox message. Errors: as open().
    [[nodiscard]] static Result<PortalMessageBody> openMessage(std::span<const std::uint8_t> bytes,
                                                               const access::ClinicId& clinic,
                                                               const access::PatientId& patient,
                                                               const records::PatientKey& clinicalKey);

    // ---- staff sessions ----
    /// Builds and writes `patient`'s portal with `staff`'s keys (a ring holding both category keys:
    /// a doctor's, or the sponsoring doctor's at account creation). Not audited (the caller's event
    /// covers it). Errors: KeyMismatch, storage errors, IntegrityFailure.
    [[nodiscard]] Status build(const access::KeyRing& staff, const access::PatientId& patient);
    /// A doctor's pass: applies every waiting outbox message, then rewrites the portal of every
    /// patient account whose portal is missing or older than the newest audit event naming the
    /// patient (or, with `only`, just those patients). One audit event sums it up; does nothing
    /// for other roles.
    [[nodiscard]] Result<PortalPass> maintain(const std::set<access::PatientId>* only = nullptr);
    /// Consent messages waiting (a report refuses to run while any wait). Errors: storage.
    [[nodiscard]] Result<std::size_t> pendingConsents();

    // ---- the patient's own session ----
    /// The session's own portal, opened and checked. Errors: NotFound (no portal written yet),
    /// AccessDenied (not a patient session), as open().
    [[nodiscard]] Result<PortalRecord> openOwn();
    /// openOwn() for the services' patient paths: `patient` must be the session's own; the opened
    /// portal is reused for kCacheMs (one window refresh asks for the chart, notes and files).
    [[nodiscard]] Result<std::shared_ptr<const PortalRecord>> ownFor(const access::PatientId& patient);
    static constexpr std::int64_t kCacheMs = 5000;
    /// Posts `event` (what the portal session did) to the outbox.
    [[nodiscard]] Status postActivity(const audit::AuditEvent& event);
    /// Posts a research consent change to the outbox. Errors: AccessDenied, storage.
    [[nodiscard]] Status postConsent(bool optOut);
    /// The session's own activity still waiting in the outbox (what this patient did since the
    /// portal was written), numbered after `afterSeq` so it sorts after the portal's history.
    [[nodiscard]] Result<std::vector<audit::AuditEntry>> pendingOwnActivity(std::uint64_t afterSeq);
    /// The patient's latest consent choice still waiting in the outbox, if any.
    [[nodiscard]] Result<std::optional<bool>> pendingOwnConsent();

private:
    Result<records::PatientKey> ownKey(access::PatientId& patient);
    Status post(PortalMessageBody body, ports::PortalMessageKind kind);
    Status applyMessage(const access::KeyRing& staff, const ports::PortalMessage& message,
                        const std::map<access::PatientId, access::AccountInfo>& accountOf, PortalPass& pass);

    ClinicService& m_clinic;
};

} // namespace cc::services
