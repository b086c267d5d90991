// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/doctor/CodeSearch.h"

#include "core/model/CodeSystem.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QTimer>

namespace cc::ui {

namespace {
constexpr std::size_t kShown = 20;
constexpr int kEntryRole = Qt::UserRole + 1;
} // namespace

CodeSearch::CodeSearch(QLineEdit* field, interop::CodedEntryKind kind, Picked picked,
                       const interop::CodedEntrySearch& subset)
    : QObject(field)
    , m_field(field)
    , m_kind(kind)
    , m_picked(std::move(picked))
    , m_subset(subset)
    , m_model(new QStandardItemModel(this))
    , m_completer(new QCompleter(m_model, this))
{
    // The list is already the search result: the completer shows it unfiltered.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    m_field->setCompleter(m_completer);
    connect(m_field, &QLineEdit::textEdited, this, &CodeSearch::update);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this, [this](const QModelIndex& index) {
        const int row = index.data(kEntryRole).toInt();
        if (row < 0 || static_cast<std::size_t>(row) >= m_shown.size())
            return;
        const interop::CodedEntry entry = *m_shown[static_cast<std::size_t>(row)];
        // The completer writes the item's text after this signal; the display replaces it then.
        QTimer::singleShot(0, m_field, [this, entry] {
            m_field->setText(entry.display);
            m_picked(entry);
        });
    });
}

QString CodeSearch::systemName(const QString& system)
{
    if (system == QLatin1String(model::codesystem::kSnomed))
        return QStringLiteral("SNOMED CT");
    if (system == QLatin1String(model::codesystem::kIcd10))
        return QStringLiteral("ICD-10");
    if (system == QLatin1String(model::codesystem::kIcd10Cm))
        return QStringLiteral("ICD-10-CM");
    if (system == QLatin1String(model::codesystem::kRxNorm))
        return QStringLiteral("RxNorm");
    return system;
}

void CodeSearch::update(const QString& text)
{
    m_shown = m_subset.search(m_kind, text, kShown);
    m_model->clear();
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        const interop::CodedEntry& e = *m_shown[i];
        auto* item = new QStandardItem(tr("%1 — %2 %3").arg(e.display, systemName(e.system), e.code));
        item->setData(static_cast<int>(i), kEntryRole);
        item->setToolTip(tr("%1 code %2").arg(systemName(e.system), e.code));
        m_model->appendRow(item);
    }
    if (!m_shown.empty())
        m_completer->complete();
}

CodedEntryBinding::CodedEntryBinding(QFormLayout* form, QComboBox* system, QLineEdit* code, QLineEdit* display,
                                     interop::CodedEntryKind kind)
    : QObject(display)
    , m_system(system)
    , m_code(code)
    , m_display(display)
    , m_status(new QLabel(display->parentWidget()))
{
    if (m_system != nullptr)
        m_system->addItem(tr("Free text (uncoded)"), QString());
    m_display->setPlaceholderText(tr("Type to search the code list, or enter free text"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("codingStatusLabel"));
    // The name comes first: it is where the search starts; the status line follows it.
    int row = -1;
    QFormLayout::ItemRole role{};
    form->getWidgetPosition(m_display, &row, &role);
    if (row > 0) {
        const QFormLayout::TakeRowResult taken = form->takeRow(row);
        form->insertRow(0, taken.labelItem != nullptr ? taken.labelItem->widget() : nullptr, m_display);
        delete taken.labelItem;
        delete taken.fieldItem;
        row = 0;
    }
    form->insertRow(row + 1, QString(), m_status);

    m_search = new CodeSearch(m_display, kind, [this](const interop::CodedEntry& entry) {
        if (m_system != nullptr) {
            if (const int i = m_system->findData(entry.system); i >= 0)
                m_system->setCurrentIndex(i);
        }
        m_code->setText(entry.code);
        m_pickedDisplay = entry.display;
        refresh();
    });
    connect(m_display, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (!m_pickedDisplay.isEmpty() && text.trimmed() != m_pickedDisplay) {
            m_pickedDisplay.clear();
            setFreeText();
        }
        refresh();
    });
    connect(m_code, &QLineEdit::textEdited, this, [this] {
        m_pickedDisplay.clear();
        refresh();
    });
    if (m_system != nullptr)
        connect(m_system, &QComboBox::currentIndexChanged, this, [this] {
            m_code->setEnabled(!freeText());
            if (freeText())
                m_code->clear();
            refresh();
        });
    refresh();
}

bool CodedEntryBinding::freeText() const
{
    if (m_system != nullptr)
        return m_system->currentData().toString().isEmpty();
    return m_code->text().trimmed().isEmpty();
}

void CodedEntryBinding::setFreeText()
{
    if (m_system != nullptr)
        m_system->setCurrentIndex(m_system->findData(QString()));
    m_code->clear();
}

void CodedEntryBinding::refresh()
{
    if (m_system != nullptr)
        m_code->setEnabled(!freeText());
    if (m_display->text().trimmed().isEmpty()) {
        m_status->clear();
        return;
    }
    if (freeText()) {
        m_status->setText(tr("Free text (uncoded): it is kept as written; pick a suggestion to code it."));
        return;
    }
    const QString system =
        m_system != nullptr ? m_system->currentData().toString() : QString::fromLatin1(model::codesystem::kRxNorm);
    m_status->setText(tr("Coded: %1 %2").arg(CodeSearch::systemName(system), m_code->text().trimmed()));
}

} // namespace cc::ui
