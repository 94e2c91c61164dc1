# Script mode: writes OUT, a C++ source defining crossread::data::NAME() over the bytes of IN.
# The bytes are pulled in by the assembler's .incbin (GCC and Clang on ELF), so large model
# files cost no compile time; the path is absolute, and OUT is rewritten whenever IN changes.
string(REPLACE "\\" "\\\\" path "${IN}")
string(REPLACE "\"" "\\\"" path "${path}")
file(WRITE ${OUT}
"// Generated from ${IN}; do not edit.\n"
"#include <cstddef>\n#include <string_view>\n"
"__asm__(\".section .rodata\\n\"\n"
"        \".balign 16\\n\"\n"
"        \"crossread_data_${NAME}_begin:\\n\"\n"
"        \".incbin \\\"${path}\\\"\\n\"\n"
"        \"crossread_data_${NAME}_end:\\n\"\n"
"        \".byte 0\\n\"\n"
"        \".previous\\n\");\n"
"extern \"C\" const char crossread_data_${NAME}_begin[];\n"
"extern \"C\" const char crossread_data_${NAME}_end[];\n"
"namespace crossread::data {\n"
"std::string_view ${NAME}() {\n"
"  return std::string_view(crossread_data_${NAME}_begin,\n"
"                          static_cast<size_t>(crossread_data_${NAME}_end - crossread_data_${NAME}_begin));\n"
"}\n"
"}  // namespace crossread::data\n")
