// SPDX-License-Identifier: GPL-3.0-or-later
// UCUM syntax check: the grammar of the Unified Code for Units of Measure, case-sensitive form.
#pragma once

#include "core/Result.h"

#include <QString>

namespace cc::interop {

/// Checks that `unit` is a well-formed case-sensitive UCUM expression by the grammar of the
/// UCUM specification (version 2.1, §2 "Syntax rules" and its Backus–Naur form):
///
///     main-term   ::= "/" term | term
///     term        ::= term "." component | term "/" component | component
///     component   ::= annotatable annotation | annotatable | annotation | factor | "(" term ")"
///     annotatable ::= simple-unit exponent | simple-unit
///     exponent    ::= sign digits | digits        factor ::= digits
///     annotation  ::= "{" ANNOTATION-STRING "}"
///
/// with the lexical rules of §2.1: only 7-bit ASCII 33–126, no blanks; a terminal symbol never
/// contains " ( ) + - . / = { } and takes square brackets only as balanced groups ("mm[Hg]",
/// "[in_i]") inside which any character but brackets may appear; a symbol is not digits only and
/// its trailing digits are its exponent ("m2", "10*3"); an annotation holds any character 33–126
/// but curly braces. This is a syntax check: it does not hold UCUM's table of atoms, so "mmHg"
/// is well formed (and is a different unit from "mm[Hg]"). MalformedInput, field "unit", naming
/// the position and what is wrong.
[[nodiscard]] Status checkUcumSyntax(const QString& unit);

} // namespace cc::interop
