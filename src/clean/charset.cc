#include "clean/charset.h"

#include "common/strings.h"
#include "common/utf8.h"

namespace crossread::clean {

namespace {

constexpr size_t kPrescan = 16384;  // bytes searched for a declaration

bool NameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
         c == '.';
}

// The value after the first "charset=" (or "encoding=" in an XML declaration) in `lower`.
std::string DeclaredIn(const std::string& lower) {
  for (const char* key : {"charset=", "encoding="}) {
    for (size_t at = lower.find(key); at != std::string::npos; at = lower.find(key, at + 1)) {
      // Only inside a <meta ...> or <?xml ...> tag, not in a script.
      size_t open = lower.rfind('<', at);
      size_t close = lower.rfind('>', at);
      if (open == std::string::npos || (close != std::string::npos && close > open)) continue;
      std::string_view tag(lower.data() + open, at - open);
      if (!StartsWith(tag, "<meta") && !StartsWith(tag, "<?xml")) continue;
      size_t i = at + std::string_view(key).size();
      while (i < lower.size() && (lower[i] == '"' || lower[i] == '\'' || lower[i] == ' ')) ++i;
      size_t j = i;
      while (j < lower.size() && NameChar(lower[j])) ++j;
      if (j > i) return lower.substr(i, j - i);
    }
  }
  return std::string();
}

// The name libxml2 should be given for a declared label (WHATWG aliases: Latin-1 and ASCII
// labels mean windows-1252).
std::string Canonical(std::string label, std::string_view html) {
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") {
    return IsValidUtf8(html) ? "UTF-8" : "windows-1252";  // mislabelled pages are common
  }
  if (label == "iso-8859-1" || label == "latin1" || label == "l1" || label == "us-ascii" ||
      label == "ascii" || label == "iso8859-1" || label == "cp1252" || label == "x-cp1252") {
    return "windows-1252";
  }
  if (label == "utf-16" || label == "unicode") return "UTF-16LE";
  if (label == "ks_c_5601-1987" || label == "euc-kr" || label == "korean") return "CP949";
  if (label == "gb2312" || label == "gbk" || label == "x-gbk") return "GB18030";
  if (label == "shift_jis" || label == "sjis" || label == "x-sjis") return "SHIFT_JIS";
  return label;
}

}  // namespace

std::string SniffCharset(std::string_view html, std::string_view declared) {
  if (StartsWith(html, "\xEF\xBB\xBF")) return "UTF-8";
  if (StartsWith(html, "\xFF\xFE")) return "UTF-16LE";
  if (StartsWith(html, "\xFE\xFF")) return "UTF-16BE";
  std::string label = AsciiLower(std::string(Trim(declared)));
  if (label.empty()) label = DeclaredIn(AsciiLower(html.substr(0, kPrescan)));
  if (!label.empty()) return Canonical(label, html);
  return IsValidUtf8(html) ? "UTF-8" : "windows-1252";
}

}  // namespace crossread::clean
