// SPDX-License-Identifier: GPL-3.0-or-later
// A recursive-descent reader of the UCUM grammar (UCUM specification 2.1, §2).
#include "core/interop/Ucum.h"

#include <string>

namespace cc::interop {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// §2.1 rule 3: terminal symbols exclude " ( ) + - . / = [ ] { } (brackets only as groups).
bool isSymbolChar(char c)
{
    if (c < 33 || c > 126)
        return false;
    switch (c) {
    case '"':
    case '(':
    case ')':
    case '+':
    case '-':
    case '.':
    case '/':
    case '=':
    case '[':
    case ']':
    case '{':
    case '}':
        return false;
    default:
        return true;
    }
}

class UcumParser
{
public:
    explicit UcumParser(std::string text) : m_text(std::move(text)) {}

    Status mainTerm()
    {
        if (m_text.empty())
            return fail("is empty");
        for (char c : m_text)
            if (c < 33 || c > 126)
                return fail("holds a blank or a character outside printable ASCII");
        if (peek() == '/')
            ++m_pos;
        CC_TRY(term());
        if (m_pos != m_text.size())
            return fail(std::string("has an unexpected '") + m_text[m_pos] + "'");
        return {};
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    Error fail(const std::string& what) const
    {
        return malformed("unit \"" + m_text.substr(0, 64) + "\" is not UCUM: " + what + " (at character " +
                             std::to_string(m_pos + 1) + ")",
                         {}, 0, "unit");
    }

    // term ::= component (("." | "/") component)*  — the left recursion read as a loop.
    Status term()
    {
        CC_TRY(component());
        while (peek() == '.' || peek() == '/') {
            ++m_pos;
            CC_TRY(component());
        }
        return {};
    }

    Status component()
    {
        if (m_depth > 32)
            return fail("nests parentheses too deeply");
        const char c = peek();
        if (c == '(') {
            ++m_pos;
            ++m_depth;
            CC_TRY(term());
            --m_depth;
            if (peek() != ')')
                return fail("misses a closing parenthesis");
            ++m_pos;
            return {};
        }
        if (c == '{')
            return annotation();
        if (c == '\0')
            return fail("ends where a unit is expected");
        auto factor = annotatableOrFactor();
        CC_TRY(factor);
        if (peek() == '{') {
            if (*factor)
                return fail("annotates a number (only a unit takes an annotation)");
            return annotation();
        }
        return {};
    }

    Status annotation()
    {
        ++m_pos; // "{"
        while (m_pos < m_text.size() && m_text[m_pos] != '}') {
            if (m_text[m_pos] == '{')
                return fail("opens an annotation inside an annotation");
            ++m_pos;
        }
        if (m_pos == m_text.size())
            return fail("misses the closing brace of an annotation");
        ++m_pos; // "}"
        return {};
    }

    // A run of symbol characters and bracket groups; its trailing [sign] digits are the exponent.
    // The run alone being digits is a factor (which takes no exponent or annotation by the BNF).
    /// True if the component read was a factor.
    Result<bool> annotatableOrFactor()
    {
        const std::size_t start = m_pos;
        std::size_t lastNonDigit = std::string::npos; // last character of the symbol proper
        bool allDigits = true;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '[') {
                const std::size_t open = m_pos;
                ++m_pos;
                while (m_pos < m_text.size() && m_text[m_pos] != ']') {
                    if (m_text[m_pos] == '[')
                        return fail("opens a square bracket inside another");
                    ++m_pos;
                }
                if (m_pos == m_text.size()) {
                    m_pos = open;
                    return fail("misses a closing square bracket");
                }
                if (m_pos == open + 1)
                    return fail("has empty square brackets");
                lastNonDigit = m_pos;
                allDigits = false;
                ++m_pos;
            } else if (isSymbolChar(c)) {
                if (!isDigit(c)) {
                    lastNonDigit = m_pos;
                    allDigits = false;
                }
                ++m_pos;
            } else {
                break;
            }
        }
        if (m_pos == start)
            return fail("has no unit symbol where one is expected");
        if (allDigits) {
            // A factor; a sign right after it would make an exponent without a symbol.
            if (peek() == '+' || peek() == '-')
                return fail("gives an exponent to a number");
            return true;
        }
        const bool hasExponentDigits = lastNonDigit + 1 < m_pos;
        if (peek() == '+' || peek() == '-') {
            // A signed exponent: the symbol must end right before the sign.
            if (hasExponentDigits)
                return fail("has a sign inside an exponent");
            ++m_pos;
            if (!isDigit(peek()))
                return fail("has a sign without exponent digits");
            while (isDigit(peek()))
                ++m_pos;
        }
        return false;
    }

    std::string m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

Status checkUcumSyntax(const QString& unit)
{
    for (const QChar c : unit)
        if (c.unicode() > 126)
            return malformed("unit \"" + unit.left(32).toStdString() +
                                 "\" is not UCUM: it holds a character outside ASCII",
                             {}, 0, "unit");
    return UcumParser(unit.toLatin1().toStdString()).mainTerm();
}

} // namespace cc::interop
