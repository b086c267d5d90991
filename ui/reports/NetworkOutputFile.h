// SPDX-License-Identifier: GPL-3.0-or-later
// The output file of the federation dialogs: a line edit and "Choose…", a new file only.
#pragma once

#include <QString>
#include <QWidget>

class QLineEdit;
class QPushButton;

namespace cc::ui {

class NetworkOutputFile : public QWidget
{
    Q_OBJECT

public:
    /// `suffix` ("ccrx") is added to a chosen name without one; `filter` is the dialog's filter.
    NetworkOutputFile(const QString& caption, const QString& suffix, const QString& filter, QWidget* parent = nullptr);

    /// The file name proposed by "Choose…" (in the home folder).
    void setSuggestedName(const QString& name) { m_suggested = name; }
    [[nodiscard]] QString path() const;
    [[nodiscard]] QLineEdit* lineEdit() const { return m_path; }
    /// Why the path cannot be written (none, exists already), or empty.
    [[nodiscard]] QString problem() const;

signals:
    void changed();

private:
    QString m_caption;
    QString m_suffix;
    QString m_filter;
    QString m_suggested;
    QLineEdit* m_path;
    QPushButton* m_choose;
};

} // namespace cc::ui
