// SPDX-License-Identifier: GPL-3.0-or-later
// The audit anchor file: AuditAnchor's own text form, written with the atomic-replace recipe.
#include "db/FileAnchorSink.h"

#include "db/AtomicFile.h"

#include <utility>

namespace cc::db {

FileAnchorSink::FileAnchorSink(std::string path) : m_path(std::move(path)) {}

Status FileAnchorSink::write(const audit::AuditAnchor& anchor)
{
    const std::string text = anchor.encode();
    const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
    return writeFileAtomically(m_path, std::span<const std::uint8_t>(data, text.size()));
}

Result<audit::AuditAnchor> FileAnchorSink::read() const
{
    auto bytes = readFile(m_path, kMaxSize);
    if (!bytes.ok()) {
        Error error = std::move(bytes).error();
        if (error.code == ErrorCode::NotFound)
            error.message = "no audit anchor at " + m_path;
        return error;
    }
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    auto anchor = audit::AuditAnchor::parse(text);
    if (!anchor.ok()) {
        // The parser knows the field, not the file: name the file so an administrator finds it.
        Error error = std::move(anchor).error();
        error.file = m_path;
        return error;
    }
    return anchor;
}

} // namespace cc::db
