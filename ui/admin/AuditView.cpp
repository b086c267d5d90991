// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/admin/AuditView.h"

#include "core/model/RowId.h"
#include "core/services/PatientService.h"
#include "ui/admin/AuditTableModel.h"
#include "ui/admin/ReviewDialog.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"

#include "ui_AuditView.h"

#include <QDate>
#include <QDateTime>
#include <QHeaderView>
#include <QSaveFile>
#include <QTimeZone>

#include <map>
#include <set>

namespace cc::ui {

namespace {

std::int64_t startOfDayUtcMs(const QDate& date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

AuditView::AuditView(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AuditView>())
    , m_clinic(clinic)
    , m_audit(clinic)
    , m_model(new AuditTableModel(this))
{
    m_ui->setupUi(this);
    m_ui->auditTableView->setModel(m_model);
    m_ui->auditTableView->verticalHeader()->hide();
    m_ui->auditTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->actionComboBox->addItem(tr("Any"));
    for (auto action : {audit::AuditAction::Create, audit::AuditAction::Read, audit::AuditAction::Update,
                        audit::AuditAction::Delete, audit::AuditAction::Execute})
        m_ui->actionComboBox->addItem(AuditTableModel::actionText(action), static_cast<int>(action));
    m_ui->eventComboBox->addItem(tr("Any"));
    using Category = AuditTableModel::Category;
    for (auto c : {Category::Login, Category::PatientRecord, Category::EmergencyAccess, Category::Accounts,
                   Category::Keys, Category::AuditTrail, Category::BackupExport, Category::Other})
        m_ui->eventComboBox->addItem(AuditTableModel::categoryText(c), static_cast<int>(c));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_ui->fromDateEdit->setDate(today.addDays(-30));
    m_ui->untilDateEdit->setDate(today);
    m_ui->fromDateEdit->setEnabled(false);
    m_ui->untilDateEdit->setEnabled(false);
    m_ui->bannerLabel->hide();
    m_ui->statusLabel->hide();

    connect(m_ui->fromCheckBox, &QCheckBox::toggled, m_ui->fromDateEdit, &QWidget::setEnabled);
    connect(m_ui->untilCheckBox, &QCheckBox::toggled, m_ui->untilDateEdit, &QWidget::setEnabled);
    connect(m_ui->showPushButton, &QPushButton::clicked, this, &AuditView::refresh);
    connect(m_ui->userLineEdit, &QLineEdit::returnPressed, this, &AuditView::refresh);
    connect(m_ui->patientIdLineEdit, &QLineEdit::returnPressed, this, &AuditView::refresh);
    connect(m_ui->verifyPushButton, &QPushButton::clicked, this, &AuditView::verify);
    connect(m_ui->reviewPushButton, &QPushButton::clicked, this, [this, &clinic]() {
        auto* dialog = new ReviewDialog(clinic, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        dialog->refresh();
        dialog->open();
    });
    connect(m_ui->exportCsvPushButton, &QPushButton::clicked, this, [this]() { exportTo(ExportFormat::Csv); });
    connect(m_ui->exportSyslogPushButton, &QPushButton::clicked, this, [this]() { exportTo(ExportFormat::Syslog); });
}

AuditView::~AuditView() = default;

audit::AuditFilter AuditView::serviceFilter() const
{
    audit::AuditFilter filter;
    // A 32-digit id filters in the service; a name or MRN filters here, on the names shown.
    const QString patient = m_ui->patientIdLineEdit->text().trimmed().toLower();
    if (model::rowIdFromHex(patient))
        filter.patientId = patient.toStdString();
    if (m_ui->actionComboBox->currentIndex() > 0)
        filter.action = static_cast<audit::AuditAction>(m_ui->actionComboBox->currentData().toInt());
    filter.flaggedOnly = m_ui->flaggedCheckBox->isChecked();
    if (m_ui->fromCheckBox->isChecked())
        filter.fromMs = startOfDayUtcMs(m_ui->fromDateEdit->date());
    if (m_ui->untilCheckBox->isChecked()) // inclusive of the whole "until" day
        filter.untilMs = startOfDayUtcMs(m_ui->untilDateEdit->date().addDays(1));
    return filter;
}

void AuditView::refresh()
{
    auto entries = m_audit.list(serviceFilter());
    if (!entries) {
        m_model->clear();
        showStatus(ErrorText::forError(entries.error()), true);
        return;
    }
    // The audit filter knows user ids, people know names: the name filter is applied here, on
    // what the service already allowed this administrator to see.
    // Administrators hold the identity key: the patients of the events are named next to their
    // ids (one audited lookup per refresh, PatientService::identitiesOf). Without names (an
    // error) the ids stay, and the status line says why.
    std::vector<access::PatientId> ids;
    for (const auto& entry : *entries)
        if (auto id = model::rowIdFromHex<access::PatientId>(QString::fromStdString(entry.event.patientId)))
            ids.push_back(*id);
    std::map<std::string, QString> names;
    QString namesProblem;
    if (!ids.empty()) {
        auto found = services::PatientService(m_clinic).identitiesOf(ids);
        if (found) {
            for (const auto& [id, p] : *found)
                names.emplace(model::rowIdToHex(id).toStdString(),
                              tr("%1, %2 — MRN %3").arg(p.familyName, p.givenName, p.mrn));
        } else {
            namesProblem = tr("Patient names could not be shown: %1").arg(ErrorText::forError(found.error()));
        }
    }
    const QString user = m_ui->userLineEdit->text().trimmed();
    const QString patientText = m_ui->patientIdLineEdit->text().trimmed();
    const bool byName = !patientText.isEmpty() && !model::rowIdFromHex(patientText.toLower());
    std::vector<audit::AuditEvent> events;
    events.reserve(entries->size());
    const bool anyCategory = m_ui->eventComboBox->currentIndex() <= 0;
    const auto wanted = static_cast<AuditTableModel::Category>(m_ui->eventComboBox->currentData().toInt());
    for (auto& entry : *entries) {
        if (!user.isEmpty() && !QString::fromStdString(entry.event.userName).contains(user, Qt::CaseInsensitive))
            continue;
        if (!anyCategory && AuditTableModel::category(entry.event) != wanted)
            continue;
        if (byName) {
            const auto name = names.find(entry.event.patientId);
            if (name == names.end() || !name->second.contains(patientText, Qt::CaseInsensitive))
                continue;
        }
        events.push_back(std::move(entry.event));
    }
    const auto count = static_cast<int>(events.size());
    m_model->setEvents(std::move(events));
    m_model->setPatientNames(std::move(names));
    m_ui->auditTableView->resizeColumnsToContents();
    m_ui->auditTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->auditTableView->scrollToBottom();
    if (!namesProblem.isEmpty()) {
        showStatus(tr("%n event(s) shown.", nullptr, count) + QLatin1Char(' ') + namesProblem, true);
        return;
    }
    showStatus(tr("%n event(s) shown.", nullptr, count), false);
}

void AuditView::verify()
{
    auto report = m_audit.verify();
    if (!report) {
        m_ui->bannerLabel->setStyleSheet(QStringLiteral("background: #fdecea; color: #b00020; font-weight: 600;"));
        m_ui->bannerLabel->setText(
            tr("The audit trail could not be verified: %1").arg(ErrorText::forError(report.error())));
        m_ui->bannerLabel->show();
        return;
    }
    if (report->ok) {
        QString text =
            tr("Audit trail intact: %n event(s) verified.", nullptr, static_cast<int>(report->eventsChecked));
        if (report->anchorLagging)
            text += QLatin1Char(' ') + tr("The anchor is one event behind (an interrupted write, not an attack).");
        m_ui->bannerLabel->setStyleSheet(QStringLiteral("background: #e8f5e9; color: #1b5e20; font-weight: 600;"));
        m_ui->bannerLabel->setText(text);
    } else {
        const auto name = audit::auditProblemName(report->problem);
        m_ui->bannerLabel->setStyleSheet(QStringLiteral("background: #fdecea; color: #b00020; font-weight: 600;"));
        m_ui->bannerLabel->setText(tr("Audit trail NOT intact: %1 at event %2. %3 Contact your administrator "
                                      "and keep a copy of the clinic folder as it is.")
                                       .arg(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())))
                                       .arg(report->problemSeq)
                                       .arg(QString::fromStdString(report->message)));
    }
    m_ui->bannerLabel->show();
}

void AuditView::clear()
{
    m_model->clear();
    m_ui->bannerLabel->hide();
    m_ui->statusLabel->hide();
}

std::optional<std::string> AuditView::resolvedUserId(QString* problem) const
{
    const QString user = m_ui->userLineEdit->text().trimmed();
    if (user.isEmpty())
        return std::string();
    // The export filter needs an exact user id: take it from the rows on screen.
    std::set<std::string> ids;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto* e = m_model->event(row);
        if (QString::fromStdString(e->userName).compare(user, Qt::CaseInsensitive) == 0 && !e->userId.empty())
            ids.insert(e->userId);
    }
    if (ids.size() != 1) {
        *problem = tr("To export one user's events, type the exact account name and press Show events first.");
        return std::nullopt;
    }
    return *ids.begin();
}

void AuditView::exportTo(ExportFormat format)
{
    QString problem;
    const auto userId = resolvedUserId(&problem);
    if (!userId) {
        showStatus(problem, true);
        return;
    }
    audit::AuditFilter filter = serviceFilter();
    if (!userId->empty())
        filter.userId = *userId;
    const bool csv = format == ExportFormat::Csv;
    const QString fileName =
        FileDialog::saveFileName(this, csv ? tr("Export audit trail as CSV") : tr("Export audit trail as syslog"),
                                 csv ? QStringLiteral("audit.csv") : QStringLiteral("audit.log"),
                                 csv ? tr("CSV files (*.csv)") : tr("Syslog files (*.log *.txt)"));
    if (fileName.isEmpty())
        return;
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        showStatus(tr("Cannot write %1: %2").arg(fileName, file.errorString()), true);
        return;
    }
    const Status written = csv ? m_audit.exportCsv(filter, file) : m_audit.exportSyslog(filter, file);
    if (!written) {
        file.cancelWriting();
        showStatus(ErrorText::forError(written.error()), true);
        return;
    }
    if (!file.commit()) {
        showStatus(tr("Cannot write %1: %2").arg(fileName, file.errorString()), true);
        return;
    }
    showStatus(tr("Exported to %1.").arg(fileName), false);
}

void AuditView::showStatus(const QString& text, bool error)
{
    m_ui->statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b5e20;"));
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->show();
}

} // namespace cc::ui
