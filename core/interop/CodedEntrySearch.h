// SPDX-License-Identifier: GPL-3.0-or-later
// Search over the bundled code subset for the chart's coded entries (problems, medications,
// allergies and reactions): resources/terminology/coded-entries.tsv, documented with its sources
// and licences in resources/terminology/README.md. A code picked here is still checked by the
// model (isValidCode); anything not found is entered as free text and marked uncoded.
#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace cc::interop {

/// Which form a code is offered in.
enum class CodedEntryKind { Condition, Medication, Allergen, Reaction };

/// One code of the subset.
struct CodedEntry
{
    CodedEntryKind kind = CodedEntryKind::Condition;
    QString system; ///< FHIR system URI (model::codesystem)
    QString code;
    QString display;
    QString source; ///< "synthea", "fhir" or "icd10cm" (README.md)
};

/// The bundled subset, indexed for word-prefix search.
class CodedEntrySearch
{
public:
    /// Parses the TSV text (header line starting with '#', then kind, system, code, display,
    /// source separated by tabs). MalformedInput naming `name`, the line and the field.
    [[nodiscard]] static Result<CodedEntrySearch> fromTsv(const QByteArray& tsv, const QString& name);

    /// The subset compiled into the application (Qt resource). A broken table yields an empty
    /// search and the error is logged once; the forms then accept free text only.
    [[nodiscard]] static const CodedEntrySearch& builtIn();

    /// Up to `limit` entries of `kind` matching `query`, best first. A query matches an entry when
    /// it is a prefix of the code (case-insensitive, the dot of ICD-10 codes optional) or when every
    /// word of the query is a prefix of some word of the display. Ranking: exact code, code prefix,
    /// display starting with the query, then the shorter display; ties by code.
    [[nodiscard]] std::vector<const CodedEntry*> search(CodedEntryKind kind, QStringView query,
                                                        std::size_t limit = 50) const;

    /// The entry with exactly this system and code, or nullptr.
    [[nodiscard]] const CodedEntry* find(CodedEntryKind kind, QStringView system, QStringView code) const;

    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
    struct Indexed
    {
        CodedEntry entry;
        QString codeKey;            ///< code, case-folded, without dots
        QString displayKey;         ///< display, case-folded
        std::vector<QString> words; ///< display words, case-folded
    };
    std::vector<Indexed> m_entries;
};

} // namespace cc::interop
