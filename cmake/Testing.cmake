# SPDX-License-Identifier: GPL-3.0-or-later
# cc_add_test(NAME name SOURCES a.cpp ... LIBS target ... [LABELS l ...] [TIMEOUT s])
# One Qt Test executable per unit, registered with CTest, headless (QT_QPA_PLATFORM=offscreen).
# Tests find fixtures through CC_TEST_DATA_DIR (tests/data) and must copy them before writing.
function(cc_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} Qt6::Test cc_settings)
    target_compile_definitions(${T_NAME} PRIVATE CC_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        ENVIRONMENT "LANGUAGE=;LC_ALL=C.UTF-8;QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false;CIPHERCHART_ALLOW_TEST_KEYS=1;CIPHERCHART_DATA_DIR=${CC_DATA_BUILD_DIR}"
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}")
endfunction()
