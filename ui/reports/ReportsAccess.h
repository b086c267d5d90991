// SPDX-License-Identifier: GPL-3.0-or-later
// What the reports workbench needs from the application: the clinic's report store (a db/ object
// the GUI library may not construct itself) and the folder where report files are kept.
#pragma once

#include "core/ports/ReportStore.h"
#include "core/services/ReportService.h"

#include <QString>

#include <functional>
#include <memory>

namespace cc::services {
class ClinicService;
}

namespace cc::ui {

/// Given by app/gui/main.cpp (and by tests) to the session flow and the administrator's window.
struct ReportsAccess
{
    /// Opens the report store over the session's database; called after login, each time a
    /// report action starts (the database is reopened at every login). Empty: reports unavailable.
    std::function<std::unique_ptr<ports::ReportStore>()> openStore;
    /// The clinic's report folder (`<clinic>/reports`): encrypted and published .ccrep files.
    QString folder;

    [[nodiscard]] bool available() const { return static_cast<bool>(openStore); }
};

/// A ReportService over a freshly opened store, for one action.
class ReportSession
{
public:
    /// nullptr if `access` has no store.
    [[nodiscard]] static std::unique_ptr<ReportSession> open(services::ClinicService& clinic,
                                                             const ReportsAccess& access)
    {
        if (!access.available())
            return nullptr;
        auto store = access.openStore();
        if (!store)
            return nullptr;
        return std::unique_ptr<ReportSession>(new ReportSession(clinic, std::move(store)));
    }
    [[nodiscard]] services::ReportService& service() { return m_service; }

private:
    ReportSession(services::ClinicService& clinic, std::unique_ptr<ports::ReportStore> store)
        : m_store(std::move(store)), m_service(clinic, *m_store)
    {}
    std::unique_ptr<ports::ReportStore> m_store;
    services::ReportService m_service;
};

} // namespace cc::ui
