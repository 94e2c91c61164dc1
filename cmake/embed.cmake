# crossread_embed(VAR FILE...): generates one .cc per data file that defines
#   std::string_view crossread::data::<stem>()
# holding the file's bytes, and sets VAR to the list of generated sources.
function(crossread_embed var)
  set(outputs)
  foreach(file IN LISTS ARGN)
    get_filename_component(stem ${file} NAME_WE)
    set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${stem}.cc)
    add_custom_command(
      OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DNAME=${stem}
              -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_file.cmake
      DEPENDS ${file} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed_file.cmake
      COMMENT "Embedding ${stem}")
    list(APPEND outputs ${out})
  endforeach()
  set(${var} ${outputs} PARENT_SCOPE)
endfunction()
