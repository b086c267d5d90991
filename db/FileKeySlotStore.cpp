// SPDX-License-Identifier: GPL-3.0-or-later
// The key-slot file: KeySlotFile's own format (docs/KEYS.md), written with the atomic-replace recipe.
#include "db/FileKeySlotStore.h"

#include "db/AtomicFile.h"

#include <utility>

namespace cc::db {

FileKeySlotStore::FileKeySlotStore(std::string path) : m_path(std::move(path)) {}

namespace {

// The clinic's own file, written only by CipherChart with a checksum: one that does not parse (or
// is far larger than any key-slot file) was damaged or altered, an integrity failure (exit 3,
// audited as such at login), not a user's malformed input (issue 13 item 6).
Error damagedOrAltered(Error error, const std::string& path)
{
    error.file = path;
    if (error.code != ErrorCode::MalformedInput) {
        error.message += " (" + path + ")";
        return error;
    }
    error.code = ErrorCode::IntegrityFailure;
    error.message = "the key-slot file " + path + " is damaged or was altered (" + error.message +
                    "): restore it from the latest backup";
    return error;
}

} // namespace

Result<access::KeySlotFile> FileKeySlotStore::load() const
{
    auto bytes = readFile(m_path, kMaxSize);
    if (!bytes.ok()) {
        Error error = std::move(bytes).error();
        if (error.code == ErrorCode::NotFound) {
            error.message = "no key-slot file at " + m_path;
            return error;
        }
        if (error.code == ErrorCode::MalformedInput)
            return damagedOrAltered(std::move(error), m_path);
        return error;
    }
    auto file = access::KeySlotFile::parse(*bytes);
    if (!file.ok())
        return damagedOrAltered(std::move(file).error(), m_path);
    return file;
}

Status FileKeySlotStore::save(const access::KeySlotFile& file)
{
    const std::vector<std::uint8_t> bytes = file.serialise();
    return writeFileAtomically(m_path, bytes);
}

} // namespace cc::db
