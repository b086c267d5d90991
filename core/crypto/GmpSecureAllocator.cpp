// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/GmpSecureAllocator.h"

#include <gmp.h>
#include <sodium.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cc::crypto {
namespace {

std::atomic<bool> g_installed{false};

void* wipingAlloc(std::size_t size)
{
    void* p = std::malloc(size);
    if (p == nullptr) {
        std::fputs("cipherchart: fatal: out of memory in GMP\n", stderr);
        std::abort();
    }
    return p;
}

void wipingFree(void* ptr, std::size_t size)
{
    if (ptr == nullptr)
        return;
    // GMP passes the block's size, so the whole limb array is wiped before release.
    sodium_memzero(ptr, size);
    std::free(ptr);
}

void* wipingRealloc(void* ptr, std::size_t oldSize, std::size_t newSize)
{
    // Never realloc in place: the old block could be released unwiped.
    void* fresh = wipingAlloc(newSize);
    if (ptr != nullptr) {
        std::memcpy(fresh, ptr, oldSize < newSize ? oldSize : newSize);
        wipingFree(ptr, oldSize);
    }
    return fresh;
}

} // namespace

void installWipingGmpAllocator()
{
    if (g_installed.exchange(true))
        return;
    mp_set_memory_functions(&wipingAlloc, &wipingRealloc, &wipingFree);
}

bool wipingGmpAllocatorInstalled()
{
    return g_installed.load();
}

} // namespace cc::crypto
