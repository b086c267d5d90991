// SPDX-License-Identifier: GPL-3.0-or-later
// Encrypted aggregate reports (DESIGN.md section 6, docs/REPORTS.md): run a spec into a signed file
// of per-cell Paillier ciphertexts, contribute a custodian's checked partial decryptions, publish
// the disclosure-controlled figures as a new signed file.
#pragma once

#include "core/Result.h"
#include "core/interop/UnitsCatalogue.h"
#include "core/ports/ReportStore.h"
#include "core/reports/CellComputation.h"
#include "core/reports/Disclosure.h"
#include "core/reports/ReportFile.h"
#include "core/reports/ReportSpec.h"
#include "core/services/ClinicService.h"
#include "core/services/ReportNetwork.h"

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace cc::services {

/// What a custodian contributed.
struct ShareOutcome
{
    std::vector<std::uint8_t> share; ///< DecryptionShare bytes (also stored in the clinic)
    std::uint32_t custodian = 0;
    std::size_t cellsDecrypted = 0;
    std::size_t cellsWithheld = 0; ///< suppressed: no partial decryption given
};

/// What publishing produced.
struct PublishOutcome
{
    std::vector<std::uint8_t> file; ///< the signed published report
    reports::ReportFile report;
    std::vector<std::string> rejectedPartials; ///< named and skipped ("custodian 2: …")
};

/// How far the quorum decryption of an encrypted report has come (for the GUI's report list).
struct ShareStatus
{
    std::vector<std::uint32_t> custodians; ///< custodian indices whose shares are stored in the clinic
    std::uint32_t threshold = 0;           ///< t: shares needed to publish
    std::uint32_t parties = 0;             ///< l: custodians holding a share of the report key
    std::uint32_t ownIndex = 0;            ///< this account's custodian index, 0 if it holds no share
};

/// What a clinic's export to a research network produced.
struct ExportOutcome
{
    std::vector<std::uint8_t> file; ///< the signed exported report (kind Exported)
    reports::ReportFile report;
    std::size_t cellsExported = 0; ///< released cells re-encrypted under the network key
    std::size_t cellsWithheld = 0; ///< suppressed at the clinic: exported as withheld
    std::vector<std::string> rejectedPartials;
};

/// Report use cases. Permissions (docs/REPORTS.md): RunReports (administrators) to run, verify and
/// publish; DecryptReportTotals plus a Paillier share in the key ring to contribute a decryption
/// share. None of them opens a key that decrypts clinical or identity documents: cohorts are chosen
/// with the index key's blind tokens and rows authenticated with the index MAC. Every call is
/// audited once (DICOM 110112 Query, object "Report" with the report id, detail with the spec's
/// SHA-256), refusals with their reason.
class ReportService
{
public:
    /// `reports` (the clinic's report store, opened with its database) and `catalogue` must outlive
    /// the service.
    ReportService(ClinicService& clinic, ports::ReportStore& reports,
                  const interop::UnitsCatalogue& catalogue = interop::UnitsCatalogue::builtIn())
        : m_clinic(clinic), m_reports(reports), m_catalogue(catalogue)
    {}

    /// Runs a spec: selects the cohort by tokens, checks every row's MAC, multiplies each cell and
    /// returns the signed encrypted report file (no plaintext about patients, counts included).
    /// Errors: AccessDenied, IntegrityFailure (a row named by id), KeyMismatch, Overflow, storage errors.
    [[nodiscard]] Result<std::vector<std::uint8_t>> run(const reports::ReportSpec& spec,
                                                        reports::ComputationTimes* times = nullptr);
    /// Checks a report file against this clinic: format, signature by the clinic's key, clinic id,
    /// report key id, layouts, and every ciphertext (0 < c < n², gcd(c, n) = 1). Audited as a read.
    /// Errors: IntegrityFailure / KeyMismatch naming the problem, Unsupported (version), AccessDenied.
    [[nodiscard]] Result<reports::ReportFile> verify(std::span<const std::uint8_t> file);
    /// This custodian's partial decryptions of an encrypted report: recomputes every cell from the
    /// clinic's rows and refuses unless each equals the file's ciphertext; applies the suppression
    /// plan and the differencing check; gives partials (proofs bound to report id and cell index)
    /// for the released cells only and stores them in the clinic. Errors: AccessDenied (no share,
    /// nothing releasable, differencing), IntegrityFailure (file or a cell does not match),
    /// KeyMismatch, Overflow, storage errors.
    [[nodiscard]] Result<ShareOutcome> decryptShare(std::span<const std::uint8_t> file);
    /// Combines the stored shares and `extraShares` (share files from other workstations): names and
    /// skips invalid partials, decrypts the released cells, applies disclosure control, records the
    /// cohort for later differencing checks and returns the signed published report. Errors:
    /// InvalidArgument (not enough valid partials, naming the rejected ones), AccessDenied
    /// (differencing), IntegrityFailure, MalformedInput (a share file), storage errors.
    [[nodiscard]] Result<PublishOutcome> publish(std::span<const std::uint8_t> file,
                                                 const std::vector<std::vector<std::uint8_t>>& extraShares = {});
    /// The decryption shares stored in the clinic for a report and the quorum they need
    /// (RunReports; a read of bookkeeping, no figure, so only a denial is audited). Stored shares
    /// that do not decode are not counted. Errors: AccessDenied, IntegrityFailure (report key
    /// record), storage errors.
    [[nodiscard]] Result<ShareStatus> shareStatus(const reports::ReportId& reportId);
    /// Exports an encrypted report of this clinic to a research network (docs/REPORTS.md,
    /// federation): checks the file and the network key file's fingerprint (given out of band),
    /// recomputes every cell, applies the clinic's suppression plan and differencing check,
    /// combines the custodians' stored shares (and `extraShares`) for the released cells as
    /// publication does, and re-encrypts each released cell's decoded packed sum under the network
    /// key with a tally (patients, observations) ciphertext; a suppressed cell is exported as an
    /// encryption of zero whose tally marks it withheld. Signed with the clinic key. RunReports,
    /// audited (spec hash, report id, network key id). Errors: IntegrityFailure (fingerprint, file,
    /// cells), AccessDenied (differencing, nothing released), InvalidArgument (not an encrypted
    /// report, too few partials), Overflow, storage errors.
    [[nodiscard]] Result<ExportOutcome> exportToNetwork(std::span<const std::uint8_t> file, const NetworkKey& network,
                                                        const std::string& expectedFingerprint,
                                                        const std::vector<std::vector<std::uint8_t>>& extraShares = {});
    /// Merges clinics' exported files for `network` (mergeExports: distinct signers and clinics,
    /// one spec, the network key id, every ciphertext checked, at least `minimumSites`) and
    /// returns the merged bundle; audited in this clinic (RunReports) with the spec hash and the
    /// merged id. With `members`, every site must be a listed member. Errors: as mergeExports().
    [[nodiscard]] Result<MergedReport> merge(const std::vector<std::vector<std::uint8_t>>& files,
                                             const NetworkKey& network, std::uint32_t minimumSites,
                                             const NetworkMembers* members = nullptr);
    /// The clinic's minimum cell size (meta report_minimum_cell_size; default 11). Errors: storage.
    [[nodiscard]] Result<std::uint32_t> minimumCellSize();
    /// Sets it (ManageKeys, audited). Errors: InvalidArgument (below 5), AccessDenied, storage errors.
    [[nodiscard]] Status setMinimumCellSize(std::uint32_t size);

private:
    struct Context;
    Result<Context> context(bool needSigning);
    Result<reports::ReportFile> check(const Context& ctx, std::span<const std::uint8_t> bytes);
    Result<std::vector<reports::ComputedCell>> recompute(const Context& ctx, const reports::ReportFile& file);
    /// The cells over the clinic's rows with the index seal checked against the digest of exactly
    /// the rows read, in the same pass (issue 10 item 6): a row that fails its own check is reported
    /// after the seal's verdict, so a tampered index is named as such.
    Result<std::vector<reports::ComputedCell>> sealedCells(reports::CellQuery query, reports::ComputationTimes* times);
    Status differencing(const Context& ctx, const reports::ReportFile& file,
                        const std::vector<reports::ComputedCell>& cells, std::uint32_t threshold);
    Result<std::vector<paillier::Plaintext>> combineReleased(const Context& ctx, const reports::ReportFile& file,
                                                             const std::vector<reports::CellRelease>& plan,
                                                             const std::vector<std::vector<std::uint8_t>>& extraShares,
                                                             std::vector<std::string>& rejected,
                                                             std::set<std::uint32_t>& used);
    Result<std::vector<std::uint8_t>> cohortDigests(const Context& ctx,
                                                    const std::vector<reports::ComputedCell>& cells) const;
    /// What publication and a network export share before they use any figure: the cells
    /// recomputed from the clinic's rows, the suppression plan under the clinic's minimum cell
    /// size, the differencing check, and the released cells' shares combined.
    struct Release;
    Result<Release> release(const Context& ctx, const reports::ReportFile& file,
                            const std::vector<std::vector<std::uint8_t>>& extraShares,
                            std::vector<std::string>& rejected);

    ClinicService& m_clinic;
    ports::ReportStore& m_reports;
    const interop::UnitsCatalogue& m_catalogue;
};

} // namespace cc::services
