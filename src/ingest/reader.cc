#include "ingest/reader.h"

#define ZLIB_CONST  // zlib reads input through a const pointer
#include <zlib.h>

#include <filesystem>
#include <iterator>
#include <nlohmann/json.hpp>

#include "clean/html.h"
#include "common/env.h"
#include "common/strings.h"
#include "common/utf8.h"

namespace crossread::ingest {

namespace {

constexpr size_t kMaxDecompressed = size_t{512} << 20;

enum class Kind { kText, kHtml, kJson, kUnsupported, kUnknown };

Kind KindOf(std::string_view path, std::string* inner_ext) {
  std::string name = AsciiLower(std::filesystem::path(std::string(path)).filename().string());
  bool gz = EndsWith(name, ".gz");
  if (gz) name.resize(name.size() - 3);
  size_t dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
  *inner_ext = gz ? "gz" : "";
  if (ext == "txt" || ext == "text") return Kind::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Kind::kHtml;
  if (ext == "jsonl" || ext == "json" || ext == "ndjson") return Kind::kJson;
  if (ext == "warc" || ext == "tar" || ext == "zip" || ext == "tgz" || name.ends_with(".tar")) {
    return Kind::kUnsupported;
  }
  return Kind::kUnknown;
}

bool LooksLikeHtml(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, 1024));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos;
}

std::optional<std::string> OptString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  std::string s = it->get<std::string>();
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<std::string> IsoDate(std::optional<std::string> s) {
  if (!s || s->size() < 10 || (*s)[4] != '-' || (*s)[7] != '-') return std::nullopt;
  return s->substr(0, 10);
}

Status FillFromHtml(std::string_view html, Article* a) {
  CROSSREAD_ASSIGN_OR_RETURN(clean::HtmlDocument doc, clean::ExtractHtml(html));
  if (!a->title) a->title = doc.title;
  if (!a->published) a->published = doc.published;
  if (!a->outlet) a->outlet = doc.outlet;
  if (!a->language) a->language = doc.language;
  if (!a->url) a->url = doc.url;
  if (a->authors.empty()) a->authors = doc.authors;
  if (!IsValidUtf8(doc.text)) return Status::DataLoss("page text is not valid UTF-8");
  a->raw_text = std::move(doc.text);
  return Status::Ok();
}

Status ReadArticleFromJson(const nlohmann::json& j, Article* a) {
  if (!j.is_object()) return Status::DataLoss("not a JSON object");
  if (auto id = j.find("id"); id != j.end()) {
    if (id->is_string()) {
      a->id = id->get<std::string>();
    } else if (id->is_number_integer()) {
      a->id = std::to_string(id->get<long long>());
    }
  }
  if (a->id.empty()) return Status::DataLoss("article without an \"id\"");
  a->title = OptString(j, "title");
  a->published = IsoDate(OptString(j, "published"));
  a->url = OptString(j, "url");
  a->outlet = OptString(j, "outlet");
  a->language = OptString(j, "language");
  if (auto text = OptString(j, "text")) {
    a->raw_text = std::move(*text);
  } else if (auto html = OptString(j, "html")) {
    CROSSREAD_RETURN_IF_ERROR(FillFromHtml(*html, a));
  } else {
    return Status::DataLoss("article \"" + a->id + "\" has neither \"text\" nor \"html\"");
  }
  return Status::Ok();
}

void ReadOneFile(const std::string& path, bool named, std::vector<Article>* out,
               std::vector<InputError>* errors) {
  auto fail = [&](const std::string& why) { errors->push_back({path, why}); };
  std::string gz;
  Kind kind = KindOf(path, &gz);
  if (kind == Kind::kUnknown && !named) return;  // a stray file in a directory
  if (kind == Kind::kUnsupported) {
    return fail("archives and WARC files are not supported yet");
  }
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return fail(bytes.status().message());
  if (!gz.empty()) {
    bytes = Gunzip(*bytes);
    if (!bytes.ok()) return fail(bytes.status().message());
  }
  if (kind == Kind::kJson) return ReadJsonLines(*bytes, path, out, errors);
  if (kind == Kind::kUnknown) kind = LooksLikeHtml(*bytes) ? Kind::kHtml : Kind::kText;
  Article a;
  a.id = IdFromPath(path);
  a.source = path;
  if (kind == Kind::kHtml) {
    if (bytes->empty()) return fail("empty file");
    if (bytes->find('\0') != std::string::npos && !LooksLikeHtml(*bytes)) {
      return fail("binary file, not HTML");
    }
    Status s = FillFromHtml(*bytes, &a);
    if (!s.ok()) return fail(s.message());
    if (Trim(a.raw_text).empty()) return fail("no text found in the page");
  } else {
    Status s = CheckText(*bytes);
    if (!s.ok()) return fail(s.message());
    a.raw_text = std::move(*bytes);
  }
  out->push_back(std::move(a));
}

}  // namespace

std::string IdFromPath(std::string_view path) {
  std::string name = std::filesystem::path(std::string(path)).filename().string();
  size_t dot = name.find('.', 1);
  return dot == std::string::npos ? name : name.substr(0, dot);
}

Status CheckText(std::string_view bytes) {
  if (Trim(bytes).empty()) return Status::DataLoss("empty file");
  if (bytes.substr(0, 8192).find('\0') != std::string_view::npos) {
    return Status::DataLoss("binary file, not text");
  }
  size_t bad = 0;
  if (!IsValidUtf8(bytes, &bad)) {
    return Status::DataLoss("invalid UTF-8 at byte " + std::to_string(bad));
  }
  return Status::Ok();
}

Result<std::string> Gunzip(std::string_view bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return Status::Internal("zlib init failed");
  zs.next_in = reinterpret_cast<const Bytef*>(bytes.data());
  zs.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return Status::DataLoss("not a valid gzip file");
    }
    out.append(buf, sizeof(buf) - zs.avail_out);
    if (out.size() > kMaxDecompressed) {
      inflateEnd(&zs);
      return Status::DataLoss("gzip content larger than 512 MB");
    }
    if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) {
      inflateEnd(&zs);
      return Status::DataLoss("truncated gzip file");
    }
  }
  inflateEnd(&zs);
  return out;
}

void ReadJsonLines(std::string_view bytes, const std::string& source, std::vector<Article>* out,
                   std::vector<InputError>* errors) {
  std::string_view t = Trim(bytes);
  if (t.empty()) {
    errors->push_back({source, "empty file"});
    return;
  }
  auto add = [&](const nlohmann::json& j, const std::string& where) {
    Article a;
    a.source = where;
    Status s = ReadArticleFromJson(j, &a);
    if (!s.ok()) {
      errors->push_back({where, s.message()});
      return;
    }
    if (Trim(a.raw_text).empty()) {
      errors->push_back({where, "article \"" + a.id + "\" has an empty text"});
      return;
    }
    size_t bad = 0;
    if (!IsValidUtf8(a.raw_text, &bad)) {
      errors->push_back({where, "invalid UTF-8 in text"});
      return;
    }
    out->push_back(std::move(a));
  };
  if (t.front() == '[') {
    try {
      nlohmann::json arr = nlohmann::json::parse(t);
      for (size_t i = 0; i < arr.size(); ++i) add(arr[i], source + ":" + std::to_string(i + 1));
    } catch (const nlohmann::json::exception& e) {
      errors->push_back({source, std::string("invalid JSON: ") + e.what()});
    }
    return;
  }
  size_t line_no = 0, pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = Trim(bytes.substr(pos, nl - pos));
    ++line_no;
    pos = nl + 1;
    if (line.empty()) continue;
    const std::string where = source + ":" + std::to_string(line_no);
    try {
      add(nlohmann::json::parse(line), where);
    } catch (const nlohmann::json::exception& e) {
      errors->push_back({where, std::string("invalid JSON: ") + e.what()});
    }
  }
}

void ReadPaths(const std::vector<std::string>& paths, std::istream& in, std::vector<Article>* out,
               std::vector<InputError>* errors) {
  for (const std::string& path : paths) {
    if (path == "-") {
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      ReadJsonLines(bytes, "-", out, errors);
      continue;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      Result<std::vector<std::string>> files = ListFilesRecursively(path);
      if (!files.ok()) {
        errors->push_back({path, files.status().message()});
        continue;
      }
      for (const std::string& f : *files) ReadOneFile(f, /*named=*/false, out, errors);
    } else if (!std::filesystem::exists(path, ec)) {
      errors->push_back({path, "no such file or directory"});
    } else {
      ReadOneFile(path, /*named=*/true, out, errors);
    }
  }
}

}  // namespace crossread::ingest
