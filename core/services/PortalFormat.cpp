// SPDX-License-Identifier: GPL-3.0-or-later
// The portal file and outbox message formats (docs/PORTAL.md, "The channel"): pure encoding,
// sealing and strict decoding; PortalService.cpp has the staff and patient use cases.
#include "core/services/PortalService.h"

#include "core/access/BinaryReader.h"
#include "core/access/BinaryWriter.h"
#include "core/crypto/Aead.h"
#include "core/crypto/Kdf.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <string_view>

namespace cc::services {

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
                  const std::optional<model::RowId>& encounter, const access::PatientId& patient)
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

Result<PortalRecord> decodePayload(std::span<const std::uint8_t> plain, const access::PatientId& patient)
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

} // namespace cc::services
