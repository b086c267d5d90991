// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/ChartManifest.h"

#include "core/crypto/Hex.h"
#include "core/crypto/SecureBytes.h"

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace cc::records {

namespace {

constexpr std::string_view kRowLabel = "CipherChart chart row v1";
constexpr std::string_view kAttachmentLabel = "CipherChart chart attachment v1";
constexpr std::uint8_t kAttachmentCode = 0x80;
constexpr std::string_view kManifestLabel = "CipherChart chart manifest v1";
constexpr std::uint8_t kVersion = 1;
constexpr std::size_t kEntrySize = 16 + 1 + 32;
constexpr std::size_t kHeaderSize = 1 + 4;
constexpr std::size_t kTagSize = 32;

std::span<const std::uint8_t> bytesOf(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void appendField(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> field)
{
    appendU32(out, static_cast<std::uint32_t>(field.size()));
    out.insert(out.end(), field.begin(), field.end());
}

/// The kind's code in an entry: its position in ports::kAllClinicalKinds, plus one.
std::uint8_t kindCode(ports::ClinicalKind kind)
{
    return static_cast<std::uint8_t>(static_cast<int>(kind) + 1);
}

std::optional<ports::ClinicalKind> kindOfCode(std::uint8_t code)
{
    if (code == 0 || code > std::size(ports::kAllClinicalKinds))
        return std::nullopt;
    return ports::kAllClinicalKinds[code - 1];
}

Result<crypto::Digest256> tagOf(const PatientKey& clinicalKey, const access::PatientRef& ref,
                                std::span<const std::uint8_t> body)
{
    if (clinicalKey.secret.size() == 0)
        return makeError(ErrorCode::InvalidArgument, "no patient clinical key for the chart manifest");
    auto key = crypto::hkdfSha256(clinicalKey.secret.span(), {}, bytesOf(kManifestLabel), 32);
    CC_TRY(key);
    std::vector<std::uint8_t> message(kManifestLabel.begin(), kManifestLabel.end());
    message.push_back(0x00);
    message.insert(message.end(), ref.bytes.begin(), ref.bytes.end());
    message.insert(message.end(), body.begin(), body.end());
    return crypto::hmacSha256(key->span(), message);
}

std::string rowName(const RowId& id)
{
    return "chart row " + crypto::hexEncode(id);
}

std::string attachmentName(const RowId& id)
{
    return "attachment " + crypto::hexEncode(id);
}

/// One item to list: id, kind code, digest.
struct Item
{
    RowId id{};
    std::uint8_t code = 0;
    crypto::Digest256 digest{};
};

/// Compares items read from the store with the manifest's entries selected by `selected`.
/// `complete`: every selected entry must be among the items (else a deletion is named).
Status compare(const std::vector<ChartManifestEntry>& entries, const std::vector<Item>& items,
               const std::function<bool(const ChartManifestEntry&)>& selected, const std::set<RowId>& exempt,
               bool complete, const std::function<std::string(const RowId&)>& name, const char* plural)
{
    std::map<RowId, const ChartManifestEntry*> listed;
    for (const auto& entry : entries)
        if (selected(entry) && exempt.count(entry.rowId) == 0)
            listed.emplace(entry.rowId, &entry);
    for (const auto& item : items) {
        if (exempt.count(item.id) != 0)
            continue;
        const auto it = listed.find(item.id);
        if (it == listed.end())
            return makeError(ErrorCode::IntegrityFailure,
                             name(item.id) + " is not in the chart's manifest: it was added outside CipherChart");
        const std::uint8_t code = it->second->attachment ? kAttachmentCode : kindCode(it->second->kind);
        if (code != item.code || !crypto::constantTimeEqual(it->second->digest, item.digest))
            return makeError(ErrorCode::IntegrityFailure,
                             name(item.id) +
                                 " differs from the version CipherChart last wrote: it was reverted to an older "
                                 "version or altered outside CipherChart");
        listed.erase(it);
    }
    if (complete && !listed.empty())
        return makeError(ErrorCode::IntegrityFailure,
                         name(listed.begin()->first) + " is listed in the chart's manifest but missing: " +
                             std::to_string(listed.size()) + " " + plural + " deleted outside CipherChart");
    return {};
}

} // namespace

crypto::Digest256 ChartManifest::rowDigest(const ports::ClinicalRow& row)
{
    std::vector<std::uint8_t> in(kRowLabel.begin(), kRowLabel.end());
    in.reserve(kRowLabel.size() + 64 + row.document.size());
    in.push_back(0x00);
    in.insert(in.end(), row.id.begin(), row.id.end());
    appendField(in, bytesOf(ports::clinicalKindName(row.kind)));
    in.push_back(row.encounterId ? 1 : 0);
    if (row.encounterId)
        in.insert(in.end(), row.encounterId->begin(), row.encounterId->end());
    appendField(in, row.document);
    return crypto::sha256(in);
}

crypto::Digest256 ChartManifest::attachmentDigest(const ports::AttachmentRow& row)
{
    std::vector<std::uint8_t> in(kAttachmentLabel.begin(), kAttachmentLabel.end());
    in.reserve(kAttachmentLabel.size() + 64 + row.fileKeySealed.size() + row.document.size());
    in.push_back(0x00);
    in.insert(in.end(), row.id.begin(), row.id.end());
    in.push_back(row.encounterId ? 1 : 0);
    if (row.encounterId)
        in.insert(in.end(), row.encounterId->begin(), row.encounterId->end());
    appendU32(in, row.fileKeyId);
    appendField(in, row.fileKeySealed);
    appendField(in, row.document);
    return crypto::sha256(in);
}

Result<std::vector<std::uint8_t>> ChartManifest::build(const PatientKey& clinicalKey, const access::PatientRef& ref,
                                                       const std::vector<ports::ClinicalRow>& rows,
                                                       const std::vector<ports::AttachmentRow>& attachments)
{
    std::vector<Item> sorted;
    sorted.reserve(rows.size() + attachments.size());
    for (const auto& row : rows)
        sorted.push_back({row.id, kindCode(row.kind), rowDigest(row)});
    for (const auto& row : attachments)
        sorted.push_back({row.id, kAttachmentCode, attachmentDigest(row)});
    std::sort(sorted.begin(), sorted.end(), [](const Item& a, const Item& b) { return a.id < b.id; });
    if (std::adjacent_find(sorted.begin(), sorted.end(), [](const Item& a, const Item& b) { return a.id == b.id; }) !=
        sorted.end())
        return makeError(ErrorCode::InvalidArgument, "a chart manifest lists each row once");
    std::vector<std::uint8_t> out;
    out.reserve(kHeaderSize + sorted.size() * kEntrySize + kTagSize);
    out.push_back(kVersion);
    appendU32(out, static_cast<std::uint32_t>(sorted.size()));
    for (const auto& item : sorted) {
        out.insert(out.end(), item.id.begin(), item.id.end());
        out.push_back(item.code);
        out.insert(out.end(), item.digest.begin(), item.digest.end());
    }
    auto tag = tagOf(clinicalKey, ref, out);
    CC_TRY(tag);
    out.insert(out.end(), tag->begin(), tag->end());
    return out;
}

Result<std::vector<ChartManifestEntry>> ChartManifest::open(const PatientKey& clinicalKey,
                                                            const access::PatientRef& ref,
                                                            std::span<const std::uint8_t> manifest)
{
    if (manifest.size() < kHeaderSize + kTagSize || manifest[0] != kVersion)
        return makeError(ErrorCode::MalformedInput, "the chart manifest is not a version 1 manifest");
    const std::size_t count = (std::size_t{manifest[1]} << 24) | (std::size_t{manifest[2]} << 16) |
                              (std::size_t{manifest[3]} << 8) | std::size_t{manifest[4]};
    if ((manifest.size() - kHeaderSize - kTagSize) / kEntrySize != count ||
        (manifest.size() - kHeaderSize - kTagSize) % kEntrySize != 0)
        return makeError(ErrorCode::MalformedInput, "the chart manifest's length does not match its row count");
    const auto body = manifest.first(manifest.size() - kTagSize);
    auto tag = tagOf(clinicalKey, ref, body);
    CC_TRY(tag);
    if (!crypto::constantTimeEqual(*tag, manifest.last(kTagSize)))
        return makeError(ErrorCode::IntegrityFailure,
                         "the chart's manifest does not verify under this patient's key: it was altered, moved from "
                         "another chart or not written by CipherChart");
    std::vector<ChartManifestEntry> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        const auto entry = body.subspan(kHeaderSize + i * kEntrySize, kEntrySize);
        std::copy_n(entry.begin(), 16, out[i].rowId.begin());
        if (entry[16] == kAttachmentCode) {
            out[i].attachment = true;
        } else {
            const auto kind = kindOfCode(entry[16]);
            if (!kind)
                return makeError(ErrorCode::MalformedInput, "the chart manifest names an unknown row kind");
            out[i].kind = *kind;
        }
        std::copy_n(entry.begin() + 17, 32, out[i].digest.begin());
        if (i > 0 && !(out[i - 1].rowId < out[i].rowId))
            return makeError(ErrorCode::MalformedInput, "the chart manifest's rows are not in id order");
    }
    return out;
}

Status ChartManifest::check(const PatientKey& clinicalKey, const access::PatientRef& ref,
                            std::span<const std::uint8_t> manifest, const std::vector<ports::ClinicalRow>& rows,
                            std::optional<ports::ClinicalKind> kind, const std::set<RowId>& exempt)
{
    auto entries = open(clinicalKey, ref, manifest);
    CC_TRY(entries);
    std::vector<Item> items;
    items.reserve(rows.size());
    for (const auto& row : rows)
        items.push_back({row.id, kindCode(row.kind), rowDigest(row)});
    return compare(
        *entries, items, [&](const ChartManifestEntry& e) { return !e.attachment && (!kind || e.kind == *kind); },
        exempt, true, rowName, "row(s)");
}

Status ChartManifest::checkAttachments(const PatientKey& clinicalKey, const access::PatientRef& ref,
                                       std::span<const std::uint8_t> manifest,
                                       const std::vector<ports::AttachmentRow>& attachments,
                                       const std::set<RowId>& exempt, bool onlyThese)
{
    auto entries = open(clinicalKey, ref, manifest);
    CC_TRY(entries);
    std::vector<Item> items;
    items.reserve(attachments.size());
    for (const auto& row : attachments)
        items.push_back({row.id, kAttachmentCode, attachmentDigest(row)});
    return compare(
        *entries, items, [](const ChartManifestEntry& e) { return e.attachment; }, exempt, !onlyThese, attachmentName,
        "attachment(s)");
}

} // namespace cc::records
