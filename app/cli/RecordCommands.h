// SPDX-License-Identifier: GPL-3.0-or-later
// Commands over patient records: import, patient list/show, observation list.
#pragma once

#include "app/cli/CommandRegistry.h"
#include "core/interop/ImportSummary.h"

namespace cc::cli {

/// `import synthea`, `import actg315`, `patient list`, `patient show`, `observation list`, and the
/// FHIR commands (FhirCommands.h).
void registerRecordCommands(CommandRegistry& registry);

/// Prints an import summary: counts per record type and every skipped row with its reason (as a
/// JSON object with --json). Shared by `import` and `demo`.
void printImportSummary(const interop::ImportSummary& summary, Io& io);

} // namespace cc::cli
