// SPDX-License-Identifier: GPL-3.0-or-later
// The administrator's backup page: create, inspect, verify and restore (docs/BACKUP.md).
#pragma once

#include "core/services/BackupService.h"

#include <QWidget>

#include <memory>

namespace Ui {
class BackupView;
}

namespace cc::ui {

/// Every action goes through BackupService, which checks the permission and writes the audit
/// event. Each asks first, saying what it will do; a restore shows its verify step and then asks
/// for a confirmation that names the clinic and the backup's date.
class BackupView : public QWidget
{
    Q_OBJECT

public:
    /// `clinic` must outlive the view.
    explicit BackupView(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~BackupView() override;

    /// Asks where to write a new backup and writes it. Public for the home page's "Back up now".
    void createBackup();
    /// Inspects the backup at `path` (BackupService::inspect, audited): the manifest and who signed
    /// it, nothing decrypted. Returns false with the reason on the page if it is not a usable backup.
    bool inspectFile(const QString& path);
    /// Forgets what is on screen (idle lock, logout).
    void clear();

    /// "Backup" 64-hex fingerprint in groups of four, as shown (tests).
    [[nodiscard]] static QString groupedFingerprint(const std::string& hex);

signals:
    /// A backup was written (the home page's "last backup" changes).
    void backupCreated();
    /// A restore replaced the clinic and ended the session: the flow returns to the login window.
    void sessionEnded();

private:
    void inspectBackup();
    void verifyBackup();
    void restoreBackup();
    [[nodiscard]] services::RestoreOptions restoreOptions() const;
    void showManifest(const services::BackupManifest& manifest, const QString& verdict);
    void showStatus(const QString& text, bool error);

    std::unique_ptr<Ui::BackupView> m_ui;
    services::ClinicService& m_clinic;
    services::BackupService m_backups;
};

} // namespace cc::ui
