// English lemmatisation by rule and exception.
#ifndef CROSSREAD_ANALYZE_LEMMA_H_
#define CROSSREAD_ANALYZE_LEMMA_H_

#include <string>
#include <string_view>

namespace crossread::analyze {

// The lemma of `word` tagged `pos` (Penn): "said"/VBD → "say", "countries"/NNS → "country".
std::string Lemma(std::string_view word, std::string_view pos);

}  // namespace crossread::analyze

#endif  // CROSSREAD_ANALYZE_LEMMA_H_
