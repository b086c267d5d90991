// SPDX-License-Identifier: GPL-3.0-or-later
// Commands over FHIR R4: `import fhir` and `export fhir` (docs/FHIR.md).
#pragma once

#include "app/cli/CommandRegistry.h"

namespace cc::cli {

/// `import fhir PATH...` and `export fhir --patient MRN --out FILE`.
void registerFhirCommands(CommandRegistry& registry);

} // namespace cc::cli
