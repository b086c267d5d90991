// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportSettingsTab.h"

#include "core/reports/Disclosure.h"
#include "ui/common/ErrorText.h"
#include "ui/common/MessageBox.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cc::ui {

ReportSettingsTab::ReportSettingsTab(services::ClinicService& clinic, QWidget* parent)
    : QWidget(parent), m_clinic(clinic)
{
    m_minimumCell = new QSpinBox;
    m_minimumCell->setObjectName(QStringLiteral("minimumCellSpinBox"));
    m_minimumCell->setRange(static_cast<int>(reports::kLowestMinimumCellSize), 1000);
    m_minimumCell->setValue(static_cast<int>(reports::kDefaultMinimumCellSize));
    m_minimumCell->setSuffix(tr(" distinct patients"));
    m_minimumCell->setAccessibleName(tr("Minimum cell size"));
    m_applyMinimum = new QPushButton(tr("&Apply"));
    m_applyMinimum->setObjectName(QStringLiteral("applyMinimumPushButton"));
    m_settingsStatus = new QLabel;
    m_settingsStatus->setObjectName(QStringLiteral("settingsStatusLabel"));
    m_settingsStatus->setWordWrap(true);
    m_settingsStatus->hide();
    auto* explanation = new QLabel(
        tr("Disclosure control: a published report shows a cell's figures only if at least this many distinct "
           "patients are in it; smaller cells are withheld (suppressed), and so is a second small cell that would "
           "let the first be computed from a total. A cohort that differs from an earlier published one by too "
           "few patients is refused. Never below %1; the default is %2. The setting applies to reports published "
           "from now on, and each change is recorded in the audit trail.")
            .arg(reports::kLowestMinimumCellSize)
            .arg(reports::kDefaultMinimumCellSize));
    explanation->setWordWrap(true);
    auto* label = new QLabel(tr("&Publish only cells with at least:"));
    label->setBuddy(m_minimumCell);
    auto* row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_minimumCell);
    row->addWidget(m_applyMinimum);
    row->addStretch();
    auto* box = new QGroupBox(tr("Small-cell suppression"));
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(explanation);
    boxLayout->addLayout(row);
    boxLayout->addWidget(m_settingsStatus);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(box);
    layout->addStretch();
    connect(m_applyMinimum, &QPushButton::clicked, this, &ReportSettingsTab::applyMinimumCellSize);
}

void ReportSettingsTab::setAccess(const ReportsAccess& access)
{
    m_access = access;
    m_applyMinimum->setEnabled(m_access.available());
}

void ReportSettingsTab::load()
{
    auto session = ReportSession::open(m_clinic, m_access);
    m_applyMinimum->setEnabled(session != nullptr);
    if (!session)
        return;
    auto current = session->service().minimumCellSize();
    if (!current) {
        m_settingsStatus->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_settingsStatus->setText(ErrorText::forError(current.error()));
        m_settingsStatus->show();
        return;
    }
    m_minimumCell->setValue(static_cast<int>(*current));
}

void ReportSettingsTab::applyMinimumCellSize()
{
    auto session = ReportSession::open(m_clinic, m_access);
    if (!session)
        return;
    auto current = session->service().minimumCellSize();
    const int wanted = m_minimumCell->value();
    if (current && static_cast<int>(*current) == wanted) {
        m_settingsStatus->setStyleSheet(QString());
        m_settingsStatus->setText(tr("The minimum cell size is %n distinct patient(s) already.", nullptr, wanted));
        m_settingsStatus->show();
        return;
    }
    const QString effect = current && static_cast<int>(*current) > wanted
                               ? tr("Smaller cells will be published than before: fewer figures are withheld, and "
                                    "each published figure rests on fewer patients.")
                               : tr("More cells will be withheld than before.");
    if (!MessageBox::confirm(this, tr("Minimum cell size"),
                             tr("Publish only cells with at least %n distinct patient(s)? %1 Reports already "
                                "published are not changed.",
                                nullptr, wanted)
                                 .arg(effect)))
        return;
    const Status set = session->service().setMinimumCellSize(static_cast<std::uint32_t>(wanted));
    m_settingsStatus->setStyleSheet(set ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #b00020;"));
    m_settingsStatus->setText(set ? tr("Published cells now need at least %n distinct patient(s).", nullptr, wanted)
                                  : ErrorText::forError(set.error()));
    m_settingsStatus->show();
}

} // namespace cc::ui
