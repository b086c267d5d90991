// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/PatientDirectory.h"

#include "core/crypto/SecureBytes.h"

#include <QByteArray>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <utility>

namespace cc::services {

namespace {

/// Separates the lower-cased search fields, so a query cannot match across two of them.
constexpr std::uint8_t kSeparator = 0x1f;
/// Entries are packed into chunks of this size (one mlock and one wipe per chunk, not per patient).
constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

/// The identity fields in the order they are stored (sex is one byte before them; the MRN first).
constexpr std::array<QString model::Patient::*, 16> kFields{
    &model::Patient::mrn,         &model::Patient::givenName,  &model::Patient::familyName, &model::Patient::prefix,
    &model::Patient::suffix,      &model::Patient::maidenName, &model::Patient::birthDate,  &model::Patient::deathDate,
    &model::Patient::addressLine, &model::Patient::city,       &model::Patient::state,      &model::Patient::postalCode,
    &model::Patient::country,     &model::Patient::phone,      &model::Patient::email,      &model::Patient::sourceId};

/// A QByteArray we own, wiped when it goes out of scope (the temporaries of put() and search()).
struct WipedUtf8
{
    QByteArray bytes;
    explicit WipedUtf8(const QString& s) : bytes(s.toUtf8()) {}
    ~WipedUtf8()
    {
        if (!bytes.isEmpty())
            crypto::secureWipe(bytes.data(), static_cast<std::size_t>(bytes.size()));
    }
    WipedUtf8(const WipedUtf8&) = delete;
    WipedUtf8& operator=(const WipedUtf8&) = delete;
};

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

std::uint32_t getU32(const std::uint8_t* p)
{
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

} // namespace

struct PatientDirectory::Entry
{
    access::PatientId id{};
    std::uint32_t chunk = 0;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    std::uint32_t searchLength = 0; ///< the lower-cased search text comes first
    bool live = true;
};

struct PatientDirectory::Chunks
{
    std::vector<crypto::SecureBytes> chunks;
    std::size_t used = 0; ///< bytes used in the last chunk
};

PatientDirectory::PatientDirectory() : m_chunks(std::make_unique<Chunks>()) {}

PatientDirectory::~PatientDirectory()
{
    clear();
}

void PatientDirectory::clear() noexcept
{
    for (auto& c : m_chunks->chunks)
        c.clear();
    m_chunks->chunks.clear();
    m_chunks->used = 0;
    m_entries.clear();
    m_index.clear();
    m_built = false;
    ++m_epoch;
}

void PatientDirectory::swapContents(PatientDirectory& other) noexcept
{
    std::swap(m_chunks, other.m_chunks);
    std::swap(m_entries, other.m_entries);
    std::swap(m_index, other.m_index);
    std::swap(m_built, other.m_built);
}

void PatientDirectory::put(const model::Patient& patient)
{
    // Serialise into a scratch vector that is wiped before it is released.
    std::vector<std::uint8_t> bytes;
    bytes.reserve(512);
    const QString* searchable[] = {&patient.givenName, &patient.familyName, &patient.maidenName, &patient.mrn};
    for (const QString* field : searchable) {
        if (!bytes.empty())
            bytes.push_back(kSeparator);
        const WipedUtf8 lower(field->toLower());
        bytes.insert(bytes.end(), lower.bytes.begin(), lower.bytes.end());
    }
    const auto searchLength = static_cast<std::uint32_t>(bytes.size());
    bytes.push_back(static_cast<std::uint8_t>(patient.sex));
    for (const auto field : kFields) {
        const WipedUtf8 utf8(patient.*field);
        putU32(bytes, static_cast<std::uint32_t>(utf8.bytes.size()));
        bytes.insert(bytes.end(), utf8.bytes.begin(), utf8.bytes.end());
    }

    auto& store = *m_chunks;
    if (store.chunks.empty() || store.used + bytes.size() > store.chunks.back().size()) {
        store.chunks.emplace_back(std::max(kChunkBytes, bytes.size()));
        store.used = 0;
    }
    Entry entry;
    entry.id = patient.id;
    entry.chunk = static_cast<std::uint32_t>(store.chunks.size() - 1);
    entry.offset = static_cast<std::uint32_t>(store.used);
    entry.length = static_cast<std::uint32_t>(bytes.size());
    entry.searchLength = searchLength;
    std::memcpy(store.chunks.back().data() + store.used, bytes.data(), bytes.size());
    store.used += bytes.size();
    crypto::secureWipe(bytes.data(), bytes.size());

    const auto [it, inserted] = m_index.try_emplace(patient.id, m_entries.size());
    if (!inserted) {
        Entry& old = m_entries[it->second];
        crypto::secureWipe(store.chunks[old.chunk].data() + old.offset, old.length);
        old.live = false;
        it->second = m_entries.size();
    }
    m_entries.push_back(entry);
}

model::Patient PatientDirectory::decode(const Entry& entry) const
{
    const std::uint8_t* p = m_chunks->chunks[entry.chunk].data() + entry.offset + entry.searchLength;
    model::Patient out;
    out.id = entry.id;
    out.sex = static_cast<model::Sex>(*p++);
    for (const auto field : kFields) {
        const std::uint32_t n = getU32(p);
        p += 4;
        out.*field = QString::fromUtf8(reinterpret_cast<const char*>(p), static_cast<qsizetype>(n));
        p += n;
    }
    return out;
}

std::vector<model::Patient> PatientDirectory::search(const QString& search,
                                                     const std::vector<access::PatientId>* allowed) const
{
    const WipedUtf8 query(search.toLower());
    const std::string_view needle(query.bytes.constData(), static_cast<std::size_t>(query.bytes.size()));
    std::vector<model::Patient> out;
    if (needle.find(static_cast<char>(kSeparator)) != std::string_view::npos)
        return out; // no name or MRN holds the separator
    for (const Entry& e : m_entries) {
        if (!e.live)
            continue;
        if (!needle.empty()) {
            const auto* text = reinterpret_cast<const char*>(m_chunks->chunks[e.chunk].data() + e.offset);
            if (std::string_view(text, e.searchLength).find(needle) == std::string_view::npos)
                continue;
        }
        if (allowed != nullptr && !std::binary_search(allowed->begin(), allowed->end(), e.id))
            continue;
        out.push_back(decode(e));
    }
    return out;
}

std::set<QString> PatientDirectory::mrns() const
{
    std::set<QString> out;
    for (const Entry& e : m_entries) {
        if (!e.live)
            continue;
        // The MRN is the first stored field, right after the sex byte.
        const std::uint8_t* p = m_chunks->chunks[e.chunk].data() + e.offset + e.searchLength + 1;
        out.insert(QString::fromUtf8(reinterpret_cast<const char*>(p + 4), static_cast<qsizetype>(getU32(p))));
    }
    return out;
}

} // namespace cc::services
