// The data files of data/, embedded in the library at build time (cmake/embed.cmake).
#ifndef CROSSREAD_COMMON_DATA_H_
#define CROSSREAD_COMMON_DATA_H_

#include <string_view>

namespace crossread::data {

std::string_view boilerplate();  // data/boilerplate.txt
std::string_view gazetteer();    // data/gazetteer.tsv
std::string_view lexicon();      // data/lexicon.tsv
std::string_view supersenses();  // data/supersenses.tsv
std::string_view genders();      // data/genders.tsv
std::string_view pos_model();    // data/models/pos_model.bin
std::string_view ner_model();    // data/models/ner_model.bin
std::string_view parser_model(); // data/models/parser_model.bin
std::string_view quote_model();  // data/models/quote_model.bin
std::string_view quote_stack_model();  // data/models/quote_stack_model.bin
std::string_view quote_cues();   // data/models/quote_cues.tsv

}  // namespace crossread::data

#endif  // CROSSREAD_COMMON_DATA_H_
