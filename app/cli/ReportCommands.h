// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli/CommandRegistry.h"
#include "core/Result.h"
#include "core/reports/ReportFile.h"
#include "core/services/ReportNetwork.h"

#include <QJsonObject>

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace cc::cli {

/// `report run|verify|show|csv|decrypt-share|publish|export|merge|set-minimum-cell-size`
/// (docs/REPORTS.md).
void registerReportCommands(CommandRegistry& registry);

/// Shared with the network commands: a whole file (at most 64 MiB), an owner-only new file
/// written atomically (never overwriting), and a report's text and JSON forms.
[[nodiscard]] Result<std::vector<std::uint8_t>> readReportFile(const std::string& path);
[[nodiscard]] Status writeNewReportFile(const std::string& path, std::span<const std::uint8_t> bytes);
/// The same, replacing an existing file atomically (a custodian's ledger kept across runs).
[[nodiscard]] Status writeOwnerOnlyFile(const std::string& path, std::span<const std::uint8_t> bytes);
/// A research network's key file and signed member list: CipherChart's own signed formats, so one
/// that does not parse was damaged or altered (IntegrityFailure, exit 3, naming the file and the
/// member; issue 13 item 6). Errors: as readReportFile, NetworkKey::fromJson, NetworkMembers::fromJson.
[[nodiscard]] Result<services::NetworkKey> readNetworkKeyFile(const std::string& path);
[[nodiscard]] Result<services::NetworkMembers> readNetworkMembersFile(const std::string& path,
                                                                      const services::NetworkKey& network);
void printReport(const reports::ReportFile& file, std::ostream& out);
/// `v` with exactly `decimals` digits after the point (C locale).
[[nodiscard]] std::string fixed(double v, int decimals);
[[nodiscard]] QJsonObject reportJson(const reports::ReportFile& file);

} // namespace cc::cli
