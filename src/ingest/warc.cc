#include "ingest/warc.h"

#include <cstdlib>

#include "common/strings.h"
#include "ingest/reader.h"

namespace crossread::ingest {

namespace {

// Header lines from `pos` up to the blank line; `pos` is left after it. False if there is none.
bool ReadHeaders(std::string_view bytes, size_t* pos,
                 std::vector<std::pair<std::string, std::string>>* headers) {
  headers->clear();
  while (*pos < bytes.size()) {
    size_t nl = bytes.find('\n', *pos);
    if (nl == std::string_view::npos) return false;
    std::string_view line = bytes.substr(*pos, nl - *pos);
    *pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return true;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      headers->emplace_back(AsciiLower(line), std::string());  // the first (status) line
    } else {
      headers->emplace_back(AsciiLower(Trim(line.substr(0, colon))),
                            std::string(Trim(line.substr(colon + 1))));
    }
  }
  return false;
}

std::string Header(const std::vector<std::pair<std::string, std::string>>& headers,
                   std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return std::string();
}

// A chunked HTTP body, de-chunked; empty on malformed input.
std::string Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) break;
    unsigned long size = std::strtoul(std::string(body.substr(pos, nl - pos)).c_str(), nullptr, 16);
    pos = nl + 1;
    if (size == 0 || pos + size > body.size()) break;
    out.append(body.substr(pos, size));
    pos += size;
    while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
  }
  return out;
}

// The HTML page in an HTTP response block, if it is one (2xx, an HTML content type).
bool HtmlPayload(std::string_view block, WarcPage* page) {
  size_t pos = 0;
  std::vector<std::pair<std::string, std::string>> http;
  if (!StartsWith(block, "HTTP/") || !ReadHeaders(block, &pos, &http) || http.empty()) return false;
  const std::string& status = http.front().first;  // "http/1.1 200 ok"
  size_t sp = status.find(' ');
  if (sp == std::string::npos || status.compare(sp + 1, 1, "2") != 0) return false;
  std::string type = AsciiLower(Header(http, "content-type"));
  if (type.find("html") == std::string::npos) return false;
  if (size_t at = type.find("charset="); at != std::string::npos) {
    page->charset = std::string(Trim(type.substr(at + 8)));
    while (!page->charset.empty() && (page->charset.back() == ';' || page->charset.back() == '"')) {
      page->charset.pop_back();
    }
    if (!page->charset.empty() && page->charset.front() == '"') page->charset.erase(0, 1);
  }
  std::string body(block.substr(pos));
  if (AsciiLower(Header(http, "transfer-encoding")).find("chunked") != std::string::npos) {
    body = Dechunk(body);
  }
  std::string encoding = AsciiLower(Header(http, "content-encoding"));
  if (encoding == "gzip" || encoding == "x-gzip") {
    Result<std::string> plain = Gunzip(body);
    if (!plain.ok()) return false;
    body = std::move(*plain);
  }
  page->html = std::move(body);
  return true;
}

}  // namespace

std::vector<WarcPage> ReadWarc(std::string_view bytes, std::string* error) {
  error->clear();
  std::vector<WarcPage> pages;
  std::vector<std::pair<std::string, std::string>> headers;
  size_t pos = 0;
  while (true) {
    while (pos < bytes.size() && (bytes[pos] == '\r' || bytes[pos] == '\n')) ++pos;
    if (pos >= bytes.size()) break;
    const size_t start = pos;
    if (!StartsWith(bytes.substr(pos), "WARC/")) {
      *error = "not a WARC record at byte " + std::to_string(start);
      break;
    }
    if (!ReadHeaders(bytes, &pos, &headers)) {
      *error = "truncated WARC header at byte " + std::to_string(start);
      break;
    }
    std::string length = Header(headers, "content-length");
    char* end = nullptr;
    unsigned long long size = std::strtoull(length.c_str(), &end, 10);
    if (length.empty() || *end != '\0') {
      *error = "WARC record at byte " + std::to_string(start) + " has no Content-Length";
      break;
    }
    if (size > bytes.size() - pos) {
      *error = "truncated WARC record at byte " + std::to_string(start);
      break;
    }
    std::string_view block = bytes.substr(pos, static_cast<size_t>(size));
    pos += static_cast<size_t>(size);
    if (AsciiLower(Header(headers, "warc-type")) != "response") continue;
    WarcPage page;
    page.record_id = Header(headers, "warc-record-id");
    if (page.record_id.size() >= 2 && page.record_id.front() == '<' &&
        page.record_id.back() == '>') {
      page.record_id = page.record_id.substr(1, page.record_id.size() - 2);
    }
    page.url = Header(headers, "warc-target-uri");
    if (HtmlPayload(block, &page)) pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace crossread::ingest
