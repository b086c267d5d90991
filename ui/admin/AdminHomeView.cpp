// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/AdminHomeView.h"

#include "core/services/AccountService.h"
#include "core/services/AuditReviewService.h"
#include "core/services/AuditService.h"
#include "core/services/KeyService.h"
#include "core/services/VerifyService.h"
#include "ui/admin/AdminFormat.h"
#include "ui/admin/KeyStatusModel.h"
#include "ui/admin/ReviewDialog.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/MessageBox.h"
#include "ui/reports/ReportFolder.h"

#include "ui_AdminHomeView.h"

#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSettings>

#include <algorithm>

namespace cc::ui {

namespace {
const QString kReminderKey = QStringLiteral("admin/backupReminderDays");
constexpr std::int64_t kDayMs = 86'400'000;
} // namespace

AdminHomeView::AdminHomeView(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::AdminHomeView>()), m_clinic(clinic)
{
    m_ui->setupUi(this);
    m_ui->reminderFrame->hide();
    m_ui->reminderDaysSpinBox->setValue(QSettings().value(kReminderKey, 7).toInt());
    connect(m_ui->reminderDaysSpinBox, &QSpinBox::valueChanged, this, &AdminHomeView::saveReminderDays);
    connect(m_ui->backUpNowPushButton, &QPushButton::clicked, this, &AdminHomeView::backupRequested);
    connect(m_ui->reviewPushButton, &QPushButton::clicked, this, &AdminHomeView::openReviewDialog);
    auto* reportsLabel = new QLabel;
    reportsLabel->setObjectName(QStringLiteral("reportsWaitingLabel"));
    reportsLabel->setWordWrap(true);
    auto* reportsButton = new QPushButton(tr("Re&ports…"));
    reportsButton->setObjectName(QStringLiteral("reportsPushButton"));
    auto* reportsRow = new QHBoxLayout;
    reportsRow->addWidget(reportsLabel, 1);
    reportsRow->addWidget(reportsButton);
    m_ui->factsLayout->addRow(tr("Reports waiting for shares:"), reportsRow);
    for (const char* name : {"verifiedLabel", "keyAgesLabel", "accountsStateLabel"}) {
        auto* label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(name));
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* verifiedRow = new QHBoxLayout;
    verifiedRow->addWidget(findChild<QLabel*>(QStringLiteral("verifiedLabel")), 1);
    auto* verifyButton = new QPushButton(tr("&Verify now"), this);
    verifyButton->setObjectName(QStringLiteral("verifyNowPushButton"));
    verifyButton->setToolTip(tr("Check every database page, the key slots, the audit trail and every identity "
                                "document now (it also runs at each administrator login and daily)."));
    verifiedRow->addWidget(verifyButton);
    m_ui->factsLayout->addRow(tr("Clinic last verified:"), verifiedRow);
    connect(verifyButton, &QPushButton::clicked, this, &AdminHomeView::verifyRequested);
    m_ui->factsLayout->addRow(tr("Key ages:"), findChild<QLabel*>(QStringLiteral("keyAgesLabel")));
    m_ui->factsLayout->addRow(tr("Accounts:"), findChild<QLabel*>(QStringLiteral("accountsStateLabel")));
    connect(reportsButton, &QPushButton::clicked, this, &AdminHomeView::reportsRequested);

    // The tamper alarm: raised by the automatic whole-clinic check (AdminWindow), kept in the
    // clinic until an administrator marks it examined.
    auto* alarm = new QFrame;
    alarm->setObjectName(QStringLiteral("alarmFrame"));
    alarm->setStyleSheet(
        QStringLiteral("QFrame#alarmFrame { background: #fdecea; border: 2px solid #b00020; border-radius: 4px; }"));
    auto* alarmText = new QLabel;
    alarmText->setObjectName(QStringLiteral("alarmLabel"));
    alarmText->setWordWrap(true);
    alarmText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    alarmText->setStyleSheet(QStringLiteral("color: #7f0015;"));
    auto* examine = new QPushButton(tr("&Mark examined…"));
    examine->setObjectName(QStringLiteral("examineAlarmPushButton"));
    auto* alarmLayout = new QHBoxLayout(alarm);
    alarmLayout->addWidget(alarmText, 1);
    alarmLayout->addWidget(examine);
    m_ui->mainLayout->insertWidget(0, alarm);
    alarm->hide();
    connect(examine, &QPushButton::clicked, this, &AdminHomeView::examineAlarm);
    auto* pendingLabel = new QLabel;
    pendingLabel->setObjectName(QStringLiteral("pendingRotationsLabel"));
    pendingLabel->setWordWrap(true);
    m_ui->factsLayout->addRow(tr("Key rotations pending:"), pendingLabel);
}

bool AdminHomeView::alarmShown() const
{
    return !findChild<QFrame*>(QStringLiteral("alarmFrame"))->isHidden();
}

void AdminHomeView::refreshAlarm()
{
    auto* frame = findChild<QFrame*>(QStringLiteral("alarmFrame"));
    auto* label = findChild<QLabel*>(QStringLiteral("alarmLabel"));
    auto alarm = services::VerifyService(m_clinic).alarm();
    if (alarm && !alarm->has_value() && !m_unstoredAlarm.isEmpty())
        alarm = std::optional<services::TamperAlarm>(
            services::TamperAlarm{QDateTime::currentMSecsSinceEpoch(),
                                  m_unstoredAlarm.toStdString() + " (not stored: the clinic refused it)"});
    if (alarm && !alarm->has_value()) {
        frame->hide();
        return;
    }
    label->setText(
        alarm ? tr("<b>Tamper alarm</b> (raised %1): the automatic check of the clinic found: %2<br>Keep a copy of the "
                   "clinic folder as it is, find out what changed (docs/RELIABILITY.md, docs/AUDIT.md), then mark it "
                   "examined with what you found.")
                    .arg(DisplayText::dateTime(
                             QDateTime::fromMSecsSinceEpoch((*alarm)->raisedAtMs, Qt::UTC).toString(Qt::ISODate)),
                         QString::fromStdString((*alarm)->problem).toHtmlEscaped())
              : tr("<b>Tamper alarm</b>: the clinic's alarm record cannot be read: %1")
                    .arg(ErrorText::forError(alarm.error()).toHtmlEscaped()));
    frame->show();
}

void AdminHomeView::examineAlarm()
{
    bool ok = false;
    const QString comment =
        QInputDialog::getMultiLineText(this, tr("Mark the tamper alarm examined"),
                                       tr("What did you find, and what was done? (3 to 1000 characters; kept in the "
                                          "audit trail)"),
                                       QString(), &ok);
    if (!ok)
        return;
    if (const Status marked = markAlarmExamined(comment); !marked)
        MessageBox::warning(this, tr("Tamper alarm"), ErrorText::forError(marked.error()));
}

Status AdminHomeView::markAlarmExamined(const QString& comment)
{
    // One line: the audit trail's reason holds no line breaks.
    const Status marked = services::VerifyService(m_clinic).markAlarmExamined(comment.simplified().toStdString());
    if (marked || marked.error().code == ErrorCode::NotFound)
        m_unstoredAlarm.clear(); // an alarm the clinic could not store has no record to clear
    refreshAlarm();
    return marked;
}

void AdminHomeView::refreshPendingRotations()
{
    auto* label = findChild<QLabel*>(QStringLiteral("pendingRotationsLabel"));
    auto pending = services::KeyService(m_clinic).pendingRotations();
    if (!pending) {
        label->setText(tr("Unknown: %1").arg(ErrorText::forError(pending.error())));
        return;
    }
    m_pendingRotations = static_cast<int>(pending->size());
    if (pending->empty()) {
        label->setText(tr("None: every disabled account's keys have been rotated."));
        label->setStyleSheet(QString());
        return;
    }
    QStringList lines;
    for (const auto& p : *pending) {
        QStringList reasons;
        for (const auto& r : p.reasons)
            reasons << QString::fromStdString(r);
        const QString name = KeyStatusModel::keyName(std::string(access::keyKindName(p.kind)));
        lines << (p.kind == access::KeyKind::ClinicalCategory
                      ? tr("%1, since %2 (%3): the next doctor who logs in rotates it.")
                      : tr("%1, since %2 (%3): rotate it on the Keys page."))
                     .arg(name, utcDateTime(p.since * 1000), reasons.join(QStringLiteral("; ")));
    }
    label->setText(lines.join(QStringLiteral("\n")));
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
}

void AdminHomeView::setReportsAccess(const ReportsAccess& access)
{
    m_reports = access;
}

void AdminHomeView::refreshReports()
{
    auto* label = findChild<QLabel*>(QStringLiteral("reportsWaitingLabel"));
    m_reportsWaiting = -1;
    auto session = ReportSession::open(m_clinic, m_reports);
    if (!session) {
        label->setText(tr("Reports are not available in this window."));
        return;
    }
    int waiting = 0;
    int mine = 0;
    for (const auto& entry : ReportFolder::scan(m_reports.folder)) {
        if (entry.published())
            continue;
        auto status = session->service().shareStatus(entry.id);
        if (!status) {
            label->setText(tr("Unknown: %1").arg(ErrorText::forError(status.error())));
            return;
        }
        if (status->custodians.size() >= status->threshold)
            continue; // ready to publish, not waiting for a share
        ++waiting;
        if (status->ownIndex != 0 && std::find(status->custodians.begin(), status->custodians.end(),
                                               status->ownIndex) == status->custodians.end())
            ++mine;
    }
    m_reportsWaiting = waiting;
    label->setText(waiting == 0
                       ? tr("None.")
                       : tr("%n report(s) waiting for decryption shares", nullptr, waiting) +
                             (mine > 0 ? QStringLiteral(" ") + tr("(%n need yours)", nullptr, mine) : QString()));
    label->setStyleSheet(mine > 0 ? QStringLiteral("color: #0d47a1; font-weight: 600;") : QString());
}

ReviewDialog* AdminHomeView::openReviewDialog()
{
    auto* dialog = new ReviewDialog(m_clinic, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &ReviewDialog::reviewed, this, &AdminHomeView::refresh);
    dialog->refresh();
    dialog->open();
    return dialog;
}

AdminHomeView::~AdminHomeView() = default;

void AdminHomeView::refreshState()
{
    // Verified: the newest whole-clinic verify (run at each administrator login, AdminWindow).
    auto* verified = findChild<QLabel*>(QStringLiteral("verifiedLabel"));
    audit::AuditFilter filter;
    filter.action = audit::AuditAction::Execute;
    if (auto events = services::AuditService(m_clinic).list(filter)) {
        std::optional<audit::AuditEvent> last;
        for (const auto& entry : *events)
            if (entry.event.detail.rfind("verify clinic", 0) == 0 &&
                entry.event.outcome == audit::AuditOutcome::Success)
                last = entry.event;
        verified->setText(last ? tr("%1 by %2").arg(utcDateTime(last->timeMs), QString::fromStdString(last->userName))
                               : tr("Never: the check runs at each administrator login."));
    } else {
        verified->setText(tr("Unknown: %1").arg(ErrorText::forError(events.error())));
    }
    // Key ages, oldest first: a key never rotated since the clinic began is the usual one to look at.
    auto* ages = findChild<QLabel*>(QStringLiteral("keyAgesLabel"));
    if (auto keys = services::KeyService(m_clinic).status()) {
        std::vector<services::KeyStatus> sorted = std::move(*keys);
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.ageDays > b.ageDays; });
        QStringList parts;
        for (const auto& k : sorted)
            parts << tr("%1 v%2, %n day(s)", nullptr, static_cast<int>(k.ageDays))
                         .arg(QString::fromStdString(k.name))
                         .arg(k.version);
        ages->setText(parts.join(QStringLiteral("; ")));
    } else {
        ages->setText(tr("Unknown: %1").arg(ErrorText::forError(keys.error())));
    }
    // Accounts that cannot log in right now, and first logins still to come.
    auto* accounts = findChild<QLabel*>(QStringLiteral("accountsStateLabel"));
    if (auto list = services::AccountService(m_clinic).list()) {
        const std::int64_t now = m_clinic.clock().nowSeconds();
        int locked = 0, suspended = 0, firstLogin = 0, disabled = 0;
        for (const auto& a : *list) {
            if (!a.enabled) {
                ++disabled;
                continue;
            }
            locked += a.info.lockedUntil > now ? 1 : 0;
            suspended += a.info.suspended ? 1 : 0;
            firstLogin += a.info.mustChangePassword ? 1 : 0;
        }
        accounts->setText(tr("%1 locked after failed logins, %2 suspended, %3 waiting for their first login, %4 "
                             "disabled (of %5)")
                              .arg(locked)
                              .arg(suspended)
                              .arg(firstLogin)
                              .arg(disabled)
                              .arg(list->size()));
        accounts->setStyleSheet(locked + suspended > 0 ? QStringLiteral("color: #b00020;") : QString());
    } else {
        accounts->setText(tr("Unknown: %1").arg(ErrorText::forError(list.error())));
    }
}

void AdminHomeView::refresh()
{
    refreshAlarm();
    refreshState();
    refreshReports();
    refreshPendingRotations();
    auto review = services::AuditReviewService(m_clinic).items();
    m_unreviewed = -1;
    if (review) {
        m_unreviewed = static_cast<int>(
            std::count_if(review->begin(), review->end(), [](const auto& item) { return !item.reviewed; }));
        m_ui->reviewLabel->setText(
            m_unreviewed == 0
                ? tr("None: every flagged event has been reviewed.")
                : tr("%n flagged event(s) (emergency access, refusals, recoveries)", nullptr, m_unreviewed));
        m_ui->reviewLabel->setStyleSheet(m_unreviewed == 0 ? QString() : QStringLiteral("color: #b00020;"));
    } else {
        m_ui->reviewLabel->setText(tr("Unknown: %1").arg(ErrorText::forError(review.error())));
    }

    // A backup is one "backup created" event (docs/BACKUP.md): the newest successful one.
    audit::AuditFilter filter;
    filter.action = audit::AuditAction::Read;
    auto events = services::AuditService(m_clinic).list(filter);
    m_loaded = events.ok();
    m_lastBackupMs.reset();
    if (!events) {
        m_ui->lastBackupLabel->setText(tr("Unknown: %1").arg(ErrorText::forError(events.error())));
        updateReminder();
        return;
    }
    QString by;
    for (const auto& entry : *events) {
        const auto& e = entry.event;
        if (e.objectType == "Backup" && e.detail.rfind("backup created", 0) == 0 &&
            e.outcome == audit::AuditOutcome::Success) {
            m_lastBackupMs = e.timeMs;
            by = QString::fromStdString(e.userName);
        }
    }
    if (m_lastBackupMs) {
        const std::int64_t days = (m_clinic.clock().nowSeconds() * 1000 - *m_lastBackupMs) / kDayMs;
        m_ui->lastBackupLabel->setText(
            tr("%1 by %2 (%n day(s) ago)", nullptr, static_cast<int>(days)).arg(utcDateTime(*m_lastBackupMs), by));
    } else {
        m_ui->lastBackupLabel->setText(tr("No backup of this clinic has been made yet."));
    }
    updateReminder();
}

void AdminHomeView::clear()
{
    m_loaded = false;
    m_lastBackupMs.reset();
    m_unreviewed = -1;
    m_ui->lastBackupLabel->clear();
    m_ui->reviewLabel->clear();
    m_ui->reminderFrame->hide();
    findChild<QFrame*>(QStringLiteral("alarmFrame"))->hide(); // shown again from the clinic after the unlock
    for (const char* name : {"verifiedLabel", "keyAgesLabel", "accountsStateLabel"})
        findChild<QLabel*>(QString::fromLatin1(name))->clear();
    m_reportsWaiting = -1;
    findChild<QLabel*>(QStringLiteral("reportsWaitingLabel"))->clear();
    m_pendingRotations = -1;
    findChild<QLabel*>(QStringLiteral("pendingRotationsLabel"))->clear();
}

bool AdminHomeView::reminderShown() const
{
    return !m_ui->reminderFrame->isHidden();
}

void AdminHomeView::saveReminderDays(int days)
{
    QSettings().setValue(kReminderKey, days);
    updateReminder();
}

void AdminHomeView::updateReminder()
{
    if (!m_loaded) {
        m_ui->reminderFrame->hide();
        return;
    }
    const int limitDays = m_ui->reminderDaysSpinBox->value();
    const std::int64_t nowMs = m_clinic.clock().nowSeconds() * 1000;
    if (!m_lastBackupMs) {
        m_ui->reminderLabel->setText(tr("This clinic has never been backed up. A lost or damaged disk would lose "
                                        "every record: make a backup and keep it on another medium."));
    } else if (nowMs - *m_lastBackupMs > limitDays * kDayMs) {
        m_ui->reminderLabel->setText(tr("The last backup is older than %n day(s). Make a new one and keep it on "
                                        "another medium.",
                                        nullptr, limitDays));
    } else {
        m_ui->reminderFrame->hide();
        return;
    }
    m_ui->reminderFrame->show();
}

} // namespace cc::ui
