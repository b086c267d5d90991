// SPDX-License-Identifier: GPL-3.0-or-later
// Coded entry with search: a completer on an entry dialog's name field that offers the bundled
// code subset (core/interop/CodedEntrySearch) as the user types, and hands the picked code back.
#pragma once

#include "core/interop/CodedEntrySearch.h"

#include <QObject>

#include <functional>

class QComboBox;
class QCompleter;
class QFormLayout;
class QLabel;
class QLineEdit;
class QStandardItemModel;

namespace cc::ui {

/// Attached to a QLineEdit (and owned by it): each edit searches `kind` and shows up to 20 matches
/// as "display — code (system)"; picking one calls `picked` with the entry and puts its display in
/// the field. Typing without picking leaves the entry free text (uncoded), which the dialog says.
class CodeSearch : public QObject
{
    Q_OBJECT
public:
    using Picked = std::function<void(const interop::CodedEntry&)>;
    CodeSearch(QLineEdit* field, interop::CodedEntryKind kind, Picked picked,
               const interop::CodedEntrySearch& subset = interop::CodedEntrySearch::builtIn());

    /// The completer (tests drive it).
    [[nodiscard]] QCompleter* completer() const { return m_completer; }
    /// The short name of a code system for the list and the dialogs ("SNOMED CT", "ICD-10-CM" ...).
    [[nodiscard]] static QString systemName(const QString& system);

private:
    void update(const QString& text);

    QLineEdit* m_field;
    interop::CodedEntryKind m_kind;
    Picked m_picked;
    const interop::CodedEntrySearch& m_subset;
    QStandardItemModel* m_model;
    QCompleter* m_completer;
    std::vector<const interop::CodedEntry*> m_shown;
};

/// The coded-entry part of an entry dialog: search on `display`, the pick filling `system` (may be
/// null: one fixed system) and `code`, a "Free text (uncoded)" choice in `system`, and a status
/// line under the name saying whether the entry is coded. Editing the name after a pick, so that
/// it no longer matches the picked display, drops the code (a code never names something else).
class CodedEntryBinding : public QObject
{
    Q_OBJECT
public:
    CodedEntryBinding(QFormLayout* form, QComboBox* system, QLineEdit* code, QLineEdit* display,
                      interop::CodedEntryKind kind);

    /// True when the form describes a free-text entry (the system choice, or an empty code when
    /// the system is fixed).
    [[nodiscard]] bool freeText() const;
    /// Shows the status for the current fields (after the dialog filled them in edit mode).
    void refresh();
    [[nodiscard]] CodeSearch* search() const { return m_search; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }

private:
    void setFreeText();

    QComboBox* m_system;
    QLineEdit* m_code;
    QLineEdit* m_display;
    CodeSearch* m_search;
    QLabel* m_status;
    QString m_pickedDisplay;
};

} // namespace cc::ui
