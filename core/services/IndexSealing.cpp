// SPDX-License-Identifier: GPL-3.0-or-later
// The index seal in the clinic: meta JSON, the sealer of doctors' units of work, verification.
#include "core/services/IndexSealing.h"

#include "core/access/KeyRing.h"
#include "core/access/KeySlotFile.h"
#include "core/access/Permission.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/Hex.h"
#include "core/records/IndexSeal.h"
#include "core/services/ClinicService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace cc::services {

namespace {

using Key32 = std::array<std::uint8_t, 32>;

struct SealRecord
{
    std::uint64_t seq = 0;
    ports::IndexDigest digest;
    Key32 signer{};
    std::vector<std::uint8_t> signature;
};

struct WriterEntry
{
    std::uint32_t keyId = 0;
    Key32 publicKey{};
    std::vector<std::uint8_t> link; ///< signature by the previous writer; empty for the root
};

Error damaged(std::string_view name, const std::string& what)
{
    return makeError(ErrorCode::IntegrityFailure,
                     "meta " + std::string(name) + " is damaged or was altered (" + what + "): run `verify --clinic`");
}

std::string hexOf(std::span<const std::uint8_t> bytes)
{
    return crypto::hexEncode(bytes);
}

Result<Key32> key32(const QJsonValue& value, std::string_view meta, const char* field)
{
    auto bytes = crypto::hexDecode(value.toString().toStdString());
    if (!bytes || bytes->size() != 32)
        return damaged(meta, std::string(field) + " is not 32 bytes of hex");
    Key32 out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

Result<std::optional<QJsonObject>> metaJson(ports::ClinicMetaStore& meta, std::string_view name)
{
    auto stored = meta.get(name);
    CC_TRY(stored);
    if (!stored->has_value())
        return std::optional<QJsonObject>();
    const QByteArray raw(reinterpret_cast<const char*>((*stored)->data()), static_cast<qsizetype>((*stored)->size()));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() || doc.object().value("version").toInt() != 1)
        return damaged(name, "not version 1 JSON");
    return std::optional<QJsonObject>(doc.object());
}

Status setJson(ports::ClinicMetaStore& meta, std::string_view name, const QJsonObject& object)
{
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return meta.set(name, std::vector<std::uint8_t>(json.begin(), json.end()));
}

Result<std::optional<SealRecord>> loadSeal(ports::ClinicMetaStore& meta)
{
    auto json = metaJson(meta, kIndexSealMeta);
    CC_TRY(json);
    if (!json->has_value())
        return std::optional<SealRecord>();
    const QJsonObject& o = **json;
    SealRecord seal;
    const qint64 seq = o.value("seq").toInteger(-1);
    const qint64 obs = o.value("observationRows").toInteger(-1);
    const qint64 cond = o.value("conditionRows").toInteger(-1);
    if (seq < 1 || obs < 0 || cond < 0)
        return damaged(kIndexSealMeta, "seq or row counts");
    seal.seq = static_cast<std::uint64_t>(seq);
    seal.digest.observationRows = obs;
    seal.digest.conditionRows = cond;
    auto lanes = crypto::hexDecode(o.value("hash").toString().toStdString());
    if (!lanes)
        return damaged(kIndexSealMeta, "hash is not hex");
    auto hash = crypto::LtHash16::fromBytes(*lanes);
    if (!hash)
        return damaged(kIndexSealMeta, hash.error().message);
    seal.digest.hash = *hash;
    auto signer = key32(o.value("signer"), kIndexSealMeta, "signer");
    CC_TRY(signer);
    seal.signer = *signer;
    auto signature = crypto::hexDecode(o.value("signature").toString().toStdString());
    if (!signature || signature->size() != 64)
        return damaged(kIndexSealMeta, "signature is not 64 bytes of hex");
    seal.signature = std::move(*signature);
    return std::optional<SealRecord>(std::move(seal));
}

Status storeSeal(ports::ClinicMetaStore& meta, const SealRecord& seal)
{
    return setJson(meta, kIndexSealMeta,
                   QJsonObject{{"version", 1},
                               {"seq", static_cast<qint64>(seal.seq)},
                               {"observationRows", static_cast<qint64>(seal.digest.observationRows)},
                               {"conditionRows", static_cast<qint64>(seal.digest.conditionRows)},
                               {"hash", QString::fromStdString(hexOf(seal.digest.hash.bytes()))},
                               {"signer", QString::fromStdString(hexOf(seal.signer))},
                               {"signature", QString::fromStdString(hexOf(seal.signature))}});
}

SealRecord signSeal(const access::ClinicId& clinic, std::uint64_t seq, const ports::IndexDigest& digest,
                    const crypto::Ed25519PrivateKey& writer)
{
    SealRecord seal;
    seal.seq = seq;
    seal.digest = digest;
    seal.signer = writer.publicKey().bytes();
    const auto signature = writer.sign(records::sealMessage(clinic, seq, digest));
    seal.signature.assign(signature.begin(), signature.end());
    return seal;
}

/// The seal's signature under `writer` (which must also be its named signer).
Status checkSeal(const SealRecord& seal, const access::ClinicId& clinic, const Key32& writer)
{
    if (seal.signer != writer)
        return makeError(ErrorCode::IntegrityFailure,
                         "the index seal is signed by " + hexOf(seal.signer).substr(0, 16) +
                             "…, not by the clinic's current index writer key " + hexOf(writer).substr(0, 16) + "…");
    auto key = crypto::Ed25519PublicKey::fromBytes(writer);
    CC_TRY(key);
    if (auto ok = key->verify(records::sealMessage(clinic, seal.seq, seal.digest), seal.signature); !ok)
        return makeError(ErrorCode::IntegrityFailure,
                         "the index seal's signature does not verify: the seal was altered outside CipherChart");
    return {};
}

Result<std::vector<WriterEntry>> loadChain(ports::ClinicMetaStore& meta)
{
    auto json = metaJson(meta, kIndexWritersMeta);
    CC_TRY(json);
    std::vector<WriterEntry> chain;
    if (!json->has_value())
        return chain;
    const QJsonArray writers = (**json).value("writers").toArray();
    for (const auto& v : writers) {
        const QJsonObject o = v.toObject();
        WriterEntry e;
        const qint64 id = o.value("keyId").toInteger(-1);
        if (id < 0 || id > 0xFFFFFFFFll)
            return damaged(kIndexWritersMeta, "keyId");
        e.keyId = static_cast<std::uint32_t>(id);
        auto pub = key32(o.value("publicKey"), kIndexWritersMeta, "publicKey");
        CC_TRY(pub);
        e.publicKey = *pub;
        auto link = crypto::hexDecode(o.value("link").toString().toStdString());
        if (!link || (!link->empty() && link->size() != 64))
            return damaged(kIndexWritersMeta, "link is not a 64-byte signature");
        e.link = std::move(*link);
        chain.push_back(std::move(e));
    }
    if (chain.empty())
        return damaged(kIndexWritersMeta, "no writer");
    return chain;
}

Status storeChain(ports::ClinicMetaStore& meta, const std::vector<WriterEntry>& chain)
{
    QJsonArray writers;
    for (const auto& e : chain)
        writers.append(QJsonObject{{"keyId", static_cast<qint64>(e.keyId)},
                                   {"publicKey", QString::fromStdString(hexOf(e.publicKey))},
                                   {"link", QString::fromStdString(hexOf(e.link))}});
    return setJson(meta, kIndexWritersMeta, QJsonObject{{"version", 1}, {"writers", writers}});
}

/// The current writer reached from `trusted` along signed links. Errors: IntegrityFailure.
Result<Key32> followChain(const std::vector<WriterEntry>& chain, const access::ClinicId& clinic, const Key32& trusted)
{
    const auto start =
        std::find_if(chain.begin(), chain.end(), [&](const WriterEntry& e) { return e.publicKey == trusted; });
    if (start == chain.end())
        return makeError(ErrorCode::IntegrityFailure,
                         "the clinic's index writer chain does not hold the writer key this account pinned: the chain "
                         "was replaced outside CipherChart");
    for (auto it = start + 1; it != chain.end(); ++it) {
        auto previous = crypto::Ed25519PublicKey::fromBytes((it - 1)->publicKey);
        CC_TRY(previous);
        if (auto ok = previous->verify(
                records::writerLinkMessage(clinic, (it - 1)->publicKey, it->publicKey, it->keyId), it->link);
            !ok)
            return makeError(ErrorCode::IntegrityFailure,
                             "a link of the clinic's index writer chain does not verify (writer for clinical key " +
                                 std::to_string(it->keyId) + "): the chain was altered outside CipherChart");
    }
    return chain.back().publicKey;
}

Result<VerifiedIndex> verifyUnder(ports::ClinicBackend& backend, const Key32& writer,
                                  const ports::IndexDigest* computed = nullptr);

Result<crypto::Ed25519PrivateKey> sessionWriter(ClinicService& clinic)
{
    auto ring = clinic.keys();
    CC_TRY(ring);
    const access::KeyEntry* clinical = (*ring)->find(access::KeyKind::ClinicalCategory);
    if (clinical == nullptr)
        return makeError(ErrorCode::AccessDenied,
                         "only a session holding the clinical category key (a doctor's) can change the observation "
                         "index: nothing was written");
    return records::indexWriterKey(clinical->secret, clinic.backend().descriptor().clinicId);
}

} // namespace

Result<std::array<std::uint8_t, 32>> IndexSealing::writerPublicKey(const crypto::SecureBytes& clinicalKey,
                                                                   const access::ClinicId& clinic)
{
    auto writer = records::indexWriterKey(clinicalKey, clinic);
    CC_TRY(writer);
    return writer->publicKey().bytes();
}

Status IndexSealing::initialise(ports::ClinicMetaStore& meta, const access::ClinicId& clinic,
                                const crypto::SecureBytes& clinicalKey, std::uint32_t clinicalKeyId)
{
    auto writer = records::indexWriterKey(clinicalKey, clinic);
    CC_TRY(writer);
    CC_TRY(storeChain(meta, {WriterEntry{clinicalKeyId, writer->publicKey().bytes(), {}}}));
    return storeSeal(meta, signSeal(clinic, 1, ports::IndexDigest{}, *writer));
}

Status IndexSealing::seal(ClinicService& clinic, const ports::IndexDigest& delta)
{
    auto writer = sessionWriter(clinic);
    CC_TRY(writer);
    auto& meta = clinic.backend().meta();
    const access::ClinicId& clinicId = clinic.backend().descriptor().clinicId;
    auto stored = loadSeal(meta);
    CC_TRY(stored);
    if (!stored->has_value())
        return makeError(ErrorCode::IntegrityFailure,
                         "the observation index has no seal (it was removed outside CipherChart, or the clinic "
                         "predates the seal: a doctor's next login seals it): nothing was written");
    // Extend only a seal this writer made: a hash planted by someone else is never signed over.
    CC_TRY(checkSeal(**stored, clinicId, writer->publicKey().bytes()));
    ports::IndexDigest next = (*stored)->digest;
    next.add(delta);
    if (next.observationRows < 0 || next.conditionRows < 0)
        return makeError(ErrorCode::IntegrityFailure,
                         "the index seal counts fewer rows than this change removes: the index was altered outside "
                         "CipherChart");
    return storeSeal(meta, signSeal(clinicId, (*stored)->seq + 1, next, *writer));
}

Result<bool> IndexSealing::sealFirstTime(ClinicService& clinic)
{
    auto& backend = clinic.backend();
    auto stored = loadSeal(backend.meta());
    CC_TRY(stored);
    if (stored->has_value())
        return false;
    AuditSubject subject = makeSubject(audit::AuditEventId::SecurityAlert, audit::AuditEventType::SecurityConfiguration,
                                       audit::AuditAction::Create, "IndexSeal", {},
                                       "observation index sealed for the first time (trust on first use)");
    subject.flagged = true; // an auditor checks that this happened once, at the upgrade
    auto run = [&]() -> Status {
        auto ring = clinic.keys();
        CC_TRY(ring);
        const access::KeyEntry* clinical = (*ring)->find(access::KeyKind::ClinicalCategory);
        if (clinical == nullptr)
            return makeError(ErrorCode::AccessDenied, "sealing the index needs the clinical category key");
        auto writer = records::indexWriterKey(clinical->secret, backend.descriptor().clinicId);
        CC_TRY(writer);
        auto tx = backend.transactions().begin();
        CC_TRY(tx);
        auto chain = loadChain(backend.meta());
        CC_TRY(chain);
        if (chain->empty())
            CC_TRY(storeChain(backend.meta(), {WriterEntry{clinical->keyId, writer->publicKey().bytes(), {}}}));
        else if (chain->back().publicKey != writer->publicKey().bytes())
            return makeError(ErrorCode::IntegrityFailure,
                             "the clinic's index writer chain does not end at this doctor's writer key: not sealed");
        auto digest = backend.clinical().digestIndex();
        CC_TRY(digest);
        CC_TRY(storeSeal(backend.meta(), signSeal(backend.descriptor().clinicId, 1, *digest, *writer)));
        subject.detail += ": " + std::to_string(digest->observationRows) + " index rows, " +
                          std::to_string(digest->conditionRows) + " condition tokens";
        CC_TRY(clinic.record(subject, audit::AuditOutcome::Success));
        return (*tx)->commit();
    };
    if (auto done = run(); !done) {
        subject.detail += ": " + done.error().message;
        CC_TRY(clinic.record(subject, audit::AuditOutcome::MinorFailure));
        return std::move(done).error();
    }
    return true;
}

Result<VerifiedIndex> IndexSealing::verify(ClinicService& clinic)
{
    return verifyTrusted(clinic, nullptr);
}

Result<VerifiedIndex> IndexSealing::verify(ClinicService& clinic, const ports::IndexDigest& computed)
{
    return verifyTrusted(clinic, &computed);
}

Result<VerifiedIndex> IndexSealing::verifyTrusted(ClinicService& clinic, const ports::IndexDigest* computed)
{
    auto ring = clinic.keys();
    CC_TRY(ring);
    auto& backend = clinic.backend();
    const access::ClinicId& clinicId = backend.descriptor().clinicId;
    Key32 writer{};
    if (const access::KeyEntry* clinical = (*ring)->find(access::KeyKind::ClinicalCategory)) {
        auto derived = writerPublicKey(clinical->secret, clinicId);
        CC_TRY(derived);
        writer = *derived;
    } else {
        const access::KeyEntry* pin = (*ring)->find(access::KeyKind::IndexWriterPin);
        if (pin == nullptr || pin->secret.size() != 32)
            return makeError(ErrorCode::Unsupported, // not tampering: this account cannot check (yet)
                             "this account's key ring pins no index writer key (an account from before the index "
                             "seal), so it cannot check that the index is the one doctors wrote: compare the writer "
                             "key a doctor's `verify` shows, then `report-key trust-index-writer --key HEX`");
        Key32 trusted{};
        std::copy(pin->secret.span().begin(), pin->secret.span().end(), trusted.begin());
        auto chain = loadChain(backend.meta());
        CC_TRY(chain);
        if (chain->empty())
            return makeError(ErrorCode::IntegrityFailure,
                             "meta index_writers is missing: the index writer chain was removed outside CipherChart");
        auto current = followChain(*chain, clinicId, trusted);
        CC_TRY(current);
        writer = *current;
    }
    return verifyUnder(backend, writer, computed);
}

namespace {

Result<VerifiedIndex> verifyUnder(ports::ClinicBackend& backend, const Key32& writer,
                                  const ports::IndexDigest* computed)
{
    const access::ClinicId& clinicId = backend.descriptor().clinicId;
    auto stored = loadSeal(backend.meta());
    CC_TRY(stored);
    if (!stored->has_value())
        return makeError(ErrorCode::IntegrityFailure,
                         "the observation index has no seal: it was removed outside CipherChart, or no doctor has "
                         "logged in since the clinic was upgraded");
    CC_TRY(checkSeal(**stored, clinicId, writer));
    Result<ports::IndexDigest> digest =
        computed != nullptr ? Result<ports::IndexDigest>(*computed) : backend.clinical().digestIndex();
    CC_TRY(digest);
    const ports::IndexDigest& sealed = (*stored)->digest;
    if (digest->observationRows != sealed.observationRows || digest->conditionRows != sealed.conditionRows)
        return makeError(ErrorCode::IntegrityFailure,
                         "the observation index does not match its seal: " + std::to_string(digest->observationRows) +
                             " index rows and " + std::to_string(digest->conditionRows) + " condition tokens stored, " +
                             std::to_string(sealed.observationRows) + " and " + std::to_string(sealed.conditionRows) +
                             " sealed (rows added or removed outside CipherChart)");
    if (!(digest->hash == sealed.hash))
        return makeError(ErrorCode::IntegrityFailure,
                         "the observation index does not match its seal: rows were altered outside CipherChart "
                         "(tokens, ciphertexts or flags changed since a doctor last wrote them)");
    return VerifiedIndex{(*stored)->seq, sealed, writer};
}

} // namespace

Status IndexSealing::trustWriterOnFirstUse(ClinicService& clinic, std::string_view writerHex,
                                           std::span<const std::uint8_t> password)
{
    AuditSubject subject =
        makeSubject(audit::AuditEventId::SecurityAlert, audit::AuditEventType::SecurityConfiguration,
                    audit::AuditAction::Update, "Key", {}, "index writer key pinned by trust on first use");
    subject.flagged = true;
    CC_TRY(clinic.authorize(access::Permission::ManageKeys, subject)); // administrators only; denial audited
    const access::Session* session = clinic.session();
    const std::string userName = session->userName();
    std::string typed;
    for (char c : writerHex)
        if (c != ' ' && c != ':' && c != '-')
            typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto work = [&]() -> Status {
        auto ring = clinic.keys();
        CC_TRY(ring);
        if ((*ring)->has(access::KeyKind::IndexWriterPin))
            return makeError(ErrorCode::AlreadyExists, "this account's ring already pins the index writer key");
        auto& backend = clinic.backend();
        auto chain = loadChain(backend.meta());
        CC_TRY(chain);
        if (chain->empty())
            return makeError(ErrorCode::IntegrityFailure,
                             "the clinic's index has no writer yet: a doctor's login seals it first");
        const WriterEntry& current = chain->back();
        subject.objectId = hexOf(current.publicKey).substr(0, 16);
        if (typed != hexOf(current.publicKey))
            return makeError(ErrorCode::IntegrityFailure,
                             "the key typed is not the clinic's current index writer key " + hexOf(current.publicKey) +
                                 ": nothing was pinned");
        auto verified = verifyUnder(backend, current.publicKey);
        CC_TRY(verified);
        {
            auto file = backend.keySlots().load();
            CC_TRY(file);
            auto check = file->unlock(userName, password);
            CC_TRY(check);
        }
        access::KeyRing pinned = (*ring)->clone();
        CC_TRY(pinned.add(access::KeyKind::IndexWriterPin, current.keyId, 1,
                          crypto::SecureBytes(std::span<const std::uint8_t>(current.publicKey))));
        return clinic.updateKeySlots([&](access::KeySlotFile& file) -> Status {
            return file.rewrap(userName, password, pinned, clinic.options().kdf, clinic.rng(), clinic.clock(), false);
        });
    };
    Status done = work();
    if (!done.ok())
        subject.detail = ("index writer trust on first use refused: " + done.error().message).substr(0, 190);
    CC_TRY(clinic.record(subject, done.ok() ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure));
    return done;
}

Status IndexSealing::followRotation(ports::ClinicMetaStore& meta, const access::ClinicId& clinic,
                                    const crypto::SecureBytes& oldKey, const crypto::SecureBytes& newKey,
                                    std::uint32_t newKeyId)
{
    auto chain = loadChain(meta);
    CC_TRY(chain);
    if (chain->empty())
        return {}; // never sealed: the first doctor login after the rotation seals it
    auto oldWriter = records::indexWriterKey(oldKey, clinic);
    CC_TRY(oldWriter);
    auto newWriter = records::indexWriterKey(newKey, clinic);
    CC_TRY(newWriter);
    const Key32 oldPublic = oldWriter->publicKey().bytes();
    const Key32 newPublic = newWriter->publicKey().bytes();
    if (chain->back().publicKey != newPublic) {
        if (chain->back().publicKey != oldPublic)
            return makeError(ErrorCode::IntegrityFailure,
                             "the clinic's index writer chain does not end at the writer of the clinical key being "
                             "replaced: nothing was rotated");
        const auto link = oldWriter->sign(records::writerLinkMessage(clinic, oldPublic, newPublic, newKeyId));
        chain->push_back(WriterEntry{newKeyId, newPublic, std::vector<std::uint8_t>(link.begin(), link.end())});
        CC_TRY(storeChain(meta, *chain));
    }
    auto stored = loadSeal(meta);
    CC_TRY(stored);
    if (!stored->has_value() || (*stored)->signer == newPublic)
        return {};
    CC_TRY(checkSeal(**stored, clinic, oldPublic));
    return storeSeal(meta, signSeal(clinic, (*stored)->seq + 1, (*stored)->digest, *newWriter));
}

} // namespace cc::services
