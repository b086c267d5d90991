# SPDX-License-Identifier: GPL-3.0-or-later
# Warnings, hardening and sanitizer flags shared by every target (cc_apply_settings).

add_library(cc_settings INTERFACE)
target_compile_options(cc_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wsign-conversion -Wno-sign-conversion -Wformat=2 -Wimplicit-fallthrough)
if(CC_WERROR)
    target_compile_options(cc_settings INTERFACE -Werror)
endif()

if(CC_HARDENING)
    # Hardening as Debian's dpkg-buildflags "hardening=+all": FORTIFY needs optimisation to act.
    target_compile_options(cc_settings INTERFACE -fstack-protector-strong -fstack-clash-protection
        -fcf-protection $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2>)
    target_link_options(cc_settings INTERFACE -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    include(CheckPIESupported)
    check_pie_supported()
endif()

if(CC_SANITIZE)
    target_compile_options(cc_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(cc_settings INTERFACE -fsanitize=address,undefined)
endif()

if(CC_FUZZ)
    # Coverage for libFuzzer everywhere; the fuzz executables link -fsanitize=fuzzer (tests/fuzz).
    target_compile_options(cc_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined
        -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(cc_settings INTERFACE -fsanitize=address,undefined)
endif()
