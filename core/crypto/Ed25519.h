// SPDX-License-Identifier: GPL-3.0-or-later
// Ed25519 signatures (RFC 8032): both key types in one include.
#pragma once

#include "core/crypto/Ed25519PrivateKey.h" // IWYU pragma: export
#include "core/crypto/Ed25519PublicKey.h"  // IWYU pragma: export
