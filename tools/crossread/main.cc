// crossread: the command line. Parses flags, calls the library, prints, and maps the outcome
// to an exit status (0 clean, 1 some input skipped or output failed, 2 bad usage).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "crossread/brief.h"
#include "crossread/pipeline.h"
#include "crossread/store.h"
#include "server/server.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;
constexpr int kExitUsage = 2;

constexpr char kUsage[] = R"(usage: crossread <subcommand> PATH... [options]

Reads news articles (.txt, .html/.htm, .gz of those, .jsonl/.json, .warc/.warc.gz,
.tar/.tar.gz/.zip archives, directories, or - for JSONL on stdin) and writes what they say
across outlets.

subcommands:
  brief       story briefs: summary, entities, quotes, facts, conflicts, timeline, reuse
  extract     JSONL, one clean article per line
  cluster     id<TAB>story per article (--format jsonl: stories with their articles)
  dedup       JSONL of near-duplicate groups
  quotes      JSONL of quotes per article (offsets into the text as read)
  summarize   all input as one story: its extractive summary, one sentence per line
  annotate    CoNLL-U: tokens, lemmas, POS tags, dependencies, entity tags, spans
  ingest      add articles to a store (--db FILE, SQLite): new articles are clustered into
              the stories held and their briefs rebuilt; safe to interrupt and run again
  serve       the web page and HTTP API of a store (--db FILE), on 127.0.0.1:8080

options:
  --format F          brief: json (default), md, html; cluster: tsv (default), jsonl
  -o, --output PATH   write to PATH (whole or not at all); brief --format html -o DIR
                      writes DIR/index.html and a page per story
  --summary-words N   brief: words per story summary (default 120)
  --words N           summarize: words at most (default 120)
  --query TEXT        summarize: focus the summary on a question or topic
  --db FILE           ingest, serve: the store (created by ingest if absent)
  --batch N           ingest: articles per transaction (default 1000)
  --host H            serve: the address to listen on (default 127.0.0.1)
  --port P            serve: the port (default 8080; 0 picks a free one)
  --threads N         worker threads (default: all cores); cluster: its story stream
                      runs beside them unless N is 1; serve: requests answered at once
                      (the others wait their turn)
  --quiet             ingest: no progress lines on stderr (one per commit otherwise)
  --help              this text
  --version           the version

A file that cannot be read is reported as "crossread: PATH: reason" and skipped; the exit
status is then 1 (2 for bad usage, 0 for a clean run).
)";

struct Args {
  std::string command;
  std::vector<std::string> paths;
  std::string format;
  std::string output;
  crossread::Options options;
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  int batch = 1000;
  bool quiet = false;
};

bool ParseInt(const std::string& s, int lo, int* out) {
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < lo || v > 1000000) return false;
  *out = static_cast<int>(v);
  return true;
}

// Returns an error message, or "" when the arguments are good.
std::string Parse(int argc, char** argv, Args* args) {
  std::vector<std::string> a(argv + 1, argv + argc);
  if (a.empty()) return "missing subcommand";
  args->command = a[0];
  for (size_t i = 1; i < a.size(); ++i) {
    const std::string& f = a[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= a.size()) return false;
      *out = a[++i];
      return true;
    };
    std::string v;
    if (f == "--help" || f == "-h") {
      args->command = "help";
      return "";
    } else if (f == "--format") {
      if (!value(&args->format)) return "--format needs a value";
    } else if (f == "-o" || f == "--output") {
      if (!value(&args->output)) return "-o needs a path";
    } else if (f == "--summary-words" || f == "--words") {
      if (!value(&v) || !ParseInt(v, 1, &args->options.summary_words)) {
        return f + " needs a positive number";
      }
    } else if (f == "--query") {
      if (!value(&args->options.query)) return "--query needs a text";
    } else if (f == "--threads") {
      if (!value(&v) || !ParseInt(v, 0, &args->options.threads)) return "--threads needs a number";
    } else if (f == "--db") {
      if (!value(&args->db)) return "--db needs a path";
    } else if (f == "--host") {
      if (!value(&args->host)) return "--host needs an address";
    } else if (f == "--port") {
      if (!value(&v) || !ParseInt(v, 0, &args->port) || args->port > 65535) {
        return "--port needs a number from 0 to 65535";
      }
    } else if (f == "--batch") {
      if (!value(&v) || !ParseInt(v, 1, &args->batch)) return "--batch needs a positive number";
    } else if (f == "--quiet") {
      args->quiet = true;
    } else if (f.size() > 1 && f[0] == '-') {
      return "unknown option " + f;
    } else {
      args->paths.push_back(f);
    }
  }
  return "";
}

// Writes what `write` writes to stdout or, atomically, to `path`: all of it or nothing.
bool EmitWith(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    write(std::cout);
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out.is_open()) {  // before any work is spent on what cannot be written
      std::cerr << "crossread: " << path << ": cannot write\n";
      return false;
    }
    write(out);
    if (!out.flush()) {
      std::cerr << "crossread: " << path << ": cannot write\n";
      std::filesystem::remove(tmp);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::cerr << "crossread: " << path << ": " << ec.message() << "\n";
    std::filesystem::remove(tmp, ec);
    return false;
  }
  return true;
}

bool Emit(const std::string& path, const std::string& text) {
  return EmitWith(path, [&](std::ostream& out) { out << text; });
}

void ReportInputErrors(const std::vector<crossread::InputError>& errors) {
  for (const crossread::InputError& e : errors) {
    std::cerr << "crossread: " << e.path << ": " << e.reason << "\n";
  }
}

int RunIngest(const Args& args) {
  using namespace crossread;
  if (args.db.empty() || args.paths.empty()) {
    std::cerr << "crossread: ingest needs --db FILE and at least one PATH\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<StoreWriter>> store = StoreWriter::Open(args.db, args.options);
  if (!store.ok()) {
    std::cerr << "crossread: " << args.db << ": " << store.status().message() << "\n";
    return kExitSkipped;
  }
  Inputs in = ReadArticles(args.paths, std::cin, args.options.threads);
  ReportInputErrors(in.errors);
  const size_t total = in.articles.size();
  IngestReport report;
  IngestProgress progress = [&](const IngestReport& r) {
    if (args.quiet) return;
    std::cerr << "crossread: ingest: committed " << r.stored + r.unchanged + r.refused.size() << "/"
              << total << " articles (" << r.stored << " new, " << r.unchanged << " unchanged, "
              << r.refused.size() << " refused), " << r.briefs_built << " briefs built\n";
  };
  Status s =
      (*store)->Add(std::move(in.articles), static_cast<size_t>(args.batch), &report, progress);
  if (s.ok()) s = (*store)->BuildBriefs(&report, progress);
  ReportInputErrors(report.refused);
  if (!s.ok()) {
    std::cerr << "crossread: " << args.db << ": " << s.message() << "\n";
    return kExitSkipped;
  }
  if (!args.quiet) {
    std::cerr << "crossread: ingest: done: " << report.stored << " new articles in "
              << report.stories_touched << " story updates, " << report.briefs_built
              << " briefs built\n";
  }
  return in.errors.empty() && report.refused.empty() ? kExitOk : kExitSkipped;
}

int RunServe(const Args& args) {
  using namespace crossread;
  if (args.db.empty() || !args.paths.empty()) {
    std::cerr << "crossread: serve needs --db FILE and no PATH\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<StoreReader>> store = StoreReader::Open(args.db);
  if (!store.ok()) {
    std::cerr << "crossread: " << args.db << ": " << store.status().message() << "\n";
    return kExitSkipped;
  }
  server::ServerOptions options;
  options.host = args.host;
  options.port = args.port;
  options.threads = args.options.threads;
  Status s = server::Serve(**store, options, [](int port) {
    std::cerr << "crossread: serving on port " << port << "\n";
  });
  if (!s.ok()) {
    std::cerr << "crossread: serve: " << s.message() << "\n";
    return kExitSkipped;
  }
  return kExitOk;
}

int Run(const Args& args) {
  using namespace crossread;
  const std::string& cmd = args.command;
  if (cmd == "ingest") return RunIngest(args);
  if (cmd == "serve") return RunServe(args);
  static const std::map<std::string, std::vector<std::string>> kFormats = {
      {"brief", {"", "json", "md", "markdown", "html"}},
      {"cluster", {"", "tsv", "jsonl"}},
      {"extract", {"", "jsonl"}},
      {"dedup", {"", "jsonl"}},
      {"quotes", {"", "jsonl"}},
      {"summarize", {"", "text", "txt"}},
      {"annotate", {"", "conllu"}}};
  auto fmt = kFormats.find(cmd);
  if (fmt == kFormats.end()) {
    std::cerr << "crossread: unknown subcommand '" << cmd << "'\n" << kUsage;
    return kExitUsage;
  }
  if (std::find(fmt->second.begin(), fmt->second.end(), args.format) == fmt->second.end()) {
    std::cerr << "crossread: " << cmd << " has no format '" << args.format << "'\n";
    return kExitUsage;
  }
  if (args.paths.empty()) {
    std::cerr << "crossread: " << cmd << ": no PATH given (use - for JSONL on stdin)\n";
    return kExitUsage;
  }
  // `cluster` cleans as it clusters, a batch at a time.
  Inputs in = ReadArticles(args.paths, std::cin, args.options.threads, cmd != "cluster");
  ReportInputErrors(in.errors);
  bool ok = true;
  std::ostringstream out;
  if (cmd == "brief" && (args.format.empty() || args.format == "json")) {
    // Streamed: the stories of a large input are never all held.
    ok = EmitWith(args.output, [&](std::ostream& stream) {
      JsonBriefWriter writer(&stream);
      BuildBrief(std::move(in.articles), args.options, &writer);
      writer.Finish();
    });
    return ok && in.errors.empty() ? kExitOk : kExitSkipped;
  }
  if (cmd == "brief") {
    Brief brief = BuildBrief(std::move(in.articles), args.options);
    if (args.format == "html" && !args.output.empty() &&
        (std::filesystem::is_directory(args.output) || args.output.back() == '/')) {
      std::error_code ec;
      std::filesystem::create_directories(args.output, ec);
      ok = Emit((std::filesystem::path(args.output) / "index.html").string(),
                RenderBriefHtml(brief));
      for (const Story& s : brief.stories) {
        ok = Emit((std::filesystem::path(args.output) / (s.id + ".html")).string(),
                  RenderBriefHtml(brief, &s)) &&
             ok;
      }
      return ok && in.errors.empty() ? kExitOk : kExitSkipped;
    }
    if (args.format == "md" || args.format == "markdown") {
      out << RenderBriefMarkdown(brief);
    } else {
      out << RenderBriefHtml(brief);
    }
  } else if (cmd == "extract") {
    for (const Article& a : in.articles) out << RenderExtractLine(a) << "\n";
  } else if (cmd == "quotes") {
    for (const Article& a : in.articles) out << RenderQuotesLine(a, ExtractQuotes(a)) << "\n";
  } else if (cmd == "dedup") {
    std::vector<DuplicateGroup> groups = FindDuplicates(in.articles, args.options);
    for (size_t g = 0; g < groups.size(); ++g) out << RenderDuplicateLine(g + 1, groups[g]) << "\n";
  } else if (cmd == "cluster") {
    std::vector<std::string> ids;
    for (const Article& a : in.articles) ids.push_back(a.id);
    std::vector<std::string> story = ClusterStories(std::move(in.articles), args.options);
    if (args.format == "jsonl") {
      std::map<std::string, std::vector<std::string>> members;
      std::vector<std::string> order;
      for (size_t i = 0; i < story.size(); ++i) {
        if (members[story[i]].empty()) order.push_back(story[i]);
        members[story[i]].push_back(ids[i]);
      }
      for (const std::string& s : order) out << RenderStoryLine(s, members[s]) << "\n";
    } else {
      for (size_t i = 0; i < story.size(); ++i) out << ids[i] << "\t" << story[i] << "\n";
    }
  } else if (cmd == "annotate") {
    for (const Article& a : in.articles) {
      Result<std::string> conllu = AnnotateConllu(a);
      if (!conllu.ok()) {
        std::cerr << "crossread: " << conllu.status().message() << "\n";
        return kExitSkipped;
      }
      out << *conllu;
    }
  } else if (cmd == "summarize") {
    for (const SummarySentence& s : Summarize(in.articles, args.options)) out << s.text << "\n";
  }
  ok = Emit(args.output, out.str());
  return ok && in.errors.empty() ? kExitOk : kExitSkipped;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  std::string error = Parse(argc, argv, &args);
  if (args.command == "help" || args.command == "--help" || args.command == "-h") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (args.command == "--version" || args.command == "version") {
    std::cout << "crossread " << CROSSREAD_VERSION << "\n";
    return kExitOk;
  }
  if (!error.empty()) {
    std::cerr << "crossread: " << error << "\n" << kUsage;
    return kExitUsage;
  }
  return Run(args);
}
