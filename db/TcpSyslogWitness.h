// SPDX-License-Identifier: GPL-3.0-or-later
// The audit witness as a syslog collector over TCP (RFC 5424 messages, RFC 6587 octet counting).
#pragma once

#include "core/audit/AuditWitness.h"

#include <chrono>
#include <string>

namespace cc::db {

/// Sends each message as "LENGTH SP MESSAGE" (RFC 6587 section 3.4.1, octet-counting framing) on
/// one TCP connection, opened on first use and reopened once after a failure. Connecting and each
/// write wait at most `timeout`, so an unreachable collector delays a commit by that much at most
/// (AuditLog then waits its retry interval before trying again). Plain TCP: run the collector on
/// the clinic's own network (or put stunnel in front); the heads carry no PHI.
class TcpSyslogWitness final : public audit::AuditWitness
{
public:
    explicit TcpSyslogWitness(audit::WitnessAddress address,
                              std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));
    ~TcpSyslogWitness() override;
    TcpSyslogWitness(const TcpSyslogWitness&) = delete;
    TcpSyslogWitness& operator=(const TcpSyslogWitness&) = delete;

    /// Errors: StorageError naming the collector (resolve, connect, write or timeout).
    [[nodiscard]] Status deliver(std::span<const std::string> messages) override;

private:
    Status connectSocket();
    Status sendAll(const std::string& frame);
    void closeSocket() noexcept;

    audit::WitnessAddress m_address;
    std::chrono::milliseconds m_timeout;
    int m_fd = -1;
};

} // namespace cc::db
