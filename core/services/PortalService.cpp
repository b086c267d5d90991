// SPDX-License-Identifier: GPL-3.0-or-later
// Patient portal files and outbox messages (docs/PORTAL.md).
#include "core/services/PortalService.h"

#include "core/access/BinaryReader.h"
#include "core/access/BinaryWriter.h"
#include "core/crypto/Aead.h"
#include "core/crypto/Kdf.h"
#include "core/services/AttachmentService.h"
#include "core/services/ConsentService.h"
#include "core/services/NoteService.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <string_view>

namespace cc::services {

using access::ChartData;
using access::KeyKind;
using audit::AuditAction;
using audit::AuditEventId;
using audit::AuditEventType;
using audit::AuditOutcome;

namespace {

constexpr std::array<std::uint8_t, 4> kPortalMagic{'C', 'C', 'P', 'T'};
constexpr std::array<std::uint8_t, 4> kMessageMagic{'C', 'C', 'P', 'M'};
constexpr std::size_t kPortalHeaderSize = 4 + 1 + 16 + 16 + 8 + 8;
constexpr std::size_t kMessageHeaderSize = 4 + 1 + 16 + 16;
constexpr std::string_view kPortalInfo = "CipherChart portal v1";
constexpr std::string_view kMessageInfo = "CipherChart portal outbox v1";

std::span<const std::uint8_t> asBytes(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

Result<crypto::SecureBytes> derive(const records::PatientKey& key, const access::ClinicId& clinic,
                                   std::string_view info)
{
    return crypto::hkdfSha256(key.secret.span(), clinic, asBytes(info), crypto::Aead::kKeySize);
}

std::vector<std::uint8_t> portalHeader(const PortalHeader& h)
{
    std::vector<std::uint8_t> out;
    access::BinaryWriter w(out);
    w.bytes(kPortalMagic);
    w.u8(PortalService::kFormatVersion);
    w.bytes(h.clinic);
    w.bytes(h.patient);
    w.u64(h.builtAtSeq);
    w.i64(h.builtAtMs);
    return out;
}

std::vector<std::uint8_t> messageHeader(const access::ClinicId& clinic, const access::PatientId& patient)
{
    std::vector<std::uint8_t> out;
    access::BinaryWriter w(out);
    w.bytes(kMessageMagic);
    w.u8(PortalService::kFormatVersion);
    w.bytes(clinic);
    w.bytes(patient);
    return out;
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QString b64(std::span<const std::uint8_t> bytes)
{
    return b64(QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())));
}

Error malformed(const std::string& field, const std::string& what)
{
    return makeError(ErrorCode::MalformedInput, "portal file: " + field + ": " + what);
}

/// Strict field access for the decoded payload: every key known, every type checked.
class Fields
{
public:
    Fields(const QJsonObject& object, std::string where) : m_object(object), m_where(std::move(where)) {}

    Status only(std::initializer_list<const char*> keys) const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            bool known = false;
            for (const char* k : keys)
                known = known || it.key() == QLatin1String(k);
            if (!known)
                return malformed(m_where + "." + it.key().toStdString(), "unknown field");
        }
        return {};
    }
    Result<QByteArray> base64(const char* key, bool optional = false) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() && optional)
            return QByteArray();
        if (!v.isString())
            return malformed(m_where + "." + key, "missing or not a string");
        auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return malformed(m_where + "." + key, "not base64");
        return *decoded;
    }
    Result<model::RowId> id(const char* key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isString())
            return malformed(m_where + "." + key, "missing or not a string");
        auto id = model::rowIdFromHex(v.toString());
        if (!id)
            return malformed(m_where + "." + key, "not a row id");
        return *id;
    }
    Result<std::optional<model::RowId>> optionalId(const char* key) const
    {
        if (!m_object.contains(QLatin1String(key)))
            return std::optional<model::RowId>();
        auto v = id(key);
        CC_TRY(v);
        return std::optional<model::RowId>(*v);
    }
    Result<QJsonArray> array(const char* key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isArray())
            return malformed(m_where + "." + key, "missing or not an array");
        return v.toArray();
    }
    Result<QJsonObject> objectAt(const QJsonArray& array, qsizetype i, const char* key) const
    {
        if (!array.at(i).isObject())
            return malformed(m_where + "." + key + "[" + std::to_string(i) + "]", "not an object");
        return array.at(i).toObject();
    }
    Result<std::int64_t> integer(const char* key) const
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInteger()) || v.toInteger() < 0)
            return malformed(m_where + "." + key, "missing or not a non-negative integer");
        return v.toInteger();
    }
    [[nodiscard]] const std::string& where() const noexcept { return m_where; }

private:
    const QJsonObject& m_object;
    std::string m_where;
};

const char* kindName(ports::ClinicalKind kind)
{
    switch (kind) {
    case ports::ClinicalKind::Encounter:
        return "encounter";
    case ports::ClinicalKind::Condition:
        return "condition";
    case ports::ClinicalKind::Observation:
        return "observation";
    case ports::ClinicalKind::Medication:
        return "medication";
    case ports::ClinicalKind::Allergy:
        return "allergy";
    case ports::ClinicalKind::Note:
        return "note";
    }
    return "unknown";
}

template <typename T> QJsonObject rowObject(const char* kind, const T& row)
{
    QJsonObject o;
    o[QStringLiteral("k")] = QLatin1String(kind);
    o[QStringLiteral("id")] = model::rowIdToHex(row.id);
    if constexpr (requires { row.encounterId; }) {
        if (row.encounterId)
            o[QStringLiteral("enc")] = model::rowIdToHex(*row.encounterId);
    }
    o[QStringLiteral("doc")] = b64(row.toJson());
    return o;
}

QByteArray encodePayload(const PortalRecord& record, Status& status)
{
    QJsonObject root;
    root[QStringLiteral("v")] = 1;
    root[QStringLiteral("identity")] = b64(record.chart.patient.toJson());
    QJsonArray rows;
    for (const auto& r : record.chart.encounters)
        rows.append(rowObject(kindName(ports::ClinicalKind::Encounter), r));
    for (const auto& r : record.chart.conditions)
        rows.append(rowObject(kindName(ports::ClinicalKind::Condition), r));
    for (const auto& r : record.chart.observations)
        rows.append(rowObject(kindName(ports::ClinicalKind::Observation), r));
    for (const auto& r : record.chart.medications)
        rows.append(rowObject(kindName(ports::ClinicalKind::Medication), r));
    for (const auto& r : record.chart.allergies)
        rows.append(rowObject(kindName(ports::ClinicalKind::Allergy), r));
    root[QStringLiteral("rows")] = rows;
    QJsonArray notes;
    for (const auto& n : record.notes)
        notes.append(rowObject(kindName(ports::ClinicalKind::Note), n));
    root[QStringLiteral("notes")] = notes;
    QJsonArray attachments;
    for (const auto& a : record.attachments) {
        QJsonObject o = rowObject("attachment", a.info);
        if (a.content)
            o[QStringLiteral("content")] = b64(*a.content);
        attachments.append(o);
    }
    root[QStringLiteral("attachments")] = attachments;
    QJsonArray history;
    for (const auto& entry : record.history) {
        auto body = audit::encodeEvent(entry.event);
        if (!body) {
            status = std::move(body).error();
            return {};
        }
        history.append(b64(*body));
    }
    root[QStringLiteral("history")] = history;
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

template <typename T>
Status decodeInto(std::vector<T>& out, const QByteArray& doc, const model::RowId& id,
                  const std::optional<model::RowId>& encounter, const model::RowId& patient)
{
    auto decoded = T::fromJson(doc);
    CC_TRY(decoded);
    decoded->id = id;
    decoded->patientId = patient;
    if constexpr (requires { decoded->encounterId = encounter; })
        decoded->encounterId = encounter;
    out.push_back(std::move(*decoded));
    return {};
}

/// One stored row of the payload: its object, where it is (for errors), and its common fields.
struct RowItem
{
    QJsonObject object;
    std::string where;
    model::RowId id{};
    std::optional<model::RowId> encounter;
    QByteArray doc;
};

Result<std::vector<RowItem>> rowItems(const Fields& f, const char* key, std::initializer_list<const char*> allowed)
{
    auto array = f.array(key);
    CC_TRY(array);
    std::vector<RowItem> out;
    for (qsizetype i = 0; i < array->size(); ++i) {
        auto object = f.objectAt(*array, i, key);
        CC_TRY(object);
        RowItem item{std::move(*object), f.where() + "." + key + "[" + std::to_string(i) + "]", {}, {}, {}};
        Fields row(item.object, item.where);
        CC_TRY(row.only(allowed));
        auto id = row.id("id");
        CC_TRY(id);
        auto enc = row.optionalId("enc");
        CC_TRY(enc);
        auto doc = row.base64("doc");
        CC_TRY(doc);
        item.id = *id;
        item.encounter = *enc;
        item.doc = std::move(*doc);
        out.push_back(std::move(item));
    }
    return out;
}

Result<PortalRecord> decodePayload(std::span<const std::uint8_t> plain, const model::RowId& patient)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(plain.data()), static_cast<qsizetype>(plain.size())),
        &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return malformed("payload", "not a JSON object");
    const QJsonObject root = doc.object();
    Fields f(root, "payload");
    CC_TRY(f.only({"v", "identity", "rows", "notes", "attachments", "history"}));
    if (root.value(QStringLiteral("v")) != QJsonValue(1))
        return makeError(ErrorCode::Unsupported, "portal file: payload version is not 1");
    PortalRecord out;
    auto identity = f.base64("identity");
    CC_TRY(identity);
    auto patientDoc = model::Patient::fromJson(*identity);
    CC_TRY(patientDoc);
    out.chart.patient = std::move(*patientDoc);
    out.chart.patient.id = patient;

    auto rows = rowItems(f, "rows", {"k", "id", "enc", "doc"});
    CC_TRY(rows);
    for (const RowItem& row : *rows) {
        const QString kind = row.object.value(QStringLiteral("k")).toString();
        Status decoded;
        if (kind == QLatin1String("encounter"))
            decoded = decodeInto(out.chart.encounters, row.doc, row.id, row.encounter, patient);
        else if (kind == QLatin1String("condition"))
            decoded = decodeInto(out.chart.conditions, row.doc, row.id, row.encounter, patient);
        else if (kind == QLatin1String("observation"))
            decoded = decodeInto(out.chart.observations, row.doc, row.id, row.encounter, patient);
        else if (kind == QLatin1String("medication"))
            decoded = decodeInto(out.chart.medications, row.doc, row.id, row.encounter, patient);
        else if (kind == QLatin1String("allergy"))
            decoded = decodeInto(out.chart.allergies, row.doc, row.id, row.encounter, patient);
        else
            return malformed(row.where + ".k", "unknown row kind");
        CC_TRY(decoded);
    }
    auto notes = rowItems(f, "notes", {"k", "id", "enc", "doc"});
    CC_TRY(notes);
    for (const RowItem& note : *notes)
        CC_TRY(decodeInto(out.notes, note.doc, note.id, note.encounter, patient));
    auto attachments = rowItems(f, "attachments", {"k", "id", "enc", "doc", "content"});
    CC_TRY(attachments);
    for (const RowItem& a : *attachments) {
        std::vector<model::AttachmentInfo> info;
        CC_TRY(decodeInto(info, a.doc, a.id, a.encounter, patient));
        interop::ExportedAttachment item{std::move(info.front()), std::nullopt};
        if (a.object.contains(QStringLiteral("content"))) {
            auto content = Fields(a.object, a.where).base64("content");
            CC_TRY(content);
            if (content->size() != item.info.size)
                return malformed(a.where + ".content", "size differs from the attachment's");
            item.content = std::move(*content);
        }
        out.attachments.push_back(std::move(item));
    }
    auto history = f.array("history");
    CC_TRY(history);
    for (qsizetype i = 0; i < history->size(); ++i) {
        const std::string where = "payload.history[" + std::to_string(i) + "]";
        if (!history->at(i).isString())
            return malformed(where, "not a string");
        auto body = QByteArray::fromBase64Encoding(history->at(i).toString().toLatin1(),
                                                   QByteArray::AbortOnBase64DecodingErrors);
        if (!body)
            return malformed(where, "not base64");
        const QByteArray& bytes = body.decoded;
        auto event = audit::decodeEvent(std::span(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                                  static_cast<std::size_t>(bytes.size())));
        if (!event)
            return malformed(where, event.error().message);
        if (event->patientId != idHex(patient))
            return malformed(where, "an event of another patient");
        out.history.push_back(audit::AuditEntry{std::move(*event), {}, {}});
    }
    return out;
}

std::int64_t nowMs(const Clock& clock)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch()).count();
}

} // namespace

Result<std::vector<std::uint8_t>> PortalService::seal(const PortalRecord& record, const access::ClinicId& clinic,
                                                      const access::PatientId& patient,
                                                      const records::PatientKey& clinicalKey, crypto::Rng& rng)
{
    Status encoded;
    const QByteArray payload = encodePayload(record, encoded);
    CC_TRY(encoded);
    auto key = derive(clinicalKey, clinic, kPortalInfo);
    CC_TRY(key);
    auto header = portalHeader({clinic, patient, record.builtAtSeq, record.builtAtMs});
    auto sealed = crypto::Aead::seal(
        *key, clinicalKey.keyId,
        std::span(reinterpret_cast<const std::uint8_t*>(payload.constData()), static_cast<std::size_t>(payload.size())),
        header, rng);
    CC_TRY(sealed);
    header.insert(header.end(), sealed->begin(), sealed->end());
    return header;
}

Result<PortalHeader> PortalService::readHeader(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() < kPortalHeaderSize + crypto::Aead::kOverhead)
        return makeError(ErrorCode::MalformedInput, "portal file: shorter than its header");
    access::BinaryReader r(bytes.first(kPortalHeaderSize));
    std::array<std::uint8_t, 4> magic{};
    r.into(magic);
    if (magic != kPortalMagic)
        return makeError(ErrorCode::MalformedInput, "portal file: not a CipherChart portal file");
    if (const auto version = r.u8(); version != kFormatVersion)
        return makeError(ErrorCode::Unsupported, "portal file: format version " + std::to_string(version));
    PortalHeader h;
    r.into(h.clinic);
    r.into(h.patient);
    h.builtAtSeq = r.u64();
    h.builtAtMs = r.i64();
    return h;
}

Result<PortalRecord> PortalService::open(std::span<const std::uint8_t> bytes, const access::ClinicId& clinic,
                                         const access::PatientId& patient, const records::PatientKey& clinicalKey)
{
    auto header = readHeader(bytes);
    CC_TRY(header);
    if (header->clinic != clinic)
        return makeError(ErrorCode::KeyMismatch, "portal file: written for another clinic");
    if (header->patient != patient)
        return makeError(ErrorCode::KeyMismatch, "portal file: written for another patient");
    auto key = derive(clinicalKey, clinic, kPortalInfo);
    CC_TRY(key);
    auto plain =
        crypto::Aead::open(*key, clinicalKey.keyId, bytes.subspan(kPortalHeaderSize), bytes.first(kPortalHeaderSize));
    if (!plain && plain.error().code == ErrorCode::IntegrityFailure)
        return makeError(ErrorCode::IntegrityFailure, "portal file: does not authenticate (edited, or not sealed "
                                                      "for this patient's key)");
    CC_TRY(plain);
    auto record = decodePayload(plain->span(), patient);
    CC_TRY(record);
    record->builtAtSeq = header->builtAtSeq;
    record->builtAtMs = header->builtAtMs;
    return record;
}

Result<std::vector<std::uint8_t>> PortalService::sealMessage(const PortalMessageBody& body,
                                                             const access::ClinicId& clinic,
                                                             const access::PatientId& patient,
                                                             const records::PatientKey& clinicalKey, crypto::Rng& rng)
{
    QJsonObject o;
    o[QStringLiteral("v")] = 1;
    o[QStringLiteral("time")] = static_cast<qint64>(body.timeMs);
    if (body.activity) {
        auto encoded = audit::encodeEvent(*body.activity);
        CC_TRY(encoded);
        o[QStringLiteral("event")] = b64(*encoded);
    }
    if (body.researchOptOut)
        o[QStringLiteral("researchOptOut")] = *body.researchOptOut;
    if (body.activity.has_value() == body.researchOptOut.has_value())
        return makeError(ErrorCode::InvalidArgument, "a portal message carries either an event or a consent choice");
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    auto key = derive(clinicalKey, clinic, kMessageInfo);
    CC_TRY(key);
    auto header = messageHeader(clinic, patient);
    auto sealed = crypto::Aead::seal(
        *key, clinicalKey.keyId,
        std::span(reinterpret_cast<const std::uint8_t*>(json.constData()), static_cast<std::size_t>(json.size())),
        header, rng);
    CC_TRY(sealed);
    header.insert(header.end(), sealed->begin(), sealed->end());
    return header;
}

Result<PortalMessageBody> PortalService::openMessage(std::span<const std::uint8_t> bytes,
                                                     const access::ClinicId& clinic, const access::PatientId& patient,
                                                     const records::PatientKey& clinicalKey)
{
    if (bytes.size() < kMessageHeaderSize + crypto::Aead::kOverhead)
        return makeError(ErrorCode::MalformedInput, "portal message: shorter than its header");
    const auto expected = messageHeader(clinic, patient);
    if (!std::equal(expected.begin(), expected.end(), bytes.begin()))
        return makeError(ErrorCode::KeyMismatch, "portal message: not one of this patient of this clinic");
    auto key = derive(clinicalKey, clinic, kMessageInfo);
    CC_TRY(key);
    auto plain =
        crypto::Aead::open(*key, clinicalKey.keyId, bytes.subspan(kMessageHeaderSize), bytes.first(kMessageHeaderSize));
    CC_TRY(plain);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(plain->data()), static_cast<qsizetype>(plain->size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::MalformedInput, "portal message: not a JSON object");
    const QJsonObject o = doc.object();
    Fields f(o, "message");
    CC_TRY(f.only({"v", "time", "event", "researchOptOut"}));
    if (o.value(QStringLiteral("v")) != QJsonValue(1))
        return makeError(ErrorCode::Unsupported, "portal message: version is not 1");
    PortalMessageBody out;
    auto time = f.integer("time");
    CC_TRY(time);
    out.timeMs = *time;
    if (o.contains(QStringLiteral("event"))) {
        auto body = f.base64("event");
        CC_TRY(body);
        auto event = audit::decodeEvent(std::span(reinterpret_cast<const std::uint8_t*>(body->constData()),
                                                  static_cast<std::size_t>(body->size())));
        CC_TRY(event);
        out.activity = std::move(*event);
    }
    if (o.contains(QStringLiteral("researchOptOut"))) {
        if (!o.value(QStringLiteral("researchOptOut")).isBool())
            return makeError(ErrorCode::MalformedInput, "portal message: researchOptOut is not a boolean");
        out.researchOptOut = o.value(QStringLiteral("researchOptOut")).toBool();
    }
    if (out.activity.has_value() == out.researchOptOut.has_value())
        return makeError(ErrorCode::MalformedInput, "portal message: carries neither or both of event and consent");
    return out;
}

namespace {

/// The patient accounts of the clinic: patient id -> user name.
Result<std::map<access::PatientId, access::AccountInfo>> patientAccounts(ClinicService& clinic)
{
    auto file = clinic.backend().keySlots().load();
    CC_TRY(file);
    std::map<access::PatientId, access::AccountInfo> out;
    for (const auto& account : file->listAccounts())
        if (account.patientId)
            out[*account.patientId] = account;
    return out;
}

/// Every audit event naming one of `patients`, by patient (hex) id.
Result<std::map<std::string, std::vector<audit::AuditEntry>>> historiesOf(ClinicService& clinic,
                                                                          const std::set<std::string>& patients)
{
    std::map<std::string, std::vector<audit::AuditEntry>> out;
    if (patients.empty())
        return out;
    CC_TRY(
        audit::AuditExport::forEach(clinic.backend().auditStore(), {}, [&](const audit::AuditEntry& entry) -> Status {
            if (!entry.event.patientId.empty() && patients.contains(entry.event.patientId))
                out[entry.event.patientId].push_back(entry);
            return {};
        }));
    return out;
}

/// The newest seq of an event naming each of `patients`, among the events after `afterSeq`.
Result<std::map<std::string, std::uint64_t>> newestSince(ClinicService& clinic, std::uint64_t afterSeq,
                                                         const std::set<std::string>& patients)
{
    constexpr std::size_t kPage = 1000;
    std::map<std::string, std::uint64_t> out;
    std::uint64_t next = afterSeq + 1;
    for (;;) {
        auto page = clinic.backend().auditStore().read(next, kPage);
        CC_TRY(page);
        for (const auto& r : *page) {
            auto event = audit::decodeEvent(r.body);
            if (!event)
                return makeError(ErrorCode::IntegrityFailure,
                                 "audit event " + std::to_string(r.seq) + ": " + event.error().message);
            if (patients.contains(event->patientId))
                out[event->patientId] = r.seq;
            next = r.seq + 1;
        }
        if (page->size() < kPage)
            return out;
    }
}

Status buildWith(ClinicService& clinic, const access::KeyRing& staff, const model::RowId& patient,
                 std::vector<audit::AuditEntry> history)
{
    auto clinical = PatientService::openChartKeyWith(clinic, staff, patient, ChartData::Clinical);
    CC_TRY(clinical);
    auto identity = PatientService::openChartKeyWith(clinic, staff, patient, ChartData::Identity);
    CC_TRY(identity);
    PortalRecord record;
    audit::AuditLog* log = clinic.auditLog();
    record.builtAtSeq = log != nullptr ? log->lastSeq() : 0;
    record.builtAtMs = nowMs(clinic.clock());
    auto chart = PatientService::readChartWith(clinic, patient, *clinical, *identity);
    CC_TRY(chart);
    record.chart = std::move(*chart);
    auto notes = NoteService::sharedNotes(clinic, patient, *clinical);
    CC_TRY(notes);
    record.notes = std::move(*notes);
    auto attachments =
        AttachmentService::contentsWith(clinic, patient, *clinical, PortalService::kInlineAttachmentLimit);
    CC_TRY(attachments);
    record.attachments = std::move(*attachments);
    record.history = std::move(history);
    auto sealed =
        PortalService::seal(record, clinic.backend().descriptor().clinicId, patient, clinical->key, clinic.rng());
    CC_TRY(sealed);
    return clinic.backend().portals().writePortal(patient, *sealed);
}

} // namespace

Status PortalService::build(const access::KeyRing& staff, const model::RowId& patient)
{
    auto histories = historiesOf(m_clinic, {idHex(patient)});
    CC_TRY(histories);
    return buildWith(m_clinic, staff, patient, std::move((*histories)[idHex(patient)]));
}

Status PortalService::applyMessage(const access::KeyRing& staff, const ports::PortalMessage& message,
                                   const std::map<access::PatientId, access::AccountInfo>& accountOf, PortalPass& pass)
{
    audit::AuditLog* log = m_clinic.auditLog();
    if (log == nullptr)
        return makeError(ErrorCode::AccessDenied, "the audit trail is not open");
    const std::string patientHex = idHex(message.patient);
    auto refuse = [&](const std::string& why) -> Status {
        AuditSubject subject = makeSubject(AuditEventId::SecurityAlert, AuditEventType::None, AuditAction::Execute,
                                           "PatientPortal", {}, audit::fitDetail("portal message refused: " + why));
        subject.patientId = patientHex;
        subject.flagged = true;
        CC_TRY(m_clinic.record(subject, AuditOutcome::SeriousFailure));
        ++pass.refused;
        return m_clinic.backend().portals().removeMessage(message.name);
    };
    auto account = accountOf.find(message.patient);
    if (account == accountOf.end())
        return refuse("no patient account for this record");
    auto clinical = PatientService::openChartKeyWith(m_clinic, staff, message.patient, ChartData::Clinical);
    if (!clinical)
        return refuse("the record's key does not open: " + clinical.error().message);
    auto body = openMessage(message.bytes, m_clinic.backend().descriptor().clinicId, message.patient, clinical->key);
    if (!body)
        return refuse(body.error().message);
    const std::string when = audit::formatUtcMillis(body->timeMs);
    if (body->activity) {
        if (message.kind != ports::PortalMessageKind::Activity)
            return refuse("an activity filed as a consent change");
        audit::AuditEvent e = std::move(*body->activity);
        // The patient's own events; one naming another record can only be a refusal (a patient
        // session is denied every other chart), kept under that record so its history shows it.
        const bool otherRecord = !e.patientId.empty() && e.patientId != patientHex;
        if (e.role != "patient" || e.userName != account->second.userName ||
            e.userId != idHex(account->second.userId) || (otherRecord && e.outcome == AuditOutcome::Success))
            return refuse("an event that is not this patient account's own");
        if (e.patientId.empty())
            e.patientId = patientHex;
        e.detail = audit::fitDetail("in the patient portal at " + when + (e.detail.empty() ? "" : "; " + e.detail));
        e.seq = 1;
        CC_TRY(log->record(std::move(e)));
        ++pass.activitiesApplied;
        return m_clinic.backend().portals().removeMessage(message.name);
    }
    if (message.kind != ports::PortalMessageKind::Consent)
        return refuse("a consent change filed as an activity");
    auto identity = PatientService::openChartKeyWith(m_clinic, staff, message.patient, ChartData::Identity);
    if (!identity)
        return refuse("the record's identity key does not open: " + identity.error().message);
    const bool optOut = *body->researchOptOut;
    auto written = ConsentService::writeChoice(
        m_clinic, message.patient, *identity, *clinical, optOut, [&](std::size_t rows) -> Status {
            // Recorded as the patient's own action: they made the choice; this session applied it.
            AuditSubject subject = makeSubject(
                AuditEventId::PatientRecord, AuditEventType::None, AuditAction::Update, "Consent", patientHex,
                std::string(optOut ? "research opt-out" : "research opt-in") + ", " + std::to_string(rows) +
                    " index rows, chosen in the patient portal at " + when);
            subject.patientId = patientHex;
            audit::AuditEvent e = m_clinic.eventFor(subject, AuditOutcome::Success);
            e.detail = audit::fitDetail(e.detail + ", applied by " + e.userName + "'s session");
            e.userName = account->second.userName;
            e.role = "patient";
            e.userId = idHex(account->second.userId);
            return log->record(std::move(e));
        });
    if (!written)
        return refuse("the consent change could not be applied: " + written.error().message);
    ++pass.consentsApplied;
    return m_clinic.backend().portals().removeMessage(message.name);
}

Result<PortalPass> PortalService::maintain(const std::set<model::RowId>* only)
{
    PortalPass pass;
    const access::Session* session = m_clinic.session();
    if (session == nullptr || session->role() != access::Role::Doctor || m_clinic.auditLog() == nullptr)
        return pass;
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    if (!(*ring)->has(KeyKind::ClinicalCategory) || !(*ring)->has(KeyKind::IdentityCategory))
        return pass;
    auto accounts = patientAccounts(m_clinic);
    CC_TRY(accounts);

    auto messages = m_clinic.backend().portals().messages(std::nullopt);
    CC_TRY(messages);
    for (const auto& message : *messages)
        CC_TRY(applyMessage(**ring, message, *accounts, pass));

    // Which portals are stale: missing, unreadable, or built before the newest event naming the
    // patient. Only the events after the oldest portal are read for that; the histories of the
    // stale ones then take one pass over the trail.
    std::map<std::string, std::optional<PortalHeader>> headers;
    std::uint64_t oldest = std::numeric_limits<std::uint64_t>::max();
    for (const auto& [patient, account] : *accounts) {
        if (only != nullptr && !only->contains(patient))
            continue;
        std::optional<PortalHeader> header;
        if (auto stored = m_clinic.backend().portals().readPortal(patient); stored && stored->has_value())
            if (auto h = readHeader(**stored); h && h->clinic == m_clinic.backend().descriptor().clinicId)
                header = *h;
        oldest = std::min<std::uint64_t>(oldest, header ? header->builtAtSeq : 0);
        headers[idHex(patient)] = header;
    }
    std::set<std::string> candidates;
    for (const auto& [hex, header] : headers)
        candidates.insert(hex);
    auto newest = newestSince(m_clinic, candidates.empty() ? 0 : oldest, candidates);
    CC_TRY(newest);
    std::set<std::string> stale;
    for (const auto& [hex, header] : headers) {
        const auto it = newest->find(hex);
        if (!header || (it != newest->end() && header->builtAtSeq < it->second))
            stale.insert(hex);
    }
    auto histories = historiesOf(m_clinic, stale);
    CC_TRY(histories);
    for (const auto& [patient, account] : *accounts) {
        const std::string hex = idHex(patient);
        if (!stale.contains(hex))
            continue;
        if (buildWith(m_clinic, **ring, patient, std::move((*histories)[hex])))
            ++pass.portalsWritten;
        else
            ++pass.portalsFailed; // e.g. a patient record removed: counted in the summary, retried next time
    }
    if (pass.activitiesApplied + pass.consentsApplied + pass.refused + pass.portalsWritten + pass.portalsFailed > 0) {
        AuditSubject subject = makeSubject(
            AuditEventId::ApplicationActivity, AuditEventType::None, AuditAction::Execute, "PatientPortal", {},
            "patient portal: " + std::to_string(pass.activitiesApplied) + " activities and " +
                std::to_string(pass.consentsApplied) + " consent changes applied, " + std::to_string(pass.refused) +
                " messages refused, " + std::to_string(pass.portalsWritten) + " portals written, " +
                std::to_string(pass.portalsFailed) + " failed");
        CC_TRY(m_clinic.record(subject, pass.portalsFailed + pass.refused > 0 ? AuditOutcome::MinorFailure
                                                                              : AuditOutcome::Success));
    }
    return pass;
}

Result<std::size_t> PortalService::pendingConsents()
{
    return m_clinic.backend().portals().countMessages(ports::PortalMessageKind::Consent);
}

Result<records::PatientKey> PortalService::ownKey(access::PatientId& patient)
{
    const access::Session* session = m_clinic.session();
    if (session == nullptr || session->role() != access::Role::Patient)
        return makeError(ErrorCode::AccessDenied, "only a patient account has a portal");
    auto ring = m_clinic.keys();
    CC_TRY(ring);
    if (!(*ring)->patientId())
        return makeError(ErrorCode::AccessDenied, "this account is not linked to a patient record");
    const access::KeyEntry* own = (*ring)->find(KeyKind::PatientClinical);
    if (own == nullptr)
        return makeError(ErrorCode::KeyMismatch, "this account holds no key to its record");
    patient = *(*ring)->patientId();
    return records::PatientKey{own->keyId, own->secret.clone()};
}

Result<std::shared_ptr<const PortalRecord>> PortalService::ownFor(const model::RowId& patient)
{
    const access::Session* session = m_clinic.session();
    if (session == nullptr || !session->patientId() || *session->patientId() != patient)
        return makeError(ErrorCode::AccessDenied, "a patient account may open only its own record");
    const std::int64_t now = nowMs(m_clinic.clock());
    auto [cached, at] = m_clinic.cachedPortal();
    if (cached && now >= at && now - at < kCacheMs)
        return cached;
    auto opened = openOwn();
    CC_TRY(opened);
    auto shared = std::make_shared<const PortalRecord>(std::move(*opened));
    m_clinic.cachePortal(shared, now);
    return shared;
}

Result<PortalRecord> PortalService::openOwn()
{
    access::PatientId patient{};
    auto key = ownKey(patient);
    CC_TRY(key);
    auto stored = m_clinic.backend().portals().readPortal(patient);
    CC_TRY(stored);
    if (!stored->has_value())
        return makeError(ErrorCode::NotFound, "your record has not been prepared for you yet: it will be after the "
                                              "clinic's next doctor session");
    return open(**stored, m_clinic.backend().descriptor().clinicId, patient, *key);
}

Status PortalService::postActivity(const audit::AuditEvent& event)
{
    access::PatientId patient{};
    auto key = ownKey(patient);
    CC_TRY(key);
    PortalMessageBody body;
    body.timeMs = nowMs(m_clinic.clock());
    body.activity = event;
    auto sealed = sealMessage(body, m_clinic.backend().descriptor().clinicId, patient, *key, m_clinic.rng());
    CC_TRY(sealed);
    return m_clinic.backend().portals().postMessage(patient, ports::PortalMessageKind::Activity, *sealed);
}

Status PortalService::postConsent(bool optOut)
{
    access::PatientId patient{};
    auto key = ownKey(patient);
    CC_TRY(key);
    PortalMessageBody body;
    body.timeMs = nowMs(m_clinic.clock());
    body.researchOptOut = optOut;
    auto sealed = sealMessage(body, m_clinic.backend().descriptor().clinicId, patient, *key, m_clinic.rng());
    CC_TRY(sealed);
    return m_clinic.backend().portals().postMessage(patient, ports::PortalMessageKind::Consent, *sealed);
}

Result<std::vector<audit::AuditEntry>> PortalService::pendingOwnActivity(std::uint64_t afterSeq)
{
    access::PatientId patient{};
    auto key = ownKey(patient);
    CC_TRY(key);
    auto messages = m_clinic.backend().portals().messages(patient);
    CC_TRY(messages);
    std::vector<audit::AuditEntry> out;
    for (const auto& m : *messages) {
        if (m.kind != ports::PortalMessageKind::Activity)
            continue;
        auto body = openMessage(m.bytes, m_clinic.backend().descriptor().clinicId, patient, *key);
        if (!body || !body->activity)
            continue; // not shown; the next doctor login refuses it, flagged
        audit::AuditEvent e = std::move(*body->activity);
        if (e.patientId.empty())
            e.patientId = idHex(patient);
        if (e.patientId != idHex(patient))
            continue;
        e.seq = afterSeq + out.size() + 1; // after the portal's history, in posting order
        out.push_back(audit::AuditEntry{std::move(e), {}, {}});
    }
    return out;
}

Result<std::optional<bool>> PortalService::pendingOwnConsent()
{
    access::PatientId patient{};
    auto key = ownKey(patient);
    CC_TRY(key);
    auto messages = m_clinic.backend().portals().messages(patient);
    CC_TRY(messages);
    std::optional<bool> latest;
    for (const auto& m : *messages) {
        if (m.kind != ports::PortalMessageKind::Consent)
            continue;
        auto body = openMessage(m.bytes, m_clinic.backend().descriptor().clinicId, patient, *key);
        CC_TRY(body);
        latest = body->researchOptOut;
    }
    return latest;
}

} // namespace cc::services
