// SPDX-License-Identifier: GPL-3.0-or-later
// A real rsyslog collector for tests: its own rsyslogd (no system service) with its own config
// file, listening on a free TCP port on 127.0.0.1 and writing every message to one file.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cc::test {

/// Starts `rsyslogd -n -f <own config>` (packaging/install-deps.sh installs rsyslog). The
/// destructor stops exactly the process it started.
class RsyslogCollector
{
public:
    static constexpr const char* kDaemon = "/usr/sbin/rsyslogd";

    /// True once the daemon listens. `error()` says why not.
    bool start()
    {
        if (!QFile::exists(kDaemon)) {
            m_error = "rsyslogd is not installed (packaging/install-deps.sh installs rsyslog)";
            return false;
        }
        if (!m_dir.isValid()) {
            m_error = "no temporary folder";
            return false;
        }
        m_port = freePort(); // free right now; rsyslogd binds it a moment later
        if (m_port == 0) {
            m_error = "no free TCP port";
            return false;
        }
        const QString config = m_dir.filePath(QStringLiteral("rsyslog.conf"));
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        // RFC 6587 octet-counted framing is on by default in imtcp. RSYSLOG_SyslogProtocol23Format
        // writes RFC 5424 lines, structured data included.
        f.write(QStringLiteral("global(workDirectory=\"%1\")\n"
                               "module(load=\"imtcp\")\n"
                               "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"%2\")\n"
                               "*.* action(type=\"omfile\" file=\"%3\" template=\"RSYSLOG_SyslogProtocol23Format\")\n")
                    .arg(m_dir.path())
                    .arg(m_port)
                    .arg(logPath())
                    .toUtf8());
        f.close();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(QString::fromLatin1(kDaemon),
                         {QStringLiteral("-n"), QStringLiteral("-f"), config, QStringLiteral("-i"),
                          m_dir.filePath(QStringLiteral("rsyslogd.pid"))});
        if (!m_process->waitForStarted(10000)) {
            m_error = "rsyslogd did not start";
            return false;
        }
        // Listening when a connection succeeds.
        for (int i = 0; i < 100; ++i) {
            if (canConnect(m_port))
                return true;
            if (m_process->state() != QProcess::Running)
                break;
            QTest::qWait(100);
        }
        m_error = "rsyslogd does not listen: " + QString::fromUtf8(m_process->readAll()).toStdString();
        return false;
    }

    ~RsyslogCollector()
    {
        if (m_process && m_process->state() == QProcess::Running) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000))
                m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    [[nodiscard]] std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }
    [[nodiscard]] QString logPath() const { return m_dir.filePath(QStringLiteral("witness.log")); }
    [[nodiscard]] const std::string& error() const { return m_error; }

    /// The collector's file as it is now.
    [[nodiscard]] std::string log() const
    {
        QFile f(logPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
    }

    /// Waits (up to 10 s) until the file holds at least `count` lines with `marker`.
    bool waitForLines(const std::string& marker, int count) const
    {
        for (int i = 0; i < 200; ++i) {
            const std::string text = log();
            int found = 0;
            for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1))
                ++found;
            if (found >= count)
                return true;
            QTest::qWait(50);
        }
        return false;
    }

private:
    static sockaddr_in loopback(quint16 port)
    {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return a;
    }
    static quint16 freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a = loopback(0);
        socklen_t len = sizeof a;
        quint16 port = 0;
        if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
            port = ntohs(a.sin_port);
        if (fd >= 0)
            ::close(fd);
        return port;
    }
    static bool canConnect(quint16 port)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a = loopback(port);
        const bool ok = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        if (fd >= 0)
            ::close(fd);
        return ok;
    }

    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
    std::string m_error;
};

} // namespace cc::test
