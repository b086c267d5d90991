# SPDX-License-Identifier: GPL-3.0-or-later
# Installation and the Debian package (CPack DEB): the two executables, their read-only data
# (demo sample, translations), desktop entry, AppStream metainfo, MIME types, icons, manual pages,
# copyright and changelog. packaging/README.md explains each part and the lintian verdict.
#
#   cmake --build --preset release --target package     # build/release/cipherchart_<version>-1_<arch>.deb
#
# The data is also staged into ${CC_DATA_BUILD_DIR} (build/<preset>/share/cipherchart), which is
# where app::dataDir() finds it when the executables run from build/<preset>/app.

include(GNUInstallDirs)

set(CC_PACKAGE_NAME cipherchart)
set(CC_DEBIAN_REVISION 1)
set(CC_APP_ID org.cipherchart.CipherChart)
set(CC_DATA_BUILD_DIR ${CMAKE_BINARY_DIR}/share/cipherchart)
set(CC_DATA_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/cipherchart)
set(CC_DOC_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/doc/${CC_PACKAGE_NAME})
# The project has no public home yet, so there is no true URL for docs/screenshots: by default the
# metainfo lists no screenshots rather than a made-up address (packaging/README.md).
set(CC_SCREENSHOT_BASE_URL "" CACHE STRING
    "Public URL where docs/screenshots is published (AppStream screenshots); empty: no screenshots listed")
set(CC_PACKAGING_DIR ${CMAKE_SOURCE_DIR}/packaging)

# Debian wants 0755 directories whatever the builder's umask.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
    WORLD_READ WORLD_EXECUTE)

# --- the demo sample: staged at configure time (re-staged when a file changes) and installed ---
file(GLOB CC_DEMO_CSV CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/resources/demo/synthea/*.csv)
foreach(csv IN LISTS CC_DEMO_CSV)
    get_filename_component(name ${csv} NAME)
    configure_file(${csv} ${CC_DATA_BUILD_DIR}/demo/synthea/${name} COPYONLY)
endforeach()
configure_file(${CMAKE_SOURCE_DIR}/resources/demo/NOTICE.md ${CC_DATA_BUILD_DIR}/demo/NOTICE.md COPYONLY)
install(FILES ${CC_DEMO_CSV} DESTINATION ${CC_DATA_INSTALL_DIR}/demo/synthea)
install(FILES ${CMAKE_SOURCE_DIR}/resources/demo/NOTICE.md DESTINATION ${CC_DATA_INSTALL_DIR}/demo)

# --- translations: resources/translations/cipherchart_<lang>.ts -> share/cipherchart/translations/*.qm ---
# Update the .ts files after changing strings:  cmake --build --preset dev --target translations-update
# The CTest test translations_complete fails on any source string without a translation.
find_program(LUPDATE_EXE lupdate HINTS /usr/lib/qt6/bin ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS} REQUIRED)
find_program(LRELEASE_EXE lrelease HINTS /usr/lib/qt6/bin ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS} REQUIRED)
file(GLOB CC_TS_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/resources/translations/*.ts)
set(CC_QM_FILES)
foreach(ts IN LISTS CC_TS_FILES)
    get_filename_component(name ${ts} NAME_WE)
    set(qm ${CC_DATA_BUILD_DIR}/translations/${name}.qm)
    add_custom_command(OUTPUT ${qm}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CC_DATA_BUILD_DIR}/translations
        COMMAND ${LRELEASE_EXE} -silent -nounfinished ${ts} -qm ${qm}
        DEPENDS ${ts} VERBATIM)
    list(APPEND CC_QM_FILES ${qm})
endforeach()
add_custom_target(cc_translations ALL DEPENDS ${CC_QM_FILES})
install(FILES ${CC_QM_FILES} DESTINATION ${CC_DATA_INSTALL_DIR}/translations)
# The sources whose strings are translated: the GUI (ui/, .ui forms) and app/ (both executables).
set(CC_TRANSLATED_DIRS ${CMAKE_SOURCE_DIR}/ui ${CMAKE_SOURCE_DIR}/app)
add_custom_target(translations-update
    COMMAND ${LUPDATE_EXE} -I ${CMAKE_SOURCE_DIR} -locations none -no-obsolete -source-language en
            ${CC_TRANSLATED_DIRS} -ts ${CC_TS_FILES}
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} COMMENT "lupdate: refresh resources/translations/*.ts" VERBATIM)

# --- the changelog is the one source of the Debian revision; stop if it disagrees with the project ---
file(STRINGS ${CC_PACKAGING_DIR}/changelog CC_CHANGELOG_HEAD LIMIT_COUNT 1)
if(NOT CC_CHANGELOG_HEAD MATCHES "^${CC_PACKAGE_NAME} \\(${PROJECT_VERSION}-${CC_DEBIAN_REVISION}\\) ")
    message(FATAL_ERROR "packaging/changelog starts with '${CC_CHANGELOG_HEAD}': add an entry for "
                        "${PROJECT_VERSION}-${CC_DEBIAN_REVISION} (and a <release> in the metainfo)")
endif()

# --- desktop entry, AppStream metainfo (screenshot URLs and version filled in), MIME types ---
set(CC_METAINFO_TEMPLATE ${CC_PACKAGING_DIR}/${CC_APP_ID}.metainfo.xml)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CC_METAINFO_TEMPLATE})
file(READ ${CC_METAINFO_TEMPLATE} CC_METAINFO_TEXT)
if(CC_SCREENSHOT_BASE_URL STREQUAL "")
    string(REGEX REPLACE "[ ]*<screenshots>.*</screenshots>\n" "" CC_METAINFO_TEXT "${CC_METAINFO_TEXT}")
else()
    # Every listed image must be one of the repository's screenshots.
    string(REGEX MATCHALL "@CC_SCREENSHOT_BASE_URL@/[^<]+" CC_SHOTS "${CC_METAINFO_TEXT}")
    foreach(shot IN LISTS CC_SHOTS)
        string(REPLACE "@CC_SCREENSHOT_BASE_URL@/" "" shot "${shot}")
        if(NOT EXISTS ${CMAKE_SOURCE_DIR}/docs/screenshots/${shot})
            message(FATAL_ERROR "metainfo screenshot ${shot} is not in docs/screenshots")
        endif()
    endforeach()
endif()
file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/packaging/${CC_APP_ID}.metainfo.xml CONTENT "${CC_METAINFO_TEXT}" @ONLY)
install(FILES ${CC_PACKAGING_DIR}/${CC_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_BINARY_DIR}/packaging/${CC_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CC_PACKAGING_DIR}/cipherchart-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME cipherchart.xml)

# --- icons: the SVG is the source; hicolor PNGs are rendered at build time ---
find_program(RSVG_CONVERT_EXE rsvg-convert REQUIRED) # librsvg2-bin (packaging/install-deps.sh)
set(CC_ICON_SVG ${CMAKE_SOURCE_DIR}/resources/icons/cipherchart.svg)
set(CC_ICON_PNGS)
foreach(size 16 22 24 32 48 64 128 256 512)
    set(png ${CMAKE_BINARY_DIR}/icons/hicolor/${size}x${size}/apps/cipherchart.png)
    add_custom_command(OUTPUT ${png}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons/hicolor/${size}x${size}/apps
        COMMAND ${RSVG_CONVERT_EXE} --width=${size} --height=${size} --output=${png} ${CC_ICON_SVG}
        DEPENDS ${CC_ICON_SVG} VERBATIM)
    list(APPEND CC_ICON_PNGS ${png})
    install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
add_custom_target(cc_icons ALL DEPENDS ${CC_ICON_PNGS})
install(FILES ${CC_ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

# --- manual pages from --help (help2man), in the C locale so they are English; gzip -n for reproducibility ---
find_program(HELP2MAN_EXE help2man REQUIRED) # help2man (packaging/install-deps.sh)
find_program(GZIP_EXE gzip REQUIRED)
set(CC_MAN_PAGES)
foreach(exe cipherchart cipherchart-cli)
    set(page ${CMAKE_BINARY_DIR}/man/${exe}.1)
    add_custom_command(OUTPUT ${page}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE= LANG=C.UTF-8
                ASAN_OPTIONS=detect_leaks=0 # the asan-ubsan preset builds the man pages too
                ${HELP2MAN_EXE} --no-info --section=1 --include=${CC_PACKAGING_DIR}/man/${exe}.h2m
                --output=${page} $<TARGET_FILE:${exe}>
        COMMAND ${GZIP_EXE} -9 -n -f ${page}
        DEPENDS ${exe} ${CC_PACKAGING_DIR}/man/${exe}.h2m VERBATIM)
    list(APPEND CC_MAN_PAGES ${page}.gz)
endforeach()
add_custom_target(cc_man_pages ALL DEPENDS ${CC_MAN_PAGES})
install(FILES ${CC_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# --- Debian documentation: machine-readable copyright, gzipped changelog ---
set(CC_CHANGELOG_GZ ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz)
add_custom_command(OUTPUT ${CC_CHANGELOG_GZ}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
    COMMAND ${GZIP_EXE} -9 -n -c ${CC_PACKAGING_DIR}/changelog > ${CC_CHANGELOG_GZ}
    DEPENDS ${CC_PACKAGING_DIR}/changelog)
add_custom_target(cc_changelog ALL DEPENDS ${CC_CHANGELOG_GZ})
install(FILES ${CC_PACKAGING_DIR}/copyright ${CC_CHANGELOG_GZ} DESTINATION ${CC_DOC_INSTALL_DIR})

# --- CPack: one Debian binary package ---
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${CC_PACKAGE_NAME})
set(CPACK_PACKAGE_VENDOR "CipherChart maintainers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${CC_DEBIAN_REVISION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # cipherchart_<version>-<revision>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "CipherChart maintainers <maintainers@users.noreply.b-seed-41402f6b.example>")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Dependencies are computed from the ELF files by dpkg-shlibdeps, never listed by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
# Qt's own strings (standard buttons, file dialogs) in the user's language: data, not a library.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-translations-l10n)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "encrypted electronic health record for clinic workstations")
# CPack puts the summary first; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "CipherChart keeps patient data encrypted at every layer: a SQLCipher database,
records sealed with AES-256-GCM under per-patient keys, keys divided by role
and wrapped per user with Argon2id, and a hash-chained audit trail.
Clinic statistics are computed over Paillier-encrypted values and decrypted
only by a quorum of custodians, so nobody running a report sees a patient's
value.
.
This package holds the workstation GUI (cipherchart), the administrative
command-line tool (cipherchart-cli) and a demo clinic of 27 synthetic
Synthea patients (cipherchart --demo).")
include(CPack)

# --- CTest: every translatable string of ui/ and app/ has a translation in every .ts ---
if(CC_BUILD_TESTS)
    enable_testing()
    find_package(Python3 REQUIRED COMPONENTS Interpreter)
    add_test(NAME translations_complete
        COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/resources/translations/check_translations.py
                --lupdate ${LUPDATE_EXE} --source-dir ${CMAKE_SOURCE_DIR}
                --work-dir ${CMAKE_BINARY_DIR}/translations-check ${CC_TS_FILES})
    set_tests_properties(translations_complete PROPERTIES LABELS "packaging;translations" TIMEOUT 120)
endif()

# --- CTest: the configured AppStream metainfo validates (appstreamcli, packaging/install-deps.sh) ---
find_program(APPSTREAMCLI_EXE appstreamcli)
if(CC_BUILD_TESTS AND APPSTREAMCLI_EXE)
    add_test(NAME metainfo_valid
        COMMAND ${APPSTREAMCLI_EXE} validate --no-net ${CMAKE_BINARY_DIR}/packaging/${CC_APP_ID}.metainfo.xml)
    set_tests_properties(metainfo_valid PROPERTIES LABELS packaging)
endif()
