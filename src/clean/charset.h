// Which character encoding an HTML page is in: byte-order mark, then the page's own declaration
// (<meta charset>, <meta http-equiv="Content-Type">, <?xml encoding>), then detection (valid
// UTF-8 is UTF-8; anything else is read as windows-1252, the web's default single-byte code).
#ifndef CROSSREAD_CLEAN_CHARSET_H_
#define CROSSREAD_CLEAN_CHARSET_H_

#include <string>
#include <string_view>

namespace crossread::clean {

// An encoding name iconv and libxml2 know ("UTF-8", "UTF-16LE", "windows-1252", "EUC-KR", ...).
// `declared` is a charset from outside the page (an HTTP Content-Type header), or empty.
std::string SniffCharset(std::string_view html, std::string_view declared = {});

}  // namespace crossread::clean

#endif  // CROSSREAD_CLEAN_CHARSET_H_
