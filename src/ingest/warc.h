// WARC (ISO 28500) records: the web archive format crawlers write. Each `response` record whose
// HTTP payload is HTML is one page.
#ifndef CROSSREAD_INGEST_WARC_H_
#define CROSSREAD_INGEST_WARC_H_

#include <string>
#include <string_view>
#include <vector>

#include "crossread/status.h"

namespace crossread::ingest {

struct WarcPage {
  std::string record_id;  // WARC-Record-ID without the angle brackets
  std::string url;        // WARC-Target-URI
  std::string charset;    // from the HTTP Content-Type, or empty
  std::string html;       // the payload, de-chunked and decompressed
};

// The HTML pages of an uncompressed WARC file (a .warc.gz is gunzipped first, all members).
// Records of other types, non-HTML payloads and non-2xx responses are skipped. A malformed or
// truncated record stops the reading: the pages before it are returned with the error in
// `error` (empty when the file is whole).
std::vector<WarcPage> ReadWarc(std::string_view bytes, std::string* error);

}  // namespace crossread::ingest

#endif  // CROSSREAD_INGEST_WARC_H_
