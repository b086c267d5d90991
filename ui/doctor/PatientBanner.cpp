// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/PatientBanner.h"

#include "ui/common/DisplayText.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <algorithm>

namespace cc::ui {

namespace {

QLabel* makeLabel(QWidget* parent, const char* name, const QString& style = {})
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!style.isEmpty())
        label->setStyleSheet(style);
    return label;
}

} // namespace

PatientBanner::PatientBanner(QWidget* parent)
    : QWidget(parent)
    , m_name(makeLabel(this, "nameLabel", QStringLiteral("font-size: 14pt; font-weight: 600;")))
    , m_demographics(makeLabel(this, "demographicsLabel"))
    , m_mrn(new QLineEdit(this))
    , m_copy(new QToolButton(this))
    , m_allergies(makeLabel(this, "allergiesLabel"))
    , m_deceased(makeLabel(this, "deceasedLabel",
                           QStringLiteral("background: #333; color: white; font-weight: 600; padding: 2px 6px;")))
    , m_emergency(makeLabel(this, "emergencyLabel",
                            QStringLiteral("background: #b00020; color: white; font-weight: 600; padding: 2px 6px;")))
    , m_outside(
          makeLabel(this, "outsideListLabel", QStringLiteral("background: #fff3cd; color: #5c4400; padding: 2px 6px;")))
{
    setObjectName(QStringLiteral("patientBanner"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#patientBanner { background: #eef3f8; border: 1px solid #c5d3e0; }"));
    m_mrn->setObjectName(QStringLiteral("mrnLineEdit"));
    m_mrn->setReadOnly(true);
    m_mrn->setFrame(false);
    m_mrn->setMinimumWidth(160);
    m_mrn->setToolTip(tr("Medical record number (select to copy)"));
    m_copy->setObjectName(QStringLiteral("copyMrnToolButton"));
    m_copy->setText(tr("Copy MRN"));
    m_copy->setToolTip(tr("Copy the full MRN to the clipboard"));
    connect(m_copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(m_mrn->text()); });
    m_allergies->setWordWrap(true);
    m_deceased->setText(tr("Deceased"));
    m_outside->setText(tr("Not in your patient list"));
    m_outside->setToolTip(tr("This chart was opened by emergency access: the patient is not on your care team, "
                             "so no row of the list is selected."));

    auto* top = new QHBoxLayout;
    top->addWidget(m_name);
    top->addWidget(m_deceased);
    top->addWidget(m_emergency);
    top->addWidget(m_outside);
    top->addStretch(1);
    auto* mrnLabel = new QLabel(tr("MRN:"), this);
    top->addWidget(mrnLabel);
    top->addWidget(m_mrn);
    top->addWidget(m_copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_demographics);
    layout->addWidget(m_allergies);
    clear();
}

void PatientBanner::setPatient(const model::Patient& patient, std::optional<int> age,
                               const std::vector<model::Allergy>& allergies, bool emergencyAccess)
{
    m_name->setText(DisplayText::patientName(patient));
    QStringList demographics;
    demographics << (!age ? tr("age unknown") : *age == 1 ? tr("1 year") : tr("%1 years").arg(*age));
    demographics << DisplayText::sex(patient.sex);
    demographics << tr("born %1").arg(DisplayText::date(patient.birthDate));
    if (!patient.deathDate.isEmpty())
        demographics << tr("died %1").arg(DisplayText::date(patient.deathDate));
    m_demographics->setText(demographics.join(QStringLiteral(" · ")));
    m_mrn->setText(patient.mrn);
    // The whole MRN, never elided (a long Synthea UUID included).
    m_mrn->setMinimumWidth(std::max(160, m_mrn->fontMetrics().horizontalAdvance(patient.mrn) + 16));
    m_mrn->setCursorPosition(0);
    m_copy->setEnabled(true);
    if (allergies.empty()) {
        m_allergies->setText(tr("No known allergies"));
        m_allergies->setStyleSheet(QString());
    } else {
        QStringList names;
        for (const auto& a : allergies)
            names << (a.criticality == QLatin1String("high") ? tr("%1 (high risk)").arg(a.display) : a.display);
        m_allergies->setText(tr("Allergies: %1").arg(names.join(QStringLiteral(", "))));
        m_allergies->setStyleSheet(QStringLiteral("color: #b00020; font-weight: 600;"));
    }
    m_deceased->setVisible(!patient.deathDate.isEmpty());
    m_emergency->setText(tr("Emergency access"));
    m_emergency->setVisible(emergencyAccess);
    m_outside->setVisible(false);
    setVisible(true);
}

void PatientBanner::setOutsideList(bool outside)
{
    m_outside->setVisible(outside);
}

void PatientBanner::clear()
{
    m_name->clear();
    m_demographics->clear();
    m_mrn->clear();
    m_copy->setEnabled(false);
    m_allergies->clear();
    m_deceased->hide();
    m_emergency->hide();
    m_outside->hide();
    setVisible(false);
}

QString PatientBanner::nameText() const
{
    return m_name->text();
}

QString PatientBanner::mrnText() const
{
    return m_mrn->text();
}

QString PatientBanner::allergiesText() const
{
    return m_allergies->text();
}

} // namespace cc::ui
