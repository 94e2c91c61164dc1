# Script mode: writes OUT, a C++ source defining crossread::data::NAME() over IN's bytes.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE ${OUT}
"// Generated from ${IN}; do not edit.\n#include <string_view>\n"
"namespace crossread::data {\n"
"namespace { constexpr unsigned char kBytes[] = {${bytes} 0}; }\n"
"std::string_view ${NAME}() { return std::string_view(reinterpret_cast<const char*>(kBytes), ${size}); }\n"
"}  // namespace crossread::data\n")
