// SPDX-License-Identifier: GPL-3.0-or-later
// Tamper suites for the files CipherChart writes and reads back (DESIGN.md section 11, issue 13
// item 6): on a small real sample of each format, every single-byte flip, every truncation, an
// append and a swap of two sections must be rejected by the reader the program uses, and none may
// crash. Each case prints one TAMPER line; docs/RELIABILITY.md carries the table.
#include "core/access/KeySlotFile.h"
#include "core/audit/AuditAnchor.h"
#include "core/crypto/Kdf.h"
#include "core/paillier/Ciphertext.h"
#include "core/paillier/KeyFile.h"
#include "core/records/AttachmentChunk.h"
#include "core/reports/DecryptionShare.h"
#include "core/services/BackupService.h"
#include "core/services/ImportService.h"
#include "core/services/ReportKeyPin.h"
#include "core/services/ReportNetwork.h"
#include "core/services/ReportService.h"
#include "db/AtomicFile.h"
#include "db/SqlReportStore.h"
#include "tests/support/TestClinic.h"

#include <QJsonDocument>
#include <QTest>

#include <functional>
#include <string>
#include <vector>

using namespace cc;

namespace {

using Bytes = std::vector<std::uint8_t>;
/// True if the reader refuses `bytes`.
using Rejects = std::function<bool(const Bytes& bytes)>;

struct Tally
{
    std::size_t cases = 0;
    std::size_t rejected = 0;
    std::vector<std::string> accepted; ///< the first few cases that got through
    /// Text formats: a mutation that leaves the same document (a JSON file without its final
    /// newline) is the same file, not a tamper case; counted apart and not run.
    std::function<bool(const Bytes& bytes)> sameDocument;
    std::size_t same = 0;

    void run(const Rejects& rejects, const Bytes& bytes, const std::string& name)
    {
        if (sameDocument && sameDocument(bytes)) {
            ++same;
            return;
        }
        ++cases;
        if (rejects(bytes))
            ++rejected;
        else if (accepted.size() < 5)
            accepted.push_back(name);
    }
};

/// Flips every byte in [from, to) with `step`, truncates at every such length, and (`append`)
/// appends one and sixteen bytes.
void mutate(Tally& t, const Bytes& sample, const Rejects& rejects, std::size_t from, std::size_t to,
            std::size_t step = 1, bool append = true)
{
    for (std::size_t i = from; i < to; i += step) {
        Bytes flipped = sample;
        flipped[i] ^= 0x01;
        t.run(rejects, flipped, "flip bit 0 of byte " + std::to_string(i));
        Bytes inverted = sample;
        inverted[i] ^= 0xff;
        t.run(rejects, inverted, "invert byte " + std::to_string(i));
        t.run(rejects, Bytes(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(i)),
              "truncate to " + std::to_string(i));
    }
    for (std::size_t extra : {1, 16}) {
        if (!append)
            break;
        Bytes longer = sample;
        longer.insert(longer.end(), extra, 0);
        t.run(rejects, longer, "append " + std::to_string(extra));
    }
}

/// Swaps the byte ranges [a, a+n) and [b, b+n) (a + n <= b).
Bytes swapped(const Bytes& sample, std::size_t a, std::size_t b, std::size_t n)
{
    Bytes out = sample;
    std::swap_ranges(out.begin() + static_cast<std::ptrdiff_t>(a), out.begin() + static_cast<std::ptrdiff_t>(a + n),
                     out.begin() + static_cast<std::ptrdiff_t>(b));
    return out;
}

/// Where the string value of the first member `name` starts in a JSON body, or npos.
std::size_t valueAt(const Bytes& sample, const std::string& name)
{
    const std::string s(sample.begin(), sample.end());
    std::size_t at = s.find("\"" + name + "\":");
    if (at == std::string::npos)
        return at;
    at = s.find_first_not_of(' ', at + name.size() + 3);
    return at != std::string::npos && s[at] == '"' ? at + 1 : std::string::npos;
}

/// mutate() over a file whose JSON text starts at `body`: every byte, or with `sparse` every byte
/// but those inside strings of 100 characters or more (base64url integers and ciphertexts, where
/// each case costs a proof check or a key parse), mutated every 7th byte.
void mutateJson(Tally& t, const Bytes& sample, const Rejects& rejects, std::size_t body, bool sparse)
{
    std::size_t at = 0;
    for (std::size_t i = body; sparse && i < sample.size(); ++i) {
        if (sample[i] != '"')
            continue;
        const auto close = std::find(sample.begin() + static_cast<std::ptrdiff_t>(i) + 1, sample.end(), '"');
        const auto end = static_cast<std::size_t>(close - sample.begin());
        if (end == sample.size())
            break;
        if (end - i > 100) {
            mutate(t, sample, rejects, at, i + 1, 1, false);
            mutate(t, sample, rejects, i + 1, end, 7, false);
            at = end;
        }
        i = end;
    }
    mutate(t, sample, rejects, at, sample.size());
}

/// True if `bytes` is JSON text of the same document as `original`.
std::function<bool(const Bytes&)> sameJson(const Bytes& original)
{
    auto json = [](const Bytes& b) {
        return QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(b.data()), qsizetype(b.size())));
    };
    return [json, doc = json(original)](const Bytes& b) { return !doc.isNull() && json(b) == doc; };
}

/// Swaps the first `n` bytes of the string values of members `a` and `b`; empty if one is missing.
Bytes swappedValues(const Bytes& sample, const char* a, const char* b, std::size_t n)
{
    const std::size_t x = valueAt(sample, a), y = valueAt(sample, b);
    if (x == std::string::npos || y == std::string::npos)
        return {};
    return swapped(sample, std::min(x, y), std::max(x, y), n);
}

void report(const char* format, const Tally& t)
{
    if (t.same > 0)
        qInfo("TAMPER %s: %zu cases, %zu rejected (%zu more leave the same JSON document)", format, t.cases, t.rejected,
              t.same);
    else
        qInfo("TAMPER %s: %zu cases, %zu rejected", format, t.cases, t.rejected);
    for (const auto& name : t.accepted)
        qWarning("TAMPER %s: accepted: %s", format, name.c_str());
}

Bytes readAll(const std::string& path)
{
    auto bytes = db::readFile(path, std::size_t{64} << 20);
    return bytes ? *bytes : Bytes{};
}

std::uint64_t bigAt(const Bytes& b, std::size_t at, int n)
{
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i)
        v = (v << 8) | b[at + static_cast<std::size_t>(i)];
    return v;
}

/// How one JSON-bodied format is tampered with.
struct JsonFormat
{
    const char* name;
    std::size_t body = 0;                     ///< where the JSON text starts (after a binary header)
    bool sparse = false;                      ///< long strings every 7th byte (mutateJson)
    bool text = false;                        ///< a text file: cases leaving the same JSON document are not counted
    bool signedTail = false;                  ///< a signed container: also swap body and signature blocks
    std::pair<const char*, const char*> swap; ///< two members whose string values are swapped
    std::size_t swapLength = 16;
};

/// Runs mutateJson and the swaps over `sample`; every case must be rejected.
void tamperJson(const JsonFormat& f, const Bytes& sample, const Rejects& rejects)
{
    QVERIFY(!rejects(sample));
    Tally t;
    if (f.text)
        t.sameDocument = sameJson(sample);
    mutateJson(t, sample, rejects, f.body, f.sparse);
    const Bytes swappedMembers = swappedValues(sample, f.swap.first, f.swap.second, f.swapLength);
    QVERIFY(!swappedMembers.empty());
    t.run(rejects, swappedMembers, std::string("swap ") + f.swap.first + " and " + f.swap.second);
    if (f.signedTail) // the first 32 bytes of the body with the first 32 of the signature
        t.run(rejects, swapped(sample, f.body, sample.size() - 64, 32), "swap body and signature blocks");
    report(f.name, t);
    QCOMPARE(t.rejected, t.cases);
}

/// Imports ACTG 315 as the doctor.
Status importActg(test::TestClinic& clinic)
{
    clinic.clinic().logout();
    CC_TRY(clinic.login(test::kDoctor, test::kDoctorPassword));
    auto imported =
        services::ImportService(clinic.clinic()).importActg315(QStringLiteral(CC_TEST_DATA_DIR "/actg315/ACTG315.csv"));
    CC_TRY(imported);
    return {};
}

/// The report files of one run.
struct ReportSamples
{
    Bytes encrypted, share, published, exported;
};

/// As the administrator (the sole custodian): runs the latest CD4 per patient for `purpose`,
/// contributes the decryption share, then publishes it (no `network`) or exports it to `network`.
Result<ReportSamples> runReport(test::TestClinic& clinic, const std::string& purpose,
                                const services::NetworkKey* network)
{
    clinic.clinic().logout();
    CC_TRY(clinic.login(test::kAdmin, test::kAdminPassword));
    auto spec = reports::ReportSpec::fromJson(
        QByteArray::fromStdString(R"({"version": 1, "title": "CD4", "purpose": ")" + purpose +
                                  R"(", "measures": [{"code": "24467-3"}], "selection": "latest"})"));
    CC_TRY(spec);
    db::SqlReportStore store(clinic.store().database());
    services::ReportService reports(clinic.clinic(), store);
    ReportSamples out;
    auto encrypted = reports.run(*spec);
    CC_TRY(encrypted);
    out.encrypted = *encrypted;
    auto share = reports.decryptShare(out.encrypted);
    CC_TRY(share);
    out.share = share->share;
    if (network == nullptr) {
        auto published = reports.publish(out.encrypted);
        CC_TRY(published);
        out.published = published->file;
    } else {
        auto exported = reports.exportToNetwork(out.encrypted, *network, network->fingerprintHex());
        CC_TRY(exported);
        out.exported = exported->file;
    }
    return out;
}

} // namespace

class TestTamperFormats : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keySlotFile();
    void auditAnchor();
    void backup();
    void attachmentChunks();
    void encryptedReport();
    void publishedReport();
    void decryptionShare();
    void exportedReport();
    void networkKeyFile();
    void networkMembers();

private:
    /// ReportService::verify (what `report verify`, `show` and the GUI's report list run first).
    bool reportRejected(const Bytes& bytes);
    void tamperReport(const char* format, const Bytes& sample, bool sparse, std::pair<const char*, const char*> swap,
                      std::size_t swapLength);
    std::unique_ptr<test::TestClinic> m_clinic;
    Bytes m_backup;
    Bytes m_encrypted; ///< an encrypted report (.ccrep, kind 1) of the ACTG 315 CD4 values
    Bytes m_share;     ///< the administrator's (sole custodian's) decryption share of it
    Bytes m_published; ///< the published report (kind 2)
    std::unique_ptr<services::NetworkKey> m_network;
    Bytes m_exported;       ///< a research report exported to m_network (kind 3)
    Bytes m_otherExport;    ///< a second clinic's export of the same spec
    Bytes m_networkKeyFile; ///< network-key.json of m_network (signed by the network)
    Bytes m_membersFile;    ///< the network's member list (signed by the network)
};

void TestTamperFormats::initTestCase()
{
    auto made = test::TestClinic::create();
    QVERIFY2(made.ok(), made.ok() ? "" : made.error().message.c_str());
    m_clinic = std::move(made).value();
    QVERIFY(m_clinic->login(test::kAdmin, test::kAdminPassword).ok());
    services::BackupService backups(m_clinic->clinic());
    const std::string path = m_clinic->dir() + "/sample.ccbk";
    QVERIFY(backups.create(path).ok());
    m_backup = readAll(path);
    QVERIFY(!m_backup.empty());

    // Reports, made by the real use cases as `report run`, `decrypt-share --out`, `publish` and
    // `export` do: the ACTG 315 data imported by the doctor, the latest CD4 value per patient (46
    // patients, one cell, over the minimum cell size) run by the administrator, who is the sole
    // custodian of the fixture report key. A quality report is published; a research report is
    // exported to a test research network, and a second clinic exports the same report to merge with.
    QVERIFY2(importActg(*m_clinic).ok(), "ACTG 315 import");
    auto quality = runReport(*m_clinic, "quality", nullptr);
    QVERIFY2(quality.ok(), quality.ok() ? "" : quality.error().describe().c_str());
    m_encrypted = quality->encrypted;
    m_share = quality->share;
    m_published = quality->published;

    auto networkKey = paillier::KeyFile::readPrivate(test::readTestData("paillier/test-key-2048-b.json"));
    QVERIFY(networkKey.ok());
    std::vector<crypto::SecureBytes> passphrases;
    for (const char* p : {"ana-passphrase-1", "ben-passphrase-2"})
        passphrases.push_back(test::secret(p));
    crypto::DeterministicRng rng(31);
    auto ceremony = services::createNetwork(std::move(*networkKey), QStringLiteral("Tamper network"), {"ana", "ben"}, 2,
                                            11, 2, passphrases, crypto::Argon2Params::forTests(), rng);
    QVERIFY2(ceremony.ok(), ceremony.ok() ? "" : ceremony.error().describe().c_str());
    m_network = std::make_unique<services::NetworkKey>(ceremony->network);
    m_networkKeyFile.assign(ceremony->publicJson.begin(), ceremony->publicJson.end());
    auto custodian = services::openCustodianFile(ceremony->custodianFiles[0], *m_network, passphrases[0].span());
    QVERIFY2(custodian.ok(), custodian.ok() ? "" : custodian.error().describe().c_str());
    auto research = runReport(*m_clinic, "research", m_network.get());
    QVERIFY2(research.ok(), research.ok() ? "" : research.error().describe().c_str());
    m_exported = research->exported;
    auto other = test::TestClinic::create();
    QVERIFY(other.ok());
    QVERIFY2(importActg(**other).ok(), "ACTG 315 import (second clinic)");
    auto otherResearch = runReport(**other, "research", m_network.get());
    QVERIFY2(otherResearch.ok(), otherResearch.ok() ? "" : otherResearch.error().describe().c_str());
    m_otherExport = otherResearch->exported;
    // The member list (`network members`): both clinics' signing keys, signed by the network.
    services::NetworkMembers members;
    for (const Bytes* file : {&m_exported, &m_otherExport}) {
        auto read = reports::ReportFile::read(*file);
        QVERIFY(read.ok());
        members.members.push_back({read->clinicName, read->signerPublicKey});
    }
    std::sort(members.members.begin(), members.members.end(),
              [](const auto& a, const auto& b) { return a.signer < b.signer; });
    const std::string membersJson = members.toJson(*m_network, custodian->signingKey);
    m_membersFile.assign(membersJson.begin(), membersJson.end());
}

bool TestTamperFormats::reportRejected(const Bytes& bytes)
{
    db::SqlReportStore store(m_clinic->store().database());
    return !services::ReportService(m_clinic->clinic(), store).verify(bytes).ok();
}

// The key-slot file: a SHA-256 checksum over the whole file stops every flip and truncation at
// parse; a swap with the checksum recomputed (an attacker's edit) is stopped by the file MAC or
// the per-slot AES-GCM at login.
void TestTamperFormats::keySlotFile()
{
    const Bytes sample = readAll(m_clinic->dir() + "/clinic/keyslots.ccks");
    QVERIFY(sample.size() > 100);
    QVERIFY(access::KeySlotFile::parse(sample).ok());
    const Rejects rejects = [](const Bytes& b) {
        auto parsed = access::KeySlotFile::parse(b);
        if (!parsed.ok())
            return true;
        auto ring = parsed->unlock(test::kAdmin, std::span(reinterpret_cast<const std::uint8_t*>(test::kAdminPassword),
                                                           std::strlen(test::kAdminPassword)));
        return !ring.ok() || !parsed->verifyMac(*ring).ok();
    };
    Tally t;
    mutate(t, sample, rejects, 0, sample.size());
    // Swap the first two 32-byte blocks after the header, checksum recomputed.
    Bytes swap = swapped(sample, 64, 96, 32);
    const auto sum = crypto::sha256(std::span(swap.data(), swap.size() - 32));
    std::copy(sum.begin(), sum.end(), swap.end() - 32);
    t.run(rejects, swap, "swap blocks, checksum fixed");
    report("key-slot file", t);
    QCOMPARE(t.rejected, t.cases);
}

// The audit anchor: strict text form with a checksum line.
void TestTamperFormats::auditAnchor()
{
    const Bytes sample = readAll(m_clinic->dir() + "/clinic/audit.anchor");
    QVERIFY(sample.size() > 100);
    auto text = [](const Bytes& b) { return std::string_view(reinterpret_cast<const char*>(b.data()), b.size()); };
    auto original = audit::AuditAnchor::parse(text(sample));
    QVERIFY(original.ok());
    const Rejects rejects = [&](const Bytes& b) {
        auto parsed = audit::AuditAnchor::parse(text(b));
        return !parsed.ok();
    };
    Tally t;
    mutate(t, sample, rejects, 0, sample.size());
    // Swap the hash and mac lines' values (both 64 hex digits): the checksum line stops it.
    const std::string s(text(sample));
    const std::size_t hash = s.find("\nhash=") + 6, mac = s.find("\nmac=") + 5;
    t.run(rejects, swapped(sample, hash, mac, 64), "swap hash and mac");
    report("audit anchor", t);
    QCOMPARE(t.rejected, t.cases);
}

// The backup container: what `backup inspect` checks (structure, manifest signature, the signed
// hashes of the members stored in the clear). The header, manifest, signature, key slots and
// wrapped key are mutated byte by byte; the payload (mostly the database copy) every 61st byte.
void TestTamperFormats::backup()
{
    const Bytes& sample = m_backup;
    QVERIFY(services::BackupService::inspectBytes(sample).ok());
    const std::size_t signature = 12 + bigAt(sample, 8, 4);
    const std::size_t keySlots = signature + 64 + 4;
    const std::size_t wrappedKey = keySlots + bigAt(sample, signature + 64, 4) + 4;
    const std::size_t payload = wrappedKey + bigAt(sample, wrappedKey - 4, 4) + 8;
    QVERIFY(payload < sample.size());
    const Rejects rejects = [](const Bytes& b) { return !services::BackupService::inspectBytes(b).ok(); };
    Tally t;
    mutate(t, sample, rejects, 0, payload);
    mutate(t, sample, rejects, payload, sample.size(), 61);
    // Swap the first 32 bytes of the key slots with the first 32 of the payload.
    t.run(rejects, swapped(sample, keySlots, payload, 32), "swap key slots and payload blocks");
    report("backup (inspect)", t);
    QCOMPARE(t.rejected, t.cases);
}

// Attachment chunks as stored: AES-256-GCM with the attachment id, chunk index and final flag in
// the AAD. Flips and truncations fail the tag; swapping two chunks fails the index binding;
// dropping the final chunk fails the final flag.
void TestTamperFormats::attachmentChunks()
{
    crypto::DeterministicRng rng(9);
    const crypto::SecureBytes key = rng.secureBytes(32);
    const Bytes id = rng.bytes(16);
    const Bytes plain0 = rng.bytes(300), plain1 = rng.bytes(200);
    auto chunk0 = records::AttachmentChunk::seal(key, 7, id, 0, false, plain0, rng);
    auto chunk1 = records::AttachmentChunk::seal(key, 7, id, 1, true, plain1, rng);
    QVERIFY(chunk0.ok() && chunk1.ok());
    const Rejects rejectsAsFinal1 = [&](const Bytes& b) {
        return !records::AttachmentChunk::open(key, 7, id, 1, true, b).ok();
    };
    QVERIFY(!rejectsAsFinal1(*chunk1));
    Tally t;
    mutate(t, *chunk1, rejectsAsFinal1, 0, chunk1->size());
    t.run([&](const Bytes& b) { return !records::AttachmentChunk::open(key, 7, id, 0, false, b).ok(); }, *chunk1,
          "chunk 1 read as chunk 0 (swap)");
    t.run(rejectsAsFinal1, *chunk0, "chunk 0 read as chunk 1 (swap)");
    t.run([&](const Bytes& b) { return !records::AttachmentChunk::open(key, 7, id, 0, true, b).ok(); }, *chunk0,
          "final chunk dropped: chunk 0 read as the last");
    report("attachment chunk", t);
    QCOMPARE(t.rejected, t.cases);
}

// The report files: "CCRP", version, kind, length, the JSON body, an Ed25519 signature over all
// of it by the clinic's signing key. Read as `report verify` reads them (ReportService::verify:
// the container, the body's members, the signature, then the clinic's signer, clinic id, report key
// id, each cell's layout and ciphertext). Every byte is mutated except inside an encrypted
// report's ciphertext digits, mutated every 7th byte: each case costs a verify, about 12 ms, most
// of it loading the pinned report key.
void TestTamperFormats::tamperReport(const char* format, const Bytes& sample, bool sparse,
                                     std::pair<const char*, const char*> swap, std::size_t swapLength)
{
    tamperJson({format, 10, sparse, false, true, swap, swapLength}, sample,
               [this](const Bytes& b) { return reportRejected(b); });
}

// An encrypted report (kind 1): per cell a Paillier ciphertext.
void TestTamperFormats::encryptedReport()
{
    tamperReport("report file (encrypted)", m_encrypted, true, {"reportId", "clinicId"}, 32);
}

// A published report (kind 2): per cell the disclosure-controlled figures.
void TestTamperFormats::publishedReport()
{
    tamperReport("report file (published)", m_published, false, {"sourceSha256", "specSha256"}, 64);
}

// A custodian's decryption-share file (`report decrypt-share --out`, read by `report publish
// --shares`): not signed; every partial carries Shoup's proof bound to the report id and cell,
// checked against the custodian's verification key. A case is accepted if publication could use
// it: it decodes, names this report, spec and key, and gives a partial that passes the proof for
// every cell (what ReportService::publish does with a share file, via paillier::combinePartials).
// The header and JSON structure are mutated byte by byte, the long base64url integers every 7th
// byte (each such case costs a proof check).
void TestTamperFormats::decryptionShare()
{
    const Bytes& sample = m_share;
    auto file = reports::ReportFile::read(m_encrypted);
    QVERIFY(file.ok());
    auto pinned = services::ReportKeyPin::load(m_clinic->clinic());
    QVERIFY2(pinned.ok(), pinned.ok() ? "" : pinned.error().describe().c_str());
    const Rejects rejects = [&](const Bytes& b) {
        auto share = reports::DecryptionShare::decode(b, "share.ccrs");
        if (!share.ok())
            return true;
        if (share->reportId != file->reportId || share->specSha256 != file->specSha256 || share->keyId != file->keyId)
            return true;
        for (const auto& cell : file->cells) {
            std::vector<paillier::PartialDecryption> partials;
            for (const auto& p : share->partials)
                if (p.cell == cell.key.index)
                    partials.push_back(p.partial);
            auto c = paillier::Ciphertext::fromBytes(pinned->publicKey, cell.ciphertext, cell.layoutId);
            if (!c.ok())
                return true;
            if (!paillier::combinePartials(pinned->publicKey, pinned->parameters, *c, partials,
                                           reports::partialContext(file->reportId, cell.key.index))
                     .ok())
                return true;
        }
        return false;
    };
    tamperJson({"decryption share", 9, true, false, false, {"challenge", "response"}, 16}, sample, rejects);
}

// A report exported to a research network (kind 3: per cell the figures and the tally re-encrypted
// under the network key), read as `report merge` reads it: mergeExports with a second clinic's
// export of the same spec (every file's format and signature, the network key id, distinct
// clinics, every ciphertext and tally range-checked), which must refuse the merge. Every byte.
void TestTamperFormats::exportedReport()
{
    const Rejects rejects = [this](const Bytes& b) {
        return !services::mergeExports({b, m_otherExport}, *m_network, 2).ok();
    };
    tamperJson({"report file (exported)", 10, false, false, true, {"c", "tally"}, 64}, m_exported, rejects);
}

// The research network's public key file (`network init`), read as every `report export` and
// `network` command reads it: NetworkKey::fromJson (the JWK, the threshold parameters, the rules,
// the Ed25519 signature over the network key record) and the fingerprint the clinic was given out
// of band. The JSON text is mutated byte by byte, the long base64url integers (n, the DJN base,
// v, v_i) every 7th byte.
void TestTamperFormats::networkKeyFile()
{
    const std::string fingerprint = m_network->fingerprintHex();
    const Rejects rejects = [&](const Bytes& b) {
        auto key = services::NetworkKey::fromJson(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()),
                                                  "network-key.json");
        return !key.ok() || key->fingerprintHex() != fingerprint;
    };
    tamperJson({"network key file", 0, true, true, false, {"signer", "fingerprint"}, 16}, m_networkKeyFile, rejects);
}

// The network's member list (`network members`, read by `network decrypt-share`, `publish` and
// `report merge --members`): NetworkMembers::fromJson (the network fingerprint and the network's
// signature over the sorted members).
void TestTamperFormats::networkMembers()
{
    const Rejects rejects = [this](const Bytes& b) {
        return !services::NetworkMembers::fromJson(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()),
                                                   *m_network, "members.json")
                    .ok();
    };
    tamperJson({"network member list", 0, false, true, false, {"signer", "network"}, 64}, m_membersFile, rejects);
}

QTEST_GUILESS_MAIN(TestTamperFormats)
#include "TestTamperFormats.moc"
