# The student page (game/net/web/) embedded in the executable: a custom command regenerates
# QUIZ_WEB_ASSETS_CPP whenever one of the files changes. Included from game/net/CMakeLists.txt.
set(QUIZ_WEB_FILES index.html student.css draw.js views.js student.js)
set(QUIZ_WEB_ROOT "${CMAKE_CURRENT_LIST_DIR}")
set(QUIZ_WEB_ASSETS_CPP "${CMAKE_CURRENT_BINARY_DIR}/WebAssetData.cpp")
set(quiz_web_inputs)
foreach(file IN LISTS QUIZ_WEB_FILES)
    list(APPEND quiz_web_inputs "${QUIZ_WEB_ROOT}/${file}")
endforeach()
string(REPLACE ";" "," quiz_web_files_arg "${QUIZ_WEB_FILES}")
add_custom_command(
    OUTPUT "${QUIZ_WEB_ASSETS_CPP}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${QUIZ_WEB_ASSETS_CPP}" "-DROOT=${QUIZ_WEB_ROOT}"
            "-DFILES=${quiz_web_files_arg}" -P "${QUIZ_WEB_ROOT}/Embed.cmake"
    DEPENDS ${quiz_web_inputs} "${QUIZ_WEB_ROOT}/Embed.cmake"
    COMMENT "Embedding the student page"
    VERBATIM)
