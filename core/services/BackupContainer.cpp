// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/BackupContainer.h"

#include "core/audit/AuditAnchor.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/services/ClinicService.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cc::services::backup {
namespace {

bool isHex(const std::string& s, std::size_t length)
{
    return s.size() == length &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::vector<std::uint8_t> signedMessage(std::span<const std::uint8_t> signedPart)
{
    std::vector<std::uint8_t> msg(kSignatureContext.begin(), kSignatureContext.end());
    msg.push_back(0);
    append(msg, signedPart);
    return msg;
}

} // namespace

std::span<const std::uint8_t> bytesOf(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

void putBig(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

void append(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> data)
{
    out.insert(out.end(), data.begin(), data.end());
}

std::string sha256Hex(std::span<const std::uint8_t> data)
{
    return idHex(crypto::sha256(data));
}

QByteArray encodeManifest(const BackupManifest& m)
{
    QJsonObject members;
    for (const auto& member : m.members)
        members.insert(
            QString::fromStdString(member.name),
            QJsonObject{{"size", static_cast<qint64>(member.size)}, {"sha256", QString::fromStdString(member.sha256)}});
    return QJsonDocument(QJsonObject{{"format", m.format},
                                     {"backupId", QString::fromStdString(m.backupId)},
                                     {"clinicId", QString::fromStdString(m.clinicId)},
                                     {"clinicName", QString::fromStdString(m.clinicName)},
                                     {"createdAtMs", static_cast<qint64>(m.createdAtMs)},
                                     {"createdAt", QString::fromStdString(audit::formatUtcMillis(m.createdAtMs))},
                                     {"createdBy", QString::fromStdString(m.createdBy)},
                                     {"schemaVersion", m.schemaVersion},
                                     {"keySlotGeneration", static_cast<qint64>(m.keySlotGeneration)},
                                     {"auditHeadSeq", static_cast<qint64>(m.auditHeadSeq)},
                                     {"signer", QString::fromStdString(m.signer)},
                                     {"members", members}})
        .toJson(QJsonDocument::Compact);
}

Result<BackupManifest> parseManifest(std::span<const std::uint8_t> bytes)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return malformed("the backup manifest is not a JSON object", {}, 0, "manifest");
    const QJsonObject o = doc.object();
    auto text = [&](const char* key, std::string& out) -> Status {
        if (!o.value(key).isString())
            return malformed("the backup manifest lacks a text field", {}, 0, key);
        out = o.value(key).toString().toStdString();
        return {};
    };
    auto count = [&](const QJsonObject& from, const char* key, std::uint64_t& out) -> Status {
        const QJsonValue v = from.value(key);
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 9007199254740992.0 ||
            static_cast<double>(v.toInteger()) != v.toDouble())
            return malformed("the backup manifest lacks a count", {}, 0, key);
        out = static_cast<std::uint64_t>(v.toInteger());
        return {};
    };
    BackupManifest m;
    std::uint64_t n = 0;
    CC_TRY(count(o, "format", n));
    if (n != 1)
        return makeError(ErrorCode::Unsupported, "the backup manifest has format " + std::to_string(n) + ", not 1");
    CC_TRY(text("backupId", m.backupId));
    CC_TRY(text("clinicId", m.clinicId));
    CC_TRY(text("clinicName", m.clinicName));
    CC_TRY(text("createdBy", m.createdBy));
    CC_TRY(text("signer", m.signer));
    if (!isHex(m.backupId, 32) || !isHex(m.clinicId, 32) || !isHex(m.signer, 64))
        return malformed("the backup manifest has a malformed identifier", {}, 0, "backupId/clinicId/signer");
    CC_TRY(count(o, "createdAtMs", n));
    m.createdAtMs = static_cast<std::int64_t>(n);
    CC_TRY(count(o, "schemaVersion", n));
    m.schemaVersion = static_cast<int>(std::min<std::uint64_t>(n, 1000000));
    CC_TRY(count(o, "keySlotGeneration", m.keySlotGeneration));
    CC_TRY(count(o, "auditHeadSeq", m.auditHeadSeq));
    const QJsonObject members = o.value("members").toObject();
    for (auto names :
         {std::span<const std::string_view>(kStoredMembers), std::span<const std::string_view>(kSealedMembers)}) {
        for (std::string_view name : names) {
            const QJsonObject entry =
                members.value(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))).toObject();
            BackupMember member{std::string(name), 0, entry.value("sha256").toString().toStdString()};
            CC_TRY(count(entry, "size", member.size));
            if (!isHex(member.sha256, 64))
                return malformed("the backup manifest has no hash for member " + member.name, {}, 0, member.name);
            m.members.push_back(std::move(member));
        }
    }
    return m;
}

Result<Container> parseContainer(std::span<const std::uint8_t> bytes)
{
    Reader r(bytes);
    Container c;
    auto magic = r.take(4, 4, "magic");
    CC_TRY(magic);
    if (!std::equal(magic->begin(), magic->end(), std::begin(kMagic)))
        return malformed("not a CipherChart backup (bad magic)", {}, 0, "magic");
    auto version = r.number(2, "version");
    CC_TRY(version);
    if (*version != kFormatVersion)
        return makeError(ErrorCode::Unsupported, "backup format " + std::to_string(*version) + " is not supported");
    auto reserved = r.number(2, "reserved");
    CC_TRY(reserved);
    if (*reserved != 0)
        return malformed("the backup header's reserved field is not zero", {}, 0, "reserved");
    auto manifestBytes = r.sized(4, kMaxManifestSize, "manifest");
    CC_TRY(manifestBytes);
    c.signedPart = bytes.first(r.position());
    auto manifest = parseManifest(*manifestBytes);
    CC_TRY(manifest);
    c.manifest = std::move(manifest).value();
    auto signature = r.take(crypto::kEd25519SignatureSize, crypto::kEd25519SignatureSize, "signature");
    CC_TRY(signature);
    c.signature = *signature;
    auto slotFile = r.sized(4, kMaxKeySlotSize, "keySlots");
    CC_TRY(slotFile);
    c.keySlots = *slotFile;
    auto wrapped = r.sized(4, kMaxWrappedKeySize, "wrappedKey");
    CC_TRY(wrapped);
    c.wrappedKey = *wrapped;
    auto payload = r.sized(8, BackupService::kMaxBackupSize, "payload");
    CC_TRY(payload);
    c.payload = *payload;
    if (!r.atEnd())
        return malformed("the backup has trailing bytes", {}, 0, "end");
    return c;
}

Status verifySignature(const Container& c, const crypto::Ed25519PublicKey& key)
{
    if (!key.verify(signedMessage(c.signedPart), c.signature))
        return makeError(ErrorCode::IntegrityFailure, "the backup manifest's signature does not verify");
    return {};
}

Result<crypto::Ed25519PublicKey> keyFromHex(const std::string& hex)
{
    auto bytes = crypto::hexDecode(hex);
    CC_TRY(bytes);
    return crypto::Ed25519PublicKey::fromBytes(*bytes);
}

Status checkMember(const BackupManifest& m, std::string_view name, std::span<const std::uint8_t> data)
{
    const BackupMember* member = m.member(name);
    if (member == nullptr || member->size != data.size() || member->sha256 != sha256Hex(data))
        return makeError(ErrorCode::IntegrityFailure,
                         "the backup's member '" + std::string(name) + "' does not match its signed hash");
    return {};
}

std::vector<std::uint8_t> encodeContainer(const QByteArray& manifest, const crypto::Ed25519PrivateKey& signer,
                                          std::span<const std::uint8_t> keySlots,
                                          std::span<const std::uint8_t> wrappedKey,
                                          std::span<const std::uint8_t> payload)
{
    std::vector<std::uint8_t> file(kMagic, kMagic + 4);
    putBig(file, kFormatVersion, 2);
    putBig(file, 0, 2);
    putBig(file, static_cast<std::uint64_t>(manifest.size()), 4);
    append(file, bytesOf(std::string_view(manifest.constData(), static_cast<std::size_t>(manifest.size()))));
    const crypto::Ed25519Signature signature = signer.sign(signedMessage(file));
    append(file, signature);
    putBig(file, keySlots.size(), 4);
    append(file, keySlots);
    putBig(file, wrappedKey.size(), 4);
    append(file, wrappedKey);
    putBig(file, payload.size(), 8);
    append(file, payload);
    return file;
}

} // namespace cc::services::backup
