// SPDX-License-Identifier: GPL-3.0-or-later
// The administrator's home page: events waiting for review, the last backup and the backup reminder.
#pragma once

#include "ui/reports/ReportsAccess.h"

#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

namespace Ui {
class AdminHomeView;
}

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

class ReviewDialog;

/// Shows how many flagged audit events wait for review (AuditReviewService, audited) with a
/// Review button, how many reports wait for decryption shares (ReportService::shareStatus), and when the clinic was
/// last backed up (found in the audit trail through AuditService, which audits the query) and a reminder when that is
/// older than the workstation's setting (QSettings "admin/backupReminderDays", 1 to 90 days, 7 by default).
class AdminHomeView : public QWidget
{
    Q_OBJECT

public:
    /// `clinic` must outlive the view.
    explicit AdminHomeView(services::ClinicService& clinic, QWidget* parent = nullptr);
    ~AdminHomeView() override;

    /// Reloads the facts from the services.
    void refresh();
    /// True while the clinic's tamper alarm is raised (the red banner shows).
    [[nodiscard]] bool alarmShown() const;
    /// Asks for a comment, then marks the tamper alarm examined (VerifyService, audited). Tests
    /// pass the comment; the GUI asks for it.
    Status markAlarmExamined(const QString& comment);
    /// A problem the clinic could not store as an alarm (a damaged database): shown for this
    /// session when no stored alarm is there.
    void setUnstoredAlarm(const QString& problem) { m_unstoredAlarm = problem; }
    /// Forgets what is on screen (idle lock, logout).
    void clear();
    /// True while the reminder is shown (tests).
    [[nodiscard]] bool reminderShown() const;
    /// Events waiting for review at the last refresh, or -1 if unknown.
    [[nodiscard]] int unreviewedCount() const { return m_unreviewed; }
    /// Where the clinic's report files are (the "waiting for decryption shares" line).
    void setReportsAccess(const ReportsAccess& access);
    /// Reports waiting for decryption shares at the last refresh, or -1 if unknown.
    [[nodiscard]] int reportsWaiting() const { return m_reportsWaiting; }
    /// Keys still to be rotated after accounts were disabled (KeyService::pendingRotations); -1 unknown.
    [[nodiscard]] int pendingRotations() const { return m_pendingRotations; }
    /// Opens the review dialog (window-modal, open()); it is returned.
    ReviewDialog* openReviewDialog();

signals:
    /// "Back up now" was clicked.
    void backupRequested();
    /// "Reports…" was clicked.
    void reportsRequested();
    /// "Verify now" was clicked: the window runs the whole-clinic check (AdminWindow::checkClinic).
    void verifyRequested();

private:
    void saveReminderDays(int days);
    void refreshAlarm();
    void refreshState();
    void examineAlarm();
    void updateReminder();
    void refreshReports();
    void refreshPendingRotations();

    std::unique_ptr<Ui::AdminHomeView> m_ui;
    services::ClinicService& m_clinic;
    std::optional<std::int64_t> m_lastBackupMs;
    bool m_loaded = false;
    int m_unreviewed = -1;
    ReportsAccess m_reports;
    int m_reportsWaiting = -1;
    QString m_unstoredAlarm;
    int m_pendingRotations = -1;
};

} // namespace cc::ui
