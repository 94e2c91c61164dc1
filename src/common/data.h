// The data files of data/, embedded in the library at build time (cmake/embed.cmake).
#ifndef CROSSREAD_COMMON_DATA_H_
#define CROSSREAD_COMMON_DATA_H_

#include <string_view>

namespace crossread::data {

std::string_view boilerplate();  // data/boilerplate.txt
std::string_view gazetteer();    // data/gazetteer.tsv
std::string_view lexicon();      // data/lexicon.tsv

}  // namespace crossread::data

#endif  // CROSSREAD_COMMON_DATA_H_
