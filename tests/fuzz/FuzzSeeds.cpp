// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the generated part of the seed corpus (tests/fuzz/corpus/<target>/): valid files of the
// binary formats that tests/data has no sample of, made with the project's own writers and fixed
// test keys, so every fuzzer starts from inputs that pass each check. `fuzz_seeds <corpus-dir>`.
#include "core/access/BinaryWriter.h"
#include "core/access/KeySlotFile.h"
#include "core/audit/AuditAnchor.h"
#include "core/crypto/Ed25519PrivateKey.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/ShareEncoding.h"
#include "core/model/AttachmentInfo.h"
#include "core/paillier/KeyFile.h"
#include "core/paillier/Paillier.h"
#include "core/services/BackupService.h"
#include "core/services/ClinicService.h"
#include "core/services/ReportKeyCodec.h"
#include "tests/core/access/AccessTestSupport.h"

#include <QDir>
#include <QFile>

#include <iostream>
#include <optional>

using namespace cc;
using access::test::pw;
using access::test::ringFor;

namespace {

QString g_root;

void write(const char* target, const char* name, std::span<const std::uint8_t> bytes, int prefix = -1)
{
    QDir().mkpath(g_root + "/" + target);
    QFile out(g_root + "/" + target + "/" + name);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::cerr << "cannot write " << out.fileName().toStdString() << "\n";
        std::exit(1);
    }
    if (prefix >= 0)
        out.putChar(static_cast<char>(prefix));
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()));
}

void write(const char* target, const char* name, std::string_view text, int prefix = -1)
{
    write(target, name, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()), prefix);
}

QByteArray readData(const QString& relative)
{
    QFile in(QStringLiteral(CC_TEST_DATA_DIR "/") + relative);
    if (!in.open(QIODevice::ReadOnly)) {
        std::cerr << "cannot read " << in.fileName().toStdString() << "\n";
        std::exit(1);
    }
    return in.readAll();
}

std::vector<std::uint8_t> keySlots(crypto::Rng& rng)
{
    const auto params = crypto::Argon2Params::forTests();
    ManualClock clock;
    access::KeySlotFile file = access::KeySlotFile::create(rng);
    const access::KeyRing admin = ringFor(access::Role::Administrator, false, 1, 11);
    const bool added =
        file.addSlot("admin", access::Role::Administrator, pw("admin-password"), admin, params, rng, clock).ok() &&
        file.addSlot("alice", access::Role::Doctor, pw("alice-password"), ringFor(access::Role::Doctor, false, 1, 12),
                     params, rng, clock)
            .ok() &&
        file.addSlot("pat", access::Role::Patient, pw("patient-password"), ringFor(access::Role::Patient, false, 1, 13),
                     params, rng, clock)
            .ok();
    const access::KeyEntry next{access::KeyKind::DatabaseKey, 900, 2, access::test::key32(90)};
    if (!added || !file.postKeyUpdate(admin, next, std::nullopt).ok()) {
        std::cerr << "cannot build the key-slot seed\n";
        std::exit(1);
    }
    return file.serialise();
}

void putBig(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

/// A backup container as docs/BACKUP.md lays it out, with small stand-in members whose hashes
/// match, signed by a fixed test key: inspectBytes accepts it.
std::vector<std::uint8_t> backup(crypto::Rng& rng, const std::vector<std::uint8_t>& slotBytes,
                                 std::string& manifestText)
{
    const std::vector<std::uint8_t> seed(32, 7);
    auto signer = crypto::Ed25519PrivateKey::fromSeed(seed);
    const std::vector<std::uint8_t> wrapped = rng.bytes(60), payload = rng.bytes(200);
    services::BackupManifest m;
    m.backupId = services::idHex(rng.bytes(16));
    m.clinicId = services::idHex(rng.bytes(16));
    m.clinicName = "Fuzz Clinic";
    m.createdAtMs = 1767225600000;
    m.createdBy = "admin";
    m.schemaVersion = 3;
    m.keySlotGeneration = 4;
    m.auditHeadSeq = 17;
    m.signer = services::idHex(signer->publicKey().bytes());
    auto sha = [](std::span<const std::uint8_t> d) { return services::idHex(crypto::sha256(d)); };
    m.members = {{"keySlots", slotBytes.size(), sha(slotBytes)},
                 {"wrappedKey", wrapped.size(), sha(wrapped)},
                 {"payload", payload.size(), sha(payload)},
                 {"database", 4096, sha(rng.bytes(8))},
                 {"anchor", 300, sha(rng.bytes(8))},
                 {"descriptor", 120, sha(rng.bytes(8))}};
    manifestText = services::BackupService::manifestJson(m);
    std::vector<std::uint8_t> file = {'C', 'C', 'B', 'K', 0, 1, 0, 0};
    putBig(file, manifestText.size(), 4);
    file.insert(file.end(), manifestText.begin(), manifestText.end());
    const std::string_view context = "CipherChart backup manifest v1";
    std::vector<std::uint8_t> message(context.begin(), context.end());
    message.push_back(0);
    message.insert(message.end(), file.begin(), file.end());
    const auto signature = signer->sign(message);
    file.insert(file.end(), signature.begin(), signature.end());
    putBig(file, slotBytes.size(), 4);
    file.insert(file.end(), slotBytes.begin(), slotBytes.end());
    putBig(file, wrapped.size(), 4);
    file.insert(file.end(), wrapped.begin(), wrapped.end());
    putBig(file, payload.size(), 8);
    file.insert(file.end(), payload.begin(), payload.end());
    if (!services::BackupService::inspectBytes(file).ok()) {
        std::cerr << "the backup seed does not inspect\n";
        std::exit(1);
    }
    return file;
}

QByteArray syntheaFolder(int rows)
{
    QByteArray out;
    for (const char* name : {"patients", "encounters", "conditions", "observations", "medications", "allergies"}) {
        const QList<QByteArray> lines = readData(QStringLiteral("synthea/%1.csv").arg(QLatin1String(name))).split('\n');
        if (!out.isEmpty())
            out += "@@\n";
        for (int i = 0; i < std::min<int>(rows + 1, int(lines.size())); ++i)
            out += lines[i] + '\n';
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: fuzz_seeds <corpus-dir>\n";
        return 2;
    }
    g_root = QString::fromLocal8Bit(argv[1]);
    crypto::DeterministicRng rng(2026);

    const auto slotBytes = keySlots(rng);
    write("key_slot_file", "three-slots-one-update", slotBytes);
    write("key_slot_file", "empty", access::KeySlotFile::create(rng).serialise());
    auto parsed = access::KeySlotFile::parse(slotBytes);
    if (!parsed.ok())
        return 1;
    std::vector<std::uint8_t> records;
    access::BinaryWriter w(records);
    for (const auto& update : parsed->updates())
        update.encode(w);
    write("key_update", "updates", records, 0);
    records.clear();
    for (const char* name : {"admin", "alice", "pat"})
        parsed->slot(name)->encode(w, false);
    write("key_update", "slots", records, 1);

    std::string manifest;
    const auto container = backup(rng, slotBytes, manifest);
    write("backup", "container", container, 0);
    write("backup", "manifest", manifest, 1);

    audit::AuditAnchor anchor;
    anchor.clinicId.fill(0x11);
    anchor.seq = 42;
    anchor.hash.fill(0x22);
    anchor.mac.fill(0x33);
    write("audit_anchor", "seq42", anchor.encode());
    write("audit_anchor", "empty-chain", audit::AuditAnchor{}.encode());

    const QByteArray keyJson = readData(QStringLiteral("paillier/test-key-2048.json"));
    const std::string_view keyText(keyJson.constData(), std::size_t(keyJson.size()));
    write("paillier_key_file", "private-2048", keyText, 1);
    write("paillier_key_file", "public-2048", keyText, 0);
    auto priv = paillier::KeyFile::readPrivate(keyText);
    if (!priv.ok())
        return 1;
    write("paillier_key_file", "jwk-2048", paillier::KeyFile::publicJwk(priv->publicKey()), 0);
    for (std::int64_t v : {std::int64_t{0}, std::int64_t{42}, std::int64_t{-7}}) {
        auto c = paillier::encrypt(priv->publicKey(), paillier::Plaintext(v), rng);
        if (!c.ok())
            return 1;
        const std::string name = std::to_string(v);
        write("paillier_ciphertext", ("wire" + name).c_str(), c->toBytes(), 2);
        write("paillier_ciphertext", ("decimal" + name).c_str(), c->toDecimal(), 1);
    }

    crypto::SecureBytes secret(32);
    rng.fill(secret.span());
    auto shares = crypto::shamirSplit(secret, 3, 5, rng);
    if (!shares.ok())
        return 1;
    write("share_encoding", "share1-of-3", crypto::encodeShare((*shares)[0], 3));
    write("share_encoding", "share5-of-3", crypto::encodeShare((*shares)[4], 3));

    paillier::ThresholdShare share;
    share.keyId = priv->publicKey().keyId();
    share.index = 2;
    share.threshold = 2;
    share.parties = 3;
    share.secret = crypto::SecureBytes(std::size_t{64});
    rng.fill(share.secret.span());
    write("report_key_codec", "share", services::encodeThresholdShare(share).span(), 0);
    paillier::ThresholdParameters params;
    params.keyId = share.keyId;
    params.threshold = 2;
    params.parties = 3;
    params.verificationBase = rng.bytes(64);
    for (int i = 0; i < 3; ++i)
        params.verificationKeys.push_back(rng.bytes(64));
    write("report_key_codec", "parameters", services::encodeThresholdParameters(params), 1);

    static constexpr std::uint8_t kPng[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A,
                                            0,    0,   0,   13,  'I',  'H',  'D',  'R'};
    write("attachment", "png-head", kPng);
    write("attachment", "pdf-head", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    model::AttachmentInfo info;
    info.id = model::newRowId(rng);
    info.patientId = model::newRowId(rng);
    info.fileName = QStringLiteral("scan.pdf");
    info.description = QStringLiteral("referral letter");
    info.mediaType = QStringLiteral("application/pdf");
    info.size = 1000;
    info.chunkCount = 1;
    info.created = QStringLiteral("2026-12-04T10:00:00Z");
    const QByteArray infoJson = info.toJson();
    if (!model::AttachmentInfo::fromJson(infoJson).ok()) {
        std::cerr << "the attachment seed does not decode\n";
        return 1;
    }
    write("attachment", "info", std::string_view(infoJson.constData(), std::size_t(infoJson.size())));

    const QByteArray folder = syntheaFolder(3);
    write("synthea", "first-rows", std::string_view(folder.constData(), std::size_t(folder.size())));
    const QByteArray csv = readData(QStringLiteral("actg315/ACTG315.csv")).left(400);
    write("csv", "actg315-head", std::string_view(csv.constData(), std::size_t(csv.size())));
    std::cout << "seeds written to " << argv[1] << "\n";
    return 0;
}
