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
#include "core/records/ObservationLayout.h"
#include "core/reports/DecryptionShare.h"
#include "core/reports/ReportFile.h"
#include "core/services/BackupService.h"
#include "core/services/ClinicService.h"
#include "core/services/ReportKeyCodec.h"
#include "tests/core/access/AccessTestSupport.h"
#include "tests/fuzz/FuzzKeys.h"
#include "tests/fuzz/FuzzNetwork.h"

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
    auto check = [](const auto& result, const char* step) {
        if (!result.ok()) {
            std::cerr << "cannot build the key-slot seed (" << step << "): " << result.error().describe() << "\n";
            std::exit(1);
        }
    };
    check(file.addSlot("admin", access::Role::Administrator, pw("admin-password"), admin, params, rng, clock),
          "admin slot");
    check(file.addSlot("alice", access::Role::Doctor, pw("alice-password"), ringFor(access::Role::Doctor, false, 1, 12),
                       params, rng, clock),
          "doctor slot");
    access::NewSlotOptions byAdmin; // a patient's ring holds no DBK: the administrator's authenticates
    byAdmin.actor = &admin;
    check(file.addSlot("pat", access::Role::Patient, pw("patient-password"),
                       ringFor(access::Role::Patient, false, 1, 13), params, rng, clock, byAdmin),
          "patient slot");
    const access::KeyEntry next{access::KeyKind::DatabaseKey, 900, 2, access::test::key32(90)};
    check(file.postKeyUpdate(admin, next, std::nullopt), "key update");
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

constexpr const char* kSpecs[] = {
    R"({"version":1,"title":"CD4 of every visit","purpose":"quality","measures":[{"code":"24467-3"}],"selection":"all"})",
    R"({"version": 1, "title": "Blood pressure by sex and age", "purpose": "research",
  "measures": [{"code": "8480-6"}, {"code": "8462-4"}], "selection": "latest",
  "filters": {"sex": ["female", "male"], "ageBands": ["40-49", "50-59"], "years": {"from": 2010, "to": 2020}},
  "groupBy": ["sex", "ageBand"]})",
    R"({"version": 1, "title": "HbA1c with diabetes or prediabetes", "purpose": "quality",
  "measures": [{"code": "4548-4"}], "selection": "latest",
  "filters": {"conditions": [{"system": "http://snomed.info/sct", "code": "44054006"},
                             {"system": "http://hl7.org/fhir/sid/icd-10", "code": "E11.9"}],
              "years": {"from": 2015, "to": 2019}},
  "groupBy": ["year"]})",
};

reports::ReportSpec reportSpec(const char* json)
{
    auto spec = reports::ReportSpec::fromJson(QByteArray(json));
    if (!spec.ok()) {
        std::cerr << "the report spec seed does not validate: " << spec.error().message << "\n";
        std::exit(1);
    }
    return std::move(*spec);
}

/// A report file of `kind` over `spec` with real ciphertexts under `key`, signed with the fuzz
/// report key; read back before it is written.
std::vector<std::uint8_t> reportFile(reports::ReportFile::Kind kind, const reports::ReportSpec& spec,
                                     const paillier::PublicKey& key, crypto::Rng& rng)
{
    reports::ReportFile f;
    f.kind = kind;
    f.spec = spec;
    f.specSha256 = spec.sha256();
    rng.fill(f.reportId);
    rng.fill(f.clinicId);
    f.clinicName = QStringLiteral("Fuzz Clinic");
    f.keyId = key.keyId();
    f.createdAtMs = 1767225600000;
    for (const auto& cellKey : spec.cells()) {
        reports::ReportCell cell;
        cell.key = cellKey;
        cell.layoutId = records::ObservationLayout::forCode(interop::UnitsCatalogue::builtIn(), cellKey.measure)->id();
        if (kind == reports::ReportFile::Kind::Published) {
            cell.figures.suppressed = cellKey.index % 2 == 1;
            if (cell.figures.suppressed) {
                cell.figures.reason = QStringLiteral("fewer than 11 patients");
            } else {
                cell.figures.patients = 12;
                cell.figures.observations = 20;
                cell.figures.mean = 251.5;
                cell.figures.sd = 97.25;
                cell.figures.medianEstimate = 240;
                cell.figures.p25Estimate = 180;
                cell.figures.p75Estimate = 310.5;
                cell.figures.histogram = {{0, 200, 11}, {200, 5000, 9}};
            }
        } else {
            cell.ciphertext = paillier::encrypt(key, paillier::Plaintext(std::int64_t{cellKey.index}), rng)->toBytes();
            if (kind == reports::ReportFile::Kind::Exported)
                cell.tally = paillier::encrypt(key, paillier::Plaintext(std::int64_t{12}), rng)->toBytes();
        }
        f.cells.push_back(std::move(cell));
    }
    if (kind != reports::ReportFile::Kind::Encrypted)
        rng.fill(f.sourceSha256);
    if (kind == reports::ReportFile::Kind::Published) {
        f.custodians = {1, 3};
        f.minimumCellSize = 11;
        f.sites = {QStringLiteral("Clinic A (0011223344556677)"), QStringLiteral("Clinic B (8899aabbccddeeff)")};
    }
    auto bytes = f.sign(fuzz::reportSigner());
    if (!reports::ReportFile::read(bytes).ok()) {
        std::cerr << "the report file seed does not read\n";
        std::exit(1);
    }
    return bytes;
}

void reportSeeds(const paillier::PrivateKey& priv, crypto::Rng& rng)
{
    int n = 0;
    for (const char* json : kSpecs) {
        const std::string name = "spec" + std::to_string(n++);
        write("report_spec", name.c_str(), std::string_view(json));
    }
    const auto one = reportSpec(kSpecs[0]);
    const auto grouped = reportSpec(
        R"({"version":1,"title":"CD4 by sex","purpose":"research","measures":[{"code":"24467-3"}],"selection":"latest",)"
        R"("filters":{"sex":["female","male"]},"groupBy":["sex"]})");
    using Kind = reports::ReportFile::Kind;
    const std::pair<Kind, const char*> kinds[] = {
        {Kind::Encrypted, "encrypted"}, {Kind::Published, "published"}, {Kind::Exported, "exported"}};
    for (const auto& [kind, name] : kinds) {
        const auto file = reportFile(kind, grouped, priv.publicKey(), rng);
        write("report_file", name, file, 0);
        // The body alone, for the wrapping mode (first byte odd: kind 1 + (byte >> 1) % 3).
        const std::span<const std::uint8_t> body(file.data() + 10, file.size() - 10 - 64);
        write("report_file", (std::string(name) + "-body").c_str(), body, 1 + 2 * (static_cast<int>(kind) - 1));
    }
    write("report_file", "encrypted-one-cell", reportFile(Kind::Encrypted, one, priv.publicKey(), rng), 0);

    reports::DecryptionShare share;
    rng.fill(share.reportId);
    share.specSha256 = grouped.sha256();
    share.keyId = priv.publicKey().keyId();
    share.custodian = 2;
    for (std::uint32_t cell : {0u, 1u})
        share.partials.push_back({cell, {2, rng.bytes(512), rng.bytes(16), rng.bytes(300)}});
    const auto shareBytes = share.encode();
    if (!reports::DecryptionShare::decode(shareBytes).ok()) {
        std::cerr << "the decryption share seed does not decode\n";
        std::exit(1);
    }
    write("decryption_share", "two-cells", shareBytes);
    share.partials.clear();
    write("decryption_share", "no-partials", share.encode());
}

/// A clinic's exported report for the fuzz network: one CD4 cell of `values`, signed by member
/// clinic `clinic`.
std::vector<std::uint8_t> exported(int clinic, const std::vector<double>& values, crypto::Rng& rng)
{
    const auto& network = fuzz::fuzzNetwork().ceremony.network;
    const auto& catalogue = interop::UnitsCatalogue::builtIn();
    reports::ReportFile f;
    f.kind = reports::ReportFile::Kind::Exported;
    f.spec = reportSpec(R"({"version":1,"title":"CD4","purpose":"research","measures":[{"code":"24467-3"}],)"
                        R"("selection":"latest"})");
    f.specSha256 = f.spec.sha256();
    rng.fill(f.reportId);
    f.clinicId.fill(static_cast<std::uint8_t>(clinic));
    f.clinicName = QStringLiteral("Clinic %1").arg(clinic);
    f.keyId = network.key.keyId();
    f.createdAtMs = 1767225600000;
    rng.fill(f.sourceSha256);
    const auto layout = records::ObservationLayout::forCode(catalogue, "24467-3");
    std::vector<paillier::Ciphertext> records;
    for (double v : values)
        records.push_back(*layout->encrypt(network.key, *catalogue.find("24467-3")->encode(v), rng));
    services::CellTally tally;
    tally.patients = tally.observations = values.size();
    reports::ReportCell cell;
    cell.key = f.spec.cells()[0];
    cell.layoutId = layout->id();
    cell.ciphertext = paillier::sum(network.key, records, 1)->toBytes();
    cell.tally = paillier::encrypt(network.key, tally.encode(), rng)->toBytes();
    f.cells.push_back(std::move(cell));
    return f.sign(fuzz::FuzzNetwork::clinicSigner(clinic));
}

void networkSeeds(crypto::Rng& rng)
{
    const auto& net = fuzz::fuzzNetwork();
    // The network must come out the same in the target, or the seeds' signatures would not verify there.
    if (net.ceremony.publicJson != fuzz::fuzzNetwork().ceremony.publicJson) {
        std::cerr << "the fuzz network is not deterministic\n";
        std::exit(1);
    }
    write("report_network", "network-key", net.ceremony.publicJson, 0);
    write("report_network", "members", net.membersJson, 1);
    auto merged = services::mergeExports({exported(1, {250, 410, 380}, rng), exported(2, {120, 300}, rng)},
                                         net.ceremony.network, 2, &net.members);
    if (!merged.ok()) {
        std::cerr << "the merge seed fails: " << merged.error().describe() << "\n";
        std::exit(1);
    }
    services::NetworkLedger ledger;
    ledger.record(*merged);
    write("report_network", "ledger", ledger.toJson(), 2);
    write("report_network", "merged-two-sites", merged->bundle(), 3);
}

void mappedSeeds()
{
    const std::pair<const char*, const char*> samples[] = {
        {"lab_long", "lab_long.csv"}, {"trial_wide", "trial_wide.csv"}, {"actg315", "../actg315/ACTG315.csv"}};
    for (const auto& [name, table] : samples) {
        const QByteArray mapping = readData(QStringLiteral("mapped/%1.mapping.json").arg(QLatin1String(name)));
        write("table_mapping", name, std::string_view(mapping.constData(), std::size_t(mapping.size())));
        const QList<QByteArray> lines = readData(QStringLiteral("mapped/") + QLatin1String(table)).split('\n');
        QByteArray input = mapping.trimmed() + "\n@@\n";
        for (qsizetype i = 0; i < std::min<qsizetype>(lines.size(), 12); ++i)
            input += lines[i] + '\n';
        write("mapped_table", name, std::string_view(input.constData(), std::size_t(input.size())));
    }
    const QByteArray actg = readData(QStringLiteral("actg315/ACTG315.csv")).left(600);
    write("actg315", "head",
          std::string_view(actg.constData(), std::size_t(actg.left(actg.lastIndexOf('\n') + 1).size())));
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
    info.patientId = model::newRowId<access::PatientId>(rng);
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

    reportSeeds(*priv, rng);
    networkSeeds(rng);
    mappedSeeds();

    const QByteArray folder = syntheaFolder(3);
    write("synthea", "first-rows", std::string_view(folder.constData(), std::size_t(folder.size())));
    const QByteArray csv = readData(QStringLiteral("actg315/ACTG315.csv")).left(400);
    write("csv", "actg315-head", std::string_view(csv.constData(), std::size_t(csv.size())));
    std::cout << "seeds written to " << argv[1] << "\n";
    return 0;
}
