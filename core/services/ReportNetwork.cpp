// SPDX-License-Identifier: GPL-3.0-or-later
// Research network merges, tallies, the custodians' ledger and their two-stage decryption.
#include "core/services/ReportNetwork.h"

#include "core/access/BinaryReader.h"
#include "core/crypto/Hex.h"
#include "core/paillier/Paillier.h"
#include "core/records/ObservationLayout.h"
#include "core/reports/Disclosure.h"
#include "core/services/ReportNetworkJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>
#include <set>

namespace cc::services {
namespace {

using namespace network_detail;

constexpr std::string_view kContextLabel = "CipherChart network cell v1";
constexpr const char* kLedgerFormat = "cipherchart-network-ledger";
constexpr std::uint8_t kBundleMagic[4] = {'C', 'C', 'R', 'M'};

__extension__ using Wide = unsigned __int128;

// Stage-1 shares (tallies) carry this id instead of the merge's, so the two stages' shares
// cannot be mistaken for each other (the proofs' contexts differ as well).
reports::ReportId tallyShareId(const reports::ReportId& id)
{
    std::vector<std::uint8_t> input(kContextLabel.begin(), kContextLabel.end());
    input.insert(input.end(), {'t', 'a', 'l', 'l', 'y'});
    input.insert(input.end(), id.begin(), id.end());
    const auto digest = crypto::sha256(input);
    reports::ReportId out{};
    std::copy_n(digest.begin(), out.size(), out.begin());
    return out;
}

// Per-cell partials of `shares` for this merge, by (cell, tally?) with every unusable share named.
using PartialsByCell = std::map<std::pair<std::uint32_t, bool>, std::vector<paillier::PartialDecryption>>;

PartialsByCell collect(const MergedReport& merged, const NetworkKey& network,
                       const std::vector<std::vector<std::uint8_t>>& shares, std::vector<std::string>& rejected)
{
    PartialsByCell out;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const std::string name = "share " + std::to_string(i + 1);
        auto share = reports::DecryptionShare::decode(shares[i], name);
        if (!share) {
            rejected.push_back(name + ": " + share.error().describe());
            continue;
        }
        const bool tally = share->reportId == tallyShareId(merged.id);
        if ((!tally && share->reportId != merged.id) || share->specSha256 != merged.specSha256 ||
            share->keyId != network.key.keyId()) {
            rejected.push_back("custodian " + std::to_string(share->custodian) + ": the share is for another merge");
            continue;
        }
        for (auto& p : share->partials)
            if (p.cell < merged.figures.size())
                out[{p.cell, tally}].push_back(std::move(p.partial));
    }
    return out;
}

// The merged tallies decrypted from stage-1 partials (each verified; invalid ones named).
Result<std::vector<CellTally>> combineTallies(const MergedReport& merged, const NetworkKey& network,
                                              PartialsByCell& partials, std::set<std::string>& rejected,
                                              std::set<std::uint32_t>* used = nullptr)
{
    std::vector<CellTally> out;
    for (std::uint32_t cell = 0; cell < merged.tallies.size(); ++cell) {
        paillier::CombineOutcome outcome;
        auto plain = paillier::combinePartials(network.key, network.parameters, merged.tallies[cell],
                                               partials[{cell, true}], networkContext(merged.id, cell, true), &outcome);
        for (const auto& [index, why] : outcome.rejected)
            rejected.insert(why);
        if (!plain)
            return makeError(plain.error().code,
                             "merged cell " + std::to_string(cell) + " (patient tally): " + plain.error().message);
        if (used)
            used->insert(outcome.used.begin(), outcome.used.end());
        auto tally = CellTally::decode(*plain);
        CC_TRY(tally);
        out.push_back(*tally);
    }
    return out;
}

std::vector<reports::CellRelease> networkPlan(const MergedReport& merged, const NetworkKey& network,
                                              const std::vector<CellTally>& tallies)
{
    std::vector<std::uint64_t> patients;
    std::vector<bool> withheld;
    for (const auto& t : tallies) {
        patients.push_back(t.patients);
        withheld.push_back(t.withheldSites > 0);
    }
    return reports::planSuppression(merged.spec, patients, network.minimumCellSize, withheld);
}

Status checkSites(const MergedReport& merged, const NetworkKey& network)
{
    if (merged.sites.size() < std::max<std::uint32_t>(network.minimumSites, 2))
        return makeError(ErrorCode::AccessDenied, "the merge holds " + std::to_string(merged.sites.size()) +
                                                      " clinics; the network decrypts merges of at least " +
                                                      std::to_string(network.minimumSites));
    return {};
}

} // namespace

// ---- ledger ----------------------------------------------------------------------------------

namespace {

NetworkLedger::Entry entryOf(const MergedReport& merged)
{
    NetworkLedger::Entry e;
    std::vector<std::string> codes;
    for (const auto& m : merged.spec.measures)
        codes.push_back(m.toStdString());
    std::sort(codes.begin(), codes.end());
    for (const auto& c : codes)
        e.measures += (e.measures.empty() ? "" : ",") + c;
    for (const auto& site : merged.sites)
        e.sites.push_back(site.signerPublicKey);
    std::sort(e.sites.begin(), e.sites.end());
    return e;
}

} // namespace

std::string NetworkLedger::toJson() const
{
    QJsonArray merges;
    for (const auto& e : entries) {
        QJsonArray sites;
        for (const auto& s : e.sites)
            sites.append(QString::fromStdString(crypto::hexEncode(s)));
        merges.append(QJsonObject{{"measures", QString::fromStdString(e.measures)}, {"sites", sites}});
    }
    return QJsonDocument(QJsonObject{{"format", kLedgerFormat}, {"version", 1}, {"merges", merges}})
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

Result<NetworkLedger> NetworkLedger::fromJson(std::string_view json, const std::string& file)
{
    auto o = jsonObject(json, file, kLedgerFormat);
    CC_TRY(o);
    if (!o->value("merges").isArray())
        return bad("must be an array", file, "merges");
    NetworkLedger ledger;
    for (const auto& m : o->value("merges").toArray()) {
        const QJsonObject entry = m.toObject();
        if (!entry.value("measures").isString() || !entry.value("sites").isArray())
            return bad("each merge needs measures and sites", file, "merges");
        Entry e;
        e.measures = entry.value("measures").toString().toStdString();
        for (const auto& site : entry.value("sites").toArray()) {
            auto bytes = crypto::hexDecode(site.toString().toStdString());
            if (!site.isString() || !bytes || bytes->size() != 32)
                return bad("is not 32 bytes of hex", file, "merges.sites");
            std::array<std::uint8_t, 32> key{};
            std::copy(bytes->begin(), bytes->end(), key.begin());
            e.sites.push_back(key);
        }
        std::sort(e.sites.begin(), e.sites.end());
        ledger.entries.push_back(std::move(e));
    }
    return ledger;
}

Status NetworkLedger::check(const MergedReport& merged, const NetworkKey& network) const
{
    const Entry mine = entryOf(merged);
    for (const auto& e : entries) {
        if (e.measures != mine.measures)
            continue;
        std::vector<std::array<std::uint8_t, 32>> added, removed;
        std::set_difference(mine.sites.begin(), mine.sites.end(), e.sites.begin(), e.sites.end(),
                            std::back_inserter(added));
        std::set_difference(e.sites.begin(), e.sites.end(), mine.sites.begin(), mine.sites.end(),
                            std::back_inserter(removed));
        for (std::size_t diff : {added.size(), removed.size()})
            if (diff > 0 && diff < network.minimumSites)
                return makeError(ErrorCode::AccessDenied,
                                 "differencing check: this merge's sites differ from an earlier merge over the same "
                                 "measures (" +
                                     e.measures + ") by " + std::to_string(diff) +
                                     " clinics, fewer than the network's minimum of " +
                                     std::to_string(network.minimumSites) + ": their totals would show");
    }
    return {};
}

void NetworkLedger::record(const MergedReport& merged)
{
    Entry e = entryOf(merged);
    for (const auto& existing : entries)
        if (existing.measures == e.measures && existing.sites == e.sites)
            return;
    entries.push_back(std::move(e));
}

// ---- tallies ---------------------------------------------------------------------------------

paillier::Plaintext CellTally::encode() const
{
    const Wide v = Wide{patients} | (Wide{observations} << 40) | (Wide{withheldSites} << 80);
    std::vector<std::uint8_t> be(16);
    for (int i = 0; i < 16; ++i)
        be[static_cast<std::size_t>(15 - i)] = static_cast<std::uint8_t>(v >> (8 * i));
    return paillier::Plaintext::fromMagnitude(be, false);
}

Result<CellTally> CellTally::decode(const paillier::Plaintext& value)
{
    const auto& m = value.magnitude();
    if (value.isNegative() || m.size() > 12)
        return makeError(ErrorCode::Overflow, "a merged cell tally is out of range");
    Wide v = 0;
    for (auto b : m)
        v = (v << 8) | b;
    constexpr Wide mask40 = (Wide{1} << 40) - 1;
    CellTally t;
    t.patients = static_cast<std::uint64_t>(v & mask40);
    t.observations = static_cast<std::uint64_t>((v >> 40) & mask40);
    t.withheldSites = static_cast<std::uint64_t>(v >> 80);
    return t;
}

// ---- merge -----------------------------------------------------------------------------------

std::vector<std::uint8_t> MergedReport::bundle() const
{
    std::vector<std::uint8_t> out(std::begin(kBundleMagic), std::end(kBundleMagic));
    out.push_back(1);
    putU32(out, static_cast<std::uint32_t>(files.size()));
    for (const auto& f : files) {
        putU32(out, static_cast<std::uint32_t>(f.size()));
        append(out, f);
    }
    return out;
}

QStringList MergedReport::siteNames() const
{
    QStringList out;
    for (const auto& s : sites)
        out << s.clinicName + " (" + QString::fromStdString(s.signerFingerprint()) + ")";
    return out;
}

std::vector<std::uint8_t> networkContext(const reports::ReportId& id, std::uint32_t cell, bool tally)
{
    std::vector<std::uint8_t> out(kContextLabel.begin(), kContextLabel.end());
    append(out, id);
    putU32(out, cell);
    out.push_back(tally ? 1 : 2);
    return out;
}

Result<MergedReport> mergeExports(const std::vector<std::vector<std::uint8_t>>& files, const NetworkKey& network,
                                  std::uint32_t minimumSites, const NetworkMembers* members,
                                  const interop::UnitsCatalogue& catalogue)
{
    if (files.size() > kMaxSites)
        return makeError(ErrorCode::InvalidArgument, "too many files for one merge");
    std::vector<std::pair<reports::ReportFile, std::vector<std::uint8_t>>> read;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string which = "exported file " + std::to_string(i + 1);
        auto f = reports::ReportFile::read(files[i], catalogue);
        if (!f)
            return makeError(f.error().code, which + ": " + f.error().message);
        if (f->kind != reports::ReportFile::Kind::Exported)
            return makeError(ErrorCode::InvalidArgument,
                             which + " is not an exported report (run `report export` at the clinic)");
        if (f->spec.purpose != reports::Purpose::Research)
            return makeError(ErrorCode::AccessDenied, which + " is not a research report");
        if (members && !members->contains(f->signerPublicKey))
            return makeError(ErrorCode::AccessDenied, which + " is signed by " + f->signerFingerprint() + " (" +
                                                          f->clinicName.toStdString() +
                                                          "), not a member clinic of the network");
        if (f->keyId != network.key.keyId())
            return makeError(ErrorCode::KeyMismatch, which + " is encrypted under key " + crypto::hexEncode(f->keyId) +
                                                         ", not the network's " + network.key.keyIdHex());
        read.emplace_back(std::move(*f), files[i]);
    }
    std::sort(read.begin(), read.end(),
              [](const auto& a, const auto& b) { return a.first.signerPublicKey < b.first.signerPublicKey; });
    MergedReport m;
    std::set<access::ClinicId> clinics;
    for (std::size_t i = 0; i < read.size(); ++i) {
        const auto& f = read[i].first;
        if (i > 0 && f.signerPublicKey == read[i - 1].first.signerPublicKey)
            return makeError(ErrorCode::IntegrityFailure, "two exported files are signed by the same clinic key (" +
                                                              f.signerFingerprint() + "): each clinic counts once");
        if (!clinics.insert(f.clinicId).second)
            return makeError(ErrorCode::IntegrityFailure,
                             "two exported files name the same clinic id " + crypto::hexEncode(f.clinicId));
        if (i > 0 && f.specSha256 != read[0].first.specSha256)
            return makeError(ErrorCode::InvalidArgument, "the exported files were made from different specs (" +
                                                             crypto::hexEncode(read[0].first.specSha256) + " and " +
                                                             crypto::hexEncode(f.specSha256) + ")");
    }
    const std::uint32_t needed = std::max({minimumSites, network.minimumSites, std::uint32_t{2}});
    if (read.size() < needed)
        return makeError(ErrorCode::AccessDenied, "a merge needs at least " + std::to_string(needed) +
                                                      " distinct clinics; " + std::to_string(read.size()) + " given");
    m.spec = read[0].first.spec;
    m.specSha256 = read[0].first.specSha256;
    const std::size_t cells = m.spec.cells().size();
    std::vector<std::vector<paillier::Ciphertext>> figures(cells), tallies(cells);
    for (auto& [f, bytes] : read) {
        for (std::size_t c = 0; c < cells; ++c) {
            const auto& cell = f.cells[c];
            const std::string which = f.clinicName.toStdString() + ", cell " + std::to_string(c);
            auto layout = records::ObservationLayout::forCode(catalogue, cell.key.measure);
            CC_TRY(layout);
            if (cell.layoutId != layout->id())
                return makeError(ErrorCode::IntegrityFailure, which + " names another layout than its measure's");
            auto fig = paillier::Ciphertext::fromBytes(network.key, cell.ciphertext, layout->id());
            if (!fig)
                return makeError(fig.error().code == ErrorCode::KeyMismatch ? ErrorCode::KeyMismatch
                                                                            : ErrorCode::IntegrityFailure,
                                 which + ": " + fig.error().message);
            auto tally = paillier::Ciphertext::fromBytes(network.key, cell.tally, 0);
            if (!tally)
                return makeError(tally.error().code == ErrorCode::KeyMismatch ? ErrorCode::KeyMismatch
                                                                              : ErrorCode::IntegrityFailure,
                                 which + " (tally): " + tally.error().message);
            figures[c].push_back(std::move(*fig));
            tallies[c].push_back(std::move(*tally));
        }
        m.sites.push_back(std::move(f));
        m.files.push_back(std::move(bytes));
    }
    for (std::size_t c = 0; c < cells; ++c) {
        auto fig = paillier::sum(network.key, figures[c], 1);
        CC_TRY(fig);
        auto tally = paillier::sum(network.key, tallies[c], 1);
        CC_TRY(tally);
        m.figures.push_back(std::move(*fig));
        m.tallies.push_back(std::move(*tally));
    }
    const auto digest = crypto::sha256(m.bundle());
    std::copy_n(digest.begin(), m.id.size(), m.id.begin());
    return m;
}

Result<MergedReport> openMerged(std::span<const std::uint8_t> bundle, const NetworkKey& network,
                                const NetworkMembers& members, const interop::UnitsCatalogue& catalogue)
{
    access::BinaryReader r(bundle);
    const auto magic = r.bytes(4);
    const auto version = r.u8();
    const std::uint32_t count = r.u32();
    if (!r.ok() || !std::equal(magic.begin(), magic.end(), std::begin(kBundleMagic)))
        return makeError(ErrorCode::IntegrityFailure, "not a merged report bundle (CCRM)");
    if (version != 1)
        return makeError(ErrorCode::Unsupported, "merged bundle version " + std::to_string(version));
    if (count > kMaxSites)
        return makeError(ErrorCode::IntegrityFailure, "merged bundle: too many files");
    std::vector<std::vector<std::uint8_t>> files;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint32_t length = r.u32();
        const auto bytes = r.bytes(length);
        if (!r.ok())
            return makeError(ErrorCode::IntegrityFailure, "merged bundle: truncated");
        files.emplace_back(bytes.begin(), bytes.end());
    }
    if (!r.atEnd())
        return makeError(ErrorCode::IntegrityFailure, "merged bundle: trailing bytes");
    auto merged = mergeExports(files, network, network.minimumSites, &members, catalogue);
    CC_TRY(merged);
    if (merged->bundle() != std::vector<std::uint8_t>(bundle.begin(), bundle.end()))
        return makeError(ErrorCode::IntegrityFailure, "merged bundle: files out of their canonical order");
    return merged;
}

// ---- network custodians ----------------------------------------------------------------------

Result<reports::DecryptionShare> networkDecryptShare(const MergedReport& merged, const NetworkCustodian& custodian,
                                                     const std::vector<std::vector<std::uint8_t>>& tallyShares,
                                                     crypto::Rng& rng, NetworkLedger* ledger,
                                                     const interop::UnitsCatalogue& catalogue)
{
    const NetworkKey& network = custodian.network;
    CC_TRY(checkSites(merged, network));
    reports::DecryptionShare out;
    out.reportId = merged.id;
    out.specSha256 = merged.specSha256;
    out.keyId = network.key.keyId();
    out.custodian = custodian.share.index;
    auto give = [&](std::uint32_t cell, bool tally) -> Status {
        const auto& c = tally ? merged.tallies[cell] : merged.figures[cell];
        auto p = paillier::partialDecrypt(network.key, network.parameters, custodian.share, c, rng,
                                          networkContext(merged.id, cell, tally));
        CC_TRY(p);
        out.partials.push_back({cell, std::move(*p)});
        return {};
    };
    if (tallyShares.empty()) {
        out.reportId = tallyShareId(merged.id);
        for (std::uint32_t cell = 0; cell < merged.tallies.size(); ++cell)
            CC_TRY(give(cell, true));
        return out;
    }
    std::vector<std::string> rejectedShares;
    auto partials = collect(merged, network, tallyShares, rejectedShares);
    std::set<std::string> rejected;
    auto tallies = combineTallies(merged, network, partials, rejected);
    CC_TRY(tallies);
    if (ledger)
        CC_TRY(ledger->check(merged, network));
    const auto plan = networkPlan(merged, network, *tallies);
    for (std::uint32_t cell = 0; cell < plan.size(); ++cell) {
        if (plan[cell] != reports::CellRelease::Released)
            continue;
        auto layout = records::ObservationLayout::forCode(catalogue, merged.spec.cells()[cell].measure);
        CC_TRY(layout);
        if ((*tallies)[cell].observations > layout->maxCount())
            return makeError(ErrorCode::Overflow,
                             "merged cell " + std::to_string(cell) + " holds more rows than its layout allows");
        CC_TRY(give(cell, false));
    }
    if (out.partials.empty())
        return makeError(ErrorCode::AccessDenied, "no merged cell has at least " +
                                                      std::to_string(network.minimumCellSize) +
                                                      " patients from sites that all exported it: nothing to decrypt");
    if (ledger)
        ledger->record(merged);
    return out;
}

Result<NetworkPublication> networkPublish(const MergedReport& merged, const NetworkCustodian& custodian,
                                          const std::vector<std::vector<std::uint8_t>>& shares, const Clock& clock,
                                          const interop::UnitsCatalogue& catalogue)
{
    const NetworkKey& network = custodian.network;
    CC_TRY(checkSites(merged, network));
    NetworkPublication outcome;
    auto partials = collect(merged, network, shares, outcome.rejectedPartials);
    std::set<std::string> rejected;
    std::set<std::uint32_t> used;
    auto tallies = combineTallies(merged, network, partials, rejected, &used);
    CC_TRY(tallies);
    const auto plan = networkPlan(merged, network, *tallies);
    reports::ReportFile published;
    published.kind = reports::ReportFile::Kind::Published;
    published.spec = merged.spec;
    published.specSha256 = merged.specSha256;
    published.reportId = merged.id;
    published.clinicName = QStringLiteral("research network %1").arg(network.name);
    published.keyId = network.key.keyId();
    published.createdAtMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch()).count();
    published.sourceSha256 = crypto::sha256(merged.bundle());
    published.minimumCellSize = network.minimumCellSize;
    published.sites = merged.siteNames();
    for (const auto& key : merged.spec.cells()) {
        reports::ReportCell cell;
        cell.key = key;
        auto layout = records::ObservationLayout::forCode(catalogue, key.measure);
        CC_TRY(layout);
        cell.layoutId = layout->id();
        const auto& tally = (*tallies)[key.index];
        const auto release = plan[key.index];
        if (release != reports::CellRelease::Released) {
            cell.figures.suppressed = true;
            cell.figures.reason = release == reports::CellRelease::Withheld
                                      ? QStringLiteral("withheld by %1 site(s)").arg(tally.withheldSites)
                                  : release == reports::CellRelease::BelowThreshold
                                      ? QStringLiteral("fewer than %1 patients").arg(network.minimumCellSize)
                                      : QStringLiteral("complementary suppression");
            published.cells.push_back(std::move(cell));
            continue;
        }
        paillier::CombineOutcome combined;
        auto plain = paillier::combinePartials(network.key, network.parameters, merged.figures[key.index],
                                               partials[{key.index, false}],
                                               networkContext(merged.id, key.index, false), &combined);
        for (const auto& [index, why] : combined.rejected)
            rejected.insert(why);
        if (!plain)
            return makeError(plain.error().code,
                             "merged cell " + std::to_string(key.index) + ": " + plain.error().message);
        used.insert(combined.used.begin(), combined.used.end());
        auto sum = layout->decode(*plain);
        CC_TRY(sum);
        if (sum->count != tally.observations)
            return makeError(ErrorCode::IntegrityFailure, "merged cell " + std::to_string(key.index) +
                                                              ": the decoded count differs from the merged tally");
        // The most rows one patient can have: 1 for `latest`; otherwise the worst case the merged
        // totals allow (one patient holding every extra row), which keeps histogram bins honest.
        const std::uint64_t maxRows =
            merged.spec.selection == reports::Selection::Latest ? 1 : tally.observations - tally.patients + 1;
        auto figures = reports::figuresFor(*sum, *layout, *catalogue.find(key.measure), tally.patients,
                                           tally.observations, maxRows, network.minimumCellSize);
        CC_TRY(figures);
        cell.figures = std::move(*figures);
        published.cells.push_back(std::move(cell));
    }
    outcome.rejectedPartials.insert(outcome.rejectedPartials.end(), rejected.begin(), rejected.end());
    published.custodians.assign(used.begin(), used.end());
    outcome.file = published.sign(custodian.signingKey);
    outcome.report = std::move(published);
    outcome.report.signerPublicKey = network.signer;
    return outcome;
}

} // namespace cc::services
