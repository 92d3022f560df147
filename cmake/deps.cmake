# Purpose: the project's dependencies as targets, the same names on every preset.
#   astradia::json   nlohmann_json (header-only)
#   astradia::stb    stb headers (<stb/stb_image_write.h>, ...)
#   astradia::catch2 Catch2 v2 (single header)
#   imgui            Dear ImGui 1.86 core + GLFW/OpenGL3 backends (app presets only)
# Natively they come from Debian's packages through find_package. Under Emscripten
# we must never add -I/usr/include (it drags glibc headers into the wasm build), so
# the header-only packages are exposed through a folder holding links to just them.

if(EMSCRIPTEN)
  set(_hdr "${CMAKE_BINARY_DIR}/_sysdeps/include")
  file(MAKE_DIRECTORY "${_hdr}")
  foreach(_dir nlohmann stb catch2)
    if(NOT EXISTS "/usr/include/${_dir}")
      message(FATAL_ERROR "/usr/include/${_dir} is missing: run scripts/bootstrap.sh")
    endif()
    if(NOT EXISTS "${_hdr}/${_dir}")
      file(CREATE_LINK "/usr/include/${_dir}" "${_hdr}/${_dir}" SYMBOLIC)
    endif()
  endforeach()
  foreach(_name json stb catch2)
    add_library(astradia_${_name} INTERFACE)
    target_include_directories(astradia_${_name} SYSTEM INTERFACE "${_hdr}")
    add_library(astradia::${_name} ALIAS astradia_${_name})
  endforeach()
else()
  find_package(nlohmann_json 3.11 REQUIRED CONFIG)
  add_library(astradia_json INTERFACE)
  target_link_libraries(astradia_json INTERFACE nlohmann_json::nlohmann_json)
  add_library(astradia::json ALIAS astradia_json)

  add_library(astradia_stb INTERFACE)   # /usr/include is already on the path
  add_library(astradia::stb ALIAS astradia_stb)

  if(ASTRADIA_BUILD_TESTS)
    find_package(Catch2 2 REQUIRED CONFIG)
    add_library(astradia_catch2 INTERFACE)
    target_link_libraries(astradia_catch2 INTERFACE Catch2::Catch2)
    add_library(astradia::catch2 ALIAS astradia_catch2)
  endif()
endif()

if(ASTRADIA_BUILD_APP)
  # (IMGUI_DIR is set, and checked, in the top CMakeLists.txt.)
  set(_imgui_draw "${IMGUI_DIR}/imgui_draw.cpp")
  if(EMSCRIPTEN)
    # The web build compiles imgui_draw.cpp without one statement: ImFontAtlas::Build()'s
    # fallback to ImGui's own font (ProggyClean, 12 KB of base85 text and its decompressor)
    # when no font was added. The app always adds its DejaVu fonts first (shell/ui/fonts.cpp),
    # so the fallback never ran, yet it kept the font in the download (10.5 KB gzip). With the
    # call gone, the linker drops AddFontDefault and everything only it reaches. The edit is
    # made on a copy in the build folder at configure time, and fails loudly if 1.86's line is
    # not found; native builds (and their tests) compile ImGui unchanged.
    file(READ "${_imgui_draw}" _src)
    set(_fallback "    if (ConfigData.Size == 0)\n        AddFontDefault();\n")
    string(FIND "${_src}" "${_fallback}" _at)
    if(_at EQUAL -1)
      message(FATAL_ERROR "${_imgui_draw}: ImFontAtlas::Build()'s default-font fallback not found "
                          "(is this ImGui 1.86?); see cmake/deps.cmake")
    endif()
    string(REPLACE "${_fallback}" "    // (web build: no default-font fallback; see cmake/deps.cmake)\n" _src "${_src}")
    set(_imgui_draw "${CMAKE_BINARY_DIR}/_imgui_web/imgui_draw.cpp")
    file(WRITE "${_imgui_draw}.new" "${_src}")
    file(COPY_FILE "${_imgui_draw}.new" "${_imgui_draw}" ONLY_IF_DIFFERENT)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${IMGUI_DIR}/imgui_draw.cpp")
  endif()
  add_library(imgui STATIC
    ${IMGUI_DIR}/imgui.cpp ${_imgui_draw} ${IMGUI_DIR}/imgui_tables.cpp
    ${IMGUI_DIR}/imgui_widgets.cpp
    ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends)
  target_compile_options(imgui PRIVATE -w)   # third-party code: not ours to warn about
  if(EMSCRIPTEN)
    target_compile_options(imgui PRIVATE -Os) # UI code: size matters more than speed on the web
  endif()
  target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  if(NOT EMSCRIPTEN)
    # ImGui's test-engine hooks, implemented by our duplicate-ID check (shell/ui/id_check.cpp;
    # off until a test turns it on). Its objects go into imgui itself, since ImGui's sources
    # call them, but it compiles with our warnings. The web build has neither.
    target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE)
    add_library(imgui_id_check OBJECT ${CMAKE_SOURCE_DIR}/shell/ui/id_check.cpp)
    target_include_directories(imgui_id_check PRIVATE ${CMAKE_SOURCE_DIR})
    target_include_directories(imgui_id_check SYSTEM PRIVATE ${IMGUI_DIR})
    target_compile_definitions(imgui_id_check PRIVATE IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_ENABLE_TEST_ENGINE)
    target_sources(imgui PRIVATE $<TARGET_OBJECTS:imgui_id_check>)
  endif()
  if(EMSCRIPTEN)
    target_link_options(imgui PUBLIC -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
  else()
    find_package(glfw3 3.3 REQUIRED)
    find_package(OpenGL REQUIRED)
    target_link_libraries(imgui PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
  endif()
endif()
