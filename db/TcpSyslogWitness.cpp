// SPDX-License-Identifier: GPL-3.0-or-later
// POSIX TCP client for the syslog witness: non-blocking connect and writes bounded by poll().
#include "db/TcpSyslogWitness.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cc::db {

namespace {

struct AddrInfo
{
    addrinfo* list = nullptr;
    ~AddrInfo()
    {
        if (list != nullptr)
            ::freeaddrinfo(list);
    }
};

int timeoutMs(std::chrono::milliseconds t)
{
    return static_cast<int>(t.count() < 0 ? 0 : (t.count() > 60000 ? 60000 : t.count()));
}

} // namespace

TcpSyslogWitness::TcpSyslogWitness(audit::WitnessAddress address, std::chrono::milliseconds timeout)
    : m_address(std::move(address)), m_timeout(timeout)
{}

TcpSyslogWitness::~TcpSyslogWitness()
{
    closeSocket();
}

void TcpSyslogWitness::closeSocket() noexcept
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

Status TcpSyslogWitness::connectSocket()
{
    const std::string where = "the audit witness " + m_address.text();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    AddrInfo found;
    const std::string port = std::to_string(m_address.port);
    if (const int rc = ::getaddrinfo(m_address.host.c_str(), port.c_str(), &hints, &found.list); rc != 0)
        return makeError(ErrorCode::StorageError, "cannot resolve " + where + ": " + ::gai_strerror(rc));
    std::string lastError = "no address";
    for (addrinfo* a = found.list; a != nullptr; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0) {
            lastError = std::strerror(errno);
            continue;
        }
        int rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            rc = ::poll(&p, 1, timeoutMs(m_timeout));
            int soError = 0;
            socklen_t len = sizeof soError;
            if (rc == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len) == 0 && soError == 0) {
                rc = 0;
            } else {
                lastError = rc == 0 ? "timed out" : std::strerror(soError != 0 ? soError : errno);
                rc = -1;
            }
        } else if (rc != 0) {
            lastError = std::strerror(errno);
        }
        if (rc == 0) {
            m_fd = fd;
            return {};
        }
        ::close(fd);
    }
    return makeError(ErrorCode::StorageError, "cannot connect to " + where + ": " + lastError);
}

Status TcpSyslogWitness::sendAll(const std::string& frame)
{
    std::size_t done = 0;
    while (done < frame.size()) {
        const ssize_t n = ::send(m_fd, frame.data() + done, frame.size() - done, MSG_NOSIGNAL);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p{m_fd, POLLOUT, 0};
            if (::poll(&p, 1, timeoutMs(m_timeout)) == 1)
                continue;
            return makeError(ErrorCode::StorageError,
                             "writing to the audit witness " + m_address.text() + " timed out");
        }
        return makeError(ErrorCode::StorageError,
                         "writing to the audit witness " + m_address.text() + " failed: " + std::strerror(errno));
    }
    return {};
}

Status TcpSyslogWitness::deliver(std::span<const std::string> messages)
{
    std::string frames;
    for (const auto& m : messages)
        frames += std::to_string(m.size()) + " " + m; // RFC 6587 section 3.4.1: MSG-LEN SP SYSLOG-MSG
    // A connection the collector closed is noticed only at the next write (or as readable EOF):
    // check for that first, then reconnect once.
    if (m_fd >= 0) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, 0) == 1) {
            char probe = 0;
            if (::recv(m_fd, &probe, 1, MSG_PEEK | MSG_DONTWAIT) <= 0)
                closeSocket();
        }
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (m_fd < 0)
            CC_TRY(connectSocket());
        Status sent = sendAll(frames);
        if (sent.ok())
            return {};
        closeSocket();
        if (attempt == 1)
            return sent;
    }
    return {};
}

} // namespace cc::db
