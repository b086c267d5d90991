// SPDX-License-Identifier: GPL-3.0-or-later
// One small function per parser (as Botan's src/fuzzer): built as a libFuzzer binary in the fuzz
// preset, and registered with the replay driver (FuzzReplay.cpp) in every other build.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>

namespace cc::fuzz {

/// A fuzz entry: parses `data` however it likes; a crash, sanitizer report or failed
/// CC_FUZZ_CHECK is a finding, every returned error is fine.
using Entry = void (*)(std::span<const std::uint8_t> data);

/// Replay build only: makes `entry` reachable as `name` from the command line.
bool registerTarget(const char* name, Entry entry);

/// The input as text (parsers of text formats).
inline std::string_view asText(std::span<const std::uint8_t> data)
{
    return {reinterpret_cast<const char*>(data.data()), data.size()};
}

/// Stops with a message: an invariant of a successful parse does not hold.
[[noreturn]] inline void checkFailed(const char* what, const char* file, int line)
{
    std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, what);
    std::abort();
}

} // namespace cc::fuzz

#define CC_FUZZ_CHECK(cond)                                                                                            \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::cc::fuzz::checkFailed(#cond, __FILE__, __LINE__);                                                        \
    } while (false)

#if defined(CC_FUZZ_LIBFUZZER)
#define CC_FUZZ_TARGET(name)                                                                                           \
    static void ccFuzz_##name(std::span<const std::uint8_t> data);                                                     \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)                                  \
    {                                                                                                                  \
        ccFuzz_##name(std::span<const std::uint8_t>(data, size));                                                      \
        return 0;                                                                                                      \
    }                                                                                                                  \
    static void ccFuzz_##name(std::span<const std::uint8_t> data)
#else
#define CC_FUZZ_TARGET(name)                                                                                           \
    static void ccFuzz_##name(std::span<const std::uint8_t> data);                                                     \
    [[maybe_unused]] static const bool ccFuzzRegistered_##name = ::cc::fuzz::registerTarget(#name, &ccFuzz_##name);    \
    static void ccFuzz_##name(std::span<const std::uint8_t> data)
#endif
