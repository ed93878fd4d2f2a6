# Installs the game like an application, with GNUInstallDirs (PREFIX/bin, PREFIX/share ...), and
# describes the Debian package CPack builds from the same rules (`cpack -G DEB` in the build
# folder). Included from the top-level CMakeLists.txt so CPack sees the whole project.
# Installing (and so cpack) takes what is built and does not first build every target: the play
# build makes only the game, and the tests and benchmarks are never installed.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(QUIZ_SHARE_DIR "${CMAKE_INSTALL_DATADIR}/heparin-quiz")
set(QUIZ_ASSETS "${PROJECT_SOURCE_DIR}/assets")

# The executable, and beside it in share/ what Paths.cpp looks for at ../share/heparin-quiz.
install(TARGETS heparin-quiz RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
if(TARGET heparin-quiz-game)
    # Started by heparin-quiz (GameLauncher.cpp looks for it at ../libexec/heparin-quiz).
    install(TARGETS heparin-quiz-game RUNTIME DESTINATION "${CMAKE_INSTALL_LIBEXECDIR}/heparin-quiz")
endif()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/questions/" DESTINATION "${QUIZ_SHARE_DIR}/questions"
    FILES_MATCHING PATTERN "*.xml" PATTERN "pack.xsd" PATTERN "README.md")
install(FILES "${QUIZ_ASSETS}/README.md" "${QUIZ_ASSETS}/icons/heparin-quiz.svg"
    DESTINATION "${QUIZ_SHARE_DIR}/assets")

# The desktop menu: entry, icons (the SVG and its committed renders), AppStream, man page.
install(FILES "${QUIZ_ASSETS}/heparin-quiz.desktop"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${QUIZ_ASSETS}/icons/heparin-quiz.svg"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
foreach(size IN ITEMS 16 24 32 48 64 128 256)
    install(FILES "${QUIZ_ASSETS}/icons/hicolor/${size}x${size}/apps/heparin-quiz.png"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
endforeach()
install(FILES "${QUIZ_ASSETS}/org.heparinquiz.heparin_quiz.metainfo.xml"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${QUIZ_ASSETS}/heparin-quiz.6" DESTINATION "${CMAKE_INSTALL_MANDIR}/man6")

# The Debian package: heparin-quiz_VERSION_ARCH.deb, installing under /usr. dpkg-shlibdeps
# (dpkg-dev) computes the library dependencies; the fonts are found at run time, so their
# package is declared by hand.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME heparin-quiz)
set(CPACK_PACKAGE_VENDOR "The Heparin Quiz authors")
set(CPACK_PACKAGE_CONTACT "The Heparin Quiz authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "quiz game that teaches heparin with explained questions")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Every question explains every option, cites its source and flags the choices
that would harm a patient. Nursing students practise in tutor or exam mode with
spaced review; instructors put it on a projector or run a live class on the
local network. The game teaches; it does not replace an institution's protocol.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION games)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS fonts-dejavu-core)
set(CPACK_STRIP_FILES ON)
include(CPack)
