// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/MessageBox.h"

#include <QMessageBox>

namespace cc::ui {

std::optional<bool> MessageBox::s_nextAnswer;
bool MessageBox::s_testMode = false;
QString MessageBox::s_lastText;

bool MessageBox::confirm(QWidget* parent, const QString& title, const QString& text)
{
    s_lastText = text;
    if (s_nextAnswer) {
        const bool answer = *s_nextAnswer;
        s_nextAnswer.reset();
        return answer;
    }
    if (s_testMode)
        return false;
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

void MessageBox::warning(QWidget* parent, const QString& title, const QString& text)
{
    s_lastText = text;
    if (!s_testMode)
        QMessageBox::warning(parent, title, text);
}

void MessageBox::setNextAnswer(bool yes)
{
    s_nextAnswer = yes;
}

void MessageBox::setTestMode(bool on)
{
    s_testMode = on;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

} // namespace cc::ui
