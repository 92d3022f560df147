# Purpose: turn a binary file into a C++ source defining
#   extern const unsigned char <SYMBOL>[]; extern const unsigned long <SYMBOL>_size;
# so assets (the subset UI font) live inside the binary on every preset: no file
# system lookups natively, no extra request on the web.
# Usage: cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=name -P embed_file.cmake
file(READ "${INPUT}" _hex HEX)
string(LENGTH "${_hex}" _len)
math(EXPR _bytes "${_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," _body "${_hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" _body "${_body}")
get_filename_component(_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${_name} by cmake/embed_file.cmake. Do not edit.\n"
  "extern const unsigned char ${SYMBOL}[];\n"
  "extern const unsigned long ${SYMBOL}_size;\n"
  "alignas(4) const unsigned char ${SYMBOL}[] = {\n${_body}};\n"
  "const unsigned long ${SYMBOL}_size = ${_bytes};\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
