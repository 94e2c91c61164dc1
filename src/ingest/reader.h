// Ingest: paths → raw articles (text or extracted HTML plus metadata), before cleaning.
#ifndef CROSSREAD_INGEST_READER_H_
#define CROSSREAD_INGEST_READER_H_

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "crossread/article.h"
#include "crossread/pipeline.h"
#include "crossread/status.h"

namespace crossread::ingest {

// The article id of a file: its name without directories and extensions.
std::string IdFromPath(std::string_view path);

// Checks that `bytes` are text: not empty, no NUL bytes, valid UTF-8.
Status CheckText(std::string_view bytes);

// Reads every path ("-" reads JSONL from `in`) into `out`, appending skipped inputs to `errors`.
void ReadPaths(const std::vector<std::string>& paths, std::istream& in, std::vector<Article>* out,
               std::vector<InputError>* errors);

// Parses JSONL (or one JSON array) of articles; `source` names it in messages.
void ReadJsonLines(std::string_view bytes, const std::string& source, std::vector<Article>* out,
                   std::vector<InputError>* errors);

// Gunzips `bytes`.
Result<std::string> Gunzip(std::string_view bytes);

}  // namespace crossread::ingest

#endif  // CROSSREAD_INGEST_READER_H_
