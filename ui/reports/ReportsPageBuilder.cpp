// SPDX-License-Identifier: GPL-3.0-or-later
// The reports page's "New report" tab: the spec builder (title, purpose, measures, selection,
// filters, grouping), its summary in words and the spec JSON it runs.
#include "ui/reports/ReportsPage.h"

#include "core/crypto/Hex.h"
#include "core/model/CodeSystem.h"
#include "core/records/ObservationLayout.h"
#include "core/reports/Disclosure.h"
#include "ui/common/DisplayText.h"
#include "ui/common/ErrorText.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/common/OffThread.h"
#include "ui/reports/DecryptShareDialog.h"
#include "ui/reports/ReportFolder.h"
#include "ui/reports/ReportSettingsTab.h"
#include "ui/reports/ReportText.h"
#include "ui/reports/ReportView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace cc::ui {

QWidget* ReportsPage::buildBuilder()
{
    auto* page = new QWidget;
    m_title = new QLineEdit;
    m_title->setObjectName(QStringLiteral("titleLineEdit"));
    m_title->setPlaceholderText(tr("For example: Blood pressure by sex"));
    m_purpose = new QComboBox;
    m_purpose->setObjectName(QStringLiteral("purposeComboBox"));
    m_purpose->addItem(tr("Research (patients who opted out are left out)"), QStringLiteral("research"));
    m_purpose->addItem(tr("Quality of the clinic's own care (everyone included)"), QStringLiteral("quality"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("measureSearchLineEdit"));
    m_search->setPlaceholderText(tr("Search measures by name or LOINC code"));
    m_search->setClearButtonEnabled(true);
    m_measures = new QListWidget;
    m_measures->setObjectName(QStringLiteral("measuresListWidget"));
    m_measures->setAccessibleName(tr("Measures"));
    const auto& catalogue = interop::UnitsCatalogue::builtIn();
    for (const auto* def : catalogue.definitions()) {
        // Only codes with a packed Paillier layout can be summed (the core refuses the others).
        if (!records::ObservationLayout::forCode(catalogue, def->code))
            continue;
        auto* item = new QListWidgetItem(ReportText::measure(def->code), m_measures);
        item->setData(Qt::UserRole, def->code);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    m_measures->sortItems();
    m_selection = new QComboBox;
    m_selection->setObjectName(QStringLiteral("selectionComboBox"));
    m_selection->addItem(tr("Every observation"), QStringLiteral("all"));
    m_selection->addItem(tr("Each patient's latest value"), QStringLiteral("latest"));
    auto* sexes = new QHBoxLayout;
    for (const auto& s : reports::allSexes()) {
        auto* box = new QCheckBox(ReportText::groupValue(reports::Dimension::Sex, s));
        box->setObjectName(s + QStringLiteral("CheckBox"));
        box->setProperty("value", s);
        m_sexes.push_back(box);
        sexes->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ReportsPage::updateSummary);
    }
    sexes->addStretch();
    m_ageBands = new QListWidget;
    m_ageBands->setObjectName(QStringLiteral("ageBandsListWidget"));
    m_ageBands->setFlow(QListView::LeftToRight);
    m_ageBands->setWrapping(true);
    m_ageBands->setMaximumHeight(70);
    for (const auto& band : reports::allAgeBands()) {
        auto* item = new QListWidgetItem(ReportText::groupValue(reports::Dimension::AgeBand, band), m_ageBands);
        item->setData(Qt::UserRole, band);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    m_years = new QCheckBox(tr("Only observations from"));
    m_years->setObjectName(QStringLiteral("yearsCheckBox"));
    m_yearFrom = new QSpinBox;
    m_yearFrom->setObjectName(QStringLiteral("yearFromSpinBox"));
    m_yearTo = new QSpinBox;
    m_yearTo->setObjectName(QStringLiteral("yearToSpinBox"));
    for (auto* box : {m_yearFrom, m_yearTo}) {
        box->setRange(1900, 2200);
        box->setEnabled(false);
    }
    m_yearFrom->setValue(2010);
    m_yearTo->setValue(2025);
    auto* years = new QHBoxLayout;
    years->addWidget(m_years);
    years->addWidget(m_yearFrom);
    years->addWidget(new QLabel(tr("to")));
    years->addWidget(m_yearTo);
    years->addStretch();
    m_conditions = new QLineEdit;
    m_conditions->setObjectName(QStringLiteral("conditionsLineEdit"));
    m_conditions->setPlaceholderText(tr("SNOMED CT codes, for example 44054006 15777000 (empty: every patient)"));
    m_conditions->setToolTip(tr("Only patients with a condition of any of these SNOMED CT codes."));
    m_group1 = new QComboBox;
    m_group1->setObjectName(QStringLiteral("groupBy1ComboBox"));
    m_group2 = new QComboBox;
    m_group2->setObjectName(QStringLiteral("groupBy2ComboBox"));
    for (auto* box : {m_group1, m_group2}) {
        box->addItem(tr("no grouping"), QString());
        box->addItem(tr("sex"), QStringLiteral("sex"));
        box->addItem(tr("age band"), QStringLiteral("ageBand"));
        box->addItem(tr("year"), QStringLiteral("year"));
    }
    auto* groups = new QHBoxLayout;
    groups->addWidget(m_group1);
    groups->addWidget(new QLabel(tr("then")));
    groups->addWidget(m_group2);
    groups->addStretch();
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_run = new QPushButton(tr("R&un report…"));
    m_run->setObjectName(QStringLiteral("runPushButton"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Purpose:"), m_purpose);
    form->addRow(tr("&Measures:"), m_search);
    form->addRow(QString(), m_measures);
    form->addRow(tr("&Selection:"), m_selection);
    form->addRow(tr("Sex (none ticked: all):"), sexes);
    form->addRow(tr("Age bands (none ticked: all):"), m_ageBands);
    form->addRow(tr("Years:"), years);
    form->addRow(tr("With &conditions:"), m_conditions);
    auto* groupLabel = new QLabel(tr("&Group by:"));
    groupLabel->setBuddy(m_group1);
    form->addRow(groupLabel, groups);
    auto* summaryBox = new QGroupBox(tr("The cohort in words"));
    auto* summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->addWidget(m_summary);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form, 1);
    layout->addWidget(summaryBox);
    auto* run = new QHBoxLayout;
    run->addStretch();
    run->addWidget(m_run);
    layout->addLayout(run);

    connect(m_title, &QLineEdit::textChanged, this, &ReportsPage::updateSummary);
    connect(m_purpose, &QComboBox::currentIndexChanged, this, &ReportsPage::updateSummary);
    connect(m_search, &QLineEdit::textChanged, this, &ReportsPage::filterMeasures);
    connect(m_measures, &QListWidget::itemChanged, this, &ReportsPage::updateSummary);
    connect(m_selection, &QComboBox::currentIndexChanged, this, &ReportsPage::updateSummary);
    connect(m_ageBands, &QListWidget::itemChanged, this, &ReportsPage::updateSummary);
    connect(m_years, &QCheckBox::toggled, this, [this](bool on) {
        m_yearFrom->setEnabled(on);
        m_yearTo->setEnabled(on);
        updateSummary();
    });
    connect(m_conditions, &QLineEdit::textChanged, this, &ReportsPage::updateSummary);
    connect(m_yearFrom, &QSpinBox::valueChanged, this, &ReportsPage::updateSummary);
    connect(m_yearTo, &QSpinBox::valueChanged, this, &ReportsPage::updateSummary);
    connect(m_group1, &QComboBox::currentIndexChanged, this, &ReportsPage::updateSummary);
    connect(m_group2, &QComboBox::currentIndexChanged, this, &ReportsPage::updateSummary);
    connect(m_run, &QPushButton::clicked, this, &ReportsPage::runReport);
    return page;
}

void ReportsPage::filterMeasures(const QString& text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_measures->count(); ++i) {
        auto* item = m_measures->item(i);
        item->setHidden(!needle.isEmpty() && !item->text().contains(needle, Qt::CaseInsensitive));
    }
}

QByteArray ReportsPage::specJson() const
{
    QJsonArray measures;
    for (int i = 0; i < m_measures->count(); ++i)
        if (m_measures->item(i)->checkState() == Qt::Checked)
            measures.append(QJsonObject{{QStringLiteral("code"), m_measures->item(i)->data(Qt::UserRole).toString()}});
    QJsonObject filters;
    QJsonArray sexes;
    for (auto* box : m_sexes)
        if (box->isChecked())
            sexes.append(box->property("value").toString());
    if (!sexes.isEmpty())
        filters.insert(QStringLiteral("sex"), sexes);
    QJsonArray bands;
    for (int i = 0; i < m_ageBands->count(); ++i)
        if (m_ageBands->item(i)->checkState() == Qt::Checked)
            bands.append(m_ageBands->item(i)->data(Qt::UserRole).toString());
    if (!bands.isEmpty())
        filters.insert(QStringLiteral("ageBands"), bands);
    if (m_years->isChecked())
        filters.insert(QStringLiteral("years"), QJsonObject{{QStringLiteral("from"), m_yearFrom->value()},
                                                            {QStringLiteral("to"), m_yearTo->value()}});
    QJsonArray conditions; // the reader validates each code and names the one that is not
    for (const QString& code :
         m_conditions->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
        conditions.append(QJsonObject{{QStringLiteral("system"), QString::fromLatin1(model::codesystem::kSnomed)},
                                      {QStringLiteral("code"), code}});
    if (!conditions.isEmpty())
        filters.insert(QStringLiteral("conditions"), conditions);
    QJsonArray groups;
    for (auto* box : {m_group1, m_group2})
        if (const QString g = box->currentData().toString(); !g.isEmpty())
            groups.append(g);
    QJsonObject spec{{QStringLiteral("version"), reports::ReportSpec::kVersion},
                     {QStringLiteral("title"), m_title->text().trimmed()},
                     {QStringLiteral("purpose"), m_purpose->currentData().toString()},
                     {QStringLiteral("measures"), measures},
                     {QStringLiteral("selection"), m_selection->currentData().toString()}};
    if (!filters.isEmpty())
        spec.insert(QStringLiteral("filters"), filters);
    if (!groups.isEmpty())
        spec.insert(QStringLiteral("groupBy"), groups);
    return QJsonDocument(spec).toJson(QJsonDocument::Compact);
}

void ReportsPage::updateSummary()
{
    auto spec = reports::ReportSpec::fromJson(specJson(), tr("report builder").toStdString());
    if (!spec) {
        m_summary->setText(tr("Not a complete report yet: %1").arg(QString::fromStdString(spec.error().describe())));
        m_summary->setStyleSheet(QStringLiteral("color:#8a1c1c"));
        m_run->setEnabled(false);
        return;
    }
    QString text = ReportText::describe(*spec);
    const auto cells = spec->cells().size();
    text += QLatin1Char('\n') +
            tr("Each cell needs at least the clinic's minimum number of distinct patients (11 unless an administrator "
               "changed it) or it is suppressed, together with any cell that would let it be recovered.");
    if (cells > 8)
        text += QLatin1Char('\n') + tr("With %1 cells, many are likely to be suppressed in a small clinic: "
                                       "consider fewer groupings or wider filters.")
                                        .arg(cells);
    m_summary->setText(text);
    m_summary->setStyleSheet({});
    m_run->setEnabled(m_access.available());
}

} // namespace cc::ui
