#include "ingest/reader.h"

#define ZLIB_CONST  // zlib reads input through a const pointer
#include <archive.h>
#include <archive_entry.h>
#include <simdjson.h>
#include <zlib.h>

#include <filesystem>
#include <iterator>

#include "clean/html.h"
#include "common/env.h"
#include "common/strings.h"
#include "common/utf8.h"
#include "ingest/warc.h"

namespace crossread::ingest {

namespace {

constexpr size_t kMaxDecompressed = size_t{512} << 20;

enum class Kind { kText, kHtml, kJson, kWarc, kArchive, kUnknown };

// The kind of a file by its name; `gz` is set when the name ends in .gz (archives decompress
// themselves).
Kind KindOf(std::string_view path, bool* gz) {
  std::string name = AsciiLower(std::filesystem::path(std::string(path)).filename().string());
  if (EndsWith(name, ".tar") || EndsWith(name, ".tar.gz") || EndsWith(name, ".tgz") ||
      EndsWith(name, ".zip")) {
    *gz = false;
    return Kind::kArchive;
  }
  *gz = EndsWith(name, ".gz");
  if (*gz) name.resize(name.size() - 3);
  size_t dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
  if (ext == "txt" || ext == "text") return Kind::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Kind::kHtml;
  if (ext == "jsonl" || ext == "json" || ext == "ndjson") return Kind::kJson;
  if (ext == "warc") return Kind::kWarc;
  return Kind::kUnknown;
}

bool LooksLikeHtml(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, 1024));
  return head.find("<html") != std::string::npos ||
         head.find("<!doctype html") != std::string::npos;
}

std::optional<std::string> IsoDate(std::optional<std::string> s) {
  if (!s || s->size() < 10 || (*s)[4] != '-' || (*s)[7] != '-') return std::nullopt;
  return s->substr(0, 10);
}

Status FillFromHtml(std::string_view html, std::string_view charset, Article* a) {
  CROSSREAD_ASSIGN_OR_RETURN(clean::HtmlDocument doc, clean::ExtractHtml(html, charset));
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

// One article from a parsed JSON value: "id" (a string or an integer) and "text" or "html";
// optional "title", "published", "url", "outlet", "language" (strings; empty ones are absent).
Status ReadArticleFromJson(simdjson::dom::element j, Article* a) {
  simdjson::dom::object object;
  if (j.get_object().get(object)) return Status::DataLoss("not a JSON object");
  std::optional<std::string> text, html;
  for (const simdjson::dom::key_value_pair field : object) {
    const std::string_view key = field.key;
    const simdjson::dom::element value = field.value;
    if (key == "id") {
      std::string_view id;
      int64_t number = 0;
      uint64_t unsigned_number = 0;
      if (!value.get_string().get(id)) {
        a->id = std::string(id);
      } else if (!value.get_int64().get(number)) {
        a->id = std::to_string(number);
      } else if (!value.get_uint64().get(unsigned_number)) {
        a->id = std::to_string(unsigned_number);
      }
      continue;
    }
    std::optional<std::string>* slot = key == "title"       ? &a->title
                                       : key == "published" ? &a->published
                                       : key == "url"       ? &a->url
                                       : key == "outlet"    ? &a->outlet
                                       : key == "language"  ? &a->language
                                       : key == "text"      ? &text
                                       : key == "html"      ? &html
                                                            : nullptr;
    std::string_view s;
    if (slot == nullptr || value.get_string().get(s) || s.empty()) continue;
    *slot = std::string(s);
  }
  if (a->id.empty()) return Status::DataLoss("article without an \"id\"");
  a->published = IsoDate(std::move(a->published));
  if (text) {
    a->raw_text = std::move(*text);
  } else if (html) {
    CROSSREAD_RETURN_IF_ERROR(FillFromHtml(*html, {}, a));
  } else {
    return Status::DataLoss("article \"" + a->id + "\" has neither \"text\" nor \"html\"");
  }
  return Status::Ok();
}

constexpr int kMaxArchiveDepth = 2;  // an archive in an archive is read; deeper is not

void ReadBytes(const std::string& name, const std::string& where, std::string bytes, bool named,
               int depth, std::vector<Article>* out, std::vector<InputError>* errors);

void ReadWarcFile(std::string_view bytes, const std::string& where, std::vector<Article>* out,
                  std::vector<InputError>* errors) {
  std::string error;
  std::vector<WarcPage> pages = ReadWarc(bytes, &error);
  if (pages.empty() && error.empty()) error = "no HTML response records";
  for (size_t i = 0; i < pages.size(); ++i) {
    WarcPage& page = pages[i];
    Article a;
    a.id =
        page.record_id.empty() ? IdFromPath(where) + "-" + std::to_string(i + 1) : page.record_id;
    a.source = where + "#" + a.id;
    if (!page.url.empty()) a.url = page.url;
    Status s = FillFromHtml(page.html, page.charset, &a);
    if (s.ok() && Trim(a.raw_text).empty()) s = Status::DataLoss("no text found in the page");
    if (!s.ok()) {
      errors->push_back({a.source, s.message()});
      continue;
    }
    out->push_back(std::move(a));
  }
  if (!error.empty()) errors->push_back({where, error});
}

// Every regular member of a tar (optionally compressed) or zip archive, by its own type.
void ReadArchive(std::string_view bytes, const std::string& where, int depth,
                 std::vector<Article>* out, std::vector<InputError>* errors) {
  if (depth >= kMaxArchiveDepth) {
    errors->push_back({where, "archives nested deeper than " + std::to_string(kMaxArchiveDepth) +
                                  " levels are not read"});
    return;
  }
  archive* ar = archive_read_new();
  archive_read_support_filter_all(ar);
  archive_read_support_format_tar(ar);
  archive_read_support_format_zip(ar);
  if (archive_read_open_memory(ar, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    errors->push_back({where, std::string("not a readable archive: ") + archive_error_string(ar)});
    archive_read_free(ar);
    return;
  }
  archive_entry* entry = nullptr;
  int rc = ARCHIVE_OK;
  while ((rc = archive_read_next_header(ar, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    const char* path = archive_entry_pathname(entry);
    std::string member = path ? path : "";
    std::string base = std::filesystem::path(member).filename().string();
    if (base.empty() || base[0] == '.' || StartsWith(member, "__MACOSX/")) continue;
    std::string data;
    char buf[1 << 16];
    la_ssize_t n = 0;
    while ((n = archive_read_data(ar, buf, sizeof(buf))) > 0) {
      data.append(buf, static_cast<size_t>(n));
      if (data.size() > kMaxDecompressed) break;
    }
    const std::string member_where = where + ":" + member;
    if (n < 0) {
      errors->push_back(
          {member_where, std::string("unreadable member: ") + archive_error_string(ar)});
      continue;
    }
    if (data.size() > kMaxDecompressed) {
      errors->push_back({member_where, "member larger than 512 MB"});
      continue;
    }
    ReadBytes(member, member_where, std::move(data), /*named=*/false, depth + 1, out, errors);
  }
  if (rc != ARCHIVE_EOF) {
    const char* why = archive_error_string(ar);
    errors->push_back({where, std::string("archive ends early: ") + (why ? why : "corrupt")});
  }
  archive_read_free(ar);
}

// One file's bytes, read by the type its `name` says; `where` names it in messages.
void ReadBytes(const std::string& name, const std::string& where, std::string bytes, bool named,
               int depth, std::vector<Article>* out, std::vector<InputError>* errors) {
  auto fail = [&](const std::string& why) { errors->push_back({where, why}); };
  bool gz = false;
  Kind kind = KindOf(name, &gz);
  if (kind == Kind::kUnknown && !named) return;  // a stray file in a directory
  if (kind == Kind::kArchive) return ReadArchive(bytes, where, depth, out, errors);
  if (gz) {
    Result<std::string> plain = Gunzip(bytes);
    if (!plain.ok()) return fail(plain.status().message());
    bytes = std::move(*plain);
  }
  if (kind == Kind::kJson) return ReadJsonLines(bytes, where, out, errors);
  if (kind == Kind::kWarc) return ReadWarcFile(bytes, where, out, errors);
  if (kind == Kind::kUnknown) kind = LooksLikeHtml(bytes) ? Kind::kHtml : Kind::kText;
  Article a;
  a.id = IdFromPath(name);
  a.source = where;
  if (kind == Kind::kHtml) {
    if (bytes.empty()) return fail("empty file");
    if (bytes.find('\0') != std::string::npos && !LooksLikeHtml(bytes)) {
      return fail("binary file, not HTML");
    }
    Status s = FillFromHtml(bytes, {}, &a);
    if (!s.ok()) return fail(s.message());
    if (Trim(a.raw_text).empty()) return fail("no text found in the page");
  } else {
    Status s = CheckText(bytes);
    if (!s.ok()) return fail(s.message());
    a.raw_text = std::move(bytes);
  }
  out->push_back(std::move(a));
}

void ReadOneFile(const std::string& path, bool named, std::vector<Article>* out,
                 std::vector<InputError>* errors) {
  bool gz = false;
  const Kind kind = KindOf(path, &gz);
  if (kind == Kind::kUnknown && !named) return;
  if (kind == Kind::kJson && !gz) {  // read in place: a day of news is a large file
    if (Result<MappedFile> mapped = MappedFile::Open(path); mapped.ok()) {
      return ReadJsonLines(mapped->bytes(), path, out, errors);
    }
  }
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return errors->push_back({path, bytes.status().message()});
  ReadBytes(path, path, std::move(*bytes), named, 0, out, errors);
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
  while (true) {
    if (rc == Z_STREAM_END) {  // the end of one member: another may follow (.warc.gz)
      if (zs.avail_in < 2 || zs.next_in[0] != 0x1f || zs.next_in[1] != 0x8b) break;
      inflateReset(&zs);
    }
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
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // a UTF-8 byte-order mark
  std::string_view t = Trim(bytes);
  if (t.empty()) {
    errors->push_back({source, "empty file"});
    return;
  }
  auto add = [&](simdjson::dom::element j, const std::string& where) {
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
  // The parser reads a copy of each document with the padding it reads past the end, and
  // reuses its own buffers from one line to the next.
  simdjson::dom::parser parser;
  std::string padded;
  auto parse = [&](std::string_view json, simdjson::dom::element* doc) {
    padded.assign(json);
    padded.resize(json.size() + simdjson::SIMDJSON_PADDING);
    return parser.parse(padded.data(), json.size(), /*realloc_if_needed=*/false).get(*doc);
  };
  auto invalid = [](simdjson::error_code e) {
    return std::string("invalid JSON: ") + simdjson::error_message(e);
  };
  simdjson::dom::element doc;
  if (t.front() == '[') {
    if (simdjson::error_code e = parse(t, &doc)) return errors->push_back({source, invalid(e)});
    simdjson::dom::array items;
    if (doc.get_array().get(items)) return errors->push_back({source, "not a JSON array"});
    size_t i = 0;
    for (simdjson::dom::element item : items) add(item, source + ":" + std::to_string(++i));
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
    if (simdjson::error_code e = parse(line, &doc)) {
      errors->push_back({where, invalid(e)});
      continue;
    }
    add(doc, where);
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
