// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments: chunked AEAD under per-file keys; round trip, every tampering case, keys, access, audit.
#include "core/crypto/Aead.h"
#include "core/records/AttachmentChunk.h"
#include "core/records/PatientKeys.h"
#include "core/services/AttachmentService.h"
#include "db/Database.h"
#include "tests/app/records/ChartFixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cc;
using namespace cc::test;
using records::AttachmentChunk;

namespace {

/// A file whose content starts with `magic` and continues with `size - magic` deterministic bytes.
QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& magic, qint64 size)
{
    QByteArray data = magic;
    data.reserve(static_cast<qsizetype>(size));
    for (qint64 i = data.size(); i < size; ++i)
        data.append(static_cast<char>((i * 7 + 3) & 0xFF));
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return path;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kPng = QByteArray::fromHex("89504e470d0a1a0a");
constexpr qint64 kThreeChunks = 2 * 256 * 1024 + 90'000;

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

    std::unique_ptr<ChartFixture> m_f;
    QTemporaryDir m_dir;
    QString m_pngPath;
    model::RowId m_png{};   ///< three chunks, patient "own"
    model::RowId m_small{}; ///< one chunk, patient "own"

    Status execSql(const std::string& sql) { return m_f->t->store().database().exec(sql); }
    static std::string hex(const IdBytes& id) { return "x'" + services::idHex(id) + "'"; }

private slots:
    void init()
    {
        auto f = ChartFixture::make();
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().describe().c_str());
        m_f = std::move(f).value();
        m_pngPath = writeFile(m_dir, QStringLiteral("chart.png"), kPng, kThreeChunks);
        QVERIFY(!m_pngPath.isEmpty());
        services::AttachmentService attachments(m_f->t->clinic());
        auto png = attachments.add(m_f->own, m_pngPath, QStringLiteral("growth chart"));
        QVERIFY2(png.ok(), png.ok() ? "" : png.error().describe().c_str());
        m_png = *png;
        const QString pdf = writeFile(m_dir, QStringLiteral("letter.pdf"), "%PDF-1.4\n", 500);
        auto small = attachments.add(m_f->own, pdf);
        QVERIFY(small.ok());
        m_small = *small;
    }

    void cleanup() { m_f.reset(); }

    void roundTrip()
    {
        services::AttachmentService attachments(m_f->t->clinic());
        auto list = attachments.list(m_f->own);
        QVERIFY2(list.ok(), list.ok() ? "" : list.error().describe().c_str());
        QCOMPARE(list->size(), std::size_t{2});
        const auto& png = list->front().id == m_png ? list->front() : list->back();
        QCOMPARE(png.fileName, QStringLiteral("chart.png"));
        QCOMPARE(png.mediaType, QStringLiteral("image/png"));
        QCOMPARE(png.size, kThreeChunks);
        QCOMPARE(png.chunkCount, qint64{3});
        QCOMPARE(png.description, QStringLiteral("growth chart"));
        QCOMPARE(*m_f->t->store().attachments().chunkCount(m_png), std::size_t{3});

        auto content = attachments.read(m_f->own, m_png);
        QVERIFY2(content.ok(), content.ok() ? "" : content.error().describe().c_str());
        QCOMPARE(*content, readAll(m_pngPath));
        QCOMPARE(attachments.read(m_f->own, m_png, 1000).error().code, ErrorCode::InvalidArgument); // the viewer's cap

        const QString out = m_dir.filePath(QStringLiteral("out.png"));
        QVERIFY(attachments.exportTo(m_f->own, m_png, out).ok());
        QCOMPARE(readAll(out), readAll(m_pngPath));
        QVERIFY(attachments.exportTo(m_f->own, m_small, out).ok()); // replaces atomically
        QCOMPARE(readAll(out).left(5), QByteArray("%PDF-"));
        // The content is not stored in the clear.
        auto chunk = m_f->t->store().attachments().chunk(m_png, 0);
        QVERIFY(chunk.ok() && chunk->has_value());
        const QByteArray stored(reinterpret_cast<const char*>((*chunk)->data()),
                                static_cast<qsizetype>((*chunk)->size()));
        QVERIFY(!stored.contains(kPng));
        QCOMPARE((*chunk)->size(), AttachmentChunk::kSize + crypto::Aead::kOverhead);
    }

    void badFilesAreRefused()
    {
        services::AttachmentService attachments(m_f->t->clinic());
        const QString text = writeFile(m_dir, QStringLiteral("notes.txt"), "hello", 100);
        auto unknown = attachments.add(m_f->own, text);
        QCOMPARE(unknown.error().code, ErrorCode::MalformedInput);
        QCOMPARE(unknown.error().field, std::string("content"));
        QCOMPARE(unknown.error().file, text.toStdString());
        QCOMPARE(attachments.add(m_f->own, m_dir.filePath(QStringLiteral("missing.png"))).error().code,
                 ErrorCode::NotFound);
        // Over 1 GiB: a sparse file, refused before anything is read or stored.
        const QString huge = writeFile(m_dir, QStringLiteral("huge.png"), kPng, 8);
        QFile hf(huge);
        QVERIFY(hf.resize(model::AttachmentInfo::kMaxSize + 1));
        auto tooLarge = attachments.add(m_f->own, huge);
        QCOMPARE(tooLarge.error().code, ErrorCode::MalformedInput);
        QCOMPARE(tooLarge.error().field, std::string("size"));
        // A name the model refuses: a backslash is legal in a Linux file name but reads as a path.
        const QString badName = writeFile(m_dir, QStringLiteral("scan\\2024.png"), kPng, 10);
        QVERIFY(!badName.isEmpty());
        auto refusedName = attachments.add(m_f->own, badName);
        QVERIFY(!refusedName.ok());
        QCOMPARE(refusedName.error().code, ErrorCode::MalformedInput);
        QCOMPARE(refusedName.error().field, std::string("attachment.fileName"));
        // Cancelled from the progress callback: nothing stored.
        auto cancelled = attachments.add(m_f->own, m_pngPath, {}, [](qint64 done, qint64) { return done < 300'000; });
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        auto list = attachments.list(m_f->own);
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t{2});
        auto count = m_f->t->store().database().prepare("SELECT count(*) FROM attachment_chunks;");
        QVERIFY(count.ok() && *count->step());
        QCOMPARE(count->columnInt64(0), std::int64_t{4});
    }

    /// Each case tampers with a fresh pair of attachments (a three-chunk PNG, a one-chunk PDF) of
    /// the same clinic: %1 is the PNG's id, %2 the PDF's, %3 the other patient's.
    void tamperingIsDetected()
    {
        const std::vector<std::pair<const char*, std::string>> cases = {
            {"flipped bit in a chunk", "flip"},
            {"chunks reordered", "UPDATE attachment_chunks SET chunk_index = 7 WHERE attachment_id = %1 AND "
                                 "chunk_index = 0; UPDATE attachment_chunks SET chunk_index = 0 WHERE "
                                 "attachment_id = %1 AND chunk_index = 1; UPDATE attachment_chunks SET "
                                 "chunk_index = 1 WHERE attachment_id = %1 AND chunk_index = 7;"},
            {"final chunk dropped", "DELETE FROM attachment_chunks WHERE attachment_id = %1 AND chunk_index = 2;"},
            {"final chunk dropped, last one renumbered",
             "DELETE FROM attachment_chunks WHERE attachment_id = %1 AND chunk_index = 2; "
             "INSERT INTO attachment_chunks SELECT attachment_id, 2, data FROM attachment_chunks "
             "WHERE attachment_id = %1 AND chunk_index = 1;"},
            {"chunk appended", "INSERT INTO attachment_chunks SELECT attachment_id, 3, data FROM "
                               "attachment_chunks WHERE attachment_id = %1 AND chunk_index = 2;"},
            {"chunk swapped from another attachment",
             "UPDATE attachment_chunks SET data = (SELECT data FROM attachment_chunks WHERE attachment_id = %2 "
             "AND chunk_index = 0) WHERE attachment_id = %1 AND chunk_index = 2;"},
            {"file key swapped from another attachment",
             "UPDATE attachments SET file_key_sealed = (SELECT file_key_sealed FROM attachments WHERE id = %2), "
             "file_key_id = (SELECT file_key_id FROM attachments WHERE id = %2) WHERE id = %1;"},
            {"metadata swapped from another attachment",
             "UPDATE attachments SET doc = (SELECT doc FROM attachments WHERE id = %2) WHERE id = %1;"},
            {"moved to another patient", "UPDATE attachments SET patient_ref = %3 WHERE id = %1;"},
        };
        services::AttachmentService attachments(m_f->t->clinic());
        const QString pdf = writeFile(m_dir, QStringLiteral("other.pdf"), "%PDF-1.7\n", 300);
        for (const auto& [name, sql] : cases) {
            auto png = attachments.add(m_f->own, m_pngPath);
            auto small = attachments.add(m_f->own, pdf);
            QVERIFY(png.ok() && small.ok());
            QVERIFY2(attachments.read(m_f->own, *png).ok(), name); // intact before the tampering
            // Kept to be put back after the case: the chart's manifest lists both as written, and
            // the next addition would refuse a chart changed outside CipherChart.
            const std::string both = "(" + hex(*png) + ", " + hex(*small) + ")";
            QVERIFY(execSql("CREATE TEMP TABLE saved AS SELECT * FROM attachments WHERE id IN " + both + ";").ok());
            QVERIFY(execSql("CREATE TEMP TABLE saved_chunks AS SELECT * FROM attachment_chunks WHERE attachment_id "
                            "IN " +
                            both + ";")
                        .ok());
            if (sql == "flip") {
                auto chunk = m_f->t->store().attachments().chunk(*png, 1);
                QVERIFY(chunk.ok() && chunk->has_value());
                std::vector<std::uint8_t> data = **chunk;
                data[100] ^= 0x01;
                auto stmt = m_f->t->store().database().prepare(
                    "UPDATE attachment_chunks SET data = ?1 WHERE attachment_id = ?2 AND chunk_index = 1;");
                QVERIFY(stmt.ok() && stmt->bindBlob(1, data).ok() && stmt->bindBlob(2, *png).ok() && stmt->step().ok());
            } else {
                std::string statement = sql;
                for (const auto& [from, to] :
                     {std::pair{std::string("%1"), hex(*png)}, std::pair{std::string("%2"), hex(*small)},
                      std::pair{std::string("%3"), hex(m_f->t->refOf(m_f->other).bytes)}})
                    for (auto at = statement.find(from); at != std::string::npos; at = statement.find(from))
                        statement.replace(at, from.size(), to);
                QVERIFY2(execSql(statement).ok(), statement.c_str());
            }
            // Moved into the other chart: not found in its own any more, and refused in the other's.
            const bool moved = std::string(name) == "moved to another patient";
            if (moved)
                QCOMPARE(attachments.read(m_f->own, *png).error().code, ErrorCode::NotFound);
            auto content = attachments.read(moved ? m_f->other : m_f->own, *png);
            QVERIFY2(!content.ok(), name);
            const ErrorCode code = content.error().code;
            QVERIFY2(code == ErrorCode::IntegrityFailure || code == ErrorCode::KeyMismatch, name);
            // Nothing half-written: the export target does not appear.
            const QString out = m_dir.filePath(QStringLiteral("tampered.png"));
            QVERIFY2(!attachments.exportTo(m_f->own, *png, out).ok(), name);
            QVERIFY2(!QFile::exists(out), name);
            QVERIFY(QDir(m_dir.path()).entryList(QDir::Files).filter(QStringLiteral("tampered")).isEmpty());
            QVERIFY(execSql("DELETE FROM attachment_chunks WHERE attachment_id IN " + both +
                            "; DELETE FROM attachments WHERE id IN " + both +
                            "; INSERT INTO attachments SELECT * FROM saved; INSERT INTO attachment_chunks SELECT * "
                            "FROM saved_chunks; DROP TABLE saved; DROP TABLE saved_chunks;")
                        .ok());
            QVERIFY2(attachments.read(m_f->own, *png).ok(), name); // put back: the chart is whole again
        }
        // A whole attachment deleted behind the services' back is named by the list.
        auto png = attachments.add(m_f->own, m_pngPath);
        QVERIFY(png.ok());
        QVERIFY(execSql("DELETE FROM attachment_chunks WHERE attachment_id = " + hex(*png) +
                        "; DELETE FROM attachments WHERE id = " + hex(*png) + ";")
                    .ok());
        const auto listed = attachments.list(m_f->own);
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().message.find("listed in the chart's manifest but missing") != std::string::npos,
                 listed.error().message.c_str());
    }

    void chunkCipherRejectsWrongPositionAndKey()
    {
        crypto::SystemRng rng;
        const model::RowId id = model::newRowId(rng);
        const model::RowId otherId = model::newRowId(rng);
        const crypto::SecureBytes key = rng.secureBytes(32);
        const crypto::SecureBytes wrongKey = rng.secureBytes(32);
        const std::vector<std::uint8_t> plain(1000, 0x42);
        auto blob = AttachmentChunk::seal(key, 77, id, 3, false, plain, rng);
        QVERIFY(blob.ok());
        QVERIFY(AttachmentChunk::open(key, 77, id, 3, false, *blob).ok());
        QCOMPARE(AttachmentChunk::open(key, 77, id, 3, true, *blob).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(AttachmentChunk::open(key, 77, id, 4, false, *blob).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(AttachmentChunk::open(key, 77, otherId, 3, false, *blob).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(AttachmentChunk::open(wrongKey, 77, id, 3, false, *blob).error().code, ErrorCode::IntegrityFailure);
        QCOMPARE(AttachmentChunk::open(key, 78, id, 3, false, *blob).error().code, ErrorCode::KeyMismatch);
        auto truncated = *blob;
        truncated.resize(truncated.size() - 1);
        QCOMPARE(AttachmentChunk::open(key, 77, id, 3, false, truncated).error().code, ErrorCode::IntegrityFailure);
        const std::vector<std::uint8_t> tooBig(AttachmentChunk::kSize + 1, 0);
        QCOMPARE(AttachmentChunk::seal(key, 77, id, 0, true, tooBig, rng).error().code, ErrorCode::InvalidArgument);
    }

    void mediaTypeIsSniffedFromTheContent()
    {
        // Rows in one function (not _data): each data row would build a whole clinic in init().
        const std::pair<QByteArray, QString> cases[] = {
            {QByteArray::fromHex("89504e470d0a1a0a0000"), QStringLiteral("image/png")},  // PNG signature
            {QByteArray::fromHex("ffd8ffe000104a464946"), QStringLiteral("image/jpeg")}, // JPEG SOI + APP0
            {QByteArray("%PDF-1.7\n"), QStringLiteral("application/pdf")},               // PDF header
            {QByteArray::fromHex("89504e470d0a1a"), QString()},                          // PNG cut short
            {QByteArray("GIF89a"), QString()},                                           // not accepted
            {QByteArray("<html><script>"), QString()},                                   // HTML named .png
            {QByteArray(), QString()},                                                   // empty
        };
        for (const auto& [head, type] : cases) {
            const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(head.constData()),
                                                      static_cast<std::size_t>(head.size()));
            QCOMPARE(services::AttachmentService::sniffMediaType(bytes), type);
        }
    }

    void patientReadsTheirOwnAttachmentsOnly()
    {
        QVERIFY(m_f->loginAs(kPatientAccount, kPatientPassword).ok());
        services::AttachmentService attachments(m_f->t->clinic());
        auto list = attachments.list(m_f->own);
        QVERIFY2(list.ok(), list.ok() ? "" : list.error().describe().c_str());
        QCOMPARE(list->size(), std::size_t{2});
        auto content = attachments.read(m_f->own, m_png);
        QVERIFY(content.ok());
        QCOMPARE(*content, readAll(m_pngPath));
        QCOMPARE(attachments.list(m_f->other).error().code, ErrorCode::AccessDenied);
        QCOMPARE(attachments.add(m_f->own, m_pngPath).error().code, ErrorCode::AccessDenied);
        QCOMPARE(attachments.remove(m_f->own, m_png).error().code, ErrorCode::AccessDenied);
    }

    void administratorCannotDecryptAttachments()
    {
        QVERIFY(m_f->loginAs(kAdmin, kAdminPassword).ok());
        services::AttachmentService attachments(m_f->t->clinic());
        QCOMPARE(attachments.list(m_f->own).error().code, ErrorCode::AccessDenied);
        QCOMPARE(attachments.read(m_f->own, m_png).error().code, ErrorCode::AccessDenied);
        QCOMPARE(m_f->events().back().outcome, audit::AuditOutcome::SeriousFailure);
        // Tried with the administrator's ring: the clinical key that seals the file key does not unwrap.
        auto ring = m_f->t->clinic().keys();
        QVERIFY(ring.ok());
        auto row = m_f->t->store().patients().find(m_f->own);
        QVERIFY(row.ok() && row->has_value());
        QCOMPARE(records::PatientKeys::unwrap(**ring, records::PatientKeyKind::Clinical, m_f->own,
                                              (*row)->clinicalKeyId, (*row)->clinicalKeyWrapped)
                     .error()
                     .code,
                 ErrorCode::AccessDenied);
    }

    void doctorOutsideTheCareTeamIsDenied()
    {
        QVERIFY(m_f->loginAs(kOtherDoctor, kOtherDoctorPassword).ok());
        services::AttachmentService attachments(m_f->t->clinic());
        QCOMPARE(attachments.list(m_f->own).error().code, ErrorCode::AccessDenied);
        QCOMPARE(attachments.read(m_f->own, m_png).error().code, ErrorCode::AccessDenied);
        QCOMPARE(attachments.add(m_f->own, m_pngPath).error().code, ErrorCode::AccessDenied);
        QCOMPARE(m_f->events().back().outcome, audit::AuditOutcome::SeriousFailure);
    }

    void removeAndAudit()
    {
        services::AttachmentService attachments(m_f->t->clinic());
        std::size_t n = m_f->events().size();
        QVERIFY(attachments.read(m_f->own, m_small).ok());
        QCOMPARE(m_f->events().size(), ++n);
        QVERIFY(attachments.remove(m_f->own, m_png).ok());
        QCOMPARE(m_f->events().size(), ++n);
        QCOMPARE(attachments.remove(m_f->own, m_png).error().code, ErrorCode::NotFound);
        QCOMPARE(m_f->events().size(), ++n);
        QCOMPARE(*m_f->t->store().attachments().chunkCount(m_png), std::size_t{0});
        for (const auto& e : m_f->events())
            if (e.objectType == "Attachment") {
                QVERIFY(e.detail.find("chart") == std::string::npos);
                QVERIFY(e.detail.find("letter") == std::string::npos);
            }
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "TestAttachments.moc"
