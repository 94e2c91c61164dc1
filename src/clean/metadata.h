// Metadata found in the text itself: leading "date 2025-03-15" headers, datelines
// ("LONDON — (AP) —", "PARIS (Reuters) -", "SEOUL, South Korea —") and wire credits
// ("(With inputs from Reuters)", "(AP)", "Reuters reported").
#ifndef CROSSREAD_CLEAN_METADATA_H_
#define CROSSREAD_CLEAN_METADATA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crossread::clean {

struct HeaderDate {
  std::string date;     // YYYY-MM-DD
  size_t consumed = 0;  // bytes of the line taken by the header and the space after it
};
// A "date 2025-03-15" / "Published: 2025-03-15T10:00" header at the start of `line`.
std::optional<HeaderDate> ParseHeaderDate(std::string_view line);

struct Dateline {
  std::string place;                // "LONDON", "SEOUL, South Korea"
  std::optional<std::string> wire;  // "AP" when the dateline credits an agency
  size_t consumed = 0;              // bytes of the paragraph taken by the dateline
};
// A dateline at the start of a (normalised) paragraph.
std::optional<Dateline> ParseDateline(std::string_view paragraph);

// The agency of a credit line such as "(With inputs from Reuters)" or "(Reporting by X;
// Editing by Y)", or nullopt when the line is not a credit line.
std::optional<std::string> ParseCreditLine(std::string_view line);

// Agencies credited in running text: "(AP)", "Reuters reported", "AFP contributed to this
// report". Canonical names, sorted, no repeats.
std::vector<std::string> FindWireMentions(std::string_view text);

// The canonical credit for an agency name ("Associated Press" → "AP"), or "" if unknown.
std::string_view CanonicalWire(std::string_view name);

}  // namespace crossread::clean

#endif  // CROSSREAD_CLEAN_METADATA_H_
