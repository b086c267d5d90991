// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/WitnessIndicator.h"

#include "core/services/ClinicService.h"
#include "ui/common/OffThread.h"

#include <QTimer>

namespace cc::ui {

WitnessIndicator::WitnessIndicator(services::ClinicService& clinic, QWidget* parent)
    : QLabel(parent), m_clinic(clinic), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("witnessLabel"));
    setStyleSheet(QStringLiteral("color: #b00020;"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timer->setInterval(30'000);
    connect(m_timer, &QTimer::timeout, this, &WitnessIndicator::refresh);
    m_timer->start();
    refresh();
}

void WitnessIndicator::refresh()
{
    if (offThreadWorkRunning())
        return; // a worker is in the services (runOffGuiThread); the next tick looks again
    const std::string problem = m_clinic.witnessProblem();
    if (problem.empty()) {
        clear();
        setToolTip({});
        hide();
        return;
    }
    setText(tr("Audit witness unreachable: the chain head is not copied outside the clinic"));
    setToolTip(tr("%1\nWork goes on; tell whoever runs the syslog collector (docs/AUDIT.md section 3).")
                   .arg(QString::fromStdString(problem)));
    show();
}

} // namespace cc::ui
