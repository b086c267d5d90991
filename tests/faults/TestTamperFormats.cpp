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

    void run(const Rejects& rejects, const Bytes& bytes, const std::string& name)
    {
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
    const std::string key = "\"" + name + "\":\"";
    const std::size_t at = s.find(key);
    return at == std::string::npos ? at : at + key.size();
}

/// mutate() over a file with a JSON body: every byte, except that the string values of the
/// `sparse` members (long base64url integers, each case costing a proof or verify) are mutated
/// every 7th byte. False if a member is missing.
bool mutateJson(Tally& t, const Bytes& sample, const Rejects& rejects, std::initializer_list<const char*> sparse)
{
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (const char* name : sparse) {
        const std::size_t start = valueAt(sample, name);
        if (start == std::string::npos)
            return false;
        const auto end = std::find(sample.begin() + static_cast<std::ptrdiff_t>(start), sample.end(), '"');
        ranges.emplace_back(start, static_cast<std::size_t>(end - sample.begin()));
    }
    std::sort(ranges.begin(), ranges.end());
    std::size_t at = 0;
    for (const auto& [start, end] : ranges) {
        mutate(t, sample, rejects, at, start, 1, false);
        mutate(t, sample, rejects, start, end, 7, false);
        at = end;
    }
    mutate(t, sample, rejects, at, sample.size());
    return true;
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

private:
    /// ReportService::verify (what `report verify`, `show` and the GUI's report list run first).
    bool reportRejected(const Bytes& bytes);
    void tamperReport(const char* format, const Bytes& sample, std::initializer_list<const char*> sparse,
                      std::pair<const char*, const char*> swap, std::size_t swapLength);
    std::unique_ptr<test::TestClinic> m_clinic;
    Bytes m_backup;
    Bytes m_encrypted; ///< an encrypted report (.ccrep, kind 1) of the ACTG 315 CD4 values
    Bytes m_share;     ///< the administrator's (sole custodian's) decryption share of it
    Bytes m_published; ///< the published report (kind 2)
    std::unique_ptr<services::NetworkKey> m_network;
    Bytes m_exported;    ///< a research report exported to m_network (kind 3)
    Bytes m_otherExport; ///< a second clinic's export of the same spec
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
    auto research = runReport(*m_clinic, "research", m_network.get());
    QVERIFY2(research.ok(), research.ok() ? "" : research.error().describe().c_str());
    m_exported = research->exported;
    auto other = test::TestClinic::create();
    QVERIFY(other.ok());
    QVERIFY2(importActg(**other).ok(), "ACTG 315 import (second clinic)");
    auto otherResearch = runReport(**other, "research", m_network.get());
    QVERIFY2(otherResearch.ok(), otherResearch.ok() ? "" : otherResearch.error().describe().c_str());
    m_otherExport = otherResearch->exported;
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
void TestTamperFormats::tamperReport(const char* format, const Bytes& sample, std::initializer_list<const char*> sparse,
                                     std::pair<const char*, const char*> swap, std::size_t swapLength)
{
    QVERIFY(!reportRejected(sample));
    const Rejects rejects = [this](const Bytes& b) { return reportRejected(b); };
    Tally t;
    QVERIFY(mutateJson(t, sample, rejects, sparse));
    const Bytes swappedMembers = swappedValues(sample, swap.first, swap.second, swapLength);
    QVERIFY(!swappedMembers.empty());
    t.run(rejects, swappedMembers, std::string("swap ") + swap.first + " and " + swap.second);
    // The first 32 bytes of the body with the first 32 of the signature.
    t.run(rejects, swapped(sample, 10, sample.size() - 64, 32), "swap body and signature blocks");
    report(format, t);
    QCOMPARE(t.rejected, t.cases);
}

// An encrypted report (kind 1): per cell a Paillier ciphertext.
void TestTamperFormats::encryptedReport()
{
    tamperReport("report file (encrypted)", m_encrypted, {"c"}, {"reportId", "clinicId"}, 32);
}

// A published report (kind 2): per cell the disclosure-controlled figures.
void TestTamperFormats::publishedReport()
{
    tamperReport("report file (published)", m_published, {}, {"sourceSha256", "specSha256"}, 64);
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
    QVERIFY(!rejects(sample));
    Tally t;
    QVERIFY(mutateJson(t, sample, rejects, {"challenge", "response", "value"}));
    const Bytes swappedDigits = swappedValues(sample, "challenge", "response", 16);
    QVERIFY(!swappedDigits.empty());
    t.run(rejects, swappedDigits, "swap challenge and response digits");
    report("decryption share", t);
    QCOMPARE(t.rejected, t.cases);
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
    QVERIFY(!rejects(m_exported));
    Tally t;
    QVERIFY(mutateJson(t, m_exported, rejects, {}));
    const Bytes swappedCells = swappedValues(m_exported, "c", "tally", 64);
    QVERIFY(!swappedCells.empty());
    t.run(rejects, swappedCells, "swap figures and tally digits");
    t.run(rejects, swapped(m_exported, 10, m_exported.size() - 64, 32), "swap body and signature blocks");
    report("report file (exported)", t);
    QCOMPARE(t.rejected, t.cases);
}

QTEST_GUILESS_MAIN(TestTamperFormats)
#include "TestTamperFormats.moc"
