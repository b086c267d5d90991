// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportFolder.h"

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
    const QDir dir(folder);
    for (const QString& name : dir.entryList({QStringLiteral("*.ccrep")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        auto bytes = read(path);
        auto file = bytes ? reports::ReportFile::read(*bytes) : Result<reports::ReportFile>(bytes.error());
        if (!file) {
            if (damaged != nullptr)
                *damaged << name;
            continue;
        }
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
