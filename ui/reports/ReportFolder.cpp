// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportFolder.h"

#include "core/crypto/Kdf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <map>

namespace cc::ui {

namespace {
constexpr qint64 kMaxReportFile = 64 << 20;
}

Result<std::vector<std::uint8_t>> ReportFolder::read(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         "cannot read " + path.toStdString() + ": " + f.errorString().toStdString());
    if (f.size() > kMaxReportFile)
        return malformed("a report file is at most 64 MiB", path.toStdString(), 0, {});
    const QByteArray bytes = f.readAll();
    return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

QString ReportFolder::pathFor(const QString& folder, const reports::ReportId& id, bool published)
{
    return QDir(folder).filePath(QString::fromStdString(reports::reportIdHex(id)) +
                                 (published ? QStringLiteral(".published.ccrep") : QStringLiteral(".ccrep")));
}

std::vector<ReportFolderEntry> ReportFolder::scan(const QString& folder, QStringList* damaged)
{
    std::map<reports::ReportId, ReportFolderEntry> byId;
    // Each encrypted file's SHA-256 and signer: what an export of it names (sourceSha256) and is signed by.
    std::map<crypto::Digest256, std::pair<reports::ReportId, std::array<std::uint8_t, 32>>> encrypted;
    std::vector<reports::ReportFile> exports;
    std::vector<QString> exportPaths;
    const QDir dir(folder);
    for (const QString& name :
         dir.entryList({QStringLiteral("*.ccrep"), QStringLiteral("*.ccrx")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        auto bytes = read(path);
        auto file = bytes ? reports::ReportFile::read(*bytes) : Result<reports::ReportFile>(bytes.error());
        const bool exportName = name.endsWith(QStringLiteral(".ccrx"));
        if (!file || exportName != (file->kind == reports::ReportFile::Kind::Exported)) {
            if (damaged != nullptr)
                *damaged << name;
            continue;
        }
        if (exportName) {
            exports.push_back(std::move(*file));
            exportPaths.push_back(path);
            continue;
        }
        if (file->kind == reports::ReportFile::Kind::Encrypted)
            encrypted[crypto::sha256(*bytes)] = {file->reportId, file->signerPublicKey};
        ReportFolderEntry& e = byId[file->reportId];
        e.id = file->reportId;
        if (file->kind == reports::ReportFile::Kind::Published) {
            e.publishedPath = path;
            e.file = std::move(*file);
        } else {
            e.encryptedPath = path;
            if (e.publishedPath.isEmpty())
                e.file = std::move(*file);
        }
    }
    std::vector<std::size_t> order(exports.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return exports[a].createdAtMs < exports[b].createdAtMs; });
    for (const std::size_t i : order) {
        const auto source = encrypted.find(exports[i].sourceSha256);
        if (source == encrypted.end() || source->second.second != exports[i].signerPublicKey)
            continue; // another report's or another clinic's export
        byId[source->second.first].exports.push_back({exportPaths[i], exports[i].keyId});
    }
    std::vector<ReportFolderEntry> out;
    for (auto& [id, e] : byId)
        out.push_back(std::move(e));
    std::sort(out.begin(), out.end(), [](const ReportFolderEntry& a, const ReportFolderEntry& b) {
        return a.file.createdAtMs > b.file.createdAtMs;
    });
    return out;
}

Status ReportFolder::writeNew(const QString& path, const std::vector<std::uint8_t>& bytes)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::StorageError, "cannot create the report folder " + dir.toStdString());
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (QFile::exists(path))
        return makeError(ErrorCode::AlreadyExists, path.toStdString() + " exists; refusing to overwrite");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size())) !=
            static_cast<qint64>(bytes.size()) ||
        !file.commit())
        return makeError(ErrorCode::StorageError,
                         "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

} // namespace cc::ui
