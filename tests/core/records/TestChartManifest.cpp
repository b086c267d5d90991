// SPDX-License-Identifier: GPL-3.0-or-later
// records::ChartManifest (docs/RECORDS.md, "Chart manifests"): the manifest of a chart verifies
// against exactly its rows, under exactly its patient's key and reference, in any row order, and
// names the row deleted, changed, re-kinded, moved to another encounter or planted; attachments
// likewise, listed beside the rows.
#include "core/crypto/Rng.h"
#include "core/model/RowId.h"
#include "core/records/ChartManifest.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <set>

using namespace cc;

namespace {

records::PatientKey keyFrom(std::uint64_t seed)
{
    crypto::DeterministicRng rng(seed);
    return records::PatientKey{7, rng.secureBytes(32)};
}

std::vector<ports::ClinicalRow> chart(crypto::Rng& rng, access::PatientRef ref)
{
    std::vector<ports::ClinicalRow> rows;
    const auto encounter = model::newRowId(rng);
    for (auto kind : ports::kAllClinicalKinds) {
        ports::ClinicalRow row;
        row.id = model::newRowId(rng);
        row.patientRef = ref;
        row.kind = kind;
        if (kind != ports::ClinicalKind::Encounter)
            row.encounterId = encounter;
        row.document.resize(40 + rows.size());
        rng.fill(row.document);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<ports::AttachmentRow> attachmentsOf(crypto::Rng& rng, access::PatientRef ref, std::size_t n)
{
    std::vector<ports::AttachmentRow> out;
    for (std::size_t i = 0; i < n; ++i) {
        ports::AttachmentRow row;
        row.id = model::newRowId(rng);
        row.patientRef = ref;
        if (i % 2 == 0)
            row.encounterId = model::newRowId(rng);
        row.fileKeyId = 1000 + static_cast<std::uint32_t>(i);
        row.fileKeySealed.resize(60);
        rng.fill(row.fileKeySealed);
        row.document.resize(90 + i);
        rng.fill(row.document);
        out.push_back(std::move(row));
    }
    return out;
}

ErrorCode codeOf(const Status& s)
{
    return s.ok() ? ErrorCode::Internal : s.error().code;
}

} // namespace

class TestChartManifest : public QObject
{
    Q_OBJECT

    crypto::DeterministicRng m_rng{42};
    records::PatientKey m_key = keyFrom(1);
    access::PatientRef m_ref{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}};

private slots:
    void verifiesItsRowsInAnyOrderAndByKind()
    {
        auto rows = chart(m_rng, m_ref);
        auto manifest = records::ChartManifest::build(m_key, m_ref, rows);
        QVERIFY(manifest.ok());
        QCOMPARE(manifest->size(), std::size_t{5 + rows.size() * 49 + 32});
        std::reverse(rows.begin(), rows.end());
        QVERIFY(records::ChartManifest::check(m_key, m_ref, *manifest, rows, std::nullopt).ok());
        // The same manifest, built from the reversed rows, is byte for byte the same.
        QCOMPARE(*records::ChartManifest::build(m_key, m_ref, rows), *manifest);
        for (auto kind : ports::kAllClinicalKinds) {
            std::vector<ports::ClinicalRow> ofKind;
            std::copy_if(rows.begin(), rows.end(), std::back_inserter(ofKind),
                         [&](const auto& r) { return r.kind == kind; });
            QVERIFY(records::ChartManifest::check(m_key, m_ref, *manifest, ofKind, kind).ok());
        }
        // An empty chart has a manifest too (listing nothing).
        auto empty = records::ChartManifest::build(m_key, m_ref, {});
        QVERIFY(empty.ok());
        QVERIFY(records::ChartManifest::check(m_key, m_ref, *empty, {}, std::nullopt).ok());
    }

    void namesTheRowThatDiffers()
    {
        const auto rows = chart(m_rng, m_ref);
        const auto manifest = *records::ChartManifest::build(m_key, m_ref, rows);
        auto check = [&](const std::vector<ports::ClinicalRow>& changed, const char* expected) {
            const Status s = records::ChartManifest::check(m_key, m_ref, manifest, changed, std::nullopt);
            QVERIFY(!s.ok());
            QCOMPARE(s.error().code, ErrorCode::IntegrityFailure);
            QVERIFY2(s.error().message.find(expected) != std::string::npos, s.error().message.c_str());
        };
        auto deleted = rows;
        deleted.erase(deleted.begin() + 2);
        check(deleted, "missing");
        auto reverted = rows;
        reverted[1].document[0] ^= 1;
        check(reverted, "differs");
        auto rekinded = rows;
        rekinded[1].kind = ports::ClinicalKind::Note;
        check(rekinded, "differs");
        auto moved = rows;
        moved[3].encounterId.reset();
        check(moved, "differs");
        auto planted = rows;
        planted.push_back(rows[2]);
        planted.back().id = model::newRowId(m_rng);
        check(planted, "not in the chart's manifest");
        // A kind-filtered read still sees a deleted row of that kind.
        const auto removedKind = rows[2].kind;
        std::vector<ports::ClinicalRow> ofRemovedKind;
        for (const auto& r : deleted)
            if (r.kind == removedKind)
                ofRemovedKind.push_back(r);
        QCOMPARE(codeOf(records::ChartManifest::check(m_key, m_ref, manifest, ofRemovedKind, removedKind)),
                 ErrorCode::IntegrityFailure);
    }

    void exemptRowsAreLeftOutOnBothSides()
    {
        const auto rows = chart(m_rng, m_ref);
        const auto manifest = *records::ChartManifest::build(m_key, m_ref, rows);
        auto changed = rows;
        changed[1].document[3] ^= 1;        // edited by this unit of work
        changed.erase(changed.begin() + 2); // deleted by it
        changed.push_back(rows[0]);         // and one inserted
        changed.back().id = model::newRowId(m_rng);
        const std::set<model::RowId> exempt{rows[1].id, rows[2].id, changed.back().id};
        QVERIFY(records::ChartManifest::check(m_key, m_ref, manifest, changed, std::nullopt, exempt).ok());
        // A row the unit of work did not touch must still match.
        changed[0].document[0] ^= 1;
        QCOMPARE(codeOf(records::ChartManifest::check(m_key, m_ref, manifest, changed, std::nullopt, exempt)),
                 ErrorCode::IntegrityFailure);
    }

    void boundToItsKeyAndReference()
    {
        const auto rows = chart(m_rng, m_ref);
        const auto manifest = *records::ChartManifest::build(m_key, m_ref, rows);
        access::PatientRef other = m_ref;
        other.bytes[15] ^= 0x80;
        QCOMPARE(codeOf(records::ChartManifest::check(m_key, other, manifest, rows, std::nullopt)),
                 ErrorCode::IntegrityFailure);
        QCOMPARE(codeOf(records::ChartManifest::check(keyFrom(2), m_ref, manifest, rows, std::nullopt)),
                 ErrorCode::IntegrityFailure);
        // Every single-bit flip of the stored bytes is refused.
        for (std::size_t i = 0; i < manifest.size(); ++i) {
            auto flipped = manifest;
            flipped[i] ^= 0x04;
            const auto code = codeOf(records::ChartManifest::check(m_key, m_ref, flipped, rows, std::nullopt));
            QVERIFY2(code == ErrorCode::IntegrityFailure || code == ErrorCode::MalformedInput,
                     std::to_string(i).c_str());
        }
        // Truncated at every length, or extended: never accepted.
        for (std::size_t n = 0; n < manifest.size(); ++n) {
            std::vector<std::uint8_t> cut(manifest.begin(), manifest.begin() + static_cast<std::ptrdiff_t>(n));
            QVERIFY(!records::ChartManifest::check(m_key, m_ref, cut, rows, std::nullopt).ok());
        }
        auto longer = manifest;
        longer.push_back(0);
        QVERIFY(!records::ChartManifest::check(m_key, m_ref, longer, rows, std::nullopt).ok());
        QCOMPARE(records::ChartManifest::build(records::PatientKey{}, m_ref, rows).error().code,
                 ErrorCode::InvalidArgument);
        auto twice = rows;
        twice.push_back(rows.front());
        QCOMPARE(records::ChartManifest::build(m_key, m_ref, twice).error().code, ErrorCode::InvalidArgument);
    }

    // Attachments are listed beside the rows: each side is checked on its own (a row check does not
    // ask for the attachments, nor the other way round), and each attachment field is bound.
    void listsAttachmentsBesideTheRows()
    {
        const auto rows = chart(m_rng, m_ref);
        const auto attachments = attachmentsOf(m_rng, m_ref, 3);
        const auto manifest = *records::ChartManifest::build(m_key, m_ref, rows, attachments);
        QVERIFY(records::ChartManifest::check(m_key, m_ref, manifest, rows, std::nullopt).ok());
        QVERIFY(records::ChartManifest::checkAttachments(m_key, m_ref, manifest, attachments).ok());
        auto reversed = attachments;
        std::reverse(reversed.begin(), reversed.end());
        QVERIFY(records::ChartManifest::checkAttachments(m_key, m_ref, manifest, reversed).ok());
        // One attachment opened by id: only it is checked.
        QVERIFY(records::ChartManifest::checkAttachments(m_key, m_ref, manifest, {attachments[1]}, {}, true).ok());
        // Deleted: named (the whole list), but not when only another one is opened by id.
        const std::vector<ports::AttachmentRow> two{attachments[0], attachments[2]};
        const Status deleted = records::ChartManifest::checkAttachments(m_key, m_ref, manifest, two);
        QCOMPARE(codeOf(deleted), ErrorCode::IntegrityFailure);
        QVERIFY2(deleted.error().message.find("attachment ") == 0 &&
                     deleted.error().message.find("listed in the chart's manifest but missing") != std::string::npos,
                 deleted.error().message.c_str());
        QVERIFY(records::ChartManifest::checkAttachments(m_key, m_ref, manifest, two, {}, true).ok());
        // Planted: an attachment not listed, also when opened by id.
        const auto extra = attachmentsOf(m_rng, m_ref, 1);
        QCOMPARE(codeOf(records::ChartManifest::checkAttachments(m_key, m_ref, manifest, extra, {}, true)),
                 ErrorCode::IntegrityFailure);
        // A row is not an attachment: the same id and bytes as a row do not pass as one.
        ports::AttachmentRow disguised;
        disguised.id = rows.front().id;
        disguised.document = rows.front().document;
        QCOMPARE(codeOf(records::ChartManifest::checkAttachments(m_key, m_ref, manifest, {disguised}, {}, true)),
                 ErrorCode::IntegrityFailure);
        // Every field bound: the file key, its id, the document, the encounter.
        const std::vector<std::function<void(ports::AttachmentRow&)>> changes{
            [](ports::AttachmentRow& a) { a.fileKeySealed[3] ^= 1; },
            [](ports::AttachmentRow& a) { ++a.fileKeyId; },
            [](ports::AttachmentRow& a) { a.document.back() ^= 0x80; },
            [](ports::AttachmentRow& a) { a.encounterId.reset(); },
            [](ports::AttachmentRow& a) { a.document.pop_back(); },
        };
        for (std::size_t i = 0; i < changes.size(); ++i) {
            auto changed = attachments;
            changes[i](changed[0]);
            const Status s = records::ChartManifest::checkAttachments(m_key, m_ref, manifest, changed);
            QCOMPARE(codeOf(s), ErrorCode::IntegrityFailure);
            QVERIFY2(s.error().message.find("differs from the version CipherChart last wrote") != std::string::npos,
                     std::to_string(i).c_str());
        }
        // The exempt set (a unit of work's own changes) leaves those out on both sides.
        std::set<model::RowId> exempt{attachments[1].id};
        QVERIFY(records::ChartManifest::checkAttachments(m_key, m_ref, manifest, two, exempt).ok());
        // Rows checked alone ignore the attachment entries, and the other way round.
        const auto rowsOnly = *records::ChartManifest::build(m_key, m_ref, rows);
        QVERIFY(records::ChartManifest::checkAttachments(m_key, m_ref, rowsOnly, {}).ok());
        QCOMPARE(codeOf(records::ChartManifest::checkAttachments(m_key, m_ref, rowsOnly, attachments)),
                 ErrorCode::IntegrityFailure);
        const auto opened = records::ChartManifest::open(m_key, m_ref, manifest);
        QVERIFY(opened.ok());
        QCOMPARE(std::count_if(opened->begin(), opened->end(), [](const auto& e) { return e.attachment; }), 3);
        // An attachment and a row with one id cannot both be listed.
        auto clash = attachments;
        clash[0].id = rows[2].id;
        QCOMPARE(records::ChartManifest::build(m_key, m_ref, rows, clash).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestChartManifest)
#include "TestChartManifest.moc"
