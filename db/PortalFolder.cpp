// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/PortalFolder.h"

#include "db/AtomicFile.h"
#include "db/FileSystem.h"

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <system_error>

namespace cc::db {

namespace {

constexpr std::string_view kPortalSuffix = ".ccp";
constexpr std::string_view kActivitySuffix = ".activity";
constexpr std::string_view kConsentSuffix = ".consent";
// m-<time in µs, 17 digits, strictly increasing in this process>-<patient, 32 hex>-<random, 16 hex><suffix>
// (name order is application order: two messages posted in the same millisecond keep theirs)
constexpr std::size_t kTimeDigits = 17, kHexId = 32, kHexRandom = 16;
constexpr std::size_t kMessageStem = 2 + kTimeDigits + 1 + kHexId + 1 + kHexRandom;

std::string hexOf(std::span<const std::uint8_t> bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

std::optional<access::PatientId> patientFromHex(std::string_view hex)
{
    if (hex.size() != kHexId)
        return std::nullopt;
    access::PatientId out{};
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto nibble = [](char c) -> int {
            if (c >= '0' && c <= '9')
                return c - '0';
            if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
            return -1;
        };
        const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    return out;
}

std::string_view suffixOf(ports::PortalMessageKind kind)
{
    return kind == ports::PortalMessageKind::Consent ? kConsentSuffix : kActivitySuffix;
}

/// The message a file name describes, or nullopt if the name is not a message's.
std::optional<ports::PortalMessage> parseName(const std::string& name)
{
    if (name.size() <= kMessageStem || name.rfind("m-", 0) != 0)
        return std::nullopt;
    const std::string_view suffix = std::string_view(name).substr(kMessageStem);
    ports::PortalMessage out;
    if (suffix == kActivitySuffix)
        out.kind = ports::PortalMessageKind::Activity;
    else if (suffix == kConsentSuffix)
        out.kind = ports::PortalMessageKind::Consent;
    else
        return std::nullopt;
    const std::string_view stem(name.data(), kMessageStem);
    if (stem[2 + kTimeDigits] != '-' || stem[2 + kTimeDigits + 1 + kHexId] != '-')
        return std::nullopt;
    auto patient = patientFromHex(stem.substr(2 + kTimeDigits + 1, kHexId));
    if (!patient)
        return std::nullopt;
    out.patient = *patient;
    out.name = name;
    return out;
}

Error listError(const std::string& dir, const std::error_code& ec)
{
    return makeError(ErrorCode::StorageError, "cannot list the portal folder (" + dir + "): " + ec.message());
}

} // namespace

PortalFolder::PortalFolder(std::string dir) : m_dir(std::move(dir)) {}

Status PortalFolder::ensureFolder() const
{
    if (::mkdir(m_dir.c_str(), 0700) == 0)
        return detail::syncFolderOf(m_dir);
    if (errno == EEXIST)
        return {};
    return detail::writeErrnoError(errno, "cannot create the portal folder", m_dir);
}

std::string PortalFolder::portalPath(const access::PatientId& patient) const
{
    return m_dir + "/" + hexOf(patient) + std::string(kPortalSuffix);
}

Result<std::optional<std::vector<std::uint8_t>>> PortalFolder::readPortal(const access::PatientId& patient) const
{
    auto bytes = readFile(portalPath(patient), kMaxPortalSize);
    if (!bytes && bytes.error().code == ErrorCode::NotFound)
        return std::optional<std::vector<std::uint8_t>>{};
    CC_TRY(bytes);
    return std::optional<std::vector<std::uint8_t>>(std::move(*bytes));
}

Status PortalFolder::writePortal(const access::PatientId& patient, std::span<const std::uint8_t> bytes)
{
    if (bytes.size() > kMaxPortalSize)
        return makeError(ErrorCode::InvalidArgument, "a portal file may hold at most 64 MiB");
    CC_TRY(ensureFolder());
    return writeFileAtomically(portalPath(patient), bytes);
}

Status PortalFolder::removePortal(const access::PatientId& patient)
{
    auto all = messages(patient);
    CC_TRY(all);
    for (const auto& m : *all)
        CC_TRY(removeMessage(m.name));
    std::error_code ec;
    std::filesystem::remove(portalPath(patient), ec);
    if (ec)
        return makeError(ErrorCode::StorageError, "cannot remove " + portalPath(patient) + ": " + ec.message());
    return detail::syncFolderOf(portalPath(patient));
}

Status PortalFolder::postMessage(const access::PatientId& patient, ports::PortalMessageKind kind,
                                 std::span<const std::uint8_t> sealed)
{
    if (sealed.empty() || sealed.size() > kMaxMessageSize)
        return makeError(ErrorCode::InvalidArgument, "a portal message must hold 1 byte to 64 KiB");
    CC_TRY(ensureFolder());
    // Strictly increasing within the process (one process holds the clinic at a time), so that a
    // later message never sorts before an earlier one.
    static std::mutex mutex;
    static std::int64_t last = 0;
    std::int64_t now =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    {
        const std::lock_guard<std::mutex> lock(mutex);
        now = std::max(now, last + 1);
        last = now;
    }
    std::array<std::uint8_t, kHexRandom / 2> random{};
    randombytes_buf(random.data(), random.size());
    char time[24];
    std::snprintf(time, sizeof time, "%017lld",
                  static_cast<long long>(std::clamp<std::int64_t>(now, 0, 99999999999999999)));
    const std::string name =
        "m-" + std::string(time) + "-" + hexOf(patient) + "-" + hexOf(random) + std::string(suffixOf(kind));
    const std::string path = m_dir + "/" + name;
    if (detail::pathExists(path))
        return makeError(ErrorCode::AlreadyExists, "portal message exists: " + path);
    return writeFileAtomically(path, sealed);
}

Result<std::vector<ports::PortalMessage>> PortalFolder::messages(const std::optional<access::PatientId>& patient) const
{
    std::vector<ports::PortalMessage> out;
    std::error_code ec;
    if (!std::filesystem::exists(m_dir, ec))
        return out;
    std::vector<ports::PortalMessage> found;
    for (std::filesystem::directory_iterator it(m_dir, ec), end; !ec && it != end; it.increment(ec)) {
        auto message = parseName(it->path().filename().string());
        if (!message || (patient && message->patient != *patient))
            continue;
        found.push_back(std::move(*message));
    }
    if (ec)
        return listError(m_dir, ec);
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    if (found.size() > kMaxMessages)
        found.resize(kMaxMessages);
    for (auto& m : found) {
        auto bytes = readFile(m_dir + "/" + m.name, kMaxMessageSize);
        if (!bytes && bytes.error().code == ErrorCode::NotFound)
            continue; // applied meanwhile by another session
        CC_TRY(bytes);
        m.bytes = std::move(*bytes);
        out.push_back(std::move(m));
    }
    return out;
}

Result<std::size_t> PortalFolder::countMessages(ports::PortalMessageKind kind) const
{
    std::size_t count = 0;
    std::error_code ec;
    if (!std::filesystem::exists(m_dir, ec))
        return count;
    for (std::filesystem::directory_iterator it(m_dir, ec), end; !ec && it != end; it.increment(ec)) {
        auto message = parseName(it->path().filename().string());
        if (message && message->kind == kind)
            ++count;
    }
    if (ec)
        return listError(m_dir, ec);
    return count;
}

Status PortalFolder::removeMessage(const std::string& name)
{
    if (!parseName(name))
        return makeError(ErrorCode::InvalidArgument, "not a portal message name: " + name);
    const std::string path = m_dir + "/" + name;
    if (::unlink(path.c_str()) != 0) {
        if (errno == ENOENT)
            return makeError(ErrorCode::NotFound, "no portal message " + path);
        return detail::writeErrnoError(errno, "cannot remove", path);
    }
    return detail::syncFolderOf(path);
}

} // namespace cc::db
