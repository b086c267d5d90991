// SPDX-License-Identifier: GPL-3.0-or-later
// The clinic's report folder: encrypted (<id>.ccrep) and published (<id>.published.ccrep) files, and
// the research-network exports (*.ccrx) saved there.
#pragma once

#include "core/Result.h"
#include "core/reports/ReportFile.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace cc::ui {

/// A research-network export of a report, found in the folder: a signed exported file whose source
/// is the report's encrypted file (its sourceSha256) and whose signer signed that file.
struct ReportFolderExport
{
    QString path;
    paillier::KeyId networkKeyId{};
};

/// One report of the folder: its encrypted file and, once published, its published file. `file` is
/// the published one if there is one. Read with ReportFile::read (format and signature); checking
/// it against the clinic is ReportService::verify's, when it is opened.
struct ReportFolderEntry
{
    reports::ReportId id{};
    QString encryptedPath;
    QString publishedPath;
    reports::ReportFile file;
    std::vector<ReportFolderExport> exports; ///< oldest first

    [[nodiscard]] bool published() const { return !publishedPath.isEmpty(); }
    [[nodiscard]] bool exported() const { return !exports.empty(); }
};

class ReportFolder
{
public:
    /// Every report of `folder`, newest first, each with the exports (*.ccrx) of it the folder holds
    /// (ReportFolderExport; exports of other reports or clinics are not listed); names of files that
    /// are not signed report files go to `damaged`.
    [[nodiscard]] static std::vector<ReportFolderEntry> scan(const QString& folder, QStringList* damaged = nullptr);
    /// A report file's bytes (at most 64 MiB). Errors: NotFound, MalformedInput (too large).
    [[nodiscard]] static Result<std::vector<std::uint8_t>> read(const QString& path);
    /// Writes a new owner-only file atomically (QSaveFile), creating the folder (mode 0700); never
    /// replaces a file. Errors: AlreadyExists, StorageError.
    [[nodiscard]] static Status writeNew(const QString& path, const std::vector<std::uint8_t>& bytes);
    /// "<folder>/<id>.ccrep" or "<folder>/<id>.published.ccrep".
    [[nodiscard]] static QString pathFor(const QString& folder, const reports::ReportId& id, bool published);
};

} // namespace cc::ui
