// SPDX-License-Identifier: GPL-3.0-or-later
// Tamper suites for the files CipherChart writes and reads back (DESIGN.md section 11, issue 13
// item 6): on a small real sample of each format, every single-byte flip, every truncation, an
// append and a swap of two sections must be rejected by the reader the program uses, and none may
// crash. Each case prints one TAMPER line; docs/RELIABILITY.md carries the table.
#include "core/access/KeySlotFile.h"
#include "core/audit/AuditAnchor.h"
#include "core/crypto/Kdf.h"
#include "core/records/AttachmentChunk.h"
#include "core/services/BackupService.h"
#include "db/AtomicFile.h"
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

/// Flips every byte in [from, to) with `step`, truncates at every such length, appends one and
/// sixteen bytes.
void mutate(Tally& t, const Bytes& sample, const Rejects& rejects, std::size_t from, std::size_t to,
            std::size_t step = 1)
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

private:
    std::unique_ptr<test::TestClinic> m_clinic;
    Bytes m_backup;
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

QTEST_GUILESS_MAIN(TestTamperFormats)
#include "TestTamperFormats.moc"
