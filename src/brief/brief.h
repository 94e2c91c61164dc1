// The brief of one story: summary, 5W1H, headline, assembled with the alignments.
#ifndef CROSSREAD_BRIEF_BRIEF_H_
#define CROSSREAD_BRIEF_BRIEF_H_

#include <string>
#include <vector>

#include "align/align.h"
#include "crossread/options.h"
#include "crossread/story.h"

namespace crossread::brief {

// Extractive multi-document summary: centroid relevance plus a lead prior, corroboration and
// (when given) the query, picked greedily with MMR redundancy removal within `max_words`.
std::vector<SummarySentence> Summarize(const align::Docs& docs, const align::FactTable& facts,
                                       int max_words, const std::string& query);

// A whole story. `docs` are the story's analysed articles in input order.
Story BuildStory(const align::Docs& docs, const std::string& id, const Options& options);

}  // namespace crossread::brief

#endif  // CROSSREAD_BRIEF_BRIEF_H_
