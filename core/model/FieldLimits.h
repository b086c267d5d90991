// SPDX-License-Identifier: GPL-3.0-or-later
// Size limits of document fields, in UTF-8 bytes, enforced by every decoder and importer.
#pragma once

#include <cstddef>

namespace cc::model {

/// Limits bound what one document may make the application allocate and display; they are
/// generous for real records and refuse pathological input (a 10 MB "name").
namespace limits {
inline constexpr std::size_t kName = 200;                 ///< a given, family, prefix or suffix name, an author
inline constexpr std::size_t kIdentifier = 64;            ///< MRN, source id, code, unit, status tokens
inline constexpr std::size_t kDisplay = 1024;             ///< a code's display text, a title, a description
inline constexpr std::size_t kAddress = 512;              ///< an address line, city, state
inline constexpr std::size_t kPhone = 40;                 ///< a phone number
inline constexpr std::size_t kEmail = 254;                ///< RFC 5321 section 4.5.3.1.3 path limit
inline constexpr std::size_t kText = 64 * 1024;           ///< a textual observation value
inline constexpr std::size_t kNote = 1024 * 1024;         ///< a clinical note's text
inline constexpr std::size_t kFileName = 255;             ///< an attachment's file name
inline constexpr std::size_t kDocument = 4 * 1024 * 1024; ///< a whole encoded document
inline constexpr std::size_t kComponents = 32;            ///< components of one observation
inline constexpr std::size_t kReactions = 16;             ///< reactions of one allergy
} // namespace limits

} // namespace cc::model
