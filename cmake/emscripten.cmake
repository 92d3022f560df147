# Purpose: every Emscripten flag of the project, in one place, with the reason for each.
# Functions:
#   astradia_wasm_app(target)        the browser app: astradia.js + astradia.wasm
#   astradia_wasm_node_tool(target)  a program run under node (CLI, wasm unit tests)
#   astradia_wasm_engine(target)     compile flags of the engine library (and its test twin)
# Emscripten 3.1.6 from Debian: no ports, no downloads (see ../shared/docs/TOOLCHAIN.md).

# emcc runs Debian's JS tools (acorn, terser) through node; they live in /usr/share/nodejs.
set(ENV{NODE_PATH} "/usr/share/nodejs")

function(astradia_wasm_app target)
  target_link_options(${target} PRIVATE
    -sENVIRONMENT=web              # no node/worker code paths in the shipped JS
    -sMODULARIZE=1                 # a factory, so web/boot.js decides whether to start at all
    -sEXPORT_NAME=createAstradia   # ... called createAstradia({canvas}) after the capability check
    -sDYNAMIC_EXECUTION=0          # no eval/new Function: the page runs under a strict CSP
    -sALLOW_MEMORY_GROWTH=1        # engines allocate on demand; start small for phones
    -sINITIAL_MEMORY=16MB
    -sTOTAL_STACK=1MB
    -sFILESYSTEM=0                 # no virtual file system: storage goes through the bridge
    -sEXIT_RUNTIME=0               # the main loop outlives main()
    -sINCOMING_MODULE_JS_API=[canvas,print,printErr,locateFile,onAbort,astradiaBoot,instantiateWasm]
    -sEXPORTED_RUNTIME_METHODS=[]
    # main, and the C functions bridge.js calls (shell/web/bridge.cpp documents each)
    -sEXPORTED_FUNCTIONS=[_main,_astradia_wake,_astradia_host_event,_astradia_touch,_astradia_state_json]
    -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
    -sTEXTDECODER=2                # every browser with WebAssembly and WebGL 2 has TextDecoder: no JS fallback
    -sGL_TRACK_ERRORS=0            # glGetError straight from WebGL: the JS that records GL errors is not shipped
    -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0  # ImGui's WebGL 2 renderer needs no extension
    -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0   # ... and reads GL_MAJOR_VERSION, not the version string
    -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0        # ... and looks for no extension by name
    -sSUPPORT_ERRNO=0              # nothing reads errno set by the JS side (no file system, storage via the bridge)
    --js-library=${CMAKE_SOURCE_DIR}/shell/web/bridge.js
    $<$<CONFIG:Release>:-O2>
    # A second round of Binaryen's size passes after the -O2 ones (about 5 KB gzip less; -Os
    # or -Oz as the link level instead came out larger after gzip); -flto with the objects'
    # -flto (astradia_wasm_lto) lets one optimiser see the whole program (about 6 KB gzip less).
    $<$<CONFIG:Release>:-sBINARYEN_EXTRA_PASSES=-Oz>
    $<$<CONFIG:Release>:-flto>
    $<$<CONFIG:Release>:--closure=0>)
  set_target_properties(${target} PROPERTIES SUFFIX ".js"
    LINK_DEPENDS ${CMAKE_SOURCE_DIR}/shell/web/bridge.js)
endfunction()

function(astradia_wasm_node_tool target)
  target_link_options(${target} PRIVATE
    -sENVIRONMENT=node             # runs under node, not in a page
    -sNODERAWFS=1                  # real files: puzzle sets, saves, replays on the host
    -sALLOW_MEMORY_GROWTH=1
    -sTOTAL_STACK=4MB               # the test framework and deep searches want more stack
    -sEXIT_RUNTIME=1)              # process exit code = main()'s return value
  set_target_properties(${target} PROPERTIES SUFFIX ".js")
endfunction()

# Compile these targets to LLVM bitcode, so the link optimises across them (link-time
# optimisation). Every wasm program linking them (the app, the CLI, the wasm tests) then links
# with LTO; each function keeps the level its target compiled it at (-O3 engine, -Os UI).
function(astradia_wasm_lto)
  foreach(_t IN LISTS ARGN)
    target_compile_options(${_t} PRIVATE $<$<CONFIG:Release>:-flto>)
  endforeach()
endfunction()

function(astradia_wasm_engine target)
  target_compile_options(${target} PRIVATE
    -msimd128)                     # WebAssembly SIMD for the Sudoku solver's vectors (one digit's
                                   # grid per op); needs Chrome 91, Firefox 89, Safari 16.4+
endfunction()
